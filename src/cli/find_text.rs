//! `okur find` when only text lines can match (`--scope text`, or only `%text` terms): the
//! files are read one at a time on two threads and each line is matched as it goes by, with
//! no index. The full path loads the whole corpus and indexes every line (its folded key and
//! the skeletons of all its words) before the first match; here a line's keys live only
//! while it is scanned, and a word's skeleton is taken only in the script the terms need.
//! Matches, scores and order are the full index's (see the test below).

use std::cmp::Reverse;
use std::io::BufWriter;
use std::ops::Range;
use std::path::Path;

use crate::corpus::fast::{Listed, line_at, list_files, load_file};
use crate::search::{LineScanner, Query, Scope};

use super::find::{FindArgs, finish, warn_reader_words, write_or_stop};
use super::find_out::Record;
use super::find_read::{plain_text, read_plain};

/// One matching line.
struct LineHit {
    score: i32,
    /// Which document of the scan it is in (an index into [`Scanned::paths`]).
    doc: usize,
    /// Byte offset of the line in its document.
    start: usize,
    /// 1-based line number of its start.
    line: usize,
    /// Where its text is in [`Scanned::texts`] (one buffer, not one allocation a hit).
    text: Range<usize>,
}

/// What a scan of some files found, in file order.
#[derive(Default)]
struct Scanned {
    /// Notices, in the full load's order.
    notices: Vec<String>,
    /// The documents' paths, in corpus order.
    paths: Vec<String>,
    /// Matching lines in corpus order (document, then line).
    hits: Vec<LineHit>,
    /// The texts of the hits, one after the other.
    texts: String,
}

impl Scanned {
    /// The text of `hit`.
    fn text(&self, hit: &LineHit) -> &str {
        self.texts.get(hit.text.clone()).unwrap_or_default()
    }
}

/// Runs the search over the lines of the corpus, streamed, when only text lines can match;
/// `None` when more can, when `--explain` is asked (it reads the index), or when the full load
/// must speak (standard input, the bundled seeds, an unreadable path, no document at all: its
/// error says why).
pub(super) fn text_only(args: &FindArgs, query: &Query) -> anyhow::Result<Option<bool>> {
    let streamable =
        !args.explain && !args.paths.is_empty() && !args.paths.iter().any(|p| p == "-");
    if !streamable || !text_only_query(query) {
        return Ok(None);
    }
    let Ok(listed) = list_files(&args.paths) else {
        return Ok(None);
    };
    let Some(mut scanned) = scan_on_two_threads(&listed, query) else {
        return Ok(None);
    };
    if scanned.paths.is_empty() {
        return Ok(None);
    }
    for notice in &scanned.notices {
        eprintln!("okur: {}", crate::escape::message(notice));
    }
    warn_reader_words(query);
    rank(&mut scanned.hits);
    print(args, &scanned).map(Some)
}

/// True when every scope the query uses is text lines.
fn text_only_query(query: &Query) -> bool {
    let scopes = query.scopes();
    match scopes.is_empty() {
        true => query.scope == Scope::Text,
        false => scopes.iter().all(|&s| s == Scope::Text),
    }
}

/// Best first, as the index ranks: higher score, then shorter text, then corpus order (the
/// order the index numbers its lines in).
fn rank(hits: &mut [LineHit]) {
    // A stable sort keeps corpus order among equal keys.
    hits.sort_by_key(|h| {
        (
            Reverse(h.score),
            u32::try_from(h.text.len()).unwrap_or(u32::MAX),
        )
    });
}

fn print(args: &FindArgs, scanned: &Scanned) -> anyhow::Result<bool> {
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut line = String::new();
    for hit in scanned.hits.iter().take(args.limit.unwrap_or(usize::MAX)) {
        let text = scanned.text(hit);
        let record = Record {
            kind: "text",
            score: hit.score,
            doc: scanned.paths.get(hit.doc).map(String::as_str),
            text,
            start: Some(hit.start),
            end: Some(hit.start + text.len()),
            line: Some(hit.line),
            explain: None,
        };
        line.clear();
        record.push_line(args.format, &mut line)?;
        if !write_or_stop(&mut out, line.as_bytes())? {
            break;
        }
    }
    finish(out)?;
    Ok(!scanned.hits.is_empty())
}

/// Scans the listed files, half on each of two threads; `None` when a named file cannot be
/// read.
fn scan_on_two_threads(listed: &[Listed], query: &Query) -> Option<Scanned> {
    let (a, b) = listed.split_at(listed.len().div_ceil(2));
    let scanner = LineScanner::for_documents(query);
    let forked = scanner.fork(query);
    let (first, second) = std::thread::scope(|s| {
        let other = s.spawn(|| scan_files(b, forked));
        (scan_files(a, scanner), other.join())
    });
    // A panic there is a bug; results missing half the corpus would hide it.
    let second = second.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let (mut all, second) = (first?, second?);
    let (offset, at) = (all.paths.len(), all.texts.len());
    all.notices.extend(second.notices);
    all.paths.extend(second.paths);
    all.texts.push_str(&second.texts);
    all.hits.extend(second.hits.into_iter().map(|h| LineHit {
        doc: h.doc + offset,
        text: h.text.start + at..h.text.end + at,
        ..h
    }));
    Some(all)
}

fn scan_files(listed: &[Listed], mut scanner: LineScanner) -> Option<Scanned> {
    let mut out = Scanned::default();
    for entry in listed {
        match entry {
            Listed::Skipped(notice) => out.notices.push(notice.clone()),
            Listed::File(path, named) => scan_file(path, *named, &mut scanner, &mut out)?,
        }
    }
    Some(out)
}

/// Reads one file and adds its notices, documents and matching lines.
fn scan_file(path: &Path, named: bool, scanner: &mut LineScanner, out: &mut Scanned) -> Option<()> {
    if let Some(bytes) = read_plain(path)
        && let Some(text) = plain_text(&bytes)
    {
        scan_doc(crate::escape::path_name(path), text, scanner, out);
        return Some(());
    }
    let report = load_file(path, named).ok()?;
    out.notices.extend(report.notices);
    for doc in report.docs {
        scan_doc(doc.path, &doc.text, scanner, out);
    }
    Some(())
}

/// Adds one document's matching lines.
fn scan_doc(path: String, text: &str, scanner: &mut LineScanner, out: &mut Scanned) {
    let id = out.paths.len();
    // Lines come in order: count newlines from the previous match only.
    let (mut counted, mut line) = (0, 1);
    scanner.scan_text(text, |start, found, score| {
        let between = text.as_bytes().get(counted..start).unwrap_or_default();
        line += line_at(between) - 1;
        counted = start;
        let from = out.texts.len();
        out.texts.push_str(found);
        out.hits.push(LineHit {
            score,
            doc: id,
            start,
            line,
            text: from..out.texts.len(),
        });
    });
    out.paths.push(path);
}

#[cfg(test)]
#[path = "find_text_tests.rs"]
mod tests;
