//! Scale: a huge paragraph, a post with thousands of blocks, a corpus of
//! many tiny posts and a topic holding tens of thousands of posts, each
//! loaded, drawn and searched at two sizes (the second twice the first), so
//! that the figures show the cost grows linearly, not quadratically.
//!
//! `cargo bench --bench scale`

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pundit::import::{json, text};
use pundit::model::{Block, BlockKind, Corpus, Post, Topic};
use pundit::search::{Mode, Query, Scope, SearchIndex};
use pundit::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "policy",
    "François",
    "budget",
    "élection",
    "“quote”",
    "housing",
    "crisis",
    "Ardern",
    "council",
    "report",
    "claimed",
    "trade",
];

/// `count` words of plausible text, deterministic.
fn words(count: usize, salt: usize) -> String {
    let mut out = String::with_capacity(count * 8);
    for i in 0..count {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[(i * 7 + salt * 13 + i / 5) % WORDS.len()]);
    }
    out
}

fn post(id: String, topics: Vec<String>, blocks: Vec<Block>) -> Post {
    Post {
        title: format!("Post {id}"),
        id: id.into(),
        author: None,
        date: None,
        topics: topics.into_iter().map(Into::into).collect(),
        blocks,
        sources: Vec::new(),
        ..Default::default()
    }
}

/// A plain-text archive of one post whose one paragraph is `bytes` long.
fn huge_paragraph(bytes: usize) -> String {
    let paragraph = words(bytes / 7, 0);
    format!("A post with one enormous paragraph\n\n{paragraph}\n")
}

/// Native JSON of one post with `blocks` blocks.
fn many_blocks(blocks: usize) -> String {
    let blocks = (0..blocks)
        .map(|i| {
            let kind = if i % 5 == 4 {
                BlockKind::Quote
            } else {
                BlockKind::Paragraph
            };
            Block::new(kind, words(12, i))
        })
        .collect();
    let corpus = Corpus::new(vec![post("long".into(), vec!["Long".into()], blocks)], None);
    json::export(&corpus)
}

/// Native JSON of `posts` one-line posts spread over a hundred topics.
fn tiny_posts(posts: usize) -> String {
    let posts = (0..posts)
        .map(|i| {
            let block = Block::new(BlockKind::Paragraph, words(6, i));
            post(
                format!("p{i}"),
                vec![format!("Topic {}", i % 100)],
                vec![block],
            )
        })
        .collect();
    json::export(&Corpus::new(posts, None))
}

/// Native JSON of `posts` posts, all under one topic.
fn one_big_topic(posts: usize) -> String {
    let posts: Vec<Post> = (0..posts)
        .map(|i| {
            let block = Block::new(BlockKind::Paragraph, words(6, i));
            post(format!("p{i}"), vec!["Everything".into()], vec![block])
        })
        .collect();
    let topic = Topic {
        name: "Everything".into(),
        posts: posts.iter().map(|p| p.id.clone()).collect(),
        children: Vec::new(),
    };
    json::export(&Corpus::new(posts, Some(vec![topic])))
}

fn load(name: &str, content: &str) -> Corpus {
    if name.ends_with(".json") {
        let (posts, topics) = json::parse(name, content).expect("the bench corpus parses");
        Corpus::new(posts, Some(topics))
    } else {
        Corpus::new(
            text::parse(name, content).expect("the bench corpus parses"),
            None,
        )
    }
}

/// Opening the reader (which wraps the first post) and drawing one frame.
fn open_and_draw(corpus: &Corpus) -> Terminal<TestBackend> {
    let app = App::new(corpus.clone(), (120, 40), true);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|frame| pundit::tui::view::render(frame, &app))
        .expect("draw");
    terminal
}

/// What `pundit search` does: index the corpus, run one query.
fn index_and_search(corpus: &Corpus) -> usize {
    let index = SearchIndex::new(corpus);
    let query = Query::new("minister said", Scope::Everything, Mode::Literal).expect("query");
    index.search(&query).len()
}

fn scale(c: &mut Criterion) {
    type Maker = fn(usize) -> String;
    let cases: [(&str, &str, Maker, [usize; 2]); 4] = [
        (
            "huge paragraph (bytes)",
            "a.txt",
            huge_paragraph,
            [512 << 10, 1 << 20],
        ),
        ("blocks in one post", "b.json", many_blocks, [5_000, 10_000]),
        ("tiny posts", "c.json", tiny_posts, [50_000, 100_000]),
        (
            "posts in one topic",
            "d.json",
            one_big_topic,
            [25_000, 50_000],
        ),
    ];
    for (what, name, make, sizes) in cases {
        let mut group = c.benchmark_group(what);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for size in sizes {
            let content = make(size);
            let corpus = load(name, &content);
            group.throughput(Throughput::Elements(size as u64));
            group.bench_with_input(BenchmarkId::new("load", size), &content, |b, content| {
                b.iter(|| load(name, black_box(content)));
            });
            group.bench_with_input(BenchmarkId::new("render", size), &corpus, |b, corpus| {
                b.iter(|| open_and_draw(black_box(corpus)));
            });
            group.bench_with_input(BenchmarkId::new("search", size), &corpus, |b, corpus| {
                b.iter(|| index_and_search(black_box(corpus)));
            });
        }
        group.finish();
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
