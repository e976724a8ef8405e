//! Where the reader was, remembered across launches: the open document (by key), its caret
//! and scroll, and whether the reading pane had the keyboard, per corpus (the paths it was
//! opened from). Kept beside the journal (`journal.place.json` for `journal.jsonl`), written
//! whole on quit; a missing or damaged file only means starting at the top.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::app::{App, Focus};
use super::view::Panes;

/// Corpora remembered at most: the oldest is forgotten first.
const KEEP: usize = 32;

/// Where the reader was in one corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The open document's key, as the journal writes it.
    pub doc: String,
    /// The caret: a byte offset in its text.
    pub caret: usize,
    /// The first row shown.
    pub top: usize,
    /// The reading pane had the keyboard.
    pub reading: bool,
}

/// Every remembered place, the most recent first.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Places {
    places: Vec<(String, Place)>,
}

/// The file of places beside the journal at `journal`.
pub fn places_file(journal: &Path) -> PathBuf {
    journal.with_extension("place.json")
}

/// The name of a corpus: its paths, resolved, one a line (empty for the bundled samples).
fn corpus_name(sources: &[PathBuf]) -> String {
    let resolved: Vec<String> = sources
        .iter()
        .map(|p| p.canonicalize().unwrap_or_else(|_| p.clone()))
        .map(|p| p.display().to_string())
        .collect();
    resolved.join("\n")
}

fn read_places(file: &Path) -> Places {
    crate::corpus::read_small_file(file, 1 << 20)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// The place remembered for the corpus opened from `sources`, if any.
pub fn load(journal: &Path, sources: &[PathBuf]) -> Option<Place> {
    let name = corpus_name(sources);
    read_places(&places_file(journal))
        .places
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, place)| place)
}

/// Where the app is now (`None` while the documents are still title-only stand-ins).
pub fn of(app: &App) -> Option<Place> {
    let doc = app.open_doc().filter(|_| !app.loading)?;
    Some(Place {
        doc: doc.key.to_string(),
        caret: app.reader.caret,
        top: app.reader.cursor.offset,
        reading: app.focus == Focus::Reader,
    })
}

/// Remembers `place` for the corpus opened from `sources`, first among the places.
/// Nothing is written when the journal's folder is gone (moved or renamed while okur ran:
/// the journal went with it), rather than made again for this file alone.
pub fn save(journal: &Path, sources: &[PathBuf], place: Place) -> std::io::Result<()> {
    let file = places_file(journal);
    if file
        .parent()
        .is_some_and(|d| !d.as_os_str().is_empty() && !d.is_dir())
    {
        return Ok(());
    }
    let name = corpus_name(sources);
    let mut all = read_places(&file);
    all.places.retain(|(n, _)| *n != name);
    all.places.insert(0, (name, place));
    all.places.truncate(KEEP);
    let json = serde_json::to_vec(&all).map_err(std::io::Error::other)?;
    crate::store::write_whole(&file, &json)
}

/// Goes back to `place`: its document open with the caret and the first row shown as they
/// were, the list cursor on it. False when the document is not in the corpus any more.
pub fn restore(app: &mut App, panes: &Panes, place: &Place) -> bool {
    let found = app
        .corpus
        .docs
        .iter()
        .position(|d| d.key.to_string() == place.doc);
    let Some(doc) = found else {
        return false;
    };
    let options = app.reader.layout.options();
    app.reader.show(doc, options);
    app.follow_open_doc();
    app.list.select_doc(doc);
    if place.reading {
        app.focus = Focus::Reader;
    }
    super::prepare(app, panes);
    let len = app.corpus.docs.get(doc).map_or(0, |d| d.text_len());
    let caret = place.caret.min(len);
    super::caret::set_caret(app, panes, caret);
    // The same first row when it still shows the caret (the pane may be smaller now).
    let height = panes.reader_height();
    let cursor = &mut app.reader.cursor;
    if place.top <= cursor.selected && cursor.selected < place.top + height {
        cursor.offset = place.top;
    }
    true
}

/// Goes back to the place remembered at start-up, once the documents are in (the place is
/// then used up); says so unless something else is already said.
pub fn go_back(app: &mut App, panes: &Panes, pending: &mut Option<Place>) {
    if app.loading {
        return;
    }
    let Some(place) = pending.take() else {
        return;
    };
    if restore(app, panes, &place)
        && app.status.is_empty()
        && let Some(doc) = app.open_doc()
    {
        let said = format!(
            "back where you were: {}",
            super::update::opened_message(doc)
        );
        app.status.say(said);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_folder_renamed_while_open_is_not_made_again() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let (old, new) = (dir.path().join("data"), dir.path().join("moved"));
        std::fs::create_dir(&old)?;
        let journal = old.join("journal.jsonl");
        std::fs::write(&journal, "")?;
        let place = Place {
            doc: "k:a.txt".to_string(),
            caret: 3,
            top: 0,
            reading: true,
        };
        let sources = [PathBuf::from("a.txt")];
        save(&journal, &sources, place.clone())?;
        assert_eq!(load(&journal, &sources), Some(place.clone()));
        std::fs::rename(&old, &new)?;
        save(&journal, &sources, place)?;
        assert!(!old.exists(), "the old folder was made again");
        Ok(())
    }
}
