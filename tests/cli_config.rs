//! The command line around the reader: `pundit config`, a bad config
//! file, `pundit completions` and `pundit man`. Every run gets config and
//! state directories of its own, never the user's.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use pundit::tui::config::{self, Config};

fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("pundit-cli-config-{name}-"))
        .tempdir()
        .expect("a temporary directory")
}

fn pundit_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pundit"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_default_config_parses_and_loading_it_changes_nothing() {
    let tmp = scratch("default");
    let dir = tmp.path().to_path_buf();
    let output = pundit_in(&dir, &["config", "--default"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(config::parse("default", &text), Ok(Config::default()));
    assert!(text.contains("next_post = [\"]\"]"), "{text}");

    // The printed file, used as the config: accepted, and the same file.
    let file = dir.join("config.toml");
    fs::write(&file, &text).unwrap();
    // Options follow the subcommand's name.
    let checked = pundit_in(&dir, &["config", "--config", file.to_str().unwrap()]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert_eq!(stdout(&checked), format!("{}: ok\n", file.display()));
    assert_eq!(config::read_file(&file), Ok(Config::default()));
}

#[test]
fn the_default_location_is_the_config_directory() {
    let tmp = scratch("location");
    let dir = tmp.path().to_path_buf();
    let output = pundit_in(&dir, &["config"]);
    assert!(output.status.success());
    let expected = dir.join("config/pundit/config.toml");
    assert!(
        stdout(&output).starts_with(&format!("{}: no such file", expected.display())),
        "{}",
        stdout(&output)
    );
    fs::create_dir_all(expected.parent().unwrap()).unwrap();
    fs::write(&expected, "mouse = false\n").unwrap();
    let output = pundit_in(&dir, &["config"]);
    assert_eq!(stdout(&output), format!("{}: ok\n", expected.display()));
}

#[test]
fn a_bad_config_gives_status_2_and_one_line_naming_the_file_and_line() {
    let tmp = scratch("bad");
    let dir = tmp.path().to_path_buf();
    let file = dir.join("bad.toml");
    fs::write(&file, "mouse = true\n\n[keys]\nnext_pots = \"L\"\n").unwrap();
    let name = file.to_str().unwrap();
    // The reader refuses to start, before it looks for a terminal.
    for args in [&["--config", name][..], &["config", "--config", name]] {
        let output = pundit_in(&dir, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(
            message.starts_with(&format!(
                "pundit: {name}:4: [keys]: unknown action `next_pots`"
            )),
            "{message}"
        );
    }
    // The same in the default location.
    let default = dir.join("config/pundit/config.toml");
    fs::create_dir_all(default.parent().unwrap()).unwrap();
    fs::write(
        &default,
        "[keys]\nquit = \"j\"\nscroll_down = \"q\"\nnext_post = \"j\"\n",
    )
    .unwrap();
    let output = pundit_in(&dir, &[]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("config.toml:4: [keys]: j is bound twice"),
        "{message}"
    );
}

#[test]
fn a_missing_config_named_on_the_command_line_is_an_error() {
    let tmp = scratch("missing");
    let dir = tmp.path().to_path_buf();
    let output = pundit_in(&dir, &["config", "--config", "/no/such/pundit.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("pundit: /no/such/pundit.toml: "));
}

#[test]
fn completions_generate_for_every_shell() {
    let tmp = scratch("completions");
    let dir = tmp.path().to_path_buf();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef pundit"),
        ("fish", "complete -c pundit"),
        ("elvish", "edit:completion:arg-completer[pundit]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let output = pundit_in(&dir, &["completions", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        let script = stdout(&output);
        assert!(script.contains(marker), "{shell}: {script}");
        // Subcommands and options are offered.
        for word in ["search", "completions", "fresh", "config"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let output = pundit_in(&dir, &["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_man_page_generates() {
    let tmp = scratch("man");
    let dir = tmp.path().to_path_buf();
    let output = pundit_in(&dir, &["man"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.contains(".TH pundit 1"), "{page}");
    for word in ["search", "\\-\\-fresh", "\\-\\-config", "completions"] {
        assert!(page.contains(word), "the man page lacks {word}");
    }
}
