//! The search results list: one row per field with matches, the post's
//! title and a snippet of the field with its matches marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use unicode_segmentation::UnicodeSegmentation;

use super::highlight::split_at_matches;
use super::palette::Palette;
use super::{layout, pane_block, truncated};
use crate::model::Post;
use crate::search::{self, Location, Match, SourceField};
use crate::tui::app::App;
use crate::tui::thread::ANONYMOUS;
use crate::tui::width::{padded, width};

/// Where the list's box goes in `area` (the frame it is drawn on).
fn box_rect(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(140);
    let height = area.height.saturating_sub(2);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The rows of the list inside its box on a terminal of `size` (for paging
/// and scrolling; drawing sizes the box from its frame).
pub fn list_rect(size: (u16, u16)) -> Rect {
    layout::inner(box_rect(Rect::new(0, 0, size.0, size.1)))
}

pub fn render(frame: &mut Frame, app: &App, palette: &Palette, area: Rect) {
    let Some(active) = app.search.active.as_ref() else {
        return;
    };
    let rect = box_rect(area);
    frame.render_widget(Clear, rect);
    let list = &app.search.list;
    let title = format!(
        " Results for “{}”: {} of {} rows ",
        active.text,
        list.selected + 1,
        list.rows.len()
    );
    let title = truncated(&title, usize::from(rect.width.saturating_sub(4)));
    frame.render_widget(pane_block(Line::from(title), true, palette), rect);
    let inner = layout::inner(rect);
    if inner.is_empty() {
        return;
    }
    let title_width = (usize::from(inner.width) / 3).clamp(1, 40);
    let rows = list
        .rows
        .iter()
        .enumerate()
        .skip(list.offset)
        .take(usize::from(inner.height));
    for (y, (row, &first)) in (inner.y..).zip(rows) {
        let Some(found) = active.results.get(first) else {
            continue;
        };
        let post = app.corpus.post(found.post);
        let in_field = active.results.in_field(found.post, found.location);
        let mut spans = vec![
            Span::styled(padded(&post.title, title_width), palette.title()),
            Span::styled(" │ ", palette.dim()),
        ];
        if let Some(label) = location_label(post, found.location) {
            spans.push(Span::styled(label, palette.dim()));
        }
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let room = usize::from(inner.width).saturating_sub(used);
        let text = search::field_text(post, found.location).unwrap_or_default();
        spans.extend(snippet(text, found, in_field, room, palette));
        let mut line = Line::from(spans);
        if row == list.selected {
            line = line.patch_style(palette.selected(true));
            let bar = Rect::new(inner.x, y, inner.width, 1);
            frame.buffer_mut().set_style(bar, palette.selected(true));
        }
        super::put_line(frame.buffer_mut(), inner.x, y, &line, inner.width);
    }
}

/// What a row says before a snippet that is not a block's text.
fn location_label(post: &Post, location: Location) -> Option<String> {
    match location {
        Location::Title => Some("title: ".to_string()),
        Location::Block(_) => None,
        Location::Comment { comment, .. } => {
            let author = post.comments.get(comment).and_then(|c| c.author.as_deref());
            Some(format!("comment by {}: ", author.unwrap_or(ANONYMOUS)))
        }
        Location::Source(n, field) => Some(format!(
            "[{}] {}: ",
            n + 1,
            match field {
                SourceField::Outlet => "outlet",
                SourceField::Headline => "headline",
                SourceField::Url => "URL",
            }
        )),
    }
}

/// About `room` columns of `text` around the match `found`, starting a
/// little before it so it reads in context, with the field's matches marked.
fn snippet<'a>(
    text: &'a str,
    found: &Match,
    in_field: &[Match],
    room: usize,
    palette: &Palette,
) -> Vec<Span<'a>> {
    let before = room / 4;
    let mut start_limit = found.range.start.min(text.len());
    // A match read from a cache file may start inside a character: the
    // snippet starts before it.
    while !text.is_char_boundary(start_limit) {
        start_limit -= 1;
    }
    let mut start = start_limit;
    let mut used = 0;
    for (at, grapheme) in text[..start_limit].grapheme_indices(true).rev() {
        used += width(grapheme);
        if used > before {
            break;
        }
        start = at;
    }
    // Start at a word rather than in the middle of one.
    if start > 0
        && let Some(space) = text[start..start_limit].find(char::is_whitespace)
    {
        start += space + 1;
    }
    let mut end = start;
    let mut used = 0;
    for (at, grapheme) in text[start..].grapheme_indices(true) {
        let w = width(grapheme);
        if used + w > room {
            break;
        }
        used += w;
        end = start + at + grapheme.len();
    }
    let window = &text[start..end];
    let ranges: Vec<_> = in_field
        .iter()
        .filter(|m| m.range.start >= start && m.range.end <= end)
        .map(|m| m.range.start - start..m.range.end - start)
        .collect();
    let mut spans = Vec::new();
    if start > 0 {
        spans.push(Span::styled("…", palette.dim()));
    }
    spans.extend(split_at_matches(
        window,
        &ranges,
        &[],
        Style::new(),
        palette,
    ));
    spans
}
