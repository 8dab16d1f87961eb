//! Writes a synthetic plain-text archive for measuring pundit: the bundled
//! seed repeated, each copy's titles numbered so that every post is new, up
//! to the size asked for in megabytes (100 by default).
//!
//! `cargo run --release --example synthetic_archive -- 100 > big.txt`

use std::io::Write;
use std::process::ExitCode;

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

fn main() -> ExitCode {
    let megabytes = match std::env::args().nth(1).map(|arg| arg.parse::<usize>()) {
        None => 100,
        Some(Ok(megabytes)) => megabytes,
        Some(Err(_)) => {
            eprintln!("usage: synthetic_archive [MEGABYTES]");
            return ExitCode::from(2);
        }
    };
    let archive = synthetic::synthetic_archive(megabytes << 20);
    match std::io::stdout().lock().write_all(archive.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("synthetic_archive: {error}");
            ExitCode::FAILURE
        }
    }
}
