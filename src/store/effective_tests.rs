//! Tests of the effective spans: word boundaries, decisions, misfits, and the sweep against
//! the plain quadratic placement it replaced.

use super::*;
use crate::corpus::DocKey;
use crate::kind::Kind;
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
            kind: Label::Entity(Kind::Person),
            text: "Çavuşoğlu".into(),
            value: true,
        },
        Change::Accept {
            kind: Label::Entity(Kind::Person),
            text: "Lavrov".into(),
            value: true,
        },
    ]);
    let sugs = [
        sug(text, "Çavuşoğlu", Label::Entity(Kind::Person)),
        sug(text, "sözleri", Label::Entity(Kind::Place)),
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

/// A stored span of `source` over "Sergey Lavrov" in document `a`, and "Lavrov" accepted
/// as a place everywhere.
fn lavrov_state(source: Source) -> (DocKey, State) {
    let key = DocKey::from_hash("a");
    let span = Span {
        start: 0,
        end: 13,
        kind: Label::Entity(Kind::Person),
        text: "Sergey Lavrov".into(),
        source,
    };
    let state = state_with(&[
        Change::AddSpan {
            doc: key.clone(),
            span,
        },
        Change::Accept {
            kind: Label::Entity(Kind::Place),
            text: "Lavrov".into(),
            value: true,
        },
    ]);
    (key, state)
}

#[test]
fn user_span_labels_its_occurrence_only_and_wins_overlaps_there() {
    let (key, state) = lavrov_state(Source::User);
    let other = "Dün Sergey Lavrov konuştu.";
    let spans = effective_spans(other, &DocState::default(), &[], &state);
    let texts: Vec<_> = spans.iter().map(|s| &other[s.start..s.end]).collect();
    assert_eq!(texts, ["Lavrov"], "only the accepted name: {spans:?}");
    let own = effective_spans("Sergey Lavrov", state.doc(&key), &[], &state);
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].origin, Origin::User);
}

#[test]
fn accepted_suggestion_stored_in_one_document_is_found_in_another() {
    let (_, state) = lavrov_state(Source::Accepted);
    let other = "Dün Sergey Lavrov konuştu.";
    let spans = effective_spans(other, &DocState::default(), &[], &state);
    assert_eq!(spans.len(), 1, "{spans:?}");
    assert_eq!(&other[spans[0].start..spans[0].end], "Sergey Lavrov");
}

#[test]
fn a_removed_occurrence_hides_what_an_accepted_name_or_a_suggestion_put_there() {
    let text = "Lavrov geldi. Lavrov konuştu.";
    let key = DocKey::from_hash("a");
    let removed = Span {
        start: 0,
        end: 6,
        kind: Label::Entity(Kind::Person),
        text: "Lavrov".into(),
        source: Source::Removed,
    };
    let mut state = state_with(&[Change::Accept {
        kind: Label::Entity(Kind::Person),
        text: "Lavrov".into(),
        value: true,
    }]);
    let shown = |state: &State| {
        let sugs = [sug(text, "Lavrov", Label::Entity(Kind::Place))];
        let spans = effective_spans(text, state.doc(&key), &sugs, state);
        spans
            .iter()
            .map(|s| (s.start, s.origin))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        shown(&state),
        [(0, Origin::Accepted), (14, Origin::Accepted)]
    );
    state.apply(&Change::AddSpan {
        doc: key.clone(),
        span: removed,
    });
    assert_eq!(shown(&state), [(14, Origin::Accepted)]);
    let user = Span {
        start: 0,
        end: 6,
        kind: Label::Entity(Kind::Place),
        text: "Lavrov".into(),
        source: Source::User,
    };
    state.apply(&Change::AddSpan {
        doc: key.clone(),
        span: user,
    });
    assert_eq!(
        shown(&state),
        [(0, Origin::User), (14, Origin::Accepted)],
        "a span the user draws there again is shown"
    );
}

#[test]
fn stored_spans_that_do_not_fit_the_text_are_left_out() {
    let text = "قال لافروف";
    let key = DocKey::from_hash("a");
    let stored = |start, end, text: &str| Change::AddSpan {
        doc: key.clone(),
        span: Span {
            start,
            end,
            kind: Label::Entity(Kind::Person),
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
        kind: Label::Entity(Kind::Place),
    };
    let shown = effective_spans(text, doc, &[bad_suggestion], &state);
    assert_eq!(
        shown.len(),
        1,
        "a suggestion off the character boundaries is dropped"
    );
}

/// The placement before the sweep: every candidate compared with every kept span.
fn place_quadratic(
    mut kept: Vec<EffectiveSpan>,
    mut candidates: Vec<EffectiveSpan>,
) -> Vec<EffectiveSpan> {
    candidates.sort_by_key(|c| (c.origin, std::cmp::Reverse(c.end - c.start), c.start));
    for c in candidates {
        if !kept.iter().any(|k| k.start < c.end && c.start < k.end) {
            kept.push(c);
        }
    }
    kept.sort_by_key(|s| (s.start, s.end));
    kept
}

fn arb_span(empty_ok: bool) -> impl proptest::strategy::Strategy<Value = EffectiveSpan> {
    use proptest::prelude::*;
    let kind = prop::sample::select(vec![
        Label::Entity(Kind::Person),
        Label::Entity(Kind::Place),
        Label::Entity(Kind::Date),
    ]);
    let origin = prop::sample::select(vec![Origin::User, Origin::Accepted, Origin::Suggested]);
    let min = usize::from(!empty_ok);
    (0..40usize, min..8usize, kind, origin).prop_map(|(start, len, kind, origin)| EffectiveSpan {
        start,
        end: start + len,
        kind,
        origin,
    })
}

proptest::proptest! {
    #[test]
    fn sweep_places_exactly_what_the_quadratic_scan_placed(
        kept in proptest::collection::vec(arb_span(false), 0..12),
        candidates in proptest::collection::vec(arb_span(true), 0..40),
    ) {
        proptest::prop_assert_eq!(
            place(kept.clone(), candidates.clone()),
            place_quadratic(kept, candidates)
        );
    }

    #[test]
    fn effective_spans_match_the_quadratic_version(
        words in proptest::collection::vec(0..5usize, 1..30),
        stored in proptest::collection::vec((0..30usize, 1..3usize), 0..6),
        suggested in proptest::collection::vec((0..30usize, 1..3usize, 0..3usize), 0..12),
        decisions in proptest::collection::vec((0..5usize, proptest::bool::ANY), 0..4),
    ) {
        const WORDS: [&str; 5] = ["Lavrov", "Ankara", "وتركيا", "ve", "Sergey"];
        let text = words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" ");
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let range = |at: usize, len: usize| {
            let s = starts[at % starts.len()];
            (s, starts[(at % starts.len() + len).min(starts.len() - 1)])
        };
        let key = DocKey::from_hash("d");
        let mut changes = Vec::new();
        for &(at, len) in &stored {
            let (start, end) = range(at, len);
            changes.push(Change::AddSpan { doc: key.clone(), span: Span {
                start, end, kind: Label::Entity(Kind::Person), text: text[start..end].into(), source: Source::User,
            }});
        }
        for &(w, accept) in &decisions {
            let (kind, text) = (Label::Entity(Kind::Place), WORDS[w].to_string());
            changes.push(match accept {
                true => Change::Accept { kind, text, value: true },
                false => Change::Reject { kind, text, value: true },
            });
        }
        let state = state_with(&changes);
        let kinds = [Label::Entity(Kind::Person), Label::Entity(Kind::Place), Label::Entity(Kind::Date)];
        // The extractor never suggests an empty range.
        let suggestions: Vec<Suggestion> = suggested.iter().map(|&(at, len, k)| {
            let (start, end) = range(at, len);
            Suggestion { start, end, kind: kinds[k].clone() }
        }).filter(|s| s.start < s.end).collect();
        let doc = state.doc(&key);
        let got = effective_spans(&text, doc, &suggestions, &state);
        // The same inputs through the old placement.
        let (kept, candidates) = inputs_of_placement(&text, doc, &suggestions, &state);
        proptest::prop_assert_eq!(got, place_quadratic(kept, candidates));
    }
}

/// Rules 1 to 4 as the module documents them, written out independently of
/// `effective_spans`, to feed the quadratic placement.
fn inputs_of_placement(
    text: &str,
    doc: &DocState,
    suggestions: &[Suggestion],
    state: &State,
) -> (Vec<EffectiveSpan>, Vec<EffectiveSpan>) {
    let kept = doc
        .spans
        .iter()
        .filter(|s| fits(text, s))
        .map(|s| span(s.start, s.end, &s.kind, Origin::User))
        .collect();
    let accepted = accepted_names(state);
    let mut candidates = Vec::new();
    for name in &accepted {
        for (start, end) in find_name(text, &name.text) {
            candidates.push(span(start, end, &name.kind, Origin::Accepted));
        }
    }
    for s in suggestions {
        let surface = &text[s.start..s.end];
        let name = Name {
            kind: s.kind.clone(),
            text: surface.to_string(),
        };
        let origin = match state.decision(&s.kind, surface) {
            Some(Decision::Rejected) => continue,
            _ if accepted.contains(&name) => Origin::Accepted,
            _ => Origin::Suggested,
        };
        candidates.push(span(s.start, s.end, &s.kind, origin));
    }
    (kept, candidates)
}
