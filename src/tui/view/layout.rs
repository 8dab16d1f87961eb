//! Where each pane goes for a terminal size; shared by drawing and by mouse
//! hit-testing so that both agree.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::tui::app::Focus;

/// Below this size only a "terminal too small" line is drawn.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this width the three panes stand side by side.
pub const WIDE: u16 = 120;
/// From this width Topics stays beside the article, Sources goes below it,
/// one line per source.
pub const MEDIUM: u16 = 80;

/// Whether a terminal `width` columns wide puts the Sources pane below the
/// article, where a source gets a line and the width, not several lines.
pub fn sources_below(width: u16) -> bool {
    (MEDIUM..WIDE).contains(&width)
}

/// The rectangles of one frame. A pane that is not shown is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub topics: Option<Rect>,
    pub article: Option<Rect>,
    pub sources: Option<Rect>,
    pub status: Option<Rect>,
    pub too_small: bool,
}

impl Panes {
    /// The pane that contains column `x`, row `y`.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Focus> {
        let hit = |r: Option<Rect>| r.is_some_and(|r| r.contains((x, y).into()));
        if hit(self.topics) {
            Some(Focus::Topics)
        } else if hit(self.article) {
            Some(Focus::Article)
        } else if hit(self.sources) {
            Some(Focus::Sources)
        } else {
            None
        }
    }

    pub fn rect_of(&self, pane: Focus) -> Option<Rect> {
        match pane {
            Focus::Topics => self.topics,
            Focus::Article => self.article,
            Focus::Sources => self.sources,
        }
    }
}

/// The panes for a terminal of `area`, given which pane has focus (under 80
/// columns only the focused pane is shown) and how many rows the open
/// post's sources take at one line each (`source_rows`).
///
/// From 80 to 119 columns (80×24 is the terminal most people never
/// resize) the layout is chosen for reading: Topics takes a third of the
/// width, so a title shows its first twenty-odd characters rather than
/// eleven, and the article keeps about fifty columns of text; the Sources
/// pane below the article is as tall as its sources at one line each, up
/// to a fifth of the screen, so a post with one source gives the article
/// every other row.
pub fn panes(area: Rect, focus: Focus, source_rows: usize) -> Panes {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Panes {
            too_small: true,
            ..Panes::default()
        };
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let mut panes = Panes {
        status: Some(status),
        ..Panes::default()
    };
    if area.width >= WIDE {
        let side = area.width / 4;
        let [topics, article, sources] = Layout::horizontal([
            Constraint::Length(side),
            Constraint::Min(1),
            Constraint::Length(side),
        ])
        .areas(main);
        panes.topics = Some(topics);
        panes.article = Some(article);
        panes.sources = Some(sources);
    } else if area.width >= MEDIUM {
        let [topics, right] =
            Layout::horizontal([Constraint::Length(area.width / 3), Constraint::Min(1)])
                .areas(main);
        let most = (main.height / 5).max(1);
        let rows = u16::try_from(source_rows)
            .unwrap_or(u16::MAX)
            .clamp(1, most);
        // The borders, and the article keeps at least three rows of text.
        let sources_height = (rows + 2).min(main.height.saturating_sub(5)).max(3);
        let [article, sources] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(sources_height)]).areas(right);
        panes.topics = Some(topics);
        panes.article = Some(article);
        panes.sources = Some(sources);
    } else {
        match focus {
            Focus::Topics => panes.topics = Some(main),
            Focus::Article => panes.article = Some(main),
            Focus::Sources => panes.sources = Some(main),
        }
    }
    panes
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    rect.inner(ratatui::layout::Margin::new(1, 1))
}

/// The columns the article's text may use: inside the border, with one
/// column of air on either side (the scrollbar sits on the right border,
/// and text touching it reads as part of it).
pub fn article_text(rect: Rect) -> Rect {
    let inner = inner(rect);
    Rect {
        x: inner.x.saturating_add(1).min(inner.right()),
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_get_three_panes_side_by_side() {
        let p = panes(Rect::new(0, 0, 200, 60), Focus::Topics, 3);
        let (t, a, s) = (p.topics.unwrap(), p.article.unwrap(), p.sources.unwrap());
        assert_eq!((t.width, s.width), (50, 50));
        assert!(t.x < a.x && a.x < s.x);
        assert_eq!(a.y, s.y);
    }

    #[test]
    fn medium_terminals_put_sources_below_the_article() {
        let p = panes(Rect::new(0, 0, 100, 30), Focus::Topics, 3);
        let (a, s) = (p.article.unwrap(), p.sources.unwrap());
        assert_eq!(a.x, s.x);
        assert!(s.y > a.y);
    }

    #[test]
    fn at_80_by_24_the_tree_gets_a_third_and_sources_their_own_height() {
        let area = Rect::new(0, 0, 80, 24);
        let one = panes(area, Focus::Topics, 1);
        let (topics, article, sources) = (
            one.topics.unwrap(),
            one.article.unwrap(),
            one.sources.unwrap(),
        );
        assert_eq!(topics.width, 26);
        assert_eq!(article_text(article).width, 50);
        // One source: one row between the borders; the article has the rest.
        assert_eq!(sources.height, 3);
        assert_eq!(article.height, 20);
        // Many sources: a fifth of the screen at most.
        let many = panes(area, Focus::Topics, 12);
        assert_eq!(many.sources.unwrap().height, 6);
        assert!(sources_below(80) && sources_below(119));
        assert!(!sources_below(79) && !sources_below(120));
    }

    #[test]
    fn narrow_terminals_show_only_the_focused_pane() {
        let p = panes(Rect::new(0, 0, 60, 20), Focus::Sources, 3);
        assert!(p.topics.is_none() && p.article.is_none());
        assert_eq!(p.sources, Some(Rect::new(0, 0, 60, 19)));
    }

    #[test]
    fn tiny_terminals_are_too_small() {
        assert!(panes(Rect::new(0, 0, 19, 6), Focus::Topics, 3).too_small);
        assert!(panes(Rect::new(0, 0, 0, 0), Focus::Topics, 3).too_small);
        assert!(!panes(Rect::new(0, 0, 20, 6), Focus::Topics, 3).too_small);
    }
}
