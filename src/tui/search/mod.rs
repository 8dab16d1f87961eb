//! The reader's search session: the prompt, the active query and its
//! results, the queries of the session, and how search actions change them.
//!
//! Matching itself is [`crate::search`]'s job; this module decides what the
//! reader does with the results: preview the first match while typing, jump
//! on Enter, restore the place on Esc, step with n/N. Editing the prompt is
//! in `prompt`, running queries and acting on their results in `run`,
//! searches run again on another corpus or a late index in `rerun`.

mod prompt;
mod rerun;
mod run;

use std::fmt;
use std::sync::Arc;

pub use super::jump::{SavedPlace, go_to_match};
pub use prompt::type_ahead;
pub use rerun::index_ready;
pub(super) use rerun::run_rerun;
pub(super) use run::run_prompt_query;
pub use run::{poll, wait};

use super::app::App;
use super::results;
use crate::model::PostId;
use crate::search::{
    Location, Match, Mode, Place, Scope, SearchIndex, SearchResults, SearchWorker,
};
use prompt::{cancel, change_prompt, edit, open_prompt, recall};
use rerun::Rerun;
use run::{confirm, step};

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

impl Prompt {
    /// The prompt's query as the active search, with its `results` and no
    /// match current yet.
    fn search_with(&self, results: SearchResults) -> ActiveSearch {
        ActiveSearch {
            text: self.text.clone(),
            scope: self.scope,
            mode: self.mode,
            results,
            current: None,
        }
    }
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
    /// A search to run again (see [`Rerun`]), until its results come.
    rerun: Option<Rerun>,
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

/// While the archive loads, a search covers only the posts loaded so far,
/// and what the status says of it must not read as the whole archive's.
fn so_far(app: &App) -> &'static str {
    if app.loading.is_some() { " so far" } else { "" }
}

/// "Not found: TEXT", or "Not found so far: TEXT" while the archive loads.
pub(super) fn not_found(app: &App, text: &str) -> String {
    not_found_among(so_far(app), text)
}

fn not_found_among(so_far: &str, text: &str) -> String {
    format!("Not found{so_far}: {text}")
}

/// Whether the status says `text` was not found among the posts loaded so
/// far: said of fewer posts than a search run again covers, it may no
/// longer hold.
fn says_not_found_so_far(app: &App, text: &str) -> bool {
    app.status.as_deref() == Some(not_found_among(" so far", text).as_str())
}

/// "match 3/12 in 4 posts", "12 matches in 4 posts" or "no matches": what
/// the status line says about the search, if one is active.
pub fn summary(app: &App) -> Option<String> {
    if app.search.active.is_none() && app.search.rerun.is_some() {
        return Some("searching everything loaded…".to_string());
    }
    let active = app.search.active.as_ref()?;
    let results = &active.results;
    let so_far = so_far(app);
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
