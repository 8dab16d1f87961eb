//! The headless commands run as a user would: `pundit tree`, `pundit export`,
//! and what they do with bad input.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn pundit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pundit"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("pundit-cli-{name}-"))
        .tempdir()
        .expect("a temporary directory")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Exit status 2, nothing on stdout, at most three lines on stderr that name the file.
fn assert_rejected(path: &Path, subcommand: &str, place: &str) {
    let output = pundit(&[subcommand, path.to_str().unwrap()]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(
        output.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(message.lines().count() <= 3, "{message}");
    assert!(message.contains(path.to_str().unwrap()), "{message}");
    assert!(message.contains(place), "expected {place:?} in {message}");
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn bad_input_is_a_one_line_error_with_status_2() {
    let tmp = scratch("bad");
    let dir = tmp.path().to_path_buf();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "latin1.txt",
            b"A title\n\nCaf\xe9 society is back\n".to_vec(),
            "offset 12",
        ),
        ("empty.txt", Vec::new(), "empty"),
        ("blank.txt", b" \n\n\xc2\xa0\n".to_vec(), "empty"),
        (
            "broken.json",
            b"{\"posts\": [ {\"id\": \"a\", \"title\": }\n".to_vec(),
            ":1:",
        ),
        (
            "types.json",
            b"{\n\"posts\": {\"id\": 1}\n}".to_vec(),
            ":2:",
        ),
        (
            "deep.json",
            format!(
                "{{\"posts\":[],\"topics\":{}",
                "[{\"children\":".repeat(5000)
            )
            .into_bytes(),
            "recursion limit",
        ),
        ("noposts.json", b"{\"posts\": []}".to_vec(), "no posts"),
    ];
    for (name, content, place) in cases {
        let path = dir.join(name);
        fs::write(&path, content).unwrap();
        for subcommand in ["tree", "export"] {
            assert_rejected(&path, subcommand, place);
        }
    }
    assert_rejected(&dir.join("missing.txt"), "tree", "No such file");
}

#[test]
fn tree_lists_topics_with_counts_and_titles() {
    let output = pundit(&["tree"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let trump = text
        .lines()
        .position(|l| l.starts_with("Trump ("))
        .expect("a Trump topic");
    assert!(text.lines().nth(trump + 1).unwrap().starts_with("  - "));
    assert!(text.contains("  - GOP senators versus Trump’s TPP and trade tirades"));
    assert!(
        text.contains("\n  TPP (1)\n"),
        "subtopics are indented:\n{text}"
    );
}

#[test]
fn export_round_trips_byte_for_byte_and_never_touches_its_input() {
    let tmp = scratch("export");
    let dir = tmp.path().to_path_buf();
    let first = pundit(&["export"]);
    assert_eq!(first.status.code(), Some(0));
    let path = dir.join("corpus.json");
    fs::write(&path, &first.stdout).unwrap();
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    let second = pundit(&["export", path.to_str().unwrap()]);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_eq!(first.stdout, second.stdout);
    let copy = dir.join("copy.json");
    fs::write(&copy, &second.stdout).unwrap();
    let third = pundit(&["export", copy.to_str().unwrap()]);
    assert_eq!(second.stdout, third.stdout);
    assert_eq!(fs::read(&path).unwrap(), first.stdout);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);

    let json: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let post = &json["posts"][0];
    for field in [
        "id", "title", "author", "date", "topics", "blocks", "sources",
    ] {
        assert!(post.get(field).is_some(), "post has {field}");
    }
    assert!(json["topics"][0].get("children").is_some());
}

#[test]
fn a_json_corpus_without_topics_gets_them_derived() {
    let tmp = scratch("derive");
    let dir = tmp.path().to_path_buf();
    let path = dir.join("c.json");
    let post = |id: &str, title: &str| {
        format!(
            r#"{{"id":"{id}","title":"{title}","blocks":[{{"kind":"paragraph","text":"Rivera said so. Rivera said it again, and Rivera meant it.","source":null}}],"sources":[]}}"#
        )
    };
    fs::write(
        &path,
        format!(
            r#"{{"posts":[{},{}]}}"#,
            post("a", "Rivera wins"),
            post("b", "Rivera again")
        ),
    )
    .unwrap();
    let output = pundit(&["tree", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .starts_with("Rivera (2)\n")
    );
}

#[test]
fn a_directory_merges_its_archives_and_skips_what_it_cannot_read() {
    let tmp = scratch("dir");
    let dir = tmp.path().to_path_buf();
    fs::write(dir.join("seed.txt"), pundit::load::BUNDLED).unwrap();
    fs::write(dir.join("image.png"), b"\x89PNG\r\n\x1a\n\x00\x00\xff").unwrap();
    let output = pundit(&["tree", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let message = stderr(&output);
    assert!(message.contains("image.png: skipped: "), "{message}");
    // The warning names the file once, not again inside its reason.
    assert_eq!(message.matches("image.png").count(), 1, "{message}");
    assert!(!output.stdout.is_empty());
}

#[test]
fn help_and_version() {
    let help = pundit(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = String::from_utf8(help.stdout).unwrap();
    for word in ["export", "tree", "search"] {
        assert!(text.contains(word), "{text}");
    }
    let version = pundit(&["--version"]);
    assert!(
        String::from_utf8(version.stdout)
            .unwrap()
            .starts_with("pundit ")
    );
}

#[test]
fn a_mistyped_subcommand_is_named() {
    let output = pundit(&["serach", "trump"]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert_eq!(
        message.trim_end(),
        "pundit: serach: no such file or directory; did you mean `search`?"
    );
    // A missing file that looks like no subcommand is just missing.
    let output = pundit(&["no-such-archive.txt"]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(!message.contains("did you mean"), "{message}");
}
