//! Journals that are not files: `--store` (or `OKUR_STORE`) naming a named pipe, a device or
//! a folder. Opening one never waits or reads without end, never "saves" into `/dev/null`,
//! and says what the path is.

#![cfg(unix)]

use std::error::Error;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use okur::store::{Store, StoreError};

type TestResult = Result<(), Box<dyn Error>>;

/// Runs `open` on its own thread, so that a journal open that waits forever (a named pipe
/// opened for reading waits for a writer) fails the test instead of hanging it.
fn open_without_hanging(
    open: fn(&Path) -> Result<Store, StoreError>,
    path: &Path,
) -> Result<Result<Store, StoreError>, String> {
    let (tx, rx) = mpsc::channel();
    let owned = path.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(open(&owned));
    });
    rx.recv_timeout(Duration::from_secs(60))
        .map_err(|_| format!("opening {} never returned", path.display()))
}

fn mkfifo(path: &Path) -> std::io::Result<()> {
    let status = std::process::Command::new("mkfifo").arg(path).status()?;
    match status.success() {
        true => Ok(()),
        false => Err(std::io::Error::other("mkfifo failed")),
    }
}

/// The error of an open that must fail, as the status line would show it.
fn refusal(opened: Result<Store, StoreError>, what: &str) -> Result<String, String> {
    match opened {
        Err(err) => Ok(err.to_string()),
        Ok(store) => Err(format!(
            "{what} opened as a journal (read-only: {:?})",
            store.read_only()
        )),
    }
}

#[test]
fn a_named_pipe_as_the_journal_is_refused_at_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let fifo = dir.path().join("journal.jsonl");
    mkfifo(&fifo)?;
    let writable = open_without_hanging(Store::open, &fifo)?;
    let why = refusal(writable, "a named pipe")?;
    assert!(
        why.contains("a named pipe (FIFO), not a regular file"),
        "{why}"
    );
    let read_only = open_without_hanging(Store::open_read_only, &fifo)?;
    let why = refusal(read_only, "a named pipe")?;
    assert!(
        why.contains("a named pipe (FIFO), not a regular file"),
        "{why}"
    );
    Ok(())
}

#[test]
fn devices_as_the_journal_are_refused() -> TestResult {
    // /dev/zero would be read until memory runs out; /dev/null would take every change
    // and keep none of them.
    for device in ["/dev/zero", "/dev/null"] {
        let path = Path::new(device);
        if !path.exists() {
            continue;
        }
        for open in [Store::open as fn(&Path) -> _, Store::open_read_only] {
            let why = refusal(open_without_hanging(open, path)?, device)?;
            assert!(
                why.contains("a character device, not a regular file"),
                "{device}: {why}"
            );
        }
    }
    Ok(())
}

#[test]
fn a_folder_as_the_journal_is_refused_and_left_alone() -> TestResult {
    let dir = tempfile::tempdir()?;
    let why = refusal(Store::open(dir.path()), "a folder")?;
    assert!(why.to_lowercase().contains("directory"), "{why}");
    assert_eq!(std::fs::read_dir(dir.path())?.count(), 0);
    Ok(())
}

#[test]
fn a_symlink_to_a_named_pipe_is_refused_too() -> TestResult {
    let dir = tempfile::tempdir()?;
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo)?;
    let link = dir.path().join("journal.jsonl");
    std::os::unix::fs::symlink(&fifo, &link)?;
    let why = refusal(open_without_hanging(Store::open, &link)?, "a linked pipe")?;
    assert!(why.contains("a named pipe (FIFO)"), "{why}");
    Ok(())
}

/// `okur export --format jsonl --store STORE` on the seeds, with `home` as its home.
fn export_from(store: &Path, home: &Path) -> std::io::Result<std::process::Output> {
    std::process::Command::new(env!("CARGO_BIN_EXE_okur"))
        .args(["export", "--format", "jsonl", "--store"])
        .arg(store)
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .output()
}

#[test]
fn export_from_a_folder_says_why_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = export_from(dir.path(), dir.path())?;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(stderr.matches("Is a directory").count(), 1, "{stderr}");
    Ok(())
}

/// A journal that is a symbolic link to itself: `okur export` said `no journal at PATH:
/// exporting without annotations` and then stopped with `cannot read PATH: Too many levels
/// of symbolic links`, two lines that contradict each other. Only the second is true.
#[test]
fn export_from_a_symlink_loop_says_why_once() -> TestResult {
    let dir = tempfile::tempdir()?;
    let journal = dir.path().join("journal.jsonl");
    std::os::unix::fs::symlink(&journal, &journal)?;
    let out = export_from(&journal, dir.path())?;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("symbolic links"), "{stderr}");
    Ok(())
}
