//! Single post pages in shapes the other fixtures leave out: comments
//! signed after their text, Blogger's labels of any display name, comments
//! that open with a name line and no header, comments with no names that
//! each end in the same line, a page that opens on its comment count, a
//! reply form, a breadcrumb trail under the blog's name, comments that each
//! open with the name and the time on one line, a page that keeps only its
//! links to the previous and next posts, its date and its comments, a page
//! whose title has a line of the page's above it, a page under a date with
//! no year, comments opened by stamps in UTC, a page and a front page whose
//! dates stand between the blog's name and the titles, a page with a single
//! "name said..." comment, a front page that opens on the blog's name and
//! its sidebar, a monthly archive with its heading, footers and pager, forum
//! threads whose posts each open with a block about their author, a journal
//! page whose comments each open with a date line and a name line, a page
//! whose comments are a bulleted list under their count, a forum thread
//! whose author blocks print each label over its value, pages that list
//! other posts under a post and at their end, a journal whose entries
//! stand under a date and a time, a forum thread whose title stands under
//! a label and again over the first post's text, a forum thread of two
//! posts under full author blocks, a page whose one comment is numbered
//! "1." with a paragraph under it, a numbered comment over a reply form
//! with notes under it, a forum thread whose author blocks are glued to
//! the post above each, a post page whose title follows its breadcrumb
//! trail and that ends in labelled links to the previous and next posts,
//! a post whose text runs under headings of its own, a letter that prints
//! no title and signs off with a dash and its writer's name, posts whose
//! text looks like a thread (scores, a list of points, a footer over the
//! comments), a listing of posts over a post with a list of its own, a
//! post quoting a chat log, a page whose menu holds "Comments", a front
//! page whose datelines end in a time zone, a letter whose comments open
//! on name lines under "(3) comments", numbered comments under display
//! names of any words, each stamped under its text, comments labelled by
//! a name and a stamp parted by a comma, a post with a line of its text
//! said aloud between its paragraphs, Blogger comments under names
//! dressed up by their owners, a post with numbered parts over its
//! numbered thread, numbered comments labelled by a name and a date with
//! their replies unnumbered under them, name lines that keep the dash
//! their date stood after, numbered comments whose names are printed
//! twice over their date, comment stamps that end in a permalink's mark,
//! a bulleted thread right under a title with its breadcrumb glued on,
//! a post that ends in a numbered list of titles, a lone comment
//! numbered "1." under a label of its name and its permalink, a page
//! that prints its headline twice, over its standfirst and over its text,
//! numbered comments whose names stand before the lost link of their date,
//! a Movable Type page with its trackback lines and the platform's credit,
//! journal comments under headers of fields ("From: name", "User: name"
//! over "Date: … (UTC)" and "Subject: …"), a journal entry under the
//! fields of its header ("Date:", "Subject:", "Security:").
//! Each is
//! read as written and in variants (CRLF line ends, non-breaking spaces,
//! tabs, extra blank lines), and every variant must give the same post and
//! comments.

#[path = "common/archives.rs"]
mod archives;

use archives::*;
use pundit::model::BlockKind;

#[test]
fn a_post_page_whose_comments_are_signed_after_their_text() {
    let expected = post(
        "Ferry timetable cut back again",
        None,
        None,
        &[],
        None,
        3,
        &[
            (
                Some("Ann Lee"),
                None,
                "Nobody believes the winter story any more.",
            ),
            (Some("rangi_t"), None, "THE FIVE FIFTEEN WAS ALWAYS FULL"),
            (
                Some("Sam Poe"),
                None,
                "They cut it because it was full: full boats need two crews.",
            ),
            (
                Some("Ann Lee"),
                None,
                "Two crews cost less than the road the rest of us now drive.",
            ),
        ],
    );
    check(&fixture("post_signed_comments.txt"), &[expected], &[]);
}

#[test]
fn a_blogger_post_page_with_lower_case_names_and_timed_labels() {
    let expected = post(
        "Bridge tolls and the minister",
        None,
        Some("Thursday, March 4, 2010"),
        &["tolls", "bridge"],
        None,
        1,
        &[
            (
                Some("a reader in Devonport"),
                None,
                "Paid for twice over, by my count.",
            ),
            (
                Some("harbour_watcher"),
                None,
                "The minister has never paid a toll in her life.",
            ),
            (Some("quiet commuter"), None, "Nor has the council."),
        ],
    );
    check(&fixture("post_blogger_said.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_whose_comments_open_with_name_lines() {
    let expected = post(
        "Bridge tolls to rise in the spring",
        Some("Jane Roe"),
        Some("May 4, 2010"),
        &[],
        None,
        2,
        &[
            (
                Some("Ann Lee"),
                None,
                "Nobody believes the cycleway story any more. / They said the same about the last rise.",
            ),
            (
                Some("quiet commuter"),
                None,
                "The tolls paid for the bridge twice over.",
            ),
            // Its name was a link the text lost: a wider gap stands for it.
            (
                None,
                None,
                "I cross it twice a day and I will keep doing so: there is no other way round.",
            ),
            (
                Some("Sam Poe"),
                None,
                "Full boats on the ferry tell the same story.",
            ),
            (
                Some("Ann Lee"),
                None,
                "Two crews cost less than a new road.",
            ),
        ],
    );
    check(&fixture("post_name_lines.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_whose_comments_each_end_in_the_same_lines() {
    let expected = post(
        "Night buses to stop at eleven",
        None,
        Some("Wednesday, June 9, 2010"),
        &[],
        Some(4),
        2,
        &[
            (None, None, "So the bar staff walk home, then."),
            (
                None,
                None,
                "Two hundred thousand is what the council spent on its new logo. / They could have kept the buses for a year with that.",
            ),
            (
                None,
                None,
                "The late buses were half empty every time I took one.",
            ),
            (
                None,
                None,
                "Half empty at midnight is still forty people off the road.",
            ),
        ],
    );
    check(&fixture("post_closing_lines.txt"), &[expected], &[]);
}

#[test]
fn a_comments_page_that_opens_on_its_count() {
    // No title on the page: the count stands for it.
    let expected = post(
        "3 Comments",
        None,
        None,
        &[],
        Some(3),
        0,
        &[
            (
                None,
                None,
                "Ferries should run on the hour, every hour, and nobody should need a timetable.",
            ),
            (
                None,
                None,
                "That was the plan in 1998 as well, and look where it went.",
            ),
            (
                None,
                None,
                "The operators will say there are no crews for it. / Then train some crews.",
            ),
        ],
    );
    check(&fixture("post_count_page.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_whose_comments_open_with_a_name_and_a_time() {
    let expected = post(
        "Harbour ferry fares to double",
        None,
        None,
        &[],
        Some(3),
        2,
        &[
            (
                Some("Ann Lee"),
                None,
                "The second rise in three years, and the boats are no faster. / Nor are they on time.",
            ),
            (
                Some("rangi_t"),
                None,
                "Doubling a fare is not a rise, it is a new fare.",
            ),
            (
                Some("Sam Poe"),
                None,
                "The operator asked for more because the council let it.",
            ),
        ],
    );
    check(&fixture("post_stamped_labels.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_that_keeps_only_its_navigation_date_and_comments() {
    // No title on the page: its date stands for it.
    let expected = post(
        "June 9, 2010",
        None,
        Some("June 9, 2010"),
        &[],
        None,
        0,
        &[
            (
                Some("Ann Lee"),
                None,
                "The second rise in three years, and the boats are no faster.",
            ),
            (
                Some("rangi_t"),
                None,
                "Doubling a fare is not a rise, it is a new fare. / The operator asked for more because the council let it.",
            ),
        ],
    );
    check(&fixture("post_navigation_comments.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_that_opens_on_a_line_of_its_own_above_the_title() {
    // The menu button over the title is the page's: no post of its own,
    // and not the post's title.
    let expected = post(
        "A quieter week for the harbour board",
        None,
        None,
        &[],
        Some(2),
        2,
        &[
            (
                Some("Ann Lee"),
                None,
                "Three repaints and the roof still leaks over the ticket office.",
            ),
            (
                Some("rangi_t"),
                None,
                "The colour was the only thing they could agree on, so of course it took all morning.",
            ),
        ],
    );
    check(&fixture("post_under_page_line.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_under_a_date_that_leaves_out_its_year() {
    // "Nov 23" over the title is the post's date, not its title.
    let expected = post(
        "The harbour board gets a new chair",
        None,
        Some("Nov 23"),
        &[],
        None,
        2,
        &[
            (
                Some("Ann Lee"),
                None,
                "About time someone there could read a budget.",
            ),
            (
                Some("rangi_t"),
                None,
                "Six to two is a landslide by this board's standards.",
            ),
        ],
    );
    check(&fixture("post_yearless_date.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_whose_comments_open_on_stamps_in_utc() {
    // Each stamp opens a comment, whether it names its commenter, sits
    // under a line with the name, or gives no name at all.
    let expected = post(
        "Ferry levy doubles overnight",
        None,
        None,
        &[],
        None,
        2,
        &[
            (
                Some("fern_owl"),
                None,
                "They did the same with the mooring fees two winters ago.",
            ),
            (
                Some("quill_hare"),
                None,
                "And the minutes never came out that time either.",
            ),
            (None, None, "Somebody should ask at the next open meeting."),
        ],
    );
    check(&fixture("post_dated_stamps.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_under_the_blogs_name_and_a_date() {
    // The blog's name over the date is the page's, not the post's title.
    let expected = post(
        "Gravel levy goes up again!",
        None,
        Some("Friday, June 29, 2007"),
        &[],
        None,
        2,
        &[],
    );
    check(
        &fixture("post_under_blog_name_and_date.txt"),
        &[expected],
        &[],
    );
}

#[test]
fn a_front_page_whose_dates_stand_over_its_titles() {
    // Every date heads the title under it, the first one too.
    let first = post(
        "Gravel levy goes up again",
        None,
        Some("Friday, June 29, 2007"),
        &[],
        None,
        1,
        &[],
    );
    let second = post(
        "Ferry fares frozen for a year",
        None,
        Some("Thursday, June 28, 2007"),
        &[],
        None,
        1,
        &[],
    );
    check(
        &fixture("front_page_dates_over_titles.txt"),
        &[first, second],
        &[],
    );
}

#[test]
fn a_post_page_with_one_comment_in_blogger_shape() {
    // One "name said..." at the page's end is a comment though no other
    // label follows it.
    let expected = post(
        "Tolls by the back door",
        None,
        Some("Thursday, April 28, 2005"),
        &[],
        None,
        1,
        &[(
            Some("brackenfield"),
            None,
            "I noticed. The sign went up on a Sunday night and came down on the Monday after the paper printed it.",
        )],
    );
    check(&fixture("post_one_said_comment.txt"), &[expected], &[]);
}

#[test]
fn a_front_page_that_opens_on_the_blogs_name_and_sidebar() {
    // The name and the sidebar under it are the page's: no post of their
    // own, and their lists no comments.
    let expected = post("Gravel levy goes up again", None, None, &[], None, 2, &[]);
    check(&fixture("front_page_under_sidebar.txt"), &[expected], &[]);
}

#[test]
fn a_monthly_archive_with_its_heading_footers_and_pager() {
    // "Month: …" heads the page, "Published in … | …" ends each post and
    // "Pages: 1 [2]" the page: none is a title or a post's text.
    let first = post("Gravel levy goes up", None, None, &["Quarry"], None, 1, &[]);
    let second = post(
        "Ferry fares frozen",
        None,
        None,
        &["Harbour", "Boats"],
        Some(2),
        1,
        &[],
    );
    check(
        &fixture("monthly_archive_footers.txt"),
        &[first, second],
        &[&[1, 0]],
    );
}

/// Comment dates, which [`check`] leaves out: (author, date) of each.
fn comment_dates(archive: &str) -> Vec<(Option<String>, Option<String>)> {
    parse(archive)
        .iter()
        .flat_map(|post| post.comments.iter())
        .map(|c| (c.author.clone(), c.date.clone()))
        .collect()
}

/// The dates of `archive`'s comments alone.
fn comment_dates_alone(archive: &str) -> Vec<Option<String>> {
    comment_dates(archive)
        .into_iter()
        .map(|(_, date)| date)
        .collect()
}

#[test]
fn a_forum_thread_whose_posts_open_with_author_blocks() {
    // Name, rank, "Joined:", "Posts:" and the date over every post: the
    // first is the thread's post under the line above it, each later one a
    // comment, and no line of a block is a title or in the text.
    let archive = fixture("forum_author_blocks.txt");
    let expected = post(
        "Harbour tolls and the ferry timetable",
        Some("Brindlewick"),
        Some("Apr 3, 2019, 10:12 am"),
        &[],
        None,
        2,
        &[
            (
                Some("Tamsin Oakheart"),
                None,
                "They do. The notice on the quay says the season ticket rises by a tenth.",
            ),
            (
                Some("Corvel"),
                None,
                "The late sailing was never full in winter. I doubt it comes back.",
            ),
            (
                Some("Brindlewick"),
                None,
                "Thanks both. I will write to the harbour board all the same.",
            ),
        ],
    );
    check(&archive, &[expected], &[]);
    let date = |author: &str, date: &str| (Some(author.to_string()), Some(date.to_string()));
    assert_eq!(
        comment_dates(&archive),
        [
            date("Tamsin Oakheart", "Apr 3, 2019, 11:40 am"),
            date("Corvel", "Apr 3, 2019, 1:05 pm"),
            date("Brindlewick", "Apr 4, 2019, 8:30 am"),
        ]
    );
}

#[test]
fn a_forum_thread_whose_blocks_carry_a_location_and_posts_a_signature() {
    // The date over the name, a location some authors give and some do
    // not, and a signature under the text, which stays the post's text.
    let archive = fixture("forum_author_locations.txt");
    let expected = post(
        "Winter moorings on the east pontoon",
        Some("Marrowby"),
        Some("March 2nd, 2021, 09:14 AM"),
        &[],
        None,
        4,
        &[
            (
                Some("Quenna Dray"),
                None,
                "Mine came on Friday. It is a third dearer over the winter, if you stay the whole season.",
            ),
            (
                Some("Hobbin Tull"),
                None,
                "The east pontoon floods at spring tides. I would ask them who pays when a line parts.",
            ),
            (
                Some("Marrowby"),
                None,
                "Fair point. I will take it to the users' meeting. / __________________ / Old boats, slow tides.",
            ),
        ],
    );
    check(&archive, &[expected], &[]);
    assert_eq!(
        comment_dates_alone(&archive),
        [
            Some("March 2nd, 2021, 10:02 AM".to_string()),
            Some("March 2nd, 2021, 11:47 AM".to_string()),
            Some("March 2nd, 2021, 01:30 PM".to_string()),
        ]
    );
}

#[test]
fn a_post_after_a_forum_thread_is_a_post_of_its_own() {
    // Nothing closes the thread's last comment but what follows it: a
    // title over prose.
    let archive = format!(
        "{}\nFerry fares for the summer\n\nMay 5, 2019\n\n\
         The operator has published the summer fares, and the day return costs what it cost last year.\n\n\
         The late sailing is still gone.\n",
        fixture("forum_author_blocks.txt")
    );
    let posts = parse(&archive);
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Harbour tolls and the ferry timetable",
            "Ferry fares for the summer"
        ]
    );
    assert_eq!(posts[0].comments.len(), 3);
    assert_eq!(posts[1].blocks.len(), 2);
    assert!(posts[1].comments.is_empty());
}

#[test]
fn one_post_under_an_author_block_stays_a_post() {
    // A single forum post: its block is no thread, and nothing changes.
    let archive = fixture("forum_author_blocks.txt");
    let one: String = archive
        .split("\n\nTamsin Oakheart\n")
        .next()
        .expect("the fixture has a first post")
        .to_string();
    let posts = parse(&format!("{one}\n"));
    assert!(posts.iter().all(|p| p.comments.is_empty()), "{posts:#?}");
}

#[test]
fn a_journal_page_whose_comments_open_with_date_and_from_lines() {
    // "Date:" over "From:" over every comment, a reply indented under the
    // comment it answers: each header opens a comment named by its "From:"
    // line, and with nothing that says who answers whom they stay flat.
    let archive = fixture("post_comment_headers.txt");
    let expected = |archive: &str| {
        check(
            archive,
            &[post(
                "Gorse cutting on the common",
                None,
                Some("Jun. 9th, 2012 at 8:15 PM"),
                &["commons", "gorse"],
                Some(5),
                2,
                &[
                    (
                        Some("stonechat_lane"),
                        None,
                        "The stonechats on the east slope did not come back this year.",
                    ),
                    (
                        Some("Anonymous"),
                        None,
                        "Deferred to May, perhaps? That is how they read their own minutes.",
                    ),
                    (
                        Some("brackenfold"),
                        None,
                        "They read them as they please. The warden was not at the March meeting.",
                    ),
                    (
                        Some("whinmoor"),
                        None,
                        "I walked the slope on Sunday: the west side was left alone, which is something.",
                    ),
                ],
            )],
            &[],
        );
    };
    expected(&archive);
    // The two lines the other way round, under labels of another language.
    let translated = archive
        .replace("Date: ", "Datum: ")
        .replace("From: ", "Von: ");
    let swapped = swap_header_lines(&translated, "Datum: ", "Von: ");
    expected(&swapped);
    let dates = comment_dates_alone(&archive);
    assert_eq!(dates[0].as_deref(), Some("2012-06-09 09:02 pm"));
    // A saved page that lost its commenters' names prints a bracketed mark
    // alone: the headers still open the comments, naming nobody.
    let unnamed = ["stonechat_lane", "brackenfold", "whinmoor"]
        .iter()
        .fold(archive.clone(), |page, name| {
            page.replace(&format!("[personal profile] {name}"), "[identity profile]")
        });
    let posts = parse(&unnamed);
    assert_eq!(posts.len(), 1, "{posts:#?}");
    let authors = comment_authors(&posts[0]);
    assert_eq!(authors, [None, Some("Anonymous"), None, None]);
    assert_eq!(
        comment_dates(&unnamed)[3].1.as_deref(),
        Some("2012-06-10 07:31 am")
    );
}

/// `archive` with every line that starts (after its indentation) with
/// `first` swapped with the line under it, which starts with `second`.
fn swap_header_lines(archive: &str, first: &str, second: &str) -> String {
    let mut lines: Vec<&str> = archive.lines().collect();
    let mut i = 0;
    while i + 1 < lines.len() {
        if lines[i].trim_start().starts_with(first) && lines[i + 1].trim_start().starts_with(second)
        {
            lines.swap(i, i + 1);
            i += 1;
        }
        i += 1;
    }
    lines.iter().map(|line| format!("{line}\n")).collect()
}

#[test]
fn a_message_header_quoted_once_stays_in_the_post() {
    // One "Date:" / "From:" pair over the text of a letter the post quotes:
    // no header repeats it, so it opens no comment.
    let archive = "What the harbour board wrote back\n\n\
                   I wrote to the board in January about the mooring fees. This is the reply, in full.\n\n\
                   Date: 2011-02-14 10:02 am (UTC)\nFrom: Board Secretary\n\n\
                   Thank you for your letter. The fees are under review.\n\n\
                   That is the whole of it, six weeks on.\n";
    let posts = parse(archive);
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert!(posts[0].comments.is_empty(), "{posts:#?}");
    let texts: Vec<&str> = posts[0].blocks.iter().map(|b| &*b.text).collect();
    assert!(texts.contains(&"From: Board Secretary"), "{texts:?}");
    assert!(
        texts.contains(&"Thank you for your letter. The fees are under review."),
        "{texts:?}"
    );
}

#[test]
fn a_post_page_whose_comments_are_a_bulleted_list_under_their_count() {
    // "4 Comments" over a list the page ends with: each bullet a comment,
    // named by the name before its colon where it has one.
    let archive = fixture("post_bulleted_comments.txt");
    let comments = [
        (
            Some("Hesper Quill"),
            None,
            "Eleven is the number I counted too, from the bus stop.",
        ),
        (
            Some("Tobin Marsh"),
            None,
            "The weight limit was in the county's spring plan. It was dropped in June without a word.",
        ),
        (
            Some("Hesper Quill"),
            None,
            "Dropped by whom? The plan was voted through.",
        ),
        (
            None,
            None,
            "Nobody from the quarry came to the parish meeting, again.",
        ),
    ];
    let title = "Quarry lorries on the school lane";
    check(
        &archive,
        &[post(title, None, None, &[], Some(4), 2, &comments)],
        &[],
    );
    // Under a heading that gives no count.
    let headed = archive.replace("4 Comments", "Responses");
    check(
        &headed,
        &[post(title, None, None, &[], None, 2, &comments)],
        &[],
    );
}

#[test]
fn a_posts_own_list_of_names_stays_the_posts() {
    // Names and colons on the bullets, after a lead-in and with the post's
    // text after them: the post's list, not its comments.
    let archive = "Who sits on the new quarry board\n\n\
                   The board met for the first time on Tuesday. Its members, as the notice gives them:\n\n\
                   \x20 • Hesper Quill: chair, formerly of the quarry.\n\
                   \x20 • Tobin Marsh: treasurer, a county appointee.\n\n\
                   Both have worked for the quarry. The parish seat is still empty.\n";
    let posts = parse(archive);
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert!(posts[0].comments.is_empty(), "{posts:#?}");
    let texts: Vec<&str> = posts[0].blocks.iter().map(|b| &*b.text).collect();
    assert!(
        texts.contains(&"Hesper Quill: chair, formerly of the quarry."),
        "{texts:?}"
    );
}

#[test]
fn a_forum_thread_whose_blocks_print_each_label_over_its_value() {
    // "Join Date" over "Mar 2014", "Posts" over "1,204", and the post's
    // number and date on a list item over the name: every line of a block
    // is the block's, its date the post's.
    let archive = fixture("forum_block_labels_on_lines.txt");
    let expected = post(
        "Slipway fees for dinghies",
        Some("Wherrin"),
        Some("03-02-2021, 09:14 AM"),
        &[],
        None,
        2,
        &[
            (
                Some("Quenna Dray"),
                None,
                "I asked at the bar. The insurance went up, they said, and the slip needs resurfacing.",
            ),
            (
                Some("Hobbin Tull"),
                None,
                "The resurfacing was paid for out of last year's levy. I would ask for the accounts.",
            ),
            (
                Some("Wherrin"),
                None,
                "Thanks both. I will ask for the accounts at the general meeting.",
            ),
        ],
    );
    check(&archive, &[expected], &[]);
    assert_eq!(
        comment_dates_alone(&archive),
        [
            Some("03-02-2021, 10:02 AM".to_string()),
            Some("03-02-2021, 11:47 AM".to_string()),
            Some("03-03-2021, 08:30 AM".to_string()),
        ]
    );
}

#[test]
fn a_forum_thread_whose_title_is_printed_under_a_label_and_again_over_its_text() {
    // "Thread: <title>" over the thread and the bare title again as the
    // first line of the first post: the title is the bare one, and its
    // repeat is not the post's text.
    let expected = post(
        "Culvert grates on the lower towpath",
        Some("Ostrander"),
        Some("05-11-2022, 07:40 PM"),
        &[],
        None,
        1,
        &[
            (
                Some("Pellam Ruske"),
                None,
                "I told them in March. They said a work party was booked.",
            ),
            (
                Some("Tamsin Vole"),
                None,
                "The work party cleared the upper grates only. I would write to them again.",
            ),
            (
                Some("Ostrander"),
                None,
                "Thanks both. I will write to the trust tonight.",
            ),
        ],
    );
    check(
        &fixture("forum_thread_title_repeated.txt"),
        &[expected],
        &[],
    );
}

#[test]
fn a_forum_thread_of_two_posts_under_full_author_blocks() {
    // Two blocks only, each a name over a rank over the same labels: a
    // thread of two posts, the reply's author its block's first line,
    // never the rank under it.
    let archive = fixture("forum_two_author_blocks.txt");
    let expected = post(
        "Gangway rail at the slip",
        Some("Torvane"),
        Some("04-09-2019, 10:14 AM"),
        &[],
        None,
        1,
        &[(
            Some("Brissel Haw"),
            None,
            "I told him this morning. He said it would be fixed by the weekend.",
        )],
    );
    check(&archive, &[expected], &[]);
    assert_eq!(
        comment_dates(&archive),
        [(
            Some("Brissel Haw".to_string()),
            Some("04-09-2019, 11:02 AM".to_string())
        )]
    );
}

#[test]
fn a_front_page_whose_posts_end_in_lists_of_other_posts() {
    // "Related posts" under each post and "Popular posts" at the page's
    // end list other posts' titles, some with their dates: neither posts
    // of their own nor the text of the post above them.
    let expected = [
        post(
            "Tidewater toll rises again",
            None,
            Some("Tuesday, March 9, 2010"),
            &[],
            Some(2),
            2,
            &[],
        ),
        post(
            "Saltmarsh grazing rights sold",
            None,
            Some("Monday, March 8, 2010"),
            &[],
            Some(0),
            2,
            &[],
        ),
    ];
    check(
        &fixture("front_page_lists_of_posts.txt"),
        &expected,
        &[&[1, 0]],
    );
}

#[test]
fn a_post_page_with_lists_of_other_posts_around_its_comments() {
    let expected = post(
        "Tidewater toll rises again",
        None,
        Some("Tuesday, March 9, 2010"),
        &[],
        Some(2),
        2,
        &[
            (
                Some("Wenna Crale"),
                None,
                "Forty cents now, a dollar next year.",
            ),
            (
                Some("Osric Pell"),
                None,
                "The vans pay for the repairs and the cars for the board's lunches.",
            ),
        ],
    );
    check(&fixture("post_lists_of_posts.txt"), &[expected], &[]);
}

#[test]
fn a_journal_whose_entries_stand_under_a_date_and_a_time() {
    // Each entry's date over a line of its own with the time, the title
    // under them, the writer's mood and music around the text: the date is
    // the entry's, and neither the time nor the mood is a title or text.
    let expected = [
        post(
            "Ferry fares frozen again",
            None,
            Some("March 4th, 2009"),
            &[],
            None,
            2,
            &[],
        ),
        post(
            "Causeway repairs put off",
            None,
            Some("March 2nd, 2009"),
            &[],
            None,
            2,
            &[],
        ),
    ];
    check(&fixture("journal_datelines.txt"), &expected, &[]);
}

#[test]
fn a_post_page_whose_one_comment_is_numbered_with_a_paragraph_under_it() {
    // A post's own list has two items or more: one "1." holding a
    // paragraph under it, at the page's end, is a thread of one comment,
    // though it is glued to the post's last line.
    let expected = post(
        "The ferry fares, again",
        None,
        Some("Sunday, May 8, 2011"),
        &[],
        None,
        1,
        &[(
            None,
            None,
            "My fare went up twice this year and the boat is still late every Monday. / At least the timetable is honest about it now.",
        )],
    );
    check(&fixture("post_one_numbered_comment.txt"), &[expected], &[]);
}

#[test]
fn a_numbered_comment_over_a_reply_form_with_notes_under_it() {
    // What stands under a reply form's header is the form's, however it
    // reads: the list above it is where the page ends.
    let expected = post(
        "Harbour bridge lanes",
        None,
        None,
        &[],
        None,
        2,
        &[(
            None,
            None,
            "Overdue by about ten years, by my count. Nobody will miss that lane at night.",
        )],
    );
    check(
        &fixture("post_numbered_comment_over_reply_form.txt"),
        &[expected],
        &[],
    );
}

#[test]
fn a_posts_closing_footnote_stays_the_posts() {
    // One numbered line with nothing under it, glued to the post's last
    // paragraph: a footnote, not a comment; nor is a one-item list with a
    // paragraph under it that the post goes on after.
    let footnote = "Three bridges, one budget\n\n\
                    The board has money for one bridge this year, and it has chosen the one that carries the fewest cars.\n\n\
                    Its own report ranks the bridges the other way round.\n\
                    \x20 1. The ranking is on page four of the report.\n";
    let posts = parse(footnote);
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert!(posts[0].comments.is_empty(), "{posts:#?}");
    let goes_on = "Three bridges, one budget\n\n\
                   The board has money for one bridge this year, and it has chosen the one that carries the fewest cars.\n\
                   \x20 1. Its own report ranks the bridges the other way round.\n\n\
                   \x20   The ranking is on page four.\n\n\
                   So the board will have to explain why it has ignored its own engineers this time.\n";
    let posts = parse(goes_on);
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert!(posts[0].comments.is_empty(), "{posts:#?}");
}

#[test]
fn a_forum_thread_whose_author_blocks_are_glued_to_the_post_above() {
    // Each block follows the last line of the post before it with no blank
    // line: that line ends a sentence, and the name under it is the
    // block's, not the end of a wrapped paragraph.
    let expected = post(
        "Mooring fees for the winter",
        Some("Pell Carrow"),
        Some("05-09-2009 11:20"),
        &[],
        None,
        4,
        &[
            (
                Some("Tamsin Ord"),
                None,
                "Has anyone paid it yet? / I paid in October. It went up by a third.",
            ),
            (
                Some("Pell Carrow"),
                None,
                "A third! The office never said so.",
            ),
            (
                Some("Orrin Vale"),
                None,
                "They put it on the board by the slipway, in small print.",
            ),
        ],
    );
    check(&fixture("forum_glued_author_blocks.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_whose_title_follows_its_trail_and_ends_in_navigation() {
    // The trail's separators were lost ("Home Local Politics <title>"),
    // with the bare title under it; a postscript is the post's text, and
    // the links to the previous and next posts behind their labels are
    // the page's.
    let archive = fixture("post_under_glued_trail.txt");
    let expected = post(
        "Ferry board to councillors: Stay and Vote!",
        None,
        None,
        &[],
        None,
        4,
        &[],
    );
    check(&archive, &[expected], &[]);
    let posts = parse(&archive);
    let texts: Vec<&str> = posts[0].blocks.iter().map(|b| &*b.text).collect();
    assert!(texts[1].starts_with("P.S."), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains("Previous article")),
        "{texts:?}"
    );
}

#[test]
fn a_post_page_whose_text_runs_under_headings_of_its_own() {
    // The title has its dateline and byline under it; the headings inside
    // the post have none, and no footer or comment stands above them: they
    // are the post's sections, not posts of their own.
    let expected = post(
        "The long road to a new pier",
        Some("Dana Whitlow"),
        Some("March 3, 2016"),
        &[],
        Some(2),
        7,
        &[
            (
                Some("Rangi Tane"),
                None,
                "The consultation last time took a year and changed nothing.",
            ),
            (
                Some("Jo Lee"),
                None,
                "They could start by opening the half that is still sound.",
            ),
        ],
    );
    check(&fixture("post_section_headings.txt"), &[expected], &[]);
}

#[test]
fn a_letter_that_prints_no_title_and_signs_off_with_a_dash() {
    // The first paragraph is prose, taken for the title only because the
    // page prints none: it stays the letter's text, under its first
    // sentence; the dash and name it ends with are its writer.
    let expected = post(
        "The harbour board should bring back the evening ferry.",
        Some("Mere Tawhiri"),
        None,
        &[],
        None,
        4,
        &[],
    );
    // The title is no line of the page: each variant is read whole.
    for (name, variant) in reformatted(&fixture("post_untitled_signed_letter.txt")) {
        let posts = parse(&variant);
        let got: Vec<Seen> = posts.iter().map(seen).collect();
        assert_eq!(got, std::slice::from_ref(&expected), "{name}");
        assert!(
            posts[0].blocks[0]
                .text
                .starts_with("The harbour board should"),
            "{name}"
        );
        assert_eq!(
            &*posts[0].blocks[3].text, "— Mere Tawhiri, Seatoun",
            "{name}"
        );
    }
}

#[test]
fn an_essay_that_prints_no_furniture_runs_under_headings_of_its_own() {
    // Nothing but the lines' lengths tells the headings from titles: three
    // short ones under a title twice as long, each over prose, are the
    // essay's sections.
    let expected = post(
        "How the Harbour Board Learned to Stop Worrying About the Pier",
        None,
        None,
        &[],
        None,
        9,
        &[],
    );
    check(
        &fixture("post_section_headings_unfurnished.txt"),
        &[expected],
        &[],
    );
    let posts = parse(&fixture("post_section_headings_unfurnished.txt"));
    let texts: Vec<&str> = posts[0].blocks.iter().map(|b| &*b.text).collect();
    assert!(
        texts.contains(&"Something called a consultation"),
        "{texts:?}"
    );
}

#[test]
fn a_front_page_whose_dates_stand_in_badges_over_series_titles() {
    // "Thursday" over "Jun072014": the day and the date in boxes of their
    // own. The titles of a series share a shape, and stay titles.
    let titled = |title: &str, date: &str| post(title, None, Some(date), &[], None, 1, &[]);
    let expected = [
        titled("Notes from the Ferry Users Meeting", "Jun072014"),
        titled("A Long Talk with the Harbourmaster, Part 3", "May242014"),
        titled("A Long Talk with the Harbourmaster, Part 2", "May232014"),
        titled("A Long Talk with the Harbourmaster, Part 1", "May222014"),
    ];
    check(&fixture("front_page_date_badges.txt"), &expected, &[]);
}

/// The titles of an archive's posts and the first words of their text.
fn titles_and_openings(archive: &str) -> Vec<(String, String)> {
    parse(archive)
        .iter()
        .map(|post| {
            let opening = post.blocks.first().map_or("", |b| &*b.text);
            let words: Vec<&str> = opening.split_whitespace().take(4).collect();
            (post.title.clone(), words.join(" "))
        })
        .collect()
}

#[test]
fn a_post_that_opens_on_one_long_sentence_keeps_it_as_its_text() {
    // A statement of over a hundred characters with a full stop is the
    // post's first sentence, not its title: the post keeps it, under a
    // title of its first words.
    for (name, variant) in reformatted(&fixture("post_untitled_long_sentence.txt")) {
        assert_eq!(
            titles_and_openings(&variant),
            [(
                "Tucked into a long report on ferry fares is this small item that shows what the…"
                    .to_string(),
                "Tucked into a long".to_string()
            )],
            "{name}"
        );
    }
}

#[test]
fn a_post_that_opens_on_a_line_leading_in_is_titled_by_what_it_leads_in_to() {
    // "Rangi Tane writes:" under the date heads no post: it stays the
    // post's first line, and the title is made of the prose it leads in to.
    for (name, variant) in reformatted(&fixture("post_untitled_led_in.txt")) {
        let posts = parse(&variant);
        assert_eq!(
            titles_and_openings(&variant),
            [(
                "Sorry, but unlike the harbour board, I think there is something badly wrong…"
                    .to_string(),
                "Rangi Tane writes:".to_string()
            )],
            "{name}"
        );
        assert_eq!(posts[0].date.as_deref(), Some("14 March 2009"), "{name}");
        assert_eq!(posts[0].blocks.len(), 4, "{name}");
    }
}

#[test]
fn a_blogger_thread_whose_names_run_into_their_times() {
    // "Anonymous6:41 AM": the scrape ran a threaded comment's name link
    // into its time link. The name is the author, the time the date, and
    // the indented replies keep their parent.
    let expected = post(
        "The pier vote nobody wanted to win",
        None,
        Some("Tuesday, March 04, 2014"),
        &[],
        None,
        3,
        &[
            (
                Some("Harbour Watcher In Seatoun"),
                None,
                "Slightly off topic: / Does anyone know when the ferry timetable changes? The notice at the wharf has been blank for a month.",
            ),
            (
                Some("Anonymous"),
                Some(0),
                "It changes in May. The board has not printed it yet because the fares are not settled.",
            ),
            (
                Some("Rangi Tane"),
                Some(0),
                "It was on the council site last week, then it came down again.",
            ),
            (
                Some("Anonymous"),
                None,
                "The fourth time this year. You could set a clock by it.",
            ),
        ],
    );
    check(
        &fixture("post_blogger_times_run_into_names.txt"),
        &[expected],
        &[],
    );
    let posts = parse(&fixture("post_blogger_times_run_into_names.txt"));
    let dates: Vec<Option<&str>> = posts[0]
        .comments
        .iter()
        .map(|c| c.date.as_deref())
        .collect();
    assert_eq!(
        dates,
        [
            Some("6:24 AM"),
            Some("6:41 AM"),
            Some("6:46 AM"),
            Some("12:36 PM")
        ]
    );
}

#[test]
fn a_front_page_whose_bylines_follow_a_dash() {
    // "-By Mere Tawhiri" under each title is the post's byline, not a
    // commenter's name line opening a thread.
    let titled =
        |title: &str, blocks| post(title, Some("Mere Tawhiri"), None, &[], None, blocks, &[]);
    let expected = [
        titled("Harbour Board: 'Sick of the Questions' About the Pier", 2),
        titled("Ferry Fares to Rise Before the Timetable Is Out?", 2),
        titled("The Board Thinks a New Logo Is News?", 1),
    ];
    check(&fixture("front_page_dash_bylines.txt"), &expected, &[]);
}

#[test]
fn an_archive_that_lost_its_titles_opens_a_post_at_each_byline() {
    // "By Dana Whitlow | date" over each post's text, no title anywhere:
    // each byline opens a post, and none is a signed comment.
    for (name, variant) in reformatted(&fixture("archive_bylines_without_titles.txt")) {
        let posts = parse(&variant);
        let got: Vec<(Option<&str>, Option<&str>, usize, usize)> = posts
            .iter()
            .map(|p| {
                (
                    p.author.as_deref(),
                    p.date.as_deref(),
                    p.blocks.len(),
                    p.comments.len(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("Dana Whitlow"), Some("March 4, 2015 | 11:58 PM"), 2, 0),
                (
                    Some("Dana Whitlow"),
                    Some("February 28, 2015 | 3:00 PM"),
                    2,
                    0
                ),
                (
                    Some("Dana Whitlow"),
                    Some("February 20, 2015 | 11:31 PM"),
                    1,
                    0
                ),
            ],
            "{name}"
        );
        assert!(posts[1].blocks[0].text.starts_with("On Saturday"), "{name}");
    }
}

#[test]
fn a_comments_page_under_the_newest_posts_navigation() {
    // "« Older post | Main": the newest post has no link onwards. The line
    // is the page's navigation, not a title, and the thread under the
    // date is found: named comments, and comments parted by wider gaps.
    let expected = post(
        "March 12, 2019",
        None,
        Some("March 12, 2019"),
        &[],
        None,
        0,
        &[
            (
                Some("Tui Marsden"),
                None,
                "Those patches are lovely! The first mending I have seen that made me want to get the darning egg out again. You did a fine job on the elbows.",
            ),
            (
                None,
                None,
                "The colours are perfect! I have unpicked whole jumpers before now as well. It is only wool, after all. / And I am so glad we found each other's blogs. Not a single person at my work knows what a darning egg is.",
            ),
            (
                None,
                None,
                "Hi Ngaio! Such good memories you have stirred up. I still have my grandmother's mending basket in the hall cupboard.",
            ),
            (
                Some("Hemi Walker"),
                None,
                "Oh I do agree that nobody should keep going with a jumper that has stopped being fun. Life is too short for that.",
            ),
            (
                None,
                None,
                "Those elbow patches look like far more fun than the plain ones in the book. I remember the winters before the grandchildren came, when there was time for all of it.",
            ),
        ],
    );
    let archive = fixture("post_comments_under_newest_navigation.txt");
    let got: Vec<Seen> = parse(&archive).iter().map(seen).collect();
    assert_eq!(got, [expected]);
}

#[test]
fn a_front_page_whose_bylines_lost_their_names() {
    // "By on 3.11.14 | 3:07PM": the byline's name link came out empty. The
    // line is still the dateline under each title; the section's name
    // over the page titles nothing.
    let expected = [
        post(
            "Clearing the Harbourmaster's Name in the Harbour Post",
            None,
            Some("3.11.14 | 3:07PM"),
            &[],
            None,
            3,
            &[],
        ),
        post(
            "The Most Remarkable Rescue Ever to Make the Pages of the Harbour Post",
            None,
            Some("2.1.14 | 3:30PM"),
            &[],
            None,
            2,
            &[],
        ),
    ];
    check(
        &fixture("front_page_bylines_without_names.txt"),
        &expected,
        &[],
    );
}

#[test]
fn a_readers_letter_quoted_in_a_post_stays_in_the_post() {
    // A long lower-case sentence of the quoted letter, set apart on its
    // own line ("I fitted it to the dinghy …, and like your nephew …!"),
    // heads no post: the page is one post with its two comments.
    let expected = post(
        "Why I Keep Writing",
        None,
        Some("March 3, 2015"),
        &[],
        None,
        6,
        &[
            (
                Some("Anonymous"),
                None,
                "been reading since the harbour posts, please keep going, the tide tables alone are worth it. thanks...mere",
            ),
            (
                Some("Anonymous"),
                None,
                "What a lovely note! I have followed along since 2012. After my knee operation I could not sail for a season, so I read instead. Your posts on the old moorings kept me company. I am back on the water now and wanted to say thank you.",
            ),
        ],
    );
    check(&fixture("post_reader_letter_quoted.txt"), &[expected], &[]);
}

#[test]
fn a_post_page_whose_comments_put_a_byline_over_their_stamp() {
    // "1. by Tanya" over "On March 3, 2011 at 9:12 am": the byline names
    // the commenter, the stamp gives the time, and "On" names nobody.
    let comments = &parse(&fixture("post_bylines_over_stamps.txt"))[0].comments;
    let heads: Vec<(Option<&str>, Option<&str>)> = comments
        .iter()
        .map(|c| (c.author.as_deref(), c.date.as_deref()))
        .collect();
    assert_eq!(
        heads,
        [
            (Some("Tanya"), Some("March 3, 2011 at 9:12 am")),
            (Some("Rob Keane"), Some("March 3, 2011 at 10:40 am")),
            (Some("Tanya"), Some("March 3, 2011 at 11:02 am")),
            (Some("Mel"), Some("March 4, 2011 at 7:55 pm")),
        ]
    );
    assert!(comments[1].blocks[0].text.starts_with("Fuel is a fraction"));
}

#[test]
fn a_journal_page_whose_comments_open_on_labelled_stamps() {
    // "Date:March 5th, 2010 01:12 am (UTC)" over each comment, the line
    // that named its writer lost: each stamp opens a comment with no name,
    // glued to the comment above it, and a blank line inside a comment
    // parts its paragraphs, not the comments.
    let expected = post(
        "07:15 pm - the ferry, again",
        None,
        Some("March 4th, 2010"),
        &[],
        None,
        3,
        &[
            (
                None,
                None,
                "Same thing happened to us last month. The timetable on the wall and the one on the website have not agreed since the new fares came in. / Write to the board. They do answer, eventually.",
            ),
            (
                None,
                None,
                "Four minutes early is a new record. Usually it is two.",
            ),
            (
                None,
                None,
                "Walking home in the rain sounds lovely to me. Better than sitting on the bench for another hour.",
            ),
            (
                None,
                None,
                "I have a ferry story from Thursday too. / Ours waited twenty minutes for a delivery van and nobody said why. / I suppose that evens it out.",
            ),
        ],
    );
    check(
        &fixture("post_journal_labelled_stamps.txt"),
        &[expected],
        &[],
    );
    let dates: Vec<Option<String>> = parse(&fixture("post_journal_labelled_stamps.txt"))[0]
        .comments
        .iter()
        .map(|c| c.date.clone())
        .collect();
    assert_eq!(
        dates,
        [
            Some("March 5th, 2010 01:12 am".to_string()),
            Some("March 5th, 2010 08:40 am".to_string()),
            Some("March 5th, 2010 02:03 pm".to_string()),
            Some("March 5th, 2010 09:47 pm".to_string()),
        ]
    );
}

#[test]
fn one_labelled_stamp_quoted_in_a_post_opens_no_thread() {
    // A message the post quotes, its "Date:" line alone: no stamp follows,
    // so it is the post's text.
    let archive = "What the harbour board wrote back\n\n\
                   I wrote to the board in January about the mooring fees. This is the reply, in full.\n\n\
                   Date:February 14th, 2011 10:02 am (UTC)\n\
                   Thank you for your letter. The fees are under review.\n\n\
                   That is the whole of it, six weeks on.\n";
    let posts = parse(archive);
    assert_eq!(posts.len(), 1, "{posts:#?}");
    assert!(posts[0].comments.is_empty(), "{posts:#?}");
    assert_eq!(posts[0].blocks.len(), 4, "{posts:#?}");
}

#[test]
fn a_thread_closed_by_a_line_keeps_the_comments_before_a_numbered_list() {
    // "Expand full comment" after each comment closes it; a comment that
    // numbers its points is one comment, and the comments before it keep
    // their text.
    for (name, variant) in reformatted(&fixture("post_comments_closed_by_expand.txt")) {
        let posts = parse(&variant);
        let texts: Vec<Vec<&str>> = posts
            .iter()
            .flat_map(|p| &p.comments)
            .map(|c| c.blocks.iter().map(|b| &*b.text).collect())
            .collect();
        assert_eq!(posts.len(), 1, "{name}: {posts:#?}");
        assert_eq!(posts[0].blocks.len(), 2, "{name}: {posts:#?}");
        assert_eq!(
            texts,
            [
                vec![
                    "Liked reading this over my coffee. The tide tables alone are worth it, and I am glad they are staying."
                ],
                vec![
                    "Moving off the board's list after all these years is strange, but a relief. The old emails landed in my spam folder every other week."
                ],
                vec![
                    "Some ideas for the new page:",
                    "A search box for old notices:",
                    "Finding last year's mooring notice took me half an hour.",
                    "Tide tables as a printable sheet."
                ],
            ],
            "{name}"
        );
    }
}

#[test]
fn a_post_page_whose_numbered_comments_put_any_name_over_their_time() {
    // "1. gran on the island" over its time is a commenter's chosen name,
    // "2." over a time alone a comment whose name the page left out; the
    // quoted first line is the title the header names, not the post's text.
    let posts = parse(&fixture("post_numbered_dated_comments.txt"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].title, "The Ferry Timetable Shrinks Again");
    assert!(posts[0].blocks[0].text.starts_with("The harbour board"));
    let comments: Vec<(Option<&str>, Option<&str>, &str)> = posts[0]
        .comments
        .iter()
        .map(|c| (c.author.as_deref(), c.date.as_deref(), &*c.blocks[0].text))
        .collect();
    assert_eq!(
        comments,
        [
            (
                Some("gran on the island"),
                Some("June 4, 2019 at 8:15 am"),
                "The last boat now leaves before the clinic closes. How is anyone meant to get home?"
            ),
            (
                None,
                Some("June 4, 2019 at 9:40 am"),
                "The board only listens when the summer traffic is at stake."
            ),
            (
                Some("HarbourWatcher"),
                Some("June 5, 2019 at 6:02 pm"),
                "Check the minutes from March: the cut was planned before the survey came back."
            ),
        ]
    );
    assert_eq!(posts[0].comments[0].blocks.len(), 2);
}

#[test]
fn a_category_page_lists_its_posts_behind_bullets_whatever_their_titles_end_with() {
    // Under "Category: …" a bulleted list over indented teasers is the
    // category's posts, a title trailing off ("Whatever Next . . ."),
    // asking, exclaiming or running on into a teaser in lower case among
    // them: no thread.
    let posts = parse(&fixture("listing_category_bullets.txt"));
    let titles: Vec<&str> = posts.iter().map(|p| &*p.title).collect();
    assert_eq!(
        titles,
        [
            "Whatever Next . . .",
            "Quiet Week",
            "The Ferry Board",
            "Who Pays for the Pier?",
            "A Raffle Beats the Rates!",
            "Brass Bands"
        ]
    );
    assert!(posts.iter().all(|p| p.comments.is_empty()));
    assert!(posts[2].blocks[0].text.starts_with("cannot count"));
}

#[test]
fn a_moderated_forums_comments_open_on_subject_name_and_score() {
    // "Re:Finally by tidewater · · Score: 4, Insightful": the commenter is
    // the name after "by"; replies sit under the comment they answer.
    let posts = parse(&fixture("post_scored_comments.txt"));
    assert_eq!(posts.len(), 1);
    let comments: Vec<(Option<&str>, Option<u32>, &str)> = posts[0]
        .comments
        .iter()
        .map(|c| (c.author.as_deref(), c.parent, &*c.blocks[0].text))
        .collect();
    assert_eq!(
        comments,
        [
            (
                Some("Anonymous Reader"),
                None,
                "About time someone checked their paperwork."
            ),
            (
                Some("tidewater"),
                Some(0),
                "The hearing was promised in the board's own minutes, so this was coming."
            ),
            (
                Some("Mara Quill"),
                Some(0),
                "A hearing they will hold on a weekday morning, when nobody can come."
            ),
            (
                Some("keel_and_rudder"),
                None,
                "Who pays the board's legal bill? The ratepayers, as usual."
            ),
        ]
    );
}

#[test]
fn a_list_whose_items_each_sign_off_under_their_text_is_the_thread() {
    // No comments header: bullets at the page's end, each with its byline
    // indented under it ("By Blogger Tui Marsh, at 10:02 PM"), are the
    // comments, named and timed by their bylines.
    let posts = parse(&fixture("post_signed_bullet_comments.txt"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].blocks.len(), 2);
    let comments: Vec<(Option<&str>, Option<&str>, &str)> = posts[0]
        .comments
        .iter()
        .map(|c| (c.author.as_deref(), c.date.as_deref(), &*c.blocks[0].text))
        .collect();
    assert_eq!(
        comments,
        [
            (Some("Anonymous"), Some("9:14 PM"), "It was a long hour!"),
            (
                Some("Tui Marsh"),
                Some("10:02 PM"),
                "The ferry will come up again at the by-election, you watch. Nobody wins the valley without it."
            ),
            (
                Some("Anonymous"),
                Some("7:45 AM"),
                "Roads, always roads. We have roads."
            ),
        ]
    );
}

#[test]
fn a_front_page_whose_bylines_name_the_categories_after_the_author() {
    // "November 9th, 2009 by Jo Lee in Transport, Local Politics" is the
    // post's byline, so the line over it is the title (a colon and all);
    // "Read the rest of this entry »" and "Posted in … | 7 Comments »"
    // end the teaser and count its comments.
    let posts = parse(&fixture("front_page_bylines_in_categories.txt"));
    // Title, author, date and the comment count the page states.
    type Head<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<u32>);
    let heads: Vec<Head<'_>> = posts
        .iter()
        .map(|p| {
            (
                &*p.title,
                p.author.as_deref(),
                p.date.as_deref(),
                p.comment_count,
            )
        })
        .collect();
    assert_eq!(
        heads,
        [
            (
                "Jo Lee: Why the ferry board keeps losing",
                Some("Jo Lee"),
                Some("November 9th, 2009"),
                Some(7)
            ),
            (
                "Al Cole: The rates rise nobody voted for",
                Some("Al Cole"),
                Some("November 8th, 2009"),
                Some(3)
            ),
        ]
    );
    assert_eq!(posts[0].blocks.len(), 2);
    assert_eq!(posts[1].blocks.len(), 1);
}

#[test]
fn lookalikes_of_a_thread_in_a_posts_text_stay_its_text() {
    // "Score: 98/2 by lunch" in a match report opens no comment; a post's
    // own promises, each over its gloss, stay list items; and a numbered
    // list under a post's "Category: …" footer is still its thread.
    let posts = parse(&fixture("post_lookalikes_of_threads.txt"));
    let shape: Vec<(&str, usize, usize)> = posts
        .iter()
        .map(|p| {
            let items = p.blocks.iter().filter(|b| b.kind == BlockKind::ListItem);
            (&*p.title, items.count(), p.comments.len())
        })
        .collect();
    assert_eq!(
        shape,
        [
            ("Day Two at the Basin Reserve", 0, 0),
            ("Five Promises Worth Keeping", 2, 0),
            ("Tolls Up Again", 0, 2),
        ]
    );
    assert!(
        posts[0]
            .blocks
            .iter()
            .any(|b| &*b.text == "Score: 288 all out by stumps")
    );
    assert_eq!(
        &*posts[2].comments[0].blocks[1].text,
        "Nor did I, and I doubt the council did either."
    );
}

#[test]
fn a_listing_of_posts_then_a_post_with_headed_points_of_its_own() {
    // The listing's bullets are posts; the post's bullets, led into by its
    // text and followed by more of it, are its own points.
    let posts = parse(&fixture("listing_then_post_bullets.txt"));
    let titles: Vec<&str> = posts.iter().map(|p| &*p.title).collect();
    assert_eq!(
        titles,
        [
            "Whatever Next . . .",
            "Quiet Week",
            "Brass Bands",
            "The Seawall Survey"
        ]
    );
    let points: Vec<&str> = posts[3]
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::ListItem)
        .map(|b| &*b.text)
        .collect();
    assert_eq!(
        points,
        [
            "Cracks along the east arm",
            "Two pumps out of four",
            "No money set aside"
        ]
    );
    assert_eq!(
        &*posts[3].blocks.last().unwrap().text,
        "The rest is about paint."
    );
}

#[test]
fn a_quoted_chat_log_is_the_posts_text_not_its_titles() {
    // "<jb_marine> yep" is a line of a chat log the post quotes, short and
    // unended as a title is, but no title: the log stays in its post.
    let posts = parse(&fixture("post_quoting_a_chat_log.txt"));
    let titles: Vec<&str> = posts.iter().map(|p| &*p.title).collect();
    assert_eq!(
        titles,
        ["The Harbour Board's Group Chat", "Ferry Fares Rise Again"]
    );
    let log: Vec<&str> = posts[0]
        .blocks
        .iter()
        .map(|b| &*b.text)
        .filter(|text| text.starts_with('<'))
        .collect();
    assert_eq!(log.len(), 6);
    assert!(
        posts[0]
            .blocks
            .last()
            .unwrap()
            .text
            .starts_with("The survey has since")
    );
}

#[test]
fn comments_in_a_pages_menu_head_no_thread() {
    // "Comments" glued among "Home" and "Archives" is a menu's link, not
    // the header of a thread: the help text and its list under it stay
    // the page's, with nothing taken for comments.
    let posts = parse(&fixture("page_menu_over_help_text.txt"));
    assert_eq!(posts.len(), 1);
    assert!(posts[0].comments.is_empty());
    let texts: Vec<&str> = posts[0].blocks.iter().map(|b| &*b.text).collect();
    assert!(texts.contains(&"How are the comments shown under a post?"));
    let items = posts[0]
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::ListItem)
        .count();
    assert_eq!(items, 4);
}

#[test]
fn a_front_page_whose_datelines_end_in_a_time_zone() {
    // "10:57 AM ET" under the date is the rest of the dateline, not a
    // post of its own; the title is the line under it.
    let posts = parse(&fixture("front_page_zoned_times.txt"));
    let heads: Vec<(&str, Option<&str>)> = posts
        .iter()
        .map(|p| (&*p.title, p.date.as_deref()))
        .collect();
    assert_eq!(
        heads,
        [
            ("The Long Summer Recess", Some("July 28th, 2009")),
            ("Fares Up, Sailings Down", Some("July 27th, 2009")),
        ]
    );
}

#[test]
fn a_letter_whose_comments_open_on_name_lines_under_a_bracketed_count() {
    // "(3) comments" heads the thread; each comment opens on its name.
    let posts = parse(&fixture("letter_with_counted_name_lines.txt"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].comment_count, Some(3));
    let authors = comment_authors(&posts[0]);
    assert_eq!(
        authors,
        [Some("Ben T"), Some("tidewatcher"), Some("Ana Pereira")]
    );
}

#[test]
fn numbered_comments_under_any_display_name_each_stamped_under_its_text() {
    // "1. Ruth from Paihia" over the comment's text and its stamp ("March
    // 4, 2010 at 9:42 pm |", the link after the bar lost): the name is the
    // commenter's, however it reads, not a post's title.
    let posts = parse(&fixture("post_numbered_names_with_places.txt"));
    assert_eq!(posts.len(), 1);
    let comments = comment_stamps(&posts[0]);
    assert_eq!(
        comments,
        [
            (Some("Ruth from Paihia"), Some("March 4, 2010 at 9:42 pm")),
            (Some("Tom in Russell"), Some("March 4, 2010 at 9:50 pm")),
            (Some("Hemi Walker"), Some("March 5, 2010 at 7:15 am")),
        ]
    );
    assert!(posts[0].comments[2].blocks[0].text.starts_with("No. Fix"));
}

#[test]
fn comments_labelled_by_a_name_and_a_stamp_parted_by_a_comma() {
    // "Mark T.,  March 12, 2011 at 8:41 AM" over each comment, with no
    // header over the thread: the name before the comma is the
    // commenter's, and none of the labels is a post's title.
    let posts = parse(&fixture("post_comma_stamped_comments.txt"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].title, "Calm Down, It Is Only March");
    let comments = comment_stamps(&posts[0]);
    assert_eq!(
        comments,
        [
            (Some("Mark T."), Some("March 12, 2011 at 8:41 AM")),
            (Some("Ana"), Some("March 12, 2011 at 10:05 AM")),
            (Some("Ana"), Some("March 12, 2011 at 10:20 AM")),
        ]
    );
}

#[test]
fn a_post_whose_text_has_a_line_said_aloud_keeps_it_and_its_comments() {
    // "Congratulations to both of you and to the baby's big sister as
    // well!" stands apart between paragraphs, but it is a sentence of the
    // post in lower case, said aloud: no title, so the post keeps its text
    // and its two comments.
    let posts = parse(&fixture("post_lines_said_aloud.txt"));
    assert_eq!(posts.len(), 1);
    assert!(
        posts[0]
            .blocks
            .iter()
            .any(|b| b.text.starts_with("Congratulations to both"))
    );
    let authors = comment_authors(&posts[0]);
    assert_eq!(authors, [Some("Mere"), Some("Tom")]);
}

#[test]
fn blogger_comments_under_names_dressed_up_by_their_owners() {
    // ".:| Mel |:. said...", 'The New "Normal" said...' and "Hemi @
    // harbourwalks.co.nz said..." are Blogger's labels: the names keep
    // their decoration, as the page prints them.
    let posts = parse(&fixture("post_said_decorated_names.txt"));
    assert_eq!(posts.len(), 1);
    let authors = comment_authors(&posts[0]);
    assert_eq!(
        authors,
        [
            Some("Lori"),
            Some(".:| Mel |:."),
            Some("The New \"Normal\""),
            Some("Hemi @ harbourwalks.co.nz"),
        ]
    );
}

#[test]
fn a_post_with_numbered_parts_over_its_numbered_thread_keeps_its_text() {
    // "Part 1" / "Part 2" / "Part 3" glued over the post's last paragraph
    // are no commenters' names: the short title under the date, "and
    // then" and "Part 3" are no run of name lines, so the post keeps its
    // title and all its text, and the numbered list is the thread.
    let posts = parse(&fixture("post_parts_glued_over_a_numbered_thread.txt"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].title, "Rainy Bach Days");
    let text: Vec<&str> = posts[0].blocks.iter().map(|b| &*b.text).collect();
    for sentence in [
        "We spent the long weekend",
        "The kids did not mind",
        "On the last morning",
        "It was a lovely weekend",
    ] {
        assert!(
            text.iter().any(|t| t.contains(sentence)),
            "{sentence:?} is lost: {text:?}"
        );
    }
    assert_eq!(posts[0].comments.len(), 3);
}

#[test]
fn numbered_comments_labelled_by_name_and_date_with_their_replies_unnumbered() {
    // "1. tuiwatcher - March 3, 2015": the thread numbers its comments and
    // prints the replies under each with no number. An archive's headings
    // in the same shape ("Ferry Fares - March 3, 2014") are no thread.
    let posts = parse(&fixture("post_dashed_comments_numbered_over_replies.txt"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].title, "On Losing an Argument Well");
    let comments: Vec<(Option<&str>, Option<u32>)> = posts[0]
        .comments
        .iter()
        .map(|c| (c.author.as_deref(), c.parent))
        .collect();
    assert_eq!(
        comments,
        [
            (Some("tuiwatcher"), None),
            (Some("harbourlight"), Some(0)),
            (Some("Pita Rangi"), None),
            (Some("harbourlight"), Some(2)),
            (Some("Mere K"), Some(2)),
        ]
    );
    assert!(
        posts[0].comments[4].blocks[0]
            .text
            .starts_with("Same here.")
    );
    let archive = parse(&fixture("archive_dashed_headings.txt"));
    assert!(archive.iter().all(|p| p.comments.is_empty()));
}

#[test]
fn name_lines_with_the_dash_their_date_stood_after() {
    // "Old Ben -" over each comment: the theme's date after the dash is
    // lost, and the name is what stands before it. A comment that ends in
    // a face (":-0") ends as a sentence does.
    let posts = parse(&fixture("post_name_lines_with_dashes.txt"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].title, "First Frost of the Year");
    assert_eq!(
        comment_authors(&posts[0]),
        [Some("kiri"), Some("Old Ben"), Some("Ana Lee"), Some("kiri")]
    );
    assert!(posts[0].comments[1].blocks[0].text.ends_with(":-0"));
}

#[test]
fn numbered_comments_whose_names_are_printed_twice_over_their_date() {
    // "1. Jo Lee Jo Lee 2007-04-24" over each comment's indented text: the
    // picture's alternative text, the name, then the date.
    let posts = parse(&fixture("post_numbered_names_printed_twice.txt"));
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].title, "Why The Ferry Fares Keep Rising");
    assert_eq!(
        comment_stamps(&posts[0]),
        [
            (Some("Kristin"), Some("2007-04-24")),
            (Some("harbourlight"), Some("2007-04-24")),
            (Some("Old Ben"), Some("2007-04-25")),
            (Some("Kristin"), Some("2007-04-26")),
        ]
    );
    assert!(
        posts[0].comments[3].blocks[0]
            .text
            .starts_with("Ben, if you saw it")
    );
}

#[test]
fn comment_stamps_that_end_in_their_permalink_mark() {
    // "1. kiri Tue, Mar 2, 2010 at 8:15 am #": the name and the time, then
    // the mark that links to the comment.
    let posts = parse(&fixture("post_stamps_with_permalink_marks.txt"));
    assert_eq!(posts.len(), 1);
    assert_eq!(
        comment_stamps(&posts[0]),
        [
            (Some("kiri"), Some("Tue, Mar 2, 2010 at 8:15 am")),
            (Some("Old Ben"), Some("Tue, Mar 2, 2010 at 10:40 am")),
            (Some("Ana Lee"), Some("Wed, Mar 3, 2010 at 6:02 pm")),
        ]
    );
    let parents: Vec<Option<u32>> = posts[0].comments.iter().map(|c| c.parent).collect();
    assert_eq!(parents, [None, Some(0), None]);
    assert!(
        posts[0].comments[0].blocks[0]
            .text
            .starts_with("I asked mine.")
    );
}

#[test]
fn a_bulleted_thread_right_under_a_title_with_its_trail_glued_on() {
    // "HomeBlog‘Title’ : …": the breadcrumb's links run into the title;
    // then "• kiri_w September 10, 2012 at 9:13 am" right under it, with
    // no text between: a bulleted name and time is a comment's label, not
    // the post's byline.
    for (name, variant) in reformatted(&fixture("post_bulleted_thread_under_glued_trail.txt")) {
        let posts = parse(&variant);
        assert_eq!(posts.len(), 1, "{name}");
        assert_eq!(
            posts[0].title,
            "‘Why the Ferry Timetable Needs a Rewrite’ : Our Reply to the Operator’s Letter in This Week’s Harbour Post",
            "{name}"
        );
        assert_eq!(
            comment_stamps(&posts[0]),
            [
                (Some("kiri_w"), Some("September 10, 2012 at 9:13 am")),
                (Some("Old Ben"), Some("September 10, 2012 at 9:46 am")),
            ],
            "{name}"
        );
        assert!(
            posts[0].comments[0].blocks[0]
                .text
                .starts_with("Wouldn’t the operator"),
            "{name}"
        );
    }
}

#[test]
fn a_post_that_ends_in_a_numbered_list_of_titles() {
    // "1. The Morning Star" / "2. Harbour Lights" / …, set apart at the
    // page's end with nothing under any item: the post's own list of
    // names, not a thread of one-line comments.
    for (name, variant) in reformatted(&fixture("post_ending_in_a_numbered_list_of_titles.txt")) {
        let posts = parse(&variant);
        assert_eq!(posts.len(), 1, "{name}");
        assert!(posts[0].comments.is_empty(), "{name}");
        let items: Vec<&str> = posts[0]
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| &*b.text)
            .collect();
        assert_eq!(items.first(), Some(&"The Morning Star"), "{name}");
        assert_eq!(items.last(), Some(&"Last Light"), "{name}");
    }
}

#[test]
fn a_lone_numbered_comment_under_its_name_and_permalink() {
    // "1. Hana Roe permalink" over two indented paragraphs, with no
    // comments header and no other comment: the label as a list's item,
    // as a thread's are, opens the thread.
    for (name, variant) in reformatted(&fixture("post_with_one_permalink_comment.txt")) {
        let posts = parse(&variant);
        assert_eq!(posts.len(), 1, "{name}");
        assert_eq!(comment_authors(&posts[0]), [Some("Hana Roe")], "{name}");
        assert_eq!(posts[0].comments[0].blocks.len(), 2, "{name}");
        assert!(
            posts[0]
                .blocks
                .iter()
                .all(|block| !block.text.contains("permalink")),
            "{name}"
        );
    }
}

#[test]
fn a_page_that_prints_its_headline_twice() {
    // The headline, a standfirst, the date and time in the page's header,
    // then the headline again over the text: one post, dated.
    for (name, variant) in reformatted(&fixture("post_with_its_headline_twice.txt")) {
        let posts = parse(&variant);
        assert_eq!(posts.len(), 1, "{name}");
        assert_eq!(
            posts[0].title, "Harbour Board Delays the Wharf Levy Again",
            "{name}"
        );
        assert_eq!(posts[0].date.as_deref(), Some("June 14th, 2013"), "{name}");
        assert!(
            posts[0].blocks[0]
                .text
                .starts_with("The harbour board put off"),
            "{name}"
        );
    }
}

#[test]
fn numbered_comments_whose_dates_lost_their_links() {
    // "1. R. Dunmore on" over the comment: "on" and the date after it were
    // a link the scrape lost; the name before it opens the comment.
    for (name, variant) in reformatted(&fixture("thread_names_before_lost_dates.txt")) {
        let posts = parse(&variant);
        assert_eq!(posts.len(), 1, "{name}");
        assert_eq!(
            comment_authors(&posts[0]),
            [Some("R. Dunmore"), Some("Tilly")],
            "{name}"
        );
        assert_eq!(posts[0].comments[1].blocks.len(), 2, "{name}");
        assert_eq!(posts[0].blocks.len(), 1, "{name}");
    }
}

#[test]
fn a_movable_type_page_with_its_trackbacks_and_credit() {
    // "No TrackBacks", "TrackBack URL for this entry: …", a picture's
    // credit and "Powered by Movable Type 4.23" say nothing of the post or
    // its readers: the post keeps its two paragraphs and the thread its
    // three signed comments.
    for (name, variant) in reformatted(&fixture("movable_type_post_with_trackbacks.txt")) {
        let posts = parse(&variant);
        assert_eq!(posts.len(), 1, "{name}");
        assert_eq!(posts[0].blocks.len(), 2, "{name}");
        assert_eq!(
            comment_authors(&posts[0]),
            [Some("Ada Quill"), Some("Tomas Reed"), Some("Wen Hollis")],
            "{name}"
        );
        let last = posts[0].comments.last().expect("three comments");
        assert_eq!(last.blocks.len(), 1, "{name}");
    }
}

#[test]
fn journal_comments_under_headers_of_fields() {
    // "From: marsh_wren" and "User: gull_post" over each comment's stamp
    // name its writer, behind the picture's alternative text too ("[User
    // Picture]From: tide_clock"); a subject glued under the stamp heads no
    // post, and a blank one ("(no subject)") is no text of the comment's.
    for (name, variant) in reformatted(&fixture("journal_comments_under_field_headers.txt")) {
        let posts = parse(&variant);
        assert_eq!(posts.len(), 1, "{name}");
        assert_eq!(posts[0].blocks.len(), 2, "{name}");
        assert_eq!(
            comment_authors(&posts[0]),
            [
                Some("marsh_wren"),
                Some("tide_clock"),
                Some("gull_post"),
                Some("marsh_wren")
            ],
            "{name}"
        );
        let blocks: Vec<usize> = posts[0].comments.iter().map(|c| c.blocks.len()).collect();
        assert_eq!(blocks, [2, 1, 1, 2], "{name}");
    }
}

#[test]
fn a_journal_entry_under_header_fields() {
    // "Date:", "Subject:" and "Security:" over the entry: the subject is
    // its title, the date its date, and who may read it no text.
    for (name, variant) in reformatted(&fixture("journal_entry_under_header_fields.txt")) {
        let posts = parse(&variant);
        assert_eq!(posts.len(), 1, "{name}");
        assert_eq!(&*posts[0].title, "the ferry fares, again", "{name}");
        assert_eq!(posts[0].date.as_deref(), Some("2010-05-02 09:10"), "{name}");
        assert_eq!(posts[0].blocks.len(), 2, "{name}");
        assert_eq!(
            comment_authors(&posts[0]),
            [Some("gull_post"), Some("marsh_wren")],
            "{name}"
        );
    }
}
