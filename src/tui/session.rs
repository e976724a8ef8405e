//! The runtime around the pure `update`: keys in, effects carried out against the store, the
//! app's copy of the saved state refreshed. The terminal loop and the behaviour tests both
//! drive okur through this.

use crossterm::event::{KeyCode, KeyEvent};

use super::action::Action;
use super::annotate::label_of;
use super::app::App;
use super::input::input_key;
use super::keymap::Key;
use super::search::{self, SearchWorker, run_query};
use super::update::{Effect, update};
use super::view::Panes;
use crate::extract::CorpusExtraction;
use crate::search::{Index, Results};
use crate::store::{Applied, Store, Suggestion};
use std::sync::atomic::AtomicBool;

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
        };
        super::filter::refresh_list(&mut session.app);
        session.refresh_spans();
        session
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
        match &mut self.search {
            SearchBackend::Off => {}
            SearchBackend::Worker(w) => w.query(&raw),
            SearchBackend::Inline(index, prev) => {
                let stop = AtomicBool::new(false);
                if let Some((results, outcome)) = run_query(index, &raw, prev.as_ref(), &stop) {
                    *prev = Some(results);
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
        }
    }

    /// Handles one key: the open prompt takes it, else the keymap.
    pub fn key(&mut self, key: KeyEvent, panes: &Panes) {
        if self.app.input.is_some() {
            let effects = input_key(&mut self.app, key.code);
            self.run(effects);
            self.sync_query();
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
        let effects = update(&mut self.app, action, panes);
        self.run(effects);
        self.sync_query();
        if doc != self.app.reader.doc {
            self.refresh_spans();
        }
    }

    fn run(&mut self, effects: Vec<Effect>) {
        let mut changed = false;
        for effect in effects {
            let result = match (effect, self.store.as_mut()) {
                (Effect::Quit, _) => continue,
                _ if self.app.loading => Err(LOADING.to_string()),
                (_, None) => Err("not saved: no store (see --store)".to_string()),
                (Effect::Save(change), Some(store)) => store
                    .apply(change)
                    .map(|a| a == Applied::Saved)
                    .map_err(|e| format!("NOT saved: {e}")),
                (Effect::Undo, Some(store)) => store
                    .undo()
                    .map(|c| c.is_some())
                    .map_err(|e| format!("NOT undone: {e}")),
                (Effect::Redo, Some(store)) => store
                    .redo()
                    .map(|c| c.is_some())
                    .map_err(|e| format!("NOT redone: {e}")),
            };
            match result {
                Ok(did) => changed |= did,
                Err(msg) => {
                    self.app.status = msg;
                    return;
                }
            }
        }
        if changed {
            self.after_change();
        }
    }

    fn after_change(&mut self) {
        if let Some(store) = &self.store {
            self.app.state = store.state().clone();
        }
        if !self.app.status.ends_with("· saved") {
            self.app.status = format!("{} · saved", self.app.status)
                .trim_start_matches(" · ")
                .to_string();
        }
        super::filter::refresh_list(&mut self.app);
        self.refresh_spans();
    }

    /// Recomputes the spans shown in the open document from suggestions and decisions.
    pub fn refresh_spans(&mut self) {
        let app = &mut self.app;
        let Some(doc) = app.corpus.docs.get(app.reader.doc) else {
            return;
        };
        let suggestions: Vec<Suggestion> = app
            .open_mentions()
            .iter()
            .filter_map(|m| {
                let kind = label_of(app.facts.entities.get(m.entity)?.kind);
                let text = doc.text.get(m.start..m.end)?.to_string();
                Some(Suggestion {
                    start: m.start,
                    end: m.end,
                    kind,
                    text,
                })
            })
            .collect();
        app.spans = crate::store::effective_spans(
            &doc.text,
            app.state.doc(&doc.key),
            &suggestions,
            &app.state,
        );
    }

    /// Takes extraction results into the panels, the suggestions and the search index.
    pub fn set_extraction(&mut self, extraction: &CorpusExtraction) {
        self.app.facts = super::app::Facts::from_extraction(extraction);
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
