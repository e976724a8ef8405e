//! Reading the corpus again (the reload key, or a fetch that brought new articles) without
//! losing the user's place: the open document and its scroll, the list cursor, the filter,
//! the sort and the marks stay on their documents although new files shift every index;
//! triage and annotations, keyed by the store, survive; new documents arrive unread.
#![cfg(feature = "tui")]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::tui::Harness;
use okur::corpus::{DocKey, load_paths};
use okur::tui::app::{Focus, SortOrder};
use okur::tui::key::Key;
use okur::tui::{Action, Msg};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Three Turkish articles; two mention Ankara.
fn write_articles(dir: &Path) -> std::io::Result<()> {
    std::fs::write(
        dir.join("b.txt"),
        "Ankara'da toplantı\n\nBakan Yılmaz Ankara'da konuştu.\n\nİkinci paragraf burada.\n",
    )?;
    std::fs::write(
        dir.join("c.txt"),
        "Moskova'da görüşme\n\nLavrov Ankara'ya geldi.\n",
    )?;
    std::fs::write(dir.join("d.txt"), "İstanbul'da fuar\n\nFuar açıldı.\n")
}

/// The key of document `doc`.
fn key(h: &Harness, doc: usize) -> DocKey {
    h.app().corpus.docs[doc].key.clone()
}

/// The index of the document read from the file named `name`.
fn doc_named(h: &Harness, name: &str) -> usize {
    let docs = &h.app().corpus.docs;
    docs.iter()
        .position(|d| d.path.ends_with(name))
        .unwrap_or_else(|| panic!("{name} is not loaded"))
}

/// Where the user is, by document key: the list cursor, the open document with its
/// cursor row and caret, the marks, the filter and the sort.
fn place(
    h: &Harness,
) -> (
    DocKey,
    DocKey,
    usize,
    usize,
    BTreeSet<DocKey>,
    String,
    SortOrder,
) {
    let app = h.app();
    let selected = key(h, app.selected_doc().expect("a selected document"));
    let marked = app.list.marked().iter().map(|&d| key(h, d)).collect();
    (
        selected,
        key(h, app.reader.doc),
        app.reader.cursor.selected,
        app.reader.caret,
        marked,
        app.list.filter_text().to_string(),
        app.list.sort(),
    )
}

/// A harness over the articles in `dir`, with a store, reading them from `dir`.
fn over_folder(dir: &Path) -> Harness {
    let corpus = load_paths(&[dir.to_path_buf()])
        .expect("articles load")
        .corpus;
    let mut h = Harness::over(corpus).store().screen(120, 30).start();
    h.app_mut().sources = vec![dir.to_path_buf()];
    h
}

/// Filters on `ankara`, sorts by title, stars and labels `b.txt`, opens it scrolled down,
/// marks `c.txt` and leaves the list cursor on it.
fn settle(h: &mut Harness) {
    h.press(&[Action::Filter]).type_text("ankara");
    h.key(Key::plain(okur::tui::key::KeyCode::Enter));
    h.press(&[Action::CycleSort, Action::CycleSort]);
    let b = doc_named(h, "b.txt");
    h.app_mut().list.select_doc(b);
    h.press(&[Action::Star, Action::Open, Action::Down, Action::Down]);
    h.press(&[Action::LabelPerson]);
    assert!(h.status().ends_with("saved"), "{}", h.status());
    h.press(&[Action::FocusPrev]);
    let c = doc_named(h, "c.txt");
    h.app_mut().list.select_doc(c);
    h.press(&[Action::Mark]);
    h.app_mut().list.select_doc(c);
    assert_eq!(h.app().focus, Focus::List);
}

#[test]
fn a_reload_keeps_the_place_by_document_and_adds_the_new_one_unread() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_articles(dir.path())?;
    let mut h = over_folder(dir.path());
    settle(&mut h);
    let before = place(&h);
    let b = key(&h, doc_named(&h, "b.txt"));
    let spans = h.app().state.doc(&b).spans.clone();
    assert_eq!(spans.len(), 1);
    assert!(h.app().state.doc(&b).star);
    // A new file that sorts first by path: every old document's index moves by one.
    std::fs::write(
        dir.path().join("a.txt"),
        "Ankara'da yeni haber\n\nAnkara'da yeni bir gelişme.\n",
    )?;
    let report = load_paths(&[dir.path().to_path_buf()])?;
    h.send(Msg::Reloaded(Box::new(report)));
    assert_eq!(place(&h), before);
    assert_eq!(h.app().corpus.len(), 4);
    assert!(
        h.status().starts_with("reloaded: 4 documents, 1 new"),
        "{}",
        h.status()
    );
    // Triage and the label are the store's: still on b.txt.
    assert!(h.app().state.doc(&b).star);
    assert_eq!(h.app().state.doc(&b).spans, spans);
    assert!(
        !h.app().spans.is_empty(),
        "the open document shows its label"
    );
    // The new article passes the filter and is listed, unread.
    let a = doc_named(&h, "a.txt");
    assert!(
        h.app().list.order().contains(&a),
        "{:?}",
        h.app().list.order()
    );
    assert!(!h.app().doc_state(a).read);
    assert!(!h.app().list.order().contains(&doc_named(&h, "d.txt")));
    Ok(())
}

#[test]
fn the_reload_key_reads_the_files_again_on_its_own_thread() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_articles(dir.path())?;
    let mut h = over_folder(dir.path());
    h.press(&[Action::Down]);
    let selected = key(&h, h.app().selected_doc().expect("a selection"));
    std::fs::write(dir.path().join("a.txt"), "Yeni\n\nYeni haber.\n")?;
    h.press(&[Action::Reload]);
    assert_eq!(h.status(), "reloading…");
    h.press(&[Action::Reload]);
    assert_eq!(h.status(), "already reloading");
    for _ in 0..6000 {
        if !h.app().reloading {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.poll();
    }
    assert!(!h.app().reloading, "the reload never ended");
    assert_eq!(h.app().corpus.len(), 4);
    assert_eq!(
        key(&h, h.app().selected_doc().expect("a selection")),
        selected
    );
    // A folder gone: the documents stay as they were, and the user is told.
    std::fs::remove_dir_all(dir.path())?;
    h.press(&[Action::Reload]);
    for _ in 0..6000 {
        if !h.app().reloading {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.poll();
    }
    assert!(h.status().starts_with("reload failed: "), "{}", h.status());
    assert!(h.status().ends_with("the documents stay as they were"));
    assert_eq!(h.app().corpus.len(), 4);
    Ok(())
}

#[test]
fn nothing_to_reload_for_the_bundled_samples_or_standard_input() {
    let mut h = Harness::seeds().start();
    h.press(&[Action::Reload]);
    assert_eq!(
        h.status(),
        "nothing to reload: the bundled sample articles never change"
    );
    h.app_mut().sources = vec!["-".into()];
    h.press(&[Action::Reload]);
    assert_eq!(
        h.status(),
        "cannot reload: standard input was read once and is gone"
    );
    assert!(!h.app().reloading);
}

#[test]
fn the_entity_filter_follows_its_entity_into_the_new_extraction() -> TestResult {
    let dir = tempfile::tempdir()?;
    write_articles(dir.path())?;
    let corpus = load_paths(&[dir.path().to_path_buf()])?.corpus;
    let mut h = Harness::over(corpus).extracted().store().start();
    h.app_mut().sources = vec![dir.path().to_path_buf()];
    let lavrov = |h: &Harness| {
        let rows = &h.app().facts.entities;
        rows.iter().position(|e| e.name.contains("Lavrov"))
    };
    let row = lavrov(&h).ok_or("Lavrov is found")?;
    h.app_mut().panel.select(Some(row));
    h.press(&[Action::FilterByEntity]);
    let c = key(&h, doc_named(&h, "c.txt"));
    let listed =
        |h: &Harness| -> Vec<DocKey> { h.app().list.order().iter().map(|&d| key(h, d)).collect() };
    assert_eq!(listed(&h), std::slice::from_ref(&c));
    // A new article full of other names, first by path: the entity rows are numbered anew.
    std::fs::write(
        dir.path().join("a.txt"),
        "Erdoğan ve Putin\n\nErdoğan, Putin ve Biden İstanbul'da buluştu. Erdoğan konuştu. \
         Putin ve Biden da konuştu.\n",
    )?;
    let report = load_paths(&[dir.path().to_path_buf()])?;
    let extraction = common::extraction::extract(&report.corpus);
    h.send(Msg::Reloaded(Box::new(report)));
    assert_eq!(
        listed(&h),
        std::slice::from_ref(&c),
        "the carried mentions hold until extraction"
    );
    h.send(Msg::ExtractionDone(Box::new(extraction.into())));
    let row = lavrov(&h).ok_or("Lavrov is found again")?;
    assert_eq!(h.app().list.entity_filter(), Some(row));
    assert_eq!(h.app().panel.selected(), Some(row));
    assert_eq!(listed(&h), [c]);
    Ok(())
}
