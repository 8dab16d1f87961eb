//! The fixed-size records of a flat file's tables, and the checked table
//! that reads them.
//!
//! A string is a [`Str`]: where it starts in the text section and its
//! length. A list is a [`Run`]: the first and one past the last record of
//! another table. "None" is all ones (`u32::MAX`, `u64::MAX`).

use std::marker::PhantomData;
use std::ops::Range;

use crate::model::BlockKind;
use crate::model::bytes::{Bytes, Put, Reader};

/// Stands for "none" in a number field.
pub const NONE_U32: u32 = u32::MAX;
const NONE_U64: u64 = u64::MAX;

/// A string in the text section; `None` for a missing optional string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Str(pub Option<(u64, u32)>);

impl Str {
    pub const SIZE: usize = 12;

    fn read(reader: &mut Reader) -> Str {
        let (at, len) = (reader.u64(), reader.u32());
        Str((at != NONE_U64).then_some((at, len)))
    }

    fn put(self, out: &mut Vec<u8>) {
        let (at, len) = self.0.unwrap_or((NONE_U64, 0));
        out.put_u64(at);
        out.put_u32(len);
    }

    /// The byte range in the text section, if there is a string.
    pub fn range(self) -> Option<Range<usize>> {
        let (at, len) = self.0?;
        let start = usize::try_from(at).ok()?;
        Some(start..start.checked_add(len as usize)?)
    }
}

/// A run of records of another table: `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Run {
    pub start: u32,
    pub end: u32,
}

impl Run {
    fn read(reader: &mut Reader) -> Run {
        Run {
            start: reader.u32(),
            end: reader.u32(),
        }
    }

    fn put(self, out: &mut Vec<u8>) {
        out.put_u32(self.start);
        out.put_u32(self.end);
    }

    /// The indices of the run; empty if it runs backwards.
    pub fn indices(self) -> Range<usize> {
        let (start, end) = (self.start as usize, self.end as usize);
        start..end.max(start)
    }
}

/// A record of fixed size in a table.
pub trait Record: Sized {
    const SIZE: usize;
    fn read(reader: &mut Reader) -> Self;
    fn put(&self, out: &mut Vec<u8>);
}

/// A table of records in a section, read one record at a time.
#[derive(Debug, Clone)]
pub struct Table<R> {
    bytes: Bytes,
    record: PhantomData<fn() -> R>,
}

impl<R> Default for Table<R> {
    fn default() -> Table<R> {
        Table {
            bytes: Bytes::default(),
            record: PhantomData,
        }
    }
}

impl<R: Record> Table<R> {
    /// The table in `bytes`; whatever does not make a whole record at the
    /// end is left out.
    pub fn new(bytes: Bytes) -> Table<R> {
        let whole = bytes.len() / R::SIZE * R::SIZE;
        Table {
            bytes: bytes.slice(0..whole).unwrap_or_default(),
            record: PhantomData,
        }
    }

    pub fn len(&self) -> usize {
        self.bytes.len() / R::SIZE
    }

    /// The table's bytes, as written.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, index: usize) -> Option<R> {
        let start = index.checked_mul(R::SIZE)?;
        let bytes = self.bytes.get(start..start + R::SIZE)?;
        Some(R::read(&mut Reader::new(bytes)))
    }

    /// Lets go of the pages holding records `records` (see
    /// [`Bytes::release`]); what lies past the table's end is ignored.
    pub fn release(&self, records: Range<usize>) {
        let end = records.end.min(self.len());
        let start = records.start.min(end);
        if let Some(part) = self.bytes.slice(start * R::SIZE..end * R::SIZE) {
            part.release();
        }
    }

    /// The records of `run` that the table has.
    pub fn run(&self, run: Run) -> impl ExactSizeIterator<Item = R> + '_ {
        let indices = run.indices();
        let end = indices.end.min(self.len());
        let start = indices.start.min(end);
        // One slice for the run: a large run is read without a bounds
        // check and a look through the shared buffer per record.
        let bytes = (self.bytes)
            .get(start * R::SIZE..end * R::SIZE)
            .unwrap_or_default();
        (bytes.chunks_exact(R::SIZE)).map(|record| R::read(&mut Reader::new(record)))
    }
}

impl Record for u32 {
    const SIZE: usize = 4;
    fn read(reader: &mut Reader) -> u32 {
        reader.u32()
    }
    fn put(&self, out: &mut Vec<u8>) {
        out.put_u32(*self);
    }
}

impl Record for Str {
    const SIZE: usize = Str::SIZE;
    fn read(reader: &mut Reader) -> Str {
        Str::read(reader)
    }
    fn put(&self, out: &mut Vec<u8>) {
        Str::put(*self, out);
    }
}

fn read_optional_u32(reader: &mut Reader) -> Option<u32> {
    let value = reader.u32();
    (value != NONE_U32).then_some(value)
}

fn put_optional_u32(value: Option<u32>, out: &mut Vec<u8>) {
    out.put_u32(value.unwrap_or(NONE_U32));
}

/// A post: its strings, and where its lists are in the other tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PostRecord {
    pub id: Str,
    pub title: Str,
    pub author: Str,
    pub date: Str,
    pub url: Str,
    pub comment_count: Option<u32>,
    /// In [`super::Kind::Names`].
    pub tags: Run,
    /// In [`super::Kind::Names`].
    pub topics: Run,
    pub blocks: Run,
    pub sources: Run,
    pub comments: Run,
}

impl Record for PostRecord {
    const SIZE: usize = 5 * Str::SIZE + 4 + 5 * 8;
    fn read(reader: &mut Reader) -> PostRecord {
        PostRecord {
            id: Str::read(reader),
            title: Str::read(reader),
            author: Str::read(reader),
            date: Str::read(reader),
            url: Str::read(reader),
            comment_count: read_optional_u32(reader),
            tags: Run::read(reader),
            topics: Run::read(reader),
            blocks: Run::read(reader),
            sources: Run::read(reader),
            comments: Run::read(reader),
        }
    }
    fn put(&self, out: &mut Vec<u8>) {
        for text in [self.id, self.title, self.author, self.date, self.url] {
            text.put(out);
        }
        put_optional_u32(self.comment_count, out);
        for run in [
            self.tags,
            self.topics,
            self.blocks,
            self.sources,
            self.comments,
        ] {
            run.put(out);
        }
    }
}

/// A block of a post or a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockRecord {
    pub kind: BlockKind,
    pub source: Option<u32>,
    pub text: Str,
}

/// The byte a block kind is stored as; an unknown byte reads as a
/// paragraph.
fn kind_byte(kind: BlockKind) -> u8 {
    BlockKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u8
}

impl Record for BlockRecord {
    const SIZE: usize = 1 + 4 + Str::SIZE;
    fn read(reader: &mut Reader) -> BlockRecord {
        let kind = BlockKind::ALL
            .get(usize::from(reader.u8()))
            .copied()
            .unwrap_or(BlockKind::Paragraph);
        BlockRecord {
            kind,
            source: read_optional_u32(reader),
            text: Str::read(reader),
        }
    }
    fn put(&self, out: &mut Vec<u8>) {
        out.put_u8(kind_byte(self.kind));
        put_optional_u32(self.source, out);
        self.text.put(out);
    }
}

/// A source of a post or a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceRecord {
    pub outlet: Str,
    pub headline: Str,
    pub url: Str,
}

impl Record for SourceRecord {
    const SIZE: usize = 3 * Str::SIZE;
    fn read(reader: &mut Reader) -> SourceRecord {
        SourceRecord {
            outlet: Str::read(reader),
            headline: Str::read(reader),
            url: Str::read(reader),
        }
    }
    fn put(&self, out: &mut Vec<u8>) {
        for text in [self.outlet, self.headline, self.url] {
            text.put(out);
        }
    }
}

/// A comment of a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommentRecord {
    pub id: Str,
    pub parent: Option<u32>,
    pub author: Str,
    pub date: Str,
    pub label: Str,
    pub blocks: Run,
    pub sources: Run,
}

impl Record for CommentRecord {
    const SIZE: usize = 4 * Str::SIZE + 4 + 2 * 8;
    fn read(reader: &mut Reader) -> CommentRecord {
        CommentRecord {
            id: Str::read(reader),
            parent: read_optional_u32(reader),
            author: Str::read(reader),
            date: Str::read(reader),
            label: Str::read(reader),
            blocks: Run::read(reader),
            sources: Run::read(reader),
        }
    }
    fn put(&self, out: &mut Vec<u8>) {
        self.id.put(out);
        put_optional_u32(self.parent, out);
        for text in [self.author, self.date, self.label] {
            text.put(out);
        }
        self.blocks.put(out);
        self.sources.put(out);
    }
}

/// A node of the topic tree: its name, its subtopics (later nodes of the
/// same table) and its posts (in [`super::Kind::TopicPosts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicRecord {
    pub name: Str,
    pub children: Run,
    pub posts: Run,
}

impl Record for TopicRecord {
    const SIZE: usize = Str::SIZE + 2 * 8;
    fn read(reader: &mut Reader) -> TopicRecord {
        TopicRecord {
            name: Str::read(reader),
            children: Run::read(reader),
            posts: Run::read(reader),
        }
    }
    fn put(&self, out: &mut Vec<u8>) {
        self.name.put(out);
        self.children.put(out);
        self.posts.put(out);
    }
}

/// An outlet and the posts citing it (in [`super::Kind::OutletPosts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutletRecord {
    pub name: Str,
    pub posts: Run,
}

impl Record for OutletRecord {
    const SIZE: usize = Str::SIZE + 8;
    fn read(reader: &mut Reader) -> OutletRecord {
        OutletRecord {
            name: Str::read(reader),
            posts: Run::read(reader),
        }
    }
    fn put(&self, out: &mut Vec<u8>) {
        self.name.put(out);
        self.posts.put(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<R: Record + PartialEq + std::fmt::Debug>(record: R) {
        let mut bytes = Vec::new();
        record.put(&mut bytes);
        assert_eq!(bytes.len(), R::SIZE);
        let table: Table<R> = Table::new(Bytes::new(bytes));
        assert_eq!(table.get(0), Some(record));
        assert_eq!(table.get(1), None);
    }

    #[test]
    fn records_read_back_as_written() {
        let text = Str(Some((7, 3)));
        round_trip(PostRecord {
            id: text,
            title: text,
            author: Str(None),
            comment_count: Some(4),
            blocks: Run { start: 1, end: 9 },
            ..PostRecord::default()
        });
        round_trip(BlockRecord {
            kind: BlockKind::Contributor,
            source: None,
            text,
        });
        round_trip(CommentRecord {
            id: text,
            parent: Some(0),
            author: text,
            date: Str(None),
            label: text,
            blocks: Run { start: 2, end: 3 },
            sources: Run::default(),
        });
    }

    #[test]
    fn a_backward_run_is_empty_and_a_long_one_stops_at_the_table() {
        assert!(Run { start: 5, end: 2 }.indices().is_empty());
        let mut bytes = Vec::new();
        for n in 0..3u32 {
            n.put(&mut bytes);
        }
        let table: Table<u32> = Table::new(Bytes::new(bytes));
        let all: Vec<u32> = table.run(Run { start: 1, end: 99 }).collect();
        assert_eq!(all, [1, 2]);
    }
}
