//! Reading a journal: one JSON [`Change`] per line, replayed in file order, damaged lines
//! skipped with a [`Warning`].
//!
//! Compaction rewrites the journal in place (see `journal.rs`), so the file keeps its
//! identity (its lock, its links). While it runs the file holds, after the old lines, a
//! marker `{"op":"compacted","bytes":N}` followed by the N bytes of the new journal. Replay
//! starts afresh at the last marker whose N bytes are all there: whatever comes before it
//! (the old journal, or the new one half written over it) is ignored. A marker whose bytes
//! are not all there is an unfinished compaction: it and what follows are dropped, and the
//! old journal before it stands.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::model::Change;

/// What a compaction marker line starts with.
pub(crate) const MARKER_PREFIX: &[u8] = br#"{"op":"compacted","#;

/// The UTF-8 byte order mark some editors put at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Something wrong in the journal that replay skipped, or a fact about it worth telling.
/// Never fatal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Warning {
    /// The last line has no newline and is not a valid change: a write cut short by a crash.
    /// It was never acknowledged; a writable store truncates it away.
    #[error("{path}: line {line}: incomplete last line ({bytes} bytes) skipped")]
    TornTail {
        /// The journal.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// Length of the torn line.
        bytes: usize,
    },
    /// A complete line that is not a valid change (or a batch holding something other than
    /// plain changes: it is skipped whole).
    #[error("{path}: line {line}: unreadable change skipped: {reason}")]
    Corrupt {
        /// The journal.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What the parser said.
        reason: String,
    },
    /// Compaction at open failed; the journal is as it was and still works.
    #[error("{path}: not compacted: {reason}")]
    NotCompacted {
        /// The journal.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Other users can read the journal (its notes, tags and spans).
    #[error(
        "{path} is readable by other users (mode {mode:03o}); to keep it private: chmod 600 {path}"
    )]
    Exposed {
        /// The journal.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
}

/// The changes read from a journal and what was wrong with it.
#[derive(Debug, Default)]
pub struct Replay {
    /// Valid entries in file order, from the last complete compaction marker on.
    pub entries: Vec<Change>,
    /// Skipped lines.
    pub warnings: Vec<Warning>,
    /// Length of the file up to the end of its last complete (or repaired) line.
    pub(crate) clean_len: u64,
    /// The last line lacked only its newline (it was valid and kept).
    pub(crate) missing_newline: bool,
    /// A compaction whose new journal is all there but was not yet moved to the start of
    /// the file: where its marker starts, and the byte range of the new journal.
    pub(crate) pending: Option<(u64, std::ops::Range<u64>)>,
}

/// Reads and parses a journal. A missing file is an empty journal.
///
/// The file is read until two reads agree on its length and modification time, so a
/// reader never takes a compaction's last step (the file cut to its new length) half seen.
pub fn read_journal(path: &Path) -> Result<Replay, StoreError> {
    for _ in 0..3 {
        let Some((bytes, before)) = read_file(path)? else {
            return Ok(Replay::default());
        };
        let after = std::fs::metadata(path).ok().map(|m| stamp(&m));
        if after == Some(before) {
            return Ok(parse_journal(path, &bytes));
        }
    }
    let bytes = read_file(path)?.map(|read| read.0).unwrap_or_default();
    Ok(parse_journal(path, &bytes))
}

/// A file's length and modification time.
type Stamp = (u64, Option<std::time::SystemTime>);

fn stamp(meta: &std::fs::Metadata) -> Stamp {
    (meta.len(), meta.modified().ok())
}

fn read_file(path: &Path) -> Result<Option<(Vec<u8>, Stamp)>, StoreError> {
    let mut file = match super::private::open_journal_to_read(path) {
        Ok(Some(file)) => file,
        Ok(None) => return Ok(None),
        Err(e) => return Err(StoreError::io("read", path, e)),
    };
    let meta = file
        .metadata()
        .map_err(|e| StoreError::io("stat", path, e))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| StoreError::io("read", path, e))?;
    Ok(Some((bytes, stamp(&meta))))
}

/// Parses a whole journal (`path` only names it in warnings).
pub(crate) fn parse_journal(path: &Path, bytes: &[u8]) -> Replay {
    let mut replay = Replay::default();
    // A byte order mark is not part of the first line.
    let mut pos = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    replay.clean_len = pos as u64;
    let mut line = 0;
    while pos < bytes.len() {
        line += 1;
        let (body, next, complete) = match memchr::memchr(b'\n', &bytes[pos..]) {
            Some(i) => (&bytes[pos..pos + i], pos + i + 1, true),
            None => (&bytes[pos..], bytes.len(), false),
        };
        // A marker cut before its own prefix is whole is an unfinished compaction too (no
        // change's name starts with "co").
        let torn_marker = !complete && body.len() >= 9 && MARKER_PREFIX.starts_with(body);
        if body.starts_with(MARKER_PREFIX) || torn_marker {
            match marker_group(body, next, bytes, complete) {
                Some(group) => {
                    // Everything before belongs to the journal this one replaces.
                    replay = Replay {
                        clean_len: next as u64,
                        pending: Some((pos as u64, group.start as u64..group.end as u64)),
                        ..Replay::default()
                    };
                }
                // An unfinished compaction: never acknowledged, the old journal stands.
                _ => break,
            }
            pos = next;
            continue;
        }
        match parse_line(body) {
            Ok(change) => {
                replay.entries.push(change);
                replay.clean_len = next as u64;
                replay.missing_newline = !complete;
            }
            Err(_) if !complete => replay.warnings.push(Warning::TornTail {
                path: path.to_path_buf(),
                line,
                bytes: body.len(),
            }),
            Err(_) if body.iter().all(u8::is_ascii_whitespace) => replay.clean_len = next as u64,
            Err(reason) => {
                replay.warnings.push(Warning::Corrupt {
                    path: path.to_path_buf(),
                    line,
                    reason,
                });
                replay.clean_len = next as u64;
            }
        }
        pos = next;
    }
    replay
}

/// The byte range of the new journal a marker line announces, when the marker is whole
/// and the bytes after it are all there (their hash is the marker's: a crash can leave a
/// file its full length with blocks never written).
fn marker_group(
    body: &[u8],
    next: usize,
    bytes: &[u8],
    complete: bool,
) -> Option<std::ops::Range<usize>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Marker {
        #[allow(dead_code)]
        op: String,
        bytes: u64,
        hash: String,
    }
    let marker: Marker = serde_json::from_slice(body).ok().filter(|_| complete)?;
    let end = next.checked_add(usize::try_from(marker.bytes).ok()?)?;
    let group = bytes.get(next..end)?;
    (marker.hash == hash(group)).then_some(next..end)
}

fn hash(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// The marker line announcing `new`, the new journal that follows it; newline included.
pub(crate) fn marker_line(new: &[u8]) -> Vec<u8> {
    let (bytes, hash) = (new.len(), hash(new));
    format!("{{\"op\":\"compacted\",\"bytes\":{bytes},\"hash\":\"{hash}\"}}\n").into_bytes()
}

/// One line as a change, or why it is not one.
fn parse_line(body: &[u8]) -> Result<Change, String> {
    // A mark inside the file comes from journals joined end to end (`cat a b`), one of them
    // saved by an editor that starts files with it: the line after it is whole.
    let body = body.strip_prefix(BOM).unwrap_or(body);
    let change = serde_json::from_slice::<Change>(body).map_err(|e| e.to_string())?;
    change.check_batch().map_err(|e| e.to_string())?;
    Ok(change)
}

#[cfg(test)]
#[path = "replay_tests.rs"]
mod tests;
