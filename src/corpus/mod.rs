//! Documents and corpora: loading files, folders and standard input, decoding legacy
//! encodings, and finding each article's title, dateline, language and paragraphs.
//!
//! The decoded text of a document is the single source of truth: every offset elsewhere in
//! okur (layout cells, mentions, annotations, search hits) is a byte offset into
//! [`Document::text`].

mod dateline;
mod decode;
pub mod fast;
#[cfg(feature = "formats")]
pub mod formats;
mod load;
mod long_paragraph;
mod meta;
mod open;
mod parse;
mod read;
mod text;
mod walk;

pub use dateline::{day_first, iso_date};
pub(crate) use decode::head_has_controls;
pub use decode::{Decoded, decode_bytes};
pub use load::{
    LoadError, LoadReport, holds_news_formats, load_paths, load_seeds, load_stdin, read_stdin_bytes,
};
pub use meta::ArticleMeta;
pub use open::OpenCopy;
pub use parse::{Dateline, ParaKind, Paragraph, Piece, Pieces, detect_language, parse_document};
pub use read::{
    DEFAULT_MAX_INPUT_MB, MAX_INPUT_ENV, max_input_bytes, not_regular, read_small_file,
};
pub(crate) use read::{read_regular, read_walked_regular};
pub use text::{DocText, TextError, Texts, text_failure};

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

/// A stable key for a document: a hash of its decoded text, and where this copy of the
/// text is. Span annotations belong to the text (every copy shows them); triage state
/// (read, star, archive, relevance, tags, note) belongs to the copy, so starring one of many
/// identical files stars that one (see `store::State`).
///
/// In the journal it is one string: the hash alone (a key of the text, as every journal
/// before copies had; its triage applies to every copy), or `HASH:PATH`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocKey {
    /// The text's hash: 32 hex digits (any string without `:` in tests).
    pub text: String,
    /// The copy: the file's absolute path (`-` for standard input, the bare name for a
    /// bundled seed); `None` for a key of the text alone.
    pub copy: Option<String>,
}

impl DocKey {
    /// The key of a text alone: the 128-bit xxh3 hash, as 32 hex digits.
    pub fn of_text(text: &str) -> DocKey {
        DocKey {
            text: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes())),
            copy: None,
        }
    }

    /// The key of the copy of `text` at `path` (as given: a relative path is made absolute,
    /// so the same file opened from another folder has the same key).
    pub fn of_copy(text: &str, path: &str) -> DocKey {
        DocKey {
            copy: Some(copy_path(path)),
            ..DocKey::of_text(text)
        }
    }

    /// A key from a bare string: the text's hash, without a copy.
    pub fn from_hash(hash: impl Into<String>) -> DocKey {
        DocKey {
            text: hash.into(),
            copy: None,
        }
    }

    /// The key of the text alone, whatever copy this is.
    pub fn text_key(&self) -> DocKey {
        DocKey::from_hash(self.text.clone())
    }

    /// The same text at another place.
    pub fn with_copy(&self, copy: impl Into<String>) -> DocKey {
        DocKey {
            text: self.text.clone(),
            copy: Some(copy.into()),
        }
    }
}

impl std::fmt::Display for DocKey {
    /// The journal's form: `HASH` or `HASH:PATH`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.copy {
            Some(copy) => write!(f, "{}:{copy}", self.text),
            None => f.write_str(&self.text),
        }
    }
}

impl From<String> for DocKey {
    /// Reads the journal's form (see [`DocKey`]): the hash, then after the first `:` the path.
    fn from(s: String) -> DocKey {
        match s.split_once(':') {
            Some((text, copy)) => DocKey {
                text: text.to_string(),
                copy: Some(copy.to_string()),
            },
            None => DocKey::from_hash(s),
        }
    }
}

impl Serialize for DocKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for DocKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<DocKey, D::Error> {
        String::deserialize(deserializer).map(DocKey::from)
    }
}

/// Where a copy is, for its key: absolute paths as they are, relative ones joined to the
/// working folder. Standard input (`-`) and a bundled seed (a bare name that is no file
/// here) keep their name.
pub(crate) fn copy_path(path: &str) -> String {
    use std::path::Path;
    static CWD: std::sync::OnceLock<Option<std::path::PathBuf>> = std::sync::OnceLock::new();
    let p = Path::new(path);
    let relative_file = !p.is_absolute() && (path.contains('/') || p.is_file());
    if path == "-" || !relative_file {
        return path.to_string();
    }
    match CWD.get_or_init(|| std::env::current_dir().ok()) {
        Some(cwd) => std::path::absolute(cwd.join(p))
            .map(|a| a.to_string_lossy().into_owned())
            .unwrap_or_else(|_| path.to_string()),
        None => path.to_string(),
    }
}

/// One article.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (or the bare file name for bundled seeds, `-` for stdin).
    pub path: String,
    /// Hash of the text and where this copy is; the key annotations and triage state are
    /// stored under (see [`DocKey`]).
    pub key: DocKey,
    /// The decoded text, byte for byte as stored when the file was UTF-8 (BOM and CR kept),
    /// held compressed ([`DocText`]); read it with [`Document::text`].
    pub(crate) text: DocText,
    /// The first non-empty line, trimmed (at most 200 characters).
    pub title: String,
    /// The article's own date line, if one was found.
    pub dateline: Option<Dateline>,
    /// The language by letters.
    pub lang: Lang,
    /// Paragraphs in reading order, found when first asked for ([`Document::paragraphs`]):
    /// only the documents opened need them, and every article's were a fifth of what a
    /// corpus's documents held beside their text (56 bytes a paragraph, 20 an article).
    pub(crate) paragraphs: std::sync::OnceLock<Vec<Paragraph>>,
    /// What loading had to say about this file (legacy encoding, BOM), for the status line.
    pub notices: Vec<String>,
    /// What a feed, page, dump or web archive said about the article (source, url, author,
    /// publication time with its offset); `None` for plain text files.
    pub meta: Option<Box<ArticleMeta>>,
}

impl Document {
    /// Builds a document from decoded text, finding title, dateline, language and paragraphs.
    pub fn from_text(path: impl Into<String>, text: String) -> Document {
        parse_document(path.into(), text)
    }

    /// True when the file held no visible text (it has no paragraphs).
    pub fn is_empty(&self) -> bool {
        match self.paragraphs.get() {
            Some(paragraphs) => paragraphs.is_empty(),
            None => self.text().is_ok_and(|t| !parse::has_visible_text(&t)),
        }
    }

    /// Paragraphs in reading order, each with a map back to [`Document::text`]; found in
    /// the text the first time they are asked for (when the document is loaded if it is
    /// over 256 KB), then kept with the document.
    /// A text that does not read back ([`TextError`]) has none, and they are not kept.
    pub fn paragraphs(&self) -> &[Paragraph] {
        if let Some(paragraphs) = self.paragraphs.get() {
            return paragraphs;
        }
        match self.text() {
            Ok(text) => self
                .paragraphs
                .get_or_init(|| parse::find_paragraphs(&text)),
            Err(_) => &[],
        }
    }

    /// The text: borrowed when it is held plain, decompressed when packed (each call, so
    /// read it once where it is read whole; the reader keeps the open one plain).
    pub fn text(&self) -> Result<std::borrow::Cow<'_, str>, TextError> {
        self.text.get(&self.path)
    }

    /// `f` on the text, for what reads many documents a little at a time, each document's
    /// reads one after another (a search's lines): a packed text is decompressed once for
    /// a run of reads, and kept (one text a thread) until another document is read.
    pub fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> Result<R, TextError> {
        if !self.text.is_packed() {
            return Ok(f(&self.text()?));
        }
        let address = std::ptr::from_ref(self) as usize;
        text::with_last(address, &self.key.text, &self.path, &self.text, f)
    }

    /// `f` on the text, read once and not kept (for a pass over many documents that reads
    /// each once: a packed text is decompressed into the thread's buffer, no new string).
    pub fn read_text<R>(&self, f: impl FnOnce(&str) -> R) -> Result<R, TextError> {
        self.text.read(&self.path, f)
    }

    /// The bytes `range` of the text (borrowed when it is held plain); `None` when they are
    /// not on character boundaries inside it, or the text does not read back.
    pub fn text_in(&self, range: std::ops::Range<usize>) -> Option<std::borrow::Cow<'_, str>> {
        use std::borrow::Cow;
        match self.text().ok()? {
            Cow::Borrowed(text) => text.get(range).map(Cow::Borrowed),
            Cow::Owned(text) => text.get(range).map(|t| Cow::Owned(t.to_string())),
        }
    }

    /// The text's length in bytes, without reading it.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// How the text is held (its bytes on the heap, whether packed).
    pub fn held_text(&self) -> &DocText {
        &self.text
    }

    /// This document with its text plain, for what reads it many times (the reading pane's
    /// layout every frame); `None` when it is plain already (read it in place).
    pub fn with_plain_text(&self) -> Result<Option<Document>, TextError> {
        if !self.text.is_packed() {
            return Ok(None);
        }
        Ok(Some(Document {
            text: self.text.to_plain(&self.path)?,
            ..self.clone()
        }))
    }

    /// The ISO date of the article, with its grain: the day its source says it was
    /// published (in the source's own time zone), else its dateline's.
    pub fn date(&self) -> Option<&str> {
        self.meta
            .as_ref()
            .and_then(|m| m.day())
            .or_else(|| self.dateline.as_ref().map(|d| d.iso.as_str()))
    }

    /// The name of the article's source (feed or site), when it came with one.
    pub fn source(&self) -> Option<&str> {
        self.meta.as_ref().and_then(|m| m.source_name())
    }

    /// The article's url, when its source gave one.
    pub fn url(&self) -> Option<&str> {
        self.meta.as_ref().and_then(|m| m.url.as_deref())
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

    /// Every document's text, plain, all held at once: for tests and tools that want them
    /// as strings (the reader and the commands read one at a time, [`Texts`]).
    pub fn plain_texts(&self) -> Result<Vec<String>, TextError> {
        self.docs
            .iter()
            .map(|d| d.text().map(std::borrow::Cow::into_owned))
            .collect()
    }
}
