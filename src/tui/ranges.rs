//! Byte ranges of the open document (spans, highlights) kept sorted once, when they change,
//! so that drawing a frame looks up only the ranges near the visible rows: a 3 MB article
//! has some 200,000 mentions, and a frame must not scan them for every cell.

use std::ops::Range;

use crate::store::EffectiveSpan;

/// Ranges sorted by start, with the running maximum of their ends: the ranges overlapping a
/// row are found by binary search even when some ranges overlap each other.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Intervals {
    ranges: Vec<(usize, usize)>,
    /// `max_end[i]` is the largest end among `ranges[..=i]` (never decreasing).
    max_end: Vec<usize>,
}

impl Intervals {
    /// Sorts `ranges` (start, then end) and indexes them.
    pub fn new(mut ranges: Vec<(usize, usize)>) -> Intervals {
        ranges.sort_unstable();
        Intervals::from_sorted(ranges)
    }

    /// Indexes ranges already sorted by start.
    fn from_sorted(ranges: Vec<(usize, usize)>) -> Intervals {
        let max_end = ranges
            .iter()
            .scan(0, |max, &(_, end)| {
                *max = end.max(*max);
                Some(*max)
            })
            .collect();
        Intervals { ranges, max_end }
    }

    /// Number of ranges.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// The ranges, sorted by start.
    pub fn as_slice(&self) -> &[(usize, usize)] {
        &self.ranges
    }

    /// Indices of the ranges that may overlap `start..end`: every range before the window
    /// ends at or before `start`, every range after it starts at or after `end`.
    pub fn window(&self, start: usize, end: usize) -> Range<usize> {
        let first = self.max_end.partition_point(|&m| m <= start);
        let last = self.ranges.partition_point(|&(s, _)| s < end);
        first..last.max(first)
    }

    /// The first range (in sorted order) inside `window` that overlaps `start..end`.
    pub fn first_overlap(&self, window: Range<usize>, start: usize, end: usize) -> Option<usize> {
        let candidates = self.ranges.get(window.clone())?;
        let at = candidates.iter().position(|&(s, e)| s < end && start < e)?;
        Some(window.start + at)
    }
}

/// The spans shown in the open document, sorted by start then end, with their index.
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    spans: Vec<EffectiveSpan>,
    index: Intervals,
}

impl SpanSet {
    /// Sorts the spans (stably: spans with equal ranges keep their order) and indexes them.
    pub fn new(mut spans: Vec<EffectiveSpan>) -> SpanSet {
        spans.sort_by_key(|s| (s.start, s.end));
        let index = Intervals::from_sorted(spans.iter().map(|s| (s.start, s.end)).collect());
        SpanSet { spans, index }
    }

    /// The spans in order.
    pub fn iter(&self) -> std::slice::Iter<'_, EffectiveSpan> {
        self.spans.iter()
    }

    /// Number of spans.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// See [`Intervals::window`].
    pub fn window(&self, start: usize, end: usize) -> Range<usize> {
        self.index.window(start, end)
    }

    /// The first span (in order) inside `window` that overlaps `start..end`.
    pub fn first_overlap(
        &self,
        window: Range<usize>,
        start: usize,
        end: usize,
    ) -> Option<&EffectiveSpan> {
        let i = self.index.first_overlap(window, start, end)?;
        self.spans.get(i)
    }
}

/// What [`Marks`] were computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarksKey {
    /// The open document.
    pub doc: usize,
    /// The selected entity.
    pub entity: Option<usize>,
    /// The document and query the search matches are for.
    pub query: Option<(usize, String)>,
    /// The document and words of a find in the article.
    pub find: Option<(usize, String)>,
}

/// What the reading pane and the entity panel show about the open document, derived from
/// it, the selected entity and the search: recomputed when one of them changes (see
/// `navigate::refresh_marks`), never per frame.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// What these marks were computed for; `None`: out of date.
    pub key: Option<MarksKey>,
    /// Mentions of the selected entity and search matches.
    pub highlights: Intervals,
    /// Mentions in the open document, per entity row.
    pub here: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a scan of every range answers.
    fn scan(ranges: &[(usize, usize)], s: usize, e: usize) -> Option<usize> {
        ranges.iter().position(|&(a, b)| a < e && s < b)
    }

    #[test]
    fn window_lookups_agree_with_a_full_scan() {
        // Overlapping, nested, empty and touching ranges.
        let set = Intervals::new(vec![
            (40, 45),
            (0, 3),
            (2, 30),
            (5, 7),
            (7, 9),
            (12, 12),
            (31, 33),
            (31, 32),
        ]);
        for row_start in 0..50 {
            for row_end in row_start..52 {
                let window = set.window(row_start, row_end);
                for s in row_start..row_end {
                    let got = set.first_overlap(window.clone(), s, s + 1);
                    assert_eq!(
                        got,
                        scan(set.as_slice(), s, s + 1),
                        "cell {s} in {row_start}..{row_end}"
                    );
                }
            }
        }
    }

    #[test]
    fn empty_set_finds_nothing() {
        let set = Intervals::default();
        assert_eq!(set.window(0, 10), 0..0);
        assert_eq!(set.first_overlap(0..0, 3, 4), None);
        assert_eq!(set.first_overlap(5..9, 3, 4), None);
    }
}
