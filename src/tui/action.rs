//! Everything a user can do in the reader, as data.
//!
//! Keys become actions through [`super::keymap`]; mouse and terminal events
//! become actions in the event loop. [`super::update::update`] is the only
//! place that turns an action into a change of state.

use super::filter::FilterAction;
use super::search::SearchAction;
use super::thread::ThreadAction;

/// One thing the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrev,
    NextPost,
    PrevPost,
    ShowHelp,
    CloseOverlay,
    /// Select source number `n` (counted from 1, as shown) of the open post.
    SelectSource(usize),
    NextCitation,
    PrevCitation,
    OpenUrl,
    CopyUrl,
    Suspend,

    TreeDown,
    TreeUp,
    TreePageDown,
    TreePageUp,
    TreeTop,
    TreeBottom,
    /// Open the selected post, or expand/collapse the selected group.
    TreeActivate,
    TreeExpand,
    TreeCollapse,

    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    ScrollTop,
    ScrollBottom,

    SourceDown,
    SourceUp,

    HelpDown,
    HelpUp,

    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A left click at column, row.
    Click(u16, u16),
    /// The wheel turned over column, row; `true` is towards the end.
    Wheel(u16, u16, bool),

    /// A character typed into the open prompt or filter with more typing
    /// queued behind it: the text grows, and the search or filter runs on
    /// the typing that ends the run (a paste, a burst of keys), not on
    /// each character.
    TypeAhead(char),

    /// Searching: the prompt, n/N, the results list.
    Search(SearchAction),
    /// Filtering the Topics pane.
    Filter(FilterAction),
    /// Moving through and folding the comment thread.
    Thread(ThreadAction),
}

impl Action {
    /// What the action does, as Help shows it.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "Quit",
            Action::FocusNext => "Focus the next pane",
            Action::FocusPrev => "Focus the previous pane",
            Action::NextPost => "Open the next post",
            Action::PrevPost => "Open the previous post",
            Action::ShowHelp => "Show this help",
            Action::CloseOverlay => "Close the overlay",
            Action::SelectSource(_) => "Select a source, scroll to where it is cited",
            Action::NextCitation => "Next place citing the selected source",
            Action::PrevCitation => "Previous place citing the selected source",
            Action::OpenUrl => "Open the source's URL in the browser",
            Action::CopyUrl => "Copy the source's URL (OSC 52)",
            Action::Suspend => "Suspend pundit (fg resumes)",
            Action::TreeDown => "Move down",
            Action::TreeUp => "Move up",
            Action::TreePageDown => "Move down a page",
            Action::TreePageUp => "Move up a page",
            Action::TreeTop => "Go to the first row",
            Action::TreeBottom => "Go to the last row",
            Action::TreeActivate => "Open the post, or expand/collapse the group",
            Action::TreeExpand => "Expand the group (or open the post)",
            Action::TreeCollapse => "Collapse the group, or go to its parent",
            Action::ScrollDown => "Scroll down a line",
            Action::ScrollUp => "Scroll up a line",
            Action::PageDown => "Scroll down a page",
            Action::PageUp => "Scroll up a page",
            Action::ScrollTop => "Go to the top",
            Action::ScrollBottom => "Go to the end",
            Action::SourceDown => "Select the next source",
            Action::SourceUp => "Select the previous source",
            Action::HelpDown => "Scroll help down",
            Action::HelpUp => "Scroll help up",
            Action::Resize(..) => "Resize",
            Action::Click(..) => "Select and focus what is under the pointer",
            Action::Wheel(..) => "Scroll the pane under the pointer",
            Action::TypeAhead(_) => "Type, more typing following",
            Action::Search(action) => action.description(),
            Action::Filter(action) => action.description(),
            Action::Thread(action) => action.description(),
        }
    }
}
