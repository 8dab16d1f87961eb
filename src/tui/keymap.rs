//! The one key table: the event loop dispatches on it, and Help and the
//! status-bar hints are generated from it, so they cannot disagree.
//!
//! [`DEFAULTS`] is the table as pundit ships it; a [`Keymap`] is the table
//! in force, the defaults with the config file's `[keys]` applied (see
//! [`Keymap::with_overrides`]). Every row has a name, which is what the
//! config file binds keys to.

mod keys;

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use keys::Captured;
pub use keys::KeyPattern;

use super::action::Action;
use super::app::{Focus, Overlay};
use super::filter::FilterAction;
use super::search::SearchAction;
use super::thread::ThreadAction;

/// Where a binding applies. Lookups try the most specific context first
/// (see [`lookup_order`]): a modal mode such as a text prompt is one more
/// context placed ahead of the panes, with its own rows in [`DEFAULTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Before anything else, even with an overlay open.
    Always,
    /// Anywhere no pane or overlay binding took the key.
    Global,
    Topics,
    Article,
    Sources,
    Help,
    /// The search prompt: typing goes to the query.
    Prompt,
    /// The list of search results.
    Results,
    /// Typing the Topics filter.
    Filter,
    /// The open post's comment thread, from any pane.
    Thread,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Always | Context::Global => "Everywhere",
            Context::Topics => "Topics pane",
            Context::Article => "Article pane",
            Context::Sources => "Sources pane",
            Context::Help => "Help",
            Context::Prompt => "Search prompt (/)",
            Context::Results => "Search results (S)",
            Context::Filter => "Topics filter (f)",
            Context::Thread => "Comment thread",
        }
    }

    pub fn of_focus(focus: Focus) -> Context {
        match focus {
            Focus::Topics => Context::Topics,
            Focus::Article => Context::Article,
            Focus::Sources => Context::Sources,
        }
    }

    /// The contexts whose keys are looked up together, so that one key
    /// bound in two of them would leave one binding unreachable: Always,
    /// Global and Thread are consulted as one with no overlay open.
    fn clash_group(self) -> Context {
        match self {
            Context::Always | Context::Global | Context::Thread => Context::Global,
            other => other,
        }
    }
}

/// One row of the table as pundit ships it.
#[derive(Debug, Clone, Copy)]
pub struct DefaultBinding {
    /// What the config file calls the row: `next_post`.
    pub name: &'static str,
    pub context: Context,
    pub keys: &'static [KeyPattern],
    pub action: Action,
    /// A short word for the status bar, for the bindings worth a hint.
    pub hint: Option<&'static str>,
}

/// One row of the table in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub name: &'static str,
    pub context: Context,
    pub keys: Vec<KeyPattern>,
    pub action: Action,
    pub hint: Option<&'static str>,
}

impl Binding {
    /// The keys as Help writes them: "j / ↓"; "(none)" for a row the
    /// config left without keys.
    pub fn keys_label(&self) -> String {
        if self.keys.is_empty() {
            return "(none)".to_string();
        }
        let labels: Vec<String> = self.keys.iter().map(|k| k.label()).collect();
        labels.join(" / ")
    }

    /// Whether the config file may give the row other keys: not the rows
    /// whose keys carry a value (the digits, typing).
    pub fn is_remappable(&self) -> bool {
        self.keys
            .iter()
            .all(|key| !matches!(key, KeyPattern::Digit | KeyPattern::AnyChar))
    }
}

use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use KeyPattern::{AnyChar, Ctrl, Digit, Plain};

const fn bind(
    context: Context,
    name: &'static str,
    keys: &'static [KeyPattern],
    action: Action,
) -> DefaultBinding {
    DefaultBinding {
        name,
        context,
        keys,
        action,
        hint: None,
    }
}

const fn hinted(
    context: Context,
    name: &'static str,
    keys: &'static [KeyPattern],
    action: Action,
    hint: &'static str,
) -> DefaultBinding {
    DefaultBinding {
        name,
        context,
        keys,
        action,
        hint: Some(hint),
    }
}

/// A binding of the comment thread, without a hint.
const fn thread(
    name: &'static str,
    keys: &'static [KeyPattern],
    action: ThreadAction,
) -> DefaultBinding {
    bind(Context::Thread, name, keys, Action::Thread(action))
}

const fn ch(c: char) -> KeyPattern {
    Plain(KeyCode::Char(c))
}

use Context::{Always, Article, Filter, Global, Help, Prompt, Results, Sources, Topics};

/// Every binding of the reader, as pundit ships it.
pub const DEFAULTS: &[DefaultBinding] = &[
    bind(Always, "force_quit", &[Ctrl('c')], Action::Quit),
    bind(Always, "suspend", &[Ctrl('z')], Action::Suspend),
    // Help overlay: closing and scrolling it; other keys are swallowed.
    hinted(
        Help,
        "help_close",
        &[Plain(Esc), ch('q'), ch('?')],
        Action::CloseOverlay,
        "close",
    ),
    hinted(
        Help,
        "help_down",
        &[ch('j'), Plain(Down)],
        Action::HelpDown,
        "scroll",
    ),
    bind(Help, "help_up", &[ch('k'), Plain(Up)], Action::HelpUp),
    // Search prompt: every character goes to the query.
    hinted(
        Prompt,
        "search_go",
        &[Plain(Enter)],
        Action::Search(SearchAction::Confirm),
        "go",
    ),
    hinted(
        Prompt,
        "search_cancel",
        &[Plain(Esc)],
        Action::Search(SearchAction::Cancel),
        "cancel",
    ),
    hinted(
        Prompt,
        "search_scope",
        &[Plain(Tab)],
        Action::Search(SearchAction::CycleScope),
        "scope",
    ),
    hinted(
        Prompt,
        "search_regex",
        &[Ctrl('r')],
        Action::Search(SearchAction::ToggleRegex),
        "regex",
    ),
    hinted(
        Prompt,
        "search_older",
        &[Plain(Up)],
        Action::Search(SearchAction::Older),
        "history",
    ),
    bind(
        Prompt,
        "search_newer",
        &[Plain(Down)],
        Action::Search(SearchAction::Newer),
    ),
    bind(
        Prompt,
        "search_backspace",
        &[Plain(Backspace)],
        Action::Search(SearchAction::Backspace),
    ),
    bind(
        Prompt,
        "search_clear",
        &[Ctrl('u')],
        Action::Search(SearchAction::Clear),
    ),
    bind(
        Prompt,
        "search_type",
        &[AnyChar],
        Action::Search(SearchAction::Type(' ')),
    ),
    // Search results list.
    hinted(
        Results,
        "results_go",
        &[Plain(Enter)],
        Action::Search(SearchAction::ResultsJump),
        "go",
    ),
    hinted(
        Results,
        "results_close",
        &[Plain(Esc), ch('q'), ch('S')],
        Action::CloseOverlay,
        "close",
    ),
    hinted(
        Results,
        "results_down",
        &[ch('j'), Plain(Down)],
        Action::Search(SearchAction::ResultsDown),
        "move",
    ),
    bind(
        Results,
        "results_up",
        &[ch('k'), Plain(Up)],
        Action::Search(SearchAction::ResultsUp),
    ),
    bind(
        Results,
        "results_page_down",
        &[Plain(PageDown), Ctrl('d')],
        Action::Search(SearchAction::ResultsPageDown),
    ),
    bind(
        Results,
        "results_page_up",
        &[Plain(PageUp), Ctrl('u')],
        Action::Search(SearchAction::ResultsPageUp),
    ),
    // Typing the Topics filter.
    hinted(
        Filter,
        "filter_keep",
        &[Plain(Enter)],
        Action::Filter(FilterAction::Accept),
        "keep",
    ),
    hinted(
        Filter,
        "filter_clear",
        &[Plain(Esc)],
        Action::Filter(FilterAction::Clear),
        "clear",
    ),
    bind(Filter, "filter_down", &[Plain(Down)], Action::TreeDown),
    bind(Filter, "filter_up", &[Plain(Up)], Action::TreeUp),
    bind(
        Filter,
        "filter_backspace",
        &[Plain(Backspace)],
        Action::Filter(FilterAction::Backspace),
    ),
    bind(
        Filter,
        "filter_type",
        &[AnyChar],
        Action::Filter(FilterAction::Type(' ')),
    ),
    // Topics pane.
    bind(
        Topics,
        "tree_down",
        &[ch('j'), Plain(Down)],
        Action::TreeDown,
    ),
    bind(Topics, "tree_up", &[ch('k'), Plain(Up)], Action::TreeUp),
    bind(
        Topics,
        "tree_page_down",
        &[Plain(PageDown), Ctrl('d')],
        Action::TreePageDown,
    ),
    bind(
        Topics,
        "tree_page_up",
        &[Plain(PageUp), Ctrl('u')],
        Action::TreePageUp,
    ),
    bind(Topics, "tree_top", &[ch('g'), Plain(Home)], Action::TreeTop),
    bind(
        Topics,
        "tree_bottom",
        &[ch('G'), Plain(End)],
        Action::TreeBottom,
    ),
    hinted(
        Topics,
        "tree_open",
        &[Plain(Enter), ch(' ')],
        Action::TreeActivate,
        "open",
    ),
    bind(
        Topics,
        "tree_expand",
        &[ch('l'), Plain(Right)],
        Action::TreeExpand,
    ),
    bind(
        Topics,
        "tree_collapse",
        &[ch('h'), Plain(Left)],
        Action::TreeCollapse,
    ),
    bind(
        Topics,
        "filter",
        &[ch('f')],
        Action::Filter(FilterAction::Open),
    ),
    bind(
        Topics,
        "tree_clear_filter",
        &[Plain(Esc)],
        Action::Filter(FilterAction::Clear),
    ),
    // Article pane.
    hinted(
        Article,
        "scroll_down",
        &[ch('j'), Plain(Down)],
        Action::ScrollDown,
        "scroll",
    ),
    bind(
        Article,
        "scroll_up",
        &[ch('k'), Plain(Up)],
        Action::ScrollUp,
    ),
    hinted(
        Article,
        "page_down",
        &[ch(' '), Plain(PageDown), Ctrl('d')],
        Action::PageDown,
        "page",
    ),
    bind(
        Article,
        "page_up",
        &[ch('b'), Plain(PageUp), Ctrl('u')],
        Action::PageUp,
    ),
    bind(
        Article,
        "scroll_top",
        &[ch('g'), Plain(Home)],
        Action::ScrollTop,
    ),
    bind(
        Article,
        "scroll_bottom",
        &[ch('G'), Plain(End)],
        Action::ScrollBottom,
    ),
    // Sources pane.
    hinted(
        Sources,
        "source_down",
        &[ch('j'), Plain(Down)],
        Action::SourceDown,
        "select",
    ),
    bind(
        Sources,
        "source_up",
        &[ch('k'), Plain(Up)],
        Action::SourceUp,
    ),
    hinted(
        Sources,
        "source_open",
        &[Plain(Enter), ch('o')],
        Action::OpenUrl,
        "open URL",
    ),
    // Everywhere else.
    hinted(Global, "quit", &[ch('q')], Action::Quit, "quit"),
    hinted(Global, "help", &[ch('?')], Action::ShowHelp, "help"),
    bind(Global, "close", &[Plain(Esc)], Action::CloseOverlay),
    hinted(
        Global,
        "focus_next",
        &[Plain(Tab)],
        Action::FocusNext,
        "focus",
    ),
    bind(Global, "focus_prev", &[Plain(BackTab)], Action::FocusPrev),
    hinted(
        Global,
        "next_post",
        &[ch(']')],
        Action::NextPost,
        "next post",
    ),
    bind(Global, "prev_post", &[ch('[')], Action::PrevPost),
    hinted(
        Global,
        "select_source",
        &[Digit],
        Action::SelectSource(1),
        "source",
    ),
    bind(Global, "next_citation", &[ch('}')], Action::NextCitation),
    bind(Global, "prev_citation", &[ch('{')], Action::PrevCitation),
    bind(Global, "open_url", &[ch('o')], Action::OpenUrl),
    hinted(Global, "copy_url", &[ch('y')], Action::CopyUrl, "copy URL"),
    bind(
        Global,
        "search",
        &[ch('/')],
        Action::Search(SearchAction::Open),
    ),
    bind(
        Global,
        "search_next",
        &[ch('n')],
        Action::Search(SearchAction::Next),
    ),
    bind(
        Global,
        "search_prev",
        &[ch('N')],
        Action::Search(SearchAction::Previous),
    ),
    bind(
        Global,
        "search_results",
        &[ch('S')],
        Action::Search(SearchAction::ShowResults),
    ),
    // The comment thread, from any pane.
    hinted(
        Context::Thread,
        "comments",
        &[ch('c')],
        Action::Thread(ThreadAction::ToggleComments),
        "comments",
    ),
    thread("next_comment", &[ch(')')], ThreadAction::Next),
    thread("prev_comment", &[ch('(')], ThreadAction::Previous),
    thread("next_thread", &[ch('J')], ThreadAction::NextThread),
    thread("prev_thread", &[ch('K')], ThreadAction::PreviousThread),
    thread("parent_comment", &[ch('u')], ThreadAction::Parent),
    thread("next_reply", &[ch('>')], ThreadAction::NextSibling),
    thread("prev_reply", &[ch('<')], ThreadAction::PreviousSibling),
    hinted(
        Context::Thread,
        "fold",
        &[ch('z')],
        Action::Thread(ThreadAction::Fold),
        "fold",
    ),
    thread("fold_all", &[ch('Z')], ThreadAction::FoldAll),
    // Paging through Help, clearing a finished search, copying with provenance.
    bind(
        Help,
        "help_page_down",
        &[Plain(PageDown), ch(' '), Ctrl('d')],
        Action::HelpPageDown,
    ),
    bind(
        Help,
        "help_page_up",
        &[Plain(PageUp), ch('b'), Ctrl('u')],
        Action::HelpPageUp,
    ),
    bind(Help, "help_top", &[ch('g'), Plain(Home)], Action::HelpTop),
    bind(
        Help,
        "help_bottom",
        &[ch('G'), Plain(End)],
        Action::HelpBottom,
    ),
    bind(
        Article,
        "search_dismiss",
        &[Plain(Esc)],
        Action::Search(SearchAction::Dismiss),
    ),
    bind(Global, "copy_quote", &[ch('Y')], Action::CopyQuote),
];

/// The contexts a key is looked up in, most specific first.
pub fn lookup_order(focus: Focus, overlay: Option<Overlay>) -> Vec<Context> {
    match overlay {
        Some(Overlay::Help) => vec![Context::Always, Context::Help],
        Some(Overlay::Prompt) => vec![Context::Always, Context::Prompt],
        Some(Overlay::Results) => vec![Context::Always, Context::Results],
        Some(Overlay::Filter) => vec![Context::Always, Context::Filter],
        None => vec![
            Context::Always,
            Context::of_focus(focus),
            Context::Global,
            Context::Thread,
        ],
    }
}

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
    fn check_clashes(&self) -> Result<(), KeymapError> {
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

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
