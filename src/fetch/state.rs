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

/// Held while a fetch runs on a feeds folder: two runs at once would append the same items
/// twice. The operating system lets go of it when the holder ends, however it ends.
#[derive(Debug)]
pub struct FetchLock {
    _file: std::fs::File,
}

/// Why a fetch could not start on a feeds folder.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another fetch (`okur fetch`, or a reader's fetch key) holds the folder.
    #[error("another `okur fetch` is running on {}", .0.display())]
    Busy(PathBuf),
    /// The lock file could not be made or locked.
    #[error("cannot lock {}: {source}", path.display())]
    Io {
        /// The lock file (or the folder it goes in).
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

impl FetchLock {
    /// Takes the fetch lock of `feeds_dir` (`.state/fetch.lock`) without waiting: a folder
    /// another fetch holds is [`LockError::Busy`].
    pub fn take(feeds_dir: &Path) -> Result<FetchLock, LockError> {
        let state = feeds_dir.join(".state");
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| LockError::Io { path, source }
        };
        crate::store::create_folder(&state).map_err(io(&state))?;
        let path = state.join("fetch.lock");
        let file = crate::store::private_file()
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io(&path))?;
        match file.try_lock() {
            Ok(()) => Ok(FetchLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(LockError::Busy(feeds_dir.to_path_buf())),
            Err(std::fs::TryLockError::Error(e)) => Err(io(&path)(e)),
        }
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

    #[test]
    fn one_fetch_lock_at_a_time() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let held = FetchLock::take(dir.path())?;
        let second = FetchLock::take(dir.path())
            .map(|_| ())
            .map_err(|e| e.to_string());
        let busy = format!(
            "another `okur fetch` is running on {}",
            dir.path().display()
        );
        assert_eq!(second, Err(busy));
        drop(held);
        assert!(FetchLock::take(dir.path()).is_ok());
        Ok(())
    }
}
