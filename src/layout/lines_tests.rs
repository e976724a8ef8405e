//! The rows made piece by piece (levels resolved in chunks, shaping per row, rows resumed
//! from an index) against a reference that lays the whole paragraph out at once, as okur
//! did before: clusters of the whole text, levels of the whole paragraph, forms of the whole
//! paragraph. Chunks are made tiny here so that every paragraph is cut many times.

use proptest::prelude::*;

use super::lines::{ParaLines, Resume};
use super::shape::shape_display;
use super::*;
use crate::corpus::{Document, ParaKind};

/// Tokens the paragraphs are made of: Arabic with harakat, Turkish, digits of both kinds,
/// brackets (paired across cuts or not), punctuation, spaces and tabs, and now and then an
/// explicit embedding or isolate (after which a paragraph is not cut).
const TOKENS: &[&str] = &[
    "قال",
    "لافروف",
    "مُحَمَّد",
    "وبيّنَ",
    "ﻻ",
    "لا",
    "ـــ",
    "١٢٣",
    "٤٥",
    "؟",
    "،",
    "Dışişleri",
    "Bakanı",
    "Lavrov",
    "İstanbul",
    "2020",
    "12.5%",
    "$3",
    "-7",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "{",
    "}",
    "<",
    ">",
    ".",
    ",",
    ":",
    "'",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\u{200D}",
    "\u{200F}",
    "\u{64E}",
    "界",
    "👍🏽",
    "🇹🇷",
    "a\u{301}",
];
const EXPLICIT: &[&str] = &["\u{202B}", "\u{202C}", "\u{2067}", "\u{2069}", "\u{202E}"];

fn paragraph() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        40 => proptest::sample::select(TOKENS).prop_map(str::to_string),
        1 => proptest::sample::select(EXPLICIT).prop_map(str::to_string),
    ];
    proptest::collection::vec(token, 0..120).prop_map(|t| t.join(" "))
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    (1usize..40, any::<bool>(), 0u8..3, any::<bool>()).prop_map(|(width, shape, bidi, harakat)| {
        LayoutOptions {
            width,
            shape,
            bidi: [BidiMode::App, BidiMode::Terminal, BidiMode::Off][usize::from(bidi)],
            harakat,
        }
    })
}

/// A paragraph of `text`, as if it stood 7 bytes into its document (so that offsets in the
/// paragraph and in the document differ).
fn para_of(text: &str) -> Paragraph {
    Paragraph::of_range(7, text.len(), ParaKind::Body)
}

/// The whole-paragraph layout okur used before rows were made one at a time.
fn reference(
    (para, text): (&Paragraph, &str),
    opts: &LayoutOptions,
    dir: Direction,
) -> Vec<VisualLine> {
    let mut units = clusters(text);
    for unit in units.iter_mut().filter(|u| u.width > opts.width) {
        unit.width = opts.width;
        unit.replaced = true;
    }
    let info = paragraph_levels(text, Some(dir));
    let forms = shape_display(text);
    wrap_clusters(&units, opts.width)
        .into_iter()
        .map(|range| {
            let line_units = &units[range];
            let ordered = match opts.bidi {
                BidiMode::App => level_runs_order(&info, line_units),
                _ => line_units.to_vec(),
            };
            let (s, e) = (line_units[0].start, line_units[line_units.len() - 1].end);
            // Only the order and the forms differ between the two paths: take the symbols
            // from a one-row layout of exactly this row's clusters in that order.
            let mut line = VisualLine::new(0, dir, para.to_doc(s), para.to_doc(e));
            line.logical = text[s..e].to_string();
            for u in ordered.iter().filter(|u| u.width > 0) {
                let symbol = symbol_of(text, u, opts, &forms);
                line.push_cell(u.width, para.to_doc(u.start), para.to_doc(u.end), |out| {
                    out.push_str(&symbol)
                });
            }
            line.indent = match (dir, opts.bidi) {
                (Direction::Rtl, BidiMode::App | BidiMode::Terminal) => {
                    opts.width.saturating_sub(line.width())
                }
                _ => 0,
            };
            line
        })
        .collect()
}

/// A cell's symbol as the old code drew it, from the whole paragraph's forms.
fn symbol_of(text: &str, u: &Cluster, opts: &LayoutOptions, forms: &[char]) -> String {
    let raw = &text[u.start..u.end];
    if u.replaced {
        return " ".repeat(u.width);
    }
    if u.orphan_mark {
        return format!("\u{25CC}{raw}");
    }
    let mut chars = raw.chars();
    let mut first = chars.next().unwrap_or(' ');
    if opts.shape && forms[u.start] != '\0' {
        first = forms[u.start];
    }
    if opts.bidi == BidiMode::App && u.rtl {
        first = unicode_bidi_mirroring::get_mirrored(first).unwrap_or(first);
    }
    let rest: String = if opts.harakat {
        chars.as_str().to_string()
    } else {
        chars.filter(|&c| !crate::text::is_arabic_mark(c)).collect()
    };
    format!("{first}{rest}")
}

fn chunked(
    para: (&Paragraph, &str),
    opts: &LayoutOptions,
    dir: Direction,
    chunk: usize,
) -> Vec<VisualLine> {
    let at = Resume {
        row: 0,
        cut: 0,
        chunk,
    };
    ParaLines::resume(para, 0, opts, dir, at).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn rows_made_in_pieces_equal_the_whole_paragraph_layout(
        text in paragraph(),
        opts in options(),
        rtl in any::<bool>(),
        chunk in 1usize..48,
    ) {
        let para = para_of(&text);
        let dir = if rtl { Direction::Rtl } else { Direction::Ltr };
        let expected = reference((&para, &text), &opts, dir);
        prop_assert_eq!(&chunked((&para, &text), &opts, dir, chunk), &expected);
        prop_assert_eq!(&layout_paragraph(&para, &text, 0, &opts, Some(dir)), &expected);
    }

    #[test]
    fn a_row_resumed_from_its_start_and_a_cut_equals_the_row_made_in_order(
        text in paragraph(),
        opts in options(),
        chunk in 1usize..48,
    ) {
        let para = para_of(&text);
        let dir = base_direction(&text);
        let all = chunked((&para, &text), &opts, dir, chunk);
        let mut cuts = vec![0];
        let mut cutter = super::levels::Cutter::new(&text, chunk, 0);
        while let Some(piece) = cutter.next_piece() {
            cuts.push(piece.end);
        }
        for (i, line) in all.iter().enumerate() {
            let row = para.to_para(line.start).unwrap_or(0);
            let cut = cuts[cuts.partition_point(|&c| c <= row) - 1];
            let at = Resume { row, cut, chunk };
            let resumed = ParaLines::resume((&para, &text), 0, &opts, dir, at).next();
            prop_assert_eq!(resumed.as_ref(), Some(line), "row {}", i);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_index_finds_the_rows_the_layout_makes(text in paragraph(), width in 1usize..40) {
        let para = para_of(&text);
        let mut starts = Vec::new();
        super::wrap::line_starts(&text, width, |s| starts.push(s));
        let rows: Vec<usize> = layout_paragraph(&para, &text, 0, &LayoutOptions::new(width), None)
            .iter()
            .map(|l| para.to_para(l.start).unwrap_or(usize::MAX))
            .collect();
        prop_assert_eq!(starts, rows);
    }
}

#[test]
fn plain_clusters_take_the_widths_of_the_full_path() {
    let plain: Vec<char> = (0u32..0x2100)
        .filter_map(char::from_u32)
        .filter(|&c| clusters(&c.to_string()).len() == 1)
        .collect();
    for c in plain {
        for text in [
            format!("{c}"),
            format!("{c}\u{64E}\u{651}"),
            format!("{c}\u{301}"),
        ] {
            let fast = clusters(&text);
            let g = unicode_segmentation::UnicodeSegmentation::graphemes(text.as_str(), true)
                .next()
                .unwrap_or("");
            if fast.len() == 1 && g.len() == text.len() {
                assert_eq!(fast[0], super::wrap::full_cluster(0, g), "{text:?}");
            }
        }
    }
}

#[test]
fn long_paragraphs_are_cut_where_nothing_crosses() {
    let text = "Lavrov (قال) ".repeat(20) + "\u{202B}" + &"x ".repeat(50);
    let mut cutter = super::levels::Cutter::new(&text, 16, 0);
    let mut pieces = Vec::new();
    while let Some(p) = cutter.next_piece() {
        pieces.push(p);
    }
    assert!(pieces.len() > 5, "{pieces:?}");
    let embedding = text.find('\u{202B}').expect("has one");
    assert!(
        pieces
            .iter()
            .all(|p| p.end <= embedding || p.end == text.len())
    );
    assert!(
        pieces[..pieces.len() - 1]
            .iter()
            .all(|p| text[..p.end].matches('(').count() == text[..p.end].matches(')').count()),
        "no cut inside brackets"
    );
}

#[test]
fn the_document_layout_shows_the_same_rows_as_the_eager_layout() {
    let mut text = String::from("Başlık\n\n");
    for i in 0..300 {
        text.push_str(&format!(
            "Paragraf {i}: قال لافروف (اليوم) Dışişleri Bakanı.\n\n"
        ));
    }
    text.push_str(&"طويل long ".repeat(20_000));
    let doc = Document::from_text("t.txt", text);
    let opts = LayoutOptions::new(33);
    let eager: Vec<VisualLine> = layout_document(&doc, &opts);
    let mut layout = DocLayout::new(opts);
    layout.ensure_all(&doc);
    let text_rows: Vec<usize> = (0..layout.row_count())
        .filter(|&r| !matches!(layout.row(r), Some(PaneRow::Blank)))
        .collect();
    assert_eq!(text_rows.len(), eager.len());
    for (k, line) in eager.iter().enumerate().step_by(97) {
        let row = text_rows[k];
        layout.ensure_offset(&doc, line.start);
        assert_eq!(layout.row_of_offset(line.start), Some(row));
        assert_eq!(layout.row(row), Some(PaneRow::Text(line)), "row {row}");
    }
}

#[test]
fn only_a_window_of_rows_is_laid_out_whatever_the_length() {
    // Before, every row up to the end of the document was kept laid out, cells and all.
    let doc = Document::from_text("t.txt", "söz kelime sözcük ".repeat(100_000));
    let mut layout = DocLayout::new(LayoutOptions::new(40));
    layout.ensure_all(&doc);
    assert!(layout.row_count() > 40_000);
    assert!(layout.laid_out_rows() <= 2 * super::document::WINDOW);
    // Four bytes a line start (eight as `usize`s), and the paragraphs' 16 bytes each.
    assert!(layout.index_bytes() <= 6 * layout.row_count());
}
