//! Reading a plain text file for `okur find --scope text` without the full load's copies:
//! the bytes are read once, checked as UTF-8 with a SIMD validator (`simdutf8`; the
//! standard one took a fifth to a quarter of a search's time on Turkish and Arabic text)
//! and searched in place. Only the common case is taken here: a regular `.txt` or `.md`
//! file under the size limit, valid UTF-8 without a BOM, no control character near its top
//! and some word in it. Anything else (a legacy encoding, a binary or empty file, a read
//! error, a FIFO) goes through [`crate::corpus::fast::load_file`], which reads it again and says what the full
//! load says, so notices and texts are the same either way.

use std::io::Read;
use std::path::Path;

/// How much of the top of a file the binary sniff of the full load looks at
/// (`corpus::decode`'s `SNIFF_LEN`); looking at more only sends more files to the full load.
const SNIFF: usize = 8192;

/// The bytes of `path` when it is a `.txt` or `.md` regular file within the input limit;
/// `None` for anything else, or on any error (the full load then reports it).
pub(super) fn read_plain(path: &Path) -> Option<Vec<u8>> {
    let plain = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "txt" | "md"));
    plain.then(|| read_regular(path)).flatten()
}

/// The text of a plain file's `bytes` when the full load takes them as they are, with no
/// notice: valid UTF-8 without a BOM, no control character the binary sniff counts, and
/// some word (a file without one may be empty, which has a notice). `None` otherwise.
pub(super) fn plain_text(bytes: &[u8]) -> Option<&str> {
    let head = bytes.get(..SNIFF).unwrap_or(bytes);
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    if controls > 0 || bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return None;
    }
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    text.chars().any(crate::text::is_word_char).then_some(text)
}

/// The bytes of a regular file of at most the input limit, read without blocking on a FIFO
/// swapped in for it; `None` on any error (the full load then reports it).
#[cfg(unix)]
fn read_regular(path: &Path) -> Option<Vec<u8>> {
    use std::os::unix::fs::OpenOptionsExt;
    let limit = crate::corpus::max_input_bytes();
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > limit {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).ok()?.saturating_add(1));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .ok()?;
    (u64::try_from(bytes.len()).ok()? <= limit).then_some(bytes)
}

#[cfg(not(unix))]
fn read_regular(_path: &Path) -> Option<Vec<u8>> {
    None
}
