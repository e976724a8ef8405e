//! The first-frame path: read and validate files and find only their titles and datelines,
//! leaving paragraphs, language and hashing to a full parse later (off the UI thread).

use std::path::{Path, PathBuf};

use super::parse::find_dateline;
use super::{Decoded, LoadError, decode_bytes};

/// What the document list needs before anything is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleEntry {
    /// The path as found (given, or under a given folder).
    pub path: String,
    /// The first non-empty line, trimmed, at most 200 characters.
    pub title: String,
    /// Byte offset of the title in `text`.
    pub title_offset: usize,
    /// ISO value of the dateline, when one is found near the top.
    pub date: Option<String>,
    /// The decoded text, kept so the full parse need not read the file again.
    pub text: String,
}

/// Reads every path like [`super::load_paths`] (files, folders recursively, `.txt`/`.md`,
/// hidden entries skipped, sorted), keeping only what a title index needs. Binary files are
/// skipped. Two threads read when there are many files.
pub fn read_titles(paths: &[PathBuf]) -> Result<Vec<TitleEntry>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            walk(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    let half = files.len().div_ceil(2);
    let (a, b) = files.split_at(half);
    let (first, second) = std::thread::scope(|s| {
        let other = s.spawn(|| read_all(b));
        (read_all(a), other.join())
    });
    let mut out = first?;
    out.extend(second.unwrap_or_else(|_| Ok(Vec::new()))?);
    Ok(out)
}

fn read_all(files: &[PathBuf]) -> Result<Vec<TitleEntry>, LoadError> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| io_error(file, e))?;
        if let Decoded::Text { text, .. } = decode_bytes(bytes) {
            out.push(entry(file.display().to_string(), text));
        }
    }
    Ok(out)
}

fn entry(path: String, text: String) -> TitleEntry {
    let mut offset = 0;
    let mut title = "";
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            title = trimmed;
            offset += line.len() - line.trim_start().len();
            break;
        }
        offset += line.len();
    }
    let title = match title.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &title[..i]),
        None => title.to_string(),
    };
    TitleEntry {
        path,
        title,
        title_offset: offset,
        date: find_dateline(&text).map(|d| d.iso),
        text,
    }
}

fn io_error(path: &Path, source: std::io::Error) -> LoadError {
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

/// Readable files under a folder, sorted (the same rules as the full loader).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let start = out.len();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).map_err(|e| io_error(&folder, e))? {
            let entry = entry.map_err(|e| io_error(&folder, e))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type().map_err(|e| io_error(&path, e))?;
            if kind.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
            {
                out.push(path);
            }
        }
    }
    out[start..].sort();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_dates_without_a_full_parse() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(
            dir.path().join("a.txt"),
            "\n  Başlık burada  \n\n03.11.2020\n\nmetin",
        )?;
        std::fs::write(dir.path().join("b.md"), "İkinci")?;
        let got = read_titles(&[dir.path().to_path_buf()])?;
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].title, "Başlık burada");
        assert!(got[0].text[got[0].title_offset..].starts_with("Başlık"));
        assert_eq!(got[0].date.as_deref(), Some("2020-11-03"));
        assert_eq!(got[1].title, "İkinci");
        Ok(())
    }
}
