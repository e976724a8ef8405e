use super::*;
use crate::corpus::Document;

fn seed(name: &str) -> Document {
    let path = format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    Document::from_text(name, std::fs::read_to_string(path).expect("seed exists"))
}

fn para_doc(text: &str) -> Document {
    Document::from_text("t.txt", text.to_string())
}

#[test]
fn ltr_rows_fit_and_are_unchanged() {
    let doc = seed("000_e846ee86f0b51d87.txt");
    for line in layout_document(&doc, &LayoutOptions::new(40)) {
        assert!(line.width() <= 40);
        assert_eq!(line.visual(), line.logical);
        assert_eq!(line.indent, 0);
        assert_eq!(
            &doc.text().expect("reads")[line.start..line.end],
            line.logical
        );
    }
}

#[test]
fn rtl_rows_are_right_aligned_and_reversed() {
    let doc = para_doc("قال لافروف (اليوم)");
    let lines = layout_document(&doc, &LayoutOptions::new(30));
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert_eq!(line.dir, Direction::Rtl);
    assert_eq!(line.indent + line.width(), 30);
    assert_eq!(line.visual(), "(مويلا) فورفال لاق");
}

#[test]
fn cells_keep_logical_byte_ranges() {
    let doc = para_doc("قال Lavrov اليوم");
    let line = &layout_document(&doc, &LayoutOptions::new(80))[0];
    for cell in line.cells() {
        let src = &doc.text().expect("reads")[cell.start..cell.end];
        let sym = cell.symbol;
        assert!(
            src == sym
                || unicode_bidi_mirroring::get_mirrored(src.chars().next().unwrap_or(' '))
                    .is_some()
        );
    }
}

#[test]
fn seed_003_is_rtl_and_every_row_fits() {
    let doc = seed("003_604562b84a66c7a6.txt");
    for width in [40, 80, 120] {
        for line in layout_document(&doc, &LayoutOptions::new(width)) {
            assert!(line.indent + line.width() <= width);
        }
    }
    let first = &layout_document(&doc, &LayoutOptions::new(80))[0];
    assert_eq!(first.dir, Direction::Rtl);
}

#[test]
fn doc_layout_is_lazy_and_toggles_direction() {
    let doc = seed("003_604562b84a66c7a6.txt");
    let mut layout = DocLayout::new(LayoutOptions::new(80));
    layout.ensure_rows(&doc, 3);
    assert!(!layout.is_complete(&doc));
    layout.ensure_all(&doc);
    let full = layout.row_count();
    layout.toggle_direction(&doc, 0);
    layout.ensure_all(&doc);
    assert_eq!(layout.row_count(), full);
    match layout.row(0) {
        Some(PaneRow::Text(line)) => assert_eq!(line.dir, Direction::Ltr),
        other => panic!("unexpected first row {other:?}"),
    }
}

#[test]
fn resizing_back_keeps_the_rows_made_at_that_width() {
    let doc = seed("003_604562b84a66c7a6.txt");
    let mut layout = DocLayout::new(LayoutOptions::new(80));
    layout.ensure_all(&doc);
    let at_80 = layout.row_count();
    for width in [40, 60] {
        layout.set_options(LayoutOptions::new(width));
        assert_eq!(layout.row_count(), 0, "width {width} starts empty");
        layout.ensure_all(&doc);
    }
    layout.set_options(LayoutOptions::new(80));
    assert_eq!(
        layout.row_count(),
        at_80,
        "80 columns kept, nothing laid out again"
    );
    assert!(layout.is_complete(&doc));
    let mut fresh = DocLayout::new(LayoutOptions::new(80));
    fresh.ensure_all(&doc);
    assert!(
        (0..at_80).all(|i| layout.row(i) == fresh.row(i)),
        "the same rows"
    );
    // Three widths are kept: the fourth pushes out the oldest (40).
    layout.set_options(LayoutOptions::new(100));
    layout.set_options(LayoutOptions::new(40));
    assert_eq!(layout.row_count(), 0, "40 was dropped");
}

#[test]
fn a_flipped_paragraph_is_flipped_at_every_kept_width() {
    let doc = seed("003_604562b84a66c7a6.txt");
    let mut layout = DocLayout::new(LayoutOptions::new(80));
    layout.ensure_all(&doc);
    layout.set_options(LayoutOptions::new(40));
    layout.ensure_all(&doc);
    layout.toggle_direction(&doc, 0);
    layout.set_options(LayoutOptions::new(80));
    layout.ensure_rows(&doc, 1);
    match layout.row(0) {
        Some(PaneRow::Text(line)) => assert_eq!(line.dir, Direction::Ltr),
        other => panic!("unexpected first row {other:?}"),
    }
}

#[test]
fn tabs_controls_and_bidi_controls_do_not_overflow() {
    let doc = para_doc("a\tb\u{200F}c\u{202E}d\u{202C} ﻻ لا ـــ ٣٤");
    for line in layout_document(&doc, &LayoutOptions::new(5)) {
        assert!(line.indent + line.width() <= 5);
    }
}

#[test]
fn thousands_of_nested_embeddings_do_not_panic() {
    let text = "\u{202B}ا".repeat(5000) + &"\u{202C}".repeat(5000);
    let doc = para_doc(&text);
    let lines = layout_document(&doc, &LayoutOptions::new(80));
    assert!(!lines.is_empty());
}

#[test]
fn harakat_off_leaves_the_marks_out_of_the_cells_only() {
    let doc = para_doc("وبيّنَ لافروف");
    let with = layout_document(&doc, &LayoutOptions::new(30));
    let opts = LayoutOptions {
        harakat: false,
        ..LayoutOptions::new(30)
    };
    let without = layout_document(&doc, &opts);
    assert_eq!(without[0].visual(), "فورفال نيبو");
    assert_eq!(with[0].visual(), "فورفال ن\u{64e}ي\u{651}بو");
    // Same cells, same widths, same logical ranges: only the drawn symbols differ.
    let ranges = |l: &VisualLine| {
        l.cells()
            .map(|c| (c.start, c.end, c.width))
            .collect::<Vec<_>>()
    };
    assert_eq!(ranges(&with[0]), ranges(&without[0]));
    assert_eq!(with[0].logical, without[0].logical);
}

/// The cells of `text` laid out alone at 80 columns with `opts`' display options, each as
/// (symbol, start, end, width).
fn cells_of(text: &str, opts: LayoutOptions) -> Vec<(String, usize, usize, usize)> {
    layout_document(&para_doc(text), &opts)
        .iter()
        .flat_map(|l| {
            l.cells()
                .map(|c| (c.symbol.to_string(), c.start, c.end, c.width))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_cell_draws_at_most_thirty_marks_of_its_cluster_and_keeps_all_its_bytes() {
    let cap = super::lines::MAX_CELL_MARKS;
    let shaped = LayoutOptions {
        shape: true,
        harakat: false,
        ..LayoutOptions::new(80)
    };
    // A Latin letter under 1,000 acute accents (plain path), an Arabic one under 1,000
    // harakat and one under 1,000 enclosing circles (full segmentation), and 1,000 marks
    // with no letter: one cell each, the bytes of the whole cluster, `cap` marks drawn.
    let cases = [
        ("a", "\u{301}", " Ankara", LayoutOptions::new(80)),
        ("ب", "\u{651}\u{64E}", " كتب", LayoutOptions::new(80)),
        ("ب", "\u{651}\u{20DD}", " كتب", shaped),
        ("", "\u{301}", " b", LayoutOptions::new(80)),
    ];
    for (base, marks, tail, opts) in cases {
        let cluster = format!("{base}{}", marks.repeat(1000 / marks.chars().count()));
        let text = format!("{cluster}{tail}");
        let cells = cells_of(&text, opts);
        assert_eq!(cells.len(), 1 + tail.chars().count(), "{base}{marks}");
        let big = cells
            .iter()
            .find(|c| c.1 == 0)
            .expect("the cluster has a cell");
        assert_eq!(
            (big.2, big.3),
            (cluster.len(), 1),
            "whole cluster, one cell"
        );
        // The letter (or a dotted circle), then `cap` marks of the cluster (with harakat
        // off, of those left: the enclosing circles).
        assert_eq!(big.0.chars().count(), 1 + cap, "{base}{marks}: {}", big.0);
        assert!(big.0.len() <= 4 + 4 * cap);
        assert!(big.0.chars().skip(1).all(|c| marks.contains(c)));
        // Every other cell still shows its own character of the text.
        for (symbol, start, end, _) in cells.iter().filter(|c| c.1 > 0) {
            let source = &text[*start..*end];
            assert!(
                source == symbol || opts.shape,
                "{source:?} drawn as {symbol:?}"
            );
        }
    }
}
