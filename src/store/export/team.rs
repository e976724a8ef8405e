//! The team view in every export format, each span and value with its author (`okur export
//! --team`, see `cli::team_export`). Spans made alike by several analysts are written once
//! with all their authors:
//! - jsonl: written by `cli::team_export` (one line per span, vote and team value);
//! - doccano: the usual `{"text","label"}` line plus `"authors"` (parallel to `label`),
//!   `"team"` (`{"relevance": {"value","author"}, "tag:NAME": ...}`) and `"votes"`
//!   (`[{"author","field","value"}]`), kept by doccano as metadata;
//! - CoNLL: a third column with the span's authors (`Ankara B-LOC ayse,omar`, `_` outside
//!   spans) and `# team: FIELD = VALUE (AUTHOR)` and `# vote: AUTHOR FIELD = VALUE` lines;
//! - brat: each span's authors as an `AnnotatorNotes` note (`#1<TAB>AnnotatorNotes T1<TAB>
//!   by ayse, omar`); the team's values and votes go in the notes of the first span, since
//!   brat has no place for a document's own attributes.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::{CharIndex, ExportDoc, ExportError, ExportSpan, Format, brat, conll, short_label};

/// A triage value: the team's (last change wins) or one analyst's own.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamValue {
    /// `relevance`, `tag:NAME`, or for votes also `read`, `star`, `archived`, `note`.
    pub field: String,
    /// The value as journalled.
    pub value: Value,
    /// Who set it.
    pub author: String,
}

/// One document of the team export.
#[derive(Debug, Clone)]
pub struct TeamDoc<'a> {
    /// The document with the team's spans (checked, sorted, each range and label once).
    pub doc: ExportDoc<'a>,
    /// The authors of each of `doc.spans`, in the same order.
    pub authors: Vec<Vec<String>>,
    /// The team's relevance and tags.
    pub team: Vec<TeamValue>,
    /// Each analyst's own latest values.
    pub votes: Vec<TeamValue>,
}

impl TeamDoc<'_> {
    fn authors_of(&self, span: &ExportSpan) -> Option<String> {
        let i = self.doc.spans.iter().position(|s| s == span)?;
        Some(self.authors.get(i)?.join(","))
    }

    fn comments(&self) -> Vec<String> {
        let team = self
            .team
            .iter()
            .map(|v| format!("team: {} = {} ({})", v.field, v.value, v.author));
        let votes = self
            .votes
            .iter()
            .map(|v| format!("vote: {} {} = {}", v.author, v.field, v.value));
        team.chain(votes).map(|c| c.replace('\n', " ")).collect()
    }
}

/// The doccano line of one document (see the module doc).
pub fn doccano_line(doc: &TeamDoc) -> String {
    let index = CharIndex::new(&doc.doc.text);
    let label: Vec<Value> = doc
        .doc
        .spans
        .iter()
        .map(|s| {
            json!([
                index.chars(s.start),
                index.chars(s.end),
                short_label(&s.kind)
            ])
        })
        .collect();
    let team: serde_json::Map<String, Value> = doc
        .team
        .iter()
        .map(|v| {
            (
                v.field.clone(),
                json!({"value": v.value, "author": v.author}),
            )
        })
        .collect();
    let votes: Vec<Value> = doc
        .votes
        .iter()
        .map(|v| json!({"author": v.author, "field": v.field, "value": v.value}))
        .collect();
    let mut line = json!({
        "text": doc.doc.text, "label": label, "authors": doc.authors,
        "team": team, "votes": votes,
    });
    if let (Some(url), Some(map)) = (doc.doc.url, line.as_object_mut()) {
        map.insert("url".into(), Value::from(url));
    }
    let mut out = crate::json::to_string(&line).unwrap_or_default();
    out.push('\n');
    out
}

/// The CoNLL text of one document (see the module doc).
pub fn conll(doc: &TeamDoc) -> String {
    conll::conll_with(&doc.doc, &doc.comments(), &|span| match span {
        Some(span) => doc.authors_of(span),
        None => Some("_".into()),
    })
}

/// The brat `.ann` of one document (see the module doc).
pub fn ann(doc: &TeamDoc) -> String {
    let mut out = brat::ann(&doc.doc);
    let extra = doc.comments().join("; ");
    for (i, authors) in doc.authors.iter().enumerate() {
        let mut note = format!("by {}", authors.join(", "));
        if i == 0 && !extra.is_empty() {
            note.push_str(&format!("; {extra}"));
        }
        out.push_str(&format!("#{n}\tAnnotatorNotes T{n}\t{note}\n", n = i + 1));
    }
    out
}

/// Writes the single-stream formats (doccano, CoNLL; jsonl is `cli::team_export`'s).
pub fn write_stream(format: Format, docs: &[TeamDoc], out: &mut impl Write) -> std::io::Result<()> {
    for doc in docs {
        let chunk = match format {
            Format::Doccano => doccano_line(doc),
            Format::Conll => conll(doc),
            Format::Brat => ann(doc),
            Format::Jsonl => continue,
        };
        out.write_all(chunk.as_bytes())?;
    }
    out.flush()
}

/// Writes `STEM.txt` and `STEM.ann` per document into `dir`; returns the `.ann` paths.
pub fn write_brat(dir: &Path, docs: &[TeamDoc]) -> Result<Vec<PathBuf>, ExportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let plain: Vec<ExportDoc> = docs.iter().map(|d| d.doc.clone()).collect();
    let mut written = Vec::new();
    for (doc, stem) in docs.iter().zip(brat::file_stems(&plain)) {
        let txt = dir.join(format!("{stem}.txt"));
        std::fs::write(&txt, doc.doc.text.as_bytes()).map_err(io(&txt))?;
        let ann_path = dir.join(format!("{stem}.ann"));
        std::fs::write(&ann_path, ann(doc)).map_err(io(&ann_path))?;
        written.push(ann_path);
    }
    Ok(written)
}
