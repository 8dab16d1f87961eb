//! Deriving the topic tree from what the posts are about.
//!
//! The method, deterministic and linear in the size of the corpus:
//! 1. **Terms.** Each post's title and blocks are split into words. Three
//!    kinds of term are collected: *names* (runs of capitalised words, such
//!    as "Jacinda Ardern" or "New Zealand"), *acronyms* ("TPP") and *themes*
//!    (lower-case content words that some title uses, such as "trade"),
//!    plus *title phrases* (two words of a title, "French election",
//!    counted in bodies also with one word between: "French presidential
//!    election").
//! 2. **Merging.** A name is filed under its last word when that word is
//!    used on its own elsewhere ("Donald Trump" → "Trump", but "New
//!    Zealand" stays whole); possessives go ("Trump’s" → "Trump"); a
//!    demonym joins its country when only a suffix differs ("Syrian" →
//!    "Syria", "Russians" → "Russia"); plurals join their singular.
//! 3. **Aboutness.** A post is about a term when its title uses the term or
//!    its text does three times or more.
//! 4. **Naming rules.** A capitalised word counts as a name only where it
//!    is not the first of a sentence, or if it also appears capitalised
//!    inside a sentence somewhere; stopwords, pronouns and common verbs are
//!    never terms ("He", "The", "Said"); outlets the posts cite are left to
//!    the Sources view.
//! 5. **Choosing.** Terms that two posts or more are about become topics,
//!    ranked by how many posts they hold, then by how often they are used;
//!    the top ones are kept (about one topic per post, at most 40). A title
//!    phrase becomes a subtopic of the theme that is its last word
//!    ("election" → "French election"); a term only one post is about but
//!    that its title names and its text repeats becomes a subtopic of the
//!    smallest topic holding that post ("trade" → "TPP").
//! 6. **Coverage.** A post under no topic is filed under its strongest
//!    term, so every post is under at least one.
//!
//! Topics are sorted by number of posts, then name.

mod word_map;
mod wordlists;
mod words;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::model::{Post, Topic};
use word_map::WordMap;
use wordlists::{DEMONYMS, RUN_BREAKERS, STOP_NAMES, STOPWORDS};
use words::{Word, capitalised_words, pieces, words_into};

/// A post is about a term its title uses, or its text uses this often.
const ABOUT_THRESHOLD: u32 = 3;
/// Weight of one use in the title against one use in the text.
const TITLE_WEIGHT: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Name,
    Theme,
    Phrase,
}

/// Derives the topic tree and writes each post's topic names into it.
pub fn derive(posts: &mut [Post]) -> Vec<Topic> {
    if posts.is_empty() {
        return Vec::new();
    }
    let tree = {
        let posts: &[Post] = posts;
        let vocabulary = Vocabulary::gather(posts);
        choose(posts, Tally::of(posts, &vocabulary), &vocabulary)
    };
    assign_topic_names(posts, &tree);
    tree
}

/// Builds a tree from the topic names posts already carry (a JSON corpus
/// with per-post topics but no tree).
pub fn tree_from_post_topics(posts: &[Post]) -> Vec<Topic> {
    let mut by_name: BTreeMap<&str, Vec<Arc<str>>> = BTreeMap::new();
    for post in posts {
        for name in &post.topics {
            by_name.entry(name).or_default().push(Arc::clone(&post.id));
        }
    }
    let mut topics: Vec<Topic> = by_name
        .into_iter()
        .map(|(name, posts)| Topic {
            name: name.to_string(),
            posts,
            children: Vec::new(),
        })
        .collect();
    sort_topics(&mut topics);
    topics
}

fn sort_topics(topics: &mut [Topic]) {
    topics.sort_by(|a, b| {
        b.posts
            .len()
            .cmp(&a.posts.len())
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    for topic in topics.iter_mut() {
        sort_topics(&mut topic.children);
    }
}

fn assign_topic_names(posts: &mut [Post], tree: &[Topic]) {
    let names = {
        let index: HashMap<&str, usize> =
            posts.iter().enumerate().map(|(i, p)| (&*p.id, i)).collect();
        // One shared name per topic, however many posts it holds.
        fn walk(topic: &Topic, index: &HashMap<&str, usize>, names: &mut [Vec<Arc<str>>]) {
            let name: Arc<str> = topic.name.as_str().into();
            for id in &topic.posts {
                if let Some(&i) = index.get(&**id)
                    && !names[i].contains(&name)
                {
                    names[i].push(Arc::clone(&name));
                }
            }
            for child in &topic.children {
                walk(child, index, names);
            }
        }
        let mut names = vec![Vec::new(); posts.len()];
        for topic in tree {
            walk(topic, &index, &mut names);
        }
        names
    };
    for (post, names) in posts.iter_mut().zip(names) {
        post.topics = names;
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// "Trump’s" → "Trump".
fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// A term: its kind and canonical text, borrowed from the posts where it can be.
type Term<'a> = (Kind, Cow<'a, str>);

/// Corpus-wide facts the per-post weighting needs, borrowed from the posts.
#[derive(Debug, Default)]
struct Vocabulary<'a> {
    /// How capitalised words are used: one map rather than a set for each
    /// use, so that each occurrence costs one lookup.
    name_uses: WordMap<'a, NameUses>,
    /// Lower-case words, singular, that some title uses: gathered here,
    /// then numbered into `themes`.
    title_themes: HashSet<Cow<'a, str>>,
    /// The title themes in order, so that ordering their ids orders them.
    themes: Vec<Cow<'a, str>>,
    theme_ids: HashMap<Cow<'a, str>, u32>,
    /// Two-word phrases that two titles or more use, as "head noun", in order.
    phrases: Vec<String>,
    /// Ids of `phrases` by the head word's id and the noun's theme id:
    /// numbers, so that a lookup for each head word met hashes no text.
    phrase_ids: HashMap<(u32, u32), u32>,
    /// The head words of `phrases`, numbered.
    phrase_heads: HashMap<&'a str, u32>,
    /// Outlets the posts cite.
    outlets: HashSet<&'a str>,
}

impl<'a> Vocabulary<'a> {
    /// Gathers the vocabulary of all posts, a share of the posts on each
    /// core; the shares are merged, so the result is the same on any number.
    fn gather(posts: &'a [Post]) -> Self {
        let (mut vocabulary, phrase_titles) = posts
            .par_iter()
            .fold(
                || (Vocabulary::default(), HashMap::default(), Vec::new()),
                |(mut vocabulary, mut phrase_titles, mut buffer), post| {
                    vocabulary.add(post, &mut phrase_titles, &mut buffer);
                    (vocabulary, phrase_titles, buffer)
                },
            )
            .map(|(vocabulary, phrase_titles, _)| (vocabulary, phrase_titles))
            .reduce(
                || (Vocabulary::default(), HashMap::default()),
                |(mut vocabulary, mut phrase_titles), (other, other_titles)| {
                    vocabulary.merge(other);
                    for (phrase, titles) in other_titles {
                        *phrase_titles.entry(phrase).or_default() += titles;
                    }
                    (vocabulary, phrase_titles)
                },
            );
        vocabulary.number_themes_and_phrases(phrase_titles);
        vocabulary
    }

    /// Numbers the title themes and the phrases of two titles or more (a
    /// phrase of one title only says what one post is about), in the order
    /// of their names.
    fn number_themes_and_phrases(
        &mut self,
        phrase_titles: HashMap<(&'a str, Cow<'a, str>), usize>,
    ) {
        let mut themes: Vec<Cow<'a, str>> =
            std::mem::take(&mut self.title_themes).into_iter().collect();
        themes.sort_unstable();
        self.theme_ids = themes.iter().cloned().zip(0..).collect();
        self.themes = themes;
        // A phrase's noun is a word of a title, so it is a title theme.
        let mut phrases: Vec<(String, &'a str, u32)> = phrase_titles
            .into_iter()
            .filter(|(_, titles)| *titles >= 2)
            .filter_map(|((head, noun), _)| {
                let noun_id = *self.theme_ids.get(&noun)?;
                Some((format!("{head} {noun}"), head, noun_id))
            })
            .collect();
        phrases.sort_unstable();
        for (_, head, _) in &phrases {
            let next = u32::try_from(self.phrase_heads.len()).expect("fewer heads than phrases");
            self.phrase_heads.entry(head).or_insert(next);
        }
        self.phrase_ids = phrases
            .iter()
            .zip(0..)
            .map(|((_, head, noun), id)| ((self.phrase_heads[head], *noun), id))
            .collect();
        self.phrases = phrases.into_iter().map(|(name, ..)| name).collect();
    }

    /// Adds what one post tells about names, themes and phrases.
    fn add(
        &mut self,
        post: &'a Post,
        phrase_titles: &mut HashMap<(&'a str, Cow<'a, str>), usize>,
        words: &mut Vec<Word<'a>>,
    ) {
        for text in texts(post) {
            capitalised_words(text, |found| {
                let word = found.word;
                let after_name = !word.sentence_start
                    && found
                        .previous
                        .is_some_and(|previous| !RUN_BREAKERS.contains(previous));
                let mut uses = NameUses::empty();
                if !word.sentence_start {
                    uses |= NameUses::INSIDE;
                }
                if !after_name && !found.next_continues {
                    uses |= NameUses::STANDALONE;
                }
                if !uses.is_empty() {
                    *self
                        .name_uses
                        .get_or_insert_with(strip_possessive(word.text), NameUses::default) |= uses;
                }
            });
        }
        // Tags name what a post is about as surely as its title does.
        let mut seen = HashSet::default();
        for piece in headings(post).flat_map(pieces) {
            words_into(piece, words);
            for word in words.iter() {
                if let Some(theme) = theme_of(word.text, word.sentence_start) {
                    self.title_themes.insert(theme);
                }
            }
            for pair in words.windows(2) {
                if let Some(phrase) = phrase_of(pair[0], pair[1])
                    && seen.insert(phrase.clone())
                {
                    *phrase_titles.entry(phrase).or_default() += 1;
                }
            }
        }
        for outlet in post.sources.iter().filter_map(|s| s.outlet.as_deref()) {
            self.outlets
                .insert(outlet.strip_prefix("The ").unwrap_or(outlet));
        }
    }

    fn merge(&mut self, other: Self) {
        self.name_uses
            .merge(other.name_uses, |uses, other| *uses |= other);
        self.title_themes.extend(other.title_themes);
        self.outlets.extend(other.outlets);
    }

    fn uses(&self, bare: &str) -> NameUses {
        self.name_uses.get(bare).copied().unwrap_or_default()
    }

    /// What weighing needs to know about `word`, as written.
    fn facts_of(&self, word: &'a str) -> Facts<'a> {
        let bare = strip_possessive(word);
        let capitalised = is_capitalised(word);
        let theme_id =
            |theme: Option<Cow<'_, str>>| theme.and_then(|t| self.theme_ids.get(&t).copied());
        // Capitalised only by position ("Tolls rise again"): the set is asked
        // on the stack before a lower-case copy is made.
        let sentence_theme = (capitalised
            && with_lowercase(bare, |lower| {
                lower.len() >= 4 && self.theme_ids.contains_key(singular(lower))
            }))
        .then(|| theme_id(theme_of(word, true)))
        .flatten();
        let useless = self.outlets.contains(bare) || bare.chars().all(|c| c.is_ascii_digit());
        Facts {
            capitalised,
            phrase_head: (capitalised || word.len() >= 4)
                .then(|| self.phrase_heads.get(bare).copied())
                .flatten(),
            theme: theme_id(theme_of(word, false)),
            sentence_theme,
            name_at_sentence_start: self.uses(bare).contains(NameUses::INSIDE) || is_acronym(bare),
            run_breaker: RUN_BREAKERS.contains(word),
            stop_name: STOP_NAMES.contains(bare),
            standalone: self.uses(bare).contains(NameUses::STANDALONE),
            stop_name_alone: is_stop_name(bare),
            name: (!useless).then(|| canonical_name(bare)),
            bare_len: bare.len(),
        }
    }

    /// The term a found occurrence stands for.
    fn term(&self, found: Found<'a>) -> Term<'a> {
        match found {
            Found::Name(name) => (Kind::Name, Cow::Borrowed(name)),
            Found::Theme(id) => (Kind::Theme, self.themes[id as usize].clone()),
            Found::Phrase(id) => (Kind::Phrase, Cow::Owned(self.phrases[id as usize].clone())),
        }
    }
}

/// How a capitalised word is used somewhere in the corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct NameUses(u8);

impl NameUses {
    /// Inside a sentence, not only at its start: so it is a name there too.
    const INSIDE: Self = NameUses(1);
    /// On its own, not next to another capitalised word.
    const STANDALONE: Self = NameUses(2);

    fn empty() -> Self {
        NameUses(0)
    }

    fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOrAssign for NameUses {
    fn bitor_assign(&mut self, other: Self) {
        self.0 |= other.0;
    }
}

/// A term as weighing finds it: themes and phrases by id, numbered in the
/// order of their names, so that `Found` orders as the [`Term`] it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Found<'a> {
    Name(&'a str),
    Theme(u32),
    Phrase(u32),
}

/// What weighing needs to know about a word as written. A corpus uses a
/// small vocabulary over and over, so these are worked out once per word
/// and share of posts (see [`Weigher`]) rather than once per use.
#[derive(Debug, Clone, Copy)]
struct Facts<'a> {
    capitalised: bool,
    /// It opens some title phrase: the id of the phrases' head word.
    phrase_head: Option<u32>,
    /// The title theme the word stands for in lower case.
    theme: Option<u32>,
    /// The title theme the word stands for when it is capitalised only
    /// because it opens a sentence.
    sentence_theme: Option<u32>,
    /// Opening a sentence, it is still a name: it is seen capitalised
    /// inside one too, or it is an acronym.
    name_at_sentence_start: bool,
    /// A capitalised function word that breaks a run of names ("The").
    run_breaker: bool,
    /// A title or function word that cannot open a name ("Prime").
    stop_name: bool,
    /// Used on its own, not next to another capitalised word, somewhere.
    standalone: bool,
    /// Never a name on its own ("He").
    stop_name_alone: bool,
    /// The name the word gives as the last of a run, unless it is an outlet
    /// or a number.
    name: Option<&'a str>,
    /// Its length without a possessive.
    bare_len: usize,
}

impl Facts<'_> {
    /// A word that is no term and opens none: lower case, no theme.
    const NONE: Self = Facts {
        capitalised: false,
        phrase_head: None,
        theme: None,
        sentence_theme: None,
        name_at_sentence_start: false,
        run_breaker: false,
        stop_name: false,
        standalone: false,
        stop_name_alone: false,
        name: None,
        bare_len: 0,
    };
}

/// Weighs posts: how strongly each is about each of its terms. One per
/// share of the posts, with the facts of every word met so far and the
/// counts of the post at hand.
struct Weigher<'v, 'a> {
    vocabulary: &'v Vocabulary<'a>,
    /// Where each word met so far has its facts in `table`.
    known: WordMap<'a, u32>,
    /// The facts of the words met so far; the first is [`Facts::NONE`].
    table: Vec<Facts<'a>>,
    words: Vec<Word<'a>>,
    /// Where each word of the text at hand has its facts in `table`.
    facts: Vec<u32>,
    found: Vec<Found<'a>>,
    theme_weights: Vec<u32>,
    phrase_weights: Vec<u32>,
    name_weights: WordMap<'a, u32>,
    /// Terms of the post at hand, in the order first found.
    terms: Vec<Found<'a>>,
}

impl<'v, 'a> Weigher<'v, 'a> {
    fn new(vocabulary: &'v Vocabulary<'a>) -> Self {
        Weigher {
            vocabulary,
            known: WordMap::default(),
            table: vec![Facts::NONE],
            words: Vec::new(),
            facts: Vec::new(),
            found: Vec::new(),
            theme_weights: vec![0; vocabulary.themes.len()],
            phrase_weights: vec![0; vocabulary.phrases.len()],
            name_weights: WordMap::default(),
            terms: Vec::new(),
        }
    }

    /// How strongly `post` is about each of its terms, passed to `each`.
    fn weigh(&mut self, post: &'a Post, mut each: impl FnMut(Found<'a>, u32)) {
        let mut found = std::mem::take(&mut self.found);
        // A title and the tags count once per term, however often they
        // repeat it.
        for piece in pieces(&post.title) {
            self.terms_in(piece, &mut found, false);
            found.sort_unstable();
            found.dedup();
        }
        for piece in tags(post).flat_map(pieces) {
            self.terms_in(piece, &mut found, true);
            found.sort_unstable();
            found.dedup();
        }
        for term in found.drain(..) {
            self.add(term, TITLE_WEIGHT);
        }
        for block in &post.blocks {
            for piece in pieces(&block.text) {
                self.terms_in(piece, &mut found, false);
                for term in found.drain(..) {
                    self.add(term, 1);
                }
            }
        }
        self.found = found;
        for term in self.terms.drain(..) {
            let weight = match term {
                Found::Theme(id) => std::mem::take(&mut self.theme_weights[id as usize]),
                Found::Phrase(id) => std::mem::take(&mut self.phrase_weights[id as usize]),
                Found::Name(name) => self.name_weights.remove(name).unwrap_or_default(),
            };
            each(term, weight);
        }
    }

    fn add(&mut self, term: Found<'a>, weight: u32) {
        let total = match term {
            Found::Theme(id) => &mut self.theme_weights[id as usize],
            Found::Phrase(id) => &mut self.phrase_weights[id as usize],
            Found::Name(name) => self.name_weights.get_or_insert_with(name, u32::default),
        };
        if *total == 0 {
            self.terms.push(term);
        }
        *total += weight;
    }

    /// Appends every term occurrence in `text` to `out`.
    /// A tag is a name or a phrase, not a sentence: its first word is not
    /// capitalised for opening one.
    fn terms_in(&mut self, text: &'a str, out: &mut Vec<Found<'a>>, is_tag: bool) {
        words_into(text, &mut self.words);
        if is_tag {
            for word in &mut self.words {
                word.sentence_start = false;
            }
        }
        let vocabulary = self.vocabulary;
        self.facts.clear();
        let (known, table) = (&mut self.known, &mut self.table);
        self.facts.extend(self.words.iter().map(|word| {
            // Short lower-case words ("the", "of", "and") are a good share of
            // any text and can be no term: no need to look them up.
            if word.text.len() < 4 && word.text.as_bytes()[0].is_ascii_lowercase() {
                return 0;
            }
            *known.get_or_insert_with(word.text, || {
                table.push(vocabulary.facts_of(word.text));
                u32::try_from(table.len() - 1).expect("fewer than four billion words")
            })
        }));
        let (words, table) = (self.words.as_slice(), self.table.as_slice());
        // The facts of every word of the text, looked up where they are kept
        // rather than copied.
        let slots = self.facts.as_slice();
        let facts = |i: usize| &table[slots[i] as usize];
        let is_name_here = |i: usize| !words[i].sentence_start || facts(i).name_at_sentence_start;
        let mut i = 0;
        while i < words.len() {
            let (word, fact) = (&words[i], facts(i));
            if let Some(head) = fact.phrase_head {
                for gap in [1, 2] {
                    if let Some(noun) = (i + gap < words.len())
                        .then(|| facts(i + gap).theme)
                        .flatten()
                        && let Some(&id) = vocabulary.phrase_ids.get(&(head, noun))
                    {
                        out.push(Found::Phrase(id));
                    }
                }
            }
            if word.sentence_start && fact.capitalised && !fact.name_at_sentence_start {
                if let Some(theme) = fact.sentence_theme {
                    out.push(Found::Theme(theme));
                }
                i += 1;
                continue;
            }
            if fact.capitalised {
                // A run of capitalised words is one name, less the titles
                // and function words at its front ("The", "Prime Minister").
                let mut end = i + 1;
                while end < words.len()
                    && facts(end).capitalised
                    && !words[end].sentence_start
                    && !facts(end).run_breaker
                    && !parted(text, &words[end - 1], &words[end])
                {
                    end += 1;
                }
                let mut start = i;
                while start < end
                    && (facts(start).stop_name || facts(start).run_breaker || !is_name_here(start))
                {
                    start += 1;
                }
                if let Some(name) = (start < end)
                    .then(|| {
                        name_of(
                            text,
                            &words[start..end],
                            facts(end - 1),
                            &vocabulary.outlets,
                        )
                    })
                    .flatten()
                {
                    out.push(Found::Name(name));
                }
                i = end;
                continue;
            }
            if let Some(theme) = fact.theme {
                out.push(Found::Theme(theme));
            }
            i += 1;
        }
    }
}

/// Whether punctuation stands between two words that a clause or a list
/// parts ("the Harbourmaster, Part 3", "Wellington; Auckland"): they are
/// no one name. A full stop ("J. Smith") or an apostrophe does not part.
fn parted(text: &str, before: &Word<'_>, after: &Word<'_>) -> bool {
    text[before.start + before.text.len()..after.start].contains([
        ',', ';', ':', '(', ')', '[', ']', '|', '—', '–', '"', '“', '”',
    ])
}

/// The canonical name for a run of capitalised words in `text`: its last
/// word when that is used on its own elsewhere ("Donald Trump" → "Trump"),
/// else the whole run ("New Zealand").
/// `last` is the facts of the run's last word.
fn name_of<'a>(
    text: &'a str,
    run: &[Word<'a>],
    last: &Facts<'a>,
    outlets: &HashSet<&str>,
) -> Option<&'a str> {
    let last_word = run.last()?;
    if run.len() == 1 || last.standalone {
        if run.len() == 1 && last.stop_name_alone {
            return None;
        }
        return last.name;
    }
    // Text is cleaned, so the run's words are one space apart.
    let name = &text[run[0].start..last_word.start + last.bare_len];
    let useless = outlets.contains(name) || name.chars().all(|c| c.is_ascii_digit());
    (!useless).then(|| canonical_name(name))
}

/// Calls `f` with `word` lower-cased, on the stack when it is short ASCII:
/// the lookups that need a lower-case word run for most words of a corpus.
fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buffer = [0u8; 32];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).expect("ASCII stays ASCII"))
    } else {
        f(&word.to_lowercase())
    }
}

/// "Syrian" → "Syria", "Russians" → "Russia", "French" → "France":
/// demonyms join their country. Regular ones are found by their suffix
/// (a stem ending in "a" plus "n" or "ns"), irregular ones from a short list.
fn canonical_name(name: &str) -> &str {
    if name.contains(' ') || is_acronym(name) {
        return name;
    }
    static COUNTRIES: LazyLock<HashMap<&str, &str>> =
        LazyLock::new(|| DEMONYMS.iter().copied().collect());
    if let Some(country) = COUNTRIES.get(name) {
        return country;
    }
    for suffix in ["ns", "n"] {
        if let Some(stem) = name.strip_suffix(suffix)
            && stem.len() >= 4
            && stem.ends_with('a')
        {
            return stem;
        }
    }
    name
}

/// A lower-case content word in its singular form, or None for stopwords.
/// A word capitalised only because it opens a sentence is lower-cased.
fn theme_of(word: &str, sentence_start: bool) -> Option<Cow<'_, str>> {
    let word = strip_possessive(word);
    let word: Cow<'_, str> = if sentence_start && is_capitalised(word) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    };
    let lower_case = if word.is_ascii() {
        word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') && word.len() >= 4
    } else {
        word.chars().all(|c| c.is_lowercase() || c == '-') && word.chars().count() >= 4
    };
    if !lower_case {
        return None;
    }
    if STOPWORDS.contains(word.as_ref()) {
        return None;
    }
    let singular = match word {
        Cow::Borrowed(w) => Cow::Borrowed(singular(w)),
        Cow::Owned(w) => Cow::Owned(singular(&w).to_string()),
    };
    (!STOPWORDS.contains(singular.as_ref())).then_some(singular)
}

fn singular(word: &str) -> &str {
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word;
    }
    // After a hissing sound the plural adds "es" ("taxes", "speeches",
    // "classes"); "-ses" alone is left to the rule below, since most such
    // words keep their "e" ("houses", "causes").
    if let Some(stem) = word.strip_suffix("es")
        && ["ss", "x", "zz", "ch", "sh"]
            .iter()
            .any(|end| stem.ends_with(end))
        && stem.chars().count() >= 3
    {
        return stem;
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 4 => stem,
        _ => word,
    }
}

/// A title phrase: a capitalised adjective or name and a theme noun
/// ("French election"), or two theme words.
fn phrase_of<'a>(first: Word<'a>, second: Word<'a>) -> Option<(&'a str, Cow<'a, str>)> {
    let noun = theme_of(second.text, false)?;
    let is_theme = theme_of(first.text, false).is_some();
    phrase_head(first.text, is_theme).then(|| (strip_possessive(first.text), noun))
}

/// Whether a word can open a title phrase: a theme word, or a capitalised
/// word that is neither a stopword nor an acronym.
fn phrase_head(word: &str, is_theme: bool) -> bool {
    let word = strip_possessive(word);
    is_theme || (is_capitalised(word) && !is_acronym(word) && !is_stop_name(word))
}

fn is_stop_name(word: &str) -> bool {
    let bare = strip_possessive(word);
    STOP_NAMES.contains(bare) || with_lowercase(bare, |lower| STOPWORDS.contains(lower))
}

/// The texts of a post that say what it is about: its title, tags and
/// blocks. Its readers' comments are not among them: a name that only
/// commenters use is no topic of the archive.
fn texts(post: &Post) -> impl Iterator<Item = &str> {
    headings(post).chain(post.blocks.iter().map(|b| &*b.text))
}

/// The title and the tags: what a post says it is about.
fn headings(post: &Post) -> impl Iterator<Item = &str> {
    std::iter::once(post.title.as_str()).chain(tags(post))
}

/// The post's tags, less catch-alls ("Uncategorized") that say nothing.
fn tags(post: &Post) -> impl Iterator<Item = &str> {
    const CATCH_ALL: &[&str] = &["uncategorized", "uncategorised", "general", "misc", "other"];
    post.tags
        .iter()
        .map(String::as_str)
        .filter(|tag| !CATCH_ALL.contains(&tag.to_lowercase().as_str()))
}

/// A name and a theme can read alike (the tag "Rail", the word "rail"):
/// a reader sees one topic of that name, holding the posts of both.
fn merge_same_names<'a>(
    top: Vec<(Candidate<'a>, Vec<Candidate<'a>>)>,
) -> Vec<(Candidate<'a>, Vec<Candidate<'a>>)> {
    let mut merged: Vec<(Candidate<'a>, Vec<Candidate<'a>>)> = Vec::with_capacity(top.len());
    let mut at_name: HashMap<String, usize> = HashMap::default();
    for (topic, children) in top {
        let name = display_name(&topic.term);
        match at_name.get(&name) {
            Some(&at) => {
                let (kept, kept_children) = &mut merged[at];
                kept.posts.extend(topic.posts);
                kept.posts.sort_unstable();
                kept.posts.dedup();
                kept.total += topic.total;
                kept_children.extend(children);
            }
            None => {
                at_name.insert(name, merged.len());
                merged.push((topic, children));
            }
        }
    }
    merged
}

/// A term and the posts that are about it.
struct Candidate<'a> {
    term: Term<'a>,
    posts: Vec<usize>,
    total: u32,
}

/// Themes are shown capitalised ("Trade"); names as written.
fn display_name((kind, name): &Term<'_>) -> String {
    match kind {
        Kind::Theme => {
            let mut chars = name.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        Kind::Name | Kind::Phrase => name.to_string(),
    }
}

/// The terms posts are about, with each post's strongest term.
#[derive(Default)]
struct Tally<'a> {
    /// The posts about each term, and the sum of their weights.
    about: HashMap<Found<'a>, (Vec<usize>, u32)>,
    strongest: Vec<(usize, Found<'a>, u32)>,
}

/// Shares of posts per core: enough to even out, few enough that each
/// share learns its vocabulary's facts (see [`Weigher`]) only a few times.
const SHARES_PER_CORE: usize = 4;

impl<'a> Tally<'a> {
    /// Weighs every post, a share of the posts on each core. Each post's
    /// weights are folded in and dropped, so they are never all held at
    /// once; the shares are merged, and the candidates' posts sorted, so the
    /// result does not depend on how the posts were shared out.
    fn of(posts: &'a [Post], vocabulary: &Vocabulary<'a>) -> Self {
        let share = posts
            .len()
            .div_ceil(rayon::current_num_threads() * SHARES_PER_CORE)
            .max(1);
        let mut tally = posts
            .par_chunks(share)
            .enumerate()
            .map(|(n, chunk)| {
                let mut tally = Tally::default();
                let mut weigher = Weigher::new(vocabulary);
                for (post, index) in chunk.iter().zip(n * share..) {
                    tally.add(index, &mut weigher, post);
                }
                tally
            })
            .reduce(Tally::default, Tally::merge);
        for (posts, _) in tally.about.values_mut() {
            posts.sort_unstable();
        }
        tally
    }

    fn add(&mut self, index: usize, weigher: &mut Weigher<'_, 'a>, post: &'a Post) {
        let mut best: Option<(Found<'a>, u32)> = None;
        weigher.weigh(post, |term, weight| {
            if best.is_none_or(|(t, w)| (weight, term) > (w, t)) {
                best = Some((term, weight));
            }
            if weight >= ABOUT_THRESHOLD {
                let (posts, total) = self.about.entry(term).or_default();
                posts.push(index);
                *total += weight;
            }
        });
        if let Some((term, weight)) = best {
            self.strongest.push((index, term, weight));
        }
    }

    fn merge(mut self, other: Self) -> Self {
        for (term, (posts, total)) in other.about {
            let (all, sum) = self.about.entry(term).or_default();
            all.extend(posts);
            *sum += total;
        }
        self.strongest.extend(other.strongest);
        self
    }
}

fn choose<'a>(posts: &'a [Post], tally: Tally<'a>, vocabulary: &Vocabulary<'a>) -> Vec<Topic> {
    let Tally {
        about,
        strongest: found,
    } = tally;
    let mut strongest: Vec<Option<(Term<'a>, u32)>> = vec![None; posts.len()];
    for (post, term, weight) in found {
        strongest[post] = Some((vocabulary.term(term), weight));
    }
    let mut candidates: Vec<Candidate<'a>> = about
        .into_iter()
        .map(|(term, (posts, total))| Candidate {
            term: vocabulary.term(term),
            posts,
            total,
        })
        .collect();
    candidates.sort_by(|a, b| {
        b.posts
            .len()
            .cmp(&a.posts.len())
            .then(b.total.cmp(&a.total))
            .then_with(|| a.term.cmp(&b.term))
    });
    let limit = (posts.len() + 2).clamp(4, 40);
    let needed = if posts.len() >= 2 { 2 } else { 1 };
    let mut top: Vec<(Candidate<'a>, Vec<Candidate<'a>>)> = Vec::new();
    let mut phrases = Vec::new();
    let mut singles = Vec::new();
    for candidate in candidates {
        if candidate.posts.len() < needed {
            singles.push(candidate);
        } else if candidate.term.0 == Kind::Phrase {
            phrases.push(candidate);
        } else if top.len() < limit {
            top.push((candidate, Vec::new()));
        }
    }
    // Title phrases nest under the theme that is their head word.
    for phrase in phrases {
        let head = phrase.term.1.rsplit(' ').next().unwrap_or_default();
        match top
            .iter()
            .position(|(t, _)| t.term.0 == Kind::Theme && t.term.1 == head)
        {
            Some(at) => top[at].1.push(phrase),
            None if top.len() < limit => top.push((phrase, Vec::new())),
            None => {}
        }
    }
    // A term one post is strongly about, named in its title, nests under
    // the smallest theme that holds the post.
    let themes_of_post = |post: usize, top: &[(Candidate<'a>, Vec<Candidate<'a>>)]| {
        top.iter()
            .enumerate()
            .filter(|(_, (t, _))| t.term.0 == Kind::Theme && t.posts.binary_search(&post).is_ok())
            .min_by_key(|(_, (t, _))| t.posts.len())
            .map(|(at, _)| at)
    };
    for single in singles {
        let post = single.posts[0];
        let strong = single.total >= 2 * TITLE_WEIGHT + ABOUT_THRESHOLD
            && posts[post].title.contains(single.term.1.as_ref());
        if strong && let Some(at) = themes_of_post(post, &top) {
            top[at].1.push(single);
        }
    }
    // Every post under at least one topic: add the uncovered to their
    // strongest term.
    let mut covered = vec![false; posts.len()];
    for (topic, children) in &top {
        for &post in topic
            .posts
            .iter()
            .chain(children.iter().flat_map(|c| &c.posts))
        {
            covered[post] = true;
        }
    }
    let mut position: HashMap<Term<'a>, usize> = top
        .iter()
        .enumerate()
        .map(|(at, (t, _))| (t.term.clone(), at))
        .collect();
    for (post, best) in strongest.into_iter().enumerate() {
        if covered[post] {
            continue;
        }
        let term = best.map_or((Kind::Theme, Cow::Borrowed("other")), |(term, _)| term);
        match position.get(&term) {
            Some(&at) => top[at].0.posts.push(post),
            None => {
                position.insert(term.clone(), top.len());
                top.push((
                    Candidate {
                        term,
                        posts: vec![post],
                        total: 0,
                    },
                    Vec::new(),
                ));
            }
        }
    }
    let top = merge_same_names(top);
    let to_topic = |candidate: &Candidate<'_>, children: Vec<Topic>| Topic {
        name: display_name(&candidate.term),
        posts: candidate
            .posts
            .iter()
            .map(|&i| posts[i].id.clone())
            .collect(),
        children,
    };
    let mut tree: Vec<Topic> = top
        .iter()
        .map(|(topic, children)| {
            to_topic(
                topic,
                children.iter().map(|c| to_topic(c, Vec::new())).collect(),
            )
        })
        .collect();
    sort_topics(&mut tree);
    tree
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind, slug};

    #[test]
    fn a_name_and_a_theme_that_read_alike_are_one_topic() {
        // The tag "Rail" is a name; "rail" in the titles is a theme.
        let tagged = |title: &str, body: &str| Post {
            tags: vec!["Transport".into(), "Rail".into()],
            ..post(title, &[body])
        };
        let mut posts = vec![
            tagged(
                "Rail fares and the new zones",
                "The fare zones change on Sunday.",
            ),
            tagged(
                "Airport rail, again",
                "It is back on the agenda for the fourth time.",
            ),
            post(
                "Ferry fares",
                &["The ferry costs more; ferry users disagree."],
            ),
        ];
        let topics = derive(&mut posts);
        let all = names(&topics);
        let rail: Vec<&Topic> = topics.iter().filter(|t| t.name == "Rail").collect();
        assert_eq!(rail.len(), 1, "{all:?}");
        assert_eq!(rail[0].posts.len(), 2, "{all:?}");
    }

    #[test]
    fn plurals_after_a_hissing_sound_lose_their_es() {
        for (plural, one) in [
            ("taxes", "tax"),
            ("speeches", "speech"),
            ("classes", "class"),
            ("clashes", "clash"),
            ("buzzes", "buzz"),
            ("houses", "house"),
            ("causes", "cause"),
            ("elections", "election"),
            ("crisis", "crisis"),
            ("status", "status"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }

    fn post(title: &str, body: &[&str]) -> Post {
        Post {
            id: slug(title).into(),
            title: title.into(),
            author: None,
            date: None,
            topics: Vec::new(),
            blocks: body
                .iter()
                .map(|t| Block::new(BlockKind::Paragraph, *t))
                .collect(),
            sources: Vec::new(),
            ..Default::default()
        }
    }

    fn names(topics: &[Topic]) -> Vec<String> {
        topics.iter().map(|t| t.name.clone()).collect()
    }

    #[test]
    fn surnames_gather_full_names_and_sentence_starts_are_not_names() {
        let mut posts = vec![
            post(
                "Tolls rise again",
                &[
                    "Mayor Jane Rivera raised the tolls. Rivera said so twice, and Rivera meant it.",
                    "The tolls rose.",
                ],
            ),
            post(
                "Rivera under fire over tolls",
                &[
                    "Critics say Rivera went too far with the tolls.",
                    "He said nothing.",
                ],
            ),
        ];
        let topics = derive(&mut posts);
        let all = names(&topics);
        assert!(all.contains(&"Rivera".to_string()), "{all:?}");
        assert!(all.contains(&"Toll".to_string()), "{all:?}");
        for bad in ["The", "He", "Critics", "Said", "Mayor"] {
            assert!(!all.iter().any(|n| n == bad), "{bad} in {all:?}");
        }
        let rivera = topics.iter().find(|t| t.name == "Rivera").unwrap();
        assert_eq!(rivera.posts.len(), 2);
        assert!(posts.iter().all(|p| !p.topics.is_empty()));
    }

    #[test]
    fn a_comma_parts_two_names() {
        let mut posts = vec![
            post(
                "A Long Talk with the Harbourmaster, Part 2",
                &["The Harbourmaster, Tui Marsden, spoke about the buoys."],
            ),
            post(
                "A Long Talk with the Harbourmaster, Part 1",
                &["Here the Harbourmaster talks about the tides."],
            ),
        ];
        let topics = derive(&mut posts);
        let all = names(&topics);
        assert!(all.contains(&"Harbourmaster".to_string()), "{all:?}");
        assert!(!all.iter().any(|n| n.contains(',')), "{all:?}");
    }

    #[test]
    fn multi_word_names_stay_whole_and_demonyms_join_the_country() {
        let mut posts = vec![
            post(
                "New Zealand and Syria",
                &[
                    "New Zealand said little about Syria.",
                    "The Syrian war goes on; New Zealand is far away.",
                ],
            ),
            post(
                "Syrian talks stall",
                &[
                    "Talks on Syria stalled again in New Zealand and in Syria itself.",
                    "New Zealand is not a party, but New Zealand watches.",
                ],
            ),
        ];
        let topics = derive(&mut posts);
        let all = names(&topics);
        assert!(all.contains(&"New Zealand".to_string()), "{all:?}");
        assert!(all.contains(&"Syria".to_string()), "{all:?}");
        assert!(!all.contains(&"Zealand".to_string()), "{all:?}");
        assert!(!all.contains(&"Syrian".to_string()), "{all:?}");
    }

    #[test]
    fn title_phrases_nest_under_their_head_theme() {
        let mut posts = vec![
            post(
                "Easy win in French election",
                &["The French election went as the polls said; the election was dull."],
            ),
            post(
                "Hack on eve of French election",
                &["A hack before the French presidential election, and the election went on."],
            ),
            post(
                "Local election looms",
                &["Our own election is in September, and the election will be close."],
            ),
        ];
        let topics = derive(&mut posts);
        let election = topics
            .iter()
            .find(|t| t.name == "Election")
            .expect("an Election topic");
        assert_eq!(election.posts.len(), 3);
        assert_eq!(names(&election.children), ["French election"]);
        assert_eq!(election.children[0].posts.len(), 2);
    }

    #[test]
    fn a_post_titled_by_its_date_is_about_no_day_of_the_week() {
        let mut posts = vec![
            post(
                "Ferry Fares:",
                &["The operator will raise the fares again."],
            ),
            post(
                "Tuesday, February 02, 2010",
                &["\"A timetable is a promise, and this one is broken.\""],
            ),
            post("The Wharf Café:", &["Closed, after twenty years."]),
        ];
        let all = names(&derive(&mut posts));
        assert!(!all.iter().any(|n| n == "Tuesday"), "{all:?}");
        assert!(all.iter().any(|n| n == "Ferry"), "{all:?}");
    }

    #[test]
    fn tags_are_strong_evidence_and_comments_are_none() {
        let mut posts = vec![
            post("Tolls rise again", &["The tolls rose on Monday."]),
            post("Buses run late", &["Buses ran late all week."]),
            post("Ferry fares", &["Fares went up."]),
        ];
        posts[0].tags = vec!["Harbour Bridge".into(), "Uncategorized".into()];
        posts[1].tags = vec!["Harbour Bridge".into()];
        // Commenters talk of nothing but Rivera.
        for post in &mut posts {
            post.comments.push(crate::model::Comment {
                id: "c1".into(),
                blocks: vec![Block::new(
                    BlockKind::Paragraph,
                    "Rivera again. Rivera always. Ask Rivera, Rivera knows.",
                )],
                ..Default::default()
            });
        }
        let topics = derive(&mut posts);
        let all = names(&topics);
        let bridge = topics
            .iter()
            .find(|t| t.name == "Harbour Bridge")
            .unwrap_or_else(|| panic!("a topic from the tags: {all:?}"));
        assert_eq!(bridge.posts.len(), 2);
        assert!(!all.iter().any(|n| n == "Rivera"), "{all:?}");
        assert!(!all.iter().any(|n| n == "Uncategorized"), "{all:?}");
    }

    #[test]
    fn every_post_gets_a_topic_and_order_is_by_size_then_name() {
        let mut posts = vec![
            post(
                "Alpha news",
                &["Alpha grew. Alpha grew again and Alpha was happy."],
            ),
            post("Beta news", &["Beta shrank."]),
            post("Alpha again", &["More on Alpha."]),
        ];
        let topics = derive(&mut posts);
        assert!(posts.iter().all(|p| !p.topics.is_empty()), "{topics:?}");
        let sizes: Vec<usize> = topics.iter().map(|t| t.posts.len()).collect();
        let mut sorted = sizes.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(sizes, sorted);
    }
}
