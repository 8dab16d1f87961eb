//! WordPress exports (WXR): the RSS file a blog's Tools → Export writes,
//! with WordPress's own elements for each post's status, type, categories
//! and comments.
//!
//! The file is streamed with quick-xml: one item's fields are held while it
//! is read, then handed to the cores to become a post (its HTML through
//! [`html_blocks`](super::html_blocks)), so memory follows the text kept,
//! not the size of the export. Only published posts are kept (pages,
//! drafts, attachments and menu items are skipped); their approved comments
//! form the thread, parents from `wp:comment_parent`; pingbacks and
//! trackbacks are left out of the thread but counted.
//!
//! WordPress writes its elements with fixed prefixes (`wp:`, `content:`,
//! `dc:`), and they are matched as written.

use std::collections::HashMap;
use std::io::BufRead;
use std::sync::mpsc::sync_channel;

use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesRef, Event};
use quick_xml::{Reader, XmlVersion};
use rayon::prelude::*;

use super::clean::clean_post;
use super::html_blocks::{body_of_fragment, text_of_fragment};
use super::{finished_post, title_or_opening_words};
use crate::load::LoadError;
use crate::model::{Comment, Post};

/// Bytes of raw items gathered before they are handed over to be turned
/// into posts.
const BATCH_BYTES: usize = 1 << 20;

/// Bytes read between two progress reports.
const PROGRESS_STEP: u64 = 4 << 20;

/// Parses a WordPress export held in memory; see [`read`].
pub fn parse(name: &str, content: &str) -> Result<Vec<Post>, LoadError> {
    read(name, content.as_bytes(), &mut |_| {})
}

/// Reads a WordPress export from `input` as it streams in, calling
/// `progress` with the bytes read so far. Returns its published posts in
/// the order of the file.
pub fn read(
    name: &str,
    input: impl BufRead,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<Post>, LoadError> {
    let (batches, received) = sync_channel::<Vec<RawItem>>(2);
    std::thread::scope(|scope| {
        let converter = scope.spawn(move || {
            let mut posts: Vec<Post> = Vec::new();
            for batch in received {
                posts.par_extend(batch.into_par_iter().map(RawItem::into_post));
            }
            posts
        });
        let read = read_items(name, input, progress, &mut |batch| {
            // The converter only stops when this side hangs up.
            let _ = batches.send(batch);
        });
        drop(batches);
        let posts = converter
            .join()
            .expect("turning items into posts does not panic");
        read.map(|()| posts)
    })
}

/// One `<item>` as read: the fields pundit keeps, raw.
#[derive(Debug, Default)]
struct RawItem {
    title: String,
    link: String,
    post_date: String,
    pub_date: String,
    creator: String,
    content: String,
    status: String,
    post_type: String,
    /// (domain, nicename, name)
    categories: Vec<(String, String, String)>,
    comments: Vec<RawComment>,
}

#[derive(Debug, Default)]
struct RawComment {
    id: String,
    author: String,
    date: String,
    content: String,
    approved: String,
    kind: String,
    parent: String,
}

/// The element whose text is being gathered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    PostDate,
    PubDate,
    Creator,
    Content,
    Status,
    PostType,
    Category,
    CommentId,
    CommentAuthor,
    CommentDate,
    CommentContent,
    CommentApproved,
    CommentType,
    CommentParent,
    AuthorLogin,
    AuthorDisplayName,
}

/// Where in the file the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Channel,
    Author,
    Item,
    Comment,
}

fn field_of(scope: Scope, name: &[u8]) -> Option<Field> {
    use Field::*;
    Some(match (scope, name) {
        (Scope::Item, b"title") => Title,
        (Scope::Item, b"link") => Link,
        (Scope::Item, b"wp:post_date") => PostDate,
        (Scope::Item, b"pubDate") => PubDate,
        (Scope::Item, b"dc:creator") => Creator,
        (Scope::Item, b"content:encoded") => Content,
        (Scope::Item, b"wp:status") => Status,
        (Scope::Item, b"wp:post_type") => PostType,
        (Scope::Item, b"category") => Category,
        (Scope::Comment, b"wp:comment_id") => CommentId,
        (Scope::Comment, b"wp:comment_author") => CommentAuthor,
        (Scope::Comment, b"wp:comment_date") => CommentDate,
        (Scope::Comment, b"wp:comment_content") => CommentContent,
        (Scope::Comment, b"wp:comment_approved") => CommentApproved,
        (Scope::Comment, b"wp:comment_type") => CommentType,
        (Scope::Comment, b"wp:comment_parent") => CommentParent,
        (Scope::Author, b"wp:author_login") => AuthorLogin,
        (Scope::Author, b"wp:author_display_name") => AuthorDisplayName,
        _ => return None,
    })
}

/// The streaming part: reads items and hands published posts' items over
/// in batches.
fn read_items(
    name: &str,
    input: impl BufRead,
    progress: &mut dyn FnMut(u64),
    hand_over: &mut dyn FnMut(Vec<RawItem>),
) -> Result<(), LoadError> {
    let mut reader = Reader::from_reader(input);
    let invalid = |at: u64, what: String| LoadError::Invalid {
        path: name.into(),
        message: format!("byte {at}: {what}"),
    };
    let mut buffer = Vec::new();
    let mut scope = Scope::Channel;
    let mut field: Option<Field> = None;
    let mut text = String::new();
    let mut item = RawItem::default();
    let mut comment = RawComment::default();
    let mut category: (String, String) = Default::default();
    let mut author: (String, String) = Default::default();
    let mut display_names: HashMap<String, String> = HashMap::new();
    let mut batch: Vec<RawItem> = Vec::new();
    let mut batch_bytes = 0;
    let mut reported = 0;
    loop {
        let at = reader.buffer_position();
        if at >= reported + PROGRESS_STEP {
            reported = at;
            progress(at);
        }
        let event = reader
            .read_event_into(&mut buffer)
            .map_err(|error| invalid(reader.error_position(), error.to_string()))?;
        let not_utf8 = |_| invalid(at, "not UTF-8 text".into());
        match event {
            Event::Start(element) => match (scope, element.name().as_ref()) {
                (Scope::Channel, b"item") => scope = Scope::Item,
                (Scope::Channel, b"wp:author") => scope = Scope::Author,
                (Scope::Item, b"wp:comment") => scope = Scope::Comment,
                (_, element_name) => {
                    field = field_of(scope, element_name);
                    text.clear();
                    if field == Some(Field::Category) {
                        let attribute = |key: &[u8]| {
                            element
                                .try_get_attribute(key)
                                .ok()
                                .flatten()
                                .and_then(|a| {
                                    a.decoded_and_normalized_value(
                                        XmlVersion::Implicit1_0,
                                        reader.decoder(),
                                    )
                                    .ok()
                                    .map(|v| v.into_owned())
                                })
                                .unwrap_or_default()
                        };
                        category = (attribute(b"domain"), attribute(b"nicename"));
                    }
                }
            },
            Event::Text(content) if field.is_some() => {
                text.push_str(&content.xml10_content().map_err(not_utf8)?)
            }
            Event::CData(content) if field.is_some() => {
                text.push_str(&content.xml10_content().map_err(not_utf8)?)
            }
            Event::GeneralRef(reference) if field.is_some() => {
                push_reference(&mut text, &reference)
            }
            Event::End(element) => match (scope, element.name().as_ref()) {
                (Scope::Item, b"item") => {
                    scope = Scope::Channel;
                    let mut done = std::mem::take(&mut item);
                    if done.post_type == "post" && done.status == "publish" {
                        if let Some(shown) = display_names.get(&done.creator) {
                            done.creator.clone_from(shown);
                        }
                        batch_bytes += done.content.len()
                            + done.comments.iter().map(|c| c.content.len()).sum::<usize>();
                        batch.push(done);
                        if batch_bytes >= BATCH_BYTES {
                            hand_over(std::mem::take(&mut batch));
                            batch_bytes = 0;
                        }
                    }
                }
                (Scope::Comment, b"wp:comment") => {
                    scope = Scope::Item;
                    item.comments.push(std::mem::take(&mut comment));
                }
                (Scope::Author, b"wp:author") => {
                    scope = Scope::Channel;
                    let (login, shown) = std::mem::take(&mut author);
                    if !login.is_empty() && !shown.is_empty() {
                        display_names.insert(login, shown);
                    }
                }
                _ => {
                    if let Some(done) = field.take() {
                        let value = std::mem::take(&mut text);
                        store(
                            done,
                            value,
                            &mut item,
                            &mut comment,
                            &mut author,
                            &mut category,
                        );
                    }
                }
            },
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    if !batch.is_empty() {
        hand_over(batch);
    }
    progress(reader.buffer_position());
    Ok(())
}

/// Puts a finished field's text where it belongs.
fn store(
    field: Field,
    value: String,
    item: &mut RawItem,
    comment: &mut RawComment,
    author: &mut (String, String),
    category: &mut (String, String),
) {
    use Field::*;
    let slot = match field {
        Title => &mut item.title,
        Link => &mut item.link,
        PostDate => &mut item.post_date,
        PubDate => &mut item.pub_date,
        Creator => &mut item.creator,
        Content => &mut item.content,
        Status => &mut item.status,
        PostType => &mut item.post_type,
        Category => {
            let (domain, nicename) = std::mem::take(category);
            item.categories.push((domain, nicename, value));
            return;
        }
        CommentId => &mut comment.id,
        CommentAuthor => &mut comment.author,
        CommentDate => &mut comment.date,
        CommentContent => &mut comment.content,
        CommentApproved => &mut comment.approved,
        CommentType => &mut comment.kind,
        CommentParent => &mut comment.parent,
        AuthorLogin => &mut author.0,
        AuthorDisplayName => &mut author.1,
    };
    *slot = value;
}

/// An entity reference in text: characters and XML's own entities are
/// resolved; any other (`&nbsp;`, which HTML knows) is kept as written for
/// the HTML reading that follows.
fn push_reference(text: &mut String, reference: &BytesRef<'_>) {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        text.push(c);
        return;
    }
    let Ok(name) = reference.decode() else {
        return;
    };
    match resolve_xml_entity(&name) {
        Some(resolved) => text.push_str(resolved),
        None => {
            text.push('&');
            text.push_str(&name);
            text.push(';');
        }
    }
}

impl RawItem {
    fn into_post(self) -> Post {
        let body = body_of_fragment(&self.content);
        let (comments, pings) = thread(self.comments);
        let comment_count = u32::try_from(comments.len() + pings).ok();
        let date = if self.post_date.trim().is_empty() {
            self.pub_date
        } else {
            self.post_date
        };
        let mut post = Post {
            title: text_of_fragment(&self.title),
            author: Some(text_of_fragment(&self.creator)),
            date: Some(date),
            url: Some(self.link),
            tags: tags(self.categories),
            blocks: body.blocks,
            sources: body.sources,
            comment_count,
            comments,
            ..Post::default()
        };
        clean_post(&mut post);
        post.title = title_or_opening_words(&post.title, &post.blocks);
        finished_post(post)
    }
}

/// Categories, then tags, each once. WordPress files a post it was given no
/// category for under its default one, `uncategorized`, which says nothing.
fn tags(categories: Vec<(String, String, String)>) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for wanted in ["category", "post_tag"] {
        for (domain, nicename, name) in &categories {
            let name = text_of_fragment(name);
            if domain == wanted
                && nicename != "uncategorized"
                && !name.is_empty()
                && !tags.contains(&name)
            {
                tags.push(name);
            }
        }
    }
    tags
}

/// The approved comments in thread order, and the number of approved
/// pingbacks and trackbacks left out.
///
/// A comment's parent is the nearest approved comment above it in
/// `wp:comment_parent`; one with none, or in a loop of parents, starts a
/// thread. Threads keep the file's order, and replies follow the comment
/// they answer.
fn thread(raw: Vec<RawComment>) -> (Vec<Comment>, usize) {
    let parent_of: HashMap<&str, &str> =
        raw.iter().map(|c| (c.id.trim(), c.parent.trim())).collect();
    let is_ping = |c: &RawComment| matches!(c.kind.trim(), "pingback" | "trackback");
    let approved = |c: &RawComment| c.approved.trim() == "1";
    let pings = raw.iter().filter(|c| approved(c) && is_ping(c)).count();
    let kept: Vec<&RawComment> = raw.iter().filter(|c| approved(c) && !is_ping(c)).collect();
    let index_of: HashMap<&str, usize> = kept
        .iter()
        .enumerate()
        .map(|(index, c)| (c.id.trim(), index))
        .collect();
    // The nearest kept ancestor, looking up at most as many steps as there
    // are comments (a loop gives up).
    let kept_parent = |comment: &RawComment| {
        let mut id = comment.parent.trim();
        for _ in 0..raw.len() {
            if id.is_empty() || id == "0" {
                return None;
            }
            if let Some(&index) = index_of.get(id) {
                return Some(index);
            }
            id = parent_of.get(id)?;
        }
        None
    };
    let parents: Vec<Option<usize>> = kept.iter().map(|c| kept_parent(c)).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); kept.len()];
    for (index, parent) in parents.iter().enumerate() {
        if let Some(parent) = parent {
            children[*parent].push(index);
        }
    }
    // Depth first from each thread's start; what a loop leaves unvisited
    // starts threads of its own.
    let mut order: Vec<(usize, Option<usize>)> = Vec::with_capacity(kept.len());
    let mut position: Vec<Option<usize>> = vec![None; kept.len()];
    let starts = (0..kept.len()).filter(|&i| parents[i].is_none());
    let rest = 0..kept.len();
    for start in starts.chain(rest) {
        if position[start].is_some() {
            continue;
        }
        let mut stack = vec![(start, None)];
        while let Some((index, parent)) = stack.pop() {
            if position[index].is_some() {
                continue;
            }
            position[index] = Some(order.len());
            order.push((index, parent));
            let here = position[index];
            stack.extend(children[index].iter().rev().map(|&child| (child, here)));
        }
    }
    let mut seen_ids: HashMap<String, ()> = HashMap::new();
    let comments = order
        .into_iter()
        .enumerate()
        .map(|(at, (index, parent))| {
            let raw = kept[index];
            let body = body_of_fragment(&raw.content);
            let mut id = raw.id.trim().to_string();
            if id.is_empty() || seen_ids.contains_key(&id) {
                id = format!("c{}", at + 1);
            }
            seen_ids.insert(id.clone(), ());
            Comment {
                id,
                parent: parent.and_then(|p| u32::try_from(p).ok()),
                author: Some(text_of_fragment(&raw.author)),
                date: Some(raw.date.clone()),
                label: None,
                blocks: body.blocks,
                sources: body.sources,
            }
        })
        .collect();
    (comments, pings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(items: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Blog</title><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login><![CDATA[ann]]></wp:author_login><wp:author_display_name><![CDATA[Ann Smith]]></wp:author_display_name></wp:author>
{items}
</channel></rss>"#
        )
    }

    fn item(title: &str, kind: &str, status: &str, comments: &str) -> String {
        format!(
            r#"<item><title>{title}</title><link>https://blog.example.org/{kind}</link>
<dc:creator><![CDATA[ann]]></dc:creator>
<content:encoded><![CDATA[First para.

<blockquote>Quoted</blockquote>]]></content:encoded>
<excerpt:encoded><![CDATA[Not the content]]></excerpt:encoded>
<wp:post_date><![CDATA[2022-06-10 06:42:00]]></wp:post_date>
<wp:status><![CDATA[{status}]]></wp:status><wp:post_type><![CDATA[{kind}]]></wp:post_type>
<category domain="category" nicename="uncategorized"><![CDATA[Uncategorized]]></category>
<category domain="post_tag" nicename="trade"><![CDATA[Trade]]></category>
<category domain="category" nicename="politics"><![CDATA[Politics]]></category>
{comments}</item>"#
        )
    }

    fn comment(id: u32, parent: u32, approved: &str, kind: &str) -> String {
        format!(
            r#"<wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author><![CDATA[Reader {id}]]></wp:comment_author>
<wp:comment_date><![CDATA[2022-06-11 0{id}:00:00]]></wp:comment_date>
<wp:comment_content><![CDATA[Comment {id} text]]></wp:comment_content>
<wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved><wp:comment_type><![CDATA[{kind}]]></wp:comment_type>
<wp:comment_parent>{parent}</wp:comment_parent>
<wp:commentmeta><wp:meta_key>x</wp:meta_key></wp:commentmeta></wp:comment>"#
        )
    }

    #[test]
    fn published_posts_only_with_categories_then_tags() {
        let items = [
            item("Kept &amp; read", "post", "publish", ""),
            item("A page", "page", "publish", ""),
            item("A draft", "post", "draft", ""),
            item("A menu item", "nav_menu_item", "publish", ""),
            item("An image", "attachment", "inherit", ""),
        ]
        .concat();
        let posts = parse("x.xml", &export(&items)).unwrap();
        assert_eq!(posts.len(), 1);
        let post = &posts[0];
        assert_eq!(post.title, "Kept & read");
        assert_eq!(post.author.as_deref(), Some("Ann Smith"));
        assert_eq!(post.date.as_deref(), Some("2022-06-10 06:42:00"));
        assert_eq!(post.tags, ["Politics", "Trade"]);
        let texts: Vec<_> = post.blocks.iter().map(|b| &*b.text).collect();
        assert_eq!(texts, ["First para.", "Quoted"]);
        assert_eq!(post.comment_count, Some(0));
    }

    #[test]
    fn approved_comments_make_the_thread_and_pings_are_counted() {
        let comments = [
            comment(3, 2, "1", ""),        // reply to 2, before it in the file
            comment(1, 0, "1", "comment"), // top level
            comment(2, 1, "1", ""),        // reply to 1
            comment(4, 0, "spam", ""),     // dropped
            comment(5, 4, "1", ""),        // its parent is dropped: top level
            comment(6, 0, "1", "pingback"),
            comment(7, 0, "0", "trackback"), // not approved: not counted
        ]
        .concat();
        let posts = parse("x.xml", &export(&item("T", "post", "publish", &comments))).unwrap();
        let thread: Vec<_> = posts[0]
            .comments
            .iter()
            .map(|c| (c.id.as_str(), c.parent(), c.author.as_deref().unwrap()))
            .collect();
        assert_eq!(
            thread,
            [
                ("1", None, "Reader 1"),
                ("2", Some(0), "Reader 2"),
                ("3", Some(1), "Reader 3"),
                ("5", None, "Reader 5"),
            ]
        );
        assert_eq!(posts[0].comment_count, Some(5));
        assert_eq!(&*posts[0].comments[2].blocks[0].text, "Comment 3 text");
    }

    #[test]
    fn a_loop_of_parents_still_gives_every_comment_once() {
        let comments = [comment(1, 2, "1", ""), comment(2, 1, "1", "")].concat();
        let posts = parse("x.xml", &export(&item("T", "post", "publish", &comments))).unwrap();
        let comments = &posts[0].comments;
        assert_eq!(comments.len(), 2);
        for (index, comment) in comments.iter().enumerate() {
            assert!(comment.parent().is_none_or(|p| p < index));
        }
    }

    #[test]
    fn broken_xml_names_the_place() {
        let error = parse("x.xml", "<rss><channel><item></channel></rss>").unwrap_err();
        assert!(error.to_string().starts_with("x.xml: byte "), "{error}");
    }

    #[test]
    fn many_items_keep_their_order_across_batches() {
        let big = "x".repeat(BATCH_BYTES / 3);
        let items: String = (0..10)
            .map(|n| {
                item(&format!("Post {n}"), "post", "publish", "")
                    .replace("First para.", &format!("{big} {n}"))
            })
            .collect();
        let posts = parse("x.xml", &export(&items)).unwrap();
        let titles: Vec<_> = posts.iter().map(|p| p.title.as_str()).collect();
        let expected: Vec<String> = (0..10).map(|n| format!("Post {n}")).collect();
        assert_eq!(titles, expected);
    }
}
