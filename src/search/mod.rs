//! Finding text in a corpus: folding, queries, the index, results and a
//! background worker. Knows nothing of terminals.
//!
//! # How to use it
//!
//! 1. Build a [`SearchIndex`] once per corpus: `SearchIndex::new(&corpus)`.
//!    It holds a folded copy of every title, block, comment block and source
//!    field (about
//!    twice the corpus text in memory) and a map from folded offsets back to
//!    the original text. A flat file holds the same index, which
//!    `SearchIndex::from_flat` reads where it lies, copying nothing.
//! 2. Per keystroke, build a [`Query`] from the prompt text, a [`Scope`] and a
//!    [`Mode`]. `Query::new` only fails for an invalid regular expression.
//! 3. Search: `index.search(&query)` gives [`SearchResults`], in corpus order.
//!    A literal query over 100 MB of text takes a few milliseconds (see
//!    `benches/search.rs`), so calling it on the UI thread is fine for typical
//!    corpora; for large ones or regular expressions, send queries to a
//!    [`SearchWorker`], which drops superseded queries and stops a running
//!    search as soon as a newer one arrives.
//! 4. Use the results: [`SearchResults::in_field`] gives the matches to
//!    highlight in one title, block or source field (byte ranges into the
//!    original text); [`SearchResults::next_match_after`] and
//!    [`SearchResults::previous_match_before`] step through matches from a
//!    [`Place`], saying when they wrapped around; `len`, `post_count` and
//!    `count_in_post` feed the status line and the topic tree.
//!
//! # Matching rules
//!
//! - Smart case: a query without capital letters ignores case; one with a
//!   capital matches case exactly.
//! - Accents and ligatures are folded on both sides: `francois` and
//!   `François` both find `François` and `Francois`; `’` matches `'`.
//! - Whitespace runs match any whitespace run, so several words match as a
//!   phrase wherever the text has them separated by spaces.
//! - In [`Mode::Regex`] the pattern (its literal characters folded the same
//!   way) runs over the folded text; `^` and `$` match at the start and end of
//!   each field, and no match spans two fields.

mod fold;
mod index;
mod layout;
mod query;
mod results;
mod stream;
mod worker;

pub use index::{FoldingIndex, SearchIndex};
pub use query::{Mode, Query, QueryError, Scope};
pub use results::{SearchResults, Step};
pub use stream::matching_fields;
pub use worker::{Generation, Outcome, SearchWorker};

use query::FieldClass;

use std::ops::Range;

use crate::model::PostId;
pub use crate::model::{Location, SourceField};

/// A position in the corpus: a byte offset in a field of a post. Places are
/// ordered in reading order, which is also the order of [`SearchResults`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub post: PostId,
    pub location: Location,
    /// Byte offset into the field's original text.
    pub offset: usize,
}

impl Place {
    /// The very start of a post (before its title).
    pub fn start_of(post: PostId) -> Self {
        Place {
            post,
            location: Location::Title,
            offset: 0,
        }
    }
}

/// One match: where it is and which bytes of the original (unfolded) field
/// text it covers. The range always lies on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Match {
    pub post: PostId,
    pub location: Location,
    pub range: Range<usize>,
}

impl Match {
    /// Where the match starts.
    pub fn place(&self) -> Place {
        Place {
            post: self.post,
            location: self.location,
            offset: self.range.start,
        }
    }
}

/// One searchable field of a post: where it is, what kind of text it is
/// (for scopes), and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field<'a> {
    pub location: Location,
    pub class: FieldClass,
    pub text: &'a str,
}

/// Every searchable field of `post`, in reading order: the title, the
/// blocks, the comments' blocks, then each source's outlet, headline and
/// URL. The index and the streaming search both take their fields from
/// here, so they search the same text.
pub(crate) fn fields_of(post: &crate::model::Post) -> impl Iterator<Item = Field<'_>> {
    let title = std::iter::once(Field {
        location: Location::Title,
        class: FieldClass::Commentary,
        text: &post.title,
    });
    let blocks = post.blocks.iter().enumerate().map(|(n, block)| Field {
        location: Location::Block(n),
        class: FieldClass::of_block(block.kind),
        text: &block.text,
    });
    let comments = post.comments.iter().enumerate().flat_map(|(comment, c)| {
        c.blocks.iter().enumerate().map(move |(block, text)| Field {
            location: Location::Comment { comment, block },
            class: FieldClass::Comment,
            text: &text.text,
        })
    });
    let sources = post.sources.iter().enumerate().flat_map(|(n, source)| {
        [
            (SourceField::Outlet, &source.outlet),
            (SourceField::Headline, &source.headline),
            (SourceField::Url, &source.url),
        ]
        .into_iter()
        .filter_map(move |(field, text)| {
            Some(Field {
                location: Location::Source(n, field),
                class: FieldClass::Source,
                text: text.as_deref()?,
            })
        })
    });
    title.chain(blocks).chain(comments).chain(sources)
}

/// The original text of a field, if the post has it.
pub fn field_text(post: &crate::model::Post, location: Location) -> Option<&str> {
    post.field_text(location)
}

#[cfg(test)]
mod tests;
