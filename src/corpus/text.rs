//! The plain-text importer: scraped archives of commentary posts, paragraphs
//! separated by blank lines, nothing between posts.
//!
//! The pipeline: split into paragraphs ([`paragraphs`]), set furniture aside
//! ([`super::furniture`]), recognise citations ([`super::sources`]), find the
//! titles ([`super::segment`]), then give every paragraph of a post its kind
//! and tie quotes to the source they quote ([`blocks`]).

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use super::clean::{clean, is_blank};
use super::furniture::{self, Furniture};
use super::load::LoadError;
use super::segment::{self, Features};
use super::sources::{self, OutletEvidence};
use super::{Block, BlockKind, Post, Source, slug};

/// One paragraph of the archive, cleaned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// Boxed rather than a `String`: an archive has hundreds of thousands of
    /// paragraphs, held at once, and a box is smaller and never over-allocated.
    pub text: Box<str>,
    /// The raw text had a non-breaking space: scraped titles often do.
    pub had_nbsp: bool,
    /// It opened with a bullet ("•", "-", "*", "1.").
    pub is_list_item: bool,
}

/// Parses a plain-text archive into posts. Never fails on text; an archive
/// with no paragraphs gives no posts.
pub fn parse(_name: &str, content: &str) -> Result<Vec<Post>, LoadError> {
    Ok(posts_from(paragraphs(content)))
}

/// Segments paragraphs into posts, moving their text into the blocks.
///
/// Every step that looks at one paragraph or one post at a time runs on all
/// cores; only the choice of titles, which weighs the whole archive, is
/// sequential. The result does not depend on the number of cores.
pub fn posts_from(mut all: Vec<Paragraph>) -> Vec<Post> {
    // Furniture and citations are rare: keep them apart, by paragraph, in
    // order, and look them up by binary search.
    let furniture: Vec<(usize, Furniture)> = all
        .par_iter()
        .enumerate()
        .filter_map(|(i, p)| furniture::recognise(&p.text).map(|f| (i, f)))
        .collect();
    let furniture_at = |i: usize| {
        furniture
            .binary_search_by_key(&i, |(at, _)| *at)
            .ok()
            .map(|found| &furniture[found].1)
    };
    let kept: Vec<usize> = (0..all.len())
        .filter(|&i| furniture_at(i).is_none())
        .collect();
    if kept.is_empty() {
        return Vec::new();
    }
    // Citations by index into `kept`.
    let citations: Vec<(usize, Source)> = {
        let texts: Vec<&str> = kept.iter().map(|&i| &*all[i].text).collect();
        let evidence = OutletEvidence::gather(&texts);
        kept.par_iter()
            .enumerate()
            .filter(|&(_, &i)| !all[i].is_list_item)
            .filter_map(|(k, &i)| sources::recognise(&all[i].text, &evidence).map(|s| (k, s)))
            .collect()
    };
    let titles = {
        let features: Vec<Features<'_>> = kept
            .par_iter()
            .enumerate()
            .map(|(k, &i)| Features {
                text: &all[i].text,
                had_nbsp: all[i].had_nbsp,
                is_list_item: all[i].is_list_item,
                is_citation: citations.binary_search_by_key(&k, |(at, _)| *at).is_ok(),
                is_contributor: contributor_name(&all[i].text).is_some(),
                byline_follows: furniture_at(i + 1).is_some_and(Furniture::follows_title),
                post_end_precedes: i
                    .checked_sub(1)
                    .is_some_and(|p| furniture_at(p) == Some(&Furniture::PostEnd)),
            })
            .collect();
        segment::title_indices(&features)
    };
    // Each post owns a run of the archive's paragraphs, from its title to
    // the next title, and the furniture and citations in it. The runs do
    // not overlap, so posts are built on all cores, each taking its text
    // straight out of the archive: no paragraph is ever copied.
    let mut furniture = furniture.into_iter().peekable();
    let mut citations = citations.into_iter().peekable();
    let mut rest = &mut all[..];
    let mut rest_start = 0;
    let mut runs = Vec::with_capacity(titles.len());
    for (n, &start) in titles.iter().enumerate() {
        let end = titles.get(n + 1).copied().unwrap_or(kept.len());
        let raw_start = kept[start];
        let raw_end = kept.get(end).copied().unwrap_or(rest_start + rest.len());
        let (_, tail) = std::mem::take(&mut rest).split_at_mut(raw_start - rest_start);
        let (paragraphs, tail) = tail.split_at_mut(raw_end - raw_start);
        rest = tail;
        rest_start = raw_end;
        let post_furniture = take_while_before(&mut furniture, raw_end)
            .into_iter()
            .filter(|(at, _)| *at >= raw_start)
            .map(|(_, f)| f);
        let (author, date) = post_furniture_of(post_furniture);
        runs.push(Run {
            paragraphs,
            first: raw_start,
            body: &kept[start + 1..end],
            body_start: start + 1,
            // A title is never a citation, but the archive's first
            // paragraph is a title whatever it is.
            citations: take_while_before(&mut citations, end)
                .into_iter()
                .filter(|(k, _)| *k > start)
                .collect(),
            author,
            date,
        });
    }
    runs.into_par_iter().map(Run::into_post).collect()
}

/// The items of a sorted list up to (not including) index `end`.
fn take_while_before<T>(
    items: &mut std::iter::Peekable<impl Iterator<Item = (usize, T)>>,
    end: usize,
) -> Vec<(usize, T)> {
    std::iter::from_fn(|| items.next_if(|(at, _)| *at < end)).collect()
}

/// One post's share of the archive, before its blocks are made.
struct Run<'a> {
    /// The archive's paragraphs from the title to the next post.
    paragraphs: &'a mut [Paragraph],
    /// Index in the archive of `paragraphs[0]`, the title.
    first: usize,
    /// Archive indices of the body's paragraphs (furniture left out).
    body: &'a [usize],
    /// Index among kept paragraphs of the body's first paragraph.
    body_start: usize,
    /// Citations of the body, by index among kept paragraphs.
    citations: Vec<(usize, Source)>,
    author: Option<String>,
    date: Option<String>,
}

impl Run<'_> {
    fn into_post(self) -> Post {
        let mut citations = self.citations.into_iter().peekable();
        let body: Vec<Body> = self
            .body
            .iter()
            .enumerate()
            .map(|(n, &i)| Body {
                paragraph: std::mem::take(&mut self.paragraphs[i - self.first]),
                citation: citations
                    .next_if(|(k, _)| *k == self.body_start + n)
                    .map(|(_, source)| source),
            })
            .collect();
        let title = String::from(std::mem::take(&mut self.paragraphs[0].text));
        let (blocks, post_sources) = blocks(body);
        let author = self.author.or_else(|| first_contributor(&blocks));
        Post {
            id: slug(&title).into(),
            title,
            author,
            date: self.date,
            topics: Vec::new(),
            blocks,
            sources: post_sources,
        }
    }
}

/// Author and date from the furniture within a post's paragraphs.
fn post_furniture_of(
    furniture: impl Iterator<Item = Furniture>,
) -> (Option<String>, Option<String>) {
    let mut author = None;
    let mut date = None;
    for item in furniture {
        match item {
            Furniture::Byline { author: a, date: d } => {
                author = author.or(Some(a));
                date = date.or(d);
            }
            Furniture::Date(d) => date = date.or(Some(d)),
            Furniture::PostEnd | Furniture::PageChrome => {}
        }
    }
    (author, date)
}

fn first_contributor(blocks: &[Block]) -> Option<String> {
    blocks
        .iter()
        .find(|b| b.kind == BlockKind::Contributor)
        .and_then(|b| contributor_name(&b.text))
        .map(str::to_string)
}

/// Splits an archive into cleaned paragraphs.
///
/// Paragraphs are separated by blank lines (lines of white space, NBSP
/// included). Inside one, a line break is a soft wrap when the line before
/// it is long enough to have been wrapped (40 characters or more, at
/// least 60% of the longest line of the paragraph, and no line of the
/// paragraph wider than [`MAX_WRAP_WIDTH`]); otherwise, and before
/// every bullet, it starts a new paragraph, so an archive with no blank
/// lines at all still splits.
pub fn paragraphs(content: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    extend_paragraphs(&mut out, content);
    out
}

/// Appends the paragraphs of `content` to `out`. `content` is a whole
/// archive or a part of one that ends at a blank line (see [`last_cut`]),
/// so that the parts of an archive read one after another give the same
/// paragraphs as the whole.
///
/// Paragraphs never span a blank line, so the text is cut at blank lines
/// into pieces that are split on all cores.
pub fn extend_paragraphs(out: &mut Vec<Paragraph>, content: &str) {
    extend_paragraphs_in_pieces(out, content, PIECE_LEN);
}

fn extend_paragraphs_in_pieces(out: &mut Vec<Paragraph>, content: &str, piece_len: usize) {
    let pieces = pieces(content, piece_len);
    let parts: Vec<Vec<Paragraph>> = pieces.par_iter().map(|p| piece_paragraphs(p)).collect();
    out.reserve(parts.iter().map(Vec::len).sum());
    for part in parts {
        out.extend(part);
    }
}

/// About how much text one core splits at a time.
const PIECE_LEN: usize = 256 << 10;

/// `content` cut after blank lines into pieces of about `len` bytes or more.
fn pieces(content: &str, len: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while content.len() - start > len {
        match next_cut(&content.as_bytes()[start..], len) {
            Some(cut) => {
                out.push(&content[start..start + cut]);
                start += cut;
            }
            None => break,
        }
    }
    out.push(&content[start..]);
    out
}

/// The end of the first blank line that ends at or after byte `from`.
fn next_cut(bytes: &[u8], from: usize) -> Option<usize> {
    let mut newlines = memchr::memchr_iter(b'\n', bytes.get(from..)?).map(|at| from + at);
    let mut previous = newlines.next()?;
    for newline in newlines {
        if is_blank_line(&bytes[previous + 1..newline]) {
            return Some(newline + 1);
        }
        previous = newline;
    }
    None
}

/// The end of the last blank line of `bytes` that ends at or after byte
/// `from`: where text being read can be cut and split so far (see
/// [`extend_paragraphs`]). `from` lets a reader skip what it already searched.
pub fn last_cut(bytes: &[u8], from: usize) -> Option<usize> {
    let mut following: Option<usize> = None;
    for newline in memchr::memrchr_iter(b'\n', bytes) {
        if let Some(end) = following
            && is_blank_line(&bytes[newline + 1..end])
        {
            return Some(end + 1);
        }
        if newline < from {
            break;
        }
        following = Some(newline);
    }
    None
}

fn is_blank_line(line: &[u8]) -> bool {
    std::str::from_utf8(line).is_ok_and(is_blank)
}

/// The paragraphs of one piece, a line at a time.
fn piece_paragraphs(piece: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut group: Vec<&str> = Vec::new();
    for line in piece.split('\n') {
        let line = line.trim_end_matches('\r');
        if is_blank(line) {
            flush_group(&mut group, &mut out);
        } else {
            group.push(line);
        }
    }
    flush_group(&mut group, &mut out);
    out
}

/// Nobody hard-wraps text wider than this: a group with a longer line is
/// one paragraph per line.
const MAX_WRAP_WIDTH: usize = 160;

fn flush_group(group: &mut Vec<&str>, out: &mut Vec<Paragraph>) {
    if group.is_empty() {
        return;
    }
    if let [line] = group.as_slice() {
        let (text, is_bullet) = strip_bullet(line);
        push_paragraph(text, is_bullet, out);
        group.clear();
        return;
    }
    let longest = group.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut current: Option<(String, bool)> = None;
    let mut previous_len = 0;
    for line in group.drain(..) {
        let (text, is_bullet) = strip_bullet(line);
        let len = line.chars().count();
        let continues = !is_bullet
            && longest <= MAX_WRAP_WIDTH
            && previous_len >= 40
            && previous_len * 10 >= longest * 6;
        match &mut current {
            Some((raw, _)) if !is_bullet && continues_url(raw, text) => raw.push_str(text.trim()),
            Some((raw, _)) if continues => {
                raw.push(' ');
                raw.push_str(text);
            }
            _ => {
                if let Some((raw, bullet)) = current.take() {
                    push_paragraph(&raw, bullet, out);
                }
                current = Some((text.to_string(), is_bullet));
            }
        }
        previous_len = len;
    }
    if let Some((raw, bullet)) = current {
        push_paragraph(&raw, bullet, out);
    }
}

/// A URL broken across two lines: the text so far ends in a URL and the
/// line goes on with URL characters ("…/2017/05/07/" then "french-election/").
///
/// Accepts "see https://example.org/2017/" + "french-vote-live/"; rejects
/// "see https://example.org/" + "Then the count began." (a new sentence).
fn continues_url(so_far: &str, line: &str) -> bool {
    let Some(last) = so_far.split_whitespace().next_back() else {
        return false;
    };
    let Some(first) = line.split_whitespace().next() else {
        return false;
    };
    let url_tail = last.contains("://") || last.starts_with("www.");
    let url_piece = first.contains('/')
        || (!first.starts_with(char::is_uppercase)
            && first.contains(['-', '.', '=', '&', '?', '_'])
            && !first.ends_with(['.', ',', ';', ':']));
    url_tail && url_piece && !line.starts_with(char::is_whitespace) && !first.contains("://")
}

fn push_paragraph(raw: &str, is_list_item: bool, out: &mut Vec<Paragraph>) {
    let text = clean(raw);
    if !text.is_empty() {
        out.push(Paragraph {
            text: text.into_boxed_str(),
            had_nbsp: raw.trim().contains('\u{a0}'),
            is_list_item,
        });
    }
}

/// "  • item" → ("item", true). Hyphens and asterisks count only when a
/// space follows, so "-5 degrees" stays text.
fn strip_bullet(line: &str) -> (&str, bool) {
    static BULLET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[\s\u{a0}]*(?:[•◦▪‣●·]|[-*–](?:\s|\u{a0})|\d{1,2}[.)](?:\s|\u{a0}))[\s\u{a0}]*",
        )
        .expect("the bullet pattern is valid")
    });
    let first = line.trim_start().chars().next();
    if !first.is_some_and(|c| c.is_ascii_digit() || "•◦▪‣●·-*–".contains(c)) {
        return (line, false);
    }
    match BULLET.find(line) {
        Some(m) => (&line[m.end()..], true),
        None => (line, false),
    }
}

/// The name in a contributor line: "From Missy:" → "Missy", "Missy:" →
/// "Missy". A lone word is a name only if it is not a common lead-in word
/// ("Previously:", "But:", "Update:") or an adverb ("Meanwhile:").
pub fn contributor_name(line: &str) -> Option<&str> {
    static CONTRIBUTOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?P<from>From\s+)?(?P<name>\p{Lu}[\p{L}\p{M}’'.-]*(?:\s\p{Lu}[\p{L}\p{M}’'.-]*)?):$",
        )
        .expect("the contributor pattern is valid")
    });
    if !line.ends_with(':') || line.len() > 60 {
        return None;
    }
    let caps = CONTRIBUTOR.captures(line)?;
    let name = caps.name("name")?.as_str();
    let lower = name.to_lowercase();
    let lead_in_word = LEAD_IN_WORDS.contains(&lower.as_str()) || lower.ends_with("ly");
    let outlet = sources::known_outlet(name).is_some();
    (!outlet && (caps.name("from").is_some() || !lead_in_word)).then_some(name)
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
struct Body {
    paragraph: Paragraph,
    citation: Option<Source>,
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
/// post's latest source.
fn blocks(body: Vec<Body>) -> (Vec<Block>, Vec<Source>) {
    let mut out: Vec<Block> = Vec::with_capacity(body.len());
    let mut post_sources: Vec<Source> = Vec::new();
    let mut quoting: Option<usize> = None;
    let mut quoted_since_citation = 0;
    let mut latest_source: Option<usize> = None;
    let count = body.len();
    for (n, item) in body.into_iter().enumerate() {
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
        let kind = if item.paragraph.is_list_item {
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
    let chars = text.chars().count();
    let introduces = text.ends_with(':') || text.ends_with('…') || text.ends_with("...");
    let short_question = text.ends_with('?') && text.split_whitespace().count() <= 9;
    (introduces && chars <= 100) || (short_question && !text.starts_with(['“', '"']))
}

/// "Trump: I like bilateral…" — a line of an interview transcript.
fn is_transcript_line(text: &str) -> bool {
    static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}’'.-]+(?:\s\p{Lu}[\p{L}’'.-]+)?:\s+\S.{20,}$")
            .expect("the speaker pattern is valid")
    });
    // Cheap test first: the label's colon comes within the first 40 bytes.
    let labelled = text
        .char_indices()
        .take_while(|(at, _)| *at < 40)
        .any(|(at, c)| c == ':' && text[at + 1..].starts_with(' '));
    labelled && SPEAKER.is_match(text) && !text.starts_with("From ")
}

/// Marks of the author speaking rather than a report being quoted: first
/// person singular outside quotation marks, an opening that points back at
/// what was just quoted ("That’s", "This is", "Actually"), or a hedge
/// ("seems", "probably"); and no reporting verb ("said", "told").
///
/// Accepts "That’s a misleading headline, they have not met yet."; rejects
/// "This is not unexpected in a contest like this one, say analysts."
///
/// Word boundaries are ASCII ones: with Unicode boundaries the regex engine
/// cannot use its fast automaton on text with curly quotes, and the words
/// looked for are ASCII.
pub fn sounds_like_commentary(text: &str) -> bool {
    static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:I|I’m|I'm|I’ve|I've|I’d|I'd|I’ll|I'll|my|me|myself)(?-u:\b)")
            .expect("valid")
    });
    static POINTING_BACK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:That’s|That's|That\s+(?:is|was|may|might|could|seems)|This\s+(?:is|was|may|might|could|just|sort|kind|seems|looks)|It’s|It's|Actually|Which|So\s|Hence|Clearly|Obviously|Of\s+course|Interesting|Anyway|Still,)")
            .expect("valid")
    });
    static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?-u:\b)(?:seems?|probably|perhaps|I\s+think|I\s+wonder|hard\s+to\s+know|obviously)(?-u:\b)",
        )
        .expect("valid")
    });
    static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:said|says|say|told|tells|according\s+to|announced|spokes(?:man|woman|person)|confirmed|added)(?-u:\b)|(?-u:\b)(?:Mr|Ms|Mrs|Dr|Prof)\.?\s")
            .expect("valid")
    });
    let outside_quotes = strip_quoted(text);
    if REPORTING.is_match(&outside_quotes) {
        return false;
    }
    FIRST_PERSON.is_match(&outside_quotes)
        || POINTING_BACK.is_match(text)
        || HEDGE.is_match(&outside_quotes)
}

/// The text with “…” spans removed, so quoted words do not count as the
/// author's own.
fn strip_quoted(text: &str) -> Cow<'_, str> {
    if !text.contains(['“', '”']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '“' => depth += 1,
            '”' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(post: &Post) -> Vec<(BlockKind, Option<usize>)> {
        post.blocks.iter().map(|b| (b.kind, b.source())).collect()
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_join_wrapped_lines() {
        let text = "Title line\r\n\r\nA long paragraph that was wrapped by the scraper at a\r\nfixed width of sixty or so columns.\r\n\u{a0}\r\n  • one\n  • two\n";
        let got = paragraphs(text);
        let texts: Vec<&str> = got.iter().map(|p| &*p.text).collect();
        assert_eq!(
            texts,
            [
                "Title line",
                "A long paragraph that was wrapped by the scraper at a fixed width of sixty or so columns.",
                "one",
                "two"
            ]
        );
        assert!(got[2].is_list_item && got[3].is_list_item);
    }

    #[test]
    fn pieces_cut_at_blank_lines_give_the_paragraphs_of_the_whole() {
        let wrapped: String = crate::corpus::load::BUNDLED
            .split('\n')
            .map(|line| textwrap::fill(line, 50) + "\n")
            .collect();
        let crlf = wrapped.replace('\n', "\r\n");
        let blank_with_spaces = wrapped.replace("\n\n", "\n \u{a0}\n");
        for archive in [&wrapped, &crlf, &blank_with_spaces] {
            let whole = piece_paragraphs(archive);
            for piece_len in [1, 10, 300] {
                assert!(pieces(archive, piece_len).len() > 10);
                let mut got = Vec::new();
                extend_paragraphs_in_pieces(&mut got, archive, piece_len);
                assert_eq!(got, whole, "pieces of {piece_len}");
            }
        }
        assert_eq!(
            pieces("no blank line here\nat all", 1),
            ["no blank line here\nat all"]
        );
        assert_eq!(last_cut(b"a\n\nb\n\nc", 0), Some(6));
        assert_eq!(last_cut(b"a\n\nb\n\nc", 5), Some(6));
        assert_eq!(next_cut(b"a\n\nb\n\nc", 0), Some(3));
        assert_eq!(last_cut(b"a\nb\nc", 0), None);
    }

    #[test]
    fn a_url_broken_across_lines_is_mended() {
        let got = paragraphs("https://example.org/2017/05/07/\nfrench-vote-live/\n\nNext.");
        assert_eq!(
            &*got[0].text,
            "https://example.org/2017/05/07/french-vote-live/"
        );
        assert!(continues_url(
            "see https://example.org/2017/",
            "french-vote-live/"
        ));
        assert!(!continues_url(
            "see https://example.org/",
            "Then the count began."
        ));
        assert!(!continues_url("no link here at all", "french-vote-live/"));
    }

    #[test]
    fn lines_without_blank_lines_between_still_split() {
        let long = "A first paragraph of the post, long enough to read as prose, and then some more words so that nobody would have wrapped it.";
        let text = format!("A title\n{long} {long}\nShort one.\n{long}");
        assert_eq!(paragraphs(&text).len(), 4);
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

    const ARCHIVE: &str = "Bridge tolls under review\n\n\
The minister announced a review of the harbour bridge tolls on Monday, and commuters are not impressed by the timing of it.\n\n\
RNZ: Minister orders review of harbour bridge tolls\n\n\
The transport minister has ordered a review of tolls on the harbour bridge, her office said.\n\n\
“We will look at everything,” she said.\n\n\
That’s a long way from scrapping them, which was the promise.\n\n\
I will believe it when I see it.\n\n\
Harbour bridge critics cry foul\n\n\
Critics of the harbour bridge review say it is a delaying tactic, and that tolls will rise again after the election whatever it finds.\n\n\
From Sam:\n\n\
The review is a stalling exercise and everybody in the city knows it, whatever the minister says about it.\n\n\
https://example.org/bridge\n";

    #[test]
    fn posts_citations_quotes_and_contributors() {
        let posts = parse("t", ARCHIVE).unwrap();
        let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Bridge tolls under review",
                "Harbour bridge critics cry foul"
            ]
        );

        let first = &posts[0];
        assert_eq!(first.sources.len(), 1);
        assert_eq!(first.sources[0].outlet.as_deref(), Some("RNZ"));
        assert_eq!(
            first.sources[0].headline.as_deref(),
            Some("Minister orders review of harbour bridge tolls")
        );
        use BlockKind::*;
        assert_eq!(
            kinds(first),
            [
                (Paragraph, None),
                (Citation, Some(0)),
                (Quote, Some(0)),
                (Quote, Some(0)),
                (Paragraph, None),
                (Paragraph, None)
            ]
        );

        let second = &posts[1];
        assert_eq!(second.author.as_deref(), Some("Sam"));
        assert_eq!(
            kinds(second),
            [
                (Paragraph, None),
                (Contributor, None),
                (Paragraph, None),
                (Citation, Some(0))
            ]
        );
        assert_eq!(second.sources[0].outlet.as_deref(), Some("example.org"));
    }

    #[test]
    fn an_aside_right_after_the_citation_does_not_end_the_quote() {
        let archive = "Ministers meet in Berlin\n\n\
The two ministers will meet in Berlin this week to talk about trade, education and visas, among other things.\n\n\
Stuff: Ministers meet to talk trade and visas\n\n\
That’s a misleading headline, they have not met yet.\n\n\
Trade wars will be a priority when the pair sit down for formal talks tomorrow, officials said.\n\n\
This is a big week for both of them.";
        let posts = parse("t", archive).unwrap();
        use BlockKind::*;
        assert_eq!(
            kinds(&posts[0]),
            [
                (Paragraph, None),
                (Citation, Some(0)),
                (Paragraph, None),
                (Quote, Some(0)),
                (Paragraph, None)
            ]
        );
    }

    #[test]
    fn furniture_fills_author_and_date_and_is_not_a_block() {
        let archive = "Tag Archives: Bridges\n\nBridge tolls under review\n\nBy Jane Smith\n\n17 November 2017\n\n\
The minister announced a review of the harbour bridge tolls on Monday, and commuters are not impressed.\n\n\
Read more »\n\n\
Harbour bridge critics cry foul\n\n\
Critics of the harbour bridge review say it is a delaying tactic and tolls will rise again after the election.\n\n\
12 comments";
        let posts = parse("t", archive).unwrap();
        assert_eq!(posts.len(), 2);
        assert_eq!(posts[0].title, "Bridge tolls under review");
        assert_eq!(posts[0].author.as_deref(), Some("Jane Smith"));
        assert_eq!(posts[0].date.as_deref(), Some("17 November 2017"));
        assert_eq!(posts[0].blocks.len(), 1);
        assert_eq!(posts[1].blocks.len(), 1);
    }

    #[test]
    fn a_guardian_url_completes_the_guardian_attribution() {
        let archive = "Turnout falls in the election\n\n\
Turnout looks like it will be the lowest in decades, going by the early projections from the count tonight.\n\n\
From live coverage from The Guardian:\n\n\
If turnout projections of about 74% are correct, it would be the lowest since 1969, analysts say.\n\n\
https://www.theguardian.com/world/live/2017/may/07/election\n\n\
We will know soon enough.";
        let posts = parse("t", archive).unwrap();
        let post = &posts[0];
        assert_eq!(post.sources.len(), 1);
        assert_eq!(post.sources[0].outlet.as_deref(), Some("The Guardian"));
        assert!(
            post.sources[0]
                .url
                .as_deref()
                .is_some_and(|u| u.contains("theguardian.com"))
        );
        assert_eq!(post.blocks_citing(0).count(), 3);
    }

    #[test]
    fn no_paragraphs_no_posts() {
        assert!(parse("t", "\n \u{a0}\n\n").unwrap().is_empty());
    }
}
