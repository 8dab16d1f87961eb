//! Searching a corpus without an index, one field at a time, for callers
//! that want to know which fields match rather than where every match is
//! (`pundit search` prints each matching field once). Memory stays that of
//! one piece of one field, however large the corpus, however common the
//! query: no folded copy of the corpus, no list of matches.

use super::fold::Folding;
use super::query::Matcher;
use super::{Location, Query, fields_of};
use crate::model::{Corpus, PostId};

/// Bytes of a field folded at a time by a literal search.
const PIECE: usize = 1 << 20;

/// Calls `found` with every field of `corpus`, in reading order, in which
/// `query` has a match (inside its scope), and stops at the first error
/// `found` returns. The fields and the folding are the index's
/// ([`super::SearchIndex`]), so both agree on what matches.
pub fn matching_fields<E>(
    corpus: &Corpus,
    query: &Query,
    mut found: impl FnMut(PostId, Location) -> Result<(), E>,
) -> Result<(), E> {
    let mut folded = String::new();
    for (number, post) in corpus.posts().enumerate() {
        for field in fields_of(&post) {
            if query.scope().includes(field.class) && matches(query, field.text, &mut folded) {
                found(PostId(number), field.location)?;
            }
        }
    }
    Ok(())
}

/// Whether `query` matches `text` (one field), using `folded` as room.
fn matches(query: &Query, text: &str, folded: &mut String) -> bool {
    folded.clear();
    match &query.matcher {
        Matcher::Nothing => false,
        Matcher::Literal(finder) => {
            // A piece at a time, keeping the end of the last piece that
            // could still start a match, so a long field needs little room.
            let mut folding = Folding::new(!query.is_case_sensitive());
            let keep = finder.needle().len().saturating_sub(1);
            for piece in pieces(text) {
                folding.push(piece, folded);
                if finder.find(folded.as_bytes()).is_some() {
                    return true;
                }
                let mut start = folded.len().saturating_sub(keep);
                while !folded.is_char_boundary(start) {
                    start -= 1;
                }
                folded.drain(..start);
            }
            false
        }
        Matcher::Regex(regex) => {
            // A pattern can span the whole field: fold it whole, case kept
            // as the index keeps it for patterns. Empty matches do not
            // count, as in the index.
            Folding::new(false).push(text, folded);
            regex.find_iter(folded).any(|found| !found.is_empty())
        }
    }
}

/// `text` in pieces of about [`PIECE`] bytes, cut at character boundaries.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}
