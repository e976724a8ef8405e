//! A journal okur can read but not write opens read-only with everything in it and one
//! reason; okur's folder and files are private (0700, 0600) and a journal other users can
//! read is reported.
//!
//! Permission bits do not bind root: the tests that rely on them check first whether this
//! process can write anyway, and say so and stop when it can.

#![cfg(unix)]

use std::error::Error;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use okur::corpus::DocKey;
use okur::store::{Change, ReadOnly, Store, StoreError, Warning};

mod common;

use common::{make_file_unwritable, make_unwritable};

/// A child process spawned by one test (chattr) holds every open file of this process from
/// fork to exec, journal locks among them: the tests here run one at a time.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

type TestResult = Result<(), Box<dyn Error>>;

fn star(s: &str) -> Change {
    Change::Star {
        doc: DocKey::of_text(s),
        value: true,
    }
}

fn chmod(path: &Path, mode: u32) -> std::io::Result<()> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[test]
fn a_read_only_journal_shows_everything_and_says_why() -> TestResult {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let mut store = Store::open(&path)?;
    store.apply(star("a"))?;
    drop(store);
    // A torn last line too: a read-only store leaves it alone.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)?
        .write_all(br#"{"op":"st"#)?;
    let before = std::fs::read(&path)?;
    let Some(_guard) = make_file_unwritable(&path)? else {
        return Ok(());
    };
    let mut store = Store::open(&path)?;
    assert!(store.doc(&DocKey::of_text("a")).star, "everything shown");
    let Some(ReadOnly::NotWritable(why)) = store.read_only() else {
        panic!("{:?}", store.read_only());
    };
    // "Operation not permitted" for an immutable file.
    assert!(
        why == "Permission denied" || why == "Operation not permitted",
        "{why}"
    );
    let msg = store.read_only_message().ok_or("a message")?;
    assert!(
        msg.contains(&path.display().to_string()) && msg.contains(&format!("not writable ({why})")),
        "{msg}"
    );
    let refused = store.apply(star("b"));
    let Err(err @ StoreError::ReadOnly { .. }) = refused else {
        panic!("{refused:?}");
    };
    assert!(err.to_string().contains(&why), "{err}");
    assert_eq!(std::fs::read(&path)?, before, "nothing written");
    Ok(())
}

#[test]
fn a_missing_journal_in_a_read_only_folder_opens_empty_and_read_only() -> TestResult {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir()?;
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked)?;
    let probe_file = locked.join("probe");
    let probe = || {
        let created = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe_file);
        created.and_then(|_| std::fs::remove_file(&probe_file))
    };
    let Some(guard) = make_unwritable(&locked, 0o555, probe)? else {
        return Ok(());
    };
    for path in [
        locked.join("journal.jsonl"),
        locked.join("sub/journal.jsonl"),
    ] {
        let store = Store::open(&path)?;
        assert!(
            matches!(store.read_only(), Some(ReadOnly::NotWritable(_))),
            "{:?}",
            store.read_only()
        );
        assert!(!path.exists());
    }
    drop(guard);
    chmod(&locked, 0o755)?;
    Ok(())
}

#[test]
fn a_journal_in_a_read_only_folder_is_written_and_compacted_in_place() -> TestResult {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir()?;
    let folder = dir.path().join("data");
    let path = folder.join("journal.jsonl");
    let mut store = Store::open(&path)?;
    for _ in 0..800 {
        store.apply(star("a"))?;
        store.undo()?;
    }
    drop(store);
    chmod(&folder, 0o555)?;
    let mut store = Store::open(&path)?;
    chmod(&folder, 0o755)?;
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    assert!(
        std::fs::read_to_string(&path)?.lines().count() < 10,
        "compacted"
    );
    store.apply(star("b"))?;
    Ok(())
}

#[test]
fn new_folders_and_journal_are_private() -> TestResult {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("share/okur/journal.jsonl");
    let mut store = Store::open(&path)?;
    store.apply(star("a"))?;
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    let mode = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
    assert_eq!(mode(&path)?, 0o600);
    assert_eq!(mode(&dir.path().join("share/okur"))?, 0o700);
    assert_eq!(mode(&dir.path().join("share"))?, 0o700);
    Ok(())
}

#[test]
fn a_journal_others_can_read_is_reported_once() -> TestResult {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    drop(Store::open(&path)?);
    chmod(&path, 0o644)?;
    for store in [Store::open(&path)?, Store::open_read_only(&path)?] {
        let exposed: Vec<_> = store
            .warnings()
            .iter()
            .filter(|w| matches!(w, Warning::Exposed { mode: 0o644, .. }))
            .collect();
        assert_eq!(exposed.len(), 1, "{:?}", store.warnings());
        let summary = store.warnings_summary().ok_or("a summary")?;
        assert!(summary.contains("readable by other users") && summary.contains("chmod 600"));
    }
    Ok(())
}

#[test]
fn every_skipped_line_is_counted() -> TestResult {
    let _serial = one_at_a_time();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("journal.jsonl");
    let good = r#"{"op":"star","doc":"a","value":true}"#;
    std::fs::write(
        &path,
        format!("{good}\nbad one\n{good}\nbad two\nbad three\n"),
    )?;
    let store = Store::open(&path)?;
    let summary = store.warnings_summary().ok_or("a summary")?;
    assert!(
        summary.starts_with("3 journal lines skipped: ") && summary.contains("line 2:"),
        "{summary}"
    );
    Ok(())
}
