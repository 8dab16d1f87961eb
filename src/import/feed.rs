//! RSS and Atom feeds: each item or entry is a post.
//!
//! The `rss` and `atom_syndication` crates read the XML (quick-xml
//! underneath); this module maps their items onto posts: the title, the
//! author (`dc:creator`, `author`), the date as the feed writes it, the
//! categories as tags, the link as the post's URL, the comment count
//! (`slash:comments`, `thr:total`), and the HTML body (`content:encoded`,
//! `content`, else `description`/`summary`) through [`html_blocks`].

use atom_syndication::{Text, TextType};

use super::clean::clean_post;
use super::html_blocks::{Body, body_of_fragment, text_of_fragment};
use super::{finished_post, title_or_opening_words};
use crate::load::LoadError;
use crate::model::Post;

/// The namespaces of the comment-count extensions, and the element that
/// holds the count in each.
const COMMENT_COUNTS: &[(&str, &str)] = &[
    ("http://purl.org/rss/1.0/modules/slash/", "comments"),
    ("http://purl.org/syndication/thread/1.0", "total"),
];

/// Parses an RSS feed (2.0, or the 0.9x and 1.0 forms) into posts, one per
/// item.
pub fn parse_rss(name: &str, content: &str) -> Result<Vec<Post>, LoadError> {
    let channel =
        rss::Channel::read_from(content.as_bytes()).map_err(|error| LoadError::Invalid {
            path: name.into(),
            message: format!("not a readable RSS feed: {error}"),
        })?;
    let count_prefixes = comment_count_prefixes(channel.namespaces());
    let posts = channel
        .items()
        .iter()
        .map(|item| {
            let dublin_core = item.dublin_core_ext();
            let author = dublin_core
                .and_then(|dc| dc.creators().first())
                .map(String::as_str)
                .or(item.author())
                .map(author_name);
            let date = item.pub_date().or_else(|| {
                dublin_core
                    .and_then(|dc| dc.dates().first())
                    .map(String::as_str)
            });
            let url = item
                .link()
                .or_else(|| item.guid().filter(|g| g.is_permalink()).map(|g| g.value()));
            let comment_count = count_prefixes.iter().find_map(|(prefix, element)| {
                let values = item.extensions().get(*prefix)?.get(*element)?;
                values.first()?.value()?.trim().parse().ok()
            });
            let body = item
                .content()
                .or(item.description())
                .map(body_of_fragment)
                .unwrap_or_default();
            let title = item.title().map(text_of_fragment).unwrap_or_default();
            let tags = item
                .categories()
                .iter()
                .map(|c| text_of_fragment(c.name()))
                .collect();
            post(
                title,
                body,
                Meta {
                    author,
                    date: date.map(str::to_string),
                    url: url.map(str::to_string),
                    tags,
                    comment_count,
                },
            )
        })
        .collect();
    Ok(posts)
}

/// Parses an Atom feed into posts, one per entry.
pub fn parse_atom(name: &str, content: &str) -> Result<Vec<Post>, LoadError> {
    let feed = atom_syndication::Feed::read_from(content.as_bytes()).map_err(|error| {
        LoadError::Invalid {
            path: name.into(),
            message: format!("not a readable Atom feed: {error}"),
        }
    })?;
    let count_prefixes = comment_count_prefixes(feed.namespaces());
    let posts = feed
        .entries()
        .iter()
        .map(|entry| {
            let author = entry
                .authors()
                .first()
                .or(feed.authors().first())
                .map(|person| person.name().to_string());
            let date = entry.published().unwrap_or(entry.updated()).to_rfc3339();
            let url = entry
                .links()
                .iter()
                .find(|link| link.rel() == "alternate")
                .map(|link| link.href().to_string());
            let comment_count = count_prefixes.iter().find_map(|(prefix, element)| {
                let values = entry.extensions().get(*prefix)?.get(*element)?;
                values.first()?.value()?.trim().parse().ok()
            });
            let body = match (entry.content(), entry.summary()) {
                (Some(content), _) if content.value().is_some() => {
                    let kind = content.content_type().unwrap_or("text");
                    body_of_text(content.value().unwrap_or_default(), kind)
                }
                (_, Some(summary)) => body_of_text(&summary.value, text_type(summary)),
                _ => Body::default(),
            };
            let tags = entry
                .categories()
                .iter()
                .map(|c| text_of_fragment(c.label().unwrap_or(c.term())))
                .collect();
            post(
                title_text(entry.title()),
                body,
                Meta {
                    author,
                    date: Some(date),
                    url,
                    tags,
                    comment_count,
                },
            )
        })
        .collect();
    Ok(posts)
}

/// The prefixes a feed gives the comment-count namespaces, each with the
/// element that holds the count: extensions are filed by prefix, and a feed
/// may choose its own.
fn comment_count_prefixes(
    namespaces: &std::collections::BTreeMap<String, String>,
) -> Vec<(&str, &'static str)> {
    namespaces
        .iter()
        .filter_map(|(prefix, uri)| {
            COMMENT_COUNTS
                .iter()
                .find(|(known, _)| uri.trim_end_matches('/') == known.trim_end_matches('/'))
                .map(|(_, element)| (prefix.as_str(), *element))
        })
        .collect()
}

/// What a feed says about a post besides its title and body.
struct Meta {
    author: Option<String>,
    date: Option<String>,
    url: Option<String>,
    tags: Vec<String>,
    comment_count: Option<u32>,
}

fn post(title: String, body: Body, meta: Meta) -> Post {
    let mut post = Post {
        title,
        author: meta.author,
        date: meta.date,
        url: meta.url,
        tags: meta.tags,
        blocks: body.blocks,
        sources: body.sources,
        comment_count: meta.comment_count,
        ..Post::default()
    };
    clean_post(&mut post);
    post.tags.retain(|tag| !tag.is_empty());
    post.title = title_or_opening_words(&post.title, &post.blocks);
    finished_post(post)
}

fn text_type(text: &Text) -> &'static str {
    match text.r#type {
        TextType::Text => "text",
        TextType::Html => "html",
        TextType::Xhtml => "xhtml",
    }
}

/// An Atom text construct as one line of text.
fn title_text(text: &Text) -> String {
    match text.r#type {
        TextType::Text => text.value.clone(),
        TextType::Html | TextType::Xhtml => text_of_fragment(&text.value),
    }
}

/// Atom content of type `kind`: markup goes through [`body_of_fragment`];
/// plain text too, escaped, so that its blank lines still part paragraphs
/// and a `<` in it stays text.
fn body_of_text(value: &str, kind: &str) -> Body {
    if kind.contains("html") {
        body_of_fragment(value)
    } else {
        body_of_fragment(&escape_text(value))
    }
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// RSS's `author` is an address with the name in brackets
/// ("ann@example.org (Ann Smith)"): the name where there is one.
///
/// Accepts "ann@example.org (Ann Smith)" → "Ann Smith"; leaves "Ann Smith".
fn author_name(author: &str) -> String {
    let author = author.trim();
    match author.split_once(" (") {
        Some((address, name)) if address.contains('@') && name.ends_with(')') => {
            name.trim_end_matches(')').to_string()
        }
        _ => author.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:s="http://purl.org/rss/1.0/modules/slash/">
<channel><title>A blog</title>
<item>
  <title>Trade &amp;#8217;s turn</title>
  <link>https://blog.example.org/trade</link>
  <dc:creator><![CDATA[Ann]]></dc:creator>
  <pubDate>Fri, 10 Jun 2022 06:42:00 +0000</pubDate>
  <category><![CDATA[Trade]]></category>
  <description>Short</description>
  <content:encoded><![CDATA[<p>Reuters reports: <a href="https://www.reuters.com/x">Tariffs</a></p><blockquote><p>Quoted</p></blockquote>]]></content:encoded>
  <s:comments>7</s:comments>
</item>
<item><description>Only a description, no title at all.</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_posts() {
        let posts = parse_rss("f.xml", RSS).unwrap();
        assert_eq!(posts.len(), 2);
        let first = &posts[0];
        assert_eq!(first.title, "Trade ’s turn");
        assert_eq!(first.author.as_deref(), Some("Ann"));
        assert_eq!(
            first.date.as_deref(),
            Some("Fri, 10 Jun 2022 06:42:00 +0000")
        );
        assert_eq!(first.tags, ["Trade"]);
        assert_eq!(first.comment_count, Some(7), "slash under another prefix");
        assert_eq!(first.blocks[1].kind, BlockKind::Quote);
        assert_eq!(first.sources[0].outlet.as_deref(), Some("Reuters"));
        assert_eq!(posts[1].title, "Only a description, no title at all.");
    }

    #[test]
    fn atom_entries_become_posts() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
<title>A blog</title><id>urn:x</id><updated>2022-06-10T06:42:00Z</updated>
<author><name>Feed Author</name></author>
<entry>
  <title type="html">On &lt;em&gt;trade&lt;/em&gt;</title>
  <id>urn:1</id><updated>2022-06-11T00:00:00Z</updated><published>2022-06-10T06:42:00+12:00</published>
  <link rel="alternate" href="https://blog.example.org/on-trade"/>
  <category term="trade" label="Trade"/>
  <content type="html">&lt;p&gt;Commentary.&lt;/p&gt;</content>
  <thr:total>3</thr:total>
</entry>
<entry><title>Plain &lt; text</title><id>urn:2</id><updated>2022-06-12T00:00:00Z</updated>
  <summary>First paragraph.

Second &lt;b&gt; paragraph.</summary></entry>
</feed>"#;
        let posts = parse_atom("f.atom", atom).unwrap();
        assert_eq!(posts[0].title, "On trade");
        assert_eq!(posts[0].author.as_deref(), Some("Feed Author"));
        assert_eq!(posts[0].date.as_deref(), Some("2022-06-10T06:42:00+12:00"));
        assert_eq!(
            posts[0].url.as_deref(),
            Some("https://blog.example.org/on-trade")
        );
        assert_eq!(posts[0].tags, ["Trade"]);
        assert_eq!(posts[0].comment_count, Some(3));
        assert_eq!(posts[1].title, "Plain < text");
        let texts: Vec<_> = posts[1].blocks.iter().map(|b| &*b.text).collect();
        assert_eq!(texts, ["First paragraph.", "Second <b> paragraph."]);
    }

    #[test]
    fn a_broken_feed_is_an_error_naming_the_file() {
        let error = parse_rss("broken.xml", "<rss><channel><item><title>x</channel>").unwrap_err();
        assert!(error.to_string().starts_with("broken.xml: "), "{error}");
        assert!(parse_atom("a.atom", "<feed><entry>").is_err());
    }

    #[test]
    fn rss_author_addresses_give_the_name() {
        assert_eq!(author_name("ann@example.org (Ann Smith)"), "Ann Smith");
        assert_eq!(author_name("Ann Smith"), "Ann Smith");
    }
}
