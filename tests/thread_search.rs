//! Searching comment threads in the reader: the "comments" scope, jumps into
//! folded comments, n/N through a thread, the results list's rows. Keys
//! through the keymap and `update`, then what the screen shows.

mod common;

use common::{draw, press_key, press_keys, screen_text, thread_app};
use crossterm::event::KeyCode;
use pundit::search::{Location, Scope};
use pundit::tui::thread::motion::lines_of_comment;
use pundit::tui::{App, Overlay, search};

/// `/`, the query, and Enter.
fn search_for(app: &mut App, query: &str) {
    press_keys(app, "/");
    press_keys(app, query);
    press_key(app, KeyCode::Enter);
}

fn current_location(app: &App) -> Option<Location> {
    let active = app.search.active.as_ref()?;
    Some(active.current_match()?.location)
}

/// Whether comment `comment` is on screen with its text, not folded.
fn shown_unfolded(app: &App, comment: usize) -> bool {
    let Some(lines) = lines_of_comment(app, comment) else {
        return false;
    };
    lines.len() > 1 && lines.start < app.scroll + app.article_height() && lines.end > app.scroll
}

#[test]
fn a_word_inside_a_folded_comment_is_found_and_its_thread_opens() {
    let mut app = thread_app(120, 40);
    press_keys(&mut app, "cZ");
    assert!(app.thread.folded[0]);
    search_for(&mut app, "kumara");
    assert_eq!(
        current_location(&app),
        Some(Location::Comment {
            comment: 3,
            block: 0
        })
    );
    assert!(!app.thread.folded[0], "the fold above the match opened");
    assert_eq!(app.thread.cursor, Some(3));
    assert!(shown_unfolded(&app, 3));
    let text = screen_text(&draw(&app));
    assert!(text.contains("kumara"), "{text}");
    assert!(text.contains("comment 4/15 · depth 4"), "{text}");
    // The other threads stay folded.
    assert!(app.thread.folded[11] && app.thread.folded[12]);
}

#[test]
fn esc_folds_again_what_the_preview_opened() {
    let mut app = thread_app(120, 40);
    press_keys(&mut app, "cZ");
    let folded = app.thread.folded.clone();
    let scroll = app.scroll;
    press_keys(&mut app, "/kumara");
    assert!(!app.thread.folded[0], "the preview opened the thread");
    press_key(&mut app, KeyCode::Esc);
    assert_eq!(app.thread.folded, folded);
    assert_eq!(app.scroll, scroll);
    assert_eq!(app.thread.cursor, Some(0));
}

#[test]
fn the_comments_scope_searches_only_comments_and_everything_includes_them() {
    let mut app = thread_app(120, 40);
    // "toll" is in the post, its quotes and its comments.
    press_keys(&mut app, "/toll");
    let everywhere = app.search.active.as_ref().expect("a search").results.len();
    let in_comments = |app: &App| {
        let results = &app.search.active.as_ref().expect("a search").results;
        let all = results.matches().iter();
        all.filter(|m| matches!(m.location, Location::Comment { .. }))
            .count()
    };
    assert!(in_comments(&app) > 0);
    for _ in 0..4 {
        press_key(&mut app, KeyCode::Tab);
    }
    let prompt = app.search.prompt.as_ref().expect("the prompt");
    assert_eq!(prompt.scope, Scope::Comments);
    let results = &app.search.active.as_ref().expect("a search").results;
    assert!(results.len() < everywhere);
    assert_eq!(in_comments(&app), results.len(), "only comments");
    let text = screen_text(&draw(&app));
    assert!(text.contains("in comments (Tab)"), "{text}");
}

#[test]
fn n_steps_from_the_body_into_the_thread_and_through_it() {
    let mut app = thread_app(120, 40);
    search_for(&mut app, "ferry");
    let mut locations = vec![current_location(&app)];
    for _ in 0..8 {
        press_keys(&mut app, "n");
        locations.push(current_location(&app));
    }
    let comments: Vec<usize> = locations
        .iter()
        .filter_map(|l| match l {
            Some(Location::Comment { comment, .. }) => Some(*comment),
            _ => None,
        })
        .collect();
    assert!(!comments.is_empty(), "{locations:?}");
    assert!(comments.is_sorted(), "in thread order: {comments:?}");
    for comment in comments {
        assert!(lines_of_comment(&app, comment).is_some());
    }
}

#[test]
fn the_results_list_names_the_commenter() {
    let mut app = thread_app(160, 40);
    search_for(&mut app, "kumara");
    press_keys(&mut app, "S");
    assert_eq!(app.overlay, Some(Overlay::Results));
    let text = screen_text(&draw(&app));
    assert!(text.contains("comment by mike_s: "), "{text}");
    press_key(&mut app, KeyCode::Enter);
    assert_eq!(app.thread.cursor, Some(3));
}

#[test]
fn a_match_in_a_comment_is_highlighted_on_its_line() {
    let mut app = thread_app(120, 40);
    search_for(&mut app, "vegetable");
    let terminal = draw(&app);
    let text = screen_text(&terminal);
    let (y, row) = text
        .lines()
        .enumerate()
        .find(|(_, row)| row.contains("vegetable"))
        .expect("the match shows");
    let x = row[..row.find("vegetable").expect("found")].chars().count() as u16;
    let cell = &terminal.backend().buffer()[(x, y as u16)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert!(
        search::summary(&app)
            .unwrap_or_default()
            .starts_with("match 1/1")
    );
}
