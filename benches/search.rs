//! Search speed on a corpus of about 100 MB held in memory: a rare word
//! (literal, both cases, and as a regular expression), a common phrase, and
//! building the index.
//!
//! `cargo bench --bench search`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pundit::model::{Block, BlockKind, Corpus, Post, Source, Topic};
use pundit::search::{Mode, Query, Scope, SearchIndex};

const TARGET_BYTES: usize = 100 << 20;
const RARE: &str = "zanzibarite";

const WORDS: &[&str] = &[
    "the",
    "prime",
    "minister",
    "said",
    "government",
    "policy",
    "François",
    "Ardern",
    "budget",
    "tax",
    "élection",
    "opposition",
    "“quote”",
    "report",
    "claimed",
    "about",
    "which",
    "would",
    "New",
    "Zealand",
    "council",
    "housing",
    "crisis",
    "Māori",
    "economy",
    "inflation",
    "rates",
    "health",
    "reform",
    "café",
    "naïve",
    "straße",
    "—",
    "however",
    "because",
    "people",
    "party",
    "leader",
    "media",
    "spokesperson",
    "announcement",
    "week",
    "year",
    "today",
    "and",
    "of",
    "to",
    "in",
    "a",
    "is",
    "was",
    "that",
    "for",
    "on",
    "with",
    "as",
    "by",
    "中文",
    "Ōtautahi",
];

/// A small deterministic generator, so every run searches the same text.
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        WORDS[(self.0 % WORDS.len() as u64) as usize]
    }

    fn sentence(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| self.next())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Posts of varied text until the corpus holds about `TARGET_BYTES` of
/// block text; the rare word appears in three blocks only.
fn big_corpus() -> Corpus {
    let mut words = Words(0x9E37_79B9_7F4A_7C15);
    let kinds = [
        BlockKind::Paragraph,
        BlockKind::Quote,
        BlockKind::Paragraph,
        BlockKind::Citation,
        BlockKind::ListItem,
    ];
    // A few hundred distinct posts, repeated under new ids.
    let templates: Vec<Post> = (0..300)
        .map(|n| Post {
            id: "".into(),
            title: words.sentence(6),
            author: None,
            date: None,
            topics: vec!["all".into()],
            blocks: (0..20)
                .map(|b| Block::new(kinds[b % kinds.len()], words.sentence(10 + (n + b) % 60)))
                .collect(),
            sources: vec![Source {
                outlet: Some("RNZ".into()),
                headline: Some(words.sentence(8)),
                url: Some(format!("https://example.com/{n}")),
            }],
            ..Default::default()
        })
        .collect();
    let mut posts = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        let mut post = templates[posts.len() % templates.len()].clone();
        post.id = format!("post-{}", posts.len()).into();
        bytes += post.blocks.iter().map(|b| b.text.len()).sum::<usize>();
        posts.push(post);
    }
    for at in [posts.len() / 5, posts.len() / 2, posts.len() - 1] {
        let block = &mut posts[at].blocks[3];
        block.text = format!("{} the Zanzibarite affair", block.text).into();
    }
    let ids = posts.iter().map(|p| p.id.clone()).collect();
    let topics = vec![Topic {
        name: "all".into(),
        posts: ids,
        children: vec![],
    }];
    Corpus::new(posts, Some(topics))
}

fn search(c: &mut Criterion) {
    let corpus = big_corpus();
    let index = SearchIndex::new(&corpus);
    let mut group = c.benchmark_group("search_100MB");
    group.throughput(Throughput::Bytes(index.folded_len() as u64));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    let cases = [
        ("rare_word", RARE, Mode::Literal),
        ("rare_word_case_sensitive", "Zanzibarite", Mode::Literal),
        ("rare_word_regex", r"zanzibar\w+", Mode::Regex),
        ("common_phrase", "prime minister", Mode::Literal),
    ];
    for (name, text, mode) in cases {
        let query = Query::new(text, Scope::Everything, mode).expect("valid query");
        assert!(!index.search(&query).is_empty(), "{text} is in the corpus");
        group.bench_function(name, |b| b.iter(|| index.search(black_box(&query))));
    }
    group.finish();

    let mut group = c.benchmark_group("index_100MB");
    group.throughput(Throughput::Bytes(index.folded_len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("build", |b| b.iter(|| SearchIndex::new(black_box(&corpus))));
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
