//! The local cache of the team's pulled changes, beside the journal (`journal.jsonl.team`,
//! private 0600 like the journal): an okur started offline shows the last known team state
//! at once, and pulling goes on from the cached cursor instead of from the start.
//!
//! The file is replaced whole (a synced temporary file renamed over it), so a crash leaves
//! the old cache or the new one. It is never trusted blindly: a first line names the
//! format, the server it came from and a checksum of the rest; a file that fails any check
//! (another format, another server, a wrong checksum, rows that do not parse) is reported
//! and the state is pulled from the server again. The sync thread also asks the server
//! whether the cursor can be right (see `sync.rs`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::merge::Row;
use super::server::PullCursor;

/// The format written in the first line; another number is not read.
const FORMAT: u32 = 1;

/// The cache file of the journal whose push cursor file is `pushed`
/// (`journal.jsonl.pushed` → `journal.jsonl.team`).
pub fn path_beside(pushed: &Path) -> PathBuf {
    pushed.with_extension("team")
}

/// The first line: what the rest is, and its checksum.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    okur_team_cache: u32,
    /// The server's identity (host, port, database, role: never a password).
    server: String,
    /// Rows in the body.
    rows: usize,
    /// xxh3 of the body, hex.
    sum: String,
}

/// The rest: the pull cursor and every row pulled, in cursor order.
#[derive(Debug, Serialize, Deserialize)]
struct Body {
    cursor: PullCursor,
    rows: Vec<Row>,
}

/// What a cache file held.
#[derive(Debug)]
pub enum Loaded {
    /// No cache yet.
    Missing,
    /// The rows pulled before, and where pulling stopped.
    Restored {
        /// Where to pull on from.
        cursor: PullCursor,
        /// The rows, in cursor order.
        rows: Vec<Row>,
    },
    /// A file that failed a check: why. Everything is pulled again (and the file replaced).
    Damaged(String),
}

/// The cache of one journal for one server.
#[derive(Debug, Clone)]
pub struct Cache {
    path: PathBuf,
    server: String,
}

impl Cache {
    /// The cache at `path` for the server named `server` (see [`super::TeamUrl::identity`]).
    pub fn new(path: PathBuf, server: String) -> Cache {
        Cache { path, server }
    }

    /// Where it lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads and checks the file.
    pub fn load(&self) -> Loaded {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::Missing,
            Err(e) => return Loaded::Damaged(e.to_string()),
        };
        match self.check(&bytes) {
            Ok((cursor, rows)) => Loaded::Restored { cursor, rows },
            Err(why) => Loaded::Damaged(why),
        }
    }

    fn check(&self, bytes: &[u8]) -> Result<(PullCursor, Vec<Row>), String> {
        let cut = memchr::memchr(b'\n', bytes).ok_or("no header line")?;
        let (head, body) = (&bytes[..cut], &bytes[cut + 1..]);
        let header: Header =
            serde_json::from_slice(head).map_err(|e| format!("bad header: {e}"))?;
        if header.okur_team_cache != FORMAT {
            return Err(format!("format {} (not {FORMAT})", header.okur_team_cache));
        }
        if header.server != self.server {
            return Err(format!("made for another server ({})", header.server));
        }
        if header.sum != checksum(body) {
            return Err("checksum does not match (the file was cut or changed)".into());
        }
        let body: Body = serde_json::from_slice(body).map_err(|e| format!("bad rows: {e}"))?;
        if body.rows.len() != header.rows {
            return Err(format!(
                "{} rows, the header says {}",
                body.rows.len(),
                header.rows
            ));
        }
        Ok((body.cursor, body.rows))
    }

    /// Replaces the file with `rows` pulled up to `cursor`, whole or not at all.
    pub fn save(&self, cursor: &PullCursor, rows: &[Row]) -> std::io::Result<()> {
        #[derive(Serialize)]
        struct BodyRef<'a> {
            cursor: &'a PullCursor,
            rows: &'a [Row],
        }
        let body = serde_json::to_vec(&BodyRef { cursor, rows })?;
        let header = Header {
            okur_team_cache: FORMAT,
            server: self.server.clone(),
            rows: rows.len(),
            sum: checksum(&body),
        };
        let mut out = serde_json::to_vec(&header)?;
        out.push(b'\n');
        out.extend_from_slice(&body);
        crate::store::write_whole(&self.path, &out)
    }
}

fn checksum(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
