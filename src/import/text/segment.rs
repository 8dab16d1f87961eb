//! Finding where posts start in an archive with no separators between them.
//!
//! Every paragraph gets a score for how much it looks like a post title,
//! from its own shape and from its neighbours:
//! - a title is one short line (a few words, at most ~110 characters) that
//!   does not end like a sentence or a lead-in (no `.` `:` `…` `,`), does not
//!   open with a quotation mark or a lower-case letter, and is not a
//!   citation, a URL, a list item or a speaker's line in a transcript;
//! - the paragraph before it closes a thought (a sentence, a URL, a citation)
//!   rather than being another heading;
//! - the paragraph after it opens a post: a long paragraph of prose, a
//!   byline or a contributor line, not a quotation or a bare URL;
//! - its words come back in the paragraphs that follow (a title is about
//!   its post);
//! - scraped titles often carry a non-breaking space: a small bonus, never
//!   needed.
//!
//! Furniture (bylines, dates, "Read more") is strong evidence either way.
//! The first paragraph always opens a post. A dynamic programme then picks
//! the set of titles with the best total score such that every post has a
//! body, so of two title-like lines in a row only the better one wins.

use rayon::prelude::*;

use super::paragraphs::Paragraph;
use super::sources;

bitflags::bitflags! {
    /// What the passes before the segmenter found about a paragraph and its
    /// neighbours. One is held for every paragraph of an archive at once,
    /// at the loader's peak of memory: a byte each.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub struct Evidence: u8 {
        /// It is a citation ("RNZ: …").
        const CITATION = 1;
        /// It names a contributor ("From Missy:").
        const CONTRIBUTOR = 1 << 1;
        /// It is a reader's comment or its label: never a title.
        const IN_THREAD = 1 << 2;
        /// Furniture that usually follows a title (byline, date) comes
        /// right after.
        const BYLINE_FOLLOWS = 1 << 3;
        /// Furniture that ends a post ("Read more", comment count) comes
        /// right before.
        const POST_END_PRECEDES = 1 << 4;
        /// A date stands right above it, after the end of a post rather
        /// than under a title: a blog's date header over its posts.
        const DATE_PRECEDES = 1 << 5;
        /// Furniture that ends a post comes right after: a teaser that is
        /// only a title ("Title", "Read more »") is a post of its own.
        const POST_END_FOLLOWS = 1 << 6;
        /// It is glued, with no blank line, under the dateline or byline of
        /// the title above it, and has no such line under it: a caption or
        /// the post's first line, not a title.
        const GLUED_UNDER_TITLE_FURNITURE = 1 << 7;
    }
}

/// The paragraphs the segmenter weighs, in order: the archive's paragraphs
/// less its furniture, each with its [`Evidence`]. The archive's paragraphs
/// are borrowed whole and found by index, so that this holds five bytes
/// for each.
pub struct Candidates<'a> {
    paragraphs: &'a [Paragraph],
    /// Index in `paragraphs` of each candidate.
    kept: &'a [u32],
    evidence: &'a [Evidence],
}

impl<'a> Candidates<'a> {
    /// The paragraphs at `kept` (indices into `paragraphs`), each with the
    /// evidence at the same place in `evidence`.
    pub fn new(paragraphs: &'a [Paragraph], kept: &'a [u32], evidence: &'a [Evidence]) -> Self {
        assert_eq!(kept.len(), evidence.len(), "evidence for every candidate");
        Candidates {
            paragraphs,
            kept,
            evidence,
        }
    }

    fn len(&self) -> usize {
        self.kept.len()
    }

    /// The `k`th candidate.
    fn at(&self, k: usize) -> Features<'a> {
        Features {
            paragraph: &self.paragraphs[self.kept[k] as usize],
            evidence: self.evidence[k],
        }
    }

    /// The `k`th candidate, if there are so many.
    fn get(&self, k: usize) -> Option<Features<'a>> {
        (k < self.len()).then(|| self.at(k))
    }
}

/// What the segmenter knows about one paragraph: the paragraph (its text,
/// bullet and non-breaking space) and its evidence.
#[derive(Debug, Clone, Copy)]
struct Features<'a> {
    paragraph: &'a Paragraph,
    evidence: Evidence,
}

impl<'a> Features<'a> {
    fn text(&self) -> &'a str {
        &self.paragraph.text
    }

    fn is_list_item(&self) -> bool {
        self.paragraph.is_list_item()
    }

    fn has(&self, evidence: Evidence) -> bool {
        self.evidence.contains(evidence)
    }
}

/// The score a paragraph must reach to open a post.
const THRESHOLD: f32 = 2.0;

/// Indices of the candidates that open a post, in order; always starts with
/// 0 when there is any candidate.
pub fn title_indices(candidates: &Candidates<'_>) -> Vec<usize> {
    let n = candidates.len();
    if n == 0 {
        return Vec::new();
    }
    let listed = listing(candidates);
    // Only a paragraph whose score passes the threshold can be chosen:
    // most paragraphs are prose, and are left out of the list.
    let gains: Vec<(usize, f32)> = (0..n)
        .into_par_iter()
        .filter_map(|i| {
            let gain = title_score(candidates, &listed, i) - THRESHOLD;
            (gain > 0.0).then_some((i, gain))
        })
        .collect();
    // A post needs no text of its own where a post's end follows it, or
    // where its byline is followed by the next title with a byline of its
    // own (a post whose teaser the page left out).
    let body_optional = |i: usize| {
        let p = candidates.at(i);
        p.has(Evidence::POST_END_FOLLOWS)
            || (p.has(Evidence::BYLINE_FOLLOWS)
                && candidates.get(i + 1).is_some_and(|next| {
                    next.has(Evidence::BYLINE_FOLLOWS) && listed.could_head(i + 1)
                }))
    };
    let free = choose(&gains, n, 0, body_optional, false);
    // Short lines before a first title that the archive's furniture or its
    // listing marks are a page header ("Opinion", "Posts published in the
    // chosen month"): left out. Otherwise the first paragraph opens a post: prose
    // before the first title is the end of a post cut off by the scrape.
    let heads_page = |first: usize| {
        candidates.at(first).evidence.intersects(
            Evidence::BYLINE_FOLLOWS | Evidence::POST_END_PRECEDES | Evidence::DATE_PRECEDES,
        ) || listed.contains(first)
    };
    // A listing whose teasers are cut short ("…"), under one sentence that
    // is not: the sentence is the page's description of itself, not the
    // end of a post the scrape cut off, which would be cut short too.
    let described = |first: usize| {
        first == 1
            && listed.contains(first)
            && candidates
                .get(first + 1)
                .is_some_and(|teaser| is_excerpt_cut_short(teaser.text()))
            && !is_excerpt_cut_short(candidates.at(0).text())
    };
    match free.first() {
        Some(&first)
            if heads_page(first)
                && (described(first) || !(0..first).any(|k| is_prose(candidates.at(k).text()))) =>
        {
            free
        }
        _ => {
            // Rules of dashes or stars at the top are no post's title.
            let rules = (0..n)
                .take_while(|&k| !candidates.at(k).text().chars().any(char::is_alphanumeric))
                .count();
            let start = if rules == n { 0 } else { rules };
            // On a page of one post, a line over the title the free choice
            // found, which heads prose, is the page's own (the blog's name
            // or motto, a menu button, a date), not a post of its own; so
            // are two lines (the name and the motto) where neither ends as
            // a sentence (a post of one line above). Where the choice found
            // several, a line over the first may be the first of the
            // captions over every title.
            let header = |first: usize| {
                let text = |k: usize| candidates.at(k).text();
                (first == start + 1
                    || (first == start + 2
                        && (start..first).all(|k| !text(k).ends_with(['.', '!', '?']))))
                    && (start..first).all(|k| !is_prose(text(k)))
            };
            let start = match free.as_slice() {
                &[first]
                    if header(first)
                        && (first + 1..n)
                            .take(2)
                            .any(|body| is_prose(candidates.at(body).text())) =>
                {
                    first
                }
                _ => start,
            };
            choose(&gains, n, start, body_optional, true)
        }
    }
}

/// A paragraph of running text: long, or a sentence of some length.
///
/// The sentence is asked about first: most prose ends like one, and then
/// its characters are counted only if it is under 160 bytes, where the
/// test for length alone counts them up to 444 bytes.
pub fn is_prose(text: &str) -> bool {
    (text.ends_with(['.', '!', '?', '”', '"']) && has_chars(text, 40)) || has_chars(text, 111)
}

/// The longest title that ends in a full stop, in characters: longer,
/// the line is a sentence of the post.
const MAX_STATEMENT_TITLE: usize = 100;

/// A statement longer than [`MAX_STATEMENT_TITLE`] that ends in a full
/// stop (not in a trailing "..."): a sentence, not a title made for a post
/// that prints none. A title may be a question or an exclamation, or a
/// short statement with a full stop.
fn is_long_statement(text: &str) -> bool {
    let unquoted = text.trim_end_matches(['”', '"', '’', ')']);
    unquoted.ends_with('.')
        && !unquoted.ends_with("..")
        && text.len() > MAX_STATEMENT_TITLE
        && text.chars().count() > MAX_STATEMENT_TITLE
}

/// The longest title made for a post that prints none, in characters.
const MADE_TITLE_MAX: usize = 80;

/// A title for a post whose first paragraph, taken for its title because
/// the page prints none, is prose: its first sentence, or as many of its
/// first words as fit, with an ellipsis. The paragraph stays the post's
/// text. `None` for a paragraph a title could be.
///
/// Accepts "It is time to restore the comments. It provided a far more
/// current exchange of ideas." (→ "It is time to restore the comments.");
/// rejects "Tolls up again", "Tolls up. Again." (short), and "Duties much
/// like those of the U.S. President, said the mayor of the city on Monday"
/// (a sentence break, but no sentence's end).
pub fn title_for_untitled(text: &str) -> Option<String> {
    if !is_untitled_prose(text) {
        return None;
    }
    if let Some(headline) = quoted_headline_led_in(text) {
        return Some(headline.to_string());
    }
    if let Some(sentence) = first_sentence(text).filter(|s| s.chars().count() <= MADE_TITLE_MAX) {
        return Some(sentence.to_string());
    }
    let mut title = String::new();
    for word in text.split_whitespace() {
        if title.chars().count() + word.chars().count() + 1 > MADE_TITLE_MAX - 1 {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    if title.is_empty() {
        // A first word too long to fit (a link): its start.
        title = text.chars().take(MADE_TITLE_MAX - 1).collect();
    }
    title.push('…');
    Some(title)
}

/// The longest quoted headline that opens a post, in characters.
const LED_IN_HEADLINE_MAX: usize = 140;

/// The headline in quotation marks that opens a paragraph and leads in to
/// the rest with a colon, as a blog that prints no titles opens each post
/// on the headline it comments on: "“Pier to Close for Winter”: The
/// Harbour Post reports…". The headline with its marks.
fn quoted_headline_led_in(text: &str) -> Option<&str> {
    let inner = text.strip_prefix(['“', '"'])?;
    let close = inner.find(['”', '"'])?;
    let mark = inner[close..].chars().next().map_or(1, char::len_utf8);
    let headline = &inner[..close];
    let end = text.len() - inner.len() + close + mark;
    (text[end..].starts_with(": ")
        && word_count(headline) >= 2
        && headline.chars().count() <= LED_IN_HEADLINE_MAX)
        .then(|| &text[..end])
}

/// A short line that ends in a colon with a heading's capitals: its first
/// word and every word of four letters or more open with a capital,
/// quotation marks aside ("Health Care:", "Michael Moore on the Auto
/// Industry:", "“The Fourth Republic”:"). A lead-in says who speaks or
/// what follows in a sentence's words ("Jo Lee writes:", "Here is the
/// list:").
///
/// One word ("Update:", "Note:") and a source led in by "From" or "Via"
/// ("From the Times:") lead in to what follows.
pub fn is_lead_in_heading(text: &str) -> bool {
    /// The longest such heading, in bytes.
    const MAX_LEN: usize = 60;
    let Some(words) = text.strip_suffix(':') else {
        return false;
    };
    let words = words.trim_matches(['"', '“', '”', '\'', '‘', '’']);
    let first = words.split_whitespace().next().unwrap_or_default();
    text.len() <= MAX_LEN
        && word_count(words) >= 2
        && !["From", "Via"].contains(&first)
        && capitalised_as_heading(words)
}

/// Whether the first word and every word of four letters or more open
/// with a capital, as a heading's words do ("Michael Moore on the Auto
/// Industry"), where a sentence's go on in lower case.
pub(super) fn capitalised_as_heading(words: &str) -> bool {
    let opens_capital = |word: &str| word.starts_with(|c: char| c.is_uppercase());
    words.split_whitespace().next().is_some_and(opens_capital)
        && words
            .split_whitespace()
            .filter(|word| word.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .all(opens_capital)
}

/// A headline that opens on a quoted phrase and goes on in a heading's
/// capitals: "“Heated Rhetoric” And The Shooting". A line of text that
/// opens on a quotation goes on in lower case ("“Quit,” she said") or
/// quotes again.
///
/// Accepts the first; rejects "“Quit,” she said", "“One.” “Two.”" and
/// "“We will not back down”" (wholly quoted: [`is_wholly_quoted`]).
fn is_quote_led_headline(text: &str) -> bool {
    let Some(inner) = text.strip_prefix(['“', '"']) else {
        return false;
    };
    let Some(close) = inner.find(['”', '"']) else {
        return false;
    };
    // The closing mark is one character; the rest follows it.
    let mark = inner[close..].chars().next().map_or(1, char::len_utf8);
    let (quoted, rest) = (&inner[..close], inner[close + mark..].trim());
    !quoted.is_empty()
        && !quoted.ends_with(['.', ',', '!', '?'])
        && !rest.starts_with(['“', '"'])
        && word_count(rest) >= 2
        && capitalised_as_heading(rest)
}

/// Prose taken for a title because the page prints none: too long for a
/// title, or two sentences ([`title_for_untitled`] makes it one).
pub fn is_untitled_prose(text: &str) -> bool {
    let chars = text.chars().count();
    let ends_sentence = text
        .trim_end_matches(['”', '"', '’', ')'])
        .ends_with(['.', '!', '?']);
    chars > 160
        || is_long_statement(text)
        || (chars > 60 && ends_sentence && has_inner_sentence_break(text))
}

/// The first sentence of `text`, where it ends before its last: a mark,
/// a space and a capital, after four words or more, and not after an
/// initial or a title ("J. R. Smith", "Mr. Key").
fn first_sentence(text: &str) -> Option<&str> {
    const TITLES: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen", "Sen", "Rep", "Gov",
    ];
    text.char_indices().find_map(|(at, c)| {
        if !matches!(c, '.' | '?' | '!')
            || !text[at + 1..].starts_with(' ')
            || !text[at + 2..].starts_with(|c: char| c.is_uppercase() || c == '“')
        {
            return None;
        }
        let sentence = &text[..=at];
        let last_word = sentence[..at]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let abbreviated = c == '.'
            && (last_word.chars().count() == 1
                || TITLES.contains(&last_word)
                || last_word.contains('.'));
        (!abbreviated && sentence.split_whitespace().count() >= 4).then_some(sentence)
    })
}

/// Best set of indices from `start` on (with `start` when `force_first`)
/// among the `n` candidates, with positive total gain, no two adjacent
/// unless the first needs no body: a title is followed by at least one
/// paragraph of its own post, or by furniture that ends it. `gains` holds
/// the candidates with a positive gain, in order: no other is ever chosen.
fn choose(
    gains: &[(usize, f32)],
    n: usize,
    start: usize,
    body_optional: impl Fn(usize) -> bool,
    force_first: bool,
) -> Vec<usize> {
    // The first index open to another title after a title at i.
    let after = |i: usize| if body_optional(i) { i + 1 } else { i + 2 };
    // The best total gain of titles chosen among i.., when i may be
    // chosen, for the two indices above i: taking i rules out i + 1 (a post
    // needs a body) unless its body is optional, and the last paragraph
    // opens a post only then. It changes only at an index with a gain.
    let lowest = start + usize::from(force_first);
    let open = &gains[gains.partition_point(|&(at, _)| at < lowest)..];
    let mut taken = vec![false; open.len()];
    let mut unseen = open.len();
    let (mut best_next, mut best_after_next) = (0.0f32, 0.0f32);
    for i in (lowest..n).rev() {
        let mut best = best_next;
        if unseen > 0 && open[unseen - 1].0 == i {
            unseen -= 1;
            let optional = body_optional(i);
            let with = open[unseen].1 + if optional { best_next } else { best_after_next };
            if with > best_next && (i + 1 < n || optional) {
                best = with;
                taken[unseen] = true;
            }
        }
        best_after_next = best_next;
        best_next = best;
    }
    let (mut chosen, mut next) = if force_first {
        (vec![start], after(start))
    } else {
        (Vec::new(), start)
    };
    for (&(at, _), _) in open.iter().zip(&taken).filter(|(_, taken)| **taken) {
        if at >= next {
            chosen.push(at);
            next = after(at);
        }
    }
    chosen
}

/// The shortest run of titles and teasers that makes an archive a listing.
const MIN_LISTED: usize = 3;

/// The longest caption of a listing's picture, in bytes.
const MAX_CAPTION_LEN: usize = 80;

/// Which paragraphs head a teaser in a listing: an archive page that
/// prints its posts as a title and one paragraph each, with nothing
/// between them. At least [`MIN_LISTED`] title-like lines in a row, each
/// between two paragraphs of prose, two paragraphs apart; fewer than one
/// in four of them may read as citations (a roundup of citations and quotes
/// is one post).
///
/// Accepts "Title / teaser / Title / teaser / Title / teaser"; rejects a
/// post whose subheadings have several paragraphs each, and "RNZ: … /
/// quote / Stuff: … / quote / BBC – … / quote".
fn listing(candidates: &Candidates<'_>) -> Listing {
    let n = candidates.len();
    // Every paragraph's shape is asked on all cores first: the walk below
    // is sequential. The paragraphs in a listing are marked in the same
    // bytes, and those that could head a post, which the scores ask again.
    let mut shapes: Vec<u8> = (0..n)
        .into_par_iter()
        .map(|k| {
            let p = candidates.at(k);
            let could = if could_head(&p) { COULD_HEAD } else { 0 };
            let teaser_shaped = !p.has(Evidence::IN_THREAD) && !p.is_list_item();
            could
                | if could != 0 && p.text().len() <= 110 {
                    // An excerpt cut short could head a post too ("When
                    // pollsters write…"): in a listing it is a teaser.
                    HEADS
                        | if teaser_shaped && is_excerpt_cut_short(p.text()) {
                            TEASER
                        } else {
                            0
                        }
                } else if teaser_shaped && (is_prose(p.text()) || is_excerpt_cut_short(p.text())) {
                    TEASER
                } else {
                    0
                }
        })
        .collect();
    let teaser = |shapes: &[u8], i: usize| shapes[i] & TEASER != 0;
    // A teaser, or the archive's last paragraph, which the scrape may have
    // cut short.
    let teaser_under = |shapes: &[u8], i: usize| i + 1 < n && (teaser(shapes, i + 1) || i + 2 == n);
    let member = |shapes: &[u8], i: usize| shapes[i] & HEADS != 0 && teaser_under(shapes, i);
    // Inside a listing, a short sentence may be a whole post ("A plague
    // on both your houses!"): a teaser where the listing goes on under it.
    // Under a question it is an answer, as interviews print them.
    const SHORT_TEASER_WORDS: usize = 12;
    let short_teaser = |shapes: &[u8], i: usize| {
        if i + 1 >= n {
            return false;
        }
        let text = candidates.at(i).text();
        text.ends_with(['.', '!', '?'])
            && word_count(text) <= SHORT_TEASER_WORDS
            && !candidates.at(i).is_list_item()
            && !candidates.at(i - 1).text().ends_with('?')
            && member(shapes, i + 1)
    };
    let member_within = |shapes: &[u8], i: usize| {
        member(shapes, i) || (shapes[i] & HEADS != 0 && short_teaser(shapes, i + 1))
    };
    // A short line that is no sentence and no teaser: a picture's caption
    // where it stands over a title.
    let is_caption = |shapes: &[u8], i: usize| {
        let text = candidates.at(i).text();
        shapes[i] & HEADS != 0
            && !teaser(shapes, i)
            && text.len() <= MAX_CAPTION_LEN
            && !text.ends_with(['.', ':', '!', '?', '…'])
    };
    let mut start = 0;
    while start < n {
        if !member_within(&shapes, start) {
            start += 1;
            continue;
        }
        let mut members = vec![start];
        let mut end = start;
        while end + 2 < n && (teaser(&shapes, end + 1) || short_teaser(&shapes, end + 1)) {
            // A picture's caption may stand between a teaser and the next
            // title ("New Orleans" over "2020: Not a Travel Year").
            let next = if member_within(&shapes, end + 2) {
                end + 2
            } else if end + 3 < n && is_caption(&shapes, end + 2) && member_within(&shapes, end + 3)
            {
                end + 3
            } else {
                break;
            };
            members.push(next);
            end = next;
        }
        let count = members.len();
        let cited = members
            .iter()
            .copied()
            .filter(|&i| candidates.at(i).has(Evidence::CITATION));
        let series = series_names(cited.clone().map(|i| candidates.at(i).text()));
        // Citations by a well-known outlet, and those by other names.
        let (known, unknown) = cited
            .filter_map(|i| {
                let name = sources::prefix_name(candidates.at(i).text());
                match name {
                    Some(name) if series.binary_search(&name).is_ok() => None,
                    Some(name) if sources::known_outlet(name).is_some() => Some(true),
                    _ => Some(false),
                }
            })
            .fold((0, 0), |(known, unknown), is_known| {
                if is_known {
                    (known + 1, unknown)
                } else {
                    (known, unknown + 1)
                }
            });
        // A name no outlet has over a line with a colon or a dash may be a
        // title's own ("Wednesday Motivational: Thank you"): where at least
        // as many lines of the listing are plain titles, so are those.
        let plain = count - known - unknown;
        let citations = if plain >= unknown {
            known
        } else {
            known + unknown
        };
        // Teasers the page cut short ("…the six...") are an archive's
        // own: two of them make a listing.
        let cut_short = || {
            members.iter().all(|&i| {
                let teaser = candidates.at(i + 1);
                teaser.text().ends_with('…') || teaser.text().ends_with("...")
            })
        };
        if (count >= MIN_LISTED || (count == MIN_LISTED - 1 && cut_short()))
            && citations * 4 < count
        {
            for i in members {
                shapes[i] |= LISTED;
            }
        }
        start = end + 1;
    }
    Listing(shapes)
}

/// The names that three citation-shaped `lines` or more open with, where
/// none is a well-known outlet's, sorted: a blog's series ("Weekend Music
/// Thread – Cruisin"), not an outlet. A well-known outlet's name is an
/// outlet's however often it recurs ("RNZ: …" over each quote of a
/// roundup).
fn series_names<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = lines.filter_map(sources::prefix_name).collect();
    names.sort_unstable();
    let series: Vec<&str> = names
        .chunk_by(|a, b| a == b)
        .filter(|same| same.len() >= 3 && sources::known_outlet(same[0]).is_none())
        .map(|same| same[0])
        .collect();
    series
}

/// What [`listing`] finds of each paragraph, as bits: it could head a
/// teaser, it is a teaser, it heads one in a listing.
const HEADS: u8 = 1;
const TEASER: u8 = 2;
const LISTED: u8 = 4;
/// It could head a post at all ([`could_head`]), whatever its length.
const COULD_HEAD: u8 = 8;

/// The paragraphs that head a teaser in a listing ([`listing`]), and
/// those that could head a post at all: asked of every paragraph there,
/// and again by the scores.
struct Listing(Vec<u8>);

impl Listing {
    fn contains(&self, i: usize) -> bool {
        self.0[i] & LISTED != 0
    }

    /// Whether the paragraph could head a post ([`could_head`]).
    fn could_head(&self, i: usize) -> bool {
        self.0[i] & COULD_HEAD != 0
    }
}

fn title_score(candidates: &Candidates<'_>, listing: &Listing, i: usize) -> f32 {
    let this = candidates.at(i);
    let text = this.text();
    let listed = listing.contains(i);
    // In a listing, a title that looks like a citation is a title.
    if !listing.could_head(i) || (this.has(Evidence::CITATION) && !listed) {
        return f32::NEG_INFINITY;
    }
    if this.has(Evidence::GLUED_UNDER_TITLE_FURNITURE) {
        return f32::NEG_INFINITY;
    }
    // A quoted phrase heads a post only where the archive's furniture
    // stands by it: without that it is the post's own quote.
    let furnished = this.evidence.intersects(
        Evidence::BYLINE_FOLLOWS | Evidence::POST_END_PRECEDES | Evidence::DATE_PRECEDES,
    );
    if !furnished && text.starts_with(['“', '"']) && !is_quote_led_headline(text) {
        return f32::NEG_INFINITY;
    }
    let mut score = if listed { LISTED_BONUS } else { 0.0 };
    let chars = text.chars().count();
    score += match chars {
        0..=11 => -1.0,
        12..=90 => 1.0,
        91..=110 => 0.0,
        _ => -1.5,
    };
    let trails_off = text.ends_with('…') || text.ends_with("...");
    if trails_off {
        // "When pollsters write…" heads a post as well as it leads into a
        // quote; what follows it tells which, unless the post's furniture
        // stands by it: a title may run on into its post's first line
        // ("My fear about the nominee…" over "…was always that").
        let continued = candidates.get(i + 1).is_none_or(|next| {
            next.text().starts_with(['…', '.', '“', '"'])
                || next.text().starts_with(char::is_lowercase)
        });
        if continued && !furnished {
            return f32::NEG_INFINITY;
        }
        score -= 1.0;
    }
    score += match text.chars().last() {
        Some('.') if trails_off => 0.0,
        Some('.') => -4.0,
        // A sentence that ends inside its quotation marks ends all the same.
        Some('”' | '"') if text.trim_end_matches(['”', '"']).ends_with('.') => -4.0,
        Some('”' | '"') => -2.0,
        Some('?' | '!') => -0.5,
        _ => 0.5,
    };
    // "What? The Age is still publishing?": a headline may hold two
    // sentences; in a listing the teasers say which lines are headlines.
    if has_inner_sentence_break(text) && !listed {
        score -= 1.5;
    }
    if is_running_sentence(text) {
        score -= 1.5;
    }
    if is_exclaimed_sentence(text) || opens_on_conjunction(text) {
        score -= 1.0;
    }
    if is_bare_name(text) {
        score -= 1.0;
    }
    if this.paragraph.had_nbsp() {
        score += 0.5;
    }
    if this.has(Evidence::BYLINE_FOLLOWS) {
        score += 5.0;
    }
    if this.has(Evidence::POST_END_PRECEDES) {
        score += 5.0;
    }
    if this.has(Evidence::DATE_PRECEDES) {
        score += 3.0;
    }
    if this.has(Evidence::POST_END_FOLLOWS) {
        score += 2.0;
    }
    if let Some(prev) = i.checked_sub(1).map(|p| candidates.at(p)) {
        // A listing's first title may follow the page's header.
        let before = previous_paragraph_score(&prev);
        score += if listed { before.max(0.0) } else { before };
        // A citation before a title is the end of the previous post, not a
        // line of a transcript, however it is labelled.
        let in_transcript = (!prev.has(Evidence::CITATION) && is_speaker_line(prev.text()))
            || candidates
                .get(i + 1)
                .is_some_and(|n| is_speaker_line(n.text()));
        if in_transcript && is_speaker_line(text) {
            score -= 3.0;
        }
    }
    match candidates.get(i + 1) {
        None if this.has(Evidence::POST_END_FOLLOWS) => {}
        None => score -= 4.0,
        // A listing's teaser is the post's text, whatever it opens with.
        Some(next) if listed => score += next_paragraph_score(&next).max(0.0),
        Some(next) => score += next_paragraph_score(&next),
    }
    // The overlap moves a score by -0.5 to +1; it cannot save a paragraph
    // further below the threshold, and it is the costly part, so skip it then.
    // Readers' comments are not what the title is about.
    let following = (i + 1..candidates.len().min(i + 5))
        .map(|k| candidates.at(k))
        .take_while(|p| !p.has(Evidence::IN_THREAD));
    if score > THRESHOLD - 1.0
        && candidates
            .get(i + 1)
            .is_some_and(|next| !next.has(Evidence::IN_THREAD))
    {
        score += topical_overlap(text, following.map(|p| p.text()));
    }
    score
}

/// What being in a listing adds to a title's score.
const LISTED_BONUS: f32 = 2.0;

/// Shapes that can never be a title, a citation's aside. The cheap tests
/// come first: most paragraphs are long prose and fail on length alone.
fn could_head(p: &Features<'_>) -> bool {
    let text = p.text();
    // The length is known without reading the text: most paragraphs are
    // ruled out before their text is fetched from memory.
    if text.len() > 160
        || p.is_list_item()
        || p.evidence
            .intersects(Evidence::IN_THREAD | Evidence::CONTRIBUTOR)
    {
        return false;
    }
    let Some(first) = text.chars().next() else {
        return false;
    };
    // A rule of dashes or stars heads nothing.
    if !text.chars().any(char::is_alphanumeric) {
        return false;
    }
    // "<jo_b> he's gonna get a visit": a chat log's line, quoted.
    !(first.is_lowercase()
        || matches!(first, '…' | '(' | '[' | '<' | '•' | '-' | '—' | '–' | '*')
        || (matches!(first, '“' | '"') && !is_wholly_quoted(text) && !is_quote_led_headline(text))
        // "[A snippet from the paper:]": a colon inside a closing bracket
        // leads on as one outside it does.
        || text.trim_end_matches([']', ')']).ends_with(':')
        || text.ends_with(',')
        || text.ends_with(';')
        || never_heads(text)
        || is_credited_caption(text)
        || text.contains("://")
        || super::furniture::is_comment_stamp(text)
        || word_count(text) > 22)
}

/// A short phrase in quotation marks and nothing else: a title that
/// quotes its subject ("“I don't quit”"), though in a post's text it is as
/// often a quote of its own; the archive's furniture tells which
/// ([`title_score`]).
///
/// Accepts "“I don't quit”"; rejects "“Quit,” she said", "“One.” “Two.”"
/// and a quoted paragraph.
fn is_wholly_quoted(text: &str) -> bool {
    let inner = text
        .strip_prefix(['“', '"'])
        .and_then(|rest| rest.strip_suffix(['”', '"']));
    inner.is_some_and(|inner| {
        !inner.contains(['“', '”', '"']) && !inner.is_empty() && word_count(inner) <= 12
    })
}

/// A photo's caption with its credit after it: a sentence, then two words
/// or more in brackets ("Jo Lee at the pier. (Harbour Post file)"). A
/// title's bracket follows no full stop ("Ferry fares (4 letters)").
///
/// Accepts "Jo Lee at the pier. (Harbour Post file)"; rejects "Ferry fares
/// (4 letters)", "Tolls up. (Updated)" and "Fares: where we are . . .
/// (Part II, the Berths)" (dots that trail off end no sentence).
fn is_credited_caption(text: &str) -> bool {
    text.strip_suffix(')')
        .and_then(|inner| inner.rsplit_once('('))
        .is_some_and(|(before, credit)| {
            let before = before.trim_end();
            let trails_off = before
                .strip_suffix('.')
                .is_some_and(|rest| rest.trim_end().ends_with('.'));
            before.ends_with('.') && !trails_off && credit.split_whitespace().count() >= 2
        })
}

/// A line that leads on to something the page does not print as its
/// title would: a link onwards ("More in this category →", "Share more »"),
/// or a sentence cut off at a word that needs what follows it ("Sign the
/// petition at", a link the scrape dropped). Such a line heads nothing.
///
/// Accepts "Share more »", "Sign the petition at"; rejects "Tolls up
/// again", "Game On" (a capital word ends a title as it is), "The argument
/// goes on" (a particle ends a phrasal verb as often as it needs an object).
pub fn never_heads(text: &str) -> bool {
    /// Words a title does not end in: prepositions that need an object,
    /// articles and conjunctions.
    const DANGLING: &[&str] = &[
        "a", "an", "and", "at", "by", "from", "into", "of", "onto", "or", "the", "via", "with",
    ];
    text.ends_with(['→', '»', '›']) || last_word_in(text, DANGLING)
}

/// A list item that stops at a word which may need an object ("Coming
/// home for the holidays on", a pingback's remains), with text indented
/// under it, reads on into that text: it heads no post.
///
/// Accepts "Coming home for the holidays on"; rejects "Tolls up again".
pub fn item_reads_on(text: &str) -> bool {
    never_heads(text) || last_word_in(text, &["for", "in", "on", "to"])
}

/// Whether the last of two words or more of `text` is one of `words`.
fn last_word_in(text: &str, words: &[&str]) -> bool {
    text.rsplit_once(' ')
        .is_some_and(|(_, last)| words.contains(&last))
}

fn previous_paragraph_score(prev: &Features<'_>) -> f32 {
    let text = prev.text();
    if prev.has(Evidence::CITATION) {
        return 0.5;
    }
    // An excerpt cut short ("… it will represent a […]") ends as a
    // sentence does: the teaser is over.
    if text.ends_with("[…]") || text.ends_with("[...]") {
        return 1.0;
    }
    match text.chars().last() {
        Some(':') => -2.0,
        // "Sincerely yours," and the name under it: one sign-off.
        Some(',') => -3.0,
        Some('.' | '!' | '?' | '”' | '’' | '"' | ')') => 1.0,
        // Another heading-like line right before: at most one of the two is
        // the title, and the earlier one is the likelier.
        _ if !has_chars(text, 111) && !prev.is_list_item() => -1.5,
        _ => 0.0,
    }
}

fn next_paragraph_score(next: &Features<'_>) -> f32 {
    let text = next.text();
    if next.has(Evidence::CONTRIBUTOR) {
        return 1.0;
    }
    // Readers' comments are no post's text: a line right above a thread
    // ends the post before it (a caption, a credit) unless the furniture
    // says otherwise.
    if next.has(Evidence::IN_THREAD) {
        return -3.0;
    }
    if !text.contains(' ') && text.contains("://") {
        return -2.5;
    }
    let first = text.chars().next();
    if matches!(first, Some('“' | '"')) {
        return -2.0;
    }
    if next.has(Evidence::CITATION) {
        return 0.0;
    }
    if has_chars(text, 100) {
        1.5
    } else if text.ends_with('.') && has_chars(text, 40) {
        0.5
    } else {
        0.0
    }
}

/// Whether `text` has at least `count` characters. A character takes at
/// most four bytes, so a text of `4 * count` bytes has them whatever it
/// holds; only shorter ones are counted (std counts a word of bytes at a
/// time). Every paragraph's neighbours are asked, and most are long.
/// A sentence or more that the page cut short with an ellipsis, as a
/// listing prints its excerpts ("…there's still a print edition.…").
fn is_excerpt_cut_short(text: &str) -> bool {
    (text.ends_with('…') || text.ends_with("...")) && has_chars(text, 40)
}

fn has_chars(text: &str, count: usize) -> bool {
    text.len() >= count && (text.len() >= 4 * count || text.chars().count() >= count)
}

/// "Kernen: That’s interesting." — a labelled line of a transcript: a label
/// of one or two words, then ": " and more.
///
/// Read only as far as a third word: the neighbours of every would-be title
/// are asked, and most are long paragraphs.
fn is_speaker_line(text: &str) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for (at, c) in text.char_indices() {
        if c == ':' && text[at + 1..].starts_with(' ') {
            return (1..=2).contains(&(words + usize::from(in_word)))
                && text.chars().next().is_some_and(char::is_uppercase)
                && text.len() > at + 2;
        }
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words > 2 {
                    return false;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    false
}

/// "Chris Trotter": two or three capitalised words and nothing else, the
/// way an author signs a post off. A title can be a name, but needs more
/// evidence then.
fn is_bare_name(text: &str) -> bool {
    let words = word_count(text);
    (2..=3).contains(&words)
        && text.len() <= 30
        && text.split(' ').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        })
}

/// "Not now. Not in five years" — more than one sentence.
fn has_inner_sentence_break(text: &str) -> bool {
    let mut chars = text.chars();
    let mut window = (chars.next(), chars.next());
    for third in chars {
        if let (Some(first), Some(' ')) = window
            && matches!(first, '.' | '?' | '!')
            && (third.is_uppercase() || third == '“')
        {
            return true;
        }
        window = (window.1, Some(third));
    }
    false
}

/// "I made it for her, and like your sister she wears it every day!" — a
/// long sentence in lower case with a clause after a comma: a line of the
/// text the scrape set apart, not a heading. Titles this long capitalise
/// their words or run without a comma.
///
/// Accepts the line above; rejects "The Most Incredible Story of Resilience
/// Ever to Grace the Pages of the Harbour Post" and "Why the ferry is late
/// again and what the council could do about it".
fn is_running_sentence(text: &str) -> bool {
    const LONG: usize = 15;
    word_count(text) >= LONG
        && text.contains(", ")
        && text.ends_with(['.', '!', '?'])
        && mostly_lower_case(text)
}

/// Whether three in four words after the first open in lower case, as a
/// sentence's do and a capitalised title's do not.
fn mostly_lower_case(text: &str) -> bool {
    let lower = text
        .split(' ')
        .skip(1)
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    lower * 4 >= word_count(text).saturating_sub(1) * 3
}

/// "Congratulations to your husband and to the baby's big brother!" — a
/// sentence of eight words or more in lower case that ends in an
/// exclamation: a line of the post said aloud, more often than a title.
///
/// Accepts the line above; rejects "Go Team!", "Let's Get Positive! The
/// Season Starts Here" and "Ferry fares up again".
fn is_exclaimed_sentence(text: &str) -> bool {
    const LONG: usize = 8;
    text.ends_with('!') && word_count(text) >= LONG && mostly_lower_case(text)
}

/// "Or they voted to wait. Who knows?" — a line that opens on a
/// conjunction and goes on in lower case carries on the sentence above
/// it; "And Then There Were None" capitalises its words as a title does.
///
/// Accepts the line above and "But the council said no"; rejects "And
/// Then There Were None" and "So What?".
fn opens_on_conjunction(text: &str) -> bool {
    let mut words = text.split(' ');
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    ["And", "But", "Or", "So", "Yet"].contains(&first)
        && second.starts_with(char::is_lowercase)
        && word_count(text) >= 4
}

/// Up to +1 when the title's content words come back in the next paragraphs,
/// -0.5 when none does.
fn topical_overlap<'a>(title: &str, following: impl Iterator<Item = &'a str>) -> f32 {
    let mut words: Vec<String> = content_words(title).collect();
    words.sort_unstable();
    words.dedup();
    if words.is_empty() {
        return 0.0;
    }
    // The body is read word by word without building its word set, and
    // stops as soon as half the title words have come back: the overlap
    // is then at its most, whatever else comes back.
    let mut found = vec![false; words.len()];
    let mut shared = 0;
    'paragraphs: for paragraph in following {
        for candidate in candidate_words(paragraph) {
            for (word, seen) in words.iter().zip(found.iter_mut()) {
                if !*seen && is_content_word(candidate, word) {
                    *seen = true;
                    shared += 1;
                    if 2 * shared >= words.len() {
                        break 'paragraphs;
                    }
                }
            }
        }
    }
    if shared == 0 {
        -0.5
    } else {
        (shared as f32 / words.len() as f32 * 2.0).min(1.0)
    }
}

/// Words in cleaned text, where every gap between words is one space.
fn word_count(text: &str) -> usize {
    if text.is_empty() {
        0
    } else {
        memchr::memchr_iter(b' ', text.as_bytes()).count() + 1
    }
}

/// Words of four letters or more, possessive dropped, as written.
fn candidate_words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .map(strip_possessives)
        .filter(|w| w.len() >= 4 && w.chars().count() >= 4)
}

/// "Trump’s" → "Trump", as many times as the suffix repeats.
fn strip_possessives(mut word: &str) -> &str {
    while let Some(stem) = word.strip_suffix("’s") {
        word = stem;
    }
    while let Some(stem) = word.strip_suffix("'s") {
        word = stem;
    }
    word
}

/// Whether a candidate word is `content` once lower-cased and made singular
/// as [`content_words`] does; ASCII words are compared in place.
fn is_content_word(candidate: &str, content: &str) -> bool {
    if !candidate.is_ascii() {
        return stem(candidate) == content;
    }
    let bytes = candidate.as_bytes();
    let n = bytes.len();
    let plural =
        bytes[n - 1].eq_ignore_ascii_case(&b's') && !bytes[n - 2].eq_ignore_ascii_case(&b's');
    let len = if plural { n - 1 } else { n };
    content.len() == len && candidate[..len].eq_ignore_ascii_case(content)
}

/// Lower-cased words of four letters or more, with a plural `s` and a
/// possessive dropped so that "elections" meets "election".
fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    candidate_words(text)
        .map(stem)
        .filter(|w| !COMMON.contains(&w.as_str()))
}

/// "Elections" → "election": lower case, a plural `s` dropped.
fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    match lower.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') => stem.to_string(),
        _ => lower,
    }
}

/// Words too common to say what a paragraph is about.
const COMMON: &[&str] = &[
    "that", "this", "with", "from", "have", "been", "were", "what", "when", "will", "would",
    "there", "their", "they", "them", "than", "then", "into", "about", "after", "over", "more",
    "some", "said", "also", "just", "only", "very", "like", "your", "which", "while", "where",
    "could", "should", "being", "does", "done", "many", "much", "most", "other", "such", "these",
    "those", "here", "each", "make", "made",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs and what is known of them, every one a candidate.
    struct Archive {
        paragraphs: Vec<Paragraph>,
        kept: Vec<u32>,
        evidence: Vec<Evidence>,
    }

    impl Archive {
        fn titles(&self) -> Vec<usize> {
            title_indices(&Candidates::new(
                &self.paragraphs,
                &self.kept,
                &self.evidence,
            ))
        }
    }

    fn paragraph(text: &str) -> Paragraph {
        Paragraph::from(text)
    }

    /// Paragraphs with nothing known about their neighbours.
    fn features(texts: &[&str]) -> Archive {
        Archive {
            paragraphs: texts.iter().map(|t| paragraph(t)).collect(),
            kept: (0..texts.len() as u32).collect(),
            evidence: vec![Evidence::empty(); texts.len()],
        }
    }

    /// The choice of titles as first written, with a gain and a best total
    /// for every paragraph: kept to check the choice among the paragraphs
    /// with a gain against.
    fn choose_dense(gains: &[f32], body_optional: &[bool], force_first: bool) -> Vec<usize> {
        let n = gains.len();
        let after = |i: usize| if body_optional[i] { i + 1 } else { i + 2 };
        let mut best = vec![0.0f32; n + 2];
        let mut take = vec![false; n];
        let lowest = usize::from(force_first);
        for i in (lowest..n).rev() {
            let skip = best[i + 1];
            let with = gains[i] + best[after(i)];
            if gains[i] > 0.0 && with > skip && (i + 1 < n || body_optional[i]) {
                best[i] = with;
                take[i] = true;
            } else {
                best[i] = skip;
            }
        }
        let (mut chosen, mut i) = if force_first {
            (vec![0], after(0))
        } else {
            (Vec::new(), 0)
        };
        while i < n {
            if take[i] {
                chosen.push(i);
                i = after(i);
            } else {
                i += 1;
            }
        }
        chosen
    }

    /// The speaker test as first written, searching the whole text: kept to
    /// check the test that stops at the third word against.
    fn is_speaker_line_whole(text: &str) -> bool {
        let Some(at) = text.find(": ") else {
            return false;
        };
        let (label, rest) = (&text[..at], &text[at + 2..]);
        let words = label.split_whitespace().count();
        (1..=2).contains(&words)
            && label.chars().next().is_some_and(char::is_uppercase)
            && !rest.is_empty()
    }

    /// The overlap as first written: the body read until every title word
    /// has come back.
    fn topical_overlap_read_on<'a>(title: &str, following: impl Iterator<Item = &'a str>) -> f32 {
        let mut words: Vec<String> = content_words(title).collect();
        words.sort_unstable();
        words.dedup();
        if words.is_empty() {
            return 0.0;
        }
        let mut found = vec![false; words.len()];
        for paragraph in following {
            for candidate in candidate_words(paragraph) {
                for (word, seen) in words.iter().zip(found.iter_mut()) {
                    *seen |= is_content_word(candidate, word);
                }
            }
        }
        let shared = found.iter().filter(|&&seen| seen).count();
        if shared == 0 {
            -0.5
        } else {
            (shared as f32 / words.len() as f32 * 2.0).min(1.0)
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_overlap_is_what_reading_on_finds(
            (title, following) in (
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        "tolls", "Bridge", "harbour", "elections", "Trump’s", "vote", "the", " ", "É",
                    ]),
                    0..8,
                ),
                proptest::collection::vec(
                    proptest::collection::vec(
                        proptest::sample::select(vec![
                            "toll", "bridges", "Harbour", "election", "trump", "voters", "and", " ", ".",
                        ]),
                        0..12,
                    ),
                    0..4,
                ),
            ),
        ) {
            let title = title.join(" ");
            let following: Vec<String> = following.iter().map(|words| words.join(" ")).collect();
            proptest::prop_assert_eq!(
                topical_overlap(&title, following.iter().map(String::as_str)),
                topical_overlap_read_on(&title, following.iter().map(String::as_str)),
                "{:?} {:?}", title, following
            );
        }

        #[test]
        fn titles_chosen_among_the_gains_are_those_chosen_among_every_paragraph(
            paragraphs in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        f32::NEG_INFINITY, -3.5, -0.5, 0.0, 0.5, 1.0, 1.5, 2.25, 4.0, 7.5,
                    ]),
                    proptest::bool::ANY,
                ),
                1..40,
            ),
            force_first in proptest::bool::ANY,
            start in 0usize..40,
        ) {
            let n = paragraphs.len();
            let start = start % n;
            let (gains, body_optional): (Vec<f32>, Vec<bool>) = paragraphs.into_iter().unzip();
            let positive: Vec<(usize, f32)> = gains
                .iter()
                .enumerate()
                .filter(|&(_, &gain)| gain > 0.0)
                .map(|(i, &gain)| (i, gain))
                .collect();
            let dense: Vec<usize> = choose_dense(&gains[start..], &body_optional[start..], force_first)
                .into_iter()
                .map(|i| i + start)
                .collect();
            let sparse = choose(&positive, n, start, |i| body_optional[i], force_first);
            proptest::prop_assert_eq!(sparse, dense);
        }

        #[test]
        fn evidence_reads_back_as_set(facts in proptest::collection::vec(proptest::bool::ANY, 8)) {
            let flags = [
                Evidence::CITATION,
                Evidence::CONTRIBUTOR,
                Evidence::IN_THREAD,
                Evidence::BYLINE_FOLLOWS,
                Evidence::POST_END_PRECEDES,
                Evidence::DATE_PRECEDES,
                Evidence::POST_END_FOLLOWS,
                Evidence::GLUED_UNDER_TITLE_FURNITURE,
            ];
            let mut evidence = Evidence::empty();
            for (&flag, &fact) in flags.iter().zip(&facts) {
                evidence.set(flag, fact);
            }
            let features = Features { paragraph: &Paragraph::default(), evidence };
            for (&flag, &fact) in flags.iter().zip(&facts) {
                proptest::prop_assert_eq!(features.has(flag), fact, "{:?}", flag);
            }
        }

        #[test]
        fn speaker_lines_are_found_as_by_a_whole_search(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Kernen", "jane", "Жанна", "É", " ", "  ", ":", ": ", "\u{a0}", "\t", "x",
                    "That’s interesting.", "::",
                ]),
                0..8,
            ),
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(is_speaker_line(&text), is_speaker_line_whole(&text), "{:?}", text);
            for count in 1..12 {
                proptest::prop_assert_eq!(has_chars(&text, count), text.chars().count() >= count);
            }
        }

        #[test]
        fn prose_is_what_it_was_with_its_length_asked_first(
            text in "[a.!?”\"é€]{0,130}",
        ) {
            let chars = text.chars().count();
            let by_length_first =
                chars >= 111 || (chars >= 40 && text.ends_with(['.', '!', '?', '”', '"']));
            proptest::prop_assert_eq!(is_prose(&text), by_length_first, "{:?}", text);
        }
    }

    const LONG_A: &str = "The minister announced a review of the harbour bridge tolls on Monday, saying that the current charges were unfair to commuters from the north.";
    const LONG_B: &str = "Critics of the harbour bridge plan say the review is a delaying tactic and that tolls will rise again after the election whatever it finds.";

    #[test]
    fn a_name_over_three_titles_is_a_series_unless_an_outlet_has_it() {
        let names = |lines: &[&'static str]| series_names(lines.iter().copied());
        assert_eq!(
            names(&[
                "Harbour Notes – Low tide",
                "Harbour Notes – The ferry",
                "Harbour Notes – Kingfishers",
            ]),
            ["Harbour Notes"]
        );
        assert!(names(&["Harbour Notes – Low tide", "Harbour Notes – The ferry"]).is_empty());
        assert!(names(&["RNZ: Tolls up", "RNZ: Buses late", "RNZ: Ferry cut"]).is_empty());
    }

    #[test]
    fn sentences_said_aloud_or_carried_on_read_less_like_titles() {
        assert!(is_exclaimed_sentence(
            "Congratulations to your husband and to the baby's big brother!"
        ));
        for title in [
            "Go Team!",
            "Let's Get Positive! The Season Starts Here Today",
            "Ferry fares up again",
        ] {
            assert!(!is_exclaimed_sentence(title), "{title}");
        }
        assert!(opens_on_conjunction("Or they voted to wait. Who knows?"));
        assert!(opens_on_conjunction("But the council said no"));
        for title in ["And Then There Were None", "So What?", "But why?"] {
            assert!(!opens_on_conjunction(title), "{title}");
        }
    }

    #[test]
    fn splits_two_posts_with_nothing_between_them() {
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "That is a start.",
            "Harbour bridge critics cry foul",
            LONG_B,
            "We will see.",
        ]);
        assert_eq!(paragraphs.titles(), [0, 3]);
    }

    #[test]
    fn paragraphs_left_out_of_the_candidates_are_not_weighed() {
        let mut archive = features(&[
            "Bridge tolls under review",
            "By Jane",
            LONG_A,
            "That is a start.",
            "Harbour bridge critics cry foul",
            "17 November 2017",
            LONG_B,
            "We will see.",
        ]);
        // Without the byline and the date, as the loader leaves furniture out.
        archive.kept = vec![0, 2, 3, 4, 6, 7];
        archive.evidence.truncate(archive.kept.len());
        assert_eq!(archive.titles(), [0, 3]);
        // The short lines weighed as paragraphs make other choices.
        archive.kept = (0..8).collect();
        archive.evidence = vec![Evidence::empty(); 8];
        assert_ne!(archive.titles(), [0, 3]);
    }

    #[test]
    fn lead_ins_questions_before_quotes_and_sentences_are_not_titles() {
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "What did the minister say exactly?",
            "“We will look at everything,” she said.",
            "On the tolls…",
            "…she said they were unfair.",
            "That is a start.",
            LONG_B,
        ]);
        assert_eq!(paragraphs.titles(), [0]);
    }

    #[test]
    fn of_two_headings_in_a_row_only_the_first_opens_the_post() {
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "That is all for now.",
            "Easy win for the harbour bridge review",
            "Poll of commuters: 65% support, 35% oppose",
            "That’s no surprise at all to anyone here.",
            LONG_B,
        ]);
        assert_eq!(paragraphs.titles(), [0, 3]);
    }

    #[test]
    fn a_line_before_a_bare_url_is_not_a_title() {
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "Results are expected around 7pm (about 6am NZ time)",
            "https://example.org/live",
            LONG_B,
        ]);
        assert_eq!(paragraphs.titles(), [0]);
    }

    #[test]
    fn transcript_lines_are_not_titles() {
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "Host: So would you go back on it? Are you opening the door?",
            "Minister: Are you surprised to hear me say that?",
            "Host: I am a little bit, yes, I’m a little taken aback.",
            LONG_B,
        ]);
        assert_eq!(paragraphs.titles(), [0]);
    }

    #[test]
    fn bylines_and_read_more_decide_boundaries() {
        let mut paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "tolls: a history",
            LONG_B,
        ]);
        paragraphs.evidence[2] |= Evidence::POST_END_PRECEDES;
        // Lower case first letter: still never a title.
        assert_eq!(paragraphs.titles(), [0]);
        paragraphs.paragraphs[2] = paragraph("Tolls: a history.");
        assert_eq!(paragraphs.titles(), [0, 2]);
    }

    const TEASER: &str = "The council met on Tuesday and decided, after a long and heated debate, that the bridge tolls would rise again in March…";

    #[test]
    fn in_a_listing_of_titles_and_teasers_a_citation_shaped_title_is_a_title() {
        let mut paragraphs = features(&[
            "Tolls up again",
            TEASER,
            "Buses late again",
            TEASER,
            "Ferry fares: who pays?",
            TEASER,
            "The week the trains stopped",
            TEASER,
            "Rates rise again",
            TEASER,
        ]);
        paragraphs.evidence[4] |= Evidence::CITATION;
        assert_eq!(paragraphs.titles(), [0, 2, 4, 6, 8]);
        // A roundup of citations, each with its quote, is one post.
        let mut roundup = features(&[
            "Bridge tolls under review",
            TEASER,
            "RNZ: Tolls up again",
            TEASER,
            "Stuff: Buses late again",
            TEASER,
            "BBC – Ferry fares rise",
            TEASER,
        ]);
        for p in [2, 4, 6] {
            roundup.evidence[p] |= Evidence::CITATION;
        }
        assert_eq!(roundup.titles(), [0]);
    }

    #[test]
    fn a_date_above_a_short_line_makes_it_a_title() {
        let mut paragraphs = features(&[
            "Contributors",
            "Tonight",
            "The second debate is tonight, and the race has changed a great deal since the first one, when the president looked tired.",
            LONG_B,
        ]);
        assert_eq!(paragraphs.titles(), [0]);
        paragraphs.evidence[1] |= Evidence::DATE_PRECEDES;
        assert_eq!(paragraphs.titles(), [1]);
    }

    #[test]
    fn a_line_that_trails_off_is_a_title_unless_what_follows_goes_on_from_it() {
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "That is all.",
            "When pollsters write…",
            LONG_B,
        ]);
        assert_eq!(paragraphs.titles(), [0, 3]);
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "That is all.",
            "When pollsters write…",
            "…they rarely say how.",
        ]);
        assert_eq!(paragraphs.titles(), [0]);
    }

    #[test]
    fn a_link_on_or_a_line_cut_off_at_a_preposition_heads_nothing() {
        for line in [
            "Share more »",
            "More in this category →",
            "Sign the petition to the party chair at",
        ] {
            assert!(never_heads(line), "{line}");
        }
        for line in ["Tolls up again", "Game On", "The argument goes on", "At"] {
            assert!(!never_heads(line), "{line}");
        }
        assert!(item_reads_on("Coming home for the holidays on"));
        assert!(!item_reads_on("Tolls up again"));
    }

    #[test]
    fn a_sign_off_and_a_caption_over_comments_are_not_titles() {
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "Sincerely yours,",
            "The Owner of this Blog",
            LONG_B,
        ]);
        assert_eq!(paragraphs.titles(), [0]);
        let mut paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "That is all.",
            "Image via Wikipedia",
            LONG_B,
        ]);
        assert_eq!(paragraphs.titles(), [0, 3]);
        paragraphs.evidence[4] |= Evidence::IN_THREAD;
        assert_eq!(paragraphs.titles(), [0]);
    }

    #[test]
    fn a_blogs_name_and_motto_over_its_one_post_are_the_pages() {
        let page = [
            "Harbour Notes",
            "Nothing grand, one post at a time since 2012",
            "How to fix the harbour bridge tolls",
            LONG_A,
            LONG_B,
        ];
        assert_eq!(features(&page).titles(), [2]);
        // Three short lines over it are more than a page's header: the
        // first opens a post cut short.
        let mut longer = page.to_vec();
        longer.insert(0, "Menu");
        assert_eq!(features(&longer).titles(), [0, 3]);
        // A title over a post of one sentence is a post of its own.
        let mut post_above = page.to_vec();
        post_above[1] = "The bridge at dusk, from the pier.";
        assert_eq!(features(&post_above).titles(), [0, 2]);
    }

    #[test]
    fn a_headline_may_open_on_a_quoted_phrase() {
        assert!(is_quote_led_headline("“Heated Rhetoric” And The Shooting"));
        assert!(is_quote_led_headline("\"Not Again\" Says The Union"));
        for line in [
            "“Quit,” she said",
            "“One.” “Two.”",
            "“We will not back down”",
            "“Tolls” are up again this week",
        ] {
            assert!(!is_quote_led_headline(line), "{line}");
        }
    }

    #[test]
    fn a_caption_with_its_credit_is_no_title() {
        assert!(is_credited_caption(
            "Jo Lee at the pier. (Harbour Post file)"
        ));
        assert!(!is_credited_caption("Ferry fares (4 letters)"));
        assert!(!is_credited_caption("Tolls up. (Updated)"));
        assert!(!is_credited_caption(
            "Fares: where we are . . . (Part II, the Berths)"
        ));
        assert!(!is_credited_caption(
            "Fares, again... (Part II, the Berths)"
        ));
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "Jo Lee at the pier. (Harbour Post file)",
            LONG_B,
        ]);
        assert_eq!(paragraphs.titles(), [0]);
    }

    #[test]
    fn a_heading_may_end_in_a_colon_where_a_lead_in_speaks_in_a_sentence() {
        for heading in [
            "Health Care:",
            "Michael Moore on the Auto Industry:",
            "“The Fourth Republic”:",
        ] {
            assert!(is_lead_in_heading(heading), "{heading}");
        }
        for lead_in in [
            "Jo Lee writes:",
            "Here is the list:",
            "Update:",
            "From the Harbour Post:",
            "Health Care",
            "The minister said on Monday that the tolls would rise again:",
        ] {
            assert!(!is_lead_in_heading(lead_in), "{lead_in}");
        }
    }

    #[test]
    fn prose_taken_for_a_title_gets_a_title_of_its_first_words() {
        assert_eq!(
            title_for_untitled(
                "It is time to restore the comments. It gave a far more current exchange of ideas than letters."
            )
            .as_deref(),
            Some("It is time to restore the comments.")
        );
        let long = "I have a new admirer named Anonymous, who keeps me grounded and always has a minute to criticize me, though my kids have not ignored it and never will, whatever the blog says of it";
        assert_eq!(
            title_for_untitled(long).as_deref(),
            Some("I have a new admirer named Anonymous, who keeps me grounded and always has a…")
        );
        assert_eq!(title_for_untitled("Tolls up again"), None);
        let led_in = "“Pier to Close for the Winter”: The Harbour Post reports that the board \
                      met on Tuesday and decided, after a long debate and two votes, that the \
                      pier will close from June.";
        assert_eq!(
            title_for_untitled(led_in).as_deref(),
            Some("“Pier to Close for the Winter”")
        );
        let straight = led_in.replace(['“', '”'], "\"");
        assert_eq!(
            title_for_untitled(&straight).as_deref(),
            Some("\"Pier to Close for the Winter\"")
        );
        assert_eq!(title_for_untitled("Tolls up. Again."), None);
        // One long sentence with a full stop is prose; as long a question
        // may be a title.
        let statement = "Tucked into a report on ferry fares is this small item that shows what the harbour board now calls consultation.";
        assert_eq!(
            title_for_untitled(statement).as_deref(),
            Some("Tucked into a report on ferry fares is this small item that shows what the…")
        );
        let question = "Why does the harbour board still call it a consultation when the decision on the ferry fares was made last year?";
        assert_eq!(title_for_untitled(question), None);
        assert!(is_long_statement(statement));
        assert!(!is_long_statement(question));
        assert!(!is_long_statement("Tolls up. Again."));
        let trailing = "Tucked into a report on ferry fares is this small item about what the harbour board now calls consultation...";
        assert!(!is_long_statement(trailing));
        assert_eq!(
            title_for_untitled(
                "Duties much like those of the U.S. President, said the mayor of the city on Monday"
            ),
            None
        );
        // Initials and titles end no sentence.
        let initials = "I met J. R. Smith at the wharf on Tuesday. He told me the pier would close before the winter, and nobody on the board would say why, or for how long it would stay closed.";
        assert_eq!(
            title_for_untitled(initials).as_deref(),
            Some("I met J. R. Smith at the wharf on Tuesday.")
        );
        let title = "Mr. Key told the house on Tuesday that the pier would close before winter. Nobody on the board would say why, or for how long it would stay closed after that.";
        assert_eq!(
            title_for_untitled(title).as_deref(),
            Some("Mr. Key told the house on Tuesday that the pier would close before winter.")
        );
        // A first word too long for a title is cut.
        let link = format!(
            "https://example.org/{} is where it all started.",
            "a".repeat(150)
        );
        let made = title_for_untitled(&link).expect("a long paragraph");
        assert_eq!(made.chars().count(), MADE_TITLE_MAX);
        assert!(made.starts_with("https://example.org/aaa") && made.ends_with('…'));
    }

    #[test]
    fn a_long_lower_case_sentence_with_a_clause_is_no_heading() {
        assert!(is_running_sentence(
            "I made a cowl for her from the teal wool, and like your sister she wears it every day!"
        ));
        assert!(!is_running_sentence(
            "The Most Incredible Story of Resilience Ever to Grace the Pages of the Harbour Post"
        ));
        assert!(!is_running_sentence(
            "Why the ferry is late again and what the council could do about it this winter?"
        ));
        assert!(!is_running_sentence(
            "Ferries, fares and the harbour board!"
        ));
    }

    #[test]
    fn a_title_with_a_byline_and_no_teaser_before_another_is_a_post() {
        let mut paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "Election night live",
            "Live chat from the count",
            LONG_B,
        ]);
        // Without furniture, of two headings in a row only one is a title.
        assert_eq!(paragraphs.titles().len(), 2);
        paragraphs.evidence[2] |= Evidence::BYLINE_FOLLOWS;
        paragraphs.evidence[3] |= Evidence::BYLINE_FOLLOWS;
        assert_eq!(paragraphs.titles(), [0, 2, 3]);
    }
}
