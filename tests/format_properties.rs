//! Property tests for the format importers: on arbitrary bytes, and on
//! markup soup built from the pieces each format is made of, every
//! importer returns posts or an error, never panics, and what it returns
//! is clean text with indices that point where they may.

use proptest::prelude::*;
use pundit::import::clean::is_clean;
use pundit::import::detect::format_of;
use pundit::import::{feed, html, html_blocks, markdown, wxr};
use pundit::model::{Block, Post};

fn assert_sound(posts: &[Post]) -> Result<(), TestCaseError> {
    let blocks_sound = |blocks: &[Block], sources: usize| {
        blocks.iter().all(|b| {
            is_clean(&b.text) && !b.text.is_empty() && b.source().is_none_or(|s| s < sources)
        })
    };
    for post in posts {
        prop_assert!(
            is_clean(&post.title) && !post.title.is_empty(),
            "{:?}",
            post.title
        );
        prop_assert!(blocks_sound(&post.blocks, post.sources.len()));
        for (index, comment) in post.comments.iter().enumerate() {
            prop_assert!(comment.parent().is_none_or(|p| p < index));
            prop_assert!(blocks_sound(&comment.blocks, comment.sources.len()));
        }
        for text in [&post.author, &post.date, &post.url].into_iter().flatten() {
            prop_assert!(is_clean(text), "{text:?}");
        }
    }
    Ok(())
}

/// Pieces of HTML: tags that matter to the importers, entities, hostile
/// characters and words.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<blockquote cite=\"https://bbc.co.uk/x\">".to_string()),
        Just("</blockquote>".to_string()),
        Just("<a href=\"https://www.rnz.co.nz/a\">".to_string()),
        Just("<a href=\"#x\">".to_string()),
        Just("</a>".to_string()),
        Just("<ul><li>".to_string()),
        Just("</li>".to_string()),
        Just("<br>".to_string()),
        Just("<h2>".to_string()),
        Just("</h2>".to_string()),
        Just("<pre>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<nav>".to_string()),
        Just("</nav>".to_string()),
        Just("<div class=\"sharedaddy\">".to_string()),
        Just("</div>".to_string()),
        Just("&amp;".to_string()),
        Just("&#27;[2J".to_string()),
        Just("&#x202e;".to_string()),
        Just(":".to_string()),
        Just("\n\n".to_string()),
        Just("\u{1b}]0;x\u{7}".to_string()),
        "[a-zA-Z ]{1,12}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn comment_soup() -> impl Strategy<Value = String> {
    (
        html_soup(),
        proptest::collection::vec((0u8..6, 0u8..6, "1|0|spam", "|pingback"), 0..6),
    )
        .prop_map(|(body, comments)| {
            let comments: String = comments
                .into_iter()
                .map(|(id, parent, approved, kind)| {
                    format!(
                        "<wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_parent>{parent}</wp:comment_parent>\
                         <wp:comment_approved>{approved}</wp:comment_approved><wp:comment_type>{kind}</wp:comment_type>\
                         <wp:comment_content><![CDATA[{body}]]></wp:comment_content></wp:comment>"
                    )
                })
                .collect();
            format!(
                "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><title>T</title>\
                 <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\
                 <content:encoded><![CDATA[{body}]]></content:encoded>{comments}</item></channel></rss>"
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_importer_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = format_of(&bytes, None);
        let text = String::from_utf8_lossy(&bytes);
        let results = [
            feed::parse_rss("p.xml", &text),
            feed::parse_atom("p.atom", &text),
            wxr::parse("p.xml", &text),
            html::parse("p.html", &text),
            markdown::parse("p.md", &text),
        ];
        for posts in results.into_iter().flatten() {
            assert_sound(&posts)?;
        }
    }

    #[test]
    fn html_fragments_give_sound_blocks(soup in html_soup()) {
        let body = html_blocks::body_of_fragment(&soup);
        for block in &body.blocks {
            prop_assert!(is_clean(&block.text) && !block.text.is_empty());
            prop_assert!(block.source().is_none_or(|s| s < body.sources.len()));
            prop_assert!(!block.text.contains('<') || soup.contains("&lt;"));
        }
        prop_assert!(is_clean(&html_blocks::text_of_fragment(&soup)));
    }

    #[test]
    fn saved_pages_give_sound_posts(soup in html_soup()) {
        let page = format!(
            "<!DOCTYPE html><html><body><article><h1>T</h1>{soup}</article>\
             <ol class=\"comment-list\"><li class=\"comment depth-1\"><div class=\"comment-content\">{soup}</div>\
             <ol class=\"children\"><li class=\"comment depth-2\">{soup}</li></ol></li></ol></body></html>"
        );
        assert_sound(&html::parse("p.html", &page).unwrap())?;
    }

    #[test]
    fn exports_give_sound_threads(export in comment_soup()) {
        if let Ok(posts) = wxr::parse("p.xml", &export) {
            assert_sound(&posts)?;
        }
    }

    #[test]
    fn feeds_give_sound_posts(soup in html_soup()) {
        let escaped = soup.replace('&', "&amp;").replace('<', "&lt;");
        let rss = format!(
            "<rss version=\"2.0\"><channel><title>x</title><item><title>{escaped}</title>\
             <description>{escaped}</description></item></channel></rss>"
        );
        assert_sound(&feed::parse_rss("p.xml", &rss).unwrap())?;
        let atom = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"html\">{escaped}</title>\
             <content type=\"html\">{escaped}</content></entry></feed>"
        );
        if let Ok(posts) = feed::parse_atom("p.atom", &atom) {
            assert_sound(&posts)?;
        }
    }

    #[test]
    fn markdown_gives_sound_posts(lines in proptest::collection::vec(
        prop_oneof![
            Just("# Title".to_string()),
            Just("---".to_string()),
            Just("title: x".to_string()),
            Just("tags: [a, *b]".to_string()),
            Just("> quoted".to_string()),
            Just("- item".to_string()),
            Just("[RNZ](https://www.rnz.co.nz/x)".to_string()),
            Just("<script>x</script>".to_string()),
            Just("\u{1b}[31m".to_string()),
            Just(String::new()),
            "[a-z :]{0,20}",
        ],
        0..30,
    )) {
        assert_sound(&markdown::parse("p.md", &lines.join("\n")).unwrap())?;
    }
}
