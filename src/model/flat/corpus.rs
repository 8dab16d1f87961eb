//! A corpus in flat form, read back where it lies: only what is asked for
//! is decoded (a title, an id, one post made whole: [`FlatCorpus::post`]).
//! How it is written is [`super::write`]'s.

use std::ops::Range;
use std::sync::Arc;

use super::records::{
    BlockRecord, CommentRecord, OutletRecord, PostRecord, Record, Run, SourceRecord, Str, Table,
    TopicRecord,
};
use super::{FlatFile, Kind};
use crate::model::bytes::{Bytes, Reader};
use crate::model::{Block, Comment, Location, Post, PostId, Source, SourceField, TopicNode};

/// The lines of a meta section; a damaged one gives what it holds whole.
pub(super) fn meta_lines(meta: &Bytes) -> Vec<String> {
    let mut lines = Vec::new();
    let mut at = 0usize;
    while let Some(len) = meta.get(at..at.saturating_add(4)) {
        let len = Reader::new(len).u32() as usize;
        let start = at + 4;
        let Some(line) = start
            .checked_add(len)
            .and_then(|end| meta.str_at(start..end))
        else {
            break;
        };
        lines.push(line.to_string());
        at = start + len;
    }
    lines
}

/// A corpus read from a flat file. Reading never fails and never panics:
/// what a damaged file does not hold reads as empty, and the file's
/// checksums tell whether it was damaged.
#[derive(Debug, Clone)]
pub struct FlatCorpus {
    text: Bytes,
    posts: Table<PostRecord>,
    blocks: Table<BlockRecord>,
    sources: Table<SourceRecord>,
    comments: Table<CommentRecord>,
    names: Table<Str>,
    topics: Table<TopicRecord>,
    topic_posts: Table<u32>,
    outlets: Table<OutletRecord>,
    outlet_posts: Table<u32>,
    by_id: Table<u32>,
}

impl FlatCorpus {
    pub fn new(file: &FlatFile) -> FlatCorpus {
        FlatCorpus {
            text: file.section(Kind::Text),
            posts: Table::new(file.section(Kind::Posts)),
            blocks: Table::new(file.section(Kind::Blocks)),
            sources: Table::new(file.section(Kind::Sources)),
            comments: Table::new(file.section(Kind::Comments)),
            names: Table::new(file.section(Kind::Names)),
            topics: Table::new(file.section(Kind::Topics)),
            topic_posts: Table::new(file.section(Kind::TopicPosts)),
            outlets: Table::new(file.section(Kind::Outlets)),
            outlet_posts: Table::new(file.section(Kind::OutletPosts)),
            by_id: Table::new(file.section(Kind::ById)),
        }
    }

    pub fn len(&self) -> usize {
        self.posts.len()
    }

    /// Lets go of the pages holding posts `posts`: their records, their
    /// blocks', sources' and comments' records and their text, which a
    /// search's [`FlatCorpus::field_bytes`] read; the rest of the file
    /// (what the screen shows of other posts, the topic tree) is kept.
    /// A corpus is written in post order (see [`super::write`]), each
    /// post's comments' blocks and sources after its own, so what these
    /// posts hold lies in one stretch of each section: from the first
    /// post's first record or string up to the next post's. (Only the
    /// names of their topics are elsewhere, at the text's end: a few
    /// bytes a post, left mapped.)
    pub fn release_posts(&self, posts: Range<usize>) {
        if posts.is_empty() {
            return;
        }
        let (first, next) = (self.record(PostId(posts.start)), self.posts.get(posts.end));
        let upto = |of: fn(&PostRecord) -> usize, all: usize| {
            of(&first)..next.as_ref().map_or(all, of).max(of(&first))
        };
        self.posts.release(posts.clone());
        self.blocks
            .release(upto(|p| p.blocks.start as usize, self.blocks.len()));
        self.sources
            .release(upto(|p| p.sources.start as usize, self.sources.len()));
        self.comments
            .release(upto(|p| p.comments.start as usize, self.comments.len()));
        let text_start = |p: &PostRecord| p.id.range().map_or(0, |range| range.start);
        let text = upto(text_start, self.text.len());
        if let Some(part) = self.text.slice(text.start..text.end.min(self.text.len())) {
            part.release();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.posts.is_empty()
    }

    /// The string `text` names, if it is there and is UTF-8.
    fn str(&self, text: Str) -> Option<&str> {
        self.text.str_at(text.range()?)
    }

    /// The string `text` names, copied out if `budget` allows.
    fn string(&self, text: Str, budget: &mut Budget) -> String {
        let text = self.str(text).unwrap_or_default();
        if budget.take(text.len()) {
            text.to_string()
        } else {
            String::new()
        }
    }

    fn optional(&self, text: Str, budget: &mut Budget) -> Option<String> {
        text.0.map(|_| self.string(text, budget))
    }

    /// What one read may copy out of the file: as much as a whole file
    /// written by pundit holds, whatever its records claim.
    fn budget(&self) -> Budget {
        let tables = [
            self.names.bytes(),
            self.blocks.bytes(),
            self.sources.bytes(),
            self.comments.bytes(),
        ];
        Budget(
            tables
                .iter()
                .fold(self.text.len(), |sum, t| sum.saturating_add(t.len())),
        )
    }

    fn record(&self, post: PostId) -> PostRecord {
        self.posts.get(post.0).unwrap_or_default()
    }

    pub fn title(&self, post: PostId) -> &str {
        self.str(self.record(post).title).unwrap_or_default()
    }

    /// The date of `post`, read in place: what [`FlatCorpus::post`] would
    /// decode it as (an empty date where a damaged file's is not UTF-8).
    pub fn date(&self, post: PostId) -> Option<&str> {
        let date = self.record(post).date;
        date.0.map(|_| self.str(date).unwrap_or_default())
    }

    pub fn id(&self, post: PostId) -> &str {
        self.str(self.record(post).id).unwrap_or_default()
    }

    /// The post with this id: a binary search of the ids in order.
    pub fn post_by_id(&self, id: &str) -> Option<PostId> {
        let (mut low, mut high) = (0, self.by_id.len());
        while low < high {
            let middle = low + (high - low) / 2;
            let post = PostId(self.by_id.get(middle)? as usize);
            match self.id(post).cmp(id) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(post),
            }
        }
        None
    }

    /// Post `post` made whole, every string copied out of the file.
    ///
    /// What a post's records claim is copied up to what a whole file holds
    /// ([`FlatCorpus::budget`]): a damaged file's post whose lists overlap
    /// every other post's comes out cut short, not as large as the file
    /// times its number of posts.
    pub fn post(&self, post: PostId) -> Post {
        let record = self.record(post);
        let budget = &mut self.budget();
        let id = self.string(record.id, budget);
        let title = self.string(record.title, budget);
        let (author, date) = (
            self.optional(record.author, budget),
            self.optional(record.date, budget),
        );
        let url = self.optional(record.url, budget);
        let mut tags = Vec::new();
        for tag in self.names.run(record.tags) {
            if !budget.take(Str::SIZE) {
                break;
            }
            tags.push(self.string(tag, budget));
        }
        let mut topics = Vec::new();
        for topic in self.names.run(record.topics) {
            if !budget.take(Str::SIZE) {
                break;
            }
            topics.push(Arc::from(self.string(topic, budget)));
        }
        let blocks = self.blocks_of(record.blocks, budget);
        let sources = self.sources_of(record.sources, budget);
        let mut comments = Vec::new();
        for comment in self.comments.run(record.comments) {
            if !budget.take(CommentRecord::SIZE) {
                break;
            }
            comments.push(self.comment(comment, budget));
        }
        Post {
            id: id.into(),
            title,
            author,
            date,
            url,
            tags,
            topics,
            blocks,
            sources,
            comment_count: record.comment_count,
            comments,
        }
    }

    fn blocks_of(&self, run: Run, budget: &mut Budget) -> Vec<Block> {
        let mut blocks = Vec::new();
        for block in self.blocks.run(run) {
            if !budget.take(BlockRecord::SIZE) {
                break;
            }
            blocks.push(Block {
                kind: block.kind,
                text: self.string(block.text, budget).into(),
                source: block.source,
            });
        }
        blocks
    }

    fn sources_of(&self, run: Run, budget: &mut Budget) -> Vec<Source> {
        let mut sources = Vec::new();
        for source in self.sources.run(run) {
            if !budget.take(SourceRecord::SIZE) {
                break;
            }
            sources.push(Source {
                outlet: self.optional(source.outlet, budget),
                headline: self.optional(source.headline, budget),
                url: self.optional(source.url, budget),
            });
        }
        sources
    }

    fn comment(&self, record: CommentRecord, budget: &mut Budget) -> Comment {
        Comment {
            id: self.string(record.id, budget),
            parent: record.parent,
            author: self.optional(record.author, budget),
            date: self.optional(record.date, budget),
            label: self.optional(record.label, budget),
            blocks: self.blocks_of(record.blocks, budget),
            sources: self.sources_of(record.sources, budget),
        }
    }

    /// The bytes of one searchable field of `post`, read in place and not
    /// checked to be UTF-8.
    pub fn field_bytes(&self, post: PostId, location: Location) -> Option<&[u8]> {
        let record = self.posts.get(post.0)?;
        let nth = |run: Run, n: usize| {
            let index = run.indices().nth(n)?;
            Some(index)
        };
        let text = match location {
            Location::Title => record.title,
            Location::Block(n) => self.blocks.get(nth(record.blocks, n)?)?.text,
            Location::Comment { comment, block } => {
                let comment = self.comments.get(nth(record.comments, comment)?)?;
                self.blocks.get(nth(comment.blocks, block)?)?.text
            }
            Location::Source(n, field) => {
                let source = self.sources.get(nth(record.sources, n)?)?;
                match field {
                    SourceField::Outlet => source.outlet,
                    SourceField::Headline => source.headline,
                    SourceField::Url => source.url,
                }
            }
        };
        self.text.get(text.range()?)
    }

    /// The topic tree. A damaged file's tree is cut where it would loop
    /// or share a node (a node's subtopics come after it, and each node
    /// has one parent), and where it would list more than the file holds.
    pub fn topics(&self) -> Vec<TopicNode> {
        let mut claimed = vec![false; self.topics.len()];
        let mut budget = Budget(self.text.len().saturating_add(self.topic_posts.len()));
        self.topic_children(0, 0, &mut claimed, &mut budget)
    }

    fn topic_children(
        &self,
        node: usize,
        depth: usize,
        claimed: &mut [bool],
        budget: &mut Budget,
    ) -> Vec<TopicNode> {
        const DEEPEST: usize = 64;
        let Some(record) = self.topics.get(node) else {
            return Vec::new();
        };
        if depth > DEEPEST {
            return Vec::new();
        }
        let mut children = Vec::new();
        for child in record.children.indices() {
            let Some(slot) = claimed.get_mut(child) else {
                break;
            };
            if child <= node || std::mem::replace(slot, true) {
                continue;
            }
            let Some(topic) = self.topics.get(child) else {
                continue;
            };
            children.push(TopicNode {
                name: self.string(topic.name, budget),
                posts: self.post_list(&self.topic_posts, topic.posts, budget),
                children: self.topic_children(child, depth + 1, claimed, budget),
            });
        }
        children
    }

    /// The posts of `run` in `table`, as many as `budget` allows.
    fn post_list(&self, table: &Table<u32>, run: Run, budget: &mut Budget) -> Vec<PostId> {
        let run = table.run(run);
        let mut posts = Vec::with_capacity(run.len().min(budget.0));
        for post in run {
            if !budget.take(1) {
                break;
            }
            if (post as usize) < self.len() {
                posts.push(PostId(post as usize));
            }
        }
        posts
    }

    /// Every outlet cited, with the posts citing it, as
    /// [`crate::model::Corpus::outlets`] gave them when the file was written.
    pub fn outlets(&self) -> Vec<(String, Vec<PostId>)> {
        let mut budget = Budget(self.text.len().saturating_add(self.outlet_posts.len()));
        (0..self.outlets.len())
            .filter_map(|n| self.outlets.get(n))
            .map(|outlet| {
                (
                    self.string(outlet.name, &mut budget),
                    self.post_list(&self.outlet_posts, outlet.posts, &mut budget),
                )
            })
            .collect()
    }
}

/// How much more one read may copy out of a flat file, in bytes or
/// records: a whole file's worth.
struct Budget(usize);

impl Budget {
    /// Takes `amount` from the budget, if it holds that much.
    fn take(&mut self, amount: usize) -> bool {
        match self.0.checked_sub(amount) {
            Some(left) => {
                self.0 = left;
                true
            }
            None => false,
        }
    }
}
