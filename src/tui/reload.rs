//! Reading the corpus again (the reload key, or a fetch that brought new articles): the
//! files are read on a background thread by the load path okur opens them with, and the new
//! documents are swapped in without losing the user's place. Every place the app holds by
//! document index (the open document, the list cursor, the marks, the search's answer, the
//! mentions) is carried over by document key; triage and annotations are keyed by the
//! store, so they need nothing. New documents arrive unread.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::app::{App, Facts};
use super::effect::Effect;
use super::inbox::Waker;
use super::msg::Msg;
use super::status::counted;
use super::{filter, search};
use crate::corpus::{DocKey, LoadReport};

/// How a fetch's summary ends while the reload it asked for runs.
pub const AFTER_FETCH: &str = "; reloading…";

/// The reload key: asks for the files to be read again, unless that cannot be done now.
pub fn request(app: &mut App) -> Vec<Effect> {
    let refused = if app.loading {
        Some("still loading the documents: reload once they are in")
    } else if app.reloading {
        Some("already reloading")
    } else if app.sources.is_empty() {
        Some("nothing to reload: the bundled sample articles never change")
    } else if app.sources.iter().any(|p| p.as_os_str() == "-") {
        Some("cannot reload: standard input was read once and is gone")
    } else {
        None
    };
    if let Some(why) = refused {
        app.status.say(why);
        return Vec::new();
    }
    app.reloading = true;
    app.status.say("reloading…");
    vec![Effect::Reload]
}

/// A reload failed: the documents stay as they were.
pub fn failed(app: &mut App, why: &str) {
    app.reloading = false;
    app.status.say(format!(
        "reload failed: {why}; the documents stay as they were"
    ));
}

/// Where each document of the new corpus came from: by key, its index now.
type NewIndex = HashMap<DocKey, usize>;

/// Swaps the documents read again in. The open document stays open where it was scrolled
/// (its text is the same, so its layout is too), the list cursor stays on its document,
/// the filter, the sort and the marks stay; the search is rebuilt and asked again, and
/// extraction runs over the new documents (the mentions of the documents kept are carried
/// over until it ends).
pub fn reloaded(app: &mut App, report: LoadReport) -> Vec<Effect> {
    app.reloading = false;
    let mut corpus = report.corpus;
    crate::store::adopt_moved(&app.state, &mut corpus.docs);
    let new_index: NewIndex = corpus
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.key.clone(), i))
        .collect();
    // Old index -> new index, for every document still there.
    let moved: Vec<Option<usize>> = app
        .corpus
        .docs
        .iter()
        .map(|d| new_index.get(&d.key).copied())
        .collect();
    let at = |i: usize| moved.get(i).copied().flatten();
    let known = moved.iter().flatten().count();
    let added = corpus.len().saturating_sub(known);
    let selected = app.selected_doc().and_then(at);
    let marked: Vec<usize> = app.list.marked().iter().filter_map(|&d| at(d)).collect();
    app.facts = carried_facts(&app.facts, &moved, corpus.len());
    let open = at(app.reader.doc);
    app.corpus = std::sync::Arc::new(corpus);
    app.title_keys.clear();
    app.triage.clear();
    carry_search(app, &at);
    match open {
        // The same text: its layout, scroll, caret and selection are still right.
        Some(doc) => app.reader.doc = doc,
        None => app.reader.show(selected.unwrap_or(0), app.layout_base),
    }
    app.list.clear_marks();
    for doc in marked {
        app.list.toggle_mark(doc);
    }
    filter::refresh_list(app);
    if let Some(doc) = selected {
        app.list.select_doc(doc);
    }
    search::refresh_entity_order(app);
    super::annotate::refresh_spans(app);
    // After a fetch, what it brought stays said before what the reload did.
    let fetched = app
        .status
        .text()
        .strip_suffix(AFTER_FETCH)
        .map(str::to_string);
    let said = said(app.corpus.len(), added, &report.notices);
    app.status.say(match fetched {
        Some(fetched) => format!("{fetched}; {said}"),
        None => said,
    });
    app.notices = report.notices;
    vec![
        Effect::IndexDocuments,
        Effect::Extract,
        filter::ask_search(app),
    ]
}

/// `reloaded: 12 documents, 2 new`, and what loading noticed.
fn said(count: usize, added: usize, notices: &[String]) -> String {
    let mut line = format!("reloaded: {}", counted(count, "document"));
    if added > 0 {
        line.push_str(&format!(", {added} new"));
    }
    if let Some(summary) = super::notices::summary(notices) {
        line.push_str(&format!("; {summary}"));
    }
    line
}

/// The extraction's mentions moved to the new indices (the entities stay as they are), so
/// highlights and the entity filter hold until the new extraction replaces them.
fn carried_facts(facts: &Facts, moved: &[Option<usize>], len: usize) -> Facts {
    let mut old_of = vec![None; len];
    for (old, new) in moved.iter().enumerate() {
        if let Some(slot) = new.and_then(|new| old_of.get_mut(new)) {
            *slot = Some(old);
        }
    }
    let docs = old_of
        .into_iter()
        .map(|old| old.into_iter().flat_map(|old| facts.mentions(old)));
    Facts::new(facts.entities.clone(), docs)
}

/// The search's answer moved to the new indices (a document gone leaves it), until the
/// search asked again over the new documents answers.
fn carry_search(app: &mut App, at: &dyn Fn(usize) -> Option<usize>) {
    if let Some(outcome) = app.search.as_mut() {
        outcome.docs = outcome.docs.iter().filter_map(|&d| at(d)).collect();
        outcome.open_matches = outcome
            .open_matches
            .take()
            .and_then(|(doc, ranges)| Some((at(doc)?, ranges)));
    }
    app.search_ranges_for = app
        .search_ranges_for
        .take()
        .and_then(|(doc, raw)| Some((at(doc)?, raw)));
}

/// The entity the panel has selected and the one the list is narrowed to (`f`), by kind
/// and name: a new extraction (after a reload) numbers its rows anew, and these find their
/// rows again there (or are let go when the entity is no longer found).
#[derive(Debug, Default)]
pub struct EntityPlace {
    selected: Option<(crate::kind::Kind, String)>,
    filter: Option<(crate::kind::Kind, String)>,
}

impl EntityPlace {
    /// Where the entity selection and filter are now.
    pub fn of(app: &App) -> EntityPlace {
        let named = |row: Option<usize>| {
            let e = app.facts.entities.get(row?)?;
            Some((e.kind, e.name.clone()))
        };
        EntityPlace {
            selected: named(app.panel.selected()),
            filter: named(app.list.entity_filter()),
        }
    }

    /// Puts them on their rows of the app's (new) facts.
    pub fn restore(self, app: &mut App) {
        let row = |named: &Option<(crate::kind::Kind, String)>| {
            let (kind, name) = named.as_ref()?;
            let rows = &app.facts.entities;
            rows.iter().position(|e| e.kind == *kind && e.name == *name)
        };
        if self.selected.is_some() {
            app.panel.select(row(&self.selected));
        }
        if let Some((_, name)) = &self.filter {
            app.list
                .set_entity_filter(row(&self.filter).map(|r| (r, name.clone())));
            filter::refresh_list(app);
        }
    }
}

/// A reload running on its own thread.
#[derive(Debug)]
pub struct ReloadJob {
    rx: Receiver<Result<LoadReport, String>>,
}

impl ReloadJob {
    /// Reads `paths` again with the load path okur opens them with, waking the loop when
    /// done.
    pub fn start(paths: Vec<PathBuf>, waker: Waker) -> ReloadJob {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let report = crate::corpus::load_paths(&paths).map_err(|e| e.to_string());
            let _ = tx.send(report);
            waker.wake();
        });
        ReloadJob { rx }
    }

    /// The documents once read (or why not); `None` while the thread reads.
    pub fn poll(&self) -> Option<Msg> {
        match self.rx.try_recv() {
            Ok(Ok(report)) => Some(Msg::Reloaded(Box::new(report))),
            Ok(Err(why)) => Some(Msg::ReloadFailed(why)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Msg::ReloadFailed("the reader stopped".into())),
        }
    }
}
