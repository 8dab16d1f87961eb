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
use std::thread;
use std::time::{Duration, Instant};

use pty::Session;

/// An archive large enough that the debug build is still loading it when
/// the first frame is read: seconds of parsing, against milliseconds for
/// its first posts.
const LARGE: usize = 16 << 20;

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

/// N of "post n/N" on the status line.
fn posts_in_status(screen: &str) -> usize {
    let status = status_line(screen);
    let after = status.split("post ").nth(1).unwrap_or_default();
    let total = after.split('/').nth(1).unwrap_or_default();
    let digits: String = total.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(0)
}

#[test]
fn a_large_archive_is_read_while_it_loads_and_the_place_is_kept() {
    let dir = pty::private_dirs();
    let path = dir.path().join("large.txt");
    let mut out = BufWriter::new(File::create(&path).expect("create the archive"));
    synthetic::write_archive(&mut out, LARGE, true).expect("write the archive");
    out.flush().expect("write the archive");
    drop(out);
    let path = path.display().to_string();
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

    // The whole archive takes longer than a screen wait: up to five of them.
    let deadline = Instant::now() + pty::timeout() * 5;
    let loading = |screen: &str| {
        let status = status_line(screen);
        status.contains("so far") || !status.contains("post ")
    };
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
