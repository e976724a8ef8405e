//! RSS (0.9x, 1.0 RDF, 2.0) and Atom feeds, with `rss` and `atom_syndication`: both keep a
//! date as the feed wrote it, so its offset survives (see [`super::date`]).
//!
//! A feed that does not parse as a whole is read item by item: each `<item>` or `<entry>`
//! is parsed on its own inside the feed's root element, so one broken item (an unescaped
//! `&`, a cut-off end) costs that item alone.

use super::charset::{as_utf8_xml, decode_declared};
use super::date::parse_published;
use super::links::resolve;
use super::titles::{attr, open_tag, xml_text};
use super::{Article, FormatError, Read, body_paragraphs, html_paragraphs, text_paragraphs};
use crate::corpus::ArticleMeta;

/// Reads the articles of an RSS or Atom feed from its bytes. `origin` (the file or url it
/// came from) names the feed when it has no title.
pub fn read_feed(bytes: &[u8], origin: &str) -> Result<Read, FormatError> {
    read_feed_in(bytes, origin, None)
}

/// [`read_feed`] of bytes whose encoding was declared outside them (a fetched feed's HTTP
/// `Content-Type` charset), which outranks the XML prolog.
pub fn read_feed_in(
    bytes: &[u8],
    origin: &str,
    outside: Option<&'static encoding_rs::Encoding>,
) -> Result<Read, FormatError> {
    let (text, notice) = decode_declared(bytes, outside);
    let xml = as_utf8_xml(&text);
    let atom = root_name(&xml).is_some_and(|n| n.eq_ignore_ascii_case("feed"));
    let base = Bases::of(&xml, atom, origin);
    let parsed = if atom {
        parse_atom(&xml, &base)
    } else {
        parse_rss(&xml, &base)
    };
    let mut read = match parsed {
        Ok(read) => read,
        Err(err) => salvage(&xml, atom, &err, &base)?,
    };
    for article in &mut read.articles {
        if article.meta.feed.is_none() && article.meta.source.is_none() {
            article.meta.feed = Some(origin.rsplit('/').next().unwrap_or(origin).to_string());
        }
    }
    read.notices.splice(0..0, notice);
    Ok(read)
}

/// What an item's relative link is resolved against, nearest first: the `xml:base` of each
/// item (by position), the feed's own `xml:base`, and the address the feed came from.
/// The channel's link comes after the feed's `xml:base` (see [`Bases::chain`]).
struct Bases {
    items: Vec<Option<String>>,
    feed: Option<String>,
    origin: String,
}

impl Bases {
    fn of(xml: &str, atom: bool, origin: &str) -> Bases {
        let tag = if atom { "entry" } else { "item" };
        let opening = |block: &str| {
            let head = &block[..block.find('>').unwrap_or(block.len())];
            attr(head, "xml:base").map(|b| xml_text(b).into_owned())
        };
        let base_of =
            |name: &str| open_tag(xml, name).and_then(|(_, attrs)| attr(attrs, "xml:base"));
        let mut feed = root_name(xml).and_then(base_of);
        if !atom {
            feed = base_of("channel").or(feed);
        }
        let feed = feed.and_then(|b| resolve(&xml_text(b), &[Some(origin)]));
        Bases {
            items: blocks(xml, tag).into_iter().map(opening).collect(),
            feed,
            origin: origin.to_string(),
        }
    }

    /// A link of item `i` (0-based, in document order) made absolute against the item's
    /// `xml:base`, the feed's, the channel's link `site`, then the feed's address.
    fn link(&self, i: usize, link: &str, site: Option<&str>) -> Option<String> {
        let (feed, origin) = (self.feed.as_deref(), Some(self.origin.as_str()));
        let site = site.and_then(|s| resolve(s, &[feed, origin]));
        let outer = [feed, site.as_deref(), origin];
        let item = self.items.get(i).cloned().flatten();
        let item = item.and_then(|b| resolve(&b, &outer));
        resolve(link, &[item.as_deref(), feed, site.as_deref(), origin])
    }
}

/// The name of the document's root element.
pub(super) fn root_name(xml: &str) -> Option<&str> {
    let mut rest = xml;
    loop {
        let at = rest.find('<')?;
        rest = &rest[at + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        return Some(&rest[..end]);
    }
}

fn parse_rss(xml: &str, base: &Bases) -> Result<Read, String> {
    let channel = rss::Channel::read_from(xml.as_bytes()).map_err(|e| e.to_string())?;
    let mut read = Read::default();
    let title = non_empty(channel.title());
    let lang = channel.language().map(str::to_string).or_else(|| {
        let dc = channel.dublin_core_ext()?;
        dc.languages().first().cloned()
    });
    let site = non_empty(channel.link());
    for (i, item) in channel.items().iter().enumerate() {
        match rss_article(item, title.as_deref(), lang.as_deref()) {
            Some(mut article) => {
                let url = article.meta.url.take();
                article.meta.url = url.and_then(|u| base.link(i, &u, site.as_deref()));
                read.articles.push(article);
            }
            None => read
                .notices
                .push(format!("item {}: no title or text, skipped", i + 1)),
        }
    }
    Ok(read)
}

fn rss_article(item: &rss::Item, feed: Option<&str>, lang: Option<&str>) -> Option<Article> {
    let dc = item.dublin_core_ext();
    let body = item.content().or(item.description()).unwrap_or("");
    let title = item.title().map(plain_title).unwrap_or_default();
    let paragraphs = body_paragraphs(body);
    if title.is_empty() && paragraphs.is_empty() {
        return None;
    }
    let url = item.link().map(str::trim).map(str::to_string).or_else(|| {
        let guid = item.guid()?;
        guid.is_permalink().then(|| guid.value().trim().to_string())
    });
    let first = |f: fn(&rss::extension::dublincore::DublinCoreExtension) -> &[String]| {
        dc.and_then(|d| f(d).first().cloned())
    };
    let meta = ArticleMeta {
        source: feed.map(str::to_string),
        url: url.filter(|u| !u.is_empty()),
        author: item
            .author()
            .map(str::to_string)
            .or_else(|| first(|d| d.creators())),
        published: item
            .pub_date()
            .map(str::to_string)
            .or_else(|| first(|d| d.dates()))
            .and_then(|d| parse_published(&d)),
        lang: lang
            .map(str::to_string)
            .or_else(|| first(|d| d.languages())),
        feed: feed.map(str::to_string),
        also: Vec::new(),
    };
    Some(Article {
        title,
        paragraphs,
        meta,
    })
}

fn parse_atom(xml: &str, base: &Bases) -> Result<Read, String> {
    let feed = atom_syndication::Feed::read_from(xml.as_bytes()).map_err(|e| e.to_string())?;
    let mut read = Read::default();
    let title = non_empty(&atom_text(feed.title()).join(" "));
    let feed_author = feed.authors().first().map(|p| p.name().to_string());
    let site = alternate(feed.links());
    for (i, entry) in feed.entries().iter().enumerate() {
        let body = match (entry.content(), entry.summary()) {
            (Some(c), _) if c.value().is_some() => content_paragraphs(c),
            (_, Some(summary)) => atom_text(summary),
            _ => Vec::new(),
        };
        let headline = atom_text(entry.title()).join(" ");
        if headline.is_empty() && body.is_empty() {
            read.notices
                .push(format!("entry {}: no title or text, skipped", i + 1));
            continue;
        }
        let link = alternate(entry.links()).and_then(|l| base.link(i, &l, site.as_deref()));
        // A missing <updated> reads as the epoch: no date at all.
        let updated = Some(entry.updated()).filter(|t| t.timestamp() != 0);
        let published = entry.published().or(updated);
        read.articles.push(Article {
            title: headline,
            paragraphs: body,
            meta: ArticleMeta {
                source: title.clone(),
                url: link,
                author: entry
                    .authors()
                    .first()
                    .map(|p| p.name().to_string())
                    .or_else(|| feed_author.clone()),
                published: published.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)),
                lang: feed.lang().map(str::to_string),
                feed: title.clone(),
                also: Vec::new(),
            },
        });
    }
    Ok(read)
}

/// The `alternate` link among `links`, else the first.
fn alternate(links: &[atom_syndication::Link]) -> Option<String> {
    links
        .iter()
        .find(|l| l.rel() == "alternate")
        .or_else(|| links.first())
        .map(|l| l.href().trim().to_string())
        .filter(|l| !l.is_empty())
}

/// An Atom text construct's paragraphs: HTML and XHTML are turned into text.
fn atom_text(text: &atom_syndication::Text) -> Vec<String> {
    match text.r#type {
        atom_syndication::TextType::Text => text_paragraphs(&text.value),
        _ => html_paragraphs(&text.value),
    }
}

fn content_paragraphs(content: &atom_syndication::Content) -> Vec<String> {
    let value = content.value().unwrap_or("");
    match content.content_type() {
        Some("html" | "xhtml" | "text/html" | "application/xhtml+xml") => html_paragraphs(value),
        _ => body_paragraphs(value),
    }
}

/// A headline as plain text: some feeds put markup or entities in titles.
pub(super) fn plain_title(title: &str) -> String {
    if title.contains('<') || title.contains('&') {
        html_paragraphs(title).join(" ")
    } else {
        title.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Reads a feed that does not parse whole, one item at a time (see the module doc).
fn salvage(xml: &str, atom: bool, err: &str, base: &Bases) -> Result<Read, FormatError> {
    let tag = if atom { "entry" } else { "item" };
    let root = root_name(xml).ok_or_else(|| FormatError::Feed(err.to_string()))?;
    let open_end = xml
        .find(&format!("<{root}"))
        .and_then(|at| xml[at..].find('>').map(|e| at + e + 1))
        .ok_or_else(|| FormatError::Feed(err.to_string()))?;
    let (open, close) = (&xml[..open_end], format!("</{root}>"));
    let feed_title = channel_title(xml);
    let mut read = Read::default();
    let mut skipped = 0;
    for (i, block) in blocks(xml, tag).into_iter().enumerate() {
        let wrapped = match atom {
            true => format!("{open}<title>{feed_title}</title>{block}{close}"),
            false => format!("{open}<channel><title>{feed_title}</title>{block}</channel>{close}"),
        };
        // The item's own base, where the feed has it: it is the only item in `wrapped`.
        let one_base = Bases {
            items: vec![base.items.get(i).cloned().flatten()],
            feed: base.feed.clone(),
            origin: base.origin.clone(),
        };
        let one = if atom {
            parse_atom(&wrapped, &one_base)
        } else {
            parse_rss(&wrapped, &one_base)
        };
        match one {
            Ok(one) if !one.articles.is_empty() => read.articles.extend(one.articles),
            _ => skipped += 1,
        }
    }
    if read.articles.is_empty() {
        return Err(FormatError::Feed(err.to_string()));
    }
    read.notices.push(format!(
        "malformed XML ({err}): {} {tag}s read one by one, {skipped} skipped",
        read.articles.len()
    ));
    Ok(read)
}

/// The raw text of the feed's own `<title>` (before the first item), for salvaged items.
fn channel_title(xml: &str) -> &str {
    let head_end = xml
        .find("<item")
        .or_else(|| xml.find("<entry"))
        .unwrap_or(xml.len());
    let head = &xml[..head_end];
    head.find("<title>")
        .and_then(|s| {
            let rest = &head[s + 7..];
            rest.find("</title>").map(|e| &rest[..e])
        })
        .unwrap_or("")
}

/// Each `<tag ...>...</tag>` block, in order; a block cut off at the end runs to the end.
pub(super) fn blocks<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let after = rest[at + open.len()..].chars().next();
        if !after.is_some_and(|c| c == '>' || c.is_whitespace()) {
            rest = &rest[at + open.len()..];
            continue;
        }
        let end = rest[at..]
            .find(&close)
            .map_or(rest.len(), |e| at + e + close.len());
        out.push(&rest[at..end]);
        rest = &rest[end..];
    }
    out
}
