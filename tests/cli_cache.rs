//! The cache of parsed archives as the headless commands use it: output
//! the same whether the archive is parsed or read from the cache, `--no-cache`,
//! `pundit cache clear`, damage, and small archives that leave nothing behind.
//!
//! Every run points `XDG_CACHE_HOME` into a directory of the test's own;
//! `PUNDIT_CACHE_MIN_SIZE=0` lets the small fixtures be cached.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/seed.txt");

/// A directory of the test's own holding the cache directory.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new(name: &str) -> Home {
        let dir = tempfile::Builder::new()
            .prefix(&format!("pundit-cli-cache-{name}-"))
            .tempdir()
            .expect("a temporary directory");
        Home { dir }
    }

    fn cache_dir(&self) -> PathBuf {
        self.dir.path().join("cache/pundit")
    }

    /// The cache's entries.
    fn entries(&self) -> Vec<PathBuf> {
        let Ok(read) = fs::read_dir(self.cache_dir()) else {
            return Vec::new();
        };
        let mut entries: Vec<PathBuf> = read.map(|e| e.unwrap().path()).collect();
        entries.sort();
        entries
    }

    /// `pundit args…`, caching archives of any size.
    fn run(&self, args: &[&str]) -> Output {
        self.run_caching_from("0", args)
    }

    fn run_caching_from(&self, min_size: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pundit"))
            .args(args)
            .env("XDG_CACHE_HOME", self.dir.path().join("cache"))
            .env("XDG_STATE_HOME", self.dir.path().join("state"))
            .env("HOME", self.dir.path())
            .env("PUNDIT_CACHE_MIN_SIZE", min_size)
            .output()
            .expect("the binary runs")
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The archives compared: the seed and every fixture a command reads.
fn archives() -> Vec<PathBuf> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut archives = vec![PathBuf::from(SEED)];
    for dir in ["", "archives", "formats"] {
        for entry in fs::read_dir(fixtures.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                archives.push(path);
            }
        }
    }
    archives.sort();
    archives
}

/// The same command three ways: parsed with `--no-cache`, parsed and
/// cached, read from the cache; the outputs and statuses must agree.
fn assert_same_from_the_cache(home: &Home, args: &[&str], what: &str) {
    let with = |extra: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(extra);
        home.run(&all)
    };
    let parsed = with(&["--no-cache"]);
    let first = with(&["--verbose"]);
    let second = with(&["--verbose"]);
    assert!(
        stderr(&second).contains("opened from the cache"),
        "{what}: {}",
        stderr(&second)
    );
    for (run, name) in [(&first, "first"), (&second, "cached")] {
        assert_eq!(run.status.code(), parsed.status.code(), "{what} ({name})");
        assert!(
            run.stdout == parsed.stdout,
            "{what}: the {name} run's output differs"
        );
    }
    // Warnings the load gave are repeated from the cache.
    let warnings = |output: &Output| -> Vec<String> {
        stderr(output)
            .lines()
            .filter(|line| !line.contains("the cache") && !line.contains("parsed in"))
            .map(String::from)
            .collect()
    };
    assert_eq!(warnings(&second), warnings(&parsed), "{what}: warnings");
}

#[test]
fn tree_export_and_search_print_the_same_from_the_cache() {
    let home = Home::new("same");
    let mut compared = 0;
    for archive in archives() {
        let path = archive.to_str().unwrap();
        if home.run(&["tree", "--no-cache", path]).status.code() != Some(0) {
            continue;
        }
        compared += 1;
        for args in [
            &["tree", path][..],
            &["export", path],
            &["search", "the", path],
            &["search", "--count", "e", path],
            &["search", "--scope", "comments", "reply", path],
            &["search", "--scope", "sources", "www", path],
            &["search", "--regex", "[0-9]{4}", path],
            &["search", "Government", path],
            &["search", "zzzqqqx", path],
        ] {
            assert_same_from_the_cache(&home, args, &format!("{args:?}"));
        }
    }
    assert!(compared >= 10, "only {compared} archives load");
}

#[test]
fn a_directory_with_skipped_files_warns_again_from_the_cache() {
    let home = Home::new("warnings");
    let dir = home.dir.path().join("archive");
    fs::create_dir_all(&dir).unwrap();
    fs::copy(SEED, dir.join("seed.txt")).unwrap();
    fs::write(dir.join("latin1.txt"), b"A title\n\nCaf\xe9 society\n").unwrap();
    let dir = dir.to_str().unwrap();
    let parsed = home.run(&["tree", "--no-cache", dir]);
    assert!(
        stderr(&parsed).contains("latin1.txt"),
        "{}",
        stderr(&parsed)
    );
    assert_same_from_the_cache(&home, &["tree", dir], "a directory with a skipped file");
}

#[test]
fn an_archive_changed_since_is_read_afresh() {
    let home = Home::new("stale");
    let archive = home.dir.path().join("archive.txt");
    fs::copy(SEED, &archive).unwrap();
    let path = archive.to_str().unwrap();
    home.run(&["tree", path]);
    let before = stdout(&home.run(&["tree", path]));
    let text = fs::read_to_string(SEED).unwrap();
    fs::write(&archive, text.replacen("Trump", "Trumpet", 1)).unwrap();
    let changed = home.run(&["tree", "-v", path]);
    assert!(
        stderr(&changed).contains("parsed in"),
        "{}",
        stderr(&changed)
    );
    // Staleness is no damage: nothing to warn of.
    assert!(
        !stderr(&changed).contains("damaged"),
        "{}",
        stderr(&changed)
    );
    let search = home.run(&["search", "-v", "Trumpet", path]);
    assert!(stderr(&search).contains("opened from the cache"));
    assert_eq!(search.status.code(), Some(0));
    assert_eq!(
        home.entries().len(),
        1,
        "the entry is replaced, not added to"
    );
    assert!(!before.is_empty());
}

#[test]
fn a_damaged_cache_is_rebuilt_with_one_warning() {
    let home = Home::new("damaged");
    let path = SEED;
    let expected = stdout(&home.run(&["search", "--no-cache", "the", path]));
    type Damage = fn(&mut Vec<u8>);
    let damages: [(&str, Damage); 4] = [
        ("a byte flipped", |bytes| {
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x01;
        }),
        ("cut short", |bytes| bytes.truncate(bytes.len() - 100)),
        ("replaced", |bytes| *bytes = b"something else".to_vec()),
        ("emptied", |bytes| bytes.clear()),
    ];
    for (what, damage) in damages {
        home.run(&["tree", path]);
        let [entry] = &home.entries()[..] else {
            panic!("one entry: {:?}", home.entries());
        };
        let mut bytes = fs::read(entry).unwrap();
        damage(&mut bytes);
        fs::write(entry, &bytes).unwrap();
        let damaged = home.run(&["search", "the", path]);
        let message = stderr(&damaged);
        assert_eq!(stdout(&damaged), expected, "{what}");
        assert_eq!(message.lines().count(), 1, "{what}: {message}");
        assert!(message.starts_with("pundit: cache: "), "{what}: {message}");
        assert!(message.contains("rebuilt"), "{what}: {message}");
        let again = home.run(&["search", "-v", "the", path]);
        assert!(
            stderr(&again).contains("opened from the cache"),
            "{what}: rebuilt: {}",
            stderr(&again)
        );
        assert_eq!(stdout(&again), expected, "{what}");
    }
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let home = Home::new("no-cache");
    home.run(&["tree", "--no-cache", SEED]);
    assert!(!home.cache_dir().exists());
    home.run(&["tree", SEED]);
    let [entry] = &home.entries()[..] else {
        panic!("one entry");
    };
    // An entry that would fail if it were read is not, with --no-cache.
    fs::write(entry, b"not a cache").unwrap();
    let output = home.run(&["tree", "--no-cache", "-v", SEED]);
    assert_eq!(output.status.code(), Some(0));
    assert!(!stderr(&output).contains("damaged"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("not cached"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read(entry).unwrap(), b"not a cache");
}

#[test]
fn cache_clear_says_what_it_removed() {
    let home = Home::new("clear");
    let output = home.run(&["cache", "clear"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).starts_with("The cache is empty"),
        "{}",
        stdout(&output)
    );
    home.run(&["tree", SEED]);
    let archive = home.dir.path().join("other.txt");
    fs::copy(SEED, &archive).unwrap();
    home.run(&["tree", archive.to_str().unwrap()]);
    assert_eq!(home.entries().len(), 2);
    let info = stdout(&home.run(&["cache", "info"]));
    assert!(info.contains("2 cached archives"), "{info}");
    let output = home.run(&["cache", "clear"]);
    let said = stdout(&output);
    assert!(said.starts_with("Removed 2 cached archives ("), "{said}");
    assert!(said.contains(home.cache_dir().to_str().unwrap()), "{said}");
    assert!(home.entries().is_empty());
}

#[test]
fn small_archives_and_the_bundled_corpus_leave_no_cache() {
    let home = Home::new("small");
    // The documented threshold, not the tests' zero.
    for args in [&["tree", SEED][..], &["tree"], &["search", "the", SEED]] {
        let output = home.run_caching_from("", args);
        assert_eq!(output.status.code(), Some(0));
    }
    assert!(!home.cache_dir().exists());
    assert!(!home.dir.path().join("cache").exists());
}
