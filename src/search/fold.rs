//! Folding text for matching: accents dropped, ligatures and typographic
//! punctuation made plain, whitespace runs made one space, and a lower-case
//! variant that keeps every character's byte length.
//!
//! The index folds the corpus and [`super::Query`] folds what the reader types
//! with the same functions, so both sides always agree.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Whitespace and control characters all fold to one space, and a run of
/// them to a single space, so a phrase matches whatever spacing the text has.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Folds one character that is not a space, calling `emit` for each
/// character of its folded form (none for combining marks and invisible
/// characters).
///
/// Canonical decomposition splits `é` into `e` and a combining acute, and the
/// mark is dropped; Hangul syllables are kept whole because their jamo are
/// letters, not accents.
pub(crate) fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(c);
        return;
    }
    if let Some(plain) = plain_form(c) {
        plain.chars().for_each(emit);
        return;
    }
    if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
        emit(c);
        return;
    }
    decompose_canonical(c, |part| {
        if is_combining_mark(part) {
            return;
        }
        match plain_form(part) {
            Some(plain) => plain.chars().for_each(&mut emit),
            None => emit(part),
        }
    });
}

/// Characters that canonical decomposition leaves alone but a reader types
/// differently: `’` as `'`, `–` as `-`, `ß` as `ss`, `ø` as `o`. Invisible
/// characters (soft hyphen, zero-width space, byte-order mark) fold to nothing.
fn plain_form(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        'ß' => "ss",
        'ẞ' => "SS",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'đ' | 'ð' => "d",
        'Đ' | 'Ð' => "D",
        'ı' => "i",
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        _ => return None,
    })
}

/// The lower case of `c` when it is a single character of the same UTF-8
/// length, else `c` itself.
///
/// Keeping lengths equal lets the case-blind and the case-kept copies of the
/// corpus share one offset map. The few characters whose lower case differs
/// in length (`ẞ`, `Ⱥ`) stay as they are and so only match case-sensitively.
pub(crate) fn lower_same_len(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) if single.len_utf8() == c.len_utf8() => single,
        _ => c,
    }
}

/// Folds a whole string the way the index folds a field: accents dropped,
/// whitespace runs made one space, lower-cased when `lower` is set.
pub(crate) fn fold_str(text: &str, lower: bool) -> String {
    let mut out = String::with_capacity(text.len());
    Folding::new(lower).push(text, &mut out);
    out
}

/// Folding done a piece at a time, as [`fold_str`] folds the whole: what
/// it remembers between pieces is whether the folded text so far ends in a
/// space, so a whitespace run across two pieces still folds to one space.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Folding {
    lower: bool,
    after_space: bool,
}

impl Folding {
    pub(crate) fn new(lower: bool) -> Folding {
        Folding {
            lower,
            after_space: false,
        }
    }

    /// Appends the folded form of `text` to `out`.
    pub(crate) fn push(&mut self, text: &str, out: &mut String) {
        let mut rest = text;
        while !rest.is_empty() {
            // Most text is printable ASCII, which folds to itself (lower
            // case aside): copy such runs whole.
            let run = rest
                .bytes()
                .position(|b| !b.is_ascii_graphic())
                .unwrap_or(rest.len());
            if run > 0 {
                let start = out.len();
                out.push_str(&rest[..run]);
                if self.lower {
                    out[start..].make_ascii_lowercase();
                }
                self.after_space = false;
            }
            let after = &rest[run..];
            let Some(c) = after.chars().next() else {
                break;
            };
            self.push_char(c, out);
            rest = &after[c.len_utf8()..];
        }
    }

    fn push_char(&mut self, c: char, out: &mut String) {
        if is_space(c) {
            if !self.after_space {
                out.push(' ');
                self.after_space = true;
            }
            return;
        }
        let before = out.len();
        let lower = self.lower;
        fold_char(c, |folded| {
            out.push(if lower {
                lower_same_len(folded)
            } else {
                folded
            })
        });
        if out.len() > before {
            self.after_space = false;
        }
    }
}

/// Whether a query asks for case-sensitive matching: it holds a capital
/// letter. In a regular expression, letters that are part of an escape
/// (`\W`, `\S`, `\p{Lu}`) do not count.
pub(crate) fn has_capital(query: &str, regex: bool) -> bool {
    if !regex {
        return query.chars().any(char::is_uppercase);
    }
    let mut chars = query.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                // `\p{Lu}` / `\P{Greek}` name a class; skip its braces.
                Some('p' | 'P') => {
                    if chars.clone().next() == Some('{') {
                        chars.by_ref().find(|&c| c == '}');
                    } else {
                        chars.next();
                    }
                }
                // `\x{41}`, `\u{0041}` spell a code point in hex.
                Some('x' | 'u' | 'U') if chars.clone().next() == Some('{') => {
                    chars.by_ref().find(|&c| c == '}');
                }
                _ => {}
            }
        } else if c.is_uppercase() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_are_dropped_both_precomposed_and_combining() {
        assert_eq!(fold_str("François", true), "francois");
        assert_eq!(fold_str("Franc\u{327}ois", true), "francois");
        assert_eq!(fold_str("Ångström", false), "Angstrom");
    }

    #[test]
    fn typographic_punctuation_and_ligatures_become_plain() {
        assert_eq!(
            fold_str("Ardern’s “line” – 2019…", true),
            "ardern's \"line\" - 2019..."
        );
        assert_eq!(fold_str("Straße Œuvre", true), "strasse oeuvre");
        assert_eq!(fold_str("soft\u{AD}hyphen", true), "softhyphen");
    }

    #[test]
    fn whitespace_runs_become_one_space() {
        assert_eq!(fold_str("a \t\u{A0} b\n\nc", true), "a b c");
    }

    #[test]
    fn lower_case_keeps_lengths() {
        for c in ['A', 'É', 'Σ', 'Ж', 'ẞ', 'Ⱥ', 'İ', '中'] {
            assert_eq!(lower_same_len(c).len_utf8(), c.len_utf8(), "{c}");
        }
        assert_eq!(lower_same_len('Σ'), 'σ');
        assert_eq!(lower_same_len('ẞ'), 'ẞ');
    }

    #[test]
    fn capitals_in_escapes_do_not_make_a_regex_case_sensitive() {
        assert!(has_capital("Ardern", false));
        assert!(!has_capital("ardern", false));
        assert!(!has_capital(r"\W\S\D\B \p{Lu} \x{41}", true));
        assert!(has_capital(r"\bArdern\b", true));
        assert!(has_capital("É", false));
    }

    #[test]
    fn hangul_is_kept_whole() {
        assert_eq!(fold_str("한국", true), "한국");
    }
}
