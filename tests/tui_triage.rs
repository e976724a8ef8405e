//! Triage through the app, keys in and list out: the list filters (`%unread`, `%read`,
//! `%star`, `%tag:x`, `%archived`) narrow the document list, `o` cycles the sort orders,
//! opening a document marks it read without taking `u` away from the user's last change,
//! and the status line says what was saved, once.

#![cfg(feature = "tui")]

mod common;

use common::tui::{Harness, corpus_of};
use okur::corpus::Corpus;
use okur::store::{Change, Store};
use okur::tui::app::Focus;

/// Titles, in file order: dates and languages differ so every sort order differs.
const DOCS: [&str; 5] = [
    "Zeytin hasadı başladı\n\n03.11.2020 - 20:35\n\nEge'de zeytin toplanıyor.\n",
    "لقاء في موسكو\n\n11/13/2020\n\nنص الخبر.\n",
    "Ankara'da görüşme\n\n01.02.2021 - 10:00\n\nBakanlar görüştü.\n",
    "Meclis tatile girdi\n\n15.07.2019 - 09:00\n\nMeclis kapandı.\n",
    "Ekonomi notları\n\n20.12.2020 - 12:00\n\nEnflasyon açıklandı.\n",
];

fn corpus() -> Corpus {
    corpus_of(&DOCS)
}

/// A session over [`DOCS`] and a fresh store holding `setup` (built from the documents);
/// text words in the filter are answered by the search (inline here, so synchronously).
fn open(setup: impl Fn(&Corpus) -> Vec<Change>) -> Harness {
    Harness::texts(&DOCS)
        .store()
        .changes(setup(&corpus()))
        .start()
}

/// The list, as file indices in list order.
fn listed(case: &Harness) -> Vec<usize> {
    case.app().list.order().to_vec()
}

/// The list with `filter` typed on the filter line (and kept with Enter).
fn filtered(case: &mut Harness, filter: &str) -> Vec<usize> {
    case.keys("Esc /").type_text(filter).keys("Enter");
    listed(case)
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
    assert_eq!(listed(&case), [0, 1, 2, 4], "archived documents are hidden");
    assert_eq!(filtered(&mut case, "%unread"), [1, 4]);
    assert_eq!(filtered(&mut case, "%read"), [0, 2]);
    assert_eq!(filtered(&mut case, "%star"), [1, 2]);
    assert_eq!(filtered(&mut case, "%tag:ukraine"), [2, 4]);
    assert_eq!(filtered(&mut case, "%tag:ukraine %tag:ekonomi"), [4]);
    assert_eq!(filtered(&mut case, "%tag:yok"), Vec::<usize>::new());
    assert_eq!(
        filtered(&mut case, "%archived"),
        [3],
        "only the archived ones"
    );
    assert_eq!(filtered(&mut case, "%unread %star"), [1]);
    assert_eq!(filtered(&mut case, "%star zeytin"), Vec::<usize>::new());
    assert_eq!(filtered(&mut case, "%read zeytin"), [0]);
    case.keys("Esc /").keys("Esc");
    assert_eq!(listed(&case), [0, 1, 2, 4], "Esc clears the filter");
}

#[test]
fn triage_keys_in_the_list_move_documents_in_and_out_of_filters() {
    let mut case = open(|_| Vec::new());
    assert_eq!(filtered(&mut case, "%star"), Vec::<usize>::new());
    case.keys("Esc");
    assert_eq!(case.app().focus, Focus::List);
    // The list cursor is on the first document: star it, then archive the next one.
    case.keys("s j X");
    assert_eq!(filtered(&mut case, "%star"), [0]);
    assert_eq!(filtered(&mut case, "%archived"), [1]);
    case.keys("Esc");
    assert_eq!(listed(&case), [0, 2, 3, 4]);
    // The cursor stayed near the documents it acted on (issue 12): back to the first.
    case.keys("g t").type_text("seçim").keys("Enter");
    assert_eq!(filtered(&mut case, "%tag:seçim"), [0]);
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
    assert_eq!(listed(&case), [0, 1, 2, 3, 4], "file order first");
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
        case.keys("o");
        assert_eq!(case.status(), format!("sorted by {name}"));
        assert_eq!(listed(&case), order, "sorted by {name}");
    }
    case.keys("o");
    assert_eq!(
        filtered(&mut case, "%unread"),
        [2, 4, 1, 3],
        "a filter keeps the sort"
    );
}

#[test]
fn u_after_opening_a_document_undoes_the_last_deliberate_change() {
    let mut case = open(|_| Vec::new());
    // Star the first document from the list, then open the second: opening marks it read.
    case.keys("s j Enter");
    let key = |case: &Harness, i: usize| case.app().corpus.docs[i].key.clone();
    let second = key(&case, 1);
    assert!(case.app().state.doc(&second).read, "opening marks read");
    case.keys("u");
    let state = &case.app().state;
    assert!(!state.doc(&key(&case, 0)).star, "u undid the star");
    assert!(state.doc(&second).read, "the read mark stays");
    assert_eq!(case.status(), "undone: starred · saved");
    // Opening another document does not take the redo away either.
    case.keys("S-Tab j Enter C-r");
    assert!(
        case.app().state.doc(&key(&case, 0)).star,
        "redo after opening"
    );
    assert!(case.app().state.doc(&key(&case, 2)).read);
    // `R` on purpose is a change like any other, and can be undone.
    case.keys("R");
    assert!(!case.app().state.doc(&key(&case, 2)).read);
    case.keys("u");
    assert!(case.app().state.doc(&key(&case, 2)).read);
}

#[test]
fn read_marks_from_opening_survive_a_restart_and_stay_off_the_undo_stack() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.jsonl");
    let mut case = Harness::texts(&DOCS).store_at(&path).start();
    case.keys("s j Enter");
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
    case.keys("t").type_text("suriye").keys("Enter");
    assert_eq!(case.status(), "tag suriye added · saved");
    case.keys("t").type_text("ekonomi").keys("Enter");
    assert_eq!(case.status(), "tag ekonomi added · saved");
    case.keys("s");
    assert_eq!(case.status(), "starred · saved");
    case.keys("t").type_text("suriye").keys("Enter");
    assert_eq!(case.status(), "tag suriye removed · saved");
    case.keys("m").type_text("bak").keys("Enter");
    assert_eq!(case.status(), "note changed · saved");
    case.keys("u");
    assert_eq!(case.status(), "undone: note changed · saved");
    case.keys("Enter");
    assert!(
        !case.status().contains("saved"),
        "opening is not a save: {}",
        case.status()
    );
    case.keys("Esc r");
    assert_eq!(case.status(), "marked relevant · saved");
    assert_eq!(case.status().matches("saved").count(), 1);
}

#[test]
fn a_batch_is_one_undo_step_and_the_status_line_counts_its_documents() {
    let mut case = open(|c| {
        let tag = |i: usize, value: bool| Change::Tag {
            doc: c.docs[i].key.clone(),
            tag: "ukraine".into(),
            value,
        };
        vec![
            Change::Batch {
                changes: vec![star(c, 1), tag(3, true)],
            },
            Change::Batch {
                changes: vec![tag(0, true), tag(2, true)],
            },
            Change::Batch {
                changes: (0..3).map(|i| star(c, i)).collect(),
            },
        ]
    });
    let starred = |case: &Harness| {
        (0..5)
            .filter(|&i| case.app().state.doc(&corpus().docs[i].key).star)
            .collect::<Vec<_>>()
    };
    assert_eq!(starred(&case), [0, 1, 2]);
    case.keys("u");
    assert_eq!(case.status(), "undone: starred 2 documents · saved");
    assert_eq!(starred(&case), [1], "the star from before stays");
    case.keys("C-r");
    assert_eq!(case.status(), "redone: starred 2 documents · saved");
    case.keys("u u");
    assert_eq!(
        case.status(),
        "undone: tag ukraine added to 2 documents · saved"
    );
    case.keys("u");
    assert_eq!(case.status(), "undone: starred and 1 more change · saved");
    assert!(starred(&case).is_empty());
}

/// Documents marked in the list are triaged together: one change on disk, one `u`.
#[test]
fn marked_documents_are_starred_and_unstarred_in_one_step() {
    let mut h = Harness::seeds().store().start();
    h.keys("Space Space Space s");
    assert_eq!(h.status(), "starred 3 documents · saved");
    assert!((0..3).all(|d| h.app().doc_state(d).star));
    assert!(!h.app().doc_state(3).star, "not marked");
    h.keys("u");
    assert!(
        (0..3).all(|d| !h.app().doc_state(d).star),
        "one u undoes all"
    );
    h.keys("C-r t").type_text("ukrayna").keys("Enter");
    assert_eq!(h.status(), "tag ukrayna added to 3 documents · saved");
    // Esc clears the marks: the next star is for the document under the cursor only (the
    // fourth: Space moved the cursor down past the three marked).
    h.keys("Esc Esc s");
    assert_eq!(h.app().list.marked().len(), 0);
    assert_eq!(h.status(), "starred · saved");
    assert!(h.app().doc_state(3).star && h.app().doc_state(2).star);
}

/// QA: `X u X` archived a different document: after the undo the cursor stayed where the
/// archived document had left its row. Now it goes back to the document the undo restored.
#[test]
fn undo_brings_the_cursor_back_to_the_document_it_restored() {
    let mut h = Harness::seeds().store().start();
    h.keys("j X");
    let second = h.app().corpus.docs[1].key.clone();
    assert!(h.app().state.doc(&second).archived);
    h.keys("u");
    assert_eq!(h.app().selected_doc(), Some(1), "{}", h.status());
    h.keys("X");
    assert!(
        h.app().state.doc(&second).archived,
        "the same document again"
    );
    let third = h.app().corpus.docs[2].key.clone();
    assert!(!h.app().state.doc(&third).archived);
}

/// QA round 2: triage on marked documents acts on every marked document the title counts,
/// also those the filter hides; it saves and counts only the documents it changes; `r`
/// starts unrated documents at "relevant"; Esc clears the filter before the marks.
#[test]
fn marked_triage_acts_on_every_mark_and_counts_what_it_changed() {
    let mut h = Harness::seeds().store().start();
    h.keys("s Space Space Space");
    assert!(h.app().doc_state(0).star, "starred before marking");
    // A filter that hides two of the three marked documents.
    let third = h.app().corpus.docs[2].title.clone();
    let word: String = third.split_whitespace().next().unwrap_or("").to_string();
    h.keys("/").type_text(&format!("'{word}")).keys("Enter");
    h.keys("s");
    assert_eq!(
        h.status(),
        "starred 2 documents · saved",
        "000 was starred already"
    );
    assert!((0..3).all(|d| h.app().doc_state(d).star));
    h.keys("u");
    assert_eq!(h.status(), "undone: starred 2 documents · saved");
    // Relevance: all three unrated, so all become relevant.
    h.keys("r");
    assert!((0..3).all(|d| h.app().doc_state(d).relevance == okur::store::Relevance::Relevant));
    // Esc: the filter first, the marks with the next Esc.
    h.keys("Esc");
    assert_eq!(h.app().list.marked().len(), 3);
    assert!(h.app().list.filter_text().is_empty());
    h.keys("Esc");
    assert!(h.app().list.marked().is_empty());
    assert_eq!(h.status(), "marks cleared (3)");
}

/// Every state word is negatable, alone and next to search words and scopes, and the
/// list then shows exactly the complement within what the rest of the line asks for.
#[test]
fn negated_state_words_are_the_complement() {
    let mut case = open(triaged);
    assert_eq!(filtered(&mut case, "!%star"), [0, 4]);
    assert_eq!(filtered(&mut case, "!%unread"), [0, 2]);
    assert_eq!(filtered(&mut case, "!%tag:ukraine"), [0, 1]);
    assert_eq!(
        filtered(&mut case, "!%star %doc ankara"),
        Vec::<usize>::new()
    );
    assert_eq!(filtered(&mut case, "%doc ankara !%unread"), [2]);
    assert_eq!(filtered(&mut case, "!%star !%tag:ekonomi"), [0]);
    let mut both = filtered(&mut case, "%doc !ankara !%star");
    both.sort_unstable();
    assert_eq!(both, [0, 4], "in rank order, which ties break by length");
}
