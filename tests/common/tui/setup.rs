//! How a [`Harness`] starts: the corpus, its facts or extraction, the layout, the store, the
//! search and the screen.

use std::path::{Path, PathBuf};

use okur::corpus::Corpus;
use okur::extract::CorpusExtraction;
use okur::layout::{BidiMode, LayoutOptions};
use okur::store::{Change, Store};
use okur::tui::Msg;
use okur::tui::app::{App, Facts};
use okur::tui::session::Session;
use okur::tui::theme::Theme;
use ratatui::layout::Rect;

use super::super::extraction::extract;
use super::Harness;

/// How a [`Harness`] starts; made by [`Harness::over`] and its kin, ended by
/// [`Setup::start`]. By default: no facts, 80-column layout options, no store, searching on
/// this thread, a 120x30 screen.
pub struct Setup {
    corpus: Corpus,
    facts: Facts,
    extraction: Option<CorpusExtraction>,
    layout: LayoutOptions,
    loading: bool,
    store: StoreChoice,
    journal: Option<String>,
    changes: Vec<Change>,
    search: Search,
    screen: Rect,
}

/// Where the session's journal is.
enum StoreChoice {
    None,
    TempDir,
    At(PathBuf),
}

/// Where the filter line's search runs.
#[derive(Clone, Copy)]
enum Search {
    Off,
    Inline,
    Background,
}

impl Setup {
    /// The defaults over `corpus`.
    pub(super) fn new(corpus: Corpus) -> Setup {
        Setup {
            corpus,
            facts: Facts::default(),
            extraction: None,
            layout: LayoutOptions::new(80),
            loading: false,
            store: StoreChoice::None,
            journal: None,
            changes: Vec::new(),
            search: Search::Inline,
            screen: Rect::new(0, 0, 120, 30),
        }
    }

    /// Extraction as the extractor does it today, handed to the session after it starts
    /// (as the loop hands over a finished extraction job).
    pub fn extracted(self) -> Setup {
        let extraction = extract(&self.corpus);
        self.extraction(extraction)
    }

    /// `extraction` (a frozen fixture, say) handed to the session after it starts.
    pub fn extraction(mut self, extraction: CorpusExtraction) -> Setup {
        self.extraction = Some(extraction);
        self
    }

    /// The facts the app starts with (before the session sees them).
    pub fn facts(mut self, facts: Facts) -> Setup {
        self.facts = facts;
        self
    }

    /// Layout options other than the default 80-column ones.
    pub fn layout(mut self, layout: LayoutOptions) -> Setup {
        self.layout = layout;
        self
    }

    /// Who reorders right-to-left text.
    pub fn bidi(mut self, bidi: BidiMode) -> Setup {
        self.layout.bidi = bidi;
        self
    }

    /// The corpus is title-only stand-ins still loading: no search until it is replaced.
    pub fn loading(mut self) -> Setup {
        self.loading = true;
        self.search = Search::Off;
        self
    }

    /// A fresh store in a temp dir the harness keeps.
    pub fn store(mut self) -> Setup {
        self.store = StoreChoice::TempDir;
        self
    }

    /// The store at `path` (which outlives the harness).
    pub fn store_at(mut self, path: &Path) -> Setup {
        self.store = StoreChoice::At(path.to_path_buf());
        self
    }

    /// A store in a temp dir whose journal already holds `lines` when it opens.
    pub fn journal(mut self, lines: &str) -> Setup {
        self.store = StoreChoice::TempDir;
        self.journal = Some(lines.to_string());
        self
    }

    /// Changes saved to the store before the session opens it.
    pub fn changes(mut self, changes: Vec<Change>) -> Setup {
        self.changes = changes;
        self
    }

    /// No search at all.
    pub fn no_search(mut self) -> Setup {
        self.search = Search::Off;
        self
    }

    /// Searching on a worker thread, as the loop does: answers come with
    /// [`Session::poll`].
    pub fn search_in_background(mut self) -> Setup {
        self.search = Search::Background;
        self
    }

    /// The screen size, `width` x `height` cells.
    pub fn screen(mut self, width: u16, height: u16) -> Setup {
        self.screen = Rect::new(0, 0, width, height);
        self
    }

    /// Makes the app and the session, in the loop's order: store opened, session made,
    /// search started, extraction handed over.
    pub fn start(self) -> Harness {
        let dir = match self.store {
            StoreChoice::TempDir => Some(tempfile::tempdir().expect("temp dir for the store")),
            _ => None,
        };
        let store_path = match self.store {
            StoreChoice::None => None,
            StoreChoice::TempDir => dir.as_ref().map(|d| d.path().join("journal.jsonl")),
            StoreChoice::At(path) => Some(path),
        };
        let store = store_path.as_ref().map(|path| {
            if let Some(lines) = &self.journal {
                // Private, as okur makes it: a journal others can read is reported.
                use std::io::Write;
                okur::store::private_file()
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .open(path)
                    .and_then(|mut f| f.write_all(lines.as_bytes()))
                    .expect("journal written before the store opens");
            }
            let mut store = Store::open(path).expect("store opens");
            for change in self.changes {
                store.apply(change).expect("set-up change saved");
            }
            store
        });
        let mut app = App::new(self.corpus, self.facts, Theme::monochrome(), self.layout);
        app.loading = self.loading;
        let mut session = Session::new(app, store);
        let initial_status = session.app.status.line();
        match self.search {
            Search::Off => {}
            Search::Inline => session.search_inline(),
            Search::Background => session.search_in_background(),
        }
        if let Some(extraction) = self.extraction {
            let panes = okur::tui::view::panes(self.screen, &session.app);
            session.handle(Msg::ExtractionDone(Box::new(extraction.into())), &panes);
        }
        Harness::new(session, self.screen, store_path, initial_status, dir)
    }
}
