//! Reading archives from disk: files and directories, format detection,
//! errors that name the file and the place.
//!
//! Files are only ever opened for reading. Only regular files and
//! directories are read (see [`walk`]). Every file name and every piece of
//! a file quoted in a message is cleaned as article text is, so a message
//! can be printed as it is.

mod encoding;
pub mod walk;

use std::fmt;
use std::fs;
use std::io::{BufRead, BufReader, Read};
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

/// Why an archive could not be loaded. Its `Display` is one line that names
/// the file and, where it can, the place in it.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error(
        "{path}: UTF-16 text that does not decode (an unpaired surrogate or a lone byte at offset {offset})"
    )]
    BadUtf16 { path: String, offset: usize },
    #[error("{path}: {kind}, not a file or a directory")]
    NotAFile { path: String, kind: &'static str },
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{path}: empty file, no posts")]
    Empty { path: String },
    #[error("{path}: no posts found")]
    NoPosts { path: String },
    #[error("{path}: changed while it was being read")]
    Changed { path: String },
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
    let size_of = |path: &Path| fs::metadata(path).map_or(0, |m| m.len());
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
                warnings.push(Warning::skipped(&file.path, error.to_string()));
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
        corpus: merge(parts),
        warnings,
    })
}

/// What one file held, and what is worth saying about how it was read.
struct Parsed {
    posts: Vec<Post>,
    topics: Option<Vec<Topic>>,
    warnings: Vec<Warning>,
}

fn merge(mut parts: Vec<Parsed>) -> Corpus {
    if parts.len() == 1 {
        let only = parts.pop().expect("one part");
        return Corpus::new(only.posts, only.topics);
    }
    let posts: Vec<Post> = parts.into_iter().flat_map(|p| p.posts).collect();
    Corpus::new(posts, None)
}

/// Reads and parses one file in the format its first bytes show (the
/// extension as a hint; see [`detect::format_of`]), UTF-16 decoded first.
fn load_file(path: &Path, progress: &mut dyn FnMut(u64)) -> Result<Parsed, LoadError> {
    let name = name_of(path);
    let io_error = |source| LoadError::Io {
        path: name.clone(),
        source,
    };
    let (file, expected) = walk::open_regular(path)?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let head = reader.fill_buf().map_err(io_error)?;
    if let Some((order, mark)) = utf16_of(head) {
        let bytes = read_bytes(reader, path, &name, expected, progress)?;
        let text = decode_utf16(&bytes[mark..], order).map_err(|at| LoadError::BadUtf16 {
            path: name.clone(),
            offset: mark + at,
        })?;
        drop(bytes);
        let format = format_of(path, &name, text.as_bytes())?;
        return parse_text(format, path, &name, &text);
    }
    let format = format_of(path, &name, head)?;
    let posts = match format {
        // Plain text and WordPress exports are read as they stream in.
        Format::PlainText => {
            let paragraphs = read_paragraphs(reader, path, &name, expected, progress)?;
            if paragraphs.is_empty() {
                return Err(LoadError::Empty { path: name });
            }
            text::posts_from(paragraphs)
        }
        Format::Wxr => {
            let mut read = 0;
            let posts = wxr::read(&name, reader, &mut |at| {
                read = at;
                progress(at);
            })?;
            check_unchanged(path, &name, expected, read)?;
            posts
        }
        _ => {
            let bytes = read_bytes(reader, path, &name, expected, progress)?;
            let content = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
                path: name.clone(),
                offset: e.utf8_error().valid_up_to(),
            })?;
            return parse_text(format, path, &name, &content);
        }
    };
    parsed(&name, posts)
}

/// The format of the file at `path` that opens with `head`; a file in no
/// format pundit reads is an error that says what it looks like.
fn format_of(path: &Path, name: &str, head: &[u8]) -> Result<Format, LoadError> {
    let extension = path.extension().and_then(|e| e.to_str());
    detect::format_of(head, extension).map_err(|unreadable| LoadError::Invalid {
        path: name.into(),
        message: unreadable.to_string(),
    })
}

/// Parses a whole file's text, read or decoded, in `format`.
fn parse_text(format: Format, path: &Path, name: &str, text: &str) -> Result<Parsed, LoadError> {
    let posts = match format {
        Format::Json => return parse_json(path, name, text),
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
        posts,
        topics: None,
        warnings: Vec::new(),
    })
}

/// Splits a plain-text file into paragraphs as it is read, so the whole
/// file is never held beside its paragraphs.
fn read_paragraphs(
    reader: BufReader<fs::File>,
    path: &Path,
    name: &str,
    expected: u64,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<paragraphs::Paragraph>, LoadError> {
    let (mut paragraphs, consumed) = split_while_reading(reader, PROGRESS_STEP, name, progress)?;
    check_unchanged(path, name, expected, consumed)?;
    // The list grew by doubling; what it will not use goes back now, before
    // the posts are built beside it.
    paragraphs.shrink_to_fit();
    Ok(paragraphs)
}

/// Reads `batch` bytes at a time and splits what has been read up to its
/// last blank line (see [`paragraphs::last_cut`]), reporting the bytes read
/// so far. Returns the paragraphs and the number of bytes read.
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
    let mut paragraphs = Vec::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut consumed = 0u64;
    loop {
        let searched = pending.len();
        let read = (&mut reader)
            .take(batch)
            .read_to_end(&mut pending)
            .map_err(io_error)?;
        let at_end = read == 0;
        // A file with no blank line is held until its end: its lines
        // may all be one group.
        let cut = if at_end {
            pending.len()
        } else {
            paragraphs::last_cut(&pending, searched.saturating_sub(1)).unwrap_or(0)
        };
        if cut > 0 {
            let content = std::str::from_utf8(&pending[..cut]).map_err(|e| LoadError::NotUtf8 {
                path: name.into(),
                offset: consumed as usize + e.valid_up_to(),
            })?;
            paragraphs::extend_paragraphs(&mut paragraphs, content);
            pending.drain(..cut);
            consumed += cut as u64;
        }
        // Bytes read, split or not: a file with no blank line still moves
        // the gauge.
        progress(consumed + pending.len() as u64);
        if at_end {
            break;
        }
    }
    Ok((paragraphs, consumed))
}

/// Parses a native JSON file's text.
fn parse_json(path: &Path, name: &str, content: &str) -> Result<Parsed, LoadError> {
    if content.trim().is_empty() {
        return Err(LoadError::Empty { path: name.into() });
    }
    let read = json::parse_noting(name, content)?;
    if read.posts.is_empty() {
        return Err(LoadError::NoPosts { path: name.into() });
    }
    Ok(Parsed {
        posts: read.posts,
        topics: Some(read.topics),
        warnings: read
            .notes
            .iter()
            .map(|note| Warning::new(path, note))
            .collect(),
    })
}

fn read_bytes(
    mut reader: BufReader<fs::File>,
    path: &Path,
    name: &str,
    expected: u64,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, LoadError> {
    let io_error = |source| LoadError::Io {
        path: name.into(),
        source,
    };
    // Read straight into the buffer, a slice at a time so that a large
    // file reports its progress as it comes.
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
    check_unchanged(path, name, expected, bytes.len() as u64)?;
    Ok(bytes)
}

/// A file that shrank or grew while it was read may have been cut mid-post.
fn check_unchanged(path: &Path, name: &str, expected: u64, read: u64) -> Result<(), LoadError> {
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

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pundit-load-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("temp dir");
        dir
    }

    #[test]
    fn missing_file_names_the_file() {
        let error = load_paths(&[PathBuf::from("/no/such/archive.txt")]).unwrap_err();
        assert!(error.to_string().starts_with("/no/such/archive.txt: "));
    }

    #[test]
    fn invalid_utf8_gives_the_offset() {
        let dir = temp_dir("utf8");
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
        for archive in [BUNDLED, &no_blank_lines, &crlf, &wrapped] {
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
        let dir = temp_dir("dir");
        fs::write(dir.join("a.txt"), crate::load::BUNDLED).unwrap();
        fs::write(dir.join("b.bin"), b"\xff\xfe\x00").unwrap();
        let loaded = load_paths(std::slice::from_ref(&dir)).unwrap();
        assert_eq!(loaded.warnings.len(), 1);
        assert!(loaded.warnings[0].path.ends_with("b.bin"));
        assert!(!loaded.corpus.posts.is_empty());
    }
}
