//! Which format a file is: decided on its first bytes, with the file's
//! extension as a hint where the content leaves a choice.
//!
//! Markup is told apart by its root element (`<rss>`, `<feed>`, a WordPress
//! export's `<rss>` with the `wp` namespace, an HTML document); JSON by its
//! opening brace; Markdown by front matter or headings; anything else that is
//! text is a plain-text archive. Images, PDFs, archives, other binary data
//! and XML of other kinds are not read at all: [`Unreadable`] says what the
//! file looked like.

use std::fmt;

/// A format pundit reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An RSS feed (2.0, or the 0.9x and 1.0 forms).
    Rss,
    /// An Atom feed.
    Atom,
    /// A WordPress export (WXR): RSS with WordPress's own elements.
    Wxr,
    /// A saved web page.
    Html,
    /// Markdown notes.
    Markdown,
    /// pundit's native JSON.
    Json,
    /// A scraped plain-text archive.
    PlainText,
}

/// The formats pundit reads, as a message names them.
pub const READABLE: &str =
    "RSS, Atom, WordPress export (WXR), HTML, Markdown, native JSON and plain text";

/// A file that is none of the [`Format`]s: what it looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(String);

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a format pundit reads ({}); pundit reads {READABLE}",
            self.0
        )
    }
}

impl std::error::Error for Unreadable {}

/// Signatures of binary files people keep beside their archives, and what
/// to call them.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\x7fELF", "an executable"),
];

/// The format of a file that starts with `head` (as much of it as has been
/// read, at least a few kilobytes where the file has them) and whose name
/// ends in `extension`. The loader decodes UTF-16 before asking; here it is
/// binary data.
///
/// Content decides first: a known binary signature, or a NUL byte, is
/// unreadable; markup by its root element; `{` is JSON. Only text that
/// could be either Markdown or a plain-text archive is settled by the
/// extension: `.md` is Markdown, `.txt` plain text (unless it opens with
/// front matter), and without either, Markdown headings or links decide.
///
/// ```
/// use pundit::import::detect::{Format, format_of};
/// assert_eq!(format_of(b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", None), Ok(Format::Atom));
/// assert_eq!(format_of(b"# Notes\n\nSome text", Some("txt")), Ok(Format::PlainText));
/// assert!(format_of(b"%PDF-1.7\n", Some("txt")).is_err());
/// ```
pub fn format_of(head: &[u8], extension: Option<&str>) -> Result<Format, Unreadable> {
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| head.starts_with(sig)) {
        return Err(Unreadable((*what).into()));
    }
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if head.contains(&0) {
        return Err(Unreadable("binary data".into()));
    }
    let hint = extension.map(str::to_ascii_lowercase);
    let hint = hint.as_deref();
    let start = head.trim_ascii_start();
    match start.first() {
        Some(b'{') => return Ok(Format::Json),
        Some(b'<') if starts_markup(start) => {
            let markup = markup_format(start);
            // A Markdown note may open with inline HTML; a whole document
            // (a doctype, `<html>`) or a feed is still what it says.
            return match markup {
                Markup::Fragment if is_markdown_hint(hint) => Ok(Format::Markdown),
                Markup::Fragment | Markup::Document => Ok(Format::Html),
                Markup::Feed(format) => Ok(format),
                Markup::OtherXml(root) => Err(Unreadable(format!(
                    "an XML document whose root element is <{root}>"
                ))),
            };
        }
        _ => {}
    }
    if hint == Some("json") {
        // Named JSON but not an object: read as JSON, so the error says where.
        return Ok(Format::Json);
    }
    if has_front_matter(start) || is_markdown_hint(hint) {
        return Ok(Format::Markdown);
    }
    if hint != Some("txt") && looks_like_markdown(head) {
        return Ok(Format::Markdown);
    }
    Ok(Format::PlainText)
}

/// `<` followed by a letter, `!` or `?`: a tag, not "<3" or "< 5".
fn starts_markup(start: &[u8]) -> bool {
    start
        .get(1)
        .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'!' | b'?'))
}

fn is_markdown_hint(hint: Option<&str>) -> bool {
    matches!(hint, Some("md" | "markdown" | "mdown" | "mkd" | "mkdn"))
}

/// What markup a file that opens with `<` holds.
#[derive(Debug, PartialEq, Eq)]
enum Markup {
    /// A feed or an export.
    Feed(Format),
    /// An HTML document: a doctype or an `<html>` root.
    Document,
    /// HTML without a document around it (`<p>…`, `<div>…`).
    Fragment,
    /// XML with some other root, named.
    OtherXml(String),
}

/// HTML elements that may open a saved page or fragment: the tags the
/// WHATWG sniffing rules look for, and the common block elements.
const HTML_OPENERS: &[&str] = &[
    "html",
    "head",
    "body",
    "script",
    "iframe",
    "h1",
    "h2",
    "h3",
    "div",
    "font",
    "table",
    "a",
    "style",
    "title",
    "b",
    "br",
    "p",
    "meta",
    "link",
    "article",
    "section",
    "main",
    "header",
    "nav",
    "blockquote",
    "ul",
    "ol",
    "span",
    "em",
    "strong",
    "i",
];

/// Reads the prologue of a file that opens with `<` (declaration,
/// comments, processing instructions, doctype) and names its first element.
///
/// Accepts `<?xml …?><!-- c --><rss version="2.0">` (a feed) and
/// `<!DOCTYPE html><html>` (a document); an `<svg>` root is other XML.
fn markup_format(mut rest: &[u8]) -> Markup {
    let mut saw_xml_declaration = false;
    loop {
        rest = rest.trim_ascii_start();
        if let Some(after) = rest.strip_prefix(b"<?") {
            saw_xml_declaration |= after.starts_with(b"xml");
            rest = skip_past(after, b"?>");
        } else if let Some(after) = rest.strip_prefix(b"<!--") {
            rest = skip_past(after, b"-->");
        } else if rest.len() >= 9 && rest[..9].eq_ignore_ascii_case(b"<!doctype") {
            let doctype = rest[9..].trim_ascii_start();
            if doctype.len() >= 4 && doctype[..4].eq_ignore_ascii_case(b"html") {
                return Markup::Document;
            }
            rest = skip_past(&rest[9..], b">");
        } else {
            break;
        }
    }
    let Some(tag) = rest.strip_prefix(b"<") else {
        // Only a prologue in what has been read.
        return if saw_xml_declaration {
            Markup::OtherXml("unknown".into())
        } else {
            Markup::Fragment
        };
    };
    let name_end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        .unwrap_or(tag.len());
    let name = String::from_utf8_lossy(&tag[..name_end]).into_owned();
    let start_tag = &tag[..tag.iter().position(|&b| b == b'>').unwrap_or(tag.len())];
    match name.as_str() {
        "rss" if is_wordpress_export(start_tag, rest) => Markup::Feed(Format::Wxr),
        "rss" | "rdf:RDF" => Markup::Feed(Format::Rss),
        "feed" => Markup::Feed(Format::Atom),
        _ if name.eq_ignore_ascii_case("html") => Markup::Document,
        _ if HTML_OPENERS.iter().any(|h| name.eq_ignore_ascii_case(h)) => Markup::Fragment,
        _ if name.is_empty() || !saw_xml_declaration && !name.contains(':') => {
            // `<unknown>` without a declaration: HTML's parser reads
            // anything, and a fragment is the kinder guess.
            Markup::Fragment
        }
        _ => Markup::OtherXml(printable_name(&name)),
    }
}

/// The part of `bytes` after the first `end`, or nothing.
fn skip_past<'a>(bytes: &'a [u8], end: &[u8]) -> &'a [u8] {
    bytes
        .windows(end.len())
        .position(|w| w == end)
        .map_or(&[], |at| &bytes[at + end.len()..])
}

/// A WordPress export is RSS whose root declares WordPress's export
/// namespace (`xmlns:wp="http://wordpress.org/export/1.2/"`), or which
/// carries its `<wp:wxr_version>` early in the channel.
///
/// Accepts `<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">`;
/// rejects a feed whose root declares only `content`, `dc` and `slash`.
fn is_wordpress_export(root_tag: &[u8], head: &[u8]) -> bool {
    let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    contains(root_tag, b"wordpress.org/export/") || contains(head, b"<wp:wxr_version>")
}

/// An element name as a message may show it: at most 40 visible characters.
fn printable_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).take(40).collect()
}

/// Whether the text opens with YAML front matter: a `---` line, then
/// `key: value` lines, then a closing `---` (or `...`) line.
///
/// Accepts "---\ntitle: A\n---\n"; rejects "---\nJust a rule\n" and a
/// `---` rule further down.
fn has_front_matter(text: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(valid_prefix(text)) else {
        return false;
    };
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return false;
    }
    let mut keys = 0;
    for line in lines {
        match line.trim_end() {
            "---" | "..." => return keys > 0,
            line if line.starts_with([' ', '-', '#']) || line.is_empty() => {}
            line => match line.split_once(':') {
                Some((key, _)) if !key.is_empty() && !key.contains(' ') => keys += 1,
                _ => return false,
            },
        }
    }
    false
}

/// Whether plain text shows the marks of Markdown: an ATX heading at the
/// start of a line (`# Title`, `## Part`) or an inline link
/// (`[text](https://…)`). Scraped plain-text archives have neither.
///
/// Accepts "Notes\n\n## Monday\n"; rejects "#hashtag at the start" and
/// "Issue #4 (see above)".
fn looks_like_markdown(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(valid_prefix(head));
    let heading = text.lines().any(|line| {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') && line.len() > hashes + 1
    });
    heading || text.contains("](http")
}

/// `bytes` without an incomplete UTF-8 character at its end (a head cut
/// mid-character).
fn valid_prefix(bytes: &[u8]) -> &[u8] {
    match std::str::from_utf8(bytes) {
        Ok(_) => bytes,
        Err(error) if error.error_len().is_none() => &bytes[..error.valid_up_to()],
        Err(_) => bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(text: &str, extension: Option<&str>) -> Result<Format, Unreadable> {
        format_of(text.as_bytes(), extension)
    }

    #[test]
    fn feeds_and_exports_by_their_root() {
        let rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- generator -->\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>";
        assert_eq!(detect(rss, Some("xml")), Ok(Format::Rss));
        assert_eq!(detect(rss, Some("html")), Ok(Format::Rss));
        let wxr = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"\n xmlns:wp=\"http://wordpress.org/export/1.2/\">";
        assert_eq!(detect(wxr, None), Ok(Format::Wxr));
        let atom = "\u{feff}<feed xmlns=\"http://www.w3.org/2005/Atom\">";
        assert_eq!(detect(atom, Some("atom")), Ok(Format::Atom));
        let rdf = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"…\">";
        assert_eq!(detect(rdf, None), Ok(Format::Rss));
    }

    #[test]
    fn pages_and_fragments_are_html() {
        assert_eq!(
            detect("<!DOCTYPE html>\n<html lang=en>", Some("htm")),
            Ok(Format::Html)
        );
        assert_eq!(
            detect(
                "<!-- saved from url=(0042)https://example.org/ -->\n<html>",
                None
            ),
            Ok(Format::Html)
        );
        assert_eq!(detect("<p>Hello</p>", None), Ok(Format::Html));
        assert_eq!(
            detect("<div>Hi</div>\n\n# Title", Some("md")),
            Ok(Format::Markdown)
        );
        assert_eq!(
            detect("<!DOCTYPE html><html>", Some("md")),
            Ok(Format::Html)
        );
    }

    #[test]
    fn other_xml_and_binary_files_are_unreadable() {
        let svg = detect(
            "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">",
            None,
        );
        let message = svg.unwrap_err().to_string();
        assert!(message.contains("root element is <svg>"), "{message}");
        assert!(message.contains("RSS, Atom"), "{message}");
        assert!(detect("<?xml version=\"1.0\"?><urlset>", Some("xml")).is_err());
        let pdf = format_of(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", Some("pdf")).unwrap_err();
        assert!(pdf.to_string().contains("a PDF document"));
        let png = format_of(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Some("txt")).unwrap_err();
        assert!(png.to_string().contains("PNG image"));
        assert!(format_of(b"some\0bytes", None).is_err());
    }

    #[test]
    fn json_by_brace_or_by_name() {
        assert_eq!(detect("  {\"posts\": []}", None), Ok(Format::Json));
        assert_eq!(detect("not json at all", Some("JSON")), Ok(Format::Json));
    }

    #[test]
    fn markdown_by_front_matter_headings_links_or_name() {
        let front = "---\ntitle: On trade\ntags:\n  - Trade\n---\nText";
        assert_eq!(detect(front, None), Ok(Format::Markdown));
        assert_eq!(detect(front, Some("txt")), Ok(Format::Markdown));
        assert_eq!(
            detect("Intro\n\n## Monday\n\nText", None),
            Ok(Format::Markdown)
        );
        assert_eq!(
            detect("As [the Herald](https://nzherald.co.nz/x) says", None),
            Ok(Format::Markdown)
        );
        assert_eq!(detect("plain words", Some("md")), Ok(Format::Markdown));
        assert_eq!(detect("# Heading", Some("txt")), Ok(Format::PlainText));
    }

    #[test]
    fn scraped_text_stays_plain_text() {
        assert_eq!(
            detect(
                "Macron: No planet B\n\n#hashtag here\n\nIssue #4 (see)",
                None
            ),
            Ok(Format::PlainText)
        );
        assert_eq!(detect("---\nJust a rule\n", None), Ok(Format::PlainText));
        assert_eq!(detect("", None), Ok(Format::PlainText));
        assert_eq!(detect("<3 this post", None), Ok(Format::PlainText));
        let seed = crate::load::BUNDLED.as_bytes();
        assert_eq!(
            format_of(&seed[..seed.len().min(65536)], Some("txt")),
            Ok(Format::PlainText)
        );
        assert_eq!(
            format_of(&seed[..seed.len().min(65536)], None),
            Ok(Format::PlainText)
        );
    }
}
