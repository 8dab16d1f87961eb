//! Key storms: thousands of random keys, clicks and resizes (1×1 to
//! 250×80) through the keymap, `update` and `render` on a TestBackend, then
//! a shorter storm against the real binary in a pseudo-terminal. Nothing
//! panics, every frame fits its area, and q still quits at the end.
//!
//! Seeded and reproducible: a failure prints its seed, and
//! `PUNDIT_MONKEY_SEED=<seed>` replays it (`PUNDIT_MONKEY_STEPS` sets the
//! length of the storm).

#[path = "common/pty.rs"]
mod pty;
#[path = "../benches/common/synthetic.rs"]
mod synthetic;

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pundit::load::{load_bundled, load_paths};
use pundit::model::Corpus;
use pundit::tui::keymap::{DEFAULTS, KeyPattern, action_for};
use pundit::tui::{Action, App, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// xorshift64*: tiny, fast and plenty random for choosing keys.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // Zero is the one state xorshift cannot leave.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `range` (inclusive).
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Prints how to replay a storm when it ends in a panic.
struct ReplayHint {
    seed: u64,
    what: &'static str,
    step: usize,
}

impl Drop for ReplayHint {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!(
                "monkey ({}) failed at step {} with seed {}; replay with PUNDIT_MONKEY_SEED={} cargo test --test monkey",
                self.what, self.step, self.seed, self.seed
            );
        }
    }
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn seeds(defaults: &[u64]) -> Vec<u64> {
    env_number("PUNDIT_MONKEY_SEED").map_or_else(|| defaults.to_vec(), |seed| vec![seed])
}

/// Every key the keymap knows, as a key event.
fn keymap_keys() -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    for binding in DEFAULTS {
        for pattern in binding.keys {
            match *pattern {
                KeyPattern::Plain(code) => keys.push(KeyEvent::new(code, KeyModifiers::NONE)),
                KeyPattern::Ctrl(c) => {
                    keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
                }
                KeyPattern::Digit => {
                    keys.extend(
                        ('0'..='9').map(|d| KeyEvent::new(KeyCode::Char(d), KeyModifiers::NONE)),
                    );
                }
                KeyPattern::AnyChar => {
                    keys.extend(
                        ['a', 'e', 'Q', ' ', '(', 'é']
                            .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
                    );
                }
            }
        }
    }
    keys
}

/// Keys that are not in the keymap but users press anyway.
const OTHER_CODES: &[KeyCode] = &[
    KeyCode::Esc,
    KeyCode::Enter,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Insert,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::F(1),
    KeyCode::F(12),
];

/// A random printable character: mostly ASCII, sometimes wide or accented.
fn printable(rng: &mut Rng) -> char {
    if rng.chance(85) {
        char::from(rng.between(0x20, 0x7e) as u8)
    } else {
        *rng.pick(&['é', 'ß', '中', '文', '😀', '€', '“', 'ñ'])
    }
}

/// One step of the storm: some events, in order.
enum Event {
    Key(KeyEvent),
    Resize(u16, u16),
    Action(Action),
}

fn random_size(rng: &mut Rng) -> (u16, u16) {
    if rng.chance(30) {
        (rng.between(1, 30) as u16, rng.between(1, 10) as u16)
    } else {
        (rng.between(1, 250) as u16, rng.between(1, 80) as u16)
    }
}

fn random_events(rng: &mut Rng, keys: &[KeyEvent], size: (u16, u16)) -> Vec<Event> {
    let plain = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    match rng.between(0, 99) {
        0..=54 => vec![Event::Key(*rng.pick(keys))],
        55..=69 => vec![Event::Key(KeyEvent::new(
            KeyCode::Char(printable(rng)),
            KeyModifiers::NONE,
        ))],
        70..=77 => vec![plain(*rng.pick(OTHER_CODES))],
        78..=83 => {
            // A search: `/`, a random query, then Enter or Esc.
            let mut events = vec![plain(KeyCode::Char('/'))];
            for _ in 0..rng.between(0, 12) {
                events.push(plain(KeyCode::Char(printable(rng))));
            }
            if rng.chance(20) {
                events.push(plain(KeyCode::Backspace));
            }
            events.push(plain(if rng.chance(50) {
                KeyCode::Enter
            } else {
                KeyCode::Esc
            }));
            events
        }
        84..=89 => {
            let (x, y) = (
                rng.between(0, u64::from(size.0)) as u16,
                rng.between(0, u64::from(size.1)) as u16,
            );
            let action = match rng.between(0, 2) {
                0 => Action::Click(x, y),
                1 => Action::Wheel(x, y, true),
                _ => Action::Wheel(x, y, false),
            };
            vec![Event::Action(action)]
        }
        _ => {
            let (w, h) = random_size(rng);
            vec![Event::Resize(w, h)]
        }
    }
}

/// Checks a drawn frame: the buffer is exactly the terminal's area, and no
/// cell holds a control character.
fn assert_frame_fits(terminal: &Terminal<TestBackend>, size: (u16, u16)) {
    let buffer = terminal.backend().buffer();
    assert_eq!(buffer.area, Rect::new(0, 0, size.0, size.1));
    assert_eq!(
        buffer.content.len(),
        usize::from(size.0) * usize::from(size.1)
    );
    for cell in &buffer.content {
        let symbol = cell.symbol();
        if symbol.len() == 1 && symbol.as_bytes()[0].is_ascii_graphic() || symbol == " " {
            continue;
        }
        assert!(
            !symbol.chars().any(char::is_control),
            "control character in a cell: {symbol:?}"
        );
        assert!(
            symbol.width() <= 2,
            "a cell wider than two columns: {symbol:?}"
        );
    }
}

/// How a storm delivers resizes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Resizes {
    /// The reader learns of a resize before the next frame.
    InStep,
    /// The terminal changes size at once and the reader learns of it a
    /// step later, as when the resize event is still queued behind keys:
    /// frames are drawn at a size the state does not know yet. Overlays
    /// are opened every few steps.
    Lagging,
}

/// Runs one storm of `steps` steps on `corpus` from `seed`.
fn storm(corpus: &Corpus, seed: u64, steps: usize, what: &'static str) {
    storm_with(corpus, seed, steps, what, Resizes::InStep);
}

fn storm_with(corpus: &Corpus, seed: u64, steps: usize, what: &'static str, resizes: Resizes) {
    let mut hint = ReplayHint {
        seed,
        what,
        step: 0,
    };
    let mut rng = Rng::new(seed);
    let keys = keymap_keys();
    let mut size = (80, 24);
    let mut app = App::new(corpus.clone(), size, true);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test terminal");
    let mut quits = 0;
    let mut queued_resize: Option<Action> = None;
    let overlay_keys = [
        KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE),
        KeyEvent::new(KeyCode::Char('S'), KeyModifiers::NONE),
        KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE),
        KeyEvent::new(KeyCode::Char('f'), KeyModifiers::NONE),
    ];
    for step in 0..steps {
        hint.step = step;
        let mut resized = false;
        let mut events = random_events(&mut rng, &keys, size);
        if resizes == Resizes::Lagging {
            if let Some(late) = queued_resize.take() {
                events.insert(0, Event::Action(late));
            }
            if step % 7 == 0 {
                events.push(Event::Key(*rng.pick(&overlay_keys)));
            }
            if step % 40 == 0 {
                // A long results list, open when the next resize comes.
                for c in "\u{1b}/number\rS".chars() {
                    let code = match c {
                        '\u{1b}' => KeyCode::Esc,
                        '\r' => KeyCode::Enter,
                        c => KeyCode::Char(c),
                    };
                    events.push(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
                }
                let (w, h) = random_size(&mut rng);
                events.push(Event::Resize(w, h));
            }
        }
        for event in events {
            let action = match event {
                Event::Key(key) => action_for(&key, app.focus, app.overlay),
                Event::Resize(w, h) => {
                    size = (w, h);
                    resized = true;
                    terminal.backend_mut().resize(w, h);
                    match resizes {
                        Resizes::InStep => Some(Action::Resize(w, h)),
                        Resizes::Lagging => {
                            queued_resize = Some(Action::Resize(w, h));
                            None
                        }
                    }
                }
                Event::Action(action) => Some(action),
            };
            if let Some(action) = action {
                // Effects (open a URL, copy, suspend) are the event loop's
                // business; the storm only checks state and drawing.
                let _ = update::update(&mut app, action);
            }
            if app.quit {
                // q and Ctrl-C do quit; the storm goes on from there.
                quits += 1;
                app.quit = false;
            }
        }
        // Every update is checked by drawing, but not every frame: a
        // frame after every resize and every third key keeps the storm
        // long and the test quick.
        if resized || step % 3 == 0 {
            terminal
                .draw(|frame| pundit::tui::view::render(frame, &app))
                .expect("drawing on a test backend");
            assert_frame_fits(&terminal, size);
        }
    }
    // However the storm left it, Esc then q quits.
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    for key in [esc, esc, q] {
        if let Some(action) = action_for(&key, app.focus, app.overlay) {
            update::update(&mut app, action);
        }
    }
    assert!(app.quit, "q quits after the storm");
    assert!(
        steps < 200 || quits > 0,
        "the storm pressed q at least once"
    );
}

fn steps(default: u64) -> usize {
    env_number("PUNDIT_MONKEY_STEPS").unwrap_or(default) as usize
}

#[test]
fn a_key_storm_on_the_bundled_corpus_never_breaks_the_reader() {
    let corpus = load_bundled();
    for seed in seeds(&[1, 20_261_125]) {
        storm(&corpus, seed, steps(1000), "bundled corpus");
    }
}

#[test]
fn a_key_storm_on_hostile_input_never_breaks_the_reader() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile.json");
    let corpus = load_paths(&[path]).expect("the fixture loads").corpus;
    for seed in seeds(&[0xbad_cafe]) {
        storm(&corpus, seed, steps(1200), "hostile corpus");
    }
}

#[test]
fn a_storm_on_ten_megabytes_with_overlays_and_frames_ahead_of_the_state() {
    let path = std::env::temp_dir().join(format!("pundit-monkey-{}.txt", std::process::id()));
    std::fs::write(&path, synthetic::synthetic_archive(10 << 20)).expect("write the archive");
    let corpus = load_paths(std::slice::from_ref(&path))
        .expect("the archive loads")
        .corpus;
    let _ = std::fs::remove_file(&path);
    for seed in seeds(&[7, 0x10_0000]) {
        storm_with(
            &corpus,
            seed,
            steps(600),
            "10 MB, lagging resizes",
            Resizes::Lagging,
        );
    }
}

/// Raw bytes of a key as a terminal sends it.
fn key_bytes(rng: &mut Rng) -> String {
    const SEQUENCES: &[&str] = &[
        "\x1b[A", "\x1b[B", "\x1b[C", "\x1b[D", "\x1b[5~", "\x1b[6~", "\x1b[H", "\x1b[F", "\t",
        "\x1b[Z", "\r", "\x1b", "\x04", "\x15", " ", "j", "k", "g", "G", "h", "l", "]", "[", "{",
        "}", "?", "1", "2", "3", "9", "y", "o", "/",
    ];
    match rng.between(0, 9) {
        0..=6 => (*rng.pick(SEQUENCES)).to_string(),
        _ => {
            // Any printable key but q, which would end the storm early.
            let c = printable(rng);
            if c == 'q' { 'x' } else { c }.to_string()
        }
    }
}

#[test]
fn a_key_and_resize_storm_against_the_real_binary() {
    for seed in seeds(&[42]) {
        let hint = ReplayHint {
            seed,
            what: "pseudo-terminal",
            step: 0,
        };
        let mut rng = Rng::new(seed);
        // BROWSER=true: Enter and o on a source must not start a browser.
        let mut session = pty::Session::start(&[], &[("BROWSER", "true")], 100, 30);
        session.wait_for_text(" Topics ");
        for _ in 0..300 {
            if rng.chance(10) {
                let (w, h) = random_size(&mut rng);
                session.resize(w.max(1), h.max(1));
            } else {
                let keys = key_bytes(&mut rng);
                session.send(&keys);
            }
        }
        session.resize(100, 30);
        // Let pundit work through the queued keys, so that the Esc below
        // arrives alone and is not read as Alt with the next key.
        session.wait_until_quiet();
        session.send("\x1b");
        session.wait_until_quiet();
        session.send("?");
        session.wait_for("Help after the storm", |s| s.contains("Open the next post"));
        session.send("\x1b");
        session.wait_for("Help to close", |s| {
            !s.contains("Open the next post") && s.contains(" Topics ")
        });
        session.send("q");
        assert_eq!(session.wait_exit(), 0, "q quits after the storm");
        drop(hint);
    }
}
