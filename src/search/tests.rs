//! Tests of the matching rules on small hand-built corpora.

use std::sync::Arc;
use std::time::Duration;

use proptest::prelude::*;

use super::*;
use crate::model::{Block, BlockKind, Comment, Corpus, Post, Source, Topic};

fn post(id: &str, title: &str, blocks: Vec<Block>, sources: Vec<Source>) -> Post {
    Post {
        id: id.into(),
        title: title.into(),
        author: None,
        date: None,
        topics: vec!["t".into()],
        blocks,
        sources,
        ..Default::default()
    }
}

fn corpus(posts: Vec<Post>) -> Corpus {
    let ids = posts.iter().map(|p| p.id.clone()).collect();
    let topics = vec![Topic {
        name: "t".into(),
        posts: ids,
        children: vec![],
    }];
    Corpus::new(posts, Some(topics))
}

fn paragraphs(texts: &[&str]) -> Corpus {
    let blocks = texts
        .iter()
        .map(|text| Block::new(BlockKind::Paragraph, *text))
        .collect();
    corpus(vec![post("p", "Title", blocks, vec![])])
}

fn find(corpus: &Corpus, text: &str, scope: Scope, mode: Mode) -> Vec<Match> {
    let query = Query::new(text, scope, mode).expect("valid query");
    SearchIndex::new(corpus).search(&query).matches().to_vec()
}

/// The original text of every match of a literal query over everything.
fn found_texts(corpus: &Corpus, text: &str) -> Vec<String> {
    matched_texts(
        corpus,
        &find(corpus, text, Scope::Everything, Mode::Literal),
    )
}

fn matched_texts(corpus: &Corpus, matches: &[Match]) -> Vec<String> {
    matches
        .iter()
        .map(|m| {
            let field = field_text(corpus.post(m.post), m.location).expect("field exists");
            field[m.range.clone()].to_string()
        })
        .collect()
}

#[test]
fn lower_case_query_ignores_case() {
    let corpus = paragraphs(&["Ardern spoke; ARDERN again; ardern last"]);
    assert_eq!(
        found_texts(&corpus, "ardern"),
        ["Ardern", "ARDERN", "ardern"]
    );
}

#[test]
fn a_capital_makes_the_query_case_sensitive() {
    let corpus = paragraphs(&["Ardern spoke; ARDERN again; ardern last"]);
    assert_eq!(found_texts(&corpus, "Ardern"), ["Ardern"]);
    assert_eq!(found_texts(&corpus, "ARDERN"), ["ARDERN"]);
}

#[test]
fn unaccented_query_finds_accented_text() {
    let corpus = paragraphs(&["François said", "FRANÇOIS shouted", "Francois wrote"]);
    assert_eq!(
        found_texts(&corpus, "francois"),
        ["François", "FRANÇOIS", "Francois"]
    );
}

#[test]
fn accented_query_finds_unaccented_text() {
    let corpus = paragraphs(&["François said", "FRANÇOIS shouted", "Francois wrote"]);
    // A capital makes it case-sensitive; accents still fold.
    assert_eq!(found_texts(&corpus, "François"), ["François", "Francois"]);
    assert_eq!(
        found_texts(&corpus, "françois"),
        ["François", "FRANÇOIS", "Francois"]
    );
}

#[test]
fn combining_accents_belong_to_their_letter() {
    // "café" spelled with a combining acute after the e.
    let corpus = paragraphs(&["le cafe\u{301} noir"]);
    assert_eq!(found_texts(&corpus, "cafe"), ["cafe\u{301}"]);
    assert_eq!(found_texts(&corpus, "café"), ["cafe\u{301}"]);
    assert_eq!(found_texts(&corpus, "e noir"), ["e\u{301} noir"]);
}

#[test]
fn words_match_as_a_phrase_across_any_whitespace() {
    // A block is one line; where the reader's screen wraps it is irrelevant.
    let corpus = paragraphs(&[
        "the prime minister said",
        "the prime  minister\u{A0}said",
        "prime, minister",
    ]);
    let matches = find(&corpus, "prime minister", Scope::Everything, Mode::Literal);
    let locations: Vec<_> = matches.iter().map(|m| m.location).collect();
    assert_eq!(locations, [Location::Block(0), Location::Block(1)]);
    assert_eq!(
        matched_texts(&corpus, &matches),
        ["prime minister", "prime  minister"]
    );
    assert_eq!(
        found_texts(&corpus, "minister   said"),
        ["minister said", "minister\u{A0}said"]
    );
}

#[test]
fn titles_and_sources_are_searched() {
    let source = Source {
        outlet: Some("The Guardian".into()),
        headline: Some("Budget surprise".into()),
        url: Some("https://example.com/budget".into()),
    };
    let corpus = corpus(vec![post(
        "p",
        "Budget day",
        vec![Block::new(BlockKind::Paragraph, "Nothing here")],
        vec![source],
    )]);
    let matches = find(&corpus, "budget", Scope::Everything, Mode::Literal);
    let locations: Vec<_> = matches.iter().map(|m| m.location).collect();
    assert_eq!(
        locations,
        [
            Location::Title,
            Location::Source(0, SourceField::Headline),
            Location::Source(0, SourceField::Url),
        ]
    );
    assert_eq!(
        found_texts(&corpus, "guardian"),
        ["Guardian"],
        "outlets are searched"
    );
}

fn scoped_corpus() -> Corpus {
    let blocks = vec![
        Block::new(BlockKind::LeadIn, "On tax:"),
        Block::new(BlockKind::Paragraph, "He says tax is theft."),
        Block::new(BlockKind::Citation, "RNZ: tax plan").with_source(0),
        Block::new(BlockKind::Quote, "The tax plan is fair.").with_source(0),
        Block::new(BlockKind::ListItem, "tax cuts"),
        Block::new(BlockKind::Contributor, "From Tax Man:"),
    ];
    let source = Source {
        outlet: Some("RNZ".into()),
        headline: Some("A tax plan".into()),
        url: Some("https://rnz.example/tax".into()),
    };
    let mut post = post("p", "Tax again", blocks, vec![source]);
    post.comments = vec![
        Comment {
            id: "c1".into(),
            blocks: vec![Block::new(BlockKind::Paragraph, "No new tax, please.")],
            ..Comment::default()
        },
        Comment {
            id: "c2".into(),
            parent: Some(0),
            blocks: vec![
                Block::new(BlockKind::Quote, "> tax is theft"),
                Block::new(BlockKind::Paragraph, "Nothing to see here."),
                Block::new(BlockKind::Citation, "https://tax.example").with_source(0),
            ],
            sources: vec![Source {
                url: Some("https://tax.example".into()),
                ..Source::default()
            }],
            ..Comment::default()
        },
    ];
    corpus(vec![post])
}

fn scoped_locations(scope: Scope) -> Vec<Location> {
    find(&scoped_corpus(), "tax", scope, Mode::Literal)
        .iter()
        .map(|m| m.location)
        .collect()
}

#[test]
fn scopes_choose_what_is_searched() {
    use Location::{Block, Comment, Source, Title};
    assert_eq!(
        scoped_locations(Scope::Commentary),
        [Title, Block(0), Block(1), Block(4), Block(5)]
    );
    assert_eq!(scoped_locations(Scope::Quotes), [Block(3)]);
    assert_eq!(
        scoped_locations(Scope::Sources),
        [
            Block(2),
            Source(0, SourceField::Headline),
            Source(0, SourceField::Url)
        ]
    );
    assert_eq!(
        scoped_locations(Scope::Comments),
        [
            Comment {
                comment: 0,
                block: 0
            },
            Comment {
                comment: 1,
                block: 0
            },
            Comment {
                comment: 1,
                block: 2
            }
        ]
    );
    assert_eq!(scoped_locations(Scope::Everything).len(), 12);
}

#[test]
fn comment_matches_come_after_the_body_and_before_the_sources() {
    let corpus = scoped_corpus();
    let all = find(&corpus, "tax", Scope::Everything, Mode::Literal);
    let kinds: Vec<u8> = all
        .iter()
        .map(|m| match m.location {
            Location::Title | Location::Block(_) => 0,
            Location::Comment { .. } => 1,
            Location::Source(..) => 2,
        })
        .collect();
    assert!(kinds.is_sorted(), "{kinds:?}");
    assert_eq!(
        matched_texts(&corpus, &all[8..9]),
        ["tax"],
        "a comment's text maps back to its bytes"
    );
}

#[test]
fn regex_mode_matches_patterns_with_smart_case() {
    let corpus = paragraphs(&["Tax is theft", "the tax man", "taxes and taxis"]);
    let texts = |pattern: &str| {
        matched_texts(
            &corpus,
            &find(&corpus, pattern, Scope::Everything, Mode::Regex),
        )
    };
    assert_eq!(texts(r"\btax\w*"), ["Tax", "tax", "taxes", "taxis"]);
    assert_eq!(
        texts(r"^T\w+"),
        ["Title", "Tax"],
        "^ anchors at each field; T is a capital"
    );
    assert_eq!(texts(r"\w+$"), ["Title", "theft", "man", "taxis"]);
    assert_eq!(texts(r"th\S+"), ["theft", "the"]);
}

#[test]
fn regex_matches_never_span_fields() {
    let corpus = paragraphs(&["ends with tax", "tax starts this"]);
    let matches = find(&corpus, r"tax\s+tax", Scope::Everything, Mode::Regex);
    assert!(matches.is_empty(), "{matches:?}");
    // A pattern that could run into the next field still finds the part
    // inside its own.
    let matches = find(&corpus, r"tax\s*", Scope::Everything, Mode::Regex);
    assert_eq!(matched_texts(&corpus, &matches), ["tax", "tax "]);
}

#[test]
fn regex_folds_accents_in_the_pattern() {
    let corpus = paragraphs(&["François", "Francois"]);
    let matches = find(&corpus, "fran[cç]ois", Scope::Everything, Mode::Regex);
    assert_eq!(matches.len(), 2);
    let matches = find(&corpus, "François", Scope::Everything, Mode::Regex);
    assert_eq!(matched_texts(&corpus, &matches), ["François", "Francois"]);
}

#[test]
fn ranges_map_back_past_multibyte_text() {
    let corpus = paragraphs(&[
        "“Quoted” — é 中文 target here",
        "’’’ Œuvre complète: target",
        "Straße target",
        "ﬁ\u{A0}\u{A0}\u{A0}target",
    ]);
    let matches = find(&corpus, "target", Scope::Everything, Mode::Literal);
    assert_eq!(matches.len(), 4);
    assert_eq!(matched_texts(&corpus, &matches), ["target"; 4]);
    assert_eq!(found_texts(&corpus, "中文"), ["中文"]);
    assert_eq!(found_texts(&corpus, "\"quoted\""), ["“Quoted”"]);
    assert_eq!(found_texts(&corpus, "complete"), ["complète"]);
    assert_eq!(found_texts(&corpus, "strasse"), ["Straße"]);
    // Half of a ligature's folded form highlights the whole character.
    assert_eq!(found_texts(&corpus, "euvre"), ["Œuvre"]);
    assert_eq!(found_texts(&corpus, "ss"), ["ß"]);
}

#[test]
fn blank_query_matches_nothing() {
    let corpus = paragraphs(&["a b c"]);
    assert!(find(&corpus, " ", Scope::Everything, Mode::Literal).is_empty());
    assert!(find(&corpus, "", Scope::Everything, Mode::Regex).is_empty());
}

#[test]
fn results_count_posts_and_step_through_them() {
    let corpus = corpus(vec![
        post(
            "a",
            "one",
            vec![Block::new(BlockKind::Paragraph, "x x")],
            vec![],
        ),
        post(
            "b",
            "two",
            vec![Block::new(BlockKind::Paragraph, "y")],
            vec![],
        ),
        post(
            "c",
            "three",
            vec![Block::new(BlockKind::Paragraph, "x")],
            vec![],
        ),
    ]);
    let index = SearchIndex::new(&corpus);
    let query = Query::new("x", Scope::Everything, Mode::Literal).unwrap();
    let results = index.search(&query);
    assert_eq!((results.len(), results.post_count()), (3, 2));
    let last = results.get(2).unwrap().place();
    assert_eq!(results.get(2).unwrap().post, PostId(2));
    assert_eq!(
        results.next_match_after(last),
        Some(Step {
            index: 0,
            wrapped: true
        })
    );
    assert_eq!(
        results.first_match_at_or_after(Place::start_of(PostId(1))),
        Some(Step {
            index: 2,
            wrapped: false
        })
    );
}

#[test]
fn a_cancelled_search_gives_up() {
    let corpus = paragraphs(&["x"]);
    let index = SearchIndex::new(&corpus);
    let query = Query::new("x", Scope::Everything, Mode::Literal).unwrap();
    assert!(index.search_until(&query, &|| true).is_none());
    assert_eq!(
        index.search_until(&query, &|| false).map(|r| r.len()),
        Some(1)
    );
}

#[test]
fn the_worker_returns_only_the_latest_query() {
    let corpus = paragraphs(&["alpha beta", "beta gamma"]);
    let index = Arc::new(SearchIndex::new(&corpus));
    let mut worker = SearchWorker::spawn(Arc::clone(&index)).unwrap();
    let query = |text| Query::new(text, Scope::Everything, Mode::Literal).unwrap();
    worker.submit(query("alpha"));
    let latest = worker.submit(query("beta"));
    let outcome = worker
        .wait(Duration::from_secs(10))
        .expect("results in time");
    assert_eq!(outcome.generation, latest);
    assert_eq!(outcome.query.text(), "beta");
    assert_eq!(outcome.results, index.search(&query("beta")));
    assert!(worker.poll().is_none(), "nothing newer is waiting");
    worker.cancel();
    assert!(worker.wait(Duration::from_millis(50)).is_none());
}

/// Text mixing ASCII, accents (precomposed and combining), ligatures,
/// typographic punctuation, odd spaces and CJK, to stress the offset map.
fn awkward_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "B", "e", "é", "E\u{301}", "\u{301}", "ß", "Œ", "æ", "’", "“", "–", "…", " ", "  ",
        "\u{A0}", "\t", "\u{AD}", "\u{200B}", "中", "한", "ﬁ", "İ", "ẞ", "Σ", "x", "ss", "-",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_ranges(corpus: &Corpus, matches: &[Match]) {
    for m in matches {
        let text = field_text(corpus.post(m.post), m.location).expect("field exists");
        assert!(m.range.start < m.range.end, "empty range {m:?}");
        assert!(m.range.end <= text.len(), "{m:?} past {text:?}");
        assert!(text.is_char_boundary(m.range.start), "{m:?} in {text:?}");
        assert!(text.is_char_boundary(m.range.end), "{m:?} in {text:?}");
    }
}

proptest! {
    #[test]
    fn literal_search_never_panics_and_ranges_are_char_boundaries(
        texts in prop::collection::vec(awkward_text(), 1..5),
        query in awkward_text(),
        cut in (0usize..40, 1usize..8),
    ) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let corpus = paragraphs(&refs);
        // Besides a random query, search for a piece of the text itself so
        // that there are matches to check.
        let first = &texts[0];
        let mut start = cut.0.min(first.len());
        while !first.is_char_boundary(start) { start -= 1; }
        let mut end = (start + cut.1).min(first.len());
        while !first.is_char_boundary(end) { end -= 1; }
        let piece = &first[start..end];
        for text in [query.as_str(), piece] {
            let matches = find(&corpus, text, Scope::Everything, Mode::Literal);
            check_ranges(&corpus, &matches);
            let needle = fold::fold_str(text, !fold::has_capital(text, false));
            for found in matched_texts(&corpus, &matches) {
                let folded = fold::fold_str(&found, !fold::has_capital(text, false));
                prop_assert!(folded.contains(&needle), "{found:?} for {text:?}");
            }
        }
        if !piece.trim().is_empty() && !fold::fold_str(piece, true).is_empty() {
            let lower = piece.to_lowercase();
            let matches = find(&corpus, &lower, Scope::Everything, Mode::Literal);
            prop_assert!(!matches.is_empty() || fold::fold_str(&lower, true) != fold::fold_str(piece, true),
                "{lower:?} not found in {first:?}");
        }
    }

    #[test]
    fn regex_search_never_panics(
        texts in prop::collection::vec(awkward_text(), 1..4),
        pattern in prop::sample::select(vec![
            r"\s", r"\s*", r"^", r"$", r".", r"\b", r"\w+", r"[^a]+", r"(?s).+", "e|", "ss?",
        ]),
    ) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let corpus = paragraphs(&refs);
        let matches = find(&corpus, pattern, Scope::Everything, Mode::Regex);
        check_ranges(&corpus, &matches);
    }

    #[test]
    fn streaming_finds_the_fields_the_index_finds(
        texts in prop::collection::vec(awkward_text(), 1..5),
        query in awkward_text(),
        pattern in prop::sample::select(vec![r"\s", r"^e", r"e$", r"ss?", r"\w+", "x*", r"\p{Lu}"]),
        scope in prop::sample::select(Scope::ALL.to_vec()),
    ) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut blocks: Vec<Block> =
            refs.iter().map(|text| Block::new(BlockKind::Paragraph, *text)).collect();
        blocks[0].kind = BlockKind::Quote;
        let corpus = corpus(vec![post("p", "Title", blocks, vec![])]);
        for (text, mode) in [(query.as_str(), Mode::Literal), (pattern, Mode::Regex)] {
            let mut from_index: Vec<(crate::model::PostId, Location)> =
                find(&corpus, text, scope, mode).iter().map(|m| (m.post, m.location)).collect();
            from_index.dedup();
            let query = Query::new(text, scope, mode).expect("valid query");
            let mut streamed = Vec::new();
            matching_fields(&corpus, &query, |post, location| {
                streamed.push((post, location));
                Ok::<(), ()>(())
            }).expect("never fails");
            prop_assert_eq!(streamed, from_index, "{:?} in {:?}", text, mode);
        }
    }
}

#[test]
fn a_field_longer_than_a_piece_is_searched_across_the_cut() {
    // The phrase straddles the end of the first megabyte of folded text.
    let before = "x".repeat((1 << 20) - 3);
    let corpus = paragraphs(&[&format!("{before}needle   in    text")]);
    let query = Query::new("needle in text", Scope::Everything, Mode::Literal).unwrap();
    let mut found = Vec::new();
    matching_fields(&corpus, &query, |post, location| {
        found.push((post, location));
        Ok::<(), ()>(())
    })
    .unwrap();
    assert_eq!(found, [(crate::model::PostId(0), Location::Block(0))]);
}

/// The fields with a match, once each, as the full search finds them.
fn fields_with_matches(index: &SearchIndex, query: &Query) -> Vec<(PostId, Location)> {
    let mut fields: Vec<(PostId, Location)> = Vec::new();
    for found in index.search(query).matches() {
        if fields.last() != Some(&(found.post, found.location)) {
            fields.push((found.post, found.location));
        }
    }
    fields
}

#[test]
fn matching_fields_of_the_index_agree_with_its_search_and_the_stream() {
    let corpus = crate::load::load_bundled();
    let scoped = scoped_corpus();
    for corpus in [&corpus, &scoped] {
        let index = SearchIndex::new(corpus);
        for (text, mode) in [
            ("the", Mode::Literal),
            ("e", Mode::Literal),
            ("Trump", Mode::Literal),
            ("francois", Mode::Literal),
            ("new zealand", Mode::Literal),
            ("zzzqqq", Mode::Literal),
            ("[0-9]{4}", Mode::Regex),
            ("^the", Mode::Regex),
        ] {
            for scope in [
                Scope::Everything,
                Scope::Commentary,
                Scope::Quotes,
                Scope::Sources,
                Scope::Comments,
            ] {
                let query = Query::new(text, scope, mode).unwrap();
                let mut from_index = Vec::new();
                index
                    .matching_fields(&query, |post, location| {
                        from_index.push((post, location));
                        Ok::<_, ()>(())
                    })
                    .unwrap();
                let mut streamed = Vec::new();
                matching_fields(corpus, &query, |post, location| {
                    streamed.push((post, location));
                    Ok::<_, ()>(())
                })
                .unwrap();
                let what = format!("{text:?} in {scope:?}");
                assert_eq!(from_index, fields_with_matches(&index, &query), "{what}");
                assert_eq!(from_index, streamed, "{what}");
            }
        }
    }
}

/// The fields [`SearchIndex::matching_fields_by`] gives for `query`,
/// scanning `window` bytes at a time.
fn fields_scanned_by(index: &SearchIndex, window: usize, query: &Query) -> Vec<(PostId, Location)> {
    let mut found = Vec::new();
    index
        .matching_fields_by(window, query, |post, location| {
            found.push((post, location));
            Ok::<_, ()>(())
        })
        .unwrap();
    found
}

#[test]
fn matching_fields_scanned_a_window_at_a_time_miss_nothing_at_the_cuts() {
    let corpus = crate::load::load_bundled();
    let index = SearchIndex::new(&corpus);
    for text in ["the", "new zealand", "Trump", "zzzqqq"] {
        let query = Query::new(text, Scope::Everything, Mode::Literal).unwrap();
        let whole = fields_with_matches(&index, &query);
        for window in [1, 2, 3, 7, 11, 64, 1000, 4096] {
            let found = fields_scanned_by(&index, window, &query);
            assert_eq!(found, whole, "{text:?} by {window}");
        }
    }
}

/// An index mapped from a flat file of about 9 MB: the corpus, the file's
/// bytes and the index read where they lie, and the same index built in
/// memory. Post `n` has four paragraphs; the word "zanzibarite" is in
/// posts 1000 to 1004 only.
#[cfg(target_os = "linux")]
fn mapped_index() -> (
    Corpus,
    crate::model::bytes::Bytes,
    SearchIndex,
    SearchIndex,
    std::fs::File,
) {
    let posts = (0..2000)
        .map(|n| {
            let blocks = (0..4)
                .map(|b| {
                    let rare = if (1000..1005).contains(&n) && b == 2 {
                        " zanzibarite"
                    } else {
                        ""
                    };
                    let text =
                        format!("Post {n}, part {b}: the minister said so.{rare} ").repeat(6);
                    Block::new(BlockKind::Paragraph, text)
                })
                .collect();
            post(&format!("p{n}"), &format!("Title {n}"), blocks, vec![])
        })
        .collect();
    let corpus = corpus(posts);
    let built = SearchIndex::new(&corpus);
    let (bytes, mapped, file) = mapped_from(&corpus, &built);
    (corpus, bytes, mapped, built, file)
}

/// `built`, the index of `corpus`, written with it to a flat file in a
/// temporary file, and read back where it lies: the file's bytes, the
/// index and the file, which must outlive them.
#[cfg(target_os = "linux")]
fn mapped_from(
    corpus: &Corpus,
    built: &SearchIndex,
) -> (crate::model::bytes::Bytes, SearchIndex, std::fs::File) {
    use crate::model::bytes::Bytes;
    use crate::model::flat::{FlatFile, Verify, write_flat};
    use std::io::Write;

    let flat = write_flat(corpus, built, &[], std::io::Cursor::new(Vec::new()))
        .unwrap()
        .into_inner();
    let mut file = tempfile::tempfile().unwrap();
    file.write_all(&flat).unwrap();
    let bytes = Bytes::map(&file).unwrap();
    let mapped = SearchIndex::from_flat(&Arc::new(
        FlatFile::open(bytes.clone(), Verify::Nothing).unwrap(),
    ));
    (bytes, mapped, file)
}

/// Every page of `bytes` read, as a reader that had shown all of it would
/// have read it.
#[cfg(target_os = "linux")]
fn touch_all(bytes: &crate::model::bytes::Bytes) {
    let sum = bytes
        .as_slice()
        .iter()
        .map(|&b| usize::from(b))
        .sum::<usize>();
    std::hint::black_box(sum);
}

/// A search over an index mapped from a flat file reads its folded text
/// from the file and lets go of the pages it looked up to place its
/// matches: it leaves the process's resident memory as it found it, but
/// for the pages the kernel maps around those it touched, past the ends
/// of the stretches it let go of (up to 16 around each fault): a few
/// hundred kilobytes, whatever the file's size.
#[cfg(target_os = "linux")]
#[test]
fn a_search_of_a_mapped_index_leaves_none_of_it_resident() {
    use crate::model::bytes::resident_in_mapping;

    let (_corpus, bytes, mapped, built, _file) = mapped_index();
    let around = 128 * 4096;
    for (text, mode) in [("the", Mode::Literal), ("[0-9]{4}", Mode::Regex)] {
        let query = Query::new(text, Scope::Everything, mode).unwrap();
        bytes.release();
        let results = mapped.search(&query);
        assert_eq!(results, built.search(&query), "{text:?}");
        assert!(results.len() > 8000, "{text:?}");
        let resident = resident_in_mapping(&bytes).unwrap();
        assert!(
            resident <= around,
            "{text:?}: {resident} of {} bytes resident",
            bytes.len()
        );
        bytes.release();
        let mut fields = 0;
        mapped
            .matching_fields(&query, |_, _| {
                fields += 1;
                Ok::<_, ()>(())
            })
            .unwrap();
        assert_eq!(fields, fields_with_matches(&built, &query).len());
        assert!(resident_in_mapping(&bytes).unwrap() <= around, "{text:?}");
    }
}

/// What a search lets go of is what it looked up, not what the reader
/// shows: pages of other posts, the topic tree, stay resident.
#[cfg(target_os = "linux")]
#[test]
fn a_search_of_a_mapped_index_keeps_the_pages_it_did_not_look_up() {
    use crate::model::bytes::resident_in_mapping;

    let (_corpus, bytes, mapped, built, _file) = mapped_index();
    for query in [
        Query::new("zanzibarite", Scope::Everything, Mode::Literal).unwrap(),
        Query::new("zanzibar[a-z]+", Scope::Everything, Mode::Regex).unwrap(),
    ] {
        touch_all(&bytes);
        let before = resident_in_mapping(&bytes).unwrap();
        assert!(before >= bytes.len() / 4096 * 4096);
        let results = mapped.search(&query);
        assert_eq!(results, built.search(&query));
        assert_eq!(results.len(), 30);
        let after = resident_in_mapping(&bytes).unwrap();
        // The pages a search looked up here are a few kilobytes, but the
        // kernel lets go of pages it maps together (up to 2 MiB) as one;
        // a search that let go of the whole corpus and its index would
        // leave a tenth of the file.
        assert!(
            after >= before / 4,
            "{after} of {before} bytes left resident"
        );
    }
}

/// Once its file has passed its checksums (on a clone, as the reader
/// checks it in the background), a mapped index finds what it found before,
/// without checking each match against the corpus.
#[cfg(target_os = "linux")]
#[test]
fn a_mapped_index_finds_the_same_once_its_file_is_checked() {
    use crate::model::bytes::Bytes;
    use crate::model::flat::{FlatFile, Verify, write_flat};

    let corpus = crate::load::load_bundled();
    let built = SearchIndex::new(&corpus);
    let flat = write_flat(&corpus, &built, &[], std::io::Cursor::new(Vec::new()))
        .unwrap()
        .into_inner();
    let file = Arc::new(FlatFile::open(Bytes::new(flat), Verify::UpTo(1024)).unwrap());
    let mapped = SearchIndex::from_flat(&file);
    let queries = [
        ("the", Mode::Literal),
        ("[0-9]{4}", Mode::Regex),
        ("é", Mode::Literal),
    ];
    let search_all = || {
        (queries.iter())
            .map(|(text, mode)| mapped.search(&Query::new(text, Scope::Everything, *mode).unwrap()))
            .collect::<Vec<_>>()
    };
    let unchecked = search_all();
    FlatFile::clone(&file).verify().unwrap();
    assert!(file.checks().passed());
    assert_eq!(search_all(), unchecked);
    for ((text, mode), results) in queries.iter().zip(&unchecked) {
        let query = Query::new(text, Scope::Everything, *mode).unwrap();
        assert_eq!(*results, built.search(&query), "{text:?}");
    }
}

/// A mapped index scanned a window at a time, each read from the file,
/// finds the fields an index in memory finds, whatever the window.
#[cfg(target_os = "linux")]
#[test]
fn matching_fields_of_a_mapped_index_read_a_window_at_a_time_miss_nothing() {
    let (_corpus, _bytes, mapped, built, _file) = mapped_index();
    for text in ["zanzibarite", "Title 1999", "part 3: the"] {
        let query = Query::new(text, Scope::Everything, Mode::Literal).unwrap();
        let whole = fields_with_matches(&built, &query);
        assert!(!whole.is_empty());
        for window in [100, 4096, 1 << 20] {
            let found = fields_scanned_by(&mapped, window, &query);
            assert_eq!(found, whole, "{text:?} by {window}");
        }
    }
}

/// A field longer than the slice a search reads at a time is searched
/// whole, as in memory: a match across the slice's end is found, and a
/// pattern still runs where a character lies across it.
#[cfg(target_os = "linux")]
#[test]
fn a_mapped_index_finds_matches_across_the_end_of_a_slice_in_a_long_field() {
    let unit = "zanzibarite 漢 ";
    assert_eq!(unit.len(), 16);
    let units = super::index::SLICE_BYTES / unit.len() + 100;
    // The field starts right after the title "tt" and its separator, and
    // the first slice ends at it; the second ends 1 MiB into the field:
    // `lead` bytes before the units put that end 5 bytes into a
    // "zanzibarite", then inside "漢".
    for lead in [10, 2] {
        let text = format!("{} {}", "x".repeat(lead), unit.repeat(units));
        let blocks = vec![Block::new(BlockKind::Paragraph, text)];
        let corpus = corpus(vec![post("a", "tt", blocks, vec![])]);
        let built = SearchIndex::new(&corpus);
        let (_bytes, mapped, _file) = mapped_from(&corpus, &built);
        for (text, mode) in [("zanzibarite", Mode::Literal), ("[a-z]+ 漢", Mode::Regex)] {
            let query = Query::new(text, Scope::Everything, mode).unwrap();
            assert_eq!(built.search(&query).matches().len(), units, "{text:?}");
            assert_eq!(
                mapped.search(&query).matches().len(),
                units,
                "{text:?}, lead {lead}"
            );
        }
    }
}
