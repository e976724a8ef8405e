//! The article's header above its text, dimmed: where it came from and when (the source, the
//! publication time with the offset the source gave, the author), its url, and the other
//! sources of a merged story. Each row is laid out in the document's direction (right-aligned
//! in an Arabic article) with every field isolated (Unicode bidi isolates), so that a Latin
//! name, a date or a url keeps its own order among Arabic words: a url always reads left to
//! right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::super::app::App;
use super::draw_line;
use super::status::fit;
use crate::corpus::{ArticleMeta, Document};
use crate::layout::{document_direction, layout_line};

/// First strong isolate: the field takes the direction of its first strong letter.
const FSI: char = '\u{2068}';
/// Left-to-right isolate: a url, an English label.
const LRI: char = '\u{2066}';
/// Pop directional isolate: ends either.
const PDI: char = '\u{2069}';

/// Between the fields of a row.
const SEPARATOR: &str = " · ";

/// The header's rows for a document, in logical order, bidi isolates included: source,
/// time and author; the url; `also in:` and the other sources. Empty for a document without
/// metadata (a plain text file).
pub fn header_lines(doc: &Document) -> Vec<String> {
    let Some(meta) = doc.meta.as_deref() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let who: Vec<String> = [
        meta.source_name().map(str::to_string),
        meta.published.as_deref().map(published),
        meta.author.clone(),
    ]
    .into_iter()
    .flatten()
    .filter(|f| !f.trim().is_empty())
    .map(|f| isolate(FSI, &f))
    .collect();
    if !who.is_empty() {
        lines.push(who.join(SEPARATOR));
    }
    if let Some(url) = meta.url.as_deref().filter(|u| !u.is_empty()) {
        lines.push(isolate(LRI, url));
    }
    if let Some(also) = also_in(meta) {
        lines.push(also);
    }
    lines
}

/// `also in: A, B`, the label left to right and each source in its own direction.
fn also_in(meta: &ArticleMeta) -> Option<String> {
    let sources: Vec<String> = meta
        .also
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| isolate(FSI, s))
        .collect();
    if sources.is_empty() {
        return None;
    }
    Some(format!(
        "{} {}",
        isolate(LRI, "also in:"),
        sources.join(", ")
    ))
}

/// `text` inside an isolate that `open` starts. Isolate marks inside the text itself are
/// dropped so that it cannot close the isolate early.
fn isolate(open: char, text: &str) -> String {
    let inner: String = text
        .chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("{open}{}{PDI}", inner.trim())
}

/// The publication time as the reader wants it: `2024-03-05 21:30 +03:00` for an RFC 3339
/// time (the source's offset kept, never converted); the source's own words otherwise.
pub fn published(raw: &str) -> String {
    let shown = || -> Option<String> {
        let (date, time) = raw.split_once('T')?;
        let day = ArticleMeta {
            published: Some(raw.to_string()),
            ..ArticleMeta::default()
        };
        day.day()?;
        let clock = time
            .get(..5)
            .filter(|c| c.as_bytes().get(2) == Some(&b':'))?;
        let zone = time
            .find(['+', '-', 'Z', 'z'])
            .and_then(|at| time.get(at..))
            .map(|z| match z {
                "Z" | "z" => "UTC",
                z => z,
            });
        Some(match zone {
            Some(zone) => format!("{date} {clock} {zone}"),
            None => format!("{date} {clock}"),
        })
    };
    shown().unwrap_or_else(|| raw.trim().to_string())
}

/// Draws the header's rows, dimmed, in `area` (one row a line, as many as fit).
pub fn draw(app: &App, doc: &Document, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width);
    if width == 0 {
        return;
    }
    let dir = document_direction(doc);
    let opts = app.layout_base.at_width(width);
    let dim = app.theme.dim;
    for (line, y) in header_lines(doc).iter().zip(area.y..area.y + area.height) {
        if let Some(row) = layout_line(&fit(line, width), &opts, dir) {
            draw_line(buf, area, y, &row, &|_, _| dim);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_keeps_the_sources_offset() {
        assert_eq!(
            published("2024-03-05T21:30:00+03:00"),
            "2024-03-05 21:30 +03:00"
        );
        assert_eq!(published("2024-03-05T21:30:00Z"), "2024-03-05 21:30 UTC");
        assert_eq!(published("dün akşam"), "dün akşam");
        assert_eq!(published("2024-03-05T2"), "2024-03-05T2");
    }

    #[test]
    fn a_field_cannot_close_its_isolate() {
        assert_eq!(isolate(LRI, "a\u{2069}b\n"), "\u{2066}ab\u{2069}");
    }
}
