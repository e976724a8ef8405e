//! One fetch run: every followed feed fetched (a few at a time), its new items' pages
//! followed for the full article text, and everything appended to the feed's archive. A
//! feed that fails is reported and the others go on.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use super::archive::Archive;
use super::feeds::Feed;
use super::http::{Client, FetchError, Fetched, Page};
use super::state::FeedState;
use crate::corpus::formats::{Article, Format, read_feed_in, read_format, read_page_in, sniff};

/// How many feeds are fetched at once: the work is waiting on the network, not the CPU.
const PARALLEL_FEEDS: usize = 4;

/// Article pages of one host that may time out in a feed's fetch before its other pages
/// are not asked for: a feed of 50 items linking to a server that accepts and never
/// answers waited 50 timeouts, one after another (17 minutes at the default 20 s).
const HOST_TIMEOUTS: u32 = 2;

/// What fetching one feed did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The server said nothing changed (304).
    Unchanged,
    /// The feed was read.
    Read(Added),
    /// The feed could not be fetched or read; nothing of it changed.
    Failed(String),
}

/// What a read feed added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Added {
    /// Items stored for the first time.
    pub new: usize,
    /// Of those, items stored with the full text of their article page.
    pub full_text: usize,
    /// Article pages that could not be fetched or read (the feed's own text was kept).
    pub page_errors: Vec<String>,
    /// What the feed reader noticed (skipped items and the like).
    pub notices: Vec<String>,
}

/// One feed's result in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedResult {
    /// The feed's name.
    pub name: String,
    /// What happened.
    pub outcome: Outcome,
}

/// Fetches `feeds` into `feeds_dir`, calling `progress` as each one finishes (from worker
/// threads, in finishing order). Returns the results in the order of `feeds`.
pub fn fetch_all(
    client: &Client,
    feeds_dir: &Path,
    feeds: &[Feed],
    progress: &(dyn Fn(&FeedResult) + Sync),
) -> Vec<FeedResult> {
    let next = Mutex::new(0usize);
    let results = Mutex::new(vec![None; feeds.len()]);
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL_FEEDS.min(feeds.len()) {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap_or_else(|e| e.into_inner());
                        let i = *n;
                        *n += 1;
                        i
                    };
                    let Some(feed) = feeds.get(i) else { break };
                    let result = FeedResult {
                        name: feed.name.clone(),
                        outcome: fetch_feed(client, feeds_dir, feed),
                    };
                    progress(&result);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

/// Fetches one feed conditionally, stores its new items, remembers the validators.
pub fn fetch_feed(client: &Client, feeds_dir: &Path, feed: &Feed) -> Outcome {
    let mut state = FeedState::load(feeds_dir, &feed.name);
    state.fetched_at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let outcome = match client.get(&feed.url, &state.validators) {
        Ok(Fetched::NotModified) => Outcome::Unchanged,
        Ok(Fetched::Body(page)) => match store_items(client, feeds_dir, feed, &page) {
            Ok(added) => {
                state.validators = page.validators;
                Outcome::Read(added)
            }
            Err(why) => Outcome::Failed(why),
        },
        Err(e) => Outcome::Failed(e.to_string()),
    };
    state.last_error = match &outcome {
        Outcome::Failed(why) => Some(why.clone()),
        _ => None,
    };
    if let Err(e) = state.save(feeds_dir, &feed.name) {
        // Losing the validators only costs a full fetch next time.
        return match outcome {
            Outcome::Failed(why) => Outcome::Failed(why),
            _ => Outcome::Failed(format!("cannot save its state: {e}")),
        };
    }
    outcome
}

/// Reads the feed body and appends its new items, each with its article page's text when
/// the page can be fetched and read. The archive is synced before this returns.
fn store_items(
    client: &Client,
    feeds_dir: &Path,
    feed: &Feed,
    page: &Page,
) -> Result<Added, String> {
    let read = read_fetched_feed(feed, page)?;
    let mut archive = Archive::open(feeds_dir, &feed.name).map_err(|e| {
        format!(
            "cannot open {}: {e}",
            Archive::path(feeds_dir, &feed.name).display()
        )
    })?;
    let mut added = Added {
        notices: read.notices,
        ..Added::default()
    };
    let mut silent = SilentHosts::default();
    for mut article in read.articles {
        if archive.holds(&article) {
            continue;
        }
        match full_text(client, &article, &mut silent) {
            Some(Ok(paragraphs)) => {
                article.paragraphs = paragraphs;
                added.full_text += 1;
            }
            Some(Err(why)) => added.page_errors.push(why),
            None => {}
        }
        let stored = archive
            .append(&article)
            .map_err(|e| format!("cannot write {}: {e}", archive.file_path().display()))?;
        added.new += usize::from(stored);
    }
    archive
        .sync()
        .map_err(|e| format!("cannot write {}: {e}", archive.file_path().display()))?;
    Ok(added)
}

/// The hosts whose article pages timed out in this feed's fetch, with how many did.
#[derive(Default)]
struct SilentHosts(HashMap<String, u32>);

impl SilentHosts {
    /// The host of `url` when [`HOST_TIMEOUTS`] of its pages timed out already.
    fn given_up(&self, url: &str) -> Option<String> {
        let host = host_of(url)?;
        (self.0.get(&host).copied().unwrap_or(0) >= HOST_TIMEOUTS).then_some(host)
    }

    /// Counts a page of `url` that timed out.
    fn timed_out(&mut self, url: &str) {
        if let Some(host) = host_of(url) {
            *self.0.entry(host).or_default() += 1;
        }
    }
}

/// The host (and port) of a URL, as written.
fn host_of(url: &str) -> Option<String> {
    let url = url::Url::parse(url).ok()?;
    let host = url.host_str()?;
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    })
}

/// The article page's main text, when the item links to a page (`None`: no link). The
/// page's text replaces the feed's only when it is longer: many feeds carry the whole
/// article already, and a page that is mostly furniture must not replace it. A page on a
/// host that `silent` gave up on is not asked for.
fn full_text(
    client: &Client,
    article: &Article,
    silent: &mut SilentHosts,
) -> Option<Result<Vec<String>, String>> {
    let url = article.meta.url.as_deref()?;
    if let Some(host) = silent.given_up(url) {
        let why = format!("{url}: not asked: {host} did not answer {HOST_TIMEOUTS} pages");
        return Some(Err(why));
    }
    let page = match client.get(url, &Default::default()) {
        Ok(Fetched::Body(page)) => page,
        Ok(Fetched::NotModified) => return None,
        Err(e) => {
            if matches!(e, FetchError::Timeout(_)) {
                silent.timed_out(url);
            }
            return Some(Err(format!("{url}: {e}")));
        }
    };
    let charset = page.content_type.as_deref().and_then(charset_of);
    let (found, _notices) = match read_page_in(&page.bytes, Some(&page.final_url), charset) {
        Ok(found) => found,
        Err(e) => return Some(Err(format!("{url}: {e}"))),
    };
    let length = |ps: &[String]| ps.iter().map(String::len).sum::<usize>();
    (length(&found.paragraphs) > length(&article.paragraphs)).then_some(Ok(found.paragraphs))
}

/// The articles of a fetched feed: RSS, Atom (in the charset its HTTP header declares, else
/// its prolog's) or JSON Feed. A page or anything else at a feed's address is an error
/// that says what it is.
fn read_fetched_feed(feed: &Feed, page: &Page) -> Result<crate::corpus::formats::Read, String> {
    match sniff(&feed.url, &page.bytes) {
        Some(Format::Feed) => {
            let charset = page.content_type.as_deref().and_then(charset_of);
            read_feed_in(&page.bytes, &feed.url, charset).map_err(|e| e.to_string())
        }
        Some(Format::JsonFeed) => {
            read_format(Format::JsonFeed, &page.bytes, &feed.url).map_err(|e| e.to_string())
        }
        Some(Format::Page) => Err("an HTML page, not a feed".into()),
        _ => Err("not a feed (RSS, Atom or JSON Feed)".into()),
    }
}

/// The encoding a `Content-Type` header names (`text/xml; charset=windows-1254`).
fn charset_of(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| encoding_rs::Encoding::for_label(value.trim().trim_matches('"').as_bytes()))
            .flatten()
    })
}
