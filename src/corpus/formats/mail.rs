//! Newsletters as mail: mbox files (messages after `From ` lines, `>From` unquoted) and
//! single messages (`.eml`, or the files of a Maildir's `cur/` and `new/`), read with
//! `mail-parser`, which decodes MIME parts, RFC 2047 words and charsets (windows-1254 and
//! windows-1256 among them).
//!
//! Each message is one article: its subject the title, its sender the source and author,
//! its `Date:` kept with its offset, its text/plain part the text, else its HTML part
//! through the page reader's main-text path. A message cut short (an mbox copied while
//! written, a part without its closing boundary) is read for what it holds, with a notice.

use mail_parser::{Message, MessageParser, MimeHeaders, PartType};

use super::date::parse_published;
use super::page::read_page_text;
use super::titles::{ItemTitle, day_of};
use super::{Article, Format, FormatError, Read, html_paragraphs, text_paragraphs};
use crate::corpus::ArticleMeta;

/// Header names that start a mail message (a file starting with one of them and holding a
/// `From:` header is a message).
const FIRST_HEADERS: [&str; 12] = [
    "return-path",
    "received",
    "delivered-to",
    "from",
    "to",
    "date",
    "subject",
    "message-id",
    "mime-version",
    "reply-to",
    "sender",
    "x-",
];

/// `Format::Mbox` for bytes that start with an mbox `From ` line followed by a header,
/// `Format::Mail` for bytes that start with a mail header block holding `From:`.
pub(super) fn sniff_mail(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(8192)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    let mut lines = text.lines();
    let first = lines.next()?;
    if first.starts_with("From ") {
        return lines
            .next()
            .filter(|l| header_name(l).is_some())
            .map(|_| Format::Mbox);
    }
    let name = header_name(first)?;
    if !FIRST_HEADERS.iter().any(|h| name.starts_with(h)) {
        return None;
    }
    let block = std::iter::once(first).chain(lines.take_while(|l| !l.trim().is_empty()));
    let mut has_from = false;
    for line in block {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        has_from |= header_name(line)? == "from";
    }
    has_from.then_some(Format::Mail)
}

/// The lower-cased name of a header line (`Subject: ...`), if it is one.
fn header_name(line: &str) -> Option<String> {
    let (name, _) = line.split_once(':')?;
    let ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
    ok.then(|| name.to_ascii_lowercase())
}

/// True for a file name of a Maildir message (`1709667000.M1P2.host:2,S`), which has no
/// extension to go by.
pub(super) fn maildir_name(name: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.contains(":2,")
}

/// The messages of an mbox file, in order.
fn messages(bytes: &[u8]) -> Result<Vec<Vec<u8>>, FormatError> {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !start.starts_with(b"From ") {
        return Err(FormatError::Mail(
            "not an mbox file: it does not start with a `From ` line".into(),
        ));
    }
    let iter = mail_parser::mailbox::mbox::MessageIterator::new(start);
    Ok(iter
        .filter_map(Result::ok)
        .map(|m| m.unwrap_contents())
        .collect())
}

/// Reads every message of an mbox file; one that cannot be read is skipped with a notice.
pub(super) fn read_mbox(bytes: &[u8]) -> Result<Read, FormatError> {
    let mut read = Read::default();
    for (i, raw) in messages(bytes)?.iter().enumerate() {
        let at = |n: String| format!("message {}: {n}", i + 1);
        match read_message(raw) {
            Ok((article, notices)) => {
                read.articles.push(article);
                read.notices.extend(notices.into_iter().map(at));
            }
            Err(e) => read.notices.push(at(format!("skipped, {e}"))),
        }
    }
    Ok(read)
}

/// Reads one mail message as an article, with notices (cut short, HTML read as a page).
/// A multipart message cut short is mended with its closing boundary first: unclosed, its
/// last part would be taken for an attachment, still in its transfer encoding.
pub(super) fn read_message(raw: &[u8]) -> Result<(Article, Vec<String>), FormatError> {
    let message = parse(raw)?;
    if let Some(boundary) = unclosed_boundary(raw, &message) {
        let mut mended = raw.to_vec();
        mended.extend_from_slice(format!("\n--{boundary}--\n").as_bytes());
        let notice = "cut short (its MIME parts do not end): what it holds is read";
        return article(&parse(&mended)?, vec![notice.into()]);
    }
    let cut = "cut short in its header: what it holds is read";
    let header_ends = [&b"\n\n"[..], b"\r\n\r\n"];
    let whole = header_ends
        .iter()
        .any(|end| memchr::memmem::find(raw, end).is_some());
    article(&message, if whole { Vec::new() } else { vec![cut.into()] })
}

/// The article of a parsed message, and the notices so far.
fn article(
    message: &Message<'_>,
    mut notices: Vec<String>,
) -> Result<(Article, Vec<String>), FormatError> {
    let title = subject(message);
    let paragraphs = body(message, &mut notices);
    if title.is_empty() && paragraphs.is_empty() {
        return Err(FormatError::Mail("no subject or text".into()));
    }
    let sender = message.from().and_then(|a| a.first());
    let name = sender
        .and_then(|a| a.name())
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let address = sender.and_then(|a| a.address());
    let author = match (name, address) {
        (Some(n), Some(a)) => Some(format!("{n} <{a}>")),
        (n, a) => n.or(a).map(str::to_string),
    };
    let meta = ArticleMeta {
        source: name.or(address).map(str::to_string),
        author,
        published: message
            .date()
            .and_then(|d| parse_published(&d.to_rfc3339())),
        lang: message
            .header_raw("Content-Language")
            .map(|l| l.trim().to_string()),
        ..ArticleMeta::default()
    };
    Ok((
        Article {
            title,
            paragraphs,
            meta,
        },
        notices,
    ))
}

fn parse(raw: &[u8]) -> Result<Message<'_>, FormatError> {
    MessageParser::default()
        .parse(raw)
        .filter(|m| !m.headers().is_empty())
        .ok_or_else(|| FormatError::Mail("not a mail message: no headers".into()))
}

/// The subject, whitespace collapsed.
fn subject(message: &Message<'_>) -> String {
    let subject = message.subject().unwrap_or("");
    subject.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text: the first text/plain part, else the first HTML part's main text.
fn body(message: &Message<'_>, notices: &mut Vec<String>) -> Vec<String> {
    if let Some(PartType::Text(text)) = message.text_part(0).map(|p| &p.body) {
        return text_paragraphs(&text.replace("\r\n", "\n"));
    }
    let Some(PartType::Html(html)) = message.html_part(0).map(|p| &p.body) else {
        return Vec::new();
    };
    match read_page_text(html, None) {
        Ok((article, _)) => article.paragraphs,
        Err(_) => {
            notices.push("no main text found in its HTML: all its text is shown".into());
            html_paragraphs(html)
        }
    }
}

/// The boundary of a multipart message whose closing boundary is missing (cut short).
fn unclosed_boundary<'m>(raw: &[u8], message: &'m Message<'_>) -> Option<&'m str> {
    let content_type = message.content_type()?;
    let boundary = content_type.attribute("boundary")?;
    let multipart = content_type.ctype().eq_ignore_ascii_case("multipart");
    let close = format!("--{boundary}--");
    (multipart && memchr::memmem::find(raw, close.as_bytes()).is_none()).then_some(boundary)
}

/// The titles and days of an mbox's messages, numbered as [`read_mbox`] numbers them,
/// from their headers alone (a message without a subject is read whole for its text).
pub(super) fn mbox_titles(bytes: &[u8]) -> Vec<ItemTitle> {
    let Ok(all) = messages(bytes) else {
        return Vec::new();
    };
    all.iter().filter_map(|raw| message_title(raw)).collect()
}

/// The title and day of one message, from its headers; `None` when [`read_message`]
/// would skip it.
pub(super) fn message_title(raw: &[u8]) -> Option<ItemTitle> {
    let headers = MessageParser::default()
        .parse_headers(raw)
        .filter(|m| !m.headers().is_empty())?;
    let mut title = subject(&headers);
    let date = headers.date().and_then(|d| day_of(&d.to_rfc3339()));
    if title.is_empty() {
        let message = parse(raw).ok()?;
        title = body(&message, &mut Vec::new()).into_iter().next()?;
    }
    Some(ItemTitle { title, date })
}

#[cfg(test)]
#[path = "mail_tests.rs"]
mod tests;
