//! `y`: what to copy, as stored. The runtime writes it to the terminal's clipboard (OSC 52);
//! this only picks the text and says what happened.

use super::app::{App, Focus};
use super::caret;
use super::effect::Effect;
use crate::display::MAX_COPY_BYTES;

/// Copies the selection, else the span under the caret, else the caret's sentence (which
/// ends at a line break, so at most its paragraph line), in logical order.
pub fn copy(app: &mut App) -> Vec<Effect> {
    if app.focus != Focus::Reader {
        app.status.say("copy works in the reading pane (Tab to it)");
        return Vec::new();
    }
    let Some((start, end)) = copy_range(app) else {
        app.status
            .say("nothing to copy: select with v or put the caret on text");
        return Vec::new();
    };
    let text = app
        .open_doc()
        .and_then(|d| d.text_in(start..end))
        .map(|t| t.trim().to_string())
        .unwrap_or_default();
    if text.is_empty() {
        app.status
            .say("nothing to copy: select with v or put the caret on text");
        return Vec::new();
    }
    // Said before sending: a terminal that drops a long sequence would do so silently.
    if text.len() > MAX_COPY_BYTES {
        app.status.say(format!(
            "too long to copy: {} bytes (at most {MAX_COPY_BYTES})",
            text.len()
        ));
        return Vec::new();
    }
    app.reader.anchor = None;
    let copied = super::status::counted(text.chars().count(), "character");
    app.status.say(format!(
        "copied {copied} (OSC 52: the terminal must allow clipboard writes)"
    ));
    vec![Effect::Copy(text)]
}

/// Copies the url of the article under the list cursor (from the list) or of the open one
/// (elsewhere), as its source gave it.
pub fn copy_url(app: &mut App) -> Vec<Effect> {
    let doc = match app.focus {
        Focus::List => app.selected_doc(),
        _ => Some(app.reader.doc),
    };
    let url = doc
        .and_then(|d| app.corpus.docs.get(d))
        .and_then(|d| d.meta.as_ref())
        .and_then(|m| m.url.clone());
    let Some(url) = url.filter(|u| !u.is_empty() && u.len() <= MAX_COPY_BYTES) else {
        app.status
            .say("no url to copy: this document did not come with one");
        return Vec::new();
    };
    app.status.say(format!(
        "copied the url {url} (OSC 52: the terminal must allow clipboard writes)"
    ));
    vec![Effect::Copy(url)]
}

/// The byte range `y` copies, if any.
fn copy_range(app: &App) -> Option<(usize, usize)> {
    if let Some(range) = caret::selection(app) {
        return Some(range);
    }
    // The caret stays on the row before a blank one: copying there would copy a sentence
    // the cursor is not on.
    caret::cursor_line(app)?;
    if let Some(span) = super::annotate::span_under_caret(app) {
        return Some((span.start, span.end));
    }
    sentence_around(&app.open_doc()?.text().ok()?, app.reader.caret)
}

/// The sentence that holds `at`: from the last sentence start at or before it to the next.
fn sentence_around(text: &str, at: usize) -> Option<(usize, usize)> {
    let starts = caret::sentence_starts(text);
    let i = starts.partition_point(|&s| s <= at).checked_sub(1)?;
    let start = *starts.get(i)?;
    let end = starts.get(i + 1).copied().unwrap_or(text.len());
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_the_caret() {
        let text = "Bir iki. Üç dört!\nBeş";
        let at = text.find("dört").expect("in text");
        let (s, e) = sentence_around(text, at).expect("a sentence");
        assert_eq!(text[s..e].trim(), "Üç dört!");
        let at = text.find("Beş").expect("in text");
        let (s, e) = sentence_around(text, at).expect("a sentence");
        assert_eq!(&text[s..e], "Beş");
    }
}
