//! Section headings inside a post: lines the segmenter took for titles
//! that the archive's furniture shows to be inside a post.
//!
//! A long post breaks its text under headings of its own ("Why now?",
//! "What the council said"), which look just like titles. The furniture
//! an archive prints around its titles (a dateline or byline under each,
//! a footer that ends each post) tells them apart: where the titles have
//! it, a heading without any is a section of the post it stands in.

use super::boundaries::{MAX_ABOVE, at};
use super::furniture::Furniture;
use super::paragraphs::Paragraph;
use super::segment::is_prose;

/// Drops from `titles` the section headings of posts whose titles have
/// furniture: a title with no furniture next to it, inside a post whose
/// title has some and whose end has not come yet (no footer, comments
/// header or thread in between), under some of that post's text (prose
/// or a citation): a heading under nothing but short lines (a sidebar's)
/// heads what follows.
/// It applies where some title has furniture of its own (a date over a
/// title may head a day's posts), and then where most titles have their
/// furniture, or where only the first has, on a page of one post. A
/// title `titled_as_others` says the archive titles as it titles its
/// furnished ones (under the same section name) counts as furnished.
/// `follows_title` and `ends_post` say where a line of furniture stands
/// in the archive's posts: the role the archive's repeats taught
/// ([`super::learn`]) overrides the one its kind usually has.
///
/// Accepts "Tolls up again" / "May 4, 2010" / prose / "Why now?" / prose
/// as one post; rejects the same where "Why now?" has a dateline of its
/// own, where a footer ("Posted in Roads | 2 Comments") stands above it,
/// and where no title has furniture (an archive that prints none).
pub fn drop_section_headings(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool,
    is_citation: impl Fn(usize) -> bool,
    titled_as_others: impl Fn(usize) -> bool,
    roles: &Roles<impl Fn(usize) -> bool, impl Fn(usize) -> bool>,
) {
    let own: Vec<bool> = titles
        .iter()
        .map(|&title| has_own_furniture(title, furniture, &in_thread, roles))
        .collect();
    // Archives that group posts by day print the date over the day's
    // first title only: the next title of the day, with nothing of its
    // own, is a post all the same. Where no title has furniture of its
    // own, a bare title may be such a post.
    if !own.contains(&true) {
        if titles
            .iter()
            .all(|&title| !has_date_above(title, furniture))
        {
            drop_headings_under_a_longer_title(all, titles, furniture, &in_thread, roles);
        }
        return;
    }
    let furnished: Vec<bool> = titles
        .iter()
        .zip(&own)
        .map(|(&title, &own)| own || has_date_above(title, furniture) || titled_as_others(title))
        .collect();
    let with = furnished.iter().filter(|&&f| f).count();
    let without = furnished.len() - with;
    let one_post_page = with == 1 && furnished.first() == Some(&true);
    if without == 0 || !(one_post_page || (with >= 2 && with > without)) {
        return;
    }
    let mut kept = Vec::with_capacity(titles.len());
    // The post being read, while it has furniture and has not ended, read
    // as far as the last heading asked about: each paragraph is read once
    // however many headings a long post holds.
    let mut open: Option<OpenPost> = None;
    for (&title, &has_furniture) in titles.iter().zip(&furnished) {
        if has_furniture {
            open = Some(OpenPost {
                read_to: title + 1,
                ended: false,
                has_text: false,
            });
            kept.push(title);
            continue;
        }
        let inside = open.as_mut().is_some_and(|post| {
            while post.read_to < title && !post.ended {
                let i = post.read_to;
                match at(furniture, i) {
                    Some(_) => post.ended |= (roles.ends_post)(i),
                    None => {
                        post.has_text |=
                            !post.has_text && (is_citation(i) || is_prose(&all[i].text));
                    }
                }
                post.ended |= in_thread(i);
                post.read_to += 1;
            }
            !post.ended && post.has_text
        });
        if !inside {
            open = None;
            kept.push(title);
        }
    }
    *titles = kept;
}

/// What [`drop_section_headings`] has read of the post whose title has
/// furniture, from its title on: up to where, whether a footer, comments
/// header or comment ended it, and whether text (prose or a citation)
/// stands in it.
struct OpenPost {
    read_to: usize,
    ended: bool,
    has_text: bool,
}

/// The fewest headings under a longer title that make the page one post.
const MIN_SECTIONS: usize = 2;
/// A section heading is a few words; a title may be a sentence.
const MAX_SECTION_WORDS: usize = 5;

/// On a page that prints no furniture around its titles, drops headings
/// that a first, longer title shows to be its post's sections: two or
/// more, each of at most [`MAX_SECTION_WORDS`] words and at most half as
/// many as the first title, each over prose, with no footer or comment
/// between.
/// An archive's titles are of every length, so its later titles are not
/// all short against its first; where its first "title" is the blog's
/// name, no prose stands under it.
///
/// Accepts "How the Harbour Board Lost Its Nerve Again" / prose / "Why
/// now?" / prose / "What comes next" / prose as one post; rejects the same
/// with "The pier vote, and why the board lost its nerve" for the second
/// heading, and with a dateline over any title (a date may head a day).
fn drop_headings_under_a_longer_title(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
    in_thread: &impl Fn(usize) -> bool,
    roles: &Roles<impl Fn(usize) -> bool, impl Fn(usize) -> bool>,
) {
    let [first, headings @ ..] = titles.as_slice() else {
        return;
    };
    if headings.len() < MIN_SECTIONS {
        return;
    }
    let words = |i: usize| all[i].text.split_whitespace().count();
    let first_words = words(*first);
    let all_short = headings.iter().all(|&heading| {
        let heading_words = words(heading);
        heading_words <= MAX_SECTION_WORDS && 2 * heading_words <= first_words
    });
    // Each section's paragraphs, up to the next heading or, for the last,
    // up to the thread under the post.
    let ends = titles[1..].iter().copied().chain([all.len()]);
    let every_section_prose = titles.iter().zip(ends).all(|(&start, end)| {
        (start + 1..end)
            .take_while(|&i| !in_thread(i))
            .any(|i| is_prose(&all[i].text))
    });
    let last = titles[titles.len() - 1];
    if all_short
        && every_section_prose
        && !post_ends_between(*first, last, furniture, in_thread, roles)
    {
        titles.truncate(1);
    }
}

/// Where the archive's lines of furniture stand in its posts, by index:
/// right after a title, or at a post's end.
pub struct Roles<F, E> {
    pub follows_title: F,
    pub ends_post: E,
}

/// Whether the title at `title` has furniture of its own: a dateline or
/// byline under it, or a post's footer or a thread's end right above it.
fn has_own_furniture(
    title: usize,
    furniture: &[(usize, Furniture)],
    in_thread: &impl Fn(usize) -> bool,
    roles: &Roles<impl Fn(usize) -> bool, impl Fn(usize) -> bool>,
) -> bool {
    let below = (title + 1..title + 1 + MAX_ABOVE)
        .take_while(|&i| at(furniture, i).is_some())
        .any(&roles.follows_title);
    let above = (title.saturating_sub(MAX_ABOVE)..title)
        .rev()
        .take_while(|&i| at(furniture, i).is_some())
        .any(&roles.ends_post);
    below || above || title.checked_sub(1).is_some_and(in_thread)
}

/// Whether a date stands right above the title at `title`, perhaps with
/// more furniture between.
fn has_date_above(title: usize, furniture: &[(usize, Furniture)]) -> bool {
    (title.saturating_sub(MAX_ABOVE)..title)
        .rev()
        .map_while(|i| at(furniture, i))
        .any(|f| matches!(f, Furniture::Date(_)))
}

/// Whether the post whose title is at `start` ends before `title`: a
/// footer, a comments header or a comment stands between the two.
fn post_ends_between(
    start: usize,
    title: usize,
    furniture: &[(usize, Furniture)],
    in_thread: &impl Fn(usize) -> bool,
    roles: &Roles<impl Fn(usize) -> bool, impl Fn(usize) -> bool>,
) -> bool {
    let from = furniture.partition_point(|(i, _)| *i <= start);
    let to = furniture.partition_point(|(i, _)| *i < title);
    furniture[from..to]
        .iter()
        .any(|(i, _)| (roles.ends_post)(*i))
        || (start + 1..title).any(in_thread)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::furniture::recognise;
    use crate::import::text::paragraphs::paragraphs;

    /// The titles kept of an archive sketched a line a paragraph: `T` a
    /// title the segmenter took, `F` a line of furniture (its text after
    /// the letter), `C` a comment, `p` prose, `s` a short line; `T Why
    /// now?` a title with its text.
    fn kept(lines: &[&str]) -> Vec<usize> {
        let mut titles = Vec::new();
        let mut furniture = Vec::new();
        let mut thread = Vec::new();
        let mut text = String::new();
        for (i, line) in lines.iter().enumerate() {
            let paragraph = match *line {
                "p" => "The board met on Tuesday to decide what to do about the pier.",
                "s" => "Recent posts",
                other => other
                    .strip_prefix("F ")
                    .or_else(|| other.strip_prefix("T "))
                    .unwrap_or(other),
            };
            text.push_str(paragraph);
            text.push_str("\n\n");
            thread.push(line.starts_with('C'));
            if line.starts_with('T') {
                titles.push(i);
            }
            if let Some(text) = line.strip_prefix("F ") {
                furniture.push((i, recognise(text).expect("a line of furniture")));
            }
        }
        let all = paragraphs(&text);
        assert_eq!(all.len(), lines.len());
        let role = |i: usize, role: fn(&Furniture) -> bool| at(&furniture, i).is_some_and(role);
        drop_section_headings(
            &all,
            &mut titles,
            &furniture,
            |i| thread[i],
            |_| false,
            |_| false,
            &Roles {
                follows_title: |i| role(i, Furniture::follows_title),
                ends_post: |i| role(i, Furniture::ends_post),
            },
        );
        titles
    }

    #[test]
    fn headings_inside_a_dated_post_are_its_sections() {
        let page = ["T", "F May 4, 2010", "p", "T", "p", "T", "p", "C", "C"];
        assert_eq!(kept(&page), vec![0]);
    }

    #[test]
    fn headings_with_furniture_of_their_own_are_posts() {
        let page = [
            "T",
            "F May 4, 2010",
            "p",
            "T",
            "F May 5, 2010",
            "p",
            "T",
            "F May 6, 2010",
            "p",
        ];
        assert_eq!(kept(&page), vec![0, 3, 6]);
    }

    #[test]
    fn a_heading_after_a_footer_starts_a_post() {
        let page = [
            "T",
            "F May 4, 2010",
            "p",
            "F Posted in Roads | 2 Comments",
            "T",
            "p",
            "T",
            "F May 6, 2010",
            "p",
            "T",
            "F May 7, 2010",
            "p",
        ];
        assert_eq!(kept(&page), vec![0, 4, 6, 9]);
    }

    #[test]
    fn an_archive_that_prints_no_furniture_keeps_its_titles() {
        assert_eq!(kept(&["T", "p", "T", "p", "T", "p"]), vec![0, 2, 4]);
    }

    #[test]
    fn headings_in_the_majority_without_furniture_are_posts() {
        // Two posts of five with a dateline: the scrape lost the others'.
        let page = [
            "T",
            "F May 4, 2010",
            "p",
            "T",
            "p",
            "T",
            "p",
            "T",
            "F May 6, 2010",
            "p",
            "T",
            "p",
        ];
        assert_eq!(kept(&page), vec![0, 3, 5, 7, 10]);
    }

    #[test]
    fn a_heading_under_short_lines_alone_heads_what_follows() {
        // The first title's "post" is the page's sidebar.
        let page = ["T", "F May 4, 2012", "s", "s", "T", "p"];
        assert_eq!(kept(&page), vec![0, 4]);
        let page = ["T", "F May 4, 2012", "s", "p", "T", "p"];
        assert_eq!(kept(&page), vec![0]);
    }

    #[test]
    fn a_days_second_post_under_the_days_date_is_a_post() {
        // The date heads the day's posts, not the first of them alone.
        let page = [
            "F Tuesday, June 30, 2020",
            "T",
            "p",
            "T",
            "p",
            "F Monday, June 29, 2020",
            "T",
            "p",
            "F Sunday, June 28, 2020",
            "T",
            "p",
        ];
        assert_eq!(kept(&page), vec![1, 3, 6, 9]);
    }

    const LONG_TITLE: &str = "T How the board lost its nerve over the old pier";

    #[test]
    fn short_headings_under_a_long_title_are_its_sections() {
        let page = [LONG_TITLE, "p", "T Why now?", "p", "T What comes next", "p"];
        assert_eq!(kept(&page), vec![0]);
        // The thread under the post does not make it two.
        let page = [
            LONG_TITLE,
            "p",
            "T Why now?",
            "p",
            "T What next",
            "p",
            "C",
            "C",
        ];
        assert_eq!(kept(&page), vec![0]);
    }

    #[test]
    fn headings_an_archive_could_title_posts_with_stay_titles() {
        // One later title as long as half the first.
        let page = [
            LONG_TITLE,
            "p",
            "T Why now?",
            "p",
            "T The pier vote and why it failed",
            "p",
        ];
        assert_eq!(kept(&page), vec![0, 2, 4]);
        // One short heading alone.
        assert_eq!(kept(&[LONG_TITLE, "p", "T Why now?", "p"]), vec![0, 2]);
        // A first "title" over no prose: the blog's name over its posts.
        let page = [LONG_TITLE, "s", "T Why now?", "p", "T What next", "p"];
        assert_eq!(kept(&page), vec![0, 2, 4]);
        // A comment between: the first post has ended.
        let page = [LONG_TITLE, "p", "C", "T Why now?", "p", "T What next", "p"];
        assert_eq!(kept(&page), vec![0, 3, 5]);
        // A date over a title: it may head a day's posts.
        let page = [
            "F May 4, 2010",
            LONG_TITLE,
            "p",
            "T Why now?",
            "p",
            "T What next",
            "p",
        ];
        assert_eq!(kept(&page), vec![1, 3, 5]);
    }
}
