//! Fuzzes the native JSON loader: any text either fails with an error or
//! loads into a corpus whose export loads again to the same export.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pundit::import::json;
use pundit::model::Corpus;

fuzz_target!(|data: &[u8]| {
    let Ok(content) = std::str::from_utf8(data) else {
        return;
    };
    let Ok((posts, topics)) = json::parse("fuzz.json", content) else {
        return;
    };
    let corpus = Corpus::new(posts, Some(topics));
    let first = json::export(&corpus);
    let (posts, topics) = json::parse("again.json", &first).expect("an export loads again");
    let second = json::export(&Corpus::new(posts, Some(topics)));
    let (posts, topics) = json::parse("third.json", &second).expect("an export loads again");
    let third = json::export(&Corpus::new(posts, Some(topics)));
    assert_eq!(second, third, "export is not stable");
});
