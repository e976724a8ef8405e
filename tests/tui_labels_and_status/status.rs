//! Bug 8: the status line shortens a message, never its `· saved`; fits the notice
//! summary at 80 columns; is cleared by Esc; the filter in force is shown; a right-to-left
//! title reads right to left there.

use super::common::tui::Harness;
use okur::layout::{Direction, LayoutOptions, layout_line};

const DOCS: [&str; 3] = [
    "Zeytin hasadı başladı\n\n03.11.2020 - 20:35\n\nEge'de zeytin toplanıyor.\n",
    "بوتين يلتقي Erdoğan في أنقرة\n\n11/13/2020\n\nنص الخبر.\n",
    "Ankara'da görüşme\n\n01.02.2021 - 10:00\n\nBakanlar görüştü.\n",
];

fn open(width: u16, height: u16) -> Harness {
    Harness::texts(&DOCS).store().screen(width, height).start()
}

fn status_row(h: &mut Harness) -> String {
    h.screen().last().cloned().unwrap_or_default()
}

#[test]
fn a_long_message_is_shortened_before_saved() {
    let mut h = open(80, 24);
    let tag = "uluslararası ilişkiler ve güvenlik çalışmaları";
    assert_eq!(tag.chars().count(), 46);
    h.keys("t").type_text(tag).keys("Enter");
    assert_eq!(h.status(), format!("tag {tag} added · saved"));
    let row = status_row(&mut h);
    assert!(row.contains("… · saved"), "{row}");
    assert!(row.starts_with("tag uluslararası"), "{row}");
}

#[test]
fn the_notice_summary_fits_at_80_columns() {
    let mut h = open(80, 24);
    let notices: Vec<String> = ["a_blob", "b_blob", "c_blob", "d_blob"]
        .iter()
        .map(|n| format!("docs/{n}.txt: skipped, looks like a binary file"))
        .collect();
    h.app_mut()
        .status
        .say(okur::tui::notices::summary(&notices).expect("a summary"));
    let row = status_row(&mut h);
    assert!(row.starts_with("4 notices"), "{row}");
    assert!(row.contains("first: docs/a_blob.txt: skipped"), "{row}");
}

#[test]
fn escape_clears_the_message() {
    let mut h = open(120, 30);
    h.keys("s");
    assert_eq!(h.status(), "starred · saved");
    h.keys("Esc");
    assert_eq!(h.status(), "");
    let row = status_row(&mut h);
    assert!(row.starts_with("okur · 3 documents"), "{row}");
}

#[test]
fn the_filter_in_force_is_shown() {
    let mut h = open(120, 30);
    h.keys("s / ").type_text("%star").keys("Enter");
    assert_eq!(h.app().list.order(), [0]);
    let title = h.screen()[0].clone();
    assert!(title.contains("/%star"), "{title}");
    h.keys("Esc");
    let title = h.screen()[0].clone();
    assert!(!title.contains("%star"), "{title}");
}

#[test]
fn a_mixed_arabic_title_reads_right_to_left() {
    let mut h = open(120, 30);
    h.keys("j Enter");
    let title = "بوتين يلتقي Erdoğan في أنقرة";
    assert_eq!(h.status(), format!("1.txt — {title}"));
    let rtl = layout_line(title, &LayoutOptions::new(200), Direction::Rtl)
        .expect("laid out")
        .visual();
    let row = status_row(&mut h);
    assert!(row.contains(&format!("1.txt — {rtl}")), "{rtl} in {row}");
}
