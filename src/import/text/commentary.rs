//! Telling the author's commentary from a quoted report: the test that ends
//! a run of quotes (see [`super`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// Marks of the author speaking rather than a report being quoted: first
/// person singular outside quotation marks, an opening that points back at
/// what was just quoted ("That’s", "This is", "Actually"), or a hedge
/// ("seems", "probably"); and no reporting verb ("said", "told").
///
/// Accepts "That’s a misleading headline, they have not met yet."; rejects
/// "This is not unexpected in a contest like this one, say analysts."
///
/// Words are bounded by a non-word character or an end rather than by
/// `\b`: the same matches, but a Unicode `\b` keeps the regex engine off its
/// fast automaton on text with curly quotes. First person and hedges are
/// one pattern, asked first: a paragraph without them is read once.
pub fn sounds_like_commentary(text: &str) -> bool {
    static OWN_VOICE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|\W)(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|my|me|myself|seems?|probably|perhaps|I\s+think|I\s+wonder|hard\s+to\s+know|obviously)(?:\W|$)",
        )
        .expect("valid")
    });
    static POINTING_BACK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:That’s|That's|That\s+(?:is|was|may|might|could|seems)|This\s+(?:is|was|may|might|could|just|sort|kind|seems|looks)|It’s|It's|Actually|Which|So\s|Hence|Clearly|Obviously|Of\s+course|Interesting|Anyway|Still,)")
            .expect("valid")
    });
    static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|\W)(?:said|says|say|told|tells|according\s+to|announced|spokes(?:man|woman|person)|confirmed|added)(?:\W|$)|(?:^|\W)(?:Mr|Ms|Mrs|Dr|Prof)\.?\s")
            .expect("valid")
    });
    let outside_quotes = strip_quoted(text);
    (POINTING_BACK.is_match(text) || OWN_VOICE.is_match(&outside_quotes))
        && !REPORTING.is_match(&outside_quotes)
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
    /// check the merged patterns against.
    fn by_patterns(text: &str) -> bool {
        let pattern = |p: &str| Regex::new(p).expect("valid");
        let first_person =
            pattern(r"(?:^|\W)(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|my|me|myself)(?:\W|$)");
        let pointing_back = pattern(
            r"^(?:That’s|That's|That\s+(?:is|was|may|might|could|seems)|This\s+(?:is|was|may|might|could|just|sort|kind|seems|looks)|It’s|It's|Actually|Which|So\s|Hence|Clearly|Obviously|Of\s+course|Interesting|Anyway|Still,)",
        );
        let hedge = pattern(
            r"(?:^|\W)(?:seems?|probably|perhaps|I\s+think|I\s+wonder|hard\s+to\s+know|obviously)(?:\W|$)",
        );
        let reporting = pattern(
            r"(?:^|\W)(?:said|says|say|told|tells|according\s+to|announced|spokes(?:man|woman|person)|confirmed|added)(?:\W|$)|(?:^|\W)(?:Mr|Ms|Mrs|Dr|Prof)\.?\s",
        );
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
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn reads_as_the_patterns_did(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "I", "I’m", "I'm", "my", "me", "myself", "mine", "seem", "seems", "seemed",
                    "probably", "perhaps", "obviously", "hard", "to", "know", "think", "said",
                    "say", "told", "according", "spokesman", "added", "Mr", "Mr.", "Mrs", "Dr.",
                    "Prof", "That’s", "This", "is", "So", "Still,", "the", "report", "“", "”",
                    ".", ",", "!", "é", "x", "_", "2", "²", "\u{301}", "’", "-", "(", ")", "…",
                ]),
                0..12,
            ),
            separators in prop::collection::vec(
                prop::sample::select(vec![" ", "", "  ", "\u{a0}", "\t", ".", "-"]),
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
