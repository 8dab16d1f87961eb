//! The `pundit` binary: parses the command line, runs the library, and maps
//! errors to exit statuses (0 ok, 1 nothing found, 2 error).

use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use pundit::cli::{Cli, Command};
use pundit::commands;
use pundit::import::clean::clean;
use pundit::load::{LoadError, load_paths};
use pundit::model::Corpus;
use pundit::tui::config;

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
    match cli.command {
        None => {
            check_not_a_mistyped_subcommand(&cli.paths)?;
            let config = config::load(cli.config.as_deref())?;
            pundit::tui::run(&cli.paths, config, cli.fresh)
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
        Some(Command::Export(args)) => {
            let corpus = load(&args.paths)?;
            finish_output(commands::write_export(&corpus, &mut io::stdout().lock()))
        }
        Some(Command::Tree(args)) => {
            let corpus = load(&args.paths)?;
            finish_output(commands::write_tree(&corpus, &mut io::stdout().lock()))
        }
        Some(Command::Search(args)) => {
            let corpus = load(&args.paths)?;
            let mut out = io::stdout().lock();
            let (scope, mode) = args.scope_and_mode();
            let found =
                commands::write_search(&corpus, &args.query, scope, mode, args.count, &mut out);
            match found {
                Ok(0) if !args.count => Ok(ExitCode::from(1)),
                Ok(0) => {
                    finish_output(Ok(()))?;
                    Ok(ExitCode::from(1))
                }
                other => finish_output(other.map(|_| ())),
            }
        }
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

/// The corpus is never freed: the process ends when the command is done,
/// and freeing a large corpus piece by piece would only delay the exit.
fn load(paths: &[PathBuf]) -> Result<ManuallyDrop<Corpus>, LoadError> {
    let loaded = load_paths(paths)?;
    for warning in &loaded.warnings {
        eprintln!("pundit: {}", clean(&warning.to_string()));
    }
    Ok(ManuallyDrop::new(loaded.corpus))
}

/// A closed pipe (`pundit tree | head`) is the reader's choice, not an error.
fn finish_output(result: io::Result<()>) -> anyhow::Result<ExitCode> {
    match result.and_then(|()| io::stdout().flush()) {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
