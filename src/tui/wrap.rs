//! The article laid out as lines for one width, cached by (post, width).
//!
//! Wrapping happens when the open post or the article's width changes, never
//! while drawing: a frame only slices the lines it shows.

use unicode_width::UnicodeWidthChar;

use super::width::width as columns;

use crate::model::{BlockKind, Post, PostId};
use crate::search::Location;

/// What a line is, which decides how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Blank,
    Block(BlockKind),
}

/// One screen line of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleLine {
    pub kind: LineKind,
    /// The block this line belongs to, if it is part of one.
    pub block: Option<usize>,
    /// The source the block cites or quotes.
    pub source: Option<usize>,
    /// Whether this is the block's first line (it carries the marker).
    pub first: bool,
    pub text: String,
    /// Where `text` sits in the block's own text, so that a byte range of
    /// the block (a search match, say) maps to columns of its lines: the
    /// block's bytes from `start` appear in `text` from byte `lead` on.
    /// `lead` is non-zero only where pundit adds text (a citation's `[n] `).
    pub start: usize,
    pub lead: usize,
}

impl ArticleLine {
    /// The part of `text` showing the block's bytes `range`, as a byte
    /// range of `text`, if this line shows any of them.
    pub fn text_range_of(&self, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        let shown = self.text.len().saturating_sub(self.lead);
        let from = range.start.max(self.start);
        let to = range.end.min(self.start + shown);
        (from < to).then(|| from - self.start + self.lead..to - self.start + self.lead)
    }

    /// The searchable field this line shows part of: the title or a block
    /// (`start` and `lead` then place it in that field's text).
    pub fn location(&self) -> Option<Location> {
        match self.kind {
            LineKind::Title => Some(Location::Title),
            LineKind::Block(_) => self.block.map(Location::Block),
            LineKind::Meta | LineKind::Blank => None,
        }
    }

    /// The parts of `text` showing `ranges` (byte ranges of this line's
    /// field, in order), as byte ranges of `text`.
    pub fn ranges_on_line<'r>(
        &self,
        ranges: impl IntoIterator<Item = &'r std::ops::Range<usize>>,
    ) -> Vec<std::ops::Range<usize>> {
        if self.location().is_none() {
            return Vec::new();
        }
        ranges
            .into_iter()
            .filter_map(|range| self.text_range_of(range.clone()))
            .filter(|r| self.text.is_char_boundary(r.start) && self.text.is_char_boundary(r.end))
            .collect()
    }

    /// Whether this line shows the field's byte `offset` (a line shows the
    /// offset just past its end too: the space a wrap removed).
    pub fn shows_offset(&self, offset: usize) -> bool {
        let shown = self.text.len().saturating_sub(self.lead);
        self.start <= offset && offset <= self.start + shown
    }
}

/// The lines of one post at one width.
#[derive(Debug, Clone, Default)]
pub struct WrappedArticle {
    key: Option<(PostId, u16)>,
    pub lines: Vec<ArticleLine>,
    /// The index in `lines` of each block's first line.
    pub block_starts: Vec<usize>,
}

/// Columns a quote's margin takes: the source number, a space, the bar, a space.
pub const QUOTE_MARGIN: usize = 5;
/// Columns a list item's bullet takes.
pub const BULLET_MARGIN: usize = 2;

impl WrappedArticle {
    pub fn key(&self) -> Option<(PostId, u16)> {
        self.key
    }

    /// Re-lays out `post` if the post or width differ from the cached ones.
    /// Returns whether anything changed.
    pub fn ensure(&mut self, id: PostId, post: &Post, width: u16) -> bool {
        if self.key == Some((id, width)) {
            return false;
        }
        *self = WrappedArticle::lay_out(id, post, width);
        true
    }

    /// The lines of `post` for a text area `width` columns wide.
    pub fn lay_out(id: PostId, post: &Post, width: u16) -> WrappedArticle {
        let width = usize::from(width).max(1);
        let mut lines = Vec::new();
        let mut block_starts = Vec::with_capacity(post.blocks.len());
        let mut cursor = 0;
        for text in wrapped(&post.title, width) {
            let at = offset_from(&post.title, &text, &mut cursor);
            let mut line = plain_line(LineKind::Title, text);
            line.start = at;
            lines.push(line);
        }
        for text in wrapped(&metadata(post), width) {
            lines.push(plain_line(LineKind::Meta, text));
        }
        for (index, block) in post.blocks.iter().enumerate() {
            lines.push(plain_line(LineKind::Blank, String::new()));
            block_starts.push(lines.len());
            let margin = match block.kind {
                BlockKind::Quote => QUOTE_MARGIN,
                BlockKind::ListItem => BULLET_MARGIN,
                _ => 0,
            };
            let text_width = width.saturating_sub(margin).max(1);
            let piece = BlockPiece {
                index,
                kind: block.kind,
                source: block.source(),
                number: block.source().map(|s| s + 1),
                text: &block.text,
                skipped: 0,
            };
            push_block_lines(&mut lines, &piece, text_width, Breaking::Balanced);
        }
        WrappedArticle {
            key: Some((id, width as u16)),
            lines,
            block_starts,
        }
    }

    /// The block shown on line `line`, or the nearest one after it.
    pub fn block_at_or_after(&self, line: usize) -> Option<usize> {
        self.lines.get(line..)?.iter().find_map(|l| l.block)
    }
}

/// What of a block is laid out: `text` is the block's text from byte
/// `skipped` on (a marker dropped), `number` the source number a citation
/// is shown with.
pub(crate) struct BlockPiece<'a> {
    pub index: usize,
    pub kind: BlockKind,
    pub source: Option<usize>,
    pub number: Option<usize>,
    pub text: &'a str,
    pub skipped: usize,
}

/// Appends the lines of one block wrapped to `width`, each knowing which
/// bytes of the block it shows.
pub(crate) fn push_block_lines(
    lines: &mut Vec<ArticleLine>,
    piece: &BlockPiece,
    width: usize,
    breaking: Breaking,
) {
    let number = match (piece.kind, piece.number) {
        (BlockKind::Citation, Some(number)) => format!("[{number}] "),
        _ => String::new(),
    };
    let body: std::borrow::Cow<str> = if number.is_empty() {
        piece.text.into()
    } else {
        format!("{number}{}", piece.text).into()
    };
    let mut cursor = 0;
    for (n, text) in wrapped_by(&body, width, breaking).into_iter().enumerate() {
        let at = offset_from(&body, &text, &mut cursor);
        let lead = number.len().saturating_sub(at).min(text.len());
        lines.push(ArticleLine {
            kind: LineKind::Block(piece.kind),
            block: Some(piece.index),
            source: piece.source,
            first: n == 0,
            start: (at + lead).saturating_sub(number.len()) + piece.skipped,
            lead,
            text,
        });
    }
}

pub(crate) fn plain_line(kind: LineKind, text: String) -> ArticleLine {
    ArticleLine {
        kind,
        block: None,
        source: None,
        first: true,
        text,
        start: 0,
        lead: 0,
    }
}

/// Where `piece` (a wrapped line of `whole`) starts in `whole`: wrapped
/// lines are pieces of the text in order, less the spaces where they broke,
/// so each is found from where the last one ended (`cursor`): nearly always
/// right after those spaces, else (a hyphen the wrap added) searched for.
fn offset_from(whole: &str, piece: &str, cursor: &mut usize) -> usize {
    let rest = whole.get(*cursor..).unwrap_or_default();
    let spaces = rest.len() - rest.trim_start().len();
    let at = if rest[spaces..].starts_with(piece) {
        *cursor + spaces
    } else {
        rest.find(piece).map_or(*cursor, |found| *cursor + found)
    };
    *cursor = at + piece.len();
    at
}

/// "By Missy · 12 May 2018 · Politics, France · 3 sources": what is known.
pub fn metadata(post: &Post) -> String {
    let mut parts = Vec::new();
    if let Some(author) = &post.author {
        parts.push(format!("By {author}"));
    }
    if let Some(date) = &post.date {
        parts.push(date.clone());
    }
    if !post.topics.is_empty() {
        parts.push(post.topics.join(", "));
    }
    // As the Sources pane says it when there are none.
    parts.push(match post.sources.len() {
        0 => "no sources cited".to_string(),
        1 => "1 source".to_string(),
        n => format!("{n} sources"),
    });
    parts.join(" · ")
}

/// How text is broken into lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Breaking {
    /// The most even lines (textwrap's optimal fit): for the one post open.
    Balanced,
    /// Each line as full as it goes, breaking at spaces only: four times
    /// quicker, for comment threads laid out thousands at a time.
    FirstFit,
}

/// `text` wrapped to `width` columns; always at least one line, and no line
/// wider than `width` (long words are broken).
fn wrapped(text: &str, width: usize) -> Vec<String> {
    wrapped_by(text, width, Breaking::Balanced)
}

/// [`wrapped`], breaking lines the way `breaking` says.
pub(crate) fn wrapped_by(text: &str, width: usize, breaking: Breaking) -> Vec<String> {
    let options = match breaking {
        Breaking::Balanced => textwrap::Options::new(width),
        Breaking::FirstFit => textwrap::Options::new(width)
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation),
    }
    .break_words(true);
    let mut lines: Vec<String> = textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    // A character takes no more columns than it has bytes, so a line of
    // `width` bytes or fewer fits without measuring it.
    if lines.iter().any(|l| l.len() > width && columns(l) > width) {
        lines = lines.into_iter().flat_map(|l| refit(l, width)).collect();
    }
    debug_assert!(lines.iter().all(|l| columns(l) <= width || width < 2));
    lines
}

/// `line` split again, by the widths the reader draws with
/// ([`super::width::width`], per grapheme of the drawn form), so that no
/// part is wider than `width` (unless one character alone is). textwrap
/// measures character by character, which can count a grapheme narrower
/// than it is drawn.
fn refit(line: String, width: usize) -> Vec<String> {
    if columns(&line) <= width {
        return vec![line];
    }
    let mut parts = vec![String::new()];
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        // A character with the zero-width ones after it stays in one piece.
        let mut cluster = String::from(c);
        while let Some(&next) = chars.peek().filter(|n| n.width() == Some(0)) {
            cluster.push(next);
            chars.next();
        }
        let last = parts.last_mut().expect("parts is never empty");
        let before = last.len();
        last.push_str(&cluster);
        if columns(last) > width && before > 0 {
            last.truncate(before);
            let trimmed = last.trim_end().len();
            last.truncate(trimmed);
            parts.push(cluster.trim_start().to_string());
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn post() -> Post {
        Post {
            id: "p".into(),
            title: "A title".into(),
            author: Some("Missy".into()),
            date: None,
            topics: vec!["France".into()],
            blocks: vec![
                Block::new(BlockKind::Paragraph, "one two three four five six"),
                Block::new(BlockKind::Quote, "quoted words here").with_source(0),
            ],
            sources: vec![Default::default()],
            ..Default::default()
        }
    }

    #[test]
    fn blocks_wrap_to_the_width_and_record_where_they_start() {
        let article = WrappedArticle::lay_out(PostId(0), &post(), 10);
        let texts: Vec<&str> = article.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "A title",
                "By Missy ·",
                "France · 1",
                "source",
                "",
                "one two",
                "three four",
                "five six",
                "",
                "quote",
                "d",
                "words",
                "here"
            ]
        );
        assert_eq!(article.block_starts, [5, 9]);
        assert_eq!(article.lines[9].source, Some(0));
    }

    #[test]
    fn the_cache_only_rewraps_on_a_new_key() {
        let post = post();
        let mut cache = WrappedArticle::default();
        assert!(cache.ensure(PostId(0), &post, 40));
        assert!(!cache.ensure(PostId(0), &post, 40));
        assert!(cache.ensure(PostId(0), &post, 41));
    }

    #[test]
    fn lines_know_which_bytes_of_their_block_they_show() {
        let mut post = post();
        post.blocks = vec![
            Block::new(BlockKind::Paragraph, "alpha beta gamma delta"),
            Block::new(BlockKind::Citation, "Herald: tolls return").with_source(0),
        ];
        let article = WrappedArticle::lay_out(PostId(0), &post, 11);
        let lines: Vec<&ArticleLine> = article.lines.iter().filter(|l| l.block.is_some()).collect();
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "alpha beta",
                "gamma delta",
                "[1] Herald:",
                "tolls",
                "return"
            ]
        );
        // "beta gamma" is bytes 6..16 of the paragraph: it spans two lines.
        assert_eq!(lines[0].text_range_of(6..16), Some(6..10));
        assert_eq!(lines[1].text_range_of(6..16), Some(0..5));
        // "Herald" is bytes 0..6 of the citation, after the added "[1] ".
        assert_eq!(lines[2].text_range_of(0..6), Some(4..10));
        assert_eq!(lines[3].text_range_of(0..6), None);
        assert_eq!(lines[4].text_range_of(14..20), Some(0..6));
    }

    // Lists of one range are what this test means, not a mistyped range.
    #[allow(clippy::single_range_in_vec_init)]
    #[test]
    fn title_lines_know_their_bytes_and_metadata_is_not_searchable() {
        let mut post = post();
        post.title = "alpha beta gamma delta".into();
        let article = WrappedArticle::lay_out(PostId(0), &post, 11);
        let phrase = [6..16];
        assert_eq!(article.lines[0].text, "alpha beta");
        assert_eq!(article.lines[0].ranges_on_line(&phrase), [6..10]);
        assert_eq!(article.lines[1].ranges_on_line(&phrase), [0..5]);
        assert_eq!(article.lines[1].location(), Some(Location::Title));
        let meta = &article.lines[2];
        assert_eq!(meta.kind, LineKind::Meta);
        assert!(meta.ranges_on_line(&[0..2, 3..4]).is_empty());
    }

    #[test]
    fn zero_width_does_not_panic() {
        let article = WrappedArticle::lay_out(PostId(0), &post(), 0);
        assert!(!article.lines.is_empty());
    }
}
