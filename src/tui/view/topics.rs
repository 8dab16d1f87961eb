//! The Topics pane: "All posts", the topics, and the "Sources" group; each
//! group with its unread and total posts ("(2/5)"), each post with its
//! number of comments, read posts dimmed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::layout;
use super::palette::Palette;
use super::truncated;
use crate::model::Post;
use crate::tui::app::{App, Focus};
use crate::tui::tree::NodeKind;

pub fn render(frame: &mut Frame, app: &App, palette: &Palette, rect: Rect) {
    let focused = app.focus == Focus::Topics;
    super::draw_pane(
        frame.buffer_mut(),
        rect,
        &Line::from(crate::tui::filter::pane_title(app)),
        focused,
        palette,
    );
    let inner = layout::inner(rect);
    if inner.is_empty() {
        return;
    }
    let rows = app
        .rows
        .iter()
        .enumerate()
        .skip(app.tree_offset)
        .take(usize::from(inner.height));
    for (y, (index, &node_id)) in (inner.y..).zip(rows) {
        let node = app.tree.node(node_id);
        let indent = "  ".repeat(usize::from(node.depth));
        let is_open = matches!(node.kind, NodeKind::Post(p) if Some(p) == app.open_post);
        let marker = match node.kind {
            NodeKind::Post(_) if is_open => "▶ ",
            NodeKind::Post(_) => "· ",
            // A filter shows what matched under every group, expanded or not.
            _ if app.filter.is_active()
                || app.expanded.get(node_id.0).copied().unwrap_or(false) =>
            {
                "▾ "
            }
            _ => "▸ ",
        };
        let is_read = matches!(node.kind, NodeKind::Post(p) if app.marks.is_read(p));
        let label_style = if is_open {
            palette.open_post()
        } else if node.is_group() {
            palette.title()
        } else if is_read {
            palette.read()
        } else {
            Default::default()
        };
        let matches = match node.kind {
            NodeKind::Post(post) => app.search.count_in_post(post),
            _ => 0,
        };
        let count = match node.count {
            Some(count) if node.kind == NodeKind::SourcesGroup => format!(" ({count})"),
            Some(count) => {
                let unread = app.marks.unread_in(node_id);
                format!(" ({unread}/{count})")
            }
            None if matches > 0 => format!(" [{matches}]"),
            None => String::new(),
        };
        let comments = match node.kind {
            NodeKind::Post(post) => comments_label(app.corpus.post(post), inner.width),
            _ => String::new(),
        };
        let used = indent.len()
            + 2
            + crate::tui::width::width(&count)
            + crate::tui::width::width(&comments);
        let room = usize::from(inner.width).saturating_sub(used);
        let mut spans = vec![
            Span::raw(indent),
            Span::raw(marker),
            Span::styled(truncated(app.node_label(node_id), room), label_style),
        ];
        if !comments.is_empty() {
            spans.push(Span::styled(comments, palette.dim()));
        }
        if !count.is_empty() {
            let style = if matches > 0 {
                palette.match_count()
            } else {
                palette.dim()
            };
            spans.push(Span::styled(count, style));
        }
        let mut line = Line::from(spans);
        if index == app.tree_selected {
            line = line.patch_style(palette.selected(focused));
            // Fill the row so the selection reads as a bar.
            let row = Rect::new(inner.x, y, inner.width, 1);
            frame.buffer_mut().set_style(row, palette.selected(focused));
        }
        super::put_line(frame.buffer_mut(), inner.x, y, &line, inner.width);
    }
}

/// From this width the Topics pane spells out "comments" after a count.
const SPELLED_FROM: u16 = 40;

/// " · 74 comments" (" · 74" in a narrow pane) after a post with comments:
/// the count the page stated, or the comments it held if more.
fn comments_label(post: &Post, width: u16) -> String {
    let count = post
        .comment_count
        .map_or(0, |count| count as usize)
        .max(post.comments.len());
    match count {
        0 => String::new(),
        _ if width < SPELLED_FROM => format!(" · {count}"),
        1 => " · 1 comment".to_string(),
        n => format!(" · {n} comments"),
    }
}
