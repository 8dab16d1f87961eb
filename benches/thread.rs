//! A post with a big comment thread: opening it (the thread laid out and
//! the first frame drawn), and every scroll, motion and fold followed by a
//! 200×60 frame, with 500 and 5,000 comments (about 2.5 MB, nested ten
//! deep), so that the figures show what depends on the thread's size.
//!
//! `cargo bench --bench thread`

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use pundit::model::{Block, BlockKind, Comment, Corpus, Post, PostId, Source};
use pundit::tui::thread::ThreadAction;
use pundit::tui::update::update;
use pundit::tui::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZE: (u16, u16) = (200, 60);
const DEEPEST: usize = 10;

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "toll",
    "ferry",
    "bridge",
    "crossing",
    "vote",
    "élection",
    "“quote”",
    "commuters",
    "fares",
    "budget",
    "Ardern",
    "nobody",
    "believed",
];

/// `count` words of plausible text, deterministic.
fn words(count: usize, salt: usize) -> String {
    let picked: Vec<&str> = (0..count)
        .map(|i| WORDS[(i * 7 + salt * 13 + i / 5) % WORDS.len()])
        .collect();
    picked.join(" ")
}

/// A thread of `count` comments of about 500 bytes, in thread order, whose
/// depth wanders between top-level and `DEEPEST`; one in ten cites a
/// link, one in seven quotes with `>`, one in five quotes the post.
fn thread(count: usize) -> Vec<Comment> {
    let mut comments = Vec::with_capacity(count);
    // The most recent comment at each depth.
    let mut open: Vec<u32> = Vec::new();
    for index in 0..count {
        let wanted = (index * 7 + index / 3) % (DEEPEST + 3);
        let depth = wanted.min(open.len()).min(DEEPEST - 1);
        open.truncate(depth);
        let parent = open.last().copied();
        open.push(index as u32);
        let first = if index % 5 == 1 {
            // Words of the post's first paragraph, quoted.
            format!("“{}” – {}", words(8, 0), words(32, index))
        } else {
            words(40, index)
        };
        let mut blocks = vec![
            Block::new(BlockKind::Paragraph, first),
            Block::new(BlockKind::Paragraph, words(30, index + 1)),
        ];
        let mut sources = Vec::new();
        if index % 7 == 3 {
            blocks.insert(
                0,
                Block::new(BlockKind::Paragraph, format!("> {}", words(12, 3))),
            );
        }
        if index % 10 == 5 {
            let url = format!("https://example.org/news/{index}");
            blocks.push(Block::new(BlockKind::Citation, url.clone()).with_source(0));
            sources.push(Source {
                url: Some(url),
                ..Source::default()
            });
        }
        comments.push(Comment {
            id: format!("c{index}"),
            parent,
            author: Some(format!("reader{}", index % 37)),
            date: Some("June 10, 2022 at 6:42 am".into()),
            label: Some(format!("{}", index + 1)),
            blocks,
            sources,
        });
    }
    comments
}

/// A short post, then one with a thread of `comments`.
fn corpus(comments: usize) -> Arc<Corpus> {
    let short = Post {
        id: "short".into(),
        title: "A short post".into(),
        topics: vec!["Bench".into()],
        blocks: vec![Block::new(BlockKind::Paragraph, words(60, 0))],
        ..Post::default()
    };
    let discussed = Post {
        id: "discussed".into(),
        title: "A post with a long thread".into(),
        author: Some("reader3".into()),
        topics: vec!["Bench".into()],
        blocks: (0..12)
            .map(|n| Block::new(BlockKind::Paragraph, words(80, n)))
            .collect(),
        comment_count: Some(comments as u32),
        comments: thread(comments),
        ..Post::default()
    };
    Arc::new(Corpus::new(vec![short, discussed], None))
}

fn thread_bytes(corpus: &Corpus) -> usize {
    let comments = corpus
        .post_ids()
        .map(|p| corpus.post(p))
        .flat_map(|p| &p.comments);
    comments.flat_map(|c| &c.blocks).map(|b| b.text.len()).sum()
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| pundit::tui::view::render(frame, black_box(app)))
        .expect("draw");
}

/// The reader on the discussed post, on a comment in the middle of the
/// thread.
fn reader_mid_thread(corpus: &Arc<Corpus>) -> App {
    let mut app = App::new(Arc::clone(corpus), SIZE, true);
    update(&mut app, Action::NextPost);
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::Thread(ThreadAction::ToggleComments));
    let middle = corpus.post(PostId(1)).comments.len() / 2;
    while app.thread.cursor.is_some_and(|c| c < middle) {
        update(&mut app, Action::Thread(ThreadAction::NextThread));
    }
    app
}

fn thread_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("thread");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for comments in [500, 5_000] {
        let corpus = corpus(comments);
        eprintln!(
            "{comments} comments: {:.2} MB of comment text",
            thread_bytes(&corpus) as f64 / 1e6
        );
        let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("terminal");
        group.bench_function(BenchmarkId::new("open and draw", comments), |b| {
            b.iter_batched(
                || App::new(Arc::clone(&corpus), SIZE, true),
                |mut app| {
                    update(&mut app, Action::NextPost);
                    draw(&mut terminal, &app);
                    app
                },
                BatchSize::LargeInput,
            )
        });
        // Each step does one action and draws; the next undoes it, so the
        // reader stays mid-thread however many steps run.
        let steps: [(&str, Action, Action); 6] = [
            ("scroll a line", Action::ScrollDown, Action::ScrollUp),
            ("scroll a page", Action::PageDown, Action::PageUp),
            (
                "next/previous comment",
                Action::Thread(ThreadAction::Next),
                Action::Thread(ThreadAction::Previous),
            ),
            (
                "next/previous thread",
                Action::Thread(ThreadAction::NextThread),
                Action::Thread(ThreadAction::PreviousThread),
            ),
            (
                "fold/unfold",
                Action::Thread(ThreadAction::Fold),
                Action::Thread(ThreadAction::Fold),
            ),
            (
                "fold all/unfold all",
                Action::Thread(ThreadAction::FoldAll),
                Action::Thread(ThreadAction::FoldAll),
            ),
        ];
        for (name, there, back) in steps {
            let mut app = reader_mid_thread(&corpus);
            let mut forward = true;
            group.bench_function(BenchmarkId::new(name, comments), |b| {
                b.iter(|| {
                    update(&mut app, if forward { there } else { back });
                    forward = !forward;
                    draw(&mut terminal, &app);
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, thread_bench);
criterion_main!(benches);
