//! Annotations and triage state: an append-only journal of [`Change`]s, replayed at start-up
//! into a [`State`] with multi-level undo and redo; compaction; one writer at a time; and
//! exports (brat, CoNLL, doccano, okur JSONL) in [`export`].
//!
//! Typical use by the UI:
//! ```no_run
//! # fn main() -> Result<(), okur::store::StoreError> {
//! use okur::store::{Change, Store, resolve_store_path};
//! let mut store = Store::open(&resolve_store_path(None)?)?;
//! if let Some(msg) = store.read_only_message() { eprintln!("{msg}"); }
//! for w in store.warnings() { eprintln!("{w}"); }
//! let doc = okur::corpus::DocKey::of_text("text");
//! store.apply(Change::Star { doc: doc.clone(), value: true })?; // on disk when Ok
//! store.undo()?;
//! assert!(!store.state().doc(&doc).star);
//! let other = okur::corpus::DocKey::of_text("other");
//! let star = |doc: &okur::corpus::DocKey| Change::Star { doc: doc.clone(), value: true };
//! store.apply_all(vec![star(&doc), star(&other)])?; // one line, one undo step
//! store.undo()?;
//! assert!(!store.state().doc(&doc).star && !store.state().doc(&other).star);
//! # Ok(()) }
//! ```

mod batch;
mod change;
mod compaction;
mod copies;
mod edit_log;
mod effective;
pub mod export;
mod history;
mod inverse;
mod journal;
mod model;
mod outbox;
mod paths;
mod private;
mod pushes;
mod replay;
mod snapshot;
mod triage_table;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use change::BatchError;
pub use copies::adopt_moved;
pub use effective::{
    EffectiveSpan, Origin, Suggestion, accepted_names, effective_spans, find_name, fits, misfits,
};
pub use history::{History, UNDO_LIMIT};
pub use journal::{Journal, ReadOnly, Release};
pub use model::{Change, Decision, DocState, Label, Name, Relevance, Source, Span, State};
pub use outbox::{Outbox, Outgoing, cursor_path};
pub use paths::{default_store_path, resolve_store_path, store_path_from};
pub use private::{FILE_MODE, FOLDER_MODE, create_folder, private_file, write_whole};
pub use replay::{Replay, Warning, read_journal};
pub use triage_table::{TriageFlags, TriageTable};

use crate::corpus::DocKey;

/// Why the store could not be opened or written. Every variant about a file names it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file operation failed.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// What was being done ("open", "write to", "lock", ...).
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The store is read-only and a change was attempted.
    #[error("{path} is read-only: {reason}")]
    ReadOnly {
        /// The journal.
        path: PathBuf,
        /// Why (see [`ReadOnly::reason`]).
        reason: String,
    },
    /// No path for the store could be found.
    #[error("no place for the store: set XDG_DATA_HOME or HOME, or pass --store FILE")]
    NoPath,
    /// A batch holds something other than plain changes; nothing was written.
    #[error("cannot save: {0}")]
    Batch(#[from] BatchError),
    /// Compaction was asked for while changes still wait for the team server: it would
    /// lose them.
    #[error("not compacted: {waiting} changes are not yet on the team server")]
    Unpushed {
        /// How many changes wait.
        waiting: usize,
    },
}

impl StoreError {
    pub(crate) fn io(action: &'static str, path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

/// How long the reader waits at start-up for another okur to free the journal's lock (one
/// ending after a hang-up frees it within a tenth of a second) before opening read-only.
pub const LOCK_WAIT: Duration = Duration::from_millis(1500);

/// A journal is compacted at open only when it has more lines than this: below it, replay
/// takes about a millisecond and rewriting would gain nothing.
pub const COMPACT_MIN_LINES: usize = 1000;

/// A journal is compacted at open only when it also has more than this many times the
/// lines its state and history need.
pub const COMPACT_FACTOR: usize = 2;

/// What [`Store::apply`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// The change was journalled (on disk) and applied.
    Saved,
    /// The change would not alter anything; nothing was written.
    Unchanged,
}

/// The annotation and triage store: journal plus replayed state and history.
#[derive(Debug)]
pub struct Store {
    journal: Journal,
    history: History,
    warnings: Vec<Warning>,
    /// In team mode: the changes not yet on the server (see [`Store::track_pushes`]).
    outbox: Option<Outbox>,
}

impl Store {
    /// Opens (creating if needed) the journal at `path` for writing and replays it. When
    /// another okur holds the lock, or the journal cannot be written, the store opens
    /// read-only with everything in it: see [`Store::read_only_message`]. Damaged lines are
    /// skipped and listed in [`Store::warnings`].
    ///
    /// A writable journal far longer than its history needs is compacted here, keeping the
    /// state and every undo and redo level (see [`Store::compact_if_long`]).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_waiting(path, Duration::ZERO)
    }

    /// [`Store::open`], waiting up to `wait` for another okur to free the lock.
    pub fn open_waiting(path: &Path, wait: Duration) -> Result<Store, StoreError> {
        let (journal, replay) = Journal::open(path, wait)?;
        let lines = replay.entries.len();
        let damaged = replay
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Corrupt { .. }));
        // A journal once pushed to a team server keeps its push cursor, with or without
        // `--team`: compaction must not lose what is not yet on the server.
        let track = !journal.is_read_only() && cursor_path(path).exists();
        let (mut store, made) = Store::replayed(journal, replay, track);
        if track {
            store.outbox = Outbox::load(path, made, false)?;
        }
        // Unreadable lines are left for a human to look at: compaction would delete them.
        if !damaged && !store.is_read_only() {
            store.compact_if_long(lines);
        }
        Ok(store)
    }

    /// Opens the journal read-only, without taking the lock or creating files (for exports
    /// while the TUI runs). A missing journal gives an empty store.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let (journal, replay) = Journal::open_read_only(path)?;
        Ok(Store::from_replay(journal, replay))
    }

    fn from_replay(journal: Journal, replay: Replay) -> Store {
        Store::replayed(journal, replay, false).0
    }

    /// The store a replay gives, and when `keep_made` what each entry made (for the outbox).
    fn replayed(journal: Journal, replay: Replay, keep_made: bool) -> (Store, Vec<Option<Change>>) {
        let mut history = History::default();
        let mut made = Vec::new();
        for entry in &replay.entries {
            let change = history.commit(entry);
            if keep_made {
                made.push(change);
            }
        }
        let store = Store {
            journal,
            history,
            warnings: replay.warnings,
            outbox: None,
        };
        (store, made)
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        self.journal.path()
    }

    /// True when changes cannot be saved.
    pub fn is_read_only(&self) -> bool {
        self.journal.is_read_only()
    }

    /// Why changes cannot be saved, or `None` while they can.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.journal.read_only()
    }

    /// Set when the store was to be written but cannot be: a message for the status line
    /// that says why and what follows.
    pub fn read_only_message(&self) -> Option<String> {
        let path = self.path().display();
        match self.read_only()? {
            ReadOnly::Requested => None,
            ReadOnly::Locked => Some(format!(
                "read-only: another okur holds the store {path}; changes are not saved until it quits"
            )),
            ReadOnly::NotWritable(why) => Some(format!(
                "read-only: {path} is not writable ({why}); changes will not be saved"
            )),
            other => Some(format!("read-only: {path}: {}", other.reason())),
        }
    }

    /// When another okur held the lock at open and has since let it go: takes the lock and
    /// replays the journal anew (the other okur's changes included). True when the store
    /// can now be written.
    pub fn try_write(&mut self) -> Result<bool, StoreError> {
        if self.read_only() != Some(ReadOnly::Locked) {
            return Ok(!self.is_read_only());
        }
        // Tried at every change while read-only: the journal is read only once it is ours.
        let Ok((journal, replay)) = Journal::open_writer(self.path(), Duration::ZERO)? else {
            return Ok(false);
        };
        let track = cursor_path(self.path()).exists();
        let (fresh, made) = Store::replayed(journal, replay, track);
        if track {
            self.outbox = Outbox::load(self.path(), made, false)?;
        }
        self.history = fresh.history;
        self.warnings = fresh.warnings;
        self.journal.adopt(fresh.journal);
        Ok(true)
    }

    /// A handle that gives up the journal's lock from another thread, for a signal watcher:
    /// see [`Release::release`].
    pub fn release_handle(&self) -> Release {
        self.journal.release()
    }

    /// What replay found wrong with the journal (torn last line, corrupt lines), and facts
    /// worth telling (a journal others can read, a failed compaction).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// All the warnings in one line for a status line: the only one, or how many lines
    /// were skipped with the first of them, then the others.
    pub fn warnings_summary(&self) -> Option<String> {
        summary(&self.warnings)
    }

    /// The current state.
    pub fn state(&self) -> &State {
        self.history.state()
    }

    /// The current state, shared: the reader holds this between changes instead of a copy.
    /// A change made while a holder still has it copies the state once, so a holder that
    /// wants changes to stay cheap gives its handle back first.
    pub fn shared_state(&self) -> std::sync::Arc<State> {
        self.history.shared_state()
    }

    /// The state of one document.
    pub fn doc(&self, key: &DocKey) -> &DocState {
        self.state().doc(key)
    }

    /// The effective spans of a document (see [`effective_spans`]).
    pub fn effective_spans(
        &self,
        key: &DocKey,
        text: &str,
        suggestions: &[Suggestion],
    ) -> Vec<EffectiveSpan> {
        effective_spans(text, self.doc(key), suggestions, self.state())
    }

    /// True when [`Store::undo`] has something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when [`Store::redo`] has something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The change [`Store::undo`] would undo, as it was made (not its inverse), if any:
    /// what to tell the user was undone.
    pub fn next_undo(&self) -> Option<&Change> {
        self.history.next_undo()
    }

    /// The change [`Store::redo`] would redo, if any.
    pub fn next_redo(&self) -> Option<&Change> {
        self.history.next_redo()
    }

    /// Journals `change` (written and fsync'd) and then applies it. A change that would alter
    /// nothing is not written ([`Applied::Unchanged`]). `undo`/`redo` markers are accepted
    /// too and behave as [`Store::undo`]/[`Store::redo`]. On error nothing changes.
    ///
    /// A [`Change::Batch`] is one journal line (one fsync: after a crash all of its parts are
    /// there or none) and one undo step. Only its parts that change something are written;
    /// an empty batch, or one whose parts change nothing or cancel out, is
    /// [`Applied::Unchanged`]. A batch holding a batch, a marker or `seen` is refused with
    /// [`StoreError::Batch`].
    pub fn apply(&mut self, change: Change) -> Result<Applied, StoreError> {
        change.check_batch()?;
        let Some(entry) = self.history.effective(change) else {
            return Ok(Applied::Unchanged);
        };
        self.journal.append(&entry)?;
        let made = self.history.commit(&entry);
        self.queue(made);
        Ok(Applied::Saved)
    }

    /// Journals `changes` as one [`Change::Batch`]: see [`Store::apply`].
    pub fn apply_all(&mut self, changes: Vec<Change>) -> Result<Applied, StoreError> {
        self.apply(Change::Batch { changes })
    }

    /// Undoes the latest change; returns the change applied to do so (the inverse), or
    /// `None` when there is nothing to undo. The undo itself is journalled.
    pub fn undo(&mut self) -> Result<Option<Change>, StoreError> {
        self.marker(Change::Undo)
    }

    /// Redoes the latest undone change and returns it, or `None` when there is none.
    pub fn redo(&mut self) -> Result<Option<Change>, StoreError> {
        self.marker(Change::Redo)
    }

    fn marker(&mut self, marker: Change) -> Result<Option<Change>, StoreError> {
        if !self.history.is_effective(&marker) {
            return Ok(None);
        }
        self.journal.append(&marker)?;
        let made = self.history.commit(&marker);
        self.queue(made.clone());
        Ok(made)
    }
}

/// See [`Store::warnings_summary`].
fn summary(warnings: &[Warning]) -> Option<String> {
    let skipped: Vec<&Warning> = warnings
        .iter()
        .filter(|w| matches!(w, Warning::TornTail { .. } | Warning::Corrupt { .. }))
        .collect();
    let others = warnings
        .iter()
        .filter(|w| !matches!(w, Warning::TornTail { .. } | Warning::Corrupt { .. }));
    let mut parts: Vec<String> = match skipped[..] {
        [] => Vec::new(),
        [one] => vec![one.to_string()],
        [first, ..] => vec![format!("{} journal lines skipped: {first}", skipped.len())],
    };
    parts.extend(others.map(ToString::to_string));
    (!parts.is_empty()).then(|| parts.join(" · "))
}
