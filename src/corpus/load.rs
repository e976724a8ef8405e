//! Loading documents from paths (files and folders, recursively), standard input, or the
//! seeds bundled in the binary.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::read::{Unread, max_input_bytes, read_capped, read_regular, too_large_reason};
use super::walk::{merged, skip_notice, walk};
use super::{Corpus, Decoded, Document, decode_bytes};

/// The five sample articles, embedded so `okur` with no path opens them from any folder.
const SEEDS: [(&str, &str); 5] = [
    (
        "000_e846ee86f0b51d87.txt",
        include_str!("../../seeds/000_e846ee86f0b51d87.txt"),
    ),
    (
        "001_dc424e2bec11c139.txt",
        include_str!("../../seeds/001_dc424e2bec11c139.txt"),
    ),
    (
        "002_8bd26ca40170c00a.txt",
        include_str!("../../seeds/002_8bd26ca40170c00a.txt"),
    ),
    (
        "003_604562b84a66c7a6.txt",
        include_str!("../../seeds/003_604562b84a66c7a6.txt"),
    ),
    (
        "004_ae8907a019e6b4f1.txt",
        include_str!("../../seeds/004_ae8907a019e6b4f1.txt"),
    ),
];

/// Why a corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A document's text held in memory did not read back (a bug, see [`TextError`]).
    #[error(transparent)]
    Text(#[from] super::TextError),
    /// A path given by the user does not exist.
    #[error("no such file or folder: {0}")]
    Missing(String),
    /// A path exists but could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Standard input held more than the input limit.
    #[error("standard input is {}", too_large_reason(None, *.0))]
    StdinTooLarge(u64),
    /// A document id `FILE#N` named an item that the file does not hold.
    #[error("no item {n} in {file} (it holds {count})")]
    NoItem {
        /// The file, as given.
        file: String,
        /// The item number asked for (from 1).
        n: usize,
        /// How many items the file holds.
        count: usize,
    },
    /// Nothing readable was found under the given paths.
    #[error("no documents found in {what}{}", why_none(.skipped))]
    NoDocuments {
        /// The paths as given (`standard input` for `-`).
        what: String,
        /// The notices of the files that were skipped (binary, unreadable), in load order.
        skipped: Vec<String>,
    },
}

/// What okur reads from folders, for the "no documents" message.
#[cfg(feature = "formats")]
const READS: &str = ".txt and .md files, feeds, HTML pages, JSON dumps and WARC archives";
#[cfg(not(feature = "formats"))]
const READS: &str = ".txt and .md files";

/// The end of the "no documents" message: why the files that were there did not count. The
/// message stays one line, so a long list is cut to its first entry and a count.
fn why_none(skipped: &[String]) -> String {
    match skipped {
        [] => format!(" (okur reads {})", READS),
        [one] => format!(" ({one})"),
        [first, rest @ ..] => format!(" ({} files skipped; the first: {first})", rest.len() + 1),
    }
}

/// A loaded corpus and what loading had to say about individual files.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// The documents that were read.
    pub corpus: Corpus,
    /// One line per file that was skipped or needed attention (binary, legacy encoding, empty).
    pub notices: Vec<String>,
}

/// The bundled seed articles.
pub fn load_seeds() -> LoadReport {
    let docs = SEEDS
        .iter()
        .map(|(name, text)| Document::from_text(*name, text.to_string()))
        .collect();
    LoadReport {
        corpus: Corpus { docs },
        notices: Vec::new(),
    }
}

/// Reads one document from standard input (named `-`), of at most
/// [`super::max_input_bytes`].
pub fn load_stdin(input: impl Read) -> Result<LoadReport, LoadError> {
    finish(read_stdin(input, max_input_bytes())?, "standard input")
}

/// Reads standard input whole, refusing more than `limit` bytes.
pub fn read_stdin_bytes(input: impl Read, limit: u64) -> Result<Vec<u8>, LoadError> {
    match read_capped(input, 0, limit) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(LoadError::StdinTooLarge(limit)),
        Err(source) => Err(LoadError::Io {
            path: "-".into(),
            source,
        }),
    }
}

fn read_stdin(input: impl Read, limit: u64) -> Result<LoadReport, LoadError> {
    let bytes = read_stdin_bytes(input, limit)?;
    let mut report = LoadReport::default();
    add_bytes(&mut report, "-".into(), bytes);
    Ok(report)
}

/// Loads every path: files directly, folders recursively (`.txt`/`.md`, hidden entries
/// skipped, sorted by path), `-` as standard input. Files are read and parsed on two threads;
/// the order is the same as one thread's.
///
/// A path the user named must be readable (else [`LoadError::Missing`] or
/// [`LoadError::Io`]); a file or subfolder inside a named folder that cannot be read is
/// skipped with a notice instead, so one broken link does not hide the rest of the folder.
pub fn load_paths(paths: &[PathBuf]) -> Result<LoadReport, LoadError> {
    let mut report = LoadReport::default();
    for path in paths {
        let part = if path.as_os_str() == "-" {
            read_stdin(std::io::stdin().lock(), max_input_bytes())?
        } else {
            load_path(path)?
        };
        report.corpus.docs.extend(part.corpus.docs);
        report.notices.extend(part.notices);
    }
    let names: Vec<String> = paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                "standard input".into()
            } else {
                crate::escape::path_name(p)
            }
        })
        .collect();
    finish(report, &names.join(" "))
}

/// One named file, or every file under one named folder, or one item `FILE#N` of a feed,
/// dump or archive.
fn load_path(path: &Path) -> Result<LoadReport, LoadError> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => return load_item(path).unwrap_or_else(|| Err(io_error(path, e))),
    };
    if !meta.is_dir() {
        let mut report = LoadReport::default();
        // A named pipe or device named directly is skipped like one found in a folder:
        // if nothing else is left, the "no documents" error says why.
        match read_regular(path, max_input_bytes()) {
            Ok(bytes) => add_bytes(&mut report, crate::escape::path_name(path), bytes),
            Err(Unread::Skipped(why)) => report.notices.push(skipped(path, &why)),
            Err(Unread::Io(e)) => return Err(io_error(path, e)),
        }
        return Ok(report);
    }
    let found = walk(path)?;
    let mut report = read_on_two_threads(&merged(&found));
    report.notices.splice(0..0, found.skipped);
    Ok(report)
}

/// True when the paths may hold news formats (feeds, pages, dumps, archives), whose
/// documents only the full load finds: a named file other than `.txt`/`.md` (its content
/// decides), an item id `FILE#N`, or a folder with a file of a news format's extension.
/// Quick readers of text heads (titles first) then leave the work to the full load.
pub fn holds_news_formats(paths: &[PathBuf]) -> bool {
    if !cfg!(feature = "formats") {
        return false;
    }
    paths.iter().any(|path| {
        if path.is_dir() {
            return walk(path).is_ok_and(|found| !found.formatted.is_empty());
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        !(ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("md"))
    })
}

/// The item `FILE#N` named by `path`, when `path` is no file but such an id whose file
/// exists; `None` otherwise.
fn load_item(path: &Path) -> Option<Result<LoadReport, LoadError>> {
    #[cfg(feature = "formats")]
    {
        let id = path.to_str()?;
        let (file, n) = super::formats::split_item(id)?;
        if !Path::new(file).is_file() {
            return None;
        }
        Some(load_path(Path::new(file)).and_then(|mut report| {
            let count = report.corpus.docs.len();
            report.corpus.docs.retain(|d| d.path == id);
            match report.corpus.docs.is_empty() {
                true => Err(LoadError::NoItem {
                    file: file.to_string(),
                    n,
                    count,
                }),
                false => Ok(report),
            }
        }))
    }
    #[cfg(not(feature = "formats"))]
    {
        let _ = path;
        None
    }
}

/// Reads and parses files found in a folder, half on each of two threads, in order.
fn read_on_two_threads(files: &[PathBuf]) -> LoadReport {
    let (a, b) = files.split_at(files.len().div_ceil(2));
    let (mut report, second) = std::thread::scope(|s| {
        let other = s.spawn(|| read_found(b));
        (read_found(a), other.join())
    });
    // A panic there is a bug; dropping half the corpus without a word would hide it.
    let second = second.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    report.corpus.docs.extend(second.corpus.docs);
    report.notices.extend(second.notices);
    report
}

/// Reads files found in a folder; one that cannot be read is skipped with a notice.
fn read_found(files: &[PathBuf]) -> LoadReport {
    let mut report = LoadReport::default();
    let limit = max_input_bytes();
    for file in files {
        match read_regular(file, limit) {
            Ok(bytes) => add_bytes(&mut report, crate::escape::path_name(file), bytes),
            Err(Unread::Skipped(why)) => report.notices.push(skipped(file, &why)),
            Err(Unread::Io(e)) => report.notices.push(skip_notice(file, &e)),
        }
    }
    report
}

/// Why a file that decodes as no text is skipped: one wording for every loader.
pub(super) const BINARY: &str = "looks like a binary file";

/// `PATH: skipped, WHY` for a file that is not read on purpose.
pub(super) fn skipped(path: &Path, why: &str) -> String {
    format!("{}: skipped, {why}", crate::escape::path_name(path))
}

fn finish(report: LoadReport, what: &str) -> Result<LoadReport, LoadError> {
    #[cfg(feature = "formats")]
    let report = {
        let mut report = report;
        let merged = super::formats::merge_same_stories(&mut report.corpus.docs);
        report.notices.extend(merged);
        report
    };
    if report.corpus.is_empty() {
        // With no documents, every notice is about a file that was skipped.
        return Err(LoadError::NoDocuments {
            what: what.to_string(),
            skipped: report.notices,
        });
    }
    Ok(report)
}

pub(super) fn io_error(path: &Path, source: std::io::Error) -> LoadError {
    let shown = crate::escape::path_name(path);
    if source.kind() == std::io::ErrorKind::NotFound {
        LoadError::Missing(shown)
    } else {
        LoadError::Io {
            path: shown,
            source,
        }
    }
}

/// Adds the documents of one input: the articles of a feed, page, dump or archive (see
/// [`super::formats::sniff`]), else the text file.
fn add_bytes(report: &mut LoadReport, name: String, bytes: Vec<u8>) {
    #[cfg(feature = "formats")]
    if let Some(read) = super::formats::documents(&name, &bytes) {
        report.corpus.docs.extend(read.docs);
        report.notices.extend(read.notices);
        return;
    }
    match decode_bytes(bytes) {
        Decoded::Binary => report.notices.push(format!("{name}: skipped, {BINARY}")),
        Decoded::Text { text, notice } => {
            // Asked of the plain text, before it is packed.
            let empty = !super::parse::has_visible_text(&text);
            let mut doc = Document::from_text(name.clone(), text);
            if let Some(n) = notice {
                report.notices.push(format!("{name}: {n}"));
                doc.notices.push(n);
            }
            if empty {
                report.notices.push(format!("{name}: empty"));
                doc.notices.push("empty".into());
            }
            report.corpus.docs.push(doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_embedded() {
        let report = load_seeds();
        assert_eq!(report.corpus.len(), 5);
        assert_eq!(report.corpus.docs[3].lang, super::super::Lang::Ar);
    }

    #[test]
    fn folder_is_walked_recursively_skipping_hidden() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("sub"))?;
        std::fs::write(dir.path().join("sub/a.txt"), "Bir haber")?;
        std::fs::write(dir.path().join("b.md"), "İki")?;
        std::fs::write(dir.path().join(".hidden.txt"), "gizli")?;
        std::fs::write(dir.path().join("c.pdf"), "x")?;
        let report = load_paths(&[dir.path().to_path_buf()])?;
        let titles: Vec<_> = report
            .corpus
            .docs
            .iter()
            .map(|d| d.title.as_str())
            .collect();
        assert_eq!(titles, ["İki", "Bir haber"]);
        Ok(())
    }

    #[test]
    fn missing_path_is_an_error() {
        let err = load_paths(&[PathBuf::from("/no/such/okur/file")]);
        assert!(matches!(err, Err(LoadError::Missing(_))));
    }

    #[test]
    fn no_documents_says_why_in_one_line() {
        let err = |skipped: &[&str]| {
            LoadError::NoDocuments {
                what: "d".into(),
                skipped: skipped.iter().map(|s| s.to_string()).collect(),
            }
            .to_string()
        };
        assert_eq!(
            err(&[]),
            format!("no documents found in d (okur reads {READS})")
        );
        assert_eq!(
            err(&["d/a.txt: skipped, looks like a binary file"]),
            "no documents found in d (d/a.txt: skipped, looks like a binary file)"
        );
        assert_eq!(
            err(&["d/a.txt: skipped, permission denied", "d/b.txt: skipped, x"]),
            "no documents found in d (2 files skipped; the first: d/a.txt: skipped, permission denied)"
        );
    }

    #[test]
    fn stdin_is_one_document() -> Result<(), LoadError> {
        let report = load_stdin("Başlık\n\nmetin".as_bytes())?;
        assert_eq!(report.corpus.docs[0].path, "-");
        Ok(())
    }
}
