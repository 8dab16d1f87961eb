//! The builder that turns open, text and close events into blocks, and
//! the rules for what a block is: a quote, a list item, a lead-in, or a
//! citation whose link becomes a source.

use std::borrow::Cow;
use std::collections::HashMap;

use super::Body;
use super::furniture::{Element, is_furniture};
use crate::import::clean::{clean, clean_cow};
use crate::import::text::outlet_of_url;
use crate::model::{Block, BlockKind, Source};

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
        let mut start = 0;
        for newline in memchr::memchr_iter(b'\n', text.as_bytes()) {
            self.line(&text[start..newline]);
            self.newline();
            start = newline + 1;
        }
        self.line(&text[start..]);
    }

    /// A line of text, without its newline. Most lines are words parted by
    /// single spaces and are taken whole; others are read word by word,
    /// ASCII white space parting words (other white space is left to
    /// cleaning).
    fn line(&mut self, line: &str) {
        let words = line.trim_matches(' ');
        let plain = memchr::memchr3(b'\t', b'\r', b'\x0c', words.as_bytes()).is_none()
            && memchr::memmem::find(words.as_bytes(), b"  ").is_none();
        if !plain {
            self.words(line);
            return;
        }
        if line.starts_with(' ') {
            self.pending_space = true;
        }
        if !words.is_empty() {
            self.push_word(words);
        }
        if line.ends_with(' ') {
            self.pending_space = true;
        }
    }

    fn words(&mut self, text: &str) {
        let mut word_start = None;
        for (at, byte) in text.bytes().enumerate() {
            if byte.is_ascii_whitespace() {
                if let Some(start) = word_start.take() {
                    self.push_word(&text[start..at]);
                }
                self.pending_space = true;
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
///
/// Accepts "the Guardian" for theguardian.com and "rnz.co.nz"; rejects
/// "Tariffs rise again", which is a headline.
fn names_only(text: &str, outlet: Option<&str>) -> bool {
    let key = |s: &str| {
        let lower = s.trim().trim_end_matches(':').to_lowercase();
        lower.strip_prefix("the ").unwrap_or(&lower).to_string()
    };
    let looks_like_address = !text.contains(' ')
        && (text.contains("://") || text.starts_with("www.") || text.contains('.'));
    looks_like_address || outlet.is_some_and(|o| key(o) == key(text))
}
