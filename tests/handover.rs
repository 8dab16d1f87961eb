//! The reader moving from a preview of an archive still loading to the
//! whole archive: what the user did on the preview is kept, by post
//! identity, and a post the whole archive reads differently leaves the
//! reader at the nearest one with a message.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{draw, screen_text, small_corpus, thread_corpus};
use pundit::model::{Block, BlockKind, Corpus, Post, PostId, Topic};
use pundit::search::SearchIndex;
use pundit::state::ArchiveRecord;
use pundit::tui::handover::Arrival;
use pundit::tui::search::SearchAction;
use pundit::tui::thread::ThreadAction;
use pundit::tui::tree::Tree;
use pundit::tui::update::{receive_corpus, update};
use pundit::tui::view::loading::Progress;
use pundit::tui::{Action, App, Focus, Overlay};

/// A post of its own, with "quote" in its text, for the whole archive.
fn extra_post(n: usize) -> Post {
    Post {
        id: format!("later-post-{n}").into(),
        title: format!("Later post {n}"),
        topics: vec!["Politics".into()],
        blocks: vec![Block::new(
            BlockKind::Paragraph,
            format!("A later quote, number {n}."),
        )],
        ..Default::default()
    }
}

/// The small corpus with two more posts after it: what the whole archive
/// holds when the small corpus was its preview.
fn whole_of(preview: &Corpus) -> Corpus {
    let mut posts = preview.clone().into_posts();
    posts.extend([extra_post(1), extra_post(2)]);
    let mut topics = preview.topics_by_id();
    if let Some(politics) = topics.iter_mut().find(|t| t.name == "Politics") {
        politics
            .posts
            .extend(["later-post-1".into(), "later-post-2".into()]);
    }
    Corpus::new(posts, Some(topics))
}

fn loading() -> Progress {
    Progress {
        done: 34_000_000,
        total: 1_024_000_000,
    }
}

/// A reader on `preview` as the event loop opens it: its own index, the
/// load under way.
fn reader_on_preview(preview: Corpus) -> App {
    let index = Arc::new(SearchIndex::new(&preview));
    let mut app = App::new(preview, (120, 40), false);
    app.search.attach(index);
    app.loading = Some(loading());
    app
}

/// Moves `app` onto `whole`, as the event loop does when it arrives.
fn hand_over(app: &mut App, whole: Corpus, remembered: Option<&ArchiveRecord>) {
    let index = Arc::new(SearchIndex::new(&whole));
    let arrival = Arrival {
        tree: Tree::build(&whole),
        corpus: Arc::new(whole),
        index: Some(index),
        loading: None,
        same_posts: false,
    };
    receive_corpus(app, arrival, remembered, false);
}

/// Types `query` into the search prompt and confirms it.
fn search_for(app: &mut App, query: &str) {
    update(app, Action::Search(SearchAction::Open));
    for c in query.chars() {
        update(app, Action::Search(SearchAction::Type(c)));
    }
    update(app, Action::Search(SearchAction::Confirm));
}

fn open_post_id(app: &App) -> String {
    app.post()
        .map(|post| post.id.to_string())
        .unwrap_or_default()
}

fn selected_row_label(app: &App) -> String {
    app.selected_node()
        .map(|node| app.node_label(node).to_string())
        .unwrap_or_default()
}

fn status_line(app: &App) -> String {
    screen_text(&draw(app))
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_open_post_and_the_place_in_it_are_kept() {
    let preview = small_corpus();
    let whole = whole_of(&preview);
    let mut app = reader_on_preview(preview);
    // Open "Budget day", read a way into it in the article.
    pundit::tui::update::open_and_select(&mut app, PostId(2));
    assert_eq!(open_post_id(&app), "budget-day");
    update(&mut app, Action::FocusNext);
    for _ in 0..17 {
        update(&mut app, Action::ScrollDown);
    }
    let (scroll, row) = (app.scroll, selected_row_label(&app));
    let (tree_selected, tree_offset) = (app.tree_selected, app.tree_offset);
    update(&mut app, Action::ToggleRead);
    update(&mut app, Action::ShowHelp);

    hand_over(&mut app, whole, None);

    assert_eq!(app.corpus.len(), 5);
    assert_eq!(open_post_id(&app), "budget-day");
    assert_eq!(app.scroll, scroll);
    assert_eq!(app.focus, Focus::Article);
    assert_eq!(app.overlay, Some(Overlay::Help));
    assert_eq!(selected_row_label(&app), row);
    assert_eq!(
        (app.tree_selected, app.tree_offset),
        (tree_selected, tree_offset)
    );
    let budget = app.corpus.post_by_id("budget-day").unwrap();
    assert!(app.marks.is_read(budget));
    assert_eq!(app.loading, None);
    // `]` goes on to the posts only the whole archive has.
    update(&mut app, Action::CloseOverlay);
    update(&mut app, Action::NextPost);
    assert_eq!(open_post_id(&app), "later-post-1");
}

#[test]
fn the_search_runs_again_on_the_whole_archive() {
    let preview = small_corpus();
    let whole = whole_of(&preview);
    let mut app = reader_on_preview(preview);
    search_for(&mut app, "quote");
    let before = app.search.active.clone().expect("a search");
    let current = before.current_match().expect("a current match").clone();
    assert!(
        status_line(&app).contains("in 1 post so far │"),
        "{}",
        status_line(&app)
    );
    // A second search left open in the prompt while the archive arrives.
    update(&mut app, Action::Search(SearchAction::Open));
    for c in "later".chars() {
        update(&mut app, Action::Search(SearchAction::Type(c)));
    }
    let before_later = app.search.active.as_ref().map_or(0, |a| a.results.len());
    assert_eq!(before_later, 0, "nothing in the preview says it");

    hand_over(&mut app, whole, None);

    let prompt = app.search.prompt.as_ref().expect("the prompt stays open");
    assert_eq!(prompt.text, "later");
    assert_eq!(app.overlay, Some(Overlay::Prompt));
    let active = app.search.active.as_ref().expect("the prompt's search");
    assert_eq!(active.text, "later");
    assert_eq!(active.results.post_count(), 2, "it found the later posts");
    assert!(!status_line(&app).contains("so far"));
    // Esc goes back to the search confirmed on the preview, found again
    // in the whole archive, at the same match.
    update(&mut app, Action::Search(SearchAction::Cancel));
    let active = app.search.active.as_ref().expect("the earlier search");
    assert_eq!(active.text, "quote");
    assert!(active.results.len() > before.results.len());
    let now = active.current_match().expect("its current match");
    assert_eq!(
        (
            app.corpus.post(now.post).id.clone(),
            now.place().location,
            now.place().offset
        ),
        (
            small_corpus().post(current.post).id.clone(),
            current.place().location,
            current.place().offset
        )
    );
}

#[test]
fn the_jump_list_and_the_folds_are_kept() {
    let whole = thread_corpus();
    let first = whole.post(PostId(0)).clone();
    let preview = Corpus::new(vec![first.clone()], None);
    let mut app = reader_on_preview(preview);
    app.size = (100, 30);
    update(&mut app, Action::Resize(100, 30));
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::Thread(ThreadAction::ToggleComments));
    update(&mut app, Action::Thread(ThreadAction::Next));
    update(&mut app, Action::Thread(ThreadAction::Fold));
    let (folded, cursor) = (app.thread.folded.clone(), app.thread.cursor);
    assert!(folded.iter().any(|&f| f), "a comment is folded");
    let jumps = app.jumps.len_back();
    assert!(jumps > 0, "going to the comments was a jump");

    hand_over(&mut app, whole, None);

    assert_eq!(open_post_id(&app), first.id.as_ref());
    assert_eq!(app.thread.folded, folded);
    assert_eq!(app.thread.cursor, cursor);
    assert_eq!(app.jumps.len_back(), jumps);
    update(&mut app, Action::JumpBack);
    assert_eq!(open_post_id(&app), first.id.as_ref());
    assert_eq!(app.scroll, 0, "back at the top of the post");
}

#[test]
fn a_post_the_whole_archive_does_not_have_leaves_the_reader_at_the_nearest() {
    let small = small_corpus();
    // The preview read the third post's title differently.
    let mut posts = small.clone().into_posts();
    posts[2].id = "budget-day-draft".into();
    posts[2].title = "Budget day draft".into();
    let mut topics: Vec<Topic> = small.topics_by_id();
    topics[1].posts = vec!["budget-day-draft".into()];
    let preview = Corpus::new(posts, Some(topics));
    let mut app = reader_on_preview(preview);
    pundit::tui::update::open_and_select(&mut app, PostId(2));
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::PageDown);

    hand_over(&mut app, whole_of(&small), None);

    assert_eq!(open_post_id(&app), "ferry-strike");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("Budget day draft"), "{status}");
    assert!(status_line(&app).contains("at the nearest post"));
    assert_eq!(app.focus, Focus::Article);
}

#[test]
fn a_post_found_by_title_and_date_when_its_id_changed() {
    let small = small_corpus();
    let mut posts = small.clone().into_posts();
    posts[0].id = "harbour-bridge-tolls-2".into();
    let preview = Corpus::new(posts, None);
    let mut app = reader_on_preview(preview);
    update(&mut app, Action::ToggleRead);
    hand_over(&mut app, whole_of(&small), None);
    assert_eq!(open_post_id(&app), "harbour-bridge-tolls");
    assert!(app.marks.is_read(PostId(0)));
}

#[test]
fn posts_new_to_the_reader_take_their_remembered_marks() {
    let preview = small_corpus();
    let whole = whole_of(&preview);
    let mut app = reader_on_preview(preview);
    // Remembered as read, marked unread on the preview: the user's mark wins.
    let record = ArchiveRecord {
        read: vec!["ferry-strike".into(), "later-post-2".into()],
        ..Default::default()
    };
    hand_over(&mut app, whole, Some(&record));
    // (The first post, open and short, is read by being on screen.)
    let read: Vec<bool> = (1..5).map(|p| app.marks.is_read(PostId(p))).collect();
    assert_eq!(read, [false, false, false, true]);
}

#[test]
fn the_status_says_how_much_is_loaded() {
    let mut app = reader_on_preview(small_corpus());
    let status = status_line(&app);
    assert!(
        status.contains("loading 34 of 1,024 MB · 3 posts so far"),
        "{status}"
    );
    update(
        &mut app,
        Action::Loaded {
            done: 1_024_000_000,
            total: 1_024_000_000,
        },
    );
    let status = status_line(&app);
    assert!(
        status.contains("1,024 MB read, building · 3 posts so far"),
        "{status}"
    );
    let whole = whole_of(&small_corpus());
    hand_over(&mut app, whole, None);
    let status = status_line(&app);
    assert!(
        !status.contains("so far") && !status.contains("MB"),
        "{status}"
    );
    // Progress reported late, after the whole archive, changes nothing.
    update(&mut app, Action::Loaded { done: 1, total: 2 });
    assert_eq!(app.loading, None);
}

#[test]
fn the_loading_status_fits_any_terminal() {
    for (width, height) in [(120, 40), (80, 24), (60, 20), (30, 8), (10, 3), (1, 1)] {
        let mut app = reader_on_preview(small_corpus());
        update(&mut app, Action::Resize(width, height));
        let status = status_line(&app);
        assert!(
            pundit::tui::width::width(&status) <= usize::from(width),
            "{width}×{height}: {status}"
        );
    }
    // Wide enough, the status says it before the key hints.
    let mut app = reader_on_preview(small_corpus());
    update(&mut app, Action::Resize(80, 24));
    let status = status_line(&app);
    let loading = status.find("loading").expect("the loading status");
    assert!(
        status.find("quit").is_none_or(|hint| hint > loading),
        "{status}"
    );
}

#[test]
fn a_large_search_runs_again_in_the_background_and_keeps_its_match() {
    let preview = small_corpus();
    let whole = whole_of(&preview);
    let mut app = reader_on_preview(preview);
    // As on a large archive: searches go to the worker.
    app.search.use_background_worker();
    update(&mut app, Action::Search(SearchAction::Open));
    for c in "quote".chars() {
        update(&mut app, Action::Search(SearchAction::Type(c)));
    }
    assert!(pundit::tui::search::wait(&mut app, Duration::from_secs(10)));
    update(&mut app, Action::Search(SearchAction::Confirm));
    update(&mut app, Action::Search(SearchAction::Next));
    let before = app.search.active.clone().expect("a search");
    let current = before.current_match().expect("a current match").place();
    let (post, scroll) = (open_post_id(&app), app.scroll);

    hand_over(&mut app, whole, None);

    // The reader goes on while the search runs; the status says so.
    assert!(app.search.active.is_none());
    let status = status_line(&app);
    assert!(status.contains("searching everything loaded"), "{status}");
    assert!(pundit::tui::search::wait(&mut app, Duration::from_secs(10)));
    let active = app.search.active.as_ref().expect("the search, run again");
    assert_eq!(active.text, "quote");
    assert!(active.results.len() > before.results.len());
    let now = active.current_match().expect("its current match").place();
    assert_eq!(app.corpus.post(now.post).id.as_ref(), post);
    assert_eq!(
        (now.location, now.offset),
        (current.location, current.offset)
    );
    assert_eq!((open_post_id(&app), app.scroll), (post, scroll));
    assert!(!status_line(&app).contains("searching"));
}

#[test]
fn the_place_is_kept_by_block_when_the_heading_reads_differently() {
    let small = small_corpus();
    // The preview missed the author and date of "Budget day": its heading
    // is shorter than the whole archive's.
    let mut posts = small.clone().into_posts();
    posts[2].author = None;
    let preview = Corpus::new(posts, Some(small.topics_by_id()));
    let mut whole_posts = small.clone().into_posts();
    whole_posts[2].date = Some("Thursday the seventeenth of May, 2018".into());
    whole_posts[2].author = Some("Pete, with notes from the whole team".into());
    let whole = Corpus::new(whole_posts, Some(small.topics_by_id()));
    for lines_down in [0, 30] {
        let mut app = reader_on_preview(preview.clone());
        pundit::tui::update::open_and_select(&mut app, PostId(2));
        for _ in 0..lines_down {
            update(&mut app, Action::ScrollDown);
        }
        let top_line = |app: &App| app.article.lines.get(app.scroll).map(|l| l.text.clone());
        let before = top_line(&app);
        let heading_before = app.article.block_starts[0];
        hand_over(&mut app, whole.clone(), None);
        assert!(
            app.article.block_starts[0] > heading_before,
            "the heading grew"
        );
        if lines_down == 0 {
            assert_eq!(app.scroll, 0, "the top of the post");
        } else {
            assert_eq!(top_line(&app), before, "{lines_down} lines down");
        }
    }
}

/// Moves `app` onto `whole` without its index, as the event loop does for
/// an archive being cached (its index comes with the cache entry).
fn hand_over_unindexed(app: &mut App, whole: Corpus) {
    let arrival = Arrival {
        tree: Tree::build(&whole),
        corpus: Arc::new(whole),
        index: None,
        loading: None,
        same_posts: false,
    };
    receive_corpus(app, arrival, None, false);
}

#[test]
fn a_search_confirmed_on_a_preview_runs_again_when_the_index_comes() {
    let preview = small_corpus();
    let whole = whole_of(&preview);
    let mut app = reader_on_preview(preview);
    search_for(&mut app, "quote");
    let before = app.search.active.clone().expect("a search");
    let current = before.current_match().expect("a current match").clone();
    let current_id = app.corpus.id_of(current.post).to_string();

    hand_over_unindexed(&mut app, whole.clone());

    assert!(app.search.awaits_index());
    assert!(
        status_line(&app).contains("searching everything loaded"),
        "{}",
        status_line(&app)
    );
    pundit::tui::search::index_ready(&mut app, Arc::new(SearchIndex::new(&whole)));
    let active = app.search.active.as_ref().expect("the search, run again");
    assert_eq!(active.text, "quote");
    assert!(active.results.len() > before.results.len());
    let now = active.current_match().expect("its current match");
    assert_eq!(
        (app.corpus.id_of(now.post), now.place().location),
        (current_id.as_str(), current.place().location)
    );
}

#[test]
fn enter_while_the_index_is_awaited_goes_to_the_first_match_when_it_comes() {
    let preview = small_corpus();
    let whole = whole_of(&preview);
    let mut app = reader_on_preview(preview);
    hand_over_unindexed(&mut app, whole.clone());
    search_for(&mut app, "later quote");
    // Nothing was built on the reader's thread: the search waits.
    assert!(app.search.active.is_none());
    assert!(app.search.awaits_index());
    assert_ne!(open_post_id(&app), "later-post-1");

    pundit::tui::search::index_ready(&mut app, Arc::new(SearchIndex::new(&whole)));

    let active = app.search.active.as_ref().expect("the search, run");
    assert_eq!(active.results.post_count(), 2);
    assert_eq!(open_post_id(&app), "later-post-1");
}

#[test]
fn moving_onto_the_same_posts_mapped_keeps_everything() {
    let whole = whole_of(&small_corpus());
    let mut bytes = std::io::Cursor::new(Vec::new());
    let index = SearchIndex::new(&whole);
    bytes = pundit::model::flat::write_flat(&whole, &index, &[], bytes).unwrap();
    let file = pundit::model::flat::FlatFile::open(
        pundit::model::bytes::Bytes::new(bytes.into_inner()),
        pundit::model::flat::Verify::All,
    )
    .map(Arc::new)
    .unwrap();
    let mut app = App::new(whole, (120, 40), false);
    app.search.attach(Arc::new(index));
    pundit::tui::update::open_and_select(&mut app, PostId(2));
    update(&mut app, Action::FocusNext);
    for _ in 0..9 {
        update(&mut app, Action::ScrollDown);
    }
    update(&mut app, Action::ToggleRead);
    search_for(&mut app, "quote");
    let search = app.search.active.clone().expect("a search");
    // A second search left open in the prompt.
    update(&mut app, Action::Search(SearchAction::Open));
    for c in "later".chars() {
        update(&mut app, Action::Search(SearchAction::Type(c)));
    }
    let typed = app.search.active.clone().expect("the prompt's search");
    let (post, scroll, read) = (app.open_post, app.scroll, app.marks.is_read(PostId(2)));
    let screen = screen_text(&draw(&app));

    let mapped = pundit::model::Corpus::from_flat(Arc::clone(&file));
    let arrival = Arrival {
        tree: Tree::build(&mapped),
        corpus: Arc::new(mapped),
        index: Some(Arc::new(SearchIndex::from_flat(&file))),
        loading: None,
        same_posts: true,
    };
    receive_corpus(&mut app, arrival, None, false);

    assert_eq!((app.open_post, app.scroll), (post, scroll));
    assert_eq!(app.marks.is_read(PostId(2)), read);
    assert_eq!(app.search.active.as_ref(), Some(&typed));
    assert_eq!(screen_text(&draw(&app)), screen);
    // Esc goes back to the search confirmed before, as it was.
    update(&mut app, Action::Search(SearchAction::Cancel));
    let now = app.search.active.as_ref().expect("the search");
    assert_eq!(now.results, search.results);
    assert_eq!(now.current, search.current);
    assert_eq!(open_post_id(&app), "budget-day", "where the prompt opened");
}

#[test]
fn a_search_that_finds_nothing_while_loading_says_so_far() {
    let preview = small_corpus();
    let whole = whole_of(&preview);
    let mut app = reader_on_preview(preview);
    search_for(&mut app, "zebrafish");
    assert_eq!(app.status.as_deref(), Some("Not found so far: zebrafish"));
    assert!(status_line(&app).contains("Not found so far"));

    // Run again on the whole archive, the search says what it now covers.
    hand_over(&mut app, whole.clone(), None);
    assert_eq!(app.status.as_deref(), Some("Not found: zebrafish"));
    search_for(&mut app, "okapi");
    assert_eq!(app.status.as_deref(), Some("Not found: okapi"));
}

#[test]
fn a_search_not_found_so_far_that_the_whole_archive_has_says_no_more() {
    let preview = small_corpus();
    let whole = whole_of(&preview);
    let mut app = reader_on_preview(preview);
    search_for(&mut app, "later quote");
    assert_eq!(app.status.as_deref(), Some("Not found so far: later quote"));

    hand_over(&mut app, whole, None);
    assert_eq!(app.status, None);
    assert!(
        status_line(&app).contains("2 matches in 2 posts"),
        "{}",
        status_line(&app)
    );
}
