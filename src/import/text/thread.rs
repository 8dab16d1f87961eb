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

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

use super::furniture::{self, Furniture, is_month, is_weekday, looks_like_name};
use super::paragraphs::Paragraph;
use super::wordset::WordSet;

/// What a comment's label says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub author: Option<String>,
    /// The position as printed ("1.2.1").
    pub position: Option<String>,
    pub date: Option<String>,
}

/// "Rangi 1", "mike_s 1.1", "Dennis Frank 2.1.3": a name and a dotted
/// position; or "Rangi says:", "Miss Ten Says: October 5th, 2007, 8.15am",
/// "Anonymous said...": a name and a speech verb, with the time where the
/// line gives it.
///
/// Accepts "pat 1.1.1"; rejects "March 2019" (a month is no name), "Budget
/// 2019 is a mess" (words after the number) and "He said: no way" (what
/// follows the verb is not a time).
pub fn label(text: &str) -> Option<Label> {
    label_parts(text).map(|parts| Label {
        author: parts.author.map(str::to_string),
        position: parts.position.map(str::to_string),
        date: parts.date.map(str::to_string),
    })
}

/// What a label says, borrowed from its line: [`label`] without the copies,
/// for the walk that asks every short paragraph of an archive.
#[derive(Debug, Clone, Copy)]
struct LabelParts<'a> {
    author: Option<&'a str>,
    position: Option<&'a str>,
    date: Option<&'a str>,
}

fn label_parts(text: &str) -> Option<LabelParts<'_>> {
    // Cheap tests first: every short paragraph of an archive is asked.
    if text.len() > 100 {
        return None;
    }
    let last = text.as_bytes().last().copied()?;
    if last.is_ascii_digit() {
        // A name of at most four words and a position: four spaces at most.
        if memchr::memchr_iter(b' ', text.as_bytes()).nth(4).is_some() {
            return None;
        }
        let (name, position) = text.rsplit_once(' ')?;
        let is_name_word = |word: &str| {
            word.chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '(')
                && word.chars().all(|c| {
                    c.is_alphanumeric() || matches!(c, '_' | '.' | '\'' | '’' | '-' | '(' | ')')
                })
        };
        let is_position = !position.is_empty()
            && memchr::memchr_iter(b'.', position.as_bytes()).count() < 16
            && position.split('.').all(|part| {
                (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
            });
        if !is_position
            || !name.split(' ').all(is_name_word)
            || is_calendar_word(name)
            || !name.chars().any(char::is_alphabetic)
        {
            return None;
        }
        return Some(LabelParts {
            author: Some(name),
            position: Some(position),
            date: None,
        });
    }
    // Only lines with the verb, in any ASCII case, are read by the pattern:
    // most lines have none.
    if !SPEECH_VERBS.is_match(text) {
        return None;
    }
    let caps = SAYS.captures(text)?;
    let name = caps.name("name").map(|n| n.as_str().trim());
    let before = caps.name("at").or_else(|| caps.name("before"));
    let date = match (before, caps.name("date")) {
        (Some(before), _) if furniture::is_date(before.as_str()) => Some(before.as_str()),
        (None, Some(date)) if date.as_str().is_empty() => None,
        (None, Some(date)) if furniture::date_in(date.as_str()).is_some() => Some(date.as_str()),
        (None, None) => None,
        _ => return None,
    };
    let author = match name {
        Some(name) if looks_like_name(name) && !is_calendar_word(name) => Some(name),
        Some(_) => return None,
        // "Says: October 5th, 2007": a comment whose name the page lost.
        None if date.is_some() => None,
        None => return None,
    };
    Some(LabelParts {
        author,
        position: None,
        date: date.map(str::trim),
    })
}

/// "Name says:", "At <time>, Blogger Name said...", "Name on <date> said:".
static SAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:at (?P<at>[^,]+), (?:blogger )?)?(?:(?P<name>[\p{L}\p{N}_][\p{L}\p{M}\p{N}_.'’ -]*?)(?: on (?P<before>.+?))? )?(?:says|said|wrote)(?::|\.\.\.|…)?(?:\s*(?P<date>.*))?$")
        .expect("the says-label pattern is valid")
});

/// The verbs a line needs, in any ASCII case, to be read by [`SAYS`].
static SPEECH_VERBS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["says", "said", "wrote"])
        .expect("three words always build")
});

/// Months, weekdays and words a number counts: "May 2019" is a date and
/// "Page 2" a page, not a commenter.
fn is_calendar_word(name: &str) -> bool {
    /// Words a number follows that are not names ("Page 2", "Part 3").
    const COUNTED: &[&str] = &[
        "page", "part", "chapter", "number", "no", "vol", "issue", "step", "section", "level",
        "season", "episode", "round", "day", "week", "year",
    ];
    static COUNTED_WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(COUNTED));
    let last = name
        .rsplit(' ')
        .next()
        .unwrap_or(name)
        .trim_end_matches('.');
    is_month(last) || is_weekday(last) || COUNTED_WORDS.contains(last)
}

/// Lines a thread prints around each comment that are never its text:
/// "Reply", "Log in to Reply", "Like", "Report", "Permalink".
///
/// Accepts "Reply ↓", "Liked by 2 people"; rejects "Reply to the minister's
/// letter was swift." (a sentence).
pub fn is_comment_furniture(text: &str) -> bool {
    static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:reply|log\s*in\s+to\s+reply|login\s+to\s+reply|reply\s*[↓↑→]|like|likes?\s*\([0-9]+\)|[0-9]+\s+likes?|liked\s+by\s+.+|report|report\s+(?:comment|abuse)|permalink|link|edit|quote|share|flag|hide\s+replies|show\s+replies|expand\s+full\s+comment|collapse|expand|in\s+reply\s+to\s+.+|↑|loading\.\.\.|\[reply\]|\(reply\)|reply\s*\|\s*quote|reply\s*\|\s*report|replydelete|delete)$")
            .expect("the comment-furniture pattern is valid")
    });
    text.len() <= 60 && FURNITURE.is_match(text)
}

/// One paragraph of a thread, as [`plan`] reads it.
#[derive(Debug, Clone, Copy)]
pub struct Item<'a> {
    pub text: &'a str,
    pub marker: Option<char>,
    pub indent: u16,
    pub furniture: Option<&'a Furniture>,
}

/// One comment as [`plan`] finds it: its label, parent and the items that
/// hold its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub author: Option<String>,
    /// The time the label gives.
    pub date: Option<String>,
    /// Index into the items of the comment's time, where a line of its own
    /// gives it (the caller owns that text, and moves it).
    pub date_at: Option<usize>,
    pub label: Option<String>,
    pub parent: Option<usize>,
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
    /// By a bare list marker with the text straight after it.
    Marker,
    /// Not at all: each comment is closed by its time, on a line of its own
    /// after its text, and the next starts after it.
    Closed,
}

/// The comments of a thread, from the items that follow a post's text.
/// Items before the first comment (a form, "Comments are closed") are
/// left out, and so is everything after a second header ("Leave a Reply")
/// until another comment starts.
pub fn plan(items: &[Item<'_>]) -> Vec<Planned> {
    let labels: Vec<Option<Label>> = items
        .iter()
        .map(|item| item.furniture.is_none().then(|| label(item.text)).flatten())
        .collect();
    let opening = if labels.iter().any(Option::is_some) {
        Opening::Named
    } else if (0..items.len()).any(|i| dated_label(items, i)) {
        Opening::Dated
    } else if items
        .iter()
        .any(|item| item.marker.is_some() && item.furniture.is_none())
    {
        Opening::Marker
    } else if items
        .iter()
        .any(|item| matches!(item.furniture, Some(Furniture::Date(_))))
    {
        Opening::Closed
    } else {
        // No labels, no markers, no times: a form, or text of a shape this
        // reader does not know. No comments either way.
        return Vec::new();
    };
    let repeated = repeated_furniture(items, &labels);
    // Where named labels sit behind list markers, a marker at the same
    // place without a name is a comment whose name the page left out.
    let label_places: Vec<(char, u16)> = items
        .iter()
        .zip(&labels)
        .filter(|(_, label)| label.is_some())
        .filter_map(|(item, _)| item.marker.map(|m| (m, item.indent)))
        .collect();
    let mut comments: Vec<Planned> = Vec::new();
    // For each comment: how deep its label sits, to find parents by.
    let mut nesting: Vec<(u16, usize)> = Vec::new();
    let mut marker_ranks: Vec<char> = Vec::new();
    let mut open = false;
    for (i, item) in items.iter().enumerate() {
        if opening == Opening::Closed {
            close_or_continue(&mut comments, &mut open, item, i, repeated[i]);
            continue;
        }
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
        let name_only = || Label {
            author: Some(item.text.to_string()),
            position: None,
            date: None,
        };
        let starts = match opening {
            Opening::Named => match &labels[i] {
                Some(label) => Some((label.clone(), false)),
                None if item.marker.is_some()
                    && item.text.len() <= 30
                    && looks_like_name(item.text) =>
                {
                    Some((name_only(), false))
                }
                None if at_label_place => bare(),
                None => None,
            },
            Opening::Dated if dated_label(items, i) => Some((name_only(), false)),
            Opening::Marker if item.marker.is_some() && item.furniture.is_none() => bare(),
            _ => None,
        };
        if let Some((label, bare)) = starts {
            let rank = item.marker.map_or(0, |m| {
                marker_ranks
                    .iter()
                    .position(|&r| r == m)
                    .unwrap_or_else(|| {
                        marker_ranks.push(m);
                        marker_ranks.len() - 1
                    })
            });
            let depth_key = (item.indent, rank);
            let parent = parent_by_position(&comments, label.position.as_deref())
                .or_else(|| parent_by_depth(&nesting, depth_key, &label));
            nesting.push(depth_key);
            comments.push(Planned {
                author: label.author,
                date: label.date,
                label: label.position,
                parent,
                date_at: None,
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
            Some(Furniture::CommentsHeader { .. }) => open = false,
            Some(_) => {}
            None if is_comment_furniture(item.text) || repeated[i] => {}
            None => current.text.push(i),
        }
    }
    comments
}

/// One step of a thread whose comments are closed by their time: a time
/// closes the open comment, text opens one or goes on with it.
fn close_or_continue(
    comments: &mut Vec<Planned>,
    open: &mut bool,
    item: &Item<'_>,
    i: usize,
    repeated: bool,
) {
    match item.furniture {
        Some(Furniture::Date(_)) => {
            if let Some(comment) = comments.last_mut().filter(|_| *open) {
                comment.date_at = Some(i);
            }
            *open = false;
        }
        Some(_) => {}
        None if is_comment_furniture(item.text) || repeated => {}
        None => match comments.last_mut().filter(|_| *open) {
            Some(comment) => comment.text.push(i),
            None => {
                comments.push(Planned {
                    author: None,
                    date: None,
                    date_at: None,
                    label: None,
                    parent: None,
                    text: vec![i],
                });
                *open = true;
            }
        },
    }
}

/// A name and nothing else: no sentence ("Strongly." is not a name).
fn is_bare_name(text: &str) -> bool {
    text.len() <= 40 && !text.ends_with(['.', '!', '?', ':']) && looks_like_name(text)
}

/// A name alone on its line with the comment's time right after it.
fn dated_label(items: &[Item<'_>], i: usize) -> bool {
    let item = &items[i];
    item.furniture.is_none()
        && is_bare_name(item.text)
        && items
            .get(i + 1)
            .is_some_and(|next| matches!(next.furniture, Some(Furniture::Date(_))))
}

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
fn parent_by_depth(nesting: &[(u16, usize)], depth: (u16, usize), label: &Label) -> Option<usize> {
    if label.position.as_deref().is_some_and(|p| !p.contains('.')) {
        return None;
    }
    nesting.iter().rposition(|&earlier| earlier < depth)
}

/// Short lines that the thread repeats word for word, at least three
/// times, each closing a comment's text rather than being all of it:
/// the thread's own furniture ("Vote up", "Flag as inappropriate").
fn repeated_furniture(items: &[Item<'_>], labels: &[Option<Label>]) -> Vec<bool> {
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
    items
        .iter()
        .map(|item| {
            seen.get(item.text)
                .is_some_and(|&(count, closing)| count >= 3 && closing * 3 >= count * 2)
        })
        .collect()
}

/// Which of an archive's paragraphs are readers' comments, so that no
/// label or comment is taken for a post's title.
///
/// A thread opens at a label right after a comments header or a comment
/// count ("74 comments on “…”", "Written By: … - 12 comments"), at a list
/// item or a dated name right after a comments header, or, with no header,
/// at a label "1" that a label "1.1" or "2" follows, or at a "Name says:"
/// label that another follows. It runs until a title-like line with a byline
/// under it starts the next post, or an archive header comes.
pub fn comment_paragraphs<'a>(
    all: &[Paragraph],
    furniture_at: impl Fn(usize) -> Option<&'a Furniture>,
) -> Vec<bool> {
    // What every paragraph says as a label, found on all cores first: the
    // walk below is sequential, and most paragraphs are no label.
    let labels: Vec<LabelKind> = all.par_iter().map(|p| LabelKind::of(&p.text)).collect();
    let mut marks = vec![false; all.len()];
    let mut in_thread = false;
    // Whether the thread's comments are indented: then a line back at the
    // margin, with text at the margin under it, is the page again.
    let mut indented = false;
    let mut after_header = false;
    let mut after_count = false;
    for i in 0..all.len() {
        if let Some(furniture) = furniture_at(i) {
            match furniture {
                Furniture::CommentsHeader { .. } => after_header = true,
                Furniture::ArchiveHeader { .. } => in_thread = false,
                _ => {}
            }
            after_count |= furniture.comment_count().is_some_and(|n| n > 0);
            continue;
        }
        let text = &*all[i].text;
        let is_dated_name =
            || is_bare_name(text) && matches!(furniture_at(i + 1), Some(Furniture::Date(_)));
        let opens = match labels[i] {
            // A label with its time ("At 27/1/12 10:42 am, Jo said...")
            // is a comment's wherever it stands.
            kind if kind.is_label() => {
                in_thread
                    || after_header
                    || after_count
                    || kind == LabelKind::Dated
                    || run_follows(&labels, i, kind)
            }
            _ => {
                after_header
                    && (all[i].is_list_item()
                        || is_dated_name()
                        || closed_by_a_time(all, i, &furniture_at))
            }
        };
        if opens {
            if !in_thread {
                indented = all[i].indent > 0;
            }
            in_thread = true;
        } else if in_thread && starts_post(all, i, indented, &furniture_at) {
            in_thread = false;
        }
        marks[i] = in_thread;
        after_header = false;
        after_count = false;
    }
    marks
}

/// Prose with a time on a line of its own a few paragraphs on: the first
/// comment of a thread whose comments are closed by their time.
fn closed_by_a_time<'a>(
    all: &[Paragraph],
    i: usize,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    let text = &*all[i].text;
    let prose = text.ends_with(['.', '!', '?', '”', '"', ')']) || text.len() > 160;
    prose
        && (i + 1..all.len().min(i + 5))
            .map(furniture_at)
            .take_while(|f| !matches!(f, Some(Furniture::CommentsHeader { .. })))
            .any(|f| matches!(f, Some(Furniture::Date(_))))
}

/// A title-like line with a byline under it, or, after an indented
/// thread, at the margin with text at the margin under it: the next post.
fn starts_post<'a>(
    all: &[Paragraph],
    i: usize,
    indented: bool,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    let text = &*all[i].text;
    let title_like =
        text.len() <= 160 && !all[i].is_list_item() && !text.ends_with(['.', ':', ',']);
    let byline = matches!(
        furniture_at(i + 1),
        Some(Furniture::Byline(_) | Furniture::Tags(_))
    );
    let back_at_margin = indented
        && all[i].indent == 0
        && all
            .get(i + 1)
            .is_some_and(|next| next.indent == 0 && !next.is_list_item());
    title_like && (byline || back_at_margin)
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
}

impl LabelKind {
    fn of(text: &str) -> Self {
        match label_parts(text) {
            None => LabelKind::None,
            Some(found) if found.date.is_some() => LabelKind::Dated,
            Some(found) => match found.position {
                Some("1") => LabelKind::First,
                Some("1.1" | "2") => LabelKind::Second,
                Some(_) => LabelKind::Positioned,
                None => LabelKind::Says,
            },
        }
    }

    fn is_label(self) -> bool {
        self != LabelKind::None
    }
}

/// Whether a label with no header before it opens a thread: "…1" followed
/// by "…1.1" or "…2", or "Name says:" followed by another such label.
fn run_follows(labels: &[LabelKind], i: usize, kind: LabelKind) -> bool {
    let mut ahead = labels.iter().skip(i + 1).take(RUN_REACH);
    match kind {
        LabelKind::First => ahead.any(|&next| next == LabelKind::Second),
        LabelKind::Says | LabelKind::Dated => {
            ahead.any(|&next| matches!(next, LabelKind::Says | LabelKind::Dated))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(author: &str, position: Option<&str>, date: Option<&str>) -> Option<Label> {
        Some(Label {
            author: Some(author.into()),
            position: position.map(Into::into),
            date: date.map(Into::into),
        })
    }

    #[test]
    fn labels_with_a_position() {
        assert_eq!(label("Rangi 1"), named("Rangi", Some("1"), None));
        assert_eq!(label("mike_s 1.1"), named("mike_s", Some("1.1"), None));
        assert_eq!(
            label("Dennis Frank 2.1.3"),
            named("Dennis Frank", Some("2.1.3"), None)
        );
        for not_a_label in [
            "March 2019",
            "Budget 2019 is a mess",
            "1 2",
            "Page 2",
            "The long and winding road of the harbour bridge 2",
        ] {
            assert_eq!(label(not_a_label), None, "{not_a_label}");
        }
    }

    #[test]
    fn labels_with_a_speech_verb() {
        assert_eq!(label("Rangi says:"), named("Rangi", None, None));
        assert_eq!(
            label("Miss Ten Says:October 5th, 2007, 8.15am"),
            named("Miss Ten", None, Some("October 5th, 2007, 8.15am"))
        );
        assert_eq!(label("Anonymous said..."), named("Anonymous", None, None));
        assert_eq!(
            label("At 27/1/12 10:42 am, Blogger Sanctuary said..."),
            named("Sanctuary", None, Some("27/1/12 10:42 am"))
        );
        assert_eq!(
            label("Tony Veitch (not etc.) 3.2"),
            named("Tony Veitch (not etc.)", Some("3.2"), None)
        );
        assert_eq!(
            label("Jo Lee on June 10, 2022 at 6:42 am said:"),
            named("Jo Lee", None, Some("June 10, 2022 at 6:42 am"))
        );
        assert_eq!(
            label("Says:October 5th, 2007, 8:17am"),
            Some(Label {
                author: None,
                position: None,
                date: Some("October 5th, 2007, 8:17am".into())
            })
        );
        assert_eq!(label("He said: no way"), None);
        assert_eq!(label("Says: no way"), None);
        assert_eq!(label("The minister said the deal was dead"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn speech_verbs_are_found_as_by_a_scan_of_every_window(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Rangi", " ", "says", "SAID", "Wrote", "say", "s", "ays", "wr", "ote", "ſ",
                    ":", "…", "sa", "id", "é",
                ]),
                0..8,
            ),
        ) {
            let text: String = pieces.concat();
            let scanned = [&b"says"[..], b"said", b"wrote"].iter().any(|verb| {
                text.as_bytes()
                    .windows(verb.len())
                    .any(|w| w.eq_ignore_ascii_case(verb))
            });
            proptest::prop_assert_eq!(SPEECH_VERBS.is_match(&text), scanned, "{:?}", text);
        }
    }

    #[test]
    fn comment_furniture() {
        for line in [
            "Reply",
            "Log in to Reply",
            "Like",
            "Report",
            "Reply ↓",
            "Liked by 2 people",
        ] {
            assert!(is_comment_furniture(line), "{line}");
        }
        assert!(!is_comment_furniture(
            "Reply to the minister's letter was swift."
        ));
    }

    fn item(text: &'static str, indent: u16, marker: Option<char>) -> Item<'static> {
        Item {
            text,
            marker,
            indent,
            furniture: None,
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
            item("ann", 2, Some('•')),
            item("First.", 4, None),
            item("bob", 4, Some('•')),
            item("Second.", 6, None),
            item("cy", 2, Some('•')),
        ];
        // Named labels need a position or a verb: these are bare markers.
        let planned = plan(&items);
        assert_eq!(parents(&planned), [None, Some(0), None]);
        assert_eq!(planned[0].author, None);
        assert_eq!(planned[0].text, [0, 1]);
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
}
