//! Archives in the shapes real blogs print them, read as written and in
//! variants (posts reordered, CRLF line ends, non-breaking spaces, tabs for
//! indentation, extra blank lines): every variant must give the same posts
//! and comments.

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

use pundit::import::text;
use pundit::model::Post;

pub fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/archives/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn parse(archive: &str) -> Vec<Post> {
    text::parse("fixture", archive).expect("plain text always parses")
}

/// What a reader would check of a post.
#[derive(Debug, Clone, PartialEq)]
pub struct Seen {
    pub title: String,
    pub author: Option<String>,
    pub date: Option<String>,
    pub tags: Vec<String>,
    pub comment_count: Option<u32>,
    pub blocks: usize,
    /// (author, parent, text) of every comment, its blocks' text joined.
    pub comments: Vec<(Option<String>, Option<usize>, String)>,
}

pub fn seen(post: &Post) -> Seen {
    Seen {
        title: post.title.clone(),
        author: post.author.clone(),
        date: post.date.clone(),
        tags: post.tags.clone(),
        comment_count: post.comment_count,
        blocks: post.blocks.len(),
        comments: post
            .comments
            .iter()
            .map(|c| {
                let text: Vec<&str> = c.blocks.iter().map(|b| &*b.text).collect();
                (c.author.clone(), c.parent(), text.join(" / "))
            })
            .collect(),
    }
}

pub type Comments<'a> = &'a [(Option<&'a str>, Option<usize>, &'a str)];

#[allow(clippy::too_many_arguments)]
pub fn post(
    title: &str,
    author: Option<&str>,
    date: Option<&str>,
    tags: &[&str],
    comment_count: Option<u32>,
    blocks: usize,
    comments: Comments<'_>,
) -> Seen {
    Seen {
        title: title.into(),
        author: author.map(Into::into),
        date: date.map(Into::into),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        comment_count,
        blocks,
        comments: comments
            .iter()
            .map(|(a, p, t)| (a.map(Into::into), *p, t.to_string()))
            .collect(),
    }
}

/// Posts of a title over one block each and nothing else: a listing's.
pub fn titles_over_one_block(titles: &[&str]) -> Vec<Seen> {
    titles
        .iter()
        .map(|title| post(title, None, None, &[], None, 1, &[]))
        .collect()
}

/// The archive cut before each title: the page's header, then each post.
pub fn split_at_titles<'a>(archive: &'a str, titles: &[&str]) -> (&'a str, Vec<&'a str>) {
    let mut starts: Vec<usize> = titles
        .iter()
        .map(|title| {
            archive
                .find(&format!("\n{title}\n"))
                .map(|at| at + 1)
                .or_else(|| archive.starts_with(title).then_some(0))
                .or_else(|| line_ending_in(archive, title))
                .unwrap_or_else(|| panic!("{title} is in the fixture"))
        })
        .collect();
    starts.sort_unstable();
    let posts = starts
        .iter()
        .enumerate()
        .map(|(n, &start)| &archive[start..starts.get(n + 1).copied().unwrap_or(archive.len())])
        .collect();
    (&archive[..starts[0]], posts)
}

/// Where the first line that ends in `title` starts: a title the page
/// prints after a label of its own ("Thread: title").
fn line_ending_in(archive: &str, title: &str) -> Option<usize> {
    let end = archive.find(&format!("{title}\n"))?;
    Some(archive[..end].rfind('\n').map_or(0, |at| at + 1))
}

/// Leading spaces as tabs, two to a tab.
pub fn tabs_for_indentation(archive: &str) -> String {
    archive
        .lines()
        .map(|line| {
            let indent = line.len() - line.trim_start_matches(' ').len();
            format!("{}{}\n", "\t".repeat(indent / 2), &line[indent..])
        })
        .collect()
}

/// Every space inside a line's text a non-breaking space.
pub fn nbsp(archive: &str) -> String {
    archive
        .lines()
        .map(|line| {
            let indent = line.len() - line.trim_start().len();
            format!(
                "{}{}\n",
                &line[..indent],
                line[indent..].replace(' ', "\u{a0}")
            )
        })
        .collect()
}

/// The archive as written and reformatted, each with a name.
pub fn reformatted(archive: &str) -> Vec<(&'static str, String)> {
    vec![
        ("as written", archive.to_string()),
        ("CRLF", archive.replace('\n', "\r\n")),
        ("NBSP", nbsp(archive)),
        ("tabs", tabs_for_indentation(archive)),
        ("extra blank lines", archive.replace("\n\n", "\n\n\n\n")),
        (
            "all at once",
            tabs_for_indentation(&nbsp(archive))
                .replace("\n\n", "\n \n\n")
                .replace('\n', "\r\n"),
        ),
    ]
}

/// Checks every variant of an archive, posts in the given orders too.
pub fn check(archive: &str, expected: &[Seen], orders: &[&[usize]]) {
    let titles: Vec<&str> = expected.iter().map(|s| s.title.as_str()).collect();
    let (header, posts) = split_at_titles(archive, &titles);
    let mut arrangements = vec![(archive.to_string(), expected.iter().collect::<Vec<_>>())];
    for order in orders {
        let text: String = std::iter::once(header.to_string())
            .chain(order.iter().map(|&i| {
                let post = posts[i].trim_end();
                format!("{post}\n\n")
            }))
            .collect();
        arrangements.push((text, order.iter().map(|&i| &expected[i]).collect()));
    }
    for (arranged, expected) in &arrangements {
        for (name, variant) in reformatted(arranged) {
            let got: Vec<Seen> = parse(&variant).iter().map(seen).collect();
            let expected: Vec<&Seen> = expected.to_vec();
            assert_eq!(
                got.iter().collect::<Vec<_>>(),
                expected,
                "{name}, titles in order {:?}",
                expected.iter().map(|s| &s.title).collect::<Vec<_>>()
            );
        }
    }
}

/// The names of a post's commenters, in order.
pub fn comment_authors(post: &Post) -> Vec<Option<&str>> {
    post.comments.iter().map(|c| c.author.as_deref()).collect()
}

/// The names and dates of a post's comments, in order.
pub fn comment_stamps(post: &Post) -> Vec<(Option<&str>, Option<&str>)> {
    post.comments
        .iter()
        .map(|c| (c.author.as_deref(), c.date.as_deref()))
        .collect()
}
