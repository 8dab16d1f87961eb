//! Signals that end the reader: whichever one it is, the terminal is handed
//! back (cooked mode, main screen, mouse and paste reporting off, cursor
//! shown) before the process goes.
//!
//! Two paths, because two kinds of signal arrive differently:
//! - a signal sent to the process (`kill -INT`, a hang-up, SIGTERM from a
//!   service manager) is answered on a thread of its own, which restores the
//!   terminal with the same code as a normal exit and exits with 128 + the
//!   signal's number, as a shell reports it;
//! - an abort (an allocation that failed, a stack overflow, `abort()`) ends
//!   the process from inside the failing thread, so its handler restores the
//!   terminal with async-signal-safe calls only (`write`, `tcsetattr`), then
//!   lets the abort go on.

use std::io;
use std::os::fd::{IntoRawFd, RawFd};
use std::sync::OnceLock;
use std::sync::atomic::Ordering;
use std::thread;
use std::time::{Duration, Instant};

use libc::c_int;

use super::terminal::{TERMINAL_TAKEN, leave_terminal, output_lock_within};

/// The terminal's settings before raw mode, and the descriptor they belong
/// to: what the abort handler puts back.
static COOKED: OnceLock<(RawFd, libc::termios)> = OnceLock::new();

/// What leaving the terminal writes, for the abort handler, which cannot
/// go through crossterm: mouse reporting off (every protocol crossterm turns
/// on), bracketed paste off, the main screen, the cursor shown.
const RESTORE_SEQUENCES: &[u8] =
    b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?2004l\x1b[?1049l\x1b[?25h";

/// How long a terminating signal waits for a frame being drawn to finish,
/// so that no drawing lands after the terminal is restored.
const FRAME_WAIT: Duration = Duration::from_millis(500);

/// Every signal whose default action ends the process and that a handler
/// may catch, less those the program itself raises to fault (SIGSEGV,
/// SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS), abort aside, which has its own
/// handler ([`restore_on_abort`]).
fn terminating_signals() -> Vec<c_int> {
    let mut signals = vec![
        libc::SIGHUP,
        libc::SIGINT,
        libc::SIGQUIT,
        libc::SIGTERM,
        libc::SIGUSR1,
        libc::SIGUSR2,
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGIO,
        libc::SIGXCPU,
        libc::SIGXFSZ,
    ];
    #[cfg(any(target_os = "linux", target_os = "android"))]
    signals.extend([libc::SIGPWR, libc::SIGSTKFLT]);
    #[cfg(any(target_os = "linux", target_os = "android"))]
    signals.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    signals
}

/// Answers every terminating signal on a thread of its own: waits for a
/// frame being drawn, restores the terminal (harmless if it was never
/// taken, or is gone), and exits with 128 + the signal's number.
///
/// Raw mode turns Ctrl-C into plain input, so SIGINT only comes from
/// outside (`kill -INT`); a hang-up leaves the input at end of file, where
/// reading could spin without returning to the loop.
pub fn watch_terminating_signals() -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(terminating_signals())?;
    thread::Builder::new()
        .name("pundit-signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _frame_done = output_lock_within(FRAME_WAIT);
                leave_terminal();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Remembers the terminal's settings before raw mode, for the abort
/// handler. Uses the descriptor crossterm puts in raw mode: standard input
/// when it is a terminal, else the controlling terminal.
pub fn remember_cooked_mode() {
    if COOKED.get().is_some() {
        return;
    }
    // SAFETY: isatty and tcgetattr only read; `termios` is plain data that
    // tcgetattr fills in completely when it succeeds.
    unsafe {
        let fd = if libc::isatty(libc::STDIN_FILENO) == 1 {
            libc::STDIN_FILENO
        } else {
            match std::fs::File::open("/dev/tty") {
                // Kept open for the life of the process: the handler needs it.
                Ok(tty) => tty.into_raw_fd(),
                Err(_) => return,
            }
        };
        let mut termios: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut termios) == 0 {
            let _ = COOKED.set((fd, termios));
        }
    }
}

/// Restores the terminal when the process aborts, then lets the abort end
/// it. Installed once; [`remember_cooked_mode`] must have run first for
/// cooked mode to come back.
pub fn restore_on_abort() -> io::Result<()> {
    // SAFETY: the handler calls only async-signal-safe functions: an atomic
    // swap, a read of an initialised OnceLock (an atomic load), write(2),
    // tcsetattr(3), and signal-hook's default-action emulation (sigaction,
    // sigprocmask, raise).
    unsafe {
        signal_hook::low_level::register(libc::SIGABRT, || {
            hand_back_from_handler();
            let _ = signal_hook::low_level::emulate_default_handler(libc::SIGABRT);
        })?;
    }
    Ok(())
}

/// The abort handler's restore: escape sequences, then cooked mode.
fn hand_back_from_handler() {
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    const SAID: &[u8] = b"pundit: aborted\r\n";
    // SAFETY: write(2) and tcsetattr(3) are async-signal-safe; the buffers
    // are statics and the termios was filled by tcgetattr.
    unsafe {
        write_all(libc::STDOUT_FILENO, RESTORE_SEQUENCES);
        if let Some((fd, termios)) = COOKED.get() {
            libc::tcsetattr(*fd, libc::TCSANOW, termios);
        }
        write_all(libc::STDERR_FILENO, SAID);
    }
}

/// write(2) until all of `bytes` is written or it fails; gives up after a
/// second of a terminal that takes nothing.
unsafe fn write_all(fd: c_int, mut bytes: &[u8]) {
    let started = Instant::now();
    while !bytes.is_empty() && started.elapsed() < Duration::from_secs(1) {
        // SAFETY: `bytes` is a live slice of that length.
        let written = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if written > 0 {
            bytes = &bytes[written as usize..];
        } else if written < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return;
        }
    }
}
