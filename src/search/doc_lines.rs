//! Where each document's lines start among the line items: a document's lines are
//! consecutive items (see [`Index::build`]), so one number per document says which lines
//! are its own. The count ([`Index::answer_docs`]) passes over a counted document's other
//! lines by this table alone, without reading their items (a cache miss apiece on a big
//! corpus) to learn their document.

use super::index::Index;

impl Index {
    /// Per document, the place of its first line among the line items (0 for the first
    /// line, whatever the entities before it), then the number of lines: document `d`'s
    /// lines are places `table[d]..table[d + 1]`. Places, not ids, so that replacing the
    /// entities (which moves the lines' ids) leaves the table true. Made as the lines are
    /// added (the line items find their documents by it); empty when no document's lines
    /// are indexed.
    pub(super) fn doc_lines(&self) -> &[u32] {
        self.items.doc_starts()
    }
}

/// The document holding the line at place `line`, looking from document `from` on (the
/// places asked grow, so the walk is forward): the last document whose first line is at
/// or before it. `None` when `line` is past every document's lines.
pub(super) fn doc_of_line(table: &[u32], from: usize, line: usize) -> Option<usize> {
    let lines = table.last().map_or(0, |&n| n as usize);
    if line >= lines {
        return None;
    }
    let starts_at_or_before = |&s: &u32| s as usize <= line;
    // Documents from `from` whose lines start at or before `line`; one at least, as
    // `from`'s do (the walk never passes the document it asks for).
    let after = first_failing(table, from + 1, starts_at_or_before);
    Some(after.saturating_sub(1).max(from))
}

/// The first place from `from` on where `holds` fails, in a slice where it holds on a
/// leading run (and then no more): found by doubling steps, then halving, so a short run
/// costs a few reads whatever the slice's length.
pub(super) fn first_failing<T>(items: &[T], from: usize, holds: impl Fn(&T) -> bool) -> usize {
    let mut from = from.min(items.len());
    let mut step = 1;
    // Every item before `from` holds.
    while items.get(from + step - 1).is_some_and(&holds) {
        from += step;
        step *= 2;
    }
    let to = (from + step).min(items.len());
    from + items
        .get(from..to)
        .map_or(0, |run| run.partition_point(&holds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_found_in_its_document_from_any_earlier_one() {
        // Three documents: lines 0..2, none, 2..7; then a fourth with 7..8.
        let table = [0, 2, 2, 7, 8];
        let every: Vec<Option<usize>> = (0..9).map(|l| doc_of_line(&table, 0, l)).collect();
        let want = [0, 0, 2, 2, 2, 2, 2, 3].map(Some);
        assert_eq!(every[..8], want);
        assert_eq!(every[8], None, "past the last line");
        assert_eq!(doc_of_line(&table, 2, 6), Some(2));
        assert_eq!(doc_of_line(&table, 2, 7), Some(3));
    }

    #[test]
    fn the_first_failing_place_is_found_past_long_and_short_runs() {
        let items: Vec<u32> = (0..1000).collect();
        for from in [0, 1, 5, 999, 1000, 2000] {
            for limit in [0, 3, 10, 500, 1000] {
                let want = (limit as usize).max(from.min(1000));
                assert_eq!(first_failing(&items, from, |&x| x < limit), want);
            }
        }
    }

    #[test]
    fn the_table_gives_each_document_its_own_lines() {
        use crate::corpus::Document;
        let texts = [
            "Bir\n\nİki satır\nÜç satır\n",
            "Tek\n",
            "Başlık\n\nbir\niki\nüç\n",
        ];
        let named =
            |(i, text): (usize, &&str)| Document::from_text(format!("{i}.txt"), text.to_string());
        let index = Index::of_documents(texts.iter().enumerate().map(named).collect(), &[]);
        let table = index.doc_lines().to_vec();
        let first = index.first_line_id();
        for (d, pair) in table.windows(2).enumerate() {
            for place in pair[0]..pair[1] {
                let id = u32::try_from(first + place as usize).expect("a small index");
                assert_eq!(index.item(id).and_then(|v| v.doc), Some(d), "line {place}");
            }
        }
        assert_eq!(table.last().map(|&n| n as usize), Some(index.len() - first));
    }
}
