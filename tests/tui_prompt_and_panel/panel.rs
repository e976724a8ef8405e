//! The entity panel (issue 12, bugs 9 and 11): rejected names leave it and its counts, `x`
//! in it rejects the entity; while loading and extracting it says so, a filter typed then
//! says "searching…" until answered, and a dead extraction says so.

use super::*;

/// The surface forms of an entity's mentions, across the corpus.
fn forms(app: &App, entity: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (doc, mentions) in app.corpus.docs.iter().zip(app.facts.each_doc()) {
        for m in mentions.filter(|m| m.entity() == entity) {
            let text = doc
                .text_in(m.start()..m.end())
                .expect("a mention")
                .into_owned();
            if !out.contains(&text) {
                out.push(text);
            }
        }
    }
    out
}

/// Bug 9: `x` with the entity panel focused rejects the entity under its cursor (every
/// surface form, as `x` on each in the reading pane would), says so, and the entity leaves
/// the panel.
#[test]
fn x_in_the_panel_rejects_the_entity_and_it_leaves_the_panel() {
    let mut case = seeds();
    case.keys("Tab Tab j");
    assert_eq!(case.app().focus, Focus::Entities);
    let entity = case.app().panel.order()[1];
    let name = case.app().facts.entities[entity].name.clone();
    let forms = forms(case.app(), entity);
    case.keys("x");
    let app = case.app();
    assert!(
        app.status.text().contains(&format!("rejected {name}")),
        "{}",
        app.status
    );
    assert!(app.status.is_saved(), "{}", app.status);
    assert!(
        !app.panel.order().contains(&entity),
        "{name} left the panel"
    );
    for form in &forms {
        let label = Label::from(app.facts.entities[entity].kind);
        assert_eq!(
            app.state.decision(&label, form),
            Some(Decision::Rejected),
            "{form}"
        );
    }
    let rows = case.screen();
    let panel: Vec<String> = rows.iter().map(|r| r.chars().skip(90).collect()).collect();
    assert!(!panel.iter().any(|r| r.contains(&name)), "{panel:#?}");
    assert_eq!(
        case.app().panel.cursor().selected,
        1,
        "the cursor stays on its row"
    );
}

/// Bug 9: a name rejected with `x` in the reading pane no longer counts: its mentions leave
/// the entity's counts, and an entity with none left leaves the panel.
#[test]
fn a_name_rejected_in_the_reader_leaves_the_panels_counts() {
    let mut case = seeds();
    case.keys("Enter");
    let app = case.app();
    let first = app
        .open_mentions()
        .next()
        .expect("a mention in the open document");
    let entity = first.entity();
    let before = app.facts.entities[entity].mentions;
    let text = app.corpus.docs[app.reader.doc].text().expect("reads");
    let form = text[first.start()..first.end()].to_string();
    let same_form = app
        .corpus
        .docs
        .iter()
        .zip(app.facts.each_doc())
        .flat_map(|(d, ms)| ms.map(move |m| (d, m)))
        .filter(|(d, m)| {
            m.entity() == entity && d.text_in(m.start()..m.end()).as_deref() == Some(form.as_str())
        })
        .count();
    let panes = case.prepare();
    okur::tui::caret::set_caret(case.app_mut(), &panes, first.start());
    case.keys("x");
    let app = case.app();
    assert!(
        app.status.text().contains(&format!("rejected {form}")),
        "{}",
        app.status
    );
    let after = app.facts.entities[entity].mentions;
    assert_eq!(
        after,
        before - same_form,
        "{form}: {before} mentions before"
    );
    assert_eq!(app.panel.order().contains(&entity), after > 0);
    case.keys("u");
    assert_eq!(
        case.app().facts.entities[entity].mentions,
        before,
        "undo counts it again"
    );
}

/// The entity panel's column of the screen (the last quarter at 120 columns).
fn panel(h: &mut Harness) -> String {
    let rows = h.screen();
    let cut: Vec<String> = rows.iter().map(|r| r.chars().skip(90).collect()).collect();
    cut.join("\n")
}

/// Bug 11: while the documents load, and while extraction runs, the panel says so rather
/// than "no people, places or dates found".
#[test]
fn the_panel_says_loading_then_extracting() {
    let dir = tempfile::tempdir().expect("temp dir");
    common::tui::write_folder(dir.path(), 6);
    let mut h = Harness::loading_folder(dir.path()).start();
    let shown = panel(&mut h);
    assert!(shown.contains("loading…"), "{shown}");
    assert!(!shown.contains("no people"), "{shown}");
    h.send(okur::tui::Msg::CorpusLoaded(Box::new(
        okur::corpus::load_paths(&[dir.path().to_path_buf()]).expect("loads"),
    )));
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let corpus = h.app().corpus.clone();
    h.session
        .watch_extraction(ExtractionJob::run(corpus.len(), move |_| {
            let _ = wait.recv();
            common::extraction::extract(&corpus)
        }));
    h.poll();
    let shown = panel(&mut h);
    assert!(shown.contains("extracting…"), "{shown}");
    assert!(!shown.contains("no people"), "{shown}");
    go.send(()).expect("the job waits");
    until(|| {
        h.poll();
        h.app().panel.progress().is_none()
    });
    assert!(panel(&mut h).contains("Ankara"));
}

/// Waits up to 10 s for `done`.
fn until(mut done: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(start.elapsed().as_secs() < 10, "gave up waiting");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// The document list's title row (its top border).
fn list_title(h: &mut Harness) -> String {
    h.screen()[0].chars().take(34).collect()
}

/// Bug 11: a filter typed while the documents load says "searching…" until the search over
/// the full documents answers, never a count the search has not made.
#[test]
fn a_filter_typed_while_loading_says_searching_until_answered() {
    let dir = tempfile::tempdir().expect("temp dir");
    common::tui::write_folder(dir.path(), 6);
    let mut h = Harness::loading_folder(dir.path()).start();
    h.type_text("/ankara");
    let title = list_title(&mut h);
    assert!(title.contains("searching…"), "{title}");
    h.send(okur::tui::Msg::CorpusLoaded(Box::new(
        okur::corpus::load_paths(&[dir.path().to_path_buf()]).expect("loads"),
    )));
    let title = list_title(&mut h);
    assert!(
        title.contains("searching…") || title.contains(" 3/6 "),
        "{title}"
    );
    until(|| {
        h.poll();
        list_title(&mut h).contains(" 3/6 ")
    });
}

/// Bug 11: an extraction worker that dies says so on the status line and in the panel,
/// instead of counting forever.
#[test]
fn a_dead_extraction_worker_says_so() {
    let h = &mut Harness::seeds().start();
    h.session
        .watch_extraction(ExtractionJob::run(5, |_| panic!("the worker died")));
    let start = std::time::Instant::now();
    h.poll();
    while h.app().panel.failed().is_none() && start.elapsed().as_secs() < 5 {
        h.poll();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        h.app().panel.progress().is_none(),
        "still waiting after 5 s: {:?}",
        h.app().panel.progress()
    );
    assert!(
        h.app().status.text().contains("extraction failed"),
        "{}",
        h.app().status
    );
    let shown = panel(h);
    assert!(shown.contains("extraction failed"), "{shown}");
}
