//! Post furniture: the lines a blog page wraps around a post's text
//! (bylines, dates, tag lines, comment counts, "Read more »" links, archive
//! and comment-thread headers).
//!
//! Furniture is never commentary. It is evidence of a post boundary: bylines
//! and dates stand right after a title, "Read more" and comment counts right
//! at a post's end, archive headers before the first post, and a comments
//! header between a post's text and its readers' comments. These shapes are
//! priors; [`super::learn`] finds the furniture an archive repeats.

use std::sync::LazyLock;

use regex::Regex;

use super::wordset::WordSet;

/// What a furniture line says. Kept small (the larger variants boxed):
/// a thread has a dated line for every comment, all held at once.
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
    /// text ends and its readers' comments follow.
    CommentsHeader { comments: Option<u32> },
    /// "Author Archives: Jane Doe", "Monthly Archives: March 2019", "Posts
    /// tagged trade": the page's header, naming the author where it is
    /// one author's archive.
    ArchiveHeader { author: Option<Box<str>> },
    /// "Share this:", "Related": page chrome with no boundary meaning.
    PageChrome,
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
    fn trimmed(line: &str, range: std::ops::Range<usize>) -> Self {
        let text = &line[range.clone()];
        let start = range.start + (text.len() - text.trim_start().len());
        let end = range.start + text.trim_end().len();
        debug_assert!(line.len() <= 255);
        Span {
            start: u8::try_from(start).expect("a furniture line is short"),
            end: u8::try_from(end).expect("a furniture line is short"),
        }
    }

    /// The text of the span in the line it was found in.
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        line.get(usize::from(self.start)..usize::from(self.end))
            .unwrap_or_default()
    }
}

/// What a byline says: who wrote the post (unknown when the line leaves
/// the name out), when, and the number of comments where it gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    pub author: Option<String>,
    pub date: Option<String>,
    pub comments: Option<u32>,
}

/// What a tag line says: the post's tags (maybe none), and the number of
/// comments where it gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagLine {
    pub tags: Vec<String>,
    pub comments: Option<u32>,
}

impl Furniture {
    pub fn byline(author: Option<String>, date: Option<String>, comments: Option<u32>) -> Self {
        Furniture::Byline(Box::new(Byline {
            author,
            date,
            comments,
        }))
    }

    /// Whether the line usually follows a post's title.
    pub fn follows_title(&self) -> bool {
        matches!(self, Furniture::Byline(_) | Furniture::Date(_))
    }

    /// Whether the line usually ends a post's text.
    pub fn ends_post(&self) -> bool {
        matches!(
            self,
            Furniture::PostEnd { .. } | Furniture::CommentsHeader { .. }
        )
    }

    /// The number of comments the line states.
    pub fn comment_count(&self) -> Option<u32> {
        match self {
            Furniture::Byline(byline) => byline.comments,
            Furniture::Tags(line) => line.comments,
            Furniture::PostEnd { comments } | Furniture::CommentsHeader { comments } => *comments,
            _ => None,
        }
    }
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const WEEKDAY: &str =
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?";
const TIME: &str = r"(?:[0-9]{1,2}[:.][0-9]{2}\s*(?:[ap]\.?m\.?)?,?\s*)?";
/// A count of comments: "12 comments", "No Comments", "1 Response".
const COUNT: &str = r"(?:[0-9][[0-9],]*|no|one)\s+(?:comments?|responses?|replies|reply|thoughts?)";
const COMMENTS: &str =
    r"(?i:\s*[-–—|·•]\s*(?:[0-9][[0-9],]*|no|one)\s+(?:comments?|responses?|replies)(?:\s+»)?)?";

/// The date itself, in the common blog forms, with an optional time before
/// or after it.
fn date_core() -> String {
    let day = r"[0-9]{1,2}(?:st|nd|rd|th)?";
    format!(
        r"{TIME}{WEEKDAY}(?:{day}\s+{MONTH},?\s+[0-9]{{4}}|{MONTH}\s+{day},?\s+[0-9]{{4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|[0-9]{{1,2}}[/.][0-9]{{1,2}}[/.][0-9]{{2,4}})(?:,?\s+(?:at\s+|@\s*)?[0-9]{{1,2}}[:.][0-9]{{2}}\s*(?:[ap]\.?m\.?)?)?"
    )
}

/// A name as bylines print it: letters, dots, apostrophes, hyphens, spaces.
const NAME: &str = r"[\p{L}\p{N}][\p{L}\p{M}\p{N}._'’ -]*?";

/// A date alone on its line, with an optional comment count after it.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let core = date_core();
    Regex::new(&format!(
        r"(?i)^(?:(?:posted|published|updated)(?:\s+on)?:?\s+)?(?P<date>{core}){COMMENTS}$"
    ))
    .expect("the date pattern is valid")
});

/// Where the date is in a line that is a date ("Posted on 17 November 2017
/// - 3 comments" → "17 November 2017").
///
/// A thread has a dated line for every comment, so this runs for most
/// lines that are furniture: rather than have the date pattern resolve its
/// group (the costly part of a match), the date is what lies between the
/// words the pattern allows before it ("Posted on") and the comment count
/// it allows after it. Neither can be part of a date, and a date neither
/// starts nor ends with white space, so the bounds are the pattern's.
fn date_span(line: &str) -> Option<Span> {
    /// What [`DATE`] allows before the date.
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:posted|published|updated)(?:\s+on)?:?\s+")
            .expect("the date-prefix pattern is valid")
    });
    /// What [`DATE`] allows after the date.
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        let count = COMMENTS.strip_suffix(")?").expect("the count is optional");
        Regex::new(&format!("{count})$")).expect("the comment-count pattern is valid")
    });
    if !DATE.is_match(line) {
        return None;
    }
    let start = BEFORE.find(line).map_or(0, |m| m.end());
    // A comment count follows a dash, a bar or a dot.
    let counted = line[start..].contains(['-', '–', '—', '|', '·', '•']);
    let end = counted
        .then(|| AFTER.find(&line[start..]).map(|m| start + m.start()))
        .flatten()
        .unwrap_or(line.len());
    Some(Span::trimmed(line, start..end))
}

/// A date anywhere in a line.
static DATE_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?P<date>{})", date_core())).expect("the date pattern is valid")
});

/// "November 26th, 2014 at 4:22 pm by Jane Smith", "Posted on 3 May 2019
/// by Jane", "Posted by Jane on April 30, 2009".
static DATE_AND_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let core = date_core();
    Regex::new(&format!(
        r"(?i)^(?:(?:posted|published)(?:\s+on)?:?\s+)?(?P<date>{core})\s*(?:,|[-–—|·•])?\s*by:?\s+(?P<author>{NAME}){COMMENTS}$|^(?:posted|written|published)\s+by:?\s+(?P<author2>{NAME})\s+on\s+(?P<date2>{core}){COMMENTS}$"
    ))
    .expect("the date-and-byline pattern is valid")
});

/// "By Jane Doe", "Posted by jdoe", "By Jane Doe - 17 November 2017".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:written|posted|posted\s+by|words)\s+)?by:?\s+(?P<author>[\p{L}][\p{L}\p{M}.'’ -]*?)(?:\s*(?:[-–—|,·•]|\s(?:on|at|in))\s*(?:date\s+published:?\s*)?(?P<rest>.*))?$|^(?i:author):\s*(?P<author2>[\p{L}][\p{L}\p{M}.'’ -]*)$",
    )
    .expect("the byline pattern is valid")
});

/// "Written By: Jane - Date published: 9:15 am, March 4th, 2018 - 12
/// comments"; the name may be missing.
static WRITTEN_BY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^written\s+by:?\s*(?P<author>.*?)\s*(?:[-–—|]\s*)?date\s+published:?\s+(?P<date>.+)$",
    )
    .expect("the written-by pattern is valid")
});

/// "Categories: a, b - Tags: c, d", "Tags: , ,", "Posted in a, b | Tagged
/// c, d | 1 Comment", "Filed under: a", "No tag for this post."
static TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:categories|category|posted\s+in|filed\s+under)\s*:?\s*(?P<categories>[^|]*?)\s*(?:[-–—|]\s*)?)?(?:(?:tags|tagged(?:\s+with)?|labels)\s*:?\s*(?P<tags>[^|]*?))?\s*(?:[|·•]\s*(?:(?P<count>{COUNT})|leave\s+a\s+(?:comment|reply)|comments?\s+off|[A-Za-z0-9_]+(?:\s+[A-Za-z0-9_]+)?)\s*)*$|^no\s+tags?\s+for\s+this\s+post\.?$"
    ))
    .expect("the tags pattern is valid")
});

static POST_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:read\s+(?:more|the\s+rest|full\s+(?:post|article|story))\s*[»›→>.…]*|continue\s+reading(?:[^A-Za-z0-9_].*)?|\(more…?\.{{0,3}}\)|\[(?:…|\.\.\.)\]|(?P<count>{COUNT})(?:\s+»)?|leave\s+a\s+comment|comments?\s+(?:\([0-9]+\)|closed|are\s+closed|off)|\S.*?\s(?:read\s+more|continue\s+reading)\s*[»›→]+)$"
    ))
    .expect("the post-end pattern is valid")
});

/// "74 comments on “Title”", "3 Responses to Title", "Comments", "Leave a
/// Reply", "Join the conversation", "12 comments:".
static COMMENTS_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?P<count>{COUNT})\s+(?:on|to|for)\s+.+|(?P<count2>{COUNT}):|comments|responses|discussion|reader\s+comments|leave\s+a\s+reply|post\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|discussion\s+about\s+this\s+post|comments?\s*\((?P<count3>[0-9][[0-9],]*)(?:\s*[-–—:][^)]*)?\))$"
    ))
    .expect("the comments-header pattern is valid")
});

/// "Author Archives: Jane Doe", "Archive for May, 2011", "Monthly
/// Archives: March 2019", "Archive for the ‘Opinion’ Category", "Category:
/// Opinion", "Tag: trade", "Posts tagged trade", "Politics Archives", "Posts
/// published in the chosen month".
static ARCHIVE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:author\s+archives?\s*:\s*(?P<author>.+)|(?:(?:daily|monthly|yearly|tag|category|topic)\s+)?archives?(?:\s*:|\s+for|\s+of)\s+.+|(?:tag|tags|tagged|category|categories|topic)\s*:\s*.+|posts\s+(?:tagged|filed|categori[sz]ed|published|from|by|in)\s+.+|\S.*?\s+archives?|search\s+results\s+for\s+.+)$",
    )
    .expect("the archive-header pattern is valid")
});

static PAGE_CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:share\s+this(?:\s+(?:entry|post|article|story|page))?|like\s+this|related|share|tweet|print|email|loading\.\.\.|like|reblog|subscribe|post\s+navigation|previous\s+post|next\s+post)\s*:?$",
    )
    .expect("the page-chrome pattern is valid")
});

/// Whether a raw line is furniture on its own: such a line is never a
/// wrapped part of a paragraph.
pub fn is_whole_line(line: &str) -> bool {
    recognise(line).is_some()
}

/// Recognises a whole paragraph as furniture.
///
/// Accepts "By Jane Doe", "17 November 2017", "Read more »", "Categories:
/// a - Tags: b"; rejects "By the end of the week the deal was dead." (a
/// sentence, too long and ending in a full stop) and "Tagged as a liar by
/// the press, he…".
pub fn recognise(line: &str) -> Option<Furniture> {
    if line.len() > 200 || line.is_empty() || !could_be_furniture(line) {
        return None;
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
    if let Some(caps) = by.then(|| DATE_AND_BYLINE.captures(line)).flatten() {
        let author = caps.name("author").or_else(|| caps.name("author2"));
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
    if let Some(caps) = COMMENTS_HEADER.captures(line) {
        let count = caps
            .name("count")
            .or_else(|| caps.name("count2"))
            .or_else(|| caps.name("count3"));
        return Some(Furniture::CommentsHeader {
            comments: count.and_then(|c| count_of(c.as_str())),
        });
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
        let author = caps
            .name("author")
            .or_else(|| caps.name("author2"))
            .map(|m| m.as_str().trim().to_string())?;
        if looks_like_name(&author) {
            let date = caps
                .name("rest")
                .and_then(|rest| DATE.captures(rest.as_str().trim()))
                .map(|c| c["date"].trim().to_string());
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
            .map(|a| a.as_str().trim())
            .filter(|a| looks_like_name(a))
            .map(Into::into);
        return Some(Furniture::ArchiveHeader { author });
    }
    if short && PAGE_CHROME.is_match(line) {
        return Some(Furniture::PageChrome);
    }
    None
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
    // Tag lines.
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
];

/// Month names and their abbreviations, in lower case.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

/// Weekday names and their abbreviations, in lower case.
const WEEKDAYS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
];

/// Whether `word` names a month ("May", "sept"), in any case.
pub fn is_month(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MONTHS));
    SET.contains(word)
}

/// Whether `word` names a weekday ("Mon", "friday"), in any case.
pub fn is_weekday(word: &str) -> bool {
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(WEEKDAYS));
    SET.contains(word)
}

/// Whether a line could be furniture at all: it opens with a digit or one
/// of [`FIRST_WORDS`] or a month's or weekday's name, or ends in "Archives" or a teaser's arrow.
fn could_be_furniture(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() || matches!(first, '(' | '[') {
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

/// A tag line's tags: the categories and tags it lists, empty names dropped.
fn tags(line: &str) -> Option<Furniture> {
    // Both parts are optional in the pattern; a line with neither label is
    // not a tag line ("Posted in" or "Tags" must be there). That is asked
    // first: most lines have neither.
    let lower = line.to_lowercase();
    let says_none = lower.starts_with("no tag");
    let labelled = says_none
        || [
            "categories",
            "posted in",
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
        .flat_map(|m| m.as_str().split(','))
        .map(|tag| tag.trim().trim_end_matches(['-', '–', '—']).trim())
        .filter(|tag| !tag.is_empty() && tag.split_whitespace().count() <= 5)
        .map(str::to_string)
        .collect();
    Some(Furniture::Tags(Box::new(TagLine {
        tags,
        comments: caps.name("count").and_then(|c| count_of(c.as_str())),
    })))
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

/// "12 comments" → 12, "No Comments" → 0, "1,144 comments" → 1144.
fn count_of(text: &str) -> Option<u32> {
    let first = text.split_whitespace().next()?.to_lowercase();
    match first.as_str() {
        "no" => Some(0),
        "one" => Some(1),
        digits => digits.replace(',', "").parse().ok(),
    }
}

/// The comment count a line states anywhere in it.
pub fn comment_count_in(line: &str) -> Option<u32> {
    static ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:^|[^A-Za-z0-9_])(?P<count>{COUNT})(?:[^A-Za-z0-9_]|$)"
        ))
        .expect("the comment-count pattern is valid")
    });
    ANYWHERE
        .captures(line)
        .and_then(|caps| count_of(&caps["count"]))
}

/// The date a line gives anywhere in it ("Jane · 3 May 2019 · 4 replies").
pub fn date_in(line: &str) -> Option<String> {
    DATE_INSIDE
        .captures(line)
        .map(|caps| caps["date"].trim().trim_end_matches(',').to_string())
}

/// The name after "by" in a line ("Filed by Jane Doe at 4:15 pm").
pub fn author_in(line: &str) -> Option<String> {
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:^|[^A-Za-z0-9_])by:?\s+(?P<author>{NAME})(?:\s+(?:at|on|in)\s|\s*[-–—|·•,]|$)"
        ))
        .expect("the by-name pattern is valid")
    });
    BY.captures(line)
        .map(|caps| caps["author"].trim().to_string())
        .filter(|author| looks_like_name(author))
}

/// Whether the whole line is a date ("June 10, 2022 at 6:42 am").
pub fn is_date(line: &str) -> bool {
    DATE.is_match(line)
}

/// One to four words, each starting with a capital ("Jane Doe") or a handle
/// of one word ("jdoe").
pub fn looks_like_name(text: &str) -> bool {
    if text.chars().count() > 40 {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [] => false,
        [one] => one
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '\'' | '’')),
        many => {
            many.len() <= 4
                && many.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || matches!(*w, "de" | "van" | "von" | "da" | "del" | "le" | "la")
                })
        }
    }
}

fn strip_comment_count(text: &str) -> String {
    static COUNT_AT_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("{COMMENTS}$")).expect("the comment-count pattern is valid")
    });
    COUNT_AT_END.replace(text, "").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn byline(
        author: Option<&str>,
        date: Option<&str>,
        comments: Option<u32>,
    ) -> Option<Furniture> {
        Some(Furniture::byline(
            author.map(Into::into),
            date.map(Into::into),
            comments,
        ))
    }

    #[test]
    fn bylines() {
        assert_eq!(
            recognise("By Jane Smith"),
            byline(Some("Jane Smith"), None, None)
        );
        assert_eq!(
            recognise("Posted by jdoe"),
            byline(Some("jdoe"), None, None)
        );
        assert_eq!(
            recognise(
                "Written By: Pete George Date published: 9:15 am, March 4th, 2018 - 12 comments"
            ),
            byline(
                Some("Pete George"),
                Some("9:15 am, March 4th, 2018"),
                Some(12)
            )
        );
        assert_eq!(
            recognise("By Jane Smith - 17 November 2017"),
            byline(Some("Jane Smith"), Some("17 November 2017"), None)
        );
        assert_eq!(recognise("By the end of the week the deal was dead."), None);
        assert_eq!(recognise("By then it was too late for talks"), None);
    }

    #[test]
    fn a_written_by_line_without_a_name_has_no_author() {
        assert_eq!(
            recognise("Written By: - Date published: 7:15 am, March 3rd, 2019 - 12 comments"),
            byline(None, Some("7:15 am, March 3rd, 2019"), Some(12))
        );
        assert_eq!(
            recognise("Written By: Ann Lee - Date published: 7:15 am, March 3rd, 2019 - 1 comment"),
            byline(Some("Ann Lee"), Some("7:15 am, March 3rd, 2019"), Some(1))
        );
    }

    #[test]
    fn dates_with_a_byline() {
        assert_eq!(
            recognise("November 26th, 2014 at 4:22 pm by Jane Smith"),
            byline(
                Some("Jane Smith"),
                Some("November 26th, 2014 at 4:22 pm"),
                None
            )
        );
        assert_eq!(
            recognise("Posted on 3 May 2019 by rangi_t"),
            byline(Some("rangi_t"), Some("3 May 2019"), None)
        );
        assert_eq!(
            recognise("Posted by Max Bell on April 30, 2009"),
            byline(Some("Max Bell"), Some("April 30, 2009"), None)
        );
        assert_eq!(
            recognise("November 26th, 2014 at 4:22 pm by the bridge we met again"),
            None
        );
    }

    #[test]
    fn dates() {
        for line in [
            "17 November 2017",
            "November 17, 2017",
            "Monday, 17 November 2017",
            "2017-11-17",
            "Posted on March 4th, 2018",
            "9:15 am, March 4th, 2018 - 12 comments",
            "June 10, 2022 at 6:42 am",
            "March 22, 2013 @ 9:38 AM",
        ] {
            assert!(
                matches!(recognise(line), Some(Furniture::Date(_))),
                "{line}"
            );
        }
        let line = "Posted on 17 November 2017";
        match recognise(line) {
            Some(Furniture::Date(span)) => assert_eq!(span.text(line), "17 November 2017"),
            other => panic!("{other:?}"),
        }
        assert_eq!(recognise("On 17 November 2017 the talks failed."), None);
        assert_eq!(
            date_in("Rangi · 3 May 2019 · 4 replies").as_deref(),
            Some("3 May 2019")
        );
    }

    fn tag_line(tags: &[&str], comments: Option<u32>) -> Option<Furniture> {
        Some(Furniture::Tags(Box::new(TagLine {
            tags: tags.iter().map(|t| t.to_string()).collect(),
            comments,
        })))
    }

    #[test]
    fn tag_lines_give_the_posts_tags() {
        assert_eq!(
            recognise("Categories: housing, local body - Tags: rates, Wellington"),
            tag_line(&["housing", "local body", "rates", "Wellington"], None)
        );
        assert_eq!(
            recognise("Categories: open mike - Tags:"),
            tag_line(&["open mike"], None)
        );
        assert_eq!(recognise("Tags: , ,"), tag_line(&[], None));
        assert_eq!(recognise("No tag for this post."), tag_line(&[], None));
        assert_eq!(
            recognise("Posted in transport, rail | Tagged , , | 3 Comments"),
            tag_line(&["transport", "rail"], Some(3))
        );
        assert_eq!(
            recognise("Tagged as a liar by the press, he carried on regardless."),
            None
        );
    }

    #[test]
    fn post_ends() {
        for line in [
            "Read more »",
            "Read More",
            "Continue reading “Macron hack dump”",
            "Continue reading Macron hack dump",
            "(more…)",
            "Leave a comment",
            "Ferry fares: a modest proposal Read More »",
        ] {
            assert_eq!(
                recognise(line),
                Some(Furniture::PostEnd { comments: None }),
                "{line}"
            );
        }
        assert_eq!(
            recognise("12 comments"),
            Some(Furniture::PostEnd { comments: Some(12) })
        );
        assert_eq!(
            recognise("No comments"),
            Some(Furniture::PostEnd { comments: Some(0) })
        );
        assert_eq!(recognise("Read more about the deal in the report."), None);
    }

    #[test]
    fn comments_headers() {
        for (line, count) in [
            ("74 comments on “Open mike 13/09/2014”", Some(74)),
            ("3 Responses to “Ferry fares”", Some(3)),
            ("11 thoughts on “Bridge tolls”", Some(11)),
            ("One thought on “Bridge tolls”", Some(1)),
            ("Comments", None),
            ("Leave a Reply", None),
            ("Post a Comment", None),
            ("Join the conversation", None),
            ("5 comments:", Some(5)),
            ("Comments (87 - click here to join in!)", Some(87)),
        ] {
            assert_eq!(
                recognise(line),
                Some(Furniture::CommentsHeader { comments: count }),
                "{line}"
            );
        }
        assert_eq!(recognise("Comments on the budget were scathing."), None);
    }

    #[test]
    fn archive_headers() {
        assert_eq!(
            recognise("Author Archives: Jane Smith"),
            Some(Furniture::ArchiveHeader {
                author: Some("Jane Smith".into())
            })
        );
        for line in [
            "Archive for May, 2011",
            "Monthly Archives: March 2019",
            "Archive for the ‘Opinion’ Category",
            "Category: Opinion",
            "Tag: trade",
            "Tag Archives: Macron",
            "Posts tagged trade",
            "Politics Archives",
            "Posts published in the chosen month",
        ] {
            assert_eq!(
                recognise(line),
                Some(Furniture::ArchiveHeader { author: None }),
                "{line}"
            );
        }
    }

    #[test]
    fn every_shape_of_furniture_passes_the_quick_test() {
        for line in [
            "By Jane Smith",
            "Written By: - Date published: 7:15 am, March 3rd, 2019 - 12 comments",
            "November 26th, 2014 at 4:22 pm by Jane Smith",
            "Posted on 3 May 2019 by rangi_t",
            "Monday, 17 November 2017",
            "9:15 am, March 4th, 2018 - 12 comments",
            "Categories: housing - Tags: rates",
            "Posted in transport | Tagged , , | 3 Comments",
            "No tag for this post.",
            "Read More",
            "(more…)",
            "[…]",
            "Ferry fares: a modest proposal Read More »",
            "74 comments on “Open mike”",
            "One thought on “Tolls”",
            "Leave a Reply",
            "Join the conversation",
            "Author Archives: Jane Smith",
            "Archive for May, 2011",
            "Politics Archives",
            "Posts tagged trade",
            "Share this:",
            "Post navigation",
        ] {
            assert!(could_be_furniture(line), "{line}");
            assert!(recognise(line).is_some(), "{line}");
        }
        assert!(!could_be_furniture("The minister announced a review."));
    }

    /// Lines in the shapes of dates, bylines and the words around them,
    /// with the characters case folding could trip on.
    fn furniture_like() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(vec![
                "Posted",
                "posted",
                "PUBLISHED",
                "Updated",
                " on",
                ":",
                " ",
                "  ",
                "\u{a0}",
                "17",
                "3",
                "2019",
                "November",
                "Nov",
                "Sept.",
                "May",
                "Monday,",
                "Wed",
                "4th",
                ",",
                " at ",
                "@",
                "9:15",
                "6.42",
                " am",
                "p.m.",
                "2017-11-17",
                "3/5/19",
                " - ",
                " – ",
                " | ",
                " · ",
                "12",
                "1,144",
                "no",
                "One",
                " comments",
                " Responses",
                " replies",
                " »",
                "by",
                "BY",
                "By:",
                " Jane Doe",
                "written",
                "Written By:",
                "author",
                "Author:",
                "date published:",
                "ſ",
                "\u{212a}",
                "x",
                ".",
            ]),
            0..10,
        )
        .prop_map(|pieces| pieces.concat())
    }

    /// Dates in the forms blogs print them, in the words around them.
    fn dated() -> impl proptest::strategy::Strategy<Value = String> {
        let pick = |options: &[&'static str]| proptest::sample::select(options.to_vec());
        (
            pick(&[
                "",
                "Posted ",
                "posted on ",
                "Published: ",
                "UPDATED on: ",
                "Poſted ",
                "Posted  on ",
            ]),
            pick(&["", "Monday, ", "Wed ", "Thurs. ", "9:15 am, ", "6.42 "]),
            pick(&[
                "17 November 2017",
                "Nov 17, 2017",
                "4th May, 2019",
                "2017-11-17",
                "3/5/19",
                "ſeptember 3 2019",
                "June 10, 2022",
                "May",
            ]),
            pick(&[
                "",
                " at 6:42 am",
                " @ 9:38 AM",
                ", 10:42 p.m.",
                " at 6:42",
                " 6:42 ",
            ]),
            pick(&[
                "",
                " - 12 comments",
                " – No Comments",
                " | one response »",
                " · 1,144 replies",
                "  -  3 comments",
                " - 2 - 3 comments",
                "-",
            ]),
            pick(&["", " ", "x", "\u{a0}"]),
        )
            .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f].concat())
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn the_date_is_where_the_pattern_puts_it(line in prop_oneof![dated(), furniture_like()]) {
            let by_groups = DATE
                .captures(&line)
                .map(|caps| {
                    let date = caps.name("date").expect("a date");
                    Span::trimmed(&line, date.range())
                });
            prop_assert_eq!(date_span(&line), by_groups, "{:?}", line);
        }

        #[test]
        fn the_literal_gates_never_turn_a_pattern_away(line in prop_oneof![dated(), furniture_like()]) {
            if WRITTEN_BY_DATE.is_match(&line) {
                prop_assert!(starts_with_ignore_ascii_case(&line, b"written"), "{:?}", line);
            }
            if DATE_AND_BYLINE.is_match(&line) {
                prop_assert!(contains_ignore_ascii_case(&line, b"by"), "{:?}", line);
            }
            if BYLINE.is_match(&line) {
                prop_assert!(
                    contains_ignore_ascii_case(&line, b"by")
                        || starts_with_ignore_ascii_case(&line, b"author"),
                    "{:?}",
                    line
                );
            }
        }
    }

    #[test]
    fn page_chrome() {
        assert_eq!(recognise("Share this:"), Some(Furniture::PageChrome));
        assert_eq!(recognise("Share this entry"), Some(Furniture::PageChrome));
        assert_eq!(recognise("Related"), Some(Furniture::PageChrome));
        assert_eq!(recognise("Related to this, the minister resigned."), None);
        assert_eq!(recognise("Macron: No planet B rebuke to Trump"), None);
    }
}
