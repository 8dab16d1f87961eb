//! Read marks and new comments.
//!
//! **The rule**: a post counts as read once the end of its body (its last
//! line before the comment thread) has been on screen in the Article
//! pane, as the view arrives there (opening a short post, scrolling to the
//! end); marking a post unread by hand leaves it unread until the view
//! next moves to its end. A comment is new when its post was open in an
//! earlier session and the comment was not there then; a post never
//! opened before has no new comments, only an unread mark.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::app::{App, Focus};
use super::tree::{NodeId, NodeKind, Tree};
use crate::model::{Comment, Post, PostId};

/// What the reader knows of which posts were read and which comments seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Per post: read. Changed through [`Marks::set_read`], which keeps
    /// the counts below.
    read: Vec<bool>,
    /// Per post: open at some point of this session (its comments are
    /// seen when the state is saved).
    pub opened: Vec<bool>,
    /// Per post open in an earlier session: the comments it had then.
    pub seen_before: FxHashMap<PostId, FxHashSet<u64>>,
    /// Per group of the tree: the posts directly under it not yet read, kept as
    /// posts are marked, so a frame never counts a group of thousands.
    unread: Vec<usize>,
    /// The groups each post is listed under, in one list: post `p`'s are
    /// `groups[group_starts[p]..group_starts[p + 1]]` (a list per post
    /// would be an allocation per post, and the reader waits for them).
    groups: Vec<NodeId>,
    group_starts: Vec<usize>,
}

impl Marks {
    /// Nothing read, nothing seen, for the posts of `tree`.
    pub fn new(tree: &Tree, posts: usize) -> Marks {
        let listings = || tree.listings().filter(|(post, _)| post.0 < posts);
        let mut unread = vec![0; tree.group_count()];
        let mut group_starts = vec![0; posts + 1];
        for (post, group) in listings() {
            group_starts[post.0 + 1] += 1;
            unread[group.0] += 1;
        }
        for post in 0..posts {
            group_starts[post + 1] += group_starts[post];
        }
        let mut groups = vec![NodeId(0); group_starts[posts]];
        let mut next = group_starts.clone();
        for (post, group) in listings() {
            groups[next[post.0]] = group;
            next[post.0] += 1;
        }
        Marks {
            read: vec![false; posts],
            opened: vec![false; posts],
            seen_before: FxHashMap::default(),
            unread,
            groups,
            group_starts,
        }
    }

    pub fn is_read(&self, post: PostId) -> bool {
        self.read.get(post.0).copied().unwrap_or(false)
    }

    pub fn set_read(&mut self, post: PostId, read: bool) {
        let Some(flag) = self.read.get_mut(post.0) else {
            return;
        };
        if std::mem::replace(flag, read) == read {
            return;
        }
        let groups = self.group_starts[post.0]..self.group_starts[post.0 + 1];
        for group in &self.groups[groups] {
            let count = &mut self.unread[group.0];
            *count = if read { *count - 1 } else { *count + 1 };
        }
    }

    /// The posts directly under `group` not yet read.
    pub fn unread_in(&self, group: NodeId) -> usize {
        self.unread.get(group.0).copied().unwrap_or(0)
    }

    pub fn note_opened(&mut self, post: PostId) {
        if let Some(flag) = self.opened.get_mut(post.0) {
            *flag = true;
        }
    }

    /// Whether `comment` of `post` is new since the last visit.
    pub fn is_new(&self, post: PostId, comment: &Comment) -> bool {
        self.seen_before
            .get(&post)
            .is_some_and(|seen| !seen.contains(&comment_key(comment)))
    }

    /// The number of posts in `posts` not yet read.
    pub fn unread_among(&self, posts: &[PostId]) -> usize {
        posts.iter().filter(|&&post| !self.is_read(post)).count()
    }
}

/// What identifies a comment from one scrape of a page to the next: its
/// author, date and the start of its text, rather than its id, which a
/// scraped archive gives by position (a reply added above shifts it).
pub fn comment_key(comment: &Comment) -> u64 {
    let mut hasher = FxHasher::default();
    comment.author.hash(&mut hasher);
    comment.date.hash(&mut hasher);
    let text = comment.blocks.first().map_or("", |block| &*block.text);
    let start = text
        .char_indices()
        .nth(200)
        .map_or(text, |(at, _)| &text[..at]);
    start.hash(&mut hasher);
    hasher.finish()
}

/// The keys of every comment of `post`.
pub fn comment_keys(post: &Post) -> Vec<u64> {
    let mut keys: Vec<u64> = post.comments.iter().map(comment_key).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Marks the open post read if the end of its body is on screen now.
pub fn note_view(app: &mut App) {
    let Some(post) = app.open_post else { return };
    if app.panes().article.is_none() {
        return;
    }
    let height = app.article_height();
    if height > 0 && app.scroll + height >= app.article.lines.len() {
        app.marks.set_read(post, true);
    }
}

/// `m`: the post selected in the Topics pane (when it has focus) or else
/// the open post, marked read, or unread if it was.
pub fn toggle_read(app: &mut App) {
    let selected = match app.selected_node().map(|node| app.tree.node(node).kind) {
        Some(NodeKind::Post(post)) if app.focus == Focus::Topics => Some(post),
        _ => None,
    };
    let Some(post) = selected.or(app.open_post) else {
        return;
    };
    let read = !app.marks.is_read(post);
    app.marks.set_read(post, read);
    app.status = Some(format!("Marked {}", if read { "read" } else { "unread" }));
}

/// `M`: every post of the group selected in the Topics pane (when it has
/// focus), else of the group the open post was opened from.
pub fn toggle_topic_read(app: &mut App) {
    let group = app
        .selected_node()
        .filter(|&node| app.focus == Focus::Topics && app.tree.node(node).is_group())
        .unwrap_or(app.post_list);
    let posts = app.tree.posts_under(group);
    let name = app.node_label(group).to_string();
    toggle_posts(app, &posts, &name);
}

/// `A`: every post.
pub fn toggle_all_read(app: &mut App) {
    let posts: Vec<PostId> = (0..app.corpus.len()).map(PostId).collect();
    toggle_posts(app, &posts, "all posts");
}

/// Marks `posts` read, or unread when all of them are read already.
fn toggle_posts(app: &mut App, posts: &[PostId], name: &str) {
    if posts.is_empty() {
        app.status = Some(format!("No posts in {name}"));
        return;
    }
    let read = app.marks.unread_among(posts) > 0;
    for &post in posts {
        app.marks.set_read(post, read);
    }
    let count = match posts.len() {
        1 => "1 post".to_string(),
        n => format!("{n} posts"),
    };
    let state = if read { "read" } else { "unread" };
    app.status = Some(format!("Marked {count} of {name} {state}"));
}

/// `.`: the next unread post after the open one in the list `]` follows,
/// wrapping; else the first unread post anywhere.
pub fn next_unread(app: &mut App) {
    let list = app.tree.posts_under(app.post_list);
    let at = app
        .open_post
        .and_then(|open| list.iter().position(|&p| p == open))
        .map_or(0, |i| i + 1);
    let in_list = list[at.min(list.len())..]
        .iter()
        .chain(&list[..at.min(list.len())])
        .copied()
        .find(|&post| !app.marks.is_read(post) && Some(post) != app.open_post);
    let anywhere = || {
        (0..app.corpus.len())
            .map(PostId)
            .find(|&post| !app.marks.is_read(post) && Some(post) != app.open_post)
    };
    match in_list.or_else(anywhere) {
        Some(post) => super::update::open_and_select(app, post),
        None => app.status = Some("Every other post is read".to_string()),
    }
}

/// `;`: the next new comment after the current one in the open post, else
/// the first in the next post (in the list `]` follows) that has one.
pub fn next_new_comment(app: &mut App) {
    if let Some(post) = app.open_post {
        let shape = app.thread_layout.shape();
        let from = app
            .thread
            .cursor
            .filter(|&c| c < shape.len())
            .map_or(0, |c| shape.position_of(c) + 1);
        let found = (from..shape.len())
            .map(|position| shape.comment_at(position))
            .find(|&comment| is_new_comment(app, post, comment));
        if let Some(comment) = found {
            go_to_comment(app, comment);
            return;
        }
    }
    let list = app.tree.posts_under(app.post_list);
    let after = app
        .open_post
        .and_then(|open| list.iter().position(|&p| p == open))
        .map_or(0, |i| i + 1);
    let next = list
        .get(after..)
        .unwrap_or_default()
        .iter()
        .find_map(|&post| {
            let first = (0..app.corpus.post(post).comments.len())
                .find(|&comment| is_new_comment(app, post, comment))?;
            Some((post, first))
        });
    let Some((post, comment)) = next else {
        app.status = Some("No new comments below".to_string());
        return;
    };
    super::update::open_and_select(app, post);
    // Comments as the thread orders them: the first new one there.
    let shape = app.thread_layout.shape();
    let first = (0..shape.len())
        .map(|position| shape.comment_at(position))
        .find(|&c| is_new_comment(app, post, c))
        .unwrap_or(comment);
    go_to_comment(app, first);
}

fn is_new_comment(app: &App, post: PostId, comment: usize) -> bool {
    app.corpus
        .post(post)
        .comments
        .get(comment)
        .is_some_and(|c| app.marks.is_new(post, c))
}

fn go_to_comment(app: &mut App, comment: usize) {
    super::thread::fold::reveal(app, comment);
    super::thread::motion::show_comment(app, comment);
    if app.panes().article.is_none() {
        app.focus = Focus::Article;
    }
}
