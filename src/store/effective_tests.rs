//! Tests of the effective spans: word boundaries, decisions, misfits.

use super::*;
use crate::corpus::DocKey;
use crate::store::model::Change;

fn state_with(changes: &[Change]) -> State {
    let mut s = State::default();
    changes.iter().for_each(|c| s.apply(c));
    s
}

fn sug(text: &str, name: &str, kind: Label) -> Suggestion {
    let start = text.find(name).expect("name in text");
    Suggestion {
        start,
        end: start + name.len(),
        kind,
        text: name.into(),
    }
}

#[test]
fn word_boundaries_allow_suffixes_and_proclitics() {
    let text = "Türkiye'ye ve Türkiyeli; وتركيا وبتركيا تركياتي";
    let hits: Vec<_> = find_name(text, "Türkiye").iter().map(|r| r.0).collect();
    assert_eq!(hits, [0]);
    assert_eq!(find_name(text, "تركيا").len(), 2);
}

#[test]
fn rejected_suggestions_vanish_and_accepted_names_spread() {
    let text = "Lavrov ve Çavuşoğlu. Lavrov'un sözleri.";
    let state = state_with(&[
        Change::Reject {
            kind: Label::Person,
            text: "Çavuşoğlu".into(),
            value: true,
        },
        Change::Accept {
            kind: Label::Person,
            text: "Lavrov".into(),
            value: true,
        },
    ]);
    let sugs = [
        sug(text, "Çavuşoğlu", Label::Person),
        sug(text, "sözleri", Label::Place),
    ];
    let spans = effective_spans(text, &DocState::default(), &sugs, &state);
    let got: Vec<_> = spans
        .iter()
        .map(|s| (&text[s.start..s.end], s.origin))
        .collect();
    assert_eq!(
        got,
        [
            ("Lavrov", Origin::Accepted),
            ("Lavrov", Origin::Accepted),
            ("sözleri", Origin::Suggested)
        ]
    );
}

#[test]
fn user_span_in_one_document_is_found_in_another_and_wins_overlaps() {
    let key = DocKey("a".into());
    let span = Span {
        start: 0,
        end: 13,
        kind: Label::Person,
        text: "Sergey Lavrov".into(),
        source: Source::User,
    };
    let state = state_with(&[
        Change::AddSpan {
            doc: key.clone(),
            span,
        },
        Change::Accept {
            kind: Label::Place,
            text: "Lavrov".into(),
            value: true,
        },
    ]);
    let other = "Dün Sergey Lavrov konuştu.";
    let spans = effective_spans(other, &DocState::default(), &[], &state);
    assert_eq!(spans.len(), 1, "{spans:?}");
    assert_eq!(&other[spans[0].start..spans[0].end], "Sergey Lavrov");
    let own = effective_spans("Sergey Lavrov", state.doc(&key), &[], &state);
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].origin, Origin::User);
}

#[test]
fn stored_spans_that_do_not_fit_the_text_are_left_out() {
    let text = "قال لافروف";
    let key = DocKey("a".into());
    let stored = |start, end, text: &str| Change::AddSpan {
        doc: key.clone(),
        span: Span {
            start,
            end,
            kind: Label::Person,
            text: text.into(),
            source: Source::User,
        },
    };
    let good = stored(7, 19, "لافروف");
    let state = state_with(&[
        good.clone(),
        stored(7, 999_999, "لافروف"),
        stored(8, 19, "افروف"),
        stored(0, 6, "xyz"),
        stored(5, 5, ""),
    ]);
    let doc = state.doc(&key);
    let shown = effective_spans(text, doc, &[], &state);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!((shown[0].start, shown[0].end), (7, 19));
    assert_eq!(misfits(text, doc).len(), 4);
    let bad_suggestion = Suggestion {
        start: 1,
        end: 3,
        kind: Label::Place,
        text: String::new(),
    };
    let shown = effective_spans(text, doc, &[bad_suggestion], &state);
    assert_eq!(
        shown.len(),
        1,
        "a suggestion off the character boundaries is dropped"
    );
}
