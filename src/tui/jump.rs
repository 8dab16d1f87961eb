//! Moving the reader to a search match, and back: the place a search
//! starts from, opening a match's post, selecting it in the tree, scrolling
//! it into view.

use super::app::{App, Focus};
use super::thread::{ThreadState, fold};
use super::tree::NodeId;
use super::update;
use super::wrap::LineKind;
use crate::model::PostId;
use crate::search::{Location, Match, Place};

/// Where the reader was, to return to on Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPlace {
    pub open_post: Option<PostId>,
    pub scroll: usize,
    pub focus: Focus,
    tree_selected: usize,
    tree_offset: usize,
    post_list: NodeId,
    selected_source: Option<usize>,
    citation: Option<usize>,
    sources_offset: usize,
    /// The current comment and the folds: a search that went into a folded
    /// comment unfolded it.
    thread: ThreadState,
}

impl SavedPlace {
    pub fn of(app: &App) -> SavedPlace {
        SavedPlace {
            open_post: app.open_post,
            scroll: app.scroll,
            focus: app.focus,
            tree_selected: app.tree_selected,
            tree_offset: app.tree_offset,
            post_list: app.post_list,
            selected_source: app.selected_source,
            citation: app.citation,
            sources_offset: app.sources_offset,
            thread: app.thread.clone(),
        }
    }

    /// This place on the corpus `app` reads, where its post is `post` (the
    /// same post, by identity, or none): its scroll, focus, source and
    /// thread kept; its tree row that of the post under `app`'s list, else
    /// `app`'s selection (rows are counted afresh on another corpus).
    pub(crate) fn moved(&self, post: Option<PostId>, app: &App) -> SavedPlace {
        let row = post.and_then(|post| app.row_of_post_under(app.post_list, post));
        SavedPlace {
            open_post: post,
            tree_selected: row.unwrap_or(app.tree_selected),
            tree_offset: app.tree_offset,
            post_list: app.post_list,
            ..self.clone()
        }
    }

    pub(crate) fn restore(&self, app: &mut App) {
        if app.open_post != self.open_post
            && let Some(post) = self.open_post
        {
            update::open_post(app, post);
        }
        if app.open_post == self.open_post && app.thread.folded.len() == self.thread.folded.len() {
            app.thread = self.thread.clone();
            app.thread_layout.refresh_rows(&app.thread.folded);
        }
        app.post_list = self.post_list;
        app.refresh_position();
        app.scroll = self.scroll.min(app.max_scroll());
        app.focus = self.focus;
        app.tree_selected = self.tree_selected.min(app.rows.len().saturating_sub(1));
        app.tree_offset = self.tree_offset;
        app.selected_source = self.selected_source;
        app.citation = self.citation;
        app.sources_offset = self.sources_offset;
    }
}

/// The place at the top of the article view: the start of the post when
/// it is scrolled to the top, else the first field text on screen.
pub(crate) fn view_place(app: &App) -> Place {
    let Some(post) = app.open_post else {
        return Place::start_of(PostId(0));
    };
    if app.scroll == 0 {
        return Place::start_of(post);
    }
    app.article
        .lines
        .iter()
        .skip(app.scroll)
        .find_map(|line| line.location().map(|location| (location, line.start)))
        .or_else(|| thread_place_from(app, app.scroll.saturating_sub(app.thread_top())))
        .map_or(Place::start_of(post), |(location, offset)| Place {
            post,
            location,
            offset,
        })
}

/// The first comment text at or after line `line` of the thread: its
/// location and offset (the start of a folded comment, for one folded).
fn thread_place_from(app: &App, line: usize) -> Option<(Location, usize)> {
    let layout = &app.thread_layout;
    let mut row = layout.row_at(line)?;
    let mut from = line;
    loop {
        let comment = layout.shape().comment_at(layout.row_position(row)?);
        if layout.is_row_folded(row) {
            return Some((Location::Comment { comment, block: 0 }, 0));
        }
        let skip = from.saturating_sub(layout.row_lines(row).start);
        let text = layout
            .comment(comment)?
            .lines
            .iter()
            .skip(skip)
            .find(|l| matches!(l.kind, LineKind::Block(_)));
        if let Some(text) = text {
            return Some((
                Location::Comment {
                    comment,
                    block: text.block?,
                },
                text.start,
            ));
        }
        row += 1;
        from = 0;
    }
}

/// Makes match `index` current: opens its post, selects it in the tree and
/// scrolls it into view (or selects its source, for a source field).
pub fn go_to_match(app: &mut App, index: usize) {
    let Some(active) = app.search.active.as_mut() else {
        return;
    };
    let Some(found) = active.results.get(index).cloned() else {
        return;
    };
    active.current = Some(index);
    if app.open_post != Some(found.post) {
        update::open_post(app, found.post);
        select_in_tree(app, found.post);
    }
    let pane = match found.location {
        Location::Source(source, _) => {
            app.selected_source = Some(source);
            app.citation = None;
            update::keep_source_in_view(app);
            Focus::Sources
        }
        Location::Comment { comment, .. } => {
            fold::reveal(app, comment);
            scroll_to_match(app, &found);
            Focus::Article
        }
        _ => {
            scroll_to_match(app, &found);
            Focus::Article
        }
    };
    // With one pane at a time, a match is only seen in the pane that has it.
    if app.panes().rect_of(pane).is_none() {
        app.focus = pane;
    }
}

/// Selects `post`'s row under the list it was being read from, else under
/// "All posts".
pub(crate) fn select_in_tree(app: &mut App, post: PostId) {
    let row = app.row_of_post_under(app.post_list, post).or_else(|| {
        let all = app.tree.all_posts();
        let row = app.row_of_post_under(all, post)?;
        app.post_list = all;
        Some(row)
    });
    if let Some(row) = row {
        app.tree_selected = row;
        update::keep_tree_selection_in_view(app);
    }
    app.refresh_position();
}

/// The article line where `found` starts, if it shows.
fn line_of_match(app: &App, found: &Match) -> Option<usize> {
    let Location::Comment { comment, block } = found.location else {
        return app.article.lines.iter().position(|line| {
            line.location() == Some(found.location) && line.shows_offset(found.range.start)
        });
    };
    let layout = &app.thread_layout;
    if comment >= layout.shape().len() {
        return None;
    }
    let row = layout.row_of(layout.shape().position_of(comment))?;
    if layout.is_row_folded(row) {
        return None;
    }
    let offset = layout.comment(comment)?.lines.iter().position(|line| {
        line.block == Some(block)
            && matches!(line.kind, LineKind::Block(_))
            && line.shows_offset(found.range.start)
    })?;
    Some(app.thread_top() + layout.row_lines(row).start + offset)
}

pub(crate) fn match_is_visible(app: &App, found: &Match) -> bool {
    match found.location {
        Location::Source(source, _) => app.selected_source == Some(source),
        _ => line_of_match(app, found).is_some_and(|line| {
            line >= app.scroll && line < app.scroll + app.article_height().max(1)
        }),
    }
}

/// Scrolls so the match's line is on screen: left alone if it already is,
/// else a third of the way down so some context shows above it.
fn scroll_to_match(app: &mut App, found: &Match) {
    let Some(line) = line_of_match(app, found) else {
        return;
    };
    let height = app.article_height().max(1);
    if line < app.scroll || line >= app.scroll + height {
        app.scroll = line.saturating_sub(height / 3).min(app.max_scroll());
    }
}
