//! The store as the reader shows it: a journal it cannot write opens with everything in it
//! and one reason on the status line, a change then says it was not saved and why; a
//! journal another okur holds is written once that okur has quit.

#![cfg(all(feature = "tui", unix))]

mod common;

use common::make_file_unwritable;
use common::tui::{Harness, corpus_of};
use okur::store::{Change, Store};

/// A child process spawned by one test (chattr) holds every open file of this process from
/// fork to exec, journal locks among them: the tests here run one at a time.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

const DOCS: [&str; 2] = [
    "Zeytin hasadı başladı\n\nEge'de zeytin toplanıyor.\n",
    "Ankara'da görüşme\n\nBakanlar görüştü.\n",
];

fn star_first(path: &std::path::Path) -> Result<Store, Box<dyn std::error::Error>> {
    let mut store = Store::open(path)?;
    let key = corpus_of(&DOCS).docs[0].key.clone();
    store.apply(Change::Star {
        doc: key,
        value: true,
    })?;
    Ok(store)
}

#[test]
fn an_unwritable_journal_shows_everything_and_says_why() -> Result<(), Box<dyn std::error::Error>> {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    drop(star_first(&path)?);
    let Some(_guard) = make_file_unwritable(&path)? else {
        return Ok(());
    };
    let mut case = Harness::texts(&DOCS).store_at(&path).start();
    let status = case.initial_status().to_string();
    assert!(
        status.contains(&format!("read-only: {} is not writable (", path.display()))
            && status.contains("changes will not be saved"),
        "{status}"
    );
    assert!(case.app().doc_state(0).star, "the journal's state is shown");
    case.keys("j s");
    let status = case.status();
    assert!(
        status.contains("NOT saved") && status.contains("not writable"),
        "{status}"
    );
    assert!(!status.contains("no store"), "{status}");
    Ok(())
}

#[test]
fn a_held_journal_is_written_once_its_holder_quits() -> Result<(), Box<dyn std::error::Error>> {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let holder = star_first(&path)?;
    let mut case = Harness::texts(&DOCS).store_at(&path).start();
    let status = case.initial_status().to_string();
    assert!(
        status.contains("another okur holds the store") && status.contains("until it quits"),
        "{status}"
    );
    assert!(case.app().doc_state(0).star);
    case.keys("j s");
    assert!(case.status().contains("NOT saved"), "{}", case.status());
    drop(holder);
    case.keys("s");
    assert!(case.status().ends_with("· saved"), "{}", case.status());
    assert!(case.app().doc_state(0).star && case.app().doc_state(1).star);
    drop(case);
    let reopened = Store::open(&path)?;
    let keys: Vec<_> = corpus_of(&DOCS).docs.into_iter().map(|d| d.key).collect();
    assert!(reopened.doc(&keys[0]).star && reopened.doc(&keys[1]).star);
    Ok(())
}

#[test]
fn starring_one_of_two_identical_documents_stars_that_one() {
    let _serial = one_at_a_time();
    let mut case = Harness::texts(&["Aynı metin\n", "Aynı metin\n"])
        .store()
        .start();
    case.keys("s");
    assert!(case.status().ends_with("· saved"), "{}", case.status());
    let starred: Vec<bool> = (0..2).map(|d| case.app().doc_state(d).star).collect();
    assert_eq!(starred, [true, false]);
}

#[test]
fn a_journal_that_could_not_be_opened_is_named_by_each_change_refused() {
    let mut case = Harness::texts(&DOCS).start();
    let why = "cannot read /j/journal.jsonl: Permission denied (os error 13)";
    case.app_mut().no_store = Some(why.to_string());
    case.keys("j s");
    let status = case.status();
    assert!(
        status.contains("NOT saved: cannot read /j/journal.jsonl: Permission denied"),
        "{status}"
    );
    assert!(!status.contains("no store"), "{status}");
}
