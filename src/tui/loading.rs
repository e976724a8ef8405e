//! Opening a large corpus: the document list is drawn from the titles (the first few kilobytes
//! of each text file; the items of a feed, dump or mailbox found by a scan of it, see
//! `corpus::fast`) while the full load runs on another thread; the app swaps the real documents
//! in when they arrive. Until then nothing can be saved, because annotations are keyed by a
//! hash of the full text.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use super::inbox::Waker;
use crate::corpus::fast::{TitleEntry, titles_of_files};
use crate::corpus::{Corpus, Dateline, DocKey, Document, LoadError, LoadReport, detect_language};

/// Corpora with at least this many files open titles first; smaller ones load at once (the
/// full load of a few hundred articles fits in a frame).
pub const TITLES_FIRST_FROM: usize = 300;

/// News files (feeds, dumps, pages, mailboxes) of at least this many bytes in all open
/// titles first whatever their number: a few followed feeds (`okur --feeds`) hold thousands
/// of articles in a handful of files, and parsing them all would hold the first frame (10k
/// feed items and 1k pages, 44 MB: 1.7 s). Their items' titles come from a scan instead.
pub const TITLES_FIRST_BYTES: u64 = 4 << 20;

/// True when `files` (from `corpus::fast::list_text_files`) are many, or hold enough news
/// formats, to open titles first. Plain text is cheap to load whole, so only other files'
/// sizes count; a file that cannot be read counts nothing (the full load reports it).
pub fn opens_titles_first(files: &[PathBuf]) -> bool {
    if files.len() >= TITLES_FIRST_FROM {
        return true;
    }
    let mut bytes = 0u64;
    files.iter().filter(|f| !is_plain_text(f)).any(|f| {
        bytes = bytes.saturating_add(std::fs::metadata(f).map_or(0, |m| m.len()));
        bytes >= TITLES_FIRST_BYTES
    })
}

fn is_plain_text(file: &std::path::Path) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// Heads read before the first frame: more than a screenful of the list. The rest arrive
/// in the background (reading 200k heads takes seconds, mostly waiting on the disk).
pub const FIRST_HEADS: usize = 200;

/// How often the background title reader hands over what it has: each batch re-sorts the
/// list, so batches are few (a few a second) rather than one per file.
const BATCH_EVERY: Duration = Duration::from_millis(200);

/// Files read per step of the title reader, between looks at the clock and the stop flag.
const STEP: usize = 256;

/// The full load, run on its own thread once the first frame is drawn (so it does not take
/// the cores the first frame needs).
#[derive(Debug)]
pub struct CorpusLoader {
    paths: Vec<PathBuf>,
    rx: Option<Receiver<Result<LoadReport, LoadError>>>,
    /// The files whose heads are still to be read, and how many files there are in all.
    titles_to_read: Option<(Vec<PathBuf>, usize)>,
}

impl CorpusLoader {
    /// A loader for `paths`; nothing is read until [`CorpusLoader::poll`] is first called.
    pub fn new(paths: Vec<PathBuf>) -> CorpusLoader {
        CorpusLoader {
            paths,
            rx: None,
            titles_to_read: None,
        }
    }

    /// The loader also brings the titles of `rest` (the files whose heads were not read for
    /// the first frame), out of `total` files, while the full load runs.
    pub fn with_titles(mut self, rest: Vec<PathBuf>, total: usize) -> CorpusLoader {
        if !rest.is_empty() {
            self.titles_to_read = Some((rest, total));
        }
        self
    }

    /// The title reader for the heads still to read, started now (once).
    pub fn start_titles(&mut self, waker: Waker) -> Option<TitleReader> {
        let (rest, total) = self.titles_to_read.take()?;
        Some(TitleReader::start(rest, total, waker))
    }

    /// Starts the load on the first call; then the loaded corpus once ready. A loader thread
    /// that died is reported as an error.
    pub fn poll(&mut self) -> Option<Result<LoadReport, String>> {
        let Some(rx) = &self.rx else {
            let (tx, rx) = channel();
            let paths = std::mem::take(&mut self.paths);
            std::thread::spawn(move || {
                let _ = tx.send(crate::corpus::load_paths(&paths));
            });
            self.rx = Some(rx);
            return None;
        };
        match rx.try_recv() {
            Ok(result) => Some(result.map_err(|e| e.to_string())),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err("the corpus loader stopped".into())),
        }
    }
}

/// Titles that arrived from the background title reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleBatch {
    /// The new entries, in path order after those before them.
    pub titles: Vec<TitleEntry>,
    /// Files looked at so far (the first frame's included; skipped files count too).
    pub read: usize,
    /// Files in all.
    pub total: usize,
}

impl TitleBatch {
    /// True when every file has been looked at.
    pub fn is_last(&self) -> bool {
        self.read >= self.total
    }
}

/// The heads the first frame did not wait for, read on their own thread and handed over in
/// batches; dropping the reader stops it (the full documents arrived first, or the user quit).
#[derive(Debug)]
pub struct TitleReader {
    rx: Receiver<TitleBatch>,
    stop: Arc<AtomicBool>,
}

impl TitleReader {
    /// Reads the heads of `rest`, the last files of `total`, waking the loop with each batch.
    pub fn start(rest: Vec<PathBuf>, total: usize, waker: Waker) -> TitleReader {
        let (tx, rx) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut read = total.saturating_sub(rest.len());
            let mut batch = Vec::new();
            let mut sent = Instant::now();
            for step in rest.chunks(STEP) {
                if stopped.load(Ordering::Relaxed) {
                    return;
                }
                batch.extend(titles_of_files(step).0);
                read += step.len();
                if sent.elapsed() >= BATCH_EVERY || read >= total {
                    let titles = std::mem::take(&mut batch);
                    if tx
                        .send(TitleBatch {
                            titles,
                            read,
                            total,
                        })
                        .is_err()
                    {
                        return;
                    }
                    waker.wake();
                    sent = Instant::now();
                }
            }
        });
        TitleReader { rx, stop }
    }

    /// Everything that arrived since the last call, as one batch (one refresh of the list);
    /// `None` when nothing did.
    pub fn poll(&self) -> Option<TitleBatch> {
        let mut all: Option<TitleBatch> = None;
        while let Ok(batch) = self.rx.try_recv() {
            match &mut all {
                Some(all) => {
                    all.titles.extend(batch.titles);
                    all.read = batch.read;
                }
                None => all = Some(batch),
            }
        }
        all
    }
}

impl Drop for TitleReader {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// What the status line says while titles arrive: `loading N of M…`.
pub fn titles_status(read: usize, total: usize) -> String {
    format!("loading {read} of {total}…")
}

/// What the status line says once every title is in, as before the full documents arrive.
pub fn documents_status(count: usize) -> String {
    format!("loading {count} documents…")
}

/// Stand-in documents for the list: path, title, date and a language guessed from the title.
/// Their text is empty and their key is the empty text's, so they must never be annotated.
pub fn placeholder_corpus(titles: &[TitleEntry]) -> Corpus {
    let docs = titles
        .iter()
        .map(|t| Document {
            path: t.path.clone(),
            key: DocKey::of_text(""),
            text: Default::default(),
            title: t.title.clone(),
            dateline: t.date.as_ref().map(|iso| Dateline {
                start: 0,
                end: 0,
                iso: iso.clone(),
            }),
            lang: detect_language(&t.title),
            paragraphs: Vec::new().into(),
            notices: vec!["loading".into()],
            meta: None,
        })
        .collect();
    Corpus { docs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_big_news_files_open_titles_first_and_big_text_does_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = |name: &str, bytes: usize| {
            let path = dir.path().join(name);
            std::fs::write(&path, vec![b'a'; bytes]).expect("write");
            path
        };
        let big = usize::try_from(TITLES_FIRST_BYTES).expect("fits");
        let feeds = [file("a.jsonl", big / 2), file("b.xml", big / 2)];
        assert!(opens_titles_first(&feeds));
        assert!(!opens_titles_first(&feeds[..1]));
        assert!(!opens_titles_first(&[
            file("long.txt", big),
            file("c.MD", big)
        ]));
        let many: Vec<PathBuf> = (0..TITLES_FIRST_FROM)
            .map(|i| dir.path().join(format!("{i}.txt")))
            .collect();
        assert!(opens_titles_first(&many));
        assert!(!opens_titles_first(&[dir.path().join("missing.xml")]));
    }

    #[test]
    fn placeholders_carry_title_date_and_language() {
        let titles = vec![TitleEntry {
            path: "a.txt".into(),
            title: "بوتين يلتقي أردوغان".into(),
            title_offset: 0,
            title_line: 1,
            date: Some("2020-11-03".into()),
        }];
        let corpus = placeholder_corpus(&titles);
        assert_eq!(corpus.docs[0].title, "بوتين يلتقي أردوغان");
        assert_eq!(corpus.docs[0].date(), Some("2020-11-03"));
        assert_eq!(corpus.docs[0].lang, crate::corpus::Lang::Ar);
        assert!(corpus.docs[0].text().expect("reads").is_empty());
    }

    #[test]
    fn the_loader_delivers_the_full_corpus() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.txt"), "Başlık\n\nMetin burada.")?;
        let mut loader = CorpusLoader::new(vec![dir.path().to_path_buf()]);
        let report = loop {
            if let Some(r) = loader.poll() {
                break r?;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert_eq!(
            report.corpus.docs[0].text().expect("reads"),
            "Başlık\n\nMetin burada."
        );
        Ok(())
    }

    #[test]
    fn the_title_reader_brings_the_rest_in_order_and_stops_at_the_end()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let mut files = Vec::new();
        for i in 0..600 {
            let path = dir.path().join(format!("{i:03}.txt"));
            std::fs::write(&path, format!("Başlık {i}\n\nMetin."))?;
            files.push(path);
        }
        std::fs::write(dir.path().join("bin.txt"), b"\0\0")?;
        files.push(dir.path().join("bin.txt"));
        let rest = files.split_off(100);
        let inbox = crate::tui::inbox::Inbox::new();
        let reader = TitleReader::start(rest, 601, inbox.waker());
        let mut titles = Vec::new();
        let last = loop {
            inbox.next(Duration::from_secs(60));
            if let Some(batch) = reader.poll() {
                titles.extend(batch.titles.iter().map(|t| t.title.clone()));
                if batch.is_last() {
                    break batch;
                }
            }
        };
        let want: Vec<String> = (100..600).map(|i| format!("Başlık {i}")).collect();
        assert_eq!(titles, want);
        assert_eq!((last.read, last.total), (601, 601));
        Ok(())
    }

    /// A feed's items arrive in the background as one stand-in each, under the ids the full
    /// load gives them.
    #[cfg(feature = "formats")]
    #[test]
    fn the_title_reader_lists_a_feeds_items() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let items: String = (1..=3)
            .map(|i| format!("<item><title>خبر {i}</title><description>نص.</description></item>"))
            .collect();
        let feed = dir.path().join("akhbar.xml");
        std::fs::write(
            &feed,
            format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>"),
        )?;
        let inbox = crate::tui::inbox::Inbox::new();
        let reader = TitleReader::start(vec![feed.clone()], 1, inbox.waker());
        let batch = loop {
            inbox.next(Duration::from_secs(60));
            if let Some(batch) = reader.poll() {
                break batch;
            }
        };
        let stand_ins = placeholder_corpus(&batch.titles);
        let got: Vec<(String, &str)> = stand_ins
            .docs
            .iter()
            .map(|d| (d.path.clone(), d.title.as_str()))
            .collect();
        let id = |i: usize| format!("{}#{i}", feed.display());
        assert_eq!(got, [(id(1), "خبر 1"), (id(2), "خبر 2"), (id(3), "خبر 3")]);
        assert_eq!(stand_ins.docs[0].lang, crate::corpus::Lang::Ar);
        assert!(batch.is_last());
        Ok(())
    }
}
