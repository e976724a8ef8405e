//! Copies of one text: triage per copy, spans per text, old keys for every copy, moved files.

use super::*;
use crate::store::{Change, Label, Source};

fn text() -> DocKey {
    DocKey::from_hash("t")
}

fn copy(path: &str) -> DocKey {
    text().with_copy(path)
}

fn star(doc: DocKey, value: bool) -> Change {
    Change::Star { doc, value }
}

fn state(changes: &[Change]) -> State {
    let mut s = State::default();
    changes.iter().for_each(|c| s.apply(c));
    s
}

fn span() -> Span {
    Span {
        start: 0,
        end: 1,
        kind: Label::Custom("x".into()),
        text: "x".into(),
        source: Source::User,
    }
}

#[test]
fn starring_one_copy_stars_that_copy_only() {
    let s = state(&[star(copy("/a"), true)]);
    assert!(s.doc(&copy("/a")).star);
    assert!(!s.doc(&copy("/b")).star && !s.doc(&text()).star);
}

#[test]
fn spans_belong_to_the_text_whichever_copy_drew_them() {
    let s = state(&[
        star(copy("/a"), true),
        Change::AddSpan {
            doc: copy("/b"),
            span: span(),
        },
    ]);
    for key in [copy("/a"), copy("/b"), copy("/c"), text()] {
        assert!(s.doc(&key).spans.contains(&span()), "{key}");
    }
    let s2 = {
        let mut s2 = s.clone();
        s2.apply(&Change::RemoveSpan {
            doc: copy("/a"),
            span: span(),
        });
        s2
    };
    assert!(s2.doc(&copy("/a")).spans.is_empty() && s2.doc(&copy("/b")).spans.is_empty());
}

#[test]
fn an_old_key_applies_to_every_copy() {
    let s = state(&[star(copy("/a"), false), star(text(), true)]);
    assert!(s.doc(&copy("/a")).star && s.doc(&copy("/b")).star);
    // A copy's own change afterwards is its own.
    let s = state(&[star(text(), true), star(copy("/a"), false)]);
    assert!(!s.doc(&copy("/a")).star && s.doc(&copy("/b")).star);
}

#[test]
fn a_copy_back_to_the_text_state_is_dropped() {
    let s = state(&[star(copy("/a"), true), star(copy("/a"), false)]);
    assert_eq!(s, State::default());
    let snap = state(&[
        star(text(), true),
        Change::Tag {
            doc: copy("/a"),
            tag: "x".into(),
            value: true,
        },
        star(copy("/a"), false),
        star(copy("/b"), false),
    ]);
    assert_eq!(state(&snap.snapshot()), snap, "{:?}", snap.snapshot());
}

fn doc(path: &str, text: &str) -> Document {
    Document::from_text(path, text.to_string())
}

#[test]
fn a_moved_file_takes_its_old_key() {
    let old = doc("/old/a.txt", "");
    let s = state(&[star(old.key.clone(), true)]);
    let mut docs = vec![doc("/new/a.txt", ""), doc("/new/other.txt", "text")];
    assert_eq!(adopt_moved(&s, &mut docs), 1);
    assert_eq!(docs[0].key, old.key);
    assert!(s.doc(&docs[0].key).star);
}

#[test]
fn a_copy_still_there_or_an_ambiguous_move_adopts_nothing() {
    let (a, b) = (doc("/a.txt", ""), doc("/b.txt", ""));
    let s = state(&[star(a.key.clone(), true)]);
    // The starred file is still there: the new copy starts unstarred.
    let mut docs = vec![a.clone(), doc("/c.txt", "")];
    assert_eq!(adopt_moved(&s, &mut docs), 0);
    assert!(!s.doc(&docs[1].key).star);
    // Two new copies for one old path: which one moved cannot be told.
    let mut docs = vec![doc("/c.txt", ""), doc("/d.txt", "")];
    assert_eq!(adopt_moved(&s, &mut docs), 0);
    // Two old paths gone, one new copy: the same.
    let s = state(&[star(a.key.clone(), true), star(b.key.clone(), true)]);
    let mut docs = vec![doc("/c.txt", "")];
    assert_eq!(adopt_moved(&s, &mut docs), 0);
}
