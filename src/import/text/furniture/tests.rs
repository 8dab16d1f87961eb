use super::dates::DATE;
use super::*;

fn byline(author: Option<&str>, date: Option<&str>, comments: Option<u32>) -> Option<Furniture> {
    Some(Furniture::byline(
        author.map(Into::into),
        date.map(Into::into),
        comments,
    ))
}

#[test]
fn bylines() {
    assert_eq!(
        recognise("By Jane Smith"),
        byline(Some("Jane Smith"), None, None)
    );
    assert_eq!(
        recognise("Posted by jdoe"),
        byline(Some("jdoe"), None, None)
    );
    assert_eq!(
        recognise("Written By: Pete George Date published: 9:15 am, March 4th, 2018 - 12 comments"),
        byline(
            Some("Pete George"),
            Some("9:15 am, March 4th, 2018"),
            Some(12)
        )
    );
    assert_eq!(
        recognise("By Jane Smith - 17 November 2017"),
        byline(Some("Jane Smith"), Some("17 November 2017"), None)
    );
    // A hyphen inside a name is no separator.
    assert_eq!(
        recognise("Posted by Kathy-Ellen Marsh, on January 28, 2010 9:50 PM"),
        byline(
            Some("Kathy-Ellen Marsh"),
            Some("January 28, 2010 9:50 PM"),
            None
        )
    );
    assert_eq!(
        recognise("By Jane Smith—17 November 2017"),
        byline(Some("Jane Smith"), Some("17 November 2017"), None)
    );
    assert_eq!(recognise("By the end of the week the deal was dead."), None);
    assert_eq!(recognise("By then it was too late for talks"), None);
    // After a dash, as some templates print it.
    assert_eq!(
        recognise("-By Jane Smith"),
        byline(Some("Jane Smith"), None, None)
    );
    assert_eq!(
        recognise("— By Jane Smith | 17 November 2017"),
        byline(Some("Jane Smith"), Some("17 November 2017"), None)
    );
    assert_eq!(recognise("- By then it was too late for talks"), None);
    assert_eq!(recognise("-Byways of the old town"), None);
    // What the page calls the post, then the name.
    for (line, name) in [
        ("Journal by Hesper Quill", "Hesper Quill"),
        ("Story by jdoe", "jdoe"),
        ("Column by Tobin Marsh", "Tobin Marsh"),
    ] {
        assert_eq!(recognise(line), byline(Some(name), None, None), "{line}");
    }
    assert_eq!(recognise("Journal by the sea"), None);
}

#[test]
fn a_written_by_line_without_a_name_has_no_author() {
    assert_eq!(
        recognise("Written By: - Date published: 7:15 am, March 3rd, 2019 - 12 comments"),
        byline(None, Some("7:15 am, March 3rd, 2019"), Some(12))
    );
    assert_eq!(
        recognise("Written By: Ann Lee - Date published: 7:15 am, March 3rd, 2019 - 1 comment"),
        byline(Some("Ann Lee"), Some("7:15 am, March 3rd, 2019"), Some(1))
    );
}

#[test]
fn bylines_whose_names_a_scrape_lost() {
    for nameless in ["By", "by", "By:", "Posted by", "Written by:"] {
        assert_eq!(recognise(nameless), byline(None, None, None), "{nameless}");
    }
    // A one-word name after "By" is still its name; "Bye" is no byline.
    assert_eq!(recognise("By Kim"), byline(Some("Kim"), None, None));
    assert_eq!(recognise("Bye"), None);
}

#[test]
fn dates_with_a_byline() {
    assert_eq!(
        recognise("November 26th, 2014 at 4:22 pm by Jane Smith"),
        byline(
            Some("Jane Smith"),
            Some("November 26th, 2014 at 4:22 pm"),
            None
        )
    );
    assert_eq!(
        recognise("November 9th, 2009 by Jane Smith in Transport, Local Politics"),
        byline(Some("Jane Smith"), Some("November 9th, 2009"), None)
    );
    assert_eq!(
        recognise("Posted on 3 May 2019 by rangi_t"),
        byline(Some("rangi_t"), Some("3 May 2019"), None)
    );
    assert_eq!(
        recognise("Posted by Max Bell on April 30, 2009"),
        byline(Some("Max Bell"), Some("April 30, 2009"), None)
    );
    assert_eq!(
        recognise("November 26th, 2014 at 4:22 pm by the bridge we met again"),
        None
    );
    // A footer under a day's heading: the time alone, then the name.
    assert_eq!(
        recognise("Posted at 5:24 PM by Howard Roe"),
        byline(Some("Howard Roe"), None, None)
    );
    assert_eq!(recognise("Posted at 5:24 PM by the old pier"), None);
}

#[test]
fn dates() {
    for line in [
        "17 November 2017",
        "November 17, 2017",
        "Monday, 17 November 2017",
        "2017-11-17",
        "Posted on March 4th, 2018",
        "9:15 am, March 4th, 2018 - 12 comments",
        "June 10, 2022 at 6:42 am",
        "March 22, 2013 @ 9:38 AM",
        "Jul 8, 2015 / 8:54 am",
    ] {
        assert!(
            matches!(recognise(line), Some(Furniture::Date(_))),
            "{line}"
        );
    }
    let line = "Posted on 17 November 2017";
    match recognise(line) {
        Some(Furniture::Date(span)) => assert_eq!(span.text(line), "17 November 2017"),
        other => panic!("{other:?}"),
    }
    assert_eq!(recognise("On 17 November 2017 the talks failed."), None);
    // A count after a space alone, where the line ends in its word.
    let line = "Posted 1/13/2009 at 10:11 a.m. 0 comments";
    match recognise(line) {
        Some(Furniture::Date(span)) => assert_eq!(span.text(line), "1/13/2009 at 10:11 a.m."),
        other => panic!("{other:?}"),
    }
    assert_eq!(recognise("17 November 2017 0 ideas"), None);
    assert_eq!(
        date_in("Rangi · 3 May 2019 · 4 replies").as_deref(),
        Some("3 May 2019")
    );
    // A year straight after the comma is a date's only where it ends there.
    assert_eq!(
        date_in("Oct 03,2008 at the wharf").as_deref(),
        Some("Oct 03,2008")
    );
    assert_eq!(date_in("About Jun 12,15000 riders"), None);
}

fn tag_line(tags: &[&str], comments: Option<u32>) -> Option<Furniture> {
    Some(Furniture::Tags(Box::new(TagLine {
        tags: tags.iter().map(|t| t.to_string()).collect(),
        comments,
        links_comments: comments.is_some(),
    })))
}

/// A tag line that links to the comments form with no count ("Leave a
/// Comment"): the footer that ends its post.
fn footer_to_form(tags: &[&str]) -> Option<Furniture> {
    Some(Furniture::Tags(Box::new(TagLine {
        tags: tags.iter().map(|t| t.to_string()).collect(),
        comments: None,
        links_comments: true,
    })))
}

#[test]
fn tag_lines_give_the_posts_tags() {
    assert_eq!(
        recognise("Categories: housing, local body - Tags: rates, Wellington"),
        tag_line(&["housing", "local body", "rates", "Wellington"], None)
    );
    assert_eq!(
        recognise("Categories: open mike - Tags:"),
        tag_line(&["open mike"], None)
    );
    assert_eq!(recognise("Tags: , ,"), tag_line(&[], None));
    assert_eq!(recognise("No tag for this post."), tag_line(&[], None));
    assert_eq!(
        recognise("Posted in transport, rail | Tagged , , | 3 Comments"),
        tag_line(&["transport", "rail"], Some(3))
    );
    assert_eq!(
        recognise("Posted in transport, rail | 7 Comments »"),
        tag_line(&["transport", "rail"], Some(7))
    );
    assert_eq!(
        recognise("Also posted in transport, rail | Tagged | 36 Comments"),
        tag_line(&["transport", "rail"], Some(36))
    );
    assert_eq!(
        recognise("Tagged as a liar by the press, he carried on regardless."),
        None
    );
}

#[test]
fn post_ends() {
    for line in [
        "Read more »",
        "Read More",
        "Continue reading “Macron hack dump”",
        "Continue reading Macron hack dump",
        "(more…)",
        "Leave a comment",
        "Ferry fares: a modest proposal Read More »",
        "Read the rest of this entry »",
    ] {
        assert_eq!(
            recognise(line),
            Some(Furniture::PostEnd { comments: None }),
            "{line}"
        );
    }
    assert_eq!(
        recognise("12 comments"),
        Some(Furniture::PostEnd { comments: Some(12) })
    );
    assert_eq!(
        recognise("No comments"),
        Some(Furniture::PostEnd { comments: Some(0) })
    );
    assert_eq!(recognise("Read more about the deal in the report."), None);
}

#[test]
fn comments_headers() {
    for (line, count) in [
        ("74 comments on “Open mike 13/09/2014”", Some(74)),
        ("3 Responses to “Ferry fares”", Some(3)),
        ("11 thoughts on “Bridge tolls”", Some(11)),
        ("One thought on “Bridge tolls”", Some(1)),
        ("Comments", None),
        ("Leave a Reply", None),
        ("Post a Comment", None),
        ("Join the conversation", None),
        ("5 comments:", Some(5)),
        ("Comments (87 - click here to join in!)", Some(87)),
        // The word and its link's words in brackets, with no count.
        ("Discussion [Join in or link to it]", None),
        ("Responses (add yours)", None),
        ("Comments (12)", Some(12)),
        ("(3) comments", Some(3)),
    ] {
        assert_eq!(
            recognise(line),
            Some(Furniture::CommentsHeader {
                comments: count,
                form: matches!(
                    line,
                    "Leave a Reply" | "Post a Comment" | "Join the conversation"
                ),
            }),
            "{line}"
        );
    }
    assert_eq!(recognise("Comments on the budget were scathing."), None);
    assert_eq!(recognise("Discussion (a short one, for once)"), None);
}

#[test]
fn bylines_inside_a_posts_text() {
    let teaser = "(Scott Johnson) President Biden has waged a war on energy.";
    assert_eq!(opening_byline(teaser), Some(("Scott Johnson", 16)));
    assert_eq!(opening_byline("(Reuters) The minister resigned."), None);
    assert_eq!(opening_byline("(The Nation) The old saying goes."), None);
    assert_eq!(opening_byline("(see below) This is why."), None);
    assert_eq!(author_box("Jane Roe", "About Jane Roe"), Some("Jane Roe"));
    assert_eq!(author_box("Tonight", "About Tonight"), None);
    assert_eq!(author_box("Jane Roe", "About the author"), None);
}

#[test]
fn comments_headers_name_their_post() {
    assert_eq!(
        title_in_header("74 comments on “Open mike”"),
        Some("Open mike")
    );
    assert_eq!(title_in_header("45 Responses to “today”"), Some("today"));
    assert_eq!(
        title_in_header("405 comments on “Rudd Quits!"),
        Some("Rudd Quits!")
    );
    assert_eq!(
        title_in_header("3 Responses to Ferry fares"),
        Some("Ferry fares")
    );
    assert_eq!(title_in_header("12 comments:"), None);
    assert_eq!(title_in_header("Comments"), None);
    // A comments page headed with the post's title.
    assert_eq!(
        title_in_header("Comments: Ferry fares up again"),
        Some("Ferry fares up again")
    );
    assert_eq!(
        recognise("Comments: Ferry fares up again"),
        Some(Furniture::CommentsHeader {
            comments: None,
            form: false
        })
    );
    assert_eq!(title_in_header("Comments:"), None);
}

#[test]
fn archive_headers() {
    assert_eq!(
        archive_author("Author Archives: Jane Smith"),
        Some(Some("Jane Smith"))
    );
    for line in [
        "Archive for May, 2011",
        "Monthly Archives: March 2019",
        "Archive for the ‘Opinion’ Category",
        "Category: Opinion",
        "Tag: trade",
        "Tag Archives: Macron",
        "Tag Archive 'Ferries 2012'",
        "Category Archive “Harbour”",
        "Posts tagged trade",
        "Politics Archives",
        "Posts published in the chosen month",
        "Showing posts with label Trade. Show all posts",
        "Archives for",
    ] {
        assert_eq!(
            recognise(line),
            Some(Furniture::ArchiveHeader { author: None }),
            "{line}"
        );
    }
    assert_ne!(
        recognise("Archives \"The Best of 2012\" is out"),
        Some(Furniture::ArchiveHeader { author: None })
    );
}

#[test]
fn every_shape_of_furniture_passes_the_quick_test() {
    for line in [
        "By Jane Smith",
        "Written By: - Date published: 7:15 am, March 3rd, 2019 - 12 comments",
        "November 26th, 2014 at 4:22 pm by Jane Smith",
        "Posted on 3 May 2019 by rangi_t",
        "Monday, 17 November 2017",
        "9:15 am, March 4th, 2018 - 12 comments",
        "Categories: housing - Tags: rates",
        "Posted in transport | Tagged , , | 3 Comments",
        "No tag for this post.",
        "Read More",
        "(more…)",
        "[…]",
        "Ferry fares: a modest proposal Read More »",
        "74 comments on “Open mike”",
        "One thought on “Tolls”",
        "Leave a Reply",
        "Join the conversation",
        "Author Archives: Jane Smith",
        "Archive for May, 2011",
        "Politics Archives",
        "Posts tagged trade",
        "Share this:",
        "Post navigation",
    ] {
        assert!(could_be_furniture(line), "{line}");
        assert!(recognise(line).is_some(), "{line}");
    }
    assert!(!could_be_furniture("The minister announced a review."));
}

/// Lines in the shapes of dates, bylines and the words around them,
/// with the characters case folding could trip on.
fn furniture_like() -> impl proptest::strategy::Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec![
            "Posted",
            "posted",
            "PUBLISHED",
            "Updated",
            " on",
            ":",
            " ",
            "  ",
            "\u{a0}",
            "17",
            "3",
            "2019",
            "November",
            "Nov",
            "Sept.",
            "May",
            "Monday,",
            "Wed",
            "4th",
            ",",
            " at ",
            "@",
            "9:15",
            "6.42",
            " am",
            "p.m.",
            "2017-11-17",
            "3/5/19",
            " - ",
            " – ",
            " | ",
            " · ",
            "12",
            "1,144",
            "no",
            "One",
            " comments",
            " Responses",
            " replies",
            " »",
            "by",
            "BY",
            "By:",
            " Jane Doe",
            "written",
            "Written By:",
            "author",
            "Author:",
            "date published:",
            "ſ",
            "\u{212a}",
            "x",
            ".",
        ]),
        0..10,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Dates in the forms blogs print them, in the words around them.
fn dated() -> impl proptest::strategy::Strategy<Value = String> {
    let pick = |options: &[&'static str]| proptest::sample::select(options.to_vec());
    (
        pick(&[
            "",
            "Posted ",
            "posted on ",
            "Published: ",
            "UPDATED on: ",
            "Poſted ",
            "Posted  on ",
        ]),
        pick(&["", "Monday, ", "Wed ", "Thurs. ", "9:15 am, ", "6.42 "]),
        pick(&[
            "17 November 2017",
            "Nov 17, 2017",
            "4th May, 2019",
            "2017-11-17",
            "3/5/19",
            "ſeptember 3 2019",
            "June 10, 2022",
            "May",
        ]),
        pick(&[
            "",
            " at 6:42 am",
            " @ 9:38 AM",
            ", 10:42 p.m.",
            " at 6:42",
            " 6:42 ",
        ]),
        pick(&[
            "",
            " - 12 comments",
            " – No Comments",
            " | one response »",
            " · 1,144 replies",
            "  -  3 comments",
            " - 2 - 3 comments",
            "-",
        ]),
        pick(&["", " ", "x", "\u{a0}"]),
    )
        .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f].concat())
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]
    #[test]
    fn the_date_is_where_the_pattern_puts_it(line in prop_oneof![dated(), furniture_like()]) {
        let by_groups = DATE
            .captures(&line)
            .map(|caps| {
                let date = caps.name("date").expect("a date");
                Span::trimmed(&line, date.range())
            });
        prop_assert_eq!(date_span(&line), by_groups, "{:?}", line);
    }

    #[test]
    fn the_literal_gates_never_turn_a_pattern_away(line in prop_oneof![dated(), furniture_like()]) {
        if WRITTEN_BY_DATE.is_match(&line) {
            prop_assert!(starts_with_ignore_ascii_case(&line, b"written"), "{:?}", line);
        }
        if DATE_AND_BYLINE.is_match(&line) {
            prop_assert!(contains_ignore_ascii_case(&line, b"by"), "{:?}", line);
        }
        if BYLINE.is_match(&line) {
            prop_assert!(
                contains_ignore_ascii_case(&line, b"by")
                    || starts_with_ignore_ascii_case(&line, b"author"),
                "{:?}",
                line
            );
        }
    }
}

#[test]
fn a_dates_prefix_opens_with_none_but_the_gates_letters() {
    let opening = regex::Regex::new("(?i)^[bopu]").expect("the letters are a pattern");
    for c in (0..=0x10_ffff).filter_map(char::from_u32) {
        assert_eq!(
            opening.is_match(c.encode_utf8(&mut [0; 4])),
            dates::PREFIX_OPENINGS.contains(&c),
            "{c:?}"
        );
    }
}

#[test]
fn page_chrome() {
    assert_eq!(recognise("Share this:"), Some(Furniture::PageChrome));
    assert_eq!(
        recognise("« Tolls up again | Main | Bridge closed »"),
        Some(Furniture::PageChrome)
    );
    assert_eq!(recognise("« Tolls up again"), None);
    // The newest post and the oldest lack one of the links.
    assert_eq!(
        recognise("« Tolls up again | Main"),
        Some(Furniture::PageChrome)
    );
    assert_eq!(
        recognise("Home | Bridge closed »"),
        Some(Furniture::PageChrome)
    );
    assert_eq!(recognise("« Tolls | up again"), None);
    assert_eq!(recognise("Tolls up | again »"), None);
    let last_step = |line: &'static str| match recognise(line) {
        Some(Furniture::Breadcrumb { last_step }) => Some(last_step.text(line)),
        _ => None,
    };
    assert_eq!(
        last_step("Home › News › Tolls up again"),
        Some("Tolls up again")
    );
    assert_eq!(
        last_step("Home » News »  Tolls up again "),
        Some("Tolls up again")
    );
    assert_eq!(last_step("Tolls » fares"), None);
    assert_eq!(last_step("Home » » Tolls up again"), None);
    assert_eq!(
        recognise("Read more »"),
        Some(Furniture::PostEnd { comments: None })
    );
    assert_eq!(recognise("Share this entry"), Some(Furniture::PageChrome));
    assert_eq!(recognise("Related"), Some(Furniture::PageChrome));
    assert_eq!(recognise("Related to this, the minister resigned."), None);
    assert_eq!(recognise("Macron: No planet B rebuke to Trump"), None);
}

fn date_of(line: &str) -> Option<&str> {
    match recognise(line) {
        Some(Furniture::Date(span)) => Some(span.text(line)),
        _ => None,
    }
}

#[test]
fn dates_in_more_of_the_forms_blogs_print() {
    // A stamp whose link after the bar was lost.
    assert_eq!(
        date_of("March 4, 2010 at 9:42 pm |"),
        Some("March 4, 2010 at 9:42 pm")
    );
    assert_eq!(date_of("The vote was close |"), None);
    assert_eq!(
        date_of("Tuesday :: Feb 5, 2008"),
        Some("Tuesday :: Feb 5, 2008")
    );
    assert_eq!(
        date_of("5 November 2014 · 1:33 pm"),
        Some("5 November 2014 · 1:33 pm")
    );
    assert_eq!(
        date_of("Originally posted: March 17, 2007"),
        Some("March 17, 2007")
    );
    // A byline whose name the scrape left out.
    assert_eq!(
        date_of("Posted on April 09, 2024 by"),
        Some("April 09, 2024")
    );
    assert_eq!(date_of("By on 3.11.14 | 3:07PM"), Some("3.11.14 | 3:07PM"));
    assert_eq!(date_of("By on the pier, 3.11.14"), None);
    assert_eq!(date_of("By Oct 03,2008"), Some("Oct 03,2008"));
    assert_eq!(date_of("By the pier, Oct 03,2008"), None);
    assert_eq!(date_of("By June 30"), None);
    assert_eq!(date_of("By March 4th"), None);
    assert_eq!(date_of("Originally, the vote was on March 17, 2007"), None);
    // Forums' numeric dates, with dashes too, but only with the year whole.
    assert_eq!(
        date_of("03-02-2021, 09:14 AM"),
        Some("03-02-2021, 09:14 AM")
    );
    assert_eq!(date_of("02/03/2021 9:14"), Some("02/03/2021 9:14"));
    assert_eq!(date_of("10-12-15"), None);
    // A badge's boxes run together: month, day and year.
    assert_eq!(date_of("Jun072012"), Some("Jun072012"));
    assert_eq!(date_of("June072012"), Some("June072012"));
    assert_eq!(date_of("Jun0712"), None);
    assert_eq!(date_of("Mayfair2012"), None);
}

#[test]
fn a_date_alone_on_its_line_may_leave_out_its_year() {
    assert_eq!(date_of("Nov 23"), Some("Nov 23"));
    assert_eq!(date_of("Monday, March 4th"), Some("Monday, March 4th"));
    assert_eq!(date_of("Posted on April 9 by"), Some("April 9"));
    assert_eq!(date_of("16 Apr"), Some("16 Apr"));
    assert_eq!(date_of("3rd June"), Some("3rd June"));
    // A month and a year, or a month and a day in a sentence, are no date.
    assert_eq!(date_of("Nov 2019"), None);
    assert_eq!(date_of("On May 4 the council met again."), None);
    assert_eq!(date_of("May 4 protests"), None);
    assert_eq!(date_of("4 May protests"), None);
    assert_eq!(date_of("16 Apps"), None);
}

#[test]
fn datelines_give_the_date_and_the_comment_count() {
    assert_eq!(
        recognise("Friday, 30 November 2007 State of the parties Comments Off"),
        byline(None, Some("Friday, 30 November 2007"), None)
    );
    assert_eq!(
        recognise("Sunday, 25 November 2007 Key posts, State of the parties 4 Comments"),
        byline(None, Some("Sunday, 25 November 2007"), Some(4))
    );
    assert_eq!(
        recognise("[ 32 ] December 29, 2012 |"),
        byline(None, Some("December 29, 2012"), Some(32))
    );
    assert_eq!(recognise("17 November 2017 the talks failed"), None);
    assert_eq!(
        recognise("17 November 2017: the talks failed again today"),
        None
    );
}

#[test]
fn bylines_with_handles_and_trailing_links() {
    assert_eq!(
        recognise("By saul_relative - E-mail this page - Add to My Favorites"),
        byline(Some("saul_relative"), None, None)
    );
    assert_eq!(
        recognise("Posted by: jroe | May 4, 2010 1:07 PM | Report abuse"),
        byline(Some("jroe"), Some("May 4, 2010 1:07 PM"), None)
    );
    let line = "Author: Jane Roe";
    match recognise(line) {
        Some(author_box @ Furniture::AuthorBox(name)) => {
            assert_eq!(name.text(line), "Jane Roe");
            assert!(!author_box.follows_title());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        archive_author("Author Page for Jane Roe"),
        Some(Some("Jane Roe"))
    );
}

/// The author an archive header names, if `line` is one.
fn archive_author(line: &str) -> Option<Option<&str>> {
    match recognise(line)? {
        Furniture::ArchiveHeader { author } => Some(author.map(|name| name.text(line))),
        _ => None,
    }
}

#[test]
fn furniture_is_held_in_sixteen_bytes() {
    // A thread has a dated line for every comment, all held at once.
    assert!(size_of::<Furniture>() <= 16, "{}", size_of::<Furniture>());
}

#[test]
fn what_a_comment_area_prints_about_itself() {
    for line in [
        "Comments are closed.",
        "Reader comments are listed below. Comments are currently closed and new comments are no longer being accepted.",
    ] {
        assert_eq!(
            recognise(line),
            Some(Furniture::PostEnd { comments: None }),
            "{line}"
        );
    }
    for line in [
        "You must be logged in to post a comment.",
        "Your email address will not be published. Required fields are marked *",
        "Subscribe to comments with RSS.",
    ] {
        assert_eq!(recognise(line), Some(Furniture::PageChrome), "{line}");
    }
    for (line, form) in [
        ("Readers' comments", false),
        ("View all comments", false),
        ("Leave a Reply", true),
    ] {
        assert_eq!(
            recognise(line),
            Some(Furniture::CommentsHeader {
                comments: None,
                form
            }),
            "{line}"
        );
    }
    assert_eq!(
        recognise("Your comments on the budget were scathing."),
        None
    );
}

#[test]
fn navigation_and_pagers_are_chrome() {
    for line in [
        "Skip to content",
        "Skip to main content",
        "Back to blog",
        "Print Friendly",
        "Notify of",
        "Inline Feedbacks",
        "Subscribe via RSS Feed",
        "1 2 3 4",
        "« 1 2 3 »",
    ] {
        assert_eq!(recognise(line), Some(Furniture::PageChrome), "{line}");
    }
    assert_eq!(recognise("Back to the drawing board for the council"), None);
    assert_eq!(recognise("1 2 3 go"), None);
}

#[test]
fn a_stamp_in_utc_under_a_label_word_gives_its_date() {
    assert_eq!(
        labelled_utc_stamp("Date:October 8th, 2009 03:45 am (UTC)"),
        Some("October 8th, 2009 03:45 am")
    );
    assert_eq!(
        labelled_utc_stamp("Datum: 2009-10-08 11:00 am (UTC)"),
        Some("2009-10-08 11:00 am")
    );
    for not_one in [
        "Posted by Jo: October 8th, 2009 03:45 am (UTC)",
        "Date: fern_owl on March 4th, 2009 06:09 am (UTC)",
        "Date: the next meeting (UTC)",
        ": October 8th, 2009 03:45 am (UTC)",
        "October 8th, 2009 03:45 am (UTC)",
    ] {
        assert_eq!(labelled_utc_stamp(not_one), None, "{not_one}");
    }
    // Never a wrapped line of the comment above it.
    assert!(is_whole_line("Date:October 8th, 2009 03:45 am (UTC)"));
}

#[test]
fn a_stamp_in_utc_is_a_comments_and_no_furniture() {
    assert_eq!(
        utc_stamp("2009-03-04 05:12 pm (UTC)"),
        Some((None, "2009-03-04 05:12 pm"))
    );
    assert_eq!(
        utc_stamp("fern_owl on March 4th, 2009 06:09 am (UTC)"),
        Some((Some("fern_owl"), "March 4th, 2009 06:09 am"))
    );
    assert_eq!(
        utc_stamp("fern_owl\u{a0}on\u{a0}March 4th, 2009 06:09 am (UTC)"),
        Some((Some("fern_owl"), "March 4th, 2009 06:09 am"))
    );
    // The thread walk reads it as a label: it is not set aside.
    assert_eq!(
        recognise("fern_owl on March 4th, 2009 06:09 am (UTC)"),
        None
    );
    // No zone: a post's dateline, furniture as before.
    assert_eq!(utc_stamp("March 4th, 2009 06:09 am"), None);
    assert!(recognise("March 4th, 2009 06:09 am").is_some());
    // Words that are no name before the date.
    assert_eq!(utc_stamp("The vote held on March 4th, 2009 (UTC)"), None);
    assert_eq!(utc_stamp("Talks resume at 5 pm (UTC)"), None);
}

#[test]
fn archive_headings_footers_and_pagers_of_wordpress_pages() {
    assert_eq!(
        recognise("Month: March 2011"),
        Some(Furniture::ArchiveHeader { author: None })
    );
    assert_eq!(
        recognise("Year: 2011"),
        Some(Furniture::ArchiveHeader { author: None })
    );
    // A title that opens on the word is no heading.
    assert_eq!(recognise("Month: a long one for the council"), None);
    assert_eq!(recognise("Year of the ferry"), None);
    assert!(matches!(
        recognise("Published in Harbour, Boats | 2 Comments"),
        Some(Furniture::Tags(line)) if line.tags == ["Harbour", "Boats"] && line.comments == Some(2)
    ));
    assert_eq!(
        recognise("Published in Quarry | Leave a Comment"),
        footer_to_form(&["Quarry"])
    );
    // The footer of a theme that prints the date after the categories
    // and the link with no bar: neither is a tag.
    assert_eq!(
        recognise("Published in: on May 4, 2009 at 7:07 pm  Leave a Comment"),
        footer_to_form(&[])
    );
    assert_eq!(
        recognise("Published in: Harbour on May 4, 2009 at 7:07 pm  Leave a Comment"),
        footer_to_form(&["Harbour"])
    );
    assert!(recognise("Tags: harbour, boats").is_some_and(|f| !f.ends_post()));
    assert_eq!(
        recognise("Filed under: Life on Mars, 2020 votes"),
        tag_line(&["Life on Mars", "2020 votes"], None)
    );
    assert!(recognise("Published in Quarry | Leave a Comment").is_some_and(|f| f.ends_post()));
    assert_eq!(
        recognise("Published in the county paper, the letter drew replies."),
        None
    );
    assert_eq!(recognise("Pages: 1 [2]"), Some(Furniture::PageChrome));
    assert_eq!(recognise("Pages: 1 2 3"), Some(Furniture::PageChrome));
    assert_eq!(recognise("Pages: the ferry diaries"), None);
}

#[test]
fn a_line_of_fields_that_ends_in_a_date_is_a_dateline() {
    let line = "Opinion | | October 13, 2013, 5:00 pm";
    let Some(Furniture::Date(date)) = recognise(line) else {
        panic!("{:?}", recognise(line));
    };
    assert_eq!(date.text(line), "October 13, 2013, 5:00 pm");
    assert!(matches!(
        recognise("Letters | Jo Lee | May 4, 2010"),
        Some(Furniture::Date(_))
    ));
    assert_eq!(recognise("The vote | held on October 13, 2013"), None);
    assert!(matches!(
        recognise("Posted by: rangi_t | May 4, 2010 at 14:22"),
        Some(Furniture::Byline(byline)) if byline.author.as_deref() == Some("rangi_t")
    ));
    assert_eq!(
        recognise("The vote was lost, as ever. | October 13, 2013"),
        None
    );
}

#[test]
fn links_to_the_previous_and_next_posts_behind_their_labels_are_chrome() {
    for line in [
        "Previous articleTolls up again",
        "Next post: Bridge closed",
        "Previous article Tolls up again Next article Bridge closed",
        "Next articleFerry fares: a modest proposal???",
    ] {
        assert_eq!(recognise(line), Some(Furniture::PageChrome), "{line}");
    }
    for line in [
        "Next post I will look at the ferries.",
        "Previous articles on the toll said the same.",
    ] {
        assert_eq!(recognise(line), None, "{line}");
    }
}

#[test]
fn a_journals_mood_and_music_lines_are_chrome() {
    assert_eq!(recognise("[mood | tired]"), Some(Furniture::PageChrome));
    assert_eq!(
        recognise("[music | Tarn Vale - Low Tide]"),
        Some(Furniture::PageChrome)
    );
    assert_eq!(
        recognise("Current Mood: giddy giddy"),
        Some(Furniture::PageChrome)
    );
    assert_eq!(
        recognise("Current Location: the ferry"),
        Some(Furniture::PageChrome)
    );
    // A title may open on the same word; a bracket may hold a note.
    assert_eq!(recognise("Mood: the island in March"), None);
    assert_eq!(recognise("[Updated: the board replied]"), None);
    assert_eq!(recognise("Current music was never better"), None);
}

#[test]
fn a_time_of_day_alone_is_told_from_a_title() {
    assert!(is_time_of_day("05:12 pm"));
    assert!(is_time_of_day("23:40"));
    assert!(is_time_of_day("9:15 A.M."));
    assert!(is_time_of_day("10:18 AM ET"));
    assert!(is_time_of_day("22:05 NZST"));
    assert!(!is_time_of_day("10:18 AM et al"));
    assert!(!is_time_of_day("5 pm"));
    assert!(!is_time_of_day("12:30 and counting"));
    assert!(!is_time_of_day("Act 3:16"));
    assert!(!is_time_of_day("1:2é"));
}

#[test]
fn a_byline_on_by_alone_is_a_posts() {
    assert!(is_plain_byline("By Jane Smith | May 4, 2010"));
    assert!(is_plain_byline("-By Jane Smith"));
    assert!(is_plain_byline("by: jdoe"));
    assert!(!is_plain_byline("Posted by: Jane Smith | May 4, 2010"));
    assert!(!is_plain_byline("Byways of the old town"));
}

#[test]
fn a_machines_stamp_run_into_the_date_for_people_gives_that_date() {
    assert_eq!(
        date_of("2019-03-18T18:47:42-05:00August 1st, 2012|"),
        Some("August 1st, 2012")
    );
    assert_eq!(
        date_of("2021-11-02T09:15Z2 November 2021"),
        Some("2 November 2021")
    );
    assert_eq!(
        date_of("2019-03-18T18:47:42-05:00 May 4, 2010"),
        Some("May 4, 2010")
    );
    assert_eq!(
        date_of("2019-03-18T18:47:42+00:00"),
        Some("2019-03-18T18:47:42+00:00")
    );
    assert_eq!(
        recognise("2019-03-18T18:47:42-05:00August 1st, 2012|Tags: harbour, tolls|"),
        dated_tags("August 1st, 2012", &["harbour", "tolls"], None)
    );
    // After the stamp, words that are no furniture of a post.
    assert_eq!(
        recognise("2019-03-18T18:47:42-05:00The ferry runs late again"),
        None
    );
    assert_eq!(recognise("2019-03-18 at noon the council met"), None);
}

fn dated_tags(date: &str, tags: &[&str], comments: Option<u32>) -> Option<Furniture> {
    Some(Furniture::Byline(Box::new(Byline {
        author: None,
        date: Some(date.to_string()),
        comments,
        tags: tags.iter().map(|tag| tag.to_string()).collect(),
    })))
}

#[test]
fn a_dateline_may_end_in_a_tag_line() {
    assert_eq!(
        recognise("August 1st, 2012|Tags: harbour, tolls|"),
        dated_tags("August 1st, 2012", &["harbour", "tolls"], None)
    );
    assert_eq!(
        recognise("May 4, 2010 | Filed under: Local | 3 Comments"),
        dated_tags("May 4, 2010", &["Local"], Some(3))
    );
    assert_eq!(
        recognise("August 1st, 2012 tags were the least of it"),
        None
    );
}

#[test]
fn a_sites_path_alone_on_a_line_is_chrome() {
    for line in ["/letters", "/local-news", "/opinion_2019"] {
        assert_eq!(recognise(line), Some(Furniture::PageChrome), "{line}");
    }
    for line in [
        "/s",
        "/snark",
        "/rant",
        "/etc/passwd",
        "/ the board",
        "and/or",
        "/letters to the editor",
    ] {
        assert_ne!(recognise(line), Some(Furniture::PageChrome), "{line}");
    }
}

#[test]
fn a_days_heading_in_another_language_is_a_date() {
    for line in [
        "mercredi 30 décembre 2009",
        "Mittwoch, 30. Dezember 2009",
        "miércoles, 30 de diciembre de 2009",
        "quarta-feira, 30 de dezembro de 2009",
        "woensdag 30 december 2009",
        "30 dicembre 2009",
        "1er mai 2012",
    ] {
        assert_eq!(date_of(line), Some(line), "{line}");
    }
    for line in [
        "30 Mars 2009 launch",
        "Chapter nine: 30 mars 2009",
        "Remembering 11 September 2001",
        "Since 1 December 2009",
        "Mars 2009",
    ] {
        assert_eq!(date_of(line), None, "{line}");
    }
}

#[test]
fn the_platforms_credit_trackbacks_and_picture_credits_are_chrome() {
    for line in [
        "Powered by Movable Type 3.34",
        "Proudly powered by WordPress",
        "No TrackBacks",
        "TrackBacks (2)",
        "TrackBack URL for this entry:",
        "Photo source: K. Marsh / Harbour Post",
        "Image credit: K. Marsh",
    ] {
        assert_eq!(recognise(line), Some(Furniture::PageChrome), "{line}");
    }
    for line in [
        "Powered by spite, the council pressed on",
        "Powered by Coffee",
        "Powered by the People",
        "TrackBack URL is broken, says reader",
        "Photo finish at the regatta",
        "Trackbacks and other relics of the blogging age",
    ] {
        assert_ne!(recognise(line), Some(Furniture::PageChrome), "{line}");
    }
}

#[test]
fn a_journal_entrys_header_fields_give_its_date_and_who_may_read_it() {
    let field_date = |line| match date_field(line) {
        Some(Furniture::Date(span)) => Some(span.text(line)),
        _ => None,
    };
    assert_eq!(
        field_date("Date: 2008-09-26 22:48"),
        Some("2008-09-26 22:48")
    );
    assert_eq!(field_date("DATE:  May 4, 2010"), Some("May 4, 2010"));
    assert_eq!(field_date("Date: the next meeting"), None);
    // A comment's stamp in UTC is the thread's to read.
    assert_eq!(field_date("Date: 2008-09-26 22:06 (UTC)"), None);
    // Alone, the field is no furniture: a quoted message prints it too.
    assert_eq!(date_of("Date: 2008-09-26 22:48"), None);
    assert!(is_journal_field("Security: Public"));
    assert!(is_journal_field("Music:the news quiz"));
    assert!(is_journal_field("Current Mood: tired"));
    assert!(!is_journal_field("Subject: tolls"));
    assert!(!is_journal_field("Securityguard: Jo"));
}
