//! The one key table: the event loop dispatches on it, and Help and the
//! status-bar hints are generated from it, so they cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::app::{Focus, Overlay};
use super::filter::FilterAction;
use super::search::SearchAction;
use super::thread::ThreadAction;

/// Where a binding applies. Lookups try the most specific context first
/// (see [`lookup_order`]): a modal mode such as a text prompt is one more
/// context placed ahead of the panes, with its own rows in [`KEYMAP`].
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
}

/// A key the table can match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
enum Captured {
    Nothing,
    Number(usize),
    Char(char),
}

impl KeyPattern {
    fn matches(self, key: &KeyEvent) -> Option<Captured> {
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
            KeyPattern::Plain(code) => match code {
                KeyCode::Char(' ') => "Space".to_string(),
                KeyCode::Char(c) => c.to_string(),
                KeyCode::Up => "↑".to_string(),
                KeyCode::Down => "↓".to_string(),
                KeyCode::Left => "←".to_string(),
                KeyCode::Right => "→".to_string(),
                KeyCode::PageUp => "PgUp".to_string(),
                KeyCode::PageDown => "PgDn".to_string(),
                KeyCode::Home => "Home".to_string(),
                KeyCode::End => "End".to_string(),
                KeyCode::Enter => "Enter".to_string(),
                KeyCode::Esc => "Esc".to_string(),
                KeyCode::Tab => "Tab".to_string(),
                KeyCode::Backspace => "Backspace".to_string(),
                KeyCode::BackTab => "Shift-Tab".to_string(),
                other => format!("{other:?}"),
            },
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [KeyPattern],
    pub action: Action,
    /// A short word for the status bar, for the bindings worth a hint.
    pub hint: Option<&'static str>,
}

impl Binding {
    /// The keys as Help writes them: "j / ↓".
    pub fn keys_label(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(|k| k.label()).collect();
        labels.join(" / ")
    }
}

use KeyCode::{
    BackTab, Backspace, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use KeyPattern::{AnyChar, Ctrl, Digit, Plain};

const fn bind(context: Context, keys: &'static [KeyPattern], action: Action) -> Binding {
    Binding {
        context,
        keys,
        action,
        hint: None,
    }
}

const fn hinted(
    context: Context,
    keys: &'static [KeyPattern],
    action: Action,
    hint: &'static str,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        hint: Some(hint),
    }
}

/// A binding of the comment thread, without a hint.
const fn thread(keys: &'static [KeyPattern], action: ThreadAction) -> Binding {
    bind(Context::Thread, keys, Action::Thread(action))
}

const fn ch(c: char) -> KeyPattern {
    Plain(KeyCode::Char(c))
}

/// Every binding of the reader.
pub const KEYMAP: &[Binding] = &[
    bind(Context::Always, &[Ctrl('c')], Action::Quit),
    bind(Context::Always, &[Ctrl('z')], Action::Suspend),
    // Help overlay: closing and scrolling it; other keys are swallowed.
    hinted(
        Context::Help,
        &[Plain(Esc), ch('q'), ch('?')],
        Action::CloseOverlay,
        "close",
    ),
    hinted(
        Context::Help,
        &[ch('j'), Plain(Down)],
        Action::HelpDown,
        "scroll",
    ),
    bind(Context::Help, &[ch('k'), Plain(Up)], Action::HelpUp),
    // Search prompt: every character goes to the query.
    hinted(
        Context::Prompt,
        &[Plain(Enter)],
        Action::Search(SearchAction::Confirm),
        "go",
    ),
    hinted(
        Context::Prompt,
        &[Plain(Esc)],
        Action::Search(SearchAction::Cancel),
        "cancel",
    ),
    hinted(
        Context::Prompt,
        &[Plain(Tab)],
        Action::Search(SearchAction::CycleScope),
        "scope",
    ),
    hinted(
        Context::Prompt,
        &[Ctrl('r')],
        Action::Search(SearchAction::ToggleRegex),
        "regex",
    ),
    hinted(
        Context::Prompt,
        &[Plain(Up)],
        Action::Search(SearchAction::Older),
        "history",
    ),
    bind(
        Context::Prompt,
        &[Plain(Down)],
        Action::Search(SearchAction::Newer),
    ),
    bind(
        Context::Prompt,
        &[Plain(Backspace)],
        Action::Search(SearchAction::Backspace),
    ),
    bind(
        Context::Prompt,
        &[Ctrl('u')],
        Action::Search(SearchAction::Clear),
    ),
    bind(
        Context::Prompt,
        &[AnyChar],
        Action::Search(SearchAction::Type(' ')),
    ),
    // Search results list.
    hinted(
        Context::Results,
        &[Plain(Enter)],
        Action::Search(SearchAction::ResultsJump),
        "go",
    ),
    hinted(
        Context::Results,
        &[Plain(Esc), ch('q'), ch('S')],
        Action::CloseOverlay,
        "close",
    ),
    hinted(
        Context::Results,
        &[ch('j'), Plain(Down)],
        Action::Search(SearchAction::ResultsDown),
        "move",
    ),
    bind(
        Context::Results,
        &[ch('k'), Plain(Up)],
        Action::Search(SearchAction::ResultsUp),
    ),
    bind(
        Context::Results,
        &[Plain(PageDown), Ctrl('d')],
        Action::Search(SearchAction::ResultsPageDown),
    ),
    bind(
        Context::Results,
        &[Plain(PageUp), Ctrl('u')],
        Action::Search(SearchAction::ResultsPageUp),
    ),
    // Typing the Topics filter.
    hinted(
        Context::Filter,
        &[Plain(Enter)],
        Action::Filter(FilterAction::Accept),
        "keep",
    ),
    hinted(
        Context::Filter,
        &[Plain(Esc)],
        Action::Filter(FilterAction::Clear),
        "clear",
    ),
    bind(Context::Filter, &[Plain(Down)], Action::TreeDown),
    bind(Context::Filter, &[Plain(Up)], Action::TreeUp),
    bind(
        Context::Filter,
        &[Plain(Backspace)],
        Action::Filter(FilterAction::Backspace),
    ),
    bind(
        Context::Filter,
        &[AnyChar],
        Action::Filter(FilterAction::Type(' ')),
    ),
    // Topics pane.
    bind(Context::Topics, &[ch('j'), Plain(Down)], Action::TreeDown),
    bind(Context::Topics, &[ch('k'), Plain(Up)], Action::TreeUp),
    bind(
        Context::Topics,
        &[Plain(PageDown), Ctrl('d')],
        Action::TreePageDown,
    ),
    bind(
        Context::Topics,
        &[Plain(PageUp), Ctrl('u')],
        Action::TreePageUp,
    ),
    bind(Context::Topics, &[ch('g'), Plain(Home)], Action::TreeTop),
    bind(Context::Topics, &[ch('G'), Plain(End)], Action::TreeBottom),
    hinted(
        Context::Topics,
        &[Plain(Enter), ch(' ')],
        Action::TreeActivate,
        "open",
    ),
    bind(
        Context::Topics,
        &[ch('l'), Plain(Right)],
        Action::TreeExpand,
    ),
    bind(
        Context::Topics,
        &[ch('h'), Plain(Left)],
        Action::TreeCollapse,
    ),
    bind(
        Context::Topics,
        &[ch('f')],
        Action::Filter(FilterAction::Open),
    ),
    bind(
        Context::Topics,
        &[Plain(Esc)],
        Action::Filter(FilterAction::Clear),
    ),
    // Article pane.
    hinted(
        Context::Article,
        &[ch('j'), Plain(Down)],
        Action::ScrollDown,
        "scroll",
    ),
    bind(Context::Article, &[ch('k'), Plain(Up)], Action::ScrollUp),
    hinted(
        Context::Article,
        &[ch(' '), Plain(PageDown), Ctrl('d')],
        Action::PageDown,
        "page",
    ),
    bind(
        Context::Article,
        &[ch('b'), Plain(PageUp), Ctrl('u')],
        Action::PageUp,
    ),
    bind(Context::Article, &[ch('g'), Plain(Home)], Action::ScrollTop),
    bind(
        Context::Article,
        &[ch('G'), Plain(End)],
        Action::ScrollBottom,
    ),
    // Sources pane.
    hinted(
        Context::Sources,
        &[ch('j'), Plain(Down)],
        Action::SourceDown,
        "select",
    ),
    bind(Context::Sources, &[ch('k'), Plain(Up)], Action::SourceUp),
    hinted(
        Context::Sources,
        &[Plain(Enter), ch('o')],
        Action::OpenUrl,
        "open URL",
    ),
    // Everywhere else.
    hinted(Context::Global, &[ch('q')], Action::Quit, "quit"),
    hinted(Context::Global, &[ch('?')], Action::ShowHelp, "help"),
    bind(Context::Global, &[Plain(Esc)], Action::CloseOverlay),
    hinted(Context::Global, &[Plain(Tab)], Action::FocusNext, "focus"),
    bind(Context::Global, &[Plain(BackTab)], Action::FocusPrev),
    hinted(Context::Global, &[ch(']')], Action::NextPost, "next post"),
    bind(Context::Global, &[ch('[')], Action::PrevPost),
    hinted(Context::Global, &[Digit], Action::SelectSource(1), "source"),
    bind(Context::Global, &[ch('}')], Action::NextCitation),
    bind(Context::Global, &[ch('{')], Action::PrevCitation),
    bind(Context::Global, &[ch('o')], Action::OpenUrl),
    hinted(Context::Global, &[ch('y')], Action::CopyUrl, "copy URL"),
    bind(
        Context::Global,
        &[ch('/')],
        Action::Search(SearchAction::Open),
    ),
    bind(
        Context::Global,
        &[ch('n')],
        Action::Search(SearchAction::Next),
    ),
    bind(
        Context::Global,
        &[ch('N')],
        Action::Search(SearchAction::Previous),
    ),
    bind(
        Context::Global,
        &[ch('S')],
        Action::Search(SearchAction::ShowResults),
    ),
    // The comment thread, from any pane.
    hinted(
        Context::Thread,
        &[ch('c')],
        Action::Thread(ThreadAction::ToggleComments),
        "comments",
    ),
    thread(&[ch(')')], ThreadAction::Next),
    thread(&[ch('(')], ThreadAction::Previous),
    thread(&[ch('J')], ThreadAction::NextThread),
    thread(&[ch('K')], ThreadAction::PreviousThread),
    thread(&[ch('u')], ThreadAction::Parent),
    thread(&[ch('>')], ThreadAction::NextSibling),
    thread(&[ch('<')], ThreadAction::PreviousSibling),
    hinted(
        Context::Thread,
        &[ch('z')],
        Action::Thread(ThreadAction::Fold),
        "fold",
    ),
    thread(&[ch('Z')], ThreadAction::FoldAll),
    // Paging through Help, clearing a finished search, copying with provenance.
    bind(
        Context::Help,
        &[Plain(PageDown), ch(' '), Ctrl('d')],
        Action::HelpPageDown,
    ),
    bind(
        Context::Help,
        &[Plain(PageUp), ch('b'), Ctrl('u')],
        Action::HelpPageUp,
    ),
    bind(Context::Help, &[ch('g'), Plain(Home)], Action::HelpTop),
    bind(Context::Help, &[ch('G'), Plain(End)], Action::HelpBottom),
    bind(
        Context::Article,
        &[Plain(Esc)],
        Action::Search(SearchAction::Dismiss),
    ),
    bind(Context::Global, &[ch('Y')], Action::CopyQuote),
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

/// The action bound to `key` given where the user is, if any.
pub fn action_for(key: &KeyEvent, focus: Focus, overlay: Option<Overlay>) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    for context in lookup_order(focus, overlay) {
        for binding in KEYMAP.iter().filter(|b| b.context == context) {
            for pattern in binding.keys {
                if let Some(captured) = pattern.matches(key) {
                    return Some(match (binding.action, captured) {
                        (Action::SelectSource(_), Captured::Number(n)) => Action::SelectSource(n),
                        (Action::Search(SearchAction::Type(_)), Captured::Char(c)) => {
                            Action::Search(SearchAction::Type(c))
                        }
                        (Action::Filter(FilterAction::Type(_)), Captured::Char(c)) => {
                            Action::Filter(FilterAction::Type(c))
                        }
                        (action, _) => action,
                    });
                }
            }
        }
    }
    None
}

/// The keys a key event stands for. Terminals send Alt-x as ESC followed by
/// x, so an Esc typed just before another key can arrive glued to it and be
/// reported as Alt-x. pundit binds no Alt keys: an Alt key with no binding
/// of its own is taken as Esc, then the key.
///
/// `Alt-]` becomes `Esc`, `]`; `Ctrl-c` stays itself.
pub fn keys_of(key: KeyEvent, focus: Focus, overlay: Option<Overlay>) -> Vec<KeyEvent> {
    if !key.modifiers.contains(KeyModifiers::ALT) || action_for(&key, focus, overlay).is_some() {
        return vec![key];
    }
    let escape = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
    vec![escape, plain]
}

/// What the status bar says of a key with no binding where the user is:
/// the pane it works in and what it does there, else how to see the keys.
/// Nothing over Help (which shows the keys already) or for a modifier
/// pressed alone.
///
/// Short, to fit beside the position at 80 columns: `f` in the Article
/// pane says "f: a key of the Topics pane (Tab)"; `x` says "x: not a key
/// here (? lists keys)".
pub fn unbound_message(key: &KeyEvent, overlay: Option<Overlay>) -> Option<String> {
    if overlay == Some(Overlay::Help) || matches!(key.code, KeyCode::Modifier(_)) {
        return None;
    }
    let label = key_label(key);
    let elsewhere = [Focus::Topics, Focus::Article, Focus::Sources]
        .into_iter()
        .find(|&pane| {
            bindings_in(Context::of_focus(pane))
                .any(|b| b.keys.iter().any(|k| k.matches(key).is_some()))
        });
    Some(match elsewhere {
        Some(pane) if overlay.is_none() => {
            format!("{label}: a key of the {} pane (Tab)", pane.name())
        }
        _ => format!("{label}: not a key here (? lists keys)"),
    })
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

/// The bindings of one context, in table order.
pub fn bindings_in(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.context == context)
}

/// The status-bar hints for where the user is: ("key", "what") pairs; the
/// thread's only when the open post has comments.
pub fn hints(
    focus: Focus,
    overlay: Option<Overlay>,
    has_thread: bool,
) -> Vec<(String, &'static str)> {
    lookup_order(focus, overlay)
        .into_iter()
        .filter(|&context| has_thread || context != Context::Thread)
        .flat_map(bindings_in)
        .filter_map(|b| {
            let key = b.keys.first()?.label();
            Some((key, b.hint?))
        })
        .collect()
}

/// The lines of the Help overlay: a heading per context, then "keys  what".
pub fn help_sections() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let order = [
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
    order
        .into_iter()
        .map(|context| {
            let mut rows: Vec<(String, &'static str)> = Vec::new();
            if context == Context::Global {
                rows.extend(
                    bindings_in(Context::Always).map(|b| (b.keys_label(), b.action.description())),
                );
            }
            rows.extend(bindings_in(context).map(|b| (b.keys_label(), b.action.description())));
            (context.title(), rows)
        })
        .collect()
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
