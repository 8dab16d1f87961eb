//! Telling the author's commentary from a quoted report: the test that ends
//! a run of quotes (see [`super`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

/// Marks of the author speaking rather than a report being quoted: first
/// person singular outside quotation marks, an opening that points back at
/// what was just quoted ("That’s", "This is", "Actually"), or a hedge
/// ("seems", "probably"); and no reporting verb ("said", "told").
///
/// Accepts "That’s a misleading headline, they have not met yet."; rejects
/// "This is not unexpected in a contest like this one, say analysts."
///
/// First person, hedges and reporting verbs are whole words (runs of
/// regex `\w` characters), found in one pass over the words outside
/// quotation marks ([`Voice::of`]) that stops at the first reporting verb.
/// Asked of nearly every paragraph inside a run of quotes, it was two
/// unanchored regex searches, each reading the whole paragraph.
pub fn sounds_like_commentary(text: &str) -> bool {
    static POINTING_BACK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:That’s|That's|That\s+(?:is|was|may|might|could|seems)|This\s+(?:is|was|may|might|could|just|sort|kind|seems|looks)|It’s|It's|Actually|Which|So\s|Hence|Clearly|Obviously|Of\s+course|Interesting|Anyway|Still,)")
            .expect("valid")
    });
    match Voice::of(&strip_quoted(text)) {
        Voice::Reporting => false,
        Voice::Own => true,
        // Every opening the pattern knows starts with one of these letters:
        // the rest are settled without a search.
        Voice::Neither => {
            text.starts_with(['T', 'I', 'A', 'W', 'S', 'H', 'C', 'O'])
                && POINTING_BACK.is_match(text)
        }
    }
}

/// What the words of a text say of who speaks.
#[derive(Debug, PartialEq)]
enum Voice {
    /// A reporting verb or a title before a name: "said", "according to",
    /// "Mr. Smith".
    Reporting,
    /// First person or a hedge ("I", "my", "seems", "hard to know"), and
    /// no reporting.
    Own,
    Neither,
}

impl Voice {
    /// The voice of `text`'s words: each word is a maximal run of word
    /// characters, as regex `\w` defines them, so a word is whole where
    /// the patterns `(?:^|\W)word(?:\W|$)` it replaces would match it.
    /// The two-word marks ("hard to know", "according to") are words with
    /// only whitespace between them, as `\s+` asked.
    ///
    /// Only the words that start with a mark's first letters are read: a
    /// search for those beginnings (SIMD, many bytes at a time) skips the
    /// rest, where reading every character cost as much as the patterns
    /// did. "I", a single letter, is looked for with `memchr`, and only
    /// where nothing else settled the answer.
    fn of(text: &str) -> Voice {
        static BEGINNINGS: LazyLock<AhoCorasick> = LazyLock::new(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build([
                    "seem",
                    "probably",
                    "perhaps",
                    "obviously",
                    "hard",
                    "said",
                    "say",
                    "told",
                    "tells",
                    "according",
                    "announced",
                    "spokes",
                    "confirmed",
                    "added",
                    "Prof",
                ])
                .expect("the beginnings of the marks make an automaton")
        });
        // The words of two letters ("my", "me", "Mr", "Ms", "Dr", and
        // "myself", "Mrs") would leave the search only two letters to look
        // for, and as many places to check: their first letters are
        // looked for with `memchr` instead.
        let beginnings = BEGINNINGS
            .find_iter(text)
            .map(|found| found.start())
            .chain(memchr::memchr3_iter(b'm', b'M', b'D', text.as_bytes()));
        let mut own = false;
        for at in beginnings.filter(|&at| starts_word(text, at)) {
            match voice_of_word(text, at) {
                Voice::Reporting => return Voice::Reporting,
                Voice::Own => own = true,
                Voice::Neither => {}
            }
        }
        if own
            || memchr::memchr_iter(b'I', text.as_bytes())
                .any(|at| starts_word(text, at) && !is_word_at(text, at + 1))
        {
            Voice::Own
        } else {
            Voice::Neither
        }
    }
}

/// What the word starting at `at` says, with the words after it where it
/// starts a mark of several ("hard to know", "according to").
fn voice_of_word(text: &str, at: usize) -> Voice {
    let (word, rest) = word_at(text, at);
    match word {
        "my" | "me" | "myself" | "seem" | "seems" | "probably" | "perhaps" | "obviously" => {
            Voice::Own
        }
        "said" | "says" | "say" | "told" | "tells" | "announced" | "spokesman" | "spokeswoman"
        | "spokesperson" | "confirmed" | "added" => Voice::Reporting,
        "Mr" | "Ms" | "Mrs" | "Dr" | "Prof" if titles_a_name(&text[rest..]) => Voice::Reporting,
        "hard"
            if next_word_is(text, rest, "to")
                .is_some_and(|rest| next_word_is(text, rest, "know").is_some()) =>
        {
            Voice::Own
        }
        "according" if next_word_is(text, rest, "to").is_some() => Voice::Reporting,
        _ => Voice::Neither,
    }
}

/// The word starting at `at` (a run of word characters) and where it ends.
fn word_at(text: &str, at: usize) -> (&str, usize) {
    let end = text[at..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(len, _)| at + len);
    (&text[at..end], end)
}

/// Where `word` ends, when it is the next word after `from` with only
/// whitespace before it (regex `\s+word(?:\W|$)`).
fn next_word_is(text: &str, from: usize, word: &str) -> Option<usize> {
    let rest = &text[from..];
    let start = text.len() - rest.trim_start_matches(char::is_whitespace).len();
    if start == from {
        return None;
    }
    let (next, end) = word_at(text, start);
    (next == word).then_some(end)
}

/// Whether a word starts at `at`: a word character with none before it.
fn starts_word(text: &str, at: usize) -> bool {
    is_word_at(text, at) && !text[..at].chars().next_back().is_some_and(is_word_char)
}

/// Whether the character at `at` is a word character (regex `\w`); false
/// at the end.
fn is_word_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_word_char)
}

/// A word character as regex `\w` has it: ASCII letters, digits and `_`,
/// and Unicode's alphabetic characters, marks, decimal digits, connector
/// punctuation and joiners.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

/// After "Mr", "Dr" …: a full stop or none, then whitespace (regex
/// `\.?\s`).
fn titles_a_name(rest: &str) -> bool {
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    rest.chars().next().is_some_and(char::is_whitespace)
}

/// The text with “…” spans removed, so quoted words do not count as the
/// author's own.
fn strip_quoted(text: &str) -> Cow<'_, str> {
    let mut marks = curly_double_quotes(text).peekable();
    if marks.peek().is_none() {
        return Cow::Borrowed(text);
    }
    // Copied a run at a time, from one quotation mark to the next: the
    // text between marks is kept whole or dropped whole.
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut run_start = 0;
    for (at, opens) in marks {
        if depth == 0 {
            out.push_str(&text[run_start..at]);
        }
        depth = if opens {
            depth + 1
        } else {
            depth.saturating_sub(1)
        };
        run_start = at + CURLY_QUOTE_LEN;
    }
    if depth == 0 {
        out.push_str(&text[run_start..]);
    }
    Cow::Owned(out)
}

/// The UTF-8 length of “ and ” (E2 80 9C and E2 80 9D).
const CURLY_QUOTE_LEN: usize = 3;

/// Where `text` has “ or ”, in order, and whether each is the opening one:
/// what `text.match_indices(['“', '”'])` finds, found with `memchr` on
/// their first byte rather than by decoding every character (this is
/// asked of every paragraph that ends a run of quotes).
fn curly_double_quotes(text: &str) -> impl Iterator<Item = (usize, bool)> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xe2, bytes).filter_map(|at| match bytes[at + 1..] {
        [0x80, 0x9c, ..] => Some((at, true)),
        [0x80, 0x9d, ..] => Some((at, false)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The test as it was first written, a pattern for each mark: kept to
    /// check the word scan against.
    fn by_patterns(text: &str) -> bool {
        static PATTERNS: LazyLock<[Regex; 4]> = LazyLock::new(|| {
            [
                r"(?:^|\W)(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|my|me|myself)(?:\W|$)",
                r"^(?:That’s|That's|That\s+(?:is|was|may|might|could|seems)|This\s+(?:is|was|may|might|could|just|sort|kind|seems|looks)|It’s|It's|Actually|Which|So\s|Hence|Clearly|Obviously|Of\s+course|Interesting|Anyway|Still,)",
                r"(?:^|\W)(?:seems?|probably|perhaps|I\s+think|I\s+wonder|hard\s+to\s+know|obviously)(?:\W|$)",
                r"(?:^|\W)(?:said|says|say|told|tells|according\s+to|announced|spokes(?:man|woman|person)|confirmed|added)(?:\W|$)|(?:^|\W)(?:Mr|Ms|Mrs|Dr|Prof)\.?\s",
            ]
            .map(|p| Regex::new(p).expect("valid"))
        });
        let [first_person, pointing_back, hedge, reporting] = &*PATTERNS;
        let outside_quotes = strip_quoted(text);
        !reporting.is_match(&outside_quotes)
            && (first_person.is_match(&outside_quotes)
                || pointing_back.is_match(text)
                || hedge.is_match(&outside_quotes))
    }

    #[test]
    fn commentary_and_reports() {
        for commentary in [
            "That’s a misleading headline, they have not met yet.",
            "I’m not sure the deal survives.",
            "It is hard to know what he meant.",
            "This seems a stretch (to me).",
            "The minister perhaps knew all along.",
        ] {
            assert!(sounds_like_commentary(commentary), "{commentary}");
        }
        for report in [
            "This is not unexpected in a contest like this one, say analysts.",
            "The deal is dead, according to officials.",
            "I will go, Mr. Smith replied.",
            "“I am leaving,” the minister announced.",
            "The talks resumed on Monday.",
            "Mine is a mineral memo.",
        ] {
            assert!(!sounds_like_commentary(report), "{report}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10000))]
        #[test]
        fn reads_as_the_patterns_did(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "I", "I’m", "I'm", "my", "me", "myself", "mine", "seem", "seems", "seemed",
                    "probably", "perhaps", "obviously", "hard", "to", "know", "think", "said",
                    "say", "told", "according", "spokesman", "added", "Mr", "Mr.", "Mrs", "Dr.",
                    "Prof", "That’s", "This", "is", "So", "Still,", "the", "report", "“", "”",
                    ".", ",", "!", "é", "x", "_", "2", "²", "\u{301}", "’", "-", "(", ")", "…",
                    "wonder", "says", "tells", "announced", "confirmed", "Ms", "Dr", "Prof.",
                    "spokeswoman", "spokesperson", "spokes", "man", "Ⅰ", "\u{200d}", "‿", "٣",
                    "Mrs.", "Mr\u{a0}", "Sr", "hardly", "toknow", "said.",
                ]),
                0..12,
            ),
            separators in prop::collection::vec(
                prop::sample::select(vec![
                    " ", "", "  ", "\u{a0}", "\t", ".", "-", "\n", "\u{b}", "\u{2003}", "\u{85}",
                    ". ", "’",
                ]),
                12,
            ),
        ) {
            let text: String = words
                .iter()
                .zip(&separators)
                .flat_map(|(word, separator)| [*word, *separator])
                .collect();
            prop_assert_eq!(sounds_like_commentary(&text), by_patterns(&text), "{:?}", text);
        }

        /// Quoted spans leave the text as they did when it was copied a
        /// character at a time.
        #[test]
        fn strips_quotes_as_a_character_walk_did(
            pieces in prop::collection::vec(
                prop::sample::select(vec!["“", "”", "a", "I ", "é", "\"", " said", "’"]),
                0..16,
            ),
        ) {
            let text: String = pieces.concat();
            let mut walked = String::new();
            let mut depth = 0usize;
            for c in text.chars() {
                match c {
                    '“' => depth += 1,
                    '”' => depth = depth.saturating_sub(1),
                    _ if depth == 0 => walked.push(c),
                    _ => {}
                }
            }
            prop_assert_eq!(strip_quoted(&text), walked.as_str(), "{:?}", text);
        }
    }

    proptest! {
        /// The marks found on bytes are the ones a search by character finds.
        #[test]
        fn curly_quotes_are_found_as_by_characters(
            pieces in prop::collection::vec(
                prop::sample::select(vec!["“", "”", "‘", "’", "…", "–", "a", "é", "\"", "€"]),
                0..16,
            ),
        ) {
            let text: String = pieces.concat();
            let by_characters: Vec<(usize, bool)> = text
                .match_indices(['“', '”'])
                .map(|(at, mark)| (at, mark == "“"))
                .collect();
            prop_assert_eq!(curly_double_quotes(&text).collect::<Vec<_>>(), by_characters);
        }
    }

    #[test]
    fn quoted_words_are_not_the_authors() {
        assert_eq!(
            strip_quoted("He said “I quit” and left"),
            "He said  and left"
        );
        assert_eq!(strip_quoted("“a “b” c” d"), " d");
        assert_eq!(strip_quoted("x” y “z"), "x y ");
    }
}
