//! `pundit search` over comment threads, as a script sees it: `--scope`,
//! `--regex`, the `c<comment>.<block>` lines of comments, exit statuses.

use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/thread.json");

/// `pundit search ARGS… FIXTURE`: exit status, standard output, error.
fn search(args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_pundit"))
        .arg("search")
        .args(args)
        .arg(FIXTURE)
        .output()
        .expect("run pundit");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        String::from_utf8(output.stderr).expect("UTF-8 errors"),
    )
}

#[test]
fn comment_blocks_print_as_c_comment_dot_block() {
    let (status, stdout, _) = search(&["kumara"]);
    assert_eq!(status, Some(0));
    assert_eq!(
        stdout,
        "harbour-bridge-tolls-return:c4.1: It won't. They'll trade it away for the kumara vote, same as last time.\n"
    );
}

#[test]
fn the_comments_scope_searches_only_comments() {
    let (_, everything, _) = search(&["ferry fares"]);
    let (status, comments, _) = search(&["--scope", "comments", "ferry fares"]);
    assert_eq!(status, Some(0));
    assert_eq!(
        comments.lines().collect::<Vec<_>>(),
        [
            "harbour-bridge-tolls-return:c13.2: RNZ: Ferry fares frozen for another year",
            "harbour-bridge-tolls-return:c14.1: > Ferry fares will not rise this year.",
        ]
    );
    for line in comments.lines() {
        assert!(everything.contains(line), "everything includes {line}");
    }
    assert!(everything.contains("harbour-bridge-tolls-return:5: RNZ: Ferry fares frozen\n"));
}

#[test]
fn other_scopes_leave_comments_out() {
    let (status, stdout, _) = search(&["--scope", "commentary", "kumara"]);
    assert_eq!((status, stdout.as_str()), (Some(1), ""));
    let (_, quotes, _) = search(&["--scope", "quotes", "--count", "ferry fares"]);
    assert_eq!(quotes, "1\n", "the post's quote, not the comment's");
    let (_, sources, _) = search(&["--scope", "sources", "ferry"]);
    assert!(sources.lines().all(|l| !l.contains(":c")), "{sources}");
}

#[test]
fn regex_searches_with_a_pattern_and_a_bad_one_is_an_error() {
    let (status, stdout, _) = search(&["--regex", "--scope", "comments", r"\bk\w+a\b"]);
    assert_eq!(status, Some(0));
    assert!(
        stdout.starts_with("harbour-bridge-tolls-return:c4.1: "),
        "{stdout}"
    );
    let (status, stdout, stderr) = search(&["--regex", "(unclosed"]);
    assert_eq!(status, Some(2));
    assert_eq!(stdout, "");
    assert!(stderr.contains("regular expression"), "{stderr}");
    let (status, _, stderr) = search(&["--scope", "titles", "x"]);
    assert_eq!(status, Some(2));
    assert!(
        stderr.contains("comments"),
        "the scopes are listed: {stderr}"
    );
}
