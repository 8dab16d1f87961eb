//! Fuzzes the flat file reader: any bytes either fail to open with a
//! `Damage`, or open and read whole (meta, every post, titles, ids, the
//! topic tree, outlets, the export, searches) without a panic, each post
//! no larger than the file, and every match on character boundaries of a
//! field of its post. Checksums are not checked, so the fuzzer reaches the
//! structure behind them.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use pundit::import::json;
use pundit::model::Corpus;
use pundit::model::bytes::Bytes;
use pundit::model::flat::{FlatFile, Verify};
use pundit::search::{Mode, Query, Scope, SearchIndex, field_text};

fuzz_target!(|data: &[u8]| {
    let Ok(file) = FlatFile::open(Bytes::new(data.to_vec()), Verify::Nothing) else {
        return;
    };
    let file = Arc::new(file);
    let _ = file.meta();
    let corpus = Corpus::from_flat(Arc::clone(&file));
    for post in corpus.post_ids() {
        let _ = corpus.title(post);
        let _ = corpus.post_by_id(corpus.id_of(post));
        let whole = serde_json::to_string(corpus.post(post)).expect("a post serializes");
        // JSON of a string is at most six bytes per byte (`\u001f`).
        assert!(whole.len() <= 16 * data.len() + 1024, "a post larger than its file");
    }
    let _ = corpus.outlets();
    let _ = json::export(&corpus);
    let index = SearchIndex::from_flat(&file);
    for (text, mode) in [("e", Mode::Literal), ("The", Mode::Literal), (r"^\w", Mode::Regex)] {
        let query = Query::new(text, Scope::Everything, mode).expect("a valid query");
        for found in index.search(&query).matches() {
            let text = field_text(corpus.post(found.post), found.location);
            // A file whose records claim more than it holds decodes its
            // posts cut short; what is there holds the match.
            if let Some(text) = text.filter(|t| t.len() >= found.range.end) {
                assert!(text.is_char_boundary(found.range.start) && text.is_char_boundary(found.range.end));
            }
        }
    }
});
