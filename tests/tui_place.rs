//! A relaunch goes back where the reader was: the same document open, its caret and first
//! row shown as they were, remembered per corpus beside the journal.
#![cfg(feature = "tui")]

mod common;

use common::tui::Harness;
use okur::tui::Action;
use okur::tui::app::Focus;
use okur::tui::place;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[test]
fn a_relaunch_reopens_the_document_with_its_caret_and_scroll() -> TestResult {
    let dir = tempfile::tempdir()?;
    let journal = dir.path().join("journal.jsonl");
    let mut h = Harness::seeds().store_at(&journal).screen(100, 16).start();
    h.press(&[Action::Down, Action::Down, Action::Open]);
    h.press(&[Action::PageDown, Action::Down, Action::WordNext]);
    let app = h.app();
    let was = (
        app.corpus.docs[app.reader.doc].key.clone(),
        app.reader.caret,
        app.reader.cursor.offset,
    );
    assert!(was.1 > 0 && was.2 > 0, "scrolled into the text: {was:?}");
    h.session.remember_place()?;
    drop(h);

    let mut h = Harness::seeds().store_at(&journal).screen(100, 16).start();
    assert_eq!(
        h.app().reader.doc,
        0,
        "nothing moves before the first frame"
    );
    h.poll();
    let app = h.app();
    let now = (
        app.corpus.docs[app.reader.doc].key.clone(),
        app.reader.caret,
        app.reader.cursor.offset,
    );
    assert_eq!(now, was);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.selected_doc(), Some(app.reader.doc));
    assert!(
        h.status().starts_with("back where you were: "),
        "{}",
        h.status()
    );
    Ok(())
}

#[test]
fn places_are_per_corpus_and_a_damaged_file_is_no_place() -> TestResult {
    let dir = tempfile::tempdir()?;
    let journal = dir.path().join("journal.jsonl");
    let spot = place::Place {
        doc: "abc".into(),
        caret: 7,
        top: 2,
        reading: true,
    };
    place::save(&journal, &[dir.path().to_path_buf()], spot.clone())?;
    assert_eq!(
        place::load(&journal, &[dir.path().to_path_buf()]),
        Some(spot)
    );
    assert_eq!(place::load(&journal, &[]), None, "another corpus");
    std::fs::write(place::places_file(&journal), "{damaged")?;
    assert_eq!(place::load(&journal, &[dir.path().to_path_buf()]), None);
    Ok(())
}
