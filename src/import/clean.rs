//! Normalisation of untrusted text, applied by every loader before anything
//! else sees the text.
//!
//! After [`clean`], a string holds no C0 or C1 control character, no DEL, no
//! escape sequence, no bidi or zero-width format character and no run of
//! white space: it is one line of printable text that is safe to hand to a
//! terminal. Escape sequences, control characters and bidi controls become
//! a visible [`PLACEHOLDER`] so that a reader sees something was there and
//! the words around it do not merge; joiners and marks that only shape text
//! (ZWJ, LRM, soft hyphen, BOM) are dropped. Curly quotes, dashes and accents are kept.

use std::borrow::Cow;

use crate::model::{Block, Post, Source};

/// Shown where the input had a control character or an escape sequence.
pub const PLACEHOLDER: char = '\u{FFFD}';

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
const C1_CSI: char = '\u{9b}';
const C1_OSC: char = '\u{9d}';
const C1_ST: char = '\u{9c}';
const C1_DCS: char = '\u{90}';

/// Normalises one piece of untrusted text; see the module documentation.
///
/// ```
/// use pundit::import::clean::clean;
/// assert_eq!(clean("  a\u{a0}b\t\tc \r\n"), "a b c");
/// assert_eq!(clean("x\u{1b}]0;pwned\u{7}y"), "x\u{FFFD}y");
/// ```
pub fn clean(input: &str) -> String {
    clean_cow(input).into_owned()
}

/// [`clean`] for a string the caller owns: allocates only when something
/// has to change.
pub fn clean_in_place(text: &mut String) {
    if needs_cleaning(text.as_bytes()) {
        *text = clean_changed(text);
    }
}

/// [`clean`] that borrows `input` when it is already clean.
pub fn clean_cow(input: &str) -> Cow<'_, str> {
    if needs_cleaning(input.as_bytes()) {
        Cow::Owned(clean_changed(input))
    } else {
        Cow::Borrowed(input)
    }
}

/// [`clean`] for many texts one after another, with one buffer between
/// them: `None` when `input` is clean as it stands, else what cleaning
/// makes of it, written over `buffer`. (Text that needs cleaning may still
/// come out the same.)
pub fn clean_with_buffer<'b>(input: &str, buffer: &'b mut String) -> Option<&'b str> {
    if !needs_cleaning(input.as_bytes()) {
        return None;
    }
    buffer.clear();
    clean_changed_into(input, buffer);
    Some(buffer)
}

/// [`clean`] for boxed text: replaced only when something has to change.
pub fn clean_boxed(text: &mut Box<str>) {
    if needs_cleaning(text.as_bytes()) {
        *text = clean_changed(text).into_boxed_str();
    }
}

/// Whether [`clean`] would change `text`, decided on its UTF-8 bytes without
/// decoding: most paragraphs are already clean, and copying them whole is
/// several times faster than rebuilding them a character at a time.
///
/// A byte needs a closer look when it is a control, a space at either end
/// or next to another, or the lead byte of a character that is white space,
/// a C1 control or an invisible format character (U+0085, U+00A0, U+00AD,
/// U+061C, U+1680, U+2000–U+200F, U+2028–U+202F, U+205F–U+206F, U+3000,
/// U+FEFF, U+FFF9–U+FFFB): see [`first_special`].
fn needs_cleaning(bytes: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    first == b' ' || last == b' ' || first_special(bytes, 0) < bytes.len()
}

/// The first byte at or after `from` where [`special_at`] holds: a
/// control, the first of two spaces, or the lead byte of a character
/// [`clean`] changes; `bytes.len()` where there is none. `from` is where a
/// character starts.
///
/// Every byte of an archive is looked at here, so bytes are read
/// thirty-two at a time where the processor has AVX2 (checked at run time),
/// sixteen at a time where it has SSE2 (every x86-64 one) and at the end,
/// eight at a time on other processors. Only a few bytes per paragraph of prose
/// are then looked at one by one: controls and double spaces, which settle
/// it, and the lead bytes of the characters [`special_at`] may change.
/// Curly quotes and dashes share a lead byte (0xE2) with some of those, so
/// the wide form also passes over U+2010–U+2027, their block, at once.
fn first_special(bytes: &[u8], from: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the processor has AVX2, checked just above.
            unsafe { avx2::first_special(bytes, from) }
        } else {
            // SAFETY: SSE2 is part of every x86-64 processor.
            unsafe { sse2::first_special(bytes, from) }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        first_special_by_words(bytes, from).unwrap_or(bytes.len())
    }
}

/// [`first_special`] eight bytes at a time, from `from`, for processors
/// other than x86-64 (and in tests, everywhere).
///
/// A control or a double space among eight bytes settles a window, and
/// only the lead bytes of characters outside ASCII (a few per paragraph of
/// prose) are looked at one by one.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
fn first_special_by_words(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    // The ninth byte of each window is the last one's neighbour, for
    // double spaces.
    while let Some(window) = bytes.get(i..i + 9) {
        let this = u64::from_le_bytes(window[..8].try_into().expect("eight bytes"));
        let next = u64::from_le_bytes(window[1..].try_into().expect("eight bytes"));
        let double_space = zero_bytes(this ^ splat(b' ')) & zero_bytes(next ^ splat(b' '));
        // The two top bits set: the first byte of a character outside ASCII.
        let leads = this & (this << 1) & HIGH;
        if double_space | controls(this) | leads != 0
            && let Some(at) = (i..i + 8).find(|&at| special_at(bytes, at))
        {
            return Some(at);
        }
        i += 8;
    }
    (i..bytes.len()).find(|&at| special_at(bytes, at))
}

/// The sixteen-bytes-at-a-time part of [`first_special`].
#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_sub_epi8,
    };

    use super::confirmed;

    /// [`super::first_special`], sixteen bytes at a time.
    #[target_feature(enable = "sse2")]
    pub(super) fn first_special(bytes: &[u8], from: usize) -> usize {
        let len = bytes.len();
        if len - from < 18 {
            return padded(bytes, from);
        }
        let mut i = from;
        // Three loads per step, at i, i + 1 and i + 2: a byte's neighbours.
        while i + 18 <= len {
            if let Some(at) = confirmed(bytes, i, candidates(&bytes[i..i + 18])) {
                return at;
            }
            i += 16;
        }
        // The bytes left, fewer than a step: see [`super::last_two`].
        let start = len - 18;
        if i < len - 2 {
            let unread = u32::MAX << (i - start);
            if let Some(at) = confirmed(bytes, start, candidates(&bytes[start..]) & unread) {
                return at;
            }
        }
        super::last_two(bytes, i)
    }

    /// [`first_special`] of a text with fewer than eighteen bytes from
    /// `from`, read from a copy padded with a letter: it makes no double
    /// space, and a lead byte's own continuation bytes are never cut off,
    /// so no byte of the text is missed.
    #[target_feature(enable = "sse2")]
    fn padded(bytes: &[u8], from: usize) -> usize {
        let rest = &bytes[from..];
        if rest.is_empty() {
            return bytes.len();
        }
        let mut padded = [b'a'; 34];
        padded[..rest.len()].copy_from_slice(rest);
        let mut candidates = candidates(&padded[..18]);
        if rest.len() > 16 {
            candidates |= self::candidates(&padded[16..]) << 16;
        }
        let in_text = (1 << rest.len()) - 1;
        confirmed(bytes, from, candidates & in_text).unwrap_or(bytes.len())
    }

    #[target_feature(enable = "sse2")]
    fn splat(byte: u8) -> __m128i {
        _mm_set1_epi8(byte as i8)
    }

    /// Bytes at or below `max`.
    #[target_feature(enable = "sse2")]
    fn at_most(v: __m128i, max: u8) -> __m128i {
        _mm_cmpeq_epi8(_mm_min_epu8(v, splat(max)), v)
    }

    /// One bit per byte of `window[..16]` that [`special_at`] may hold
    /// for: every one it holds for, and few others.
    #[target_feature(enable = "sse2")]
    fn candidates(window: &[u8]) -> u32 {
        assert!(window.len() >= 18);
        // SAFETY: the three 16-byte loads read `window[0..16]`,
        // `window[1..17]` and `window[2..18]`, in bounds by the assert.
        let (v, v1, v2) = unsafe {
            let at = window.as_ptr();
            (
                _mm_loadu_si128(at.cast()),
                _mm_loadu_si128(at.add(1).cast()),
                _mm_loadu_si128(at.add(2).cast()),
            )
        };
        let is = |v: __m128i, byte: u8| _mm_cmpeq_epi8(v, splat(byte));
        let controls = _mm_or_si128(at_most(v, 0x1f), is(v, 0x7f));
        let double_space = _mm_and_si128(is(v, b' '), is(v1, b' '));
        // The lead bytes `special_at` looks further at.
        let leads = _mm_or_si128(
            _mm_or_si128(is(v, 0xc2), is(v, 0xd8)),
            _mm_or_si128(
                _mm_or_si128(is(v, 0xe1), is(v, 0xe2)),
                _mm_or_si128(is(v, 0xe3), is(v, 0xef)),
            ),
        );
        // U+2010–U+2027 (E2 80 90 to E2 80 A7): dashes, quotes, bullets and
        // the ellipsis, which prose is full of; none is changed.
        let typography = _mm_and_si128(
            _mm_and_si128(is(v, 0xe2), is(v1, 0x80)),
            at_most(_mm_sub_epi8(v2, splat(0x90)), 0x17),
        );
        let any = _mm_or_si128(
            _mm_or_si128(controls, double_space),
            _mm_andnot_si128(typography, leads),
        );
        _mm_movemask_epi8(any) as u32
    }
}

/// The last bytes of a text the wide forms read in steps, from `i` (at
/// most two bytes before its end, after one step or more): the window that
/// ends with the text, whose bytes before `i` were read already and are
/// left out, then the last two, whose neighbours lie past the end (a
/// window would need them), one by one. A paragraph is about a hundred
/// bytes, so these are a sixth of the bytes read: read this way rather than
/// from a padded copy, they take one step.
#[cfg(target_arch = "x86_64")]
fn last_two(bytes: &[u8], i: usize) -> usize {
    let end = bytes.len();
    (i.max(end - 2)..end)
        .find(|&at| special_at(bytes, at))
        .unwrap_or(end)
}

/// The first of the `candidates` (bits for the bytes from `i` on) that
/// [`special_at`] holds for.
#[cfg(target_arch = "x86_64")]
fn confirmed(bytes: &[u8], i: usize, mut candidates: u32) -> Option<usize> {
    while candidates != 0 {
        let at = i + candidates.trailing_zeros() as usize;
        if special_at(bytes, at) {
            return Some(at);
        }
        candidates &= candidates - 1;
    }
    None
}

/// The thirty-two-bytes-at-a-time part of [`first_special`], for
/// processors with AVX2: the sixteen-byte form's test on twice the bytes
/// per step, which halves the steps over a paragraph of prose. The last
/// bytes, fewer than a step's window, are left to the sixteen-byte form.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_and_si256, _mm256_andnot_si256, _mm256_cmpeq_epi8, _mm256_loadu_si256,
        _mm256_min_epu8, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8, _mm256_sub_epi8,
    };

    use super::confirmed;

    /// [`super::first_special`], thirty-two bytes at a time.
    #[target_feature(enable = "avx2")]
    pub(super) fn first_special(bytes: &[u8], from: usize) -> usize {
        let len = bytes.len();
        if len - from < 34 {
            // AVX2 implies SSE2.
            return super::sse2::first_special(bytes, from);
        }
        let mut i = from;
        // Three loads per step, at i, i + 1 and i + 2: a byte's neighbours.
        while i + 34 <= len {
            if let Some(at) = confirmed(bytes, i, candidates(&bytes[i..i + 34])) {
                return at;
            }
            i += 32;
        }
        // The bytes left, fewer than a step: see [`super::last_two`].
        let start = len - 34;
        if i < len - 2 {
            let unread = u32::MAX << (i - start);
            if let Some(at) = confirmed(bytes, start, candidates(&bytes[start..]) & unread) {
                return at;
            }
        }
        super::last_two(bytes, i)
    }

    #[target_feature(enable = "avx2")]
    fn splat(byte: u8) -> __m256i {
        _mm256_set1_epi8(byte as i8)
    }

    #[target_feature(enable = "avx2")]
    fn is(v: __m256i, byte: u8) -> __m256i {
        _mm256_cmpeq_epi8(v, splat(byte))
    }

    /// Bytes at or below `max`.
    #[target_feature(enable = "avx2")]
    fn at_most(v: __m256i, max: u8) -> __m256i {
        _mm256_cmpeq_epi8(_mm256_min_epu8(v, splat(max)), v)
    }

    /// One bit per byte of `window[..32]` that [`super::special_at`] may
    /// hold for, as the sixteen-byte form's `candidates` finds them.
    #[target_feature(enable = "avx2")]
    fn candidates(window: &[u8]) -> u32 {
        assert!(window.len() >= 34);
        // SAFETY: the three 32-byte loads read `window[0..32]`,
        // `window[1..33]` and `window[2..34]`, in bounds by the assert.
        let (v, v1, v2) = unsafe {
            let at = window.as_ptr();
            (
                _mm256_loadu_si256(at.cast()),
                _mm256_loadu_si256(at.add(1).cast()),
                _mm256_loadu_si256(at.add(2).cast()),
            )
        };
        let controls = _mm256_or_si256(at_most(v, 0x1f), is(v, 0x7f));
        let double_space = _mm256_and_si256(is(v, b' '), is(v1, b' '));
        let leads = _mm256_or_si256(
            _mm256_or_si256(is(v, 0xc2), is(v, 0xd8)),
            _mm256_or_si256(
                _mm256_or_si256(is(v, 0xe1), is(v, 0xe2)),
                _mm256_or_si256(is(v, 0xe3), is(v, 0xef)),
            ),
        );
        // U+2010–U+2027, passed over at once as in the sixteen-byte form.
        let typography = _mm256_and_si256(
            _mm256_and_si256(is(v, 0xe2), is(v1, 0x80)),
            at_most(_mm256_sub_epi8(v2, splat(0x90)), 0x17),
        );
        let any = _mm256_or_si256(
            _mm256_or_si256(controls, double_space),
            _mm256_andnot_si256(typography, leads),
        );
        _mm256_movemask_epi8(any) as u32
    }
}

const fn splat(byte: u8) -> u64 {
    byte as u64 * 0x0101_0101_0101_0101
}

const HIGH: u64 = splat(0x80);

/// The high bit of each byte of `x` that is zero, and no other bit.
fn zero_bytes(x: u64) -> u64 {
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// The high bit of each byte of `x` that is an ASCII control (below a
/// space, or DEL), and no other bit.
fn controls(x: u64) -> u64 {
    let low = x & !HIGH;
    // Per byte, with no carry into the next: the high bit of `low + 0x60`
    // says the byte is 0x20 or more, that of `low + 0x01` that it is 0x7f.
    let printable = low.wrapping_add(splat(0x60)) & !low.wrapping_add(splat(0x01));
    !printable & !x & HIGH
}

/// Whether the byte at `at` starts something [`clean`] changes. Valid UTF-8:
/// a lead byte is always followed by its continuation bytes.
fn special_at(bytes: &[u8], i: usize) -> bool {
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    match bytes[i] {
        b' ' => at(i + 1) == b' ',
        0x21..=0x7e | 0x80..=0xbf => false,
        0x00..=0x1f | 0x7f => true,
        0xc2 => matches!(at(i + 1), 0x80..=0xa0 | 0xad),
        0xd8 => at(i + 1) == 0x9c,
        0xe1 => matches!((at(i + 1), at(i + 2)), (0x9a, 0x80) | (0xa0, 0x8e)),
        0xe2 => matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0x80..=0x8f | 0xa8..=0xaf) | (0x81, 0x9f..=0xaf)
        ),
        0xe3 => (at(i + 1), at(i + 2)) == (0x80, 0x80),
        0xef => matches!((at(i + 1), at(i + 2)), (0xbb, 0xbf) | (0xbf, 0xb9..=0xbb)),
        _ => false,
    }
}

/// How many bytes at the start of `bytes` [`clean`] copies as they are:
/// characters it keeps, and single spaces between two of them. A space is
/// not kept at the start, at the end, or before a byte [`special_at`]
/// holds for (a second space, a control, a character [`clean`] changes).
fn kept_run(bytes: &[u8]) -> usize {
    if bytes.first() == Some(&b' ') {
        return 0;
    }
    let mut end = first_special(bytes, 0);
    if end == bytes.len() && bytes.last() == Some(&b' ') {
        end -= 1;
    }
    if end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    end
}

/// [`clean`] of text that [`needs_cleaning`]: the runs it keeps as they are
/// are copied whole, and only the rest is read a character at a time (text
/// that needs cleaning usually needs it in one or two places).
fn clean_changed(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    clean_changed_into(input, &mut out);
    out
}

/// [`clean_changed`], appended to `out`.
fn clean_changed_into(input: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    let push = |out: &mut String, text: &str, pending_space: &mut bool| {
        if *pending_space && out.len() > start {
            out.push(' ');
        }
        *pending_space = false;
        out.push_str(text);
    };
    let mut rest = input;
    while !rest.is_empty() {
        let run = kept_run(rest.as_bytes());
        if run > 0 {
            push(out, &rest[..run], &mut pending_space);
            rest = &rest[run..];
            continue;
        }
        let mut chars = rest.chars();
        let c = chars.next().expect("the rest is not empty");
        let replacement = match c {
            ESC => {
                skip_escape_sequence(&mut chars);
                Some(PLACEHOLDER)
            }
            C1_CSI => {
                skip_csi_body(&mut chars);
                Some(PLACEHOLDER)
            }
            C1_OSC | C1_DCS | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                skip_string_body(&mut chars);
                Some(PLACEHOLDER)
            }
            c if c.is_whitespace() || c == '\u{200b}' => {
                pending_space = true;
                None
            }
            c if is_bidi_control(c) => Some(PLACEHOLDER),
            c if is_invisible_format(c) => None,
            c if c.is_control() => Some(PLACEHOLDER),
            c => Some(c),
        };
        if let Some(c) = replacement {
            push(out, c.encode_utf8(&mut [0u8; 4]), &mut pending_space);
        }
        rest = chars.as_str();
    }
}

/// True when [`clean`] would make nothing of `line`: white space, control
/// characters and invisible format characters only. Allocates nothing.
pub fn is_blank(line: &str) -> bool {
    // Most lines open with a printable ASCII character, or with the spaces
    // and tabs that indent one: settled at once.
    let indent = line
        .bytes()
        .position(|b| b != b' ' && b != b'\t')
        .unwrap_or(line.len());
    let line = &line[indent..];
    if line.as_bytes().first().is_some_and(u8::is_ascii_graphic) {
        return false;
    }
    line.chars().all(|c| {
        c.is_whitespace() || c == '\u{200b}' || (is_invisible_format(c) && !is_bidi_control(c))
    })
}

/// True when `text` is already what [`clean`] would make of it.
pub fn is_clean(text: &str) -> bool {
    clean(text) == text
}

/// Cleans an optional field; one that cleans to nothing becomes `None`.
pub fn clean_option(field: &mut Option<String>) {
    if let Some(text) = field {
        clean_in_place(text);
        if text.is_empty() {
            *field = None;
        }
    }
}

/// Cleans every string a post holds but its id and topic names: its own
/// text, its sources', its comments'. Fields that clean to nothing become
/// `None`.
pub fn clean_post(post: &mut Post) {
    clean_in_place(&mut post.title);
    clean_option(&mut post.author);
    clean_option(&mut post.date);
    clean_option(&mut post.url);
    for tag in &mut post.tags {
        clean_in_place(tag);
    }
    clean_blocks_and_sources(&mut post.blocks, &mut post.sources);
    for comment in &mut post.comments {
        clean_in_place(&mut comment.id);
        clean_option(&mut comment.author);
        clean_option(&mut comment.date);
        clean_option(&mut comment.label);
        clean_blocks_and_sources(&mut comment.blocks, &mut comment.sources);
    }
}

fn clean_blocks_and_sources(blocks: &mut [Block], sources: &mut [Source]) {
    for block in blocks {
        clean_boxed(&mut block.text);
    }
    for source in sources {
        clean_option(&mut source.outlet);
        clean_option(&mut source.headline);
        clean_option(&mut source.url);
    }
}

/// Bidi controls, zero-width joiners and similar: they change how the
/// terminal lays text out without showing anything, so they are dropped.
fn is_invisible_format(c: char) -> bool {
    is_bidi_control(c)
        || matches!(c,
            '\u{200c}'..='\u{200f}'   // ZWNJ, ZWJ, LRM, RLM
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{061c}'              // Arabic letter mark
            | '\u{00ad}'              // soft hyphen
            | '\u{feff}'              // byte order mark
            | '\u{fff9}'..='\u{fffb}' // interlinear annotation
        )
}

/// Bidi embeddings, overrides and isolates: they reorder what follows them
/// (text that reads one way and is stored another), so they are shown as a
/// placeholder rather than silently dropped, and the words around them stay
/// apart.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The next character, left unread.
fn peek(chars: &std::str::Chars<'_>) -> Option<char> {
    chars.clone().next()
}

/// Consumes what follows an ESC: a CSI (`ESC [ … final`), a string
/// (`ESC ] … BEL|ESC \`, also `P`, `X`, `^`, `_`), or a two-character escape.
fn skip_escape_sequence(chars: &mut std::str::Chars<'_>) {
    match peek(chars) {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string_body(chars);
        }
        Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
            // Intermediate bytes, then one final byte: `ESC ( B`, `ESC 7`.
            for next in chars.by_ref() {
                if !('\u{20}'..='\u{2f}').contains(&next) {
                    break;
                }
            }
        }
        _ => {}
    }
}

/// Parameters and intermediates up to and including the final byte.
fn skip_csi_body(chars: &mut std::str::Chars<'_>) {
    while let Some(c) = peek(chars) {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// An OSC/DCS-like string up to BEL, ST or `ESC \`. An unterminated string
/// ends at the next control character, so one stray ESC cannot swallow a post.
fn skip_string_body(chars: &mut std::str::Chars<'_>) {
    while let Some(c) = peek(chars) {
        match c {
            BEL | C1_ST => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                if peek(chars) == Some('\\') {
                    chars.next();
                }
                return;
            }
            c if c.is_control() => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cleaning as first written, a character at a time: kept to check
    /// [`clean_changed`], which copies what it keeps in runs, against.
    fn clean_slowly(input: &str) -> String {
        let mut out = String::with_capacity(input.len());
        let mut chars = input.chars().peekable();
        let mut pending_space = false;
        while let Some(c) = chars.next() {
            let replacement = match c {
                '!'..='~' => Some(c),
                ' ' => {
                    pending_space = true;
                    None
                }
                ESC => {
                    slow::skip_escape_sequence(&mut chars);
                    Some(PLACEHOLDER)
                }
                C1_CSI => {
                    slow::skip_csi_body(&mut chars);
                    Some(PLACEHOLDER)
                }
                C1_OSC | C1_DCS | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                    slow::skip_string_body(&mut chars);
                    Some(PLACEHOLDER)
                }
                c if c.is_whitespace() || c == '\u{200b}' => {
                    pending_space = true;
                    None
                }
                c if is_bidi_control(c) => Some(PLACEHOLDER),
                c if is_invisible_format(c) => None,
                c if c.is_control() => Some(PLACEHOLDER),
                c => Some(c),
            };
            if let Some(c) = replacement {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
        out
    }

    /// The escape-sequence readers as first written, on a peekable iterator.
    mod slow {
        use super::super::{BEL, C1_ST, ESC};

        /// Consumes what follows an ESC: a CSI (`ESC [ … final`), a string
        /// (`ESC ] … BEL|ESC \`, also `P`, `X`, `^`, `_`), or a two-character escape.
        pub fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
            match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi_body(chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string_body(chars);
                }
                Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
                    // Intermediate bytes, then one final byte: `ESC ( B`, `ESC 7`.
                    while let Some(&next) = chars.peek() {
                        chars.next();
                        if !('\u{20}'..='\u{2f}').contains(&next) {
                            break;
                        }
                    }
                }
                _ => {}
            }
        }

        /// Parameters and intermediates up to and including the final byte.
        pub fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
            while let Some(&c) = chars.peek() {
                if ('\u{20}'..='\u{3f}').contains(&c) {
                    chars.next();
                } else {
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        chars.next();
                    }
                    return;
                }
            }
        }

        /// An OSC/DCS-like string up to BEL, ST or `ESC \`. An unterminated string
        /// ends at the next control character, so one stray ESC cannot swallow a post.
        pub fn skip_string_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
            while let Some(&c) = chars.peek() {
                match c {
                    BEL | C1_ST => {
                        chars.next();
                        return;
                    }
                    ESC => {
                        chars.next();
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        return;
                    }
                    c if c.is_control() => return,
                    _ => {
                        chars.next();
                    }
                }
            }
        }
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed() {
        assert_eq!(clean("\u{a0}Paris\u{a0} attack  \n"), "Paris attack");
        assert_eq!(clean("a\r\nb"), "a b");
        assert_eq!(clean(""), "");
        assert_eq!(clean(" \u{a0} "), "");
    }

    #[test]
    fn typography_is_kept() {
        let text = "“François” – don’t … ‘Meh’ — Chlöe";
        assert_eq!(clean(text), text);
    }

    #[test]
    fn escape_sequences_become_one_placeholder() {
        assert_eq!(clean("a\u{1b}[2Jb"), "a\u{FFFD}b");
        assert_eq!(clean("a\u{1b}[38;5;196mb"), "a\u{FFFD}b");
        assert_eq!(clean("a\u{1b}]52;c;ZXZpbA==\u{7}b"), "a\u{FFFD}b");
        assert_eq!(clean("a\u{1b}]8;;http://x\u{1b}\\link"), "a\u{FFFD}link");
        assert_eq!(clean("a\u{9b}31mb"), "a\u{FFFD}b");
        assert_eq!(clean("a\u{1b}7b"), "a\u{FFFD}b");
        assert_eq!(clean("end\u{1b}"), "end\u{FFFD}");
    }

    #[test]
    fn unterminated_osc_stops_at_the_next_control() {
        assert_eq!(clean("a\u{1b}]0;title\nrest"), "a\u{FFFD} rest");
    }

    #[test]
    fn controls_are_replaced_and_format_characters_dropped() {
        assert_eq!(
            clean("a\u{0}b\u{7}c\u{7f}d\u{85}e"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d e"
        );
        assert_eq!(
            clean("ab\u{202e}cd\u{2066}e\u{200d}f"),
            "ab\u{FFFD}cd\u{FFFD}ef"
        );
        assert_eq!(clean("a\u{200b}b"), "a b");
    }

    #[test]
    fn blank_lines() {
        for line in ["", " ", "\u{a0}\t", "\u{200b}\u{feff}", "\r"] {
            assert!(is_blank(line), "{line:?}");
            assert_eq!(clean(line), "");
        }
        for line in ["a", " \u{1b} ", "\u{0}"] {
            assert!(!is_blank(line), "{line:?}");
        }
    }

    #[test]
    fn the_fast_path_agrees_with_the_slow_one() {
        let samples = [
            "plain text",
            "curly “quotes” – dashes … ‘x’",
            "a  b",
            " a",
            "a ",
            "a\u{a0}b",
            "a\u{2028}b",
            "a\u{202e}b",
            "a\u{2066}b",
            "a\u{feff}b",
            "a\u{3000}b",
            "a\u{1680}b",
            "a\u{85}b",
            "a\u{ad}b",
            "a\u{61c}b",
            "a\u{200b}b",
            "a\u{fff9}b",
            "£5 at 30°",
            "a\u{205f}b",
            "a\u{202f}b",
            "€ ™ — •",
            "a\u{9b}b",
            "中文 emoji 😀",
        ];
        for sample in samples {
            assert_eq!(clean(sample), clean_slowly(sample), "{sample:?}");
            assert_eq!(
                needs_cleaning(sample.as_bytes()),
                clean_slowly(sample) != sample,
                "{sample:?}"
            );
        }
    }

    #[test]
    fn a_double_space_is_found_wherever_it_falls_against_the_sixteen_byte_steps() {
        for at in 1..48 {
            for filler in ["a", "é"] {
                let mut sample: String = filler.repeat(50);
                let at = sample.char_indices().nth(at).map_or(0, |(i, _)| i);
                sample.insert_str(at, "  ");
                assert!(needs_cleaning(sample.as_bytes()), "{sample:?}");
                sample.remove(at);
                assert!(!needs_cleaning(sample.as_bytes()), "{sample:?}");
            }
        }
    }

    #[test]
    fn the_fast_check_agrees_with_cleaning_at_every_offset() {
        let inserts = [
            "\u{0}", "\u{1f}", "\u{7f}", " ", "  ", "\u{a0}", "\u{85}", "’", "“", "—", "é",
            "\u{200b}", "\u{2028}", "\u{feff}", "\u{3000}", "~", "😀", "\t", "\u{9b}",
        ];
        for insert in inserts {
            for at in 0..24 {
                let sample = format!("{}{insert}{}", "x".repeat(at), "y".repeat(24 - at));
                assert_eq!(
                    needs_cleaning(sample.as_bytes()),
                    clean_slowly(&sample) != sample,
                    "{sample:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn runs_and_the_fast_check_agree_with_cleaning_a_character_at_a_time(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Zz", "é", "“", "”", "’", "—", "…", "中", "😀", " ", "  ", "\t", "\n",
                    "\r\n", "\u{a0}", "\u{85}", "\u{ad}", "\u{61c}", "\u{1680}", "\u{2000}",
                    "\u{200b}", "\u{200d}", "\u{2028}", "\u{202e}", "\u{202f}", "\u{2060}",
                    "\u{2066}", "\u{3000}", "\u{feff}", "\u{fff9}", "\u{0}", "\u{7}", "\u{7f}",
                    "\u{1b}", "\u{1b}[", "\u{1b}]0;x", "\u{1b}\\", "\u{1b}(", "[", "]", "0;", "m",
                    "\u{9b}", "\u{9c}", "\u{9d}", "\u{90}", "\u{98}", "\\", "~", "!",
                ]),
                0..24,
            ),
        ) {
            let text: String = pieces.concat();
            let slowly = clean_slowly(&text);
            proptest::prop_assert_eq!(needs_cleaning(text.as_bytes()), slowly != text, "{:?}", text);
            proptest::prop_assert_eq!(clean_changed(&text), slowly, "{:?}", text);
        }
    }

    /// Runs kept as first written, a byte at a time: kept to check
    /// [`kept_run`], which finds their end with [`first_special`], against.
    fn kept_run_slowly(bytes: &[u8]) -> usize {
        let kept_char_at = |at: usize| match bytes[at] {
            0x21..=0x7e => true,
            0xc0..=0xff => !special_at(bytes, at),
            _ => false,
        };
        let mut at = 0;
        while at < bytes.len() {
            let kept = match bytes[at] {
                0x80..=0xbf => true,
                b' ' => at > 0 && at + 1 < bytes.len() && kept_char_at(at + 1),
                _ => kept_char_at(at),
            };
            if !kept {
                break;
            }
            at += 1;
        }
        at
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The wide scans (thirty-two, sixteen and eight bytes at a time)
        /// find what looking at every
        /// byte finds, from any character, at any alignment, in texts long
        /// enough for several wide steps; runs end where they did.
        #[test]
        fn the_wide_scan_finds_what_a_byte_at_a_time_finds(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "word ", "Zz", "é", "“", "”", "’", "—", "–", "…", "•", "中", "😀", " ",
                    "  ", "\t", "\n", "\u{a0}", "\u{85}", "\u{ad}", "\u{61c}", "\u{1680}",
                    "\u{180e}", "\u{2000}", "\u{200b}", "\u{200f}", "\u{2010}", "\u{2027}",
                    "\u{2028}", "\u{202f}", "\u{2030}", "\u{205f}", "\u{2060}", "\u{2070}",
                    "\u{3000}", "\u{3001}", "\u{feff}", "\u{fff9}", "\u{fffd}", "\u{0}", "\u{7f}",
                    "\u{1b}", "\u{9b}", "£", "°", "Ø", "\u{60c}", "ᚁ",
                ]),
                0..64,
            ),
            skip in 0usize..8,
        ) {
            let text: String = pieces.concat();
            let bytes = text.as_bytes();
            let starts: Vec<usize> = text.char_indices().map(|(at, _)| at).skip(skip).collect();
            for from in starts.into_iter().chain([bytes.len()]) {
                let slowly = (from..bytes.len()).find(|&at| special_at(bytes, at)).unwrap_or(bytes.len());
                proptest::prop_assert_eq!(first_special(bytes, from), slowly, "{:?} from {}", text, from);
                #[cfg(target_arch = "x86_64")]
                {
                    // SAFETY: SSE2 is part of every x86-64 processor.
                    let sixteen = unsafe { sse2::first_special(bytes, from) };
                    proptest::prop_assert_eq!(sixteen, slowly, "{:?} from {}", text, from);
                    if std::arch::is_x86_feature_detected!("avx2") {
                        // SAFETY: the processor has AVX2, checked just above.
                        let thirty_two = unsafe { avx2::first_special(bytes, from) };
                        proptest::prop_assert_eq!(thirty_two, slowly, "{:?} from {}", text, from);
                    }
                }
                proptest::prop_assert_eq!(
                    first_special_by_words(bytes, from).unwrap_or(bytes.len()), slowly, "{:?} from {}", text, from
                );
                proptest::prop_assert_eq!(
                    kept_run(&bytes[from..]), kept_run_slowly(&bytes[from..]), "{:?} from {}", text, from
                );
            }
            // U+180E is looked at and kept: the check may say a text needs
            // cleaning that cleans to itself, never the other way round.
            let clean = clean_slowly(&text);
            proptest::prop_assert!(needs_cleaning(bytes) || clean == text, "{:?}", text);
            let mut buffer = String::from("left from the text before");
            let got = clean_with_buffer(&text, &mut buffer).unwrap_or(&text);
            proptest::prop_assert_eq!(got, clean);
        }
    }

    #[test]
    fn clean_is_idempotent() {
        for text in ["a\u{1b}[2Jb", " x  y ", "\u{9b}\u{9b}", "“q”"] {
            let once = clean(text);
            assert_eq!(clean(&once), once);
            assert!(is_clean(&once));
        }
    }
}
