//! Fuzzes the search matcher: any query, in any scope and mode, over any
//! (cleaned) text finds matches that lie inside their field on character
//! boundaries, in reading order, and that stepping can reach; and the
//! streaming search (`pundit search`) finds the fields the index finds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pundit::import::clean::clean;
use pundit::model::{Block, BlockKind, Comment, Corpus, Post, Source};
use pundit::search::{Mode, Place, Query, Scope, SearchIndex, field_text, matching_fields};

/// A post from fuzz text: the first line is the title, later lines blocks
/// of every kind, the last three source fields; every third line is also a
/// comment, answering the one before. Cleaned as a loader would.
fn post_from(text: &str, number: usize) -> Post {
    let mut lines = text.split('\n').map(clean);
    let title = lines.next().unwrap_or_default();
    let rest: Vec<String> = lines.collect();
    let blocks = rest
        .iter()
        .enumerate()
        .map(|(i, line)| Block {
            kind: BlockKind::ALL[i % BlockKind::ALL.len()],
            text: line.as_str().into(),
            source: (i % 2 == 1).then_some(0),
        })
        .collect();
    let field = |n: usize| rest.get(rest.len().wrapping_sub(n)).cloned();
    let comments = rest
        .iter()
        .step_by(3)
        .enumerate()
        .map(|(i, line)| Comment {
            id: format!("c{i}"),
            parent: i.checked_sub(1).map(|p| p as u32),
            blocks: vec![Block::new(BlockKind::Paragraph, line.as_str())],
            ..Comment::default()
        })
        .collect();
    Post {
        id: format!("p{number}").into(),
        title,
        author: None,
        date: None,
        topics: vec!["t".into()],
        blocks,
        sources: vec![Source {
            outlet: field(3),
            headline: field(2),
            url: field(1),
        }],
        comments,
        ..Post::default()
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    // Bits 0, 1 and 3 choose the scope, bit 2 the mode (as the seeds say).
    let scope_bits = usize::from(flags & 3) | usize::from(flags & 8) >> 1;
    let scope = Scope::ALL[scope_bits % Scope::ALL.len()];
    let mode = if flags & 4 == 0 { Mode::Literal } else { Mode::Regex };
    let text = String::from_utf8_lossy(rest);
    // The query is everything up to the first NUL, the corpus the rest.
    let (query_text, corpus_text) = text.split_once('\0').unwrap_or((&text, "Title\nsome text"));
    let Ok(query) = Query::new(query_text, scope, mode) else {
        return;
    };
    let posts: Vec<Post> = corpus_text
        .split('\u{1}')
        .enumerate()
        .map(|(n, part)| post_from(part, n))
        .collect();
    let corpus = Corpus::new(posts, None);
    let index = SearchIndex::new(&corpus);
    let results = index.search(&query);
    let mut previous: Option<Place> = None;
    for found in results.matches() {
        let post = corpus.post(found.post);
        let field = field_text(post, found.location).expect("a match is in a field");
        assert!(found.range.start <= found.range.end && found.range.end <= field.len());
        assert!(field.is_char_boundary(found.range.start));
        assert!(field.is_char_boundary(found.range.end));
        assert!(previous.is_none_or(|p| p <= found.place()), "matches in order");
        previous = Some(found.place());
        assert!(results.index_of(found.place()).is_some());
    }
    if let Some(first) = results.matches().first() {
        let mut place = first.place();
        for _ in 0..results.len().min(64) {
            let step = results.next_match_after(place).expect("a next match exists");
            place = results.get(step.index).expect("step in range").place();
        }
        let _ = results.previous_match_before(place);
    }
    let mut from_index: Vec<_> = results.matches().iter().map(|m| (m.post, m.location)).collect();
    from_index.dedup();
    let mut streamed = Vec::new();
    let _ = matching_fields(&corpus, &query, |post, location| {
        streamed.push((post, location));
        Ok::<(), ()>(())
    });
    assert_eq!(streamed, from_index, "streaming and the index disagree");
});
