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

/// What the status bar says while the reader shows a preview of an
/// archive still loading: "loading 34 of 1,024 MB · 120 posts so far",
/// then, once it is all read, "1,024 MB read, building · 120 posts so far".
pub fn status(progress: Progress, posts: usize) -> String {
    let posts = match posts {
        1 => "1 post".to_string(),
        n => format!("{} posts", thousands(n as u64)),
    };
    let total = whole_megabytes(progress.total);
    if progress.total > 0 && progress.done >= progress.total {
        format!("{total} MB read, building · {posts} so far")
    } else {
        let done = whole_megabytes(progress.done);
        format!("loading {done} of {total} MB · {posts} so far")
    }
}

/// Megabytes, whole, with thousands separated: "1,024".
fn whole_megabytes(bytes: u64) -> String {
    thousands(bytes.div_ceil(1_000_000))
}

/// `n` with its thousands separated by commas: "1,024".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_says_how_much_is_loaded() {
        let progress = |done, total| Progress { done, total };
        assert_eq!(
            status(progress(34_000_000, 1_024_000_000), 120),
            "loading 34 of 1,024 MB · 120 posts so far"
        );
        assert_eq!(
            status(progress(0, 2_500_000), 1),
            "loading 0 of 3 MB · 1 post so far"
        );
        assert_eq!(
            status(progress(1_024_000_000, 1_024_000_000), 12_345),
            "1,024 MB read, building · 12,345 posts so far"
        );
    }
}
