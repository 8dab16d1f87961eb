//! `Y`: what is being read, copied with where it comes from. Keys through
//! the keymap, then the effect `update` asks the event loop for.

mod common;

use common::{press_keys, small_app, thread_app};
use pundit::tui::update::{Effect, update};
use pundit::tui::{Action, App};

/// What `Y` asks to copy, and what the status bar will call it.
fn copied(app: &mut App) -> (String, &'static str) {
    match update(app, Action::CopyQuote) {
        Effect::Copy { text, what } => (text, what),
        other => panic!("no copy: {other:?}"),
    }
}

#[test]
fn a_quote_comes_with_its_source_and_the_post_that_quotes_it() {
    let mut app = small_app(120, 40);
    // `1` goes to source 1's citation, `}` on to its first quote.
    press_keys(&mut app, "1}");
    let (text, what) = copied(&mut app);
    assert_eq!(what, "the quote");
    assert_eq!(
        text,
        "The council voted nine to four to reinstate the toll from next July.\n\
         — Herald, “Tolls to return on the bridge”, \
         https://www.nzherald.co.nz/nz/news/article.cfm?c_id=1&objectid=12045678\n\
         quoted in “Harbour bridge tolls return”"
    );
    // A citation is the author's own line: it comes with the post.
    press_keys(&mut app, "3");
    let (text, what) = copied(&mut app);
    assert_eq!(what, "the citation");
    assert_eq!(
        text,
        "Stuff: Cyclists want a lane\n— Missy, “Harbour bridge tolls return”"
    );
}

#[test]
fn with_nothing_chosen_the_first_block_starting_in_view_is_copied() {
    let mut app = small_app(120, 40);
    let (text, what) = copied(&mut app);
    assert_eq!(what, "the paragraph");
    assert_eq!(
        text,
        "The council wants tolls back on the harbour bridge, and commuters are not pleased.\n\
         — Missy, “Harbour bridge tolls return”"
    );
    // Scrolled so the top line is the tail of a block: the next one.
    update(&mut app, Action::NextPost);
    update(&mut app, Action::NextPost);
    let second_block = app.article.block_starts[1];
    app.scroll = second_block - 2;
    let (text, _) = copied(&mut app);
    assert!(text.starts_with("1. Budget day"), "{text}");
}

#[test]
fn a_comment_comes_with_its_author_and_the_post() {
    let mut app = thread_app(120, 40);
    press_keys(&mut app, "c");
    let (text, what) = copied(&mut app);
    assert_eq!(what, "the comment");
    assert_eq!(
        text,
        "He said the same thing about the last crossing, and nobody believed him then either. \
         The council has promised ferry users a fare freeze every winter since 2016.\n\
         — Rangi, comment on “Harbour bridge tolls return”, \
         https://example.org/2022/06/harbour-bridge-tolls-return"
    );
}
