//! Opening a large folder titles first: the stand-ins show titles, dates and languages, nothing
//! is saved while the full documents load, and swapping them in keeps the user's place.
#![cfg(feature = "tui")]

use std::path::Path;

use okur::corpus::fast::read_titles;
use okur::corpus::load_paths;
use okur::layout::LayoutOptions;
use okur::store::Store;
use okur::tui::Action;
use okur::tui::app::{App, Facts};
use okur::tui::loading::placeholder_corpus;
use okur::tui::session::Session;
use okur::tui::theme::Theme;
use okur::tui::{prepare, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const SCREEN: Rect = Rect::new(0, 0, 100, 12);

/// A folder of `n` short Turkish and Arabic articles with datelines.
fn write_folder(dir: &Path, n: usize) {
    for i in 0..n {
        let text = if i % 2 == 0 {
            format!("Haber {i}: Ankara'da görüşme\n\n03.11.2020 - 20:35\n\nMetin {i}.\n")
        } else {
            format!("خبر {i}: لقاء في موسكو\n\n11/13/2020\n\nنص {i}.\n")
        };
        std::fs::write(dir.join(format!("{i:03}.txt")), text).expect("write article");
    }
}

fn loading_session(dir: &Path, store: &Path) -> Session {
    let titles = read_titles(&[dir.to_path_buf()]).expect("titles");
    let mut app = App::new(
        placeholder_corpus(&titles),
        Facts::default(),
        Theme::monochrome(),
        LayoutOptions::new(80),
    );
    app.loading = true;
    Session::new(app, Some(Store::open(store).expect("store opens")))
}

fn screen(session: &mut Session) -> String {
    let panes = view::panes(SCREEN, &session.app);
    prepare(&mut session.app, &panes);
    let mut terminal =
        Terminal::new(TestBackend::new(SCREEN.width, SCREEN.height)).expect("backend");
    terminal
        .draw(|f| view::draw(f, &session.app))
        .expect("draw");
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            row.trim_end().to_string() + "\n"
        })
        .collect()
}

#[test]
fn titles_show_while_loading_and_nothing_is_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), 6);
    let store = dir.path().join("journal.jsonl");
    let mut session = loading_session(dir.path(), &store);
    session.app.status = "loading 6 documents…".into();
    // The temporary folder's name changes every run; the snapshot shows file names only.
    for doc in &mut session.app.corpus.docs {
        doc.path = doc.path.rsplit('/').next().unwrap_or_default().to_string();
    }
    insta::assert_snapshot!(screen(&mut session));
    let panes = view::panes(SCREEN, &session.app);
    session.dispatch(Action::Star, &panes);
    assert!(
        session.app.status.contains("still loading"),
        "{}",
        session.app.status
    );
    assert!(!session.app.doc_state(0).star);
}

#[test]
fn the_full_documents_replace_the_stand_ins_keeping_the_selection() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_folder(dir.path(), 6);
    let store = dir.path().join("journal.jsonl");
    let mut session = loading_session(dir.path(), &store);
    let panes = view::panes(SCREEN, &session.app);
    session.dispatch(Action::Down, &panes);
    session.dispatch(Action::Down, &panes);
    let chosen = session.app.selected_doc().expect("a selection");
    let path = session.app.corpus.docs[chosen].path.clone();
    session.search_inline();
    session.replace_corpus(load_paths(&[dir.path().to_path_buf()]).expect("loads"));
    assert!(!session.app.loading);
    let now = session.app.selected_doc().expect("a selection");
    assert_eq!(session.app.corpus.docs[now].path, path);
    assert!(session.app.corpus.docs[now].text.contains("Metin 2."));
    session.dispatch(Action::Star, &panes);
    assert!(session.app.doc_state(now).star, "{}", session.app.status);
    let reopened = Store::open(&store).expect("reopens");
    let key = &session.app.corpus.docs[now].key;
    assert!(reopened.state().doc(key).star);
}
