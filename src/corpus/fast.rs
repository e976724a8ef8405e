//! The first-frame path: read the head of each file and find only its title and dateline,
//! leaving the rest (full decoding, paragraphs, language, hashing) to the full loader, run
//! later off the UI thread.
//!
//! Reading and validating all of a 100 MB corpus costs more than a first frame may take
//! (UTF-8 validation alone is about half of it); the title and the dateline are in the
//! first few kilobytes. Even there, validating the whole head was the largest cost of the
//! first frame (Arabic and Turkish text take UTF-8's slow path), so only the lines up to the
//! title are validated, and the dateline is looked for in the bytes.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::dateline::find_dateline;
use super::load::{BINARY, io_error, skipped};
use super::read::{Unread, max_input_bytes, open_regular, too_large_reason};
use super::walk::{merged, skip_notice, walk};
use super::{Decoded, LoadError, decode_bytes};

#[path = "fast_files.rs"]
mod files;
#[cfg(feature = "formats")]
#[path = "fast_formats.rs"]
mod formatted;
pub use files::{FileText, FileTexts, Listed, list_files, load_file};

/// What the document list needs before anything is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleEntry {
    /// The path as found (given, or under a given folder).
    pub path: String,
    /// The first non-empty line, trimmed, at most 200 characters.
    pub title: String,
    /// Byte offset of the title in the decoded text.
    pub title_offset: usize,
    /// The 1-based line the title is on.
    pub title_line: usize,
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
    Ok(read_titles_noticed(paths)?.0)
}

/// [`read_titles`], with a notice (`PATH: skipped, REASON`) for each file left out: one that
/// cannot be read, is not a regular file, is over the size limit or looks binary. Notices
/// the full load gives after reading whole files (legacy encoding, empty) are not given.
pub fn read_titles_noticed(paths: &[PathBuf]) -> Result<(Vec<TitleEntry>, Vec<String>), LoadError> {
    let mut out = Vec::new();
    let mut notices = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        if meta.is_dir() {
            let found = walk(path)?;
            notices.extend(found.skipped);
            let (titles, skipped) = titles_on_two_threads(&found.files);
            out.extend(titles);
            notices.extend(skipped);
        } else {
            let mut head = vec![0; HEAD];
            match head_title(path, &mut head) {
                Ok(Ok(entry)) => out.push(entry),
                Ok(Err(notice)) => notices.push(notice),
                // A path the user named must be readable (a file found in a folder is
                // skipped instead, as the full load does).
                Err(e) => return Err(io_error(path, e)),
            }
        }
    }
    Ok((out, notices))
}

/// The files the full load reads, in its order, without reading them: the text files and
/// news formats (feeds, pages, dumps, mailboxes; see [`crate::corpus::formats`]) under each
/// folder, and each file named. Fails when a named path cannot be read. With
/// [`titles_of_files`], the titles can come in parts: a screenful first, the rest in the
/// background.
pub fn list_text_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
        match meta.is_dir() {
            true => out.extend(merged(&walk(path)?)),
            false => out.push(path.clone()),
        }
    }
    Ok(out)
}

/// The title entries of `files` (from [`list_text_files`]), in order, on two threads, and a
/// notice for each file left out (as in [`read_titles_noticed`]; one that cannot be read is
/// left out too, the full load reports it). A text file gives the title of its head; a
/// feed, dump or mailbox one entry per article (`FILE#N`), a page or a mail message one,
/// read by a scan that finds titles and dates without making the documents.
pub fn titles_of_files(files: &[PathBuf]) -> (Vec<TitleEntry>, Vec<String>) {
    titles_on_two_threads(files)
}

/// The title entry of a file from its head (read into `head`), or the notice saying why it
/// is left out (not a regular file, over the size limit, binary); an error when it cannot
/// be read.
fn head_title(path: &Path, head: &mut [u8]) -> std::io::Result<Result<TitleEntry, String>> {
    match read_head(path, head) {
        Ok(len) => match title_entry(path, head.get(..len).unwrap_or_default()) {
            Some(entry) => Ok(Ok(entry)),
            None => Ok(Err(skipped(path, BINARY))),
        },
        Err(Unread::Skipped(why)) => Ok(Err(skipped(path, &why))),
        Err(Unread::Io(e)) => Err(e),
    }
}

type Titles = (Vec<TitleEntry>, Vec<String>);

/// The titles of files found in a folder, half on each of two threads, in order.
fn titles_on_two_threads<F: AsRef<Path> + Sync>(files: &[F]) -> Titles {
    let (a, b) = files.split_at(files.len().div_ceil(2));
    let ((mut out, mut notices), second) = std::thread::scope(|s| {
        let other = s.spawn(|| titles_of(b));
        (titles_of(a), other.join())
    });
    // A panic there is a bug; a list missing half its titles would hide it.
    let (more, more_notices) = second.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    out.extend(more);
    notices.extend(more_notices);
    (out, notices)
}

fn titles_of(files: &[impl AsRef<Path>]) -> Titles {
    // One buffer for every head: a head is looked at, never kept.
    let mut head = vec![0; HEAD];
    let mut out = Vec::with_capacity(files.len());
    let mut notices = Vec::new();
    for path in files.iter().map(AsRef::as_ref) {
        match file_titles(path, &mut head) {
            Ok(Ok(entries)) => out.extend(entries),
            Ok(Err(notice)) => notices.push(notice),
            Err(e) => notices.push(skip_notice(path, &e)),
        }
    }
    (out, notices)
}

/// The title entries of one file: a text file's from its head, any other's by its format.
fn file_titles(file: &Path, head: &mut [u8]) -> std::io::Result<Result<Vec<TitleEntry>, String>> {
    #[cfg(feature = "formats")]
    if !is_text_file(file) {
        return formatted::formatted_titles(file);
    }
    Ok(head_title(file, head)?.map(|entry| vec![entry]))
}

/// True for a `.txt` or `.md` file, which is always read as text.
#[cfg(feature = "formats")]
fn is_text_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// Reads up to `buf.len()` bytes from the start of a regular file; returns how many. A
/// named pipe or a device is not read (it could block or never end).
fn read_head(path: &Path, buf: &mut [u8]) -> Result<usize, Unread> {
    let (mut file, size) = open_regular(path)?;
    // Left out here as the full load leaves it out.
    let limit = max_input_bytes();
    if size > limit {
        return Err(Unread::Skipped(too_large_reason(Some(size), limit)));
    }
    let mut len = 0;
    while len < buf.len() {
        match file.read(&mut buf[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Unread::Io(e)),
        }
    }
    Ok(len)
}

/// The title entry of a file from its head; `None` for a binary file. A head that is not
/// UTF-8 up to its title is decoded as the full loader decodes the file (legacy encodings).
fn title_entry(path: &Path, head: &[u8]) -> Option<TitleEntry> {
    let path = crate::escape::path_name(path);
    // NUL bytes: binary, or UTF-16 text, which the decoder tells apart.
    let utf8 = memchr::memchr(0, head).map_or_else(|| utf8_title(head), |_| None);
    let Some((offset, title)) = utf8 else {
        return match decode_bytes(head.to_vec()) {
            Decoded::Text { text, .. } => Some(entry(path, &text)),
            Decoded::Binary => None,
        };
    };
    Some(TitleEntry {
        path,
        title: shorten(title),
        title_offset: offset,
        title_line: line_at(head.get(..offset).unwrap_or_default()),
        // Datelines are ASCII: the bytes past the title need no validation to be searched.
        date: find_dateline(head).map(|d| d.iso),
    })
}

/// The first non-empty line of a UTF-8 head and its offset, validating only the lines up to
/// it; `None` when those lines are not UTF-8. The head may end inside a character.
fn utf8_title(head: &[u8]) -> Option<(usize, &str)> {
    let mut offset = 0;
    for raw in head.split_inclusive(|&b| b == b'\n') {
        let line = match std::str::from_utf8(raw) {
            Ok(line) => line,
            Err(cut) if cut.error_len().is_none() => {
                std::str::from_utf8(&raw[..cut.valid_up_to()]).ok()?
            }
            Err(_) => return None,
        };
        if let Some(title) = title_of_line(line) {
            return Some((offset + line.len() - line.trim_start().len(), title));
        }
        offset += line.len();
    }
    Some((offset, ""))
}

/// The line trimmed (and without a BOM), when anything is left.
fn title_of_line(line: &str) -> Option<&str> {
    Some(line.trim().trim_start_matches('\u{FEFF}')).filter(|t| !t.is_empty())
}

/// The 1-based line number at the end of `before` (the text up to a position): the line
/// `okur find --format jsonl` reports for a title or a line.
pub fn line_at(before: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', before).count() + 1
}

/// A title of at most 200 characters.
fn shorten(title: &str) -> String {
    // 200 bytes or fewer are 200 characters or fewer: no need to count.
    if title.len() <= 200 {
        return title.to_string();
    }
    match title.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &title[..i]),
        None => title.to_string(),
    }
}

/// The title entry of decoded text (the legacy-encoding path).
fn entry(path: String, text: &str) -> TitleEntry {
    let mut offset = 0;
    let mut title = "";
    for line in text.split_inclusive('\n') {
        if let Some(t) = title_of_line(line) {
            title = t;
            offset += line.len() - line.trim_start().len();
            break;
        }
        offset += line.len();
    }
    TitleEntry {
        path,
        title: shorten(title),
        title_offset: offset,
        title_line: line_at(text.as_bytes().get(..offset).unwrap_or_default()),
        date: find_dateline(text.as_bytes()).map(|d| d.iso),
    }
}

#[cfg(test)]
#[path = "fast_tests.rs"]
mod tests;
