//! Page chrome: the lines a page prints around its posts that say nothing
//! about where one starts ("Share this:", a pager, the links to the
//! previous and next posts, a breadcrumb trail, the platform's credit and
//! its trackback lines, a picture's credit).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

pub(super) static PAGE_CHROME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:share\s+this(?:\s+(?:entry|post|article|story|page))?|like\s+this|related|share|tweet|print|print\s+friendly|email|loading\.\.\.|like|reblog|subscribe(?:\s+(?:to|via)\s+(?:the\s+)?(?:rss|feed|comments|posts|email)[\w\s]*)?|rss\s+feed|post\s+navigation|previous\s+post|next\s+post|skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation)|back\s+to\s+(?:the\s+)?(?:top|blog|home(?:\s*page)?)|notify\s+of|inline\s+feedbacks|(?:proudly\s+)?powered\s+by\s+(?:wordpress(?:\.com)?|blogger|movable\s*type|typepad|livejournal|drupal|ghost|squarespace|tumblr|expressionengine|b2evolution|textpattern|serendipity|dreamwidth|substack|wix|jekyll|hugo)(?:\s+(?:pro\s+)?v?[0-9][0-9.]*)?|no\s+trackbacks?|trackbacks?(?:\s*\(?[0-9]+\)?)?|trackback\s+url(?:\s+for\s+this\s+(?:entry|post))?\s*:?(?:\s*https?://\S+)?|(?:photo|image|picture)s?\s+(?:source|credit)s?\s*:\s*\S.*|(?:pages?\s*:\s*)?(?:[«‹<←]\s*)?(?:prev(?:ious)?\s+)?\[?[0-9]{1,3}\]?(?:\s+\[?[0-9]{1,3}\]?)+(?:\s+next)?(?:\s*[»›>→])?)\s*:?$",
    )
    .expect("the page-chrome pattern is valid")
});

/// Where the last step of a breadcrumb trail is, the page's own name:
/// "Home » Politics » Tolls up again" gives the bytes of "Tolls up again"
/// (white space around it included). A trail has three steps or more,
/// parted by pointing quotes or arrows.
///
/// Accepts "Home › News › Tolls up again"; rejects "Tolls » fares" (two
/// steps: a title may point so) and "Read more »".
pub(super) fn breadcrumb_last_step(line: &str) -> Option<Range<usize>> {
    const SEPARATORS: [&str; 3] = [" » ", " › ", " → "];
    // The separators' last bytes, looked for first: most lines have none.
    if line.len() > 400 || memchr::memchr3(0xBB, 0xBA, 0x92, line.as_bytes()).is_none() {
        return None;
    }
    let separator = SEPARATORS.iter().find(|s| line.contains(**s))?;
    let mut steps = 0;
    let well_formed = line.split(separator).map(str::trim).all(|step| {
        steps += 1;
        !step.is_empty() && step.len() <= 200
    });
    let last = line.rfind(separator)? + separator.len();
    (steps >= 3 && well_formed).then_some(last..line.len())
}

/// The links to the previous and next posts on one line, between pointing
/// quotes and parted by bars: "« Older title | Main | Newer title »".
///
/// On the newest post or the oldest, one link is missing, and the bar
/// stands between the other and the one word of the link home.
///
/// Accepts "‹ Tolls up again | Home | Bridge closed ›", "« Tolls up again
/// | Main" and "Main | Bridge closed »"; rejects "« Tolls up again" (one
/// link, which could head a post), "Bridge closed »" and "« Tolls | up
/// again" (more than a word after the bar).
pub fn is_post_navigation(line: &str) -> bool {
    if line.len() > 300 {
        return false;
    }
    let one_word = |field: &str| {
        let field = field.trim();
        !field.is_empty() && field.len() <= 12 && field.chars().all(char::is_alphabetic)
    };
    let opens = line.starts_with(['«', '‹']);
    let ends = line.ends_with(['»', '›']);
    // Asked of every short line: most have neither quote.
    if !opens && !ends {
        return is_labelled_navigation(line);
    }
    let between_bars = match (line.split_once(" | "), line.rsplit_once(" | ")) {
        (Some((first, _)), Some((_, last))) => {
            (opens && (ends || one_word(last))) || (ends && one_word(first))
        }
        _ => false,
    };
    between_bars || is_labelled_navigation(line)
}

/// What a theme prints before the links to the previous and next posts.
const NAVIGATION_LABELS: [&str; 8] = [
    "previous article",
    "next article",
    "previous post",
    "next post",
    "previous entry",
    "next entry",
    "previous story",
    "next story",
];

/// The links to the previous and next posts behind their labels, the
/// linked title glued to the label or after a colon, or both links on one
/// line: "Previous articleTolls up again", "Next post: Bridge closed",
/// "Previous article Tolls up again Next article Bridge closed".
///
/// Accepts those; rejects "Next post I will look at the ferries." (a
/// sentence that opens so) and "Previous post" alone (page chrome of its
/// own, [`PAGE_CHROME`]).
fn is_labelled_navigation(line: &str) -> bool {
    if line.len() > 300 || !line.starts_with(['P', 'p', 'N', 'n']) {
        return false;
    }
    let bytes = line.as_bytes();
    let opens_with = |label: &str| {
        bytes
            .get(..label.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(label.as_bytes()))
    };
    let Some(label) = NAVIGATION_LABELS.iter().find(|label| opens_with(label)) else {
        return false;
    };
    let glued = line[label.len()..].starts_with(|c: char| c.is_uppercase() || c == ':');
    // The label of the other link, "next article" after "previous article".
    let (way, noun) = label.split_once(' ').expect("a label is two words");
    let other_way = if way == "previous" {
        "next"
    } else {
        "previous"
    };
    let other = [other_way.as_bytes(), b" ", noun.as_bytes()].concat();
    glued
        || bytes[label.len()..]
            .windows(other.len())
            .any(|window| window.eq_ignore_ascii_case(&other))
}

/// A site's path alone on a line ("/letters", "/opinion-columns"): a
/// section's tab or a link whose address the scrape kept instead of its
/// words. One segment of six letters or more: a reader's "/snark" or
/// "/rant" closes a joke, and "/etc/passwd" in a post is its text.
///
/// Accepts "/letters", "/local-news"; rejects "/s", "/snark", "/ the
/// board", "/etc/passwd" and "and/or".
pub(super) fn is_bare_path(line: &str) -> bool {
    let Some(path) = line.strip_prefix('/') else {
        return false;
    };
    (6..=40).contains(&path.len())
        && path.starts_with(|c: char| c.is_ascii_lowercase())
        && path
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A field a journal entry's exported header prints under its subject:
/// who may read the entry, and the writer's state as they posted
/// ("Security: Public", "Mood: tired", "Music:the news quiz"). Only the
/// header as a whole says the line is one ([`super::super::entry_headers`]).
pub fn is_journal_field(line: &str) -> bool {
    let field = line.split_once(':').map_or("", |(field, _)| field.trim());
    let field = field
        .get(..8)
        .filter(|head| head.eq_ignore_ascii_case("current "))
        .map_or(field, |_| field[8..].trim_start());
    ["security", "mood", "music", "location"]
        .iter()
        .any(|name| field.eq_ignore_ascii_case(name))
}

/// A journal's line on its writer's state as they posted, which LiveJournal
/// and its kin print under an entry's title or text: "[mood | tired]",
/// "[music | Tarn Vale - Low Tide]", "Current Mood: tired". The fields it
/// names are of that kind of page in general, not of any one journal.
///
/// Accepts "[mood | tired]", "Current Music: Tarn Vale - Low Tide";
/// rejects "Mood: the island in March" (a title may open so) and
/// "[Updated: the board replied]".
pub fn is_journal_state(line: &str) -> bool {
    static JOURNAL_STATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:\[\s*(?:current\s+)?(?:mood|music|location)\s*[|:]\s*[^\]]*\]|current\s+(?:mood|music|location)\s*:\s*\S.*)$",
        )
        .expect("the journal-state pattern is valid")
    });
    let opens = line.starts_with('[')
        || line
            .as_bytes()
            .get(..8)
            .is_some_and(|head| head.eq_ignore_ascii_case(b"current "));
    opens && JOURNAL_STATE.is_match(line)
}
