//! Tag lines: where a post is filed ("Categories: a, b - Tags: c, d",
//! "Posted in a | Tagged b | 3 Comments", "No tag for this post.").

use std::sync::LazyLock;

use regex::Regex;

use super::dates::is_month;
use super::headers::{COUNT, count_of};
use super::{Furniture, TagLine};

/// "Categories: a, b - Tags: c, d", "Tags: , ,", "Posted in a, b | Tagged
/// c, d | 1 Comment", "Also posted in a | Tagged | 36 Comments", "Published
/// in a | Leave a Comment", "Filed under: a", "No tag for this post."
pub(super) static TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:categories|category|(?:also\s+)?posted\s+in|published\s+in|filed\s+under)\s*:?\s*(?P<categories>[^|]*?)\s*(?:[-–—|]\s*)?)?(?:(?:tags|tagged(?:\s+with)?|labels)\s*:?\s*(?P<tags>[^|]*?))?\s*(?:[|·•]\s*(?:(?P<count>{COUNT})(?:\s+»)?|leave\s+a\s+(?:comment|reply)|comments?\s+off|[A-Za-z0-9_]+(?:\s+[A-Za-z0-9_]+)?)\s*)*$|^no\s+tags?\s+for\s+this\s+post\.?$"
    ))
    .expect("the tags pattern is valid")
});

/// A tag line's tags: the categories and tags it lists, empty names dropped.
pub(super) fn tags(line: &str) -> Option<Furniture> {
    // Both parts are optional in the pattern; a line with neither label is
    // not a tag line ("Posted in" or "Tags" must be there). That is asked
    // first: most lines have neither.
    let lower = line.to_lowercase();
    let says_none = lower.starts_with("no tag");
    let labelled = says_none
        || [
            "categories",
            "posted in",
            // "Also posted in a | Tagged | 36 Comments": the categories
            // besides the one the archive lists.
            "also posted in",
            "published in",
            "filed under",
            "tags",
            "tagged",
            "labels",
        ]
        .iter()
        .any(|label| lower.starts_with(label));
    if !labelled || line.ends_with('.') && !says_none {
        return None;
    }
    let caps = TAGS.captures(line)?;
    let categories = caps.name("categories");
    let listed = caps.name("tags");
    let tags = [categories, listed]
        .into_iter()
        .flatten()
        .flat_map(|m| before_date_or_link(m.as_str()).split(','))
        .map(|tag| tag.trim().trim_end_matches(['-', '–', '—']).trim())
        .filter(|tag| !tag.is_empty() && tag.split_whitespace().count() <= 5)
        .map(str::to_string)
        .collect();
    let comments = caps.name("count").and_then(|c| count_of(c.as_str()));
    Some(Furniture::Tags(Box::new(TagLine {
        tags,
        comments,
        links_comments: comments.is_some() || LEAVE.iter().any(|leave| lower.contains(leave)),
    })))
}

/// The links to a post's comments form that a footer prints where there
/// are no comments yet.
const LEAVE: [&str; 2] = ["leave a comment", "leave a reply"];

/// A footer's list up to the post's date ("Harbour" of "Harbour on May 4,
/// 2009 at 7:07 pm") or the link to its comments, which a theme prints
/// after the list with no bar between.
///
/// Accepts "Harbour on May 4, 2009" (gives "Harbour"), "on 4 May 2009"
/// (gives "") and "Harbour  Leave a Comment" (gives "Harbour  "); rejects
/// "Life on Mars, 2020" ("on" before no date).
fn before_date_or_link(list: &str) -> &str {
    let lower = list.to_ascii_lowercase();
    let date = lower.match_indices("on ").map(|(at, _)| at).find(|&at| {
        (at == 0 || lower.as_bytes()[at - 1] == b' ')
            && list[at + 3..]
                .split_whitespace()
                .next()
                .is_some_and(|word| {
                    let word = word.trim_end_matches([',', '.']);
                    is_month(word) || word.starts_with(|c: char| c.is_ascii_digit())
                })
    });
    let link = LEAVE.iter().filter_map(|leave| lower.find(leave)).min();
    let end = date.into_iter().chain(link).min().unwrap_or(list.len());
    &list[..end]
}
