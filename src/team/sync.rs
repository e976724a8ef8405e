//! The sync thread: pushes the store's [`Outbox`] in idempotent batches and pulls the
//! team's changes by cursor into a [`TeamView`]. The reader never waits on it: the store
//! acknowledges a change once it is on the local disk, and the thread catches up whenever
//! the server is there (connecting again with growing pauses, 0.1 s to 5 s).
//!
//! A batch is acknowledged (the outbox's durable cursor moved past it) only after the
//! server committed it; when the reply is lost the same batch, with the same sequence
//! numbers, goes again and the server keeps one copy. LISTEN/NOTIFY only shortens the wait
//! before the next pull: without notifications the thread still pulls every second.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use postgres::fallible_iterator::FallibleIterator;

use super::TeamError;
use super::cache::{self, Cache};
use super::link::TeamUrl;
use super::merge::{Row, TeamView};
use super::server::{self, Prepared, PullCursor};
use super::status::LinkStatus;
use crate::store::Outbox;

#[path = "sync_cache.rs"]
mod keep;

/// How the sync thread behaves.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Changes per pushed batch.
    pub batch: usize,
    /// Rows per pull.
    pub pull: i64,
    /// The longest pause between attempts to reach the server.
    pub max_pause: Duration,
    /// The longest wait between pulls when no notification comes.
    pub poll: Duration,
    /// A deliberate fault, for tests that prove they catch it (see [`Fault`]).
    pub fault: Fault,
    /// Keep the pulled changes in a cache beside the journal (see `cache.rs`).
    pub cache: bool,
}

impl Default for SyncOptions {
    fn default() -> SyncOptions {
        SyncOptions {
            batch: 500,
            pull: 2000,
            max_pause: Duration::from_secs(5),
            poll: Duration::from_secs(1),
            fault: Fault::None,
            cache: true,
        }
    }
}

/// A deliberate fault. Only tests set one: they show that the checks fail on a broken
/// client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The real behaviour.
    None,
    /// A batch whose push failed is acknowledged all the same (lost): what a client that
    /// trusts a write it never saw confirmed does.
    DropFailedBatches,
}

struct Shared {
    status: Mutex<LinkStatus>,
    view: Mutex<TeamView>,
    /// Counts changes to `view`: a reader redraws when it moved.
    version: AtomicU64,
    stop: AtomicBool,
    wake: (Mutex<bool>, Condvar),
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The running sync thread; stopped when dropped.
pub struct Sync {
    shared: Arc<Shared>,
    outbox: Outbox,
    thread: Option<JoinHandle<()>>,
}

impl Sync {
    /// Starts pushing `outbox` to `url` and pulling the team's changes.
    pub fn start(url: TeamUrl, outbox: Outbox, options: SyncOptions) -> Sync {
        let shared = Arc::new(Shared {
            status: Mutex::new(LinkStatus {
                waiting: outbox.waiting(),
                ..LinkStatus::default()
            }),
            view: Mutex::new(TeamView::default()),
            version: AtomicU64::new(0),
            stop: AtomicBool::new(false),
            wake: (Mutex::new(false), Condvar::new()),
        });
        let cache = options.cache.then(|| {
            let path = cache::path_beside(&outbox.cursor_file());
            Cache::new(path, url.identity())
        });
        let worker = Worker {
            cache,
            rows: Vec::new(),
            saved: None,
            url,
            outbox: outbox.clone(),
            options,
            shared: Arc::clone(&shared),
            cursor: PullCursor::default(),
            clock: 0,
        };
        let thread = std::thread::Builder::new()
            .name("okur-team-sync".into())
            .spawn(move || worker.run())
            .ok();
        Sync {
            shared,
            outbox,
            thread,
        }
    }

    /// The link's state now (the waiting count as the outbox has it this instant).
    pub fn status(&self) -> LinkStatus {
        let mut status = lock(&self.shared.status).clone();
        status.waiting = self.outbox.waiting();
        status
    }

    /// A function that reads the link's state, for another thread (the status line).
    pub fn watcher(&self) -> impl Fn() -> LinkStatus + Send + std::marker::Sync + 'static {
        let shared = Arc::clone(&self.shared);
        let outbox = self.outbox.clone();
        move || {
            let mut status = lock(&shared.status).clone();
            status.waiting = outbox.waiting();
            status
        }
    }

    /// The team view merged so far.
    pub fn view(&self) -> TeamView {
        lock(&self.shared.view).clone()
    }

    /// Asks the thread to push now (after a change was saved).
    pub fn wake(&self) {
        let (flag, cond) = &self.shared.wake;
        *lock(flag) = true;
        cond.notify_all();
    }

    /// Waits until nothing is waiting and a pull that started after this call reached the
    /// server's end, or `timeout` passed; true when settled.
    pub fn settle(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        // The round under way may have begun before the call: two more are needed.
        let start = self.status().rounds;
        while Instant::now() < deadline {
            let status = self.status();
            if status.waiting == 0 && status.caught_up && status.rounds >= start + 2 {
                return true;
            }
            self.wake();
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

impl Drop for Sync {
    /// Tells the thread to stop without waiting for it: quitting never waits on the
    /// network (what was not pushed waits in the journal for the next start).
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        self.wake();
        drop(self.thread.take());
    }
}

struct Worker {
    url: TeamUrl,
    outbox: Outbox,
    options: SyncOptions,
    shared: Arc<Shared>,
    cursor: PullCursor,
    /// The highest Lamport clock seen (pulled or pushed).
    clock: u64,
    /// Where the pulled rows are kept between runs (`None`: not kept).
    cache: Option<Cache>,
    /// Every row pulled, in cursor order (what the cache holds).
    rows: Vec<Row>,
    /// When the cache was last written, and how many rows it held.
    saved: Option<(Instant, usize)>,
}

impl Worker {
    fn run(mut self) {
        self.restore();
        let mut pause = Duration::from_millis(100);
        while !self.stopping() {
            let failure = match self.url.connect() {
                Ok(client) => {
                    // Reached the server: the next failure starts the pauses afresh.
                    pause = Duration::from_millis(100);
                    self.session(client)
                }
                Err(e) => e,
            };
            let said = match failure {
                TeamError::Server(message) => message,
                other => other.to_string(),
            };
            self.set(|s| {
                s.connected = false;
                s.caught_up = false;
                s.last_error = Some(said);
            });
            self.sleep(pause.min(self.options.max_pause));
            pause = (pause * 2).min(self.options.max_pause);
        }
    }

    /// One connection's life: until an error (returned) or the stop.
    fn session(&mut self, mut client: postgres::Client) -> TeamError {
        let device = self.outbox.device();
        let prepared = server::open_session(&mut client, &device)
            .and_then(|clock| Ok((clock, Prepared::new(&mut client)?)))
            .and_then(|ready| self.check_cursor(&mut client).map(|()| ready));
        let prepared = match prepared {
            // Changes made offline come after everything this device pushed before.
            Ok((clock, prepared)) => {
                self.clock = self.clock.max(clock);
                prepared
            }
            Err(e) => return self.scrubbed(e),
        };
        self.set(|s| {
            s.connected = true;
            s.last_error = None;
        });
        let mut last_presence: Option<Instant> = None;
        loop {
            if self.stopping() {
                self.save_cache(true);
                let waiting = self.outbox.waiting();
                let _ = server::presence(&mut client, Some(&prepared), &device, waiting);
                return TeamError::Stopped;
            }
            let round = self
                .push_all(&mut client, &prepared)
                .and_then(|()| self.pull_all(&mut client, &prepared));
            if let Err(e) = round {
                return self.scrubbed(e);
            }
            if last_presence.is_none_or(|t| t.elapsed() > Duration::from_secs(5)) {
                let waiting = self.outbox.waiting();
                if let Err(e) = server::presence(&mut client, Some(&prepared), &device, waiting) {
                    return self.scrubbed(e);
                }
                last_presence = Some(Instant::now());
            }
            if let Err(e) = self.wait(&mut client) {
                return e;
            }
        }
    }

    /// `e` with the password removed from its message, should the server have quoted it.
    fn scrubbed(&self, e: TeamError) -> TeamError {
        match e {
            TeamError::Server(message) => TeamError::Server(self.url.scrub(&message)),
            other => other,
        }
    }

    /// Pushes until the outbox is empty.
    fn push_all(
        &mut self,
        client: &mut postgres::Client,
        prepared: &Prepared,
    ) -> Result<(), TeamError> {
        let device = self.outbox.device();
        loop {
            let out = self.outbox.peek(self.options.batch);
            if out.entries == 0 {
                return Ok(());
            }
            let sent = if out.changes.is_empty() {
                Ok(self.clock)
            } else {
                server::push(client, Some(prepared), &device, self.clock, &out.changes)
            };
            match sent {
                Ok(clock) => self.clock = clock,
                Err(e) if self.options.fault == Fault::DropFailedBatches => {
                    self.outbox.acknowledge(out.entries)?;
                    return Err(self.url.error(&e));
                }
                Err(e) => return Err(self.url.error(&e)),
            }
            self.outbox.acknowledge(out.entries)?;
            let waiting = self.outbox.waiting();
            self.set(|s| s.waiting = waiting);
        }
    }

    /// Pulls until the server has no more settled rows.
    fn pull_all(
        &mut self,
        client: &mut postgres::Client,
        prepared: &Prepared,
    ) -> Result<(), TeamError> {
        loop {
            let rows = server::pull(client, Some(prepared), &mut self.cursor, self.options.pull)?;
            let full = i64::try_from(rows.len()).unwrap_or(i64::MAX) >= self.options.pull;
            let n = rows.len();
            self.merge(rows);
            if !full {
                // Before the status says caught up: whoever waits for that finds the cache
                // written too (unless the last write was under two seconds ago).
                self.save_cache(false);
            }
            self.set(|s| {
                s.pulled += n;
                s.caught_up = !full;
                s.rounds += usize::from(!full);
            });
            if !full {
                return Ok(());
            }
        }
    }

    /// Waits for a notification, a local wake-up, the stop, or the poll interval.
    fn wait(&mut self, client: &mut postgres::Client) -> Result<(), TeamError> {
        let until = Instant::now() + self.options.poll;
        while Instant::now() < until {
            if self.stopping() || self.take_wake() {
                return Ok(());
            }
            let note = client
                .notifications()
                .timeout_iter(Duration::from_millis(100))
                .next()
                .map_err(|e| self.url.error(&e))?;
            if note.is_some() {
                return Ok(());
            }
            if client.is_closed() {
                return Err(TeamError::Server("the server closed the connection".into()));
            }
        }
        Ok(())
    }

    fn take_wake(&self) -> bool {
        std::mem::take(&mut *lock(&self.shared.wake.0))
    }

    /// Sleeps for `pause` unless woken or stopped.
    fn sleep(&self, pause: Duration) {
        let (flag, cond) = &self.shared.wake;
        let guard = lock(flag);
        let waited = cond.wait_timeout_while(guard, pause, |woken| {
            !*woken && !self.shared.stop.load(Ordering::SeqCst)
        });
        // A wake-up ends the pause; the next session pushes anyway.
        if let Ok((mut woken, _)) = waited {
            *woken = false;
        }
    }

    fn stopping(&self) -> bool {
        self.shared.stop.load(Ordering::SeqCst)
    }

    fn set(&self, f: impl FnOnce(&mut LinkStatus)) {
        let mut status = lock(&self.shared.status);
        f(&mut status);
        status.waiting = self.outbox.waiting();
    }
}
