//! Compaction of the store's journal: at open when it is far longer than its history needs,
//! or on request; never while changes wait for the team server.

use super::model::Change;
use super::outbox::Outbox;
use super::replay::Warning;
use super::{COMPACT_FACTOR, COMPACT_MIN_LINES, Store, StoreError};

impl Store {
    /// Compacts the journal, which has `lines` entries, when they are more than
    /// [`COMPACT_MIN_LINES`] and more than [`COMPACT_FACTOR`] times what the history needs.
    /// Unlike [`Store::compact`] this keeps the undo and redo history: a restart after it
    /// undoes and redoes exactly what the journal did before (see [`History::compacted`](super::History::compacted)).
    /// What goes: undo and redo markers that cancel out, changes undone and then replaced
    /// by a new change (no longer redoable), and steps older than [`UNDO_LIMIT`](super::UNDO_LIMIT). A failure
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
        // Quietly not now while changes wait for the team server: a later open will.
        if !self.begin_compaction().unwrap_or(false) {
            return false;
        }
        let done = self.journal.rewrite(&entries);
        let kept = if done.is_ok() { entries.len() } else { lines };
        let ended = self.end_compaction(kept);
        match done.and(ended) {
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
    ///
    /// In team mode it is refused with [`StoreError::Unpushed`] while changes wait.
    pub fn compact(&mut self) -> Result<(), StoreError> {
        if !self.begin_compaction()? {
            let waiting = self.outbox.as_ref().map_or(0, Outbox::waiting);
            return Err(StoreError::Unpushed { waiting });
        }
        let mut entries = self.state().snapshot();
        entries.push(Change::Checkpoint);
        let lines = self.history_entries();
        let done = self.journal.rewrite(&entries);
        let kept = if done.is_ok() { entries.len() } else { lines };
        self.end_compaction(kept)?;
        done?;
        self.history.clear_history();
        Ok(())
    }

    /// Without an outbox, true; else whether nothing waits, durably marking the compaction
    /// begun (see `outbox.rs`).
    fn begin_compaction(&self) -> Result<bool, StoreError> {
        self.outbox
            .as_ref()
            .map_or(Ok(true), Outbox::begin_compaction)
    }

    /// After a compaction that left `entries` journal entries: all are on the server. A
    /// journal that stopped writing (a compaction failed half-way) keeps the mark, and the
    /// next open settles it.
    fn end_compaction(&self, entries: usize) -> Result<(), StoreError> {
        match &self.outbox {
            Some(outbox) if !self.is_read_only() => outbox.end_compaction(entries),
            _ => Ok(()),
        }
    }

    /// The number of entries the journal holds now, as the outbox counts them.
    fn history_entries(&self) -> usize {
        self.outbox.as_ref().map_or(0, Outbox::entries)
    }
}
