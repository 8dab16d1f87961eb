//! Between the reader's state and what is remembered on disk: where an
//! archive was left (post, scroll, focus, open groups), its read marks and
//! the comments seen, and the search history. The state file itself is
//! [`crate::state`]'s.

use std::time::{SystemTime, UNIX_EPOCH};

use super::app::{App, Focus};
use super::marks::comment_keys;
use super::tree::NodeId;
use super::update;
use crate::import::clean::clean;
use crate::state::{self, ArchiveId, ArchiveRecord, Place, Store};

/// Puts the reader where `record` says the archive was left (unless
/// `fresh`), with its read marks and the comments seen.
pub fn restore(app: &mut App, record: &ArchiveRecord, fresh: bool) {
    let read: Vec<_> = (record.read.iter())
        .filter_map(|id| app.corpus.post_by_id(id))
        .collect();
    app.marks.set_read_all(&read, true);
    for (id, keys) in &record.seen_comments {
        if let Some(post) = app.corpus.post_by_id(id) {
            app.marks
                .seen_before
                .insert(post, keys.iter().copied().collect());
        }
    }
    if fresh {
        return;
    }
    if let Some(place) = &record.place {
        restore_place(app, place);
    }
}

pub(super) fn restore_place(app: &mut App, place: &Place) {
    // Nothing has been on screen yet: the post the reader opened with was
    // never seen, and its comments must not count as seen.
    app.marks.opened.fill(false);
    // The groups open are those that were, not those open by default.
    app.expanded.fill(false);
    for path in &place.open_groups {
        if let Some(node) = node_at(app, path)
            && let Some(flag) = app.expanded.get_mut(node.0)
        {
            *flag = true;
        }
    }
    app.rows = super::filter::visible_rows(app);
    if let Some(list) = node_at(app, &place.post_list)
        && app.tree.node(list).is_group()
    {
        app.post_list = list;
    }
    if let Some(post) = app.corpus.post_by_id(&place.post) {
        update::open_post(app, post);
        super::jump::select_in_tree(app, post);
    }
    let top_of_block = place
        .top_block
        .and_then(|block| app.article.block_starts.get(block).copied());
    app.scroll = if place.width == app.article_width() {
        place.scroll
    } else {
        top_of_block.unwrap_or(place.scroll)
    }
    .min(app.max_scroll());
    app.focus = match place.focus.as_str() {
        "article" => Focus::Article,
        "sources" => Focus::Sources,
        _ => Focus::Topics,
    };
    if let Some(post) = app.open_post {
        app.marks.note_opened(post);
    }
}

/// What to remember of the reader now, for the archive `id`.
pub fn record_of(app: &App, id: &ArchiveId, previous: Option<&ArchiveRecord>) -> ArchiveRecord {
    let corpus = &app.corpus;
    let mut read: Vec<String> = corpus
        .post_ids()
        .filter(|&post| app.marks.is_read(post))
        .map(|post| corpus.id_of(post).to_string())
        .collect();
    // Of an archive still loading, the posts not loaded yet keep their marks.
    if app.loading.is_some()
        && let Some(previous) = previous
    {
        let not_loaded = |id: &&String| corpus.post_by_id(id).is_none();
        read.extend(previous.read.iter().filter(not_loaded).cloned());
    }
    // Posts not open this session keep what was seen of them before.
    let mut seen_comments = previous
        .map(|r| r.seen_comments.clone())
        .unwrap_or_default();
    // Only posts opened this session: a mapped corpus decodes no others.
    for post in corpus.post_ids() {
        if app.marks.opened.get(post.0).copied().unwrap_or(false) {
            let post = corpus.post(post);
            seen_comments.insert(post.id.to_string(), comment_keys(post));
        }
    }
    seen_comments.retain(|_, keys| !keys.is_empty());
    ArchiveRecord {
        fingerprint: id.fingerprint.clone(),
        paths: id.paths.clone(),
        last_used: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
        place: place_of(app),
        read,
        seen_comments,
    }
}

fn place_of(app: &App) -> Option<Place> {
    let post = app.post()?;
    let open_groups = (app.tree.groups())
        .filter(|&node| app.expanded.get(node.0).copied().unwrap_or(false))
        .map(|node| path_of(app, node))
        .collect();
    Some(Place {
        post: post.id.to_string(),
        scroll: app.scroll,
        width: app.article_width(),
        top_block: app.article.block_at_or_after(app.scroll),
        focus: app.focus.name().to_lowercase(),
        open_groups,
        post_list: path_of(app, app.post_list),
    })
}

/// The labels from the tree's root down to `node`.
pub(super) fn path_of(app: &App, node: NodeId) -> Vec<String> {
    let mut path = Vec::new();
    let mut at = Some(node);
    while let Some(node) = at {
        path.push(app.node_label(node).to_string());
        at = app.tree.node(node).parent;
    }
    path.reverse();
    path
}

/// The group found by following `path`'s labels down from the roots.
pub(super) fn node_at(app: &App, path: &[String]) -> Option<NodeId> {
    let (first, rest) = path.split_first()?;
    let mut node = *app
        .tree
        .roots()
        .iter()
        .find(|&&root| app.node_label(root) == first)?;
    for label in rest {
        node = *(app.tree.subgroups(node))
            .iter()
            .find(|&&child| app.node_label(child) == label)?;
    }
    Some(node)
}

/// What was remembered of the archive: read on the loader's thread, which
/// reads the archive's ends for its identity anyway.
pub struct Remembered {
    /// The archive's identity; `None` if it could not be taken (nothing is
    /// remembered then).
    pub id: Option<ArchiveId>,
    /// Where the state lives; `None` without a home directory.
    pub store: Option<Store>,
    pub loaded: state::Loaded,
}

impl Remembered {
    /// What is remembered of the archive whose identity is `id` (`None`:
    /// its files could not be read).
    pub fn read_as(id: Option<ArchiveId>) -> Remembered {
        let store = Store::in_state_dir();
        let loaded = store.as_ref().map(Store::load).unwrap_or_default();
        Remembered { id, store, loaded }
    }

    pub fn record(&self) -> Option<&ArchiveRecord> {
        self.loaded.state.find(self.id.as_ref()?)
    }
}

/// What to write to the state file once the terminal is restored.
pub struct ToSave {
    store: Store,
    record: ArchiveRecord,
    queries: Vec<String>,
}

impl ToSave {
    /// What to save of `app`; with `place_waits`, the place remembered
    /// before is kept (it is in a part of the archive not loaded yet, and
    /// the user has not moved).
    pub fn of(app: &App, remembered: &Remembered, place_waits: bool) -> Option<ToSave> {
        if !remembered.loaded.writable {
            return None;
        }
        let id = remembered.id.as_ref()?;
        let previous = remembered.record();
        let mut record = record_of(app, id, previous);
        if place_waits && let Some(previous) = previous {
            record.place = previous.place.clone();
        }
        Some(ToSave {
            store: remembered.store.clone()?,
            record,
            queries: app.search.history.clone(),
        })
    }

    /// Writes it; a failure is said on standard error, the terminal being
    /// the shell's again.
    pub fn save(self) {
        if let Err(error) = self.store.save(self.record, &self.queries) {
            eprintln!(
                "pundit: could not remember where you were in {}: {}",
                self.store.file().display(),
                clean(&error.to_string())
            );
        }
    }
}
