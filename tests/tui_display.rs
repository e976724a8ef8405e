//! Every pane follows the display mode, and the display key switches it: the document
//! list, the reading pane, the entity panel, the status line and the prompt are laid out
//! with the same bidi and shaping (issue: "Every pane follows the mode, not only the reader").
#![cfg(feature = "tui")]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use okur::corpus::{Corpus, Document, load_seeds};
use okur::extract::{Extractor, extract_corpus};
use okur::layout::{BidiMode, LayoutOptions};
use okur::tui::app::{App, Facts};
use okur::tui::session::Session;
use okur::tui::theme::Theme;
use okur::tui::{Action, prepare, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SCREEN: Rect = Rect::new(0, 0, 120, 40);
/// Seed 003's title in logical order, and as okur draws it (reordered, one letter a cell).
const TITLE: &str = "لافروف: سنراقب مع تركيا";
const TITLE_VISUAL: &str = "ايكرت عم بقارنس :فورفال";

fn session(bidi: BidiMode) -> Session {
    session_over(load_seeds().corpus, bidi)
}

fn session_over(corpus: Corpus, bidi: BidiMode) -> Session {
    let extraction = extract_corpus(&Extractor::new(), &corpus);
    let opts = LayoutOptions {
        bidi,
        ..LayoutOptions::new(80)
    };
    let app = App::new(corpus, Facts::default(), Theme::monochrome(), opts);
    let mut session = Session::new(app, None);
    session.search_inline();
    session.set_extraction(&extraction);
    session
}

fn act(session: &mut Session, actions: &[Action]) {
    for &a in actions {
        let panes = view::panes(SCREEN, &session.app);
        prepare(&mut session.app, &panes);
        session.dispatch(a, &panes);
    }
}

fn type_text(session: &mut Session, text: &str) {
    for c in text.chars() {
        let panes = view::panes(SCREEN, &session.app);
        session.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), &panes);
    }
}

fn screen(session: &mut Session) -> Vec<String> {
    let panes = view::panes(SCREEN, &session.app);
    prepare(&mut session.app, &panes);
    let mut terminal = Terminal::new(TestBackend::new(SCREEN.width, SCREEN.height)).expect("tb");
    terminal
        .draw(|f| view::draw(f, &session.app))
        .expect("draw");
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn has_presentation_forms(row: &str) -> bool {
    row.chars().any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c))
}

/// The seeds with seed 003 open (the fourth document).
fn seed_003_open(bidi: BidiMode) -> Session {
    let mut s = session(bidi);
    act(
        &mut s,
        &[Action::Down, Action::Down, Action::Down, Action::Open],
    );
    s
}

#[test]
fn okurs_order_in_the_list_and_logical_order_after_two_presses() {
    let mut s = seed_003_open(BidiMode::App);
    let rows = screen(&mut s);
    assert!(rows.iter().any(|r| r.contains(TITLE_VISUAL)), "{rows:#?}");
    act(&mut s, &[Action::CycleDisplay, Action::CycleDisplay]);
    let rows = screen(&mut s);
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
    assert!(!screen(&mut s).iter().any(|r| has_presentation_forms(r)));
    act(&mut s, &[Action::CycleDisplay]);
    let rows = screen(&mut s);
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
    act(&mut s, &[Action::Filter]);
    type_text(&mut s, "لافروف");
    let rows = screen(&mut s);
    let status = rows.last().expect("status row");
    // okur's order: the word's first letter at the right end, before the cursor block.
    assert!(status.starts_with("/فورفال█"), "{status}");
    act(&mut s, &[Action::Cancel]);
    act(&mut s, &[Action::CycleDisplay, Action::CycleDisplay]);
    act(&mut s, &[Action::Filter]);
    type_text(&mut s, "لافروف");
    let status = screen(&mut s).pop().expect("status row");
    assert!(status.starts_with("/لافروف█"), "{status}");
}

#[test]
fn the_entity_panel_follows_the_mode() {
    // A date with no dateline to resolve it keeps its Arabic name in the panel.
    let text = "زيارة\n\nالتقى الرئيس المصري عبد الفتاح السيسي في مدينة أسوان اليوم.\n";
    let corpus = Corpus {
        docs: vec![Document::from_text("a.txt", text.to_string())],
    };
    let mut s = session_over(corpus, BidiMode::App);
    let entities = |rows: &[String]| -> Vec<String> {
        rows.iter().map(|r| r.chars().skip(90).collect()).collect()
    };
    let rows = screen(&mut s);
    assert!(
        entities(&rows).iter().any(|r| r.contains("مويلا")),
        "{rows:#?}"
    );
    act(&mut s, &[Action::CycleDisplay]);
    let shaped = entities(&screen(&mut s));
    assert!(
        shaped.iter().any(|r| has_presentation_forms(r)),
        "{shaped:#?}"
    );
    act(&mut s, &[Action::CycleDisplay]);
    let logical = entities(&screen(&mut s));
    assert!(logical.iter().any(|r| r.contains("اليوم")), "{logical:#?}");
}
