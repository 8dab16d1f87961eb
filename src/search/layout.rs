//! The search index's tables as bytes: one fixed-size record per field and
//! per span, the same whether the index was built in memory or is read
//! from a mapped flat file, so both are searched by the same code.

use crate::model::PostId;
use crate::model::bytes::{Put, Reader};
use crate::model::flat::records::Record;

use super::query::FieldClass;
use super::{Location, SourceField};

/// Marks a span whose bytes map one to one onto the original text.
pub(super) const LINEAR: usize = usize::MAX;

/// A stretch of folded text and where it came from in its field.
///
/// Either a linear run (`len == LINEAR`): folded byte `folded + k` is original
/// byte `orig + k`, up to the next span; or one unit, a character with any
/// combining marks after it, that folded to a different length: all its
/// folded bytes map to the `len` original bytes at `orig`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub folded: usize,
    pub orig: usize,
    pub len: usize,
}

/// One searchable field: where its folded text is, whose it is, and which
/// spans map it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field {
    pub folded: std::ops::Range<usize>,
    pub post: PostId,
    pub location: Location,
    pub class: FieldClass,
    pub spans: std::ops::Range<usize>,
}

/// A field as stored; `None` parts are what a damaged file holds where a
/// field belongs, and such a field is never matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FieldRecord(pub Option<Field>);

impl Record for FieldRecord {
    const SIZE: usize = 8 + 4 + 4 + 1 + 1 + 4 + 4 + 8 + 4;

    fn read(reader: &mut Reader) -> FieldRecord {
        let (start, len, post) = (reader.u64(), reader.u32(), reader.u32());
        let (class, tag, a, b) = (reader.u8(), reader.u8(), reader.u32(), reader.u32());
        let (spans, spans_len) = (reader.u64(), reader.u32());
        let field = (|| {
            let start = usize::try_from(start).ok()?;
            let spans = usize::try_from(spans).ok()?;
            Some(Field {
                folded: start..start.checked_add(len as usize)?,
                post: PostId(post as usize),
                location: location_of(tag, a as usize, b)?,
                class: class_of(class)?,
                spans: spans..spans.checked_add(spans_len as usize)?,
            })
        })();
        FieldRecord(field)
    }

    fn put(&self, out: &mut Vec<u8>) {
        let Some(field) = &self.0 else {
            out.extend_from_slice(&[0xff; Self::SIZE]);
            return;
        };
        let (tag, a, b) = match field.location {
            Location::Title => (0, 0, 0),
            Location::Block(n) => (1, n, 0),
            Location::Comment { comment, block } => (2, comment, block),
            Location::Source(n, part) => (3, n, part as usize),
        };
        out.put_u64(field.folded.start as u64);
        out.put_u32(narrow(field.folded.len()));
        out.put_u32(narrow(field.post.0));
        out.put_u8(field.class as u8);
        out.put_u8(tag);
        out.put_u32(narrow(a));
        out.put_u32(narrow(b));
        out.put_u64(field.spans.start as u64);
        out.put_u32(narrow(field.spans.len()));
    }
}

/// A number that fits in 32 bits in any corpus pundit can hold (a field
/// of 4 GiB, four billion posts or blocks): saturated rather than wrapped
/// if it ever did not, so the field reads back as damaged, not as another.
fn narrow(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn location_of(tag: u8, a: usize, b: u32) -> Option<Location> {
    Some(match tag {
        0 => Location::Title,
        1 => Location::Block(a),
        2 => Location::Comment {
            comment: a,
            block: b as usize,
        },
        3 => Location::Source(
            a,
            match b {
                0 => SourceField::Outlet,
                1 => SourceField::Headline,
                2 => SourceField::Url,
                _ => return None,
            },
        ),
        _ => return None,
    })
}

fn class_of(byte: u8) -> Option<FieldClass> {
    [
        FieldClass::Commentary,
        FieldClass::Quote,
        FieldClass::Source,
        FieldClass::Comment,
    ]
    .into_iter()
    .find(|class| *class as u8 == byte)
}

impl Record for Span {
    const SIZE: usize = 8 + 4 + 4;

    fn read(reader: &mut Reader) -> Span {
        let (folded, orig, len) = (reader.u64(), reader.u32(), reader.u32());
        Span {
            folded: usize::try_from(folded).unwrap_or(usize::MAX),
            orig: orig as usize,
            len: if len == u32::MAX {
                LINEAR
            } else {
                len as usize
            },
        }
    }

    fn put(&self, out: &mut Vec<u8>) {
        out.put_u64(self.folded as u64);
        out.put_u32(narrow(self.orig));
        out.put_u32(if self.len == LINEAR {
            u32::MAX
        } else {
            narrow(self.len).min(u32::MAX - 1)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bytes::Bytes;
    use crate::model::flat::records::Table;

    #[test]
    fn fields_and_spans_read_back_as_written() {
        let fields = [
            Field {
                folded: 10..20,
                post: PostId(3),
                location: Location::Comment {
                    comment: 2,
                    block: 5,
                },
                class: FieldClass::Comment,
                spans: 7..9,
            },
            Field {
                folded: 21..22,
                post: PostId(4),
                location: Location::Source(1, SourceField::Url),
                class: FieldClass::Source,
                spans: 9..10,
            },
        ];
        let mut bytes = Vec::new();
        for field in &fields {
            FieldRecord(Some(field.clone())).put(&mut bytes);
        }
        let table: Table<FieldRecord> = Table::new(Bytes::new(bytes));
        assert_eq!(table.get(0).and_then(|f| f.0), Some(fields[0].clone()));
        assert_eq!(table.get(1).and_then(|f| f.0), Some(fields[1].clone()));
        let span = Span {
            folded: 5,
            orig: 9,
            len: LINEAR,
        };
        let mut bytes = Vec::new();
        span.put(&mut bytes);
        assert_eq!(Table::<Span>::new(Bytes::new(bytes)).get(0), Some(span));
    }

    #[test]
    fn a_field_of_unknown_kind_reads_as_damaged() {
        let mut bytes = vec![0u8; FieldRecord::SIZE];
        bytes[17] = 9; // the location's tag
        let table: Table<FieldRecord> = Table::new(Bytes::new(bytes));
        assert_eq!(table.get(0), Some(FieldRecord(None)));
    }
}
