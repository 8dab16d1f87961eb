//! Drawing: `render(frame, &App)` reads the state and draws what is visible.
//! Nothing here changes state or does I/O; each pane has its own file.

pub mod article;
pub mod help;
pub mod layout;
pub mod loading;
pub mod palette;
pub mod sources;
pub mod status;
pub mod topics;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType};

use super::app::{App, Overlay};
use palette::Palette;

/// Draws one frame of the reader.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let panes = layout::panes(area, app.focus);
    if panes.too_small {
        render_too_small(frame, area);
        return;
    }
    let palette = Palette::new(app.color);
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
        status::render(frame, app, &palette, rect);
    }
    if app.overlay == Some(Overlay::Help) {
        help::render(frame, app, &palette, area);
    }
}

/// The one line drawn when nothing else fits.
fn render_too_small(frame: &mut Frame, area: Rect) {
    if area.is_empty() {
        return;
    }
    let line = Line::from("terminal too small");
    frame
        .buffer_mut()
        .set_line(area.x, area.y, &line, area.width);
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

/// `text` cut to `width` columns, with an ellipsis where it was cut.
pub fn truncated(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}
