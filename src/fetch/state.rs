//! What okur remembers of each feed between fetches: the validators for a conditional
//! request, when it was last fetched and how that went. Kept in `feeds/.state/NAME.json`
//! (hidden, so opening the feeds folder does not list it); losing it costs one full fetch,
//! never an article, since which items are stored is read from the stored articles.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::http::Validators;

/// The remembered state of one feed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedState {
    /// Validators of the last full answer.
    #[serde(default)]
    pub validators: Validators,
    /// When the feed was last fetched, seconds since the Unix epoch.
    #[serde(default)]
    pub fetched_at: u64,
    /// The error of the last fetch, if it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

impl FeedState {
    /// Where the state of feed `name` is kept under the feeds folder.
    pub fn path(feeds_dir: &Path, name: &str) -> PathBuf {
        feeds_dir.join(".state").join(format!("{name}.json"))
    }

    /// The remembered state, or a fresh one when it is missing or unreadable (a damaged
    /// state file only costs a full fetch).
    pub fn load(feeds_dir: &Path, name: &str) -> FeedState {
        crate::corpus::read_small_file(&FeedState::path(feeds_dir, name), 1 << 20)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Writes the state whole (temporary file, synced, renamed).
    pub fn save(&self, feeds_dir: &Path, name: &str) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        crate::store::write_whole(&FeedState::path(feeds_dir, name), &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_and_damage_means_fresh() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let state = FeedState {
            validators: Validators {
                etag: Some("\"abc\"".into()),
                last_modified: None,
            },
            fetched_at: 1_700_000_000,
            last_error: Some("the server answered 500".into()),
        };
        state.save(dir.path(), "aa")?;
        assert_eq!(FeedState::load(dir.path(), "aa"), state);
        std::fs::write(FeedState::path(dir.path(), "aa"), "{not json")?;
        assert_eq!(FeedState::load(dir.path(), "aa"), FeedState::default());
        Ok(())
    }
}
