//! The comment thread under the article: a rule with the count, then each
//! comment beside a rail per level of depth, its header (author, OP mark,
//! date and label) and its text; a folded comment as one line; the current
//! comment's rail drawn thick.
//!
//! Rails take the terminal's named colours by depth; without colour the
//! number of rails alone says how deep a comment is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::article::block_style;
use super::palette::Palette;
use crate::model::{BlockKind, Comment, Post};
use crate::search::Location;
use crate::tui::app::App;
use crate::tui::thread::{ANONYMOUS, ThreadLine};
use crate::tui::width::width as columns;
use crate::tui::wrap::{ArticleLine, LineKind};

/// Draws line `line` of the thread (counted from its first, the blank
/// line above the rule) in the one-row `area`.
pub fn draw_line(buf: &mut Buffer, app: &App, palette: &Palette, line: usize, area: Rect) {
    let (Some(post), Some(shown)) = (app.post(), app.thread_layout.line(line)) else {
        return;
    };
    let styled = match shown {
        ThreadLine::Blank => return,
        ThreadLine::Rule => rule(post, palette, area.width),
        ThreadLine::Header { position } => {
            let mut spans = rails(app, palette, position, None);
            spans.extend(header(app, post, palette, position));
            Line::from(spans)
        }
        ThreadLine::Folded { position } => {
            let mut spans = rails(app, palette, position, None);
            spans.extend(folded(app, post, palette, position));
            Line::from(spans)
        }
        ThreadLine::Gap {
            position,
            rails: levels,
        } => Line::from(rails(app, palette, position, Some(levels))),
        ThreadLine::Text { position, line } => {
            return draw_text(buf, app, palette, position, line, area);
        }
    };
    super::put_line(buf, area.x, area.y, &styled, area.width);
}

/// `── 74 comments, 12 shown ─────`: how many comments the page stated and
/// how many it held.
fn rule(post: &Post, palette: &Palette, width: u16) -> Line<'static> {
    let label = format!("── {} ", comment_count_label(post));
    let fill = usize::from(width).saturating_sub(columns(&label));
    Line::styled(format!("{label}{}", "─".repeat(fill)), palette.dim())
}

/// "74 comments", or "74 comments, 12 shown" when the page held fewer.
fn comment_count_label(post: &Post) -> String {
    let held = post.comments.len();
    let stated = post.comment_count.map_or(held, |count| count as usize);
    let comments = |n: usize| match n {
        1 => "1 comment".to_string(),
        n => format!("{n} comments"),
    };
    match held {
        _ if stated <= held => comments(held),
        0 => format!("{}, none shown", comments(stated)),
        _ => format!("{}, {held} shown", comments(stated)),
    }
}

/// The rails left of a comment's line: one per level down to its own, or
/// the first `levels` of them (on a blank line). The current comment's own
/// rail is thick.
fn rails(
    app: &App,
    palette: &Palette,
    position: usize,
    levels: Option<usize>,
) -> Vec<Span<'static>> {
    let own = app.thread_layout.shown_depth(position);
    let current = is_current(app, position);
    (0..levels.unwrap_or(own + 1))
        .map(|level| {
            if level == own && current {
                Span::styled("┃ ", palette.current_rail(level))
            } else {
                Span::styled("│ ", palette.rail(level))
            }
        })
        .collect()
}

fn is_current(app: &App, position: usize) -> bool {
    app.thread.cursor == Some(app.thread_layout.shape().comment_at(position))
}

fn comment_at<'a>(app: &App, post: &'a Post, position: usize) -> Option<&'a Comment> {
    post.comments
        .get(app.thread_layout.shape().comment_at(position))
}

/// Whether the post's author wrote `comment`.
fn by_original_poster(post: &Post, comment: &Comment) -> bool {
    match (&post.author, &comment.author) {
        (Some(author), Some(commenter)) => {
            let author = author.trim().to_lowercase();
            !author.is_empty() && author == commenter.trim().to_lowercase()
        }
        _ => false,
    }
}

/// The depth as a number where the rails stopped growing, then the author
/// and the OP mark.
fn byline<'a>(
    app: &App,
    post: &Post,
    comment: &'a Comment,
    position: usize,
    palette: &Palette,
) -> Vec<Span<'a>> {
    let mut spans = Vec::with_capacity(4);
    if app.thread_layout.is_capped(position) {
        let depth = app.thread_layout.shape().depth(position) + 1;
        spans.push(Span::styled(format!("‹{depth}› "), palette.dim()));
    }
    if let Some(post) = app.open_post
        && app.marks.is_new(post, comment)
    {
        spans.push(Span::styled("● ", palette.new_comment()));
    }
    let author = comment.author.as_deref().unwrap_or(ANONYMOUS);
    spans.push(Span::styled(
        author,
        palette.author(is_current(app, position)),
    ));
    if by_original_poster(post, comment) {
        spans.push(Span::styled(" OP", palette.original_poster()));
    }
    spans
}

/// Author, OP mark, then the date and label dimmed.
fn header<'a>(app: &App, post: &'a Post, palette: &Palette, position: usize) -> Vec<Span<'a>> {
    let Some(comment) = comment_at(app, post, position) else {
        return Vec::new();
    };
    let mut spans = byline(app, post, comment, position, palette);
    let details: Vec<&str> = [&comment.date, &comment.label]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !details.is_empty() {
        spans.push(Span::styled(
            format!(" · {}", details.join(" · ")),
            palette.dim(),
        ));
    }
    spans
}

/// `▸ Rangi, 3 replies hidden — He said the same in Paris…`
fn folded<'a>(app: &App, post: &'a Post, palette: &Palette, position: usize) -> Vec<Span<'a>> {
    let Some(comment) = comment_at(app, post, position) else {
        return Vec::new();
    };
    let mut spans = vec![Span::styled("▸ ", palette.dim())];
    spans.extend(byline(app, post, comment, position, palette));
    let hidden = match app.thread_layout.shape().replies(position) {
        0 => ", folded".to_string(),
        1 => ", 1 reply hidden".to_string(),
        n => format!(", {n} replies hidden"),
    };
    spans.push(Span::styled(hidden, palette.dim()));
    if let Some(first) = comment.blocks.first() {
        spans.push(Span::styled(" — ", palette.dim()));
        spans.push(Span::styled(&*first.text, palette.dim()));
    }
    spans
}

/// A line of a comment's text: rails, a `> ` or bullet where the block has
/// one, the text with search matches marked, and the words it repeats from
/// the post in italics.
fn draw_text(
    buf: &mut Buffer,
    app: &App,
    palette: &Palette,
    position: usize,
    line: &ArticleLine,
    area: Rect,
) {
    let comment = app.thread_layout.shape().comment_at(position);
    let mut spans = rails(app, palette, position, None);
    let kind = match line.kind {
        LineKind::Block(kind) => kind,
        _ => BlockKind::Paragraph,
    };
    match kind {
        BlockKind::Quote => spans.push(Span::styled("> ", palette.dim())),
        BlockKind::ListItem => spans.push(Span::raw(if line.first { "• " } else { "  " })),
        _ => {}
    }
    let indent: usize = spans.iter().map(|s| columns(&s.content)).sum();
    let text_x = area.x.saturating_add(indent as u16);
    let style = match kind {
        BlockKind::Quote => palette.quoted().patch(palette.dim()),
        kind => block_style(kind, palette),
    };
    spans.push(Span::styled(line.text.as_str(), style));
    let mut styled = Line::from(spans);
    if let Some(block) = line.block {
        let location = Location::Comment { comment, block };
        super::highlight::mark_matches_at(&mut styled, line, location, app, palette);
    }
    super::put_line(buf, area.x, area.y, &styled, area.width);
    let quoted = app
        .thread_layout
        .comment(comment)
        .map_or(&[][..], |c| &c.quoted);
    for (_, range) in quoted
        .iter()
        .filter(|(block, _)| Some(*block) == line.block)
    {
        let Some(on_line) = line.text_range_of(range.clone()) else {
            continue;
        };
        let (Some(before), Some(words)) = (line.text.get(..on_line.start), line.text.get(on_line))
        else {
            continue;
        };
        let x = text_x.saturating_add(columns(before) as u16);
        let cells = Rect::new(x, area.y, columns(words) as u16, 1).intersection(area);
        buf.set_style(cells, palette.quoted());
    }
}
