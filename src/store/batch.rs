//! Working a change out before it is journalled: [`State::prepare`] gives what will be
//! written and the change that undoes it. For a [`Change::Batch`] the parts apply in order,
//! each to the state the parts before it left, so the batch is run on a copy of just the
//! fields it touches (a document's star, one of its tags, one name's decision...).

use super::model::{Change, State};

impl State {
    /// `change` as it should be journalled now, and the change that undoes it; `None` when it
    /// would leave the state as it is (and for markers, which change no state).
    ///
    /// A plain change is kept as it is. A batch keeps only its parts that change something
    /// (each judged after the parts before it), and its inverse is a batch of the parts'
    /// inverses in reverse order, so undoing it applies them last part first. A batch is
    /// `None` when it is empty, when no part changes anything, or when its parts cancel out.
    pub fn prepare(&self, change: &Change) -> Option<(Change, Change)> {
        let Change::Batch { changes } = change else {
            let inverse = self.inverse(change)?;
            return Some((change.clone(), inverse));
        };
        let mut before = State::default();
        self.copy_touched(change, &mut before);
        let mut after = before.clone();
        let mut parts = Vec::new();
        let mut inverses = Vec::new();
        for part in changes {
            if let Some(inverse) = after.inverse(part) {
                after.apply(part);
                parts.push(part.clone());
                inverses.push(inverse);
            }
        }
        if after == before {
            return None;
        }
        inverses.reverse();
        Some((
            Change::Batch { changes: parts },
            Change::Batch { changes: inverses },
        ))
    }
}

#[cfg(test)]
#[path = "batch_tests.rs"]
mod tests;
