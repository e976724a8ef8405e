//! Tests of [`super`]: the blocks of a document give the spans the whole document gives.

use std::collections::BTreeSet;

use super::*;
use crate::kind::Kind;
use crate::store::{Change, Source, Span};

const LINE: &str = "Sergey Lavrov Ankara'da Lavrov'la görüştü.\n";

/// `LINE` over and over: each line's mentions (`Sergey Lavrov`, `Ankara`, `Lavrov`), and
/// a place inside the first name every seventh line, which overlaps it.
fn mentions(text: &str) -> Vec<MentionRef> {
    let mut out = Vec::new();
    for (i, (at, _)) in text.match_indices(LINE).enumerate() {
        for (name, entity) in [("Sergey Lavrov", 0), ("Ankara", 1), ("Lavrov'la", 0)] {
            let start = at + LINE.find(name).unwrap_or(0);
            let end = start + name.len();
            out.extend(MentionRef::new(start, end, entity));
            if i % 7 == 0 && entity == 0 && end - start == 13 {
                out.extend(MentionRef::new(start + 7, end, 1));
            }
        }
    }
    out
}

fn kind(m: &MentionRef) -> Option<Label> {
    let kinds = [Kind::Person, Kind::Place];
    kinds.get(m.entity()).map(|k| Label::from(*k))
}

fn span(text: &str, start: usize, end: usize, kind: Kind, source: Source) -> Span {
    Span {
        start,
        end,
        kind: Label::from(kind),
        text: text[start..end].to_string(),
        source,
    }
}

fn as_spans(set: &SpanSet) -> Vec<EffectiveSpan> {
    set.iter().map(|s| s.to_span()).collect()
}

/// What the whole document gives at once, as the reader worked it out before.
fn whole(text: &str, stored: &DocState, state: &State, ms: &[MentionRef]) -> SpanSet {
    let suggestions = suggestions(ms.iter().copied(), 0, &kind);
    SpanSet::new(crate::store::effective_spans(
        text,
        stored,
        &suggestions,
        state,
    ))
}

/// Three blocks of `LINE`s, their mentions, an accepted and a rejected name, a span
/// the user drew across the line break where the first block would end and a label
/// removed where a suggestion was (the two stored spans' starts).
struct Fixture {
    text: String,
    ms: Vec<MentionRef>,
    state: State,
    stored: DocState,
    across: usize,
    removed: usize,
}

fn fixture() -> Fixture {
    let text = LINE.repeat(3 * BLOCK_BYTES / LINE.len());
    let ms = mentions(&text);
    let mut state = State::default();
    let person = Label::from(Kind::Person);
    for change in [
        Change::Accept {
            kind: person.clone(),
            text: "Lavrov".into(),
            value: true,
        },
        Change::Reject {
            kind: Label::from(Kind::Place),
            text: "Lavrov".into(),
            value: true,
        },
    ] {
        state.apply(&change);
    }
    let near = BLOCK_BYTES + LINE.len();
    let across = text[..near].rfind('\n').unwrap_or(0) - 6;
    let removed = text[2 * BLOCK_BYTES..].find("Ankara").unwrap_or(0) + 2 * BLOCK_BYTES;
    let stored = DocState {
        spans: BTreeSet::from([
            span(&text, across, across + 20, Kind::Place, Source::User),
            span(&text, removed, removed + 6, Kind::Place, Source::Removed),
        ]),
        ..DocState::default()
    };
    Fixture {
        text,
        ms,
        state,
        stored,
        across,
        removed,
    }
}

#[test]
fn blocks_give_the_spans_of_the_whole_document() {
    let f = fixture();
    let (text, ms, state, stored) = (&f.text, &f.ms, &f.state, &f.stored);
    let (across, removed) = (f.across, f.removed);
    let got = shown_spans(text, stored, state, ms.iter().copied(), kind);
    let want = whole(text, stored, state, ms);
    assert!(want.len() > ms.len() / 2, "{} spans", want.len());
    assert!(want.iter().any(|s| s.start == across));
    assert!(!want.iter().any(|s| s.start == removed));
    assert_eq!(as_spans(&got), as_spans(&want));
    // Out of order, or with a name holding a line break, the document is one block.
    let mut shuffled = ms.clone();
    shuffled.swap(0, 5);
    let got = shown_spans(text, stored, state, shuffled.iter().copied(), kind);
    assert_eq!(
        as_spans(&got),
        as_spans(&whole(text, stored, state, &shuffled))
    );
}

#[test]
fn a_window_holds_the_spans_of_its_blocks_as_the_whole_document_gives_them() {
    let f = fixture();
    let (text, ms, state, stored) = (&f.text, &f.ms, &f.state, &f.stored);
    let across = f.across;
    let all = as_spans(&whole(text, stored, state, ms));
    let len = text.len();
    for wanted in [
        0..0,
        across..across,
        across..across + 1,
        2 * BLOCK_BYTES..len,
        len..len,
    ] {
        let got = shown_spans_in(
            text,
            stored,
            state,
            ms.iter().copied(),
            kind,
            wanted.clone(),
        );
        let covered = (0..=len).filter(|&at| got.covers(at, at));
        let (from, to) = (
            covered.clone().min().unwrap_or(len),
            covered.max().unwrap_or(0),
        );
        assert!(
            from <= wanted.start && wanted.end <= to,
            "{wanted:?} in {from}..{to}"
        );
        assert!(
            to - from < 2 * BLOCK_BYTES + LINE.len(),
            "{wanted:?}: {from}..{to}"
        );
        let inside: Vec<EffectiveSpan> = all
            .iter()
            .filter(|s| from <= s.start && s.start < to)
            .cloned()
            .collect();
        assert!(!inside.is_empty());
        assert_eq!(as_spans(&got), inside, "{wanted:?}");
        // No span of the whole document lies across the window's ends.
        assert!(all.iter().all(|s| s.end <= from || s.start >= from));
        assert!(all.iter().all(|s| s.end <= to || s.start >= to));
    }
    // A line of megabytes: cut at its spaces, as no accepted name holds one.
    let line = text.replace('\n', " ");
    let got = shown_spans_in(
        &line,
        stored,
        state,
        ms.iter().copied(),
        kind,
        len / 2..len / 2,
    );
    let want = whole(&line, stored, state, ms);
    let covered: Vec<usize> = (0..=len).filter(|&at| got.covers(at, at)).collect();
    let (from, to) = (covered[0], covered[covered.len() - 1]);
    assert!(
        to - from < 2 * BLOCK_BYTES,
        "{from}..{to} of a line of {len}"
    );
    let inside = as_spans(&want)
        .into_iter()
        .filter(|s| from <= s.start && s.start < to);
    assert_eq!(as_spans(&got), inside.collect::<Vec<_>>());
    // An accepted name with a space may be found across one: the line is one block.
    let mut spaced = state.clone();
    spaced.apply(&Change::Accept {
        kind: Label::from(Kind::Person),
        text: "Sergey Lavrov".into(),
        value: true,
    });
    let got = shown_spans_in(
        &line,
        stored,
        &spaced,
        ms.iter().copied(),
        kind,
        len / 2..len / 2,
    );
    assert!(got.covers(0, len));
    assert_eq!(as_spans(&got), as_spans(&whole(&line, stored, &spaced, ms)));
    // Everything wanted: the whole document, which covers every byte.
    let every = shown_spans_in(text, stored, state, ms.iter().copied(), kind, 0..len);
    assert!(every.covers(0, len));
    assert_eq!(as_spans(&every), all);
}

#[test]
fn empty_and_short_texts_are_one_block() {
    let state = State::default();
    let none = shown_spans("", &DocState::default(), &state, [].into_iter(), kind);
    assert!(none.is_empty());
    let text = LINE.repeat(3);
    let ms = mentions(&text);
    let got = shown_spans(
        &text,
        &DocState::default(),
        &state,
        ms.iter().copied(),
        kind,
    );
    let want = whole(&text, &DocState::default(), &state, &ms);
    assert_eq!(as_spans(&got), as_spans(&want));
    assert_eq!(got.len(), 9);
}
