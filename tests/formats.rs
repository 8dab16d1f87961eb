//! The archive formats pundit reads, on fixtures written for them: an RSS
//! feed, an Atom feed, a WordPress export, a saved post page with its
//! comments, a saved archive page and a folder of Markdown notes.
//!
//! Each fixture's export is checked against a golden copy (posts only: the
//! topic tree is derived, and tested on its own), the facts a reader would
//! notice are asserted directly, and every export reads back unchanged.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use pundit::import::json;
use pundit::load::load_paths;
use pundit::model::{BlockKind, Corpus, Post, PostId, TopicNode};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn load(name: &str) -> Corpus {
    let loaded = load_paths(&[fixture(name)]).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    loaded.corpus
}

/// The export of a corpus without the derived topics: what the importer
/// alone decides.
fn posts_export(corpus: &Corpus) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&json::export(corpus)).expect("the export is JSON");
    value.as_object_mut().expect("an object").remove("topics");
    for post in value["posts"].as_array_mut().expect("posts") {
        post.as_object_mut().expect("a post").remove("topics");
    }
    serde_json::to_string_pretty(&value).expect("JSON writes")
}

fn titles(corpus: &Corpus) -> Vec<&str> {
    corpus
        .post_ids()
        .map(|p| corpus.post(p))
        .map(|p| p.title.as_str())
        .collect()
}

fn kinds(post: &Post) -> Vec<(BlockKind, Option<usize>)> {
    post.blocks.iter().map(|b| (b.kind, b.source())).collect()
}

/// Each comment's author and the index of the comment it answers.
fn thread(post: &Post) -> Vec<(&str, Option<usize>)> {
    post.comments
        .iter()
        .map(|c| (c.author.as_deref().unwrap_or(""), c.parent()))
        .collect()
}

/// The export reads back as the same corpus and exports byte for byte the same.
fn assert_round_trips(corpus: &Corpus, name: &str) {
    let exported = json::export(corpus);
    let (posts, topics) = json::parse("again.json", &exported).unwrap();
    let again = Corpus::new(posts, Some(topics));
    assert_eq!(again.topics(), corpus.topics(), "{name}");
    assert_eq!(
        again.clone().into_posts(),
        corpus.clone().into_posts(),
        "{name}"
    );
    assert_eq!(json::export(&again), exported, "{name}");
}

#[test]
fn rss_feed() {
    let corpus = load("feed.rss");
    insta::assert_snapshot!("rss", posts_export(&corpus));
    assert_eq!(
        titles(&corpus),
        [
            "Harbour crossing: another delay",
            "Why are the buses always late?"
        ]
    );
    let first = &corpus.post(PostId(0));
    assert_eq!(first.author.as_deref(), Some("Sam Taylor"));
    assert_eq!(first.comment_count, Some(14));
    assert_eq!(first.tags, ["Transport", "Auckland"]);
    use BlockKind::*;
    assert_eq!(
        kinds(first),
        [
            (Paragraph, None),
            (Citation, Some(0)),
            (Quote, Some(0)),
            (Quote, Some(0)),
            (Paragraph, None)
        ]
    );
    assert_eq!(first.sources[0].outlet.as_deref(), Some("NZ Herald"));
    // Share buttons and scripts are not text.
    let all_text: String = corpus
        .post_ids()
        .flat_map(|p| &corpus.post(p).blocks)
        .map(|b| &*b.text)
        .collect();
    assert!(
        !all_text.contains("Share this") && !all_text.contains("tracker"),
        "{all_text}"
    );
}

#[test]
fn atom_feed() {
    let corpus = load("feed.atom");
    insta::assert_snapshot!("atom", posts_export(&corpus));
    assert_eq!(
        titles(&corpus),
        [
            "Councillors split on congestion charge",
            "Ferry timetable & the winter cuts"
        ]
    );
    let first = &corpus.post(PostId(0));
    assert_eq!(first.comment_count, Some(31));
    assert_eq!(first.date.as_deref(), Some("2019-06-05T18:30:00+12:00"));
    assert_eq!(first.sources[0].outlet.as_deref(), Some("RNZ"));
    assert_eq!(
        corpus.post(PostId(1)).author.as_deref(),
        Some("Harbour Notes")
    );
}

#[test]
fn wordpress_export() {
    let corpus = load("export.xml");
    insta::assert_snapshot!("wxr", posts_export(&corpus));
    // Pages, drafts, attachments and menu items are not posts.
    assert_eq!(
        titles(&corpus),
        ["Rail to the airport, again", "Cycleway opens"]
    );
    let post = &corpus.post(PostId(0));
    assert_eq!(post.author.as_deref(), Some("Sam Taylor"));
    assert_eq!(post.tags, ["Transport", "Airport", "Rail"]);
    // Three deep, the reply filed before its parent still after it; the
    // spam is gone and the pingback is counted but not shown.
    assert_eq!(
        thread(post),
        [
            ("Rangi", None),
            ("Pat & Lee", Some(0)),
            ("Rangi", Some(1)),
            ("Mere", None)
        ]
    );
    assert_eq!(post.comment_count, Some(5));
    let reply = &post.comments[1];
    assert_eq!(reply.sources[0].outlet.as_deref(), Some("RNZ"));
    assert_eq!(reply.blocks[1].kind, BlockKind::Quote);
    // WordPress's default category says nothing.
    assert_eq!(corpus.post(PostId(1)).tags, ["Cycling"]);
}

#[test]
fn saved_post_page_with_comments() {
    let corpus = load("post.html");
    insta::assert_snapshot!("post_page", posts_export(&corpus));
    assert_eq!(titles(&corpus), ["The bridge toll nobody wants"]);
    let post = &corpus.post(PostId(0));
    assert_eq!(post.author.as_deref(), Some("Sam Taylor"));
    assert_eq!(post.date.as_deref(), Some("June 10, 2019"));
    assert_eq!(post.tags, ["Transport", "Social media", "Tolls"]);
    assert_eq!(post.comment_count, Some(5));
    use BlockKind::*;
    assert_eq!(
        kinds(post),
        [
            (Paragraph, None),
            (Citation, Some(0)),
            (Quote, Some(0)),
            (Paragraph, None),
            (Citation, Some(1)),
            (Quote, Some(1)),
            (Paragraph, None),
        ]
    );
    assert_eq!(
        thread(post),
        [
            ("Rangi", None),
            ("Sam Taylor", Some(0)),
            ("Pat", Some(1)),
            ("Mere", None)
        ]
    );
    assert_eq!(
        post.comments[1].date.as_deref(),
        Some("June 10, 2019 at 10:30 am")
    );
    let page_text: String = post.blocks.iter().map(|b| &*b.text).collect();
    for furniture in [
        "Share this",
        "Recent Posts",
        "Skip to content",
        "Leave a Reply",
        "injected",
    ] {
        assert!(!page_text.contains(furniture), "{furniture}");
    }
}

#[test]
fn saved_archive_page() {
    let corpus = load("archive.html");
    insta::assert_snapshot!("archive_page", posts_export(&corpus));
    assert_eq!(
        titles(&corpus),
        [
            "Night buses return",
            "Rail fares & the new zones",
            "The ferry wharf upgrade"
        ]
    );
    let counts: Vec<_> = corpus
        .post_ids()
        .map(|p| corpus.post(p))
        .map(|p| p.comment_count)
        .collect();
    assert_eq!(counts, [Some(3), None, Some(1)]);
    assert_eq!(
        corpus.post(PostId(0)).url.as_deref(),
        Some("https://harbour.example.org/2019/06/12/night-buses/")
    );
    assert_eq!(corpus.post(PostId(1)).tags, ["Transport", "Rail"]);
    // "Continue reading" is furniture.
    assert_eq!(
        &*corpus.post(PostId(0)).blocks[3].text,
        "Hourly is a start."
    );
}

#[test]
fn markdown_notes() {
    let corpus = load("notes");
    insta::assert_snapshot!("markdown", posts_export(&corpus));
    assert_eq!(
        titles(&corpus),
        [
            "Congestion charging: the case so far",
            "Ferry fares",
            "The tunnel option",
            "The bridge clip-ons"
        ]
    );
    let first = &corpus.post(PostId(0));
    assert_eq!(first.tags, ["Transport", "Congestion charge"]);
    assert_eq!(first.date.as_deref(), Some("2019-06-15"));
    assert_eq!(first.blocks[3].kind, BlockKind::Quote);
    assert_eq!(first.blocks[3].source(), Some(0));
    assert_eq!(
        corpus.post(PostId(2)).sources[0].outlet.as_deref(),
        Some("NZ Herald")
    );
}

#[test]
fn every_fixture_round_trips_through_native_json() {
    for name in [
        "feed.rss",
        "feed.atom",
        "export.xml",
        "post.html",
        "archive.html",
        "notes",
    ] {
        assert_round_trips(&load(name), name);
    }
}

fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("pundit-formats-{name}-"))
        .tempdir()
        .expect("a temporary directory")
}

#[test]
fn a_mixed_folder_is_one_corpus_with_one_topic_tree() {
    let tmp = scratch("mixed");
    let dir = tmp.path().to_path_buf();
    for name in [
        "feed.rss",
        "feed.atom",
        "export.xml",
        "post.html",
        "archive.html",
    ] {
        fs::copy(fixture(name), dir.join(name)).unwrap();
    }
    for note in fs::read_dir(fixture("notes")).unwrap() {
        let note = note.unwrap().path();
        fs::copy(&note, dir.join(note.file_name().unwrap())).unwrap();
    }
    let harbour = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour_blog.txt");
    fs::copy(&harbour, dir.join("harbour.txt")).unwrap();
    let seed_export = json::export(&pundit::load::load_bundled());
    fs::write(dir.join("seed.json"), seed_export).unwrap();
    fs::write(dir.join("photo.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();

    let loaded = load_paths(std::slice::from_ref(&dir)).unwrap();
    // The image is skipped with a warning that names it.
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(loaded.warnings[0].path.ends_with("photo.png"));
    let corpus = loaded.corpus;
    let all = titles(&corpus);
    for expected in [
        "Harbour crossing: another delay",        // RSS
        "Councillors split on congestion charge", // Atom
        "Rail to the airport, again",             // WXR
        "The bridge toll nobody wants",           // saved post
        "Night buses return",                     // saved archive
        "The tunnel option",                      // Markdown
        "Macron: No planet B rebuke to Trump",    // native JSON
    ] {
        assert!(all.contains(&expected), "{expected} missing from {all:?}");
    }
    // Plain text is there too, and ids stay unique across files.
    assert!(corpus.len() > 25, "{}", corpus.len());
    let ids: std::collections::HashSet<_> = corpus
        .post_ids()
        .map(|p| corpus.post(p))
        .map(|p| &p.id)
        .collect();
    assert_eq!(ids.len(), corpus.len());
    // One topic tree over all of it: its topics gather posts from
    // different files and formats.
    let mut format_of_title = std::collections::HashMap::new();
    for name in [
        "feed.rss",
        "feed.atom",
        "export.xml",
        "post.html",
        "archive.html",
        "notes",
    ] {
        for post in load(name).into_posts() {
            format_of_title.insert(post.title, name);
        }
    }
    fn formats_under<'a>(
        topic: &TopicNode,
        corpus: &'a Corpus,
        format_of_title: &std::collections::HashMap<String, &'a str>,
        found: &mut std::collections::HashSet<&'a str>,
    ) {
        for &id in &topic.posts {
            let post = corpus.post(id);
            found.insert(
                format_of_title
                    .get(&post.title)
                    .copied()
                    .unwrap_or("text or JSON"),
            );
        }
        for child in &topic.children {
            formats_under(child, corpus, format_of_title, found);
        }
    }
    let widest = corpus
        .topics()
        .iter()
        .map(|topic| {
            let mut found = std::collections::HashSet::new();
            formats_under(topic, &corpus, &format_of_title, &mut found);
            found.len()
        })
        .max();
    assert!(
        widest >= Some(3),
        "no topic spans three formats: {widest:?}"
    );
}

fn pundit(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pundit"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn a_file_pundit_cannot_read_is_one_line_and_status_2() {
    let tmp = scratch("unreadable");
    let dir = tmp.path().to_path_buf();
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "drawing.svg",
            b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "<svg>",
        ),
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF", "JPEG"),
    ];
    for (name, bytes, what) in cases {
        let path = dir.join(name);
        fs::write(&path, bytes).unwrap();
        let output = pundit(&["export", path.to_str().unwrap()]);
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{message}");
        assert!(output.stdout.is_empty());
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.contains(path.to_str().unwrap()), "{message}");
        assert!(message.contains(what), "{message}");
        assert!(
            message.contains("RSS, Atom, WordPress export (WXR), HTML, Markdown"),
            "{message}"
        );
    }
}

#[test]
fn export_of_each_fixture_reads_back_unchanged_through_the_binary() {
    let tmp = scratch("cli-round-trip");
    let dir = tmp.path().to_path_buf();
    for name in [
        "feed.rss",
        "feed.atom",
        "export.xml",
        "post.html",
        "archive.html",
        "notes",
    ] {
        let first = pundit(&["export", fixture(name).to_str().unwrap()]);
        assert_eq!(first.status.code(), Some(0), "{name}");
        let json = dir.join("export.json");
        fs::write(&json, &first.stdout).unwrap();
        let second = pundit(&["export", json.to_str().unwrap()]);
        assert_eq!(second.status.code(), Some(0), "{name}");
        assert!(
            first.stdout == second.stdout,
            "{name}: the export changed on reading back"
        );
    }
}

#[test]
fn a_feed_saved_as_utf16_reads_as_the_feed() {
    let tmp = scratch("utf16");
    let dir = tmp.path().to_path_buf();
    let text = fs::read_to_string(fixture("feed.rss")).unwrap();
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.join("feed-utf16.xml");
    fs::write(&path, bytes).unwrap();
    let corpus = load_paths(&[path]).unwrap().corpus;
    assert_eq!(titles(&corpus), titles(&load("feed.rss")));
}
