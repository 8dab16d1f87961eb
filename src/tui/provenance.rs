//! What `Y` copies: the text being read with where it comes from, so that
//! a quote pasted elsewhere carries its source.
//!
//! The article is read like a pager, without a cursor, so "what is being
//! read" is, in order:
//! 1. in the comment thread, the current comment (the one with the thick
//!    rail);
//! 2. the block a source key (`1`–`9`), `}`/`{` or a click went to, while
//!    any of it is on screen;
//! 3. the first block that starts in view (the one at the top, or the
//!    next when the top line is the tail of a long one);
//! 4. the block on the top line (one block filling the whole view).

use super::app::App;
use crate::model::{BlockKind, Comment, Post, Source};

/// What `Y` copies, and what the status bar calls it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    /// "the quote", "the comment", "the paragraph".
    pub what: &'static str,
    pub text: String,
}

/// The text being read with its provenance, if the article shows any.
///
/// A quote of source 1: its text, then `— RNZ, “French outrage …”, URL`
/// and `quoted in “Post title”`. A comment: its text, then `— NAME,
/// comment on “Post title”` (and the post's URL). The author's own words:
/// `— Author, “Post title”, URL`.
pub fn being_read(app: &App) -> Option<Copied> {
    let post = app.post()?;
    if let Some(comment) = app.thread.cursor.and_then(|c| post.comments.get(c)) {
        return Some(Copied {
            what: "the comment",
            text: comment_with_provenance(post, comment),
        });
    }
    let block = block_being_read(app)?;
    let found = post.blocks.get(block)?;
    let text = match found.source().and_then(|s| post.sources.get(s)) {
        Some(source) if found.kind == BlockKind::Quote => {
            format!(
                "{}\n— {}\nquoted in “{}”",
                found.text,
                source_line(source),
                post.title
            )
        }
        _ => format!("{}\n— {}", found.text, post_line(post)),
    };
    let what = match found.kind {
        BlockKind::Quote => "the quote",
        BlockKind::Citation => "the citation",
        BlockKind::ListItem => "the list item",
        _ => "the paragraph",
    };
    Some(Copied { what, text })
}

/// The block of the post being read (see the module's rules 2–4).
fn block_being_read(app: &App) -> Option<usize> {
    let height = app.article_height().max(1);
    let lines = &app.article.lines;
    let view = lines.get(app.scroll.min(lines.len())..(app.scroll + height).min(lines.len()))?;
    let current = app
        .citation
        .and_then(|i| app.citing_blocks().get(i).copied());
    if let Some(block) = current
        && view.iter().any(|line| line.block == Some(block))
    {
        return Some(block);
    }
    view.iter()
        .find(|line| line.first && line.block.is_some())
        .or_else(|| view.iter().find(|line| line.block.is_some()))
        .and_then(|line| line.block)
}

/// `RNZ, “Headline”, https://…`: the parts of a source that are known.
fn source_line(source: &Source) -> String {
    let mut parts = Vec::new();
    if let Some(outlet) = &source.outlet {
        parts.push(outlet.clone());
    }
    if let Some(headline) = &source.headline {
        parts.push(format!("“{headline}”"));
    }
    if let Some(url) = &source.url {
        parts.push(url.clone());
    }
    parts.join(", ")
}

/// `Author, “Post title”, URL`, for the post's own words.
fn post_line(post: &Post) -> String {
    let mut parts = Vec::new();
    if let Some(author) = &post.author {
        parts.push(author.clone());
    }
    parts.push(format!("“{}”", post.title));
    if let Some(url) = &post.url {
        parts.push(url.clone());
    }
    parts.join(", ")
}

/// A comment's blocks, a blank line apart, then `— NAME, comment on “Post
/// title”` and the post's URL where it has one.
fn comment_with_provenance(post: &Post, comment: &Comment) -> String {
    let text: Vec<&str> = comment.blocks.iter().map(|b| &*b.text).collect();
    let name = comment
        .author
        .as_deref()
        .unwrap_or(super::thread::ANONYMOUS);
    let mut out = format!(
        "{}\n— {name}, comment on “{}”",
        text.join("\n\n"),
        post.title
    );
    if let Some(url) = &post.url {
        out.push_str(", ");
        out.push_str(url);
    }
    out
}
