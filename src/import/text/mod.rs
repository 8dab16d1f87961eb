//! The plain-text importer: scraped archives of commentary posts, paragraphs
//! separated by blank lines, nothing between posts.
//!
//! The pipeline: split into paragraphs ([`paragraphs`]), set furniture aside
//! ([`furniture`]), recognise citations ([`sources`]), find the
//! titles ([`segment`]), then give every paragraph of a post its kind
//! and tie quotes to the source they quote ([`blocks`]).

mod commentary;
mod furniture;
pub mod paragraphs;
mod segment;
mod sources;

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use crate::load::LoadError;
use crate::model::{Block, BlockKind, Post, Source, slug};
use commentary::sounds_like_commentary;
use furniture::Furniture;
use paragraphs::{Paragraph, paragraphs};
use segment::Features;
use sources::OutletEvidence;

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

/// Takes from a list sorted by index the items whose index is below `end`.
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
    /// The post: its text taken out of the archive, its blocks given their
    /// kinds and sources.
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
            ..Default::default()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(post: &Post) -> Vec<(BlockKind, Option<usize>)> {
        post.blocks.iter().map(|b| (b.kind, b.source())).collect()
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
