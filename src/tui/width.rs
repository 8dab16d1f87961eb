//! How wide text is on screen, measured one way everywhere: per grapheme
//! (a character with the marks and joiners that belong to it), of the form
//! the text is drawn in.
//!
//! Terminals disagree about some emoji sequences: `❤️` (a character and
//! U+FE0F, "as emoji") is one column to most terminals and two to Unicode's
//! tables; a skin tone after a hand (`👍🏽`) is two columns or four; a
//! ZWJ sequence one glyph or several. A cell measured one way and drawn
//! another shifts the rest of the row, leaving half characters behind and
//! borders out of place. So text is drawn in [`terminal_form`], which
//! leaves out what terminals measure differently, and measured in that
//! form, by [`width`]: what the reader lays out is what every terminal shows.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Variation selectors asking for text or emoji presentation.
const TEXT_STYLE: char = '\u{FE0E}';
const EMOJI_STYLE: char = '\u{FE0F}';
/// Joins emoji into one glyph where a terminal supports the sequence.
const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// `text` as it is drawn: without presentation selectors, joiners, and
/// skin-tone modifiers that follow another character, the parts of emoji
/// sequences terminals measure differently. What is left is the base
/// characters, which every terminal measures alike.
///
/// `"I ❤️ 1️⃣ 👍🏽"` is drawn `"I ❤ 1⃣ 👍"`; a skin tone on its own (`"🏽"`,
/// after a space) and a flag (`"🇳🇿"`, two regional indicators, two columns
/// everywhere) are drawn as they are.
pub fn terminal_form(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_left_out_candidate) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let left_out = match c {
            TEXT_STYLE | EMOJI_STYLE | ZERO_WIDTH_JOINER => true,
            '\u{1F3FB}'..='\u{1F3FF}' => previous.is_some_and(|p| !p.is_whitespace()),
            _ => false,
        };
        if !left_out {
            out.push(c);
            previous = Some(c);
        }
    }
    Cow::Owned(out)
}

fn is_left_out_candidate(c: char) -> bool {
    matches!(
        c,
        TEXT_STYLE | EMOJI_STYLE | ZERO_WIDTH_JOINER | '\u{1F3FB}'..='\u{1F3FF}'
    )
}

/// The columns `text` takes on screen, drawn in its [`terminal_form`]:
/// the sum of its graphemes' widths.
pub fn width(text: &str) -> usize {
    let form = terminal_form(text);
    if form.is_ascii() {
        return form.len();
    }
    // Most prose is a grapheme per character (accented letters, curly
    // quotes, dashes): no need to segment it.
    let mut columns = 0;
    for c in form.chars() {
        if !is_own_grapheme(c) {
            return form.graphemes(true).map(UnicodeWidthStr::width).sum();
        }
        columns += c.width().unwrap_or(0);
    }
    columns
}

/// Characters that are a grapheme of their own wherever they stand, as wide
/// alone as in any company: printable Latin with its accented letters,
/// Greek and Cyrillic letters, and the dashes, quotation marks, bullets and
/// ellipsis of general punctuation. Combining marks, joiners, format
/// characters, Hangul jamo and regional indicators join their neighbours
/// and are left to segmentation.
///
/// Accepts `é`, `“`, `—`, `Ж`; rejects U+0301 (a combining accent), U+200D
/// (the zero-width joiner) and U+00AD (a soft hyphen, a format character).
fn is_own_grapheme(c: char) -> bool {
    matches!(
        c,
        ' '..='~'
            | '\u{A0}'..='\u{AC}'
            | '\u{AE}'..='\u{2FF}'
            | '\u{370}'..='\u{482}'
            | '\u{48A}'..='\u{52F}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
    )
}

/// `text` in its [`terminal_form`], cut to at most `columns` columns, a
/// whole grapheme at a time, with an ellipsis where it was cut.
pub fn truncated(text: &str, columns: usize) -> String {
    let form = terminal_form(text);
    if width(&form) <= columns {
        return form.into_owned();
    }
    if columns == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for grapheme in form.graphemes(true) {
        let w = grapheme.width();
        if used + w + 1 > columns {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

/// `text` truncated to `columns` and padded with spaces to exactly that
/// many columns, by display width (`format!("{:<n}")` pads by characters,
/// which a wide character throws out of line).
pub fn padded(text: &str, columns: usize) -> String {
    let mut out = truncated(text, columns);
    let used = width(&out);
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

/// The longest end of `text` that fits in `columns` columns, whole
/// graphemes only (a prompt shows the end of a long query, where the
/// typing is). In [`terminal_form`].
pub fn tail_fitting(text: &str, columns: usize) -> String {
    let form = terminal_form(text);
    let mut used = 0;
    let mut start = form.len();
    for (at, grapheme) in form.grapheme_indices(true).rev() {
        let w = grapheme.width();
        if used + w > columns {
            break;
        }
        used += w;
        start = at;
    }
    form[start..].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_sequences_are_drawn_as_their_bases() {
        assert_eq!(
            terminal_form("I ❤\u{FE0F} 1\u{FE0F}\u{20E3}"),
            "I ❤ 1\u{20E3}"
        );
        assert_eq!(terminal_form("👍\u{1F3FD} and 👩\u{200D}💻"), "👍 and 👩💻");
        assert_eq!(terminal_form("tone 🏽 alone"), "tone 🏽 alone");
        assert_eq!(terminal_form("🇳🇿 plain"), Cow::Borrowed("🇳🇿 plain"));
    }

    #[test]
    fn width_is_per_grapheme_of_the_drawn_form() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("漢字"), 4);
        assert_eq!(width("❤\u{FE0F}"), 1);
        assert_eq!(width("1\u{FE0F}\u{20E3}"), 1);
        assert_eq!(width("👍\u{1F3FD}"), 2);
        assert_eq!(width("🇳🇿🇫🇷"), 4);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("👩\u{200D}💻"), 4);
    }

    proptest::proptest! {
        /// The shortcut for prose measures what segmentation measures.
        #[test]
        fn prose_is_measured_as_its_graphemes(
            text in "[a-zé“”’—…Жαß\u{A0}-\u{2FF}\u{300}-\u{36F}\u{2000}-\u{206F}\u{AD}\u{1100}\u{1161}🇳🇿👍\u{1F3FD}\u{FE0F}\u{200D}]{0,24}"
        ) {
            let form = terminal_form(&text);
            let by_graphemes: usize = form.graphemes(true).map(UnicodeWidthStr::width).sum();
            proptest::prop_assert_eq!(width(&text), by_graphemes);
        }
    }

    #[test]
    fn prose_needs_no_segmentation_but_marks_and_joiners_do() {
        assert!("Café “déjà vu” — Жук".chars().all(is_own_grapheme));
        for joining in ['\u{301}', '\u{200D}', '\u{AD}', '\u{1F1F3}', '\u{1161}'] {
            assert!(!is_own_grapheme(joining), "{joining:?}");
        }
        assert_eq!(width("e\u{301}té"), 3);
    }

    #[test]
    fn truncating_and_padding_go_by_columns() {
        assert_eq!(truncated("Harbour bridge", 8), "Harbour…");
        assert_eq!(truncated("漢字仮名交じり", 6), "漢字…");
        assert_eq!(truncated("anything", 0), "");
        assert_eq!(padded("漢字", 6), "漢字  ");
        assert_eq!(width(&padded("漢字仮名交じり文", 7)), 7);
        assert_eq!(padded("ab", 4), "ab  ");
        assert_eq!(tail_fitting("abc漢字", 5), "c漢字");
        assert_eq!(tail_fitting("abc漢字", 4), "漢字");
    }
}
