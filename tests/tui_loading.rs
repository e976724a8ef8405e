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
    assert!(
        h.app().corpus.docs[now]
            .text()
            .expect("reads")
            .contains("Metin 2.")
    );
    h.dispatch(Action::Star);
    assert!(h.app().doc_state(now).star, "{}", h.app().status);
    let reopened = Store::open(&store).expect("reopens");
    let key = &h.app().corpus.docs[now].key;
    assert!(reopened.state().doc(key).star);
}

/// A stand-in title for `name` in `dir`, dated `date`.
fn title(dir: &Path, name: &str, date: &str) -> okur::corpus::fast::TitleEntry {
    okur::corpus::fast::TitleEntry {
        path: dir.join(name).to_string_lossy().into_owned(),
        title: format!("Yeni haber {name}"),
        title_offset: 0,
        title_line: 1,
        date: Some(date.into()),
    }
}

#[test]
fn arriving_titles_keep_the_cursor_on_its_document_and_say_what_is_loading() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), 6);
    let store = dir.path().join("journal.jsonl");
    let mut h = loading(dir.path(), &store);
    // By date, newest first: the titles that arrive go above the cursor.
    h.dispatch(Action::CycleSort);
    h.dispatch(Action::Down).dispatch(Action::Down);
    let chosen = h.app().selected_doc().expect("a selection");
    let path = h.app().corpus.docs[chosen].path.clone();
    let row = h.app().list.cursor().selected;
    // A key's own message ("sorted by date") stays; the loading message replaces only itself.
    h.send(okur::tui::Msg::TitlesArrived(
        okur::tui::loading::TitleBatch {
            titles: Vec::new(),
            read: 6,
            total: 10,
        },
    ));
    assert_eq!(h.status(), "sorted by date");
    h.app_mut().status.say("loading 6 of 10…");
    let batch = okur::tui::loading::TitleBatch {
        titles: vec![
            title(dir.path(), "100.txt", "2024-01-01"),
            title(dir.path(), "101.txt", "2024-01-02"),
        ],
        read: 8,
        total: 10,
    };
    h.send(okur::tui::Msg::TitlesArrived(batch));
    assert_eq!(h.app().corpus.len(), 8);
    let now = h.app().selected_doc().expect("a selection");
    assert_eq!(h.app().corpus.docs[now].path, path);
    assert_eq!(h.app().list.cursor().selected, row + 2);
    let screen = h.snapshot();
    assert!(screen.contains("loading 8 of 10…"), "{screen}");
    assert!(screen.contains("Yeni haber 101.txt"), "{screen}");
    // The last batch: the status says how many documents load, as before.
    let last = okur::tui::loading::TitleBatch {
        titles: vec![title(dir.path(), "102.txt", "2019-01-01")],
        read: 10,
        total: 10,
    };
    h.send(okur::tui::Msg::TitlesArrived(last));
    assert_eq!(h.app().corpus.len(), 9);
    assert!(h.snapshot().contains("loading 9 documents…"));
    let now = h.app().selected_doc().expect("a selection");
    assert_eq!(h.app().corpus.docs[now].path, path);
}

#[test]
fn titles_arriving_after_the_full_documents_are_ignored() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), 6);
    let store = dir.path().join("journal.jsonl");
    let mut h = loading(dir.path(), &store);
    h.session.search_inline();
    h.send(okur::tui::Msg::CorpusLoaded(Box::new(
        load_paths(&[dir.path().to_path_buf()]).expect("loads"),
    )));
    let late = okur::tui::loading::TitleBatch {
        titles: vec![title(dir.path(), "100.txt", "2024-01-01")],
        read: 7,
        total: 7,
    };
    h.send(okur::tui::Msg::TitlesArrived(late));
    assert_eq!(h.app().corpus.len(), 6);
    assert!(!h.status().contains("loading"), "{}", h.status());
}
