//! The article pane: the open post's lines from the wrap cache, styled by
//! block kind, then its comment thread, with a scrollbar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::layout;
use super::palette::Palette;
use super::truncated;
use crate::model::BlockKind;
use crate::tui::app::{App, Focus};
use crate::tui::wrap::{ArticleLine, LineKind};

pub fn render(frame: &mut Frame, app: &App, palette: &Palette, rect: Rect) {
    let focused = app.focus == Focus::Article;
    let title = border_title(app);
    let title_width = usize::from(rect.width.saturating_sub(4));
    let title = Line::from(format!(
        " {} ",
        truncated(title, title_width.saturating_sub(2))
    ));
    super::draw_pane(frame.buffer_mut(), rect, &title, focused, palette);
    let text = layout::article_text(rect);
    if text.is_empty() {
        return;
    }
    let highlighted = app.selected_source;
    let current_block = app
        .citation
        .and_then(|i| app.citing_blocks().get(i).copied());
    let body = &app.article.lines;
    let shown = app.scroll..app.article_len().min(app.scroll + usize::from(text.height));
    for (y, index) in (text.y..).zip(shown) {
        match body.get(index) {
            Some(line) => {
                let mut styled = styled_line(line, palette, highlighted, current_block);
                super::highlight::mark_matches(&mut styled, line, app, palette);
                super::put_line(frame.buffer_mut(), text.x, y, &styled, text.width);
            }
            None => {
                let row = Rect::new(text.x, y, text.width, 1);
                super::thread::draw_line(frame.buffer_mut(), app, palette, index - body.len(), row);
            }
        }
    }
    // The scrollbar runs down the right border, between the corners.
    let track = rect.inner(ratatui::layout::Margin::new(0, 1));
    let mut state = ScrollbarState::new(app.max_scroll().saturating_add(1))
        .position(app.scroll)
        .viewport_content_length(usize::from(text.height));
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(None)
        .thumb_style(palette.border(focused));
    frame.render_stateful_widget(bar, track, &mut state);
}

/// What the pane's border says: "Article" while the post's title is on
/// screen (it opens the text), the title once it has scrolled away, so
/// that it shows once and is never lost.
fn border_title(app: &App) -> &str {
    let Some(post) = app.post() else {
        return "No post";
    };
    let title_lines = app
        .article
        .lines
        .iter()
        .take_while(|line| line.kind == LineKind::Title)
        .count();
    if app.scroll < title_lines {
        "Article"
    } else {
        post.title.as_str()
    }
}

/// One article line as spans: margin (source number and bar, or bullet),
/// then the text in its block's style.
fn styled_line<'a>(
    line: &'a ArticleLine,
    palette: &Palette,
    highlighted: Option<usize>,
    current_block: Option<usize>,
) -> Line<'a> {
    let is_highlighted = line.source.is_some() && line.source == highlighted;
    let text_style = match line.kind {
        LineKind::Title => palette.title(),
        LineKind::Meta => palette.meta(),
        LineKind::Blank => Style::new(),
        LineKind::Block(kind) => block_style(kind, palette),
    };
    let text_style = match line.source {
        Some(source) if is_highlighted => text_style.patch(palette.highlighted(source)),
        _ => text_style,
    };
    let mut spans = Vec::with_capacity(3);
    match line.kind {
        LineKind::Block(BlockKind::Quote) => {
            let (number, bar_style) = match line.source {
                Some(s) => (format!("{:>2} ", s + 1), palette.source(s)),
                None => (String::from("   "), palette.dim()),
            };
            let number = if line.first {
                number
            } else {
                String::from("   ")
            };
            let number_style = if is_highlighted && line.block == current_block {
                bar_style.add_modifier(ratatui::style::Modifier::REVERSED)
            } else {
                bar_style
            };
            spans.push(Span::styled(number, number_style));
            let bar = if is_highlighted { "┃" } else { "│" };
            spans.push(Span::styled(bar, bar_style));
        }
        LineKind::Block(BlockKind::ListItem) => {
            spans.push(Span::raw(if line.first { "• " } else { "  " }));
        }
        _ => {}
    }
    if matches!(line.kind, LineKind::Block(BlockKind::Quote)) {
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(line.text.as_str(), text_style));
    Line::from(spans)
}

pub(super) fn block_style(kind: BlockKind, palette: &Palette) -> Style {
    match kind {
        BlockKind::Paragraph | BlockKind::ListItem => Style::new(),
        BlockKind::Quote => Style::new().add_modifier(ratatui::style::Modifier::ITALIC),
        BlockKind::LeadIn => palette.lead_in(),
        BlockKind::Citation => palette.link(),
        BlockKind::Contributor => palette.contributor(),
    }
}
