//! Finding the documents under a folder: recursively, `.txt` and `.md` files (and, with the
//! `formats` feature, feeds, pages, dumps, web archives and mailboxes by their extension,
//! and every message of a Maildir folder), hidden entries skipped, sorted by path.
//!
//! One unreadable subfolder or file must not hide the thousands beside it, so anything inside
//! the folder that cannot be read is skipped with a notice; only the folder the user named
//! has to be readable.

use std::path::{Path, PathBuf};

use super::load::{LoadError, io_error};

/// File extensions read from folders (files named directly are read whatever their name).
const EXTENSIONS: [&str; 2] = ["txt", "md"];

/// What a walk found: the files to read, and a notice per entry that had to be skipped.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// Files with a text extension, sorted by path.
    pub files: Vec<TextFile>,
    /// Files with a news format's extension (`.xml`, `.html`, `.jsonl`, `.warc`...), sorted;
    /// empty without the `formats` feature. Kept apart so the quick title reader, which
    /// reads text heads, leaves them to the full load.
    pub formatted: Vec<PathBuf>,
    /// `PATH: skipped, REASON` for each subfolder or entry that could not be read.
    pub skipped: Vec<String>,
}

/// A file with a text extension that a walk found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TextFile {
    /// Where it is: the walked folder's path joined with the names below it.
    pub path: PathBuf,
    /// Whether its directory entry says a regular file (a link's says nothing of its
    /// target). A reader may then skip asking the path's type again.
    pub regular: bool,
}

impl AsRef<Path> for TextFile {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

/// All files with a text extension under `dir`. Fails only when `dir` itself cannot be read.
pub(super) fn walk(dir: &Path) -> Result<Found, LoadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut found = Found::default();
    visit(dir, entries, &mut found, false);
    Ok(found)
}

/// Adds a folder's files in path order, descending into each subfolder where its name sorts.
/// Sorting each folder's names gives the order of sorting every path at the end, for less:
/// comparing whole paths component by component was a visible cost of a 20k-file first frame.
/// In a Maildir's `cur` and `new` folders (`mail`), every file is a message, whatever its
/// name.
fn visit(folder: &Path, entries: std::fs::ReadDir, found: &mut Found, mail: bool) {
    let mut items = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => items.extend(classify(&entry, found, mail)),
            Err(e) => found.skipped.push(skip_notice(folder, &e)),
        }
    }
    let maildir = is_maildir(&items);
    // Every path is `folder/name`: comparing the paths' bytes orders them by name.
    items.sort_unstable_by(|a: &(PathBuf, Entry), b| a.0.as_os_str().cmp(b.0.as_os_str()));
    for (path, entry) in items {
        match entry {
            Entry::Text { regular } => found.files.push(TextFile { path, regular }),
            Entry::Formatted => found.formatted.push(path),
            Entry::Folder => {
                let messages = maildir && (path.ends_with("cur") || path.ends_with("new"));
                visit_folder(path, found, messages)
            }
        }
    }
}

/// True when a folder's entries make it a Maildir: subfolders `cur` and `new` (its `tmp`
/// holds messages still being written, and is not read). Without the `formats` feature
/// there is no mail reader, so no folder is one.
fn is_maildir(items: &[(PathBuf, Entry)]) -> bool {
    let has = |name: &str| {
        items
            .iter()
            .any(|(p, e)| *e == Entry::Folder && p.file_name().is_some_and(|n| n == name))
    };
    cfg!(feature = "formats") && has("cur") && has("new")
}

/// What a kept entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Folder,
    /// A text file; `regular` when its entry says a regular file (not a link, a FIFO...).
    Text {
        regular: bool,
    },
    Formatted,
}

fn visit_folder(path: PathBuf, found: &mut Found, mail: bool) {
    match std::fs::read_dir(&path) {
        Ok(entries) => visit(&path, entries, found, mail),
        Err(e) => found.skipped.push(skip_notice(&path, &e)),
    }
}

/// An entry to keep, with what it is: subfolders, text and news files (any file in a
/// Maildir's message folder, `mail`), not hidden.
fn classify(entry: &std::fs::DirEntry, found: &mut Found, mail: bool) -> Option<(PathBuf, Entry)> {
    // The name from the path, not `entry.file_name()`: that would allocate a copy.
    let path = entry.path();
    if path
        .file_name()
        .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."))
    {
        return None;
    }
    // The entry's own type, not its target's: symbolic links to folders are not followed
    // (no cycles), links to files are read like files.
    match entry.file_type() {
        Ok(t) if t.is_dir() => Some((path, Entry::Folder)),
        Ok(t) if has_text_extension(&path) => Some((
            path,
            Entry::Text {
                regular: t.is_file(),
            },
        )),
        Ok(_) if mail || has_format_extension(&path) => Some((path, Entry::Formatted)),
        Ok(_) => None,
        Err(e) => {
            found.skipped.push(skip_notice(&path, &e));
            None
        }
    }
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// True for a news format's extension (`.warc.gz` through its `gz`).
fn has_format_extension(path: &Path) -> bool {
    #[cfg(feature = "formats")]
    {
        let name = path.to_string_lossy();
        path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            super::formats::EXTENSIONS
                .iter()
                .any(|x| x.eq_ignore_ascii_case(e))
        }) && (!name.ends_with(".gz") || name.to_ascii_lowercase().ends_with(".warc.gz"))
    }
    #[cfg(not(feature = "formats"))]
    {
        let _ = path;
        false
    }
}

/// Text and news files together, in path order (both lists are).
pub(super) fn merged(found: &Found) -> Vec<PathBuf> {
    let (mut a, mut b) = (
        found.files.iter().map(|f| &f.path).peekable(),
        found.formatted.iter().peekable(),
    );
    let mut out = Vec::with_capacity(found.files.len() + found.formatted.len());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => a.next(),
            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => break,
        };
        out.extend(next.cloned());
    }
    out
}

/// The notice for a file or folder inside a given folder that could not be read.
pub(super) fn skip_notice(path: &Path, err: &std::io::Error) -> String {
    format!(
        "{}: skipped, {}",
        crate::escape::path_name(path),
        reason(path, err)
    )
}

/// Why a path could not be read, in the words a user would look for.
fn reason(path: &Path, err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound if is_symlink(path) => "broken symbolic link".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "is a folder".into(),
        _ => err.to_string(),
    }
}

fn is_symlink(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_entries_and_other_extensions_are_left_out() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir(dir.path().join("sub"))?;
        std::fs::write(dir.path().join("sub/a.TXT"), "a")?;
        std::fs::write(dir.path().join("b.md"), "b")?;
        std::fs::write(dir.path().join(".c.txt"), "c")?;
        std::fs::write(dir.path().join("d.pdf"), "d")?;
        let found = walk(dir.path())?;
        let names: Vec<_> = found
            .files
            .iter()
            .filter_map(|f| f.path.strip_prefix(dir.path()).ok())
            .map(|p| p.display().to_string())
            .collect();
        assert_eq!(names, ["b.md", "sub/a.TXT"]);
        assert!(found.skipped.is_empty());
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_entries_are_marked_regular() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.txt"), "a")?;
        std::os::unix::fs::symlink(dir.path().join("a.txt"), dir.path().join("b.txt"))?;
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join("c.txt"))
            .status()?;
        assert!(status.success());
        let found = walk(dir.path())?;
        let kinds: Vec<_> = found
            .files
            .iter()
            .filter_map(|f| Some((f.path.file_name()?.to_str()?, f.regular)))
            .collect();
        assert_eq!(kinds, [("a.txt", true), ("b.txt", false), ("c.txt", false)]);
        Ok(())
    }

    #[test]
    fn the_order_is_that_of_sorting_every_path() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let names = [
            "a.txt",
            "a/x.txt",
            "a-b.txt",
            "b/c/d.md",
            "B.txt",
            "a/a/z.txt",
            "ab.md",
        ];
        for name in names {
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, name)?;
        }
        let mut sorted: Vec<PathBuf> = names.iter().map(|n| dir.path().join(n)).collect();
        sorted.sort();
        let paths: Vec<PathBuf> = walk(dir.path())?
            .files
            .into_iter()
            .map(|f| f.path)
            .collect();
        assert_eq!(paths, sorted);
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_broken_link_is_named_as_such() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let link = dir.path().join("gone.txt");
        std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), &link)?;
        let err = std::fs::read(&link).err().ok_or("a broken link reads")?;
        assert_eq!(
            skip_notice(&link, &err),
            format!("{}: skipped, broken symbolic link", link.display())
        );
        Ok(())
    }

    #[cfg(feature = "formats")]
    #[test]
    fn every_message_of_a_maildir_is_found_and_tmp_is_not() -> Result<(), Box<dyn std::error::Error>>
    {
        let dir = tempfile::tempdir()?;
        for sub in ["posta/cur", "posta/new", "posta/tmp", "other/cur"] {
            std::fs::create_dir_all(dir.path().join(sub))?;
        }
        for file in [
            "posta/cur/1.M1:2,S",
            "posta/new/2.M2",
            "posta/tmp/3.M3",
            "posta/cur/.hidden",
            "other/cur/4.M4",
        ] {
            std::fs::write(dir.path().join(file), "From: a@b.example\n\nmetin")?;
        }
        let found = walk(dir.path())?;
        let names: Vec<_> = found
            .formatted
            .iter()
            .filter_map(|p| p.strip_prefix(dir.path()).ok())
            .map(|p| p.display().to_string())
            .collect();
        assert_eq!(names, ["posta/cur/1.M1:2,S", "posta/new/2.M2"]);
        Ok(())
    }

    #[test]
    fn a_missing_named_folder_is_an_error() {
        assert!(matches!(
            walk(Path::new("/no/such/okur/folder")),
            Err(LoadError::Missing(_))
        ));
    }
}
