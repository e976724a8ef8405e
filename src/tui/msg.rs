//! Everything that can happen to the reader, as one type: what the user does (keys, paste,
//! mouse, a resize) and what comes back from work done outside `update` (a search answered,
//! extraction progress, the corpus loaded, a change saved). The loop turns each into a
//! [`Msg`] and hands it to [`update`](super::update::update); nothing else changes the app.

use super::action::Action;
use super::key::Key;
use super::search::SearchOutcome;
use crate::corpus::LoadReport;
use crate::extract::MentionTable;
use crate::store::State;

/// One thing that happened.
#[derive(Debug)]
pub enum Msg {
    /// A key press, already converted from the terminal's event.
    Key(Key),
    /// A named action, as a key bound to it would do in the normal mode (tests, and the
    /// keys the loop resolves itself).
    Action(Action),
    /// Text pasted with bracketed paste: typed into an open prompt, never run as keys.
    Paste(String),
    /// A mouse click or wheel turn.
    Mouse(Mouse),
    /// The terminal changed size.
    Resize,
    /// The filter line's search answered.
    SearchAnswered(SearchOutcome),
    /// Extraction progress: documents done, and in all.
    ExtractionProgress(usize, usize),
    /// Extraction finished.
    ExtractionDone(Box<MentionTable>),
    /// The extraction thread died: why.
    ExtractionFailed(String),
    /// More titles of a corpus opened titles first: stand-ins for them join the list.
    TitlesArrived(super::loading::TitleBatch),
    /// The full documents arrived (they replace the title-only stand-ins).
    CorpusLoaded(Box<LoadReport>),
    /// The full load failed: why.
    LoadFailed(String),
    /// Changes reached the journal (fsync'd): the saved state (the store's, shared), and
    /// what the status line should say about them (`None` for the implicit read mark).
    Saved(std::sync::Arc<State>, Option<String>),
    /// A change did not reach the journal, or could not be undone or redone: why.
    NotSaved(String),
    /// An undo or redo changed this document: the list cursor goes to it, so that the
    /// next key acts on the document that came back (archive, undo, archive again).
    UndoneAt(crate::corpus::DocKey),
    /// The display mode changed; what the terminal memory said about remembering it.
    DisplayChanged(String),
    /// The feeds fetch started by the fetch key moved on.
    Fetch(super::fetching::FetchEvent),
    /// A reload read the files again: the documents as they are on disk now.
    Reloaded(Box<LoadReport>),
    /// A reload failed: why (the documents stay as they were).
    ReloadFailed(String),
    /// Team mode: the sync thread merged new changes from the team.
    TeamArrived(Box<super::team::TeamShown>),
}

/// A mouse event, in screen cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    /// What the mouse did.
    pub kind: MouseKind,
    /// Column, from 0 at the left.
    pub column: u16,
    /// Row, from 0 at the top.
    pub row: u16,
}

/// What a mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// The left button went down.
    Click,
    /// The wheel turned up (away from the user).
    WheelUp,
    /// The wheel turned down.
    WheelDown,
}
