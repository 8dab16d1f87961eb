//! The reader's state: what the user has changed, by index into the corpus.
//!
//! Everything here changes only through [`super::update::update`]. A few
//! fields are caches of derived data (the visible tree rows, the wrapped
//! article); each says what it is derived from and is refreshed by update.

use ratatui::layout::Rect;
use std::sync::Arc;

use super::filter::TopicFilter;
use super::jumplist::JumpList;
use super::keymap::Keymap;
use super::marks::Marks;
use super::search::SearchSession;
use super::thread::{ThreadLayout, ThreadState};
use super::tree::{NodeId, NodeKind, Tree};
use super::view::layout::{self, Panes};
use super::view::loading::Progress;
use super::view::palette::Colors;
use super::wrap::WrappedArticle;
use crate::model::{Corpus, Post, PostId, Source};

/// The pane that receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Topics,
    Article,
    Sources,
}

impl Focus {
    pub const ALL: [Focus; 3] = [Focus::Topics, Focus::Article, Focus::Sources];

    pub fn name(self) -> &'static str {
        match self {
            Focus::Topics => "Topics",
            Focus::Article => "Article",
            Focus::Sources => "Sources",
        }
    }

    pub fn next(self) -> Focus {
        match self {
            Focus::Topics => Focus::Article,
            Focus::Article => Focus::Sources,
            Focus::Sources => Focus::Topics,
        }
    }

    pub fn prev(self) -> Focus {
        self.next().next()
    }
}

/// A window drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// The search prompt on the bottom line.
    Prompt,
    /// The list of search results.
    Results,
    /// Typing a filter for the Topics pane.
    Filter,
}

/// A corpus with this many posts or fewer opens with "All posts" expanded;
/// a larger one would push the topics thousands of rows down.
const EXPAND_ALL_POSTS_UP_TO: usize = 100;

/// The URL of a source known by nothing else (a link in a comment): the
/// Sources pane shows it once, shortened, as its label.
pub fn bare_url(source: &Source) -> Option<&str> {
    match source {
        Source {
            outlet: None,
            headline: None,
            url: Some(url),
        } => Some(url),
        _ => None,
    }
}

/// Columns before a source's label: the in-view marker and a space, and
/// `[n] `.
pub fn source_number_width(source: usize) -> usize {
    2 + format!("[{}] ", source + 1).len()
}

/// What is at the top of the article view.
enum TopAnchor {
    Block(usize),
    Comment(usize),
    None,
}

/// The reader's state.
#[derive(Debug)]
pub struct App {
    /// Shared with the loader thread, which indexes it for search.
    pub corpus: Arc<Corpus>,
    /// Derived from the corpus once; never changes.
    pub tree: Tree,
    /// Whether to draw in colour (false under `NO_COLOR`).
    pub color: bool,
    /// The key table in force: dispatch, Help and the hints read it.
    pub keymap: Arc<Keymap>,
    /// The colour of each role (unused without colour).
    pub colors: Colors,
    /// The longest line the article is wrapped to; `None`: the pane's width.
    pub max_width: Option<u16>,
    /// Which posts are read, which comments new.
    pub marks: Marks,
    /// Where jumps left, to go back to.
    pub jumps: JumpList,
    /// The terminal's size in columns and rows.
    pub size: (u16, u16),
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    /// Per group of the tree (posts have no children): is it expanded.
    pub expanded: Vec<bool>,
    /// Cache of `tree.visible_rows(&expanded)`, refreshed when `expanded` changes.
    pub rows: Vec<NodeId>,
    /// Index into `rows` of the selected row.
    pub tree_selected: usize,
    /// Index into `rows` of the first row shown.
    pub tree_offset: usize,
    pub open_post: Option<PostId>,
    /// The group whose order `]` and `[` follow (the one the post was opened from).
    pub post_list: NodeId,
    /// Cache of the open post's place in `post_list`: (1-based, total).
    pub position: Option<(usize, usize)>,
    /// Cache of the open post wrapped to the article's width.
    pub article: WrappedArticle,
    /// The open post's comment thread: the current comment and the folds.
    pub thread: ThreadState,
    /// Cache of the open post's thread laid out below the body, for the
    /// article's width and `thread.folded`.
    pub thread_layout: ThreadLayout,
    /// The article line at the top of the view (the body's lines, then the
    /// thread's).
    pub scroll: usize,
    /// The selected source of the open post (0-based).
    pub selected_source: Option<usize>,
    /// Which of the blocks citing the selected source `}`/`{` stepped to.
    pub citation: Option<usize>,
    /// The first source shown in the Sources pane.
    pub sources_offset: usize,
    pub help_scroll: usize,
    /// A message for the status bar, cleared by the next key.
    pub status: Option<String>,
    /// The search prompt, the active search and the session's queries.
    pub search: SearchSession,
    /// The Topics pane's filter.
    pub filter: TopicFilter,
    /// While the corpus is a preview of an archive still loading: how far
    /// the load has come. `None` once the whole archive is loaded.
    pub loading: Option<Progress>,
    /// What loading had to say (files skipped, posts read once), one line
    /// each: Help lists them.
    pub load_warnings: Vec<String>,
    pub quit: bool,
}

impl App {
    /// A reader on `corpus` for a terminal of `size`, with the first post open.
    pub fn new(corpus: impl Into<Arc<Corpus>>, size: (u16, u16), color: bool) -> App {
        let corpus = corpus.into();
        let tree = Tree::build(&corpus);
        App::with_tree(corpus, tree, size, color)
    }

    /// As [`App::new`], with the corpus's tree built already (off the UI
    /// thread, by the loader that read the corpus).
    pub fn with_tree(corpus: Arc<Corpus>, tree: Tree, size: (u16, u16), color: bool) -> App {
        let mut expanded = vec![false; tree.group_count()];
        let all = tree.all_posts();
        if corpus.len() <= EXPAND_ALL_POSTS_UP_TO {
            expanded[all.0] = true;
        }
        let rows = tree.visible_rows(&expanded);
        let open_post = (!corpus.is_empty()).then_some(PostId(0));
        let comments = open_post.map_or(0, |post| corpus.post(post).comments.len());
        let mut marks = Marks::new(&tree, corpus.len());
        if let Some(post) = open_post {
            marks.note_opened(post);
        }
        let mut app = App {
            marks,
            corpus,
            tree,
            color,
            keymap: Arc::new(Keymap::default()),
            colors: Colors::default(),
            max_width: None,
            jumps: JumpList::default(),
            size,
            focus: Focus::Topics,
            overlay: None,
            expanded,
            rows,
            tree_selected: 0,
            tree_offset: 0,
            open_post,
            post_list: all,
            position: None,
            article: WrappedArticle::default(),
            thread: ThreadState::new(comments),
            thread_layout: ThreadLayout::default(),
            scroll: 0,
            selected_source: None,
            citation: None,
            sources_offset: 0,
            help_scroll: 0,
            status: None,
            search: SearchSession::default(),
            filter: TopicFilter::default(),
            load_warnings: Vec::new(),
            loading: None,
            quit: false,
        };
        if let Some(row) = open_post.and_then(|p| app.row_of_post_under(all, p)) {
            app.tree_selected = row;
        }
        app.refresh_article();
        app.refresh_position();
        app
    }

    pub fn panes(&self) -> Panes {
        self.panes_for(self.focus)
    }

    /// The panes as they would be with `focus`: under 80 columns the
    /// focused pane is the only one shown.
    fn panes_for(&self, focus: Focus) -> Panes {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        layout::panes(area, focus, self.source_list_rows())
    }

    /// Rows the Sources pane's list takes with one line per source: the
    /// sources, the "In comments" heading, or the one line that says there
    /// are none.
    pub fn source_list_rows(&self) -> usize {
        let heading = usize::from(self.first_comment_source().is_some());
        (self.source_count() + heading).max(1)
    }

    /// Whether the Sources pane shows each source on one line (it sits
    /// below the article, see [`layout::sources_below`]).
    pub fn sources_on_one_line(&self) -> bool {
        layout::sources_below(self.size.0)
    }

    pub fn post(&self) -> Option<&Post> {
        self.open_post.map(|id| self.corpus.post(id))
    }

    /// The node of the selected tree row.
    pub fn selected_node(&self) -> Option<NodeId> {
        self.rows.get(self.tree_selected).copied()
    }

    /// The row showing `post` under `group`, when that group is expanded.
    pub fn row_of_post_under(&self, group: NodeId, post: PostId) -> Option<usize> {
        let node = self.tree.post_node_under(group, post)?;
        self.rows.iter().position(|&row| row == node)
    }

    /// The width the article is wrapped to: its pane's text area, or the
    /// terminal's width when the pane is hidden (so scrolling still works),
    /// and no more than the configured `max_width`.
    pub fn article_width(&self) -> u16 {
        let pane = self
            .panes_for(Focus::Article)
            .article
            .map_or(0, |rect| layout::article_text(rect).width);
        self.max_width.map_or(pane, |max| pane.min(max))
    }

    /// Rows of article text on screen (as if the article pane were shown).
    pub fn article_height(&self) -> usize {
        self.panes_for(Focus::Article)
            .article
            .map_or(0, |rect| usize::from(layout::inner(rect).height))
    }

    /// Rows of the Topics pane's list.
    pub fn tree_height(&self) -> usize {
        self.panes_for(Focus::Topics)
            .topics
            .map_or(0, |rect| usize::from(layout::inner(rect).height))
    }

    /// Rows of the Sources pane's list.
    pub fn sources_height(&self) -> usize {
        self.panes_for(Focus::Sources)
            .sources
            .map_or(0, |rect| usize::from(layout::inner(rect).height))
    }

    /// Columns of the Sources pane's list.
    pub fn sources_width(&self) -> usize {
        self.panes_for(Focus::Sources)
            .sources
            .map_or(0, |rect| usize::from(layout::inner(rect).width))
    }

    /// Source `source`'s label ("Outlet — headline") wrapped to the Sources
    /// pane after its `[n] ` number: at most three lines, the last cut with
    /// an ellipsis if the label is longer; a bare URL shortened to one line.
    pub fn source_label_lines(&self, source: usize) -> Vec<String> {
        const MAX_LINES: usize = 3;
        let Some(found) = self.source(source) else {
            return Vec::new();
        };
        let width = self
            .sources_width()
            .saturating_sub(source_number_width(source))
            .max(1);
        if let Some(url) = bare_url(found) {
            return vec![super::view::sources::shortened_url(url, width)];
        }
        let label = found.label();
        if self.sources_on_one_line() {
            return vec![super::view::truncated(&label, width)];
        }
        let options = textwrap::Options::new(width).break_words(true);
        let mut lines: Vec<String> = textwrap::wrap(&label, options)
            .into_iter()
            .map(|line| line.into_owned())
            .collect();
        if lines.len() > MAX_LINES {
            lines.truncate(MAX_LINES);
            if let Some(last) = lines.last_mut() {
                let cut = super::view::truncated(&format!("{last} …"), width);
                *last = cut;
            }
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }

    /// The rows source `source` takes in the Sources pane: its label's
    /// lines, one for its URL if it has one (on one line, the pane's
    /// bottom border shows the URL instead), and the "In comments" heading
    /// above the first source of the comments.
    pub fn source_rows(&self, source: usize) -> usize {
        let has_url = !self.sources_on_one_line()
            && self
                .source(source)
                .is_some_and(|s| s.url.is_some() && bare_url(s).is_none());
        let heading = Some(source) == self.first_comment_source();
        self.source_label_lines(source).len() + usize::from(has_url) + usize::from(heading)
    }

    /// The number of sources of the open post: its own, then those its
    /// comments cite, numbered on from them.
    pub fn source_count(&self) -> usize {
        self.post().map_or(0, |post| post.sources.len()) + self.thread_layout.shape().source_count()
    }

    /// Source `index` (0-based) of the open post, its own or its comments'.
    pub fn source(&self, index: usize) -> Option<&Source> {
        let post = self.post()?;
        match self.comment_citing(index) {
            Some((comment, source)) => post.comments.get(comment)?.sources.get(source),
            None => post.sources.get(index),
        }
    }

    /// For a source a comment cites: the comment and the index in its sources.
    pub fn comment_citing(&self, index: usize) -> Option<(usize, usize)> {
        let own = self.post()?.sources.len();
        self.thread_layout.shape().source(index.checked_sub(own)?)
    }

    /// The number of the first source cited in comments, if any is.
    pub fn first_comment_source(&self) -> Option<usize> {
        let own = self.post()?.sources.len();
        (self.thread_layout.shape().source_count() > 0).then_some(own)
    }

    /// Lines of the open article: the body's, then the thread's.
    pub fn article_len(&self) -> usize {
        self.article.lines.len() + self.thread_layout.len()
    }

    /// The article line where the comment thread starts (with a blank line
    /// and the rule with the count).
    pub fn thread_top(&self) -> usize {
        self.article.lines.len()
    }

    /// The furthest the article can scroll: its last line at the bottom.
    pub fn max_scroll(&self) -> usize {
        self.article_len()
            .saturating_sub(self.article_height().max(1))
    }

    /// Re-wraps the open post and its thread if the post or the width
    /// changed, keeping the block or comment at the top of the view in place.
    pub fn refresh_article(&mut self) {
        let Some(id) = self.open_post else {
            self.article = WrappedArticle::default();
            self.thread_layout = ThreadLayout::default();
            self.scroll = 0;
            return;
        };
        let anchor = self.top_anchor();
        let same_post = self.article.key().is_some_and(|(post, _)| post == id);
        let width = self.article_width();
        let post = self.corpus.post(id);
        let body_changed = self.article.ensure(id, post, width);
        let thread_changed = self
            .thread_layout
            .ensure(id, post, width, &self.thread.folded);
        if (body_changed || thread_changed) && same_post && self.scroll > 0 {
            self.scroll = match anchor {
                TopAnchor::Block(block) => self.article.block_starts.get(block).copied(),
                TopAnchor::Comment(comment) => {
                    super::thread::motion::lines_of_comment(self, comment).map(|l| l.start)
                }
                TopAnchor::None => None,
            }
            .unwrap_or(self.scroll);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// What is at the top of the view, to keep there when the text is
    /// wrapped anew.
    fn top_anchor(&self) -> TopAnchor {
        if let Some(block) = self.article.block_at_or_after(self.scroll) {
            return TopAnchor::Block(block);
        }
        let line = self.scroll.saturating_sub(self.thread_top());
        let layout = &self.thread_layout;
        match layout.row_at(line).and_then(|row| layout.row_position(row)) {
            Some(position) => TopAnchor::Comment(layout.shape().comment_at(position)),
            None => TopAnchor::None,
        }
    }

    /// The sources of the open post in order of their blocks: the source of
    /// the first quote or citation in view is the one "being read".
    pub fn source_in_view(&self) -> Option<usize> {
        let height = self.article_height().max(1);
        self.article
            .lines
            .iter()
            .skip(self.scroll)
            .take(height)
            .find_map(|line| line.source)
    }

    /// Blocks of the open post citing the selected source.
    pub fn citing_blocks(&self) -> Vec<usize> {
        match (self.post(), self.selected_source) {
            (Some(post), Some(source)) => post.blocks_citing(source).collect(),
            _ => Vec::new(),
        }
    }

    /// Where the open post sits in the list `]`/`[` follow: (1-based, total).
    pub fn post_position(&self) -> Option<(usize, usize)> {
        self.position
    }

    /// Recomputes [`App::position`] after the open post or its list changed.
    /// (A list may hold every post of a large corpus: too long to scan per frame.)
    pub fn refresh_position(&mut self) {
        self.position = (self.open_post)
            .and_then(|open| self.tree.place_under(self.post_list, open))
            .map(|(index, len)| (index + 1, len));
    }

    /// A row's label as the Topics pane shows it (without indentation).
    pub fn node_label(&self, node: NodeId) -> &str {
        match self.tree.node(node).kind {
            NodeKind::AllPosts => "All posts",
            NodeKind::Topic { name } | NodeKind::Outlet { name } => name,
            NodeKind::SourcesGroup => "Sources",
            NodeKind::Post(post) => self.corpus.title(post),
        }
    }
}
