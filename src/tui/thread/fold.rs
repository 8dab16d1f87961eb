//! Folding the thread: `z` on the current comment, `Z` on every thread,
//! and opening the folds above a comment a search or a source went to. The
//! comment in view stays on the screen row it was on.

use super::motion::lines_of_comment;
use crate::tui::app::App;

/// `z`: the current comment folded with its replies, or unfolded.
pub(super) fn fold_current(app: &mut App) -> Result<(), &'static str> {
    let comment = app
        .thread
        .cursor
        .ok_or("Not on a comment: c goes to the comments")?;
    let screen_row = screen_row_of(app, comment);
    if let Some(folded) = app.thread.folded.get_mut(comment) {
        *folded = !*folded;
    }
    refold(app, comment, screen_row);
    Ok(())
}

/// `Z`: every top-level comment folded, or, when they all are, nothing.
pub(super) fn fold_all(app: &mut App) {
    let shape = app.thread_layout.shape();
    let roots: Vec<usize> = shape.top_level().map(|p| shape.comment_at(p)).collect();
    let anchor = app.thread.cursor.or_else(|| comment_at_top(app));
    let screen_row = anchor.and_then(|comment| screen_row_of(app, comment));
    let folded = &mut app.thread.folded;
    if roots.iter().all(|&root| folded.get(root) == Some(&true)) {
        folded.fill(false);
    } else {
        for root in roots {
            if let Some(fold) = folded.get_mut(root) {
                *fold = true;
            }
        }
    }
    if let Some(anchor) = anchor {
        refold(app, anchor, screen_row);
    } else {
        app.thread_layout.refresh_rows(&app.thread.folded);
        app.scroll = app.scroll.min(app.max_scroll());
    }
}

/// After the folds changed: the rows recomputed, the current comment moved
/// out of any fold that now hides it, and `anchor` (or the fold hiding it)
/// kept on the screen row it was on.
fn refold(app: &mut App, anchor: usize, screen_row: Option<usize>) {
    app.thread_layout.refresh_rows(&app.thread.folded);
    if let Some(cursor) = app.thread.cursor {
        app.thread.cursor = Some(shown_comment_for(app, cursor));
    }
    let anchor = shown_comment_for(app, anchor);
    if let Some(lines) = lines_of_comment(app, anchor) {
        app.scroll = match screen_row {
            Some(row) => lines.start.saturating_sub(row),
            None => lines.start,
        };
    }
    app.scroll = app.scroll.min(app.max_scroll());
}

/// `comment` if it shows, else the outermost folded comment hiding it.
fn shown_comment_for(app: &App, comment: usize) -> usize {
    let shape = app.thread_layout.shape();
    let position = shape.position_of(comment);
    if app.thread_layout.row_of(position).is_some() {
        return comment;
    }
    shape
        .ancestors(position)
        .filter(|&p| app.thread_layout.row_of(p).is_some())
        .map(|p| shape.comment_at(p))
        .next()
        .unwrap_or(comment)
}

/// How far below the top of the view `comment` starts, if it starts on
/// screen.
fn screen_row_of(app: &App, comment: usize) -> Option<usize> {
    let lines = lines_of_comment(app, comment)?;
    let height = app.article_height().max(1);
    (lines.start >= app.scroll && lines.start < app.scroll + height)
        .then(|| lines.start - app.scroll)
}

/// The comment on the top line of the view, if the thread is there.
fn comment_at_top(app: &App) -> Option<usize> {
    let line = app.scroll.checked_sub(app.thread_top())?;
    let row = app.thread_layout.row_at(line)?;
    let position = app.thread_layout.row_position(row)?;
    Some(app.thread_layout.shape().comment_at(position))
}

/// Unfolds `comment` and every comment above it, and makes it current (a
/// search went to it).
pub fn reveal(app: &mut App, comment: usize) {
    let shape = app.thread_layout.shape();
    if comment >= shape.len() {
        return;
    }
    let position = shape.position_of(comment);
    let hiding: Vec<usize> = std::iter::once(position)
        .chain(shape.ancestors(position))
        .map(|p| shape.comment_at(p))
        .collect();
    let mut changed = false;
    for hidden in hiding {
        if let Some(folded) = app.thread.folded.get_mut(hidden) {
            changed |= std::mem::replace(folded, false);
        }
    }
    if changed {
        app.thread_layout.refresh_rows(&app.thread.folded);
    }
    app.thread.cursor = Some(comment);
}
