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

use std::collections::{BTreeMap, HashMap, HashSet};

use super::{Post, Topic};

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
    let vocabulary = Vocabulary::gather(posts);
    let weights: Vec<HashMap<String, u32>> =
        posts.iter().map(|post| vocabulary.weights(post)).collect();
    let tree = choose(posts, &vocabulary, &weights);
    assign_topic_names(posts, &tree);
    tree
}

/// Builds a tree from the topic names posts already carry (a JSON corpus
/// with per-post topics but no tree).
pub fn tree_from_post_topics(posts: &[Post]) -> Vec<Topic> {
    let mut by_name: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for post in posts {
        for name in &post.topics {
            by_name.entry(name).or_default().push(post.id.clone());
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
    let index: HashMap<String, usize> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    fn walk(topic: &Topic, index: &HashMap<String, usize>, names: &mut [Vec<String>]) {
        for id in &topic.posts {
            if let Some(&i) = index.get(id)
                && !names[i].contains(&topic.name)
            {
                names[i].push(topic.name.clone());
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
    for (post, names) in posts.iter_mut().zip(names) {
        post.topics = names;
    }
}

/// One word of running text.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    sentence_start: bool,
}

/// Splits text into words, noting which open a sentence.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut start: Option<usize> = None;
    let mut last_punct = ' ';
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part_of_word = c.is_alphanumeric()
            || ((c == '’' || c == '\'' || c == '-' || c == '.') && start.is_some() && {
                let next = text[at + c.len_utf8().min(text.len() - at)..]
                    .chars()
                    .next();
                next.is_some_and(char::is_alphanumeric)
            });
        match (part_of_word, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(Word {
                    text: &text[s..at],
                    sentence_start,
                });
                sentence_start = false;
                start = None;
            }
            _ => {}
        }
        if !part_of_word && !c.is_whitespace() {
            last_punct = c;
            if matches!(
                c,
                '.' | '!' | '?' | ':' | '“' | '"' | '…' | '(' | '–' | '—' | '•'
            ) {
                sentence_start = true;
            }
        }
    }
    let _ = last_punct;
    out
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

/// Corpus-wide facts the per-post weighting needs.
#[derive(Debug, Default)]
struct Vocabulary {
    /// Capitalised words seen inside a sentence somewhere.
    capitalised_inside: HashSet<String>,
    /// Words seen on their own, not after another capitalised word.
    standalone: HashSet<String>,
    /// Lower-case words that some title uses.
    title_themes: HashSet<String>,
    /// Two-word phrases from titles, with how many titles use them.
    title_phrases: HashMap<(String, String), usize>,
    /// Outlets the posts cite.
    outlets: HashSet<String>,
}

impl Vocabulary {
    fn gather(posts: &[Post]) -> Self {
        let mut vocabulary = Vocabulary::default();
        for post in posts {
            for text in texts(post) {
                let words = words(text);
                for (i, word) in words.iter().enumerate() {
                    let bare = strip_possessive(word.text);
                    if is_capitalised(bare) && !word.sentence_start {
                        vocabulary.capitalised_inside.insert(bare.to_string());
                    }
                    let after_name = i > 0
                        && is_capitalised(words[i - 1].text)
                        && !words[i].sentence_start
                        && !RUN_BREAKERS.contains(&words[i - 1].text);
                    let before_name = words
                        .get(i + 1)
                        .is_some_and(|n| is_capitalised(n.text) && !n.sentence_start);
                    if !after_name && !before_name {
                        vocabulary.standalone.insert(bare.to_string());
                    }
                }
            }
            let title_words = words(&post.title);
            for word in &title_words {
                let lower = word.text.to_lowercase();
                let text = if word.sentence_start {
                    &lower
                } else {
                    word.text
                };
                if let Some(theme) = theme_of(text) {
                    vocabulary.title_themes.insert(theme);
                }
            }
            for pair in title_words.windows(2) {
                if let Some(phrase) = phrase_of(pair[0].text, pair[1].text) {
                    *vocabulary.title_phrases.entry(phrase).or_default() += 1;
                }
            }
            for source in &post.sources {
                if let Some(outlet) = &source.outlet {
                    let outlet = outlet.strip_prefix("The ").unwrap_or(outlet);
                    vocabulary.outlets.insert(outlet.to_string());
                }
            }
        }
        // A phrase of one title only says what one post is about.
        vocabulary.title_phrases.retain(|_, titles| *titles >= 2);
        vocabulary
    }

    /// How strongly `post` is about each of its terms.
    fn weights(&self, post: &Post) -> HashMap<String, u32> {
        let mut weights: HashMap<String, u32> = HashMap::new();
        let add_text = |text: &str, weight: u32, weights: &mut HashMap<String, u32>| {
            for term in self.terms_in(text) {
                *weights.entry(term).or_default() += weight;
            }
        };
        // A title counts once per term, however often it repeats it.
        let title_terms: HashSet<String> = self.terms_in(&post.title).into_iter().collect();
        for term in title_terms {
            *weights.entry(term).or_default() += TITLE_WEIGHT;
        }
        for block in &post.blocks {
            add_text(&block.text, 1, &mut weights);
        }
        weights
    }

    /// Every term occurrence in `text`, canonical form, with kind tags
    /// folded into the key ("N:Trump", "T:trade", "P:French election").
    fn terms_in(&self, text: &str) -> Vec<String> {
        let words = words(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let word = words[i];
            for gap in [1, 2] {
                if let Some(next) = words.get(i + gap)
                    && let Some(phrase) = phrase_of(word.text, next.text)
                    && self.title_phrases.contains_key(&phrase)
                {
                    out.push(format!("P:{} {}", phrase.0, phrase.1));
                }
            }
            if word.sentence_start && is_capitalised(word.text) && !self.is_name_here(word) {
                // Capitalised only by position: "Tolls rise again".
                if let Some(theme) = theme_of(&word.text.to_lowercase())
                    && self.title_themes.contains(&theme)
                {
                    out.push(format!("T:{theme}"));
                }
                i += 1;
                continue;
            }
            if is_capitalised(word.text) {
                // A run of capitalised words is one name, less the titles
                // and function words at its front ("The", "Prime Minister").
                let mut end = i + 1;
                while end < words.len()
                    && is_capitalised(words[end].text)
                    && !words[end].sentence_start
                    && !RUN_BREAKERS.contains(&words[end].text)
                {
                    end += 1;
                }
                let mut start = i;
                while start < end
                    && (STOP_NAMES.contains(&strip_possessive(words[start].text))
                        || RUN_BREAKERS.contains(&words[start].text)
                        || !self.is_name_here(words[start]))
                {
                    start += 1;
                }
                if let Some(name) = self.name_of(&words[start..end]) {
                    out.push(format!("N:{name}"));
                }
                i = end;
                continue;
            }
            if let Some(theme) = theme_of(word.text)
                && self.title_themes.contains(&theme)
            {
                out.push(format!("T:{theme}"));
            }
            i += 1;
        }
        out
    }

    /// The canonical name for a run of capitalised words: its last word
    /// when that is used on its own elsewhere ("Donald Trump" → "Trump"),
    /// else the whole run ("New Zealand").
    fn name_of(&self, run: &[Word<'_>]) -> Option<String> {
        let last = strip_possessive(run.last()?.text);
        let name = if run.len() == 1 || self.standalone.contains(last) {
            if run.len() == 1 && is_stop_name(last) {
                return None;
            }
            last.to_string()
        } else {
            run.iter()
                .map(|w| strip_possessive(w.text))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let outlet = self.outlets.contains(&name);
        (!outlet && !name.chars().all(|c| c.is_ascii_digit())).then(|| canonical_name(&name))
    }

    /// A capitalised word inside a sentence is a name; at a sentence's
    /// start only if it is also seen capitalised inside one.
    fn is_name_here(&self, word: Word<'_>) -> bool {
        let bare = strip_possessive(word.text);
        !word.sentence_start || self.capitalised_inside.contains(bare) || is_acronym(bare)
    }
}

/// "Syrian" → "Syria", "Russians" → "Russia", "Americans" → "America":
/// demonyms and plurals of names join their stem. Only the spellings that
/// differ from the stem by these suffixes are merged, so "France" and
/// "French" stay apart rather than risk wrong merges.
fn canonical_name(name: &str) -> String {
    if name.contains(' ') || is_acronym(name) {
        return name.to_string();
    }
    if let Some((_, country)) = DEMONYMS.iter().find(|(demonym, _)| *demonym == name) {
        return (*country).to_string();
    }
    for suffix in ["ns", "n"] {
        if let Some(stem) = name.strip_suffix(suffix)
            && stem.len() >= 4
            && stem.ends_with('a')
        {
            return stem.to_string();
        }
    }
    name.to_string()
}

/// A lower-case content word in its singular form, or None for stopwords.
fn theme_of(word: &str) -> Option<String> {
    let word = strip_possessive(word);
    if !word.chars().all(|c| c.is_lowercase() || c == '-') || word.chars().count() < 4 {
        return None;
    }
    let singular = singular(word);
    (!STOPWORDS.contains(&singular.as_str()) && !STOPWORDS.contains(&word)).then_some(singular)
}

fn singular(word: &str) -> String {
    if word.ends_with("ss") || word.ends_with("us") || word.ends_with("is") {
        return word.to_string();
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 4 => stem.to_string(),
        _ => word.to_string(),
    }
}

/// A title phrase: a capitalised adjective or name and a theme noun
/// ("French election"), or two theme words.
fn phrase_of(first: &str, second: &str) -> Option<(String, String)> {
    let second = theme_of(second)?;
    let first_ok = (is_capitalised(first) && !is_stop_name(first) && !is_acronym(first))
        || theme_of(first).is_some();
    first_ok.then(|| (strip_possessive(first).to_string(), second))
}

fn is_stop_name(word: &str) -> bool {
    let bare = strip_possessive(word);
    STOP_NAMES.contains(&bare) || STOPWORDS.contains(&bare.to_lowercase().as_str())
}

/// The texts of a post that say what it is about.
fn texts(post: &Post) -> impl Iterator<Item = &str> {
    std::iter::once(post.title.as_str()).chain(post.blocks.iter().map(|b| b.text.as_str()))
}

struct Candidate {
    key: String,
    posts: Vec<usize>,
    total: u32,
}

fn display_name(key: &str) -> String {
    let (kind, name) = key.split_at(2);
    match kind {
        "T:" => {
            let mut chars = name.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => name.to_string(),
    }
}

fn kind_of(key: &str) -> Kind {
    match &key[..2] {
        "T:" => Kind::Theme,
        "P:" => Kind::Phrase,
        _ => Kind::Name,
    }
}

fn choose(posts: &[Post], vocabulary: &Vocabulary, weights: &[HashMap<String, u32>]) -> Vec<Topic> {
    let _ = vocabulary;
    let mut about: HashMap<&str, Candidate> = HashMap::new();
    for (post, terms) in weights.iter().enumerate() {
        for (term, &weight) in terms {
            if weight < ABOUT_THRESHOLD {
                continue;
            }
            let entry = about.entry(term.as_str()).or_insert_with(|| Candidate {
                key: term.clone(),
                posts: Vec::new(),
                total: 0,
            });
            entry.posts.push(post);
            entry.total += weight;
        }
    }
    let mut candidates: Vec<Candidate> = about.into_values().collect();
    candidates.sort_by(|a, b| {
        b.posts
            .len()
            .cmp(&a.posts.len())
            .then(b.total.cmp(&a.total))
            .then_with(|| a.key.cmp(&b.key))
    });
    let limit = (posts.len() + 2).clamp(4, 40);
    let needed = if posts.len() >= 2 { 2 } else { 1 };
    let mut top: Vec<(Candidate, Vec<Candidate>)> = Vec::new();
    let mut phrases: Vec<Candidate> = Vec::new();
    let mut singles: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        if candidate.posts.len() < needed {
            singles.push(candidate);
        } else if kind_of(&candidate.key) == Kind::Phrase {
            phrases.push(candidate);
        } else if top.len() < limit {
            top.push((candidate, Vec::new()));
        }
    }
    // Title phrases nest under the theme that is their head word.
    for phrase in phrases {
        let head = phrase
            .key
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_string();
        let head_key = format!("T:{head}");
        match top.iter().position(|(t, _)| t.key == head_key) {
            Some(at) => top[at].1.push(phrase),
            None if top.len() < limit => top.push((phrase, Vec::new())),
            None => {}
        }
    }
    // A term one post is strongly about, named in its title, nests under
    // the smallest topic that holds the post.
    for single in singles {
        let post = single.posts[0];
        let strong = single.total >= 2 * TITLE_WEIGHT + ABOUT_THRESHOLD
            && vocabulary_title_has(&posts[post].title, &single.key);
        if !strong {
            continue;
        }
        if let Some((_, children)) = top
            .iter_mut()
            .filter(|(t, _)| t.posts.contains(&post) && kind_of(&t.key) == Kind::Theme)
            .min_by_key(|(t, _)| t.posts.len())
        {
            children.push(single);
        }
    }
    // Every post under at least one topic: add the uncovered to their
    // strongest term.
    let covered: HashSet<usize> = top
        .iter()
        .flat_map(|(t, c)| t.posts.iter().chain(c.iter().flat_map(|c| c.posts.iter())))
        .copied()
        .collect();
    for (post, terms) in weights.iter().enumerate() {
        if covered.contains(&post) {
            continue;
        }
        let best = terms
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(term, _)| term.clone());
        let key = best.unwrap_or_else(|| "T:other".to_string());
        match top.iter_mut().find(|(t, _)| t.key == key) {
            Some((topic, _)) => topic.posts.push(post),
            None => top.push((
                Candidate {
                    key,
                    posts: vec![post],
                    total: 0,
                },
                Vec::new(),
            )),
        }
    }
    let to_topic = |candidate: &Candidate, children: Vec<Topic>| Topic {
        name: display_name(&candidate.key),
        posts: {
            let mut ids: Vec<usize> = candidate.posts.clone();
            ids.sort_unstable();
            ids.dedup();
            ids.into_iter().map(|i| posts[i].id.clone()).collect()
        },
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

fn vocabulary_title_has(title: &str, key: &str) -> bool {
    let name = &key[2..];
    title.contains(name) || title.to_lowercase().contains(&name.to_lowercase())
}

/// Demonyms that do not share a stem with their country.
const DEMONYMS: &[(&str, &str)] = &[
    ("French", "France"),
    ("British", "Britain"),
    ("English", "England"),
    ("German", "Germany"),
    ("Germans", "Germany"),
    ("Dutch", "Netherlands"),
    ("Chinese", "China"),
    ("Japanese", "Japan"),
    ("Spanish", "Spain"),
    ("Greek", "Greece"),
    ("Turkish", "Turkey"),
    ("Swiss", "Switzerland"),
    ("Irish", "Ireland"),
    ("Scottish", "Scotland"),
    ("Welsh", "Wales"),
    ("Polish", "Poland"),
    ("Swedish", "Sweden"),
    ("Danish", "Denmark"),
    ("Israeli", "Israel"),
    ("Iraqi", "Iraq"),
    ("Iranian", "Iran"),
    ("Italian", "Italy"),
    ("Canadian", "Canada"),
    ("Mexican", "Mexico"),
    ("European", "Europe"),
    ("Europeans", "Europe"),
    ("Brexit", "Brexit"),
];

/// Capitalised function words that end a run of name words or start none.
const RUN_BREAKERS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "Of", "For", "And",
    "But", "Or", "If", "When", "While", "As", "By", "From", "To", "With", "He", "She", "It", "We",
    "They", "I", "His", "Her", "Their", "Our", "Its", "My", "Your", "So", "Then", "After",
    "Before", "What", "Who", "How", "Why", "Where", "Which",
];

/// Capitalised words that are never names on their own: titles, days,
/// months, and words capitalised only by position.
const STOP_NAMES: &[&str] = &[
    "I",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "Prof",
    "Sir",
    "President",
    "Prime",
    "Minister",
    "Chancellor",
    "Senator",
    "Secretary",
    "Government",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Tonight",
    "Update",
    "Read",
    "Previously",
    "Meanwhile",
    "However",
    "Instead",
    "Despite",
    "Perhaps",
    "Actually",
    "Alas",
    "Why",
    "Yes",
    "No",
    "Not",
    "Many",
    "Some",
    "Most",
    "Such",
    "Both",
    "Each",
    "Every",
    "All",
    "Any",
    "Several",
    "Last",
    "Next",
    "First",
    "Second",
    "Third",
    "Mutual",
    "Easy",
    "More",
    "Less",
    "Prior",
    "Nearly",
    "About",
    "Following",
    "According",
    "Using",
    "Rather",
    "Had",
    "Has",
    "Have",
    "Was",
    "Were",
    "Is",
    "Are",
    "Be",
    "Been",
    "Did",
    "Does",
    "Do",
    "Said",
    "Says",
    "Will",
    "Would",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Can",
    "Here",
    "There",
];

/// English function words and words too general to be a topic.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "away",
    "back",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "came",
    "can",
    "cannot",
    "come",
    "could",
    "did",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "gave",
    "get",
    "gets",
    "getting",
    "give",
    "given",
    "goes",
    "going",
    "gone",
    "good",
    "got",
    "great",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "keep",
    "know",
    "known",
    "last",
    "later",
    "least",
    "less",
    "let",
    "like",
    "likely",
    "little",
    "long",
    "made",
    "make",
    "makes",
    "making",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "near",
    "need",
    "never",
    "new",
    "next",
    "no",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "part",
    "per",
    "perhaps",
    "put",
    "quite",
    "rather",
    "really",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "seem",
    "seemed",
    "seems",
    "seen",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "something",
    "still",
    "such",
    "take",
    "taken",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "though",
    "through",
    "time",
    "times",
    "to",
    "today",
    "together",
    "too",
    "took",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "very",
    "via",
    "want",
    "wanted",
    "wants",
    "was",
    "way",
    "ways",
    "we",
    "well",
    "went",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whole",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "year",
    "years",
    "week",
    "weeks",
    "month",
    "months",
    "day",
    "days",
    "yesterday",
    "tomorrow",
    "people",
    "person",
    "man",
    "woman",
    "men",
    "women",
    "lot",
    "lots",
    "point",
    "fact",
    "case",
    "place",
    "number",
    "world",
    "country",
    "countries",
    "state",
    "states",
    "government",
    "president",
    "minister",
    "leader",
    "comment",
    "comments",
    "claim",
    "claims",
    "report",
    "reports",
    "news",
    "story",
    "remark",
    "remarks",
    "statement",
    "issue",
    "issues",
    "problem",
    "problems",
    "question",
    "questions",
    "side",
    "sides",
    "another",
    "everyone",
    "everything",
    "someone",
    "nobody",
    "none",
    "first",
    "second",
    "third",
    "three",
    "four",
    "five",
    "half",
    "high",
    "higher",
    "low",
    "lower",
    "big",
    "bigger",
    "small",
    "major",
    "main",
    "real",
    "sure",
    "true",
    "exactly",
    "versus",
    "against",
    "ahead",
    "eve",
    "win",
    "says",
    "tells",
    "told",
    "told",
    "call",
    "called",
    "calls",
    "show",
    "shows",
    "shown",
    "look",
    "looks",
    "looked",
    "back",
    "over",
    "support",
    "supports",
    "senator",
    "more",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Block, BlockKind, slug};

    fn post(title: &str, body: &[&str]) -> Post {
        Post {
            id: slug(title),
            title: title.into(),
            author: None,
            date: None,
            topics: Vec::new(),
            blocks: body
                .iter()
                .map(|t| Block::new(BlockKind::Paragraph, *t))
                .collect(),
            sources: Vec::new(),
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
