//! The native JSON format: the lossless form of a corpus.
//!
//! ```json
//! {
//!   "posts": [{
//!     "id": "macron-no-planet-b", "title": "Macron: No planet B", "author": null, "date": null,
//!     "topics": ["Macron"],
//!     "blocks": [{ "kind": "citation", "text": "RNZ: Macron attacks nationalism", "source": 0 }],
//!     "sources": [{ "outlet": "RNZ", "headline": "Macron attacks nationalism", "url": null }]
//!   }],
//!   "topics": [{ "name": "Macron", "posts": ["macron-no-planet-b"], "children": [] }]
//! }
//! ```
//!
//! Every string is passed through [`clean`](super::clean::clean) on the way in,
//! so a hand-written file cannot smuggle escape sequences past the loader.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use std::io::Write;

use serde::{Deserialize, Serialize};

use rayon::prelude::*;

use super::clean::{clean_cow, clean_in_place, clean_post};
use crate::load::LoadError;
use crate::model::{Block, Comment, Corpus, Post, Source, Topic};

mod in_parallel;

pub use in_parallel::Streamed;
use in_parallel::{PostAndTopics, Split};

#[derive(Deserialize)]
struct NativeFile<'a> {
    #[serde(borrow)]
    posts: Vec<PostRead<'a>>,
    #[serde(default, borrow)]
    topics: Vec<TopicRead<'a>>,
}

/// The top-level object once [`in_parallel::posts`] has taken its posts
/// out.
#[derive(Deserialize)]
struct Rest<'a> {
    #[serde(default, borrow)]
    topics: Vec<TopicRead<'a>>,
    /// Whether the object names its posts a second time.
    #[serde(default, deserialize_with = "present")]
    posts: bool,
}

/// Reads any value, to say that it is there.
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(deserializer).map(|_| true)
}

/// A post as read: its id and topic names borrowed from the file's text,
/// to become shared strings, one per distinct name (see [`PostRead::into_post`]).
#[derive(Deserialize)]
struct PostRead<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    title: String,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, deserialize_with = "exact_vec")]
    tags: Vec<String>,
    #[serde(default, borrow)]
    topics: Vec<Borrowed<'a>>,
    #[serde(default, deserialize_with = "exact_vec")]
    blocks: Vec<Block>,
    #[serde(default, deserialize_with = "exact_vec")]
    sources: Vec<Source>,
    #[serde(default)]
    comment_count: Option<u32>,
    #[serde(default, deserialize_with = "exact_vec")]
    comments: Vec<Comment>,
}

impl<'a> PostRead<'a> {
    /// The post with every string cleaned, but for its topic names, which
    /// come back cleaned beside it to be shared (see [`share_topic_names`]).
    fn into_post(self) -> (Post, Vec<Cow<'a, str>>) {
        let topics = self
            .topics
            .into_iter()
            .map(|Borrowed(name)| match name {
                Cow::Borrowed(name) => clean_cow(name),
                Cow::Owned(mut name) => {
                    clean_in_place(&mut name);
                    Cow::Owned(name)
                }
            })
            .collect();
        let mut post = Post {
            id: clean_cow(&self.id).into(),
            title: self.title,
            author: self.author,
            date: self.date,
            url: self.url,
            tags: self.tags,
            topics: Vec::new(),
            blocks: self.blocks,
            sources: self.sources,
            comment_count: self.comment_count,
            comments: self.comments,
        };
        clean_post(&mut post);
        (post, topics)
    }
}

/// Gives each post its topic names, one shared string per distinct name
/// however many posts carry it.
fn share_topic_names(posts: &mut [Post], names: Vec<Vec<Cow<'_, str>>>) {
    let mut shared: HashSet<Arc<str>> = HashSet::new();
    for (post, names) in posts.iter_mut().zip(names) {
        post.topics = names
            .into_iter()
            .map(|name| {
                shared.get(&*name).cloned().unwrap_or_else(|| {
                    let name: Arc<str> = name.into();
                    shared.insert(Arc::clone(&name));
                    name
                })
            })
            .collect();
    }
}

/// A list read from JSON, which gives no length up front: the vector grows
/// by doubling and is cut to size as soon as it is read, so that a large
/// corpus does not carry up to twice the room its blocks need.
fn exact_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = Vec::<T>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}

/// A string borrowed from the file's text where it has no escapes. serde
/// borrows a `Cow` only as a field of its own, never as an element of a
/// `Vec`, hence the wrapper.
#[derive(Deserialize)]
struct Borrowed<'a>(#[serde(borrow)] Cow<'a, str>);

/// A topic as read, its post ids borrowed from the file's text: a large
/// tree names every post several times, and each id becomes the post's own
/// shared id rather than a copy (see [`share_post_ids`]).
#[derive(Deserialize)]
struct TopicRead<'a> {
    name: String,
    #[serde(default, borrow)]
    posts: Vec<Borrowed<'a>>,
    #[serde(default, borrow)]
    children: Vec<TopicRead<'a>>,
}

#[derive(Serialize)]
struct NativeFileRef<'a> {
    posts: AllPosts<'a>,
    topics: Vec<Topic>,
}

/// Every post of a corpus, serialized one at a time as it is read.
struct AllPosts<'a>(&'a Corpus);

impl Serialize for AllPosts<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.posts())
    }
}

/// Parses a native JSON corpus. Returns its posts and its topic tree (empty
/// when the file carries none); see [`parse_noting`] for what it does with
/// repeated post ids.
pub fn parse(name: &str, content: &str) -> Result<(Vec<Post>, Vec<Topic>), LoadError> {
    let read = parse_noting(name, content)?;
    Ok((read.posts, read.topics))
}

/// A native JSON corpus as read, and notes on what was read differently
/// from how it was written.
#[derive(Debug)]
pub struct NativeRead {
    pub posts: Vec<Post>,
    pub topics: Vec<Topic>,
    /// One line each, cleaned, without the file's name.
    pub notes: Vec<String>,
}

/// Parses a native JSON corpus, noting what it read differently from how
/// it was written.
///
/// Post ids must be unique for topics to name posts. A later post with an
/// id already taken keeps its place and gets the id with `-2`, `-3`, …
/// appended (the first number not taken), with a note; a topic naming the
/// repeated id lists every post that had it, so none is left out of the
/// tree. Refusing the file would lose every post over one slip of a hand
/// edit or a merge of two exports.
pub fn parse_noting(name: &str, content: &str) -> Result<NativeRead, LoadError> {
    let content = content.trim_start_matches('\u{feff}');
    parse_split(name, content, in_parallel::posts(content))
}

/// The corpus `split` read from `content`, or, without one, `content`
/// read by serde alone.
fn parse_split(
    name: &str,
    content: &str,
    split: Option<Split<'_>>,
) -> Result<NativeRead, LoadError> {
    if let Some(read) = split.and_then(|split| finish(name, split)) {
        return read;
    }
    parse_in_order(name, content)
}

/// [`parse_noting`] with its posts split into about `runs` runs, however
/// small the file: for fuzzing the parallel reading on small inputs,
/// which never take it otherwise.
#[cfg(fuzzing)]
pub fn parse_noting_in_runs(
    name: &str,
    content: &str,
    runs: usize,
) -> Result<NativeRead, LoadError> {
    let content = content.trim_start_matches('\u{feff}');
    parse_split(name, content, in_parallel::posts_in(content, runs))
}

/// Like [`parse_noting`], but by serde alone: for text the parallel split
/// has already turned down.
pub fn parse_in_order(name: &str, content: &str) -> Result<NativeRead, LoadError> {
    let content = content.trim_start_matches('\u{feff}');
    let (posts, topics) = read_in_order(name, content)?;
    noted(name, posts, topics)
}

/// A native corpus read from `reader` and parsed on the pool's cores as it
/// comes in, reporting the bytes read so far to `progress`: see
/// [`Streamed::finish`].
pub fn read_streaming(
    reader: impl std::io::Read,
    progress: &mut dyn FnMut(u64),
) -> std::io::Result<Streamed> {
    in_parallel::read(reader, BATCH, progress)
}

/// [`read_streaming`] `batch` bytes at a time: for fuzzing the reading
/// of a file as it comes in on small inputs, which fit in one batch
/// otherwise.
#[cfg(fuzzing)]
pub fn read_streaming_in_batches(
    reader: impl std::io::Read,
    batch: u64,
    progress: &mut dyn FnMut(u64),
) -> std::io::Result<Streamed> {
    in_parallel::read(reader, batch, progress)
}

/// Bytes read at a time by [`read_streaming`]: a batch's posts are parsed
/// while the next is read.
const BATCH: u64 = 8 << 20;

impl Streamed {
    /// The corpus as [`parse_noting`] reads it, or, where the file was not
    /// read in parallel, every byte of it for [`parse_noting`] to read.
    pub fn finish(self, name: &str) -> Result<Result<NativeRead, LoadError>, Vec<u8>> {
        let Some(read) = self.split.and_then(|split| finish(name, split)) else {
            return Err(in_parallel::joined(self.pieces));
        };
        // Giving a file's worth of memory back takes a while; the pool
        // does it while this thread goes on.
        let pieces = self.pieces;
        rayon::spawn(move || drop(pieces));
        Ok(read)
    }
}

/// The corpus whose posts [`in_parallel`] read, or `None` if the rest of
/// the object does not read that way (serde reading the whole file says
/// why, or reads it).
fn finish(name: &str, split: Split<'_>) -> Option<Result<NativeRead, LoadError>> {
    // Posts named twice are an error serde reports on the whole file.
    let rest = serde_json::from_str::<Rest>(&split.rest)
        .ok()
        .filter(|rest| !rest.posts)?;
    Some(noted(name, split.posts, rest.topics))
}

/// The corpus of cleaned posts and topics as read: topic names shared,
/// references checked, ids made unique and topics pointed at the posts.
fn noted(
    name: &str,
    posts: Vec<PostAndTopics<'_>>,
    topics: Vec<TopicRead<'_>>,
) -> Result<NativeRead, LoadError> {
    let invalid = |message: String| LoadError::Invalid {
        path: name.into(),
        message,
    };
    let (mut posts, topic_names): (Vec<Post>, Vec<_>) = posts.into_iter().unzip();
    share_topic_names(&mut posts, topic_names);
    let bad_reference = posts.par_iter().find_map_first(|post| {
        check_references(post)
            .err()
            .map(|problem| format!("post \"{}\", {problem}", post.id))
    });
    if let Some(problem) = bad_reference {
        return Err(invalid(problem));
    }
    let renamed = make_ids_unique(&mut posts);
    let mut notes = Vec::new();
    if let Some(&(ref original, index)) = renamed.first() {
        let others = match renamed.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        notes.push(clean_cow(&format!(
            "post {} repeats the id \"{original}\" of an earlier post{others}; read as \"{}\", and topics naming \"{original}\" list both",
            index + 1,
            posts[index].id
        )).into_owned());
    }
    // Each id names its post; a repeated one also the posts renamed from it.
    let mut ids: HashMap<&str, Vec<&Arc<str>>> = HashMap::with_capacity(posts.len());
    for post in &posts {
        ids.entry(&*post.id).or_default().push(&post.id);
    }
    for (original, index) in &renamed {
        ids.entry(&**original).or_default().push(&posts[*index].id);
    }
    let topics = share_post_ids(topics, &ids).map_err(|(topic, id)| {
        invalid(format!(
            "topic \"{topic}\" names post \"{id}\", which is not in the file"
        ))
    })?;
    drop(ids);
    Ok(NativeRead {
        posts,
        topics,
        notes,
    })
}

/// The posts, cleaned, and the topics of `content` read from its start by
/// serde alone: the way any file reads, and the one whose errors name
/// their place.
fn read_in_order<'a>(
    name: &str,
    content: &'a str,
) -> Result<(Vec<PostAndTopics<'a>>, Vec<TopicRead<'a>>), LoadError> {
    let file: NativeFile = serde_json::from_str(content).map_err(|e| LoadError::Json {
        path: name.into(),
        // serde_json counts columns from 1 but says 0 where an error is
        // found just after a line break; an editor's first column is 1.
        line: e.line().max(1),
        column: e.column().max(1),
        message: json_message(&e),
    })?;
    // Cleaning is most of the work after parsing, and each post's is its own.
    let posts = file
        .posts
        .into_par_iter()
        .map(PostRead::into_post)
        .collect();
    Ok((posts, file.topics))
}

/// Gives each post whose id an earlier post already has the id with `-2`,
/// `-3`, … appended, the first not taken in the file. Returns each renamed
/// post's original id and index. Empty ids are left for the corpus to make
/// from titles.
fn make_ids_unique(posts: &mut [Post]) -> Vec<(Arc<str>, usize)> {
    let mut taken: HashSet<Arc<str>> = posts.iter().map(|p| Arc::clone(&p.id)).collect();
    if taken.len() == posts.len() {
        return Vec::new();
    }
    let mut seen: HashSet<Arc<str>> = HashSet::with_capacity(posts.len());
    let mut next_number: HashMap<Arc<str>, usize> = HashMap::new();
    let mut renamed = Vec::new();
    for (index, post) in posts.iter_mut().enumerate() {
        if post.id.is_empty() || seen.insert(Arc::clone(&post.id)) {
            continue;
        }
        let original = Arc::clone(&post.id);
        let number = next_number.entry(Arc::clone(&original)).or_insert(2);
        let id: Arc<str> = loop {
            let candidate = format!("{original}-{number}");
            *number += 1;
            if !taken.contains(candidate.as_str()) {
                break candidate.into();
            }
        };
        taken.insert(Arc::clone(&id));
        seen.insert(Arc::clone(&id));
        post.id = id;
        renamed.push((original, index));
    }
    renamed
}

/// Every index a post holds points where it may: a block's source into
/// its own list of sources, a comment's parent to an earlier comment.
/// Returns where the first bad one is and what is wrong with it.
fn check_references(post: &Post) -> Result<(), String> {
    check_block_sources(&post.blocks, post.sources.len()).map_err(|(number, source)| {
        format!(
            "block {number}: source {source} does not exist (the post has {})",
            post.sources.len()
        )
    })?;
    for (index, comment) in post.comments.iter().enumerate() {
        let number = index + 1;
        if let Some(parent) = comment.parent().filter(|&p| p >= index) {
            return Err(format!(
                "comment {number}: parent {parent} does not come before it (parents precede their replies)"
            ));
        }
        check_block_sources(&comment.blocks, comment.sources.len()).map_err(
            |(block, source)| {
                format!(
                    "comment {number}, block {block}: source {source} does not exist (the comment has {})",
                    comment.sources.len()
                )
            },
        )?;
    }
    Ok(())
}

/// The first block (numbered from 1) whose source is not below `sources`,
/// with that source.
fn check_block_sources(blocks: &[Block], sources: usize) -> Result<(), (usize, usize)> {
    match blocks
        .iter()
        .enumerate()
        .find_map(|(n, block)| block.source().filter(|&s| s >= sources).map(|s| (n + 1, s)))
    {
        Some(bad) => Err(bad),
        None => Ok(()),
    }
}

/// The corpus as native JSON, pretty-printed, ending in a newline.
pub fn export(corpus: &Corpus) -> String {
    let mut bytes = Vec::new();
    write_export(corpus, &mut bytes).expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// Writes [`export`]'s text to `out` as it goes, without building it in memory.
pub fn write_export(corpus: &Corpus, out: &mut dyn Write) -> std::io::Result<()> {
    let file = NativeFileRef {
        posts: AllPosts(corpus),
        topics: corpus.topics_by_id(),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &file).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// serde_json's message without its own " at line L column C" suffix, which
/// the error already carries as fields, cleaned: it quotes the file (an
/// unknown block kind, a string where a number belongs).
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => &message,
    };
    clean_cow(message).into_owned()
}

/// The topics with their names cleaned and every post id, cleaned, pointing
/// at the post's own; the first id that names no post, in the tree's
/// order, is an error, as (topic name, id). A large tree names every post
/// several times, so its branches are shared between the cores.
fn share_post_ids(
    topics: Vec<TopicRead<'_>>,
    ids: &HashMap<&str, Vec<&Arc<str>>>,
) -> Result<Vec<Topic>, (String, String)> {
    let shared: Vec<_> = topics
        .into_par_iter()
        .map(|topic| share_topic_post_ids(topic, ids))
        .collect();
    shared.into_iter().collect()
}

/// [`share_post_ids`] for one topic and its branch.
fn share_topic_post_ids(
    topic: TopicRead<'_>,
    ids: &HashMap<&str, Vec<&Arc<str>>>,
) -> Result<Topic, (String, String)> {
    let mut name = topic.name;
    clean_in_place(&mut name);
    let mut posts = Vec::with_capacity(topic.posts.len());
    for Borrowed(id) in &topic.posts {
        let id = clean_cow(id);
        let shared = ids
            .get(&*id)
            .ok_or_else(|| (name.clone(), id.clone().into_owned()))?;
        posts.extend(shared.iter().map(|&shared| Arc::clone(shared)));
    }
    Ok(Topic {
        name,
        posts,
        children: share_post_ids(topic.children, ids)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_types_give_line_and_column() {
        let error = parse("c.json", "{\n  \"posts\": [ { \"id\": 3 } ]\n}").unwrap_err();
        let text = error.to_string();
        assert!(text.starts_with("c.json:2:"), "{text}");
        assert!(text.contains("expected a string"), "{text}");
    }

    #[test]
    fn absurd_nesting_is_an_error_not_a_crash() {
        let mut text = String::from("{\"posts\":[],\"topics\":");
        for _ in 0..10_000 {
            text.push_str("[{\"name\":\"x\",\"children\":");
        }
        let error = parse("deep.json", &text).unwrap_err();
        assert!(error.to_string().contains("recursion limit"), "{error}");
    }

    #[test]
    fn source_out_of_range_is_reported() {
        let text = r#"{"posts":[{"id":"a","title":"A","blocks":[{"kind":"quote","text":"q","source":2}]}]}"#;
        let error = parse("x.json", text).unwrap_err().to_string();
        assert!(
            error.contains("block 1: source 2 does not exist"),
            "{error}"
        );
    }

    #[test]
    fn a_comment_whose_parent_follows_it_is_reported() {
        let text = r#"{"posts":[{"id":"a","title":"A","comments":[
            {"id":"c1","parent":null},{"id":"c2","parent":2},{"id":"c3","parent":0}]}]}"#;
        let error = parse("x.json", text).unwrap_err().to_string();
        assert_eq!(
            error,
            "x.json: post \"a\", comment 2: parent 2 does not come before it (parents precede their replies)"
        );
    }

    #[test]
    fn a_comment_block_citing_a_missing_source_is_reported() {
        let text = r#"{"posts":[{"id":"a","title":"A","comments":[
            {"id":"c1","blocks":[{"kind":"citation","text":"x","source":0}]}]}]}"#;
        let error = parse("x.json", text).unwrap_err().to_string();
        assert!(
            error.ends_with("comment 1, block 1: source 0 does not exist (the comment has 0)"),
            "{error}"
        );
    }

    #[test]
    fn old_files_without_threads_or_tags_still_load() {
        let text = r#"{"posts":[{"id":"a","title":"A","blocks":[]}]}"#;
        let (posts, _) = parse("x.json", text).unwrap();
        assert!(posts[0].comments.is_empty() && posts[0].tags.is_empty());
        assert_eq!(posts[0].comment_count, None);
    }

    #[test]
    fn comments_are_cleaned_on_the_way_in() {
        let text = r#"{"posts":[{"id":"a","title":"A","tags":["t\u001b[2J"],"comments":[
            {"id":"c1","author":"\u001b]0;x\u0007Ann","blocks":[{"kind":"paragraph","text":"hi\u009b"}]}]}]}"#;
        let (posts, _) = parse("x.json", text).unwrap();
        assert_eq!(posts[0].tags, ["t\u{FFFD}"]);
        let comment = &posts[0].comments[0];
        assert_eq!(comment.author.as_deref(), Some("\u{FFFD}Ann"));
        assert_eq!(&*comment.blocks[0].text, "hi\u{FFFD}");
    }

    #[test]
    fn threads_tags_and_counts_round_trip_unchanged() {
        let text = r#"{"posts":[{"id":"a","title":"A","url":"https://example.org/a","tags":["Politics",""],
            "comment_count":74,"comments":[
            {"id":"c1","author":"Ann","date":"May 1","label":"1","blocks":[{"kind":"paragraph","text":"First"}]},
            {"id":"c2","parent":0,"label":"1.1","blocks":[{"kind":"citation","text":"https://x.org","source":0}],
             "sources":[{"url":"https://x.org"}]},
            {"id":"c3"}]}]}"#;
        let (posts, topics) = parse("x.json", text).unwrap();
        assert_eq!(posts[0].comments[1].parent(), Some(0));
        let first = export(&Corpus::new(posts, Some(topics)));
        let (again, topics) = parse("x.json", &first).unwrap();
        assert_eq!(export(&Corpus::new(again, Some(topics))), first);
        assert!(first.contains("\"comment_count\": 74"), "{first}");
    }

    /// A native corpus of `count` posts as an export lays it out, with a
    /// topic naming every post.
    fn exported(count: usize) -> String {
        let posts = (0..count)
            .map(|n| {
                let mut post = Post {
                    id: format!("p{n}").into(),
                    title: format!("Post {n}"),
                    topics: vec!["T".into()],
                    ..Post::default()
                };
                post.blocks
                    .push(Block::new(crate::model::BlockKind::Paragraph, "x\u{1b}[2J"));
                post
            })
            .collect();
        export(&Corpus::new(posts, None))
    }

    fn streamed(text: &str) -> Result<Result<NativeRead, LoadError>, Vec<u8>> {
        read_streaming(text.as_bytes(), &mut |_| {})
            .unwrap()
            .finish("s.json")
    }

    #[test]
    fn a_corpus_read_as_it_streams_in_is_the_one_read_whole() {
        let text = exported(30);
        let Ok(Ok(read)) = streamed(&text) else {
            panic!("not read in parallel");
        };
        let whole = parse_noting("s.json", &text).unwrap();
        assert_eq!(read.posts, whole.posts);
        assert_eq!(read.topics, whole.topics);
        assert_eq!(&*read.posts[3].blocks[0].text, "x\u{FFFD}");
        let again = export(&Corpus::new(read.posts, Some(read.topics)));
        assert!(again == export(&Corpus::new(whole.posts, Some(whole.topics))));
    }

    #[test]
    fn posts_named_twice_are_left_to_serde_which_refuses_them() {
        let text = exported(10).replacen("\n  \"topics\"", "\n  \"posts\": [],\n  \"topics\"", 1);
        let Err(bytes) = streamed(&text) else {
            panic!("read in parallel");
        };
        assert_eq!(bytes, text.as_bytes());
        let error = parse_noting("s.json", &text).unwrap_err().to_string();
        assert!(error.contains("duplicate field `posts`"), "{error}");
    }

    #[test]
    fn the_first_topic_naming_a_missing_post_in_tree_order_is_reported() {
        let text = r#"{"posts":[{"id":"a","title":"A"}],"topics":[
            {"name":"One","posts":["a"],"children":[{"name":"Two","posts":["a","x"]}]},
            {"name":"Three","posts":["y"]}]}"#;
        let error = parse("t.json", text).unwrap_err().to_string();
        assert_eq!(
            error,
            "t.json: topic \"Two\" names post \"x\", which is not in the file"
        );
    }

    #[test]
    fn strings_are_cleaned_on_the_way_in() {
        let text = r#"{"posts":[{"id":"a","title":"A\u001b]0;pwn\u0007 B","blocks":[],"sources":[{"outlet":"\u009b2J"}]}]}"#;
        let (posts, _) = parse("x.json", text).unwrap();
        assert_eq!(posts[0].title, "A\u{FFFD} B");
        assert_eq!(posts[0].sources[0].outlet.as_deref(), Some("\u{FFFD}"));
    }
}
