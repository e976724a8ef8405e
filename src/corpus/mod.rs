//! Documents and corpora: loading files, folders and standard input, decoding legacy
//! encodings, and finding each article's title, dateline, language and paragraphs.
//!
//! The decoded text of a document is the single source of truth: every offset elsewhere in
//! okur (layout cells, mentions, annotations, search hits) is a byte offset into
//! [`Document::text`].

mod dateline;
mod decode;
pub mod fast;
mod load;
mod parse;
mod read;
mod walk;

pub use dateline::{day_first, iso_date};
pub use decode::{Decoded, decode_bytes};
pub use load::{LoadError, LoadReport, load_paths, load_seeds, load_stdin, read_stdin_bytes};
pub use parse::{Dateline, ParaKind, Paragraph, Piece, detect_language, parse_document};
pub use read::{DEFAULT_MAX_INPUT_MB, MAX_INPUT_ENV, max_input_bytes, read_small_file};

use serde::Serialize;

/// The language of a document, decided by the letters it contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Turkish (Latin script with Turkish letters or words).
    Tr,
    /// Arabic script.
    Ar,
    /// Anything else, including empty documents.
    Other,
}

impl Lang {
    /// The two-letter code shown in the document list and printed by the CLI.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Tr => "tr",
            Lang::Ar => "ar",
            Lang::Other => "--",
        }
    }
}

/// A stable key for a document: a hash of its decoded text, so moving or renaming a file
/// keeps its annotations.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
pub struct DocKey(pub String);

impl DocKey {
    /// The key of a text: the 128-bit xxh3 hash, as 32 hex digits.
    pub fn of_text(text: &str) -> DocKey {
        DocKey(format!(
            "{:032x}",
            xxhash_rust::xxh3::xxh3_128(text.as_bytes())
        ))
    }
}

/// One article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (or the bare file name for bundled seeds, `-` for stdin).
    pub path: String,
    /// Hash of the text; the key annotations are stored under.
    pub key: DocKey,
    /// The decoded text, byte for byte as stored when the file was UTF-8 (BOM and CR kept).
    pub text: String,
    /// The first non-empty line, trimmed (at most 200 characters).
    pub title: String,
    /// The article's own date line, if one was found.
    pub dateline: Option<Dateline>,
    /// The language by letters.
    pub lang: Lang,
    /// Paragraphs in reading order, each with a map back to [`Document::text`].
    pub paragraphs: Vec<Paragraph>,
    /// What loading had to say about this file (legacy encoding, BOM), for the status line.
    pub notices: Vec<String>,
}

impl Document {
    /// Builds a document from decoded text, finding title, dateline, language and paragraphs.
    pub fn from_text(path: impl Into<String>, text: String) -> Document {
        parse_document(path.into(), text)
    }

    /// True when the file held no visible text.
    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// The ISO date of the article (from its dateline), with its grain.
    pub fn date(&self) -> Option<&str> {
        self.dateline.as_ref().map(|d| d.iso.as_str())
    }
}

/// A loaded set of documents in load order.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The documents, in the order they were found (files sorted by path inside folders).
    pub docs: Vec<Document>,
}

impl Corpus {
    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True when there are no documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}
