//! The cache or the parser: an archive opens from its cache entry when a
//! valid one holds it (see [`crate::state::cache`]), else it is parsed and
//! the entry to write is handed back, for the caller to write once the
//! user has what they asked for (the reader's first frame, a command's
//! output).

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{LoadError, Warning, load_paths_with_progress, walk};
use crate::import::text::{self, paragraphs::Paragraph};
use crate::model::flat::{AddPost, FlatFile, Verify};
use crate::model::{Corpus, Post, UniqueIds};
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

impl ToParse {
    /// Parses the archive `paths` names straight into its cache entry, when
    /// it is one file of plain text to be cached (see
    /// [`super::plain_text_paragraphs`]): its posts are written a batch at
    /// a time as they are built, their index folded as they go, and only
    /// what the topic tree is derived from (each post less its comments)
    /// is kept until the end. The parsed posts are never all held beside
    /// the entry being written, as they are when a parsed corpus is cached.
    ///
    /// Returns the archive as the entry holds it, mapped, with its index
    /// (sections checked as `verify` says); `Err(self)` for an archive
    /// to be parsed whole instead. Should the entry not be written (a full
    /// disk, an entry over the cache's bound) or not read back, the archive
    /// is parsed again, whole, and not cached.
    ///
    /// No write is pending while this runs (see [`PendingWrite`]): a reader
    /// quit while the archive loads writes nothing, as before, and removes
    /// the temporary file as it exits (see [`Cache::remove_own_temporaries`]).
    pub fn parse_into_entry(
        self: Box<Self>,
        paths: &[PathBuf],
        verify: Verify,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<Result<Opened, LoadError>, Box<ToParse>> {
        let Some(entry) = self.entry.clone() else {
            return Err(self);
        };
        let super::PlainText {
            paragraphs,
            warnings: load_warnings,
        } = match super::plain_text_paragraphs(paths, progress) {
            Ok(Some(read)) => read,
            Ok(None) => return Err(self),
            Err(error) => return Ok(Err(error)),
        };
        // What reading freed (the pieces read, their splits, the list as
        // it grew) goes back before the title pass allocates beside every
        // paragraph: the highest point of the open.
        super::give_back_freed_memory();
        let warnings: Vec<Warning> = (self.damage.iter().cloned())
            .chain(load_warnings.iter().cloned())
            .collect();
        // Set only when every post was built and none was found: a write
        // that failed before or while posts were added says nothing of
        // the archive, which is then parsed whole.
        let mut found_no_posts = false;
        let written = entry.write_posts(&load_warnings, |writer, spool_dir| {
            let kept = write_posts_of(paragraphs, writer, spool_dir)?;
            if kept.is_empty() {
                found_no_posts = true;
                return Err(io::Error::other("no posts"));
            }
            Ok(Corpus::new(kept, None))
        });
        if found_no_posts {
            let path = paths
                .first()
                .map_or_else(String::new, |p| super::name_of(p));
            return Ok(Err(LoadError::NoPosts { path }));
        }
        if let Ok(1..) = written
            && let Lookup::Hit(hit) = entry.open(verify)
        {
            let (_, corpus, index) = mapped(hit.file);
            return Ok(Ok(Opened {
                corpus,
                index: Some(index),
                warnings,
                origin: Origin::Parsed(None),
            }));
        }
        Ok(
            load_paths_with_progress(paths, progress).map(|loaded| Opened {
                corpus: loaded.corpus,
                index: None,
                warnings: (self.damage.into_iter()).chain(loaded.warnings).collect(),
                origin: Origin::Parsed(None),
            }),
        )
    }
}

/// Builds the posts of `paragraphs` and writes each to `writer` as it
/// comes, in corpus order, with the id the whole corpus would give it;
/// returns the posts less their comments, which the topics, outlets and
/// ids written last do not read. What is kept of them waits in an unnamed
/// temporary file in `spool_dir` (see [`KeptPosts`]).
fn write_posts_of(
    paragraphs: Vec<Paragraph>,
    writer: &mut dyn AddPost,
    spool_dir: &Path,
) -> io::Result<Vec<Post>> {
    let mut kept = KeptPosts::new(spool_dir)?;
    let mut ids = UniqueIds::default();
    let mut failed = None;
    text::posts_in_batches(paragraphs, &mut |mut batch| {
        for post in &mut batch {
            ids.make_unique(post);
            if let Err(error) = writer.add_post(post) {
                failed = Some(error);
                return ControlFlow::Break(());
            }
            post.comments = Vec::new();
        }
        if let Err(error) = kept.add(&batch) {
            failed = Some(error);
            return ControlFlow::Break(());
        }
        drop(batch);
        // What the batch freed is of sizes little that follows reuses.
        super::give_back_freed_memory();
        ControlFlow::Continue(())
    });
    if let Some(error) = failed {
        return Err(error);
    }
    kept.read_back()
}

/// The posts kept for the end of a parse into the cache, a batch at a
/// time, as native JSON in an unnamed temporary file, read back once every
/// batch is written.
///
/// Not in memory: held there, they grew with every batch while the
/// archive's paragraphs were still held, and each batch's buffer, grown by
/// doubling, was copied at the first batch, beside every paragraph of the
/// archive: the highest point of a gigabyte's first open, 75 MB above the
/// posts being written. Not as the posts themselves either: a post's
/// strings were allocated amid its comments' and its furniture's, a few to
/// a page of the allocator's, and held as they are, the strings kept (a
/// quarter of them, the posts' text) would keep nearly every page of the
/// archive's text in memory after the rest is freed (measured: about 2.7
/// times the text kept). Read back at the end, they are allocated anew
/// together.
struct KeptPosts {
    file: BufWriter<File>,
    /// Where each batch ends in the file.
    ends: Vec<u64>,
}

/// Bytes of kept posts held in memory before they go to the file.
const KEPT_BUFFER: usize = 1 << 16;

impl KeptPosts {
    fn new(spool_dir: &Path) -> io::Result<KeptPosts> {
        Ok(KeptPosts {
            file: BufWriter::with_capacity(KEPT_BUFFER, tempfile::tempfile_in(spool_dir)?),
            ends: Vec::new(),
        })
    }

    fn add(&mut self, batch: &[Post]) -> io::Result<()> {
        serde_json::to_writer(&mut self.file, batch)?;
        self.ends.push(self.file.stream_position()?);
        Ok(())
    }

    /// Every post added, in order.
    fn read_back(self) -> io::Result<Vec<Post>> {
        let mut file = self
            .file
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.seek(SeekFrom::Start(0))?;
        let mut posts = Vec::new();
        let mut start = 0;
        for end in self.ends {
            // One batch at a time, read whole: parsing from the file
            // through a reader is slower by half.
            let mut batch = vec![0; usize::try_from(end - start).map_err(io::Error::other)?];
            file.read_exact(&mut batch)?;
            posts.extend(serde_json::from_slice::<Vec<Post>>(&batch).map_err(io::Error::other)?);
            start = end;
        }
        Ok(posts)
    }

    /// The bytes of kept posts in memory, not yet in the file.
    #[cfg(test)]
    fn in_memory(&self) -> usize {
        self.file.buffer().len()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bundled;

    #[test]
    fn kept_posts_wait_in_their_file_and_read_back_in_order() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        // Batches of the bundled posts, more of them than one buffer holds.
        let batch = load_bundled().into_posts();
        let batches = vec![batch; 8];
        let mut kept = KeptPosts::new(dir.path()).expect("a temporary file");
        for batch in &batches {
            kept.add(batch).expect("written");
            // What is kept is in its file, bar one buffer: not a copy of
            // every post kept so far.
            assert!(kept.in_memory() <= KEPT_BUFFER);
        }
        let written = *kept.ends.last().expect("a batch written");
        assert!(written > 4 * KEPT_BUFFER as u64, "{written} bytes kept");
        assert_eq!(kept.read_back().expect("read back"), batches.concat());
    }
}
