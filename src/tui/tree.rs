//! The navigation tree shown in the Topics pane, built once from the corpus.
//!
//! The tree is derived data: it never changes after loading. What the user
//! changes (which nodes are expanded, which row is selected) lives in
//! [`super::app::App`]; [`Tree::visible_rows`] turns the two into the rows on
//! screen.

use crate::model::{Corpus, PostId, TopicNode};

/// An index into [`Tree::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub usize);

/// What a node of the tree stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    /// Every post, in archive order.
    AllPosts,
    /// A topic of the corpus's topic tree.
    Topic { name: String },
    /// The group of outlets cited in the corpus.
    SourcesGroup,
    /// One outlet, with the posts that cite it.
    Outlet { name: String },
    /// A post; opening it shows it in the article pane.
    Post(PostId),
}

/// One node: what it is, where it hangs and what hangs under it.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub depth: u16,
    /// The number shown after a group's name (posts under it).
    pub count: Option<usize>,
}

impl Node {
    pub fn is_group(&self) -> bool {
        !matches!(self.kind, NodeKind::Post(_))
    }
}

/// The whole tree: "All posts", the topics, then "Sources" with its outlets.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    nodes: Vec<Node>,
    roots: Vec<NodeId>,
}

/// The nodes a topic makes: its own, its posts' and its subtopics'.
fn nodes_under(topic: &TopicNode) -> usize {
    1 + topic.posts.len() + topic.children.iter().map(nodes_under).sum::<usize>()
}

impl Tree {
    pub fn build(corpus: &Corpus) -> Tree {
        let outlets = corpus.outlets();
        // A large corpus's tree is millions of nodes: room for all of them
        // at once, not grown (and copied) a doubling at a time.
        let nodes = 2
            + corpus.len()
            + corpus.topics().iter().map(nodes_under).sum::<usize>()
            + outlets
                .iter()
                .map(|(_, posts)| 1 + posts.len())
                .sum::<usize>();
        let mut tree = Tree {
            nodes: Vec::with_capacity(nodes),
            roots: Vec::new(),
        };
        let all = tree.push(NodeKind::AllPosts, None, Some(corpus.len()));
        tree.nodes[all.0].children.reserve_exact(corpus.len());
        tree.roots.push(all);
        for index in 0..corpus.len() {
            tree.push(NodeKind::Post(PostId(index)), Some(all), None);
        }
        for topic in corpus.topics() {
            let id = tree.push_topic(topic, None);
            tree.roots.push(id);
        }
        if !outlets.is_empty() {
            let group = tree.push(NodeKind::SourcesGroup, None, Some(outlets.len()));
            tree.nodes[group.0].children.reserve_exact(outlets.len());
            tree.roots.push(group);
            for (name, posts) in outlets {
                let count = posts.len();
                let outlet = tree.push(NodeKind::Outlet { name }, Some(group), Some(count));
                tree.nodes[outlet.0].children.reserve_exact(count);
                for post in posts {
                    tree.push(NodeKind::Post(post), Some(outlet), None);
                }
            }
        }
        tree
    }

    fn push(&mut self, kind: NodeKind, parent: Option<NodeId>, count: Option<usize>) -> NodeId {
        let id = NodeId(self.nodes.len());
        let depth = parent.map_or(0, |p| self.nodes[p.0].depth + 1);
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
            depth,
            count,
        });
        if let Some(parent) = parent {
            self.nodes[parent.0].children.push(id);
        }
        id
    }

    /// Subtopics come before the topic's own posts, as folders before files.
    fn push_topic(&mut self, topic: &TopicNode, parent: Option<NodeId>) -> NodeId {
        let kind = NodeKind::Topic {
            name: topic.name.clone(),
        };
        let id = self.push(kind, parent, Some(topic.posts.len()));
        (self.nodes[id.0].children).reserve_exact(topic.children.len() + topic.posts.len());
        for child in &topic.children {
            self.push_topic(child, Some(id));
        }
        for &post in &topic.posts {
            self.push(NodeKind::Post(post), Some(id), None);
        }
        id
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn roots(&self) -> &[NodeId] {
        &self.roots
    }

    /// The "All posts" node, always the first root.
    pub fn all_posts(&self) -> NodeId {
        NodeId(0)
    }

    /// The rows on screen: roots, and the children of every expanded node,
    /// depth first.
    pub fn visible_rows(&self, expanded: &[bool]) -> Vec<NodeId> {
        let mut rows = Vec::new();
        let mut stack: Vec<NodeId> = self.roots.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            rows.push(id);
            if expanded.get(id.0).copied().unwrap_or(false) {
                stack.extend(self.nodes[id.0].children.iter().rev().copied());
            }
        }
        rows
    }

    /// The posts directly under a group, in the order shown.
    pub fn posts_under(&self, group: NodeId) -> Vec<PostId> {
        self.nodes[group.0]
            .children
            .iter()
            .filter_map(|child| match self.nodes[child.0].kind {
                NodeKind::Post(post) => Some(post),
                _ => None,
            })
            .collect()
    }

    /// The node of `post` under `group`, if it is listed there.
    pub fn post_node_under(&self, group: NodeId, post: PostId) -> Option<NodeId> {
        self.nodes[group.0]
            .children
            .iter()
            .copied()
            .find(|child| self.nodes[child.0].kind == NodeKind::Post(post))
    }
}
