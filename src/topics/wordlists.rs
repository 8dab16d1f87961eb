//! Word lists the topic derivation needs: stopwords, titles of office,
//! demonyms. General English, nothing specific to any archive.

use std::sync::LazyLock;

use super::word_map::WordMap;

/// Sets of words asked about every word of a corpus: packed, as the
/// corpus's own words are (see [`WordMap`]), so that a lookup hashes and
/// compares a number rather than text.
type WordSet = WordMap<'static, ()>;

pub static STOP_NAMES: LazyLock<WordSet> =
    LazyLock::new(|| STOP_NAME_LIST.iter().copied().collect());
pub static STOPWORDS: LazyLock<WordSet> = LazyLock::new(|| STOPWORD_LIST.iter().copied().collect());
pub static RUN_BREAKERS: LazyLock<WordSet> =
    LazyLock::new(|| RUN_BREAKER_LIST.iter().copied().collect());

/// Demonyms that do not share a stem with their country.
#[rustfmt::skip]
pub const DEMONYMS: &[(&str, &str)] = &[
    ("French", "France"), ("British", "Britain"), ("English", "England"), ("German", "Germany"),
    ("Germans", "Germany"), ("Dutch", "Netherlands"), ("Chinese", "China"), ("Japanese", "Japan"),
    ("Spanish", "Spain"), ("Greek", "Greece"), ("Turkish", "Turkey"), ("Swiss", "Switzerland"),
    ("Irish", "Ireland"), ("Scottish", "Scotland"), ("Welsh", "Wales"), ("Polish", "Poland"),
    ("Swedish", "Sweden"), ("Danish", "Denmark"), ("Israeli", "Israel"), ("Iraqi", "Iraq"),
    ("Iranian", "Iran"), ("Italian", "Italy"), ("Canadian", "Canada"), ("Mexican", "Mexico"),
    ("European", "Europe"), ("Europeans", "Europe"), ("Brexit", "Brexit"),
];

/// Capitalised function words that end a run of name words or start none.
#[rustfmt::skip]
const RUN_BREAKER_LIST: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "Of", "For", "And",
    "But", "Or", "If", "When", "While", "As", "By", "From", "To", "With", "He", "She", "It", "We",
    "They", "I", "His", "Her", "Their", "Our", "Its", "My", "Your", "So", "Then", "After",
    "Before", "What", "Who", "How", "Why", "Where", "Which",
];

/// Capitalised words that are never names on their own: titles, days,
/// months, and words capitalised only by position.
#[rustfmt::skip]
const STOP_NAME_LIST: &[&str] = &[
    "I", "Mr", "Ms", "Mrs", "Dr", "Prof", "Sir", "President", "Prime", "Minister", "Chancellor",
    "Senator", "Secretary", "Government", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Yesterday", "Today", "Tomorrow", "Tonight",
    "Update", "Read", "Previously", "Meanwhile", "However", "Instead", "Despite", "Perhaps",
    "Actually", "Alas", "Why", "Yes", "No", "Not", "Many", "Some", "Most", "Such", "Both", "Each",
    "Every", "All", "Any", "Several", "Last", "Next", "First", "Second", "Third", "Mutual", "Easy",
    "More", "Less", "Prior", "Nearly", "About", "Following", "According", "Using", "Rather", "Had",
    "Has", "Have", "Was", "Were", "Is", "Are", "Be", "Been", "Did", "Does", "Do", "Said", "Says",
    "Will", "Would", "Could", "Should", "May", "Might", "Must", "Can", "Here", "There",
];

/// English function words and words too general to be a topic.
#[rustfmt::skip]
const STOPWORD_LIST: &[&str] = &[
    "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along",
    "already", "also", "although", "always", "among", "an", "and", "another", "any", "anyone",
    "anything", "are", "around", "as", "at", "away", "back", "be", "became", "because", "become",
    "been", "before", "being", "below", "between", "both", "but", "by", "came", "can", "cannot",
    "come", "could", "did", "does", "doing", "done", "down", "during", "each", "either", "else",
    "enough", "even", "ever", "every", "few", "for", "from", "further", "gave", "get", "gets",
    "getting", "give", "given", "goes", "going", "gone", "good", "got", "great", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "keep", "know",
    "known", "last", "later", "least", "less", "let", "like", "likely", "little", "long", "made",
    "make", "makes", "making", "many", "may", "me", "might", "more", "most", "much", "must", "my",
    "myself", "near", "need", "never", "new", "next", "no", "nor", "not", "nothing", "now", "of",
    "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "out",
    "over", "own", "part", "per", "perhaps", "put", "quite", "rather", "really", "said", "same",
    "say", "saying", "says", "see", "seem", "seemed", "seems", "seen", "several", "she", "should",
    "since", "so", "some", "something", "still", "such", "take", "taken", "than", "that", "the",
    "their", "theirs", "them", "themselves", "then", "there", "these", "they", "thing", "things",
    "think", "this", "those", "though", "through", "time", "times", "to", "today", "together",
    "too", "took", "toward", "towards", "under", "until", "up", "upon", "us", "use", "used", "very",
    "via", "want", "wanted", "wants", "was", "way", "ways", "we", "well", "went", "were", "what",
    "whatever", "when", "where", "whether", "which", "while", "who", "whole", "whom", "whose",
    "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "year",
    "years", "week", "weeks", "month", "months", "day", "days", "yesterday", "tomorrow", "people",
    "person", "man", "woman", "men", "women", "lot", "lots", "point", "fact", "case", "place",
    "number", "world", "country", "countries", "state", "states", "government", "president",
    "minister", "leader", "comment", "comments", "claim", "claims", "report", "reports", "news",
    "story", "remark", "remarks", "statement", "issue", "issues", "problem", "problems", "question",
    "questions", "side", "sides", "another", "everyone", "everything", "someone", "nobody", "none",
    "first", "second", "third", "three", "four", "five", "half", "high", "higher", "low", "lower",
    "big", "bigger", "small", "major", "main", "real", "sure", "true", "exactly", "versus",
    "against", "ahead", "eve", "win", "says", "tells", "told", "told", "call", "called", "calls",
    "show", "shows", "shown", "look", "looks", "looked", "back", "over", "support", "supports",
    "senator", "more",
    // A journal's post whose title was lost is titled by its date: a day
    // of the week says nothing of what the post is about.
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
