//! The filter's first screenful (a partial answer) lists its documents at once and leaves
//! the list's count to the whole answer.

#![cfg(feature = "tui")]

mod common;

use common::keys::key;
use common::tui::Harness;
use okur::tui::search::SearchOutcome;
use okur::tui::{Msg, update};

fn step(h: &mut Harness, msg: Msg) {
    let panes = h.prepare();
    update(&mut h.session.app, msg, &panes);
}

#[test]
fn a_first_screen_lists_its_documents_and_the_count_waits_for_the_whole() {
    let mut h = Harness::seeds().screen(120, 40).start();
    for token in "/ r u s y a".split_whitespace() {
        step(&mut h, Msg::Key(key(token)));
    }
    let query = Some(okur::search::Query::parse("rusya"));
    let first = SearchOutcome {
        docs: vec![3],
        query: query.clone(),
        partial: true,
        ..Default::default()
    };
    step(&mut h, Msg::SearchAnswered(first));
    assert_eq!(h.app().list.order(), [3], "the head is listed at once");
    assert!(
        h.app().list.search_pending(),
        "its count is not the answer's"
    );
    let whole = SearchOutcome {
        docs: vec![3, 0],
        query,
        ..Default::default()
    };
    step(&mut h, Msg::SearchAnswered(whole));
    assert_eq!(h.app().list.order(), [3, 0]);
    assert!(!h.app().list.search_pending());
}
