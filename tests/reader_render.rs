//! Rendering tests: the reader drawn on ratatui's TestBackend at several
//! sizes, asserting what a user would see (texts, panes, styles).

mod common;

use common::{draw, find, is_colourless, screen_text, small_app};
use pundit::tui::Action;
use pundit::tui::update::update;
use ratatui::style::{Color, Modifier};

#[test]
fn snapshots_at_every_size() {
    for (width, height) in [(200, 60), (120, 40), (80, 24), (40, 12), (20, 6), (1, 1)] {
        let app = small_app(width, height);
        let text = screen_text(&draw(&app));
        insta::assert_snapshot!(format!("reader_{width}x{height}"), text);
    }
}

#[test]
fn no_size_panics_or_overflows() {
    for width in 0..=130u16 {
        for height in [0u16, 1, 2, 5, 6, 7, 12, 30] {
            let mut app = small_app(width, height);
            for action in [Action::ShowHelp, Action::CloseOverlay, Action::FocusNext] {
                update(&mut app, action);
                let _ = draw(&app);
            }
        }
    }
}

#[test]
fn wide_terminals_show_three_titled_panes() {
    let app = small_app(200, 60);
    let text = screen_text(&draw(&app));
    let top = text.lines().next().unwrap_or_default();
    let topics = top.find(" Topics ").expect("Topics title");
    let article = top.find(" Article ").expect("Article title");
    let sources = top.find(" Sources ").expect("Sources title");
    assert!(topics < article && article < sources, "{top}");
}

#[test]
fn medium_terminals_put_sources_under_the_article() {
    let app = small_app(100, 30);
    let text = screen_text(&draw(&app));
    let rows: Vec<&str> = text.lines().collect();
    let title_row = rows.iter().position(|r| r.contains("┌ Article "));
    let sources_row = rows.iter().position(|r| r.contains("┌ Sources "));
    assert_eq!(title_row, Some(0));
    assert!(sources_row.is_some_and(|row| row > 10), "{text}");
}

#[test]
fn narrow_terminals_show_one_pane_and_name_it_in_the_status_bar() {
    let mut app = small_app(60, 20);
    let text = screen_text(&draw(&app));
    assert!(text.contains("┏ Topics ") && !text.contains(" Sources ─"));
    update(&mut app, Action::FocusNext);
    let text = screen_text(&draw(&app));
    assert!(!text.contains(" Topics ━") && text.contains("┏ Article "));
    let status = text.lines().last().unwrap_or_default();
    assert!(status.starts_with(" Article "), "{status}");
}

#[test]
fn tiny_terminals_say_so() {
    let app = small_app(19, 5);
    let text = screen_text(&draw(&app));
    assert!(text.starts_with("terminal too small"), "{text}");
}

#[test]
fn the_focused_pane_has_a_thick_border() {
    let mut app = small_app(120, 40);
    let terminal = draw(&app);
    assert_eq!(terminal.backend().buffer()[(0, 0)].symbol(), "┏");
    update(&mut app, Action::FocusNext);
    let terminal = draw(&app);
    assert_eq!(terminal.backend().buffer()[(0, 0)].symbol(), "┌");
}

#[test]
fn article_shows_metadata_and_styles_blocks_by_kind() {
    let app = small_app(200, 60);
    let terminal = draw(&app);
    let text = screen_text(&terminal);
    assert!(
        text.contains("By Missy · 3 May 2018 · Transport · 3 sources"),
        "{text}"
    );
    assert!(text.contains("[1] Herald: Tolls to return on the bridge"));
    assert!(text.contains(" 1 │ The council voted nine to four"));
    assert!(text.contains("• Tolls fund the second crossing."));
    let buffer = terminal.backend().buffer();
    let (x, y) = find(&text, "Meanwhile, across town").expect("lead-in shown");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&text, "[1] Herald:").expect("citation shown");
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn sources_are_numbered_with_shortened_urls() {
    let app = small_app(200, 60);
    let text = screen_text(&draw(&app));
    assert!(text.contains("[1] Herald — Tolls to return on the bridge"));
    assert!(text.contains("[2] RNZ — Ferry fares frozen"));
    assert!(text.contains("      rnz.co.nz/news/ferries"));
    assert!(
        text.contains("      nzherald.co.nz/nz/ne…d=1&objectid=12045678"),
        "{text}"
    );
}

#[test]
fn quotes_take_their_sources_colour_and_no_color_removes_it() {
    let app = small_app(200, 60);
    let terminal = draw(&app);
    let text = screen_text(&terminal);
    let (x, y) = find(&text, "1 │ The council").expect("quote shown");
    let bar = &terminal.backend().buffer()[(x + 2, y)];
    assert_ne!(bar.fg, Color::Reset);

    let mut plain = small_app(200, 60);
    plain.color = false;
    assert!(is_colourless(&draw(&plain)));
}

#[test]
fn selecting_a_source_highlights_the_blocks_citing_it() {
    let mut app = small_app(200, 60);
    update(&mut app, Action::SelectSource(2));
    let terminal = draw(&app);
    let text = screen_text(&terminal);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(&text, "Ferry fares will not rise").expect("quote shown");
    assert!(buffer[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&text, "The council voted").expect("other quote shown");
    assert!(!buffer[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn help_is_titled_and_lists_keys() {
    let mut app = small_app(120, 40);
    update(&mut app, Action::ShowHelp);
    let text = screen_text(&draw(&app));
    assert!(text.contains(" Help "));
    assert!(text.contains("Open the next post"));
    assert!(text.contains("Ctrl-c"));
}

#[test]
fn status_bar_shows_focus_post_and_position() {
    let mut app = small_app(120, 40);
    update(&mut app, Action::NextPost);
    update(&mut app, Action::NextPost);
    let text = screen_text(&draw(&app));
    let status = text.lines().last().unwrap_or_default();
    assert!(
        status.starts_with(" Topics  post 3/3 │ lines 1–37/"),
        "{status}"
    );
}

/// At the end, the position says the last line is on screen: not "line
/// 28/84 100%".
#[test]
fn at_the_end_the_status_names_the_last_line() {
    let mut app = small_app(120, 40);
    update(&mut app, Action::NextPost);
    update(&mut app, Action::NextPost);
    update(&mut app, Action::ScrollBottom);
    let text = screen_text(&draw(&app));
    let status = text.lines().last().unwrap_or_default();
    let total = app.article_len();
    assert!(
        status.contains(&format!("–{total}/{total} 100%")),
        "{status}"
    );
}

/// 80×24, the terminal most people never resize, is laid out for reading.
#[test]
fn at_80_by_24_titles_read_sources_take_a_line_and_hints_are_whole() {
    let app = small_app(80, 24);
    let text = screen_text(&draw(&app));
    let rows: Vec<&str> = text.lines().collect();
    // A title shows its first twenty characters or so, not eleven.
    assert!(text.contains("▶ Harbour bridge toll…"), "{text}");
    // Three sources, a line each, between the pane's borders.
    let top = rows.iter().position(|r| r.contains("┌ Sources ")).unwrap();
    let bottom = rows[top..].iter().position(|r| r.contains("└──")).unwrap() + top;
    assert_eq!(bottom - top - 1, 3, "{text}");
    assert!(rows[top + 1].contains("▶ [1] Herald — Tolls to return on the bridge"));
    // The URL of the source being read sits on the bottom border.
    assert!(
        rows[bottom].contains(" nzherald.co.nz/"),
        "{}",
        rows[bottom]
    );
    // Every hint whole: the bar ends with a hint's last word.
    let status = rows.last().unwrap().trim_end();
    let hints = app.keymap.hints(app.focus, app.overlay, false);
    let last = hints
        .iter()
        .rev()
        .find(|(key, hint)| status.contains(&format!("{key} {hint}")))
        .expect("a hint shows");
    assert!(
        status.ends_with(&format!("{} {}", last.0, last.1)),
        "{status}"
    );
}

#[test]
fn the_title_shows_once_and_the_border_takes_it_when_it_scrolls_away() {
    let mut app = small_app(120, 40);
    let text = screen_text(&draw(&app));
    let top = text.lines().next().unwrap_or_default();
    assert!(
        top.contains(" Article ") && !top.contains("Harbour"),
        "{top}"
    );
    assert!(
        text.lines()
            .nth(1)
            .unwrap_or_default()
            .contains("│ Harbour bridge tolls return")
    );
    update(&mut app, Action::NextPost);
    update(&mut app, Action::NextPost);
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::ScrollDown);
    let text = screen_text(&draw(&app));
    let top = text.lines().next().unwrap_or_default();
    assert!(top.contains("┏ Budget day "), "{top}");
}

#[test]
fn a_post_without_sources_says_so_as_the_pane_does() {
    use pundit::model::{Block, BlockKind, Corpus, Post};
    let post = Post {
        id: "musing".into(),
        title: "A musing".into(),
        topics: vec!["Musings".into()],
        blocks: vec![Block::new(BlockKind::Paragraph, "Only my own words.")],
        ..Default::default()
    };
    let app = pundit::tui::App::new(Corpus::new(vec![post], None), (120, 40), true);
    let text = screen_text(&draw(&app));
    assert!(text.contains("no sources cited"), "{text}");
    assert!(text.contains("No sources cited"), "{text}");
    assert!(!text.contains("0 sources"), "{text}");
}

#[test]
fn quote_text_keeps_a_column_from_the_scrollbar() {
    for (width, height) in [(200, 60), (120, 40), (80, 24)] {
        let app = small_app(width, height);
        let terminal = draw(&app);
        let article = app.panes().article.expect("shown");
        let buffer = terminal.backend().buffer();
        let column = article.right() - 2;
        for y in article.top() + 1..article.bottom() - 1 {
            assert_eq!(
                buffer[(column, y)].symbol(),
                " ",
                "{width}x{height} row {y}"
            );
        }
    }
}

#[test]
fn the_marker_of_the_source_being_read_stands_apart_from_its_number() {
    let app = small_app(200, 60);
    let text = screen_text(&draw(&app));
    assert!(text.contains("▶ [1] Herald"), "{text}");
    assert!(!text.contains("▶["), "{text}");
}

#[test]
fn the_open_post_is_marked_in_the_tree() {
    let app = small_app(200, 60);
    let text = screen_text(&draw(&app));
    assert!(text.contains("▶ Harbour bridge tolls return"), "{text}");
    assert!(text.contains("· Ferry strike called off"));
}

#[test]
fn loading_shows_a_gauge_with_bytes_read() {
    use pundit::tui::view::loading::{Progress, render};
    use pundit::tui::view::palette::Palette;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 12)).expect("terminal");
    let progress = Progress {
        done: 25_000_000,
        total: 100_000_000,
    };
    terminal
        .draw(|frame| render(frame, progress, &Palette::new(true)))
        .expect("draw");
    let text = screen_text(&terminal);
    assert!(text.contains(" Loading "), "{text}");
    assert!(text.contains("25.0 MB of 100.0 MB"), "{text}");
}

/// Help at 80×24: descriptions wrap rather than stop at the border, G
/// goes to its end, and the mouse and the marks are explained.
#[test]
fn help_wraps_pages_and_explains_the_mouse_and_the_marks() {
    let mut app = small_app(80, 24);
    common::press_keys(&mut app, "?");
    let mut seen = String::new();
    for _ in 0..200 {
        seen.push_str(&screen_text(&draw(&app)));
        common::press_keys(&mut app, "j");
    }
    // "Go to the first match from here (empty: clear the search)", whole.
    let confirm = seen
        .lines()
        .position(|line| line.contains("Go to the first match from here"))
        .expect("the prompt's Enter");
    let next = seen.lines().nth(confirm + 1).unwrap_or_default();
    let both = format!("{} {next}", seen.lines().nth(confirm).unwrap_or_default());
    assert!(both.contains("search)"), "{both}");
    for what in ["Mouse", "wheel", "Marks", "▶", "reverse"] {
        assert!(seen.contains(what), "{what} in Help");
    }
    // G and g go to either end.
    let mut app = small_app(80, 24);
    common::press_keys(&mut app, "?G");
    let end = screen_text(&draw(&app));
    assert!(end.contains("the search matches it"), "{end}");
    common::press_keys(&mut app, "g");
    let top = screen_text(&draw(&app));
    assert!(top.contains("Everywhere"), "{top}");
}
