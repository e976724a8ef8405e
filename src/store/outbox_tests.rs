//! The outbox and push cursor: sequence numbers survive restarts, acknowledgements are
//! durable, compaction waits for the server and a crash inside one loses nothing.

use super::*;
use crate::corpus::DocKey;
use crate::store::{Store, StoreError};

fn star(n: usize) -> Change {
    Change::Star {
        doc: DocKey::from_hash(format!("d{n}")),
        value: true,
    }
}

fn journal() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("journal.jsonl");
    (dir, path)
}

#[test]
fn the_whole_journal_waits_the_first_time_and_numbers_are_stable() -> Result<(), StoreError> {
    let (_dir, path) = journal();
    let mut store = Store::open(&path)?;
    store.apply(star(1))?;
    store.apply(star(2))?;
    let outbox = store.track_pushes()?;
    store.undo()?;
    let out = outbox.peek(10);
    assert_eq!(out.entries, 3);
    let seqs: Vec<u64> = out.changes.iter().map(|c| c.0).collect();
    assert_eq!(seqs, [1, 2, 3]);
    // The undo travels as the change it made.
    let unstar = Change::Star {
        doc: DocKey::from_hash("d2"),
        value: false,
    };
    assert_eq!(out.changes[2].1, unstar);
    outbox.acknowledge(2)?;
    let device = outbox.device();
    drop(store);
    // After a restart: same device, the third entry still waits with the same number.
    let store = Store::open(&path)?;
    let again = store
        .outbox()
        .expect("the cursor makes the store track pushes");
    assert_eq!(again.device(), device);
    assert_eq!(again.peek(10).changes, vec![(3, unstar)]);
    Ok(())
}

#[test]
fn compaction_waits_for_the_server() -> Result<(), StoreError> {
    let (_dir, path) = journal();
    let mut store = Store::open(&path)?;
    let outbox = store.track_pushes()?;
    for n in 0..5 {
        store.apply(star(n))?;
    }
    let refused = store.compact();
    assert!(
        matches!(refused, Err(StoreError::Unpushed { waiting: 5 })),
        "{refused:?}"
    );
    outbox.acknowledge(5)?;
    store.compact()?;
    assert!(outbox.is_empty());
    store.apply(star(9))?;
    // The compacted journal's entries are on the server; only the new star waits, and
    // its number follows the five pushed ones.
    assert_eq!(outbox.peek(10).changes, vec![(6, star(9))]);
    Ok(())
}

#[test]
fn compaction_at_open_keeps_unpushed_lines() -> Result<(), StoreError> {
    let (_dir, path) = journal();
    let mut store = Store::open(&path)?;
    store.track_pushes()?;
    // Long and redundant (changes undone and replaced): compaction at open would rewrite
    // it, were nothing waiting.
    for n in 0..750 {
        store.apply(star(n))?;
        store.undo()?;
    }
    drop(store);
    let store = Store::open(&path)?;
    let outbox = store.outbox().expect("tracked");
    assert_eq!(outbox.waiting(), 1500);
    outbox.acknowledge(1500)?;
    drop(store);
    // Everything pushed: now it compacts, and nothing waits afterwards.
    let lines_before =
        std::fs::read_to_string(&path).map_err(|e| StoreError::io("read", &path, e))?;
    let store = Store::open(&path)?;
    let lines_after =
        std::fs::read_to_string(&path).map_err(|e| StoreError::io("read", &path, e))?;
    assert!(lines_after.lines().count() < lines_before.lines().count());
    assert!(store.outbox().expect("tracked").is_empty());
    Ok(())
}

#[test]
fn a_crash_inside_a_compaction_counts_everything_as_pushed() -> Result<(), StoreError> {
    let (_dir, path) = journal();
    let mut store = Store::open(&path)?;
    let outbox = store.track_pushes()?;
    store.apply(star(1))?;
    outbox.acknowledge(1)?;
    assert!(outbox.begin_compaction()?);
    drop(store); // the crash: the cursor says `compacting`
    let store = Store::open(&path)?;
    let outbox = store.outbox().expect("tracked");
    assert!(outbox.is_empty());
    assert_eq!(outbox.entries(), 1);
    Ok(())
}

#[test]
fn a_damaged_cursor_is_a_clear_error() -> Result<(), StoreError> {
    let (_dir, path) = journal();
    Store::open(&path)?.track_pushes()?;
    std::fs::write(cursor_path(&path), b"{oops").map_err(|e| StoreError::io("write", &path, e))?;
    let err = Store::open(&path).expect_err("refused");
    assert!(err.to_string().contains(".pushed"), "{err}");
    Ok(())
}

#[test]
fn a_read_only_store_does_not_push() -> Result<(), StoreError> {
    let (_dir, path) = journal();
    let _writer = Store::open(&path)?;
    let mut reader = Store::open_read_only(&path)?;
    assert!(matches!(
        reader.track_pushes(),
        Err(StoreError::ReadOnly { .. })
    ));
    Ok(())
}
