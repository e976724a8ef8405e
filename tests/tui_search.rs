//! The filter line's search as the panes see it: entity scopes list the documents that
//! mention the matched entities, and a keystroke waits for nobody.
#![cfg(feature = "tui")]

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use okur::corpus::load_seeds;
use okur::extract::{Extractor, extract_corpus};
use okur::layout::LayoutOptions;
use okur::search::Query;
use okur::tui::app::{App, Facts};
use okur::tui::search::SearchOutcome;
use okur::tui::session::Session;
use okur::tui::theme::Theme;
use okur::tui::{prepare, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SCREEN: Rect = Rect::new(0, 0, 120, 40);

/// The seeds with extraction done, searching on this thread.
fn seeds_session() -> Session {
    let corpus = load_seeds().corpus;
    let extraction = extract_corpus(&Extractor::new(), &corpus);
    let app = App::new(
        corpus,
        Facts::default(),
        Theme::monochrome(),
        LayoutOptions::new(80),
    );
    let mut session = Session::new(app, None);
    session.search_inline();
    session.set_extraction(&extraction);
    session
}

fn type_keys(session: &mut Session, keys: &str) {
    for c in keys.chars() {
        let panes = view::panes(SCREEN, &session.app);
        prepare(&mut session.app, &panes);
        session.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), &panes);
    }
}

fn screen(session: &mut Session) -> String {
    let panes = view::panes(SCREEN, &session.app);
    prepare(&mut session.app, &panes);
    let mut terminal = Terminal::new(TestBackend::new(SCREEN.width, SCREEN.height)).expect("tb");
    terminal
        .draw(|f| view::draw(f, &session.app))
        .expect("draw");
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect::<Vec<String>>()
        .join("\n")
}

/// Documents that mention one of the panel's entities of `kind`.
fn docs_mentioning(app: &App, kind: &str) -> BTreeSet<usize> {
    let shown: BTreeSet<usize> = app
        .entity_order
        .iter()
        .copied()
        .filter(|&e| app.facts.entities[e].kind == kind)
        .collect();
    (0..app.corpus.len())
        .filter(|&d| {
            app.facts.mentions[d]
                .iter()
                .any(|m| shown.contains(&m.entity))
        })
        .collect()
}

#[test]
fn person_scope_lists_the_documents_that_mention_the_person() {
    let mut session = seeds_session();
    type_keys(&mut session, "/%per lavrov");
    let app = &session.app;
    assert!(
        app.entity_order
            .iter()
            .any(|&e| app.facts.entities[e].name == "Sergey Lavrov"),
        "the panel narrows to Lavrov"
    );
    let expected = docs_mentioning(app, "person");
    assert!(
        expected.len() >= 2,
        "Lavrov is in several seeds: {expected:?}"
    );
    let listed: BTreeSet<usize> = app.order.iter().copied().collect();
    assert_eq!(listed, expected);
    assert_eq!(listed.len(), app.order.len(), "each document once");
    let n = expected.len();
    assert!(
        screen(&mut session).contains(&format!("Documents {n}/5")),
        "the list's title counts them"
    );
}

#[test]
fn two_entity_scopes_list_documents_with_both() {
    let mut session = seeds_session();
    type_keys(&mut session, "/%per lavrov %loc ankara");
    let app = &session.app;
    let people = docs_mentioning(app, "person");
    let places = docs_mentioning(app, "place");
    let both: BTreeSet<usize> = people.intersection(&places).copied().collect();
    assert!(!both.is_empty(), "000 mentions Lavrov and Ankara");
    let listed: BTreeSet<usize> = app.order.iter().copied().collect();
    assert_eq!(listed, both);
}

/// The first keystroke leaves the list as it is (the old code folded every text on the UI
/// thread to narrow it); the worker's answer then narrows it.
#[test]
fn the_list_waits_for_the_search_worker() {
    let corpus = load_seeds().corpus;
    let app = App::new(
        corpus,
        Facts::default(),
        Theme::monochrome(),
        LayoutOptions::new(80),
    );
    let mut session = Session::new(app, None);
    session.search_in_background();
    type_keys(&mut session, "/'erdogan");
    assert_eq!(session.app.order.len(), 5, "unchanged until the answer");
    let start = Instant::now();
    while session.app.search.is_none() && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
        session.poll_search();
    }
    let order = &session.app.order;
    assert!(!order.is_empty() && order.len() < 5, "narrowed: {order:?}");
}

/// The open document's matches come with the search's answer (found on the search's
/// thread); the reader takes them as they are instead of folding its text again.
#[test]
fn matches_in_the_open_document_come_with_the_answer() {
    let mut session = seeds_session();
    type_keys(&mut session, "/lavrov");
    let outcome = session.app.search.clone().expect("answered");
    let (doc, ranges) = outcome.open_matches.clone().expect("found with the search");
    assert_eq!(doc, session.app.reader.doc);
    assert!(!ranges.is_empty());
    assert_eq!(session.app.search_ranges, ranges);
    let answer = SearchOutcome {
        query: Some(Query::parse("zzzz")),
        open_matches: Some((doc, vec![(0, 4)])),
        ..outcome
    };
    okur::tui::search::apply(&mut session.app, answer);
    assert_eq!(session.app.search_ranges, [(0, 4)]);
}
