//! Finding the documents under a folder: recursively, `.txt` and `.md` only, hidden entries
//! skipped, sorted by path.
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
    /// Files with a text extension, sorted.
    pub files: Vec<PathBuf>,
    /// `PATH: skipped, REASON` for each subfolder or entry that could not be read.
    pub skipped: Vec<String>,
}

/// All files with a text extension under `dir`. Fails only when `dir` itself cannot be read.
pub(super) fn walk(dir: &Path) -> Result<Found, LoadError> {
    let mut found = Found::default();
    let top = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    let mut stack = Vec::new();
    visit(dir, top, &mut stack, &mut found);
    while let Some(folder) = stack.pop() {
        match std::fs::read_dir(&folder) {
            Ok(entries) => visit(&folder, entries, &mut stack, &mut found),
            Err(e) => found.skipped.push(skip_notice(&folder, &e)),
        }
    }
    found.files.sort();
    Ok(found)
}

/// Sorts the entries of one folder into subfolders to visit and files to read.
fn visit(folder: &Path, entries: std::fs::ReadDir, stack: &mut Vec<PathBuf>, found: &mut Found) {
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                found.skipped.push(skip_notice(folder, &e));
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // The entry's own type, not its target's: symbolic links to folders are not followed
        // (no cycles), links to files are read like files.
        match entry.file_type() {
            Ok(t) if t.is_dir() => stack.push(path),
            Ok(_) if has_text_extension(&path) => found.files.push(path),
            Ok(_) => {}
            Err(e) => found.skipped.push(skip_notice(&path, &e)),
        }
    }
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The notice for a file or folder inside a given folder that could not be read.
pub(super) fn skip_notice(path: &Path, err: &std::io::Error) -> String {
    format!("{}: skipped, {}", path.display(), reason(path, err))
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
            .filter_map(|p| p.strip_prefix(dir.path()).ok())
            .map(|p| p.display().to_string())
            .collect();
        assert_eq!(names, ["b.md", "sub/a.TXT"]);
        assert!(found.skipped.is_empty());
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

    #[test]
    fn a_missing_named_folder_is_an_error() {
        assert!(matches!(
            walk(Path::new("/no/such/okur/folder")),
            Err(LoadError::Missing(_))
        ));
    }
}
