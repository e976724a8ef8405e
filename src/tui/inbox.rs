//! The one queue the reader's loop waits on: terminal events, forwarded by an input thread,
//! and wake-ups from background work (a search answered, extraction done). The loop blocks
//! on this queue alone, so a search answer is drawn the moment it exists instead of at the
//! next tick of a terminal poll.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::Duration;

use crossterm::event::Event;

/// How long the input thread waits for a terminal event before looking at its stop flag.
const READ_TICK: Duration = Duration::from_millis(50);

/// Something for the loop to look at.
#[derive(Debug)]
pub enum Wake {
    /// A terminal event.
    Input(Event),
    /// Reading the terminal failed (a hang-up): the input thread has ended.
    Failed(std::io::Error),
    /// Background work has something: the loop polls its jobs now.
    Work,
}

/// A handle background work uses to wake the loop. The default wakes nothing (tests and
/// the headless session, which poll on their own).
#[derive(Debug, Clone, Default)]
pub struct Waker(Option<Sender<Wake>>);

impl Waker {
    /// Wakes the loop; a loop that is gone is not an error (the session is ending).
    pub fn wake(&self) {
        if let Some(tx) = &self.0 {
            let _ = tx.send(Wake::Work);
        }
    }
}

/// The loop's queue, and the thread that feeds it the terminal's events.
#[derive(Debug)]
pub struct Inbox {
    tx: Sender<Wake>,
    rx: Receiver<Wake>,
    stop: Arc<AtomicBool>,
    /// The input thread, once started (never joined: see `Drop`).
    reader: Option<JoinHandle<()>>,
}

impl Default for Inbox {
    fn default() -> Self {
        Inbox::new()
    }
}

impl Inbox {
    /// An empty queue; terminal events arrive once [`Inbox::read_terminal`] is called.
    pub fn new() -> Inbox {
        let (tx, rx) = channel();
        Inbox {
            tx,
            rx,
            stop: Arc::new(AtomicBool::new(false)),
            reader: None,
        }
    }

    /// A waker for background work.
    pub fn waker(&self) -> Waker {
        Waker(Some(self.tx.clone()))
    }

    /// Starts forwarding the terminal's events (once the terminal is the reader's).
    pub fn read_terminal(&mut self) {
        if self.reader.is_some() {
            return;
        }
        let (tx, stop) = (self.tx.clone(), Arc::clone(&self.stop));
        let read = move || super::input_reader::forward(&tx, &stop, READ_TICK);
        self.reader = Some(std::thread::spawn(read));
    }

    /// The next thing to look at, waiting at most `timeout` (`None`: nothing came).
    pub fn next(&self, timeout: Duration) -> Option<Wake> {
        self.rx.recv_timeout(timeout).ok()
    }
}

impl Drop for Inbox {
    /// Tells the input thread to stop, without waiting for it: the process must end even
    /// if a read of a hung-up terminal never comes back.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waker_wakes_the_waiting_loop() {
        let inbox = Inbox::new();
        let waker = inbox.waker();
        let thread = std::thread::spawn(move || waker.wake());
        let got = inbox.next(Duration::from_secs(10));
        assert!(matches!(got, Some(Wake::Work)), "{got:?}");
        assert!(thread.join().is_ok());
    }

    #[test]
    fn the_default_waker_wakes_nothing() {
        Waker::default().wake();
        let inbox = Inbox::new();
        assert!(inbox.next(Duration::from_millis(1)).is_none());
    }
}
