//! The reader's first load: what its first frame shows, at once for small corpora, titles
//! first with the rest loading in the background for large ones and for standard input.

use std::path::PathBuf;

use crate::corpus::Corpus;
use crate::tui::loading::CorpusLoader;

/// The corpus the first frame shows, what the status line says about it, and the full load
/// still to run (large folders).
pub struct Opened {
    /// The documents (or their titles alone) the first frame shows.
    pub corpus: Corpus,
    /// What the status line says about them.
    pub status: String,
    /// Notices of the load so far, for the notices pane.
    pub notices: Vec<String>,
    /// The full load still to run in the background, if any.
    pub loader: Option<CorpusLoader>,
}

/// What the first frame shows: every document for small corpora; for large ones the titles
/// alone (read from the head of each file), with the full load running in the background.
pub fn open_corpus(paths: &[PathBuf]) -> anyhow::Result<Opened> {
    use crate::corpus::fast::{list_text_files, titles_of_files};
    use crate::tui::loading::{
        FIRST_HEADS, documents_status, opens_titles_first, placeholder_corpus, titles_status,
    };
    // Standard input may take any time to end (`tail -f log | okur -`, a writer that
    // stalls): it is read in the background, so the loading screen answers `q` meanwhile.
    // (From a terminal, the text is typed before the reader starts, as before.)
    use std::io::IsTerminal;
    if paths.iter().any(|p| p.as_os_str() == "-") && !std::io::stdin().is_terminal() {
        return Ok(Opened {
            corpus: placeholder_corpus(&[]),
            status: "loading standard input…".into(),
            notices: Vec::new(),
            loader: Some(CorpusLoader::new(paths.to_vec())),
        });
    }
    // A failure here falls through to the full loader, which reports it properly. The
    // first frame waits for the walk and a screenful of heads; the rest arrive meanwhile.
    if !paths.is_empty()
        && let Ok(mut files) = list_text_files(paths)
        && opens_titles_first(&files)
    {
        let total = files.len();
        let rest = files.split_off(FIRST_HEADS.min(total));
        let (titles, _) = titles_of_files(&files);
        let status = match rest.is_empty() {
            true => documents_status(titles.len()),
            false => titles_status(files.len(), total),
        };
        return Ok(Opened {
            corpus: placeholder_corpus(&titles),
            status,
            // The full load's notices arrive with it.
            notices: Vec::new(),
            loader: Some(CorpusLoader::new(paths.to_vec()).with_titles(rest, total)),
        });
    }
    // Quietly: printed now, the notices would vanish behind the alternate screen.
    let report = super::load_quietly(paths)?;
    Ok(Opened {
        corpus: report.corpus,
        status: crate::tui::notices::summary(&report.notices).unwrap_or_default(),
        notices: report.notices,
        loader: None,
    })
}
