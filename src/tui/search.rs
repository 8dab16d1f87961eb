//! The reader's search session: the prompt, the active query and its
//! results, the queries of the session, and how search actions change them.
//!
//! Matching itself is [`crate::search`]'s job; this module decides what the
//! reader does with the results: preview the first match while typing, jump
//! on Enter, restore the place on Esc, step with n/N.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

pub use super::jump::{SavedPlace, go_to_match};

use super::app::{App, Overlay};
use super::jump::{match_is_visible, view_place};
use super::results;
use crate::model::PostId;
use crate::search::{
    Location, Match, Mode, Place, Query, Scope, SearchIndex, SearchResults, SearchWorker,
};

/// Up to this many bytes of folded text, a query runs on the UI thread: even
/// a regular expression over it takes a few milliseconds. Above it queries
/// go to a [`SearchWorker`], so typing never waits for a search.
const INLINE_UP_TO: usize = 1 << 20;

/// Everything the user can do with search, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchAction {
    /// Open the prompt.
    Open,
    /// Add a character to the query.
    Type(char),
    Backspace,
    /// Empty the query.
    Clear,
    /// Keep the search, jump to the first match at or after the place.
    Confirm,
    /// Close the prompt and go back to where the search started.
    Cancel,
    CycleScope,
    ToggleRegex,
    /// Recall the previous (older) query of the session.
    Older,
    /// Recall the next (newer) query, or what was being typed.
    Newer,
    Next,
    Previous,
    /// Show the list of matching fields.
    ShowResults,
    ResultsDown,
    ResultsUp,
    ResultsPageDown,
    ResultsPageUp,
    /// Close the list and go to the selected row's match.
    ResultsJump,
    /// Be done with the search: its highlights and count go.
    Dismiss,
}

impl SearchAction {
    pub fn description(self) -> &'static str {
        match self {
            SearchAction::Open => "Search all posts",
            SearchAction::Type(_) => "Type the query",
            SearchAction::Backspace => "Delete the last character",
            SearchAction::Clear => "Clear the query",
            SearchAction::Confirm => "Go to the first match from here (empty: clear the search)",
            SearchAction::Cancel => "Cancel, back to where the search started",
            SearchAction::CycleScope => {
                "Search everything / commentary / quotes / sources / comments"
            }
            SearchAction::ToggleRegex => "Toggle regular expression",
            SearchAction::Older => "Recall an earlier query",
            SearchAction::Newer => "Recall a later query",
            SearchAction::Next => "Next match",
            SearchAction::Previous => "Previous match",
            SearchAction::ShowResults => "List the matches of the search",
            SearchAction::ResultsDown => "Move down",
            SearchAction::ResultsUp => "Move up",
            SearchAction::ResultsPageDown => "Move down a page",
            SearchAction::ResultsPageUp => "Move up a page",
            SearchAction::ResultsJump => "Go to the match",
            SearchAction::Dismiss => "Clear the search: its highlights and match count",
        }
    }
}

/// A query the session ran, with its results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveSearch {
    pub text: String,
    pub scope: Scope,
    pub mode: Mode,
    pub results: SearchResults,
    /// Index in `results` of the match the reader is on.
    pub current: Option<usize>,
}

impl ActiveSearch {
    /// The current match, if any.
    pub fn current_match(&self) -> Option<&Match> {
        self.current.and_then(|i| self.results.get(i))
    }
}

/// The open prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub text: String,
    pub scope: Scope,
    pub mode: Mode,
    /// Why the query cannot run (an invalid regular expression).
    pub error: Option<String>,
    /// A query was sent to the worker and its results have not come back.
    pub pending: bool,
    /// The history entry shown, or `None` for what the user typed.
    recalled: Option<usize>,
    /// What the user typed before recalling history.
    draft: String,
    /// Where the search started.
    pub saved: SavedPlace,
    /// The place in the text the reader was at: matches are looked for
    /// from here, however far the preview has moved since.
    pub(super) origin: Place,
    /// The search that was active before, restored on Esc.
    pub(super) previous: Option<ActiveSearch>,
}

/// The search session: lives as long as the reader.
#[derive(Default)]
pub struct SearchSession {
    index: Option<Arc<SearchIndex>>,
    worker: Option<SearchWorker>,
    /// Send queries to the worker even for a small index.
    background: bool,
    /// The index is being built elsewhere and will be attached.
    awaiting_index: bool,
    pub prompt: Option<Prompt>,
    pub active: Option<ActiveSearch>,
    /// Queries confirmed, oldest first, without repeats: those remembered
    /// from earlier sessions, then this one's.
    pub history: Vec<String>,
    /// The scope the prompt opens in when no search is active (the
    /// config's `search_scope`).
    pub default_scope: Scope,
    pub list: super::results::ResultsList,
    /// A search run again on the worker after the reader moved onto
    /// another corpus, until its results come.
    rerun: Option<Rerun>,
}

/// A search the reader had on a corpus it has left, run again on the
/// worker: what it was, and the place of its current match in the new
/// corpus, to make current again.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rerun {
    text: String,
    scope: Scope,
    mode: Mode,
    current: Option<Place>,
    /// Confirmed while the index was being built: once the results come,
    /// the reader goes to the first match from this place.
    jump_from: Option<Place>,
}

impl Rerun {
    /// The search `text` in `scope` and `mode`, to run again: nothing to
    /// make current, nowhere to jump (the caller sets either).
    fn of(text: &str, scope: Scope, mode: Mode) -> Rerun {
        Rerun {
            text: text.to_owned(),
            scope,
            mode,
            current: None,
            jump_from: None,
        }
    }

    fn is_for(&self, query: &Query) -> bool {
        query.text() == self.text && query.scope() == self.scope && query.mode() == self.mode
    }
}

impl fmt::Debug for SearchSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchSession")
            .field("indexed", &self.index.is_some())
            .field("background", &self.uses_worker())
            .field("prompt", &self.prompt)
            .field("active", &self.active)
            .field("history", &self.history)
            .finish_non_exhaustive()
    }
}

impl SearchSession {
    /// Uses `index` (built off the UI thread by the loader) for searches.
    pub fn attach(&mut self, index: Arc<SearchIndex>) {
        self.worker = None;
        self.index = Some(index);
        self.awaiting_index = false;
    }

    /// Lets go of the index and its worker: they searched a corpus the
    /// reader has left.
    pub(super) fn detach(&mut self) {
        self.worker = None;
        self.index = None;
        self.awaiting_index = false;
    }

    /// Keeps `active` to run again (see [`run_rerun`]), its match at
    /// `current` to be made current again.
    pub(super) fn run_again(&mut self, active: &ActiveSearch, current: Option<Place>) {
        self.rerun = Some(Rerun {
            current,
            ..Rerun::of(&active.text, active.scope, active.mode)
        });
    }

    /// Runs `rerun` on the worker, when the index is one large enough to
    /// search there; returns whether it did.
    fn rerun_in_background(&mut self, rerun: Rerun) -> bool {
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
    pub(super) fn move_rerun(&mut self, place: impl Fn(Place) -> Option<Place>) {
        if let Some(rerun) = self.rerun.as_mut() {
            rerun.current = rerun.current.and_then(&place);
            rerun.jump_from = rerun.jump_from.and_then(&place);
        }
    }

    /// Says that an index is being built off the UI thread: until it is
    /// attached, queries wait for it rather than build one here.
    pub fn expect_index(&mut self) {
        self.awaiting_index = self.index.is_none();
    }

    pub fn awaits_index(&self) -> bool {
        self.awaiting_index
    }

    /// Sends every query to the background worker, whatever the corpus size
    /// (for tests of the path large corpora take).
    pub fn use_background_worker(&mut self) {
        self.background = true;
    }

    fn uses_worker(&self) -> bool {
        self.background
            || self
                .index
                .as_ref()
                .is_some_and(|index| index.folded_len() > INLINE_UP_TO)
    }

    /// The number of matches in `post` (for the tree), 0 without a search.
    pub fn count_in_post(&self, post: PostId) -> usize {
        self.active
            .as_ref()
            .map_or(0, |active| active.results.count_in_post(post))
    }

    /// Whether source `source` of `post` has matches in its outlet, headline
    /// or URL, and whether the current match is one of them: `None` when it
    /// has none. (The Sources pane shortens labels, so it marks the source
    /// rather than the matched bytes.)
    pub fn source_matches(&self, post: PostId, source: usize) -> Option<bool> {
        let active = self.active.as_ref()?;
        let in_post = active.results.in_post(post);
        let mut found = in_post
            .iter()
            .filter(|m| matches!(m.location, Location::Source(n, _) if n == source))
            .peekable();
        found.peek()?;
        let current = active.current_match();
        Some(found.any(|m| Some(m) == current))
    }

    /// The matches to draw in one field, and the current match if it is there.
    pub fn in_field(&self, post: PostId, location: Location) -> (&[Match], Option<&Match>) {
        match &self.active {
            Some(active) => {
                let current = active
                    .current_match()
                    .filter(|m| m.post == post && m.location == location);
                (active.results.in_field(post, location), current)
            }
            None => (&[], None),
        }
    }
}

/// "match 3/12 in 4 posts", "12 matches in 4 posts" or "no matches": what
/// the status line says about the search, if one is active.
pub fn summary(app: &App) -> Option<String> {
    if app.search.active.is_none() && app.search.rerun.is_some() {
        return Some("searching everything loaded…".to_string());
    }
    let active = app.search.active.as_ref()?;
    let results = &active.results;
    // While the archive loads, a search covers the posts loaded so far.
    let so_far = if app.loading.is_some() { " so far" } else { "" };
    if results.is_empty() {
        return Some(format!("no matches{so_far}"));
    }
    let posts = match results.post_count() {
        1 => "1 post".to_string(),
        n => format!("{n} posts"),
    };
    Some(match active.current {
        Some(i) => format!("match {}/{} in {posts}{so_far}", i + 1, results.len()),
        None => format!("{} matches in {posts}{so_far}", results.len()),
    })
}

/// Applies a search action.
pub fn update(app: &mut App, action: SearchAction) {
    match action {
        SearchAction::Open => open_prompt(app),
        SearchAction::Type(c) => edit(app, |text| text.push(c)),
        SearchAction::Backspace => edit(app, |text| {
            text.pop();
        }),
        SearchAction::Clear => edit(app, String::clear),
        SearchAction::Confirm => confirm(app),
        SearchAction::Cancel => cancel(app),
        SearchAction::CycleScope => change_prompt(app, |p| p.scope = p.scope.next()),
        SearchAction::ToggleRegex => change_prompt(app, |p| {
            p.mode = match p.mode {
                Mode::Literal => Mode::Regex,
                Mode::Regex => Mode::Literal,
            }
        }),
        SearchAction::Older => recall(app, true),
        SearchAction::Newer => recall(app, false),
        SearchAction::Next => step(app, true),
        SearchAction::Previous => step(app, false),
        SearchAction::ShowResults => results::show(app),
        SearchAction::ResultsDown => results::move_selection(app, 1),
        SearchAction::ResultsUp => results::move_selection(app, -1),
        SearchAction::ResultsPageDown => results::move_selection(app, results::page(app)),
        SearchAction::ResultsPageUp => results::move_selection(app, -results::page(app)),
        SearchAction::ResultsJump => results::jump(app),
        SearchAction::Dismiss => {
            app.search.active = None;
            app.search.rerun = None;
        }
    }
}

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

/// Makes the results of a search run again the active search.
fn rerun_done(app: &mut App, rerun: Rerun, results: SearchResults) {
    let current = rerun.current.and_then(|place| results.index_of(place));
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
/// search; the results arrive through [`poll`]), else here. Without an
/// index yet, it keeps waiting for [`index_ready`].
pub(super) fn run_rerun(app: &mut App) {
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

/// The index, if there is one yet.
fn ready_index(app: &App) -> Option<Arc<SearchIndex>> {
    app.search.index.as_ref().map(Arc::clone)
}

/// The index, built here if there is none yet: on first use when nothing
/// builds one elsewhere, or when Enter cannot wait for it.
fn index(app: &mut App) -> Arc<SearchIndex> {
    if let Some(index) = ready_index(app) {
        return index;
    }
    let index = Arc::new(SearchIndex::new(&app.corpus));
    app.search.index = Some(Arc::clone(&index));
    index
}

fn open_prompt(app: &mut App) {
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

fn prompt_is_open(app: &App) -> bool {
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

fn edit(app: &mut App, change: impl FnOnce(&mut String)) {
    change_prompt(app, |prompt| {
        change(&mut prompt.text);
        prompt.recalled = None;
    });
}

fn change_prompt(app: &mut App, change: impl FnOnce(&mut Prompt)) {
    if !prompt_is_open(app) {
        return;
    }
    if let Some(prompt) = app.search.prompt.as_mut() {
        change(prompt);
    }
    run_prompt_query(app);
}

/// Runs the prompt's query: inline for a small index, else on the worker.
pub(super) fn run_prompt_query(app: &mut App) {
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
    app.search.active = Some(ActiveSearch {
        text: prompt.text.clone(),
        scope: prompt.scope,
        mode: prompt.mode,
        results,
        current: None,
    });
    match first {
        Some(step) => go_to_match(app, step.index),
        None => saved.restore(app),
    }
}

fn confirm(app: &mut App) {
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
            app.search.active = Some(ActiveSearch {
                text: text.clone(),
                scope: prompt.scope,
                mode: prompt.mode,
                results,
                current: None,
            });
        }
    }
    go_to_first_match(app, prompt.origin, &text, Some(&prompt.saved));
}

/// How a confirmed search ends, whether it ran at once or waited for the
/// index: the reader goes to the active search's first match at or after
/// `from`, told when the search wrapped past the end to get there; when
/// nothing matches, it goes back to `saved` (if the preview moved away
/// from it) and is told the query `text` was not found.
fn go_to_first_match(app: &mut App, from: Place, text: &str, saved: Option<&SavedPlace>) {
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
            app.status = Some(format!("Not found: {text}"));
        }
    }
}

fn cancel(app: &mut App) {
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

fn recall(app: &mut App, older: bool) {
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

fn step(app: &mut App, forward: bool) {
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
        app.status = Some(format!("Not found: {}", active.text));
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
