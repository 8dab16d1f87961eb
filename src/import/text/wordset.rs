//! Small sets of ASCII words asked about every word or line of an archive
//! ("is this a month?", "can furniture open with this?"), matched without
//! regard to ASCII case.
//!
//! A word is looked up by its lower case packed into one number with its
//! length ([`short_word::pack`]), so that a lookup hashes one number and
//! compares one, whatever the list's length: a linear scan of a list of
//! forty words costs forty comparisons for every word that is not in it,
//! which is most of them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::short_word::{self, Case};

/// A set of ASCII words, each at most 15 bytes.
#[derive(Debug)]
pub struct WordSet(HashSet<u128>);

impl WordSet {
    /// The set of `words`.
    ///
    /// # Panics
    /// If a word is longer than 15 bytes or not ASCII: the lists are
    /// pundit's own, and such a word could never be found.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a &'a str>) -> Self {
        WordSet(
            words
                .into_iter()
                .map(|word| key(word).expect("a listed word is short ASCII"))
                .collect(),
        )
    }

    /// Whether `word` is in the set, ASCII case aside: what
    /// `list.iter().any(|w| w.eq_ignore_ascii_case(word))` says.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        key(word).is_some_and(|key| self.0.contains(&key))
    }
}

/// What each word of several lists is, ASCII case aside: one lookup where
/// asking a [`WordSet`] per list would pack and hash the word once for each.
#[derive(Debug)]
pub struct WordMap<T>(HashMap<u128, T>);

impl<T: Copy> WordMap<T> {
    /// Each word of each list, with the value of the first list that has it.
    ///
    /// # Panics
    /// As [`WordSet::new`], on a word longer than 15 bytes or not ASCII.
    pub fn new<'a>(lists: impl IntoIterator<Item = (&'a [&'a str], T)>) -> Self {
        let mut map = HashMap::default();
        for (list, value) in lists {
            for word in list {
                map.entry(key(word).expect("a listed word is short ASCII"))
                    .or_insert(value);
            }
        }
        WordMap(map)
    }

    /// The value of the first list holding `word`, ASCII case aside.
    #[inline]
    pub fn get(&self, word: &str) -> Option<T> {
        key(word).and_then(|key| self.0.get(&key).copied())
    }
}

/// `word` in ASCII lower case with its length, or `None` when it is too
/// long or not ASCII (then no listed word equals it, ASCII case aside).
#[inline]
fn key(word: &str) -> Option<u128> {
    short_word::pack(word, Case::AsciiLower)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[&str] = &["may", "june", "posted", "categories", "a", "no"];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn a_lookup_says_what_a_scan_of_the_list_says(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "may", "MAY", "Ma", "y", "june", "JUNE", "posted", "Posted", "categories",
                    "a", "A", "no", "n", "o", "\u{0}", "é", "K", "\u{212a}", "ſ", "s", " ",
                ]),
                0..5,
            ),
        ) {
            let word: String = pieces.concat();
            let set = WordSet::new(LIST);
            let scanned = LIST.iter().any(|w| w.eq_ignore_ascii_case(&word));
            proptest::prop_assert_eq!(set.contains(&word), scanned, "{:?}", word);
            let map = WordMap::new([(&LIST[..2], 1), (&LIST[1..], 2)]);
            let first_list = if LIST[..2].iter().any(|w| w.eq_ignore_ascii_case(&word)) {
                Some(1)
            } else {
                scanned.then_some(2)
            };
            proptest::prop_assert_eq!(map.get(&word), first_list, "{:?}", word);
        }
    }
}
