//! Command-line definitions for `pundit` and its subcommands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::search::{Mode, Scope};

/// A terminal reader for commentary threads: topics, articles with their
/// quotes, and the sources they cite.
#[derive(Debug, Parser)]
#[command(name = "pundit", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Archives to read: plain-text or native JSON files, or directories of
    /// them. None: the bundled corpus.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Open at the top of the first post instead of where this archive was
    /// left (what was read is still remembered).
    #[arg(long)]
    pub fresh: bool,

    /// Read this config file instead of config.toml in the config directory.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    /// Neither read nor write the cache of parsed archives: parse the
    /// archive afresh and leave nothing behind.
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Say on standard error where the archive was read from (the cache or
    /// the files) and what was written to the cache (headless commands).
    #[arg(long, short, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the corpus as native JSON to standard output.
    Export(PathsArgs),
    /// Print the topic tree: topics with post counts, post titles under them.
    Tree(PathsArgs),
    /// Print the blocks that match QUERY, one per line: `<post id>:<block>: <text>`.
    ///
    /// Blocks are numbered from 1; a matching title prints as block 0, a
    /// comment's block as `c<comment>.<block>` (comments as the post lists
    /// them, both from 1), and a matching source as `<post id>:s<n>: <outlet — headline —
    /// url>` (sources numbered from 1). A title, block or source prints once
    /// however many matches it has. Exit status: 0 if something matched, 1 if
    /// nothing did, 2 on error.
    Search(SearchArgs),
    /// Check the config file (the one `--config` names, else the default
    /// one) and say where it is; with `--default`, print a complete,
    /// commented config file with every default.
    Config(ConfigArgs),
    /// Print a completion script for SHELL to standard output.
    Completions(CompletionsArgs),
    /// Print pundit's man page (roff) to standard output.
    Man,
    /// Manage the cache of parsed archives (in the platform's cache
    /// directory), which makes large archives reopen at once.
    #[command(subcommand)]
    Cache(CacheCommand),
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Remove every cached archive and say what was removed.
    Clear,
    /// Say where the cache is and what it holds.
    Info,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the default config file instead of checking one.
    #[arg(long)]
    pub default: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct PathsArgs {
    /// Archives to read (files or directories). None: the bundled corpus.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Print only the number of lines that would be printed (matching blocks,
    /// titles and sources).
    #[arg(long)]
    pub count: bool,

    /// What to search: a post's own words, its quotes, its sources and
    /// citations, or its comment thread.
    #[arg(long, value_enum, default_value_t = SearchScope::Everything)]
    pub scope: SearchScope,

    /// Read QUERY as a regular expression (the syntax of Rust's regex crate).
    #[arg(long)]
    pub regex: bool,

    /// What to look for: smart case, accents folded, several words as a phrase.
    pub query: String,

    /// Archives to read (files or directories). None: the bundled corpus.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The subcommand `word` looks like a slip of the keyboard for, if any:
/// one with at most two letters added, dropped, changed or swapped (the
/// Damerau–Levenshtein distance, as clap's own suggestions measure
/// closeness), and at most a third of its letters. A mistyped subcommand
/// reaches pundit as a PATH, the first one, since a subcommand comes first.
///
/// `serach` and `tre` suggest `search` and `tree`; `notes.txt` and `s`
/// suggest nothing.
pub fn subcommand_like(word: &str) -> Option<String> {
    use clap::CommandFactory;
    let command = Cli::command();
    command
        .get_subcommands()
        .map(|sub| sub.get_name())
        .filter(|&name| name != "help")
        .map(|name| (strsim::damerau_levenshtein(word, name), name))
        .filter(|&(distance, name)| distance <= 2 && distance * 3 <= name.len())
        .min()
        .map(|(_, name)| name.to_string())
}

/// The scopes of `pundit search --scope`, as the reader's prompt names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchScope {
    Everything,
    Commentary,
    Quotes,
    Sources,
    Comments,
}

impl SearchArgs {
    /// The scope and mode the query runs in.
    pub fn scope_and_mode(&self) -> (Scope, Mode) {
        let scope = match self.scope {
            SearchScope::Everything => Scope::Everything,
            SearchScope::Commentary => Scope::Commentary,
            SearchScope::Quotes => Scope::Quotes,
            SearchScope::Sources => Scope::Sources,
            SearchScope::Comments => Scope::Comments,
        };
        let mode = if self.regex {
            Mode::Regex
        } else {
            Mode::Literal
        };
        (scope, mode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn bare_paths_open_the_reader() {
        let cli = Cli::try_parse_from(["pundit", "a.txt", "b.json"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.paths.len(), 2);
    }

    #[test]
    fn search_takes_count_query_and_paths() {
        let cli = Cli::try_parse_from(["pundit", "search", "--count", "trump", "x.txt"]).unwrap();
        match cli.command {
            Some(Command::Search(args)) => {
                assert!(args.count);
                assert_eq!(args.query, "trump");
                assert_eq!(args.paths, [PathBuf::from("x.txt")]);
                assert_eq!(args.scope_and_mode(), (Scope::Everything, Mode::Literal));
            }
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn a_slip_of_the_keyboard_suggests_the_subcommand() {
        assert_eq!(subcommand_like("serach").as_deref(), Some("search"));
        assert_eq!(subcommand_like("tre").as_deref(), Some("tree"));
        assert_eq!(subcommand_like("exprot").as_deref(), Some("export"));
        for unrelated in ["notes.txt", "s", "", "archive", "tests"] {
            assert_eq!(subcommand_like(unrelated), None, "{unrelated}");
        }
    }

    #[test]
    fn the_reader_takes_fresh_and_a_config_anywhere() {
        let cli =
            Cli::try_parse_from(["pundit", "--fresh", "a.txt", "--config", "c.toml"]).unwrap();
        assert!(cli.fresh && cli.command.is_none());
        assert_eq!(cli.config, Some(PathBuf::from("c.toml")));
        let cli = Cli::try_parse_from(["pundit", "config", "--config", "c.toml"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Config(ConfigArgs { default: false }))
        ));
        assert_eq!(cli.config, Some(PathBuf::from("c.toml")));
        assert!(Cli::try_parse_from(["pundit", "completions", "tcsh"]).is_err());
    }

    #[test]
    fn the_cache_can_be_cleared_or_left_alone_anywhere() {
        let cli = Cli::try_parse_from(["pundit", "cache", "clear"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Cache(CacheCommand::Clear))
        ));
        let cli = Cli::try_parse_from(["pundit", "--no-cache", "a.txt"]).unwrap();
        assert!(cli.no_cache && cli.command.is_none());
        let cli = Cli::try_parse_from(["pundit", "tree", "a.txt", "--no-cache", "-v"]).unwrap();
        assert!(cli.no_cache && cli.verbose);
        assert!(Cli::try_parse_from(["pundit", "cache"]).is_err());
    }

    #[test]
    fn search_takes_a_scope_and_regex() {
        let cli =
            Cli::try_parse_from(["pundit", "search", "--scope", "comments", "--regex", "t.x"])
                .unwrap();
        match cli.command {
            Some(Command::Search(args)) => {
                assert_eq!(args.scope_and_mode(), (Scope::Comments, Mode::Regex));
                assert_eq!(args.query, "t.x");
            }
            other => panic!("parsed as {other:?}"),
        }
        assert!(Cli::try_parse_from(["pundit", "search", "--scope", "titles", "x"]).is_err());
    }
}
