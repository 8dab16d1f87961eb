//! Memory is bounded per input: `pundit search` streams, so its peak is
//! that of `pundit tree` on the same archive whatever the query (a common
//! letter matches in nearly every field), and a single-line archive, one
//! paragraph as long as the file, costs at most twice its size beyond the
//! program's own footprint (the same command's peak on a one-post archive:
//! the binary's code and tables, which grow with every format it reads,
//! are no part of what an archive costs).
//!
//! Peaks are the kernel's maximum resident set of each child (wait4), so
//! the figures are ratios of two runs on one machine, not timings. A child
//! started from this process inherits its peak as a floor, so the archives
//! are written a line at a time, never held here, and the runs are made
//! one after another from one test.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use pundit::import::clean::clean;
use pundit::load::{BUNDLED, load_bundled};

/// A directory in the build's own scratch space, under one name: its
/// archives (20 MB) are rewritten by each run, not left behind by every one.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("memory-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Runs `pundit args…` with its output thrown away, parsing the archive
/// every time (`--no-cache`: what is measured is the parse); returns its
/// exit status and its peak resident memory in bytes.
// The child is reaped by wait4, which also gives its peak; `Child::wait`
// would give the status only.
#[allow(clippy::zombie_processes)]
fn peak_of(args: &[&str]) -> (i32, u64) {
    let child = Command::new(env!("CARGO_BIN_EXE_pundit"))
        .args(args)
        .arg("--no-cache")
        .env("XDG_CACHE_HOME", scratch_cache())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; the child is ours
    // and is reaped here, never by `Child::wait`.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        let reaped = libc::wait4(pid, &mut status, 0, &mut usage);
        assert_eq!(reaped, pid, "wait4 failed");
        usage
    };
    assert!(libc::WIFEXITED(status), "pundit {args:?} was killed");
    // Linux reports ru_maxrss in kilobytes.
    (libc::WEXITSTATUS(status), usage.ru_maxrss as u64 * 1024)
}

/// A cache directory no run should write to (`--no-cache`), should one.
fn scratch_cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("memory-cache")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The peak resident memory of this process's own address space, in bytes
/// (`VmHWM`: unlike its rusage, it leaves out what was inherited from the
/// process that started this one).
fn own_peak() -> u64 {
    let status = fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status
        .lines()
        .find(|line| line.starts_with("VmHWM:"))
        .expect("a VmHWM line");
    let kilobytes: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("VmHWM in kB");
    kilobytes * 1024
}

/// Writes the bundled seed repeated, each copy's titles numbered, until
/// the file holds `bytes`: the archive of the load benchmark.
fn write_synthetic(path: &Path, bytes: u64) {
    let titles: Vec<String> = load_bundled()
        .into_posts()
        .into_iter()
        .map(|p| p.title)
        .collect();
    let mut out = BufWriter::new(fs::File::create(path).expect("create"));
    let mut written = 0;
    let mut copy = 0;
    while written < bytes {
        copy += 1;
        for line in BUNDLED.split('\n') {
            let numbered = if titles.iter().any(|t| *t == clean(line)) {
                format!("{line} number {copy}\n")
            } else {
                format!("{line}\n")
            };
            out.write_all(numbered.as_bytes()).expect("write");
            written += numbered.len() as u64;
        }
        out.write_all(b"\n").expect("write");
        written += 1;
    }
    out.flush().expect("flush");
}

/// Writes one line of `bytes` (a sentence repeated) and a line break.
fn write_one_line(path: &Path, bytes: u64) {
    let sentence = b"Lorem ipsum dolor sit amet, said Macron to Ardern in Paris. ";
    let mut out = BufWriter::new(fs::File::create(path).expect("create"));
    for _ in 0..bytes / sentence.len() as u64 {
        out.write_all(sentence).expect("write");
    }
    out.write_all(b"\n").expect("write");
    out.flush().expect("flush");
}

#[test]
fn search_streams_and_a_single_line_archive_costs_two_copies_of_itself_at_most() {
    let dir = scratch("peaks");
    let archive = dir.join("archive.txt");
    write_synthetic(&archive, 8 << 20);
    let archive = path_str(&archive);
    let (status, tree) = peak_of(&["tree", archive]);
    assert_eq!(status, 0);
    // A floor inherited from this process would hide the child's own peak.
    assert!(
        own_peak() * 2 < tree,
        "this process peaked at {} bytes",
        own_peak()
    );
    for args in [
        &["search", "e", archive][..],
        &["search", "--count", "e", archive],
        &["search", "--count", "the", archive],
        &["search", "--count", "zzzqqq", archive],
    ] {
        let (status, search) = peak_of(args);
        assert!(status <= 1, "{args:?}: status {status}");
        let ratio = search as f64 / tree as f64;
        eprintln!("{args:?}: {search} bytes, {ratio:.3} × tree's {tree}");
        assert!(ratio <= 1.10, "{args:?} peaks at {ratio:.2} × tree");
    }

    let line = dir.join("one-line.txt");
    let size = 12 << 20;
    write_one_line(&line, size);
    let line = path_str(&line);
    let small = dir.join("one-post.txt");
    fs::write(&small, "A title\n\nOne short paragraph of a post.\n").expect("write");
    let small = path_str(&small);
    for args in [
        &["tree"][..],
        &["search", "--count", "e"],
        &["search", "e"],
        &["export"],
    ] {
        // The least of three runs: the program's own footprint (its
        // threads' stacks, the allocator's first pages) varies by more than
        // a mebibyte from run to run.
        let run = |file: &str| {
            let mut args = args.to_vec();
            args.push(file);
            (0..3)
                .map(|_| {
                    let (status, peak) = peak_of(&args);
                    assert!(status <= 1, "{args:?}: status {status}");
                    peak
                })
                .min()
                .expect("three runs")
        };
        let (peak, footprint) = (run(line), run(small));
        let cost = peak.saturating_sub(footprint);
        let ratio = cost as f64 / size as f64;
        eprintln!(
            "{args:?}: {peak} bytes, {footprint} of them the program's own: {ratio:.2} × the file"
        );
        // Two copies at most, the bytes read and the text split from them,
        // and a mebibyte for what the parse keeps beside the text.
        assert!(
            cost <= 2 * size + (1 << 20),
            "{args:?} costs {ratio:.2} × the file"
        );
    }
}
