//! One HTTP(S) GET with the limits a feed reader needs: a whole-request timeout, a size cap
//! read before the body is held, a redirect limit, and conditional requests (ETag and
//! Last-Modified) so that an unchanged feed costs one `304 Not Modified`.

use std::time::Duration;

use ureq::ResponseExt;

/// How long a whole request may take, connect to last byte, unless configured otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// The largest body okur reads: a feed or article page beyond it is refused, not truncated.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;
/// How many redirects one request follows before it is called a loop.
pub const MAX_REDIRECTS: u32 = 8;

/// What a server sent for a fetched URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// `304 Not Modified`: the validators sent still hold; nothing new.
    NotModified,
    /// A `2xx` body.
    Body(Page),
}

/// A fetched body with what is needed to decode it and to ask again conditionally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The bytes as sent (decompressed).
    pub bytes: Vec<u8>,
    /// The URL after redirects: relative links in the body resolve against it.
    pub final_url: String,
    /// The `Content-Type` header, whose `charset` outranks a guess.
    pub content_type: Option<String>,
    /// Validators to send next time.
    pub validators: Validators,
}

/// The validators of a cached response: sent back as `If-None-Match` and
/// `If-Modified-Since`, they let the server answer 304.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    /// The `ETag` header, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` header, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
}

/// Why a fetch failed, in words a status line can show (the URL is said by the caller).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    /// The server answered with an error status.
    #[error("the server answered {0}")]
    Status(u16),
    /// The request took longer than the timeout.
    #[error("no answer within {0} s")]
    Timeout(u64),
    /// The body was larger than the limit.
    #[error("the answer is larger than {0} MB")]
    TooBig(u64),
    /// Redirects went round or on too long.
    #[error("more than {MAX_REDIRECTS} redirects (a redirect loop?)")]
    Redirects,
    /// The URL cannot be fetched as written.
    #[error("not a web address okur can fetch: {0}")]
    BadUrl(String),
    /// Name lookup, connection, TLS or transfer failed.
    #[error("{0}")]
    Network(String),
}

/// A configured HTTP client; one is shared by every request of a fetch run.
#[derive(Debug, Clone)]
pub struct Client {
    agent: ureq::Agent,
    timeout: Duration,
    max_bytes: u64,
}

impl Client {
    /// A client with the given whole-request timeout and body size cap.
    pub fn new(timeout: Duration, max_bytes: u64) -> Client {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .max_redirects(MAX_REDIRECTS)
            .http_status_as_error(false)
            .user_agent(concat!("okur/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        Client {
            agent,
            timeout,
            max_bytes,
        }
    }

    /// GETs `url`, conditionally when `known` holds validators from an earlier answer.
    pub fn get(&self, url: &str, known: &Validators) -> Result<Fetched, FetchError> {
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(FetchError::BadUrl(url.to_string()));
        }
        let mut request = self.agent.get(url);
        if let Some(etag) = &known.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &known.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let mut response = request.call().map_err(|e| self.error(e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let validators = Validators {
            etag: header("etag"),
            last_modified: header("last-modified"),
        };
        let content_type = header("content-type");
        let final_url = response.get_uri().to_string();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
            .map_err(|e| self.error(e))?;
        Ok(Fetched::Body(Page {
            bytes,
            final_url,
            content_type,
            validators,
        }))
    }

    fn error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::StatusCode(code) => FetchError::Status(code),
            ureq::Error::Timeout(_) => FetchError::Timeout(self.timeout.as_secs()),
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooBig(self.max_bytes >> 20),
            ureq::Error::TooManyRedirects | ureq::Error::RedirectFailed => FetchError::Redirects,
            ureq::Error::BadUri(uri) => FetchError::BadUrl(uri),
            ureq::Error::HostNotFound => FetchError::Network("host not found".into()),
            ureq::Error::ConnectionFailed => FetchError::Network("connection failed".into()),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(self.timeout.as_secs())
            }
            other => FetchError::Network(other.to_string()),
        }
    }
}

impl Default for Client {
    fn default() -> Client {
        Client::new(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES)
    }
}
