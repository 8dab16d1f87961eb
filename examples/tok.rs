use pundit::corpus::{text, topics};
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let content = std::fs::read_to_string(&path).unwrap();
    let paras = text::paragraphs(&content);
    let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
    for _ in 0..3 {
        let t = Instant::now();
        let n = topics::count_words_tmp(&texts);
        let a = t.elapsed().as_secs_f64();
        eprintln!(
            "{n} words in {a:.3}s = {:.0} MB/s",
            content.len() as f64 / 1e6 / a
        );
    }
}
