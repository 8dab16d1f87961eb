//! The Help overlay, generated from the keymap the event loop dispatches on.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::palette::Palette;
use super::pane_block;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::width::{padded, width};

/// Every line of Help: a heading per context, then one line per binding.
pub fn help_lines(palette: &Palette) -> Vec<Line<'static>> {
    let sections = keymap::help_sections();
    let key_column = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(keys, _)| width(keys)))
        .max()
        .unwrap_or(0)
        + 2;
    let mut lines = Vec::new();
    for (heading, rows) in sections {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::styled(heading, palette.title()));
        for (keys, what) in rows {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", padded(&keys, key_column)), palette.key()),
                Span::raw(what),
            ]));
        }
    }
    lines
}

/// Where Help goes on a terminal of `area`, for `lines` lines of help.
fn help_rect(area: Rect, lines: usize) -> Rect {
    let width = area.width.saturating_sub(4).min(76);
    let height = area
        .height
        .saturating_sub(2)
        .min(u16::try_from(lines + 2).unwrap_or(u16::MAX));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The furthest Help can scroll on a terminal of `size` (columns, rows).
pub fn max_scroll(size: (u16, u16)) -> usize {
    let lines = help_lines(&Palette::new(false)).len();
    let rect = help_rect(Rect::new(0, 0, size.0, size.1), lines);
    lines.saturating_sub(usize::from(rect.height.saturating_sub(2)))
}

pub fn render(frame: &mut Frame, app: &App, palette: &Palette, area: Rect) {
    let lines = help_lines(palette);
    let rect = help_rect(area, lines.len());
    frame.render_widget(Clear, rect);
    let visible = usize::from(rect.height.saturating_sub(2));
    let scroll = app.help_scroll.min(lines.len().saturating_sub(visible));
    let title = Line::from(" Help ");
    let paragraph = Paragraph::new(lines)
        .block(pane_block(title, true, palette))
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0));
    frame.render_widget(paragraph, rect);
}
