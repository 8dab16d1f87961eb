//! End-to-end, in a pseudo-terminal: what the reader does beside showing
//! text. Opening a source in the browser (`$BROWSER`, then the system's
//! openers, and a way out when there is none), copying a quote with its
//! provenance (OSC 52), reading an archive piped in as `-`, a word for keys
//! that do nothing where they are pressed, and every file skipped while
//! loading named in Help.

#[path = "common/pty.rs"]
mod pty;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use pty::{Session, status_line};
use pundit::tui::clipboard::osc52;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thread.json");

/// A fresh directory in the build's scratch space.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("open-copy-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn started(env: &[(&str, &str)]) -> Session {
    let session = Session::start(&[FIXTURE], env, 120, 40);
    session.wait_for("the first post", |screen| screen.contains("post 1/3"));
    session
}

#[test]
fn o_tries_browser_entries_in_turn_and_the_first_that_works_opens_the_url() {
    let dir = scratch("browser");
    let opened = dir.join("opened");
    let script = dir.join("browser.sh");
    fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display()),
    )
    .expect("write the browser");
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).expect("chmod");
    // The first entry is not installed; the second is.
    let browser = format!("/nonexistent/browser:{}", script.display());
    let empty = dir.join("bin");
    fs::create_dir_all(&empty).expect("mkdir");
    let mut session = started(&[("BROWSER", &browser), ("PATH", empty.to_str().unwrap())]);
    session.send("1o");
    let deadline = std::time::Instant::now() + pty::timeout();
    while !opened.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        fs::read_to_string(&opened).expect("the browser ran"),
        "https://www.nzherald.co.nz/nz/tolls-return"
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn o_with_no_browser_at_all_says_what_to_do() {
    let dir = scratch("no-browser");
    let mut session = started(&[("BROWSER", ""), ("PATH", dir.to_str().unwrap())]);
    session.send("1o");
    session.wait_for("a way out in the status bar", |screen| {
        let status = status_line(screen);
        status.contains("No browser found: set $BROWSER; y copies the URL")
    });
    let screen = session.screen();
    assert!(
        !screen.contains("os error"),
        "no bare system error: {screen}"
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn capital_y_copies_the_quote_with_its_source_and_the_post_it_is_quoted_in() {
    let mut session = Session::start(&[FIXTURE], &[("DISPLAY", "")], 120, 40);
    session.wait_for("the first post", |screen| screen.contains("post 1/3"));
    // `1` goes to source 1's citation, `}` to its quote.
    session.send("1}Y");
    session.wait_for("the copy said", |screen| {
        status_line(screen).contains("Copied the quote (OSC 52)")
    });
    let expected = "The council voted nine to four to reinstate the toll from next July.\n\
                    — Herald, “Tolls to return on the bridge”, \
                    https://www.nzherald.co.nz/nz/tolls-return\n\
                    quoted in “Harbour bridge tolls return”";
    let raw = session.raw_output();
    let wanted = osc52(expected);
    assert!(
        pty::find_last(&raw, wanted.as_bytes()).is_some(),
        "OSC 52 with {expected:?}"
    );
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn a_dash_reads_an_archive_piped_in_while_the_keys_come_from_the_terminal() {
    let command = format!(
        "cat '{}' | exec '{}' -",
        FIXTURE,
        env!("CARGO_BIN_EXE_pundit")
    );
    let mut session = Session::start_program("/bin/sh", &["-c", &command], &[], 120, 40);
    session.wait_for("the piped archive", |screen| {
        screen.contains("post 1/3") && screen.contains("Harbour bridge")
    });
    session.send("]");
    session.wait_for_text("post 2/3");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_cooked_mode();
}

#[test]
fn a_key_that_does_nothing_where_it_is_pressed_says_so() {
    let mut session = started(&[]);
    session.send("\t");
    session.wait_for_text(" Article ");
    session.send("f");
    session.wait_for("a word about f", |screen| {
        status_line(screen).contains("f: a key of the Topics pane (Tab)")
    });
    session.send("%");
    session.wait_for("a word about %", |screen| {
        status_line(screen).contains("%: not a key here (? lists keys)")
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn every_file_skipped_while_loading_is_named_in_help() {
    let dir = scratch("skipped");
    fs::write(dir.join("a.txt"), pundit::load::BUNDLED).expect("write");
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
    fs::write(dir.join("b.bin"), png).expect("write");
    fs::write(dir.join("c.bin"), png).expect("write");
    let mut session = Session::start(&[dir.to_str().unwrap()], &[], 120, 40);
    session.wait_for("the first warning, and where the rest are", |screen| {
        let status = status_line(screen);
        status.contains("2 warnings (? lists them): ")
    });
    session.send("?");
    session.wait_for("both files named in Help", |screen| {
        screen.contains("While loading")
            && screen.contains("b.bin: skipped")
            && screen.contains("c.bin: skipped")
    });
    session.send("\x1bq");
    assert_eq!(session.wait_exit(), 0);
}
