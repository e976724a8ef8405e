//! What `update` asks the runtime to do outside the app: write the journal, search, start
//! background work, talk to the terminal. `update` stays pure; the session carries these
//! out in one place and sends what comes back as messages.

use crate::display::DisplayMode;
use crate::search::EntityItem;
use crate::store::Change;

/// Something `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the event loop.
    Quit,
    /// Journal a change (fsync'd) and apply it.
    Save(Change),
    /// Journal changes together, as one step: all on disk or none, one undo.
    SaveAll(Vec<Change>),
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Draw with this display mode from now on: retune the terminal, remember the choice.
    Display(DisplayMode),
    /// Put this text (logical order, as stored) on the terminal's clipboard, via OSC 52.
    Copy(String),
    /// Ask the search for what the filter line now says (the open document's matches
    /// included); the answer comes back as a message.
    Search(String),
    /// Build the search index over the documents as they are now (they were replaced).
    IndexDocuments,
    /// Hand the search the extracted entities, so the filter line finds them.
    IndexEntities(Vec<EntityItem>),
    /// Start extraction over the documents as they are now.
    Extract,
    /// Stop the process (Ctrl-Z): the terminal is restored, and set up again on `fg`.
    Suspend,
    /// Set the terminal up again and draw every cell anew (Ctrl-L).
    Redraw,
    /// The terminal was resized: say the bidi mode again (some terminals reset it).
    Resized,
    /// Fetch every followed feed on a background thread; progress comes back as messages.
    FetchFeeds,
    /// Read the corpus's files again on a background thread; the documents come back as a
    /// message.
    Reload,
}
