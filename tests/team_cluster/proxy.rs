//! A TCP proxy between the analysts and the server that can lose the network: it can be
//! down (connections are closed at once), and it can drop server replies (one in
//! `drop_one_in`, chosen by a seeded generator so no client meets the same pattern on every
//! connection), closing that connection as a broken network path does.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

/// The running proxy; it stops accepting when dropped.
pub struct Proxy {
    /// The port analysts connect to.
    pub port: u16,
    state: Arc<State>,
}

struct State {
    upstream: u16,
    up: AtomicBool,
    drop_one_in: u64,
    /// Requests (client to server chunks) are dropped too, at the same rate.
    drop_requests: bool,
    rng: AtomicU64,
    /// Replies dropped so far.
    dropped: AtomicUsize,
    stop: AtomicBool,
}

impl Proxy {
    /// A proxy to `upstream`, up or down, dropping one reply in `drop_one_in` (0: none),
    /// and as many requests when `drop_requests`.
    pub fn start(upstream: u16, up: bool, drop_one_in: u64, drop_requests: bool) -> Proxy {
        let listener = super::bind_fresh();
        let port = listener.local_addr().expect("address").port();
        let state = Arc::new(State {
            upstream,
            up: AtomicBool::new(up),
            drop_one_in,
            drop_requests,
            rng: AtomicU64::new(0x9E37_79B9_7F4A_7C15),
            dropped: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
        });
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for client in listener.incoming() {
                if shared.stop.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(client) = client else { continue };
                if !shared.up.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(("127.0.0.1", shared.upstream)) else {
                    continue;
                };
                pipe(client, server, Arc::clone(&shared));
            }
        });
        Proxy { port, state }
    }

    /// Brings the network up or takes it down (open connections are cut).
    pub fn set_up(&self, up: bool) {
        self.state.up.store(up, Ordering::SeqCst);
    }

    /// How many replies were dropped.
    pub fn dropped(&self) -> usize {
        self.state.dropped.load(Ordering::SeqCst)
    }

    /// Stops dropping replies (to let everyone settle at the end).
    pub fn heal(&self) {
        self.state.rng.store(u64::MAX, Ordering::SeqCst);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.state.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

impl State {
    /// True when this reply is to be dropped.
    fn drop_this(&self) -> bool {
        if self.drop_one_in == 0 {
            return false;
        }
        let mut x = self.rng.load(Ordering::SeqCst);
        if x == u64::MAX {
            return false;
        }
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.rng.store(x, Ordering::SeqCst);
        x.is_multiple_of(self.drop_one_in)
    }
}

fn pipe(client: TcpStream, server: TcpStream, state: Arc<State>) {
    let (Ok(client_in), Ok(server_out)) = (client.try_clone(), server.try_clone()) else {
        return;
    };
    let cut = move |a: &TcpStream, b: &TcpStream| {
        let _ = a.shutdown(Shutdown::Both);
        let _ = b.shutdown(Shutdown::Both);
    };
    // Client to server: copied as it is.
    let up_state = Arc::clone(&state);
    std::thread::spawn(move || {
        let (mut from, mut to) = (client_in, server_out);
        let mut buf = [0u8; 16384];
        loop {
            let n = match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if !up_state.up.load(Ordering::SeqCst) {
                break;
            }
            if up_state.drop_requests && up_state.drop_this() {
                up_state.dropped.fetch_add(1, Ordering::SeqCst);
                break;
            }
            if to.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        cut(&from, &to);
    });
    // Server to client: messages are forwarded as they come; a reply ends with
    // ReadyForQuery ('Z'), and a dropped reply is cut just before it, with the connection.
    std::thread::spawn(move || {
        let (mut from, mut to) = (server, client);
        let mut reader = Replies::default();
        let mut buf = [0u8; 16384];
        loop {
            let n = match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            if !state.up.load(Ordering::SeqCst) {
                break;
            }
            let (keep, dropped) = reader.feed(&buf[..n], &state);
            if to.write_all(&buf[..keep]).is_err() || dropped {
                break;
            }
        }
        cut(&from, &to);
    });
}

/// Where the server's byte stream is: inside which message, how far.
#[derive(Default)]
struct Replies {
    /// Bytes seen so far on this connection.
    seen: u64,
    /// The current message's header bytes (type and length) as far as read.
    header: Vec<u8>,
    /// Bytes of the current message's body still to come.
    body_left: u64,
}

impl Replies {
    /// Reads one chunk: how many of its bytes to forward, and whether the connection is to
    /// be cut after them (a reply dropped: cut before its ReadyForQuery).
    fn feed(&mut self, chunk: &[u8], state: &State) -> (usize, bool) {
        let mut i = 0;
        while i < chunk.len() {
            if self.seen == 0 && matches!(chunk[i], b'N' | b'S') {
                // The answer to an SSL request: one byte, no length.
                self.seen += 1;
                i += 1;
                continue;
            }
            if self.body_left > 0 {
                let take = usize::try_from(self.body_left)
                    .unwrap_or(usize::MAX)
                    .min(chunk.len() - i);
                self.body_left -= u64::try_from(take).unwrap_or(0);
                self.seen += u64::try_from(take).unwrap_or(0);
                i += take;
                continue;
            }
            if self.header.is_empty() && chunk[i] == b'Z' && state.drop_this() {
                state.dropped.fetch_add(1, Ordering::SeqCst);
                return (i, true);
            }
            self.header.push(chunk[i]);
            self.seen += 1;
            i += 1;
            if self.header.len() == 5 {
                let len = u32::from_be_bytes([
                    self.header[1],
                    self.header[2],
                    self.header[3],
                    self.header[4],
                ]);
                self.body_left = u64::from(len).saturating_sub(4);
                self.header.clear();
            }
        }
        (chunk.len(), false)
    }
}
