//! Opening a large folder titles first: the stand-ins show titles, dates and languages, nothing
//! is saved while the full documents load, and swapping them in keeps the user's place.
#![cfg(feature = "tui")]

mod common;

use std::path::Path;

use common::tui::{Harness, write_folder};
use okur::corpus::load_paths;
use okur::store::Store;
use okur::tui::Action;

/// The stand-ins of the articles in `dir`, loading, over the store at `store`.
fn loading(dir: &Path, store: &Path) -> Harness {
    Harness::loading_folder(dir)
        .store_at(store)
        .screen(100, 12)
        .start()
}

#[test]
fn titles_show_while_loading_and_nothing_is_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), 6);
    let store = dir.path().join("journal.jsonl");
    let mut h = loading(dir.path(), &store);
    h.app_mut().status.say("loading 6 documents…");
    // The temporary folder's name changes every run; the snapshot shows file names only.
    for doc in &mut std::sync::Arc::make_mut(&mut h.app_mut().corpus).docs {
        doc.path = doc.path.rsplit('/').next().unwrap_or_default().to_string();
    }
    insta::assert_snapshot!(h.snapshot());
    h.dispatch(Action::Star);
    assert!(
        h.app().status.text().contains("still loading"),
        "{}",
        h.app().status
    );
    assert!(!h.app().doc_state(0).star);
}

#[test]
fn the_full_documents_replace_the_stand_ins_keeping_the_selection() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), 6);
    let store = dir.path().join("journal.jsonl");
    let mut h = loading(dir.path(), &store);
    h.dispatch(Action::Down).dispatch(Action::Down);
    let chosen = h.app().selected_doc().expect("a selection");
    let path = h.app().corpus.docs[chosen].path.clone();
    h.session.search_inline();
    h.send(okur::tui::Msg::CorpusLoaded(Box::new(
        load_paths(&[dir.path().to_path_buf()]).expect("loads"),
    )));
    assert!(!h.app().loading);
    let now = h.app().selected_doc().expect("a selection");
    assert_eq!(h.app().corpus.docs[now].path, path);
    assert!(h.app().corpus.docs[now].text.contains("Metin 2."));
    h.dispatch(Action::Star);
    assert!(h.app().doc_state(now).star, "{}", h.app().status);
    let reopened = Store::open(&store).expect("reopens");
    let key = &h.app().corpus.docs[now].key;
    assert!(reopened.state().doc(key).star);
}
