//! Search matches drawn over text: splits a line's text span where matches
//! start and end, styling the current match apart from the others.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::palette::Palette;
use crate::search::Location;
use crate::tui::app::App;
use crate::tui::wrap::ArticleLine;

/// Marks the search matches on one article line. `styled` must end with
/// the span of `line.text`, as the article pane draws it.
pub fn mark_matches<'a>(
    styled: &mut Line<'a>,
    line: &'a ArticleLine,
    app: &App,
    palette: &Palette,
) {
    if let Some(location) = line.location() {
        mark_matches_at(styled, line, location, app, palette);
    }
}

/// [`mark_matches`] for a line that shows part of the field at `location`
/// (a comment's line, which does not know its comment).
pub fn mark_matches_at<'a>(
    styled: &mut Line<'a>,
    line: &'a ArticleLine,
    location: Location,
    app: &App,
    palette: &Palette,
) {
    let Some(post) = app.open_post else {
        return;
    };
    let (matches, current) = app.search.in_field(post, location);
    if matches.is_empty() {
        return;
    }
    let ranges = line.ranges_on_line(matches.iter().map(|m| &m.range));
    if ranges.is_empty() {
        return;
    }
    let current: Vec<Range<usize>> = current
        .map(|m| line.ranges_on_line([&m.range]))
        .unwrap_or_default();
    if styled
        .spans
        .last()
        .is_none_or(|span| span.content != line.text.as_str())
    {
        return;
    }
    let Some(last) = styled.spans.pop() else {
        return;
    };
    styled.spans.extend(split_at_matches(
        &line.text, &ranges, &current, last.style, palette,
    ));
}

/// `text` as spans in `base` style, with `ranges` in the match style (the
/// ones in `current` in the current-match style). Ranges are in order and
/// on character boundaries; any other is left unstyled.
pub fn split_at_matches<'a>(
    text: &'a str,
    ranges: &[Range<usize>],
    current: &[Range<usize>],
    base: Style,
    palette: &Palette,
) -> Vec<Span<'a>> {
    let mut spans = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        // A range from a cache file is only as sound as the file: one that
        // is out of order, past the text or inside a character is not drawn.
        let inside = |at: usize| text.is_char_boundary(at);
        if range.start < at || range.end > text.len() || !inside(range.start) || !inside(range.end)
        {
            continue;
        }
        if range.start > at {
            spans.push(Span::styled(&text[at..range.start], base));
        }
        let style = if current.contains(range) {
            palette.current_match()
        } else {
            palette.search_match()
        };
        spans.push(Span::styled(&text[range.clone()], base.patch(style)));
        at = range.end;
    }
    if at < text.len() {
        spans.push(Span::styled(&text[at..], base));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What each span says, and whether it is in a match's style.
    fn shown(spans: &[Span<'_>], base: Style) -> Vec<(String, bool)> {
        spans
            .iter()
            .map(|span| (span.content.to_string(), span.style != base))
            .collect()
    }

    #[test]
    fn ranges_inside_a_character_past_the_text_or_out_of_order_are_left_unstyled() {
        let palette = Palette::new(true);
        let base = Style::default();
        let text = "café au lait";
        // "é" is bytes 3..5: 4 is inside it.
        let ranges = [0..2, 4..7, 1..3, 9..40, 9..13];
        let spans = split_at_matches(text, &ranges, &[], base, &palette);
        assert_eq!(
            shown(&spans, base),
            [
                ("ca".to_string(), true),
                ("fé au ".to_string(), false),
                ("lait".to_string(), true),
            ]
        );
    }
}
