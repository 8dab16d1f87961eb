//! Forum threads and comment systems that print, before each post, a block
//! of short lines about its author in the same order every time: a name, a
//! rank, "Joined: Mar 2014", "Posts: 1,204", the post's date. The first
//! post under the first block is the thread's post; every later block opens
//! a comment, written by the block's name line on the block's date.
//!
//! Journals print a smaller block over each comment: two glued "Label:
//! value" lines, one the comment's time and the other its commenter
//! ("Date: 2009-03-04 05:12 pm (UTC)" / "From: fern_owl"). Every such
//! header opens a comment, the first too ([`comment_headers`]).

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::super::furniture::{self, Byline, Furniture, date_in, looks_like_name};
use super::super::paragraphs::Paragraph;
use super::ends_as_prose;
use super::name_lines::could_be_name_line;

/// One author block: the paragraphs it spans, and which of them name the
/// author and date the post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorBlock {
    /// Index of its first line.
    pub start: usize,
    /// Index after its last line.
    pub end: usize,
    /// Index of its name line.
    pub name: usize,
    /// Index of its date line, where it has one.
    pub date: Option<usize>,
    /// Index of its first "Label: value" line.
    labels: usize,
    /// A comment's header ([`comment_headers`]): it opens a comment even as
    /// the first of its run, and its name line holds the name as its value.
    heads_comment: bool,
}

/// The longest line a block holds.
const LONGEST_LINE: usize = 60;
/// The most lines a block holds above its first "Label: value" line (a
/// date, a name, a rank, "Offline").
const MOST_LINES_ABOVE: usize = 4;
/// The most paragraphs between two blocks of a run: a post of that many
/// paragraphs and its signature.
const MOST_BETWEEN: usize = 40;
/// The most paragraphs a run spans: the posts of a page. A shape that
/// recurs over more is the archive's, not a thread's.
const MOST_SPANNED: usize = 2_000;
/// The fewest blocks a run needs.
const FEWEST_BLOCKS: usize = 3;

/// The label of a line that is a label and a short value ("Posts: 1,204",
/// "Joined: Mar 2014", "Beiträge: 46"): one to three words of letters
/// before a colon, at most forty bytes of value after it.
///
/// Accepts "Join Date: Nov 2009"; rejects "Update: the council voted to
/// raise the tolls again" (too long a value) and "12:30 pm" (no word before
/// the colon).
pub fn stat_label(text: &str) -> Option<&str> {
    if text.len() > LONGEST_LINE {
        return None;
    }
    // Asked of every short line: bytes first, and the colon only where a
    // label of at most three words can stand.
    let bytes = text.as_bytes();
    let colon = memchr::memchr(b':', &bytes[..bytes.len().min(LONGEST_LABEL + 1)])?;
    let value = text[colon + 1..].trim();
    if value.is_empty() || value.len() > 40 {
        return None;
    }
    let label = text[..colon].trim();
    let label_bytes_fit = label
        .bytes()
        .all(|b| b.is_ascii_alphabetic() || b == b' ' || b == b'.' || !b.is_ascii());
    if label.is_empty() || !label_bytes_fit {
        return None;
    }
    let words = label.split_ascii_whitespace().count();
    ((1..=3).contains(&words)
        && value.split_whitespace().count() <= 4
        && (label.is_ascii()
            || label
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '.')))
    .then_some(label)
}

/// The label of a line that is a label alone with its value glued under
/// it, as some forums print their author blocks ("Join Date" over "Mar
/// 2014", "Posts" over "1,204"): one to three words of letters, the first
/// capitalised, over a short value with a digit in it.
///
/// Accepts "Join Date" / "Mar 2014"; rejects "Join Date" / "" (blank line
/// between), "Posts" / "many" (no digit) and "Tolls up again." / "2019".
fn label_over_value(all: &[Paragraph], i: usize) -> Option<&str> {
    let label = all.get(i)?;
    let text = &*label.text;
    let is_label = text.len() <= LONGEST_LABEL
        && label.gap_after() == 0
        && !label.is_list_item()
        && text.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && text.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ')
        && text.split_ascii_whitespace().count() <= 3;
    if !is_label {
        return None;
    }
    let value = all.get(i + 1)?;
    let value_text = &*value.text;
    (value_text.len() <= 40
        && !value.is_list_item()
        && value_text.bytes().any(|b| b.is_ascii_digit())
        && value_text.split_whitespace().count() <= 4
        && stat_label(value_text).is_none())
    .then_some(text)
}

/// The longest label, in bytes: three words.
const LONGEST_LABEL: usize = 24;

/// A label's key: its words folded to lower case, hashed. The labels of
/// an archive's blocks are compared by it.
fn label_key(label: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    for c in label.chars().flat_map(char::to_lowercase) {
        c.hash(&mut hasher);
    }
    hasher.finish()
}

/// A stretch of "Label: value" lines at most one line apart, and the key
/// of its first label.
#[derive(Debug, Clone, Copy)]
struct Labelled {
    first: usize,
    last: usize,
    key: u64,
}

/// The runs of author blocks of an archive, block by block in order.
///
/// A block is a stretch of "Label: value" lines ([`stat_label`]) no more
/// than one line apart, with up to four short lines glued above it (a
/// name, a rank), the first of them that can hold a name
/// ([`could_be_name_line`]) its name line, and a date glued under it or
/// among its short lines. A run is three or more blocks whose first labels
/// are the same (two that are each the whole of a block, [`two_full_blocks`]),
/// each at most forty paragraphs after the one before, all
/// within two thousand paragraphs (the posts of a page), that are not
/// copies of one block (a passage the archive repeats).
///
/// Accepts "Jo Lee" / "Newbie" / "Joined: Mar 2014" / "Posts: 12" over
/// each of three posts of a thread, or of two ([`two_full_blocks`]);
/// rejects "Jo Lee" / "Joined: Mar 2014" over each of two posts (no rank:
/// not the whole shape twice), and "Posts: 12" quoted in a post's text (no
/// name line over it).
pub fn author_blocks<'a>(
    all: &[Paragraph],
    furniture_at: &(impl Fn(usize) -> Option<&'a Furniture> + Sync),
) -> Vec<Vec<AuthorBlock>> {
    // Asked of every paragraph, on all cores: most are too long to be
    // asked more, which reads no text.
    let labels: Vec<(usize, u64)> = all
        .par_iter()
        .enumerate()
        .filter(|(_, p)| p.text.len() <= LONGEST_LINE && !p.is_list_item())
        .filter_map(|(i, p)| {
            // A label over its value is one label line, and its value line
            // is that label's too.
            stat_label(&p.text)
                .or_else(|| label_over_value(all, i))
                .or_else(|| {
                    i.checked_sub(1)
                        .and_then(|above| label_over_value(all, above))
                })
                .map(|label| (i, label_key(label)))
        })
        .collect();
    if labels.len() < FEWEST_BLOCKS {
        return Vec::new();
    }
    let mut stretches: Vec<Labelled> = Vec::new();
    for &(i, key) in &labels {
        match stretches.last_mut() {
            Some(stretch) if i - stretch.last <= 2 && all[stretch.last].gap_after() == 0 => {
                stretch.last = i;
            }
            _ => stretches.push(Labelled {
                first: i,
                last: i,
                key,
            }),
        }
    }
    let mut found = comment_headers(all, &labels);
    drop(labels);
    // Blocks by the key of their first label, in order.
    let mut by_key: HashMap<u64, Vec<(AuthorBlock, Labelled)>> = HashMap::default();
    for stretch in &stretches {
        if let Some(block) = block_around(all, stretch, MOST_LINES_ABOVE, furniture_at) {
            by_key
                .entry(stretch.key)
                .or_default()
                .push((block, *stretch));
        }
    }
    found.extend(
        by_key
            .into_values()
            .flat_map(|blocks| runs_of(all, blocks))
            .map(|run| with_dates_in_place(of_usual_height(all, run, furniture_at))),
    );
    found.sort_unstable_by_key(|run| run[0].start);
    // Runs of two labels' blocks that cross: neither is kept whole, so the
    // later one goes.
    let mut last_end = 0;
    found.retain(|run| {
        let keep = run[0].start >= last_end;
        if keep {
            last_end = run[run.len() - 1].end;
        }
        keep
    });
    found
}

/// The block a stretch of labels belongs to: the short lines glued above
/// it, the first of them that can hold a name its name line, and a date
/// glued under it. `None` where no line above can hold a name.
fn block_around<'a>(
    all: &[Paragraph],
    stretch: &Labelled,
    most_above: usize,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> Option<AuthorBlock> {
    let short = |k: usize| {
        let p = &all[k];
        p.text.len() <= LONGEST_LINE
            && !p.is_list_item()
            && p.gap_after() == 0
            && !ends_as_prose(&p.text)
    };
    let mut start = stretch.first;
    while start > 0 && stretch.first - (start - 1) <= most_above && short(start - 1) {
        start -= 1;
    }
    // The post's number and date, on a list item glued above the block
    // ("1. 03-02-2021, 09:14 AM #1").
    if start > 0 {
        let above = &all[start - 1];
        if above.gap_after() == 0
            && above.is_list_item()
            && above.text.len() <= LONGEST_LINE
            && date_in(&above.text).is_some()
        {
            start -= 1;
        }
    }
    let is_date = |k: usize| matches!(furniture_at(k), Some(Furniture::Date(_)));
    let mut end = stretch.last + 1;
    // The post's date, glued under the labels.
    if all[stretch.last].gap_after() == 0 && end < all.len() && is_date(end) {
        end += 1;
    }
    // The post's text follows.
    if end >= all.len() {
        return None;
    }
    let name = (start..stretch.first).find(|&k| {
        let text = &*all[k].text;
        !is_date(k) && could_be_name_line(text, false)
    })?;
    // The post's date: a line of the block that is a date, or holds one
    // beside the post's number ("03-02-2021, 09:14 AM #2"), and is no label
    // (the author's "Joined:" date is not the post's).
    let date = (start..end).find(|&k| {
        k != name
            && stat_label(&all[k].text).is_none()
            && !(k > 0 && label_over_value(all, k - 1).is_some())
            && (is_date(k) || date_in(&all[k].text).is_some())
    });
    Some(AuthorBlock {
        start,
        end,
        name,
        date,
        labels: stretch.first,
        heads_comment: false,
    })
}

/// A run's blocks cut to the number of lines above their labels that most
/// of them have: a block prints the same lines every time, and a short line
/// glued above one more (a page's title, where the page has no blank
/// lines) is not the block's. A block that cut has no name line left keeps
/// its lines.
///
/// Accepts "Tolls" / "Jo Lee" / "Newbie" / "Joined: May 2010" as the title
/// and a block of three lines where the run's other blocks have two lines
/// above their labels.
fn of_usual_height<'a>(
    all: &[Paragraph],
    run: Vec<(AuthorBlock, Labelled)>,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> Vec<AuthorBlock> {
    let mut heights = [0usize; MOST_LINES_ABOVE + 1];
    for (block, _) in &run {
        heights[block.labels - block.start] += 1;
    }
    // The most common height; the lower of two as common.
    let usual = (0..heights.len())
        .rev()
        .max_by_key(|&h| heights[h])
        .unwrap_or(MOST_LINES_ABOVE);
    run.into_iter()
        .map(|(block, stretch)| {
            if block.labels - block.start <= usual {
                return block;
            }
            block_around(all, &stretch, usual, furniture_at).unwrap_or(block)
        })
        .collect()
}

/// A run's blocks, each keeping its date line only where it stands where
/// the first block's does, counted from the name line: a block prints its
/// lines in the same order every time, and a date elsewhere is the
/// previous post's, printed under its text on a page with no blank lines.
///
/// Accepts "May 4, 2010" over "Jo Lee" in every block; rejects "14.01.2015
/// at 13:13" over "Al Cole" where the first block has no date over its
/// name.
fn with_dates_in_place(mut run: Vec<AuthorBlock>) -> Vec<AuthorBlock> {
    // Above or under the name line, and how far from it.
    let place = |block: &AuthorBlock| {
        block
            .date
            .map(|date| (date < block.name, date.abs_diff(block.name)))
    };
    let first = place(&run[0]);
    for block in &mut run[1..] {
        if place(block) != first {
            block.date = None;
        }
    }
    run
}

/// The runs the blocks of `blocks` (of one first label, in order) make:
/// three or more, each close after the one before, all within a page's
/// span, and not all copies of one block.
fn runs_of(
    all: &[Paragraph],
    blocks: Vec<(AuthorBlock, Labelled)>,
) -> Vec<Vec<(AuthorBlock, Labelled)>> {
    let mut runs: Vec<Vec<(AuthorBlock, Labelled)>> = Vec::new();
    for (block, stretch) in blocks {
        match runs.last_mut() {
            Some(run)
                if run.last().is_some_and(|(last, _)| {
                    block.start >= last.end && block.start - last.end <= MOST_BETWEEN
                }) =>
            {
                run.push((block, stretch));
            }
            _ => runs.push(vec![(block, stretch)]),
        }
    }
    runs.into_iter()
        .filter(|run| {
            run.len() >= FEWEST_BLOCKS
                || (run.len() == 2 && two_full_blocks(all, &run[0].0, &run[1].0))
        })
        .filter(|run| run[run.len() - 1].0.end - run[0].0.start <= MOST_SPANNED)
        .filter(|run| {
            let text = |block: &AuthorBlock| -> Vec<&str> {
                (block.start..block.end).map(|k| &*all[k].text).collect()
            };
            let first = text(&run[0].0);
            run[1..].iter().any(|(block, _)| text(block) != first)
        })
        .collect()
}

/// The fewest labels each of two blocks prints to be a run of two.
const FEWEST_LABELS_OF_TWO: usize = 2;

/// Two blocks that are a thread of two posts: each opens on its name line
/// (under the post's date, where the block has one), with a short line
/// between the name and the labels (a rank), and both print the same two
/// labels or more in the same order. Three blocks are evidence enough of
/// a thread; two need the whole of the block's shape twice.
///
/// Accepts "Jo Lee" / "Newbie" / "Joined: Mar 2014" / "Posts: 12" over
/// each of two posts; rejects the same with "Posts:" left out of one block,
/// and with no line between the name and the labels.
fn two_full_blocks(all: &[Paragraph], first: &AuthorBlock, second: &AuthorBlock) -> bool {
    let labels = block_labels(all, first);
    labels.len() >= FEWEST_LABELS_OF_TWO
        && labels == block_labels(all, second)
        && opens_on_name(first)
        && opens_on_name(second)
}

/// Whether a block's first line, less the post's date, is its name line,
/// and a line stands between it and the labels.
fn opens_on_name(block: &AuthorBlock) -> bool {
    let first = if block.date == Some(block.start) {
        block.start + 1
    } else {
        block.start
    };
    block.name == first && block.labels > block.name + 1
}

/// The keys of a block's label lines, in order: "Joined: Mar 2014" and
/// "Join Date" over "Mar 2014" each give one.
fn block_labels(all: &[Paragraph], block: &AuthorBlock) -> Vec<u64> {
    (block.labels..block.end)
        .filter_map(|k| stat_label(&all[k].text).or_else(|| label_over_value(all, k)))
        .map(label_key)
        .collect()
}

/// The fewest comment headers a run needs.
const FEWEST_HEADERS: usize = 2;

/// The runs of comment headers of an archive: two "Label: value" lines
/// ([`stat_label`]) glued together with no label line glued above or
/// under them, one whose value is a time ([`header_date`]) and one whose
/// value is a name ([`header_name`]), in either order. A run is two or
/// more headers of the same two labels in the same order, each at most
/// forty paragraphs after the one before, with text under each, that are
/// not copies of one header. The labels are whatever the page prints
/// ("Date:" / "From:", "Datum:" / "Von:"): their repeating is the evidence.
///
/// Accepts "Date: 2009-03-04 05:12 pm (UTC)" / "From: fern_owl" over each
/// of two comments; rejects the same header once (a post quoting a
/// message) and "From:" / "To:" / "Subject:" / "Date:" (a message's
/// header, four labels glued).
fn comment_headers(all: &[Paragraph], labels: &[(usize, u64)]) -> Vec<Vec<AuthorBlock>> {
    let glued_label = |at: usize, k: usize| {
        labels
            .get(at)
            .is_some_and(|&(j, _)| j == k && all[j].gap_after() == 0)
    };
    let mut by_key: HashMap<u64, Vec<AuthorBlock>> = HashMap::default();
    for (at, pair) in labels.windows(2).enumerate() {
        let ((first, first_key), (second, second_key)) = (pair[0], pair[1]);
        let glued = second == first + 1 && all[first].gap_after() == 0;
        let label_above = first > 0 && at > 0 && glued_label(at - 1, first - 1);
        let label_under = all[second].gap_after() == 0
            && labels.get(at + 2).is_some_and(|&(j, _)| j == second + 1);
        if !glued || label_above || label_under || second + 1 >= all.len() {
            continue;
        }
        let value = |k: usize| header_value(&all[k].text);
        let is_date = |k: usize| value(k).and_then(header_date).is_some();
        let is_name = |k: usize| value(k).and_then(header_author).is_some();
        let (name, date) = if is_date(first) && is_name(second) {
            (second, first)
        } else if is_name(first) && is_date(second) {
            (first, second)
        } else {
            continue;
        };
        by_key
            .entry(first_key.rotate_left(1) ^ second_key)
            .or_default()
            .push(AuthorBlock {
                start: first,
                end: second + 1,
                name,
                date: Some(date),
                labels: first,
                heads_comment: true,
            });
    }
    by_key
        .into_values()
        .flat_map(|headers| {
            let mut runs: Vec<Vec<AuthorBlock>> = Vec::new();
            for header in headers {
                match runs.last_mut() {
                    Some(run)
                        if run
                            .last()
                            .is_some_and(|last| header.start - last.end <= MOST_BETWEEN) =>
                    {
                        run.push(header);
                    }
                    _ => runs.push(vec![header]),
                }
            }
            runs
        })
        .filter(|run| run.len() >= FEWEST_HEADERS)
        .filter(|run| {
            let text = |block: &AuthorBlock| -> Vec<&str> {
                (block.start..block.end).map(|k| &*all[k].text).collect()
            };
            let first = text(&run[0]);
            run[1..].iter().any(|block| text(block) != first)
        })
        .collect()
}

/// The value of a "Label: value" line, after its first colon.
fn header_value(text: &str) -> Option<&str> {
    text.split_once(':').map(|(_, value)| value.trim())
}

/// The time a comment header's value gives: a stamp in UTC ("2009-03-04
/// 05:12 pm (UTC)") or a whole date ("March 4, 2009 5:12 pm").
///
/// Accepts those; rejects "fern_owl" and "the council, on March 4".
fn header_date(value: &str) -> Option<String> {
    if let Some((None, date)) = furniture::utc_stamp(value) {
        return Some(date.to_string());
    }
    furniture::is_date(value).then(|| value.to_string())
}

/// Who a comment header's value says wrote the comment: a name
/// ([`header_name`]), or nobody known where the value is a bracketed mark
/// alone, which a journal prints for a profile whose name the saved page
/// lost.
///
/// Accepts "fern_owl" (`Some(Some(..))`) and "[identity profile]"
/// (`Some(None)`); rejects "the tolls went up" and "[a] note".
fn header_author(value: &str) -> Option<Option<&str>> {
    if let Some(name) = header_name(value) {
        return Some(Some(name));
    }
    let unnamed = value
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .is_some_and(|inner| !inner.is_empty() && !inner.contains(['[', ']']));
    unnamed.then_some(None)
}

/// The name a comment header's value gives, without the bracketed words a
/// journal prints before it or around it ("[personal profile] fern_owl" →
/// "fern_owl", "(Anonymous)" → "Anonymous").
///
/// Accepts "Jo Lee"; rejects "the tolls went up" and a date.
fn header_name(value: &str) -> Option<&str> {
    let name = match value
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
    {
        Some((_, rest)) => rest.trim(),
        None => value,
    };
    let name = name
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or(name)
        .trim();
    (!name.is_empty()
        && looks_like_name(name)
        && !name.bytes().all(|b| b.is_ascii_digit() || b == b','))
    .then_some(name)
}

/// The furniture an archive's runs of author blocks are: each block's
/// first line says who wrote the post under it and when, and whether it
/// opens a comment (every block of a run but the first); its other lines
/// are [`Furniture::AuthorBlock`] with no head. The last block of a run
/// also says how many paragraphs its comment may hold: as many as the
/// run's longest post, for nothing closes the last comment but the page.
pub fn block_furniture(all: &[Paragraph], runs: &[Vec<AuthorBlock>]) -> Vec<(usize, Furniture)> {
    let mut out = Vec::new();
    for run in runs {
        let longest = run
            .windows(2)
            .map(|pair| pair[1].start - pair[0].end)
            .max()
            .unwrap_or(1)
            .clamp(1, MOST_BETWEEN);
        for (n, block) in run.iter().enumerate() {
            let name = &*all[block.name].text;
            let author = if block.heads_comment {
                header_value(name)
                    .and_then(header_author)
                    .unwrap_or(Some(name))
            } else {
                Some(name)
            }
            .map(str::to_string);
            let date = block.date.and_then(|k| {
                let text = &*all[k].text;
                if block.heads_comment {
                    header_value(text).and_then(header_date)
                } else {
                    date_in(text)
                }
            });
            let last = n + 1 == run.len();
            out.push((
                block.start,
                Furniture::AuthorBlock {
                    head: Some(Box::new(Byline {
                        author,
                        date,
                        comments: None,
                        tags: Vec::new(),
                    })),
                    opens_comment: n > 0 || block.heads_comment,
                    last_reach: if last {
                        u8::try_from(longest).unwrap_or(u8::MAX)
                    } else {
                        0
                    },
                },
            ));
            out.extend((block.start + 1..block.end).map(|k| {
                (
                    k,
                    Furniture::AuthorBlock {
                        head: None,
                        opens_comment: false,
                        last_reach: 0,
                    },
                )
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::super::furniture;
    use super::super::super::paragraphs::paragraphs;
    use super::*;

    /// The name lines of the blocks `text`'s runs hold.
    fn names(text: &str) -> Vec<String> {
        let all = paragraphs(text);
        let known: Vec<Option<Furniture>> =
            all.iter().map(|p| furniture::recognise(&p.text)).collect();
        author_blocks(&all, &|i: usize| known.get(i).and_then(Option::as_ref))
            .into_iter()
            .flatten()
            .map(|block| all[block.name].text.to_string())
            .collect()
    }

    fn block(name: &str, rank: &str, joined: &str, posts: u32) -> String {
        format!("{name}\n{rank}\nJoined: {joined}\nPosts: {posts}\nMay 4, 2010, 10:12 am\n\n")
    }

    const TEXT: &str = "The quay fees went up again and nobody was told.\n\n";

    #[test]
    fn three_blocks_of_the_same_labels_are_a_run() {
        let page = format!(
            "Quay fees\n\n{}{TEXT}{}{TEXT}{}{TEXT}",
            block("Brindle", "Member", "Mar 2014", 12),
            block("Tamsin Oak", "Newbie", "Jan 2019", 3),
            block("Corvel", "Moderator", "Aug 2011", 811),
        );
        assert_eq!(names(&page), ["Brindle", "Tamsin Oak", "Corvel"]);
        // Labels in another language, whatever they say.
        let other = page
            .replace("Joined:", "Dabei seit:")
            .replace("Posts:", "Beiträge:");
        assert_eq!(names(&other), ["Brindle", "Tamsin Oak", "Corvel"]);
    }

    #[test]
    fn two_full_blocks_are_a_run_named_by_their_first_lines() {
        // Name, rank, the same two labels: the name is the first line,
        // never the rank under it.
        let page = format!(
            "Quay fees\n\n{}{TEXT}{}{TEXT}",
            block("Brindle", "Member", "Mar 2014", 12),
            block("Tamsin Oak", "Newbie", "Jan 2019", 3),
        );
        assert_eq!(names(&page), ["Brindle", "Tamsin Oak"]);
    }

    #[test]
    fn two_blocks_that_are_not_full_are_no_run() {
        // One label fewer in the second block.
        let page = format!(
            "Quay fees\n\n{}{TEXT}Tamsin Oak\nNewbie\nJoined: Jan 2019\nMay 4, 2010, 10:12 am\n\n{TEXT}",
            block("Brindle", "Member", "Mar 2014", 12),
        );
        assert!(names(&page).is_empty());
        // No rank between the name and the labels.
        let bare = |name: &str| format!("{name}\nJoined: Mar 2014\nPosts: 12\n\n{TEXT}");
        let page = format!("Quay fees\n\n{}{}", bare("Brindle"), bare("Tamsin Oak"));
        assert!(names(&page).is_empty());
        // One label each.
        let one = |name: &str| format!("{name}\nMember\nPosts: 12\n\n{TEXT}");
        let page = format!("Quay fees\n\n{}{}", one("Brindle"), one("Tamsin Oak"));
        assert!(names(&page).is_empty());
    }

    #[test]
    fn blocks_too_far_apart_are_no_run() {
        let long_post = TEXT.repeat(MOST_BETWEEN + 1);
        let page = format!(
            "Quay fees\n\n{}{long_post}{}{long_post}{}{long_post}",
            block("Brindle", "Member", "Mar 2014", 12),
            block("Tamsin Oak", "Newbie", "Jan 2019", 3),
            block("Corvel", "Moderator", "Aug 2011", 811),
        );
        assert!(names(&page).is_empty());
    }

    #[test]
    fn copies_of_one_block_are_no_run() {
        let one = block("Brindle", "Member", "Mar 2014", 12);
        let page = format!("Quay fees\n\n{one}{TEXT}{one}{TEXT}{one}{TEXT}");
        assert!(names(&page).is_empty());
    }

    #[test]
    fn a_label_quoted_in_a_post_is_no_block() {
        // "Posts: 12" under prose, three times: no name line above it.
        let quoted = "The board's page said:\nPosts: 12\n\nThat was all it said.\n\n";
        let page = format!("Quay fees\n\n{}", quoted.repeat(3));
        assert!(names(&page).is_empty());
    }

    #[test]
    fn a_date_where_the_first_block_has_none_is_the_previous_posts() {
        // No blank lines: each post's date is printed under its text,
        // glued over the next block's name.
        let post = |name: &str, date: &str| {
            format!("{name}\nRank: Member\nPosts: 12\nThe quay fees went up again.\n{date}\n")
        };
        let page = format!(
            "Quay fees\n{}{}{}",
            post("Brindle", "May 4, 2010"),
            post("Tamsin Oak", "May 5, 2010"),
            post("Corvel", "May 6, 2010"),
        );
        let all = paragraphs(&page);
        let known: Vec<Option<Furniture>> =
            all.iter().map(|p| furniture::recognise(&p.text)).collect();
        let runs = author_blocks(&all, &|i: usize| known.get(i).and_then(Option::as_ref));
        let dates: Vec<Option<usize>> = runs.iter().flatten().map(|block| block.date).collect();
        assert_eq!(dates, [None, None, None], "{:?}", runs);
    }

    /// The (name, date) of every comment header's furniture in `text`.
    fn headers(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let all = paragraphs(text);
        let known: Vec<Option<Furniture>> =
            all.iter().map(|p| furniture::recognise(&p.text)).collect();
        let runs = author_blocks(&all, &|i: usize| known.get(i).and_then(Option::as_ref));
        block_furniture(&all, &runs)
            .into_iter()
            .filter_map(|(_, f)| match f {
                Furniture::AuthorBlock {
                    head: Some(head),
                    opens_comment: true,
                    ..
                } => Some((head.author, head.date)),
                _ => None,
            })
            .collect()
    }

    fn header(date: &str, from: &str) -> String {
        format!("Date: {date} (UTC)\nFrom: {from}\n{TEXT}")
    }

    #[test]
    fn two_headers_of_a_date_and_a_name_each_open_a_comment() {
        let page = format!(
            "Quay fees\n\n{TEXT}{}{}",
            header("2009-03-04 05:12 pm", "[personal profile] fern_owl"),
            header("2009-03-04 06:30 pm", "(Anonymous)"),
        );
        let found = |name: &str, date: &str| (Some(name.to_string()), Some(date.to_string()));
        assert_eq!(
            headers(&page),
            [
                found("fern_owl", "2009-03-04 05:12 pm"),
                found("Anonymous", "2009-03-04 06:30 pm")
            ]
        );
        // Whatever the labels say, and in either order.
        let other = page
            .replace(
                "Date: 2009-03-04 05:12 pm (UTC)\nFrom: [personal profile] fern_owl",
                "Von: fern_owl\nDatum: 2009-03-04 05:12 pm (UTC)",
            )
            .replace(
                "Date: 2009-03-04 06:30 pm (UTC)\nFrom: (Anonymous)",
                "Von: Anonymous\nDatum: 2009-03-04 06:30 pm (UTC)",
            );
        assert_eq!(headers(&other).len(), 2, "{other}");
    }

    #[test]
    fn one_header_or_a_messages_header_opens_no_comment() {
        // Once: a post quoting a message.
        let once = format!(
            "Quay fees\n\n{TEXT}{}",
            header("2011-02-14 10:02 am", "Board Secretary")
        );
        assert!(headers(&once).is_empty());
        // Twice, each inside a message's header of four labels.
        let message = |date: &str| {
            format!("From: Board Secretary\nTo: Jo Lee\nSubject: Fees\nDate: {date}\n{TEXT}")
        };
        let quoted = format!(
            "Quay fees\n\n{TEXT}{}{}",
            message("May 4, 2010"),
            message("May 9, 2010")
        );
        assert!(headers(&quoted).is_empty());
        // Two lines of a name and a date that are not glued.
        let apart = format!(
            "Quay fees\n\n{TEXT}{}{}",
            header("2009-03-04 05:12 pm", "fern_owl").replace(")\nFrom", ")\n\nFrom"),
            header("2009-03-04 06:30 pm", "quill_hare").replace(")\nFrom", ")\n\nFrom"),
        );
        assert!(headers(&apart).is_empty());
    }

    #[test]
    fn a_header_value_is_a_date_or_a_name() {
        assert_eq!(
            header_date("2009-03-04 05:12 pm (UTC)").as_deref(),
            Some("2009-03-04 05:12 pm")
        );
        assert_eq!(header_date("fern_owl"), None);
        assert_eq!(header_name("[personal profile] fern_owl"), Some("fern_owl"));
        assert_eq!(header_name("(Anonymous)"), Some("Anonymous"));
        assert_eq!(header_name("the tolls went up"), None);
        assert_eq!(header_name("2,442"), None);
        assert_eq!(header_author("fern_owl"), Some(Some("fern_owl")));
        assert_eq!(header_author("[identity profile]"), Some(None));
        assert_eq!(header_author("[personal profile]"), Some(None));
        assert_eq!(header_author("[a] [b]"), None);
        assert_eq!(header_author("[]"), None);
        assert_eq!(header_author("the tolls went up"), None);
    }

    #[test]
    fn blocks_that_print_each_label_over_its_value_are_a_run() {
        let block = |name: &str, joined: &str, posts: u32| {
            format!(
                "  1. 03-02-2021, 09:14 AM #1\n    {name}\n    Member\n    Join Date\n    {joined}\n    Posts\n    {posts}\n\n    {TEXT}"
            )
        };
        let page = format!(
            "Quay fees\n\n{}{}{}",
            block("Brindle", "Mar 2014", 12),
            block("Tamsin Oak", "Jan 2019", 3),
            block("Corvel", "Aug 2011", 811),
        );
        assert_eq!(names(&page), ["Brindle", "Tamsin Oak", "Corvel"]);
        // Two such blocks, each a name over a rank over the same labels,
        // are a thread of two posts.
        let two = format!(
            "Quay fees\n\n{}{}",
            block("Brindle", "Mar 2014", 12),
            block("Tamsin Oak", "Jan 2019", 3),
        );
        assert_eq!(names(&two), ["Brindle", "Tamsin Oak"]);
    }

    #[test]
    fn a_label_over_its_value_is_glued_to_a_value_with_a_digit() {
        let first_label = |text: &str| {
            let all = paragraphs(text);
            label_over_value(&all, 0).map(str::to_string)
        };
        assert_eq!(
            first_label("Join Date\nMar 2014\n").as_deref(),
            Some("Join Date")
        );
        assert_eq!(first_label("Posts\n1,204\n").as_deref(), Some("Posts"));
        assert_eq!(first_label("Join Date\n\nMar 2014\n"), None);
        assert_eq!(first_label("Posts\nmany\n"), None);
        assert_eq!(first_label("Tolls up again.\n2019\n"), None);
    }

    #[test]
    fn a_label_line_is_short_and_led_by_words() {
        assert_eq!(stat_label("Join Date: Nov 2009"), Some("Join Date"));
        assert_eq!(stat_label("Beiträge: 2,442"), Some("Beiträge"));
        assert_eq!(
            stat_label("Update: the council voted to raise the tolls again"),
            None
        );
        assert_eq!(stat_label("12:30 pm"), None);
    }
}
