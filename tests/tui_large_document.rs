//! A long document in the reading pane: moving by word, sentence and mention lays out only
//! what it needs, and lands where a scan of the whole text says it should.
#![cfg(feature = "tui")]

mod common;

use common::tui::{Harness, one_person};
use okur::corpus::{Corpus, Document};
use okur::layout::PaneRow;
use okur::tui::Action;
use okur::tui::app::{App, Focus};
use okur::tui::caret::{
    next_sentence_start, next_word_start, prev_sentence_start, prev_word_start, sentence_starts,
};
use unicode_segmentation::UnicodeSegmentation;

const PARAGRAPH: &str = "Bakan Lavrov Ankara'da konuştu. Görüşme uzun sürdü!\n\n";

/// 3,000 paragraphs, each mentioning Lavrov once; the reader open on it (through the pure
/// `update`).
fn long_app() -> Harness {
    let text = PARAGRAPH.repeat(3000);
    let ranges: Vec<(usize, usize)> = text
        .match_indices("Lavrov")
        .map(|(start, m)| (start, start + m.len()))
        .collect();
    let facts = one_person("Lavrov", &ranges);
    let corpus = Corpus {
        docs: vec![Document::from_text("long.txt", text)],
    };
    let mut h = Harness::over(corpus).facts(facts).no_search().start();
    h.update(&[Action::Open]);
    h.app_mut().focus = Focus::Reader;
    h
}

fn laid_out_everything(app: &App) -> bool {
    app.reader.layout.is_complete(&app.corpus.docs[0])
}

#[test]
fn word_and_sentence_moves_lay_out_only_what_they_need() {
    let mut h = long_app();
    h.update(&[Action::WordNext, Action::WordNext]);
    let text = h.app().corpus.docs[0].text().expect("reads").into_owned();
    assert!(text[h.app().reader.caret..].starts_with("Ankara"));
    h.update(&[Action::SentenceNext]);
    assert!(text[h.app().reader.caret..].starts_with("Görüşme"));
    h.update(&[Action::SentencePrev, Action::WordPrev]);
    assert_eq!(h.app().reader.caret, 0);
    assert!(
        !laid_out_everything(h.app()),
        "{} rows",
        h.app().reader.layout.row_count()
    );
}

#[test]
fn next_mention_lays_out_only_up_to_it_and_wraps_at_the_end() {
    let mut h = long_app();
    h.app_mut().panel.select(Some(0));
    h.update(&[Action::NextMatch, Action::NextMatch]);
    assert!(
        !laid_out_everything(h.app()),
        "{} rows",
        h.app().reader.layout.row_count()
    );
    let row = |app: &App| match app.reader.layout.row(app.reader.cursor.selected) {
        Some(PaneRow::Text(line)) => line.logical.clone(),
        _ => String::new(),
    };
    assert!(
        row(h.app()).contains("Lavrov"),
        "on a mention: {}",
        row(h.app())
    );
    // The first `n` went to the mention on the first row, after the caret: the second is
    // the next paragraph's, and `N` goes back to the first.
    let second = h.app().reader.cursor.selected;
    h.update(&[Action::PrevMatch]);
    assert!(h.app().reader.cursor.selected < second);
    assert!(row(h.app()).contains("Lavrov"));
    assert_eq!(h.app().reader.cursor.selected, 0, "the first mention");
    assert!(!laid_out_everything(h.app()));
    // Back from the first mention wraps to the last: that one needs the whole layout.
    h.update(&[Action::PrevMatch]);
    assert!(laid_out_everything(h.app()));
    assert!(row(h.app()).contains("Lavrov"));
    h.update(&[Action::NextMatch]);
    assert_eq!(
        h.app().reader.cursor.selected,
        0,
        "and forward from the last to the first"
    );
}

/// Turkish, Arabic, digits, punctuation and line breaks, long enough for the backward
/// window to grow: the scans that start at the caret agree with a scan of the whole text,
/// for every caret position.
#[test]
fn local_scans_agree_with_whole_text_scans() {
    let sample = "  Dışişleri Bakanı Lavrov, \"Türkiye'ye\" gitti. 3.5 milyon!\n\
                قال لافروف: «سنراقب مع تركيا»؟ نعم.\n\n- madde bir\n- madde iki...  Son ";
    let text = &format!("{}{}", sample.repeat(12), "x".repeat(1500));
    let words: Vec<usize> = text
        .split_word_bound_indices()
        .filter(|(_, w)| w.chars().next().is_some_and(char::is_alphanumeric))
        .map(|(i, _)| i)
        .collect();
    let sentences = sentence_starts(text);
    for caret in (0..=text.len()).filter(|&c| text.is_char_boundary(c)) {
        let next = |starts: &[usize]| starts.iter().copied().find(|&i| i > caret);
        let prev = |starts: &[usize]| starts.iter().copied().take_while(|&i| i < caret).last();
        assert_eq!(next_word_start(text, caret), next(&words), "w at {caret}");
        assert_eq!(prev_word_start(text, caret), prev(&words), "b at {caret}");
        assert_eq!(
            next_sentence_start(text, caret),
            next(&sentences),
            ") at {caret}"
        );
        assert_eq!(
            prev_sentence_start(text, caret),
            prev(&sentences),
            "( at {caret}"
        );
    }
}

/// The text of the cursor's row.
fn cursor_row(app: &App) -> Option<String> {
    match app.reader.layout.row(app.reader.cursor.selected)? {
        PaneRow::Text(line) => Some(line.logical.clone()),
        PaneRow::Blank => Some(String::new()),
    }
}

#[test]
fn the_end_shows_before_the_rest_is_wrapped_and_stays_when_it_is() {
    let mut h = long_app();
    let options = h.app().reader.layout.options();
    // As a huge document is read: the end estimated when over 1 KB is left to wrap.
    h.app_mut().reader.layout = okur::layout::DocLayout::new(options).estimating_above(1000);
    h.update(&[Action::Bottom]);
    assert!(!laid_out_everything(h.app()), "G wrapped only the end");
    let last = cursor_row(h.app());
    assert!(
        last.as_deref()
            .is_some_and(|l| l.ends_with("Görüşme uzun sürdü!")),
        "{last:?}"
    );
    let from_end = |app: &App| app.reader.layout.row_count() - app.reader.cursor.selected;
    let before = from_end(h.app());
    // The frames after it wrap the rest; the cursor stays on the row it was on.
    h.prepare();
    assert!(laid_out_everything(h.app()));
    assert_eq!(cursor_row(h.app()), last);
    assert_eq!(from_end(h.app()), before);
    let mut whole = okur::layout::DocLayout::new(options);
    whole.ensure_all(&h.app().corpus.docs[0]);
    assert_eq!(h.app().reader.layout.row_count(), whole.row_count());
    // Up a page and back: the rows are the whole index's.
    h.update(&[Action::PageUp, Action::PageDown]);
    assert_eq!(cursor_row(h.app()), last);
}
