//! The comment thread drawn on ratatui's TestBackend: snapshots of a nested
//! thread folded and unfolded at 120×40 and 80×24 (with NO_COLOR as well,
//! styles included), and what a reader must be able to tell apart: depth by
//! rail, the current comment, the post's author, quotes of the post.

mod common;

use common::{draw, find, is_colourless, press_keys, screen_text, thread_app};
use pundit::tui::App;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// The first post's thread with the deep chain open, the current comment
/// nine levels down.
const UNFOLDED: &str = "c))))))))";
/// Every thread folded, then the third opened: a mix of folded rows and an
/// open thread, the current comment in it.
const FOLDED: &str = "cZJJz";

fn app_after(keys: &str, width: u16, height: u16, color: bool) -> App {
    let mut app = thread_app(width, height);
    app.color = color;
    press_keys(&mut app, keys);
    app
}

#[test]
fn snapshots_folded_and_unfolded_at_two_sizes() {
    for (width, height) in [(120, 40), (80, 24)] {
        for (name, keys) in [("unfolded", UNFOLDED), ("folded", FOLDED)] {
            let text = screen_text(&draw(&app_after(keys, width, height, true)));
            insta::assert_snapshot!(format!("thread_{name}_{width}x{height}"), text);
        }
    }
}

/// Under NO_COLOR the snapshot holds the styles too: what tells depth, the
/// current comment and quotes apart must be there without colour.
#[test]
fn snapshots_without_colour_keep_the_styles_that_tell_things_apart() {
    for (width, height) in [(120, 40), (80, 24)] {
        for (name, keys) in [("unfolded", UNFOLDED), ("folded", FOLDED)] {
            let terminal = draw(&app_after(keys, width, height, false));
            assert!(is_colourless(&terminal));
            let buffer = terminal.backend().buffer();
            insta::assert_debug_snapshot!(
                format!("thread_{name}_{width}x{height}_no_color"),
                buffer
            );
        }
    }
}

fn cell_at<'a>(buffer: &'a Buffer, text: &str, needle: &str) -> &'a ratatui::buffer::Cell {
    let (x, y) = find(text, needle).unwrap_or_else(|| panic!("{needle:?} on screen:\n{text}"));
    &buffer[(x, y)]
}

#[test]
fn rails_take_a_colour_per_depth_and_the_current_comment_a_thick_one() {
    let app = app_after("c)", 120, 40, true);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let text = screen_text(&terminal);
    // pat (depth 2, current) and Missy (depth 3) under Rangi (depth 1).
    let (x, pat) = find(&text, "pat · June").expect("pat's header");
    let rail = |x: u16, y: u16| &buffer[(x, y)];
    let (outer, own) = (rail(x - 4, pat), rail(x - 2, pat));
    assert_eq!((outer.symbol(), own.symbol()), ("│", "┃"));
    assert!(own.modifier.contains(Modifier::BOLD));
    let (x, missy) = find(&text, "Missy OP · June").expect("Missy's header");
    let colours: Vec<Color> = (1..=3).map(|level| rail(x - 2 * level, missy).fg).collect();
    assert_eq!(rail(x - 2, missy).symbol(), "│", "not current");
    assert!(colours.iter().all(|&c| c != Color::Reset));
    assert!(
        colours[0] != colours[1] && colours[1] != colours[2],
        "{colours:?}"
    );
    assert_eq!(colours[2], outer.fg, "level 1 keeps its colour");
}

#[test]
fn headers_show_author_bold_op_mark_date_and_label_dimmed() {
    let app = app_after("c", 120, 40, true);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let text = screen_text(&terminal);
    assert!(text.contains("── 21 comments, 15 shown ──"), "{text}");
    let author = cell_at(buffer, &text, "Rangi · June 10");
    assert!(
        author
            .modifier
            .contains(Modifier::BOLD | Modifier::REVERSED)
    );
    let other = cell_at(buffer, &text, "pat · June 10");
    assert!(other.modifier.contains(Modifier::BOLD));
    assert!(!other.modifier.contains(Modifier::REVERSED), "not current");
    let date = cell_at(buffer, &text, "June 10, 2022 at 7:05 am · 1.1");
    assert!(date.modifier.contains(Modifier::DIM));
    let op = cell_at(buffer, &text, "OP · June 10");
    assert!(op.modifier.contains(Modifier::BOLD));
    assert_ne!(op.fg, Color::Reset);
}

#[test]
fn deep_comments_stop_indenting_and_show_their_depth() {
    let app = app_after(UNFOLDED, 80, 24, true);
    let text = screen_text(&draw(&app));
    let (rangi, _) = find(&text, "‹9› Rangi").expect("depth 9 as a number");
    let (pat, _) = find(&text, "‹10› pat").expect("depth 10 as a number");
    assert_eq!(rangi, pat, "indentation stopped growing");
    // At least 40 columns of text remain beside the rails.
    let article = app.panes().article.expect("article pane");
    let right = article.x + article.width - 1;
    assert!(right - rangi >= 40, "{rangi}..{right}");
}

#[test]
fn quotes_of_the_post_are_set_apart() {
    let app = app_after("cJJ", 120, 40, true);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let text = screen_text(&terminal);
    assert!(
        text.contains("> Ferry fares will not rise this year."),
        "{text}"
    );
    let quote = cell_at(buffer, &text, "Ferry fares will not rise this year.");
    assert!(quote.modifier.contains(Modifier::ITALIC));
    let own = cell_at(buffer, &text, "For one year.");
    assert!(!own.modifier.contains(Modifier::ITALIC));
    // A sentence of the post in quotation marks, inside Kate's comment.
    let app = app_after("c)))))))))))", 120, 40, true);
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let text = screen_text(&terminal);
    let quoted = cell_at(buffer, &text, "“The council voted nine");
    assert!(quoted.modifier.contains(Modifier::ITALIC));
    let remark = cell_at(buffer, &text, "– and not one");
    assert!(!remark.modifier.contains(Modifier::ITALIC));
}

#[test]
fn comment_sources_are_listed_under_in_comments() {
    let app = app_after("c", 200, 60, true);
    let text = screen_text(&draw(&app));
    let heading = find(&text, "In comments").expect("the heading");
    let rnz = find(&text, "[4] RNZ — Ferry fares frozen for another year").expect("source 4");
    let post_source = find(&text, "[2] RNZ — Ferry fares frozen").expect("source 2");
    assert!(post_source.1 < heading.1 && heading.1 < rnz.1, "{text}");
    assert!(
        text.contains("[4] RNZ: Ferry fares frozen for another year"),
        "{text}"
    );
    // A link known by nothing else takes one line: its shortened URL.
    let link = find(&text, "[3] stuff.co.nz/national…/harbour-toll-history");
    assert!(link.is_some_and(|(_, y)| y == heading.1 + 1), "{text}");
    assert_eq!(rnz.1, heading.1 + 2, "one line: {text}");
}

#[test]
fn the_tree_shows_comment_counts_and_the_status_the_place_in_the_thread() {
    let app = app_after("c)", 200, 60, true);
    let text = screen_text(&draw(&app));
    assert!(
        text.contains("Harbour bridge tolls return · 21 comments"),
        "{text}"
    );
    assert!(
        text.contains("Budget day: the small print · 1 comment "),
        "{text}"
    );
    assert!(
        text.contains("A cycle lane at last  "),
        "no count without comments"
    );
    let status = text.lines().last().unwrap_or_default();
    assert!(status.contains("comment 2/15 · depth 2"), "{status}");
    let narrow = screen_text(&draw(&app_after("", 120, 40, true)));
    assert!(narrow.contains("· 21"), "{narrow}");
}

#[test]
fn a_post_without_comments_shows_nothing_extra() {
    let app = app_after("]]", 120, 40, true);
    let text = screen_text(&draw(&app));
    assert!(!text.contains("comment"), "{text}");
    assert!(!text.contains("── "), "no rule: {text}");
    assert_eq!(app.article_len(), app.article.lines.len());
}

#[test]
fn help_lists_the_thread_keys() {
    let mut app = thread_app(120, 100);
    press_keys(&mut app, "?");
    let text = screen_text(&draw(&app));
    assert!(text.contains("Comment thread"), "{text}");
    for what in [
        "Go to the first comment, or back to the post",
        "Next top-level thread",
        "Fold or unfold the comment and its replies",
    ] {
        assert!(text.contains(what), "{what}: {text}");
    }
}
