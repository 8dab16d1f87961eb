//! Tests of the config file: defaults, round trips, and every kind of
//! error naming its line.

use super::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::{Action, Focus};

fn error_of(text: &str) -> ConfigError {
    parse("config.toml", text).expect_err("an error")
}

#[test]
fn the_default_file_reads_back_as_the_defaults() {
    let text = default_file();
    assert_eq!(parse("default", &text), Ok(Config::default()));
    // Every row that can be remapped is written out.
    for binding in Keymap::default().bindings() {
        assert!(
            text.contains(&format!("\n{} ", binding.name))
                || text.contains(&format!("# {}:", binding.name)),
            "{}",
            binding.name
        );
    }
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(parse("empty", ""), Ok(Config::default()));
}

#[test]
fn settings_are_read() {
    let config = parse(
        "c",
        "mouse = false\nmax_width = 72\nsearch_scope = \"quotes\"\n[colors]\naccent = \"light-red\"\nsources = [\"red\", \"blue\"]\n[keys]\nnext_post = [\"]\", \"L\"]\nquit = \"Q\"\n",
    )
    .unwrap();
    assert!(!config.mouse);
    assert_eq!(config.max_width, Some(72));
    assert_eq!(config.search_scope, Scope::Quotes);
    assert_eq!(config.colors.accent, Color::LightRed);
    assert_eq!(config.colors.sources.nth(3), Color::Blue);
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let keymap = &config.keymap;
    assert_eq!(
        keymap.action_for(&key('L'), Focus::Topics, None),
        Some(Action::NextPost)
    );
    assert_eq!(
        keymap.action_for(&key('Q'), Focus::Topics, None),
        Some(Action::Quit)
    );
    assert_eq!(keymap.action_for(&key('q'), Focus::Topics, None), None);
}

#[test]
fn each_error_names_the_file_and_line() {
    let cases = [
        (
            "mouse = true\n[keys]\nnext_pots = \"L\"\n",
            3,
            "unknown action `next_pots`",
        ),
        (
            "[keys]\n\nnext_post = \"Hyper-x\"\n",
            3,
            "unknown key name `Hyper-x`",
        ),
        (
            "[keys]\nscroll_down = \"k\"\n",
            2,
            "k is bound twice in the Article pane",
        ),
        ("mouse = true\nmouse = false\n", 2, "duplicate key"),
        ("mouse = \"yes\"\n", 1, "invalid type"),
        (
            "[colors]\nlink = \"chartreuse\"\n",
            2,
            "unknown colour `chartreuse`",
        ),
        (
            "search_scope = \"titles\"\n",
            1,
            "unknown search scope `titles`",
        ),
        ("max_width = 5\n", 1, "max_width must be"),
        ("\n\ncolour = 1\n", 3, "unknown field `colour`"),
        ("[keys\n", 1, ""),
    ];
    for (text, line, message) in cases {
        let error = error_of(text);
        assert_eq!(error.line, Some(line), "{text:?}: {error}");
        assert!(error.message.contains(message), "{text:?}: {error}");
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("config.toml:{line}: ")),
            "{shown}"
        );
        assert!(!shown.contains('\n'), "one line: {shown:?}");
    }
}

#[test]
fn a_missing_file_named_with_config_is_an_error() {
    let error = load(Some(Path::new("/no/such/pundit.toml"))).unwrap_err();
    assert!(
        error.to_string().starts_with("/no/such/pundit.toml: "),
        "{error}"
    );
}
