//! Undoing a change: the change that restores what [`State::apply`] would overwrite, worked
//! out against the state as it is now (the history records it beside the change).

use super::change::Change;
use super::model::{Decision, Label, State};

impl State {
    /// The change that undoes `change` if it were applied now, or `None` when `change` would
    /// not alter the state (or is a marker). For a batch, a batch (see [`State::prepare`]).
    pub fn inverse(&self, change: &Change) -> Option<Change> {
        if let Change::Batch { .. } = change {
            return self.prepare(change).map(|(_, inverse)| inverse);
        }
        let inv = self.inverse_of(change)?;
        (inv != *change).then_some(inv)
    }

    fn inverse_of(&self, change: &Change) -> Option<Change> {
        use Change::*;
        Some(match change {
            Seen { doc } if self.doc(doc).read => return None,
            Seen { doc } => Read {
                doc: doc.clone(),
                value: false,
            },
            Read { doc, .. } => Read {
                doc: doc.clone(),
                value: self.doc(doc).read,
            },
            Star { doc, .. } => Star {
                doc: doc.clone(),
                value: self.doc(doc).star,
            },
            Archive { doc, .. } => Archive {
                doc: doc.clone(),
                value: self.doc(doc).archived,
            },
            Relevance { doc, .. } => Relevance {
                doc: doc.clone(),
                value: self.doc(doc).relevance,
            },
            Tag { doc, tag, .. } => Tag {
                doc: doc.clone(),
                tag: tag.clone(),
                value: self.doc(doc).tags.contains(tag),
            },
            Note { doc, .. } => Note {
                doc: doc.clone(),
                value: self.doc(doc).note.clone(),
            },
            AddSpan { doc, span } | RemoveSpan { doc, span } => {
                let (doc, span) = (doc.clone(), span.clone());
                match self.doc(&doc).spans.contains(&span) {
                    true => AddSpan { doc, span },
                    false => RemoveSpan { doc, span },
                }
            }
            Accept { kind, text, value } => {
                self.decision_inverse(kind, text, Decision::Accepted, *value)?
            }
            Reject { kind, text, value } => {
                self.decision_inverse(kind, text, Decision::Rejected, *value)?
            }
            // Batches are worked out part by part in `prepare`.
            Undo | Redo | Checkpoint | Batch { .. } => return None,
        })
    }

    /// The change that restores the current decision on a name, or `None` when setting
    /// (`value`) or withdrawing `this` decision would change nothing.
    fn decision_inverse(
        &self,
        kind: &Label,
        text: &str,
        this: Decision,
        value: bool,
    ) -> Option<Change> {
        let now = self.decision(kind, text);
        let after = match (value, now) {
            (true, _) => Some(this),
            (false, Some(d)) if d == this => None,
            (false, now) => now,
        };
        if after == now {
            return None;
        }
        let (kind, text) = (kind.clone(), text.to_string());
        Some(match now.unwrap_or(this) {
            Decision::Accepted => Change::Accept {
                kind,
                text,
                value: now.is_some(),
            },
            Decision::Rejected => Change::Reject {
                kind,
                text,
                value: now.is_some(),
            },
        })
    }
}
