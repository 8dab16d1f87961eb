//! What every format importer's fuzz target checks of what the importer
//! made: clean text, indices that point where they may, comment threads in
//! order, and posts fit to build a corpus.

use pundit::import::clean::is_clean;
use pundit::load::LoadError;
use pundit::model::{Block, Corpus, Post};

fn sound(blocks: &[Block], sources: usize) -> bool {
    blocks
        .iter()
        .all(|b| is_clean(&b.text) && b.source().is_none_or(|s| s < sources))
}

/// Runs `import` on the fuzzer's bytes, decoded as the loader would have
/// them (it rejects bytes that are not UTF-8 before an importer sees them;
/// lossy decoding only widens what is tried), and checks its posts.
pub fn check(data: &[u8], import: fn(&str, &str) -> Result<Vec<Post>, LoadError>, name: &str) {
    let content = String::from_utf8_lossy(data);
    let Ok(posts) = import(name, &content) else {
        return;
    };
    for post in &posts {
        assert!(is_clean(&post.title), "title not clean: {:?}", post.title);
        assert!(sound(&post.blocks, post.sources.len()));
        for (index, comment) in post.comments.iter().enumerate() {
            assert!(comment.parent().is_none_or(|p| p < index));
            assert!(sound(&comment.blocks, comment.sources.len()));
        }
    }
    let corpus = Corpus::new(posts, None);
    let _ = corpus.outlets();
}
