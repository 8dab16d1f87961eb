//! The search results list: one row per field (title, block, source) with
//! matches, opened over the panes; Enter goes to the row's first match.

use super::app::{App, Overlay};
use super::search;

/// The results list: one row per field with matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResultsList {
    /// Per row, the index of the field's first match in the results.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
}

pub(crate) fn show(app: &mut App) {
    let Some(active) = app.search.active.as_ref() else {
        app.status = Some("No search yet: press / to search".to_string());
        return;
    };
    let matches = active.results.matches();
    let rows: Vec<usize> = (0..matches.len())
        .filter(|&i| {
            i == 0
                || (matches[i - 1].post, matches[i - 1].location)
                    != (matches[i].post, matches[i].location)
        })
        .collect();
    if rows.is_empty() {
        app.status = Some(search::not_found(app, &active.text));
        return;
    }
    // Start on the row of the current match, so Esc-and-reopen keeps its place.
    let selected = active
        .current
        .map_or(0, |current| rows.partition_point(|&row| row <= current))
        .saturating_sub(1);
    app.search.list = ResultsList {
        rows,
        selected,
        offset: 0,
    };
    keep_list_selection_in_view(app);
    app.overlay = Some(Overlay::Results);
}

/// Rows of the results list on screen.
pub fn list_height(app: &App) -> usize {
    super::view::results::list_rect(app.size).height.into()
}

pub(crate) fn page(app: &App) -> isize {
    list_height(app).saturating_sub(1).max(1) as isize
}

pub(crate) fn move_selection(app: &mut App, delta: isize) {
    let list = &mut app.search.list;
    let last = list.rows.len().saturating_sub(1);
    list.selected = list.selected.saturating_add_signed(delta).min(last);
    keep_list_selection_in_view(app);
}

fn keep_list_selection_in_view(app: &mut App) {
    let height = list_height(app).max(1);
    let list = &mut app.search.list;
    if list.selected < list.offset {
        list.offset = list.selected;
    } else if list.selected >= list.offset + height {
        list.offset = list.selected + 1 - height;
    }
}

pub(crate) fn jump(app: &mut App) {
    if app.overlay != Some(Overlay::Results) {
        return;
    }
    app.overlay = None;
    if let Some(&index) = app.search.list.rows.get(app.search.list.selected) {
        search::go_to_match(app, index);
    }
}
