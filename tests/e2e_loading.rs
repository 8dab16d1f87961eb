//! End to end: a large archive opens on its first posts while the rest
//! loads, takes keys at once, and keeps the user's place when the whole
//! archive arrives; the real binary in a pseudo-terminal.
//!
//! Every wait is for a screen condition with a deadline.

#[path = "common/pty.rs"]
mod pty;

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use pty::{Session, status_line};

/// An archive large enough that the build under test is still loading it
/// when the first frame is read and the keys land: seconds of parsing,
/// against milliseconds for its first posts. The release build parses
/// about ten times faster than the debug build, and gets an archive to
/// match.
const LARGE: usize = if cfg!(debug_assertions) {
    16 << 20
} else {
    160 << 20
};

/// N of "post n/N" on the status line.
fn posts_in_status(screen: &str) -> usize {
    let status = status_line(screen);
    let after = status.split("post ").nth(1).unwrap_or_default();
    let total = after.split('/').nth(1).unwrap_or_default();
    let digits: String = total.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(0)
}

/// Writes the large archive in `dir`; returns its path.
fn large_archive(dir: &Path) -> String {
    let path = dir.join("large.txt");
    let mut out = BufWriter::new(File::create(&path).expect("create the archive"));
    synthetic::write_archive(&mut out, LARGE, true).expect("write the archive");
    out.flush().expect("write the archive");
    path.display().to_string()
}

/// Waits, for up to five screen waits, until the whole archive is shown
/// (the status line no longer says what is loaded so far), and the screen
/// has settled.
fn wait_for_the_whole_archive(session: &Session) {
    let loading = |screen: &str| {
        let status = status_line(screen);
        status.contains("so far") || !status.contains("post ")
    };
    let deadline = Instant::now() + pty::timeout() * 5;
    while loading(&session.screen()) {
        assert!(
            Instant::now() < deadline,
            "still loading; the screen was:\n{}",
            session.screen()
        );
        thread::sleep(Duration::from_millis(50));
    }
    // The whole archive is drawn afresh: the screen settles first.
    session.wait_until_quiet();
}

#[test]
fn a_large_archive_is_read_while_it_loads_and_the_place_is_kept() {
    let dir = pty::private_dirs();
    let path = large_archive(dir.path());
    let mut session = Session::start(&[&path], &[], 120, 40);

    session.wait_for("the first post while the archive loads", |screen| {
        screen.contains("French outrage over Trump comments on Paris attack")
            && status_line(screen).contains("loading")
    });
    let status = session.screen();
    assert!(
        status_line(&status).contains("posts so far"),
        "{}",
        status_line(&status)
    );

    // The next post, the article focused, three lines down: all while loading.
    session.send("]\tjjj");
    session.wait_for("the keys to take effect while loading", |screen| {
        let status = status_line(screen);
        status.starts_with(" Article ")
            && status.contains("post 2/")
            && status.contains("lines 4–")
            && status.contains("loading")
    });
    let preview_posts = posts_in_status(&session.screen());

    wait_for_the_whole_archive(&session);
    let screen = session.screen();
    let status = status_line(&screen);
    assert!(status.starts_with(" Article "), "{status}");
    assert!(
        status.contains("post 2/") && status.contains("lines 4–"),
        "{status}"
    );
    let whole_posts = posts_in_status(&screen);
    assert!(
        whole_posts > preview_posts,
        "{whole_posts} posts in all, {preview_posts} in the preview:\n{screen}"
    );
    assert!(
        screen.contains("Macron: No planet B rebuke to Trump number 1"),
        "{screen}"
    );

    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_cooked_mode();
}

#[test]
fn a_place_left_beyond_the_first_posts_is_returned_to_when_they_have_loaded() {
    let dir = pty::private_dirs();
    let path = large_archive(dir.path());
    let state = dir.path().join("state").display().to_string();
    let config = dir.path().join("config").display().to_string();
    let env = [
        ("XDG_STATE_HOME", state.as_str()),
        ("XDG_CONFIG_HOME", config.as_str()),
    ];
    let mut session = Session::start(&[&path], &env, 120, 40);
    wait_for_the_whole_archive(&session);
    // A post far past the first ones: its title is found by search.
    session.send("/number 150\r");
    session.wait_for("the post found", |screen| {
        !status_line(screen).contains("post 1/")
    });
    session.wait_until_quiet();
    let status = status_line(&session.screen()).to_string();
    let place = status.split(" │ ").next().unwrap_or_default().to_string();
    assert!(place.contains("post "), "{status}");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    let session = Session::start(&[&path], &env, 120, 40);
    session.wait_for("the first posts while loading", |screen| {
        status_line(screen).contains("so far")
    });
    wait_for_the_whole_archive(&session);
    let status = status_line(&session.screen()).to_string();
    assert!(status.starts_with(&place), "{status} (left at {place})");
}
