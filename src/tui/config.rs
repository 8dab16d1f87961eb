//! The config file, `config.toml`: keys, colours by role, the longest line
//! of text, the mouse, and the search scope the prompt opens with.
//!
//! Every setting is optional: what the file leaves out keeps its default,
//! and `pundit config --default` prints the whole file with every default
//! written out ([`default_file`], generated from the key table). A file
//! that cannot be used is an error naming the file, the line and what is
//! wrong; the reader does not start with half a config.

mod default_file;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

pub use default_file::default_file;

use super::keymap::{KeyPattern, Keymap};
use super::view::palette::{Colors, Cycle, color_named};
use crate::search::Scope;

/// The reader's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    pub colors: Colors,
    /// The longest line the article is wrapped to, in columns; `None`: the
    /// pane's width.
    pub max_width: Option<u16>,
    /// Whether the mouse selects and scrolls (off: the terminal's own
    /// selection works as usual).
    pub mouse: bool,
    /// The scope a new search starts in.
    pub search_scope: Scope,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            keymap: Keymap::default(),
            colors: Colors::default(),
            max_width: None,
            mouse: true,
            search_scope: Scope::Everything,
        }
    }
}

/// A config file that cannot be used: `path:line: problem`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigError {
    pub path: String,
    /// Counted from 1; `None` when the problem is the whole file.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// The file as written: every part optional, unknown names refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    mouse: Option<bool>,
    max_width: Option<Spanned<i64>>,
    search_scope: Option<Spanned<String>>,
    colors: Option<RawColors>,
    keys: Option<BTreeMap<Spanned<String>, Spanned<OneOrMany>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColors {
    accent: Option<Spanned<String>>,
    link: Option<Spanned<String>>,
    message: Option<Spanned<String>>,
    #[serde(rename = "match")]
    matched: Option<Spanned<String>>,
    original_poster: Option<Spanned<String>>,
    new: Option<Spanned<String>>,
    sources: Option<Spanned<Vec<String>>>,
    rails: Option<Spanned<Vec<String>>>,
}

/// A key or a list of keys.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn names(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(name) => vec![name.as_str()],
            OneOrMany::Many(names) => names.iter().map(String::as_str).collect(),
        }
    }
}

/// Where the config comes from: `--config PATH`, else the default file if
/// it exists, else the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match crate::state::paths::default_config_file() {
            Some(path) if path.exists() => path,
            _ => return Ok(Config::default()),
        },
    };
    read_file(&path)
}

/// The config file in force: `--config PATH`, else the default one.
pub fn file_in_force(explicit: Option<&Path>) -> Option<PathBuf> {
    explicit
        .map(Path::to_path_buf)
        .or_else(crate::state::paths::default_config_file)
}

/// Reads and checks the config file at `path`.
pub fn read_file(path: &Path) -> Result<Config, ConfigError> {
    let name = crate::load::name_of(path);
    let text = std::fs::read_to_string(path).map_err(|error| ConfigError {
        path: name.clone(),
        line: None,
        message: error.to_string(),
    })?;
    parse(&name, &text)
}

/// Reads a config file's text; `name` is what errors call the file.
pub fn parse(name: &str, text: &str) -> Result<Config, ConfigError> {
    let error = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
        path: name.to_string(),
        line: span.map(|span| line_of(text, span.start)),
        message: crate::import::clean::clean(&message),
    };
    let raw: RawConfig =
        toml::from_str(text).map_err(|e| error(e.span(), e.message().trim().to_string()))?;
    let mut config = Config::default();
    if let Some(mouse) = raw.mouse {
        config.mouse = mouse;
    }
    if let Some(width) = raw.max_width {
        config.max_width = match *width.get_ref() {
            0 => None,
            n => Some(
                u16::try_from(n)
                    .ok()
                    .filter(|&n| n >= MIN_WIDTH)
                    .ok_or_else(|| {
                        error(
                            Some(width.span()),
                            format!(
                                "max_width must be 0 (the pane's width) or {MIN_WIDTH} to 65535, not {n}"
                            ),
                        )
                    })?,
            ),
        };
    }
    if let Some(scope) = raw.search_scope {
        config.search_scope = Scope::ALL
            .into_iter()
            .find(|s| s.name() == scope.get_ref().as_str())
            .ok_or_else(|| {
                let names: Vec<&str> = Scope::ALL.iter().map(|s| s.name()).collect();
                error(
                    Some(scope.span()),
                    format!(
                        "unknown search scope `{}` (one of {})",
                        scope.get_ref(),
                        names.join(", ")
                    ),
                )
            })?;
    }
    if let Some(colors) = raw.colors {
        config.colors = read_colors(colors, &config.colors).map_err(|(span, m)| error(span, m))?;
    }
    if let Some(keys) = raw.keys {
        config.keymap = read_keys(&keys).map_err(|(span, m)| error(span, m))?;
    }
    Ok(config)
}

/// The shortest `max_width` worth having: narrower text is hard to read.
pub const MIN_WIDTH: u16 = 20;

type SpannedError = (Option<std::ops::Range<usize>>, String);

fn read_colors(raw: RawColors, defaults: &Colors) -> Result<Colors, SpannedError> {
    let one = |value: Option<Spanned<String>>, default: Color| match value {
        None => Ok(default),
        Some(value) => color_named(value.get_ref()).ok_or_else(|| {
            (
                Some(value.span()),
                format!("unknown colour `{}` ({})", value.get_ref(), COLOR_HINT),
            )
        }),
    };
    let cycle = |value: Option<Spanned<Vec<String>>>, default: Cycle| {
        let Some(value) = value else {
            return Ok(default);
        };
        let colors = value
            .get_ref()
            .iter()
            .map(|name| {
                color_named(name).ok_or_else(|| {
                    (
                        Some(value.span()),
                        format!("unknown colour `{name}` ({COLOR_HINT})"),
                    )
                })
            })
            .collect::<Result<Vec<Color>, _>>()?;
        Cycle::new(&colors).ok_or_else(|| {
            (
                Some(value.span()),
                format!("a list of 1 to {} colours", Cycle::MAX),
            )
        })
    };
    Ok(Colors {
        accent: one(raw.accent, defaults.accent)?,
        link: one(raw.link, defaults.link)?,
        message: one(raw.message, defaults.message)?,
        matched: one(raw.matched, defaults.matched)?,
        original_poster: one(raw.original_poster, defaults.original_poster)?,
        new: one(raw.new, defaults.new)?,
        sources: cycle(raw.sources, defaults.sources)?,
        rails: cycle(raw.rails, defaults.rails)?,
    })
}

const COLOR_HINT: &str = "the terminal's named colours: black, red, green, yellow, blue, magenta, cyan, gray, dark_gray, light_red … white, default";

fn read_keys(keys: &BTreeMap<Spanned<String>, Spanned<OneOrMany>>) -> Result<Keymap, SpannedError> {
    let mut overrides: Vec<(&str, Vec<KeyPattern>)> = Vec::new();
    for (name, value) in keys {
        let patterns = value
            .get_ref()
            .names()
            .into_iter()
            .map(|key| {
                KeyPattern::parse(key).ok_or_else(|| {
                    (
                        Some(value.span()),
                        format!(
                            "unknown key name `{key}` for `{}` (a character, Ctrl-x, or a name such as Enter, Esc, Tab, Up, PageDown, F5)",
                            name.get_ref()
                        ),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        overrides.push((name.get_ref().as_str(), patterns));
    }
    Keymap::with_overrides(overrides.iter().map(|(n, k)| (*n, k.clone()))).map_err(|error| {
        let changed = |row: &str| keys.keys().any(|k| k.get_ref() == row);
        let row = error.row(&changed);
        let span = keys
            .iter()
            .find(|(name, _)| name.get_ref() == row)
            .map(|(name, _)| name.span());
        (span, format!("[keys]: {error}"))
    })
}

/// The line (from 1) of byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
