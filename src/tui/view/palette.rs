//! Colours and text styles, chosen to read on dark and light terminals.
//!
//! Only the terminal's own named colours are used (each role's colour can
//! be set in the config file's `[colors]`) (so its theme decides the
//! exact shade) and never as a background. Under `NO_COLOR` every style falls
//! back to bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

/// The colour of each role, as the config file's `[colors]` sets them.
/// Only the terminal's own named colours, so its theme decides the shade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    /// The focused pane's border.
    pub accent: Color,
    /// Citations and links.
    pub link: Color,
    /// Messages in the status bar.
    pub message: Color,
    /// Search matches: the current one and the counts.
    pub matched: Color,
    /// The mark of a comment by the post's author.
    pub original_poster: Color,
    /// The mark of a comment new since the last visit.
    pub new: Color,
    /// Sources, in order; the nth source uses the nth (cycling).
    pub sources: Cycle,
    /// The comment thread's rails, by depth (cycling). Without colour,
    /// depth reads from how many rails there are.
    pub rails: Cycle,
}

/// Up to [`Cycle::MAX`] colours used in turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cycle {
    colors: [Color; Cycle::MAX],
    len: usize,
}

impl Cycle {
    pub const MAX: usize = 8;

    /// The colours of `list`, or `None` when it is empty or too long.
    pub fn new(list: &[Color]) -> Option<Cycle> {
        if list.is_empty() || list.len() > Cycle::MAX {
            return None;
        }
        let mut colors = [Color::Reset; Cycle::MAX];
        colors[..list.len()].copy_from_slice(list);
        Some(Cycle {
            colors,
            len: list.len(),
        })
    }

    /// The colour of the `n`th item (0-based), cycling.
    pub fn nth(&self, n: usize) -> Color {
        self.colors[n % self.len]
    }

    pub fn as_slice(&self) -> &[Color] {
        &self.colors[..self.len]
    }
}

impl Default for Colors {
    fn default() -> Colors {
        use Color::{Blue, Cyan, Green, Magenta, Red, Yellow};
        Colors {
            accent: Cyan,
            link: Blue,
            message: Magenta,
            matched: Yellow,
            original_poster: Yellow,
            new: Green,
            sources: Cycle::new(&[Blue, Magenta, Green, Red, Cyan]).expect("five colours"),
            rails: Cycle::new(&[Cyan, Magenta, Green, Yellow, Blue, Red]).expect("six colours"),
        }
    }
}

/// The named colours the config file accepts, by the names it uses.
pub const COLOR_NAMES: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
];

/// The config file's name for `color`.
pub fn color_name(color: Color) -> &'static str {
    COLOR_NAMES
        .iter()
        .find(|(_, named)| *named == color)
        .map_or("default", |(name, _)| name)
}

/// The colour the config file names `name` (any case, `-` or `_`).
pub fn color_named(name: &str) -> Option<Color> {
    let name = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    COLOR_NAMES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, color)| *color)
}

/// The styles of one frame.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    color: bool,
    colors: Colors,
}

impl Palette {
    /// The default colours, or none.
    pub fn new(color: bool) -> Palette {
        Palette::with_colors(color, Colors::default())
    }

    /// `colors` for each role, or none at all when `color` is false.
    pub fn with_colors(color: bool, colors: Colors) -> Palette {
        Palette { color, colors }
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
            self.fg(self.colors.accent).add_modifier(Modifier::BOLD)
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
        self.fg(self.colors.sources.nth(index))
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
        self.fg(self.colors.link).add_modifier(Modifier::UNDERLINED)
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
        self.fg(self.colors.message).add_modifier(Modifier::BOLD)
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
        self.fg(self.colors.matched)
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
        self.fg(self.colors.matched).add_modifier(Modifier::BOLD)
    }

    /// The rail of comments at `depth` (0 for top-level).
    pub fn rail(self, depth: usize) -> Style {
        self.fg(self.colors.rails.nth(depth))
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
            self.fg(self.colors.original_poster)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// The ● of a comment new since the last visit: bold without colour.
    pub fn new_comment(self) -> Style {
        self.fg(self.colors.new).add_modifier(Modifier::BOLD)
    }

    /// A post already read, in the Topics pane.
    pub fn read(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Words of the post repeated in a comment, and its quoted blocks.
    pub fn quoted(self) -> Style {
        Style::new().add_modifier(Modifier::ITALIC)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configured_colours_are_used_and_no_color_still_wins() {
        let colors = Colors {
            accent: Color::LightRed,
            sources: Cycle::new(&[Color::White, Color::Black]).unwrap(),
            ..Colors::default()
        };
        let coloured = Palette::with_colors(true, colors);
        assert_eq!(coloured.border(true).fg, Some(Color::LightRed));
        assert_eq!(coloured.source(3).fg, Some(Color::Black));
        let plain = Palette::with_colors(false, colors);
        for style in [
            plain.border(true),
            plain.source(3),
            plain.link(),
            plain.new_comment(),
        ] {
            assert_eq!(style.fg, None);
        }
    }

    #[test]
    fn colour_names_read_back() {
        for (name, color) in COLOR_NAMES {
            assert_eq!(color_named(name), Some(*color));
            assert_eq!(color_name(*color), *name);
        }
        assert_eq!(color_named("Light-Blue"), Some(Color::LightBlue));
        assert_eq!(color_named("#ff0000"), None);
        assert_eq!(Cycle::new(&[]), None);
        assert_eq!(Cycle::new(&[Color::Red; 9]), None);
    }
}
