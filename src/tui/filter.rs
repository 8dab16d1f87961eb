//! The Topics pane's filter: rows whose label fuzzily matches what the user
//! types, with the groups they hang under, so the tree keeps its shape.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::app::{App, Overlay};
use super::tree::{NodeId, NodeKind};
use super::update;

/// Everything the user can do with the filter, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterAction {
    /// Start typing a filter (or edit the one in place).
    Open,
    Type(char),
    Backspace,
    /// Stop typing, keep the filter.
    Accept,
    /// Remove the filter and show the whole tree again.
    Clear,
}

impl FilterAction {
    pub fn description(self) -> &'static str {
        match self {
            FilterAction::Open => "Filter topics and posts by title",
            FilterAction::Type(_) => "Type the filter",
            FilterAction::Backspace => "Delete the last character",
            FilterAction::Accept => "Keep the filter, back to the tree",
            FilterAction::Clear => "Clear the filter",
        }
    }
}

/// The filter's text; empty when there is none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicFilter {
    pub text: String,
}

impl TopicFilter {
    pub fn is_active(&self) -> bool {
        !self.text.is_empty()
    }
}

/// The rows of the Topics pane: the expanded tree, or with a filter every
/// matching node and the groups above it (expanded or not).
pub fn visible_rows(app: &App) -> Vec<NodeId> {
    if !app.filter.is_active() {
        return app.tree.visible_rows(&app.expanded);
    }
    filtered_rows(app, &scores(app, &app.filter.text))
}

/// The rows a filter with these per-node `scores` leaves.
fn filtered_rows(app: &App, scores: &[Option<u32>]) -> Vec<NodeId> {
    let keep = matching_nodes(app, scores);
    let mut rows = Vec::new();
    let mut stack: Vec<NodeId> = app.tree.roots().iter().rev().copied().collect();
    while let Some(id) = stack.pop() {
        if !keep.get(id.0).copied().unwrap_or(false) {
            continue;
        }
        rows.push(id);
        stack.extend(app.tree.children(id).rev());
    }
    rows
}

/// Per node: whether it matches or has a descendant that does.
fn matching_nodes(app: &App, scores: &[Option<u32>]) -> Vec<bool> {
    let mut keep: Vec<bool> = scores.iter().map(Option::is_some).collect();
    // Children have higher ids than their parents, so walking the nodes
    // backwards marks every ancestor of a match.
    for index in (0..keep.len()).rev() {
        if keep[index]
            && let Some(parent) = app.tree.node(NodeId(index)).parent
        {
            keep[parent.0] = true;
        }
    }
    keep
}

/// Per node: how well its label matches `text` (nucleo's fuzzy score). A
/// post listed under several topics is scored once.
fn scores(app: &App, text: &str) -> Vec<Option<u32>> {
    let pattern = Pattern::parse(text, CaseMatching::Smart, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buffer = Vec::new();
    let mut by_post: Vec<Option<Option<u32>>> = vec![None; app.corpus.len()];
    let mut score = |label: &str| pattern.score(Utf32Str::new(label, &mut buffer), &mut matcher);
    (0..app.tree.len())
        .map(|index| {
            let node = NodeId(index);
            match app.tree.node(node).kind {
                NodeKind::Post(post) => match by_post.get_mut(post.0) {
                    Some(Some(known)) => *known,
                    Some(slot) => *slot.insert(score(app.node_label(node))),
                    None => score(app.node_label(node)),
                },
                _ => score(app.node_label(node)),
            }
        })
        .collect()
}

/// The row of the post that matches the filter best (the first of equals).
fn best_post_row(app: &App, scores: &[Option<u32>]) -> Option<usize> {
    let mut best: Option<(usize, u32)> = None;
    for (row, node) in app.rows.iter().enumerate() {
        if app.tree.node(*node).is_group() {
            continue;
        }
        if let Some(score) = scores.get(node.0).copied().flatten()
            && best.is_none_or(|(_, top)| score > top)
        {
            best = Some((row, score));
        }
    }
    best.map(|(row, _)| row)
}

/// Applies a filter action.
pub fn update(app: &mut App, action: FilterAction) {
    match action {
        FilterAction::Open => app.overlay = Some(Overlay::Filter),
        FilterAction::Type(c) => change(app, |text| text.push(c)),
        FilterAction::Backspace => change(app, |text| {
            text.pop();
        }),
        FilterAction::Accept => {
            if app.overlay == Some(Overlay::Filter) {
                app.overlay = None;
            }
        }
        FilterAction::Clear => {
            if app.overlay == Some(Overlay::Filter) {
                app.overlay = None;
            }
            change(app, String::clear);
        }
    }
}

/// Adds `c` to the filter without filtering: more typing follows, and the
/// rows are filtered when it ends (see [`crate::tui::Action::TypeAhead`]).
pub fn type_ahead(app: &mut App, c: char) {
    if app.overlay == Some(Overlay::Filter) {
        app.filter.text.push(c);
    }
}

fn change(app: &mut App, edit: impl FnOnce(&mut String)) {
    let selected = app.selected_node();
    edit(&mut app.filter.text);
    let scores = if app.filter.is_active() {
        scores(app, &app.filter.text)
    } else {
        Vec::new()
    };
    app.rows = if app.filter.is_active() {
        filtered_rows(app, &scores)
    } else {
        app.tree.visible_rows(&app.expanded)
    };
    // While filtering, select the post that matches best (what the user is
    // looking for); once cleared, the row that was selected.
    let still_shown = selected.and_then(|node| app.rows.iter().position(|&row| row == node));
    app.tree_selected = if app.filter.is_active() {
        best_post_row(app, &scores).or(still_shown)
    } else {
        still_shown
    }
    .unwrap_or(0);
    update::keep_tree_selection_in_view(app);
}

/// The Topics pane's title: with the filter when there is one.
pub fn pane_title(app: &App) -> String {
    let typing = app.overlay == Some(Overlay::Filter);
    match (app.filter.is_active(), typing) {
        (false, false) => " Topics ".to_string(),
        (_, true) => format!(" Topics · filter: {}▏ ", app.filter.text),
        (true, false) => format!(" Topics · filter: {} ", app.filter.text),
    }
}
