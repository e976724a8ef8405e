//! The titles of a formatted file's articles, found without reading the articles: what the
//! document list shows before the full load is done (see `corpus::fast`).
//!
//! The full readers turn every item's HTML into paragraphs and every page's body into its
//! main text; a first frame cannot wait for that (10,000 feed items and 1,000 pages took
//! 0.7 s). Here a feed is cut into its `<item>`/`<entry>` blocks and only each block's title
//! and date are read; a page's `<head>` (up to its first `<h1>`) is parsed for the title
//! the page reader would find; a JSON record is scanned for its title and date fields,
//! skipping the rest unparsed. Titles and dates are made by the same functions the full
//! readers use, so a title does not change when the full document arrives; the items the
//! full reader would skip (no title and no text) are skipped too, so numbers agree.

use dom_smoothie::Readability;

use super::charset::decode_declared;
use super::date::parse_published;
use super::feed::{blocks, plain_title, root_name};
use super::records::Fields;
use super::{Format, body_paragraphs, html_paragraphs, sniff, text_paragraphs};
use crate::corpus::ArticleMeta;

#[path = "titles_json.rs"]
mod json;

/// The headline and day of one article, as the full reader will give them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemTitle {
    /// The headline (the first paragraph when the source gave none).
    pub title: String,
    /// The day of publication in the source's own time zone (`2024-03-05`).
    pub date: Option<String>,
}

/// What a formatted file holds, by title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Titles {
    /// One article, named by the file (a page, a mail message).
    Single(ItemTitle),
    /// Articles named `FILE#1`, `FILE#2`... in this order (a feed, a dump, a mailbox).
    Items(Vec<ItemTitle>),
    /// A format whose titles cost a full read (a web archive): left to the full load.
    Later,
}

/// The titles of the articles in a file named `name`; `None` when it is plain text (see
/// [`sniff`]).
pub fn titles(name: &str, bytes: &[u8]) -> Option<Titles> {
    Some(match sniff(name, bytes)? {
        Format::Feed => Titles::Items(feed_titles(bytes)),
        Format::JsonFeed => Titles::Items(super::jsonfeed::json_feed_titles(bytes)),
        Format::Records => Titles::Items(json::record_titles(bytes, &Fields::configured())),
        Format::Page => page_title(bytes).map_or(Titles::Items(Vec::new()), Titles::Single),
        Format::Mbox => Titles::Items(super::mail::mbox_titles(bytes)),
        Format::Mail => {
            super::mail::message_title(bytes).map_or(Titles::Items(Vec::new()), Titles::Single)
        }
        Format::Warc => Titles::Later,
    })
}

/// The day of a publication time as a source wrote it, as [`ArticleMeta::day`] gives it.
pub(super) fn day_of(raw: &str) -> Option<String> {
    let meta = ArticleMeta {
        published: parse_published(raw),
        ..ArticleMeta::default()
    };
    meta.day().map(str::to_string)
}

/// The title of an article whose source gave no headline: its first paragraph, as the
/// document's title is its text's first line.
fn first_paragraph(paragraphs: Vec<String>) -> Option<String> {
    paragraphs.into_iter().find(|p| !p.trim().is_empty())
}

/// The item titles of an RSS or Atom feed.
fn feed_titles(bytes: &[u8]) -> Vec<ItemTitle> {
    let (text, _) = decode_declared(bytes, None);
    let atom = root_name(&text).is_some_and(|n| n.eq_ignore_ascii_case("feed"));
    let tag = if atom { "entry" } else { "item" };
    blocks(&text, tag)
        .into_iter()
        .filter_map(|block| match atom {
            true => entry_title(block),
            false => item_title(block),
        })
        .collect()
}

/// An RSS item's title and day, as `feed::rss_article` makes them.
fn item_title(block: &str) -> Option<ItemTitle> {
    let mut title = element(block, "title")
        .map(|(_, raw)| plain_title(&xml_text(raw)))
        .unwrap_or_default();
    if title.is_empty() {
        let body = element(block, "content:encoded").or_else(|| element(block, "description"));
        title = first_paragraph(body_paragraphs(&xml_text(body?.1)))?;
    }
    let date = element(block, "pubDate")
        .or_else(|| element(block, "dc:date"))
        .and_then(|(_, raw)| day_of(&xml_text(raw)));
    Some(ItemTitle { title, date })
}

/// An Atom entry's title and day, as `feed::parse_atom` makes them.
fn entry_title(block: &str) -> Option<ItemTitle> {
    let text_of = |(attrs, raw): (&str, &str)| match attr(attrs, "type") {
        Some("html" | "xhtml") => html_paragraphs(&xml_text(raw)),
        _ => text_paragraphs(&xml_text(raw)),
    };
    let mut title = element(block, "title")
        .map(|e| text_of(e).join(" "))
        .unwrap_or_default();
    if title.is_empty() {
        let body = element(block, "content").or_else(|| element(block, "summary"));
        title = first_paragraph(text_of(body?))?;
    }
    let date = element(block, "published")
        .or_else(|| element(block, "updated"))
        .and_then(|(_, raw)| day_of(&xml_text(raw)));
    Some(ItemTitle { title, date })
}

/// The first `<name ...>...</name>` element in `xml`: its attributes and raw content
/// (empty for `<name/>`).
pub(super) fn element<'a>(xml: &'a str, name: &str) -> Option<(&'a str, &'a str)> {
    let (end, attrs) = open_tag(xml, name)?;
    if attrs.ends_with('/') {
        return Some((attrs, ""));
    }
    let content = &xml[end..];
    let close = content.find(&format!("</{name}>"))?;
    Some((attrs, &content[..close]))
}

/// The first opening tag `<name ...>` in `xml`: where it ends (after its `>`) and its
/// attribute text (ending in `/` for an empty element).
pub(super) fn open_tag<'a>(xml: &'a str, name: &str) -> Option<(usize, &'a str)> {
    let open = format!("<{name}");
    let mut from = 0;
    loop {
        let after = from + xml.get(from..)?.find(&open)? + open.len();
        let rest = xml.get(after..)?;
        if !rest.starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace()) {
            from = after;
            continue;
        }
        let end = rest.find('>')?;
        return Some((after + end + 1, &rest[..end]));
    }
}

/// The value of attribute `name` in an element's attribute text.
pub(super) fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().next_back();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next()?;
        if quote != '"' && quote != '\'' {
            continue;
        }
        let value = &value[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
}

/// XML character data as text: CDATA sections as they are, the five named entities and
/// character references decoded (anything else left as written).
pub(super) fn xml_text(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('&') && !raw.contains("<![CDATA[") {
        return raw.into();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find(['&', '<']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
            let end = cdata.find("]]>").unwrap_or(cdata.len());
            out.push_str(&cdata[..end]);
            rest = cdata.get(end + 3..).unwrap_or("");
        } else if let Some((c, len)) = entity(rest) {
            out.push(c);
            rest = &rest[len..];
        } else {
            out.push_str(&rest[..1]);
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out.into()
}

/// The character an entity at the start of `s` stands for, and the entity's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.get(..12).unwrap_or(s).find(';')?;
    let name = &s[1..end];
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

/// How far into a page its title is looked for, when it has no `</head>`.
const PAGE_HEAD: usize = 256 * 1024;

/// A saved page's title and day, as the page reader finds them: the metadata of the page's
/// head (JSON-LD, `og:title`, `<title>` cleaned of the site's name), with the body up to
/// its first `<h1>`, which the cleaning may fall back on.
fn page_title(bytes: &[u8]) -> Option<ItemTitle> {
    let (html, _) = decode_declared(bytes, None);
    let head = page_head(&html);
    let reader = Readability::new(head, None, None).ok()?;
    let meta = reader.get_article_metadata(reader.parse_json_ld());
    let title = meta.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let date = meta.published_time.as_deref().and_then(day_of);
    Some(ItemTitle { title, date })
}

/// The start of a page up to the end of its head or of its first `<h1>`, whichever is
/// later, within [`PAGE_HEAD`] bytes.
pub(super) fn page_head(html: &str) -> &str {
    let window = crate::text::floor_boundary(html, PAGE_HEAD);
    let bytes = window.as_bytes();
    let end_of = |tag: &[u8]| {
        memchr::memmem::find_iter(bytes, b"</")
            .find(|&at| {
                bytes
                    .get(at..at + tag.len())
                    .is_some_and(|t| t.eq_ignore_ascii_case(tag))
            })
            .map(|at| at + tag.len())
    };
    match end_of(b"</head>").max(end_of(b"</h1>")) {
        Some(end) => &window[..end],
        None => window,
    }
}

#[cfg(test)]
#[path = "titles_tests.rs"]
mod tests;
