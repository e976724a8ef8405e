//! The entity panel (issue 12, bugs 9 and 11): rejected names leave it and its counts, `x`
//! in it rejects the entity; while loading and extracting it says so, a filter typed then
//! says "searching…" until answered, and a dead extraction says so.

use super::*;

/// The surface forms of an entity's mentions, across the corpus.
fn forms(app: &App, entity: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (doc, mentions) in app.corpus.docs.iter().zip(&app.facts.mentions) {
        for m in mentions.iter().filter(|m| m.entity == entity) {
            let text = doc.text[m.start..m.end].to_string();
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
    case.press("Tab Tab j");
    assert_eq!(case.app().focus, Focus::Entities);
    let entity = case.app().entity_order[1];
    let name = case.app().facts.entities[entity].name.clone();
    let forms = forms(case.app(), entity);
    case.press("x");
    let app = case.app();
    assert!(
        app.status.contains(&format!("rejected {name}")),
        "{}",
        app.status
    );
    assert!(app.status.ends_with("saved"), "{}", app.status);
    assert!(!app.entity_order.contains(&entity), "{name} left the panel");
    for form in &forms {
        let label = match app.facts.entities[entity].kind {
            "person" => Label::Person,
            "place" => Label::Place,
            _ => Label::Date,
        };
        assert_eq!(
            app.state.decision(&label, form),
            Some(Decision::Rejected),
            "{form}"
        );
    }
    let rows = screen(&mut case.session);
    let panel: Vec<String> = rows.iter().map(|r| r.chars().skip(90).collect()).collect();
    assert!(!panel.iter().any(|r| r.contains(&name)), "{panel:#?}");
    assert_eq!(
        case.app().entities.selected,
        1,
        "the cursor stays on its row"
    );
}

/// Bug 9: a name rejected with `x` in the reading pane no longer counts: its mentions leave
/// the entity's counts, and an entity with none left leaves the panel.
#[test]
fn a_name_rejected_in_the_reader_leaves_the_panels_counts() {
    let mut case = seeds();
    case.press("Enter");
    let app = case.app();
    let first = app.open_mentions()[0];
    let entity = first.entity;
    let before = app.facts.entities[entity].mentions;
    let text = &app.corpus.docs[app.reader.doc].text;
    let form = text[first.start..first.end].to_string();
    let same_form = app
        .corpus
        .docs
        .iter()
        .zip(&app.facts.mentions)
        .flat_map(|(d, ms)| ms.iter().map(move |m| (d, m)))
        .filter(|(d, m)| m.entity == entity && d.text[m.start..m.end] == form)
        .count();
    let panes = view::panes(SCREEN, &case.session.app);
    prepare(&mut case.session.app, &panes);
    okur::tui::caret::set_caret(&mut case.session.app, &panes, first.start);
    case.press("x");
    let app = case.app();
    assert!(
        app.status.contains(&format!("rejected {form}")),
        "{}",
        app.status
    );
    let after = app.facts.entities[entity].mentions;
    assert_eq!(
        after,
        before - same_form,
        "{form}: {before} mentions before"
    );
    assert_eq!(app.entity_order.contains(&entity), after > 0);
    case.press("u");
    assert_eq!(
        case.app().facts.entities[entity].mentions,
        before,
        "undo counts it again"
    );
}

/// A folder of `n` short articles, every other one Turkish (mentioning Ankara).
fn write_folder(dir: &std::path::Path, n: usize) {
    for i in 0..n {
        let text = if i % 2 == 0 {
            format!("Haber {i}: Ankara'da görüşme\n\n03.11.2020 - 20:35\n\nMetin {i}.\n")
        } else {
            format!("خبر {i}: لقاء في موسكو\n\n11/13/2020\n\nنص {i}.\n")
        };
        std::fs::write(dir.join(format!("{i:03}.txt")), text).expect("write article");
    }
}

/// The title-only stand-ins of a folder, loading, as the reader opens a large folder: no
/// search runs until the full documents arrive.
fn loading(dir: &std::path::Path) -> Session {
    let titles = okur::corpus::fast::read_titles(&[dir.to_path_buf()]).expect("titles");
    let corpus = okur::tui::loading::placeholder_corpus(&titles);
    let mut app = App::new(
        corpus,
        Facts::default(),
        Theme::monochrome(),
        LayoutOptions::new(80),
    );
    app.loading = true;
    Session::new(app, None)
}

/// The entity panel's column of the screen (the last quarter at 120 columns).
fn panel(session: &mut Session) -> String {
    let rows = screen(session);
    let cut: Vec<String> = rows.iter().map(|r| r.chars().skip(90).collect()).collect();
    cut.join("\n")
}

/// Bug 11: while the documents load, and while extraction runs, the panel says so rather
/// than "no people, places or dates found".
#[test]
fn the_panel_says_loading_then_extracting() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), 6);
    let mut session = loading(dir.path());
    let shown = panel(&mut session);
    assert!(shown.contains("loading…"), "{shown}");
    assert!(!shown.contains("no people"), "{shown}");
    session.replace_corpus(okur::corpus::load_paths(&[dir.path().to_path_buf()]).expect("loads"));
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let corpus = session.app.corpus.clone();
    let mut job = Some(ExtractionJob::run(corpus.len(), move |_| {
        let _ = wait.recv();
        extract_corpus(&Extractor::new(), &corpus)
    }));
    facts::poll(&mut session, &mut job);
    let shown = panel(&mut session);
    assert!(shown.contains("extracting…"), "{shown}");
    assert!(!shown.contains("no people"), "{shown}");
    go.send(()).expect("the job waits");
    until(|| {
        facts::poll(&mut session, &mut job);
        job.is_none()
    });
    assert!(panel(&mut session).contains("Ankara"));
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
fn list_title(session: &mut Session) -> String {
    screen(session)[0].chars().take(34).collect()
}

/// Bug 11: a filter typed while the documents load says "searching…" until the search over
/// the full documents answers, never a count the search has not made.
#[test]
fn a_filter_typed_while_loading_says_searching_until_answered() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), 6);
    let mut session = loading(dir.path());
    for c in "/ankara".chars() {
        let panes = view::panes(SCREEN, &session.app);
        session.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), &panes);
    }
    let title = list_title(&mut session);
    assert!(title.contains("searching…"), "{title}");
    session.replace_corpus(okur::corpus::load_paths(&[dir.path().to_path_buf()]).expect("loads"));
    let title = list_title(&mut session);
    assert!(
        title.contains("searching…") || title.contains(" 3/6 "),
        "{title}"
    );
    until(|| {
        session.poll_search();
        list_title(&mut session).contains(" 3/6 ")
    });
}

/// Bug 11: an extraction worker that dies says so on the status line and in the panel,
/// instead of counting forever.
#[test]
fn a_dead_extraction_worker_says_so() {
    let session = &mut session_over(load_seeds().corpus, None);
    let mut job = Some(ExtractionJob::run(5, |_| panic!("the worker died")));
    let start = std::time::Instant::now();
    while job.is_some() && start.elapsed().as_secs() < 5 {
        facts::poll(session, &mut job);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        job.is_none(),
        "still waiting after 5 s: {:?}",
        session.app.extraction_progress
    );
    assert!(
        session.app.status.contains("extraction failed"),
        "{}",
        session.app.status
    );
    let shown = panel(session);
    assert!(shown.contains("extraction failed"), "{shown}");
}
