//! The one set-up of the TUI tests: a [`Session`] over a corpus, driven key by key or action
//! by action as the loop drives it (the panes laid out before each input), and drawn on a
//! `TestBackend` of the harness's screen size.
//!
//! ```ignore
//! let mut h = Harness::seeds().extracted().store().start();
//! h.keys("j Enter").type_text("ankara");
//! assert!(h.screen_text().contains("Ankara"));
//! ```

mod setup;

use std::path::{Path, PathBuf};

use okur::corpus::{Corpus, Document, load_seeds};
use okur::kind::Kind;
use okur::tui::app::{App, EntityRow, Facts, MentionRef};
use okur::tui::key::Key;
use okur::tui::session::Session;
use okur::tui::view::{self, Panes};
use okur::tui::{Action, Msg, prepare, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub use setup::Setup;

use super::keys::key;

/// A session under test and the screen it is drawn on.
pub struct Harness {
    /// The session: the app, its store and its search.
    pub session: Session,
    screen: Rect,
    store_path: Option<PathBuf>,
    initial_status: String,
    _dir: Option<tempfile::TempDir>,
}

/// Documents named `0.txt`, `1.txt`, … with the given texts.
pub fn corpus_of(texts: &[&str]) -> Corpus {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(format!("{i}.txt"), t.to_string()))
        .collect();
    Corpus { docs }
}

/// A folder of `n` short articles with datelines: even ones Turkish (mentioning Ankara),
/// odd ones Arabic.
pub fn write_folder(dir: &Path, n: usize) {
    for i in 0..n {
        let text = if i % 2 == 0 {
            format!("Haber {i}: Ankara'da görüşme\n\n03.11.2020 - 20:35\n\nMetin {i}.\n")
        } else {
            format!("خبر {i}: لقاء في موسكو\n\n11/13/2020\n\nنص {i}.\n")
        };
        std::fs::write(dir.join(format!("{i:03}.txt")), text).expect("write article");
    }
}

/// The screen's rows, each cut of its trailing blanks and ended with a newline: the text
/// of the snapshots.
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

impl Harness {
    /// Wraps a started session (see [`Setup::start`]).
    fn new(
        session: Session,
        screen: Rect,
        store_path: Option<PathBuf>,
        initial_status: String,
        dir: Option<tempfile::TempDir>,
    ) -> Harness {
        Harness {
            session,
            screen,
            store_path,
            initial_status,
            _dir: dir,
        }
    }

    /// A set-up over `corpus`.
    pub fn over(corpus: Corpus) -> Setup {
        Setup::new(corpus)
    }

    /// A set-up over the five bundled seeds.
    pub fn seeds() -> Setup {
        Harness::over(load_seeds().corpus)
    }

    /// A set-up over documents named `0.txt`, `1.txt`, … with the given texts.
    pub fn texts(texts: &[&str]) -> Setup {
        Harness::over(corpus_of(texts))
    }

    /// A set-up over the title-only stand-ins of the articles in `dir`, still loading, as
    /// the reader opens a large folder.
    pub fn loading_folder(dir: &Path) -> Setup {
        let titles = okur::corpus::fast::read_titles(&[dir.to_path_buf()]).expect("titles");
        Harness::over(okur::tui::loading::placeholder_corpus(&titles)).loading()
    }

    /// The app.
    pub fn app(&self) -> &App {
        &self.session.app
    }

    /// The app, to set up what no key reaches.
    pub fn app_mut(&mut self) -> &mut App {
        &mut self.session.app
    }

    /// The status line, with its `· saved` when the change it is about is on disk.
    pub fn status(&self) -> String {
        self.session.app.status.line()
    }

    /// The status line as the session started, before any input.
    pub fn initial_status(&self) -> &str {
        &self.initial_status
    }

    /// The store's journal, if the session has a store.
    pub fn store_path(&self) -> Option<&Path> {
        self.store_path.as_deref()
    }

    /// Draws on a screen of another size from now on.
    pub fn resize(&mut self, width: u16, height: u16) -> &mut Harness {
        self.screen = Rect::new(0, 0, width, height);
        self
    }

    /// Where the panes are for the app's state (laid out as they were last prepared).
    pub fn panes(&self) -> Panes {
        view::panes(self.screen, &self.session.app)
    }

    /// Lays the panes out as the loop does before a frame, and returns them.
    pub fn prepare(&mut self) -> Panes {
        let panes = self.panes();
        prepare(&mut self.session.app, &panes);
        panes
    }

    /// Each action through the session (its effects carried out), the panes prepared
    /// before each.
    pub fn press(&mut self, actions: &[Action]) -> &mut Harness {
        for &action in actions {
            let panes = self.prepare();
            self.session.dispatch(action, &panes);
        }
        self
    }

    /// Each action through the pure `update` alone (its effects dropped), the panes
    /// prepared before each.
    pub fn update(&mut self, actions: &[Action]) -> &mut Harness {
        for &action in actions {
            let panes = self.prepare();
            update(&mut self.session.app, Msg::Action(action), &panes);
        }
        self
    }

    /// One action through the session over the panes as they are, without preparing them
    /// (the state a test set by hand is what the action sees).
    pub fn dispatch(&mut self, action: Action) -> &mut Harness {
        let panes = self.panes();
        self.session.dispatch(action, &panes);
        self
    }

    /// One key, the panes prepared before it.
    pub fn key(&mut self, key: Key) -> &mut Harness {
        let panes = self.prepare();
        self.session.key(key, &panes);
        self
    }

    /// Space-separated key names (see `tests/keys/mod.rs`), each a [`Harness::key`].
    pub fn keys(&mut self, keys: &str) -> &mut Harness {
        for token in keys.split_whitespace() {
            self.key(key(token));
        }
        self
    }

    /// Types `text` into the open prompt, a key a character (spaces included).
    pub fn type_text(&mut self, text: &str) -> &mut Harness {
        for c in text.chars() {
            self.key(Key::char(c));
        }
        self
    }

    /// Prepares the panes and draws the app as the loop does; returns what was drawn.
    pub fn buffer(&mut self) -> Buffer {
        self.prepare();
        let (w, h) = (self.screen.width, self.screen.height);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        let app = &self.session.app;
        terminal.draw(|f| view::draw(f, app)).expect("draw");
        terminal.backend().buffer().clone()
    }

    /// One message through the session (its effects carried out), the panes prepared
    /// before it.
    pub fn send(&mut self, msg: Msg) -> &mut Harness {
        let panes = self.prepare();
        self.session.handle(msg, &panes);
        self
    }

    /// Takes what background work (search, extraction) finished, as the loop does.
    pub fn poll(&mut self) -> &mut Harness {
        let panes = self.prepare();
        self.session.poll(&panes);
        self
    }

    /// Whether the user asked to quit.
    pub fn quitting(&self) -> bool {
        self.session.quitting()
    }

    /// The screen's rows, every cell of each.
    pub fn screen(&mut self) -> Vec<String> {
        let buf = self.buffer();
        (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    /// The rows inside a pane's frame, every cell of each (`pane` from [`Harness::panes`]).
    pub fn inside(&mut self, pane: Option<ratatui::layout::Rect>) -> Vec<String> {
        let area = pane.expect("the pane is shown");
        let buf = self.buffer();
        (area.y + 1..area.y + area.height - 1)
            .map(|y| {
                (area.x + 1..area.x + area.width - 1)
                    .map(|x| buf[(x, y)].symbol())
                    .collect()
            })
            .collect()
    }

    /// The screen's rows joined by newlines, every cell of each.
    pub fn screen_text(&mut self) -> String {
        self.screen().join("\n")
    }

    /// The screen as [`buffer_text`] writes it: the text of the snapshots.
    pub fn snapshot(&mut self) -> String {
        buffer_text(&self.buffer())
    }
}

/// Facts for a corpus of one document that mentions one person, `name`, at `ranges`.
pub fn one_person(name: &str, ranges: &[(usize, usize)]) -> Facts {
    let mentions: Vec<MentionRef> = ranges
        .iter()
        .filter_map(|&(start, end)| MentionRef::new(start, end, 0))
        .collect();
    Facts::new(
        vec![EntityRow {
            kind: Kind::Person,
            name: name.to_string(),
            value: None,
            docs: 1,
            mentions: ranges.len(),
        }],
        vec![mentions],
    )
}
