//! `pundit config --default`: the whole config file with every default
//! written out, generated from the key table and the default colours, so
//! it always says what pundit does without a config.

use std::fmt::Write;

use crate::tui::keymap::{HELP_ORDER, Keymap};
use crate::tui::view::palette::{Colors, color_name};

/// The default config file, commented.
pub fn default_file() -> String {
    let mut out = String::new();
    out.push_str(HEADER);
    let colors = Colors::default();
    let _ = writeln!(out, "\n[colors]");
    out.push_str(COLORS_NOTE);
    for (name, what, color) in [
        ("accent", "the focused pane's border", colors.accent),
        ("link", "citations and links", colors.link),
        ("message", "messages in the status bar", colors.message),
        ("match", "search matches and their counts", colors.matched),
        (
            "original_poster",
            "the OP mark of a comment by the post's author",
            colors.original_poster,
        ),
        (
            "new",
            "the ● of a comment new since the last visit",
            colors.new,
        ),
    ] {
        let _ = writeln!(out, "# {what}\n{name} = \"{}\"", color_name(color));
    }
    let list = |cycle: &[ratatui::style::Color]| {
        let names: Vec<String> = cycle
            .iter()
            .map(|&c| format!("\"{}\"", color_name(c)))
            .collect();
        names.join(", ")
    };
    let _ = writeln!(
        out,
        "# sources, in turn: the number and quote bar of source 1, 2, …\nsources = [{}]",
        list(colors.sources.as_slice())
    );
    let _ = writeln!(
        out,
        "# the comment thread's rails, by depth\nrails = [{}]",
        list(colors.rails.as_slice())
    );
    let _ = writeln!(out, "\n[keys]");
    out.push_str(KEYS_NOTE);
    let keymap = Keymap::default();
    for context in HELP_ORDER {
        let _ = writeln!(out, "\n# {}", context.title());
        let rows = keymap.bindings().iter().filter(|b| {
            b.context == context
                || (context == crate::tui::keymap::Context::Global
                    && b.context == crate::tui::keymap::Context::Always)
        });
        for binding in rows {
            let what = binding.action.description();
            if binding.is_remappable() {
                let _ = writeln!(out, "{binding}  # {what}");
            } else {
                let _ = writeln!(
                    out,
                    "# {}: {} ({what}; fixed)",
                    binding.name,
                    binding.keys_label()
                );
            }
        }
    }
    out
}

const HEADER: &str = r#"# pundit's config file: config.toml in the platform's config directory
# ($XDG_CONFIG_HOME/pundit/config.toml, or ~/.config/pundit/config.toml, on
# Linux), or the file `pundit --config PATH` names. Every setting is
# optional; this file, from `pundit config --default`, sets each to its
# default. `pundit config` checks a file.

# Whether the mouse selects and scrolls (false: the terminal's own
# selection works as usual).
mouse = true

# The longest line the article is wrapped to, in columns (0: the pane's
# width).
max_width = 0

# The scope a new search starts in: everything, commentary, quotes,
# sources or comments.
search_scope = "everything"
"#;

const COLORS_NOTE: &str =
    "# The terminal's named colours: default, black, red, green, yellow, blue,
# magenta, cyan, gray, dark_gray, light_red, light_green, light_yellow,
# light_blue, light_magenta, light_cyan, white. NO_COLOR turns them all off.
";

const KEYS_NOTE: &str =
    "# Each action's keys: one key or a list of them (`next_post = [\"]\", \"L\"]`),
# an empty list for none. A key is a character, Ctrl-x, or a name: Space,
# Enter, Esc, Tab, Shift-Tab, Backspace, Delete, Insert, Up, Down, Left,
# Right, PageUp, PageDown, Home, End, F1 … F12. A key may be bound once in
# each pane; keys that work everywhere may not repeat one another.
";
