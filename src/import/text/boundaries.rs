//! Where posts start, beyond the titles the segmenter picks: the furniture
//! printed above a title, the title a comments header names, posts whose
//! title the scrape lost, and the reply form, where none starts.

use rayon::prelude::*;

use super::furniture::{self, Furniture};
use super::paragraphs::Paragraph;
use super::segment;

/// The furniture at archive index `i`, in a list sorted by index.
pub fn at(furniture: &[(usize, Furniture)], i: usize) -> Option<&Furniture> {
    furniture
        .binary_search_by_key(&i, |(at, _)| *at)
        .ok()
        .map(|found| &furniture[found].1)
}

/// Whether the line at `i` is a time of day alone under a date line, the
/// rest of that dateline ("March 4th, 2009" / "05:12 pm"), which the
/// archive's furniture holds as page chrome.
pub fn is_time_under_date(all: &[Paragraph], furniture: &[(usize, Furniture)], i: usize) -> bool {
    i > 0
        && matches!(at(furniture, i), Some(Furniture::PageChrome))
        && matches!(at(furniture, i - 1), Some(Furniture::Date(_)))
        && all
            .get(i)
            .is_some_and(|p| furniture::is_time_of_day(&p.text))
}

/// What the furniture printed right above a title says of its post, and
/// how many lines it takes.
#[derive(Debug, Clone, Default)]
pub struct Above {
    pub lines: usize,
    pub date: Option<String>,
    pub author: Option<String>,
    /// The date of the day heading over an earlier post, with no other
    /// date between, where the archive prints two day headings or more:
    /// the date of a post that prints none of its own.
    pub day: Option<String>,
}

/// The most lines of furniture read above a title.
pub const MAX_ABOVE: usize = 3;

/// The furniture right above each title that is its post's. A date right
/// above a title is ("Monday, 25 December 2023" over the title), unless it
/// stands right under the title before, whose post it dates (where that
/// title is prose made for a post that lost its own, the date is the next
/// post's all the same); where the
/// archive's first post has a byline above its title ("Posted by: Jane |
/// May 4, 2010" over it), the template prints its furniture above titles,
/// and the bylines and dates above every title are that post's, not the end
/// of the post before. Where dates head stacks of titles
/// ([`stack_titles_under_dates`]), a date right under a title is the next
/// one's too. A time of day alone under the date is part of its dateline
/// ([`is_time_under_date`]).
pub fn furniture_above_titles(
    all: &[Paragraph],
    titles: &[usize],
    furniture: &[(usize, Furniture)],
    dates_head_titles: bool,
) -> Vec<Above> {
    let furniture_at = |i: usize| at(furniture, i);
    let lines_above = |n: usize, any_kind: bool| {
        let title = titles[n];
        let floor = n.checked_sub(1).map_or(0, |p| titles[p] + 1);
        let mut lines = Vec::new();
        // A post that opens on a picture's caption has nothing above it:
        // what stands over the caption is the post's before, as it is
        // where the caption stands over the title.
        if matches!(furniture_at(title), Some(Furniture::Caption { .. })) {
            return lines;
        }
        let mut at = title;
        // A date right under the title before is that post's, unless
        // that title is prose, made for a post whose title was lost.
        let under_a_title = |date: usize| {
            n > 0
                && date == floor
                && !dates_head_titles
                && !segment::is_untitled_prose(&all[titles[n - 1]].text)
        };
        while at > floor && lines.len() < MAX_ABOVE {
            // A time of day under a date is that dateline's: read on up.
            if at - 1 > floor && is_time_under_date(all, furniture, at - 1) {
                lines.push((at - 1, &Furniture::PageChrome));
                at -= 1;
                continue;
            }
            match furniture_at(at - 1) {
                Some(f @ Furniture::Date(_)) if any_kind || !under_a_title(at - 1) => {
                    lines.push((at - 1, f));
                }
                Some(f @ Furniture::Byline(_)) if any_kind => lines.push((at - 1, f)),
                _ => break,
            }
            at -= 1;
            if !any_kind {
                break;
            }
        }
        lines
    };
    let above_template = !titles.is_empty()
        && lines_above(0, true)
            .iter()
            .any(|(_, f)| matches!(f, Furniture::Byline(_)));
    let mut found: Vec<Above> = (0..titles.len())
        .map(|n| {
            let lines = lines_above(n, above_template);
            let mut above = Above {
                lines: lines.len(),
                ..Above::default()
            };
            for (at, f) in lines {
                match f {
                    Furniture::Date(date) => {
                        above
                            .date
                            .get_or_insert_with(|| date.text(&all[at].text).to_string());
                    }
                    Furniture::Byline(byline) => {
                        if above.date.is_none() {
                            above.date.clone_from(&byline.date);
                        }
                        if above.author.is_none() {
                            above.author.clone_from(&byline.author);
                        }
                    }
                    _ => {}
                }
            }
            above
        })
        .collect();
    // Titles printed one under another share the date printed over the
    // first of them.
    for n in 1..titles.len() {
        // A date that stands for a lost title is its own post's.
        let dated_itself = matches!(furniture_at(titles[n]), Some(Furniture::Date(_)));
        if found[n].date.is_none()
            && found[n].lines == 0
            && titles[n - 1] + 1 == titles[n]
            && !dated_itself
        {
            found[n].date = found[n - 1].date.clone();
        }
    }
    // Blogger heads each day's posts with the day's date, over the first
    // of them only. One date over the page's first post says no such
    // thing: the page may date only its newest post.
    let day_headings = found.iter().filter(|above| above.date.is_some()).count();
    if day_headings >= 2 {
        let mut day: Option<String> = None;
        for above in &mut found {
            if above.date.is_some() {
                day.clone_from(&above.date);
            } else {
                above.day.clone_from(&day);
            }
        }
    }
    found
}

/// How far back from a comments header the title it names is looked for.
const NAMED_REACH: usize = 4;

/// A comments header that names its post ("12 comments on “Tolls up
/// again”") belongs to the latest title before it of that name: lines taken
/// for titles between the two (a donation box, a caption) are that post's.
pub fn drop_titles_inside_named_posts(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
) {
    // Each header is read and matched on its own, on all cores.
    let titles_so_far: &[usize] = titles;
    let inside: Vec<usize> = furniture
        .par_iter()
        .filter_map(|(at, f)| {
            matches!(f, Furniture::CommentsHeader { .. })
                .then(|| furniture::title_in_header(&all[*at].text))
                .flatten()
                .map(|named| (*at, named))
        })
        .flat_map_iter(|(at, named)| {
            let before = titles_so_far.partition_point(|&t| t < at);
            let reach = before.saturating_sub(NAMED_REACH);
            let first = (reach..before)
                .rev()
                .find(|&j| names_the_same(&all[titles_so_far[j]].text, named))
                .map_or(before, |j| j + 1);
            titles_so_far[first..before].iter().copied()
        })
        .collect();
    if !inside.is_empty() {
        titles.retain(|t| !inside.contains(t));
    }
}

/// A forum thread's first post runs from its author block to the run's
/// next block, which opens the first reply: a line taken for a title in
/// between (a short last line, a quoted question) is that post's, unless it
/// stands right above the next block, where a run that holds two threads
/// prints the second's title.
///
/// Accepts "Jo Lee" / "Newbie" / "Joined: Mar 2014" / "Tolls again." /
/// "If so, pay up :)" / "Glued last line." / "Al Cole" / … as one post;
/// rejects the same with "Ferry fares" right over "Al Cole" (the next
/// thread's title).
pub fn drop_titles_inside_first_posts(titles: &mut Vec<usize>, furniture: &[(usize, Furniture)]) {
    // Each first post as the index of its block and of the next block.
    let mut first_posts = Vec::new();
    let mut open = None;
    for (at, f) in furniture {
        if let Furniture::AuthorBlock {
            head: Some(_),
            opens_comment,
            ..
        } = f
        {
            if let Some(first) = open.take()
                && *opens_comment
            {
                first_posts.push((first, *at));
            }
            if !opens_comment {
                open = Some(*at);
            }
        }
    }
    if first_posts.is_empty() {
        return;
    }
    titles.retain(|&title| {
        let after = first_posts.partition_point(|&(first, _)| first < title);
        after
            .checked_sub(1)
            .is_none_or(|k| title + 1 >= first_posts[k].1)
    });
}

/// A page that opens on its comments header and then its thread shows no
/// title: the first line taken for a title is a comment (its label, or its
/// text where comments carry none). The post starts at the header, which
/// gives its title where it names one ("5 Responses to Tolls up again")
/// and stands for it where it only counts ("67 Comments").
///
/// A page whose thread starts under its dateline, with nothing but the
/// page's furniture above, has no title either: the post starts at the
/// dateline, which stands for it, rather than at the first commenter's
/// name.
///
/// Accepts "5 Responses to Tolls up again" / "1. Jo Lee says:" / …,
/// "67 Comments" / "Tolls are a tax." / "Expand full comment" / …, and
/// "May 4, 2010" / "Jo Lee" / "Tolls are a tax." / "Al Cole" / …;
/// rejects a header after a title that is no comment ("Tolls up again" /
/// "The council voted." / "2 Responses to Tolls up again"), and a reply
/// form's header that names nothing ("Leave a Reply").
pub fn title_from_leading_header(
    all: &[Paragraph],
    titles: &mut [usize],
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool,
) {
    let Some(first) = titles.first_mut() else {
        return;
    };
    if !in_thread(*first) {
        return;
    }
    let header = furniture[..furniture.partition_point(|(at, _)| at < first)]
        .iter()
        .rev()
        .take_while(|(at, _)| *first - at <= MAX_ABOVE)
        .find_map(|(at, f)| match f {
            Furniture::CommentsHeader { form, .. } => Some((*at, *form)),
            // A count the page opens with ends no teaser: it heads the
            // comments under it.
            Furniture::PostEnd { comments: Some(_) }
                if (0..*at).all(|i| self::at(furniture, i).is_some()) =>
            {
                Some((*at, false))
            }
            _ => None,
        });
    let Some((header, form)) = header else {
        // No header: a thread straight under the page's dateline, with no
        // post text, shows no title either. The dateline stands for it.
        if (0..*first).all(|i| at(furniture, i).is_some())
            && let Some(dateline) =
                (0..*first).rfind(|&i| matches!(at(furniture, i), Some(Furniture::Date(_))))
        {
            *first = dateline;
        }
        return;
    };
    let only_furniture_between = (header + 1..*first).all(|i| at(furniture, i).is_some());
    if only_furniture_between && (!form || furniture::title_in_header(&all[header].text).is_some())
    {
        *first = header;
    }
}

/// A breadcrumb trail whose last step names the line under it ("Home »
/// News » Tolls up again" over "Tolls up again") shows where the post
/// starts: that line is its title, and lines taken for titles just above
/// the trail (the blog's name) are the page's header.
///
/// Accepts "Jo's Blog" / "Home » News » Tolls up again" / "Tolls up
/// again", dropping "Jo's Blog" for "Tolls up again"; keeps the titles
/// around a trail that names another line.
pub fn titles_under_breadcrumbs(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
) {
    // Sorted, so that each trail finds the titles just over it by binary
    // search rather than by reading them all: an archive of saved pages
    // has a trail on every page.
    titles.sort_unstable();
    let mut over: Vec<usize> = Vec::new();
    let mut named_titles: Vec<usize> = Vec::new();
    for (trail, f) in furniture {
        let Furniture::Breadcrumb { last_step } = f else {
            continue;
        };
        let named = last_step.text(&all[*trail].text);
        let under = trail + 1;
        if all
            .get(under)
            .is_some_and(|p| at(furniture, under).is_none() && names_the_same(&p.text, named))
        {
            let reach = trail.saturating_sub(NAMED_REACH);
            let from = titles.partition_point(|&t| t < reach);
            let to = titles.partition_point(|&t| t < *trail);
            over.extend_from_slice(&titles[from..to]);
            named_titles.push(under);
        }
    }
    if over.is_empty() && named_titles.is_empty() {
        return;
    }
    over.sort_unstable();
    titles.retain(|t| over.binary_search(t).is_err());
    titles.extend(named_titles);
    titles.sort_unstable();
    titles.dedup();
}

/// Whether a header's name for a post is the post's title, the header's
/// perhaps cut short: compared on letters and digits, in lower case.
pub fn names_the_same(title: &str, named: &str) -> bool {
    // Each letter in lower case, as its first lower-case letter where it
    // has several ("İ"): ASCII, the common case, without tables.
    fn letters(text: &str) -> impl Iterator<Item = char> + '_ {
        text.chars().filter_map(|c| {
            if c.is_ascii() {
                c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
            } else {
                c.is_alphanumeric()
                    .then(|| c.to_lowercase().next().unwrap_or(c))
            }
        })
    }
    // Compared as they go, with no copies: most headers differ early.
    let mut title = letters(title);
    let mut matched = 0;
    for c in letters(named) {
        if title.next() != Some(c) {
            return false;
        }
        matched += c.len_utf8();
    }
    matched > 0 && (matched >= 8 || title.next().is_none())
}

/// A short line with no closing punctuation, as titles are: a date under
/// it is that post's, not the next one's. A note wholly in square
/// brackets ("[Ed - No post on Monday]") is the page's aside and heads
/// nothing.
pub fn heads_something(text: &str) -> bool {
    text.len() <= 160
        && !text.ends_with(['.', '!', '?', ':', ',', ';', '…', '"', '”'])
        && !(text.starts_with('[') && text.ends_with(']'))
}

/// Posts that print no title, each ending in a footer: a post's end
/// ([`Furniture::ends_post`], or the role the archive taught), or a byline
/// that gives a time of day and no date, which stands under a post's text
/// where the day's heading above gives the date ("Posted at 5:24 PM by
/// Jo Lee"). Where two footers or more have, right under them (furniture
/// aside), a paragraph of prose that no title heads, each such paragraph
/// opens a post whose title is made from it. Where the segmenter found no
/// title but the page's first line, over nothing but furniture that holds
/// a date and then prose, that line is the page's name and the prose
/// opens the first post too.
///
/// Accepts "Blog Name" / "Friday, June 5, 2009" / prose / "Posted at 5:24
/// PM by Jo Lee" / prose / "Posted at 4:10 PM by Jo Lee" / prose / "Posted
/// at 3:02 PM by Jo Lee" as three posts; rejects the same where titles
/// stand under the footers, and with one footer only (a post page's).
pub fn untitled_posts_after_footers(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool,
    ends_post: impl Fn(usize) -> bool,
) {
    let Some(&first) = titles.first() else {
        return;
    };
    let is_title = |i: usize| titles.binary_search(&i).is_ok();
    let footers: Vec<usize> = furniture
        .iter()
        .map(|&(line, _)| line)
        .filter(|&line| {
            line > first
                && !in_thread(line)
                && !is_title(line - 1)
                && at(furniture, line - 1).is_none()
                && (ends_post(line) || is_time_footer(all, furniture, line))
        })
        .collect();
    let starts: Vec<usize> = footers
        .iter()
        .enumerate()
        .filter_map(|(k, &line)| {
            let next = (line + 1..all.len().min(line + 1 + MAX_ABOVE))
                .find(|&i| at(furniture, i).is_none())?;
            // Prose under a footer that a title follows before the next
            // footer is the end of the page's post (a note on its
            // writer), not a post.
            let next_footer = footers.get(k + 1).copied().unwrap_or(all.len());
            let title_after = titles.get(titles.partition_point(|&t| t <= next)).copied();
            (!in_thread(next)
                && !is_title(next)
                && title_after.is_none_or(|title| title > next_footer)
                && !all[next].is_list_item()
                && segment::is_prose(&all[next].text))
            .then_some(next)
        })
        .collect();
    if starts.len() < 2 {
        return;
    }
    // The page's name over its day's heading, where the page prints no
    // title at all.
    let first_text = (first + 1..all.len()).find(|&i| at(furniture, i).is_none());
    if let Some(text) = first_text
        && titles.len() == 1
        && (0..first).all(|i| at(furniture, i).is_some())
        && (first + 1..text).any(|i| matches!(at(furniture, i), Some(Furniture::Date(_))))
        && !in_thread(text)
        && segment::is_prose(&all[text].text)
        && !segment::is_prose(&all[first].text)
    {
        titles[0] = text;
    }
    titles.extend(starts);
    titles.sort_unstable();
    titles.dedup();
}

/// Whether the line at `line` is a byline that gives a time of day and
/// no date, as Blogger prints under a post's text where the day's heading
/// above gives the date ("Posted by Jo Lee at 5:24 PM").
pub fn is_time_footer(all: &[Paragraph], furniture: &[(usize, Furniture)], line: usize) -> bool {
    matches!(at(furniture, line), Some(Furniture::Byline(byline))
        if byline.author.is_some() && byline.date.is_none() && has_time_of_day(&all[line].text))
}

/// Whether a line gives a time of day ("5:24 PM", "17.05").
fn has_time_of_day(text: &str) -> bool {
    text.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit()
            && matches!(w[1], b':' | b'.')
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
    })
}

/// Posts whose title the scrape lost. A line of the furniture the archive
/// prints under its titles (a dateline, a byline), standing after the end
/// of a post rather than under a title, with the post's text under it
/// (prose, or any line no title is shaped as: a quotation, a lead-in),
/// opens a post of its own; that line is all the title it has, unless a
/// heading that ends in a colon stands under it ("Health Care:"), which is
/// the title. The archive must print that kind of furniture under two
/// titles or more (a title of prose, made for a post that lost its own,
/// has none under it: the line is the next post's); or, where no title has
/// any, open on a line of it over its first post's text and print two more
/// after a post's end.
///
/// Where the line is glued to a sentence above it, that sentence is the
/// post's standfirst and the line set apart above it the title the
/// segmenter passed over.
///
/// Accepts "…the last post's end." / "[ 32 ] December 29, 2012 |" / prose,
/// and "Ferries dearer" / "The operator blames fuel." / "9:17 AM, May 5,
/// 2010" / prose, where titles elsewhere have such a line under them;
/// rejects a date inside a post of an archive that prints no dates under
/// titles, and a dateline glued to the sentence it dates.
pub fn posts_with_lost_titles(
    all: &[Paragraph],
    titles: &[usize],
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool,
    follows_title: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let Some(&first) = titles.first() else {
        return Vec::new();
    };
    let kind = |f: &Furniture| std::mem::discriminant(f);
    // The kinds of furniture the archive prints under its titles.
    let mut under_titles: Vec<(std::mem::Discriminant<Furniture>, usize)> = Vec::new();
    for &title in titles {
        // A title that is prose was made for a post whose title the
        // scrape lost: the line under it is the next post's.
        if segment::is_untitled_prose(&all[title].text) {
            continue;
        }
        if let Some(f) = at(furniture, title + 1).filter(|_| follows_title(title + 1)) {
            match under_titles.iter_mut().find(|(k, _)| *k == kind(f)) {
                Some((_, count)) => *count += 1,
                None => under_titles.push((kind(f), 1)),
            }
        }
    }
    // A page whose titles the scrape lost everywhere opens on the line
    // over its first post's text: the kind of line the others are, where
    // two more of them stand after a post's end.
    let opening_kind = first
        .checked_sub(1)
        .and_then(|over| at(furniture, over).filter(|_| follows_title(over)))
        .filter(|_| under_titles.is_empty())
        .filter(|_| (0..first - 1).all(|i| at(furniture, i).is_some()))
        .filter(|_| segment::is_prose(&all[first].text))
        .map(kind);
    if let Some(opening) = opening_kind {
        under_titles.push((opening, 2));
    }
    let printed_under_titles = |f: &Furniture| {
        under_titles
            .iter()
            .any(|&(k, count)| k == kind(f) && count >= 2)
    };
    if under_titles.is_empty() {
        return Vec::new();
    }
    let no_furniture = |i: usize| at(furniture, i).is_none() && !in_thread(i);
    let is_title = |i: usize| titles.binary_search(&i).is_ok();
    let lost: Vec<usize> = furniture
        .iter()
        .filter(|&&(line, ref f)| {
            line > first
                && follows_title(line)
                && printed_under_titles(f)
                && !in_thread(line)
                && (!is_title(line - 1) || segment::is_untitled_prose(&all[line - 1].text))
                && !is_title(line + 1)
                && all.get(line + 1).is_some_and(|text| {
                    no_furniture(line + 1)
                        && (segment::is_prose(&text.text) || !is_title_shaped(text))
                })
        })
        .filter_map(|&(line, _)| {
            let above = &all[line - 1];
            if above.gap_after() > 0 {
                // The line stands apart from the text above it: the end of
                // the post before, with its title lost.
                // A sentence in brackets ends a post as one outside them.
                let ends_a_post = at(furniture, line - 1).is_none_or(Furniture::ends_post)
                    && !(at(furniture, line - 1).is_none()
                        && heads_something(above.text.trim_end_matches(')')));
                // "Health Care:" under the date: a title written as a
                // lead-in.
                let lead_in_title = !all[line + 1].is_list_item()
                    && segment::is_lead_in_heading(&all[line + 1].text);
                return ends_a_post.then_some(if lead_in_title { line + 1 } else { line });
            }
            // Glued to a sentence ("The operator says fuel is to blame." /
            // "9:17 AM, May 5, 2010"): a standfirst, under a title of its
            // own set apart above it.
            let title = line.checked_sub(2).filter(|&t| t > first)?;
            let standfirst = no_furniture(line - 1)
                && above.text.len() <= STANDFIRST_MAX
                && above.text.ends_with(['.', '!', '?']);
            let heads = no_furniture(title)
                && !is_title(title)
                && all[title].gap_after() > 0
                && heads_something(&all[title].text)
                && !all[title].is_list_item()
                && all[title - 1].gap_after() > 0;
            (standfirst && heads).then_some(title)
        })
        .collect();
    if opening_kind.is_some() && lost.len() < 2 {
        return Vec::new();
    }
    lost
}

/// A line shaped as a title: short, opening on a capital or a digit, not
/// ending as a sentence or a clause does, at no list marker, and not a
/// line that heads nothing ([`segment::never_heads`]).
pub fn is_title_shaped(p: &Paragraph) -> bool {
    let text = &*p.text;
    !p.is_list_item()
        && text.len() <= 110
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        // "… [A snippet from the paper:]": a sentence inside a closing
        // bracket ends the line as it would outside one.
        && !text
            .trim_end_matches([']', ')'])
            .ends_with(['.', ',', ';', ':', '…'])
        && !segment::never_heads(text)
}

/// The longest standfirst read between a title and its dateline.
const STANDFIRST_MAX: usize = 240;

/// The most titles read in a stack under one date.
const MAX_STACKED: usize = 12;

/// Titles stacked under a date header with no text of their own between
/// them, as Blogger's archive pages print posts whose text the scrape left
/// out: each line of the stack is a post's title, the last one's text (if
/// any) under it. The page must print two date headers or more, each over
/// a stack that holds a title the segmenter found, so that a date line is
/// known to head posts there; short lines over the first date are then
/// the page's header, unless a post's end stands among them. Whether the
/// page prints so: if not, a date right under a title may be that title's.
///
/// Accepts "Tuesday, June 30, 2020" / "Tolls up again" / "Buses late
/// again?" / prose, where another date heads another title; rejects the
/// same under a page's only date, a stack that runs into a list, and one
/// the page ends in (its last line may be cut short). A citation under a
/// title ("RNZ: Tolls up again") is that post's text, which ends the stack.
pub fn stack_titles_under_dates(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool,
    is_citation: impl Fn(usize) -> bool,
    ends_post: impl Fn(usize) -> bool,
) -> bool {
    let is_date = |i: usize| matches!(at(furniture, i), Some(Furniture::Date(_)));
    let title_shaped = |i: usize| {
        at(furniture, i).is_none() && !in_thread(i) && !is_citation(i) && is_title_shaped(&all[i])
    };
    // The stacks of title-shaped lines under dates.
    let mut stacks = Vec::new();
    // A comment's time, with the comment under it, is passed over first.
    for &(date, _) in furniture.iter().filter(|(i, f)| {
        matches!(f, Furniture::Date(_)) && !in_thread(*i) && i + 1 < all.len() && !in_thread(i + 1)
    }) {
        let start = date + 1;
        let Some(end) = (start..all.len().min(start + MAX_STACKED)).find(|&i| !title_shaped(i))
        else {
            // The page's end, or a stack too tall: a line the scrape cut
            // short is no title.
            continue;
        };
        if end == start {
            continue;
        }
        // What ends the stack: the next date, or a post's text under its
        // last title.
        let closed = is_date(end)
            || (at(furniture, end).is_none()
                && !all[end].is_list_item()
                && (is_citation(end) || segment::is_prose(&all[end].text)));
        if closed {
            stacks.push(start..end);
        }
    }
    let heading_posts = stacks
        .iter()
        .filter(|stack| (**stack).clone().any(|i| titles.binary_search(&i).is_ok()))
        .take(2)
        .count();
    if heading_posts < 2 {
        return false;
    }
    let first_date = stacks[0].start - 1;
    let stacked: Vec<usize> = stacks
        .into_iter()
        .flatten()
        .filter(|i| titles.binary_search(i).is_err())
        .collect();
    // Lines over the first date with no text among them are the page's
    // header (the blog's name, its tagline), not posts; unless a post's
    // end stands among them ("Read more", a link the archive prints after
    // every post): then posts of a line or two end there.
    if (0..first_date).all(|i| !segment::is_prose(&all[i].text) && !ends_post(i)) {
        titles.retain(|&t| t > first_date);
    }
    titles.extend(stacked);
    titles.sort_unstable();
    titles.dedup();
    true
}

/// Titles under a caption: archives that print a picture over each post
/// keep its caption, a short line, right above the title, and the
/// segmenter may take the caption for the title. Where two titles or more
/// have another short line under them and prose under that, each such
/// title is a caption and the line under it the title; and a caption and
/// title between a post's text and the next prose open a post there too.
///
/// Accepts "Clint Eastwood at the RNC" / "Eastwood upstages Romney" /
/// prose, twice in an archive; rejects a title over a short line once in a
/// page, and a short line under a title with a list or furniture under it.
pub fn titles_under_captions(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool + Sync,
) {
    let plain = |i: usize| {
        i < all.len() && at(furniture, i).is_none() && !in_thread(i) && !all[i].is_list_item()
    };
    let heads = |i: usize| {
        let text = &*all[i].text;
        plain(i)
            && text.len() <= 110
            && text.starts_with(|c: char| {
                c.is_uppercase() || c.is_ascii_digit() || matches!(c, '‘' | '“' | '"' | '\'')
            })
            && !text.ends_with(['.', ',', ';', ':', '…', '!', ')'])
            && !segment::never_heads(text)
    };
    let prose = |i: usize| plain(i) && segment::is_prose(&all[i].text) && !heads(i);
    let is_title = |i: usize| titles.binary_search(&i).is_ok();
    let captions: Vec<usize> = titles
        .par_iter()
        .copied()
        .filter(|&t| {
            heads(t) && t + 1 < all.len() && heads(t + 1) && !is_title(t + 1) && prose(t + 2)
        })
        .collect();
    if captions.len() < 2 {
        return;
    }
    let missed: Vec<usize> = (1..all.len().saturating_sub(2))
        .into_par_iter()
        .filter(|&i| {
            !is_title(i)
                && !is_title(i + 1)
                && prose(i - 1)
                && heads(i)
                && heads(i + 1)
                && prose(i + 2)
        })
        .map(|i| i + 1)
        .collect();
    titles.retain(|t| captions.binary_search(t).is_err());
    titles.extend(captions.iter().map(|t| t + 1));
    titles.extend(missed);
    titles.sort_unstable();
    titles.dedup();
}

/// Posts printed as a list: each item a title, its teaser indented under
/// it ("  • Tolls up again" / "    The council voted…"). Two such items or
/// more make the list one of posts; an item with a sentence in it, or with
/// no indented prose under it, is an item. Short lines over such a list
/// are the page's header.
///
/// Once two items of a list read so, the list's later items are titles
/// too where they trail off ("If only . . .") or their teaser runs on
/// from them in lower case; where two in three of its items are titles so,
/// or every item has a heading's capitals, also where they ask or exclaim
/// ("So you want to run?").
///
/// Accepts "• Tolls up again" over an indented teaser, twice; rejects a
/// list of points each ending in a full stop, and a list with nothing
/// indented under its items.
pub fn titles_of_listed_posts(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool,
) {
    let listed = |i: usize| {
        let (item, teaser) = (&all[i], &all[i + 1]);
        item.is_list_item()
            && !teaser.is_list_item()
            && teaser.indent() > item.indent()
            && !in_thread(i)
            && !in_thread(i + 1)
            && at(furniture, i).is_none()
            && at(furniture, i + 1).is_none()
            && item.text.len() <= 110
            && heads_something(&item.text)
            && !segment::item_reads_on(&item.text)
            && segment::is_prose(&teaser.text)
    };
    let mut items: Vec<usize> = (0..all.len().saturating_sub(1))
        .filter(|&i| all[i].is_list_item() && listed(i))
        .collect();
    if items.len() < 2 {
        return;
    }
    // Once a list is one of posts (two of its items read as titles), its
    // other items over indented text are titles too, though the title
    // trails off ("If only . . .") or its teaser runs on from it in lower
    // case. Each list is walked once, from its first title.
    // `asking`: whether an item that asks or exclaims may be a title.
    let trailing_title = |i: usize, asking: bool| {
        let (item, teaser) = (&all[i], &all[i + 1]);
        let text = &*item.text;
        let trails_off = text.ends_with("...") || text.ends_with(". . .") || text.ends_with('…');
        let runs_on = teaser.text.starts_with(char::is_lowercase);
        let unended = !text.ends_with(['.', '!', '?', ',', ';', ':']);
        let asks = asking && text.ends_with(['!', '?']);
        !teaser.is_list_item()
            && teaser.indent() > item.indent()
            && !in_thread(i)
            && !in_thread(i + 1)
            && at(furniture, i).is_none()
            && at(furniture, i + 1).is_none()
            && text.len() <= 110
            && !text.contains('\n')
            && (trails_off || runs_on || unended || asks)
            && !segment::item_reads_on(text)
    };
    // A sentence of the page's own text, at the list's indent or left of
    // it: the post's text around its own list.
    let sentence_at = |j: usize, indent: u16| {
        let p = &all[j];
        !p.is_list_item()
            && p.indent() <= indent
            && at(furniture, j).is_none()
            && p.text.ends_with(['.', '!', '?', ':'])
            && p.text.split_whitespace().nth(2).is_some()
    };
    let mut trailing = Vec::new();
    let mut own_lists = Vec::new();
    let mut walked_to = 0;
    for &first in &items {
        if first < walked_to {
            continue;
        }
        let (marker, indent) = (all[first].marker(), all[first].indent());
        let in_list = |j: usize| {
            let p = &all[j];
            (p.is_list_item() && p.marker() == marker && p.indent() == indent)
                || (!p.is_list_item() && p.indent() > indent)
        };
        let mut end = first;
        while end + 1 < all.len() && in_list(end + 1) {
            end += 1;
        }
        let mut start = first;
        while start > walked_to && in_list(start - 1) {
            start -= 1;
        }
        walked_to = end + 1;
        // A list the post's text leads into and goes on after is the
        // post's own: a list of points, each headed, not of posts.
        if start > 0
            && sentence_at(start - 1, indent)
            && (all[start - 1].text.ends_with(':')
                || (end + 1 < all.len() && sentence_at(end + 1, indent)))
        {
            own_lists.push(start..=end);
            continue;
        }
        let titled = items[items.partition_point(|&t| t < first)..]
            .iter()
            .take_while(|&&t| t <= end)
            .count();
        if titled >= 2 {
            let untitled_item = |j: usize| {
                all[j].is_list_item()
                    && all[j].marker() == marker
                    && all[j].indent() == indent
                    && items.binary_search(&j).is_err()
            };
            let plain: Vec<usize> = (first..end)
                .filter(|&j| untitled_item(j) && trailing_title(j, false))
                .collect();
            // A headline may ask or exclaim ("So you want to run?"), as a
            // list of questions does (a post's own questions and answers):
            // such items are titles where two in three of the list's items
            // are titles without them, or where every item has a heading's
            // capitals.
            let item_of_list = |j: usize| {
                all[j].is_list_item() && all[j].marker() == marker && all[j].indent() == indent
            };
            let list_items = (start..=end).filter(|&j| item_of_list(j)).count();
            let titled_items = (start..=end)
                .filter(|&j| {
                    item_of_list(j)
                        && (items.binary_search(&j).is_ok()
                            || titles.binary_search(&j).is_ok()
                            || plain.contains(&j))
                })
                .count();
            let mostly_titles = titled_items * 3 >= list_items * 2;
            // Or where the item and the list's other items have a
            // heading's capitals, as a list of questions seldom has.
            let headed = |j: usize| segment::capitalised_as_heading(&all[j].text);
            let others_headed = (start..=end)
                .filter(|&j| item_of_list(j) && !all[j].text.ends_with(['!', '?']))
                .all(headed);
            if mostly_titles || others_headed {
                trailing.extend((first..end).filter(|&j| {
                    untitled_item(j)
                        && !plain.contains(&j)
                        && trailing_title(j, true)
                        && (mostly_titles || headed(j))
                }));
            }
            trailing.extend(plain);
        }
    }
    items.retain(|i| !own_lists.iter().any(|list| list.contains(i)));
    if items.len() < 2 {
        return;
    }
    items.extend(trailing);
    items.sort_unstable();
    // Short lines over the list with no text among them are the page's
    // header (a link onwards, a section's name), not posts.
    if (0..items[0]).all(|i| !segment::is_prose(&all[i].text)) {
        titles.retain(|&t| t > items[0]);
    }
    titles.extend(items);
    titles.sort_unstable();
    titles.dedup();
}

/// The longest paragraph a reply form prints: a comment's text is longer.
const FORM_LINE_MAX: usize = 200;

/// The paragraphs of the reply forms: the form's own text after a form's
/// header ("Leave a Reply", "Post a Comment", "Post new comment"), which is
/// the page's, not a post's or a comment's.
///
/// A form runs from its header until a comment (the walk put it in a
/// thread), a paragraph longer than a form prints, or a title-like line
/// with a date or byline under it (the next post). Short lines there are
/// the form's buttons and notes however the platform words them.
///
/// Accepts "Leave a Reply" / "Twitter picture" / "You are commenting using
/// your Twitter account.", also where that line recurs under each button
/// and was learned for a byline; stops at "Budget day" / "May 4, 2010" (a
/// post).
pub fn reply_form_lines(
    all: &[Paragraph],
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut lines = Vec::new();
    let headers = furniture
        .iter()
        .filter(|(_, f)| matches!(f, Furniture::CommentsHeader { form: true, .. }))
        .map(|(at, _)| *at);
    for header in headers {
        for (i, paragraph) in all.iter().enumerate().skip(header + 1) {
            if lines.last().is_some_and(|&last| last >= i) {
                break;
            }
            let known = at(furniture, i);
            if known.is_some_and(|f| matches!(f, Furniture::CommentsHeader { form: true, .. })) {
                break;
            }
            if known.is_some() {
                continue;
            }
            let text = &*paragraph.text;
            // A line the form prints under each of its buttons may have
            // been learned for a byline from its repeats: one that names
            // nobody and no date says nothing of a post.
            let says_whose = |f: &Furniture| match f {
                Furniture::Byline(byline) => byline.author.is_some() || byline.date.is_some(),
                other => other.follows_title(),
            };
            let next_post = heads_something(text) && at(furniture, i + 1).is_some_and(says_whose);
            if in_thread(i) || text.len() > FORM_LINE_MAX || next_post {
                break;
            }
            lines.push(i);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::furniture::Byline;

    #[test]
    fn a_note_in_square_brackets_heads_nothing() {
        assert!(heads_something("Toll reduction"));
        assert!(heads_something("[Video] Toll reduction explained"));
        assert!(!heads_something("[Ed - No post on Monday or Tuesday]"));
        assert!(!heads_something("Tolls are a tax."));
    }

    /// The head of an author block at `at`, opening a reply or the post.
    fn block(at: usize, opens_comment: bool) -> (usize, Furniture) {
        let head = Byline {
            author: Some("Jo Lee".into()),
            date: None,
            comments: None,
            tags: Vec::new(),
        };
        (
            at,
            Furniture::AuthorBlock {
                head: Some(Box::new(head)),
                opens_comment,
                last_reach: 0,
            },
        )
    }

    #[test]
    fn a_line_that_leads_on_inside_its_closing_bracket_is_no_title() {
        let shaped = |text: &str| {
            let all = crate::import::text::paragraphs::paragraphs(text);
            is_title_shaped(&all[0])
        };
        assert!(!shaped("Is the deal going ahead? [A clip from the Post:]"));
        assert!(!shaped("Tolls up again (as reported.)"));
        assert!(shaped("Tolls up again [Updated]"));
        assert!(shaped("Ferry fares (4 letters)"));
    }

    #[test]
    fn a_line_taken_for_a_title_inside_a_threads_first_post_is_the_posts() {
        // The thread's title at 0, its first block at 1, the post's text
        // from 2 to 5, the first reply's block at 6.
        let furniture = [block(1, false), block(6, true), block(9, true)];
        let mut titles = vec![0, 4, 8];
        drop_titles_inside_first_posts(&mut titles, &furniture);
        assert_eq!(titles, [0, 8], "a title inside the first post goes");
        // Right over the next block, it is a second thread's title.
        let mut titles = vec![0, 5];
        drop_titles_inside_first_posts(&mut titles, &furniture);
        assert_eq!(titles, [0, 5]);
        // Blocks that open no reply part no post.
        let mut titles = vec![0, 4];
        drop_titles_inside_first_posts(&mut titles, &[block(1, false), block(6, false)]);
        assert_eq!(titles, [0, 4]);
    }
}
