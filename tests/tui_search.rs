//! The filter line's search as the panes see it: entity scopes list the documents that
//! mention the matched entities, and a keystroke waits for nobody.
#![cfg(feature = "tui")]

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

mod common;

use common::tui::Harness;
use okur::kind::Kind;
use okur::search::Query;
use okur::tui::app::App;
use okur::tui::search::SearchOutcome;

/// The seeds with extraction done, searching on this thread.
fn seeds() -> Harness {
    Harness::seeds().extracted().screen(120, 40).start()
}

/// Documents that mention one of the panel's entities of `kind`.
fn docs_mentioning(app: &App, kind: Kind) -> BTreeSet<usize> {
    let shown: BTreeSet<usize> = app
        .panel
        .order()
        .iter()
        .copied()
        .filter(|&e| app.facts.entities[e].kind == kind)
        .collect();
    (0..app.corpus.len())
        .filter(|&d| app.facts.mentions(d).any(|m| shown.contains(&m.entity())))
        .collect()
}

#[test]
fn person_scope_lists_the_documents_that_mention_the_person() {
    let mut h = seeds();
    h.type_text("/%per lavrov");
    let app = h.app();
    assert!(
        app.panel
            .order()
            .iter()
            .any(|&e| app.facts.entities[e].name == "Sergey Lavrov"),
        "the panel narrows to Lavrov"
    );
    let expected = docs_mentioning(app, Kind::Person);
    assert!(
        expected.len() >= 2,
        "Lavrov is in several seeds: {expected:?}"
    );
    let listed: BTreeSet<usize> = app.list.order().iter().copied().collect();
    assert_eq!(listed, expected);
    assert_eq!(listed.len(), app.list.order().len(), "each document once");
    let n = expected.len();
    assert!(
        h.screen_text().contains(&format!("Documents {n}/5")),
        "the list's title counts them"
    );
}

#[test]
fn two_entity_scopes_list_documents_with_both() {
    let mut h = seeds();
    h.type_text("/%per lavrov %loc ankara");
    let app = h.app();
    let people = docs_mentioning(app, Kind::Person);
    let places = docs_mentioning(app, Kind::Place);
    let both: BTreeSet<usize> = people.intersection(&places).copied().collect();
    assert!(!both.is_empty(), "000 mentions Lavrov and Ankara");
    let listed: BTreeSet<usize> = app.list.order().iter().copied().collect();
    assert_eq!(listed, both);
}

/// The first keystroke leaves the list as it is (the old code folded every text on the UI
/// thread to narrow it); the worker's answer then narrows it.
#[test]
fn the_list_waits_for_the_search_worker() {
    let mut h = Harness::seeds()
        .search_in_background()
        .screen(120, 40)
        .start();
    h.type_text("/'erdogan");
    assert_eq!(h.app().list.order().len(), 5, "unchanged until the answer");
    let start = Instant::now();
    while h.app().search.is_none() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
        h.poll();
    }
    let order = &h.app().list.order();
    assert!(!order.is_empty() && order.len() < 5, "narrowed: {order:?}");
}

/// The open document's matches come with the search's answer (found on the search's
/// thread); the reader takes them as they are instead of folding its text again.
#[test]
fn matches_in_the_open_document_come_with_the_answer() {
    let mut h = seeds();
    h.type_text("/lavrov");
    let outcome = h.app().search.clone().expect("answered");
    let (doc, ranges) = outcome.open_matches.clone().expect("found with the search");
    assert_eq!(doc, h.app().reader.doc);
    assert!(!ranges.is_empty());
    assert_eq!(h.app().search_ranges, ranges);
    let answer = SearchOutcome {
        query: Some(Query::parse("zzzz")),
        open_matches: Some((doc, vec![(0, 4)])),
        ..outcome
    };
    okur::tui::search::apply(h.app_mut(), answer);
    assert_eq!(h.app().search_ranges, [(0, 4)]);
}

/// The reader's filter runs the same engine as `okur find`: an Arabic name lists the
/// articles that name the same person in either script, not those whose words only share
/// its consonants (Biden, Turkish `bütün`), and `'` and `!` mean what they mean there.
#[test]
fn the_filter_line_lists_what_find_finds() {
    let texts = [
        "Putin Ankara'da\n\nPutin konuştu.\n",
        "Biden açıklama yaptı\n\nBiden konuştu.\n",
        "Bütün taraflar\n\nbütün taraflar anlaştı.\n",
        "بوتين يستقبل أردوغان\n\nقال بوتين أمس.\n",
        "بايدن يتحدث\n\nقال بايدن أمس.\n",
    ];
    let listed = |query: &str| {
        let mut h = Harness::texts(&texts).screen(120, 40).start();
        h.type_text(&format!("/{query}"));
        let mut docs: Vec<usize> = h.app().list.order().to_vec();
        docs.sort_unstable();
        docs
    };
    assert_eq!(listed("بوتين"), [0, 3]);
    assert_eq!(listed("'putin"), [0, 3]);
    assert_eq!(listed("%doc !putin"), [1, 2, 4]);
    assert_eq!(listed("biden"), [1, 4]);
}
