//! The `pundit` binary: parses the command line, runs the library, and maps
//! errors to exit statuses (0 ok, 1 nothing found, 2 error).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, Parser};
use pundit::cli::{CacheCommand, Cli, Command};
use pundit::commands;
use pundit::import::clean::clean;
use pundit::load::LoadError;
use pundit::load::cached::{Opened, Origin, open_archive};
use pundit::model::flat::Verify;
use pundit::search::SearchIndex;
use pundit::state::cache::{self, Cache};
use pundit::tui::config;

/// jemalloc rather than the system allocator: loading a plain-text archive
/// makes and frees millions of small strings from both cores at once, which
/// glibc's malloc serves more slowly (its arenas contend and fragment);
/// jemalloc is what rustc itself uses on Linux, and keeps the peak memory
/// where it was.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            // Cleaned like article text: an error can quote a file's name
            // or its content, either of which can hold escape sequences.
            eprintln!("pundit: {}", clean(&error.to_string()));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // `--no-cache`: neither read nor written.
    let cache = (!cli.no_cache).then(Cache::in_cache_dir).flatten();
    let headless = Headless {
        cache: cache.clone(),
        verbose: cli.verbose,
    };
    match cli.command {
        None => {
            check_not_a_mistyped_subcommand(&cli.paths)?;
            let config = config::load(cli.config.as_deref())?;
            let code = pundit::tui::run(&cli.paths, config, cli.fresh, cache.clone());
            // The terminal is back; a cache entry still being written is
            // finished, so that the next open finds it.
            if cache::writes_pending() {
                eprintln!(
                    "pundit: finishing the cache of this archive for the next open (Ctrl-C skips it)"
                );
                cache::wait_for_writes();
            }
            if let Some(cache) = &cache {
                cache.remove_own_temporaries();
            }
            code
        }
        Some(Command::Config(args)) if args.default => finish_output(
            io::stdout()
                .lock()
                .write_all(config::default_file().as_bytes()),
        ),
        Some(Command::Config(_)) => {
            let path = config::file_in_force(cli.config.as_deref());
            let message = match &path {
                Some(path) if cli.config.is_some() || path.exists() => {
                    config::read_file(path)?;
                    format!("{}: ok", clean(&path.display().to_string()))
                }
                Some(path) => format!(
                    "{}: no such file; the defaults are in force (`pundit config --default` prints them)",
                    clean(&path.display().to_string())
                ),
                None => "no home directory: the defaults are in force".to_string(),
            };
            finish_output(writeln!(io::stdout().lock(), "{message}"))
        }
        Some(Command::Completions(args)) => {
            let mut out = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "pundit", &mut out);
            finish_output(io::stdout().lock().write_all(&out))
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut out)?;
            finish_output(io::stdout().lock().write_all(&out))
        }
        Some(Command::Cache(CacheCommand::Clear)) => {
            let cache = Cache::in_cache_dir()
                .ok_or_else(|| anyhow::anyhow!("no home directory: there is no cache"))?;
            let cleared = cache.clear()?;
            let message = commands::cache_cleared(cache.dir(), cleared);
            finish_output(writeln!(io::stdout().lock(), "{message}"))
        }
        Some(Command::Cache(CacheCommand::Info)) => {
            let cache = Cache::in_cache_dir()
                .ok_or_else(|| anyhow::anyhow!("no home directory: there is no cache"))?;
            let message = commands::cache_info(cache.dir(), cache.contents()?, cache.limit());
            finish_output(writeln!(io::stdout().lock(), "{message}"))
        }
        Some(Command::Export(args)) => {
            let opened = headless.open(&args.paths)?;
            let written = commands::write_export(&opened.corpus, &mut io::stdout().lock());
            headless.finish(opened, finish_output(written))
        }
        Some(Command::Tree(args)) => {
            let opened = headless.open(&args.paths)?;
            let written = commands::write_tree(&opened.corpus, &mut io::stdout().lock());
            headless.finish(opened, finish_output(written))
        }
        Some(Command::Search(args)) => {
            let mut opened = headless.open(&args.paths)?;
            // An archive about to be cached needs its index for the cache:
            // built once here, it serves the search too, where searching
            // the corpus and then indexing it would fold the text twice.
            if opened.index.is_none() && matches!(opened.origin, Origin::Parsed(Some(_))) {
                opened.index = Some(SearchIndex::new(&opened.corpus));
            }
            let mut out = io::stdout().lock();
            let (scope, mode) = args.scope_and_mode();
            let found = commands::write_search(
                &opened.corpus,
                opened.index.as_ref(),
                &args.query,
                scope,
                mode,
                args.count,
                &mut out,
            );
            drop(out);
            let code = match found {
                Ok(0) if !args.count => Ok(ExitCode::from(1)),
                Ok(0) => finish_output(Ok(())).map(|_| ExitCode::from(1)),
                other => finish_output(other.map(|_| ())),
            };
            headless.finish(opened, code)
        }
    }
}

/// How the headless commands (`export`, `tree`, `search`) use the cache.
struct Headless {
    cache: Option<Cache>,
    verbose: bool,
}

impl Headless {
    /// Opens the archive from the cache, fully checked, or parses it; its
    /// warnings go to standard error.
    fn open(&self, paths: &[PathBuf]) -> Result<Opened, LoadError> {
        let started = Instant::now();
        let opened = open_archive(paths, self.cache.as_ref(), Verify::All, &mut |_, _| {})?;
        for warning in &opened.warnings {
            eprintln!("pundit: {}", clean(&warning.to_string()));
        }
        if self.verbose {
            let took = started.elapsed().as_millis();
            let how = match &opened.origin {
                Origin::Cache(from) => format!(
                    "opened from the cache ({}) in {took} ms",
                    from.entry.file().display()
                ),
                Origin::Parsed(Some(_)) => format!("parsed in {took} ms"),
                Origin::Parsed(None) => format!("parsed in {took} ms (not cached)"),
            };
            eprintln!("pundit: {}", clean(&how));
        }
        Ok(opened)
    }

    /// After the output is flushed (and closed, so that a pipe's reader is
    /// not kept waiting), writes the cache entry of an archive just parsed.
    /// A cache that cannot be written is said on standard error and
    /// changes nothing else.
    fn finish(&self, opened: Opened, code: anyhow::Result<ExitCode>) -> anyhow::Result<ExitCode> {
        if let (Ok(_), Origin::Parsed(Some(to_write))) = (&code, opened.origin) {
            close_standard_output();
            let started = Instant::now();
            let file = to_write.entry.file().display().to_string();
            match to_write.write(&opened.corpus, opened.index.as_ref()) {
                Ok(size) if self.verbose => eprintln!(
                    "pundit: {}",
                    clean(&commands::cache_written(&file, size, started.elapsed()))
                ),
                Ok(_) => {}
                Err(error) => eprintln!("pundit: {}", clean(&format!("{file}: {error}"))),
            }
        }
        // The corpus is never freed: the process ends when the command is
        // done, and freeing a large corpus piece by piece would only delay
        // the exit.
        std::mem::forget(opened.corpus);
        code
    }
}

/// Points standard output at /dev/null: what was written is flushed, and a
/// pipe's reader sees its end while the cache is written.
fn close_standard_output() {
    let _ = io::stdout().flush();
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        use std::os::fd::AsRawFd;
        // SAFETY: dup2 of two descriptors this process owns, no pointers.
        unsafe { libc::dup2(null.as_raw_fd(), libc::STDOUT_FILENO) };
    }
}

/// `pundit serach x` reads as two PATHs: when the first does not exist and
/// looks like a subcommand, say so rather than only that it is missing.
fn check_not_a_mistyped_subcommand(paths: &[PathBuf]) -> anyhow::Result<()> {
    let Some(first) = paths.first() else {
        return Ok(());
    };
    if first.symlink_metadata().is_ok() {
        return Ok(());
    }
    if let Some(name) = first.to_str().and_then(pundit::cli::subcommand_like) {
        anyhow::bail!(
            "{}: no such file or directory; did you mean `{name}`?",
            first.display()
        );
    }
    Ok(())
}

/// A closed pipe (`pundit tree | head`) is the reader's choice, not an error.
fn finish_output(result: io::Result<()>) -> anyhow::Result<ExitCode> {
    match result.and_then(|()| io::stdout().flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
