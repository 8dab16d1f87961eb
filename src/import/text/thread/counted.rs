//! Threads whose comments carry no label and are a paragraph each, under a
//! header that counts them ("2 comments:" / "Tolls are a tax." / "Nobody
//! asked." / "Post a Comment"), as pages printed without blank lines show
//! them.

use super::super::furniture::Furniture;
use super::plan::Item;

/// The most comments a header may count for its paragraphs to be read one
/// comment each: a long thread has comments of several paragraphs.
const MOST_COUNTED: u32 = 30;

/// Whether the paragraphs after a comments header at `header` are its
/// comments one each: the header counts them, and exactly that many
/// paragraphs follow it before the reply form, page chrome or the page's
/// end. `furniture_at` says which paragraphs are furniture.
///
/// Accepts "2 comments:" / "Tolls are a tax." / "Nobody asked." / "Post a
/// Comment"; rejects "2 comments:" / "Tolls are a tax." / "I drive." /
/// "Nobody asked." (three paragraphs for two comments) and "2 comments:" /
/// "Bridge closed" / "May 5, 2010" (the next post under its date).
pub fn counted_one_each<'a>(
    header: usize,
    len: usize,
    furniture_at: impl Fn(usize) -> Option<&'a Furniture>,
) -> bool {
    let Some(Furniture::CommentsHeader {
        comments: Some(count @ 1..=MOST_COUNTED),
        form: false,
    }) = furniture_at(header)
    else {
        return false;
    };
    let texts = (header + 1..len)
        .take_while(|&i| furniture_at(i).is_none())
        .count();
    let end = header + 1 + texts;
    let ends_well = end == len
        || matches!(
            furniture_at(end),
            Some(
                Furniture::CommentsHeader { form: true, .. }
                    | Furniture::PageChrome
                    | Furniture::PostEnd { .. }
            )
        );
    ends_well && usize::try_from(*count).is_ok_and(|count| count == texts)
}

/// Whether a thread's items are comments one each under the header that
/// counts them ([`counted_one_each`]).
pub fn items_one_each(items: &[Item<'_>]) -> bool {
    items
        .iter()
        .position(|item| matches!(item.furniture, Some(Furniture::CommentsHeader { .. })))
        .is_some_and(|header| counted_one_each(header, items.len(), |i| items[i].furniture))
}

#[cfg(test)]
mod tests {
    use super::super::super::furniture;
    use super::super::plan::plan;
    use super::*;

    /// Two comments a paragraph each, under a header that counts them.
    const PAGE: [&str; 4] = [
        "2 comments:",
        "Tolls are a tax.",
        "Nobody asked.",
        "Post a Comment",
    ];

    fn known(lines: &[&str]) -> Vec<Option<Furniture>> {
        lines
            .iter()
            .map(|line| furniture::recognise(line))
            .collect()
    }

    #[test]
    fn a_header_that_counts_its_paragraphs_has_a_comment_in_each() {
        let found = known(&PAGE);
        assert!(counted_one_each(0, PAGE.len(), |i| found[i].as_ref()));
        // At the page's end, with no reply form.
        assert!(counted_one_each(0, 3, |i| found[i].as_ref()));
        // Three paragraphs for two comments: one has two.
        let more = [
            "2 comments:",
            "Tolls are a tax.",
            "I drive.",
            "Nobody asked.",
        ];
        let found = known(&more);
        assert!(!counted_one_each(0, more.len(), |i| found[i].as_ref()));
        // The next post under its date.
        let next = [
            "2 comments:",
            "Bridge closed",
            "May 5, 2010",
            "It will reopen.",
        ];
        let found = known(&next);
        assert!(!counted_one_each(0, next.len(), |i| found[i].as_ref()));
    }

    #[test]
    fn a_thread_counted_one_each_plans_a_comment_per_paragraph() {
        let found = known(&PAGE);
        let items: Vec<Item<'_>> = PAGE
            .iter()
            .zip(&found)
            .map(|(text, furniture)| Item {
                text,
                furniture: furniture.as_ref(),
                in_thread: furniture.is_none(),
                ..Item::default()
            })
            .collect();
        let texts: Vec<Vec<usize>> = plan(&items).into_iter().map(|c| c.text).collect();
        assert_eq!(texts, [[1], [2]]);
    }
}
