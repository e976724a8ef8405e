//! Where the cursors go (issue 12): the list cursor stays on its document, or the one that
//! took its place, when a document leaves the list; `/` opens the filter line whatever the
//! list shows; the reading cursor never rests on the blank row between paragraphs; the help
//! overlay lists the loop's own keys and scrolls when it does not fit.

#![cfg(feature = "tui")]

mod keys;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use okur::corpus::{Corpus, Document};
use okur::layout::{LayoutOptions, PaneRow};
use okur::store::{Origin, Store};
use okur::tui::app::{App, Facts, Focus, InputKind};
use okur::tui::session::Session;
use okur::tui::theme::Theme;
use okur::tui::{caret, prepare, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const WIDE: Rect = Rect::new(0, 0, 120, 30);

/// Five short articles, each with a title, a dateline and a body: several paragraphs, so
/// the reading pane has blank rows between them.
const DOCS: [&str; 5] = [
    "Zeytin hasadı başladı\n\n03.11.2020 - 20:35\n\nEge'de zeytin toplanıyor.\n",
    "Ankara'da görüşme\n\n01.02.2021 - 10:00\n\nBakanlar görüştü.\n\nAçıklama yapılmadı.\n",
    "Meclis tatile girdi\n\n15.07.2019 - 09:00\n\nMeclis kapandı.\n",
    "Ekonomi notları\n\n20.12.2020 - 12:00\n\nEnflasyon açıklandı.\n",
    "Seçim takvimi\n\n02.03.2021 - 08:00\n\nTakvim belli oldu.\n",
];

struct Case {
    session: Session,
    screen: Rect,
    _dir: tempfile::TempDir,
}

/// A session over [`DOCS`] with a fresh store, searching on this thread.
fn open(screen: Rect) -> Case {
    let docs = DOCS
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(format!("{i}.txt"), t.to_string()))
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("journal.jsonl")).expect("store opens");
    let app = App::new(
        Corpus { docs },
        Facts::default(),
        Theme::monochrome(),
        LayoutOptions::new(80),
    );
    let mut session = Session::new(app, Some(store));
    session.search_inline();
    Case {
        session,
        screen,
        _dir: dir,
    }
}

/// The key a test token names: the shared names plus the paging and arrow keys.
fn key(token: &str) -> KeyEvent {
    let code = match token {
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "↑" => KeyCode::Up,
        _ => return keys::key(token),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

impl Case {
    /// Presses space-separated keys, preparing the panes before each as the loop does.
    fn press(&mut self, keys: &str) -> &mut Case {
        for token in keys.split_whitespace() {
            let panes = view::panes(self.screen, &self.session.app);
            prepare(&mut self.session.app, &panes);
            self.session.key(key(token), &panes);
        }
        self
    }

    /// Types text into the open prompt.
    fn type_text(&mut self, text: &str) -> &mut Case {
        let keys: Vec<String> = text.chars().map(String::from).collect();
        self.press(&keys.join(" "))
    }

    fn app(&self) -> &App {
        &self.session.app
    }

    /// The document under the list cursor (a file index).
    fn selected(&self) -> Option<usize> {
        self.app().selected_doc()
    }

    /// The whole screen as text, one line per row.
    fn screen(&mut self) -> String {
        let panes = view::panes(self.screen, &self.session.app);
        prepare(&mut self.session.app, &panes);
        let (w, h) = (self.screen.width, self.screen.height);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        let app = &self.session.app;
        terminal.draw(|f| view::draw(f, app)).expect("draw");
        let buf = terminal.backend().buffer();
        (0..h)
            .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// True when the reading cursor is on a blank row.
    fn on_blank_row(&self) -> bool {
        let reader = &self.app().reader;
        matches!(
            reader.layout.row(reader.cursor.selected),
            Some(PaneRow::Blank)
        )
    }
}

// Bug 3: `X` and opening under `%unread` sent the list cursor to row 1.

#[test]
fn archive_leaves_the_cursor_on_the_document_that_took_its_place() {
    let mut case = open(WIDE);
    case.press("j j X");
    assert_eq!(case.app().order, [0, 1, 3, 4], "2 archived");
    assert_eq!(case.selected(), Some(3), "the next document took its row");
    case.press("X");
    assert_eq!(
        case.app().order,
        [0, 1, 4],
        "a second X archives the next one"
    );
    case.press("j X");
    assert_eq!(case.app().order, [0, 1], "4 archived");
    assert_eq!(
        case.selected(),
        Some(1),
        "the last row went: the one above it"
    );
}

#[test]
fn opening_under_unread_keeps_the_cursor_in_place() {
    let mut case = open(WIDE);
    case.press("/").type_text("%unread").press("Enter");
    case.press("j j Enter");
    assert_eq!(case.app().reader.doc, 2);
    assert_eq!(case.app().order, [0, 1, 3, 4], "2 is read now");
    case.press("S-Tab");
    assert_eq!(case.app().focus, Focus::List);
    assert_eq!(case.selected(), Some(3), "the next unread document");
    case.press("Enter");
    assert_eq!(case.app().reader.doc, 3, "Enter opens the next unread one");
    assert_eq!(case.app().order, [0, 1, 4]);
}

#[test]
fn a_filter_keeps_the_selected_document_or_the_next_one_listed() {
    let mut case = open(WIDE);
    case.press("j j");
    case.press("/").type_text("%star").press("Enter");
    assert!(case.app().order.is_empty());
    case.press("Esc");
    assert_eq!(
        case.selected(),
        Some(2),
        "back on the document the empty list hid"
    );
    case.press("g j s j j s j s k k");
    assert_eq!(case.selected(), Some(2));
    case.press("/").type_text("%star").press("Enter");
    assert_eq!(case.app().order, [1, 3, 4]);
    assert_eq!(
        case.selected(),
        Some(3),
        "2 is not starred: the next listed"
    );
}

#[test]
fn archive_in_a_ranked_search_moves_to_the_next_document_listed() {
    let mut case = open(WIDE);
    case.press("/").type_text("açıkla").press("Enter");
    let ranked = case.app().order.clone();
    assert!(ranked.len() >= 2, "{ranked:?}");
    case.press("g X");
    assert_eq!(case.app().order, ranked[1..], "the first is archived");
    assert_eq!(
        case.selected(),
        Some(ranked[1]),
        "the next one took its row"
    );
}

// Bug 5: after a filter that matches nothing, `/` opened no prompt.

#[test]
fn slash_opens_the_filter_line_when_nothing_is_listed() {
    let mut case = open(WIDE);
    case.press("/").type_text("zqxwv").press("Enter");
    assert!(case.app().order.is_empty(), "nothing matches");
    assert!(case.app().input.is_none(), "Enter closed the prompt");
    case.press("/");
    let input = case.app().input.as_ref().expect("/ opens the filter line");
    assert_eq!(input.kind, InputKind::Filter);
    assert_eq!(
        input.text, "zqxwv",
        "the prompt starts from the filter in force"
    );
    case.press("Esc");
    assert_eq!(
        case.app().order,
        [0, 1, 2, 3, 4],
        "Esc in the prompt clears it"
    );
}

// Bug 6: `j`/`k` stopped on the blank row between paragraphs.

#[test]
fn reading_cursor_skips_blank_rows_both_ways() {
    let mut case = open(WIDE);
    case.press("j Enter");
    let rows = {
        let panes = view::panes(WIDE, &case.session.app);
        prepare(&mut case.session.app, &panes);
        case.app().reader.layout.row_count()
    };
    assert!(
        rows >= 7,
        "title, dateline, two paragraphs and the gaps: {rows}"
    );
    let mut seen = vec![case.app().reader.cursor.selected];
    for _ in 0..rows {
        case.press("j");
        assert!(!case.on_blank_row(), "j stopped on a blank row: {seen:?}");
        seen.push(case.app().reader.cursor.selected);
    }
    assert_eq!(seen.last(), Some(&(rows - 1)), "j reaches the last row");
    for _ in 0..rows {
        case.press("k");
        assert!(!case.on_blank_row(), "k stopped on a blank row");
    }
    assert_eq!(case.app().reader.cursor.selected, 0);
}

#[test]
fn page_moves_in_a_short_pane_skip_blank_rows() {
    // Four text rows high: a page is three rows, which lands on a gap from the top.
    let mut case = open(Rect::new(0, 0, 80, 7));
    case.press("j Enter");
    for keys in ["PgDn", "PgDn", "PgUp", "G", "PgUp", "g", "↓", "↑"] {
        case.press(keys);
        assert!(!case.on_blank_row(), "{keys} stopped on a blank row");
    }
}

#[test]
fn a_label_never_acts_from_a_blank_row() {
    let mut case = open(WIDE);
    case.press("j Enter");
    let panes = view::panes(WIDE, &case.session.app);
    prepare(&mut case.session.app, &panes);
    // Put the cursor on a gap as an old layout could leave it (a resize, a flip): the
    // caret is still on the row above, whose word `p` used to label.
    let gap = (0..10)
        .find(|&r| matches!(case.app().reader.layout.row(r), Some(PaneRow::Blank)))
        .expect("a blank row");
    case.session.app.reader.cursor.selected = gap;
    case.session.app.reader.caret = 0;
    case.session
        .dispatch(okur::tui::Action::LabelPerson, &panes);
    let user_spans = case
        .app()
        .spans
        .iter()
        .filter(|s| s.origin != Origin::Suggested)
        .count();
    assert_eq!(user_spans, 0, "status: {}", case.app().status);
    // Drawn again, the cursor settles on a row of text.
    case.press("→");
    assert!(!case.on_blank_row());
    assert!(caret::cursor_line(case.app()).is_some());
}

// Bug 10: help was cut at 60x16, could not scroll, and left out Ctrl-C and Ctrl-Z.

#[test]
fn help_lists_ctrl_c_and_ctrl_z_and_scrolls_at_60x16() {
    let mut case = open(Rect::new(0, 0, 60, 16));
    case.press("?");
    let first = case.screen();
    assert!(first.contains("open doc / select entity"), "{first}");
    assert!(first.contains("more below"), "{first}");
    assert!(!first.contains("more above"), "{first}");
    let mut pages = first.clone();
    for _ in 0..3 {
        case.press("PgDn");
        pages.push_str(&case.screen());
    }
    assert!(pages.contains("Ctrl-C"), "{pages}");
    assert!(pages.contains("Ctrl-Z"), "{pages}");
    assert!(pages.contains("suspend"), "{pages}");
    let last = case.screen();
    assert!(last.contains("more above"), "{last}");
    assert!(!last.contains("more below"), "the end shows: {last}");
    case.press("k ↑ PgUp PgUp PgUp PgUp");
    assert_eq!(case.screen(), first, "back at the top");
    case.press("j");
    assert_ne!(case.screen(), first, "j scrolls by a row");
    assert_eq!(case.app().reader.doc, 0, "keys in help move nothing else");
    assert_eq!(case.selected(), Some(0));
    case.press("Esc");
    assert!(!case.app().show_help);
    case.press("?");
    assert_eq!(case.screen(), first, "help opens at its top again");
}

#[test]
fn help_that_fits_shows_no_scroll_marks() {
    let mut case = open(Rect::new(0, 0, 120, 40));
    case.press("?");
    let screen = case.screen();
    assert!(
        screen.contains("Ctrl-C") && screen.contains("Ctrl-Z"),
        "{screen}"
    );
    assert!(!screen.contains("more below") && !screen.contains("more above"));
}
