//! Exports of the store: brat standoff, CoNLL BIO, doccano JSONL and okur's own JSONL.
//!
//! What is exported for a document: its stored spans (drawn by the user or accepted
//! suggestions journalled as `add_span`) plus the hits of accepted names found by text
//! search, as [`effective_spans`] gives them without extractor suggestions; and its triage
//! state. Every span is checked against the document text before anything is written
//! (inside the text, on character boundaries, and for stored spans the same text as when
//! it was made); a bad span is an [`ExportError::BadSpan`] naming document and offsets,
//! and [`prepare_skipping`] leaves it out and exports the rest.
//!
//! Offset units: brat and doccano count characters (Unicode code points), as those tools do;
//! okur's JSONL counts bytes, like every other okur offset.

pub mod brat;
pub mod conll;
pub mod doccano;
pub mod jsonl;
pub mod team;

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;

use super::effective::{Origin, effective_spans};
use super::model::{DocState, Label, Source, State};
use crate::corpus::{Corpus, Document, TextError};
use crate::kind::Kind;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A span does not fit the document text.
    #[error("{doc}: span {start}..{end}: {problem}")]
    BadSpan {
        /// Document path.
        doc: String,
        /// Byte offset of the start.
        start: usize,
        /// Byte offset of the end.
        end: usize,
        /// What is wrong.
        problem: String,
    },
    /// Output could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or folder (`-` for standard output).
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A document's text held in memory did not read back (a bug, see [`TextError`]).
    #[error(transparent)]
    Text(#[from] TextError),
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// brat standoff: a `.txt` and an `.ann` per document (needs a folder).
    Brat,
    /// CoNLL BIO: `token LABEL` per line.
    Conll,
    /// doccano sequence labelling JSONL.
    Doccano,
    /// okur's own JSONL: spans and triage state.
    Jsonl,
}

impl Format {
    /// The file name used when a single-file format is written into a folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Brat => "okur.ann",
            Format::Conll => "okur.conll",
            Format::Doccano => "okur.doccano.jsonl",
            Format::Jsonl => "okur.jsonl",
        }
    }
}

/// A span checked against its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Kind.
    pub kind: Label,
    /// The covered text.
    pub text: String,
    /// Drawn by the user, or accepted.
    pub source: Source,
}

/// One document ready for export.
#[derive(Debug, Clone)]
pub struct ExportDoc<'a> {
    /// The path as given.
    pub path: &'a str,
    /// The document text (decompressed from the corpus's, or borrowed).
    pub text: Cow<'a, str>,
    /// Where the article lives on the web, when its feed, page, dump or archive said.
    pub url: Option<&'a str>,
    /// Triage state.
    pub triage: &'a DocState,
    /// Checked spans, by start then end.
    pub spans: Vec<ExportSpan>,
}

/// Every document of a corpus ready for export, and the spans left out of it.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The documents, each with the spans that fit its text.
    pub docs: Vec<ExportDoc<'a>>,
    /// The spans that do not fit their document, each as [`ExportError::BadSpan`].
    pub skipped: Vec<ExportError>,
}

/// Prepares every document of a corpus, checking all spans: one that does not fit its
/// text is left out and listed in [`Prepared::skipped`]; the rest is exported.
/// A text that does not read back is the error.
pub fn prepare_skipping<'a>(
    corpus: &'a Corpus,
    state: &'a State,
) -> Result<Prepared<'a>, ExportError> {
    let mut skipped = Vec::new();
    let docs = corpus
        .docs
        .iter()
        .map(|d| prepare_document(d, state, &mut skipped))
        .collect::<Result<_, ExportError>>()?;
    Ok(Prepared { docs, skipped })
}

/// Prepares one document of a corpus, as [`prepare_skipping`] does each: the spans that do
/// not fit its text are added to `skipped` and left out. Lets an export stream one text at
/// a time without a corpus around it. A text that does not read back is the error.
pub fn prepare_document<'a>(
    doc: &'a Document,
    state: &'a State,
    skipped: &mut Vec<ExportError>,
) -> Result<ExportDoc<'a>, ExportError> {
    let text = doc.text()?;
    Ok(ExportDoc {
        url: doc.url(),
        ..prepare_doc_skipping(&doc.path, text, state.doc(&doc.key), state, skipped)
    })
}

/// Prepares every document of a corpus, checking all spans; the first that does not fit
/// its text is the error.
pub fn prepare<'a>(
    corpus: &'a Corpus,
    state: &'a State,
) -> Result<Vec<ExportDoc<'a>>, ExportError> {
    let prepared = prepare_skipping(corpus, state)?;
    match prepared.skipped.into_iter().next() {
        Some(bad) => Err(bad),
        None => Ok(prepared.docs),
    }
}

/// Prepares one document: its effective spans (no suggestions), each checked; the first
/// that does not fit is the error.
pub fn prepare_doc<'a>(
    path: &'a str,
    text: &'a str,
    triage: &'a DocState,
    state: &State,
) -> Result<ExportDoc<'a>, ExportError> {
    let mut skipped = Vec::new();
    let doc = prepare_doc_skipping(path, Cow::Borrowed(text), triage, state, &mut skipped);
    match skipped.into_iter().next() {
        Some(bad) => Err(bad),
        None => Ok(doc),
    }
}

/// Prepares one document, leaving out (and adding to `skipped`) the spans that do not fit.
fn prepare_doc_skipping<'a>(
    path: &'a str,
    text: Cow<'a, str>,
    triage: &'a DocState,
    state: &State,
    skipped: &mut Vec<ExportError>,
) -> ExportDoc<'a> {
    let before = skipped.len();
    for s in &triage.spans {
        if let Err(bad) = check_span(path, &text, s.start, s.end, Some(&s.text)) {
            skipped.push(bad);
        }
    }
    // Only when a stored span is bad is the state copied, without it.
    let fitting;
    let spans_from = if skipped.len() == before {
        triage
    } else {
        let mut kept = triage.clone();
        kept.spans
            .retain(|s| check_span(path, &text, s.start, s.end, Some(&s.text)).is_ok());
        fitting = kept;
        &fitting
    };
    let mut spans = Vec::new();
    for s in effective_spans(&text, spans_from, &[], state) {
        match check_span(path, &text, s.start, s.end, None) {
            Ok(covered) => spans.push(ExportSpan {
                start: s.start,
                end: s.end,
                kind: s.kind,
                text: covered.to_string(),
                source: match s.origin {
                    Origin::User => Source::User,
                    Origin::Accepted | Origin::Suggested => Source::Accepted,
                },
            }),
            Err(bad) => skipped.push(bad),
        }
    }
    ExportDoc {
        path,
        text,
        url: None,
        triage,
        spans,
    }
}

/// Checks that `start..end` is a non-empty byte range inside `text` on character boundaries
/// and, when `expected` is given, covers exactly that text. Returns the covered text.
pub fn check_span<'t>(
    doc: &str,
    text: &'t str,
    start: usize,
    end: usize,
    expected: Option<&str>,
) -> Result<&'t str, ExportError> {
    let bad = |problem: String| ExportError::BadSpan {
        doc: doc.to_string(),
        start,
        end,
        problem,
    };
    if start >= end {
        return Err(bad("empty or reversed range".into()));
    }
    if end > text.len() {
        return Err(bad(format!(
            "past the end of the text ({} bytes)",
            text.len()
        )));
    }
    let covered = text
        .get(start..end)
        .ok_or_else(|| bad("not on character boundaries".into()))?;
    match expected {
        Some(want) if want != covered => Err(bad(format!(
            "text is {covered:?}, annotation says {want:?}"
        ))),
        _ => Ok(covered),
    }
}

/// Converts byte offsets to character (code point) offsets of one text.
#[derive(Debug)]
pub struct CharIndex {
    starts: Vec<usize>,
    len: usize,
}

impl CharIndex {
    /// Indexes the character boundaries of `text`.
    pub fn new(text: &str) -> CharIndex {
        CharIndex {
            starts: text.char_indices().map(|(i, _)| i).collect(),
            len: text.len(),
        }
    }

    /// The number of characters before byte offset `byte` (a character boundary).
    pub fn chars(&self, byte: usize) -> usize {
        if byte >= self.len {
            return self.starts.len();
        }
        self.starts.partition_point(|&s| s < byte)
    }
}

/// The short upper-case label used by brat, CoNLL and doccano: `PER`, `LOC`, `DATE`, or the
/// custom name upper-cased with anything but letters, digits, `-` and `_` turned into `_`.
pub fn short_label(kind: &Label) -> String {
    match kind {
        Label::Entity(Kind::Person) => "PER".into(),
        Label::Entity(Kind::Place) => "LOC".into(),
        Label::Entity(Kind::Date) => "DATE".into(),
        Label::Custom(name) => name
            .to_uppercase()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect(),
    }
}

/// Writes a single-stream format (all but brat) for all documents to `out`.
pub fn write_stream(
    format: Format,
    docs: &[ExportDoc],
    out: &mut impl Write,
) -> std::io::Result<()> {
    for doc in docs {
        let chunk = match format {
            Format::Conll => conll::conll(doc),
            Format::Doccano => doccano::doccano_line(doc),
            Format::Jsonl => jsonl::jsonl(doc),
            Format::Brat => brat::ann(doc),
        };
        out.write_all(chunk.as_bytes())?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_span_refuses_bad_offsets() {
        let text = "Türkiye'ye";
        assert_eq!(
            check_span("d", text, 0, 8, Some("Türkiye")).ok(),
            Some("Türkiye")
        );
        for (s, e) in [(0, 2), (3, 3), (0, 99), (5, 2)] {
            let err = check_span("d", text, s, e, None).expect_err("bad range");
            assert!(
                err.to_string().starts_with(&format!("d: span {s}..{e}")),
                "{err}"
            );
        }
        assert!(check_span("d", text, 0, 7, Some("Türkiye")).is_err());
    }

    #[test]
    fn char_index_counts_code_points() {
        let idx = CharIndex::new("aü تركيا");
        assert_eq!(
            (idx.chars(0), idx.chars(1), idx.chars(3), idx.chars(4)),
            (0, 1, 2, 3)
        );
        assert_eq!(idx.chars(14), 8);
    }

    #[test]
    fn labels() {
        assert_eq!(short_label(&Label::Custom("kurum adı".into())), "KURUM_ADI");
        assert_eq!(short_label(&Label::Entity(Kind::Place)), "LOC");
    }
}
