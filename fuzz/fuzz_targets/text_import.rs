//! Fuzzes the plain-text importer: any text parses without panicking, and
//! everything it produces is clean and consistent enough to build a corpus.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pundit::import::clean::is_clean;
use pundit::import::text;
use pundit::model::Corpus;

fuzz_target!(|data: &[u8]| {
    // Archives on disk must be UTF-8; the loader rejects other bytes before
    // the importer sees them, so lossy decoding only widens what is tried.
    let content = String::from_utf8_lossy(data);
    let Ok(posts) = text::parse("fuzz.txt", &content) else {
        return;
    };
    for post in &posts {
        assert!(is_clean(&post.title), "title not clean: {:?}", post.title);
        for block in &post.blocks {
            assert!(is_clean(&block.text), "block not clean: {:?}", block.text);
            assert!(block.source().is_none_or(|s| s < post.sources.len()));
        }
    }
    // Topic derivation and id assignment run on whatever the importer made.
    let corpus = Corpus::new(posts, None);
    let _ = corpus.outlets();
});
