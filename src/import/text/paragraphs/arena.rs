//! A paragraph's text, held in the arena of the piece of the archive it was
//! split from: one buffer with the texts of the piece's paragraphs laid end
//! to end.
//!
//! An archive's paragraphs are all held at once while its titles are
//! found: millions of them in a large archive. A buffer of its own per
//! paragraph would cost an allocation each, the allocator's size classes
//! would round most of them up (by a tenth of the text on a typical
//! archive), and every pass over the paragraphs would jump between
//! scattered allocations. In one arena per piece the text takes its exact
//! size and the passes read it in order.
//!
//! The handle derefs to `str`, so the passes read `&paragraph.text` as they
//! would a string of its own. It holds its arena alive, so an arena goes as
//! soon as the last paragraph taken from it is dropped: posts built a batch
//! at a time from the archive's end give back each batch's arenas as they
//! are built. The handle is 16 bytes, as a `Box<str>` is: a pointer to the
//! arena and a word that holds the text's start and length in it, and its
//! paragraph's form beside them.

use std::borrow::Cow;
use std::fmt;
use std::ops::{Bound, Deref, RangeBounds};
use std::sync::Arc;

/// A paragraph's text: a span of an arena shared with the paragraphs split
/// beside it. The default is empty and holds no arena.
///
/// The span's start and length take 35 bits of a word; the other
/// [`FORM_BITS`] are its paragraph's, which keeps its form there (bullet,
/// indentation, gap) so that a paragraph is 16 bytes, not 24. They go
/// with the handle: a text replaced or taken leaves its paragraph's form
/// at its default.
#[derive(Clone, Default)]
pub struct ParagraphText {
    /// Boxed inside the `Arc` so that the pointer is thin: a `str` of its
    /// own would make the handle 24 bytes.
    arena: Option<Arc<Box<str>>>,
    /// The start ([`START_BITS`]), the length ([`LEN_BITS`], [`TO_THE_END`]
    /// for a text that runs to its arena's end) and the form, from the
    /// lowest bit up.
    span: u64,
}

const START_BITS: u32 = 19;
const LEN_BITS: u32 = 16;
/// The bits of the handle its paragraph keeps its form in.
pub const FORM_BITS: u32 = u64::BITS - START_BITS - LEN_BITS;
const START_MAX: usize = (1 << START_BITS) - 1;

/// The length of a text that runs to its arena's end: one longer than
/// [`OWN_ARENA`] has an arena of its own.
const TO_THE_END: u32 = (1 << LEN_BITS) - 1;

impl ParagraphText {
    /// The handle of `arena[start..start + len]` (`len` may be
    /// [`TO_THE_END`]), its form empty.
    fn packed(arena: Option<Arc<Box<str>>>, start: usize, len: u32) -> ParagraphText {
        debug_assert!(start <= START_MAX && len <= TO_THE_END);
        ParagraphText {
            arena,
            span: start as u64 | u64::from(len) << START_BITS,
        }
    }

    fn start(&self) -> usize {
        (self.span & START_MAX as u64) as usize
    }

    /// The length field: the text's length, or [`TO_THE_END`].
    fn len_field(&self) -> u32 {
        (self.span >> START_BITS) as u32 & TO_THE_END
    }

    /// The bits its paragraph keeps in it.
    pub fn form(&self) -> u32 {
        (self.span >> (START_BITS + LEN_BITS)) as u32
    }

    /// Keeps `form`, of [`FORM_BITS`] bits, in the handle.
    ///
    /// # Panics
    /// If `form` has more bits.
    pub fn set_form(&mut self, form: u32) {
        assert!(form < 1 << FORM_BITS, "a paragraph's form fits its bits");
        let span_bits = (1u64 << (START_BITS + LEN_BITS)) - 1;
        self.span = self.span & span_bits | u64::from(form) << (START_BITS + LEN_BITS);
    }

    /// `arena[start..end]`, or a copy of it in an arena of its own where its
    /// start or length does not fit the handle.
    fn span(arena: Arc<Box<str>>, start: usize, end: usize) -> ParagraphText {
        match u32::try_from(end - start) {
            Ok(len) if start <= START_MAX && len < TO_THE_END => {
                ParagraphText::packed(Some(arena), start, len)
            }
            _ => ParagraphText::to_the_end_or_copy(arena, start, end),
        }
    }

    fn to_the_end_or_copy(arena: Arc<Box<str>>, start: usize, end: usize) -> ParagraphText {
        if start <= START_MAX && end == arena.len() {
            ParagraphText::packed(Some(arena), start, TO_THE_END)
        } else {
            // Its own arena starts at 0 and ends with it.
            ParagraphText::from(&arena[start..end])
        }
    }

    /// Keeps only `range` of the text (byte offsets into it), in the same
    /// arena: "… Continue reading →" dropped from a teaser's end, a byline
    /// from a paragraph's start. Its paragraph's form stays.
    ///
    /// # Panics
    /// If `range` is out of the text or not on character boundaries, as
    /// slicing the text would.
    pub fn narrow(&mut self, range: impl RangeBounds<usize>) {
        let text: &str = self;
        let from = match range.start_bound() {
            Bound::Included(&at) => at,
            Bound::Excluded(&at) => at + 1,
            Bound::Unbounded => 0,
        };
        let to = match range.end_bound() {
            Bound::Included(&at) => at + 1,
            Bound::Excluded(&at) => at,
            Bound::Unbounded => text.len(),
        };
        // Checks the range as slicing does.
        let _ = &text[from..to];
        if let Some(arena) = self.arena.take() {
            let (start, form) = (self.start(), self.form());
            *self = ParagraphText::span(arena, start + from, start + to);
            self.set_form(form);
        }
    }

    /// Where the text ends in its arena.
    fn end_in(&self, arena: &str) -> usize {
        match self.len_field() {
            TO_THE_END => arena.len(),
            len => self.start() + len as usize,
        }
    }
}

impl Deref for ParagraphText {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        let Some(arena) = &self.arena else {
            return "";
        };
        let (start, end) = (self.start(), self.end_in(arena));
        debug_assert!(arena.is_char_boundary(start) && arena.is_char_boundary(end));
        // SAFETY: `start..end` lies in the arena on character boundaries:
        // the builder spans whole strings it laid end to end, `narrow` slices
        // the text before it narrows the span, and the arena never changes.
        // Slicing with checks would read the bytes at both ends, the next
        // paragraph's first among them, where most passes ask only a
        // paragraph's length: a cache miss per paragraph and pass.
        unsafe { arena.get_unchecked(start..end) }
    }
}

impl From<&str> for ParagraphText {
    /// A text in an arena of its own.
    fn from(text: &str) -> ParagraphText {
        ParagraphText::span(Arc::new(Box::from(text)), 0, text.len())
    }
}

/// A text's own copy, for a post's block or title: the arena it leaves
/// goes when its last paragraph does. A text alone in its arena (a long
/// one: see [`OWN_ARENA`]) is moved out of it, not copied.
impl From<ParagraphText> for Box<str> {
    fn from(text: ParagraphText) -> Box<str> {
        match text.arena {
            Some(arena) if text.start() == 0 && text.len() == arena.len() => {
                Arc::try_unwrap(arena).unwrap_or_else(|arena| Box::from(&**arena))
            }
            _ => Box::from(&*text),
        }
    }
}

impl From<ParagraphText> for String {
    fn from(text: ParagraphText) -> String {
        Box::<str>::from(text).into_string()
    }
}

impl PartialEq for ParagraphText {
    fn eq(&self, other: &ParagraphText) -> bool {
        **self == **other
    }
}

impl Eq for ParagraphText {}

impl PartialEq<str> for ParagraphText {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl fmt::Debug for ParagraphText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

/// The longest arena: the start of every span in it fits the handle's
/// [`START_BITS`]. Half a megabyte holds a piece's text ([`super::PIECE_LEN`])
/// and the group of lines that ends it.
pub const ARENA_LIMIT: usize = START_MAX;

/// Texts up to this long (titles, datelines, bylines, comment labels,
/// names) are laid in an arena apart from longer ones (prose).
///
/// Most passes over the paragraphs ask a paragraph's length first and read
/// its text only when it is short enough to be a title, a label or a line
/// of furniture. Laid among the prose, each short text would be a cache
/// line of its own, fetched from memory for a few bytes; laid together,
/// they are read as one stream. (The allocator's size classes kept short
/// texts together when each had an allocation of its own: without this,
/// finding the titles took a tenth more time than with them.)
const SHORT_TEXT: usize = 160;

/// Texts longer than this (64 KiB, less the length that means "to the
/// end") have an arena of their own, which a post's block takes whole: a
/// long text copied out of a shared arena would be held twice until the
/// arena goes (a file of one line is one paragraph).
const OWN_ARENA: usize = TO_THE_END as usize - 1;

/// Lays the texts of a piece's paragraphs end to end, short ones apart,
/// then gives them their arenas ([`ArenaBuilder::seal`]).
#[derive(Debug)]
pub struct ArenaBuilder {
    /// Texts of at most [`SHORT_TEXT`] bytes.
    short: String,
    long: String,
    /// The longest arena it makes ([`ARENA_LIMIT`], smaller in tests).
    limit: usize,
}

impl ArenaBuilder {
    /// A builder with room for `capacity` bytes: about the piece's length,
    /// which cleaning rarely lengthens and joined lines shorten.
    pub fn with_capacity(capacity: usize, limit: usize) -> ArenaBuilder {
        ArenaBuilder {
            short: String::with_capacity(capacity.min(limit) / 8),
            long: String::with_capacity(capacity.min(limit)),
            limit,
        }
    }

    /// Whether a text of `len` bytes goes in the arena of short ones. A
    /// text longer than an arena may be never does.
    fn is_short(&self, len: usize) -> bool {
        len <= SHORT_TEXT.min(self.limit)
    }

    /// Whether a text of `len` bytes has an arena of its own.
    pub fn is_own(&self, len: usize) -> bool {
        len > OWN_ARENA.min(self.limit)
    }

    fn arena_for(&self, len: usize) -> &String {
        if self.is_short(len) {
            &self.short
        } else {
            &self.long
        }
    }

    /// Whether a text of `len` bytes would make its arena longer than it
    /// may be: then the arenas are sealed first.
    pub fn is_full_for(&self, len: usize) -> bool {
        let arena = self.arena_for(len);
        !self.is_own(len) && !arena.is_empty() && arena.len() + len > self.limit
    }

    /// Appends `text`, returning its handle, which reads empty until the
    /// arenas are sealed (a long text's at once: it has its own, the text
    /// itself where it was given owned).
    pub fn push<'a>(&mut self, text: impl Into<Cow<'a, str>>) -> ParagraphText {
        let text = text.into();
        if self.is_own(text.len()) {
            let len = text.len();
            return ParagraphText::span(Arc::new(text.into_owned().into_boxed_str()), 0, len);
        }
        let arena = if self.is_short(text.len()) {
            &mut self.short
        } else {
            &mut self.long
        };
        let start = arena.len();
        arena.push_str(&text);
        assert!(start <= START_MAX, "an arena is sealed before its limit");
        let len = u32::try_from(text.len())
            .ok()
            .filter(|&len| len < TO_THE_END)
            .expect("a text longer than an arena's share has its own");
        ParagraphText::packed(None, start, len)
    }

    /// Gives the texts pushed since the last seal their arenas, which take
    /// their exact size, and starts empty ones.
    pub fn seal<'a>(&mut self, texts: impl Iterator<Item = &'a mut ParagraphText>) {
        let sealed = |arena: &mut String| {
            (!arena.is_empty()).then(|| Arc::new(std::mem::take(arena).into_boxed_str()))
        };
        let (short, long) = (sealed(&mut self.short), sealed(&mut self.long));
        // A text with an arena of its own has it already.
        for text in texts.filter(|text| text.arena.is_none()) {
            let arena = if self.is_short(text.len_field() as usize) {
                &short
            } else {
                &long
            };
            text.arena.clone_from(arena);
            // What makes `deref`'s unchecked slice sound, checked once per
            // text here rather than on every read: a handle left out of an
            // earlier seal, or cloned before it, would span the wrong arena.
            if let Some(arena) = arena {
                let (start, end) = (text.start(), text.end_in(arena));
                assert!(
                    end <= arena.len()
                        && arena.is_char_boundary(start)
                        && arena.is_char_boundary(end),
                    "a text is sealed into the arena it was pushed to"
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "sealed into the arena it was pushed to")]
    fn a_text_left_out_of_its_seal_is_not_given_another_arena() {
        let mut builder = ArenaBuilder::with_capacity(256, 1 << 20);
        let mut left_out = builder.push("a paragraph long enough to run past the next arena's end");
        builder.seal(std::iter::empty());
        let _next = builder.push("x");
        builder.seal(std::iter::once(&mut left_out));
    }

    #[test]
    fn a_handle_is_as_small_as_a_boxed_str() {
        assert_eq!(size_of::<ParagraphText>(), size_of::<Box<str>>());
    }

    #[test]
    fn texts_read_back_from_their_arena_once_sealed() {
        let mut builder = ArenaBuilder::with_capacity(16, ARENA_LIMIT);
        let mut texts = vec![builder.push("Title"), builder.push("Some prose.")];
        assert_eq!(&*texts[0], "", "not sealed yet");
        builder.seal(texts.iter_mut());
        assert_eq!(texts, [ParagraphText::from("Title"), "Some prose.".into()]);
        assert_eq!(&*texts[1], "Some prose.");
        let arena = texts[0].arena.clone().expect("sealed");
        assert_eq!(&**arena, "TitleSome prose.", "laid end to end");
    }

    #[test]
    fn short_texts_are_laid_apart_from_prose() {
        let prose = "The minister said the budget would hold. ".repeat(5);
        let mut builder = ArenaBuilder::with_capacity(256, ARENA_LIMIT);
        let pushed = ["A title", &prose, "June 10, 2022", &prose, "Jo 1"];
        let mut texts: Vec<ParagraphText> = pushed.iter().map(|&t| builder.push(t)).collect();
        builder.seal(texts.iter_mut());
        let read: Vec<&str> = texts.iter().map(|t| &**t).collect();
        assert_eq!(read, pushed);
        let short = texts[0].arena.as_ref().unwrap();
        assert_eq!(&***short, "A titleJune 10, 2022Jo 1");
        assert!(Arc::ptr_eq(short, texts[4].arena.as_ref().unwrap()));
        assert_eq!(texts[3].arena.as_ref().unwrap().len(), 2 * prose.len());
    }

    #[test]
    fn an_arena_goes_with_its_last_paragraph() {
        let mut builder = ArenaBuilder::with_capacity(16, ARENA_LIMIT);
        let mut texts = [builder.push("one"), builder.push("two")];
        builder.seal(texts.iter_mut());
        let arena = Arc::downgrade(texts[0].arena.as_ref().expect("sealed"));
        let taken = std::mem::take(&mut texts[0]);
        assert_eq!(Box::<str>::from(taken), "one".into());
        assert!(arena.upgrade().is_some(), "the second paragraph holds it");
        texts[1] = ParagraphText::default();
        assert!(arena.upgrade().is_none());
    }

    #[test]
    fn a_full_arena_is_sealed_and_a_long_text_has_its_own() {
        let mut builder = ArenaBuilder::with_capacity(0, 8);
        let mut texts = Vec::new();
        for text in ["abc", "defg", "hi", "a text longer than eight", "j"] {
            if builder.is_full_for(text.len()) {
                builder.seal(
                    texts
                        .iter_mut()
                        .filter(|t: &&mut ParagraphText| t.arena.is_none()),
                );
            }
            texts.push(builder.push(text));
        }
        builder.seal(texts.iter_mut().filter(|t| t.arena.is_none()));
        let read: Vec<&str> = texts.iter().map(|t| &**t).collect();
        assert_eq!(read, ["abc", "defg", "hi", "a text longer than eight", "j"]);
        let arenas: Vec<&str> = texts
            .iter()
            .map(|t| &***t.arena.as_ref().unwrap())
            .collect();
        assert_eq!(
            arenas,
            [
                "abcdefg",
                "abcdefg",
                "hij",
                "a text longer than eight",
                "hij"
            ]
        );
        assert_eq!(texts[3].start(), 0, "longer than an arena: its own");
    }

    #[test]
    fn a_long_text_is_moved_out_of_its_own_arena() {
        let long = "A paragraph as long as a file. ".repeat(OWN_ARENA / 16);
        let mut builder = ArenaBuilder::with_capacity(long.len(), ARENA_LIMIT);
        let given = long.clone();
        let given_at = given.as_ptr();
        let mut texts = [builder.push("Title"), builder.push(given)];
        assert_eq!(&*texts[1], long, "readable before the seal");
        assert_eq!(texts[1].as_ptr(), given_at, "given owned, kept");
        builder.seal(texts.iter_mut());
        let [title, text] = texts;
        let at = text.as_ptr();
        let taken = Box::<str>::from(text);
        assert_eq!(*taken, *long);
        assert_eq!(taken.as_ptr(), at, "moved, not copied");
        assert_eq!(String::from(title), "Title");
    }

    #[test]
    fn a_narrowed_text_keeps_its_arena() {
        let mut builder = ArenaBuilder::with_capacity(64, ARENA_LIMIT);
        let mut texts = [
            builder.push("Title"),
            builder.push("The text goes on. Continue reading →"),
        ];
        builder.seal(texts.iter_mut());
        texts[1].narrow(..17);
        assert_eq!(&*texts[1], "The text goes on.");
        texts[1].narrow(4..);
        assert_eq!(&*texts[1], "text goes on.");
        assert!(Arc::ptr_eq(
            texts[0].arena.as_ref().unwrap(),
            texts[1].arena.as_ref().unwrap()
        ));
        assert_eq!(&*texts[0], "Title", "its neighbour is untouched");
        let mut empty = ParagraphText::default();
        empty.narrow(..);
        assert_eq!(&*empty, "");
    }

    #[test]
    fn a_text_to_its_arenas_end_narrows_within_it() {
        let arena: Arc<Box<str>> = Arc::new("a long paragraph".into());
        let mut text = ParagraphText::packed(Some(arena), 2, TO_THE_END);
        text.set_form(5);
        assert_eq!(&*text, "long paragraph");
        text.narrow(5..);
        assert_eq!(&*text, "paragraph");
        text.narrow(..4);
        assert_eq!(&*text, "para");
        assert_eq!(text.len_field(), 4);
        assert_eq!(text.form(), 5, "the paragraph's form stays");
    }

    #[test]
    #[should_panic(expected = "byte index")]
    fn narrowing_inside_a_character_panics_as_slicing_does() {
        ParagraphText::from("né").narrow(..2);
    }
}
