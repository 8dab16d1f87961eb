//! Moving the reader from one corpus to another while an archive loads:
//! from a preview of its first bytes to a larger preview, and to the whole
//! archive (see [`crate::load::preview`] for why a preview's posts can
//! differ from the whole archive's).
//!
//! The reader's state refers to its corpus by index, and indices change
//! from one corpus to the next, so everything is carried by what it refers
//! to: a post by its id, else by its title and date (the id is a slug of
//! the title, which the whole archive may read differently); a group of the
//! tree by the labels down to it; the place in the open post by the block
//! (or the thread line) at the top of the view and the lines into it; a
//! search by its query, run again on the new corpus's index.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::thread;

use super::app::{App, Overlay};
use super::remember::{node_at, path_of};
use super::search::ActiveSearch;
use super::tree::{NodeKind, Tree};
use super::update;
use super::view::loading::Progress;
use crate::model::{Corpus, PostId};
use crate::search::{Place, Query, SearchIndex};
use crate::state::ArchiveRecord;

/// A corpus the loader sent, for the reader to move onto.
pub struct Arrival {
    pub corpus: Arc<Corpus>,
    /// Its tree, built with it off the UI thread.
    pub tree: Tree,
    /// Its search index; `None` while it is built elsewhere (it is attached
    /// when it comes, see [`super::search::index_ready`]).
    pub index: Option<Arc<SearchIndex>>,
    /// How far the load has come, when the corpus is a preview; `None` for
    /// the whole archive.
    pub loading: Option<Progress>,
    /// The corpus holds the posts of the one the reader is on, in the same
    /// order (the archive just parsed, as its cache entry holds it): post
    /// `n` is post `n`, and nothing of the new corpus is read to say so.
    pub same_posts: bool,
}

/// Which post of one corpus is which post of another.
struct PostMap<'a> {
    from: &'a Corpus,
    to: &'a Corpus,
    /// Post `n` of `from` is post `n` of `to` (see [`Arrival::same_posts`]).
    same: bool,
    /// The posts of `to` by title, in corpus order: built the first time
    /// an id is not found.
    by_title: OnceCell<HashMap<&'a str, Vec<PostId>>>,
}

impl<'a> PostMap<'a> {
    fn new(from: &'a Corpus, to: &'a Corpus, same: bool) -> PostMap<'a> {
        PostMap {
            from,
            to,
            same,
            by_title: OnceCell::new(),
        }
    }

    /// Post `post` of `from` in `to`: the post with its id, else the first
    /// with its title and date. Ids, titles and dates are read where they
    /// lie: a mapped corpus decodes no post.
    fn get(&self, post: PostId) -> Option<PostId> {
        if post.0 >= self.from.len() {
            return None;
        }
        if self.same {
            return (post.0 < self.to.len()).then_some(post);
        }
        if let Some(found) = self.to.post_by_id(self.from.id_of(post)) {
            return Some(found);
        }
        let by_title = self.by_title.get_or_init(|| {
            let mut by_title: HashMap<&str, Vec<PostId>> = HashMap::new();
            for id in self.to.post_ids() {
                by_title.entry(self.to.title(id)).or_default().push(id);
            }
            by_title
        });
        let date = self.from.date(post);
        (by_title.get(self.from.title(post))?.iter().copied())
            .find(|&candidate| self.to.date(candidate) == date)
    }

    /// The post of `to` nearest `post` (one `to` does not have): that of
    /// the nearest post of `from`, in archive order, that `to` has.
    fn nearest(&self, post: PostId) -> Option<PostId> {
        let len = self.from.len();
        (1..len)
            .flat_map(|distance| {
                [
                    post.0.checked_sub(distance),
                    Some(post.0 + distance).filter(|&i| i < len),
                ]
            })
            .flatten()
            .find_map(|index| self.get(PostId(index)))
    }

    /// A place in the text of a post of `from`, in `to`.
    fn place(&self, place: Place) -> Option<Place> {
        Some(Place {
            post: self.get(place.post)?,
            ..place
        })
    }
}

/// Moves `app` onto the corpus of `arrival`, keeping what the user did:
/// the open post and the place in it, focus, overlay, the selected tree
/// row, open groups and the filter, marks, the jump list, the search and
/// its prompt. The posts the old corpus did not have take their read marks
/// and seen comments from `remembered`. A post the new corpus does not have
/// leaves the reader at the nearest one, with a message saying so.
pub fn move_to(app: &mut App, arrival: Arrival, remembered: Option<&ArchiveRecord>) {
    let corpus = Arc::clone(&arrival.corpus);
    let new = App::with_tree(corpus, arrival.tree, app.size, app.color);
    let mut old = std::mem::replace(app, new);
    let from = Arc::clone(&old.corpus);
    let map = PostMap::new(&from, &arrival.corpus, arrival.same_posts);
    app.keymap = Arc::clone(&old.keymap);
    app.colors = old.colors;
    app.max_width = old.max_width;
    app.load_warnings = std::mem::take(&mut old.load_warnings);
    app.status = old.status.take();
    app.help_scroll = old.help_scroll;
    app.loading = arrival.loading;
    carry_marks(app, &old, &map, remembered);
    carry_tree(app, &mut old);
    carry_open_post(app, &old, &map);
    carry_selection(app, &old, &map);
    let jumps = old.jumps.moved(|place| {
        let post = match place.open_post {
            Some(post) => Some(map.get(post)?),
            None => None,
        };
        Some(place.moved(post, app))
    });
    app.jumps = jumps;
    carry_search(app, &mut old, arrival.index, &map);
    app.focus = old.focus;
    app.overlay = old.overlay;
    if app.overlay == Some(Overlay::Results) {
        super::results::show(app);
        if app.overlay != Some(Overlay::Results) {
            app.overlay = None;
        }
    }
    drop(map);
    drop(from);
    // Carried by looking posts up by id (and by title where an id is
    // missing), the state touched pages all over a mapped corpus: they are
    // let go of, and what the screen shows is read again as it is drawn.
    if !arrival.same_posts {
        app.corpus.release_pages();
    }
    let_go_in_background(old);
}

/// Frees the state the reader has left, and the corpus it was on unless
/// something else still holds it, on a thread of its own: a parsed
/// gigabyte takes longer than a frame to free piece by piece. The memory
/// is given back to the system only when that was the whole archive's
/// corpus and this its last holder: a preview's is small, and is soon
/// used again by the load going on.
fn let_go_in_background(old: App) {
    let spawned = thread::Builder::new()
        .name("pundit-free".into())
        .spawn(move || {
            let corpus = Arc::clone(&old.corpus);
            let was_whole = old.loading.is_none();
            drop(old);
            if was_whole {
                super::loader::let_go_of(corpus);
            }
        });
    // Without a thread, the state is freed here, as it was given back.
    drop(spawned);
}

/// Read marks, posts opened and comments seen, by post; then the
/// remembered ones of posts new to the reader.
fn carry_marks(app: &mut App, old: &App, map: &PostMap, remembered: Option<&ArchiveRecord>) {
    app.marks.opened.fill(false);
    let mut carried = vec![false; app.corpus.len()];
    for post in old.corpus.post_ids() {
        let Some(to) = map.get(post) else { continue };
        carried[to.0] = true;
        app.marks.set_read(to, old.marks.is_read(post));
        if old.marks.opened.get(post.0).copied().unwrap_or(false) {
            app.marks.note_opened(to);
        }
        if let Some(seen) = old.marks.seen_before.get(&post) {
            app.marks.seen_before.insert(to, seen.clone());
        }
    }
    // Onto the same posts, every one was carried above: a remembered id
    // could only name one of them, and looking each up in a mapped
    // corpus would touch its pages for nothing.
    let Some(record) = remembered.filter(|_| !map.same) else {
        return;
    };
    let new_post = |id: &str| {
        app.corpus
            .post_by_id(id)
            .filter(|post| !carried.get(post.0).copied().unwrap_or(true))
    };
    let read: Vec<PostId> = record.read.iter().filter_map(|id| new_post(id)).collect();
    let seen: Vec<(PostId, &Vec<u64>)> = (record.seen_comments.iter())
        .filter_map(|(id, keys)| Some((new_post(id)?, keys)))
        .collect();
    for post in read {
        app.marks.set_read(post, true);
    }
    for (post, keys) in seen {
        app.marks
            .seen_before
            .insert(post, keys.iter().copied().collect());
    }
}

/// The groups open, the list `]`/`[` follow, and the filter.
fn carry_tree(app: &mut App, old: &mut App) {
    app.expanded.fill(false);
    for node in old.tree.groups() {
        let open = old.expanded.get(node.0).copied().unwrap_or(false);
        if open
            && let Some(to) = node_at(app, &path_of(old, node))
            && let Some(flag) = app.expanded.get_mut(to.0)
        {
            *flag = true;
        }
    }
    if let Some(list) = node_at(app, &path_of(old, old.post_list))
        && app.tree.node(list).is_group()
    {
        app.post_list = list;
    }
    app.filter = std::mem::take(&mut old.filter);
    app.rows = super::filter::visible_rows(app);
}

/// The open post, its thread's folds and current comment, the place in it
/// and its selected source; a post the new corpus does not have gives way
/// to the nearest one that it has.
fn carry_open_post(app: &mut App, old: &App, map: &PostMap) {
    let Some(was) = old.open_post else { return };
    let Some(post) = map.get(was) else {
        if let Some(nearest) = map.nearest(was) {
            update::open_post(app, nearest);
        }
        let title = super::view::truncated(&old.corpus.post(was).title, 30);
        app.status = Some(format!(
            "“{title}” was read differently: at the nearest post"
        ));
        return;
    };
    update::open_post(app, post);
    if app.thread.folded.len() == old.thread.folded.len() {
        app.thread = old.thread.clone();
        app.thread_layout.refresh_rows(&app.thread.folded);
    }
    app.refresh_article();
    app.scroll = if old.scroll == 0 {
        // The top of the post, however its heading reads now.
        0
    } else if old.scroll >= old.thread_top() {
        app.thread_top() + (old.scroll - old.thread_top())
    } else {
        // The block at the top of the view, as many lines into it (or
        // above it) as it was.
        let block = old.article.block_at_or_after(old.scroll);
        let start = |app: &App, block| app.article.block_starts.get(block).copied();
        match block.and_then(|b| Some((start(old, b)?, start(app, b)?))) {
            Some((before, now)) => (now + old.scroll).saturating_sub(before),
            None => old.scroll,
        }
    }
    .min(app.max_scroll());
    if old
        .selected_source
        .is_none_or(|source| source < app.source_count())
    {
        app.selected_source = old.selected_source;
        app.citation = old.citation;
        app.sources_offset = old.sources_offset;
    }
    app.refresh_position();
}

/// The selected tree row, by what it shows, at the same height in the
/// pane; else the open post's row.
fn carry_selection(app: &mut App, old: &App, map: &PostMap) {
    let Some(node) = old.selected_node() else {
        return;
    };
    let height_in_pane = old.tree_selected.saturating_sub(old.tree_offset);
    let target = match old.tree.node(node).kind {
        NodeKind::Post(post) => old.tree.node(node).parent.and_then(|parent| {
            let group = node_at(app, &path_of(old, parent))?;
            app.tree.post_node_under(group, map.get(post)?)
        }),
        _ => node_at(app, &path_of(old, node)),
    };
    let row = target
        .and_then(|node| app.rows.iter().position(|&row| row == node))
        .or_else(|| app.row_of_post_under(app.post_list, app.open_post?));
    if let Some(row) = row {
        app.tree_selected = row;
        app.tree_offset = row.saturating_sub(height_in_pane);
    }
    update::keep_tree_selection_in_view(app);
}

/// The search session with its queries run again on `index` (when there
/// is one: else the prompt's query runs when the index comes), its current
/// match kept, and the places it goes back to moved. On the same posts
/// (see [`Arrival::same_posts`]) every result stands as it is: nothing is
/// run again but what had not been answered.
fn carry_search(app: &mut App, old: &mut App, index: Option<Arc<SearchIndex>>, map: &PostMap) {
    let mut session = std::mem::take(&mut old.search);
    session.detach();
    // A search waiting to run again (its worker went with the old index)
    // runs on the new index, at the end of the move.
    session.move_rerun(|place| map.place(place));
    match &index {
        Some(index) => session.attach(Arc::clone(index)),
        None => session.expect_index(),
    }
    if map.same {
        // The prompt's query sent to the old index's worker is sent again.
        let unanswered = session.prompt.as_ref().is_some_and(|p| p.pending);
        app.search = session;
        super::search::run_rerun(app);
        if unanswered {
            super::search::run_prompt_query(app);
        }
        return;
    }
    let rerun = |active: ActiveSearch| -> Option<ActiveSearch> {
        let query = Query::new(&active.text, active.scope, active.mode).ok()?;
        let results = index.as_ref()?.search(&query);
        let current = (active.current_match())
            .and_then(|found| map.place(found.place()))
            .and_then(|place| results.index_of(place));
        Some(ActiveSearch {
            results,
            current,
            ..active
        })
    };
    // The search confirmed (no prompt open) runs again at the end of the
    // move: on the worker when the index is large, the reader going on
    // meanwhile. The prompt's searches run here, the view being at the
    // match the prompt previews.
    if let Some(active) = session.active.take() {
        if session.prompt.is_some() {
            session.active = rerun(active);
        } else {
            let current = (active.current_match()).and_then(|found| map.place(found.place()));
            session.run_again(&active, current);
        }
    }
    if let Some(prompt) = session.prompt.as_mut() {
        prompt.previous = prompt.previous.take().and_then(rerun);
        let saved_post = (prompt.saved.open_post).and_then(|p| map.get(p).or(map.nearest(p)));
        prompt.saved = prompt.saved.moved(saved_post, app);
        prompt.origin = map
            .place(prompt.origin)
            .unwrap_or_else(|| Place::start_of(app.open_post.unwrap_or(PostId(0))));
        prompt.pending = index.is_none() && !prompt.text.trim().is_empty();
    }
    app.search = session;
    super::search::run_rerun(app);
}
