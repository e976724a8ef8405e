//! The TUI's state. Changed only by `update`; drawn by `view` through shared references.

use crate::corpus::{Corpus, Document};
use crate::layout::{DocLayout, LayoutOptions};

use std::collections::BTreeSet;
use std::sync::Arc;

use super::doc_list::DocList;
use super::entity_panel::EntityPanel;
use super::keymap::Keymap;
use super::mode::{Mode, PromptHistory};
use super::status::Status;
use super::theme::Theme;

pub use super::held_facts::{EntityRow, Facts, FactsBuilder, MentionRef, Mentions};

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The document list.
    List,
    /// The reading pane.
    Reader,
    /// The entity panel.
    Entities,
}

/// Order of the document list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    /// As loaded (file order).
    File,
    /// Newest dateline first.
    Date,
    /// By title.
    Title,
    /// By language, then file order.
    Language,
    /// Unread first, starred first among them.
    State,
}

impl SortOrder {
    /// The next order in the cycle.
    pub fn next(self) -> SortOrder {
        match self {
            SortOrder::File => SortOrder::Date,
            SortOrder::Date => SortOrder::Title,
            SortOrder::Title => SortOrder::Language,
            SortOrder::Language => SortOrder::State,
            SortOrder::State => SortOrder::File,
        }
    }

    /// Name for the list's title bar.
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::File => "file",
            SortOrder::Date => "date",
            SortOrder::Title => "title",
            SortOrder::Language => "language",
            SortOrder::State => "state",
        }
    }
}

/// Scroll and cursor of a list-like pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Selected row.
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
}

impl Cursor {
    /// Moves the selection by `delta` within `len` rows.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        let max = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(max);
    }

    /// Scrolls the window of `height` rows over `len` rows by `delta` (the mouse wheel):
    /// the view moves, and the selection only as far as it must to stay in view.
    pub fn scroll(&mut self, delta: isize, len: usize, height: usize) {
        let height = height.max(1);
        let last_top = len.saturating_sub(height);
        self.offset = self.offset.saturating_add_signed(delta).min(last_top);
        let bottom = self.offset + height - 1;
        self.selected = self.selected.clamp(self.offset, bottom.max(self.offset));
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    /// Keeps the selection inside a window of `height` rows.
    pub fn follow(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
    }
}

/// The reading pane: which document, its cached layout, and where the cursor is.
#[derive(Debug, Clone)]
pub struct Reader {
    /// Index of the open document in the corpus.
    pub doc: usize,
    /// Cached rows at the current width.
    pub layout: DocLayout,
    /// Cursor row and scroll.
    pub cursor: Cursor,
    /// The caret: document byte offset of the cluster under the cursor.
    pub caret: usize,
    /// Where a visual selection (`v`) started, if one is open.
    pub anchor: Option<usize>,
    /// The open document with its text plain, when the corpus holds it packed (see
    /// [`App::open_doc`]); made again when the document shown changes.
    pub plain: crate::corpus::OpenCopy,
}

impl Reader {
    /// Shows document `doc` from its top: a fresh layout (with `options`), the cursor and
    /// the caret at the start, no selection. Everything that belonged to the document
    /// shown before goes with it.
    pub fn show(&mut self, doc: usize, options: LayoutOptions) {
        self.doc = doc;
        self.layout = DocLayout::new(options);
        self.cursor = Cursor::default();
        self.caret = 0;
        self.anchor = None;
    }
}

/// Where the status line reads the team link's state (`team: connected, 3 waiting`): a
/// function, so the terminal layer needs nothing of team mode but this text.
#[derive(Clone)]
pub struct LinkLine(pub std::sync::Arc<dyn Fn() -> String + Send + Sync>);

impl std::fmt::Debug for LinkLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LinkLine({:?})", (self.0)())
    }
}

/// Everything the TUI knows.
#[derive(Debug)]
pub struct App {
    /// The documents, shared with the search worker and the extraction thread (never
    /// copied for them).
    pub corpus: Arc<Corpus>,
    /// Extraction results for the entity panel and highlights.
    pub facts: Facts,
    /// Key bindings.
    pub keymap: Keymap,
    /// Colours.
    pub theme: Theme,
    /// Focused pane.
    pub focus: Focus,
    /// The document list: order, cursor, marks, what narrows it.
    pub list: DocList,
    /// The entity panel: its rows, cursor, selected entity, extraction progress.
    pub panel: EntityPanel,
    /// The open document.
    pub reader: Reader,
    /// Layout options other than width (shaping, bidi mode).
    pub layout_base: LayoutOptions,
    /// Who takes the next key: the panes, the help, a prompt or a question.
    pub mode: Mode,
    /// The status line's message.
    pub status: Status,
    /// What loading said about individual files, every one (the status line has room for
    /// the first); printed to stderr when the reader exits.
    pub notices: Vec<String>,
    /// Triage state and annotations as last saved: the store's own state, shared (the
    /// session lends it back to the store while a change is written, so a save copies
    /// nothing).
    pub state: Arc<crate::store::State>,
    /// Each document's triage by index, as the list's filters and sort read it: brought in
    /// step with `state` and the documents when the list is made again (cleared when the
    /// documents are replaced).
    pub triage: crate::store::TriageTable,
    /// Spans shown in the open document: user, accepted and suggested.
    pub spans: super::ranges::SpanSet,
    /// Highlights and mention counts of the open document.
    pub marks: super::ranges::Marks,
    /// The filter line's search results (`None`: no search).
    pub search: Option<super::search::SearchOutcome>,
    /// Matches of the search in the open document (byte ranges).
    pub search_ranges: Vec<(usize, usize)>,
    /// The document and query `search_ranges` were computed for.
    pub search_ranges_for: Option<(usize, String)>,
    /// Names rejected in the store, as the entity panel and its counts leave them out.
    pub rejections: super::facts::Rejections,
    /// A find in the open article (`F`), if one is on.
    pub find: Option<super::find::Find>,
    /// Documents whose misfit spans were already reported: said once, not on every key.
    pub misfits_reported: BTreeSet<crate::corpus::DocKey>,
    /// Lines entered in the prompts, per kind.
    pub prompt_history: PromptHistory,
    /// Labels beyond person/place/date, on the digit keys 1-9 (from the config file).
    pub custom_labels: Vec<String>,
    /// Team mode: the link's state for the status line.
    pub link: Option<LinkLine>,
    /// Team mode: the team's spans, relevance and tags as the panes show them.
    pub team: super::team::TeamPane,
    /// True while the documents are title-only stand-ins and the full load runs: nothing
    /// can be saved until it ends.
    pub loading: bool,
    /// The documents' folded titles, the title sort's keys: folded once per corpus (on the
    /// first sort by title), not twice per comparison. Empty until then, and again when the
    /// documents are replaced.
    pub title_keys: Vec<String>,
    /// The paths the corpus was opened from (empty: the bundled samples), read again by
    /// a reload.
    pub sources: Vec<std::path::PathBuf>,
    /// The feeds fetch the fetch key started, while it runs.
    pub fetch: Option<super::fetching::FetchProgress>,
    /// True while a reload reads the files again: a second one waits for it.
    pub reloading: bool,
    /// Why there is no store, when one could not be opened (a journal that cannot be read):
    /// each change refused says it, not that no store was named.
    pub no_store: Option<String>,
}

impl App {
    /// A new app over a corpus, with the first document open.
    pub fn new(corpus: Corpus, facts: Facts, theme: Theme, layout_base: LayoutOptions) -> App {
        let list = DocList::new(corpus.len());
        let panel = EntityPanel::new(facts.entities.len());
        App {
            corpus: Arc::new(corpus),
            facts,
            keymap: Keymap::default(),
            theme,
            focus: Focus::List,
            list,
            panel,
            reader: Reader {
                doc: 0,
                layout: DocLayout::new(layout_base),
                cursor: Cursor::default(),
                caret: 0,
                anchor: None,
                plain: Default::default(),
            },
            layout_base,
            mode: Mode::Normal,
            status: Status::default(),
            notices: Vec::new(),
            state: Default::default(),
            spans: Default::default(),
            marks: Default::default(),
            search: None,
            search_ranges: Vec::new(),
            search_ranges_for: None,
            rejections: Default::default(),
            find: None,
            misfits_reported: BTreeSet::new(),
            prompt_history: PromptHistory::default(),
            custom_labels: Vec::new(),
            link: None,
            team: Default::default(),
            loading: false,
            title_keys: Vec::new(),
            triage: Default::default(),
            sources: Vec::new(),
            fetch: None,
            reloading: false,
            no_store: None,
        }
    }

    /// The display mode in force: who reorders and shaping from the layout options, italics
    /// from the theme.
    pub fn display_mode(&self) -> crate::display::DisplayMode {
        crate::display::DisplayMode {
            bidi: self.layout_base.bidi,
            shape: self.layout_base.shape,
            italics: self.theme.uses_italics(),
            harakat: self.layout_base.harakat,
        }
    }

    /// Draws with another display mode from the next frame on: every pane lays its text out
    /// with the new options (the reading pane keeps earlier layouts by options, so cycling
    /// back costs nothing). Italics belong to the theme and stay as they are.
    pub fn set_display_mode(&mut self, mode: crate::display::DisplayMode) {
        self.layout_base.bidi = mode.bidi;
        self.layout_base.shape = mode.shape;
        self.layout_base.harakat = mode.harakat;
    }

    /// The open document.
    pub fn open_doc(&self) -> Option<&Document> {
        self.reader.plain.get(&self.corpus, self.reader.doc)
    }

    /// Makes the open document's plain copy when it changed (see [`Reader::plain`]); a
    /// text that does not read back is said on the status line.
    pub fn follow_open_doc(&mut self) {
        if let Err(e) = self.reader.plain.follow(&self.corpus, self.reader.doc) {
            self.status.say(e.to_string());
        }
    }

    /// The document under the list cursor.
    pub fn selected_doc(&self) -> Option<usize> {
        self.list.selected_doc()
    }

    /// Whether the entity panel shows at this terminal width.
    pub fn entities_visible(&self, width: u16) -> bool {
        self.panel.visible(width)
    }

    /// The triage state of a document.
    pub fn doc_state(&self, doc: usize) -> &crate::store::DocState {
        match self.corpus.docs.get(doc) {
            Some(d) => self.state.doc(&d.key),
            None => self
                .state
                .doc(&crate::corpus::DocKey::from_hash(String::new())),
        }
    }

    /// Mentions of the open document, read from the facts' packed bytes.
    pub fn open_mentions(&self) -> Mentions<'_> {
        self.facts.mentions(self.reader.doc)
    }
}
