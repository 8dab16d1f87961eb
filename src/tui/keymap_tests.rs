//! Tests of the key table: contexts, captures, Help and hints.

use super::*;

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
    let keys = keys_of(alt, Focus::Topics, Some(Overlay::Help));
    assert_eq!(keys, [key(Esc), key(KeyCode::Char(']'))]);
    let plain = key(KeyCode::Char(']'));
    assert_eq!(keys_of(plain, Focus::Topics, None), [plain]);
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
    let listed: usize = help_sections().iter().map(|(_, rows)| rows.len()).sum();
    assert_eq!(listed, KEYMAP.len());
}
