//! Single post pages: the post, its comments and the page around them
//! (reply forms, signed comments), on small pages written for each shape.

use super::*;

#[test]
fn a_reply_form_after_the_thread_is_the_pages() {
    let page = "Tolls up again\n\nThe council voted to raise the tolls again.\n\n\
                2 Responses to Tolls up again\n\n  1. Jo Lee says:\n\n    Tolls are a tax.\n\n\
                \x20 2. Al Cole says:\n\n    Nobody asked the drivers.\n\nLeave a Reply\n\n\
                Sign in with one of these:\n\nExample Logo\n\nYou are commenting as Example. Log Out\n\n\
                Picture Service\n\nYou are commenting as Picture. Log Out\n";
    let posts = parse("t", page).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Tolls up again"]);
    let post = &posts[0];
    assert_eq!(post.blocks.len(), 1);
    let authors: Vec<Option<&str>> = post.comments.iter().map(|c| c.author.as_deref()).collect();
    assert_eq!(authors, [Some("Jo Lee"), Some("Al Cole")]);
    let last = &post.comments[1];
    let texts: Vec<&str> = last.blocks.iter().map(|b| &*b.text).collect();
    assert_eq!(texts, ["Nobody asked the drivers."]);

    // A form's notes as a list are no comments either.
    let listed = "Tolls up again\n\nThe council voted to raise the tolls again.\n\nPost new comment\n\n\
                  \x20 • Some markup is allowed.\n\n  • Addresses turn into links.\n\n\
                  More about formatting\n\nPlease keep it civil, as the rules of this site ask.\n";
    let posts = parse("t", listed).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Tolls up again"]);
    assert!(posts[0].comments.is_empty());
    assert_eq!(posts[0].blocks.len(), 1);

    // Each button's note recurs, and may be learned for a byline: the
    // buttons are still the form's.
    let buttons = "Tolls up again\n\nThe council voted to raise the tolls again.\n\n\
                   2 Responses to Tolls up again\n\n  1. Jo Lee says:\n\n    Tolls are a tax.\n\n\
                   \x20 2. Al Cole says:\n\n    Nobody asked the drivers.\n\nLeave a Reply\n\n\
                   Fill in your details below or click an icon to log in:\n\n\
                   Mail photo\n\nYou are commenting using your Mail account. Log Out / Change )\n\n\
                   Chat picture\n\nYou are commenting using your Chat account. Log Out / Change )\n\n\
                   Photo badge\n\nYou are commenting using your Photo account. Log Out / Change )\n\n\
                   Cancel\n";
    let posts = parse("t", buttons).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Tolls up again"]);
    assert_eq!(posts[0].comments.len(), 2);

    // A post after the form, with its date under its title, is a post.
    let next = format!("{page}\nBridge closed\n\nMay 5, 2010\n\nIt will reopen in June.\n");
    let posts = parse("t", &next).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Tolls up again", "Bridge closed"]);
}

fn comments(post: &Post) -> Vec<(Option<&str>, Option<u32>, Vec<&str>)> {
    post.comments
        .iter()
        .map(|c| {
            (
                c.author.as_deref(),
                c.parent,
                c.blocks.iter().map(|b| &*b.text).collect(),
            )
        })
        .collect()
}

#[test]
fn comments_signed_after_their_text_belong_to_the_post() {
    let page = "The council voted to raise the tolls again, and nobody on it asked the drivers first.\n\n\
                Posted by jo at 10:36 AM\n\nTolls are a tax by another name.\n\n\
                Posted by Al Cole at May 4, 2010 10:40 AM\n\nNobody asked the drivers.\n\n\
                Posted by jo at May 4, 2010 11:02 AM\n\nQUITE RIGHT\n\n\
                Posted by Cy Dunn at May 5, 2010 8:15 AM\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].author.as_deref(), Some("jo"));
    assert_eq!(
        comments(&posts[0]),
        [
            (
                Some("Al Cole"),
                None,
                vec!["Tolls are a tax by another name."]
            ),
            (Some("jo"), None, vec!["Nobody asked the drivers."]),
            (Some("Cy Dunn"), None, vec!["QUITE RIGHT"]),
        ]
    );
    assert_eq!(
        posts[0].comments[0].date.as_deref(),
        Some("May 4, 2010 10:40 AM")
    );

    // One name signs them all, with their dates: still comments.
    let anonymous = page
        .replace("Al Cole", "Anonymous")
        .replace("Cy Dunn", "Anonymous")
        .replace("by jo at May", "by Anonymous at May");
    let posts = parse("t", &anonymous).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].comments.len(), 3);
    // One name under every text, with its time and no date: a writer's
    // posts under the day's heading, and no thread.
    let one_voice = anonymous
        .replace("Anonymous", "jo")
        .replace("May 4, 2010 ", "")
        .replace("May 5, 2010 ", "");
    let posts = parse("t", &one_voice).unwrap();
    assert!(posts.iter().all(|post| post.comments.is_empty()));
}

#[test]
fn blogger_labels_of_any_display_name_open_comments() {
    let page = "Tolls up again\n\nMonday, May 3, 2010\n\nThe council voted to raise the tolls again.\n\n\
                quiet reader said...\n\nTolls are a tax by another name.\n\n\
                Jo Lee said...\n\nNobody asked the drivers.\n\nThey never do.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].blocks.len(), 1);
    assert_eq!(
        comments(&posts[0]),
        [
            (
                Some("quiet reader"),
                None,
                vec!["Tolls are a tax by another name."]
            ),
            (
                Some("Jo Lee"),
                None,
                vec!["Nobody asked the drivers.", "They never do."]
            ),
        ]
    );
    let unnamed = "Tolls up again\n\nThe council voted to raise the tolls again.\n\n\
                   Anonymous said...\n\nTolls are a tax by another name.\n";
    let posts = parse("t", unnamed).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(
        comments(&posts[0]),
        [(
            Some("Anonymous"),
            None,
            vec!["Tolls are a tax by another name."]
        )]
    );
}

#[test]
fn a_breadcrumb_trail_names_the_title_under_it() {
    let page = "Jo's Soapbox\n\nHome » Transport » Tolls up again, and nobody asked the drivers\n\n\
                Tolls up again, and nobody asked the drivers\n\nThe council voted to raise the tolls again.\n\n\
                That is all.\n";
    let posts = parse("t", page).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Tolls up again, and nobody asked the drivers"]);
    assert_eq!(posts[0].blocks.len(), 2);
    // A trail that names another line leaves the titles as they were.
    let other = page.replace(
        "» Tolls up again, and nobody asked the drivers",
        "» Ferries",
    );
    let posts = parse("t", &other).unwrap();
    assert_eq!(posts[0].title, "Jo's Soapbox");
}

#[test]
fn links_to_the_previous_and_next_posts_are_no_title() {
    let page = "« Ferries late again | Main | Bridge closed »\n\nMay 11, 2010\n\nTolls up again\n\n\
                The council voted to raise the tolls again.\n\nPosted by Jo Lee on May 11, 2010 at 12:43 PM | Permalink\n";
    let posts = parse("t", page).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Tolls up again"]);
}

#[test]
fn a_page_that_opens_on_its_comments_header_takes_its_title_from_it() {
    let page = "2 Responses to Tolls up again\n\n  1. Jo Lee says:\n\n    Tolls are a tax.\n\n\
                \x20 2. Al Cole says:\n\n    Nobody asked the drivers.\n";
    let posts = parse("t", page).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Tolls up again"]);
    assert!(posts[0].blocks.is_empty());
    assert_eq!(posts[0].comment_count, Some(2));
    assert_eq!(
        comments(&posts[0]),
        [
            (Some("Jo Lee"), None, vec!["Tolls are a tax."]),
            (Some("Al Cole"), None, vec!["Nobody asked the drivers."]),
        ]
    );
    // Over a title that is no comment, the header is the post's.
    let titled = format!("Tolls up again\n\nThe council voted.\n\n{page}");
    let posts = parse("t", &titled).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].blocks.len(), 1);
    assert_eq!(posts[0].comments.len(), 2);
}

#[test]
fn a_page_that_opens_on_a_count_and_unlabelled_comments_keeps_its_first_comment() {
    let page = "3 Comments\n\nTolls are a tax by another name.\n\nExpand full comment\n\n\
                Nobody asked the drivers.\n\nExpand full comment\n\n\
                They never do.\n\nExpand full comment\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts.len(), 1);
    // The header stands for the title the page does not show.
    assert_eq!(posts[0].title, "3 Comments");
    assert!(posts[0].blocks.is_empty());
    assert_eq!(
        comments(&posts[0]),
        [
            (None, None, vec!["Tolls are a tax by another name."]),
            (None, None, vec!["Nobody asked the drivers."]),
            (None, None, vec!["They never do."]),
        ]
    );
    // Over a title that is no comment, the count is the post's.
    let titled = format!("Tolls up again\n\nThe council voted.\n\n{page}");
    let posts = parse("t", &titled).unwrap();
    assert_eq!(posts[0].title, "Tolls up again");
    assert_eq!(posts[0].blocks.len(), 1);
    assert_eq!(posts[0].comments.len(), 3);
}

/// The thread the name-line pages below print: Jo Lee, Al Cole, Jo Lee.
fn jo_al_jo() -> Vec<(Option<&'static str>, Option<u32>, Vec<&'static str>)> {
    vec![
        (Some("Jo Lee"), None, vec!["Tolls are a tax."]),
        (Some("Al Cole"), None, vec!["Nobody asked the drivers."]),
        (Some("Jo Lee"), None, vec!["They never do."]),
    ]
}

#[test]
fn a_notice_that_the_comments_are_closed_is_no_comments_text() {
    let page = "Tolls up again\n\nMay 4, 2010\n\nThe council voted to raise the tolls.\n\n\
                Jo Lee\n\nTolls are a tax.\n\nAl Cole\n\nNobody asked the drivers.\n\n\
                Jo Lee\n\nThey never do.\n\nThe comments to this entry are closed.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(comments(&posts[0]), jo_al_jo());
}

#[test]
fn a_thread_straight_under_the_dateline_keeps_its_first_commenters_name() {
    let page = "« Ferry late | Main | Bridge closed »\n\nMay 4, 2010\n\n\
                Jo Lee\n\nTolls are a tax.\n\nAl Cole\n\nNobody asked the drivers.\n\n\
                Jo Lee\n\nThey never do.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts.len(), 1);
    // The page shows no title: the dateline stands for it.
    assert_eq!(posts[0].title, "May 4, 2010");
    assert_eq!(posts[0].date.as_deref(), Some("May 4, 2010"));
    assert!(posts[0].blocks.is_empty());
    assert_eq!(comments(&posts[0]), jo_al_jo());
}

#[test]
fn a_page_that_opens_with_its_thread_keeps_its_first_comment() {
    let page = "Jo Lee says:\n\nTolls are a tax.\n\nAl Cole says:\n\nNobody asked the drivers.\n\n\
                Cy Dunn says:\n\nThey never do.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts.len(), 1);
    // The page shows no title: its first line stands for it, and is still
    // the first comment's label.
    assert_eq!(posts[0].title, "Jo Lee says:");
    assert!(posts[0].blocks.is_empty());
    assert_eq!(
        comments(&posts[0]),
        [
            (Some("Jo Lee"), None, vec!["Tolls are a tax."]),
            (Some("Al Cole"), None, vec!["Nobody asked the drivers."]),
            (Some("Cy Dunn"), None, vec!["They never do."]),
        ]
    );
    // Numbered, and with no labels at all.
    let numbered =
        "  1. Jo Lee says:\n\n    Tolls are a tax.\n\n  2. Al Cole says:\n\n    Nobody asked.\n";
    let posts = parse("t", numbered).unwrap();
    assert_eq!(
        comments(&posts[0]),
        [
            (Some("Jo Lee"), None, vec!["Tolls are a tax."]),
            (Some("Al Cole"), None, vec!["Nobody asked."]),
        ]
    );
    let closed =
        "Tolls are a tax.\n\nExpand full comment\n\nNobody asked.\n\nExpand full comment\n";
    let posts = parse("t", closed).unwrap();
    assert_eq!(posts[0].title, "Tolls are a tax.");
    assert_eq!(
        comments(&posts[0]),
        [
            (None, None, vec!["Tolls are a tax."]),
            (None, None, vec!["Nobody asked."]),
        ]
    );
}

#[test]
fn a_name_and_its_time_on_one_line_open_each_comment() {
    let thread = "  • Jo Lee Sunday, 4 May, 2010, 10:21 am\n\n    Tolls are a tax.\n\n\
                  \x20 • Al Cole Sunday, 4 May, 2010, 10:40 am\n\n    Nobody asked the drivers.\n\n\
                  \x20 • Cy Dunn Monday, 5 May, 2010, 8:15 am\n\n    QUITE RIGHT\n";
    let expected = [
        (Some("Jo Lee"), None, vec!["Tolls are a tax."]),
        (Some("Al Cole"), None, vec!["Nobody asked the drivers."]),
        (Some("Cy Dunn"), None, vec!["QUITE RIGHT"]),
    ];
    // Under a count in brackets with the link beside it.
    let headed = format!(
        "Tolls up again\n\nThe council voted to raise the tolls again.\n\n\
         {{ 3 comments… add one }}\n{thread}"
    );
    // With no header: the labels repeat, and the post's text stands above
    // the first.
    let bare = format!("Tolls up again\n\nThe council voted to raise the tolls again.\n\n{thread}");
    for page in [headed, bare] {
        let posts = parse("t", &page).unwrap();
        let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Tolls up again"], "{page}");
        assert_eq!(comments(&posts[0]), expected, "{page}");
        assert_eq!(
            posts[0].comments[0].date.as_deref(),
            Some("Sunday, 4 May, 2010, 10:21 am")
        );
        assert_eq!(posts[0].blocks.len(), 1, "{page}");
    }
}

#[test]
fn a_name_and_a_time_under_each_title_is_a_front_pages_byline() {
    let page = "Tolls up again\n\nJo Lee 4 May 2010, 10:21 am\n\nThe council voted to raise the tolls.\n\n\
                Bridge closed\n\nAl Cole 5 May 2010, 9:00 am\n\nIt will reopen in June.\n\n\
                Rates rise\n\nJo Lee 6 May 2010, 8:15 am\n\nThe council set the rates.\n";
    let posts = parse("t", page).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Tolls up again", "Bridge closed", "Rates rise"]);
    assert!(posts.iter().all(|p| p.comments.is_empty()));
}

#[test]
fn a_page_of_comments_under_its_navigation_and_date_keeps_them_and_not_its_sidebar() {
    let named = "« Tolls up | Main | Rates rise »\n\nMay 4, 2010\n\n\nJo Lee\n\n\
                 Tolls are a tax by another name.\n\nThe comments to this entry are closed.\n\n\
                 My Photo\n\nThis blog is written from a village on the coast.\n";
    let posts = parse("t", named).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].date.as_deref(), Some("May 4, 2010"));
    assert!(posts[0].blocks.is_empty(), "{:?}", posts[0].blocks);
    assert_eq!(
        comments(&posts[0]),
        [(
            Some("Jo Lee"),
            None,
            vec!["Tolls are a tax by another name."]
        )]
    );
    // The comment's name left out by the page.
    let nameless = named.replace("Jo Lee\n\n", "");
    let posts = parse("t", &nameless).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(
        comments(&posts[0]),
        [(None, None, vec!["Tolls are a tax by another name."])]
    );
}

#[test]
fn a_lone_says_label_with_the_threads_reply_line_under_its_text_is_a_comment() {
    let page = "Jo Lee (not verified) says:\n\nTolls are a tax by another name.\n\nReply\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(
        comments(&posts[0]),
        [(
            Some("Jo Lee"),
            None,
            vec!["Tolls are a tax by another name."]
        )]
    );
    // With the post going on under it, the same label leads in a quotation.
    let lead_in = "Tolls up again\n\nThe council voted to raise the tolls again.\n\nJo Lee says:\n\n\
                   Tolls are a tax by another name.\n\nThe council disagreed, as it always does.\n";
    let posts = parse("t", lead_in).unwrap();
    assert_eq!(posts.len(), 1);
    assert!(posts[0].comments.is_empty());
    assert_eq!(posts[0].blocks.len(), 4, "{:?}", posts[0].blocks);
}

#[test]
fn a_page_that_opens_on_its_comment_list_keeps_its_comments() {
    let page = "  • Tolls are a tax.\n\n    Nobody asked the drivers.\n\n    Nor the ferry users.\n\n\
                \x20 • The council never asks anyone.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts.len(), 1);
    assert_eq!(
        comments(&posts[0]),
        [
            (
                None,
                None,
                vec![
                    "Tolls are a tax.",
                    "Nobody asked the drivers.",
                    "Nor the ferry users."
                ]
            ),
            (None, None, vec!["The council never asks anyone."]),
        ]
    );
    // A list of short items with nothing under them is the page's own.
    let links = "  • Tolls up again\n\n  • Bridge closed\n\n  • Rates rise\n\nThe council met on Tuesday.\n";
    let posts = parse("t", links).unwrap();
    assert!(posts.iter().all(|p| p.comments.is_empty()));
}

fn titles(posts: &[Post]) -> Vec<&str> {
    posts.iter().map(|p| p.title.as_str()).collect()
}

#[test]
fn a_blogs_name_over_a_date_over_a_title_is_the_pages() {
    let page = "Quillon Notes\n\nFriday, June 29, 2007\n\nGravel levy goes up\n\n\
                The county voted on the gravel levy again last night, as it does every year.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(titles(&posts), ["Gravel levy goes up"]);
    assert_eq!(posts[0].date.as_deref(), Some("Friday, June 29, 2007"));
    assert_eq!(posts[0].blocks.len(), 1);

    // A sentence under the date opens the post: the line over the date is
    // its title, the date its dateline.
    let opening = "Gravel levy goes up\n\nFriday, June 29, 2007\n\nNobody saw it coming.\n\n\
                   The county voted on the gravel levy again last night, as it does every year.\n";
    let posts = parse("t", opening).unwrap();
    assert_eq!(titles(&posts), ["Gravel levy goes up"]);
    assert_eq!(posts[0].blocks.len(), 2);

    // A page of one post whose date does not name its weekday: a dateline
    // under the title, over a standfirst.
    let dateline = page.replace("Friday, June", "June");
    let posts = parse("t", &dateline).unwrap();
    assert_eq!(titles(&posts), ["Quillon Notes"]);

    // A citation under the date opens the post.
    let cited = page.replace(
        "Gravel levy goes up",
        "The Fen Courier: Gravel levy goes up",
    );
    let posts = parse("t", &cited).unwrap();
    assert_eq!(titles(&posts), ["Quillon Notes"]);

    // Where the archive's dates stand under its titles, the first date is
    // its title's too.
    let under = "Gravel levy goes up\n\nFriday, June 29, 2007\n\nSilt and stone\n\n\
                 The county voted on the gravel levy again last night, as it does every year.\n\n\
                 Ferry fares frozen\n\nThursday, June 28, 2007\n\n\
                 The harbour board froze the ferry fares until next summer, to nobody's surprise.\n";
    let posts = parse("t", under).unwrap();
    assert_eq!(
        titles(&posts),
        ["Gravel levy goes up", "Ferry fares frozen"]
    );
}

#[test]
fn one_blogger_label_at_the_pages_end_is_a_comment_and_a_lead_in_is_not() {
    let page = "Tolls by the back door\n\n\
                If the bridge board raises the tolls in the summer, who will notice?\n\n\
                brackenfield said...\n\nI noticed, and so did the paper.\n\nPost a Comment\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts[0].blocks.len(), 1);
    assert_eq!(
        comments(&posts[0]),
        [(
            Some("brackenfield"),
            None,
            vec!["I noticed, and so did the paper."]
        )]
    );

    // A lead-in goes on with its quotation.
    let quoted = "Tolls by the back door\n\n\
                  If the bridge board raises the tolls in the summer, who will notice?\n\n\
                  the chair said...\n\n“Nobody drives in the summer.”\n\nPost a Comment\n";
    let posts = parse("t", quoted).unwrap();
    assert!(posts[0].comments.is_empty());
    assert_eq!(posts[0].blocks.len(), 3);

    // No reply form after the text: the label may lead in the post's
    // last lines.
    let open_end = page.replace("\n\nPost a Comment", "");
    let posts = parse("t", &open_end).unwrap();
    assert!(posts[0].comments.is_empty());
    assert_eq!(posts[0].blocks.len(), 3);

    // More text before the form than a lone comment holds: the post goes on.
    let long = page.replace(
        "Post a Comment",
        "One more.\n\nAnd another.\n\nAnd a third.\n\nAnd a fourth.\n\nPost a Comment",
    );
    let posts = parse("t", &long).unwrap();
    assert!(posts[0].comments.is_empty());
}

#[test]
fn a_name_glued_over_a_stamp_opens_its_comment() {
    let page = "Ferry levy doubles\n\nThe harbour trust doubled the ferry levy on Tuesday.\n\n\
                quill_hare\n2010-05-12 10:31 pm (UTC)\nAnd nobody was told.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts[0].blocks.len(), 1);
    assert_eq!(
        comments(&posts[0]),
        [(Some("quill_hare"), None, vec!["And nobody was told."])]
    );

    // A blank line between: the line is the post's, the stamp a comment
    // with no name.
    let apart = page.replace("quill_hare\n", "quill_hare\n\n");
    let posts = parse("t", &apart).unwrap();
    assert_eq!(posts[0].blocks.len(), 2);
    assert_eq!(
        comments(&posts[0]),
        [(None, None, vec!["And nobody was told."])]
    );
}

#[test]
fn a_blogs_name_and_sidebar_over_the_first_post_are_the_pages() {
    let page = "Fen Notes\n\nAbout\n\nRecent Posts\n\n  • Gravel levy up\n  • Ferry fares frozen\n\n\
                Archives\n\n  • May 2012\n\nGravel levy up\n\n\
                The county voted on the gravel levy again last night, as it does every year.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(titles(&posts), ["Gravel levy up"]);
    assert!(posts[0].comments.is_empty());

    // A date under the first line: a post of links, dated as posts are.
    let dated = page.replace("Fen Notes\n", "Fen Notes\n\nMay 4, 2012\n");
    let posts = parse("t", &dated).unwrap();
    assert_eq!(titles(&posts), ["Fen Notes", "Gravel levy up"]);

    // A sentence among the lines: the post's text.
    let prose = page.replace(
        "Archives\n",
        "These are the stories the county would rather you missed this week.\n",
    );
    let posts = parse("t", &prose).unwrap();
    assert_eq!(titles(&posts)[0], "Fen Notes");

    // A title over links alone, with no headings among them: a post of
    // links, kept with its text.
    let links = "Weekend reading\n\n  • Gravel levy up\n\n  • Ferry fares frozen\n\n  • The quarry road\n\n\
                 Gravel levy up\n\n\
                 The county voted on the gravel levy again last night, as it does every year.\n";
    let posts = parse("t", links).unwrap();
    assert_eq!(titles(&posts), ["Weekend reading", "Gravel levy up"]);
    assert_eq!(posts[0].blocks.len(), 3);
}

#[test]
fn a_journal_entry_under_its_name_a_date_and_a_time() {
    // The time on a line of its own under the date is the dateline's: the
    // title is the line under it, the date the entry's.
    let page = "tarn_notes\n\nMarch 4th, 2009\n\n05:12 pm\n\nGravel levy goes up\n\n\
                The county voted on the gravel levy again last night, as it does every spring.\n\n\
                March 2nd, 2009\n\n09:40 am\n\nFerry fares frozen\n\n\
                The harbour board froze the ferry fares for another year, against the advice of its staff.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(
        titles(&posts),
        ["Gravel levy goes up", "Ferry fares frozen"]
    );
    let dates: Vec<_> = posts.iter().map(|p| p.date.as_deref()).collect();
    assert_eq!(dates, [Some("March 4th, 2009"), Some("March 2nd, 2009")]);
    // A time alone with no date over it is left to the segmenter.
    let untimed = "Gravel levy goes up\n\n05:12 pm\n\n\
                   The county voted on the gravel levy again last night, as it does every spring.\n";
    let posts = parse("t", untimed).unwrap();
    assert_eq!(&*posts[0].blocks[0].text, "05:12 pm");
}

#[test]
fn one_footer_with_prose_under_it_opens_no_post() {
    // Untitled posts need two footers with prose under them; a post page
    // signs its one post, and what follows is the page's.
    let text = "“Pier to Close for the Winter”: The Harbour Post reports that the board met on Tuesday and decided, \
                after two votes, that the pier will close from June.";
    let one = format!(
        "Harbour Notes\n\nFriday, June 5, 2009\n\n{text}\n\nPosted at 5:24 PM by Jo Lee\n\n\
         The board has not said when the pier will open again, and the operator is not saying either.\n"
    );
    assert_eq!(parse("t", &one).unwrap().len(), 1);
    let two = format!(
        "{one}\nPosted at 4:10 PM by Jo Lee\n\n\
         Tolls on the causeway rise again in July, for the third year running, and drivers are not pleased.\n"
    );
    let posts = parse("t", &two).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "“Pier to Close for the Winter”",
            "The board has not said when the pier will open again, and the operator is not saying either.",
            "Tolls on the causeway rise again in July, for the third year running, and drivers are not pleased."
        ]
    );
}

#[test]
fn a_slash_between_a_labels_day_and_time_keeps_the_label_whole() {
    let page = "Test day one\n\nHere is the thread for today. React to the play as it happens.\n\n\n\
                12 thoughts on “Test day one”\n\n  1. kiri_t Jul 8, 2015 / 8:54 am\n\n\
                \x20   And we are off to a slow start with the openers.\n\n    Liked by 3 people\n\n\
                \x20   • Old Ben Jul 8, 2015 / 9:30 am\n\n      The openers were always going to be slow.\n\n\
                \x20 2. mara Jul 8, 2015 / 10:02 am\n\n    Rain on the way, by the look of it.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts.len(), 1);
    let stamps: Vec<(Option<&str>, Option<&str>)> = posts[0]
        .comments
        .iter()
        .map(|c| (c.author.as_deref(), c.date.as_deref()))
        .collect();
    assert_eq!(
        stamps,
        [
            (Some("kiri_t"), Some("Jul 8, 2015 / 8:54 am")),
            (Some("Old Ben"), Some("Jul 8, 2015 / 9:30 am")),
            (Some("mara"), Some("Jul 8, 2015 / 10:02 am")),
        ]
    );
    assert_eq!(
        comments(&posts[0])[0].2,
        ["And we are off to a slow start with the openers."]
    );
}

#[test]
fn prose_under_each_footer_of_a_titled_archive_stays_in_its_post() {
    // A note on the writer under each post's footer, then the next title:
    // the note ends the post, it is no post of its own.
    let note = "Rua Tane has covered the council since 1998 and lives in Port Ellis.";
    let page = format!(
        "Tolls Up Again\n\nAugust 6, 2009\n\nThe council voted on the tolls again, to nobody's surprise.\n\n\
         Posted in Transport | Leave a comment\n\n{note}\n\n\
         Ferry Late Again\n\nAugust 5, 2009\n\nThe ferry ran late again, and nobody at the depot can say why.\n\n\
         Posted in Ferries | 2 Comments\n\n{note}\n"
    );
    let posts = parse("t", &page).unwrap();
    let titles: Vec<&str> = posts.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Tolls Up Again", "Ferry Late Again"]);
}

#[test]
fn a_weekday_dateline_under_a_posts_title_keeps_the_title() {
    // Only the day's later posts under a footer that gives the time alone
    // make the line over a weekday's date the page's name.
    let page = "Tolls Up Again on the Causeway\n\nFriday, June 5, 2009\n\n\
                Council votes the same way as last time\n\n\
                The council voted on the tolls again tonight, to nobody's surprise at all.\n\n\
                Posted in Council | 3 Comments\n\nFerry Late for the Fourth Time\n\n\
                The ferry ran late again today, and nobody at the depot can say why.\n";
    let posts = parse("t", page).unwrap();
    assert_eq!(posts[0].title, "Tolls Up Again on the Causeway");
}
