//! The lines that end a post or head what follows it: "Read more »",
//! comment counts, comments headers ("74 comments on “Title”", "Leave a
//! Reply"), what a comment area prints about itself, and archive headers.

use std::sync::LazyLock;

use regex::Regex;

use super::Furniture;
use super::dates::MONTH;

/// A count of comments: "12 comments", "No Comments", "1 Response".
pub(super) const COUNT: &str =
    r"(?:[0-9][[0-9],]*|no|one)\s+(?:comments?|responses?|replies|reply|thoughts?)";
/// A comment count after a date or a byline, after a dash, a bar, a dot
/// or a space alone ("Posted 1/13/2009 at 10:11 a.m. 0 comments").
pub(super) const COMMENTS: &str = r"(?i:(?:\s*[-–—|·•]\s*|\s+)(?:[0-9][[0-9],]*|no|one)\s+(?:comments?|responses?|replies)(?:\s+»)?)?";

pub(super) static POST_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:read\s+(?:more|the\s+rest(?:\s+of\s+(?:this|the)\s+(?:entry|post|article|story))?|full\s+(?:post|article|story))\s*[»›→>.…]*|continue\s+reading(?:[^A-Za-z0-9_].*)?|\(more…?\.{{0,3}}\)|\[(?:…|\.\.\.)\]|(?P<count>{COUNT})(?:\s+»)?|leave\s+a\s+comment|comments?\s+(?:\([0-9]+\)|(?:closed|off)(?:\s+on\s+\S.*)?|are\s+closed)|\S.*?\s(?:read\s+more|continue\s+reading)\s*[»›→]+)$"
    ))
    .expect("the post-end pattern is valid")
});

/// "74 comments on “Title”", "3 Responses to Title", "Comments: Title" (a
/// comments page headed with its post), "Comments", "Leave a
/// Reply", "Join the conversation", "12 comments:", "(3) comments", and a count in
/// brackets with the link beside it ("{ 3 comments… add one }", "( 2
/// comments — Leave a comment )").
static COMMENTS_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?P<count>{COUNT})\s+(?:on|to|for)\s+.+|(?P<count2>{COUNT}):|(?:comments|responses|discussion)(?:\s*[\[(][^\])0-9,.]{{1,30}}[\])])?|readers?['’]?\s+comments|view\s+all\s+(?:[0-9][[0-9],]*\s+)?comments|(?P<form>leave\s+a\s+reply|post\s+a\s+comment|(?:post|add)\s+new\s+comment|join\s+the\s+(?:conversation|discussion))|discussion\s+about\s+this\s+post|comments:\s+\S.*|\((?P<count5>[0-9][[0-9],]*)\)\s+(?:comments?|responses?|replies)|comments?\s*\((?P<count3>[0-9][[0-9],]*)(?:\s*[-–—:][^)]*)?\)|[{{(\[]\s*(?P<count4>{COUNT})\s*(?:[…,.:;|·•–—-]+\s*[^}})\]]{{0,30}})?[}})\]])$"
    ))
    .expect("the comments-header pattern is valid")
});

/// What a comments header says: the comment count it gives, and whether it
/// heads the reply form rather than the comments ([`COMMENTS_HEADER`]).
///
/// A thread's header is nearly always "74 comments on “Title”", the
/// pattern's first alternative, and the line is read several times over:
/// [`COUNT_ON_TITLE`] settles it without resolving groups, which the
/// pattern would otherwise do by stepping through the whole title.
pub(super) fn comments_header(line: &str) -> Option<Furniture> {
    if let Some(head) = COUNT_ON_TITLE.find(line)
        && let title = &line[head.end()..]
        && !title.is_empty()
        && !title.contains('\n')
    {
        // The count group opens the line; its first word is all
        // `count_of` reads.
        return Some(Furniture::CommentsHeader {
            comments: count_of(head.as_str()),
            form: false,
        });
    }
    comments_header_by_pattern(line)
}

/// [`COMMENTS_HEADER`]'s first alternative up to its title: "74 comments
/// on ". Where it matches and a title of one line follows, the whole
/// pattern takes the same path (its alternatives are tried in order, and
/// its `.+$` takes any title of one line), so its count is the one in the
/// head.
static COUNT_ON_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^{COUNT}\s+(?:on|to|for)\s+"))
        .expect("the count-on-title pattern is valid")
});

/// [`comments_header`] by the whole pattern's groups.
fn comments_header_by_pattern(line: &str) -> Option<Furniture> {
    let caps = COMMENTS_HEADER.captures(line)?;
    let count = caps
        .name("count")
        .or_else(|| caps.name("count2"))
        .or_else(|| caps.name("count3"))
        .or_else(|| caps.name("count4"))
        .or_else(|| caps.name("count5"));
    Some(Furniture::CommentsHeader {
        comments: count.and_then(|c| count_of(c.as_str())),
        form: caps.name("form").is_some(),
    })
}

/// "Author Archives: Jane Doe", "Archive for May, 2011", "Monthly
/// Archives: March 2019", "Archive for the ‘Opinion’ Category", "Category:
/// Opinion", "Tag: trade", "Tag Archive 'Trade'", "Posts tagged trade",
/// "Politics Archives", "Posts
/// published in the chosen month", "Month: March 2011", "Year: 2011";
/// "Archives for" whose name the scrape lost.
pub(super) static ARCHIVE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:month\s*:\s*{MONTH},?\s+[0-9]{{4}}|year\s*:\s*[0-9]{{4}})|author\s+(?:archives?\s*:|page\s+for)\s*(?P<author>.+)|(?:(?:daily|monthly|yearly|tag|category|topic)\s+)?archives?(?:(?:\s*:|\s+for|\s+of)(?:\s+.+)?|\s+['‘\x22“«][^'’\x22”»]+['’\x22”»])|(?:tag|tags|tagged|category|categories|topic)\s*:\s*.+|posts\s+(?:tagged|filed|categori[sz]ed|published|from|by|in)\s+.+|\S.*?\s+archives?|search\s+results\s+for\s+.+)$"
    ))
    .expect("the archive-header pattern is valid")
});

/// What a comment area prints about itself: "Comments are closed.",
/// "Reader comments are listed below.", which end a post; "You must be
/// logged in to post a comment.", "Your email address will not be
/// published.", which are the reply form's; a notice worded otherwise
/// that the comments are closed ([`says_comments_closed`]), which is the
/// page's. Asked of every short paragraph: only the first letter is
/// compared until it can match, and the last word before any other.
pub(super) fn comment_area_notice(line: &str) -> Option<Furniture> {
    const CLOSING: &[&str] = &[
        "comments are closed",
        "comments are currently closed",
        "comments are now closed",
        "comments have been closed",
        "comments are listed below",
        "reader comments are listed below",
        "readers' comments are listed below",
    ];
    const FORM: &[&str] = &[
        "you must be logged in to post a comment",
        "your email address will not be published",
        "required fields are marked",
        "subscribe to comments",
    ];
    let first = line.as_bytes()[0].to_ascii_lowercase();
    if matches!(first, b'c' | b'r' | b'y' | b's') {
        let opens_with = |phrases: &[&str]| {
            phrases.iter().any(|p| {
                line.len() >= p.len()
                    && line.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            })
        };
        if opens_with(CLOSING) {
            return Some(Furniture::PostEnd { comments: None });
        } else if opens_with(FORM) {
            return Some(Furniture::PageChrome);
        }
    }
    if offers_comment_feed(line) {
        return Some(Furniture::CommentsHeader {
            comments: None,
            form: false,
        });
    }
    // Worded otherwise, the notice is left out of the last comment, but
    // parts nothing: what follows it on the page is the page's.
    says_comments_closed(line).then_some(Furniture::PageChrome)
}

/// A sentence offering the comments' own feed ("You can follow this
/// conversation by subscribing to the comment feed for this post."): a
/// comment area prints it above the comments, so it heads them as a
/// comments header does. A link of a few words ("Comments feed", in a
/// sidebar of links) is no sentence and heads nothing.
///
/// Accepts that sentence, with the feed icon's text before it; rejects
/// "Comments feed" and "The council's comment feed went quiet after the
/// vote, and nobody in the chamber noticed it for weeks." (too long for
/// the notice).
fn offers_comment_feed(line: &str) -> bool {
    /// The fewest and most words such a notice takes.
    const WORDS: std::ops::RangeInclusive<usize> = 6..=16;
    static FEED: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b" feed"));
    // A sentence, ending as one: most short lines are turned away by their
    // last byte before any search.
    line.len() <= 120
        && line.ends_with('.')
        && FEED.find_iter(line.as_bytes()).any(|at| {
            let before = &line.as_bytes()[..at];
            before.ends_with(b"comment") || before.ends_with(b"comments")
        })
        && WORDS.contains(&line.split_whitespace().count())
}

/// A short sentence whose subject is the comments and whose last word says
/// they are closed, however the page names what they were on: "The
/// comments to this entry are closed.", "Comments on this post are now
/// closed". The comment area's last line, never a comment's.
///
/// Accepts those; rejects "The road is closed." (no comments) and
/// "Comments from residents suggest the bridge will be closed." (comments
/// are not what is closed: too long for the notice).
pub fn says_comments_closed(line: &str) -> bool {
    /// The most words such a notice takes.
    const MOST_WORDS: usize = 8;
    let sentence = line.strip_suffix('.').unwrap_or(line);
    let ends_closed = sentence.len() > 6
        && sentence.as_bytes()[sentence.len() - 6..].eq_ignore_ascii_case(b"closed");
    if !ends_closed || line.len() > 80 {
        return false;
    }
    let words: Vec<&str> = sentence.split_whitespace().collect();
    words.len() <= MOST_WORDS
        && words
            .iter()
            .take(2)
            .any(|w| w.eq_ignore_ascii_case("comments"))
}

/// "Showing posts with label Trade. Show all posts", "Showing posts from
/// May, 2019": the header of a Blogger label, search or date page.
pub(super) fn is_label_page_header(line: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "showing posts with label ",
        "showing posts for query ",
        "showing posts from ",
        "showing posts sorted by ",
    ];
    OPENINGS.iter().any(|opening| {
        line.len() > opening.len()
            && line.as_bytes()[..opening.len()].eq_ignore_ascii_case(opening.as_bytes())
    })
}

/// "12 comments" → 12, "No Comments" → 0, "1,144 comments" → 1144.
pub(super) fn count_of(text: &str) -> Option<u32> {
    let first = text.split_whitespace().next()?.to_lowercase();
    match first.as_str() {
        "no" => Some(0),
        "one" => Some(1),
        digits => digits.replace(',', "").parse().ok(),
    }
}

/// The title a comments header names: "74 comments on “Open mike”" →
/// "Open mike"; a closing quote the page cut off may be missing ("87
/// comments on “Rudd Qu"). `None` for a header that names none.
pub fn title_in_header(line: &str) -> Option<&str> {
    // What comes before the title, found without resolving groups.
    static BEFORE_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)^(?:{COUNT}\s+(?:on|to|for)|comments:)\s+"))
            .expect("the header-title pattern is valid")
    });
    let title = &line[BEFORE_NAME.find(line)?.end()..];
    let title = title
        .trim_start_matches(['“', '"', '‘', '\''])
        .trim_end_matches(['”', '"', '’', '\'', ':'])
        .trim();
    (!title.is_empty()).then_some(title)
}

/// The comment count a line states anywhere in it.
pub fn comment_count_in(line: &str) -> Option<u32> {
    static ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:^|[^A-Za-z0-9_])(?P<count>{COUNT})(?:[^A-Za-z0-9_]|$)"
        ))
        .expect("the comment-count pattern is valid")
    });
    ANYWHERE
        .captures(line)
        .and_then(|caps| count_of(&caps["count"]))
}

pub(super) fn strip_comment_count(text: &str) -> String {
    static COUNT_AT_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("{COMMENTS}$")).expect("the comment-count pattern is valid")
    });
    COUNT_AT_END.replace(text, "").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_notice_that_comments_are_closed_is_the_pages_however_worded() {
        assert_eq!(
            comment_area_notice("Comments are closed."),
            Some(Furniture::PostEnd { comments: None })
        );
        for notice in [
            "The comments to this entry are closed.",
            "Comments on this post are closed",
            "COMMENTS FOR THIS ARTICLE HAVE BEEN CLOSED.",
        ] {
            assert_eq!(
                comment_area_notice(notice),
                Some(Furniture::PageChrome),
                "{notice}"
            );
        }
        for sentence in [
            "The road is closed.",
            "Comments from residents suggest the bridge will be closed.",
            "The council closed",
            "Readers asked why the comments on the ferry plan were closed so soon after it opened.",
        ] {
            assert_eq!(comment_area_notice(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn a_count_in_brackets_with_its_link_heads_the_comments() {
        for (line, count) in [
            ("{ 3 comments… add one }", 3),
            ("( 2 comments — Leave a comment )", 2),
            ("[12 Responses]", 12),
        ] {
            assert_eq!(
                super::super::recognise(line),
                Some(Furniture::CommentsHeader {
                    comments: Some(count),
                    form: false
                }),
                "{line}"
            );
        }
        for not_a_header in [
            "(3 comments on the budget were read out)",
            "{ see the notes }",
        ] {
            assert!(
                !matches!(
                    super::super::recognise(not_a_header),
                    Some(Furniture::CommentsHeader { .. })
                ),
                "{not_a_header}"
            );
        }
    }

    #[test]
    fn a_sentence_offering_the_comment_feed_heads_the_comments() {
        let header = Some(Furniture::CommentsHeader {
            comments: None,
            form: false,
        });
        for line in [
            "Feed You can follow this conversation by subscribing to the comment feed for this post.",
            "Follow the discussion through the comments feed of this entry.",
        ] {
            assert_eq!(comment_area_notice(line), header, "{line}");
        }
        for line in [
            "Comments feed",
            "Entries feed and comments feed",
            "The council's comment feed went quiet after the vote, and nobody in the chamber noticed it for weeks.",
        ] {
            assert_eq!(comment_area_notice(line), None, "{line}");
        }
    }

    #[test]
    fn a_count_on_a_title_heads_the_comments_with_its_count() {
        let header = |comments| {
            Some(Furniture::CommentsHeader {
                comments,
                form: false,
            })
        };
        assert_eq!(
            comments_header("74 comments on “Tolls up again”"),
            header(Some(74))
        );
        assert_eq!(
            comments_header("1,144 Responses to Gravel"),
            header(Some(1144))
        );
        assert_eq!(comments_header("No thoughts for “Qu"), header(Some(0)));
        // Nothing after the preposition: not the first alternative.
        assert_eq!(comments_header("12 comments on "), None);
        assert_eq!(comments_header("12 comments:"), header(Some(12)));
    }

    /// One piece of a line for [`the_quick_header_reads_as_the_pattern`]:
    /// the words and marks a comments header is made of, and others.
    fn header_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "74",
            "1,144",
            "no",
            "One",
            "comments",
            "Comment",
            "responses",
            "reply",
            "thoughts",
            "on",
            "to",
            "For",
            "“Tolls”",
            "leave a reply",
            "comments:",
            ":",
            "(",
            ")",
            "{",
            "}",
            "…",
            "—",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{a0}",
            "x",
            "Gravel",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The header as read without groups is the header the whole
        /// pattern's groups give.
        #[test]
        fn the_quick_header_reads_as_the_pattern(
            pieces in prop::collection::vec(header_piece(), 0..9),
            count in "[0-9]{1,3}|[Nn]o|one",
            noun in "comments?|Responses?|replies|reply|thoughts?",
            gap in "[ \t\u{a0}]{1,2}",
            preposition in "on|to|for|ON|in",
            tail in "[ \t\n]{0,2}[“a-z\n]{0,3}",
        ) {
            let random = pieces.concat();
            let shaped = format!("{count}{gap}{noun}{gap}{preposition}{tail}");
            for line in [random.as_str(), shaped.as_str()] {
                prop_assert_eq!(comments_header(line), comments_header_by_pattern(line), "{:?}", line);
            }
        }
    }
}
