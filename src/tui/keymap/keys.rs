//! Keys as the key table matches them, as Help writes them and as the
//! config file names them.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key the table can match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyPattern {
    Plain(KeyCode),
    Ctrl(char),
    /// Any of 1–9; the digit becomes the action's number.
    Digit,
    /// Any character typed without Ctrl or Alt; it becomes the action's
    /// character (typing into a prompt).
    AnyChar,
}

/// What a matching key carries into its action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Captured {
    Nothing,
    Number(usize),
    Char(char),
}

/// Named keys: the config file's name for each, and Help's label.
const NAMED: &[(KeyCode, &str, &str)] = &[
    (KeyCode::Char(' '), "Space", "Space"),
    (KeyCode::Up, "Up", "↑"),
    (KeyCode::Down, "Down", "↓"),
    (KeyCode::Left, "Left", "←"),
    (KeyCode::Right, "Right", "→"),
    (KeyCode::PageUp, "PageUp", "PgUp"),
    (KeyCode::PageDown, "PageDown", "PgDn"),
    (KeyCode::Home, "Home", "Home"),
    (KeyCode::End, "End", "End"),
    (KeyCode::Enter, "Enter", "Enter"),
    (KeyCode::Esc, "Esc", "Esc"),
    (KeyCode::Tab, "Tab", "Tab"),
    (KeyCode::BackTab, "Shift-Tab", "Shift-Tab"),
    (KeyCode::Backspace, "Backspace", "Backspace"),
    (KeyCode::Delete, "Delete", "Delete"),
    (KeyCode::Insert, "Insert", "Insert"),
];

/// Other spellings the config file accepts for named keys.
const ALIASES: &[(&str, KeyCode)] = &[
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Return", KeyCode::Enter),
    ("Escape", KeyCode::Esc),
    ("BackTab", KeyCode::BackTab),
    ("Del", KeyCode::Delete),
];

impl KeyPattern {
    pub(super) fn matches(self, key: &KeyEvent) -> Option<Captured> {
        // Shift is part of the character itself ('G', '?', '}'); terminals
        // differ in whether they also report it, so it is ignored for chars.
        let mods = key.modifiers - KeyModifiers::SHIFT;
        match self {
            KeyPattern::Plain(code) => {
                (code == key.code && mods.is_empty()).then_some(Captured::Nothing)
            }
            KeyPattern::Ctrl(c) => (key.code == KeyCode::Char(c) && mods == KeyModifiers::CONTROL)
                .then_some(Captured::Nothing),
            KeyPattern::Digit => match key.code {
                KeyCode::Char(c @ '1'..='9') if mods.is_empty() => {
                    c.to_digit(10).map(|d| Captured::Number(d as usize))
                }
                _ => None,
            },
            KeyPattern::AnyChar => match key.code {
                KeyCode::Char(c) if mods.is_empty() && !c.is_control() => Some(Captured::Char(c)),
                _ => None,
            },
        }
    }

    /// The key as Help writes it.
    pub fn label(self) -> String {
        match self {
            KeyPattern::Ctrl(c) => format!("Ctrl-{c}"),
            KeyPattern::Digit => "1–9".to_string(),
            KeyPattern::AnyChar => "text".to_string(),
            KeyPattern::Plain(code) => match NAMED.iter().find(|(named, ..)| *named == code) {
                Some((_, _, label)) => (*label).to_string(),
                None => code_name(code),
            },
        }
    }

    /// The key as the config file names it ("j", "Ctrl-o", "PageDown");
    /// `None` for the patterns a config cannot bind (digits, typing).
    pub fn config_name(self) -> Option<String> {
        match self {
            KeyPattern::Ctrl(c) => Some(format!("Ctrl-{c}")),
            KeyPattern::Digit | KeyPattern::AnyChar => None,
            KeyPattern::Plain(code) => {
                Some(match NAMED.iter().find(|(named, ..)| *named == code) {
                    Some((_, name, _)) => (*name).to_string(),
                    None => code_name(code),
                })
            }
        }
    }

    /// Reads a key as the config file names it; see [`KeyPattern::config_name`].
    ///
    /// A single character is that key (`"G"`, `"]"`); `Ctrl-x` is Ctrl with
    /// a letter; named keys go by their names in any case (`"PageDown"`,
    /// `"esc"`); `F1`–`F12` are the function keys.
    pub fn parse(name: &str) -> Option<KeyPattern> {
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control()).then_some(KeyPattern::Plain(KeyCode::Char(c)));
        }
        if let Some(rest) = strip_prefix_ignoring_case(name, "Ctrl-") {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => {
                    Some(KeyPattern::Ctrl(c.to_ascii_lowercase()))
                }
                _ => None,
            };
        }
        let named = NAMED
            .iter()
            .map(|(code, name, _)| (*name, *code))
            .chain(ALIASES.iter().copied())
            .find(|(known, _)| known.eq_ignore_ascii_case(name));
        if let Some((_, code)) = named {
            return Some(KeyPattern::Plain(code));
        }
        let number = strip_prefix_ignoring_case(name, "F")?.parse::<u8>().ok()?;
        (1..=12)
            .contains(&number)
            .then_some(KeyPattern::Plain(KeyCode::F(number)))
    }
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// A key without a name of its own: a character, or a function key.
fn code_name(code: KeyCode) -> String {
    match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_names_read_back_as_the_same_key() {
        let keys = [
            KeyPattern::Plain(KeyCode::Char('j')),
            KeyPattern::Plain(KeyCode::Char('G')),
            KeyPattern::Plain(KeyCode::Char(']')),
            KeyPattern::Plain(KeyCode::Char(' ')),
            KeyPattern::Plain(KeyCode::PageDown),
            KeyPattern::Plain(KeyCode::BackTab),
            KeyPattern::Plain(KeyCode::F(5)),
            KeyPattern::Ctrl('o'),
        ];
        for key in keys {
            let name = key.config_name().expect("bindable");
            assert_eq!(KeyPattern::parse(&name), Some(key), "{name}");
        }
    }

    #[test]
    fn names_are_read_in_any_case_and_by_their_aliases() {
        assert_eq!(
            KeyPattern::parse("pgdn"),
            Some(KeyPattern::Plain(KeyCode::PageDown))
        );
        assert_eq!(
            KeyPattern::parse("escape"),
            Some(KeyPattern::Plain(KeyCode::Esc))
        );
        assert_eq!(KeyPattern::parse("ctrl-O"), Some(KeyPattern::Ctrl('o')));
    }

    #[test]
    fn unknown_names_are_refused() {
        for name in [
            "",
            "PageSideways",
            "Ctrl-",
            "Ctrl-ab",
            "Ctrl-1",
            "F13",
            "F0",
            "\t",
        ] {
            assert_eq!(KeyPattern::parse(name), None, "{name:?}");
        }
    }
}
