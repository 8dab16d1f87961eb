//! Loading the other formats: a WordPress export of 100 MB and 200 MB read
//! from disk as `pundit` reads it (streamed, topic tree included, and the
//! posts alone, before the topic tree), with the
//! peak memory `pundit tree` takes on it beside the text the corpus keeps;
//! an RSS feed and a saved archive page of 20 MB, imported and built into a
//! corpus.
//!
//! Run: `cargo bench --bench formats`

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pundit::import::{feed, html, wxr};
use pundit::load::load_paths;
use pundit::model::{Block, Corpus, Source};

#[path = "common/formats.rs"]
mod formats;

fn scratch_file(name: &str, content: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("pundit-bench-{}-{name}", std::process::id()));
    fs::write(&path, content).expect("the scratch file writes");
    path
}

fn load_file(path: &Path) -> Corpus {
    load_paths(&[path.to_path_buf()])
        .expect("the synthetic export loads")
        .corpus
}

/// Bytes of text a corpus keeps: every string of every post and comment.
fn text_kept(corpus: &Corpus) -> usize {
    let blocks = |blocks: &[Block]| blocks.iter().map(|b| b.text.len()).sum::<usize>();
    let sources = |sources: &[Source]| {
        sources
            .iter()
            .flat_map(|s| [&s.outlet, &s.headline, &s.url])
            .flatten()
            .map(String::len)
            .sum::<usize>()
    };
    let optional = |fields: &[&Option<String>]| {
        fields
            .iter()
            .copied()
            .flatten()
            .map(String::len)
            .sum::<usize>()
    };
    corpus
        .posts()
        .map(|post| {
            post.id.len()
                + post.title.len()
                + optional(&[&post.author, &post.date, &post.url])
                + post.tags.iter().map(String::len).sum::<usize>()
                + blocks(&post.blocks)
                + sources(&post.sources)
                + post
                    .comments
                    .iter()
                    .map(|c| {
                        c.id.len()
                            + optional(&[&c.author, &c.date, &c.label])
                            + blocks(&c.blocks)
                            + sources(&c.sources)
                    })
                    .sum::<usize>()
        })
        .sum()
}

/// The peak resident set of `pundit tree PATH`, in bytes: the binary as a
/// person runs it, in a process of its own, its `VmHWM` read until it
/// exits (Linux).
fn peak_memory_of_pundit(path: &Path) -> Option<u64> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pundit"))
        .arg("tree")
        .arg(path)
        .stdout(Stdio::null())
        .spawn()
        .ok()?;
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().ok()?.is_none() {
        let kilobytes = fs::read_to_string(&status).ok().and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        });
        peak = peak.max(kilobytes.unwrap_or(0) * 1024);
        std::thread::sleep(Duration::from_millis(1));
    }
    (peak > 0).then_some(peak)
}

/// Prints the peak memory of loading `path` in pundit beside the text the
/// corpus keeps.
fn report_peak_memory(label: &str, path: &Path) {
    let corpus = load_file(path);
    let kept = text_kept(&corpus);
    let posts = corpus.len();
    drop(corpus);
    match peak_memory_of_pundit(path) {
        Some(peak) => eprintln!(
            "{label}: pundit's peak memory {:.0} MB for {:.0} MB of text kept ({:.2}×), {posts} posts",
            peak as f64 / 1e6,
            kept as f64 / 1e6,
            peak as f64 / kept as f64,
        ),
        None => eprintln!(
            "{label}: peak memory not measured ({:.0} MB of text kept)",
            kept as f64 / 1e6
        ),
    }
}

fn wordpress_export(c: &mut Criterion) {
    let mut group = c.benchmark_group("wxr");
    group.sample_size(10);
    for megabytes in [100, 200] {
        let path = {
            let export = formats::synthetic_wxr(megabytes * 1_000_000);
            scratch_file(&format!("{megabytes}.xml"), &export)
        };
        let size = fs::metadata(&path)
            .expect("the scratch file is there")
            .len();
        report_peak_memory(&format!("wxr/{megabytes} MB"), &path);
        group.throughput(Throughput::Bytes(size));
        // Loading is measured, not freeing: pundit keeps its corpus until
        // it exits, and never frees it then.
        group.bench_function(format!("{megabytes} MB"), |b| {
            b.iter_with_large_drop(|| load_file(black_box(&path)))
        });
        // The importer alone: the posts, before the topic tree is derived.
        group.bench_function(format!("{megabytes} MB, posts only"), |b| {
            b.iter_with_large_drop(|| {
                let file = fs::File::open(black_box(&path)).expect("the scratch file opens");
                let input = std::io::BufReader::with_capacity(1 << 16, file);
                wxr::read("bench.xml", input, &mut |_| {}).expect("the export reads")
            })
        });
        let _ = fs::remove_file(&path);
    }
    group.finish();
}

fn feeds_and_pages(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    let rss = formats::synthetic_rss(20_000_000);
    group.throughput(Throughput::Bytes(rss.len() as u64));
    group.bench_function("rss 20 MB", |b| {
        b.iter_with_large_drop(|| {
            Corpus::new(
                feed::parse_rss("bench.xml", black_box(&rss)).expect("parses"),
                None,
            )
        })
    });
    drop(rss);
    let page = formats::synthetic_archive_page(20_000_000);
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("html 20 MB", |b| {
        b.iter_with_large_drop(|| {
            Corpus::new(
                html::parse("bench.html", black_box(&page)).expect("parses"),
                None,
            )
        })
    });
    group.finish();
}

criterion_group!(benches, wordpress_export, feeds_and_pages);
criterion_main!(benches);
