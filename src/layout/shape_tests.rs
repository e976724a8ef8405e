use super::*;
use crate::corpus::Document;
use crate::layout::{LayoutOptions, layout_document};

/// The display copy: every char replaced by its shaped form where there is one.
fn shaped(text: &str) -> String {
    let forms = shape_display(text);
    assert_eq!(forms.len(), text.len());
    text.char_indices()
        .map(|(i, c)| if forms[i] == '\0' { c } else { forms[i] })
        .collect()
}

#[test]
fn salam_takes_initial_medial_final_and_isolated_forms() {
    // seen initial, lam medial, alef final; meem isolated (alef does not join forward).
    assert_eq!(shaped("سلام"), "\u{FEB3}\u{FEE0}\u{FE8E}\u{FEE1}");
}

#[test]
fn lam_alef_stays_two_code_points() {
    assert_eq!(shaped("لا"), "\u{FEDF}\u{FE8E}");
    // Inside a word: beh initial, lam medial, alef final.
    assert_eq!(shaped("بلا"), "\u{FE91}\u{FEE0}\u{FE8E}");
}

#[test]
fn harakat_stay_and_are_skipped_as_neighbours() {
    let text = "مُحَمَّد";
    let expected = "\u{FEE3}\u{64F}\u{FEA4}\u{64E}\u{FEE4}\u{64E}\u{651}\u{FEAA}";
    assert_eq!(shaped(text), expected);
    let forms = shape_display(text);
    for (i, c) in text.char_indices() {
        if is_combining_mark(c) {
            assert_eq!(forms[i], '\0', "haraka at {i} replaced");
        }
    }
}

#[test]
fn latin_turkish_and_digits_are_untouched() {
    for text in ["Dışişleri Bakanı İstanbul'da", "abc 123 (x)", "٣٤ ١٢"] {
        assert!(shape_display(text).iter().all(|&c| c == '\0'), "{text}");
    }
}

#[test]
fn zwnj_breaks_and_zwj_joins() {
    assert_eq!(shaped("ب\u{200C}ب"), "\u{FE8F}\u{200C}\u{FE8F}");
    assert_eq!(shaped("ب\u{200D}"), "\u{FE91}\u{200D}");
    assert_eq!(shaped("\u{200D}ب"), "\u{200D}\u{FE90}");
}

#[test]
fn tatweel_joins_both_sides_and_stays() {
    assert_eq!(shaped("بـب"), "\u{FE91}\u{640}\u{FE90}");
    assert_eq!(shaped("لـا"), "\u{FEDF}\u{640}\u{FE8E}");
}

#[test]
fn bidi_controls_are_transparent_spaces_are_not() {
    assert_eq!(shaped("ب\u{200F}ب"), "\u{FE91}\u{200F}\u{FE90}");
    assert_eq!(shaped("ب ب"), "\u{FE8F} \u{FE8F}");
}

#[test]
fn letters_without_forms_join_only_as_far_as_they_can_show() {
    // Alef maksura has no initial form in Forms-B: it ends a join, never starts one.
    assert_eq!(shaped("بى"), "\u{FE91}\u{FEF0}");
    assert_eq!(shaped("ىب"), "\u{FEEF}\u{FE8F}");
    // Persian peh has no Forms-B glyph: left as is, and the beh beside it stays isolated.
    assert_eq!(shaped("بپ"), "\u{FE8F}\u{67E}");
}

#[test]
fn table_is_sorted_and_types_match_forms() {
    assert!(table::LETTERS.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(
        table::TRANSPARENT_RANGES
            .windows(2)
            .all(|w| w[0].1 < w[1].0)
    );
    for &(c, joining, ref forms) in table::LETTERS {
        let shown = displayable(joining, forms);
        assert!(
            shown == joining || c == '\u{649}',
            "{c:?}: {joining:?} shown as {shown:?}"
        );
    }
}

#[test]
fn shaping_then_reordering_keeps_one_cell_per_cluster() {
    let doc = Document::from_text("t.txt", "قال لافروف (مُحَمَّد) سلامـ Lavrov ٣٤".to_string());
    let plain = layout_document(&doc, &LayoutOptions::new(80));
    let opts = LayoutOptions {
        shape: true,
        ..LayoutOptions::new(80)
    };
    let shaped_lines = layout_document(&doc, &opts);
    assert_eq!(plain.len(), shaped_lines.len());
    for (p, s) in plain.iter().zip(&shaped_lines) {
        let ranges = |l: &crate::layout::VisualLine| {
            l.cells()
                .map(|c| (c.start, c.end, c.width))
                .collect::<Vec<_>>()
        };
        assert_eq!(ranges(p), ranges(s));
        for (pc, sc) in p.cells().zip(s.cells()) {
            assert_eq!(pc.symbol.chars().count(), sc.symbol.chars().count());
        }
    }
    // The word لافروف reads, right to left, lam-initial alef-final feh-initial reh-final
    // waw-isolated feh-isolated: in visual (left to right) order the reverse.
    let visual = shaped_lines[0].visual();
    assert!(
        visual.contains("\u{FED1}\u{FEED}\u{FEAE}\u{FED3}\u{FE8E}\u{FEDF}"),
        "{visual}"
    );
}
