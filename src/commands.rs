//! The headless subcommands: what `pundit export`, `tree` and `search` print.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

use crate::import::clean::clean;
use crate::import::json;
use crate::model::{Corpus, PostId, SourceField, TopicNode};
use crate::search::{self, Location, Mode, Query, Scope, SearchIndex};
use crate::state::cache::Contents;

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
///
/// With the corpus's `index` from the cache, its mapped folded text is
/// scanned where it lies, and the lines are read in place (no post is
/// decoded); without one, each field is folded as it is searched. Both
/// give the same lines.
pub fn write_search(
    corpus: &Corpus,
    index: Option<&SearchIndex>,
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
    let mut print = |post, location| {
        let line = (post, SearchLine::of(location));
        if previous == Some(line) {
            return Ok(());
        }
        previous = Some(line);
        found += 1;
        if count_only {
            return Ok(());
        }
        write_search_line(corpus, post, line.1, &mut out)
    };
    match index {
        Some(index) => index.matching_fields(&query, &mut print)?,
        None => search::matching_fields(corpus, &query, &mut print)?,
    }
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

/// One line of `pundit search`, its text read in place where the corpus
/// is mapped.
fn write_search_line(
    corpus: &Corpus,
    post: PostId,
    line: SearchLine,
    out: &mut dyn Write,
) -> io::Result<()> {
    let id = printable(corpus.id_of(post));
    let field = |location| corpus.field_text(post, location).unwrap_or_default();
    match line {
        SearchLine::Title => writeln!(out, "{id}:0: {}", printable(field(Location::Title))),
        SearchLine::Block(n) => {
            writeln!(
                out,
                "{id}:{}: {}",
                n + 1,
                printable(field(Location::Block(n)))
            )
        }
        SearchLine::Comment { comment, block } => {
            let location = Location::Comment { comment, block };
            writeln!(
                out,
                "{id}:c{}.{}: {}",
                comment + 1,
                block + 1,
                printable(field(location))
            )
        }
        SearchLine::Source(n) => {
            let parts: Vec<&str> = [SourceField::Outlet, SourceField::Headline, SourceField::Url]
                .into_iter()
                .filter_map(|part| corpus.field_text(post, Location::Source(n, part)))
                .collect();
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

/// What `pundit cache clear` says it removed from `dir`.
pub fn cache_cleared(dir: &Path, cleared: Contents) -> String {
    let dir = clean(&dir.display().to_string());
    match cleared.entries {
        0 if cleared.bytes == 0 => format!("The cache is empty ({dir})"),
        entries => format!(
            "Removed {} ({}) from {dir}",
            archives(entries),
            size(cleared.bytes)
        ),
    }
}

/// What `pundit cache info` says of the cache in `dir`.
pub fn cache_info(dir: &Path, contents: Contents, limit: u64) -> String {
    format!(
        "{}: {} ({} of at most {})",
        clean(&dir.display().to_string()),
        archives(contents.entries),
        size(contents.bytes),
        size(limit)
    )
}

/// What `--verbose` says of an entry written.
pub fn cache_written(file: &str, size_written: u64, took: Duration) -> String {
    match size_written {
        0 => format!("not cached: larger than the whole cache may be ({file})"),
        bytes => format!(
            "wrote the cache ({file}, {}) in {} ms",
            size(bytes),
            took.as_millis()
        ),
    }
}

fn archives(count: usize) -> String {
    match count {
        1 => "1 cached archive".to_string(),
        n => format!("{n} cached archives"),
    }
}

/// A size in bytes as people read it: `512 B`, `3.4 MiB`, `1.2 GiB`.
fn size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}
