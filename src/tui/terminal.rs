//! The terminal and the event loop: setup and restore on every exit path,
//! signals, suspend, background loading, and carrying out effects.

use std::collections::VecDeque;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::EnterAlternateScreen;
use crossterm::{cursor, execute, terminal as ct};
use ratatui::DefaultTerminal;
use signal_hook::consts::SIGTSTP;

use super::action::Action;
use super::app::App;
use super::config::Config;
use super::handover::Arrival;
use super::keymap::Keymap;
use super::loader::{self, Loading, Stage, Whole};
use super::remember::{self, Remembered, ToSave};
use super::tree::Tree;
use super::update::{self, Effect};
use super::view::{self, loading::Progress, palette::Palette};
use super::{browser, clipboard, input, signals};
use crate::import::clean::clean;
use crate::model::Corpus;
use crate::state::cache::Cache;

/// How long the loop waits for input before looking at the loader again.
const TICK: Duration = Duration::from_millis(50);

/// The longest the loop applies queued input before it draws: a storm of
/// keys is applied in batches with a frame after each, not a frame per key.
const BATCH: Duration = Duration::from_millis(100);

/// Owns the terminal while the reader runs; restores it when dropped, so
/// every way out of the loop (return, `?`, unwinding) leaves it usable.
struct Guard {
    terminal: DefaultTerminal,
    /// Whether mouse reporting is on (the config's `mouse`).
    mouse: bool,
}

impl Guard {
    fn enter(mouse: bool) -> io::Result<Guard> {
        signals::remember_cooked_mode();
        signals::restore_on_abort()?;
        let terminal = ratatui::try_init()?;
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        // After ratatui's, so that ours wraps it and runs first.
        install_panic_hook();
        execute!(io::stdout(), EnableBracketedPaste)?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(Guard { terminal, mouse })
    }

    /// Gives the terminal back to the shell, stops until `fg`, then takes
    /// it again and redraws everything.
    fn suspend(&mut self) -> io::Result<()> {
        leave_terminal();
        signal_hook::low_level::raise(SIGTSTP)?;
        ct::enable_raw_mode()?;
        TERMINAL_TAKEN.store(true, Ordering::SeqCst);
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
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

/// Which state the screen is in.
enum Screen {
    Loading(Progress),
    Ready(Box<App>),
}

/// What the event loop knows of the loader.
#[derive(Default)]
struct LoadState {
    /// What pundit remembers of the archive, once the loader has read it.
    remembered: Option<Box<Remembered>>,
    /// The whole archive has arrived, with its index: nothing more comes.
    over: bool,
    /// The remembered place is in a post the preview does not have, and the
    /// user has not moved since: it applies to the whole archive.
    place_waits: bool,
}

impl LoadState {
    /// Applies what the loader reported to the screen; returns whether the
    /// reader moved onto another corpus.
    fn receive(
        &mut self,
        message: Loading,
        screen: &mut Screen,
        guard: &Guard,
        start: &Start,
    ) -> anyhow::Result<bool> {
        match (message, &mut *screen) {
            (Loading::Remembered(state), _) => {
                self.remembered = Some(state);
                return Ok(false);
            }
            (Loading::Progress(now), Screen::Loading(progress)) => {
                *progress = now;
                return Ok(false);
            }
            (Loading::Progress(now), Screen::Ready(app)) => {
                let (done, total) = (now.done, now.total);
                update::update(app, Action::Loaded { done, total });
                return Ok(false);
            }
            // A preview parsed while the whole archive was being sent.
            (Loading::Preview(_), _) if self.over => return Ok(false),
            (Loading::Preview(stage), Screen::Loading(progress)) => {
                let app = self.first_app(*stage, *progress, guard, start)?;
                *screen = Screen::Ready(Box::new(app));
            }
            (Loading::Preview(stage), Screen::Ready(app)) => {
                let arrival = Arrival {
                    corpus: stage.corpus,
                    tree: stage.tree,
                    index: Some(stage.index),
                    loading: app.loading,
                    same_posts: false,
                };
                let record = self.remembered.as_deref().and_then(Remembered::record);
                update::receive_corpus(app, arrival, record, false);
            }
            (Loading::Done(whole), _) => {
                let whole = *whole?;
                // From the cache, the check of the rest of it comes last.
                self.over = whole.index.is_some() && !whole.from_cache;
                self.whole_archive(whole, screen, guard, start)?;
            }
            (Loading::Indexed(index), Screen::Ready(app)) => {
                self.over = true;
                super::search::index_ready(app, index);
                return Ok(false);
            }
            (Loading::Indexed(_), Screen::Loading(_)) => {}
            (Loading::Mapped(whole), Screen::Ready(app)) => {
                // Its index follows.
                self.over = whole.index.is_some();
                let arrival = Arrival {
                    corpus: whole.corpus,
                    tree: whole.tree,
                    index: whole.index,
                    loading: None,
                    same_posts: true,
                };
                let record = self.remembered.as_deref().and_then(Remembered::record);
                update::receive_corpus(app, arrival, record, false);
            }
            // (`Done` made the screen ready.)
            (Loading::Mapped(_), Screen::Loading(_)) => self.over = true,
            (Loading::CacheChecked(damage), Screen::Ready(app)) => {
                self.over = true;
                if let Some(warning) = damage {
                    app.load_warnings.push(warning.to_string());
                    if let Some(message) = update::warnings_summary(app) {
                        update::report(app, message);
                    }
                }
                return Ok(false);
            }
            (Loading::CacheChecked(_), Screen::Loading(_)) => self.over = true,
        }
        Ok(true)
    }

    /// The reader on the first preview of the archive, where it was left
    /// if that is in the preview (else on the whole archive, when it comes).
    fn first_app(
        &mut self,
        stage: Stage,
        progress: Progress,
        guard: &Guard,
        start: &Start,
    ) -> anyhow::Result<App> {
        let size = guard.terminal.size()?;
        let state = self.remembered.as_deref();
        let place = state.and_then(|s| s.record()?.place.as_ref());
        self.place_waits =
            !start.fresh && place.is_some_and(|p| stage.corpus.post_by_id(&p.post).is_none());
        let fresh = start.fresh || self.place_waits;
        let size = (size.width, size.height);
        let mut app = ready_app(stage.corpus, stage.tree, size, start, state, fresh);
        app.search.attach(stage.index);
        app.loading = Some(Progress {
            done: progress.done.max(stage.covered),
            total: stage.total,
        });
        Ok(app)
    }

    /// Opens the reader on the whole archive, or moves it there from a
    /// preview, with what loading had to say.
    fn whole_archive(
        &mut self,
        whole: Whole,
        screen: &mut Screen,
        guard: &Guard,
        start: &Start,
    ) -> anyhow::Result<()> {
        let state = self.remembered.as_deref();
        let record = state.and_then(Remembered::record);
        let Whole {
            corpus,
            tree,
            warnings,
            index,
            from_cache,
        } = whole;
        let app = match screen {
            Screen::Ready(app) => {
                let arrival = Arrival {
                    corpus,
                    tree,
                    index,
                    loading: None,
                    same_posts: false,
                };
                let place_waits = std::mem::take(&mut self.place_waits);
                update::receive_corpus(app, arrival, record, place_waits);
                app
            }
            Screen::Loading(_) => {
                let size = guard.terminal.size()?;
                let size = (size.width, size.height);
                let mut app = ready_app(corpus, tree, size, start, state, start.fresh);
                match index {
                    Some(index) => app.search.attach(index),
                    None => app.search.expect_index(),
                }
                *screen = Screen::Ready(Box::new(app));
                let Screen::Ready(app) = screen else {
                    unreachable!("the screen was just made ready")
                };
                app
            }
        };
        let remembered_warning = state.and_then(|s| s.loaded.warning.as_ref());
        app.load_warnings = (remembered_warning.iter().map(|w| clean(w)))
            .chain(warnings.iter().map(ToString::to_string))
            .collect();
        if let Some(message) = update::warnings_summary(app) {
            update::report(app, message);
        } else if from_cache {
            update::report(app, "Opened from the cache".into());
        }
        Ok(())
    }
}

/// How the reader starts: the config's settings, colour, and whether to
/// start at the top rather than where the archive was left.
struct Start {
    config: Config,
    color: bool,
    fresh: bool,
}

pub fn run(
    paths: &[PathBuf],
    config: Config,
    color: bool,
    fresh: bool,
    cache: Option<Cache>,
) -> anyhow::Result<ExitCode> {
    signals::watch_terminating_signals()?;
    let loader = loader::spawn(paths.to_vec(), cache);
    let mut guard = Guard::enter(config.mouse)?;
    let input = input::spawn_reader()?;
    let start = Start {
        config,
        color,
        fresh,
    };
    let result = event_loop(&mut guard, &loader, &input, &start);
    drop(guard);
    let (code, to_save) = result?;
    if let Some(to_save) = to_save {
        to_save.save();
    }
    Ok(code)
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
    start: &Start,
) -> anyhow::Result<(ExitCode, Option<ToSave>)> {
    let palette = Palette::with_colors(start.color, start.config.colors);
    let mut load = LoadState::default();
    // Lets the end-to-end tests check that a panic while drawing leaves the
    // terminal usable; nothing else sets it.
    let panic_in_draw = std::env::var_os("PUNDIT_TEST_PANIC_IN_DRAW").is_some();
    let mut screen = Screen::Loading(Progress::default());
    let mut dirty = true;
    let mut pending: VecDeque<Event> = VecDeque::new();
    let mut drawn_post = None;
    let (outcomes, outcomes_in) = mpsc::channel::<String>();
    loop {
        while !load.over {
            let message = match loader.try_recv() {
                Ok(message) => message,
                Err(TryRecvError::Empty) => break,
                // A reader already open keeps what it has: only the
                // loading screen has nothing to show without the loader.
                Err(TryRecvError::Disconnected) => match &mut screen {
                    Screen::Ready(app) => {
                        load.over = true;
                        update::report(app, "loading stopped unexpectedly".to_string());
                        break;
                    }
                    Screen::Loading(_) => anyhow::bail!("the loader stopped unexpectedly"),
                },
            };
            if load.receive(message, &mut screen, guard, start)? {
                // Another corpus: its posts are drawn afresh.
                drawn_post = None;
            }
            dirty = true;
        }
        if let Screen::Ready(app) = &mut screen {
            if super::search::poll(app) {
                dirty = true;
            }
            while let Ok(message) = outcomes_in.try_recv() {
                update::report(app, message);
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
            if !matches!(event, Event::Resize(..)) {
                // The user has moved: a remembered place no longer applies.
                load.place_waits = false;
            }
            let quit = apply_event(event, pending.front(), &mut screen, guard, &outcomes, start)?;
            if let Next::Quit = quit {
                let to_save = match (&screen, &load.remembered) {
                    (Screen::Ready(app), Some(state)) => ToSave::of(app, state, load.place_waits),
                    _ => None,
                };
                // The process ends next: the terminal comes back at once
                // rather than after a large corpus is freed piece by piece.
                std::mem::forget(screen);
                return Ok((ExitCode::SUCCESS, to_save));
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
    outcomes: &Sender<String>,
    start: &Start,
) -> anyhow::Result<Next> {
    let app = match screen {
        Screen::Ready(app) => app,
        Screen::Loading(_) => {
            return Ok(if is_quit_while_loading(&event, &start.config.keymap) {
                Next::Quit
            } else {
                Next::Continue
            });
        }
    };
    let events = match event {
        Event::Key(key) => app
            .keymap
            .keys_of(key, app.focus, app.overlay)
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
            carry_out(effect, guard, app, outcomes)?;
            if app.quit {
                return Ok(Next::Quit);
            }
        }
    }
    Ok(Next::Continue)
}

fn is_quit_while_loading(event: &Event, keymap: &Keymap) -> bool {
    let Event::Key(key) = event else { return false };
    keymap.action_for(key, super::Focus::Topics, None) == Some(Action::Quit)
}

/// The reader on a loaded corpus, with the config's settings, where the
/// archive was left (unless `fresh`), its read marks and the search history.
fn ready_app(
    corpus: Arc<Corpus>,
    tree: Tree,
    size: (u16, u16),
    start: &Start,
    state: Option<&Remembered>,
    fresh: bool,
) -> App {
    let mut app = App::with_tree(corpus, tree, size, start.color);
    app.keymap = Arc::new(start.config.keymap.clone());
    app.colors = start.config.colors;
    app.max_width = start.config.max_width;
    app.search.default_scope = start.config.search_scope;
    app.refresh_article();
    if let Some(state) = state {
        app.search.history = state.loaded.state.history.clone();
        if let Some(record) = state.record() {
            remember::restore(&mut app, record, fresh);
        }
    }
    super::marks::note_view(&mut app);
    app
}

/// The action a terminal event stands for, if any.
fn action_for_event(event: &Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Release => None,
        Event::Key(key) => Some(
            app.keymap
                .action_for(key, app.focus, app.overlay)
                .unwrap_or(Action::Unbound(*key)),
        ),
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

/// Carries out what an update asked of the outside world; what is learnt
/// later (a browser that would not start) arrives through `outcomes`.
fn carry_out(
    effect: Effect,
    guard: &mut Guard,
    app: &mut App,
    outcomes: &Sender<String>,
) -> anyhow::Result<()> {
    match effect {
        Effect::None => {}
        Effect::OpenUrl(url) => browser::open(url, outcomes.clone()),
        Effect::Copy { text, what } => {
            let backend = guard.terminal.backend_mut();
            backend.write_all(clipboard::osc52(&text).as_bytes())?;
            backend.flush()?;
            let through = match clipboard::copy_with_program(&text) {
                Some(program) => format!("OSC 52 and {program}"),
                None => "OSC 52".to_string(),
            };
            update::report(app, format!("Copied {what} ({through})"));
        }
        Effect::Suspend => {
            guard.suspend()?;
            let size = guard.terminal.size()?;
            update::update(app, Action::Resize(size.width, size.height));
        }
    }
    Ok(())
}
