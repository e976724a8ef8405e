//! WARC web archives (ISO 28500; `.warc`, or `.warc.gz` with one gzip member per record):
//! each `response` record holding an HTML page, and each `resource` record that is one, is
//! read as a saved page whose url is the record's target.
//!
//! Records are cut by their `Content-Length`, not by lines, so a page that holds the text
//! `WARC/1.0` does not split. A record cut short (an interrupted crawl) gives a notice and
//! ends the file; bytes between records that are no record are skipped to the next one.

use std::io::Read as _;

use super::charset::decode_declared;
use super::{Article, Format, FormatError, Read, page::read_page_text, read_feed, sniff_content};
use crate::corpus::read::max_input_bytes;

/// Reads the articles of a WARC file, decompressing it first when it is gzip.
pub fn read_warc(bytes: &[u8]) -> Result<Read, FormatError> {
    if bytes.starts_with(b"\x1f\x8b") {
        let plain = gunzip(bytes)?;
        return Ok(read_records(&plain));
    }
    Ok(read_records(bytes))
}

/// Every gzip member, decompressed and joined, up to the input limit.
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
    let limit = max_input_bytes();
    let mut out = Vec::new();
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes).take(limit.saturating_add(1));
    decoder
        .read_to_end(&mut out)
        .map_err(|e| FormatError::Compressed(e.to_string()))?;
    if u64::try_from(out.len()).map_or(true, |n| n > limit) {
        return Err(FormatError::Compressed(
            crate::corpus::read::too_large_reason(None, limit),
        ));
    }
    Ok(out)
}

/// One record's header fields and block.
struct Record<'a> {
    headers: Vec<(&'a str, &'a str)>,
    block: &'a [u8],
}

impl Record<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

fn read_records(bytes: &[u8]) -> Read {
    let mut read = Read::default();
    let mut at = 0;
    let mut number = 0;
    while at < bytes.len() {
        let Some(start) = next_record(bytes, at) else {
            if bytes[at..].iter().any(|b| !b.is_ascii_whitespace()) {
                read.notices
                    .push(format!("bytes {at}.. are not a WARC record: skipped"));
            }
            break;
        };
        if start > at && bytes[at..start].iter().any(|b| !b.is_ascii_whitespace()) {
            read.notices.push(format!(
                "bytes {at}..{start} are not a WARC record: skipped"
            ));
        }
        number += 1;
        match parse_record(&bytes[start..]) {
            Ok((record, len)) => {
                at = start + len;
                take_record(&mut read, number, &record);
            }
            Err(why) => {
                read.notices.push(format!(
                    "record {number} {why}; the rest of the file is not read"
                ));
                break;
            }
        }
    }
    read
}

/// Where the next record starts (a `WARC/` version line), from `at`.
fn next_record(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = &bytes[at..];
    if rest.starts_with(b"WARC/") {
        return Some(at);
    }
    memchr::memmem::find(rest, b"\nWARC/").map(|i| at + i + 1)
}

/// One record and the bytes it takes with its trailing blank lines, or why it is cut short.
fn parse_record(bytes: &[u8]) -> Result<(Record<'_>, usize), String> {
    let (head_end, sep) = match memchr::memmem::find(bytes, b"\r\n\r\n") {
        Some(i) => (i, 4),
        None => memchr::memmem::find(bytes, b"\n\n")
            .map(|i| (i, 2))
            .ok_or("is cut short in its header")?,
    };
    let head =
        std::str::from_utf8(&bytes[..head_end]).map_err(|_| "has a header that is not UTF-8")?;
    let headers: Vec<(&str, &str)> = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim(), v.trim()))
        .collect();
    let len: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, v)| v.parse().ok())
        .ok_or("has no Content-Length")?;
    let body_start = head_end + sep;
    let body_end = body_start
        .checked_add(len)
        .ok_or("has a Content-Length too large")?;
    let Some(block) = bytes.get(body_start..body_end) else {
        let have = bytes.len().saturating_sub(body_start);
        return Err(format!("is cut short: {have} of its {len} bytes"));
    };
    let rest = &bytes[body_end..];
    let trailer = rest
        .iter()
        .take(4)
        .take_while(|b| matches!(b, b'\r' | b'\n'))
        .count();
    Ok((Record { headers, block }, body_end + trailer))
}

/// Adds the article of an HTML (or feed) record; other records (requests, metadata,
/// warcinfo, images) are passed over without a word.
fn take_record(read: &mut Read, number: usize, record: &Record<'_>) {
    let kind = record.header("WARC-Type").unwrap_or("");
    let url = record
        .header("WARC-Target-URI")
        .map(|u| u.trim_matches(['<', '>']));
    let content_type = record
        .header("Content-Type")
        .unwrap_or("")
        .to_ascii_lowercase();
    let (payload, charset) = match kind {
        "response" if content_type.starts_with("application/http") => {
            match http_payload(record.block) {
                Some(p) => p,
                None => return,
            }
        }
        "resource" | "conversion"
            if content_type.contains("html") || content_type.contains("xml") =>
        {
            (record.block.to_vec(), charset_of(&content_type))
        }
        _ => return,
    };
    let prefix = |n: String| format!("record {number}: {n}");
    match sniff_content(&payload) {
        Some(Format::Feed) => match read_feed(&payload, url.unwrap_or("feed")) {
            Ok(feed) => {
                read.articles.extend(feed.articles);
                read.notices.extend(feed.notices.into_iter().map(prefix));
            }
            Err(e) => read.notices.push(prefix(e.to_string())),
        },
        _ => {
            let (html, notice) = decode_declared(&payload, charset);
            read.notices.extend(notice.map(prefix));
            match read_page_text(&html, url) {
                Ok((mut article, notices)) => {
                    fill_url(&mut article, url);
                    read.articles.push(article);
                    read.notices.extend(notices.into_iter().map(prefix));
                }
                Err(e) => read.notices.push(prefix(e.to_string())),
            }
        }
    }
}

fn fill_url(article: &mut Article, url: Option<&str>) {
    if article.meta.url.is_none() {
        article.meta.url = url.map(str::to_string);
    }
    if article.meta.source.is_none() {
        article.meta.source = article
            .meta
            .url
            .as_deref()
            .and_then(host)
            .map(str::to_string);
    }
}

/// The host of a url (`www.aa.com.tr`).
fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then_some(host)
}

/// The body of an HTTP response when it is HTML or a feed, with the charset its header
/// declares; `None` for other content (images, scripts) and failed responses.
fn http_payload(block: &[u8]) -> Option<(Vec<u8>, Option<&'static encoding_rs::Encoding>)> {
    let (head_end, sep) = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, 2)))?;
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_ok = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .is_some_and(|code| code.starts_with('2'));
    let mut content_type = String::new();
    let mut gzip = false;
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        if k.trim().eq_ignore_ascii_case("content-type") {
            content_type = v.trim().to_ascii_lowercase();
        }
        if k.trim().eq_ignore_ascii_case("content-encoding")
            && v.to_ascii_lowercase().contains("gzip")
        {
            gzip = true;
        }
    }
    let wanted =
        content_type.is_empty() || content_type.contains("html") || content_type.contains("xml");
    if !status_ok || !wanted {
        return None;
    }
    let body = &block[head_end + sep..];
    let body = match gzip {
        true => gunzip(body).ok()?,
        false => body.to_vec(),
    };
    Some((body, charset_of(&content_type)))
}

/// The encoding named by a Content-Type's `charset=`.
fn charset_of(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    let label = content_type.split("charset=").nth(1)?;
    let label = label.split([';', ' ']).next()?.trim_matches(['"', '\'']);
    encoding_rs::Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    const PAGE: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>Ankara'da toplantı</title></head><body><article><h1>Ankara'da toplantı</h1><p>Dışişleri Bakanı bugün Ankara'da mevkidaşıyla bir araya geldi ve iki ülke arasındaki ilişkileri ele aldı. Görüşmede bölgesel gelişmeler de konuşuldu.</p></article></body></html>";

    #[test]
    fn a_cut_record_ends_the_file_with_a_notice_and_the_rest_loads() {
        let whole = record("response", "https://example.com.tr/a", PAGE);
        let cut = record("response", "https://example.com.tr/b", PAGE);
        let input = format!("{whole}{}", &cut[..cut.len() - 40]);
        let read = read_records(input.as_bytes());
        assert_eq!(read.articles.len(), 1);
        assert_eq!(
            read.articles[0].meta.url.as_deref(),
            Some("https://example.com.tr/a")
        );
        let notices = read.notices.join("|");
        assert!(notices.contains("record 2 is cut short"), "{notices}");
    }

    #[test]
    fn requests_and_images_are_passed_over() {
        let image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
        let input = format!(
            "{}{}{}",
            record(
                "request",
                "https://example.com.tr/a",
                "GET /a HTTP/1.1\r\n\r\n"
            ),
            record("response", "https://example.com.tr/i.png", image),
            record("response", "https://example.com.tr/a", PAGE)
        );
        let read = read_records(input.as_bytes());
        assert_eq!(read.articles.len(), 1);
        assert!(read.notices.is_empty(), "{:?}", read.notices);
    }
}
