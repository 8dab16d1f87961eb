//! Captions that name their post: a picture's alternative text, kept by
//! the scrape right over the title it illustrates ("Featured image for
//! “Tolls up again”" over "Tolls up again"), and the labels in lower case
//! a listing prints over its titles ([`picture_labels`]).
//!
//! Such a line reads as a title itself, and where the page lost the title
//! line it is the only place the title is left. It is known by what it
//! quotes: the whole of the line under it. Once the archive has shown its
//! caption's words twice, a caption in the same words with no title under
//! it names the post it stands over.

use rayon::prelude::*;

use super::boundaries::{self, names_the_same};
use super::furniture::{Furniture, Span};
use super::paragraphs::Paragraph;
use super::segment;

/// Longer lines are text: a caption is a few words and a title.
const MAX_CAPTION: usize = 200;
/// The words before the quoted title, at most.
const MAX_LEAD: usize = 60;

/// The archive's captions that name a post, by index, in order: each line
/// that quotes the whole of the line under it, and each line that opens
/// with the same words as two of those and quotes a title. `known(i)` says
/// which lines are furniture already: those are no captions.
///
/// Accepts "Featured image for “Tolls up again”" over "Tolls up again";
/// rejects "She called it “a disgrace”" over a paragraph of prose, and
/// "Photo: “Rain”" over "Snow".
pub fn naming_captions(
    all: &[Paragraph],
    known: impl Fn(usize) -> bool + Sync,
) -> Vec<(usize, Furniture)> {
    let quoting: Vec<(usize, Quoting)> = all
        .par_iter()
        .enumerate()
        .filter(|&(i, _)| !known(i))
        .filter_map(|(i, p)| quoting(&p.text).map(|q| (i, q)))
        .collect();
    if quoting.is_empty() {
        return Vec::new();
    }
    let names_line_under = |i: usize, q: &Quoting| {
        let Some(under) = all.get(i + 1).filter(|_| !known(i + 1)) else {
            return false;
        };
        let named = q.quoted.text(&all[i].text);
        under.text.len() <= MAX_CAPTION
            && names_the_same(&under.text, named)
            && names_the_same(named, &under.text)
    };
    let named: Vec<bool> = quoting
        .iter()
        .map(|(i, q)| names_line_under(*i, q))
        .collect();
    // The lead words of the captions confirmed by their titles, and how
    // often each recurs.
    let mut leads: Vec<&str> = quoting
        .iter()
        .zip(&named)
        .filter(|(_, named)| **named)
        .map(|((i, q), _)| q.lead(&all[*i].text))
        .collect();
    leads.sort_unstable();
    let recurring: Vec<&str> = leads
        .chunk_by(|a, b| a == b)
        .filter(|same| same.len() >= 2)
        .map(|same| same[0])
        .collect();
    quoting
        .into_iter()
        .zip(named)
        .filter(|((i, q), named)| *named || recurring.binary_search(&q.lead(&all[*i].text)).is_ok())
        .map(|((i, q), _)| (i, Furniture::Caption { named: q.quoted }))
        .collect()
}

/// The fewest labels over titles that make them the archive's way.
const MIN_LABELS: usize = 3;
/// A label is a few words: a picture's description, a category's name.
const MAX_LABEL_WORDS: usize = 8;

/// The archive's lines in lower case over its titles, by index, in order:
/// a picture's description or a category's name that a listing prints
/// over each title ("harbour ferry at dusk" over "Ferries Late Again" over
/// its teaser). Read alone, such a line takes the place of the title or
/// ends the teaser above it. Only where the archive prints
/// [`MIN_LABELS`] or more, so that a blog whose titles are in lower case
/// keeps a title over a subtitle where it has one.
///
/// Accepts "tolls bridge" / "Tolls Up Again" / prose, three times in an
/// archive; rejects the same twice, "tolls up." (a sentence), and a lower
/// case line over prose.
pub fn picture_labels(
    all: &[Paragraph],
    known: impl Fn(usize) -> bool + Sync,
) -> Vec<(usize, Furniture)> {
    let plain = |i: usize| i < all.len() && !known(i) && !all[i].is_list_item();
    let labels: Vec<(usize, Furniture)> = (0..all.len().saturating_sub(2))
        .into_par_iter()
        .filter(|&i| {
            plain(i)
                && is_label(&all[i].text)
                && plain(i + 1)
                && boundaries::is_title_shaped(&all[i + 1])
                && all[i + 1].text.chars().any(char::is_uppercase)
                && plain(i + 2)
                && segment::is_prose(&all[i + 2].text)
        })
        .map(|i| (i, Furniture::PageChrome))
        .collect();
    if labels.len() < MIN_LABELS {
        return Vec::new();
    }
    labels
}

/// A few words in lower case with no sentence's end: "harbour ferry at
/// dusk", "politics".
fn is_label(text: &str) -> bool {
    text.len() <= MAX_CAPTION / 2
        && text.split_whitespace().count() <= MAX_LABEL_WORDS
        && text.chars().any(char::is_alphabetic)
        && !text.chars().any(char::is_uppercase)
        && !text.ends_with(['.', '!', '?', ':', ';', ',', '…', '"', '”'])
}

/// A line of a few words and then a quotation that ends it: where the
/// quotation's text is.
struct Quoting {
    /// Bytes of the words before the opening mark.
    lead_len: usize,
    quoted: Span,
}

impl Quoting {
    fn lead<'a>(&self, line: &'a str) -> &'a str {
        line[..self.lead_len].trim_end()
    }
}

/// Whether `line` is a few words and a quotation that ends it, which is
/// not a sentence's end ("…, she said “no”.").
fn quoting(line: &str) -> Option<Quoting> {
    if line.len() > MAX_CAPTION {
        return None;
    }
    let inner_end = line
        .strip_suffix('”')
        .or_else(|| line.strip_suffix('"'))?
        .len();
    let open = line[..inner_end].find(['“', '"'])?;
    let lead = line[..open].trim_end();
    let inner_start = open + line[open..].chars().next().map_or(1, char::len_utf8);
    let quoted = line.get(inner_start..inner_end)?;
    let reads_as_lead = !lead.is_empty()
        && lead.len() <= MAX_LEAD
        && !lead.ends_with([',', ';', '.', '!', '?'])
        && !segment::is_prose(lead);
    (reads_as_lead && quoted.trim().chars().any(char::is_alphanumeric)).then(|| Quoting {
        lead_len: open,
        quoted: Span::trimmed(line, inner_start..inner_end),
    })
}

/// The titles that captions name ([`naming_captions`]): the line under a
/// caption that quotes it is the title, and a caption over prose, which
/// names no line, opens a post whose title it names.
///
/// Accepts "Featured image for “Ferries”" / "Ferries" / prose, making
/// "Ferries" a title, and "Featured image for “Tolls”" / prose, opening a
/// post at the caption; rejects a caption over a list. A heading over the
/// first caption with nothing of its own is the page's.
pub fn titles_named_by_captions(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool,
) {
    let is_furniture = |i: usize| boundaries::at(furniture, i).is_some();
    let mut found = Vec::new();
    for (at, f) in furniture {
        let Furniture::Caption { named } = f else {
            continue;
        };
        let under = at + 1;
        let Some(line) = all
            .get(under)
            .filter(|_| !is_furniture(under) && !in_thread(under))
        else {
            continue;
        };
        let named = named.text(&all[*at].text);
        if names_the_same(&line.text, named) && names_the_same(named, &line.text) {
            found.push(under);
        } else if !line.is_list_item() && segment::is_prose(&line.text) {
            found.push(*at);
        }
    }
    if found.is_empty() {
        return;
    }
    // A line taken for the first title with nothing but furniture between
    // it and the first post a caption opens is the page's heading ("Recent
    // Commentaries"), not a post of its own.
    let first_found = found[0];
    let caption_over = if is_furniture(first_found) {
        first_found
    } else {
        first_found - 1
    };
    if let Some(&first) = titles.first()
        && first < caption_over
        && (0..first).all(is_furniture)
        && (first + 1..caption_over).all(is_furniture)
    {
        titles.remove(0);
    }
    titles.extend(found);
    titles.sort_unstable();
    titles.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::paragraphs::paragraphs;

    fn captions_in(text: &str) -> Vec<(usize, String)> {
        let all = paragraphs(text);
        naming_captions(&all, |_| false)
            .into_iter()
            .map(|(at, f)| match f {
                Furniture::Caption { named } => (at, named.text(&all[at].text).to_string()),
                other => panic!("not a caption: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_line_that_quotes_the_line_under_it_is_its_caption() {
        assert_eq!(
            captions_in("Image for “Tolls up again”\n\nTolls up again\n\nThe council voted."),
            vec![(0, "Tolls up again".to_string())]
        );
        // The title's own quotation marks are inside the caption's.
        assert_eq!(
            captions_in("Image for ““Who pays?””\n\n“Who pays?”\n\nThe council voted."),
            vec![(0, "“Who pays?”".to_string())]
        );
    }

    #[test]
    fn a_quotation_that_names_nothing_under_it_is_no_caption() {
        assert!(captions_in("Photo: “Rain”\n\nSnow\n\nThe council voted.").is_empty());
        assert!(
            captions_in(
                "She called it “a disgrace”\n\nThe council voted to raise the tolls again."
            )
            .is_empty()
        );
        // A sentence that quotes, then the quotation repeated as a line.
        assert!(captions_in("The mayor said, “Tolls up”\n\nTolls up").is_empty());
    }

    fn labels_in(text: &str) -> Vec<usize> {
        let all = paragraphs(text);
        picture_labels(&all, |_| false)
            .into_iter()
            .map(|(at, _)| at)
            .collect()
    }

    const TEASER: &str =
        "The council voted on Tuesday night to raise the toll again, the third rise in two years.";

    #[test]
    fn lines_in_lower_case_over_three_titles_are_labels() {
        let card = |label: &str, title: &str| format!("{label}\n\n{title}\n\n{TEASER}\n\n");
        let three = [
            card("tolls bridge", "Tolls Up Again"),
            card("ferry at dusk", "Ferries Late"),
            card("wharf", "Wharf Plans Shown"),
        ]
        .concat();
        assert_eq!(labels_in(&three), vec![0, 3, 6]);
        // Twice is not yet the archive's way.
        let two = [
            card("tolls bridge", "Tolls Up Again"),
            card("wharf", "Wharf Plans"),
        ]
        .concat();
        assert!(labels_in(&two).is_empty());
        // A sentence, or a line over prose rather than a title, is no label.
        let sentences = [
            card("tolls up.", "Tolls Up Again"),
            card("ferries late.", "Ferries Late"),
            card("wharf plans.", "Wharf Plans Shown"),
        ]
        .concat();
        assert!(labels_in(&sentences).is_empty());
        let over_prose = format!("tolls\n\n{TEASER}\n\n").repeat(3);
        assert!(labels_in(&over_prose).is_empty());
    }

    #[test]
    fn a_caption_in_words_the_archive_repeats_names_a_post_whose_title_is_lost() {
        let text = "Image for “Tolls up”\n\nTolls up\n\nThe council voted.\n\n\
                    Image for “Ferries late”\n\nFerries late\n\nThe operator blamed fuel.\n\n\
                    Image for “Wharf costs”\n\nThe wharf will cost twice what was said.";
        let found: Vec<usize> = captions_in(text).into_iter().map(|(at, _)| at).collect();
        assert_eq!(found, vec![0, 3, 6]);
        // Once only, the same words name nothing.
        let once = "Image for “Tolls up”\n\nTolls up\n\nThe council voted.\n\n\
                    Image for “Wharf costs”\n\nThe wharf will cost twice what was said.";
        let found: Vec<usize> = captions_in(once).into_iter().map(|(at, _)| at).collect();
        assert_eq!(found, vec![0]);
    }
}
