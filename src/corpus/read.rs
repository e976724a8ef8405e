//! Reading one input safely: only regular files, never more than a size limit.
//!
//! A named pipe opened for reading blocks until someone writes, `/dev/zero` never ends, a
//! tape device rewinds when opened: none of them is a document. So the type is checked
//! before opening (a device is never opened), the file is opened without blocking, and the
//! type is checked again on the open file (it may have been swapped in between). Reads stop
//! at the limit plus one byte, so a file that lies about its size or grows while read
//! cannot exceed it.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

/// The default largest input read, file or standard input: 256 MiB. Far above any news
/// article; below what would exhaust memory once laid out.
pub const DEFAULT_MAX_INPUT_MB: u64 = 256;

/// The environment variable that raises or lowers the limit, in MiB.
pub const MAX_INPUT_ENV: &str = "OKUR_MAX_INPUT_MB";

/// Why an input was not read.
#[derive(Debug)]
pub enum Unread {
    /// The OS refused (missing, permission denied, ...).
    Io(std::io::Error),
    /// Not something okur reads: the reason, in words (`a named pipe (FIFO)...`).
    Skipped(String),
}

/// The largest input okur reads, in bytes: `OKUR_MAX_INPUT_MB` MiB when set to a positive
/// whole number, else [`DEFAULT_MAX_INPUT_MB`]. Read once per process.
pub fn max_input_bytes() -> u64 {
    static LIMIT: OnceLock<u64> = OnceLock::new();
    *LIMIT.get_or_init(|| {
        let mb = std::env::var(MAX_INPUT_ENV)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|&mb| mb > 0)
            .unwrap_or(DEFAULT_MAX_INPUT_MB);
        mb.saturating_mul(1 << 20)
    })
}

/// What kind of file `meta` describes (`a named pipe (FIFO)`, `a character device`, ...),
/// when it is not a regular file or a folder.
pub fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() || kind.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(FIFO);
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
    }
    Some("not a regular file")
}

/// What a pipe named as a file is told: `<(command)` and `/dev/stdin` in a pipeline are
/// named pipes, which okur reads as standard input only (in the background, `q` works).
const PIPE_HINT: &str = "; read a pipe as standard input instead, named `-` (`command | okur … -`)";

/// The notice text for a file that is not regular; a named pipe says how to read one.
fn not_regular_reason(kind: &str) -> String {
    let hint = if kind == FIFO { PIPE_HINT } else { "" };
    format!("{kind}, not a regular file{hint}")
}

/// The kind of a named pipe, in words.
const FIFO: &str = "a named pipe (FIFO)";

/// The reason given for an input over the limit.
pub fn too_large_reason(size: Option<u64>, limit: u64) -> String {
    let mib = |b: u64| b.div_ceil(1 << 20);
    let size = size
        .map(|s| format!(" ({} MiB)", mib(s)))
        .unwrap_or_default();
    format!(
        "larger than the {} MiB okur reads{size}; set {MAX_INPUT_ENV} to raise the limit",
        mib(limit)
    )
}

/// Opens a regular file for reading without blocking: the type is checked on the path
/// first and on the open file after.
pub(super) fn open_regular(path: &Path) -> Result<(File, u64), Unread> {
    let meta = std::fs::metadata(path).map_err(Unread::Io)?;
    if let Some(kind) = not_regular(&meta) {
        return Err(Unread::Skipped(not_regular_reason(kind)));
    }
    open_checked(path)
}

/// Opens `path` without blocking and checks the type of the open file: the second half of
/// [`open_regular`], for a path whose type was checked before (by the caller, or by a
/// folder walk's directory entry).
fn open_checked(path: &Path) -> Result<(File, u64), Unread> {
    let file = open_nonblocking(path).map_err(Unread::Io)?;
    let meta = file.metadata().map_err(Unread::Io)?;
    if let Some(kind) = not_regular(&meta) {
        return Err(Unread::Skipped(not_regular_reason(kind)));
    }
    if meta.is_dir() {
        return Err(Unread::Io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a folder",
        )));
    }
    Ok((file, meta.len()))
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Regular files ignore O_NONBLOCK; a FIFO swapped in after the check then opens
    // at once instead of waiting for a writer, and the second check turns it away.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Reads a whole regular file of at most `limit` bytes.
pub(crate) fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Unread> {
    let (file, len) = open_regular(path)?;
    read_opened(file, len, limit)
}

/// Reads a whole file of at most `limit` bytes that a folder walk found to be a regular file
/// by its directory entry (not through a link): the type is not asked of the path again
/// before opening (a `statx` per file, a visible part of reading 20k small articles), only
/// of the open file, which still turns away anything swapped in since the walk.
pub(crate) fn read_walked_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Unread> {
    let (file, len) = open_checked(path)?;
    read_opened(file, len, limit)
}

/// Reads an opened regular file of `len` bytes, at most `limit`.
fn read_opened(file: File, len: u64, limit: u64) -> Result<Vec<u8>, Unread> {
    if len > limit {
        return Err(Unread::Skipped(too_large_reason(Some(len), limit)));
    }
    read_capped(file, len, limit)
        .map_err(Unread::Io)?
        .ok_or_else(|| Unread::Skipped(too_large_reason(None, limit)))
}

/// Reads at most `limit` bytes from `input`; `Ok(None)` when there was more. `hint` sizes
/// the buffer (a file's length), capped by the limit.
pub fn read_capped(input: impl Read, hint: u64, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let capacity = usize::try_from(hint.min(limit).saturating_add(1)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    input
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let over = u64::try_from(bytes.len()).map_or(true, |n| n > limit);
    Ok((!over).then_some(bytes))
}

/// Reads a small regular file named by the user (a config file): a pipe, a device or a
/// file over `limit` bytes is an error that says so, never a wait or an endless read.
pub fn read_small_file(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let (file, len) = open_regular(path).map_err(|e| match e {
        Unread::Io(e) => e,
        Unread::Skipped(why) => std::io::Error::other(why),
    })?;
    let too_large = || std::io::Error::other(format!("larger than {} KiB", limit / 1024));
    if len > limit {
        return Err(too_large());
    }
    read_capped(file, len, limit)?.ok_or_else(too_large)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_skipped_without_reading_it()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("big.txt");
        // Sparse: a terabyte costs nothing on disk.
        File::create(&path)?.set_len(1 << 40)?;
        match read_regular(&path, 1 << 20) {
            Err(Unread::Skipped(why)) => {
                assert!(why.starts_with("larger than the 1 MiB okur reads"), "{why}");
                assert!(why.contains("1048576 MiB"), "{why}");
            }
            other => panic!("read a terabyte: {:?}", other.map(|b| b.len())),
        }
        Ok(())
    }

    #[test]
    fn a_stream_longer_than_its_limit_stops_one_byte_past() -> Result<(), String> {
        let endless = std::io::repeat(b'a');
        match read_capped(endless, 0, 10) {
            Ok(None) => Ok(()),
            _ => Err("an endless stream was not cut at the limit".into()),
        }
    }

    #[test]
    fn exactly_the_limit_is_read() -> Result<(), String> {
        match read_capped(&b"0123456789"[..], 10, 10) {
            Ok(Some(bytes)) if bytes.len() == 10 => Ok(()),
            _ => Err("ten bytes under a ten-byte limit were refused".into()),
        }
    }

    /// Neither reader reads a FIFO or a device: [`read_regular`] asks the path's type before
    /// opening, [`read_walked_regular`] (for a file a walk saw as regular, since swapped)
    /// only the open file's, opened without blocking (no writer: the open would wait).
    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_not_read() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let fifo = dir.path().join("x.txt");
        make_fifo(&fifo)?;
        type Reader = fn(&Path, u64) -> Result<Vec<u8>, Unread>;
        let readers: [Reader; 2] = [read_regular, read_walked_regular];
        for (path, kind) in [
            (fifo.as_path(), "a named pipe (FIFO)"),
            (Path::new("/dev/zero"), "a character device"),
            (Path::new("/dev/null"), "a character device"),
        ] {
            for read in readers {
                match read(path, 1 << 20) {
                    Err(Unread::Skipped(why)) => {
                        assert!(why.starts_with(kind), "{why}");
                        // `okur render <(command)` names a pipe: told to pipe it into `-`.
                        let hint = why.ends_with("named `-` (`command | okur … -`)");
                        assert_eq!(hint, kind == FIFO, "{why}");
                    }
                    _ => panic!("{} was read", path.display()),
                }
            }
        }
        Ok(())
    }

    #[test]
    fn a_file_the_walk_saw_is_read_within_the_limit() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let file = dir.path().join("y.txt");
        std::fs::write(&file, "Lavrov")?;
        assert!(matches!(read_walked_regular(&file, 1 << 20), Ok(b) if b == b"Lavrov"));
        assert!(matches!(
            read_walked_regular(&file, 3),
            Err(Unread::Skipped(why)) if why.starts_with("larger than")
        ));
        Ok(())
    }

    #[cfg(unix)]
    fn make_fifo(path: &Path) -> std::io::Result<()> {
        let status = std::process::Command::new("mkfifo").arg(path).status()?;
        match status.success() {
            true => Ok(()),
            false => Err(std::io::Error::other("mkfifo failed")),
        }
    }
}
