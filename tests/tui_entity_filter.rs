//! `f` in the entity panel lists the documents of the entity under the caret, each time:
//! walking the panel with `j` and pressing `f` again moves the filter to the next entity.

#![cfg(feature = "tui")]

mod common;

use common::tui::Harness;
use okur::tui::app::Focus;

#[test]
fn f_in_the_entity_panel_follows_the_caret() {
    let mut case = Harness::seeds().store().extracted().start();
    case.keys("Tab Tab");
    assert_eq!(case.app().focus, Focus::Entities);
    let mut filtered = Vec::new();
    for _ in 0..3 {
        case.keys("f");
        let app = case.app();
        let under = app.panel.under_cursor();
        assert!(under.is_some(), "an entity under the caret");
        assert_eq!(
            app.list.entity_filter(),
            under,
            "the filter is the caret's entity"
        );
        let name = under.and_then(|row| app.facts.entities.get(row));
        let name = name.map(|e| e.name.clone()).unwrap_or_default();
        let said = app.status.text();
        assert!(said.ends_with(&format!(" {name}")), "{said}");
        filtered.push(under);
        case.keys("j");
    }
    filtered.dedup();
    assert_eq!(
        filtered.len(),
        3,
        "each `f` took the next entity: {filtered:?}"
    );
}
