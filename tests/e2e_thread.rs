//! End-to-end: the real `pundit` in a pseudo-terminal reading a comment
//! thread: `c`, `J`, `u`, `z`, `Z`, then a search for a word that is only
//! inside a folded comment, which lands on it unfolded.
//!
//! Every wait is for a screen condition with a deadline.

#[path = "common/pty.rs"]
mod pty;

use pty::{Session, status_line};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thread.json");

#[test]
fn thread_keys_move_fold_and_a_search_opens_the_fold_it_lands_in() {
    let mut session = Session::start(&[FIXTURE], &[], 120, 40);
    session.wait_for("the post and its comment count", |screen| {
        screen.contains("Harbour bridge tol… · 21") && screen.contains("post 1/3")
    });

    session.send("c");
    session.wait_for_status("comment 1/15 · depth 1");
    session.wait_for_text("── 21 comments, 15 shown ──");

    session.send("J");
    session.wait_for_status("comment 12/15 · depth 1");
    session.wait_for_text("Hemi · June 10, 2022 at 10:03 am · 2");

    // Back to the first thread, three replies down, then up to the parent.
    session.send("K)))");
    session.wait_for_status("comment 4/15 · depth 4");
    session.send("u");
    session.wait_for_status("comment 3/15 · depth 3");

    session.send("z");
    session.wait_for_text("Missy OP, 7 replies hidden");
    session.wait_for("the folded replies gone", |screen| {
        !screen.contains("kumara")
    });

    session.send("Z");
    session.wait_for("every thread folded", |screen| {
        screen.contains("Rangi, 10 replies hidden")
            && screen.contains("Aroha, 1 reply hidden")
            && status_line(screen).contains("comment 1/15 · depth 1")
    });

    // "kumara" is only in mike_s's reply, folded away under Rangi.
    session.send("/kumara\r");
    session.wait_for("the match, unfolded", |screen| {
        screen.contains("kumara")
            && screen.contains("mike_s · June 10, 2022 at 8:02 am")
            && !screen.contains("Rangi, 10 replies hidden")
            && status_line(screen).contains("comment 4/15 · depth 4")
    });
    session.with_screen(|screen| {
        let contents = screen.contents();
        let row = contents
            .lines()
            .position(|line| line.contains("kumara"))
            .expect("the match's row");
        let column = contents.lines().nth(row).and_then(|line| {
            let byte = line.find("kumara")?;
            Some(line[..byte].chars().count())
        });
        let cell = screen
            .cell(row as u16, column.expect("the match's column") as u16)
            .expect("a cell");
        assert!(cell.inverse(), "the match is highlighted");
    });
    // The other threads stay folded.
    session.send("J");
    session.wait_for("the next thread, still folded", |screen| {
        screen.contains("Hemi, folded") && status_line(screen).contains("comment 12/15")
    });

    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_cooked_mode();
}
