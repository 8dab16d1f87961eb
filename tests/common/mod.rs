//! Shared fixtures for the reader's tests: a small hand-built corpus whose
//! every part is known, so tests can assert exactly what a user sees.

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

use pundit::model::{Block, BlockKind, Corpus, Post, Source, Topic};
use pundit::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn source(outlet: &str, headline: &str, url: Option<&str>) -> Source {
    Source {
        outlet: Some(outlet.into()),
        headline: Some(headline.into()),
        url: url.map(String::from),
    }
}

/// Three posts under two topics, citing four outlets. The first post has
/// every kind of block and three sources, the third is long enough to scroll.
pub fn small_corpus() -> Corpus {
    let first = Post {
        id: "harbour-bridge-tolls".into(),
        title: "Harbour bridge tolls return".into(),
        author: Some("Missy".into()),
        date: Some("3 May 2018".into()),
        topics: vec!["Transport".into()],
        blocks: vec![
            Block::new(
                BlockKind::Paragraph,
                "The council wants tolls back on the harbour bridge, and commuters are not pleased.",
            ),
            Block::new(BlockKind::Citation, "Herald: Tolls to return on the bridge").with_source(0),
            Block::new(
                BlockKind::Quote,
                "The council voted nine to four to reinstate the toll from next July.",
            )
            .with_source(0),
            Block::new(BlockKind::LeadIn, "Meanwhile, across town…"),
            Block::new(BlockKind::Citation, "RNZ: Ferry fares frozen").with_source(1),
            Block::new(BlockKind::Quote, "Ferry fares will not rise this year.").with_source(1),
            Block::new(BlockKind::Contributor, "From Missy:"),
            Block::new(BlockKind::ListItem, "Tolls fund the second crossing."),
            Block::new(BlockKind::ListItem, "Ferries are subsidised."),
            Block::new(
                BlockKind::Quote,
                "A second crossing would cost four billion dollars.",
            )
            .with_source(0),
            Block::new(BlockKind::Citation, "Stuff: Cyclists want a lane").with_source(2),
        ],
        sources: vec![
            source(
                "Herald",
                "Tolls to return on the bridge",
                Some("https://www.nzherald.co.nz/nz/news/article.cfm?c_id=1&objectid=12045678"),
            ),
            source(
                "RNZ",
                "Ferry fares frozen",
                Some("https://www.rnz.co.nz/news/ferries"),
            ),
            source("Stuff", "Cyclists want a lane", None),
        ],
        ..Default::default()
    };
    let second = Post {
        id: "ferry-strike".into(),
        title: "Ferry strike called off".into(),
        author: None,
        date: None,
        topics: vec!["Transport".into()],
        blocks: vec![
            Block::new(BlockKind::Paragraph, "The ferry strike is off."),
            Block::new(BlockKind::Quote, "Workers accepted the offer.").with_source(0),
        ],
        sources: vec![source(
            "RNZ",
            "Strike off",
            Some("https://www.rnz.co.nz/news/strike"),
        )],
        ..Default::default()
    };
    let long_text = "Budget day brings the usual arguments about what was promised and what was \
                     delivered, and who should pay for it.";
    let third = Post {
        id: "budget-day".into(),
        title: "Budget day".into(),
        author: Some("Pete".into()),
        date: None,
        topics: vec!["Politics".into()],
        blocks: (0..40)
            .map(|n| {
                if n == 30 {
                    Block::new(BlockKind::Quote, "Deep in the budget, a quote.").with_source(0)
                } else {
                    Block::new(BlockKind::Paragraph, format!("{n}. {long_text}"))
                }
            })
            .collect(),
        sources: vec![source(
            "Newsroom",
            "Budget 2018",
            Some("https://newsroom.co.nz/budget"),
        )],
        ..Default::default()
    };
    let topics = vec![
        Topic {
            name: "Transport".into(),
            posts: vec!["harbour-bridge-tolls".into(), "ferry-strike".into()],
            children: vec![],
        },
        Topic {
            name: "Politics".into(),
            posts: vec!["budget-day".into()],
            children: vec![],
        },
    ];
    Corpus::new(vec![first, second, third], Some(topics))
}

/// A reader on the small corpus for a terminal of `width` × `height`.
pub fn small_app(width: u16, height: u16) -> App {
    App::new(small_corpus(), (width, height), true)
}

/// Draws `app` on a test terminal of its size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("test terminal");
    terminal
        .draw(|frame| pundit::tui::view::render(frame, app))
        .expect("drawing on a test backend");
    terminal
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut row = String::new();
        for x in 0..area.width {
            row.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// The hand-written thread fixture: a post with a nested thread (a chain ten
/// deep, replies by the post's author, citations and quotes of the post in
/// comments, fewer comments than the page stated), a post with a single
/// comment, and a post without comments.
pub const THREAD_FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thread.json");

pub fn thread_corpus() -> Corpus {
    pundit::load::load_paths(&[std::path::PathBuf::from(THREAD_FIXTURE)])
        .expect("the thread fixture loads")
        .corpus
}

/// A reader on the thread fixture for a terminal of `width` × `height`.
pub fn thread_app(width: u16, height: u16) -> App {
    App::new(thread_corpus(), (width, height), true)
}

/// Presses `key` as the event loop would: keymap, then update.
pub fn press_key(app: &mut App, key: crossterm::event::KeyCode) {
    let event = crossterm::event::KeyEvent::new(key, crossterm::event::KeyModifiers::NONE);
    if let Some(action) = pundit::tui::keymap::action_for(&event, app.focus, app.overlay) {
        pundit::tui::update::update(app, action);
    }
}

/// Types `keys` one character at a time, each as a key press.
pub fn press_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        press_key(app, crossterm::event::KeyCode::Char(c));
    }
}

/// Column and row of the first occurrence of `needle` on a screen's text.
pub fn find(text: &str, needle: &str) -> Option<(u16, u16)> {
    text.lines().enumerate().find_map(|(y, line)| {
        let byte = line.find(needle)?;
        let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
        Some((u16::try_from(x).ok()?, u16::try_from(y).ok()?))
    })
}

/// Whether nothing on `terminal`'s screen has a colour (as under NO_COLOR).
pub fn is_colourless(terminal: &Terminal<TestBackend>) -> bool {
    let buffer = terminal.backend().buffer();
    let plain = ratatui::style::Color::Reset;
    buffer
        .content
        .iter()
        .all(|cell| cell.fg == plain && cell.bg == plain)
}
