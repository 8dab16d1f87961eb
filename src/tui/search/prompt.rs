//! Editing the prompt: opening it, typing, recalling earlier queries,
//! changing scope or mode, and cancelling back to where the search began.

use super::run::{index, run_prompt_query};
use super::{Prompt, SavedPlace};
use crate::search::Mode;
use crate::tui::app::{App, Overlay};
use crate::tui::jump::view_place;

pub(super) fn open_prompt(app: &mut App) {
    // A new search supersedes one being run again.
    app.search.rerun = None;
    if !app.search.awaiting_index {
        let _ = index(app);
    }
    let (scope, mode) = app
        .search
        .active
        .as_ref()
        .map_or((app.search.default_scope, Mode::default()), |a| {
            (a.scope, a.mode)
        });
    app.search.prompt = Some(Prompt {
        text: String::new(),
        scope,
        mode,
        error: None,
        pending: false,
        recalled: None,
        draft: String::new(),
        saved: SavedPlace::of(app),
        origin: view_place(app),
        previous: app.search.active.clone(),
    });
    app.overlay = Some(Overlay::Prompt);
}

pub(super) fn prompt_is_open(app: &App) -> bool {
    app.overlay == Some(Overlay::Prompt) && app.search.prompt.is_some()
}

/// Adds `c` to the query without running it: more typing follows, and the
/// query runs when it ends (see [`crate::tui::Action::TypeAhead`]).
pub fn type_ahead(app: &mut App, c: char) {
    if !prompt_is_open(app) {
        return;
    }
    if let Some(prompt) = app.search.prompt.as_mut() {
        prompt.text.push(c);
        prompt.recalled = None;
    }
}

pub(super) fn edit(app: &mut App, change: impl FnOnce(&mut String)) {
    change_prompt(app, |prompt| {
        change(&mut prompt.text);
        prompt.recalled = None;
    });
}

pub(super) fn change_prompt(app: &mut App, change: impl FnOnce(&mut Prompt)) {
    if !prompt_is_open(app) {
        return;
    }
    if let Some(prompt) = app.search.prompt.as_mut() {
        change(prompt);
    }
    run_prompt_query(app);
}

pub(super) fn cancel(app: &mut App) {
    if app.overlay == Some(Overlay::Prompt) {
        app.overlay = None;
    }
    let Some(prompt) = app.search.prompt.take() else {
        return;
    };
    if let Some(worker) = app.search.worker.as_mut() {
        worker.cancel();
    }
    app.search.active = prompt.previous;
    prompt.saved.restore(app);
}

pub(super) fn recall(app: &mut App, older: bool) {
    let count = app.search.history.len();
    if !prompt_is_open(app) || count == 0 {
        return;
    }
    let history = app.search.history.clone();
    change_prompt(app, |prompt| {
        let next = match (prompt.recalled, older) {
            (None, true) => {
                prompt.draft = prompt.text.clone();
                Some(count - 1)
            }
            (None, false) => None,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) => (i + 1 < count).then_some(i + 1),
        };
        prompt.recalled = next;
        prompt.text = match next {
            Some(i) => history[i].clone(),
            None => prompt.draft.clone(),
        };
    });
}
