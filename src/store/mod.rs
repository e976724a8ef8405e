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
mod effective;
pub mod export;
mod history;
mod journal;
mod model;
mod paths;
mod snapshot;

use std::path::{Path, PathBuf};

pub use change::BatchError;
pub use effective::{
    EffectiveSpan, Origin, Suggestion, accepted_names, effective_spans, find_name, fits, misfits,
};
pub use history::{History, UNDO_LIMIT};
pub use journal::{Journal, Replay, Warning, lock_path, read_journal};
pub use model::{Change, Decision, DocState, Label, Name, Relevance, Source, Span, State};
pub use paths::{default_store_path, resolve_store_path, store_path_from};

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
    #[error("cannot save to {path}: the store is read-only (another okur holds it)")]
    ReadOnly {
        /// The journal.
        path: PathBuf,
    },
    /// No path for the store could be found.
    #[error("no place for the store: set XDG_DATA_HOME or HOME, or pass --store FILE")]
    NoPath,
    /// A batch holds something other than plain changes; nothing was written.
    #[error("cannot save: {0}")]
    Batch(#[from] BatchError),
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
    locked_out: bool,
}

impl Store {
    /// Opens (creating if needed) the journal at `path` for writing and replays it. When
    /// another okur holds the lock, the store opens read-only: see
    /// [`Store::read_only_message`]. Damaged lines are skipped and listed in
    /// [`Store::warnings`].
    ///
    /// A writable journal far longer than its history needs is compacted here, keeping the
    /// state and every undo and redo level (see [`Store::compact_if_long`]).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let (journal, replay) = Journal::open(path)?;
        let locked_out = journal.is_read_only();
        let lines = replay.entries.len();
        let damaged = replay
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::Corrupt { .. }));
        let mut store = Store::from_replay(journal, replay, locked_out);
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
        Ok(Store::from_replay(journal, replay, false))
    }

    fn from_replay(journal: Journal, replay: Replay, locked_out: bool) -> Store {
        let mut history = History::default();
        for entry in &replay.entries {
            history.commit(entry);
        }
        Store {
            journal,
            history,
            warnings: replay.warnings,
            locked_out,
        }
    }

    /// The journal's path.
    pub fn path(&self) -> &Path {
        self.journal.path()
    }

    /// True when changes cannot be saved.
    pub fn is_read_only(&self) -> bool {
        self.journal.is_read_only()
    }

    /// Set when another okur holds the lock: a message for the status line.
    pub fn read_only_message(&self) -> Option<String> {
        self.locked_out.then(|| {
            format!(
                "another okur holds the store {}; opened read-only",
                self.path().display()
            )
        })
    }

    /// Lines of the journal that replay skipped (torn last line, corrupt lines).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
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
        self.history.commit(&entry);
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
        Ok(self.history.commit(&marker))
    }

    /// Compacts the journal, which has `lines` entries, when they are more than
    /// [`COMPACT_MIN_LINES`] and more than [`COMPACT_FACTOR`] times what the history needs.
    /// Unlike [`Store::compact`] this keeps the undo and redo history: a restart after it
    /// undoes and redoes exactly what the journal did before (see [`History::compacted`]).
    /// What goes: undo and redo markers that cancel out, changes undone and then replaced
    /// by a new change (no longer redoable), and steps older than [`UNDO_LIMIT`]. A failure
    /// leaves the journal as it was and is listed in [`Store::warnings`].
    /// Returns true when the journal was rewritten.
    pub fn compact_if_long(&mut self, lines: usize) -> bool {
        if lines <= COMPACT_MIN_LINES {
            return false;
        }
        let Some(entries) = self.history.compacted() else {
            return false;
        };
        if lines <= COMPACT_FACTOR * entries.len() {
            return false;
        }
        match self.journal.rewrite(&entries) {
            Ok(()) => true,
            Err(e) => {
                self.warnings.push(Warning::NotCompacted {
                    path: self.path().to_path_buf(),
                    reason: e.to_string(),
                });
                false
            }
        }
    }

    /// Rewrites the journal as the shortest list of changes giving the current state,
    /// followed by a checkpoint. The undo history is dropped.
    pub fn compact(&mut self) -> Result<(), StoreError> {
        let mut entries = self.state().snapshot();
        entries.push(Change::Checkpoint);
        self.journal.rewrite(&entries)?;
        self.history.clear_history();
        Ok(())
    }
}
