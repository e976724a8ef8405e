//! Whole-screen snapshots of the TUI on a `TestBackend`.
#![cfg(feature = "tui")]

use okur::corpus::{Corpus, Document, load_seeds};
use okur::extract::{Extractor, extract_corpus};
use okur::layout::LayoutOptions;
use okur::tui::app::{App, Facts, Focus, MentionRef};
use okur::tui::theme::Theme;
use okur::tui::{Action, prepare, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn seeds_app() -> App {
    let corpus = load_seeds().corpus;
    let facts = Facts::from_extraction(&extract_corpus(&Extractor::new(), &corpus));
    App::new(corpus, facts, Theme::monochrome(), LayoutOptions::new(80))
}

fn panes(app: &App, w: u16, h: u16) -> view::Panes {
    view::panes(Rect::new(0, 0, w, h), app)
}

fn press(app: &mut App, w: u16, h: u16, actions: &[Action]) {
    for &a in actions {
        let p = panes(app, w, h);
        prepare(app, &p);
        update(app, a, &p);
    }
}

/// Draws the app and returns the screen as text, one line per row.
fn screen(app: &mut App, w: u16, h: u16) -> String {
    screen_buffer(app, w, h).0
}

fn screen_buffer(app: &mut App, w: u16, h: u16) -> (String, Buffer) {
    let p = panes(app, w, h);
    prepare(app, &p);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| view::draw(f, app)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    (buffer_text(&buf), buf)
}

fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn start_screen_80x24() {
    insta::assert_snapshot!(screen(&mut seeds_app(), 80, 24));
}

#[test]
fn start_screen_120x40() {
    insta::assert_snapshot!(screen(&mut seeds_app(), 120, 40));
}

#[test]
fn help_overlay() {
    let mut app = seeds_app();
    press(&mut app, 80, 24, &[Action::Help]);
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn turkish_document_open() {
    let mut app = seeds_app();
    press(&mut app, 100, 30, &[Action::Down, Action::Open]);
    assert_eq!(app.focus, Focus::Reader);
    insta::assert_snapshot!(screen(&mut app, 100, 30));
}

fn arabic_app() -> App {
    let mut app = seeds_app();
    press(
        &mut app,
        80,
        24,
        &[Action::Down, Action::Down, Action::Down, Action::Open],
    );
    app
}

#[test]
fn seed_003_at_40_columns() {
    insta::assert_snapshot!(screen(&mut arabic_app(), 40, 20));
}

#[test]
fn seed_003_at_80_columns() {
    insta::assert_snapshot!(screen(&mut arabic_app(), 80, 24));
}

#[test]
fn seed_003_at_120_columns() {
    insta::assert_snapshot!(screen(&mut arabic_app(), 120, 40));
}

#[test]
fn tiny_terminal_does_not_panic() {
    let mut app = seeds_app();
    for (w, h) in [(40, 10), (20, 5), (1, 1), (3, 2)] {
        screen(&mut app, w, h);
        press(
            &mut app,
            w,
            h,
            &[Action::Open, Action::Bottom, Action::Help, Action::Cancel],
        );
        screen(&mut app, w, h);
    }
}

/// Mixed paragraphs: a Latin name highlighted inside Arabic, an Arabic name inside Turkish.
#[test]
fn mixed_paragraph_with_highlighted_names() {
    let text = "قال Sergey Lavrov إن بلاده مستعدة (للحوار).\n\nTürkçe metinde لافروف adı geçiyor.\n";
    let doc = Document::from_text("mixed.txt", text.to_string());
    let lavrov = text.find("Sergey Lavrov").expect("latin name");
    let arabic = text.find("لافروف").expect("arabic name");
    let facts = Facts {
        entities: vec![okur::tui::app::EntityRow {
            kind: "person",
            name: "Sergey Lavrov".into(),
            value: None,
            docs: 1,
            mentions: 2,
        }],
        mentions: vec![vec![
            MentionRef {
                start: lavrov,
                end: lavrov + "Sergey Lavrov".len(),
                entity: 0,
            },
            MentionRef {
                start: arabic,
                end: arabic + "لافروف".len(),
                entity: 0,
            },
        ]],
    };
    let corpus = Corpus { docs: vec![doc] };
    let mut app = App::new(corpus, facts, Theme::monochrome(), LayoutOptions::new(80));
    app.selected_entity = Some(0);
    press(&mut app, 100, 12, &[Action::Open]);
    let (text_screen, buf) = screen_buffer(&mut app, 100, 12);
    let reader = panes(&app, 100, 12).reader.expect("reader shown");
    let inner = Rect::new(
        reader.x + 1,
        reader.y + 1,
        reader.width - 2,
        reader.height - 2,
    );
    let highlighted: String = inner
        .positions()
        .filter(|&p| {
            let m = buf[p].modifier;
            m.contains(ratatui::style::Modifier::REVERSED)
                && m.contains(ratatui::style::Modifier::BOLD)
        })
        .map(|p| buf[p].symbol().to_string())
        .collect();
    let mut expected: Vec<char> = "SergeyLavrovفورفال".chars().collect();
    let mut got: Vec<char> = highlighted.chars().filter(|c| !c.is_whitespace()).collect();
    expected.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, expected, "highlighted cells: {highlighted}");
    insta::assert_snapshot!(text_screen);
}

#[test]
fn entity_selected_filters_and_highlights() {
    let mut app = seeds_app();
    // Focus the entity panel, pick the top person, narrow the list to documents with them.
    press(
        &mut app,
        120,
        40,
        &[Action::FocusPrev, Action::Open, Action::FilterByEntity],
    );
    let person = app.facts.entities[0].name.clone();
    assert_eq!(app.facts.entities[0].kind, "person");
    assert!(app.order.len() < app.corpus.len() || app.corpus.len() == app.order.len());
    assert!(app.list_filter.as_deref() == Some(person.as_str()));
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn extraction_progress_shows_in_the_entity_panel() {
    let mut app = seeds_app();
    app.extraction_progress = Some((2, 5));
    assert!(screen(&mut app, 120, 40).contains("Entities · extracting 2/5"));
}

/// `/lavrov` narrows the list and the entity panel; in the Arabic seed the match لافروف is
/// highlighted on the right cells after reordering.
#[test]
fn filter_active_with_arabic_match_highlighted() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use okur::tui::session::Session;
    let corpus = load_seeds().corpus;
    let extraction = extract_corpus(&Extractor::new(), &corpus);
    let app = App::new(
        corpus,
        Facts::default(),
        Theme::monochrome(),
        LayoutOptions::new(80),
    );
    let mut session = Session::new(app, None);
    session.search_inline();
    session.set_extraction(&extraction);
    let (w, h) = (120, 40);
    let type_key = |s: &mut Session, code: KeyCode| {
        let p = panes(&s.app, w, h);
        prepare(&mut s.app, &p);
        s.key(KeyEvent::new(code, KeyModifiers::NONE), &p);
    };
    for c in "/lavrov".chars() {
        type_key(&mut session, KeyCode::Char(c));
    }
    type_key(&mut session, KeyCode::Enter);
    let app = &mut session.app;
    assert_eq!(app.filter_text, "lavrov");
    assert!(
        app.order.contains(&3),
        "the Arabic seed matches lavrov: {:?}",
        app.order
    );
    assert!(
        app.order.len() < app.corpus.len(),
        "001 does not mention Lavrov"
    );
    let arabic_row = app.order.iter().position(|&d| d == 3).expect("listed");
    app.list.selected = arabic_row;
    press(app, w, h, &[Action::Open]);
    let (text, buf) = screen_buffer(app, w, h);
    let reader = panes(app, w, h).reader.expect("reader");
    let highlighted: String = reader
        .positions()
        .filter(|&p| {
            buf[p]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED | ratatui::style::Modifier::BOLD)
        })
        .map(|p| buf[p].symbol().to_string())
        .collect();
    assert!(
        highlighted.contains("فورفال"),
        "visual order of لافروف highlighted: {highlighted}"
    );
    insta::assert_snapshot!(text);
}
