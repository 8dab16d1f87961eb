//! Comment labels: the line that opens a comment and says who wrote it
//! ("Rangi 1.2", "Rangi says:", "Anonymous said..."), and the lines a
//! thread prints around every comment that are never its text ("Reply",
//! "Like").

use std::sync::LazyLock;

use regex::Regex;

use super::super::furniture::{self, MONTHS, WEEKDAYS, is_month, is_weekday, looks_like_name};
use super::super::wordset::WordSet;
use super::plan::is_bare_time;

/// What a comment's label says, borrowed from its line: the walk asks
/// every short paragraph of an archive, and a thread's reading every one of
/// its paragraphs, and only the labels that open a comment are copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label<'a> {
    pub author: Option<&'a str>,
    /// The position as printed ("1.2.1").
    pub position: Option<&'a str>,
    pub date: Option<&'a str>,
}

/// "Rangi 1", "mike_s 1.1", "Dennis Frank 2.1.3": a name and a dotted
/// position; or "Rangi says:", "Miss Ten Says: October 5th, 2007, 8.15am",
/// "Anonymous said...": a name and a speech verb, with the time where the
/// line gives it.
///
/// Accepts "pat 1.1.1"; rejects "March 2019" (a month is no name), "Budget
/// 2019 is a mess" (words after the number) and "He said: no way" (what
/// follows the verb is not a time).
pub fn label(text: &str) -> Option<Label<'_>> {
    // Cheap tests first: every short paragraph of an archive is asked.
    if text.len() > 100 {
        return None;
    }
    let last = text.as_bytes().last().copied()?;
    // Before the tests by the last letter: the name may end in any.
    if let Some(scored) = scored_label(text) {
        return Some(scored);
    }
    if last == b'o' {
        return named_with_age(text);
    }
    if last == b'r' {
        return avatar_label(text);
    }
    if last | 0x20 == b'k'
        && let Some(label) = permalink_label(text)
    {
        return Some(label);
    }
    if last == b'n'
        && let Some(label) = name_before_lost_date(text)
    {
        return Some(label);
    }
    if last | 0x20 == b'm'
        && let Some(label) = name_glued_to_time(text)
    {
        return Some(label);
    }
    if last == b')'
        && let Some((author, date)) = furniture::utc_stamp(text)
    {
        return Some(Label {
            author,
            position: None,
            date: Some(date),
        });
    }
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
        return Some(Label {
            author: Some(name),
            position: Some(position),
            date: None,
        });
    }
    // Only lines with the verb, in any ASCII case, are read by the pattern:
    // most lines have none. Of those, most are prose that reports speech
    // ("The minister said the deal was dead."), which the pattern matches
    // and the time after the verb then turns away: a line with no digit
    // has no time, so it can be a label only with nothing after its verb.
    if !has_speech_verb(text) || !(has_ascii_digit(text) || ends_with_speech_verb(text)) {
        return None;
    }
    says_label(text)
}

/// "Re:Good by jo_b · · Score: 3, Funny", "Good (Score:2) by Jo Lee on
/// Monday May 04, 2009": a comment's subject, its commenter and the score
/// readers gave it, as the moderated forums print them. The subject may
/// say anything; the score says it is a comment.
///
/// Accepts those; rejects "Tolls by Jo Lee" (no score) and "Score: 3 by
/// the end of the night" (no name after "by").
fn scored_label(text: &str) -> Option<Label<'_>> {
    let score = memchr::memmem::find(text.as_bytes(), b"Score:")?;
    let points = text[score + "Score:".len()..].trim_start();
    if !points
        .trim_start_matches('-')
        .starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let by = text.rfind(" by ")?;
    // The forum's shape: a subject first, and the score in brackets before
    // the name ("Tolls (Score:2) by Jo") or after it behind the forum's
    // dots ("Re:Tolls by jo_b · · Score: 3"); "Score: 112/3 by lunch" in a
    // match report is neither.
    let placed = if score > by {
        text[by..score].contains(" · ")
    } else {
        text[..score].ends_with('(')
    };
    if by == 0 || !placed {
        return None;
    }
    let after = &text[by + " by ".len()..];
    let end = [" ·", " (", " on ", " |"]
        .iter()
        .filter_map(|stop| after.find(stop))
        .min()
        .unwrap_or(after.len());
    let name = after[..end].trim();
    // In the forum's shape any display name will do ("Constantine+XVI").
    let named = looks_like_name(name) || is_handle(name) || is_display_name(name);
    (named && !name.contains("Score:") && !is_calendar_word(name)).then_some(Label {
        author: Some(name),
        position: None,
        date: None,
    })
}

/// [`label`]'s reading of a line with a speech verb by [`SAYS`], the name
/// and the time it gives.
fn says_label(text: &str) -> Option<Label<'_>> {
    let caps = SAYS.captures(text)?;
    let name = caps.name("name").map(|n| without_status(n.as_str().trim()));
    // "At 8:31 pm , Jo said...": the time may stand before a spaced comma.
    let at = caps.name("at").map(|at| at.as_str().trim());
    let before = at.or_else(|| caps.name("before").map(|before| before.as_str()));
    let date = match (before, caps.name("date")) {
        (Some(before), _) if furniture::is_date(before) || is_bare_time(before) => Some(before),
        (None, Some(date)) if date.as_str().is_empty() => None,
        (None, Some(date)) if furniture::date_in(date.as_str()).is_some() => Some(date.as_str()),
        (None, None) => None,
        _ => return None,
    };
    let author = match name {
        Some(name) if looks_like_name(name) && !is_calendar_word(name) => Some(name),
        // After its time the line is a label whatever the display name
        // ("At 8:31 pm, Anonymous rayof surrey said...").
        Some(name) if at.is_some() && is_display_name(name) => Some(name),
        Some(_) => return None,
        // "Says: October 5th, 2007": a comment whose name the page lost.
        None if date.is_some() => None,
        None => return None,
    };
    Some(Label {
        author,
        position: None,
        date: date.map(str::trim),
    })
}

/// A commenter's name without what the platform says of them after it in
/// brackets: "rem (not verified)" → "rem", "Jo Lee (Leeds)" → "Jo Lee".
/// A name that is all brackets stays as it is.
fn without_status(name: &str) -> &str {
    match name.strip_suffix(')').and_then(|rest| rest.rfind(" (")) {
        Some(at) if at > 0 => name[..at].trim_end(),
        _ => name,
    }
}

/// "Name says:", "At <time>, Blogger Name said...", "Name on <date> said:".
static SAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:at (?P<at>[^,]+), (?:blogger )?)?(?:(?P<name>[\p{L}\p{N}_][\p{L}\p{M}\p{N}_.'’ ()-]*?)(?-i: on (?P<before>.+?))? )?(?:says|said|wrote)(?::|\.\.\.|…)?(?:\s*(?P<date>.*))?$")
        .expect("the says-label pattern is valid")
});

/// Whether `text` holds a verb it needs, in any ASCII case, to be read by
/// [`SAYS`]: "says", "said" or "wrote", anywhere.
///
/// A scan of the bytes rather than a multi-pattern searcher: the lines
/// asked are at most 100 bytes, and starting a search cost more than
/// reading them. Setting a byte's 0x20 bit lower-cases an ASCII capital and
/// leaves its lower case as it is; no other byte becomes a lower-case
/// letter by it, so each comparison is exact.
fn has_speech_verb(text: &str) -> bool {
    let bytes = text.as_bytes();
    let lower = |at: usize| bytes[at] | 0x20;
    (0..bytes.len().saturating_sub(3)).any(|at| match lower(at) {
        b's' => {
            lower(at + 1) == b'a'
                && matches!((lower(at + 2), lower(at + 3)), (b'y', b's') | (b'i', b'd'))
        }
        b'w' => {
            at + 4 < bytes.len()
                && lower(at + 1) == b'r'
                && lower(at + 2) == b'o'
                && lower(at + 3) == b't'
                && lower(at + 4) == b'e'
        }
        _ => false,
    })
}

/// Whether `text` holds an ASCII digit: every time [`says_label`] accepts
/// holds one ([`furniture::date_in`], [`furniture::is_date`] and
/// [`is_bare_time`] all ask for digits).
fn has_ascii_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// Whether `text` ends with a speech verb and nothing after it but what
/// [`SAYS`] allows there with no time: "Jo Lee says:", "Anonymous said...",
/// "jroe wrote". The verb is compared in any case, as the pattern compares
/// it: Unicode folds the long s, "ſ", to an "s", and no other character to
/// a letter of the three verbs.
///
/// Accepts "Rangi SAYS: "; rejects "Rangi says: no" and "Rangi said ..".
fn ends_with_speech_verb(text: &str) -> bool {
    let text = text.trim_end();
    let text = text
        .strip_suffix(':')
        .or_else(|| text.strip_suffix("..."))
        .or_else(|| text.strip_suffix('…'))
        .unwrap_or(text);
    let folded = || {
        text.chars().rev().map(|c| match c {
            'ſ' => 's',
            c => c.to_ascii_lowercase(),
        })
    };
    ["says", "said", "wrote"]
        .iter()
        .any(|verb| folded().take(verb.len()).eq(verb.chars().rev()))
}

/// "Jane Roe • 6 years ago": a name and how long ago the comment was
/// written, as Disqus prints it above a comment.
///
/// Accepts "Lizard_of_Oz • an hour ago"; rejects "Six years ago" (no name)
/// and "The vote was two weeks ago" (no separator before the age).
fn named_with_age(text: &str) -> Option<Label<'_>> {
    static AGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?P<name>\S.*?)\s+[•·|]\s+(?P<age>(?:[0-9]+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago)$")
            .expect("the age-label pattern is valid")
    });
    let caps = AGE.captures(text)?;
    let name = caps.name("name")?.as_str().trim();
    // Display names are any words; the age after the bullet is the label.
    let words = name.split_whitespace().count();
    let sentence = name.contains(['.', ',', '!', '?', ':', ';', '"', '“', '”']);
    (name.len() <= 40 && words <= 5 && !sentence).then(|| Label {
        author: Some(name),
        position: None,
        date: caps.name("age").map(|age| age.as_str()),
    })
}

/// "Jane Roe6:24 AM": a name and the time of the comment with nothing
/// between, as a scrape joins the two links a threaded Blogger comment
/// opens with. A name that ends in a letter or a full stop, then a time
/// with its "AM" or "PM": no sentence runs a word into a number.
///
/// Accepts "Anonymous6:41 AM" and "Jo Lee12:36 PM"; rejects "Anonymous
/// 6:41 AM" (spaced: a line of a post may say when), "Flight BA2:15 PM"
/// (a capital before the digits is a code) and "The vote6:41 AM was
/// late" (words after the time).
fn name_glued_to_time(text: &str) -> Option<Label<'_>> {
    // The longest time is "12:18 p.m.", ten bytes: it starts at the first
    // digit of the line's last ten from which a time runs to its end.
    let time_start = (text.len().saturating_sub(10)..text.len())
        .find(|&at| text.as_bytes()[at].is_ascii_digit() && is_bare_time(&text[at..]))?;
    let (name, time) = text.split_at(time_start);
    let before = name.chars().next_back()?;
    let glued = before.is_lowercase() || before == '.' || before == ')';
    (glued && is_bare_time(time) && has_meridiem(time) && looks_like_name(name)).then_some(Label {
        author: Some(name),
        position: None,
        date: Some(time),
    })
}

/// Whether a time ends in "AM" or "PM", in any case.
fn has_meridiem(time: &str) -> bool {
    let bytes = time.as_bytes();
    bytes.len() >= 2
        && matches!(bytes[bytes.len() - 2] | 0x20, b'a' | b'p')
        && bytes[bytes.len() - 1] | 0x20 == b'm'
}

/// "Jane Roe's avatar": the picture Substack prints above each comment, its
/// alternative text naming the commenter. "User's avatar" is the reader's
/// own, over the reply box, and names nobody.
fn avatar_label(text: &str) -> Option<Label<'_>> {
    let name = text
        .strip_suffix("'s avatar")
        .or_else(|| text.strip_suffix("’s avatar"))?
        .trim();
    (!is_comment_furniture(text) && (looks_like_name(name) || is_handle(name))).then_some(Label {
        author: Some(name),
        position: None,
        date: None,
    })
}

/// "Jo Lee permalink": the commenter's name and the link to the comment,
/// as some themes print them over each comment; the link's word is the
/// platform's, in any case.
///
/// Accepts "Bob permalink", "tern_watcher Permalink"; rejects "permalink"
/// (no name) and "Read the permalink" (no name before it).
fn permalink_label(text: &str) -> Option<Label<'_>> {
    const WORD: &str = " permalink";
    let at = text.len().checked_sub(WORD.len())?;
    if !text.is_char_boundary(at) || !text[at..].eq_ignore_ascii_case(WORD) {
        return None;
    }
    let name = text[..at].trim();
    let named = (looks_like_name(name) || is_handle(name)) && !is_calendar_word(name);
    // "Copy permalink", "Static permalink": the link's own words.
    let links_word = [
        "copy", "comment", "static", "post", "entry", "direct", "share", "view",
    ]
    .iter()
    .any(|word| name.eq_ignore_ascii_case(word));
    (named && !links_word && !is_comment_furniture(name)).then_some(Label {
        author: Some(name),
        position: None,
        date: None,
    })
}

/// "Jo Lee on": a commenter's name and the word before the comment's
/// date, which was a link the scrape lost, as "Jo Lee on May 4, 2019"
/// reads on the page.
///
/// Accepts "K. Marsh on", "Joe on"; rejects "Spot on" and "Hands On" (no
/// one is named so) and "The vote went on" (a sentence).
fn name_before_lost_date(text: &str) -> Option<Label<'_>> {
    let name = text.strip_suffix(" on")?.trim();
    // A month or a weekday before "on" is no one's name; a word a number
    // counts may be ("L. Step"): no number follows it here.
    let last = name.rsplit(' ').next().unwrap_or(name);
    let named = looks_like_name(name)
        && name.starts_with(char::is_uppercase)
        && !is_month(last)
        && !is_weekday(last)
        && !is_comment_furniture(name);
    // A word that "on" completes is a phrase, not a name: "Spot on",
    // "Hands On", "Moving on".
    let phrase = name
        .split_whitespace()
        .next()
        .is_some_and(|first| PHRASES_WITH_ON.contains(first));
    (named && !phrase).then_some(Label {
        author: Some(name),
        position: None,
        date: None,
    })
}

/// Words that "on" completes as a phrase of its own ("Spot on", "Hang
/// on", "Hands On"), in any case: never a commenter's name before "on".
static PHRASES_WITH_ON: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "spot", "hang", "hands", "carry", "game", "hold", "come", "move", "moving", "rock",
        "dream", "log", "logged", "turn", "read", "bring", "right", "later", "so", "head",
        "lights", "keep", "press", "switch", "sign", "signed", "goes", "going", "go", "and",
        "it's", "its", "it", "turned", "bang", "dead", "full", "early", "live", "carrying",
    ])
});

/// A commenter's handle of one word: letters, digits and `_.-`
/// ("Lizard_of_Oz", "02bsoright").
fn is_handle(name: &str) -> bool {
    name.len() <= 40
        && !name.contains(' ')
        && name.chars().any(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || "_.-".contains(c))
}

/// A label in a thread already found: also Blogger's "NAME said..." with a
/// display name of any words ("A quiet observer said...", "Walker On Tour
/// said..."), which outside a thread would read as a lead-in.
///
/// Accepts "a reader in Leeds said..."; rejects "The minister said: no"
/// (no ellipsis) and "Then he said... nothing" (words after the verb).
pub fn thread_label(text: &str) -> Option<Label<'_>> {
    label(text)
        .or_else(|| said_label(text))
        .or_else(|| stamped_label(text))
        .or_else(|| dashed_stamp(text))
}

/// "KerryJ Sunday, 7 December, 2008, 10:30 am": a commenter's name and the
/// comment's date and time, on one line with nothing between them. A post's
/// byline can take the same shape under its title, so the thread walk takes
/// such a line as a label only where a thread is already open, after a
/// comments header or count, or where another follows and no title stands
/// above it.
///
/// Accepts "Jo Lee 3 May 2019, 10:21 am", "Paul S., August 9, 2009 at
/// 8:38 AM", "pat_b Sunday, 7 December, 2008, 10:30 am" and "DJ Tue, Feb
/// 16, 2010 at 9:11 pm #" (its permalink's mark); rejects "Jo Lee 3 May
/// 2019" (no time: a name and a date can be a post's heading), "Updated
/// 3 May 2019, 10:21 am" (the date's own words), "The vote 3 May 2019,
/// 10:21 am" (no name) and "May 3 May 2019, 10:21 am".
pub fn stamped_label(text: &str) -> Option<Label<'_>> {
    /// The most words a name takes here ([`looks_like_name`]'s).
    const NAME_WORDS: usize = 4;
    // Cheap tests first: most short paragraphs of an archive are asked.
    if text.len() > 100 {
        return None;
    }
    // "Date:October 8th, 2009 03:45 am (UTC)": a journal's stamp under a
    // label word, its writer's name lost. A message quoted in a post prints
    // such a line once; as a stamped label, it opens a thread only where
    // another follows.
    if text.ends_with(')') {
        return furniture::labelled_utc_stamp(text).map(|date| Label {
            author: None,
            position: None,
            date: Some(date),
        });
    }
    // "DJ Tue, Feb 16, 2010 at 9:11 pm #": the comment's permalink, a
    // mark after its time.
    let text = text.trim_end_matches(|c: char| c.is_whitespace() || c == '#' || c == '¶');
    if !ends_with_time(text) {
        return None;
    }
    // The names tried are the text up to each of its first spaces, each
    // holding the words of the one before: a month or weekday among those
    // words turns away every name from there on, so the words are asked
    // once each, in order, and the search ends at the first such word.
    let mut word_start = 0;
    for (at, _) in text.match_indices(' ').take(NAME_WORDS) {
        let word = &text[word_start..at];
        if is_month(word) || is_weekday(word) {
            return None;
        }
        word_start = at + 1;
        let (name, date) = (&text[..at], &text[at + 1..]);
        // "Paul S., August 9, 2009 at 8:38 AM": a comma may part them.
        let name = name.strip_suffix(',').unwrap_or(name);
        let named = looks_like_name(name) && !is_calendar_word(name) && !furniture::is_date(text);
        if named && furniture::is_date(date) {
            return Some(Label {
                // "On March 3, 2011 at 9:12 am": the word that leads the
                // stamp in is no name; the commenter's stands above it.
                author: (!is_stamp_lead_in(name)).then_some(name),
                position: None,
                date: Some(date),
            });
        }
    }
    None
}

/// "viviankirkfield - January 7, 2014" or "Team Oyeniyi – January 7,
/// 2014": a commenter's name and the comment's date parted by a dash (the
/// comment's number, where the theme prints one, is the paragraph's
/// bullet). An archive's headings take this shape too ("Budget Night - May
/// 4, 2019"), so the walk opens a thread on such lines only where they are
/// numbered or a name recurs among them.
pub fn dashed_stamp(text: &str) -> Option<Label<'_>> {
    if text.len() > 100 {
        return None;
    }
    let (name, date) = split_at_spaced_dash(text)?;
    let (name, date) = (name.trim(), date.trim());
    let named = looks_like_name(name)
        && !is_calendar_word(name)
        && !name
            .split_whitespace()
            .any(|word| is_month(word) || is_weekday(word));
    (named && furniture::is_date(date)).then_some(Label {
        author: Some(name),
        position: None,
        date: Some(date),
    })
}

/// `text` either side of its first " - ", or else its first " – ", or else
/// its first " — ".
///
/// Every short line of an archive is asked, so the three are looked for in
/// one pass over the spaces rather than in a search each.
fn split_at_spaced_dash(text: &str) -> Option<(&str, &str)> {
    const DASHES: [&str; 3] = ["- ", "– ", "— "];
    let mut first: [Option<usize>; 3] = [None; 3];
    for space in memchr::memchr_iter(b' ', text.as_bytes()) {
        let after = &text[space + 1..];
        if let Some(kind) = DASHES.iter().position(|dash| after.starts_with(dash)) {
            first[kind] = first[kind].or(Some(space));
            if kind == 0 {
                break;
            }
        }
    }
    let (kind, at) = first
        .iter()
        .enumerate()
        .find_map(|(kind, at)| at.map(|at| (kind, at)))?;
    Some((&text[..at], &text[at + 1 + DASHES[kind].len()..]))
}

/// A word a comment's stamp opens with when its name is printed apart
/// ("On March 3, 2011 at 9:12 am", "At 10:21 am"), which would read as a
/// one-word name.
fn is_stamp_lead_in(word: &str) -> bool {
    ["on", "at", "posted", "written", "submitted"]
        .iter()
        .any(|lead_in| word.eq_ignore_ascii_case(lead_in))
}

/// Whether a line ends with a clock time ("10:21", "5.50 am", "6:42pm").
fn ends_with_time(text: &str) -> bool {
    let text = text.trim_end();
    let clock = ["am", "pm", "a.m.", "p.m."]
        .iter()
        .find_map(|suffix| {
            let at = text.len().checked_sub(suffix.len())?;
            text.as_bytes()[at..]
                .eq_ignore_ascii_case(suffix.as_bytes())
                .then(|| text[..at].trim_end())
        })
        .unwrap_or(text);
    let bytes = clock.as_bytes();
    bytes.len() >= 4
        && bytes[bytes.len() - 2..].iter().all(u8::is_ascii_digit)
        && matches!(bytes[bytes.len() - 3], b':' | b'.')
        && bytes[bytes.len() - 4].is_ascii_digit()
}

/// A label after a line that holds only the comment's number ("4." then
/// "4"), which says a label comes: a name of any words and a speech verb.
pub fn numbered_label(text: &str) -> Option<Label<'_>> {
    thread_label(text).or_else(|| any_name_speaks(text, &[" says:", " said:", " says", " wrote:"]))
}

/// "NAME" and one of `verbs` at the line's end: a display name of one to
/// six words with no sentence in it.
fn any_name_speaks<'a>(text: &'a str, verbs: &[&str]) -> Option<Label<'a>> {
    // A display name is short ([`is_display_name`]): a longer line is
    // turned away by its length alone, without reading its text, which
    // most paragraphs asked about are (prose).
    if text.len() > LONGEST_SPEAKING_LINE {
        return None;
    }
    let name = name_before(text, verbs)?;
    is_display_name(name).then_some(Label {
        author: Some(name),
        position: None,
        date: None,
    })
}

/// What stands before the speech verb that `text` ends with, in any
/// case ("Jo Lee" in "Jo Lee SAID...").
fn name_before<'a>(text: &'a str, verbs: &[&str]) -> Option<&'a str> {
    verbs.iter().find_map(|verb| {
        let at = text.len().checked_sub(verb.len())?;
        (text.is_char_boundary(at) && text[at..].eq_ignore_ascii_case(verb))
            .then(|| text[..at].trim())
    })
}

/// The longest line [`any_name_speaks`] reads: a display name's longest
/// ([`is_display_name`]), the longest verb, and room for the spaces
/// between.
const LONGEST_SPEAKING_LINE: usize = 120;

/// A display name as commenters choose them: one to six words of any case
/// with no sentence in them ("daniel noe", "A quiet observer"), perhaps
/// with where the commenter writes from after a comma ("Jo Lee, Leeds").
///
/// Accepts "rayof surrey" and "St Anne, Reading"; rejects "Then he said,
/// flatly" (a comma before a word in lower case: a sentence) and a run of
/// seven words.
pub(super) fn is_display_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    let (who, place) = name.split_once(", ").unwrap_or((name, ""));
    let sentence = |part: &str| part.contains(['.', ',', '!', '?', ':', ';', '"', '“', '”']);
    let place_fits = place.is_empty() || place.starts_with(char::is_uppercase);
    name.len() <= 50 && (1..=6).contains(&words) && place_fits && !sentence(who) && !sentence(place)
}

/// Blogger's label, "NAME said..." with the ellipsis, whatever the display
/// name: on its own it could lead in a quotation, so the thread walk asks
/// for more (another label, or the platform's name for an unnamed reader).
///
/// Accepts "daniel noe said...", ".:| Mel |:. said...", 'The New
/// "Normal" said...' and "Jo @ jo.example.com said..."; rejects "The minister said:" (no ellipsis), "Jo
/// said... nothing" (words after the verb) and "Then, he said...".
pub fn said_label(text: &str) -> Option<Label<'_>> {
    const SAID: [&str; 2] = [" said...", " said…"];
    any_name_speaks(text, &SAID).or_else(|| {
        // A name dressed up as its owner likes it (".:| Melissa |:.", 'The
        // New "Normal"') is a display name too: the ellipsis after "said"
        // is Blogger's own, which no sentence ends in.
        let label = name_before(text, &SAID)?;
        let quotes = label.matches(['"', '“', '”']).count();
        let trimmed = label.trim_matches(|c: char| !c.is_alphanumeric());
        // A full stop inside a word ("dirtandlace.com", "J.R.") ends no
        // sentence.
        let inside_word = |at: usize| trimmed[at + 1..].starts_with(char::is_alphanumeric);
        let plain: String = trimmed
            .char_indices()
            .filter(|&(at, c)| {
                !(matches!(c, '"' | '“' | '”') && quotes % 2 == 0 || c == '.' && inside_word(at))
            })
            .map(|(_, c)| c)
            .collect();
        (!plain.is_empty() && is_display_name(&plain)).then_some(Label {
            author: Some(label),
            position: None,
            date: None,
        })
    })
}

/// Words a number follows that are not names ("Page 2", "Part 3").
pub(super) const COUNTED: &[&str] = &[
    "page", "part", "chapter", "number", "no", "vol", "issue", "step", "section", "level",
    "season", "episode", "round", "day", "week", "year",
];

/// Months, weekdays and words a number counts: "May 2019" is a date and
/// "Page 2" a page, not a commenter.
fn is_calendar_word(name: &str) -> bool {
    // One lookup where asking whether the word is a month, a weekday or a
    // counted word took three: every label with a position is asked.
    static CALENDAR_WORDS: LazyLock<WordSet> =
        LazyLock::new(|| WordSet::new(MONTHS.iter().chain(WEEKDAYS).chain(COUNTED)));
    let last = name
        .rsplit(' ')
        .next()
        .unwrap_or(name)
        .trim_end_matches('.');
    CALENDAR_WORDS.contains(last)
}

/// "Subject: Re: fares", "Subject: (no subject)": the subject a journal
/// prints under a comment's stamp. It heads no post there, whatever its
/// shape.
pub fn is_comment_subject(text: &str) -> bool {
    text.len() <= 160
        && text
            .get(..SUBJECT.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(SUBJECT))
}

/// The field a journal prints a comment's subject under.
const SUBJECT: &str = "subject:";

/// The subject a journal prints for a comment whose writer gave none:
/// no text of the comment's.
pub fn is_blank_subject(text: &str) -> bool {
    is_comment_subject(text) && text[SUBJECT.len()..].trim() == "(no subject)"
}

/// Lines a thread prints around each comment that are never its text:
/// "Reply", "Log in to Reply", "Like", "Report", "Permalink".
///
/// Accepts "Reply ↓", "Liked by 2 people"; rejects "Reply to the minister's
/// letter was swift." (a sentence).
pub fn is_comment_furniture(text: &str) -> bool {
    static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:reply|log\s*in\s+to\s+reply|login\s+to\s+reply|reply\s*[↓↑→]|like|likes?\s*\([0-9]+\)|[0-9]+\s+likes?|(?:like)?liked\s+by\s+.+|user['’]s\s+avatar|report|report\s+(?:comment|abuse)|permalink|link|edit|quote|share|flag|hide\s+replies|show\s+replies|expand\s+full\s+comment|collapse|expand|in\s+reply\s+to\s+.+|↑|loading\.\.\.|\[reply\]|\(reply\)|reply\s*\|\s*quote|reply\s*\|\s*report|replydelete|delete)$")
            .expect("the comment-furniture pattern is valid")
    });
    text.len() <= 60 && FURNITURE.is_match(text)
}

#[cfg(test)]
mod tests {
    use aho_corasick::AhoCorasick;

    use super::*;

    fn named<'a>(
        author: &'a str,
        position: Option<&'a str>,
        date: Option<&'a str>,
    ) -> Option<Label<'a>> {
        Some(Label {
            author: Some(author),
            position,
            date,
        })
    }

    #[test]
    fn a_subject_line_is_a_comments_and_a_blank_one_says_nothing() {
        assert!(is_comment_subject("Subject: Re: fares"));
        assert!(is_comment_subject("SUBJECT: tea"));
        assert!(!is_comment_subject("Subjects we covered: fares, tea"));
        assert!(is_blank_subject("Subject: (no subject)"));
        assert!(!is_blank_subject("Subject: Re: fares"));
    }

    #[test]
    fn a_hyphen_outranks_the_dashes_wherever_it_stands() {
        assert_eq!(
            split_at_spaced_dash("Jo – Lee - May 4, 2019"),
            Some(("Jo – Lee", "May 4, 2019"))
        );
        assert_eq!(
            split_at_spaced_dash("Jo — Lee – May 4"),
            Some(("Jo — Lee", "May 4"))
        );
        assert_eq!(split_at_spaced_dash("Jo — May 4"), Some(("Jo", "May 4")));
        // A dash needs a space either side.
        assert_eq!(split_at_spaced_dash("Jo -May 4 -"), None);
        assert_eq!(split_at_spaced_dash("Jo-Lee - "), Some(("Jo-Lee", "")));
    }

    #[test]
    fn a_label_after_its_time_takes_any_display_name() {
        assert_eq!(
            label("At 9:05 pm , Anonymous quiet reader said..."),
            named("Anonymous quiet reader", None, Some("9:05 pm"))
        );
        // Without the time, a lower-case display name is no label on its own.
        assert_eq!(label("quiet reader said..."), None);
        // A sentence is no name, after a time or not.
        assert_eq!(label("At 9:05 pm, the minister, flatly, said..."), None);
    }

    #[test]
    fn a_stamp_in_utc_is_a_label_with_its_time() {
        assert_eq!(
            label("fern_owl on May 12th, 2010 10:04 pm (UTC)"),
            named("fern_owl", None, Some("May 12th, 2010 10:04 pm"))
        );
        assert_eq!(
            label("2010-05-12 10:31 pm (UTC)"),
            Some(Label {
                author: None,
                position: None,
                date: Some("2010-05-12 10:31 pm"),
            })
        );
        // A bracket that closes no stamp.
        assert_eq!(label("The levy (again)"), None);
        assert_eq!(label("Talks resume at 5 pm (UTC)"), None);
    }

    #[test]
    fn said_labels_take_any_display_name() {
        assert_eq!(
            said_label("quiet reader said..."),
            named("quiet reader", None, None)
        );
        assert_eq!(said_label("The minister said:"), None);
        assert_eq!(said_label("Then he said... nothing"), None);
        assert_eq!(said_label("Then, quietly, the minister said..."), None);
        // Where the commenter writes from, after a comma.
        assert_eq!(
            said_label("St Anne, Reading said..."),
            named("St Anne, Reading", None, None)
        );
        assert_eq!(said_label("Jo Lee, then Al said..."), None);
        // A name dressed up by its owner, kept as printed.
        assert_eq!(
            said_label(".:| Mel |:. said..."),
            named(".:| Mel |:.", None, None)
        );
        assert_eq!(
            said_label("The New \"Normal\" said..."),
            named("The New \"Normal\"", None, None)
        );
        assert_eq!(said_label("\"Then, he\" said..."), None);
        assert_eq!(
            said_label("Stephanie @ dirtandlace.com said..."),
            named("Stephanie @ dirtandlace.com", None, None)
        );
        assert_eq!(said_label("It ended. Then he said..."), None);
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
            label("Walker On Tour said..."),
            named("Walker On Tour", None, None)
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
                date: Some("October 5th, 2007, 8:17am")
            })
        );
        assert_eq!(label("He said: no way"), None);
        assert_eq!(label("Says: no way"), None);
        assert_eq!(label("The minister said the deal was dead"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn speech_verbs_are_found_as_by_a_search_for_the_three_words(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Rangi", " ", "says", "SAID", "Wrote", "say", "s", "ays", "wr", "ote", "ſ",
                    ":", "…", "sa", "id", "é",
                ]),
                0..8,
            ),
        ) {
            let text: String = pieces.concat();
            let searcher = AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(["says", "said", "wrote"])
                .expect("three words always build");
            proptest::prop_assert_eq!(has_speech_verb(&text), searcher.is_match(&text), "{:?}", text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The lines [`label`] turns away before the pattern are lines the
        /// pattern's reading turns away.
        #[test]
        fn lines_turned_away_before_the_pattern_are_no_labels(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Jo Lee", "jroe", "Anonymous", "The minister", "At 9:05 pm , ", "At noon, ",
                    "Blogger ", " on 4 May 2010 ", " on Monday ", " says", " said", " wrote",
                    "says", "SAID", "WrOtE", "ſays", "ſaid", ":", "...", "…", "..", " ", "  ",
                    "\n", "\t", "\u{a0}", " the deal was dead.", "October 5th, 2007, 8.15am",
                    " 8:00 AM", "12", ",", "é", "(Leeds)",
                ]),
                0..9,
            ),
        ) {
            let text: String = pieces.concat();
            if says_label(&text).is_some() {
                proptest::prop_assert!(
                    has_ascii_digit(&text) || ends_with_speech_verb(&text),
                    "{:?}", text
                );
            }
        }
    }

    #[test]
    fn a_speech_verb_ends_a_line_with_nothing_after_it_but_its_punctuation() {
        for ending in [
            "Rangi SAYS: ",
            "Jo said...",
            "Jo said…",
            "jroe wrote",
            "Jo ſaid:",
        ] {
            assert!(ends_with_speech_verb(ending), "{ending}");
        }
        for not_ending in ["Rangi says: no", "Rangi said ..", "Jo said :", "Jo sai"] {
            assert!(!ends_with_speech_verb(not_ending), "{not_ending}");
        }
    }

    /// [`stamped_label`] as it tried each name in turn, asking each for
    /// all of its words.
    fn stamped_label_name_by_name(text: &str) -> Option<Label<'_>> {
        if text.len() > 100 || !ends_with_time(text) {
            return None;
        }
        text.match_indices(' ').take(4).find_map(|(at, _)| {
            let (name, date) = (&text[..at], &text[at + 1..]);
            let name = name.strip_suffix(',').unwrap_or(name);
            let named = looks_like_name(name)
                && !is_calendar_word(name)
                && !name
                    .split(' ')
                    .any(|word| is_month(word) || is_weekday(word))
                && !furniture::is_date(text);
            (named && furniture::is_date(date)).then_some(Label {
                author: (!is_stamp_lead_in(name)).then_some(name),
                position: None,
                date: Some(date),
            })
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn stamped_labels_are_found_as_when_each_name_was_asked_for_all_its_words(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Jo", "Lee", "de", "pat_b", "May", "Sunday,", "Mon", "3", "7 December,",
                    "2008,", "2019", "10:21", "am", "18:04", "12/05/2019", "Page", "the", "Updated",
                    "Jo Lee", "June 10, 2022 at", "é", "", "On",
                ]),
                0..9,
            ),
            spaces in proptest::collection::vec(proptest::sample::select(vec![" ", "  ", ", "]), 9),
        ) {
            let text: String = pieces
                .iter()
                .zip(&spaces)
                .flat_map(|(piece, space)| [*piece, *space])
                .collect::<String>()
                .trim_end()
                .to_string();
            proptest::prop_assert_eq!(stamped_label(&text), stamped_label_name_by_name(&text), "{:?}", text);
        }

        #[test]
        fn calendar_words_are_found_as_by_asking_each_list(
            name in "(Jo |[A-Za-z]{0,3} )?(may|MAY|Page|page|sun|Sunday|Vol|vol\\.|year|[A-Za-z]{1,9})\\.?",
        ) {
            let counted = WordSet::new(COUNTED);
            let last = name.rsplit(' ').next().unwrap_or(&name).trim_end_matches('.');
            proptest::prop_assert_eq!(
                is_calendar_word(&name),
                is_month(last) || is_weekday(last) || counted.contains(last),
                "{:?}", name
            );
        }
    }

    /// [`looks_like_name`] as it read a line: its words collected first.
    fn looks_like_name_collected(text: &str) -> bool {
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn names_are_read_as_when_their_words_were_collected(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Jo", "jo", "Lee", "de", "van", "É", "é", "x", "_", "-", ".", ",", "’", "2",
                    " ", "  ", "\t", "\u{a0}", "Anonymous", "abcdefghijklmnopqrstu",
                ]),
                0..12,
            ),
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(looks_like_name(&text), looks_like_name_collected(&text), "{:?}", text);
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

    #[test]
    fn disqus_labels_give_a_name_and_an_age() {
        assert_eq!(
            label("Lizard_of_Oz • 7 years ago"),
            named("Lizard_of_Oz", None, Some("7 years ago"))
        );
        assert_eq!(
            label("Jane Roe • an hour ago"),
            named("Jane Roe", None, Some("an hour ago"))
        );
        assert_eq!(
            label("Lake Country guy • 7 years ago"),
            named("Lake Country guy", None, Some("7 years ago"))
        );
        assert_eq!(label("Six years ago"), None);
        assert_eq!(label("The vote was two weeks ago"), None);
    }

    #[test]
    fn substack_avatars_name_the_commenter_but_the_readers_own_is_furniture() {
        assert_eq!(label("Jane Roe's avatar"), named("Jane Roe", None, None));
        assert_eq!(label("jroe’s avatar"), named("jroe", None, None));
        assert!(is_comment_furniture("User's avatar"));
        assert_eq!(label("User's avatar"), None);
        assert_eq!(label("The minister's avatar of reform is a car"), None);
    }

    #[test]
    fn a_name_before_the_lost_link_of_its_date_is_a_label() {
        assert_eq!(label("K. Marsh on"), named("K. Marsh", None, None));
        assert_eq!(label("Joe on"), named("Joe", None, None));
        assert_eq!(label("M. Page on"), named("M. Page", None, None));
        assert_eq!(label("Carry on"), None);
        assert_eq!(label("Every Monday on"), None);
        for phrase in [
            "Spot on",
            "spot on",
            "Hang on",
            "Hands On",
            "Moving on",
            "It's on",
        ] {
            assert_eq!(label(phrase), None, "{phrase}");
        }
        assert_eq!(label("The vote went on"), None);
    }

    #[test]
    fn a_name_over_its_comments_permalink_is_a_label() {
        assert_eq!(label("Bob permalink"), named("Bob", None, None));
        assert_eq!(
            label("tern_watcher Permalink"),
            named("tern_watcher", None, None)
        );
        assert_eq!(label("permalink"), None);
        assert_eq!(label("Copy permalink"), None);
        assert_eq!(label("Static Permalink"), None);
        // A label with its time ends in the permalink's word too.
        assert!(label("Jo says: May 4, 2010 at 9:42 pm | Permalink").is_some());
        assert_eq!(label("Read the full text at the permalink"), None);
        assert_eq!(label("March permalink"), None);
    }

    #[test]
    fn a_subject_name_and_score_is_a_label_naming_the_commenter() {
        let author = |text| label(text).and_then(|l| l.author);
        assert_eq!(author("Re:Tolls by jo_b · · Score: 3, Funny"), Some("jo_b"));
        assert_eq!(
            author("Tolls (Score:2) by Jo Lee on Monday May 04, 2009 @10:12AM"),
            Some("Jo Lee")
        );
        assert_eq!(
            author("Paid by the hour by Jo Lee · Score: -1"),
            Some("Jo Lee")
        );
        // A name ending in any letter: tested before the shapes keyed on it.
        assert_eq!(author("Tolls (Score:2) by Peter"), Some("Peter"));
        assert_eq!(author("Re:Tolls by Margo · · Score: 1"), Some("Margo"));
        assert_eq!(
            author("It's up! by Tui+of+Otaki · · Score: 4"),
            Some("Tui+of+Otaki")
        );
        assert_eq!(label("Tolls by Jo Lee"), None);
        assert_eq!(label("Score: 3 by the end of the night"), None);
        // A score with no forum's shape around it: a match report, a review.
        assert_eq!(label("Score: 112/3 by lunch"), None);
        assert_eq!(label("Score: 7/10 | Reviewed by Sam"), None);
    }

    #[test]
    fn a_name_run_into_its_time_is_a_label() {
        assert_eq!(
            label("Anonymous6:41 AM"),
            named("Anonymous", None, Some("6:41 AM"))
        );
        assert_eq!(
            label("Pell Arden12:36 pm"),
            named("Pell Arden", None, Some("12:36 pm"))
        );
        // Spaced, a name and a time are a line a post may print.
        assert_eq!(label("Anonymous 6:41 AM"), None);
        assert_eq!(label("Flight BA2:15 PM"), None);
        assert_eq!(label("Anonymous112:36 PM"), None);
        assert_eq!(label("Doors open6:30"), None);
        assert_eq!(label("The vote on the pier was held at6:41 PM"), None);
    }

    #[test]
    fn in_a_thread_blogger_names_may_be_any_words() {
        assert_eq!(label("A quiet observer said..."), None);
        assert_eq!(
            thread_label("A quiet observer said..."),
            named("A quiet observer", None, None)
        );
        assert_eq!(
            thread_label("Walker On Tour said..."),
            named("Walker On Tour", None, None)
        );
        assert_eq!(thread_label("The minister said: no"), None);
        assert_eq!(thread_label("Then he said... nothing"), None);
        assert_eq!(thread_label("Well, he said..."), None);
    }

    #[test]
    fn a_name_and_a_time_on_one_line_is_a_stamped_label() {
        assert_eq!(
            stamped_label("Jo Lee 3 May 2019, 10:21 am"),
            named("Jo Lee", None, Some("3 May 2019, 10:21 am"))
        );
        assert_eq!(
            stamped_label("pat_b Sunday, 7 December, 2008, 10:30 am"),
            named("pat_b", None, Some("Sunday, 7 December, 2008, 10:30 am"))
        );
        assert_eq!(
            stamped_label("Al de Roe 12/05/2019 18:04"),
            named("Al de Roe", None, Some("12/05/2019 18:04"))
        );
        assert_eq!(
            stamped_label("DJ Tue, Feb 16, 2010 at 9:11 pm #"),
            named("DJ", None, Some("Tue, Feb 16, 2010 at 9:11 pm"))
        );
        for not_a_label in [
            // No time: a name and a date can head a post.
            "Jo Lee 3 May 2019",
            // The date's own words, or the date alone.
            "Updated 3 May 2019, 10:21 am",
            "Sunday, 7 December, 2008, 10:30 am",
            "May 3 May 2019, 10:21 am",
            // Words that are no name.
            "The vote 3 May 2019, 10:21 am",
            "Jo Lee wrote on 3 May 2019, 10:21 am",
            "Polls close at 10:21",
        ] {
            assert_eq!(stamped_label(not_a_label), None, "{not_a_label}");
        }
    }

    #[test]
    fn a_stamp_led_in_by_on_or_at_is_a_stamped_label_with_no_name() {
        assert_eq!(
            stamped_label("On March 3, 2011 at 9:12 am"),
            Some(Label {
                author: None,
                position: None,
                date: Some("March 3, 2011 at 9:12 am"),
            })
        );
        assert_eq!(
            stamped_label("Onno March 3, 2011 at 9:12 am"),
            named("Onno", None, Some("March 3, 2011 at 9:12 am"))
        );
    }

    #[test]
    fn a_stamp_in_utc_under_one_label_word_is_a_stamped_label_with_no_name() {
        let unnamed = |date| {
            Some(Label {
                author: None,
                position: None,
                date: Some(date),
            })
        };
        assert_eq!(
            stamped_label("Date:October 8th, 2009 03:45 am (UTC)"),
            unnamed("October 8th, 2009 03:45 am")
        );
        assert_eq!(
            stamped_label("Datum: 2009-10-08 11:00 am (UTC)"),
            unnamed("2009-10-08 11:00 am")
        );
        for not_a_label in [
            "Posted by Jo: October 8th, 2009 03:45 am (UTC)",
            "Date: the next meeting (UTC)",
            "Date: fern_owl on October 8th, 2009 03:45 am (UTC)",
            ": October 8th, 2009 03:45 am (UTC)",
        ] {
            assert_eq!(stamped_label(not_a_label), None, "{not_a_label}");
        }
    }

    #[test]
    fn what_a_platform_says_of_a_commenter_in_brackets_is_no_part_of_the_name() {
        assert_eq!(label("rem (not verified) says:"), named("rem", None, None));
        assert_eq!(label("Jo Lee (Leeds) says:"), named("Jo Lee", None, None));
        // The name before the brackets must still be a name.
        assert_eq!(label("The minister (right) says:"), None);
    }
}
