//! Everything a user can do in the reader, as data.
//!
//! Keys become actions through [`super::keymap`]; mouse and terminal events
//! become actions in the event loop. [`super::update::update`] is the only
//! place that turns an action into a change of state.

use crossterm::event::KeyEvent;

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

    /// Back to the place before the last jump (Ctrl-O).
    JumpBack,
    /// Forward again to the place gone back from.
    JumpForward,
    /// Mark the post read, or unread if it is.
    ToggleRead,
    /// Mark every post of the topic read, or unread if all are.
    ToggleTopicRead,
    /// Mark every post read, or unread if all are.
    ToggleAllRead,
    /// Open the next post not yet read.
    NextUnread,
    /// Go to the next comment new since the last visit.
    NextNewComment,

    /// Searching: the prompt, n/N, the results list.
    Search(SearchAction),
    /// Filtering the Topics pane.
    Filter(FilterAction),
    /// Moving through and folding the comment thread.
    Thread(ThreadAction),

    /// Copy the quote, comment or block being read, with where it comes
    /// from (see [`super::provenance`]).
    CopyQuote,
    HelpPageDown,
    HelpPageUp,
    HelpTop,
    HelpBottom,
    /// A key with no binding where the user is: the status bar says where
    /// it works, or how to see the keys.
    Unbound(KeyEvent),
    /// The loader has read `done` of the archive's `total` bytes (while
    /// the reader shows a preview of it).
    Loaded {
        done: u64,
        total: u64,
    },
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
            Action::OpenUrl => "Open the source's URL in the browser ($BROWSER, else the system's)",
            Action::CopyUrl => "Copy the source's URL (its name if it has none)",
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
            Action::Click(..) => {
                "Focus the pane under the pointer and select what is there: a row, a source, \
                 a quote's source, a comment (over Help: close it)"
            }
            Action::Wheel(..) => "Scroll the pane under the pointer, or Help",
            Action::TypeAhead(_) => "Type, more typing following",
            Action::JumpBack => "Back to where the last jump left (jump list)",
            Action::JumpForward => "Forward again in the jump list",
            Action::ToggleRead => "Mark the post read, or unread",
            Action::ToggleTopicRead => "Mark the topic's posts read, or unread",
            Action::ToggleAllRead => "Mark every post read, or unread",
            Action::NextUnread => "Open the next unread post",
            Action::NextNewComment => "Go to the next new comment (●)",
            Action::Search(action) => action.description(),
            Action::Filter(action) => action.description(),
            Action::Thread(action) => action.description(),
            Action::CopyQuote => {
                "Copy what is being read, with where it comes from: the current comment in a \
                 thread; else the block that 1–9, }, { or a click went to; else the first \
                 block starting in view"
            }
            Action::HelpPageDown => "Scroll help down a page",
            Action::HelpPageUp => "Scroll help up a page",
            Action::HelpTop => "Go to the top of help",
            Action::HelpBottom => "Go to the end of help",
            Action::Unbound(_) => "Say where the key works",
            Action::Loaded { .. } => "Say how far loading has come",
        }
    }
}
