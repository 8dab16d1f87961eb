//! Quotations that name who said them after the quote: `"…" – Name`.
//!
//! Commentary often gathers a run of short quotes from several places, each
//! credited at its end rather than cited on a line above it. The credit is
//! the quote's source; it names an outlet or a person, which pundit keeps
//! as the source's name either way.

use super::furniture::looks_like_name;

/// The closing quotation marks a credited quote ends with.
const CLOSING_QUOTES: [char; 4] = ['”', '"', '’', '\''];

/// The name that credits `text`, a paragraph that is one quotation followed
/// by a dash and the name of who said it.
///
/// Accepts `"Google has a team that is nimble."  - SF Chronicle`,
/// `“We will not move,” — Jane Doe` and `"…" - Pittsburgh Post-Gazette`;
/// rejects `"We will not move," she said - and left.` (no name after the
/// dash), `He said "no" - Jane Doe` (not a quotation from its start),
/// `"Yes" - Jane Doe` (too short to credit) and `"…" - Priceless` (one
/// word, which may be the writer's own aside).
pub fn credited_name(text: &str) -> Option<&str> {
    if !text.starts_with(['“', '"']) || text.len() > 2_000 {
        return None;
    }
    let (quote, name) = split_at_last_spaced_dash(text)?;
    let quote = quote.trim_end();
    // The quotation closes right before the dash, perhaps after a comma.
    let quote = quote.strip_suffix(',').unwrap_or(quote);
    if !quote.ends_with(CLOSING_QUOTES) || quote.chars().count() < 12 {
        return None;
    }
    let name = name.trim();
    let credits = name.starts_with(char::is_uppercase)
        && !name.ends_with(['.', '!', '?', ':', ',', ';'])
        && !name.contains(['"', '“', '”'])
        && names_someone(name);
    credits.then_some(name)
}

/// A credit on a line of its own: who, and what they are, if it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credit<'a> {
    pub name: &'a str,
    /// What follows the name after a comma: a role or a town.
    pub role: Option<&'a str>,
}

/// The credit on a line of its own, under a quotation or at a letter's
/// end: a dash, then who, perhaps with what they are after a comma. A
/// single hyphen opens a list item instead, which the splitter reads so
/// ([`credit_after_dash`] reads its text).
///
/// Accepts "— Dana Whitlow, harbour board chair", "–Pell Carrow", "--
/// Pell Carrow"; rejects "— and then it fell" (no name), "— Exactly" (one
/// word), "---" and "Pell Carrow" (no dash).
pub fn credit_line(text: &str) -> Option<Credit<'_>> {
    let credit = ["—", "–", "--"]
        .iter()
        .find_map(|dash| text.strip_prefix(dash))?;
    if credit.starts_with(['-', '—', '–']) {
        return None;
    }
    credit_after_dash(credit)
}

/// The credit in what follows a credit line's dash: the text of a lone
/// item the splitter read as a hyphen's list item ("- Pell Carrow"), or
/// the rest of a [`credit_line`].
///
/// Accepts "Pell Carrow", "Dana Whitlow, harbour board chair"; rejects
/// "and then it fell", "Exactly".
pub fn credit_after_dash(credit: &str) -> Option<Credit<'_>> {
    let credit = credit.trim();
    let (name, role) = match credit.split_once(',') {
        Some((name, role)) => (name.trim_end(), Some(role.trim()).filter(|r| !r.is_empty())),
        None => (credit, None),
    };
    let credits = credit.len() <= 100
        && name.starts_with(char::is_uppercase)
        && !name.ends_with(['.', '!', '?', ':', ';'])
        && names_someone(name);
    credits.then_some(Credit { name, role })
}

/// Whether `name` reads as a person's or an outlet's name: two words or
/// more, each capitalised ([`looks_like_name`]), or one in capitals
/// ("CNET"). A single capitalised word after a dash is as often the
/// writer's own aside ("Exactly", "Priceless") as a name.
fn names_someone(name: &str) -> bool {
    if name.contains(char::is_whitespace) {
        return looks_like_name(name);
    }
    name.chars().count() >= 2 && name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// `text` around its last dash (hyphen, en or em dash) with white space
/// before it and after it, the dash left out: a hyphen inside a name
/// ("Post-Gazette") is passed over.
fn split_at_last_spaced_dash(text: &str) -> Option<(&str, &str)> {
    text.char_indices()
        .rev()
        .filter(|&(_, c)| matches!(c, '-' | '–' | '—'))
        .find_map(|(at, dash)| {
            let before = &text[..at];
            let after = &text[at + dash.len_utf8()..];
            let spaced =
                before.ends_with(char::is_whitespace) && after.starts_with(char::is_whitespace);
            spaced.then_some((before, after))
        })
}

#[cfg(test)]
mod tests {
    use super::{Credit, credit_after_dash, credit_line, credited_name};

    #[test]
    fn a_quotation_credited_after_a_dash_names_its_source() {
        assert_eq!(
            credited_name("\"Management has not been nimble.\"  - SF Chronicle"),
            Some("SF Chronicle")
        );
        assert_eq!(
            credited_name("“We will not move on this, not now,” — Jane Doe"),
            Some("Jane Doe")
        );
        assert_eq!(
            credited_name("\"... a less nimble rival than it was\" -  CNET"),
            Some("CNET")
        );
        assert_eq!(
            credited_name("\"The pier has not been nimble either.\" - Pittsburgh Post-Gazette"),
            Some("Pittsburgh Post-Gazette")
        );
    }

    #[test]
    fn a_dash_that_credits_no_one_is_not_a_credit() {
        // The sentence goes on after the dash.
        assert_eq!(
            credited_name("\"We will not move,\" she said - and then she left."),
            None
        );
        // Not a quotation from its start.
        assert_eq!(credited_name("He said \"no, not ever\" - Jane Doe"), None);
        // Too short to be a quotation worth crediting.
        assert_eq!(credited_name("\"Yes\" - Jane"), None);
        // The dash is inside the quotation.
        assert_eq!(
            credited_name("\"It is over - Jane Doe said so herself\""),
            None
        );
        // A hyphenated word, not a spaced dash.
        assert_eq!(
            credited_name("\"It was a well-known fact\" said Jane-Doe"),
            None
        );
        // A lower-case word after the dash is the sentence going on.
        assert_eq!(credited_name("\"It was a known fact\" - maybe"), None);
        // One capitalised word is the writer's aside as often as a name.
        assert_eq!(
            credited_name("\"We are committed to the waterfront.\" - Priceless"),
            None
        );
    }

    #[test]
    fn a_dash_and_a_name_on_a_line_of_their_own_credit_the_quotation_above() {
        let credit = |name, role| Some(Credit { name, role });
        assert_eq!(
            credit_line("— Dana Whitlow, harbour board chair"),
            credit("Dana Whitlow", Some("harbour board chair"))
        );
        assert_eq!(credit_line("–Pell Carrow"), credit("Pell Carrow", None));
        assert_eq!(credit_line("-- Pell Carrow"), credit("Pell Carrow", None));
        assert_eq!(credit_line("— and then it fell"), None);
        assert_eq!(credit_line("— It fell. Then it rose."), None);
        assert_eq!(credit_line("— Exactly"), None);
        assert_eq!(credit_line("Pell Carrow"), None);
        assert_eq!(credit_line("---"), None);
        assert_eq!(
            credit_after_dash("Pell Carrow"),
            credit("Pell Carrow", None)
        );
        assert_eq!(credit_after_dash("Exactly"), None);
    }
}
