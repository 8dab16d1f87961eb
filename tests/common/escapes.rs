//! Scans what pundit wrote to a terminal for anything that content could
//! have injected: OSC/DCS strings, BEL, C1 controls, bidi and zero-width
//! format characters, and CSI sequences other than the ones pundit emits.
//!
//! Included with `#[path = "common/escapes.rs"] mod escapes;`.

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

/// Which CSI sequences are pundit's own.
#[derive(Debug, Clone, Copy)]
pub struct Allowed {
    /// Private modes (`ESC [ ? n h|l`): alternate screen, mouse, cursor.
    pub modes: bool,
    /// `ESC [ 2 J`: ratatui clears the screen after a resize.
    pub clear: bool,
}

/// Private modes pundit (through ratatui and crossterm) sets and resets:
/// cursor visibility, alternate screen, mouse reporting, bracketed paste.
const MODES: &[&str] = &[
    "?25", "?1049", "?1000", "?1002", "?1003", "?1006", "?1015", "?2004",
];

/// Code points that change layout without showing anything.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{061c}' | '\u{00ad}' | '\u{feff}')
}

/// Everything in `bytes` that pundit itself would not write, described
/// one per entry. Empty means clean.
pub fn foreign_sequences(bytes: &[u8], allowed: Allowed) -> Vec<String> {
    let mut found = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            // Pundit writes UTF-8 only; a stray byte (a raw 8-bit C1) is foreign.
            found.push(format!("not UTF-8 at byte {}", error.valid_up_to()));
            return found;
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\u{1b}' => {
                let (sequence, next) = escape_at(&chars, i);
                if !is_own_sequence(&sequence, allowed) {
                    found.push(format!("escape {sequence:?}"));
                }
                i = next;
                continue;
            }
            '\n' | '\r' => {}
            c if c.is_control() => found.push(format!("control {c:?}")),
            c if is_invisible_format(c) => found.push(format!("format character {c:?}")),
            _ => {}
        }
        i += 1;
    }
    found
}

/// The escape sequence starting at `start` (an ESC), and the index after it.
fn escape_at(chars: &[char], start: usize) -> (String, usize) {
    let mut end = start + 1;
    match chars.get(end) {
        Some('[') => {
            end += 1;
            while let Some(&c) = chars.get(end) {
                end += 1;
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(_) => end += 1,
        None => {}
    }
    (chars[start..end].iter().collect(), end)
}

fn is_own_sequence(sequence: &str, allowed: Allowed) -> bool {
    let Some(csi) = sequence.strip_prefix("\u{1b}[") else {
        return false;
    };
    let Some(last) = csi.chars().last() else {
        return false;
    };
    let params = &csi[..csi.len() - last.len_utf8()];
    let numeric = params.chars().all(|c| c.is_ascii_digit() || c == ';');
    match last {
        // Styling (SGR) and cursor moves (CUP).
        'm' | 'H' => numeric,
        'J' => allowed.clear && params == "2",
        'h' | 'l' => allowed.modes && MODES.contains(&params),
        _ => false,
    }
}

/// Headless output (stdout and stderr) is plain text: no escape sequence,
/// no control character but line feeds.
pub fn assert_plain(what: &str, bytes: &[u8]) {
    let foreign = foreign_sequences(
        bytes,
        Allowed {
            modes: false,
            clear: false,
        },
    );
    assert!(foreign.is_empty(), "{what}: {foreign:?}");
    assert!(
        !bytes.iter().any(|&b| b.is_ascii_control() && b != b'\n'),
        "{what}: a control character in {:?}",
        String::from_utf8_lossy(bytes)
    );
}

#[test]
fn the_scanner_itself_tells_own_from_foreign() {
    let own = Allowed {
        modes: true,
        clear: false,
    };
    assert!(foreign_sequences(b"\x1b[1;2H\x1b[38;5;4mhi\x1b[0m\x1b[?25l", own).is_empty());
    for bad in [
        &b"\x1b]0;t\x07"[..],
        b"\x07",
        b"\x1b[2J",
        "\u{9b}".as_bytes(),
        "\u{202e}".as_bytes(),
        b"\x9b",
        b"\x1bP",
        b"\x1b[?1004h",
    ] {
        assert!(!foreign_sequences(bad, own).is_empty(), "{bad:?}");
    }
}
