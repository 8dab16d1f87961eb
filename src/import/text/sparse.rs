//! Rare facts about paragraphs (furniture, citations, learned roles), kept
//! apart from the paragraphs in a list sorted by index, and a small index
//! that finds a paragraph's fact without a search.

/// Rare facts about paragraphs, kept apart from them in order of the
/// paragraph's index and looked up by slot.
pub struct Sparse<T>(pub Vec<(usize, T)>);

impl<T> Sparse<T> {
    /// Where each of the first `len` paragraphs' fact is in the list: the
    /// walks that ask about every paragraph and its neighbours look them up
    /// without a search.
    pub fn slots(&self, len: usize) -> Slots {
        let mut blocks = vec![SlotBlock::default(); len.div_ceil(64)];
        for (at, _) in &self.0 {
            blocks[at / 64].facts |= 1 << (at % 64);
        }
        let mut before = 0u32;
        for block in &mut blocks {
            block.before = before;
            before += block.facts.count_ones();
        }
        Slots(blocks)
    }

    /// The fact at paragraph `i`, found through [`Sparse::slots`].
    pub fn at_slot(&self, slots: &Slots, i: usize) -> Option<&T> {
        slots.slot(i).map(|slot| &self.0[slot].1)
    }
}

/// Where the facts of a [`Sparse`] list are, for every paragraph: a bit
/// for each paragraph with a fact and, for every 64 paragraphs, how many
/// facts come before them. A paragraph's slot is that count plus the bits
/// set below its own. It takes a quarter of a byte for each paragraph (a
/// slot for each would take four, at the loader's peak of memory) and is
/// read with one load from memory.
pub struct Slots(Vec<SlotBlock>);

/// 64 paragraphs of [`Slots`].
#[derive(Debug, Clone, Copy, Default)]
struct SlotBlock {
    /// Bit `k`: paragraph `64 * block + k` has a fact.
    facts: u64,
    /// How many facts the paragraphs before the block have.
    before: u32,
}

impl Slots {
    /// The place in the list of paragraph `i`'s fact, if it has one.
    fn slot(&self, i: usize) -> Option<usize> {
        let block = self.0.get(i / 64)?;
        let bit = 1u64 << (i % 64);
        (block.facts & bit != 0)
            .then(|| block.before as usize + (block.facts & (bit - 1)).count_ones() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        #[test]
        fn every_paragraph_finds_its_own_fact(
            has_fact in proptest::collection::vec(proptest::bool::weighted(0.3), 0..400),
        ) {
            let facts = Sparse(
                has_fact
                    .iter()
                    .enumerate()
                    .filter(|(_, has)| **has)
                    .map(|(i, _)| (i, i * 10))
                    .collect(),
            );
            let slots = facts.slots(has_fact.len());
            for i in 0..has_fact.len() + 70 {
                let expected = has_fact.get(i).is_some_and(|has| *has).then_some(i * 10);
                proptest::prop_assert_eq!(facts.at_slot(&slots, i).copied(), expected, "{}", i);
            }
        }
    }
}
