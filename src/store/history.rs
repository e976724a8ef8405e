//! The state plus its undo and redo stacks, driven by journal entries. The live store and the
//! replay at start-up go through the same [`History::commit`], so the undo stack after a
//! restart is exactly the one before it.

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use super::model::{Change, State};
use crate::corpus::DocKey;

/// How many changes can be undone; older ones drop off the bottom of the stack.
pub const UNDO_LIMIT: usize = 10_000;

/// A change and the change that undoes it, computed against the state it was applied to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    change: Change,
    inverse: Change,
}

/// State with multi-level undo and redo.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// Shared with the reader's view of it: a change writes in place unless a reader still
    /// holds the old state (then that one is copied, once).
    state: Arc<State>,
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl History {
    /// The current state.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The current state, shared rather than copied (see [`super::Store::shared_state`]).
    pub fn shared_state(&self) -> Arc<State> {
        Arc::clone(&self.state)
    }

    /// True when there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The change [`History::commit`] of an `undo` would undo (as it was made, not its
    /// inverse), if any.
    pub fn next_undo(&self) -> Option<&Change> {
        self.undo.back().map(|step| &step.change)
    }

    /// The change [`History::commit`] of a `redo` would redo, if any.
    pub fn next_redo(&self) -> Option<&Change> {
        self.redo.last().map(|step| &step.change)
    }

    /// Would `entry` do anything? False for a change that leaves the state as it is, and for
    /// `undo`/`redo` with nothing to undo/redo. Such entries are not journalled.
    pub fn is_effective(&self, entry: &Change) -> bool {
        match entry {
            Change::Undo => self.can_undo(),
            Change::Redo => self.can_redo(),
            Change::Checkpoint => true,
            change => self.state.inverse(change).is_some(),
        }
    }

    /// What journalling `entry` should write: the entry itself, or for a batch only its
    /// parts that change something (see [`State::prepare`]); `None` when it would do nothing
    /// (see [`History::is_effective`]).
    pub fn effective(&self, entry: Change) -> Option<Change> {
        match entry {
            Change::Batch { .. } => self.state.prepare(&entry).map(|(batch, _)| batch),
            entry => self.is_effective(&entry).then_some(entry),
        }
    }

    /// Performs one journal entry: a change (recorded for undo, clearing redo), an undo, a
    /// redo, or a checkpoint. A batch is one step: one undo takes all its parts back. Returns
    /// the change applied to the state, if any: for `undo` that is the inverse of the undone
    /// change, for `redo` the redone change.
    pub fn commit(&mut self, entry: &Change) -> Option<Change> {
        match entry {
            Change::Undo => {
                let step = self.undo.pop_back()?;
                Arc::make_mut(&mut self.state).apply(&step.inverse);
                let applied = step.inverse.clone();
                self.redo.push(step);
                Some(applied)
            }
            Change::Redo => {
                let step = self.redo.pop()?;
                self.record(step.change.clone());
                Some(step.change)
            }
            Change::Checkpoint => {
                self.undo.clear();
                self.redo.clear();
                None
            }
            seen @ Change::Seen { .. } => {
                self.state.inverse(seen)?;
                Arc::make_mut(&mut self.state).apply(seen);
                Some(seen.clone())
            }
            change => {
                self.redo.clear();
                self.record(change.clone())
            }
        }
    }

    fn record(&mut self, change: Change) -> Option<Change> {
        let (change, inverse) = self.state.prepare(&change)?;
        Arc::make_mut(&mut self.state).apply(&change);
        if self.undo.len() == UNDO_LIMIT {
            self.undo.pop_front();
        }
        self.undo.push_back(Step {
            change: change.clone(),
            inverse,
        });
        Some(change)
    }

    /// Forgets undo and redo (after compaction).
    pub fn clear_history(&mut self) {
        self.commit(&Change::Checkpoint);
    }

    /// The shortest journal that replays to exactly this history: state, undo stack and
    /// redo stack, inverses included.
    ///
    /// It holds: the state the oldest undo step was applied to, as a snapshot; a checkpoint;
    /// every undo step's change, oldest first; the redo steps, applied and undone again so
    /// they are back on the redo stack in the same order; and `seen` lines where a document
    /// was read by opening it, which the steps alone would lose (before a step whose inverse
    /// marks it read again, a `read` or a batch holding one, and at the end).
    ///
    /// `None` when no such journal exists, which takes a read mark on the redo stack: `R`
    /// marks a document unread, opening marks it read, `R` unread again, both are undone
    /// and the first redone. No replay ends unread there (`seen` can raise a read mark, not
    /// lower it), so the journal is left long; any new change clears the redo stack and
    /// with it the case. Also `None` when a read mark an old journal set on a text (a key
    /// without a copy) meets a read step on one of its copies still in the history: the
    /// replay cannot tell whether the copy was opened before or after.
    pub fn compacted(&self) -> Option<Vec<Change>> {
        let mut replay = History::default();
        let mut entries = Vec::new();
        let mut push = |replay: &mut History, entry: Change| {
            replay.commit(&entry);
            entries.push(entry);
        };
        for change in self.base().snapshot() {
            push(&mut replay, change);
        }
        push(&mut replay, Change::Checkpoint);
        for step in self.undo.iter().chain(self.redo.iter().rev()) {
            // Only a read mark can differ here: opening sets it outside the history.
            for doc in read_before(&step.inverse) {
                if !replay.state.doc(doc).read {
                    push(&mut replay, Change::Seen { doc: doc.clone() });
                }
            }
            push(&mut replay, step.change.clone());
        }
        for _ in &self.redo {
            push(&mut replay, Change::Undo);
        }
        // A copy the replay keeps apart may show the read mark through its text here.
        let keys: std::collections::BTreeSet<DocKey> = self
            .state
            .docs()
            .chain(replay.state.docs())
            .map(|(key, _)| key)
            .collect();
        for doc in keys {
            if self.state.doc(&doc).read && !replay.state.doc(&doc).read {
                push(&mut replay, Change::Seen { doc });
            }
        }
        (replay == *self).then_some(entries)
    }

    /// The state before the oldest step still on the undo stack: every field as the first
    /// step touching it (undo steps, then redo steps in redo order) found it. Redo steps
    /// count because only they may say what a read mark was before opening raised it.
    fn base(&self) -> State {
        let mut base = State::clone(&self.state);
        for step in self.redo.iter().chain(self.undo.iter().rev()) {
            base.apply(&step.inverse);
        }
        base
    }
}

/// The documents a step's inverse marks read: those that were read when the step was taken
/// and whose read mark the step changed. For a batch, the last `read` part on a document wins,
/// as it does when the inverse is applied.
fn read_before(inverse: &Change) -> Vec<&DocKey> {
    let parts = match inverse {
        Change::Batch { changes } => changes.as_slice(),
        single => std::slice::from_ref(single),
    };
    let mut marks = BTreeMap::new();
    for part in parts {
        if let Change::Read { doc, value } = part {
            marks.insert(doc, *value);
        }
    }
    marks
        .into_iter()
        .filter(|(_, read)| *read)
        .map(|(doc, _)| doc)
        .collect()
}

#[cfg(test)]
#[path = "history_tests.rs"]
mod tests;
