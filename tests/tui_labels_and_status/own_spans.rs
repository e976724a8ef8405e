//! The user's own spans: another label on exactly a span's bytes replaces it (one step, one
//! undo), the same label changes nothing, and a label inside or across one is refused with
//! the span named. Deciding on every form of an entity (`x` in the panel, `A`) is one step.

use super::caret_at;
use super::common::tui::Harness;
use super::exported;
use super::labels::{journal, labels_at, nth, seeds_open, text};
use okur::store::{Decision, Origin};
use okur::tui::app::{App, Focus};

/// Lines in the store's journal: one per step saved.
fn journal_lines(h: &Harness) -> usize {
    std::fs::read_to_string(journal(h))
        .map(|j| j.lines().count())
        .unwrap_or(0)
}

/// Opens the seed whose file name starts with `prefix` from the list.
fn open_seed(h: &mut Harness, prefix: &str) {
    let pos = h
        .app()
        .list
        .order()
        .iter()
        .position(|&d| h.app().corpus.docs[d].path.starts_with(prefix))
        .expect("the seed is listed");
    h.keys("S-Tab");
    assert_eq!(h.app().focus, Focus::List);
    h.app_mut().list.select_row(pos);
    h.keys("Enter");
    assert!(
        h.app()
            .open_doc()
            .is_some_and(|d| d.path.starts_with(prefix))
    );
}

/// Selects bytes `start..end` of the open document (`end` the end of a character).
fn select(h: &mut Harness, start: usize, end: usize) {
    let last = text(h)[..end]
        .char_indices()
        .next_back()
        .map(|(i, _)| i)
        .expect("a non-empty selection");
    caret_at(h, last);
    h.app_mut().reader.anchor = Some(start);
}

#[test]
fn another_label_on_your_span_replaces_it_in_one_step() {
    let mut h = seeds_open();
    let ankara = nth(&h, "Ankara", 0);
    let person_here = |h: &Harness| {
        exported(&journal(h), "person")
            .iter()
            .any(|(_, start, _, _)| *start == ankara as u64)
    };
    caret_at(&mut h, ankara);
    h.keys("p");
    assert_eq!(h.status(), "Ankara → person · saved");
    let lines = journal_lines(&h);
    h.keys("l");
    assert_eq!(h.status(), "Ankara: person → place · saved");
    assert_eq!(labels_at(&h, ankara), [("place".into(), Origin::User)]);
    assert_eq!(journal_lines(&h), lines + 1, "one journal line");
    assert!(!person_here(&h), "the person label is gone from the export");
    h.keys("u");
    assert_eq!(h.status(), "undone: Ankara: person → place · saved");
    assert_eq!(labels_at(&h, ankara), [("person".into(), Origin::User)]);
    assert!(person_here(&h), "one undo brings the old label back");
    h.keys("C-r");
    assert_eq!(h.status(), "redone: Ankara: person → place · saved");
    assert_eq!(labels_at(&h, ankara), [("place".into(), Origin::User)]);
    let lines = journal_lines(&h);
    h.keys("l");
    assert_eq!(h.status(), "Ankara is already labelled place here");
    assert_eq!(journal_lines(&h), lines, "nothing saved");
    h.keys("D");
    assert_eq!(labels_at(&h, ankara), []);
}

#[test]
fn a_label_inside_or_across_your_span_is_refused_and_says_why() {
    let mut h = seeds_open();
    open_seed(&mut h, "001_");
    let rus = nth(&h, "Rus Barış Gücü", 0);
    let gucu = rus + "Rus Barış ".len();
    select(&mut h, rus, rus + "Rus Barış Gücü".len());
    h.keys("p");
    assert_eq!(h.status(), "Rus Barış Gücü → person · saved");
    let lines = journal_lines(&h);
    caret_at(&mut h, gucu);
    h.keys("l");
    assert_eq!(
        h.status(),
        "inside your span \"Rus Barış Gücü\" (person): D removes it first"
    );
    assert_eq!(journal_lines(&h), lines, "nothing saved");
    assert_eq!(labels_at(&h, gucu), [("person".into(), Origin::User)]);
    // From Gücü into the words after the span.
    let after = text(&h)[gucu..].find(' ').map(|i| gucu + i + 2);
    select(&mut h, gucu, after.expect("a word after"));
    h.keys("l");
    assert_eq!(
        h.status(),
        "overlaps your span \"Rus Barış Gücü\" (person): D removes it first"
    );
    assert_eq!(journal_lines(&h), lines, "nothing saved");
    let places = exported(&journal(&h), "place");
    assert!(
        !places.iter().any(|(_, _, t, _)| t.contains("Gücü")),
        "{places:?}"
    );
}

/// The distinct surface forms of entity `row`'s mentions across the corpus.
fn forms(app: &App, row: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (doc, mentions) in app.corpus.docs.iter().zip(app.facts.each_doc()) {
        for m in mentions.filter(|m| m.entity() == row) {
            let form = doc
                .text_in(m.start()..m.end())
                .expect("a mention")
                .into_owned();
            if !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}

/// An entity row with several forms, its name one of them, and its first mention in the
/// open document, if any.
fn entity_with_forms(app: &App) -> (usize, Vec<String>) {
    app.panel
        .order()
        .iter()
        .map(|&row| (row, forms(app, row)))
        .find(|(row, forms)| forms.len() > 1 && forms.contains(&app.facts.entities[*row].name))
        .expect("the seeds have an entity with several forms")
}

#[test]
fn rejecting_an_entity_in_the_panel_is_one_step_named_after_it() {
    let mut h = seeds_open();
    h.keys("s");
    let (row, forms) = entity_with_forms(h.app());
    let name = h.app().facts.entities[row].name.clone();
    let pos = h.app().panel.order().iter().position(|&r| r == row);
    h.keys("Tab");
    assert_eq!(h.app().focus, Focus::Entities);
    h.app_mut().panel.select_row(pos.expect("listed"));
    let lines = journal_lines(&h);
    h.keys("x");
    let n = forms.len();
    let said = format!("rejected {name} (");
    assert!(h.status().starts_with(&said), "{}", h.status());
    assert!(h.status().contains(&format!("everywhere, {n} forms")));
    assert_eq!(journal_lines(&h), lines + 1, "{n} forms, one journal line");
    let rejected = |h: &Harness| {
        let decisions = h.app().state.decisions();
        let rejected: Vec<String> = decisions
            .filter(|(_, d)| *d == Decision::Rejected)
            .map(|(name, _)| name.text.clone())
            .collect();
        forms.iter().filter(|f| rejected.contains(f)).count()
    };
    assert_eq!(rejected(&h), n);
    h.keys("u");
    assert_eq!(rejected(&h), 0, "one u takes every form back");
    assert!(
        h.status().starts_with(&format!("undone: {said}")),
        "{}",
        h.status()
    );
    let star = |h: &Harness| h.app().open_doc().map(|d| h.app().state.doc(&d.key).star);
    assert_eq!(star(&h), Some(true), "the star before it stays");
    h.keys("u");
    assert_eq!(star(&h), Some(false), "the next u undoes the star");
}

#[test]
fn accepting_every_form_is_one_step() {
    let mut h = seeds_open();
    let app = h.app();
    let open = app.reader.doc;
    // A mention here of an entity with several forms.
    let mention = app
        .open_mentions()
        .find(|m| forms(app, m.entity()).len() > 1)
        .expect("one in the first seed");
    let n = forms(app, mention.entity()).len();
    caret_at(&mut h, mention.start());
    let lines = journal_lines(&h);
    h.keys("A");
    assert!(
        h.status()
            .contains(&format!("everywhere, {n} forms · saved")),
        "{}",
        h.status()
    );
    assert_eq!(journal_lines(&h), lines + 1);
    assert_eq!(h.app().state.decisions().count(), n);
    h.keys("u");
    assert_eq!(
        h.app().state.decisions().count(),
        0,
        "one u undoes them all"
    );
    assert!(
        h.status().starts_with("undone: accepted "),
        "{}",
        h.status()
    );
    assert_eq!(h.app().reader.doc, open);
}
