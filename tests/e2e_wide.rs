//! Wide characters and emoji sequences in the real binary, read back by a
//! terminal emulator (vt100) that measures character by character, as many
//! terminals do: `❤️` is one column to it, `👍🏽` four. The reader draws such
//! sequences in a form every terminal measures alike, so every pane border
//! stays in its column, a post opened after an emoji-laden one shows no
//! leftovers, and the results list keeps its column rule in line beside
//! CJK titles.

#[path = "common/pty.rs"]
mod pty;

use std::io::Write;

use pty::Session;

/// Posts of emoji sequences, CJK text and plain text; every post has the
/// word "text" for the results list.
fn wide_corpus() -> tempfile::TempPath {
    let emoji = "Love ❤️ and keycap 1️⃣ and thumbs 👍🏽 up 👍🏿 and flags 🇳🇿🇫🇷 text";
    let long = format!("{emoji} ").repeat(12);
    let posts = serde_json::json!({
        "posts": [
            {"id": "emoji", "title": "Hearts ❤️ thumbs 👍🏽 keycaps 1️⃣ 2️⃣ 3️⃣", "topics": ["Wide"],
             "blocks": [
                {"kind": "paragraph", "text": long},
                {"kind": "quote", "text": "❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️ text", "source": 0},
                {"kind": "paragraph", "text": "👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽👍🏽 text"}
             ],
             "sources": [{"outlet": "Emoji ❤️ News", "headline": "Thumbs 👍🏽 up", "url": null}]},
            {"id": "cjk", "title": "漢字仮名交じり文の長い題名とテキスト", "topics": ["Wide"],
             "blocks": [{"kind": "paragraph", "text": "中文段落，包含全角标点。日本語の文章も混ざっています。 text"}]},
            {"id": "plain", "title": "Plain words only", "topics": ["Wide"],
             "blocks": [{"kind": "paragraph", "text": "Nothing but plain words in this text, line after line."}]}
        ]
    });
    let mut file = tempfile::Builder::new()
        .prefix("pundit-e2e-wide-")
        .suffix(".json")
        .tempfile()
        .expect("a temporary file");
    file.write_all(posts.to_string().as_bytes())
        .expect("write the corpus");
    file.into_temp_path()
}

fn is_frame_glyph(cell: &str) -> bool {
    let mut chars = cell.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some('\u{2500}'..='\u{259f}'), None)
    )
}

/// The columns of the pane borders on a terminal `columns` wide (three
/// panes side by side from 120 columns, Topics a quarter, Sources a quarter).
fn border_columns(columns: u16) -> Vec<u16> {
    let side = columns / 4;
    vec![
        0,
        side - 1,
        side,
        columns - side - 1,
        columns - side,
        columns - 1,
    ]
}

/// The article's text as the emulator shows it has each word where pundit
/// put it: the text has single spaces only, so a double space is a cell
/// left over from a character drawn narrower than it was measured.
fn assert_no_leftover_cells(session: &Session, what: &str) {
    session.with_screen(|screen| {
        for row in 1..37 {
            let text = screen.contents_between(row, 42, row, 118);
            assert!(
                !text.trim().contains("  "),
                "{what}: row {row} reads {text:?}:\n{}",
                screen.contents()
            );
        }
    });
}

/// Every row of the panes has its borders where the layout puts them.
fn assert_borders_in_place(session: &Session, columns: u16, rows: u16, what: &str) {
    session.with_screen(|screen| {
        for row in 1..rows - 2 {
            for column in border_columns(columns) {
                let cell = screen
                    .cell(row, column)
                    .map(|c| c.contents())
                    .unwrap_or_default();
                assert!(
                    is_frame_glyph(cell),
                    "{what}: row {row}, column {column} holds {cell:?}:\n{}",
                    screen.contents()
                );
            }
        }
    });
}

#[test]
fn emoji_sequences_keep_every_border_and_word_in_place() {
    let path = wide_corpus();
    let mut session = Session::start(&[path.to_str().expect("UTF-8 path")], &[], 160, 40);
    session.wait_for_text("post 1/3");
    // The selection bar moving over a title restyles the title's cells
    // only: a title drawn wider than it was measured would overwrite the
    // border beside it, which is not drawn again.
    for keys in ["jj", "jj", "k", "k", "k"] {
        session.send(keys);
        session.wait_until_quiet();
        assert_borders_in_place(&session, 160, 40, &format!("Topics after {keys}"));
    }
    session.send("\t");
    for line in 0..6 {
        session.send("j");
        session.wait_until_quiet();
        assert_borders_in_place(&session, 160, 40, &format!("scrolled {line}"));
        assert_no_leftover_cells(&session, &format!("scrolled {line}"));
    }
    for page in 0..4 {
        session.wait_until_quiet();
        assert_borders_in_place(&session, 160, 40, &format!("page {page}"));
        session.send(" ");
    }
    session.resize(120, 30);
    session.wait_until_quiet();
    assert_borders_in_place(&session, 120, 30, "at 120×30");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn a_post_opened_after_an_emoji_laden_one_shows_no_leftovers() {
    let path = wide_corpus();
    let mut session = Session::start(&[path.to_str().expect("UTF-8 path")], &[], 160, 40);
    session.wait_for_text("post 1/3");
    session.send("]]");
    session.wait_for_text("post 3/3");
    session.wait_until_quiet();
    // The article pane: the middle half of the screen.
    let article = session.with_screen(|screen| {
        (1..38)
            .map(|row| screen.contents_between(row, 40, row, 120))
            .collect::<Vec<_>>()
            .join("\n")
    });
    for leftover in ['❤', '👍', '🏽', '\u{FE0F}', '\u{20E3}'] {
        assert!(
            !article.contains(leftover),
            "{leftover:?} left in the article of a plain post:\n{}",
            session.screen()
        );
    }
    assert_borders_in_place(&session, 160, 40, "the plain post");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn the_results_list_keeps_its_column_rule_in_line_beside_cjk_titles() {
    let path = wide_corpus();
    let mut session = Session::start(&[path.to_str().expect("UTF-8 path")], &[], 160, 40);
    session.wait_for_text("post 1/3");
    session.send("/text");
    session.wait_for_text("match 1/");
    session.send("\r");
    session.send("S");
    session.wait_for_text("Results for “text”");
    session.wait_until_quiet();
    let rules: Vec<(u16, Option<u16>)> = session.with_screen(|screen| {
        (0..40)
            .filter(|&row| {
                let text = screen.contents_between(row, 0, row, 160);
                text.contains("text") && !text.contains("Results for")
            })
            .map(|row| {
                let rule = (0..160).find(|&column| {
                    screen
                        .cell(row, column)
                        .is_some_and(|c| c.contents() == "│")
                        && column > 20
                });
                (row, rule)
            })
            .collect()
    });
    assert!(rules.len() >= 3, "a row per matching field: {rules:?}");
    let first = rules[0].1;
    assert!(first.is_some(), "{rules:?}");
    assert!(
        rules.iter().all(|(_, rule)| *rule == first),
        "the column rule moves: {rules:?}\n{}",
        session.screen()
    );
    session.send("\x1b");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
}
