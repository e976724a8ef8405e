//! The reading pane: rows of the laid-out document, page furniture dimmed, mentions of the
//! selected entity highlighted, the cursor row and the caret; the note above; RTL paragraphs
//! right-aligned in visual order.

use super::super::reader::draw;
use super::*;

/// One document, `text`, with mentions of `Erdoğan`, `Ankara` and `الوزير` wherever they
/// occur; those of entity row `highlighted` highlighted.
fn with_mentions(text: &str, highlighted: usize) -> App {
    let mut app = app(&[text]);
    entities(
        &mut app,
        &[
            ("person", "Erdoğan", 2),
            ("place", "Ankara", 1),
            ("person", "الوزير", 2),
        ],
        &[(0, "Erdoğan", 0), (0, "Ankara", 1), (0, "الوزير", 2)],
    );
    highlight_entity(&mut app, highlighted);
    app
}

/// The Turkish article in a pane 30 cells wide.
const ERDOGAN_30: [&str; 9] = [
    "┌ tr · a.txt ────────────────┐",
    "│Erdoğan Ankara'da konuştu   │",
    "│                            │",
    "│03.11.2020 - Cumhurbaşkanı  │",
    "│Erdoğan bugün konuştu.      │",
    "│                            │",
    "│Haberin Devamı              │",
    "│                            │",
    "└────────────────────────────┘",
];

#[test]
fn rows_with_highlighted_mentions_dimmed_furniture_cursor_and_caret() {
    let mut app = with_mentions(ERDOGAN, 0);
    focus(&mut app, Focus::Reader);
    open(&mut app, 0, 30, 9);
    let t = theme();
    let mut want = Buffer::with_lines(ERDOGAN_30);
    ring(&mut want, t.focus_border);
    // The cursor row is underlined under its text; the caret is on its first cell.
    paint(&mut want, 1, 1, 25, t.cursor);
    paint(&mut want, 1, 1, 7, t.highlight);
    paint(&mut want, 1, 1, 1, t.caret);
    paint(&mut want, 1, 4, 7, t.highlight);
    paint(&mut want, 1, 6, 14, t.dim);
    assert_eq!(render(&app, 30, 9, draw), want);
}

#[test]
fn without_the_keyboard_there_is_no_cursor_row_or_caret() {
    let mut app = with_mentions(ERDOGAN, 0);
    open(&mut app, 0, 30, 9);
    let t = theme();
    let mut want = Buffer::with_lines(ERDOGAN_30);
    ring(&mut want, t.border);
    paint(&mut want, 1, 1, 7, t.highlight);
    paint(&mut want, 1, 4, 7, t.highlight);
    paint(&mut want, 1, 6, 14, t.dim);
    assert_eq!(render(&app, 30, 9, draw), want);
}

#[test]
fn a_narrow_pane_wraps_and_cuts_words_longer_than_a_row() {
    let mut app = with_mentions(ERDOGAN, 0);
    open(&mut app, 0, 12, 10);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ tr · a.tx┐",
        "│Erdoğan   │",
        "│Ankara'da │",
        "│konuştu   │",
        "│          │",
        "│03.11.2020│",
        "│-         │",
        "│Cumhurbaşk│",
        "│anı       │",
        "└──────────┘",
    ]);
    ring(&mut want, t.border);
    paint(&mut want, 1, 1, 7, t.highlight);
    assert_eq!(render(&app, 12, 10, draw), want);
    draws_at_every_size(&app, 40, 4, draw);
}

#[test]
fn an_arabic_article_is_right_aligned_in_visual_order() {
    let mut app = with_mentions(VISIT, 2);
    note(&mut app, 0, "مهم جدا");
    open(&mut app, 0, 24, 8);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ ar · a.txt ──────────┐",
        "│✎              ادج مهم│",
        "│       قشمد ريزولا راز│",
        "│                      │",
        "│ ريزولا لاق 03.11.2020│",
        "│     .ةحجان ةرايزلا نإ│",
        "│                      │",
        "└──────────────────────┘",
    ]);
    ring(&mut want, t.border);
    paint(&mut want, 1, 1, 2, t.dim);
    paint(&mut want, 16, 1, 7, t.dim);
    paint(&mut want, 13, 2, 6, t.highlight);
    paint(&mut want, 2, 4, 6, t.highlight);
    let buf = render(&app, 24, 8, draw);
    assert_eq!(buf, want);
    // Each row's first logical letter is in its rightmost cell; the date keeps its digits
    // left to right at the right end of its row, where the paragraph starts.
    assert_reads_leftwards(&buf, 1, 22, "مهم جدا");
    assert_reads_leftwards(&buf, 2, 22, "زار الوزير دمشق");
    assert_reads_leftwards(&buf, 4, 11, "قال الوزير");
    let date: String = (13..=22).map(|x| buf[(x, 4)].symbol()).collect();
    assert_eq!(date, "03.11.2020");
    assert_reads_leftwards(&buf, 5, 22, "إن الزيارة ناجحة.");
}

/// A document of several blocks of spans (a megabyte or more each), of which the reader
/// holds those about the rows shown: mentions are coloured wherever the pane is, and the
/// rows of the blocks it left (here the first) are drawn from blocks worked out again.
#[test]
fn mentions_are_coloured_in_every_part_of_a_huge_document() {
    const PARA: &str = "Ankara toplantısı\n\n";
    let text = PARA.repeat((5 << 19) / PARA.len());
    // Nothing highlighted: row 0, Erdoğan, is not in the text.
    let mut app = with_mentions(&text, 0);
    focus(&mut app, Focus::Reader);
    let t = theme();
    let place = t.suggested(t.place);
    // Every row of the pane that shows `Ankara` shows it in the place's colour (past the
    // caret's cell).
    let coloured = |app: &App| {
        let buf = render(app, 30, 9, draw);
        let rows: Vec<u16> = (1..8).filter(|&y| buf[(1, y)].symbol() == "A").collect();
        let all = rows
            .iter()
            .all(|&y| (2..7).all(|x| buf[(x, y)].fg == place.fg.unwrap_or_default()));
        (rows.len(), all)
    };
    open(&mut app, 0, 30, 9);
    // As the loop does when a document is opened (`open` leaves the spans out).
    crate::tui::annotate::refresh_spans(&mut app);
    let top = coloured(&app);
    assert!(top.0 >= 3 && top.1, "{top:?}");
    let held = app.spans.len();
    assert!(held < text.len() / PARA.len() / 2, "{held} spans held");
    // Near the end, then back at the top.
    show_offset(&mut app, text.len() - 4 * PARA.len(), 30, 9);
    assert!(!app.spans.covers(0, 1), "the first block let go");
    assert!(app.spans.covers(text.len() - PARA.len(), text.len()));
    let end = coloured(&app);
    assert!(end.0 >= 3 && end.1, "{end:?}");
    show_offset(&mut app, 0, 30, 9);
    assert_eq!(coloured(&app), top);
}

/// A letter under 30,000 combining marks (a paragraph just under the 64 KB at which the
/// corpus cuts one): the pane draws it in one cell of the letter and 30 marks (60 KB to
/// the terminal each frame before), and the mention after it and the caret on it stay on
/// their own cells.
#[test]
fn a_letter_under_thousands_of_marks_is_drawn_with_thirty() {
    let marks = "\u{301}".repeat(30_000);
    let text = format!("z{marks} Erdoğan Ankara'da");
    let mut app = with_mentions(&text, 0);
    focus(&mut app, Focus::Reader);
    open(&mut app, 0, 30, 4);
    let erdogan = text.find("Erdoğan").expect("in the text");
    app.reader.caret = erdogan;
    let buf = render(&app, 30, 4, draw);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ tr · a.txt ────────────────┐",
        "│z Erdoğan Ankara'da         │",
        "│                            │",
        "└────────────────────────────┘",
    ]);
    want[(1, 1)].set_symbol(&format!("z{}", &marks[..60]));
    ring(&mut want, t.focus_border);
    paint(&mut want, 1, 1, 19, t.cursor);
    paint(&mut want, 3, 1, 7, t.highlight);
    paint(&mut want, 3, 1, 1, t.caret);
    assert_eq!(buf, want);
    // What the terminal gets for the row: about a hundred bytes, not 65 KB.
    let sent: usize = (0..30).map(|x| buf[(x, 1)].symbol().len()).sum();
    assert!(sent < 200, "{sent} bytes in the row");
}

#[test]
fn an_empty_document_says_so_and_no_document_leaves_the_frame() {
    let mut empty = app(&[""]);
    open(&mut empty, 0, 20, 4);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ -- · a.txt ──────┐",
        "│(empty document)  │",
        "│                  │",
        "└──────────────────┘",
    ]);
    ring(&mut want, t.border);
    paint(&mut want, 1, 1, 16, t.dim);
    assert_eq!(render(&empty, 20, 4, draw), want);

    let mut none = app(&[]);
    open(&mut none, 0, 20, 3);
    let mut want = Buffer::with_lines([
        "┌──────────────────┐",
        "│                  │",
        "└──────────────────┘",
    ]);
    ring(&mut want, t.border);
    assert_eq!(render(&none, 20, 3, draw), want);
    draws_at_every_size(&empty, 24, 4, draw);
}
