use std::time::Instant;
use pundit::corpus::{text, topics};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let content = std::fs::read_to_string(&path).unwrap();
    let mut posts = text::posts_from(text::paragraphs(&content));
    drop(content);
    let t = Instant::now();
    let tree = topics::derive(&mut posts);
    eprintln!("topics {:.3}s {}", t.elapsed().as_secs_f64(), tree.len());
}
