//! The comment thread under the open post: its shape, its layout at the
//! article's width, what the reader changed in it (the current comment, the
//! folds) and the motions and folds that change it.

pub mod fold;
pub mod layout;
pub mod motion;
pub mod quotes;
pub mod shape;

pub use layout::{ThreadLayout, ThreadLine};
pub use motion::ThreadAction;
pub use shape::ThreadShape;

/// What a comment without an author is called.
pub const ANONYMOUS: &str = "anonymous";

/// What the reader changed in the open post's thread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThreadState {
    /// The current comment (an index into the post's comments), while the
    /// view is in the thread; motions start from it and `z` folds it.
    pub cursor: Option<usize>,
    /// Per comment: whether it is folded, its replies hidden with it.
    pub folded: Vec<bool>,
    /// The last scroll position whose top line was in the post's body:
    /// where `c` goes back to from the thread.
    pub body_scroll: usize,
}

impl ThreadState {
    /// Nothing folded, no current comment, for a thread of `comments`.
    pub fn new(comments: usize) -> ThreadState {
        ThreadState {
            cursor: None,
            folded: vec![false; comments],
            body_scroll: 0,
        }
    }
}
