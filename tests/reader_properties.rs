//! Property tests: any sequence of user actions at any terminal size keeps
//! the reader's state in bounds and draws without panicking.

mod common;

use proptest::prelude::*;
use pundit::tui::thread::ThreadAction;
use pundit::tui::thread::motion::lines_of_comment;
use pundit::tui::update::update;
use pundit::tui::{Action, App};

fn action() -> impl Strategy<Value = Action> {
    let plain = prop::sample::select(vec![
        Action::FocusNext,
        Action::FocusPrev,
        Action::NextPost,
        Action::PrevPost,
        Action::ShowHelp,
        Action::CloseOverlay,
        Action::NextCitation,
        Action::PrevCitation,
        Action::OpenUrl,
        Action::CopyUrl,
        Action::TreeDown,
        Action::TreeUp,
        Action::TreePageDown,
        Action::TreePageUp,
        Action::TreeTop,
        Action::TreeBottom,
        Action::TreeActivate,
        Action::TreeExpand,
        Action::TreeCollapse,
        Action::ScrollDown,
        Action::ScrollUp,
        Action::PageDown,
        Action::PageUp,
        Action::ScrollTop,
        Action::ScrollBottom,
        Action::SourceDown,
        Action::SourceUp,
        Action::HelpDown,
        Action::HelpUp,
        Action::Thread(ThreadAction::ToggleComments),
        Action::Thread(ThreadAction::Next),
        Action::Thread(ThreadAction::Previous),
        Action::Thread(ThreadAction::NextThread),
        Action::Thread(ThreadAction::PreviousThread),
        Action::Thread(ThreadAction::Parent),
        Action::Thread(ThreadAction::NextSibling),
        Action::Thread(ThreadAction::PreviousSibling),
        Action::Thread(ThreadAction::Fold),
        Action::Thread(ThreadAction::FoldAll),
    ]);
    prop_oneof![
        8 => plain,
        1 => (0usize..12).prop_map(Action::SelectSource),
        1 => (0u16..220, 0u16..70).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..220, 0u16..70).prop_map(|(x, y)| Action::Click(x, y)),
        1 => (0u16..220, 0u16..70, any::<bool>()).prop_map(|(x, y, d)| Action::Wheel(x, y, d)),
    ]
}

fn check_bounds(app: &App) {
    assert!(app.scroll <= app.max_scroll(), "scroll in range");
    assert!(
        app.tree_selected < app.rows.len().max(1),
        "selection in range"
    );
    if let Some(source) = app.selected_source {
        assert!(source < app.source_count(), "selected source exists");
    }
    if let (Some(post), Some(comment)) = (app.post(), app.thread.cursor) {
        assert!(comment < post.comments.len(), "current comment exists");
        let lines = lines_of_comment(app, comment).expect("the current comment shows");
        assert!(lines.end <= app.article_len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_actions_at_any_size_stay_in_bounds_and_draw(
        width in 0u16..220,
        height in 0u16..70,
        which in 0..3u8,
        actions in prop::collection::vec(action(), 0..40),
    ) {
        let corpus = match which {
            0 => pundit::load::load_bundled(),
            1 => common::small_corpus(),
            _ => common::thread_corpus(),
        };
        let mut app = App::new(corpus, (width, height), true);
        for action in actions {
            update(&mut app, action);
            check_bounds(&app);
            let _ = common::draw(&app);
        }
    }
}
