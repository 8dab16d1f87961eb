//! Post furniture: the lines a blog page wraps around a post's text
//! (bylines, dates, comment counts, "Read more »" links, tag headers).
//!
//! Furniture is never commentary. It is evidence of a post boundary: bylines
//! and dates stand right after a title, "Read more" and comment counts right
//! at a post's end, and page headers before the first post.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

/// What a furniture line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Furniture {
    /// "By Jane Doe", "Written By: Jane Doe", with the date where it gives one.
    Byline {
        author: String,
        date: Option<String>,
    },
    /// "17 November 2017", "Posted on March 4th, 2018".
    Date(String),
    /// "Read more »", "Continue reading “…”", "12 comments": the post ends here.
    PostEnd,
    /// "Tag Archives: Macron", "Share this:": page chrome with no boundary meaning.
    PageChrome,
}

impl Furniture {
    /// Whether the line usually follows a post's title.
    pub fn follows_title(&self) -> bool {
        matches!(self, Furniture::Byline { .. } | Furniture::Date(_))
    }
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const WEEKDAY: &str =
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?";
const TIME: &str = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?,?\s*)?";
const COMMENTS: &str =
    r"(?:\s*[-–—|·•]\s*(?:\d+|no|one)\s+(?:comments?|responses?|replies)(?:\s+»)?)?";

/// A date in the common blog forms, alone on its line, with an optional time
/// before it and an optional comment count after it.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    let pattern = format!(
        r"(?i)^(?:(?:posted|published|updated)(?:\s+on)?:?\s+)?(?P<date>{TIME}{WEEKDAY}(?:{day}\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+{day},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?)?){COMMENTS}$"
    );
    Regex::new(&pattern).expect("the date pattern is valid")
});

/// "By Jane Doe", "Posted by jdoe", "Written By: Jane Doe Date published: …".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:written|posted|posted\s+by|words)\s+)?by:?\s+(?P<author>[\p{L}][\p{L}\p{M}.'’ -]*?)(?:\s*(?:[-–—|,·•]|\s(?:on|at|in))\s*(?:date\s+published:?\s*)?(?P<rest>.*))?$|^(?i:author):\s*(?P<author2>[\p{L}][\p{L}\p{M}.'’ -]*)$",
    )
    .expect("the byline pattern is valid")
});

/// "Written By: Jane Date published: 9:15 am, March 4th, 2018 - 12 comments".
static WRITTEN_BY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^written\s+by:?\s+(?P<author>.+?)\s+date\s+published:?\s+(?P<date>.+)$")
        .expect("the written-by pattern is valid")
});

static POST_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:read\s+(?:more|the\s+rest|full\s+(?:post|article|story))\s*[»›→>.…]*|continue\s+reading(?:\W.*)?|\(more…?\.{0,3}\)|\[(?:…|\.\.\.)\]|(?:\d+|no|one)\s+(?:comments?|responses?|replies)(?:\s+»)?|leave\s+a\s+(?:comment|reply)|comments?\s+(?:\(\d+\)|closed|are\s+closed)|\d+\s+comments?\s+on\s+.+)$",
    )
    .expect("the post-end pattern is valid")
});

static PAGE_CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:tag|tags|tagged|tag\s+archives?|category|categories|category\s+archives?|archives?|topic)\s*:\s*.+|(?:posts\s+tagged|archive\s+for|search\s+results\s+for)\s+.+|(?:share\s+this|like\s+this|related|share|tweet|print|email|loading\.\.\.|like|reblog|subscribe)\s*:?)$",
    )
    .expect("the page-chrome pattern is valid")
});

/// All the furniture patterns at once: one pass that rules out almost every
/// paragraph before any pattern extracts anything.
static ANY: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(
        [&WRITTEN_BY_DATE, &DATE, &POST_END, &BYLINE, &PAGE_CHROME].map(|regex| regex.as_str()),
    )
    .expect("the furniture patterns are valid")
});

/// Recognises a whole paragraph as furniture.
///
/// Accepts "By Jane Doe", "17 November 2017", "Read more »"; rejects
/// "By the end of the week the deal was dead." (a sentence, too long and
/// ending in a full stop) and "Tagged as a liar by the press, he…".
pub fn recognise(line: &str) -> Option<Furniture> {
    if line.len() > 200 || !ANY.is_match(line) {
        return None;
    }
    if let Some(caps) = WRITTEN_BY_DATE.captures(line) {
        let date = strip_comment_count(&caps["date"]);
        return Some(Furniture::Byline {
            author: caps["author"].trim().to_string(),
            date: (!date.is_empty()).then_some(date),
        });
    }
    if let Some(caps) = DATE.captures(line) {
        return Some(Furniture::Date(caps["date"].trim().to_string()));
    }
    if POST_END.is_match(line) {
        return Some(Furniture::PostEnd);
    }
    if let Some(caps) = BYLINE.captures(line)
        && !line.ends_with('.')
    {
        let author = caps
            .name("author")
            .or_else(|| caps.name("author2"))
            .map(|m| m.as_str().trim().to_string())?;
        if !looks_like_name(&author) {
            return None;
        }
        let date = caps
            .name("rest")
            .and_then(|rest| DATE.captures(rest.as_str().trim()))
            .map(|c| c["date"].trim().to_string());
        return Some(Furniture::Byline { author, date });
    }
    if PAGE_CHROME.is_match(line) && !line.ends_with('.') && line.split_whitespace().count() <= 8 {
        return Some(Furniture::PageChrome);
    }
    None
}

/// One to four words, each starting with a capital ("Jane Doe") or a handle
/// of one word ("jdoe").
fn looks_like_name(text: &str) -> bool {
    if text.chars().count() > 40 {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [] => false,
        [one] => one
            .chars()
            .all(|c| c.is_alphanumeric() || "._-'’".contains(c)),
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
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("{COMMENTS}$")).expect("the comment-count pattern is valid")
    });
    COUNT.replace(text, "").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn byline(author: &str, date: Option<&str>) -> Option<Furniture> {
        Some(Furniture::Byline {
            author: author.into(),
            date: date.map(Into::into),
        })
    }

    #[test]
    fn bylines() {
        assert_eq!(recognise("By Jane Smith"), byline("Jane Smith", None));
        assert_eq!(recognise("Posted by jdoe"), byline("jdoe", None));
        assert_eq!(
            recognise(
                "Written By: Pete George Date published: 9:15 am, March 4th, 2018 - 12 comments"
            ),
            byline("Pete George", Some("9:15 am, March 4th, 2018"))
        );
        assert_eq!(
            recognise("By Jane Smith - 17 November 2017"),
            byline("Jane Smith", Some("17 November 2017"))
        );
        assert_eq!(recognise("By the end of the week the deal was dead."), None);
        assert_eq!(recognise("By then it was too late for talks"), None);
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
        ] {
            assert!(
                matches!(recognise(line), Some(Furniture::Date(_))),
                "{line}"
            );
        }
        assert_eq!(
            recognise("17 November 2017"),
            Some(Furniture::Date("17 November 2017".into()))
        );
        assert_eq!(recognise("On 17 November 2017 the talks failed."), None);
    }

    #[test]
    fn post_ends() {
        for line in [
            "Read more »",
            "Continue reading “Macron hack dump”",
            "12 comments",
            "No comments",
            "(more…)",
            "Leave a comment",
        ] {
            assert_eq!(recognise(line), Some(Furniture::PostEnd), "{line}");
        }
        assert_eq!(recognise("Read more about the deal in the report."), None);
    }

    #[test]
    fn page_chrome() {
        assert_eq!(
            recognise("Tag Archives: Macron"),
            Some(Furniture::PageChrome)
        );
        assert_eq!(recognise("Share this:"), Some(Furniture::PageChrome));
        assert_eq!(recognise("Related"), Some(Furniture::PageChrome));
        assert_eq!(recognise("Related to this, the minister resigned."), None);
        assert_eq!(recognise("Macron: No planet B rebuke to Trump"), None);
    }
}
