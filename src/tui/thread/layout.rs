//! The open post's comment thread laid out for one width, below the body.
//!
//! Each comment's lines are wrapped once per (post, width), comments in
//! parallel; the rows shown (a comment, or a folded comment standing for its
//! replies) and the line where each starts form a prefix array, rebuilt when
//! a fold changes. Finding the line at a scroll position is then a binary
//! search, and a frame reads only the lines it shows.

use std::ops::Range;

use rayon::prelude::*;

use super::quotes::{self, PostText};
use super::shape::ThreadShape;
use crate::model::{BlockKind, Comment, Post, PostId};
use crate::tui::wrap::{ArticleLine, BlockPiece, Breaking, LineKind, plain_line, push_block_lines};

/// Columns one level of depth takes: a rail and a space.
pub const RAIL_WIDTH: usize = 2;
/// Indentation stops growing where less text than this would remain.
pub const MIN_TEXT_WIDTH: usize = 40;
/// Columns before a quote's or a list item's text: `> ` or `• `.
pub const MARK_WIDTH: usize = 2;
/// Fewer comments than this are laid out on one thread: sharing out the
/// work costs more than it saves.
const PARALLEL_FROM: usize = 64;

/// One comment's lines as shown unfolded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentLines {
    /// The header (a [`LineKind::Meta`] line: author, date, label), then
    /// each block's lines with a blank line between two blocks.
    pub lines: Vec<ArticleLine>,
    /// Where a block repeats the post in quotation marks: (block, bytes).
    pub quoted: Vec<(usize, Range<usize>)>,
}

/// What one line of the thread shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThreadLine<'a> {
    Blank,
    /// The rule under the post with the number of comments.
    Rule,
    /// The first line of a comment: author, date, label.
    Header {
        position: usize,
    },
    /// A folded comment's one line.
    Folded {
        position: usize,
    },
    /// A line of a comment's text.
    Text {
        position: usize,
        line: &'a ArticleLine,
    },
    /// A blank line in or after a comment, with the rails of its first
    /// `rails` levels.
    Gap {
        position: usize,
        rails: usize,
    },
}

/// The thread of one post at one width; see the module documentation.
#[derive(Debug, Clone, Default)]
pub struct ThreadLayout {
    key: Option<(PostId, u16)>,
    shape: ThreadShape,
    /// By comment.
    comments: Vec<CommentLines>,
    /// The deepest level that still gets a rail of its own at this width.
    depth_cap: usize,
    /// Lines before the first comment (none for a post without a thread).
    preamble: usize,
    /// The positions shown, given the folds.
    rows: Vec<usize>,
    /// Per row, whether it is folded.
    row_folded: Vec<bool>,
    /// Per row, the line it starts on (after the preamble); one more entry
    /// holds the total.
    starts: Vec<usize>,
}

impl ThreadLayout {
    /// Lays out `post`'s thread for a text area `width` columns wide, with
    /// the comments in `folded` folded, unless it already is. Returns
    /// whether anything changed.
    pub fn ensure(&mut self, id: PostId, post: &Post, width: u16, folded: &[bool]) -> bool {
        if self.key == Some((id, width)) {
            return false;
        }
        if self.key.is_none_or(|(post, _)| post != id) {
            self.shape = ThreadShape::new(&post.comments);
        }
        let width = usize::from(width).max(1);
        self.depth_cap = (width.saturating_sub(MIN_TEXT_WIDTH) / RAIL_WIDTH).saturating_sub(1);
        let post_text = PostText::of(post);
        let lay_out = |(index, comment): (usize, &Comment)| {
            let text_width = self.text_width(width, self.shape.position_of(index));
            let first_number = post.sources.len() + self.shape.first_source_of(index) + 1;
            comment_lines(comment, text_width, first_number, &post_text)
        };
        // Small pieces of work, so that a core taken by another process
        // leaves its share to the other rather than holding up the open.
        self.comments = if post.comments.len() < PARALLEL_FROM {
            post.comments.iter().enumerate().map(lay_out).collect()
        } else {
            (post.comments.par_iter().enumerate())
                .with_max_len(PARALLEL_FROM)
                .map(lay_out)
                .collect()
        };
        self.preamble = match (post.comments.is_empty(), post.comment_count) {
            (false, _) => 3,
            (true, Some(count)) if count > 0 => 2,
            (true, _) => 0,
        };
        self.key = Some((id, width as u16));
        self.refresh_rows(folded);
        true
    }

    /// Recomputes the rows shown after the folds changed: a walk over the
    /// rows, not a re-wrap.
    pub fn refresh_rows(&mut self, folded: &[bool]) {
        self.rows.clear();
        self.row_folded.clear();
        self.starts.clear();
        let mut line = 0;
        let mut position = 0;
        while position < self.shape.len() {
            let comment = self.shape.comment_at(position);
            let is_folded = folded.get(comment).copied().unwrap_or(false);
            self.rows.push(position);
            self.row_folded.push(is_folded);
            self.starts.push(line);
            if is_folded {
                line += 1;
                position = self.shape.run_end(position);
            } else {
                line += self.comments[comment].lines.len() + 1;
                position += 1;
            }
        }
        self.starts.push(line);
    }

    pub fn key(&self) -> Option<(PostId, u16)> {
        self.key
    }

    pub fn shape(&self) -> &ThreadShape {
        &self.shape
    }

    /// The lines of `comment` unfolded.
    pub fn comment(&self, comment: usize) -> Option<&CommentLines> {
        self.comments.get(comment)
    }

    /// Lines of the whole thread as shown, rule included.
    pub fn len(&self) -> usize {
        self.preamble + self.starts.last().copied().unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The level of the rail a comment at `position` is drawn with: its
    /// depth, up to the deepest level that fits.
    pub fn shown_depth(&self, position: usize) -> usize {
        self.shape.depth(position).min(self.depth_cap)
    }

    /// Whether the comment at `position` is deeper than its indentation says.
    pub fn is_capped(&self, position: usize) -> bool {
        self.shape.depth(position) > self.depth_cap
    }

    /// Columns of text beside the rails of a comment at `position`.
    fn text_width(&self, width: usize, position: usize) -> usize {
        let rails = RAIL_WIDTH * (self.shown_depth(position) + 1);
        width.saturating_sub(rails).max(1)
    }

    /// The number of rows shown.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// The position shown by row `row`.
    pub fn row_position(&self, row: usize) -> Option<usize> {
        self.rows.get(row).copied()
    }

    /// The row showing `position`, if it shows (no fold above hides it).
    pub fn row_of(&self, position: usize) -> Option<usize> {
        self.rows.binary_search(&position).ok()
    }

    pub fn is_row_folded(&self, row: usize) -> bool {
        self.row_folded.get(row).copied().unwrap_or(false)
    }

    /// The lines row `row` spans (of the thread, preamble included), less
    /// the blank line after it.
    pub fn row_lines(&self, row: usize) -> Range<usize> {
        let start = self.preamble + self.starts[row];
        let end = self.preamble + self.starts[row + 1];
        let gap = usize::from(!self.is_row_folded(row));
        start..(end - gap).max(start + 1)
    }

    /// The row that line `line` of the thread belongs to (the nearest one
    /// after the rule, for a line of the preamble).
    pub fn row_at(&self, line: usize) -> Option<usize> {
        if self.rows.is_empty() || line >= self.len() {
            return None;
        }
        let line = line.saturating_sub(self.preamble);
        Some(self.starts.partition_point(|&start| start <= line) - 1)
    }

    /// Line `line` of the thread.
    pub fn line(&self, line: usize) -> Option<ThreadLine<'_>> {
        if line < self.preamble {
            return Some(if line == 1 {
                ThreadLine::Rule
            } else {
                ThreadLine::Blank
            });
        }
        let row = self.row_at(line)?;
        let offset = line - self.preamble - self.starts[row];
        let position = self.rows[row];
        if self.row_folded[row] {
            return Some(ThreadLine::Folded { position });
        }
        let lines = &self.comments[self.shape.comment_at(position)].lines;
        Some(match lines.get(offset) {
            _ if offset == 0 => ThreadLine::Header { position },
            Some(text) if text.kind == LineKind::Blank => ThreadLine::Gap {
                position,
                rails: self.shown_depth(position) + 1,
            },
            Some(text) => ThreadLine::Text {
                position,
                line: text,
            },
            // The blank after the comment: the rails it shares with the row
            // below, so that a new thread starts clear of the last.
            None => ThreadLine::Gap {
                position,
                rails: self
                    .rows
                    .get(row + 1)
                    .map_or(0, |&next| self.shown_depth(next)),
            },
        })
    }
}

/// The lines of one comment whose text is `text_width` columns wide; its
/// citations are numbered from `first_number` on.
fn comment_lines(
    comment: &Comment,
    text_width: usize,
    first_number: usize,
    post_text: &PostText,
) -> CommentLines {
    let mut lines = vec![plain_line(LineKind::Meta, String::new())];
    let mut quoted = Vec::new();
    for (index, block) in comment.blocks.iter().enumerate() {
        if index > 0 {
            lines.push(plain_line(LineKind::Blank, String::new()));
        }
        let marker = quotes::quote_marker(block);
        let kind = if marker.is_some() {
            BlockKind::Quote
        } else {
            block.kind
        };
        let skipped = marker.unwrap_or(0);
        let piece = BlockPiece {
            index,
            kind,
            source: block.source(),
            number: block.source().map(|source| first_number + source),
            text: block.text.get(skipped..).unwrap_or_default(),
            skipped,
        };
        let width = match kind {
            BlockKind::Quote | BlockKind::ListItem => text_width.saturating_sub(MARK_WIDTH),
            _ => text_width,
        };
        push_block_lines(&mut lines, &piece, width.max(1), Breaking::FirstFit);
        if marker.is_none() {
            let found = quotes::quotes_of_post(&block.text, post_text);
            quoted.extend(found.into_iter().map(|range| (index, range)));
        }
    }
    CommentLines { lines, quoted }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    fn comment(parent: Option<u32>, text: &str) -> Comment {
        Comment {
            parent,
            author: Some("Rangi".into()),
            blocks: vec![Block::new(BlockKind::Paragraph, text)],
            ..Comment::default()
        }
    }

    fn post() -> Post {
        Post {
            title: "T".into(),
            comments: vec![
                comment(None, "one two three four five six seven"),
                comment(Some(0), "a reply"),
                comment(None, "second thread"),
            ],
            ..Post::default()
        }
    }

    fn layout(width: u16, folded: &[bool]) -> ThreadLayout {
        let mut layout = ThreadLayout::default();
        layout.ensure(PostId(0), &post(), width, folded);
        layout
    }

    #[test]
    fn comments_follow_the_rule_with_a_gap_after_each() {
        let layout = layout(60, &[false; 3]);
        let lines: Vec<ThreadLine> = (0..layout.len()).filter_map(|l| layout.line(l)).collect();
        assert_eq!(
            lines[..3],
            [ThreadLine::Blank, ThreadLine::Rule, ThreadLine::Blank]
        );
        assert_eq!(lines[3], ThreadLine::Header { position: 0 });
        assert!(matches!(lines[4], ThreadLine::Text { position: 0, .. }));
        // The reply shares the first thread's rail; the next thread does not.
        assert_eq!(
            lines[5],
            ThreadLine::Gap {
                position: 0,
                rails: 1
            }
        );
        assert_eq!(lines[6], ThreadLine::Header { position: 1 });
        assert_eq!(
            lines[8],
            ThreadLine::Gap {
                position: 1,
                rails: 0
            }
        );
        assert_eq!(layout.len(), 12);
        assert_eq!(layout.row_lines(1), 6..8);
    }

    #[test]
    fn a_folded_comment_is_one_line_and_hides_its_replies() {
        let layout = layout(60, &[true, false, false]);
        assert_eq!(layout.row_count(), 2);
        assert_eq!(layout.line(3), Some(ThreadLine::Folded { position: 0 }));
        assert_eq!(layout.line(4), Some(ThreadLine::Header { position: 2 }));
        assert_eq!(layout.row_of(1), None);
        assert_eq!(layout.row_of(2), Some(1));
    }

    #[test]
    fn narrow_widths_wrap_deeper_comments_to_less_text() {
        let layout = layout(46, &[false; 3]);
        // 46 columns leave room for two levels of rails over 40 of text.
        assert_eq!(layout.depth_cap, 2);
        let text_of = |comment: usize| -> Vec<String> {
            let lines = &layout.comment(comment).expect("laid out").lines;
            lines.iter().skip(1).map(|l| l.text.clone()).collect()
        };
        assert_eq!(text_of(0), ["one two three four five six seven"]);
        let narrow = layout_of_width(20);
        assert_eq!(narrow.depth_cap, 0);
        assert!(narrow.comment(0).expect("laid out").lines.len() > 2);
    }

    fn layout_of_width(width: u16) -> ThreadLayout {
        layout(width, &[false; 3])
    }

    #[test]
    fn a_post_without_comments_has_no_thread_lines() {
        let mut layout = ThreadLayout::default();
        layout.ensure(PostId(0), &Post::default(), 80, &[]);
        assert!(layout.is_empty());
        let stated = Post {
            comment_count: Some(74),
            ..Post::default()
        };
        layout.ensure(PostId(1), &stated, 80, &[]);
        assert_eq!(layout.len(), 2);
        assert_eq!(layout.line(1), Some(ThreadLine::Rule));
    }

    #[test]
    fn quoted_markers_are_dropped_from_the_lines_but_not_the_offsets() {
        let mut post = post();
        post.comments[1].blocks = vec![Block::new(BlockKind::Paragraph, "> quoted words")];
        let mut layout = ThreadLayout::default();
        layout.ensure(PostId(0), &post, 60, &[false; 3]);
        let line = &layout.comment(1).expect("laid out").lines[1];
        assert_eq!(line.kind, LineKind::Block(BlockKind::Quote));
        assert_eq!(line.text, "quoted words");
        assert_eq!(line.start, 2);
        assert_eq!(line.text_range_of(2..8), Some(0..6));
    }
}
