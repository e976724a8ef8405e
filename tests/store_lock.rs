//! One writer per journal file, whatever path leads to it: the lock is on the journal file
//! itself, so a symlink, a hard link, a relative path or one through `..` meets the lock
//! the first opener took; compaction keeps the file (its links, its lock); the lock is
//! given up on request (a hang-up), and a waiting or read-only okur takes it once free.

#![cfg(unix)]

use std::error::Error;
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use okur::corpus::DocKey;
use okur::store::{Change, ReadOnly, Store, StoreError};

type TestResult = Result<(), Box<dyn Error>>;

fn tag(i: usize) -> Change {
    Change::Tag {
        doc: DocKey::of_text("a"),
        tag: format!("t{i}"),
        value: true,
    }
}

/// `to` relative to the working folder, climbing with `..` to the root first.
fn relative(to: &Path) -> Result<PathBuf, Box<dyn Error>> {
    let cwd = std::env::current_dir()?;
    let mut path = PathBuf::new();
    for component in cwd.components() {
        if matches!(component, Component::Normal(_)) {
            path.push("..");
        }
    }
    Ok(path.join(to.strip_prefix("/")?))
}

#[test]
fn every_path_to_a_held_journal_opens_read_only() -> TestResult {
    let dir = tempfile::tempdir()?;
    let real = dir.path().join("data/journal.jsonl");
    let mut first = Store::open(&real)?;
    first.apply(tag(0))?;
    std::fs::create_dir(dir.path().join("other"))?;
    let symlink = dir.path().join("other/link.jsonl");
    std::os::unix::fs::symlink(&real, &symlink)?;
    let hard = dir.path().join("other/hard.jsonl");
    std::fs::hard_link(&real, &hard)?;
    let dotdot = dir.path().join("other/../data/./journal.jsonl");
    let paths = [
        symlink.clone(),
        hard,
        dotdot,
        relative(&real)?,
        real.clone(),
    ];
    for path in &paths {
        let mut second = Store::open(path)?;
        assert_eq!(
            second.read_only(),
            Some(ReadOnly::Locked),
            "{}",
            path.display()
        );
        assert!(second.doc(&DocKey::of_text("a")).tags.contains("t0"));
        let refused = second.apply(tag(1));
        assert!(
            matches!(refused, Err(StoreError::ReadOnly { .. })),
            "{refused:?}"
        );
    }
    drop(first);
    // Free now, through the link as well.
    let mut writer = Store::open(&symlink)?;
    assert!(!writer.is_read_only());
    writer.apply(tag(2))?;
    Ok(())
}

#[test]
fn compaction_through_a_link_keeps_the_file_and_the_lock() -> TestResult {
    let dir = tempfile::tempdir()?;
    let real = dir.path().join("journal.jsonl");
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link)?;
    let mut store = Store::open(&link)?;
    for i in 0..1500 {
        store.apply(tag(i % 3))?;
        store.undo()?;
    }
    drop(store);
    let inode = std::fs::metadata(&real)?.ino();
    let lines_before = std::fs::read_to_string(&real)?.lines().count();

    let mut store = Store::open(&link)?;
    let lines_after = std::fs::read_to_string(&real)?.lines().count();
    assert!(
        lines_after < lines_before / 10,
        "{lines_before} -> {lines_after}"
    );
    assert!(std::fs::symlink_metadata(&link)?.file_type().is_symlink());
    assert_eq!(std::fs::metadata(&real)?.ino(), inode, "the same file");
    // The writer still holds the lock after rewriting the file.
    assert_eq!(Store::open(&real)?.read_only(), Some(ReadOnly::Locked));
    store.apply(tag(7))?;
    store.compact()?;
    store.apply(tag(8))?;
    assert_eq!(Store::open(&real)?.read_only(), Some(ReadOnly::Locked));
    let state = store.state().clone();
    drop(store);
    assert_eq!(Store::open(&real)?.state(), &state);
    Ok(())
}

#[test]
fn a_released_lock_is_free_at_once_and_the_releaser_writes_no_more() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let mut first = Store::open(&path)?;
    first.apply(tag(0))?;
    first.release_handle().release();
    let mut second = Store::open(&path)?;
    assert!(!second.is_read_only(), "free while the first store lives");
    second.apply(tag(1))?;
    let refused = first.apply(tag(2));
    assert!(
        matches!(&refused, Err(StoreError::ReadOnly { reason, .. }) if reason.contains("ending")),
        "{refused:?}"
    );
    assert!(first.read_only_message().is_some());
    Ok(())
}

#[test]
fn a_waiting_opener_takes_the_lock_once_free() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let first = Store::open(&path)?;
    let quitter = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        drop(first);
    });
    // Far longer than the quitter takes: only a lock never freed makes this read-only.
    let second = Store::open_waiting(&path, Duration::from_secs(60))?;
    quitter.join().map_err(|_| "quitter panicked")?;
    assert!(!second.is_read_only());
    Ok(())
}

#[test]
fn a_read_only_store_writes_once_the_holder_quits() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let mut first = Store::open(&path)?;
    let mut second = Store::open(&path)?;
    assert!(!second.try_write()?, "still held");
    first.apply(tag(0))?;
    let release = second.release_handle();
    drop(first);
    assert!(second.try_write()?);
    assert!(
        second.doc(&DocKey::of_text("a")).tags.contains("t0"),
        "replayed anew with the other okur's change"
    );
    second.apply(tag(1))?;
    // A release handle taken before still gives up the lock taken later.
    release.release();
    assert!(!Store::open(&path)?.is_read_only());
    Ok(())
}
