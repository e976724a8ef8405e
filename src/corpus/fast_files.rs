//! A search's pass over a corpus one file at a time (`okur find --scope text`): the files
//! the full load reads, in its order, and each file's texts and notices as it gives them,
//! without holding the corpus or parsing what a search of lines does not need.

use std::path::{Path, PathBuf};

use crate::corpus::load::{BINARY, io_error, skipped};
use crate::corpus::read::{Unread, max_input_bytes, read_regular};
use crate::corpus::walk::{skip_notice, walk};
use crate::corpus::{Decoded, LoadError, TextError, decode_bytes};

/// One entry of [`list_files`]: a file to read, or the notice of an entry a walk skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listed {
    /// A file, and whether the user named it (then a read error is an error, not a notice).
    File(PathBuf, bool),
    /// A file found in a folder whose directory entry says it is a regular file: it can be
    /// read without asking its type again before opening
    /// ([`crate::corpus::read_walked_regular`]).
    Regular(PathBuf),
    /// `PATH: skipped, REASON` for a folder entry that could not be read.
    Skipped(String),
}

/// The files [`crate::corpus::load_paths`] reads for `paths`, in its order, with the notices of
/// what its walks skipped where the full load gives them: the first pass of a search that
/// reads one file at a time ([`load_file`]) instead of holding the whole corpus.
pub fn list_files(paths: &[PathBuf]) -> Result<Vec<Listed>, LoadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            let found = walk(path)?;
            out.extend(found.skipped.into_iter().map(Listed::Skipped));
            out.extend(found.files.into_iter().map(|f| match f.regular {
                true => Listed::Regular(f.path),
                false => Listed::File(f.path, false),
            }));
        } else {
            out.push(Listed::File(path.clone(), true));
        }
    }
    Ok(out)
}

/// A document's path and text, without the parse (paragraphs, language, key) a search of
/// its lines does not need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileText {
    /// The document's path, as [`crate::corpus::Document::path`].
    pub path: String,
    /// Its text, as [`crate::corpus::Document::text`].
    pub text: String,
}

/// The documents of one file of [`list_files`] and the notices the full load gives for it.
#[derive(Debug, Default)]
pub struct FileTexts {
    /// Its documents, in the full load's order.
    pub docs: Vec<FileText>,
    /// What the full load says about it (skipped, legacy encoding, empty).
    pub notices: Vec<String>,
}

/// One file of [`list_files`], read as the full load reads it: its documents' texts and its
/// notices. A plain text file (`.txt`, `.md`) is decoded and not parsed (the language guess
/// alone was a tenth of a text search); any other goes through the full load. A file found
/// in a folder that cannot be read is a notice; a named one an error.
pub fn load_file(path: &Path, named: bool) -> Result<FileTexts, LoadError> {
    let plain = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "txt" | "md"));
    if !plain {
        return load_parsed(path, named);
    }
    let mut out = FileTexts::default();
    let name = crate::escape::path_name(path);
    match read_regular(path, max_input_bytes()) {
        // The wording is the full load's (`load::add_bytes`, `load::BINARY`).
        Ok(bytes) => match decode_bytes(bytes) {
            Decoded::Binary => out.notices.push(skipped(path, BINARY)),
            Decoded::Text { text, notice } => {
                out.notices.extend(notice.map(|n| format!("{name}: {n}")));
                if !has_word_line(&text) && !crate::corpus::parse::has_visible_text(&text) {
                    out.notices.push(format!("{name}: empty"));
                }
                out.docs.push(FileText { path: name, text });
            }
        },
        Err(Unread::Skipped(why)) => out.notices.push(skipped(path, &why)),
        Err(Unread::Io(e)) if named => return Err(io_error(path, e)),
        Err(Unread::Io(e)) => out.notices.push(skip_notice(path, &e)),
    }
    Ok(out)
}

/// True when a line of `text` holds a word: then the document has a paragraph (is not
/// empty), and only otherwise is the parse asked.
fn has_word_line(text: &str) -> bool {
    text.chars().any(crate::text::is_word_char)
}

/// A file in another format, through the full load.
fn load_parsed(path: &Path, named: bool) -> Result<FileTexts, LoadError> {
    let notices = match crate::corpus::load_paths(&[path.to_path_buf()]) {
        Ok(report) => {
            let docs = report.corpus.docs.into_iter();
            return Ok(FileTexts {
                docs: docs
                    .map(|d| {
                        let text = d.text().map(std::borrow::Cow::into_owned);
                        Ok(FileText {
                            text: text?,
                            path: d.path,
                        })
                    })
                    .collect::<Result<_, TextError>>()?,
                notices: report.notices,
            });
        }
        // Nothing readable in it (binary, not a regular file): the notices say why.
        Err(LoadError::NoDocuments { skipped, .. }) => skipped,
        Err(e) if named => return Err(e),
        Err(e) => vec![skipped(path, &e.to_string())],
    };
    Ok(FileTexts {
        notices,
        ..Default::default()
    })
}
