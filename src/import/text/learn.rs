//! Learning an archive's own furniture from what it repeats.
//!
//! Every page template prints the same furniture around every post: a line
//! of the same *shape* ("3 May 2019 · Jane Doe", "Filed under Politics |
//! 4 Comments") at the same place, once per post. A shape is the line with
//! its numbers, month and weekday names, quoted titles and capitalised
//! names reduced to placeholders, so that every post's line has the same
//! one. A shape that recurs at least three times, each time right after a
//! title-like line, is furniture that follows titles; each time right before
//! a title-like line and the prose under it, furniture that ends posts.
//! Repetition is the strongest evidence there is, so a learned role also
//! overrides the role [`super::furniture`] assumes for a shape it knows.

use std::sync::LazyLock;

use rayon::prelude::*;

use super::furniture::{MONTHS, WEEKDAYS};
use super::paragraphs::Paragraph;
use super::wordset::WordMap;

/// Where an archive's template puts a recurring line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Right after a post's title (a byline, a date).
    FollowsTitle,
    /// At a post's end, right before the next title ("Read more").
    EndsPost,
}

/// The fewest times a shape must recur to be learned.
const MIN_REPEATS: usize = 3;
/// Longer lines are text, not furniture.
const MAX_LEN: usize = 120;

/// The shape of every line of an archive short enough to be furniture and
/// shaped as it can be ([`shape_key`]), in order: what [`roles`] groups
/// lines by. Read from the text alone, so found on all cores beside the
/// sequential walk that marks the comments [`roles`] leaves out.
///
/// Held in pieces of a few thousand paragraphs each, as they were found:
/// collected into one list, the pieces would be held twice over while it
/// is put together, at the time the walk beside it holds its own lists.
pub struct Shapes(Vec<Vec<Shaped>>);

/// One line's shape: the hash of its shape and its index, with the index's
/// top bit saying whether the shape says nothing. Twelve bytes: an archive
/// has about one such line for every two paragraphs.
#[derive(Clone, Copy)]
#[repr(C, packed(4))]
struct Shaped {
    hash: u64,
    at: u32,
}

impl Shaped {
    /// The bit of `at` that says the shape says nothing.
    const GENERIC: u32 = 1 << 31;

    fn index(self) -> usize {
        (self.at & !Shaped::GENERIC) as usize
    }

    fn generic(self) -> bool {
        self.at & Shaped::GENERIC != 0
    }

    fn hash(self) -> u64 {
        self.hash
    }
}

/// How many paragraphs one piece of [`Shapes`] is read from.
const SHAPES_PIECE: usize = 1 << 14;

impl Shapes {
    pub fn of(all: &[Paragraph]) -> Shapes {
        assert!(
            all.len() < Shaped::GENERIC as usize,
            "fewer than two billion paragraphs"
        );
        Shapes(
            all.par_chunks(SHAPES_PIECE)
                .enumerate()
                .map(|(piece, chunk)| {
                    let first = piece * SHAPES_PIECE;
                    chunk
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| p.text.len() <= MAX_LEN)
                        .filter_map(|(k, p)| {
                            shape_key(p).map(|(hash, generic)| Shaped {
                                hash,
                                // Below the top bit: the length is asserted.
                                at: (first + k) as u32 | if generic { Shaped::GENERIC } else { 0 },
                            })
                        })
                        .collect()
                })
                .collect(),
        )
    }
}

/// The learned role of every paragraph in a recurring shape, by index in
/// `all`, in order, from the lines' `shapes` ([`Shapes::of`]). `skip(i)`
/// leaves out paragraphs known to be something else (comments), and
/// `known(i)` says which are known furniture: those are looked past when
/// finding a line's neighbours.
pub fn roles(
    all: &[Paragraph],
    shapes: Shapes,
    skip: impl Fn(usize) -> bool + Sync,
    known: impl Fn(usize) -> bool + Sync,
) -> Vec<(usize, Role)> {
    let groups = recurring_shapes(shapes, &skip);
    // A shape that says nothing is shared by a template's "Home Page" and
    // a title of capitalised words alike: such a group is judged by the
    // texts in it that recur word for word.
    let groups: Vec<(bool, Vec<usize>)> = groups
        .into_par_iter()
        .flat_map_iter(|(generic, members)| {
            if !generic {
                return vec![(false, members)];
            }
            let mut by_text = members;
            by_text.sort_by(|&a, &b| (*all[a].text).cmp(&*all[b].text).then(a.cmp(&b)));
            by_text
                .chunk_by(|&a, &b| all[a].text == all[b].text)
                .filter(|same| same.len() >= MIN_REPEATS)
                .map(|same| (true, same.to_vec()))
                .collect()
        })
        .collect();
    // Each group is judged on its own, so the groups are judged on all
    // cores; a paragraph is in one group only, and the roles are sorted by
    // index at the end, so the result does not depend on the order.
    // A template's line makes one group as large as the archive has posts:
    // its members are looked at on all cores too.
    let role_of = |members: &[usize]| -> Option<Role> {
        let neighbour = |i: usize, step: isize| -> Option<usize> {
            let mut at = i.checked_add_signed(step)?;
            // Look past one line of known furniture ("By Jane" after a date);
            // a second is no title either.
            if at < all.len() && known(at) {
                at = at.checked_add_signed(step)?;
            }
            (at < all.len()).then_some(at)
        };
        // The titles around a template's line differ from post to post: a
        // passage repeated word for word, neighbours and all, is not one.
        let distinct = |neighbours: Vec<usize>| {
            let mut texts: Vec<&str> = neighbours.par_iter().map(|&n| &*all[n].text).collect();
            texts.par_sort_unstable();
            texts.dedup();
            texts.len().min(neighbours.len())
        };
        let after_title = distinct(
            members
                .par_iter()
                .filter_map(|&i| neighbour(i, -1))
                .filter(|&p| {
                    !skip(p)
                        && !known(p)
                        && is_title_like(&all[p])
                        && members.binary_search(&p).is_err()
                })
                .collect(),
        );
        // A line at the archive's end counts as before a title.
        let at_end = members
            .iter()
            .filter(|&&i| neighbour(i, 1).is_none())
            .count();
        let before_title = distinct(
            members
                .par_iter()
                .filter_map(|&i| {
                    let next = neighbour(i, 1)?;
                    // Asked last, and its text last: most lines after a
                    // member head nothing, and the text two lines on is
                    // another read from memory.
                    let heads_prose = || {
                        neighbour(next, 1).is_none_or(|body| {
                            all[body].text.len() > MAX_LEN
                                || known(body)
                                || !is_title_like(&all[body])
                        })
                    };
                    (!skip(next)
                        && !known(next)
                        && is_title_like(&all[next])
                        && members.binary_search(&next).is_err()
                        && heads_prose())
                    .then_some(next)
                })
                .collect(),
        ) + at_end;
        let needed = (members.len() * 2).div_ceil(3).max(MIN_REPEATS);
        if after_title >= needed {
            Some(Role::FollowsTitle)
        } else if before_title >= needed {
            Some(Role::EndsPost)
        } else {
            None
        }
    };
    let mut out: Vec<(usize, Role)> = groups
        .into_par_iter()
        .flat_map_iter(|(_, members)| {
            let role = role_of(&members);
            members
                .into_iter()
                .filter_map(move |i| role.map(|role| (i, role)))
        })
        .collect();
    // A paragraph has one role: the order is the same however it is sorted.
    out.par_sort_unstable_by_key(|(i, _)| *i);
    out
}

/// The lines of each shape that recurs at least [`MIN_REPEATS`] times
/// among the lines `skip` leaves in, in order, and whether the shape says
/// nothing.
///
/// The lines of a shape are found by sorting the lines by shape, in place,
/// rather than by gathering them in a table of lists: most shapes are a
/// single line's, and a list each cost more memory than the lines
/// themselves. Within a shape the lines stay in order, so the first says
/// whether the shape says nothing, as the first seen did.
fn recurring_shapes(
    shapes: Shapes,
    skip: &(impl Fn(usize) -> bool + Sync),
) -> Vec<(bool, Vec<usize>)> {
    let mut shaped: Vec<Shaped> = Vec::with_capacity(shapes.0.iter().map(Vec::len).sum());
    for piece in shapes.0 {
        shaped.extend(piece.into_iter().filter(|s| !skip(s.index())));
    }
    shaped.par_sort_unstable_by_key(|s| (s.hash(), s.index()));
    shaped
        .chunk_by(|a, b| a.hash() == b.hash())
        .filter(|group| group.len() >= MIN_REPEATS)
        .map(|group| {
            (
                group[0].generic(),
                group.iter().map(|s| s.index()).collect(),
            )
        })
        .collect()
}

/// A short line that could head a post: no closing full stop, colon or
/// comma, not opening in lower case, not a list item.
fn is_title_like(p: &Paragraph) -> bool {
    let text = &*p.text;
    text.len() <= 160
        && !p.is_list_item()
        && !text.ends_with(['.', ':', ',', ';', '…'])
        && text.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// The shape of a line that could be furniture, or `None` for a line that
/// cannot be (it ends like a sentence, a question or a lead-in).
///
/// "November 26th, 2014 at 4:22 pm by Jane Smith" → "M # , # at # : # ampm
/// by N"; "Filed under Politics | 4 Comments" → "filed under N | # comment".
#[cfg(test)]
pub fn shape(p: &Paragraph) -> Option<String> {
    let mut out = String::new();
    shape_tokens(p, |token| {
        if !out.is_empty() {
            out.push(' ');
        }
        token.write_to(&mut out);
    })?;
    Some(out)
}

/// What [`roles`] groups lines by: a hash of the line's shape, and whether
/// the shape says nothing (names and punctuation only, as titles have too).
/// Hashed as it is read, so that no shape is ever built.
fn shape_key(p: &Paragraph) -> Option<(u64, bool)> {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    let mut generic = true;
    shape_tokens(p, |token| {
        generic &= matches!(token, Token::Name | Token::Quote | Token::Punctuation(_));
        token.hash_into(&mut hasher);
    })?;
    Some((hasher.finish(), generic))
}

/// One token of a shape.
#[derive(Debug, Clone, Copy)]
enum Token<'a> {
    /// A number, ordinal or number word: `#`.
    Number,
    /// A month's name: `M`.
    Month,
    /// "am" or "pm" after a time: `ampm`. A byline's time is in the
    /// morning in one post and the evening in the next.
    Meridiem,
    /// A weekday's name: `W`.
    Weekday,
    /// A run of capitalised words: `N`.
    Name,
    /// A quoted span: `Q`.
    Quote,
    /// Any other word, compared in lower case without a plural `s`.
    Word(&'a str),
    Punctuation(char),
}

impl Token<'_> {
    fn placeholder(self) -> Option<&'static str> {
        match self {
            Token::Number => Some("#"),
            Token::Month => Some("M"),
            Token::Meridiem => Some("ampm"),
            Token::Weekday => Some("W"),
            Token::Name => Some("N"),
            Token::Quote => Some("Q"),
            Token::Word(_) | Token::Punctuation(_) => None,
        }
    }

    /// The word's characters as compared: lower case, a plural `s` dropped.
    fn word_chars(word: &str) -> impl Iterator<Item = char> + '_ {
        let count = word.chars().count();
        let plural = count >= 4
            && word.ends_with(['s', 'S'])
            && !word[..word.len() - 1].ends_with(['s', 'S']);
        word.chars()
            .take(if plural { count - 1 } else { count })
            .flat_map(char::to_lowercase)
    }

    fn hash_into(self, hasher: &mut impl std::hash::Hasher) {
        match (self.placeholder(), self) {
            (Some(placeholder), _) => hasher.write(placeholder.as_bytes()),
            // Most words are ASCII: their characters as compared are their
            // bytes in lower case, hashed as the same numbers without
            // decoding them.
            (None, Token::Word(word)) if word.is_ascii() => {
                let bytes = word.as_bytes();
                let plural = bytes.len() >= 4
                    && matches!(bytes[bytes.len() - 1], b's' | b'S')
                    && !matches!(bytes[bytes.len() - 2], b's' | b'S');
                for &byte in &bytes[..bytes.len() - usize::from(plural)] {
                    hasher.write_u32(u32::from(byte.to_ascii_lowercase()));
                }
            }
            (None, Token::Word(word)) => {
                for c in Self::word_chars(word) {
                    hasher.write_u32(c as u32);
                }
            }
            (None, Token::Punctuation(c)) => hasher.write_u32(c as u32),
            (None, _) => unreachable!("every other token has a placeholder"),
        }
        hasher.write_u8(0xff);
    }

    #[cfg(test)]
    fn write_to(self, out: &mut String) {
        match (self.placeholder(), self) {
            (Some(placeholder), _) => out.push_str(placeholder),
            (None, Token::Word(word)) => out.extend(Self::word_chars(word)),
            (None, Token::Punctuation(c)) => out.push(c),
            (None, _) => unreachable!("every other token has a placeholder"),
        }
    }
}

/// Reads a line's shape token by token; `None` for a line that cannot be
/// furniture.
fn shape_tokens<'a>(p: &'a Paragraph, mut sink: impl FnMut(Token<'a>)) -> Option<()> {
    let text = &*p.text;
    if p.is_list_item()
        || text.ends_with(['.', ':', '?', '!', '…', ','])
        || text.contains("://")
        || text.starts_with("www.")
    {
        return None;
    }
    let mut rest = text;
    let mut last_was_name = false;
    // The last word was a capital alone: an initial, whose dot is the
    // name's ("E. Paul Zehr" is as much one name as "Paul Zehr").
    let mut last_was_initial = false;
    while let Some(c) = rest.chars().next() {
        if c == '.' && last_was_initial {
            rest = &rest[1..];
            last_was_initial = false;
            continue;
        }
        if c.is_whitespace() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c == '“' || c == '"' {
            let close = if c == '“' { '”' } else { '"' };
            let end = rest[c.len_utf8()..]
                .find(close)
                .map_or(rest.len(), |at| at + c.len_utf8() + close.len_utf8());
            sink(Token::Quote);
            rest = &rest[end..];
            last_was_name = false;
            last_was_initial = false;
            continue;
        }
        if c.is_alphanumeric() {
            // A hyphen between letters joins one word: "Kathy-Ellen Kups"
            // is as much a name as "Peter Neupert".
            let end = rest
                .char_indices()
                .find(|&(at, c)| {
                    !(c.is_alphanumeric()
                        || c == '\''
                        || c == '’'
                        || c == '_'
                        || (c == '-' && rest[at + 1..].starts_with(char::is_alphanumeric)))
                })
                .map_or(rest.len(), |(at, _)| at);
            let word = &rest[..end];
            let token = word_token(word);
            rest = &rest[end..];
            let is_name = matches!(token, Token::Name);
            if !(is_name && last_was_name) {
                sink(token);
            }
            last_was_name = is_name;
            last_was_initial = is_name && word.len() == 1;
            continue;
        }
        sink(Token::Punctuation(c));
        rest = &rest[c.len_utf8()..];
        last_was_name = false;
        last_was_initial = false;
    }
    Some(())
}

/// The halves of the day after a time.
const MERIDIEMS: &[&str] = &["am", "pm"];
/// Number words, taken as numbers.
const NUMBERS: &[&str] = &["no", "one", "two", "three", "four", "five"];
/// Furniture's own words: they stay words, capitalised or not ("4 Comments").
const FURNITURE_WORDS: &[&str] = &[
    "by",
    "on",
    "at",
    "in",
    "under",
    "posted",
    "filed",
    "written",
    "published",
    "updated",
    "date",
    "comment",
    "comments",
    "response",
    "responses",
    "reply",
    "replies",
    "read",
    "more",
    "continue",
    "reading",
    "tags",
    "tagged",
    "categories",
    "category",
    "am",
    "pm",
];

/// What a word of the lists [`word_token`] asks about is.
#[derive(Debug, Clone, Copy)]
enum Listed {
    Month,
    Weekday,
    Number,
    Meridiem,
    Furniture,
}

/// A word's token: a number (ordinals and number words too), a month, a
/// weekday, "am" or "pm", a capitalised word (a name), else the word
/// itself.
///
/// The lists are asked in that order, in one lookup: a word is looked up
/// for every word of every short line of an archive.
fn word_token(word: &str) -> Token<'_> {
    static LISTED: LazyLock<WordMap<Listed>> = LazyLock::new(|| {
        WordMap::new([
            (MONTHS, Listed::Month),
            (WEEKDAYS, Listed::Weekday),
            (NUMBERS, Listed::Number),
            (MERIDIEMS, Listed::Meridiem),
            (FURNITURE_WORDS, Listed::Furniture),
        ])
    });
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        return Token::Number;
    }
    match LISTED.get(word) {
        Some(Listed::Month) => Token::Month,
        Some(Listed::Weekday) => Token::Weekday,
        Some(Listed::Number) => Token::Number,
        Some(Listed::Meridiem) => Token::Meridiem,
        Some(Listed::Furniture) => Token::Word(word),
        None if word.starts_with(char::is_uppercase) => Token::Name,
        None => Token::Word(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Paragraph {
        Paragraph::from(text)
    }

    fn shape_of(text: &str) -> Option<String> {
        shape(&paragraph(text))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// ASCII words are hashed from their bytes as from their characters.
        #[test]
        fn words_hash_as_their_characters_compared(word in "[a-zA-Z0-9sS’é]{0,9}") {
            use std::hash::Hasher;
            let mut by_chars = rustc_hash::FxHasher::default();
            for c in Token::word_chars(&word) {
                by_chars.write_u32(c as u32);
            }
            by_chars.write_u8(0xff);
            let mut hashed = rustc_hash::FxHasher::default();
            Token::Word(&word).hash_into(&mut hashed);
            proptest::prop_assert_eq!(hashed.finish(), by_chars.finish(), "{:?}", word);
        }
    }

    /// A word's token as it was found by asking each list in turn.
    fn token_by_sets(word: &str) -> Token<'_> {
        use crate::import::text::furniture::{is_month, is_weekday};
        use crate::import::text::wordset::WordSet;
        let (numbers, meridiems, furniture) = (
            WordSet::new(NUMBERS),
            WordSet::new(MERIDIEMS),
            WordSet::new(FURNITURE_WORDS),
        );
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            Token::Number
        } else if is_month(word) {
            Token::Month
        } else if is_weekday(word) {
            Token::Weekday
        } else if numbers.contains(word) {
            Token::Number
        } else if meridiems.contains(word) {
            Token::Meridiem
        } else if word.starts_with(char::is_uppercase) && !furniture.contains(word) {
            Token::Name
        } else {
            Token::Word(word)
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// One lookup in the lists gives the token that asking each did.
        #[test]
        fn words_are_tokens_as_when_each_list_was_asked(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "May", "may", "MAY", "mon", "Monday", "one", "No", "By", "by", "Comments",
                    "pm", "AM", "Jane", "jane", "2", "é", "É", "s", "day", "sept",
                ]),
                1..3,
            ),
        ) {
            let word: String = pieces.concat();
            proptest::prop_assert_eq!(
                format!("{:?}", word_token(&word)),
                format!("{:?}", token_by_sets(&word)),
                "{:?}", word
            );
        }
    }

    /// The groups as they were gathered, in a table of lists by shape, in
    /// the order of the groups' first lines.
    fn groups_by_table(shapes: &Shapes, skip: impl Fn(usize) -> bool) -> Vec<(bool, Vec<usize>)> {
        let mut groups: rustc_hash::FxHashMap<u64, (bool, Vec<usize>)> = Default::default();
        for shaped in shapes.0.iter().flatten() {
            if skip(shaped.index()) {
                continue;
            }
            groups
                .entry(shaped.hash())
                .or_insert((shaped.generic(), Vec::new()))
                .1
                .push(shaped.index());
        }
        let mut groups: Vec<(bool, Vec<usize>)> = groups
            .into_values()
            .filter(|(_, members)| members.len() >= MIN_REPEATS)
            .collect();
        groups.sort_by_key(|(_, members)| members[0]);
        groups
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Sorting the lines by shape finds the groups the table found.
        #[test]
        fn shapes_sorted_group_as_in_a_table(
            lines in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "Jane Smith ~ 3.v.2019", "Bob Jones ~ 4.v.2019", "Trump", "Macron",
                        "Filed under Politics | 4 Comments", "Filed under Buses | No comments",
                        "“Tolls”", "Read more", "Tolls are a tax.", "May 4, 2010 at 10:17 am",
                    ]),
                    proptest::bool::weighted(0.2),
                ),
                0..60,
            ),
        ) {
            let all: Vec<Paragraph> = lines.iter().map(|(text, _)| paragraph(text)).collect();
            let skip = |i: usize| lines[i].1;
            let mut sorted = recurring_shapes(Shapes::of(&all), &skip);
            sorted.sort_by_key(|(_, members)| members[0]);
            proptest::prop_assert_eq!(sorted, groups_by_table(&Shapes::of(&all), skip));
        }
    }

    #[test]
    fn shapes_read_in_pieces_keep_their_places() {
        let texts = [
            "Filed under Politics | 4 Comments",
            PROSE,
            "Jane Smith ~ 3.v.2019",
            "Trump",
        ];
        let all: Vec<Paragraph> = (0..SHAPES_PIECE * 2 + 7)
            .map(|i| paragraph(texts[i % texts.len()]))
            .collect();
        let found: Vec<(usize, u64, bool)> = Shapes::of(&all)
            .0
            .iter()
            .flatten()
            .map(|s| (s.index(), s.hash(), s.generic()))
            .collect();
        let one_by_one: Vec<(usize, u64, bool)> = all
            .iter()
            .enumerate()
            .filter(|(_, p)| p.text.len() <= MAX_LEN)
            .filter_map(|(i, p)| shape_key(p).map(|(hash, generic)| (i, hash, generic)))
            .collect();
        assert_eq!(found, one_by_one);
        assert!(found.iter().any(|&(_, _, generic)| generic));
    }

    #[test]
    fn shapes_reduce_numbers_dates_names_and_quotes() {
        assert_eq!(
            shape_of("November 26th, 2014 at 4:22 pm by Jane Smith").as_deref(),
            Some("M # , # at # : # ampm by N")
        );
        assert_eq!(
            shape_of("3rd May 2019 at 9:05 am by Bob").as_deref(),
            Some("# M # at # : # ampm by N")
        );
        assert_eq!(
            shape_of("Posted by Kathy-Ellen Kups, on January 28, 2010 9:50 PM"),
            shape_of("Posted by Newt Gingrich, on January 29, 2010 11:39 AM")
        );
        assert_eq!(
            shape_of("Filed under Politics | 4 Comments"),
            shape_of("Filed under Local Body Affairs | No comments")
        );
        assert_eq!(
            shape_of("Featured image for “Bridge tolls under review”"),
            shape_of("Featured image for “Why are the buses late”")
        );
        // An initial's dot is its name's.
        assert_eq!(
            shape_of("April 8, 2013 — J. Paul Rees"),
            shape_of("April 9, 2013 — Ana Lee")
        );
        assert_eq!(shape_of("The minister said no."), None);
        assert_eq!(shape_of("On trade:"), None);
    }

    const PROSE: &str = "A paragraph of prose long enough that it could never be furniture, with a full stop at its end to prove it.";

    fn archive(lines: &[&str]) -> Vec<Paragraph> {
        lines.iter().map(|l| paragraph(l)).collect()
    }

    #[test]
    fn a_line_recurring_after_titles_follows_titles() {
        let all = archive(&[
            "Bridge tolls under review",
            "Jane Smith ~ 3.v.2019 ~ Wellington",
            PROSE,
            "Buses are late again",
            "Bob Jones ~ 4.v.2019 ~ Auckland",
            PROSE,
            "Ferry fares: a modest proposal",
            "Jo Martin ~ 5.v.2019 ~ Napier",
            PROSE,
        ]);
        let learned = roles(&all, Shapes::of(&all), |_| false, |_| false);
        assert_eq!(
            learned,
            [
                (1, Role::FollowsTitle),
                (4, Role::FollowsTitle),
                (7, Role::FollowsTitle)
            ]
        );
    }

    #[test]
    fn a_line_recurring_before_titles_ends_posts_and_titles_alone_are_not_learned() {
        let all = archive(&[
            "Bridge tolls under review",
            PROSE,
            "Filed under Transport | 4 Comments",
            "Buses are late again",
            PROSE,
            "Filed under Buses | 1 Comment",
            "Ferry fares",
            PROSE,
            "Filed under Ferries | No Comments",
        ]);
        let learned = roles(&all, Shapes::of(&all), |_| false, |_| false);
        assert_eq!(
            learned,
            [
                (2, Role::EndsPost),
                (5, Role::EndsPost),
                (8, Role::EndsPost)
            ]
        );
        // Three one-name titles share a shape, but it says nothing.
        let all = archive(&["Trump", PROSE, "Macron", PROSE, "Ardern", PROSE]);
        assert!(roles(&all, Shapes::of(&all), |_| false, |_| false).is_empty());
    }

    #[test]
    fn a_shape_in_two_places_is_not_learned() {
        let all = archive(&[
            "Bridge tolls under review",
            "Jane Smith ~ 3.v.2019",
            PROSE,
            "Jane Smith ~ 4.v.2019",
            PROSE,
            "Buses are late again",
            PROSE,
            "Jane Smith ~ 5.v.2019",
        ]);
        assert!(roles(&all, Shapes::of(&all), |_| false, |_| false).is_empty());
    }
}
