//! Team mode's hook in the store: the journal entries not yet on the team server, and a
//! durable cursor saying how far the journal has been pushed.
//!
//! The cursor lives next to the journal (`journal.jsonl.pushed`, JSON): this device's id,
//! how many journal entries (from the start of the journal as it is now) are on the
//! server, and the sequence number the next entry gets. Entry `pushed + i` has sequence
//! number `next_seq + i`, so a batch sent again after a lost reply carries the same numbers
//! and the server keeps one copy (unique device and sequence number).
//!
//! Each entry travels as the concrete change it made ([`super::History::commit`]'s answer):
//! an undo as the inverse it applied, a redo as the change redone. Entries that changed
//! nothing (a checkpoint) keep their number but send nothing.
//!
//! While a cursor exists the journal is compacted only when everything is pushed: a
//! compaction sets `compacting` first, so a crash in the middle leaves a cursor that says
//! "everything in the journal, old or new, is on the server".

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::{Deserialize, Serialize};

use super::StoreError;
use super::model::Change;

/// The durable push cursor, as stored in `<journal>.pushed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Cursor {
    /// This journal's device id (random, made once).
    device: String,
    /// Journal entries (valid lines, in order) already on the server.
    pushed: usize,
    /// The sequence number of entry `pushed`.
    next_seq: u64,
    /// A compaction was under way: every entry in the journal is on the server.
    #[serde(default)]
    compacting: bool,
}

/// One journal entry not yet acknowledged by the server.
#[derive(Debug, Clone)]
struct Entry {
    /// What it made, or `None` for an entry that changed nothing.
    change: Option<Change>,
}

/// The changes waiting for the team server, shared between the store (which adds them as
/// they are journalled) and the sync thread (which sends them and acknowledges them).
#[derive(Debug, Clone)]
pub struct Outbox(Arc<Mutex<Inner>>);

#[derive(Debug)]
struct Inner {
    path: PathBuf,
    cursor: Cursor,
    waiting: VecDeque<Entry>,
}

/// A run of waiting changes to send: acknowledge it with [`Outbox::acknowledge`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    /// Journal entries the run covers (some may have sent nothing).
    pub entries: usize,
    /// The changes with their sequence numbers, oldest first.
    pub changes: Vec<(u64, Change)>,
}

/// The cursor file of the journal at `journal`.
pub fn cursor_path(journal: &Path) -> PathBuf {
    let mut name = journal.as_os_str().to_owned();
    name.push(".pushed");
    PathBuf::from(name)
}

impl Outbox {
    /// The outbox of a journal whose replay gave `made` (one item per entry: what
    /// [`super::History::commit`] returned). Reads the cursor, or starts one with a new
    /// device id when `create` (everything in the journal waits then); `None` without a
    /// cursor and without `create`.
    pub(crate) fn load(
        journal: &Path,
        made: Vec<Option<Change>>,
        create: bool,
    ) -> Result<Option<Outbox>, StoreError> {
        let path = cursor_path(journal);
        let mut cursor = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice::<Cursor>(&bytes)
                .map_err(|e| StoreError::io("read push cursor", &path, e.into()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => Cursor {
                device: new_device_id(),
                pushed: 0,
                next_seq: 1,
                compacting: false,
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(StoreError::io("read", &path, e)),
        };
        let mut fresh = create && !path.exists();
        if cursor.compacting || cursor.pushed > made.len() {
            // Cut short in a compaction (all was pushed before it), or the journal was
            // compacted by hand: what is there is on the server.
            cursor.pushed = made.len();
            cursor.compacting = false;
            fresh = true;
        }
        let waiting = made
            .into_iter()
            .skip(cursor.pushed)
            .map(|change| Entry { change })
            .collect();
        let inner = Inner {
            path,
            cursor,
            waiting,
        };
        if fresh {
            inner.save()?;
        }
        Ok(Some(Outbox(Arc::new(Mutex::new(inner)))))
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // Every field is replaced by whole assignments: a panic leaves it consistent.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The push cursor's file (`journal.jsonl.pushed`): team mode keeps its other files
    /// beside it.
    pub fn cursor_file(&self) -> PathBuf {
        self.lock().path.clone()
    }

    /// This journal's device id on the team server.
    pub fn device(&self) -> String {
        self.lock().cursor.device.clone()
    }

    /// How many changes wait to be sent.
    pub fn waiting(&self) -> usize {
        self.lock()
            .waiting
            .iter()
            .filter(|e| e.change.is_some())
            .count()
    }

    /// How many entries the journal holds: those pushed and those waiting.
    pub(crate) fn entries(&self) -> usize {
        let inner = self.lock();
        inner.cursor.pushed + inner.waiting.len()
    }

    /// True when every journal entry is on the server.
    pub fn is_empty(&self) -> bool {
        self.lock().waiting.is_empty()
    }

    /// Records a journal entry just written: what it made.
    pub(crate) fn add(&self, made: Option<Change>) {
        self.lock().waiting.push_back(Entry { change: made });
    }

    /// The oldest waiting changes, at most `max` of them (at least one entry when any
    /// waits), with their sequence numbers. Nothing is removed until acknowledged.
    pub fn peek(&self, max: usize) -> Outgoing {
        let inner = self.lock();
        let mut out = Outgoing {
            entries: 0,
            changes: Vec::new(),
        };
        for (i, entry) in inner.waiting.iter().enumerate() {
            if out.changes.len() >= max.max(1) {
                break;
            }
            out.entries = i + 1;
            if let Some(change) = &entry.change {
                out.changes
                    .push((inner.cursor.next_seq + i as u64, change.clone()));
            }
        }
        out
    }

    /// The server holds the first `entries` waiting entries: forget them and move the
    /// durable cursor past them.
    pub fn acknowledge(&self, entries: usize) -> Result<(), StoreError> {
        let mut inner = self.lock();
        let entries = entries.min(inner.waiting.len());
        let mut cursor = inner.cursor.clone();
        cursor.pushed += entries;
        cursor.next_seq += entries as u64;
        inner.write(&cursor)?;
        inner.cursor = cursor;
        inner.waiting.drain(..entries);
        Ok(())
    }

    /// Marks a compaction as begun (durably); false when changes still wait, which forbids
    /// it.
    pub(crate) fn begin_compaction(&self) -> Result<bool, StoreError> {
        let mut inner = self.lock();
        if !inner.waiting.is_empty() {
            return Ok(false);
        }
        let mut cursor = inner.cursor.clone();
        cursor.compacting = true;
        inner.write(&cursor)?;
        inner.cursor = cursor;
        Ok(true)
    }

    /// After a compaction (done or failed) that left `entries` entries in the journal: all
    /// of them are on the server.
    /// Kept in memory even when writing fails, so the next acknowledgement writes it.
    pub(crate) fn end_compaction(&self, entries: usize) -> Result<(), StoreError> {
        let mut inner = self.lock();
        inner.cursor.pushed = entries;
        inner.cursor.compacting = false;
        inner.save()
    }
}

impl Inner {
    fn save(&self) -> Result<(), StoreError> {
        self.write(&self.cursor)
    }

    /// Writes `cursor` durably: a temporary file, fsync'd, renamed over the old one, and
    /// the folder fsync'd.
    fn write(&self, cursor: &Cursor) -> Result<(), StoreError> {
        let path = &self.path;
        let bytes =
            serde_json::to_vec(cursor).map_err(|e| StoreError::io("encode", path, e.into()))?;
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut tmp = tempfile::NamedTempFile::new_in(folder)
            .map_err(|e| StoreError::io("create a file in", folder, e))?;
        use std::io::Write;
        tmp.write_all(&bytes)
            .and_then(|()| tmp.as_file().sync_data())
            .map_err(|e| StoreError::io("write", tmp.path(), e))?;
        tmp.persist(path)
            .map_err(|e| StoreError::io("replace", path, e.error))?;
        std::fs::File::open(folder)
            .and_then(|d| d.sync_all())
            .map_err(|e| StoreError::io("sync folder", folder, e))
    }
}

/// A random device id: 128 bits from the system's random source, as 32 hex digits.
fn new_device_id() -> String {
    let mut bytes = [0u8; 16];
    let random = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes));
    if random.is_err() {
        // No /dev/urandom: time, process and address entropy, hashed.
        let seed = format!(
            "{:?}{}{:p}",
            std::time::SystemTime::now(),
            std::process::id(),
            &bytes
        );
        bytes = xxhash_rust::xxh3::xxh3_128(seed.as_bytes()).to_le_bytes();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
#[path = "outbox_tests.rs"]
mod tests;
