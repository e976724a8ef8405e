//! Saved HTML article pages: the main text found readability-style by `dom_smoothie` (a
//! port of Firefox's Reader View), leaving navigation, ads, related links and comments out.
//! A page where no article stands out is read whole, minus its obvious furniture, with a
//! notice.

use dom_smoothie::{Config, Readability, TextMode};

use super::charset::decode_declared;
use super::date::parse_published;
use super::html_text::lines_as_paragraphs;
use super::links::{is_absolute, page_base, resolve};
use super::titles::page_head;
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

/// [`read_page`] on decoded HTML. The article's url is the page's canonical link, else its
/// `og:url`, else the one its JSON-LD gives, else `url`: the first that is absolute once
/// resolved against the page's `<base href>` and address.
pub fn read_page_text(
    html: &str,
    url: Option<&str>,
) -> Result<(Article, Vec<String>), FormatError> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    // Readability refuses a relative address; the page is read without one then.
    let address = url.filter(|u| is_absolute(u));
    let parsed = Readability::new(html, address, Some(cfg)).and_then(|mut r| r.parse());
    match parsed {
        Ok(found) => {
            let paragraphs = lines_as_paragraphs(&found.text_content);
            if paragraphs.is_empty() {
                return whole_page(html, address);
            }
            let meta = ArticleMeta {
                source: found.site_name.filter(|s| !s.trim().is_empty()),
                url: page_url(html, found.url.as_deref(), address),
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
        Err(_) => whole_page(html, address),
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
            url: page_url(html, None, url),
            lang,
            ..ArticleMeta::default()
        },
    };
    Ok((
        article,
        vec!["no main article found: the whole page's text is shown".into()],
    ))
}

/// The page's own url (see [`read_page_text`]): its canonical link, `og:url`, the JSON-LD
/// url `declared`, then `address`, each resolved against the page's base; the absolute
/// ones among them are bases of last resort for the relative ones.
fn page_url(html: &str, declared: Option<&str>, address: Option<&str>) -> Option<String> {
    let head = dom_query::Document::from(page_head(html));
    let value = |selector: &str, name: &str| {
        head.select(selector)
            .iter()
            .find_map(|node| node.attr(name).map(|v| v.trim().to_string()))
            .filter(|v| !v.is_empty())
    };
    let canonical = value("link[rel~=canonical][href]", "href");
    let og_url = value("meta[property='og:url'][content]", "content");
    let base_href = value("base[href]", "href");
    let base = page_base(base_href.as_deref(), address);
    let candidates = [canonical.as_deref(), og_url.as_deref(), declared, address];
    let mut bases = vec![base.as_deref()];
    bases.extend(candidates.iter().filter(|c| c.is_some_and(is_absolute)));
    candidates
        .iter()
        .flatten()
        .find_map(|candidate| resolve(candidate, &bases))
}
