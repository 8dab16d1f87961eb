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
    /// text ends and its readers' comments follow. `form` when the header
    /// heads the reply form ("Leave a Reply") rather than the comments.
    CommentsHeader { comments: Option<u32>, form: bool },
    /// "Author Archives: Jane Doe", "Monthly Archives: March 2019", "Posts
    /// tagged trade": the page's header, naming the author where it is
    /// one author's archive.
    ArchiveHeader { author: Option<Box<str>> },
    /// "Author: Jane Doe": a box after the post's text naming its author,
    /// with no boundary meaning (a byline stands under a title).
    AuthorBox(Box<str>),
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
            Furniture::PostEnd { comments } | Furniture::CommentsHeader { comments, .. } => {
                *comments
            }
            _ => None,
        }
    }
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const WEEKDAY: &str = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?(?:,?\s+|\s*(?:::|[|·•–—-])\s*))?";
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
        r"{TIME}{WEEKDAY}(?:{day}\s+{MONTH},?\s+[0-9]{{4}}|{MONTH}\s+{day},?\s+[0-9]{{4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|[0-9]{{1,2}}[/.][0-9]{{1,2}}[/.][0-9]{{2,4}})(?:(?:,?\s+|\s*[·•|]\s*)(?:at\s+|@\s*)?[0-9]{{1,2}}[:.][0-9]{{2}}\s*(?:[ap]\.?m\.?)?)?"
    )
}

/// A name as bylines print it: letters, dots, apostrophes, hyphens, spaces.
const NAME: &str = r"[\p{L}\p{N}][\p{L}\p{M}\p{N}._'’ -]*?";

/// A date alone on its line, with an optional comment count after it.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let core = date_core();
    Regex::new(&format!(
        r"(?i)^(?:(?:originally\s+)?(?:posted|published|updated)(?:\s+on)?:?\s+)?(?P<date>{core})(?:\s+by:?)?{COMMENTS}$"
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
        Regex::new(r"(?i)^(?:(?:originally\s+)?(?:posted|published|updated)(?:\s+on)?:?\s+)")
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
    // "May 4, 2010 by": a byline whose name the page left out.
    let kept = line[start..end].trim_end();
    let by = ["by:", "by"].iter().find_map(|word| {
        let at = kept.len().checked_sub(word.len())?;
        (kept.as_bytes()[at..].eq_ignore_ascii_case(word.as_bytes())
            && kept[..at].ends_with(char::is_whitespace))
        .then_some(word.len())
    });
    Some(Span::trimmed(
        line,
        start..start + kept.len() - by.unwrap_or(0),
    ))
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
        r"(?i)^(?:(?:written|posted|posted\s+by|words)\s+)?by:?\s+(?P<author>[\p{L}][\p{L}\p{M}\p{N}_.'’ -]*?)(?:\s*(?:[-–—|,·•]|\s(?:on|at|in))\s*(?:date\s+published:?\s*)?(?P<rest>.*))?$|^(?i:author):\s*(?P<author2>[\p{L}][\p{L}\p{M}.'’ -]*)$",
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
        r"(?i)^(?:(?P<count>{COUNT})\s+(?:on|to|for)\s+.+|(?P<count2>{COUNT}):|comments|responses|discussion|readers?['’]?\s+comments|view\s+all\s+(?:[0-9][[0-9],]*\s+)?comments|(?P<form>leave\s+a\s+reply|post\s+a\s+comment|(?:post|add)\s+new\s+comment|join\s+the\s+(?:conversation|discussion))|discussion\s+about\s+this\s+post|comments?\s*\((?P<count3>[0-9][[0-9],]*)(?:\s*[-–—:][^)]*)?\))$"
    ))
    .expect("the comments-header pattern is valid")
});

/// "Author Archives: Jane Doe", "Archive for May, 2011", "Monthly
/// Archives: March 2019", "Archive for the ‘Opinion’ Category", "Category:
/// Opinion", "Tag: trade", "Posts tagged trade", "Politics Archives", "Posts
/// published in the chosen month".
static ARCHIVE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:author\s+(?:archives?\s*:|page\s+for)\s*(?P<author>.+)|(?:(?:daily|monthly|yearly|tag|category|topic)\s+)?archives?(?:\s*:|\s+for|\s+of)\s+.+|(?:tag|tags|tagged|category|categories|topic)\s*:\s*.+|posts\s+(?:tagged|filed|categori[sz]ed|published|from|by|in)\s+.+|\S.*?\s+archives?|search\s+results\s+for\s+.+)$",
    )
    .expect("the archive-header pattern is valid")
});

static PAGE_CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:share\s+this(?:\s+(?:entry|post|article|story|page))?|like\s+this|related|share|tweet|print|print\s+friendly|email|loading\.\.\.|like|reblog|subscribe(?:\s+(?:to|via)\s+(?:the\s+)?(?:rss|feed|comments|posts|email)[\w\s]*)?|rss\s+feed|post\s+navigation|previous\s+post|next\s+post|skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation)|back\s+to\s+(?:the\s+)?(?:top|blog|home(?:\s*page)?)|notify\s+of|inline\s+feedbacks|(?:[«‹<←]\s*)?(?:prev(?:ious)?\s+)?[0-9]{1,3}(?:\s+[0-9]{1,3})+(?:\s+next)?(?:\s*[»›>→])?)\s*:?$",
    )
    .expect("the page-chrome pattern is valid")
});

/// A line that opens with a date and says nothing but where the post is
/// filed and how many comments it has: "Friday, 30 November 2007 State of
/// the parties Comments Off", "[ 4 ] December 31, 2012 |".
///
/// Accepts those; rejects "17 November 2017 the talks failed" (words that
/// end in no comment count).
fn dateline(line: &str) -> Option<Furniture> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:\[\s*(?P<count>[0-9][0-9,]*)\s*\]\s*)?(?P<date>{})\s*[|·•–—-]?\s*(?P<rest>.*?)\s*[|·•]?$",
            date_core()
        ))
        .expect("the dateline pattern is valid")
    });
    static FILED_AND_COUNTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:[\p{{L}}][\p{{L}}\p{{M}}\p{{N}}&'’ -]*?(?:,\s*[\p{{L}}][\p{{L}}\p{{M}}\p{{N}}&'’ -]*?)*\s*[|·•–—-]?\s*)?(?:(?P<count>{COUNT})|comments?\s+(?:off|closed)|leave\s+a\s+(?:comment|reply))$"
        ))
        .expect("the filed-and-counted pattern is valid")
    });
    let caps = DATELINE.captures(line)?;
    let rest = caps.name("rest").map_or("", |r| r.as_str());
    let counted = if rest.is_empty() {
        None
    } else if rest.split_whitespace().count() <= 10 {
        let filed = FILED_AND_COUNTED.captures(rest)?;
        Some(filed.name("count").and_then(|c| count_of(c.as_str())))
    } else {
        return None;
    };
    let bracketed = caps
        .name("count")
        .and_then(|c| c.as_str().replace(',', "").parse().ok());
    Some(Furniture::byline(
        None,
        Some(caps["date"].trim().to_string()),
        bracketed.or(counted.flatten()),
    ))
}

/// What a comment area prints about itself: "Comments are closed.",
/// "Reader comments are listed below.", which end a post; "You must be
/// logged in to post a comment.", "Your email address will not be
/// published.", which are the reply form's. Asked of every short
/// paragraph: only the first letter is compared until it can match.
fn comment_area_notice(line: &str) -> Option<Furniture> {
    const CLOSING: &[&str] = &[
        "comments are closed",
        "comments are currently closed",
        "comments are now closed",
        "comments have been closed",
        "comments are listed below",
        "reader comments are listed below",
        "readers' comments are listed below",
    ];
    const FORM: &[&str] = &[
        "you must be logged in to post a comment",
        "your email address will not be published",
        "required fields are marked",
        "subscribe to comments",
    ];
    let first = line.as_bytes()[0].to_ascii_lowercase();
    if !matches!(first, b'c' | b'r' | b'y' | b's') {
        return None;
    }
    let opens_with = |phrases: &[&str]| {
        phrases.iter().any(|p| {
            line.len() >= p.len() && line.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        })
    };
    if opens_with(CLOSING) {
        Some(Furniture::PostEnd { comments: None })
    } else if opens_with(FORM) {
        Some(Furniture::PageChrome)
    } else {
        None
    }
}

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
    if line.len() > 200 || line.is_empty() {
        return None;
    }
    if let Some(notice) = comment_area_notice(line) {
        return Some(notice);
    }
    if is_post_navigation(line) || breadcrumb_end(line).is_some() {
        return Some(Furniture::PageChrome);
    }
    if !could_be_furniture(line) {
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
    if let Some(dateline) = dateline(line) {
        return Some(dateline);
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
            form: caps.name("form").is_some(),
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
        if let Some(author) = caps.name("author2").map(|m| m.as_str().trim())
            && looks_like_name(author)
        {
            return Some(Furniture::AuthorBox(author.into()));
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
            .map(|a| a.as_str().trim())
            .filter(|a| looks_like_name(a))
            .map(Into::into);
        return Some(Furniture::ArchiveHeader { author });
    }
    if short && PAGE_CHROME.is_match(line) {
        return Some(Furniture::PageChrome);
    }
    if is_label_page_header(line) {
        return Some(Furniture::ArchiveHeader { author: None });
    }
    None
}

/// The last step of a breadcrumb trail, the page's own name: "Home »
/// Politics » Tolls up again" gives "Tolls up again". A trail has three
/// steps or more, parted by pointing quotes or arrows.
///
/// Accepts "Home › News › Tolls up again"; rejects "Tolls » fares" (two
/// steps: a title may point so) and "Read more »".
pub fn breadcrumb_end(line: &str) -> Option<&str> {
    const SEPARATORS: [&str; 3] = [" » ", " › ", " → "];
    // The separators' last bytes, looked for first: most lines have none.
    if line.len() > 400 || memchr::memchr3(0xBB, 0xBA, 0x92, line.as_bytes()).is_none() {
        return None;
    }
    let separator = SEPARATORS.iter().find(|s| line.contains(**s))?;
    let steps: Vec<&str> = line.split(separator).map(str::trim).collect();
    (steps.len() >= 3
        && steps
            .iter()
            .all(|step| !step.is_empty() && step.len() <= 200))
    .then(|| steps[steps.len() - 1])
}

/// The links to the previous and next posts on one line, between pointing
/// quotes and parted by bars: "« Older title | Main | Newer title »".
///
/// Accepts "‹ Tolls up again | Home | Bridge closed ›"; rejects "« Tolls up
/// again" (one link, which could head a post) and "Bridge closed »".
fn is_post_navigation(line: &str) -> bool {
    line.starts_with(['«', '‹'])
        && line.ends_with(['»', '›'])
        && line.contains(" | ")
        && line.len() <= 300
}

/// "Showing posts with label Trade. Show all posts", "Showing posts from
/// May, 2019": the header of a Blogger label, search or date page.
fn is_label_page_header(line: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "showing posts with label ",
        "showing posts for query ",
        "showing posts from ",
        "showing posts sorted by ",
    ];
    OPENINGS.iter().any(|opening| {
        line.len() > opening.len()
            && line.as_bytes()[..opening.len()].eq_ignore_ascii_case(opening.as_bytes())
    })
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
    "showing",
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
    "skip",
    "back",
    "notify",
    "inline",
    "rss",
    // Dates a post was first filed under.
    "originally",
    // Comment headers.
    "readers",
    "view",
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

/// "(Jane Roe) The trial opened…": a byline in parentheses opening a
/// post's text, as some archives print their teasers. The name and where
/// the text after it starts.
///
/// Accepts "(Scott Johnson) President Biden has…"; rejects "(Reuters) The
/// minister…" (one word: an agency) and "(The Nation) The old saying…".
pub fn opening_byline(text: &str) -> Option<(&str, usize)> {
    let inner = text.strip_prefix('(')?;
    let close = inner
        .get(..42)?
        .find(')')
        .or_else(|| inner.find(')').filter(|&at| at <= 40))?;
    let name = &inner[..close];
    let rest = inner[close + 1..].trim_start();
    let words = name.split_whitespace().count();
    let person = (2..=3).contains(&words) && !name.starts_with("The ") && looks_like_name(name);
    (person && !rest.is_empty()).then(|| (name, text.len() - rest.len()))
}

/// An author box at a post's top: the author's name on a line, then
/// "About NAME" over a short biography. The name.
///
/// Accepts "Jane Roe" then "About Jane Roe"; rejects "About Jane Roe" after
/// any other line, and "Tonight" then "About Tonight".
pub fn author_box<'a>(name_line: &'a str, about_line: &str) -> Option<&'a str> {
    let named = about_line.strip_prefix("About ")?;
    (named == name_line && name_line.contains(' ') && looks_like_name(name_line))
        .then_some(name_line)
}

/// The title a comments header names: "74 comments on “Open mike”" →
/// "Open mike"; a closing quote the page cut off may be missing ("87
/// comments on “Rudd Qu"). `None` for a header that names none.
pub fn title_in_header(line: &str) -> Option<&str> {
    // What comes before the title, found without resolving groups.
    static BEFORE_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^{COUNT}\s+(?:on|to|for)\s+"))
            .expect("the header-title pattern is valid")
    });
    let title = &line[BEFORE_NAME.find(line)?.end()..];
    let title = title
        .trim_start_matches(['“', '"', '‘', '\''])
        .trim_end_matches(['”', '"', '’', '\'', ':'])
        .trim();
    (!title.is_empty()).then_some(title)
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
                Some(Furniture::CommentsHeader {
                    comments: count,
                    form: matches!(
                        line,
                        "Leave a Reply" | "Post a Comment" | "Join the conversation"
                    ),
                }),
                "{line}"
            );
        }
        assert_eq!(recognise("Comments on the budget were scathing."), None);
    }

    #[test]
    fn bylines_inside_a_posts_text() {
        let teaser = "(Scott Johnson) President Biden has waged a war on energy.";
        assert_eq!(opening_byline(teaser), Some(("Scott Johnson", 16)));
        assert_eq!(opening_byline("(Reuters) The minister resigned."), None);
        assert_eq!(opening_byline("(The Nation) The old saying goes."), None);
        assert_eq!(opening_byline("(see below) This is why."), None);
        assert_eq!(author_box("Jane Roe", "About Jane Roe"), Some("Jane Roe"));
        assert_eq!(author_box("Tonight", "About Tonight"), None);
        assert_eq!(author_box("Jane Roe", "About the author"), None);
    }

    #[test]
    fn comments_headers_name_their_post() {
        assert_eq!(
            title_in_header("74 comments on “Open mike”"),
            Some("Open mike")
        );
        assert_eq!(title_in_header("45 Responses to “today”"), Some("today"));
        assert_eq!(
            title_in_header("405 comments on “Rudd Quits!"),
            Some("Rudd Quits!")
        );
        assert_eq!(
            title_in_header("3 Responses to Ferry fares"),
            Some("Ferry fares")
        );
        assert_eq!(title_in_header("12 comments:"), None);
        assert_eq!(title_in_header("Comments"), None);
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
            "Showing posts with label Trade. Show all posts",
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
        assert_eq!(
            recognise("« Tolls up again | Main | Bridge closed »"),
            Some(Furniture::PageChrome)
        );
        assert_eq!(recognise("« Tolls up again"), None);
        assert_eq!(
            breadcrumb_end("Home › News › Tolls up again"),
            Some("Tolls up again")
        );
        assert_eq!(
            recognise("Home » News » Tolls up again"),
            Some(Furniture::PageChrome)
        );
        assert_eq!(breadcrumb_end("Tolls » fares"), None);
        assert_eq!(breadcrumb_end("Read more »"), None);
        assert_eq!(recognise("Share this entry"), Some(Furniture::PageChrome));
        assert_eq!(recognise("Related"), Some(Furniture::PageChrome));
        assert_eq!(recognise("Related to this, the minister resigned."), None);
        assert_eq!(recognise("Macron: No planet B rebuke to Trump"), None);
    }

    fn date_of(line: &str) -> Option<&str> {
        match recognise(line) {
            Some(Furniture::Date(span)) => Some(span.text(line)),
            _ => None,
        }
    }

    #[test]
    fn dates_in_more_of_the_forms_blogs_print() {
        assert_eq!(
            date_of("Tuesday :: Feb 5, 2008"),
            Some("Tuesday :: Feb 5, 2008")
        );
        assert_eq!(
            date_of("5 November 2014 · 1:33 pm"),
            Some("5 November 2014 · 1:33 pm")
        );
        assert_eq!(
            date_of("Originally posted: March 17, 2007"),
            Some("March 17, 2007")
        );
        // A byline whose name the scrape left out.
        assert_eq!(
            date_of("Posted on April 09, 2024 by"),
            Some("April 09, 2024")
        );
        assert_eq!(date_of("Originally, the vote was on March 17, 2007"), None);
    }

    #[test]
    fn datelines_give_the_date_and_the_comment_count() {
        assert_eq!(
            recognise("Friday, 30 November 2007 State of the parties Comments Off"),
            byline(None, Some("Friday, 30 November 2007"), None)
        );
        assert_eq!(
            recognise("Sunday, 25 November 2007 Key posts, State of the parties 4 Comments"),
            byline(None, Some("Sunday, 25 November 2007"), Some(4))
        );
        assert_eq!(
            recognise("[ 32 ] December 29, 2012 |"),
            byline(None, Some("December 29, 2012"), Some(32))
        );
        assert_eq!(recognise("17 November 2017 the talks failed"), None);
        assert_eq!(
            recognise("17 November 2017: the talks failed again today"),
            None
        );
    }

    #[test]
    fn bylines_with_handles_and_trailing_links() {
        assert_eq!(
            recognise("By saul_relative - E-mail this page - Add to My Favorites"),
            byline(Some("saul_relative"), None, None)
        );
        assert_eq!(
            recognise("Posted by: jroe | May 4, 2010 1:07 PM | Report abuse"),
            byline(Some("jroe"), Some("May 4, 2010 1:07 PM"), None)
        );
        assert_eq!(
            recognise("Author: Jane Roe"),
            Some(Furniture::AuthorBox("Jane Roe".into()))
        );
        assert!(!Furniture::AuthorBox("Jane Roe".into()).follows_title());
        assert_eq!(
            recognise("Author Page for Jane Roe"),
            Some(Furniture::ArchiveHeader {
                author: Some("Jane Roe".into())
            })
        );
    }

    #[test]
    fn what_a_comment_area_prints_about_itself() {
        for line in [
            "Comments are closed.",
            "Reader comments are listed below. Comments are currently closed and new comments are no longer being accepted.",
        ] {
            assert_eq!(
                recognise(line),
                Some(Furniture::PostEnd { comments: None }),
                "{line}"
            );
        }
        for line in [
            "You must be logged in to post a comment.",
            "Your email address will not be published. Required fields are marked *",
            "Subscribe to comments with RSS.",
        ] {
            assert_eq!(recognise(line), Some(Furniture::PageChrome), "{line}");
        }
        for (line, form) in [
            ("Readers' comments", false),
            ("View all comments", false),
            ("Leave a Reply", true),
        ] {
            assert_eq!(
                recognise(line),
                Some(Furniture::CommentsHeader {
                    comments: None,
                    form
                }),
                "{line}"
            );
        }
        assert_eq!(
            recognise("Your comments on the budget were scathing."),
            None
        );
    }

    #[test]
    fn navigation_and_pagers_are_chrome() {
        for line in [
            "Skip to content",
            "Skip to main content",
            "Back to blog",
            "Print Friendly",
            "Notify of",
            "Inline Feedbacks",
            "Subscribe via RSS Feed",
            "1 2 3 4",
            "« 1 2 3 »",
        ] {
            assert_eq!(recognise(line), Some(Furniture::PageChrome), "{line}");
        }
        assert_eq!(recognise("Back to the drawing board for the council"), None);
        assert_eq!(recognise("1 2 3 go"), None);
    }
}
