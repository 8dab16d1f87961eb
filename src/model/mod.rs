//! The corpus model: posts, their blocks and cited sources, and the topic tree.
//!
//! A [`Corpus`] is built once by a loader and never changed afterwards; the rest
//! of pundit refers to its parts by index ([`PostId`], block number, source
//! number). The serde derives here *are* the native JSON format.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub mod bytes;
mod corpus;
pub mod flat;

pub use corpus::{Corpus, TopicNode};

/// The number of a post in its corpus, in corpus order ([`Corpus::post`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PostId(pub usize);

/// What a block of a post is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The author's own commentary.
    Paragraph,
    /// Text quoted from a cited source; `Block::source` says which.
    Quote,
    /// A short line that introduces what follows ("On trade…", "Previously:").
    LeadIn,
    /// The line that cites a source ("RNZ: French outrage after …", a bare URL).
    Citation,
    /// One item of a bulleted list.
    ListItem,
    /// Names the contributor of what follows ("From Missy:").
    Contributor,
}

impl BlockKind {
    /// Every kind, in the order they are documented.
    pub const ALL: [BlockKind; 6] = [
        BlockKind::Paragraph,
        BlockKind::Quote,
        BlockKind::LeadIn,
        BlockKind::Citation,
        BlockKind::ListItem,
        BlockKind::Contributor,
    ];
}

/// One paragraph-like unit of a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Boxed rather than a `String`: a corpus holds every block at once, and
    /// a box is smaller and never over-allocated.
    pub text: Box<str>,
    /// Index into the post's `sources` of the source this block cites or
    /// quotes; see [`Block::source`]. Stored narrow, since a corpus holds
    /// every block at once.
    #[serde(default)]
    pub source: Option<u32>,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<Box<str>>) -> Self {
        Block {
            kind,
            text: text.into(),
            source: None,
        }
    }

    /// Cites or quotes source `source`.
    ///
    /// # Panics
    /// If `source` does not fit in 32 bits: no post has four billion sources.
    pub fn with_source(mut self, source: usize) -> Self {
        self.source = Some(u32::try_from(source).expect("a source index fits in 32 bits"));
        self
    }

    /// Index into the post's `sources` of the source this block cites or quotes.
    pub fn source(&self) -> Option<usize> {
        self.source.map(|s| s as usize)
    }
}

/// A report a post cites. Any part may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Source {
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub headline: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

impl Source {
    /// A one-line label: "Outlet — headline", or whichever parts are known.
    pub fn label(&self) -> String {
        match (&self.outlet, &self.headline, &self.url) {
            (Some(outlet), Some(headline), _) => format!("{outlet} — {headline}"),
            (Some(outlet), None, _) => outlet.clone(),
            (None, Some(headline), _) => headline.clone(),
            (None, None, Some(url)) => url.clone(),
            (None, None, None) => String::from("(unnamed source)"),
        }
    }
}

/// One commentary post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    /// A slug of the title, unique in the corpus. Shared, not copied, by
    /// the topics that hold the post.
    pub id: Arc<str>,
    pub title: String,
    /// The contributor, where the text names one.
    #[serde(default)]
    pub author: Option<String>,
    /// The date as the archive gives it, where it gives one.
    #[serde(default)]
    pub date: Option<String>,
    /// The post's own address, where the archive gives one (a feed item's
    /// link, a saved page's canonical URL).
    #[serde(default)]
    pub url: Option<String>,
    /// The tags or categories the archive files the post under, as it
    /// names them. Topic derivation takes them as strong evidence.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Names of the topics this post is filed under, shared with every
    /// other post under them.
    #[serde(default)]
    pub topics: Vec<Arc<str>>,
    #[serde(default)]
    pub blocks: Vec<Block>,
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The number of comments as the page states it ("74 comments"), which
    /// may be more than `comments` holds when the page showed only part
    /// of the thread.
    #[serde(default)]
    pub comment_count: Option<u32>,
    /// The comment thread, flat, in thread order: every comment comes after
    /// its parent, and replies follow the comment they answer.
    #[serde(default)]
    pub comments: Vec<Comment>,
}

/// One reader's comment under a post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    /// Unique among the post's comments.
    pub id: String,
    /// Index into the post's `comments` of the comment this one answers,
    /// always before it; `None` for a top-level comment. See
    /// [`Comment::parent`].
    #[serde(default)]
    pub parent: Option<u32>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// The comment's position as the page printed it ("1.2.1").
    #[serde(default)]
    pub label: Option<String>,
    /// The comment's text, in the same kinds of blocks as a post's; a
    /// block's `source` indexes the comment's own `sources`.
    #[serde(default)]
    pub blocks: Vec<Block>,
    /// What the comment cites: links and citations inside it.
    #[serde(default)]
    pub sources: Vec<Source>,
}

impl Comment {
    /// Index into the post's `comments` of the comment this one answers.
    pub fn parent(&self) -> Option<usize> {
        self.parent.map(|p| p as usize)
    }
}

impl Post {
    /// The first of this post's sources from `outlet`, compared as
    /// [`Corpus::outlets`] compares them ("The Guardian" is "Guardian").
    pub fn source_from_outlet(&self, outlet: &str) -> Option<usize> {
        let wanted = outlet_key(outlet);
        self.sources
            .iter()
            .position(|s| s.outlet.as_deref().is_some_and(|o| outlet_key(o) == wanted))
    }

    /// The text of one searchable field, if the post has it.
    pub fn field_text(&self, location: Location) -> Option<&str> {
        match location {
            Location::Title => Some(&self.title),
            Location::Block(n) => self.blocks.get(n).map(|block| &*block.text),
            Location::Comment { comment, block } => {
                let block = self.comments.get(comment)?.blocks.get(block)?;
                Some(&block.text)
            }
            Location::Source(n, field) => {
                let source = self.sources.get(n)?;
                match field {
                    SourceField::Outlet => source.outlet.as_deref(),
                    SourceField::Headline => source.headline.as_deref(),
                    SourceField::Url => source.url.as_deref(),
                }
            }
        }
    }

    /// Indices of the blocks that cite or quote source `source`, in order.
    pub fn blocks_citing(&self, source: usize) -> impl Iterator<Item = usize> + '_ {
        self.blocks
            .iter()
            .enumerate()
            .filter(move |(_, block)| block.source() == Some(source))
            .map(|(index, _)| index)
    }
}

/// A node of the topic tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    pub name: String,
    /// Ids of the posts under this topic.
    #[serde(default)]
    pub posts: Vec<Arc<str>>,
    #[serde(default)]
    pub children: Vec<Topic>,
}

/// A searchable field of a post: which part of it a match is in. Ordered as a post is laid out: the
/// title, then the blocks, then the comment thread, then the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Location {
    Title,
    /// The block with this index in `Post::blocks` (0-based).
    Block(usize),
    /// Block `block` of the comment with index `comment` in
    /// `Post::comments` (both 0-based).
    Comment {
        comment: usize,
        block: usize,
    },
    /// A field of the source with this index in `Post::sources` (0-based).
    Source(usize, SourceField),
}

/// A searchable field of a [`crate::model::Source`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceField {
    Outlet,
    Headline,
    Url,
}

/// "The Guardian" and "Guardian" are one outlet.
pub(crate) fn outlet_key(outlet: &str) -> String {
    let lower = outlet.to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_string()
}

pub(crate) fn ensure_unique_ids(posts: &mut [Post]) {
    let mut ids = UniqueIds::default();
    for post in posts.iter_mut() {
        ids.make_unique(post);
    }
}

/// The ids given so far, for [`ensure_unique_ids`] a post at a time: posts
/// given in corpus order get the ids the whole list would.
#[derive(Debug, Default)]
pub struct UniqueIds {
    seen: HashMap<Arc<str>, usize>,
}

impl UniqueIds {
    /// Gives `post` its slug if it has no id, and a numbered one ("-2")
    /// if an earlier post has its id.
    pub fn make_unique(&mut self, post: &mut Post) {
        let seen = &mut self.seen;
        if post.id.is_empty() {
            post.id = slug(&post.title).into();
        }
        let count = seen.entry(post.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let mut n = *count;
            loop {
                let candidate = format!("{}-{n}", post.id);
                if !seen.contains_key(candidate.as_str()) {
                    let candidate: Arc<str> = candidate.into();
                    seen.insert(Arc::clone(&candidate), 1);
                    post.id = candidate;
                    break;
                }
                n += 1;
            }
        }
    }
}

/// A URL- and file-safe id from a title: lower case ASCII letters and digits
/// joined by single hyphens, accents dropped, at most 60 characters.
///
/// The title's ASCII start is read a byte at a time and only the rest goes
/// through Unicode decomposition: every post of a plain-text archive is
/// given its id this way, most titles are ASCII, and decomposing is several
/// times the cost of the rest. An ASCII character is its own decomposition
/// and never reorders with the marks after it, so the two halves decompose
/// as the whole does.
pub fn slug(title: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let ascii_end = title
        .bytes()
        .position(|b| !b.is_ascii())
        .unwrap_or(title.len());
    let (ascii, rest) = title.split_at(ascii_end);
    let mut slug = Slug {
        out: String::with_capacity(title.len().min(64)),
        pending_hyphen: false,
    };
    // Each half stops at the first character that fills the slug.
    let _full = ascii.chars().any(|c| slug.push(c)) || rest.nfd().any(|c| slug.push(c));
    let mut out = slug.out;
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("post");
    }
    out
}

/// A slug being made from a title's decomposed characters.
struct Slug {
    out: String,
    /// Characters that are not kept came since the last one that was.
    pending_hyphen: bool,
}

impl Slug {
    /// Adds `c`; true once the slug is full.
    fn push(&mut self, c: char) -> bool {
        if c.is_ascii_alphanumeric() {
            if self.pending_hyphen && !self.out.is_empty() {
                self.out.push('-');
            }
            self.pending_hyphen = false;
            self.out.push(c.to_ascii_lowercase());
        } else if c == '\''
            || c == '’'
            || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
        {
            // "Ardern’s" → "arderns", "François" → "francois"
        } else {
            self.pending_hyphen = true;
        }
        self.out.len() >= 60
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(title: &str) -> Post {
        Post {
            id: slug(title).into(),
            title: title.into(),
            author: None,
            date: None,
            topics: vec!["x".into()],
            blocks: vec![],
            sources: vec![],
            ..Default::default()
        }
    }

    #[test]
    fn slug_drops_accents_and_apostrophes() {
        assert_eq!(
            slug("On Ardern’s fence sitting on Syrian attacks"),
            "on-arderns-fence-sitting-on-syrian-attacks"
        );
        assert_eq!(slug("François: « Non ! »"), "francois-non");
        assert_eq!(slug("!!!"), "post");
    }

    /// The slug as it was made before its ASCII start was read apart:
    /// every character decomposed.
    fn slug_all_decomposed(title: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        let mut pending_hyphen = false;
        for c in title.nfd() {
            if c.is_ascii_alphanumeric() {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push(c.to_ascii_lowercase());
            } else if unicode_normalization::char::is_combining_mark(c) || c == '\'' || c == '’' {
            } else {
                pending_hyphen = true;
            }
            if out.len() >= 60 {
                break;
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        if out.is_empty() {
            out.push_str("post");
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// Titles of ASCII words, accented letters, combining marks (after
        /// an ASCII letter, in the wrong order), apostrophes and long runs
        /// slug as they did when every character was decomposed.
        #[test]
        fn slugs_as_when_every_character_was_decomposed(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Ardern", "’s", "'", " ", "-", "e", "\u{301}", "\u{323}\u{301}",
                    "\u{301}\u{323}", "é", "ḗ", "Ç", "ﬁ", "Å", "K", "0123456789", "!", "«",
                    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "\u{a0}", "ß", "ǅ", "\u{345}", "Ⅻ", "²",
                ]),
                0..16,
            ),
        ) {
            let title: String = pieces.concat();
            proptest::prop_assert_eq!(slug(&title), slug_all_decomposed(&title), "{:?}", title);
        }
    }

    #[test]
    fn duplicate_ids_get_a_counter() {
        let corpus = Corpus::new(
            vec![post("Same"), post("Same"), post("Same")],
            Some(vec![Topic {
                name: "x".into(),
                posts: vec![],
                children: vec![],
            }]),
        );
        let ids: Vec<_> = corpus.post_ids().map(|p| corpus.id_of(p)).collect();
        assert_eq!(ids, ["same", "same-2", "same-3"]);
        assert_eq!(corpus.post_by_id("same-3"), Some(PostId(2)));
    }

    #[test]
    fn a_source_is_found_by_its_outlet_with_or_without_the() {
        let mut a = post("A");
        a.sources.push(Source {
            outlet: Some("RNZ".into()),
            ..Source::default()
        });
        a.sources.push(Source {
            outlet: Some("The Guardian".into()),
            ..Source::default()
        });
        assert_eq!(a.source_from_outlet("guardian"), Some(1));
        assert_eq!(a.source_from_outlet("RNZ"), Some(0));
        assert_eq!(a.source_from_outlet("BBC"), None);
    }

    #[test]
    fn outlets_merge_a_leading_the() {
        let mut a = post("A");
        a.sources.push(Source {
            outlet: Some("The Guardian".into()),
            ..Source::default()
        });
        let mut b = post("B");
        b.sources.push(Source {
            outlet: Some("Guardian".into()),
            ..Source::default()
        });
        let corpus = Corpus::new(vec![a, b], None);
        let outlets = corpus.outlets();
        assert_eq!(outlets.len(), 1);
        assert_eq!(outlets[0].1, vec![PostId(0), PostId(1)]);
    }
}
