//! Update tests: keys through the keymap to actions, actions through
//! `update` to state. No terminal involved.

mod common;

use common::small_app;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pundit::model::PostId;
use pundit::tui::keymap::action_for;
use pundit::tui::tree::NodeKind;
use pundit::tui::update::{Effect, update};
use pundit::tui::{App, Focus, Overlay};

/// Presses `code` as the event loop would: keymap, then update.
fn press(app: &mut App, code: KeyCode) -> Effect {
    press_with(app, code, KeyModifiers::NONE)
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Effect {
    let key = KeyEvent::new(code, modifiers);
    match action_for(&key, app.focus, app.overlay) {
        Some(action) => update(app, action),
        None => Effect::None,
    }
}

fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

fn selected_label(app: &App) -> String {
    app.selected_node()
        .map(|node| app.node_label(node).to_string())
        .unwrap_or_default()
}

#[test]
fn starts_on_the_first_post_with_topics_focused() {
    let app = small_app(120, 40);
    assert_eq!(app.open_post, Some(PostId(0)));
    assert_eq!(app.focus, Focus::Topics);
    assert_eq!(selected_label(&app), "Harbour bridge tolls return");
}

#[test]
fn brackets_step_through_posts_in_tree_order() {
    let mut app = small_app(120, 40);
    press(&mut app, ch(']'));
    assert_eq!(app.open_post, Some(PostId(1)));
    assert_eq!(selected_label(&app), "Ferry strike called off");
    press(&mut app, ch(']'));
    press(&mut app, ch(']'));
    assert_eq!(app.open_post, Some(PostId(2)));
    assert_eq!(app.status.as_deref(), Some("This is the last post"));
    press(&mut app, ch('['));
    assert_eq!(app.open_post, Some(PostId(1)));
}

#[test]
fn brackets_follow_the_topic_a_post_was_opened_from() {
    let mut app = small_app(120, 40);
    // Select "Politics", expand it, open its only post.
    while selected_label(&app) != "Politics (1)" && selected_label(&app) != "Politics" {
        press(&mut app, ch('j'));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, ch('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.open_post, Some(PostId(2)));
    assert_eq!(app.post_position(), Some((1, 1)));
    press(&mut app, ch(']'));
    assert_eq!(app.open_post, Some(PostId(2)));
}

#[test]
fn enter_space_l_and_h_expand_collapse_and_go_to_the_parent() {
    let mut app = small_app(120, 40);
    press(&mut app, ch('g'));
    assert_eq!(selected_label(&app), "All posts");
    let rows = app.rows.len();
    press(&mut app, ch(' '));
    assert_eq!(app.rows.len(), rows - 3, "collapsed");
    press(&mut app, ch('l'));
    assert_eq!(app.rows.len(), rows, "expanded");
    press(&mut app, ch('l'));
    assert_eq!(selected_label(&app), "Harbour bridge tolls return");
    press(&mut app, ch('h'));
    assert_eq!(selected_label(&app), "All posts");
    press(&mut app, KeyCode::Left);
    assert_eq!(app.rows.len(), rows - 3);
}

#[test]
fn the_sources_group_lists_outlets_with_their_posts() {
    let mut app = small_app(120, 40);
    press(&mut app, ch('G'));
    assert_eq!(selected_label(&app), "Sources");
    press(&mut app, KeyCode::Enter);
    let outlets: Vec<String> = app.rows[app.tree_selected + 1..]
        .iter()
        .map(|&node| app.node_label(node).to_string())
        .collect();
    assert_eq!(outlets, ["RNZ", "Herald", "Newsroom", "Stuff"]);
    press(&mut app, ch('j'));
    press(&mut app, KeyCode::Right);
    let under_rnz: Vec<PostId> = app.rows[app.tree_selected + 1..app.tree_selected + 3]
        .iter()
        .filter_map(|&node| match app.tree.node(node).kind {
            NodeKind::Post(post) => Some(post),
            _ => None,
        })
        .collect();
    assert_eq!(under_rnz, [PostId(0), PostId(1)]);
}

#[test]
fn opening_a_post_from_an_outlet_goes_to_where_it_cites_that_outlet() {
    let mut app = small_app(120, 12);
    press(&mut app, ch('G'));
    press(&mut app, KeyCode::Enter);
    while selected_label(&app) != "Herald" {
        press(&mut app, ch('j'));
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, ch('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.open_post, Some(PostId(0)));
    assert_eq!(app.selected_source, Some(0), "Herald is source 1");
    assert!(app.scroll > 0, "scrolled to the Herald citation");
    assert_eq!(app.post_position(), Some((1, 1)));
}

#[test]
fn article_keys_scroll_and_clamp() {
    let mut app = small_app(120, 40);
    press(&mut app, ch(']'));
    press(&mut app, ch(']'));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Article);
    press(&mut app, ch('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.scroll, 2);
    press(&mut app, ch('k'));
    assert_eq!(app.scroll, 1);
    let page = app.article_height() - 1;
    press(&mut app, ch(' '));
    assert_eq!(app.scroll, 1 + page);
    press_with(&mut app, ch('u'), KeyModifiers::CONTROL);
    assert_eq!(app.scroll, 1);
    press(&mut app, KeyCode::End);
    assert_eq!(app.scroll, app.max_scroll());
    assert!(app.max_scroll() > 0);
    press(&mut app, ch('j'));
    assert_eq!(app.scroll, app.max_scroll(), "no scrolling past the end");
    press(&mut app, ch('g'));
    assert_eq!(app.scroll, 0);
}

#[test]
fn a_source_digit_scrolls_to_its_first_citation_and_braces_step() {
    let mut app = small_app(120, 12);
    press(&mut app, ch('1'));
    assert_eq!(app.selected_source, Some(0));
    let first = app.article.block_starts[1];
    assert_eq!(app.scroll, first.min(app.max_scroll()));
    press(&mut app, ch('}'));
    assert_eq!(app.citation, Some(1));
    assert_eq!(
        app.scroll,
        app.article.block_starts[2].min(app.max_scroll())
    );
    press(&mut app, ch('}'));
    assert_eq!(app.citation, Some(2));
    press(&mut app, ch('{'));
    assert_eq!(app.citation, Some(1));
    press(&mut app, ch('9'));
    assert_eq!(app.status.as_deref(), Some("This post has 3 sources"));
    assert_eq!(app.selected_source, Some(0));
}

#[test]
fn the_source_in_view_follows_the_scroll() {
    let mut app = small_app(120, 12);
    assert_eq!(app.source_in_view(), Some(0));
    press(&mut app, ch('2'));
    assert_eq!(app.source_in_view(), Some(1));
}

#[test]
fn sources_pane_keys_select_and_open() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Focus::Sources);
    press(&mut app, ch('j'));
    assert_eq!(app.selected_source, Some(0));
    press(&mut app, ch('j'));
    assert_eq!(app.selected_source, Some(1));
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Effect::OpenUrl("https://www.rnz.co.nz/news/ferries".into())
    );
    press(&mut app, ch('j'));
    assert_eq!(press(&mut app, ch('o')), Effect::None);
    assert_eq!(
        app.status.as_deref(),
        Some("No URL for this source (y copies its name)")
    );
    // No URL: y copies "Outlet — Headline" instead, and says so.
    assert_eq!(
        press(&mut app, ch('y')),
        Effect::Copy {
            text: "Stuff — Cyclists want a lane".into(),
            what: "the source's name"
        }
    );
}

#[test]
fn help_opens_and_esc_closes_it_before_q_quits() {
    let mut app = small_app(120, 40);
    press(&mut app, ch('?'));
    assert_eq!(app.overlay, Some(Overlay::Help));
    press(&mut app, ch('j'));
    assert_eq!(app.help_scroll, 1);
    for _ in 0..100 {
        press(&mut app, ch('j'));
    }
    let furthest = app.help_scroll;
    assert!(furthest < 100, "scrolling stops at the end of Help");
    press(&mut app, ch('k'));
    assert_eq!(app.help_scroll, furthest - 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert!(!app.quit);
    press(&mut app, ch('q'));
    assert!(app.quit);
}

#[test]
fn ctrl_c_quits_from_anywhere() {
    let mut app = small_app(120, 40);
    press(&mut app, ch('?'));
    press_with(&mut app, ch('c'), KeyModifiers::CONTROL);
    assert!(app.quit);
}

#[test]
fn narrow_terminals_switch_to_the_article_when_a_post_is_opened() {
    let mut app = small_app(60, 20);
    press(&mut app, ch('j'));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.open_post, Some(PostId(1)));
    assert_eq!(app.focus, Focus::Article);
}

#[test]
fn clicks_focus_and_select_and_the_wheel_scrolls_the_pane_under_it() {
    use pundit::tui::Action;
    let mut app = small_app(120, 40);
    // The third row of the Topics list is the second post.
    update(&mut app, Action::Click(5, 3));
    assert_eq!(app.open_post, Some(PostId(1)));
    update(&mut app, Action::Click(5, 4));
    assert_eq!(app.open_post, Some(PostId(2)));
    // Sources pane: the first row inside its border is source 1.
    let sources = app.panes().sources.expect("three panes");
    update(&mut app, Action::Click(sources.x + 3, sources.y + 1));
    assert_eq!(app.focus, Focus::Sources);
    assert_eq!(app.selected_source, Some(0));
    let article = app.panes().article.expect("three panes");
    update(&mut app, Action::ScrollTop);
    update(&mut app, Action::Wheel(article.x + 3, article.y + 3, true));
    assert_eq!(app.scroll, 3);
    assert_eq!(app.focus, Focus::Sources, "the wheel does not move focus");
}

#[test]
fn clicking_a_quote_selects_its_source_without_scrolling() {
    use pundit::tui::Action;
    let mut app = small_app(200, 60);
    let article = pundit::tui::view::layout::article_text(app.panes().article.expect("shown"));
    let line = app
        .article
        .lines
        .iter()
        .position(|l| l.source == Some(1))
        .expect("a line citing source 2");
    let y = article.y + u16::try_from(line).expect("on screen");
    update(&mut app, Action::Click(article.x + 2, y));
    assert_eq!(app.focus, Focus::Article);
    assert_eq!(app.selected_source, Some(1));
    assert_eq!(app.citation, Some(0));
    assert_eq!(app.scroll, 0);
}

#[test]
fn the_sources_pane_follows_the_source_being_read() {
    use pundit::model::{Block, BlockKind, Corpus, Post, Source};
    // One post thirty sources in turn, in a pane too short for all.
    let post = Post {
        id: "many".into(),
        title: "Many sources".into(),
        author: None,
        date: None,
        topics: vec![],
        blocks: (0..30)
            .map(|n| Block::new(BlockKind::Quote, format!("Quote {n}")).with_source(n))
            .collect(),
        sources: (0..30)
            .map(|n| Source {
                outlet: Some(format!("Outlet {n}")),
                headline: None,
                url: None,
            })
            .collect(),
        ..Default::default()
    };
    let mut app = App::new(Corpus::new(vec![post], None), (100, 20), true);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::End);
    let last = app.source_in_view().expect("a quote in view");
    assert!(last >= 20, "the end of the article cites a late source");
    let height = app.sources_height();
    assert!(app.sources_offset <= last && last < app.sources_offset + height);
    press(&mut app, ch('g'));
    assert_eq!(app.sources_offset, 0);
}

#[test]
fn resizing_keeps_the_block_at_the_top_in_view() {
    let mut app = small_app(120, 12);
    press(&mut app, ch('3'));
    let block = app.article.block_at_or_after(app.scroll);
    update(&mut app, pundit::tui::Action::Resize(90, 12));
    assert_eq!(app.article.block_at_or_after(app.scroll), block);
    assert_eq!(app.article.key().map(|(_, w)| w), Some(app.article_width()));
}

#[test]
fn help_pages_and_jumps_to_its_ends() {
    let mut app = small_app(80, 24);
    press(&mut app, ch('?'));
    let end = pundit::tui::view::help::max_scroll(&app);
    assert!(end > 20, "Help is longer than a screen: {end}");
    press(&mut app, ch('G'));
    assert_eq!(app.help_scroll, end);
    press(&mut app, ch('g'));
    assert_eq!(app.help_scroll, 0);
    press(&mut app, KeyCode::PageDown);
    let page = app.help_scroll;
    assert!(page > 10, "a page, not a line: {page}");
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.help_scroll, (2 * page).min(end));
    press(&mut app, KeyCode::PageUp);
    assert_eq!(app.help_scroll, page);
    press(&mut app, KeyCode::End);
    assert_eq!(app.help_scroll, end);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.help_scroll, 0);
}

#[test]
fn a_key_that_does_nothing_here_says_so_briefly() {
    use pundit::tui::Action;
    let mut app = small_app(80, 24);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Article);
    // The event loop turns a key without a binding into Unbound.
    let f = KeyEvent::new(ch('f'), KeyModifiers::NONE);
    assert_eq!(action_for(&f, app.focus, app.overlay), None);
    update(&mut app, Action::Unbound(f));
    assert_eq!(
        app.status.as_deref(),
        Some("f: a key of the Topics pane (Tab)")
    );
    let x = KeyEvent::new(ch('x'), KeyModifiers::NONE);
    update(&mut app, Action::Unbound(x));
    assert_eq!(
        app.status.as_deref(),
        Some("x: not a key here (? lists keys)")
    );
    // Short enough to show whole beside the position at 80 columns.
    assert!(app.status.as_deref().is_some_and(|s| s.len() < 34));
    // The next key clears it; over Help, nothing is said.
    press(&mut app, ch('j'));
    assert_eq!(app.status, None);
    press(&mut app, ch('?'));
    update(&mut app, Action::Unbound(x));
    assert_eq!(app.status, None);
}

#[test]
fn every_load_warning_is_named_and_help_lists_them() {
    let mut app = small_app(120, 40);
    app.load_warnings = vec![
        "a.bin: skipped: not UTF-8 text (invalid byte at offset 3)".into(),
        "b.bin: skipped: empty file, no posts".into(),
    ];
    let summary = pundit::tui::update::warnings_summary(&app).expect("a summary");
    assert_eq!(
        summary,
        "2 warnings (? lists them): a.bin: skipped: not UTF-8 text (invalid byte at offset 3)"
    );
    press(&mut app, ch('?'));
    let lines: Vec<String> = pundit::tui::view::help::help_lines(
        &app,
        &pundit::tui::view::palette::Palette::new(false),
        74,
    )
    .iter()
    .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
    .collect();
    let text = lines.join("\n");
    assert!(text.contains("While loading"), "{text}");
    assert!(text.contains("b.bin: skipped: empty file"), "{text}");
}
