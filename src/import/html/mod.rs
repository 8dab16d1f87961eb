//! Saved web pages: a single post with its comments, or an archive page
//! of several posts.
//!
//! html5ever (through scraper) parses the page as a browser would. Posts are
//! found by the markup blog themes share ([`post_containers`]); in each, the
//! title, byline, date, tags and body; the body's blocks come from
//! [`html_blocks`](super::html_blocks) like a feed's. A single post's
//! WordPress comment list becomes its thread ([`thread`]).

mod thread;

use std::sync::LazyLock;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::clean::{clean, clean_post};
use super::html_blocks::{Body, BodyBuilder, Element, is_furniture};
use super::{finished_post, title_or_opening_words};
use crate::load::LoadError;
use crate::model::Post;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("the selectors written here parse")
}

/// Selectors to try in order of preference: a list in one selector would
/// give matches in document order instead.
fn preferred(css: &[&str]) -> Vec<Selector> {
    css.iter().map(|css| selector(css)).collect()
}

/// The first element inside `scope` that the most preferred selector with
/// a match finds.
fn first_match<'a>(scope: ElementRef<'a>, selectors: &[Selector]) -> Option<ElementRef<'a>> {
    selectors.iter().find_map(|s| scope.select(s).next())
}

static POST: LazyLock<Selector> = LazyLock::new(|| selector("article, .hentry, .type-post, .post"));
static LINK: LazyLock<Selector> = LazyLock::new(|| selector("a[href]"));
static TAG: LazyLock<Selector> = LazyLock::new(|| selector("a[rel~=tag]"));
static COMMENT_LIST: LazyLock<Selector> =
    LazyLock::new(|| selector("ol.commentlist, ol.comment-list, ul.commentlist, ul.comment-list"));
static PAGE_TAGS: LazyLock<Selector> = LazyLock::new(|| selector("meta[property='article:tag']"));
static TITLE: LazyLock<Vec<Selector>> =
    LazyLock::new(|| preferred(&[".entry-title", ".post-title", "h1", "h2"]));
static CONTENT: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    preferred(&[
        ".entry-content",
        ".post-content",
        ".post-body",
        ".entry-summary",
        "[itemprop=articleBody]",
        ".entry",
    ])
});
static AUTHOR: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    preferred(&[
        ".author .fn",
        ".byline .author",
        ".byline a",
        "[rel~=author]",
        ".entry-author",
        ".author",
    ])
});
static DATE: LazyLock<Vec<Selector>> =
    LazyLock::new(|| preferred(&["time", ".published", ".entry-date", ".post-date", ".date"]));
static COMMENTS_LINK: LazyLock<Vec<Selector>> = LazyLock::new(|| preferred(&[".comments-link"]));
static COMMENTS_TITLE: LazyLock<Vec<Selector>> = LazyLock::new(|| {
    preferred(&[
        ".comments-title",
        "#comments-title",
        "#comments h2",
        ".comments-area h2",
        "#comments h3",
    ])
});
static MAIN: LazyLock<Vec<Selector>> =
    LazyLock::new(|| preferred(&["main", "[role=main]", "#content", "body"]));
static PAGE_TITLE: LazyLock<Vec<Selector>> =
    LazyLock::new(|| preferred(&["meta[property='og:title']", "h1", "title"]));
static PAGE_URL: LazyLock<Vec<Selector>> =
    LazyLock::new(|| preferred(&["link[rel=canonical]", "meta[property='og:url']"]));
static PAGE_AUTHOR: LazyLock<Vec<Selector>> = LazyLock::new(|| preferred(&["meta[name=author]"]));
static PAGE_DATE: LazyLock<Vec<Selector>> =
    LazyLock::new(|| preferred(&["meta[property='article:published_time']"]));

/// Parses a saved page into its posts.
pub fn parse(_name: &str, content: &str) -> Result<Vec<Post>, LoadError> {
    let page = Html::parse_document(content);
    let containers = post_containers(&page);
    let posts = match containers.as_slice() {
        [] => {
            let root = page.root_element();
            let main = first_match(root, &MAIN).unwrap_or(root);
            vec![single_post(&page, main)]
        }
        [only] => vec![single_post(&page, *only)],
        several => several.iter().map(|&post| archive_post(post)).collect(),
    };
    Ok(posts
        .into_iter()
        .filter(|p| !p.blocks.is_empty() || !p.comments.is_empty())
        .collect())
}

/// The elements that hold a post: `<article>` and the classes themes give
/// posts (`hentry`, `type-post`, `post`), outermost only, and none inside
/// furniture (a sidebar's recent posts, the comments' own `<article>`s).
///
/// Accepts each `<article class="post">` of an archive; rejects the
/// `<article class="comment-body">` of a comment.
fn post_containers(page: &Html) -> Vec<ElementRef<'_>> {
    let found: Vec<ElementRef<'_>> = page.select(&POST).collect();
    let ids: std::collections::HashSet<_> = found.iter().map(|e| e.id()).collect();
    found
        .into_iter()
        .filter(|post| {
            post.ancestors()
                .filter_map(ElementRef::wrap)
                .all(|ancestor| {
                    !ids.contains(&ancestor.id()) && !is_furniture(&element_of(ancestor))
                })
        })
        .collect()
}

fn element_of(element: ElementRef<'_>) -> Element<'_> {
    let value = element.value();
    Element::from_attributes(value.name(), |name| value.attr(name))
}

/// The blocks of what `element` holds (not of the element itself, whose
/// class is what chose it).
fn body_of(element: ElementRef<'_>) -> Body {
    let mut builder = BodyBuilder::default();
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) if node.id() != element.id() => match node.value() {
                Node::Element(value) => {
                    builder.open(&Element::from_attributes(value.name(), |n| value.attr(n)))
                }
                Node::Text(text) => builder.text(text),
                _ => {}
            },
            Edge::Close(node) if node.id() != element.id() => {
                if let Node::Element(value) = node.value() {
                    builder.close(value.name());
                }
            }
            _ => {}
        }
    }
    builder.finish()
}

/// The text of an element on one line, cleaned.
fn text_of(element: ElementRef<'_>) -> String {
    clean(&element.text().collect::<String>())
}

/// The text of the first element with text that the most preferred of
/// `selectors` with such a match finds inside `scope`.
fn first_text(scope: ElementRef<'_>, selectors: &[Selector]) -> Option<String> {
    selectors.iter().find_map(|selector| {
        scope
            .select(selector)
            .map(text_of)
            .find(|text| !text.is_empty())
    })
}

/// What a post container says of itself: title (and its link), byline,
/// date, tags, body.
struct Found {
    title: Option<String>,
    title_link: Option<String>,
    author: Option<String>,
    date: Option<String>,
    tags: Vec<String>,
    body: Body,
}

fn found_in(container: ElementRef<'_>) -> Found {
    let title = TITLE
        .iter()
        .find_map(|s| container.select(s).find(|e| !text_of(*e).is_empty()));
    let title_link = title.and_then(|t| {
        let link = t.select(&LINK).next()?;
        link.attr("href").map(str::to_string)
    });
    let content = first_match(container, &CONTENT).unwrap_or(container);
    let mut body = body_of(content);
    let title = title.map(text_of);
    // A heading the body repeats is the title, not a block.
    if body
        .blocks
        .first()
        .is_some_and(|b| Some(&*b.text) == title.as_deref())
    {
        body.blocks.remove(0);
    }
    let author = first_text(container, &AUTHOR).map(|a| without_by(&a).to_string());
    let date = DATE
        .iter()
        .flat_map(|s| container.select(s))
        .find_map(|date| {
            let text = text_of(date);
            if text.is_empty() {
                date.attr("datetime").map(clean)
            } else {
                Some(text)
            }
        });
    let mut tags: Vec<String> = Vec::new();
    for tag in container.select(&TAG).map(text_of) {
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Found {
        title,
        title_link,
        author,
        date,
        tags,
        body,
    }
}

/// "by Ann Smith" → "Ann Smith".
fn without_by(byline: &str) -> &str {
    let trimmed = byline.trim();
    match trimmed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => trimmed[3..].trim_start(),
        _ => trimmed,
    }
}

/// The first number in a text ("12 thoughts on …", "4 Comments").
fn first_number(text: &str) -> Option<u32> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// One post of an archive page: its title links to it.
fn archive_post(container: ElementRef<'_>) -> Post {
    let found = found_in(container);
    let comment_count = first_text(container, &COMMENTS_LINK).and_then(|t| first_number(&t));
    post(Post {
        title: found.title.unwrap_or_default(),
        author: found.author,
        date: found.date,
        url: found.title_link,
        tags: found.tags,
        blocks: found.body.blocks,
        sources: found.body.sources,
        comment_count,
        ..Post::default()
    })
}

/// The post of a single-post page, with the page's own metadata where the
/// container lacks it, and the page's comment thread.
fn single_post(page: &Html, container: ElementRef<'_>) -> Post {
    let found = found_in(container);
    let root = page.root_element();
    let meta = |selectors: &[Selector]| {
        selectors.iter().flat_map(|s| root.select(s)).find_map(|e| {
            let text = e
                .attr("content")
                .or(e.attr("href"))
                .map(clean)
                .unwrap_or_else(|| text_of(e));
            (!text.is_empty()).then_some(text)
        })
    };
    let (comments, pings) = root
        .select(&COMMENT_LIST)
        .next()
        .map(thread::comments)
        .unwrap_or_default();
    let stated = first_text(root, &COMMENTS_TITLE).and_then(|t| first_number(&t));
    let counted = u32::try_from(comments.len() + pings)
        .ok()
        .filter(|&n| n > 0);
    let mut tags = found.tags;
    if tags.is_empty() {
        tags = root
            .select(&PAGE_TAGS)
            .filter_map(|e| e.attr("content").map(clean))
            .collect();
    }
    post(Post {
        title: found
            .title
            .or_else(|| meta(&PAGE_TITLE))
            .unwrap_or_default(),
        author: found.author.or_else(|| meta(&PAGE_AUTHOR)),
        date: found.date.or_else(|| meta(&PAGE_DATE)),
        url: meta(&PAGE_URL).or(found.title_link),
        tags,
        blocks: found.body.blocks,
        sources: found.body.sources,
        comment_count: stated.or(counted),
        comments,
        ..Post::default()
    })
}

fn post(mut post: Post) -> Post {
    clean_post(&mut post);
    post.tags.retain(|tag| !tag.is_empty());
    post.title = title_or_opening_words(&post.title, &post.blocks);
    finished_post(post)
}
