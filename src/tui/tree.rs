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
    /// Its posts: a run of [`Tree::posts`].
    posts: Range<usize>,
}

/// The whole tree: "All posts", the topics, then "Sources" with its outlets.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    groups: Vec<Group>,
    /// Every group's posts, a run per group in the groups' order.
    posts: Vec<u32>,
    roots: Vec<NodeId>,
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
        let mut tree = Tree {
            groups: Vec::new(),
            posts: Vec::with_capacity(listed),
            roots: Vec::new(),
        };
        let all = tree.push(GroupKind::AllPosts, None, corpus.len());
        tree.posts
            .extend((0..corpus.len()).map(PostId).map(post_number));
        tree.close_run(all);
        tree.roots.push(all);
        for topic in corpus.topics() {
            let id = tree.push_topic(topic, None);
            tree.roots.push(id);
        }
        if !outlets.is_empty() {
            let sources = tree.push(GroupKind::SourcesGroup, None, outlets.len());
            tree.roots.push(sources);
            for (name, posts) in outlets {
                let outlet = tree.push(GroupKind::Outlet(name), Some(sources), posts.len());
                tree.posts.extend(posts.into_iter().map(post_number));
                tree.close_run(outlet);
            }
        }
        tree
    }

    /// A new group, its run of posts starting (empty) at the list's end.
    fn push(&mut self, kind: GroupKind, parent: Option<NodeId>, count: usize) -> NodeId {
        let id = NodeId(self.groups.len());
        let depth = parent.map_or(0, |p| self.groups[p.0].depth + 1);
        let start = self.posts.len();
        self.groups.push(Group {
            kind,
            parent,
            depth,
            count,
            subgroups: Vec::new(),
            posts: start..start,
        });
        if let Some(parent) = parent {
            self.groups[parent.0].subgroups.push(id);
        }
        id
    }

    /// Ends `group`'s run of posts where the shared list ends now.
    fn close_run(&mut self, group: NodeId) {
        self.groups[group.0].posts.end = self.posts.len();
    }

    /// A topic's posts are listed before its subtopics are made, so that
    /// the runs lie in the groups' order; its children still show the
    /// subtopics first, as folders before files.
    fn push_topic(&mut self, topic: &TopicNode, parent: Option<NodeId>) -> NodeId {
        let kind = GroupKind::Topic(topic.name.clone());
        let id = self.push(kind, parent, topic.posts.len());
        self.posts
            .extend(topic.posts.iter().copied().map(post_number));
        self.close_run(id);
        for child in &topic.children {
            self.push_topic(child, Some(id));
        }
        id
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
        assert!(at < self.posts.len(), "{id:?} is not a node of the tree");
        // The runs are contiguous and in order: the first group whose run
        // ends after `at` holds it.
        Some(NodeId(self.groups.partition_point(|g| g.posts.end <= at)))
    }

    fn post_at(&self, at: usize) -> PostId {
        PostId(self.posts[at] as usize)
    }

    /// Every node: the groups and the post rows.
    pub fn len(&self) -> usize {
        self.groups.len() + self.posts.len()
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
        let run = self.groups.get(id.0).map_or(0..0, |g| g.posts.clone());
        run.start + self.groups.len()..run.end + self.groups.len()
    }

    /// The nodes directly under `id`, as shown: its subgroups, then its posts.
    pub fn children(&self, id: NodeId) -> impl DoubleEndedIterator<Item = NodeId> + '_ {
        let subgroups = self.subgroups(id).iter().copied();
        subgroups.chain(self.post_rows(id).map(NodeId))
    }

    /// Every post row as the post and the group it is listed under.
    pub fn listings(&self) -> impl Iterator<Item = (PostId, NodeId)> + '_ {
        self.groups().flat_map(move |group| {
            let run = self.groups[group.0].posts.clone();
            run.map(move |at| (self.post_at(at), group))
        })
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
        let run = self.groups.get(group.0).map_or(0..0, |g| g.posts.clone());
        run.map(|at| self.post_at(at)).collect()
    }

    /// The node of `post` under `group`, if it is listed there.
    pub fn post_node_under(&self, group: NodeId, post: PostId) -> Option<NodeId> {
        let run = self.groups.get(group.0)?.posts.clone();
        let number = u32::try_from(post.0).ok()?;
        let at = self.posts[run.clone()].iter().position(|&p| p == number)?;
        Some(NodeId(self.groups.len() + run.start + at))
    }
}

#[cfg(test)]
mod tests;
