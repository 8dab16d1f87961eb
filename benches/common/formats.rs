//! Synthetic archives in the formats other than plain text, for the format
//! benchmark and the README's figures: the bundled seed's posts as a
//! WordPress export, an RSS feed and a saved archive page, repeated with
//! numbered titles up to the size asked for.

use pundit::load::load_bundled;

/// The bundled seed's posts as HTML bodies, the way a blog would publish
/// them: paragraphs, citations as links, quotes in blockquotes, lists.
/// With `stored`, paragraphs are parted by blank lines instead of `<p>`, as
/// WordPress stores them in its exports.
fn seed_bodies(stored: bool) -> Vec<(String, String)> {
    use pundit::model::BlockKind;
    let escape = |text: &str| text.replace('&', "&amp;").replace('<', "&lt;");
    load_bundled()
        .into_posts()
        .into_iter()
        .map(|post| {
            let mut html = String::new();
            let mut in_quote = false;
            for block in &post.blocks {
                let quote = block.kind == BlockKind::Quote;
                if quote != in_quote {
                    html.push_str(if quote {
                        "<blockquote>"
                    } else {
                        "</blockquote>\n\n"
                    });
                    in_quote = quote;
                }
                let text = escape(&block.text);
                let paragraph = match (block.kind, block.source()) {
                    (BlockKind::Citation, Some(s)) => {
                        let source = &post.sources[s];
                        let url = source
                            .url
                            .clone()
                            .unwrap_or_else(|| format!("https://www.rnz.co.nz/news/{}", post.id));
                        format!("<a href=\"{url}\">{text}</a>")
                    }
                    (BlockKind::ListItem, _) => format!("<ul><li>{text}</li></ul>"),
                    _ => text,
                };
                if stored {
                    html.push_str(&paragraph);
                    html.push_str("\n\n");
                } else {
                    html.push_str(&format!("<p>{paragraph}</p>\n"));
                }
            }
            if in_quote {
                html.push_str("</blockquote>");
            }
            (post.title, html)
        })
        .collect()
}

/// A WordPress export of about `bytes`: the seed's posts repeated with
/// numbered titles, each with a category, a tag, a thread of three
/// comments nested two deep and a pingback, and a page and a draft now and
/// then that the importer skips.
pub fn synthetic_wxr(bytes: usize) -> String {
    let bodies = seed_bodies(true);
    let mut out = String::with_capacity(bytes + (1 << 20));
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n",
        "<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" ",
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" ",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n",
        "<channel>\n<title>Synthetic</title>\n<wp:wxr_version>1.2</wp:wxr_version>\n",
        "<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[editor]]></wp:author_login>",
        "<wp:author_display_name><![CDATA[The Editor]]></wp:author_display_name></wp:author>\n"
    ));
    let mut n = 0;
    while out.len() < bytes {
        for (title, html) in &bodies {
            n += 1;
            let (kind, status) = match n % 20 {
                0 => ("page", "publish"),
                10 => ("post", "draft"),
                _ => ("post", "publish"),
            };
            out.push_str(&format!(
                "<item>\n<title>{} number {n}</title>\n<link>https://blog.example.org/{n}/</link>\n\
                 <pubDate>Fri, 10 Jun 2022 06:42:00 +0000</pubDate>\n\
                 <dc:creator><![CDATA[editor]]></dc:creator>\n\
                 <guid isPermaLink=\"false\">https://blog.example.org/?p={n}</guid>\n\
                 <content:encoded><![CDATA[{html}]]></content:encoded>\n\
                 <excerpt:encoded><![CDATA[]]></excerpt:encoded>\n\
                 <wp:post_id>{n}</wp:post_id>\n<wp:post_date><![CDATA[2022-06-10 06:42:00]]></wp:post_date>\n\
                 <wp:post_name><![CDATA[post-{n}]]></wp:post_name>\n\
                 <wp:status><![CDATA[{status}]]></wp:status>\n<wp:post_type><![CDATA[{kind}]]></wp:post_type>\n\
                 <category domain=\"category\" nicename=\"politics\"><![CDATA[Politics]]></category>\n\
                 <category domain=\"post_tag\" nicename=\"world\"><![CDATA[World]]></category>\n",
                title.replace('&', "&amp;").replace('<', "&lt;")
            ));
            for (id, parent, kind) in [(1, 0, ""), (2, 1, ""), (3, 2, ""), (4, 0, "pingback")] {
                out.push_str(&format!(
                    "<wp:comment>\n<wp:comment_id>{id}</wp:comment_id>\n\
                     <wp:comment_author><![CDATA[Reader {id}]]></wp:comment_author>\n\
                     <wp:comment_date><![CDATA[2022-06-11 0{id}:00:00]]></wp:comment_date>\n\
                     <wp:comment_content><![CDATA[I read this differently.\n\nThe report says otherwise, see <a href=\"https://www.stuff.co.nz/x\">Stuff</a>.]]></wp:comment_content>\n\
                     <wp:comment_approved><![CDATA[1]]></wp:comment_approved>\n\
                     <wp:comment_type><![CDATA[{kind}]]></wp:comment_type>\n\
                     <wp:comment_parent>{parent}</wp:comment_parent>\n</wp:comment>\n"
                ));
            }
            out.push_str("</item>\n");
        }
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

/// An RSS 2.0 feed of about `bytes`: the seed's posts as items with
/// `content:encoded` and `slash:comments`.
pub fn synthetic_rss(bytes: usize) -> String {
    let bodies = seed_bodies(false);
    let mut out = String::with_capacity(bytes + (1 << 20));
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ",
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" ",
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\">\n",
        "<channel><title>Synthetic</title><link>https://blog.example.org/</link><description>x</description>\n"
    ));
    let mut n = 0;
    while out.len() < bytes {
        for (title, html) in &bodies {
            n += 1;
            out.push_str(&format!(
                "<item><title>{} number {n}</title><link>https://blog.example.org/{n}/</link>\
                 <dc:creator><![CDATA[The Editor]]></dc:creator><pubDate>Fri, 10 Jun 2022 06:42:00 +0000</pubDate>\
                 <category><![CDATA[Politics]]></category>\
                 <content:encoded><![CDATA[{html}]]></content:encoded><slash:comments>4</slash:comments></item>\n",
                title.replace('&', "&amp;").replace('<', "&lt;")
            ));
        }
    }
    out.push_str("</channel></rss>\n");
    out
}

/// A saved archive page of about `bytes`: the seed's posts as WordPress
/// theme markup (`article`, entry header, content, footer), with a menu,
/// a sidebar and scripts around them.
pub fn synthetic_archive_page(bytes: usize) -> String {
    let bodies = seed_bodies(false);
    let mut out = String::with_capacity(bytes + (1 << 20));
    out.push_str(concat!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Archive</title>",
        "<script>var x = 1;</script><style>body { margin: 0 }</style></head>\n<body class=\"archive\">",
        "<nav class=\"main-navigation\"><ul><li><a href=\"/\">Home</a></li></ul></nav>\n<main id=\"main\">\n"
    ));
    let mut n = 0;
    while out.len() < bytes {
        for (title, html) in &bodies {
            n += 1;
            out.push_str(&format!(
                "<article id=\"post-{n}\" class=\"post type-post hentry\">\
                 <header class=\"entry-header\"><h2 class=\"entry-title\"><a href=\"https://blog.example.org/{n}/\" rel=\"bookmark\">{} number {n}</a></h2>\
                 <div class=\"entry-meta\"><span class=\"byline\">by <span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/ed/\">The Editor</a></span></span> \
                 <time class=\"entry-date published\" datetime=\"2022-06-10T06:42:00+12:00\">June 10, 2022</time></div></header>\
                 <div class=\"entry-content\">{html}</div>\
                 <footer class=\"entry-footer\"><span class=\"cat-links\"><a href=\"/c/politics/\" rel=\"category tag\">Politics</a></span>\
                 <span class=\"comments-link\"><a href=\"https://blog.example.org/{n}/#comments\">4 Comments</a></span></footer></article>\n",
                title.replace('&', "&amp;").replace('<', "&lt;")
            ));
        }
    }
    out.push_str("</main><aside id=\"secondary\" class=\"widget-area\"><section class=\"widget\">Recent posts</section></aside>\n</body></html>\n");
    out
}
