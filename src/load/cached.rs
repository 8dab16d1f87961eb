//! The cache or the parser: an archive opens from its cache entry when a
//! valid one holds it (see [`crate::state::cache`]), else it is parsed and
//! the entry to write is handed back, for the caller to write once the
//! user has what they asked for (the reader's first frame, a command's
//! output).

use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use super::{LoadError, Warning, load_paths_with_progress, walk};
use crate::model::Corpus;
use crate::model::flat::{FlatFile, Verify};
use crate::search::SearchIndex;
use crate::state::ArchiveId;
use crate::state::cache::{Cache, Entry, Lookup, PendingWrite, hash_by_reading};

/// An archive, opened.
pub struct Opened {
    pub corpus: Corpus,
    /// The search index, when the cache held it.
    pub index: Option<SearchIndex>,
    pub warnings: Vec<Warning>,
    pub origin: Origin,
}

/// Where an opened archive came from.
pub enum Origin {
    /// A cache entry; what `Verify` left unchecked is checked by
    /// [`FromCache::check_the_rest`].
    Cache(FromCache),
    /// The archive itself, parsed; with the entry to write, if it is to be
    /// cached.
    Parsed(Option<ToWrite>),
}

/// A cache entry to write for an archive just parsed. While one exists, a
/// write is pending: the reader waits for it before exiting.
pub struct ToWrite {
    pub entry: Entry,
    /// The load's own warnings, which a later open repeats.
    warnings: Vec<Warning>,
    _pending: PendingWrite,
}

impl ToWrite {
    /// Writes the entry of `corpus`, with its search `index` (folded as it
    /// is written when not given). Returns the entry's size, 0 if it was
    /// too large to keep.
    pub fn write(self, corpus: &Corpus, index: Option<&SearchIndex>) -> io::Result<u64> {
        self.entry.write(corpus, index, &self.warnings)
    }
}

/// A cache entry an archive was opened from.
pub struct FromCache {
    pub entry: Entry,
    file: Arc<FlatFile>,
    opened: File,
}

impl FromCache {
    /// Checks every section not checked on opening against its checksum;
    /// a damaged entry is removed, and the warning says it is rebuilt.
    ///
    /// The check reads the file rather than its mapping: the pages it reads
    /// are not left in the reader's resident memory, which holds only what
    /// the reader touched.
    pub fn check_the_rest(&self) -> Option<Warning> {
        let mut file = FlatFile::clone(&self.file);
        let damage = file
            .verify_with(|offset, len| hash_by_reading(&self.opened, offset, len))
            .err()?;
        match self.entry.damaged(&damage.to_string()) {
            Lookup::Damaged(warning) => Some(warning),
            _ => None,
        }
    }
}

impl FromCache {
    /// Parses the archive `paths` name again and writes its entry afresh,
    /// in place of this one, found damaged.
    pub fn rebuild(self, paths: &[PathBuf]) -> io::Result<u64> {
        let _pending = PendingWrite::start();
        let loaded = load_paths_with_progress(paths, &mut |_, _| {}).map_err(io::Error::other)?;
        self.entry.write(&loaded.corpus, None, &loaded.warnings)
    }
}

/// Opens the archive `paths` name: from `cache` when it holds a valid
/// entry (checked as `verify` says), else by parsing (see
/// [`load_paths_with_progress`]). Without a cache (`--no-cache`), or for an
/// archive that is never cached, this is parsing.
pub fn open_archive(
    paths: &[PathBuf],
    cache: Option<&Cache>,
    verify: Verify,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Opened, LoadError> {
    let id = cache.and_then(|_| ArchiveId::of(paths).ok());
    match from_cache(paths, id.as_ref(), cache, verify) {
        Ok(opened) => Ok(opened),
        Err(to_parse) => {
            let loaded = load_paths_with_progress(paths, progress)?;
            let (warnings, to_write) = to_parse.parsed(&loaded.warnings);
            Ok(Opened {
                corpus: loaded.corpus,
                index: None,
                warnings,
                origin: Origin::Parsed(to_write),
            })
        }
    }
}

/// The archive `paths` name (`id`, its identity, when its files could be
/// read) as its valid cache entry holds it, checked as `verify` says; else
/// what parsing it must know of the cache.
pub fn from_cache(
    paths: &[PathBuf],
    id: Option<&ArchiveId>,
    cache: Option<&Cache>,
    verify: Verify,
) -> Result<Opened, Box<ToParse>> {
    let entry = cache
        .zip(id)
        .and_then(|(cache, id)| entry_for(cache, paths, id));
    let mut damage = None;
    if let Some(entry) = &entry {
        match entry.open(verify) {
            Lookup::Hit(hit) => {
                let (file, corpus, index) = mapped(hit.file);
                return Ok(Opened {
                    corpus,
                    index: Some(index),
                    warnings: hit.warnings,
                    origin: Origin::Cache(FromCache {
                        entry: entry.clone(),
                        file,
                        opened: hit.opened,
                    }),
                });
            }
            Lookup::Damaged(warning) => damage = Some(warning),
            Lookup::Missing | Lookup::Stale => {}
        }
    }
    Err(Box::new(ToParse { entry, damage }))
}

/// The corpus and search index a cache entry's flat file holds, read where
/// they lie, and the file they share.
pub fn mapped(file: FlatFile) -> (Arc<FlatFile>, Corpus, SearchIndex) {
    let file = Arc::new(file);
    let corpus = Corpus::from_flat(Arc::clone(&file));
    let index = SearchIndex::from_flat(&file);
    (file, corpus, index)
}

/// An archive the cache did not hold: the entry to write once it is
/// parsed, and the warning if the entry there was damaged.
pub struct ToParse {
    entry: Option<Entry>,
    damage: Option<Warning>,
}

impl ToParse {
    /// Given the warnings the parse gave: every warning to show (the
    /// cache's first), and the entry to write, if the archive is cached.
    pub fn parsed(self, load_warnings: &[Warning]) -> (Vec<Warning>, Option<ToWrite>) {
        let warnings = self
            .damage
            .into_iter()
            .chain(load_warnings.iter().cloned())
            .collect();
        // The entry records the load's own warnings, not the cache's.
        let to_write = self.entry.map(|entry| ToWrite {
            entry,
            warnings: load_warnings.to_vec(),
            _pending: PendingWrite::start(),
        });
        (warnings, to_write)
    }
}

/// The cache entry of the archive `paths` name, if it is one to cache: not
/// the bundled corpus, not standard input, not one below the size cached.
fn entry_for(cache: &Cache, paths: &[PathBuf], id: &ArchiveId) -> Option<Entry> {
    if paths.is_empty() || paths.iter().any(|path| walk::is_stdin(path)) {
        return None;
    }
    cache.entry(id)
}
