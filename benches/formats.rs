//! Loading the other formats: a WordPress export of 100 MB and 200 MB read
//! from disk as `pundit` reads it (streamed, topic tree included), with the
//! peak memory it takes beside the text it keeps; an RSS feed and a saved
//! archive page of 20 MB, imported and built into a corpus.
//!
//! Run: `cargo bench --bench formats`

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pundit::import::{feed, html};
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
        .posts
        .iter()
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

/// The resident set's current size and its peak, in bytes (Linux).
fn resident() -> Option<(u64, u64)> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kilobytes * 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

/// Loads `path` once and prints how far the peak resident set rose above
/// where it stood before, beside the text the corpus keeps. Linux only:
/// writing 5 to `clear_refs` resets the recorded peak.
fn report_peak_memory(label: &str, path: &Path) {
    if fs::write("/proc/self/clear_refs", "5").is_err() {
        eprintln!("{label}: peak memory not measured (no /proc/self/clear_refs)");
        return;
    }
    let Some((before, _)) = resident() else {
        return;
    };
    let corpus = load_file(path);
    let Some((_, peak)) = resident() else {
        return;
    };
    let kept = text_kept(&corpus);
    let rise = peak.saturating_sub(before);
    eprintln!(
        "{label}: peak memory {:.0} MB above the start for {:.0} MB of text kept ({:.2}×), {} posts",
        rise as f64 / 1e6,
        kept as f64 / 1e6,
        rise as f64 / kept as f64,
        corpus.posts.len()
    );
    // Freed outside the measurement, as the binary never frees it at all.
    drop(corpus);
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
