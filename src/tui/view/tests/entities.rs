//! The entity panel: kind mark, name (an Arabic one in visual order), mentions here · in
//! the corpus; the highlighted entity and the panel's cursor; why it is empty.

use super::super::entities::draw;
use super::*;

#[test]
fn rows_show_kind_name_and_counts_with_highlight_and_cursor() {
    let mut app = app(&[ERDOGAN]);
    entities(
        &mut app,
        &[
            ("person", "Erdoğan", 3),
            ("place", "Ankara", 12),
            ("date", "03.11.2020", 1),
        ],
        &[(0, "Erdoğan", 0), (0, "Ankara", 1), (0, "03.11.2020", 2)],
    );
    highlight_entity(&mut app, 0);
    entity_cursor(&mut app, 1);
    focus(&mut app, Focus::Entities);
    open(&mut app, 0, 30, 6);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ Entities 3 · here·all ─────┐",
        "│P Erdoğan                2·3│",
        "│L Ankara                1·12│",
        "│D 03.11.2020             1·1│",
        "│                            │",
        "└────────────────────────────┘",
    ]);
    ring(&mut want, t.focus_border);
    paint(&mut want, 1, 1, 28, t.highlight);
    paint(&mut want, 1, 2, 28, t.selected);
    assert_eq!(render(&app, 30, 6, draw), want);
}

#[test]
fn a_narrow_panel_cuts_names_and_keeps_the_counts() {
    let mut app = app(&[ERDOGAN]);
    entities(
        &mut app,
        &[
            ("person", "Erdoğan", 3),
            ("place", "Ankara", 12),
            ("person", "بشار الأسد", 1),
        ],
        &[(0, "Erdoğan", 0), (0, "Ankara", 1)],
    );
    entity_cursor(&mut app, 1);
    focus(&mut app, Focus::Entities);
    open(&mut app, 0, 12, 6);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ Entities ┐",
        "│P Erd… 2·3│",
        "│L An… 1·12│",
        "│P …اشب 0·1│",
        "│          │",
        "└──────────┘",
    ]);
    ring(&mut want, t.focus_border);
    paint(&mut want, 1, 2, 10, t.selected);
    let buf = render(&app, 12, 6, draw);
    assert_eq!(buf, want);
    // Names are cut with `…` at their logical end (an Arabic name's left), never wrapped
    // to their first word: the panel at 80 columns showed `Recep` for Recep Tayyip Erdoğan.
    assert_reads_leftwards(&buf, 3, 6, "بشا…");
    draws_at_every_size(&app, 40, 4, draw);
}

#[test]
fn arabic_names_are_in_visual_order() {
    let mut app = app(&[VISIT]);
    entities(
        &mut app,
        &[
            ("person", "الوزير", 2),
            ("place", "دمشق", 1),
            ("person", "بشار الأسد", 1),
        ],
        &[(0, "الوزير", 0), (0, "دمشق", 1)],
    );
    highlight_entity(&mut app, 0);
    open(&mut app, 0, 30, 5);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ Entities 3 · here·all ─────┐",
        "│P ريزولا                 2·2│",
        "│L قشمد                   1·1│",
        "│P دسألا راشب             0·1│",
        "└────────────────────────────┘",
    ]);
    ring(&mut want, t.border);
    paint(&mut want, 1, 1, 28, t.highlight);
    let buf = render(&app, 30, 5, draw);
    assert_eq!(buf, want);
    assert_reads_leftwards(&buf, 1, 8, "الوزير");
    assert_reads_leftwards(&buf, 2, 6, "دمشق");
    assert_reads_leftwards(&buf, 3, 12, "بشار الأسد");
}

#[test]
fn an_empty_panel_says_why() {
    let app = app(&[ERDOGAN]);
    let t = theme();
    let mut want = Buffer::with_lines([
        "┌ Entities 0 · here·all ───────────────┐",
        "│no people, places or dates found      │",
        "│                                      │",
        "└──────────────────────────────────────┘",
    ]);
    ring(&mut want, t.border);
    paint(&mut want, 1, 1, 32, t.dim);
    assert_eq!(render(&app, 40, 4, draw), want);

    let mut running = app;
    extracting(&mut running, 3, 10);
    let mut want = Buffer::with_lines([
        "┌ Entities · extracting 3/10 ──────────┐",
        "│extracting…                           │",
        "│                                      │",
        "└──────────────────────────────────────┘",
    ]);
    ring(&mut want, t.border);
    paint(&mut want, 1, 1, 11, t.dim);
    assert_eq!(render(&running, 40, 4, draw), want);
    draws_at_every_size(&running, 40, 4, draw);
}
