//! The runtime around the pure `update`: a message in, `update` applied, its effects carried
//! out (the journal written, the search asked, background work started) and what they
//! produce fed back as messages. The terminal loop and the behaviour tests both drive okur
//! through this.

use std::collections::VecDeque;

use super::app::App;
use super::effect::Effect;
use super::facts::ExtractionJob;
use super::jobs::Jobs;
use super::key::Key;
use super::loading::CorpusLoader;
use super::msg::Msg;
use super::triage::describe;
use super::update::update;
use super::view::Panes;
use crate::store::{Applied, Change, Store};

pub use super::status::SAVED;

/// What the status line says when a change is asked for before the documents are loaded.
const LOADING: &str = "still loading the documents: nothing can be saved yet";

/// What a store effect did: nothing, or a change (described for the status line, `None`
/// for the implicit read mark, which the user did not ask for and is not told about).
type Stored = Result<Option<Option<String>>, String>;

/// An app, the store its changes are saved to, and the work running for it.
#[derive(Debug)]
pub struct Session {
    /// The UI state.
    pub app: App,
    store: Option<Store>,
    jobs: Jobs,
    /// The display mode's handshake and memory (`None` in tests: nothing to retune).
    display: Option<super::display::DisplayControl>,
    /// Effects only the terminal loop can carry out (copy, suspend, redraw), in order.
    for_terminal: Vec<Effect>,
    quit: bool,
    /// The feeds fetch and the reload, while they run.
    feed_work: super::feed_work::FeedWork,
    /// Where the reader was when it last quit on this corpus: gone back to once the
    /// documents are in and the panes are known.
    place: Option<super::place::Place>,
}

impl Session {
    /// Wraps an app; with no store, changes cannot be saved and the status line says so.
    pub fn new(mut app: App, store: Option<Store>) -> Session {
        if let Some(store) = &store {
            app.state = store.shared_state();
            let said: Vec<String> = [store.read_only_message(), store.warnings_summary()]
                .into_iter()
                .flatten()
                .collect();
            if !said.is_empty() {
                app.status.say(said.join(" · "));
            }
        }
        super::facts::apply_rejections(&mut app, true);
        super::filter::refresh_list(&mut app);
        super::annotate::refresh_spans(&mut app);
        // A store warning says more than a notice; the notice then waits for the first key.
        if app.status.is_empty() {
            app.status.end_input();
        }
        let place = store
            .as_ref()
            .and_then(|s| super::place::load(s.path(), &app.sources));
        Session {
            app,
            store,
            jobs: Jobs::default(),
            display: None,
            for_terminal: Vec::new(),
            quit: false,
            feed_work: Default::default(),
            place,
        }
    }

    /// Hands the session the display settings: the display key then retunes the terminal
    /// and remembers the choice.
    pub fn set_display(&mut self, control: super::display::DisplayControl) {
        self.display = Some(control);
    }

    /// Background work (search answers, extraction) wakes the loop through `waker`.
    pub fn set_waker(&mut self, waker: super::inbox::Waker) {
        self.feed_work.set_waker(waker.clone());
        self.jobs.set_waker(waker);
    }

    /// Searches on this thread (tests, small corpora).
    pub fn search_inline(&mut self) {
        self.jobs.search_inline(&self.app.corpus);
    }

    /// Searches on a worker thread, so typing never waits.
    pub fn search_in_background(&mut self) {
        self.jobs.search_in_background(&self.app.corpus);
    }

    /// The interactive reader's set-up: search on a worker and extraction on its own
    /// thread, or first the full load of a large corpus.
    pub fn run_in_background(&mut self, loader: Option<CorpusLoader>) {
        self.app.loading = loader.is_some();
        self.jobs.run_in_background(&self.app.corpus, loader);
    }

    /// Watches an extraction job (tests start their own).
    pub fn watch_extraction(&mut self, job: ExtractionJob) {
        self.jobs.watch_extraction(job);
    }

    /// True once the user asked to quit.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The handshake the terminal must switch to after the last input, once.
    pub fn take_retune(&mut self) -> Option<crate::display::Handshake> {
        self.display.as_mut().and_then(|d| d.take_retune())
    }

    /// What the terminal loop must do after the last input (copy, suspend, redraw, a
    /// resize's handshake), once, in order.
    pub fn take_terminal_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.for_terminal)
    }

    /// The text the last input copied, once (the terminal effects are kept otherwise).
    pub fn take_copy(&mut self) -> Option<String> {
        let at = self
            .for_terminal
            .iter()
            .rposition(|e| matches!(e, Effect::Copy(_)))?;
        match self.for_terminal.remove(at) {
            Effect::Copy(text) => Some(text),
            _ => None,
        }
    }

    /// Handles one key.
    pub fn key(&mut self, key: Key, panes: &Panes) {
        self.handle(Msg::Key(key), panes);
    }

    /// Applies a named action, as its key would.
    pub fn dispatch(&mut self, action: super::action::Action, panes: &Panes) {
        self.handle(Msg::Action(action), panes);
    }

    /// Remembers where the reader is, beside the journal, for the next launch on this
    /// corpus (nothing without a store, or before the documents are in).
    pub fn remember_place(&self) -> std::io::Result<()> {
        match (&self.store, super::place::of(&self.app)) {
            (Some(store), Some(place)) => {
                super::place::save(store.path(), &self.app.sources, place)
            }
            _ => Ok(()),
        }
    }

    /// Takes what background work finished since the last call.
    pub fn poll(&mut self, panes: &Panes) {
        super::place::go_back(&mut self.app, panes, &mut self.place);
        for msg in self.jobs.poll() {
            self.handle(msg, panes);
        }
        for msg in self.feed_work.poll() {
            self.handle(msg, panes);
        }
        if let Some(msg) = super::team::poll(&self.app) {
            self.handle(msg, panes);
        }
    }

    /// Starts the full load on the first call, then takes its result once ready.
    pub fn poll_loader(&mut self, panes: &Panes) {
        if let Some(msg) = self.jobs.poll_loader() {
            self.handle(msg, panes);
        }
    }

    /// Applies a message and carries out its effects; what they produce is applied in
    /// turn, before the next input.
    pub fn handle(&mut self, msg: Msg, panes: &Panes) {
        self.app.status.begin_input();
        let mut queue = VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            let effects = update(&mut self.app, msg, panes);
            self.carry_out(effects, &mut queue);
        }
        self.app.status.end_input();
    }

    /// Carries out effects in order. The store's stop at the first that fails (its
    /// message comes back); what was saved before it comes back as one `Saved`.
    fn carry_out(&mut self, effects: Vec<Effect>, queue: &mut VecDeque<Msg>) {
        let mut saved: Option<Option<String>> = None;
        // The document an undo or redo changed: the list cursor goes back to it.
        let mut back_at = None;
        for effect in effects {
            let stored = match effect {
                Effect::Quit => {
                    self.quit = true;
                    continue;
                }
                Effect::Copy(_) | Effect::Suspend | Effect::Redraw | Effect::Resized => {
                    self.for_terminal.push(effect);
                    continue;
                }
                Effect::Display(mode) => {
                    if let Some(display) = self.display.as_mut() {
                        queue.push_back(Msg::DisplayChanged(display.change(mode)));
                    }
                    continue;
                }
                Effect::Search(raw) => {
                    let (open, loading) = (self.app.reader.doc, self.app.loading);
                    queue.extend(self.jobs.search(&raw, open, &self.app.corpus, loading));
                    continue;
                }
                Effect::IndexDocuments => {
                    self.jobs.index_documents(&self.app.corpus);
                    continue;
                }
                Effect::IndexEntities(items) => {
                    self.jobs.index_entities(items);
                    continue;
                }
                Effect::Extract => {
                    self.jobs.extract(&self.app.corpus);
                    continue;
                }
                Effect::FetchFeeds => {
                    queue.extend(self.feed_work.fetch(&self.app.sources));
                    continue;
                }
                Effect::Reload => {
                    self.feed_work.reload(&self.app.sources);
                    continue;
                }
                Effect::Undo | Effect::Redo => {
                    let undo = effect == Effect::Undo;
                    let doc = self.store.as_ref().and_then(|s| match undo {
                        true => s.next_undo(),
                        false => s.next_redo(),
                    });
                    back_at = doc.and_then(Change::doc).cloned();
                    self.store_effect(effect)
                }
                Effect::Save(_) | Effect::SaveAll(_) => self.store_effect(effect),
            };
            match stored {
                Ok(None) => {}
                Ok(Some(what)) => saved = Some(what.or(saved.flatten())),
                Err(why) => {
                    self.send_saved(saved.take(), queue);
                    queue.push_back(Msg::NotSaved(why));
                    return;
                }
            }
        }
        let done = saved.is_some();
        self.send_saved(saved, queue);
        if let Some(doc) = back_at.filter(|_| done) {
            queue.push_back(Msg::UndoneAt(doc));
        }
    }

    /// Sends the saved state back, when something was saved: the store's, shared.
    fn send_saved(&self, saved: Option<Option<String>>, queue: &mut VecDeque<Msg>) {
        if let (Some(done), Some(store)) = (saved, &self.store) {
            queue.push_back(Msg::Saved(store.shared_state(), done));
        }
    }

    /// One effect against the store. The app's handle on the store's state is given back
    /// while the store changes it, so the state is changed in place rather than copied
    /// (nothing reads the app between here and the message that hands it back), and taken
    /// again at once, whatever the change came to.
    fn store_effect(&mut self, effect: Effect) -> Stored {
        if self.app.loading {
            return Err(LOADING.to_string());
        }
        let Some(store) = self.store.as_mut() else {
            let why = self.app.no_store.as_deref();
            return Err(format!(
                "NOT saved: {}",
                why.unwrap_or("no store (see --store)")
            ));
        };
        // Another okur held the journal at start-up: once it has quit, this one writes.
        if let Err(e) = store.try_write() {
            return Err(format!("NOT saved: {e}"));
        }
        self.app.state = Default::default();
        let stored = store_change(store, effect);
        self.app.state = store.shared_state();
        stored
    }
}

/// One effect against the store, the app's handle on its state given back.
fn store_change(store: &mut Store, effect: Effect) -> Stored {
    match effect {
        Effect::Save(change) => {
            let what = (!matches!(change, Change::Seen { .. })).then(|| describe(&change));
            saved(store.apply(change), what)
        }
        // One journal line: all on disk or none, and one undo step.
        Effect::SaveAll(changes) => {
            let change = match <[Change; 1]>::try_from(changes) {
                Ok([one]) => one,
                Err(changes) => Change::Batch { changes },
            };
            let what = Some(describe(&change));
            saved(store.apply(change), what)
        }
        Effect::Undo => history_step(store, true),
        Effect::Redo => history_step(store, false),
        _ => Ok(None),
    }
}

/// Undoes (or redoes) one step. Said as what was done before and is now undone
/// (`undone: starred`), not as the inverse that undid it; with nothing to undo, that is
/// said instead of leaving the last message up.
fn history_step(store: &mut Store, undo: bool) -> Stored {
    let (next, verb, none, failed) = match undo {
        true => (store.next_undo(), "undone", "nothing to undo", "NOT undone"),
        false => (store.next_redo(), "redone", "nothing to redo", "NOT redone"),
    };
    let what = next.map(describe).unwrap_or_default();
    let result = if undo { store.undo() } else { store.redo() };
    match result {
        Ok(Some(_)) => Ok(Some(Some(format!("{verb}: {what}")))),
        Ok(None) => Err(none.to_string()),
        Err(e) => Err(format!("{failed}: {e}")),
    }
}

/// What applying a change to the store came to.
fn saved(result: Result<Applied, crate::store::StoreError>, what: Option<String>) -> Stored {
    match result {
        Ok(Applied::Saved) => Ok(Some(what)),
        Ok(Applied::Unchanged) => Ok(None),
        Err(e) => Err(format!("NOT saved: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::corpus::{Corpus, Document};
    use crate::layout::LayoutOptions;
    use crate::tui::action::Action;
    use crate::tui::app::Facts;
    use crate::tui::theme::Theme;

    #[test]
    fn a_save_shares_the_stores_state_instead_of_copying_it()
    -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(&dir.path().join("j.jsonl"))?;
        let docs = ["Bir\n\nmetin.", "İki\n\nmetin."]
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("{i}.txt"), (*t).to_string()))
            .collect();
        let app = App::new(
            Corpus { docs },
            Facts::default(),
            Theme::monochrome(),
            LayoutOptions::new(80),
        );
        let mut session = Session::new(app, Some(store));
        let panes =
            crate::tui::view::panes(ratatui::layout::Rect::new(0, 0, 100, 30), &session.app);
        // Star, then star again (off): each time the app sees the store's own state.
        for starred in [true, false] {
            session.dispatch(Action::Star, &panes);
            let Some(store) = &session.store else {
                return Err("the store is gone".into());
            };
            assert!(Arc::ptr_eq(&session.app.state, &store.shared_state()));
            // The app and the store: no third holder that would make the next change copy.
            assert_eq!(Arc::strong_count(&session.app.state), 2);
            let doc = session.app.selected_doc().unwrap_or_default();
            assert_eq!(session.app.doc_state(doc).star, starred);
        }
        Ok(())
    }
}
