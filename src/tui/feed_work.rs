//! The session's background work for following feeds: the fetch the fetch key started and
//! the reload that follows it (or the reload key's). Kept apart from the search and
//! extraction jobs; what they produce comes back as messages.

use std::path::PathBuf;

use super::inbox::Waker;
use super::msg::Msg;
use super::reload::ReloadJob;

/// The fetch and the reload, while they run.
#[derive(Debug, Default)]
pub struct FeedWork {
    #[cfg(feature = "fetch")]
    fetch: Option<super::fetching::FetchJob>,
    reload: Option<ReloadJob>,
    /// Wakes the loop when either has something.
    waker: Waker,
}

impl FeedWork {
    /// Work started from now on wakes the loop through `waker`.
    pub fn set_waker(&mut self, waker: Waker) {
        self.waker = waker;
    }

    /// Starts fetching every followed feed (the app has already said so, and refuses a
    /// second one); a build without fetching answers at once why not.
    pub fn fetch(&mut self, sources: &[PathBuf]) -> Option<Msg> {
        #[cfg(feature = "fetch")]
        {
            let job = super::fetching::FetchJob::start(sources.to_vec(), self.waker.clone());
            self.fetch = Some(job);
            None
        }
        #[cfg(not(feature = "fetch"))]
        {
            let _ = sources;
            let why = "this okur was built without fetching (the `fetch` feature)";
            Some(Msg::Fetch(super::fetching::FetchEvent::Failed(why.into())))
        }
    }

    /// Starts reading `sources` again.
    pub fn reload(&mut self, sources: &[PathBuf]) {
        self.reload = Some(ReloadJob::start(sources.to_vec(), self.waker.clone()));
    }

    /// What moved on since the last call.
    pub fn poll(&mut self) -> Vec<Msg> {
        let mut msgs = Vec::new();
        #[cfg(feature = "fetch")]
        if let Some(job) = &mut self.fetch {
            let (events, ended) = job.poll();
            msgs.extend(events.into_iter().map(Msg::Fetch));
            if ended {
                self.fetch = None;
            }
        }
        if let Some(msg) = self.reload.as_ref().and_then(ReloadJob::poll) {
            self.reload = None;
            msgs.push(msg);
        }
        msgs
    }
}
