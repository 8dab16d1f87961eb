//! Recognising citations: the lines that name a report a post reacts to,
//! split into outlet, headline and URL.
//!
//! Forms recognised (each function's doc has its rule):
//! - `Outlet: Headline` and `Outlet – Headline` ([`explicit`]);
//! - a sentence of commentary ending in one of those ([`trailing`]);
//! - "X points this out in Headline", "the Post reports: Headline",
//!   "X reported in Headline:" ([`inline`]);
//! - "From live coverage from The Guardian:" ([`attribution`]);
//! - a bare URL ([`bare_url`]).
//!
//! The hard part is telling `Outlet: Headline` from a post title such as
//! "Macron: No planet B rebuke to Trump". An outlet is a known news outlet,
//! an acronym, a domain, "The Something", or a capitalised name that the
//! archive never uses inside a sentence ([`OutletEvidence`]): "Macron"
//! appears all over the text, "RNZ" only ahead of its headlines.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use regex::Regex;

use crate::model::Source;

/// Well-known outlets: the name shown, other names it goes by, and its
/// domains (so that a bare URL gets a readable outlet).
const OUTLETS: &[(&str, &[&str], &[&str])] = &[
    (
        "RNZ",
        &["Radio New Zealand"],
        &["rnz.co.nz", "radionz.co.nz"],
    ),
    ("Stuff", &[], &["stuff.co.nz"]),
    (
        "NZ Herald",
        &["New Zealand Herald", "Herald"],
        &["nzherald.co.nz"],
    ),
    ("Newshub", &[], &["newshub.co.nz"]),
    ("Newsroom", &[], &["newsroom.co.nz"]),
    ("The Spinoff", &["Spinoff"], &["thespinoff.co.nz"]),
    (
        "TVNZ",
        &["1 News", "One News"],
        &["tvnz.co.nz", "1news.co.nz"],
    ),
    ("Otago Daily Times", &["ODT"], &["odt.co.nz"]),
    ("Scoop", &[], &["scoop.co.nz"]),
    ("BBC", &["BBC News"], &["bbc.co.uk", "bbc.com"]),
    (
        "The Guardian",
        &["Guardian"],
        &["theguardian.com", "guardian.co.uk"],
    ),
    (
        "The Telegraph",
        &["Telegraph", "Daily Telegraph"],
        &["telegraph.co.uk"],
    ),
    ("The Times", &[], &["thetimes.co.uk"]),
    ("The Independent", &["Independent"], &["independent.co.uk"]),
    ("Daily Mail", &["Mail Online"], &["dailymail.co.uk"]),
    ("Sky News", &[], &["news.sky.com"]),
    ("Reuters", &[], &["reuters.com"]),
    ("Associated Press", &["AP"], &["apnews.com"]),
    ("AFP", &["Agence France-Presse"], &["afp.com"]),
    ("Bloomberg", &[], &["bloomberg.com"]),
    ("CNN", &[], &["cnn.com"]),
    ("CNBC", &[], &["cnbc.com"]),
    ("Fox News", &[], &["foxnews.com"]),
    ("NBC News", &["NBC"], &["nbcnews.com"]),
    ("CBS News", &["CBS"], &["cbsnews.com"]),
    ("ABC News", &[], &["abcnews.go.com"]),
    ("ABC", &[], &["abc.net.au"]),
    ("NPR", &[], &["npr.org"]),
    ("Politico", &[], &["politico.com", "politico.eu"]),
    ("Axios", &[], &["axios.com"]),
    ("The Hill", &[], &["thehill.com"]),
    (
        "Washington Post",
        &["The Washington Post"],
        &["washingtonpost.com"],
    ),
    (
        "New York Times",
        &["The New York Times", "NYT"],
        &["nytimes.com"],
    ),
    (
        "Wall Street Journal",
        &["The Wall Street Journal", "WSJ"],
        &["wsj.com"],
    ),
    ("USA Today", &[], &["usatoday.com"]),
    ("Forbes", &[], &["forbes.com"]),
    ("The Atlantic", &[], &["theatlantic.com"]),
    ("The Economist", &["Economist"], &["economist.com"]),
    ("Financial Times", &["FT"], &["ft.com"]),
    ("Al Jazeera", &[], &["aljazeera.com"]),
    ("Le Monde", &[], &["lemonde.fr"]),
    ("France 24", &[], &["france24.com"]),
    ("Deutsche Welle", &["DW"], &["dw.com"]),
    ("SBS", &[], &["sbs.com.au"]),
    ("Sydney Morning Herald", &["SMH"], &["smh.com.au"]),
    ("The Australian", &[], &["theaustralian.com.au"]),
    (
        "Globe and Mail",
        &["The Globe and Mail"],
        &["theglobeandmail.com"],
    ),
    ("CBC", &[], &["cbc.ca"]),
    ("Vox", &[], &["vox.com"]),
    ("Slate", &[], &["slate.com"]),
    (
        "HuffPost",
        &["Huffington Post"],
        &["huffpost.com", "huffingtonpost.com"],
    ),
    ("Newsweek", &[], &["newsweek.com"]),
    ("Time", &[], &["time.com"]),
    ("Axios", &[], &["axios.com"]),
    ("Breitbart", &[], &["breitbart.com"]),
    ("Wikipedia", &[], &["wikipedia.org"]),
    ("Twitter", &["X"], &["twitter.com", "x.com"]),
    ("YouTube", &[], &["youtube.com", "youtu.be"]),
];

/// Abbreviations that are places or bodies, not outlets ("US: tariffs rise").
const NOT_OUTLETS: &[&str] = &[
    "US", "USA", "UK", "EU", "UN", "NZ", "NATO", "GOP", "PM", "MP", "MPS", "CEO", "OK", "UPDATE",
    "NB", "PS", "FYI", "Q", "A",
];

fn outlet_key(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    lower
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect()
}

static KNOWN_BY_NAME: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for (name, aliases, _) in OUTLETS {
        map.insert(outlet_key(name), *name);
        for alias in *aliases {
            map.insert(outlet_key(alias), *name);
        }
    }
    map
});

/// The canonical name of a well-known outlet.
pub fn known_outlet(name: &str) -> Option<&'static str> {
    // Most names asked about are short ASCII: their key is made on the
    // stack, the way [`outlet_key`] makes it.
    let name = name.trim();
    let mut buffer = [0u8; 64];
    if name.is_ascii() && name.len() <= buffer.len() {
        let skip = if name
            .as_bytes()
            .get(..4)
            .is_some_and(|head| head.eq_ignore_ascii_case(b"the "))
        {
            4
        } else {
            0
        };
        let mut len = 0;
        for &byte in &name.as_bytes()[skip..] {
            if byte.is_ascii_alphanumeric() || byte == b' ' {
                buffer[len] = byte.to_ascii_lowercase();
                len += 1;
            }
        }
        let key = std::str::from_utf8(&buffer[..len]).expect("ASCII stays ASCII");
        return KNOWN_BY_NAME.get(key).copied();
    }
    KNOWN_BY_NAME.get(&outlet_key(name)).copied()
}

/// The outlet a URL belongs to: a well-known one by its domain, else the
/// domain itself without `www.`.
pub fn outlet_of_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    // The host or a subdomain of it, compared in place: every bare URL
    // is asked about every domain.
    let on_domain = |domain: &str| {
        host.strip_suffix(domain)
            .is_some_and(|sub| sub.is_empty() || sub.ends_with('.'))
    };
    for (name, _, domains) in OUTLETS {
        if domains.iter().any(|d| on_domain(d)) {
            return Some((*name).to_string());
        }
    }
    Some(host.to_string())
}

/// How often each would-be outlet appears inside sentences of the archive.
/// A name used in running text is a person or a place, not an outlet.
#[derive(Debug, Default)]
pub struct OutletEvidence {
    /// The uses of each name whose uses [`OutletEvidence::is_outlet`] may
    /// ask about, counted as far as two at least; no other name is here.
    uses_in_text: HashMap<String, usize>,
}

/// How many stretches [`OutletEvidence::of_names`] searches the archive in,
/// and the fewest paragraphs a stretch has.
const SEARCH_STRETCHES: usize = 64;
const MIN_STRETCH: usize = 4096;

impl OutletEvidence {
    /// Counts, for every name of the `len` paragraphs' own `Name:`/`Name
    /// –` lines (`named`, sorted: [`own_name`]), the places the name occurs
    /// in `paragraph(0)`, `paragraph(1)`, … other than as such a prefix,
    /// for the names `asked` says may be asked about, and only until each
    /// is found twice: [`Self::is_outlet`] asks whether a name is used more
    /// than once. The paragraphs are asked for one at a time: no list of
    /// them is made.
    fn of_names<'a>(
        len: usize,
        paragraph: impl Fn(usize) -> &'a str + Sync,
        named: &[&'a str],
        asked: impl Fn(&str) -> bool,
    ) -> Self {
        // Each name once, with the number of its own `Name:` lines.
        let (candidates, own_lines): (Vec<&str>, Vec<usize>) = named
            .chunk_by(|a, b| a == b)
            .map(|same| (same[0], same.len()))
            .unzip();
        // Only names whose shape leaves the question open are ever asked
        // about ([`outlet_by_shape`]).
        let asked: Vec<usize> = (0..candidates.len())
            .filter(|&at| asked(candidates[at]) && outlet_by_shape(candidates[at]).is_none())
            .collect();
        let mut found = vec![0usize; candidates.len()];
        if !asked.is_empty() {
            // All candidates are searched for at once, each match of one
            // able to hide a match of another (leftmost-longest), a stretch
            // of the archive at a time split between the cores and summed:
            // a name found twice more than its own lines is used in the
            // text, which is all that is asked, and once every name asked
            // about is, the rest of the archive is not read.
            let matcher = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&candidates)
                .expect("a few hundred short patterns always build");
            let count = |mut found: Vec<usize>, paragraph: &str| {
                for hit in matcher.find_iter(paragraph) {
                    if is_word_at(paragraph, hit.start(), hit.end() - hit.start()) {
                        found[hit.pattern().as_usize()] += 1;
                    }
                }
                found
            };
            let add = |mut a: Vec<usize>, b: Vec<usize>| {
                a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
                a
            };
            let stretch = (len / SEARCH_STRETCHES).max(MIN_STRETCH);
            let mut start = 0;
            while start < len && asked.iter().any(|&at| found[at] < own_lines[at] + 2) {
                let end = len.min(start + stretch);
                let more = (start..end)
                    .into_par_iter()
                    .map(&paragraph)
                    .fold(|| vec![0usize; candidates.len()], count)
                    .reduce(|| vec![0usize; candidates.len()], add);
                found = add(found, more);
                start = end;
            }
        }
        // Its own `Name:` lines are not uses of the name in a sentence.
        OutletEvidence {
            uses_in_text: asked
                .into_iter()
                .map(|at| {
                    let uses = found[at].saturating_sub(own_lines[at]);
                    (candidates[at].to_string(), uses)
                })
                .collect(),
        }
    }

    /// Whether `name` reads as a news outlet; see the module documentation.
    ///
    /// Accepts "RNZ", "The Telegraph", "nzherald.co.nz", "Stuff"; rejects
    /// "Macron" when the archive speaks of Macron in its sentences, "US".
    pub fn is_outlet(&self, name: &str) -> bool {
        let name = name.trim();
        outlet_by_shape(name)
            .unwrap_or_else(|| self.uses_in_text.get(name).copied().unwrap_or(0) <= 1)
    }
}

/// Whether `name` (trimmed) reads as a news outlet by its shape alone, as
/// [`OutletEvidence::is_outlet`] decides it; `None` for a capitalised name
/// of up to four words that is neither known, an acronym, a domain nor
/// "The Something": an outlet only if the archive does not use it in its
/// sentences.
fn outlet_by_shape(name: &str) -> Option<bool> {
    if known_outlet(name).is_some() {
        return Some(true);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    // No name longer than 18 bytes is in upper case one of the short
    // names listed (upper case never takes a name's bytes below half).
    if words.is_empty()
        || words.len() > 4
        || name.len() <= 18 && NOT_OUTLETS.contains(&name.to_uppercase().as_str())
    {
        return Some(false);
    }
    // A year or a number ("2022: The Year in Review") is no outlet's name.
    let is_acronym = words.len() == 1
        && (2..=6).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && name.chars().any(|c| c.is_ascii_uppercase());
    let is_domain = words.len() == 1 && DOMAIN.is_match(name);
    if is_acronym || is_domain {
        return Some(true);
    }
    let capitalised = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "and" | "of" | "the" | "&")
    });
    if !capitalised {
        return Some(false);
    }
    (words[0] == "The" && words.len() >= 2).then_some(true)
}

/// Tells an outlet's name from a person's or a place's
/// ([`OutletEvidence::is_outlet`]).
pub trait Outlets {
    fn is_outlet(&self, name: &str) -> bool;
}

impl Outlets for OutletEvidence {
    fn is_outlet(&self, name: &str) -> bool {
        OutletEvidence::is_outlet(self, name)
    }
}

/// Tells outlets as [`OutletEvidence::is_outlet`] does, from `evidence`,
/// which has counted the names in `counted` (sorted) and no other; keeps
/// the names outside them whose count it needed. A line read with it that
/// needed none is read as with every name counted.
struct CountedSoFar<'e> {
    evidence: &'e OutletEvidence,
    counted: &'e [String],
    missing: std::cell::RefCell<Vec<String>>,
}

impl Outlets for CountedSoFar<'_> {
    fn is_outlet(&self, name: &str) -> bool {
        let name = name.trim();
        if outlet_by_shape(name).is_none()
            && self
                .counted
                .binary_search_by(|counted| counted.as_str().cmp(name))
                .is_err()
        {
            self.missing.borrow_mut().push(name.to_string());
        }
        self.evidence.is_outlet(name)
    }
}

/// Which reading of [`citations`] found a line to cite: the first, with no
/// name counted, or one of those after it, with the counts the lines
/// before asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading(u32);

/// What each reading of [`citations`] knew: the line of a citation is
/// read again with it when its post is built ([`Readings::source`]), and
/// gives the source it gave then.
///
/// The sources themselves are not held from the title pass to the posts:
/// on a gigabyte archive, a quarter of a million of them, 50 MB with their
/// strings, held at the loader's peak of memory, beside every paragraph.
/// A citation is an index and a reading, 16 bytes.
#[derive(Debug, Default)]
pub struct Readings(Vec<Counts>);

/// The counts a reading had, and the names it had counted.
#[derive(Debug, Default)]
struct Counts {
    evidence: OutletEvidence,
    counted: Vec<String>,
}

impl Readings {
    /// The source `line` cites, read as `reading` read it: for a line
    /// [`citations`] found with that reading, the source it found.
    pub fn source(&self, reading: Reading, line: &str) -> Option<Source> {
        let counts = self.0.get(reading.0 as usize)?;
        let reader = CountedSoFar {
            evidence: &counts.evidence,
            counted: &counts.counted,
            missing: Default::default(),
        };
        recognise(line, &reader)
    }
}

/// The citations among the `len` paragraphs `paragraph(0)`, … that
/// `may_cite` says [`recognise`] reads, by index, in order, each with the
/// reading that found it ([`Readings::source`] gives its source).
///
/// Each line is read first with no name counted ([`CountedSoFar`]), in the
/// same pass that picks out the names of the paragraphs' own `Name:` lines;
/// only the names some line needed are counted in the archive
/// ([`OutletEvidence::of_names`]), and only those lines are read again with
/// the counts (and again, should a count send one down a path that needs
/// another). Most lines need none, and the count of a name the text uses
/// stops early.
pub fn citations<'a>(
    len: usize,
    paragraph: impl Fn(usize) -> &'a str + Sync,
    may_cite: impl Fn(usize) -> bool + Sync,
) -> (Vec<(usize, Reading)>, Readings) {
    /// What a pass over the lines finds.
    #[derive(Default)]
    struct Pass<'a> {
        named: Vec<&'a str>,
        cited: Vec<(usize, Reading)>,
        /// The lines that needed a name not counted, and those names.
        pending: Vec<usize>,
        missing: Vec<String>,
    }
    impl Pass<'_> {
        fn joined(mut self, other: Self) -> Self {
            self.named.extend(other.named);
            self.cited.extend(other.cited);
            self.pending.extend(other.pending);
            self.missing.extend(other.missing);
            self
        }
    }
    let read = |pass: &mut Pass<'_>, k: usize, reading: Reading, counts: &Counts| {
        let reader = CountedSoFar {
            evidence: &counts.evidence,
            counted: &counts.counted,
            missing: Default::default(),
        };
        let cited = recognise(paragraph(k), &reader).is_some();
        let missing = reader.missing.into_inner();
        if missing.is_empty() {
            if cited {
                pass.cited.push((k, reading));
            }
        } else {
            pass.pending.push(k);
            pass.missing.extend(missing);
        }
    };
    let mut readings = vec![Counts::default()];
    let Pass {
        mut named,
        mut cited,
        mut pending,
        missing,
    } = (0..len)
        .into_par_iter()
        .fold(Pass::default, |mut pass, k| {
            let line = paragraph(k);
            pass.named.extend(own_name(line));
            if may_cite(k) {
                read(&mut pass, k, Reading(0), &readings[0]);
            }
            pass
        })
        .reduce(Pass::default, Pass::joined);
    named.par_sort_unstable();
    let mut counted = missing;
    while !pending.is_empty() {
        counted.sort_unstable();
        counted.dedup();
        let asked = |name: &str| counted.binary_search_by(|n| n.as_str().cmp(name)).is_ok();
        let evidence = OutletEvidence::of_names(len, &paragraph, &named, asked);
        let reading = Reading(u32::try_from(readings.len()).expect("a reading counts a new name"));
        readings.push(Counts {
            evidence,
            counted: counted.clone(),
        });
        let counts = &readings[readings.len() - 1];
        let again = pending
            .into_par_iter()
            .fold(Pass::default, |mut pass, k| {
                read(&mut pass, k, reading, counts);
                pass
            })
            .reduce(Pass::default, Pass::joined);
        cited.extend(again.cited);
        pending = again.pending;
        counted.extend(again.missing);
    }
    // Indices are unique: the order is the same however it is sorted.
    cited.par_sort_unstable_by_key(|(k, _)| *k);
    (cited, Readings(readings))
}

/// The name of a `Name:` line that is no known outlet's ([`split_prefix`]).
fn own_name(line: &str) -> Option<&str> {
    // White space alone before a separator names nothing; as a pattern it
    // would match inside every character.
    split_prefix(line)
        .map(|(outlet, _)| outlet)
        .filter(|outlet| !outlet.is_empty() && known_outlet(outlet).is_none())
}

fn is_word_at(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|nz|uk|au|ca|fr|de|eu|io|news)$")
        .expect("the domain pattern is valid")
});

const MAX_OUTLET_LEN: usize = 50;

/// The name before a line's first separator (`Name: rest`, `Name – rest`),
/// as [`explicit`] would read it as an outlet.
///
/// Gives "POLITICS" for "POLITICS - Orwell's drone"; nothing for "Tolls up
/// again".
pub fn prefix_name(line: &str) -> Option<&str> {
    split_prefix(line)
        .map(|(name, _)| name)
        .filter(|name| !name.is_empty())
}

/// `Outlet` and the rest, for a line of the form `Outlet: rest` or
/// `Outlet – rest` (en or em dash, or a spaced hyphen), outlet at most 50 bytes.
fn split_prefix(line: &str) -> Option<(&str, &str)> {
    // Only the first few words can be an outlet: look no further.
    let mut end = line.len().min(MAX_OUTLET_LEN + 4);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    // The first ": " or spaced dash ("-", or the en or em dash, whose UTF-8
    // starts E2 80 93/94) in the head, found with memchr in one pass: most
    // lines have no colon and no dash near their start. A dash is reported
    // at the space before it, a colon where it stands, so the first one the
    // pass meets is also the one that starts first.
    let head = &line.as_bytes()[..end];
    let (at, len) = memchr::memchr3_iter(b':', b'-', 0xe2, head).find_map(|at| {
        let dash = match &head[at..] {
            [b':', b' ', ..] => return Some((at, 2)),
            [b'-', ..] => 1,
            [0xe2, 0x80, 0x93 | 0x94, ..] => 3,
            _ => return None,
        };
        let spaced = at > 0 && head[at - 1] == b' ' && head.get(at + dash) == Some(&b' ');
        spaced.then(|| (at - 1, dash + 2))
    })?;
    if at == 0 || at > MAX_OUTLET_LEN {
        return None;
    }
    Some((line[..at].trim(), line[at + len..].trim()))
}

/// Whether a sentence break as [`is_headline`] looks for one (a sentence
/// mark, perhaps a closing quote, white space, a capital or an opening
/// quote) starts at byte `at` of `text`.
fn sentence_breaks_at(text: &str, at: usize) -> bool {
    if !matches!(text.as_bytes().get(at), Some(b'.' | b'!' | b'?')) {
        return false;
    }
    let after_mark = &text[at + 1..];
    let after_quote = after_mark
        .strip_prefix(['”', '’', '"', '\''])
        .unwrap_or(after_mark);
    let next = after_quote.trim_start();
    next.len() < after_quote.len()
        && next.starts_with(|c: char| c.is_ascii_uppercase() || c == '“' || c == '‘')
}

/// The longest headline, in bytes.
const MAX_HEADLINE_LEN: usize = 200;

/// A headline: two words or more, one sentence, no closing full stop.
fn is_headline(text: &str) -> bool {
    static SENTENCE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[.!?][”’\x22']?\s+[A-Z“‘]").expect("the sentence-break pattern is valid")
    });
    text.split_whitespace().count() >= 2
        && text.len() <= MAX_HEADLINE_LEN
        && !text.ends_with('.')
        && !text.ends_with(',')
        && !SENTENCE_BREAK.is_match(text)
}

fn source(outlet: Option<&str>, headline: Option<&str>, url: Option<&str>) -> Source {
    let tidy = |s: &str| s.trim().trim_end_matches(':').trim().to_string();
    Source {
        outlet: outlet.map(tidy),
        headline: headline.map(tidy).filter(|h| !h.is_empty()),
        url: url.map(str::to_string),
    }
}

/// Whether [`recognise`] may find a citation in `line`. A line that ends in
/// a full stop is none unless it is a bare URL: every other form ends in a
/// headline, which never ends in one ([`is_headline`]), or in a colon,
/// and each turns such a line away. Most paragraphs of prose end so: this
/// is asked of every paragraph where its text is read anyway, and spares
/// the citations' pass from reading them again.
///
/// Accepts "RNZ: Tolls up again", "https://example.org/a."; rejects
/// "The minister said so."
pub fn may_cite(line: &str) -> bool {
    !line.ends_with('.') || opens_like_url(line)
}

/// Recognises a paragraph that cites a source, trying each form in turn.
pub fn recognise(line: &str, evidence: &impl Outlets) -> Option<Source> {
    bare_url(line)
        .or_else(|| explicit(line, evidence))
        .or_else(|| inline(line))
        .or_else(|| reporting_lead(line, evidence))
        .or_else(|| trailing(line, evidence))
        .or_else(|| dash_after_outlet(line, evidence))
        .or_else(|| attribution(line, evidence))
        .or_else(|| read_link(line))
        .or_else(|| quoted_headline(line))
}

/// The longest run of names after a quoted headline, in bytes.
const MAX_CREDIT_LEN: usize = 80;

/// A headline in quotation marks, then whom the piece is by and where it
/// ran, names parted by commas: the last is the outlet.
///
/// Accepts `"Police drone takes to the sky" Press Association, Harbour
/// Post`, `“Pier to close: board” by JO LEE, Harbour Post`, `"Pier to
/// close for winter" The Guardian`; rejects `"We will not move," she said`
/// (no names after it), `"It fell. Then it rose." Jo Lee` (a quotation of
/// sentences, not a headline), `"Fake News" Strikes Again` (one name, not
/// an outlet known: the rest of a title).
pub fn quoted_headline(line: &str) -> Option<Source> {
    let inner = line.strip_prefix(['"', '“'])?;
    let close = inner.find(['"', '”'])?;
    let headline = &inner[..close];
    let closing_len = inner[close..].chars().next().map_or(1, char::len_utf8);
    let credit = inner[close + closing_len..].trim();
    let by = credit
        .strip_prefix("by ")
        .or_else(|| credit.strip_prefix("By "));
    let credit = by.unwrap_or(credit);
    if credit.is_empty()
        || credit.len() > MAX_CREDIT_LEN
        || credit.ends_with(['.', '!', '?', ':', ';', ','])
        || !is_headline(headline)
    {
        return None;
    }
    let mut names = credit.split(',').map(str::trim);
    let all_names = names.clone().all(|name| {
        name.starts_with(|c: char| c.is_uppercase()) && super::furniture::looks_like_name(name)
    });
    let outlet = names.next_back()?;
    // A lone name after a quoted phrase may be the rest of a title
    // ("\"Fake News\" Strikes Again"): it cites only with "by", a writer
    // before the outlet, or an outlet pundit knows.
    let cites = by.is_some() || credit.contains(',') || known_outlet(outlet).is_some();
    (all_names && cites).then(|| source(Some(outlet), Some(headline), None))
}

/// A paragraph that is nothing but a URL.
///
/// Accepts "https://www.bbc.com/news/world-123"; rejects "See https://x.org for more".
pub fn bare_url(line: &str) -> Option<Source> {
    if !opens_like_url(line) {
        return None;
    }
    // Perhaps in angle brackets, a scheme or `www.` and at least one more
    // character, none of them white space or an angle bracket.
    let inner = line.strip_prefix('<').unwrap_or(line);
    let url = inner.strip_suffix('>').unwrap_or(inner);
    let after_scheme = ["http://", "https://", "www."]
        .iter()
        .find_map(|scheme| url.strip_prefix(scheme))?;
    if after_scheme.is_empty() || url.contains(|c: char| c.is_whitespace() || c == '<' || c == '>')
    {
        return None;
    }
    Some(Source {
        outlet: outlet_of_url(url),
        headline: None,
        url: Some(url.to_string()),
    })
}

/// Whether `line` opens as a bare URL can: the URL's scheme or `www.`,
/// or the angle bracket around it.
fn opens_like_url(line: &str) -> bool {
    line.starts_with("http") || line.starts_with("www.") || line.starts_with('<')
}

/// `Outlet: Headline` or `Outlet – Headline`, where the outlet passes
/// [`OutletEvidence::is_outlet`] and the rest reads as a headline.
///
/// Accepts "RNZ: French outrage after US President Trump mimics Paris
/// attackers", "BBC – Syria ‘chemical attack’"; rejects "Trump: I like
/// bilateral, because if you have a problem, you terminate. When…".
pub fn explicit(line: &str, evidence: &impl Outlets) -> Option<Source> {
    let (outlet, headline) = split_prefix(line)?;
    // The headline first: whether a name is an outlet may need its uses
    // in the archive counted ([`citations`]).
    (is_headline(headline) && evidence.is_outlet(outlet))
        .then(|| source(Some(outlet), Some(headline), None))
}

/// A sentence of commentary followed by an explicit citation.
///
/// Accepts "The US also faces trade problems in Europe. Forbes – EU Tells
/// Trump: No Paris Climate Deal"; rejects "He left. Then he came back."
pub fn trailing(line: &str, evidence: &impl Outlets) -> Option<Source> {
    explicit(last_sentence(line)?, evidence)
}

/// The last sentence of `line` where it may be a citation after a
/// sentence of commentary ([`trailing`]).
fn last_sentence(line: &str) -> Option<&str> {
    let (last_mark, before_last) = last_mark_with_separator(line)?;
    sentence_after_mark(line, last_mark, before_last)
}

/// Where the last sentence of `line` may start after a sentence of
/// commentary: the last mark before its last character, and where that
/// character is. A headline never ends in a full stop; most paragraphs do.
/// The last sentence holds no mark but perhaps its last character, so it
/// follows the last mark before that character, and needs a separator to
/// split ([`split_prefix`]).
fn last_mark_with_separator(line: &str) -> Option<(usize, usize)> {
    if line.ends_with('.') {
        return None;
    }
    let before_last = line.char_indices().next_back().map_or(0, |(at, _)| at);
    let last_mark = memchr::memrchr3(b'.', b'!', b'?', &line.as_bytes()[..before_last])?;
    has_separator(&line[last_mark..]).then_some((last_mark, before_last))
}

/// The sentence that opens after the mark at byte `mark` of `line` and
/// runs to its last character, at byte `last`: what the pattern
/// `[.!?][”’]?\s+(?P<rest>[A-Z][^.!?]*[^.])$` finds, for a line that
/// does not end in a full stop and holds no mark between `mark` and
/// `last` (a match can start at no other mark, and this one's sentence
/// holds none).
///
/// After "Tolls rose. Forbes – EU" gives "Forbes – EU"; after "Tolls
/// rose.Forbes – EU" (no white space) and "Tolls rose. forbes" (no capital)
/// gives none.
fn sentence_after_mark(line: &str, mark: usize, last: usize) -> Option<&str> {
    let after = &line[mark + 1..];
    let after = after.strip_prefix(['”', '’']).unwrap_or(after);
    // Rust's white space and the pattern's `\s` are both Unicode's White_Space.
    let sentence = after.trim_start();
    let start = line.len() - sentence.len();
    // White space, a capital, and the last character after it.
    (sentence.len() < after.len()
        && sentence.starts_with(|c: char| c.is_ascii_uppercase())
        && start < last)
        .then_some(sentence)
}

/// Whether `line` has a colon, a hyphen, or an en or em dash: what
/// `line.contains(['–', '—', '-', ':'])` says, found on the bytes rather
/// than a character at a time (the en and em dash are E2 80 93 and 94).
fn has_separator(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr3_iter(b'-', b':', 0xe2, bytes)
        .any(|at| bytes[at] != 0xe2 || matches!(bytes[at + 1..], [0x80, 0x93 | 0x94, ..]))
}

/// "X points this out in Headline", "the Post reports: Headline".
const INLINE_PATTERN: &str = r"^(?P<who>[^.!?:]+?)\s+(?:(?:points?|pointed)\s+(?:this|that|it)\s+out\s+in|(?:writes|wrote|reports|reported|says|said|argues|argued|asks|asked|explains|explained|notes|noted|covers|covered|looks\s+at|looked\s+at|discusses|discussed|has\s+more)(?:\s+(?:in|at|on)|\s*:))\s+(?P<headline>[A-Z0-9‘“'\x22].+?)$";

/// [`INLINE_PATTERN`], built only for the few lines [`INLINE_HEAD`] does
/// not settle.
static INLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(INLINE_PATTERN).expect("the inline-citation pattern is valid"));

/// [`INLINE`] up to the first character of the headline, with the same
/// groups before it: the part whose captures need the regex engine's
/// slower search. Run on the whole line, that search also steps through
/// the headline a character at a time to reach the line's end; see
/// [`inline_parts`]. Made from the pattern's text, so that the whole
/// pattern is built only when it is asked.
static INLINE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let head = INLINE_PATTERN
        .strip_suffix(".+?)$")
        .expect("the inline pattern ends in its headline");
    Regex::new(&format!("{head})")).expect("the inline-citation head is valid")
});

/// The `who` and `headline` of [`INLINE`] in `line`.
///
/// [`INLINE_HEAD`] finds the same `who` and headline start as the whole
/// pattern would, when the headline then runs on to the line's end as the
/// whole pattern's `.+?$` asks (one character at least, no line break):
/// the paths the whole pattern tries before that one fail already in the
/// head. Otherwise the whole pattern is asked.
fn inline_parts(line: &str) -> Option<(&str, &str)> {
    let caps = INLINE_HEAD.captures(line)?;
    let headline = caps.name("headline")?;
    let first_len = headline.as_str().len();
    let after_first = &line[headline.start() + first_len..];
    if !after_first.is_empty() && !after_first.contains('\n') {
        return Some((caps.name("who")?.as_str(), &line[headline.start()..]));
    }
    let caps = INLINE.captures(line)?;
    Some((caps.name("who")?.as_str(), caps.name("headline")?.as_str()))
}

/// Words [`INLINE`] needs one of (its verbs' stems, case as written).
static INLINE_VERBS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new([
        "point", "writes", "wrote", "report", "says", "said", "argue", "asks", "asked", "explain",
        "note", "cover", "look", "discuss", "has",
    ])
    .expect("a few words always build")
});

/// Reporting verbs that introduce a cited piece: "X points this out in
/// Headline", "the Washington Post reports: Headline", "X reported in Headline:".
///
/// Accepts "Chris Trotter points this out in Prime Minister Jacinda Ardern has
/// a bob each way on bombing Syria"; rejects "The minister said in parliament
/// that the deal was dead." (a sentence: full stop, lower-case "headline").
pub fn inline(line: &str) -> Option<Source> {
    // The pattern needs one of its verbs before the line's first full
    // stop, question or exclamation mark or colon: most lines have none.
    let bytes = line.as_bytes();
    if line.ends_with('.') {
        return None;
    }
    let marks = memchr::memchr3(b'.', b'!', b'?', bytes).unwrap_or(bytes.len());
    // The headline starts before the line's first mark (nothing before it
    // may hold one) and runs to its end, so it holds a sentence break
    // there if the line does, and ends as the line does: such a line,
    // and one ending in a comma, is no headline's ([`is_headline`]).
    // Most lines of prose that do not end in a full stop are one or the
    // other, and go before any pattern is tried.
    if sentence_breaks_at(line, marks) || line.trim_end_matches(':').ends_with(',') {
        return None;
    }
    let head = &line[..memchr::memchr(b':', &bytes[..marks]).unwrap_or(marks)];
    // Only white space and the head's closing mark (a colon after the verb)
    // can stand between the head and the headline, which runs to the
    // line's end and is at most 200 bytes ([`is_headline`]): a paragraph
    // that goes on much longer after its first sentence is none.
    if let Some(after_head) = line.get(head.len() + 1..)
        && after_head.trim_start().trim_end_matches(':').len() > MAX_HEADLINE_LEN
    {
        return None;
    }
    if !INLINE_VERBS.is_match(head) {
        return None;
    }
    let (who, headline) = inline_parts(line)?;
    let headline = headline.trim_end_matches(':');
    if !is_headline(headline) {
        return None;
    }
    let who = strip_lead_words(who);
    if who.is_empty() || who.split_whitespace().count() > 6 {
        return None;
    }
    Some(source(Some(who), Some(headline), None))
}

/// A reporting lead: a name of one to four words and a reporting verb
/// "in" an outlet of one to five words, or a subject of one to four words
/// (after "The") and a reporting verb, then perhaps when, and a colon.
const LEAD: &str = r"^(?:(?:yesterday|today|earlier|meanwhile|now|and|but|so),?\s+)?(?:(?P<who>[\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*){0,3})\s+(?:writes|wrote|reports|reported|says|said|notes|noted|explains|argues|argued)\s+(?:in|at|on|for)\s+(?:the\s+)?(?P<outlet>[\p{Lu}0-9][\w.&’'-]*(?:\s+(?:and\s+|of\s+)?[\p{Lu}0-9][\w.&’'-]*){0,4})|(?P<subject>(?:[Tt]he\s+)?[\p{Lu}0-9][\w.&’'-]*(?:\s+[\p{Lu}0-9][\w.&’'-]*){0,3})\s+(?:reports|reported|writes|wrote|says|said|notes|noted|explains|has\s+more|has\s+this))(?:\s+(?:this|that|today|yesterday|this\s+morning|tonight))?:$";

/// The groups of a reporting lead's pattern ([`LEAD`]) in `line`
/// ([`reporting_lead`]).
///
/// Each bound on the words of a name, an outlet or a subject copies their
/// large Unicode classes into the compiled pattern, which made building it
/// a third of building all the patterns. The pattern with its bounds lifted
/// is asked first: where its groups keep within the bounds
/// ([`within_lead_bounds`]), the bounded pattern takes the same path (its
/// paths are the unbounded one's, tried in the same order), so its groups
/// are the same. Only otherwise is the bounded pattern built and asked.
fn reporting_lead_parts(line: &str) -> Option<regex::Captures<'_>> {
    static UNBOUNDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&LEAD.replace("{0,3}", "*").replace("{0,4}", "*"))
            .expect("the unbounded reporting-lead pattern is valid")
    });
    static BOUNDED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(LEAD).expect("the reporting-lead pattern is valid"));
    if line.len() > 120 || !line.ends_with(':') {
        return None;
    }
    let caps = UNBOUNDED.captures(line)?;
    if within_lead_bounds(&caps) {
        return Some(caps);
    }
    BOUNDED.captures(line)
}

/// Whether the groups of [`LEAD`] with its bounds lifted keep within them:
/// a name of at most four words, an outlet of at most five (not counting
/// the "and" and "of" between them), a subject of at most four after its
/// "The". A group's words hold no white space, so they are its words.
///
/// Accepts the groups of "Jane Doe writes in the Otago Daily Times:";
/// rejects those of "Ann Bea Cai Dee Eve writes in Stuff:" (five words).
fn within_lead_bounds(caps: &regex::Captures<'_>) -> bool {
    let words = |group: &str| {
        caps.name(group)
            .map_or(0, |m| m.as_str().split_whitespace().count())
    };
    let outlet_words = caps.name("outlet").map_or(0, |m| {
        m.as_str()
            .split_whitespace()
            .filter(|&word| word != "and" && word != "of")
            .count()
    });
    // The subject's "The" is the optional word before it where it can be:
    // its paths are tried first.
    let subject_the = caps.name("subject").is_some_and(|m| {
        let text = m.as_str();
        (text.starts_with("The") || text.starts_with("the"))
            && text[3..].starts_with(char::is_whitespace)
    });
    words("who") <= 4 && outlet_words <= 5 && words("subject") - usize::from(subject_the) <= 4
}

/// A line that hands over to a quote from an outlet, naming no headline:
/// "The Herald reports:", "Jane Doe writes in the Otago Daily Times:".
///
/// Accepts "Stuff reported this morning:"; rejects "The minister says:"
/// (no outlet) and "Jane Doe writes in her diary:" (no outlet either).
pub fn reporting_lead(line: &str, evidence: &impl Outlets) -> Option<Source> {
    let caps = reporting_lead_parts(line)?;
    if let Some(outlet) = caps.name("outlet") {
        let outlet = outlet.as_str();
        let credible = known_outlet(outlet).is_some()
            || DOMAIN.is_match(outlet)
            || (outlet.split_whitespace().count() >= 2 && evidence.is_outlet(outlet));
        return credible.then(|| source(Some(outlet), None, None));
    }
    let subject = caps.name("subject")?.as_str();
    let bare = subject
        .strip_prefix("The ")
        .or_else(|| subject.strip_prefix("the "))
        .unwrap_or(subject);
    let credible = known_outlet(bare).is_some() || DOMAIN.is_match(bare);
    credible.then(|| source(Some(subject), None, None))
}

/// A sentence naming a well-known outlet, then a dash and the headline of
/// its piece: "The Spinoff has a good explainer on this – Why the bridge
/// still matters".
///
/// Accepts "There is more in the Otago Daily Times – Hospital rebuild
/// delayed again"; rejects "Partners – or not" (no outlet before the dash)
/// and "The BBC said it – and then it said the opposite." (a sentence).
pub fn dash_after_outlet(line: &str, evidence: &impl Outlets) -> Option<Source> {
    if line.ends_with(['.', ':', ',']) || line.len() > 300 {
        return None;
    }
    let (before, headline) = split_at_last_spaced_dash(line)?;
    let headline = headline.trim();
    if !is_headline(headline)
        || !headline.starts_with(|c: char| c.is_uppercase() || "‘“'\"".contains(c))
    {
        return None;
    }
    let words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    // The longest run of up to four words that names a known outlet.
    let outlet = (0..words.len()).find_map(|start| {
        (1..=4.min(words.len() - start)).rev().find_map(|len| {
            let name = words[start..start + len].join(" ");
            let capitalised = words[start].starts_with(char::is_uppercase);
            (capitalised && known_outlet(&name).is_some()).then_some(name)
        })
    })?;
    // A would-be outlet the archive uses as a person's name is none.
    if !evidence.is_outlet(&outlet) {
        return None;
    }
    Some(source(Some(&outlet), Some(headline), None))
}

/// `line` around its last spaced dash (" – ", " — " or " - "), the dash
/// and its spaces left out.
fn split_at_last_spaced_dash(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    // From the end, the first hyphen or first byte of an en or em dash
    // (E2 80 93/94) with a space on either side.
    memchr::memrchr2_iter(b'-', 0xe2, bytes).find_map(|at| {
        let len = match &bytes[at..] {
            [b'-', ..] => 1,
            [0xe2, 0x80, 0x93 | 0x94, ..] => 3,
            _ => return None,
        };
        let spaced = at > 0 && bytes[at - 1] == b' ' && bytes.get(at + len) == Some(&b' ');
        spaced.then(|| (&line[..at - 1], &line[at + len + 1..]))
    })
}

/// "Yesterday the Canadian Globe and Mail" → "Canadian Globe and Mail".
fn strip_lead_words(who: &str) -> &str {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?:yesterday|today|tonight|earlier|meanwhile|now|also|and|but|so|last\s+\w+|this\s+(?:week|month|morning)|on\s+\w+day|in|as)\b[,\s]*)*(?:the\s+)?",
        )
        .expect("the lead-word pattern is valid")
    });
    let rest = LEAD.find(&who.to_lowercase()).map_or(0, |m| m.end());
    // The match was on a lower-cased copy; lower-casing can change lengths
    // outside ASCII, so only trust the offset on a char boundary.
    who.get(rest..).unwrap_or(who).trim()
}

/// A line that attributes what follows to an outlet without a headline.
///
/// Accepts "From live coverage from The Guardian:", "Via Reuters:"; rejects
/// "From Missy:" (a contributor, not an outlet).
pub fn attribution(line: &str, evidence: &impl Outlets) -> Option<Source> {
    static FROM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:From|Via|According\s+to|Source)\b.*?\b(?:from|in|on|by|to|via|Source)?:?\s*(?P<outlet>(?:The\s+)?[A-Z][\w.&’'-]*(?:\s+(?:and\s+|of\s+)?[A-Z][\w.&’'-]*){0,3}):$")
            .expect("the attribution pattern is valid")
    });
    let opening = ["From", "Via", "According", "Source"];
    if line.len() > 120 || !line.ends_with(':') || !opening.iter().any(|o| line.starts_with(o)) {
        return None;
    }
    let caps = FROM.captures(line)?;
    let outlet = caps["outlet"].trim();
    let credible = known_outlet(outlet).is_some()
        || (outlet.starts_with("The ") && evidence.is_outlet(outlet))
        || DOMAIN.is_match(outlet);
    credible.then(|| source(Some(outlet), None, None))
}

/// The words that open a link's text.
const OPENINGS: [&str; 4] = ["Read", "Watch", "Listen", "See"];
/// A link's text after its opening word.
static READ: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("{}.+)$", read_head_pattern())).expect("the read-link pattern is valid")
});

/// [`READ`] up to the headline's first character, without groups: its
/// search need not resolve them, which costs the whole pattern a slower
/// search stepping through the headline a character at a time.
static READ_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    let head = read_head_pattern().replace("(?P<headline>", "");
    Regex::new(&head).expect("the read-link head is valid")
});

/// [`READ`]'s text up to its headline's first character.
fn read_head_pattern() -> String {
    let openings = OPENINGS.join("|");
    format!(r"(?:^|:\s+)(?:{openings})(?::|\s+more:)?\s+(?P<headline>[A-Z‘“]")
}

/// The headline [`READ`] finds in `line`.
///
/// [`READ_HEAD`] ends where the same path of the whole pattern would start
/// its headline's second character, when the headline then runs on to the
/// line's end as the whole pattern's `.+$` asks (one character at least,
/// no line break): the paths the whole pattern tries before that one, and
/// any match further left, fail already in the head. Otherwise the whole
/// pattern is asked.
fn read_headline(line: &str) -> Option<&str> {
    let head = READ_HEAD.find(line)?;
    let after_first = &line[head.end()..];
    if !after_first.is_empty() && !after_first.contains('\n') {
        let first_len = line[..head.end()].chars().next_back()?.len_utf8();
        return Some(&line[head.end() - first_len..]);
    }
    let caps = READ.captures(line)?;
    Some(caps.name("headline")?.as_str())
}

/// "…: Read President Trump’s full remarks on trade deals to CNBC": a link's
/// text, with the outlet taken from a well-known name in the line.
pub fn read_link(line: &str) -> Option<Source> {
    // The pattern is matched from the line's end back; most lines are ruled
    // out by where its words could stand: at the start, or after a colon
    // and white space.
    let opens_at = |at: &str| OPENINGS.iter().any(|o| at.starts_with(o));
    let could_open = opens_at(line)
        || memchr::memchr_iter(b':', line.as_bytes()).any(|at| {
            let after = &line[at + 1..];
            let rest = after.trim_start();
            rest.len() < after.len() && opens_at(rest)
        });
    if line.ends_with('.') || !could_open {
        return None;
    }
    let headline = read_headline(line)?;
    if !(8..=180).contains(&headline.chars().count()) {
        return None;
    }
    let outlet = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .find_map(known_outlet);
    Some(source(outlet, Some(headline), None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(line: &str, context: &[&str]) -> Option<(Option<String>, Option<String>)> {
        let mut all = context.to_vec();
        all.push(line);
        let evidence = evidence_of(&all);
        recognise(line, &evidence).map(|s| (s.outlet, s.headline))
    }

    fn pair(outlet: &str, headline: &str) -> Option<(Option<String>, Option<String>)> {
        Some((Some(outlet.into()), Some(headline.into())))
    }

    #[test]
    fn outlet_colon_headline() {
        assert_eq!(
            cite(
                "RNZ: Macron attacks nationalism in speech to US Congress",
                &[]
            ),
            pair("RNZ", "Macron attacks nationalism in speech to US Congress")
        );
        assert_eq!(
            cite(
                "The Telegraph: Russia blamed as campaign blasts ‘hacking attack’",
                &[]
            ),
            pair(
                "The Telegraph",
                "Russia blamed as campaign blasts ‘hacking attack’"
            )
        );
        assert_eq!(
            cite("Newsroom Pro: Ministers split on water reforms", &[]),
            pair("Newsroom Pro", "Ministers split on water reforms")
        );
    }

    #[test]
    fn a_quoted_headline_then_its_writer_and_outlet() {
        assert_eq!(
            cite(
                "\"Police drone takes to the sky\" Press Association, Harbour Post",
                &[]
            ),
            pair("Harbour Post", "Police drone takes to the sky")
        );
        assert_eq!(
            cite("“Pier to close: board” by JO LEE, Harbour Post", &[]),
            pair("Harbour Post", "Pier to close: board")
        );
        assert_eq!(
            cite("\"Pier to close for winter\" The Guardian", &[]),
            pair("The Guardian", "Pier to close for winter")
        );
        for line in [
            // No names after the quotation.
            "\"We will not move,\" she said",
            "\"We will not move\" and that was that",
            // A quotation of sentences.
            "\"It fell. Then it rose\" Jo Lee",
            // Nothing after it.
            "\"Tolls up again\"",
            // A sentence after it.
            "\"Tolls up again\" Jo Lee said.",
            // One name, no outlet known: the rest of a title.
            "\"Fake News\" Strikes Again",
        ] {
            assert_eq!(cite(line, &[]), None, "{line}");
        }
    }

    #[test]
    fn outlet_dash_headline_splits_at_the_first_separator() {
        assert_eq!(
            cite(
                "BBC – Syria ‘chemical attack’: France’s President Macron ‘has proof’",
                &[]
            ),
            pair(
                "BBC",
                "Syria ‘chemical attack’: France’s President Macron ‘has proof’"
            )
        );
    }

    #[test]
    fn separators_need_a_name_before_them_and_a_space_after() {
        assert_eq!(
            split_prefix("RNZ - Tolls rise"),
            Some(("RNZ", "Tolls rise"))
        );
        assert_eq!(
            split_prefix("RNZ — Tolls rise"),
            Some(("RNZ", "Tolls rise"))
        );
        assert_eq!(split_prefix("Stuff: a: b"), Some(("Stuff", "a: b")));
        for line in [
            "- Tolls rise",
            "– Tolls rise",
            "-",
            "–",
            ": x",
            "NZ-EU deal",
            "RNZ:x",
        ] {
            assert_eq!(split_prefix(line), None, "{line}");
        }
    }

    #[test]
    fn white_space_before_a_separator_names_no_outlet() {
        let lines = ["  – Tolls up", "Élection – très serrée"];
        let evidence = evidence_of(&lines);
        assert!(evidence.uses_in_text.keys().all(|name| !name.is_empty()));
    }

    #[test]
    fn names_used_early_and_never_are_told_apart_across_stretches() {
        // More paragraphs than one stretch of the search holds: the search
        // stops once "Macron" is found in sentences, before "Kernen" is
        // ever counted, and reads to the end for "Kernen".
        let mut lines = vec!["Macron spoke to Congress.", "Later Macron flew home."];
        lines.extend(std::iter::repeat_n("The talks went on.", 3 * MIN_STRETCH));
        lines.extend(["Macron: Tolls up again", "Kernen: Tolls up again"]);
        let evidence = evidence_of(&lines);
        assert!(!evidence.is_outlet("Macron"));
        assert!(evidence.is_outlet("Kernen"));
        assert_eq!(recognise("Macron: Tolls up again", &evidence), None);
        assert!(recognise("Kernen: Tolls up again", &evidence).is_some());
        lines.push("And Kernen said so, and Kernen again.");
        assert!(!evidence_of(&lines).is_outlet("Kernen"));
    }

    #[test]
    fn a_title_with_a_colon_is_not_a_citation() {
        let context = ["Macron spoke to Congress.", "Later Macron flew home."];
        assert_eq!(cite("Macron: No planet B rebuke to Trump", &context), None);
        assert_eq!(cite("US: Tariffs on steel from June", &[]), None);
        // A year is no acronym; letters and digits may be one.
        assert_eq!(cite("2022: The Travel Year in Review", &[]), None);
        assert!(cite("ABC7: Ferry strike called off", &[]).is_some());
        // A speaker label followed by speech is not a headline.
        assert_eq!(
            cite(
                "Kernen: I am a little bit, yeah, I’m a little taken aback.",
                &[]
            ),
            None
        );
    }

    #[test]
    fn sentence_then_citation() {
        assert_eq!(
            cite(
                "The US also faces trade problems in Europe. Forbes – EU Tells Trump: No Paris Climate Deal, No Free Trade",
                &[]
            ),
            pair(
                "Forbes",
                "EU Tells Trump: No Paris Climate Deal, No Free Trade"
            )
        );
    }

    /// A line whose name must be counted in the archive is found by a
    /// later reading, and read again with it gives the source it gave.
    #[test]
    fn a_citation_read_again_gives_the_source_its_reading_found() {
        let paragraphs = [
            "Quorvex Daily: Ministers weigh a new levy on harbour tolls",
            "The levy would fall hardest on the small ferry firms, they say.",
            "Brelm Tunis: we were never told about the levy, not once",
            "As Brelm Tunis said at the meeting, and Brelm Tunis says still, nobody asked.",
        ];
        let (cited, readings) = citations(paragraphs.len(), |k| paragraphs[k], |_| true);
        let [(at, reading)] = cited[..] else {
            panic!("one citation: {cited:?}");
        };
        assert_eq!(at, 0);
        assert_ne!(reading, Reading(0), "its name was counted first");
        let source = readings.source(reading, paragraphs[0]).expect("a citation");
        assert_eq!(source.outlet.as_deref(), Some("Quorvex Daily"));
        assert_eq!(
            source.headline.as_deref(),
            Some("Ministers weigh a new levy on harbour tolls")
        );
        // What is held from the title pass to the posts for each.
        assert_eq!(size_of::<(usize, Reading)>(), 16);
    }

    #[test]
    fn inline_citations() {
        assert_eq!(
            cite(
                "Chris Trotter points this out in Prime Minister Jacinda Ardern has a bob each way on bombing Syria",
                &[]
            ),
            pair(
                "Chris Trotter",
                "Prime Minister Jacinda Ardern has a bob each way on bombing Syria"
            )
        );
        assert_eq!(
            cite(
                "Yesterday the Washington Post reports: 25 GOP senators urge Trump to restart TPP trade talks",
                &[]
            ),
            pair(
                "Washington Post",
                "25 GOP senators urge Trump to restart TPP trade talks"
            )
        );
        assert_eq!(
            cite(
                "Yesterday the Canadian Globe and Mail reported in Where do NAFTA talks go from here?:",
                &[]
            ),
            pair(
                "Canadian Globe and Mail",
                "Where do NAFTA talks go from here?"
            )
        );
        assert_eq!(
            cite(
                "The minister said in parliament that the deal was dead.",
                &[]
            ),
            None
        );
        // A title that happens to contain "says" is not a citation.
        assert_eq!(
            cite("Macron says France has proof of chemical attack", &[]),
            None
        );
    }

    #[test]
    fn reporting_leads_name_an_outlet_and_no_headline() {
        let outlet = |o: &str| Some((Some(o.to_string()), None));
        assert_eq!(cite("The Herald reports:", &[]), outlet("The Herald"));
        assert_eq!(cite("Stuff reported this morning:", &[]), outlet("Stuff"));
        assert_eq!(
            cite("Jane Doe writes in the Otago Daily Times:", &[]),
            outlet("Otago Daily Times")
        );
        assert_eq!(cite("The minister says:", &[]), None);
        assert_eq!(cite("Jane Doe writes in her diary:", &[]), None);
    }

    #[test]
    fn a_dash_after_a_sentence_naming_an_outlet_gives_the_headline() {
        assert_eq!(
            cite(
                "The Spinoff has a good explainer on this – Why the bridge still matters",
                &[]
            ),
            pair("The Spinoff", "Why the bridge still matters")
        );
        assert_eq!(
            cite(
                "There is more in the Otago Daily Times – Hospital rebuild delayed again",
                &[]
            ),
            pair("Otago Daily Times", "Hospital rebuild delayed again")
        );
        let evidence = OutletEvidence::default();
        assert_eq!(dash_after_outlet("Partners – or not", &evidence), None);
        assert_eq!(
            dash_after_outlet(
                "The BBC said it – and then it said the opposite.",
                &evidence
            ),
            None
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn the_verb_gate_never_turns_an_inline_citation_away(
            (who, verb, link, headline) in (
                proptest::sample::select(vec!["Chris Trotter", "Yesterday the Post", "x", "The minister"]),
                proptest::sample::select(vec![
                    "points this out", "pointed it out", "writes", "wrote", "reports", "reported",
                    "says", "said", "argues", "argued", "asks", "asked", "explains", "explained",
                    "notes", "noted", "covers", "covered", "looks", "looked", "discusses",
                    "discussed", "has", "Said", "pointed that out", "sees",
                ]),
                proptest::sample::select(vec![" in ", " at ", " on ", ": ", " :  ", " more ", " "]),
                proptest::sample::select(vec!["Prime Minister quits", "25 GOP senators", "‘Quoted’ words", "lower case", "X:"]),
            ),
        ) {
            let line = format!("{who} {verb}{link}{headline}");
            if INLINE.is_match(&line) {
                proptest::prop_assert!(INLINE_VERBS.is_match(&line), "{:?}", line);
            }
        }
    }

    /// The inline-citation test as first written, the pattern alone.
    fn inline_by_pattern(line: &str) -> Option<Source> {
        if line.ends_with('.') {
            return None;
        }
        let caps = INLINE.captures(line)?;
        let headline = caps["headline"].trim_end_matches(':');
        if !is_headline(headline) {
            return None;
        }
        let who = strip_lead_words(&caps["who"]);
        if who.is_empty() || who.split_whitespace().count() > 6 {
            return None;
        }
        Some(source(Some(who), Some(headline), None))
    }

    /// [`split_prefix`] as first written: the first colon and the first
    /// dash looked for apart, and the earlier taken.
    fn split_prefix_by_two_searches(line: &str) -> Option<(&str, &str)> {
        let mut end = line.len().min(MAX_OUTLET_LEN + 4);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        let head = &line.as_bytes()[..end];
        let colon = (0..head.len())
            .find(|&at| head[at] == b':' && head.get(at + 1) == Some(&b' '))
            .map(|at| (at, 2));
        let dash = (0..head.len()).find_map(|at| {
            let dash = match &head[at..] {
                [b'-', ..] => 1,
                [0xe2, 0x80, 0x93 | 0x94, ..] => 3,
                _ => return None,
            };
            let spaced = at > 0 && head[at - 1] == b' ' && head.get(at + dash) == Some(&b' ');
            spaced.then(|| (at - 1, dash + 2))
        });
        let (at, len) = match (colon, dash) {
            (Some(colon), Some(dash)) => colon.min(dash),
            (found, None) | (None, found) => found?,
        };
        if at == 0 || at > MAX_OUTLET_LEN {
            return None;
        }
        Some((line[..at].trim(), line[at + len..].trim()))
    }

    /// The read-link test as first written: any opening or any colon.
    fn read_link_by_pattern(line: &str) -> Option<Source> {
        let could_open = OPENINGS.iter().any(|o| line.starts_with(o)) || line.contains(':');
        if line.ends_with('.') || !could_open {
            return None;
        }
        let caps = READ.captures(line)?;
        let headline = &caps["headline"];
        if !(8..=180).contains(&headline.chars().count()) {
            return None;
        }
        let outlet = line
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .rev()
            .find_map(known_outlet);
        Some(source(outlet, Some(headline), None))
    }

    /// The outlet of a URL as first found, a domain at a time with its dot.
    fn outlet_of_url_by_format(url: &str) -> Option<String> {
        let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
        let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        if host.is_empty() || !host.contains('.') {
            return None;
        }
        for (name, _, domains) in OUTLETS {
            if domains
                .iter()
                .any(|d| host == *d || host.ends_with(&format!(".{d}")))
            {
                return Some((*name).to_string());
            }
        }
        Some(host.to_string())
    }

    /// The bare-URL test as first written, a pattern.
    fn bare_url_by_pattern(line: &str) -> Option<Source> {
        static URL: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^<?(?P<url>(?:https?://|www\.)[^\s<>]+)>?$")
                .expect("the URL pattern is valid")
        });
        let caps = URL.captures(line)?;
        let url = &caps["url"];
        Some(Source {
            outlet: outlet_of_url(url),
            headline: None,
            url: Some(url.to_string()),
        })
    }

    /// A citation's sentence after a sentence of commentary, as first found.
    static LAST_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[.!?][”’]?\s+(?P<rest>[A-Z][^.!?]*[^.])$")
            .expect("the sentence pattern is valid")
    });

    /// [`last_sentence`] as it was written with [`LAST_SENTENCE`]: the
    /// pattern asked of a line with a separator after its last mark.
    fn last_sentence_by_pattern(line: &str) -> Option<&str> {
        last_mark_with_separator(line)?;
        Some(LAST_SENTENCE.captures(line)?.name("rest")?.as_str())
    }

    /// [`reporting_lead_parts`] by the bounded pattern alone.
    fn reporting_lead_parts_by_pattern(line: &str) -> Option<regex::Captures<'_>> {
        static BOUNDED: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(LEAD).expect("the reporting-lead pattern is valid"));
        if line.len() > 120 || !line.ends_with(':') {
            return None;
        }
        BOUNDED.captures(line)
    }

    /// The trailing-citation test as first written: the pattern asked of
    /// every line with a separator and a mark.
    fn trailing_by_pattern(line: &str, evidence: &OutletEvidence) -> Option<Source> {
        if line.ends_with('.')
            || !has_separator(line)
            || memchr::memchr3(b'.', b'!', b'?', line.as_bytes()).is_none()
        {
            return None;
        }
        let rest = LAST_SENTENCE.captures(line)?.name("rest")?.as_str();
        explicit(rest, evidence)
    }

    /// The evidence of an archive of `lines`, every name counted.
    fn evidence_of(lines: &[&str]) -> OutletEvidence {
        let mut named: Vec<&str> = lines.iter().filter_map(|line| own_name(line)).collect();
        named.sort_unstable();
        OutletEvidence::of_names(lines.len(), |i| lines[i], &named, |_| true)
    }

    /// Every `Name:` prefix's uses in the paragraphs' sentences, each name
    /// counted in every paragraph of the archive to its end: what the
    /// evidence counted before it counted only the names a line needed.
    fn uses_counted_everywhere(paragraphs: &[String]) -> HashMap<String, usize> {
        let mut named: Vec<&str> = paragraphs
            .iter()
            .filter_map(|p| split_prefix(p).map(|(outlet, _)| outlet))
            .filter(|outlet| !outlet.is_empty() && known_outlet(outlet).is_none())
            .collect();
        named.sort_unstable();
        let (candidates, own_lines): (Vec<&str>, Vec<usize>) = named
            .chunk_by(|a, b| a == b)
            .map(|same| (same[0], same.len()))
            .unzip();
        if candidates.is_empty() {
            return HashMap::default();
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&candidates)
            .expect("the names build");
        let mut uses = vec![0usize; candidates.len()];
        for paragraph in paragraphs {
            for found in matcher.find_iter(paragraph) {
                if is_word_at(paragraph, found.start(), found.end() - found.start()) {
                    uses[found.pattern().as_usize()] += 1;
                }
            }
        }
        candidates
            .into_iter()
            .zip(uses.into_iter().zip(own_lines))
            .map(|(name, (uses, own))| (name.to_string(), uses.saturating_sub(own)))
            .collect()
    }

    /// Paragraphs of names, some of them inside others, in `Name:` lines
    /// and in sentences.
    fn names_and_prefixes() -> impl proptest::strategy::Strategy<Value = String> {
        pieces_of(
            vec![
                "Macron",
                "Macron Tower",
                "Joe",
                "Joe Kernen",
                "Kernen",
                "The Post",
                "US",
                "RNZ",
                "he said",
                "Ardern",
                "x",
                ": ",
                " – ",
                " - ",
                " ",
                "’s",
                "said",
                "Tolls up again",
                ".",
                "Kernen:",
                "Joe:",
                "visits",
                " writes in the ",
                " reports:",
                "Post Times",
                "Joe Kernen writes in Macron Tower:",
                "Earlier. Macron: Tolls up again",
            ],
            1..7,
        )
    }

    /// Lines in the shapes of inline citations and read links, and near misses.
    fn citation_like() -> impl proptest::strategy::Strategy<Value = String> {
        pieces_of(
            vec![
                "Chris Trotter",
                "The Post",
                "x",
                " ",
                "  ",
                "\u{a0}",
                "points this out in",
                "wrote",
                "reports",
                "said",
                "says:",
                "argues",
                "asked",
                "notes",
                "covers",
                "looks at",
                "has more",
                " in ",
                " at ",
                " on ",
                ":",
                ": ",
                ".",
                "!",
                "?",
                ",",
                "Read",
                "Watch",
                "Listen",
                "See",
                "more:",
                "Prime Minister quits over tolls",
                "‘Quoted’ words for the day",
                "A Headline Long Enough That Two Or Three Of It Make A Line Longer Than Any Headline Can Be, In Words Of Every Length",
                "CNBC",
                "“",
                "‘",
                "Q",
                "\t",
                "lower case words",
                "\n",
                "X",
                "Q\nR",
                "’",
                "”",
                "‘",
                "\"",
                "RNZ: ",
                " – ",
                "http://example.org/a",
            ],
            0..9,
        )
    }

    /// `count` of `pieces` (with repeats), end to end.
    fn pieces_of(
        pieces: Vec<&'static str>,
        count: std::ops::Range<usize>,
    ) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(proptest::sample::select(pieces), count)
            .prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The headline found from the head is the one the whole pattern's
        /// group gives.
        #[test]
        fn read_headlines_are_those_of_the_whole_pattern(
            shaped in pieces_of(
                vec![
                    "Read", "See", "Watch", "Listen", "more:", " more:", ":", ": ", " ", "  ",
                    "\t", "\n", "\u{a0}", "Q", "A", "“", "‘", "x", "Quits", "CNBC", ".",
                ],
                0..12,
            ),
        ) {
            let by_pattern = READ
                .captures(&shaped)
                .and_then(|caps| Some(caps.name("headline")?.as_str()));
            proptest::prop_assert_eq!(read_headline(&shaped), by_pattern, "{:?}", shaped);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn gated_citations_are_read_as_by_the_patterns_alone(line in citation_like()) {
            proptest::prop_assert_eq!(inline(&line), inline_by_pattern(&line), "{:?}", line);
            proptest::prop_assert_eq!(read_link(&line), read_link_by_pattern(&line), "{:?}", line);
        }

        #[test]
        fn inline_citations_with_marks_in_their_headlines_are_read_as_by_the_pattern(
            (who, verb, headline) in (
                proptest::sample::select(vec!["Chris Trotter", "Yesterday the Post", "x,", "The minister."]),
                proptest::sample::select(vec![" writes in ", " reports: ", " points this out in ", " said on ", " has more "]),
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        "Tolls", " up", ".", "!", "?", " ", "\u{a0}", "’", "”", "\"", "'", "“", "‘",
                        "A", "b", ",", ":", "9",
                    ]),
                    0..8,
                ),
            ),
        ) {
            let line = format!("{who}{verb}{}", headline.concat());
            proptest::prop_assert_eq!(inline(&line), inline_by_pattern(&line), "{:?}", line);
        }

        #[test]
        fn bare_urls_are_read_as_by_the_pattern(
            line in "[<>]{0,2}(https?://|www\\.|http:/|https:|www)?[a-z./<> \u{a0}é]{0,12}[<>]{0,2}"
        ) {
            proptest::prop_assert_eq!(bare_url(&line), bare_url_by_pattern(&line), "{:?}", line);
        }

        #[test]
        fn outlets_of_urls_are_found_as_a_domain_at_a_time(
            url in "(https?://)?(www\\.)?(news\\.|x|\\.)?(bbc|bbc\\.co|xbbc|nzherald|x)?(\\.co\\.uk|\\.com|\\.co\\.nz|com)?(/a|:80|\\?q)?"
        ) {
            proptest::prop_assert_eq!(outlet_of_url(&url), outlet_of_url_by_format(&url), "{:?}", url);
        }

        #[test]
        fn reporting_leads_are_read_as_by_the_bounded_pattern(
            (lead, names, verb, outlet, when) in (
                proptest::sample::select(vec!["", "Yesterday ", "yesterday ", "and ", "so, ", "Now "]),
                pieces_of(vec!["Ann ", "Bea ", "The ", "the ", "Cai’s ", "9News ", "É ", "x ", "  ", "\u{a0}"], 0..8),
                proptest::sample::select(vec![
                    "writes in ", "said on the ", "reports", "reported", "has more", "has this", "says ",
                    "noted at ", "writes",
                ]),
                pieces_of(vec!["Otago ", "Daily ", "and ", "of ", "Times", "NZ ", "x", " ", "9"], 0..9),
                proptest::sample::select(vec!["", " today", " this morning", " this", " tonight "]),
            ),
        ) {
            let line = format!("{lead}{names}{verb}{outlet}{when}:");
            let groups = |caps: Option<regex::Captures<'_>>| {
                caps.map(|caps| {
                    ["who", "outlet", "subject"].map(|group| caps.name(group).map(|m| m.range()))
                })
            };
            proptest::prop_assert_eq!(
                groups(reporting_lead_parts(&line)),
                groups(reporting_lead_parts_by_pattern(&line)),
                "{:?}", line
            );
        }

        #[test]
        fn last_sentences_are_found_as_by_the_pattern(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Tolls", "rose", "forbes", "A", "x", "É", "9", ".", "!", "?", "…", "”", "’",
                    "\"", " ", "  ", "\u{a0}", "\n", "\u{2003}", " – ", " - ", ":", "—", "-",
                ]),
                0..12,
            ),
        ) {
            let line = pieces.concat();
            proptest::prop_assert_eq!(last_sentence(&line), last_sentence_by_pattern(&line), "{:?}", line);
        }

        #[test]
        fn trailing_citations_are_read_as_by_the_pattern(line in citation_like()) {
            let context = ["Macron spoke.", line.as_str()];
            let evidence = evidence_of(&context);
            proptest::prop_assert_eq!(
                trailing(&line, &evidence),
                trailing_by_pattern(&line, &evidence),
                "{:?}", line
            );
        }

        #[test]
        fn a_line_that_may_not_cite_is_no_citation(
            (opening, body, end) in (
                proptest::sample::select(vec![
                    "", "RNZ: ", "BBC – ", "Stuff - ", "Macron: ", "From The Guardian", "Via ",
                    "http://example.org/", "https://www.bbc.com/news ", "www.", "<http://x.nz/", "Read ",
                    "The Herald reports", "Yesterday the Post wrote in ",
                ]),
                citation_like(),
                proptest::sample::select(vec!["", ".", ":", ". ", ">", "..", "!", "”.", " – Tolls up."]),
            ),
        ) {
            let line = format!("{opening}{body}{end}");
            let context = ["Macron spoke.", line.as_str()];
            let evidence = evidence_of(&context);
            if !may_cite(&line) {
                proptest::prop_assert_eq!(recognise(&line, &evidence), None, "{:?}", line);
            }
        }

        #[test]
        fn citations_are_read_as_with_every_name_counted_in_every_paragraph(
            paragraphs in proptest::collection::vec(
                proptest::prop_oneof![names_and_prefixes(), citation_like()],
                1..10,
            ),
        ) {
            let counted_everywhere = OutletEvidence {
                uses_in_text: uses_counted_everywhere(&paragraphs),
            };
            let every_name_counted: Vec<(usize, Source)> = paragraphs
                .iter()
                .enumerate()
                .filter(|(_, line)| may_cite(line))
                .filter_map(|(k, line)| recognise(line, &counted_everywhere).map(|s| (k, s)))
                .collect();
            let (cited, readings) = citations(paragraphs.len(), |k| &paragraphs[k], |k| may_cite(&paragraphs[k]));
            let read: Vec<(usize, Source)> = cited
                .into_iter()
                .map(|(k, reading)| (k, readings.source(reading, &paragraphs[k]).expect("read again, a citation cites")))
                .collect();
            proptest::prop_assert_eq!(read, every_name_counted, "{:?}", paragraphs);
        }

        #[test]
        fn inline_parts_are_the_whole_patterns_groups(line in citation_like()) {
            let by_pattern = INLINE
                .captures(&line)
                .map(|caps| (caps["who"].to_string(), caps["headline"].to_string()));
            let parts = inline_parts(&line).map(|(who, headline)| (who.to_string(), headline.to_string()));
            proptest::prop_assert_eq!(parts, by_pattern, "{:?}", line);
        }

        #[test]
        fn prefixes_are_split_as_by_a_search_for_each_separator(
            line in "[a: \\-–—’é]{0,60}"
        ) {
            proptest::prop_assert_eq!(
                split_prefix(&line),
                split_prefix_by_two_searches(&line),
                "{:?}", line
            );
        }

        #[test]
        fn separators_are_found_on_the_bytes_as_by_characters(
            line in "[a:\\-–—’“é ]{0,12}"
        ) {
            proptest::prop_assert_eq!(
                has_separator(&line),
                line.contains(['–', '—', '-', ':']),
                "{:?}", line
            );
        }

        #[test]
        fn outlet_keys_made_on_the_stack_are_the_keys_made_by_allocation(
            name in "(?i)(the |THE )?(bbc|rnz|new york times|the post|stuff|[a-zA-Z0-9 .,'ıſé-]{0,70})[ \t]{0,2}"
        ) {
            proptest::prop_assert_eq!(
                known_outlet(&name),
                KNOWN_BY_NAME.get(&outlet_key(&name)).copied(),
                "{:?}", name
            );
        }
    }

    #[test]
    fn attributions_and_urls() {
        assert_eq!(
            cite("From live coverage from The Guardian:", &[]),
            Some((Some("The Guardian".into()), None))
        );
        assert_eq!(cite("From Missy:", &[]), None);
        let evidence = OutletEvidence::default();
        let url = recognise("http://www.telegraph.co.uk/news/2017/05/07/x/", &evidence).unwrap();
        assert_eq!(url.outlet.as_deref(), Some("The Telegraph"));
        assert_eq!(
            url.url.as_deref(),
            Some("http://www.telegraph.co.uk/news/2017/05/07/x/")
        );
        let url = recognise("https://example.org/a", &evidence).unwrap();
        assert_eq!(url.outlet.as_deref(), Some("example.org"));
        assert_eq!(
            recognise("See https://example.org for more", &evidence),
            None
        );
    }

    #[test]
    fn read_links_take_a_known_outlet_from_the_line() {
        assert_eq!(
            cite(
                "Trump spoke in an interview with CNBC at Davos: Read President Trump’s full remarks on trade deals to CNBC",
                &[]
            ),
            pair(
                "CNBC",
                "President Trump’s full remarks on trade deals to CNBC"
            )
        );
    }

    #[test]
    fn read_links_open_a_line_or_follow_a_colon() {
        let headline = |line: &str| read_link(line).and_then(|s| s.headline);
        assert_eq!(
            headline("Watch Macron’s whole speech to the US Congress on the BBC").as_deref(),
            Some("Macron’s whole speech to the US Congress on the BBC")
        );
        assert_eq!(
            headline("Listen more: Ardern on the Syrian strikes").as_deref(),
            Some("Ardern on the Syrian strikes")
        );
        for not_a_link in [
            "He said we should Read President Trump’s remarks with care",
            "Watch Macron’s whole speech to the US Congress on the BBC.",
        ] {
            assert_eq!(headline(not_a_link), None, "{not_a_link}");
        }
    }
}
