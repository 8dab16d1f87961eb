//! Drawing one 200×60 frame with a ~100 MB corpus loaded: a frame must cost
//! what is visible, not what is loaded.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pundit::load::load_bundled;
use pundit::model::{Corpus, Post};
use pundit::tui::update::update;
use pundit::tui::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The size of corpus the reader must stay quick with.
const TARGET_BYTES: usize = 100_000_000;

/// The bundled posts repeated under new ids until their text reaches
/// `TARGET_BYTES`.
fn big_corpus() -> Corpus {
    let seed = load_bundled();
    let post_bytes = |post: &Post| -> usize {
        post.title.len() + post.blocks.iter().map(|b| b.text.len()).sum::<usize>()
    };
    let mut posts = Vec::new();
    let mut bytes = 0;
    let mut round = 0;
    while bytes < TARGET_BYTES {
        for post in seed.post_ids().map(|p| seed.post(p)) {
            let mut copy = post.clone();
            copy.id = format!("{}-{round}", post.id).into();
            bytes += post_bytes(&copy);
            posts.push(copy);
        }
        round += 1;
    }
    Corpus::new(posts, None)
}

fn render_frame(c: &mut Criterion) {
    let corpus = big_corpus();
    let mut app = App::new(corpus, (200, 60), true);
    // Mid-corpus, mid-article, a source selected: a typical busy frame.
    for _ in 0..3 {
        update(&mut app, Action::NextPost);
    }
    update(&mut app, Action::TreeActivate);
    update(&mut app, Action::SelectSource(1));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
    c.bench_function("draw 200x60 frame, 100 MB corpus", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| pundit::tui::view::render(frame, black_box(&app)))
                .expect("draw");
        })
    });
}

criterion_group!(benches, render_frame);
criterion_main!(benches);
