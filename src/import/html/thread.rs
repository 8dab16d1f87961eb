//! A saved page's comment thread, from WordPress's comment markup:
//! `ol.commentlist` (or `ol.comment-list`) of `li.comment`, each with its
//! `.comment-author`, `.comment-metadata` and `.comment-content`, replies in
//! a nested `ol.children`, and a `depth-N` class.

use std::sync::LazyLock;

use scraper::{CaseSensitivity, ElementRef, Selector};

use super::{body_of, preferred, text_of};
use crate::model::Comment;

static AUTHOR: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    preferred(&[
        ".comment-author .fn",
        ".comment-author cite",
        ".comment-author",
    ])
});
static DATE: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    preferred(&[
        ".comment-metadata time",
        ".comment-meta time",
        ".comment-metadata a",
        ".commentmetadata a",
        ".comment-date",
    ])
});
static CONTENT: LazyLock<Vec<Selector>> =
    LazyLock::new(|| preferred(&[".comment-content", ".comment-text", ".comment-body"]));

/// The comments of a comment list in thread order, and the number of
/// pingbacks and trackbacks it also holds.
///
/// A comment's parent is the comment whose `.children` list holds it; in a
/// list that is flat but marked with depths, the last comment one level up.
pub fn comments(list: ElementRef<'_>) -> (Vec<Comment>, usize) {
    let mut comments = Vec::new();
    let mut depths = Vec::new();
    let mut pings = 0;
    // Lists still to read, with the comment their items answer; a stack,
    // not recursion, however deeply a page nests.
    let mut pending: Vec<(ElementRef<'_>, Option<usize>, usize)> = vec![(list, None, 0)];
    while let Some((list, list_parent, from)) = pending.pop() {
        let items: Vec<ElementRef<'_>> = list
            .child_elements()
            .filter(|e| e.value().name() == "li")
            .collect();
        for (at, item) in items.iter().enumerate().skip(from) {
            let class = |name: &str| {
                item.value()
                    .has_class(name, CaseSensitivity::AsciiCaseInsensitive)
            };
            if class("pingback") || class("trackback") {
                pings += 1;
                continue;
            }
            let depth = depth_of(*item);
            let parent = list_parent.or_else(|| {
                let depth = depth?.checked_sub(1).filter(|&d| d > 0)?;
                depths.iter().rposition(|&d| d == Some(depth))
            });
            let index = comments.len();
            comments.push(comment(*item, parent, index));
            depths.push(depth);
            let replies = item
                .child_elements()
                .filter(|e| matches!(e.value().name(), "ol" | "ul"));
            // Read the replies next, then come back for this list's rest.
            let replies: Vec<_> = replies.collect();
            if !replies.is_empty() {
                pending.push((list, list_parent, at + 1));
                for reply_list in replies.into_iter().rev() {
                    pending.push((reply_list, Some(index), 0));
                }
                break;
            }
        }
    }
    (comments, pings)
}

/// `N` of a `depth-N` class.
fn depth_of(item: ElementRef<'_>) -> Option<usize> {
    item.value()
        .classes()
        .find_map(|class| class.strip_prefix("depth-")?.parse().ok())
}

/// The first element the most preferred of `selectors` with a match finds
/// in `item` that belongs to it, not to a reply nested inside it.
fn own<'a>(item: ElementRef<'a>, selectors: &[Selector]) -> Option<ElementRef<'a>> {
    selectors.iter().find_map(|selector| {
        item.select(selector).find(|found| {
            found
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().name() == "li")
                .is_some_and(|li| li.id() == item.id())
        })
    })
}

fn comment(item: ElementRef<'_>, parent: Option<usize>, index: usize) -> Comment {
    let author = own(item, &AUTHOR).map(|a| {
        let text = text_of(a);
        text.trim_end_matches("says:").trim_end().to_string()
    });
    let date = own(item, &DATE).map(text_of);
    let body = own(item, &CONTENT).map(body_of).unwrap_or_default();
    let id = item
        .value()
        .id()
        .map(str::to_string)
        .unwrap_or_else(|| format!("c{}", index + 1));
    Comment {
        id,
        parent: parent.and_then(|p| u32::try_from(p).ok()),
        author,
        date,
        label: None,
        blocks: body.blocks,
        sources: body.sources,
    }
}
