//! The navigation tree shown in the Topics pane, built once from the corpus.
//!
//! The tree is derived data: it never changes after loading. What the user
//! changes (which groups are expanded, which row is selected) lives in
//! [`super::app::App`]; [`Tree::visible_rows`] turns the two into the rows on
//! screen.
//!
//! Only the groups ("All posts", the topics, "Sources", the outlets) are
//! stored as nodes. A large archive lists a million posts under its groups,
//! and a node each would make building the tree the slowest step of opening
//! it; so each group's posts are a run of one shared list of post numbers,
//! and a post row is its place in that list. Every row still has a stable
//! [`NodeId`]: the groups' come first, in the order they were made (a parent
//! before its subgroups), and a post row's is the number of groups plus its
//! place in the shared list. The runs lie in the list in the groups' order,
//! so a post row's group is found by a binary search over the groups.

use std::ops::Range;
use std::sync::Arc;

use crate::model::{Corpus, PostId, TopicNode};

/// A row of the tree: a group, or a post listed under one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub usize);

/// What a node of the tree stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind<'a> {
    /// Every post, in archive order.
    AllPosts,
    /// A topic of the corpus's topic tree.
    Topic { name: &'a str },
    /// The group of outlets cited in the corpus.
    SourcesGroup,
    /// One outlet, with the posts that cite it.
    Outlet { name: &'a str },
    /// A post; opening it shows it in the article pane.
    Post(PostId),
}

/// One node: what it is and where it hangs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Node<'a> {
    pub kind: NodeKind<'a>,
    pub parent: Option<NodeId>,
    pub depth: u16,
    /// The number shown after a group's name (posts under it, or outlets
    /// under "Sources"); `None` for a post.
    pub count: Option<usize>,
}

impl Node<'_> {
    pub fn is_group(&self) -> bool {
        !matches!(self.kind, NodeKind::Post(_))
    }
}

/// What a group stands for, owning its name.
#[derive(Debug, Clone)]
enum GroupKind {
    AllPosts,
    Topic(String),
    SourcesGroup,
    Outlet(String),
}

#[derive(Debug, Clone)]
struct Group {
    kind: GroupKind,
    parent: Option<NodeId>,
    depth: u16,
    count: usize,
    subgroups: Vec<NodeId>,
}

/// The whole tree: "All posts", the topics, then "Sources" with its outlets.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    groups: Vec<Group>,
    /// Every group's posts; shared with the read marks, which count what
    /// is unread under each group.
    listings: Arc<Listings>,
    roots: Vec<NodeId>,
}

/// The posts listed under the groups of a tree: one list of post numbers,
/// a run per group in the groups' order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listings {
    posts: Vec<u32>,
    /// Per group: its run of `posts`.
    runs: Vec<Range<usize>>,
    /// The highest post number listed, if any post is.
    highest: Option<u32>,
}

impl Listings {
    /// The posts listed directly under `group`, as post numbers.
    pub fn run(&self, group: NodeId) -> &[u32] {
        self.runs
            .get(group.0)
            .and_then(|run| self.posts.get(run.clone()))
            .unwrap_or_default()
    }

    /// The number of groups.
    pub fn group_count(&self) -> usize {
        self.runs.len()
    }

    /// Every post row: the posts of every group.
    pub fn len(&self) -> usize {
        self.posts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.posts.is_empty()
    }

    /// The highest post number listed, if any post is.
    pub fn highest(&self) -> Option<usize> {
        self.highest.map(|post| post as usize)
    }

    /// A new group's run, starting (empty) at the list's end.
    fn open_run(&mut self) {
        let start = self.posts.len();
        self.runs.push(start..start);
    }

    /// Adds `posts` to the run of the last group opened.
    fn extend(&mut self, posts: impl IntoIterator<Item = PostId>) {
        let Some(run) = self.runs.last_mut() else {
            return;
        };
        // Added first, then looked over: two passes a processor runs at
        // the speed of memory, where one that checks as it adds is not.
        let added = self.posts.len();
        self.posts.extend(posts.into_iter().map(post_number));
        let highest = self.posts[added..].iter().max().copied();
        self.highest = self.highest.max(highest);
        run.end = self.posts.len();
    }
}

/// The posts listed under a topic and its subtopics.
fn posts_in_topic(topic: &TopicNode) -> usize {
    topic.posts.len() + topic.children.iter().map(posts_in_topic).sum::<usize>()
}

fn post_number(post: PostId) -> u32 {
    u32::try_from(post.0).expect("a corpus holds fewer than 2^32 posts")
}

impl Tree {
    pub fn build(corpus: &Corpus) -> Tree {
        let outlets = corpus.outlets();
        let listed = corpus.len()
            + corpus.topics().iter().map(posts_in_topic).sum::<usize>()
            + outlets.iter().map(|(_, posts)| posts.len()).sum::<usize>();
        let mut builder = Builder {
            groups: Vec::new(),
            listings: Listings {
                posts: Vec::with_capacity(listed),
                ..Listings::default()
            },
        };
        let all = builder.push(GroupKind::AllPosts, None, corpus.len());
        builder.listings.extend(corpus.post_ids());
        let mut roots = vec![all];
        for topic in corpus.topics() {
            roots.push(builder.push_topic(topic, None));
        }
        if !outlets.is_empty() {
            let sources = builder.push(GroupKind::SourcesGroup, None, outlets.len());
            roots.push(sources);
            for (name, posts) in outlets {
                builder.push(GroupKind::Outlet(name), Some(sources), posts.len());
                builder.listings.extend(posts);
            }
        }
        Tree {
            groups: builder.groups,
            listings: Arc::new(builder.listings),
            roots,
        }
    }

    /// The posts listed under the tree's groups, shared.
    pub fn listings(&self) -> &Arc<Listings> {
        &self.listings
    }

    pub fn node(&self, id: NodeId) -> Node<'_> {
        match self.group_of_post_row(id) {
            Some(group) => Node {
                kind: NodeKind::Post(self.post_at(id.0 - self.groups.len())),
                parent: Some(group),
                depth: self.groups[group.0].depth + 1,
                count: None,
            },
            None => {
                let group = &self.groups[id.0];
                let kind = match &group.kind {
                    GroupKind::AllPosts => NodeKind::AllPosts,
                    GroupKind::Topic(name) => NodeKind::Topic { name },
                    GroupKind::SourcesGroup => NodeKind::SourcesGroup,
                    GroupKind::Outlet(name) => NodeKind::Outlet { name },
                };
                Node {
                    kind,
                    parent: group.parent,
                    depth: group.depth,
                    count: Some(group.count),
                }
            }
        }
    }

    /// The group a post row is listed under; `None` for a group's own id.
    ///
    /// Panics when `id` is not a node of this tree.
    fn group_of_post_row(&self, id: NodeId) -> Option<NodeId> {
        let at = id.0.checked_sub(self.groups.len())?;
        assert!(at < self.listings.len(), "{id:?} is not a node of the tree");
        // The runs are contiguous and in order: the first group whose run
        // ends after `at` holds it.
        Some(NodeId(
            self.listings.runs.partition_point(|run| run.end <= at),
        ))
    }

    fn post_at(&self, at: usize) -> PostId {
        PostId(self.listings.posts[at] as usize)
    }

    /// Every node: the groups and the post rows.
    pub fn len(&self) -> usize {
        self.groups.len() + self.listings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The groups, whose ids are `0..group_count()`: the only nodes that
    /// can be expanded.
    pub fn group_count(&self) -> usize {
        self.groups.len()
    }

    pub fn groups(&self) -> impl Iterator<Item = NodeId> + use<> {
        (0..self.groups.len()).map(NodeId)
    }

    pub fn roots(&self) -> &[NodeId] {
        &self.roots
    }

    /// The "All posts" node, always the first root.
    pub fn all_posts(&self) -> NodeId {
        NodeId(0)
    }

    /// The groups directly under `id` (none under a post).
    pub fn subgroups(&self, id: NodeId) -> &[NodeId] {
        self.groups.get(id.0).map_or(&[], |g| &g.subgroups)
    }

    /// The post rows directly under `id` (none under a post).
    fn post_rows(&self, id: NodeId) -> Range<usize> {
        let run = self.listings.runs.get(id.0).cloned().unwrap_or(0..0);
        run.start + self.groups.len()..run.end + self.groups.len()
    }

    /// The nodes directly under `id`, as shown: its subgroups, then its posts.
    pub fn children(&self, id: NodeId) -> impl DoubleEndedIterator<Item = NodeId> + '_ {
        let subgroups = self.subgroups(id).iter().copied();
        subgroups.chain(self.post_rows(id).map(NodeId))
    }

    /// The rows on screen: roots, and the children of every expanded node,
    /// depth first.
    pub fn visible_rows(&self, expanded: &[bool]) -> Vec<NodeId> {
        let mut rows = Vec::new();
        let mut stack: Vec<NodeId> = self.roots.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            rows.push(id);
            if expanded.get(id.0).copied().unwrap_or(false) {
                stack.extend(self.children(id).rev());
            }
        }
        rows
    }

    /// The posts directly under a group, in the order shown.
    pub fn posts_under(&self, group: NodeId) -> Vec<PostId> {
        let run = self.listings.run(group);
        run.iter().map(|&post| PostId(post as usize)).collect()
    }

    /// Where `post` is first listed directly under `group`, counting from
    /// 0, and how many posts are listed there.
    pub fn place_under(&self, group: NodeId, post: PostId) -> Option<(usize, usize)> {
        let number = u32::try_from(post.0).ok()?;
        let run = self.listings.run(group);
        Some((run.iter().position(|&p| p == number)?, run.len()))
    }

    /// The node of `post` under `group`, if it is listed there.
    pub fn post_node_under(&self, group: NodeId, post: PostId) -> Option<NodeId> {
        let (at, _) = self.place_under(group, post)?;
        let start = self.listings.runs.get(group.0)?.start;
        Some(NodeId(self.groups.len() + start + at))
    }
}

/// A tree being built: its groups, and their posts.
struct Builder {
    groups: Vec<Group>,
    listings: Listings,
}

impl Builder {
    /// A new group, its run of posts starting (empty) at the list's end:
    /// its posts are added next, before any other group is made.
    fn push(&mut self, kind: GroupKind, parent: Option<NodeId>, count: usize) -> NodeId {
        let id = NodeId(self.groups.len());
        let depth = parent.map_or(0, |p| self.groups[p.0].depth + 1);
        self.groups.push(Group {
            kind,
            parent,
            depth,
            count,
            subgroups: Vec::new(),
        });
        self.listings.open_run();
        if let Some(parent) = parent {
            self.groups[parent.0].subgroups.push(id);
        }
        id
    }

    /// A topic's posts are listed before its subtopics are made, so that
    /// the runs lie in the groups' order; its children still show the
    /// subtopics first, as folders before files.
    fn push_topic(&mut self, topic: &TopicNode, parent: Option<NodeId>) -> NodeId {
        let kind = GroupKind::Topic(topic.name.clone());
        let id = self.push(kind, parent, topic.posts.len());
        self.listings.extend(topic.posts.iter().copied());
        for child in &topic.children {
            self.push_topic(child, Some(id));
        }
        id
    }
}

#[cfg(test)]
mod tests;
