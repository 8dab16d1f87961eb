//! The real `pundit` binary in a pseudo-terminal: start it with arguments,
//! send keys and resizes, wait for screen conditions with a deadline, and
//! keep every raw byte it wrote for assertions on escape sequences.
//!
//! Included with `#[path = "common/pty.rs"] mod pty;`. `PUNDIT_E2E_TIMEOUT`
//! (seconds) lengthens the deadline on slow machines.

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

use std::fs;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any wait may take before the test fails.
pub fn timeout() -> Duration {
    let seconds = std::env::var("PUNDIT_E2E_TIMEOUT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(seconds)
}

fn size(columns: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols: columns,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// A running `pundit` in a pseudo-terminal.
pub struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    reader: Option<JoinHandle<()>>,
    /// The private state and config directories, removed with the session.
    home: Option<tempfile::TempDir>,
}

impl Session {
    /// Starts `pundit args…` on a terminal of `columns` × `rows`, with
    /// extra environment variables `env`.
    pub fn start(args: &[&str], env: &[(&str, &str)], columns: u16, rows: u16) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_pundit"), args, env, columns, rows)
    }

    /// Starts `program args…` (a shell that runs pundit in a pipeline, say)
    /// on a terminal of `columns` × `rows`. Unless `env` names them,
    /// `XDG_STATE_HOME`, `XDG_CONFIG_HOME` and `XDG_CACHE_HOME` point into
    /// a directory of the session's own: no test reads or writes the user's.
    pub fn start_program(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        columns: u16,
        rows: u16,
    ) -> Session {
        let home = private_dirs();
        let mut with_dirs = vec![
            ("XDG_STATE_HOME", home.path().join("state")),
            ("XDG_CONFIG_HOME", home.path().join("config")),
            ("XDG_CACHE_HOME", home.path().join("cache")),
        ];
        with_dirs.retain(|(name, _)| !env.iter().any(|(given, _)| given == name));
        let owned: Vec<(&str, String)> = with_dirs
            .iter()
            .map(|(name, path)| (*name, path.display().to_string()))
            .collect();
        let mut env: Vec<(&str, &str)> = env.to_vec();
        env.extend(owned.iter().map(|(name, value)| (*name, value.as_str())));
        let mut session = Session::start_exactly(program, args, &env, columns, rows);
        session.home = Some(home);
        session
    }

    /// Starts `program args…` with exactly the environment `env` adds to
    /// this process's.
    fn start_exactly(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        columns: u16,
        rows: u16,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(size(columns, rows))
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pty.slave.spawn_command(command).expect("start pundit");
        // Only the child may hold the slave side, so that reading sees the
        // end of output when the child exits.
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, columns, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let (parser_in, raw_in) = (Arc::clone(&parser), Arc::clone(&raw));
        let reader = thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            let mut pending = Vec::new();
            while let Ok(read) = reader.read(&mut chunk) {
                if read == 0 {
                    break;
                }
                raw_in
                    .lock()
                    .expect("raw")
                    .extend_from_slice(&chunk[..read]);
                pending.extend_from_slice(&chunk[..read]);
                let screen_bytes = placeholders_shown(&mut pending);
                parser_in.lock().expect("parser").process(&screen_bytes);
            }
        });
        let writer = pty.master.take_writer().expect("pty writer");
        Session {
            parser,
            raw,
            writer,
            child,
            master: pty.master,
            reader: Some(reader),
            home: None,
        }
    }

    /// The screen as the emulator shows it now.
    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Runs `look` on the emulator's screen state.
    pub fn with_screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> T {
        look(self.parser.lock().expect("parser").screen())
    }

    /// Waits until `condition` holds for the screen text; fails with the
    /// screen when the deadline passes.
    pub fn wait_for(&self, what: &str, condition: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + timeout();
        loop {
            let screen = self.screen();
            if condition(&screen) {
                return;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?}"), |screen| screen.contains(text));
    }

    /// Waits until the status bar, the screen's last line, holds `text`.
    pub fn wait_for_status(&self, text: &str) {
        self.wait_for(&format!("{text:?} in the status bar"), |screen| {
            status_line(screen).contains(text)
        });
    }

    /// Waits until pundit has written nothing for a moment: it has caught
    /// up with the keys and resizes sent so far.
    pub fn wait_until_quiet(&self) {
        let quiet = Duration::from_millis(400);
        let deadline = Instant::now() + timeout();
        let mut seen = self.raw.lock().expect("raw").len();
        let mut since = Instant::now();
        loop {
            thread::sleep(Duration::from_millis(20));
            let now = self.raw.lock().expect("raw").len();
            if now != seen {
                seen = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return;
            }
            if Instant::now() > deadline {
                panic!("pundit kept writing; the screen was:\n{}", self.screen());
            }
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("send keys");
        self.writer.flush().expect("send keys");
    }

    /// Resizes the terminal; the kernel sends the child SIGWINCH.
    pub fn resize(&mut self, columns: u16, rows: u16) {
        // The screen takes the new size before pundit can learn it: a frame
        // drawn for the new size, read into the old screen, would be cut to
        // it and then lost to a blank resized screen.
        let mut parser = self.parser.lock().expect("parser");
        // vt100 0.16 underflows when a line wraps on a one-row screen or a
        // wide character meets a one-column one (pundit may still be drawing
        // the frame of the size before): keep its screen at least 2×2.
        parser.screen_mut().set_size(rows.max(2), columns.max(2));
        self.master
            .resize(size(columns, rows))
            .expect("resize the pseudo-terminal");
    }

    /// pundit's resident memory of its own, in bytes: `RssAnon` in
    /// `/proc/PID/status` (Linux), leaving out the pages of mapped files.
    pub fn anonymous_memory(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("RssAnon:"))?;
        let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kilobytes * 1024)
    }

    /// Whether pundit has the file named `name` mapped into its memory
    /// (`/proc/PID/maps`, Linux).
    pub fn maps_file_named(&self, name: &std::ffi::OsStr) -> bool {
        let Some(pid) = self.child.process_id() else {
            return false;
        };
        let maps = std::fs::read_to_string(format!("/proc/{pid}/maps")).unwrap_or_default();
        let name = name.to_string_lossy();
        maps.lines()
            .any(|line| line.rsplit('/').next() == Some(&*name))
    }

    /// Sends a signal by name (`TERM`, `HUP`) to pundit.
    pub fn signal(&mut self, name: &str) {
        let pid = self.child.process_id().expect("pundit's pid");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} {pid} failed");
    }

    /// Waits for pundit to exit and its output to be read to the end;
    /// returns its exit status.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + timeout();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("pundit did not exit; the screen was:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        };
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        status.exit_code()
    }

    /// Asserts the terminal is back in cooked mode: the line discipline
    /// echoes and edits lines again (where the platform reports it).
    pub fn assert_cooked_mode(&self) {
        if let Some(termios) = self.master.get_termios() {
            let flags = format!("{termios:?}");
            let local = flags.split("local_flags").nth(1).unwrap_or_default();
            let local = local.split(')').next().unwrap_or_default();
            assert!(
                local.contains("ICANON") && local.contains("ECHO "),
                "{flags}"
            );
        }
    }

    /// Every byte pundit wrote so far.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().expect("raw").clone()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.reader.is_some() {
            let _ = self.child.kill();
        }
    }
}

/// A directory of its own for one session's state and config, so that no
/// test reads or writes the user's: pundit remembers where it was left.
/// It is removed when dropped.
pub fn private_dirs() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("pundit-e2e-")
        .tempdir()
        .expect("a private directory")
}

/// The status bar: the screen's last line.
pub fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

/// A directory of the test's own standing for the user's home: pundit's
/// state, config and cache go under it, and the archives a test copies.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: private_dirs(),
        }
    }

    pub fn cache_dir(&self) -> PathBuf {
        self.dir.path().join("cache/pundit")
    }

    pub fn state_file(&self) -> PathBuf {
        self.dir.path().join("state/pundit/state.json")
    }

    /// The cache's entries.
    pub fn cache_entries(&self) -> Vec<PathBuf> {
        fs::read_dir(self.cache_dir())
            .map(|read| read.map(|e| e.expect("a cache entry").path()).collect())
            .unwrap_or_default()
    }

    /// A copy of `from` in this home, named `name`.
    pub fn copy(&self, from: &str, name: &str) -> PathBuf {
        let to = self.dir.path().join(name);
        fs::copy(from, &to).expect("copy the archive");
        to
    }

    /// `pundit args…` at 120×40 with this home's state, config and cache.
    pub fn start(&self, args: &[&str]) -> Session {
        let path = |name: &str| self.dir.path().join(name).display().to_string();
        let (state, config, cache) = (path("state"), path("config"), path("cache"));
        Session::start(
            args,
            &[
                ("XDG_STATE_HOME", &state),
                ("XDG_CONFIG_HOME", &config),
                ("XDG_CACHE_HOME", &cache),
            ],
            120,
            40,
        )
    }
}

/// What the emulator's screen shows for pundit's placeholder U+FFFD. vt100
/// drops U+FFFD (it stands for bytes it could not decode), where real
/// terminals draw it one column wide; without this, every line holding one
/// would be misaligned on the emulated screen only.
pub const SHOWN_PLACEHOLDER: char = '¤';

/// Takes the complete part of `pending` with U+FFFD replaced by
/// [`SHOWN_PLACEHOLDER`]; keeps a trailing partial U+FFFD for the next read.
fn placeholders_shown(pending: &mut Vec<u8>) -> Vec<u8> {
    const FFFD: &[u8] = "\u{FFFD}".as_bytes();
    let keep = (1..FFFD.len())
        .rev()
        .find(|&n| pending.ends_with(&FFFD[..n]))
        .unwrap_or(0);
    let complete: Vec<u8> = pending.drain(..pending.len() - keep).collect();
    let mut out = Vec::with_capacity(complete.len());
    let mut rest = &complete[..];
    while let Some(at) = rest.windows(FFFD.len()).position(|w| w == FFFD) {
        out.extend_from_slice(&rest[..at]);
        let mut shown = [0u8; 4];
        out.extend_from_slice(SHOWN_PLACEHOLDER.encode_utf8(&mut shown).as_bytes());
        rest = &rest[at + FFFD.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// Where `needle` last occurs in `haystack`.
pub fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
