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
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use super::app::{App, Focus};
use super::tree::{Listings, NodeId, NodeKind, Tree};
use crate::model::{Comment, Post, PostId};

/// What the reader knows of which posts were read and which comments seen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Per post: read. Changed through [`Marks::set_read`] and
    /// [`Marks::set_read_all`], which keep the counts below.
    read: Vec<bool>,
    /// Per post: open at some point of this session (its comments are
    /// seen when the state is saved).
    pub opened: Vec<bool>,
    /// Per post open in an earlier session: the comments it had then.
    pub seen_before: FxHashMap<PostId, FxHashSet<u64>>,
    /// Per group of the tree: the posts directly under it not yet read, kept as
    /// posts are marked, so a frame never counts a group of thousands.
    unread: Vec<usize>,
    /// The tree's groups and their posts.
    listings: Arc<Listings>,
    /// The groups each post is listed under, made from `listings` when a
    /// post is first marked on its own: made with the marks, it would cost
    /// the reader's first frame a pass over every listing of a large
    /// archive, for a reader who may mark nothing.
    groups_of: GroupsOf,
}

/// Per post, the groups that list it, once per listing: made from the
/// listings once, so marking a post costs as many steps as it has groups.
#[derive(Debug, Clone, Default)]
struct GroupsOf(Option<Arc<PostGroups>>);

/// Made from the listings and nothing else, it says nothing of the marks
/// they do not say.
impl PartialEq for GroupsOf {
    fn eq(&self, _: &GroupsOf) -> bool {
        true
    }
}

impl Eq for GroupsOf {}

/// The groups of every post, one list after another: post `p`'s are
/// `groups[starts[p]..starts[p + 1]]`.
#[derive(Debug)]
struct PostGroups {
    starts: Vec<u32>,
    groups: Vec<u32>,
}

impl PostGroups {
    /// The groups of `listings` that list each post numbered below
    /// `posts`, in two passes over the listings: count, then place.
    fn new(listings: &Listings, posts: usize) -> PostGroups {
        let runs = || {
            (0..listings.group_count()).flat_map(|group| {
                (listings.run(NodeId(group)).iter())
                    .filter(|&&post| (post as usize) < posts)
                    .map(move |&post| (group as u32, post as usize))
            })
        };
        let mut starts = vec![0u32; posts + 1];
        for (_, post) in runs() {
            starts[post + 1] += 1;
        }
        for post in 0..posts {
            starts[post + 1] += starts[post];
        }
        let mut next: Vec<u32> = starts[..posts].to_vec();
        let mut groups = vec![0u32; starts[posts] as usize];
        for (group, post) in runs() {
            groups[next[post] as usize] = group;
            next[post] += 1;
        }
        PostGroups { starts, groups }
    }

    fn of(&self, post: PostId) -> &[u32] {
        let start = self.starts.get(post.0).copied().unwrap_or(0) as usize;
        let end = self.starts.get(post.0 + 1).copied().unwrap_or(0) as usize;
        self.groups.get(start..end).unwrap_or_default()
    }
}

impl Marks {
    /// Nothing read, nothing seen, for the posts of `tree`: posts numbered
    /// below `posts`.
    pub fn new(tree: &Tree, posts: usize) -> Marks {
        let listings = Arc::clone(tree.listings());
        let mut marks = Marks {
            read: vec![false; posts],
            opened: vec![false; posts],
            seen_before: FxHashMap::default(),
            unread: Vec::new(),
            listings,
            groups_of: GroupsOf::default(),
        };
        marks.count_unread();
        marks
    }

    /// Counts the posts not yet read under every group afresh: each
    /// group's listing when some post is read or some listed post cannot
    /// be marked, else (as when the marks are made) its length.
    fn count_unread(&mut self) {
        let listings = &self.listings;
        let all_unread = listings.highest().is_none_or(|post| post < self.read.len())
            && !self.read.contains(&true);
        self.unread = (0..listings.group_count())
            .map(|group| {
                let run = listings.run(NodeId(group));
                if all_unread {
                    return run.len();
                }
                (run.iter())
                    .filter(|&&post| self.read.get(post as usize) == Some(&false))
                    .count()
            })
            .collect();
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
        let posts = self.read.len();
        let listings = &self.listings;
        let groups_of =
            (self.groups_of.0).get_or_insert_with(|| Arc::new(PostGroups::new(listings, posts)));
        for &group in groups_of.of(post) {
            if let Some(count) = self.unread.get_mut(group as usize) {
                *count = if read { *count - 1 } else { *count + 1 };
            }
        }
    }

    /// Marks every post of `posts` read (or unread): as [`Marks::set_read`]
    /// on each, with the counts made once for all when there are many.
    pub fn set_read_all(&mut self, posts: &[PostId], read: bool) {
        // Once the posts' groups are known, each post is marked in a few
        // steps; until then, counting afresh looks at every listing once,
        // as finding them would.
        if self.groups_of.0.is_some() {
            for &post in posts {
                self.set_read(post, read);
            }
            return;
        }
        for &post in posts {
            if let Some(flag) = self.read.get_mut(post.0) {
                *flag = read;
            }
        }
        self.count_unread();
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
    app.marks.set_read_all(posts, read);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Corpus, Topic};

    /// Five posts; "Late" lists them out of order, "Twice" lists p1 twice.
    fn tree() -> Tree {
        let posts = (0..5)
            .map(|n| Post {
                id: format!("p{n}").into(),
                title: format!("Post {n}"),
                ..Default::default()
            })
            .collect();
        let topic = |name: &str, posts: &[&str]| Topic {
            name: name.to_string(),
            posts: posts.iter().map(|&p| p.into()).collect(),
            children: Vec::new(),
        };
        let topics = vec![
            topic("Late", &["p4", "p0", "p2"]),
            topic("Twice", &["p1", "p3", "p1"]),
        ];
        Tree::build(&Corpus::new(posts, Some(topics)))
    }

    /// The unread counts as a frame would count them, group by group.
    fn counted(marks: &Marks, tree: &Tree) -> Vec<usize> {
        (tree.groups())
            .map(|group| marks.unread_among(&tree.posts_under(group)))
            .collect()
    }

    fn kept(marks: &Marks, tree: &Tree) -> Vec<usize> {
        tree.groups().map(|group| marks.unread_in(group)).collect()
    }

    #[test]
    fn counts_kept_one_post_at_a_time_are_the_counts_of_the_tree() {
        let tree = tree();
        let mut marks = Marks::new(&tree, 5);
        assert_eq!(kept(&marks, &tree), counted(&marks, &tree));
        for (post, read) in [(1, true), (4, true), (2, true), (4, false), (9, true)] {
            marks.set_read(PostId(post), read);
            assert_eq!(kept(&marks, &tree), counted(&marks, &tree), "p{post}");
        }
        // All posts, Late, Twice: p1 read counts twice under Twice.
        assert_eq!(kept(&marks, &tree), [3, 2, 1]);
    }

    #[test]
    fn counts_kept_for_many_posts_at_once_are_the_counts_of_the_tree() {
        let tree = tree();
        let mut marks = Marks::new(&tree, 5);
        // Few posts are marked one by one, many by counting afresh: both
        // keep the same counts.
        for posts in [&[3][..], &[0, 1, 2, 3, 4], &[1, 4]] {
            let posts: Vec<PostId> = posts.iter().copied().map(PostId).collect();
            marks.set_read_all(&posts, true);
            assert_eq!(kept(&marks, &tree), counted(&marks, &tree), "{posts:?}");
            marks.set_read_all(&posts[..1], false);
            assert_eq!(kept(&marks, &tree), counted(&marks, &tree), "{posts:?}");
        }
    }

    #[test]
    fn counts_kept_once_each_posts_groups_are_known_are_the_counts_of_the_tree() {
        let tree = tree();
        let mut marks = Marks::new(&tree, 5);
        // One post marked on its own finds every post's groups; marks of
        // one post or many after it go by them.
        marks.set_read(PostId(1), true);
        assert_eq!(kept(&marks, &tree), [4, 3, 1]);
        let all: Vec<PostId> = (0..5).map(PostId).collect();
        for (posts, read) in [(&all[..], true), (&all[1..4], false), (&all[3..], true)] {
            marks.set_read_all(posts, read);
            assert_eq!(kept(&marks, &tree), counted(&marks, &tree), "{posts:?}");
        }
        assert_eq!(kept(&marks, &tree), [2, 1, 2]);
        // Marked twice, or beyond the corpus: counted once, or not at all.
        marks.set_read(PostId(4), true);
        marks.set_read(PostId(7), true);
        assert_eq!(kept(&marks, &tree), counted(&marks, &tree));
    }

    #[test]
    fn a_tree_listing_posts_beyond_the_corpus_counts_only_the_corpus() {
        let tree = tree();
        let mut marks = Marks::new(&tree, 3);
        assert_eq!(kept(&marks, &tree), [3, 2, 2]);
        marks.set_read_all(&[PostId(0), PostId(1), PostId(2), PostId(4)], true);
        assert_eq!(kept(&marks, &tree), [0, 0, 0]);
        marks.set_read(PostId(1), false);
        marks.set_read(PostId(2), false);
        assert_eq!(kept(&marks, &tree), [2, 1, 2]);
    }
}
