//! Hostile input end to end: a corpus full of escape sequences, C1
//! controls, bidi overrides and zero-width characters loads into text that
//! still reads sensibly, and nothing from it reaches the terminal, whether
//! drawn through crossterm, in the real binary in a pseudo-terminal, or
//! printed by `pundit tree`, `search` and `export`.

#[path = "common/escapes.rs"]
mod escapes;
#[path = "common/pty.rs"]
mod pty;

use std::cell::RefCell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use escapes::{Allowed, assert_plain, foreign_sequences};
use pundit::import::clean::PLACEHOLDER;
use pundit::load::load_paths;
use pundit::model::{Corpus, PostId};
use pundit::tui::{Action, App, update};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile.json")
}

fn hostile_corpus() -> Corpus {
    load_paths(&[fixture()]).expect("the fixture loads").corpus
}

const P: char = PLACEHOLDER;

#[test]
fn the_hostile_post_reads_with_placeholders_not_merged_words() {
    let corpus = hostile_corpus();
    let post = corpus.post(PostId(0));
    assert_eq!(
        post.title,
        "Window title \u{FFFD} attack \u{FFFD}gnirts desrever\u{FFFD} here"
    );
    assert_eq!(
        post.author.as_deref(),
        Some("Mallory\u{FFFD}\u{FFFD} \u{FFFD}")
    );
    assert_eq!(post.date.as_deref(), Some("1 April\u{FFFD} 2019"));
    let texts: Vec<&str> = post.blocks.iter().map(|b| &*b.text).collect();
    assert_eq!(
        texts,
        [
            format!("Clipboard{P}write then clear{P}screen and home{P} done."),
            format!("C1 csi{P}red and bell{P}ring and nul{P}byte and del{P}char."),
            format!("Evil News: {P}click me{P} now"),
            // Bidi controls show as placeholders; joiners and marks only
            // shape text and are dropped; a zero-width space is a space.
            format!("Reversed {P}override{P} text and zero width and joinedfamily 👩👩👧 emoji."),
            format!("Isolates{P}inside{P} and marks and bom end"),
            format!("Private mode{P} leaves the alternate screen{P} mouse"),
            format!("From {P} Mallory:"),
            format!("Unterminated osc {P}"),
            format!("C1 osc{P} and string terminator {P} alone and next line after."),
        ]
    );
    let outlets: Vec<Option<&str>> = post.sources.iter().map(|s| s.outlet.as_deref()).collect();
    assert_eq!(
        outlets,
        [
            Some("Evil\u{FFFD} News"),
            Some("\u{FFFD}Only escapes\u{FFFD}")
        ]
    );
    assert_eq!(
        post.sources[0].headline.as_deref(),
        Some("Headline \u{FFFD}reversed\u{FFFD} with\u{FFFD} clear")
    );
    assert_eq!(
        post.sources[0].url.as_deref(),
        Some("https://evil.example/\u{FFFD}path\u{FFFD}?q=\u{FFFD}")
    );
    let topics: Vec<&str> = corpus.topics().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(topics, [format!("Escapes {P}red{P}").as_str(), "Calm"]);
}

/// A `Vec<u8>` the test keeps a handle on while crossterm writes into it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A terminal that draws through crossterm into memory, at a fixed size.
fn memory_terminal(width: u16, height: u16, out: &Shared) -> Terminal<CrosstermBackend<Shared>> {
    Terminal::with_options(
        CrosstermBackend::new(out.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
    .expect("a terminal over a Vec")
}

/// The reader's states worth drawing: every pane focused, each source
/// selected, the Help overlay, the expanded topic tree, the second post.
fn states_to_draw() -> Vec<Vec<Action>> {
    vec![
        vec![],
        vec![Action::FocusNext],
        vec![Action::FocusNext, Action::FocusNext],
        vec![Action::SelectSource(1)],
        vec![Action::SelectSource(2), Action::NextCitation],
        vec![Action::FocusPrev, Action::SourceDown, Action::SourceDown],
        vec![
            Action::TreeTop,
            Action::TreeExpand,
            Action::TreeDown,
            Action::TreeExpand,
        ],
        vec![Action::TreeBottom, Action::TreeActivate],
        vec![Action::NextPost],
        vec![Action::ScrollBottom],
        vec![Action::ShowHelp],
    ]
}

#[test]
fn drawing_the_hostile_post_through_crossterm_writes_no_content_escapes() {
    for (width, height) in [(200, 60), (120, 40), (80, 24), (40, 12), (20, 6)] {
        for actions in states_to_draw() {
            let mut app = App::new(hostile_corpus(), (width, height), true);
            for &action in &actions {
                update::update(&mut app, action);
            }
            let out = Shared::default();
            let mut terminal = memory_terminal(width, height, &out);
            terminal
                .draw(|frame| pundit::tui::view::render(frame, &app))
                .expect("drawing into memory");
            let bytes = &out.0.borrow()[..];
            let foreign = foreign_sequences(
                bytes,
                Allowed {
                    modes: true,
                    clear: false,
                },
            );
            assert!(
                foreign.is_empty(),
                "{width}×{height} after {actions:?}: {foreign:?}"
            );
            if width >= 80 && actions.is_empty() {
                let text = String::from_utf8_lossy(bytes);
                assert!(text.contains(P), "placeholders are drawn");
                assert!(text.contains("Clipboard"), "the post is drawn");
            }
        }
    }
}

#[test]
fn the_reader_on_hostile_input_writes_only_its_own_sequences() {
    let path = fixture();
    let mut session = pty::Session::start(&[path.to_str().expect("UTF-8 path")], &[], 160, 48);
    session.wait_for("the hostile post", |s| {
        s.contains("Window title") && s.contains("Clipboard")
    });
    // Visit every pane, both sources, Help, the second post and a search
    // with its highlights. No Esc in
    // the burst: followed at once by another key, it reads as Alt+key.
    for keys in [
        "\t", "j", "G", "\t", "j", "k", "1", "}", "2", "?", "j", "?", "]", "[", "\t", "/", "r",
        "e", "d", "\r", "n", "N",
    ] {
        session.send(keys);
    }
    session.send("?");
    session.wait_for_text("Open the next post");
    session.send("\x1b");
    session.wait_for("Help to close", |s| !s.contains("Open the next post"));
    let shown = pty::SHOWN_PLACEHOLDER;
    let lines = [
        format!("Window title {shown} attack {shown}gnirts desrever{shown} here"),
        format!("Clipboard{shown}write then clear{shown}screen and home{shown} done."),
        format!("C1 csi{shown}red and bell{shown}ring and nul{shown}byte"),
        format!("Evil News: {shown}click me{shown} now"),
    ];
    session.wait_for("placeholders that keep the words apart", |screen| {
        lines.iter().all(|line| screen.contains(line))
    });
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let raw = session.raw_output();
    let foreign = foreign_sequences(
        &raw,
        Allowed {
            modes: true,
            // pundit clears the screen itself when another post opens, to
            // redraw it whole; the content's own clear is a placeholder.
            clear: true,
        },
    );
    assert!(foreign.is_empty(), "{foreign:?}");
    assert!(!session.with_screen(|screen| screen.alternate_screen()));
}

fn run_pundit(args: &[&str]) -> (Vec<u8>, Vec<u8>, Option<i32>) {
    let output = Command::new(env!("CARGO_BIN_EXE_pundit"))
        .args(args)
        .output()
        .expect("run pundit");
    (output.stdout, output.stderr, output.status.code())
}

#[test]
fn tree_search_and_export_print_no_control_characters() {
    let path = fixture();
    let path = path.to_str().expect("UTF-8 path");
    let (tree, stderr, status) = run_pundit(&["tree", path]);
    assert_eq!(status, Some(0), "{}", String::from_utf8_lossy(&stderr));
    assert_plain("tree", &tree);
    let tree = String::from_utf8(tree).expect("UTF-8");
    assert!(tree.contains(&format!("Window title {P} attack")), "{tree}");

    for query in ["red", "Clipboard", "e", "\u{FFFD}", "Evil"] {
        let (found, stderr, status) = run_pundit(&["search", query, path]);
        assert!(
            matches!(status, Some(0 | 1)),
            "search {query:?}: {status:?} {}",
            String::from_utf8_lossy(&stderr)
        );
        assert_plain(&format!("search {query:?}"), &found);
        assert_plain(&format!("search {query:?} (stderr)"), &stderr);
    }
    // A query carrying escapes itself must not come back out raw.
    let (found, stderr, _) = run_pundit(&["search", "\u{1b}]0;x\u{7}", path]);
    assert_plain("search for an escape", &found);
    assert_plain("search for an escape (stderr)", &stderr);

    let (export, _, status) = run_pundit(&["export", path]);
    assert_eq!(status, Some(0));
    assert_plain("export", &export);
}
