//! HTML to blocks: the one place where a post's HTML (a feed item's
//! content, a WordPress export's post or comment, a saved page's article,
//! Markdown rendered to HTML) becomes pundit's blocks and sources.
//!
//! The HTML is read as a stream of open, text and close events
//! ([`BodyBuilder`]): html5ever's tokenizer makes them for a fragment
//! ([`body_of_fragment`]), a walk of a parsed page makes them for one of its
//! elements. Paragraphs, headings, list items and table rows become blocks;
//! `<blockquote>` quotes; a link that introduces a quote, or that stands
//! alone, cites a source. Scripts, styles, navigation, sidebars, share
//! buttons, footers and their like are dropped ([`is_furniture`]); entities
//! are decoded by the tokenizer and every text is cleaned.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::clean::{clean, clean_cow};
use super::text::outlet_of_url;
use crate::model::{Block, BlockKind, Source};

/// A post's or a comment's text: its blocks and the sources they cite.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub sources: Vec<Source>,
}

/// The blocks and sources of an HTML fragment.
///
/// ```
/// use pundit::import::html_blocks::body_of_fragment;
/// use pundit::model::BlockKind;
/// let body = body_of_fragment(
///     "<p>The Herald reports: <a href=\"https://www.nzherald.co.nz/a\">Plan falls over</a></p>\
///      <blockquote><p>The plan &amp; the minister</p></blockquote><script>x()</script>",
/// );
/// assert_eq!(body.blocks[1].kind, BlockKind::Quote);
/// assert_eq!(&*body.blocks[1].text, "The plan & the minister");
/// assert_eq!(body.sources[0].outlet.as_deref(), Some("NZ Herald"));
/// assert_eq!(body.blocks.len(), 2);
/// ```
pub fn body_of_fragment(html: &str) -> Body {
    let mut builder = BodyBuilder::default();
    if html.contains(['<', '&']) {
        builder = tokenize(html, builder);
    } else {
        // Plain text, as WordPress stores most comments: nothing to parse.
        builder.text(html);
    }
    builder.finish()
}

/// The text of a fragment on one line: tags dropped, entities decoded,
/// cleaned. For titles, names and dates that may hold markup.
///
/// ```
/// use pundit::import::html_blocks::text_of_fragment;
/// assert_eq!(text_of_fragment("Trump&#8217;s <em>tariffs</em>"), "Trump’s tariffs");
/// ```
pub fn text_of_fragment(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return clean(html);
    }
    let body = body_of_fragment(html);
    let texts: Vec<&str> = body.blocks.iter().map(|b| &*b.text).collect();
    texts.join(" ")
}

fn tokenize(html: &str, builder: BodyBuilder) -> BodyBuilder {
    let sink = Sink(RefCell::new(builder));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The sink never asks to stop for a script, so one feed reads it all.
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

/// Hands the tokenizer's tokens to a [`BodyBuilder`].
struct Sink(RefCell<BodyBuilder>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut builder = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name = &*tag.name;
                match tag.kind {
                    TagKind::StartTag => {
                        let attr = |wanted: &str| {
                            tag.attrs
                                .iter()
                                .find(|a| &*a.name.local == wanted)
                                .map(|a| &*a.value)
                        };
                        builder.open(&Element::from_attributes(name, attr));
                        // What the tree builder would do: these hold raw
                        // text, not markup.
                        if let Some(kind) = raw_text_kind(name) {
                            return TokenSinkResult::RawData(kind);
                        }
                    }
                    TagKind::EndTag => builder.close(name),
                }
            }
            Token::CharacterTokens(text) => builder.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn raw_text_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
        "textarea" | "title" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// What [`BodyBuilder`] needs to know of an element as it opens.
#[derive(Debug, Clone, Copy, Default)]
pub struct Element<'a> {
    /// Lower case, as HTML parsers give it.
    pub name: &'a str,
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub href: Option<&'a str>,
    /// A blockquote's `cite`.
    pub cite: Option<&'a str>,
    /// `hidden`, `aria-hidden="true"` or `display: none`.
    pub hidden: bool,
}

impl<'a> Element<'a> {
    /// The element named `name` whose attributes `attr` looks up.
    pub fn from_attributes(name: &'a str, attr: impl Fn(&str) -> Option<&'a str>) -> Self {
        let hidden = attr("hidden").is_some()
            || attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || attr("style").is_some_and(|style| {
                let style: String = style.split_whitespace().collect();
                style.to_ascii_lowercase().contains("display:none")
            });
        Element {
            name,
            class: attr("class"),
            id: attr("id"),
            href: attr("href"),
            cite: attr("cite"),
            hidden,
        }
    }
}

/// Elements that never hold a post's text.
const FURNITURE_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "header",
    "form",
    "button",
    "iframe",
    "svg",
    "math",
    "object",
    "embed",
    "select",
    "textarea",
    "canvas",
    "video",
    "audio",
    "head",
    "title",
    "label",
    "dialog",
    "menu",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
];

/// Words that mark page furniture when they are a whole part (between
/// hyphens or underscores) of a class or id: share buttons, sidebars,
/// widgets, menus, related posts, comment forms, post meta lines.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "sidebar",
    "widget",
    "nav",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "related",
    "relatedposts",
    "subscribe",
    "newsletter",
    "advert",
    "advertisement",
    "ads",
    "sponsored",
    "footer",
    "comments",
    "commentlist",
    "respond",
    "meta",
    "byline",
    "tags",
    "categories",
    "metadata",
    "reply",
    "author",
];

/// Whole class names that mark furniture: WordPress's link lists, hidden
/// labels and "Continue reading" links.
const FURNITURE_CLASSES: &[&str] = &[
    "cat-links",
    "tags-links",
    "tag-links",
    "screen-reader-text",
    "more-link",
    "sd-sharing-enabled",
    "comment-list",
];

/// Whether an element is page furniture rather than a post's text: an
/// element of [`FURNITURE_ELEMENTS`], a hidden one, or one whose class or id
/// is (or has a part that is) a furniture word. WordPress's classes for a
/// post's own tags and categories (`tag-social-media`, `category-news`)
/// name the post's subjects, not furniture, and are passed over.
///
/// Accepts `<div class="sharedaddy sd-block">`, `<div id="secondary-sidebar">`,
/// `<nav>`; rejects `<div class="entry-content">`, `<p class="shared-view">`,
/// `<article class="post tag-social-media">`.
pub fn is_furniture(element: &Element<'_>) -> bool {
    if element.hidden || FURNITURE_ELEMENTS.contains(&element.name) {
        return true;
    }
    let names = element.class.into_iter().chain(element.id);
    names.flat_map(str::split_ascii_whitespace).any(|token| {
        let token = token.to_ascii_lowercase();
        let taxonomy = token.starts_with("tag-") || token.starts_with("category-");
        FURNITURE_CLASSES.contains(&token.as_str())
            || !taxonomy
                && token
                    .split(['-', '_'])
                    .any(|part| FURNITURE_WORDS.contains(&part))
    })
}

/// Elements that close nothing and hold nothing.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// Elements whose start and end separate blocks.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "table",
    "tr",
    "dl",
    "dt",
    "dd",
    "address",
    "center",
    "details",
    "summary",
    "hgroup",
    "fieldset",
    "ul",
    "ol",
    "hr",
    "body",
    "html",
];

/// What a block was in the HTML, before citations are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Paragraph,
    Heading,
    ListItem,
    Quote,
}

#[derive(Debug)]
struct Draft {
    shape: Shape,
    text: String,
    links: Vec<Link>,
    /// The enclosing blockquote's `cite`.
    cite: Option<String>,
}

/// A link inside a draft: where it points, and its text as a byte range.
#[derive(Debug)]
struct Link {
    href: String,
    text: std::ops::Range<usize>,
}

/// Builds a [`Body`] from open, text and close events; see the module
/// documentation. Unbalanced or misnested markup never fails: a close with
/// nothing open is ignored.
#[derive(Debug, Default)]
pub struct BodyBuilder {
    drafts: Vec<Draft>,
    text: String,
    links: Vec<Link>,
    open_link: Option<(String, usize)>,
    pending_space: bool,
    /// Two `<br>` in a row end a paragraph.
    after_break: bool,
    /// Newlines since the last word: two make a blank line.
    newlines: u32,
    /// The furniture element being skipped, and how deeply it nests.
    skipping: Option<(String, u32)>,
    quote_depth: u32,
    cites: Vec<Option<String>>,
    list_depth: u32,
    heading_depth: u32,
    pre_depth: u32,
}

impl BodyBuilder {
    /// An element opens.
    pub fn open(&mut self, element: &Element<'_>) {
        let name = element.name;
        if let Some((skipped, depth)) = &mut self.skipping {
            if skipped == name {
                *depth += 1;
            }
            return;
        }
        if is_furniture(element) {
            if !VOID_ELEMENTS.contains(&name) {
                self.skipping = Some((name.to_string(), 1));
            }
            return;
        }
        match name {
            "br" => {
                if self.after_break {
                    self.flush();
                } else {
                    self.pending_space = true;
                    self.after_break = true;
                }
                return;
            }
            "blockquote" => {
                self.flush();
                self.quote_depth += 1;
                self.cites
                    .push(element.cite.and_then(web_link).map(String::from));
            }
            "li" => {
                self.flush();
                self.list_depth += 1;
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading_depth += 1;
            }
            "pre" => {
                self.flush();
                self.pre_depth += 1;
            }
            "td" | "th" | "img" => self.pending_space = true,
            "a" => {
                self.close_link();
                if let Some(href) = element.href.and_then(web_link) {
                    self.open_link = Some((href.to_string(), self.text.len()));
                }
            }
            _ if BLOCK_ELEMENTS.contains(&name) => self.flush(),
            _ => {}
        }
        self.after_break = false;
    }

    /// An element closes.
    pub fn close(&mut self, name: &str) {
        if let Some((skipped, depth)) = &mut self.skipping {
            if skipped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skipping = None;
                }
            }
            return;
        }
        match name {
            "blockquote" => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
                self.cites.pop();
            }
            "li" => {
                self.flush();
                self.list_depth = self.list_depth.saturating_sub(1);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading_depth = self.heading_depth.saturating_sub(1);
            }
            "pre" => {
                self.flush();
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
            "a" => self.close_link(),
            "td" | "th" => self.pending_space = true,
            _ if BLOCK_ELEMENTS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    /// Text inside the open elements. A blank line ends a paragraph, as
    /// WordPress's stored posts and comments mark them; inside `<pre>`
    /// every line is a block of its own. The tokenizer may hand over a
    /// blank line in pieces, so the newlines seen since the last word are
    /// counted across calls.
    pub fn text(&mut self, text: &str) {
        if self.skipping.is_some() {
            return;
        }
        // One pass over the bytes: ASCII white space parts words (other
        // white space is left to cleaning), a newline may end a paragraph.
        let mut word_start = None;
        for (at, byte) in text.bytes().enumerate() {
            if byte.is_ascii_whitespace() {
                if let Some(start) = word_start.take() {
                    self.push_word(&text[start..at]);
                }
                if byte == b'\n' {
                    self.newline();
                } else {
                    self.pending_space = true;
                }
            } else if word_start.is_none() {
                word_start = Some(at);
            }
        }
        if let Some(start) = word_start {
            self.push_word(&text[start..]);
        }
    }

    fn newline(&mut self) {
        self.newlines += 1;
        if self.pre_depth > 0 || self.newlines >= 2 {
            self.flush();
        } else {
            self.pending_space = true;
        }
    }

    fn push_word(&mut self, word: &str) {
        if self.pending_space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.pending_space = false;
        self.after_break = false;
        self.newlines = 0;
        self.text.push_str(word);
    }

    fn close_link(&mut self) {
        if let Some((href, start)) = self.open_link.take() {
            let start = start.min(self.text.len());
            if self.text[start..].trim().is_empty() {
                return;
            }
            self.links.push(Link {
                href,
                text: start..self.text.len(),
            });
        }
    }

    /// Ends the block being written, if it holds anything.
    fn flush(&mut self) {
        self.after_break = false;
        self.pending_space = false;
        let reopen = self.open_link.as_ref().map(|(href, _)| href.clone());
        self.close_link();
        if !self.text.is_empty() {
            let shape = if self.quote_depth > 0 {
                Shape::Quote
            } else if self.heading_depth > 0 {
                Shape::Heading
            } else if self.list_depth > 0 {
                Shape::ListItem
            } else {
                Shape::Paragraph
            };
            self.drafts.push(Draft {
                shape,
                text: std::mem::take(&mut self.text),
                links: std::mem::take(&mut self.links),
                cite: self.cites.iter().rev().flatten().next().cloned(),
            });
        }
        self.links.clear();
        // A link left open runs on into the next block.
        self.open_link = reopen.map(|href| (href, 0));
    }

    /// The blocks and sources written so far.
    pub fn finish(mut self) -> Body {
        self.flush();
        let mut body = Body::default();
        let mut source_by_url: HashMap<String, usize> = HashMap::new();
        let shapes: Vec<Shape> = self.drafts.iter().map(|d| d.shape).collect();
        // The source the quotes that follow are tied to.
        let mut quoting: Option<usize> = None;
        for (index, draft) in self.drafts.into_iter().enumerate() {
            let (kind, source) = match draft.shape {
                Shape::Quote => {
                    let source = quoting.or_else(|| {
                        let url = draft.cite.as_deref()?;
                        Some(add_source(&mut body.sources, &mut source_by_url, url, None))
                    });
                    (BlockKind::Quote, source)
                }
                shape => {
                    let followed_by_quote = shapes.get(index + 1) == Some(&Shape::Quote);
                    let source = citing_link(&draft, followed_by_quote).map(|link| {
                        let headline = &draft.text[link.text.clone()];
                        add_source(
                            &mut body.sources,
                            &mut source_by_url,
                            &link.href,
                            Some(headline),
                        )
                    });
                    let kind = match (shape, source) {
                        (Shape::ListItem, _) => BlockKind::ListItem,
                        (_, Some(_)) => BlockKind::Citation,
                        (Shape::Heading, None) => BlockKind::LeadIn,
                        (_, None) if is_lead_in(&draft.text) => BlockKind::LeadIn,
                        _ => BlockKind::Paragraph,
                    };
                    quoting = source;
                    (kind, source)
                }
            };
            let text = cleaned(draft.text);
            if text.is_empty() {
                continue;
            }
            let block = Block::new(kind, text);
            body.blocks.push(match source {
                Some(source) => block.with_source(source),
                None => block,
            });
        }
        body.blocks.shrink_to_fit();
        body.sources.shrink_to_fit();
        body
    }
}

/// `text` cleaned, as a box: most text is already clean and keeps its
/// own allocation.
fn cleaned(text: String) -> Box<str> {
    match clean_cow(&text) {
        Cow::Borrowed(_) => text.into_boxed_str(),
        Cow::Owned(cleaned) => cleaned.into_boxed_str(),
    }
}

/// The link by which a block cites a source, if it does: its only content
/// is a link, or it has a link and introduces a quote (ends in a colon, or
/// a blockquote follows it). The last link is the one that introduces.
///
/// Accepts "The Herald reports: <a>Plan falls over</a>" and a paragraph
/// that is only `<a>Plan falls over</a>`; rejects "As I said <a>last
/// week</a>, nothing changes." when no quote follows.
fn citing_link(draft: &Draft, followed_by_quote: bool) -> Option<&Link> {
    let link = draft.links.last()?;
    let text = draft.text.trim_end();
    let introduces = followed_by_quote || text.ends_with(':');
    let outside_links = draft
        .links
        .iter()
        .fold((String::new(), 0), |(mut outside, from), link| {
            outside.push_str(&draft.text[from..link.text.start]);
            (outside, link.text.end)
        });
    let rest = &draft.text[outside_links.1..];
    let only_links = outside_links
        .0
        .chars()
        .chain(rest.chars())
        .all(|c| !c.is_alphanumeric());
    (introduces || only_links).then_some(link)
}

/// A short line that ends in a colon and cites nothing introduces what
/// follows ("On trade:", "Previously:").
///
/// Accepts "On the budget:"; rejects "He said this: we will not move, and
/// nothing anyone says about it will change that:" (too long to be a label).
fn is_lead_in(text: &str) -> bool {
    text.ends_with(':') && text.split_whitespace().count() <= 8
}

/// `href` when it points at the web (`http`, `https`, or scheme-relative),
/// not at a page-local anchor, a mail address or a script.
fn web_link(href: &str) -> Option<&str> {
    let href = href.trim();
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//"))
        .then_some(href)
}

/// The index of the source for `url`, added if new, with the outlet named
/// by the link's domain and the headline from the link's text (unless the
/// text only names the outlet or repeats the address).
fn add_source(
    sources: &mut Vec<Source>,
    by_url: &mut HashMap<String, usize>,
    url: &str,
    link_text: Option<&str>,
) -> usize {
    let url = clean(url);
    if let Some(&index) = by_url.get(&url) {
        return index;
    }
    let outlet = outlet_of_url(&url).map(|o| clean(&o));
    let headline = link_text
        .map(clean)
        .filter(|h| !h.is_empty() && !names_only(h, outlet.as_deref()));
    let index = sources.len();
    sources.push(Source {
        outlet,
        headline,
        url: Some(url.clone()),
    });
    by_url.insert(url, index);
    index
}

/// Whether a link's text says no more than where it points: the outlet's
/// name ("the Guardian"), the address, or a bare domain.
fn names_only(text: &str, outlet: Option<&str>) -> bool {
    let key = |s: &str| {
        let lower = s.trim().trim_end_matches(':').to_lowercase();
        lower.strip_prefix("the ").unwrap_or(&lower).to_string()
    };
    let looks_like_address = !text.contains(' ')
        && (text.contains("://") || text.starts_with("www.") || text.contains('.'));
    looks_like_address || outlet.is_some_and(|o| key(o) == key(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_texts(body: &Body) -> Vec<(BlockKind, &str, Option<usize>)> {
        body.blocks
            .iter()
            .map(|b| (b.kind, &*b.text, b.source()))
            .collect()
    }

    #[test]
    fn a_lead_in_link_cites_the_quote_below_it() {
        let body = body_of_fragment(concat!(
            "<p>Some commentary of mine.</p>\n",
            "<p>The Guardian reports: <a href=\"https://www.theguardian.com/x\">Tariffs rise</a></p>",
            "<blockquote><p>One.</p><p>Two &ndash; three.</p></blockquote>",
            "<p>That&#8217;s all.</p>"
        ));
        use BlockKind::*;
        assert_eq!(
            kinds_and_texts(&body),
            [
                (Paragraph, "Some commentary of mine.", None),
                (Citation, "The Guardian reports: Tariffs rise", Some(0)),
                (Quote, "One.", Some(0)),
                (Quote, "Two – three.", Some(0)),
                (Paragraph, "That’s all.", None),
            ]
        );
        assert_eq!(
            body.sources,
            [Source {
                outlet: Some("The Guardian".into()),
                headline: Some("Tariffs rise".into()),
                url: Some("https://www.theguardian.com/x".into()),
            }]
        );
    }

    #[test]
    fn a_paragraph_that_is_only_a_link_is_a_citation() {
        let body = body_of_fragment(
            "<p><a href=\"https://example.org/story\">A headline</a></p><p>Not quoted.</p>",
        );
        assert_eq!(body.blocks[0].kind, BlockKind::Citation);
        assert_eq!(body.sources[0].outlet.as_deref(), Some("example.org"));
        assert_eq!(body.sources[0].headline.as_deref(), Some("A headline"));
        assert_eq!(body.blocks[1].source(), None);
    }

    #[test]
    fn an_inline_link_in_commentary_is_not_a_source() {
        let body = body_of_fragment(
            "<p>As I said <a href=\"https://example.org/\">last week</a>, nothing changes.</p>",
        );
        assert_eq!(body.blocks[0].kind, BlockKind::Paragraph);
        assert!(body.sources.is_empty());
        // Nor is a link to this page or a mail address.
        let local = body_of_fragment("<p><a href=\"#note\">Note</a></p><blockquote>q</blockquote>");
        assert!(local.sources.is_empty());
    }

    #[test]
    fn a_link_naming_only_the_outlet_gives_no_headline() {
        let body = body_of_fragment(
            "<p>From <a href=\"https://www.rnz.co.nz/news/1\">RNZ</a>:</p><blockquote>Words.</blockquote>",
        );
        assert_eq!(body.sources[0].outlet.as_deref(), Some("RNZ"));
        assert_eq!(body.sources[0].headline, None);
        assert_eq!(body.blocks[1].source(), Some(0));
    }

    #[test]
    fn a_quote_with_a_cite_attribute_cites_it() {
        let body = body_of_fragment(
            "<p>Commentary.</p><blockquote cite=\"https://bbc.co.uk/news/1\"><p>Quoted.</p></blockquote>",
        );
        assert_eq!(body.blocks[1].source(), Some(0));
        assert_eq!(body.sources[0].outlet.as_deref(), Some("BBC"));
    }

    #[test]
    fn furniture_is_dropped() {
        let body = body_of_fragment(concat!(
            "<style>p { color: red }</style><script>if (a<b) { document.write('<p>x</p>') }</script>",
            "<nav><ul><li>Home</li></ul></nav>",
            "<p>Kept.</p>",
            "<div class=\"sharedaddy sd-sharing-enabled\"><div><h3>Share this:</h3></div></div>",
            "<aside id=\"secondary\">Sidebar</aside>",
            "<p class=\"hidden-thing\" hidden>Hidden</p>",
            "<div style=\"display: none\">Gone</div>",
            "<footer>Footer</footer><p>Also kept.</p>"
        ));
        let texts: Vec<_> = body.blocks.iter().map(|b| &*b.text).collect();
        assert_eq!(texts, ["Kept.", "Also kept."]);
    }

    #[test]
    fn lists_headings_and_breaks() {
        let body = body_of_fragment(concat!(
            "<h2>On trade</h2><ul><li>One</li><li>Two <a href=\"https://x.org/\">x</a></li></ul>",
            "Line one<br>line two<br><br>New paragraph\n\nAnother one"
        ));
        use BlockKind::*;
        let got: Vec<_> = kinds_and_texts(&body)
            .into_iter()
            .map(|(k, t, _)| (k, t))
            .collect();
        assert_eq!(
            got,
            [
                (LeadIn, "On trade"),
                (ListItem, "One"),
                (ListItem, "Two x"),
                (Paragraph, "Line one line two"),
                (Paragraph, "New paragraph"),
                (Paragraph, "Another one"),
            ]
        );
    }

    #[test]
    fn a_blank_line_handed_over_in_pieces_still_parts_paragraphs() {
        let mut builder = BodyBuilder::default();
        for piece in ["One", "\n", " \n", "Two\n", "still two"] {
            builder.text(piece);
        }
        let texts: Vec<_> = builder
            .finish()
            .blocks
            .iter()
            .map(|b| b.text.to_string())
            .collect();
        assert_eq!(texts, ["One", "Two still two"]);
    }

    #[test]
    fn hostile_text_is_cleaned() {
        let body = body_of_fragment("<p>a&#27;]0;pwn&#7; b\u{202e}c</p>");
        assert!(
            body.blocks
                .iter()
                .all(|b| crate::import::clean::is_clean(&b.text))
        );
        assert!(!body.blocks[0].text.contains('\u{1b}'));
        assert_eq!(text_of_fragment("<b>x</b>\u{1b}[2J"), "x\u{FFFD}");
    }

    #[test]
    fn misnested_markup_never_fails() {
        for html in [
            "</p></blockquote></a></li>text",
            "<blockquote><blockquote><p>deep",
            "<a href=\"https://x.org\">open link<p>next para",
            "<nav><nav></nav>still skipped</nav>shown",
            "<pre>line 1\nline 2</pre>",
        ] {
            let body = body_of_fragment(html);
            for block in &body.blocks {
                assert!(block.source().is_none_or(|s| s < body.sources.len()));
            }
        }
        let nested = body_of_fragment("<nav><nav></nav>still skipped</nav>shown");
        assert_eq!(nested.blocks.len(), 1);
        assert_eq!(&*nested.blocks[0].text, "shown");
    }
}
