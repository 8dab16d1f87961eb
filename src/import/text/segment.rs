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

/// What the segmenter knows about one paragraph.
///
/// One is held for every paragraph of an archive at once, at the loader's
/// peak of memory: the paragraph is borrowed whole (its text, bullet and
/// non-breaking space) rather than copied field by field, which keeps this
/// at 16 bytes.
#[derive(Debug, Clone)]
pub struct Features<'a> {
    pub paragraph: &'a Paragraph,
    pub is_citation: bool,
    pub is_contributor: bool,
    /// It is a reader's comment or its label: never a title.
    pub in_thread: bool,
    /// Furniture that usually follows a title (byline, date) comes right after.
    pub byline_follows: bool,
    /// Furniture that ends a post ("Read more", comment count) comes right before.
    pub post_end_precedes: bool,
    /// A date stands right above it, after the end of a post rather than
    /// under a title: a blog's date header over its posts.
    pub date_precedes: bool,
    /// Furniture that ends a post comes right after: a teaser that is only
    /// a title ("Title", "Read more »") is a post of its own.
    pub post_end_follows: bool,
    /// It is glued, with no blank line, under the dateline or byline of the
    /// title above it, and has no such line under it: a caption or the
    /// post's first line, not a title.
    pub glued_under_title_furniture: bool,
}

impl<'a> Features<'a> {
    fn text(&self) -> &'a str {
        &self.paragraph.text
    }

    fn is_list_item(&self) -> bool {
        self.paragraph.is_list_item()
    }
}

/// The score a paragraph must reach to open a post.
const THRESHOLD: f32 = 2.0;

/// Indices of the paragraphs that open a post, in order; always starts with 0
/// when there is any paragraph.
pub fn title_indices(paragraphs: &[Features<'_>]) -> Vec<usize> {
    if paragraphs.is_empty() {
        return Vec::new();
    }
    let listed = listing(paragraphs);
    let gains: Vec<f32> = (0..paragraphs.len())
        .into_par_iter()
        .map(|i| title_score(paragraphs, i, listed[i]) - THRESHOLD)
        .collect();
    // A post needs no text of its own where a post's end follows it, or
    // where its byline is followed by the next title with a byline of its
    // own (a post whose teaser the page left out).
    let body_optional: Vec<bool> = paragraphs
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            p.post_end_follows
                || (p.byline_follows
                    && paragraphs
                        .get(i + 1)
                        .is_some_and(|next| next.byline_follows && could_head(next)))
        })
        .collect();
    let free = choose(&gains, &body_optional, false);
    // Short lines before a first title that the archive's furniture or its
    // listing marks are a page header ("Opinion", "Posts published in the
    // chosen month"): left out. Otherwise the first paragraph opens a post: prose
    // before the first title is the end of a post cut off by the scrape.
    match free.first().map(|&first| (first, &paragraphs[first])) {
        Some((first, title))
            if (title.byline_follows
                || title.post_end_precedes
                || title.date_precedes
                || listed[first])
                && !paragraphs[..first].iter().any(|p| is_prose(p.text())) =>
        {
            free
        }
        _ => {
            // Rules of dashes or stars at the top are no post's title.
            let rules = paragraphs
                .iter()
                .take_while(|p| !p.text().chars().any(char::is_alphanumeric))
                .count();
            if rules == 0 || rules == paragraphs.len() {
                return choose(&gains, &body_optional, true);
            }
            choose(&gains[rules..], &body_optional[rules..], true)
                .into_iter()
                .map(|i| i + rules)
                .collect()
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

/// Best set of indices (with 0 when `force_first`) with positive total
/// gain, no two adjacent unless the first needs no body: a title is
/// followed by at least one paragraph of its own post, or by furniture that
/// ends it.
fn choose(gains: &[f32], body_optional: &[bool], force_first: bool) -> Vec<usize> {
    let n = gains.len();
    // The first index open to another title after a title at i.
    let after = |i: usize| if body_optional[i] { i + 1 } else { i + 2 };
    // best[i]: the best total gain of titles chosen among i.., when i may
    // be chosen. Taking i rules out i + 1 (a post needs a body) unless its
    // body is optional, and the last paragraph opens a post only then.
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

/// The shortest run of titles and teasers that makes an archive a listing.
const MIN_LISTED: usize = 3;

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
fn listing(paragraphs: &[Features<'_>]) -> Vec<bool> {
    let n = paragraphs.len();
    // Every paragraph's shape is asked on all cores first: the walk below
    // is sequential.
    let heads: Vec<bool> = paragraphs
        .par_iter()
        .map(|p| p.text().len() <= 110 && could_head(p))
        .collect();
    let teasers: Vec<bool> = paragraphs
        .par_iter()
        .zip(&heads)
        .map(|(p, &head)| !head && !p.in_thread && !p.is_list_item() && is_prose(p.text()))
        .collect();
    let teaser = |i: usize| teasers[i];
    // A teaser, or the archive's last paragraph, which the scrape may have
    // cut short.
    let teaser_under = |i: usize| i + 1 < n && (teaser(i + 1) || i + 2 == n);
    let member = |i: usize| heads[i] && teaser_under(i);
    let mut listed = vec![false; n];
    let mut start = 0;
    while start < n {
        if !member(start) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end + 2 < n && member(end + 2) && teaser(end + 1) {
            end += 2;
        }
        let members = (start..=end).step_by(2);
        let count = (end - start) / 2 + 1;
        let citations = members
            .clone()
            .filter(|&i| paragraphs[i].is_citation)
            .count();
        if count >= MIN_LISTED && citations * 4 < count {
            for i in members {
                listed[i] = true;
            }
        }
        start = end + 1;
    }
    listed
}

fn title_score(paragraphs: &[Features<'_>], i: usize, listed: bool) -> f32 {
    let this = &paragraphs[i];
    let text = this.text();
    // In a listing, a title that looks like a citation is a title.
    if !could_head(this) || (this.is_citation && !listed) {
        return f32::NEG_INFINITY;
    }
    if this.glued_under_title_furniture {
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
        // quote; what follows it tells which.
        let continued = paragraphs.get(i + 1).is_none_or(|next| {
            next.text().starts_with(['…', '.', '“', '"'])
                || next.text().starts_with(char::is_lowercase)
        });
        if continued {
            return f32::NEG_INFINITY;
        }
        score -= 1.0;
    }
    score += match text.chars().last() {
        Some('.') if trails_off => 0.0,
        Some('.') => -4.0,
        Some('”' | '"') => -2.0,
        Some('?' | '!') => -0.5,
        _ => 0.5,
    };
    if has_inner_sentence_break(text) {
        score -= 1.5;
    }
    if is_bare_name(text) {
        score -= 1.0;
    }
    if this.paragraph.had_nbsp {
        score += 0.5;
    }
    if this.byline_follows {
        score += 5.0;
    }
    if this.post_end_precedes {
        score += 5.0;
    }
    if this.date_precedes {
        score += 3.0;
    }
    if this.post_end_follows {
        score += 2.0;
    }
    if let Some(prev) = i.checked_sub(1).map(|p| &paragraphs[p]) {
        // A listing's first title may follow the page's header.
        let before = previous_paragraph_score(prev);
        score += if listed { before.max(0.0) } else { before };
        // A citation before a title is the end of the previous post, not a
        // line of a transcript, however it is labelled.
        let in_transcript = (!prev.is_citation && is_speaker_line(prev.text()))
            || paragraphs
                .get(i + 1)
                .is_some_and(|n| is_speaker_line(n.text()));
        if in_transcript && is_speaker_line(text) {
            score -= 3.0;
        }
    }
    match paragraphs.get(i + 1) {
        None if this.post_end_follows => {}
        None => score -= 4.0,
        // A listing's teaser is the post's text, whatever it opens with.
        Some(next) if listed => score += next_paragraph_score(next).max(0.0),
        Some(next) => score += next_paragraph_score(next),
    }
    // The overlap moves a score by -0.5 to +1; it cannot save a paragraph
    // further below the threshold, and it is the costly part, so skip it then.
    // Readers' comments are not what the title is about.
    let following = &paragraphs[i + 1..paragraphs.len().min(i + 5)];
    let following = &following[..following.iter().take_while(|p| !p.in_thread).count()];
    if score > THRESHOLD - 1.0 && !following.is_empty() {
        score += topical_overlap(text, following);
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
    if text.len() > 160 || p.is_list_item() || p.in_thread || p.is_contributor {
        return false;
    }
    let Some(first) = text.chars().next() else {
        return false;
    };
    // A rule of dashes or stars heads nothing.
    if !text.chars().any(char::is_alphanumeric) {
        return false;
    }
    !(first.is_lowercase()
        || matches!(first, '“' | '"' | '…' | '(' | '[' | '•' | '-' | '*')
        || text.ends_with(':')
        || text.ends_with(',')
        || text.ends_with(';')
        || never_heads(text)
        || text.contains("://")
        || word_count(text) > 22)
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
    if prev.is_citation {
        return 0.5;
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
    if next.is_contributor {
        return 1.0;
    }
    // Readers' comments are no post's text: a line right above a thread
    // ends the post before it (a caption, a credit) unless the furniture
    // says otherwise.
    if next.in_thread {
        return -3.0;
    }
    if !text.contains(' ') && text.contains("://") {
        return -2.5;
    }
    let first = text.chars().next();
    if matches!(first, Some('“' | '"')) {
        return -2.0;
    }
    if next.is_citation {
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

/// Up to +1 when the title's content words come back in the next paragraphs,
/// -0.5 when none does.
fn topical_overlap(title: &str, following: &[Features<'_>]) -> f32 {
    let mut words: Vec<String> = content_words(title).collect();
    words.sort_unstable();
    words.dedup();
    if words.is_empty() {
        return 0.0;
    }
    // The body is read word by word without building its word set, and
    // stops as soon as every title word has come back.
    let mut found = vec![false; words.len()];
    let mut shared = 0;
    'paragraphs: for paragraph in following {
        for candidate in candidate_words(paragraph.text()) {
            for (word, seen) in words.iter().zip(found.iter_mut()) {
                if !*seen && is_content_word(candidate, word) {
                    *seen = true;
                    shared += 1;
                    if shared == words.len() {
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

    /// A paragraph that lives as long as the test: features borrow theirs.
    fn paragraph(text: &str) -> &'static Paragraph {
        Box::leak(Box::new(Paragraph {
            text: text.into(),
            ..Paragraph::default()
        }))
    }

    /// Paragraphs with nothing known about their neighbours.
    fn features(texts: &[&'static str]) -> Vec<Features<'static>> {
        texts
            .iter()
            .map(|t| Features {
                paragraph: paragraph(t),
                is_citation: false,
                is_contributor: false,
                in_thread: false,
                byline_follows: false,
                post_end_precedes: false,
                date_precedes: false,
                post_end_follows: false,
                glued_under_title_furniture: false,
            })
            .collect()
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
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
    fn splits_two_posts_with_nothing_between_them() {
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "That is a start.",
            "Harbour bridge critics cry foul",
            LONG_B,
            "We will see.",
        ]);
        assert_eq!(title_indices(&paragraphs), [0, 3]);
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
        assert_eq!(title_indices(&paragraphs), [0]);
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
        assert_eq!(title_indices(&paragraphs), [0, 3]);
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
        assert_eq!(title_indices(&paragraphs), [0]);
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
        assert_eq!(title_indices(&paragraphs), [0]);
    }

    #[test]
    fn bylines_and_read_more_decide_boundaries() {
        let mut paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "tolls: a history",
            LONG_B,
        ]);
        paragraphs[2].post_end_precedes = true;
        // Lower case first letter: still never a title.
        assert_eq!(title_indices(&paragraphs), [0]);
        paragraphs[2].paragraph = paragraph("Tolls: a history.");
        assert_eq!(title_indices(&paragraphs), [0, 2]);
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
        paragraphs[4].is_citation = true;
        assert_eq!(title_indices(&paragraphs), [0, 2, 4, 6, 8]);
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
            roundup[p].is_citation = true;
        }
        assert_eq!(title_indices(&roundup), [0]);
    }

    #[test]
    fn a_date_above_a_short_line_makes_it_a_title() {
        let mut paragraphs = features(&[
            "Contributors",
            "Tonight",
            "The second debate is tonight, and the race has changed a great deal since the first one, when the president looked tired.",
            LONG_B,
        ]);
        assert_eq!(title_indices(&paragraphs), [0]);
        paragraphs[1].date_precedes = true;
        assert_eq!(title_indices(&paragraphs), [1]);
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
        assert_eq!(title_indices(&paragraphs), [0, 3]);
        let paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "That is all.",
            "When pollsters write…",
            "…they rarely say how.",
        ]);
        assert_eq!(title_indices(&paragraphs), [0]);
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
        assert_eq!(title_indices(&paragraphs), [0]);
        let mut paragraphs = features(&[
            "Bridge tolls under review",
            LONG_A,
            "That is all.",
            "Image via Wikipedia",
            LONG_B,
        ]);
        assert_eq!(title_indices(&paragraphs), [0, 3]);
        paragraphs[4].in_thread = true;
        assert_eq!(title_indices(&paragraphs), [0]);
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
        assert_eq!(title_indices(&paragraphs).len(), 2);
        paragraphs[2].byline_follows = true;
        paragraphs[3].byline_follows = true;
        assert_eq!(title_indices(&paragraphs), [0, 2, 3]);
    }
}
