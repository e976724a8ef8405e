//! The journal file: one JSON [`Change`] per line, appended and fsync'd one at a time,
//! replayed at start-up (see `replay.rs`), compacted in place. A batch
//! (`{"op":"batch","changes":[...]}`) is one line like any change, so a crash leaves all of
//! it or none: a torn batch is skipped whole like any torn line.
//!
//! One writer at a time: the writer holds an exclusive OS lock on the open journal file
//! itself, so every path to the file (a symlink, a hard link, `..`) meets the same lock.
//! Compaction never replaces the file (that would drop the lock and break links): it
//! appends the new journal after a marker, then copies it to the start of the file and cuts
//! the file there; a crash at any point leaves the old journal or the new one whole.

use std::fs::{File, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use super::StoreError;
use super::model::Change;
use super::private;
use super::replay::{Replay, Warning, marker_line, parse_journal, read_journal};

/// Why a journal cannot be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Opened read-only on purpose (exports).
    Requested,
    /// Another okur holds the lock.
    Locked,
    /// The file or its folder cannot be written; what the system said.
    NotWritable(String),
    /// The lock was given up because okur is ending (a hang-up or a termination signal).
    Released,
    /// A compaction failed half-way; the file is whole but this okur's copy of it is not
    /// certain any more.
    Failed(String),
}

impl ReadOnly {
    /// Why, in words that fit after "read-only: ".
    pub fn reason(&self) -> String {
        match self {
            ReadOnly::Requested => "opened read-only".to_string(),
            ReadOnly::Locked => "another okur holds it".to_string(),
            ReadOnly::NotWritable(why) => format!("not writable ({why})"),
            ReadOnly::Released => "okur is ending".to_string(),
            ReadOnly::Failed(why) => format!("writing stopped after an error ({why})"),
        }
    }
}

/// An open journal, either holding the writer's lock or read-only.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    slot: Arc<Mutex<Slot>>,
}

/// The writer (while writable) or why there is none; shared with [`Release`].
#[derive(Debug)]
struct Slot {
    writer: Option<Writer>,
    read_only: Option<ReadOnly>,
}

#[derive(Debug)]
struct Writer {
    /// The journal, opened read-write and locked; written at `len` (never in append mode,
    /// which compaction could not write at the start of the file with).
    file: File,
    len: u64,
}

/// A handle that gives up a journal's lock from another thread (see [`Journal::release`]).
#[derive(Debug, Clone)]
pub struct Release(Arc<Mutex<Slot>>);

impl Release {
    /// Waits for a write in progress to finish, then closes the journal, which frees its
    /// lock at once: a new okur started right after a hang-up can write. Later changes are
    /// refused as read-only.
    pub fn release(&self) {
        let mut slot = lock(&self.0);
        if slot.writer.take().is_some() {
            slot.read_only = Some(ReadOnly::Released);
        }
    }
}

fn lock(slot: &Mutex<Slot>) -> MutexGuard<'_, Slot> {
    // A panic while holding it cannot leave the slot half changed: every field is set by
    // one assignment.
    slot.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Journal {
    /// Opens a journal for writing: creates parent folders (0700) and the file (0600), takes
    /// the lock and replays. When another process holds the lock it tries again until
    /// `wait` has passed, then opens read-only. A journal that cannot be written opens
    /// read-only too: see [`Journal::read_only`]. A torn last line is truncated away and
    /// an interrupted compaction finished.
    pub fn open(path: &Path, wait: Duration) -> Result<(Journal, Replay), StoreError> {
        match Journal::open_writer(path, wait)? {
            Ok(opened) => Ok(opened),
            Err(why) => Journal::read_only_because(path, why),
        }
    }

    /// [`Journal::open`] when the journal can be written; else why not, without reading it.
    pub(crate) fn open_writer(
        path: &Path,
        wait: Duration,
    ) -> Result<Result<(Journal, Replay), ReadOnly>, StoreError> {
        let existed = path.exists();
        let file = match private::open_journal(path) {
            Ok(file) => file,
            Err(e) => return Ok(Err(ReadOnly::NotWritable(e))),
        };
        if !existed {
            // The new file's name must survive a crash as well as what is written to it.
            sync_parent(path)?;
        }
        match take_lock(&file, wait) {
            Ok(true) => {}
            Ok(false) => return Ok(Err(ReadOnly::Locked)),
            // No locks here (some network file systems): one writer cannot be made sure of.
            Err(e) => {
                let why = format!("cannot lock it: {}", private::said(&e));
                return Ok(Err(ReadOnly::NotWritable(why)));
            }
        }
        let (mut writer, mut replay) = Writer::start(file, path)?;
        if let Some(warning) = private::exposed(&writer.file, path) {
            replay.warnings.push(warning);
        }
        if let Some((marker, group)) = replay.pending.take() {
            // A compaction was cut short after its new journal was whole: finish it.
            if let Err(e) = writer.settle(marker, group, path) {
                replay.warnings.push(Warning::NotCompacted {
                    path: path.to_path_buf(),
                    reason: e.to_string(),
                });
            }
        }
        let journal = Journal {
            path: path.to_path_buf(),
            slot: Arc::new(Mutex::new(Slot {
                writer: Some(writer),
                read_only: None,
            })),
        };
        Ok(Ok((journal, replay)))
    }

    /// Opens a journal read-only without locking or creating anything (a missing file reads
    /// as empty). Appends are refused.
    pub fn open_read_only(path: &Path) -> Result<(Journal, Replay), StoreError> {
        Journal::read_only_because(path, ReadOnly::Requested)
    }

    fn read_only_because(path: &Path, why: ReadOnly) -> Result<(Journal, Replay), StoreError> {
        let mut replay = read_journal(path)?;
        replay.warnings.extend(private::exposed_at(path));
        // Before `pending` is looked at by anyone: a read-only journal finishes nothing.
        replay.pending = None;
        let slot = Slot {
            writer: None,
            read_only: Some(why),
        };
        let journal = Journal {
            path: path.to_path_buf(),
            slot: Arc::new(Mutex::new(slot)),
        };
        Ok((journal, replay))
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why this journal cannot be written, or `None` while it can.
    pub fn read_only(&self) -> Option<ReadOnly> {
        lock(&self.slot).read_only.clone()
    }

    /// True when this journal cannot be written.
    pub fn is_read_only(&self) -> bool {
        lock(&self.slot).writer.is_none()
    }

    /// Takes over `other`'s writer (the same file, opened again once its lock was free), so
    /// that handles from [`Journal::release`] keep working.
    pub(crate) fn adopt(&mut self, other: Journal) {
        let mut theirs = lock(&other.slot);
        let mut ours = lock(&self.slot);
        ours.writer = theirs.writer.take();
        ours.read_only = theirs.read_only.take();
    }

    /// A handle that gives up the lock from another thread (a signal watcher).
    pub fn release(&self) -> Release {
        Release(Arc::clone(&self.slot))
    }

    /// Appends one change as one line and waits until it is on disk (`fsync`); a batch is one
    /// line too, whatever its size. On a failed write the file is cut back to its previous
    /// length so the next append starts on a clean line.
    pub fn append(&mut self, change: &Change) -> Result<(), StoreError> {
        let path = &self.path;
        let mut slot = lock(&self.slot);
        let writer = writable(&mut slot, path)?;
        let mut line =
            serde_json::to_vec(change).map_err(|e| StoreError::io("encode for", path, e.into()))?;
        line.push(b'\n');
        let at = writer.len;
        if let Err(e) = writer.write_at(at, &line) {
            let _ = writer.file.set_len(at);
            return Err(StoreError::io("write to", path, e));
        }
        writer.len = at + line.len() as u64;
        Ok(())
    }

    /// Replaces the journal's content with `entries`, in place: the file, its lock and its
    /// links stay. First the new journal is appended after a marker and fsync'd, then copied
    /// to the start of the file and fsync'd, then the file is cut to its length. A crash at
    /// any step leaves the old journal whole (replay drops an unfinished marker) or the new
    /// one (replay starts at a whole marker, and the next writer finishes the copy).
    pub fn rewrite(&mut self, entries: &[Change]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let mut out = Vec::new();
        for entry in entries {
            serde_json::to_writer(&mut out, entry)
                .map_err(|e| StoreError::io("encode for", &path, e.into()))?;
            out.push(b'\n');
        }
        let mut slot = lock(&self.slot);
        let writer = writable(&mut slot, &path)?;
        let len = out.len() as u64;
        let marker = marker_line(&out);
        let start = writer.len;
        let group = start + marker.len() as u64;
        let staged = [marker, out].concat();
        if let Err(e) = writer.write_at(start, &staged) {
            // The marker's bytes are not all there: replay ignores it, and this drops it.
            let _ = writer
                .file
                .set_len(start)
                .and_then(|()| writer.file.sync_data());
            return Err(StoreError::io("write to", &path, e));
        }
        writer.len = group + len;
        if let Err(e) = writer.settle(start, group..group + len, &path) {
            // The file is whole (old or new by the marker), but which one this writer
            // appends after is no longer certain: stop writing.
            slot.writer = None;
            slot.read_only = Some(ReadOnly::Failed(e.to_string()));
            return Err(e);
        }
        Ok(())
    }
}

/// The writer, or a [`StoreError::ReadOnly`] saying why there is none.
fn writable<'a>(slot: &'a mut Slot, path: &Path) -> Result<&'a mut Writer, StoreError> {
    let why = slot.read_only.clone().unwrap_or(ReadOnly::Requested);
    slot.writer.as_mut().ok_or_else(|| StoreError::ReadOnly {
        path: path.to_path_buf(),
        reason: why.reason(),
    })
}

/// Takes the journal's exclusive lock, trying again until `wait` has passed. False when
/// another process still holds it.
fn take_lock(file: &File, wait: Duration) -> std::io::Result<bool> {
    let deadline = Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(true),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(50));
            }
            Err(TryLockError::WouldBlock) => return Ok(false),
            Err(TryLockError::Error(e)) => return Err(e),
        }
    }
}

impl Writer {
    /// Reads the locked file (the file locked, not whatever the path names now) and
    /// repairs its tail.
    fn start(mut file: File, path: &Path) -> Result<(Writer, Replay), StoreError> {
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(|e| StoreError::io("read", path, e))?;
        let replay = parse_journal(path, &bytes);
        let mut writer = Writer {
            file,
            len: bytes.len() as u64,
        };
        writer.repair_tail(path, &replay)?;
        Ok((writer, replay))
    }

    /// Writes `bytes` at `at` and waits until they are on disk.
    fn write_at(&mut self, at: u64, bytes: &[u8]) -> std::io::Result<()> {
        self.file.seek(SeekFrom::Start(at))?;
        self.file.write_all(bytes)?;
        self.file.sync_data()
    }

    /// Cuts a torn last line (or an unfinished compaction) away, or ends a valid last line
    /// that lacks its newline.
    fn repair_tail(&mut self, path: &Path, replay: &Replay) -> Result<(), StoreError> {
        if replay.missing_newline {
            self.write_at(self.len, b"\n")
                .map_err(|e| StoreError::io("repair", path, e))?;
            self.len += 1;
        } else if self.len > replay.clean_len {
            self.file
                .set_len(replay.clean_len)
                .and_then(|()| self.file.sync_data())
                .map_err(|e| StoreError::io("truncate torn line of", path, e))?;
            self.len = replay.clean_len;
        }
        Ok(())
    }

    /// The last steps of a compaction whose new journal lies whole at `group`, after its
    /// marker at `marker`: copy it to the start of the file, then cut the file there. When
    /// the new journal is longer than what precedes its marker, copying would overwrite the
    /// marker: the file is left as it is (replay starts at the marker all the same).
    fn settle(
        &mut self,
        marker: u64,
        group: std::ops::Range<u64>,
        path: &Path,
    ) -> Result<(), StoreError> {
        let len = group.end - group.start;
        if len > marker || group.end != self.len {
            return Ok(());
        }
        let size = usize::try_from(len)
            .map_err(|e| StoreError::io("read", path, std::io::Error::other(e)))?;
        let mut new = vec![0; size];
        self.file
            .seek(SeekFrom::Start(group.start))
            .and_then(|_| self.file.read_exact(&mut new))
            .map_err(|e| StoreError::io("read", path, e))?;
        self.write_at(0, &new)
            .map_err(|e| StoreError::io("write to", path, e))?;
        self.file
            .set_len(len)
            .and_then(|()| self.file.sync_data())
            .map_err(|e| StoreError::io("truncate", path, e))?;
        self.len = len;
        Ok(())
    }
}

/// Makes a file's creation in its folder durable.
fn sync_parent(path: &Path) -> Result<(), StoreError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    File::open(parent)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io("sync folder", parent, e))
}
