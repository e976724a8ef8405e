//! Triage through the app, keys in and list out: the list filters (`%unread`, `%read`,
//! `%star`, `%tag:x`, `%archived`) narrow the document list, `o` cycles the sort orders,
//! opening a document marks it read without taking `u` away from the user's last change,
//! and the status line says what was saved, once.

#![cfg(feature = "tui")]

mod keys;
use keys::key;

use std::path::Path;

use okur::corpus::{Corpus, Document};
use okur::layout::LayoutOptions;
use okur::store::{Change, Store};
use okur::tui::app::{App, Facts, Focus};
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
    // Text words in the filter are answered by the search (inline here, so synchronously).
    let mut session = Session::new(app, Some(store));
    session.search_inline();
    session
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

    /// The list, as file indices in list order.
    fn listed(&self) -> Vec<usize> {
        self.session.app.order.clone()
    }

    /// The list with `filter` typed on the filter line (and kept with Enter).
    fn filtered(&mut self, filter: &str) -> Vec<usize> {
        self.press("Esc /").type_text(filter).press("Enter");
        self.listed()
    }

    fn status(&self) -> &str {
        &self.session.app.status
    }
}

fn star(c: &Corpus, i: usize) -> Change {
    Change::Star {
        doc: c.docs[i].key.clone(),
        value: true,
    }
}

fn triaged(c: &Corpus) -> Vec<Change> {
    let doc = |i: usize| c.docs[i].key.clone();
    vec![
        Change::Read {
            doc: doc(0),
            value: true,
        },
        Change::Read {
            doc: doc(2),
            value: true,
        },
        star(c, 1),
        star(c, 2),
        Change::Tag {
            doc: doc(2),
            tag: "ukraine".into(),
            value: true,
        },
        Change::Tag {
            doc: doc(4),
            tag: "ukraine".into(),
            value: true,
        },
        Change::Tag {
            doc: doc(4),
            tag: "ekonomi".into(),
            value: true,
        },
        Change::Archive {
            doc: doc(3),
            value: true,
        },
    ]
}

#[test]
fn triage_filters_narrow_the_list() {
    let mut case = open(triaged);
    assert_eq!(case.listed(), [0, 1, 2, 4], "archived documents are hidden");
    assert_eq!(case.filtered("%unread"), [1, 4]);
    assert_eq!(case.filtered("%read"), [0, 2]);
    assert_eq!(case.filtered("%star"), [1, 2]);
    assert_eq!(case.filtered("%tag:ukraine"), [2, 4]);
    assert_eq!(case.filtered("%tag:ukraine %tag:ekonomi"), [4]);
    assert_eq!(case.filtered("%tag:yok"), Vec::<usize>::new());
    assert_eq!(case.filtered("%archived"), [3], "only the archived ones");
    assert_eq!(case.filtered("%unread %star"), [1]);
    assert_eq!(case.filtered("%star zeytin"), Vec::<usize>::new());
    assert_eq!(case.filtered("%read zeytin"), [0]);
    case.press("Esc /").press("Esc");
    assert_eq!(case.listed(), [0, 1, 2, 4], "Esc clears the filter");
}

#[test]
fn triage_keys_in_the_list_move_documents_in_and_out_of_filters() {
    let mut case = open(|_| Vec::new());
    assert_eq!(case.filtered("%star"), Vec::<usize>::new());
    case.press("Esc");
    assert_eq!(case.session.app.focus, Focus::List);
    // The list cursor is on the first document: star it, then archive the next one.
    case.press("s j X");
    assert_eq!(case.filtered("%star"), [0]);
    assert_eq!(case.filtered("%archived"), [1]);
    case.press("Esc");
    assert_eq!(case.listed(), [0, 2, 3, 4]);
    // The cursor stayed near the documents it acted on (issue 12): back to the first.
    case.press("g t").type_text("seçim").press("Enter");
    assert_eq!(case.filtered("%tag:seçim"), [0]);
}

#[test]
fn o_cycles_the_sort_orders() {
    let mut case = open(|c| {
        vec![
            Change::Read {
                doc: c.docs[0].key.clone(),
                value: true,
            },
            star(c, 4),
            star(c, 0),
        ]
    });
    assert_eq!(case.listed(), [0, 1, 2, 3, 4], "file order first");
    let expected: [(&str, [usize; 5]); 5] = [
        // Newest dateline first: 2021-02, 2020-12, 2020-11-13, 2020-11-03, 2019.
        ("date", [2, 4, 1, 0, 3]),
        // Folded titles: Ankara, Ekonomi, Meclis, Zeytin, then the Arabic one.
        ("title", [2, 4, 3, 0, 1]),
        // Turkish before Arabic, file order inside.
        ("language", [0, 2, 3, 4, 1]),
        // Unread first, starred first among them; the read (starred) one last.
        ("state", [4, 1, 2, 3, 0]),
        ("file", [0, 1, 2, 3, 4]),
    ];
    for (name, order) in expected {
        case.press("o");
        assert_eq!(case.status(), format!("sorted by {name}"));
        assert_eq!(case.listed(), order, "sorted by {name}");
    }
    case.press("o");
    assert_eq!(
        case.filtered("%unread"),
        [2, 4, 1, 3],
        "a filter keeps the sort"
    );
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
