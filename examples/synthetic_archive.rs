//! Writes a synthetic plain-text archive for measuring pundit: the bundled
//! seed repeated, each copy's titles numbered so that every post is new, up
//! to the size asked for in megabytes (100 by default); with `--threads`, a
//! comment thread under every post.
//!
//! `cargo run --release --example synthetic_archive -- 100 > big.txt`
//! `cargo run --release --example synthetic_archive -- 100 --threads > threads.txt`

use std::io::Write;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: synthetic_archive [MEGABYTES] [--threads]");
    ExitCode::from(2)
}

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let threads = args.iter().any(|arg| arg == "--threads");
    let sizes: Vec<&String> = args.iter().filter(|arg| *arg != "--threads").collect();
    let megabytes = match sizes.as_slice() {
        [] => 100,
        [size] => match size.parse::<usize>() {
            Ok(megabytes) => megabytes,
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    let archive = if threads {
        synthetic::synthetic_archive_with_threads(megabytes << 20)
    } else {
        synthetic::synthetic_archive(megabytes << 20)
    };
    match std::io::stdout().lock().write_all(archive.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("synthetic_archive: {error}");
            ExitCode::FAILURE
        }
    }
}
