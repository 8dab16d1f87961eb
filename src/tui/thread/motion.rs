//! Moving through the thread: the comment motions and `c`, and keeping the
//! current comment on screen as the view scrolls.

use std::ops::Range;

use super::fold;
use crate::tui::app::{App, Focus};

/// Everything the reader can do in a comment thread, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadAction {
    /// From the post's body to the first comment, or back to the body.
    ToggleComments,
    Next,
    Previous,
    /// The next top-level comment.
    NextThread,
    /// The top-level comment before this one.
    PreviousThread,
    Parent,
    NextSibling,
    PreviousSibling,
    /// Fold or unfold the current comment with its replies.
    Fold,
    /// Fold every thread to its top-level comment, or unfold everything.
    FoldAll,
}

impl ThreadAction {
    pub fn description(self) -> &'static str {
        match self {
            ThreadAction::ToggleComments => "Go to the first comment, or back to the post",
            ThreadAction::Next => "Next comment",
            ThreadAction::Previous => "Previous comment",
            ThreadAction::NextThread => "Next top-level thread",
            ThreadAction::PreviousThread => "Previous top-level thread",
            ThreadAction::Parent => "The comment this one answers",
            ThreadAction::NextSibling => "Next reply to the same comment",
            ThreadAction::PreviousSibling => "Previous reply to the same comment",
            ThreadAction::Fold => "Fold or unfold the comment and its replies",
            ThreadAction::FoldAll => "Fold every thread to its first comment, or unfold all",
        }
    }
}

/// Applies a thread action to the open post.
pub fn update(app: &mut App, action: ThreadAction) {
    if app.thread_layout.shape().is_empty() {
        let stated = app.post().and_then(|post| post.comment_count).unwrap_or(0);
        app.status = Some(match stated {
            0 => "This post has no comments".to_string(),
            n => format!("None of this post's {n} comments are in the archive"),
        });
        return;
    }
    let outcome = match action {
        ThreadAction::ToggleComments => {
            toggle_comments(app);
            Ok(())
        }
        ThreadAction::Fold => fold::fold_current(app),
        ThreadAction::FoldAll => {
            fold::fold_all(app);
            Ok(())
        }
        motion => target_of(app, motion).map(|position| {
            let comment = app.thread_layout.shape().comment_at(position);
            show_comment(app, comment);
        }),
    };
    if let Err(message) = outcome {
        app.status = Some(message.to_string());
    }
    // With one pane at a time, the thread is only seen in the article.
    if app.panes().article.is_none() {
        app.focus = Focus::Article;
    }
}

/// Where a motion goes from the current comment, or why it cannot.
fn target_of(app: &App, motion: ThreadAction) -> Result<usize, &'static str> {
    let layout = &app.thread_layout;
    let shape = layout.shape();
    let Some(from) = current_position(app) else {
        return match motion {
            ThreadAction::Next | ThreadAction::NextThread => Ok(0),
            _ => Err("Not in the comments: c or ) goes to the first one"),
        };
    };
    let row = layout.row_of(from);
    let top_level = shape.depth(from) == 0;
    match motion {
        ThreadAction::Next => row
            .and_then(|row| layout.row_position(row + 1))
            .ok_or("This is the last comment"),
        ThreadAction::Previous => row
            .and_then(|row| row.checked_sub(1))
            .and_then(|row| layout.row_position(row))
            .ok_or("This is the first comment"),
        ThreadAction::NextThread => shape
            .next_top_level_after(from)
            .ok_or("This is the last thread"),
        ThreadAction::PreviousThread => shape
            .top_level_before(from)
            .ok_or("This is the first thread"),
        ThreadAction::Parent => shape.parent(from).ok_or("This is a top-level comment"),
        ThreadAction::NextSibling => shape.next_sibling(from).ok_or(if top_level {
            "This is the last thread"
        } else {
            "This is the last reply to its comment"
        }),
        ThreadAction::PreviousSibling => shape.previous_sibling(from).ok_or(if top_level {
            "This is the first thread"
        } else {
            "This is the first reply to its comment"
        }),
        ThreadAction::ToggleComments | ThreadAction::Fold | ThreadAction::FoldAll => Ok(from),
    }
}

/// The position of the current comment, if there is one.
fn current_position(app: &App) -> Option<usize> {
    let shape = app.thread_layout.shape();
    app.thread
        .cursor
        .filter(|&comment| comment < shape.len())
        .map(|comment| shape.position_of(comment))
}

/// Makes `comment` current and scrolls it into view: left alone if all of
/// it shows already, else with its first line at the top.
pub fn show_comment(app: &mut App, comment: usize) {
    app.thread.cursor = Some(comment);
    let Some(lines) = lines_of_comment(app, comment) else {
        return;
    };
    let height = app.article_height().max(1);
    if lines.start < app.scroll || lines.end > app.scroll + height {
        app.scroll = lines.start.min(app.max_scroll());
    }
}

/// The article lines `comment` takes as shown (one line when folded),
/// if it shows.
pub fn lines_of_comment(app: &App, comment: usize) -> Option<Range<usize>> {
    let layout = &app.thread_layout;
    let position = layout.shape().position_of(comment);
    let lines = layout.row_lines(layout.row_of(position)?);
    let top = app.thread_top();
    Some(top + lines.start..top + lines.end)
}

/// `c`: the first comment with the rule above it, or back to the body
/// where the reader left it.
fn toggle_comments(app: &mut App) {
    if app.thread.cursor.is_some() {
        app.thread.cursor = None;
        app.scroll = app.thread.body_scroll.min(app.max_scroll());
        return;
    }
    let first = app.thread_layout.shape().comment_at(0);
    app.thread.cursor = Some(first);
    // The rule with the count on the top line, the first comment under it.
    app.scroll = (app.thread_top() + 1).min(app.max_scroll());
}

/// A click on a comment makes it current.
pub fn select_comment_at_line(app: &mut App, line: usize) {
    let Some(line) = line.checked_sub(app.thread_top()) else {
        return;
    };
    let layout = &app.thread_layout;
    if let Some(position) = layout.row_at(line).and_then(|row| layout.row_position(row)) {
        app.thread.cursor = Some(layout.shape().comment_at(position));
    }
}

/// After the view moved: remembers where the body was left, and keeps the
/// current comment on screen. A comment scrolled off the top gives way to
/// the first one shown, off the bottom to the last; with the post's body
/// at the top of the view and no comment current, none becomes current.
pub fn follow_view(app: &mut App) {
    let top = app.scroll;
    let thread_top = app.thread_top();
    if top < thread_top {
        app.thread.body_scroll = top;
    }
    let bottom = top + app.article_height().max(1);
    let cursor_lines = app
        .thread
        .cursor
        .filter(|&c| c < app.thread_layout.shape().len())
        .and_then(|comment| lines_of_comment(app, comment));
    if let Some(lines) = &cursor_lines
        && lines.start < bottom
        && lines.end > top
    {
        return;
    }
    let shown = rows_in_view(app, top, bottom);
    if top < thread_top || shown.is_empty() {
        app.thread.cursor = None;
        return;
    }
    let row = match cursor_lines {
        Some(lines) if lines.start >= bottom => shown.end - 1,
        // The first comment whose header shows, where one does.
        _ if shown.len() > 1
            && thread_top + app.thread_layout.row_lines(shown.start).start < top =>
        {
            shown.start + 1
        }
        _ => shown.start,
    };
    app.thread.cursor = app
        .thread_layout
        .row_position(row)
        .map(|position| app.thread_layout.shape().comment_at(position));
}

/// The rows with a line between article lines `top` and `bottom`.
fn rows_in_view(app: &App, top: usize, bottom: usize) -> Range<usize> {
    let layout = &app.thread_layout;
    let thread_top = app.thread_top();
    let Some(last_line) = bottom.checked_sub(thread_top + 1) else {
        return 0..0;
    };
    let first_line = top.saturating_sub(thread_top);
    let Some(mut first) = layout.row_at(first_line) else {
        return 0..0;
    };
    // A row whose blank line alone shows is not in view.
    if layout.row_lines(first).end <= first_line {
        first += 1;
    }
    let last = layout
        .row_at(last_line.min(layout.len().saturating_sub(1)))
        .unwrap_or(first);
    first..(last + 1).max(first)
}
