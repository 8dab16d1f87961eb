//! Property tests: the loaders never panic, and the native format round-trips.

use proptest::prelude::*;
use pundit::corpus::clean::{PLACEHOLDER, clean, is_clean};
use pundit::corpus::{Block, BlockKind, Corpus, Post, Source, json, text};

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
                id: String::new(),
                title,
                author,
                date: None,
                topics: Vec::new(),
                blocks: blocks
                    .into_iter()
                    .enumerate()
                    .map(|(i, (kind, text))| Block {
                        kind,
                        text,
                        source: (source_count > 0).then(|| i % source_count),
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
                prop_assert!(block.source.is_none_or(|s| s < post.sources.len()));
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
