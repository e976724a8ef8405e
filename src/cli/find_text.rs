//! `okur find` when only text lines can match (`--scope text`, or only `%text` terms): the
//! files are read a few at a time on every core and each line is matched as it goes by, with
//! no index. The full path loads the whole corpus and indexes every line (its folded key and
//! the skeletons of all its words) before the first match; here a line's keys live only
//! while it is scanned, and a word's skeleton is taken only in the script the terms need.
//! Matches, scores and order are the full index's (see the test below).

use std::cmp::Reverse;
use std::io::BufWriter;
use std::ops::Range;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::corpus::fast::{Listed, line_at, list_files, load_file};
use crate::search::{LineScanner, Query, Scope};

use super::find::{FindArgs, FindFormat, finish, warn_reader_words, write_or_stop};
use super::find_out::Record;
use super::find_read::{plain_text, read_plain};

/// One matching line.
struct LineHit {
    score: i32,
    /// The length of its text in bytes (the index's tie-break: shorter first).
    len: u32,
    /// Which thread wrote its output line: an index into [`Scanned::outs`].
    part: u32,
    /// Where its output line, already written, is in that thread's buffer (one buffer a
    /// thread, not one allocation a hit).
    out: Range<usize>,
}

/// What a scan of one chunk of files found, in file order; the output lines of its hits are
/// in the buffer of the thread that scanned it.
#[derive(Default)]
struct Chunk {
    /// Notices, in the full load's order.
    notices: Vec<String>,
    /// How many documents were scanned.
    docs: usize,
    /// Matching lines in corpus order (document, then line).
    hits: Vec<LineHit>,
}

/// What a scan of the whole corpus found: the chunks' findings in file order, and each
/// thread's buffer of output lines.
#[derive(Default)]
struct Scanned {
    /// Notices, in the full load's order.
    notices: Vec<String>,
    /// How many documents were scanned.
    docs: usize,
    /// Matching lines in corpus order.
    hits: Vec<LineHit>,
    /// The output lines of the hits, one buffer per scanning thread: written on the
    /// scanning threads, so that escaping and formatting are shared out too, and left
    /// where they were written (gathering them into one string copied every byte of a
    /// large answer once more).
    outs: Vec<String>,
}

impl Scanned {
    /// The output line of `hit`.
    fn line(&self, hit: &LineHit) -> &str {
        let out = usize::try_from(hit.part)
            .ok()
            .and_then(|p| self.outs.get(p));
        out.and_then(|o| o.get(hit.out.clone())).unwrap_or_default()
    }

    /// Adds a chunk's findings after its own.
    fn append(&mut self, chunk: Chunk) {
        self.notices.extend(chunk.notices);
        self.docs += chunk.docs;
        self.hits.extend(chunk.hits);
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
    let Some(mut scanned) = scan_in_parallel(&listed, query, args.format) else {
        return Ok(None);
    };
    if scanned.docs == 0 {
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
    hits.sort_by_key(|h| (Reverse(h.score), h.len));
}

fn print(args: &FindArgs, scanned: &Scanned) -> anyhow::Result<bool> {
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    for hit in scanned.hits.iter().take(args.limit.unwrap_or(usize::MAX)) {
        if !write_or_stop(&mut out, scanned.line(hit).as_bytes())? {
            break;
        }
    }
    finish(out)?;
    Ok(!scanned.hits.is_empty())
}

/// How many files a thread takes at a time: enough that taking is rare, few enough that
/// the threads end together (files differ in size and in how many lines match).
const CHUNK: usize = 32;

/// Most threads scanning: reading and matching is not worth more.
const MAX_THREADS: usize = 8;

/// Scans the listed files on as many threads as there are cores (up to [`MAX_THREADS`]),
/// each taking the next [`CHUNK`] files when done with its last; the findings are put back
/// in file order. `None` when a named file cannot be read.
fn scan_in_parallel(listed: &[Listed], query: &Query, format: FindFormat) -> Option<Scanned> {
    let chunks: Vec<&[Listed]> = listed.chunks(CHUNK).collect();
    let threads = std::thread::available_parallelism()
        .map_or(2, usize::from)
        .clamp(1, MAX_THREADS)
        .min(chunks.len().max(1));
    let next = AtomicUsize::new(0);
    let scanner = LineScanner::for_documents(query);
    let work = |mut scanner: LineScanner, mut part: Part| {
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(at) else {
                break;
            };
            let found = scan_files(chunk, &mut scanner, format, &mut part);
            let failed = found.is_none();
            part.chunks.push((at, found));
            if failed {
                // The whole search falls back to the full load: stop the others early.
                next.store(chunks.len(), Ordering::Relaxed);
                break;
            }
        }
        part
    };
    let parts: Vec<Part> = std::thread::scope(|s| {
        // Thread `id` writes to buffer `id`: the parts are gathered in that order.
        let others: Vec<_> = (1u32..)
            .take(threads.saturating_sub(1))
            .map(|id| {
                let forked = scanner.fork(query);
                s.spawn(move || work(forked, Part::new(id)))
            })
            .collect();
        let mut parts = vec![work(scanner, Part::new(0))];
        for other in others {
            // A panic there is a bug; results missing part of the corpus would hide it.
            parts.push(
                other
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            );
        }
        parts
    });
    let mut all = Scanned::default();
    let mut chunks = Vec::new();
    for part in parts {
        chunks.extend(part.chunks);
        all.outs.push(part.out);
    }
    chunks.sort_unstable_by_key(|(at, _)| *at);
    for (_, chunk) in chunks {
        all.append(chunk?);
    }
    Some(all)
}

/// What one scanning thread found: its chunks' findings, by chunk number, and the output
/// lines of all their hits, in one buffer.
struct Part {
    /// This thread's number, the index of its buffer in [`Scanned::outs`].
    id: u32,
    chunks: Vec<(usize, Option<Chunk>)>,
    out: String,
}

impl Part {
    fn new(id: u32) -> Part {
        Part {
            id,
            chunks: Vec::new(),
            out: String::new(),
        }
    }
}

/// Scans some files in order, writing their hits' output lines to `part`'s buffer; `None`
/// when a named file cannot be read (or a record cannot be written: the full path then
/// says why).
fn scan_files(
    listed: &[Listed],
    scanner: &mut LineScanner,
    format: FindFormat,
    part: &mut Part,
) -> Option<Chunk> {
    let mut found = Chunk::default();
    let mut out = Writer {
        part: part.id,
        out: &mut part.out,
        found: &mut found,
        format,
    };
    for entry in listed {
        match entry {
            Listed::Skipped(notice) => out.found.notices.push(notice.clone()),
            Listed::File(path, named) => scan_file(path, *named, false, scanner, &mut out)?,
            Listed::Regular(path) => scan_file(path, false, true, scanner, &mut out)?,
        }
    }
    Some(found)
}

/// Where a chunk's findings go: its hits and notices, and the output lines of its hits in
/// the scanning thread's buffer.
struct Writer<'a> {
    part: u32,
    out: &'a mut String,
    found: &'a mut Chunk,
    format: FindFormat,
}

/// Reads one file and adds its notices, documents and matching lines. `walked`: a folder
/// walk found it a regular file (see [`read_plain`]).
fn scan_file(
    path: &Path,
    named: bool,
    walked: bool,
    scanner: &mut LineScanner,
    out: &mut Writer<'_>,
) -> Option<()> {
    if let Some(bytes) = read_plain(path, walked)
        && let Some(text) = plain_text(&bytes)
    {
        return scan_doc(&crate::escape::path_name(path), text, scanner, out);
    }
    let report = load_file(path, named).ok()?;
    out.found.notices.extend(report.notices);
    for doc in report.docs {
        scan_doc(&doc.path, &doc.text, scanner, out)?;
    }
    Some(())
}

/// Adds one document's matching lines, written as `out.format` prints them.
fn scan_doc(path: &str, text: &str, scanner: &mut LineScanner, out: &mut Writer<'_>) -> Option<()> {
    out.found.docs += 1;
    // Lines come in order: count newlines from the previous match only.
    let (mut counted, mut line, mut written) = (0, 1, Ok(()));
    scanner.scan_text(text, |start, found, score| {
        let between = text.as_bytes().get(counted..start).unwrap_or_default();
        line += line_at(between) - 1;
        counted = start;
        let record = Record {
            kind: "text",
            score,
            doc: Some(path),
            text: found.into(),
            start: Some(start),
            end: Some(start + found.len()),
            line: Some(line),
            explain: None,
        };
        let from = out.out.len();
        if written.is_ok() {
            written = record.push_line(out.format, out.out);
        }
        out.found.hits.push(LineHit {
            score,
            len: u32::try_from(found.len()).unwrap_or(u32::MAX),
            part: out.part,
            out: from..out.out.len(),
        });
    });
    written.ok()
}

#[cfg(test)]
#[path = "find_text_tests.rs"]
mod tests;
