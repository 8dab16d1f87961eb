//! The one key table: the event loop dispatches on it, and Help and the
//! status-bar hints are generated from it, so they cannot disagree.
//!
//! [`DEFAULTS`] is the table as pundit ships it; a [`Keymap`] is the table
//! in force, the defaults with the config file's `[keys]` applied (see
//! [`Keymap::with_overrides`]). Every row has a name, which is what the
//! config file binds keys to.

mod in_force;
mod keys;

use crossterm::event::KeyCode;

pub use in_force::{HELP_ORDER, Keymap, KeymapError, action_for, default_keymap};
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
    // The jump list and read marks.
    bind(Global, "jump_back", &[Ctrl('o')], Action::JumpBack),
    bind(
        Article,
        "article_jump_back",
        &[Plain(Backspace)],
        Action::JumpBack,
    ),
    // Ctrl-I would be vim's forward, but most terminals send it as Tab.
    bind(Global, "jump_forward", &[Ctrl('n')], Action::JumpForward),
    bind(Global, "next_unread", &[ch('.')], Action::NextUnread),
    bind(Global, "toggle_read", &[ch('m')], Action::ToggleRead),
    bind(
        Global,
        "toggle_topic_read",
        &[ch('M')],
        Action::ToggleTopicRead,
    ),
    bind(Global, "toggle_all_read", &[ch('A')], Action::ToggleAllRead),
    bind(
        Context::Thread,
        "next_new_comment",
        &[ch(';')],
        Action::NextNewComment,
    ),
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

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
