//! Faults: signals and panics mid-session leave the terminal restored,
//! files that vanish or change while read give clear errors, and the files
//! pundit reads are never modified.

#[path = "common/pty.rs"]
mod pty;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use pty::{Session, find_last};
use pundit::load::{LoadError, load_paths, load_paths_with_progress};

/// A fresh directory of its own for one test.
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("pundit-faults-{name}-"))
        .tempdir()
        .expect("a temporary directory")
}

fn seed_text() -> &'static str {
    pundit::load::BUNDLED
}

/// A session showing the reader, moved around a little.
fn reading_session(env: &[(&str, &str)]) -> Session {
    let mut session = Session::start(&[], env, 120, 40);
    session.wait_for_text(" Topics ");
    session.send("\t");
    session.send("j");
    session.send("]");
    session.wait_for_text("post 2/");
    session
}

/// Asserts that what pundit wrote ends by handing the terminal back: mouse
/// reporting off, the alternate screen left, the cursor shown, each after
/// the last time it was turned on, and nothing drawn after leaving.
fn assert_output_restores_the_terminal(session: &Session) {
    let raw = session.raw_output();
    let last = |needle: &[u8]| find_last(&raw, needle);
    let entered = last(b"\x1b[?1049h").expect("entered the alternate screen");
    let left = last(b"\x1b[?1049l").expect("left the alternate screen");
    assert!(left > entered, "the alternate screen is left last");
    let mouse_on = last(b"\x1b[?1000h").expect("mouse capture was on");
    let mouse_off = last(b"\x1b[?1000l").expect("mouse capture turned off");
    assert!(mouse_off > mouse_on, "mouse capture is turned off last");
    let paste_on = last(b"\x1b[?2004h").expect("bracketed paste was on");
    let paste_off = last(b"\x1b[?2004l").expect("bracketed paste turned off");
    assert!(paste_off > paste_on, "bracketed paste is turned off last");
    let shown = last(b"\x1b[?25h").expect("the cursor is shown");
    if let Some(hidden) = last(b"\x1b[?25l") {
        assert!(shown > hidden, "the cursor is shown last");
    }
    // No cursor move, so no drawing, once the alternate screen is left.
    let tail = String::from_utf8_lossy(&raw[left..]);
    assert!(
        !tail.contains('H'),
        "drawing after leaving the alternate screen: {tail:?}"
    );
    session.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "back on the main screen");
        assert!(!screen.hide_cursor(), "the cursor is visible");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting is off"
        );
    });
    session.assert_cooked_mode();
}

#[test]
fn sigterm_mid_session_restores_the_terminal_and_exits_143() {
    let mut session = reading_session(&[]);
    session.wait_until_quiet();
    session.signal("TERM");
    assert_eq!(session.wait_exit(), 143);
    assert_output_restores_the_terminal(&session);
}

#[test]
fn sighup_mid_session_restores_the_terminal() {
    let mut session = reading_session(&[]);
    session.send("?");
    session.wait_for_text("Open the next post");
    session.signal("HUP");
    assert_eq!(session.wait_exit(), 129, "128 + SIGHUP");
    assert_output_restores_the_terminal(&session);
}

#[test]
fn sigint_sigquit_and_every_other_terminating_signal_restore_the_terminal() {
    // 128 + the signal's number, as a shell reports a death by signal.
    for (signal, status) in [
        ("INT", 130),
        ("QUIT", 131),
        ("USR1", 138),
        ("USR2", 140),
        ("ALRM", 142),
        ("PWR", 158),
    ] {
        let mut session = reading_session(&[]);
        session.wait_until_quiet();
        session.signal(signal);
        assert_eq!(session.wait_exit(), status, "SIG{signal}");
        assert_output_restores_the_terminal(&session);
    }
}

#[test]
fn sigint_with_an_overlay_open_mid_storm_restores_the_terminal() {
    let mut session = reading_session(&[]);
    session.send("/trump");
    session.send(&"jk".repeat(500));
    session.signal("INT");
    assert_eq!(session.wait_exit(), 130);
    assert_output_restores_the_terminal(&session);
}

#[test]
fn an_abort_restores_the_terminal_and_says_so() {
    // SIGABRT from outside takes the path an allocation failure or a stack
    // overflow takes: abort() raises it in the failing thread.
    let mut session = reading_session(&[]);
    session.wait_until_quiet();
    session.signal("ABRT");
    assert_ne!(session.wait_exit(), 0, "an abort is a failure");
    assert_output_restores_the_terminal(&session);
    let screen = session.screen();
    assert!(screen.contains("pundit: aborted"), "{screen}");
}

#[test]
fn a_panic_while_drawing_restores_the_terminal_and_shows_the_message() {
    let mut session = Session::start(&[], &[("PUNDIT_TEST_PANIC_IN_DRAW", "1")], 120, 40);
    assert_eq!(session.wait_exit(), 101, "a panic's exit status");
    assert_output_restores_the_terminal(&session);
    let screen = session.screen();
    assert!(
        screen.contains("forced panic while drawing"),
        "the panic message is on the main screen:\n{screen}"
    );
}

#[test]
fn a_missing_file_in_the_reader_restores_the_terminal_and_says_why() {
    let tmp = temp_dir("missing-reader");
    let dir = tmp.path().to_path_buf();
    let gone = dir.join("gone.json");
    let mut session = Session::start(&[gone.to_str().expect("UTF-8 path")], &[], 100, 30);
    assert_eq!(session.wait_exit(), 2);
    let screen = session.screen();
    assert!(
        screen.contains("gone.json") && screen.contains("No such file"),
        "the error names the file:\n{screen}"
    );
    assert!(!screen.contains("panicked"), "{screen}");
    session.with_screen(|screen| assert!(!screen.alternate_screen()));
}

#[test]
fn a_file_deleted_before_it_is_opened_is_a_clear_error() {
    let tmp = temp_dir("deleted");
    let dir = tmp.path().to_path_buf();
    let path = dir.join("archive.txt");
    fs::write(&path, seed_text()).expect("write the archive");
    fs::remove_file(&path).expect("delete it");
    let output = Command::new(env!("CARGO_BIN_EXE_pundit"))
        .arg("tree")
        .arg(&path)
        .output()
        .expect("run pundit");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(&format!("pundit: {}: ", path.display()))
            && stderr.contains("No such file"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_file_that_shrinks_while_read_is_reported_as_changed() {
    let tmp = temp_dir("shrinks");
    let dir = tmp.path().to_path_buf();
    let path = dir.join("archive.txt");
    fs::write(&path, seed_text()).expect("write the archive");
    let mut truncated = false;
    // The progress callback runs between reads: the moment to change it.
    let result = load_paths_with_progress(std::slice::from_ref(&path), &mut |_, _| {
        if !truncated {
            truncated = true;
            fs::write(&path, "Short now\n\nOne paragraph.\n").expect("truncate");
        }
    });
    match result {
        Err(error @ LoadError::Changed { .. }) => assert_eq!(
            error.to_string(),
            format!("{}: changed while it was being read", path.display())
        ),
        other => panic!("expected a Changed error, got {other:?}"),
    }
}

#[test]
fn a_file_deleted_while_read_is_a_clear_error() {
    let tmp = temp_dir("deleted-while-read");
    let dir = tmp.path().to_path_buf();
    let path = dir.join("archive.txt");
    fs::write(&path, seed_text()).expect("write the archive");
    let result = load_paths_with_progress(std::slice::from_ref(&path), &mut |_, _| {
        let _ = fs::remove_file(&path);
    });
    let error = result.expect_err("a vanished file is an error").to_string();
    assert!(
        error.starts_with(&format!("{}: ", path.display())) && error.contains("No such file"),
        "{error}"
    );
}

#[test]
fn a_file_vanishing_from_a_directory_is_skipped_with_a_warning() {
    let tmp = temp_dir("dir-vanish");
    let dir = tmp.path().to_path_buf();
    fs::write(dir.join("a.txt"), seed_text()).expect("write a");
    fs::write(dir.join("b.txt"), seed_text()).expect("write b");
    let b = dir.join("b.txt");
    let loaded = load_paths_with_progress(std::slice::from_ref(&dir), &mut |_, _| {
        let _ = fs::remove_file(&b);
    })
    .expect("the directory still loads");
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].path.ends_with("b.txt"));
    assert!(!loaded.corpus.is_empty());
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let tmp = temp_dir("fifo");
    let dir = tmp.path().to_path_buf();
    let path = dir.join("archive.txt");
    let made = Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    // No writer ever opens it: reading would block in open(2) forever.
    match load_paths(std::slice::from_ref(&path)) {
        Err(error @ LoadError::NotAFile { .. }) => assert_eq!(
            error.to_string(),
            format!(
                "{}: a FIFO, not a file or a directory (to read a pipe, name it `-`)",
                path.display()
            )
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// Content and modification time of every file in `dir`.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("read the directory")
        .map(|entry| {
            let path = entry.expect("entry").path();
            let content = fs::read(&path).expect("read");
            let modified = fs::metadata(&path)
                .and_then(|m| m.modified())
                .expect("mtime");
            (path, content, modified)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_session_never_modifies_the_files_it_reads() {
    let tmp = temp_dir("untouched");
    let dir = tmp.path().to_path_buf();
    fs::write(dir.join("archive.txt"), seed_text()).expect("write the archive");
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile.json");
    fs::copy(&hostile, dir.join("hostile.json")).expect("copy the fixture");
    let before = snapshot(&dir);

    let mut session = Session::start(
        &[dir.to_str().expect("UTF-8 path")],
        &[("BROWSER", "true")],
        120,
        40,
    );
    session.wait_for_text(" Topics ");
    for keys in ["\t", "j", "]", "[", "1", "y", "\t", "o", "?"] {
        session.send(keys);
    }
    session.wait_for_text("Open the next post");
    session.send("q");
    session.wait_for("Help to close", |s| !s.contains("Open the next post"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    for args in [&["tree"][..], &["search", "Trump"], &["export"]] {
        let status = Command::new(env!("CARGO_BIN_EXE_pundit"))
            .args(args)
            .arg(&dir)
            .output()
            .expect("run pundit")
            .status;
        assert!(status.code().is_some_and(|c| c <= 1), "{args:?}: {status}");
    }
    assert_eq!(snapshot(&dir), before, "content and mtime unchanged");
}
