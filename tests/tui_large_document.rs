//! A long document in the reading pane: moving by word, sentence and mention lays out only
//! what it needs, and lands where a scan of the whole text says it should.
#![cfg(feature = "tui")]

use okur::corpus::{Corpus, Document};
use okur::layout::{LayoutOptions, PaneRow};
use okur::tui::app::{App, EntityRow, Facts, Focus, MentionRef};
use okur::tui::caret::{
    next_sentence_start, next_word_start, prev_sentence_start, prev_word_start, sentence_starts,
};
use okur::tui::theme::Theme;
use okur::tui::{Action, prepare, update, view};
use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

const SCREEN: Rect = Rect::new(0, 0, 120, 30);
const PARAGRAPH: &str = "Bakan Lavrov Ankara'da konuştu. Görüşme uzun sürdü!\n\n";

/// 3,000 paragraphs, each mentioning Lavrov once; the reader open on it.
fn long_app() -> App {
    let text = PARAGRAPH.repeat(3000);
    let mentions = text
        .match_indices("Lavrov")
        .map(|(start, m)| MentionRef {
            start,
            end: start + m.len(),
            entity: 0,
        })
        .collect();
    let facts = Facts {
        entities: vec![EntityRow {
            kind: "person",
            name: "Lavrov".into(),
            value: None,
            docs: 1,
            mentions: 3000,
        }],
        mentions: vec![mentions],
    };
    let corpus = Corpus {
        docs: vec![Document::from_text("long.txt", text)],
    };
    let mut app = App::new(corpus, facts, Theme::monochrome(), LayoutOptions::new(80));
    press(&mut app, &[Action::Open]);
    app.focus = Focus::Reader;
    app
}

fn press(app: &mut App, actions: &[Action]) {
    for &a in actions {
        let panes = view::panes(SCREEN, app);
        prepare(app, &panes);
        update(app, a, &panes);
    }
}

fn laid_out_everything(app: &App) -> bool {
    app.reader.layout.is_complete(&app.corpus.docs[0])
}

#[test]
fn word_and_sentence_moves_lay_out_only_what_they_need() {
    let mut app = long_app();
    press(&mut app, &[Action::WordNext, Action::WordNext]);
    let text = app.corpus.docs[0].text.clone();
    assert!(text[app.reader.caret..].starts_with("Ankara"));
    press(&mut app, &[Action::SentenceNext]);
    assert!(text[app.reader.caret..].starts_with("Görüşme"));
    press(&mut app, &[Action::SentencePrev, Action::WordPrev]);
    assert_eq!(app.reader.caret, 0);
    assert!(
        !laid_out_everything(&app),
        "{} rows",
        app.reader.layout.row_count()
    );
}

#[test]
fn next_mention_lays_out_only_up_to_it_and_wraps_at_the_end() {
    let mut app = long_app();
    app.selected_entity = Some(0);
    press(&mut app, &[Action::NextMatch, Action::NextMatch]);
    assert!(
        !laid_out_everything(&app),
        "{} rows",
        app.reader.layout.row_count()
    );
    let row = |app: &App| match app.reader.layout.row(app.reader.cursor.selected) {
        Some(PaneRow::Text(line)) => line.logical.clone(),
        _ => String::new(),
    };
    assert!(row(&app).contains("Lavrov"), "on a mention: {}", row(&app));
    // The first `n` went to the mention on the first row, after the caret: the second is
    // the next paragraph's, and `N` goes back to the first.
    let second = app.reader.cursor.selected;
    press(&mut app, &[Action::PrevMatch]);
    assert!(app.reader.cursor.selected < second);
    assert!(row(&app).contains("Lavrov"));
    assert_eq!(app.reader.cursor.selected, 0, "the first mention");
    assert!(!laid_out_everything(&app));
    // Back from the first mention wraps to the last: that one needs the whole layout.
    press(&mut app, &[Action::PrevMatch]);
    assert!(laid_out_everything(&app));
    assert!(row(&app).contains("Lavrov"));
    press(&mut app, &[Action::NextMatch]);
    assert_eq!(
        app.reader.cursor.selected, 0,
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
