//! A real HTTP server on 127.0.0.1 for the fetch tests: each path answers as its [`Route`]
//! says (a body with an ETag that honours `If-None-Match`, an error status, a redirect, a
//! server that never answers), and every request is counted.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

/// How one path answers.
#[derive(Debug, Clone)]
pub enum Route {
    /// 200 with this body and content type; `ETag` is the body's hash, and a request that
    /// sends it back in `If-None-Match` is answered 304.
    Body {
        /// The content type header.
        content_type: String,
        /// The body.
        body: Vec<u8>,
    },
    /// This status with a short body.
    Status(u16),
    /// 302 to this path.
    Redirect(String),
    /// Accepts the request and answers nothing until the server stops.
    Hang,
}

impl Route {
    /// A 200 body of this content type.
    pub fn body(content_type: &str, body: impl Into<Vec<u8>>) -> Route {
        Route::Body {
            content_type: content_type.to_string(),
            body: body.into(),
        }
    }
}

/// What the server has seen.
#[derive(Debug, Default)]
pub struct Seen {
    /// Requests per path.
    pub hits: HashMap<String, usize>,
    /// Requests per path answered 304.
    pub not_modified: HashMap<String, usize>,
}

/// A running test server; it stops when dropped.
pub struct WebServer {
    server: Arc<tiny_http::Server>,
    routes: Arc<Mutex<HashMap<String, Route>>>,
    seen: Arc<Mutex<Seen>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl WebServer {
    /// Starts a server on a free loopback port with no routes (every path is 404).
    pub fn start() -> WebServer {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind loopback"));
        let port = server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .expect("ip address");
        let routes = Arc::new(Mutex::new(HashMap::new()));
        let seen = Arc::new(Mutex::new(Seen::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (server, routes, seen, stop) =
                (server.clone(), routes.clone(), seen.clone(), stop.clone());
            std::thread::spawn(move || serve(&server, &routes, &seen, &stop))
        };
        WebServer {
            server,
            routes,
            seen,
            stop,
            thread: Some(thread),
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Sets how `path` answers from now on.
    pub fn route(&self, path: &str, route: Route) {
        lock(&self.routes).insert(path.to_string(), route);
    }

    /// The full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// How many requests `path` has had.
    pub fn hits(&self, path: &str) -> usize {
        lock(&self.seen).hits.get(path).copied().unwrap_or(0)
    }

    /// How many requests to `path` were answered 304.
    pub fn not_modified(&self, path: &str) -> usize {
        lock(&self.seen)
            .not_modified
            .get(path)
            .copied()
            .unwrap_or(0)
    }
}

impl Drop for WebServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

fn serve(
    server: &tiny_http::Server,
    routes: &Mutex<HashMap<String, Route>>,
    seen: &Mutex<Seen>,
    stop: &AtomicBool,
) {
    let mut hanging = Vec::new();
    loop {
        let request = match server.recv() {
            Ok(request) => request,
            // A failed connection is that client's problem; only a stop ends the server.
            Err(_) if stop.load(Ordering::SeqCst) => break,
            Err(_) => continue,
        };
        let path = request.url().to_string();
        *lock(seen).hits.entry(path.clone()).or_default() += 1;
        let route = lock(routes).get(&path).cloned();
        let header = |name: &str, value: &str| {
            tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header")
        };
        let answered = match route {
            None => request.respond(tiny_http::Response::empty(404)),
            Some(Route::Status(code)) => request.respond(
                tiny_http::Response::from_string(format!("status {code}")).with_status_code(code),
            ),
            Some(Route::Redirect(to)) => request
                .respond(tiny_http::Response::empty(302).with_header(header("Location", &to))),
            Some(Route::Hang) => {
                // Keep the connection open and silent until the server stops.
                hanging.push(request);
                Ok(())
            }
            Some(Route::Body { content_type, body }) => {
                let etag = format!("\"{:x}\"", xxhash_rust::xxh3::xxh3_64(&body));
                let matches = request
                    .headers()
                    .iter()
                    .any(|h| h.field.equiv("If-None-Match") && h.value.as_str() == etag);
                if matches {
                    *lock(seen).not_modified.entry(path).or_default() += 1;
                    request
                        .respond(tiny_http::Response::empty(304).with_header(header("ETag", &etag)))
                } else {
                    request.respond(
                        tiny_http::Response::from_data(body)
                            .with_header(header("Content-Type", &content_type))
                            .with_header(header("ETag", &etag)),
                    )
                }
            }
        };
        let _ = answered;
    }
    drop(hanging);
}
