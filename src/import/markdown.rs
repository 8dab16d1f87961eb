//! Markdown notes: one post per file, or one per top-level heading when a
//! file holds several.
//!
//! pulldown-cmark reads the Markdown; each post's part is rendered to HTML
//! and read by [`html_blocks`](super::html_blocks) like any other body, so
//! `>` quotes, lists and links that cite follow the same rules as in feeds
//! and pages. YAML front matter gives the title, date, author and tags.

use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use yaml_rust2::parser::{Event as YamlEvent, Parser as YamlParser};

use super::clean::clean_post;
use super::html_blocks::{Body, body_of_fragment};
use super::{finished_post, title_or_opening_words};
use crate::load::LoadError;
use crate::model::Post;

/// What front matter may say of a post.
#[derive(Debug, Default, PartialEq, Eq)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    url: Option<String>,
    tags: Vec<String>,
}

/// Parses a Markdown file into posts. `name` is the file's path: a file with
/// no title in its front matter or headings is titled after it.
pub fn parse(name: &str, content: &str) -> Result<Vec<Post>, LoadError> {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH;
    let content = content.trim_start_matches('\u{feff}');
    let mut front = FrontMatter::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut in_metadata = None;
    for event in Parser::new_ext(content, options) {
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => in_metadata = Some(kind),
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = None,
            // TOML front matter (`+++`) is dropped, not shown.
            Event::Text(text) if in_metadata.is_some() => {
                if in_metadata == Some(MetadataBlockKind::YamlStyle) {
                    front = front_matter(&text);
                }
            }
            event => events.push(event),
        }
    }
    let headings = top_level_headings(&events);
    let posts = sections(&headings, front.title.is_some(), events.len())
        .into_iter()
        .filter_map(|section| {
            let titled = front.title.is_some() || section.heading.is_some();
            let title = match (&front.title, section.heading) {
                (Some(title), _) => title.clone(),
                (None, Some(heading)) => heading.title.clone(),
                (None, None) => title_from_file_name(name),
            };
            // The heading a post is titled by is its title, not a block.
            let title_events = section.heading.map_or(0..0, |h| h.events.clone());
            let body = section
                .events
                .filter(|at| !title_events.contains(at))
                .map(|at| events[at].clone());
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, body);
            let body = body_of_fragment(&html);
            // A file with nothing in it, not even a title, is no post.
            (titled || !body.blocks.is_empty()).then(|| post(title, body, &front))
        })
        .collect();
    Ok(posts)
}

/// A post's part of the file: the range of its events, and the heading
/// that titles it.
struct Section<'a> {
    events: std::ops::Range<usize>,
    heading: Option<&'a Heading>,
}

/// How a file's `events` are shared among posts: with a title in the front
/// matter, or fewer than two top-level headings, the file is one post
/// (titled by its only heading, if it has one); otherwise each top-level
/// heading starts a post, and what comes before the first opens it.
fn sections(headings: &[Heading], titled: bool, events: usize) -> Vec<Section<'_>> {
    match headings {
        [_, _, ..] if !titled => headings
            .iter()
            .enumerate()
            .map(|(n, heading)| {
                let start = if n == 0 { 0 } else { heading.events.start };
                let end = headings.get(n + 1).map_or(events, |next| next.events.start);
                Section {
                    events: start..end,
                    heading: Some(heading),
                }
            })
            .collect(),
        [only] if !titled => vec![Section {
            events: 0..events,
            heading: Some(only),
        }],
        _ => vec![Section {
            events: 0..events,
            heading: None,
        }],
    }
}

fn post(title: String, body: Body, front: &FrontMatter) -> Post {
    let mut post = Post {
        title,
        author: front.author.clone(),
        date: front.date.clone(),
        url: front.url.clone(),
        tags: front.tags.clone(),
        blocks: body.blocks,
        sources: body.sources,
        ..Post::default()
    };
    clean_post(&mut post);
    post.tags.retain(|tag| !tag.is_empty());
    post.title = title_or_opening_words(&post.title, &post.blocks);
    finished_post(post)
}

/// A top-level (`#`) heading: its text and the range of its events.
#[derive(Debug)]
struct Heading {
    title: String,
    events: std::ops::Range<usize>,
}

fn top_level_headings(events: &[Event<'_>]) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (at, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => open = Some((at, String::new())),
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
                if let Some((start, title)) = open.take() {
                    headings.push(Heading {
                        title: title.split_whitespace().collect::<Vec<_>>().join(" "),
                        events: start..at + 1,
                    });
                }
            }
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) => {
                if let Some((_, title)) = &mut open {
                    title.push_str(text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, title)) = &mut open {
                    title.push(' ');
                }
            }
            _ => {}
        }
    }
    headings
}

/// A title from a file's name: its stem, with hyphens and underscores as
/// spaces and the first letter a capital ("on-trade_notes.md" → "On trade
/// notes").
fn title_from_file_name(name: &str) -> String {
    let stem = Path::new(name)
        .file_stem()
        .map(|stem| stem.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default();
    let mut chars = stem.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Reads the front matter's `title`, `date`, `author` (or the first of
/// `authors`), `url` (or `link`) and `tags` (or `categories`; a list or a
/// comma-separated line). Anything else, nested values and aliases are
/// passed over; broken YAML gives what was read before it.
fn front_matter(yaml: &str) -> FrontMatter {
    #[derive(Debug)]
    enum Container {
        Map { next_is_key: bool },
        Sequence,
    }
    let mut front = FrontMatter::default();
    let mut parser = YamlParser::new_from_str(yaml);
    let mut stack: Vec<Container> = Vec::new();
    let mut key: Option<String> = None;
    while let Ok((event, _)) = parser.next_token() {
        let at_top = stack.len() == 1;
        let in_top_list = stack.len() == 2;
        match event {
            YamlEvent::StreamEnd => break,
            YamlEvent::MappingStart(..) | YamlEvent::SequenceStart(..) => {
                let container = match event {
                    YamlEvent::MappingStart(..) => Container::Map { next_is_key: true },
                    _ => Container::Sequence,
                };
                stack.push(container);
            }
            YamlEvent::MappingEnd | YamlEvent::SequenceEnd => {
                stack.pop();
                if let Some(Container::Map { next_is_key }) = stack.last_mut() {
                    *next_is_key = true;
                    if stack.len() == 1 {
                        key = None;
                    }
                }
            }
            YamlEvent::Scalar(value, ..) => match stack.last_mut() {
                Some(Container::Map { next_is_key }) => {
                    if *next_is_key {
                        key = at_top.then(|| value.to_ascii_lowercase());
                    } else if at_top {
                        set_field(&mut front, key.as_deref(), &value);
                    }
                    *next_is_key = !*next_is_key;
                }
                Some(Container::Sequence) if in_top_list => {
                    set_list_item(&mut front, key.as_deref(), &value)
                }
                _ => {}
            },
            YamlEvent::Alias(_) => {
                if let Some(Container::Map { next_is_key }) = stack.last_mut() {
                    *next_is_key = !*next_is_key;
                }
            }
            _ => {}
        }
    }
    front
}

fn set_field(front: &mut FrontMatter, key: Option<&str>, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    match key {
        Some("title") => front.title = Some(value.into()),
        Some("date") => front.date = Some(value.into()),
        Some("author") => front.author = Some(value.into()),
        Some("url" | "link") => front.url = Some(value.into()),
        Some("tags" | "categories") => front
            .tags
            .extend(value.split(',').map(|tag| tag.trim().to_string())),
        _ => {}
    }
}

fn set_list_item(front: &mut FrontMatter, key: Option<&str>, value: &str) {
    match key {
        Some("tags" | "categories") => front.tags.push(value.trim().to_string()),
        Some("authors") if front.author.is_none() => front.author = Some(value.trim().into()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

    #[test]
    fn front_matter_titles_one_post() {
        let text = "---\ntitle: \"On trade\"\ndate: 2022-06-10\nauthor: Ann\ntags: [Trade, Politics]\nextra:\n  nested: [1, 2]\n---\n\
                    # A heading inside\n\nThe [Guardian](https://www.theguardian.com/x) reports:\n\n> Tariffs rise.\n> Again.\n\n- one\n- two\n";
        let posts = parse("notes/trade.md", text).unwrap();
        assert_eq!(posts.len(), 1);
        let post = &posts[0];
        assert_eq!(post.title, "On trade");
        assert_eq!(post.date.as_deref(), Some("2022-06-10"));
        assert_eq!(post.author.as_deref(), Some("Ann"));
        assert_eq!(post.tags, ["Trade", "Politics"]);
        let blocks: Vec<_> = post
            .blocks
            .iter()
            .map(|b| (b.kind, &*b.text, b.source()))
            .collect();
        use BlockKind::*;
        assert_eq!(
            blocks,
            [
                (LeadIn, "A heading inside", None),
                (Citation, "The Guardian reports:", Some(0)),
                (Quote, "Tariffs rise. Again.", Some(0)),
                (ListItem, "one", None),
                (ListItem, "two", None),
            ]
        );
        assert_eq!(post.sources[0].outlet.as_deref(), Some("The Guardian"));
    }

    #[test]
    fn several_top_level_headings_are_several_posts() {
        let text =
            "Intro line.\n\n# First\n\nOne.\n\n## Part\n\nTwo.\n\n# Second `code`\n\nThree.\n";
        let posts = parse("n.md", text).unwrap();
        let titles: Vec<_> = posts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["First", "Second code"]);
        let first: Vec<_> = posts[0].blocks.iter().map(|b| &*b.text).collect();
        assert_eq!(first, ["Intro line.", "One.", "Part", "Two."]);
        assert_eq!(&*posts[1].blocks[0].text, "Three.");
    }

    #[test]
    fn one_heading_titles_the_file_and_none_gives_the_file_name() {
        let posts = parse("n.md", "# Only\n\nText.").unwrap();
        assert_eq!(posts[0].title, "Only");
        assert_eq!(posts[0].blocks.len(), 1);
        let posts = parse("dir/my-note_2.md", "Just text.").unwrap();
        assert_eq!(posts[0].title, "My note 2");
        assert!(
            parse("empty.md", " \n\n<!-- nothing -->\n")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn front_matter_forms() {
        let front = front_matter("title: A\ntags: one, two\nauthors:\n  - Bo\n  - Cy\n");
        assert_eq!(front.title.as_deref(), Some("A"));
        assert_eq!(front.tags, ["one", "two"]);
        assert_eq!(front.author.as_deref(), Some("Bo"));
        let aliases = front_matter("a: &x [1, 2]\nb: *x\ntitle: T\n");
        assert_eq!(aliases.title.as_deref(), Some("T"));
        assert_eq!(front_matter("title: [unclosed"), FrontMatter::default());
    }
}
