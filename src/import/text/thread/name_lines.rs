//! Threads whose comments each open with the commenter's name alone on a
//! line over the comment's text, and carry no header, number or closing
//! line (as Typepad prints them: "Jane Roe" / "Tolls are a tax." / "Al
//! Cole" / "Nobody asked.").

use rustc_hash::FxHashMap as HashMap;

use super::super::furniture::Furniture;
use super::super::paragraphs::Paragraph;
use super::super::segment;
use super::ends_as_prose;
use super::plan::{Item, name_in_label};

/// Whether a line can hold only a commenter's name: a name as
/// [`name_in_label`] reads one; a display name of up to three words in
/// any case ("jj mollo", "Charlie (Colorado)", "Julie @ home"); or, where
/// the page prints the line again over another comment (`recurs`), any
/// short line that is no sentence ("Martin - A Man in the Street!").
///
/// Accepts "richard mcenroe"; rejects "the vote" with `recurs` unset when
/// it ends a sentence ("so we lost the vote."), and "Tolls are a tax." even
/// where it recurs.
pub(super) fn could_be_name_line(text: &str, recurs: bool) -> bool {
    // Counted only for short lines: most lines asked about are paragraphs
    // of prose under a candidate, and counting their words reads them whole.
    let words = || text.split_whitespace().count();
    let display = text.len() <= 30
        && (1..=3).contains(&words())
        && text.chars().any(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " .-_'’()@&".contains(c))
        && !text.ends_with('.');
    let recurring = recurs
        && text.len() <= 60
        && (1..=8).contains(&words())
        && !text.ends_with(['.', ':', ',', ';', '?', '”', '"']);
    (name_in_label(text).is_some() || display || recurring) && !is_numbered_part(text)
}

/// "Day 3", "Part 2": a word that counts and its number head a part of a
/// post, never a commenter's name.
fn is_numbered_part(text: &str) -> bool {
    text.split_once(' ').is_some_and(|(word, number)| {
        !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && super::label::COUNTED
                .iter()
                .any(|counted| word.eq_ignore_ascii_case(counted))
    })
}

/// Whether a line can be the first line of a comment's text under a name
/// line: prose ([`ends_as_prose`]), or a sentence that leads in what the
/// commenter quotes next ("They may be laying off that department:"). A
/// paragraph the page cut short with a bracketed ellipsis is a post's
/// excerpt under its title, as archive pages print them, never a comment.
///
/// Accepts "Tolls are a tax." and "Here is what the minister said:";
/// rejects "Update:" and "Her record:" (headings, too short for a
/// sentence), "Tolls up again" (no sentence at all) and "The board met
/// again, and the tolls […]".
pub(super) fn opens_comment_text(text: &str) -> bool {
    (ends_as_prose(text) || (text.ends_with(':') && text.split_whitespace().nth(3).is_some()))
        && !is_cut_short(text)
}

/// Whether a paragraph ends in the bracketed ellipsis an archive page puts
/// where it cuts a post's excerpt ("[…]", "[...]").
fn is_cut_short(text: &str) -> bool {
    text.ends_with("[…]") || text.ends_with("[...]")
}

/// The short lines of `texts` printed twice or more, each time over prose
/// (`over_prose` says which are): lines a thread repeats over its
/// comments, such as a commenter's name that a scrape kept with a motto.
pub(super) fn recurring_over_prose<'t>(
    texts: impl Iterator<Item = (&'t str, bool)>,
) -> HashMap<&'t str, usize> {
    let mut seen: HashMap<&'t str, usize> = HashMap::default();
    for (text, over_prose) in texts {
        if over_prose && text.len() <= 60 {
            *seen.entry(text).or_default() += 1;
        }
    }
    seen.retain(|_, count| *count >= 2);
    seen
}

/// The lines of a thread's items that the thread prints twice or more over
/// a comment's text ([`recurring_over_prose`]).
pub(super) fn recurring_in_thread<'a>(items: &[Item<'a>]) -> HashMap<&'a str, usize> {
    recurring_over_prose((0..items.len()).map(|i| (items[i].text, text_under(items, i).is_some())))
}

/// The name a name line over a comment's text holds, in a thread whose
/// comments open so: the line itself, when it can hold only a name
/// ([`could_be_name_line`], `recurring` saying which lines the thread
/// prints again) and prose follows it at its indentation.
pub(super) fn name_line_over_text<'a>(
    items: &[Item<'a>],
    i: usize,
    recurring: &HashMap<&str, usize>,
) -> Option<&'a str> {
    let text = items[i].text;
    text_under(items, i)?;
    could_be_name_line(text, recurring.contains_key(text)).then(|| without_dash_after(text))
}

/// "Gordo -": a name line whose theme printed the comment's date after a
/// dash, and the scrape kept the dash alone. The name is what stands
/// before it.
fn without_dash_after(name: &str) -> &str {
    name.strip_suffix(['-', '–', '—'])
        .filter(|before| before.ends_with(' '))
        .map_or(name, str::trim_end)
}

/// The text under item `i` when `i` can be a name line over it: neither is
/// furniture or a list item, the text is prose at the same indentation and
/// no wider gap parts them.
fn text_under<'a>(items: &[Item<'a>], i: usize) -> Option<&'a str> {
    let (item, next) = (&items[i], items.get(i + 1)?);
    (item.furniture.is_none()
        && item.marker.is_none()
        && next.furniture.is_none()
        && next.marker.is_none()
        && !next.after_wide_gap
        && next.indent == item.indent
        && opens_comment_text(next.text)
        && !could_be_name_line(next.text, false))
    .then_some(next.text)
}

/// The longest line that can hold only a name ([`could_be_name_line`]):
/// sixty bytes where the page prints it again, with room for the
/// comment's number and a pointer.
const LONGEST_NAME_LINE: usize = 80;

/// How far apart two name lines of a run may be: a comment of up to six
/// paragraphs between them.
const NAMES_REACH: usize = 7;

/// The fewest name lines a run needs.
const FEWEST_NAMES: usize = 3;

/// What a paragraph can be as a name line ([`name_line_runs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameLine {
    /// No prose under it at its indentation: no name line.
    NotOverProse,
    /// Over prose, and it can hold only a name ([`could_be_name_line`]).
    Name,
    /// Over prose, and it can hold only a name where the page prints it
    /// again.
    NameIfRecurring,
    /// Over prose, and a sentence or too long for a name.
    NoName,
}

impl NameLine {
    /// What paragraph `i` of `all` is as a name line: whether prose is
    /// under it, and whether it can hold only a name printed once, or only
    /// where the page prints it again. Asked of every paragraph in the one
    /// pass on all cores that reads each paragraph's text for the thread
    /// walk ([`super::comment_paragraphs`]); the walk asks the page which
    /// lines recur only where the answer turns on it.
    pub(super) fn of<'a>(
        all: &[Paragraph],
        i: usize,
        usual_gap: u8,
        furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
    ) -> NameLine {
        let (p, under) = (&all[i], all.get(i + 1));
        // Asked first, as it reads no text: most paragraphs are too long
        // to be a name, and the prose under them is never read.
        let over_prose = p.text.len() <= LONGEST_NAME_LINE
            && furniture_at(i).is_none()
            && !p.is_list_item()
            && under.is_some_and(|next| {
                furniture_at(i + 1).is_none()
                    && !next.is_list_item()
                    && next.indent() == p.indent()
                    && p.gap_after() <= usual_gap
                    && opens_comment_text(&next.text)
                    && !could_be_name_line(&next.text, false)
            });
        if !over_prose {
            return NameLine::NotOverProse;
        }
        // Most lines over prose are no name even where they recur: asked
        // so first.
        let text = &p.text;
        if !could_be_name_line(text, true) {
            NameLine::NoName
        } else if could_be_name_line(text, false) {
            NameLine::Name
        } else {
            NameLine::NameIfRecurring
        }
    }
}

/// Where the runs of comments that each open with a name line start: the
/// first name line of each run.
///
/// A name line is a commenter's name alone on its line
/// ([`could_be_name_line`]) with prose right under it at the same
/// indentation. A run is
/// three or more such lines, each a few paragraphs after the one before,
/// with no furniture between them. A post's text can print names over
/// paragraphs too (a post on three candidates), so a run must also show
/// what only a thread shows: a name that comes back (a reader answering
/// another), a wider gap than the page's usual one where a comment's name
/// was a link the text lost, or no post text before it (the page shows the
/// thread straight under the post's date).
///
/// `line(i)` is what paragraph `i` is as a name line ([`NameLine::of`]).
///
/// Accepts "Jo Lee" / "Tolls are a tax." / "Al Cole" / "Nobody asked." /
/// "Jo Lee" / "They never do."; rejects "Jo Lee" / "She ran the council." /
/// "Al Cole" / "He ran the port." / "Cy Dunn" / "He ran the ferry." after
/// the post's own text (a post on three people).
pub fn name_line_runs<'a>(
    all: &[Paragraph],
    usual_gap: u8,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
    line: impl Fn(usize) -> NameLine,
) -> Vec<usize> {
    // Only lines that are names where they recur are asked whether they
    // do, and a line over prose is such a line by its text alone: the lines
    // of its text over prose are all such lines, so only they are counted
    // (hashing the other lines over prose changed no count that is asked).
    runs_counting(all, usual_gap, furniture_at, line, |line| {
        line == NameLine::NameIfRecurring
    })
}

/// [`name_line_runs`], counting how often a line recurs among the lines
/// over prose that `counted` says.
fn runs_counting<'a>(
    all: &[Paragraph],
    usual_gap: u8,
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
    line: impl Fn(usize) -> NameLine,
    counted: impl Fn(NameLine) -> bool,
) -> Vec<usize> {
    let recurring = recurring_over_prose((0..all.len()).map(|i| (&*all[i].text, counted(line(i)))));
    let is_name_line = |i: usize| match line(i) {
        NameLine::Name => true,
        NameLine::NameIfRecurring => recurring.contains_key(&*all[i].text),
        NameLine::NotOverProse | NameLine::NoName => false,
    };
    // A date over the run that repeats one over earlier text is a day's
    // heading on a page of posts (Blogger's front page), not the date of
    // the one post whose text the page left out.
    // The page's first date, found once and only where a run asks: asking
    // each run for dates above it read a long archive once a run.
    let is_date = |i: usize| matches!(furniture_at(i), Some(Furniture::Date(_)));
    let first_date = std::cell::OnceCell::new();
    let day_heading = |at: usize| {
        is_date(at)
            && first_date
                .get_or_init(|| (0..all.len()).find(|&i| is_date(i)))
                .is_some_and(|first| first < at)
    };
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut last_furniture = None;
    for i in 0..all.len() {
        if furniture_at(i).is_some() {
            last_furniture = Some(i);
            continue;
        }
        if !is_name_line(i) {
            continue;
        }
        match runs.last_mut() {
            Some(run)
                if run.last().is_some_and(|&last| {
                    i - last <= NAMES_REACH && last_furniture.is_none_or(|f| f < last)
                }) =>
            {
                run.push(i);
            }
            _ => runs.push(vec![i]),
        }
    }
    runs.into_iter()
        .filter(|run| run.len() >= FEWEST_NAMES)
        .filter(|run| {
            let (first, last) = (run[0], run[run.len() - 1]);
            let names_again = run
                .iter()
                .enumerate()
                .any(|(k, &i)| run[..k].iter().any(|&j| all[j].text == all[i].text));
            // A gap inside the run, or where its last comment ends.
            let end = (last + NAMES_REACH).min(all.len());
            let lost_name = (first..end)
                .take_while(|&i| furniture_at(i).is_none())
                .any(|i| {
                    all[i].gap_after() > usual_gap
                        && i + 1 < end
                        && furniture_at(i + 1).is_none()
                        && ends_as_prose(&all[i + 1].text)
                });
            let no_post_text =
                first == 0 || (furniture_at(first - 1).is_some() && !day_heading(first - 1));
            // A run that opens the page, with nothing else to show it is
            // a thread, may be a listing of titles over their excerpts.
            names_again || lost_name || (no_post_text && !headlines_in_names_place(all, run, &line))
        })
        .map(|run| run[0])
        .collect()
}

/// Whether the lines standing where the run's names stand, alone over
/// prose, are headlines half as often as names: an archive page that prints
/// each post's title over its excerpt, and whose short titles read as
/// names ("Kale Greens" / "Kale is easy to grow…" / "Slow Cooker Beef and
/// Barley Soup" / "This soup…"). A commenter's first paragraph is seldom
/// a headline of four capitalised words with no full stop, and twice in a
/// run only where the thread is long. Asked only of a run that opens the
/// page: a name that comes back makes a thread whatever its comments hold
/// (a book's title over a reader's note on it).
fn headlines_in_names_place(
    all: &[Paragraph],
    run: &[usize],
    line: &impl Fn(usize) -> NameLine,
) -> bool {
    let (first, last) = (run[0], run[run.len() - 1]);
    let headlines = (first..=last)
        .filter(|&i| {
            line(i) != NameLine::NotOverProse
                && run.binary_search(&i).is_err()
                && is_headline_over_prose(&all[i].text)
        })
        .count();
    headlines >= 2 && headlines * 2 >= run.len()
}

/// A headline as a title is printed: four words or more, each long word
/// capitalised, and no sentence's closing mark.
fn is_headline_over_prose(text: &str) -> bool {
    text.split_whitespace().nth(3).is_some()
        && !text.ends_with(['.', '!', '?', ':', ',', ';'])
        && segment::capitalised_as_heading(text)
}

#[cfg(test)]
mod tests {
    use super::super::super::furniture;
    use super::super::super::paragraphs::{paragraphs, usual_gap};
    use super::super::plan::plan;
    use super::*;

    #[test]
    fn a_dash_left_after_a_name_is_no_part_of_it() {
        assert_eq!(without_dash_after("Old Ben -"), "Old Ben");
        assert_eq!(without_dash_after("kiri –"), "kiri");
        assert_eq!(without_dash_after("Jean-"), "Jean-");
        assert_eq!(without_dash_after("Ana Lee"), "Ana Lee");
    }

    fn starts(text: &str) -> Vec<String> {
        let all = paragraphs(text);
        let known: Vec<Option<Furniture>> =
            all.iter().map(|p| furniture::recognise(&p.text)).collect();
        let furniture_at = |i: usize| known.get(i).and_then(Option::as_ref);
        let gap = usual_gap(&all);
        name_line_runs(&all, gap, &furniture_at, |i| {
            NameLine::of(&all, i, gap, &furniture_at)
        })
        .into_iter()
        .map(|i| all[i].text.to_string())
        .collect()
    }

    const POST: &str = "Tolls up again\n\nMay 4, 2010\n\nThe council voted to raise the tolls.\n\n";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// Counting only the lines that are names where they recur finds
        /// the runs that counting every line over prose found.
        #[test]
        fn runs_are_found_as_when_every_line_over_prose_was_counted(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Jo Lee", "quiet reader", "Al - a man on the bus!", "Cy - at home?",
                    "Tolls are a tax.", "Nobody asked the drivers.", "They never do.",
                    "May 4, 2010", "Comments", "\n",
                ]),
                0..24,
            ),
        ) {
            let text = pieces.join("\n\n");
            let all = paragraphs(&text);
            let known: Vec<Option<Furniture>> =
                all.iter().map(|p| furniture::recognise(&p.text)).collect();
            let furniture_at = |i: usize| known.get(i).and_then(Option::as_ref);
            let gap = usual_gap(&all);
            let line = |i: usize| NameLine::of(&all, i, gap, &furniture_at);
            proptest::prop_assert_eq!(
                name_line_runs(&all, gap, &furniture_at, line),
                runs_counting(&all, gap, &furniture_at, line, |line| line != NameLine::NotOverProse),
                "{:?}", text
            );
        }

        /// [`name_line_runs`] asks whether a line recurs only where the
        /// answer turns on it: a line that can hold a name printed once
        /// can where it recurs too.
        #[test]
        fn a_name_line_printed_once_is_one_where_it_recurs(
            text in "[A-Za-z .,:;!?'’()@&_-]{0,70}",
        ) {
            if could_be_name_line(&text, false) {
                proptest::prop_assert!(could_be_name_line(&text, true), "{:?}", text);
            }
        }
    }

    #[test]
    fn a_name_that_comes_back_makes_a_thread() {
        let page = format!(
            "{POST}Jo Lee\n\nTolls are a tax.\n\nAl Cole\n\nNobody asked the drivers.\n\n\
             Jo Lee\n\nThey never do.\n"
        );
        assert_eq!(starts(&page), ["Jo Lee"]);
        // Three people a post is about, each named once.
        let people = format!(
            "{POST}Jo Lee\n\nShe ran the council.\n\nAl Cole\n\nHe ran the port.\n\n\
             Cy Dunn\n\nHe ran the ferry.\n"
        );
        assert!(starts(&people).is_empty());
        // Two names are too few.
        let two = format!("{POST}Jo Lee\n\nTolls are a tax.\n\nJo Lee\n\nThey never do.\n");
        assert!(starts(&two).is_empty());
    }

    #[test]
    fn a_lost_name_or_no_post_text_makes_a_thread() {
        let lost = format!(
            "{POST}Jo Lee\n\nTolls are a tax.\n\nAl Cole\n\nNobody asked the drivers.\n\n\n\
             Quite right.\n\nCy Dunn\n\nThey never do.\n"
        );
        assert_eq!(starts(&lost), ["Jo Lee"]);
        let under_the_date = "May 4, 2010\n\nJo Lee\n\nTolls are a tax.\n\nAl Cole\n\n\
                              Nobody asked the drivers.\n\nCy Dunn\n\nThey never do.\n";
        assert_eq!(starts(under_the_date), ["Jo Lee"]);
        // Under the page's second day heading, the lines are titles of a
        // front page's posts.
        let under_a_day =
            format!("May 5, 2010\n\nFerries\n\nThe boats ran late.\n\n{under_the_date}");
        assert_eq!(starts(&under_a_day), Vec::<String>::new());
    }

    #[test]
    fn headlines_where_the_names_stand_make_a_listing_of_posts() {
        // A page of titles over excerpts, opening on one: its short titles
        // read as names, its long ones are headlines.
        let listing = "Bay Laurel\n\nIt grows slowly in a pot.\n\n\
                       Slow Cooker Lamb and Barley Stew\n\nIt feeds six.\n\n\
                       Harbour Chowder\n\nThe crew eat it cold mornings.\n\n\
                       The Great Hedge Trimming Argument\n\nEvery street has one.\n\n\
                       Garden Peas\n\nThe pigeons find them first.\n";
        assert!(starts(listing).is_empty());
        // One comment that opens on a headline does not unmake a thread
        // of several names.
        let thread = "May 4, 2010\n\nJo Lee\n\nTolls are a tax.\n\n\
                      Happy New Year to the Whole Island\n\nWell said.\n\n\
                      Al Cole\n\nNobody asked the drivers.\n\n\
                      Cy Dunn\n\nThey never do.\n";
        assert_eq!(starts(thread), ["Jo Lee"]);
        // Under a post, with a name that comes back, books' titles in the
        // comments leave the thread a thread.
        let books = format!(
            "{POST}Jo Lee\n\nI loved this one.\n\nThe Shipping News by Annie Proulx\n\n\
             It made me want to move north.\n\nAl Cole\n\nMine is an old favourite.\n\n\
             A Tale of Two Cities\n\nThe opening alone is worth it.\n\nJo Lee\n\nThanks, Al.\n"
        );
        assert_eq!(starts(&books), ["Jo Lee"]);
    }

    #[test]
    fn a_post_excerpt_cut_short_opens_no_comment() {
        assert!(opens_comment_text(
            "The board met again, and the tolls went up."
        ));
        assert!(!opens_comment_text(
            "The board met again, and the tolls went up by more than […]"
        ));
        assert!(!opens_comment_text(
            "The board met again, and the tolls went up [...]"
        ));
    }

    #[test]
    fn a_comment_may_open_with_a_lead_in_to_a_quotation() {
        let page = "Feed: follow this conversation.\n\nJo Lee\n\nHere is what the minister said:\n\n\n\n\
                    Tolls will rise.\n\nAl Cole\n\nNobody asked the drivers.\n\n\
                    Jo Lee\n\nThey never do.\n";
        assert_eq!(starts(page), ["Jo Lee"]);
        // A heading with a colon under a name is no comment's text.
        let headings = "Feed: follow this conversation.\n\nJo Lee\n\nHer record:\n\n\
                        Tolls will rise.\n\nAl Cole\n\nHis record:\n\nJo Lee\n\nRecord:\n";
        assert!(starts(headings).is_empty());
    }

    #[test]
    fn a_numbered_part_is_no_name_line() {
        for part in ["Day 3", "Part 2", "chapter 12"] {
            assert!(!could_be_name_line(part, true), "{part}");
        }
        for name in ["Jo Lee", "Rangi 2", "Daymond 3"] {
            assert!(could_be_name_line(name, false), "{name}");
        }
    }

    #[test]
    fn in_a_thread_name_lines_of_any_case_or_printed_again_name_comments() {
        let item = |text: &'static str, after_wide_gap: bool| Item {
            text,
            after_wide_gap,
            in_thread: true,
            ..Item::default()
        };
        let items = [
            item("Jo Lee", false),
            item("Tolls are a tax.", false),
            item("quiet reader", false),
            item("Nobody asked the drivers.", false),
            item("Al - a man on the bus!", false),
            item("They never do.", false),
            item("Quite right.", true),
            item("Al - a man on the bus!", false),
            item("Again.", false),
        ];
        let planned = plan(&items);
        let authors: Vec<Option<&str>> = planned.iter().map(|c| c.author.as_deref()).collect();
        assert_eq!(
            authors,
            [
                Some("Jo Lee"),
                Some("quiet reader"),
                Some("Al - a man on the bus!"),
                None,
                Some("Al - a man on the bus!")
            ]
        );
        // Printed once, a short line with a bang opens no comment.
        let once = &items[4..7];
        assert_eq!(plan(once)[0].author, None);
    }

    #[test]
    fn names_parted_by_furniture_or_over_headings_are_no_run() {
        // Each name under a title and a date: an archive's bylines.
        let archive = "Jo Lee\n\nTolls are a tax.\n\nMay 5, 2010\n\nAl Cole\n\nNobody asked.\n\n\
                       May 6, 2010\n\nCy Dunn\n\nThey never do.\n\nJo Lee\n\nAgain.\n";
        assert!(starts(archive).is_empty());
        // Names over headings rather than prose.
        let headings = "May 4, 2010\n\nJo Lee\n\nTolls up again\n\nAl Cole\n\nBridge closed\n\n\
                        Cy Dunn\n\nFerry late\n";
        assert!(starts(headings).is_empty());
    }
}
