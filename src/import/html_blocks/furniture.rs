//! Page furniture: the elements that never hold a post's text (scripts,
//! menus, sidebars, share buttons, footers), told by their name, their
//! class or id, or being hidden.

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
