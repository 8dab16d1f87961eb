use pundit::corpus::{text, topics};
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let content = std::fs::read_to_string(&path).unwrap();
    let mb = content.len() as f64 / 1e6;
    let t = Instant::now();
    let paras = text::paragraphs(&content);
    let a = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut posts = text::posts_from(paras);
    let b = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let tree = topics::derive(&mut posts);
    let c = t.elapsed().as_secs_f64();
    eprintln!(
        "{mb:.1} MB: paragraphs {a:.3}s posts_from {b:.3}s topics {c:.3}s total {:.3}s = {:.1} MB/s ({} posts, {} topics)",
        a + b + c,
        mb / (a + b + c),
        posts.len(),
        tree.len()
    );
}
