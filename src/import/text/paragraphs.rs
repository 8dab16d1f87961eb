//! Splitting an archive's text into paragraphs: blank lines separate
//! them, hard-wrapped lines are joined, bullets start list items.
//!
//! Paragraphs never span a blank line, so a large archive is cut at blank
//! lines into pieces split on all cores, and a file can be split as it is
//! read ([`last_cut`]). The text of a piece's paragraphs is held in one
//! arena ([`arena`]).

mod arena;

use std::borrow::Cow;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use crate::import::clean::{clean_with_buffer, is_blank};
pub use arena::ParagraphText;
use arena::{ARENA_LIMIT, ArenaBuilder};

/// One paragraph of the archive, cleaned: its text, and its form (a
/// bullet, its indentation, the gap after it) in the bits its text's
/// handle leaves free.
///
/// An archive has millions of paragraphs, held at once while its titles
/// are found: at 16 bytes each rather than the 24 that fields of their own
/// took, a gigabyte of text holds about 70 MB less.
#[derive(Clone, Default)]
pub struct Paragraph {
    /// Held in its piece's arena with the text of the paragraphs beside it.
    /// The handle holds the paragraph's form: a text replaced or taken
    /// leaves the paragraph's form at its default.
    pub text: ParagraphText,
}

/// The bullets a paragraph may open with ([`strip_bullet`]), `'1'` for a
/// number: a paragraph keeps the place of its own in this list, plus one.
const MARKERS: [char; 10] = ['•', '◦', '▪', '‣', '●', '·', '-', '*', '–', '1'];

/// The bits of a paragraph's form, from the lowest up: whether it had a
/// non-breaking space (1), its bullet (4, see [`MARKERS`]), its
/// indentation (16), the gap after it (8).
const NBSP_BIT: u32 = 1;
const MARKER_SHIFT: u32 = 1;
const MARKER_MASK: u32 = 0xf;
const INDENT_SHIFT: u32 = 5;
const GAP_SHIFT: u32 = 21;
const _: () = assert!(GAP_SHIFT + u8::BITS <= arena::FORM_BITS);
const _: () = assert!(MARKERS.len() < MARKER_MASK as usize);

impl Paragraph {
    /// A paragraph of `text` with its form.
    ///
    /// # Panics
    /// If `marker` is none of [`MARKERS`]: [`strip_bullet`] gives no other.
    pub fn new(
        text: ParagraphText,
        had_nbsp: bool,
        marker: Option<char>,
        indent: u16,
        gap_after: u8,
    ) -> Paragraph {
        let mut paragraph = Paragraph { text };
        paragraph.set_form(had_nbsp, marker, indent, gap_after);
        paragraph
    }

    fn set_form(&mut self, had_nbsp: bool, marker: Option<char>, indent: u16, gap_after: u8) {
        let marker = marker.map_or(0, |marker| {
            let at = MARKERS
                .iter()
                .position(|&known| known == marker)
                .expect("a bullet is one the splitter knows");
            at as u32 + 1
        });
        self.text.set_form(
            u32::from(had_nbsp)
                | marker << MARKER_SHIFT
                | u32::from(indent) << INDENT_SHIFT
                | u32::from(gap_after) << GAP_SHIFT,
        );
    }

    /// The raw text had a non-breaking space: scraped titles often do.
    pub fn had_nbsp(&self) -> bool {
        self.text.form() & NBSP_BIT != 0
    }

    /// The bullet it opened with: the bullet itself ("•", "-", "*"), or
    /// `'1'` for a number ("1.", "12)").
    pub fn marker(&self) -> Option<char> {
        let code = (self.text.form() >> MARKER_SHIFT & MARKER_MASK) as usize;
        code.checked_sub(1).and_then(|at| MARKERS.get(at).copied())
    }

    /// Columns of white space before its first line's text or bullet (a
    /// tab counts four): how deep a comment sits in a printed thread.
    pub fn indent(&self) -> u16 {
        (self.text.form() >> INDENT_SHIFT) as u16
    }

    /// Blank lines between it and the next paragraph (up to 255). A page
    /// printed as text leaves a wider gap than its usual one between its
    /// sections: before a comment list, between comments that have no label.
    pub fn gap_after(&self) -> u8 {
        (self.text.form() >> GAP_SHIFT) as u8
    }

    /// Set for every paragraph as the next one is split: its bits are
    /// replaced where they lie, the rest of the form left as it is.
    fn set_gap_after(&mut self, gap: u8) {
        let kept = self.text.form() & !(u32::from(u8::MAX) << GAP_SHIFT);
        self.text.set_form(kept | u32::from(gap) << GAP_SHIFT);
    }

    /// Drops its bullet: the marker that opened a comment is the comment's,
    /// not a list's.
    pub fn clear_marker(&mut self) {
        let kept = self.text.form() & !(MARKER_MASK << MARKER_SHIFT);
        self.text.set_form(kept);
    }

    /// It opened with a bullet or a number.
    pub fn is_list_item(&self) -> bool {
        self.text.form() & (MARKER_MASK << MARKER_SHIFT) != 0
    }
}

impl From<&str> for Paragraph {
    /// A paragraph of `text` in an arena of its own, with no bullet, no
    /// indentation and no gap after it.
    fn from(text: &str) -> Paragraph {
        Paragraph { text: text.into() }
    }
}

impl PartialEq for Paragraph {
    fn eq(&self, other: &Paragraph) -> bool {
        self.text == other.text && self.text.form() == other.text.form()
    }
}

impl Eq for Paragraph {}

impl std::fmt::Debug for Paragraph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paragraph")
            .field("text", &self.text)
            .field("had_nbsp", &self.had_nbsp())
            .field("marker", &self.marker())
            .field("indent", &self.indent())
            .field("gap_after", &self.gap_after())
            .finish()
    }
}

/// Splits an archive into cleaned paragraphs.
///
/// Paragraphs are separated by blank lines (lines of white space, NBSP
/// included). Inside one, a line break is a soft wrap when the line before
/// it is long enough to have been wrapped (40 characters or more, at
/// least 60% of the longest line of the paragraph, and no line of the
/// paragraph wider than [`MAX_WRAP_WIDTH`]); otherwise, and before
/// every bullet, it starts a new paragraph, so an archive with no blank
/// lines at all still splits.
pub fn paragraphs(content: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    extend_paragraphs(&mut out, content);
    out
}

/// Appends the paragraphs of `content` to `out`. `content` is a whole
/// archive or a part of one that ends at a blank line (see [`last_cut`]),
/// so that the parts of an archive read one after another give the same
/// paragraphs as the whole.
///
/// Paragraphs never span a blank line, so the text is cut at blank lines
/// into pieces that are split on all cores.
pub fn extend_paragraphs(out: &mut Vec<Paragraph>, content: &str) {
    split_in_pieces(content.as_bytes(), PIECE_LEN)
        .expect("a str is UTF-8")
        .append_to(out);
}

/// The paragraphs of a part of an archive, split on all cores and not yet
/// appended to those before them: a reader appends one part while the
/// cores split the next ([`split`], [`Split::append_to`]).
#[derive(Debug)]
pub struct Split(Vec<Piece>);

impl Split {
    /// How many paragraphs it holds.
    fn paragraph_count(&self) -> usize {
        self.0.iter().map(|part| part.paragraphs.len()).sum()
    }

    /// Appends the paragraphs to `out`, which holds those of the archive
    /// before them.
    pub fn append_to(self, out: &mut Vec<Paragraph>) {
        out.reserve(self.paragraph_count());
        for part in self.0 {
            // The blank lines a piece opens with widen the gap after the
            // paragraph that ended the piece before.
            if let Some(last) = out.last_mut() {
                last.set_gap_after(last.gap_after().saturating_add(part.leading_blank_lines));
            }
            out.extend(part.paragraphs);
        }
    }
}

/// Text that is not UTF-8: its bytes up to `valid_up_to` are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    pub valid_up_to: usize,
}

/// Splits `content`, a whole archive or a part of one that ends at a blank
/// line (see [`extend_paragraphs`]), checking that it is UTF-8. Each piece
/// is checked on the core that splits it: a piece ends at a line break, so
/// no character spans two, and the first piece that is not UTF-8 says
/// where the text stops being so.
pub fn split(content: &[u8]) -> Result<Split, NotUtf8> {
    split_in_pieces(content, PIECE_LEN)
}

fn split_in_pieces(content: &[u8], piece_len: usize) -> Result<Split, NotUtf8> {
    let pieces = pieces(content, piece_len);
    let parts: Vec<Result<Piece, NotUtf8>> = pieces
        .par_iter()
        .map(|&(start, piece)| match utf8(piece) {
            Ok(piece) => Ok(piece_paragraphs(piece, ARENA_LIMIT)),
            Err(error) => Err(NotUtf8 {
                valid_up_to: start + error.valid_up_to(),
            }),
        })
        .collect();
    parts.into_iter().collect::<Result<_, _>>().map(Split)
}

/// `bytes` as text, if they are UTF-8.
///
/// Checked with SIMD (`simdutf8`, the AVX2 or SSE4.2 form chosen at run
/// time): every byte of an archive is checked, and the standard library's
/// check, fast only on runs of ASCII, took about 7% of the time spent
/// reading paragraphs on prose with curly quotes and accents. A failure is
/// placed by the standard check, which says where the text stops being
/// UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// About how much text one core splits at a time.
const PIECE_LEN: usize = 256 << 10;

/// `content` cut after blank lines into pieces of about `len` bytes or
/// more, each with the offset it starts at. No piece is empty: an empty
/// one would read as a blank line that is not there.
fn pieces(content: &[u8], len: usize) -> Vec<(usize, &[u8])> {
    let mut out = Vec::new();
    let mut start = 0;
    while content.len() - start > len {
        match next_cut(&content[start..], len) {
            Some(cut) => {
                out.push((start, &content[start..start + cut]));
                start += cut;
            }
            None => break,
        }
    }
    if start < content.len() {
        out.push((start, &content[start..]));
    }
    out
}

/// The end of the first blank line that ends at or after byte `from`.
fn next_cut(bytes: &[u8], from: usize) -> Option<usize> {
    let mut newlines = memchr::memchr_iter(b'\n', bytes.get(from..)?).map(|at| from + at);
    let mut previous = newlines.next()?;
    for newline in newlines {
        if is_blank_line(&bytes[previous + 1..newline]) {
            return Some(newline + 1);
        }
        previous = newline;
    }
    None
}

/// The end of the last blank line of `bytes` that ends at or after byte
/// `from`: where text being read can be cut and split so far (see
/// [`extend_paragraphs`]). `from` lets a reader skip what it already searched.
pub fn last_cut(bytes: &[u8], from: usize) -> Option<usize> {
    let mut following: Option<usize> = None;
    for newline in memchr::memrchr_iter(b'\n', bytes) {
        if let Some(end) = following
            && is_blank_line(&bytes[newline + 1..end])
        {
            return Some(end + 1);
        }
        if newline < from {
            break;
        }
        following = Some(newline);
    }
    None
}

fn is_blank_line(line: &[u8]) -> bool {
    std::str::from_utf8(line).is_ok_and(is_blank)
}

/// The paragraphs of a piece of an archive, and the blank lines before its
/// first one.
#[derive(Debug)]
struct Piece {
    leading_blank_lines: u8,
    paragraphs: Vec<Paragraph>,
    /// Blank lines since the last paragraph.
    pending_blank_lines: u8,
    /// The text of the paragraphs from `sealed` on, not yet in an arena.
    arena: ArenaBuilder,
    sealed: usize,
    /// The cleaned text of the paragraph being pushed, where it needed
    /// cleaning: one buffer for them all.
    cleaned: String,
    /// The lines joined into the paragraph being gathered, where it is
    /// more than one: one buffer for them all.
    joined: String,
}

impl Piece {
    /// A piece of `len` bytes, its paragraphs' text held in arenas of at
    /// most `arena_limit` bytes.
    fn new(len: usize, arena_limit: usize) -> Piece {
        Piece {
            leading_blank_lines: 0,
            paragraphs: Vec::new(),
            pending_blank_lines: 0,
            arena: ArenaBuilder::with_capacity(len, arena_limit),
            sealed: 0,
            cleaned: String::new(),
            joined: String::new(),
        }
    }

    /// Adds a paragraph with the cleaned text `text`: the blank lines seen
    /// since the last one are the gap after that one.
    fn push(&mut self, text: Cow<'_, str>, had_nbsp: bool, marker: Option<char>, indent: u16) {
        let gap = std::mem::take(&mut self.pending_blank_lines);
        match self.paragraphs.last_mut() {
            Some(last) => last.set_gap_after(gap),
            None => self.leading_blank_lines = gap,
        }
        if self.arena.is_full_for(text.len()) {
            self.seal();
        }
        let text = self.arena.push(text);
        self.paragraphs
            .push(Paragraph::new(text, had_nbsp, marker, indent, 0));
    }

    /// Gives the paragraphs pushed since the last seal their arena.
    fn seal(&mut self) {
        let unsealed = &mut self.paragraphs[self.sealed..];
        self.arena.seal(unsealed.iter_mut().map(|p| &mut p.text));
        self.sealed = self.paragraphs.len();
    }
}

/// The paragraphs of one piece, a line at a time.
fn piece_paragraphs(piece: &str, arena_limit: usize) -> Piece {
    piece_paragraphs_by(piece, arena_limit, flush_group)
}

/// [`piece_paragraphs`], each group of lines between blank lines made
/// into paragraphs by `flush` (another form of [`flush_group`] in tests).
fn piece_paragraphs_by<'p>(
    piece: &'p str,
    arena_limit: usize,
    mut flush: impl FnMut(&mut Vec<&'p str>, &mut Piece),
) -> Piece {
    let mut out = Piece::new(piece.len(), arena_limit);
    let mut group: Vec<&str> = Vec::new();
    // What follows the last line break is a line only if it holds text.
    let piece = piece.strip_suffix('\n').unwrap_or(piece);
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', piece.as_bytes()).chain([piece.len()]);
    for end in ends {
        let line = piece[start..end].trim_end_matches('\r');
        start = end + 1;
        if is_blank(line) {
            flush(&mut group, &mut out);
            out.pending_blank_lines = out.pending_blank_lines.saturating_add(1);
        } else {
            group.push(line);
        }
    }
    flush(&mut group, &mut out);
    out.seal();
    let trailing = std::mem::take(&mut out.pending_blank_lines);
    match out.paragraphs.last_mut() {
        Some(last) => last.set_gap_after(trailing),
        None => out.leading_blank_lines = trailing,
    }
    out
}

/// Nobody hard-wraps text wider than this: a group with a longer line is
/// one paragraph per line.
const MAX_WRAP_WIDTH: usize = 160;

fn flush_group(group: &mut Vec<&str>, out: &mut Piece) {
    if group.is_empty() {
        return;
    }
    if let [line] = group.as_slice() {
        let (text, marker) = strip_bullet(line);
        push_paragraph(text, marker, indent_of(line), out);
        group.clear();
        return;
    }
    let longest = narrow_enough_to_wrap(group);
    // Lines cut short with an ellipsis, two or more in one group: an
    // archive's excerpts printed line by line, each a paragraph that the
    // line after it (the next title) does not continue, and each under a
    // title line of its own, which no sentence above continues.
    let excerpts_cut = longest.is_some()
        && group
            .iter()
            .filter(|line| is_cut_with_ellipsis(line))
            .nth(1)
            .is_some();
    // The paragraph being gathered: its first line's text, bullet and
    // indentation. Lines joined to it are gathered in `joined`, one buffer
    // for the piece, so that a line left as it stands (most lines of a
    // printed comment thread, too wide to have been wrapped) is pushed from
    // the archive's text without a copy of its own.
    let mut current: Option<(&str, Option<char>, u16)> = None;
    let mut joined = std::mem::take(&mut out.joined);
    let mut is_joined = false;
    let mut previous: Option<Wrapped<'_>> = None;
    for at in 0..group.len() {
        let line = group[at];
        let (text, marker) = strip_bullet(line);
        let is_bullet = marker.is_some();
        // Only in a group narrow enough to have been wrapped may a line
        // continue the one before; then a line of page furniture ("Written
        // By: … - 12 comments") is never wrapped text, nor is the line after
        // it. Whether a line is furniture is asked only where it decides.
        let continues = match longest {
            Some(longest) => {
                let could_be_wrapped = |len: usize| len >= 40 && len * 10 >= longest * 6;
                let mut this = Wrapped::new(line);
                let continues = !is_bullet
                    && previous.as_mut().is_some_and(|previous| {
                        could_be_wrapped(previous.len)
                            && !previous.stands_alone()
                            && !(excerpts_cut && is_cut_with_ellipsis(previous.line))
                            && !(signed_under(previous.line, line)
                                && !could_be_wrapped(this.len)
                                && (excerpts_cut
                                    || group.get(at + 1).is_none_or(|next| next.len() < 40)))
                    })
                    && !this.stands_alone();
                previous = Some(this);
                continues
            }
            None => false,
        };
        match current {
            Some((first, ..))
                if !is_bullet && continues_url(gathered(first, &joined, is_joined), line) =>
            {
                join_to(first, &mut joined, &mut is_joined);
                joined.push_str(text.trim());
            }
            Some((first, ..)) if continues => {
                join_to(first, &mut joined, &mut is_joined);
                joined.push(' ');
                joined.push_str(text);
            }
            _ => {
                if let Some((first, marker, indent)) = current.take() {
                    push_paragraph(gathered(first, &joined, is_joined), marker, indent, out);
                }
                current = Some((text, marker, indent_of(line)));
                is_joined = false;
            }
        }
    }
    group.clear();
    if let Some((first, marker, indent)) = current {
        push_paragraph(gathered(first, &joined, is_joined), marker, indent, out);
    }
    out.joined = joined;
}

/// Whether a line ends with an ellipsis, as an excerpt cut short does.
fn is_cut_with_ellipsis(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with('…') || line.ends_with("...")
}

/// Whether `line`, under a line that ends a sentence, ends with no mark,
/// as a wrapped paragraph's last line seldom does: short, and with nothing
/// but short lines after it, it is a line of its own (a name or a signature
/// under the text, a forum's author block glued to the post above it).
///
/// Accepts "…in the council's own policy." / "Pell Carrow"; rejects
/// "…in the council's" / "own policy" (no sentence ended above) and "…the
/// toll. It went" / "up again." (ends as a sentence).
fn signed_under(above: &str, line: &str) -> bool {
    let ends_sentence = |text: &str| {
        text.trim_end()
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?'])
    };
    ends_sentence(above)
        && line
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// The widest line of `group` in characters, or `None` where one is wider
/// than [`MAX_WRAP_WIDTH`]: then no line of the group was wrapped, and
/// the lines after it need not be counted.
fn narrow_enough_to_wrap(group: &[&str]) -> Option<usize> {
    let mut longest = 0;
    for line in group {
        // A character takes at most four bytes.
        if line.len() > 4 * MAX_WRAP_WIDTH {
            return None;
        }
        longest = longest.max(line.chars().count());
        if longest > MAX_WRAP_WIDTH {
            return None;
        }
    }
    Some(longest)
}

/// A line of a group narrow enough to have been wrapped: its width in
/// characters, and whether it is a line of page furniture, found when
/// first asked.
struct Wrapped<'a> {
    line: &'a str,
    len: usize,
    stands_alone: Option<bool>,
}

impl<'a> Wrapped<'a> {
    fn new(line: &'a str) -> Wrapped<'a> {
        Wrapped {
            line,
            len: line.chars().count(),
            stands_alone: None,
        }
    }

    /// A line of page furniture stands alone: it is not wrapped text.
    fn stands_alone(&mut self) -> bool {
        let (line, len) = (self.line, self.len);
        *self
            .stands_alone
            .get_or_insert_with(|| len <= 200 && super::furniture::is_whole_line(line.trim()))
    }
}

/// The raw text of the paragraph being gathered: its first line's, or
/// the lines joined so far.
fn gathered<'a>(first: &'a str, joined: &'a str, is_joined: bool) -> &'a str {
    if is_joined { joined } else { first }
}

/// Starts joining lines to the paragraph whose first line's text is
/// `first`, unless they already are.
fn join_to(first: &str, joined: &mut String, is_joined: &mut bool) {
    if !*is_joined {
        joined.clear();
        joined.push_str(first);
        *is_joined = true;
    }
}
/// The gap an archive leaves between most of its paragraphs, in blank
/// lines: a wider one sets sections of a page apart.
pub fn usual_gap(all: &[Paragraph]) -> u8 {
    let mut counts = [0usize; 256];
    for paragraph in all.iter().rev().skip(1) {
        counts[usize::from(paragraph.gap_after())] += 1;
    }
    let mut usual = 0;
    for (gap, &count) in counts.iter().enumerate() {
        if count > counts[usual] {
            usual = gap;
        }
    }
    u8::try_from(usual).expect("a gap is a byte")
}

/// Columns of white space that open `line`, a tab counting four.
fn indent_of(line: &str) -> u16 {
    let mut columns: u16 = 0;
    for c in line.chars() {
        columns = columns.saturating_add(match c {
            '\t' => 4,
            ' ' | '\u{a0}' => 1,
            _ => break,
        });
    }
    columns
}

/// A URL broken across two lines: the text so far ends in a URL and the
/// line goes on with URL characters ("…/2017/05/07/" then "french-election/").
///
/// Accepts "see https://example.org/2017/" + "french-vote-live/"; rejects
/// "see https://example.org/" + "Then the count began." (a new sentence).
fn continues_url(so_far: &str, line: &str) -> bool {
    let Some(last) = so_far.split_whitespace().next_back() else {
        return false;
    };
    let Some(first) = line.split_whitespace().next() else {
        return false;
    };
    let url_tail = last.contains("://") || last.starts_with("www.");
    let url_piece = first.contains('/')
        || (!first.starts_with(char::is_uppercase)
            && first.contains(['-', '.', '=', '&', '?', '_'])
            && !first.ends_with(['.', ',', ';', ':']));
    url_tail && url_piece && !line.starts_with(char::is_whitespace) && !first.contains("://")
}

fn push_paragraph(raw: &str, marker: Option<char>, indent: u16, out: &mut Piece) {
    let mut buffer = std::mem::take(&mut out.cleaned);
    if clean_with_buffer(raw, &mut buffer).is_some() {
        if !buffer.is_empty() {
            let had_nbsp = raw.trim().contains('\u{a0}');
            // A text with an arena of its own takes the buffer itself: a
            // copy would hold a paragraph as long as the file twice.
            let text = if out.arena.is_own(buffer.len()) {
                Cow::Owned(std::mem::take(&mut buffer))
            } else {
                Cow::Borrowed(buffer.as_str())
            };
            out.push(text, had_nbsp, marker, indent);
        }
    } else if !raw.is_empty() {
        // Text clean as it stands has no NBSP: cleaning turns one into a
        // space.
        out.push(Cow::Borrowed(raw), false, marker, indent);
    }
    out.cleaned = buffer;
}

/// "  • item" → ("item", Some('•')), "  2. item" → ("item", Some('1')).
/// Hyphens and asterisks count only when a space follows, so "-5 degrees"
/// stays text.
fn strip_bullet(line: &str) -> (&str, Option<char>) {
    // The indentation is measured apart; without it, most lines are clean
    // as they stand and cleaning copies them whole.
    let unindented = line.trim_start_matches([' ', '\t']);
    let text = unindented.trim_start_matches('\u{a0}');
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return (unindented, None);
    };
    // Read by hand rather than by the pattern of [`bullet_by_pattern`],
    // which matches the same lines: most lines open with none of these
    // characters, and a comment's number opens a line in every comment of a
    // printed thread, where the pattern cost a lookup each.
    let marked = match first {
        '•' | '◦' | '▪' | '‣' | '●' | '·' => true,
        '-' | '*' | '–' => chars.next().is_some_and(char::is_whitespace),
        '0'..='9' => {
            let mut after = chars.next();
            match after {
                Some('0'..='9') => after = chars.next(),
                // A digit of another script: the pattern says.
                Some(c) if !c.is_ascii() && c.is_numeric() => return bullet_by_pattern(line),
                _ => {}
            }
            matches!(after, Some('.' | ')')) && chars.next().is_some_and(char::is_whitespace)
        }
        _ => return (unindented, None),
    };
    if !marked {
        return (unindented, None);
    }
    let item = chars.as_str().trim_start_matches(char::is_whitespace);
    let marker = if first.is_ascii_digit() { '1' } else { first };
    (item, Some(marker))
}

/// [`strip_bullet`] by its pattern, for a number in digits of another
/// script (which the pattern's `\d` matches).
fn bullet_by_pattern(line: &str) -> (&str, Option<char>) {
    static BULLET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[\s\u{a0}]*(?:[•◦▪‣●·]|[-*–](?:\s|\u{a0})|\d{1,2}[.)](?:\s|\u{a0}))[\s\u{a0}]*",
        )
        .expect("the bullet pattern is valid")
    });
    let unindented = line.trim_start_matches([' ', '\t']);
    let first = unindented.trim_start_matches('\u{a0}').chars().next();
    match (BULLET.find(line), first) {
        (Some(m), Some(first)) => (
            &line[m.end()..],
            Some(if first.is_ascii_digit() { '1' } else { first }),
        ),
        _ => (unindented, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_short_line_under_line_are_paragraphs_of_their_own() {
        let texts = |text: &str| -> Vec<String> {
            paragraphs(text)
                .iter()
                .map(|p| p.text.to_string())
                .collect()
        };
        let listing = "About the council, mostly.\nFerry fares\nThe fares went up on Monday, the third rise in two years, and…\n\
                       Why? Nobody asked\nHalf the seats on the early sailing were empty this week, and…\n";
        assert_eq!(texts(listing).len(), 5);
        // One line that trails off is a wrapped sentence's, as any other.
        let wrapped =
            "The fares went up on Monday, the third rise in two years, and…\nnobody asked why.\n";
        assert_eq!(texts(wrapped).len(), 1);
    }

    #[test]
    fn a_short_unmarked_line_under_a_sentence_is_a_line_of_its_own() {
        let texts = |text: &str| -> Vec<String> {
            paragraphs(text)
                .iter()
                .map(|p| p.text.to_string())
                .collect()
        };
        // A name under the last sentence, more short lines under it.
        let block = "The office never answered the letter we sent.\nPell Carrow\nJunior Member\nPosts: 12\n";
        assert_eq!(
            texts(block),
            [
                "The office never answered the letter we sent.",
                "Pell Carrow",
                "Junior Member",
                "Posts: 12"
            ]
        );
        // Wrapped text goes on after a sentence within a line, and a
        // short line with a long one under it may still continue it.
        let wrapped =
            "The office never answered the letter we sent. It\nwent unanswered for a month.\n";
        assert_eq!(
            texts(wrapped),
            ["The office never answered the letter we sent. It went unanswered for a month."]
        );
        let linked = "The office never answered the letter we sent.\nTheir reply is here\nAnd the minister's view of it is here, in full.\n";
        assert_eq!(
            texts(linked)[0],
            "The office never answered the letter we sent. Their reply is here"
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_join_wrapped_lines() {
        let text = "Title line\r\n\r\nA long paragraph that was wrapped by the scraper at a\r\nfixed width of sixty or so columns.\r\n\u{a0}\r\n  • one\n  • two\n";
        let got = paragraphs(text);
        let texts: Vec<&str> = got.iter().map(|p| &*p.text).collect();
        assert_eq!(
            texts,
            [
                "Title line",
                "A long paragraph that was wrapped by the scraper at a fixed width of sixty or so columns.",
                "one",
                "two"
            ]
        );
        assert!(got[2].is_list_item() && got[3].is_list_item());
    }

    /// Millions are held at once: 8 bytes more each is 70 MB more on a
    /// gigabyte of text.
    #[test]
    fn a_paragraph_is_as_small_as_its_text_handle() {
        assert_eq!(size_of::<Paragraph>(), 16);
        assert_eq!(size_of::<Paragraph>(), size_of::<ParagraphText>());
    }

    #[test]
    fn a_paragraphs_form_reads_back_whole() {
        for marker in MARKERS.iter().copied().map(Some).chain([None]) {
            for (had_nbsp, indent, gap) in [(false, 0, 0), (true, u16::MAX, u8::MAX), (true, 7, 2)]
            {
                let mut paragraph = Paragraph::new("• Quill".into(), had_nbsp, marker, indent, gap);
                assert_eq!(
                    (paragraph.had_nbsp(), paragraph.marker(), paragraph.indent()),
                    (had_nbsp, marker, indent)
                );
                assert_eq!(paragraph.gap_after(), gap);
                paragraph.text.narrow(4..);
                assert_eq!(&*paragraph.text, "Quill");
                assert_eq!(paragraph.marker(), marker, "narrowed, its form stays");
                paragraph.set_gap_after(1);
                paragraph.clear_marker();
                assert_eq!(
                    (paragraph.had_nbsp(), paragraph.marker(), paragraph.indent()),
                    (had_nbsp, None, indent)
                );
                assert_eq!(paragraph.gap_after(), 1);
            }
        }
        let deep = paragraphs("\t\t\t\t  8. A reply, deep in a thread.\n\n\n\nNext.");
        assert_eq!((deep[0].indent(), deep[0].marker()), (18, Some('1')));
        assert_eq!(deep[0].gap_after(), 3);
    }

    /// A piece longer than an arena may be fills several, with the
    /// paragraphs of the whole.
    #[test]
    fn a_piece_longer_than_an_arena_reads_back_whole() {
        let lines: Vec<String> = (0..40_000)
            .map(|n| format!("Paragraph {n} of a long page, with words enough to be prose."))
            .collect();
        let text = lines.join("\n\n");
        assert!(text.len() > 4 * ARENA_LIMIT);
        let got = piece_paragraphs(&text, ARENA_LIMIT).paragraphs;
        let texts: Vec<&str> = got.iter().map(|p| &*p.text).collect();
        assert_eq!(texts, lines);
    }

    #[test]
    fn pieces_cut_at_blank_lines_give_the_paragraphs_of_the_whole() {
        let wrapped: String = crate::load::BUNDLED
            .split('\n')
            .map(|line| textwrap::fill(line, 50) + "\n")
            .collect();
        let crlf = wrapped.replace('\n', "\r\n");
        let blank_with_spaces = wrapped.replace("\n\n", "\n \u{a0}\n");
        for archive in [&wrapped, &crlf, &blank_with_spaces] {
            let whole = piece_paragraphs(archive, ARENA_LIMIT).paragraphs;
            for piece_len in [1, 10, 300] {
                assert!(pieces(archive.as_bytes(), piece_len).len() > 10);
                let mut got = Vec::new();
                split_in_pieces(archive.as_bytes(), piece_len)
                    .unwrap()
                    .append_to(&mut got);
                assert_eq!(got, whole, "pieces of {piece_len}");
            }
        }
        assert_eq!(
            pieces(b"no blank line here\nat all", 1),
            [(0, &b"no blank line here\nat all"[..])]
        );
        assert_eq!(last_cut(b"a\n\nb\n\nc", 0), Some(6));
        assert_eq!(last_cut(b"a\n\nb\n\nc", 5), Some(6));
        assert_eq!(next_cut(b"a\n\nb\n\nc", 0), Some(3));
        assert_eq!(last_cut(b"a\nb\nc", 0), None);
    }

    #[test]
    fn the_gap_after_a_paragraph_counts_its_blank_lines_however_the_text_is_cut() {
        let text = "Title\n\nFirst.\n\n\n  1. A comment.\n\n\n\nSecond.\nThird.\n";
        let gaps: Vec<u8> = paragraphs(text).iter().map(Paragraph::gap_after).collect();
        assert_eq!(gaps, [1, 2, 3, 0, 0]);
        for piece_len in [1, 5, 12] {
            let mut got = Vec::new();
            split_in_pieces(text.as_bytes(), piece_len)
                .unwrap()
                .append_to(&mut got);
            assert_eq!(got, paragraphs(text), "pieces of {piece_len}");
        }
        // Read in parts, each ending at a blank line, as a file is read.
        let mut got = Vec::new();
        for part in [
            "Title\n\nFirst.\n\n",
            "\n  1. A comment.\n\n\n",
            "\nSecond.\nThird.\n",
        ] {
            extend_paragraphs(&mut got, part);
        }
        assert_eq!(got, paragraphs(text));
    }

    #[test]
    fn a_url_broken_across_lines_is_mended() {
        let got = paragraphs("https://example.org/2017/05/07/\nfrench-vote-live/\n\nNext.");
        assert_eq!(
            &*got[0].text,
            "https://example.org/2017/05/07/french-vote-live/"
        );
        assert!(continues_url(
            "see https://example.org/2017/",
            "french-vote-live/"
        ));
        assert!(!continues_url(
            "see https://example.org/",
            "Then the count began."
        ));
        assert!(!continues_url("no link here at all", "french-vote-live/"));
    }

    #[test]
    fn lines_without_blank_lines_between_still_split() {
        let long = "A first paragraph of the post, long enough to read as prose, and then some more words so that nobody would have wrapped it.";
        let text = format!("A title\n{long} {long}\nShort one.\n{long}");
        assert_eq!(paragraphs(&text).len(), 4);
    }

    /// Lines of the shapes the splitter treats apart: blank ones (spaces,
    /// NBSP, a lone carriage return), titles, wrapped prose, lines too wide
    /// to be wrapped, bullets and numbers, furniture, a URL broken in two.
    fn archive_line() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let prose =
            "The minister said the budget would hold, and the opposition said it would not, again";
        prop_oneof![
            Just(String::new()),
            Just(" ".to_string()),
            Just("\u{a0}".to_string()),
            Just(" \u{a0}\t".to_string()),
            Just("\r".to_string()),
            Just("A short title".to_string()),
            (40..prose.len()).prop_map(move |n| prose[..n].to_string()),
            Just(prose.repeat(3)),
            Just("  • one item".to_string()),
            Just("- a hyphen item".to_string()),
            Just("12. a numbered item".to_string()),
            Just("    3) an indented item".to_string()),
            Just("\u{a0}\u{a0}* a starred item".to_string()),
            Just("Read more »".to_string()),
            Just("June 10, 2022 at 6:42 am".to_string()),
            Just("see https://example.org/2017/05/".to_string()),
            Just("french-vote-live/".to_string()),
        ]
    }

    fn archive() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        (
            proptest::collection::vec(archive_line(), 0..40),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(lines, crlf, final_newline)| {
                let mut text = lines.join(if crlf { "\r\n" } else { "\n" });
                if final_newline {
                    text.push('\n');
                }
                text
            })
    }

    fn split_whole(bytes: &[u8], piece_len: usize) -> Vec<Paragraph> {
        let mut out = Vec::new();
        split_in_pieces(bytes, piece_len)
            .expect("UTF-8")
            .append_to(&mut out);
        out
    }

    /// Bullets as first found, by the pattern alone: kept to check
    /// [`strip_bullet`], which reads most lines by hand, against.
    fn strip_bullet_by_pattern(line: &str) -> (&str, Option<char>) {
        let unindented = line.trim_start_matches([' ', '\t']);
        let first = unindented.trim_start_matches('\u{a0}').chars().next();
        let Some(first) = first.filter(|&c| {
            matches!(
                c,
                '0'..='9' | '•' | '◦' | '▪' | '‣' | '●' | '·' | '-' | '*' | '–'
            )
        }) else {
            return (unindented, None);
        };
        match bullet_by_pattern(line) {
            (item, Some(_)) => (item, Some(if first.is_ascii_digit() { '1' } else { first })),
            (_, None) => (unindented, None),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// Lines opening with bullets, numbers, and what looks like them.
        #[test]
        fn bullets_read_by_hand_as_by_the_pattern(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", "\t", "\u{a0}", "\u{2003}", "\u{3000}", "\n", "•", "◦", "▪", "‣", "●",
                    "·", "-", "*", "–", "—", "1", "12", "7", "٣", "੩", "½", "²", ".", ")", ",",
                    "a", "Item", "é", "x.y",
                ]),
                0..8,
            ),
        ) {
            let line: String = pieces.concat();
            proptest::prop_assert_eq!(strip_bullet(&line), strip_bullet_by_pattern(&line), "{:?}", line);
        }
    }

    /// Groups of lines made into paragraphs as first written: every line
    /// counted twice and asked whether it is furniture, and copied into a
    /// string of its own. Kept to check [`flush_group`] against.
    fn flush_group_as_first_written(group: &mut Vec<&str>, out: &mut Piece) {
        if group.is_empty() {
            return;
        }
        if let [line] = group.as_slice() {
            let (text, marker) = strip_bullet(line);
            push_paragraph(text, marker, indent_of(line), out);
            group.clear();
            return;
        }
        let longest = group.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        // The paragraph being gathered: its raw text, bullet and indentation.
        let mut current: Option<(String, Option<char>, u16)> = None;
        let mut previous_len = 0;
        let mut previous_stands_alone = false;
        let mut previous_line = "";
        let lines: Vec<&str> = std::mem::take(group);
        for (at, &line) in lines.iter().enumerate() {
            let (text, marker) = strip_bullet(line);
            let len = line.chars().count();
            // A short line with only short lines after it.
            let alone = (len < 40 || len * 10 < longest * 6)
                && lines.get(at + 1).is_none_or(|next| next.len() < 40);
            let is_bullet = marker.is_some();
            // A line of page furniture ("Written By: … - 12 comments") is never
            // wrapped text, nor is the line after it.
            let stands_alone =
                len <= 200 && crate::import::text::furniture::is_whole_line(line.trim());
            let continues = !is_bullet
                && !stands_alone
                && !previous_stands_alone
                && longest <= MAX_WRAP_WIDTH
                && previous_len >= 40
                && previous_len * 10 >= longest * 6
                && !(alone && signed_under(previous_line, line));
            match &mut current {
                Some((raw, ..)) if !is_bullet && continues_url(raw, line) => {
                    raw.push_str(text.trim())
                }
                Some((raw, ..)) if continues => {
                    raw.push(' ');
                    raw.push_str(text);
                }
                _ => {
                    if let Some((raw, marker, indent)) = current.take() {
                        push_paragraph(&raw, marker, indent, out);
                    }
                    current = Some((text.to_string(), marker, indent_of(line)));
                }
            }
            previous_len = len;
            previous_stands_alone = stands_alone;
            previous_line = line;
        }
        if let Some((raw, marker, indent)) = current {
            push_paragraph(&raw, marker, indent, out);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// Lines are joined, and left apart, as they were when each was
        /// counted twice, asked whether it is furniture and copied.
        #[test]
        fn groups_give_the_paragraphs_they_gave_as_first_written(text in archive()) {
            let now = piece_paragraphs(&text, ARENA_LIMIT).paragraphs;
            let first_written = piece_paragraphs_by(&text, ARENA_LIMIT, flush_group_as_first_written);
            proptest::prop_assert_eq!(now, first_written.paragraphs);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// However an archive is cut into pieces split on separate cores,
        /// and wherever a reader stops and cuts what it has read, the
        /// paragraphs are those of one split of the whole.
        #[test]
        fn any_cut_gives_the_paragraphs_of_the_whole(text in archive()) {
            let bytes = text.as_bytes();
            let whole = piece_paragraphs(&text, ARENA_LIMIT).paragraphs;
            for piece_len in [1, 3, 17, 64, 1 << 20] {
                proptest::prop_assert_eq!(&split_whole(bytes, piece_len), &whole);
            }
            // Arenas sealed as they fill, texts longer than one alone.
            for arena_limit in [1, 20, 90, 400] {
                let got = piece_paragraphs(&text, arena_limit).paragraphs;
                proptest::prop_assert_eq!(&got, &whole, "arenas of {}", arena_limit);
            }
            for read in 0..=bytes.len() {
                let Some(cut) = last_cut(&bytes[..read], 0) else {
                    continue;
                };
                let mut got = split_whole(&bytes[..cut], 1);
                split_in_pieces(&bytes[cut..], 5)
                    .expect("UTF-8")
                    .append_to(&mut got);
                proptest::prop_assert_eq!(&got, &whole, "cut at {}", cut);
            }
        }

        /// A byte that is not UTF-8 is placed where it is, whichever piece
        /// holds it.
        #[test]
        fn a_bad_byte_is_placed_in_any_piece(text in archive(), at in 0usize..4096) {
            let mut bytes = text.into_bytes();
            let at = at % (bytes.len() + 1);
            bytes.insert(at, 0xff);
            let expected = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
            for piece_len in [1, 5, 1 << 20] {
                let error = split_in_pieces(&bytes, piece_len).unwrap_err();
                proptest::prop_assert_eq!(error.valid_up_to, expected);
            }
        }
    }
}
