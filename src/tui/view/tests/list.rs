//! The document list: marks, language, date, title, note and tags; the selected row; the
//! title with the count, the filter and the sort order.

use super::super::list::draw;
use super::*;

/// Three documents: the first read, the second (selected) starred, relevant, tagged and with
/// a note, the third empty.
fn triaged() -> App {
    let mut app = app(&[ERDOGAN, MECLIS, ""]);
    mark_read(&mut app, 0);
    star_relevant(&mut app, 1);
    tag(&mut app, 1, "meclis");
    note(&mut app, 1, "oku");
    select_row(&mut app, 1);
    app
}

/// [`triaged`] in a list 40 cells wide.
const TRIAGED: [&str; 6] = [
    "┌ Documents 3/3 · file ────────────────┐",
    "│   tr 2020-11-03 Erdoğan Ankara'da    │",
    "│•★+tr 2021-01-12 Meclis      ✎ #meclis│",
    "│•  --            (empty)              │",
    "│                                      │",
    "└──────────────────────────────────────┘",
];

#[test]
fn rows_show_marks_date_title_note_and_tags_and_the_selected_row() {
    let app = triaged();
    let t = theme();
    let mut want = Buffer::with_lines(TRIAGED);
    ring(&mut want, t.focus_border);
    paint(&mut want, 1, 2, 38, t.selected);
    assert_eq!(render(&app, 40, 6, draw), want);
}

#[test]
fn marked_rows_stand_out_and_the_title_counts_them() {
    let mut app = triaged();
    app.list.toggle_mark(0);
    app.list.toggle_mark(1);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ Documents 3/3 · 2 marked · file ─────┐",
        TRIAGED[1],
        TRIAGED[2],
        TRIAGED[3],
        TRIAGED[4],
        TRIAGED[5],
    ]);
    ring(&mut want, t.focus_border);
    paint(&mut want, 1, 1, 38, t.marked);
    paint(&mut want, 1, 2, 38, t.marked.patch(t.selected));
    assert_eq!(render(&app, 40, 6, draw), want);
}

#[test]
fn the_frame_is_plain_and_the_selection_stays_when_another_pane_has_the_keyboard() {
    let mut app = triaged();
    focus(&mut app, Focus::Reader);
    let t = theme();
    let mut want = Buffer::with_lines(TRIAGED);
    ring(&mut want, t.border);
    paint(&mut want, 1, 2, 38, t.selected);
    assert_eq!(render(&app, 40, 6, draw), want);
}

#[test]
fn a_narrow_list_drops_the_date_and_cuts_title_and_tags() {
    let app = triaged();
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ Documents 3/3 ───┐",
        "│   tr Erdoğan     │",
        "│•★+tr Mecli ✎ #me…│",
        "│•  -- (empty)     │",
        "│                  │",
        "└──────────────────┘",
    ]);
    ring(&mut want, t.focus_border);
    paint(&mut want, 1, 2, 18, t.selected);
    assert_eq!(render(&app, 20, 6, draw), want);
}

#[test]
fn a_very_narrow_list_still_shows_the_marks_and_never_panics() {
    let app = triaged();
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ 3/3 ─────┐",
        "│   tr Erdo│",
        "│•★+tr M ✎…│",
        "│•  -- (emp│",
        "└──────────┘",
    ]);
    ring(&mut want, t.focus_border);
    paint(&mut want, 1, 2, 10, t.selected);
    assert_eq!(render(&app, 12, 5, draw), want);
    draws_at_every_size(&app, 40, 4, draw);
}

#[test]
fn arabic_titles_and_filter_read_right_to_left() {
    let mut app = app(&[VISIT, EGYPT]);
    filter(&mut app, "الوزير", &[0, 1]);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ Documents 2/2 · /ريزولا · file ──┐",
        "│•  ar 2020-11-03   قشمد ريزولا راز│",
        "│•  ar                          رصم│",
        "│                                  │",
        "└──────────────────────────────────┘",
    ]);
    ring(&mut want, t.focus_border);
    paint(&mut want, 1, 1, 34, t.selected);
    let buf = render(&app, 36, 5, draw);
    assert_eq!(buf, want);
    // Right-aligned in visual order: each title's first letter in the row's last cell.
    assert_reads_leftwards(&buf, 1, 34, "زار الوزير دمشق");
    assert_reads_leftwards(&buf, 2, 34, "مصر");
    // In the title the filter's first letter follows the slash.
    assert_reads_leftwards(&buf, 0, 24, "الوزير");
}

#[test]
fn an_empty_list_has_its_count_and_says_what_fills_it() {
    // No documents at all (`okur --feeds` before any fetch): what to do, dimmed.
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ Documents 0/0 · file ──────┐",
        "│ No articles yet. U fetches │",
        "│ the followed feeds.        │",
        "└────────────────────────────┘",
    ]);
    ring(&mut want, t.focus_border);
    paint(&mut want, 2, 1, 26, t.dim);
    paint(&mut want, 2, 2, 19, t.dim);
    assert_eq!(render(&app(&[]), 30, 4, draw), want);
    // Documents that a filter hides: the count says so, and nothing else is drawn.

    let mut filtered = app(&[ERDOGAN, MECLIS]);
    filter(&mut filtered, "kedi", &[]);
    let mut want = Buffer::with_lines([
        "┌ Documents 0/2 · /kedi · file ──┐",
        "│                                │",
        "└────────────────────────────────┘",
    ]);
    ring(&mut want, t.focus_border);
    assert_eq!(render(&filtered, 34, 3, draw), want);
}

#[test]
fn a_narrow_list_keeps_the_mark_count_in_its_title() {
    let mut app = triaged();
    app.list.toggle_mark(0);
    app.list.toggle_mark(2);
    let buf = render(&app, 20, 6, draw);
    let top: String = (0..20).map(|x| buf[(x, 0)].symbol()).collect();
    assert_eq!(top, "┌ 3/3 · 2 marked ──┐");
}

/// One article from a feed whose story two other feeds carried too.
fn from_a_feed() -> App {
    let mut doc = Document::from_text("news.xml#1", "Ankara'da toplantı\n\nMetin.\n".to_string());
    doc.meta = Some(Box::new(crate::corpus::ArticleMeta {
        source: Some("Anadolu Haber".into()),
        published: Some("2024-03-06T01:50:00+03:00".into()),
        also: vec!["TRT".into(), "Hürriyet".into()],
        ..Default::default()
    }));
    let layout = LayoutOptions::new(80);
    App::new(
        Corpus { docs: vec![doc] },
        Facts::default(),
        theme(),
        layout,
    )
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .filter_map(|x| buf.cell((x, y)).map(|c| c.symbol().to_string()))
        .collect()
}

#[test]
fn an_article_shows_its_source_and_how_many_others_carried_it() {
    let app = from_a_feed();
    let wide = row_text(&render(&app, 64, 4, draw), 1);
    assert!(
        wide.contains("tr 2024-03-06 Anadolu Ha… +2 Ankara'da toplantı"),
        "{wide}"
    );
    let narrow = row_text(&render(&app, 40, 4, draw), 1);
    assert!(!narrow.contains("Anadolu"), "{narrow}");
}
