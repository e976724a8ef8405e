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

use std::path::PathBuf;

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

/// True when `dir` (a feeds folder) holds an article archive: something fetched, not only
/// the hidden `.state/` of fetches that brought nothing. False when it does not exist.
pub fn has_articles(dir: &std::path::Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| !e.file_name().as_encoded_bytes().starts_with(b"."))
    })
}
