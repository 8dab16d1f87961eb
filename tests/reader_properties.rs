//! Property tests: any sequence of user actions at any terminal size keeps
//! the reader's state in bounds and draws without panicking.

mod common;

use proptest::prelude::*;
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
    if let (Some(post), Some(source)) = (app.post(), app.selected_source) {
        assert!(source < post.sources.len(), "selected source exists");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_actions_at_any_size_stay_in_bounds_and_draw(
        width in 0u16..220,
        height in 0u16..70,
        bundled in any::<bool>(),
        actions in prop::collection::vec(action(), 0..40),
    ) {
        let corpus = if bundled {
            pundit::load::load_bundled()
        } else {
            common::small_corpus()
        };
        let mut app = App::new(corpus, (width, height), true);
        for action in actions {
            update(&mut app, action);
            check_bounds(&app);
            let _ = common::draw(&app);
        }
    }
}
