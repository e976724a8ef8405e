//! Where the cursors go (issue 12): the list cursor stays on its document, or the one that
//! took its place, when a document leaves the list; `/` opens the filter line whatever the
//! list shows; the reading cursor never rests on the blank row between paragraphs; the help
//! overlay lists the loop's own keys and scrolls when it does not fit.

#![cfg(feature = "tui")]

mod common;

use common::tui::Harness;
use okur::layout::PaneRow;
use okur::store::Origin;
use okur::tui::app::Focus;
use okur::tui::caret;
use okur::tui::mode::InputKind;

/// Five short articles, each with a title, a dateline and a body: several paragraphs, so
/// the reading pane has blank rows between them.
const DOCS: [&str; 5] = [
    "Zeytin hasadı başladı\n\n03.11.2020 - 20:35\n\nEge'de zeytin toplanıyor.\n",
    "Ankara'da görüşme\n\n01.02.2021 - 10:00\n\nBakanlar görüştü.\n\nAçıklama yapılmadı.\n",
    "Meclis tatile girdi\n\n15.07.2019 - 09:00\n\nMeclis kapandı.\n",
    "Ekonomi notları\n\n20.12.2020 - 12:00\n\nEnflasyon açıklandı.\n",
    "Seçim takvimi\n\n02.03.2021 - 08:00\n\nTakvim belli oldu.\n",
];

/// A session over [`DOCS`] with a fresh store, searching on this thread, on a
/// `width`x`height` screen.
fn open(width: u16, height: u16) -> Harness {
    Harness::texts(&DOCS).store().screen(width, height).start()
}

/// The document under the list cursor (a file index).
fn selected(case: &Harness) -> Option<usize> {
    case.app().selected_doc()
}

/// True when the reading cursor is on a blank row.
fn on_blank_row(case: &Harness) -> bool {
    let reader = &case.app().reader;
    matches!(
        reader.layout.row(reader.cursor.selected),
        Some(PaneRow::Blank)
    )
}

// Bug 3: `X` and opening under `%unread` sent the list cursor to row 1.

#[test]
fn archive_leaves_the_cursor_on_the_document_that_took_its_place() {
    let mut case = open(120, 30);
    case.keys("j j X");
    assert_eq!(case.app().list.order(), [0, 1, 3, 4], "2 archived");
    assert_eq!(selected(&case), Some(3), "the next document took its row");
    case.keys("X");
    assert_eq!(
        case.app().list.order(),
        [0, 1, 4],
        "a second X archives the next one"
    );
    case.keys("j X");
    assert_eq!(case.app().list.order(), [0, 1], "4 archived");
    assert_eq!(
        selected(&case),
        Some(1),
        "the last row went: the one above it"
    );
}

#[test]
fn opening_under_unread_keeps_the_cursor_in_place() {
    let mut case = open(120, 30);
    case.keys("/").type_text("%unread").keys("Enter");
    case.keys("j j Enter");
    assert_eq!(case.app().reader.doc, 2);
    assert_eq!(case.app().list.order(), [0, 1, 3, 4], "2 is read now");
    case.keys("S-Tab");
    assert_eq!(case.app().focus, Focus::List);
    assert_eq!(selected(&case), Some(3), "the next unread document");
    case.keys("Enter");
    assert_eq!(case.app().reader.doc, 3, "Enter opens the next unread one");
    assert_eq!(case.app().list.order(), [0, 1, 4]);
}

#[test]
fn a_filter_keeps_the_selected_document_or_the_next_one_listed() {
    let mut case = open(120, 30);
    case.keys("j j");
    case.keys("/").type_text("%star").keys("Enter");
    assert!(case.app().list.order().is_empty());
    case.keys("Esc");
    assert_eq!(
        selected(&case),
        Some(2),
        "back on the document the empty list hid"
    );
    case.keys("g j s j j s j s k k");
    assert_eq!(selected(&case), Some(2));
    case.keys("/").type_text("%star").keys("Enter");
    assert_eq!(case.app().list.order(), [1, 3, 4]);
    assert_eq!(
        selected(&case),
        Some(3),
        "2 is not starred: the next listed"
    );
}

#[test]
fn archive_in_a_ranked_search_moves_to_the_next_document_listed() {
    let mut case = open(120, 30);
    case.keys("/").type_text("açıkla").keys("Enter");
    let ranked = case.app().list.order().to_vec();
    assert!(ranked.len() >= 2, "{ranked:?}");
    case.keys("g X");
    assert_eq!(
        case.app().list.order(),
        &ranked[1..],
        "the first is archived"
    );
    assert_eq!(
        selected(&case),
        Some(ranked[1]),
        "the next one took its row"
    );
}

// Bug 5: after a filter that matches nothing, `/` opened no prompt.

#[test]
fn slash_opens_the_filter_line_when_nothing_is_listed() {
    let mut case = open(120, 30);
    case.keys("/").type_text("zqxwv").keys("Enter");
    assert!(case.app().list.order().is_empty(), "nothing matches");
    assert!(
        case.app().mode.prompt().is_none(),
        "Enter closed the prompt"
    );
    case.keys("/");
    let input = case.app().mode.prompt().expect("/ opens the filter line");
    assert_eq!(input.kind, InputKind::Filter);
    assert_eq!(
        input.text(),
        "zqxwv",
        "the prompt starts from the filter in force"
    );
    case.keys("Esc");
    assert_eq!(
        case.app().list.order(),
        [0, 1, 2, 3, 4],
        "Esc in the prompt clears it"
    );
}

// Bug 6: `j`/`k` stopped on the blank row between paragraphs.

#[test]
fn reading_cursor_skips_blank_rows_both_ways() {
    let mut case = open(120, 30);
    case.keys("j Enter");
    let rows = {
        case.prepare();
        case.app().reader.layout.row_count()
    };
    assert!(
        rows >= 7,
        "title, dateline, two paragraphs and the gaps: {rows}"
    );
    let mut seen = vec![case.app().reader.cursor.selected];
    for _ in 0..rows {
        case.keys("j");
        assert!(!on_blank_row(&case), "j stopped on a blank row: {seen:?}");
        seen.push(case.app().reader.cursor.selected);
    }
    assert_eq!(seen.last(), Some(&(rows - 1)), "j reaches the last row");
    for _ in 0..rows {
        case.keys("k");
        assert!(!on_blank_row(&case), "k stopped on a blank row");
    }
    assert_eq!(case.app().reader.cursor.selected, 0);
}

#[test]
fn page_moves_in_a_short_pane_skip_blank_rows() {
    // Four text rows high: a page is three rows, which lands on a gap from the top.
    let mut case = open(80, 7);
    case.keys("j Enter");
    for keys in ["PgDn", "PgDn", "PgUp", "G", "PgUp", "g", "↓", "↑"] {
        case.keys(keys);
        assert!(!on_blank_row(&case), "{keys} stopped on a blank row");
    }
}

#[test]
fn a_label_never_acts_from_a_blank_row() {
    let mut case = open(120, 30);
    case.keys("j Enter");
    case.prepare();
    // Put the cursor on a gap as an old layout could leave it (a resize, a flip): the
    // caret is still on the row above, whose word `p` used to label.
    let gap = (0..10)
        .find(|&r| matches!(case.app().reader.layout.row(r), Some(PaneRow::Blank)))
        .expect("a blank row");
    case.app_mut().reader.cursor.selected = gap;
    case.app_mut().reader.caret = 0;
    case.dispatch(okur::tui::Action::LabelPerson);
    let user_spans = case
        .app()
        .spans
        .iter()
        .filter(|s| s.origin != Origin::Suggested)
        .count();
    assert_eq!(user_spans, 0, "status: {}", case.app().status);
    // Drawn again, the cursor settles on a row of text.
    case.keys("→");
    assert!(!on_blank_row(&case));
    assert!(caret::cursor_line(case.app()).is_some());
}

// Bug 10: help was cut at 60x16, could not scroll, and left out Ctrl-C and Ctrl-Z.

#[test]
fn help_lists_ctrl_c_and_ctrl_z_and_scrolls_at_60x16() {
    let mut case = open(60, 16);
    case.keys("?");
    let first = case.screen_text();
    assert!(first.contains("open doc / select entity"), "{first}");
    assert!(first.contains("more below"), "{first}");
    assert!(!first.contains("more above"), "{first}");
    let mut pages = first.clone();
    for _ in 0..4 {
        case.keys("PgDn");
        pages.push_str(&case.screen_text());
    }
    assert!(pages.contains("Ctrl-C"), "{pages}");
    assert!(pages.contains("Ctrl-Z"), "{pages}");
    assert!(pages.contains("suspend"), "{pages}");
    let last = case.screen_text();
    assert!(last.contains("more above"), "{last}");
    assert!(!last.contains("more below"), "the end shows: {last}");
    case.keys("k ↑ PgUp PgUp PgUp PgUp PgUp");
    assert_eq!(case.screen_text(), first, "back at the top");
    case.keys("j");
    assert_ne!(case.screen_text(), first, "j scrolls by a row");
    assert_eq!(case.app().reader.doc, 0, "keys in help move nothing else");
    assert_eq!(selected(&case), Some(0));
    case.keys("Esc");
    assert!(!case.app().mode.is_help());
    case.keys("?");
    assert_eq!(case.screen_text(), first, "help opens at its top again");
}

#[test]
fn help_that_fits_shows_no_scroll_marks() {
    let mut case = open(120, 40);
    case.keys("?");
    let screen = case.screen_text();
    assert!(
        screen.contains("Ctrl-C") && screen.contains("Ctrl-Z"),
        "{screen}"
    );
    assert!(!screen.contains("more below") && !screen.contains("more above"));
}
