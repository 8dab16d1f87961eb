//! pundit: a terminal reader for commentary threads.
//!
//! The library is split along the data flow: [`corpus`] loads archives into an
//! immutable model, [`search`] finds text in it, and [`tui`] draws and drives
//! the reader. `corpus` and `search` know nothing of terminals.

pub mod cli;
pub mod commands;
pub mod corpus;
pub mod search;
pub mod tui;
