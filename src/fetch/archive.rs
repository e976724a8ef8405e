//! A feed's archive: `feeds/NAME.jsonl`, one JSON object per fetched article, appended and
//! synced, never rewritten. It is an ordinary news dump (okur's record reader opens it with
//! its default field names), so an article once fetched stays readable offline however the
//! feed changes, and item numbers (`NAME.jsonl#N`) never move.

use std::collections::HashSet;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::corpus::formats::Article;

/// One stored article, in the field names the record reader looks for first.
#[derive(Debug, Serialize)]
struct Record<'a> {
    title: &'a str,
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    feed: Option<&'a str>,
}

/// The archive of one feed, opened for appending.
#[derive(Debug)]
pub struct Archive {
    path: PathBuf,
    file: File,
    seen: HashSet<String>,
}

impl Archive {
    /// Where feed `name`'s articles are stored.
    pub fn path(feeds_dir: &Path, name: &str) -> PathBuf {
        feeds_dir.join(format!("{name}.jsonl"))
    }

    /// Opens (creating, 0600 in a 0700 folder) the archive of feed `name`, reading which
    /// articles it holds. A torn last line (a crash mid-append) is ended so the next record
    /// starts on a line of its own; the record reader skips the torn one with a notice.
    pub fn open(feeds_dir: &Path, name: &str) -> std::io::Result<Archive> {
        crate::store::create_folder(feeds_dir)?;
        let path = Archive::path(feeds_dir, name);
        let mut file = crate::store::private_file()
            .read(true)
            .append(true)
            .create(true)
            .open(&path)?;
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        let seen = text
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|v| identity_of_value(&v))
            .collect();
        if !text.is_empty() && !text.ends_with('\n') {
            file.seek(SeekFrom::End(0))?;
            file.write_all(b"\n")?;
        }
        Ok(Archive { path, file, seen })
    }

    /// True when an article with this identity is already stored.
    pub fn holds(&self, article: &Article) -> bool {
        self.seen.contains(&identity(article))
    }

    /// Appends `article` as one line (not yet synced: see [`Archive::sync`]). Returns false,
    /// writing nothing, when it is already stored.
    pub fn append(&mut self, article: &Article) -> std::io::Result<bool> {
        if !self.seen.insert(identity(article)) {
            return Ok(false);
        }
        let meta = &article.meta;
        let record = Record {
            title: &article.title,
            text: article.paragraphs.join("\n\n"),
            date: meta.published.as_deref(),
            url: meta.url.as_deref(),
            lang: meta.lang.as_deref(),
            source: meta.source.as_deref(),
            author: meta.author.as_deref(),
            feed: meta.feed.as_deref(),
        };
        let mut line = crate::json::to_string(&record).map_err(std::io::Error::other)?;
        line.push('\n');
        self.file.write_all(line.as_bytes())?;
        Ok(true)
    }

    /// Makes every appended article durable.
    pub fn sync(&self) -> std::io::Result<()> {
        self.file.sync_data()
    }

    /// The archive's file.
    pub fn file_path(&self) -> &Path {
        &self.path
    }
}

/// What makes two fetched articles the same item: the url when there is one, else the
/// title and text.
fn identity(article: &Article) -> String {
    identity_of(
        article.meta.url.as_deref(),
        &article.title,
        &article.paragraphs.join("\n\n"),
    )
}

/// [`identity`] of a stored record (`None` for a line that is no record).
fn identity_of_value(v: &serde_json::Value) -> Option<String> {
    let field = |name: &str| v.get(name).and_then(|t| t.as_str());
    if field("url").is_none() && field("text").is_none() {
        return None;
    }
    Some(identity_of(
        field("url"),
        field("title").unwrap_or(""),
        field("text").unwrap_or(""),
    ))
}

fn identity_of(url: Option<&str>, title: &str, text: &str) -> String {
    match url {
        Some(url) => format!("url {url}"),
        None => {
            let hash = xxhash_rust::xxh3::xxh3_128(format!("{title}\n{text}").as_bytes());
            format!("text {hash:032x}")
        }
    }
}
