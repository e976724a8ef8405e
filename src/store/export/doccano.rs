//! doccano sequence-labelling JSONL: one line per document,
//! `{"text": "...", "label": [[start, end, "PER"], ...]}`, offsets in characters (code
//! points), as doccano counts them. An article with a url carries it as `"url"`, which
//! doccano keeps as the document's metadata.

use serde::Serialize;

use super::{CharIndex, ExportDoc, short_label};

#[derive(Serialize)]
struct Line<'a> {
    text: &'a str,
    label: Vec<(usize, usize, String)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// The JSONL line (with its newline) of one document.
pub fn doccano_line(doc: &ExportDoc) -> String {
    let index = CharIndex::new(&doc.text);
    let label = doc
        .spans
        .iter()
        .map(|s| {
            (
                index.chars(s.start),
                index.chars(s.end),
                short_label(&s.kind),
            )
        })
        .collect();
    let line = Line {
        text: &doc.text,
        label,
        url: doc.url,
    };
    let mut out = crate::json::to_string(&line).unwrap_or_default();
    out.push('\n');
    out
}
