//! Post furniture: the lines a blog page wraps around a post's text
//! (bylines, dates, tag lines, comment counts, "Read more »" links, archive
//! and comment-thread headers).
//!
//! Furniture is never commentary. It is evidence of a post boundary: bylines
//! and dates stand right after a title, "Read more" and comment counts right
//! at a post's end, archive headers before the first post, and a comments
//! header between a post's text and its readers' comments. These shapes are
//! priors; [`super::learn`] finds the furniture an archive repeats.
//!
//! Each kind of line has its module: [`dates`], [`bylines`], [`tags`],
//! [`headers`] (post ends, comment counts, comments and archive headers)
//! and [`chrome`]; [`recognise`] asks them in turn.

mod bylines;
mod chrome;
mod dates;
mod headers;
mod tags;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use super::wordset::WordSet;
use bylines::{BYLINE, DATE_AND_BYLINE, WRITTEN_BY_DATE};
pub use bylines::{author_box, author_in, looks_like_name, opening_byline};
use chrome::{PAGE_CHROME, breadcrumb_last_step, is_bare_path, is_journal_state};
pub use chrome::{is_journal_field, is_post_navigation};
pub use dates::{
    MONTHS, WEEKDAYS, date_in, is_date, is_month, is_time_of_day, is_weekday, labelled_utc_stamp,
    utc_stamp,
};
use dates::{date_after_fields, date_span, dateline, localized_date, machine_stamp_end};
use headers::{
    ARCHIVE_HEADER, POST_END, comment_area_notice, comments_header, count_of, is_label_page_header,
    strip_comment_count,
};
pub use headers::{comment_count_in, says_comments_closed, title_in_header};
use tags::tags;

/// What a furniture line says. Kept to 16 bytes (the larger variants
/// boxed, names as spans of their line): a thread has a dated line for
/// every comment, all held at once until the posts are built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Furniture {
    /// "By Jane Doe", "November 26th, 2014 at 4:22 pm by Jane Smith",
    /// "Written By: Jane Doe - Date published: … - 12 comments".
    Byline(Box<Byline>),
    /// "17 November 2017", "Posted on March 4th, 2018": where in the line
    /// the date is (a thread has one for every comment: no copy is made).
    Date(Span),
    /// "Categories: a, b - Tags: c, d", "Posted in a | Tagged b | 3
    /// Comments", "No tag for this post.".
    Tags(Box<TagLine>),
    /// "Read more »", "Continue reading “…”", "12 comments": the post ends here.
    PostEnd { comments: Option<u32> },
    /// "74 comments on “Title”", "Comments", "Leave a Reply": the post's
    /// text ends and its readers' comments follow. `form` when the header
    /// heads the reply form ("Leave a Reply") rather than the comments.
    CommentsHeader { comments: Option<u32>, form: bool },
    /// "Author Archives: Jane Doe", "Monthly Archives: March 2019", "Posts
    /// tagged trade": the page's header, naming the author (where in the
    /// line the name is) where it is one author's archive.
    ArchiveHeader { author: Option<Span> },
    /// "Author: Jane Doe": a box after the post's text naming its author
    /// (where in the line the name is), with no boundary meaning (a byline
    /// stands under a title).
    AuthorBox(Span),
    /// "Share this:", "Related": page chrome with no boundary meaning.
    PageChrome,
    /// "Home » News » Tolls up again": a breadcrumb trail, page chrome
    /// whose last step (where it is in the line) names the page.
    Breadcrumb { last_step: Span },
    /// "Featured image for “Tolls up again”": a picture's caption that
    /// names its post (where in the line the name is), found from the
    /// lines around it ([`super::captions`]).
    Caption { named: Span },
    /// A line of a block about a post's author that a forum prints over
    /// every post ("Jo Lee" / "Newbie" / "Joined: Mar 2014" / "Posts: 12"),
    /// found from what the archive repeats ([`super::thread`]). The block's
    /// first line holds what the block says (`head`: the author its name
    /// line names, the date its date line gives); `opens_comment` when the
    /// block opens a comment rather than the thread's post; `last_reach`,
    /// on the head of a run's last block, how many paragraphs its comment
    /// may hold (nothing closes the last comment but the page), else 0.
    AuthorBlock {
        head: Option<Box<Byline>>,
        opens_comment: bool,
        last_reach: u8,
    },
}

/// Where in its line a part of it is, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    start: u8,
    end: u8,
}

impl Span {
    /// The part of `line` in `range`, white space at either end left out.
    /// Furniture lines are at most 200 bytes long, so the span fits in bytes.
    pub(super) fn trimmed(line: &str, range: std::ops::Range<usize>) -> Self {
        let text = &line[range.clone()];
        let start = range.start + (text.len() - text.trim_start().len());
        let end = range.start + text.trim_end().len();
        debug_assert!(line.len() <= 255);
        Span {
            start: u8::try_from(start).expect("a furniture line is short"),
            end: u8::try_from(end).expect("a furniture line is short"),
        }
    }

    /// The span `by` bytes further on: where a part of a line's tail is in
    /// the whole line.
    fn shifted(self, by: usize) -> Self {
        let by = u8::try_from(by).expect("a furniture line is short");
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// The text of the span in the line it was found in.
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        line.get(usize::from(self.start)..usize::from(self.end))
            .unwrap_or_default()
    }
}

/// What a byline says: who wrote the post (unknown when the line leaves
/// the name out), when, the number of comments where it gives them, and
/// the tags of a dateline that ends in a tag line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    pub author: Option<String>,
    pub date: Option<String>,
    pub comments: Option<u32>,
    pub tags: Vec<String>,
}

/// What a tag line says: the post's tags (maybe none), the number of
/// comments where it gives them, and whether it links to the comments (a
/// count, "Leave a Comment"): then it is the footer that ends its post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagLine {
    pub tags: Vec<String>,
    pub comments: Option<u32>,
    pub links_comments: bool,
}

impl Furniture {
    pub fn byline(author: Option<String>, date: Option<String>, comments: Option<u32>) -> Self {
        Furniture::Byline(Box::new(Byline {
            author,
            date,
            comments,
            tags: Vec::new(),
        }))
    }

    /// Whether the line usually follows a post's title.
    pub fn follows_title(&self) -> bool {
        matches!(
            self,
            Furniture::Byline(_)
                | Furniture::Date(_)
                | Furniture::AuthorBlock {
                    head: Some(_),
                    opens_comment: false,
                    ..
                }
        )
    }

    /// Whether the line usually ends a post's text.
    pub fn ends_post(&self) -> bool {
        match self {
            Furniture::PostEnd { .. } | Furniture::CommentsHeader { .. } => true,
            Furniture::Tags(line) => line.links_comments,
            _ => false,
        }
    }

    /// The number of comments the line states.
    pub fn comment_count(&self) -> Option<u32> {
        match self {
            Furniture::Byline(byline) => byline.comments,
            Furniture::Tags(line) => line.comments,
            Furniture::PostEnd { comments } | Furniture::CommentsHeader { comments, .. } => {
                *comments
            }
            _ => None,
        }
    }
}

/// Whether a raw line is furniture on its own, or a comment's stamp: such
/// a line is never a wrapped part of a paragraph.
pub fn is_whole_line(line: &str) -> bool {
    recognise(line).is_some() || is_comment_stamp(line)
}

/// A comment's stamp in UTC ([`utc_stamp`], [`labelled_utc_stamp`]): in a
/// thread, or quoted once from a message, never a post's heading.
pub fn is_comment_stamp(line: &str) -> bool {
    line.ends_with("(UTC)") && (utc_stamp(line).is_some() || labelled_utc_stamp(line).is_some())
}

/// Recognises a whole paragraph as furniture.
///
/// Accepts "By Jane Doe", "17 November 2017", "Read more »", "Categories:
/// a - Tags: b"; rejects "By the end of the week the deal was dead." (a
/// sentence, too long and ending in a full stop) and "Tagged as a liar by
/// the press, he…".
pub fn recognise(line: &str) -> Option<Furniture> {
    if line.len() > 200 || line.is_empty() {
        return None;
    }
    if let Some(notice) = comment_area_notice(line) {
        return Some(notice);
    }
    // "-By Jane Doe": a byline some templates print after a dash.
    if let Some(rest) = line.strip_prefix(['-', '–', '—']).map(str::trim_start)
        && is_plain_byline(rest)
    {
        return recognise(rest).filter(|found| matches!(found, Furniture::Byline(_)));
    }
    if let Some(end) = machine_stamp_end(line) {
        let rest = line[end..].trim_start();
        let from = line.len() - rest.len();
        if rest.is_empty() {
            return Some(Furniture::Date(Span::trimmed(line, 0..end)));
        }
        // The date for people after the stamp is the one the page shows.
        return match recognise(rest)? {
            Furniture::Date(date) => Some(Furniture::Date(date.shifted(from))),
            byline @ Furniture::Byline(_) => Some(byline),
            _ => None,
        };
    }
    if is_post_navigation(line) || is_journal_state(line) || is_bare_path(line) {
        return Some(Furniture::PageChrome);
    }
    // A comment's stamp is its label, which the thread walk reads: furniture
    // is passed over there.
    if line.ends_with("(UTC)") && utc_stamp(line).is_some() {
        return None;
    }
    if let Some(last_step) = breadcrumb_last_step(line) {
        return Some(Furniture::Breadcrumb {
            last_step: Span::trimmed(line, last_step),
        });
    }
    // "March 4, 2010 at 9:42 pm |": a stamp whose link after the bar the
    // scrape dropped. The stamp is a prefix of the line, so its span holds.
    if let Some(stamp) = line.strip_suffix('|').map(str::trim_end)
        && !stamp.is_empty()
        && let Some(Furniture::Date(date)) = recognise(stamp)
    {
        return Some(Furniture::Date(date));
    }
    // Fields before the date open with any word: asked of lines with a bar.
    if let Some(date) = line
        .contains('|')
        .then(|| date_after_fields(line))
        .flatten()
    {
        return Some(Furniture::Date(date));
    }
    if !could_be_furniture(line) {
        return localized_date(line).map(Furniture::Date);
    }
    if is_nameless_byline(line) {
        return Some(Furniture::byline(None, None, None));
    }
    // Each pattern is tried only where the literal words it needs are
    // there: "written", "by", "author" (none of their letters has a
    // case-folded form outside ASCII, so ASCII case is all there is to it).
    let by = contains_ignore_ascii_case(line, b"by");
    if let Some(caps) = starts_with_ignore_ascii_case(line, b"written")
        .then(|| WRITTEN_BY_DATE.captures(line))
        .flatten()
    {
        let author = caps["author"].trim_matches(|c: char| c.is_whitespace() || "-–—|".contains(c));
        let date = strip_comment_count(&caps["date"]);
        return Some(Furniture::byline(
            (!author.is_empty() && looks_like_name(author)).then(|| author.to_string()),
            (!date.is_empty()).then_some(date),
            comment_count_in(line),
        ));
    }
    if let Some(date) = date_span(line) {
        return Some(Furniture::Date(date));
    }
    if let Some(dateline) = dateline(line) {
        return Some(dateline);
    }

    if let Some(caps) = by.then(|| DATE_AND_BYLINE.captures(line)).flatten() {
        let author = caps
            .name("author")
            .or_else(|| caps.name("author2"))
            .or_else(|| caps.name("author3"));
        let date = caps.name("date").or_else(|| caps.name("date2"));
        if let Some(author) = author.map(|a| a.as_str().trim())
            && looks_like_name(author)
        {
            return Some(Furniture::byline(
                Some(author.to_string()),
                date.map(|d| d.as_str().trim().to_string()),
                comment_count_in(line),
            ));
        }
    }
    if let Some(header) = comments_header(line) {
        return Some(header);
    }
    if let Some(caps) = POST_END.captures(line) {
        return Some(Furniture::PostEnd {
            comments: caps.name("count").and_then(|c| count_of(c.as_str())),
        });
    }
    if let Some(furniture) = tags(line) {
        return Some(furniture);
    }
    if !line.ends_with('.')
        && (by || starts_with_ignore_ascii_case(line, b"author"))
        && let Some(caps) = BYLINE.captures(line)
    {
        if let Some(author) = caps.name("author2")
            && looks_like_name(author.as_str().trim())
        {
            return Some(Furniture::AuthorBox(Span::trimmed(line, author.range())));
        }
        let author = caps.name("author").map(|m| m.as_str().trim().to_string())?;
        if looks_like_name(&author) {
            let date = caps.name("rest").and_then(|rest| date_in(rest.as_str()));
            return Some(Furniture::byline(
                Some(author),
                date,
                comment_count_in(line),
            ));
        }
    }
    let short = !line.ends_with('.') && line.split_whitespace().count() <= 8;
    if short && let Some(caps) = ARCHIVE_HEADER.captures(line) {
        let author = caps
            .name("author")
            .filter(|a| looks_like_name(a.as_str().trim()))
            .map(|a| Span::trimmed(line, a.range()));
        return Some(Furniture::ArchiveHeader { author });
    }
    if short && PAGE_CHROME.is_match(line) {
        return Some(Furniture::PageChrome);
    }
    if is_label_page_header(line) {
        return Some(Furniture::ArchiveHeader { author: None });
    }
    localized_date(line).map(Furniture::Date)
}

/// The first words furniture opens with; a line that opens otherwise is
/// furniture only if it ends like an archive header or a teaser's link.
/// Asked of every short paragraph before any pattern is: most are not.
const FIRST_WORDS: &[&str] = &[
    // Bylines.
    "posted",
    "published",
    "updated",
    "written",
    "by",
    "author",
    "words",
    "journal",
    "entry",
    "story",
    "article",
    "column",
    // Tag lines.
    "also",
    "categories",
    "category",
    "filed",
    "tags",
    "tag",
    "tagged",
    "labels",
    "no",
    // Post ends and comments headers.
    "read",
    "continue",
    "more",
    "leave",
    "comments",
    "comment",
    "responses",
    "discussion",
    "reader",
    "join",
    "one",
    // Archive headers.
    "showing",
    "month",
    "year",
    "daily",
    "monthly",
    "yearly",
    "topic",
    "archive",
    "archives",
    "posts",
    "search",
    // Page chrome.
    "share",
    "page",
    "pages",
    "like",
    "related",
    "tweet",
    "print",
    "email",
    "loading",
    "reblog",
    "subscribe",
    "post",
    "previous",
    "next",
    "skip",
    "back",
    "notify",
    "inline",
    "rss",
    "powered",
    "proudly",
    "trackback",
    "trackbacks",
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "pictures",
    // Dates a post was first filed under.
    "originally",
    // Comment headers.
    "readers",
    "view",
];

/// "Date: 2008-09-26 22:48": a date under the field a journal entry's
/// header or a message's prints it under, as a date line. Not asked by
/// [`recognise`]: a message quoted in a post prints the same line, so only
/// the entry's header as a whole says it is furniture.
pub fn date_field(line: &str) -> Option<Furniture> {
    const FIELD: &str = "date:";
    let rest = line
        .get(..FIELD.len())
        .filter(|head| head.eq_ignore_ascii_case(FIELD))
        .map(|_| line[FIELD.len()..].trim_start())?;
    match recognise(rest)? {
        Furniture::Date(date) => Some(Furniture::Date(date.shifted(line.len() - rest.len()))),
        _ => None,
    }
}

/// Whether a line could be furniture at all: it opens with a digit or one
/// of [`FIRST_WORDS`] or a month's or weekday's name, or ends in "Archives" or a teaser's arrow.
fn could_be_furniture(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() || matches!(first, '(' | '[' | '{') {
        return true;
    }
    let word = line
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    static OPENINGS: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(FIRST_WORDS.iter().chain(MONTHS).chain(WEEKDAYS)));
    OPENINGS.contains(word) || line.ends_with(['»', '›', '→']) || {
        let bytes = line.as_bytes();
        let bytes = bytes.strip_suffix(b"s").unwrap_or(bytes);
        bytes.len() >= 7 && bytes[bytes.len() - 7..].eq_ignore_ascii_case(b"archive")
    }
}

/// Whether `line` is a byline's words with the name a scrape lost ("By",
/// "Posted by:"): the author's name was a link, and only the words before
/// it were kept. Read as a one-word name, "By" under every title opened a
/// thread, and each post after the first became a comment.
fn is_nameless_byline(line: &str) -> bool {
    let words = line.trim_end_matches([':', ' ']);
    ["by", "posted by", "written by", "author"]
        .iter()
        .any(|byline| words.eq_ignore_ascii_case(byline))
}

/// Whether `line` is a byline that opens on "By" alone ("By Jane Doe |
/// May 4, 2010", "-By Jane Doe"): the line a post prints under its title,
/// where a comment's signature says "Posted by".
pub fn is_plain_byline(line: &str) -> bool {
    let line = line.trim_start_matches(['-', '–', '—', ' ']);
    starts_with_ignore_ascii_case(line, b"by") && line[2..].starts_with([' ', ':'])
}

/// Whether `line` opens with `word`, ASCII case aside.
fn starts_with_ignore_ascii_case(line: &str, word: &[u8]) -> bool {
    line.as_bytes()
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
}

/// Whether `line` holds `word` anywhere, ASCII case aside.
fn contains_ignore_ascii_case(line: &str, word: &[u8]) -> bool {
    line.as_bytes()
        .windows(word.len())
        .any(|window| window.eq_ignore_ascii_case(word))
}
