//! Importers: one module per archive format, each turning a file's text into
//! posts of the [`crate::model`]. They share the model and [`clean`], never
//! each other.

pub mod clean;
pub mod json;
pub mod text;
