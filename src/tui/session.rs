//! The runtime around the pure `update`: keys in, effects carried out against the store, the
//! app's copy of the saved state refreshed. The terminal loop and the behaviour tests both
//! drive okur through this.

use crossterm::event::{KeyCode, KeyEvent};

use super::action::Action;
use super::app::App;
use super::input::input_key;
use super::keymap::Key;
use super::search::{self, SearchWorker, run_query};
use super::triage::describe;
use super::update::{Effect, update};
use super::view::Panes;
use crate::corpus::DocKey;
use crate::extract::CorpusExtraction;
use crate::search::{Index, Query, Results};
use crate::store::{Applied, Change, Span, Store};
use std::collections::BTreeSet;
use std::sync::atomic::AtomicBool;

/// The end of the status line once a change is on disk; the status line never cuts it off.
pub const SAVED: &str = " · saved";

/// What the status line says when a change is asked for before the documents are loaded.
const LOADING: &str = "still loading the documents: nothing can be saved yet";

/// Where the filter line's queries go.
#[derive(Debug)]
enum SearchBackend {
    /// No search yet (the index is not built).
    Off,
    /// On this thread: small corpora and tests.
    Inline(Box<Index>, Option<Results>),
    /// On a worker thread: the interactive app.
    Worker(SearchWorker),
}

/// An app and the store its changes are saved to.
#[derive(Debug)]
pub struct Session {
    /// The UI state.
    pub app: App,
    store: Option<Store>,
    search: SearchBackend,
    sent_query: String,
    /// Documents whose misfit spans were already reported: said once, not on every key.
    misfits_reported: BTreeSet<DocKey>,
    /// A notice waiting for the end of the current key, so the key's own message does not
    /// overwrite it.
    notice: Option<String>,
    /// The display mode's handshake and memory (`None` in tests: nothing to retune).
    display: Option<super::display::DisplayControl>,
    /// Text the last key copied, for the loop to send to the terminal's clipboard.
    copied: Option<String>,
}

impl Session {
    /// Wraps an app; with no store, changes cannot be saved and the status line says so.
    pub fn new(mut app: App, store: Option<Store>) -> Session {
        if let Some(store) = &store {
            app.state = store.state().clone();
            if let Some(msg) = store.read_only_message() {
                app.status = msg;
            }
            if let Some(w) = store.warnings().first() {
                app.status = w.to_string();
            }
        }
        let mut session = Session {
            app,
            store,
            search: SearchBackend::Off,
            sent_query: String::new(),
            misfits_reported: BTreeSet::new(),
            notice: None,
            display: None,
            copied: None,
        };
        super::facts::apply_rejections(&mut session.app, true);
        super::filter::refresh_list(&mut session.app);
        session.refresh_spans();
        // A store warning says more than a notice; the notice then waits for the first key.
        if session.app.status.is_empty() {
            session.flush_notice();
        }
        session
    }

    /// Hands the session the display settings: the display key then retunes the terminal
    /// and remembers the choice.
    pub fn set_display(&mut self, control: super::display::DisplayControl) {
        self.display = Some(control);
    }

    /// The handshake the terminal must switch to after the last key, once.
    pub fn take_retune(&mut self) -> Option<crate::display::Handshake> {
        self.display.as_mut().and_then(|d| d.take_retune())
    }

    /// The text the last key copied, once: the loop writes it as OSC 52.
    pub fn take_copy(&mut self) -> Option<String> {
        self.copied.take()
    }

    /// Searches on this thread (tests, small corpora).
    pub fn search_inline(&mut self) {
        self.search =
            SearchBackend::Inline(Box::new(Index::build(&self.app.corpus.docs, &[])), None);
    }

    /// Searches on a worker thread, so typing never waits.
    pub fn search_in_background(&mut self) {
        self.search = SearchBackend::Worker(SearchWorker::start(self.app.corpus.docs.clone()));
    }

    /// Sends the filter line to the search when it changed.
    fn sync_query(&mut self) {
        if self.app.filter_text == self.sent_query {
            return;
        }
        self.sent_query = self.app.filter_text.clone();
        let raw = self.sent_query.clone();
        let open = self.app.reader.doc;
        match &mut self.search {
            // No index until the documents are loaded: their search is still to come.
            SearchBackend::Off => {
                self.app.search_pending = self.app.loading && !Query::parse(&raw).is_empty();
            }
            SearchBackend::Worker(w) => {
                w.query(&raw, open);
                self.app.search_pending = true;
            }
            SearchBackend::Inline(index, prev) => {
                let stop = AtomicBool::new(false);
                if let Some((results, mut outcome)) = run_query(index, &raw, prev.as_ref(), &stop) {
                    *prev = Some(results);
                    search::add_open_matches(&mut outcome, &self.app.corpus.docs, open);
                    search::apply(&mut self.app, outcome);
                }
            }
        }
    }

    /// Takes a finished background search, if any.
    pub fn poll_search(&mut self) {
        if let SearchBackend::Worker(w) = &self.search
            && let Some(outcome) = w.poll()
        {
            search::apply(&mut self.app, outcome);
            self.app.search_pending = false;
        }
    }

    /// Handles one key: the open prompt or question takes it, else the keymap.
    pub fn key(&mut self, key: KeyEvent, panes: &Panes) {
        if self.app.confirm.is_some() {
            let before = self.app.status.clone();
            let yes = matches!(key.code, KeyCode::Char('y' | 'Y'));
            let effects = super::update::answer(&mut self.app, yes);
            self.run(effects, &before);
            self.flush_notice();
            return;
        }
        if self.app.input.is_some() {
            let before = self.app.status.clone();
            let effects = input_key(&mut self.app, &key);
            self.run(effects, &before);
            self.sync_query();
            self.flush_notice();
            return;
        }
        let k = Key::from_event(&key);
        match self.app.keymap.action(k) {
            Some(action) => self.dispatch(action, panes),
            None if key.code != KeyCode::Null => {
                let help = self.app.keymap.key_for(Action::Help).unwrap_or_default();
                self.app.status = format!("{} is not bound ({help} shows the keys)", k.label());
            }
            None => {}
        }
    }

    /// Applies an action and carries out its effects.
    pub fn dispatch(&mut self, action: Action, panes: &Panes) {
        let doc = self.app.reader.doc;
        let before = self.app.status.clone();
        let effects = update(&mut self.app, action, panes);
        self.run(effects, &before);
        self.sync_query();
        if doc != self.app.reader.doc {
            self.refresh_spans();
        }
        self.flush_notice();
    }

    fn flush_notice(&mut self) {
        if let Some(notice) = self.notice.take() {
            self.app.status = notice;
        }
    }

    /// Carries out effects in order, stopping at the first that fails (its message goes on
    /// the status line). `before` is the status line before the action, to tell whether the
    /// action wrote its own message.
    fn run(&mut self, effects: Vec<Effect>, before: &str) {
        let mut changed = false;
        let mut done = None;
        for effect in effects {
            match self.carry_out(effect) {
                Ok(None) => {}
                Ok(Some(what)) => {
                    changed = true;
                    done = what.or(done);
                }
                Err(msg) => {
                    self.app.status = msg;
                    return;
                }
            }
        }
        if changed {
            self.after_change(before, done);
        }
    }

    /// One effect against the store: `Ok(None)` when nothing changed, else what changed,
    /// described for the status line (`None` inside for the implicit read mark, which the
    /// user did not ask for and is not told about).
    fn carry_out(&mut self, effect: Effect) -> Result<Option<Option<String>>, String> {
        let store = match (&effect, self.store.as_mut()) {
            (Effect::Quit, _) => return Ok(None),
            (Effect::Copy(text), _) => {
                self.copied = Some(text.clone());
                return Ok(None);
            }
            (Effect::Display(mode), _) => {
                if let Some(display) = self.display.as_mut() {
                    let said = display.change(*mode);
                    self.app.status.push_str(&said);
                }
                return Ok(None);
            }
            _ if self.app.loading => return Err(LOADING.to_string()),
            (_, None) => return Err("not saved: no store (see --store)".to_string()),
            (_, Some(store)) => store,
        };
        match effect {
            Effect::Quit | Effect::Display(_) | Effect::Copy(_) => Ok(None),
            Effect::Save(change) => {
                let what = (!matches!(change, Change::Seen { .. })).then(|| describe(&change));
                match store.apply(change) {
                    Ok(Applied::Saved) => Ok(Some(what)),
                    Ok(Applied::Unchanged) => Ok(None),
                    Err(e) => Err(format!("NOT saved: {e}")),
                }
            }
            Effect::Undo => store
                .undo()
                .map(|c| c.map(|c| Some(format!("undo: {}", describe(&c)))))
                .map_err(|e| format!("NOT undone: {e}")),
            Effect::Redo => store
                .redo()
                .map(|c| c.map(|c| Some(format!("redo: {}", describe(&c)))))
                .map_err(|e| format!("NOT redone: {e}")),
        }
    }

    /// Refreshes the app's copy of the state; the status line says what was saved: the
    /// action's own message if it wrote one, else what the change did.
    fn after_change(&mut self, before: &str, done: Option<String>) {
        if let Some(store) = &self.store {
            self.app.state = store.state().clone();
        }
        super::facts::apply_rejections(&mut self.app, false);
        if let Some(done) = done {
            let own = self.app.status != before && !self.app.status.is_empty();
            let what = if own { self.app.status.clone() } else { done };
            self.app.status = format!("{what}{SAVED}");
        }
        super::filter::refresh_list(&mut self.app);
        self.refresh_spans();
    }

    /// Recomputes the spans shown in the open document from suggestions and decisions.
    pub fn refresh_spans(&mut self) {
        let app = &mut self.app;
        let suggestions = super::annotate::suggestions(app);
        let Some(doc) = app.corpus.docs.get(app.reader.doc) else {
            return;
        };
        let stored = app.state.doc(&doc.key);
        app.spans = super::ranges::SpanSet::new(crate::store::effective_spans(
            &doc.text,
            stored,
            &suggestions,
            &app.state,
        ));
        let misfits = crate::store::misfits(&doc.text, stored);
        if let Some(first) = misfits.first()
            && self.misfits_reported.insert(doc.key.clone())
        {
            self.notice = Some(misfit_notice(&doc.path, misfits.len(), first));
        }
    }

    /// Takes extraction results into the panels, the suggestions and the search index.
    pub fn set_extraction(&mut self, extraction: &CorpusExtraction) {
        self.app.facts = super::app::Facts::from_extraction(extraction);
        super::facts::apply_rejections(&mut self.app, true);
        self.app.marks = Default::default();
        let texts: Vec<&str> = self
            .app
            .corpus
            .docs
            .iter()
            .map(|d| d.text.as_str())
            .collect();
        let items = extraction.entity_items(&texts);
        match &mut self.search {
            SearchBackend::Off => {}
            SearchBackend::Worker(w) => w.set_entities(items),
            SearchBackend::Inline(index, prev) => {
                **index = Index::build(&self.app.corpus.docs, &items);
                *prev = None;
            }
        }
        search::refresh_entity_order(&mut self.app);
        // The index changed: ask again for what the filter line says.
        self.sent_query.clear();
        self.sync_query();
        self.refresh_spans();
    }

    /// Swaps the full documents in for the title-only stand-ins, keeping the open and the
    /// selected document (by path), and starts the search over them.
    pub fn replace_corpus(&mut self, report: crate::corpus::LoadReport) {
        let app = &mut self.app;
        let path_of = |app: &App, doc: Option<usize>| {
            doc.and_then(|d| app.corpus.docs.get(d))
                .map(|d| d.path.clone())
        };
        let open = path_of(app, Some(app.reader.doc));
        let selected = path_of(app, app.selected_doc());
        app.corpus = report.corpus;
        app.loading = false;
        app.facts = super::app::Facts::default();
        app.marks = Default::default();
        app.entity_order.clear();
        app.selected_entity = None;
        app.entity_filter = None;
        app.search = None;
        app.search_ranges.clear();
        app.search_ranges_for = None;
        let find = |app: &App, path: Option<String>| {
            path.and_then(|p| app.corpus.docs.iter().position(|d| d.path == p))
        };
        app.reader.doc = find(app, open).unwrap_or(0);
        app.reader.layout = crate::layout::DocLayout::new(app.layout_base);
        app.reader.cursor = Default::default();
        app.reader.caret = 0;
        app.reader.anchor = None;
        let count = app.corpus.len();
        app.status = super::notices::loaded(count, &report.notices);
        app.notices = report.notices;
        super::filter::refresh_list(app);
        if let Some(doc) = find(app, selected) {
            app.list.selected = app.order.iter().position(|&d| d == doc).unwrap_or(0);
        }
        self.sent_query.clear();
        match self.search {
            SearchBackend::Inline(..) => self.search_inline(),
            _ => self.search_in_background(),
        }
        self.sync_query();
        self.refresh_spans();
    }
}

/// What the status line says about stored spans that do not fit their document.
fn misfit_notice(path: &str, count: usize, first: &Span) -> String {
    let (what, it) = match count {
        1 => ("1 stored span does not fit the text".to_string(), "it"),
        n => (format!("{n} stored spans do not fit the text"), "them"),
    };
    format!(
        "{path}: {what} (first {}..{}), hidden; the journal is damaged and okur export refuses {it}",
        first.start, first.end
    )
}
