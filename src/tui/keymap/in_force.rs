//! The key table in force: the shipped rows with the config's keys
//! applied, and what reads it: dispatch, the hints, Help.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::keys::Captured;
use super::{Binding, Context, DEFAULTS, KeyPattern, lookup_order};
use crate::tui::action::Action;
use crate::tui::app::{Focus, Overlay};
use crate::tui::filter::FilterAction;
use crate::tui::search::SearchAction;

/// Why the config's keys cannot be applied. Each names the row (and the
/// key) so the config loader can point at the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("unknown action `{0}` (`pundit config --default` lists them)")]
    UnknownAction(String),
    #[error("`{0}` cannot be given other keys")]
    NotRemappable(String),
    #[error("{key} is bound twice in the {context}: `{first}` and `{second}`")]
    BoundTwice {
        key: String,
        context: &'static str,
        first: &'static str,
        second: &'static str,
    },
}

impl KeymapError {
    /// The row the error is about, whose line in the config it points at:
    /// for a key bound twice, the row the config changed.
    pub fn row<'a>(&'a self, changed: &dyn Fn(&str) -> bool) -> &'a str {
        match self {
            KeymapError::UnknownAction(name) | KeymapError::NotRemappable(name) => name,
            KeymapError::BoundTwice { first, second, .. } => {
                if changed(second) {
                    second
                } else {
                    first
                }
            }
        }
    }
}

/// The key table in force: the defaults with the config's keys applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: DEFAULTS
                .iter()
                .map(|row| Binding {
                    name: row.name,
                    context: row.context,
                    keys: row.keys.to_vec(),
                    action: row.action,
                    hint: row.hint,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// The defaults with each named row given the keys `overrides` lists
    /// for it (an empty list unbinds the row). Fails on a name no row has,
    /// on a row whose keys cannot change, and on a key that would then be
    /// bound twice where it is looked up.
    pub fn with_overrides<'a>(
        overrides: impl IntoIterator<Item = (&'a str, Vec<KeyPattern>)>,
    ) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::default();
        for (name, keys) in overrides {
            let row = keymap
                .bindings
                .iter_mut()
                .find(|b| b.name == name)
                .ok_or_else(|| KeymapError::UnknownAction(name.to_string()))?;
            if !row.is_remappable() || !keys.iter().all(|k| k.config_name().is_some()) {
                return Err(KeymapError::NotRemappable(name.to_string()));
            }
            row.keys = keys;
        }
        keymap.check_clashes()?;
        Ok(keymap)
    }

    /// Every key is bound at most once among the contexts looked up
    /// together (the same key twice in one row is let through).
    pub(super) fn check_clashes(&self) -> Result<(), KeymapError> {
        for (i, first) in self.bindings.iter().enumerate() {
            for second in &self.bindings[i + 1..] {
                if first.context.clash_group() != second.context.clash_group() {
                    continue;
                }
                if let Some(key) = first.keys.iter().find(|k| second.keys.contains(k)) {
                    return Err(KeymapError::BoundTwice {
                        key: key.config_name().unwrap_or_else(|| key.label()),
                        context: context_phrase(first.context),
                        first: first.name,
                        second: second.name,
                    });
                }
            }
        }
        Ok(())
    }

    /// Every row, in table order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The bindings of one context, in table order.
    pub fn bindings_in(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The action bound to `key` given where the user is, if any.
    pub fn action_for(
        &self,
        key: &KeyEvent,
        focus: Focus,
        overlay: Option<Overlay>,
    ) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        for context in lookup_order(focus, overlay) {
            for binding in self.bindings_in(context) {
                for pattern in &binding.keys {
                    if let Some(captured) = pattern.matches(key) {
                        return Some(with_captured(binding.action, captured));
                    }
                }
            }
        }
        None
    }

    /// The keys a key event stands for. Terminals send Alt-x as ESC
    /// followed by x, so an Esc typed just before another key can arrive
    /// glued to it and be reported as Alt-x. pundit binds no Alt keys: an
    /// Alt key with no binding of its own is taken as Esc, then the key.
    ///
    /// `Alt-]` becomes `Esc`, `]`; `Ctrl-c` stays itself.
    pub fn keys_of(&self, key: KeyEvent, focus: Focus, overlay: Option<Overlay>) -> Vec<KeyEvent> {
        if !key.modifiers.contains(KeyModifiers::ALT)
            || self.action_for(&key, focus, overlay).is_some()
        {
            return vec![key];
        }
        let escape = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
        vec![escape, plain]
    }

    /// What the status bar says of a key with no binding where the user
    /// is: the pane it works in and what it does there, else how to see
    /// the keys. Nothing over Help (which shows the keys already) or for a
    /// modifier pressed alone.
    ///
    /// Short, to fit beside the position at 80 columns: `f` in the Article
    /// pane says "f: a key of the Topics pane (Tab)"; `x` says "x: not a
    /// key here (? lists keys)".
    pub fn unbound_message(&self, key: &KeyEvent, overlay: Option<Overlay>) -> Option<String> {
        if overlay == Some(Overlay::Help) || matches!(key.code, KeyCode::Modifier(_)) {
            return None;
        }
        let label = key_label(key);
        let elsewhere = [Focus::Topics, Focus::Article, Focus::Sources]
            .into_iter()
            .find(|&pane| {
                self.bindings_in(Context::of_focus(pane))
                    .any(|b| b.keys.iter().any(|k| k.matches(key).is_some()))
            });
        Some(match elsewhere {
            Some(pane) if overlay.is_none() => {
                format!("{label}: a key of the {} pane (Tab)", pane.name())
            }
            _ => format!("{label}: not a key here (? lists keys)"),
        })
    }

    /// The status-bar hints for where the user is: ("key", "what") pairs;
    /// the thread's only when the open post has comments.
    pub fn hints(
        &self,
        focus: Focus,
        overlay: Option<Overlay>,
        has_thread: bool,
    ) -> Vec<(String, &'static str)> {
        lookup_order(focus, overlay)
            .into_iter()
            .filter(|&context| has_thread || context != Context::Thread)
            .flat_map(|context| self.bindings_in(context))
            .filter_map(|b| {
                let key = b.keys.first()?.label();
                Some((key, b.hint?))
            })
            .collect()
    }

    /// The lines of the Help overlay: a heading per context, then "keys  what".
    pub fn help_sections(&self) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
        HELP_ORDER
            .into_iter()
            .map(|context| {
                let mut rows: Vec<(String, &'static str)> = Vec::new();
                if context == Context::Global {
                    rows.extend(
                        self.bindings_in(Context::Always)
                            .map(|b| (b.keys_label(), b.action.description())),
                    );
                }
                rows.extend(
                    self.bindings_in(context)
                        .map(|b| (b.keys_label(), b.action.description())),
                );
                (context.title(), rows)
            })
            .collect()
    }
}

/// A key event as Help writes keys: "f", "Ctrl-x", "F5".
fn key_label(key: &KeyEvent) -> String {
    let plain = match key.code {
        KeyCode::Char(c) => KeyPattern::Plain(KeyCode::Char(c)).label(),
        KeyCode::F(n) => format!("F{n}"),
        other => KeyPattern::Plain(other).label(),
    };
    let mods = key.modifiers - KeyModifiers::SHIFT;
    let mut label = String::new();
    for (modifier, name) in [
        (KeyModifiers::CONTROL, "Ctrl-"),
        (KeyModifiers::ALT, "Alt-"),
    ] {
        if mods.contains(modifier) {
            label.push_str(name);
        }
    }
    label + &plain
}

/// The contexts in the order Help lists them (Always goes with Global).
pub const HELP_ORDER: [Context; 9] = [
    Context::Global,
    Context::Topics,
    Context::Article,
    Context::Sources,
    Context::Thread,
    Context::Prompt,
    Context::Results,
    Context::Filter,
    Context::Help,
];

/// "Topics pane", "search prompt": the context a clash is in, in a sentence.
fn context_phrase(context: Context) -> &'static str {
    match context.clash_group() {
        Context::Global => "keys that work everywhere (and in the comment thread)",
        Context::Topics => "Topics pane",
        Context::Article => "Article pane",
        Context::Sources => "Sources pane",
        Context::Help => "Help overlay",
        Context::Prompt => "search prompt",
        Context::Results => "search results",
        Context::Filter => "Topics filter",
        Context::Always | Context::Thread => "keys that work everywhere",
    }
}

/// `action` with what the key carried: a source's number, a typed character.
fn with_captured(action: Action, captured: Captured) -> Action {
    match (action, captured) {
        (Action::SelectSource(_), Captured::Number(n)) => Action::SelectSource(n),
        (Action::Search(SearchAction::Type(_)), Captured::Char(c)) => {
            Action::Search(SearchAction::Type(c))
        }
        (Action::Filter(FilterAction::Type(_)), Captured::Char(c)) => {
            Action::Filter(FilterAction::Type(c))
        }
        (action, _) => action,
    }
}

impl fmt::Display for Binding {
    /// `next_post = ["]", "L"]`: the row as the config file writes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self
            .keys
            .iter()
            .filter_map(|k| k.config_name())
            .map(|name| toml_string(&name))
            .collect();
        write!(f, "{} = [{}]", self.name, names.join(", "))
    }
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The action `key` stands for with the default keys (for tests and for
/// the loading screen, which has no config yet).
pub fn action_for(key: &KeyEvent, focus: Focus, overlay: Option<Overlay>) -> Option<Action> {
    default_keymap().action_for(key, focus, overlay)
}

/// The shipped table, built once.
pub fn default_keymap() -> &'static Keymap {
    static DEFAULT: std::sync::LazyLock<Keymap> = std::sync::LazyLock::new(Keymap::default);
    &DEFAULT
}
