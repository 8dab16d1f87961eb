//! What stands around a label that could be a post's own line ("Jo Lee
//! says:" leading in a quotation, "Jo Lee 3 May 2019, 10:21 am" under a
//! title) and says whether it opens a comment.

use super::super::furniture::Furniture;
use super::super::paragraphs::Paragraph;
use super::ends_as_prose;
use super::label::{is_comment_furniture, said_label};

/// How far past a label the line a thread prints under each comment is
/// looked for: a comment of up to four paragraphs.
const REPLY_REACH: usize = 6;

/// Whether a lone "Name says:" label at `i` has text under it and then, before
/// any other label, a line a thread prints under each comment ("Reply",
/// "Like", "Permalink"): a comment, though no header or other comment
/// stands near it. A lead-in is followed by its quotation and the post's
/// text, never by such a line.
///
/// Accepts "Jo Lee (not verified) says:" / "Tolls are a tax." / "Reply";
/// rejects "Jo Lee says:" / "Tolls are a tax." / "The council disagreed."
pub(super) fn reply_follows<'a>(
    all: &[Paragraph],
    is_label: impl Fn(usize) -> bool,
    i: usize,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    let text_under = all.get(i + 1).is_some_and(|p| {
        furniture_at(i + 1).is_none() && !is_label(i + 1) && !is_comment_furniture(&p.text)
    });
    text_under
        && (i + 2..all.len().min(i + REPLY_REACH))
            .take_while(|&j| !is_label(j))
            .any(|j| furniture_at(j).is_none() && is_comment_furniture(&all[j].text))
}

/// Whether a title-like line stands right above paragraph `i`: short, at
/// no list marker, not furniture, and not ending as a sentence does. A
/// byline stands under one; a comment's label under the post's text or
/// another comment's.
pub(super) fn title_above<'a>(
    all: &[Paragraph],
    i: usize,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    i.checked_sub(1).is_some_and(|above| {
        furniture_at(above).is_none()
            && !all[above].is_list_item()
            && all[above].text.len() <= 160
            && !ends_as_prose(&all[above].text)
    })
}

/// The most paragraphs of text a lone comment holds.
const LONE_COMMENT_MAX: usize = 4;

/// Whether a lone "name said..." label at `i` opens the one comment of a
/// page: the post's text ends as a sentence right above it, a few
/// paragraphs of text follow it, and then the page's comment furniture: a
/// reply form's header ("Post a Comment", "Leave a Reply") or a line a
/// thread prints under each comment ("Reply", "Delete"). A lead-in ("the
/// minister said...") goes on with its quotation, which opens on a
/// quotation mark or sits indented as a block quote, and then with more of
/// the post or the page's end.
///
/// Accepts "…squeamish about polls?" / "basil said..." / "I guess so." /
/// "Post a Comment", and "tide_watcher said..." / "I guess so." at the
/// page's end (a handle, [`is_handle_said`]); rejects "…as he put it." /
/// "the minister said..." / "“We will not move.”" / "Post a Comment" (a
/// quotation), and "the minister said..." / "Tolls are a tax." at the
/// page's end.
pub(super) fn comment_before_reply_form<'a>(
    all: &[Paragraph],
    i: usize,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    let post_ends_above = i
        .checked_sub(1)
        .is_some_and(|above| furniture_at(above).is_none() && ends_as_prose(&all[above].text));
    let Some(opening) = all.get(i + 1).filter(|_| furniture_at(i + 1).is_none()) else {
        return false;
    };
    let quoted = opening.indent() > all[i].indent()
        || opening.is_list_item()
        || opening
            .text
            .starts_with(['"', '“', '„', '«', '\'', '‘', '>']);
    if !post_ends_above || quoted {
        return false;
    }
    let Some(end) = (i + 2..all.len().min(i + 2 + LONE_COMMENT_MAX))
        .find(|&j| furniture_at(j).is_some() || is_comment_furniture(&all[j].text))
    else {
        // No reply form: the page ends within a comment's reach of a
        // handle's label, which no post's text leads a quotation in with.
        return all.len() <= i + 2 + LONE_COMMENT_MAX && is_handle_said(&all[i].text);
    };
    matches!(furniture_at(end), Some(Furniture::CommentsHeader { .. }))
        || is_comment_furniture(&all[end].text)
}

/// Whether a "said..." label names a handle: one word with a digit or an
/// underscore in it ("G6 said...", "tide_watcher said..."), a name a
/// commenter signs with and no post's text leads a quotation in with.
///
/// Accepts those; rejects "Jo said..." and "the minister said...".
fn is_handle_said(text: &str) -> bool {
    said_label(text)
        .and_then(|found| found.author)
        .is_some_and(|name| {
            !name.contains(char::is_whitespace)
                && name.chars().any(|c| c.is_ascii_digit() || c == '_')
        })
}
