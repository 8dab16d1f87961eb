//! Property tests: the loaders never panic, the native format round-trips,
//! the search matcher finds only places inside their fields, and any text
//! draws in whole columns at any size.

use proptest::prelude::*;
use pundit::import::clean::{PLACEHOLDER, clean, is_clean};
use pundit::import::{json, text};
use pundit::model::{Block, BlockKind, Corpus, Post, Source};

fn kind() -> impl Strategy<Value = BlockKind> {
    proptest::sample::select(BlockKind::ALL.to_vec())
}

fn post() -> impl Strategy<Value = Post> {
    (
        "\\PC{0,40}",
        proptest::option::of("\\PC{0,20}"),
        proptest::collection::vec((kind(), "\\PC{0,80}"), 0..6),
        proptest::collection::vec(
            (
                proptest::option::of("\\PC{1,20}"),
                proptest::option::of("\\PC{1,40}"),
            ),
            0..3,
        ),
    )
        .prop_map(|(title, author, blocks, sources)| {
            let source_count = sources.len();
            Post {
                id: "".into(),
                title,
                author,
                date: None,
                topics: Vec::new(),
                blocks: blocks
                    .into_iter()
                    .enumerate()
                    .map(|(i, (kind, text))| {
                        let block = Block::new(kind, text);
                        match source_count {
                            0 => block,
                            count => block.with_source(i % count),
                        }
                    })
                    .collect(),
                sources: sources
                    .into_iter()
                    .map(|(outlet, headline)| Source {
                        outlet,
                        headline,
                        url: None,
                    })
                    .collect(),
                ..Default::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_text_importer_never_panics(input in "(\\PC|\\n|\\r|\u{a0}|\u{1b}|“|:){0,400}") {
        let posts = text::parse("prop", &input).unwrap();
        for post in &posts {
            prop_assert!(is_clean(&post.title));
            prop_assert!(!post.title.is_empty());
            for block in &post.blocks {
                prop_assert!(is_clean(&block.text));
                prop_assert!(block.source().is_none_or(|s| s < post.sources.len()));
            }
        }
    }

    #[test]
    fn the_text_importer_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let input = String::from_utf8_lossy(&bytes);
        let _ = text::parse("prop", &input);
    }

    #[test]
    fn the_json_loader_never_panics(input in "\\PC{0,200}") {
        let _ = json::parse("prop.json", &input);
        let wrapped = format!("{{\"posts\":[{input}]}}");
        let _ = json::parse("prop.json", &wrapped);
    }

    #[test]
    fn export_load_export_is_byte_identical(posts in proptest::collection::vec(post(), 1..4)) {
        let corpus = Corpus::new(posts, None);
        let first = json::export(&corpus);
        let (posts, topics) = json::parse("a.json", &first).unwrap();
        let second = json::export(&Corpus::new(posts, Some(topics)));
        let (posts, topics) = json::parse("b.json", &second).unwrap();
        let third = json::export(&Corpus::new(posts, Some(topics)));
        prop_assert_eq!(&second, &third);
    }

    #[test]
    fn clean_leaves_no_control_characters(input in "\\PC{0,50}|[\\x00-\\x1f\\x7f-\\u{9f}\u{202a}-\u{202e}]{0,20}") {
        let cleaned = clean(&input);
        prop_assert!(cleaned.chars().all(|c| c == PLACEHOLDER || !c.is_control()));
        let bidi = cleaned.chars().any(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'));
        prop_assert!(!bidi);
        prop_assert_eq!(clean(&cleaned), cleaned.clone());
    }
}

/// Posts as a loader leaves them: through the native format and back, so
/// every string is cleaned.
fn loaded(posts: Vec<Post>) -> Corpus {
    let exported = json::export(&Corpus::new(posts, None));
    let (posts, topics) = json::parse("prop.json", &exported).expect("an export loads");
    Corpus::new(posts, Some(topics))
}

/// Text that is hard to lay out: wide, combining, emoji with selectors.
fn awkward_text() -> impl Strategy<Value = String> {
    "(\\PC|[中文字한국어]|e\u{301}|❤\u{fe0f}|1\u{fe0f}\u{20e3}|👩\u{200d}👧|🇳🇿|\t| ){0,120}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_search_matcher_finds_only_places_inside_their_fields(
        posts in proptest::collection::vec(post(), 1..4),
        query in "(\\PC|\\s|[.*+?()|\\[\\]^$\\\\]){0,12}",
        scope in 0usize..4,
        regex in any::<bool>(),
    ) {
        use pundit::search::{Mode, Query, Scope, SearchIndex, field_text};
        let corpus = loaded(posts);
        let mode = if regex { Mode::Regex } else { Mode::Literal };
        let Ok(query) = Query::new(&query, Scope::ALL[scope], mode) else {
            return Ok(());
        };
        let results = SearchIndex::new(&corpus).search(&query);
        let mut previous = None;
        for found in results.matches() {
            let field = field_text(corpus.post(found.post), found.location);
            let field = field.expect("a match is in a field");
            prop_assert!(found.range.end <= field.len());
            prop_assert!(field.is_char_boundary(found.range.start));
            prop_assert!(field.is_char_boundary(found.range.end));
            prop_assert!(previous <= Some(found.place()), "matches in reading order");
            previous = Some(found.place());
        }
    }

    #[test]
    fn any_text_draws_in_whole_columns_at_any_size(
        title in awkward_text(),
        blocks in proptest::collection::vec((kind(), awkward_text()), 1..5),
        width in 1u16..200,
        height in 1u16..60,
        focus in 0usize..3,
    ) {
        use pundit::tui::{Action, App, update};
        use ratatui::{Terminal, backend::TestBackend};
        use unicode_width::UnicodeWidthStr;
        let post = Post {
            id: "".into(),
            title,
            author: None,
            date: None,
            topics: vec!["t".into()],
            blocks: blocks.into_iter().map(|(kind, text)| Block { kind, text: text.into(), source: None }).collect(),
            sources: Vec::new(),
            ..Default::default()
        };
        let mut app = App::new(loaded(vec![post]), (width, height), true);
        for _ in 0..focus {
            update::update(&mut app, Action::FocusNext);
        }
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal.draw(|frame| pundit::tui::view::render(frame, &app)).expect("draw");
        let buffer = terminal.backend().buffer();
        for y in 0..height {
            let mut x = 0;
            while x < width {
                let symbol = buffer[(x, y)].symbol();
                let columns = symbol.width() as u16;
                prop_assert!(columns >= 1, "row {}, column {}: {:?} takes no column", y, x, symbol);
                prop_assert!(x + columns <= width, "row {}: {:?} runs past the edge", y, symbol);
                x += columns;
            }
        }
    }
}
