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

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use super::remember::Remembered;
use super::tree::Tree;
use super::view::loading::Progress;
use crate::load::preview::{self, Preview};
use crate::load::{LoadError, Warning, load_paths_with_progress};
use crate::model::Corpus;
use crate::search::SearchIndex;

/// The bytes the first preview reads: enough for a screenful of posts,
/// parsed and indexed in a few milliseconds.
pub const FIRST_PREVIEW: u64 = 512 << 10;

/// What the loader reports, in this order: `Remembered`, then `Progress`
/// and `Preview`s mixed, then `Done`, then `Indexed` if `Done` had no
/// index.
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
}

/// The whole archive, its tree, and its index when a preview was sent.
pub struct Whole {
    pub corpus: Arc<Corpus>,
    pub tree: Tree,
    pub warnings: Vec<Warning>,
    pub index: Option<Arc<SearchIndex>>,
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

/// Starts loading `paths`; what the loader reports arrives on the receiver.
pub fn spawn(paths: Vec<PathBuf>) -> Receiver<Loading> {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let _ = sender.send(Loading::Remembered(Box::new(Remembered::read(&paths))));
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
        let whole = result.map(|loaded| {
            let corpus = Arc::new(loaded.corpus);
            Box::new(Whole {
                tree: Tree::build(&corpus),
                index: previewed.then(|| Arc::new(SearchIndex::new(&corpus))),
                corpus,
                warnings: loaded.warnings,
            })
        });
        let shared = (whole.as_ref().ok())
            .filter(|whole| whole.index.is_none())
            .map(|whole| Arc::clone(&whole.corpus));
        let _ = sender.send(Loading::Done(whole));
        if let Some(corpus) = shared {
            let index = SearchIndex::new(&corpus);
            drop(corpus);
            let _ = sender.send(Loading::Indexed(Arc::new(index)));
        }
    });
    receiver
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
