//! Putting text on the clipboard: OSC 52, which the terminal carries out
//! (and which reaches the local clipboard over ssh), and, where a desktop
//! session is there, the platform's clipboard program as well, for
//! terminals that ignore OSC 52 (or tmux without `set-clipboard on`).
//!
//! A clipboard program rather than a clipboard crate: on X11 the copying
//! process must keep serving the selection, which `xclip` and `wl-copy`
//! do after pundit has moved on or exited.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// The clipboard programs to try, in order, given the environment:
/// (program, arguments).
fn programs(wayland: bool, x11: bool) -> Vec<(&'static str, &'static [&'static str])> {
    let mut programs: Vec<(&'static str, &'static [&'static str])> = Vec::new();
    if cfg!(target_os = "macos") {
        programs.push(("pbcopy", &[]));
    }
    if wayland {
        programs.push(("wl-copy", &[]));
    }
    if x11 {
        programs.push(("xclip", &["-selection", "clipboard"]));
        programs.push(("xsel", &["--clipboard", "--input"]));
    }
    programs
}

/// Hands `text` to the first clipboard program installed for this session,
/// on a thread of its own, and returns its name; `None` when there is none
/// (OSC 52 is then the only way).
pub fn copy_with_program(text: &str) -> Option<&'static str> {
    let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let (program, args) = programs(set("WAYLAND_DISPLAY"), set("DISPLAY"))
        .into_iter()
        .find(|(program, _)| installed(program))?;
    let text = text.to_string();
    thread::spawn(move || {
        let child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = child {
            if let Some(mut stdin) = child.stdin.take() {
                let _ = stdin.write_all(text.as_bytes());
            }
            let _ = child.wait();
        }
    });
    Some(program)
}

/// Whether `program` is an executable file in a directory of `$PATH`.
fn installed(program: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| {
        Path::new(&dir)
            .join(program)
            .metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
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

    #[test]
    fn clipboard_programs_follow_the_session() {
        let names = |wayland, x11| -> Vec<&str> {
            programs(wayland, x11)
                .into_iter()
                .map(|(p, _)| p)
                .filter(|&p| p != "pbcopy")
                .collect()
        };
        assert!(names(false, false).is_empty());
        assert_eq!(names(true, false), ["wl-copy"]);
        assert_eq!(names(true, true), ["wl-copy", "xclip", "xsel"]);
        assert!(installed("sh") && !installed("pundit-no-such-program"));
    }
}
