//! Saved HTML article pages: the main text found readability-style by `dom_smoothie` (a
//! port of Firefox's Reader View), leaving navigation, ads, related links and comments out.
//! A page where no article stands out is read whole, minus its obvious furniture, with a
//! notice.

use dom_smoothie::{Config, Readability, TextMode};

use super::charset::decode_declared;
use super::date::parse_published;
use super::html_text::lines_as_paragraphs;
use super::{Article, FormatError};
use crate::corpus::ArticleMeta;

/// Reads a saved page's article from its bytes (in the encoding its `<meta charset>`
/// declares, else UTF-8, else detected). `url` is where it came from, when known. Returns
/// the article and notices.
pub fn read_page(bytes: &[u8], url: Option<&str>) -> Result<(Article, Vec<String>), FormatError> {
    read_page_in(bytes, url, None)
}

/// [`read_page`] of bytes whose encoding was declared outside them (a fetched page's HTTP
/// `Content-Type` charset), which outranks `<meta charset>`.
pub fn read_page_in(
    bytes: &[u8],
    url: Option<&str>,
    outside: Option<&'static encoding_rs::Encoding>,
) -> Result<(Article, Vec<String>), FormatError> {
    let (html, notice) = decode_declared(bytes, outside);
    let (article, mut notices) = read_page_text(&html, url)?;
    notices.splice(0..0, notice);
    Ok((article, notices))
}

/// [`read_page`] on decoded HTML.
pub fn read_page_text(
    html: &str,
    url: Option<&str>,
) -> Result<(Article, Vec<String>), FormatError> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let parsed = Readability::new(html, url, Some(cfg)).and_then(|mut r| r.parse());
    match parsed {
        Ok(found) => {
            let paragraphs = lines_as_paragraphs(&found.text_content);
            if paragraphs.is_empty() {
                return whole_page(html, url);
            }
            let meta = ArticleMeta {
                source: found.site_name.filter(|s| !s.trim().is_empty()),
                url: found.url.or_else(|| url.map(str::to_string)),
                author: found.byline.filter(|s| !s.trim().is_empty()),
                published: found.published_time.and_then(|t| parse_published(&t)),
                lang: found.lang,
                feed: None,
                also: Vec::new(),
            };
            let article = Article {
                title: found.title.split_whitespace().collect::<Vec<_>>().join(" "),
                paragraphs,
                meta,
            };
            Ok((article, Vec::new()))
        }
        Err(_) => whole_page(html, url),
    }
}

/// The page's whole text without scripts, navigation, headers, footers and asides: for a
/// page where no main article stands out.
fn whole_page(html: &str, url: Option<&str>) -> Result<(Article, Vec<String>), FormatError> {
    let doc = dom_query::Document::from(html);
    let title = doc
        .select("title")
        .text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    doc.select("script, style, noscript, template, nav, header, footer, aside, form, title")
        .remove();
    let lang = doc.select("html").attr("lang").map(|l| l.to_string());
    let paragraphs = lines_as_paragraphs(&doc.select("body").formatted_text());
    if paragraphs.is_empty() && title.is_empty() {
        return Err(FormatError::NoText);
    }
    let article = Article {
        title,
        paragraphs,
        meta: ArticleMeta {
            url: url.map(str::to_string),
            lang,
            ..ArticleMeta::default()
        },
    };
    Ok((
        article,
        vec!["no main article found: the whole page's text is shown".into()],
    ))
}
