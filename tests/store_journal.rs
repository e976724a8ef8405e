//! The journal through the public store API: replay, damaged lines, compaction, the lock,
//! and undo/redo across restarts.

use std::io::Write;
use std::path::{Path, PathBuf};

use okur::corpus::DocKey;
use okur::kind::Kind;
use okur::store::{Applied, Change, Label, Relevance, Source, Span, Store, StoreError, Warning};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn key(s: &str) -> DocKey {
    DocKey::of_text(s)
}

fn journal() -> Result<(tempfile::TempDir, PathBuf), std::io::Error> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("nested/okur/journal.jsonl");
    Ok((dir, path))
}

fn sample_changes() -> Vec<Change> {
    let a = key("a");
    vec![
        Change::Read {
            doc: a.clone(),
            value: true,
        },
        Change::Star {
            doc: a.clone(),
            value: true,
        },
        Change::Relevance {
            doc: key("b"),
            value: Relevance::Irrelevant,
        },
        Change::Tag {
            doc: a.clone(),
            tag: "suriye".into(),
            value: true,
        },
        Change::Note {
            doc: a.clone(),
            value: "Lavrov, \"tırnak\"\nsatır".into(),
        },
        Change::AddSpan {
            doc: a.clone(),
            span: Span {
                start: 0,
                end: 6,
                kind: Label::Entity(Kind::Person),
                text: "Lavrov".into(),
                source: Source::User,
            },
        },
        Change::Accept {
            kind: Label::Entity(Kind::Place),
            text: "تركيا".into(),
            value: true,
        },
        Change::Reject {
            kind: Label::Entity(Kind::Person),
            text: "Bakan".into(),
            value: true,
        },
        Change::Archive {
            doc: key("b"),
            value: true,
        },
    ]
}

fn open_with(path: &Path, changes: &[Change]) -> Result<Store, StoreError> {
    let mut store = Store::open(path)?;
    for c in changes {
        store.apply(c.clone())?;
    }
    Ok(store)
}

#[test]
fn replay_round_trip() -> TestResult {
    let (_dir, path) = journal()?;
    let before = open_with(&path, &sample_changes())?.state().clone();
    let store = Store::open(&path)?;
    assert_eq!(store.state(), &before);
    assert!(store.warnings().is_empty() && !store.is_read_only());
    assert!(store.state().doc(&key("a")).star);
    assert_eq!(
        std::fs::read_to_string(&path)?.lines().count(),
        sample_changes().len()
    );
    Ok(())
}

#[test]
fn unchanged_changes_are_not_written() -> TestResult {
    let (_dir, path) = journal()?;
    let mut store = Store::open(&path)?;
    let star = Change::Star {
        doc: key("a"),
        value: true,
    };
    assert_eq!(store.apply(star.clone())?, Applied::Saved);
    assert_eq!(store.apply(star)?, Applied::Unchanged);
    assert_eq!(std::fs::read_to_string(&path)?.lines().count(), 1);
    Ok(())
}

#[test]
fn torn_last_line_is_reported_and_cut_away() -> TestResult {
    let (_dir, path) = journal()?;
    let before = open_with(&path, &sample_changes())?.state().clone();
    let half = r#"{"op":"star","doc":"00ff","val"#;
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)?
        .write_all(half.as_bytes())?;
    let mut store = Store::open(&path)?;
    assert_eq!(store.state(), &before);
    assert!(
        matches!(store.warnings(), [Warning::TornTail { line: 10, .. }]),
        "{:?}",
        store.warnings()
    );
    store.apply(Change::Star {
        doc: key("new"),
        value: true,
    })?;
    drop(store);
    let store = Store::open(&path)?;
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    assert!(store.state().doc(&key("new")).star);
    assert!(!std::fs::read_to_string(&path)?.contains("val\""));
    Ok(())
}

#[test]
fn corrupt_middle_line_is_reported_and_skipped() -> TestResult {
    let (_dir, path) = journal()?;
    drop(open_with(&path, &sample_changes()[..3])?);
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)?
        .write_all(b"{garbage\n")?;
    drop(open_with(&path, &sample_changes()[3..])?);
    let store = Store::open(&path)?;
    match store.warnings() {
        [w @ Warning::Corrupt { line: 4, .. }] => assert!(w.to_string().contains("line 4"), "{w}"),
        other => panic!("expected one corrupt line, got {other:?}"),
    }
    let clean = open_with(&journal()?.1, &sample_changes())?;
    assert_eq!(store.state(), clean.state());
    Ok(())
}

#[test]
fn compaction_keeps_state_and_shrinks_file() -> TestResult {
    let (_dir, path) = journal()?;
    let mut store = open_with(&path, &sample_changes())?;
    for i in 0..50 {
        store.apply(Change::Note {
            doc: key("c"),
            value: format!("taslak {i}"),
        })?;
        store.apply(Change::Star {
            doc: key("c"),
            value: i % 2 == 0,
        })?;
    }
    store.undo()?;
    let before = store.state().clone();
    let size = std::fs::metadata(&path)?.len();
    store.compact()?;
    assert!(std::fs::metadata(&path)?.len() < size);
    assert!(!std::fs::read_to_string(&path)?.contains("taslak 3\""));
    assert!(!path.with_extension("jsonl.tmp").exists());
    assert!(!store.can_undo(), "compaction starts a fresh history");
    store.apply(Change::Tag {
        doc: key("c"),
        tag: "after".into(),
        value: true,
    })?;
    let after = store.state().clone();
    drop(store);
    let reopened = Store::open(&path)?;
    assert_eq!(reopened.state(), &after);
    let mut expected = before;
    expected.apply(&Change::Tag {
        doc: key("c"),
        tag: "after".into(),
        value: true,
    });
    assert_eq!(reopened.state(), &expected);
    Ok(())
}

#[test]
fn second_opener_is_read_only_and_says_so() -> TestResult {
    let (_dir, path) = journal()?;
    let mut first = Store::open(&path)?;
    first.apply(Change::Star {
        doc: key("a"),
        value: true,
    })?;
    let mut second = Store::open(&path)?;
    assert!(second.is_read_only());
    let msg = second.read_only_message().expect("a read-only message");
    assert!(
        msg.contains("another okur holds the store") && msg.contains("read-only"),
        "{msg}"
    );
    assert!(
        second.state().doc(&key("a")).star,
        "read-only store still sees the state"
    );
    let err = second.apply(Change::Star {
        doc: key("b"),
        value: true,
    });
    assert!(matches!(err, Err(StoreError::ReadOnly { .. })), "{err:?}");
    assert!(second.compact().is_err());
    drop(first);
    let mut third = Store::open(&path)?;
    assert!(!third.is_read_only() && third.read_only_message().is_none());
    third.apply(Change::Star {
        doc: key("b"),
        value: true,
    })?;
    Ok(())
}

#[test]
fn explicit_read_only_open_creates_nothing() -> TestResult {
    let (dir, path) = journal()?;
    let store = Store::open_read_only(&path)?;
    assert!(store.is_read_only() && store.read_only_message().is_none());
    assert!(!dir.path().join("nested").exists());
    Ok(())
}

#[test]
fn undo_redo_many_levels_across_restarts() -> TestResult {
    let (_dir, path) = journal()?;
    let note = |i: usize| Change::Note {
        doc: key("a"),
        value: format!("v{i}"),
    };
    let mut store = open_with(&path, &(1..=20).map(note).collect::<Vec<_>>())?;
    for _ in 0..5 {
        store.undo()?;
    }
    assert_eq!(store.doc(&key("a")).note, "v15");
    drop(store);

    let mut store = Store::open(&path)?;
    assert_eq!(store.doc(&key("a")).note, "v15");
    assert_eq!(store.undo()?, Some(note(14)));
    assert_eq!(store.redo()?, Some(note(15)));
    store.redo()?;
    assert_eq!(store.doc(&key("a")).note, "v16");
    drop(store);

    let mut store = Store::open(&path)?;
    assert!(store.can_redo());
    store.apply(Change::Star {
        doc: key("a"),
        value: true,
    })?;
    assert!(!store.can_redo());
    assert_eq!(store.redo()?, None);
    drop(store);

    let mut store = Store::open(&path)?;
    assert!(
        !store.can_redo(),
        "a new change cleared redo, also after restart"
    );
    while store.undo()?.is_some() {}
    assert_eq!(store.state(), &okur::store::State::default());
    drop(store);
    assert_eq!(Store::open(&path)?.state(), &okur::store::State::default());
    Ok(())
}
