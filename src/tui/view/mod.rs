//! Drawing: `render(frame, &App)` reads the state and draws what is visible.
//! Nothing here changes state or does I/O; each pane has its own file.

pub mod article;
pub mod help;
pub mod highlight;
pub mod layout;
pub mod loading;
pub mod palette;
pub mod prompt;
pub mod results;
pub mod sources;
pub mod status;
pub mod thread;
pub mod topics;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType};

use super::app::{App, Overlay};
use palette::Palette;

/// Draws one frame of the reader.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let panes = layout::panes(area, app.focus, app.source_list_rows());
    if panes.too_small {
        render_too_small(frame, area);
        return;
    }
    let palette = Palette::with_colors(app.color, app.colors);
    if let Some(rect) = panes.topics {
        topics::render(frame, app, &palette, rect);
    }
    if let Some(rect) = panes.article {
        article::render(frame, app, &palette, rect);
    }
    if let Some(rect) = panes.sources {
        sources::render(frame, app, &palette, rect);
    }
    if let Some(rect) = panes.status {
        if app.overlay == Some(Overlay::Prompt) {
            prompt::render(frame, app, &palette, rect);
        } else {
            status::render(frame, app, &palette, rect);
        }
    }
    match app.overlay {
        Some(Overlay::Help) => help::render(frame, app, &palette, area),
        Some(Overlay::Results) => results::render(frame, app, &palette, area),
        _ => {}
    }
}

/// The one line drawn when nothing else fits.
fn render_too_small(frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let text = if area.width >= 18 {
        "terminal too small"
    } else {
        "too small"
    };
    let line = Line::from(text);
    put_line(frame.buffer_mut(), area.x, area.y, &line, area.width);
}

/// A pane's frame: bordered, titled, thick and coloured when it has focus.
pub fn pane_block<'a>(title: Line<'a>, focused: bool, palette: &Palette) -> Block<'a> {
    let block = Block::bordered()
        .title(title)
        .border_style(palette.border(focused))
        .title_style(palette.pane_title(focused));
    if focused {
        block.border_type(BorderType::Thick)
    } else {
        block.border_type(BorderType::Plain)
    }
}

/// Draws a pane's frame: exactly what [`pane_block`] renders, without the
/// pass over every cell of the pane that `Block` makes to apply its (here
/// empty) style. Three panes cover the screen, so that pass is a tenth of
/// a frame.
pub fn draw_pane(buf: &mut Buffer, rect: Rect, title: &Line, focused: bool, palette: &Palette) {
    use ratatui::symbols::border;
    let area = rect.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let set = if focused {
        border::THICK
    } else {
        border::PLAIN
    };
    let style = palette.border(focused);
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    // Sides, then corners, in the order Block draws them, so that one-row
    // or one-column panes come out the same.
    for y in top..=bottom {
        buf[(left, y)]
            .set_symbol(set.vertical_left)
            .set_style(style);
    }
    for x in left..=right {
        buf[(x, top)]
            .set_symbol(set.horizontal_top)
            .set_style(style);
    }
    for y in top..=bottom {
        buf[(right, y)]
            .set_symbol(set.vertical_right)
            .set_style(style);
    }
    for x in left..=right {
        buf[(x, bottom)]
            .set_symbol(set.horizontal_bottom)
            .set_style(style);
    }
    for (x, y, symbol) in [
        (right, bottom, set.bottom_right),
        (right, top, set.top_right),
        (left, bottom, set.bottom_left),
        (left, top, set.top_left),
    ] {
        buf[(x, y)].set_symbol(symbol).set_style(style);
    }
    let titles = Rect {
        x: left.saturating_add(1),
        y: top,
        width: area.width.saturating_sub(2),
        height: 1,
    };
    if titles.is_empty() {
        return;
    }
    let text: String = title.spans.iter().map(|span| &*span.content).collect();
    let width = u16::try_from(crate::tui::width::width(&text)).unwrap_or(u16::MAX);
    let title_area = Rect {
        width: width.min(titles.width),
        ..titles
    };
    buf.set_style(title_area, palette.pane_title(focused));
    put_line(buf, title_area.x, title_area.y, title, title_area.width);
}

/// `text` cut to `width` columns, with an ellipsis where it was cut (see
/// [`crate::tui::width::truncated`]).
pub use crate::tui::width::truncated;

/// Writes `line` at `x`, `y`, at most `max_width` columns, in its
/// [`terminal_form`](crate::tui::width::terminal_form): what
/// `Buffer::set_line` does with that form, minus its grapheme segmentation
/// for text where every character is a grapheme of its own (no zero-width
/// or combining characters, no flags), which is nearly all text. Grapheme
/// segmentation is the largest cost of a frame; the rest still goes through
/// ratatui. Every text of a frame is written through here, so every cell is
/// measured the one way [`crate::tui::width::width`] measures.
pub fn put_line(buf: &mut Buffer, x: u16, y: u16, line: &Line, max_width: u16) {
    use unicode_width::UnicodeWidthChar;
    let area = buf.area;
    if y < area.y || y >= area.bottom() || x >= area.right() {
        return;
    }
    let right = x.saturating_add(max_width).min(area.right());
    let mut col = x;
    for span in &line.spans {
        if col >= right {
            break;
        }
        let style = line.style.patch(span.style);
        let content = crate::tui::width::terminal_form(&span.content);
        let simple = content.chars().all(|c| {
            c.width().is_some_and(|w| w >= 1) && !('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
        });
        if !simple {
            let (end, _) = buf.set_stringn(col, y, &content, usize::from(right - col), style);
            col = end;
            continue;
        }
        for c in content.chars() {
            let width = c.width().unwrap_or(1) as u16;
            if col + width > right {
                break;
            }
            buf[(col, y)].set_char(c).set_style(style);
            // A wide character hides the cell after it, as ratatui does.
            for hidden in 1..width {
                buf[(col + hidden, y)].reset();
            }
            col += width;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Style, Stylize};
    use ratatui::text::Span;

    #[test]
    fn put_line_draws_exactly_what_set_line_draws() {
        let texts = [
            "plain ASCII text that runs past the edge of the area",
            "“curly quotes” and an ellipsis…",
            "wide 漢字 characters 漢字漢字漢字漢字",
            "combining e\u{301} and a flag 🇳🇿 and ZWJ 👩\u{200d}💻",
            "heart ❤\u{fe0f}, keycap 1\u{fe0f}\u{20e3}, thumb 👍\u{1f3fd}, 漢字",
            "",
        ];
        for text in texts {
            for width in [0u16, 1, 5, 12, 40] {
                let line = Line::from(vec![
                    Span::styled("» ", Style::new().bold()),
                    Span::raw(text),
                ])
                .italic();
                let area = Rect::new(0, 0, 30, 1);
                let mut expected = Buffer::empty(area);
                let form = Line::from(
                    line.spans
                        .iter()
                        .map(|span| {
                            let text = crate::tui::width::terminal_form(&span.content);
                            Span::styled(text.into_owned(), span.style)
                        })
                        .collect::<Vec<_>>(),
                )
                .style(line.style);
                expected.set_line(2, 0, &form, width);
                let mut actual = Buffer::empty(area);
                put_line(&mut actual, 2, 0, &line, width);
                assert_eq!(actual, expected, "{text:?} at width {width}");
            }
        }
    }

    #[test]
    fn draw_pane_draws_exactly_what_the_block_draws() {
        use ratatui::widgets::Widget;
        let palette = Palette::new(true);
        for focused in [false, true] {
            for (width, height) in [(0, 0), (1, 1), (1, 4), (4, 1), (2, 2), (5, 3), (30, 8)] {
                let area = Rect::new(0, 0, 32, 10);
                let rect = Rect::new(1, 1, width, height);
                let title = Line::from(" Harbour bridge tolls return ");
                let mut expected = Buffer::empty(area);
                pane_block(title.clone(), focused, &palette).render(rect, &mut expected);
                let mut actual = Buffer::empty(area);
                draw_pane(&mut actual, rect, &title, focused, &palette);
                assert_eq!(actual, expected, "{width}x{height}, focused {focused}");
            }
        }
    }

    #[test]
    fn truncated_marks_the_cut() {
        assert_eq!(truncated("Harbour bridge", 8), "Harbour…");
        assert_eq!(truncated("short", 8), "short");
        assert_eq!(truncated("anything", 0), "");
    }
}
