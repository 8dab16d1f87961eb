//! The flat form of a corpus and its search index: one file of sections,
//! each a run of bytes that is read where it lies (memory-mapped) rather
//! than parsed, so a gigabyte archive opens in milliseconds.
//!
//! # Why a layout of our own
//!
//! Zero-copy archive crates (rkyv, with bytecheck) make every structure
//! safe to read only after validating all of it, which for a gigabyte is a
//! pass over a gigabyte before the first frame, or reading unvalidated
//! bytes, which is undefined behaviour if the file was damaged. pundit's
//! data is a few tables of fixed-size records and one arena of text, so
//! the layout is small enough to own: every record is decoded from
//! little-endian bytes through checked reads ([`super::bytes`]), a string
//! is UTF-8-checked as it is read, and no byte pattern can cause a panic
//! or undefined behaviour. Damage that structure cannot see (a changed
//! letter) is caught by a checksum per section: small sections are checked
//! when the file is opened, the large ones (the text, the folded text)
//! in the background by whoever opened it (see [`FlatFile::verify`]).
//!
//! # Layout
//!
//! All numbers are little-endian. A header, then the sections:
//!
//! ```text
//! magic "pundit\0c" · version u32 · section count u32
//! per section: kind u32 · 0u32 · offset u64 · length u64 · xxh3 u64
//! xxh3 of the header so far u64
//! sections, back to back, in the order they were written
//! ```
//!
//! The file ends where its last section does: a shorter file was cut
//! short. What each section holds is documented by its [`Kind`]; records
//! are described in [`records`].

pub mod corpus;
pub mod records;
mod write;

use std::io::{self, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::model::{Corpus, Post};
use crate::search::{FoldingIndex, SearchIndex};

use xxhash_rust::xxh3::Xxh3;

use super::bytes::{Bytes, Put, Reader};

/// The first bytes of every flat file.
pub const MAGIC: [u8; 8] = *b"pundit\0c";

/// The layout's version: a file of another version is never read, it is
/// rebuilt. Raise it with any change to what a section holds.
pub const VERSION: u32 = 1;

/// The most sections a file may have.
const MAX_SECTIONS: usize = 32;

/// Bytes of the header before its section table.
const HEAD: usize = 16;

/// Bytes of one entry of the section table.
const ENTRY: usize = 32;

/// What a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Lines of text: the archive's identity, then the warnings its load
    /// gave, which a later open repeats.
    Meta = 1,
    /// Every string of the corpus, UTF-8, back to back.
    Text = 2,
    /// One [`records::PostRecord`] per post.
    Posts = 3,
    /// The blocks of posts and comments ([`records::BlockRecord`]).
    Blocks = 4,
    /// The sources of posts and comments ([`records::SourceRecord`]).
    Sources = 5,
    /// One [`records::CommentRecord`] per comment.
    Comments = 6,
    /// Posts' tags and topic names ([`records::Str`]).
    Names = 7,
    /// The topic tree ([`records::TopicRecord`]); node 0 holds the roots.
    Topics = 8,
    /// The posts of each topic, as post numbers (u32).
    TopicPosts = 9,
    /// Every outlet cited, most cited first ([`records::OutletRecord`]).
    Outlets = 10,
    /// The posts citing each outlet (u32).
    OutletPosts = 11,
    /// Post numbers (u32) in the order of their ids, to find a post by id.
    ById = 12,
    /// The search index's fields (see `crate::search`).
    Fields = 13,
    /// The search index's folded text, case kept (see `crate::search`).
    Folded = 14,
    /// The search index's folded text, lower-cased.
    Lower = 15,
    /// The search index's map from folded text back to the original.
    Spans = 16,
}

impl Kind {
    const ALL: [Kind; 16] = [
        Kind::Meta,
        Kind::Text,
        Kind::Posts,
        Kind::Blocks,
        Kind::Sources,
        Kind::Comments,
        Kind::Names,
        Kind::Topics,
        Kind::TopicPosts,
        Kind::Outlets,
        Kind::OutletPosts,
        Kind::ById,
        Kind::Fields,
        Kind::Folded,
        Kind::Lower,
        Kind::Spans,
    ];

    fn from_u32(value: u32) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| *kind as u32 == value)
    }
}

/// Why a flat file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("not a pundit cache file")]
    NotFlat,
    #[error("written by another version of pundit (layout {0}, this one reads {VERSION})")]
    OtherVersion(u32),
    #[error("cut short ({found} of {expected} bytes)")]
    Truncated { found: u64, expected: u64 },
    #[error("damaged ({0})")]
    Damaged(String),
}

/// A section as the header describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    kind: Kind,
    offset: u64,
    len: u64,
    hash: u64,
}

/// Which sections to check against their checksums on opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    /// Every section (a command that reads once and exits).
    All,
    /// Sections up to this many bytes; [`FlatFile::verify`] checks the
    /// rest later (the reader, whose first frame must not wait).
    UpTo(u64),
    /// None (for fuzzing the structure behind the checksums).
    Nothing,
}

/// An opened flat file: its sections, found and bounds-checked.
#[derive(Debug, Clone)]
pub struct FlatFile {
    bytes: Bytes,
    entries: Vec<Entry>,
    /// Sections not yet checked against their checksums.
    unverified: Vec<Kind>,
    /// Set once every section has passed its check, by this file or by
    /// any clone of it (see [`FlatFile::checks`]).
    checked: Checked,
}

/// Whether every section of a flat file has passed its check, shared by
/// the file and its clones: what reads the file learns when a check made
/// elsewhere (in the background, on a clone) has passed.
#[derive(Debug, Clone, Default)]
pub struct Checked(Arc<AtomicBool>);

impl Checked {
    /// Whether every section of the file has passed its check: the file is
    /// as pundit wrote it.
    pub fn passed(&self) -> bool {
        self.0.load(Ordering::Acquire)
    }

    fn set(&self) {
        self.0.store(true, Ordering::Release);
    }
}

impl FlatFile {
    /// Reads the header of `bytes`, checks that every section lies inside
    /// and that the file is whole, and checks the checksums `verify` asks for.
    pub fn open(bytes: Bytes, verify: Verify) -> Result<FlatFile, Damage> {
        let head = bytes.get(0..HEAD).ok_or(Damage::NotFlat)?;
        if head[..8] != MAGIC {
            return Err(Damage::NotFlat);
        }
        let mut reader = Reader::new(&head[8..]);
        let version = reader.u32();
        if version != VERSION {
            return Err(Damage::OtherVersion(version));
        }
        let count = reader.u32() as usize;
        if count > MAX_SECTIONS {
            return Err(Damage::Damaged("a header with too many sections".into()));
        }
        let table_end = HEAD + count * ENTRY;
        let header = bytes.get(0..table_end + 8).ok_or(Damage::Truncated {
            found: bytes.len() as u64,
            expected: (table_end + 8) as u64,
        })?;
        let stored = Reader::new(&header[table_end..]).u64();
        if xxhash_rust::xxh3::xxh3_64(&header[..table_end]) != stored {
            return Err(Damage::Damaged("the header's checksum".into()));
        }
        let mut entries = Vec::with_capacity(count);
        for n in 0..count {
            let mut entry = Reader::new(&header[HEAD + n * ENTRY..]);
            let kind = entry.u32();
            let _reserved = entry.u32();
            let kind = Kind::from_u32(kind)
                .ok_or_else(|| Damage::Damaged(format!("a section of unknown kind {kind}")))?;
            let (offset, len, hash) = (entry.u64(), entry.u64(), entry.u64());
            if entries.iter().any(|e: &Entry| e.kind == kind) {
                return Err(Damage::Damaged(format!("two {kind:?} sections")));
            }
            entries.push(Entry {
                kind,
                offset,
                len,
                hash,
            });
        }
        // Sections lie after the header, back to back in the order they
        // were written, so none overlaps another or the header.
        let mut end = (table_end + 8) as u64;
        let mut by_offset: Vec<&Entry> = entries.iter().collect();
        by_offset.sort_by_key(|e| e.offset);
        for entry in by_offset {
            if entry.offset < end {
                return Err(Damage::Damaged(format!(
                    "its {:?} section overlaps what comes before it",
                    entry.kind
                )));
            }
            end = entry
                .offset
                .checked_add(entry.len)
                .ok_or_else(|| Damage::Damaged("a section beyond any file".into()))?;
        }
        let found = bytes.len() as u64;
        if end > found {
            return Err(Damage::Truncated {
                found,
                expected: end,
            });
        } else if end < found {
            return Err(Damage::Damaged(format!(
                "{} bytes after its end",
                found - end
            )));
        }
        // What lies between the header and the first section is written as
        // zeros and read by nobody: a byte changed there is damage all the
        // same.
        let first = entries.iter().map(|e| e.offset).min().unwrap_or(end);
        let padding = bytes
            .get(table_end + 8..usize::try_from(first).unwrap_or(usize::MAX))
            .unwrap_or_default();
        if padding.iter().any(|&byte| byte != 0) {
            return Err(Damage::Damaged("the header's padding".into()));
        }
        let mut file = FlatFile {
            bytes,
            unverified: entries.iter().map(|e| e.kind).collect(),
            entries,
            checked: Checked::default(),
        };
        match verify {
            Verify::All => file.verify_where(|_| true)?,
            Verify::UpTo(limit) => file.verify_where(|e| e.len <= limit)?,
            Verify::Nothing => {}
        }
        Ok(file)
    }

    /// Checks every section not checked yet against its checksum.
    pub fn verify(&mut self) -> Result<(), Damage> {
        self.verify_where(|_| true)
    }

    /// Like [`FlatFile::verify`], with each section's checksum computed by
    /// `hash_of(offset, len)` (xxh3 of those bytes of the file) from
    /// somewhere other than the mapping: reading the file, so that checking
    /// gigabytes leaves none of them resident in the process.
    pub fn verify_with(
        &mut self,
        mut hash_of: impl FnMut(u64, u64) -> io::Result<u64>,
    ) -> Result<(), Damage> {
        for entry in &self.entries {
            if !self.unverified.contains(&entry.kind) {
                continue;
            }
            let hash = hash_of(entry.offset, entry.len)
                .map_err(|error| Damage::Damaged(format!("unreadable ({error})")))?;
            if hash != entry.hash {
                return Err(Damage::Damaged(format!(
                    "the checksum of its {:?} section",
                    entry.kind
                )));
            }
        }
        self.unverified.clear();
        self.checked.set();
        Ok(())
    }

    fn verify_where(&mut self, wanted: impl Fn(&Entry) -> bool) -> Result<(), Damage> {
        for entry in self.entries.iter().filter(|e| wanted(e)) {
            if !self.unverified.contains(&entry.kind) {
                continue;
            }
            let bytes = self.section_bytes(entry);
            if xxhash_rust::xxh3::xxh3_64(bytes.as_slice()) != entry.hash {
                return Err(Damage::Damaged(format!(
                    "the checksum of its {:?} section",
                    entry.kind
                )));
            }
        }
        self.unverified
            .retain(|kind| !self.entries.iter().any(|e| e.kind == *kind && wanted(e)));
        if self.unverified.is_empty() {
            self.checked.set();
        }
        Ok(())
    }

    /// Whether every section has been checked against its checksum.
    pub fn is_verified(&self) -> bool {
        self.unverified.is_empty()
    }

    /// Whether every section of this file has passed its check, here or
    /// on a clone, now or later.
    pub fn checks(&self) -> Checked {
        self.checked.clone()
    }

    fn section_bytes(&self, entry: &Entry) -> Bytes {
        // `open` checked that every section lies inside the file.
        let range = entry.offset as usize..(entry.offset + entry.len) as usize;
        self.bytes.slice(range).unwrap_or_default()
    }

    /// The bytes of the `kind` section; empty if the file has none.
    pub fn section(&self, kind: Kind) -> Bytes {
        self.entries
            .iter()
            .find(|e| e.kind == kind)
            .map(|e| self.section_bytes(e))
            .unwrap_or_default()
    }

    /// The lines of the meta section, as [`write_flat`] was given them.
    pub fn meta(&self) -> Vec<String> {
        corpus::meta_lines(&self.section(Kind::Meta))
    }

    /// The file's size in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// Writes `corpus` and its search `index` to `out` as a flat file, with
/// `meta` as the lines of its meta section (the archive's identity, the
/// warnings its load gave). Gives `out` back, written to its end.
pub fn write_flat<W: Write + Seek>(
    corpus: &Corpus,
    index: &SearchIndex,
    meta: &[String],
    out: W,
) -> io::Result<W> {
    let mut writer = SectionWriter::new(out)?;
    write::write_corpus(corpus, meta, &mut writer, None)?;
    index.write_sections(&mut writer)?;
    writer.finish()
}

/// Writes `corpus` and its search index to `out` as [`write_flat`] does,
/// byte for byte, folding the index as it is written rather than taking
/// one built (see [`FlatWriter`]): a corpus being cached is written
/// without its index in memory beside it. Unnamed temporary files in
/// `spool_dir` hold what is written out of order.
pub fn write_flat_indexing<W: Write + Seek>(
    corpus: &Corpus,
    meta: &[String],
    out: W,
    spool_dir: &Path,
) -> io::Result<W> {
    let mut writer = FlatWriter::new(out, spool_dir)?;
    for post in corpus.posts() {
        writer.add_post(&post)?;
    }
    writer.finish(corpus, meta)
}

/// Writes a flat file a post at a time, its search index folded as the
/// posts come (see [`FoldingIndex`]), so that neither the posts nor the
/// index need be held whole: an archive being parsed is written a batch of
/// posts at a time, each dropped once written. The tables and the index
/// are gathered in unnamed temporary files in a directory given, and
/// copied into place at the end; the result is the file [`write_flat`]
/// writes for the corpus of the same posts.
pub struct FlatWriter<W: Write + Seek> {
    out: SectionWriter<W>,
    corpus: write::CorpusSections,
    index: FoldingIndex,
}

impl<W: Write + Seek> FlatWriter<W> {
    pub fn new(out: W, spool_dir: &Path) -> io::Result<FlatWriter<W>> {
        let mut out = SectionWriter::new(out)?;
        let corpus = write::CorpusSections::begin(&mut out, Some(spool_dir))?;
        Ok(FlatWriter {
            out,
            corpus,
            index: FoldingIndex::new(spool_dir)?,
        })
    }

    /// Writes the corpus's next post, all but its topics.
    pub fn add_post(&mut self, post: &Post) -> io::Result<()> {
        self.corpus.add_post(post, &mut self.out)?;
        self.index.add_post(post)
    }

    /// Writes the rest: the topics, outlets and ids of `corpus`, whose posts
    /// are those written, in the same order (their comments may be left
    /// out: none of these read them), `meta` as the meta section's lines,
    /// then the search index. Gives the output back, written to its end.
    pub fn finish(mut self, corpus: &Corpus, meta: &[String]) -> io::Result<W> {
        self.corpus.finish(corpus, meta, &mut self.out)?;
        self.index.write_sections(&mut self.out)?;
        self.out.finish()
    }
}

/// Where posts are written one after another, in corpus order.
pub trait AddPost {
    fn add_post(&mut self, post: &Post) -> io::Result<()>;
}

impl<W: Write + Seek> AddPost for FlatWriter<W> {
    fn add_post(&mut self, post: &Post) -> io::Result<()> {
        FlatWriter::add_post(self, post)
    }
}

/// Writes a flat file: a header with room for the section table, then
/// each section as it is written, hashed on the way; [`SectionWriter::finish`]
/// goes back and fills the table in.
pub struct SectionWriter<W: Write + Seek> {
    out: W,
    at: u64,
    entries: Vec<Entry>,
    open: Option<(Kind, u64, Xxh3)>,
}

impl<W: Write + Seek> SectionWriter<W> {
    /// Bytes reserved for the header: the most sections a file may have.
    const RESERVED: u64 = (HEAD + MAX_SECTIONS * ENTRY + 8) as u64;

    pub fn new(mut out: W) -> io::Result<SectionWriter<W>> {
        out.write_all(&vec![0u8; Self::RESERVED as usize])?;
        Ok(SectionWriter {
            out,
            at: Self::RESERVED,
            entries: Vec::new(),
            open: None,
        })
    }

    /// Starts the `kind` section; what is written goes into it until
    /// [`SectionWriter::end`].
    pub fn begin(&mut self, kind: Kind) {
        self.end();
        self.open = Some((kind, self.at, Xxh3::new()));
    }

    /// Ends the section being written, if any.
    pub fn end(&mut self) {
        if let Some((kind, offset, hasher)) = self.open.take() {
            self.entries.push(Entry {
                kind,
                offset,
                len: self.at - offset,
                hash: hasher.digest(),
            });
        }
    }

    /// Writes the header and gives the output back.
    pub fn finish(mut self) -> io::Result<W> {
        self.end();
        let mut header = Vec::with_capacity(Self::RESERVED as usize);
        header.extend_from_slice(&MAGIC);
        header.put_u32(VERSION);
        header.put_u32(self.entries.len() as u32);
        for entry in &self.entries {
            header.put_u32(entry.kind as u32);
            header.put_u32(0);
            header.put_u64(entry.offset);
            header.put_u64(entry.len);
            header.put_u64(entry.hash);
        }
        let hash = xxhash_rust::xxh3::xxh3_64(&header);
        header.put_u64(hash);
        // The rest of the reserved room stays zero: the first section
        // starts after it, wherever the table ends.
        self.out.flush()?;
        self.out.seek(SeekFrom::Start(0))?;
        self.out.write_all(&header)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write + Seek> Write for SectionWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.out.write(buf)?;
        if let Some((_, _, hasher)) = &mut self.open {
            hasher.update(&buf[..written]);
        }
        self.at += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn sample() -> Vec<u8> {
        let mut writer = SectionWriter::new(Cursor::new(Vec::new())).unwrap();
        writer.begin(Kind::Text);
        writer.write_all(b"hello").unwrap();
        writer.begin(Kind::Meta);
        writer.write_all(b"id\nwarning").unwrap();
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn sections_read_back() {
        let file = FlatFile::open(Bytes::new(sample()), Verify::All).unwrap();
        assert_eq!(file.section(Kind::Text).as_slice(), b"hello");
        assert_eq!(file.section(Kind::Meta).as_slice(), b"id\nwarning");
        assert!(file.section(Kind::Posts).is_empty());
        assert!(file.is_verified());
    }

    #[test]
    fn a_check_passed_on_a_clone_is_known_to_the_file() {
        let file = FlatFile::open(Bytes::new(sample()), Verify::UpTo(4)).unwrap();
        let checks = file.checks();
        assert!(!checks.passed());
        let mut clone = file.clone();
        clone.verify().unwrap();
        assert!(checks.passed() && file.checks().passed());
        assert!(
            FlatFile::open(Bytes::new(sample()), Verify::All)
                .unwrap()
                .checks()
                .passed()
        );
    }

    #[test]
    fn damage_of_every_kind_is_told_apart() {
        let good = sample();
        let open = |bytes: Vec<u8>| FlatFile::open(Bytes::new(bytes), Verify::All).unwrap_err();
        assert_eq!(open(b"not a cache".to_vec()), Damage::NotFlat);
        let mut other = good.clone();
        other[8] = 9;
        assert_eq!(open(other), Damage::OtherVersion(9));
        assert!(matches!(
            open(good[..good.len() - 1].to_vec()),
            Damage::Truncated { .. }
        ));
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(matches!(open(flipped.clone()), Damage::Damaged(_)));
        // Unchecked, the same bytes open, and the check is left for later.
        let mut file = FlatFile::open(Bytes::new(flipped), Verify::UpTo(4)).unwrap();
        assert!(!file.is_verified());
        assert!(file.verify().is_err());
    }

    #[test]
    fn no_prefix_and_no_flipped_byte_panics() {
        let good = sample();
        for end in 0..good.len() {
            assert!(FlatFile::open(Bytes::new(good[..end].to_vec()), Verify::Nothing).is_err());
        }
        for at in 0..good.len() {
            for bit in [0x01, 0x80] {
                let mut bytes = good.clone();
                bytes[at] ^= bit;
                let _ = FlatFile::open(Bytes::new(bytes), Verify::All);
            }
        }
    }
}
