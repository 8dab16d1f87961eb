//! The cache of parsed archives: each archive's corpus and search index in
//! the flat layout of [`crate::model::flat`], in the platform's cache
//! directory (`$XDG_CACHE_HOME/pundit` on Linux), so that opening the same
//! archive again maps a file instead of parsing gigabytes.
//!
//! - An entry is named by a hash of the archive's paths, so an archive
//!   edited in place replaces its own entry rather than adding one. Its
//!   first meta line is the archive's whole identity (content fingerprint,
//!   each file's path, length and modification time): an entry whose
//!   identity differs is stale and rebuilt, silently. One that is cut
//!   short, fails a checksum or is not a cache file at all is damaged:
//!   it is removed and rebuilt, with one warning. One written by another
//!   version of the layout is rebuilt like a stale one.
//! - Writing is atomic: the file is written whole under a temporary name in
//!   the same directory, then renamed over the entry, so a reader maps the
//!   old file or the new one, never half of one; two pundits writing the
//!   same entry each rename a whole file. A temporary file left by a
//!   process that died is swept by the next write or `pundit cache clear`.
//! - The cache is bounded ([`DEFAULT_LIMIT`] in all): after each write the
//!   least recently used entries (by modification time, which a hit
//!   refreshes) are removed until the rest fit.
//! - Archives smaller than [`MIN_ARCHIVE_SIZE`], the bundled corpus and
//!   standard input are never cached: they parse in well under the time a
//!   first frame takes, and a plain run leaves no files behind.

mod bound;

use std::fs::{self, File};
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::ArchiveId;
use super::paths;
use crate::load::Warning;
use crate::model::Corpus;
use crate::model::bytes::Bytes;
use crate::model::flat::{self, AddPost, Damage, FlatFile, Verify};
use crate::search::SearchIndex;

pub use bound::Contents;

/// Archives smaller than this (all files together) are never cached.
pub const MIN_ARCHIVE_SIZE: u64 = 8 << 20;

/// The most bytes the cache directory's entries may take together.
pub const DEFAULT_LIMIT: u64 = 8 << 30;

/// How an entry's file name ends.
const EXTENSION: &str = "pundit-cache";

/// Overrides [`MIN_ARCHIVE_SIZE`] (in bytes), so that tests can cache the
/// small fixtures they compare.
pub const MIN_SIZE_VARIABLE: &str = "PUNDIT_CACHE_MIN_SIZE";

/// The cache directory and its bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
    limit: u64,
    min_size: u64,
}

impl Cache {
    /// The cache in `dir`, its entries kept under `limit` bytes.
    pub fn at(dir: impl Into<PathBuf>, limit: u64) -> Cache {
        Cache {
            dir: dir.into(),
            limit,
            min_size: MIN_ARCHIVE_SIZE,
        }
    }

    /// The same cache, for archives of `min_size` bytes and more.
    pub fn caching_from(self, min_size: u64) -> Cache {
        Cache { min_size, ..self }
    }

    /// The cache in the platform's cache directory, if there is a home.
    pub fn in_cache_dir() -> Option<Cache> {
        let cache = Cache::at(paths::cache_dir()?, DEFAULT_LIMIT);
        let min_size = std::env::var(MIN_SIZE_VARIABLE).ok();
        Some(match min_size.and_then(|size| size.parse().ok()) {
            Some(size) => cache.caching_from(size),
            None => cache,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The entry for the archive `id`; `None` for an archive that is never
    /// cached (the bundled corpus, one below [`MIN_ARCHIVE_SIZE`] or the
    /// size [`Cache::caching_from`] set).
    pub fn entry(&self, id: &ArchiveId) -> Option<Entry> {
        if id.paths.is_empty() || id.size < self.min_size {
            return None;
        }
        let identity = Identity {
            fingerprint: id.fingerprint.clone(),
            modified: id.modified.clone(),
            paths: id.paths.clone(),
        };
        let name = xxhash_rust::xxh3::xxh3_64(id.paths.join("\0").as_bytes());
        Some(Entry {
            cache: self.clone(),
            file: self.dir.join(format!("{name:016x}.{EXTENSION}")),
            identity: serde_json::to_string(&identity).expect("strings serialize"),
        })
    }

    /// Removes every entry and every temporary file, even one a live pundit
    /// is writing (its write then fails and keeps nothing); says what went.
    pub fn clear(&self) -> io::Result<Contents> {
        bound::clear(&self.dir)
    }

    /// Removes this process's temporary files: called at exit, once every
    /// write the reader waits for is done, for the entry an archive was
    /// being parsed into when the reader quit. That write is not waited
    /// for (it would be the whole parse), and exiting skips its drop.
    pub fn remove_own_temporaries(&self) {
        bound::sweep(&self.dir, bound::Sweep::Own);
    }

    /// The entries the cache holds and their bytes.
    pub fn contents(&self) -> io::Result<Contents> {
        bound::contents(&self.dir)
    }

    /// The most bytes its entries may take together.
    pub fn limit(&self) -> u64 {
        self.limit
    }
}

/// What an entry's first meta line records of its archive.
#[derive(Debug, Serialize, Deserialize)]
struct Identity {
    fingerprint: String,
    modified: String,
    paths: Vec<String>,
}

/// One archive's place in the cache.
#[derive(Debug, Clone)]
pub struct Entry {
    cache: Cache,
    file: PathBuf,
    /// The first meta line a valid entry holds.
    identity: String,
}

/// What the cache held for an archive.
#[derive(Debug)]
pub enum Lookup {
    /// A valid entry, checked as far as the `Verify` asked.
    Hit(Hit),
    /// No entry.
    Missing,
    /// An entry of the archive as it was, or of another layout version.
    Stale,
    /// An entry that cannot be trusted; it has been removed.
    Damaged(Warning),
}

/// A valid entry: the mapped file and the warnings its archive's load gave.
#[derive(Debug)]
pub struct Hit {
    pub file: FlatFile,
    pub warnings: Vec<Warning>,
    /// The entry's file as opened: the same file whatever is renamed over
    /// the entry since, for checking the rest of it later.
    pub opened: File,
}

impl Entry {
    /// The entry's file.
    pub fn file(&self) -> &Path {
        &self.file
    }

    /// Maps the entry's file and checks it: its structure, that it is this
    /// archive's as it is now, and the checksums `verify` asks for. A hit
    /// counts as a use for the bound.
    pub fn open(&self, verify: Verify) -> Lookup {
        let opened = match File::open(&self.file) {
            Ok(opened) => opened,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Lookup::Missing,
            Err(error) => return self.damaged(&format!("unreadable ({error})")),
        };
        // An entry is only ever replaced by renaming a whole new file over
        // it, never written in place: the mapped bytes stay as they are.
        let bytes = match Bytes::map(&opened) {
            Ok(bytes) => bytes,
            Err(error) => return self.damaged(&format!("unreadable ({error})")),
        };
        // The large sections are checked by reading the file, not through
        // the mapping, whose pages would stay resident.
        let through_map = match verify {
            Verify::All => Verify::UpTo(CHECKED_THROUGH_MAP),
            other => other,
        };
        let mut file = match FlatFile::open(bytes, through_map) {
            Ok(file) => file,
            Err(Damage::OtherVersion(_)) => return Lookup::Stale,
            Err(damage) => return self.damaged(&damage.to_string()),
        };
        // A stale entry is known from its small, already checked meta
        // section: the large sections of an entry about to be rebuilt
        // are not read.
        let mut lines = file.meta().into_iter();
        if lines.next().as_deref() != Some(self.identity.as_str()) {
            return Lookup::Stale;
        }
        if verify == Verify::All
            && let Err(damage) =
                file.verify_with(|offset, len| hash_by_reading(&opened, offset, len))
        {
            return self.damaged(&damage.to_string());
        }
        let warnings = lines
            .map(|line| warning_of_line(&line))
            .collect::<Option<Vec<_>>>();
        let Some(warnings) = warnings else {
            return self.damaged("damaged (its warnings do not read)");
        };
        let _ = opened.set_modified(SystemTime::now());
        Lookup::Hit(Hit {
            file,
            warnings,
            opened,
        })
    }

    /// Removes the entry, found damaged (`why`: "cut short (…)", "damaged
    /// (…)"), and says so in one line.
    pub fn damaged(&self, why: &str) -> Lookup {
        let _ = fs::remove_file(&self.file);
        Lookup::Damaged(self.damage_warning(why))
    }

    /// The warning for an entry found damaged, which is rebuilt: "cache:
    /// WHY; rebuilt from the archive: FILE", what matters first, since a
    /// status bar may show only the start.
    pub fn damage_warning(&self, why: &str) -> Warning {
        Warning {
            path: "cache".into(),
            message: crate::import::clean::clean(&format!(
                "{why}; rebuilt from the archive: {}",
                self.file.display()
            )),
        }
    }

    /// Writes `corpus` and its search index as the entry, with the
    /// warnings their load gave, then keeps the cache within its bound.
    /// Without an `index`, the index is folded as it is written, never
    /// held whole (see [`flat::write_flat_indexing`]). Returns the entry's
    /// size; 0 when it alone is over the bound and was not kept.
    pub fn write(
        &self,
        corpus: &Corpus,
        index: Option<&SearchIndex>,
        warnings: &[Warning],
    ) -> io::Result<u64> {
        let dir = &self.cache.dir;
        self.write_with(warnings, |meta, out| {
            let out = BufWriter::with_capacity(1 << 20, out);
            match index {
                Some(index) => flat::write_flat(corpus, index, meta, out)?.flush(),
                None => flat::write_flat_indexing(corpus, meta, out, dir)?.flush(),
            }
        })
    }

    /// Writes as the entry, as [`Entry::write`] does, the posts `add` gives
    /// the writer in corpus order, each written as it comes and its index
    /// folded (see [`flat::FlatWriter`]); `add` returns the corpus of the
    /// same posts, whose comments it may have let go of, for the topics,
    /// outlets and ids written last. `add` is given the cache's directory
    /// for its own unnamed temporary files, as the writer's are.
    pub fn write_posts(
        &self,
        warnings: &[Warning],
        add: impl FnOnce(&mut dyn AddPost, &Path) -> io::Result<Corpus>,
    ) -> io::Result<u64> {
        let dir = &self.cache.dir;
        self.write_with(warnings, |meta, out| {
            let out = BufWriter::with_capacity(1 << 20, out);
            let mut writer = flat::FlatWriter::new(out, dir)?;
            let corpus = add(&mut writer, dir)?;
            writer.finish(&corpus, meta)?.flush()
        })
    }

    /// Writes the entry through `fill`, given the meta lines, to a
    /// temporary file renamed over the entry once it is whole and on disk.
    /// An entry that grows past the cache's bound is given up as soon as it
    /// does (see [`Bounded`]).
    fn write_with(
        &self,
        warnings: &[Warning],
        fill: impl FnOnce(&[String], &mut Bounded) -> io::Result<()>,
    ) -> io::Result<u64> {
        let dir = &self.cache.dir;
        fs::create_dir_all(dir)?;
        let mut meta = vec![self.identity.clone()];
        meta.extend(warnings.iter().map(line_of_warning));
        // Removed on any error by its drop; a process killed while writing
        // leaves it to `bound::sweep`, which reads the pid.
        let mut temporary = bound::temporary_in(dir)?;
        let mut out = Bounded {
            file: temporary.as_file_mut(),
            at: 0,
            limit: self.cache.limit,
            over: false,
        };
        let written = fill(&meta, &mut out);
        if out.over {
            // The temporary file goes with its drop.
            return Ok(0);
        }
        written?;
        temporary.as_file().sync_all()?;
        let size = temporary.as_file().metadata()?.len();
        temporary.persist(&self.file).map_err(|error| error.error)?;
        let kept = bound::evict(dir, self.cache.limit, &self.file)?;
        Ok(if kept { size } else { 0 })
    }
}

/// An entry's temporary file, which refuses to grow past the cache's
/// bound. An entry larger than the whole cache is not kept, and keeping
/// the cache within its bound after writing it would first remove every
/// other entry: so the write stops as soon as it is known to be too large,
/// before the rest of its index is folded.
struct Bounded<'a> {
    file: &'a mut File,
    /// Where the next byte goes.
    at: u64,
    limit: u64,
    /// Set when a write would have passed the bound: the error the writer
    /// sees may come back wrapped or replaced by its callers, this does not.
    over: bool,
}

impl Write for Bounded<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.at.saturating_add(buf.len() as u64) > self.limit {
            self.over = true;
            return Err(io::Error::other(
                "the entry is larger than the cache's bound",
            ));
        }
        let written = self.file.write(buf)?;
        self.at += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Seek for Bounded<'_> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.at = self.file.seek(to)?;
        Ok(self.at)
    }
}

/// Sections up to this size are checked through the mapping; larger ones
/// by reading the file (see [`hash_by_reading`]).
const CHECKED_THROUGH_MAP: u64 = 1 << 20;

/// The xxh3 of `len` bytes of `file` from `offset`, read a piece at a time
/// rather than mapped: the pages read stay in the system's page cache, not
/// in the process's resident memory.
pub fn hash_by_reading(file: &File, offset: u64, len: u64) -> io::Result<u64> {
    use std::os::unix::fs::FileExt;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buffer = vec![0u8; 1 << 20];
    let mut done = 0;
    while done < len {
        let want = (len - done).min(buffer.len() as u64) as usize;
        let read = file.read_at(&mut buffer[..want], offset + done)?;
        if read == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        hasher.update(&buffer[..read]);
        done += read as u64;
    }
    Ok(hasher.digest())
}

/// A warning as a meta line: JSON, so that its path and message part
/// where they were joined whatever text they hold.
fn line_of_warning(warning: &Warning) -> String {
    serde_json::to_string(&(&warning.path, &warning.message)).expect("strings serialize")
}

fn warning_of_line(line: &str) -> Option<Warning> {
    let (path, message): (String, String) = serde_json::from_str(line).ok()?;
    Some(Warning { path, message })
}

/// Cache writes still running in this process: the reader waits for them
/// after restoring the terminal, so that quitting soon after a first open
/// still leaves the entry for the next.
static WRITING: Mutex<usize> = Mutex::new(0);
static WRITTEN: Condvar = Condvar::new();

/// A cache write under way in this process, from the moment the loader
/// decides to write until the write is done or given up (dropped).
#[derive(Debug)]
pub struct PendingWrite(());

impl PendingWrite {
    pub fn start() -> PendingWrite {
        *WRITING.lock().unwrap_or_else(|e| e.into_inner()) += 1;
        PendingWrite(())
    }
}

impl Drop for PendingWrite {
    fn drop(&mut self) {
        let mut writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        *writing = writing.saturating_sub(1);
        WRITTEN.notify_all();
    }
}

/// Makes the calling thread yield the processor to every other (nice 19):
/// for checking and writing the cache, which must never slow the reader.
/// Linux gives each thread its own niceness; elsewhere this does nothing.
pub fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority take and return plain integers.
    unsafe {
        let thread = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, thread as libc::id_t, 19);
    }
}

/// Whether a cache write is under way in this process.
pub fn writes_pending() -> bool {
    *WRITING.lock().unwrap_or_else(|e| e.into_inner()) > 0
}

/// Waits until no cache write is under way in this process.
pub fn wait_for_writes() {
    let mut writing = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    while *writing > 0 {
        writing = WRITTEN.wait(writing).unwrap_or_else(|e| e.into_inner());
    }
}

#[cfg(test)]
mod tests;
