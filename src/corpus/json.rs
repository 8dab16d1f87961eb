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

use std::collections::HashMap;
use std::sync::Arc;

use std::io::Write;

use serde::{Deserialize, Serialize};

use super::clean::{clean_in_place, clean_shared};
use super::load::LoadError;
use super::{Corpus, Post, Topic};

#[derive(Deserialize)]
struct NativeFile {
    posts: Vec<Post>,
    #[serde(default)]
    topics: Vec<Topic>,
}

#[derive(Serialize)]
struct NativeFileRef<'a> {
    posts: &'a [Post],
    topics: &'a [Topic],
}

/// Parses a native JSON corpus. Returns its posts and its topic tree (empty
/// when the file carries none).
pub fn parse(name: &str, content: &str) -> Result<(Vec<Post>, Vec<Topic>), LoadError> {
    let content = content.trim_start_matches('\u{feff}');
    let file: NativeFile = serde_json::from_str(content).map_err(|e| LoadError::Json {
        path: name.into(),
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    })?;
    let invalid = |message: String| LoadError::Invalid {
        path: name.into(),
        message,
    };
    let mut posts = file.posts;
    for post in &mut posts {
        clean_post(post);
        for (number, block) in post.blocks.iter().enumerate() {
            if let Some(source) = block.source.filter(|&s| s >= post.sources.len()) {
                return Err(invalid(format!(
                    "post \"{}\", block {}: source {source} does not exist (the post has {})",
                    post.id,
                    number + 1,
                    post.sources.len()
                )));
            }
        }
    }
    let mut topics = file.topics;
    topics.iter_mut().for_each(clean_topic);
    let ids: HashMap<&str, &Arc<str>> = posts.iter().map(|p| (&*p.id, &p.id)).collect();
    if let Err((topic, id)) = share_post_ids(&mut topics, &ids) {
        return Err(invalid(format!(
            "topic \"{topic}\" names post \"{id}\", which is not in the file"
        )));
    }
    Ok((posts, topics))
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
        posts: &corpus.posts,
        topics: &corpus.topics,
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &file).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// serde_json's message without its own " at line L column C" suffix, which
/// the error already carries as fields.
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

fn clean_option(field: &mut Option<String>) {
    if let Some(text) = field {
        clean_in_place(text);
        if text.is_empty() {
            *field = None;
        }
    }
}

fn clean_post(post: &mut Post) {
    clean_shared(&mut post.id);
    clean_in_place(&mut post.title);
    clean_option(&mut post.author);
    clean_option(&mut post.date);
    post.topics.iter_mut().for_each(clean_shared);
    for block in &mut post.blocks {
        clean_in_place(&mut block.text);
    }
    for source in &mut post.sources {
        clean_option(&mut source.outlet);
        clean_option(&mut source.headline);
        clean_option(&mut source.url);
    }
}

fn clean_topic(topic: &mut Topic) {
    clean_in_place(&mut topic.name);
    topic.posts.iter_mut().for_each(clean_shared);
    topic.children.iter_mut().for_each(clean_topic);
}

/// Points every topic's post ids at the posts' own, so that a large tree
/// holds no copies; the first id that names no post is an error, as
/// (topic name, id).
fn share_post_ids(
    topics: &mut [Topic],
    ids: &HashMap<&str, &Arc<str>>,
) -> Result<(), (String, String)> {
    for topic in topics {
        for id in &mut topic.posts {
            match ids.get(&**id) {
                Some(&shared) => *id = Arc::clone(shared),
                None => return Err((topic.name.clone(), id.to_string())),
            }
        }
        share_post_ids(&mut topic.children, ids)?;
    }
    Ok(())
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
    fn strings_are_cleaned_on_the_way_in() {
        let text = r#"{"posts":[{"id":"a","title":"A\u001b]0;pwn\u0007 B","blocks":[],"sources":[{"outlet":"\u009b2J"}]}]}"#;
        let (posts, _) = parse("x.json", text).unwrap();
        assert_eq!(posts[0].title, "A\u{FFFD} B");
        assert_eq!(posts[0].sources[0].outlet.as_deref(), Some("\u{FFFD}"));
    }
}
