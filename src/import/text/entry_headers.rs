//! A journal entry's exported header: "Date: 2008-09-26 22:48" /
//! "Subject: Tolls up again" / "Security: Public" / "Mood: tired", glued
//! line under line over the entry's text, as LiveJournal and its kin
//! export each entry. The date is the entry's, the subject its title, and
//! the other fields are no text.
//!
//! A message quoted in a post prints "Date:" and "Subject:" too, under
//! "From:", and an event notice prints "Date:" over "Time:" and "Place:":
//! so a header is read as one only whole, opening after a blank line,
//! with its subject right under the date and a journal's own field
//! ([`furniture::is_journal_field`]) under that: who may read the entry,
//! or the writer's mood or music. A place ("Location:") is printed under
//! a subject by minutes and field notes too, so it opens no header.

use rayon::prelude::*;

use super::furniture::{self, Furniture};
use super::paragraphs::Paragraph;

/// The field a header prints the entry's title under.
const SUBJECT: &str = "subject:";

/// Finds every entry header in `all`: its date line and its journal fields
/// as furniture, by index, in order. Each subject line is left as the
/// title it holds, the field's name cut from its text.
pub fn entry_headers(all: &mut [Paragraph]) -> Vec<(usize, Furniture)> {
    let dates: Vec<(usize, Furniture)> = (0..all.len())
        .into_par_iter()
        .filter_map(|i| {
            let date = all[i].text.as_bytes();
            // Cheap tests first: most paragraphs open with no "Date:".
            if date.len() > 60 || !date.get(..5)?.eq_ignore_ascii_case(b"date:") {
                return None;
            }
            let opens_block = i
                .checked_sub(1)
                .is_none_or(|above| all[above].gap_after() > 0);
            let subject = all.get(i + 1)?;
            let field = all.get(i + 2)?;
            let whole = opens_block
                && all[i].gap_after() == 0
                && subject_of(&subject.text).is_some()
                && subject.gap_after() == 0
                && furniture::is_journal_field(&field.text)
                // Minutes and field notes print "Location:" under a
                // subject too: a journal's own field opens the rest.
                && !field.text.get(..8).is_some_and(|head| head.eq_ignore_ascii_case("location"));
            whole.then(|| furniture::date_field(&all[i].text).map(|date| (i, date)))?
        })
        .collect();
    let mut found = Vec::with_capacity(dates.len() * 3);
    for (at, date) in dates {
        let subject = at + 1;
        let cut = all[subject].text.len() - subject_of(&all[subject].text).map_or(0, str::len);
        all[subject].text.narrow(cut..);
        found.push((at, date));
        // The journal's fields glued under the subject, to the entry's text.
        let mut field = subject + 1;
        while field < all.len() && furniture::is_journal_field(&all[field].text) {
            found.push((field, Furniture::PageChrome));
            if all[field].gap_after() > 0 {
                break;
            }
            field += 1;
        }
    }
    found
}

/// The title a subject line gives ("Subject: Tolls up again" → "Tolls up
/// again"); `None` for any other line, and for a subject left blank.
fn subject_of(line: &str) -> Option<&str> {
    let title = line
        .get(..SUBJECT.len())
        .filter(|head| head.eq_ignore_ascii_case(SUBJECT))
        .map(|_| line[SUBJECT.len()..].trim())?;
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod tests {
    use super::super::paragraphs::paragraphs;
    use super::*;

    fn read(text: &str) -> (Vec<(usize, bool)>, Vec<String>) {
        let mut all = paragraphs(text);
        let found = entry_headers(&mut all)
            .into_iter()
            .map(|(i, f)| (i, matches!(f, Furniture::Date(_))))
            .collect();
        (found, all.iter().map(|p| p.text.to_string()).collect())
    }

    #[test]
    fn a_whole_header_gives_its_date_title_and_fields() {
        let (found, texts) = read(
            "Date: 2010-05-02 09:10\nSubject: Tolls up again\nSecurity: Public\n\
             Mood: tired\nThe tolls rose again.",
        );
        assert_eq!(found, [(0, true), (2, false), (3, false)]);
        assert_eq!(texts[1], "Tolls up again");
    }

    #[test]
    fn a_quoted_message_and_an_event_notice_are_no_header() {
        let message = "I wrote to them.\n\nFrom: Jo Lee\nDate: Mon, 4 May 2009 10:12\n\
                       Subject: the ferry\nSecurity: Public\n\nThey replied.";
        let (found, texts) = read(message);
        assert!(found.is_empty());
        assert!(texts.iter().any(|t| t == "Subject: the ferry"));
        let notice = "Plant sale\n\nDate: 2010-04-24\nTime: 10am\nPlace: the hall";
        assert!(read(notice).0.is_empty());
        // No journal field under the subject: a note, not an entry's header.
        let note = "Date: 2010-04-24\nSubject: the sale\nThe sale is on.";
        assert!(read(note).0.is_empty());
        let minutes = "Minutes follow.\n\nDate: 24 April 2014\nSubject: Spring meeting\n\
                       Location: The boathouse\nPresent: Jo, Sam";
        assert!(read(minutes).0.is_empty());
    }
}
