//! Bylines: who wrote a post and when ("By Jane Doe", "November 26th, 2014
//! at 4:22 pm by Jane Smith", "Written By: … - Date published: …"), the
//! author boxes and opening bylines some pages print instead, and what a
//! name looks like.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::date_core;
use super::headers::COMMENTS;

/// A name as bylines print it: letters, dots, apostrophes, hyphens, spaces.
pub(super) const NAME: &str = r"[\p{L}\p{N}][\p{L}\p{M}\p{N}._'’ -]*?";

/// "November 26th, 2014 at 4:22 pm by Jane Smith", "Posted on 3 May 2019
/// by Jane", "Posted by Jane on April 30, 2009"; the categories the post
/// is filed in may follow the name ("… by Jane in Transport, Local"). A
/// footer under a day's heading gives the time alone: "Posted at 5:24 PM
/// by Jane".
pub(super) static DATE_AND_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    let core = date_core();
    Regex::new(&format!(
        r"(?i)^(?:(?:posted|published)(?:\s+on)?:?\s+)?(?P<date>{core})\s*(?:,|[-–—|·•])?\s*by:?\s+(?P<author>{NAME})(?:\s+in\s+[^.!?:;]{{1,120}}?)?{COMMENTS}$|^(?:posted|written|published)\s+by:?\s+(?P<author2>{NAME})\s+on\s+(?P<date2>{core}){COMMENTS}$|^(?:posted|published)\s+at\s+[0-9]{{1,2}}[:.][0-9]{{2}}\s*(?:[ap]\.?m\.?)?\s+by:?\s+(?P<author3>{NAME}){COMMENTS}$"
    ))
    .expect("the date-and-byline pattern is valid")
});

/// "By Jane Doe", "Posted by jdoe", "By Jane Doe - 17 November 2017".
pub(super) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:written|posted|posted\s+by|words|journal|entry|story|article|column)\s+)?by:?\s+(?P<author>[\p{L}][\p{L}\p{M}\p{N}_.'’ -]*?)(?:(?:\s*[–—|,·•]|\s+-|\s+(?:on|at|in))\s*(?:date\s+published:?\s*)?(?P<rest>.*))?$|^(?i:author):\s*(?P<author2>[\p{L}][\p{L}\p{M}.'’ -]*)$",
    )
    .expect("the byline pattern is valid")
});

/// "Written By: Jane - Date published: 9:15 am, March 4th, 2018 - 12
/// comments"; the name may be missing.
pub(super) static WRITTEN_BY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^written\s+by:?\s*(?P<author>.*?)\s*(?:[-–—|]\s*)?date\s+published:?\s+(?P<date>.+)$",
    )
    .expect("the written-by pattern is valid")
});

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

/// One to four words, each starting with a capital ("Jane Doe") or a handle
/// of one word ("jdoe").
///
/// The words are read as they are split, with nothing collected: the thread
/// walk asks this of most short lines of an archive.
pub fn looks_like_name(text: &str) -> bool {
    if text.len() > 40 && text.chars().count() > 40 {
        return false;
    }
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let Some(second) = words.next() else {
        return first
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '\'' | '’'));
    };
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w, "de" | "van" | "von" | "da" | "del" | "le" | "la")
    };
    let mut count = 2;
    let mut all_capitalised = capitalised(first) && capitalised(second);
    for word in words {
        count += 1;
        if count > 4 {
            return false;
        }
        all_capitalised &= capitalised(word);
    }
    all_capitalised
}
