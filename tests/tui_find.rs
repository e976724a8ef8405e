//! Find in the open article (`F`, Ctrl-F): incremental, folded and across scripts; `n`/`N`
//! go through its matches; Enter keeps it, Esc puts the caret back.

#![cfg(feature = "tui")]

mod common;

use common::tui::Harness;
use okur::tui::mode::Mode;

const TEXT: &str = "Erdoğan Ankara'da konuştu.\n\nSonra ERDOGAN İstanbul'a gitti. أردوغان في أنقرة.\n\nErdogan döndü.";

fn open() -> Harness {
    let mut h = Harness::texts(&[TEXT]).screen(100, 30).start();
    h.keys("Enter");
    h
}

fn starts(h: &Harness) -> Vec<usize> {
    h.app()
        .find
        .as_ref()
        .map(|f| f.ranges.iter().map(|r| r.0).collect())
        .unwrap_or_default()
}

#[test]
fn typing_moves_the_caret_to_the_first_match_after_it() {
    let mut h = open();
    h.keys("w w").keys("F").type_text("erdogan");
    let second = TEXT.find("ERDOGAN").expect("in text");
    assert_eq!(
        h.app().reader.caret,
        second,
        "the first match after the caret"
    );
    // Folded and across scripts: four matches, the Arabic one included.
    let arabic = TEXT.find("أردوغان").expect("in text");
    assert!(starts(&h).contains(&arabic), "{:?}", starts(&h));
    assert_eq!(starts(&h).len(), 4);
    assert_eq!(h.status(), "find 2/4: \"erdogan\"");
}

#[test]
fn n_goes_through_the_matches_after_enter_and_esc_ends_the_find() {
    let mut h = open();
    h.keys("F").type_text("erdogan").keys("Enter");
    assert_eq!(h.app().mode, Mode::Normal);
    assert_eq!(h.status(), "find 1/4: \"erdogan\" · n/N go on");
    h.keys("n");
    assert_eq!(h.status(), "find 2/4: \"erdogan\"");
    h.keys("n n n");
    assert_eq!(h.status(), "find 1/4: \"erdogan\"", "wraps around");
    h.keys("N");
    assert_eq!(h.status(), "find 4/4: \"erdogan\"");
    h.keys("Esc");
    assert!(h.app().find.is_none());
}

#[test]
fn esc_in_the_prompt_puts_the_caret_back() {
    let mut h = open();
    h.keys("w");
    let before = h.app().reader.caret;
    h.keys("F").type_text("istanbul");
    assert_ne!(h.app().reader.caret, before);
    h.keys("Esc");
    assert_eq!(h.app().reader.caret, before);
    assert!(h.app().find.is_none());
}

#[test]
fn no_match_says_so_and_another_document_ends_the_find() {
    let mut h = Harness::texts(&[TEXT, "Başka bir metin."])
        .screen(100, 30)
        .start();
    h.keys("Enter F").type_text("zqxw");
    assert_eq!(h.status(), "find: no match in this article: \"zqxw\"");
    h.keys("Enter");
    assert!(
        h.app().find.is_none(),
        "a find that found nothing is not kept"
    );
    h.keys("F").type_text("zqxw");
    h.keys("Bksp Bksp Bksp Bksp")
        .type_text("ankara")
        .keys("Enter");
    assert!(h.app().find.is_some());
    h.keys("S-Tab j Enter");
    assert_eq!(h.app().reader.doc, 1);
    assert!(h.app().find.is_none(), "the find was for the document left");
}

#[test]
fn the_matches_are_highlighted_on_screen() {
    let mut h = open();
    h.keys("F").type_text("ankara").keys("Enter");
    let buf = h.buffer();
    let highlight = h.app().theme.highlight;
    let lit: String = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let cell = &buf[(x, y)];
            highlight.bg.is_some() && cell.bg == highlight.bg.unwrap_or_default()
                || highlight.add_modifier.intersects(cell.modifier)
                    && !highlight.add_modifier.is_empty()
        })
        .map(|(x, y)| buf[(x, y)].symbol().to_string())
        .collect();
    assert!(lit.contains("Ankara"), "highlighted: {lit:?}");
}

#[test]
fn several_words_are_found_as_a_phrase() {
    let mut h = Harness::texts(&[
        "Rus Barış Gücü geldi. Rus heyeti ve Barış görüşmesi.\n\nrus  barış yine.",
    ])
    .screen(100, 30)
    .start();
    h.keys("Enter F").type_text("rus baris").keys("Enter");
    // `Rus Barış` twice (the second with two spaces), never `Rus` or `Barış` alone.
    let text = h.app().corpus.docs[0].text().expect("reads");
    let found: Vec<&str> = h
        .app()
        .find
        .as_ref()
        .map(|f| f.ranges.iter().map(|&(s, e)| &text[s..e]).collect())
        .unwrap_or_default();
    assert_eq!(found, ["Rus Barış", "rus  barış"]);
}
