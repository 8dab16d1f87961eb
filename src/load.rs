//! Reading archives from disk: files and directories, format detection,
//! errors that name the file and the place.
//!
//! Files are only ever opened for reading. Only regular files and
//! directories are read (see [`walk`]). Every file name and every piece of
//! a file quoted in a message is cleaned as article text is, so a message
//! can be printed as it is.

pub mod cached;
mod encoding;
pub mod preview;
pub mod walk;

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::import::clean::clean;
use crate::import::detect::{self, Format};
use crate::import::text::{self, paragraphs};
use crate::import::{feed, html, json, markdown, wxr};
use crate::model::{Corpus, Post, Topic};
use encoding::{decode_utf16, utf16_of};

/// The bundled default corpus, embedded in the binary.
pub const BUNDLED: &str = include_str!("../assets/seed.txt");

/// Bytes read between two progress reports.
const PROGRESS_STEP: u64 = 4 << 20;

/// The name the bundled corpus goes by in messages.
pub const BUNDLED_NAME: &str = "<bundled corpus>";

/// The name standard input goes by in messages (it is read when a PATH is
/// `-`).
pub const STDIN_NAME: &str = "<stdin>";

/// Why an archive could not be loaded. Its `Display` is one line that names
/// the file and, where it can, the place in it: the file's name, then
/// [`LoadError::reason`].
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {}", self.reason())]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {}", self.reason())]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: {}", self.reason())]
    BadUtf16 { path: String, offset: usize },
    #[error("{path}: {}", self.reason())]
    NotAFile { path: String, kind: &'static str },
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {}", self.reason())]
    Invalid { path: String, message: String },
    #[error("{path}: {}", self.reason())]
    Empty { path: String },
    #[error("{path}: {}", self.reason())]
    NoPosts { path: String },
    #[error("{path}: {}", self.reason())]
    Changed { path: String },
}

impl LoadError {
    /// What went wrong, and where in the file, without the file's name: for
    /// a message that names the file already ("c.bin: skipped: not UTF-8
    /// text …").
    pub fn reason(&self) -> String {
        match self {
            LoadError::Io { source, .. } => source.to_string(),
            LoadError::NotUtf8 { offset, .. } => {
                format!("not UTF-8 text (invalid byte at offset {offset})")
            }
            LoadError::BadUtf16 { offset, .. } => format!(
                "UTF-16 text that does not decode (an unpaired surrogate or a lone byte at offset {offset})"
            ),
            LoadError::NotAFile { kind, .. } if *kind == walk::FIFO => {
                format!("{kind}, not a file or a directory (to read a pipe, name it `-`)")
            }
            LoadError::NotAFile { kind, .. } => format!("{kind}, not a file or a directory"),
            LoadError::Json {
                line,
                column,
                message,
                ..
            } => format!("line {line}, column {column}: {message}"),
            LoadError::Invalid { message, .. } => message.clone(),
            LoadError::Empty { .. } => "empty file, no posts".to_string(),
            LoadError::NoPosts { .. } => "no posts found".to_string(),
            LoadError::Changed { .. } => "changed while it was being read".to_string(),
        }
    }
}

/// Something worth saying about a load that went ahead: a file skipped in
/// a directory, or something a file held that was read differently from
/// how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

impl Warning {
    /// A note about the file at `path`; the message is cleaned.
    pub fn new(path: &Path, message: impl AsRef<str>) -> Warning {
        Warning {
            path: name_of(path),
            message: clean(message.as_ref()),
        }
    }

    /// `path` was not read, and why.
    pub fn skipped(path: &Path, why: impl AsRef<str>) -> Warning {
        Warning::new(path, format!("skipped: {}", why.as_ref()))
    }

    /// A note about the input named `name` (already as messages show it).
    fn named(name: &str, message: impl AsRef<str>) -> Warning {
        Warning {
            path: name.to_string(),
            message: clean(message.as_ref()),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A file's name as messages show it: cleaned, since a name can hold
/// escape sequences as well as any text can.
pub fn name_of(path: &Path) -> String {
    clean(&path.display().to_string())
}

/// A loaded corpus and what was skipped on the way.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
}

/// The bundled corpus. It is part of the binary and tested, so it loads.
pub fn load_bundled() -> Corpus {
    let posts = text::parse(BUNDLED_NAME, BUNDLED).expect("the bundled corpus parses");
    Corpus::new(posts, None)
}

/// Loads files and directories into one corpus; see [`load_paths_with_progress`].
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    load_paths_with_progress(paths, &mut |_, _| {})
}

/// Loads files and directories into one corpus, calling `progress(done,
/// total)` in bytes as files are read. No paths means the bundled corpus.
///
/// A file named on the command line must load; inside a directory, files
/// that cannot be read or hold no posts are skipped with a [`Warning`].
pub fn load_paths_with_progress(
    paths: &[PathBuf],
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Loaded, LoadError> {
    if paths.is_empty() {
        let corpus = load_bundled();
        progress(BUNDLED.len() as u64, BUNDLED.len() as u64);
        return Ok(Loaded {
            corpus,
            warnings: Vec::new(),
        });
    }
    let (files, mut warnings) = walk::files_named(paths)?;
    // Standard input's size is not known before it is read.
    let size_of = |path: &Path| {
        if walk::is_stdin(path) {
            0
        } else {
            fs::metadata(path).map_or(0, |m| m.len())
        }
    };
    let total: u64 = files.iter().map(|file| size_of(&file.path)).sum();
    let mut done = 0u64;
    let mut parts: Vec<Parsed> = Vec::new();
    for file in &files {
        match load_file(&file.path, &mut |bytes| progress(done + bytes, total)) {
            Ok(mut parsed) => {
                warnings.append(&mut parsed.warnings);
                parts.push(parsed);
            }
            Err(error) if file.in_directory => {
                warnings.push(Warning::skipped(&file.path, error.reason()));
            }
            Err(error) => return Err(error),
        }
        done += size_of(&file.path);
        progress(done.min(total), total);
    }
    if parts.is_empty() {
        let path = paths.first().map_or_else(String::new, |p| name_of(p));
        return Err(LoadError::NoPosts { path });
    }
    Ok(Loaded {
        corpus: merge(parts, &mut warnings),
        warnings,
    })
}

/// A plain-text archive read into paragraphs, and the warnings its load
/// gave.
pub struct PlainText {
    pub paragraphs: Vec<paragraphs::Paragraph>,
    pub warnings: Vec<Warning>,
}

/// The paragraphs of the archive `paths` names, read and split as for
/// [`load_paths_with_progress`], when it is one file of plain text named
/// on its own (not standard input, not UTF-16, not found in a directory):
/// what [`text::posts_in_batches`] builds its posts from. `None` for any
/// other archive, which is loaded whole.
pub fn plain_text_paragraphs(
    paths: &[PathBuf],
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Option<PlainText>, LoadError> {
    let (files, warnings) = walk::files_named(paths)?;
    let [file] = files.as_slice() else {
        return Ok(None);
    };
    if file.in_directory || walk::is_stdin(&file.path) {
        return Ok(None);
    }
    let path = file.path.as_path();
    let name = name_of(path);
    let (opened, expected) = walk::open_regular(path)?;
    let mut reader = BufReader::with_capacity(1 << 16, opened);
    let head = reader.fill_buf().map_err(|source| LoadError::Io {
        path: name.clone(),
        source,
    })?;
    let extension = path.extension().and_then(|e| e.to_str());
    if utf16_of(head).is_some() || format_of(extension, &name, head)? != Format::PlainText {
        return Ok(None);
    }
    let on_disk = Some(OnDisk { path, expected });
    let paragraphs = read_paragraphs(reader, &name, on_disk, &mut |done| progress(done, expected))?;
    if paragraphs.is_empty() {
        return Err(LoadError::Empty { path: name });
    }
    progress(expected, expected);
    Ok(Some(PlainText {
        paragraphs,
        warnings,
    }))
}

/// Returns the memory freed since to the system. An allocator keeps what a
/// large corpus freed, piece by piece, for later allocations (jemalloc
/// gives it back only as it is used again, which an idle reader is not);
/// the reader will not make them, so it is handed back: jemalloc's arenas
/// purged, whichever allocator the binary uses, and glibc's trimmed.
pub fn give_back_freed_memory() {
    #[cfg(not(target_env = "msvc"))]
    {
        // `arena.<i>.purge` of MALLCTL_ARENAS_ALL: every arena.
        let purge = c"arena.4096.purge";
        let none = std::ptr::null_mut();
        // SAFETY: a purge reads and writes no value: every pointer is null
        // and the name is a C string.
        unsafe {
            tikv_jemalloc_sys::mallctl(purge.as_ptr(), none, std::ptr::null_mut(), none, 0);
        }
    }
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes a plain integer and only touches the
    // allocator's own free lists.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// What one file held, and what is worth saying about how it was read.
struct Parsed {
    /// The file's name, as messages show it.
    name: String,
    posts: Vec<Post>,
    topics: Option<Vec<Topic>>,
    warnings: Vec<Warning>,
}

/// One corpus of the posts of every file. A post identical to one read
/// from an earlier file (a file and its copy, an archive saved twice) is
/// left out, with a warning per file naming where it was read first;
/// posts that share an id but differ are both kept (the corpus renames
/// the later one).
fn merge(mut parts: Vec<Parsed>, warnings: &mut Vec<Warning>) -> Corpus {
    if parts.len() == 1 {
        let only = parts.pop().expect("one part");
        return Corpus::new(only.posts, only.topics);
    }
    let names: Vec<String> = parts.iter().map(|part| part.name.clone()).collect();
    let mut posts: Vec<Post> = Vec::new();
    // Per id, the posts kept with it and the file each came from.
    let mut kept: HashMap<std::sync::Arc<str>, Vec<(usize, usize)>> = HashMap::new();
    for (part_index, part) in parts.iter_mut().enumerate() {
        let mut left_out: Vec<usize> = Vec::new();
        for post in std::mem::take(&mut part.posts) {
            let same = kept.get(&post.id).and_then(|earlier| {
                earlier
                    .iter()
                    .find(|&&(index, _)| posts[index] == post)
                    .map(|&(_, from)| from)
            });
            match same {
                Some(from) => left_out.push(from),
                None => {
                    kept.entry(std::sync::Arc::clone(&post.id))
                        .or_default()
                        .push((posts.len(), part_index));
                    posts.push(post);
                }
            }
        }
        if let Some(&first) = left_out.first() {
            warnings.push(Warning::named(
                &part.name,
                already_read(left_out.len(), &names[first]),
            ));
        }
    }
    Corpus::new(posts, None)
}

/// "left out 3 posts already read from a.txt".
fn already_read(count: usize, from: &str) -> String {
    match count {
        1 => format!("left out 1 post already read from {from}"),
        n => format!("left out {n} posts already read from {from}"),
    }
}

/// Reads and parses one file (standard input for `-`) in the format its
/// first bytes show (the extension as a hint; see [`detect::format_of`]),
/// UTF-16 decoded first.
fn load_file(path: &Path, progress: &mut dyn FnMut(u64)) -> Result<Parsed, LoadError> {
    if walk::is_stdin(path) {
        let reader = BufReader::with_capacity(1 << 16, io::stdin().lock());
        return load_stream(reader, STDIN_NAME, None, progress);
    }
    let name = name_of(path);
    let (file, expected) = walk::open_regular(path)?;
    let reader = BufReader::with_capacity(1 << 16, file);
    load_stream(reader, &name, Some(OnDisk { path, expected }), progress)
}

/// A file being read from disk: its path (whose extension hints at its
/// format) and the length it had when opened, to tell whether it changed
/// while it was read.
#[derive(Clone, Copy)]
struct OnDisk<'a> {
    path: &'a Path,
    expected: u64,
}

/// Reads and parses what `reader` gives, named `name` in messages.
fn load_stream<R: Read>(
    mut reader: BufReader<R>,
    name: &str,
    on_disk: Option<OnDisk>,
    progress: &mut dyn FnMut(u64),
) -> Result<Parsed, LoadError> {
    let io_error = |source| LoadError::Io {
        path: name.to_string(),
        source,
    };
    let extension = on_disk.and_then(|file| file.path.extension()?.to_str());
    let head = reader.fill_buf().map_err(io_error)?;
    if let Some((order, mark)) = utf16_of(head) {
        let bytes = read_bytes(reader, name, on_disk, progress)?;
        let text = decode_utf16(&bytes[mark..], order).map_err(|at| LoadError::BadUtf16 {
            path: name.to_string(),
            offset: mark + at,
        })?;
        drop(bytes);
        let format = format_of(extension, name, text.as_bytes())?;
        return parse_text(format, name, &text);
    }
    let format = format_of(extension, name, head)?;
    let posts = match format {
        // Plain text and WordPress exports are read as they stream in.
        Format::PlainText => {
            let paragraphs = read_paragraphs(reader, name, on_disk, progress)?;
            if paragraphs.is_empty() {
                return Err(LoadError::Empty { path: name.into() });
            }
            text::posts_from(paragraphs)
        }
        Format::Wxr => {
            let mut read = 0;
            let posts = wxr::read(name, reader, &mut |at| {
                read = at;
                progress(at);
            })?;
            check_unchanged(on_disk, name, read)?;
            posts
        }
        // Native JSON is parsed on the pool's cores as it is read.
        Format::Json => {
            let streamed = json::read_streaming(reader, progress).map_err(io_error)?;
            check_unchanged(on_disk, name, streamed.consumed())?;
            return match streamed.finish(name) {
                Ok(read) => json_parsed(name, read?),
                // The split was tried as the file was read: serde alone now.
                Err(bytes) => parse_json_by(name, &utf8_text(bytes, name)?, json::parse_in_order),
            };
        }
        _ => {
            let bytes = read_bytes(reader, name, on_disk, progress)?;
            return parse_text(format, name, &utf8_text(bytes, name)?);
        }
    };
    parsed(name, posts)
}

/// The format of the file named `name`, with `extension`, that opens with
/// `head`; a file in no format pundit reads is an error that says what it
/// looks like.
fn format_of(extension: Option<&str>, name: &str, head: &[u8]) -> Result<Format, LoadError> {
    detect::format_of(head, extension).map_err(|unreadable| LoadError::Invalid {
        path: name.into(),
        message: unreadable.to_string(),
    })
}

/// Parses a whole file's text, read or decoded, in `format`.
fn parse_text(format: Format, name: &str, text: &str) -> Result<Parsed, LoadError> {
    let posts = match format {
        Format::Json => return parse_json(name, text),
        _ if text.trim().is_empty() => return Err(LoadError::Empty { path: name.into() }),
        Format::PlainText => text::parse(name, text)?,
        Format::Wxr => wxr::parse(name, text)?,
        Format::Rss => feed::parse_rss(name, text)?,
        Format::Atom => feed::parse_atom(name, text)?,
        Format::Html => html::parse(name, text)?,
        Format::Markdown => markdown::parse(name, text)?,
    };
    parsed(name, posts)
}

/// What a file held, or that it held no posts.
fn parsed(name: &str, posts: Vec<Post>) -> Result<Parsed, LoadError> {
    if posts.is_empty() {
        return Err(LoadError::NoPosts { path: name.into() });
    }
    Ok(Parsed {
        name: name.to_string(),
        posts,
        topics: None,
        warnings: Vec::new(),
    })
}

/// Splits a plain-text file into paragraphs as it is read, so the whole
/// file is never held beside its paragraphs.
fn read_paragraphs<R: Read>(
    reader: BufReader<R>,
    name: &str,
    on_disk: Option<OnDisk>,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<paragraphs::Paragraph>, LoadError> {
    let (mut paragraphs, consumed) = split_while_reading(reader, PROGRESS_STEP, name, progress)?;
    check_unchanged(on_disk, name, consumed)?;
    // The list grew by doubling; what it will not use goes back now, before
    // the posts are built beside it.
    paragraphs.shrink_to_fit();
    Ok(paragraphs)
}

/// Reads `batch` bytes at a time and splits what has been read up to its
/// last blank line (see [`paragraphs::last_cut`]), reporting the bytes read
/// so far. Returns the paragraphs and the number of bytes read.
///
/// A batch is checked to be UTF-8 and split on the pool's cores while this
/// thread reads the next one and appends the paragraphs of the one before
/// to the list: reading is a copy out of the page cache, a third of the
/// time the split takes, and appending is a copy too; done after the split,
/// they would leave a core waiting.
fn split_while_reading(
    mut reader: impl Read,
    batch: u64,
    name: &str,
    progress: &mut dyn FnMut(u64),
) -> Result<(Vec<paragraphs::Paragraph>, u64), LoadError> {
    let io_error = |source| LoadError::Io {
        path: name.into(),
        source,
    };
    // A buffer with room for a whole batch beside what it holds: reading
    // into it never moves what was read to a larger one.
    let mut read_batch = |pending: &mut Vec<u8>| {
        pending.reserve(batch as usize);
        (&mut reader)
            .take(batch)
            .read_to_end(pending)
            .map_err(io_error)
    };
    let not_utf8 = |consumed: u64, error: paragraphs::NotUtf8| LoadError::NotUtf8 {
        path: name.into(),
        offset: consumed as usize + error.valid_up_to,
    };
    let mut paragraphs = Vec::new();
    // The last batch split, its paragraphs not yet in the list.
    let mut split_before: Option<paragraphs::Split> = None;
    let mut pending: Vec<u8> = Vec::new();
    let mut consumed = 0u64;
    let mut searched: usize = 0;
    let mut read = read_batch(&mut pending)?;
    loop {
        let at_end = read == 0;
        // A file with no blank line is held until its end: its lines
        // may all be one group.
        let cut = if at_end {
            pending.len()
        } else {
            paragraphs::last_cut(&pending, searched.saturating_sub(1)).unwrap_or(0)
        };
        if cut == 0 && !at_end {
            // Bytes read, split or not: a file with no blank line still
            // moves the gauge.
            progress(consumed + pending.len() as u64);
            searched = pending.len();
            read = read_batch(&mut pending)?;
            continue;
        }
        if at_end {
            let split = paragraphs::split(&pending[..cut]).map_err(|e| not_utf8(consumed, e))?;
            if let Some(before) = split_before.take() {
                before.append_to(&mut paragraphs);
            }
            split.append_to(&mut paragraphs);
            consumed += cut as u64;
            progress(consumed);
            break;
        }
        // What follows the cut opens the next batch.
        let mut next = pending[cut..].to_vec();
        searched = next.len();
        let mut split = None;
        let next_read = rayon::in_place_scope(|scope| {
            scope.spawn(|_| split = Some(paragraphs::split(&pending[..cut])));
            if let Some(before) = split_before.take() {
                before.append_to(&mut paragraphs);
            }
            read_batch(&mut next)
        });
        let split = split.expect("the scope ran the split");
        split_before = Some(split.map_err(|e| not_utf8(consumed, e))?);
        let next_read = next_read?;
        consumed += cut as u64;
        progress(consumed + searched as u64);
        pending = next;
        read = next_read;
    }
    Ok((paragraphs, consumed))
}

/// Parses a native JSON file's text.
fn parse_json(name: &str, content: &str) -> Result<Parsed, LoadError> {
    parse_json_by(name, content, json::parse_noting)
}

/// Native JSON text read by `parse`, refused when it holds nothing.
fn parse_json_by(
    name: &str,
    content: &str,
    parse: fn(&str, &str) -> Result<json::NativeRead, LoadError>,
) -> Result<Parsed, LoadError> {
    if content.trim().is_empty() {
        return Err(LoadError::Empty { path: name.into() });
    }
    json_parsed(name, parse(name, content)?)
}

/// What a native JSON file held, or that it held no posts.
fn json_parsed(name: &str, read: json::NativeRead) -> Result<Parsed, LoadError> {
    if read.posts.is_empty() {
        return Err(LoadError::NoPosts { path: name.into() });
    }
    Ok(Parsed {
        name: name.to_string(),
        posts: read.posts,
        topics: Some(read.topics),
        warnings: read
            .notes
            .iter()
            .map(|note| Warning::named(name, note))
            .collect(),
    })
}

fn read_bytes<R: Read>(
    mut reader: BufReader<R>,
    name: &str,
    on_disk: Option<OnDisk>,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, LoadError> {
    let io_error = |source| LoadError::Io {
        path: name.into(),
        source,
    };
    // Read straight into the buffer, a slice at a time so that a large
    // file reports its progress as it comes.
    let expected = on_disk.map_or(0, |file| file.expected);
    let mut bytes = Vec::with_capacity(expected as usize + 1);
    loop {
        let read = (&mut reader)
            .take(PROGRESS_STEP)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
        if read == 0 {
            break;
        }
        progress(bytes.len() as u64);
    }
    check_unchanged(on_disk, name, bytes.len() as u64)?;
    Ok(bytes)
}

/// The text of a file's `bytes`, which must be UTF-8.
fn utf8_text(bytes: Vec<u8>, name: &str) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// A file that shrank or grew while it was read may have been cut mid-post.
/// (Standard input is whatever arrived.)
fn check_unchanged(on_disk: Option<OnDisk>, name: &str, read: u64) -> Result<(), LoadError> {
    let Some(OnDisk { path, expected }) = on_disk else {
        return Ok(());
    };
    let now = fs::metadata(path)
        .map_err(|source| LoadError::Io {
            path: name.into(),
            source,
        })?
        .len();
    if now != read && now != expected {
        return Err(LoadError::Changed { path: name.into() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("pundit-load-{name}-"))
            .tempdir()
            .expect("a temporary directory")
    }

    #[test]
    fn missing_file_names_the_file() {
        let error = load_paths(&[PathBuf::from("/no/such/archive.txt")]).unwrap_err();
        assert!(error.to_string().starts_with("/no/such/archive.txt: "));
    }

    #[test]
    fn invalid_utf8_gives_the_offset() {
        let tmp = temp_dir("utf8");
        let dir = tmp.path().to_path_buf();
        let path = dir.join("bad.txt");
        fs::write(&path, b"Title here\n\nSome text \xff more").unwrap();
        let error = load_paths(&[path]).unwrap_err().to_string();
        assert!(error.ends_with("invalid byte at offset 22)"), "{error}");
    }

    #[test]
    fn reading_in_small_batches_gives_the_paragraphs_of_the_whole() {
        let no_blank_lines = BUNDLED.replace("\n\n", "\n");
        let crlf = BUNDLED.replace('\n', "\r\n");
        // A batch that ends inside a wrapped paragraph must not split it.
        let wrapped: String = BUNDLED
            .split('\n')
            .map(|line| textwrap::fill(line, 50) + "\n")
            .collect();
        // A blank line at the very end is counted once, wherever a batch ends.
        let blank_at_end = format!("{BUNDLED}\n\n");
        for archive in [BUNDLED, &no_blank_lines, &crlf, &wrapped, &blank_at_end] {
            let whole = paragraphs::paragraphs(archive);
            for batch in [1, 7, 100, 4096] {
                let mut reports = Vec::new();
                let (got, read) =
                    split_while_reading(archive.as_bytes(), batch, "t", &mut |done| {
                        reports.push(done)
                    })
                    .unwrap();
                assert_eq!(got, whole, "batch {batch}");
                assert_eq!(read, archive.len() as u64);
                assert!(reports.is_sorted() && reports.last() == Some(&read));
                // The gauge moves before the end, blank lines or not.
                assert!(reports.len() > 2, "batch {batch}: {reports:?}");
            }
        }
    }

    #[test]
    fn a_bad_byte_read_late_is_placed_exactly() {
        let mut bytes = BUNDLED.as_bytes().to_vec();
        let at = bytes.len() - 10;
        bytes[at] = 0xff;
        let error = split_while_reading(&bytes[..], 64, "t", &mut |_| {}).unwrap_err();
        assert!(
            error.to_string().ends_with(&format!("offset {at})")),
            "{error}"
        );
    }

    #[test]
    fn a_directory_skips_what_it_cannot_read() {
        let tmp = temp_dir("dir");
        let dir = tmp.path().to_path_buf();
        fs::write(dir.join("a.txt"), crate::load::BUNDLED).unwrap();
        fs::write(dir.join("b.bin"), b"\xff\xfe\x00").unwrap();
        let loaded = load_paths(std::slice::from_ref(&dir)).unwrap();
        assert_eq!(loaded.warnings.len(), 1);
        assert!(loaded.warnings[0].path.ends_with("b.bin"));
        assert!(!loaded.corpus.is_empty());
    }
}
