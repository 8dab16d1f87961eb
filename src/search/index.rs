//! The search index: one contiguous folded copy of all searchable text, and
//! the map from folded offsets back to posts, fields and original bytes.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::fold;
use super::query::{FieldClass, Matcher, Query};
use super::{Location, Match, SearchResults};
use crate::model::{Corpus, PostId};

/// Fields are separated in the folded text by a byte that no folded query
/// contains (folding turns every control character into a space), so a
/// literal match never spans two fields.
const SEPARATOR: char = '\n';

/// A search is done in slices of about this many bytes of folded text, so a
/// cancelled search stops soon.
const SLICE_BYTES: usize = 4 << 20;

/// Marks a [`Span`] whose bytes map one to one onto the original text.
const LINEAR: usize = usize::MAX;

/// A stretch of folded text and where it came from in its field.
///
/// Either a linear run (`len == LINEAR`): folded byte `folded + k` is original
/// byte `orig + k`, up to the next span; or one unit, a character with any
/// combining marks after it, that folded to a different length: all its
/// folded bytes map to the `len` original bytes at `orig`.
#[derive(Debug, Clone, Copy)]
struct Span {
    folded: usize,
    orig: usize,
    len: usize,
}

/// One searchable field: its folded bytes, whose it is, and its spans.
#[derive(Debug, Clone)]
struct Field {
    folded: Range<usize>,
    post: PostId,
    location: Location,
    class: FieldClass,
    spans: Range<usize>,
}

/// Every title, block text and source field of a corpus, folded for search.
/// Built once per corpus; see the [module documentation](super).
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Accents folded, whitespace collapsed, case kept.
    cased: String,
    /// The same, lower-cased character by character; byte for byte as long
    /// as `cased`, so both share `fields` and `spans`.
    lower: String,
    fields: Vec<Field>,
    spans: Vec<Span>,
}

impl SearchIndex {
    /// Folds every searchable field of `corpus`, in reading order: each
    /// post's title, its blocks, its comments' blocks, then each source's
    /// outlet, headline and URL.
    pub fn new(corpus: &Corpus) -> Self {
        let capacity = corpus
            .posts
            .iter()
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
        let mut index = SearchIndex {
            cased: String::with_capacity(capacity),
            lower: String::with_capacity(capacity),
            ..SearchIndex::default()
        };
        for (number, post) in corpus.posts.iter().enumerate() {
            for field in super::fields_of(post) {
                index.add_field(PostId(number), field.location, field.class, field.text);
            }
        }
        index.cased.shrink_to_fit();
        index.lower.shrink_to_fit();
        index
    }

    /// The index a flat file holds.
    pub fn from_flat(file: &std::sync::Arc<crate::model::flat::FlatFile>) -> SearchIndex {
        SearchIndex::new(&Corpus::from_flat(std::sync::Arc::clone(file)))
    }

    /// Writes the index's sections of a flat file.
    pub fn write_sections<W: std::io::Write + std::io::Seek>(
        &self,
        _out: &mut crate::model::flat::SectionWriter<W>,
    ) -> std::io::Result<()> {
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
        let mut start = 0;
        while start < self.cased.len() {
            if cancelled() {
                return None;
            }
            let end = self.slice_end(start);
            match &query.matcher {
                Matcher::Nothing => break,
                Matcher::Literal(finder) => {
                    let haystack = if query.is_case_sensitive() {
                        &self.cased
                    } else {
                        &self.lower
                    };
                    let needle = finder.needle().len();
                    for at in finder.find_iter(&haystack.as_bytes()[start..end]) {
                        let folded = start + at..start + at + needle;
                        self.push_match(query, folded, &mut matches);
                    }
                }
                Matcher::Regex(regex) => {
                    self.regex_slice(query, regex, start..end, &mut matches);
                }
            }
            start = end;
        }
        Some(SearchResults::new(matches))
    }

    /// The end of the slice that starts at `start`: the start of the first
    /// field at least `SLICE_BYTES` further on, or the end of the text. Slices
    /// end between fields, so no match is cut.
    fn slice_end(&self, start: usize) -> usize {
        let target = start.saturating_add(SLICE_BYTES);
        let next = self.fields.partition_point(|f| f.folded.start < target);
        self.fields
            .get(next)
            .map_or(self.cased.len(), |field| field.folded.start)
    }

    fn regex_slice(
        &self,
        query: &Query,
        regex: &regex::Regex,
        slice: Range<usize>,
        matches: &mut Vec<Match>,
    ) {
        let text = &self.cased[..slice.end];
        let mut at = slice.start;
        while at < slice.end {
            let Some(found) = regex.find_at(text, at) else {
                break;
            };
            let field = self.field_at(found.start());
            let field_end = field.map_or(found.start(), |f| f.folded.end);
            if found.end() <= field_end {
                if found.is_empty() {
                    at = next_char(text, found.end());
                } else {
                    self.push_match(query, found.range(), matches);
                    at = found.end();
                }
            } else {
                // The match ran past its field (a pattern such as `\s` can
                // match the separator): search that field on its own.
                let field_text = &self.cased[..field_end];
                let mut inner = found.start();
                while let Some(found) = regex.find_at(field_text, inner) {
                    if found.is_empty() {
                        inner = next_char(field_text, found.end());
                    } else {
                        self.push_match(query, found.range(), matches);
                        inner = found.end();
                    }
                    if inner >= field_end {
                        break;
                    }
                }
                at = field_end + SEPARATOR.len_utf8();
            }
        }
    }

    /// Maps a folded match back to its field and records it, if the query's
    /// scope includes that field.
    fn push_match(&self, query: &Query, folded: Range<usize>, matches: &mut Vec<Match>) {
        let Some(field) = self.field_at(folded.start) else {
            return;
        };
        if !query.scope().includes(field.class) || folded.end > field.folded.end {
            return;
        }
        let range = self.original_range(field, folded);
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

    /// The field whose folded text holds byte `at`.
    fn field_at(&self, at: usize) -> Option<&Field> {
        let after = self.fields.partition_point(|f| f.folded.start <= at);
        let field = self.fields.get(after.checked_sub(1)?)?;
        (at < field.folded.end).then_some(field)
    }

    /// The original byte range of a non-empty folded range inside `field`:
    /// from the start of the unit holding its first byte to the end of the
    /// unit holding its last, so it always lies on character boundaries.
    fn original_range(&self, field: &Field, folded: Range<usize>) -> Range<usize> {
        let spans = &self.spans[field.spans.clone()];
        let span_of = |at: usize| {
            let after = spans.partition_point(|s| s.folded <= at);
            spans[after.saturating_sub(1)]
        };
        let first = span_of(folded.start);
        let start = if first.len == LINEAR {
            first.orig + (folded.start - first.folded)
        } else {
            first.orig
        };
        let last_byte = folded.end.saturating_sub(1).max(folded.start);
        let last = span_of(last_byte);
        let end = if last.len == LINEAR {
            last.orig + (folded.end - last.folded)
        } else {
            last.orig + last.len
        };
        start..end.max(start)
    }

    /// Folds one field's text onto the end of both copies, recording spans.
    fn add_field(&mut self, post: PostId, location: Location, class: FieldClass, text: &str) {
        let folded_start = self.cased.len();
        let spans_start = self.spans.len();
        let mut folder = FieldFolder {
            cased: &mut self.cased,
            lower: &mut self.lower,
            spans: &mut self.spans,
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
            self.spans.truncate(spans_start);
            return;
        }
        self.fields.push(Field {
            folded: folded_start..self.cased.len(),
            post,
            location,
            class,
            spans: spans_start..self.spans.len(),
        });
        self.cased.push(SEPARATOR);
        self.lower.push(SEPARATOR);
    }
}

/// Folds one field onto the index's copies and records its spans.
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
