//! Batches: what is kept and how it inverts, one undo step in the history, and through the
//! store: one journal line, replay, undo and redo across a restart, compaction, errors.

use super::*;
use crate::corpus::DocKey;
use crate::store::{Applied, BatchError, History, Label, Store, StoreError};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A key of a text (`a`), or with `:` of a copy of it (`a:x`).
fn key(s: &str) -> DocKey {
    DocKey::from(s.to_string())
}

fn star(doc: &str, value: bool) -> Change {
    Change::Star {
        doc: key(doc),
        value,
    }
}

fn tag(doc: &str, tag: &str, value: bool) -> Change {
    Change::Tag {
        doc: key(doc),
        tag: tag.into(),
        value,
    }
}

fn batch(changes: Vec<Change>) -> Change {
    Change::Batch { changes }
}

fn state(changes: &[Change]) -> State {
    let mut s = State::default();
    changes.iter().for_each(|c| s.apply(c));
    s
}

#[test]
fn prepare_keeps_the_parts_that_change_something_and_inverts_last_first() {
    let s = state(&[star("b", true)]);
    let given = batch(vec![star("a", true), star("b", true), tag("a", "x", true)]);
    let (kept, inverse) = s.prepare(&given).expect("two parts change something");
    assert_eq!(kept, batch(vec![star("a", true), tag("a", "x", true)]));
    assert_eq!(inverse, batch(vec![tag("a", "x", false), star("a", false)]));
    assert_eq!(s.inverse(&given), Some(inverse.clone()));
    let mut after = s.clone();
    after.apply(&given);
    after.apply(&inverse);
    assert_eq!(after, s, "the inverse takes the whole batch back");
}

/// Any plain change on two documents, three tags, two spans and two names.
/// With `old`, triage on text keys too (as journals from before copies hold): such a change
/// applies to every copy, and its inverse cannot give back what copies had of their own, so
/// the UI never makes one.
fn arb_change(old: bool) -> impl proptest::strategy::Strategy<Value = Change> {
    use crate::store::{Relevance, Source, Span};
    use proptest::prelude::*;
    let any_doc = prop::sample::select(vec!["a", "b", "a:x", "a:y", "b:x"]).prop_map(key);
    let doc = match old {
        true => any_doc.clone(),
        false => prop::sample::select(vec!["a:x", "a:y", "b:x"]).prop_map(key),
    };
    let word = prop::sample::select(vec!["Lavrov", "Suriye", "تركيا"]);
    let span = (0..2usize).prop_map(|s| Span {
        start: s,
        end: s + 1,
        kind: Label::Entity(crate::kind::Kind::Place),
        text: "x".into(),
        source: Source::User,
    });
    let relevance = prop::sample::select(vec![Relevance::None, Relevance::Relevant]);
    prop_oneof![
        (doc.clone(), any::<bool>()).prop_map(|(doc, value)| Change::Star { doc, value }),
        (doc.clone(), any::<bool>()).prop_map(|(doc, value)| Change::Read { doc, value }),
        (doc.clone(), any::<bool>()).prop_map(|(doc, value)| Change::Archive { doc, value }),
        (doc.clone(), relevance).prop_map(|(doc, value)| Change::Relevance { doc, value }),
        (doc.clone(), word.clone(), any::<bool>()).prop_map(|(doc, t, value)| Change::Tag {
            doc,
            tag: t.into(),
            value
        }),
        (doc.clone(), word.clone()).prop_map(|(doc, t)| Change::Note {
            doc,
            value: t.into()
        }),
        (any_doc.clone(), span.clone()).prop_map(|(doc, span)| Change::AddSpan { doc, span }),
        (any_doc, span).prop_map(|(doc, span)| Change::RemoveSpan { doc, span }),
        (word.clone(), any::<bool>()).prop_map(|(t, value)| Change::Accept {
            kind: Label::Entity(crate::kind::Kind::Person),
            text: t.into(),
            value
        }),
        (word, any::<bool>()).prop_map(|(t, value)| Change::Reject {
            kind: Label::Entity(crate::kind::Kind::Person),
            text: t.into(),
            value
        }),
    ]
}

proptest::proptest! {
    /// `prepare` works a batch out on a copy of the fields it touches; doing it part by part
    /// on a copy of the whole state must give the same batch, inverse and verdict.
    #[test]
    fn prepare_agrees_with_applying_the_parts_one_by_one(
        setup in proptest::collection::vec(arb_change(true), 0..20),
        parts in proptest::collection::vec(arb_change(false), 0..6),
    ) {
        let s = state(&setup);
        let mut full = s.clone();
        let (mut kept, mut inverses) = (Vec::new(), Vec::new());
        for part in &parts {
            if let Some(inverse) = full.inverse(part) {
                full.apply(part);
                kept.push(part.clone());
                inverses.push(inverse);
            }
        }
        inverses.reverse();
        let expected = (full != s).then(|| (batch(kept), batch(inverses)));
        let prepared = s.prepare(&batch(parts));
        proptest::prop_assert_eq!(&prepared, &expected);
        if let Some((_, inverse)) = prepared {
            full.apply(&inverse);
            proptest::prop_assert_eq!(full, s);
        }
    }
}

#[test]
fn empty_idle_and_cancelling_batches_change_nothing() {
    let s = state(&[star("a", true)]);
    for idle in [
        batch(Vec::new()),
        batch(vec![star("a", true), tag("b", "x", false)]),
        batch(vec![star("a", false), star("a", true)]),
        batch(vec![tag("b", "x", true), tag("b", "x", false)]),
    ] {
        assert_eq!(s.prepare(&idle), None, "{idle:?}");
        assert!(!History::default().is_effective(&batch(Vec::new())));
    }
}

#[test]
fn parts_apply_in_order_each_on_what_the_ones_before_left() {
    let name = |accept: bool| {
        let (kind, text) = (
            Label::Entity(crate::kind::Kind::Person),
            "Lavrov".to_string(),
        );
        match accept {
            true => Change::Accept {
                kind,
                text,
                value: true,
            },
            false => Change::Reject {
                kind,
                text,
                value: true,
            },
        }
    };
    let mut h = History::default();
    h.commit(&batch(vec![name(true), name(false), tag("a", "x", true)]));
    let decided = h
        .state()
        .decision(&Label::Entity(crate::kind::Kind::Person), "Lavrov");
    assert_eq!(decided, Some(crate::store::Decision::Rejected), "last wins");
    let undone = h.commit(&Change::Undo).expect("one step to undo");
    let Change::Batch { changes } = &undone else {
        panic!("undo gives the batch's inverse: {undone:?}");
    };
    assert_eq!(changes.len(), 3);
    assert_eq!(h.state(), &State::default(), "all parts undone at once");
    assert!(!h.can_undo() && h.can_redo());
    h.commit(&Change::Redo);
    assert_eq!(
        h.state()
            .decision(&Label::Entity(crate::kind::Kind::Person), "Lavrov"),
        decided,
        "redo replays the parts in order"
    );
    assert!(h.state().doc(&key("a")).tags.contains("x"));
}

#[test]
fn check_batch_names_the_part_that_is_not_a_plain_change() {
    let cases = [
        (
            batch(vec![star("a", true), batch(Vec::new())]),
            BatchError::Nested { part: 2 },
        ),
        (
            batch(vec![Change::Undo]),
            BatchError::Marker {
                part: 1,
                op: "undo",
            },
        ),
        (
            batch(vec![star("a", true), star("b", true), Change::Checkpoint]),
            BatchError::Marker {
                part: 3,
                op: "checkpoint",
            },
        ),
        (
            batch(vec![Change::Seen { doc: key("a") }]),
            BatchError::Seen { part: 1 },
        ),
    ];
    for (change, expected) in cases {
        assert_eq!(change.check_batch(), Err(expected.clone()));
        assert!(expected.to_string().starts_with("part "), "{expected}");
    }
    assert_eq!(batch(vec![star("a", true)]).check_batch(), Ok(()));
    assert_eq!(Change::Redo.check_batch(), Ok(()), "not a batch");
}

fn journal() -> Result<(tempfile::TempDir, std::path::PathBuf), std::io::Error> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    Ok((dir, path))
}

fn lines(path: &std::path::Path) -> Result<Vec<String>, std::io::Error> {
    Ok(std::fs::read_to_string(path)?
        .lines()
        .map(str::to_string)
        .collect())
}

#[test]
fn store_writes_a_batch_as_one_line_of_its_effective_parts() -> TestResult {
    let (_dir, path) = journal()?;
    let mut store = Store::open(&path)?;
    store.apply(star("b", true))?;
    let all = vec![star("a", true), star("b", true), star("c", true)];
    assert_eq!(store.apply_all(all)?, Applied::Saved);
    assert_eq!(
        lines(&path)?[1],
        r#"{"op":"batch","changes":[{"op":"star","doc":"a","value":true},{"op":"star","doc":"c","value":true}]}"#
    );
    for idle in [Vec::new(), vec![star("a", true), star("c", true)]] {
        assert_eq!(store.apply_all(idle)?, Applied::Unchanged);
    }
    assert_eq!(
        lines(&path)?.len(),
        2,
        "nothing written for unchanged batches"
    );
    Ok(())
}

#[test]
fn store_undoes_and_redoes_a_batch_as_one_step_across_restarts() -> TestResult {
    let (_dir, path) = journal()?;
    let mut store = Store::open(&path)?;
    store.apply(tag("a", "eski", true))?;
    store.apply_all(vec![star("a", true), star("b", true), tag("b", "x", true)])?;
    let after = store.state().clone();
    drop(store);

    let mut store = Store::open(&path)?;
    assert_eq!(store.state(), &after, "replay applies every part");
    let undone = store.undo()?;
    assert_eq!(
        undone,
        Some(batch(vec![
            tag("b", "x", false),
            star("b", false),
            star("a", false)
        ]))
    );
    assert_eq!(store.state(), &state(&[tag("a", "eski", true)]));
    drop(store);

    let mut store = Store::open(&path)?;
    assert_eq!(store.state(), &state(&[tag("a", "eski", true)]));
    assert_eq!(
        store.redo()?,
        Some(batch(vec![
            star("a", true),
            star("b", true),
            tag("b", "x", true)
        ]))
    );
    assert_eq!(store.state(), &after);
    drop(store);
    assert_eq!(Store::open(&path)?.state(), &after);
    Ok(())
}

#[test]
fn store_refuses_bad_batches_and_writes_nothing() -> TestResult {
    let (_dir, path) = journal()?;
    let mut store = Store::open(&path)?;
    for bad in [
        vec![star("a", true), batch(vec![star("b", true)])],
        vec![star("a", true), Change::Redo],
        vec![Change::Seen { doc: key("a") }],
    ] {
        let err = store.apply_all(bad);
        assert!(matches!(err, Err(StoreError::Batch(_))), "{err:?}");
        let message = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.starts_with("cannot save: part "), "{message}");
    }
    assert_eq!(store.state(), &State::default());
    assert!(!store.can_undo());
    assert_eq!(std::fs::metadata(&path)?.len(), 0);
    Ok(())
}

#[test]
fn compaction_keeps_a_batch_on_the_undo_and_redo_stacks() -> TestResult {
    let (_dir, path) = journal()?;
    let mut store = Store::open(&path)?;
    store.apply_all(vec![star("a", true), star("b", true)])?;
    store.apply(Change::Read {
        doc: key("c"),
        value: true,
    })?;
    store.apply_all(vec![
        Change::Read {
            doc: key("c"),
            value: false,
        },
        tag("c", "x", true),
    ])?;
    store.undo()?;
    for i in 0..600 {
        store.apply(Change::Note {
            doc: key("d"),
            value: format!("taslak {i}"),
        })?;
        store.undo()?;
    }
    store.apply_all(vec![tag("a", "y", true), tag("b", "y", true)])?;
    store.undo()?;
    let before = store.state().clone();
    drop(store);

    let mut store = Store::open(&path)?;
    let kept = lines(&path)?;
    assert!(kept.len() < 20, "compacted to {} lines", kept.len());
    assert_eq!(kept.iter().filter(|l| l.contains("\"batch\"")).count(), 2);
    assert_eq!(store.state(), &before);
    store.redo()?;
    assert!(store.doc(&key("a")).tags.contains("y") && store.doc(&key("b")).tags.contains("y"));
    store.undo()?;
    assert!(store.doc(&key("c")).read, "the read step is next");
    store.undo()?;
    assert!(!store.doc(&key("c")).read);
    store.undo()?;
    assert_eq!(store.state(), &State::default(), "the first batch at once");
    assert!(!store.can_undo());
    Ok(())
}
