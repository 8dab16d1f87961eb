//! The search prompt on the bottom line: the query, its scope and mode,
//! and what it found so far (or why it cannot run).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use super::palette::Palette;
use crate::search::Mode;
use crate::tui::app::App;
use crate::tui::search::{self, Prompt};
use crate::tui::width::{tail_fitting, width as columns};

pub fn render(frame: &mut Frame, app: &App, palette: &Palette, rect: Rect) {
    let Some(prompt) = app.search.prompt.as_ref() else {
        return;
    };
    let (line, cursor) = prompt_line(app, prompt, palette, rect.width);
    super::put_line(frame.buffer_mut(), rect.x, rect.y, &line, rect.width);
    let x = rect
        .x
        .saturating_add(cursor)
        .min(rect.right().saturating_sub(1));
    frame.set_cursor_position(Position::new(x, rect.y));
}

/// The prompt as drawn, and the column of the cursor (after the query).
/// A query too long for the line shows its end, where the typing is.
fn prompt_line<'a>(
    app: &App,
    prompt: &'a Prompt,
    palette: &Palette,
    width: u16,
) -> (Line<'a>, u16) {
    let mode = match prompt.mode {
        Mode::Literal => "",
        Mode::Regex => " regex",
    };
    let label = format!(" /{mode} ");
    let outcome = match (&prompt.error, prompt.pending) {
        (Some(error), _) => error.clone(),
        (None, true) if app.search.awaits_index() => "indexing…".to_string(),
        (None, true) => "searching…".to_string(),
        (None, false) if prompt.text.trim().is_empty() => String::new(),
        (None, false) => search::summary(app).unwrap_or_default(),
    };
    let scope = format!("  in {} (Tab)", prompt.scope.name());
    // The query comes first; what it found is cut at the edge if need be.
    let room = usize::from(width)
        .saturating_sub(columns(&label) + columns(&scope) + 2)
        .max(1);
    let shown = tail_fitting(&prompt.text, room);
    let cursor = u16::try_from(columns(&label) + columns(&shown)).unwrap_or(u16::MAX);
    let outcome_style = if prompt.error.is_some() {
        palette.message()
    } else {
        palette.match_count()
    };
    let line = Line::from(vec![
        Span::styled(label, palette.status_focus()),
        Span::raw(shown),
        Span::raw(" "),
        Span::styled(scope, palette.dim()),
        Span::raw("  "),
        Span::styled(outcome, outcome_style),
    ]);
    (line, cursor)
}
