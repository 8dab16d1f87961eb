//! End-to-end: the real `pundit` binary in a pseudo-terminal, driven by
//! keys, its screen read back through a terminal emulator (vt100).
//!
//! Every wait is for a screen condition with a deadline, never a bare
//! sleep. `PUNDIT_E2E_TIMEOUT` (seconds) lengthens the deadline on slow
//! machines.

#[path = "common/pty.rs"]
mod pty;

use pty::{Session, find_last};
use pundit::load::load_bundled;
use pundit::model::{Corpus, PostId};
use pundit::tui::App;

const COLUMNS: u16 = 160;
const ROWS: u16 = 48;

fn start() -> Session {
    start_with(&[])
}

fn start_with(args: &[&str]) -> Session {
    Session::start(args, &[], COLUMNS, ROWS)
}

/// The start of a title, short enough to fit on one line of any pane.
fn title_start(title: &str) -> String {
    title.chars().take(24).collect()
}

fn corpus() -> Corpus {
    load_bundled()
}

/// Waits for the reader to show its three panes and the first post.
fn started() -> (Session, Corpus) {
    let corpus = corpus();
    let session = start();
    let first = title_start(&corpus.post(PostId(0)).title);
    session.wait_for("three panes and the first post", |screen| {
        screen.contains(" Topics ") && screen.contains(" Sources ") && screen.contains(&first)
    });
    (session, corpus)
}

#[test]
fn starts_with_three_panes_and_the_first_post_and_q_quits_cleanly() {
    let (mut session, corpus) = started();
    let total = corpus.len();
    session.wait_for_text(&format!("post 1/{total}"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);

    let raw = session.raw_output();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(64)..]).into_owned();
    let entered = find_last(&raw, b"\x1b[?1049h").expect("entered the alternate screen");
    let left = find_last(&raw, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(left > entered, "alternate screen left after entering");
    assert!(tail.ends_with("\x1b[?25h"), "cursor shown last: {tail:?}");
    session.with_screen(|screen| {
        assert!(!screen.alternate_screen());
        assert!(!screen.hide_cursor());
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
    session.assert_cooked_mode();
}

#[test]
fn brackets_change_the_post() {
    let (mut session, corpus) = started();
    let total = corpus.len();
    assert!(total >= 2, "the bundled corpus has several posts");
    let second = title_start(&corpus.post(PostId(1)).title);
    session.send("]");
    session.wait_for("the second post", |s| {
        s.contains(&format!("post 2/{total}")) && s.contains(&second)
    });
    session.send("[");
    session.wait_for_text(&format!("post 1/{total}"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn question_mark_shows_help_and_esc_closes_it() {
    let (mut session, _) = started();
    session.send("?");
    session.wait_for("the Help overlay", |s| {
        s.contains(" Help ") && s.contains("Open the next post")
    });
    session.send("\x1b");
    session.wait_for("Help to close", |s| !s.contains("Open the next post"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn a_source_digit_scrolls_to_its_quote() {
    let corpus = corpus();
    // Find, in the first post that has one, a source (1–9) first cited
    // below the first screenful, as the reader lays it out at this size.
    let mut app = App::new(corpus.clone(), (COLUMNS, ROWS), true);
    let mut target = None;
    for (index, post) in corpus.post_ids().map(|p| corpus.post(p)).enumerate() {
        pundit::tui::update::open_post(&mut app, pundit::model::PostId(index));
        let height = app.article_height();
        let found = (0..post.sources.len().min(9)).find_map(|source| {
            let block = post.blocks_citing(source).next()?;
            let start = *app.article.block_starts.get(block)?;
            (start > height).then_some((source, block))
        });
        if let Some((source, block)) = found {
            target = Some((index, source, block));
            break;
        }
    }
    let Some((post, source, block)) = target else {
        panic!("no post of the bundled corpus cites a source below its first screen");
    };
    let text: String = corpus.post(PostId(post)).blocks[block]
        .text
        .chars()
        .take(16)
        .collect();

    let (mut session, _) = started();
    for _ in 0..post {
        session.send("]");
    }
    let total = corpus.len();
    session.wait_for_text(&format!("post {}/{total}", post + 1));
    assert!(
        !session.screen().contains(&text),
        "the quote starts off screen"
    );
    session.send(&(source + 1).to_string());
    session.wait_for("the cited block to scroll into view", |s| s.contains(&text));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

/// Sends `signal` to the reader and returns its exit status.
fn exit_status_after(signal: &str) -> (Session, u32) {
    let (mut session, _) = started();
    let pid = session.child.process_id().expect("pid");
    let status = std::process::Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
    let code = session.wait_exit();
    (session, code)
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let (session, code) = exit_status_after("-TERM");
    assert_eq!(code, 143);
    session.with_screen(|screen| {
        assert!(!screen.alternate_screen());
        assert!(!screen.hide_cursor());
    });
}

#[test]
fn sighup_exits_129() {
    let (_, code) = exit_status_after("-HUP");
    assert_eq!(code, 129);
}

#[test]
fn without_a_terminal_it_points_to_tree_and_export() {
    let dirs = pty::private_dirs();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_pundit"))
        .env("XDG_CONFIG_HOME", dirs.path().join("config"))
        .env("XDG_STATE_HOME", dirs.path().join("state"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run pundit");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("pundit tree") && stderr.contains("pundit export"));
}

#[test]
fn a_file_that_will_not_load_restores_the_terminal_and_exits_2() {
    let mut session = start_with(&["/no/such/archive.txt"]);
    assert_eq!(session.wait_exit(), 2);
    let screen = session.screen();
    assert!(
        screen.contains("pundit: /no/such/archive.txt"),
        "the error is readable on the main screen:\n{screen}"
    );
    session.with_screen(|screen| assert!(!screen.alternate_screen()));
}
