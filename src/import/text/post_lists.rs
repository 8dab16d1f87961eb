//! Lists of the blog's posts a page prints around a post ("Popular posts",
//! "Related posts"): a heading over the titles of other posts, perhaps each
//! over its date. They are the page's, not posts of their own, and not the
//! text of the post above them.

use std::sync::LazyLock;

use regex::Regex;

use super::furniture::Furniture;
use super::paragraphs::Paragraph;
use super::segment;

/// A heading that names a list of the blog's own posts: a kind of
/// furniture in general, whatever the blog.
static POST_LIST_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:most\s+)?(?:popular|recent|related|latest|similar|top|other|more|featured|trending|previous)\s+(?:posts?|entries|articles|stories)(?:\s+(?:from|on|in)\s+this\s+(?:blog|site|category))?|most\s+(?:read|viewed|commented|popular|shared)(?:\s+(?:posts|entries|articles|stories))?|you\s+(?:may|might)\s+also\s+(?:like|enjoy))\s*:?$",
    )
    .expect("the post-list heading pattern is valid")
});

/// The longest line read as a heading of a list of posts.
const HEADING_MAX: usize = 48;

/// The longest line read as a listed post's title.
const LISTED_TITLE_MAX: usize = 110;

/// The fewest titles a list of posts holds.
const LISTED_MIN: usize = 2;

/// The most lines read under one heading.
const LIST_READ_MAX: usize = 40;

/// Whether a line names a list of the blog's posts.
///
/// Accepts "Popular posts from this blog", "Related Posts:", "You might
/// also like"; rejects "Recent posts on the gravel levy" (a title about
/// something) and "Popular".
pub fn is_post_list_heading(line: &str) -> bool {
    line.len() <= HEADING_MAX && POST_LIST_HEADING.is_match(line)
}

/// A line that could be a listed post's title: one short line that does
/// not end as a sentence or a clause does, whatever its first letter's
/// case (a blog's own titles are often in lower case).
///
/// Accepts "a quiet week", "Ferry fares: the case for a freeze"; rejects
/// "The county voted again." and a line of two hundred characters.
fn could_be_listed_title(p: &Paragraph) -> bool {
    let text = &*p.text;
    text.len() <= LISTED_TITLE_MAX
        && !text.contains('\n')
        && !text.ends_with(['.', ',', ';', ':', '…'])
        && !segment::never_heads(text)
}

/// The lists of posts in an archive, as page chrome by index: the heading
/// of each ([`is_post_list_heading`]) and the lines under it that are
/// titles of other posts ([`could_be_listed_title`]) or their dates, at
/// least [`LISTED_MIN`] titles, with no prose among them. The list ends at
/// any other line; where that line is prose, the title over it heads a
/// post and is not the list's.
///
/// `known` gives the furniture found line by line: a date under a listed
/// title is the list's, any other furniture ends it. Only lists after the
/// page's first prose are read: one above it is the sidebar of the page's
/// header.
///
/// Accepts "Popular Posts" / "A quiet week" / "May 2, 2010" / "Ferry fares
/// frozen" / "April 28, 2010" at a page's end; rejects "Related posts" over
/// one title and prose (a post so titled), and a heading over a line of
/// prose.
pub fn post_lists<'a>(
    all: &[Paragraph],
    headings: &[usize],
    known: impl Fn(usize) -> Option<&'a Furniture>,
) -> Vec<(usize, Furniture)> {
    let mut lists = Vec::new();
    // A list over the page's first text is its sidebar, under the blog's
    // name: the page's header, which [`super::page_header`] reads whole.
    let Some(first_prose) = all
        .iter()
        .position(|p| !p.is_list_item() && segment::is_prose(&p.text))
    else {
        return lists;
    };
    let mut after_last = first_prose;
    for &heading in headings {
        if heading < after_last || known(heading).is_some() || all[heading].is_list_item() {
            continue;
        }
        let mut lines = Vec::new();
        let mut titles = Vec::new();
        let mut ends_at_prose = false;
        let under = all.iter().enumerate().skip(heading + 1).take(LIST_READ_MAX);
        for (i, line) in under {
            match known(i) {
                Some(Furniture::Date(_)) if !titles.is_empty() => lines.push(i),
                Some(_) => break,
                None if could_be_listed_title(line) => {
                    lines.push(i);
                    titles.push(i);
                }
                None => {
                    ends_at_prose = segment::is_prose(&line.text);
                    break;
                }
            }
        }
        // The last title over prose heads the next post, with its date.
        if ends_at_prose && let Some(next_title) = titles.pop() {
            lines.retain(|&i| i < next_title);
        }
        if titles.len() < LISTED_MIN {
            continue;
        }
        after_last = lines.last().map_or(heading, |&last| last + 1);
        lists.push((heading, Furniture::PageChrome));
        lists.extend(lines.into_iter().map(|i| (i, Furniture::PageChrome)));
    }
    lists
}

#[cfg(test)]
mod tests {
    use super::super::furniture;
    use super::super::paragraphs::paragraphs;
    use super::*;

    /// A post's opening, for the lists to stand after.
    const POST: &str = "Quarry roads\n\nThe county voted on the levy again, and the quarry roads got most of it.\n\n";

    /// The lines [`post_lists`] finds in `text`, as text.
    fn listed(text: &str) -> Vec<String> {
        let all = paragraphs(text);
        let known: Vec<Option<Furniture>> =
            all.iter().map(|p| furniture::recognise(&p.text)).collect();
        let headings: Vec<usize> = (0..all.len())
            .filter(|&i| is_post_list_heading(&all[i].text))
            .collect();
        post_lists(&all, &headings, |i| known[i].as_ref())
            .into_iter()
            .map(|(i, _)| all[i].text.to_string())
            .collect()
    }

    #[test]
    fn headings_name_lists_of_posts() {
        assert!(is_post_list_heading("Popular posts from this blog"));
        assert!(is_post_list_heading("Related Posts:"));
        assert!(is_post_list_heading("You might also like"));
        assert!(is_post_list_heading("Most commented"));
        assert!(!is_post_list_heading("Recent posts on the gravel levy"));
        assert!(!is_post_list_heading("Popular"));
        assert!(!is_post_list_heading(
            "The most popular posts were about ferries."
        ));
    }

    #[test]
    fn a_heading_over_titles_and_dates_is_a_list() {
        let page = "Popular Posts\n\nA quiet week on the marsh\n\nMay 2, 2010\n\n\
                    ferry fares: the case for a freeze\n\nApril 28, 2010\n";
        assert_eq!(
            listed(&format!("{POST}{page}")),
            [
                "Popular Posts",
                "A quiet week on the marsh",
                "May 2, 2010",
                "ferry fares: the case for a freeze",
                "April 28, 2010"
            ]
        );
    }

    #[test]
    fn a_list_ends_at_the_next_posts_title() {
        let page = "Related posts\n\nA quiet week\n\nFerry fares frozen\n\nDrainage bills\n\n\
                    The drainage board sent its bills out late again this spring, and larger.\n";
        assert_eq!(
            listed(&format!("{POST}{page}")),
            ["Related posts", "A quiet week", "Ferry fares frozen"]
        );
    }

    #[test]
    fn a_post_titled_as_a_heading_is_no_list() {
        // One title over prose: a post of that name.
        let page = "Recent posts\n\nDrainage bills\n\n\
                    The drainage board sent its bills out late again this spring, and larger.\n";
        assert!(listed(&format!("{POST}{page}")).is_empty());
        // A sentence among the lines: a post's text.
        let prose = "Related posts\n\nA quiet week\n\nI wrote about the marsh twice this month.\n\n\
                     Ferry fares frozen\n";
        assert!(listed(&format!("{POST}{prose}")).is_empty());
        // Over the page's first text: the sidebar under the blog's name.
        let sidebar = "Fen Notes\n\nRecent Posts\n\n  • A quiet week\n\n  • Ferry fares frozen\n\n\
                       Drainage bills\n\n\
                       The drainage board sent its bills out late again this spring, and larger.\n";
        assert!(listed(sidebar).is_empty());
    }
}
