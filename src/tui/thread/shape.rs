//! The shape of a post's comment thread: the order comments are shown in,
//! each one's depth, parent, siblings and replies. Derived once per post.
//!
//! Comments are shown in thread order (pre-order: a comment, then its
//! replies, then its next sibling), so a comment and all its replies are one
//! run of positions and folding it hides exactly that run. The model keeps
//! comments in that order already; a file that does not (a reply listed after
//! a later thread) is shown in thread order all the same.

use crate::model::Comment;

/// No position: the parent of a top-level comment, the sibling before a first.
const NONE: u32 = u32::MAX;

/// Where each comment of a thread stands. Positions (0-based, in the order
/// shown) are what motions step through; comment indices are what the model,
/// search and the user's folds refer to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThreadShape {
    /// The comment shown at each position.
    order: Vec<u32>,
    /// The position of each comment.
    position: Vec<u32>,
    /// By position: 0 for a top-level comment, 1 for a reply to one, …
    depth: Vec<u16>,
    /// By position: the position just after the comment's last reply (its
    /// replies, theirs and so on are the positions between).
    end: Vec<u32>,
    /// By position: the parent's position, or `NONE`.
    parent: Vec<u32>,
    /// By position: the previous reply to the same parent, or `NONE`.
    previous_sibling: Vec<u32>,
    /// Positions of the top-level comments, ascending.
    top_level: Vec<u32>,
    /// By comment: how many sources the comments shown before it cite, so
    /// that comments' sources are numbered down the page.
    sources_before: Vec<u32>,
    /// Every comment source as (comment, index in its `sources`), in the
    /// order shown.
    sources: Vec<(u32, u32)>,
}

impl ThreadShape {
    /// The shape of `comments`. A parent that does not come before its reply
    /// (which the loaders refuse) makes the reply top-level.
    pub fn new(comments: &[Comment]) -> ThreadShape {
        let count = comments.len();
        let parent_of = |index: usize| comments[index].parent().filter(|&p| p < index);
        // Each comment's replies as a linked list, in the model's order.
        let mut first_reply = vec![NONE; count];
        let mut next_reply = vec![NONE; count];
        let mut first_root = NONE;
        for index in (0..count).rev() {
            let head = match parent_of(index) {
                Some(parent) => &mut first_reply[parent],
                None => &mut first_root,
            };
            next_reply[index] = *head;
            *head = index as u32;
        }
        let mut shape = ThreadShape {
            order: Vec::with_capacity(count),
            position: vec![0; count],
            depth: Vec::with_capacity(count),
            end: vec![0; count],
            parent: Vec::with_capacity(count),
            previous_sibling: vec![NONE; count],
            top_level: Vec::new(),
            sources_before: vec![0; count],
            sources: Vec::new(),
        };
        // Pre-order without recursion: a thread may be thousands deep.
        let mut stack: Vec<(u32, u32, u16)> = Vec::new();
        if first_root != NONE {
            stack.push((first_root, NONE, 0));
        }
        while let Some((comment, parent, depth)) = stack.pop() {
            let position = shape.order.len() as u32;
            shape.order.push(comment);
            shape.position[comment as usize] = position;
            shape.depth.push(depth);
            shape.parent.push(parent);
            if parent == NONE {
                shape.top_level.push(position);
            }
            let sibling = next_reply[comment as usize];
            if sibling != NONE {
                stack.push((sibling, parent, depth));
            }
            let reply = first_reply[comment as usize];
            if reply != NONE {
                stack.push((reply, position, depth.saturating_add(1)));
            }
        }
        shape.link_runs_and_siblings();
        shape.number_sources(comments);
        shape
    }

    /// Fills `end` (replies sit right after their parent, so a run ends
    /// where the last descendant does) and `previous_sibling`.
    fn link_runs_and_siblings(&mut self) {
        let count = self.order.len();
        let mut size = vec![1u32; count];
        for position in (0..count).rev() {
            let parent = self.parent[position];
            if parent != NONE {
                size[parent as usize] += size[position];
            }
        }
        for (position, end) in self.end.iter_mut().enumerate() {
            *end = position as u32 + size[position];
        }
        // The last reply seen so far per parent; slot `count` is for the
        // top-level comments.
        let mut last_reply = vec![NONE; count + 1];
        for position in 0..count {
            let parent = self.parent[position];
            let slot = if parent == NONE {
                count
            } else {
                parent as usize
            };
            self.previous_sibling[position] = last_reply[slot];
            last_reply[slot] = position as u32;
        }
    }

    fn number_sources(&mut self, comments: &[Comment]) {
        for &comment in &self.order {
            self.sources_before[comment as usize] = self.sources.len() as u32;
            let cited = comments[comment as usize].sources.len() as u32;
            self.sources
                .extend((0..cited).map(|source| (comment, source)));
        }
    }

    /// The number of comments.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The comment shown at `position`.
    pub fn comment_at(&self, position: usize) -> usize {
        self.order[position] as usize
    }

    /// Where `comment` is shown.
    pub fn position_of(&self, comment: usize) -> usize {
        self.position[comment] as usize
    }

    /// 0 for a top-level comment, 1 for a reply to one, …
    pub fn depth(&self, position: usize) -> usize {
        usize::from(self.depth[position])
    }

    /// The position after the comment's replies (and theirs).
    pub fn run_end(&self, position: usize) -> usize {
        self.end[position] as usize
    }

    /// How many comments answer this one, directly or further down.
    pub fn replies(&self, position: usize) -> usize {
        self.run_end(position) - position - 1
    }

    pub fn parent(&self, position: usize) -> Option<usize> {
        some(self.parent[position])
    }

    /// The next reply to the same parent (the next thread, for a top-level
    /// comment).
    pub fn next_sibling(&self, position: usize) -> Option<usize> {
        let next = self.run_end(position);
        (next < self.len() && self.parent[next] == self.parent[position]).then_some(next)
    }

    /// The previous reply to the same parent (the previous thread, for a
    /// top-level comment).
    pub fn previous_sibling(&self, position: usize) -> Option<usize> {
        some(self.previous_sibling[position])
    }

    /// The first top-level comment after `position`.
    pub fn next_top_level_after(&self, position: usize) -> Option<usize> {
        let after = self.top_level.partition_point(|&p| p as usize <= position);
        self.top_level.get(after).map(|&p| p as usize)
    }

    /// The last top-level comment before `position`.
    pub fn top_level_before(&self, position: usize) -> Option<usize> {
        let before = self.top_level.partition_point(|&p| (p as usize) < position);
        let index = before.checked_sub(1)?;
        Some(self.top_level[index] as usize)
    }

    /// Positions of the top-level comments, in order.
    pub fn top_level(&self) -> impl Iterator<Item = usize> + '_ {
        self.top_level.iter().map(|&p| p as usize)
    }

    /// The comments `position` answers, nearest first.
    pub fn ancestors(&self, position: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.parent(position), |&p| self.parent(p))
    }

    /// The top-level comment of the thread `position` is in.
    pub fn thread_root(&self, position: usize) -> usize {
        self.ancestors(position).last().unwrap_or(position)
    }

    /// The number of sources cited in comments.
    pub fn source_count(&self) -> usize {
        self.sources.len()
    }

    /// Comment source `n` (0-based, in the order shown): the comment and
    /// the index in its `sources`.
    pub fn source(&self, n: usize) -> Option<(usize, usize)> {
        let &(comment, source) = self.sources.get(n)?;
        Some((comment as usize, source as usize))
    }

    /// The number (0-based among comment sources) of `comment`'s first source.
    pub fn first_source_of(&self, comment: usize) -> usize {
        self.sources_before.get(comment).map_or(0, |&n| n as usize)
    }
}

fn some(position: u32) -> Option<usize> {
    (position != NONE).then_some(position as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(parent: Option<u32>) -> Comment {
        Comment {
            parent,
            ..Comment::default()
        }
    }

    /// 0
    /// ├ 1
    /// │ └ 2
    /// └ 3
    /// 4
    /// 5
    /// └ 6
    fn nested() -> Vec<Comment> {
        vec![
            comment(None),
            comment(Some(0)),
            comment(Some(1)),
            comment(Some(0)),
            comment(None),
            comment(None),
            comment(Some(5)),
        ]
    }

    #[test]
    fn depths_runs_and_parents_follow_the_replies() {
        let shape = ThreadShape::new(&nested());
        let depths: Vec<usize> = (0..7).map(|p| shape.depth(p)).collect();
        assert_eq!(depths, [0, 1, 2, 1, 0, 0, 1]);
        let ends: Vec<usize> = (0..7).map(|p| shape.run_end(p)).collect();
        assert_eq!(ends, [4, 3, 3, 4, 5, 7, 7]);
        assert_eq!(shape.replies(0), 3);
        assert_eq!(shape.parent(2), Some(1));
        assert_eq!(shape.parent(4), None);
        assert_eq!(shape.thread_root(2), 0);
        assert_eq!(shape.ancestors(2).collect::<Vec<_>>(), [1, 0]);
    }

    #[test]
    fn siblings_and_threads() {
        let shape = ThreadShape::new(&nested());
        assert_eq!(shape.next_sibling(1), Some(3));
        assert_eq!(shape.next_sibling(3), None);
        assert_eq!(shape.previous_sibling(3), Some(1));
        assert_eq!(shape.previous_sibling(1), None);
        assert_eq!(shape.next_sibling(0), Some(4));
        assert_eq!(shape.next_sibling(5), None);
        assert_eq!(shape.next_top_level_after(1), Some(4));
        assert_eq!(shape.next_top_level_after(5), None);
        assert_eq!(shape.top_level_before(2), Some(0));
        assert_eq!(shape.top_level_before(4), Some(0));
        assert_eq!(shape.top_level_before(0), None);
    }

    #[test]
    fn a_reply_listed_after_a_later_thread_is_shown_under_its_parent() {
        // 0, 1 top-level; 2 answers 0 but is listed after 1.
        let shape = ThreadShape::new(&[comment(None), comment(None), comment(Some(0))]);
        let order: Vec<usize> = (0..3).map(|p| shape.comment_at(p)).collect();
        assert_eq!(order, [0, 2, 1]);
        assert_eq!(shape.position_of(2), 1);
        assert_eq!(shape.run_end(0), 2);
    }

    #[test]
    fn a_parent_that_does_not_come_first_makes_a_top_level_comment() {
        let shape = ThreadShape::new(&[comment(Some(1)), comment(Some(7))]);
        assert_eq!((shape.depth(0), shape.depth(1)), (0, 0));
        assert_eq!(shape.top_level().count(), 2);
    }

    #[test]
    fn a_very_deep_thread_needs_no_recursion() {
        let mut comments = vec![comment(None)];
        comments.extend((0..100_000u32).map(|i| comment(Some(i))));
        let shape = ThreadShape::new(&comments);
        assert_eq!(shape.depth(100_000), 100_000usize.min(u16::MAX as usize));
        assert_eq!(shape.run_end(0), 100_001);
    }

    #[test]
    fn comment_sources_are_numbered_down_the_page() {
        use crate::model::Source;
        let mut comments = vec![comment(None), comment(None), comment(Some(0))];
        comments[1].sources = vec![Source::default(); 2];
        comments[2].sources = vec![Source::default()];
        let shape = ThreadShape::new(&comments);
        // Shown: 0, 2, 1.
        assert_eq!(shape.first_source_of(2), 0);
        assert_eq!(shape.first_source_of(1), 1);
        assert_eq!(shape.source(0), Some((2, 0)));
        assert_eq!(shape.source(2), Some((1, 1)));
        assert_eq!(shape.source_count(), 3);
    }
}
