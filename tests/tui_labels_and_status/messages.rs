//! What the status line says reads naturally: counts of one in the singular, `L` on a lone
//! occurrence, undo and redo saying what was undone (or that there was nothing), `B` which
//! way the paragraph now reads.

use super::caret_at;
use super::common::tui::Harness;
use super::labels::seeds_open;
use okur::tui::app::Focus;

const DOCS: [&str; 2] = [
    "Zeytin hasadı başladı\n\nEge'de zeytin toplanıyor, Ege'de hasat sürüyor.\n",
    "Ankara'da görüşme\n\nBakanlar görüştü.\n",
];

fn open() -> Harness {
    let mut h = Harness::texts(&DOCS).store().start();
    h.keys("Enter");
    assert_eq!(h.app().focus, Focus::Reader);
    h
}

#[test]
fn undo_and_redo_say_what_they_did_or_that_there_was_nothing() {
    let mut h = open();
    h.keys("s");
    assert_eq!(h.status(), "starred · saved");
    h.keys("C-r");
    assert_eq!(h.status(), "nothing to redo");
    h.keys("u");
    assert_eq!(h.status(), "undone: starred · saved");
    h.keys("u");
    assert_eq!(h.status(), "nothing to undo");
    h.keys("C-r");
    assert_eq!(h.status(), "redone: starred · saved");
    h.keys("C-r");
    assert_eq!(h.status(), "nothing to redo");
}

#[test]
fn capital_b_says_which_way_the_paragraph_reads() {
    let mut h = open();
    h.keys("B");
    assert_eq!(h.status(), "paragraph right-to-left");
    h.keys("B");
    assert_eq!(h.status(), "paragraph left-to-right");
}

#[test]
fn capital_l_on_a_lone_occurrence_asks_about_it_alone() {
    let mut h = open();
    caret_at(&mut h, 0);
    h.keys("p L");
    let asked = h.app().mode.confirm().map(|c| c.question.clone());
    assert_eq!(
        asked.as_deref(),
        Some("Zeytin → person at its only occurrence?")
    );
    h.keys("y");
    assert_eq!(h.status(), "Zeytin → person at its only occurrence · saved");
    let ege = DOCS[0].find("Ege").expect("Ege");
    caret_at(&mut h, ege);
    h.keys("l L");
    let asked = h.app().mode.confirm().map(|c| c.question.clone());
    assert_eq!(
        asked.as_deref(),
        Some("Ege → place at all 2 occurrences in 1 document?")
    );
}

#[test]
fn counts_of_one_are_singular() {
    let mut h = seeds_open();
    let app = h.app();
    let one_doc = app
        .panel
        .order()
        .iter()
        .position(|&row| app.facts.entities[row].docs == 1)
        .expect("an entity of one seed");
    let row = app.panel.order()[one_doc];
    let name = app.facts.entities[row].name.clone();
    let mentions = app.facts.entities[row].mentions;
    h.keys("Tab");
    assert_eq!(h.app().focus, Focus::Entities);
    h.app_mut().panel.select_row(one_doc);
    h.keys("Enter");
    let end = format!(", {mentions} in 1 document");
    assert!(h.status().ends_with(&end), "{}", h.status());
    h.keys("f");
    assert_eq!(h.status(), format!("1 document mentions {name}"));
}
