//! Everything that touches the terminal (placeholder until the reader lands).

use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the reader on `paths` (the bundled corpus when empty).
pub fn run(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let loaded = crate::corpus::load_paths(paths)?;
    crate::commands::write_tree(&loaded.corpus, &mut std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}
