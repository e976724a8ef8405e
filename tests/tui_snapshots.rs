//! Whole-screen snapshots of the TUI on a `TestBackend`.
#![cfg(feature = "tui")]

mod common;

use common::extraction::{seeds_fixture, write_seeds_fixture};
use common::tui::{Harness, buffer_text, one_person};
use okur::corpus::{Corpus, Document};
use okur::kind::Kind;
use okur::tui::Action;
use okur::tui::app::{Facts, Focus};
use ratatui::layout::Rect;

/// The seeds, with the facts of their frozen extraction (not the extractor's of today),
/// driven through the pure `update` on a `width`x`height` screen.
fn seeds_app(width: u16, height: u16) -> Harness {
    Harness::seeds()
        .facts(Facts::from_extraction(&seeds_fixture()))
        .no_search()
        .screen(width, height)
        .start()
}

/// Writes the seeds' extraction fixture from the extractor of today (see
/// `tests/common/extraction.rs`).
#[test]
#[ignore = "writes tests/fixtures/seeds_extraction.json; run when the seeds change"]
fn write_seeds_extraction_fixture() {
    write_seeds_fixture();
}

#[test]
fn start_screen_80x24() {
    insta::assert_snapshot!(seeds_app(80, 24).snapshot());
}

#[test]
fn start_screen_120x40() {
    insta::assert_snapshot!(seeds_app(120, 40).snapshot());
}

#[test]
fn help_overlay() {
    let mut h = seeds_app(80, 24);
    h.update(&[Action::Help]);
    insta::assert_snapshot!(h.snapshot());
}

#[test]
fn turkish_document_open() {
    let mut h = seeds_app(100, 30);
    h.update(&[Action::Down, Action::Open]);
    assert_eq!(h.app().focus, Focus::Reader);
    insta::assert_snapshot!(h.snapshot());
}

/// Seed 003 opened at 80x24.
fn arabic_app() -> Harness {
    let mut h = seeds_app(80, 24);
    h.update(&[Action::Down, Action::Down, Action::Down, Action::Open]);
    h
}

#[test]
fn seed_003_at_40_columns() {
    insta::assert_snapshot!(arabic_app().resize(40, 20).snapshot());
}

#[test]
fn seed_003_at_80_columns() {
    insta::assert_snapshot!(arabic_app().snapshot());
}

#[test]
fn seed_003_at_120_columns() {
    insta::assert_snapshot!(arabic_app().resize(120, 40).snapshot());
}

#[test]
fn tiny_terminal_does_not_panic() {
    let mut h = seeds_app(80, 24);
    for (w, hh) in [(40, 10), (20, 5), (1, 1), (3, 2)] {
        h.resize(w, hh).snapshot();
        h.update(&[Action::Open, Action::Bottom, Action::Help, Action::Cancel]);
        h.snapshot();
    }
}

/// The cells of `area` drawn reversed and bold (the selected entity, the filter's matches).
fn highlighted(buf: &ratatui::buffer::Buffer, area: Rect) -> String {
    use ratatui::style::Modifier;
    area.positions()
        .filter(|&p| {
            buf[p]
                .modifier
                .contains(Modifier::REVERSED | Modifier::BOLD)
        })
        .map(|p| buf[p].symbol().to_string())
        .collect()
}

/// Mixed paragraphs: a Latin name highlighted inside Arabic, an Arabic name inside Turkish.
#[test]
fn mixed_paragraph_with_highlighted_names() {
    let text = "قال Sergey Lavrov إن بلاده مستعدة (للحوار).\n\nTürkçe metinde لافروف adı geçiyor.\n";
    let doc = Document::from_text("mixed.txt", text.to_string());
    let lavrov = text.find("Sergey Lavrov").expect("latin name");
    let arabic = text.find("لافروف").expect("arabic name");
    let facts = one_person(
        "Sergey Lavrov",
        &[
            (lavrov, lavrov + "Sergey Lavrov".len()),
            (arabic, arabic + "لافروف".len()),
        ],
    );
    let corpus = Corpus { docs: vec![doc] };
    let mut h = Harness::over(corpus)
        .facts(facts)
        .no_search()
        .screen(100, 12)
        .start();
    h.app_mut().panel.select(Some(0));
    h.update(&[Action::Open]);
    let buf = h.buffer();
    let reader = h.panes().reader.expect("reader shown");
    let inner = Rect::new(
        reader.x + 1,
        reader.y + 1,
        reader.width - 2,
        reader.height - 2,
    );
    let highlighted = highlighted(&buf, inner);
    let mut expected: Vec<char> = "SergeyLavrovفورفال".chars().collect();
    let mut got: Vec<char> = highlighted.chars().filter(|c| !c.is_whitespace()).collect();
    expected.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, expected, "highlighted cells: {highlighted}");
    insta::assert_snapshot!(buffer_text(&buf));
}

#[test]
fn entity_selected_filters_and_highlights() {
    let mut h = seeds_app(120, 40);
    // Focus the entity panel, pick the top person, narrow the list to documents with them.
    h.update(&[Action::FocusPrev, Action::Open, Action::FilterByEntity]);
    let app = h.app();
    let person = app.facts.entities[0].name.clone();
    assert_eq!(app.facts.entities[0].kind, Kind::Person);
    assert!(
        app.list.order().len() < app.corpus.len() || app.corpus.len() == app.list.order().len()
    );
    assert!(app.list.entity_name() == Some(person.as_str()));
    insta::assert_snapshot!(h.snapshot());
}

#[test]
fn extraction_progress_shows_in_the_entity_panel() {
    let mut h = seeds_app(120, 40);
    h.app_mut().panel.set_progress(Some((2, 5)));
    assert!(h.snapshot().contains("Entities · extracting 2/5"));
}

/// `/lavrov` narrows the list and the entity panel; in the Arabic seed the match لافروف is
/// highlighted on the right cells after reordering.
#[test]
fn filter_active_with_arabic_match_highlighted() {
    let mut h = Harness::seeds()
        .extraction(seeds_fixture())
        .screen(120, 40)
        .start();
    h.type_text("/lavrov").keys("Enter");
    let app = h.app();
    assert_eq!(app.list.filter_text(), "lavrov");
    assert!(
        app.list.order().contains(&3),
        "the Arabic seed matches lavrov: {:?}",
        app.list.order()
    );
    assert!(
        app.list.order().len() < app.corpus.len(),
        "001 does not mention Lavrov"
    );
    let arabic_row = app
        .list
        .order()
        .iter()
        .position(|&d| d == 3)
        .expect("listed");
    h.app_mut().list.select_row(arabic_row);
    h.update(&[Action::Open]);
    let buf = h.buffer();
    let reader = h.panes().reader.expect("reader");
    let highlighted = highlighted(&buf, reader);
    assert!(
        highlighted.contains("فورفال"),
        "visual order of لافروف highlighted: {highlighted}"
    );
    insta::assert_snapshot!(buffer_text(&buf));
}
