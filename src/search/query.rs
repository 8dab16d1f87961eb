//! What to look for: the query text folded and compiled once, its scope and
//! whether it is a regular expression.

use memchr::memmem;
use regex::{Regex, RegexBuilder};

use super::fold;
use crate::model::BlockKind;

/// Which parts of the corpus a query searches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Titles, every block, every comment and every source field.
    #[default]
    Everything,
    /// The author's own words: titles and paragraph, lead-in, list-item and
    /// contributor blocks.
    Commentary,
    /// Quote blocks.
    Quotes,
    /// Source outlets, headlines and URLs, and citation blocks.
    Sources,
    /// The blocks of the comment thread.
    Comments,
}

impl Scope {
    /// Every scope, in the order [`Scope::next`] cycles through them.
    pub const ALL: [Scope; 5] = [
        Scope::Everything,
        Scope::Commentary,
        Scope::Quotes,
        Scope::Sources,
        Scope::Comments,
    ];

    /// The scope after this one, wrapping around (for a key that cycles).
    pub fn next(self) -> Scope {
        let at = Scope::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Scope::ALL[(at + 1) % Scope::ALL.len()]
    }

    /// A short name for a prompt or status line.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Everything => "everything",
            Scope::Commentary => "commentary",
            Scope::Quotes => "quotes",
            Scope::Sources => "sources",
            Scope::Comments => "comments",
        }
    }

    /// Whether a field of this class is searched.
    pub(crate) fn includes(self, class: FieldClass) -> bool {
        match self {
            Scope::Everything => true,
            Scope::Commentary => class == FieldClass::Commentary,
            Scope::Quotes => class == FieldClass::Quote,
            Scope::Sources => class == FieldClass::Source,
            Scope::Comments => class == FieldClass::Comment,
        }
    }
}

/// What a field is, as far as scopes care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldClass {
    Commentary,
    Quote,
    Source,
    /// Any block of a comment: readers' words are not the author's
    /// commentary, and what they quote or cite is not the post's source.
    Comment,
}

impl FieldClass {
    pub(crate) fn of_block(kind: BlockKind) -> Self {
        match kind {
            BlockKind::Paragraph
            | BlockKind::LeadIn
            | BlockKind::ListItem
            | BlockKind::Contributor => FieldClass::Commentary,
            BlockKind::Quote => FieldClass::Quote,
            BlockKind::Citation => FieldClass::Source,
        }
    }
}

/// How the query text is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The text as typed (folded), whitespace runs matching any whitespace.
    #[default]
    Literal,
    /// A regular expression in the syntax of the `regex` crate.
    Regex,
}

/// Why a query could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("invalid regular expression: {0}")]
    Regex(String),
}

/// A compiled query. Cheap to clone and `Send`, so it can go to a worker.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    scope: Scope,
    mode: Mode,
    case_sensitive: bool,
    pub(crate) matcher: Matcher,
}

/// The compiled form of a query.
#[derive(Debug, Clone)]
pub(crate) enum Matcher {
    /// Matches nothing (an empty or all-blank query).
    Nothing,
    /// A folded needle found with one prebuilt finder (boxed: it is large).
    Literal(Box<memmem::Finder<'static>>),
    Regex(Regex),
}

impl Query {
    /// Folds and compiles `text`. Smart case: any capital letter makes the
    /// query case-sensitive. A query of only whitespace matches nothing.
    pub fn new(text: &str, scope: Scope, mode: Mode) -> Result<Query, QueryError> {
        let case_sensitive = fold::has_capital(text, mode == Mode::Regex);
        let matcher = if text.trim().is_empty() {
            Matcher::Nothing
        } else {
            match mode {
                Mode::Literal => {
                    let needle = fold::fold_str(text, !case_sensitive);
                    if needle.is_empty() {
                        Matcher::Nothing
                    } else {
                        Matcher::Literal(Box::new(
                            memmem::Finder::new(needle.as_bytes()).into_owned(),
                        ))
                    }
                }
                Mode::Regex => {
                    // Folding the pattern folds its literal characters the way
                    // the text was folded; regex syntax is ASCII and survives.
                    let pattern = fold::fold_str(text, false);
                    let regex = RegexBuilder::new(&pattern)
                        .case_insensitive(!case_sensitive)
                        .multi_line(true)
                        .build()
                        .map_err(|error| QueryError::Regex(error.to_string()))?;
                    Matcher::Regex(regex)
                }
            }
        };
        Ok(Query {
            text: text.to_string(),
            scope,
            mode,
            case_sensitive,
            matcher,
        })
    }

    /// The text as the reader typed it.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn scope(&self) -> Scope {
        self.scope
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Whether the query matches case exactly (it has a capital letter).
    pub fn is_case_sensitive(&self) -> bool {
        self.case_sensitive
    }

    /// Whether the query can match nothing at all (it is blank).
    pub fn is_blank(&self) -> bool {
        matches!(self.matcher, Matcher::Nothing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_follows_capitals() {
        let lower = Query::new("ardern", Scope::Everything, Mode::Literal).unwrap();
        let upper = Query::new("Ardern", Scope::Everything, Mode::Literal).unwrap();
        assert!(!lower.is_case_sensitive());
        assert!(upper.is_case_sensitive());
    }

    #[test]
    fn blank_queries_match_nothing() {
        for text in ["", "   ", "\u{AD}"] {
            let query = Query::new(text, Scope::Everything, Mode::Literal).unwrap();
            assert!(query.is_blank(), "{text:?}");
        }
    }

    #[test]
    fn invalid_regex_is_an_error() {
        let error = Query::new("(unclosed", Scope::Everything, Mode::Regex).unwrap_err();
        assert!(matches!(error, QueryError::Regex(_)));
    }

    #[test]
    fn scopes_cycle() {
        let mut scope = Scope::Everything;
        let mut seen = vec![];
        for _ in 0..5 {
            seen.push(scope.name());
            scope = scope.next();
        }
        assert_eq!(scope, Scope::Everything);
        assert_eq!(
            seen,
            ["everything", "commentary", "quotes", "sources", "comments"]
        );
    }
}
