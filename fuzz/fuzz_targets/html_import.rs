//! Fuzzes the saved-page importer: any bytes parse or fail without
//! panicking, and what it makes is sound (see `sound.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pundit::import::html;

mod sound;

fuzz_target!(|data: &[u8]| sound::check(data, html::parse, "fuzz.html"));
