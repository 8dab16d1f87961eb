//! The search index: one contiguous folded copy of all searchable text, and
//! the map from folded offsets back to posts, fields and original bytes.
//!
//! Its text and tables are [`Bytes`]: built in memory, or read where they lie
//! in a mapped flat file ([`SearchIndex::from_flat`]), and searched by the
//! same code; a mapped file's folded text is read from the file a slice at a
//! time rather than through the mapping (see [`SLICE_BYTES`]). Bytes read
//! from a file are untrusted: every offset is checked, and a match a damaged
//! file would place outside its field is dropped.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use unicode_normalization::char::is_combining_mark;

use super::fold;
use super::layout::{Field, FieldRecord, LINEAR, Span};
use super::query::{FieldClass, Matcher, Query};
use super::{Location, Match, SearchResults};
use crate::model::bytes::Bytes;
use crate::model::flat::corpus::FlatCorpus;
use crate::model::flat::records::{Record, Table};
use crate::model::flat::{Checked, FlatFile, Kind, SectionWriter};
use crate::model::{Corpus, PostId};

/// Fields are separated in the folded text by a byte that no folded query
/// contains (folding turns every control character into a space), so a
/// literal match never spans two fields.
const SEPARATOR: char = '\n';

/// A search is done in slices of about this many bytes of folded text, so a
/// cancelled search stops soon. A mapped index's slice is read from its
/// file into one buffer that each slice reuses ([`Bytes::read`]), not
/// through the mapping: a pass over a gigabyte of folded text takes no
/// page fault and leaves none of it in the process's resident memory.
pub(super) const SLICE_BYTES: usize = 1 << 20;

/// A search of a mapped index lets go of the pages it looked up on the way
/// (fields, spans, the corpus text: see [`SearchIndex::release_lookups`])
/// each time it has scanned this many bytes of folded text: often enough
/// that they stay a small part of the reader's memory, rarely enough that
/// unmapping them costs little beside the scan.
const LOOKUPS_KEPT_BYTES: usize = 16 << 20;

/// An index folded straight into a flat file is handed out each time this
/// many bytes of folded text have gathered.
const DRAIN_BYTES: usize = 1 << 20;

/// Every title, block text and source field of a corpus, folded for search.
/// Built once per corpus; see the [module documentation](super).
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Accents folded, whitespace collapsed, case kept: UTF-8 when built,
    /// checked a slice at a time when searched by a regular expression.
    cased: Bytes,
    /// The same, lower-cased character by character; byte for byte as long
    /// as `cased`, so both share `fields` and `spans`.
    lower: Bytes,
    fields: Table<FieldRecord>,
    spans: Table<Span>,
    /// For an index read from a file: the corpus it indexes, against
    /// whose text every match is checked before it is given out.
    checked_against: Option<FlatCorpus>,
    /// For an index read from a file: set once the whole file has passed
    /// its checksums, after which the checks against the corpus are
    /// skipped (the file is as pundit wrote it, index and corpus together).
    file_checked: Checked,
}

impl SearchIndex {
    /// Folds every searchable field of `corpus`, in reading order: each
    /// post's title, its blocks, its comments' blocks, then each source's
    /// outlet, headline and URL.
    pub fn new(corpus: &Corpus) -> Self {
        let capacity = corpus
            .posts()
            .map(|post| {
                post.title.len()
                    + post.blocks.iter().map(|b| b.text.len() + 1).sum::<usize>()
                    + (post.comments.iter())
                        .flat_map(|c| &c.blocks)
                        .map(|b| b.text.len() + 1)
                        .sum::<usize>()
                    + 64 * post.sources.len()
            })
            .sum::<usize>();
        let mut builder = Builder {
            cased: String::with_capacity(capacity),
            lower: String::with_capacity(capacity),
            ..Builder::default()
        };
        for (number, post) in corpus.posts().enumerate() {
            builder.add_post(PostId(number), &post);
        }
        builder.finish()
    }

    /// The index a flat file holds, read where it lies: its text and tables
    /// are slices of the file, and its matches are checked against the
    /// file's corpus, so a damaged file gives fewer matches, never wrong
    /// ones.
    pub fn from_flat(file: &Arc<FlatFile>) -> SearchIndex {
        let (mut cased, mut lower) = (file.section(Kind::Folded), file.section(Kind::Lower));
        if cased.len() != lower.len() {
            (cased, lower) = (Bytes::default(), Bytes::default());
        }
        SearchIndex {
            cased,
            lower,
            fields: Table::new(file.section(Kind::Fields)),
            spans: Table::new(file.section(Kind::Spans)),
            checked_against: Some(FlatCorpus::new(file)),
            file_checked: file.checks(),
        }
    }

    /// Writes the index's sections of a flat file.
    pub fn write_sections<W: Write + Seek>(&self, out: &mut SectionWriter<W>) -> io::Result<()> {
        let sections = [
            (Kind::Folded, &self.cased),
            (Kind::Lower, &self.lower),
            (Kind::Fields, self.fields.bytes()),
            (Kind::Spans, self.spans.bytes()),
        ];
        for (kind, bytes) in sections {
            out.begin(kind);
            out.write_all(bytes.as_slice())?;
        }
        out.end();
        Ok(())
    }

    /// Bytes of folded text searched per query (one copy).
    pub fn folded_len(&self) -> usize {
        self.cased.len()
    }

    /// Every match of `query`, in corpus order.
    pub fn search(&self, query: &Query) -> SearchResults {
        self.search_until(query, &|| false)
            .expect("a search that is never cancelled finishes")
    }

    /// Like [`SearchIndex::search`], but checks `cancelled` between slices of
    /// a few megabytes and gives up (returning `None`) once it says so.
    pub fn search_until(
        &self,
        query: &Query,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<SearchResults> {
        let mut matches = Vec::new();
        let mut walk = Walk::default();
        let (mut room, mut probe) = (Vec::new(), Vec::new());
        let haystack = match &query.matcher {
            Matcher::Nothing => return Some(SearchResults::new(matches)),
            Matcher::Literal(_) if !query.is_case_sensitive() => &self.lower,
            _ => &self.cased,
        };
        let len = haystack.len();
        let (mut start, mut looked_up_from) = (0, 0);
        while start < len {
            if cancelled() {
                return None;
            }
            let window = start..start.saturating_add(SLICE_BYTES).min(len);
            let first = haystack.read(window.clone(), &mut room);
            // A field longer than a window holds no separator: it is read
            // whole, so that a match across the window's end is found and a
            // pattern never sees a character cut in two.
            let longer_field = first.is_some_and(|read| {
                window.end < len && memchr::memrchr(SEPARATOR as u8, read).is_none()
            });
            let read = if longer_field {
                let end = next_separator_end(haystack, window.end, &mut probe);
                haystack.read(start..end, &mut room)
            } else {
                first
            };
            let Some(read) = read else {
                // Unreadable: nothing is found there.
                start = window.end;
                continue;
            };
            // The slice ends after its last separator, so that no field is
            // cut.
            let cut = if start + read.len() == len {
                read.len()
            } else {
                memchr::memrchr(SEPARATOR as u8, read).map_or(read.len(), |at| at + 1)
            };
            let slice = &read[..cut];
            match &query.matcher {
                Matcher::Nothing => break,
                Matcher::Literal(finder) => {
                    let needle = finder.needle().len();
                    for at in finder.find_iter(slice) {
                        let folded = start + at..start + at + needle;
                        self.push_match(query, folded, &mut matches, &mut walk);
                    }
                }
                // Folded text that is not UTF-8 comes from a damaged file:
                // nothing is found in its slice.
                Matcher::Regex(regex) => {
                    if let Ok(text) = std::str::from_utf8(slice) {
                        self.regex_slice(query, regex, text, start, &mut matches, &mut walk);
                    }
                }
            }
            start += cut;
            if start - looked_up_from >= LOOKUPS_KEPT_BYTES {
                self.release_lookups(&mut walk);
                looked_up_from = start;
            }
        }
        self.release_lookups(&mut walk);
        // A damaged file's fields may be out of order; results never are.
        if !matches.is_sorted_by(|a, b| a.place() < b.place()) {
            matches.sort_by_key(Match::place);
            matches.dedup_by_key(|m| m.place());
        }
        Some(SearchResults::new(matches))
    }

    /// Calls `found` with every field in which `query` has a match (inside
    /// its scope), in reading order, once per field, and stops at the first
    /// error `found` returns: what `pundit search` prints, at the speed of
    /// a scan of the folded text. After a field's first match the scan goes
    /// on from the field's end, so a common word costs no more than a rare
    /// one. A field agrees with [`SearchIndex::search`]: it is given here
    /// if and only if that search has a match in it.
    pub fn matching_fields<E>(
        &self,
        query: &Query,
        found: impl FnMut(PostId, Location) -> Result<(), E>,
    ) -> Result<(), E> {
        self.matching_fields_by(SLICE_BYTES, query, found)
    }

    /// [`SearchIndex::matching_fields`], scanning `window` bytes of folded
    /// text at a time.
    pub(super) fn matching_fields_by<E>(
        &self,
        window: usize,
        query: &Query,
        mut found: impl FnMut(PostId, Location) -> Result<(), E>,
    ) -> Result<(), E> {
        let Matcher::Literal(finder) = &query.matcher else {
            // Patterns are rarer and need the full search's care at field
            // ends: take its matches, a field at a time.
            let results = self.search(query);
            let mut previous = None;
            for found_match in results.matches() {
                let field = (found_match.post, found_match.location);
                if previous != Some(field) {
                    previous = Some(field);
                    found(field.0, field.1)?;
                }
            }
            return Ok(());
        };
        let haystack = if query.is_case_sensitive() {
            &self.cased
        } else {
            &self.lower
        };
        let len = haystack.len();
        let needle = finder.needle().len();
        let (mut at, mut looked_up_from) = (0, 0);
        let mut walk = Walk::default();
        // The text is read a window at a time into `room`, and each window
        // is searched on from wherever the scan goes on in it, until too
        // little of it is left to hold a match.
        let mut room = Vec::new();
        while at < len {
            let read = at..at.saturating_add(window.max(needle).max(1)).min(len);
            let Some(text) = haystack.read(read.clone(), &mut room) else {
                // Unreadable: nothing is found there.
                at = read.end;
                continue;
            };
            while at < len && (read.end == len || at.saturating_add(needle) <= read.end) {
                if at - looked_up_from >= LOOKUPS_KEPT_BYTES.max(window) {
                    self.release_lookups(&mut walk);
                    looked_up_from = at;
                }
                let rest = text.get(at - read.start..).unwrap_or_default();
                let Some(offset) = finder.find(rest) else {
                    // A match could start in the last `needle - 1` bytes and
                    // end past the window: the scan goes on from there.
                    at = if read.end == len {
                        len
                    } else {
                        (read.end + 1).saturating_sub(needle).max(at + 1)
                    };
                    break;
                };
                let start = at + offset;
                let Some(field) = self.field_at(start, &mut walk) else {
                    at = start + 1;
                    continue;
                };
                let folded = start..start + needle;
                let counts = query.scope().includes(field.class)
                    && folded.end <= field.folded.end
                    && self
                        .original_range(&field, folded)
                        .is_some_and(|range| self.lies_in_its_field(&field, &range, false));
                if counts {
                    found(field.post, field.location)?;
                    at = field.folded.end.max(start + 1);
                } else if query.scope().includes(field.class) {
                    at = start + 1;
                } else {
                    // Out of scope: nothing in this field counts.
                    at = field.folded.end.max(start + 1);
                }
            }
        }
        self.release_lookups(&mut walk);
        Ok(())
    }

    /// Lets go of the pages of a mapped index's tables, and of its
    /// corpus's, that a search looked up to place its matches since it
    /// last did (see [`LOOKUPS_KEPT_BYTES`]): the fields from the first it
    /// looked at to the last, their spans, and their posts. Fields are in
    /// reading order, so these lie in one stretch of each table; what the
    /// search did not look at (what the screen shows of other posts, the
    /// topic tree) stays. An index in memory keeps its bytes.
    fn release_lookups(&self, walk: &mut Walk) {
        let (Some(first), Some((last, _))) = (walk.first.take(), &walk.last) else {
            return;
        };
        let (first, last) = (first.min(*last), first.max(*last));
        self.fields.release(first..last + 1);
        let (Some(first), Some(last)) = (self.field(first), self.field(last)) else {
            return;
        };
        self.spans
            .release(first.spans.start..last.spans.end.max(first.spans.start));
        if let Some(corpus) = &self.checked_against {
            corpus.release_posts(first.post.0..last.post.0.max(first.post.0) + 1);
        }
    }

    /// Field `index`, if the index has it whole.
    fn field(&self, index: usize) -> Option<Field> {
        self.fields.get(index)?.0
    }

    /// The first field of `among` for which `after` holds, given that it
    /// holds for every field after that one too (fields are in text
    /// order), or `among.end`; a field a damaged file holds none of counts
    /// as after.
    fn first_field_in(&self, among: Range<usize>, after: impl Fn(&Field) -> bool) -> usize {
        let (mut low, mut high) = (among.start, among.end);
        while low < high {
            let middle = low + (high - low) / 2;
            if self.field(middle).is_none_or(|field| after(&field)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        low
    }

    /// Every match of `regex` in `text`, the folded text (case kept) from
    /// byte `base` on, cut between fields.
    fn regex_slice(
        &self,
        query: &Query,
        regex: &regex::Regex,
        text: &str,
        base: usize,
        matches: &mut Vec<Match>,
        walk: &mut Walk,
    ) {
        let mut at = 0;
        while at < text.len() {
            let Some(found) = regex.find_at(text, at) else {
                break;
            };
            let start = base + found.start();
            let field_end = self
                .field_at(start, walk)
                .map_or(found.start(), |f| f.folded.end - base);
            if found.end() <= field_end {
                if found.is_empty() {
                    at = next_char(text, found.end());
                } else {
                    let range = base + found.start()..base + found.end();
                    self.push_match(query, range, matches, walk);
                    at = found.end();
                }
            } else {
                // The match ran past its field (a pattern such as `\s` can
                // match the separator): search that field on its own.
                if let Some(field_text) = text.get(..field_end) {
                    let mut inner = found.start();
                    while let Some(found) = regex.find_at(field_text, inner) {
                        if found.is_empty() {
                            inner = next_char(field_text, found.end());
                        } else {
                            let range = base + found.start()..base + found.end();
                            self.push_match(query, range, matches, walk);
                            inner = found.end();
                        }
                        if inner >= field_end {
                            break;
                        }
                    }
                }
                at = field_end + SEPARATOR.len_utf8();
            }
        }
    }

    /// Maps a folded match back to its field and records it, if the query's
    /// scope includes that field.
    fn push_match(
        &self,
        query: &Query,
        folded: Range<usize>,
        matches: &mut Vec<Match>,
        walk: &mut Walk,
    ) {
        let Some(field) = self.field_at(folded.start, walk) else {
            return;
        };
        if !query.scope().includes(field.class) || folded.end > field.folded.end {
            return;
        }
        let Some(range) = self.original_range(&field, folded) else {
            return;
        };
        let same_field = matches
            .last()
            .is_some_and(|m| m.post == field.post && m.location == field.location);
        if !self.lies_in_its_field(&field, &range, same_field) {
            return;
        }
        // Two matches inside one folded character (`s` and `s` of `ß`) map to
        // the same original bytes: keep one match, so places stay distinct.
        if let Some(previous) = matches.last_mut()
            && previous.post == field.post
            && previous.location == field.location
            && range.start < previous.range.end
        {
            previous.range.end = previous.range.end.max(range.end);
            return;
        }
        matches.push(Match {
            post: field.post,
            location: field.location,
            range,
        });
    }

    /// Whether `range` lies on character boundaries inside `field`'s
    /// original text, which is UTF-8: always for an index built from its
    /// corpus or read from a file that passed its checksums, checked for
    /// one read from a file not yet checked (the text once per field, not
    /// again for its next match: `checked` says it was). The check reads
    /// each field's text through the mapping, which costs a search with
    /// many matches a third of its time.
    fn lies_in_its_field(&self, field: &Field, range: &Range<usize>, checked: bool) -> bool {
        let Some(corpus) = &self.checked_against else {
            return true;
        };
        if self.file_checked.passed() {
            return true;
        }
        let Some(text) = corpus.field_bytes(field.post, field.location) else {
            return false;
        };
        if !checked && std::str::from_utf8(text).is_err() {
            return false;
        }
        let boundary =
            |at: usize| at == text.len() || text.get(at).is_some_and(|&b| (b as i8) >= -0x40);
        range.end <= text.len() && boundary(range.start) && boundary(range.end)
    }

    /// The field whose folded text holds byte `at`. Matches come in
    /// order, many in one field and the next a few fields on: the field
    /// found last (`walk`'s) is tried first, then those after it, a step
    /// twice as long each time, before a binary search between the last
    /// two steps. The field found becomes `walk`'s.
    fn field_at(&self, at: usize, walk: &mut Walk) -> Option<Field> {
        let mut low = 0;
        let mut high = self.fields.len();
        if let Some((index, field)) = &walk.last {
            if field.folded.contains(&at) {
                return Some(field.clone());
            }
            if at >= field.folded.end {
                low = index + 1;
                let mut step = 1;
                while let Some(probe) = low.checked_add(step - 1).filter(|&p| p < high) {
                    if self.field(probe).is_none_or(|f| f.folded.start > at) {
                        high = probe;
                        break;
                    }
                    low = probe + 1;
                    step *= 2;
                }
            }
        }
        let after = self.first_field_in(low..high, |f| f.folded.start > at);
        let index = after.checked_sub(1)?;
        let field = self.field(index)?;
        if !(field.folded.start <= at && at < field.folded.end) {
            walk.last = None;
            return None;
        }
        walk.first.get_or_insert(index);
        walk.last = Some((index, field.clone()));
        Some(field)
    }

    /// The original byte range of a non-empty folded range inside `field`:
    /// from the start of the unit holding its first byte to the end of the
    /// unit holding its last, so it always lies on character boundaries.
    /// `None` only where a damaged file's spans do not cover the range.
    fn original_range(&self, field: &Field, folded: Range<usize>) -> Option<Range<usize>> {
        let spans = field.spans.start..field.spans.end.min(self.spans.len());
        let span_of = |at: usize| {
            let (mut low, mut high) = (spans.start, spans.end);
            while low < high {
                let middle = low + (high - low) / 2;
                if self.spans.get(middle).is_some_and(|s| s.folded <= at) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            self.spans.get(low.max(spans.start + 1) - 1)
        };
        let first = span_of(folded.start)?;
        let start = if first.len == LINEAR {
            first
                .orig
                .checked_add(folded.start.checked_sub(first.folded)?)?
        } else {
            first.orig
        };
        let last_byte = folded.end.saturating_sub(1).max(folded.start);
        let last = span_of(last_byte)?;
        let end = if last.len == LINEAR {
            last.orig
                .checked_add(folded.end.checked_sub(last.folded)?)?
        } else {
            last.orig.checked_add(last.len)?
        };
        Some(start..end.max(start))
    }
}

/// Where a search is in the index's fields.
#[derive(Default)]
struct Walk {
    /// The field found last, and its number.
    last: Option<(usize, Field)>,
    /// The first field found since the search last let go of the pages
    /// it looked up (see [`SearchIndex::release_lookups`]).
    first: Option<usize>,
}

/// The search index of posts being written to a flat file, folded as they
/// come, a post at a time, and never held: every megabyte of folded text,
/// it is handed out to unnamed temporary files (gone with the process
/// whatever happens to it), which [`FoldingIndex::write_sections`] copies
/// into the file's sections at the end. The sections are the bytes
/// [`SearchIndex::new`] and [`SearchIndex::write_sections`] would write for
/// a corpus of the same posts.
pub struct FoldingIndex {
    builder: Builder,
    spools: Spools,
    /// Posts folded so far: the next one's number.
    posts: usize,
}

impl FoldingIndex {
    /// An index with nothing in it yet, its temporary files in `spool_dir`.
    pub fn new(spool_dir: &Path) -> io::Result<FoldingIndex> {
        let spool = || -> io::Result<BufWriter<File>> {
            Ok(BufWriter::with_capacity(
                1 << 16,
                tempfile::tempfile_in(spool_dir)?,
            ))
        };
        Ok(FoldingIndex {
            builder: Builder::default(),
            spools: Spools {
                cased: spool()?,
                lower: spool()?,
                fields: spool()?,
                spans: spool()?,
            },
            posts: 0,
        })
    }

    /// Folds the next post of the corpus.
    pub fn add_post(&mut self, post: &crate::model::Post) -> io::Result<()> {
        self.builder.add_post(PostId(self.posts), post);
        self.posts += 1;
        if self.builder.cased.len() >= DRAIN_BYTES {
            self.builder.drain(&mut self.spools)?;
        }
        Ok(())
    }

    /// Writes the index's sections to `out`.
    pub fn write_sections<W: Write + Seek>(mut self, out: &mut SectionWriter<W>) -> io::Result<()> {
        self.builder.drain(&mut self.spools)?;
        let Spools {
            cased,
            lower,
            fields,
            spans,
        } = self.spools;
        for (kind, spool) in [
            (Kind::Folded, cased),
            (Kind::Lower, lower),
            (Kind::Fields, fields),
            (Kind::Spans, spans),
        ] {
            let mut file = spool.into_inner().map_err(io::IntoInnerError::into_error)?;
            file.seek(SeekFrom::Start(0))?;
            out.begin(kind);
            io::copy(&mut BufReader::with_capacity(1 << 16, file), out)?;
        }
        out.end();
        Ok(())
    }
}

/// Where a [`FoldingIndex`] hands out what it has folded.
struct Spools {
    cased: BufWriter<File>,
    lower: BufWriter<File>,
    fields: BufWriter<File>,
    spans: BufWriter<File>,
}

/// An index being built: its text, and its tables as bytes.
#[derive(Default)]
struct Builder {
    /// Bytes of folded text handed out already (see [`Builder::drain`]):
    /// offsets into the whole index are `base` plus offsets into `cased`.
    base: usize,
    cased: String,
    lower: String,
    fields: Vec<u8>,
    spans: Vec<u8>,
    span_count: usize,
    /// The spans of the field being folded.
    field_spans: Vec<Span>,
}

impl Builder {
    /// Folds every searchable field of `post`, in reading order.
    fn add_post(&mut self, number: PostId, post: &crate::model::Post) {
        for field in super::fields_of(post) {
            self.add_field(number, field.location, field.class, field.text);
        }
    }

    /// Hands out what has been built so far to `spools`, and keeps
    /// building after it.
    fn drain(&mut self, spools: &mut Spools) -> io::Result<()> {
        spools.cased.write_all(self.cased.as_bytes())?;
        spools.lower.write_all(self.lower.as_bytes())?;
        spools.fields.write_all(&self.fields)?;
        spools.spans.write_all(&self.spans)?;
        self.base += self.cased.len();
        self.cased.clear();
        self.lower.clear();
        self.fields.clear();
        self.spans.clear();
        Ok(())
    }

    /// Folds one field's text onto the end of both copies, recording spans.
    fn add_field(&mut self, post: PostId, location: Location, class: FieldClass, text: &str) {
        let folded_start = self.cased.len();
        self.field_spans.clear();
        let mut folder = FieldFolder {
            cased: &mut self.cased,
            lower: &mut self.lower,
            spans: &mut self.field_spans,
            last: None,
            run_open: false,
            after_space: false,
        };
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Most text is printable ASCII, which folds to itself (lower case
            // aside): copy such runs whole.
            let run_start = at;
            while let Some(&byte) = bytes.get(at) {
                if byte.is_ascii_graphic() {
                    folder.after_space = false;
                } else if byte == b' ' && !folder.after_space {
                    folder.after_space = true;
                } else {
                    break;
                }
                at += 1;
            }
            if at > run_start {
                folder.plain_run(run_start, &text[run_start..at]);
            }
            if let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
                folder.one_char(at, c);
                at += c.len_utf8();
            }
        }
        if self.cased.len() == folded_start {
            return;
        }
        // The folder counts offsets in the text built since the last
        // drain; the index counts them from its start.
        for span in &self.field_spans {
            let folded = self.base + span.folded;
            Span { folded, ..*span }.put(&mut self.spans);
        }
        let spans = self.span_count..self.span_count + self.field_spans.len();
        self.span_count = spans.end;
        FieldRecord(Some(Field {
            folded: self.base + folded_start..self.base + self.cased.len(),
            post,
            location,
            class,
            spans,
        }))
        .put(&mut self.fields);
        self.cased.push(SEPARATOR);
        self.lower.push(SEPARATOR);
    }

    fn finish(mut self) -> SearchIndex {
        self.cased.shrink_to_fit();
        self.lower.shrink_to_fit();
        self.fields.shrink_to_fit();
        self.spans.shrink_to_fit();
        SearchIndex {
            cased: Bytes::new(self.cased.into_bytes()),
            lower: Bytes::new(self.lower.into_bytes()),
            fields: Table::new(Bytes::new(self.fields)),
            spans: Table::new(Bytes::new(self.spans)),
            checked_against: None,
            file_checked: Checked::default(),
        }
    }
}

/// Where the field that runs on past `from` in `haystack` ends: just after
/// the next separator, or at the end of the text (also where it cannot be
/// read), looked for a window at a time in `probe`.
fn next_separator_end(haystack: &Bytes, from: usize, probe: &mut Vec<u8>) -> usize {
    let len = haystack.len();
    let mut at = from;
    while at < len {
        let window = at..at.saturating_add(SLICE_BYTES).min(len);
        let Some(read) = haystack.read(window.clone(), probe) else {
            return len;
        };
        if let Some(found) = memchr::memchr(SEPARATOR as u8, read) {
            return at + found + 1;
        }
        at = window.end;
    }
    len
}

/// Folds one field onto the index's copies and records its spans, their
/// folded offsets counted in `cased`.
struct FieldFolder<'a> {
    cased: &'a mut String,
    lower: &'a mut String,
    spans: &'a mut Vec<Span>,
    /// The last unit with folded output, in case combining marks follow.
    last: Option<LastUnit>,
    /// The last span is a linear run that the next linear unit extends.
    run_open: bool,
    /// The folded text so far ends in a space, so more whitespace folds to
    /// nothing.
    after_space: bool,
}

impl FieldFolder<'_> {
    /// Appends printable ASCII that starts at `orig` and folds to itself.
    fn plain_run(&mut self, orig: usize, run: &str) {
        let folded = self.cased.len();
        self.cased.push_str(run);
        self.lower.push_str(run);
        self.lower[folded..].make_ascii_lowercase();
        if !self.run_open {
            self.spans.push(Span {
                folded,
                orig,
                len: LINEAR,
            });
            self.run_open = true;
        }
        self.last = Some(LastUnit {
            folded: self.cased.len() - 1,
            orig: orig + run.len() - 1,
            len: 1,
        });
    }

    /// Appends the folded form of `c`, which starts at `orig`.
    fn one_char(&mut self, orig: usize, c: char) {
        let before = self.cased.len();
        if fold::is_space(c) {
            if !self.after_space {
                self.cased.push(' ');
                self.lower.push(' ');
                self.after_space = true;
            }
        } else {
            let (cased, lower) = (&mut *self.cased, &mut *self.lower);
            fold::fold_char(c, |folded| {
                cased.push(folded);
                lower.push(fold::lower_same_len(folded));
            });
            if self.cased.len() > before {
                self.after_space = false;
            }
        }
        let written = self.cased.len() - before;
        if written == 0 {
            match &mut self.last {
                Some(unit) if is_combining_mark(c) => {
                    // The mark belongs to the character before it: a match
                    // on that character covers its accent too.
                    unit.len += c.len_utf8();
                    match self.spans.last_mut() {
                        Some(top) if top.folded == unit.folded => top.len = unit.len,
                        _ => self.spans.push(Span {
                            folded: unit.folded,
                            orig: unit.orig,
                            len: unit.len,
                        }),
                    }
                }
                _ => self.last = None,
            }
            // Folded and original offsets no longer move in step.
            self.run_open = false;
            return;
        }
        let linear = self.cased[before..]
            .chars()
            .next()
            .is_some_and(|folded| folded.len_utf8() == written && written == c.len_utf8());
        if !linear {
            self.spans.push(Span {
                folded: before,
                orig,
                len: c.len_utf8(),
            });
            self.run_open = false;
        } else if !self.run_open {
            self.spans.push(Span {
                folded: before,
                orig,
                len: LINEAR,
            });
            self.run_open = true;
        }
        self.last = Some(LastUnit {
            folded: before,
            orig,
            len: c.len_utf8(),
        });
    }
}

/// The most recent character of a field that produced folded text.
struct LastUnit {
    folded: usize,
    orig: usize,
    len: usize,
}

/// The offset just after the character at `at`, or `at + 1` at the end.
fn next_char(text: &str, at: usize) -> usize {
    at + text
        .get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8)
}
