//! What stands around a label that could be a post's own line ("Jo Lee
//! says:" leading in a quotation, "Jo Lee 3 May 2019, 10:21 am" under a
//! title) and says whether it opens a comment.

use super::super::furniture::Furniture;
use super::super::paragraphs::Paragraph;
use super::ends_as_prose;
use super::label::is_comment_furniture;

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
