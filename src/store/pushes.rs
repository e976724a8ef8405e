//! Team mode's hooks in the store: the outbox of changes not yet on the team server (see
//! `outbox.rs`), fed as changes are journalled.

use super::history::History;
use super::model::Change;
use super::outbox::Outbox;
use super::replay::read_journal;
use super::{Store, StoreError};

impl Store {
    /// Team mode: from now on every journalled change also waits in the returned
    /// [`Outbox`] until the team server has it, and a durable push cursor next to the
    /// journal ([`cursor_path`](super::cursor_path)) says how far the journal is pushed. The first time, the
    /// whole journal waits. Refused on a read-only store (the writer pushes).
    pub fn track_pushes(&mut self) -> Result<Outbox, StoreError> {
        if let Some(outbox) = &self.outbox {
            return Ok(outbox.clone());
        }
        if let Some(why) = self.read_only() {
            return Err(StoreError::ReadOnly {
                path: self.path().to_path_buf(),
                reason: why.reason(),
            });
        }
        // The journal is ours (locked): read again, it replays to this very history.
        let made = replay_made(&read_journal(self.path())?.entries);
        let outbox = Outbox::load(self.path(), made, true)?.ok_or(StoreError::NoPath)?;
        self.outbox = Some(outbox.clone());
        Ok(outbox)
    }

    /// The team outbox, when the store tracks pushes.
    pub fn outbox(&self) -> Option<&Outbox> {
        self.outbox.as_ref()
    }

    /// In team mode, puts what a journalled entry made in the outbox.
    pub(super) fn queue(&self, made: Option<Change>) {
        if let Some(outbox) = &self.outbox {
            outbox.add(made);
        }
    }
}

/// What each journal entry makes when replayed in order from nothing.
fn replay_made(entries: &[Change]) -> Vec<Option<Change>> {
    let mut history = History::default();
    entries.iter().map(|entry| history.commit(entry)).collect()
}
