//! Bug 7: tags and the note are shown (a tags column and a note marker in the list, the
//! note above the article), a tag with a space is filtered as `%tag:"two words"`, and `!`
//! negates the state words of the filter line.

use super::common::tui::{Harness, corpus_of};
use okur::corpus::Corpus;
use okur::layout::{Direction, LayoutOptions, layout_line};
use okur::store::Change;
use ratatui::style::Modifier;

/// Five short articles, the second in Arabic.
const DOCS: [&str; 5] = [
    "Zeytin hasadı başladı\n\n03.11.2020 - 20:35\n\nEge'de zeytin toplanıyor.\n",
    "لقاء في موسكو\n\n11/13/2020\n\nنص الخبر عن اللقاء.\n",
    "Ankara'da görüşme\n\n01.02.2021 - 10:00\n\nBakanlar görüştü.\n",
    "Meclis tatile girdi\n\n15.07.2019 - 09:00\n\nMeclis kapandı.\n",
    "Ekonomi notları\n\n20.12.2020 - 12:00\n\nEnflasyon açıklandı.\n",
];

/// The Arabic document's note: Arabic with a Latin name inside.
const NOTE: &str = "راجع تصريح Reuters غدا";

/// Document 0 read and tagged `suriye`; 1 starred, with a note; 2 starred and tagged
/// `iki kelime`; 3 tagged `iki`.
fn triaged(c: &Corpus) -> Vec<Change> {
    let doc = |i: usize| c.docs[i].key.clone();
    let tag = |i: usize, tag: &str| Change::Tag {
        doc: doc(i),
        tag: tag.into(),
        value: true,
    };
    let star = |i: usize| Change::Star {
        doc: doc(i),
        value: true,
    };
    vec![
        Change::Read {
            doc: doc(0),
            value: true,
        },
        tag(0, "suriye"),
        star(1),
        Change::Note {
            doc: doc(1),
            value: NOTE.into(),
        },
        star(2),
        tag(2, "iki kelime"),
        tag(3, "iki"),
    ]
}

fn open() -> Harness {
    open_at(120)
}

/// As [`open`], on a screen `width` columns wide.
fn open_at(width: u16) -> Harness {
    Harness::texts(&DOCS)
        .store()
        .changes(triaged(&corpus_of(&DOCS)))
        .screen(width, 30)
        .start()
}

/// The list with `filter` on the filter line (kept with Enter).
fn filtered(h: &mut Harness, filter: &str) -> Vec<usize> {
    h.keys("Esc /").type_text(filter).keys("Enter");
    h.app().list.order().to_vec()
}

#[test]
fn the_list_shows_tags_and_a_note_marker() {
    let mut h = open_at(160);
    h.keys("e");
    let panes = h.prepare();
    let rows = h.inside(panes.list);
    assert!(rows[0].contains("#suriye"), "{rows:#?}");
    assert!(rows[1].contains('✎'), "{rows:#?}");
    assert!(rows[2].contains("#\"iki kelime\""), "{rows:#?}");
    assert!(
        !rows[4].contains('#') && !rows[4].contains('✎'),
        "{rows:#?}"
    );
}

#[test]
fn the_note_is_shown_dimmed_above_the_article_in_its_direction() {
    let mut h = open();
    h.keys("j Enter");
    let panes = h.prepare();
    let rows = h.inside(panes.reader);
    let wide = LayoutOptions::new(200);
    let note = layout_line(NOTE, &wide, Direction::Rtl)
        .expect("laid out")
        .visual();
    assert!(rows[0].contains(&note), "{note} in {rows:#?}");
    let title = layout_line("لقاء في موسكو", &wide, Direction::Rtl)
        .expect("laid out")
        .visual();
    assert!(
        rows[1].contains(&title),
        "the article starts below: {rows:#?}"
    );
    let area = panes.reader.expect("reader");
    let buf = h.buffer();
    let letter = (area.x + 1..area.x + area.width - 1)
        .find(|&x| buf[(x, area.y + 1)].symbol() == "غ")
        .expect("the note's last word is drawn");
    let style = buf[(letter, area.y + 1)].style();
    assert!(style.add_modifier.contains(Modifier::DIM), "{style:?}");
}

#[test]
fn a_tag_with_a_space_is_filtered_in_quotes() {
    let mut h = open();
    assert_eq!(filtered(&mut h, "%tag:\"iki kelime\""), [2]);
    assert_eq!(filtered(&mut h, "%tag:iki"), [3]);
    // Folded like every other filter word: case and diacritics do not matter.
    assert_eq!(filtered(&mut h, "%tag:\"İKİ KELİME\""), [2]);
    assert_eq!(filtered(&mut h, "%tag:Suriye"), [0]);
}

#[test]
fn a_bang_negates_the_state_words() {
    let mut h = open();
    assert_eq!(filtered(&mut h, "!%star"), [0, 3, 4]);
    assert_eq!(filtered(&mut h, "!%unread"), [0]);
    assert_eq!(filtered(&mut h, "!%read"), [1, 2, 3, 4]);
    assert_eq!(filtered(&mut h, "!%tag:iki"), [0, 1, 2, 4]);
    assert_eq!(filtered(&mut h, "%star !%tag:\"iki kelime\""), [1]);
}
