use pundit::corpus::text;
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let content = std::fs::read_to_string(&path).unwrap();
    let paras = text::paragraphs(&content);
    let t = Instant::now();
    let posts = text::posts_from(paras);
    eprintln!(
        "posts_from {:.3}s {}",
        t.elapsed().as_secs_f64(),
        posts.len()
    );
}
