//! Splitting running text into words, the way topic derivation reads it:
//! apostrophes, hyphens and dots inside a word belong to it, and each word
//! knows whether it opens a sentence.
//!
//! Topic derivation runs this over every word of a corpus twice, so it
//! settles ASCII from a table and letters eight bytes at a time.

/// One word of running text.
#[derive(Debug, Clone, Copy)]
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
/// This runs over every word of a corpus twice, so ASCII bytes are settled
/// from a table and only other characters go through [`classify`].
pub fn words_into<'a>(text: &'a str, out: &mut Vec<Word<'a>>) {
    out.clear();
    let bytes = text.as_bytes();
    let alphanumeric_at =
        |at: usize| at < bytes.len() && classify(text, at).0 == Class::Alphanumeric;
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
        loop {
            at += ascii_alphanumeric_run(&bytes[at..]);
            if at == bytes.len() {
                break;
            }
            let kind = ASCII_KIND[bytes[at] as usize];
            if kind == NON_ASCII {
                let (class, len) = classify(text, at);
                let inside = class == Class::Alphanumeric
                    || (text[at..].starts_with('’') && alphanumeric_at(at + len));
                if !inside {
                    break;
                }
                at += len;
            } else if kind & JOINER != 0 && alphanumeric_at(at + 1) {
                at += 1;
            } else {
                break;
            }
        }
        out.push(Word {
            text: &text[start..at],
            start,
            sentence_start,
        });
        sentence_start = false;
    }
}

/// How many bytes at the start of `bytes` are ASCII letters and digits.
///
/// Eight bytes at a time: most words fit in one step, so the loop takes one
/// hard-to-predict branch per word rather than one per letter.
fn ascii_alphanumeric_run(bytes: &[u8]) -> usize {
    const fn splat(byte: u8) -> u64 {
        byte as u64 * 0x0101_0101_0101_0101
    }
    const HIGH: u64 = splat(0x80);
    // For bytes below 0x80, the high bit of each byte of the result says
    // whether that byte is in `lo..=hi`; no sum carries into the next byte.
    let in_range = |v: u64, lo: u8, hi: u8| {
        v.wrapping_add(splat(0x80 - lo)) & !v.wrapping_add(splat(0x7f - hi)) & HIGH
    };
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
