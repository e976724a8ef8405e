//! The fetch key: every followed feed fetched on a background thread by the code `okur
//! fetch` runs, under the same lock, while the reader goes on. Progress comes back as
//! [`FetchEvent`]s: the status line counts the feeds done, the new articles and names the
//! feeds that failed; when new articles arrived in the feeds folder the corpus shows, it is
//! reloaded (see [`super::reload`]).

use std::path::PathBuf;

use super::app::App;
use super::effect::Effect;
use super::status::counted;

/// What the fetch thread says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchEvent {
    /// The lock is taken and this many feeds are being fetched.
    Started(usize),
    /// One feed finished.
    Feed(FeedDone),
    /// Every feed is done. `covered`: the open corpus includes the feeds folder (so its
    /// new articles can join the list by a reload).
    Finished {
        /// The corpus was opened from the feeds folder, a folder above it or a file in it.
        covered: bool,
    },
    /// The fetch did not start or broke off: why (no feeds followed, another fetch holds
    /// the folder, the thread died).
    Failed(String),
}

/// One feed's result, as the status line needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedDone {
    /// The feed's name.
    pub name: String,
    /// Articles stored for the first time.
    pub new: usize,
    /// Why it failed, if it did.
    pub failed: Option<String>,
}

/// A fetch while it runs: what the status line shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchProgress {
    /// Feeds to fetch (`None` until the thread has read the feeds list and taken the lock).
    pub total: Option<usize>,
    /// Feeds finished.
    pub done: usize,
    /// New articles so far.
    pub new: usize,
    /// Feeds that failed, with why.
    pub failed: Vec<(String, String)>,
}

impl FetchProgress {
    /// `fetching feeds: 2/5 · 3 new · failed: aj`.
    pub fn line(&self) -> String {
        let Some(total) = self.total else {
            return format!("{PROGRESS}…");
        };
        let mut line = format!("{PROGRESS}: {}/{total} · {} new", self.done, self.new);
        if !self.failed.is_empty() {
            let names: Vec<&str> = self.failed.iter().map(|(n, _)| n.as_str()).collect();
            line.push_str(&format!(" · failed: {}", names.join(", ")));
        }
        line
    }

    /// `fetched 5 feeds: 3 new articles; failed: aj (the server answered 500)`.
    fn summary(&self) -> String {
        let feeds = counted(self.total.unwrap_or(self.done), "feed");
        let mut line = format!("fetched {feeds}: {}", counted(self.new, "new article"));
        let failed: Vec<String> = self
            .failed
            .iter()
            .map(|(name, why)| format!("{name} ({why})"))
            .collect();
        if !failed.is_empty() {
            line.push_str(&format!("; failed: {}", failed.join(", ")));
        }
        line
    }
}

/// What a progress message starts with: a later event replaces such a message, and no other.
const PROGRESS: &str = "fetching feeds";

/// The fetch key: starts a fetch, or says that one is running.
pub fn start(app: &mut App) -> Vec<Effect> {
    if let Some(running) = &app.fetch {
        let line = running.line();
        app.status.say(format!("already fetching: {line}"));
        return Vec::new();
    }
    let progress = FetchProgress::default();
    app.status.say(progress.line());
    app.fetch = Some(progress);
    vec![Effect::FetchFeeds]
}

/// Takes one event of the running fetch into the app. The progress replaces only a
/// progress message (what a key just said stays); the end is always said, and asks for a
/// reload when new articles arrived where the corpus reads.
pub fn arrive(app: &mut App, event: FetchEvent) -> Vec<Effect> {
    let Some(progress) = app.fetch.as_mut() else {
        return Vec::new();
    };
    match event {
        FetchEvent::Started(total) => progress.total = Some(total),
        FetchEvent::Feed(feed) => {
            progress.done += 1;
            progress.new += feed.new;
            if let Some(why) = feed.failed {
                progress.failed.push((feed.name, why));
            }
        }
        FetchEvent::Finished { covered } => return finished(app, covered),
        FetchEvent::Failed(why) => {
            app.fetch = None;
            app.status.say(format!("fetch: {why}"));
            return Vec::new();
        }
    }
    let line = progress.line();
    if app.status.is_empty() || app.status.text().starts_with(PROGRESS) {
        app.status.say(line);
    }
    Vec::new()
}

/// The fetch ended: what it brought, and the reload that shows it.
fn finished(app: &mut App, covered: bool) -> Vec<Effect> {
    let Some(progress) = app.fetch.take() else {
        return Vec::new();
    };
    let summary = progress.summary();
    if progress.new == 0 {
        app.status.say(summary);
        return Vec::new();
    }
    if !covered {
        app.status
            .say(format!("{summary} (okur --feeds opens the feeds folder)"));
        return Vec::new();
    }
    let effects = super::reload::request(app);
    // The reload says why it cannot run (still loading); else the fetch's summary.
    if !effects.is_empty() {
        app.status
            .say(format!("{summary}{}", super::reload::AFTER_FETCH));
    } else {
        let why = app.status.text().to_string();
        app.status.say(format!("{summary}; {why}"));
    }
    effects
}

/// Whether a corpus opened from `sources` reads the feeds folder `dir`: a source is the
/// folder, a folder above it, or a file inside it (paths compared once resolved).
pub fn covers(sources: &[PathBuf], dir: &std::path::Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    sources
        .iter()
        .filter_map(|s| s.canonicalize().ok())
        .any(|s| dir.starts_with(&s) || s.starts_with(&dir))
}

#[cfg(feature = "fetch")]
pub use job::FetchJob;

/// The thread that fetches.
#[cfg(feature = "fetch")]
mod job {
    use std::path::PathBuf;
    use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
    use std::time::Duration;

    use super::{FeedDone, FetchEvent};
    use crate::fetch::{self, Client, FeedList, FeedResult, Outcome, state::FetchLock};
    use crate::tui::inbox::Waker;

    /// Seconds one request may take: `okur fetch`'s default.
    const TIMEOUT: Duration = Duration::from_secs(20);

    /// The largest feed or page fetched: `okur fetch`'s default, 20 MB.
    const MAX_BYTES: u64 = 20 << 20;

    /// A fetch running on its own thread.
    #[derive(Debug)]
    pub struct FetchJob {
        rx: Receiver<FetchEvent>,
        ended: bool,
    }

    impl FetchJob {
        /// Fetches every followed feed (the feeds list of `okur feeds`, the feeds folder of
        /// `okur fetch`); `sources` are the corpus's paths, to say whether it reads the
        /// folder. Each event wakes the loop.
        pub fn start(sources: Vec<PathBuf>, waker: Waker) -> FetchJob {
            let (tx, rx) = channel();
            std::thread::spawn(move || {
                let last = match run(&sources, &tx, &waker) {
                    Ok(covered) => FetchEvent::Finished { covered },
                    Err(why) => FetchEvent::Failed(why),
                };
                let _ = tx.send(last);
                waker.wake();
            });
            FetchJob { rx, ended: false }
        }

        /// What happened since the last call, and whether the fetch is over (the thread
        /// that died without a word is reported as a failure).
        pub fn poll(&mut self) -> (Vec<FetchEvent>, bool) {
            let mut events = Vec::new();
            loop {
                match self.rx.try_recv() {
                    Ok(event) => {
                        let last =
                            matches!(event, FetchEvent::Finished { .. } | FetchEvent::Failed(_));
                        self.ended |= last;
                        events.push(event);
                    }
                    Err(TryRecvError::Empty) => return (events, self.ended),
                    Err(TryRecvError::Disconnected) => {
                        if !self.ended {
                            self.ended = true;
                            events.push(FetchEvent::Failed("the fetch stopped".into()));
                        }
                        return (events, true);
                    }
                }
            }
        }
    }

    /// The fetch itself: the feeds list, the lock, every feed. True when the corpus of
    /// `sources` reads the feeds folder.
    fn run(sources: &[PathBuf], tx: &Sender<FetchEvent>, waker: &Waker) -> Result<bool, String> {
        let list = fetch::default_feeds_file()
            .and_then(|path| FeedList::load(&path))
            .map_err(|e| e.to_string())?;
        if list.feeds.is_empty() {
            return Err("no feeds followed (`okur feeds add URL` follows one)".into());
        }
        let dir = fetch::default_feeds_dir().ok_or("no feeds folder: set HOME or XDG_DATA_HOME")?;
        let _lock = FetchLock::take(&dir).map_err(|e| format!("not started: {e}"))?;
        let _ = tx.send(FetchEvent::Started(list.feeds.len()));
        waker.wake();
        let client = Client::new(TIMEOUT, MAX_BYTES);
        fetch::fetch_all(&client, &dir, &list.feeds, &|result| {
            let _ = tx.send(FetchEvent::Feed(done(result)));
            waker.wake();
        });
        Ok(super::covers(sources, &dir))
    }

    /// One feed's result for the status line.
    fn done(result: &FeedResult) -> FeedDone {
        let (new, failed) = match &result.outcome {
            Outcome::Unchanged => (0, None),
            Outcome::Read(added) => (added.new, None),
            Outcome::Failed(why) => (0, Some(why.clone())),
        };
        FeedDone {
            name: result.name.clone(),
            new,
            failed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_above_or_a_file_inside_covers_the_feeds_folder()
    -> Result<(), Box<dyn std::error::Error>> {
        let top = tempfile::tempdir()?;
        let feeds = top.path().join("okur/feeds");
        std::fs::create_dir_all(&feeds)?;
        std::fs::write(feeds.join("trt.jsonl"), "{}")?;
        std::fs::write(top.path().join("a.txt"), "a")?;
        assert!(covers(&[top.path().to_path_buf()], &feeds));
        assert!(covers(&[feeds.join("trt.jsonl")], &feeds));
        assert!(covers(std::slice::from_ref(&feeds), &feeds));
        assert!(!covers(&[top.path().join("a.txt")], &feeds));
        assert!(!covers(&[], &feeds));
        Ok(())
    }
}
