//! A post page that shows its comments and not its post: the links to the
//! previous and next posts, the post's date, and then the comments.

use super::super::furniture::{Furniture, is_post_navigation};
use super::super::paragraphs::Paragraph;
use super::ends_as_prose;
use super::plan::name_in_label;

/// How far into a page its navigation line is looked for.
const NAVIGATION_REACH: usize = 3;

/// Where the comments start on a page that opens on the links to the
/// previous and next posts, then furniture (the post's date, a line about
/// the comment feed), and then no title: a paragraph of prose, or a name
/// alone on its line over prose. A post page prints its title under its
/// date; where the page kept none, the post's own text went with it, and
/// what is left under the date is the comment area.
///
/// Accepts "« Tolls up | Main | Rates »" / "May 4, 2010" / "Jo Lee" / "Tolls
/// are a tax." and the same with "Tolls are a tax." straight under the
/// date; rejects the same with a title under the date ("Bridge closed",
/// then its text), and a page with no navigation line.
pub(super) fn comments_under_navigation<'a>(
    all: &[Paragraph],
    furniture_at: &impl Fn(usize) -> Option<&'a Furniture>,
) -> Option<usize> {
    let navigation = all
        .iter()
        .take(NAVIGATION_REACH)
        .position(|p| is_post_navigation(&p.text))?;
    let mut dated = false;
    let first = (navigation + 1..all.len()).find(|&i| match furniture_at(i) {
        Some(Furniture::Date(_)) => {
            dated = true;
            false
        }
        Some(_) => false,
        None => true,
    })?;
    let text = &*all[first].text;
    let prose =
        |i: usize| furniture_at(i).is_none() && all.get(i).is_some_and(|p| ends_as_prose(&p.text));
    let untitled = prose(first) || (name_in_label(text).is_some() && prose(first + 1));
    (dated && untitled).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::super::paragraphs_and_furniture;
    use super::*;

    fn start(page: &str) -> Option<usize> {
        let (all, known) = paragraphs_and_furniture(page);
        comments_under_navigation(&all, &|i| known.get(i).and_then(Option::as_ref))
    }

    #[test]
    fn comments_straight_under_the_date_start_where_the_title_would() {
        let named = "« Tolls up | Main | Rates rise »\n\nMay 4, 2010\n\nJo Lee\n\nTolls are a tax.\n\n\
                     The comments to this entry are closed.\n";
        assert_eq!(start(named), Some(2));
        let nameless = "« Tolls up | Main | Rates rise »\n\nMay 4, 2010\n\n\
                        Tolls are a tax, and nobody asked the drivers.\n";
        assert_eq!(start(nameless), Some(2));
        // A title under the date: the post is on the page.
        let titled = "« Tolls up | Main | Rates rise »\n\nMay 4, 2010\n\nBridge closed\n\n\
                      It will reopen in June.\n";
        assert_eq!(start(titled), None);
        // No navigation, or no date: nothing says what the text is.
        assert_eq!(
            start(&named.replace("« Tolls up | Main | Rates rise »\n\n", "")),
            None
        );
        assert_eq!(start(&named.replace("May 4, 2010\n\n", "")), None);
    }
}
