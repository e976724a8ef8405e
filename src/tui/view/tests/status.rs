//! The status line: the message (its `· saved` always shown, an Arabic title laid out right
//! to left) and the key hints; the prompt with its caret.

use ratatui::style::Modifier;

use super::super::status::draw;
use super::*;

/// The caret in a prompt: the status line's colours the other way round.
fn caret() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

#[test]
fn a_message_on_the_left_and_key_hints_on_the_right() {
    let mut app = app(&[ERDOGAN]);
    say(&mut app, "sorted by date");
    let mut want = rows(["sorted by date                 ? this help  q quit"]);
    paint(&mut want, 0, 0, 50, theme().status);
    assert_eq!(render(&app, 50, 1, draw), want);
}

#[test]
fn a_long_title_is_cut_and_saved_still_shows() {
    let mut app = app(&[ERDOGAN]);
    say(&mut app, "a.txt — Erdoğan Ankara'da konuştu · saved");
    let mut want = rows(["a.txt — Erdoğan Ankar… · saved ? this help  q quit"]);
    paint(&mut want, 0, 0, 50, theme().status);
    assert_eq!(render(&app, 50, 1, draw), want);
}

#[test]
fn a_narrow_status_line_cuts_the_message_and_the_prompt_keeps_its_caret_in_view() {
    let mut app = app(&[ERDOGAN]);
    say(&mut app, "sorted by date");
    let t = theme();
    let mut want = rows(["sorted by… ? this help  q quit"]);
    paint(&mut want, 0, 0, 30, t.status);
    assert_eq!(render(&app, 30, 1, draw), want);

    // The caret at the end: the start of the text gives way.
    prompt(&mut app, "Cumhurbaşkanı", None);
    let mut want = rows(["mhurbaşkanı█"]);
    paint(&mut want, 0, 0, 12, t.status);
    assert_eq!(render(&app, 12, 1, draw), want);

    // The caret at the start: the end of the text gives way.
    prompt(&mut app, "Cumhurbaşkanı", Some(0));
    let mut want = rows(["/Cumhurbaşka"]);
    paint(&mut want, 0, 0, 12, t.status);
    paint(&mut want, 1, 0, 1, caret());
    assert_eq!(render(&app, 12, 1, draw), want);
    draws_at_every_size(&app, 40, 2, draw);
}

#[test]
fn a_screen_one_row_high_leaves_no_row_for_the_status_line() {
    let mut app = app(&[ERDOGAN]);
    say(&mut app, "sorted by date");
    let status = super::super::panes(Rect::new(0, 0, 30, 1), &app).status;
    assert_eq!(status.height, 0);
    let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
    draw(&app, status, &mut buf);
    assert_eq!(buf, Buffer::empty(Rect::new(0, 0, 30, 1)));
}

#[test]
fn an_arabic_title_reads_right_to_left_and_is_cut_at_its_left_end() {
    let mut app = app(&[VISIT]);
    say(&mut app, "a.txt — زار الوزير دمشق · saved");
    let mut want = rows(["a.txt — …مد ريزولا راز · saved ? this help  q quit"]);
    paint(&mut want, 0, 0, 50, theme().status);
    let buf = render(&app, 50, 1, draw);
    assert_eq!(buf, want);
    assert_reads_leftwards(&buf, 0, 21, "زار الوزير دم…");
}

#[test]
fn arabic_typed_in_the_prompt_reads_right_to_left_with_the_caret_on_its_letter() {
    let mut app = app(&[VISIT]);
    // The caret before `م`, the second letter of `دمشق` (after the two bytes of `د`).
    prompt(&mut app, "دمشق", Some(2));
    let mut want = rows(["/قشمد               "]);
    paint(&mut want, 0, 0, 20, theme().status);
    paint(&mut want, 3, 0, 1, caret());
    let buf = render(&app, 20, 1, draw);
    assert_eq!(buf, want);
    assert_reads_leftwards(&buf, 0, 4, "دمشق");
    assert_eq!(buf[(3, 0)].symbol(), "م");
}

#[test]
fn a_long_arabic_prompt_keeps_its_end_and_the_caret_in_view() {
    // `سلام` and `كلام` each have a lam-alef: ten cells in all, eight in a string's width.
    let mut app = app(&[VISIT]);
    prompt(&mut app, "سلام كلام", None);
    let mut want = rows(["مالك ما█"]);
    paint(&mut want, 0, 0, 8, theme().status);
    let buf = render(&app, 8, 1, draw);
    assert_eq!(buf, want);
    assert_reads_leftwards(&buf, 0, 6, "ام كلام");
}

#[test]
fn an_empty_status_says_what_is_listed_and_an_empty_prompt_shows_its_caret() {
    let mut app = app(&[]);
    let t = theme();
    let mut want = rows(["okur · 0 documents   ? this help  q quit"]);
    paint(&mut want, 0, 0, 40, t.status);
    assert_eq!(render(&app, 40, 1, draw), want);

    prompt(&mut app, "", None);
    let mut want = rows(["/█                  "]);
    paint(&mut want, 0, 0, 20, t.status);
    assert_eq!(render(&app, 20, 1, draw), want);
}
