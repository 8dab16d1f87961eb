//! Fuzzes native JSON read in parallel, on inputs small enough that the
//! loader would read them whole: the file read as it comes in, in batches
//! of a size the input chooses, and the text split into a number of runs
//! it chooses. Whatever either reads must be what serde alone reads: the
//! same posts, topics and notes, or the same error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pundit::import::json::{self, NativeRead};
use pundit::load::LoadError;

/// The two readings agree, errors by their message.
fn assert_same(read: &Result<NativeRead, LoadError>, by_serde: &Result<NativeRead, LoadError>) {
    match (read, by_serde) {
        (Ok(read), Ok(by_serde)) => {
            assert_eq!(read.posts, by_serde.posts, "posts differ");
            assert_eq!(read.topics, by_serde.topics, "topics differ");
            assert_eq!(read.notes, by_serde.notes, "notes differ");
        }
        (Err(read), Err(by_serde)) => assert_eq!(read.to_string(), by_serde.to_string()),
        (read, by_serde) => panic!(
            "read in parallel: {:?}; by serde: {:?}",
            read.as_ref().err(),
            by_serde.as_ref().err()
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    // The first byte chooses the batch (1 to 256 bytes), the second the
    // runs (1 to 16); the rest is the file.
    let [batch, runs, file @ ..] = data else {
        return;
    };
    let batch = u64::from(*batch) + 1;
    let runs = usize::from(runs % 16) + 1;
    let by_serde = std::str::from_utf8(file)
        .ok()
        .map(|content| json::parse_in_order("fuzz.json", content));
    let mut reported = 0;
    let streamed = json::read_streaming_in_batches(file, batch, &mut |at| reported = at)
        .expect("a slice reads");
    assert_eq!(streamed.consumed(), file.len() as u64);
    assert_eq!(reported, file.len() as u64);
    match streamed.finish("fuzz.json") {
        Ok(read) => {
            let by_serde = by_serde.as_ref().expect("only text is read in parallel");
            assert_same(&read, by_serde);
        }
        Err(bytes) => assert_eq!(bytes, file, "the bytes left to serde are the file's"),
    }
    if let (Ok(content), Some(by_serde)) = (std::str::from_utf8(file), &by_serde) {
        assert_same(&json::parse_noting_in_runs("fuzz.json", content, runs), by_serde);
    }
});
