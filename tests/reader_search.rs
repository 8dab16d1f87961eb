//! Searching in the reader: keys through the keymap to search state, and
//! what the screen shows (highlights, the prompt, the results list, the
//! tree's match counts, the Topics filter). No terminal involved.

mod common;

use std::time::Duration;

use common::{draw, screen_text, small_app};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use pundit::model::PostId;
use pundit::search::{Location, Scope};
use pundit::tui::keymap::action_for;
use pundit::tui::update::update;
use pundit::tui::{App, Focus, Overlay, search};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let key = KeyEvent::new(code, modifiers);
    if let Some(action) = action_for(&key, app.focus, app.overlay) {
        update(app, action);
    }
}

fn press(app: &mut App, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// `/`, the query, and Enter.
fn search_for(app: &mut App, query: &str) {
    press(app, KeyCode::Char('/'));
    typed(app, query);
    press(app, KeyCode::Enter);
}

fn summary(app: &App) -> String {
    search::summary(app).unwrap_or_default()
}

fn prompt_text(app: &App) -> String {
    app.search
        .prompt
        .as_ref()
        .map(|p| p.text.clone())
        .unwrap_or_default()
}

/// The screen row where `text` appears, and the column it starts at.
fn find_on_screen(terminal: &Terminal<TestBackend>, text: &str) -> Option<(u16, u16)> {
    let screen = screen_text(terminal);
    screen.lines().enumerate().find_map(|(y, row)| {
        let at = row.find(text)?;
        Some((row[..at].chars().count() as u16, y as u16))
    })
}

fn modifiers_at(terminal: &Terminal<TestBackend>, x: u16, y: u16) -> Modifier {
    terminal.backend().buffer()[(x, y)].modifier
}

#[test]
fn typing_finds_matches_in_every_post_and_the_status_counts_them() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.overlay, Some(Overlay::Prompt));
    typed(&mut app, "ferry");
    let active = app.search.active.as_ref().expect("an active search");
    // Post 0 has "Ferry fares" twice (citation, quote) and a source
    // headline; post 1 has its title and first block, and its source.
    assert_eq!(active.results.post_count(), 2);
    assert!(active.results.len() >= 4, "{:?}", active.results);
    assert_eq!(prompt_text(&app), "ferry");
    let expected = format!("match 1/{} in 2 posts", active.results.len());
    assert_eq!(summary(&app), expected);
    // The first match is in the post that was open: nothing moved.
    assert_eq!(app.open_post, Some(PostId(0)));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(prompt_text(&app), "ferr");
}

#[test]
fn enter_jumps_to_a_match_in_another_post_and_scrolls_it_into_view() {
    let mut app = small_app(120, 40);
    search_for(&mut app, "a quote");
    assert_eq!(app.overlay, None);
    assert_eq!(app.open_post, Some(PostId(2)));
    let current = app
        .search
        .active
        .as_ref()
        .and_then(|a| a.current_match())
        .cloned()
        .expect("a current match");
    assert_eq!(current.location, Location::Block(30));
    let start = app.article.block_starts[30];
    assert!(app.scroll > 0, "scrolled down to block 30");
    assert!(
        (app.scroll..app.scroll + app.article_height()).contains(&start),
        "block 30 (line {start}) is on screen from line {}",
        app.scroll
    );
    // The tree follows the post that was opened.
    let selected = app.selected_node().expect("a selected row");
    assert_eq!(app.node_label(selected), "Budget day");
    assert_eq!(app.search.history, ["a quote"]);
}

#[test]
fn esc_cancels_and_restores_post_scroll_and_selection() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::Char('j'));
    let (post, scroll, selected) = (app.open_post, app.scroll, app.tree_selected);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "a quote");
    // While typing, the first match is previewed in its post.
    assert_eq!(app.open_post, Some(PostId(2)));
    assert!(app.scroll > 0);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert_eq!(
        (app.open_post, app.scroll, app.tree_selected),
        (post, scroll, selected)
    );
    assert!(app.search.active.is_none(), "no search was active before");
    assert!(app.search.history.is_empty());
}

#[test]
fn n_and_shift_n_step_across_posts_and_wrap_with_a_message() {
    let mut app = small_app(120, 40);
    search_for(&mut app, "ferry");
    let total = app.search.active.as_ref().map_or(0, |a| a.results.len());
    assert!(total >= 4);
    let current = |app: &App| app.search.active.as_ref().and_then(|a| a.current);
    assert_eq!(current(&app), Some(0));
    let mut posts = vec![app.open_post];
    for step in 1..total {
        press(&mut app, KeyCode::Char('n'));
        assert_eq!(current(&app), Some(step));
        assert_eq!(app.status, None, "no message before the end");
        posts.push(app.open_post);
    }
    assert!(posts.contains(&Some(PostId(1))), "n reached the other post");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(current(&app), Some(0));
    assert_eq!(
        app.status.as_deref(),
        Some("Search wrapped to the first match")
    );
    assert_eq!(app.open_post, Some(PostId(0)));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(current(&app), Some(total - 1));
    assert_eq!(
        app.status.as_deref(),
        Some("Search wrapped to the last match")
    );
    assert_eq!(summary(&app), format!("match {total}/{total} in 2 posts"));
}

#[test]
fn n_without_a_search_says_how_to_start_one() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::Char('n'));
    assert!(app.status.as_deref().is_some_and(|s| s.contains('/')));
}

#[test]
fn up_and_down_in_the_prompt_recall_the_sessions_queries() {
    let mut app = small_app(120, 40);
    search_for(&mut app, "toll");
    search_for(&mut app, "ferry");
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "bu");
    press(&mut app, KeyCode::Up);
    assert_eq!(prompt_text(&app), "ferry");
    assert_eq!(
        app.search.active.as_ref().map(|a| a.text.as_str()),
        Some("ferry"),
        "a recalled query runs at once"
    );
    press(&mut app, KeyCode::Up);
    assert_eq!(prompt_text(&app), "toll");
    press(&mut app, KeyCode::Up);
    assert_eq!(prompt_text(&app), "toll", "the oldest stays");
    press(&mut app, KeyCode::Down);
    assert_eq!(prompt_text(&app), "ferry");
    press(&mut app, KeyCode::Down);
    assert_eq!(prompt_text(&app), "bu", "back to what was typed");
}

#[test]
fn the_last_query_stays_active_for_n_after_the_prompt_closes() {
    let mut app = small_app(120, 40);
    search_for(&mut app, "ferry");
    // Esc on a new prompt brings the previous search back.
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "toll");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.search.active.as_ref().map(|a| a.text.as_str()),
        Some("ferry")
    );
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.search.active.as_ref().and_then(|a| a.current), Some(1));
    // Enter on an empty prompt clears the search and its highlights.
    search_for(&mut app, "");
    assert!(app.search.active.is_none());
    assert_eq!(search::summary(&app), None);
}

#[test]
fn tab_cycles_the_scope_and_narrows_the_matches() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "toll");
    let count = |app: &App| app.search.active.as_ref().map_or(0, |a| a.results.len());
    let everything = count(&app);
    let scope = |app: &App| app.search.prompt.as_ref().map(|p| p.scope);
    assert_eq!(scope(&app), Some(Scope::Everything));
    press(&mut app, KeyCode::Tab);
    assert_eq!(scope(&app), Some(Scope::Commentary));
    let commentary = count(&app);
    press(&mut app, KeyCode::Tab);
    assert_eq!(scope(&app), Some(Scope::Quotes));
    // Only one quote says "toll": "…to reinstate the toll from next July."
    assert_eq!(count(&app), 1);
    press(&mut app, KeyCode::Tab);
    assert_eq!(scope(&app), Some(Scope::Sources));
    let sources = count(&app);
    assert!(commentary > 0 && sources > 0);
    press(&mut app, KeyCode::Tab);
    assert_eq!(scope(&app), Some(Scope::Comments));
    let comments = count(&app);
    assert_eq!(everything, commentary + 1 + sources + comments);
    press(&mut app, KeyCode::Tab);
    assert_eq!(scope(&app), Some(Scope::Everything));
}

#[test]
fn ctrl_r_toggles_regex_and_an_invalid_one_is_a_message() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    press_with(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    typed(&mut app, "tol+s? (");
    let error = app.search.prompt.as_ref().and_then(|p| p.error.clone());
    assert!(error.is_some_and(|e| e.contains("regular expression")));
    let screen = screen_text(&draw(&app));
    let last = screen.lines().last().unwrap_or_default();
    assert!(last.starts_with(" / regex tol+s? ("), "{screen}");
    assert!(
        last.contains("invalid regular expression: unclosed group"),
        "{screen}"
    );
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    let active = app.search.active.as_ref().expect("a valid regex runs");
    assert!(active.results.len() > 1);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
}

#[test]
fn a_worker_answers_when_the_index_is_searched_in_the_background() {
    let mut app = small_app(120, 40);
    app.search.use_background_worker();
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "a quote");
    assert!(app.search.prompt.as_ref().is_some_and(|p| p.pending));
    assert!(search::wait(&mut app, Duration::from_secs(10)));
    assert_eq!(summary(&app), "match 1/1 in 1 post");
    assert_eq!(app.open_post, Some(PostId(2)));
    // Enter before the worker answers still jumps.
    press(&mut app, KeyCode::Esc);
    search_for(&mut app, "ferry strike");
    assert_eq!(app.open_post, Some(PostId(1)));
}

#[test]
fn the_results_list_has_a_row_per_matching_field_and_enter_goes_there() {
    let mut app = small_app(120, 40);
    search_for(&mut app, "budget");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.overlay, Some(Overlay::Results));
    let rows = app.search.list.rows.len();
    let active = app.search.active.as_ref().expect("active");
    assert!(rows > 30 && rows <= active.results.len());
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("Results for “budget”"), "{screen}");
    assert!(
        screen
            .lines()
            .any(|row| row.contains("┃Budget day ") && row.contains("│ title: Budget day")),
        "{screen}"
    );
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('j'));
    }
    let target = app.search.list.rows[5];
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    assert_eq!(
        app.search.active.as_ref().and_then(|a| a.current),
        Some(target)
    );
    press(&mut app, KeyCode::Char('S'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
}

#[test]
fn f_in_topics_filters_posts_by_title_and_esc_clears() {
    let mut app = small_app(120, 40);
    assert_eq!(app.focus, Focus::Topics);
    let before = app.rows.clone();
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.overlay, Some(Overlay::Filter));
    typed(&mut app, "frry");
    let labels: Vec<&str> = app.rows.iter().map(|&r| app.node_label(r)).collect();
    assert!(labels.contains(&"Ferry strike called off"), "{labels:?}");
    assert!(!labels.contains(&"Budget day"), "{labels:?}");
    assert!(
        !labels.contains(&"Harbour bridge tolls return"),
        "{labels:?}"
    );
    let selected = app.selected_node().map(|n| app.node_label(n));
    assert_eq!(selected, Some("Ferry strike called off"));
    // Enter keeps the filter and gives the keys back to the tree.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, None);
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("filter: frry"), "{screen}");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.open_post, Some(PostId(1)));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.rows, before);
}

#[test]
fn matches_are_highlighted_and_the_current_one_differs() {
    let mut app = small_app(120, 40);
    search_for(&mut app, "tolls");
    // The first match is in the title; the second in block 0.
    press(&mut app, KeyCode::Char('n'));
    let terminal = draw(&app);
    // Block 0: "The council wants tolls back on the harbour bridge…"
    let (x, y) = find_on_screen(&terminal, "wants tolls back").expect("block 0 on screen");
    let word = x + "wants ".len() as u16;
    let current = modifiers_at(&terminal, word, y);
    assert!(current.contains(Modifier::REVERSED | Modifier::UNDERLINED));
    assert!(!modifiers_at(&terminal, x, y).contains(Modifier::REVERSED));
    // The list item "Tolls fund the second crossing." is another match.
    let (x, y) = find_on_screen(&terminal, "Tolls fund").expect("list item on screen");
    let other = modifiers_at(&terminal, x, y);
    assert!(other.contains(Modifier::REVERSED));
    assert_ne!(current, other, "the current match looks different");
    assert!(!modifiers_at(&terminal, x + 6, y).contains(Modifier::REVERSED));
    // The status line says where we are.
    let total = app.search.active.as_ref().map_or(0, |a| a.results.len());
    let screen = screen_text(&terminal);
    assert!(
        screen.contains(&format!("match 2/{total} in 1 post")),
        "{screen}"
    );
}

#[test]
fn a_phrase_is_highlighted_across_a_line_wrap() {
    // Narrow enough that block 0 wraps between "harbour" and "bridge".
    let mut app = small_app(50, 30);
    press(&mut app, KeyCode::Tab);
    search_for(&mut app, "harbour bridge, and");
    let terminal = draw(&app);
    let screen = screen_text(&terminal);
    let rows: Vec<&str> = screen.lines().collect();
    let (y, row) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains("on the harbour "))
        .unwrap_or_else(|| panic!("a line ending with harbour:\n{screen}"));
    let x = row[..row.rfind("harbour").unwrap_or(0)].chars().count() as u16;
    assert!(modifiers_at(&terminal, x, y as u16).contains(Modifier::REVERSED));
    let next = rows[y + 1];
    let x = next[..next.find("bridge").unwrap_or(0)].chars().count() as u16;
    assert!(
        modifiers_at(&terminal, x, y as u16 + 1).contains(Modifier::REVERSED),
        "{screen}"
    );
}

#[test]
fn the_prompt_line_shows_the_query_scope_and_mode() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "toll");
    let last = |app: &App| {
        let screen = screen_text(&draw(app));
        screen.lines().last().unwrap_or_default().to_string()
    };
    let line = last(&app);
    assert!(line.starts_with(" / toll"), "{line:?}");
    assert!(line.contains("in everything"), "{line:?}");
    assert!(line.contains("match 1/"), "{line:?}");
    press(&mut app, KeyCode::Tab);
    assert!(last(&app).contains("in commentary"));
    press_with(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert!(last(&app).starts_with(" / regex toll"), "{}", last(&app));
}

#[test]
fn posts_with_matches_show_their_count_in_the_tree() {
    let mut app = small_app(120, 40);
    search_for(&mut app, "ferry");
    let screen = screen_text(&draw(&app));
    let count = app.search.count_in_post(PostId(1));
    assert!(count > 0);
    let row = screen
        .lines()
        .find(|row| row.contains("· Ferry strike"))
        .unwrap_or_default();
    assert!(row.contains(&format!("[{count}]┃")), "{screen}");
    assert!(!screen.contains("Budget day ["), "{screen}");
}

#[test]
fn no_size_panics_with_a_search_and_its_overlays() {
    for (width, height) in [(200, 60), (80, 24), (40, 12), (20, 6), (1, 1), (0, 0)] {
        let mut app = small_app(width, height);
        press(&mut app, KeyCode::Char('/'));
        typed(&mut app, "budget");
        let _ = draw(&app);
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Char('S'));
        let _ = draw(&app);
        press(&mut app, KeyCode::PageDown);
        press(&mut app, KeyCode::Enter);
        let _ = draw(&app);
    }
}

#[test]
fn a_source_whose_outlet_matches_is_marked_in_the_sources_pane() {
    let mut app = small_app(120, 40);
    search_for(&mut app, "rnz");
    let terminal = draw(&app);
    // Source 2 of the first post is RNZ; source 1 is the Herald.
    // Marked by the match colour, underlined: not reversed, which in a
    // list means the selection, and nothing is selected.
    assert_eq!(app.selected_source, None);
    let (x, y) = find_on_screen(&terminal, "[2] RNZ").expect("source 2 listed");
    let marked = modifiers_at(&terminal, x, y);
    assert!(marked.contains(Modifier::UNDERLINED), "{marked:?}");
    assert!(!marked.contains(Modifier::REVERSED), "{marked:?}");
    let (x, y) = find_on_screen(&terminal, "[1] Herald").expect("source 1 listed");
    assert!(!modifiers_at(&terminal, x, y).contains(Modifier::UNDERLINED));
}

#[test]
fn matches_are_found_from_the_place_in_view_not_the_top_of_the_post() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        press(&mut app, KeyCode::PageDown);
    }
    let top_block = app
        .article
        .block_at_or_after(app.scroll)
        .expect("a block in view");
    assert!(top_block > 5, "scrolled well into the post");
    // "budget" is in every block; a letter at a time, the preview stays here.
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "budget");
    press(&mut app, KeyCode::Enter);
    let current = app
        .search
        .active
        .as_ref()
        .and_then(|a| a.current_match())
        .map(|m| m.location);
    assert_eq!(app.open_post, Some(PostId(2)));
    assert!(
        matches!(current, Some(Location::Block(n)) if n >= top_block - 1),
        "{current:?} from block {top_block}"
    );
}

#[test]
fn on_a_narrow_terminal_a_match_brings_its_pane_forward() {
    let mut app = small_app(60, 20);
    assert_eq!(app.focus, Focus::Topics);
    search_for(&mut app, "a quote");
    assert_eq!(app.focus, Focus::Article);
    let screen = screen_text(&draw(&app));
    assert!(screen.contains("Deep in the budget, a quote."), "{screen}");
    // Esc on a new prompt goes back to the pane that was shown.
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "toll");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::Article);
}

#[test]
fn a_query_typed_while_the_index_is_built_runs_when_it_comes() {
    use pundit::search::SearchIndex;
    use std::sync::Arc;
    let mut app = small_app(120, 40);
    app.search.expect_index();
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "ferry");
    assert!(app.search.active.is_none());
    let last = screen_text(&draw(&app));
    assert!(last.contains("indexing…"), "{last}");
    let index = Arc::new(SearchIndex::new(&app.corpus));
    search::index_ready(&mut app, index);
    assert_eq!(
        app.search.active.as_ref().map(|a| a.results.post_count()),
        Some(2)
    );
    // Enter does not build an index the loader is building (seconds on the
    // reader's thread for a gigabyte): it goes to the first match when the
    // index comes.
    let mut app = small_app(120, 40);
    app.search.expect_index();
    search_for(&mut app, "a quote");
    assert!(app.search.active.is_none());
    let index = Arc::new(SearchIndex::new(&app.corpus));
    search::index_ready(&mut app, index);
    assert_eq!(app.open_post, Some(PostId(2)));
}

#[test]
fn a_search_that_waited_for_the_index_ends_as_a_confirmed_one_does() {
    use pundit::search::SearchIndex;
    use std::sync::Arc;
    // From the last post, the first match of "ferry" lies back at the top
    // of the archive: the search wraps, and says so either way.
    let ended = |waited: bool| {
        let mut app = small_app(120, 40);
        pundit::tui::update::open_post(&mut app, PostId(2));
        if waited {
            app.search.expect_index();
        }
        search_for(&mut app, "ferry");
        if waited {
            assert!(app.search.active.is_none(), "nothing to go to yet");
            let index = Arc::new(SearchIndex::new(&app.corpus));
            search::index_ready(&mut app, index);
        }
        let current = app.search.active.as_ref().and_then(|a| a.current);
        (app.open_post, current, app.status.clone())
    };
    let confirmed = ended(false);
    assert_eq!(
        confirmed.2.as_deref(),
        Some("Search wrapped to the first match")
    );
    assert_ne!(confirmed.0, Some(PostId(2)));
    assert_eq!(ended(true), confirmed);
    // A waited search that finds nothing says so, and leaves the view.
    let mut app = small_app(120, 40);
    pundit::tui::update::open_post(&mut app, PostId(2));
    app.search.expect_index();
    search_for(&mut app, "zeppelin");
    let index = Arc::new(SearchIndex::new(&app.corpus));
    search::index_ready(&mut app, index);
    assert_eq!(app.status.as_deref(), Some("Not found: zeppelin"));
    assert_eq!(app.open_post, Some(PostId(2)));
}

#[test]
fn the_filter_selects_the_post_that_matches_best() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::Char('f'));
    // "Harbour bridge tolls return", first in the tree, has the letters of
    // "budget" scattered in order; "Budget day" has the word.
    typed(&mut app, "budget");
    let labels: Vec<&str> = app.rows.iter().map(|&r| app.node_label(r)).collect();
    assert!(
        labels.contains(&"Harbour bridge tolls return"),
        "{labels:?}"
    );
    let selected = app.selected_node().map(|n| app.node_label(n));
    assert_eq!(selected, Some("Budget day"));
}

#[test]
fn esc_in_the_article_is_done_with_the_search() {
    let mut app = small_app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    for c in "ferry".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    assert!(pundit::tui::search::summary(&app).is_some());
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Article);
    press(&mut app, KeyCode::Esc);
    assert_eq!(pundit::tui::search::summary(&app), None, "no count left");
    assert_eq!(app.search.count_in_post(PostId(1)), 0, "no highlights left");
}
