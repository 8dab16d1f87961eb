//! pundit: a terminal reader for commentary threads.
//!
//! The library is split along the data flow: [`load`] reads files through the
//! [`import`]ers into the immutable [`model`], [`topics`] derives its topic
//! tree, [`search`] finds text in it, and [`tui`] draws and drives the reader.
//! Nothing but `tui` knows of terminals.

pub mod cli;
pub mod commands;
pub mod import;
pub mod load;
pub mod model;
pub mod search;
pub mod short_word;
pub mod state;
pub mod topics;
pub mod tui;
