//! The filter's first screenful (a partial answer) lists its documents at once; the list's
//! count waits for the whole answer, unless the first screenful comes counted; the rows
//! past it come with the whole answer.

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

/// The list's title line (its top border), as drawn.
fn list_title(h: &mut Harness) -> String {
    let screen = h.screen();
    screen
        .into_iter()
        .find(|row| row.contains("Documents"))
        .unwrap_or_default()
}

/// A first screenful that comes counted (the documents the whole answer lists) titles the
/// list with the whole answer's count at once; the cursor stops at its last row, and the
/// rows past it come with the whole answer, in the same order after the same head.
#[test]
fn a_counted_first_screen_shows_the_whole_count_and_its_rows_complete() {
    let mut h = Harness::seeds().screen(120, 40).start();
    for token in "/ r u s y a".split_whitespace() {
        step(&mut h, Msg::Key(key(token)));
    }
    let total = h.app().corpus.len();
    let query = Some(okur::search::Query::parse("rusya"));
    let mut counted = vec![false; total];
    counted[3] = true;
    counted[0] = true;
    let first = SearchOutcome {
        docs: vec![3],
        query: query.clone(),
        partial: true,
        answer_docs: Some(counted),
        ..Default::default()
    };
    step(&mut h, Msg::SearchAnswered(first));
    let title = list_title(&mut h);
    assert!(title.contains(&format!(" 2/{total} ")), "{title}");
    assert!(!title.contains("searching"), "{title}");
    // The filter line taken, the list walked: past the ranked screenful, nothing yet.
    step(&mut h, Msg::Key(key("Enter")));
    step(&mut h, Msg::Key(key("j")));
    assert_eq!(h.app().selected_doc(), Some(3));
    let whole = SearchOutcome {
        docs: vec![3, 0],
        query,
        ..Default::default()
    };
    step(&mut h, Msg::SearchAnswered(whole));
    let title = list_title(&mut h);
    assert!(title.contains(&format!(" 2/{total} ")), "{title}");
    step(&mut h, Msg::Key(key("j")));
    assert_eq!(h.app().selected_doc(), Some(0), "the completed row");
}

/// The count of a first screenful is its query's: the next key says "searching…" until
/// its own answer comes.
#[test]
fn a_first_screens_count_is_forgotten_at_the_next_key() {
    let mut h = Harness::seeds().screen(120, 40).start();
    for token in "/ r u s".split_whitespace() {
        step(&mut h, Msg::Key(key(token)));
    }
    let total = h.app().corpus.len();
    let first = SearchOutcome {
        docs: vec![3],
        query: Some(okur::search::Query::parse("rus")),
        partial: true,
        answer_docs: Some(vec![true; total]),
        ..Default::default()
    };
    step(&mut h, Msg::SearchAnswered(first));
    assert!(list_title(&mut h).contains(&format!(" {total}/{total} ")));
    step(&mut h, Msg::Key(key("y")));
    let title = list_title(&mut h);
    assert!(title.contains("searching…"), "{title}");
}

/// The count of a first screenful is the list's: archived documents, hidden from the list,
/// are not counted in it.
#[test]
fn a_first_screens_count_leaves_out_what_the_list_hides() {
    let texts = [
        "Ankara bir\n\nAnkara.\n",
        "Ankara iki\n\nAnkara.\n",
        "Ankara üç\n\nx\n",
    ];
    let corpus = common::tui::corpus_of(&texts);
    let archived = okur::store::Change::Archive {
        doc: corpus.docs[1].key.clone(),
        value: true,
    };
    let mut h = Harness::texts(&texts)
        .store()
        .changes(vec![archived])
        .screen(120, 40)
        .start();
    for token in "/ a n k".split_whitespace() {
        step(&mut h, Msg::Key(key(token)));
    }
    let first = SearchOutcome {
        docs: vec![0, 2],
        query: Some(okur::search::Query::parse("ank")),
        partial: true,
        answer_docs: Some(vec![true; 3]),
        ..Default::default()
    };
    step(&mut h, Msg::SearchAnswered(first));
    let title = list_title(&mut h);
    assert!(title.contains(" 2/3 "), "{title}");
}

/// A count without rows (a key no title heads: the search counted its documents before
/// ordering them) titles the list at once and leaves its rows as they were; the whole
/// answer then lists its own order, the cursor on its best match.
#[test]
fn a_count_alone_titles_the_list_and_the_whole_answer_orders_it() {
    let mut h = Harness::seeds().screen(120, 40).start();
    for token in "/ r u s".split_whitespace() {
        step(&mut h, Msg::Key(key(token)));
    }
    let total = h.app().corpus.len();
    let query = Some(okur::search::Query::parse("rus"));
    let before = h.app().list.order().to_vec();
    let mut counted = vec![false; total];
    counted[1] = true;
    counted[4] = true;
    let count = SearchOutcome {
        query: query.clone(),
        partial: true,
        count_only: true,
        answer_docs: Some(counted),
        ..Default::default()
    };
    step(&mut h, Msg::SearchAnswered(count));
    let title = list_title(&mut h);
    assert!(title.contains(&format!(" 2/{total} ")), "{title}");
    assert_eq!(
        h.app().list.order(),
        before,
        "the rows wait for their order"
    );
    assert!(h.app().list.search_pending());
    let whole = SearchOutcome {
        docs: vec![4, 1],
        query,
        ..Default::default()
    };
    step(&mut h, Msg::SearchAnswered(whole));
    assert_eq!(h.app().list.order(), [4, 1]);
    assert_eq!(h.app().selected_doc(), Some(4), "the best match");
    let title = list_title(&mut h);
    assert!(title.contains(&format!(" 2/{total} ")), "{title}");
}
