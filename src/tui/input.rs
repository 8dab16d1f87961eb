//! Reading the terminal: a thread takes every event as soon as the terminal
//! has it, so input never waits in the terminal's buffer behind a slow
//! frame, and the event loop applies all that has arrived before it draws
//! again. A paste becomes typing in the prompt that is open, never commands.

use std::io;
use std::sync::mpsc::{self, Receiver};
use std::thread;

use crossterm::event::{self, Event, KeyModifiers};

use super::action::Action;
use super::app::{App, Overlay};
use super::filter::FilterAction;
use super::search::SearchAction;

/// Starts the thread that reads terminal events into a channel. It ends
/// with the first error, which it passes on, or when the loop stops
/// listening.
pub fn spawn_reader() -> io::Result<Receiver<io::Result<Event>>> {
    let (sender, receiver) = mpsc::channel();
    thread::Builder::new()
        .name("pundit-input".into())
        .spawn(move || {
            loop {
                let event = event::read();
                let failed = event.is_err();
                if sender.send(event).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(receiver)
}

/// What a paste does where the user is: in the search prompt or the Topics
/// filter it is typed, one character at a time; anywhere else it is
/// ignored, so that pasted text never runs as commands.
///
/// Line breaks and tabs become spaces (a query is one line); other control
/// characters are dropped, as they are from typed keys.
pub fn pasted(text: &str, overlay: Option<Overlay>) -> Vec<Action> {
    let typed = |c: char| match overlay {
        Some(Overlay::Prompt) => Some(Action::Search(SearchAction::Type(c))),
        Some(Overlay::Filter) => Some(Action::Filter(FilterAction::Type(c))),
        _ => None,
    };
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .filter_map(typed)
        .collect()
}

/// Whether `next` types into the prompt or filter that is open, so that a
/// character typed now can leave the search or filter to it.
pub fn continues_typing(next: Option<&Event>, app: &App) -> bool {
    match next {
        Some(Event::Paste(text)) => !pasted(text, app.overlay).is_empty(),
        Some(Event::Key(key)) => {
            !key.modifiers.contains(KeyModifiers::ALT)
                && app
                    .keymap
                    .action_for(key, app.focus, app.overlay)
                    .is_some_and(is_typing)
        }
        _ => false,
    }
}

/// Turns the typing in `actions` into [`Action::TypeAhead`], all of it when
/// more typing follows, else all but the last, which runs the search or
/// filter once for the whole run.
pub fn defer_typing(actions: &mut [Action], typing_follows: bool) {
    let run = if typing_follows {
        actions.len()
    } else {
        actions.len().saturating_sub(1)
    };
    for action in &mut actions[..run] {
        if let Action::Search(SearchAction::Type(c)) | Action::Filter(FilterAction::Type(c)) =
            *action
        {
            *action = Action::TypeAhead(c);
        }
    }
}

fn is_typing(action: Action) -> bool {
    matches!(
        action,
        Action::Search(SearchAction::Type(_)) | Action::Filter(FilterAction::Type(_))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_types_into_the_prompt_on_one_line() {
        let actions = pasted("a\r\nb\x1b[2J", Some(Overlay::Prompt));
        let typed: Vec<char> = actions
            .iter()
            .map(|action| match action {
                Action::Search(SearchAction::Type(c)) => *c,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(typed.into_iter().collect::<String>(), "a  b[2J");
    }

    #[test]
    fn a_paste_outside_a_prompt_runs_nothing() {
        assert!(pasted("qqq]]]", None).is_empty());
        assert!(pasted("q", Some(Overlay::Help)).is_empty());
        assert_eq!(
            pasted("ab", Some(Overlay::Filter)),
            [
                Action::Filter(FilterAction::Type('a')),
                Action::Filter(FilterAction::Type('b'))
            ]
        );
    }
}
