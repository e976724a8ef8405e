//! The team view's way out of the sync thread: merging pulled rows, the reader's feed, and
//! the local cache (`cache.rs`): restoring the team state before the first connection,
//! checking the cached cursor against the server, writing the cache back now and then.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::super::TeamError;
use super::super::cache::Loaded;
use super::super::merge::{Row, TeamState, TeamView};
use super::super::server::{self, PullCursor};
use super::{Worker, lock};

/// The shortest time between two writes of the cache while pulling (it is written whole).
const SAVE_EVERY: Duration = Duration::from_secs(2);

impl super::Sync {
    /// A function that hands another thread (the reader) the team state when it changed
    /// since version `seen`: `(version, state)`, or `None` when nothing is new. The check
    /// is one atomic load, so the reader can ask every frame.
    pub fn feed(
        &self,
    ) -> impl Fn(u64) -> Option<(u64, TeamState)> + Send + std::marker::Sync + 'static {
        let shared = Arc::clone(&self.shared);
        move |seen| {
            if shared.version.load(Ordering::Acquire) == seen {
                return None;
            }
            let view = lock(&shared.view);
            // Read under the lock: the version and the state go together.
            let version = shared.version.load(Ordering::Acquire);
            Some((version, view.state.clone()))
        }
    }
}

impl Worker {
    /// Loads the cache, if any, into the view: the last known team state, shown before the
    /// server is reached. A damaged cache is said on the status line and left to be
    /// replaced by a full pull.
    pub(super) fn restore(&mut self) {
        let Some(cache) = &self.cache else { return };
        match cache.load() {
            Loaded::Missing => {}
            Loaded::Damaged(why) => {
                let said = format!("{}: {why}", cache.path().display());
                self.set(|s| s.cache_problem = Some(said));
            }
            Loaded::Restored { cursor, rows } => {
                let n = rows.len();
                self.cursor = cursor;
                self.merge(rows);
                self.saved = Some((Instant::now(), n));
                self.set(|s| s.restored = n);
            }
        }
    }

    /// Merges pulled rows into the view (and keeps them for the cache); the reader sees a
    /// new version when there were any.
    pub(super) fn merge(&mut self, rows: Vec<Row>) {
        if rows.is_empty() {
            return;
        }
        {
            let mut view = lock(&self.shared.view);
            for row in &rows {
                self.clock = self.clock.max(row.clock);
                view.merge(row);
            }
            self.shared
                .version
                .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        }
        self.rows.extend(rows);
    }

    /// A cursor past the server's last row came from another server, or one rebuilt since:
    /// everything is pulled again from the start.
    pub(super) fn check_cursor(&mut self, client: &mut postgres::Client) -> Result<(), TeamError> {
        let at = self.cursor.id();
        if at == 0 || server::last_id(client)? >= at {
            return Ok(());
        }
        self.cursor = PullCursor::default();
        self.rows.clear();
        self.saved = None;
        *lock(&self.shared.view) = TeamView::default();
        self.shared
            .version
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        let said = "the server has fewer changes than the cache: pulling all again".to_string();
        self.set(|s| s.cache_problem = Some(said));
        Ok(())
    }

    /// Writes the cache when it is behind, at most every [`SAVE_EVERY`] unless `now`.
    pub(super) fn save_cache(&mut self, now: bool) {
        let Some(cache) = &self.cache else { return };
        if let Some((at, n)) = self.saved
            && (n == self.rows.len() || (!now && at.elapsed() < SAVE_EVERY))
        {
            return;
        }
        match cache.save(&self.cursor, &self.rows) {
            Ok(()) => {
                self.saved = Some((Instant::now(), self.rows.len()));
                self.set(|s| s.cache_problem = None);
            }
            Err(e) => {
                let said = format!("cannot write {}: {e}", cache.path().display());
                self.set(|s| s.cache_problem = Some(said));
            }
        }
    }
}
