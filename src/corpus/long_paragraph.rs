//! Paragraphs over [`MAX_PARA_BYTES`] cut in pieces, so a huge one-line file lays out in
//! bounded pieces: at a space, else at the start of a grapheme cluster, else (a cluster
//! longer than the limit) at a character boundary.

use unicode_segmentation::GraphemeCursor;

use super::parse::{MAX_PARA_BYTES, Paragraph, Piece};

/// Cuts a paragraph (whose text is `text`) longer than [`MAX_PARA_BYTES`] at spaces (or at
/// a char boundary when there is no space), keeping the piece maps exact.
pub(super) fn split_long(para: Paragraph, text: &str, out: &mut Vec<Paragraph>) {
    if text.len() <= MAX_PARA_BYTES {
        out.push(para);
        return;
    }
    let mut start = 0;
    while start < text.len() {
        let end = cut_point(text, start);
        out.push(sub_paragraph(&para, start, end));
        start = end;
        while text[start..].starts_with(' ') {
            start += 1;
        }
    }
}

fn cut_point(text: &str, start: usize) -> usize {
    if text.len() - start <= MAX_PARA_BYTES {
        return text.len();
    }
    let mut limit = start + MAX_PARA_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    match text[start..limit].rfind(' ') {
        Some(i) if i > 0 => start + i,
        _ => cluster_start(text, limit)
            .filter(|&at| at > start)
            .unwrap_or(limit),
    }
}

/// The start of the grapheme cluster `at` falls in (`at` itself on a boundary): a cut
/// without a space keeps a letter with its marks. `None` only if the segmenter cannot say.
fn cluster_start(text: &str, at: usize) -> Option<usize> {
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    if cursor.is_boundary(text, 0).ok()? {
        return Some(at);
    }
    cursor.prev_boundary(text, 0).ok()?
}

fn sub_paragraph(para: &Paragraph, start: usize, end: usize) -> Paragraph {
    let pieces = para
        .pieces
        .iter()
        .filter_map(|p| {
            let s = p.para.max(start);
            let e = (p.para + p.len).min(end);
            (s < e).then(|| Piece {
                para: s - start,
                doc: p.doc + (s - p.para),
                len: e - s,
            })
        })
        .collect();
    Paragraph {
        pieces,
        kind: para.kind,
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::find_paragraphs;
    use super::MAX_PARA_BYTES;

    /// Where each paragraph of `text` starts in it.
    fn starts(text: &str) -> Vec<usize> {
        find_paragraphs(text)
            .iter()
            .map(|p| p.pieces.first().map_or(usize::MAX, |piece| piece.doc))
            .collect()
    }

    #[test]
    fn a_cut_without_a_space_keeps_a_letter_with_its_marks() {
        // A letter with ten harakat (20 bytes) straddles the limit: it goes whole to the next.
        let letter = MAX_PARA_BYTES - 6;
        let text = "x".repeat(letter) + "ب" + &"\u{651}".repeat(10) + &"y".repeat(100);
        assert_eq!(starts(&text), [0, letter]);
        // Without marks the cut is at the limit itself.
        let plain = "x".repeat(MAX_PARA_BYTES + 100);
        assert_eq!(starts(&plain), [0, MAX_PARA_BYTES]);
        // A cluster longer than the limit can only be cut inside, at a character.
        let flood = "x".to_string() + &"\u{301}".repeat(MAX_PARA_BYTES / 2);
        let cuts = starts(&flood);
        assert_eq!(cuts.len(), 2);
        assert!(flood.is_char_boundary(cuts[1]) && cuts[1] <= MAX_PARA_BYTES);
    }
}
