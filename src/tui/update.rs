//! `update(&mut App, Action)`: the only place the reader's state changes.
//!
//! No terminal I/O happens here. What must reach the outside world (open a
//! URL, copy to the clipboard, suspend) is returned as an [`Effect`] for the
//! event loop to carry out.

use super::action::Action;
use super::app::{App, Focus, Overlay};
use super::handover::{self, Arrival};
use super::tree::NodeKind;
use super::view::layout;
use super::view::loading::Progress;
use crate::model::PostId;
use crate::state::ArchiveRecord;

/// Work for the event loop after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Open this URL in the user's browser, without waiting for it.
    OpenUrl(String),
    /// Put `text` on the clipboard; `what` names it in the status bar
    /// ("the URL", "the quote").
    Copy {
        text: String,
        what: &'static str,
    },
    /// Stop the process until `fg` (Ctrl-Z).
    Suspend,
}

/// Moves the reader onto a corpus the loader sent: a larger preview of the
/// archive, or the whole of it (see [`handover::move_to`]), then, with
/// `to_remembered_place`, to where `remembered` says the archive was left.
/// The one change of state that is not an [`Action`]: actions are small
/// values, copied freely, and a corpus is not one.
pub fn receive_corpus(
    app: &mut App,
    arrival: Arrival,
    remembered: Option<&ArchiveRecord>,
    to_remembered_place: bool,
) {
    handover::move_to(app, arrival, remembered);
    if to_remembered_place && let Some(place) = remembered.and_then(|r| r.place.as_ref()) {
        super::remember::restore_place(app, place);
    }
    super::marks::note_view(app);
}

/// Lines the wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) -> Effect {
    if !matches!(action, Action::Resize(..) | Action::Loaded { .. }) {
        app.status = None;
    }
    let scroll_before = (app.open_post, app.scroll);
    let view_before = (app.open_post, app.scroll, app.size);
    let jump_from = super::jumplist::place_before(app, action);
    match action {
        Action::Quit => app.quit = true,
        Action::Suspend => return Effect::Suspend,
        Action::FocusNext => app.focus = app.focus.next(),
        Action::FocusPrev => app.focus = app.focus.prev(),
        Action::NextPost => step_post(app, true),
        Action::PrevPost => step_post(app, false),
        Action::ShowHelp => {
            app.overlay = Some(Overlay::Help);
            app.help_scroll = 0;
        }
        Action::CloseOverlay => app.overlay = None,
        Action::SelectSource(number) => select_source_numbered(app, number),
        Action::NextCitation => step_citation(app, true),
        Action::PrevCitation => step_citation(app, false),
        Action::OpenUrl => return open_url(app),
        Action::CopyUrl => return copy_url(app),
        Action::TreeDown => move_tree(app, 1),
        Action::TreeUp => move_tree(app, -1),
        Action::TreePageDown => move_tree(app, page(app.tree_height())),
        Action::TreePageUp => move_tree(app, -page(app.tree_height())),
        Action::TreeTop => move_tree(app, isize::MIN / 2),
        Action::TreeBottom => move_tree(app, isize::MAX / 2),
        Action::TreeActivate => activate_row(app),
        Action::TreeExpand => expand_row(app),
        Action::TreeCollapse => collapse_row(app),
        Action::ScrollDown => scroll_by(app, 1),
        Action::ScrollUp => scroll_by(app, -1),
        Action::PageDown => scroll_by(app, page(app.article_height())),
        Action::PageUp => scroll_by(app, -page(app.article_height())),
        Action::ScrollTop => app.scroll = 0,
        Action::ScrollBottom => app.scroll = app.max_scroll(),
        Action::SourceDown => step_source(app, true),
        Action::SourceUp => step_source(app, false),
        Action::HelpDown => scroll_help(app, 1),
        Action::HelpUp => scroll_help(app, -1),
        Action::Resize(width, height) => {
            app.size = (width, height);
            app.refresh_article();
            keep_tree_selection_in_view(app);
            keep_source_in_view(app);
        }
        Action::Click(x, y) => click(app, x, y),
        Action::Wheel(x, y, down) => wheel(app, x, y, down),
        Action::TypeAhead(c) => match app.overlay {
            Some(Overlay::Prompt) => super::search::type_ahead(app, c),
            Some(Overlay::Filter) => super::filter::type_ahead(app, c),
            _ => {}
        },
        Action::JumpBack => super::jumplist::back(app),
        Action::JumpForward => super::jumplist::forward(app),
        Action::ToggleRead => super::marks::toggle_read(app),
        Action::ToggleTopicRead => super::marks::toggle_topic_read(app),
        Action::ToggleAllRead => super::marks::toggle_all_read(app),
        Action::NextUnread => super::marks::next_unread(app),
        Action::NextNewComment => super::marks::next_new_comment(app),
        Action::Search(action) => super::search::update(app, action),
        Action::Filter(action) => super::filter::update(app, action),
        Action::Thread(action) => super::thread::motion::update(app, action),
        Action::CopyQuote => return copy_quote(app),
        Action::HelpPageDown => scroll_help(app, page(help_height(app))),
        Action::HelpPageUp => scroll_help(app, -page(help_height(app))),
        Action::HelpTop => app.help_scroll = 0,
        Action::HelpBottom => app.help_scroll = super::view::help::max_scroll(app),
        Action::Unbound(key) => app.status = app.keymap.unbound_message(&key, app.overlay),
        Action::Loaded { done, total } => {
            if app.loading.is_some() {
                app.loading = Some(Progress { done, total });
            }
        }
    }
    if let Some(from) = jump_from {
        super::jumplist::note_jump(app, from);
    }
    if (app.open_post, app.scroll, app.size) != view_before {
        super::marks::note_view(app);
    }
    if (app.open_post, app.scroll) != scroll_before {
        follow_source_in_view(app);
    }
    super::thread::motion::follow_view(app);
    Effect::None
}

/// With no source selected, the Sources pane keeps the source being read
/// (the one marked as in view) on screen as the article scrolls. Only
/// after the article moved, so that scrolling the Sources pane itself with
/// the wheel is not undone.
fn follow_source_in_view(app: &mut App) {
    if app.selected_source.is_some() {
        return;
    }
    if let Some(in_view) = app.source_in_view() {
        show_source(app, in_view);
    }
}

fn scroll_help(app: &mut App, lines: isize) {
    let most = super::view::help::max_scroll(app);
    app.help_scroll = app.help_scroll.saturating_add_signed(lines).min(most);
}

fn help_height(app: &App) -> usize {
    super::view::help::visible_lines(app)
}

/// A page: the view's height less one line of context, at least one line.
fn page(height: usize) -> isize {
    height.saturating_sub(1).max(1) as isize
}

fn scroll_by(app: &mut App, lines: isize) {
    app.scroll = app
        .scroll
        .saturating_add_signed(lines)
        .min(app.max_scroll());
}

/// Opens `post`, resetting what belonged to the previous one.
pub fn open_post(app: &mut App, post: PostId) {
    app.open_post = Some(post);
    app.marks.note_opened(post);
    app.scroll = 0;
    app.thread = super::thread::ThreadState::new(app.corpus.post(post).comments.len());
    app.selected_source = None;
    app.citation = None;
    app.sources_offset = 0;
    app.refresh_article();
    app.refresh_position();
}

/// Opens `post` and selects it in the Topics pane, under the list `]`
/// follows if it is there, else under "All posts".
pub fn open_and_select(app: &mut App, post: PostId) {
    open_post(app, post);
    super::jump::select_in_tree(app, post);
}

fn step_post(app: &mut App, forward: bool) {
    let Some(open) = app.open_post else { return };
    let list = app.tree.posts_under(app.post_list);
    let Some(index) = list.iter().position(|&p| p == open) else {
        return;
    };
    let next = if forward {
        list.get(index + 1)
    } else {
        index.checked_sub(1).and_then(|i| list.get(i))
    };
    let Some(&next) = next else {
        app.status = Some(if forward {
            "This is the last post".to_string()
        } else {
            "This is the first post".to_string()
        });
        return;
    };
    open_post(app, next);
    if let Some(row) = app.row_of_post_under(app.post_list, next) {
        app.tree_selected = row;
        keep_tree_selection_in_view(app);
    }
}

fn move_tree(app: &mut App, delta: isize) {
    let last = app.rows.len().saturating_sub(1);
    app.tree_selected = app.tree_selected.saturating_add_signed(delta).min(last);
    keep_tree_selection_in_view(app);
}

pub(crate) fn keep_tree_selection_in_view(app: &mut App) {
    let height = app.tree_height().max(1);
    if app.tree_selected < app.tree_offset {
        app.tree_offset = app.tree_selected;
    } else if app.tree_selected >= app.tree_offset + height {
        app.tree_offset = app.tree_selected + 1 - height;
    }
    app.tree_offset = app.tree_offset.min(app.rows.len().saturating_sub(height));
}

fn set_expanded(app: &mut App, node: super::tree::NodeId, expanded: bool) {
    if let Some(flag) = app.expanded.get_mut(node.0) {
        *flag = expanded;
    }
    app.rows = super::filter::visible_rows(app);
    if let Some(row) = app.rows.iter().position(|&r| r == node) {
        app.tree_selected = row;
    }
    keep_tree_selection_in_view(app);
}

fn activate_row(app: &mut App) {
    let Some(node) = app.selected_node() else {
        return;
    };
    match app.tree.node(node).kind {
        NodeKind::Post(post) => open_from_tree(app, node, post),
        _ => {
            let expanded = app.expanded.get(node.0).copied().unwrap_or(false);
            set_expanded(app, node, !expanded);
        }
    }
}

fn open_from_tree(app: &mut App, node: super::tree::NodeId, post: PostId) {
    if let Some(parent) = app.tree.node(node).parent {
        app.post_list = parent;
    }
    open_post(app, post);
    // Opened from under an outlet ("which posts cite the BBC?"): go to
    // where it cites that outlet.
    if let NodeKind::Outlet { name } = &app.tree.node(app.post_list).kind
        && let Some(source) = source_from_outlet(app, name)
    {
        select_source(app, source);
    }
    // With one pane at a time, opening a post means wanting to read it.
    if app.panes().topics.is_some() && app.panes().article.is_none() {
        app.focus = Focus::Article;
    }
}

/// The open post's first source from `outlet`, matched as the corpus groups
/// outlets: without case, and "The Guardian" is "Guardian".
fn source_from_outlet(app: &App, outlet: &str) -> Option<usize> {
    app.post()?.source_from_outlet(outlet)
}

fn expand_row(app: &mut App) {
    let Some(node) = app.selected_node() else {
        return;
    };
    if let NodeKind::Post(post) = app.tree.node(node).kind {
        open_from_tree(app, node, post);
        return;
    }
    if app.expanded.get(node.0).copied().unwrap_or(false) {
        if app.tree.children(node).next().is_some() {
            move_tree(app, 1);
        }
    } else {
        set_expanded(app, node, true);
    }
}

fn collapse_row(app: &mut App) {
    let Some(node) = app.selected_node() else {
        return;
    };
    if app.expanded.get(node.0).copied().unwrap_or(false) {
        set_expanded(app, node, false);
    } else if let Some(parent) = app.tree.node(node).parent
        && let Some(row) = app.rows.iter().position(|&r| r == parent)
    {
        app.tree_selected = row;
        keep_tree_selection_in_view(app);
    }
}

fn select_source_numbered(app: &mut App, number: usize) {
    let count = app.source_count();
    if number == 0 || number > count {
        app.status = Some(match count {
            0 => "This post cites no sources".to_string(),
            1 => "This post has 1 source".to_string(),
            n => format!("This post has {n} sources"),
        });
        return;
    }
    select_source(app, number - 1);
}

/// Selects source `source` and scrolls to the first block citing it (or
/// to the comment citing it).
fn select_source(app: &mut App, source: usize) {
    app.selected_source = Some(source);
    app.citation = None;
    keep_source_in_view(app);
    if let Some((comment, _)) = app.comment_citing(source) {
        super::thread::fold::reveal(app, comment);
        super::thread::motion::show_comment(app, comment);
        return;
    }
    let citing = app.citing_blocks();
    match citing.first() {
        Some(&block) => {
            app.citation = Some(0);
            scroll_to_block(app, block);
        }
        None => app.status = Some("No block of this post cites that source".to_string()),
    }
}

fn scroll_to_block(app: &mut App, block: usize) {
    if let Some(&start) = app.article.block_starts.get(block) {
        app.scroll = start.min(app.max_scroll());
    }
}

fn step_source(app: &mut App, forward: bool) {
    let count = app.source_count();
    if count == 0 {
        return;
    }
    let next = match (app.selected_source, forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(s), true) => (s + 1).min(count - 1),
        (Some(s), false) => s.saturating_sub(1),
    };
    select_source(app, next);
}

fn step_citation(app: &mut App, forward: bool) {
    if app.selected_source.is_none() {
        let Some(source) = app.source_in_view().or(app
            .post()
            .and_then(|p| (!p.sources.is_empty()).then_some(0)))
        else {
            app.status = Some("This post cites no sources".to_string());
            return;
        };
        select_source(app, source);
        return;
    }
    let citing = app.citing_blocks();
    if citing.is_empty() {
        return;
    }
    let last = citing.len() - 1;
    let next = match (app.citation, forward) {
        (None, _) => 0,
        (Some(i), true) if i >= last => {
            app.status = Some("Last place citing this source".to_string());
            i
        }
        (Some(i), true) => i + 1,
        (Some(0), false) => {
            app.status = Some("First place citing this source".to_string());
            0
        }
        (Some(i), false) => i - 1,
    };
    app.citation = Some(next);
    if let Some(&block) = citing.get(next) {
        scroll_to_block(app, block);
    }
}

pub(crate) fn keep_source_in_view(app: &mut App) {
    if let Some(selected) = app.selected_source {
        show_source(app, selected);
    }
}

/// Scrolls the Sources pane just enough that all of `source` shows.
fn show_source(app: &mut App, source: usize) {
    let height = app.sources_height().max(1);
    if source < app.sources_offset {
        app.sources_offset = source;
    }
    while app.sources_offset < source
        && (app.sources_offset..=source)
            .map(|s| app.source_rows(s))
            .sum::<usize>()
            > height
    {
        app.sources_offset += 1;
    }
}

/// The source a command applies to: the selected one, else the one in view.
fn target_source(app: &App) -> Option<(usize, &crate::model::Source)> {
    let index = app.selected_source.or_else(|| app.source_in_view())?;
    Some((index, app.source(index)?))
}

fn open_url(app: &mut App) -> Effect {
    let Some((_, source)) = target_source(app) else {
        app.status = Some("No source selected (press 1–9)".to_string());
        return Effect::None;
    };
    match &source.url {
        Some(url) => {
            let url = url.clone();
            app.status = Some(format!("Opening {url}"));
            Effect::OpenUrl(url)
        }
        None => {
            app.status = Some("No URL for this source (y copies its name)".to_string());
            Effect::None
        }
    }
}

/// `y`: the source's URL, or "Outlet — Headline" for one without.
fn copy_url(app: &mut App) -> Effect {
    let Some((_, source)) = target_source(app) else {
        app.status = Some("No source selected (press 1–9)".to_string());
        return Effect::None;
    };
    match &source.url {
        Some(url) => Effect::Copy {
            text: url.clone(),
            what: "the URL",
        },
        None => Effect::Copy {
            text: source.label(),
            what: "the source's name",
        },
    }
}

/// `Y`: what is being read, with where it comes from.
fn copy_quote(app: &mut App) -> Effect {
    match super::provenance::being_read(app) {
        Some(copied) => Effect::Copy {
            text: copied.text,
            what: copied.what,
        },
        None => {
            app.status = Some("Nothing to copy here".to_string());
            Effect::None
        }
    }
}

fn click(app: &mut App, x: u16, y: u16) {
    match app.overlay {
        Some(Overlay::Help) => {
            app.overlay = None;
            return;
        }
        // Typing and the results list keep the keys until Enter or Esc.
        Some(Overlay::Prompt | Overlay::Results | Overlay::Filter) => return,
        None => {}
    }
    let panes = app.panes();
    let Some(pane) = panes.pane_at(x, y) else {
        return;
    };
    app.focus = pane;
    let Some(rect) = panes.rect_of(pane) else {
        return;
    };
    let inner = layout::inner(rect);
    if !inner.contains((x, y).into()) {
        return;
    }
    let row = usize::from(y - inner.y);
    match pane {
        Focus::Topics => {
            let index = app.tree_offset + row;
            if index < app.rows.len() {
                app.tree_selected = index;
                activate_row(app);
            }
        }
        Focus::Sources => {
            let count = app.source_count();
            let mut top = 0;
            for source in app.sources_offset..count {
                let rows = app.source_rows(source);
                if row < top + rows {
                    select_source(app, source);
                    return;
                }
                top += rows;
            }
        }
        Focus::Article => {
            select_source_of_line(app, app.scroll + row);
            super::thread::motion::select_comment_at_line(app, app.scroll + row);
        }
    }
}

/// A click on a quote or citation selects its source, and makes that
/// block the current one for `}`/`{`, without scrolling away from it.
fn select_source_of_line(app: &mut App, line: usize) {
    let Some(article_line) = app.article.lines.get(line) else {
        return;
    };
    let (Some(source), Some(block)) = (article_line.source, article_line.block) else {
        return;
    };
    app.selected_source = Some(source);
    app.citation = app.citing_blocks().iter().position(|&b| b == block);
    keep_source_in_view(app);
}

fn wheel(app: &mut App, x: u16, y: u16, down: bool) {
    if app.overlay == Some(Overlay::Help) {
        app.help_scroll = if down {
            (app.help_scroll + WHEEL_LINES).min(super::view::help::max_scroll(app))
        } else {
            app.help_scroll.saturating_sub(WHEEL_LINES)
        };
        return;
    }
    let lines = if down {
        WHEEL_LINES as isize
    } else {
        -(WHEEL_LINES as isize)
    };
    match app.panes().pane_at(x, y) {
        Some(Focus::Topics) => move_tree(app, lines),
        Some(Focus::Article) => scroll_by(app, lines),
        Some(Focus::Sources) => {
            let count = app.source_count();
            app.sources_offset = if down {
                (app.sources_offset + 1).min(count.saturating_sub(1))
            } else {
                app.sources_offset.saturating_sub(1)
            };
        }
        None => {}
    }
}

/// What the status bar says after a load with warnings: the one there is,
/// or how many and where to read them, then the first ("3 warnings (?
/// lists them): a.bin: skipped: not UTF-8 text …"), what to do first as a
/// long warning is cut at the edge.
pub fn warnings_summary(app: &App) -> Option<String> {
    let first = app.load_warnings.first()?;
    Some(match app.load_warnings.len() {
        1 => first.clone(),
        n => format!("{n} warnings (? lists them): {first}"),
    })
}

/// Shows `message` in the status bar: for outcomes the event loop learns of
/// after carrying out an effect (a browser that would not start, what a
/// copy went through).
pub fn report(app: &mut App, message: String) {
    app.status = Some(message);
}
