//! Find in the open article (`F`, or Ctrl-F as in a browser): the caret goes to the first
//! match after it as you type, every match is highlighted, `n`/`N` then go from match to
//! match; Enter keeps the find, Esc puts the caret back where it was. Folded as the filter
//! folds (diacritics, dotted/dotless i, Arabic letter forms). One word also matches across
//! scripts, as a name does in the filter (`erdogan` finds ERDOĞAN and أردوغان); several
//! words are found as a phrase, in a row, as a browser finds them (`rus barış`).

use super::action::Action;
use super::app::{App, Focus};
use super::effect::Effect;
use super::mode::{InputKind, Mode, Prompt};
use super::navigate;
use super::view::Panes;
use crate::search::{Query, match_ranges, phrase_ranges};

/// A find in the open document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Find {
    /// The words, as typed.
    pub query: String,
    /// The document searched.
    pub doc: usize,
    /// Byte ranges of the matches, in text order.
    pub ranges: Vec<(usize, usize)>,
    /// Where the caret was when the find opened (Esc goes back there), with its row.
    origin: (usize, usize),
}

/// Opens the find prompt over the open document.
pub fn open(app: &mut App) -> Vec<Effect> {
    if app.open_doc().is_none() {
        app.status.say("no document open: Enter opens one");
        return Vec::new();
    }
    let doc = app.reader.doc;
    app.focus = Focus::Reader;
    app.find = Some(Find {
        query: String::new(),
        doc,
        ranges: Vec::new(),
        origin: (app.reader.caret, app.reader.cursor.selected),
    });
    app.mode = Mode::Prompt(Prompt::new(InputKind::Find, doc, String::new()));
    Vec::new()
}

/// The words changed: the matches are found again and the caret goes to the first one at
/// or after where the find started (wrapping to the first).
pub fn typed(app: &mut App, text: &str, panes: &Panes) {
    let Some(find) = app.find.as_mut() else {
        return;
    };
    let Some(doc) = app.corpus.docs.get(find.doc) else {
        return;
    };
    find.query = text.to_string();
    find.ranges = matches(text, &doc.text().unwrap_or_default());
    let origin = find.origin.0;
    let ranges = find.ranges.clone();
    let first = ranges
        .iter()
        .position(|&(s, _)| s >= origin)
        .or((!ranges.is_empty()).then_some(0));
    match first {
        Some(i) => {
            navigate::show_range(app, panes, ranges[i].0);
            app.status.say(found_message(text, i + 1, ranges.len()));
        }
        None if text.is_empty() => {
            back_to_origin(app);
            app.status.clear();
        }
        None => {
            back_to_origin(app);
            app.status
                .say(format!("find: no match in this article: \"{text}\""));
        }
    }
}

/// Where `words` occur in `text`: one word as the filter finds a name (across scripts),
/// several as a phrase.
fn matches(words: &str, text: &str) -> Vec<(usize, usize)> {
    let ranges = match words.split_whitespace().count() {
        0 => Vec::new(),
        1 => match_ranges(&Query::parse(&format!("'{}", words.trim())), text),
        _ => phrase_ranges(words, text),
    };
    ranges.into_iter().map(|r| (r.start, r.end)).collect()
}

/// Enter: the find stays (highlighted, `n`/`N` go through it); one that found nothing
/// closes (the message that said so stays).
pub fn commit(app: &mut App) {
    let (next, prev) = (
        app.keymap.key_for(Action::NextMatch).unwrap_or_default(),
        app.keymap.key_for(Action::PrevMatch).unwrap_or_default(),
    );
    match app.find.as_ref() {
        Some(find) if !find.ranges.is_empty() => {
            // Which match the caret is on, as `n`/`N` will say it.
            let caret = app.reader.caret;
            let at = find
                .ranges
                .iter()
                .position(|&(s, e)| s <= caret && caret < e);
            let of = find.ranges.len();
            let query = find.query.clone();
            let head = match at {
                Some(i) => found_message(&query, i + 1, of),
                None => format!("find: {of} in this article: \"{query}\""),
            };
            app.status.say(format!("{head} · {next}/{prev} go on"));
        }
        _ => app.find = None,
    }
}

/// Esc in the prompt: the find closes and the caret goes back where it was.
pub fn cancel(app: &mut App) {
    back_to_origin(app);
    app.find = None;
    app.status.clear();
}

/// Puts the caret and the cursor back where the find started.
fn back_to_origin(app: &mut App) {
    if let Some(find) = &app.find
        && find.doc == app.reader.doc
    {
        (app.reader.caret, app.reader.cursor.selected) = find.origin;
    }
}

/// `find 2/5: "lavrov"`: the numbers before the words, so that Arabic words (laid out
/// right to left) never carry the count into their run.
pub fn found_message(query: &str, at: usize, of: usize) -> String {
    format!("find {at}/{of}: \"{query}\"")
}
