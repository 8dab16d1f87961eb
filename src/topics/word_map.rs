//! A map keyed by words, for the passes of topic derivation that look up
//! every word of a corpus.
//!
//! Most words are short: a word of up to 16 bytes is keyed by its bytes
//! read as two integers and its length ([`PackedWord`]), which are hashed
//! and compared in a few instructions, where a key of text is compared by
//! a call to `memcmp` (those calls were a tenth of weighing the posts).
//! Longer words are keyed by their text.

use std::collections::hash_map::Entry;
use std::hash::Hash;

use rustc_hash::FxHashMap as HashMap;

/// Values by word, borrowed from the text for as long as `'a`.
#[derive(Debug)]
pub struct WordMap<'a, V> {
    short: HashMap<PackedWord, V>,
    long: HashMap<&'a str, V>,
}

impl<V> Default for WordMap<'_, V> {
    fn default() -> Self {
        WordMap {
            short: HashMap::default(),
            long: HashMap::default(),
        }
    }
}

impl<'a, V> WordMap<'a, V> {
    /// The value of `word`, made by `new` the first time it is asked.
    pub fn get_or_insert_with(&mut self, word: &'a str, new: impl FnOnce() -> V) -> &mut V {
        match PackedWord::of(word) {
            Some(key) => self.short.entry(key).or_insert_with(new),
            None => self.long.entry(word).or_insert_with(new),
        }
    }

    /// The value of `word`, if it has one.
    pub fn get(&self, word: &str) -> Option<&V> {
        match PackedWord::of(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    /// Adds `other`'s words: a word in both gets `join` of the two values.
    pub fn merge(&mut self, other: Self, join: impl Fn(&mut V, V)) {
        merge_into(&mut self.short, other.short, &join);
        merge_into(&mut self.long, other.long, &join);
    }
}

fn merge_into<K: Hash + Eq, V>(
    mine: &mut HashMap<K, V>,
    other: HashMap<K, V>,
    join: &impl Fn(&mut V, V),
) {
    for (key, value) in other {
        match mine.entry(key) {
            Entry::Occupied(mut present) => join(present.get_mut(), value),
            Entry::Vacant(slot) => {
                slot.insert(value);
            }
        }
    }
}

/// A word of up to 16 bytes as integers: its first and last eight bytes
/// (four, or single bytes, for shorter words), which overlap or meet, and
/// its length. Given the length they hold every byte of the word, each in
/// its place, so two words have the same packing only if they are the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct PackedWord {
    first: u64,
    last: u64,
    len: u8,
}

impl PackedWord {
    fn of(word: &str) -> Option<Self> {
        let bytes = word.as_bytes();
        let len = bytes.len();
        let eight =
            |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
        let four = |at: usize| {
            u64::from(u32::from_le_bytes(
                bytes[at..at + 4].try_into().expect("four bytes"),
            ))
        };
        let (first, last) = match len {
            0 => (0, 0),
            1..=3 => (
                u64::from(bytes[0]) | u64::from(bytes[len / 2]) << 8,
                u64::from(bytes[len - 1]),
            ),
            4..=7 => (four(0), four(len - 4)),
            8..=16 => (eight(0), eight(len - 8)),
            _ => return None,
        };
        Some(PackedWord {
            first,
            last,
            len: u8::try_from(len).expect("at most 16"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// Two words share a packing only if they are the same word, at
        /// every length, repeated letters included ("aaaaaaaaa" and
        /// "aaaaaaaaaa" have the same first and last eight bytes).
        #[test]
        fn words_are_packed_apart(a in "[ab’é]{0,20}", b in "[ab’é]{0,20}") {
            let (pa, pb) = (PackedWord::of(&a), PackedWord::of(&b));
            prop_assert_eq!(pa.is_some(), a.len() <= 16);
            if let (Some(pa), Some(pb)) = (pa, pb) {
                prop_assert_eq!(pa == pb, a == b, "{:?} {:?}", a, b);
            }
        }

        /// The map gives what a map keyed by text gives.
        #[test]
        fn the_map_reads_as_one_keyed_by_text(
            words in prop::collection::vec("[ab’]{0,20}", 0..40),
            asked in prop::collection::vec("[ab’]{0,20}", 0..10),
        ) {
            let mut map = WordMap::default();
            let mut by_text: HashMap<&str, usize> = HashMap::default();
            for (n, word) in words.iter().enumerate() {
                *map.get_or_insert_with(word, || n) += 0;
                by_text.entry(word).or_insert(n);
            }
            for word in words.iter().chain(&asked) {
                prop_assert_eq!(map.get(word), by_text.get(word.as_str()));
            }
            let mut half = WordMap::default();
            let mut other = WordMap::default();
            for (n, word) in words.iter().enumerate() {
                let target = if n % 2 == 0 { &mut half } else { &mut other };
                *target.get_or_insert_with(word, || 0) += 1;
            }
            half.merge(other, |a, b| *a += b);
            for word in &words {
                let count = words.iter().filter(|w| *w == word).count();
                prop_assert_eq!(half.get(word), Some(&count));
            }
        }
    }
}
