//! Writes a synthetic archive for measuring pundit: the bundled seed
//! repeated, each copy's titles numbered so that every post is new, up to
//! the size asked for in megabytes (100 by default), as plain text (the
//! default; with `--threads`, a comment thread under every post), a
//! WordPress export (`wxr`), an RSS feed (`rss`) or a saved archive page
//! (`html`).
//!
//! `cargo run --release --example synthetic_archive -- 100 > big.txt`
//! `cargo run --release --example synthetic_archive -- 100 --threads > threads.txt`
//! `cargo run --release --example synthetic_archive -- 100 wxr > big.xml`
//!
//! Plain text is written a copy of the seed at a time, so that
//! `synthetic_archive -- 1024 --threads > threads.txt` writes a gigabyte
//! in a few megabytes of memory.

use std::io::Write;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: synthetic_archive [MEGABYTES] [--threads | wxr | rss | html]");
    ExitCode::from(2)
}

#[path = "../benches/common/synthetic.rs"]
mod synthetic;

#[path = "../benches/common/formats.rs"]
mod formats;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (sizes, kinds): (Vec<&String>, Vec<&String>) = args
        .iter()
        .partition(|arg| arg.bytes().all(|b| b.is_ascii_digit()));
    let megabytes = match sizes.as_slice() {
        [] => 100,
        [size] => match size.parse::<usize>() {
            Ok(megabytes) => megabytes,
            Err(_) => return usage(),
        },
        _ => return usage(),
    };
    let bytes = megabytes << 20;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // Plain text is written a copy of the seed at a time, so that a
    // gigabyte archive takes no gigabyte of memory.
    let written = match kinds.as_slice() {
        [] => synthetic::write_archive(&mut out, bytes, false),
        [kind] => match kind.as_str() {
            "--threads" => synthetic::write_archive(&mut out, bytes, true),
            "wxr" => out.write_all(formats::synthetic_wxr(bytes).as_bytes()),
            "rss" => out.write_all(formats::synthetic_rss(bytes).as_bytes()),
            "html" => out.write_all(formats::synthetic_archive_page(bytes).as_bytes()),
            _ => return usage(),
        },
        _ => return usage(),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("synthetic_archive: {error}");
            ExitCode::FAILURE
        }
    }
}
