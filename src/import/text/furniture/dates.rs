//! Dates as blog pages print them around a post or a comment: alone on a
//! line ("17 November 2017", "Posted on March 4th, 2018 - 3 comments"),
//! opening a line that says where the post is filed, or anywhere in a line.

use std::sync::LazyLock;

use regex::Regex;

use super::super::wordset::WordSet;
use super::bylines::looks_like_name;
use super::headers::{COMMENTS, COUNT, count_of};
use super::tags::tags;
use super::{Byline, Furniture, Span};

pub(super) const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
pub(super) const WEEKDAY: &str = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?(?:,?\s+|\s*(?:::|[|·•–—-])\s*))?";
pub(super) const TIME: &str = r"(?:[0-9]{1,2}[:.][0-9]{2}\s*(?:[ap]\.?m\.?)?,?\s*)?";

/// The date itself, in the common blog forms, with an optional time before
/// or after it. One form runs month, day and year together ("Jun072012"):
/// a theme prints them in a badge of three stacked boxes, which a scrape
/// reads as one word.
pub(super) fn date_core() -> String {
    let day = r"[0-9]{1,2}(?:st|nd|rd|th)?";
    format!(
        r"{TIME}{WEEKDAY}(?:{day}\s+{MONTH}(?:,?\s+[0-9]{{4}}|,[0-9]{{4}}\b)|{MONTH}\s+{day}(?:,?\s+[0-9]{{4}}|,[0-9]{{4}}\b)|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|[0-9]{{1,2}}[/.][0-9]{{1,2}}[/.][0-9]{{2,4}}|[0-9]{{1,2}}-[0-9]{{1,2}}-[0-9]{{4}}|{MONTH}[0-9]{{2}}[0-9]{{4}})(?:(?:,?\s+|\s*[·•|/]\s*)(?:at\s+|@\s*)?[0-9]{{1,2}}[:.][0-9]{{2}}\s*(?:[ap]\.?m\.?)?)?"
    )
}

/// A date alone on its line, with an optional comment count after it.
/// Alone on its line a date may leave out its year, as themes that print
/// the month and day over each title do ("Nov 23", "Monday, March 4th",
/// "16 Apr");
/// inside a line a month and a day are no date ("on May 4 we met").
pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let core = date_core();
    let yearless = format!(
        r"{WEEKDAY}(?:{MONTH}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{MONTH})"
    );
    Regex::new(&format!(
        r"(?i)^(?:(?:originally\s+)?(?:posted|published|updated)(?:\s+on)?:?\s+|by:?\s+(?:on\s+)?)?(?P<date>{core}|{yearless})(?:\s+by:?)?{COMMENTS}$"
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
pub(super) fn date_span(line: &str) -> Option<Span> {
    /// What [`DATE`] allows before the date.
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:(?:originally\s+)?(?:posted|published|updated)(?:\s+on)?:?\s+|by:?\s+(?:on\s+)?)",
        )
        .expect("the date-prefix pattern is valid")
    });
    /// What [`DATE`] allows after the date.
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        let count = COMMENTS.strip_suffix(")?").expect("the count is optional");
        Regex::new(&format!("{count})$")).expect("the comment-count pattern is valid")
    });
    if !DATE.is_match(line) || is_deadline(line) {
        return None;
    }
    // Most dates open with a letter the prefix cannot open with, and are
    // spared its search.
    let start = if line.starts_with(PREFIX_OPENINGS) {
        BEFORE.find(line).map_or(0, |m| m.end())
    } else {
        0
    };
    // A comment count follows a dash, a bar or a dot, or a space where
    // the line ends in the count's word.
    let counted =
        line[start..].contains(['-', '–', '—', '|', '·', '•']) || ends_in_count_word(line);
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

/// Whether a line ends in the word of a comment count ("0 comments",
/// "12 Responses »"), in any case.
fn ends_in_count_word(line: &str) -> bool {
    let last = line
        .trim_end_matches(['»', ' '])
        .rsplit(' ')
        .next()
        .unwrap_or("");
    ["comment", "comments", "response", "responses", "replies"]
        .iter()
        .any(|word| last.eq_ignore_ascii_case(word))
}

/// Where the date is in a line of short fields parted by bars whose last
/// is a whole date: a news site's line over each title, the section, a
/// byline it left empty, the date.
///
/// Accepts "Opinion | | October 13, 2013, 5:00 pm"; rejects "The vote |
/// held on October 13, 2013" (no whole date after the bar), "The vote
/// was lost, as ever. | October 13, 2013" (a sentence before it) and
/// "Posted by: Jo | May 4, 2010" and "Posted by jo | May 4, 2010"
/// (bylines).
pub(super) fn date_after_fields(line: &str) -> Option<Span> {
    let (fields, last) = line.rsplit_once('|')?;
    // A field with a label or "by" ("Posted by: Jo", "Posted by jo") makes
    // the line a byline.
    let short = |field: &str| {
        field.split_whitespace().count() <= 3
            && !field.contains(':')
            && !field
                .split_whitespace()
                .any(|word| word.eq_ignore_ascii_case("by"))
            && !field.trim_end().ends_with(['.', '!', '?'])
    };
    (fields.split('|').all(short) && is_date(last.trim()))
        .then(|| Span::trimmed(line, fields.len() + 1..line.len()))
}

/// The letters what [`DATE`] allows before a date opens with ("Posted
/// on", "Updated:", "Originally published", and "By on" or "By", a
/// byline whose name the page left out), in either case: Unicode's
/// case folding gives them no other forms.
pub(super) const PREFIX_OPENINGS: [char; 8] = ['b', 'B', 'o', 'O', 'p', 'P', 'u', 'U'];

/// A date anywhere in a line.
pub(super) static DATE_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?P<date>{})", date_core())).expect("the date pattern is valid")
});

/// A line that opens with a date and says nothing but where the post is
/// filed and how many comments it has: "Friday, 30 November 2007 State of
/// the parties Comments Off", "[ 4 ] December 31, 2012 |".
///
/// Accepts those and "March 15, 2017, No Comments"; rejects "17 November
/// 2017 the talks failed" (words that end in no comment count).
pub(super) fn dateline(line: &str) -> Option<Furniture> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:\[\s*(?P<count>[0-9][0-9,]*)\s*\]\s*)?(?P<date>{})\s*[,|·•–—-]?\s*(?P<rest>.*?)\s*[|·•]?$",
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
    let filed = (rest.split_whitespace().count() <= 10)
        .then(|| FILED_AND_COUNTED.captures(rest))
        .flatten();
    let mut tagged = Vec::new();
    let counted = if rest.is_empty() {
        None
    } else if let Some(filed) = filed {
        filed.name("count").and_then(|c| count_of(c.as_str()))
    } else if let Some(Furniture::Tags(filed)) = rest
        .split('|')
        .next()
        .is_some_and(|label| label.contains(':'))
        .then(|| tags(rest))
        .flatten()
    {
        // "August 1st, 2012|Tags: harbour, ferries|": the date and the
        // tag line a theme prints as one line of fields. Its label's colon
        // tells it from a sentence ("… tags were the least of it").
        tagged = filed.tags;
        filed.comments
    } else {
        return None;
    };
    let bracketed = caps
        .name("count")
        .and_then(|c| c.as_str().replace(',', "").parse().ok());
    Some(Furniture::Byline(Box::new(Byline {
        author: None,
        date: Some(caps["date"].trim().to_string()),
        comments: bracketed.or(counted),
        tags: tagged,
    })))
}

/// A date alone on its line in the words of another language, as a
/// platform prints the day's heading over a blog written in it: "mercredi
/// 30 décembre 2009", "Mittwoch, 30. Dezember 2009", "miércoles, 30 de
/// diciembre de 2009", "quarta-feira, 30 de dezembro de 2009", "woensdag 30
/// december 2009". The day comes before the month in all of them, and the
/// weekday, in the same language, before the day.
///
/// Accepts those and "30 dicembre 2009"; rejects "30 Mars 2009 launch"
/// (words after the year), "Remembering 11 September 2001" (no weekday
/// before the day) and "Chapter nine: 30 mars 2009".
pub(super) fn localized_date(line: &str) -> Option<Span> {
    static LOCALIZED: LazyLock<Regex> = LazyLock::new(|| {
        let month = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|\
            januar|jänner|februar|märz|april|juni|juli|august|oktober|dezember|\
            enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|\
            janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|\
            gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|\
            januari|februari|maart|mei|augustus|september|november|december";
        let weekday = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\
            montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|\
            lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|\
            segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira|\
            lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica|\
            maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag";
        Regex::new(&format!(
            r"(?i)^(?:(?:{weekday}),?\s+)?[0-9]{{1,2}}(?:er|\.|º)?\s+(?:de\s+)?(?:{month})\.?,?\s+(?:de\s+)?[0-9]{{4}}$"
        ))
        .expect("the localized-date pattern is valid")
    });
    // Asked of every short line that is no English furniture: a year ends
    // all of them, and few other lines.
    let bytes = line.as_bytes();
    if line.len() > 60
        || bytes.len() < 8
        || !bytes[bytes.len() - 4..].iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    LOCALIZED
        .is_match(line)
        .then(|| Span::trimmed(line, 0..line.len()))
}

/// Where the machine's stamp ends that opens `line`: the ISO 8601 time a
/// page keeps for feeds and search engines ("2019-03-18T18:47:42-05:00"),
/// which a scrape runs into the date it prints for people.
///
/// Accepts "2019-03-18T18:47:42-05:00August 1st, 2012" (gives the stamp's
/// 25 bytes), "2019-03-18T18:47Z"; rejects "2019-03-18 at noon" (no time
/// after a "T") and "20190318T1847".
pub(super) fn machine_stamp_end(line: &str) -> Option<usize> {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?",
        )
        .expect("the machine-stamp pattern is valid")
    });
    let bytes = line.as_bytes();
    // Asked of every short line: most fail on two bytes.
    if bytes.get(4) != Some(&b'-') || bytes.get(10) != Some(&b'T') {
        return None;
    }
    STAMP.find(line).map(|stamp| stamp.end())
}

/// Month names and their abbreviations, in lower case.
pub const MONTHS: &[&str] = &[
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
pub const WEEKDAYS: &[&str] = &[
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

/// The date a line gives anywhere in it ("Jane · 3 May 2019 · 4 replies").
pub fn date_in(line: &str) -> Option<String> {
    DATE_INSIDE
        .captures(line)
        .map(|caps| caps["date"].trim().trim_end_matches(',').to_string())
}

/// Whether the whole line is a date ("June 10, 2022 at 6:42 am").
pub fn is_date(line: &str) -> bool {
    DATE.is_match(line) && !is_deadline(line)
}

/// "By June 30": a deadline, where a byline that lost its name ("By Oct
/// 03,2008") gives the date's year. Any date with a year has three digits
/// or more; "By on" is a byline whatever its date.
fn is_deadline(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.len() > 3
        && bytes[..2].eq_ignore_ascii_case(b"by")
        && matches!(bytes[2], b' ' | b':')
        && !line[3..]
            .trim_start()
            .get(..3)
            .is_some_and(|on| on.eq_ignore_ascii_case("on "))
        && line.bytes().filter(u8::is_ascii_digit).count() <= 2
}

/// A comment's stamp as LiveJournal and Dreamwidth print it: the date and
/// time with the zone they are given in, "(UTC)", alone on the line or
/// after the commenter's name and "on". Such pages print a post's own
/// dateline with no zone, so the zone marks a comment wherever it stands.
/// The name, where the line gives one, and the date.
///
/// Accepts "2009-03-04 05:12 pm (UTC)" and "fern_owl on March 4th, 2009
/// 06:09 am (UTC)"; rejects "March 4th, 2009 06:09 am" (no zone: a post's
/// dateline) and "The vote held on March 4th, 2009 (UTC)" (no name).
pub fn utc_stamp(line: &str) -> Option<(Option<&str>, &str)> {
    let stamp = line.strip_suffix("(UTC)")?.trim_end();
    if stamp.len() > 100 {
        return None;
    }
    if is_date(stamp) {
        return Some((None, stamp));
    }
    // "on" between white spaces of any kind: a raw line may hold
    // non-breaking ones.
    let on = stamp.match_indices("on").find(|&(at, _)| {
        stamp[..at].ends_with(char::is_whitespace)
            && stamp[at + 2..].starts_with(char::is_whitespace)
    })?;
    let (name, date) = (stamp[..on.0].trim(), stamp[on.0 + 2..].trim());
    (looks_like_name(name) && is_date(date)).then_some((Some(name), date))
}

/// "Date:October 8th, 2009 03:45 am (UTC)": a stamp in UTC with no name,
/// under one label word, as a journal prints a comment's header when the
/// line that named its writer was lost. The date.
///
/// Accepts that and "Datum: 2009-10-08 11:00 am (UTC)"; rejects "Posted by
/// Jo: October 8th, 2009 03:45 am (UTC)" (more than a word before the
/// colon), "Date: fern_owl on March 4th, 2009 06:09 am (UTC)" (a name) and
/// "Date: the next meeting (UTC)".
pub fn labelled_utc_stamp(line: &str) -> Option<&str> {
    let (word, stamp) = line.split_once(':')?;
    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    match utc_stamp(stamp.trim_start())? {
        (None, date) => Some(date),
        (Some(_), _) => None,
    }
}

/// A time of day alone on its line, as some journals print under an
/// entry's date ("March 4th, 2009" / "05:12 pm"): the rest of that
/// dateline. An hour of one or two digits, a colon, two digits, perhaps
/// "am" or "pm", perhaps the time zone's letters ("10:18 AM ET").
///
/// Accepts "05:12 pm", "23:40", "9:15 A.M.", "10:18 AM ET"; rejects "5 pm",
/// "12:30 and counting" and "10:18 AM et al".
pub fn is_time_of_day(line: &str) -> bool {
    let line = line.trim();
    // The longest ("12:45 p.m. NZST") is 15 bytes: a paragraph of prose
    // under a date is not searched for a colon.
    if line.len() > 24 {
        return false;
    }
    // A zone is two to five capitals: "ET", "GMT", "NZST".
    let line = line
        .rsplit_once(' ')
        .filter(|(_, zone)| {
            (2..=5).contains(&zone.len()) && zone.bytes().all(|b| b.is_ascii_uppercase())
        })
        .map_or(line, |(time, _)| time.trim_end());
    let Some((hour, rest)) = line.split_once(':') else {
        return false;
    };
    let (Some(minutes), Some(half)) = (rest.get(..2), rest.get(2..)) else {
        return false;
    };
    let half = half.trim_start().to_ascii_lowercase();
    (1..=2).contains(&hour.len())
        && hour.bytes().all(|b| b.is_ascii_digit())
        && minutes.len() == 2
        && minutes.bytes().all(|b| b.is_ascii_digit())
        && matches!(half.as_str(), "" | "am" | "pm" | "a.m." | "p.m.")
}
