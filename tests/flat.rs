//! The flat file: a corpus written flat and read back where it lies exports,
//! lists and searches exactly as the corpus it was written from; a damaged
//! file is refused, or read without a panic and without growing beyond
//! what the file holds.

mod common;

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use pundit::commands;
use pundit::import::json;
use pundit::load::cached;
use pundit::load::{load_bundled, load_paths};
use pundit::model::bytes::Bytes;
use pundit::model::flat::{Damage, FlatFile, Verify, write_flat, write_flat_indexing};
use pundit::model::{Block, BlockKind, Comment, Corpus, Post, Source, Topic};
use pundit::search::{Mode, Query, Scope, SearchIndex};
use pundit::state::ArchiveId;
use pundit::state::cache::{Cache, DEFAULT_LIMIT};
use pundit::tui::Action;
use pundit::tui::app::App;
use pundit::tui::update::update;

/// Bytes of the header before its section table, and of one table entry.
const HEAD: usize = 16;
const ENTRY: usize = 32;

fn flat_bytes(corpus: &Corpus, meta: &[String]) -> Vec<u8> {
    let index = SearchIndex::new(corpus);
    write_flat(corpus, &index, meta, Cursor::new(Vec::new()))
        .expect("writing to memory cannot fail")
        .into_inner()
}

fn open(bytes: Vec<u8>, verify: Verify) -> Result<Arc<FlatFile>, Damage> {
    FlatFile::open(Bytes::new(bytes), verify).map(Arc::new)
}

fn source(outlet: Option<&str>, headline: Option<&str>, url: Option<&str>) -> Source {
    Source {
        outlet: outlet.map(Into::into),
        headline: headline.map(Into::into),
        url: url.map(Into::into),
    }
}

fn comment(id: &str, parent: Option<u32>, author: Option<&str>, text: &str) -> Comment {
    Comment {
        id: id.into(),
        parent,
        author: author.map(Into::into),
        date: Some("3 May 2019".into()),
        label: parent.map(|p| format!("1.{p}")),
        blocks: vec![
            Block::new(BlockKind::Paragraph, text),
            Block::new(BlockKind::Citation, "RNZ: Ferry fares rise").with_source(0),
        ],
        sources: vec![source(Some("RNZ"), Some("Ferry fares rise"), None)],
    }
}

/// A corpus with every part the model has: tags, blocks of every kind
/// citing sources, optional fields both present and missing, comments
/// answering comments, outlets shared by posts under two spellings, a
/// nested topic tree with a post under two topics, and text that folds
/// (accents, `ß`, a combining mark, typographic quotes, an emoji).
fn every_part() -> Corpus {
    let first = Post {
        id: "ferries".into(),
        title: "Ferries, fares and François’s ßtraße".into(),
        author: Some("Harbour Notes".into()),
        date: Some("2 May 2019".into()),
        url: Some("https://example.org/ferries".into()),
        tags: vec!["Transport".into(), "Ferries".into()],
        topics: vec!["Transport".into()],
        blocks: vec![
            Block::new(BlockKind::LeadIn, "On the fares:"),
            Block::new(
                BlockKind::Quote,
                "Fares rise by 5% from June, the council said.",
            )
            .with_source(0),
            Block::new(BlockKind::Citation, "The Guardian: Fares rise").with_source(0),
            Block::new(
                BlockKind::Paragraph,
                "Cafe\u{301} owners — and 🚢 users — disagree.",
            ),
            Block::new(BlockKind::ListItem, "Hourly sailings"),
            Block::new(BlockKind::Contributor, "From Missy:"),
        ],
        sources: vec![
            source(Some("The Guardian"), Some("Fares rise"), None),
            source(None, None, Some("https://example.org/report")),
        ],
        comment_count: Some(5),
        comments: vec![
            comment("c1", None, Some("Ana"), "Fares were lower in 2018."),
            comment("c2", Some(0), None, "Not on the Devonport run."),
            comment("c3", Some(1), Some("Ana"), "Ça dépend."),
        ],
    };
    let second = Post {
        id: "rail".into(),
        title: "Rail and the Guardian’s fares".into(),
        tags: vec!["Rail".into()],
        topics: vec!["Rail".into()],
        blocks: vec![
            Block::new(BlockKind::Paragraph, "Rail fares fall."),
            Block::new(BlockKind::Citation, "Guardian: Rail fares").with_source(0),
        ],
        sources: vec![source(Some("Guardian"), Some("Rail fares"), None)],
        ..Post::default()
    };
    let third = Post {
        id: "empty".into(),
        title: "A post of no blocks".into(),
        ..Post::default()
    };
    let topics = vec![
        Topic {
            name: "Transport".into(),
            posts: vec!["ferries".into(), "rail".into()],
            children: vec![Topic {
                name: "Rail".into(),
                posts: vec!["rail".into()],
                children: vec![],
            }],
        },
        Topic {
            name: "Other".into(),
            posts: vec!["empty".into(), "ferries".into()],
            children: vec![],
        },
    ];
    Corpus::new(vec![first, second, third], Some(topics))
}

/// Queries of every kind: literal and regular expression, folded and
/// case-sensitive, in every scope.
fn queries() -> Vec<Query> {
    let texts = [
        ("fares", Mode::Literal),
        ("Fares", Mode::Literal),
        ("francois", Mode::Literal),
        ("strasse", Mode::Literal),
        ("cafe", Mode::Literal),
        ("the council", Mode::Literal),
        ("guardian", Mode::Literal),
        ("e", Mode::Literal),
        (r"^\w+", Mode::Regex),
        (r"\s", Mode::Regex),
        (r"fa\w+s$", Mode::Regex),
        ("x*", Mode::Regex),
        ("trump", Mode::Literal),
        ("comment", Mode::Literal),
    ];
    let mut queries = Vec::new();
    for (text, mode) in texts {
        for scope in Scope::ALL {
            queries.push(Query::new(text, scope, mode).expect("a valid query"));
        }
    }
    queries
}

fn tree_text(corpus: &Corpus) -> String {
    let mut out = Vec::new();
    commands::write_tree(corpus, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the tree is UTF-8")
}

fn search_text(corpus: &Corpus, query: &str) -> String {
    let mut out = Vec::new();
    commands::write_search(
        corpus,
        None,
        query,
        Scope::Everything,
        Mode::Literal,
        false,
        &mut out,
    )
    .expect("writing to memory");
    String::from_utf8(out).expect("search lines are UTF-8")
}

/// Writes `owned` flat, reads it back, and checks that everything a user
/// sees of it is the same. Returns how many matches the queries found, so
/// a caller can see the comparison was not of nothing.
fn assert_reads_back_the_same(owned: &Corpus, name: &str) -> usize {
    let meta = vec![
        format!("archive {name}"),
        String::new(),
        "a warning\nof two lines".into(),
    ];
    let file = open(flat_bytes(owned, &meta), Verify::All).expect("a whole file opens");
    assert!(file.is_verified());
    assert_eq!(file.meta(), meta, "{name}");
    let flat = Corpus::from_flat(Arc::clone(&file));
    assert_reads_as(owned, &flat, &SearchIndex::from_flat(&file), name)
}

/// Checks that everything a user sees of `flat`, read from a flat file
/// with its `mapped_index`, is the same as of `owned`. Returns how many
/// matches the queries found.
fn assert_reads_as(owned: &Corpus, flat: &Corpus, mapped_index: &SearchIndex, name: &str) -> usize {
    assert_eq!(flat.len(), owned.len(), "{name}");
    assert_eq!(flat.topics(), owned.topics(), "{name}");
    assert_eq!(flat.outlets(), owned.outlets(), "{name}");
    for post in owned.post_ids() {
        assert_eq!(flat.title(post), owned.title(post), "{name}");
        assert_eq!(flat.id_of(post), owned.id_of(post), "{name}");
        assert_eq!(flat.date(post), owned.post(post).date.as_deref(), "{name}");
        assert_eq!(owned.date(post), owned.post(post).date.as_deref(), "{name}");
        assert_eq!(flat.post_by_id(owned.id_of(post)), Some(post), "{name}");
        assert_eq!(flat.post(post), owned.post(post), "{name}");
    }
    assert_eq!(flat.post_by_id("no-such-post"), None);
    assert_eq!(json::export(flat), json::export(owned), "{name}");
    assert_eq!(tree_text(flat), tree_text(owned), "{name}");
    let owned_index = SearchIndex::new(owned);
    assert_eq!(
        mapped_index.folded_len(),
        owned_index.folded_len(),
        "{name}"
    );
    let mut found = 0;
    for query in queries() {
        let expected = owned_index.search(&query);
        assert_eq!(
            mapped_index.search(&query).matches(),
            expected.matches(),
            "{name}: {query:?}"
        );
        found += expected.len();
    }
    // Every field a search can find reads the same in place as decoded.
    let every_letter = Query::new(r"\w", Scope::Everything, Mode::Regex).expect("a valid query");
    for found in owned_index.search(&every_letter).matches() {
        let text = owned.field_text(found.post, found.location);
        assert!(text.is_some(), "{name}: {found:?}");
        assert_eq!(flat.field_text(found.post, found.location), text, "{name}");
    }
    for word in ["fares", "the", "trump"] {
        assert_eq!(search_text(flat, word), search_text(owned, word), "{name}");
    }
    found
}

#[test]
fn a_corpus_of_every_part_reads_back_the_same() {
    let corpus = every_part();
    assert!(
        !corpus.outlets().is_empty() && corpus.post(pundit::model::PostId(0)).comments.len() == 3
    );
    assert!(assert_reads_back_the_same(&corpus, "every part") > 100);
}

#[test]
fn the_seed_reads_back_the_same() {
    assert!(assert_reads_back_the_same(&load_bundled(), "seed") > 100);
}

#[test]
fn every_fixture_reads_back_the_same() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = Vec::new();
    for folder in ["", "archives", "formats"] {
        for entry in std::fs::read_dir(fixtures.join(folder)).expect("fixtures") {
            let path = entry.expect("a fixture").path();
            let is_folder_of_notes = path.ends_with("notes");
            if path.is_file() || is_folder_of_notes {
                paths.push(path);
            }
        }
    }
    paths.sort();
    assert!(paths.len() > 15, "{paths:?}");
    for path in paths {
        let corpus = load_paths(std::slice::from_ref(&path))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .corpus;
        assert_reads_back_the_same(&corpus, &path.display().to_string());
    }
}

/// A plain-text archive parsed straight into its cache entry, its posts
/// written a batch at a time as they are built and its topics derived at
/// the end from the posts less their comments, reads back as the archive
/// parsed whole: post for post, topic tree, outlets and search.
#[test]
fn an_archive_parsed_into_its_entry_reads_back_as_parsed_whole() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let synthetic_path = dir.path().join("synthetic.txt");
    let archive = synthetic::synthetic_archive_with_threads(3 << 20);
    std::fs::write(&synthetic_path, archive).expect("write");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let archives = [
        synthetic_path,
        repo.join("assets/seed.txt"),
        repo.join("tests/fixtures/archives/front_page.txt"),
        repo.join("tests/fixtures/archives/thread_deep.txt"),
    ];
    let mut found = 0;
    for (n, path) in archives.into_iter().enumerate() {
        let paths = [path];
        let name = paths[0].display().to_string();
        let whole = load_paths(&paths).expect("the archive loads").corpus;
        let cache = Cache::at(dir.path().join(format!("cache-{n}")), DEFAULT_LIMIT).caching_from(0);
        let id = ArchiveId::of(&paths).expect("the archive's identity");
        let Err(to_parse) = cached::from_cache(&paths, Some(&id), Some(&cache), Verify::All) else {
            panic!("{name}: nothing cached yet");
        };
        let Ok(Ok(opened)) = to_parse.parse_into_entry(&paths, Verify::All, &mut |_, _| {}) else {
            panic!("{name}: a plain-text archive parsed into its entry");
        };
        assert_eq!(cache.contents().expect("the cache").entries, 1, "{name}");
        let index = opened.index.expect("the entry's index");
        found += assert_reads_as(&whole, &opened.corpus, &index, &name);
        // And the entry opens as a reopen opens it.
        let Ok(reopened) = cached::from_cache(&paths, Some(&id), Some(&cache), Verify::All) else {
            panic!("{name}: the entry is a hit");
        };
        assert_eq!(reopened.corpus.topics(), whole.topics(), "{name}");
    }
    assert!(found > 0);
}

/// An entry that cannot be written (here the cache's directory cannot be
/// made: a file stands where it would be) is no reason to refuse the
/// archive: it is parsed whole and opened, not cached.
#[test]
fn an_archive_whose_entry_cannot_be_written_opens_parsed_whole() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/seed.txt");
    let paths = [path];
    let whole = load_paths(&paths).expect("the archive loads").corpus;
    let blocker = dir.path().join("not-a-directory");
    std::fs::write(&blocker, "").expect("write");
    let cache = Cache::at(blocker.join("cache"), DEFAULT_LIMIT).caching_from(0);
    let id = ArchiveId::of(&paths).expect("the archive's identity");
    let Err(to_parse) = cached::from_cache(&paths, Some(&id), Some(&cache), Verify::All) else {
        panic!("nothing cached yet");
    };
    let opened = match to_parse.parse_into_entry(&paths, Verify::All, &mut |_, _| {}) {
        Ok(Ok(opened)) => opened,
        Ok(Err(error)) => panic!("the archive opens: {error}"),
        Err(_) => panic!("a plain-text archive is parsed into its entry"),
    };
    assert!(opened.index.is_none(), "no entry was mapped");
    assert_eq!(opened.corpus.len(), whole.len());
    assert_eq!(opened.corpus.topics(), whole.topics());
}

/// A corpus of `posts` copies of [`every_part`]'s posts, renamed: its
/// folded text (accents, `ß`, combining marks) runs to megabytes.
fn every_part_repeated(posts: usize) -> Corpus {
    let parts = every_part().into_posts();
    let posts = (0..posts)
        .map(|n| {
            let mut post = parts[n % parts.len()].clone();
            post.id = format!("{}-{n}", post.id).into();
            post.title = format!("{} {n}", post.title);
            post
        })
        .collect();
    Corpus::new(posts, None)
}

#[test]
fn an_index_folded_as_it_is_written_writes_the_same_file() {
    let spools = tempfile::tempdir().expect("a temporary directory");
    let meta = ["identity".to_string()];
    for corpus in [every_part(), load_bundled(), every_part_repeated(20_000)] {
        let folded_here =
            write_flat_indexing(&corpus, &meta, Cursor::new(Vec::new()), spools.path())
                .expect("writing to memory cannot fail")
                .into_inner();
        assert!(folded_here == flat_bytes(&corpus, &meta));
    }
    // Past the megabyte at which the index is handed out, several times.
    let folded = SearchIndex::new(&every_part_repeated(20_000)).folded_len();
    assert!(folded > 3 << 20, "{folded}");
    // The temporary files are gone.
    assert_eq!(std::fs::read_dir(spools.path()).unwrap().count(), 0);
}

#[test]
fn an_empty_corpus_reads_back_empty() {
    let corpus = Corpus::new(Vec::new(), None);
    assert_reads_back_the_same(&corpus, "empty");
    let file = open(flat_bytes(&corpus, &[]), Verify::All).unwrap();
    assert!(file.meta().is_empty());
    assert!(Corpus::from_flat(file).is_empty());
}

/// Everything there is to read of a flat file that opened. With `matches_in_posts`,
/// every match must lie in its post as decoded (a file whose records claim
/// more than it holds decodes its posts cut short, so not there).
fn read_everything(file: &Arc<FlatFile>, matches_in_posts: bool) -> usize {
    let _ = file.meta();
    let corpus = Corpus::from_flat(Arc::clone(file));
    let mut read = json::export(&corpus).len() + tree_text(&corpus).len();
    for post in corpus.post_ids() {
        read += corpus.title(post).len() + corpus.date(post).map_or(0, str::len);
        let _ = corpus.post_by_id(corpus.id_of(post));
    }
    let _ = corpus.post_by_id("ferries");
    read += corpus.outlets().len();
    let index = SearchIndex::from_flat(file);
    for query in queries().iter().step_by(5) {
        for found in index.search(query).matches() {
            // Every match lies on character boundaries of its field.
            let text = pundit::search::field_text(corpus.post(found.post), found.location);
            if matches_in_posts {
                let text = text.expect("a match is in a field of its post");
                assert!(
                    text.get(found.range.clone()).is_some(),
                    "{found:?} in {text:?}"
                );
            }
            read += found.range.len();
        }
    }
    read
}

/// The flat file of the corpus of every part, and its sections' entries
/// as (offset in the file of the entry, section offset, section length).
fn sample() -> (Vec<u8>, Vec<(usize, usize, usize)>) {
    let bytes = flat_bytes(&every_part(), &["meta".to_string()]);
    let count = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    let entries = (0..count)
        .map(|n| {
            let at = HEAD + n * ENTRY;
            let number = |from: usize| {
                u64::from_le_bytes(bytes[at + from..at + from + 8].try_into().unwrap()) as usize
            };
            (at, number(8), number(16))
        })
        .collect();
    (bytes, entries)
}

/// Rewrites the header's checksum (and section checksums if asked) after
/// a change, so that what is tested is the structure behind them.
fn reseal(bytes: &mut [u8], sections_too: bool) {
    let count = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
    let table_end = HEAD + count * ENTRY;
    if sections_too {
        for n in 0..count {
            let at = HEAD + n * ENTRY;
            let offset = u64::from_le_bytes(bytes[at + 8..at + 16].try_into().unwrap()) as usize;
            let len = u64::from_le_bytes(bytes[at + 16..at + 24].try_into().unwrap()) as usize;
            let hash = xxhash_rust::xxh3::xxh3_64(&bytes[offset..offset + len]);
            bytes[at + 24..at + 32].copy_from_slice(&hash.to_le_bytes());
        }
    }
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes[..table_end]);
    bytes[table_end..table_end + 8].copy_from_slice(&hash.to_le_bytes());
}

#[test]
fn a_file_cut_short_anywhere_is_refused() {
    let (good, _) = sample();
    for end in 0..good.len() {
        assert!(
            open(good[..end].to_vec(), Verify::Nothing).is_err(),
            "cut at {end} of {}",
            good.len()
        );
    }
    let mut longer = good.clone();
    longer.push(0);
    assert!(matches!(
        open(longer, Verify::Nothing),
        Err(Damage::Damaged(_))
    ));
}

#[test]
fn a_changed_byte_anywhere_is_caught_and_unchecked_reads_harmlessly() {
    let (good, _) = sample();
    let mut opened_unchecked = 0;
    // Every byte of the header's table, then every eleventh: two thousand files.
    let offsets = (0..good.len()).filter(|&at| at < 600 || at % 11 == 0);
    for at in offsets {
        for bit in [0x01, 0x80] {
            let mut bytes = good.clone();
            bytes[at] ^= bit;
            assert!(
                open(bytes.clone(), Verify::All).is_err(),
                "byte {at} changed by {bit:#x} went unnoticed"
            );
            if let Ok(file) = open(bytes, Verify::Nothing) {
                read_everything(&file, true);
                opened_unchecked += 1;
            }
        }
    }
    // Most changes are in the sections, which open unchecked and are read.
    assert!(opened_unchecked > good.len() / 11, "{opened_unchecked}");
}

#[test]
fn a_header_of_another_kind_is_refused() {
    let (good, entries) = sample();
    let mut magic = good.clone();
    magic[0] = b'P';
    assert_eq!(open(magic, Verify::Nothing).unwrap_err(), Damage::NotFlat);
    let mut version = good.clone();
    version[8..12].copy_from_slice(&7u32.to_le_bytes());
    assert_eq!(
        open(version, Verify::Nothing).unwrap_err(),
        Damage::OtherVersion(7)
    );
    let mut many = good.clone();
    many[12..16].copy_from_slice(&100_000u32.to_le_bytes());
    assert!(matches!(
        open(many, Verify::Nothing),
        Err(Damage::Damaged(_))
    ));

    // Sections that overlap, or lie beyond any file, with a sound checksum.
    let (first, second) = (entries[0], entries[1]);
    let mut overlapping = good.clone();
    overlapping[second.0 + 8..second.0 + 16].copy_from_slice(&(first.1 as u64).to_le_bytes());
    reseal(&mut overlapping, false);
    assert!(matches!(
        open(overlapping, Verify::Nothing),
        Err(Damage::Damaged(_))
    ));
    let mut beyond = good.clone();
    beyond[first.0 + 16..first.0 + 24].copy_from_slice(&(u64::MAX - 3).to_le_bytes());
    reseal(&mut beyond, false);
    assert!(open(beyond, Verify::Nothing).is_err());
    let mut past_the_end = good.clone();
    let last = entries.iter().max_by_key(|e| e.1).unwrap();
    past_the_end[last.0 + 16..last.0 + 24].copy_from_slice(&((last.2 + 1) as u64).to_le_bytes());
    reseal(&mut past_the_end, false);
    assert!(matches!(
        open(past_the_end, Verify::Nothing),
        Err(Damage::Truncated { .. })
    ));
}

/// The kinds of sections (as numbered in the file) and their record sizes,
/// with where the strings (text offset u64, length u32) and the runs
/// (start u32, end u32) of a record are.
const RECORDS: [(u32, usize, &[usize], &[usize]); 5] = [
    // Posts: id, title, author, date, url; tags, topics, blocks, sources, comments.
    (3, 104, &[0, 12, 24, 36, 48], &[64, 72, 80, 88, 96]),
    // Blocks: kind, source, text.
    (4, 17, &[5], &[]),
    // Sources: outlet, headline, URL.
    (5, 36, &[0, 12, 24], &[]),
    // Comments: id, parent, author, date, label; blocks, sources.
    (6, 68, &[0, 16, 28, 40], &[52, 60]),
    // Names.
    (7, 12, &[0], &[]),
];

/// Records that claim the most they can, sealed with sound checksums: a
/// file made to look whole whose every string is the whole text and whose
/// every list is every record. Reading it stays within what the file
/// holds: each post comes out no larger than the file.
#[test]
fn records_that_claim_everything_are_read_within_the_file() {
    let (mut bytes, entries) = sample();
    let kind_of =
        |bytes: &[u8], at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    let text_len = entries
        .iter()
        .find(|e| kind_of(&bytes, e.0) == 2)
        .expect("a text section")
        .2 as u32;
    for &(at, offset, len) in &entries {
        let Some(&(_, size, strings, runs)) = RECORDS.iter().find(|r| r.0 == kind_of(&bytes, at))
        else {
            continue;
        };
        for record in bytes[offset..offset + len].chunks_exact_mut(size) {
            for &string in strings {
                record[string..string + 8].copy_from_slice(&0u64.to_le_bytes());
                record[string + 8..string + 12].copy_from_slice(&text_len.to_le_bytes());
            }
            for &run in runs {
                record[run..run + 4].copy_from_slice(&0u32.to_le_bytes());
                record[run + 4..run + 8].copy_from_slice(&u32::MAX.to_le_bytes());
            }
        }
    }
    reseal(&mut bytes, true);
    let size = bytes.len();
    let file = open(bytes, Verify::All).expect("sealed, it opens");
    let corpus = Corpus::from_flat(Arc::clone(&file));
    assert_eq!(corpus.len(), every_part().len());
    for post in corpus.post_ids() {
        let json = serde_json::to_string(corpus.post(post)).expect("a post serializes");
        assert!(
            json.len() <= 2 * size,
            "{} bytes of a {size}-byte file",
            json.len()
        );
    }
    read_everything(&file, false);
}

#[test]
fn a_mapped_file_reads_as_the_bytes_it_holds() {
    let corpus = every_part();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("corpus.flat");
    std::fs::write(&path, flat_bytes(&corpus, &[])).expect("written");
    let mapped = Bytes::map(&std::fs::File::open(&path).expect("opens")).expect("maps");
    let file = Arc::new(FlatFile::open(mapped, Verify::All).expect("whole"));
    let flat = Corpus::from_flat(Arc::clone(&file));
    assert_eq!(json::export(&flat), json::export(&corpus));
    let query = Query::new("fares", Scope::Everything, Mode::Literal).unwrap();
    assert_eq!(
        SearchIndex::from_flat(&file).search(&query).matches(),
        SearchIndex::new(&corpus).search(&query).matches()
    );
}

/// The reader on a flat corpus: screen for screen what it shows on the
/// parsed one, through moves, opening posts, expanding topics, scrolling,
/// citations and read marks.
#[test]
fn the_reader_shows_a_flat_corpus_as_it_shows_the_parsed_one() {
    let owned = load_bundled();
    let file = open(flat_bytes(&owned, &[]), Verify::All).expect("a whole file opens");
    let flat = Corpus::from_flat(file);
    let mut apps = [
        App::new(owned, (120, 40), true),
        App::new(flat, (120, 40), true),
    ];
    let actions = [
        Action::NextPost,
        Action::NextPost,
        Action::TreeDown,
        Action::TreeDown,
        Action::TreeExpand,
        Action::TreeDown,
        Action::TreeActivate,
        Action::FocusNext,
        Action::ScrollDown,
        Action::NextCitation,
        Action::ToggleRead,
        Action::TreeBottom,
        Action::TreeActivate,
        Action::PageDown,
    ];
    let screens = |apps: &[App; 2]| {
        apps.each_ref()
            .map(|app| common::screen_text(&common::draw(app)))
    };
    let [first, _] = screens(&apps);
    assert!(first.contains("All posts"), "{first}");
    for action in actions {
        for app in &mut apps {
            update(app, action);
        }
        let [parsed, mapped] = screens(&apps);
        assert_eq!(mapped, parsed, "after {action:?}");
    }
}
