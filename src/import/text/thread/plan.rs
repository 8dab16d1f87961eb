//! Reading a thread's paragraphs as comments: where each comment starts,
//! who wrote it, when, and which comment it answers.

use rustc_hash::FxHashMap as HashMap;

use super::super::furniture::{self, Byline, Furniture, looks_like_name, says_comments_closed};
use super::closing::closing_lines;
use super::counted::items_one_each;
use super::label::{
    Label, is_blank_subject, is_comment_furniture, is_display_name, numbered_label, thread_label,
};
use super::name_lines::{name_line_over_text, recurring_in_thread};

/// One paragraph of a thread, as [`plan`] reads it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Item<'a> {
    pub text: &'a str,
    pub marker: Option<char>,
    pub indent: u16,
    pub furniture: Option<&'a Furniture>,
    /// A wider gap than the page's usual one comes before it.
    pub after_wide_gap: bool,
    /// No blank line comes before it: it is glued to the line above.
    pub glued_above: bool,
    /// The archive's walk put it in a thread ([`super::comment_paragraphs`]).
    pub in_thread: bool,
}

/// One comment as [`plan`] finds it: its label, parent and the items that
/// hold its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Planned {
    pub author: Option<String>,
    /// The time the label gives.
    pub date: Option<String>,
    /// Index into the items of the comment's time, where a line of its own
    /// gives it (the caller owns that text, and moves it).
    pub date_at: Option<usize>,
    pub label: Option<String>,
    pub parent: Option<usize>,
    /// The comment's first text is the item whose list marker opened it: the
    /// marker is the comment's, not a list's in its text.
    pub opened_by_marker: bool,
    /// Bytes of the first text item that are its label, not its text: "Jo
    /// Lee: " of "Jo Lee: Quite right." ([`name_before_text`]).
    pub text_from: usize,
    /// Indices into the items of the comment's text, in order.
    pub text: Vec<usize>,
}

/// How a thread's comments are opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// By a name with a position or a speech verb ("Rangi 1.2", "Rangi says:").
    Named,
    /// By a name on its own line followed by the comment's time.
    Dated,
    /// By a list marker: with the text straight after it, or with only the
    /// commenter's name after it and the text indented below (`names`), or
    /// with the name and a colon before the text (`prefixed`).
    Marker { names: bool, prefixed: bool },
    /// Not at all: each comment is closed by a line of its own after its
    /// text (its time, a byline, "Liked by 2 people"), and the next starts
    /// after it.
    Closed,
    /// By a wider gap than the page's usual one, or a name on a line of its
    /// own with the text below; the first comment by the thread's start.
    Gapped,
    /// By a block of lines about its author, found from what the archive
    /// repeats ([`Furniture::AuthorBlock`]): the block names the author and
    /// dates the comment, and nothing else opens one.
    Blocks,
}

/// The comments of a thread, from the items that follow a post's text.
/// Items before the first comment (a form, "Comments are closed") are
/// left out, and so is everything after a second header ("Leave a Reply")
/// until another comment starts.
pub fn plan(items: &[Item<'_>]) -> Vec<Planned> {
    let labels: Vec<Option<Label<'_>>> = items
        .iter()
        .map(|item| {
            item.furniture
                .is_none()
                .then(|| thread_label(item.text))
                .flatten()
        })
        .collect();
    let Some(opening) = opening(items, &labels) else {
        // No labels, no markers, no times: a form, or text of a shape this
        // reader does not know. No comments either way.
        return Vec::new();
    };
    let repeated = repeated_furniture(items, &labels);
    // Under a header that counts them, a paragraph each.
    let one_each = opening == Opening::Gapped && items_one_each(items);
    let recurring = if opening == Opening::Gapped {
        recurring_in_thread(items)
    } else {
        HashMap::default()
    };
    // Without labels, the line the thread prints after every comment
    // closes it, and the next text opens another.
    let closings = if opening == Opening::Gapped {
        closing_lines(
            items.len(),
            |i| items[i].text,
            |i| items[i].furniture.is_some(),
        )
    } else {
        Vec::new()
    };
    // Where named labels sit behind list markers, a marker at the same
    // place without a name is a comment whose name the page left out.
    let label_places: Vec<(char, u16)> = items
        .iter()
        .zip(&labels)
        .filter(|(_, label)| label.is_some())
        .filter_map(|(item, _)| item.marker.map(|m| (m, item.indent)))
        .collect();
    // Where every label after the first is glued to the comment above it,
    // labels alone part the comments, and a wider gap is a break between
    // paragraphs of one comment.
    let labels_glued = {
        let mut later = items
            .iter()
            .zip(&labels)
            .filter(|(_, label)| label.is_some())
            .skip(1)
            .peekable();
        later.peek().is_some() && later.all(|(item, _)| item.glued_above)
    };
    // Sized for a comment a label: the list grew by copying otherwise, and
    // a long thread's list is large.
    let mut comments: Vec<Planned> =
        Vec::with_capacity(labels.iter().filter(|label| label.is_some()).count());
    // For each comment: how deep its label sits, to find parents by.
    let mut nesting: Vec<(u16, usize)> = Vec::new();
    let mut marker_ranks: Vec<char> = Vec::new();
    let mut first_marked: Option<bool> = None;
    // A list item that holds only the comment's number ("4." then "4"), with
    // the label on the next line: where the comment sits, and its number.
    let mut numbered: Option<(&Item<'_>, &str)> = None;
    // Where names over the comments' times sit behind list markers.
    let dated_places: Vec<(char, u16)> = if opening == Opening::Dated {
        (0..items.len())
            .filter(|&i| dated_label(items, i).is_some())
            .filter_map(|i| items[i].marker.map(|m| (m, items[i].indent)))
            .collect()
    } else {
        Vec::new()
    };
    // The item of a nameless comment's time that opened it.
    let mut nameless_date = None;
    let mut open = false;
    // The stamp whose name line above it opened the comment: read already.
    let mut stamp_read = None;
    for (i, item) in items.iter().enumerate() {
        if stamp_read == Some(i) {
            continue;
        }
        if opening == Opening::Blocks
            && let Some(Furniture::AuthorBlock {
                head: Some(head),
                opens_comment: true,
                ..
            }) = item.furniture
        {
            comments.push(Planned {
                author: head.author.clone(),
                date: head.date.clone(),
                ..Planned::default()
            });
            open = true;
            continue;
        }
        if opening == Opening::Closed {
            close_or_continue(&mut comments, &mut open, item, i, repeated[i]);
            continue;
        }
        if closings.binary_search(&i).is_ok() {
            open = false;
            continue;
        }
        if opening == Opening::Named && is_number_item(item) {
            numbered = Some((item, item.text));
            continue;
        }
        // Bytes of the paragraph that name the comment it opens.
        let mut text_from = 0;
        // What opens a comment here, and whether the paragraph is also its
        // first text (a bare marker) rather than a label.
        let bare = || {
            Some((
                Label {
                    author: None,
                    position: None,
                    date: None,
                },
                true,
            ))
        };
        let at_label_place = item.furniture.is_none()
            && item
                .marker
                .is_some_and(|m| label_places.contains(&(m, item.indent)));
        let name_only = |name| Label {
            author: Some(name),
            position: None,
            date: None,
        };
        let after_number = || {
            numbered
                .filter(|_| item.furniture.is_none())
                .and_then(|_| numbered_label(item.text))
        };
        let starts = match opening {
            // A list item where the thread's labels stand that holds only a
            // name and a speech verb is a label whatever the display name
            // ("4. jeffrey roe says:").
            Opening::Named => match labels[i]
                .or_else(|| {
                    let label = name_over_stamp(items, &labels, i)?;
                    stamp_read = Some(i + 1);
                    Some(label)
                })
                .or_else(after_number)
                .or_else(|| at_label_place.then(|| numbered_label(item.text)).flatten())
            {
                Some(label) => Some((label, false)),
                None if item.marker.is_some()
                    && item.text.len() <= 30
                    && looks_like_name(item.text) =>
                {
                    Some((name_only(item.text), false))
                }
                None if at_label_place => bare(),
                // Labels at the margin, a wide gap after a comment's text:
                // a comment whose label the page left out.
                None if item.after_wide_gap
                    && !labels_glued
                    && item.in_thread
                    && item.furniture.is_none()
                    && item.marker.is_none()
                    && item.indent == 0
                    && label_places.is_empty()
                    && open
                    && comments.last().is_some_and(|c| !c.text.is_empty()) =>
                {
                    bare()
                }
                None => None,
            },
            Opening::Dated => match dated_label(items, i) {
                Some((name, number)) => {
                    numbered = number.map(|n| (item, n));
                    Some((name_only(name), false))
                }
                None if let Some(name) = any_name_over_time(items, i, &dated_places) => {
                    Some((name_only(name), false))
                }
                // "2. March 27, 2020 at 1:58 am" where the other comments'
                // names stand: a comment whose name the page left out.
                None if matches!(item.furniture, Some(Furniture::Date(_)))
                    && item
                        .marker
                        .is_some_and(|m| dated_places.contains(&(m, item.indent))) =>
                {
                    nameless_date = Some(i);
                    Some((
                        Label {
                            author: None,
                            position: None,
                            date: None,
                        },
                        false,
                    ))
                }
                None => None,
            },
            Opening::Marker { names, prefixed }
                if item.marker.is_some() && item.furniture.is_none() =>
            {
                match name_on_marker_over_text(items, i).filter(|_| names) {
                    Some(name) => {
                        let (author, date) = name_then_date(name);
                        Some((
                            Label {
                                author: Some(author),
                                position: None,
                                date,
                            },
                            false,
                        ))
                    }
                    None => match name_before_text(item.text).filter(|_| prefixed) {
                        Some((name, from)) => {
                            text_from = from;
                            Some((name_only(name), true))
                        }
                        None => bare(),
                    },
                }
            }
            Opening::Gapped if item.in_thread && item.furniture.is_none() => {
                // A name line just opened a comment: this is its text.
                let awaiting_text = open && comments.last().is_some_and(|c| c.text.is_empty());
                if one_each {
                    bare()
                } else if let Some(name) = name_over_text(items, i).or_else(|| {
                    name_line_over_text(items, i, &recurring).filter(|_| !awaiting_text)
                }) {
                    Some((name_only(name), false))
                } else if repeated[i] || awaiting_text || is_comment_furniture(item.text) {
                    None
                } else if !open || (item.after_wide_gap && !after_lead_in(items, i)) {
                    bare()
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some((label, bare)) = starts {
            // A number on the line before the label says where the comment
            // sits; the label may be indented as its text is.
            let (placed, number) = match numbered.take() {
                Some((number_item, number)) => (number_item, Some(number)),
                None => (item, None),
            };
            // Where the thread's first comment sits behind a marker, a
            // label behind none is a reply: themes number the comments
            // and print the replies under them unnumbered.
            let marked_thread = *first_marked.get_or_insert(placed.marker.is_some());
            let marker = placed.marker.or(marked_thread.then_some(UNMARKED));
            let rank = marker.map_or(0, |m| {
                marker_ranks
                    .iter()
                    .position(|&r| r == m)
                    .unwrap_or_else(|| {
                        marker_ranks.push(m);
                        marker_ranks.len() - 1
                    })
            });
            let depth_key = (placed.indent, rank);
            let parent = parent_by_position(&comments, label.position)
                .or_else(|| parent_by_depth(&nesting, depth_key, &label));
            nesting.push(depth_key);
            comments.push(Planned {
                author: label.author.map(str::to_string),
                date: label.date.map(str::to_string),
                label: label.position.or(number).map(str::to_string),
                parent,
                date_at: nameless_date.take(),
                opened_by_marker: bare && item.marker.is_some(),
                text_from,
                text: if bare { vec![i] } else { Vec::new() },
            });
            open = true;
            continue;
        }
        let Some(current) = comments.last_mut().filter(|_| open) else {
            continue;
        };
        match item.furniture {
            Some(Furniture::Date(_)) => {
                if current.date.is_none() {
                    current.date_at.get_or_insert(i);
                }
            }
            Some(Furniture::Byline(byline)) => signed(current, byline, item.text),
            Some(Furniture::CommentsHeader { .. }) => open = false,
            // What follows the notice that comments are closed is the
            // page's, not the last comment's.
            Some(Furniture::PageChrome) if says_comments_closed(item.text) => open = false,
            Some(_) => {}
            // The pattern last: a thread's own furniture is mostly lines
            // it repeats ("Reply"), found already.
            None if repeated[i] || is_comment_furniture(item.text) => {}
            None if is_bare_time(item.text) => {
                current.date.get_or_insert_with(|| item.text.to_string());
            }
            None if current.text.is_empty() && is_blank_subject(item.text) => {}
            None => current.text.push(i),
        }
    }
    without_avatar_words(&mut comments);
    without_doubled_names(&mut comments);
    comments
}

/// How the thread's comments open, from the first kind of label it shows.
fn opening(items: &[Item<'_>], labels: &[Option<Label<'_>>]) -> Option<Opening> {
    let markers = || {
        items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.marker.is_some() && item.furniture.is_none())
    };
    if items.iter().any(|item| {
        matches!(
            item.furniture,
            Some(Furniture::AuthorBlock {
                opens_comment: true,
                ..
            })
        )
    }) {
        Some(Opening::Blocks)
    } else if labels.iter().any(Option::is_some) {
        Some(Opening::Named)
    } else if (0..items.len()).any(|i| dated_label(items, i).is_some()) {
        Some(Opening::Dated)
    } else if let Some((first_marker, _)) = markers().next()
        && !items[..first_marker]
            .iter()
            .any(|item| item.furniture.is_none() && closes_comment(item.text))
    {
        // Names on the markers, when most of them hold one; names before
        // the text, when two or more and half of them do.
        let (all, named, prefixed) =
            markers().fold((0, 0, 0), |(all, named, prefixed), (i, item)| {
                (
                    all + 1,
                    named + usize::from(name_on_marker_over_text(items, i).is_some()),
                    prefixed + usize::from(name_before_text(item.text).is_some()),
                )
            });
        Some(Opening::Marker {
            names: named * 3 >= all * 2,
            prefixed: prefixed >= 2 && prefixed * 2 >= all,
        })
    } else if items.iter().any(|item| {
        matches!(
            item.furniture,
            Some(Furniture::Date(_) | Furniture::Byline(_))
        ) || closes_comment(item.text)
    }) {
        Some(Opening::Closed)
    } else if items.iter().any(|item| item.in_thread) {
        Some(Opening::Gapped)
    } else {
        None
    }
}

/// One step of a thread whose comments are closed by a line of their own:
/// a time, a byline or a likes line closes the open comment, text opens one
/// or goes on with it.
fn close_or_continue(
    comments: &mut Vec<Planned>,
    open: &mut bool,
    item: &Item<'_>,
    i: usize,
    repeated: bool,
) {
    let current = comments.last_mut().filter(|_| *open);
    match item.furniture {
        Some(Furniture::Date(_)) => {
            if let Some(comment) = current {
                comment.date_at = Some(i);
            }
            *open = false;
        }
        Some(Furniture::Byline(byline)) => {
            if let Some(comment) = current {
                signed(comment, byline, item.text);
            }
            *open = false;
        }
        Some(_) => {}
        None if closes_comment(item.text) => *open = false,
        None if repeated || is_comment_furniture(item.text) => {}
        None => match current {
            Some(comment) => comment.text.push(i),
            None => {
                comments.push(Planned {
                    text: vec![i],
                    ..Planned::default()
                });
                *open = true;
            }
        },
    }
}

/// A byline after a comment's text ("Posted by jroe | May 4, 2010, 10:17")
/// names its author and time where its label did not.
///
/// A byline that gives only the time of day ("By Jo Lee, at 2:08 AM")
/// gives the comment that time: all the page says of when it was written.
fn signed(comment: &mut Planned, byline: &Byline, text: &str) {
    if comment.author.is_none() {
        comment.author.clone_from(&byline.author);
    }
    if comment.date.is_none() && comment.date_at.is_none() {
        comment.date.clone_from(&byline.date);
    }
    if comment.date.is_none() && comment.date_at.is_none() {
        comment.date = text
            .rsplit_once(" at ")
            .map(|(_, time)| time.trim())
            .filter(|time| is_bare_time(time))
            .map(str::to_string);
    }
}

/// A line a platform prints under every comment and under nothing else, so
/// that it closes one: the likes line of WordPress.com ("LikeLiked by 2
/// people", "Liked by 1 person"), Substack's "Expand full comment" and
/// Blogger's "ReplyDelete" (its reply and delete buttons run together).
///
/// Accepts "Liked by 1 person", "Expand full comment"; rejects "Reply"
/// (printed under a post's teaser as well as under a comment) and "Liked
/// by everyone who read it, the budget passed." (a sentence).
pub(super) fn closes_comment(text: &str) -> bool {
    let lower = |prefix: &str| {
        text.len() >= prefix.len()
            && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    let whole = |line: &str| text.eq_ignore_ascii_case(line);
    text.len() <= 40
        && (lower("liked by ")
            || lower("likeliked by ")
            || whole("expand full comment")
            || whole("replydelete"))
}

/// "8:00 AM", "12:18 am": a time alone on its line, as Blogger prints it
/// under a comment.
pub(super) fn is_bare_time(text: &str) -> bool {
    // The longest is "12:18 p.m.": a byte test before anything is split.
    if text.len() > 10 || !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let Some((hours, rest)) = text.split_once([':', '.']) else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = rest[digits..].trim();
    (1..=2).contains(&hours.len())
        && hours.bytes().all(|b| b.is_ascii_digit())
        && digits == 2
        && ["", "am", "pm", "a.m.", "p.m."]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(suffix))
}

/// The name and colon a comment's text opens with on its bullet ("Pell
/// Arden: The weather is always the reason."): a name of up to four words
/// ([`looks_like_name`]) in the line's first forty bytes, a colon, white
/// space and text. The name, and where the text after it starts. Read only
/// where two or more bullets of a thread open so.
///
/// Accepts "Pell Arden: Fair, but the delay is theirs."; rejects "12:30 the
/// boat left" (no name), "Note:" (no text) and "See https://x.org" (no
/// space after the colon).
fn name_before_text(text: &str) -> Option<(&str, usize)> {
    let head = &text.as_bytes()[..text.len().min(41)];
    let colon = memchr::memchr(b':', head)?;
    let name = &text[..colon];
    let rest = &text[colon + 1..];
    let from = text.len() - rest.trim_start().len();
    (rest.starts_with(char::is_whitespace)
        && from < text.len()
        && name.trim() == name
        && looks_like_name(name)
        && !name.bytes().all(|b| b.is_ascii_digit()))
    .then_some((name, from))
}

/// A list item that holds only a number: the comment's number printed again
/// before its label ("4." then "4" then "jroe says:").
fn is_number_item(item: &Item<'_>) -> bool {
    item.marker.is_some()
        && item.furniture.is_none()
        && (1..=4).contains(&item.text.len())
        && item.text.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the item before `i` leads in what follows ("The minister
/// said:"): a wider gap after it sets a quotation apart inside the same
/// comment rather than parting two comments.
///
/// Accepts "Here is what he wrote:" before "Tolls will rise."; rejects
/// "Tolls are a tax." before it.
fn after_lead_in(items: &[Item<'_>], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|p| items[p].furniture.is_none() && items[p].text.ends_with(':'))
}

/// A name and nothing else: no sentence ("Strongly." is not a name).
fn is_bare_name(text: &str) -> bool {
    text.len() <= 40 && !text.ends_with(['.', '!', '?', ':']) && looks_like_name(text)
}

/// The name in a line that holds only a commenter's name, perhaps after the
/// comment's number and before a pointer: "Jane Roe", "Jane Roe »",
/// "3 Jane Roe". With the number, if there is one.
pub(super) fn name_in_label(text: &str) -> Option<(&str, Option<&str>)> {
    let text = text.trim_end_matches(['»', '›', ':', ' ']);
    let (number, name) = match text.split_once(' ') {
        Some((first, rest))
            if (1..=4).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (Some(first), rest)
        }
        _ => (None, text),
    };
    is_bare_name(name).then_some((name, number))
}

/// A name alone on its line, or a byline of a name alone ("by Tanya"),
/// over a comment's stamp that gives no name ("fern_owl" over "2009-03-04
/// 05:12 pm (UTC)", as Dreamwidth prints them; "by Tanya" over "On March
/// 3, 2011 at 9:12 am"): the comment's label, with the name and the
/// stamp's time.
///
/// Accepts "fern_owl" / "2009-03-04 05:12 pm (UTC)" and "1. by Tanya" /
/// "On March 3, 2011 at 9:12 am"; rejects "Tolls are a tax." over the same
/// stamp (no name) and "fern_owl" over "jo_b on March 4th, 2009 05:12 pm
/// (UTC)" (the stamp names its own commenter).
fn name_over_stamp<'a>(
    items: &[Item<'a>],
    labels: &[Option<Label<'a>>],
    i: usize,
) -> Option<Label<'a>> {
    let item = &items[i];
    let stamp = labels.get(i + 1).copied().flatten()?;
    if stamp.author.is_some() || stamp.date.is_none() {
        return None;
    }
    let name = match item.furniture {
        None if item.marker.is_none() => name_in_label(item.text)
            .map(|(name, _)| name)
            .or_else(|| name_after_field(item.text))?,
        Some(Furniture::Byline(byline)) if byline.date.is_none() && byline.comments.is_none() => {
            let (_, name) = item.text.split_once(' ')?;
            (Some(name) == byline.author.as_deref()).then_some(name)?
        }
        _ => return None,
    };
    Some(Label {
        author: Some(name),
        position: None,
        date: stamp.date,
    })
}

/// A name behind the field that names a comment's writer, as journals
/// print a header over each comment ("From: fern_owl", "User: jo_b"),
/// perhaps after the bracketed alternative text of the writer's picture
/// ("[User Picture]From: fern_owl"). Asked only of a line over a stamp.
///
/// Accepts those; rejects "From: the minister's office" (no name) and
/// "Subject: fern_owl" (no field that names a writer).
pub(super) fn name_after_field(text: &str) -> Option<&str> {
    const FIELDS: [&str; 5] = ["from:", "user:", "name:", "author:", "by:"];
    let text = match text.strip_prefix('[').and_then(|rest| rest.split_once(']')) {
        Some((picture, rest)) if picture.len() <= 30 => rest,
        _ => text,
    };
    let field = FIELDS.iter().find(|field| {
        text.get(..field.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(field))
    })?;
    let name = text[field.len()..].trim();
    is_bare_name(name).then_some(name)
}

/// A name alone on its line with the comment's time right after it: the
/// name, and the comment's number where the line gives one.
fn dated_label<'a>(items: &[Item<'a>], i: usize) -> Option<(&'a str, Option<&'a str>)> {
    let item = &items[i];
    if item.furniture.is_some()
        || !items
            .get(i + 1)
            .is_some_and(|next| matches!(next.furniture, Some(Furniture::Date(_))))
    {
        return None;
    }
    name_in_label(item.text)
}

/// A list item glued over its time where the thread's other names stand
/// behind the same markers (`dated_places`): a name whatever words the
/// commenter chose.
///
/// Accepts "1. john in leeds" over "June 4, 2019 at 8:15 am" where "3.
/// PeteR" over a time stands too; rejects it where no other item names
/// its commenter, and "Same here, honestly." (a sentence).
fn any_name_over_time<'a>(
    items: &[Item<'a>],
    i: usize,
    dated_places: &[(char, u16)],
) -> Option<&'a str> {
    let item = &items[i];
    let glued_below = items
        .get(i + 1)
        .is_some_and(|next| next.glued_above && matches!(next.furniture, Some(Furniture::Date(_))));
    (item.furniture.is_none()
        && glued_below
        && item
            .marker
            .is_some_and(|m| dated_places.contains(&(m, item.indent)))
        && is_display_name(item.text))
    .then_some(item.text)
}

/// A name alone on its line with the comment's text below it, indented
/// deeper where the name sits behind a list marker: the name.
fn name_over_text<'a>(items: &[Item<'a>], i: usize) -> Option<&'a str> {
    text_below(items, i)
        .then(|| name_in_label(items[i].text).map(|(name, _)| name))
        .flatten()
}

/// [`name_over_text`], or behind a list marker any display name over its
/// indented text ("1. Diane from Kennewick WA"): read only where most of
/// a thread's markers hold such a line.
fn name_on_marker_over_text<'a>(items: &[Item<'a>], i: usize) -> Option<&'a str> {
    name_over_text(items, i).or_else(|| {
        let item = &items[i];
        (item.marker.is_some() && text_below(items, i) && is_display_name(item.text))
            .then_some(item.text)
    })
}

/// A display name with the comment's date after it ("Jo Lee 2007-04-24",
/// "jo_b March 3, 2015"): the name and the date. Any other line is a name
/// alone.
fn name_then_date(text: &str) -> (&str, Option<&str>) {
    /// The most words a name takes before its date: [`looks_like_name`]'s
    /// four, printed twice ([`without_doubled_names`]).
    const NAME_WORDS: usize = 8;
    text.match_indices(' ')
        .take(NAME_WORDS)
        .map(|(at, _)| (text[..at].trim_end_matches(','), &text[at + 1..]))
        .find(|(name, date)| {
            !name.is_empty() && date.bytes().any(|b| b.is_ascii_digit()) && furniture::is_date(date)
        })
        .map_or((text, None), |(name, date)| (name, Some(date)))
}

/// Whether item `i` has the comment's text under it: no furniture, list
/// item or label, glued or at the usual gap, indented deeper where `i`
/// sits behind a list marker.
fn text_below(items: &[Item<'_>], i: usize) -> bool {
    let item = &items[i];
    items.get(i + 1).is_some_and(|next| {
        item.furniture.is_none()
            && next.furniture.is_none()
            && next.marker.is_none()
            && !next.after_wide_gap
            && (item.marker.is_none() || next.indent > item.indent)
            && name_in_label(next.text).is_none()
    })
}

/// Blogger prints each commenter's picture before the name, and a scrape
/// keeps its alternative text: "Anonymous Anonymous said...", "Blogger Jane
/// Roe said...". Where a thread's names open so (two different names
/// behind those words, "Anonymous Anonymous", or "Blogger" once), the
/// first word goes; one name printed twice, "Anonymous Coward", is a name.
fn without_avatar_words(comments: &mut [Planned]) {
    const AVATAR_WORDS: [&str; 2] = ["Anonymous ", "Blogger "];
    let prefixed = |name: &str| {
        AVATAR_WORDS
            .iter()
            .find(|w| name.starts_with(*w))
            .map(|w| w.len())
    };
    let doubled = comments
        .iter()
        .any(|c| c.author.as_deref() == Some("Anonymous Anonymous"));
    let mut prefixed_names = comments
        .iter()
        .filter_map(|c| c.author.as_deref())
        .filter(|name| prefixed(name).is_some());
    let first = prefixed_names.next();
    let different = prefixed_names.any(|name| Some(name) != first);
    // No reader takes "Blogger" for a first name: once is enough.
    let blogger = comments.iter().any(|c| {
        c.author
            .as_deref()
            .is_some_and(|name| name.starts_with("Blogger "))
    });
    if !(doubled || different || blogger) {
        return;
    }
    for comment in comments {
        if let Some(name) = comment.author.as_mut()
            && let Some(cut) = prefixed(name)
        {
            name.drain(..cut);
        }
    }
}

/// Some themes print each commenter's picture before the name with the
/// name as its alternative text, and a scrape keeps both: "Jo Lee Jo Lee".
/// Where most of a thread's readers are so named (two at least), each
/// such name is kept once; one reader so named is a name ("Sirhan
/// Sirhan").
fn without_doubled_names(comments: &mut [Planned]) {
    let half = |name: &str| -> Option<usize> {
        let words: Vec<&str> = name.split(' ').collect();
        let n = words.len();
        (n.is_multiple_of(2)
            && n > 0
            && words[..n / 2] == words[n / 2..]
            && words.iter().all(|w| !w.is_empty()))
        .then(|| words[..n / 2].iter().map(|w| w.len()).sum::<usize>() + n / 2 - 1)
    };
    // Readers, not comments: one reader who writes often is one name.
    let mut names: Vec<&str> = comments
        .iter()
        .filter_map(|c| c.author.as_deref())
        .collect();
    names.sort_unstable();
    names.dedup();
    let doubled = names.iter().filter(|name| half(name).is_some()).count();
    if doubled < 2 || doubled * 2 <= names.len() {
        return;
    }
    for comment in comments {
        if let Some(name) = comment.author.as_mut()
            && let Some(cut) = half(name)
        {
            name.truncate(cut);
        }
    }
}

/// What stands for "no marker" among a thread's marker ranks where its
/// first comment had one: no list marker is a control character.
const UNMARKED: char = '\0';

/// The comment a dotted position answers: the latest one labelled with the
/// position less its last part ("1.2.1" answers "1.2").
fn parent_by_position(comments: &[Planned], position: Option<&str>) -> Option<usize> {
    let (parent, _) = position?.rsplit_once('.')?;
    comments
        .iter()
        .rposition(|c| c.label.as_deref() == Some(parent))
}

/// The comment a label answers by how deep it sits: the latest comment
/// indented less (or, at the same indentation, with a marker first seen
/// earlier). A top-level position ("3") has no parent.
fn parent_by_depth(
    nesting: &[(u16, usize)],
    depth: (u16, usize),
    label: &Label<'_>,
) -> Option<usize> {
    if label.position.is_some_and(|p| !p.contains('.')) {
        return None;
    }
    nesting.iter().rposition(|&earlier| earlier < depth)
}

/// Short lines that the thread repeats word for word, at least three
/// times, each closing a comment's text rather than being all of it:
/// the thread's own furniture ("Vote up", "Flag as inappropriate").
fn repeated_furniture(items: &[Item<'_>], labels: &[Option<Label<'_>>]) -> Vec<bool> {
    let mut seen: HashMap<&str, (usize, usize)> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        if item.furniture.is_some() || labels[i].is_some() || item.text.len() > 30 {
            continue;
        }
        let after_label = i
            .checked_sub(1)
            .is_some_and(|p| labels[p].is_some() || items[p].furniture.is_some());
        let entry = seen.entry(item.text).or_default();
        entry.0 += 1;
        if !after_label {
            entry.1 += 1;
        }
    }
    // Only short lines were counted: a comment's text is not hashed again.
    items
        .iter()
        .map(|item| {
            item.text.len() <= 30
                && seen
                    .get(item.text)
                    .is_some_and(|&(count, closing)| count >= 3 && closing * 3 >= count * 2)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::super::furniture;
    use super::*;

    #[test]
    fn a_field_that_names_a_writer_gives_the_name_behind_it() {
        assert_eq!(name_after_field("From: fern_owl"), Some("fern_owl"));
        assert_eq!(name_after_field("user:  jo_b"), Some("jo_b"));
        assert_eq!(
            name_after_field("[User Picture]From: fern_owl"),
            Some("fern_owl")
        );
        assert_eq!(name_after_field("From: the minister's office."), None);
        assert_eq!(name_after_field("Subject: fern_owl"), None);
        assert_eq!(name_after_field("fern_owl"), None);
    }

    #[test]
    fn a_name_and_a_colon_before_a_bullets_text_name_its_comment() {
        assert_eq!(
            name_before_text("Pell Arden: Fair, but the delay is theirs."),
            Some(("Pell Arden", 12))
        );
        assert_eq!(name_before_text("12:30 the boat left"), None);
        assert_eq!(name_before_text("Note:"), None);
        assert_eq!(name_before_text("See https://x.org"), None);
        assert_eq!(name_before_text("the tolls went up: again"), None);
    }

    #[test]
    fn bullets_with_names_before_their_text_open_named_comments() {
        let items = [
            item(
                "Pell Arden: The weather is always the reason.",
                2,
                Some('•'),
            ),
            item("Corrin Vale: The quote went up first.", 2, Some('•')),
            item("Nobody came to the meeting.", 2, Some('•')),
        ];
        let planned = plan(&items);
        assert_eq!(
            authors(&planned),
            [Some("Pell Arden"), Some("Corrin Vale"), None]
        );
        let from: Vec<usize> = planned.iter().map(|c| c.text_from).collect();
        assert_eq!(from, [12, 13, 0]);
        // One bullet so named among three is a list's, not the thread's.
        let once = [
            item(
                "Pell Arden: The weather is always the reason.",
                2,
                Some('•'),
            ),
            item("The quote went up first.", 2, Some('•')),
            item("Nobody came to the meeting.", 2, Some('•')),
        ];
        assert_eq!(authors(&plan(&once)), [None, None, None]);
    }

    #[test]
    fn bare_times_are_short_lines_of_a_time_alone() {
        for time in ["8:00 AM", "12:18 pm", "9.05 p.m.", "23:59"] {
            assert!(is_bare_time(time), "{time}");
        }
        for not_a_time in [
            "8:0 AM",
            "123:00",
            "8:00 tonight",
            "12.5 per cent of voters said so.",
            "At 8:00 AM",
        ] {
            assert!(!is_bare_time(not_a_time), "{not_a_time}");
        }
    }

    #[test]
    fn names_printed_twice_are_kept_once_where_most_are_so_printed() {
        let named = |names: &[&str]| -> Vec<Planned> {
            names
                .iter()
                .map(|name| Planned {
                    author: Some((*name).to_string()),
                    ..Planned::default()
                })
                .collect()
        };
        let mut doubled = named(&["Jo Lee Jo Lee", "kiri kiri", "Old Ben"]);
        without_doubled_names(&mut doubled);
        assert_eq!(
            authors(&doubled),
            [Some("Jo Lee"), Some("kiri"), Some("Old Ben")]
        );
        let mut once = named(&["Sirhan Sirhan", "kiri", "Old Ben"]);
        without_doubled_names(&mut once);
        assert_eq!(
            authors(&once),
            [Some("Sirhan Sirhan"), Some("kiri"), Some("Old Ben")]
        );
        assert_eq!(
            name_then_date("Jo Lee 2007-04-24"),
            ("Jo Lee", Some("2007-04-24"))
        );
        assert_eq!(
            name_then_date("Jo Lee from Leeds"),
            ("Jo Lee from Leeds", None)
        );
    }

    #[test]
    fn a_speech_label_where_the_labels_stand_takes_any_display_name() {
        let items = [
            item("Jo Lee says:", 2, Some('1')),
            item("Tolls are a tax.", 4, None),
            item("quiet reader says:", 2, Some('1')),
            item("Nobody asked.", 4, None),
        ];
        let planned = plan(&items);
        assert_eq!(authors(&planned), [Some("Jo Lee"), Some("quiet reader")]);
        assert_eq!(
            texts(&planned, &items),
            [["Tolls are a tax."], ["Nobody asked."]]
        );
    }

    fn item(text: &'static str, indent: u16, marker: Option<char>) -> Item<'static> {
        Item {
            text,
            marker,
            indent,
            in_thread: true,
            ..Item::default()
        }
    }

    fn parents(planned: &[Planned]) -> Vec<Option<usize>> {
        planned.iter().map(|c| c.parent).collect()
    }

    #[test]
    fn dotted_positions_give_parents_even_when_flattened() {
        // Depth 6 printed at the indentation of depth 5.
        let items = [
            item("ann 1", 2, Some('1')),
            item("First.", 4, None),
            item("bob 1.1", 4, Some('•')),
            item("Second.", 6, None),
            item("cy 1.1.1", 6, Some('•')),
            item("ann 1.1.1.1", 8, Some('•')),
            item("bob 1.1.1.1.1", 10, Some('•')),
            item("cy 1.1.1.1.1.1", 10, Some('•')),
            item("Deep.", 12, None),
            item("Reply", 12, None),
            item("dee 2", 2, Some('1')),
        ];
        let planned = plan(&items);
        assert_eq!(
            parents(&planned),
            [None, Some(0), Some(1), Some(2), Some(3), Some(4), None]
        );
        assert_eq!(planned[5].text, [8]);
        assert!(planned[2].text.is_empty(), "an empty comment");
    }

    #[test]
    fn without_positions_indentation_gives_parents() {
        let items = [
            item("Ann writes first.", 2, Some('•')),
            item("First.", 4, None),
            item("Bob answers.", 4, Some('•')),
            item("Second.", 6, None),
            item("Cy has the last word.", 2, Some('•')),
        ];
        // Named labels need a position or a verb: these are bare markers.
        let planned = plan(&items);
        assert_eq!(parents(&planned), [None, Some(0), None]);
        assert_eq!(planned[0].author, None);
        assert_eq!(planned[0].text, [0, 1]);
    }

    #[test]
    fn markers_that_hold_only_names_label_the_text_indented_below() {
        let items = [
            item("ann", 2, Some('•')),
            item("First.", 4, None),
            item("Bob Jones »", 4, Some('•')),
            item("Second.", 6, None),
            item("cy", 2, Some('•')),
            item("Third.", 4, None),
        ];
        let planned = plan(&items);
        assert_eq!(parents(&planned), [None, Some(0), None]);
        let authors: Vec<Option<&str>> = planned.iter().map(|c| c.author.as_deref()).collect();
        assert_eq!(authors, [Some("ann"), Some("Bob Jones"), Some("cy")]);
        assert_eq!(planned[1].text, [3]);
        // A one-word comment with nothing under it is text, not a name.
        let items = [
            item("Agreed", 2, Some('1')),
            item("I doubt the minister read the report.", 2, Some('1')),
        ];
        let planned = plan(&items);
        assert!(planned.iter().all(|c| c.author.is_none()));
        assert_eq!(planned[0].text, [0]);
    }

    #[test]
    fn without_indentation_marker_nesting_gives_parents() {
        let items = [
            item("First comment here.", 0, Some('1')),
            item("A reply to it.", 0, Some('◦')),
            item("Another reply.", 0, Some('◦')),
            item("Second comment.", 0, Some('1')),
        ];
        assert_eq!(parents(&plan(&items)), [None, Some(0), Some(0), None]);
    }

    #[test]
    fn under_numbered_comments_a_label_behind_no_marker_is_a_reply() {
        let items = [
            item("ann - May 4, 2019", 0, Some('1')),
            item("First.", 0, None),
            item("bob - May 4, 2019", 0, None),
            item("A reply.", 0, None),
            item("cy - May 5, 2019", 0, Some('1')),
            item("Second.", 0, None),
        ];
        assert_eq!(parents(&plan(&items)), [None, Some(0), None]);
        // Where the first comment has no marker, none is a reply.
        let unnumbered = [&items[2..4], &items[..2]].concat();
        assert_eq!(parents(&plan(&unnumbered)), [None, None]);
    }

    #[test]
    fn dated_names_open_comments_and_their_time_is_the_date() {
        let date = furniture::recognise("June 10, 2022 at 6:42 am").expect("a date");
        let items = [
            item("Jane Doe", 0, None),
            Item {
                furniture: Some(&date),
                ..item("June 10, 2022 at 6:42 am", 0, None)
            },
            item("Good point.", 0, None),
            item("Reply", 0, None),
        ];
        let planned = plan(&items);
        assert_eq!(planned.len(), 1);
        assert_eq!(planned[0].author.as_deref(), Some("Jane Doe"));
        assert_eq!(planned[0].date_at, Some(1));
        assert_eq!(planned[0].text, [2]);
    }

    #[test]
    fn a_marker_over_its_time_holds_any_name_only_where_other_names_stand_so() {
        let date = furniture::recognise("June 4, 2019 at 8:15 am").expect("a date");
        let stamp = |text| Item {
            furniture: Some(&date),
            glued_above: true,
            ..item(text, 4, None)
        };
        // "1. gran on the island" is no name by its words; behind the
        // marker where "2. Jane Doe" over her time stands, it is one.
        let items = [
            item("gran on the island", 2, Some('1')),
            stamp("June 4, 2019 at 8:15 am"),
            item("The last boat leaves too early.", 4, None),
            item("Jane Doe", 2, Some('1')),
            stamp("June 4, 2019 at 9:40 am"),
            item("It always has.", 4, None),
        ];
        assert_eq!(
            authors(&plan(&items)),
            [Some("gran on the island"), Some("Jane Doe")]
        );
        // With no name of that shape in the thread, the same line names no one.
        let dated_places = [];
        assert_eq!(any_name_over_time(&items, 0, &dated_places), None);
        // A sentence behind the marker is the comment's text, not a name.
        let items = [
            item("Same here, honestly.", 2, Some('1')),
            stamp("June 4, 2019 at 8:15 am"),
        ];
        assert_eq!(any_name_over_time(&items, 0, &[('1', 2)]), None);
    }

    #[test]
    fn without_labels_each_time_closes_a_comment() {
        let first = furniture::recognise("March 22, 2013 @ 9:38 AM").expect("a date");
        let second = furniture::recognise("March 22, 2013 @ 9:40 AM").expect("a date");
        let items = [
            item("Not bad at all.", 0, None),
            Item {
                furniture: Some(&first),
                ..item("March 22, 2013 @ 9:38 AM", 0, None)
            },
            item("I disagree.", 0, None),
            item("Strongly.", 0, None),
            Item {
                furniture: Some(&second),
                ..item("March 22, 2013 @ 9:40 AM", 0, None)
            },
            item("Cut off mid", 0, None),
        ];
        let planned = plan(&items);
        let texts: Vec<&[usize]> = planned.iter().map(|c| c.text.as_slice()).collect();
        assert_eq!(texts, [&[0][..], &[2, 3], &[5]]);
        assert_eq!(planned[1].date_at, Some(4));
        assert!(
            planned
                .iter()
                .all(|c| c.parent.is_none() && c.author.is_none())
        );
    }

    #[test]
    fn repeated_closing_lines_are_furniture_but_a_repeated_whole_comment_is_not() {
        let items = [
            item("ann 1", 0, None),
            item("Yes.", 0, None),
            item("Vote up", 0, None),
            item("bob 2", 0, None),
            item("+1", 0, None),
            item("cy 3", 0, None),
            item("No.", 0, None),
            item("Vote up", 0, None),
            item("dee 4", 0, None),
            item("+1", 0, None),
            item("ed 5", 0, None),
            item("Maybe.", 0, None),
            item("Vote up", 0, None),
            item("fay 6", 0, None),
            item("+1", 0, None),
        ];
        let planned = plan(&items);
        let texts: Vec<Vec<&str>> = planned
            .iter()
            .map(|c| c.text.iter().map(|&i| items[i].text).collect())
            .collect();
        assert_eq!(
            texts,
            [
                vec!["Yes."],
                vec!["+1"],
                vec!["No."],
                vec!["+1"],
                vec!["Maybe."],
                vec!["+1"]
            ]
        );
    }

    fn authors(planned: &[Planned]) -> Vec<Option<&str>> {
        planned.iter().map(|c| c.author.as_deref()).collect()
    }

    fn texts<'a>(planned: &[Planned], items: &[Item<'a>]) -> Vec<Vec<&'a str>> {
        planned
            .iter()
            .map(|c| c.text.iter().map(|&i| items[i].text).collect())
            .collect()
    }

    #[test]
    fn a_number_printed_again_before_the_label_is_no_comment() {
        let items = [
            item("1", 2, Some('1')),
            item("Jane Roe says:", 4, None),
            item("Time to go.", 4, None),
            item("2", 2, Some('1')),
            item("jroe says:", 4, None),
            item("3", 2, Some('1')),
            item("A quiet observer says:", 4, None),
            item("Not yet.", 4, None),
        ];
        let planned = plan(&items);
        assert_eq!(
            authors(&planned),
            [Some("Jane Roe"), Some("jroe"), Some("A quiet observer")]
        );
        assert_eq!(parents(&planned), [None, None, None]);
        let labels: Vec<Option<&str>> = planned.iter().map(|c| c.label.as_deref()).collect();
        assert_eq!(labels, [Some("1"), Some("2"), Some("3")]);
        assert!(planned[1].text.is_empty());
    }

    #[test]
    fn a_name_over_its_time_may_carry_the_number_and_a_pointer() {
        let first = furniture::recognise("4 May 2015 · 2:10 pm").expect("a date");
        let second = furniture::recognise("May 4, 2015 at 2:30 pm").expect("a date");
        let items = [
            item("1 Jane Roe", 2, Some('1')),
            Item {
                furniture: Some(&first),
                ..item("4 May 2015 · 2:10 pm", 4, None)
            },
            item("The report says nothing of the kind.", 4, None),
            item("jroe »", 2, Some('1')),
            Item {
                furniture: Some(&second),
                ..item("May 4, 2015 at 2:30 pm", 4, None)
            },
            item("It does, on page four.", 4, None),
        ];
        let planned = plan(&items);
        assert_eq!(authors(&planned), [Some("Jane Roe"), Some("jroe")]);
        assert_eq!(planned[0].label.as_deref(), Some("1"));
        assert_eq!(planned[1].date_at, Some(4));
        assert_eq!(
            texts(&planned, &items),
            [
                vec!["The report says nothing of the kind."],
                vec!["It does, on page four."]
            ]
        );
    }

    #[test]
    fn a_byline_after_a_comment_names_its_author_and_time() {
        let first = furniture::recognise("Posted by jroe | May 4, 2010, 10:17").expect("a byline");
        let second =
            furniture::recognise("Posted by: Jane Roe | May 4, 2010 1:07 PM | Report abuse")
                .expect("a byline");
        let items = [
            item("I doubt the minister read the report.", 2, Some('1')),
            Item {
                furniture: Some(&first),
                ..item("Posted by jroe | May 4, 2010, 10:17", 4, None)
            },
            item("Neither did the committee.", 2, Some('1')),
            Item {
                furniture: Some(&second),
                ..item(
                    "Posted by: Jane Roe | May 4, 2010 1:07 PM | Report abuse",
                    4,
                    None,
                )
            },
        ];
        let planned = plan(&items);
        assert_eq!(authors(&planned), [Some("jroe"), Some("Jane Roe")]);
        let dates: Vec<Option<&str>> = planned.iter().map(|c| c.date.as_deref()).collect();
        assert_eq!(
            dates,
            [Some("May 4, 2010, 10:17"), Some("May 4, 2010 1:07 PM")]
        );
        // With no markers, each byline closes a comment.
        let items = [
            item("Not bad at all.", 0, None),
            items[1],
            item("I disagree.", 0, None),
            items[3],
        ];
        let planned = plan(&items);
        assert_eq!(authors(&planned), [Some("jroe"), Some("Jane Roe")]);
        assert_eq!(
            texts(&planned, &items),
            [vec!["Not bad at all."], vec!["I disagree."]]
        );
    }

    #[test]
    fn likes_lines_close_comments_that_have_no_names() {
        let items = [
            item("Choose your own path.", 0, None),
            item("LikeLiked by 2 people", 0, None),
            item("Your space, your rules.", 0, None),
            item("Liked by 1 person", 0, None),
            item("It happens every time", 0, None),
        ];
        let planned = plan(&items);
        assert_eq!(
            texts(&planned, &items),
            [
                vec!["Choose your own path."],
                vec!["Your space, your rules."],
                vec!["It happens every time"]
            ]
        );
    }

    #[test]
    fn gaps_and_name_lines_part_comments_that_have_no_labels() {
        let gapped = |text| Item {
            after_wide_gap: true,
            ..item(text, 0, None)
        };
        let items = [
            item("Not long now.", 0, None),
            gapped("Go on, give us a hint."),
            item("Jane Roe", 0, None),
            item("Vote early.", 0, None),
            item("And often.", 0, None),
            gapped("Abstain, I say."),
            item("It is the only way.", 0, None),
            item("jroe", 0, None),
            item("Quite.", 0, None),
        ];
        let planned = plan(&items);
        assert_eq!(
            authors(&planned),
            [None, None, Some("Jane Roe"), None, Some("jroe")]
        );
        assert_eq!(
            texts(&planned, &items),
            [
                vec!["Not long now."],
                vec!["Go on, give us a hint."],
                vec!["Vote early.", "And often."],
                vec!["Abstain, I say.", "It is the only way."],
                vec!["Quite."]
            ]
        );
        // After a lead-in, a wide gap sets a quotation apart in the same
        // comment.
        let quoting = [
            item("Jane Roe", 0, None),
            item("Here is what the minister said:", 0, None),
            gapped("Tolls will rise."),
            gapped("Abstain, I say."),
        ];
        assert_eq!(
            texts(&plan(&quoting), &quoting),
            [
                vec!["Here is what the minister said:", "Tolls will rise."],
                vec!["Abstain, I say."]
            ]
        );
        // Paragraphs the archive's walk left out of the thread open nothing.
        let outside = items.map(|i| Item {
            in_thread: false,
            ..i
        });
        assert!(plan(&outside).is_empty());
    }

    #[test]
    fn blogger_times_and_avatar_words_are_not_text_or_names() {
        let items = [
            item("Anonymous Anonymous said...", 0, None),
            item("Good stuff.", 0, None),
            item("8:00 AM", 0, None),
            item("Blogger Jane Roe said...", 0, None),
            item("Thanks.", 0, None),
            item("12:18 pm", 0, None),
        ];
        let planned = plan(&items);
        assert_eq!(authors(&planned), [Some("Anonymous"), Some("Jane Roe")]);
        let dates: Vec<Option<&str>> = planned.iter().map(|c| c.date.as_deref()).collect();
        assert_eq!(dates, [Some("8:00 AM"), Some("12:18 pm")]);
        assert_eq!(
            texts(&planned, &items),
            [vec!["Good stuff."], vec!["Thanks."]]
        );
        // A name that only starts like an avatar's is kept whole.
        let items = [
            item("Anonymous Coward said...", 0, None),
            item("No.", 0, None),
        ];
        assert_eq!(authors(&plan(&items)), [Some("Anonymous Coward")]);
        // "Blogger" before one name is the picture's word.
        let items = [
            item("Blogger Kit Amos said...", 0, None),
            item("Fair point.", 0, None),
        ];
        assert_eq!(authors(&plan(&items)), [Some("Kit Amos")]);
        // A name two readers share, with no avatar's word beside it, is
        // kept whole too.
        let items = [
            item("Anonymous Coward said...", 0, None),
            item("No.", 0, None),
            item("Jo Lee said...", 0, None),
            item("Yes.", 0, None),
            item("Anonymous Coward said...", 0, None),
            item("Maybe.", 0, None),
        ];
        assert_eq!(
            authors(&plan(&items)),
            [
                Some("Anonymous Coward"),
                Some("Jo Lee"),
                Some("Anonymous Coward")
            ]
        );
    }

    #[test]
    fn a_line_printed_after_every_comment_closes_it() {
        let items = [
            item("Tolls are a tax.", 0, None),
            item("Vote up", 0, None),
            item("Nobody asked the drivers.", 0, None),
            item("And nobody will.", 0, None),
            item("Vote up", 0, None),
            item("They never do.", 0, None),
            item("Vote up", 0, None),
        ];
        let planned = plan(&items);
        assert_eq!(
            texts(&planned, &items),
            [
                vec!["Tolls are a tax."],
                vec!["Nobody asked the drivers.", "And nobody will."],
                vec!["They never do."]
            ]
        );
        // No commenter is named "Vote up".
        assert!(planned.iter().all(|c| c.author.is_none()));
    }

    #[test]
    fn a_wide_gap_after_a_comment_opens_one_whose_label_is_lost() {
        let gapped = |text| Item {
            after_wide_gap: true,
            ..item(text, 0, None)
        };
        let items = [
            gapped("Anonymous said..."),
            item("What do you mean?", 0, None),
            item("Jane Roe said...", 0, None),
            item("More comments, that is all.", 0, None),
            item("And more readers.", 0, None),
            gapped("The party in power need not reach out."),
        ];
        let planned = plan(&items);
        assert_eq!(
            authors(&planned),
            [Some("Anonymous"), Some("Jane Roe"), None]
        );
        assert_eq!(planned[2].text, [5]);
        // Behind list markers, a wide gap inside a comment is its own.
        let items = [
            item("1", 2, Some('1')),
            item("Jane Roe says:", 4, None),
            item("Quoting the report:", 4, None),
            Item {
                after_wide_gap: true,
                ..item("Permits take ten years.", 4, None)
            },
        ];
        let planned = plan(&items);
        assert_eq!(planned.len(), 1);
        assert_eq!(planned[0].text, [2, 3]);
        // Where every later label is glued to the comment above it, the
        // labels part the comments, and a wide gap is a paragraph break.
        let glued = |text| Item {
            glued_above: true,
            ..item(text, 0, None)
        };
        let items = [
            item("Anonymous said...", 0, None),
            glued("What do you mean?"),
            glued("Jane Roe said..."),
            glued("More comments, that is all."),
            Item {
                after_wide_gap: true,
                ..item("And more readers.", 0, None)
            },
        ];
        let planned = plan(&items);
        assert_eq!(authors(&planned), [Some("Anonymous"), Some("Jane Roe")]);
        assert_eq!(planned[1].text, [3, 4]);
    }
}
