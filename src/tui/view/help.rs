//! The Help overlay, generated from the keymap the event loop dispatches on,
//! then the mouse, the marks the panes use, and what loading had to say.
//!
//! Laid out as a table per section: the key column as wide as that
//! section's keys (a long list of keys wraps at its ` / `), descriptions
//! wrapped to the rest of the width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::palette::Palette;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::width::{padded, width};

/// Columns before the key column.
const INDENT: usize = 2;
/// Columns between the key column and the description.
const GAP: usize = 2;

/// The marks the panes draw, and what each means: one meaning per mark.
const MARKS: &[(&str, &str)] = &[
    (
        "▶",
        "What the article shows: the open post in Topics; in Sources, the source quoted \
         highest in view, which o and y act on when no source is selected",
    ),
    (
        "reverse",
        "The selected row of a list: what Enter, o and y act on",
    ),
    (
        "▸ / ▾",
        "A collapsed / an expanded group in Topics; ▸ also opens a folded comment",
    ),
    (
        "│ / ┃",
        "A quote, by its source's number and colour; thick for the selected source",
    ),
    (
        "(u/n)",
        "After a group in Topics: its unread posts of all its posts; a dim post is read",
    ),
    (
        "●",
        "Before a commenter: a comment new since the post was last open",
    ),
    (
        "[n]",
        "Beside a post: its matches of the search. A source's number underlined in the \
         match colour: the search matches it",
    ),
];

/// One section of Help: a heading and its (keys, what) rows.
type Section = (&'static str, Vec<(String, String)>);

/// The sections of Help: what loading said (if anything), the keys of
/// every context, the mouse, the marks.
fn sections(app: &App) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    if !app.load_warnings.is_empty() {
        let rows = app
            .load_warnings
            .iter()
            .map(|warning| ("!".to_string(), warning.clone()))
            .collect();
        sections.push(("While loading", rows));
    }
    for (heading, rows) in app.keymap.help_sections() {
        let rows = rows
            .into_iter()
            .map(|(keys, what)| (keys, what.to_string()))
            .collect();
        sections.push((heading, rows));
    }
    let mouse = [
        ("click", Action::Click(0, 0)),
        ("wheel", Action::Wheel(0, 0, true)),
    ];
    sections.push((
        "Mouse",
        mouse
            .into_iter()
            .map(|(what, action)| (what.to_string(), action.description().to_string()))
            .collect(),
    ));
    sections.push((
        "Marks",
        MARKS
            .iter()
            .map(|&(mark, what)| (mark.to_string(), what.to_string()))
            .collect(),
    ));
    sections
}

/// Every line of Help for a box `columns` wide inside its border.
pub fn help_lines(app: &App, palette: &Palette, columns: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (heading, rows) in sections(app) {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::styled(heading, palette.title()));
        let key_column = key_column(&rows, columns);
        let text_width = columns.saturating_sub(INDENT + key_column + GAP).max(1);
        for (keys, what) in rows {
            let keys = wrapped_keys(&keys, key_column);
            let what: Vec<String> = textwrap::wrap(&what, text_width)
                .into_iter()
                .map(|line| line.into_owned())
                .collect();
            for n in 0..keys.len().max(what.len()) {
                let key = keys.get(n).map_or("", String::as_str);
                let text = what.get(n).map_or("", String::as_str);
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(INDENT)),
                    Span::styled(padded(key, key_column + GAP), palette.key()),
                    Span::raw(text.to_string()),
                ]));
            }
        }
    }
    lines
}

/// The key column of a section: as wide as its widest keys, but no more
/// than a third of the box (longer keys wrap) unless one key alone is wider.
fn key_column(rows: &[(String, String)], columns: usize) -> usize {
    let widest = rows.iter().map(|(keys, _)| width(keys)).max().unwrap_or(0);
    let widest_one = rows
        .iter()
        .flat_map(|(keys, _)| keys.split(" / ").map(width))
        .max()
        .unwrap_or(0);
    widest.min((columns / 3).max(widest_one))
}

/// "Space / PgDn / Ctrl-d" on lines of at most `column` columns, broken
/// after a ` /`.
fn wrapped_keys(keys: &str, column: usize) -> Vec<String> {
    let keys: Vec<&str> = keys.split(" / ").collect();
    let mut lines: Vec<String> = Vec::new();
    for (n, key) in keys.iter().enumerate() {
        // Room for the " /" that ends a line when more keys follow.
        let tail = if n + 1 < keys.len() { 2 } else { 0 };
        match lines.last_mut() {
            Some(line) if width(line) + 3 + width(key) + tail <= column => {
                line.push_str(" / ");
                line.push_str(key);
            }
            Some(line) => {
                line.push_str(" /");
                lines.push(key.to_string());
            }
            None => lines.push(key.to_string()),
        }
    }
    lines
}

/// Where Help goes on a terminal of `area`, for `lines` lines of help.
fn help_rect(area: Rect, lines: usize) -> Rect {
    let width = help_width(area.width);
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

fn help_width(columns: u16) -> u16 {
    columns.saturating_sub(4).min(76)
}

/// Columns of text in a Help box of `columns`: inside the border, with a
/// column of air before the right one.
fn text_columns(columns: u16) -> usize {
    usize::from(help_width(columns).saturating_sub(3))
}

/// The lines of Help at the reader's size.
fn lines_at_size(app: &App) -> Vec<Line<'static>> {
    help_lines(app, &Palette::new(false), text_columns(app.size.0))
}

/// Lines of Help on screen at the reader's size.
pub fn visible_lines(app: &App) -> usize {
    let lines = lines_at_size(app).len();
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    usize::from(help_rect(area, lines).height.saturating_sub(2))
}

/// The furthest Help can scroll at the reader's size.
pub fn max_scroll(app: &App) -> usize {
    let lines = lines_at_size(app).len();
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let shown = usize::from(help_rect(area, lines).height.saturating_sub(2));
    lines.saturating_sub(shown)
}

pub fn render(frame: &mut Frame, app: &App, palette: &Palette, area: Rect) {
    let lines = help_lines(app, palette, text_columns(area.width));
    let rect = help_rect(area, lines.len());
    frame.render_widget(Clear, rect);
    let visible = usize::from(rect.height.saturating_sub(2));
    let scroll = app.help_scroll.min(lines.len().saturating_sub(visible));
    super::draw_pane(
        frame.buffer_mut(),
        rect,
        &Line::from(" Help "),
        true,
        palette,
    );
    let inner = super::layout::inner(rect);
    // On the bottom border, as `less` says it: there is more below.
    if scroll + visible < lines.len() && rect.height > 2 {
        let more = Line::styled(" more: j, PgDn, G ", palette.pane_title(true));
        let room = inner.width.saturating_sub(1);
        let x = inner.right().saturating_sub(19).max(inner.x);
        super::put_line(frame.buffer_mut(), x, rect.bottom() - 1, &more, room);
    }
    for (y, line) in (inner.y..inner.bottom()).zip(lines.iter().skip(scroll)) {
        super::put_line(frame.buffer_mut(), inner.x, y, line, inner.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_wrap_after_a_slash() {
        assert_eq!(
            wrapped_keys("Space / PgDn / Ctrl-d", 14),
            ["Space / PgDn /", "Ctrl-d"]
        );
        assert_eq!(
            wrapped_keys("Space / PgDn / Ctrl-d", 12),
            ["Space /", "PgDn /", "Ctrl-d"]
        );
        assert_eq!(wrapped_keys("j / ↓", 12), ["j / ↓"]);
        assert_eq!(wrapped_keys("Shift-Tab", 3), ["Shift-Tab"]);
    }

    #[test]
    fn the_key_column_fits_its_section() {
        let row = |keys: &str| (keys.to_string(), String::new());
        assert_eq!(key_column(&[row("j / ↓"), row("q")], 70), 5);
        // Long lists of keys wrap rather than push every description right.
        let long = [row("Space / PgDn / Ctrl-d"), row("j")];
        assert_eq!(key_column(&long, 30), 10);
        assert_eq!(key_column(&[row("Shift-Tab")], 12), 9);
    }
}
