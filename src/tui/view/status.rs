//! The status bar: focused pane, post n/N, position in the article, then a
//! transient message or the key hints for where the user is.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::palette::Palette;
use crate::tui::app::App;
use crate::tui::width::width;

pub fn render(frame: &mut Frame, app: &App, palette: &Palette, rect: Rect) {
    let line = status_line(app, palette, usize::from(rect.width));
    super::put_line(frame.buffer_mut(), rect.x, rect.y, &line, rect.width);
}

/// The article position: "comment 12/74 · depth 2" in the thread, else
/// the lines on screen and how far through the text the last of them is,
/// as `less -M` says it ("lines 12–31/80 38%"; at the end "lines
/// 61–80/80 100%"), or "80 lines, all shown" when it fits.
pub fn position(app: &App) -> String {
    let shape = app.thread_layout.shape();
    if let Some(comment) = app.thread.cursor.filter(|&c| c < shape.len()) {
        let at = shape.position_of(comment);
        return format!(
            "comment {}/{} · depth {}",
            at + 1,
            shape.len(),
            shape.depth(at) + 1
        );
    }
    let total = app.article_len();
    let max = app.max_scroll();
    if max == 0 {
        return format!("{total} lines, all shown");
    }
    let last = (app.scroll + app.article_height()).min(total);
    let percent = last * 100 / total.max(1);
    format!("lines {}–{last}/{total} {percent}%", app.scroll + 1)
}

fn status_line<'a>(app: &'a App, palette: &Palette, columns: usize) -> Line<'a> {
    let mut spans = vec![Span::styled(
        format!(" {} ", app.focus.name()),
        palette.status_focus(),
    )];
    if let Some((n, total)) = app.post_position() {
        spans.push(Span::raw(format!(" post {n}/{total} ")));
    }
    spans.push(Span::styled(
        format!("│ {} │ ", position(app)),
        palette.dim(),
    ));
    if let Some(progress) = app.loading {
        spans.push(Span::styled(
            super::loading::status(progress, app.corpus.len()),
            palette.message(),
        ));
        spans.push(Span::styled(" │ ", palette.dim()));
    }
    if let Some(summary) = crate::tui::search::summary(app) {
        spans.push(Span::styled(summary, palette.match_count()));
        spans.push(Span::styled(" │ ", palette.dim()));
    }
    match &app.status {
        Some(message) => spans.push(Span::styled(message.as_str(), palette.message())),
        None => {
            // A hint shows whole or not at all: "Enter ope" helps nobody.
            let used: usize = spans.iter().map(|s| width(&s.content)).sum();
            let mut room = columns.saturating_sub(used);
            let has_thread = !app.thread_layout.shape().is_empty();
            for (key, hint) in app.keymap.hints(app.focus, app.overlay, has_thread) {
                let text = format!(" {hint}  ");
                let needs = width(&key) + width(text.trim_end());
                if needs > room {
                    break;
                }
                room = room.saturating_sub(width(&key) + width(&text));
                spans.push(Span::styled(key, palette.key()));
                spans.push(Span::raw(text));
            }
        }
    }
    Line::from(spans)
}
