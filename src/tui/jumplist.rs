//! The jump list: where the reader was before each jump, to go back to
//! with Ctrl-O (and Backspace in the article) and forward again, as in vim.

use super::action::Action;
use super::app::App;
use super::jump::SavedPlace;
use super::search::SearchAction;
use super::thread::ThreadAction;

/// Places kept each way; the oldest go first.
const LIMIT: usize = 100;

/// Places before and after the one the reader is at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    back: Vec<SavedPlace>,
    forward: Vec<SavedPlace>,
}

impl JumpList {
    /// Records `from`, the place a jump left; a new jump forgets the
    /// places gone back from.
    pub fn record(&mut self, from: SavedPlace) {
        if self.back.last() == Some(&from) {
            return;
        }
        self.back.push(from);
        if self.back.len() > LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// The list with each place replaced by `moved(place)`, and the places
    /// it gives none for left out.
    pub fn moved(&self, moved: impl Fn(&SavedPlace) -> Option<SavedPlace>) -> JumpList {
        JumpList {
            back: self.back.iter().filter_map(&moved).collect(),
            forward: self.forward.iter().filter_map(&moved).collect(),
        }
    }

    pub fn len_back(&self) -> usize {
        self.back.len()
    }

    pub fn len_forward(&self) -> usize {
        self.forward.len()
    }
}

/// Whether `action` is a jump: a move to another place that is worth
/// coming back from (not a scroll by lines or pages).
pub fn is_jump(action: Action) -> bool {
    match action {
        Action::SelectSource(_)
        | Action::NextCitation
        | Action::PrevCitation
        | Action::NextPost
        | Action::PrevPost
        | Action::TreeActivate
        | Action::TreeExpand
        | Action::NextUnread
        | Action::NextNewComment
        // A click on a post in the tree or on a source.
        | Action::Click(..) => true,
        Action::Search(search) => matches!(
            search,
            SearchAction::Confirm
                | SearchAction::Next
                | SearchAction::Previous
                | SearchAction::ResultsJump
        ),
        Action::Thread(thread) => !matches!(thread, ThreadAction::Fold | ThreadAction::FoldAll),
        _ => false,
    }
}

/// Where the reader is before `action`, if it is a jump: for Enter in the
/// search prompt, where the search started (the preview moved the view).
pub fn place_before(app: &App, action: Action) -> Option<SavedPlace> {
    if !is_jump(action) {
        return None;
    }
    if action == Action::Search(SearchAction::Confirm)
        && let Some(prompt) = &app.search.prompt
    {
        return Some(prompt.saved.clone());
    }
    Some(SavedPlace::of(app))
}

/// After a jump: records where it left if it moved the view.
pub fn note_jump(app: &mut App, before: SavedPlace) {
    if before.open_post != app.open_post || before.scroll != app.scroll {
        app.jumps.record(before);
    }
}

/// Ctrl-O: back to the place before the last jump.
pub fn back(app: &mut App) {
    step(app, true);
}

/// Forward again to the place gone back from.
pub fn forward(app: &mut App) {
    step(app, false);
}

/// Goes to the newest place on one side of the list, keeping the place
/// left on the other.
fn step(app: &mut App, back: bool) {
    let here = SavedPlace::of(app);
    let jumps = &mut app.jumps;
    let (from, to) = if back {
        (&mut jumps.back, &mut jumps.forward)
    } else {
        (&mut jumps.forward, &mut jumps.back)
    };
    let Some(place) = from.pop() else {
        let which = if back { "earlier" } else { "later" };
        app.status = Some(format!("No {which} place in the jump list"));
        return;
    };
    to.push(here);
    place.restore(app);
}
