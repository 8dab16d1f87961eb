//! A post's (or a comment's) paragraphs as blocks: each given its kind
//! (commentary, quote, lead-in, citation, list item, contributor) and each
//! quote tied to the source it quotes.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

use super::commentary::sounds_like_commentary;
use super::paragraphs::Paragraph;
use super::quote_credit::{credit_after_dash, credit_line, credited_name};
use super::sources;
use crate::model::{Block, BlockKind, Source};

pub fn first_contributor(blocks: &[Block]) -> Option<String> {
    blocks
        .iter()
        .find(|b| b.kind == BlockKind::Contributor)
        .and_then(|b| contributor_name(&b.text))
        .map(str::to_string)
}

/// The name a post signs off with: its last block a dash, a name and,
/// after a comma, where the writer lives ("— Jo Lee, Seatoun"), as letters
/// to an editor end. A dash and a name alone may credit a saying quoted
/// above it ("— Mark Twain"), and a credit under a quotation is a
/// citation: neither is this.
pub fn signed_by(blocks: &[Block]) -> Option<String> {
    let last = blocks.last().filter(|b| b.kind == BlockKind::Paragraph)?;
    let credit = credit_line(&last.text).filter(|credit| credit.role.is_some())?;
    Some(credit.name.to_string())
}

/// The name in a contributor line: "From Missy:" → "Missy", "Missy:" →
/// "Missy". A lone word is a name only if it is not a common lead-in word
/// ("Previously:", "But:", "Update:") or an adverb ("Meanwhile:").
pub fn contributor_name(line: &str) -> Option<&str> {
    if !line.ends_with(':') || line.len() > 60 {
        return None;
    }
    let (from, name) = contributor_parts(line)?;
    // Lines of ASCII, nearly all of them, are checked by hand, and spare
    // the pattern its building: its Unicode classes are costly to build.
    let shaped = if line.is_ascii() {
        is_ascii_name(name)
    } else {
        CONTRIBUTOR.is_match(line)
    };
    if !shaped {
        return None;
    }
    contributor_named(from, name)
}

/// Whether a name of ASCII is one [`CONTRIBUTOR`] takes: one or two words
/// with one white space character between them, each a capital followed
/// by letters, apostrophes, full stops and hyphens (in ASCII, `\p{Lu}` is
/// `A-Z`, `\p{L}` is `A-Za-z` and `\p{M}` is nothing).
///
/// Accepts "Jo O'Neil-Smith"; rejects "Jo  Smith" and "Jo smith".
fn is_ascii_name(name: &str) -> bool {
    let is_word = |w: &str| {
        let mut bytes = w.bytes();
        bytes.next().is_some_and(|b| b.is_ascii_uppercase())
            && bytes.all(|b| b.is_ascii_alphabetic() || matches!(b, b'\'' | b'.' | b'-'))
    };
    match name.split_once(|c: char| c.is_ascii_whitespace() || c == '\x0b') {
        Some((first, second)) => is_word(first) && is_word(second),
        None => is_word(name),
    }
}

/// A contributor line: perhaps "From", then a name of one or two words
/// that open with a capital, then a colon.
static CONTRIBUTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<from>From\s+)?(?P<name>\p{Lu}[\p{L}\p{M}’'.-]*(?:\s\p{Lu}[\p{L}\p{M}’'.-]*)?):$",
    )
    .expect("the contributor pattern is valid")
});

/// [`CONTRIBUTOR`]'s groups in a line it matches, read without resolving
/// them, which costs the pattern a slower search: whether the line opens
/// with "From", and the name. The name opens with a capital, never white
/// space, so where the line opens with "From" and white space the pattern
/// takes the optional group, as it prefers to, with all of that white
/// space; and whatever name follows "From" and one space also matches
/// on its own.
fn contributor_parts(line: &str) -> Option<(bool, &str)> {
    let body = line.strip_suffix(':')?;
    match body.strip_prefix("From") {
        Some(rest) if rest.starts_with(char::is_whitespace) => Some((true, rest.trim_start())),
        _ => Some((false, body)),
    }
}

/// The name of a contributor line, unless it is an outlet's, or a lead-in
/// word not after "From".
fn contributor_named(from: bool, name: &str) -> Option<&str> {
    let lower = name.to_lowercase();
    let lead_in_word = LEAD_IN_WORDS.contains(&lower.as_str()) || lower.ends_with("ly");
    let outlet = sources::known_outlet(name).is_some();
    (!outlet && (from || !lead_in_word)).then_some(name)
}

/// Words that end in a colon to introduce what follows, not to name anyone.
const LEAD_IN_WORDS: &[&str] = &[
    "previously",
    "update",
    "updates",
    "meanwhile",
    "also",
    "but",
    "and",
    "or",
    "nor",
    "yet",
    "plus",
    "so",
    "note",
    "edit",
    "background",
    "summary",
    "earlier",
    "later",
    "however",
    "first",
    "second",
    "third",
    "finally",
    "then",
    "now",
    "today",
    "yesterday",
    "more",
    "why",
    "what",
    "how",
    "who",
    "when",
    "where",
    "source",
    "sources",
    "quote",
    "excerpt",
    "here",
    "this",
    "that",
    "context",
    "related",
    "see",
    "reminder",
    "recap",
    "conclusion",
    "plus",
    "via",
    "ps",
    "example",
    "examples",
    "question",
    "answer",
    "result",
    "results",
    "verdict",
    "disclosure",
    "correction",
    "addendum",
    "further",
    "again",
    "anyway",
    "instead",
    "similarly",
    "likewise",
    "notes",
    "links",
    "reading",
    "video",
    "audio",
    "transcript",
    "statement",
    "response",
    "reaction",
    "reactions",
    "comment",
    "comments",
];

/// One paragraph of a post's body, with the citation it makes, if any.
pub struct Body {
    pub paragraph: Paragraph,
    pub citation: Option<Source>,
}

/// Gives every body paragraph its kind and ties quotes to their source.
///
/// Quote attribution: after a citation, the paragraphs that follow quote
/// that source until the author's commentary resumes. Commentary resumes at
/// a paragraph that [`sounds_like_commentary`] once at least one paragraph
/// has been quoted (an aside right after the citation, such as "That’s a
/// misleading headline", does not end the quote), at a contributor line, at
/// a parenthesised aside, and at the post's last paragraph unless it opens
/// with a quotation mark. Outside a quoted run, a paragraph that opens with
/// a quotation mark, or a transcript line ("Trump: …"), is a quote of the
/// post's latest source. A quotation credited after a dash (`"…" – Name`)
/// quotes whom it names, as does one with "— Name" on the line under it.
pub fn blocks(body: Vec<Body>) -> (Vec<Block>, Vec<Source>) {
    let mut out: Vec<Block> = Vec::with_capacity(body.len());
    let mut post_sources: Vec<Source> = Vec::new();
    let mut quoting: Option<usize> = None;
    let mut quoted_since_citation = 0;
    let mut latest_source: Option<usize> = None;
    let count = body.len();
    let mut items = body.into_iter().enumerate().peekable();
    while let Some((n, item)) = items.next() {
        let text = &*item.paragraph.text;
        let is_last = n + 1 == count;
        if let Some(citation) = item.citation {
            let index = add_source(&mut post_sources, citation);
            out.push(Block::new(BlockKind::Citation, item.paragraph.text).with_source(index));
            quoting = Some(index);
            latest_source = Some(index);
            quoted_since_citation = 0;
            continue;
        }
        if contributor_name(text).is_some() {
            out.push(Block::new(BlockKind::Contributor, item.paragraph.text));
            quoting = None;
            continue;
        }
        // A quotation credited at its end quotes whom it names, whatever
        // source the paragraphs above it quoted.
        if let Some(name) = credited_name(text).filter(|_| !item.paragraph.is_list_item()) {
            let index = add_source(&mut post_sources, credited_source(name));
            out.push(Block::new(BlockKind::Quote, item.paragraph.text).with_source(index));
            quoting = None;
            continue;
        }
        // "— Name" under a quotation says who said it: the quotation is
        // theirs unless it already quotes a cited source. The source is the
        // name alone, so that the same person credited with and without
        // their role is one source; the role stays in the credit's text.
        // Typed with a hyphen, the credit is a list item of its own.
        let credit = if item.paragraph.is_list_item() {
            let lone = !items
                .peek()
                .is_some_and(|(_, next)| next.paragraph.is_list_item());
            (matches!(item.paragraph.marker(), Some('-' | '–')) && lone)
                .then(|| credit_after_dash(text))
                .flatten()
        } else {
            credit_line(text)
        };
        if let Some(credit) = credit
            && let Some(above) = out.last_mut().filter(|above| {
                matches!(above.kind, BlockKind::Quote | BlockKind::Paragraph)
                    && (above.kind == BlockKind::Quote || above.text.starts_with(['“', '"']))
            })
        {
            let index = match above.source {
                Some(index) => index as usize,
                None => add_source(&mut post_sources, credited_source(credit.name)),
            };
            above.kind = BlockKind::Quote;
            above.source = Some(u32::try_from(index).expect("a source index fits in 32 bits"));
            out.push(Block::new(BlockKind::Citation, item.paragraph.text).with_source(index));
            quoting = None;
            continue;
        }
        // Asked at most once per paragraph, and only when it matters.
        let commentary = std::cell::OnceCell::new();
        let sounds_like_commentary = || *commentary.get_or_init(|| sounds_like_commentary(text));
        let opens_with_quote = text.starts_with(['“', '"']);
        let aside = text.starts_with('(') && text.ends_with(')');
        let speaker = is_transcript_line(text);
        if quoting.is_some()
            && !opens_with_quote
            && !speaker
            && (aside
                || (is_last && !text.starts_with('…'))
                || (quoted_since_citation > 0 && sounds_like_commentary()))
        {
            quoting = None;
        }
        let aside_before_quote = quoting.is_some()
            && quoted_since_citation == 0
            && !opens_with_quote
            && !speaker
            && sounds_like_commentary();
        let source = quoting.or(if opens_with_quote || speaker {
            latest_source
        } else {
            None
        });
        let kind = if item.paragraph.is_list_item() {
            BlockKind::ListItem
        } else if speaker && source.is_some() {
            BlockKind::Quote
        } else if is_lead_in(text) {
            BlockKind::LeadIn
        } else if aside_before_quote {
            BlockKind::Paragraph
        } else if source.is_some() && (quoting.is_some() || opens_with_quote || speaker) {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        };
        if kind == BlockKind::Quote && quoting.is_some() {
            quoted_since_citation += 1;
        }
        let block = Block::new(kind, item.paragraph.text);
        out.push(match source {
            Some(source) if !matches!(kind, BlockKind::Paragraph) => block.with_source(source),
            _ => block,
        });
    }
    merge_url_citations(&mut out, &mut post_sources);
    (out, post_sources)
}

/// The source a credit names, an outlet or a person, kept as its name.
fn credited_source(name: &str) -> Source {
    Source {
        outlet: Some(name.to_string()),
        headline: None,
        url: None,
    }
}

/// Adds `source` to the post's list unless an equal one is there; returns its index.
fn add_source(list: &mut Vec<Source>, source: Source) -> usize {
    if let Some(found) = list.iter().position(|s| *s == source) {
        return found;
    }
    list.push(source);
    list.len() - 1
}

/// A bare URL whose domain belongs to an outlet the post already cites
/// without a URL is that source's link ("From The Guardian:" … URL).
fn merge_url_citations(blocks: &mut [Block], list: &mut Vec<Source>) {
    let mut remap: HashMap<usize, usize> = HashMap::default();
    for index in 0..list.len() {
        let source = &list[index];
        if source.headline.is_some() || source.url.is_none() {
            continue;
        }
        let owner = list[..index].iter().rposition(|earlier| {
            earlier.url.is_none() && earlier.outlet.is_some() && earlier.outlet == source.outlet
        });
        if let Some(owner) = owner {
            list[owner].url = list[index].url.clone();
            remap.insert(index, owner);
        }
    }
    if remap.is_empty() {
        return;
    }
    // Drop the merged sources and renumber the rest.
    let mut new_index = Vec::with_capacity(list.len());
    let mut kept = 0;
    for index in 0..list.len() {
        new_index.push(kept);
        if !remap.contains_key(&index) {
            kept += 1;
        }
    }
    for block in blocks.iter_mut() {
        if let Some(old) = block.source() {
            let target = remap.get(&old).copied().unwrap_or(old);
            // Renumbering only lowers an index, so it still fits.
            block.source = Some(new_index[target] as u32);
        }
    }
    let mut index = 0;
    list.retain(|_| {
        let keep = !remap.contains_key(&index);
        index += 1;
        keep
    });
}

/// A short line that introduces what follows: it ends in a colon or an
/// ellipsis ("On trade…", "Previously:", "He added:"), or is a short
/// question ("What did Trump say exactly?").
///
/// Accepts "François Hollande, who was French president at the time…";
/// rejects "Instead, having lamented the veto-induced paralysis, the
/// statement issued by the prime minister went on to say:" (too long to be
/// a lead-in: a paragraph that happens to end in a colon).
pub fn is_lead_in(text: &str) -> bool {
    let introduces = text.ends_with(':') || text.ends_with('…') || text.ends_with("...");
    // Words counted only up to the tenth, for the few lines that end so:
    // most end in a full stop.
    let short_question = || text.ends_with('?') && text.split_whitespace().nth(9).is_none();
    (introduces && at_most_100_chars(text)) || (short_question() && !text.starts_with(['“', '"']))
}

/// Whether `text` has at most 100 characters. A character takes one to
/// four bytes, so only a text of 101 to 400 bytes is counted.
fn at_most_100_chars(text: &str) -> bool {
    match text.len() {
        ..=100 => true,
        401.. => false,
        _ => text.chars().count() <= 100,
    }
}

/// "Trump: I like bilateral…" — a line of an interview transcript: a name
/// of one or two capitalised words, a colon, whitespace, and at least 21
/// characters on one line (the pattern
/// `^\p{Lu}[\p{L}’'.-]+(?:\s\p{Lu}[\p{L}’'.-]+)?:\s+\S.{20,}$`).
///
/// Only the name is matched by a pattern, anchored and short: what follows
/// the colon is checked by hand, since `.{20,}$` made the pattern read the
/// whole paragraph to its end.
fn is_transcript_line(text: &str) -> bool {
    static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}’'.-]+(?:\s\p{Lu}[\p{L}’'.-]+)?:")
            .expect("the speaker pattern is valid")
    });
    // Cheap test first: the label's colon, and a space after it, come
    // within the first 40 bytes.
    let bytes = text.as_bytes();
    let labelled = memchr::memchr_iter(b':', &bytes[..bytes.len().min(40)])
        .any(|at| bytes.get(at + 1) == Some(&b' '));
    labelled
        && !text.starts_with("From ")
        && SPEAKER
            .find(text)
            .is_some_and(|name| says_a_line(&text[name.end()..]))
}

/// What follows a speaker's colon in a transcript line (`\s+\S.{20,}$`):
/// whitespace, then a character that is not, then 20 or more characters
/// to the end of the text, none of them a line break. (The whitespace may
/// hold line breaks; the first character after it is the `\S`.)
fn says_a_line(rest: &str) -> bool {
    let words = rest.trim_start_matches(char::is_whitespace);
    if words.len() == rest.len() {
        return false;
    }
    let mut chars = words.chars();
    chars.next().is_some()
        && memchr::memchr(b'\n', chars.as_str().as_bytes()).is_none()
        && chars.nth(19).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        /// The name matched by a pattern and the line checked by hand find
        /// the transcript lines the whole pattern found.
        #[test]
        fn transcript_lines_are_those_the_whole_pattern_found(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "Trump", "Jane", " Doe", "O’Neil", "From ", "é", "É", "Ⅰ", ":", ": ", " ",
                    "  ", "\n", "\t", "\u{a0}", "\u{2028}", "x", "0123456789", "said it all",
                    ".", "-", "’", "?", "\r",
                ]),
                0..10,
            ),
        ) {
            static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^\p{Lu}[\p{L}’'.-]+(?:\s\p{Lu}[\p{L}’'.-]+)?:\s+\S.{20,}$")
                    .expect("valid")
            });
            let text: String = pieces.concat();
            let bytes = text.as_bytes();
            let labelled = memchr::memchr_iter(b':', &bytes[..bytes.len().min(40)])
                .any(|at| bytes.get(at + 1) == Some(&b' '));
            let by_pattern = labelled && WHOLE.is_match(&text) && !text.starts_with("From ");
            prop_assert_eq!(is_transcript_line(&text), by_pattern, "{:?}", text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        /// Lead-ins found with words counted up to the tenth and characters
        /// only where bytes leave it open are those found counting all.
        #[test]
        fn lead_ins_are_those_found_counting_everything(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "word ", "words", " ", "\u{a0}", "\n", "é", "日本", "😀", "“", "\"",
                    "a fairly long stretch of plain text ",
                ]),
                0..40,
            ),
            end in prop::sample::select(vec!["", ":", "…", "...", "?", ".", "?”"]),
        ) {
            let text = pieces.concat() + end;
            let introduces =
                text.ends_with(':') || text.ends_with('…') || text.ends_with("...");
            let short_question = text.ends_with('?') && text.split_whitespace().count() <= 9;
            let counted = (introduces && text.chars().count() <= 100)
                || (short_question && !text.starts_with(['“', '"']));
            prop_assert_eq!(is_lead_in(&text), counted, "{:?}", text);
        }
    }

    /// [`contributor_name`] as first written: the pattern's own groups.
    fn contributor_name_by_groups(line: &str) -> Option<&str> {
        if !line.ends_with(':') || line.len() > 60 {
            return None;
        }
        let caps = CONTRIBUTOR.captures(line)?;
        let name = caps.name("name")?.as_str();
        contributor_named(caps.name("from").is_some(), name)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        /// The contributor read without the pattern's groups is the one its
        /// groups give.
        #[test]
        fn contributors_are_those_the_groups_give(
            pieces in prop::collection::vec(
                prop::sample::select(vec![
                    "From", "From ", "From  ", "From\t", "From\u{a0}", "Fromage", "from ",
                    "Missy", "Jo", "Jo ", " Smith", "O’Neil", "É", "é", "Ⅰ", "\u{301}", ":",
                    " ", "  ", "\n", "\u{2028}", "x", "0", ".", "-", "Update", "Reuters",
                    "\u{b}", "\u{c}", "\r", "'", "jo", "A",
                ]),
                0..7,
            ),
            end in prop::sample::select(vec![":", "", ": "]),
        ) {
            let line = pieces.concat() + end;
            prop_assert_eq!(
                contributor_name(&line),
                contributor_name_by_groups(&line),
                "{:?}",
                line
            );
        }
    }

    #[test]
    fn contributor_names() {
        assert_eq!(contributor_name("From Missy:"), Some("Missy"));
        assert_eq!(contributor_name("From \t Jo Smith:"), Some("Jo Smith"));
        assert_eq!(contributor_name("From:"), Some("From"));
        assert_eq!(contributor_name("Missy:"), Some("Missy"));
        assert_eq!(contributor_name("Meanwhile:"), None);
        assert_eq!(contributor_name("From Meanwhile:"), Some("Meanwhile"));
        assert_eq!(contributor_name("From Jo Bob Smith:"), None);
    }

    #[test]
    fn transcript_lines() {
        assert!(is_transcript_line(
            "Trump: I like bilateral deals, they are better."
        ));
        assert!(is_transcript_line(
            "Jane Doe: \nWe never agreed to any of that, not once."
        ));
        assert!(!is_transcript_line(
            "Trump: I like bilateral deals,\nthey are better."
        ));
        assert!(!is_transcript_line("Trump: too short a line."));
        // The shortest line: a character, then 20 more.
        assert!(is_transcript_line("Trump: x01234567890123456789"));
        assert!(!is_transcript_line("Trump: x0123456789012345678"));
        assert!(!is_transcript_line(
            "From Missy: a line long enough to be one otherwise."
        ));
    }

    #[test]
    fn contributors() {
        assert_eq!(contributor_name("From Missy:"), Some("Missy"));
        assert_eq!(contributor_name("Missy:"), Some("Missy"));
        assert_eq!(contributor_name("Jane Doe:"), Some("Jane Doe"));
        assert_eq!(contributor_name("Previously:"), None);
        assert_eq!(contributor_name("Meanwhile:"), None);
        assert_eq!(contributor_name("But:"), None);
        assert_eq!(contributor_name("From Reuters:"), None);
        assert_eq!(contributor_name("Missy: said something"), None);
    }

    #[test]
    fn lead_ins() {
        for line in [
            "On trade…",
            "Previously:",
            "What did the minister say exactly?",
            "He added:",
        ] {
            assert!(is_lead_in(line), "{line}");
        }
        for line in [
            "That may sum it up.",
            "“Why?” she asked.",
            "Results are due at 7pm",
        ] {
            assert!(!is_lead_in(line), "{line}");
        }
    }
}
