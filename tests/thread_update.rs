//! The comment thread through keys and `update`: every motion and fold, at
//! the ends of the thread, on a single-comment thread and on a post without
//! comments. No terminal involved.
//!
//! The fixture's first post, in thread order (index: author, label, depth):
//! 0 Rangi 1 · 1 pat 1.1 · 2 Missy (OP) 1.1.1 · 3 mike_s 1.1.1.1 · 4–9 a
//! chain down to depth 10 · 10 Kate 1.2 · 11 Hemi 2 (no replies) · 12 Aroha 3
//! · 13 Missy 3.1 · 14 anonymous 4.

mod common;

use common::{press_key, press_keys, thread_app};
use crossterm::event::KeyCode;
use pundit::model::PostId;
use pundit::tui::thread::motion::lines_of_comment;
use pundit::tui::{Action, App, Focus};

fn cursor(app: &App) -> Option<usize> {
    app.thread.cursor
}

fn status(app: &App) -> &str {
    app.status.as_deref().unwrap_or_default()
}

/// A reader on the first post with the thread's first comment current.
fn in_thread() -> App {
    let mut app = thread_app(120, 40);
    press_keys(&mut app, "c");
    app
}

/// Goes to the first comment, then on to `comment`.
fn go_to(app: &mut App, comment: usize) {
    if cursor(app).is_some() {
        press_keys(app, "c");
    }
    press_keys(app, "c");
    for _ in 0..comment {
        press_keys(app, ")");
    }
    assert_eq!(cursor(app), Some(comment));
}

fn comment_is_on_screen(app: &App, comment: usize) -> bool {
    let lines = lines_of_comment(app, comment).expect("the comment shows");
    lines.start >= app.scroll && lines.start < app.scroll + app.article_height()
}

#[test]
fn c_goes_to_the_first_comment_and_back_to_where_the_body_was() {
    let mut app = thread_app(120, 40);
    press_key(&mut app, KeyCode::Tab);
    press_keys(&mut app, "jj");
    assert_eq!((app.scroll, cursor(&app)), (2, None));
    press_keys(&mut app, "c");
    assert_eq!(cursor(&app), Some(0));
    assert_eq!(app.scroll, app.thread_top() + 1, "the rule is the top line");
    assert!(comment_is_on_screen(&app, 0));
    press_keys(&mut app, "c");
    assert_eq!((app.scroll, cursor(&app)), (2, None));
}

#[test]
fn thread_keys_act_from_the_topics_pane_too() {
    let mut app = thread_app(120, 40);
    assert_eq!(app.focus, Focus::Topics);
    press_keys(&mut app, "c)");
    assert_eq!(cursor(&app), Some(1));
    assert_eq!(app.focus, Focus::Topics, "both panes show at this width");
    let mut narrow = thread_app(60, 20);
    press_keys(&mut narrow, "c");
    assert_eq!(
        narrow.focus,
        Focus::Article,
        "one pane: the thread comes forward"
    );
}

#[test]
fn next_and_previous_visit_every_comment_and_stop_at_the_ends() {
    let mut app = in_thread();
    for expected in 1..15 {
        press_keys(&mut app, ")");
        assert_eq!(cursor(&app), Some(expected));
        assert!(comment_is_on_screen(&app, expected), "{expected} on screen");
    }
    press_keys(&mut app, ")");
    assert_eq!(cursor(&app), Some(14));
    assert_eq!(status(&app), "This is the last comment");
    for expected in (0..14).rev() {
        press_keys(&mut app, "(");
        assert_eq!(cursor(&app), Some(expected));
        assert!(comment_is_on_screen(&app, expected));
    }
    press_keys(&mut app, "(");
    assert_eq!(cursor(&app), Some(0));
    assert_eq!(status(&app), "This is the first comment");
}

#[test]
fn capital_j_and_k_move_between_top_level_threads() {
    let mut app = in_thread();
    let mut visited = vec![];
    for _ in 0..4 {
        press_keys(&mut app, "J");
        visited.push(cursor(&app));
    }
    assert_eq!(visited, [Some(11), Some(12), Some(14), Some(14)]);
    assert_eq!(status(&app), "This is the last thread");
    press_keys(&mut app, "K");
    assert_eq!(cursor(&app), Some(12));
    // From a reply, K goes to the top of its own thread.
    press_keys(&mut app, ")");
    assert_eq!(cursor(&app), Some(13));
    press_keys(&mut app, "K");
    assert_eq!(cursor(&app), Some(12));
    press_keys(&mut app, "KKK");
    assert_eq!(cursor(&app), Some(0));
    assert_eq!(status(&app), "This is the first thread");
}

#[test]
fn u_climbs_to_the_parent_and_stops_at_the_top() {
    let mut app = thread_app(120, 40);
    go_to(&mut app, 9);
    let mut climbed = vec![];
    for _ in 0..10 {
        press_keys(&mut app, "u");
        climbed.push(cursor(&app).expect("a current comment"));
        assert!(comment_is_on_screen(&app, climbed[climbed.len() - 1]));
    }
    assert_eq!(climbed, [8, 7, 6, 5, 4, 3, 2, 1, 0, 0]);
    assert_eq!(status(&app), "This is a top-level comment");
}

#[test]
fn angle_brackets_move_between_replies_to_the_same_comment() {
    let mut app = thread_app(120, 40);
    go_to(&mut app, 1);
    press_keys(&mut app, ">");
    assert_eq!(cursor(&app), Some(10), "1.1 → 1.2, over 1.1's replies");
    press_keys(&mut app, ">");
    assert_eq!(cursor(&app), Some(10));
    assert_eq!(status(&app), "This is the last reply to its comment");
    press_keys(&mut app, "<");
    assert_eq!(cursor(&app), Some(1));
    press_keys(&mut app, "<");
    assert_eq!(cursor(&app), Some(1));
    assert_eq!(status(&app), "This is the first reply to its comment");
    // Top-level comments are siblings of one another.
    press_keys(&mut app, "u>");
    assert_eq!(cursor(&app), Some(11));
    press_keys(&mut app, "<<");
    assert_eq!(cursor(&app), Some(0));
    assert_eq!(status(&app), "This is the first thread");
}

#[test]
fn from_the_body_only_forward_motions_enter_the_thread() {
    for keys in [")", "J"] {
        let mut app = thread_app(120, 40);
        press_keys(&mut app, keys);
        assert_eq!(cursor(&app), Some(0), "{keys}");
    }
    for keys in ["(", "K", "u", ">", "<", "z"] {
        let mut app = thread_app(120, 40);
        press_keys(&mut app, keys);
        assert_eq!(cursor(&app), None, "{keys}");
        assert!(status(&app).starts_with("Not "), "{keys}: {}", status(&app));
    }
}

#[test]
fn z_folds_the_current_comment_with_its_replies_and_unfolds_it() {
    let mut app = in_thread();
    let lines = app.article_len();
    press_keys(&mut app, "z");
    assert!(app.thread.folded[0]);
    assert_eq!(
        app.thread_layout.row_count(),
        5,
        "0, 11, 12, 14 and … 4 rows"
    );
    assert!(app.article_len() < lines);
    assert_eq!(cursor(&app), Some(0));
    // Motions skip what the fold hides.
    press_keys(&mut app, ")");
    assert_eq!(cursor(&app), Some(11));
    press_keys(&mut app, "(");
    assert_eq!(cursor(&app), Some(0));
    press_keys(&mut app, "z");
    assert!(!app.thread.folded[0]);
    assert_eq!(app.article_len(), lines);
}

#[test]
fn folding_keeps_the_comment_on_the_screen_row_it_was_on() {
    let mut app = thread_app(120, 16);
    go_to(&mut app, 2);
    press_key(&mut app, KeyCode::Tab);
    press_keys(&mut app, "kk");
    assert_eq!(cursor(&app), Some(2));
    let row = |app: &App| lines_of_comment(app, 2).expect("shows").start - app.scroll;
    assert_eq!(row(&app), 2);
    press_keys(&mut app, "z");
    assert_eq!(row(&app), 2, "folded");
    press_keys(&mut app, "z");
    assert_eq!(row(&app), 2, "unfolded");
}

#[test]
fn capital_z_folds_every_thread_then_unfolds_everything() {
    let mut app = thread_app(120, 40);
    go_to(&mut app, 5);
    press_keys(&mut app, "Z");
    let roots = [0, 11, 12, 14];
    assert!(roots.iter().all(|&r| app.thread.folded[r]));
    assert_eq!(app.thread_layout.row_count(), 4);
    assert_eq!(cursor(&app), Some(0), "the current comment's thread");
    press_keys(&mut app, "J");
    assert_eq!(cursor(&app), Some(11));
    press_keys(&mut app, "Z");
    assert!(app.thread.folded.iter().all(|&f| !f));
    assert_eq!(app.thread_layout.row_count(), 15);
    assert_eq!(cursor(&app), Some(11));
}

#[test]
fn capital_z_with_some_threads_folded_folds_the_rest() {
    let mut app = in_thread();
    press_keys(&mut app, "zZ");
    assert_eq!(app.thread_layout.row_count(), 4);
    // Folds inside a folded thread are kept for when it opens.
    let mut app = thread_app(120, 40);
    go_to(&mut app, 2);
    press_keys(&mut app, "zZZ");
    assert!(app.thread.folded.iter().all(|&f| !f), "Z Z unfolds all");
}

#[test]
fn a_single_comment_thread_is_both_ends_at_once() {
    let mut app = thread_app(120, 40);
    press_keys(&mut app, "]c");
    assert_eq!(app.open_post, Some(PostId(1)));
    assert_eq!(cursor(&app), Some(0));
    for (keys, message) in [
        (")", "This is the last comment"),
        ("(", "This is the first comment"),
        ("J", "This is the last thread"),
        ("K", "This is the first thread"),
        ("u", "This is a top-level comment"),
        (">", "This is the last thread"),
        ("<", "This is the first thread"),
    ] {
        press_keys(&mut app, keys);
        assert_eq!(cursor(&app), Some(0), "{keys}");
        assert_eq!(status(&app), message, "{keys}");
    }
    press_keys(&mut app, "z");
    assert!(app.thread.folded[0]);
    assert_eq!(app.thread_layout.row_count(), 1);
    press_keys(&mut app, "Z");
    assert!(!app.thread.folded[0], "everything was folded: Z unfolds");
    press_keys(&mut app, "Z");
    assert!(app.thread.folded[0]);
}

#[test]
fn a_post_without_comments_has_no_thread_to_move_in() {
    let mut app = thread_app(120, 40);
    press_keys(&mut app, "]]");
    assert_eq!(app.open_post, Some(PostId(2)));
    assert_eq!(app.article_len(), app.article.lines.len());
    for keys in ["c", ")", "J", "z", "Z"] {
        press_keys(&mut app, keys);
        assert_eq!(cursor(&app), None);
        assert_eq!(status(&app), "This post has no comments");
    }
}

#[test]
fn j_and_k_scroll_by_lines_and_the_current_comment_follows_the_view() {
    // Short enough that the body fills the view at the top.
    let mut app = thread_app(120, 16);
    press_keys(&mut app, "c");
    press_key(&mut app, KeyCode::Tab);
    let top = app.scroll;
    press_keys(&mut app, "j");
    assert_eq!(app.scroll, top + 1, "a line, not a comment");
    assert_eq!(cursor(&app), Some(0));
    // Scroll until the first comment has gone off the top.
    let end = lines_of_comment(&app, 0).expect("shows").end;
    while app.scroll < end {
        press_keys(&mut app, "j");
    }
    assert_eq!(cursor(&app), Some(1), "the first comment shown");
    // Back up into the body: no comment is current.
    press_keys(&mut app, "g");
    assert_eq!(cursor(&app), None);
    // The end of the thread: the last comments show, one is current.
    press_keys(&mut app, "G");
    let current = cursor(&app).expect("a comment is current");
    assert!(comment_is_on_screen(&app, current));
}

#[test]
fn a_click_on_a_comment_makes_it_current() {
    let mut app = in_thread();
    press_keys(&mut app, "JJ");
    let lines = lines_of_comment(&app, 11).expect("Hemi shows");
    assert!(lines.start >= app.scroll, "Hemi is on screen");
    let article = app.panes().article.expect("an article pane");
    let y = article.y + 1 + (lines.start + 1 - app.scroll) as u16;
    pundit::tui::update::update(&mut app, Action::Click(article.x + 4, y));
    assert_eq!(cursor(&app), Some(11));
}

#[test]
fn a_resize_keeps_the_comment_at_the_top_of_the_view() {
    let mut app = thread_app(120, 16);
    press_keys(&mut app, "c)))");
    press_key(&mut app, KeyCode::Tab);
    while lines_of_comment(&app, 3).expect("shows").start > app.scroll {
        press_keys(&mut app, "j");
    }
    let top = app.scroll;
    assert_eq!(lines_of_comment(&app, 3).expect("shows").start, top);
    pundit::tui::update::update(&mut app, Action::Resize(100, 16));
    assert_eq!(lines_of_comment(&app, 3).expect("shows").start, app.scroll);
    assert_ne!(app.scroll, top, "the thread is shorter at 100 columns");
    assert_eq!(cursor(&app), Some(3));
}

#[test]
fn a_digit_for_a_source_cited_in_a_comment_opens_its_fold_and_goes_there() {
    let mut app = in_thread();
    press_keys(&mut app, "Z");
    // Sources 1 and 2 are the post's; 3 is cited by mike_s, deep in thread 1.
    press_keys(&mut app, "3");
    assert_eq!(app.selected_source, Some(2));
    assert_eq!(cursor(&app), Some(3));
    assert!(!app.thread.folded[0]);
    assert!(comment_is_on_screen(&app, 3));
    assert_eq!(app.source_count(), 4);
}

#[test]
fn the_thread_survives_any_keys_at_any_size() {
    for (width, height) in [(1, 1), (20, 6), (41, 10), (80, 24), (200, 60)] {
        let mut app = thread_app(width, height);
        press_keys(&mut app, "c)J>z(Zu<KZ]c)z]c[[GJgz");
        assert!(app.scroll <= app.max_scroll());
        let _ = common::draw(&app);
    }
}

#[test]
fn a_post_whose_comments_were_not_kept_says_so() {
    use pundit::model::{Block, BlockKind, Corpus, Post};
    let post = Post {
        id: "teaser".into(),
        title: "A teaser from a front page".into(),
        topics: vec!["Front page".into()],
        blocks: vec![Block::new(
            BlockKind::Paragraph,
            "Read more on the post's own page.",
        )],
        comment_count: Some(12),
        ..Post::default()
    };
    let mut app = App::new(Corpus::new(vec![post], None), (120, 40), true);
    let text = common::screen_text(&common::draw(&app));
    assert!(text.contains("── 12 comments, none shown ──"), "{text}");
    press_keys(&mut app, "c");
    assert_eq!(cursor(&app), None);
    assert_eq!(
        status(&app),
        "None of this post's 12 comments are in the archive"
    );
}
