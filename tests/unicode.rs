//! Wide CJK text, emoji sequences, combining marks, tabs and very long
//! unbroken words: every frame keeps each pane's border where the layout
//! puts it, and every row adds up to exactly the terminal's width, so a
//! real terminal lays the cells out where ratatui meant them to be.

use pundit::import::json;
use pundit::model::{Corpus, PostId};
use pundit::tui::{Action, App, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// A corpus of awkward text, loaded through the JSON loader so that it is
/// cleaned as any archive would be (ZWJs and tabs do not survive that).
fn awkward_corpus() -> Corpus {
    let long_word = "Donaudampfschifffahrtsgesellschaftskapitän".repeat(12);
    let long_cjk = "漢字仮名交じり文".repeat(40);
    let long_url = format!("https://example.com/{}", "path-segment/".repeat(40));
    let text = serde_json::json!({
        "posts": [
            {
                "id": "wide",
                "title": "中文标题：日本語のテキストと한국어 제목 — 全角ＡＢＣ",
                "author": "作者 名前",
                "topics": ["国际 新闻", "Émoji 👩‍👩‍👧"],
                "blocks": [
                    { "kind": "paragraph", "text": "中文段落，包含全角标点。日本語の文章も混ざっています。한국어 문장도 있습니다。" },
                    { "kind": "paragraph", "text": "Family 👩‍👩‍👧 coder 👨🏽‍💻 flag 🏳️‍🌈 heart ❤️ keycap 1️⃣ and 🇳🇿 flags 🇫🇷." },
                    { "kind": "quote", "text": "Combining: e\u{301}te\u{301}, a\u{308}, Z\u{324}\u{354}\u{367}\u{311}a\u{308}\u{356}\u{32d}l\u{36e}\u{312}g\u{30c}\u{317}o\u{319}\u{314}, 각 jamo, देवनागरी.", "source": 0 },
                    { "kind": "list_item", "text": "col1\tcol2\t\tcol3\t|\ttabs" },
                    { "kind": "paragraph", "text": long_word },
                    { "kind": "paragraph", "text": long_cjk },
                    { "kind": "citation", "text": long_url, "source": 1 },
                    { "kind": "lead_in", "text": "Ｆｕｌｌｗｉｄｔｈ　ｓｐａｃｅ and ideographic　space" }
                ],
                "sources": [
                    { "outlet": "人民日报", "headline": "标题很长很长很长很长很长很长很长很长很长很长很长很长很长很长", "url": "https://例え.jp/パス" },
                    { "outlet": "Émoji 👩‍👩‍👧 News", "headline": long_word, "url": long_url }
                ]
            },
            {
                "id": "second",
                "title": "👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧",
                "topics": ["国际 新闻"],
                "blocks": [{ "kind": "paragraph", "text": "短い。" }]
            }
        ]
    })
    .to_string();
    let (posts, topics) = json::parse("awkward.json", &text).expect("the corpus parses");
    Corpus::new(posts, Some(topics))
}

/// Walks each row as a terminal would, column by column, and returns for
/// each row the columns where a cell starts. Fails on a cell that would
/// occupy no column or run past the right edge.
fn cell_starts(buffer: &Buffer) -> Vec<Vec<bool>> {
    let area = buffer.area;
    let mut starts = vec![vec![false; usize::from(area.width)]; usize::from(area.height)];
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let symbol = buffer[(x, y)].symbol();
            let width = symbol.width();
            assert!(
                width >= 1,
                "row {y}, column {x}: {symbol:?} takes no column, shifting the rest of the row"
            );
            assert!(
                x + width as u16 <= area.width,
                "row {y}, column {x}: {symbol:?} runs past the right edge"
            );
            starts[usize::from(y)][usize::from(x)] = true;
            x += width as u16;
        }
    }
    starts
}

/// Box drawing and block elements: borders and the scrollbar on them.
fn is_frame_glyph(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('\u{2500}'..='\u{259f}'), None)
    )
}

/// Each pane's left and right borders, and its four corners, are frame
/// glyphs at the columns the layout gives, each its own cell.
fn assert_borders_intact(app: &App, buffer: &Buffer, what: &str) {
    let starts = cell_starts(buffer);
    let panes = app.panes();
    if panes.too_small {
        return;
    }
    let glyph_at = |x: u16, y: u16| {
        let symbol = buffer[(x, y)].symbol();
        assert!(
            starts[usize::from(y)][usize::from(x)] && is_frame_glyph(symbol),
            "{what}: border broken at column {x}, row {y}: {symbol:?}"
        );
    };
    for rect in [panes.topics, panes.article, panes.sources]
        .into_iter()
        .flatten()
    {
        if rect.width < 2 || rect.height < 2 {
            continue;
        }
        let (left, right) = (rect.x, rect.right() - 1);
        let (top, bottom) = (rect.y, rect.bottom() - 1);
        for y in top..=bottom {
            glyph_at(left, y);
            glyph_at(right, y);
        }
        for x in [left, right] {
            glyph_at(x, top);
            glyph_at(x, bottom);
        }
    }
}

const SIZES: &[(u16, u16)] = &[
    (250, 80),
    (200, 60),
    (121, 40),
    (120, 40),
    (100, 30),
    (81, 24),
    (80, 24),
    (61, 20),
    (40, 12),
    (33, 9),
    (20, 6),
];

fn states() -> Vec<Vec<Action>> {
    vec![
        vec![],
        vec![Action::FocusNext],
        vec![Action::FocusNext, Action::FocusNext],
        vec![Action::FocusNext, Action::PageDown],
        vec![Action::FocusNext, Action::ScrollBottom],
        vec![Action::SelectSource(2)],
        vec![Action::NextPost],
        vec![Action::TreeBottom, Action::TreeExpand],
        vec![Action::ShowHelp],
    ]
}

#[test]
fn awkward_text_keeps_every_border_and_column_in_place() {
    let corpus = awkward_corpus();
    for &(width, height) in SIZES {
        for actions in states() {
            let mut app = App::new(corpus.clone(), (width, height), true);
            for &action in &actions {
                update::update(&mut app, action);
            }
            let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            terminal
                .draw(|frame| pundit::tui::view::render(frame, &app))
                .expect("draw");
            let what = format!("{width}×{height} after {actions:?}");
            let buffer = terminal.backend().buffer();
            if app.overlay.is_some() {
                // Help covers the panes; its rows must still add up.
                cell_starts(buffer);
            } else {
                assert_borders_intact(&app, buffer, &what);
            }
        }
    }
}

#[test]
fn what_the_loader_leaves_of_awkward_text_is_drawn() {
    let corpus = awkward_corpus();
    let post = corpus.post(PostId(0));
    // Joiners are dropped at ingest: a family becomes its members, side by side.
    assert!(
        post.blocks[1].text.contains("👩👩👧"),
        "{}",
        post.blocks[1].text
    );
    // Tabs become single spaces.
    assert_eq!(&*post.blocks[3].text, "col1 col2 col3 | tabs");
    let mut app = App::new(corpus.clone(), (200, 60), true);
    update::update(&mut app, Action::FocusNext);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    terminal
        .draw(|frame| pundit::tui::view::render(frame, &app))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    // Each row as a terminal shows it: the cell after a wide character is
    // covered by it, not a column of its own.
    let starts = cell_starts(buffer);
    let screen: String = (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .filter(|&x| starts[usize::from(y)][usize::from(x)])
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    for expected in [
        "中文段落",
        "👩",
        "col1 col2 col3",
        "Donaudampf",
        "e\u{301}te\u{301}",
        "漢字",
    ] {
        assert!(
            screen.contains(expected),
            "{expected:?} on screen:\n{screen}"
        );
    }
}

#[test]
fn a_long_unbroken_word_is_cut_to_the_pane_not_past_it() {
    let corpus = awkward_corpus();
    for &(width, height) in &[(120, 40), (80, 24), (40, 12)] {
        let mut app = App::new(corpus.clone(), (width, height), true);
        update::update(&mut app, Action::FocusNext);
        let article = app.panes().article.expect("the article is shown");
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| pundit::tui::view::render(frame, &app))
            .expect("draw");
        assert_borders_intact(
            &app,
            terminal.backend().buffer(),
            &format!("{width}×{height}"),
        );
        // Every wrapped line fits the article's text width.
        let text_width = usize::from(pundit::tui::view::layout::article_text(article).width);
        let lines = &app.article.lines;
        assert!(!lines.is_empty());
        // Measured as pundit draws it (see `pundit::tui::width`), not by
        // Unicode's tables, which count `❤️` as two columns.
        let drawn = |text: &str| pundit::tui::width::width(text);
        for line in lines {
            assert!(
                drawn(&line.text) <= text_width,
                "{width}×{height}: a line of {} columns in {text_width}: {:?}",
                drawn(&line.text),
                line.text
            );
        }
    }
}

/// textwrap measures character by character; the reader draws and
/// measures per grapheme of the drawn form ([`pundit::tui::width`]). The
/// wrapped lines must fit by the reader's measure, which is what the
/// terminal is given.
#[test]
fn emoji_with_a_variation_selector_wrap_within_the_width() {
    use pundit::model::{Block, BlockKind, Post};
    use pundit::tui::width::width;
    use pundit::tui::wrap::WrappedArticle;
    let post = Post {
        id: "vs16".into(),
        title: "❤️❤️❤️❤️ 1️⃣1️⃣1️⃣ heart ❤️ keycap 1️⃣ flag 🏳️ and 🇳🇿".into(),
        author: None,
        date: None,
        topics: vec![],
        blocks: vec![
            Block::new(
                BlockKind::Paragraph,
                "Family 👩👩👧 coder 👨🏽💻 flag 🏳️🌈 heart ❤️ keycap 1️⃣ and 🇳🇿 flags 🇫🇷.",
            ),
            Block::new(BlockKind::Quote, "❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️ e\u{301}❤️"),
            Block::new(
                BlockKind::Paragraph,
                "thumbs 👍🏽👍🏽👍🏽 up and 漢字仮名交じり文",
            ),
        ],
        sources: vec![],
        ..Default::default()
    };
    for columns in 2..70 {
        let article = WrappedArticle::lay_out(PostId(0), &post, columns);
        for line in &article.lines {
            assert!(
                width(&line.text) <= usize::from(columns),
                "width {columns}: {:?} is {} columns",
                line.text,
                width(&line.text)
            );
        }
    }
    // A word is not broken before its variation selector: "heart ❤️" wraps
    // between words, the selector stays with its heart.
    let article = WrappedArticle::lay_out(PostId(0), &post, 8);
    for line in &article.lines {
        assert!(!line.text.starts_with('\u{FE0F}'), "{:?}", line.text);
    }
}
