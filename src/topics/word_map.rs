//! A map keyed by words, for the passes of topic derivation that look up
//! every word of a corpus.
//!
//! Most words are short: a word of up to 15 bytes is keyed by its bytes
//! and its length packed into one number ([`short_word::pack`], case
//! kept), which is hashed and compared in a few instructions, where a key
//! of text is compared by a call to `memcmp` (those calls were a tenth of
//! weighing the posts). Longer words are keyed by their text.

use std::collections::hash_map::Entry;
use std::hash::Hash;

use rustc_hash::FxHashMap as HashMap;

use crate::short_word::{self, Case};

/// Values by word, borrowed from the text for as long as `'a`.
#[derive(Debug)]
pub struct WordMap<'a, V> {
    short: HashMap<u128, V>,
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
        match short_word::pack(word, Case::Kept) {
            Some(key) => self.short.entry(key).or_insert_with(new),
            None => self.long.entry(word).or_insert_with(new),
        }
    }

    /// The value of `word`, if it has one.
    pub fn get(&self, word: &str) -> Option<&V> {
        match short_word::pack(word, Case::Kept) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    /// Takes `word`'s value out of the map.
    pub fn remove(&mut self, word: &str) -> Option<V> {
        match short_word::pack(word, Case::Kept) {
            Some(key) => self.short.remove(&key),
            None => self.long.remove(word),
        }
    }

    /// Adds `other`'s words: a word in both gets `join` of the two values.
    pub fn merge(&mut self, other: Self, join: impl Fn(&mut V, V)) {
        merge_into(&mut self.short, other.short, &join);
        merge_into(&mut self.long, other.long, &join);
    }
}

/// A set of words: a map to nothing.
impl<'a> WordMap<'a, ()> {
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

impl<'a> FromIterator<&'a str> for WordMap<'a, ()> {
    fn from_iter<T: IntoIterator<Item = &'a str>>(words: T) -> Self {
        let mut set = WordMap::default();
        for word in words {
            set.get_or_insert_with(word, || ());
        }
        set
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
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
