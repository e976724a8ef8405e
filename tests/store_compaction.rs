//! Compaction at open: a writable journal much longer than its history needs is rewritten
//! when the store opens, keeping the state and every undo and redo level; short journals,
//! damaged ones and read-only openers are left alone.

use std::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};

use okur::corpus::DocKey;
use okur::store::{COMPACT_MIN_LINES, Change, State, Store, Warning};

type TestResult = Result<(), Box<dyn Error>>;

fn key(s: &str) -> DocKey {
    DocKey::of_text(s)
}

fn tag(i: usize) -> Change {
    Change::Tag {
        doc: key("a"),
        tag: format!("t{i}"),
        value: true,
    }
}

fn draft(i: usize) -> Change {
    Change::Note {
        doc: key("b"),
        value: format!("taslak {i}"),
    }
}

fn lines(path: &Path) -> Result<usize, std::io::Error> {
    Ok(std::fs::read_to_string(path)?.lines().count())
}

/// 30 tags, then `drafts` notes each undone at once (dead lines but for the last), then
/// three more undos: 27 undo levels and 4 redo levels are live.
fn write_long_journal(
    drafts: usize,
) -> Result<(tempfile::TempDir, PathBuf, State), Box<dyn Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let mut store = Store::open(&path)?;
    for i in 0..30 {
        store.apply(tag(i))?;
    }
    for i in 0..drafts {
        store.apply(draft(i))?;
        store.undo()?;
    }
    for _ in 0..3 {
        store.undo()?;
    }
    let state = store.state().clone();
    Ok((dir, path, state))
}

#[test]
fn long_journal_is_compacted_at_open_keeping_undo_and_redo() -> TestResult {
    let (_dir, path, state) = write_long_journal(600)?;
    assert_eq!(lines(&path)?, 30 + 2 * 600 + 3);
    let mut store = Store::open(&path)?;
    // Snapshot (nothing: every tag is still undoable), checkpoint, 27 tags, 4 redo changes
    // and the 4 undos that put them back on the redo stack.
    assert_eq!(lines(&path)?, 1 + 27 + 4 + 4, "compacted");
    assert!(!path.with_extension("jsonl.tmp").exists());
    assert_eq!(store.state(), &state);
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    // The same history as before the restart: redo brings back the three tags and the last
    // draft, in that order; then undo goes down to the empty state, 27 + 4 levels.
    for expected in [tag(27), tag(28), tag(29), draft(599)] {
        assert_eq!(store.redo()?, Some(expected));
    }
    assert_eq!(store.redo()?, None);
    let mut levels = 0;
    while store.undo()?.is_some() {
        levels += 1;
    }
    assert_eq!(levels, 31);
    assert_eq!(store.state(), &State::default());
    drop(store);
    let store = Store::open(&path)?;
    assert_eq!(
        store.state(),
        &State::default(),
        "the compacted journal kept working"
    );
    assert!(store.can_redo());
    Ok(())
}

#[test]
fn short_or_mostly_live_journals_are_left_alone() -> TestResult {
    // Under the line floor, however much of it is dead.
    let (_dir, path, _) = write_long_journal(400)?;
    let before = std::fs::read_to_string(&path)?;
    assert!(before.lines().count() <= COMPACT_MIN_LINES);
    drop(Store::open(&path)?);
    assert_eq!(std::fs::read_to_string(&path)?, before);

    // Over the floor, but every line is a live undo step.
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let mut store = Store::open(&path)?;
    for i in 0..1500 {
        store.apply(tag(i))?;
    }
    drop(store);
    drop(Store::open(&path)?);
    assert_eq!(lines(&path)?, 1500);
    Ok(())
}

#[test]
fn damaged_or_shared_journals_are_not_compacted() -> TestResult {
    let (_dir, path, _) = write_long_journal(600)?;
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)?
        .write_all(b"{unreadable\n")?;
    let before = std::fs::read_to_string(&path)?;
    let store = Store::open(&path)?;
    assert!(matches!(store.warnings(), [Warning::Corrupt { .. }]));
    drop(store);
    assert_eq!(
        std::fs::read_to_string(&path)?,
        before,
        "a damaged line is kept for a human to look at"
    );

    // Another okur holds the journal: the second opener must not rewrite it.
    let (_dir, path, state) = write_long_journal(600)?;
    let before = std::fs::read_to_string(&path)?;
    let (holder, _) = okur::store::Journal::open(&path, std::time::Duration::ZERO)?;
    let reader = Store::open(&path)?;
    assert!(reader.is_read_only());
    assert_eq!(std::fs::read_to_string(&path)?, before, "read-only opener");
    drop((reader, holder));
    let writer = Store::open(&path)?;
    assert!(lines(&path)? < 100, "the writer compacts");
    assert_eq!(writer.state(), &state);
    Ok(())
}
