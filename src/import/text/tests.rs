//! The plain-text importer end to end, on small archives written for each rule.

use super::*;
use crate::model::BlockKind;

fn kinds(post: &Post) -> Vec<(BlockKind, Option<usize>)> {
    post.blocks.iter().map(|b| (b.kind, b.source())).collect()
}

const ARCHIVE: &str = "Bridge tolls under review\n\n\
The minister announced a review of the harbour bridge tolls on Monday, and commuters are not impressed by the timing of it.\n\n\
RNZ: Minister orders review of harbour bridge tolls\n\n\
The transport minister has ordered a review of tolls on the harbour bridge, her office said.\n\n\
“We will look at everything,” she said.\n\n\
That’s a long way from scrapping them, which was the promise.\n\n\
I will believe it when I see it.\n\n\
Harbour bridge critics cry foul\n\n\
Critics of the harbour bridge review say it is a delaying tactic, and that tolls will rise again after the election whatever it finds.\n\n\
From Sam:\n\n\
The review is a stalling exercise and everybody in the city knows it, whatever the minister says about it.\n\n\
https://example.org/bridge\n";

#[test]
fn posts_citations_quotes_and_contributors() {
    let posts = parse("t", ARCHIVE).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Bridge tolls under review",
            "Harbour bridge critics cry foul"
        ]
    );

    let first = &posts[0];
    assert_eq!(first.sources.len(), 1);
    assert_eq!(first.sources[0].outlet.as_deref(), Some("RNZ"));
    assert_eq!(
        first.sources[0].headline.as_deref(),
        Some("Minister orders review of harbour bridge tolls")
    );
    use BlockKind::*;
    assert_eq!(
        kinds(first),
        [
            (Paragraph, None),
            (Citation, Some(0)),
            (Quote, Some(0)),
            (Quote, Some(0)),
            (Paragraph, None),
            (Paragraph, None)
        ]
    );

    let second = &posts[1];
    assert_eq!(second.author.as_deref(), Some("Sam"));
    assert_eq!(
        kinds(second),
        [
            (Paragraph, None),
            (Contributor, None),
            (Paragraph, None),
            (Citation, Some(0))
        ]
    );
    assert_eq!(second.sources[0].outlet.as_deref(), Some("example.org"));
}

#[test]
fn an_aside_right_after_the_citation_does_not_end_the_quote() {
    let archive = "Ministers meet in Berlin\n\n\
The two ministers will meet in Berlin this week to talk about trade, education and visas, among other things.\n\n\
Stuff: Ministers meet to talk trade and visas\n\n\
That’s a misleading headline, they have not met yet.\n\n\
Trade wars will be a priority when the pair sit down for formal talks tomorrow, officials said.\n\n\
This is a big week for both of them.";
    let posts = parse("t", archive).unwrap();
    use BlockKind::*;
    assert_eq!(
        kinds(&posts[0]),
        [
            (Paragraph, None),
            (Citation, Some(0)),
            (Paragraph, None),
            (Quote, Some(0)),
            (Paragraph, None)
        ]
    );
}

#[test]
fn furniture_fills_author_and_date_and_is_not_a_block() {
    let archive = "Tag Archives: Bridges\n\nBridge tolls under review\n\nBy Jane Smith\n\n17 November 2017\n\n\
The minister announced a review of the harbour bridge tolls on Monday, and commuters are not impressed.\n\n\
Read more »\n\n\
Harbour bridge critics cry foul\n\n\
Critics of the harbour bridge review say it is a delaying tactic and tolls will rise again after the election.\n\n\
12 comments";
    let posts = parse("t", archive).unwrap();
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[0].title, "Bridge tolls under review");
    assert_eq!(posts[0].author.as_deref(), Some("Jane Smith"));
    assert_eq!(posts[0].date.as_deref(), Some("17 November 2017"));
    assert_eq!(posts[0].blocks.len(), 1);
    assert_eq!(posts[1].blocks.len(), 1);
}

#[test]
fn a_guardian_url_completes_the_guardian_attribution() {
    let archive = "Turnout falls in the election\n\n\
Turnout looks like it will be the lowest in decades, going by the early projections from the count tonight.\n\n\
From live coverage from The Guardian:\n\n\
If turnout projections of about 74% are correct, it would be the lowest since 1969, analysts say.\n\n\
https://www.theguardian.com/world/live/2017/may/07/election\n\n\
We will know soon enough.";
    let posts = parse("t", archive).unwrap();
    let post = &posts[0];
    assert_eq!(post.sources.len(), 1);
    assert_eq!(post.sources[0].outlet.as_deref(), Some("The Guardian"));
    assert!(
        post.sources[0]
            .url
            .as_deref()
            .is_some_and(|u| u.contains("theguardian.com"))
    );
    assert_eq!(post.blocks_citing(0).count(), 3);
}

#[test]
fn no_paragraphs_no_posts() {
    assert!(parse("t", "\n \u{a0}\n\n").unwrap().is_empty());
}

fn titles(posts: &[Post]) -> Vec<&str> {
    posts.iter().map(|p| p.title.as_str()).collect()
}

/// (author, parent, first block's text) of every comment.
fn thread(post: &Post) -> Vec<(Option<&str>, Option<usize>, &str)> {
    post.comments
        .iter()
        .map(|c| {
            (
                c.author.as_deref(),
                c.parent(),
                c.blocks.first().map_or("", |b| &*b.text),
            )
        })
        .collect()
}

const PROSE_A: &str = "The council voted on Tuesday to raise the harbour bridge tolls again, the third rise in as many years.";
const PROSE_B: &str = "Bus reliability fell for a third year in a row, according to figures the council released this week.";

#[test]
fn a_comments_header_ends_the_post_and_labels_open_comments() {
    let archive = format!(
        "Tolls up again\n\nBy Jane Smith\n\n{PROSE_A}\n\nThat is all.\n\n\
         3 comments on “Tolls up again”\n\n\
         \x20 1. Rangi 1\n\n    June 10, 2022 at 6:42 am\n\n    Same as last year.\n\n    Reply\n\n\
         \x20   • mike_s 1.1\n\n      RNZ: Council raises bridge tolls\n\n      Log in to Reply\n\n\
         \x20 2. pat 2\n\n    Like\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again"]);
    let post = &posts[0];
    assert_eq!(post.blocks.len(), 2, "the thread is not the post's text");
    assert_eq!(post.comment_count, Some(3));
    assert_eq!(
        thread(post),
        [
            (Some("Rangi"), None, "Same as last year."),
            (Some("mike_s"), Some(0), "RNZ: Council raises bridge tolls"),
            (Some("pat"), None, ""),
        ]
    );
    assert_eq!(
        post.comments[0].date.as_deref(),
        Some("June 10, 2022 at 6:42 am")
    );
    assert_eq!(post.comments[1].label.as_deref(), Some("1.1"));
    // A comment's citation is the comment's own source.
    assert_eq!(post.comments[1].sources[0].outlet.as_deref(), Some("RNZ"));
    assert!(post.sources.is_empty());
    assert!(post.comments[2].blocks.is_empty(), "an empty comment");
}

#[test]
fn labels_in_a_row_open_a_thread_without_a_header() {
    let archive = format!(
        "Open thread 12/03/2019\n\nWritten By: - Date published: 6:00 am, March 12th, 2019 - 2 comments\n\
         \x20 1. Rangi 1\n\n    {PROSE_A}\n\n\x20   • Tui 1.1\n\n      {PROSE_B}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Open thread 12/03/2019"]);
    assert_eq!(posts[0].author, None, "a missing name is no author");
    assert_eq!(posts[0].date.as_deref(), Some("6:00 am, March 12th, 2019"));
    assert_eq!(
        thread(&posts[0]),
        [
            (Some("Rangi"), None, PROSE_A),
            (Some("Tui"), Some(0), PROSE_B)
        ]
    );
}

#[test]
fn a_teaser_of_a_title_and_read_more_is_a_post() {
    let archive = format!(
        "Tolls up again\n\n{PROSE_A}\n\nRead more »\n\nA picture of the bridge\n\nRead more »\n\n\
         Buses late again\n\n{PROSE_B}\n\nRead more »\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(
        titles(&posts),
        [
            "Tolls up again",
            "A picture of the bridge",
            "Buses late again"
        ]
    );
    assert!(posts[1].blocks.is_empty());
}

#[test]
fn archive_headers_are_not_posts_and_name_the_author() {
    let archive = format!(
        "Author Archives: Jane Smith\n\nPosts published in the chosen month\n\n\
         Tolls up again\n\n17 November 2017\n\n{PROSE_A}\n\n\
         Buses late again\n\n18 November 2017\n\n{PROSE_B}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again", "Buses late again"]);
    assert!(
        posts
            .iter()
            .all(|p| p.author.as_deref() == Some("Jane Smith"))
    );
    assert_eq!(posts[1].date.as_deref(), Some("18 November 2017"));
}

#[test]
fn a_bare_category_name_over_titles_the_furniture_marks_is_left_out() {
    let archive = format!(
        "Opinion\n\nTolls up again\n\nNovember 26th, 2014 at 4:22 pm by Jane Smith\n\n{PROSE_A}\n\n\
         Buses late again\n\nNovember 27th, 2014 at 9:00 am by Bob Jones\n\n{PROSE_B}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again", "Buses late again"]);
    assert_eq!(posts[1].author.as_deref(), Some("Bob Jones"));
    assert_eq!(
        posts[1].date.as_deref(),
        Some("November 27th, 2014 at 9:00 am")
    );
}

#[test]
fn tag_lines_are_the_posts_tags_and_not_its_date() {
    let archive = format!(
        "Tolls up again\n\nWritten By: Jane Smith - Date published: 7:15 am, March 3rd, 2019 - 12 comments\n\
         Categories: transport, local body - Tags: tolls, bridge\n\n{PROSE_A}\n\n\
         Buses late again\n\nWritten By: Bob Jones - Date published: 8:00 am, March 4th, 2019 - 1 comment\n\
         Tags: , ,\n\n{PROSE_B}\n\nNo tag for this post.\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again", "Buses late again"]);
    assert_eq!(
        posts[0].tags,
        ["transport", "local body", "tolls", "bridge"]
    );
    assert_eq!(posts[0].date.as_deref(), Some("7:15 am, March 3rd, 2019"));
    assert_eq!(posts[0].comment_count, Some(12));
    assert!(posts[1].tags.is_empty());
    assert_eq!(posts[1].blocks.len(), 1);
}

#[test]
fn titles_with_a_dash_or_colon_are_titles_when_furniture_follows() {
    let archive = format!(
        "Partners – or not\n\nBy Jane Smith\n\n{PROSE_A}\n\n\
         Guest post: a little populism\n\nBy Bob Jones\n\n{PROSE_B}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(
        titles(&posts),
        ["Partners – or not", "Guest post: a little populism"]
    );
    assert!(posts.iter().all(|p| p.sources.is_empty()));
}

#[test]
fn an_outlet_with_no_headline_introduces_its_quote() {
    let archive = format!(
        "Tolls up again\n\n{PROSE_A}\n\nThe Herald reports:\n\n\
         Tolls on the harbour bridge will rise by a dollar from March, the council confirmed.\n\n\
         I think that is too much.\n"
    );
    let posts = parse("t", &archive).unwrap();
    let post = &posts[0];
    assert_eq!(post.sources.len(), 1);
    assert_eq!(post.sources[0].outlet.as_deref(), Some("The Herald"));
    assert_eq!(post.sources[0].headline, None);
    assert_eq!(
        kinds(post),
        [
            (BlockKind::Paragraph, None),
            (BlockKind::Citation, Some(0)),
            (BlockKind::Quote, Some(0)),
            (BlockKind::Paragraph, None),
        ]
    );
}

/// An archive whose template nobody wrote a rule for: a line of its own
/// shape under every title. Repetition alone says it is furniture.
#[test]
fn an_archive_in_an_unknown_shape_splits_on_what_it_repeats() {
    let archive = format!(
        "Tolls up again\n\nJane Smith ~ 3.v.2019 ~ Wellington\n\n{PROSE_A}\n\nAll of it.\n\n\
         Buses late again\n\nBob Jones ~ 4.v.2019 ~ Auckland\n\n{PROSE_B}\n\nNone of it.\n\n\
         A modest proposal on fares\n\nJo Martin ~ 5.v.2019 ~ Napier\n\nFares should fall, and soon, before everyone gives up on the ferry.\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(
        titles(&posts),
        [
            "Tolls up again",
            "Buses late again",
            "A modest proposal on fares"
        ]
    );
    for post in &posts {
        assert!(
            !post.blocks.iter().any(|b| b.text.contains(" ~ ")),
            "{}",
            post.title
        );
    }
}

/// The teaser-link test as first written, without the look at the last
/// word: kept to check the quick test against.
fn teaser_link_by_pattern(text: &str) -> Option<usize> {
    let tail = &text.as_bytes()[text.len().saturating_sub(30)..];
    let has = |word: &[u8]| {
        tail.windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if text.len() < 40 || !(has(b"reading") || has(b"more")) {
        return None;
    }
    TEASER_LINK.find(text).map(|m| m.start())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    #[test]
    fn teaser_links_are_found_as_by_the_pattern_alone(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "The minister announced a review of the tolls", "Continue reading", "continue",
                "READ MORE", "Read", "more", "reading", "…", "...", ".", "[…]", "[...]", "»", "›",
                "→", " ", "  ", "\u{a0}", "\u{2003}", "x", "é", "Mórè", "ſ", "[", "]",
            ]),
            0..12,
        ),
    ) {
        let text: String = pieces.concat();
        proptest::prop_assert_eq!(teaser_link_at(&text), teaser_link_by_pattern(&text), "{:?}", text);
    }
}

#[test]
fn a_comments_header_names_the_post_whose_title_the_page_left_out() {
    let archive = format!(
        "{PROSE_A}\n\nThat is all from me today.\n\n45 Responses to “Open thread”\n\n\
         \x20 1. 1 Jane Roe\n    May 4, 2021 at 6:30 pm\n\n    {PROSE_B}\n\n\
         \x20 2. 3 jroe\n    May 4, 2021 at 6:41 pm\n\n    Same here.\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Open thread"]);
    assert_eq!(
        posts[0].blocks.len(),
        2,
        "the opening prose is the post's text"
    );
    assert_eq!(posts[0].comment_count, Some(45));
    assert_eq!(
        thread(&posts[0]),
        [
            (Some("Jane Roe"), None, PROSE_B),
            (Some("jroe"), None, "Same here.")
        ]
    );
    assert_eq!(posts[0].comments[1].label.as_deref(), Some("3"));
}

#[test]
fn lines_between_a_title_and_the_header_that_names_it_are_the_posts() {
    let archive = format!(
        "Tolls up again\n\n{PROSE_A}\n\nThis blog has no rich friends!\n\n\
         This independent blog lives on what its readers give. Without your help, it cannot keep going at all.\n\n\
         2 thoughts on “Tolls up again\n\n\
         \x20 1. Jane Roe\n\n    {PROSE_B}\n\n\x20   1. jroe\n\n      Quite.\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again"]);
    assert_eq!(posts[0].blocks.len(), 3);
    assert_eq!(
        thread(&posts[0]),
        [
            (Some("Jane Roe"), None, PROSE_B),
            (Some("jroe"), Some(0), "Quite.")
        ]
    );
}

#[test]
fn bylines_above_titles_are_their_posts_where_the_first_post_shows_so() {
    let archive = format!(
        "Posted by: Jane Smith | May 4, 2010\n\nTolls up again\n\n{PROSE_A}\n\nThat is all.\n\n\
         Posted by: Bob Jones | May 5, 2010\n\nBuses late again\n\n{PROSE_B}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again", "Buses late again"]);
    let bylines: Vec<(Option<&str>, Option<&str>)> = posts
        .iter()
        .map(|p| (p.author.as_deref(), p.date.as_deref()))
        .collect();
    assert_eq!(
        bylines,
        [
            (Some("Jane Smith"), Some("May 4, 2010")),
            (Some("Bob Jones"), Some("May 5, 2010"))
        ]
    );
    assert_eq!(
        posts[0].blocks.len(),
        2,
        "the next post's byline is no text"
    );
}

#[test]
fn a_byline_over_a_blog_whose_posts_have_none_names_their_author() {
    let archive = format!(
        "Harbour Watch\n\nBy jroe_42 - E-mail this page - Add to favourites\n\n\
         Wednesday, May 5, 2010\n\nTolls up again\n\n{PROSE_A}\n\n\
         Tuesday, May 4, 2010\n\nBuses late again\n\n{PROSE_B}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again", "Buses late again"]);
    assert!(posts.iter().all(|p| p.author.as_deref() == Some("jroe_42")));
    assert_eq!(posts[1].date.as_deref(), Some("Tuesday, May 4, 2010"));
    assert_eq!(posts[0].blocks.len(), 1, "the next post's date is no text");
}

#[test]
fn a_name_in_parentheses_opening_a_teaser_is_its_author() {
    let archive = "Category: Opinion\n\nTolls up again\n\n(Jane Smith) The council voted on Tuesday to raise the harbour bridge tolls again, the third rise in as many years, and\n\n\
                   Buses late again\n\n(Bob Jones) Bus reliability fell for a third year in a row, according to figures the council released this week, and\n";
    let posts = parse("t", archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again", "Buses late again"]);
    assert_eq!(posts[1].author.as_deref(), Some("Bob Jones"));
    assert!(posts[0].blocks[0].text.starts_with("The council voted"));
}

#[test]
fn a_teaser_link_in_brackets_ends_a_post_with_no_blank_lines_around() {
    // Lines too wide to have been wrapped, as the scrape printed them.
    let archive = "Now my first thought, having been there and seen the place first hand, was to wonder if they are simply more polite than others, and that this left an opening to … [Read more...]\n\
                   Tolls up again\n\
                   The council voted on Tuesday to raise the harbour bridge tolls again, the third rise in as many years, and the mayor said that nobody should be surprised by it, and … [Read more...]\n\
                   MN-Sen: Buses late again\n\
                   Bus reliability fell for a third year in a row, according to figures the council released this week, which leave out the services it cancelled at short notice, and … [Read more...]\n";
    let posts = parse("t", archive).unwrap();
    assert_eq!(
        titles(&posts)[1..],
        ["Tolls up again", "MN-Sen: Buses late again"]
    );
    assert!(
        posts[1].blocks[0].text.ends_with("and"),
        "the link leaves the teaser"
    );
}

const PROSE_C: &str = "Ferry fares rose by a tenth at the start of the month, and the operator blamed the price of fuel.";

#[test]
fn a_dateline_after_a_posts_end_opens_a_post_whose_title_was_lost() {
    let archive = format!(
        "Tolls up again\n\n[ 4 ] May 5, 2010 |\n\n{PROSE_A}\n\n\n\
         [ 12 ] May 4, 2010 |\n\n{PROSE_B}\n\n\
         Ferries dearer\n\n[ 7 ] May 3, 2010 |\n\n{PROSE_C}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(posts.len(), 3, "{:?}", titles(&posts));
    assert_eq!(posts[0].title, "Tolls up again");
    assert_eq!(posts[2].title, "Ferries dearer");
    assert!(posts[1].blocks[0].text.starts_with("Bus reliability"));
    assert_eq!(
        posts[0].blocks.len(),
        1,
        "the next post is not the first's text"
    );
}

#[test]
fn a_dateline_under_a_titles_standfirst_is_that_posts() {
    let archive = format!(
        "Tolls up again\n\n10:59 AM, May 5, 2010\n{PROSE_A}\n\n\
         Buses late again\n\n10:10 AM, May 5, 2010\n{PROSE_B}\n\n\
         Ferries dearer\n\nThe operator says fuel is to blame.\n9:17 AM, May 5, 2010\n{PROSE_C}\n\n\
         Trains on time\n\n8:05 AM, May 5, 2010\n{PROSE_A}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(
        titles(&posts),
        [
            "Tolls up again",
            "Buses late again",
            "Ferries dearer",
            "Trains on time"
        ]
    );
    assert_eq!(posts[2].date.as_deref(), Some("9:17 AM, May 5, 2010"));
    assert_eq!(posts[1].blocks.len(), 1);
}

#[test]
fn titles_stacked_under_date_headers_are_each_a_post_of_that_date() {
    // No blank lines, as a scraped Blogger archive page prints posts whose
    // text the scrape left out.
    let archive = format!(
        "Tuesday, June 30, 2020\nTolls up again\nBuses late again?\nFerries dearer\n{PROSE_C}\n\
         Monday, June 29, 2020\nTrains on time\nRates rise again\n\
         Sunday, June 28, 2020\nParking fines doubled\n{PROSE_A}\n{PROSE_B}\n"
    );
    let posts = parse("t", &archive).unwrap();
    let seen: Vec<(&str, Option<&str>, usize)> = posts
        .iter()
        .map(|p| (p.title.as_str(), p.date.as_deref(), p.blocks.len()))
        .collect();
    assert_eq!(
        seen,
        [
            ("Tolls up again", Some("Tuesday, June 30, 2020"), 0),
            ("Buses late again?", Some("Tuesday, June 30, 2020"), 0),
            ("Ferries dearer", Some("Tuesday, June 30, 2020"), 1),
            ("Trains on time", Some("Monday, June 29, 2020"), 0),
            ("Rates rise again", Some("Monday, June 29, 2020"), 0),
            ("Parking fines doubled", Some("Sunday, June 28, 2020"), 1),
        ]
    );
}

#[test]
fn short_lines_under_a_pages_only_date_are_not_a_stack_of_titles() {
    let archive = format!(
        "Tuesday, June 30, 2020\nTolls up again\nThe council decides\n{PROSE_A}\n{PROSE_B}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(posts.len(), 1, "{:?}", titles(&posts));
}

#[test]
fn a_caption_over_each_title_is_not_the_title() {
    let teaser = |text: &str| {
        format!(
            "{text} The council has not said when it will decide, and nobody expects it to say so before […]"
        )
    };
    let archive = format!(
        "Harbour bridge at dusk\n\nTolls up again\n\n{}\n\n\
         Bus depot in the rain\n\nBuses late again\n\n{}\n\n\
         Ferry terminal\n\nFerries dearer\n\n{}\n",
        teaser("Tolls rose for a third year in a row."),
        teaser("Buses ran late for a third year in a row."),
        teaser("Ferry fares rose by a tenth this month."),
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(
        titles(&posts),
        ["Tolls up again", "Buses late again", "Ferries dearer"]
    );
}

#[test]
fn posts_printed_as_a_list_are_posts() {
    let archive = format!(
        "More in this category →\n\n\
         \x20 • Tolls up again\n\n    {PROSE_A}\n\n\
         \x20 • Buses late again\n\n    {PROSE_B}\n\n\
         \x20 • Ferries dearer\n\n    {PROSE_C}\n\n\
         More in this category →\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(
        titles(&posts),
        ["Tolls up again", "Buses late again", "Ferries dearer"]
    );
    assert!(posts[0].blocks[0].text.starts_with("The council voted"));
}

#[test]
fn a_list_of_points_with_text_under_them_is_a_list() {
    let archive = format!(
        "Tolls up again\n\n{PROSE_A}\n\n\
         \x20 • The tolls rise in March.\n\n    {PROSE_B}\n\n\
         \x20 • The ferries follow in May.\n\n    {PROSE_C}\n"
    );
    let posts = parse("t", &archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again"]);
}

#[test]
fn the_number_that_opens_an_unnamed_comment_is_the_comments_not_a_list() {
    let archive = format!(
        "Tolls up again\n\n{PROSE_A}\n\n{PROSE_B}\n\n\n\
         \x20 1. I doubt the minister read the report.\n\n    Nor did the council.\n\n\
         \x20 2. The tolls paid for the bridge long ago.\n"
    );
    let posts = parse("t", &archive).unwrap();
    let comments = &posts[0].comments;
    assert_eq!(comments.len(), 2);
    assert!(
        comments
            .iter()
            .all(|c| c.blocks[0].kind == BlockKind::Paragraph),
        "{:?}",
        comments
            .iter()
            .map(|c| c.blocks[0].kind)
            .collect::<Vec<_>>()
    );
}

/// Posts built a batch at a time from the archive's start, as they are
/// written into a cache entry, are the posts built whole.
/// The posts of `archive` as [`posts_in_batches`] hands them over, a
/// batch at a time.
fn batches_of(archive: &str) -> Vec<Vec<Post>> {
    let mut batches = Vec::new();
    posts_in_batches(paragraphs(archive), &mut |batch| {
        batches.push(batch);
        std::ops::ControlFlow::Continue(())
    });
    batches
}

#[test]
fn posts_in_batches_are_the_posts_built_whole() {
    use std::ops::ControlFlow;
    let archive: String = (0..40)
        .map(|n| crate::load::BUNDLED.replace("Trump", &format!("Trump {n}")))
        .collect();
    let whole = posts_from(paragraphs(&archive));
    let batches = batches_of(&archive);
    assert!(batches.len() > 8, "{} batches", batches.len());
    assert_eq!(batches.concat(), whole);
    // Stopped after the first batch, no other is built.
    let mut seen = 0;
    posts_in_batches(paragraphs(&archive), &mut |_| {
        seen += 1;
        ControlFlow::Break(())
    });
    assert_eq!(seen, 1);
}

/// A forum thread's author blocks are found the same whether the posts
/// are built whole or a batch at a time: threads of the same blocks, each
/// under the bundled archive's posts.
#[test]
fn forum_threads_in_batches_are_the_threads_built_whole() {
    let thread = include_str!("../../../tests/fixtures/archives/forum_author_blocks.txt");
    let archive: String = (0..40)
        .map(|n| {
            let seed = crate::load::BUNDLED.replace("Trump", &format!("Trump {n}"));
            let thread = thread.replace("Harbour tolls", &format!("Harbour tolls {n}"));
            format!("{seed}\n\n{thread}\n\n")
        })
        .collect();
    let whole = posts_from(paragraphs(&archive));
    let corvel = whole
        .iter()
        .flat_map(|post| &post.comments)
        .filter(|c| c.author.as_deref() == Some("Corvel"))
        .count();
    assert_eq!(corvel, 40);
    let threads = whole
        .iter()
        .filter(|post| post.title.starts_with("Harbour tolls "))
        .count();
    assert_eq!(threads, 40);
    let batches = batches_of(&archive);
    assert!(batches.len() > 8, "{} batches", batches.len());
    assert_eq!(batches.concat(), whole);
}

#[test]
fn comment_headers_bullets_and_label_lines_in_batches_are_the_comments_built_whole() {
    let pages = [
        (
            include_str!("../../../tests/fixtures/archives/post_comment_headers.txt"),
            "Gorse cutting",
            "whinmoor",
        ),
        (
            include_str!("../../../tests/fixtures/archives/post_bulleted_comments.txt"),
            "Quarry lorries",
            "Tobin Marsh",
        ),
        (
            include_str!("../../../tests/fixtures/archives/forum_block_labels_on_lines.txt"),
            "Slipway fees",
            "Hobbin Tull",
        ),
    ];
    for (page, title, commenter) in pages {
        let archive: String = (0..40)
            .map(|n| {
                let seed = crate::load::BUNDLED.replace("Trump", &format!("Trump {n}"));
                let page = page.replace(title, &format!("{title} {n}"));
                format!("{seed}\n\n{page}\n\n")
            })
            .collect();
        let whole = posts_from(paragraphs(&archive));
        let by_commenter = whole
            .iter()
            .flat_map(|post| &post.comments)
            .filter(|c| c.author.as_deref() == Some(commenter))
            .count();
        assert_eq!(by_commenter, 40, "{title}");
        let batches = batches_of(&archive);
        assert!(batches.len() > 8, "{} batches", batches.len());
        assert_eq!(batches.concat(), whole, "{title}");
    }
}

#[test]
fn comment_ids_read_as_formatted() {
    for number in (1..=1000).chain([9_999, 10_000, 123_456_789, usize::MAX]) {
        assert_eq!(super::comment_id(number), format!("c{number}"));
    }
}

#[test]
fn a_dateline_run_into_a_title_is_cut_off_and_read() {
    let (title, glued) = dateline_run_into_title(
        "Tolls Up Again? Posted 1/13/2009 at 10:11 a.m. 3 comments".into(),
        false,
    );
    assert_eq!(title, "Tolls Up Again?");
    let glued = glued.expect("the dateline is read");
    assert_eq!(glued.date.as_deref(), Some("1/13/2009 at 10:11 a.m."));
    assert_eq!(glued.comment_count, Some(3));
    let (title, glued) = dateline_run_into_title(
        "After the Election March 15, 2017, No Comments".into(),
        true,
    );
    assert_eq!(title, "After the Election");
    let glued = glued.expect("the dateline is read");
    assert_eq!(glued.date.as_deref(), Some("March 15, 2017"));
    assert_eq!(glued.comment_count, Some(0));
    // A post with a date of its own keeps such a title whole, and a date
    // after a word that needs it stays in the title.
    let whole = "After the Election March 15, 2017";
    assert_eq!(dateline_run_into_title(whole.into(), false).0, whole);
    let whole = "Minutes of the meeting held on March 3, 2014";
    assert_eq!(dateline_run_into_title(whole.into(), true).0, whole);
    for whole in [
        "Posted to the wrong address",
        "Why I Posted It Anyway",
        "Letters Posted 3 Days Late",
    ] {
        let (title, glued) = dateline_run_into_title(whole.into(), true);
        assert_eq!(title, whole);
        assert!(glued.is_none(), "{whole}");
    }
}

#[test]
fn a_roundup_of_blogs_no_outlet_list_has_is_one_post() {
    // Three citations by names no outlet list holds, each over a quote:
    // more of them than plain titles, so the roundup is not a listing.
    let archive = "What the blogs say about the tolls\n\n\
Everyone has an opinion on the harbour bridge tolls this week, and most of the opinions are loud ones, so here is a selection.\n\n\
Kiwiblog: Tolls are a tax by another name\n\n\
The government promised no new taxes, and then it invented a toll on a bridge that was paid for forty years ago by the people who use it.\n\n\
The Daily Blog: Toll the rich, not the commuters\n\n\
A flat toll hits the cleaner driving to the night shift exactly as hard as it hits the lawyer in the German car, which is the whole problem.\n\n\
No Right Turn: The review is a stall\n\n\
A review with no terms of reference and no deadline is not a review; it is a way of making sure nothing happens before the election.\n";
    let posts = parse("t", archive).unwrap();
    assert_eq!(posts.len(), 1);
    let citations = posts[0]
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Citation)
        .count();
    assert_eq!(citations, 3);
}
