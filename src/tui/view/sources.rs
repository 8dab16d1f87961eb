//! The Sources pane: the open post's sources, numbered, with their URLs;
//! then, under "In comments", what its comments cite, numbered on.
//!
//! Two marks, one meaning each: `▶` is the source being read (quoted
//! highest in the article's view; `o` and `y` act on it when nothing is
//! selected), as `▶` in Topics is the post being read; reverse video is
//! the selection. A source the search matches has its number in the
//! match colour, underlined.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::palette::Palette;
use super::{layout, truncated};
use crate::tui::app::{App, Focus, bare_url, source_number_width};

pub fn render(frame: &mut Frame, app: &App, palette: &Palette, rect: Rect) {
    let focused = app.focus == Focus::Sources;
    super::draw_pane(
        frame.buffer_mut(),
        rect,
        &Line::from(" Sources "),
        focused,
        palette,
    );
    let inner = layout::inner(rect);
    if inner.is_empty() {
        return;
    }
    let width = usize::from(inner.width);
    let count = app.source_count();
    if count == 0 {
        let line = Line::styled("No sources cited", palette.dim());
        super::put_line(frame.buffer_mut(), inner.x, inner.y, &line, inner.width);
        return;
    }
    let in_view = app.source_in_view();
    if app.sources_on_one_line() {
        draw_url_on_border(frame, app, palette, rect);
    }
    let bottom = inner.y + inner.height;
    let mut y = inner.y;
    for index in app.sources_offset..count {
        let Some(source) = app.source(index) else {
            break;
        };
        if y >= bottom {
            break;
        }
        if Some(index) == app.first_comment_source() {
            let heading = Line::styled("In comments", palette.title().patch(palette.dim()));
            super::put_line(frame.buffer_mut(), inner.x, y, &heading, inner.width);
            y += 1;
            if y >= bottom {
                break;
            }
        }
        // The source being read (its quote is at the top of the article).
        let marker = if in_view == Some(index) { "▶ " } else { "  " };
        let number = format!("[{}] ", index + 1);
        // A source whose outlet, headline or URL matches the search.
        let number_style = match app
            .open_post
            .and_then(|p| app.search.source_matches(p, index))
        {
            Some(current) => palette.source_match(current),
            None => palette.source(index).patch(palette.key()),
        };
        let indent = " ".repeat(source_number_width(index));
        for (n, text) in app.source_label_lines(index).into_iter().enumerate() {
            if y >= bottom {
                break;
            }
            let label_style = if bare_url(source).is_some() {
                palette.link()
            } else {
                Style::new()
            };
            let mut line = if n == 0 {
                Line::from(vec![
                    Span::styled(marker, palette.source(index)),
                    Span::styled(number.clone(), number_style),
                    Span::styled(text, label_style),
                ])
            } else {
                Line::from(vec![Span::raw(indent.clone()), Span::raw(text)])
            };
            if app.selected_source == Some(index) {
                line = line.patch_style(palette.selected(focused));
                let row = Rect::new(inner.x, y, inner.width, 1);
                frame.buffer_mut().set_style(row, palette.selected(focused));
            }
            super::put_line(frame.buffer_mut(), inner.x, y, &line, inner.width);
            y += 1;
        }
        let url_line = !app.sources_on_one_line() && bare_url(source).is_none();
        if let Some(url) = source.url.as_ref().filter(|_| url_line) {
            if y >= bottom {
                break;
            }
            let short = shortened_url(url, width.saturating_sub(indent.len()));
            let line = Line::from(vec![
                Span::raw(indent.as_str()),
                Span::styled(short, palette.link()),
            ]);
            super::put_line(frame.buffer_mut(), inner.x, y, &line, inner.width);
            y += 1;
        }
    }
}

/// On one line per source, the URL of the source `o` and `y` act on (the
/// selected one, else the one being read) goes on the pane's bottom
/// border, right-aligned, where the full pane would give it a line.
fn draw_url_on_border(frame: &mut Frame, app: &App, palette: &Palette, rect: Rect) {
    let Some(url) = app
        .selected_source
        .or_else(|| app.source_in_view())
        .and_then(|index| app.source(index))
        .and_then(|source| source.url.as_deref())
    else {
        return;
    };
    let room = usize::from(rect.width.saturating_sub(4));
    if room < 8 || rect.height < 2 {
        return;
    }
    let short = format!(" {} ", shortened_url(url, room - 2));
    let width = crate::tui::width::width(&short) as u16;
    let x = rect.right().saturating_sub(width + 1);
    let line = Line::styled(short, palette.link());
    super::put_line(frame.buffer_mut(), x, rect.bottom() - 1, &line, width);
}

/// A URL made to fit `width` columns: the scheme and "www." go first, then
/// the middle of the path is elided, keeping the host and the path's end.
///
/// `https://www.rnz.co.nz/news/world/356738/french-outrage` at 30 columns
/// becomes `rnz.co.nz/news…/french-outrage`.
pub fn shortened_url(url: &str, width: usize) -> String {
    use crate::tui::width::width as columns;
    let bare = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    if columns(bare) <= width {
        return bare.to_string();
    }
    if width < 8 {
        return truncated(bare, width);
    }
    let chars: Vec<char> = bare.chars().collect();
    let head = (width - 1) / 2;
    let tail = width - 1 - head;
    if chars.len() < head + tail {
        return truncated(bare, width);
    }
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    // Wide characters may still overflow; fall back to a plain cut.
    if columns(&out) > width {
        return truncated(bare, width);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_scheme_then_middle() {
        assert_eq!(shortened_url("https://www.rnz.co.nz/a", 40), "rnz.co.nz/a");
        let short = shortened_url("https://www.rnz.co.nz/news/world/356738/french-outrage", 30);
        assert_eq!(short, "rnz.co.nz/news…/french-outrage");
        assert_eq!(short.chars().count(), 30);
        assert_eq!(shortened_url("https://example.com/long", 0), "");
    }
}
