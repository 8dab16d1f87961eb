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

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::clean::clean;
use crate::model::{Block, Source};

mod builder;
mod furniture;

pub use builder::BodyBuilder;
pub use furniture::{Element, is_furniture};

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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

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
        for piece in ["One", "\n", " \n", "Two\n", "still", "  two\t", " words "] {
            builder.text(piece);
        }
        let texts: Vec<_> = builder
            .finish()
            .blocks
            .iter()
            .map(|b| b.text.to_string())
            .collect();
        assert_eq!(texts, ["One", "Two still two words"]);
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
