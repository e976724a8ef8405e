//! Keeping the journal private: its folder is created 0700 and the files okur stores 0600
//! (a stricter umask wins), and a journal others can read is reported.

use std::fs::{File, OpenOptions};
use std::path::Path;

use super::replay::Warning;

/// Permission bits of folders okur creates for its data.
pub const FOLDER_MODE: u32 = 0o700;
/// Permission bits of files okur stores.
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` and its missing parents, each 0700 (a stricter umask wins).
pub fn create_folder(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, FOLDER_MODE);
    builder.create(dir)
}

/// Options that create a file 0600 (a stricter umask wins).
pub fn private_file() -> OpenOptions {
    let mut options = OpenOptions::new();
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, FILE_MODE);
    options
}

/// Writes `bytes` to `path` whole or not at all: a private temporary file beside it, synced,
/// renamed over the old file, so a crash leaves the old file or the new one. Missing folders
/// are created private (0700).
pub fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_folder(dir)?;
    // tempfile creates its files 0600.
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Opens the journal read-write, creating it and its folder when missing. The error is
/// what stands in the way, in words for the status line.
pub fn open_journal(path: &Path) -> Result<File, String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        create_folder(parent).map_err(|e| {
            format!(
                "cannot create its folder {}: {}",
                parent.display(),
                said(&e)
            )
        })?;
    }
    if let Some(kind) = std::fs::metadata(path).ok().and_then(|m| not_regular(&m)) {
        return Err(format!("{kind}, not a regular file"));
    }
    let mut options = private_file();
    options.read(true).write(true).create(true).truncate(false);
    let file = nonblocking(&mut options).open(path).map_err(|e| said(&e))?;
    // Again on the open file: a pipe swapped in after the check opened at once (without
    // waiting, O_NONBLOCK) and is turned away here before anything reads from it.
    match file.metadata().ok().and_then(|m| not_regular(&m)) {
        Some(kind) => Err(format!("{kind}, not a regular file")),
        None => Ok(file),
    }
}

/// Opens the journal at `path` for reading only, without blocking and only when it is a
/// regular file: a named pipe would wait for a writer forever, `/dev/zero` never ends.
/// `Ok(None)` when there is no file.
pub fn open_journal_to_read(path: &Path) -> std::io::Result<Option<File>> {
    let not_regular_error =
        |kind: &str| std::io::Error::other(format!("{kind}, not a regular file"));
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
        Ok(meta) => {
            if let Some(kind) = not_regular(&meta) {
                return Err(not_regular_error(kind));
            }
        }
    }
    let file = nonblocking(OpenOptions::new().read(true)).open(path)?;
    match file.metadata().ok().and_then(|m| not_regular(&m)) {
        Some(kind) => Err(not_regular_error(kind)),
        None => Ok(Some(file)),
    }
}

/// What `meta` is when it is not a regular file (a folder is told apart by the open
/// itself, which says "Is a directory").
fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    crate::corpus::not_regular(meta).filter(|_| !meta.is_dir())
}

/// `options` set not to wait when the path turns out to be a pipe (regular files ignore
/// the flag).
fn nonblocking(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(options, libc::O_NONBLOCK);
    options
}

/// What the system said, without the error number.
pub fn said(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// A warning when the open journal can be read by other users.
pub fn exposed(file: &File, path: &Path) -> Option<Warning> {
    file.metadata().ok().and_then(|m| exposed_mode(&m, path))
}

/// A warning when the journal at `path` exists and can be read by other users.
pub fn exposed_at(path: &Path) -> Option<Warning> {
    std::fs::metadata(path)
        .ok()
        .and_then(|m| exposed_mode(&m, path))
}

#[cfg(unix)]
fn exposed_mode(meta: &std::fs::Metadata, path: &Path) -> Option<Warning> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    (mode & 0o044 != 0).then(|| Warning::Exposed {
        path: path.to_path_buf(),
        mode,
    })
}

#[cfg(not(unix))]
fn exposed_mode(_meta: &std::fs::Metadata, _path: &Path) -> Option<Warning> {
    None
}
