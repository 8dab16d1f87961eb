//! Where a comment quotes rather than speaks: a block marked as a quote, and
//! sentences of the post a commenter repeats in quotation marks. The reader
//! sets both apart from the commenter's own words.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::{FxHashSet as HashSet, FxHasher};

use crate::model::{Block, BlockKind, Post};

/// Fewer words than this in quotation marks are a phrase ("fake news"),
/// not a sentence repeated from the post.
const MIN_QUOTED_WORDS: usize = 4;

/// How a block of a comment quotes: the bytes of its marker to leave out
/// when it is drawn as a quote.
///
/// A block quotes when the loader made it a quote, or when it opens with
/// `>` as replies in mail and forums do.
///
/// Accepts `> The council voted nine to four.` (marker `> `, 2 bytes);
/// rejects `I think > 50% agree`.
pub fn quote_marker(block: &Block) -> Option<usize> {
    let text = &block.text;
    if text.starts_with('>') {
        let rest = text.trim_start_matches('>').trim_start();
        return Some(text.len() - rest.len());
    }
    (block.kind == BlockKind::Quote).then_some(0)
}

/// Words in a row that must all appear in the post, in that order, for a
/// quotation to count as the post's.
const RUN: usize = 3;

/// The post's text as quotes are compared with it: every run of [`RUN`]
/// words, in lower case, apostrophes straight, punctuation around words
/// dropped. Checking a quotation against it costs the quotation's length,
/// however long the post, so a thread of thousands of comments quoting a
/// long post is still laid out at once.
#[derive(Debug, Clone, Default)]
pub struct PostText {
    runs: HashSet<u64>,
}

impl PostText {
    pub fn of(post: &Post) -> PostText {
        let mut runs = HashSet::default();
        let texts =
            std::iter::once(post.title.as_str()).chain(post.blocks.iter().map(|b| &*b.text));
        for text in texts {
            let words: Vec<String> = comparable_words(text).collect();
            runs.extend(words.windows(RUN).map(run_hash));
        }
        PostText { runs }
    }

    /// Whether every run of words of `words` is one of the post's.
    fn has_all_runs_of(&self, words: &[String]) -> bool {
        words
            .windows(RUN)
            .all(|run| self.runs.contains(&run_hash(run)))
    }
}

/// The byte ranges of `text` in double quotation marks (“…”, "…", «…»)
/// that repeat a sentence of the post, marks included.
///
/// Quoted words count as the post's when they are at least
/// [`MIN_QUOTED_WORDS`] words and every [`RUN`] of them in a row is in the
/// post (ignoring case, apostrophes and punctuation); an ellipsis may stand
/// for words left out, each part of three words or more then being checked
/// on its own.
///
/// With a post saying "The council voted nine to four to reinstate the
/// toll.", accepts `“the council voted nine to four” – and nobody asked`
/// and rejects `“fake news”` (too short) and `“the council voted against
/// it”` (not the post's words).
pub fn quotes_of_post(text: &str, post: &PostText) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((range, inner)) = next_quotation(text, from) {
        from = range.end;
        if repeats_the_post(inner, post) {
            found.push(range);
        }
    }
    found
}

/// The next quotation at or after byte `from`: its range, marks included,
/// and the words inside.
fn next_quotation(text: &str, from: usize) -> Option<(Range<usize>, &str)> {
    let rest = text.get(from..)?;
    // The first byte of `"`, of `“` (E2 80 9C) and of `«` (C2 AB), then the
    // character there.
    let (offset, open) = memchr::memchr3_iter(b'"', 0xE2, 0xC2, rest.as_bytes())
        .filter_map(|at| Some((at, rest.get(at..)?.chars().next()?)))
        .find(|&(_, c)| matches!(c, '“' | '"' | '«'))?;
    let close = match open {
        '“' => '”',
        '«' => '»',
        _ => '"',
    };
    let start = from + offset;
    let inner_start = start + open.len_utf8();
    let inner_len = text[inner_start..].find(close)?;
    let end = inner_start + inner_len + close.len_utf8();
    Some((start..end, &text[inner_start..inner_start + inner_len]))
}

fn repeats_the_post(quoted: &str, post: &PostText) -> bool {
    if quoted.split_whitespace().count() < MIN_QUOTED_WORDS {
        return false;
    }
    let parts: Vec<Vec<String>> = quoted
        .split('…')
        .flat_map(|part| part.split("..."))
        .map(|part| comparable_words(part).collect::<Vec<_>>())
        .filter(|words| words.len() >= RUN)
        .collect();
    !parts.is_empty() && parts.iter().all(|words| post.has_all_runs_of(words))
}

/// The words of `text` as they are compared: lower case, `’` as `'`,
/// without the punctuation around them.
fn comparable_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
}

fn run_hash(run: &[String]) -> u64 {
    let mut hasher = FxHasher::default();
    run.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post_text() -> PostText {
        PostText::of(&Post {
            title: "Harbour bridge tolls return".into(),
            blocks: vec![Block::new(
                BlockKind::Paragraph,
                "The council voted nine to four to reinstate the toll. Commuters aren’t pleased with it.",
            )],
            ..Post::default()
        })
    }

    fn quoted(text: &str) -> Vec<&str> {
        quotes_of_post(text, &post_text())
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn a_sentence_of_the_post_in_quotation_marks_is_found() {
        let text = "“The council voted nine to four” – and nobody asked the ferry users.";
        assert_eq!(quoted(text), ["“The council voted nine to four”"]);
        assert_eq!(
            quoted("You wrote \"commuters  AREN'T pleased with it.\" Speak for yourself."),
            ["\"commuters  AREN'T pleased with it.\""]
        );
    }

    #[test]
    fn an_ellipsis_may_stand_for_words_left_out() {
        assert_eq!(
            quoted("«the council voted … reinstate the toll»"),
            ["«the council voted … reinstate the toll»"]
        );
        assert!(quoted("“the council voted … against the toll”").is_empty());
    }

    #[test]
    fn short_phrases_and_other_words_are_not_quotes_of_the_post() {
        assert!(quoted("This is “the council” again.").is_empty());
        assert!(quoted("“The council voted against it entirely” said no one.").is_empty());
        assert!(quoted("An “unclosed quote of the council voted nine").is_empty());
    }

    #[test]
    fn a_leading_marker_makes_a_quote() {
        let marked = Block::new(BlockKind::Paragraph, ">> The council voted.");
        assert_eq!(quote_marker(&marked), Some(3));
        let plain = Block::new(BlockKind::Paragraph, "I think > 50% agree");
        assert_eq!(quote_marker(&plain), None);
        let quote = Block::new(BlockKind::Quote, "Quoted by the loader.");
        assert_eq!(quote_marker(&quote), Some(0));
    }
}
