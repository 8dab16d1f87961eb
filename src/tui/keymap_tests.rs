//! Tests of the key table: contexts, captures, Help and hints.

use super::*;
use crossterm::event::{KeyEvent, KeyModifiers};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn a_pane_binding_wins_over_a_global_one() {
    let enter = key(Enter);
    assert_eq!(
        action_for(&enter, Focus::Topics, None),
        Some(Action::TreeActivate)
    );
    assert_eq!(
        action_for(&enter, Focus::Sources, None),
        Some(Action::OpenUrl)
    );
    assert_eq!(action_for(&enter, Focus::Article, None), None);
}

#[test]
fn digits_carry_their_number() {
    let seven = key(KeyCode::Char('7'));
    assert_eq!(
        action_for(&seven, Focus::Article, None),
        Some(Action::SelectSource(7))
    );
    assert_eq!(
        action_for(&key(KeyCode::Char('0')), Focus::Article, None),
        None
    );
}

#[test]
fn shifted_characters_match_with_or_without_shift_reported() {
    let plain = key(KeyCode::Char('G'));
    let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    for k in [plain, shifted] {
        assert_eq!(
            action_for(&k, Focus::Article, None),
            Some(Action::ScrollBottom)
        );
    }
}

#[test]
fn ctrl_c_quits_even_over_help() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        action_for(&ctrl_c, Focus::Topics, Some(Overlay::Help)),
        Some(Action::Quit)
    );
    // Over Help, q closes Help rather than quitting.
    assert_eq!(
        action_for(&key(KeyCode::Char('q')), Focus::Topics, Some(Overlay::Help)),
        Some(Action::CloseOverlay)
    );
}

#[test]
fn the_prompt_takes_every_character_but_keeps_its_keys() {
    let prompt = Some(Overlay::Prompt);
    for c in ['q', '?', 'n', '/', 'é', ' '] {
        assert_eq!(
            action_for(&key(KeyCode::Char(c)), Focus::Topics, prompt),
            Some(Action::Search(SearchAction::Type(c)))
        );
    }
    assert_eq!(
        action_for(&key(Tab), Focus::Topics, prompt),
        Some(Action::Search(SearchAction::CycleScope))
    );
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(
        action_for(&ctrl_r, Focus::Topics, prompt),
        Some(Action::Search(SearchAction::ToggleRegex))
    );
}

#[test]
fn an_unbound_alt_key_is_esc_then_the_key() {
    let alt = KeyEvent::new(KeyCode::Char(']'), KeyModifiers::ALT);
    let keys = default_keymap().keys_of(alt, Focus::Topics, Some(Overlay::Help));
    assert_eq!(keys, [key(Esc), key(KeyCode::Char(']'))]);
    let plain = key(KeyCode::Char(']'));
    assert_eq!(
        default_keymap().keys_of(plain, Focus::Topics, None),
        [plain]
    );
}

#[test]
fn thread_keys_work_from_every_pane_but_not_while_typing() {
    let z = key(KeyCode::Char('z'));
    for focus in Focus::ALL {
        assert_eq!(
            action_for(&z, focus, None),
            Some(Action::Thread(ThreadAction::Fold))
        );
    }
    assert_eq!(
        action_for(&z, Focus::Topics, Some(Overlay::Prompt)),
        Some(Action::Search(SearchAction::Type('z')))
    );
    let shifted = KeyEvent::new(KeyCode::Char(')'), KeyModifiers::SHIFT);
    assert_eq!(
        action_for(&shifted, Focus::Article, None),
        Some(Action::Thread(ThreadAction::Next))
    );
}

#[test]
fn help_lists_every_binding() {
    let keymap = Keymap::default();
    let listed: usize = keymap
        .help_sections()
        .iter()
        .map(|(_, rows)| rows.len())
        .sum();
    assert_eq!(listed, DEFAULTS.len());
}

#[test]
fn every_row_has_a_name_of_its_own_and_no_key_is_bound_twice() {
    let mut names: Vec<&str> = DEFAULTS.iter().map(|row| row.name).collect();
    names.sort_unstable();
    let count = names.len();
    names.dedup();
    assert_eq!(names.len(), count, "a name is used twice");
    assert_eq!(Keymap::default().check_clashes(), Ok(()));
}

#[test]
fn a_remapped_row_takes_its_new_keys_and_leaves_the_old_ones() {
    let keymap = Keymap::with_overrides([(
        "next_post",
        vec![KeyPattern::Plain(KeyCode::Char('L')), KeyPattern::Ctrl('x')],
    )])
    .unwrap();
    let l = key(KeyCode::Char('L'));
    assert_eq!(
        keymap.action_for(&l, Focus::Article, None),
        Some(Action::NextPost)
    );
    let bracket = key(KeyCode::Char(']'));
    assert_eq!(keymap.action_for(&bracket, Focus::Article, None), None);
    let help = keymap.help_sections();
    let everywhere = &help[0].1;
    assert!(
        everywhere.iter().any(|(keys, _)| keys == "L / Ctrl-x"),
        "{everywhere:?}"
    );
}

#[test]
fn bad_overrides_are_refused_with_the_row_named() {
    let unknown = Keymap::with_overrides([("next_pots", vec![])]).unwrap_err();
    assert_eq!(unknown, KeymapError::UnknownAction("next_pots".into()));
    let digits = Keymap::with_overrides([("select_source", vec![])]).unwrap_err();
    assert_eq!(digits, KeymapError::NotRemappable("select_source".into()));
    let twice =
        Keymap::with_overrides([("scroll_down", vec![KeyPattern::Plain(KeyCode::Char('k'))])])
            .unwrap_err();
    assert!(
        matches!(
            twice,
            KeymapError::BoundTwice {
                first: "scroll_down",
                second: "scroll_up",
                ..
            }
        ),
        "{twice:?}"
    );
    assert_eq!(twice.row(&|name| name == "scroll_down"), "scroll_down");
    // A global key that would hide a thread key is a clash too.
    let hidden =
        Keymap::with_overrides([("next_post", vec![KeyPattern::Plain(KeyCode::Char('z'))])])
            .unwrap_err();
    assert!(
        matches!(hidden, KeymapError::BoundTwice { .. }),
        "{hidden:?}"
    );
}

#[test]
fn an_unbound_row_shows_in_help_without_keys() {
    let keymap = Keymap::with_overrides([("copy_url", vec![])]).unwrap();
    let y = key(KeyCode::Char('y'));
    assert_eq!(keymap.action_for(&y, Focus::Article, None), None);
    let rows = &keymap.help_sections()[0].1;
    assert!(rows.iter().any(|(keys, _)| keys == "(none)"));
}
