//! Keeping the cache directory within its bound, sweeping what dead
//! processes left, and clearing it.

use std::fs::{self, DirEntry};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use tempfile::NamedTempFile;

use super::EXTENSION;

/// How a temporary file's name ends; it starts with `.` and the pid of the
/// process writing it.
const TEMPORARY: &str = ".tmp";

/// Entries and the bytes they take: what the cache holds, or what
/// `pundit cache clear` removed (temporary files' bytes included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Contents {
    pub entries: usize,
    pub bytes: u64,
}

/// A new temporary file in `dir`, named `.<pid>.<random>.tmp` so that a
/// later sweep knows whose it is.
pub(super) fn temporary_in(dir: &Path) -> io::Result<NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&format!(".{}.", std::process::id()))
        .suffix(TEMPORARY)
        .tempfile_in(dir)
}

/// One file of the cache directory, as the bound sees it.
struct Found {
    path: PathBuf,
    len: u64,
    used: SystemTime,
}

/// The entries in `dir`, least recently used first.
fn entries(dir: &Path) -> io::Result<Vec<Found>> {
    let mut found: Vec<Found> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter(is_entry)
        .filter_map(|entry| {
            let metadata = entry.metadata().ok()?;
            Some(Found {
                path: entry.path(),
                len: metadata.len(),
                used: metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH),
            })
        })
        .collect();
    found.sort_by_key(|f| f.used);
    Ok(found)
}

fn is_entry(entry: &DirEntry) -> bool {
    let name = entry.file_name();
    let name = name.to_string_lossy();
    !name.starts_with('.') && name.ends_with(&format!(".{EXTENSION}"))
}

/// The pid a temporary file's name gives, if it is one of ours.
fn writer_of(name: &str) -> Option<i32> {
    let rest = name.strip_prefix('.')?.strip_suffix(TEMPORARY)?;
    // Unsigned and above 0: `kill` reads 0 and negative numbers as process
    // groups, which would keep a dead writer's file as a live one's.
    let pid: u32 = rest.split('.').next()?.parse().ok()?;
    i32::try_from(pid).ok().filter(|&pid| pid > 0)
}

/// Whether the process `pid` is alive.
fn is_alive(pid: i32) -> bool {
    // SAFETY: signal 0 sends nothing; it only checks that the process exists.
    let sent = unsafe { libc::kill(pid, 0) };
    sent == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

/// Which temporary files a sweep removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sweep {
    /// Those whose writer is gone: it was killed before it could rename or
    /// remove them.
    Abandoned,
    /// This process's own: at its exit, those of writes it gave up
    /// without their drop running.
    Own,
    /// Every one, whoever writes it.
    Every,
}

/// Removes the temporary files in `dir` that `which` names. Returns the
/// bytes removed.
pub(super) fn sweep(dir: &Path, which: Sweep) -> u64 {
    let Ok(read) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in read.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(pid) = writer_of(&name.to_string_lossy()) else {
            continue;
        };
        let remove = match which {
            Sweep::Abandoned => !is_alive(pid),
            Sweep::Own => u32::try_from(pid) == Ok(std::process::id()),
            Sweep::Every => true,
        };
        if remove {
            let len = entry.metadata().map_or(0, |m| m.len());
            if fs::remove_file(entry.path()).is_ok() {
                removed += len;
            }
        }
    }
    removed
}

/// Removes the least recently used entries of `dir` until those left take
/// at most `limit` bytes, `newest` (just written) last of all; says whether
/// `newest` is kept. Entries another pundit removes meanwhile are skipped.
pub(super) fn evict(dir: &Path, limit: u64, newest: &Path) -> io::Result<bool> {
    sweep(dir, Sweep::Abandoned);
    let mut found = entries(dir)?;
    // The one just written goes last, whatever the clock says.
    if let Some(at) = found.iter().position(|f| f.path == newest) {
        let newest = found.remove(at);
        found.push(newest);
    }
    let mut total: u64 = found.iter().map(|f| f.len).sum();
    for old in &found {
        if total <= limit {
            break;
        }
        match fs::remove_file(&old.path) {
            Ok(()) => total -= old.len,
            Err(error) if error.kind() == io::ErrorKind::NotFound => total -= old.len,
            Err(error) => return Err(error),
        }
    }
    Ok(newest.exists())
}

/// What `dir` holds: its entries and their bytes.
pub(super) fn contents(dir: &Path) -> io::Result<Contents> {
    match entries(dir) {
        Ok(found) => Ok(Contents {
            entries: found.len(),
            bytes: found.iter().map(|f| f.len).sum(),
        }),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Contents::default()),
        Err(error) => Err(error),
    }
}

/// Removes every entry of `dir` and every temporary file in it.
pub(super) fn clear(dir: &Path) -> io::Result<Contents> {
    let mut cleared = Contents::default();
    let found = match entries(dir) {
        Ok(found) => found,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(cleared),
        Err(error) => return Err(error),
    };
    for entry in found {
        match fs::remove_file(&entry.path) {
            Ok(()) => {
                cleared.entries += 1;
                cleared.bytes += entry.len;
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err(error),
        }
    }
    cleared.bytes += sweep(dir, Sweep::Every);
    Ok(cleared)
}

#[cfg(test)]
mod tests {
    use super::writer_of;

    #[test]
    fn a_temporary_file_names_its_writer_by_a_positive_pid() {
        assert_eq!(writer_of(".4242.a1b2c3.tmp"), Some(4242));
        // kill(0) and kill(-n) signal process groups, never one writer.
        assert_eq!(writer_of(".0.a1b2c3.tmp"), None);
        assert_eq!(writer_of(".-7.a1b2c3.tmp"), None);
        assert_eq!(writer_of(".99999999999.a1b2c3.tmp"), None);
        assert_eq!(writer_of("4242.a1b2c3.tmp"), None);
    }
}
