//! Archives in the shapes real blogs print them, written for these tests:
//! a front page, a monthly archive, a tag archive of excerpts, an author
//! archive, post pages with comment threads, and a front page whose posts
//! end in footers that link to their comments, and a news site's letters
//! under lines of fields that end in a date, and a journal's entries
//! under "Journal by <name>" bylines, quotations credited after a dash,
//! a front page whose posts run under headings of their own, one that
//! files its titles under section names, one whose bylines stand under
//! each teaser, one that prints the same link after every post, and a
//! tag archive of a series whose titles open with its name, a listing
//! whose datelines run into its titles, a category archive whose titles
//! have colons and dashes, and a daily archive whose posts end in
//! "Comments Off on" their titles, a category archive whose dates
//! run into or under its titles, a category archive of two titles
//! over teasers cut short, a daily archive with the editor's note
//! between two days, a listing of two columns under the page's name,
//! a listing printed line under line with its excerpts cut short, a
//! category archive whose titles stand under a day and a month, a
//! listing whose titles stand under bylines with no name, a journal
//! whose dates head posts with no titles or with headings that end in a
//! colon, a monthly archive with a post of one sentence, a category
//! archive whose footers list the other categories, a listing whose
//! titles number their parts after trailing dots, a listing whose
//! headlines open on a quoted phrase, an archive whose heading lost
//! its name, a listing whose pictures' captions name its titles, one
//! that labels its titles in lower case, and one under a stack of the
//! page's headings, one whose datelines open on a machine's stamp, and
//! one under day headings in another language, and a listing of titles
//! over excerpts whose short titles read as names, and one whose titles
//! open on a year under pictures' captions, a day's page of titled posts
//! each signed with its time under its text, and days of untitled posts
//! that open on the headline they quote, and a listing whose writers'
//! names stand glued over its teasers.
//! Each is read as written
//! and in variants (posts reordered, CRLF line ends, non-breaking spaces,
//! tabs for indentation, extra blank lines), and every variant must give
//! the same posts and comments.

#[path = "common/archives.rs"]
mod archives;

use archives::*;
use pundit::model::{BlockKind, Source};

#[test]
fn a_front_page_with_bylines_and_tag_lines() {
    let expected = [
        post(
            "Councillors split on congestion charge",
            Some("Jane Smith"),
            Some("November 26th, 2014 at 4:22 pm"),
            &["congestion", "Auckland Council"],
            None,
            4,
            &[],
        ),
        post(
            "Ferry fares – a modest proposal",
            Some("Bob Jones"),
            Some("November 25th, 2014 at 9:05 am"),
            &["ferries", "fares"],
            None,
            4,
            &[],
        ),
        post(
            "Guest post: a little populism",
            Some("Jo Martin"),
            Some("November 24th, 2014 at 7:00 am"),
            &[],
            None,
            4,
            &[],
        ),
    ];
    let archive = fixture("front_page.txt");
    check(&archive, &expected, &[&[2, 0, 1], &[1, 2, 0]]);
    // The citations in their real forms, each with the quote it introduces.
    let posts = parse(&archive);
    let outlets: Vec<Vec<(Option<&str>, Option<&str>)>> = posts
        .iter()
        .map(|p| {
            p.sources
                .iter()
                .map(|s| (s.outlet.as_deref(), s.headline.as_deref()))
                .collect()
        })
        .collect();
    assert_eq!(
        outlets,
        [
            vec![(
                Some("Stuff"),
                Some("Council split on congestion charge vote")
            )],
            vec![(Some("The Herald"), None)],
            vec![(Some("Otago Daily Times"), None)],
        ]
    );
    for post in &posts {
        assert_eq!(post.blocks_citing(0).count(), 2, "{}", post.title);
    }
}

#[test]
fn a_monthly_archive_with_a_header_and_read_more_teasers() {
    let expected = [
        post("The week the buses stopped", None, None, &[], None, 1, &[]),
        post("A picture of the new bridge", None, None, &[], None, 0, &[]),
        post(
            "Why ferry fares will rise again",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Ward boundaries: a fix nobody asked for",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
    ];
    check(
        &fixture("monthly_archive.txt"),
        &expected,
        &[&[3, 1, 0, 2], &[1, 3, 2, 0]],
    );
}

#[test]
fn a_tag_archive_of_excerpts_cut_short() {
    // Title-cased titles over excerpts that end in "[…]" with nothing
    // between the posts: each title a post, not a name over a comment.
    let expected = [
        post("Harbour Board Blues", None, None, &[], None, 1, &[]),
        post("Quarry Road Closes", None, None, &[], None, 1, &[]),
        post("Tolls by Stealth", None, None, &[], None, 2, &[]),
        post("Gravel Levy Again", None, None, &[], None, 1, &[]),
    ];
    let archive = fixture("tag_archive_excerpts.txt");
    check(&archive, &expected, &[&[3, 1, 0, 2], &[1, 3, 2, 0]]);
    // An excerpt cut short after a line or two ends at its "[…]" all the
    // same: the line under it is the next post's title.
    let cut = archive
        .lines()
        .find(|l| l.starts_with("What bothers me"))
        .expect("the fixture's line");
    let short = archive.replace(cut, "What bothers me is the way it was done […]");
    check(&short, &expected, &[&[0, 2, 1, 3]]);
}

#[test]
fn a_front_page_whose_titles_read_as_names() {
    // Day headings over titles, two posts under the second day: a title
    // that is a person's name ("Tamsin Rook") over prose, then two more
    // short lines over prose, are posts of a front page, not a thread of
    // comments straight under a date. "[A clip from …:]" leads on, so it
    // heads nothing, and "Or:" names no contributor.
    let expected = [
        post(
            "Harbour Swaps and Other Notes",
            None,
            Some("Thursday, March 9, 2006"),
            &[],
            None,
            4,
            &[],
        ),
        post(
            "Tamsin Rook",
            None,
            Some("Wednesday, March 8, 2006"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "It's Settled",
            None,
            Some("Wednesday, March 8, 2006"),
            &[],
            None,
            5,
            &[],
        ),
    ];
    check(&fixture("front_page_named_titles.txt"), &expected, &[]);
}

#[test]
fn a_listing_whose_bylines_lost_their_names() {
    // "By" alone under every title, the author's link dropped by the
    // scrape: a byline with no name, so each title heads a post of its
    // own rather than a comment signed "By".
    let expected = [
        post(
            "Ferry timetables and the art of the excuse",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
        post(
            "A quarry road that nobody asked for",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Away from the desk this week",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
        post(
            "What the rates rise pays for",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
    ];
    check(
        &fixture("listing_nameless_bylines.txt"),
        &expected,
        &[&[2, 0, 3, 1]],
    );
}

#[test]
fn an_author_archive_with_written_by_lines() {
    // The second line leaves the name out; the archive's header names the
    // author of all its posts.
    let expected = [
        post(
            "Harbour crossing: another delay",
            Some("Sam Taylor"),
            Some("8:05 am, June 3rd, 2019"),
            &["transport", "harbour", "crossing"],
            Some(14),
            2,
            &[],
        ),
        post(
            "Buses – late again",
            Some("Sam Taylor"),
            Some("7:40 am, June 4th, 2019"),
            &["transport", "buses"],
            Some(9),
            1,
            &[],
        ),
        post(
            "Rates rise: what it means",
            Some("Sam Taylor"),
            Some("6:30 pm, June 5th, 2019"),
            &["local body", "rates"],
            Some(0),
            1,
            &[],
        ),
    ];
    check(
        &fixture("author_archive.txt"),
        &expected,
        &[&[1, 2, 0], &[2, 1, 0]],
    );
}

fn thread_named() -> Seen {
    post(
        "Open thread: the harbour bridge",
        Some("Jane Smith"),
        Some("6:00 am, July 16th, 2020"),
        &["open thread", "bridge"],
        Some(7),
        1,
        &[
            (
                Some("Rangi"),
                None,
                "The bridge tolls rose again this week and nobody noticed, which says a lot about how little we expect.",
            ),
            (
                Some("mike_s"),
                Some(0),
                "They always rise in winter, when fewer people cycle across.",
            ),
            (
                Some("pat"),
                Some(1),
                "Not this year. / RNZ: Bridge tolls to rise in March",
            ),
            (Some("Tui"), Some(0), ""),
            (
                Some("Jo Martin"),
                None,
                "Has anyone tried the new ferry timetable? / It is worse than the old one.",
            ),
            (Some("Rangi"), Some(4), "Yes, and I agree."),
            (Some("Sam"), None, "Quiet day."),
        ],
    )
}

fn thread_bare() -> Seen {
    post(
        "Why the buses are late",
        Some("Jane Smith"),
        Some("3 May 2019"),
        &[],
        Some(4),
        2,
        &[
            (
                None,
                None,
                "The figures leave out cancelled services, so the real picture is worse than this.",
            ),
            (
                None,
                None,
                "My bus was on time twice last week, which felt like a record.",
            ),
            (
                None,
                Some(1),
                "Twice is more than mine managed. / Mine too.",
            ),
            (None, Some(1), "Same here, every day this week."),
            (None, None, "Has anyone asked the drivers what they think?"),
        ],
    )
}

fn thread_deep() -> Seen {
    post(
        "Ferry fares: the argument goes on",
        Some("Bob Jones"),
        Some("8:00 am, July 17th, 2020"),
        &["ferries", "fares"],
        Some(8),
        1,
        &[
            (Some("ann"), None, "Fares should fall, not rise."),
            (Some("bob"), Some(0), "Then who pays for the boats?"),
            (Some("cy"), Some(1), "The council, as it does for buses."),
            (Some("dee"), Some(2), "Buses are not boats."),
            (Some("ed"), Some(3), "Both carry people across the city."),
            // Printed at the depth of "ed", but labelled as its reply, and
            // the next as a reply to that.
            (Some("fay"), Some(4), "Only one of them sinks."),
            (Some("ann"), Some(5), "That has never happened here."),
            (Some("gus"), None, "Nobody has mentioned the timetable."),
        ],
    )
}

#[test]
fn a_post_page_with_named_labels_and_dotted_positions() {
    check(&fixture("thread_named.txt"), &[thread_named()], &[]);
}

#[test]
fn a_post_page_with_bare_markers() {
    check(&fixture("thread_bare.txt"), &[thread_bare()], &[]);
}

#[test]
fn a_post_page_with_a_thread_deeper_than_the_blog_prints() {
    check(&fixture("thread_deep.txt"), &[thread_deep()], &[]);
}

#[test]
fn post_pages_one_after_another_keep_their_threads() {
    let pages = [
        fixture("thread_named.txt"),
        fixture("thread_bare.txt"),
        fixture("thread_deep.txt"),
    ];
    let expected = [thread_named(), thread_bare(), thread_deep()];
    for order in [[0, 1, 2], [2, 0, 1], [1, 2, 0]] {
        let archive: String = order.iter().map(|&i| format!("{}\n", pages[i])).collect();
        let expected: Vec<&Seen> = order.iter().map(|&i| &expected[i]).collect();
        for (name, variant) in reformatted(&archive) {
            let got: Vec<Seen> = parse(&variant).iter().map(seen).collect();
            assert_eq!(
                got.iter().collect::<Vec<_>>(),
                expected,
                "{name}, {order:?}"
            );
        }
    }
}

/// A Blogger archive page scraped with no blank lines: a date over each
/// day's posts, most of them only a title, the blog's name and tagline
/// above the first date.
#[test]
fn an_archive_with_titles_stacked_under_date_headers() {
    let tuesday = Some("Tuesday, June 30, 2020");
    let monday = Some("Monday, June 29, 2020");
    let expected = [
        post("Tolls up again", None, tuesday, &[], None, 0, &[]),
        post("Buses late again?", None, tuesday, &[], None, 0, &[]),
        post("Ferries dearer than ever", None, tuesday, &[], None, 1, &[]),
        post("Trains on time, for once", None, monday, &[], None, 0, &[]),
        post("Rates rise again", None, monday, &[], None, 0, &[]),
        post(
            "Parking fines doubled",
            None,
            Some("Sunday, June 28, 2020"),
            &[],
            None,
            1,
            &[],
        ),
    ];
    // Reordered posts would leave each date over the wrong title: the
    // variants keep the page's order.
    check(&fixture("blogger_date_stacks.txt"), &expected, &[]);
}

/// A post page whose readers' comments are a numbered list with no names
/// and no header, a reply nested behind a bullet, after a wider gap than
/// the page's usual one; a print link above the title.
#[test]
fn a_post_page_with_a_thread_of_unnamed_numbered_comments() {
    let expected = [post(
        "Tolls up again",
        Some("Jane Smith"),
        Some("May 4, 2015"),
        &[],
        None,
        2,
        &[
            (
                None,
                None,
                "I doubt the minister read the report before she signed it off. / Nor did most of the council, judging by the debate.",
            ),
            (None, Some(0), "Neither did the committee that wrote it."),
            (
                None,
                None,
                "Two hundred dollars is a week's groceries for some of us.",
            ),
            (None, None, "The tolls paid for the bridge long ago."),
        ],
    )];
    check(&fixture("thread_unnamed.txt"), &expected, &[]);
}

/// A Blogger post page: "NAME said..." labels with the picture's words
/// before the name ("Anonymous Jane Roe", "Blogger …"), display names of
/// any words, and each comment's bare time under its text.
#[test]
fn a_blogger_post_page_with_names_of_any_words() {
    let expected = [post(
        "Tolls up again",
        Some("Jane Smith"),
        Some("Tuesday, May 4, 2010"),
        &[],
        Some(4),
        1,
        &[
            (
                Some("Jane Roe"),
                None,
                "I doubt the minister read the report before she signed it off.",
            ),
            (
                Some("A quiet observer"),
                None,
                "Two hundred dollars is a week's groceries for some of us.",
            ),
            (
                Some("Anonymous"),
                None,
                "The tolls paid for the bridge long ago.",
            ),
            (Some("Walker On Tour"), None, "Nor did the committee."),
        ],
    )];
    check(&fixture("thread_blogger.txt"), &expected, &[]);
}

/// An archive page with navigation and a tagline above the first title,
/// and titles that read as a citation, trail off, open with a quotation
/// mark or ask a question.
#[test]
fn an_archive_whose_titles_look_like_citations_quotes_and_lead_ins() {
    let expected = [
        post(
            "Senate race: Smith pulls ahead",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
        post("When pollsters write…", None, None, &[], None, 1, &[]),
        post("‘No-Deal Smith’", None, None, &[], None, 1, &[]),
        post(
            "Will the ferries ever run on time?",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
    ];
    check(
        &fixture("tricky_titles.txt"),
        &expected,
        &[&[3, 2, 1, 0], &[1, 0, 3, 2]],
    );
}

/// A post page with a Disqus thread: a count header, then each comment
/// under "Name • 6 years ago", a "Reply" line after it.
#[test]
fn a_post_page_with_a_disqus_thread() {
    let expected = [post(
        "Tolls up again",
        Some("Jane Smith"),
        None,
        &[],
        Some(12),
        2,
        &[
            (
                Some("Jane Roe"),
                None,
                "I doubt the minister read the report before she signed it off.",
            ),
            (
                Some("harbour_watcher"),
                None,
                "Two hundred dollars is a week's groceries for some of us.",
            ),
            (
                Some("Bob Jones"),
                None,
                "The tolls paid for the bridge long ago.",
            ),
        ],
    )];
    check(&fixture("thread_disqus.txt"), &expected, &[]);
}

/// Threads read from plain text survive the native JSON: load → export →
/// load → export is byte-identical, comments and all.
#[test]
fn threads_round_trip_through_the_native_json() {
    use pundit::import::json;
    use pundit::model::Corpus;
    let archive: String = ["thread_named.txt", "thread_bare.txt", "thread_deep.txt"]
        .iter()
        .map(|name| format!("{}\n", fixture(name)))
        .collect();
    let corpus = Corpus::new(parse(&archive), None);
    let first = json::export(&corpus);
    let (posts, topics) = json::parse("export", &first).expect("the export loads");
    let again = json::export(&Corpus::new(posts, Some(topics)));
    assert_eq!(first, again);
    assert_eq!(first.matches("\"parent\": ").count(), 7 + 5 + 8);
    assert!(first.contains("\"label\": \"1.1.1.1.1.1.1\""));
}

/// An archive page whose cartoons have a caption glued under their
/// dateline and a teaser that is only its links ("Share more »"): the
/// caption is the cartoon's text, the links its teaser.
#[test]
fn an_archive_with_captions_glued_under_datelines() {
    let cartoon = |title, date| post(title, None, Some(date), &[], None, 2, &[]);
    let column = |title, date| post(title, None, Some(date), &[], None, 1, &[]);
    let expected = [
        cartoon("Cartoon – The bridge deal", "Mon 14 April 2015, 3:08pm"),
        column("Tolls up again", "Fri 11 April 2015, 8:20am"),
        cartoon("Cartoon – The depot", "Tue 8 April 2015, 9:49am"),
        column("Buses late again", "Tue 4 March 2015, 9:39pm"),
        column("Ferries dearer", "Fri 27 February 2015, 7:02am"),
    ];
    check(
        &fixture("captions_under_dates.txt"),
        &expected,
        &[&[1, 0, 3, 2, 4], &[4, 2, 3, 0, 1]],
    );
}

/// A post page whose comments each have a "Posted by: name | date |
/// Report abuse" line under them, one comment a sentence whose link the
/// scrape dropped ("… at").
#[test]
fn a_post_page_with_report_abuse_bylines_under_comments() {
    let expected = [post(
        "Tolls up again",
        Some("Jane Smith"),
        None,
        &[],
        None,
        2,
        &[
            (
                Some("Jane Roe"),
                None,
                "The tolls were never the problem; the fares are, and they keep going up while the service gets worse.",
            ),
            (
                Some("Sam Poe"),
                None,
                "Sign the petition to the party chair at",
            ),
            (
                Some("Ann Lee"),
                None,
                "I take the early sailing every day and it has been late three times this week, and nobody will explain why.",
            ),
        ],
    )];
    check(&fixture("thread_report_abuse.txt"), &expected, &[]);
}

#[test]
fn a_front_page_whose_posts_end_in_footers_that_link_to_the_comments() {
    // No dateline or byline under the titles: each post ends in a footer
    // of two lines ("Published in: on <date>  Leave a Comment" over
    // "Tags: , ,"), whose link to the comments ends the post. One post's
    // title was lost: its first line stands for it.
    let expected = [
        post("Who wrote this?", None, None, &[], None, 2, &[]),
        post("A quiet win", None, None, &[], None, 2, &[]),
        post(
            "The harbour master stood down yesterday.",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
        post("Board resolution 8", None, None, &[], None, 1, &[]),
    ];
    check(
        &fixture("front_page_footers_with_links.txt"),
        &expected,
        &[&[1, 0, 2, 3]],
    );
}

#[test]
fn a_news_sites_letters_under_lines_of_fields_that_end_in_a_date() {
    // "Letters | | <date>" over each title: a section, a byline left
    // empty, the date. A photo's caption with its credit is no title.
    let expected = [
        post(
            "The toll that was meant to end",
            None,
            Some("March 3, 2014, 6:00 pm"),
            &[],
            None,
            4,
            &[],
        ),
        post(
            "Ferry fares and the weekend gap (3 letters)",
            None,
            Some("March 1, 2014, 5:03 pm"),
            &[],
            None,
            3,
            &[],
        ),
    ];
    // The datelines stand above the titles: posts cut at their titles
    // would leave each its neighbour's date, so the order is kept.
    check(&fixture("news_letters_dated_fields.txt"), &expected, &[]);
}

#[test]
fn a_journals_list_of_entries_each_under_a_byline_that_names_the_journal() {
    // "Journal by <name>" under each entry's title is a byline, not the
    // name line of a comment: the entries are posts, under the page's
    // "User Journal" header.
    let expected = [
        post(
            "Journal: Moderators, a request",
            Some("Hesper Quill"),
            None,
            &[],
            None,
            5,
            &[],
        ),
        post(
            "Journal: The ferry vote! 7",
            Some("Hesper Quill"),
            None,
            &[],
            None,
            2,
            &[],
        ),
    ];
    check(&fixture("journal_list_bylines.txt"), &expected, &[]);
}

#[test]
fn quotations_credited_after_a_dash_quote_whom_they_name() {
    // "— Name" on the line under a quotation, or after it on its own line,
    // credits it: the credit is no title, and the quotation quotes a
    // source of that name. Typed with a hyphen, the credit is read as a
    // list item of its own, and credits all the same.
    let expected = [
        post(
            "The harbour board and its pier",
            None,
            None,
            &[],
            None,
            6,
            &[],
        ),
        post(
            "What the papers made of the car park",
            None,
            None,
            &[],
            None,
            7,
            &[],
        ),
    ];
    let archive = fixture("quotes_credited_after.txt");
    // A line over a quotation reads as its lead-in, not a title: the post
    // that opens on one keeps its place at the archive's start.
    check(&archive, &expected, &[]);
    for (variant, text) in reformatted(&archive) {
        let posts = parse(&text);
        let credited: Vec<Vec<(String, String)>> = posts
            .iter()
            .map(|post| {
                post.blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::Quote)
                    .map(|b| {
                        let source =
                            &post.sources[b.source.expect("a quote has a source") as usize];
                        let opening: String = b.text.chars().take(12).collect();
                        (opening, source.label())
                    })
                    .collect()
            })
            .collect();
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(quote, by)| (quote.to_string(), by.to_string()))
                .collect()
        };
        assert_eq!(
            credited,
            vec![
                pairs(&[
                    ("“The pier wi", "Dana Whitlow"),
                    ("“We are comm", "Mayor Pell Carrow"),
                ]),
                pairs(&[
                    ("\"A building ", "Harbour Post"),
                    ("\"It will pay", "Pell Carrow"),
                    ("“Twice the b", "Coastal Times"),
                    ("“The car par", "Ari Moana"),
                ]),
            ],
            "{variant}"
        );
    }
}

#[test]
fn a_front_page_whose_posts_run_under_headings_of_their_own() {
    // Every post has its dateline and byline under its title; the headings
    // inside the first post have none: they are its sections.
    let expected = [
        post(
            "Timetable cuts, explained",
            Some("Ann Lee"),
            Some("May 2, 2015"),
            &[],
            None,
            5,
            &[],
        ),
        post(
            "Fares up by a fifth",
            Some("Ann Lee"),
            Some("May 9, 2015"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Nobody asked the riders",
            Some("Sam Poe"),
            Some("May 16, 2015"),
            &[],
            None,
            1,
            &[],
        ),
    ];
    check(
        &fixture("front_page_section_headings.txt"),
        &expected,
        &[&[1, 0, 2], &[2, 1, 0]],
    );
}

#[test]
fn a_front_page_that_files_its_titles_under_section_names() {
    // "POLITICS - …" reads like a citation ("RNZ: …" does cite), but the
    // archive prints the same name over a title that has its date above
    // it: the day's second post, with no date of its own, is a post and
    // not a citation inside the first.
    let expected = [
        post(
            "ROADS - The bypass nobody wanted",
            None,
            Some("Thursday, May 31, 2012"),
            &[],
            None,
            3,
            &[],
        ),
        post(
            "POLITICS - Who pays for the pier",
            None,
            Some("Thursday, May 31, 2012"),
            &[],
            None,
            2,
            &[],
        ),
        post(
            "POLITICS - Drones over the waterfront",
            None,
            Some("Tuesday, May 22, 2012"),
            &[],
            None,
            2,
            &[],
        ),
        post(
            "ROADS - Tolls on the old bridge",
            None,
            Some("Tuesday, May 22, 2012"),
            &[],
            None,
            1,
            &[],
        ),
    ];
    let archive = fixture("front_page_section_prefixes.txt");
    // The dates stand over the day's first title: the order is kept.
    check(&archive, &expected, &[]);
    let posts = parse(&archive);
    let outlets: Vec<Vec<String>> = posts
        .iter()
        .map(|p| p.sources.iter().map(Source::label).collect())
        .collect();
    assert_eq!(
        outlets,
        [
            vec!["RNZ — Council approves harbour bypass despite objections".to_string()],
            vec![],
            vec![],
            vec![]
        ]
    );
}

#[test]
fn a_front_page_whose_bylines_stand_under_each_teaser() {
    // Each post is its title, its teaser and then "Posted by …, on …": the
    // byline recurs under the teasers, its time in the morning in some
    // posts and the evening in others, and a hyphen inside one name. A
    // line after it heads the next post, though one title is a quoted
    // phrase.
    let expected = [
        post(
            "Whose harbour is it anyway?",
            Some("Mere Tawhiri"),
            Some("March 3, 2011 8:12 AM"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "A toll by any other name",
            Some("Sam Okafor"),
            Some("March 2, 2011 6:40 PM"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Ten years of broken promises",
            Some("Anna-Lise Brandt"),
            Some("March 2, 2011 9:05 AM"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Count the buses, not the plans",
            Some("Tom Reid"),
            Some("March 1, 2011 4:55 PM"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "\"We will not back down\"",
            Some("Lena Fischer"),
            Some("March 1, 2011 10:30 AM"),
            &[],
            None,
            1,
            &[],
        ),
    ];
    check(
        &fixture("front_page_bylines_under_teasers.txt"),
        &expected,
        &[&[4, 3, 2, 1, 0]],
    );
}

#[test]
fn a_front_page_that_prints_the_same_link_after_every_post() {
    // "Front Page" after every post ends it, though a title of capitalised
    // words alone ("Council Budget Blowout") has the same shape as the
    // link; the two short posts over the second date are posts, not the
    // page's header.
    let expected = [
        post(
            "Ferry Strike Enters Second Week (Audio)",
            None,
            Some("Sunday, June 12, 2011"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Mayor Answers Readers: The Stadium Question (Video)",
            None,
            Some("Sunday, June 12, 2011"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Council Budget Blowout",
            None,
            Some("Saturday, June 11, 2011"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Harbour Board Minutes Leaked (Documents)",
            None,
            Some("Saturday, June 11, 2011"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Wharf Sheds Sale Delayed Again",
            None,
            Some("Friday, June 10, 2011"),
            &[],
            None,
            1,
            &[],
        ),
    ];
    // A post without a date belongs to the date above it: the order is kept.
    check(
        &fixture("front_page_link_after_each_post.txt"),
        &expected,
        &[],
    );
}

#[test]
fn a_tag_archive_of_a_series_whose_titles_share_a_name() {
    // "Harbour Notes – …" reads like an outlet over a headline, but four
    // titles of one listing open with it: a series' name, so each is a
    // post's title, as the one title without it is.
    let titles = [
        "Harbour Notes – Low Tide at the Old Wharf",
        "Harbour Notes – The Ferry That Never Came",
        "Why the Sheds Should Stay",
        "Harbour Notes – Kingfishers on the Breakwater",
        "Harbour Notes – What the Storm Left Behind",
    ];
    let expected = titles_over_one_block(&titles);
    check(
        &fixture("tag_archive_of_a_series.txt"),
        &expected,
        &[&[2, 0, 1, 3, 4]],
    );
}

#[test]
fn a_listing_whose_datelines_run_into_its_titles() {
    // "Why Your Brakes Squeal Posted 2/3/2009 at 9:20 a.m. 4 comments": the
    // scrape joined each title to the dateline under it. The title is the
    // words before "Posted"; the date and the count are the post's.
    let posts = parse(&fixture("listing_datelines_run_into_titles.txt"));
    let read: Vec<(&str, Option<&str>, Option<u32>)> = posts
        .iter()
        .skip(1)
        .map(|p| (p.title.as_str(), p.date.as_deref(), p.comment_count))
        .collect();
    assert_eq!(
        read,
        [
            (
                "Why Your Brakes Squeal",
                Some("2/3/2009 at 9:20 a.m."),
                Some(4)
            ),
            (
                "The Cheapest Tyres Are Not Cheap",
                Some("1/28/2009 at 5:45 p.m."),
                Some(0)
            ),
            (
                "Winter Starts: A Checklist",
                Some("1/20/2009 at 11:02 a.m."),
                Some(2)
            ),
        ]
    );
}

#[test]
fn a_category_archive_whose_titles_have_colons_and_dashes() {
    // "Low Expectations – The Rugby Season Preview" and "Thursday Thanks:
    // The Lollipop Lady" read like an outlet over a headline, but no outlet
    // has those names, and as many titles of the listing are plain: each
    // is a post's title, with its teaser under it.
    let titles = [
        "Good News for a Change! The Library Stays Open",
        "Your Friday Night Open Thread",
        "Low Expectations – The Rugby Season Preview",
        "Your Rainy Monday Open Thread",
        "Thursday Thanks: The Lollipop Lady",
        "Talking Traffic – With a Special Guest",
    ];
    let expected = titles_over_one_block(&titles);
    check(
        &fixture("category_archive_titles_with_colons.txt"),
        &expected,
        &[&[5, 4, 3, 2, 1, 0]],
    );
}

#[test]
fn a_daily_archive_whose_posts_end_in_comments_off_on_their_titles() {
    // "Comments Off on Harbour board meeting ends in uproar": the link a
    // theme prints where comments are closed, with the title it reads out
    // to a screen reader. It ends the post and is none of its text.
    // Read as written only: with every space made a non-breaking one, the
    // glued "Posted in" lines lose their tags, which this test leaves to
    // the tag lines' own tests.
    let posts = parse(&fixture("daily_archive_comments_off_on_titles.txt"));
    let read: Vec<(&str, Vec<&str>, usize)> = posts
        .iter()
        .map(|p| {
            (
                p.title.as_str(),
                p.tags.iter().map(String::as_str).collect(),
                p.blocks.len(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (
                "Harbour board meeting ends in uproar",
                vec!["Local news"],
                1
            ),
            (
                "Ferry timetable: what changes on Monday",
                vec!["Transport"],
                1
            ),
            ("Letters: the bypass, again", vec!["Letters"], 1),
        ]
    );
}

#[test]
fn a_category_archive_whose_dates_run_into_or_under_its_titles() {
    // "… by-election March 15, 2017, No Comments": the first title has its
    // dateline run into it, the others have it glued under them with a
    // comma before the count. The date and the count are the post's.
    let expected = [
        post(
            "The harbour board after the by-election",
            None,
            Some("March 15, 2017"),
            &[],
            Some(0),
            1,
            &[],
        ),
        post(
            "Ferry fares – the weeks after",
            None,
            Some("November 22, 2016"),
            &[],
            Some(2),
            1,
            &[],
        ),
        post(
            "Bypass hearings – the final days",
            None,
            Some("November 8, 2016"),
            &[],
            Some(0),
            1,
            &[],
        ),
    ];
    // The run-in dateline is no title's furniture: the first post's title
    // opens the archive, and the order is kept.
    check(
        &fixture("category_archive_dates_run_into_titles.txt"),
        &expected,
        &[],
    );
}

#[test]
fn a_category_archive_of_two_titles_over_teasers_cut_short() {
    // Two titles, each over one paragraph that ends in "..." where the
    // page cut it: a listing, though it holds two posts and not three. The
    // breadcrumb and the category's name over them are the page's.
    let expected = [
        post(
            "Mayor Walks Out of Budget Meeting Over Ferry Subsidy",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Are Our Ward Boundaries Still Fair? A Look at the Numbers",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
    ];
    check(
        &fixture("category_archive_two_cut_teasers.txt"),
        &expected,
        &[&[1, 0]],
    );
}

#[test]
fn a_daily_archive_with_a_note_in_brackets_between_two_days() {
    // "[Note - …]" over the next day's date is the page's aside, no
    // heading: the date under it heads the title under the date.
    let expected = [
        post(
            "Harbour bridge tolls",
            None,
            Some("Thursday, May 4, 2017"),
            &[],
            None,
            2,
            &[],
        ),
        post(
            "Ferry timetable",
            None,
            Some("Thursday, May 4, 2017"),
            &[],
            None,
            3,
            &[],
        ),
        post(
            "School zones",
            None,
            Some("Monday, May 1, 2017"),
            &[],
            None,
            2,
            &[],
        ),
        post(
            "Library hours",
            None,
            Some("Monday, May 1, 2017"),
            &[],
            None,
            2,
            &[],
        ),
    ];
    check(
        &fixture("daily_archive_note_between_posts.txt"),
        &expected,
        &[],
    );
}

#[test]
fn a_listing_of_two_columns_under_the_pages_name() {
    // "Weekly columns" over the first title, over its teaser: the second
    // post opens with one line under "Read More", so the first line of
    // the page is its name and the line under it the first title.
    let expected = [
        post(
            "The Long Goodbye to the Evening Paper",
            None,
            None,
            &[],
            None,
            1,
            &[],
        ),
        post("Who Checks the Checkers?", None, None, &[], None, 1, &[]),
    ];
    check(
        &fixture("column_archive_name_over_first_title.txt"),
        &expected,
        &[],
    );
}

#[test]
fn a_listing_printed_line_under_line_with_its_excerpts_cut_short() {
    // No blank lines: each title over one line of excerpt that ends in
    // "…". No excerpt runs on into the title under it, a headline may
    // hold two sentences, and the sentence over the first title is the
    // page's description of itself.
    let titles = [
        "Ferry fares, again",
        "Riders? Who asked the riders?",
        "The bridge tolls will outlive us all",
        "Night buses: the trial that never ends",
        "A quiet week at the library",
    ];
    let expected = titles_over_one_block(&titles);
    check(
        &fixture("listing_glued_excerpts_cut_short.txt"),
        &expected,
        &[],
    );
}

#[test]
fn a_category_archive_whose_titles_stand_under_a_day_and_a_month() {
    // "3 Jun" over each title: the date without its year, each glued to
    // the teaser above it, is the post's date and never its title.
    let expected = [
        post(
            "The new ferry timetable",
            None,
            Some("3 Jun"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Tolls and the bridge fund",
            None,
            Some("27 May"),
            &[],
            None,
            1,
            &[],
        ),
    ];
    check(
        &fixture("category_day_month_over_titles.txt"),
        &expected,
        &[],
    );
}

#[test]
fn a_listing_of_bylines_whose_names_came_out_empty_over_the_titles() {
    // "By Nov 12,2009" over each title: a byline with no name and a date
    // with no space after its comma. The first title runs on into its
    // excerpt ("…" then "…even though"), which the byline above it says
    // is a title all the same; the page's heading heads no post.
    let titles = [
        ("Why I still take the early boat…", "Nov 12,2009"),
        ("Fares up, service down", "Oct 28,2009"),
        ("The wharf café closes", "Oct 02,2009"),
        ("A new boat for the harbour", "Sep 15,2009"),
    ];
    let expected: Vec<_> = titles
        .iter()
        .map(|(title, date)| post(title, None, Some(date), &[], None, 1, &[]))
        .collect();
    check(
        &fixture("listing_empty_bylines_over_titles.txt"),
        &expected,
        &[],
    );
}

#[test]
fn a_journal_whose_dates_head_posts_with_no_titles_or_titles_that_end_in_colons() {
    // Every post opens under its date: some with a heading that ends in a
    // colon ("Ferry Fares:"), one with a quotation and no title at all,
    // the first with prose glued under its date. Each date opens a post.
    let expected = [
        post(
            "Back after a long silence: I looked at this journal today for the first time in…",
            None,
            Some("Monday, June 14, 2010"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "This Journal:",
            None,
            Some("Friday, May 21, 2010"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Ferry Fares:",
            None,
            Some("Thursday, March 11, 2010"),
            &[],
            None,
            1,
            &[],
        ),
        post(
            "Tuesday, February 02, 2010",
            None,
            Some("Tuesday, February 02, 2010"),
            &[],
            None,
            2,
            &[],
        ),
        post(
            "The Wharf Café:",
            None,
            Some("Saturday, January 16, 2010"),
            &[],
            None,
            1,
            &[],
        ),
    ];
    // The first title is made of the first post's words, so the archive
    // is not cut at titles to reorder it: each variant is read whole.
    for (name, variant) in reformatted(&fixture("journal_dates_over_untitled_posts.txt")) {
        let got: Vec<Seen> = parse(&variant).iter().map(seen).collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn a_monthly_archive_with_a_post_of_one_sentence() {
    // Titles over one paragraph each, and one post that is a single
    // exclamation: the listing goes on over it.
    let titles = [
        "Notes from the wharf",
        "A new chair!",
        "Where the fares go from here",
        "The poet sums up the bridge fund",
        "An old complaint about the timetable",
        "Just a thought",
    ];
    let expected = titles_over_one_block(&titles);
    check(
        &fixture("monthly_archive_one_sentence_post.txt"),
        &expected,
        &[&[3, 0, 1, 2, 4, 5]],
    );
}

#[test]
fn a_category_archive_whose_footers_list_the_other_categories() {
    // "Also posted in Ferries and Op-eds | Tagged | 14 Comments" ends each
    // post, and the title under it is the next post's, dash and all.
    let archive = fixture("category_archive_also_posted_in.txt");
    for (name, variant) in reformatted(&archive) {
        let posts = parse(&variant);
        let got: Vec<(&str, Vec<&str>, Option<u32>, usize)> = posts
            .iter()
            .map(|p| {
                (
                    p.title.as_str(),
                    p.tags.iter().map(String::as_str).collect(),
                    p.comment_count,
                    p.blocks.len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "The harbour board is facing a crisis of its own making.",
                    vec!["Ferries and Op-eds"],
                    Some(14),
                    3
                ),
                ("Ferries – The Winter Timetable", vec!["Op-eds"], Some(3), 2),
                ("Notes from the Bridge", vec![], None, 1),
            ],
            "{name}"
        );
    }
}

#[test]
fn a_listing_whose_titles_number_their_parts_after_trailing_dots() {
    // "Ferry Fares: Where we are . . . (Part II, the Berths)": the dots
    // trail off, and the brackets after them are the title's, not a
    // photo's credit after a sentence.
    let titles = [
        "Fare Changes Announced Today",
        "Ferry Fares: Where we are . . . (Part II, the Berths)",
        "Timetables . . . and Other Fictions",
        "The Politics of the Wharf",
        "Ferry Fares: Where we are . . . (Part III: the Crews)",
        "Berth Repairs: The Bill",
    ];
    let expected = titles_over_one_block(&titles);
    check(
        &fixture("listing_titles_in_parts_after_dots.txt"),
        &expected,
        &[&[1, 0, 2, 4, 3, 5]],
    );
}

#[test]
fn a_listing_whose_headlines_open_on_a_quoted_phrase() {
    // "“Commercially Sensitive” And The Bridge Fund": a quotation that
    // goes on in a headline's capitals heads its post.
    let titles = [
        "Fares Up Again On The Early Boat",
        "“Commercially Sensitive” And The Bridge Fund",
        "The Wharf Café Closes Its Doors",
        "“A Promise, Not A Timetable” Says The Union",
        "A Quiet Week On The Water",
    ];
    let expected = titles_over_one_block(&titles);
    check(
        &fixture("listing_quote_led_headlines.txt"),
        &expected,
        &[&[1, 0, 3, 2, 4]],
    );
}

#[test]
fn an_archive_whose_heading_lost_its_name() {
    // "Archives for " with the category's name dropped by the scrape: the
    // page's heading all the same, and no post of its own.
    let titles = [
        "What Makes a Regular on the Early Boat",
        "Winter Timetable Preview-Part 1",
    ];
    check(
        &fixture("archive_header_name_lost.txt"),
        &titles_over_one_block(&titles),
        &[&[1, 0]],
    );
}

#[test]
fn a_listing_whose_pictures_are_captioned_with_their_titles() {
    // "Cover picture for “The Ferry Men”" over "The Ferry Men": the
    // caption is the picture's, the line under it the title. Where the
    // title line is lost, the caption names the post; the date under each
    // "Read More" is its post's.
    let expected = [
        ("Who Pays for the New Wharf? – Part 2", "October 22, 2021"),
        ("The Ferry Men", "October 8, 2021"),
        ("Steady Hands", "November 16, 2020"),
        (
            "“Has Anyone Seen the Old Lighthouse Lens?”",
            "July 19, 2019",
        ),
    ]
    .map(|(title, date)| post(title, None, Some(date), &[], None, 1, &[]));
    let archive = fixture("listing_captions_name_titles.txt");
    // Each card from its caption on, the last ones first.
    let (header, cards) = archive.split_at(archive.find("Cover picture").expect("a caption"));
    let mut cards: Vec<&str> = cards.split_inclusive("2021\n").collect();
    cards.rotate_left(1);
    let reordered = format!("{header}{}", cards.concat());
    let reordered_titles = [1, 2, 3, 0].map(|k| expected[k].title.as_str());
    for (name, variant) in reformatted(&archive) {
        let got: Vec<Seen> = parse(&variant).iter().map(seen).collect();
        assert_eq!(got, expected, "{name}");
    }
    for (name, variant) in reformatted(&reordered) {
        let titles: Vec<String> = parse(&variant).into_iter().map(|p| p.title).collect();
        assert_eq!(titles, reordered_titles, "{name}, reordered");
    }
}

#[test]
fn a_listing_that_labels_its_titles_in_lower_case() {
    // "bridge tolls council" over "Tolls Rise Again: …": a picture's
    // description over each title, which is neither a title nor the end of
    // the teaser above it; nor is the blog's description over the first.
    let titles = [
        "The Last Sailing of the Old Ferry",
        "Tolls Rise Again: What the Council Did Not Say",
        "Storm Closes the Harbour for Two Days",
        "Wharf Plans: Cafés, Flats and a Car Park",
    ];
    check(
        &fixture("listing_labels_over_titles.txt"),
        &titles_over_one_block(&titles),
        &[&[1, 0, 2, 3]],
    );
}

#[test]
fn a_listing_under_a_stack_of_the_page_s_headings() {
    // "Recent Posts" / "Browse by Subject" over the first title: every
    // later title has its teaser right under it, so the line right over
    // the first teaser is the first title.
    let expected = [
        ("The Wreck Under the Old Wharf", Some("May 3, 2014")),
        (
            "What the Tide Gauges Say About the Sea Wall, the Ferry Terminal and the Next Hundred Years of Our Harbour Front",
            Some("May 2, 2014"),
        ),
        ("A Field Guide to Harbour Gulls", Some("May 1, 2014")),
        ("Night Shift on the Last Ferry", None),
    ]
    .map(|(title, date)| post(title, None, date, &[], None, 1, &[]));
    check(
        &fixture("listing_under_stacked_headings.txt"),
        &expected,
        &[&[2, 1, 0, 3], &[0, 2, 1, 3]],
    );
}

#[test]
fn a_listing_whose_datelines_open_on_a_machines_stamp() {
    // "2012-08-01T18:47:42-05:00August 1st, 2012|Tags: a, b|": the stamp a
    // page keeps for machines, run into the date and the tags it prints
    // for people, under every title; the site's paths over the first.
    let expected = [
        (
            "Ferry Timetable Cut to Four Sailings",
            "August 1st, 2012",
            &["ferries", "timetables"][..],
        ),
        (
            "Tolls on the Causeway Rise Again",
            "July 24th, 2012",
            &["tolls", "causeway"],
        ),
        (
            "A Summer Fair Without the Fireworks",
            "July 15th, 2012",
            &["fair"],
        ),
        (
            "Dredging the Inner Basin, at Last",
            "July 2nd, 2012",
            &["harbour", "dredging"],
        ),
    ]
    .map(|(title, date, tags)| post(title, None, Some(date), tags, None, 1, &[]));
    check(
        &fixture("listing_machine_stamps_under_titles.txt"),
        &expected,
        &[&[3, 1, 2, 0]],
    );
}

#[test]
fn a_listing_under_day_headings_in_another_language() {
    // "lundi 14 mars 2011" over each title: the day's heading a platform
    // prints in the blog's language, the date of the posts under it.
    let expected = [
        ("The Wharf Levy Vote Is Off Again", "lundi 14 mars 2011", 2),
        ("Letters From the Ferry Queue", "vendredi 4 mars 2011", 2),
        ("A Quiet Week on the Island", "mardi 22 février 2011", 1),
    ]
    .map(|(title, date, blocks)| post(title, None, Some(date), &[], None, blocks, &[]));
    let archive = fixture("listing_under_localized_day_headings.txt");
    for (name, variant) in reformatted(&archive) {
        let got: Vec<Seen> = parse(&variant).iter().map(seen).collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn a_listing_of_titles_over_excerpts_whose_short_titles_read_as_names() {
    // Nothing but a title over each excerpt: "HARBOUR CHOWDER" and "Bay
    // Laurel" could be commenters' names over their comments, but the
    // headlines standing in the same place say the page lists posts.
    let expected = [
        "GARDEN PEAS",
        "HARBOUR CHOWDER",
        "Slow Cooker Lamb and Barley Stew",
        "The Great Hedge Trimming Argument",
        "Bay Laurel",
    ]
    .map(|title| post(title, None, None, &[], None, 1, &[]));
    check(
        &fixture("listing_titles_over_excerpts.txt"),
        &expected,
        &[&[4, 2, 0, 3, 1]],
    );
}

#[test]
fn a_listing_whose_titles_open_on_a_year_under_pictures_captions() {
    // "Ridge track above the village" over each title: a picture's
    // caption, which leaves the title the line right over its teaser; a
    // year before a colon is no outlet cited.
    let expected = [
        "2023: The Year on the Water",
        "2022: Not Much of a Year on the Water",
        "2021: The Year the Pier Came Back",
    ];
    for (name, variant) in reformatted(&fixture("listing_captions_over_titles.txt")) {
        let got: Vec<String> = parse(&variant).iter().map(|p| p.title.clone()).collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn a_days_page_of_titled_posts_each_signed_with_its_time_under_its_text() {
    // Blogger's footer, "Posted by <name> at <time>", ends each post: the
    // titles under it are posts of their own, not headings of the first,
    // and the line over the day's heading is the blog's name.
    let expected = [
        (
            "Tolls Up Again on the Causeway",
            Some("Thursday, August 6, 2009"),
        ),
        ("Ferry Late for the Fourth Time", None),
        ("A Quiet Week at the Harbour", None),
        ("Letters on the New Pier", None),
    ]
    .map(|(title, date)| post(title, Some("Rua Tane"), date, &[], None, 1, &[]));
    check(
        &fixture("day_of_titled_posts_with_footers.txt"),
        &expected,
        &[],
    );
}

#[test]
fn days_of_untitled_posts_that_open_on_the_headline_they_quote() {
    // No titles: each post opens on the quoted headline it comments on,
    // ends in "Posted at <time> by <name>", and is dated by the day's
    // heading over the day's first post. One name signs every post: no
    // thread.
    let expected = [
        (
            "“Port Ellis Toll Ruling Stands on Appeal”",
            "Tuesday, March 10, 2015",
            2,
        ),
        (
            "“Ferry Operator Loses Contract Dispute”",
            "Tuesday, March 10, 2015",
            1,
        ),
        (
            "“Council Must Publish Pier Tender, Judge Says”",
            "Tuesday, March 10, 2015",
            1,
        ),
        (
            "“Appeal Lodged Over Lighthouse Sale”",
            "Monday, March 9, 2015",
            1,
        ),
        (
            "“School Bus Case Settled Out of Court”",
            "Monday, March 9, 2015",
            1,
        ),
    ]
    .map(|(title, date, blocks)| {
        post(
            title,
            Some("Ana Whitlock"),
            Some(date),
            &[],
            None,
            blocks,
            &[],
        )
    });
    // The titles are made from the posts' text, so the archive is not cut
    // at them to reorder its posts.
    for (name, variant) in reformatted(&fixture("day_of_untitled_posts_with_footers.txt")) {
        let got: Vec<Seen> = parse(&variant).iter().map(seen).collect();
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn a_listing_whose_writers_names_stand_glued_over_the_teasers() {
    // "Title" / "" / "Rua Tane" glued over the teaser: a name that comes
    // back in the same place is each post's writer, not a post's title.
    let expected = [
        (
            "Tolls Up Again on the Causeway",
            Some("Rua Tane"),
            "Mar 3, 2012",
        ),
        ("Ferry Late Again", None, "Feb 27, 2012"),
        (
            "What the Pier Plan Leaves Out",
            Some("Mere Holt"),
            "Feb 20, 2012",
        ),
        ("Goodbye Night Buses", Some("Rua Tane"), "Feb 11, 2012"),
    ]
    .map(|(title, author, date)| post(title, author, Some(date), &[], None, 1, &[]));
    for (name, variant) in reformatted(&fixture("listing_with_names_over_teasers.txt")) {
        let got: Vec<Seen> = parse(&variant).iter().map(seen).collect();
        assert_eq!(got, expected, "{name}");
    }
}
