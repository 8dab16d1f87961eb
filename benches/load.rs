//! Loading speed: the bundled seed, and a synthetic archive of 50 MB or more
//! (the seed's posts repeated under new titles), as plain text, as plain
//! text with a comment thread under every post, and as native JSON, topic
//! tree included; topic derivation alone at two sizes.
//!
//! Run: `cargo bench --bench load`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pundit::load::BUNDLED;

mod common;
use common::synthetic::{synthetic_archive, synthetic_archive_with_threads};
use pundit::import::{json, text};
use pundit::model::Corpus;
use pundit::topics;

fn load_text(archive: &str) -> Corpus {
    Corpus::new(
        text::parse("bench", archive).expect("plain text parses"),
        None,
    )
}

fn load_json(archive: &str) -> Corpus {
    let (posts, topics) = json::parse("bench.json", archive).expect("exported JSON parses");
    Corpus::new(posts, Some(topics))
}

fn seed(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed");
    group.throughput(Throughput::Bytes(BUNDLED.len() as u64));
    group.bench_function("plain text", |b| b.iter(|| load_text(black_box(BUNDLED))));
    group.finish();
}

fn large(c: &mut Criterion) {
    let archive = synthetic_archive(50 << 20);
    let exported = json::export(&load_text(&archive));
    let mut group = c.benchmark_group("50 MB");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(archive.len() as u64));
    // Loading is measured, not freeing: pundit keeps its corpus until it
    // exits, and never frees it then.
    group.bench_function("plain text", |b| {
        b.iter_with_large_drop(|| load_text(black_box(&archive)))
    });
    group.throughput(Throughput::Bytes(exported.len() as u64));
    group.bench_function("json", |b| {
        b.iter_with_large_drop(|| load_json(black_box(&exported)))
    });
    drop(exported);
    let threads = synthetic_archive_with_threads(50 << 20);
    group.throughput(Throughput::Bytes(threads.len() as u64));
    group.bench_function("plain text with threads", |b| {
        b.iter_with_large_drop(|| load_text(black_box(&threads)))
    });
    group.finish();
}

fn topic_tree(c: &mut Criterion) {
    let mut group = c.benchmark_group("topic tree");
    group.sample_size(10);
    for megabytes in [10, 40] {
        let archive = synthetic_archive(megabytes << 20);
        let posts = text::parse("bench", &archive).expect("plain text parses");
        group.throughput(Throughput::Bytes(archive.len() as u64));
        group.bench_function(format!("{megabytes} MB"), |b| {
            b.iter_batched(
                || posts.clone(),
                |mut posts| topics::derive(black_box(&mut posts)),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, seed, large, topic_tree);
criterion_main!(benches);
