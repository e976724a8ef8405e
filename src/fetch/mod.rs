//! Following news feeds: the list of followed feeds (`feeds.toml`, OPML in and out), HTTP
//! fetching with conditional requests and limits, and the feeds folder where fetched
//! articles are stored so that reading is offline.
//!
//! The feeds folder (`$XDG_DATA_HOME/okur/feeds/`) holds one JSON-lines news dump per feed,
//! which okur opens like any other dump; a hidden `.state/` folder keeps what a conditional
//! request needs.

mod archive;
pub mod feeds;
pub mod http;
pub mod opml;
mod run;
pub mod state;

pub use feeds::{Feed, FeedList, FeedsError, default_feeds_file};
pub use http::{Client, FetchError, Fetched, Page, Validators};
pub use opml::{OpmlError, Outline, read_opml, write_opml};
pub use run::{Added, FeedResult, Outcome, fetch_all, fetch_feed};
pub use state::FeedState;

use std::io::Write;
use std::path::{Path, PathBuf};

/// The feeds folder: `$XDG_DATA_HOME/okur/feeds`, else `~/.local/share/okur/feeds`.
pub fn default_feeds_dir() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let data = var("XDG_DATA_HOME")
        .filter(|p| p.is_absolute())
        .or_else(|| var("HOME").map(|h| h.join(".local/share")))?;
    Some(data.join("okur").join("feeds"))
}

/// Writes `bytes` to `path` whole or not at all: a private temporary file beside it, synced,
/// renamed over the old file. Missing folders are created private (0700).
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    crate::store::create_folder(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
