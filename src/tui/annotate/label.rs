//! `p`, `l`, `d` and the digits: label the selection, or the word under the caret, at that
//! occurrence only.
//!
//! Without a selection the word under the caret is labelled without a Turkish `'suffix`;
//! when an extracted mention lies inside that word, its bounds are taken instead, so an
//! Arabic proclitic the extractor left out stays out (`ولافروف` labels `لافروف`).
//!
//! The user's own spans decide what a label may do: over exactly the bytes of one, another
//! kind replaces it (one step, one undo) and the same kind changes nothing; inside or
//! across one it is refused with the span named, since the two could not both be shown or
//! exported. Over part of a longer suggestion it replaces the suggestion there.

use super::super::app::App;
use super::super::caret;
use super::super::effect::Effect;
use crate::store::{Change, DocState, Label, Source, Span, fits};

/// Labels the selection, or the word (or the mention in it) under the caret, as `kind`.
pub fn label(app: &mut App, kind: Label) -> Vec<Effect> {
    let Some(doc) = app.reader.plain.get(&app.corpus, app.reader.doc) else {
        return Vec::new();
    };
    let stored = app.state.doc(&doc.key);
    let range = caret::selection(app)
        .or_else(|| word_or_mention(app, &doc.text().unwrap_or_default(), stored));
    let Some((start, end)) = range.filter(|(s, e)| s < e) else {
        app.status
            .say("nothing to label: select with v or put the caret on a word");
        return Vec::new();
    };
    let Some(text) = doc.text_in(start..end).map(|t| t.trim_end().to_string()) else {
        app.status
            .say("cannot label: the selection is not on character boundaries");
        return Vec::new();
    };
    let end = start + text.len();
    let key = doc.key.clone();
    let own: Vec<Span> = stored
        .spans
        .iter()
        .filter(|s| s.source == Source::User && fits(&doc.text().unwrap_or_default(), s))
        .filter(|s| s.start < end && start < s.end)
        .cloned()
        .collect();
    if let Some(other) = own.iter().find(|s| (s.start, s.end) != (start, end)) {
        let how = match other.start <= start && end <= other.end {
            true => "inside",
            false => "overlaps",
        };
        app.status.say(format!(
            "{how} your span \"{}\" ({}): D removes it first",
            other.text,
            other.kind.name()
        ));
        return Vec::new();
    }
    app.reader.anchor = None;
    if own.len() == 1 && own.iter().all(|s| s.kind == kind) {
        app.status
            .say(format!("{text} is already labelled {} here", kind.name()));
        return Vec::new();
    }
    let new = Span {
        start,
        end,
        kind: kind.clone(),
        text: text.clone(),
        source: Source::User,
    };
    if own.is_empty() {
        app.status.say(format!("{text} → {}", kind.name()));
        return vec![Effect::Save(Change::AddSpan {
            doc: key,
            span: new,
        })];
    }
    relabel(app, key, own, new)
}

/// Replaces the user's spans over exactly the new span's bytes by it: the old ones removed
/// and the new one added as one step, so one `u` brings the old label back.
fn relabel(app: &mut App, key: crate::corpus::DocKey, own: Vec<Span>, new: Span) -> Vec<Effect> {
    let old: Vec<&str> = own.iter().map(|s| s.kind.name()).collect();
    app.status.say(format!(
        "{}: {} → {}",
        new.text,
        old.join(", "),
        new.kind.name()
    ));
    let keep = own.iter().any(|s| s.kind == new.kind);
    let mut changes: Vec<Change> = own
        .into_iter()
        .filter(|s| s.kind != new.kind)
        .map(|span| Change::RemoveSpan {
            doc: key.clone(),
            span,
        })
        .collect();
    if !keep {
        changes.push(Change::AddSpan {
            doc: key,
            span: new,
        });
    }
    match changes.len() {
        1 => changes.into_iter().map(Effect::Save).collect(),
        _ => vec![Effect::SaveAll(changes)],
    }
}

/// The word under the caret (see [`caret::word_at`]), or the extracted mention inside it
/// (the one under the caret first, else the first), whose bounds leave out what the
/// extractor found is not part of the name. A word the user labelled whole stays whole, so
/// that another label replaces theirs.
fn word_or_mention(app: &App, text: &str, stored: &DocState) -> Option<(usize, usize)> {
    let at = app.reader.caret;
    let (start, end) = caret::word_at(text, at)?;
    let labelled = stored
        .spans
        .iter()
        .any(|s| s.source == Source::User && (s.start, s.end) == (start, end));
    if labelled {
        return Some((start, end));
    }
    let inside = app
        .open_mentions()
        .filter(|m| start <= m.start() && m.end() <= end && m.start() < m.end());
    let mention = inside.min_by_key(|m| (!(m.start() <= at && at < m.end()), m.start()));
    Some(mention.map_or((start, end), |m| (m.start(), m.end())))
}
