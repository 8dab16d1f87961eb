//! Searches run again: after the reader moved onto another corpus, or once
//! an index built elsewhere comes, and what the reader does with their
//! results.

use std::sync::Arc;

use super::prompt::prompt_is_open;
use super::run::{go_to_first_match, run_prompt_query};
use super::{ActiveSearch, SearchSession};
use crate::search::{Mode, Place, Query, Scope, SearchIndex, SearchResults, SearchWorker};
use crate::tui::app::App;

/// A search to run again: one the reader had on a corpus it has left, or
/// one confirmed while the index was being built. What it was, the place
/// of its current match in the new corpus, to make current again, and,
/// when confirmed, where to look for the first match to go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rerun {
    pub(super) text: String,
    pub(super) scope: Scope,
    pub(super) mode: Mode,
    pub(super) current: Option<Place>,
    /// Confirmed while the index was being built: once the results come,
    /// the reader goes to the first match from this place.
    pub(super) jump_from: Option<Place>,
}

impl Rerun {
    /// The search `text` in `scope` and `mode`, to run again: nothing to
    /// make current, nowhere to jump (the caller sets either).
    pub(super) fn of(text: &str, scope: Scope, mode: Mode) -> Rerun {
        Rerun {
            text: text.to_owned(),
            scope,
            mode,
            current: None,
            jump_from: None,
        }
    }

    pub(super) fn is_for(&self, query: &Query) -> bool {
        query.text() == self.text && query.scope() == self.scope && query.mode() == self.mode
    }
}

impl SearchSession {
    /// Keeps `active` to run again, its match at `current` to be made
    /// current again: [`run_rerun`] runs it.
    pub(in crate::tui) fn run_again(&mut self, active: &ActiveSearch, current: Option<Place>) {
        self.rerun = Some(Rerun {
            current,
            ..Rerun::of(&active.text, active.scope, active.mode)
        });
    }

    /// Runs `rerun` on the worker, when the index is one large enough to
    /// search there; returns whether it did.
    pub(super) fn rerun_in_background(&mut self, rerun: Rerun) -> bool {
        let (Some(index), true) = (self.index.as_ref(), self.uses_worker()) else {
            return false;
        };
        let Ok(query) = Query::new(&rerun.text, rerun.scope, rerun.mode) else {
            return false;
        };
        if self.worker.is_none() {
            self.worker = SearchWorker::spawn(Arc::clone(index)).ok();
        }
        let Some(worker) = self.worker.as_mut() else {
            return false;
        };
        worker.submit(query);
        self.rerun = Some(rerun);
        true
    }

    /// Moves the places of a search waiting to run again onto another
    /// corpus (`place` gives a place's counterpart there).
    pub(in crate::tui) fn move_rerun(&mut self, place: impl Fn(Place) -> Option<Place>) {
        if let Some(rerun) = self.rerun.as_mut() {
            rerun.current = rerun.current.and_then(&place);
            rerun.jump_from = rerun.jump_from.and_then(&place);
        }
    }
}

/// Makes the results of a search run again the active search.
pub(super) fn rerun_done(app: &mut App, rerun: Rerun, results: SearchResults) {
    let current = rerun.current.and_then(|place| results.index_of(place));
    if super::says_not_found_so_far(app, &rerun.text) {
        app.status = results
            .is_empty()
            .then(|| super::not_found(app, &rerun.text));
    }
    app.search.active = Some(ActiveSearch {
        text: rerun.text.clone(),
        scope: rerun.scope,
        mode: rerun.mode,
        results,
        current,
    });
    if let Some(from) = rerun.jump_from {
        // Nothing was previewed while the index was awaited: the view is
        // where the reader left it, and stays there when nothing matches.
        go_to_first_match(app, from, &rerun.text, None);
    }
}

/// Attaches the index built off the UI thread, and runs what was asked of
/// it while it was being built: the query typed, or the search the reader
/// had (or confirmed) before.
pub fn index_ready(app: &mut App, index: Arc<SearchIndex>) {
    app.search.attach(index);
    run_rerun(app);
    if prompt_is_open(app) {
        run_prompt_query(app);
    }
}

/// Runs the search waiting to run again, if any, on the index: on the
/// worker when the index is large (the reader never waits for a large
/// search; the results arrive through [`super::poll`]), else here. Without an
/// index yet, it keeps waiting for [`index_ready`].
pub(in crate::tui) fn run_rerun(app: &mut App) {
    if app.search.index.is_none() {
        return;
    }
    if let Some(rerun) = app.search.rerun.take()
        && !app.search.rerun_in_background(rerun.clone())
        && let Ok(query) = Query::new(&rerun.text, rerun.scope, rerun.mode)
    {
        let results = app.search.index.as_ref().map(|index| index.search(&query));
        if let Some(results) = results {
            rerun_done(app, rerun, results);
        }
    }
}
