//! The terminal and the event loop: setup and restore on every exit path,
//! signals, suspend, background loading, and carrying out effects.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    MouseButton, MouseEventKind,
};
use crossterm::terminal::EnterAlternateScreen;
use crossterm::{cursor, execute, terminal as ct};
use ratatui::DefaultTerminal;
use signal_hook::consts::SIGTSTP;

use super::action::Action;
use super::app::App;
use super::keymap;
use super::update::{self, Effect};
use super::view::{self, loading::Progress, palette::Palette};
use super::{input, signals};
use crate::load::{LoadError, Warning, load_paths_with_progress};
use crate::model::Corpus;
use crate::search::SearchIndex;

/// How long the loop waits for input before looking at the loader again.
const TICK: Duration = Duration::from_millis(50);

/// The longest the loop applies queued input before it draws: a storm of
/// keys is applied in batches with a frame after each, not a frame per key.
const BATCH: Duration = Duration::from_millis(100);

/// Owns the terminal while the reader runs; restores it when dropped, so
/// every way out of the loop (return, `?`, unwinding) leaves it usable.
struct Guard {
    terminal: DefaultTerminal,
}

impl Guard {
    fn enter() -> io::Result<Guard> {
        signals::remember_cooked_mode();
        signals::restore_on_abort()?;
        let terminal = ratatui::try_init()?;
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        // After ratatui's, so that ours wraps it and runs first.
        install_panic_hook();
        execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(Guard { terminal })
    }

    /// Gives the terminal back to the shell, stops until `fg`, then takes
    /// it again and redraws everything.
    fn suspend(&mut self) -> io::Result<()> {
        leave_terminal();
        signal_hook::low_level::raise(SIGTSTP)?;
        ct::enable_raw_mode()?;
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        )?;
        self.redraw_all()
    }

    /// Clears the screen and has the next frame drawn whole. (`clear` would
    /// ask the terminal where its cursor is, an answer that would arrive
    /// on the input thread rather than here.)
    fn redraw_all(&mut self) -> io::Result<()> {
        let size = self.terminal.size()?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        leave_terminal();
    }
}

/// Whether pundit has the terminal (raw mode, alternate screen, mouse,
/// bracketed paste).
pub(super) static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Held while a frame is drawn, so that a signal arriving mid-frame
/// restores the terminal after the frame rather than in the middle of it.
static DRAWING: Mutex<()> = Mutex::new(());

/// The drawing lock, waiting at most `wait` for a frame to finish (a
/// terminal that stopped reading must not keep pundit from exiting).
pub(super) fn output_lock_within(wait: Duration) -> Option<MutexGuard<'static, ()>> {
    let deadline = Instant::now() + wait;
    loop {
        match DRAWING.try_lock() {
            Ok(guard) => return Some(guard),
            Err(std::sync::TryLockError::Poisoned(poisoned)) => return Some(poisoned.into_inner()),
            Err(std::sync::TryLockError::WouldBlock) if Instant::now() < deadline => {
                thread::sleep(Duration::from_millis(5));
            }
            Err(std::sync::TryLockError::WouldBlock) => return None,
        }
    }
}

/// Mouse and paste reporting off, cooked mode, main screen, cursor shown.
/// Errors are ignored:
/// this runs on the way out, when there is nothing better to do.
///
/// Only the first call after taking the terminal acts: leaving the
/// alternate screen also moves the cursor back, so a second restore (the
/// guard dropped while unwinding from a panic) would put the shell's next
/// output over the panic message.
pub(super) fn leave_terminal() {
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    let _ = execute!(io::stdout(), cursor::Show);
}

/// ratatui's hook (installed by `ratatui::try_init`) leaves raw mode and the
/// alternate screen; this one, wrapping it and so run first, also turns the
/// mouse off and shows the cursor, so the panic message that the default
/// hook prints at the end lands on a usable terminal.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_terminal();
        previous(info);
    }));
}

/// What the loader thread reports.
enum Loading {
    Progress(Progress),
    Done(Result<(Arc<Corpus>, Vec<Warning>), LoadError>),
    /// The search index, built on the loader's thread after `Done` so that
    /// neither the first frame nor the UI thread waits for it.
    Indexed(Arc<SearchIndex>),
}

fn spawn_loader(paths: Vec<PathBuf>) -> Receiver<Loading> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let progress_sender = sender.clone();
        let mut report = move |done, total| {
            let _ = progress_sender.send(Loading::Progress(Progress { done, total }));
        };
        // The reader and this thread share the corpus: the reader starts
        // while the index (seconds for 100 MB) is built here.
        let result = load_paths_with_progress(&paths, &mut report)
            .map(|loaded| (Arc::new(loaded.corpus), loaded.warnings));
        let shared = result.as_ref().ok().map(|(corpus, _)| Arc::clone(corpus));
        let _ = sender.send(Loading::Done(result));
        if let Some(corpus) = shared {
            let index = SearchIndex::new(&corpus);
            drop(corpus);
            let _ = sender.send(Loading::Indexed(Arc::new(index)));
        }
    });
    receiver
}

/// Which state the screen is in.
enum Screen {
    Loading(Progress),
    Ready(Box<App>),
}

pub fn run(paths: &[PathBuf], color: bool) -> anyhow::Result<ExitCode> {
    signals::watch_terminating_signals()?;
    let loader = spawn_loader(paths.to_vec());
    let mut guard = Guard::enter()?;
    let input = input::spawn_reader()?;
    let result = event_loop(&mut guard, &loader, &input, color);
    drop(guard);
    result
}

/// What the loop does after an event.
enum Next {
    Continue,
    Quit,
}

fn event_loop(
    guard: &mut Guard,
    loader: &Receiver<Loading>,
    input: &Receiver<io::Result<Event>>,
    color: bool,
) -> anyhow::Result<ExitCode> {
    let palette = Palette::new(color);
    // Lets the end-to-end tests check that a panic while drawing leaves the
    // terminal usable; nothing else sets it.
    let panic_in_draw = std::env::var_os("PUNDIT_TEST_PANIC_IN_DRAW").is_some();
    let mut screen = Screen::Loading(Progress::default());
    let mut dirty = true;
    let mut pending: VecDeque<Event> = VecDeque::new();
    let mut drawn_post = None;
    loop {
        if let Screen::Loading(progress) = &mut screen {
            match loader.try_recv() {
                Ok(Loading::Progress(now)) => {
                    *progress = now;
                    dirty = true;
                }
                Ok(Loading::Done(result)) => {
                    let (corpus, warnings) = result?;
                    let size = guard.terminal.size()?;
                    let mut app = App::new(corpus, (size.width, size.height), color);
                    app.search.expect_index();
                    if let Some(first) = warnings.first() {
                        let more = match warnings.len() {
                            1 => String::new(),
                            n => format!(" (and {} more)", n - 1),
                        };
                        update::report(&mut app, format!("{first}{more}"));
                    }
                    screen = Screen::Ready(Box::new(app));
                    dirty = true;
                }
                Ok(Loading::Indexed(_)) | Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => anyhow::bail!("the loader stopped unexpectedly"),
            }
        }
        if let Screen::Ready(app) = &mut screen {
            if app.search.awaits_index()
                && let Ok(Loading::Indexed(index)) = loader.try_recv()
            {
                super::search::index_ready(app, index);
                dirty = true;
            }
            if super::search::poll(app) {
                dirty = true;
            }
        }
        if dirty {
            // A terminal that measures some character differently from
            // pundit leaves it misplaced until that part of the screen is
            // written again: each post opened is drawn afresh.
            if let Screen::Ready(app) = &screen
                && app.open_post != drawn_post
            {
                drawn_post = app.open_post;
                guard.redraw_all()?;
            }
            draw(guard, &mut screen, &palette, panic_in_draw)?;
            dirty = false;
        }
        if pending.is_empty() {
            match input.recv_timeout(TICK) {
                Ok(event) => pending.push_back(event?),
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => {
                    anyhow::bail!("the terminal input closed")
                }
            }
        }
        // Everything that has arrived is applied before the next frame, up
        // to a batch's worth of time: input never waits behind frames.
        while let Ok(event) = input.try_recv() {
            pending.push_back(event?);
        }
        dirty = true;
        let batch_end = Instant::now() + BATCH;
        while let Some(event) = pending.pop_front() {
            if let Next::Quit = apply_event(event, pending.front(), &mut screen, guard)? {
                // The process ends next: the terminal comes back at once
                // rather than after a large corpus is freed piece by piece.
                std::mem::forget(screen);
                return Ok(ExitCode::SUCCESS);
            }
            if Instant::now() >= batch_end {
                break;
            }
        }
    }
}

/// Draws a frame of whatever the screen shows, holding the drawing lock.
/// The reader's state learns the terminal's size first: a resize that
/// arrived since the last event must not leave state and frame disagreeing.
fn draw(
    guard: &mut Guard,
    screen: &mut Screen,
    palette: &Palette,
    panic_in_draw: bool,
) -> anyhow::Result<()> {
    if let Screen::Ready(app) = screen {
        let size = guard.terminal.size()?;
        if (size.width, size.height) != app.size {
            update::update(app, Action::Resize(size.width, size.height));
        }
    }
    let _drawing = DRAWING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    guard.terminal.draw(|frame| match &*screen {
        Screen::Loading(progress) => view::loading::render(frame, *progress, palette),
        Screen::Ready(_) if panic_in_draw => {
            panic!("forced panic while drawing (PUNDIT_TEST_PANIC_IN_DRAW)")
        }
        Screen::Ready(app) => view::render(frame, app),
    })?;
    Ok(())
}

/// Applies one terminal event to the screen; `next` is the event queued
/// behind it, if any, so that a run of typing filters or searches once.
fn apply_event(
    event: Event,
    next: Option<&Event>,
    screen: &mut Screen,
    guard: &mut Guard,
) -> anyhow::Result<Next> {
    let app = match screen {
        Screen::Ready(app) => app,
        Screen::Loading(_) => {
            return Ok(if is_quit_while_loading(&event) {
                Next::Quit
            } else {
                Next::Continue
            });
        }
    };
    let events = match event {
        Event::Key(key) => keymap::keys_of(key, app.focus, app.overlay)
            .into_iter()
            .map(Event::Key)
            .collect(),
        other => vec![other],
    };
    let count = events.len();
    for (n, event) in events.into_iter().enumerate() {
        let mut actions = match &event {
            Event::Paste(text) => input::pasted(text, app.overlay),
            other => action_for_event(other, app).into_iter().collect(),
        };
        let typing_follows = n + 1 == count && input::continues_typing(next, app);
        input::defer_typing(&mut actions, typing_follows);
        for action in actions {
            let effect = update::update(app, action);
            carry_out(effect, guard, app)?;
            if app.quit {
                return Ok(Next::Quit);
            }
        }
    }
    Ok(Next::Continue)
}

fn is_quit_while_loading(event: &Event) -> bool {
    let Event::Key(key) = event else { return false };
    keymap::action_for(key, super::Focus::Topics, None) == Some(Action::Quit)
}

/// The action a terminal event stands for, if any.
fn action_for_event(event: &Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::action_for(key, app.focus, app.overlay),
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(mouse.column, mouse.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(mouse.column, mouse.row, false)),
            _ => None,
        },
        _ => None,
    }
}

fn carry_out(effect: Effect, guard: &mut Guard, app: &mut App) -> anyhow::Result<()> {
    match effect {
        Effect::None => {}
        Effect::OpenUrl(url) => {
            if let Err(error) = open_in_browser(&url) {
                update::report(app, format!("Could not open the URL: {error}"));
            }
        }
        Effect::Copy(text) => {
            let backend = guard.terminal.backend_mut();
            backend.write_all(osc52(&text).as_bytes())?;
            backend.flush()?;
        }
        Effect::Suspend => {
            guard.suspend()?;
            let size = guard.terminal.size()?;
            update::update(app, Action::Resize(size.width, size.height));
        }
    }
    Ok(())
}

/// Starts the user's browser on `url` without waiting for it. Its standard
/// streams go nowhere, so nothing it prints can garble the screen.
///
/// `$BROWSER` may list several commands separated by `:`; the first is
/// used, with `%s` replaced by the URL or the URL appended.
fn open_in_browser(url: &str) -> io::Result<()> {
    use std::os::unix::process::CommandExt;
    let browser = std::env::var("BROWSER").unwrap_or_default();
    let first = browser.split(':').map(str::trim).find(|b| !b.is_empty());
    let mut words: Vec<String> = match first {
        Some(command) => command.split_whitespace().map(String::from).collect(),
        None => vec!["xdg-open".to_string()],
    };
    if words.iter().any(|w| w.contains("%s")) {
        for word in &mut words {
            *word = word.replace("%s", url);
        }
    } else {
        words.push(url.to_string());
    }
    let (program, args) = words
        .split_first()
        .ok_or_else(|| io::Error::other("empty $BROWSER"))?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Its own process group: a terminal browser must not read our keys.
        .process_group(0)
        .spawn()?;
    // Reap it when it exits so it does not linger as a zombie.
    thread::spawn(move || child.wait());
    Ok(())
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), as OSC 52 expects.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn osc52_wraps_the_encoded_text() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }
}
