//! Lines that lead on to something the page does not print, and lines
//! glued under a title's dateline: never titles, on small archives written
//! for each shape.

use super::*;

fn titles(posts: &[Post]) -> Vec<&str> {
    posts.iter().map(|p| p.title.as_str()).collect()
}

/// A teaser that opens with a share button's word and ends in a link on.
fn teaser(text: &str) -> String {
    format!(
        "Share {text} The council has not said when it will decide, and nobody expects it to say so before […] more »"
    )
}

/// Posts of a title, a dateline, perhaps a caption glued under the
/// dateline, and a teaser; a cartoon's teaser is only its links.
fn captioned_archive(posts: &[(&str, &str, Option<&str>)]) -> String {
    posts
        .iter()
        .map(|(title, date, caption)| match caption {
            Some(caption) => format!("{title}\n\n{date}\n{caption}\n\nShare more »\n\n"),
            None => format!(
                "{title}\n\n{date}\n\n{}\n\n",
                teaser("Tolls rose for a third year in a row.")
            ),
        })
        .collect()
}

const CARTOON_A: (&str, &str, Option<&str>) = (
    "Cartoon – The bridge deal",
    "Mon 14 April 2015, 3:08pm",
    Some("Bridge minister sketch, ink, Sam Poe"),
);
const POST_B: (&str, &str, Option<&str>) = ("Tolls up again", "Fri 11 April 2015, 8:20am", None);
const CARTOON_C: (&str, &str, Option<&str>) = (
    "Cartoon – The depot",
    "Tue 8 April 2015, 9:49am",
    Some("Depot political cartoon, Sam Poe"),
);
const POST_D: (&str, &str, Option<&str>) = ("Buses late again", "Tue 4 March 2015, 9:39pm", None);
const CARTOON_E: (&str, &str, Option<&str>) = (
    "Cartoon – The ferry",
    "Mon 2 March 2015, 1:15pm",
    Some("Ferry cartoon, pen, Sam Poe"),
);
const POST_F: (&str, &str, Option<&str>) = ("Ferries dearer", "Fri 27 February 2015, 7:02am", None);

#[test]
fn a_caption_glued_under_a_dateline_is_its_posts_text() {
    // Twice: the dates could head stacks of titles; three times: the
    // page's links repeat often enough to be learned as its furniture.
    for posts in [
        &[CARTOON_A, POST_B, CARTOON_C, POST_D, POST_F][..],
        &[CARTOON_A, POST_B, CARTOON_C, POST_D, CARTOON_E, POST_F][..],
    ] {
        let archive = captioned_archive(posts);
        let got = parse("t", &archive).unwrap();
        let expected: Vec<&str> = posts.iter().map(|(title, _, _)| *title).collect();
        assert_eq!(titles(&got), expected, "{archive}");
        let dates: Vec<Option<&str>> = got.iter().map(|p| p.date.as_deref()).collect();
        let expected: Vec<Option<&str>> = posts.iter().map(|(_, date, _)| Some(*date)).collect();
        assert_eq!(dates, expected);
        assert_eq!(
            &*got[0].blocks[0].text,
            "Bridge minister sketch, ink, Sam Poe"
        );
    }
}

#[test]
fn numbered_comments_whose_first_line_trails_off_at_a_preposition_are_not_posts() {
    let archive = "  1. I read this twice and I still think the council has the numbers wrong on the bridge deal.\n\n\
         \x20 2. The minister said as much on the radio this morning, though you would not know it from the news.\n\n\
         \x20 3. Coming home for the holidays on\n    Perhaps the council has never had to catch the last ferry with two children and a suitcase.\n\n\
         \x20 4. A fair point, but the timetable was published months ago and the operator did warn of it.\n\n\
         \x20 5. Winter rates and the levy at\n    The levy falls hardest on the small shops along the waterfront, which the column never says.\n\n\
         \x20 6. Thanks for writing this up, it is the clearest account of the vote I have read.\n";
    let posts = parse("t", archive).unwrap();
    assert_eq!(posts.len(), 1, "{:?}", titles(&posts));
}

#[test]
fn a_comment_cut_off_at_a_preposition_is_no_title() {
    let archive = "Tolls up again\n\n\
         The council voted on Tuesday to raise the harbour bridge tolls again, the third rise in as many years.\n\n\
         Comments\n\n\
         The tolls were never the problem; the fares are, and they keep going up while the service gets worse.\n\n\
         Posted by: Jane Roe | May 4, 2010 1:07 PM | Report abuse\n\n\
         Sign the petition to the party chair at\n\n\
         Posted by: Sam Poe | May 4, 2010 1:22 PM | Report abuse\n\n\
         I take the early sailing every day and it has been late three times this week, and nobody will explain.\n\n\
         Posted by: Ann Lee | May 4, 2010 2:40 PM | Report abuse\n";
    let posts = parse("t", archive).unwrap();
    assert_eq!(titles(&posts), ["Tolls up again"]);
    let comments: Vec<&str> = posts[0]
        .comments
        .iter()
        .map(|c| &*c.blocks[0].text)
        .collect();
    assert_eq!(comments.len(), 3, "{comments:?}");
    assert_eq!(comments[1], "Sign the petition to the party chair at");
}
