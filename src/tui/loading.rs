//! Opening a large corpus: the document list is drawn from the titles (the first few kilobytes
//! of each file) while the full load runs on another thread; the app swaps the real documents
//! in when they arrive. Until then nothing can be saved, because annotations are keyed by a
//! hash of the full text.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::corpus::fast::TitleEntry;
use crate::corpus::{Corpus, Dateline, DocKey, Document, LoadError, LoadReport, detect_language};

/// Corpora with at least this many files open titles first; smaller ones load at once (the
/// full load of a few hundred articles fits in a frame).
pub const TITLES_FIRST_FROM: usize = 300;

/// The full load, run on its own thread once the first frame is drawn (so it does not take
/// the cores the first frame needs).
#[derive(Debug)]
pub struct CorpusLoader {
    paths: Vec<PathBuf>,
    rx: Option<Receiver<Result<LoadReport, LoadError>>>,
}

impl CorpusLoader {
    /// A loader for `paths`; nothing is read until [`CorpusLoader::poll`] is first called.
    pub fn new(paths: Vec<PathBuf>) -> CorpusLoader {
        CorpusLoader { paths, rx: None }
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

/// Stand-in documents for the list: path, title, date and a language guessed from the title.
/// Their text is empty and their key is the empty text's, so they must never be annotated.
pub fn placeholder_corpus(titles: &[TitleEntry]) -> Corpus {
    let docs = titles
        .iter()
        .map(|t| Document {
            path: t.path.clone(),
            key: DocKey::of_text(""),
            text: String::new(),
            title: t.title.clone(),
            dateline: t.date.as_ref().map(|iso| Dateline {
                start: 0,
                end: 0,
                iso: iso.clone(),
            }),
            lang: detect_language(&t.title),
            paragraphs: Vec::new(),
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
        assert!(corpus.docs[0].text.is_empty());
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
        assert_eq!(report.corpus.docs[0].text, "Başlık\n\nMetin burada.");
        Ok(())
    }
}
