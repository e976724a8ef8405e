//! The journal file: one JSON [`Change`] per line, appended and fsync'd one at a time,
//! replayed at start-up, compacted by writing a new file and renaming it into place. A batch
//! (`{"op":"batch","changes":[...]}`) is one line like any change, so a crash leaves all of
//! it or none: a torn batch is skipped whole like any torn line.
//!
//! One writer at a time: the writer holds an exclusive lock on the sidecar `FILE.lock`
//! (the sidecar, not the journal, so compaction can replace the journal under the lock).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};

use super::StoreError;
use super::model::Change;

/// Something wrong in the journal that replay skipped. Never fatal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Warning {
    /// The last line has no newline and is not a valid change: a write cut short by a crash.
    /// It was never acknowledged; a writable store truncates it away.
    #[error("{path}: line {line}: incomplete last line ({bytes} bytes) skipped")]
    TornTail {
        /// The journal.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// Length of the torn line.
        bytes: usize,
    },
    /// A complete line that is not a valid change (or a batch holding something other than
    /// plain changes: it is skipped whole).
    #[error("{path}: line {line}: unreadable change skipped: {reason}")]
    Corrupt {
        /// The journal.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What the parser said.
        reason: String,
    },
    /// Compaction at open failed; the journal is as it was and still works.
    #[error("{path}: not compacted: {reason}")]
    NotCompacted {
        /// The journal.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

/// The changes read from a journal and what was wrong with it.
#[derive(Debug, Default)]
pub struct Replay {
    /// Valid entries in file order.
    pub entries: Vec<Change>,
    /// Skipped lines.
    pub warnings: Vec<Warning>,
    /// Length of the file up to the end of its last complete (or repaired) line.
    clean_len: u64,
    /// The last line lacked only its newline (it was valid and kept).
    missing_newline: bool,
}

/// Reads and parses a journal. A missing file is an empty journal.
pub fn read_journal(path: &Path) -> Result<Replay, StoreError> {
    let mut bytes = Vec::new();
    match File::open(path) {
        Ok(mut f) => f
            .read_to_end(&mut bytes)
            .map_err(|e| StoreError::io("read", path, e))?,
        Err(e) if e.kind() == ErrorKind::NotFound => 0,
        Err(e) => return Err(StoreError::io("open", path, e)),
    };
    Ok(parse_journal(path, &bytes))
}

fn parse_journal(path: &Path, bytes: &[u8]) -> Replay {
    let mut replay = Replay::default();
    let mut pos = 0;
    let mut line = 0;
    while pos < bytes.len() {
        line += 1;
        let (body, next, complete) = match memchr::memchr(b'\n', &bytes[pos..]) {
            Some(i) => (&bytes[pos..pos + i], pos + i + 1, true),
            None => (&bytes[pos..], bytes.len(), false),
        };
        match parse_line(body) {
            Ok(change) => {
                replay.entries.push(change);
                replay.clean_len = next as u64;
                replay.missing_newline = !complete;
            }
            Err(_) if !complete => replay.warnings.push(Warning::TornTail {
                path: path.to_path_buf(),
                line,
                bytes: body.len(),
            }),
            Err(_) if body.iter().all(u8::is_ascii_whitespace) => replay.clean_len = next as u64,
            Err(reason) => {
                replay.warnings.push(Warning::Corrupt {
                    path: path.to_path_buf(),
                    line,
                    reason,
                });
                replay.clean_len = next as u64;
            }
        }
        pos = next;
    }
    replay
}

/// One line as a change, or why it is not one.
fn parse_line(body: &[u8]) -> Result<Change, String> {
    let change = serde_json::from_slice::<Change>(body).map_err(|e| e.to_string())?;
    change.check_batch().map_err(|e| e.to_string())?;
    Ok(change)
}

/// An open journal, either holding the writer's lock or read-only.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    writer: Option<Writer>,
}

#[derive(Debug)]
struct Writer {
    file: File,
    len: u64,
    _lock: File,
}

/// The sidecar lock file of a journal: `FILE.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, ".lock")
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

impl Journal {
    /// Opens a journal for writing: creates parent folders, takes the lock and replays.
    /// When another process holds the lock, the journal is opened read-only instead
    /// (see [`Journal::is_read_only`]). A torn last line is truncated away.
    pub fn open(path: &Path) -> Result<(Journal, Replay), StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| StoreError::io("create folder", parent, e))?;
        }
        let lock_file = lock_path(path);
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_file)
            .map_err(|e| StoreError::io("open lock file", &lock_file, e))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => return Journal::open_read_only(path),
            Err(TryLockError::Error(e)) => return Err(StoreError::io("lock", &lock_file, e)),
        }
        let replay = read_journal(path)?;
        let existed = path.exists();
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|e| StoreError::io("open", path, e))?;
        repair_tail(&mut file, path, &replay)?;
        if !existed {
            sync_parent(path)?;
        }
        let len = file
            .metadata()
            .map_err(|e| StoreError::io("stat", path, e))?
            .len();
        let writer = Writer {
            file,
            len,
            _lock: lock,
        };
        let journal = Journal {
            path: path.to_path_buf(),
            writer: Some(writer),
        };
        Ok((journal, replay))
    }

    /// Opens a journal read-only without locking or creating anything (a missing file reads
    /// as empty). Appends are refused.
    pub fn open_read_only(path: &Path) -> Result<(Journal, Replay), StoreError> {
        let replay = read_journal(path)?;
        Ok((
            Journal {
                path: path.to_path_buf(),
                writer: None,
            },
            replay,
        ))
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when this journal cannot be written (another process holds the lock, or it
    /// was opened read-only on purpose).
    pub fn is_read_only(&self) -> bool {
        self.writer.is_none()
    }

    /// Appends one change as one line and waits until it is on disk (`fsync`); a batch is one
    /// line too, whatever its size. On a failed write the file is cut back to its previous
    /// length so the next append starts on a clean line.
    pub fn append(&mut self, change: &Change) -> Result<(), StoreError> {
        let path = &self.path;
        let writer = self
            .writer
            .as_mut()
            .ok_or_else(|| StoreError::ReadOnly { path: path.clone() })?;
        let mut line =
            serde_json::to_vec(change).map_err(|e| StoreError::io("encode for", path, e.into()))?;
        line.push(b'\n');
        let written = writer
            .file
            .write_all(&line)
            .and_then(|()| writer.file.sync_data());
        if let Err(e) = written {
            let _ = writer.file.set_len(writer.len);
            return Err(StoreError::io("write to", path, e));
        }
        writer.len += line.len() as u64;
        Ok(())
    }

    /// Replaces the journal with `entries`: writes `FILE.tmp`, fsyncs it, renames it over the
    /// journal and fsyncs the folder. Needs the lock. Until the rename the old journal stays
    /// in place and in use; a crash at any point leaves one complete journal or the other.
    pub fn rewrite(&mut self, entries: &[Change]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let Some(writer) = self.writer.as_mut() else {
            return Err(StoreError::ReadOnly { path });
        };
        let tmp = sibling(&path, ".tmp");
        let written = write_new(&tmp, entries);
        let (file, len) = match written {
            Ok(done) => done,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        if let Err(e) = std::fs::rename(&tmp, &path) {
            let _ = std::fs::remove_file(&tmp);
            return Err(StoreError::io("rename into", &path, e));
        }
        // The handle was opened on the new file before the rename, so appends can never go
        // to the replaced (unlinked) journal.
        writer.file = file;
        writer.len = len;
        let synced = sync_parent(&path);
        if synced.is_err() {
            // The rename may not survive a crash, and the caller's history no longer matches
            // either file for certain: appending more could only make things worse.
            self.writer = None;
        }
        synced
    }
}

/// Writes `entries` to a new file at `tmp`, on disk when it returns, and opens it for
/// appending; returns the handle and the length.
fn write_new(tmp: &Path, entries: &[Change]) -> Result<(File, u64), StoreError> {
    let mut out = Vec::new();
    for entry in entries {
        serde_json::to_writer(&mut out, entry)
            .map_err(|e| StoreError::io("encode for", tmp, e.into()))?;
        out.push(b'\n');
    }
    let mut file = File::create(tmp).map_err(|e| StoreError::io("create", tmp, e))?;
    file.write_all(&out)
        .and_then(|()| file.sync_all())
        .map_err(|e| StoreError::io("write", tmp, e))?;
    let file = OpenOptions::new()
        .append(true)
        .open(tmp)
        .map_err(|e| StoreError::io("reopen", tmp, e))?;
    Ok((file, out.len() as u64))
}

/// Cuts a torn last line away, or ends a valid last line that lacks its newline.
fn repair_tail(file: &mut File, path: &Path, replay: &Replay) -> Result<(), StoreError> {
    let len = file
        .metadata()
        .map_err(|e| StoreError::io("stat", path, e))?
        .len();
    if replay.missing_newline {
        file.write_all(b"\n")
            .and_then(|()| file.sync_data())
            .map_err(|e| StoreError::io("repair", path, e))?;
    } else if len > replay.clean_len {
        file.set_len(replay.clean_len)
            .and_then(|()| file.sync_data())
            .map_err(|e| StoreError::io("truncate torn line of", path, e))?;
    }
    Ok(())
}

/// Makes a create or rename in the journal's folder durable.
fn sync_parent(path: &Path) -> Result<(), StoreError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    File::open(parent)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io("sync folder", parent, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_reports_torn_tail_and_corrupt_middle() {
        let good = r#"{"op":"undo"}"#;
        let torn = r#"{"op":"st"#;
        let text = format!("{good}\nnot json\n{good}\n{torn}");
        let replay = parse_journal(Path::new("j"), text.as_bytes());
        assert_eq!(replay.entries.len(), 2);
        assert!(matches!(
            replay.warnings[0],
            Warning::Corrupt { line: 2, .. }
        ));
        assert!(matches!(
            replay.warnings[1],
            Warning::TornTail {
                line: 4,
                bytes: 9,
                ..
            }
        ));
        assert_eq!(replay.clean_len as usize, text.len() - torn.len());
    }

    #[test]
    fn batch_holding_a_marker_is_skipped_whole_as_corrupt() {
        let star = r#"{"op":"star","doc":"a","value":true}"#;
        let bad = format!(r#"{{"op":"batch","changes":[{star},{{"op":"undo"}}]}}"#);
        let good = format!(r#"{{"op":"batch","changes":[{star}]}}"#);
        let replay = parse_journal(Path::new("j"), format!("{bad}\n{good}\n").as_bytes());
        assert_eq!(replay.entries.len(), 1, "only the good batch");
        let [Warning::Corrupt { line, reason, .. }] = &replay.warnings[..] else {
            panic!("one corrupt line expected: {:?}", replay.warnings);
        };
        assert_eq!(*line, 1);
        assert!(
            reason.contains("part 2") && reason.contains("undo"),
            "{reason}"
        );
    }

    #[test]
    fn valid_last_line_without_newline_is_kept() {
        let replay = parse_journal(Path::new("j"), br#"{"op":"redo"}"#);
        assert_eq!(replay.entries, [Change::Redo]);
        assert!(replay.missing_newline && replay.warnings.is_empty());
    }
}
