//! `pundit search` as a script sees it: output lines, `--count`, exit statuses.

use std::path::PathBuf;
use std::process::{Command, Output};

const FIXTURE: &str = r#"{
  "posts": [
    {
      "id": "budget-day",
      "title": "Budget day",
      "author": null,
      "date": null,
      "topics": ["Economy"],
      "blocks": [
        {"kind": "paragraph", "text": "François said the budget was fair.", "source": null},
        {"kind": "quote", "text": "The minister said nothing at all.", "source": 0},
        {"kind": "citation", "text": "RNZ: Budget surprise", "source": 0},
        {"kind": "paragraph", "text": "Bell\u0007 and \u001b[31mred\u001b[0m budget words.", "source": null}
      ],
      "sources": [
        {"outlet": "RNZ", "headline": "Budget surprise", "url": "https://rnz.example/budget"}
      ]
    },
    {
      "id": "other-things",
      "title": "Other things",
      "author": null,
      "date": null,
      "topics": ["Economy"],
      "blocks": [
        {"kind": "paragraph", "text": "Ardern spoke about the minister said by many.", "source": null}
      ],
      "sources": []
    }
  ],
  "topics": [{"name": "Economy", "posts": ["budget-day", "other-things"], "children": []}]
}"#;

/// A fixture file in a directory of its own, removed when dropped.
struct Fixture {
    dir: PathBuf,
}

impl Fixture {
    fn new(name: &str, content: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("pundit-cli-search-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("corpus.json"), content).expect("write fixture");
        Fixture { dir }
    }

    fn path(&self) -> PathBuf {
        self.dir.join("corpus.json")
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn pundit(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_pundit"))
        .args(args)
        .output()
        .expect("run pundit");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout.chars().any(|c| c.is_control() && c != '\n'),
        "control character in output: {stdout:?}"
    );
    output
}

fn search(name: &str, args: &[&str]) -> (Option<i32>, String) {
    let fixture = Fixture::new(name, FIXTURE);
    let path = fixture.path();
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push(path.to_str().expect("temp path is UTF-8"));
    let output = pundit(&all);
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
    )
}

#[test]
fn prints_one_line_per_matching_block_with_its_number() {
    let (status, stdout) = search("accent", &["francois"]);
    assert_eq!(status, Some(0));
    assert_eq!(stdout, "budget-day:1: François said the budget was fair.\n");
}

#[test]
fn a_phrase_matches_across_posts_in_corpus_order() {
    let (status, stdout) = search("phrase", &["minister said"]);
    assert_eq!(status, Some(0));
    assert_eq!(
        stdout,
        "budget-day:2: The minister said nothing at all.\n\
         other-things:1: Ardern spoke about the minister said by many.\n"
    );
}

#[test]
fn titles_print_as_block_zero_and_sources_as_s_numbers() {
    let (status, stdout) = search("budget", &["budget"]);
    assert_eq!(status, Some(0));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "budget-day:0: Budget day",
            "budget-day:1: François said the budget was fair.",
            "budget-day:3: RNZ: Budget surprise",
            "budget-day:4: Bell\u{FFFD} and \u{FFFD}red\u{FFFD} budget words.",
            "budget-day:s1: RNZ — Budget surprise — https://rnz.example/budget",
        ]
    );
}

#[test]
fn smart_case_applies() {
    let (_, stdout) = search("case", &["Minister"]);
    assert_eq!(stdout, "");
    let (_, stdout) = search("case-lower", &["--count", "minister"]);
    assert_eq!(stdout, "2\n");
}

#[test]
fn count_prints_the_number_of_lines() {
    let (status, stdout) = search("count", &["--count", "budget"]);
    assert_eq!(status, Some(0));
    assert_eq!(stdout, "5\n");
}

#[test]
fn nothing_found_exits_one() {
    let (status, stdout) = search("none", &["no such words"]);
    assert_eq!(status, Some(1));
    assert_eq!(stdout, "");
    let (status, stdout) = search("none-count", &["--count", "no such words"]);
    assert_eq!(status, Some(1));
    assert_eq!(stdout, "0\n");
}

#[test]
fn errors_exit_two() {
    let missing = std::env::temp_dir().join("pundit-cli-search-does-not-exist.json");
    let output = pundit(&["search", "x", missing.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(!output.stderr.is_empty(), "an error message is printed");

    let broken = Fixture::new("broken", "{\"posts\": [");
    let path = broken.path();
    let output = pundit(&["search", "x", path.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));

    let output = pundit(&["search"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "a missing query is a usage error"
    );
}

#[test]
fn without_paths_the_bundled_corpus_is_searched() {
    let output = pundit(&["search", "--count", "the"]);
    assert_eq!(output.status.code(), Some(0));
    let count: usize = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("a number");
    assert!(count > 0);
}
