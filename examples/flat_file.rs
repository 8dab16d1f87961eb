//! Writes the flat file of an archive, or opens one the way the reader
//! would and tells what each step costs in time and resident memory.
//!
//! `cargo run --release --example flat_file -- write big.flat big.txt`
//! `cargo run --release --example flat_file -- open big.flat [QUERY]`
//!
//! Opening maps the file, checks its small sections, reads the corpus in
//! place, builds the reader's state and draws its first frame (120×40),
//! then reads the search index in place and runs QUERY ("trump" if none).

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use pundit::load::load_paths;
use pundit::model::bytes::Bytes;
use pundit::model::flat::{FlatFile, Verify, write_flat};
use pundit::model::{Corpus, PostId};
use pundit::search::{Mode, Query, Scope, SearchIndex};
use pundit::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn usage() -> ExitCode {
    eprintln!("usage: flat_file write OUT.flat ARCHIVE... | flat_file open FILE.flat [QUERY]");
    ExitCode::from(2)
}

/// The process's resident memory now and at its peak, as the kernel says.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .map_or("?".to_string(), |value| value.trim().to_string())
    };
    format!(
        "VmRSS {} (anon {}, file {}), VmHWM {}",
        field("VmRSS:"),
        field("RssAnon:"),
        field("RssFile:"),
        field("VmHWM:")
    )
}

/// The CPU time the process has used so far, in milliseconds: on a busy
/// machine a step's wall time says more about the others than about it.
fn cpu_ms() -> f64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` writes one `timespec` through a valid pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    now.tv_sec as f64 * 1000.0 + now.tv_nsec as f64 / 1e6
}

fn step(started: &mut Instant, what: &str) {
    static CPU_BEFORE: std::sync::Mutex<f64> = std::sync::Mutex::new(0.0);
    let cpu = cpu_ms();
    let mut before = CPU_BEFORE.lock().unwrap_or_else(|e| e.into_inner());
    eprintln!(
        "{what:<34} {:>8.1} ms ({:>7.1} ms CPU)  {}",
        started.elapsed().as_secs_f64() * 1000.0,
        cpu - *before,
        memory()
    );
    *before = cpu;
    *started = Instant::now();
}

fn write(out: &str, archives: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let mut clock = Instant::now();
    let paths: Vec<PathBuf> = archives.iter().map(PathBuf::from).collect();
    let loaded = load_paths(&paths)?;
    step(&mut clock, "parsed");
    let index = SearchIndex::new(&loaded.corpus);
    step(&mut clock, "indexed");
    let meta: Vec<String> = archives.to_vec();
    let file = BufWriter::with_capacity(1 << 20, File::create(out)?);
    write_flat(&loaded.corpus, &index, &meta, file)?;
    step(&mut clock, "written");
    eprintln!("{out}: {} bytes", std::fs::metadata(out)?.len());
    Ok(())
}

fn open(path: &str, query: &str) -> Result<(), Box<dyn std::error::Error>> {
    let mut clock = Instant::now();
    let started = clock;
    let bytes = Bytes::map(&File::open(path)?)?;
    let file = Arc::new(FlatFile::open(bytes, Verify::UpTo(1 << 20))?);
    step(&mut clock, "mapped, small sections checked");
    let corpus = Corpus::from_flat(Arc::clone(&file));
    step(
        &mut clock,
        &format!("corpus read in place: {} posts", corpus.len()),
    );
    // The tree alone, built once more than the reader needs: not counted
    // in the total.
    let probe = Instant::now();
    let tree = pundit::tui::tree::Tree::build(&corpus);
    let what = format!("(the tree alone: {} nodes)", tree.len());
    step(&mut clock, &what);
    drop(tree);
    let probed = probe.elapsed();
    clock = Instant::now();
    let mut app = App::new(corpus, (120, 40), true);
    step(&mut clock, "reader state (tree, first post)");
    let mut terminal = Terminal::new(TestBackend::new(120, 40))?;
    terminal.draw(|frame| pundit::tui::view::render(frame, &app))?;
    step(&mut clock, "first frame drawn");
    eprintln!(
        "{:<34} {:>9.1} ms",
        "open to first frame",
        (started.elapsed() - probed).as_secs_f64() * 1000.0
    );
    // Read marks, one post at a time across the archive, as `m` marks them.
    let posts = app.corpus.len();
    let marked = posts.min(1000);
    app.marks.set_read(PostId(0), true);
    step(&mut clock, "the first post marked read");
    for n in 1..marked {
        app.marks.set_read(PostId(n * posts / marked), true);
    }
    step(
        &mut clock,
        &format!("{} more marked, one at a time", marked.saturating_sub(1)),
    );
    let index = SearchIndex::from_flat(&file);
    step(&mut clock, "index read in place");
    let query = Query::new(query, Scope::Everything, Mode::Literal)?;
    let results = index.search(&query);
    step(&mut clock, &format!("search: {} matches", results.len()));
    index.search(&query);
    step(&mut clock, "the same search again");
    let mut unverified = (*file).clone();
    unverified.verify()?;
    step(&mut clock, "big sections checked");
    index.search(&query);
    step(&mut clock, "the same search, the file checked");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.as_slice() {
        [command, out, archives @ ..] if command == "write" && !archives.is_empty() => {
            write(out, archives)
        }
        [command, path] if command == "open" => open(path, "trump"),
        [command, path, query] if command == "open" => open(path, query),
        _ => return usage(),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("flat_file: {error}");
            ExitCode::FAILURE
        }
    }
}
