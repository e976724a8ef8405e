//! Triage through the app, keys in and state out: opening a document marks it read without
//! taking `u` away from the user's last change, and the status line says what was saved,
//! once.
#![cfg(feature = "tui")]

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use okur::corpus::{Corpus, Document};
use okur::layout::LayoutOptions;
use okur::store::{Change, Store};
use okur::tui::app::{App, Facts};
use okur::tui::session::Session;
use okur::tui::theme::Theme;
use okur::tui::{prepare, view};
use ratatui::layout::Rect;

const SCREEN: Rect = Rect::new(0, 0, 120, 30);

/// Titles, in file order: dates and languages differ so every sort order differs.
const DOCS: [&str; 5] = [
    "Zeytin hasadı başladı\n\n03.11.2020 - 20:35\n\nEge'de zeytin toplanıyor.\n",
    "لقاء في موسكو\n\n11/13/2020\n\nنص الخبر.\n",
    "Ankara'da görüşme\n\n01.02.2021 - 10:00\n\nBakanlar görüştü.\n",
    "Meclis tatile girdi\n\n15.07.2019 - 09:00\n\nMeclis kapandı.\n",
    "Ekonomi notları\n\n20.12.2020 - 12:00\n\nEnflasyon açıklandı.\n",
];

struct Case {
    session: Session,
    _dir: tempfile::TempDir,
}

fn corpus() -> Corpus {
    let docs = DOCS
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(format!("{i}.txt"), t.to_string()))
        .collect();
    Corpus { docs }
}

/// A session over [`DOCS`] and a fresh store holding `setup` (built from the documents).
fn open(setup: impl Fn(&Corpus) -> Vec<Change>) -> Case {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = session_on(&dir.path().join("journal.jsonl"), setup);
    Case { session, _dir: dir }
}

/// A session over [`DOCS`] and the store at `path`, after applying `setup` to it.
fn session_on(path: &Path, setup: impl Fn(&Corpus) -> Vec<Change>) -> Session {
    let corpus = corpus();
    let mut store = Store::open(path).expect("store opens");
    for change in setup(&corpus) {
        store.apply(change).expect("setup saved");
    }
    let app = App::new(
        corpus,
        Facts::default(),
        Theme::monochrome(),
        LayoutOptions::new(80),
    );
    Session::new(app, Some(store))
}

fn key(token: &str) -> KeyEvent {
    let (code, mods) = match token {
        "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
        "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
        "S-Tab" => (KeyCode::BackTab, KeyModifiers::SHIFT),
        "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
        "C-r" => (KeyCode::Char('r'), KeyModifiers::CONTROL),
        t => (
            KeyCode::Char(t.chars().next().expect("key")),
            KeyModifiers::NONE,
        ),
    };
    KeyEvent::new(code, mods)
}

impl Case {
    /// Presses space-separated keys (`Space` for a space).
    fn press(&mut self, keys: &str) -> &mut Case {
        for token in keys.split_whitespace() {
            let panes = view::panes(SCREEN, &self.session.app);
            prepare(&mut self.session.app, &panes);
            self.session.key(key(token), &panes);
        }
        self
    }

    /// Types `text` into the open prompt, character by character.
    fn type_text(&mut self, text: &str) -> &mut Case {
        let keys: Vec<String> = text
            .chars()
            .map(|c| match c {
                ' ' => "Space".to_string(),
                c => c.to_string(),
            })
            .collect();
        self.press(&keys.join(" "))
    }

    fn status(&self) -> &str {
        &self.session.app.status
    }
}

#[test]
fn u_after_opening_a_document_undoes_the_last_deliberate_change() {
    let mut case = open(|_| Vec::new());
    // Star the first document from the list, then open the second: opening marks it read.
    case.press("s j Enter");
    let key = |case: &Case, i: usize| case.session.app.corpus.docs[i].key.clone();
    let second = key(&case, 1);
    assert!(
        case.session.app.state.doc(&second).read,
        "opening marks read"
    );
    case.press("u");
    let state = &case.session.app.state;
    assert!(!state.doc(&key(&case, 0)).star, "u undid the star");
    assert!(state.doc(&second).read, "the read mark stays");
    assert_eq!(case.status(), "undo: unstarred · saved");
    // Opening another document does not take the redo away either.
    case.press("S-Tab j Enter C-r");
    assert!(
        case.session.app.state.doc(&key(&case, 0)).star,
        "redo after opening"
    );
    assert!(case.session.app.state.doc(&key(&case, 2)).read);
    // `R` on purpose is a change like any other, and can be undone.
    case.press("R");
    assert!(!case.session.app.state.doc(&key(&case, 2)).read);
    case.press("u");
    assert!(case.session.app.state.doc(&key(&case, 2)).read);
}

#[test]
fn read_marks_from_opening_survive_a_restart_and_stay_off_the_undo_stack() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.jsonl");
    let mut case = Case {
        session: session_on(&path, |_| Vec::new()),
        _dir: tempfile::tempdir().expect("temp dir"),
    };
    case.press("s j Enter");
    drop(case);
    let mut store = Store::open(&path).expect("reopens");
    assert!(
        store.doc(&corpus().docs[1].key).read,
        "the read mark is durable"
    );
    let journal = std::fs::read_to_string(&path).expect("journal");
    assert!(journal.contains(r#"{"op":"seen","doc":"#), "{journal}");
    let undone = store.undo().expect("undo saved");
    assert!(
        matches!(undone, Some(Change::Star { value: false, .. })),
        "{undone:?}"
    );
    assert!(!store.can_undo(), "only the star was an undo step");
    assert!(store.doc(&corpus().docs[1].key).read);
}

#[test]
fn status_says_what_was_saved_once() {
    let mut case = open(|_| Vec::new());
    case.press("t").type_text("suriye").press("Enter");
    assert_eq!(case.status(), "tag suriye added · saved");
    case.press("t").type_text("ekonomi").press("Enter");
    assert_eq!(case.status(), "tag ekonomi added · saved");
    case.press("s");
    assert_eq!(case.status(), "starred · saved");
    case.press("t").type_text("suriye").press("Enter");
    assert_eq!(case.status(), "tag suriye removed · saved");
    case.press("m").type_text("bak").press("Enter");
    assert_eq!(case.status(), "note changed · saved");
    case.press("u");
    assert_eq!(case.status(), "undo: note cleared · saved");
    case.press("Enter");
    assert!(
        !case.status().contains("saved"),
        "opening is not a save: {}",
        case.status()
    );
    case.press("Esc r");
    assert_eq!(case.status(), "marked relevant · saved");
    assert_eq!(case.status().matches("saved").count(), 1);
}
