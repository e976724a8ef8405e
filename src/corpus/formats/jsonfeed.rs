//! JSON Feed 1.0 and 1.1 (<https://jsonfeed.org/version/1.1>): a feed as JSON, with
//! `content_html` or `content_text` per item and RFC 3339 dates.

use serde::Deserialize;

use super::date::parse_published;
use super::titles::{ItemTitle, day_of};
use super::{Article, FormatError, Read, html_paragraphs, text_paragraphs};
use crate::corpus::ArticleMeta;

#[derive(Deserialize)]
struct Feed {
    title: Option<String>,
    language: Option<String>,
    #[serde(default)]
    items: Vec<serde_json::Value>,
    #[serde(default)]
    authors: Vec<Author>,
    author: Option<Author>,
}

#[derive(Deserialize)]
struct Item {
    title: Option<String>,
    url: Option<String>,
    external_url: Option<String>,
    content_html: Option<String>,
    content_text: Option<String>,
    summary: Option<String>,
    date_published: Option<String>,
    date_modified: Option<String>,
    language: Option<String>,
    #[serde(default)]
    authors: Vec<Author>,
    author: Option<Author>,
}

#[derive(Deserialize, Clone)]
struct Author {
    name: Option<String>,
}

/// Reads the articles of a JSON Feed; an item that is not a proper item object is skipped
/// with a notice.
pub fn read_json_feed(bytes: &[u8], origin: &str) -> Result<Read, FormatError> {
    let (text, notice) = super::charset::decode_declared(bytes, None);
    let feed: Feed = serde_json::from_str(&text).map_err(|e| FormatError::Json(e.to_string()))?;
    let mut read = Read::default();
    read.notices.extend(notice);
    let title = feed
        .title
        .clone()
        .or_else(|| Some(origin.rsplit('/').next().unwrap_or(origin).to_string()));
    let feed_author = feed.authors.first().or(feed.author.as_ref()).cloned();
    for (i, value) in feed.items.into_iter().enumerate() {
        let item: Item = match serde_json::from_value(value) {
            Ok(item) => item,
            Err(e) => {
                read.notices.push(format!("item {}: skipped, {e}", i + 1));
                continue;
            }
        };
        let paragraphs = item.paragraphs();
        let headline = item.title.clone().unwrap_or_default();
        if headline.trim().is_empty() && paragraphs.is_empty() {
            read.notices
                .push(format!("item {}: no title or text, skipped", i + 1));
            continue;
        }
        let author = item
            .authors
            .first()
            .or(item.author.as_ref())
            .or(feed_author.as_ref())
            .and_then(|a| a.name.clone());
        read.articles.push(Article {
            title: headline,
            paragraphs,
            meta: ArticleMeta {
                source: title.clone(),
                url: item.url.or(item.external_url),
                author,
                published: item
                    .date_published
                    .or(item.date_modified)
                    .and_then(|d| parse_published(&d)),
                lang: item.language.or_else(|| feed.language.clone()),
                feed: title.clone(),
                also: Vec::new(),
            },
        });
    }
    Ok(read)
}

impl Item {
    /// The item's text as paragraphs: its HTML, else its text, else its summary.
    fn paragraphs(&self) -> Vec<String> {
        match (&self.content_html, &self.content_text, &self.summary) {
            (Some(html), _, _) => html_paragraphs(html),
            (None, Some(text), _) => text_paragraphs(text),
            (None, None, Some(summary)) => text_paragraphs(summary),
            _ => Vec::new(),
        }
    }
}

/// The titles and days of a JSON Feed's items, as [`read_json_feed`] numbers them; the text
/// of an item is looked at only when it has no title. Nothing when the feed does not parse.
pub(super) fn json_feed_titles(bytes: &[u8]) -> Vec<ItemTitle> {
    let (text, _) = super::charset::decode_declared(bytes, None);
    let Ok(feed) = serde_json::from_str::<Feed>(&text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for value in feed.items {
        let Ok(item) = serde_json::from_value::<Item>(value) else {
            continue;
        };
        let mut title = item.title.clone().unwrap_or_default();
        if title.trim().is_empty() {
            match item.paragraphs().into_iter().next() {
                Some(first) => title = first,
                None => continue,
            }
        }
        let date = item.date_published.or(item.date_modified);
        out.push(ItemTitle {
            title,
            date: date.as_deref().and_then(day_of),
        });
    }
    out
}
