//! The loader's threads: what pundit remembers of the archive, previews of
//! its first bytes for the reader to open on at once, then the whole
//! archive and its search index, each sent to the event loop as it is
//! ready.
//!
//! **Previews.** The first preview (the first [`FIRST_PREVIEW`] bytes, see
//! [`preview`] for where they are cut and which formats can be) is parsed
//! on the loader's thread before the load proper: a few milliseconds, and
//! what reaches the screen first. Larger previews (each eight times the
//! last, all of them within a small share of the archive, see
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
//! An archive parsed is cached afterwards (see [`crate::state::cache`]).
//! Such an archive is sent whole as soon as it is parsed, without an
//! index: the index is folded into the cache entry as it is written, never
//! held whole, and the reader then moves onto the entry, mapped
//! ([`Loading::Mapped`]), and lets go of the parsed corpus; the entry's
//! index follows once that corpus is freed, so that a search waiting for
//! it never reads the entry beside the parsed corpus. The reader's
//! search waits for the entry, so it is written at the thread's normal
//! priority, as the index was built before; checking an entry, which
//! nothing waits for, is done at the lowest. What it holds
//! of a gigabyte archive is then what it has touched of the file, rather
//! than the parsed corpus and its index (four times the archive).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use super::remember::Remembered;
use super::tree::Tree;
use super::view::loading::Progress;
use crate::load::cached::{self, FromCache, Opened, Origin, ToWrite};
use crate::load::preview::{self, Preview};
use crate::load::{LoadError, Warning, give_back_freed_memory, load_paths_with_progress};
use crate::model::Corpus;
use crate::model::flat::Verify;
use crate::search::SearchIndex;
use crate::state::ArchiveId;
use crate::state::cache::{self as cache_dir, Cache, Lookup};

/// The bytes the first preview reads: enough for a screenful of posts,
/// parsed and indexed in a few milliseconds.
pub const FIRST_PREVIEW: u64 = 512 << 10;

/// What the loader reports, in this order: `Remembered`, then `Progress`
/// and `Preview`s mixed, then `Done`, then, if `Done` had no index,
/// `Indexed`, after `Mapped` if the archive was cached; from the cache,
/// `Remembered`, `Done` and `CacheChecked`.
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
    /// neither the first frame nor the UI thread waits for it, or the
    /// index of the entry `Mapped` sent.
    Indexed(Arc<SearchIndex>),
    /// The whole archive again, as the cache entry just written holds it,
    /// mapped: the reader moves onto it and the corpus of `Done` is let go.
    /// Its index follows in `Indexed` once that corpus is freed.
    Mapped(Box<Whole>),
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
        let verify = Verify::UpTo(VERIFIED_AT_OPEN);
        let to_parse = match to_parse.parse_into_entry(&paths, verify, &mut report) {
            Ok(opened) => {
                parsed.store(true, Ordering::SeqCst);
                // What the parse freed is not used again.
                give_back_freed_memory();
                return send_parsed_into_entry(opened, previewed, &sender);
            }
            Err(to_parse) => to_parse,
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
            // An archive to be cached gets its index from the entry.
            let indexed_now = previewed && to_write.is_none();
            Box::new(Whole {
                tree: Tree::build(&corpus),
                index: indexed_now.then(|| Arc::new(SearchIndex::new(&corpus))),
                corpus,
                warnings,
                from_cache: false,
            })
        });
        let shared = (whole.as_ref().ok()).map(|whole| {
            let indexed = whole.index.is_some();
            // The entry's tree is this one (see `move_onto_the_entry`):
            // kept only when the reader will move onto an entry.
            let tree = (to_write.is_some() && !indexed).then(|| whole.tree.clone());
            (Arc::clone(&whole.corpus), indexed, tree)
        });
        let _ = sender.send(Loading::Done(whole));
        match (shared, to_write) {
            (Some((corpus, false, Some(tree))), Some(to_write)) => {
                move_onto_the_entry(to_write, corpus, tree, &sender)
            }
            (Some((corpus, false, _)), None) => {
                let _ = sender.send(Loading::Indexed(Arc::new(SearchIndex::new(&corpus))));
            }
            _ => {}
        }
    });
    receiver
}

/// Sends the archive parsed straight into its cache entry, as the entry
/// holds it, mapped, with its index: the reader moves onto it from the
/// preview it is on. (Should the entry not have been written, the archive
/// parsed whole comes without one, and its index is built here: at once
/// when a preview was sent, so that the reader moves in one step.)
fn send_parsed_into_entry(
    opened: Result<Opened, LoadError>,
    previewed: bool,
    sender: &Sender<Loading>,
) {
    let whole = opened.map(|opened| {
        let corpus = Arc::new(opened.corpus);
        let index = (opened.index.map(Arc::new))
            .or_else(|| previewed.then(|| Arc::new(SearchIndex::new(&corpus))));
        Box::new(Whole {
            tree: Tree::build(&corpus),
            index,
            corpus,
            warnings: opened.warnings,
            from_cache: false,
        })
    });
    let unindexed = (whole.as_ref().ok())
        .filter(|whole| whole.index.is_none())
        .map(|whole| Arc::clone(&whole.corpus));
    let _ = sender.send(Loading::Done(whole));
    if let Some(corpus) = unindexed {
        let _ = sender.send(Loading::Indexed(Arc::new(SearchIndex::new(&corpus))));
    }
}

/// Writes the cache entry of the archive just parsed, `corpus`, its index
/// folded as it is written; then sends the
/// archive as the entry holds it, mapped, and lets go of `corpus`. Should
/// the entry not be written or read back, the index is built here and
/// sent instead, and the reader keeps `corpus`.
///
/// The entry holds the posts of `corpus` in its order, its topic tree and
/// its outlets, which are all a [`Tree`] is built from: `tree`, built for
/// `corpus`, is the entry's too. Building it again would read the entry's
/// outlets and topics for the same result.
fn move_onto_the_entry(
    to_write: ToWrite,
    corpus: Arc<Corpus>,
    tree: Tree,
    sender: &Sender<Loading>,
) {
    let entry = to_write.entry.clone();
    let written = to_write.write(&corpus, None);
    // (A size of 0: the entry alone is over the cache's bound, not kept.)
    if let Ok(1..) = written
        && let Lookup::Hit(hit) = entry.open(Verify::UpTo(VERIFIED_AT_OPEN))
    {
        let (_, mapped, index) = cached::mapped(hit.file);
        let whole = Whole {
            tree,
            corpus: Arc::new(mapped),
            index: None,
            warnings: Vec::new(),
            from_cache: false,
        };
        let _ = sender.send(Loading::Mapped(Box::new(whole)));
        // A search typed while the archive loaded waits for the index, and
        // runs as soon as it comes: the pages of the entry it reads would
        // come on top of the parsed corpus, still being freed (a third of
        // the archive again, over the load's own peak). So the index comes
        // once the reader has let go of the parsed corpus and this thread
        // has freed it, never the UI's.
        wait_to_hold_alone(&corpus, LET_GO_WAIT);
        let_go_of(corpus);
        let _ = sender.send(Loading::Indexed(Arc::new(index)));
        return;
    }
    let _ = sender.send(Loading::Indexed(Arc::new(SearchIndex::new(&corpus))));
}

/// How long the loader waits for the reader to let go of the parsed
/// corpus before it sends the entry's index anyway: the reader hands it
/// to a thread of its own on the first frame after `Mapped`.
const LET_GO_WAIT: Duration = Duration::from_secs(5);

/// Waits until `corpus` has no other holder, or `at_most`.
fn wait_to_hold_alone(corpus: &Arc<Corpus>, at_most: Duration) {
    let start = Instant::now();
    while Arc::strong_count(corpus) > 1 && start.elapsed() < at_most {
        thread::sleep(Duration::from_millis(5));
    }
}

/// Lets go of a corpus the reader has left. The last to let go of it frees
/// it, and gives the memory back (see [`give_back_freed_memory`]): once, by
/// whichever thread that is, and never for a corpus something still holds.
pub(super) fn let_go_of(corpus: Arc<Corpus>) {
    if let Some(corpus) = Arc::into_inner(corpus) {
        drop(corpus);
        give_back_freed_memory();
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::bytes::Bytes;
    use crate::model::flat::{FlatFile, write_flat};
    use crate::tui::tree::NodeId;

    /// A search waiting for the index while the reader moves onto the
    /// entry would read the entry's pages while the parsed corpus is still
    /// held: the index comes only once the reader has let go of it.
    #[test]
    fn the_entry_s_index_comes_once_the_parsed_corpus_is_let_go() {
        let dir = tempfile::Builder::new()
            .prefix("pundit-loader-")
            .tempdir()
            .unwrap();
        let archive = dir.path().join("seed.txt");
        std::fs::write(&archive, crate::load::BUNDLED).unwrap();
        let paths = [archive];
        let cache = Cache::at(dir.path().join("cache"), cache_dir::DEFAULT_LIMIT).caching_from(0);
        let id = ArchiveId::of(&paths).unwrap();
        let Err(to_parse) = cached::from_cache(&paths, Some(&id), Some(&cache), Verify::All) else {
            panic!("nothing cached yet");
        };
        let (_, to_write) = to_parse.parsed(&[]);
        let corpus = Arc::new(crate::load::load_bundled());
        let tree = Tree::build(&corpus);
        let held_by_the_reader = Arc::clone(&corpus);
        let (sender, receiver) = mpsc::channel();
        let loader = thread::spawn(move || {
            move_onto_the_entry(to_write.unwrap(), corpus, tree, &sender);
        });
        let Ok(Loading::Mapped(whole)) = receiver.recv() else {
            panic!("the entry, mapped");
        };
        assert!(whole.index.is_none());
        let wait = Duration::from_millis(300);
        assert!(
            receiver.recv_timeout(wait).is_err(),
            "no index while the reader holds the parsed corpus"
        );
        drop(held_by_the_reader);
        let Ok(Loading::Indexed(_)) = receiver.recv_timeout(LET_GO_WAIT) else {
            panic!("the index, once the parsed corpus is let go");
        };
        loader.join().unwrap();
    }

    /// What moving onto the entry relies on: the tree of a corpus is the
    /// tree of its entry, node for node.
    #[test]
    fn a_corpus_and_its_entry_have_the_same_tree() {
        let corpus = crate::load::load_bundled();
        assert!(!corpus.outlets().is_empty() && !corpus.topics().is_empty());
        let index = SearchIndex::new(&corpus);
        let bytes = write_flat(&corpus, &index, &[], std::io::Cursor::new(Vec::new())).unwrap();
        let file = FlatFile::open(Bytes::new(bytes.into_inner()), Verify::All).unwrap();
        let mapped = Corpus::from_flat(Arc::new(file));
        let (parsed, entry) = (Tree::build(&corpus), Tree::build(&mapped));
        assert_eq!(parsed.len(), entry.len());
        assert_eq!(parsed.roots(), entry.roots());
        for node in (0..parsed.len()).map(NodeId) {
            assert_eq!(parsed.node(node), entry.node(node), "node {node:?}");
        }
    }
}
