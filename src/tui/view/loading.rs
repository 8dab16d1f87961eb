//! The screen shown while the corpus loads: a progress gauge.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Gauge;

use super::palette::Palette;
use super::pane_block;

/// How far loading has come, in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

pub fn render(frame: &mut Frame, progress: Progress, palette: &Palette) {
    let area = frame.area();
    if area.width < 3 || area.height < 3 {
        let line = Line::from("loading…");
        super::put_line(frame.buffer_mut(), area.x, area.y, &line, area.width);
        return;
    }
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(3),
        Constraint::Fill(1),
    ])
    .areas(area);
    let width = area.width.min(60);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..middle
    };
    let ratio = if progress.total == 0 {
        0.0
    } else {
        (progress.done as f64 / progress.total as f64).clamp(0.0, 1.0)
    };
    // Reading is measured; what follows (building posts and topics) is not,
    // so a full gauge says that it is under way.
    let label = if progress.total > 0 && progress.done >= progress.total {
        format!("{} read, building the corpus…", megabytes(progress.total))
    } else {
        format!(
            "{} of {}",
            megabytes(progress.done),
            megabytes(progress.total)
        )
    };
    let gauge = Gauge::default()
        .block(pane_block(Line::from(" Loading "), true, palette))
        .gauge_style(palette.border(true))
        .ratio(ratio)
        .label(label);
    frame.render_widget(gauge, rect);
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}
