//! The first-frame path: read the head of each file and find only its title and dateline,
//! leaving the rest (full decoding, paragraphs, language, hashing) to the full loader, run
//! later off the UI thread.
//!
//! Reading and validating all of a 100 MB corpus costs more than a first frame may take
//! (UTF-8 validation alone is about half of it); the title and the dateline are in the
//! first few kilobytes.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::load::io_error;
use super::parse::find_dateline;
use super::walk::walk;
use super::{Decoded, LoadError, decode_bytes};

/// What the document list needs before anything is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleEntry {
    /// The path as found (given, or under a given folder).
    pub path: String,
    /// The first non-empty line, trimmed, at most 200 characters.
    pub title: String,
    /// Byte offset of the title in the decoded text.
    pub title_offset: usize,
    /// ISO value of the dateline, when one is found near the top.
    pub date: Option<String>,
}

/// How much of each file is read: the title and dateline are near the top.
pub const HEAD: usize = 2048;

/// Finds every file like [`super::load_paths`] (files, folders recursively, `.txt`/`.md`,
/// hidden entries skipped, sorted) and reads the first [`HEAD`] bytes of each, keeping only
/// what a title index needs. Binary-looking files are skipped, and so are files inside a
/// folder that cannot be read (the full load reports them); a named path that cannot be read
/// is an error. Two threads read.
pub fn read_titles(paths: &[PathBuf]) -> Result<Vec<TitleEntry>, LoadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            out.extend(titles_on_two_threads(&walk(path)?.files));
        } else {
            let bytes = read_head(path).map_err(|e| io_error(path, e))?;
            out.extend(head_text(bytes).map(|text| entry(path.display().to_string(), &text)));
        }
    }
    Ok(out)
}

/// The titles of files found in a folder, half on each of two threads, in order.
fn titles_on_two_threads(files: &[PathBuf]) -> Vec<TitleEntry> {
    let (a, b) = files.split_at(files.len().div_ceil(2));
    let (mut out, second) = std::thread::scope(|s| {
        let other = s.spawn(|| titles_of(b));
        (titles_of(a), other.join())
    });
    // A panic there is a bug; a list missing half its titles would hide it.
    out.extend(second.unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
    out
}

fn titles_of(files: &[PathBuf]) -> Vec<TitleEntry> {
    files
        .iter()
        .filter_map(|file| {
            let text = head_text(read_head(file).ok()?)?;
            Some(entry(file.display().to_string(), &text))
        })
        .collect()
}

/// The head as text, validated once: UTF-8 (a character cut at the end of the head is
/// dropped), else the full decoder's answer (legacy encodings, binary files: `None`).
fn head_text(bytes: Vec<u8>) -> Option<String> {
    if memchr::memchr(0, &bytes).is_some() {
        return None;
    }
    let err = match String::from_utf8(bytes) {
        Ok(text) => return Some(text),
        Err(err) => err,
    };
    let cut = err.utf8_error();
    let mut bytes = err.into_bytes();
    if cut.error_len().is_none() {
        bytes.truncate(cut.valid_up_to());
    }
    match decode_bytes(bytes) {
        Decoded::Text { text, .. } => Some(text),
        Decoded::Binary => None,
    }
}

fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    let mut buf = vec![0; HEAD];
    let mut len = 0;
    while len < HEAD {
        match file.read(&mut buf[len..])? {
            0 => break,
            n => len += n,
        }
    }
    buf.truncate(len);
    Ok(buf)
}

fn entry(path: String, text: &str) -> TitleEntry {
    let mut offset = 0;
    let mut title = "";
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim().trim_start_matches('\u{FEFF}');
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
        date: find_dateline(text).map(|d| d.iso),
    }
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
        assert_eq!(got[0].title_offset, 3);
        assert_eq!(got[0].date.as_deref(), Some("2020-11-03"));
        assert_eq!(got[1].title, "İkinci");
        Ok(())
    }

    #[test]
    fn a_head_cut_inside_a_character_is_still_utf8() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut text = "x".repeat(HEAD - 1);
        text.insert_str(0, "ş\n");
        std::fs::write(dir.path().join("a.txt"), &text)?;
        let got = read_titles(&[dir.path().to_path_buf()])?;
        assert_eq!(got[0].title, "ş");
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_broken_link_in_a_folder_is_left_out_a_named_one_is_an_error()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.txt"), "Başlık")?;
        let link = dir.path().join("b.txt");
        std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), &link)?;
        let got = read_titles(&[dir.path().to_path_buf()])?;
        assert_eq!(got.len(), 1);
        assert!(matches!(read_titles(&[link]), Err(LoadError::Missing(_))));
        Ok(())
    }
}
