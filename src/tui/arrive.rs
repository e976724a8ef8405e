//! What comes back from work done outside `update`: a search answer, extraction progress
//! and results, the full corpus, a change saved or refused. Each arrives as a message and
//! is taken into the app here; what it starts (indexing, extracting, asking the search
//! again) goes out as effects.

use super::app::{App, Facts};
use super::effect::Effect;
use super::loading::{TitleBatch, documents_status, placeholder_corpus, titles_status};
use super::msg::Msg;
use super::{facts, filter, search};
use crate::corpus::LoadReport;
use crate::extract::MentionTable;

/// Takes one result into the app (messages from the user are not results: they do nothing
/// here).
pub fn arrive(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        // The count alone, before any row of the answer: the list keeps the rows it has
        // (the last answer's) and titles them with the new count.
        Msg::SearchAnswered(outcome) if outcome.count_only => {
            if app.list.search_pending() {
                take_answer_count(app, outcome.answer_docs);
            }
        }
        Msg::SearchAnswered(mut outcome) => {
            let answer_docs = outcome.answer_docs.take();
            let words = |o: Option<&search::SearchOutcome>| {
                o.and_then(|o| o.query.as_ref()).map(|q| q.raw.clone())
            };
            let new_words = words(Some(&outcome)) != words(app.search.as_ref());
            // A first screenful leaves the count to the whole answer.
            let partial = outcome.partial;
            search::apply(app, outcome);
            app.list.set_search_pending(partial);
            if partial {
                take_answer_count(app, answer_docs);
            }
            // New words rank the list anew: the cursor goes to the best match, as in fzf,
            // so that Enter opens what the filter found first.
            if new_words && app.search.is_some() {
                app.list.to_top();
            }
        }
        Msg::ExtractionProgress(done, total) => app.panel.set_progress(Some((done, total))),
        Msg::ExtractionDone(extraction) => return extracted(app, *extraction),
        Msg::ExtractionFailed(why) => {
            app.status.say(format!(
                "extraction failed ({why}): no people, places or dates"
            ));
            app.panel.set_failed(Some(why));
            app.panel.set_progress(None);
        }
        Msg::TitlesArrived(batch) => titles_arrived(app, &batch),
        Msg::CorpusLoaded(report) => return loaded(app, *report),
        // The stand-ins stay, read-only: the user sees why.
        Msg::LoadFailed(why) => app
            .status
            .say(format!("loading failed: {why}; nothing will be saved")),
        Msg::Saved(state, done) => {
            app.state = state;
            facts::apply_rejections(app, false);
            if let Some(done) = done {
                app.status.saved(done);
            }
            filter::refresh_list(app);
            super::annotate::refresh_spans(app);
        }
        Msg::NotSaved(why) => app.status.say(why),
        Msg::TeamArrived(shown) => super::team::arrived(app, *shown),
        Msg::UndoneAt(key) => {
            let doc = app.corpus.docs.iter().position(|d| d.key == key);
            if let (Some(doc), super::app::Focus::List) = (doc, app.focus) {
                app.list.select_doc(doc);
            }
        }
        Msg::DisplayChanged(said) => app.status.append(&said),
        Msg::Fetch(event) => return super::fetching::arrive(app, event),
        Msg::Reloaded(report) => return super::reload::reloaded(app, *report),
        Msg::ReloadFailed(why) => super::reload::failed(app, &why),
        Msg::Key(_) | Msg::Action(_) | Msg::Paste(_) | Msg::Mouse(_) | Msg::Resize => {}
    }
    Vec::new()
}

/// Takes extraction results into the panels and the suggestions; the search is handed the
/// entities and asked again for what the filter line says.
fn extracted(app: &mut App, extraction: MentionTable) -> Vec<Effect> {
    // Extraction's threads freed their working memory, which glibc keeps in their arenas:
    // handed back before the panels and the shown spans are made here, in another arena,
    // or the two are held at once (the reader's peak on a huge document).
    crate::memory::release_freed_memory();
    // After a reload the entity rows are numbered anew: the selection and `f` follow.
    let place = super::reload::EntityPlace::of(app);
    // The old facts go before the new are made (both at once held the panels' mentions
    // twice); the table is freed as the new facts and the search's items are made, before
    // the trim below (the items made first, from the whole table, were held beside it).
    app.facts = Facts::default();
    let corpus = std::sync::Arc::clone(&app.corpus);
    // Each text read (decompressed) once, as its mentions are taken.
    let (facts, items) = Facts::with_items_from_table(extraction, corpus.docs.as_slice());
    app.facts = facts;
    place.restore(app);
    app.panel.set_failed(None);
    app.panel.set_progress(None);
    facts::apply_rejections(app, true);
    app.marks = Default::default();
    search::refresh_entity_order(app);
    super::annotate::refresh_spans(app);
    crate::memory::release_freed_memory();
    vec![Effect::IndexEntities(items), filter::ask_search(app)]
}

/// Keeps which documents the awaited answer lists (`None`: not counted) and titles the
/// list with their count under its own filters.
fn take_answer_count(app: &mut App, answer_docs: Option<Vec<bool>>) {
    app.list.set_answer_docs(answer_docs);
    let whole = filter::whole_count(app);
    app.list.set_whole_count(whole);
}

/// Adds stand-ins for titles read in the background: the list is sorted and filtered again
/// with them, the cursor staying on its document. After the full documents, they are late.
fn titles_arrived(app: &mut App, batch: &TitleBatch) {
    if !app.loading {
        return;
    }
    let more = placeholder_corpus(&batch.titles).docs;
    std::sync::Arc::make_mut(&mut app.corpus).docs.extend(more);
    // Only the loading count is replaced: what a key just said, or a failed load, stays.
    let said = app.status.text();
    if said.is_empty() || (said.starts_with("loading ") && said.ends_with('…')) {
        app.status.say(match batch.is_last() {
            true => documents_status(app.corpus.len()),
            false => titles_status(batch.read, batch.total),
        });
    }
    filter::refresh_list(app);
}

/// Swaps the full documents in for the title-only stand-ins, keeping the open and the
/// selected document (by path); the search index and extraction start over them.
fn loaded(app: &mut App, report: LoadReport) -> Vec<Effect> {
    let path_of = |app: &App, doc: Option<usize>| {
        doc.and_then(|d| app.corpus.docs.get(d))
            .map(|d| d.path.clone())
    };
    let open = path_of(app, Some(app.reader.doc));
    let selected = path_of(app, app.selected_doc());
    let mut corpus = report.corpus;
    crate::store::adopt_moved(&app.state, &mut corpus.docs);
    app.corpus = std::sync::Arc::new(corpus);
    app.title_keys.clear();
    app.triage.clear();
    app.loading = false;
    app.facts = Facts::default();
    app.marks = Default::default();
    app.list.clear_marks();
    app.panel.set_order(Vec::new());
    app.panel.select(None);
    app.list.set_entity_filter(None);
    app.search = None;
    app.search_ranges.clear();
    app.search_ranges_for = None;
    let find = |app: &App, path: Option<String>| {
        path.and_then(|p| app.corpus.docs.iter().position(|d| d.path == p))
    };
    let doc = find(app, open).unwrap_or(0);
    app.reader.show(doc, app.layout_base);
    app.follow_open_doc();
    let count = app.corpus.len();
    app.status
        .say(super::notices::loaded(count, &report.notices));
    app.notices = report.notices;
    filter::refresh_list(app);
    if let Some(doc) = find(app, selected) {
        app.list.select_doc(doc);
    }
    super::annotate::refresh_spans(app);
    vec![
        Effect::IndexDocuments,
        Effect::Extract,
        filter::ask_search(app),
    ]
}
