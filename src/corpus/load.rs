//! Loading documents from paths (files and folders, recursively), standard input, or the
//! seeds bundled in the binary.

use std::io::Read;
use std::path::{Path, PathBuf};

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

/// File extensions read from folders (files named directly are read whatever their name).
const EXTENSIONS: [&str; 2] = ["txt", "md"];

/// Why a corpus could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
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
    /// Nothing readable was found under the given paths.
    #[error("no documents found in {0} (okur reads .txt and .md files)")]
    NoDocuments(String),
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

/// Reads one document from standard input (named `-`).
pub fn load_stdin(mut input: impl Read) -> Result<LoadReport, LoadError> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: "-".into(),
            source,
        })?;
    let mut report = LoadReport::default();
    add_bytes(&mut report, "-".into(), bytes);
    finish(report, "standard input")
}

/// Loads every path: files directly, folders recursively (`.txt`/`.md`, hidden entries
/// skipped, sorted by path), `-` as standard input. Files are read and parsed on two threads;
/// the order is the same as one thread's.
pub fn load_paths(paths: &[PathBuf]) -> Result<LoadReport, LoadError> {
    let mut report = LoadReport::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let stdin = load_stdin(std::io::stdin().lock())?;
            report.corpus.docs.extend(stdin.corpus.docs);
            report.notices.extend(stdin.notices);
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        let files = if meta.is_dir() {
            walk(path)?
        } else {
            vec![path.clone()]
        };
        let half = files.len().div_ceil(2);
        let (a, b) = files.split_at(half);
        let (first, second) = std::thread::scope(|s| {
            let other = s.spawn(|| read_files(b));
            (read_files(a), other.join())
        });
        for part in [
            first?,
            second.unwrap_or_else(|_| Ok(LoadReport::default()))?,
        ] {
            report.corpus.docs.extend(part.corpus.docs);
            report.notices.extend(part.notices);
        }
    }
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    finish(report, &names.join(" "))
}

fn read_files(files: &[PathBuf]) -> Result<LoadReport, LoadError> {
    let mut report = LoadReport::default();
    for file in files {
        add_file(&mut report, file)?;
    }
    Ok(report)
}

fn finish(report: LoadReport, what: &str) -> Result<LoadReport, LoadError> {
    if report.corpus.is_empty() {
        return Err(LoadError::NoDocuments(what.to_string()));
    }
    Ok(report)
}

pub(super) fn io_error(path: &Path, source: std::io::Error) -> LoadError {
    let shown = path.display().to_string();
    if source.kind() == std::io::ErrorKind::NotFound {
        LoadError::Missing(shown)
    } else {
        LoadError::Io {
            path: shown,
            source,
        }
    }
}

fn add_file(report: &mut LoadReport, path: &Path) -> Result<(), LoadError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    add_bytes(report, path.display().to_string(), bytes);
    Ok(())
}

fn add_bytes(report: &mut LoadReport, name: String, bytes: Vec<u8>) {
    match decode_bytes(bytes) {
        Decoded::Binary => report
            .notices
            .push(format!("{name}: skipped, looks like a binary file")),
        Decoded::Text { text, notice } => {
            let mut doc = Document::from_text(name.clone(), text);
            if let Some(n) = notice {
                report.notices.push(format!("{name}: {n}"));
                doc.notices.push(n);
            }
            if doc.is_empty() {
                report.notices.push(format!("{name}: empty"));
                doc.notices.push("empty".into());
            }
            report.corpus.docs.push(doc);
        }
    }
}

/// All readable files under a folder, sorted, hidden files and folders skipped.
pub(super) fn walk(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| io_error(&folder, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| io_error(&folder, e))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let file_type = entry.file_type().map_err(|e| io_error(&path, e))?;
            if file_type.is_dir() {
                stack.push(path);
            } else if has_text_extension(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
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
    fn stdin_is_one_document() -> Result<(), LoadError> {
        let report = load_stdin("Başlık\n\nmetin".as_bytes())?;
        assert_eq!(report.corpus.docs[0].path, "-");
        Ok(())
    }
}
