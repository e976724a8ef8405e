//! Readers of news as it reaches analysts: RSS 0.9x/1.0/2.0 and Atom feeds, JSON Feed,
//! saved HTML article pages (main text found readability-style), JSON lines and JSON arrays
//! of article records, WARC web archives, and newsletters as mbox files or Maildir
//! messages. Each turns bytes into [`Article`]s: a title,
//! paragraphs of plain text, and the metadata beside them ([`ArticleMeta`]).
//!
//! The format is chosen by content as well as by name ([`sniff`]): a `.xml` that is really
//! an HTML page is read as a page, with a notice. Bad input never stops the rest: a malformed
//! item, line or record is skipped with a notice, and what came before and after it loads.

mod charset;
mod date;
mod feed;
mod html_text;
mod jsonfeed;
mod links;
mod mail;
mod page;
mod records;
mod same;
mod titles;
mod warc;

pub use charset::decode_declared;
pub use date::parse_published;
pub use feed::{read_feed, read_feed_in};
pub use html_text::html_paragraphs;
pub use links::resolve as resolve_link;
pub use page::{read_page, read_page_in, read_page_text};
pub use records::{FIELDS_ENV, Fields};
pub use same::merge_same_stories;
pub use titles::{ItemTitle, Titles, titles};

use super::{ArticleMeta, Document, Lang};

/// One article read from a feed, a page, a dump or an archive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The headline (may be empty when the source gave none).
    pub title: String,
    /// The body as plain-text paragraphs, in reading order.
    pub paragraphs: Vec<String>,
    /// Source, url, author, publication time and the rest.
    pub meta: ArticleMeta,
}

/// What a reader made of one input: its articles, and notices about what it had to skip
/// or guess (without the input's name, which the caller puts in front).
#[derive(Debug, Default)]
pub struct Read {
    /// The articles, in the order the input holds them.
    pub articles: Vec<Article>,
    /// One line per problem (`item 4: no text, skipped`, `declared windows-1254`).
    pub notices: Vec<String>,
}

/// Why an input could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    /// The XML could not be parsed as RSS or Atom.
    #[error("not a readable feed: {0}")]
    Feed(String),
    /// The JSON could not be parsed.
    #[error("not valid JSON: {0}")]
    Json(String),
    /// The page held no article text.
    #[error("no article text found in the page")]
    NoText,
    /// The compressed archive could not be opened.
    #[error("cannot decompress: {0}")]
    Compressed(String),
    /// The file is not a mailbox or a mail message.
    #[error("{0}")]
    Mail(String),
}

/// The kinds of input okur reads besides plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RSS 0.9x, 1.0 (RDF) or 2.0, or Atom.
    Feed,
    /// JSON Feed 1.x.
    JsonFeed,
    /// JSON lines or a JSON array of article records.
    Records,
    /// An HTML article page.
    Page,
    /// A WARC web archive (optionally gzip-compressed).
    Warc,
    /// An mbox file: mail messages, each after a `From ` line.
    Mbox,
    /// One mail message (`.eml`, or a file of a Maildir folder).
    Mail,
}

/// File name endings read from folders besides `.txt` and `.md`.
pub const EXTENSIONS: [&str; 15] = [
    "xml", "rss", "atom", "rdf", "json", "jsonl", "ndjson", "html", "htm", "xhtml", "warc", "gz",
    "mbox", "mbx", "eml",
];

/// The format of an input, from its content and then its name; `None` for plain text.
/// `.txt` and `.md` files are always text.
pub fn sniff(name: &str, bytes: &[u8]) -> Option<Format> {
    let ext = extension(name);
    if matches!(ext.as_str(), "txt" | "md") {
        return None;
    }
    if ext == "gz" {
        return name
            .to_ascii_lowercase()
            .ends_with(".warc.gz")
            .then_some(Format::Warc);
    }
    sniff_content(bytes)
        .or_else(|| mail::sniff_mail(bytes))
        .or(by_extension(&ext))
        .or_else(|| mail::maildir_name(name).then_some(Format::Mail))
}

/// The format a file's extension promises.
fn by_extension(ext: &str) -> Option<Format> {
    match ext {
        "xml" | "rss" | "atom" | "rdf" => Some(Format::Feed),
        "json" | "jsonl" | "ndjson" => Some(Format::Records),
        "html" | "htm" | "xhtml" => Some(Format::Page),
        "warc" => Some(Format::Warc),
        "mbox" | "mbx" => Some(Format::Mbox),
        "eml" => Some(Format::Mail),
        _ => None,
    }
}

/// The lower-cased extension of a name (`news.XML` gives `xml`).
fn extension(name: &str) -> String {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The format the first bytes show, if they show one.
fn sniff_content(bytes: &[u8]) -> Option<Format> {
    let head = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..head.len().min(start + 4096)];
    if head.starts_with(b"WARC/") {
        return Some(Format::Warc);
    }
    if head.starts_with(b"\x1f\x8b") {
        return None;
    }
    match head.first()? {
        b'<' => markup_kind(head),
        b'{' if contains(head, b"jsonfeed.org/version") => Some(Format::JsonFeed),
        b'{' | b'[' => Some(Format::Records),
        _ => None,
    }
}

/// A feed or a page, by the first element after the prolog, comments and doctype.
fn markup_kind(head: &[u8]) -> Option<Format> {
    let lower = head.to_ascii_lowercase();
    let mut rest = lower.as_slice();
    loop {
        let at = rest.iter().position(|&b| b == b'<')?;
        rest = &rest[at..];
        if rest.starts_with(b"<!doctype html") {
            return Some(Format::Page);
        }
        let skip_to = if rest.starts_with(b"<!--") {
            &b"-->"[..]
        } else {
            &b">"[..]
        };
        if rest.starts_with(b"<?") || rest.starts_with(b"<!") {
            let end = find(rest, skip_to)?;
            rest = &rest[end + skip_to.len()..];
            continue;
        }
        let name: Vec<u8> = rest[1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b':' | b'-' | b'_'))
            .copied()
            .collect();
        return match name.as_slice() {
            b"rss" | b"rdf:rdf" | b"feed" | b"rdf" => Some(Format::Feed),
            b"html" | b"head" | b"body" | b"article" | b"div" | b"meta" | b"title" => {
                Some(Format::Page)
            }
            _ => None,
        };
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}

/// Reads an input of a known format. `origin` names it (a file path, or the url it was
/// fetched from): it is the source of last resort and the base of relative links.
pub fn read_format(format: Format, bytes: &[u8], origin: &str) -> Result<Read, FormatError> {
    match format {
        Format::Feed => read_feed(bytes, origin),
        Format::JsonFeed => jsonfeed::read_json_feed(bytes, origin),
        Format::Records => records::read_records(bytes, &Fields::configured()),
        Format::Page => read_page(bytes, None).map(|(article, notices)| Read {
            articles: vec![article],
            notices,
        }),
        Format::Warc => warc::read_warc(bytes),
        Format::Mbox => mail::read_mbox(bytes),
        Format::Mail => mail::read_message(bytes).map(|(article, notices)| Read {
            articles: vec![article],
            notices,
        }),
    }
}

/// What reading a formatted file gave: its documents and notices (each `NAME: ...`).
#[derive(Debug, Default)]
pub struct Documents {
    /// One document per article.
    pub docs: Vec<Document>,
    /// Notices, prefixed with the file's name.
    pub notices: Vec<String>,
}

/// Reads a file named `name` as a news format when it is one (see [`sniff`]); `None` when
/// it is plain text. A file that holds one article (a page) is a document named `name`;
/// each article of a feed, dump or archive is `name#N`, counting from 1.
pub fn documents(name: &str, bytes: &[u8]) -> Option<Documents> {
    let format = sniff(name, bytes)?;
    let mut out = Documents::default();
    if format == Format::Page && by_extension(&extension(name)) == Some(Format::Feed) {
        out.notices
            .push(format!("{name}: an HTML page, not a feed: read as a page"));
    }
    match read_format(format, bytes, name) {
        Ok(read) => {
            out.notices
                .extend(read.notices.into_iter().map(|n| format!("{name}: {n}")));
            let single = matches!(format, Format::Page | Format::Mail);
            for (i, article) in read.articles.into_iter().enumerate() {
                let id = if single {
                    name.to_string()
                } else {
                    format!("{name}#{}", i + 1)
                };
                out.docs.push(to_document(&id, name, article));
            }
            if out.docs.is_empty() {
                out.notices
                    .push(format!("{name}: skipped, no articles in it"));
            }
        }
        Err(err) => out.notices.push(format!("{name}: skipped, {err}")),
    }
    Some(out)
}

/// The document of an article at `id` (`news.xml#3`) inside the file `file`. Its text is
/// the title, a blank line, and the paragraphs separated by blank lines; its key's copy is
/// the file's absolute path and the item's url (else its number), so the same item opened
/// from another folder, or moved down by newer items, keeps its triage state.
pub fn to_document(id: &str, file: &str, article: Article) -> Document {
    let Article {
        title,
        paragraphs,
        mut meta,
    } = article;
    let mut text = String::new();
    for part in std::iter::once(title.trim()).chain(paragraphs.iter().map(|p| p.trim())) {
        if part.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(part);
    }
    text.push('\n');
    if meta.feed.is_none() && meta.source.is_none() && meta.url.is_none() {
        meta.feed = Some(file.rsplit('/').next().unwrap_or(file).to_string());
    }
    let mut doc = Document::from_text(id, text);
    let copy = super::copy_path(file);
    // An item's triage state must follow it when the feed gains items above it and its
    // number changes: it is keyed by its url when it has one, else by its number.
    let copy = match (id.strip_prefix(file), meta.url.as_deref()) {
        (Some(""), _) | (None, _) => copy,
        (Some(_), Some(url)) => format!("{copy}#{url}"),
        (Some(item), None) => format!("{copy}{item}"),
    };
    // The text's hash as loading found it; only the copy differs.
    doc.key = doc.key.with_copy(copy);
    if doc.lang == Lang::Other {
        doc.lang = declared_lang(meta.lang.as_deref()).unwrap_or(Lang::Other);
    }
    doc.meta = Some(Box::new(meta));
    doc
}

/// The language a source declared (`tr-TR`, `ar`), when okur knows it.
fn declared_lang(lang: Option<&str>) -> Option<Lang> {
    let code = lang?.trim().get(..2)?.to_ascii_lowercase();
    match code.as_str() {
        "tr" => Some(Lang::Tr),
        "ar" => Some(Lang::Ar),
        _ => None,
    }
}

/// Splits an `id` such as `news.xml#3` into the file and the 1-based item number.
pub fn split_item(id: &str) -> Option<(&str, usize)> {
    let (file, n) = id.rsplit_once('#')?;
    let n: usize = n.parse().ok()?;
    (n > 0 && !file.is_empty()).then_some((file, n))
}

/// Plain text split into paragraphs at blank lines (or at every line when there are none):
/// record and feed text that is not HTML.
pub fn text_paragraphs(text: &str) -> Vec<String> {
    let blocks: Vec<&str> = text.split("\n\n").collect();
    let parts: Vec<&str> = if blocks.len() > 1 {
        blocks
    } else {
        text.lines().collect()
    };
    parts
        .into_iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// True when a string carries HTML markup rather than plain text.
pub fn looks_like_html(s: &str) -> bool {
    static TAG: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)</?(p|br|div|span|a|b|i|em|strong|img|ul|ol|li|h[1-6]|blockquote|figure|table|section|article)\b")
            .unwrap_or_else(|e| unreachable!("a fixed pattern: {e}"))
    });
    s.contains('<') && TAG.is_match(s)
}

/// Paragraphs of a body that may be HTML (a feed's description, a record's text).
pub fn body_paragraphs(body: &str) -> Vec<String> {
    if looks_like_html(body) || body.contains("&lt;") || body.contains("&amp;") {
        html_paragraphs(body)
    } else {
        text_paragraphs(body)
    }
}

#[cfg(test)]
mod tests;
