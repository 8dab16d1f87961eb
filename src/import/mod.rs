//! Importers: one module per archive format, each turning a file's text into
//! posts of the [`crate::model`]. They share the model, [`clean`] and
//! [`html_blocks`], never each other; [`detect`] says which one reads a file.

pub mod clean;
pub mod detect;
pub mod feed;
pub mod html;
pub mod html_blocks;
pub mod json;
pub mod markdown;
pub mod text;
pub mod wxr;

use crate::model::{Block, Post, slug};

/// The longest title made from a post's opening words.
const OPENING_WORDS_TITLE: usize = 80;

/// `title`, or when the archive gives none, the post's opening words (cut
/// at a word, with an ellipsis), or "Untitled".
pub(crate) fn title_or_opening_words(title: &str, blocks: &[Block]) -> String {
    if !title.is_empty() {
        return title.to_string();
    }
    let Some(first) = blocks.first() else {
        return "Untitled".into();
    };
    if first.text.chars().count() <= OPENING_WORDS_TITLE {
        return first.text.to_string();
    }
    let mut title = String::new();
    for word in first.text.split(' ') {
        if title.chars().count() + word.chars().count() + 1 > OPENING_WORDS_TITLE {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    if title.is_empty() {
        title = first.text.chars().take(OPENING_WORDS_TITLE).collect();
    }
    title.push('…');
    title
}

/// A post as an importer hands it over: an id from its title where it has
/// none, and its lists cut to size (a corpus holds every one at once).
pub(crate) fn finished_post(mut post: Post) -> Post {
    if post.id.is_empty() {
        post.id = slug(&post.title).into();
    }
    post.title.shrink_to_fit();
    post.blocks.shrink_to_fit();
    post.sources.shrink_to_fit();
    post.tags.shrink_to_fit();
    post.comments.shrink_to_fit();
    post
}
