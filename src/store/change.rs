//! [`Change`]: one user action, as journalled.

use serde::{Deserialize, Serialize};

use super::model::{Label, Relevance, Span};
use crate::corpus::DocKey;

/// One user action, journalled as one JSON object tagged by `op`.
///
/// Setting changes carry the new value (`{"op":"star","doc":"..","value":true}`), so the
/// inverse of any change is a change of the same shape. `accept` and `reject` with
/// `value: false` withdraw the decision. `undo`, `redo` and `checkpoint` are markers:
/// a checkpoint (written by compaction) starts a fresh undo history. `seen` (opening an
/// unread document) changes the state but not the history. `batch` groups changes made by
/// one action into one line, one undo step:
/// `{"op":"batch","changes":[{"op":"star","doc":"..","value":true},...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Change {
    /// Mark read as a side effect of opening the document: saved like any change, but not
    /// an undo step (undo is for what the user did on purpose) and it leaves redo alone.
    Seen {
        /// Document.
        doc: DocKey,
    },
    /// Mark read or unread.
    Read {
        /// Document.
        doc: DocKey,
        /// New value.
        value: bool,
    },
    /// Star or unstar.
    Star {
        /// Document.
        doc: DocKey,
        /// New value.
        value: bool,
    },
    /// Archive or unarchive.
    Archive {
        /// Document.
        doc: DocKey,
        /// New value.
        value: bool,
    },
    /// Set the relevance judgement.
    Relevance {
        /// Document.
        doc: DocKey,
        /// New value.
        value: Relevance,
    },
    /// Add (`value: true`) or remove a tag.
    Tag {
        /// Document.
        doc: DocKey,
        /// The tag.
        tag: String,
        /// Present afterwards.
        value: bool,
    },
    /// Replace the note.
    Note {
        /// Document.
        doc: DocKey,
        /// New note.
        value: String,
    },
    /// Add a span annotation.
    AddSpan {
        /// Document.
        doc: DocKey,
        /// The span.
        #[serde(flatten)]
        span: Span,
    },
    /// Remove a span annotation.
    RemoveSpan {
        /// Document.
        doc: DocKey,
        /// The span.
        #[serde(flatten)]
        span: Span,
    },
    /// Accept a name everywhere (or withdraw the acceptance).
    Accept {
        /// Kind.
        kind: Label,
        /// Surface text.
        text: String,
        /// Accepted afterwards.
        value: bool,
    },
    /// Reject a name everywhere (or withdraw the rejection).
    Reject {
        /// Kind.
        kind: Label,
        /// Surface text.
        text: String,
        /// Rejected afterwards.
        value: bool,
    },
    /// Undo the latest change not yet undone.
    Undo,
    /// Redo the latest undone change.
    Redo,
    /// Start of a fresh history (written by compaction): clears undo and redo.
    Checkpoint,
    /// Several changes made by one action (star every marked document, label every
    /// occurrence): one journal line, so on disk all of them or none; applied in order; one
    /// undo step. The parts are plain changes: no batch, marker or `seen` (see
    /// [`Change::check_batch`]).
    Batch {
        /// The parts, in the order they apply.
        changes: Vec<Change>,
    },
}

/// Why a batch cannot be saved (or, read from a journal, replayed): one of its parts is not
/// a plain change. Parts are numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    /// A part is itself a batch.
    #[error("part {part} of the batch is a batch itself; batches do not nest")]
    Nested {
        /// Which part (1-based).
        part: usize,
    },
    /// A part is `undo`, `redo` or `checkpoint`, which act on the history, not the state.
    #[error("part {part} of the batch is a `{op}` marker; a batch holds only changes")]
    Marker {
        /// Which part (1-based).
        part: usize,
        /// The marker's `op`.
        op: &'static str,
    },
    /// A part is `seen`, which is never an undo step, while a batch is one.
    #[error("part {part} of the batch is `seen`, which is not an undo step; save it alone")]
    Seen {
        /// Which part (1-based).
        part: usize,
    },
}

impl Change {
    /// True for `undo`, `redo` and `checkpoint`, which change history rather than state.
    pub fn is_marker(&self) -> bool {
        matches!(self, Change::Undo | Change::Redo | Change::Checkpoint)
    }

    /// The document the change is about, if it is about one document (not for name
    /// decisions, markers and batches).
    pub fn doc(&self) -> Option<&DocKey> {
        use Change::*;
        match self {
            Seen { doc }
            | Read { doc, .. }
            | Star { doc, .. }
            | Archive { doc, .. }
            | Relevance { doc, .. }
            | Tag { doc, .. }
            | Note { doc, .. }
            | AddSpan { doc, .. }
            | RemoveSpan { doc, .. } => Some(doc),
            Accept { .. } | Reject { .. } | Undo | Redo | Checkpoint | Batch { .. } => None,
        }
    }

    /// For a batch, that every part is a plain change: not a batch, a marker or `seen`.
    /// Other changes always pass.
    pub fn check_batch(&self) -> Result<(), BatchError> {
        let Change::Batch { changes } = self else {
            return Ok(());
        };
        for (i, change) in changes.iter().enumerate() {
            let part = i + 1;
            match change {
                Change::Batch { .. } => return Err(BatchError::Nested { part }),
                Change::Seen { .. } => return Err(BatchError::Seen { part }),
                Change::Undo => return Err(BatchError::Marker { part, op: "undo" }),
                Change::Redo => return Err(BatchError::Marker { part, op: "redo" }),
                Change::Checkpoint => {
                    return Err(BatchError::Marker {
                        part,
                        op: "checkpoint",
                    });
                }
                _ => {}
            }
        }
        Ok(())
    }
}
