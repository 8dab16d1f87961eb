//! The state file's contents: one record per archive, the search history,
//! and the rules that keep it small.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ArchiveId;

/// The format written now. A file of a later version is left alone (see
/// [`super::store`]).
pub const VERSION: u32 = 1;

/// Queries kept in the search history.
pub const HISTORY_LIMIT: usize = 500;

/// Archives remembered: the least recently opened go first.
pub const ARCHIVE_LIMIT: usize = 200;

/// The most the file may hold, in bytes: past it, the least recently
/// opened archives are forgotten, then the comments seen in the current
/// one's least recently read posts.
pub const SIZE_LIMIT: usize = 8 << 20;

/// Everything in the state file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    pub version: u32,
    #[serde(default)]
    pub archives: Vec<ArchiveRecord>,
    /// Search queries, oldest first, without repeats.
    #[serde(default)]
    pub history: Vec<String>,
}

/// What is remembered of one archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveRecord {
    pub fingerprint: String,
    pub paths: Vec<String>,
    /// When it was last closed, in seconds since the Unix epoch.
    pub last_used: u64,
    #[serde(default)]
    pub place: Option<Place>,
    /// Ids of the posts read.
    #[serde(default)]
    pub read: Vec<String>,
    /// Per post id, the comments that had been seen (see the reader's
    /// `comment_key`) the last time the post was open.
    #[serde(default)]
    pub seen_comments: BTreeMap<String, Vec<u64>>,
}

/// Where the reader was left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The id of the open post.
    pub post: String,
    /// The article line at the top of the view, at `width`.
    pub scroll: usize,
    /// The width the article was wrapped to.
    pub width: u16,
    /// The block at the top of the view, to find the place at another width.
    #[serde(default)]
    pub top_block: Option<usize>,
    /// "topics", "article" or "sources".
    pub focus: String,
    /// Each expanded group of the Topics pane, as the labels from its root.
    #[serde(default)]
    pub open_groups: Vec<Vec<String>>,
    /// The group whose order `]` and `[` follow, as labels from its root.
    #[serde(default)]
    pub post_list: Vec<String>,
}

impl StateFile {
    pub fn new() -> StateFile {
        StateFile {
            version: VERSION,
            ..StateFile::default()
        }
    }

    /// The record of the archive `id`: the one with the same content, else
    /// the one opened by the same paths (the archive was updated since).
    pub fn find(&self, id: &ArchiveId) -> Option<&ArchiveRecord> {
        self.archives
            .iter()
            .find(|r| r.fingerprint == id.fingerprint)
            .or_else(|| {
                self.archives
                    .iter()
                    .find(|r| !id.paths.is_empty() && r.paths == id.paths)
            })
    }

    /// Puts `record` in place of the archive's old record (found as
    /// [`StateFile::find`] finds it), adds the session's new queries to
    /// the history, and prunes.
    pub fn merge(&mut self, record: ArchiveRecord, queries: &[String]) {
        let id = ArchiveId {
            fingerprint: record.fingerprint.clone(),
            paths: record.paths.clone(),
            ..ArchiveId::default()
        };
        self.archives.retain(|r| {
            r.fingerprint != id.fingerprint && (id.paths.is_empty() || r.paths != id.paths)
        });
        self.archives.push(record);
        for query in queries {
            self.history.retain(|earlier| earlier != query);
            self.history.push(query.clone());
        }
        self.prune();
    }

    /// Keeps the file within its limits: the newest queries, the most
    /// recently used archives, and at most [`SIZE_LIMIT`] bytes.
    pub fn prune(&mut self) {
        let extra = self.history.len().saturating_sub(HISTORY_LIMIT);
        self.history.drain(..extra);
        self.archives.sort_by_key(|r| r.last_used);
        let extra = self.archives.len().saturating_sub(ARCHIVE_LIMIT);
        self.archives.drain(..extra);
        while self.size() > SIZE_LIMIT {
            if self.archives.len() > 1 {
                self.archives.remove(0);
                continue;
            }
            let Some(newest) = self.archives.last_mut() else {
                break;
            };
            if newest.seen_comments.is_empty() {
                newest.read.clear();
                break;
            }
            // Halve what is kept of the comments seen.
            let keep = newest.seen_comments.len() / 2;
            let drop: Vec<String> = newest.seen_comments.keys().skip(keep).cloned().collect();
            for key in drop {
                newest.seen_comments.remove(&key);
            }
        }
    }

    fn size(&self) -> usize {
        serde_json::to_vec(self).map_or(0, |bytes| bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(fingerprint: &str, paths: &[&str], last_used: u64) -> ArchiveRecord {
        ArchiveRecord {
            fingerprint: fingerprint.into(),
            paths: paths.iter().map(|p| p.to_string()).collect(),
            last_used,
            ..ArchiveRecord::default()
        }
    }

    fn id(fingerprint: &str, paths: &[&str]) -> ArchiveId {
        ArchiveId {
            fingerprint: fingerprint.into(),
            paths: paths.iter().map(|p| p.to_string()).collect(),
            ..ArchiveId::default()
        }
    }

    #[test]
    fn an_archive_is_found_by_content_then_by_paths() {
        let mut state = StateFile::new();
        state.merge(record("aaaa", &["/a.txt"], 1), &[]);
        state.merge(record("bbbb", &["/b.txt"], 2), &[]);
        assert_eq!(
            state.find(&id("aaaa", &["/moved.txt"])).unwrap().last_used,
            1
        );
        assert_eq!(state.find(&id("cccc", &["/b.txt"])).unwrap().last_used, 2);
        assert!(state.find(&id("cccc", &["/c.txt"])).is_none());
        // The bundled corpus has no paths: only its content finds it.
        assert!(state.find(&id("cccc", &[])).is_none());
    }

    #[test]
    fn merging_replaces_the_archive_and_keeps_the_others() {
        let mut state = StateFile::new();
        state.merge(record("aaaa", &["/a.txt"], 1), &["trump".into()]);
        state.merge(record("bbbb", &["/b.txt"], 2), &["macron".into()]);
        state.merge(record("cccc", &["/a.txt"], 3), &["trump".into()]);
        let prints: Vec<&str> = state.archives.iter().map(|r| &*r.fingerprint).collect();
        assert_eq!(prints, ["bbbb", "cccc"]);
        assert_eq!(state.history, ["macron", "trump"]);
    }

    #[test]
    fn the_file_stays_within_its_limits() {
        let mut state = StateFile::new();
        let queries: Vec<String> = (0..HISTORY_LIMIT + 20).map(|n| format!("q{n}")).collect();
        for n in 0..ARCHIVE_LIMIT as u64 + 5 {
            state.merge(record(&format!("{n:04}"), &[], n), &queries);
        }
        assert_eq!(state.history.len(), HISTORY_LIMIT);
        assert_eq!(state.history.last().map(String::as_str), Some("q519"));
        assert_eq!(state.archives.len(), ARCHIVE_LIMIT);
        assert_eq!(state.archives[0].fingerprint, "0005");

        let mut huge = record("huge", &[], 999);
        for post in 0..2_000 {
            huge.seen_comments
                .insert(format!("post-{post}"), (0..400).collect());
        }
        state.merge(huge, &[]);
        assert!(state.size() <= SIZE_LIMIT, "{}", state.size());
        assert_eq!(state.archives.last().unwrap().fingerprint, "huge");
    }
}
