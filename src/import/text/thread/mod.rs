//! Comment threads: where a post's readers' comments start, where each
//! comment starts, who wrote it, when, and which comment it answers.
//!
//! A printed thread is a run of comments, each opened by a *label*: a name
//! and the comment's position ("Rangi 1", "mike_s 1.1"), often after a list
//! marker and indented by depth; "Name says:" with the time; or a bare list
//! marker with the text straight after it. A comment's parent comes from
//! the dotted position where there is one, else from the indentation, else
//! from the nesting of the markers. Blogs cap the nesting: replies deeper
//! than the cap are printed as siblings at the cap, and only a dotted
//! position still tells where they belong.

mod author_blocks;
mod closing;
mod counted;
mod label;
mod lone;
mod name_lines;
mod plan;
mod untitled;

use rayon::prelude::*;

pub use author_blocks::{author_blocks, block_furniture};

use super::furniture::{self, Furniture, says_comments_closed};
use super::paragraphs::Paragraph;
use closing::closed_ahead;
use counted::counted_one_each;
use label::{
    dashed_stamp, is_comment_furniture, is_comment_subject, label, said_label, stamped_label,
};
use lone::{comment_before_reply_form, reply_follows, title_above};
use name_lines::{NameLine, name_line_runs};
pub use plan::{Item, plan};
use plan::{closes_comment, name_after_field, name_in_label};
use untitled::comments_under_navigation;

/// Which of an archive's paragraphs are readers' comments, so that no
/// label or comment is taken for a post's title.
///
/// A thread opens at a label right after a comments header or a comment
/// count ("74 comments on “…”", "Written By: … - 12 comments"), at a list
/// item or a dated name right after a comments header, or at the first
/// paragraph after one when wider gaps than the page's usual one part the
/// comments or the header counts the paragraphs under it
/// ([`counted_one_each`]), or when a line the comments under it each end
/// with closes it ([`closed_ahead`]: "Vote up" after every comment); or,
/// with no header, at a label "1" that a label "1.1" or "2"
/// follows, at a "Name says:" label that another follows or that a wide gap
/// sets apart, at a list the page ends with ([`list_thread_at`]), at the
/// first of the comments that each end in a closing line, or at the first
/// of a run of comments that each open with a name line
/// ([`name_line_runs`]), or under the date of a page that opens on its
/// links to the previous and next posts and shows no title
/// ([`comments_under_navigation`]). It runs until a
/// title-like line with a byline under it starts the next post, or an
/// archive header comes. `usual_gap` is the page's usual number of blank
/// lines between paragraphs.
pub fn comment_paragraphs<'a>(
    all: &[Paragraph],
    usual_gap: u8,
    furniture_at: impl Fn(usize) -> Option<&'a Furniture> + Sync,
) -> Vec<bool> {
    // What the walk asks of each paragraph's own text (and of the text
    // under it), found on all cores in one pass while the text is read:
    // the walk below is sequential, and reads only these answers, three
    // bytes a paragraph.
    let lines: Vec<Line> = (0..all.len())
        .into_par_iter()
        .map(|i| Line::of(all, i, usual_gap, &furniture_at))
        .collect();
    let first_closed = first_of_closed_comments(&lines);
    let closed_ahead = |i: usize| {
        closed_ahead(
            all.len(),
            i,
            |k| &all[k].text,
            |k| furniture_at(k).is_some(),
        )
    };
    let name_runs = name_line_runs(all, usual_gap, &furniture_at, |i| lines[i].name);
    let under_navigation = comments_under_navigation(all, &furniture_at);
    let signed = signed_comments(all, &furniture_at);
    let mut signed_runs = signed.iter().peekable();
    let mut marks = vec![false; all.len()];
    let mut in_thread = false;
    // Whether the thread's comments are indented: then a line back at the
    // margin, with text at the margin under it, is the page again.
    let mut indented = false;
    let mut after_header = false;
    let mut after_comments_header = false;
    let mut after_count = false;
    // After a header that counts its paragraphs, one comment each.
    let mut after_counted_header = false;
    // Lists already judged by [`list_thread_at`]: each is judged once.
    let mut lists_judged_until = 0;
    // The last comment of a run of author blocks: how many paragraphs it
    // may still hold.
    let mut last_comment: Option<LastComment> = None;
    for i in 0..all.len() {
        while signed_runs.next_if(|run| *run.end() < i).is_some() {}
        let in_signed_run = signed_runs.peek().is_some_and(|run| run.contains(&i));
        if let Some(furniture) = furniture_at(i) {
            match furniture {
                // "Comments" as one of a menu's lines heads nothing.
                Furniture::CommentsHeader { comments: None, .. }
                    if in_menu(all, i, &furniture_at) => {}
                Furniture::CommentsHeader { form, .. } => {
                    after_header = true;
                    after_comments_header = !form;
                    after_counted_header = counted_one_each(i, all.len(), &furniture_at);
                    // The reply form ends the thread above it; a comment
                    // after it opens another.
                    in_thread &= !form;
                }
                Furniture::ArchiveHeader { .. } => in_thread = false,
                // The notice that the comments are closed ends them: what
                // follows is the page's ("My Photo", a sidebar), unless a
                // label opens another thread.
                Furniture::PageChrome if says_comments_closed(&all[i].text) => in_thread = false,
                // An author block opens a comment, and its lines are the
                // comment's (kept out of its text as furniture).
                Furniture::AuthorBlock {
                    opens_comment,
                    last_reach,
                    ..
                } => {
                    if *opens_comment {
                        indented = false;
                        in_thread = true;
                    }
                    if *last_reach > 0 {
                        last_comment = Some(LastComment {
                            left: *last_reach,
                            has_text: false,
                        });
                    }
                    marks[i] = in_thread;
                }
                _ => {}
            }
            after_count |= furniture.comment_count().is_some_and(|n| n > 0);
            continue;
        }
        if let Some(last) = &mut last_comment {
            // It holds one paragraph at least, then no title-like line:
            // what comes after it is the page's.
            if last.has_text && (last.left == 0 || lines[i].title_like()) {
                in_thread = false;
                last_comment = None;
            } else {
                last.has_text = true;
                last.left -= 1;
            }
        }
        let text = &*all[i].text;
        let after_wide_gap = i
            .checked_sub(1)
            .is_some_and(|p| all[p].gap_after() > usual_gap);
        let is_dated_name = || {
            name_in_label(text).is_some() && matches!(furniture_at(i + 1), Some(Furniture::Date(_)))
        };
        let opens = match lines[i].label {
            // A name and a time could be a post's byline: where no thread
            // is open, another must follow, and no title stand above,
            // unless the label is an item of a list, as a thread's are
            // and a byline never is (a page that opens on its title with
            // no text before the comments).
            LabelKind::Stamped => {
                in_thread
                    || after_header
                    || after_count
                    || (run_follows(&lines, i, LabelKind::Stamped)
                        && (all[i].is_list_item()
                            || !title_above(all, i, &furniture_at)
                            || writer_field_over_bare_stamp(all, i)))
            }
            // A name and a date could be an archive's heading: a thread's
            // are numbered, or name one commenter twice.
            LabelKind::Dashed => {
                in_thread
                    || after_header
                    || after_count
                    || (run_follows(&lines, i, LabelKind::Dashed)
                        && (all[i].is_list_item() || name_recurs_in_run(all, &lines, i)))
            }
            // A label with its time ("At 27/1/12 10:42 am, Jo said...")
            // is a comment's wherever it stands; one with none where a
            // wider gap or a reply follows, or as an item of a numbered
            // list, as a thread's are ("1. Jo permalink" over a lone
            // comment).
            kind if kind.is_label() => {
                in_thread
                    || after_header
                    || after_count
                    || matches!(kind, LabelKind::Dated | LabelKind::Unnamed)
                    || (kind == LabelKind::Says
                        && (after_wide_gap
                            || all[i].marker() == Some('1')
                            || reply_follows(all, |j| lines[j].label.is_label(), i, &furniture_at)))
                    || (matches!(kind, LabelKind::Says | LabelKind::Loose)
                        && comment_before_reply_form(all, i, &furniture_at))
                    || run_follows(&lines, i, kind)
            }
            _ if in_thread => false,
            _ if under_navigation == Some(i) => true,
            _ if first_closed == Some(i) || in_signed_run || name_runs.contains(&i) => true,
            _ if all[i].is_list_item() && i >= lists_judged_until => {
                let list = list_thread_at(all, i, usual_gap, &furniture_at);
                lists_judged_until = list.end;
                // A list under a reply form's header is the form's notes;
                // a list under a comment count that the page ends with is
                // the comments it counts.
                list.thread || after_comments_header || (after_count && list.ends_page)
            }
            _ if (after_header || after_count) && closed_ahead(i) => true,
            _ => {
                after_header
                    && (is_dated_name()
                        || after_counted_header
                        || closed_by_a_time(all, i, &furniture_at)
                        || (after_comments_header && gaps_part_comments(all, i, usual_gap)))
            }
        };
        if opens {
            if !in_thread {
                indented = all[i].indent() > 0;
            }
            in_thread = true;
        } else if in_thread
            && !in_signed_run
            && starts_post(all, i, lines[i].title_like(), indented, &furniture_at)
        {
            in_thread = false;
        }
        marks[i] = in_thread;
        if opens && name_over_bare_stamp(all, i, &furniture_at) {
            marks[i - 1] = true;
        }
        after_header = false;
        after_comments_header = false;
        after_counted_header = false;
        after_count = false;
    }
    marks
}

/// Whether paragraph `i` is a comment's stamp that gives no name
/// ("2009-03-04 05:12 pm (UTC)", "On March 3, 2011 at 9:12 am") with the
/// commenter's name right above it, alone, as a byline ("by Tanya") or
/// behind a field ("From: fern_owl"): Dreamwidth and some WordPress themes
/// print the name over the stamp, and the name opens the comment.
///
/// Accepts "fern_owl" / "2009-03-04 05:12 pm (UTC)" and "1. by Tanya" /
/// "On March 3, 2011 at 9:12 am"; rejects the same with a blank line
/// between (the name is the text above the thread) and "Tolls are a tax."
/// over the stamp.
fn name_over_bare_stamp<'a>(
    all: &[Paragraph],
    i: usize,
    furniture_at: impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    name_above_bare_stamp(all, i, |above_at, above| {
        (!above.is_list_item()
            && (name_in_label(&above.text).is_some() || name_after_field(&above.text).is_some()))
            || matches!(furniture_at(above_at), Some(Furniture::Byline(byline))
                if byline.author.is_some() && byline.date.is_none())
    })
}

/// Whether paragraph `i` is a stamp that gives no name with a field that
/// names a writer glued above it ("From: fern_owl", "User: jo_b"): a
/// comment's header, even where a bare name there would be a post's title
/// over its dateline ("Spring Tides" / "On May 4, 2010 at 10:43 am").
fn writer_field_over_bare_stamp(all: &[Paragraph], i: usize) -> bool {
    name_above_bare_stamp(all, i, |_, above| {
        !above.is_list_item() && name_after_field(&above.text).is_some()
    })
}

/// Whether paragraph `i` is a stamp that gives no name, glued under a line
/// that `names` says holds a name (given its index and paragraph).
fn name_above_bare_stamp(
    all: &[Paragraph],
    i: usize,
    names: impl Fn(usize, &Paragraph) -> bool,
) -> bool {
    let Some(above_at) = i.checked_sub(1) else {
        return false;
    };
    let above = &all[above_at];
    let nameless_stamp = || {
        furniture::utc_stamp(&all[i].text).is_some_and(|(name, _)| name.is_none())
            || stamped_label(&all[i].text).is_some_and(|stamp| stamp.author.is_none())
    };
    above.gap_after() == 0 && names(above_at, above) && nameless_stamp()
}

/// The last comment of a run of author blocks, which no later block
/// closes: how many paragraphs it may still hold, and whether it holds one.
struct LastComment {
    left: u8,
    has_text: bool,
}

/// How far ahead of a comments header a wide gap is looked for.
const GAP_REACH: usize = 8;

/// Whether wider gaps than the page's usual one come within a few
/// paragraphs of `i`: a thread whose comments carry no label, parted by
/// the gap a missing name leaves, or a page's wider gap between comments.
fn gaps_part_comments(all: &[Paragraph], i: usize, usual_gap: u8) -> bool {
    all[i..all.len().min(i + GAP_REACH)]
        .iter()
        .any(|p| p.gap_after() > usual_gap)
}

/// The first comment of a thread whose comments each end in a line that
/// closes a comment ([`closes_comment`]: "LikeLiked by 2 people", "Expand
/// full comment"): the paragraph before the first such line, where the page
/// has two or more.
fn first_of_closed_comments(lines: &[Line]) -> Option<usize> {
    let first = lines.iter().position(|line| line.closes_comment())?;
    lines[first + 1..]
        .iter()
        .any(|line| line.closes_comment())
        .then_some(())?;
    first.checked_sub(1).filter(|&i| !lines[i].closes_comment())
}

/// How far apart two bylines of a run of signed comments may be: a
/// comment of up to four paragraphs between them.
const SIGNED_REACH: usize = 5;

/// The runs of comments that each end in their byline ("Posted by: Jo Lee
/// | April 15, 2009 at 14:16", "Posted by Jo at June 2, 2007 12:07 PM"),
/// from the first comment's text to the last byline.
///
/// A run is three or more bylines a few paragraphs apart, with no comments
/// header between them, and prose on most sides that face another byline:
/// a comment ends before each, and the next begins after it. An archive whose posts carry bylines has a title on one side
/// of each (under the title, or before the next post's). The first comment
/// is as long as the run's shortest; if nothing would stand before it, the
/// text before the first byline is the post, signed like its comments.
///
/// Accepts "Tolls are a tax." / "Posted by: Jo | May 4, 2010" / "Nobody
/// asked." / "Posted by: Al | May 4, 2010" / "Quite." / "Posted by: Cy |
/// May 5, 2010"; rejects the same bylines each under a title, and the same
/// with Jo's name and no date in every byline.
fn signed_comments<'a>(
    all: &[Paragraph],
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> Vec<std::ops::RangeInclusive<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // A comments header parts the bylines above it (the post's) from those
    // under it.
    let mut parted = true;
    for (i, paragraph) in all.iter().enumerate() {
        match furniture_at(i) {
            // A byline on "By" alone is a post's, under its title.
            Some(Furniture::Byline(byline))
                if byline.author.is_some() && !furniture::is_plain_byline(&paragraph.text) =>
            {
                match groups.last_mut() {
                    Some(group)
                        if !parted
                            && group.last().is_some_and(|&last| i - last <= SIGNED_REACH) =>
                    {
                        group.push(i);
                    }
                    _ => {
                        groups.push(vec![i]);
                        parted = false;
                    }
                }
            }
            Some(Furniture::CommentsHeader { .. } | Furniture::ArchiveHeader { .. }) => {
                parted = true;
            }
            _ => {}
        }
    }
    let prose_at =
        |i: usize| furniture_at(i).is_none() && all.get(i).is_some_and(|p| ends_as_prose(&p.text));
    let byline_at = |i: usize| match furniture_at(i) {
        Some(Furniture::Byline(byline)) => Some(byline),
        _ => None,
    };
    let author = |i: usize| byline_at(i).and_then(|byline| byline.author.as_deref());
    let dated = |i: usize| byline_at(i).is_some_and(|byline| byline.date.is_some());
    groups
        .into_iter()
        .filter(|signs| signs.len() >= 3)
        // One name under every text, with the time and no date, is a
        // writer's day of posts under the day's heading ("Posted at 5:24
        // PM by Jo Lee"). Comments give their dates, and one name may
        // sign them all ("Anonymous").
        .filter(|signs| {
            signs
                .iter()
                .any(|&i| author(i) != author(signs[0]) || dated(i))
        })
        .filter(|signs| {
            // The sides between two bylines: the run's outer sides border
            // the post and the rest of the page.
            let sides = (signs.len() - 1) * 2;
            let prose = signs
                .windows(2)
                .map(|pair| usize::from(prose_at(pair[0] + 1)) + usize::from(prose_at(pair[1] - 1)))
                .sum::<usize>();
            prose * 3 >= sides * 2
        })
        .map(|signs| {
            let shortest = signs
                .windows(2)
                .map(|pair| pair[1] - pair[0] - 1)
                .min()
                .unwrap_or(1)
                .max(1);
            let first = signs[0];
            let start = match first.checked_sub(shortest) {
                Some(start) if start > 0 && furniture_at(start).is_none() => start,
                Some(start) if start > 0 => start + 1,
                _ => first + 1,
            };
            start..=signs[signs.len() - 1]
        })
        .collect()
}

/// Whether paragraph `i` stands in a run of short lines glued together
/// with no sentence among them ("Home" / "Archives" / "Comments"): a menu
/// at the page's top or side, two such lines above it or one on each side.
/// A header glued to a label under it ("Jo Lee said:") heads that thread.
///
/// Accepts "Comments" under "Home" / "Archives"; rejects it under a post's
/// last sentence and over "Jo Lee said:".
fn in_menu<'a>(
    all: &[Paragraph],
    i: usize,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    let menu_line = |j: usize| {
        let text = &*all[j].text;
        furniture_at(j).is_none()
            && text.len() <= 40
            && !ends_as_prose(text)
            && !text.ends_with(':')
            && label(text).is_none()
            && said_label(text).is_none()
    };
    let glued_above = |j: usize| j > 0 && all[j - 1].gap_after() == 0 && menu_line(j - 1);
    let glued_below = all[i].gap_after() == 0 && i + 1 < all.len() && menu_line(i + 1);
    glued_above(i) && (glued_above(i - 1) || glued_below)
}

/// A paragraph that ends as a sentence does, or with a face drawn in
/// its stead (":-0", ";D"), or too long for a heading.
fn ends_as_prose(text: &str) -> bool {
    text.ends_with(['.', '!', '?', '”', '"', ')']) || text.len() > 160 || ends_with_face(text)
}

/// Whether a line ends with a face drawn in punctuation after a space:
/// ":-0", ";D", ":P", "=(" (those closing a bracket end as prose anyway).
fn ends_with_face(text: &str) -> bool {
    let Some(rest) = text.strip_suffix(['0', 'D', 'P', 'p', 'O', 'o', '(', '/', '|']) else {
        return false;
    };
    let rest = rest.strip_suffix('-').unwrap_or(rest);
    rest.strip_suffix([':', ';', '='])
        .is_some_and(|before| before.is_empty() || before.ends_with(' '))
}

/// What [`list_thread_at`] finds of a list.
struct JudgedList {
    /// It is a thread of comments that carry no label or header.
    thread: bool,
    /// Nothing at its own margin follows it but furniture or a heading, and
    /// its items are not mostly headings: the page ends with it.
    ends_page: bool,
    /// Index after its last paragraph, so that it is judged once.
    end: usize,
}

/// Whether the list starting at `i` is a thread of comments that carry no
/// label or header, each behind its number or bullet, whether the page
/// ends with it, and where the list ends (so that it is judged once).
///
/// Such a list comes after a wider gap than the page's usual one, or has
/// two paragraphs or more indented under its items (under one item or
/// several), or is one numbered item with a paragraph under it (a post's
/// own list has two items or more); nothing at its own margin follows it
/// but furniture, a heading (the next post) or a reply form, so the post's text does not go
/// on after it, unless its items are each parted by a wider gap too (a
/// page prints its comments spaced apart, and a post its list items
/// close); the line before it introduces nothing (no colon); and its
/// items are comments or names, not mostly headings (a list of posts).
///
/// Accepts "  1. I doubt the minister read it." / "    Nor did I." / "  2.
/// Jane Roe" / "    Quite." at a page's end after a double blank line, or
/// as the whole page; rejects a list after "Three reasons:", a list the
/// post goes on after, and a list of names or titles with nothing under
/// them ("1. Into the Fog" / "2. Harbour Lights").
fn list_thread_at<'a>(
    all: &[Paragraph],
    i: usize,
    usual_gap: u8,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> JudgedList {
    let first = &all[i];
    let mut items = 0;
    let mut headings = 0;
    // Items that end as a sentence does: a comment of one line.
    let mut sentences = 0;
    let mut with_text_below = 0;
    // Bylines indented under the items: each comment signed under its text
    // ("By Jo Lee, at 2:08 AM").
    let mut signatures = 0;
    // Dates indented under the items: each comment stamped under its text
    // ("March 4, 2010 at 9:42 pm |").
    let mut stamps = 0;
    // Every item after the first comes after a wider gap than the usual.
    let mut items_spaced = true;
    let mut j = i;
    let ends_well = loop {
        let Some(p) = all.get(j) else {
            break true;
        };
        let page_furniture = furniture_at(j).is_some() || is_comment_furniture(&p.text);
        if p.indent() > first.indent()
            && matches!(furniture_at(j), Some(Furniture::Byline(b)) if b.author.is_some())
        {
            signatures += 1;
        }
        if p.indent() > first.indent() && matches!(furniture_at(j), Some(Furniture::Date(_))) {
            stamps += 1;
        }
        if matches!(
            furniture_at(j),
            Some(Furniture::CommentsHeader { form: true, .. })
        ) {
            // A reply form's header: all under it is the form's (its
            // notes, the spam filter's notice), none of the post's.
            break true;
        } else if page_furniture {
            // Neither item nor text: looked past.
        } else if p.is_list_item() && p.indent() >= first.indent() {
            items += 1;
            items_spaced &= j == i || all[j - 1].gap_after() > usual_gap;
            headings += usize::from(is_heading_item(&p.text));
            sentences += usize::from(ends_as_prose(&p.text));
        } else if p.indent() > first.indent() {
            // However the text under the items is shared among them.
            with_text_below += 1;
        } else {
            // Back at the list's margin: the post goes on, or the next
            // post or the page's furniture starts.
            break p.text.len() <= 160 && !p.text.ends_with(['.', '!', '?', ':', ',', '”', '"']);
        }
        j += 1;
    };
    let ends_page = ends_well && headings * 2 <= items;
    let Some(before) = i.checked_sub(1).map(|p| &all[p]) else {
        // A page that opens on the list, with text under its items: the
        // page kept its comments and not its post.
        return JudgedList {
            thread: ends_page && with_text_below >= 2,
            ends_page,
            end: j,
        };
    };
    // A post's own list has two items or more: one numbered item holding
    // a paragraph under it is the "1." of a thread of one comment.
    let lone_numbered = items == 1 && first.marker() == Some('1') && with_text_below >= 1;
    let signed = items >= 1 && signatures == items;
    // Short lines over text and a date each are names, not headings.
    let stamped = items >= 2 && stamps == items;
    let set_apart =
        before.gap_after() > usual_gap || with_text_below >= 2 || lone_numbered || signed;
    let spaced = before.gap_after() > usual_gap && items >= 2 && items_spaced;
    // Under an archive's header ("Category: Opinion") the page has no
    // post of its own for a thread to answer: its list is of posts.
    // The same line under a post's text is the post's footer: the header
    // must head the page, with no post's text over it.
    let under_archive_header = matches!(furniture_at(i - 1), Some(Furniture::ArchiveHeader { .. }))
        && i.checked_sub(2)
            .is_none_or(|above| furniture_at(above).is_some() || !ends_as_prose(&all[above].text));
    // Items of a few words each, with nothing under any of them, are a
    // list of names or titles ("1. Into the Fog" / "2. Harbour Lights"),
    // not comments: a comment of one line ends as a sentence.
    let bare_names =
        with_text_below == 0 && signatures == 0 && stamps == 0 && sentences * 2 < items;
    let thread = (ends_well || spaced)
        && set_apart
        && !under_archive_header
        && !before.is_list_item()
        && !before.text.ends_with(':')
        && !bare_names
        && (headings * 2 <= items || stamped);
    JudgedList {
        thread,
        ends_page,
        end: j,
    }
}

/// A list item that reads as a heading: short, with no closing
/// punctuation, neither a name nor a number, nor a comment's age.
fn is_heading_item(text: &str) -> bool {
    text.len() <= 100
        && !text.ends_with(['.', '!', '?', ':', ';', '”', '"', '…', ')'])
        && name_in_label(text).is_none()
        && !text.bytes().all(|b| b.is_ascii_digit())
        && !tells_age(text)
}

/// Whether a line says how long ago something was written ("31 minutes
/// ago on Jo's page", "about 6 hours ago"): a number or "a", a unit of
/// time, "ago". A thread stamps its comments so; a heading seldom is.
///
/// Accepts those and "an hour ago"; rejects "The ferry that left long ago"
/// and "Ten ways to say ago".
fn tells_age(text: &str) -> bool {
    const UNITS: [&str; 7] = ["second", "minute", "hour", "day", "week", "month", "year"];
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    words.windows(3).any(|w| {
        let unit = w[1].strip_suffix('s').unwrap_or(w[1]);
        w[2].eq_ignore_ascii_case("ago")
            && UNITS.iter().any(|u| unit.eq_ignore_ascii_case(u))
            && (w[0].bytes().all(|b| b.is_ascii_digit())
                || ["a", "an", "one"]
                    .iter()
                    .any(|a| w[0].eq_ignore_ascii_case(a)))
    })
}

/// Prose with a time on a line of its own a few paragraphs on: the first
/// comment of a thread whose comments are closed by their time.
fn closed_by_a_time<'a>(
    all: &[Paragraph],
    i: usize,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    ends_as_prose(&all[i].text)
        && (i + 1..all.len().min(i + 5))
            .map(furniture_at)
            .take_while(|f| !matches!(f, Some(Furniture::CommentsHeader { .. })))
            .any(|f| matches!(f, Some(Furniture::Date(_))))
}

/// Whether paragraph `i`, in a thread that is `indented`, starts the next
/// post: a title-like line ([`Line::title_like`]) with a byline under it,
/// or, after an indented thread, at the margin with text at the margin
/// under it.
fn starts_post<'a>(
    all: &[Paragraph],
    i: usize,
    title_like: bool,
    indented: bool,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    let byline = || {
        matches!(
            furniture_at(i + 1),
            Some(Furniture::Byline(_) | Furniture::Tags(_))
        )
    };
    let at_margin = || {
        all[i].indent() == 0
            && all
                .get(i + 1)
                .is_some_and(|next| next.indent() == 0 && !next.is_list_item())
    };
    title_like && (byline() || (indented && at_margin()))
}

/// What the walk asks of one paragraph: what it is as a label, two facts
/// of its text, and what it is as a name line.
#[derive(Debug, Clone, Copy)]
struct Line {
    label: LabelKind,
    name: NameLine,
    /// [`Line::TITLE_LIKE`] and [`Line::CLOSES_COMMENT`].
    facts: u8,
}

impl Line {
    /// Short, not a list item, and not ending as a sentence, a lead-in or a
    /// clause does: it could head the next post ([`starts_post`]).
    const TITLE_LIKE: u8 = 1;
    /// It closes a comment ([`closes_comment`]).
    const CLOSES_COMMENT: u8 = 2;

    fn of<'a>(
        all: &[Paragraph],
        i: usize,
        usual_gap: u8,
        furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
    ) -> Line {
        let p = &all[i];
        let text = &*p.text;
        // A comment's subject glued under its label heads no post.
        let subject_under_label = || {
            is_comment_subject(text)
                && i.checked_sub(1).is_some_and(|above| {
                    all[above].gap_after() == 0 && LabelKind::of(&all[above].text).is_label()
                })
        };
        let title_like = text.len() <= 160
            && !p.is_list_item()
            && !text.ends_with(['.', ':', ','])
            && !subject_under_label();
        let facts = if title_like { Line::TITLE_LIKE } else { 0 }
            | if closes_comment(text) {
                Line::CLOSES_COMMENT
            } else {
                0
            };
        Line {
            label: LabelKind::of(text),
            name: NameLine::of(all, i, usual_gap, furniture_at),
            facts,
        }
    }

    fn title_like(self) -> bool {
        self.facts & Line::TITLE_LIKE != 0
    }

    fn closes_comment(self) -> bool {
        self.facts & Line::CLOSES_COMMENT != 0
    }
}

/// How far ahead a label's neighbour is looked for, in paragraphs.
const RUN_REACH: usize = 40;

/// What a paragraph is as a label, in the few kinds that decide whether a
/// thread opens there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelKind {
    None,
    /// "Rangi 1".
    First,
    /// "mike_s 1.1" or "pat 2": what follows a first comment.
    Second,
    /// Any other position.
    Positioned,
    /// "Rangi says:" with no time.
    Says,
    /// A label with its time.
    Dated,
    /// "Anonymous said...": the name a platform prints for a reader who
    /// gave none, which no post's text leads a quotation in with.
    Unnamed,
    /// "daniel noe said...": a display name of any words, which could be a
    /// lead-in on its own ([`said_label`]).
    Loose,
    /// "Jo Lee 3 May 2019, 10:21 am": a name and a time with nothing
    /// between, which could be a post's byline ([`stamped_label`]).
    Stamped,
    /// "jo_lee - May 3, 2019": a name and a date parted by a dash, which
    /// could be an archive's heading ([`dashed_stamp`]).
    Dashed,
}

impl LabelKind {
    fn of(text: &str) -> Self {
        match label(text) {
            None if said_label(text).is_some() => LabelKind::Loose,
            None if stamped_label(text).is_some() => LabelKind::Stamped,
            None if dashed_stamp(text).is_some() => LabelKind::Dashed,
            None => LabelKind::None,
            Some(found) if found.date.is_some() => LabelKind::Dated,
            Some(found) => match found.position {
                Some("1") => LabelKind::First,
                Some("1.1" | "2") => LabelKind::Second,
                Some(_) => LabelKind::Positioned,
                None if found.author.is_some_and(is_unnamed) && said_label(text).is_some() => {
                    LabelKind::Unnamed
                }
                None => LabelKind::Says,
            },
        }
    }

    fn is_label(self) -> bool {
        self != LabelKind::None
    }
}

/// Whether a label with no header before it opens a thread: "…1" followed
/// by "…1.1" or "…2", or "Name says:" or "name said..." followed by another
/// such label.
///
/// Accepts "daniel noe said..." with "Gary said..." a few paragraphs on;
/// rejects a lone "the minister said..." (a lead-in).
fn run_follows(lines: &[Line], i: usize, kind: LabelKind) -> bool {
    let mut ahead = lines
        .iter()
        .skip(i + 1)
        .take(RUN_REACH)
        .map(|line| line.label);
    let speaks = |kind: LabelKind| {
        matches!(
            kind,
            LabelKind::Says | LabelKind::Dated | LabelKind::Unnamed | LabelKind::Loose
        )
    };
    match kind {
        LabelKind::First => ahead.any(|next| next == LabelKind::Second),
        LabelKind::Stamped | LabelKind::Dashed => ahead.any(|next| next == kind),
        kind if speaks(kind) => ahead.any(speaks),
        _ => false,
    }
}

/// Whether the name of the dashed label at `i` or of one of the dashed
/// labels after it comes twice among them: the author answering
/// commenters, or a commenter coming back. An archive's headings name a
/// post each.
fn name_recurs_in_run(all: &[Paragraph], lines: &[Line], i: usize) -> bool {
    let mut names: Vec<&str> = Vec::new();
    for (j, line) in lines.iter().enumerate().skip(i).take(RUN_REACH + 1) {
        if line.label != LabelKind::Dashed {
            continue;
        }
        let Some(name) = dashed_stamp(&all[j].text).and_then(|label| label.author) else {
            continue;
        };
        if names.contains(&name) {
            return true;
        }
        names.push(name);
    }
    false
}

/// "Anonymous", or "Anonymous Anonymous" with the avatar's text before it:
/// the name a platform prints for a reader who gave none.
fn is_unnamed(author: &str) -> bool {
    author
        .split_whitespace()
        .all(|word| word.eq_ignore_ascii_case("anonymous"))
}

/// The paragraphs of `text` and the furniture each is, as a test of one
/// rule of the walk needs them.
#[cfg(test)]
fn paragraphs_and_furniture(text: &str) -> (Vec<Paragraph>, Vec<Option<Furniture>>) {
    let all = super::paragraphs::paragraphs(text);
    let known = all
        .iter()
        .map(|p| super::furniture::recognise(&p.text))
        .collect();
    (all, known)
}

#[cfg(test)]
mod tests {
    use super::super::paragraphs::usual_gap;
    use super::*;

    /// The paragraphs of `text` the walk puts in a thread.
    fn in_thread(text: &str) -> Vec<String> {
        let (all, known) = paragraphs_and_furniture(text);
        let marks = comment_paragraphs(&all, usual_gap(&all), |i| {
            known.get(i).and_then(Option::as_ref)
        });
        all.iter()
            .zip(marks)
            .filter(|(_, marked)| *marked)
            .map(|(p, _)| p.text.to_string())
            .collect()
    }

    #[test]
    fn a_list_set_apart_at_the_end_is_a_thread_of_sentences_not_of_names() {
        let post = "Boats of the Year\n\nThe regatta was cancelled twice this year, but a few boats made it worth it.\n\n\n";
        let sentences = format!(
            "{post}1. I doubt the skipper read it.\n2. Nor did the crew, I bet.\n3. Quite so.\n"
        );
        assert_eq!(in_thread(&sentences).len(), 3);
        let names = format!("{post}1. The Morning Star\n2. Harbour Lights\n3. Southern Cross\n");
        assert!(in_thread(&names).is_empty());
    }

    #[test]
    fn comments_among_a_menus_lines_heads_no_thread() {
        let menu = "Home\nArchives\nComments\n\n  • Flat shows every comment in one list.\n  • Threaded shows each reply under the comment it answers.\n\nUpdated in May.\n";
        assert!(in_thread(menu).is_empty());
        // Under a post's sentence, or over a label glued below it, the same
        // word heads the thread.
        let under_text = "Rates Rise Again\n\nThe rates go up by nine per cent.\nComments\nJo Lee said...\nToo much.\n";
        assert_eq!(in_thread(under_text), ["Jo Lee said...", "Too much."]);
    }

    const POST: &str =
        "Tolls up again\n\nThe council voted to raise the tolls again.\n\nThat is all.\n";

    #[test]
    fn a_list_the_page_ends_with_after_a_wide_gap_is_a_thread() {
        let page = format!(
            "{POST}\n\n  1. I doubt the minister read the report.\n\n    Nor did I.\n\n\
             \x20 2. Jane Roe\n\n    Neither did the committee.\n\nComments are closed.\n"
        );
        assert_eq!(
            in_thread(&page),
            [
                "I doubt the minister read the report.",
                "Nor did I.",
                "Jane Roe",
                "Neither did the committee."
            ]
        );
        // The same list with the post's text going on after it.
        let goes_on = page.replace(
            "Comments are closed.",
            "So the tolls will rise, as they always do.",
        );
        assert!(in_thread(&goes_on).is_empty());
        // A list a lead-in introduces is the post's.
        let introduced = page.replace("That is all.", "Three reasons:");
        assert!(in_thread(&introduced).is_empty());
        // At the usual gap, one comment with two paragraphs under its
        // number is a thread; so is one numbered item with one paragraph
        // under it (a post's own list has two items or more), but not one
        // with nothing under it (a footnote).
        let one = "Tolls up again\n\nThe council voted to raise the tolls.\n\n  1. I doubt it.\n\n    Nor did I.\n\n    Nobody did.\n";
        assert_eq!(in_thread(one), ["I doubt it.", "Nor did I.", "Nobody did."]);
        let lone = "Tolls up again\n\nThe council voted to raise the tolls.\n\n  1. It needs money.\n\n    Lots of it.\n";
        assert_eq!(in_thread(lone), ["It needs money.", "Lots of it."]);
        let footnote =
            "Tolls up again\n\nThe council voted to raise the tolls.\n\n  1. Its own figures.\n";
        assert!(in_thread(footnote).is_empty());
        let bulleted = lone.replace("1.", "•");
        assert!(in_thread(&bulleted).is_empty());
        // At the usual gap, with no text indented under its items, it is too.
        let plain = "Tolls up again\n\nThe council voted to raise the tolls.\n\n  1. It needs money.\n\n  2. It can.\n";
        assert!(in_thread(plain).is_empty());
    }

    #[test]
    fn a_list_of_comments_stamped_with_their_age_is_a_thread() {
        assert!(tells_age("31 minutes ago on Jo Lee"));
        assert!(tells_age("about 6 hours ago"));
        assert!(tells_age("an hour ago"));
        assert!(!tells_age("The ferry that left long ago"));
        assert!(!tells_age("Ten ways to say ago"));
        let page = "Recent Comments\n\n  1. 31 minutes ago on Tolls up again\n\n    Nobody asked the drivers.\n\n\
                    \x20 2. about 6 hours ago on Bridge closed\n\n    Closed again, and on a Monday.\n";
        assert_eq!(
            in_thread(page),
            [
                "31 minutes ago on Tolls up again",
                "Nobody asked the drivers.",
                "about 6 hours ago on Bridge closed",
                "Closed again, and on a Monday."
            ]
        );
        // Titles with teasers under them are a list of posts.
        let posts = page
            .replace("31 minutes ago on ", "")
            .replace("about 6 hours ago on ", "");
        assert!(in_thread(&posts).is_empty());
    }

    #[test]
    fn a_face_drawn_in_punctuation_ends_a_sentence() {
        for text in [
            "It hit +15 on the 31st :-0",
            "Bank on it ;D",
            "Not again :P",
            ":(",
        ] {
            assert!(ends_as_prose(text), "{text}");
        }
        for text in ["Ratio 3:0", "Section D", "Tolls up again"] {
            assert!(!ends_as_prose(text), "{text}");
        }
    }

    #[test]
    fn names_and_dates_parted_by_dashes_are_a_thread_where_a_name_comes_back() {
        let page = "Why I walk to work\n\nIt is slower, and better.\n\n\
                    kauri_k - May 4, 2019\n\nI cycle, which is faster and just as good.\n\n\
                    Ana Lee - May 4, 2019\n\nFair, but walking lets you think.\n\n\
                    kauri_k - May 5, 2019\n\nYou can think on a bike too.\n";
        assert_eq!(in_thread(page).len(), 6);
        // Headings of an archive name a post each: none comes back.
        let archive = page.replacen("kauri_k - May 5", "Tolls Again - May 5", 1);
        assert!(in_thread(&archive).is_empty());
    }

    #[test]
    fn a_list_under_a_comment_count_that_ends_the_page_is_a_thread() {
        let page = format!(
            "{POST}\n2 Comments\n\n  • Hesper Quill: Eleven, from the bus stop.\n  • Nobody came to the meeting.\n\nLeave a Reply\n"
        );
        assert_eq!(
            in_thread(&page),
            [
                "Hesper Quill: Eleven, from the bus stop.",
                "Nobody came to the meeting."
            ]
        );
        // With the post's text going on after it, it is the post's list.
        let goes_on = page.replace(
            "Leave a Reply",
            "So the lorries will keep coming, as they always do.",
        );
        assert!(in_thread(&goes_on).is_empty());
        // With no count over it, nothing sets it apart from the post.
        let uncounted = page.replace("2 Comments\n\n", "");
        assert!(in_thread(&uncounted).is_empty());
    }

    #[test]
    fn a_list_whose_items_are_spaced_apart_is_a_thread_with_text_after_it() {
        // Comments parted by double blank lines, then the page's rules.
        let page = format!(
            "{POST}\nIt will cost more.\n\nNobody asked.\n\n\n  1. I doubt the minister read the report.\n\n\n  2. Nor did the committee.\n\n\n\
             The rules apply to all comments, and off-topic ones are deleted.\n"
        );
        assert_eq!(
            in_thread(&page),
            [
                "I doubt the minister read the report.",
                "Nor did the committee.",
                "The rules apply to all comments, and off-topic ones are deleted."
            ]
        );
        // Items at the usual gap with text after them are the post's list.
        let close = page.replace("report.\n\n\n", "report.\n\n");
        assert!(in_thread(&close).is_empty());
    }

    #[test]
    fn a_list_of_headings_with_teasers_is_no_thread() {
        let page = "More in this category\n\n\n  • Ed needs to build on his idea\n\n    Ed said the public cannot be refuted on this...\n\n\
                    \x20 • Miliband gets his retaliation in first\n\n    Of course he is not really like that...\n\nMore in this category\n";
        assert!(in_thread(page).is_empty());
    }

    #[test]
    fn comments_that_each_end_in_a_likes_line_are_a_thread() {
        // No blank lines at all, and lines too long to have been wrapped.
        let page = "Why I post here\nI will post political material here from now on and link to it from elsewhere, \
                    with a short excerpt, so that the argument happens where I can moderate it and keep it civil.\n\
                    Choose your own path.\nLikeLiked by 2 people\nYour space, your rules.\nLikeLiked by 1 person\n";
        assert_eq!(
            in_thread(page),
            [
                "Choose your own path.",
                "LikeLiked by 2 people",
                "Your space, your rules.",
                "LikeLiked by 1 person"
            ]
        );
    }

    #[test]
    fn comments_that_each_end_in_a_closing_line_are_a_thread() {
        let page = format!(
            "{POST}\n312 Comments\n\nThe tolls paid for the bridge twice over.\n\nExpand full comment\n\n\
             Nobody asked the drivers.\n\nExpand full comment\n"
        );
        assert_eq!(
            in_thread(&page),
            [
                "The tolls paid for the bridge twice over.",
                "Expand full comment",
                "Nobody asked the drivers.",
                "Expand full comment"
            ]
        );
        // One closing line is no thread: a page can show a lone button.
        let once = page.replacen("Expand full comment", "Tolls are a tax.", 1);
        assert!(in_thread(&once).is_empty());
    }

    #[test]
    fn said_labels_of_any_name_open_a_thread_in_a_run_or_when_unnamed() {
        let run = format!(
            "{POST}\nquiet reader said...\n\nThe tolls paid for the bridge twice.\n\n\
             Jo Lee said...\n\nNobody asked the drivers.\n"
        );
        assert_eq!(
            in_thread(&run),
            [
                "quiet reader said...",
                "The tolls paid for the bridge twice.",
                "Jo Lee said...",
                "Nobody asked the drivers."
            ]
        );
        // Alone, such a line leads in a quotation.
        let lead_in = format!("{POST}\nthe minister said...\n\nTolls are a tax.\n");
        assert!(in_thread(&lead_in).is_empty());
        let named = format!("{POST}\nJo said...\n\nTolls are a tax.\n");
        assert!(in_thread(&named).is_empty());
        // A handle, a word with a digit or an underscore, names a commenter
        // even alone at the page's end.
        for handle in ["G6 said...", "tide_watcher said..."] {
            let page = format!("{POST}\n{handle}\n\nTolls are a tax.\n");
            assert_eq!(in_thread(&page), [handle, "Tolls are a tax."], "{handle}");
            // Not where the post goes on after it for longer than a comment.
            let goes_on = format!(
                "{POST}\n{handle}\n\nTolls are a tax.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n"
            );
            assert!(in_thread(&goes_on).is_empty(), "{handle}");
        }
        // The platform's name for a reader who gave none opens one alone.
        let unnamed = format!("{POST}\nAnonymous said...\n\nTolls are a tax.\n");
        assert_eq!(
            in_thread(&unnamed),
            ["Anonymous said...", "Tolls are a tax."]
        );
        let quoted = format!("{POST}\nAnonymous said:\n\nTolls are a tax.\n");
        assert!(in_thread(&quoted).is_empty());
        // A label with its time opens one whatever the display name.
        let timed =
            format!("{POST}\nAt 9:05 pm , Anonymous quiet reader said...\n\nTolls are a tax.\n");
        assert_eq!(
            in_thread(&timed),
            [
                "At 9:05 pm , Anonymous quiet reader said...",
                "Tolls are a tax."
            ]
        );
    }

    #[test]
    fn comments_that_each_end_in_their_byline_are_a_thread() {
        let page = format!(
            "{POST}\nJane Roe\n\nTolls are a tax by another name.\n\n\
             Posted by: Jo Lee | May 4, 2010 at 10:17\n\nNobody asked the drivers.\n\n\
             Posted by: Al Cole | May 4, 2010 at 10:30\n\nQUITE RIGHT\n\n\
             Posted by: Cy Dunn | May 4, 2010 at 11:02\n\nThey never do.\n\n\
             Posted by: Di Hart | May 4, 2010 at 11:40\n\nComments are closed.\n"
        );
        assert_eq!(
            in_thread(&page),
            [
                "Tolls are a tax by another name.",
                "Nobody asked the drivers.",
                "QUITE RIGHT",
                "They never do."
            ]
        );
        // The same bylines under titles are an archive's.
        let archive = "Tolls up again\n\nPosted by: Jo Lee | May 4, 2010\n\nThe council voted.\n\n\
                       Bridge closed\n\nPosted by: Al Cole | May 5, 2010\n\nIt will reopen.\n\n\
                       Ferry late\n\nPosted by: Cy Dunn | May 6, 2010\n\nAgain.\n";
        assert!(in_thread(archive).is_empty());
        // Signed like its comments, the text a page starts with is the post.
        let signed_post = "The council voted to raise the tolls.\n\nPosted by Jo at 10:36 AM\n\n\
                           Tolls are a tax.\n\nPosted by Al at May 4, 2010 10:40 AM\n\n\
                           Nobody asked.\n\nPosted by Cy at May 4, 2010 11:02 AM\n";
        assert_eq!(
            in_thread(signed_post),
            ["Tolls are a tax.", "Nobody asked."]
        );
    }

    #[test]
    fn after_a_comments_header_wide_gaps_part_comments() {
        let page = "Theresa May’s plunge\n\nReaders' comments\n\nReader comments are listed below. Comments are currently closed.\n\n\n\n\
                    In the United States we have seen this before.\n\n\nIn the other parallel universe, she is doing fine.\n";
        assert_eq!(
            in_thread(page),
            [
                "In the United States we have seen this before.",
                "In the other parallel universe, she is doing fine."
            ]
        );
        // After a reply form's header, the form is no thread.
        let form = page.replace("Readers' comments", "Leave a Reply");
        assert!(in_thread(&form).is_empty());
    }

    #[test]
    fn an_age_label_or_a_lone_label_after_a_wide_gap_opens_a_thread() {
        let page = "We were unable to load the comments.\n\nJane Roe • 6 years ago\n\nThey voted for the hair.\n";
        assert_eq!(
            in_thread(page),
            ["Jane Roe • 6 years ago", "They voted for the hair."]
        );
        let blogger = format!("{POST}\n\nJane Roe said...\n\nBring it on!\n");
        assert_eq!(in_thread(&blogger), ["Jane Roe said...", "Bring it on!"]);
        let lead_in = format!("{POST}\nJane Roe said...\n\nBring it on!\n");
        assert!(in_thread(&lead_in).is_empty());
    }
}
