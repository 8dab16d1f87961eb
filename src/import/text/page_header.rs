//! The page's own lines over its first post (the blog's name, its
//! sidebar) that the segmenter took for a post's title.

use super::boundaries::{at, heads_something, is_time_footer, is_time_under_date, is_title_shaped};
use super::furniture::{Furniture, is_weekday};
use super::paragraphs::Paragraph;
use super::segment;

/// Whether every paragraph over `first` is furniture: the title opens the
/// page's text.
fn only_furniture_over(first: usize, furniture: &[(usize, Furniture)]) -> bool {
    (0..first).all(|i| at(furniture, i).is_some())
}

/// The longest line read as a blog's name over its first date.
const PAGE_NAME_MAX: usize = 80;

/// A page that opens on the blog's name, then a date header, then a title
/// with the post's text under it: Blogger prints its date over the title,
/// and the line over the date is the page's header, not a post's title.
/// Where the segmenter took that line for the first title, the title-shaped
/// line under the date is the first post's.
///
/// The archive decides which way its dates stand: the rule holds where no
/// title has a date right under it, and either a date stands right above
/// another title or the page holds one post. An archive whose dates stand
/// under their titles keeps the line over the date as its first title (a
/// short line under that date is then the post's opening).
///
/// A page of one post, or of one day's posts, has only its one date to go
/// by, and a title over its dateline over a standfirst is as common a
/// shape: there the date must be a date header, which names its weekday
/// ("Friday, June 29, 2007"), where a dateline under a title often does
/// not; the day's later posts each stand under the footer of the one
/// before, which gives a time and no date ("Posted by Jo at 5:24 PM"). A
/// line that cites a source ("Outlet: headline") is never taken for the
/// title: it opens the post.
///
/// A time of day alone under the date is part of the dateline, as journals
/// print it ("March 4th, 2009" / "05:12 pm").
///
/// Accepts "Quillon Notes" / "Friday, June 29, 2007" / "Gravel levy goes
/// up" / prose, making "Gravel levy goes up" the title, and "tarn_notes" /
/// "March 4th, 2009" / "05:12 pm" / "Gravel levy goes up" / prose where
/// other titles stand under such a dateline too; rejects the same
/// with "Nobody saw it coming." under the date (a sentence opens the
/// post), with "June 29, 2007" as the one post's date, with a citation
/// under the date, and with another title of the archive over its own date.
pub fn title_under_page_name_and_date(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
    in_thread: impl Fn(usize) -> bool,
    is_citation: impl Fn(usize) -> bool,
) {
    let Some(&first) = titles.first() else {
        return;
    };
    let is_date = |i: usize| matches!(at(furniture, i), Some(Furniture::Date(_)));
    // A time of day alone under the date is part of the dateline.
    let is_dateline_end = |i: usize| is_date(i) || is_time_under_date(all, furniture, i);
    let dated = first + 1;
    let title = first + 2 + usize::from(is_time_under_date(all, furniture, first + 2));
    let Some(under) = (title + 1..all.len()).find(|&i| at(furniture, i).is_none()) else {
        return;
    };
    let name = &all[first];
    let shaped = only_furniture_over(first, furniture)
        && name.text.len() <= PAGE_NAME_MAX
        && !name.is_list_item()
        && !name.text.ends_with(['.', ',', ';', ':'])
        && is_date(dated)
        && title < all.len()
        && at(furniture, title).is_none()
        && !in_thread(title)
        && !in_thread(under)
        && !is_citation(title)
        && is_title_shaped(&all[title])
        && !all[under].is_list_item()
        && segment::is_prose(&all[under].text);
    if !shaped {
        return;
    }
    let later = &titles[1..];
    let date_over_a_title = later.iter().any(|&t| is_dateline_end(t - 1));
    let date_under_a_title = later.iter().any(|&t| is_date(t + 1));
    // Blogger prints a day's heading over the day's first post only: the
    // later posts of the day stand under the footer of the one before,
    // which gives the time and no date.
    let date_header_of_the_day = names_its_weekday(&all[dated].text)
        && later.iter().all(|&t| is_time_footer(all, furniture, t - 1));
    if date_under_a_title || !(date_header_of_the_day || date_over_a_title) {
        return;
    }
    // The segmenter may have found the title under the date too: the line
    // over the date then opened a post of its own, which holds no text.
    if later.first() == Some(&title) {
        titles.remove(0);
    } else {
        titles[0] = title;
    }
}

/// Whether a date line opens on its weekday ("Friday, June 29, 2007").
fn names_its_weekday(date: &str) -> bool {
    date.split(|c: char| !c.is_alphabetic())
        .find(|word| !word.is_empty())
        .is_some_and(is_weekday)
}

/// The most paragraphs read under a page's first line for prose.
const HEADER_READ_MAX: usize = 200;

/// The fewest paragraphs a page's header holds under its first line to be
/// told from a short post.
const HEADER_MIN: usize = 3;

/// The fewest headings of its own a sidebar's sections have.
const SIDEBAR_HEADINGS_MIN: usize = 2;

/// A page that opens on the blog's name and its sidebar (links to pages,
/// recent posts, archives, categories) before its first post: the
/// segmenter took the name for a title, and the sidebar for that post's
/// text. Where the first title is the page's first line, no date or byline
/// stands over or under it, and three paragraphs or more follow it with no
/// prose among them before a title that has prose under it, that first
/// title is the page's header, not a post. A sidebar is parted into
/// sections by headings of their own ("Recent Posts", "Archives"): a
/// title over nothing but a list is a post of links, whose text would be
/// lost with it.
///
/// Accepts "Fen Notes" / "About" / "Recent Posts" / "  • Gravel levy up" /
/// "Archives" / "  • May 2012" / "Gravel levy up" / prose; rejects the
/// same with a date under "Fen Notes" (a post of links), with a sentence
/// among the links, and "Weekend reading" over three links alone.
pub fn header_taken_for_first_post(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
) {
    let (Some(&first), Some(&next)) = (titles.first(), titles.get(1)) else {
        return;
    };
    let dated = |i: usize| {
        matches!(
            at(furniture, i),
            Some(Furniture::Date(_) | Furniture::Byline(_))
        )
    };
    let opens_page = only_furniture_over(first, furniture);
    if !opens_page || dated(first + 1) || first.checked_sub(1).is_some_and(dated) {
        return;
    }
    let text = |from: usize, to: usize| {
        (from..to.min(from + HEADER_READ_MAX)).filter(|&i| at(furniture, i).is_none())
    };
    let is_prose = |i: usize| !all[i].is_list_item() && segment::is_prose(&all[i].text);
    let headings = text(first + 1, next)
        .filter(|&i| !all[i].is_list_item())
        .count();
    let sidebar = next - first <= HEADER_READ_MAX
        && text(first + 1, next).count() >= HEADER_MIN
        && headings >= SIDEBAR_HEADINGS_MIN
        && !text(first + 1, next).any(is_prose);
    let after = titles.get(2).copied().unwrap_or(all.len());
    if sidebar && text(next + 1, after).any(is_prose) {
        titles.remove(0);
    }
}

/// The most paragraphs between a page's headline and the same headline
/// again over the article: a standfirst, a date, a time, a picture's line.
const HEADLINE_TWICE_GAP_MAX: usize = 6;

/// A page that prints its headline twice: once in its header with a
/// standfirst and the date, then again over the article's text. The
/// segmenter took the first for a post of its own, of the standfirst
/// alone; the second opens the one post, and the date above it is its.
/// The first copy opens the page (only furniture over it), has no date
/// right under it and a date before the second: posts of one recurring
/// name ("Open Thread" / "May 4" / … / "Open Thread" / "April 27") each
/// have their date right under the name.
///
/// Accepts "Ferry fares up" / "The board says…" / "June 22nd, 2011" /
/// "Ferry fares up" / prose; rejects the same where the two lines differ,
/// where more than a few paragraphs part them, where no date stands
/// between them, and where the date stands right under the first.
pub fn headline_printed_twice(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
) {
    let (Some(&first), Some(&next)) = (titles.first(), titles.get(1)) else {
        return;
    };
    if next
        .checked_sub(first)
        .is_none_or(|gap| gap > HEADLINE_TWICE_GAP_MAX)
    {
        return;
    }
    let dated = |i: usize| at(furniture, i).is_some_and(Furniture::follows_title);
    let opens_page = only_furniture_over(first, furniture);
    let same = all[first]
        .text
        .trim()
        .eq_ignore_ascii_case(all[next].text.trim());
    if same && opens_page && !dated(first + 1) && (first + 2..next).any(dated) {
        titles.remove(0);
    }
}

/// A listing that opens on the page's name and then its first title,
/// two headings stacked over the first teaser, where every later post
/// heads its text with one line under the end of the post above ("Read
/// More"): the segmenter took the name for the first title and the title
/// for the post's opening. The line under the name is the first title.
///
/// Accepts "Newspaper columns" / "Morning-After" / prose / "Read More" /
/// "The Transparency Trap" / prose; rejects the same where a later title
/// has no post's end over it (a post under its own heading), or has a
/// line of its own under it too (the archive's posts open with a
/// standfirst), and "Newspaper columns" / "A dated note" / "March 3, 2004"
/// (furniture under the line: that line heads its post).
pub fn page_name_over_first_title(
    all: &[Paragraph],
    titles: &mut [usize],
    furniture: &[(usize, Furniture)],
    ends_post: impl Fn(usize) -> bool,
) {
    let Some((&first, later)) = titles.split_first() else {
        return;
    };
    let bare = |i: usize| i < all.len() && at(furniture, i).is_none();
    let opens_page = only_furniture_over(first, furniture);
    let stacked = bare(first + 1)
        && is_title_shaped(&all[first + 1])
        && bare(first + 2)
        && segment::is_prose(&all[first + 2].text);
    let later_open_alike = !later.is_empty()
        && later.iter().all(|&title| {
            ends_post(title - 1) && bare(title + 1) && !is_title_shaped(&all[title + 1])
        });
    if opens_page && stacked && later_open_alike {
        titles[0] = first + 1;
    }
}

/// The most headings of the page read between its first line and the
/// first post's title.
const MAX_STACKED_HEADINGS: usize = 3;

/// A page that opens on a stack of short headings over its first post's
/// text ("Recent Posts" / "Browse" / "Gravel Levy Up" /
/// prose), where every later post has its text right under its title:
/// the segmenter took the stack's first line for the title. As the later
/// posts show, the title is the line right over the text, and the lines
/// above it are the page's.
///
/// Accepts "Recent Posts" / "Browse" / "Gravel Levy Up" / prose, then two
/// titles with prose under each (whether or not the segmenter found
/// "Gravel Levy Up"); rejects the same where a later title has
/// a line of its own under it (the archive's posts open with a
/// standfirst), a title over a line that cites ("RNZ: Bypass approved")
/// or over a sentence ("Much ado about nothing!", a post of one line),
/// a stack over a list, and a page of one post.
pub fn headings_stacked_over_first_title(
    all: &[Paragraph],
    titles: &mut Vec<usize>,
    furniture: &[(usize, Furniture)],
    cites: impl Fn(usize) -> bool,
) {
    let Some((&first, later)) = titles.split_first() else {
        return;
    };
    let bare = |i: usize| i < all.len() && at(furniture, i).is_none() && !all[i].is_list_item();
    let prose_under = |i: usize| bare(i + 1) && segment::is_prose(&all[i + 1].text);
    if later.len() < 2
        || !is_title_shaped(&all[first])
        || !only_furniture_over(first, furniture)
        || !later.iter().all(|&title| prose_under(title))
    {
        return;
    }
    let mut last = first;
    while last - first < MAX_STACKED_HEADINGS
        && bare(last + 1)
        && is_title_shaped(&all[last + 1])
        && heads_something(&all[last + 1].text)
        && !segment::is_prose(&all[last + 1].text)
        && !cites(last + 1)
    {
        last += 1;
    }
    // A long title reads as prose: the text under the stack is no title.
    if last == first || !prose_under(last) || later[0] == last + 1 {
        return;
    }
    // Every later title has prose under it, so the stack ends at the
    // second title at the latest: then the lines over it are the page's.
    if later[0] == last {
        titles.remove(0);
    } else {
        titles[0] = last;
    }
}

/// The longest label a forum prints before a thread's title ("Thread:",
/// "Topic:", "Re:").
const TITLE_LABEL_MAX: usize = 12;

/// The word a breadcrumb trail opens with: the link to the site's home.
const TRAIL_HOME: &str = "Home";

/// A title with the page's breadcrumb trail glued to its front, the
/// trail's links run together with no separators ("HomeBlog‘Tolls up
/// again’", "HomeNewsTolls up again"): where the title starts. The trail
/// opens on the link home and holds at least one more step, each a
/// capitalised word glued to the last.
///
/// Accepts "HomeBlog‘Tolls up again’" (the title "‘Tolls up again’") and
/// "HomeNewsTolls up again" ("Tolls up again"); rejects "HomePod mini
/// review" (one word glued to the link home: a name) and "Home truths".
pub fn title_after_glued_trail(title: &str) -> Option<usize> {
    let rest = title.strip_prefix(TRAIL_HOME)?;
    let bytes = title.as_bytes();
    let capitalised_word_end = |at: usize| {
        let mut end = at + 1;
        while end < bytes.len() && bytes[end].is_ascii_lowercase() {
            end += 1;
        }
        (bytes.get(at).is_some_and(u8::is_ascii_uppercase) && end > at + 1).then_some(end)
    };
    let mut at = title.len() - rest.len();
    let mut steps = 1;
    while let Some(end) = capitalised_word_end(at) {
        match bytes.get(end) {
            // Another step glued to this one.
            Some(b) if b.is_ascii_uppercase() => {
                steps += 1;
                at = end;
            }
            // The word goes on as the title's first word.
            Some(b' ') => break,
            // The title opens glued to the step: "Blog‘Tolls".
            _ => {
                steps += 1;
                at = end;
                break;
            }
        }
    }
    (steps >= 2)
        .then_some(at)
        .filter(|&at| title[at..].chars().any(char::is_alphabetic))
}

/// A thread's title as a forum prints it over the thread, "Label: title",
/// with the bare title again as the first line of the first post: the title
/// is the part after the label, and the repeat is not the post's text.
/// Where this holds, gives where the bare title starts in the labelled
/// one. The label is one word of letters that opens with a capital; the
/// repeat must be the whole of the first line, letter for letter.
///
/// Accepts "Thread: Culvert grates on the towpath" over "Culvert grates on
/// the towpath"; rejects "Budget: what the council cut" over prose that
/// does not repeat it, and "Our budget: what was cut" over "what was cut"
/// (two words before the colon: a headline's own colon).
pub fn title_after_its_label(title: &str, first_line: &str) -> Option<usize> {
    if let Some(at) = title_after_its_trail(title, first_line) {
        return Some(at);
    }
    let (label, rest) = title.split_once(": ")?;
    let rest = rest.trim();
    let is_label = !label.is_empty()
        && label.len() <= TITLE_LABEL_MAX
        && label.chars().all(char::is_alphabetic)
        && label.chars().next().is_some_and(char::is_uppercase);
    (is_label && !rest.is_empty() && rest == first_line.trim())
        .then(|| title.len() - title[label.len() + 2..].trim_start().len())
}

/// The most steps of a breadcrumb trail printed before a page's title.
const TRAIL_STEPS_MAX: usize = 4;

/// A page's title printed after its breadcrumb trail, whose separators the
/// scrape dropped ("Home National Politics Tolls up again"), with the bare
/// title again right under it: where the bare title starts. The trail is one
/// to four capitalised words with no other mark; the title under it is two
/// words or more and opens with a capital.
///
/// Accepts "Home Local Politics Tolls up again" over "Tolls up again";
/// rejects "Our budget: what was cut" over "what was cut" (a colon, a
/// lower-case repeat) and "The Case for Tolls" over "Tolls" (one word).
fn title_after_its_trail(title: &str, first_line: &str) -> Option<usize> {
    let bare = first_line.trim();
    let trail = title.trim_end().strip_suffix(bare)?;
    let steps: Vec<&str> = trail.split_whitespace().collect();
    let is_trail = trail.ends_with(char::is_whitespace)
        && (1..=TRAIL_STEPS_MAX).contains(&steps.len())
        && steps.iter().all(|step| {
            step.starts_with(char::is_uppercase) && step.chars().all(char::is_alphanumeric)
        });
    let is_title = bare.starts_with(char::is_uppercase) && bare.split_whitespace().count() >= 2;
    (is_trail && is_title).then_some(trail.len())
}

#[cfg(test)]
mod tests {
    use super::super::furniture;
    use super::super::paragraphs::paragraphs;
    use super::{
        headings_stacked_over_first_title, headline_printed_twice, page_name_over_first_title,
        title_after_its_label,
    };

    /// The first title after [`page_name_over_first_title`], of a page
    /// whose titles were taken at `titles`.
    fn first_title(page: &str, titles: &[usize]) -> String {
        let all = paragraphs(page);
        let known: Vec<_> = all
            .iter()
            .enumerate()
            .filter_map(|(i, p)| furniture::recognise(&p.text).map(|f| (i, f)))
            .collect();
        let mut titles = titles.to_vec();
        page_name_over_first_title(&all, &mut titles, &known, |i| &*all[i].text == "Read More");
        all[titles[0]].text.to_string()
    }

    #[test]
    fn a_pages_name_over_a_listings_first_title_is_no_title() {
        let page = "Weekly columns\n\nMorning After\n\nThe vote is in, and nobody won, whatever the papers say.\n\n\
                    Read More\n\nThe Transparency Trap\n\nBloggers are watched too, and they know it well.\n\nRead More\n";
        assert_eq!(first_title(page, &[0, 4]), "Morning After");
        // The later post opens with a line of its own under its title too.
        let standfirst = page.replace("Trap\n\n", "Trap\n\nA Second Look\n\n");
        assert_eq!(first_title(&standfirst, &[0, 5]), "Weekly columns");
        // No post's end over the later title: a post with a heading.
        let heading = page.replacen("Read More", "And then?", 1);
        assert_eq!(first_title(&heading, &[0, 4]), "Weekly columns");
    }

    #[test]
    fn a_headline_printed_twice_heads_one_post() {
        let twice = |page: &str, titles: &[usize]| {
            let all = paragraphs(page);
            let known: Vec<_> = all
                .iter()
                .enumerate()
                .filter_map(|(i, p)| furniture::recognise(&p.text).map(|f| (i, f)))
                .collect();
            let mut titles = titles.to_vec();
            headline_printed_twice(&all, &mut titles, &known);
            titles
        };
        let page = "Ferry fares up\n\nThe board says the new fares start in May.\n\n\
                    June 22nd, 2011\n\nFerry fares up\n\nThe board voted last night to raise fares.\n";
        assert_eq!(twice(page, &[0, 3]), [3]);
        let other = page.replacen("Ferry fares up", "Ferry fares down", 1);
        assert_eq!(twice(&other, &[0, 3]), [0, 3]);
        let far = page.replace(
            "May.\n\n",
            "May.\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\n",
        );
        assert_eq!(twice(&far, &[0, 8]), [0, 8]);
        // Two posts of one recurring name, each dated under it.
        let recurring = "Open Thread\n\nMay 4, 2011\n\nSay what you like.\n\n\
                         Open Thread\n\nApril 27, 2011\n\nOver to you.\n";
        assert_eq!(twice(recurring, &[0, 3]), [0, 3]);
        let undated = page.replace("June 22nd, 2011", "A picture of the ferry");
        assert_eq!(twice(&undated, &[0, 3]), [0, 3]);
    }

    /// The titles after [`headings_stacked_over_first_title`], of a page
    /// whose titles were taken at `titles`.
    fn unstacked(page: &str, titles: &[usize]) -> Vec<usize> {
        let all = paragraphs(page);
        let mut titles = titles.to_vec();
        headings_stacked_over_first_title(&all, &mut titles, &[], |_| false);
        titles
    }

    const TEASER: &str = "The council voted on Tuesday night to raise the bridge toll again.";

    #[test]
    fn the_line_over_the_first_teaser_is_the_first_title_where_every_later_one_is() {
        let page = format!(
            "Recent Posts\n\nBrowse\n\nGravel Levy Up\n\n{TEASER}\n\n\
             Tolls Again\n\n{TEASER}\n\nFerries Late\n\n{TEASER}\n"
        );
        assert_eq!(unstacked(&page, &[0, 4, 6]), vec![2, 4, 6]);
        // Where the segmenter found the first title too, the stack over it
        // is the page's: one title each, in order.
        assert_eq!(unstacked(&page, &[0, 2, 4, 6]), vec![2, 4, 6]);
        // A later title with a line of its own under it: the archive's
        // posts open with a standfirst, and the stack is the first post's.
        let standfirst = page.replacen("Tolls Again\n\n", "Tolls Again\n\nA Second Look\n\n", 1);
        assert_eq!(unstacked(&standfirst, &[0, 4, 7]), vec![0, 4, 7]);
        // A page of one post keeps its title.
        let one = format!("Recent Posts\n\nBrowse\n\nGravel Levy Up\n\n{TEASER}\n");
        assert_eq!(unstacked(&one, &[0]), vec![0]);
    }

    fn after_trail(title: &str) -> Option<&str> {
        super::title_after_glued_trail(title).map(|at| &title[at..])
    }

    #[test]
    fn a_trail_glued_to_the_title_is_no_part_of_it() {
        assert_eq!(
            after_trail("HomeBlog‘Tolls up again’"),
            Some("‘Tolls up again’")
        );
        assert_eq!(
            after_trail("HomeNewsTolls up again"),
            Some("Tolls up again")
        );
        assert_eq!(
            after_trail("HomeNewsLocalTolls up again"),
            Some("Tolls up again")
        );
        assert_eq!(after_trail("HomePod mini review"), None);
        assert_eq!(after_trail("Home truths"), None);
        assert_eq!(after_trail("Homeland Security"), None);
        assert_eq!(after_trail("HomeBlog"), None);
    }

    fn bare(title: &str, first_line: &str) -> Option<String> {
        title_after_its_label(title, first_line).map(|at| title[at..].to_string())
    }

    #[test]
    fn a_labelled_title_repeated_under_it_is_the_bare_title() {
        assert_eq!(
            bare(
                "Thread: Culvert grates on the towpath",
                "Culvert grates on the towpath"
            )
            .as_deref(),
            Some("Culvert grates on the towpath")
        );
        assert_eq!(
            bare("Re: Gravel levy", "Gravel levy").as_deref(),
            Some("Gravel levy")
        );
    }

    #[test]
    fn a_title_after_its_breadcrumb_trail_repeated_under_it_is_the_bare_title() {
        assert_eq!(
            bare("Home Local Politics Tolls up again", "Tolls up again").as_deref(),
            Some("Tolls up again")
        );
        assert_eq!(bare("The Case for Tolls", "Tolls"), None);
        assert_eq!(
            bare("Why we say No to Tolls up again", "Tolls up again"),
            None
        );
        assert_eq!(
            bare("Home Tolls up again", "Tolls up again, she says"),
            None
        );
    }

    #[test]
    fn a_headline_with_a_colon_over_prose_keeps_its_colon() {
        assert_eq!(
            bare(
                "Budget: what the council cut",
                "The council cut the library hours and the ferry subsidy."
            ),
            None
        );
    }

    #[test]
    fn only_a_one_word_label_before_an_exact_repeat_is_dropped() {
        assert_eq!(bare("Our budget: what was cut", "what was cut"), None);
        assert_eq!(bare("thread: Gravel levy", "Gravel levy"), None);
        assert_eq!(bare("Thread: Gravel levy", "Gravel levy rises"), None);
        assert_eq!(bare("Thread: Gravel levy", "gravel levy"), None);
        assert_eq!(bare("Gravel levy", "Gravel levy"), None);
    }
}
