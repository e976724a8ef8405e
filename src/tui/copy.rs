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
        .and_then(|d| d.text.get(start..end))
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
    sentence_around(&app.open_doc()?.text, app.reader.caret)
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
