//! Running the prompt's query and acting on its results: the preview while
//! typing, the jump on Enter, stepping with n/N, and the worker's answers.

use std::sync::Arc;
use std::time::Duration;

use super::prompt::prompt_is_open;
use super::rerun::{Rerun, rerun_done};
use super::{ActiveSearch, SavedPlace, go_to_match};
use crate::search::{Place, Query, SearchIndex, SearchResults, SearchWorker};
use crate::tui::app::App;
use crate::tui::jump::{match_is_visible, view_place};

/// Takes the results of the latest query from the worker, if they came.
/// Called on every tick of the event loop; returns whether anything changed.
pub fn poll(app: &mut App) -> bool {
    let Some(outcome) = app.search.worker.as_mut().and_then(SearchWorker::poll) else {
        return false;
    };
    receive(app, outcome.query, outcome.results);
    true
}

/// Waits up to `timeout` for the worker's results (for tests and for
/// callers that must have them).
pub fn wait(app: &mut App, timeout: Duration) -> bool {
    let Some(outcome) = app.search.worker.as_mut().and_then(|w| w.wait(timeout)) else {
        return false;
    };
    receive(app, outcome.query, outcome.results);
    true
}

fn receive(app: &mut App, query: Query, results: SearchResults) {
    if let Some(rerun) = app.search.rerun.take_if(|rerun| rerun.is_for(&query)) {
        rerun_done(app, rerun, results);
        return;
    }
    let Some(prompt) = app.search.prompt.as_mut() else {
        return;
    };
    // The worker only answers the latest query, but the prompt may have
    // been closed and reopened since.
    if query.text() != prompt.text || query.scope() != prompt.scope || query.mode() != prompt.mode {
        return;
    }
    prompt.pending = false;
    show_while_typing(app, results);
}

/// The index, if there is one yet.
fn ready_index(app: &App) -> Option<Arc<SearchIndex>> {
    app.search.index.as_ref().map(Arc::clone)
}

/// The index, built here if there is none yet: on first use when nothing
/// builds one elsewhere, or when Enter cannot wait for it.
pub(super) fn index(app: &mut App) -> Arc<SearchIndex> {
    if let Some(index) = ready_index(app) {
        return index;
    }
    let index = Arc::new(SearchIndex::new(&app.corpus));
    app.search.index = Some(Arc::clone(&index));
    index
}

/// Runs the prompt's query: inline for a small index, else on the worker.
pub(in crate::tui) fn run_prompt_query(app: &mut App) {
    let Some(prompt) = app.search.prompt.as_mut() else {
        return;
    };
    prompt.error = None;
    prompt.pending = false;
    if prompt.text.trim().is_empty() {
        let saved = prompt.saved.clone();
        if let Some(worker) = app.search.worker.as_mut() {
            worker.cancel();
        }
        app.search.active = None;
        saved.restore(app);
        return;
    }
    let query = match Query::new(&prompt.text, prompt.scope, prompt.mode) {
        Ok(query) => query,
        Err(error) => {
            prompt.error = Some(one_line_error(&error.to_string()));
            return;
        }
    };
    let index = if app.search.awaiting_index {
        ready_index(app)
    } else {
        Some(index(app))
    };
    let Some(index) = index else {
        // Runs from `index_ready` when the index comes.
        if let Some(prompt) = app.search.prompt.as_mut() {
            prompt.pending = true;
        }
        return;
    };
    if app.search.uses_worker() {
        if app.search.worker.is_none() {
            app.search.worker = SearchWorker::spawn(Arc::clone(&index)).ok();
        }
        if let Some(worker) = app.search.worker.as_mut() {
            worker.submit(query);
            if let Some(prompt) = app.search.prompt.as_mut() {
                prompt.pending = true;
            }
            return;
        }
    }
    let results = index.search(&query);
    show_while_typing(app, results);
}

/// A query error fit for one line: the regex crate's message spans several
/// (the pattern, a caret, then "error: what went wrong"), the last says it.
fn one_line_error(message: &str) -> String {
    let last = message.lines().rev().find(|line| !line.trim().is_empty());
    match last.and_then(|line| line.trim().strip_prefix("error: ")) {
        Some(what) => format!("invalid regular expression: {what}"),
        None => message.lines().next().unwrap_or_default().to_string(),
    }
}

/// Makes `results` the active search and previews its first match from
/// where the search started (or goes back there if nothing matched).
fn show_while_typing(app: &mut App, results: SearchResults) {
    let Some(prompt) = app.search.prompt.as_ref() else {
        return;
    };
    let saved = prompt.saved.clone();
    let first = results.first_match_at_or_after(prompt.origin);
    app.search.active = Some(prompt.search_with(results));
    match first {
        Some(step) => go_to_match(app, step.index),
        None => saved.restore(app),
    }
}

pub(super) fn confirm(app: &mut App) {
    if !prompt_is_open(app) {
        return;
    }
    let Some(prompt) = app.search.prompt.take() else {
        return;
    };
    app.overlay = None;
    let text = prompt.text.clone();
    if text.trim().is_empty() {
        // Enter on an empty prompt is how a reader drops the highlights.
        app.search.active = None;
        prompt.saved.restore(app);
        return;
    }
    app.search.history.retain(|earlier| *earlier != text);
    app.search.history.push(text.clone());
    let extra = app
        .search
        .history
        .len()
        .saturating_sub(crate::state::record::HISTORY_LIMIT);
    app.search.history.drain(..extra);
    if let Some(error) = prompt.error {
        app.search.active = None;
        app.status = Some(error);
        prompt.saved.restore(app);
        return;
    }
    if prompt.pending && app.search.index.is_none() {
        // The index is being built elsewhere: the search runs when it
        // comes, and the reader goes to its first match then.
        app.search.rerun = Some(Rerun {
            jump_from: Some(prompt.origin),
            ..Rerun::of(&text, prompt.scope, prompt.mode)
        });
        app.search.active = None;
        return;
    }
    if prompt.pending {
        // The worker has not answered yet; Enter must not be lost, so this
        // one search runs here.
        if let Some(worker) = app.search.worker.as_mut() {
            worker.cancel();
        }
        if let Ok(query) = Query::new(&text, prompt.scope, prompt.mode) {
            let results = index(app).search(&query);
            app.search.active = Some(prompt.search_with(results));
        }
    }
    go_to_first_match(app, prompt.origin, &text, Some(&prompt.saved));
}

/// How a confirmed search ends, whether it ran at once or waited for the
/// index: the reader goes to the active search's first match at or after
/// `from`, told when the search wrapped past the end to get there; when
/// nothing matches, it goes back to `saved` (if the preview moved away
/// from it) and is told the query `text` was not found.
pub(super) fn go_to_first_match(
    app: &mut App,
    from: Place,
    text: &str,
    saved: Option<&SavedPlace>,
) {
    let first = (app.search.active.as_ref()).and_then(|a| a.results.first_match_at_or_after(from));
    match first {
        Some(step) => {
            go_to_match(app, step.index);
            if step.wrapped {
                app.status = Some("Search wrapped to the first match".to_string());
            }
        }
        None => {
            if let Some(saved) = saved {
                saved.restore(app);
            }
            app.status = Some(super::not_found(app, text));
        }
    }
}

/// Where n/N step from: the current match while it is on screen, else the
/// top of the view.
fn step_origin(app: &App) -> Place {
    let current = app
        .search
        .active
        .as_ref()
        .and_then(ActiveSearch::current_match);
    if let Some(found) = current
        && app.open_post == Some(found.post)
        && match_is_visible(app, found)
    {
        return found.place();
    }
    view_place(app)
}

pub(super) fn step(app: &mut App, forward: bool) {
    let Some(active) = app.search.active.as_ref() else {
        app.status = Some("No search yet: press / to search".to_string());
        return;
    };
    let origin = step_origin(app);
    let step = if forward {
        active.results.next_match_after(origin)
    } else {
        active.results.previous_match_before(origin)
    };
    let Some(step) = step else {
        app.status = Some(super::not_found(app, &active.text));
        return;
    };
    go_to_match(app, step.index);
    if step.wrapped {
        app.status = Some(if forward {
            "Search wrapped to the first match".to_string()
        } else {
            "Search wrapped to the last match".to_string()
        });
    }
}
