//! What the headless commands do with inputs that are not what they seem:
//! special files, folders of folders, escape sequences in file names and
//! in what a parse error quotes, repeated post ids, UTF-16 text. Each is
//! either read, or refused with one line naming the file and exit status
//! 2, and nothing pundit prints carries an escape sequence.

#[path = "common/escapes.rs"]
mod escapes;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use escapes::assert_plain;

/// A fresh directory in the build's own scratch space (FIFOs, links to
/// devices and link loops stay out of /tmp).
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("inputs-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Runs pundit, failing the test (and killing it) if it has not exited
/// within 20 seconds: a command that blocks is the bug looked for.
fn pundit(args: &[&Path]) -> Output {
    // The reader loads its config before it finds no terminal: never the user's.
    let dirs = tempfile::Builder::new()
        .prefix("pundit-cli-inputs-")
        .tempdir()
        .expect("a temporary directory");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pundit"))
        .env("XDG_CONFIG_HOME", dirs.path().join("config"))
        .env("XDG_STATE_HOME", dirs.path().join("state"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().expect("status").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("pundit {args:?} did not exit");
        }
        thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn tree(path: &Path) -> Output {
    pundit(&[Path::new("tree"), path])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Exit status 2, nothing on stdout, one line on stderr naming `name`.
fn assert_refused(output: &Output, name: &str, why: &str) {
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(output.stdout.is_empty(), "{}", text(&output.stdout));
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains(name) && message.contains(why),
        "{name}, {why}: {message}"
    );
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

const SEED: &str = pundit::load::BUNDLED;

#[test]
fn a_fifo_is_refused_at_once_without_blocking() {
    let dir = scratch("fifo");
    let fifo = dir.join("archive.txt");
    mkfifo(&fifo);
    // Nobody ever writes to it: opening it for reading would block forever.
    assert_refused(
        &tree(&fifo),
        "archive.txt",
        "a FIFO, not a file or a directory",
    );
}

#[test]
fn a_device_is_refused_rather_than_read_forever() {
    for (device, kind) in [
        ("/dev/zero", "a character device"),
        ("/dev/null", "a character device"),
    ] {
        assert_refused(&tree(Path::new(device)), device, kind);
    }
}

#[test]
fn special_files_inside_a_directory_are_skipped_by_name() {
    let dir = scratch("special-inside");
    fs::write(dir.join("a.txt"), SEED).expect("write");
    mkfifo(&dir.join("b-pipe.txt"));
    symlink("/dev/zero", dir.join("c-zero.txt")).expect("symlink");
    let output = tree(&dir);
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{message}");
    assert!(!output.stdout.is_empty());
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(lines.len(), 2, "{message}");
    assert!(
        lines[0].ends_with("b-pipe.txt: skipped: a FIFO, not a file"),
        "{message}"
    );
    assert!(
        lines[1].ends_with("c-zero.txt: skipped: a character device, not a file"),
        "{message}"
    );
}

#[test]
fn folders_of_folders_are_read_and_a_link_loop_ends() {
    let dir = scratch("nested");
    let month = dir.join("2018").join("05");
    fs::create_dir_all(&month).expect("mkdir");
    fs::write(month.join("archive.txt"), SEED).expect("write");
    symlink(&dir, month.join("back-to-the-top")).expect("symlink");
    let flat = tree(&month.join("archive.txt"));
    let nested = tree(&dir);
    let message = text(&nested.stderr);
    assert_eq!(nested.status.code(), Some(0), "{message}");
    assert_eq!(
        text(&nested.stdout),
        text(&flat.stdout),
        "the same posts, once"
    );
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("back-to-the-top: skipped: a link back to"),
        "{message}"
    );
}

#[test]
fn escapes_in_a_skipped_file_name_do_not_reach_stderr() {
    let dir = scratch("evil-name");
    fs::write(dir.join("a.txt"), SEED).expect("write");
    let evil = "evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m.txt";
    fs::write(dir.join(evil), b"\xff\xff not text").expect("write");
    let output = tree(&dir);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_plain("the warning", &output.stderr);
    let message = text(&output.stderr);
    assert!(
        message.contains("evil\u{FFFD}"),
        "the name is shown: {message}"
    );
    assert!(message.contains("skipped"), "{message}");
}

#[test]
fn escapes_quoted_by_a_json_error_do_not_reach_stderr() {
    let dir = scratch("evil-json");
    let kind = dir.join("kind.json");
    fs::write(
        &kind,
        r#"{"posts":[{"id":"a","title":"A","blocks":[{"kind":"\u001b]0;pwned\u0007\u001b[2J","text":"x"}]}]}"#,
    )
    .expect("write");
    let output = tree(&kind);
    assert_refused(&output, "kind.json", "unknown variant");
    assert_plain("the error", &output.stderr);
    // A file name with escapes, named on the command line, that fails.
    let named = dir.join("bad\u{1b}[2J\u{1b}]0;x\u{7}.json");
    fs::write(&named, "{").expect("write");
    let output = tree(&named);
    assert_eq!(output.status.code(), Some(2));
    assert_plain("the error naming the file", &output.stderr);
    assert!(text(&output.stderr).contains("bad\u{FFFD}"));
}

#[test]
fn a_repeated_post_id_is_renamed_with_a_warning_and_kept_in_its_topic() {
    let dir = scratch("duplicates");
    let path = dir.join("twice.json");
    fs::write(
        &path,
        r#"{"posts":[
            {"id":"same","title":"First of two","blocks":[]},
            {"id":"same","title":"Second of two","blocks":[]},
            {"id":"other","title":"Another","blocks":[]}],
          "topics":[{"name":"Pair","posts":["same"],"children":[]},
                    {"name":"Rest","posts":["other"],"children":[]}]}"#,
    )
    .expect("write");
    let output = tree(&path);
    let message = text(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(
        message.contains("twice.json: post 2 repeats the id \"same\"")
            && message.contains("read as \"same-2\""),
        "{message}"
    );
    let shown = text(&output.stdout);
    assert!(
        shown.contains("Pair (2)\n  - First of two\n  - Second of two\n"),
        "{shown}"
    );
    // The export carries the unique id, and loads again without a warning.
    let export = pundit(&[Path::new("export"), &path]);
    let again = dir.join("again.json");
    fs::write(&again, &export.stdout).expect("write");
    assert!(text(&export.stdout).contains("\"same-2\""));
    let reloaded = tree(&again);
    assert!(reloaded.stderr.is_empty(), "{}", text(&reloaded.stderr));
    assert_eq!(text(&reloaded.stdout), shown);
}

fn utf16(text: &str, little: bool, mark: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if mark {
        bytes.extend(if little { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
    }
    for unit in text.encode_utf16() {
        bytes.extend(if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_archives_load_like_their_utf8_twins() {
    let dir = scratch("utf16");
    let utf8 = dir.join("seed.txt");
    fs::write(&utf8, SEED).expect("write");
    let expected = text(&tree(&utf8).stdout);
    for (name, little, mark) in [
        ("le-bom.txt", true, true),
        ("be-bom.txt", false, true),
        ("le-plain.txt", true, false),
    ] {
        let path = dir.join(name);
        fs::write(&path, utf16(SEED, little, mark)).expect("write");
        let output = tree(&path);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            text(&output.stderr)
        );
        assert_eq!(text(&output.stdout), expected, "{name}");
    }
    // JSON too.
    let json = dir.join("export.json");
    let export = pundit(&[Path::new("export"), &utf8]).stdout;
    fs::write(&json, utf16(&text(&export), true, true)).expect("write");
    assert_eq!(text(&tree(&json).stdout), expected);
}

#[test]
fn broken_utf16_says_it_is_utf16() {
    let dir = scratch("utf16-broken");
    let path = dir.join("broken.txt");
    let mut bytes = utf16("Title\n\nSome text", true, true);
    bytes.extend([0x00, 0xD8]);
    bytes.extend(utf16(" more", true, false));
    fs::write(&path, bytes).expect("write");
    assert_refused(
        &tree(&path),
        "broken.txt",
        "UTF-16 text that does not decode",
    );
    assert!(text(&tree(&path).stderr).contains("offset 34"));
}

#[test]
fn json_errors_count_columns_from_one() {
    let dir = scratch("columns");
    let path = dir.join("start.json");
    // The error is the first character of line 3.
    fs::write(&path, "{\n\"posts\": [\n}").expect("write");
    let output = tree(&path);
    assert_refused(&output, "start.json:3:1:", "expected");
    // At the end of input right after a line break.
    let path = dir.join("cut.json");
    fs::write(&path, "{\"posts\": [\n").expect("write");
    let message = text(&tree(&path).stderr);
    assert!(message.contains("cut.json:2:1:"), "{message}");
}

/// A pretty-printed corpus of `count` posts, one line each but for the
/// lines that open and close them, as an export lays them out.
fn pretty_corpus(count: usize) -> String {
    let posts: Vec<String> = (0..count)
        .map(|n| {
            format!(
                "    {{\n      \"id\": \"p{n}\", \"title\": \"Post {n}\", \"blocks\": []\n    }}"
            )
        })
        .collect();
    format!("{{\n  \"posts\": [\n{}\n  ]\n}}\n", posts.join(",\n"))
}

#[test]
fn an_error_late_in_a_large_corpus_names_its_line_and_column() {
    let dir = scratch("late-error");
    let path = dir.join("late.json");
    let corpus = pretty_corpus(200);
    // Post 180 opens on line 3 + 3 × 180; its title is on the line after.
    let broken = corpus.replacen("\"title\": \"Post 180\"", "\"title\": 180", 1);
    fs::write(&path, &broken).expect("write");
    assert_refused(&tree(&path), "late.json:544:32:", "expected a string");
    // A byte that is not UTF-8 is found where it is, however far in.
    let at = corpus.find("Post 150").expect("post 150");
    let mut bytes = corpus.into_bytes();
    bytes[at] = 0xff;
    fs::write(&path, bytes).expect("write");
    assert_refused(&tree(&path), "late.json", &format!("offset {at})"));
}

/// Runs pundit with `input` on its standard input, through a pipe.
fn pundit_reading(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pundit"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("output");
    writer.join().expect("writer");
    output
}

#[test]
fn a_dash_reads_standard_input_as_a_file_would_be() {
    let dir = scratch("stdin");
    let file = dir.join("seed.txt");
    fs::write(&file, SEED).expect("write");
    let from_file = tree(&file);
    let piped = pundit_reading(&["tree", "-"], SEED.as_bytes());
    assert_eq!(piped.status.code(), Some(0), "{}", text(&piped.stderr));
    assert_eq!(text(&piped.stdout), text(&from_file.stdout));
    // Native JSON is told from its content, with no name to go by.
    let json = pundit_reading(&["export", file.to_str().unwrap()], b"");
    let round = pundit_reading(&["export", "-"], &json.stdout);
    assert_eq!(round.status.code(), Some(0), "{}", text(&round.stderr));
    assert_eq!(text(&round.stdout), text(&json.stdout));
    // A file beside it, and an error named as standard input.
    let both = pundit_reading(&["tree", "-", file.to_str().unwrap()], SEED.as_bytes());
    assert!(
        text(&both.stderr).ends_with("seed.txt: left out 10 posts already read from <stdin>\n"),
        "{}",
        text(&both.stderr)
    );
    let bad = pundit_reading(&["tree", "-"], b"{\"posts\": [}");
    assert_refused(&bad, "<stdin>:1:", "expected");
}

#[test]
fn a_fifo_named_as_a_path_is_still_refused_and_says_how_to_read_a_pipe() {
    let dir = scratch("fifo-hint");
    let fifo = dir.join("pipe");
    mkfifo(&fifo);
    assert_refused(&tree(&fifo), "pipe", "name it `-`");
}

#[test]
fn a_file_and_its_copy_are_read_once() {
    let dir = scratch("copy");
    let (a, b) = (dir.join("a.txt"), dir.join("copy of a.txt"));
    fs::write(&a, SEED).expect("write");
    fs::write(&b, SEED).expect("write");
    let export = |paths: &[&Path]| {
        let paths: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
        pundit_reading(&[&["export"], &paths[..]].concat(), b"")
    };
    let once = export(&[&a]);
    let twice = export(&[&a, &b]);
    let message = text(&twice.stderr);
    assert_eq!(twice.status.code(), Some(0), "{message}");
    assert!(!text(&twice.stdout).contains("-2\""), "ids renamed");
    let posts = |out: &Output| text(&out.stdout).matches("\"title\":").count();
    assert_eq!(posts(&twice), posts(&once));
    assert_eq!(message.lines().count(), 1, "{message}");
    let expected = format!(
        "pundit: {}: left out 10 posts already read from {}",
        b.display(),
        a.display()
    );
    assert_eq!(message.trim_end(), expected);
    // Posts that share an id but differ are both kept, the later renamed.
    let edited = SEED.replacen("President Trump has offended", "Trump has offended", 1);
    fs::write(&b, edited).expect("write");
    let differ = export(&[&a, &b]);
    assert_eq!(posts(&differ), posts(&once) + 1);
    assert!(text(&differ.stdout).contains("-2\""));
}
