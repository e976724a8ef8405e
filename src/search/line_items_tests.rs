use super::*;

fn line(doc: u32, offset: usize, len: usize, key_is_text: bool) -> NewLine {
    NewLine::new(doc, offset, len, 0b1010, key_is_text).expect("a line that fits")
}

#[test]
fn a_line_reads_back_whole_from_its_columns() {
    let mut items = Items::default();
    items.push(Item {
        at: 0,
        lens: [3, 0, 0, 0, 0],
        docs: [0, 1],
        doc_offset: 0,
        bytes: 1,
        kind: ItemKind::Doc,
        key_is_text: true,
        in_doc: false,
    });
    // Document 0 has no line; 1 has two, the second 12 GiB into it; 3 has one.
    let far = (3usize << 32) + 7;
    items.push_line(line(1, 4, 10, true), 3);
    items.push_line(line(1, far, MAX_LEN, false), 3);
    items.push_line(line(3, 0, 1, false), 6);
    items.finish_lines(4);
    assert_eq!(items.len(), 4);
    assert_eq!(items.doc_starts(), [0, 0, 2, 2, 3]);
    let got: Vec<_> = (1..4).filter_map(|id| items.get(id)).collect();
    let fields = |i: &Item| {
        (
            i.docs,
            i.doc_offset,
            i.lens[0],
            i.key_is_text,
            i.at,
            i.lens[4],
        )
    };
    assert_eq!(
        got.iter().map(fields).collect::<Vec<_>>(),
        [
            ([1, 1], 5, 10, true, 0, 3),
            ([1, 1], far as u64 + 1, 1 << 28, false, 3, 0),
            ([3, 1], 1, 1, false, 3, 3),
        ]
    );
    assert!(got.iter().all(|i| i.in_doc && i.bytes == 0b1010));
    let lens: Vec<u32> = (0..5).map(|id| items.text_len(id)).collect();
    assert_eq!(lens, [3, 10, 1 << 28, 1, 0]);
    assert_eq!(items.get(4).map(|i| i.kind), None);
    // A line's document without the line made whole; none for the title or past the end.
    let docs: Vec<_> = (0..5).map(|id| items.line_doc(id)).collect();
    assert_eq!(docs, [None, Some(1), Some(1), Some(3), None]);
    // Once shared, lines read their entries through their words but those held apart.
    items.share(vec![(1, 40, 2)]);
    let codes: Vec<_> = (1..4)
        .filter_map(|id| items.get(id))
        .map(|i| (i.at, i.lens[4]))
        .collect();
    assert_eq!(codes, [(0, THROUGH_WORDS), (40, 2), (2, THROUGH_WORDS)]);
}

const MAX_LEN: usize = MAX_PIECE;

#[test]
fn every_line_finds_its_document_past_many_blocks() {
    let mut items = Items::default();
    let mut want = Vec::new();
    // Documents of 0 to 150 lines: some blocks within one, some across many, some
    // (past document 150) with hundreds of documents without lines between two lines.
    for i in 0..60u32 {
        let doc = if i < 30 { i * 5 } else { i * 300 };
        for n in 0..(i * 37 % 151) as usize {
            items.push_line(line(doc, n, 1, false), 0);
            want.push(doc);
        }
    }
    items.finish_lines(60 * 300);
    let docs: Vec<u32> = (0..items.len())
        .filter_map(|id| Some(items.get(id)?.docs[0]))
        .collect();
    assert_eq!(docs, want);
    let quick: Vec<u32> = (0..items.len())
        .filter_map(|id| items.line_doc(id))
        .collect();
    assert_eq!(quick, want);
}

#[test]
fn what_does_not_fit_is_refused() {
    assert!(NewLine::new(0, 0, MAX_LEN + 1, 0, false).is_none());
    assert!(NewLine::new(0, 4usize << 32, 1, 0, false).is_none());
    assert!(NewLine::new(0, (4usize << 32) - 1, 1, 0, false).is_some());
}
