//! UTF-16, the one encoding other than UTF-8 that text archives commonly
//! arrive in (Windows tools save "Unicode" text as UTF-16): it is
//! recognised and decoded, so such a file loads like its UTF-8 twin.

/// The byte order of UTF-16 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf16 {
    Little,
    Big,
}

/// Whether a file that starts with `head` is UTF-16, and in which byte
/// order; returns the order and the length of its byte-order mark (0 when
/// it has none).
///
/// A byte-order mark (`FF FE` little-endian, `FE FF` big-endian) decides.
/// Without one, the file is UTF-16 when at least half of its first code
/// units have a zero byte on the same side and none has one on the other:
/// Latin text in UTF-16, where every ASCII letter is a zero byte beside its
/// code. `"T\0i\0t\0l\0e\0"` is read as little-endian; UTF-8 text, which
/// has no zero bytes, and a binary file with zeros on both sides are not.
pub fn utf16_of(head: &[u8]) -> Option<(Utf16, usize)> {
    // `FF FE 00 00` opens UTF-32 as much as UTF-16 with a NUL: not ours.
    if head.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return None;
    }
    if head.starts_with(&[0xFF, 0xFE]) {
        return Some((Utf16::Little, 2));
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return Some((Utf16::Big, 2));
    }
    let units = head.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros_at = |side: usize| head.chunks_exact(2).filter(|unit| unit[side] == 0).count();
    let (first, second) = (zeros_at(0), zeros_at(1));
    if second * 2 >= units && first == 0 {
        Some((Utf16::Little, 0))
    } else if first * 2 >= units && second == 0 {
        Some((Utf16::Big, 0))
    } else {
        None
    }
}

/// Decodes UTF-16 `bytes` (without their byte-order mark). An odd last
/// byte or an unpaired surrogate is an error: its byte offset in `bytes`.
pub fn decode_utf16(bytes: &[u8], order: Utf16) -> Result<String, usize> {
    let units = bytes.chunks(2).map(|unit| match (unit, order) {
        ([low, high], Utf16::Little) => Ok(u16::from_le_bytes([*low, *high])),
        ([high, low], Utf16::Big) => Ok(u16::from_be_bytes([*high, *low])),
        _ => Err(()),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut at = 0;
    let mut odd = false;
    let decoded = char::decode_utf16(units.map_while(|unit| {
        odd = unit.is_err();
        unit.ok()
    }));
    for c in decoded {
        match c {
            Ok(c) => {
                text.push(c);
                at += c.len_utf16() * 2;
            }
            Err(_) => return Err(at),
        }
    }
    if odd {
        return Err(bytes.len() - 1);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn byte_order_marks_decide() {
        assert_eq!(utf16_of(b"\xFF\xFEa\0"), Some((Utf16::Little, 2)));
        assert_eq!(utf16_of(b"\xFE\xFF\0a"), Some((Utf16::Big, 2)));
        assert_eq!(utf16_of(b"\xFF\xFE\0\0a\0\0\0"), None, "UTF-32");
    }

    #[test]
    fn latin_text_without_a_mark_is_recognised_by_its_zero_bytes() {
        assert_eq!(
            utf16_of(&utf16le("Title\n\nText")),
            Some((Utf16::Little, 0))
        );
        assert_eq!(utf16_of(&utf16be("Title\n\nText")), Some((Utf16::Big, 0)));
        assert_eq!(utf16_of("Title\n\nTëxt".as_bytes()), None);
        assert_eq!(utf16_of(b"\0\0\0\0x\0"), None, "zeros on both sides");
        assert_eq!(utf16_of(b"a"), None);
    }

    #[test]
    fn decoding_gives_the_text_or_where_it_breaks() {
        let text = "Café 🇳🇿 “quoted”";
        assert_eq!(
            decode_utf16(&utf16le(text), Utf16::Little).as_deref(),
            Ok(text)
        );
        assert_eq!(
            decode_utf16(&utf16be(text), Utf16::Big).as_deref(),
            Ok(text)
        );
        let mut unpaired = utf16le("ab");
        unpaired.extend([0x00, 0xD8]);
        unpaired.extend(utf16le("c"));
        assert_eq!(decode_utf16(&unpaired, Utf16::Little), Err(4));
        assert_eq!(decode_utf16(b"a\0b", Utf16::Little), Err(2));
    }
}
