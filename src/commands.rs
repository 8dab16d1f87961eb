//! The headless subcommands: what `pundit export`, `tree` and `search` print.

use std::io::{self, Write};

use crate::corpus::{Corpus, Topic, json};

/// Writes the native JSON of `corpus`.
pub fn write_export(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    json::write_export(corpus, out)
}

/// Writes the topic tree as indented text: each topic with its post count,
/// the titles of its posts under it, subtopics indented further.
pub fn write_tree(corpus: &Corpus, out: &mut dyn Write) -> io::Result<()> {
    for topic in &corpus.topics {
        write_topic(corpus, topic, 0, out)?;
    }
    Ok(())
}

fn write_topic(
    corpus: &Corpus,
    topic: &Topic,
    depth: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    writeln!(out, "{indent}{} ({})", topic.name, topic.posts.len())?;
    for id in &topic.posts {
        let title = corpus
            .post_by_id(id)
            .map_or(id.as_str(), |post| corpus.post(post).title.as_str());
        writeln!(out, "{indent}  - {title}")?;
    }
    for child in &topic.children {
        write_topic(corpus, child, depth + 1, out)?;
    }
    Ok(())
}

/// Writes the blocks matching `query` (or their count) and returns how many
/// matched. Placeholder until the search engine lands: plain substring.
pub fn write_search(
    corpus: &Corpus,
    query: &str,
    count_only: bool,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut found = 0;
    for post in &corpus.posts {
        for (number, block) in post.blocks.iter().enumerate() {
            if block.text.contains(query) {
                found += 1;
                if !count_only {
                    writeln!(out, "{}:{}: {}", post.id, number + 1, block.text)?;
                }
            }
        }
    }
    if count_only {
        writeln!(out, "{found}")?;
    }
    Ok(found)
}
