//! The help overlay: the keymap's lines in columns, centred; scrolled with a mark on the
//! bottom border when they do not fit.

use std::ops::Range;

use super::super::help::draw;
use super::*;

/// Sets the heading style on the keys of a help column in an expected buffer: on each row
/// of `rows`, from column `x` to the last letter within the `width` cells of the keys.
fn keys(buf: &mut Buffer, x: u16, width: u16, rows: Range<u16>) {
    for y in rows {
        let last = (x..x + width).rev().find(|&c| buf[(c, y)].symbol() != " ");
        if let Some(last) = last {
            paint(buf, x, y, last + 1 - x, theme().heading);
        }
    }
}

/// The box of the help at `(x, y)` in an expected buffer: the frame in the focused pane's
/// style, its keys in the heading style.
fn help_box(buf: &mut Buffer, area: Rect, key_columns: &[u16]) {
    let style = theme().focus_border;
    paint(buf, area.x, area.y, area.width, style);
    paint(buf, area.x, area.bottom() - 1, area.width, style);
    for y in area.y + 1..area.bottom() - 1 {
        paint(buf, area.x, y, 1, style);
        paint(buf, area.right() - 1, y, 1, style);
    }
    for &x in key_columns {
        keys(buf, x, 10, area.y + 1..area.bottom() - 1);
    }
}

#[test]
fn every_line_fits_in_two_columns_centred_on_the_screen() {
    let mut app = app(&[ERDOGAN]);
    help(&mut app, 0);
    let mut want = Buffer::with_lines([
        "                                                                                          ",
        " ┌ Keys · Esc closes ───────────────────────────────────────────────────────────────────┐ ",
        " │1…9        custom labels (config)          v          start/end selection             │ ",
        " │j / ↓      down                            y          copy (OSC 52, logical)          │ ",
        " │k / ↑      up                              Y          copy the article's url          │ ",
        " │← / h      caret left (as seen)            p          label person                    │ ",
        " │→          caret right (as seen)           l          label place                     │ ",
        " │w          next word                       d          label date                      │ ",
        " │b          previous word                   L          label every occurrence          │ ",
        " │)          next sentence                   D          remove label here               │ ",
        " │(          previous sentence               a          accept suggestion               │ ",
        " │PgDn       page down                       x          reject suggestion (all)         │ ",
        " │PgUp       page up                         A          accept entity (all forms)       │ ",
        " │g / Home   first row                       u          undo                            │ ",
        " │G / End    last row                        Ctrl-R     redo                            │ ",
        " │Enter      open doc / select entity        s          star / unstar                   │ ",
        " │Tab        next pane                       X          archive / unarchive             │ ",
        " │Shift-Tab  previous pane                   r          cycle relevance                 │ ",
        " │/          filter line                     R          mark read / unread              │ ",
        " │F / Ctrl-F find in this article            t          add or remove a tag             │ ",
        " │Space      mark document, next row         m          edit note                       │ ",
        " │*          mark all listed / none          T          display: bidi / shaping         │ ",
        " │n          next mention/match              U          fetch followed feeds            │ ",
        " │N          prev mention/match              O          reload files from disk          │ ",
        " │J          next unread document            ?          this help                       │ ",
        " │K          previous unread document        Esc        close, clear selection/filters  │ ",
        " │f          list docs with entity           q / Ctrl-C quit                            │ ",
        " │e          show/hide entity panel          Ctrl-Z     suspend (fg resumes)            │ ",
        " │B          flip paragraph RTL/LTR          Ctrl-L     redraw (terminal set up again)  │ ",
        " │o          sort: file/date/title/…                                                    │ ",
        " └──────────────────────────────────────────────────────────────────────────────────────┘ ",
        "                                                                                          ",
    ]);
    help_box(&mut want, Rect::new(1, 1, 88, 30), &[2, 45]);
    assert_eq!(render(&app, 90, 32, draw), want);
}

#[test]
fn scrolled_it_says_more_is_above_and_below() {
    let mut app = app(&[ERDOGAN]);
    help(&mut app, 3);
    let mut want = Buffer::with_lines([
        "       ┌ Keys · Esc closes ────────────────────────┐        ",
        "       │← / h      caret left (as seen)            │        ",
        "       │→          caret right (as seen)           │        ",
        "       │w          next word                       │        ",
        "       │b          previous word                   │        ",
        "       │)          next sentence                   │        ",
        "       │(          previous sentence               │        ",
        "       │PgDn       page down                       │        ",
        "       │PgUp       page up                         │        ",
        "       │g / Home   first row                       │        ",
        "       │G / End    last row                        │        ",
        "       └ ↑ more above · ↓ more below ──────────────┘        ",
    ]);
    help_box(&mut want, Rect::new(7, 0, 45, 12), &[8]);
    assert_eq!(render(&app, 60, 12, draw), want);
}

#[test]
fn scrolled_past_its_end_it_stops_at_the_last_line() {
    let mut app = app(&[ERDOGAN]);
    help(&mut app, 100);
    let mut want = Buffer::with_lines([
        "       ┌ Keys · Esc closes ────────────────────────┐        ",
        "       │t          add or remove a tag             │        ",
        "       │m          edit note                       │        ",
        "       │T          display: bidi / shaping         │        ",
        "       │U          fetch followed feeds            │        ",
        "       │O          reload files from disk          │        ",
        "       │?          this help                       │        ",
        "       │Esc        close, clear selection/filters  │        ",
        "       │q / Ctrl-C quit                            │        ",
        "       │Ctrl-Z     suspend (fg resumes)            │        ",
        "       │Ctrl-L     redraw (terminal set up again)  │        ",
        "       └ ↑ more above · j/k scroll ────────────────┘        ",
    ]);
    help_box(&mut want, Rect::new(7, 0, 45, 12), &[8]);
    assert_eq!(render(&app, 60, 12, draw), want);
}

#[test]
fn a_narrow_help_cuts_descriptions_and_never_panics() {
    let mut app = app(&[ERDOGAN]);
    help(&mut app, 0);
    let mut want = Buffer::with_lines([
        "┌ Keys · Esc closes ─────────┐",
        "│1…9        custom labels (co│",
        "│j / ↓      down             │",
        "│k / ↑      up               │",
        "│← / h      caret left (as se│",
        "│→          caret right (as s│",
        "│w          next word        │",
        "└ ↓ more below · j/k scroll ─┘",
    ]);
    help_box(&mut want, Rect::new(0, 0, 30, 8), &[1]);
    assert_eq!(render(&app, 30, 8, draw), want);
    draws_at_every_size(&app, 40, 4, draw);
}
