//! End-to-end: what the reader remembers between runs, and its config
//! file, with the real binary in a pseudo-terminal. Each test gives pundit
//! state and config directories of its own (never the user's) and runs it
//! more than once on them.
//!
//! Every wait is for a screen condition with a deadline.

#[path = "common/pty.rs"]
mod pty;

use std::fs;
use std::path::Path;

use pty::{Home, Session, status_line};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/seed.txt");
const THREAD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thread.json");

/// The "post n/N │ lines a–b/L p%" part of the status bar.
fn position(session: &Session) -> String {
    let screen = session.screen();
    let status = status_line(&screen);
    let start = status.find("post ").expect("a post position");
    let end = status[start..]
        .find('%')
        .map_or(status.len(), |at| start + at + 1);
    status[start..end].to_string()
}

/// A screen's lines without trailing blanks (what a frame left past its
/// text depends on the frames before it).
fn trimmed(screen: &str) -> Vec<&str> {
    screen.lines().map(str::trim_end).collect()
}

fn quit(mut session: Session) {
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn reopening_an_archive_comes_back_to_the_post_and_line_even_after_a_move() {
    let home = Home::new();
    let archive = home.copy(SEED, "archive.txt");
    let mut session = home.start(&[path_str(&archive)]);
    session.wait_for_status("post 1/10");
    session.send("]]]]]]");
    session.wait_for_status("post 7/10");
    session.send("m");
    session.wait_for_text("All posts (9/10)");
    session.send("\tjjjjj");
    session.wait_for_status("lines 6–");
    session.wait_until_quiet();
    let left_at = position(&session);
    let screen = session.screen();
    quit(session);

    // Same content under another name: the same archive.
    let moved = home.dir.path().join("renamed.txt");
    fs::rename(&archive, &moved).expect("move the archive");
    let session = home.start(&[path_str(&moved)]);
    session.wait_for_status("post 7/10");
    session.wait_until_quiet();
    assert_eq!(position(&session), left_at);
    assert_eq!(
        trimmed(&session.screen()),
        trimmed(&screen),
        "the same screen as when it was left"
    );
    quit(session);

    // --fresh starts at the top, and still knows what was read.
    let session = home.start(&["--fresh", path_str(&moved)]);
    session.wait_for_status("post 1/10 │ lines 1–");
    session.wait_for_text("All posts (9/10)");
    quit(session);
}

#[test]
fn read_marks_survive_a_restart() {
    let home = Home::new();
    let mut session = home.start(&[]);
    session.wait_for_status("post 1/10");
    session.wait_for_text("All posts (10/10)");
    // To the end of the first post, in the article: read.
    session.send("\tG");
    session.wait_for_text("All posts (9/10)");
    quit(session);

    let mut session = home.start(&[]);
    session.wait_for_text("All posts (9/10)");
    // The next unread post is the second; marking it read by hand counts.
    session.send(".");
    session.wait_for_status("post 2/10");
    session.send("m");
    session.wait_for_text("All posts (8/10)");
    quit(session);

    let session = home.start(&[]);
    session.wait_for_text("All posts (8/10)");
    quit(session);
}

#[test]
fn ctrl_o_goes_back_after_a_source_jump_and_ctrl_n_forward_again() {
    let home = Home::new();
    let mut session = home.start(&[]);
    session.wait_for_status("post 1/10");
    // Without a config the mouse is on.
    session.with_screen(|screen| {
        assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
    session.send("\t");
    session.wait_for_status("lines 1–");
    session.send("2");
    session.wait_for("the jump to source 2", |screen| {
        !status_line(screen).contains("lines 1–")
    });
    session.wait_until_quiet();
    let jumped_to = position(&session);
    session.send("\x0f");
    session.wait_for_status("lines 1–");
    session.send("\x0e");
    session.wait_until_quiet();
    assert_eq!(position(&session), jumped_to);
    // Backspace in the article goes back too.
    session.send("\x7f");
    session.wait_for_status("lines 1–");
    quit(session);
}

#[test]
fn a_remapped_key_works_and_the_old_one_does_not() {
    let home = Home::new();
    let config = home.dir.path().join("keys.toml");
    fs::write(
        &config,
        "mouse = false\n[keys]\nnext_post = [\"L\", \"Ctrl-x\"]\n",
    )
    .expect("write the config");
    let mut session = home.start(&["--config", path_str(&config)]);
    session.wait_for_status("post 1/10");
    // mouse = false: the terminal keeps its own selection.
    session.with_screen(|screen| {
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
    session.send("]");
    session.wait_until_quiet();
    assert!(status_line(&session.screen()).contains("post 1/10"));
    session.send("L");
    session.wait_for_status("post 2/10");
    session.send("\x18");
    session.wait_for_status("post 3/10");
    // Help shows the keys in force.
    session.send("?");
    session.wait_for("Help with the new keys", |screen| {
        screen
            .lines()
            .any(|line| line.contains("L / Ctrl-x") && line.contains("Open the next post"))
    });
    session.send("q");
    quit(session);
}

#[test]
fn a_damaged_state_file_gives_a_warning_and_a_working_reader() {
    let home = Home::new();
    let file = home.state_file();
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let damaged = b"{\"version\": 1, \"archives\": [{\"fingerprint\": tru";
    fs::write(&file, damaged).unwrap();
    let mut session = home.start(&[]);
    session.wait_for_status("Starting afresh: ");
    session.send("]");
    session.wait_for_status("post 2/10");
    quit(session);
    assert_eq!(fs::read(file.with_extension("json.bad")).unwrap(), damaged);
    let session = home.start(&[]);
    session.wait_for_status("post 2/10");
    assert!(!status_line(&session.screen()).contains("afresh"));
    quit(session);
}

#[test]
fn comments_added_since_the_last_visit_are_marked_new() {
    let home = Home::new();
    let archive = home.copy(THREAD, "thread.json");
    let session = home.start(&[path_str(&archive)]);
    session.wait_for_status("post 1/3");
    quit(session);

    // The page was scraped again: one more reply at the end.
    let mut json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&archive).unwrap()).unwrap();
    let comments = json["posts"][0]["comments"].as_array_mut().unwrap();
    comments.push(serde_json::json!({
        "id": "c-new", "parent": null, "author": "Newcomer", "date": "June 12, 2022",
        "label": "9", "blocks": [{"kind": "paragraph", "text": "Late to this, but the toll is fair."}],
        "sources": []
    }));
    fs::write(&archive, serde_json::to_string(&json).unwrap()).unwrap();

    let mut session = home.start(&[path_str(&archive)]);
    session.wait_for_status("post 1/3");
    session.send(";");
    session.wait_for_status("comment 16/16");
    session.wait_for_text("● Newcomer");
    session.wait_until_quiet();
    let marked = session.screen().matches('●').count();
    assert_eq!(marked, 1, "only the new comment is marked");
    session.send(";");
    session.wait_for_status("No new comments below");
    quit(session);
}
