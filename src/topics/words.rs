//! Splitting running text into words, the way topic derivation reads it:
//! apostrophes, hyphens and dots inside a word belong to it, and each word
//! knows whether it opens a sentence.
//!
//! Topic derivation reads every word of a corpus once, and its capitalised
//! words once more ([`capitalised_words`]), so both settle ASCII from a
//! table and look at eight bytes at a time.

/// One word of running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Byte offset of the word in its text.
    pub start: usize,
    pub sentence_start: bool,
}

/// Splits text into words, noting which open a sentence. Apostrophes,
/// hyphens and dots inside a word belong to it ("Trump’s", "NZ-EU", "U.S").
#[cfg(test)]
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    words_into(text, &mut out);
    out
}

/// [`words`] into a buffer the caller reuses, so that a pass over a whole
/// corpus allocates once rather than once per paragraph.
///
/// This runs over every word of a corpus, so ASCII bytes are settled from a
/// table and only other characters go through [`classify`].
pub fn words_into<'a>(text: &'a str, out: &mut Vec<Word<'a>>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut sentence_start = true;
    let mut at = 0;
    while at < bytes.len() {
        let kind = ASCII_KIND[bytes[at] as usize];
        if kind != ALPHANUMERIC {
            if kind == NON_ASCII {
                let (class, len) = classify(text, at);
                if class != Class::Alphanumeric {
                    sentence_start |= class == Class::SentenceMark;
                    at += len;
                    continue;
                }
            } else {
                sentence_start |= kind & SENTENCE_MARK != 0;
                at += 1;
                continue;
            }
        }
        let start = at;
        at = word_end(text, start);
        out.push(Word {
            text: &text[start..at],
            start,
            sentence_start,
        });
        sentence_start = false;
    }
}

/// Bytes of text split into words at a time: a field longer than this is
/// split in [`pieces`], so that the word lists stay small however long a
/// field is (a single-line archive is one paragraph of 50 MB).
const PIECE: usize = 1 << 16;

/// `text` in pieces of about [`PIECE`] bytes, each cut just after white
/// space (or, in text without any, at a character boundary). A word or
/// name cut at a piece's edge is the price of bounded memory; at 64 KiB
/// a piece, it is at most one word in tens of thousands.
pub fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = rest.len();
        if cut > PIECE {
            cut = PIECE;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            if let Some(space) = rest[..cut].rfind(char::is_whitespace) {
                cut = space + 1;
            }
        }
        let (piece, after) = rest.split_at(cut);
        rest = after;
        Some(piece)
    })
}

/// The end of the word that starts at byte `start` of `text`: runs of
/// letters and digits, joined by an apostrophe, a hyphen or a dot that has a
/// letter or digit on both sides.
///
/// Inlined: it runs once per word of a corpus and usually takes one step,
/// which costs less than the call would.
#[inline(always)]
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start;
    loop {
        at += ascii_alphanumeric_run(&bytes[at..]);
        if at == bytes.len() {
            return at;
        }
        let kind = ASCII_KIND[bytes[at] as usize];
        if kind == NON_ASCII {
            let (class, len) = classify(text, at);
            let inside = class == Class::Alphanumeric
                || (text[at..].starts_with('’') && alphanumeric_at(text, at + len));
            if !inside {
                return at;
            }
            at += len;
        } else if kind & JOINER != 0 && alphanumeric_at(text, at + 1) {
            at += 1;
        } else {
            return at;
        }
    }
}

fn alphanumeric_at(text: &str, at: usize) -> bool {
    at < text.len() && classify(text, at).0 == Class::Alphanumeric
}

/// A capitalised word, with what topic derivation asks of its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capitalised<'a> {
    pub word: Word<'a>,
    /// The word before it, if there is one and it is capitalised.
    pub previous: Option<&'a str>,
    /// The word after it is capitalised and does not open a sentence.
    pub next_continues: bool,
}

/// The capitalised words of `text`, as [`words_into`] splits it, each passed to
/// `each` with its neighbours.
///
/// Most words of prose are lower case, and a pass that wants only the
/// capitalised ones need not split the rest: this looks for capital letters
/// (and characters outside ASCII) eight bytes at a time, and reads around
/// each only as far as the words beside it.
pub fn capitalised_words<'a>(text: &'a str, mut each: impl FnMut(Capitalised<'a>)) {
    let bytes = text.as_bytes();
    let mut latest: Option<Word<'a>> = None;
    let mut from = 0;
    while let Some(at) = next_capital(bytes, from) {
        let c = text[at..].chars().next().expect("a char starts here");
        from = at + c.len_utf8();
        if !c.is_uppercase() || joins_word_before(text, at) {
            continue;
        }
        let (previous_end, mark_before) = gap_before(text, at);
        let end = word_end(text, at);
        let word = Word {
            text: &text[at..end],
            start: at,
            sentence_start: previous_end.is_none() || mark_before,
        };
        let previous = latest
            .filter(|w| Some(w.start + w.text.len()) == previous_end)
            .map(|w| w.text);
        let next_continues = match gap_after(text, end) {
            Some((next, mark)) => !mark && text[next..].starts_with(char::is_uppercase),
            None => false,
        };
        each(Capitalised {
            word,
            previous,
            next_continues,
        });
        latest = Some(word);
        from = end;
    }
}

/// Whether the letter at `at` carries on a word: a letter or digit before
/// it, or a joiner with a letter or digit before that.
fn joins_word_before(text: &str, at: usize) -> bool {
    let Some(before) = char_before(text, at) else {
        return false;
    };
    if classify(text, before).0 == Class::Alphanumeric {
        return true;
    }
    let joiner = ASCII_KIND[text.as_bytes()[before] as usize] & JOINER != 0
        || text[before..].starts_with('’');
    joiner && char_before(text, before).is_some_and(|b| alphanumeric_at(text, b))
}

/// Where the word before byte `at` ends, if there is one, and whether a
/// sentence mark stands between it and `at`.
fn gap_before(text: &str, at: usize) -> (Option<usize>, bool) {
    let mut mark = false;
    let mut at = at;
    while let Some(before) = char_before(text, at) {
        match classify(text, before).0 {
            Class::Alphanumeric => return (Some(at), mark),
            Class::SentenceMark => mark = true,
            Class::Other => {}
        }
        at = before;
    }
    (None, mark)
}

/// Where the next word after byte `at` starts, if there is one, and
/// whether a sentence mark stands before it.
fn gap_after(text: &str, mut at: usize) -> Option<(usize, bool)> {
    let mut mark = false;
    while at < text.len() {
        let (class, len) = classify(text, at);
        match class {
            Class::Alphanumeric => return Some((at, mark)),
            Class::SentenceMark => mark = true,
            Class::Other => {}
        }
        at += len;
    }
    None
}

/// The start of the character that ends at byte `at`.
fn char_before(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut before = at.checked_sub(1)?;
    while before > 0 && bytes[before] & 0xc0 == 0x80 {
        before -= 1;
    }
    Some(before)
}

/// The first byte at or after `from` that is an ASCII capital or starts a
/// character outside ASCII: where a capitalised word can start.
fn next_capital(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let capital = in_range(x & !HIGH, b'A', b'Z') & !x & HIGH;
        // The two top bits set: the first byte of a character outside ASCII.
        let lead = x & (x << 1) & HIGH;
        let found = capital | lead;
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    (at..bytes.len()).find(|&i| bytes[i].is_ascii_uppercase() || bytes[i] >= 0xc0)
}

const fn splat(byte: u8) -> u64 {
    byte as u64 * 0x0101_0101_0101_0101
}

const HIGH: u64 = splat(0x80);

/// For bytes of `v` below 0x80, the high bit of each byte of the result
/// says whether that byte is in `lo..=hi`; no sum carries into the next byte.
const fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    v.wrapping_add(splat(0x80 - lo)) & !v.wrapping_add(splat(0x7f - hi)) & HIGH
}

/// How many bytes at the start of `bytes` are ASCII letters and digits.
///
/// Eight bytes at a time: most words fit in one step, so the loop takes one
/// hard-to-predict branch per word rather than one per letter.
fn ascii_alphanumeric_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    while let Some(chunk) = bytes.get(run..run + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let ascii = !x & HIGH;
        let low = x & !HIGH;
        let alphanumeric =
            (in_range(low, b'0', b'9') | in_range(low | splat(0x20), b'a', b'z')) & ascii;
        let stop = !alphanumeric & HIGH;
        if stop != 0 {
            return run + (stop.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes[run..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

const ALPHANUMERIC: u8 = 1;
const SENTENCE_MARK: u8 = 2;
const JOINER: u8 = 4;
const NON_ASCII: u8 = 8;

/// What each byte is to the tokenizer, where a byte alone can say.
static ASCII_KIND: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_alphanumeric() {
            ALPHANUMERIC
        } else if b >= 0x80 {
            NON_ASCII
        } else {
            let mark = matches!(b, b'.' | b'!' | b'?' | b':' | b'"' | b'(');
            let joiner = matches!(b, b'\'' | b'-' | b'.');
            (if mark { SENTENCE_MARK } else { 0 }) | (if joiner { JOINER } else { 0 })
        };
        byte += 1;
    }
    table
};

/// What a character means to the tokenizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Alphanumeric,
    /// Opens a sentence after it: `.` `!` `?` `:` `“` `"` `…` `(` `–` `—` `•`.
    SentenceMark,
    Other,
}

/// The class and UTF-8 length of the character at byte `at` of `text`.
///
/// ASCII and General Punctuation (U+2000–U+206F: curly quotes, dashes,
/// ellipsis), which hold nearly every character of English prose, are
/// settled from their bytes; only other characters are decoded.
#[inline]
fn classify(text: &str, at: usize) -> (Class, usize) {
    let bytes = text.as_bytes();
    let byte = bytes[at];
    if byte < 0x80 {
        let kind = ASCII_KIND[byte as usize];
        let class = if kind == ALPHANUMERIC {
            Class::Alphanumeric
        } else if kind & SENTENCE_MARK != 0 {
            Class::SentenceMark
        } else {
            Class::Other
        };
        return (class, 1);
    }
    // U+2000–U+203F and U+2040–U+206F.
    if byte == 0xe2 && (bytes[at + 1] == 0x80 || (bytes[at + 1] == 0x81 && bytes[at + 2] <= 0xaf)) {
        // “ U+201C, … U+2026, – U+2013, — U+2014, • U+2022.
        let mark =
            bytes[at + 1] == 0x80 && matches!(bytes[at + 2], 0x9c | 0xa6 | 0x93 | 0x94 | 0xa2);
        let class = if mark {
            Class::SentenceMark
        } else {
            Class::Other
        };
        return (class, 3);
    }
    let c = text[at..]
        .chars()
        .next()
        .expect("`at` is on a char boundary");
    let class = if c.is_alphanumeric() {
        Class::Alphanumeric
    } else {
        Class::Other
    };
    (class, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_runs_are_measured_eight_bytes_at_a_time_exactly() {
        for byte in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = *b"abcdefghijklmnopqrstu";
                bytes[at] = byte;
                let expected = bytes
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                assert_eq!(
                    ascii_alphanumeric_run(&bytes),
                    expected,
                    "{byte:#x} at {at}"
                );
            }
        }
        assert_eq!(ascii_alphanumeric_run(b""), 0);
        assert_eq!(ascii_alphanumeric_run(b"Z09az"), 5);
    }

    /// The capitalised words as found by splitting every word: what
    /// [`capitalised_words`] must agree with.
    fn capitalised_by_splitting(text: &str) -> Vec<Capitalised<'_>> {
        let capitalised = |w: &Word<'_>| w.text.starts_with(char::is_uppercase);
        let all = words(text);
        all.iter()
            .enumerate()
            .filter(|(_, w)| capitalised(w))
            .map(|(i, &word)| Capitalised {
                word,
                previous: i
                    .checked_sub(1)
                    .map(|p| all[p])
                    .filter(capitalised)
                    .map(|p| p.text),
                next_continues: all
                    .get(i + 1)
                    .is_some_and(|n| capitalised(n) && !n.sentence_start),
            })
            .collect()
    }

    fn capitalised_by_scanning(text: &str) -> Vec<Capitalised<'_>> {
        let mut out = Vec::new();
        capitalised_words(text, |c| out.push(c));
        out
    }

    #[test]
    fn capitalised_words_know_their_neighbours() {
        let text = "Prime Minister Jacinda Ardern’s view. NZ-EU talks: “The deal” and McDonald’s eBay Émile";
        let found: Vec<(&str, bool, Option<&str>, bool)> = capitalised_by_scanning(text)
            .iter()
            .map(|c| {
                (
                    c.word.text,
                    c.word.sentence_start,
                    c.previous,
                    c.next_continues,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Prime", true, None, true),
                ("Minister", false, Some("Prime"), true),
                ("Jacinda", false, Some("Minister"), true),
                ("Ardern’s", false, Some("Jacinda"), false),
                ("NZ-EU", true, None, false),
                ("The", true, None, false),
                ("McDonald’s", false, None, false),
                ("Émile", false, None, false),
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn capitalised_words_are_found_as_by_splitting_every_word(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Trump", "trump", "A", "a", "É", "élan", "Ж", "ж", "ß", "ǅ", "İ", "3", "U.S",
                    "McDonald", "eBay", "’", "'", "-", ".", ":", "!", "?", "(", " ", "  ", "\u{a0}",
                    "“", "”", "…", "—", "–", "•", "\t", "\n", "x", "Ab",
                ]),
                0..16,
            ),
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(
                capitalised_by_scanning(&text),
                capitalised_by_splitting(&text),
                "{:?}",
                text
            );
        }
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_dots_and_know_sentence_starts() {
        let text = "Trump’s NZ-EU deal. “Yes,” said the U.S envoy… (Again) it's élan — 'quoted' -x 3.5 end.";
        let got: Vec<(&str, bool)> = words(text)
            .iter()
            .map(|w| (w.text, w.sentence_start))
            .collect();
        assert_eq!(
            got,
            [
                ("Trump’s", true),
                ("NZ-EU", false),
                ("deal", false),
                ("Yes", true),
                ("said", false),
                ("the", false),
                ("U.S", false),
                ("envoy", false),
                ("Again", true),
                ("it's", false),
                ("élan", false),
                ("quoted", true),
                ("x", false),
                ("3.5", false),
                ("end", false),
            ]
        );
        for (word, start) in words(text).iter().map(|w| (w.text, w.start)) {
            assert_eq!(&text[start..start + word.len()], word);
        }
    }
}
