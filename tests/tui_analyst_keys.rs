//! Issue 12, "what analysts reach for": `y` copies in logical order (an OSC 52 effect the
//! loop writes), `J`/`K` open the next / previous unread document, `n`/`N` say which
//! mention of how many, and `q` with one pane shown goes back to the list.

#![cfg(feature = "tui")]

mod common;

use common::tui::{Harness, one_person};
use okur::tui::app::Focus;

/// An Arabic article of two sentences, opened in the reading pane.
const ARABIC: &str = "التقى لافروف بوزير الخارجية. ثم غادر موسكو.";

fn arabic_open() -> Harness {
    let mut h = Harness::texts(&[ARABIC]).start();
    h.keys("Enter");
    assert_eq!(h.app().focus, Focus::Reader);
    h
}

#[test]
fn y_copies_the_selection_as_stored() {
    let mut h = arabic_open();
    // From the first word to the start of the third: `v` takes both ends' clusters.
    h.keys("v w w y");
    let copied = h.session.take_copy();
    let third = ARABIC.find("بوزير").expect("in text");
    let want = format!("{}ب", &ARABIC[..third]);
    assert_eq!(copied.as_deref(), Some(want.as_str()));
    assert_eq!(
        h.status(),
        format!(
            "copied {} characters (OSC 52: the terminal must allow clipboard writes)",
            want.chars().count()
        )
    );
    assert_eq!(h.app().reader.anchor, None, "the copy ends the selection");
    assert_eq!(h.session.take_copy(), None, "taken once");
}

#[test]
fn y_without_a_selection_copies_the_span_or_else_the_sentence() {
    let mut h = arabic_open();
    h.keys("w w w w y");
    assert_eq!(
        h.session.take_copy().as_deref(),
        Some("ثم غادر موسكو."),
        "the caret's sentence"
    );
    let at = ARABIC.find("لافروف").expect("in text");
    let end = at + "لافروف".len();
    let mut h = Harness::texts(&[ARABIC])
        .facts(one_person("Sergey Lavrov", &[(at, end)]))
        .start();
    h.keys("Enter w y");
    assert_eq!(h.session.take_copy().as_deref(), Some("لافروف"), "the span");
}

#[test]
fn y_outside_the_reading_pane_copies_nothing() {
    let mut h = Harness::texts(&[ARABIC]).start();
    h.keys("y");
    assert_eq!(h.session.take_copy(), None);
    assert_eq!(h.status(), "copy works in the reading pane (Tab to it)");
}

#[test]
fn j_and_k_open_the_next_and_previous_unread_document() {
    let mut h = Harness::texts(&["Bir.", "İki.", "Üç.", "Dört."])
        .store()
        .start();
    let open = |h: &Harness| (h.app().reader.doc, h.app().list.cursor().selected);
    // At start the first document is in front of the user, unread: J opens it first.
    h.keys("J");
    assert_eq!(open(&h), (0, 0), "{}", h.status());
    assert_eq!(h.app().focus, Focus::Reader);
    assert!(h.app().doc_state(0).read, "opening marks it read");
    h.keys("J");
    assert_eq!(open(&h), (1, 1));
    // The list cursor moved onto an unread document: J opens that one, not the next.
    h.keys("S-Tab j j Tab");
    h.keys("S-Tab k J");
    assert_eq!(open(&h), (2, 2), "the unread document under the cursor");
    h.keys("K");
    assert_eq!(open(&h), (3, 3), "0 and 1 are read: K wraps around to 3");
    h.keys("J");
    assert_eq!(open(&h), (3, 3));
    assert_eq!(h.status(), "no unread document in the list");
}

#[test]
fn n_says_which_mention_of_how_many() {
    let text = "Lavrov geldi. Lavrov konuştu. Sonra Lavrov gitti.";
    let ranges: Vec<(usize, usize)> = text
        .match_indices("Lavrov")
        .map(|(i, w)| (i, i + w.len()))
        .collect();
    let mut h = Harness::texts(&[text])
        .facts(one_person("Sergey Lavrov", &ranges))
        .start();
    h.keys("Enter Tab Enter S-Tab");
    assert_eq!(h.app().reader.caret, ranges[0].0);
    h.keys("n");
    assert_eq!(h.status(), "Sergey Lavrov: mention 2/3");
    h.keys("n n");
    assert_eq!(h.status(), "Sergey Lavrov: mention 1/3", "wraps around");
    h.keys("N");
    assert_eq!(h.status(), "Sergey Lavrov: mention 3/3");
    assert_eq!(h.app().reader.caret, ranges[2].0);
}

#[test]
fn n_counts_search_matches_too_and_says_when_there_is_nothing() {
    let mut h = Harness::texts(&["Ankara'da bir gün. Ankara yine."]).start();
    h.keys("Enter n");
    assert_eq!(
        h.status(),
        "nothing to jump to: Enter on an entity in the panel, or / to search"
    );
    h.keys("/").type_text("ankara").keys("Enter n");
    assert_eq!(h.status(), "\"ankara\": match 2/2");
}

#[test]
fn q_with_one_pane_goes_back_to_the_list_then_quits() {
    let mut h = Harness::texts(&["Bir.", "İki."]).screen(50, 20).start();
    h.keys("Enter");
    assert_eq!(h.app().focus, Focus::Reader);
    h.keys("q");
    assert!(!h.quitting(), "q closed the article view");
    assert_eq!(h.app().focus, Focus::List);
    assert_eq!(h.status(), "document list (q here quits)");
    assert!(h.screen_text().contains("İki"), "the list is shown");
    h.keys("q");
    assert!(h.quitting());
}

#[test]
fn q_with_every_pane_shown_quits() {
    let mut h = Harness::texts(&["Bir.", "İki."]).start();
    h.keys("Enter q");
    assert!(h.quitting());
}
