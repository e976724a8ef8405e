//! okur's own JSONL: per document one triage line
//! `{"doc","read","star","archived","relevance","tags","note"}`, then one line per span
//! `{"doc","kind","start","end","text","source"}` with byte offsets. `doc` is the path as
//! given; `kind` is `person`, `place`, `date` or the custom label. The triage line of an
//! article with a url (from a feed, page, dump or archive) also has `"url"`.

use serde::Serialize;

use super::ExportDoc;
use crate::store::model::{Relevance, Source};

#[derive(Serialize)]
struct TriageLine<'a> {
    doc: &'a str,
    read: bool,
    star: bool,
    archived: bool,
    relevance: Relevance,
    tags: Vec<&'a str>,
    note: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct SpanLine<'a> {
    doc: &'a str,
    kind: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    source: Source,
}

/// The lines (each ending in a newline) of one document.
pub fn jsonl(doc: &ExportDoc) -> String {
    let t = doc.triage;
    let triage = TriageLine {
        doc: doc.path,
        read: t.read,
        star: t.star,
        archived: t.archived,
        relevance: t.relevance,
        tags: t.tags.iter().map(String::as_str).collect(),
        note: &t.note,
        url: doc.url,
    };
    let mut out = line(&triage);
    for s in &doc.spans {
        out.push_str(&line(&SpanLine {
            doc: doc.path,
            kind: s.kind.name(),
            start: s.start,
            end: s.end,
            text: &s.text,
            source: s.source,
        }));
    }
    out
}

fn line(value: &impl Serialize) -> String {
    let mut s = crate::json::to_string(value).unwrap_or_default();
    s.push('\n');
    s
}
