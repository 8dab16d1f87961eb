//! Colours and text styles, chosen to read on dark and light terminals.
//!
//! Only the terminal's own named colours are used (so its theme decides the
//! exact shade) and never as a background. Under `NO_COLOR` every style falls
//! back to bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

/// Colours of sources, in order; the nth source uses the nth (cycling).
const SOURCE_COLORS: [Color; 5] = [
    Color::Blue,
    Color::Magenta,
    Color::Green,
    Color::Red,
    Color::Cyan,
];

/// Colours of the comment thread's rails, by depth (cycling). Without
/// colour, depth reads from how many rails there are.
const RAIL_COLORS: [Color; 6] = [
    Color::Cyan,
    Color::Magenta,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Red,
];

/// The styles of one frame.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    color: bool,
}

impl Palette {
    pub fn new(color: bool) -> Palette {
        Palette { color }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn pane_title(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The selected row of a list: reversed where the keys go, bold elsewhere.
    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// What belongs to source `index` (0-based): its number, its quote bar.
    pub fn source(self, index: usize) -> Style {
        self.fg(SOURCE_COLORS[index % SOURCE_COLORS.len()])
    }

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn title(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn meta(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM)
    }

    pub fn lead_in(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn contributor(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC)
    }

    pub fn link(self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::UNDERLINED)
    }

    /// Text of a block that cites the selected source.
    pub fn highlighted(self, source: usize) -> Style {
        self.source(source).add_modifier(Modifier::BOLD)
    }

    pub fn open_post(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn status_focus(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn message(self) -> Style {
        self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A search match: reversed, so it shows on any theme.
    pub fn search_match(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The current search match: unlike the others at a glance, with or
    /// without colour.
    pub fn current_match(self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// The number of a source the search matches: the match colour,
    /// underlined (bold too for the current match's). Not reversed:
    /// reverse video in a list is the selection.
    pub fn source_match(self, current: bool) -> Style {
        let style = self.fg(Color::Yellow).add_modifier(Modifier::UNDERLINED);
        if current {
            style.add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }

    /// The number of matches beside a post in the tree.
    pub fn match_count(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The rail of comments at `depth` (0 for top-level).
    pub fn rail(self, depth: usize) -> Style {
        self.fg(RAIL_COLORS[depth % RAIL_COLORS.len()])
    }

    /// The current comment's own rail: thicker, and bold.
    pub fn current_rail(self, depth: usize) -> Style {
        self.rail(depth).add_modifier(Modifier::BOLD)
    }

    /// A commenter's name; reversed on the current comment.
    pub fn author(self, current: bool) -> Style {
        if current {
            Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The mark of a comment by the post's author.
    pub fn original_poster(self) -> Style {
        if self.color {
            self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// Words of the post repeated in a comment, and its quoted blocks.
    pub fn quoted(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }
}
