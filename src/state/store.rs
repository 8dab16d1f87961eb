//! Reading and writing the state file, `state.json` in the state directory.
//!
//! Nothing is ever lost to a crash or a second pundit: the file is written
//! whole to a temporary file beside it, flushed to disk, then renamed over
//! the old one, so it is always either the old file or the new one. Saving
//! holds an exclusive lock (`state.lock`) while it reads the file again,
//! puts this archive's record in, and writes: two pundits closing at once
//! each keep what the other saved, and the last to close wins for an
//! archive both had open. A damaged file is set aside as `state.json.bad`
//! and replaced; one written by a newer pundit is never overwritten.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use super::paths;
use super::record::{ArchiveRecord, SIZE_LIMIT, StateFile, VERSION};

/// The state directory and the files pundit keeps in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

/// The state as read at start, and what went wrong reading it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub state: StateFile,
    /// One line for the user when the file could not be used.
    pub warning: Option<String>,
    /// False when the file belongs to a newer pundit: it must not be
    /// replaced by this one's older format.
    pub writable: bool,
}

/// What the file on disk held.
enum OnDisk {
    Missing,
    Good(StateFile),
    Damaged(String),
    Newer(u32),
}

impl Store {
    /// The store in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// The store in the platform's state directory, if there is a home.
    pub fn in_state_dir() -> Option<Store> {
        paths::state_dir().map(Store::at)
    }

    pub fn file(&self) -> PathBuf {
        self.dir.join("state.json")
    }

    /// Reads the state; never fails: a file that cannot be used gives a
    /// fresh state and a warning.
    pub fn load(&self) -> Loaded {
        let file = self.file();
        match read(&file) {
            OnDisk::Missing => Loaded {
                state: StateFile::new(),
                warning: None,
                writable: true,
            },
            OnDisk::Good(state) => Loaded {
                state,
                warning: None,
                writable: true,
            },
            OnDisk::Damaged(why) => Loaded {
                state: StateFile::new(),
                warning: Some(format!(
                    "Starting afresh: the state file is damaged ({why}); it will be kept as {}",
                    self.dir.join("state.json.bad").display()
                )),
                writable: true,
            },
            OnDisk::Newer(version) => Loaded {
                state: StateFile::new(),
                warning: Some(format!(
                    "Remembering nothing this time: the state file is a newer pundit's (format {version}), left as it is: {}",
                    file.display()
                )),
                writable: false,
            },
        }
    }

    /// Puts `record` and the session's new `queries` into the state file,
    /// keeping every other archive's record as the file now has it.
    pub fn save(&self, record: ArchiveRecord, queries: &[String]) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let _lock = Lock::take(&self.dir.join("state.lock"))?;
        let file = self.file();
        let mut state = match read(&file) {
            OnDisk::Missing => StateFile::new(),
            OnDisk::Good(state) => state,
            OnDisk::Damaged(_) => {
                fs::rename(&file, self.dir.join("state.json.bad"))?;
                StateFile::new()
            }
            OnDisk::Newer(version) => {
                return Err(io::Error::other(format!(
                    "{} is written by a newer pundit (format {version})",
                    file.display()
                )));
            }
        };
        state.version = VERSION;
        state.merge(record, queries);
        let bytes = serde_json::to_vec(&state).map_err(io::Error::other)?;
        write_atomically(&file, &bytes)
    }
}

/// Reads and checks the state file.
fn read(file: &Path) -> OnDisk {
    let bytes = match File::open(file) {
        Ok(opened) => {
            // A file far past the limit is not ours to trust (or to read
            // whole into memory).
            let mut bytes = Vec::new();
            let cap = 2 * SIZE_LIMIT as u64;
            match opened.take(cap + 1).read_to_end(&mut bytes) {
                Ok(_) if bytes.len() as u64 > cap => {
                    return OnDisk::Damaged("larger than a state file can be".into());
                }
                Ok(_) => bytes,
                Err(error) => return OnDisk::Damaged(error.to_string()),
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => return OnDisk::Missing,
        Err(error) => return OnDisk::Damaged(error.to_string()),
    };
    let value: serde_json::Value = match serde_json::from_slice(&bytes) {
        Ok(value) => value,
        Err(error) => return OnDisk::Damaged(format!("not a state file ({error})")),
    };
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match version {
        Some(version) if version > u64::from(VERSION) => {
            return OnDisk::Newer(u32::try_from(version).unwrap_or(u32::MAX));
        }
        Some(_) => {}
        None => return OnDisk::Damaged("not a state file (no version)".into()),
    }
    match serde_json::from_value(value) {
        Ok(state) => OnDisk::Good(state),
        Err(error) => OnDisk::Damaged(format!("not a state file ({error})")),
    }
}

/// Writes `bytes` to a temporary file beside `file`, flushes it to disk,
/// and renames it over `file`.
fn write_atomically(file: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let temporary = dir.join(format!(".state.json.{}.tmp", std::process::id()));
    let written = (|| {
        let mut out = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temporary)?;
        out.write_all(bytes)?;
        out.sync_all()?;
        fs::rename(&temporary, file)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written?;
    // The rename itself reaches the disk with the directory.
    if let Ok(directory) = File::open(dir) {
        let _ = directory.sync_all();
    }
    Ok(())
}

/// An exclusive lock on a file, held until dropped (flock(2): released by
/// the kernel too if the process dies holding it).
struct Lock {
    _file: File,
}

impl Lock {
    fn take(path: &Path) -> io::Result<Lock> {
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        // SAFETY: flock on a descriptor this function owns, no pointers.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(Lock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store in a directory of its own, which the caller keeps alive.
    fn temp_store(name: &str) -> (tempfile::TempDir, Store) {
        let dir = tempfile::Builder::new()
            .prefix(&format!("pundit-store-{name}-"))
            .tempdir()
            .expect("a temporary directory");
        let store = Store::at(dir.path().join("state"));
        (dir, store)
    }

    fn record(fingerprint: &str, last_used: u64) -> ArchiveRecord {
        ArchiveRecord {
            fingerprint: fingerprint.into(),
            last_used,
            read: vec!["a-post".into()],
            ..ArchiveRecord::default()
        }
    }

    #[test]
    fn what_is_saved_loads_back() {
        let (_dir, store) = temp_store("roundtrip");
        let loaded = store.load();
        assert!(loaded.warning.is_none() && loaded.writable);
        store.save(record("aaaa", 1), &["budget".into()]).unwrap();
        store.save(record("bbbb", 2), &[]).unwrap();
        let loaded = store.load();
        assert!(loaded.warning.is_none());
        assert_eq!(loaded.state.archives.len(), 2);
        assert_eq!(loaded.state.history, ["budget"]);
        // Nothing is left behind but the file and its lock.
        let mut names: Vec<String> = fs::read_dir(&store.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["state.json", "state.lock"]);
    }

    #[test]
    fn a_damaged_file_warns_starts_afresh_and_is_set_aside() {
        for damage in [
            &b"{\"version\": 1, \"archives\": [{\"finger"[..],
            b"\x00\xff",
            b"[]",
            b"{}",
        ] {
            let (_dir, store) = temp_store("damaged");
            fs::create_dir_all(&store.dir).unwrap();
            fs::write(store.file(), damage).unwrap();
            let loaded = store.load();
            let warning = loaded.warning.expect("a warning");
            assert!(warning.starts_with("Starting afresh: "), "{warning}");
            assert!(loaded.writable && loaded.state.archives.is_empty());
            store.save(record("aaaa", 1), &[]).unwrap();
            assert_eq!(fs::read(store.dir.join("state.json.bad")).unwrap(), damage);
            assert!(store.load().warning.is_none());
        }
    }

    #[test]
    fn a_newer_file_is_never_overwritten() {
        let (_dir, store) = temp_store("newer");
        fs::create_dir_all(&store.dir).unwrap();
        let newer = br#"{"version": 99, "archives": "something else"}"#;
        fs::write(store.file(), newer).unwrap();
        let loaded = store.load();
        assert!(loaded.warning.unwrap().contains("newer pundit"));
        assert!(!loaded.writable);
        assert!(store.save(record("aaaa", 1), &[]).is_err());
        assert_eq!(fs::read(store.file()).unwrap(), newer);
    }

    #[test]
    fn processes_saving_at_once_keep_every_archive() {
        let (_dir, store) = temp_store("concurrent");
        let threads: Vec<_> = (0..8)
            .map(|n| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for round in 0..10 {
                        store
                            .save(record(&format!("{n}"), round), &[format!("q{n}")])
                            .unwrap();
                    }
                })
            })
            .collect();
        for thread in threads {
            thread.join().unwrap();
        }
        let loaded = store.load();
        assert!(loaded.warning.is_none());
        assert_eq!(loaded.state.archives.len(), 8);
        assert_eq!(loaded.state.history.len(), 8);
    }
}
