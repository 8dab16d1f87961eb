//! Opening a URL in the user's browser: `$BROWSER` first, then the
//! platform's openers (xdg-open, gio, … on Linux and the BSDs, `open` on
//! macOS: the list the `open` crate keeps), each tried in turn on a thread
//! of its own, so that the reader never waits for a browser to start. When
//! none works, the reader is told what to do instead.

use std::ffi::OsString;
use std::io;
use std::os::unix::process::CommandExt;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::{Duration, Instant};

/// How long an opener may run before it counts as having handed the URL
/// on (xdg-open can wait for the browser it started).
const HANDED_ON_AFTER: Duration = Duration::from_secs(3);

/// The commands that may open `url`, in the order they are tried: each of
/// `$BROWSER`'s (separated by `:`, `%s` replaced by the URL or the URL
/// appended), then the platform's.
pub fn candidates(url: &str, browser_var: Option<&str>) -> Vec<Command> {
    let mut commands: Vec<Command> = browser_var
        .unwrap_or_default()
        .split(':')
        .filter_map(|entry| browser_command(entry, url))
        .collect();
    commands.extend(open::commands(url));
    commands
}

/// One `$BROWSER` entry as a command: "firefox", "firefox --new-tab %s".
fn browser_command(entry: &str, url: &str) -> Option<Command> {
    if entry.trim().is_empty() {
        return None;
    }
    let mut words: Vec<String> = entry.split_whitespace().map(String::from).collect();
    if words.iter().any(|w| w.contains("%s")) {
        for word in &mut words {
            *word = word.replace("%s", url);
        }
    } else {
        words.push(url.to_string());
    }
    let (program, args) = words.split_first()?;
    let mut command = Command::new(program);
    command.args(args);
    Some(command)
}

/// Opens `url` with the first of the candidates that works, on a thread of
/// its own; if none does, sends `report` what went wrong and what to do.
pub fn open(url: String, report: Sender<String>) {
    let browser_var = std::env::var("BROWSER").ok();
    let commands = candidates(&url, browser_var.as_deref());
    thread::spawn(move || {
        if let Err(message) = first_that_works(commands) {
            let _ = report.send(message);
        }
    });
}

/// Runs each command until one works: it exits with success, or is still
/// running after [`HANDED_ON_AFTER`]. A program that is not installed, or
/// that fails, gives way to the next. The error says what to do.
fn first_that_works(commands: Vec<Command>) -> Result<(), String> {
    let mut failures = Vec::new();
    for mut command in commands {
        let name = program_name(&command);
        match run(&mut command) {
            Ok(()) => return Ok(()),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => failures.push(format!("{name}: {error}")),
        }
    }
    // What to do first: at 80 columns the status bar shows about 45
    // characters of a message.
    let what_to_do = "set $BROWSER; y copies the URL";
    Err(match failures.as_slice() {
        [] => format!("No browser found: {what_to_do}"),
        some => format!("Browser failed: {what_to_do} ({})", some.join("; ")),
    })
}

fn program_name(command: &Command) -> String {
    let program: OsString = command.get_program().to_owned();
    program.to_string_lossy().into_owned()
}

/// Starts `command` with its output going nowhere (nothing it prints may
/// garble the screen) in a process group of its own (a terminal browser
/// must not read the reader's keys), and waits for it to succeed, fail or
/// outlast [`HANDED_ON_AFTER`]; one still running is reaped when it ends.
fn run(command: &mut Command) -> io::Result<()> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()?;
    let deadline = Instant::now() + HANDED_ON_AFTER;
    loop {
        if let Some(status) = child.try_wait()? {
            return succeeded(status);
        }
        if Instant::now() >= deadline {
            thread::spawn(move || child.wait());
            return Ok(());
        }
        thread::sleep(Duration::from_millis(20));
    }
}

fn succeeded(status: ExitStatus) -> io::Result<()> {
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(status.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn described(command: &Command) -> String {
        let mut words = vec![program_name(command)];
        words.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
        words.join(" ")
    }

    #[test]
    fn browser_entries_come_first_then_the_platform_openers() {
        let url = "https://example.com/a";
        let all = candidates(url, Some("firefox --new-tab %s:lynx"));
        let words: Vec<String> = all.iter().map(described).collect();
        assert_eq!(words[0], "firefox --new-tab https://example.com/a");
        assert_eq!(words[1], "lynx https://example.com/a");
        assert!(words.len() > 2, "{words:?}");
        assert!(
            words[2..].iter().all(|w| w.ends_with(url)),
            "platform openers open the URL: {words:?}"
        );
        let without = candidates(url, None);
        assert_eq!(without.len(), all.len() - 2);
        assert_eq!(candidates(url, Some("::")).len(), without.len());
    }

    #[test]
    fn a_missing_or_failing_opener_gives_way_to_the_next() {
        let mut missing = Command::new("/nonexistent/pundit-browser");
        missing.arg("x");
        let failing = Command::new("false");
        let working = Command::new("true");
        assert_eq!(first_that_works(vec![missing, failing, working]), Ok(()));
    }

    #[test]
    fn when_nothing_works_the_message_says_what_to_do() {
        let missing = Command::new("/nonexistent/pundit-browser");
        let message = first_that_works(vec![missing]).unwrap_err();
        assert_eq!(message, "No browser found: set $BROWSER; y copies the URL");
        assert!(message.contains("$BROWSER") && message.contains("y copies"));
        let message = first_that_works(vec![Command::new("false")]).unwrap_err();
        assert!(message.contains("false: exit status: 1"), "{message}");
    }
}
