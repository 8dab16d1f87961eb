//! Short words packed into one number, for the sets and maps that are asked
//! about every word of an archive (the text importer's word lists, topic
//! derivation's vocabulary).
//!
//! A word of up to 15 bytes is its bytes, each in its place, with its length
//! in the top byte: a lookup hashes and compares one number, where a key of
//! text is hashed byte by byte and compared by a call to `memcmp`.

/// Words at most this long are packed.
pub const MAX_LEN: usize = 15;

/// Whether packing keeps a word's case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Every byte as it is: two words pack alike only if they are the same.
    Kept,
    /// ASCII letters in lower case, and only ASCII words packed: two words
    /// pack alike only if they are the same, ASCII case aside.
    AsciiLower,
}

/// `word` as one number, or `None` when it is longer than [`MAX_LEN`] (or,
/// with [`Case::AsciiLower`], not ASCII).
///
/// The bytes are read eight (or four) at a time, from each end of the word,
/// into the number's low and high halves: where the reads overlap they hold
/// the same bytes, so or-ing them puts every byte in its place. The ASCII
/// check and the lower-casing then take a few operations for all the bytes
/// at once.
#[inline]
pub fn pack(word: &str, case: Case) -> Option<u128> {
    let bytes = word.as_bytes();
    let len = bytes.len();
    let eight = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    let four = |at: usize| {
        u64::from(u32::from_le_bytes(
            bytes[at..at + 4].try_into().expect("four bytes"),
        ))
    };
    let (mut low, mut high) = match len {
        0 => (0, 0),
        1..=3 => (
            u64::from(bytes[0])
                | u64::from(bytes[len / 2]) << (8 * (len / 2))
                | u64::from(bytes[len - 1]) << (8 * (len - 1)),
            0,
        ),
        4..=7 => (four(0) | four(len - 4) << (8 * (len - 4)), 0),
        8 => (eight(0), 0),
        // Bytes 8 and on are the last read's, less those the first holds.
        9..=MAX_LEN => (eight(0), eight(len - 8) >> (8 * (16 - len))),
        _ => return None,
    };
    if case == Case::AsciiLower {
        if (low | high) & splat(0x80) != 0 {
            return None;
        }
        low |= in_range(low, b'A', b'Z') >> 2;
        high |= in_range(high, b'A', b'Z') >> 2;
    }
    high |= (len as u64) << 56;
    Some(u128::from(low) | u128::from(high) << 64)
}

const fn splat(byte: u8) -> u64 {
    byte as u64 * 0x0101_0101_0101_0101
}

/// For bytes of `v` below 0x80, the high bit of each byte of the result
/// says whether that byte is in `lo..=hi`; no sum carries into the next byte.
const fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    v.wrapping_add(splat(0x80 - lo)) & !v.wrapping_add(splat(0x7f - hi)) & splat(0x80)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The packing as first written: a byte at a time.
    fn packed_byte_by_byte(word: &str, case: Case) -> Option<u128> {
        if word.len() > MAX_LEN || (case == Case::AsciiLower && !word.is_ascii()) {
            return None;
        }
        let mut key = (word.len() as u128) << (8 * MAX_LEN);
        for (at, &byte) in word.as_bytes().iter().enumerate() {
            let byte = match case {
                Case::Kept => byte,
                Case::AsciiLower => byte.to_ascii_lowercase(),
            };
            key |= u128::from(byte) << (8 * at);
        }
        Some(key)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// Every length, every ASCII byte (the edges of `A..=Z` and the
        /// bytes a carry could spill from among them), and bytes outside
        /// ASCII.
        #[test]
        fn words_pack_as_byte_by_byte(
            word in "[\\x00-\\x7f@AZ\\[`az{éÉ’K\u{212a}]{0,17}",
        ) {
            for case in [Case::Kept, Case::AsciiLower] {
                prop_assert_eq!(pack(&word, case), packed_byte_by_byte(&word, case), "{:?}", word);
            }
        }

        /// Two words pack alike only if they are the same (ASCII case aside
        /// when lower-cased), at every length, repeated letters included
        /// ("aaaaaaaaa" and "aaaaaaaaaa" have the same first and last eight
        /// bytes).
        #[test]
        fn words_are_packed_apart(a in "[aAb’é]{0,17}", b in "[aAb’é]{0,17}") {
            if let (Some(pa), Some(pb)) = (pack(&a, Case::Kept), pack(&b, Case::Kept)) {
                prop_assert_eq!(pa == pb, a == b, "{:?} {:?}", a, b);
            }
            if let (Some(pa), Some(pb)) = (pack(&a, Case::AsciiLower), pack(&b, Case::AsciiLower)) {
                prop_assert_eq!(pa == pb, a.eq_ignore_ascii_case(&b), "{:?} {:?}", a, b);
            }
        }
    }
}
