//! The end of a long document wrapped first (`G`), its rows numbered from an estimate:
//! every row shown is the row a whole index shows, counted from the end, and the numbers
//! become the whole index's once the rows before the end are wrapped.

use super::*;
use crate::corpus::Document;

/// Paragraphs of very different lengths (a word to a dozen lines at 40 columns), so that
/// the lines per byte of the end are not those of the rest.
fn uneven_doc() -> Document {
    let words = [
        "Ankara",
        "bugün",
        "قال",
        "لافروف",
        "görüşme",
        "uzun",
        "sürdü",
        "اليوم",
    ];
    let mut text = String::new();
    for p in 0..1500usize {
        let n = 1 + (p * 37) % 90;
        let para: Vec<&str> = (0..n).map(|i| words[(p + i * 3) % words.len()]).collect();
        text.push_str(&para.join(" "));
        text.push_str(if p % 7 == 0 { ".\n\n\n" } else { ".\n\n" });
    }
    Document::from_text("uneven.txt", text)
}

fn text_of(row: Option<PaneRow<'_>>) -> Option<String> {
    match row? {
        PaneRow::Text(line) => Some(line.logical.clone()),
        PaneRow::Blank => Some(String::new()),
    }
}

/// The layout at 40 columns that estimates the end of anything over 1 KB.
fn estimating() -> DocLayout {
    DocLayout::new(LayoutOptions::new(40)).estimating_above(1000)
}

/// An estimating layout after `G`.
fn at_the_end(doc: &Document) -> DocLayout {
    let mut layout = estimating();
    layout.ensure_rows(doc, usize::MAX);
    layout
}

fn whole(doc: &Document) -> DocLayout {
    let mut full = DocLayout::new(LayoutOptions::new(40));
    full.ensure_all(doc);
    full
}

/// Row `row` of the whole index, laid out if it was not.
fn whole_row(full: &mut DocLayout, doc: &Document, row: usize) -> Option<String> {
    full.ensure_rows(doc, row + 1);
    text_of(full.row(row))
}

/// Moves `row` with the layout's changes of row numbers, as the reader moves its cursor.
fn follow(layout: &mut DocLayout, row: usize) -> usize {
    layout.take_shifts().iter().fold(row, |r, s| s.apply(r))
}

#[test]
fn the_end_is_wrapped_alone_and_shows_the_rows_of_the_whole_index() {
    let doc = uneven_doc();
    let full = whole(&doc);
    let mut layout = estimating();
    layout.ensure_rows(&doc, 5);
    layout.ensure_rows(&doc, usize::MAX);
    assert!(!layout.is_complete(&doc), "only the end was wrapped");
    let (rows, all) = (layout.row_count(), full.row_count());
    for back in 1..=400 {
        assert_eq!(
            text_of(layout.row(rows - back)),
            text_of(full.row(all - back)),
            "row {back} from the end"
        );
    }
}

#[test]
fn paging_up_from_the_end_meets_every_row_of_the_whole_index() {
    let doc = uneven_doc();
    let mut full = whole(&doc);
    let all = full.row_count();
    let mut layout = estimating();
    layout.ensure_rows(&doc, usize::MAX);
    let last = layout.row_count() - 1;
    let mut row = follow(&mut layout, last);
    let mut seen = 0;
    loop {
        // The rows a page up shows: the reader asks for the screen ending below the cursor.
        layout.ensure_rows(&doc, row + 30);
        row = follow(&mut layout, row);
        let back = layout.row_count() - row;
        assert_eq!(
            text_of(layout.row(row)),
            whole_row(&mut full, &doc, all - back),
            "{back} rows from the end"
        );
        seen += 1;
        if row == 0 {
            break;
        }
        row = row.saturating_sub(23);
    }
    assert!(
        layout.is_complete(&doc),
        "paging up to the top wrapped it all"
    );
    assert_eq!(layout.row_count(), all);
    assert!(seen > all / 23);
}

#[test]
fn wrapping_in_the_background_corrects_the_numbers_and_keeps_the_cursor_on_its_row() {
    let doc = uneven_doc();
    let (full, mut layout) = (whole(&doc), at_the_end(&doc));
    let near = layout.row_count() - 3;
    let mut row = follow(&mut layout, near);
    let shown = text_of(layout.row(row));
    let mut steps = 0;
    while layout.index_some(&doc, 2000) {
        row = follow(&mut layout, row);
        steps += 1;
    }
    row = follow(&mut layout, row);
    assert!(steps > 3, "wrapped in pieces: {steps}");
    assert!(layout.is_complete(&doc));
    assert_eq!(layout.row_count(), full.row_count());
    assert_eq!(row, full.row_count() - 3);
    layout.ensure_rows(&doc, row + 1);
    assert_eq!(text_of(layout.row(row)), shown);
}

#[test]
fn a_search_jump_between_the_start_and_the_end_lands_on_its_row() {
    let doc = uneven_doc();
    let (full, mut layout) = (whole(&doc), at_the_end(&doc));
    layout.take_shifts();
    let offset = doc.text().expect("reads").len() / 2;
    let offset = (offset..)
        .find(|&o| doc.text().expect("reads").is_char_boundary(o))
        .unwrap_or(0);
    layout.ensure_offset(&doc, offset);
    let row = layout.row_of_offset(offset).expect("laid out");
    let mut full = full;
    full.ensure_offset(&doc, offset);
    assert_eq!(Some(row), full.row_of_offset(offset));
    // The end is still there, its rows moved by what the jump wrapped.
    let end = layout.row_count() - 1;
    layout.ensure_rows(&doc, end + 1);
    let all = full.row_count();
    assert_eq!(
        text_of(layout.row(end)),
        whole_row(&mut full, &doc, all - 1)
    );
}
