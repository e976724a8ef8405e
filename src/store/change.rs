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
/// unread document) changes the state but not the history.
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
}

impl Change {
    /// True for `undo`, `redo` and `checkpoint`, which change history rather than state.
    pub fn is_marker(&self) -> bool {
        matches!(self, Change::Undo | Change::Redo | Change::Checkpoint)
    }
}
