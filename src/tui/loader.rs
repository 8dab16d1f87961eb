//! The loader's threads: what pundit remembers of the archive, previews of
//! its first bytes for the reader to open on at once, then the whole
//! archive and its search index, each sent to the event loop as it is
//! ready.
//!
//! **Previews.** The first preview (the first [`FIRST_PREVIEW`] bytes, see
//! [`preview`] for where they are cut and which formats can be) is parsed
//! on the loader's thread before the load proper: a few milliseconds, and
//! what reaches the screen first. Larger previews (each eight times the
//! last, all of them within a tenth of the archive, see
//! [`preview::budgets`]) follow on a thread of their own so that the tree
//! fills in, and stop once the whole archive is parsed; they are never on
//! the load's path, which only shares the cores with them. Each preview
//! comes with its own search index, so search works on what is loaded.
//!
//! When a preview was sent, the whole archive is sent with its index built,
//! so that the reader moves onto it in one step, its search run again at
//! once; without one, the reader opens on the whole archive as soon as it
//! is parsed and its index follows.
//!
//! **The cache.** An archive its cache holds is sent whole at once, with
//! its index, and no preview; the rest of the entry is checked afterwards.
//! An archive parsed is cached afterwards. Both happen at the lowest
//! priority, after everything the reader waits for (see
//! [`crate::state::cache`]).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::remember::Remembered;
use super::tree::Tree;
use super::view::loading::Progress;
use crate::load::cached::{self, FromCache, Opened, Origin, ToWrite};
use crate::load::preview::{self, Preview};
use crate::load::{LoadError, Warning, load_paths_with_progress};
use crate::model::Corpus;
use crate::model::flat::Verify;
use crate::search::SearchIndex;
use crate::state::ArchiveId;
use crate::state::cache::{self as cache_dir, Cache};

/// The bytes the first preview reads: enough for a screenful of posts,
/// parsed and indexed in a few milliseconds.
pub const FIRST_PREVIEW: u64 = 512 << 10;

/// What the loader reports, in this order: `Remembered`, then `Progress`
/// and `Preview`s mixed, then `Done`, then `Indexed` if `Done` had no
/// index; from the cache, `Remembered`, `Done` and `CacheChecked`.
pub enum Loading {
    /// What pundit remembers of the archive (read first, so that it applies
    /// to the first preview).
    Remembered(Box<Remembered>),
    Progress(Progress),
    /// A preview of the archive's first bytes, while the rest loads.
    Preview(Box<Stage>),
    /// The whole archive.
    Done(Result<Box<Whole>, LoadError>),
    /// The search index, built on the loader's thread after `Done` so that
    /// neither the first frame nor the UI thread waits for it.
    Indexed(Arc<SearchIndex>),
    /// After a `Done` from the cache, the last report: the rest of the
    /// entry was checked, and the warning if it was damaged (it is being
    /// rebuilt).
    CacheChecked(Option<Warning>),
}

/// Cache sections up to this size are checked before the first frame;
/// the larger ones after it.
const VERIFIED_AT_OPEN: u64 = 4 << 20;

/// The whole archive, its tree, and its index when a preview was sent.
pub struct Whole {
    pub corpus: Arc<Corpus>,
    pub tree: Tree,
    pub warnings: Vec<Warning>,
    pub index: Option<Arc<SearchIndex>>,
    /// Read from the cache rather than parsed.
    pub from_cache: bool,
}

/// A preview, its tree and its search index.
pub struct Stage {
    pub corpus: Arc<Corpus>,
    pub tree: Tree,
    pub index: Arc<SearchIndex>,
    /// The bytes of the archive it covers.
    pub covered: u64,
    /// The bytes of the whole archive.
    pub total: u64,
}

impl Stage {
    fn of(preview: Preview) -> Stage {
        let index = Arc::new(SearchIndex::new(&preview.corpus));
        Stage {
            tree: Tree::build(&preview.corpus),
            corpus: Arc::new(preview.corpus),
            index,
            covered: preview.covered,
            total: preview.total,
        }
    }
}

/// Starts loading `paths`, from `cache` if it holds them; what the loader
/// reports arrives on the receiver.
pub fn spawn(paths: Vec<PathBuf>, cache: Option<Cache>) -> Receiver<Loading> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        // The archive's identity keys both what is remembered of it and
        // its cache entry: computed once, it reads each file's ends once.
        let id = ArchiveId::of(&paths).ok();
        let remembered = Remembered::read_as(id.clone());
        let _ = sender.send(Loading::Remembered(Box::new(remembered)));
        let verify = Verify::UpTo(VERIFIED_AT_OPEN);
        let to_parse = match cached::from_cache(&paths, id.as_ref(), cache.as_ref(), verify) {
            Ok(opened) => return send_from_cache(opened, &paths, &sender),
            Err(to_parse) => to_parse,
        };
        let parsed = Arc::new(AtomicBool::new(false));
        let previewed = match preview::preview(&paths, FIRST_PREVIEW) {
            Some(first) => {
                let budgets = preview::budgets(FIRST_PREVIEW, first.total);
                let _ = sender.send(Loading::Preview(Box::new(Stage::of(first))));
                let later = budgets.get(1..).unwrap_or_default().to_vec();
                spawn_larger_previews(paths.clone(), later, Arc::clone(&parsed), sender.clone());
                true
            }
            None => false,
        };
        let progress_sender = sender.clone();
        let mut report = move |done, total| {
            let _ = progress_sender.send(Loading::Progress(Progress { done, total }));
        };
        // The reader and this thread share the corpus: the reader starts
        // while the index (seconds for 100 MB) is built here.
        let result = load_paths_with_progress(&paths, &mut report);
        parsed.store(true, Ordering::SeqCst);
        let mut to_write = None;
        let whole = result.map(|loaded| {
            let corpus = Arc::new(loaded.corpus);
            let warnings;
            (warnings, to_write) = to_parse.parsed(&loaded.warnings);
            Box::new(Whole {
                tree: Tree::build(&corpus),
                index: previewed.then(|| Arc::new(SearchIndex::new(&corpus))),
                corpus,
                warnings,
                from_cache: false,
            })
        });
        let shared =
            (whole.as_ref().ok()).map(|whole| (Arc::clone(&whole.corpus), whole.index.clone()));
        let _ = sender.send(Loading::Done(whole));
        if let Some((corpus, index)) = shared {
            let index = index.unwrap_or_else(|| {
                let index = Arc::new(SearchIndex::new(&corpus));
                let _ = sender.send(Loading::Indexed(Arc::clone(&index)));
                index
            });
            write_cache(to_write, &corpus, &index);
        }
    });
    receiver
}

/// Sends the archive its cache entry holds, whole and indexed; then checks
/// the rest of the entry, and rebuilds it if it is damaged.
fn send_from_cache(opened: Opened, paths: &[PathBuf], sender: &Sender<Loading>) {
    let corpus = Arc::new(opened.corpus);
    let whole = Whole {
        tree: Tree::build(&corpus),
        index: opened.index.map(Arc::new),
        corpus,
        warnings: opened.warnings,
        from_cache: true,
    };
    let _ = sender.send(Loading::Done(Ok(Box::new(whole))));
    if let Origin::Cache(from) = opened.origin {
        check_the_rest(from, paths, sender);
    }
}

/// After the first frame: what is left is for the next open, and yields
/// to the reader.
fn check_the_rest(from: FromCache, paths: &[PathBuf], sender: &Sender<Loading>) {
    cache_dir::lower_this_threads_priority();
    let damage = from.check_the_rest();
    let damaged = damage.is_some();
    let _ = sender.send(Loading::CacheChecked(damage));
    if damaged {
        // A cache that cannot be written leaves the reader as it is.
        let _ = from.rebuild(paths);
    }
}

/// Writes the cache entry of an archive just parsed, if it is cached, at
/// the lowest priority.
fn write_cache(to_write: Option<ToWrite>, corpus: &Corpus, index: &SearchIndex) {
    if let Some(to_write) = to_write {
        cache_dir::lower_this_threads_priority();
        // A cache that cannot be written leaves the reader as it is.
        let _ = to_write.write(corpus, Some(index));
    }
}

/// Sends a preview per budget, until the whole archive is parsed.
fn spawn_larger_previews(
    paths: Vec<PathBuf>,
    budgets: Vec<u64>,
    parsed: Arc<AtomicBool>,
    sender: Sender<Loading>,
) {
    if budgets.is_empty() {
        return;
    }
    thread::spawn(move || {
        for budget in budgets {
            if parsed.load(Ordering::SeqCst) {
                return;
            }
            let Some(preview) = preview::preview(&paths, budget) else {
                return;
            };
            let stage = Stage::of(preview);
            if parsed.load(Ordering::SeqCst) {
                return;
            }
            let _ = sender.send(Loading::Preview(Box::new(stage)));
        }
    });
}
