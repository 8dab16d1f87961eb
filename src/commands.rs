//! The headless subcommands: what `pundit export`, `tree` and `search` print.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::import::clean::clean;
use crate::import::json;
use crate::model::{Corpus, Post, TopicNode};
use crate::search::{self, Location, Mode, Query, Scope};

/// Writes the native JSON of `corpus`.
pub fn write_export(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    json::write_export(corpus, out)
}

/// Writes the topic tree as indented text: each topic with its post count,
/// the titles of its posts under it, subtopics indented further.
pub fn write_tree(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    // A large tree is hundreds of thousands of lines: not a write each.
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    for topic in corpus.topics() {
        write_topic(corpus, topic, 0, &mut out)?;
    }
    out.flush()
}

fn write_topic(
    corpus: &Corpus,
    topic: &TopicNode,
    depth: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    writeln!(out, "{indent}{} ({})", topic.name, topic.posts.len())?;
    for &post in &topic.posts {
        writeln!(out, "{indent}  - {}", corpus.title(post))?;
    }
    for child in &topic.children {
        write_topic(corpus, child, depth + 1, out)?;
    }
    Ok(())
}

/// Writes one line per title, block, comment block or source that matches
/// `query` in `scope`, grep style, or with `count_only` just the number of
/// such lines, and returns that number. The query follows the reader's rules
/// (smart case, accents folded, words as a phrase; a regular expression in
/// [`Mode::Regex`]).
///
/// Lines are `<post id>:<n>: <text>` where `n` is the 1-based block number
/// and the text is the block's; a title is block `0`; a comment's block is
/// `c<comment>.<block>` (both 1-based, comments as the post lists them); a source
/// is `s<n>` (1-based) followed by its outlet, headline and URL joined by
/// ` — `. A field with several matches is printed once.
pub fn write_search(
    corpus: &Corpus,
    query: &str,
    scope: Scope,
    mode: Mode,
    count_only: bool,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let query = Query::new(query, scope, mode)
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidInput, error))?;
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut found = 0;
    let mut previous = None;
    // Streamed: each matching field is printed (or counted) as it is
    // found, so memory does not grow with the number of matches.
    search::matching_fields(corpus, &query, |post, location| {
        let line = (post, SearchLine::of(location));
        if previous == Some(line) {
            return Ok(());
        }
        previous = Some(line);
        found += 1;
        if count_only {
            return Ok(());
        }
        write_search_line(corpus.post(post), line.1, &mut out)
    })?;
    if count_only {
        writeln!(out, "{found}")?;
    }
    out.flush()?;
    Ok(found)
}

/// What one line of `pundit search` shows: the sources' fields share a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SearchLine {
    Title,
    Block(usize),
    Comment { comment: usize, block: usize },
    Source(usize),
}

impl SearchLine {
    fn of(location: Location) -> Self {
        match location {
            Location::Title => SearchLine::Title,
            Location::Block(n) => SearchLine::Block(n),
            Location::Comment { comment, block } => SearchLine::Comment { comment, block },
            Location::Source(n, _) => SearchLine::Source(n),
        }
    }
}

fn write_search_line(post: &Post, line: SearchLine, out: &mut dyn Write) -> io::Result<()> {
    let id = printable(&post.id);
    match line {
        SearchLine::Title => writeln!(out, "{id}:0: {}", printable(&post.title)),
        SearchLine::Block(n) => {
            let text = post.blocks.get(n).map_or("", |block| &*block.text);
            writeln!(out, "{id}:{}: {}", n + 1, printable(text))
        }
        SearchLine::Comment { comment, block } => {
            let location = Location::Comment { comment, block };
            let text = crate::search::field_text(post, location).unwrap_or_default();
            writeln!(
                out,
                "{id}:c{}.{}: {}",
                comment + 1,
                block + 1,
                printable(text)
            )
        }
        SearchLine::Source(n) => {
            let parts: Vec<&str> = post.sources.get(n).map_or(vec![], |source| {
                [&source.outlet, &source.headline, &source.url]
                    .into_iter()
                    .flatten()
                    .map(String::as_str)
                    .collect()
            });
            writeln!(out, "{id}:s{}: {}", n + 1, printable(&parts.join(" — ")))
        }
    }
}

/// Loaders already clean text; this keeps a terminal safe even from a corpus
/// built some other way.
fn printable(text: &str) -> Cow<'_, str> {
    if text.chars().any(char::is_control) {
        Cow::Owned(clean(text))
    } else {
        Cow::Borrowed(text)
    }
}
