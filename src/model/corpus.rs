//! The corpus: posts and the topic tree, read through one API whether the
//! posts were parsed into memory or lie in a mapped flat file.
//!
//! A parsed corpus holds every [`Post`]. A flat one holds none until asked:
//! [`Corpus::post`] decodes a post the first time it is asked for and keeps
//! it, while titles and ids ([`Corpus::title`], [`Corpus::id_of`]) are read
//! where they lie, so opening a gigabyte costs what its topic tree costs.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::flat::FlatFile;
use super::flat::corpus::FlatCorpus;
use super::{Location, Post, PostId, Topic, ensure_unique_ids, outlet_key};

/// A node of the corpus's topic tree, its posts by number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicNode {
    pub name: String,
    pub posts: Vec<PostId>,
    pub children: Vec<TopicNode>,
}

/// Posts and the topic tree, as loaded. Immutable once built.
#[derive(Debug, Clone)]
pub struct Corpus {
    posts: Posts,
    topics: Vec<TopicNode>,
}

#[derive(Debug, Clone)]
enum Posts {
    /// Parsed: every post in memory, found by id through a map whose keys
    /// share the posts' own ids.
    Owned {
        posts: Vec<Post>,
        by_id: HashMap<Arc<str>, PostId>,
    },
    /// Mapped: each post decoded on first use and kept (boxed: the
    /// tables of a flat file are many handles).
    Flat(Box<Mapped>),
}

#[derive(Debug, Clone)]
struct Mapped {
    flat: FlatCorpus,
    decoded: Box<[OnceLock<Box<Post>>]>,
}

impl Corpus {
    /// Builds a corpus from posts. A given topic tree is kept; without one,
    /// the tree is built from the topic names the posts carry, or derived
    /// from their content when any post carries none.
    ///
    /// Post ids are made unique (a later duplicate gets `-2`, `-3`, …) so
    /// that topics can name posts by id; a topic's id that names no post
    /// is left out.
    pub fn new(mut posts: Vec<Post>, topics: Option<Vec<Topic>>) -> Self {
        ensure_unique_ids(&mut posts);
        let topics = match topics {
            Some(topics) if !topics.is_empty() => topics,
            _ if !posts.is_empty() && posts.iter().all(|p| !p.topics.is_empty()) => {
                crate::topics::tree_from_post_topics(&posts)
            }
            _ => crate::topics::derive(&mut posts),
        };
        let by_id: HashMap<Arc<str>, PostId> = posts
            .iter()
            .enumerate()
            .map(|(index, post)| (Arc::clone(&post.id), PostId(index)))
            .collect();
        let topics = topics
            .into_iter()
            .map(|topic| resolved(topic, &by_id))
            .collect();
        Corpus {
            posts: Posts::Owned { posts, by_id },
            topics,
        }
    }

    /// The corpus a flat file holds (see [`super::flat`]), opened without
    /// decoding its posts: only the topic tree is read whole.
    pub fn from_flat(file: Arc<FlatFile>) -> Corpus {
        let flat = FlatCorpus::new(&file);
        let topics = flat.topics();
        let decoded = (0..flat.len()).map(|_| OnceLock::new()).collect();
        Corpus {
            posts: Posts::Flat(Box::new(Mapped { flat, decoded })),
            topics,
        }
    }

    /// Lets go of the pages of a mapped corpus's posts that reading them
    /// brought into memory (they are read from the file again when next
    /// needed); nothing for a parsed corpus.
    pub fn release_pages(&self) {
        if let Posts::Flat(mapped) = &self.posts {
            mapped.flat.release_posts(0..mapped.decoded.len());
        }
    }

    /// The number of posts.
    pub fn len(&self) -> usize {
        match &self.posts {
            Posts::Owned { posts, .. } => posts.len(),
            Posts::Flat(mapped) => mapped.decoded.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every post's number, in corpus order.
    pub fn post_ids(&self) -> impl ExactSizeIterator<Item = PostId> + use<> {
        (0..self.len()).map(PostId)
    }

    /// Post `id`, decoded (once) if the corpus is mapped.
    ///
    /// # Panics
    /// If `id` is not a post of this corpus: post numbers come from it.
    pub fn post(&self, id: PostId) -> &Post {
        match &self.posts {
            Posts::Owned { posts, .. } => &posts[id.0],
            Posts::Flat(mapped) => {
                mapped.decoded[id.0].get_or_init(|| Box::new(mapped.flat.post(id)))
            }
        }
    }

    /// Every post in corpus order, for a pass over the whole corpus: a
    /// mapped corpus decodes each in turn without keeping it.
    pub fn posts(&self) -> impl Iterator<Item = Cow<'_, Post>> + '_ {
        self.post_ids().map(move |id| match &self.posts {
            Posts::Owned { posts, .. } => Cow::Borrowed(&posts[id.0]),
            Posts::Flat(mapped) => match mapped.decoded[id.0].get() {
                Some(post) => Cow::Borrowed(&**post),
                None => Cow::Owned(mapped.flat.post(id)),
            },
        })
    }

    /// Every post, owned: a mapped corpus decodes them all.
    pub fn into_posts(self) -> Vec<Post> {
        match self.posts {
            Posts::Owned { posts, .. } => posts,
            Posts::Flat(_) => self.posts().map(Cow::into_owned).collect(),
        }
    }

    /// The title of post `id`, read in place.
    pub fn title(&self, id: PostId) -> &str {
        match &self.posts {
            Posts::Owned { posts, .. } => &posts[id.0].title,
            Posts::Flat(mapped) => mapped.flat.title(id),
        }
    }

    /// The date of post `id`, if it has one, read in place.
    pub fn date(&self, id: PostId) -> Option<&str> {
        match &self.posts {
            Posts::Owned { posts, .. } => posts[id.0].date.as_deref(),
            Posts::Flat(mapped) => mapped.flat.date(id),
        }
    }

    /// The id (slug) of post `id`, read in place.
    pub fn id_of(&self, id: PostId) -> &str {
        match &self.posts {
            Posts::Owned { posts, .. } => &posts[id.0].id,
            Posts::Flat(mapped) => mapped.flat.id(id),
        }
    }

    /// The text of one searchable field of post `id` (see
    /// [`Location`]), read in place from a mapped corpus: what a search
    /// result shows, without decoding the post.
    pub fn field_text(&self, id: PostId, location: Location) -> Option<&str> {
        match &self.posts {
            Posts::Owned { posts, .. } => posts.get(id.0)?.field_text(location),
            Posts::Flat(mapped) => std::str::from_utf8(mapped.flat.field_bytes(id, location)?).ok(),
        }
    }

    /// The post with this id.
    pub fn post_by_id(&self, id: &str) -> Option<PostId> {
        match &self.posts {
            Posts::Owned { by_id, .. } => by_id.get(id).copied(),
            Posts::Flat(mapped) => mapped.flat.post_by_id(id),
        }
    }

    /// The topic tree.
    pub fn topics(&self) -> &[TopicNode] {
        &self.topics
    }

    /// The topic tree with posts named by id, as the native JSON has it.
    pub fn topics_by_id(&self) -> Vec<Topic> {
        fn by_id(corpus: &Corpus, node: &TopicNode) -> Topic {
            Topic {
                name: node.name.clone(),
                posts: node.posts.iter().map(|&p| corpus.id_of(p).into()).collect(),
                children: node.children.iter().map(|c| by_id(corpus, c)).collect(),
            }
        }
        self.topics.iter().map(|node| by_id(self, node)).collect()
    }

    /// Every outlet cited in the corpus, with the posts that cite it, most
    /// cited first (ties by name). Outlets are compared without case.
    pub fn outlets(&self) -> Vec<(String, Vec<PostId>)> {
        match &self.posts {
            Posts::Owned { posts, .. } => outlets_of(posts),
            // Counted when the file was written.
            Posts::Flat(mapped) => mapped.flat.outlets(),
        }
    }
}

/// `topic` with its post ids resolved against `by_id`.
fn resolved(topic: Topic, by_id: &HashMap<Arc<str>, PostId>) -> TopicNode {
    TopicNode {
        name: topic.name,
        posts: (topic.posts.iter())
            .filter_map(|id| by_id.get(id).copied())
            .collect(),
        children: (topic.children.into_iter())
            .map(|child| resolved(child, by_id))
            .collect(),
    }
}

fn outlets_of(posts: &[Post]) -> Vec<(String, Vec<PostId>)> {
    let mut by_outlet: HashMap<String, (String, Vec<PostId>)> = HashMap::new();
    for (index, post) in posts.iter().enumerate() {
        for outlet in post.sources.iter().filter_map(|s| s.outlet.as_deref()) {
            let entry = by_outlet
                .entry(outlet_key(outlet))
                .or_insert_with(|| (outlet.to_string(), Vec::new()));
            if entry.1.last() != Some(&PostId(index)) {
                entry.1.push(PostId(index));
            }
        }
    }
    let mut outlets: Vec<_> = by_outlet.into_values().collect();
    outlets.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    outlets
}
