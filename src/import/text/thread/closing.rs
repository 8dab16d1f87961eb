//! Lines a thread prints under every comment ("Reply", "Vote up"), learned
//! from what the page repeats rather than listed: the line that comes back
//! after each comment's text is the one that closes it.

use rustc_hash::FxHashMap as HashMap;

use super::ends_as_prose;

/// How far apart two closing lines of a run may be: a comment of up to ten
/// paragraphs and the closing lines around it.
const CLOSING_REACH: usize = 12;

/// The fewest closing lines a run needs: a post can print a short line
/// twice between its paragraphs.
const FEWEST_CLOSINGS: usize = 3;

/// A short line that is no sentence: what a closing line can be.
fn could_close(text: &str) -> bool {
    text.len() <= 40 && !ends_as_prose(text) && text.chars().any(char::is_alphabetic)
}

/// Where the closing lines of a sequence of paragraphs stand, in order
/// (`text` and `furniture` say what paragraph `i` holds and whether it is
/// the page's furniture).
///
/// A closing line is a short line that is no sentence, printed word for
/// word three times or more, each time right after a comment's text
/// (prose, perhaps with other short lines the page prints twice or more
/// between), with only prose and such lines between one and the next, a
/// few paragraphs apart. A title
/// between two of them (an archive's teasers, each with its "Read more")
/// or furniture (a date, a header) parts them.
///
/// Accepts "Tolls are a tax." / "Reply" / "Nobody asked." / "Reply" /
/// "They never do." / "Reply"; rejects "Tolls up again" / "The council
/// voted." / "Read more" / "Bridge closed" / "It reopens in June." / "Read
/// more" / "Ferry late" / "Again." / "Read more".
pub(super) fn closing_lines<'t>(
    len: usize,
    text: impl Fn(usize) -> &'t str,
    furniture: impl Fn(usize) -> bool,
) -> Vec<usize> {
    // Most paragraphs are prose: the length test comes before any hashing.
    let candidate = |i: usize| could_close(text(i)) && !furniture(i);
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for i in (0..len).filter(|&i| candidate(i)) {
        *counts.entry(text(i)).or_default() += 1;
    }
    // Lines printed twice may stand between the closing lines ("Like"
    // under the comments that have likes); a title is printed once.
    counts.retain(|_, count| *count >= 2);
    if counts.is_empty() {
        return Vec::new();
    }
    let recurs = |i: usize| candidate(i) && counts.contains_key(text(i));
    let prose = |i: usize| !furniture(i) && ends_as_prose(text(i));
    let mut places: HashMap<&str, Vec<usize>> = HashMap::default();
    for i in (0..len).filter(|&i| recurs(i)) {
        places.entry(text(i)).or_default().push(i);
    }
    places.retain(|_, at| at.len() >= FEWEST_CLOSINGS);
    let mut closings = Vec::new();
    for (_, at) in places {
        let mut run: Vec<usize> = Vec::new();
        for &p in &at {
            let after_text = (0..p).rev().find(|&k| !recurs(k)).is_some_and(prose);
            let joins = run.last().is_some_and(|&last| {
                p - last <= CLOSING_REACH
                    && (last + 1..p).all(|k| prose(k) || recurs(k))
                    && (last + 1..p).any(prose)
            });
            if !joins {
                if run.len() >= FEWEST_CLOSINGS {
                    closings.append(&mut run);
                }
                run.clear();
            }
            if after_text {
                run.push(p);
            }
        }
        if run.len() >= FEWEST_CLOSINGS {
            closings.append(&mut run);
        }
    }
    closings.sort_unstable();
    closings
}

/// How many paragraphs from a comment's first are read to learn the
/// thread's closing lines: enough for a few comments of a few paragraphs.
const LEARNING_REACH: usize = 64;

/// Whether paragraph `i` is the first of a comment that a closing line
/// closes: prose up to a short line within reach that the paragraphs from
/// `i` on print after every comment ([`closing_lines`], learned there).
///
/// Accepts "Tolls are a tax." in "Tolls are a tax." / "Vote up" / "Nobody
/// asked." / "Vote up" / "Never." / "Vote up"; rejects "Vote up" itself,
/// and prose followed by a title ("Bridge closed").
pub(super) fn closed_ahead<'t>(
    len: usize,
    i: usize,
    text: impl Fn(usize) -> &'t str,
    furniture: impl Fn(usize) -> bool,
) -> bool {
    // Most paragraphs after a header are a label or a form: the walk to the
    // first short line stops at once, and nothing is learned.
    let prose = |k: usize| !furniture(k) && ends_as_prose(text(k));
    let Some(line) = (i..len.min(i + CLOSING_REACH)).find(|&k| !prose(k)) else {
        return false;
    };
    if line == i || furniture(line) || !could_close(text(line)) {
        return false;
    }
    let end = len.min(i + LEARNING_REACH);
    closing_lines(end - i, |k| text(i + k), |k| furniture(i + k)).first() == Some(&(line - i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closings(texts: &[&str]) -> Vec<usize> {
        closing_lines(texts.len(), |i| texts[i], |_| false)
    }

    #[test]
    fn a_line_back_after_every_comment_closes_them() {
        let thread = [
            "Tolls are a tax.",
            "Reply",
            "Nobody asked.",
            "Like",
            "Reply",
            "They never do.",
            "And never will.",
            "Like",
            "Reply",
        ];
        // "Like" is printed twice only: too few to learn.
        assert_eq!(closings(&thread), [1, 4, 8]);
        // Twice is too few.
        assert!(closings(&thread[..5]).is_empty());
    }

    #[test]
    fn a_title_or_furniture_between_parts_the_lines() {
        let teasers = [
            "Tolls up again",
            "The council voted.",
            "Read more",
            "Bridge closed",
            "It reopens in June.",
            "Read more",
            "Ferry late",
            "Again.",
            "Read more",
        ];
        assert!(closings(&teasers).is_empty());
        let dated = [
            "Tolls are a tax.",
            "Reply",
            "May 4, 2010",
            "Nobody asked.",
            "Reply",
            "They never do.",
            "Reply",
        ];
        let furniture = |i: usize| i == 2;
        assert!(closing_lines(dated.len(), |i| dated[i], furniture).is_empty());
        // A line right after a heading closes nothing.
        let headed = [
            "Tolls up again",
            "Reply",
            "Nobody asked.",
            "Reply",
            "Again.",
            "Reply",
        ];
        assert!(closings(&headed).is_empty());
    }

    #[test]
    fn a_comment_is_what_stands_before_a_closing_line() {
        let texts = [
            "3 Comments",
            "Tolls are a tax.",
            "Vote up",
            "Nobody asked.",
            "Vote up",
            "They never do.",
            "Vote up",
        ];
        assert_eq!(closings(&texts), [2, 4, 6]);
        let furniture = |i: usize| i == 0;
        let ahead = |i: usize| closed_ahead(texts.len(), i, |k| texts[k], furniture);
        assert!(ahead(1));
        assert!(!ahead(0));
        assert!(!ahead(2));
        // Prose before a title is a post's.
        let titled = [
            "Tolls are a tax.",
            "Bridge closed",
            "It reopens.",
            "Bridge closed",
        ];
        assert!(!closed_ahead(titled.len(), 0, |k| titled[k], |_| false));
    }
}
