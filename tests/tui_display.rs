//! Every pane follows the display mode, and the display key switches it: the document
//! list, the reading pane, the entity panel, the status line and the prompt are laid out
//! with the same bidi and shaping (issue: "Every pane follows the mode, not only the reader").
#![cfg(feature = "tui")]

mod common;

use common::tui::Harness;
use okur::corpus::{Corpus, Document};
use okur::layout::BidiMode;
use okur::tui::Action;

/// Seed 003's title in logical order, and as okur draws it (reordered, one letter a cell).
const TITLE: &str = "لافروف: سنراقب مع تركيا";
const TITLE_VISUAL: &str = "ايكرت عم بقارنس :فورفال";

fn has_presentation_forms(row: &str) -> bool {
    row.chars().any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c))
}

/// The seeds, extracted, with seed 003 open (the fourth document).
fn seed_003_open(bidi: BidiMode) -> Harness {
    let mut h = Harness::seeds()
        .extracted()
        .bidi(bidi)
        .screen(120, 40)
        .start();
    h.press(&[Action::Down, Action::Down, Action::Down, Action::Open]);
    h
}

#[test]
fn okurs_order_in_the_list_and_logical_order_after_two_presses() {
    let mut s = seed_003_open(BidiMode::App);
    let rows = s.screen();
    assert!(rows.iter().any(|r| r.contains(TITLE_VISUAL)), "{rows:#?}");
    s.press(&[Action::CycleDisplay, Action::CycleDisplay]);
    let rows = s.screen();
    assert!(rows.iter().any(|r| r.contains(TITLE)), "{rows:#?}");
    assert!(!rows.iter().any(|r| r.contains(TITLE_VISUAL)), "{rows:#?}");
    let status = rows.last().expect("status row");
    assert!(
        status.contains("display: bidi terminal, shape off"),
        "{status}"
    );
}

#[test]
fn shaping_reaches_the_list_and_the_reader() {
    let mut s = seed_003_open(BidiMode::App);
    assert!(!s.screen().iter().any(|r| has_presentation_forms(r)));
    s.press(&[Action::CycleDisplay]);
    let rows = s.screen();
    let status = rows.last().expect("status row");
    assert!(status.contains("display: bidi app, shape on"), "{status}");
    // Columns: list (28%), reader (47%), entities (25%) at 120 columns.
    let list: Vec<String> = rows.iter().map(|r| r.chars().take(33).collect()).collect();
    assert!(list.iter().any(|r| has_presentation_forms(r)), "{list:#?}");
    let reader: Vec<String> = rows
        .iter()
        .map(|r| r.chars().skip(34).take(56).collect())
        .collect();
    assert!(reader.iter().filter(|r| has_presentation_forms(r)).count() > 10);
}

#[test]
fn arabic_typed_in_the_filter_prompt_is_laid_out_like_the_text() {
    let mut s = seed_003_open(BidiMode::App);
    s.press(&[Action::Filter]);
    s.type_text("لافروف");
    let rows = s.screen();
    let status = rows.last().expect("status row");
    // okur's order: the word's first letter at the right end, before the cursor block.
    assert!(status.starts_with("/فورفال█"), "{status}");
    s.press(&[Action::Cancel]);
    s.press(&[Action::CycleDisplay, Action::CycleDisplay]);
    s.press(&[Action::Filter]);
    s.type_text("لافروف");
    let status = s.screen().pop().expect("status row");
    assert!(status.starts_with("/لافروف█"), "{status}");
}

#[test]
fn the_entity_panel_follows_the_mode() {
    // A date with no dateline to resolve it keeps its Arabic name in the panel.
    let text = "زيارة\n\nالتقى الرئيس المصري عبد الفتاح السيسي في مدينة أسوان اليوم.\n";
    let corpus = Corpus {
        docs: vec![Document::from_text("a.txt", text.to_string())],
    };
    let mut s = Harness::over(corpus)
        .extracted()
        .bidi(BidiMode::App)
        .screen(120, 40)
        .start();
    let entities = |rows: &[String]| -> Vec<String> {
        rows.iter().map(|r| r.chars().skip(90).collect()).collect()
    };
    let rows = s.screen();
    assert!(
        entities(&rows).iter().any(|r| r.contains("مويلا")),
        "{rows:#?}"
    );
    s.press(&[Action::CycleDisplay]);
    let shaped = entities(&s.screen());
    assert!(
        shaped.iter().any(|r| has_presentation_forms(r)),
        "{shaped:#?}"
    );
    s.press(&[Action::CycleDisplay]);
    let logical = entities(&s.screen());
    assert!(logical.iter().any(|r| r.contains("اليوم")), "{logical:#?}");
}
