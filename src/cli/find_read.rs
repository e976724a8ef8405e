//! Reading a plain text file for `okur find --scope text` without the full load's copies:
//! the bytes are read once, checked as UTF-8 with a SIMD validator (`simdutf8`; the
//! standard one took a fifth to a quarter of a search's time on Turkish and Arabic text)
//! and searched in place. Only the common case is taken here: a regular `.txt` or `.md`
//! file under the size limit, valid UTF-8 without a BOM, no control character near its top
//! and some word in it. Anything else (a legacy encoding, a binary or empty file, a read
//! error, a FIFO) goes through [`crate::corpus::fast::load_file`], which reads it again and says what the full
//! load says, so notices and texts are the same either way.

use std::path::Path;

/// The bytes of `path` when it is a `.txt` or `.md` regular file within the input limit;
/// `None` for anything else, or on any error (the full load then reports it). `walked` when
/// a folder walk found it a regular file by its directory entry: its type is then asked
/// only of the open file, not of the path before as well.
pub(super) fn read_plain(path: &Path, walked: bool) -> Option<Vec<u8>> {
    let plain = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "txt" | "md"));
    if !plain {
        return None;
    }
    let limit = crate::corpus::max_input_bytes();
    let bytes = match walked {
        true => crate::corpus::read_walked_regular(path, limit),
        false => crate::corpus::read_regular(path, limit),
    };
    bytes.ok()
}

/// The text of a plain file's `bytes` when the full load takes them as they are, with no
/// notice: valid UTF-8 without a BOM, no control character the binary sniff counts, and
/// some word (a file without one may be empty, which has a notice). `None` otherwise.
pub(super) fn plain_text(bytes: &[u8]) -> Option<&str> {
    if crate::corpus::head_has_controls(bytes) || bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return None;
    }
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    text.chars().any(crate::text::is_word_char).then_some(text)
}
