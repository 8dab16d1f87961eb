//! The reader's memory without a terminal: read marks, new comments, the
//! jump list, what is saved of a place and how it comes back, and the
//! config's settings that change what the reader does.

mod common;

use common::{draw, press_keys, screen_text, small_app, thread_app};
use pundit::model::PostId;
use pundit::search::Scope;
use pundit::state::ArchiveId;
use pundit::tui::marks::comment_keys;
use pundit::tui::search::SearchAction;
use pundit::tui::update::update;
use pundit::tui::{Action, App, Focus, remember};

fn id() -> ArchiveId {
    ArchiveId {
        fingerprint: "0123".into(),
        paths: vec!["/archive.txt".into()],
        ..ArchiveId::default()
    }
}

fn read_posts(app: &App) -> Vec<usize> {
    (0..app.corpus.len())
        .filter(|&p| app.marks.is_read(PostId(p)))
        .collect()
}

#[test]
fn a_post_is_read_once_its_end_comes_on_screen() {
    let mut app = small_app(120, 40);
    // The third post is long: opening it is not reading it.
    press_keys(&mut app, "]]");
    assert_eq!(app.open_post, Some(PostId(2)));
    assert!(!app.marks.is_read(PostId(2)));
    // The second, short, was read the moment it opened.
    assert_eq!(read_posts(&app), [1]);
    update(&mut app, Action::FocusNext);
    update(&mut app, Action::ScrollBottom);
    assert_eq!(read_posts(&app), [1, 2]);
    // Marked unread by hand, it stays unread while the view stays.
    press_keys(&mut app, "m");
    assert_eq!(read_posts(&app), [1]);
    press_keys(&mut app, "?");
    update(&mut app, Action::CloseOverlay);
    assert_eq!(read_posts(&app), [1]);
    press_keys(&mut app, "k");
    assert_eq!(read_posts(&app), [1], "the end left the screen");
    update(&mut app, Action::ScrollBottom);
    assert_eq!(read_posts(&app), [1, 2]);
}

#[test]
fn hidden_article_reads_nothing() {
    // Under 80 columns only the focused pane shows: the Topics pane.
    let mut app = small_app(60, 20);
    press_keys(&mut app, "]");
    assert!(read_posts(&app).is_empty());
}

#[test]
fn the_tree_dims_read_posts_and_counts_unread() {
    let mut app = small_app(120, 40);
    press_keys(&mut app, "]");
    let text = screen_text(&draw(&app));
    assert!(text.contains("All posts (2/3)"), "{text}");
    assert!(text.contains("Transport (1/2)"), "{text}");
    assert!(text.contains("Politics (1/1)"), "{text}");
    let terminal = draw(&app);
    let buffer = terminal.backend().buffer();
    let (x, y) = common::find(&text, "▶ Ferry strike").expect("the row");
    let x = x + 2;
    assert!(
        !buffer[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::DIM),
        "the open post is bold, not dim"
    );
    press_keys(&mut app, "[");
    let text = screen_text(&draw(&app));
    let (x, y) = common::find(&text, "· Ferry strike").expect("the row");
    let x = x + 2;
    let terminal = draw(&app);
    assert!(
        terminal.backend().buffer()[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::DIM),
        "a read post is dim"
    );
}

#[test]
fn marks_for_a_topic_and_for_everything_toggle() {
    let mut app = small_app(120, 40);
    press_keys(&mut app, "A");
    assert_eq!(read_posts(&app), [0, 1, 2]);
    press_keys(&mut app, "A");
    assert!(read_posts(&app).is_empty());
    // In the Topics pane, M marks the selected group: Transport.
    press_keys(&mut app, "gjjjj");
    assert_eq!(app.node_label(app.selected_node().unwrap()), "Transport");
    press_keys(&mut app, "M");
    assert_eq!(read_posts(&app), [0, 1]);
    assert_eq!(
        app.status.as_deref(),
        Some("Marked 2 posts of Transport read")
    );
    app.marks.set_read(PostId(2), true);
    app.marks.set_read(PostId(0), false);
    // The counts kept as posts are marked are the counts of the tree.
    for node in (0..app.tree.len()).map(pundit::tui::tree::NodeId) {
        let unread = app.marks.unread_among(&app.tree.posts_under(node));
        assert_eq!(
            app.marks.unread_in(node),
            unread,
            "{}",
            app.node_label(node)
        );
    }
}

#[test]
fn next_unread_skips_what_was_read() {
    let mut app = small_app(120, 40);
    app.marks.set_read(PostId(1), true);
    press_keys(&mut app, ".");
    assert_eq!(app.open_post, Some(PostId(2)));
    app.marks.set_read(PostId(0), true);
    press_keys(&mut app, ".");
    assert_eq!(app.open_post, Some(PostId(2)));
    assert_eq!(app.status.as_deref(), Some("Every other post is read"));
}

#[test]
fn ctrl_o_goes_back_through_jumps_and_forward_again() {
    let mut app = small_app(120, 40);
    press_keys(&mut app, "]]");
    update(&mut app, Action::FocusNext);
    let start = (app.open_post, app.scroll);
    press_keys(&mut app, "1");
    let quoted = (app.open_post, app.scroll);
    assert_ne!(quoted, start, "the digit jumped to the quote");
    update(&mut app, Action::JumpBack);
    assert_eq!((app.open_post, app.scroll), start);
    update(&mut app, Action::JumpForward);
    assert_eq!((app.open_post, app.scroll), quoted);
    // Back across posts, and lines scrolled are not jumps.
    press_keys(&mut app, "jj");
    update(&mut app, Action::JumpBack);
    assert_eq!((app.open_post, app.scroll), start);
    update(&mut app, Action::JumpBack);
    assert_eq!(app.open_post, Some(PostId(1)));
    update(&mut app, Action::JumpBack);
    assert_eq!(app.open_post, Some(PostId(0)));
    update(&mut app, Action::JumpBack);
    assert_eq!(
        app.status.as_deref(),
        Some("No earlier place in the jump list")
    );
    // A new jump forgets the places gone back from.
    press_keys(&mut app, "]");
    update(&mut app, Action::JumpForward);
    assert_eq!(
        app.status.as_deref(),
        Some("No later place in the jump list")
    );
}

#[test]
fn a_click_that_opens_a_post_is_a_jump() {
    let mut app = small_app(120, 40);
    let text = screen_text(&draw(&app));
    let (x, y) = common::find(&text, "Budget day").expect("the tree row");
    update(&mut app, Action::Click(x, y));
    assert_eq!(app.open_post, Some(PostId(2)));
    update(&mut app, Action::JumpBack);
    assert_eq!(app.open_post, Some(PostId(0)));
}

#[test]
fn a_search_jump_goes_back_to_where_the_search_started() {
    let mut app = small_app(120, 40);
    press_keys(&mut app, "/quote");
    update(&mut app, Action::Search(SearchAction::Confirm));
    assert_eq!(app.open_post, Some(PostId(2)));
    update(&mut app, Action::JumpBack);
    assert_eq!((app.open_post, app.scroll), (Some(PostId(0)), 0));
    assert_eq!(app.jumps.len_forward(), 1);
}

#[test]
fn a_place_saved_comes_back_at_the_same_size_and_near_it_at_another() {
    let mut app = small_app(120, 40);
    press_keys(&mut app, "g");
    update(&mut app, Action::TreeActivate); // collapse "All posts"
    press_keys(&mut app, "jj");
    update(&mut app, Action::TreeActivate); // expand "Politics"
    press_keys(&mut app, "j");
    update(&mut app, Action::TreeActivate); // open "Budget day" from it
    update(&mut app, Action::FocusNext);
    for _ in 0..20 {
        update(&mut app, Action::ScrollDown);
    }
    let record = remember::record_of(&app, &id(), None);
    let place = record.place.clone().unwrap();
    assert_eq!(place.post, "budget-day");
    assert_eq!(place.open_groups, [vec!["Politics".to_string()]]);

    let mut again = small_app(120, 40);
    remember::restore(&mut again, &record, false);
    assert_eq!(again.open_post, app.open_post);
    // The post it would have opened with was never on screen.
    assert_eq!(again.marks.opened, [false, false, true]);
    assert_eq!(again.scroll, app.scroll);
    assert_eq!(again.focus, Focus::Article);
    assert_eq!(again.post_list, app.post_list);
    assert_eq!(again.rows, app.rows);
    assert_eq!(again.tree_selected, app.tree_selected);

    // At another width the block at the top of the view stays there.
    let top_block = app.article.block_at_or_after(app.scroll);
    let mut narrow = small_app(100, 30);
    remember::restore(&mut narrow, &record, false);
    assert_eq!(narrow.article.block_at_or_after(narrow.scroll), top_block);

    // --fresh: the marks, not the place.
    let mut fresh = small_app(120, 40);
    remember::restore(&mut fresh, &record, true);
    assert_eq!(fresh.open_post, Some(PostId(0)));
    assert_eq!(read_posts(&fresh), read_posts(&app));
}

#[test]
fn comments_missing_from_the_last_visit_are_new_and_reached_with_a_key() {
    let mut app = thread_app(120, 40);
    let post = app.post().unwrap().clone();
    // The last visit saw every comment but the fourth and the twelfth.
    let seen: Vec<u64> = comment_keys(&post)
        .into_iter()
        .filter(|&key| {
            key != pundit::tui::marks::comment_key(&post.comments[3])
                && key != pundit::tui::marks::comment_key(&post.comments[11])
        })
        .collect();
    app.marks
        .seen_before
        .insert(PostId(0), seen.into_iter().collect());
    update(&mut app, Action::NextNewComment);
    assert_eq!(app.thread.cursor, Some(3));
    let text = screen_text(&draw(&app));
    let author = post.comments[3].author.clone().unwrap();
    assert!(text.contains(&format!("● {author}")), "{text}");
    update(&mut app, Action::NextNewComment);
    assert_eq!(app.thread.cursor, Some(11));
    update(&mut app, Action::NextNewComment);
    assert_eq!(app.status.as_deref(), Some("No new comments below"));
    // What is saved counts every comment of the post as seen.
    let record = remember::record_of(&app, &id(), None);
    assert_eq!(
        record.seen_comments["harbour-bridge-tolls-return"],
        comment_keys(&post)
    );
}

#[test]
fn max_width_and_the_default_scope_apply() {
    let mut app = small_app(200, 60);
    app.max_width = Some(40);
    app.refresh_article();
    assert!(
        app.article
            .lines
            .iter()
            .all(|l| l.text.chars().count() <= 40)
    );
    app.search.default_scope = Scope::Quotes;
    press_keys(&mut app, "/");
    assert_eq!(app.search.prompt.as_ref().unwrap().scope, Scope::Quotes);
}
