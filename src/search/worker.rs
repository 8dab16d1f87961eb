//! Searching off the UI thread: queries go to a worker, results come back
//! tagged with the generation of the query, and superseded queries are
//! dropped, or stopped mid-search, so typing never waits for a search.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::{Query, SearchIndex, SearchResults};

/// Numbers the queries given to a [`SearchWorker`]; a later query has a
/// larger generation.
pub type Generation = u64;

/// The results of one query.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub generation: Generation,
    pub query: Query,
    pub results: SearchResults,
}

struct Job {
    generation: Generation,
    query: Query,
}

/// A thread that runs queries against one index.
///
/// Call [`SearchWorker::submit`] on every keystroke and
/// [`SearchWorker::poll`] on every tick of the event loop: `poll` only ever
/// returns the results of the latest query. Dropping the worker stops it.
pub struct SearchWorker {
    jobs: Option<Sender<Job>>,
    outcomes: Receiver<Outcome>,
    /// The generation of the latest query; the thread stops any other.
    wanted: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// Starts the worker thread.
    pub fn spawn(index: Arc<SearchIndex>) -> io::Result<Self> {
        let (jobs, job_queue) = mpsc::channel::<Job>();
        let (outcome_sender, outcomes) = mpsc::channel();
        let wanted = Arc::new(AtomicU64::new(0));
        let wanted_by_thread = Arc::clone(&wanted);
        let thread = thread::Builder::new()
            .name("pundit-search".into())
            .spawn(move || {
                while let Ok(mut job) = job_queue.recv() {
                    // Only the newest waiting query is worth running.
                    while let Ok(newer) = job_queue.try_recv() {
                        job = newer;
                    }
                    let generation = job.generation;
                    let stale = || wanted_by_thread.load(Ordering::Acquire) != generation;
                    if stale() {
                        continue;
                    }
                    let Some(results) = index.search_until(&job.query, &stale) else {
                        continue;
                    };
                    let outcome = Outcome {
                        generation,
                        query: job.query,
                        results,
                    };
                    if outcome_sender.send(outcome).is_err() {
                        break;
                    }
                }
            })?;
        Ok(SearchWorker {
            jobs: Some(jobs),
            outcomes,
            wanted,
            thread: Some(thread),
        })
    }

    /// Starts searching for `query`, superseding any earlier query.
    pub fn submit(&mut self, query: Query) -> Generation {
        let generation = self.wanted.fetch_add(1, Ordering::AcqRel) + 1;
        if let Some(jobs) = &self.jobs {
            // A send fails only if the thread is gone; `poll` then stays empty.
            let _ = jobs.send(Job { generation, query });
        }
        generation
    }

    /// Stops the current query without starting another (the prompt was
    /// cancelled); its results will not be returned.
    pub fn cancel(&mut self) {
        self.wanted.fetch_add(1, Ordering::AcqRel);
    }

    /// The generation of the latest query submitted.
    pub fn latest(&self) -> Generation {
        self.wanted.load(Ordering::Acquire)
    }

    /// The results of the latest query, if they arrived since the last call.
    /// Never blocks; results of superseded queries are discarded.
    pub fn poll(&mut self) -> Option<Outcome> {
        let mut newest = None;
        while let Ok(outcome) = self.outcomes.try_recv() {
            if outcome.generation == self.latest() {
                newest = Some(outcome);
            }
        }
        newest
    }

    /// Waits up to `timeout` for the results of the latest query (for tests
    /// and the headless commands).
    pub fn wait(&mut self, timeout: Duration) -> Option<Outcome> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.outcomes.recv_timeout(left) {
                Ok(outcome) if outcome.generation == self.latest() => return Some(outcome),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        self.cancel();
        // Closing the queue ends the thread's loop.
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
