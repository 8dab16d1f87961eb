//! Everything that touches the terminal: the reader's state, keys, drawing
//! and the event loop.
//!
//! Data flows one way: the corpus is loaded once; keys become [`Action`]s
//! through the [`keymap`]; [`update::update`] changes the [`App`]; and
//! [`view::render`] draws it without changing anything.

pub mod action;
pub mod app;
pub mod browser;
pub mod clipboard;
pub mod config;
pub mod filter;
pub mod handover;
pub mod input;
pub mod jump;
pub mod jumplist;
pub mod keymap;
mod loader;
pub mod marks;
pub mod provenance;
pub mod remember;
pub mod results;
pub mod search;
pub mod signals;
pub mod terminal;
pub mod thread;
pub mod tree;
pub mod update;
pub mod view;
pub mod width;
pub mod wrap;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

pub use action::Action;
pub use app::{App, Focus, Overlay};

/// Opens the reader on `paths` (the bundled corpus when empty).
///
/// Fails at once when standard output is not a terminal: the reader needs
/// one, and the headless subcommands print what a pipe wants.
pub fn run(
    paths: &[PathBuf],
    config: config::Config,
    fresh: bool,
    cache: Option<crate::state::cache::Cache>,
) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!(
            "standard output is not a terminal; use `pundit tree` or `pundit export` to print the corpus"
        );
    }
    terminal::run(paths, config, colors_wanted(), fresh, cache)
}

/// Colour unless `NO_COLOR` is set to something (see no-color.org).
pub fn colors_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}
