//! A corpus written in flat form, section by section.
//!
//! Every string goes into the text section in one pass, in post order (a
//! post's own strings, its blocks, its sources, then each comment's), then
//! each post's names of topics, the topic and outlet names; the tables are
//! gathered beside it and written after.
//!
//! The tables of a large corpus take a fifth of its text (a block's record
//! is 17 bytes, a comment's 68) and are written while the posts are held:
//! gathered in memory, growing by doubling, they would raise the
//! peak memory of a first open by as much again. Given a directory, they
//! are gathered in unnamed temporary files there instead, a buffer at a
//! time, and copied into place after the text.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufReader, Seek, SeekFrom, Write};
use std::path::Path;

use super::records::{
    BlockRecord, CommentRecord, OutletRecord, PostRecord, Record, Run, SourceRecord, Str,
    TopicRecord,
};
use super::{Kind, SectionWriter};
use crate::model::bytes::Put;
use crate::model::{Block, Comment, Corpus, Post, PostId, Source, TopicNode};

/// Writes the sections of `corpus` (all but the search index's), with
/// `meta` as the meta section's lines; the large tables are gathered in
/// memory, or in temporary files in `spool_dir` when one is given.
pub fn write_corpus<W: Write + Seek>(
    corpus: &Corpus,
    meta: &[String],
    out: &mut SectionWriter<W>,
    spool_dir: Option<&Path>,
) -> io::Result<()> {
    let mut sections = CorpusSections::begin(out, spool_dir)?;
    for post in corpus.posts() {
        sections.add_post(&post, out)?;
    }
    sections.finish(corpus, meta, out)
}

/// A corpus's sections being written a post at a time: its text section,
/// open from [`CorpusSections::begin`] to [`CorpusSections::finish`], and
/// the tables gathered beside it.
///
/// The posts' topics are known only once every post is: posts being cached
/// as they are parsed are written before their topics are derived (see
/// [`super::FlatWriter`]). So each post's names of topics go into the text
/// at the end, and the posts' records, a hundred bytes a post, are held
/// until then; a topic's run of names is anywhere in the names table, as a
/// string is anywhere in the text.
pub struct CorpusSections {
    tables: Tables,
    /// Each post's record, its topics not yet filled in.
    posts: Vec<PostRecord>,
    /// Where the next string goes in the text section.
    at: u64,
}

impl CorpusSections {
    /// Starts the text section; the large tables are gathered in memory, or
    /// in temporary files in `spool_dir` when one is given.
    pub fn begin<W: Write + Seek>(
        out: &mut SectionWriter<W>,
        spool_dir: Option<&Path>,
    ) -> io::Result<CorpusSections> {
        out.begin(Kind::Text);
        Ok(CorpusSections {
            tables: Tables::new(spool_dir)?,
            posts: Vec::new(),
            at: 0,
        })
    }

    /// Writes the next post, all but its topics.
    pub fn add_post<W: Write + Seek>(
        &mut self,
        post: &Post,
        out: &mut SectionWriter<W>,
    ) -> io::Result<()> {
        let mut text = TextOut { out, at: self.at };
        let record = self.tables.add_post(post, &mut text)?;
        self.at = text.at;
        self.posts.push(record);
        Ok(())
    }

    /// Writes the rest of the sections: the topics, outlets and ids of
    /// `corpus`, whose posts are those written, in the same order (their
    /// comments aside, which none of these read).
    pub fn finish<W: Write + Seek>(
        self,
        corpus: &Corpus,
        meta: &[String],
        out: &mut SectionWriter<W>,
    ) -> io::Result<()> {
        let CorpusSections {
            mut tables,
            mut posts,
            at,
        } = self;
        if corpus.len() != posts.len() {
            return Err(io::Error::other(
                "the corpus finishing the sections is not the one written",
            ));
        }
        let mut text = TextOut { out, at };
        for (number, record) in posts.iter_mut().enumerate() {
            let names = &corpus.post(PostId(number)).topics;
            record.topics = tables.add_names(names.iter().map(|t| &**t), &mut text)?;
        }
        let (topics, topic_posts) = topic_tables(corpus, &mut text)?;
        let mut outlets = Vec::new();
        let mut outlet_posts = Vec::new();
        for (name, posts) in corpus.outlets() {
            let start = count(&outlet_posts, 4);
            for post in posts {
                (post.0 as u32).put(&mut outlet_posts);
            }
            OutletRecord {
                name: text.put(&name)?,
                posts: Run {
                    start,
                    end: count(&outlet_posts, 4),
                },
            }
            .put(&mut outlets);
        }
        let mut by_id: Vec<u32> = (0..corpus.len() as u32).collect();
        by_id.sort_unstable_by(|&a, &b| {
            (corpus.id_of(PostId(a as usize))).cmp(corpus.id_of(PostId(b as usize)))
        });
        let mut by_id_bytes = Vec::with_capacity(by_id.len() * 4);
        for post in by_id {
            post.put(&mut by_id_bytes);
        }
        out.begin(Kind::Posts);
        let mut bytes = Vec::with_capacity(SPOOL_BUFFER);
        for record in &posts {
            record.put(&mut bytes);
            if bytes.len() >= SPOOL_BUFFER {
                out.write_all(&bytes)?;
                bytes.clear();
            }
        }
        out.write_all(&bytes)?;
        drop(posts);
        let gathered = [
            (Kind::Blocks, tables.blocks),
            (Kind::Sources, tables.sources),
            (Kind::Comments, tables.comments),
            (Kind::Names, tables.names),
        ];
        for (kind, table) in gathered {
            out.begin(kind);
            table.copy_into(out)?;
        }
        let sections = [
            (Kind::Topics, topics),
            (Kind::TopicPosts, topic_posts),
            (Kind::Outlets, outlets),
            (Kind::OutletPosts, outlet_posts),
            (Kind::ById, by_id_bytes),
            (Kind::Meta, meta_bytes(meta)?),
        ];
        for (kind, bytes) in sections {
            out.begin(kind);
            out.write_all(&bytes)?;
        }
        out.end();
        Ok(())
    }
}

/// The meta section: each line's length (u32), then its bytes.
fn meta_bytes(meta: &[String]) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    for line in meta {
        let len = u32::try_from(line.len())
            .map_err(|_| io::Error::other("a meta line of 4 GiB or more"))?;
        bytes.put_u32(len);
        bytes.extend_from_slice(line.as_bytes());
    }
    Ok(bytes)
}

/// The number of records of `size` bytes in `table`, as a table index.
fn count(table: &[u8], size: usize) -> u32 {
    (table.len() / size) as u32
}

/// A table being gathered: in memory, or in an unnamed temporary file
/// written a buffer at a time.
struct Table {
    /// The records not yet in the file (all of them, in memory).
    pending: Vec<u8>,
    /// The temporary file, and the bytes written to it.
    spool: Option<(File, u64)>,
}

/// Bytes of a spooled table held before they go to its file.
const SPOOL_BUFFER: usize = 1 << 16;

impl Table {
    fn new(spool_dir: Option<&Path>) -> io::Result<Table> {
        let spool = match spool_dir {
            Some(dir) => Some((tempfile::tempfile_in(dir)?, 0)),
            None => None,
        };
        Ok(Table {
            pending: Vec::new(),
            spool,
        })
    }

    /// The number of records of type `R` gathered, as a table index.
    fn count<R: Record>(&self) -> u32 {
        let spooled = self.spool.as_ref().map_or(0, |(_, len)| *len);
        ((spooled + self.pending.len() as u64) / R::SIZE as u64) as u32
    }

    fn add<R: Record>(&mut self, record: &R) -> io::Result<()> {
        record.put(&mut self.pending);
        if let Some((file, len)) = &mut self.spool
            && self.pending.len() >= SPOOL_BUFFER
        {
            file.write_all(&self.pending)?;
            *len += self.pending.len() as u64;
            self.pending.clear();
        }
        Ok(())
    }

    /// Writes the table's bytes to `out`, in order.
    fn copy_into(self, out: &mut impl Write) -> io::Result<()> {
        if let Some((mut file, _)) = self.spool {
            file.seek(SeekFrom::Start(0))?;
            io::copy(&mut BufReader::with_capacity(SPOOL_BUFFER, file), out)?;
        }
        out.write_all(&self.pending)
    }
}

/// The text section being written, and where the next string goes.
struct TextOut<'a, W: Write + Seek> {
    out: &'a mut SectionWriter<W>,
    at: u64,
}

impl<W: Write + Seek> TextOut<'_, W> {
    fn put(&mut self, text: &str) -> io::Result<Str> {
        self.out.write_all(text.as_bytes())?;
        let at = self.at;
        self.at += text.len() as u64;
        let len =
            u32::try_from(text.len()).map_err(|_| io::Error::other("a string of 4 GiB or more"))?;
        Ok(Str(Some((at, len))))
    }

    fn put_optional(&mut self, text: Option<&str>) -> io::Result<Str> {
        text.map_or(Ok(Str(None)), |text| self.put(text))
    }
}

/// The tables gathered while the text is written.
struct Tables {
    blocks: Table,
    sources: Table,
    comments: Table,
    names: Table,
}

impl Tables {
    fn new(spool_dir: Option<&Path>) -> io::Result<Tables> {
        Ok(Tables {
            blocks: Table::new(spool_dir)?,
            sources: Table::new(spool_dir)?,
            comments: Table::new(spool_dir)?,
            names: Table::new(spool_dir)?,
        })
    }

    /// Writes a post's strings and its blocks', sources' and comments'
    /// records; gives its record, its topics left empty.
    fn add_post<W: Write + Seek>(
        &mut self,
        post: &Post,
        text: &mut TextOut<W>,
    ) -> io::Result<PostRecord> {
        let id = text.put(&post.id)?;
        let title = text.put(&post.title)?;
        let author = text.put_optional(post.author.as_deref())?;
        let date = text.put_optional(post.date.as_deref())?;
        let url = text.put_optional(post.url.as_deref())?;
        let tags = self.add_names(post.tags.iter().map(String::as_str), text)?;
        let blocks = self.add_blocks(&post.blocks, text)?;
        let sources = self.add_sources(&post.sources, text)?;
        let start = self.comments.count::<CommentRecord>();
        for comment in &post.comments {
            self.add_comment(comment, text)?;
        }
        let comments = Run {
            start,
            end: self.comments.count::<CommentRecord>(),
        };
        Ok(PostRecord {
            id,
            title,
            author,
            date,
            url,
            comment_count: post.comment_count,
            tags,
            topics: Run::default(),
            blocks,
            sources,
            comments,
        })
    }

    fn add_names<'a, W: Write + Seek>(
        &mut self,
        names: impl Iterator<Item = &'a str>,
        text: &mut TextOut<W>,
    ) -> io::Result<Run> {
        let start = self.names.count::<Str>();
        for name in names {
            self.names.add(&text.put(name)?)?;
        }
        Ok(Run {
            start,
            end: self.names.count::<Str>(),
        })
    }

    fn add_blocks<W: Write + Seek>(
        &mut self,
        blocks: &[Block],
        text: &mut TextOut<W>,
    ) -> io::Result<Run> {
        let start = self.blocks.count::<BlockRecord>();
        for block in blocks {
            self.blocks.add(&BlockRecord {
                kind: block.kind,
                source: block.source,
                text: text.put(&block.text)?,
            })?;
        }
        Ok(Run {
            start,
            end: self.blocks.count::<BlockRecord>(),
        })
    }

    fn add_sources<W: Write + Seek>(
        &mut self,
        sources: &[Source],
        text: &mut TextOut<W>,
    ) -> io::Result<Run> {
        let start = self.sources.count::<SourceRecord>();
        for source in sources {
            self.sources.add(&SourceRecord {
                outlet: text.put_optional(source.outlet.as_deref())?,
                headline: text.put_optional(source.headline.as_deref())?,
                url: text.put_optional(source.url.as_deref())?,
            })?;
        }
        Ok(Run {
            start,
            end: self.sources.count::<SourceRecord>(),
        })
    }

    fn add_comment<W: Write + Seek>(
        &mut self,
        comment: &Comment,
        text: &mut TextOut<W>,
    ) -> io::Result<()> {
        let id = text.put(&comment.id)?;
        let author = text.put_optional(comment.author.as_deref())?;
        let date = text.put_optional(comment.date.as_deref())?;
        let label = text.put_optional(comment.label.as_deref())?;
        let blocks = self.add_blocks(&comment.blocks, text)?;
        let sources = self.add_sources(&comment.sources, text)?;
        self.comments.add(&CommentRecord {
            id,
            parent: comment.parent,
            author,
            date,
            label,
            blocks,
            sources,
        })
    }
}

/// The topic tree breadth first, so that a node's subtopics are one run of
/// later nodes; node 0 stands for the tree and holds the roots.
fn topic_tables<W: Write + Seek>(
    corpus: &Corpus,
    text: &mut TextOut<W>,
) -> io::Result<(Vec<u8>, Vec<u8>)> {
    let mut records: Vec<TopicRecord> = vec![TopicRecord {
        name: Str(None),
        children: Run::default(),
        posts: Run::default(),
    }];
    let mut posts = Vec::new();
    let mut queue: VecDeque<(usize, &[TopicNode])> = VecDeque::from([(0, corpus.topics())]);
    while let Some((node, children)) = queue.pop_front() {
        let start = records.len() as u32;
        for topic in children {
            let first = count(&posts, 4);
            for post in &topic.posts {
                (post.0 as u32).put(&mut posts);
            }
            queue.push_back((records.len(), &topic.children));
            records.push(TopicRecord {
                name: text.put(&topic.name)?,
                children: Run::default(),
                posts: Run {
                    start: first,
                    end: count(&posts, 4),
                },
            });
        }
        records[node].children = Run {
            start,
            end: records.len() as u32,
        };
    }
    let mut bytes = Vec::with_capacity(records.len() * TopicRecord::SIZE);
    for record in &records {
        record.put(&mut bytes);
    }
    Ok((bytes, posts))
}
