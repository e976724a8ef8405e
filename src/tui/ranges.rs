//! Byte ranges of the open document (spans, highlights) kept sorted once, when they change,
//! so that drawing a frame looks up only the ranges near the visible rows: a 3 MB article
//! has some 200,000 mentions, and a frame must not scan them for every cell.

use std::ops::Range;

use crate::store::{EffectiveSpan, Label, Origin};

pub mod shown;

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

/// Spans in a block of [`SpanSet`] whose largest end is kept: a window's first span is
/// found by a binary search over the blocks and a scan of one block, with 8 bytes per block
/// instead of per span.
const BLOCK: usize = 64;

/// One shown span in 16 bytes (an [`EffectiveSpan`] took 48, and its index 24 more): a
/// 200 MB document shows some 3.5 million mentions. Its label is a number into the set's
/// table of labels (there are a few: the three kinds and the user's own), with its origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    start: usize,
    /// Bytes it covers.
    len: u32,
    /// Label number times 4, plus the origin's number.
    tag: u32,
}

impl Entry {
    fn end(&self) -> usize {
        self.start + self.len as usize
    }
}

/// A shown span read from a [`SpanSet`]: its range, label and origin, the label borrowed
/// from the set's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpanView<'a> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Kind.
    pub kind: &'a Label,
    /// Why it is shown.
    pub origin: Origin,
}

impl SpanView<'_> {
    /// The span as the store gives it.
    pub fn to_span(&self) -> EffectiveSpan {
        EffectiveSpan {
            start: self.start,
            end: self.end,
            kind: self.kind.clone(),
            origin: self.origin,
        }
    }
}

const ORIGINS: [Origin; 3] = [Origin::User, Origin::Accepted, Origin::Suggested];

/// The spans shown in the open document, sorted by start then end (see [`Entry`]): all of
/// them, or those of the part of it about the rows shown ([`SpanSet::covers`]).
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    entries: Vec<Entry>,
    labels: Vec<Label>,
    /// The largest end among the entries of each block and all blocks before it.
    block_end: Vec<usize>,
    /// The bytes of the document whose spans the set holds; `None`: all of them.
    covered: Option<Range<usize>>,
}

impl SpanSet {
    /// Sorts the spans (stably: spans with equal ranges keep their order) and keeps them
    /// compact. A span longer than 4 GiB (none is: documents are read whole) keeps 4 GiB.
    pub fn new(spans: Vec<EffectiveSpan>) -> SpanSet {
        let mut set = SpanSet::with_capacity(spans.len());
        set.push_block(spans);
        set.finish()
    }

    /// An empty set with room for `n` spans, filled block by block ([`SpanSet::push_block`])
    /// and then indexed ([`SpanSet::finish`]).
    pub fn with_capacity(n: usize) -> SpanSet {
        SpanSet {
            entries: Vec::with_capacity(n),
            ..SpanSet::default()
        }
    }

    /// Adds `spans`, which all start at or after every span added before: they are sorted
    /// among themselves (stably) and put after the others.
    pub fn push_block(&mut self, spans: Vec<EffectiveSpan>) {
        let from = self.entries.len();
        for span in spans {
            let label = match self.labels.iter().position(|l| *l == span.kind) {
                Some(i) => i,
                None => {
                    self.labels.push(span.kind);
                    self.labels.len() - 1
                }
            };
            let origin = ORIGINS.iter().position(|o| *o == span.origin).unwrap_or(0);
            let tag = u32::try_from(label * 4 + origin).unwrap_or(u32::MAX);
            let len = u32::try_from(span.end.saturating_sub(span.start)).unwrap_or(u32::MAX);
            self.entries.push(Entry {
                start: span.start,
                len,
                tag,
            });
        }
        if let Some(block) = self.entries.get_mut(from..) {
            block.sort_by_key(|e| (e.start, e.end()));
        }
    }

    /// [`SpanSet::finish`] for the spans of the bytes `covered` of a text of `len` bytes
    /// (no span of the text lies across either end of `covered`).
    pub fn finish_covering(mut self, covered: Range<usize>, len: usize) -> SpanSet {
        self.covered = (covered != (0..len)).then_some(covered);
        self.finish()
    }

    /// True when the set holds every span of the document that lies in `start..end`: no
    /// span shown there is missing from it.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        self.covered
            .as_ref()
            .is_none_or(|c| c.start <= start && end <= c.end)
    }

    /// Indexes the spans added: the largest end of each block of [`BLOCK`] entries.
    pub fn finish(mut self) -> SpanSet {
        self.entries.shrink_to_fit();
        self.block_end = self
            .entries
            .chunks(BLOCK)
            .scan(0, |max, block| {
                *max = block.iter().map(Entry::end).fold(*max, usize::max);
                Some(*max)
            })
            .collect();
        self
    }

    fn view(&self, e: &Entry) -> Option<SpanView<'_>> {
        let tag = e.tag as usize;
        Some(SpanView {
            start: e.start,
            end: e.end(),
            kind: self.labels.get(tag / 4)?,
            origin: *ORIGINS.get(tag % 4)?,
        })
    }

    /// The spans in order.
    pub fn iter(&self) -> impl Iterator<Item = SpanView<'_>> {
        self.entries.iter().filter_map(|e| self.view(e))
    }

    /// The spans over byte `at` (starting at or before it, ending after it), in order.
    pub fn over(&self, at: usize) -> impl Iterator<Item = SpanView<'_>> {
        let window = self.window(at, at.saturating_add(1));
        let near = self.entries.get(window).unwrap_or_default();
        let over = near.iter().filter(move |e| e.start <= at && at < e.end());
        over.filter_map(|e| self.view(e))
    }

    /// Number of spans.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Indices of the spans that may overlap `start..end` (as [`Intervals::window`]).
    pub fn window(&self, start: usize, end: usize) -> Range<usize> {
        // Every span of the blocks before ends at or before `start`; so does every span
        // of this block before the first whose running largest end passes it.
        let block = self.block_end.partition_point(|&m| m <= start);
        let from = (block * BLOCK).min(self.entries.len());
        let rest = self.entries.get(from..).unwrap_or(&[]);
        let mut max = 0;
        let skip = rest
            .iter()
            .take(BLOCK)
            .position(|e| {
                max = max.max(e.end());
                max > start
            })
            .unwrap_or(rest.len().min(BLOCK));
        let first = from + skip;
        let last = self.entries.partition_point(|e| e.start < end);
        first..last.max(first)
    }

    /// The first span (in order) inside `window` that overlaps `start..end`.
    pub fn first_overlap(
        &self,
        window: Range<usize>,
        start: usize,
        end: usize,
    ) -> Option<SpanView<'_>> {
        let candidates = self.entries.get(window)?;
        let e = candidates
            .iter()
            .find(|e| e.start < end && start < e.end())?;
        self.view(e)
    }

    /// Bytes the set holds: what the open document's spans cost.
    pub fn heap_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.block_end.capacity() * std::mem::size_of::<usize>()
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
    fn span_windows_agree_with_a_full_scan_in_16_bytes_a_span() {
        let span = |start: usize, end: usize, i: usize| EffectiveSpan {
            start,
            end,
            kind: [
                Label::Entity(crate::kind::Kind::Place),
                Label::Custom("x".into()),
            ][i % 2]
                .clone(),
            origin: ORIGINS[i % 3],
        };
        // Many short spans (more than a block), a few long ones over them, some empty.
        let mut spans: Vec<EffectiveSpan> = (0..500)
            .map(|i| span(i * 3 % 997, i * 3 % 997 + 1 + i % 4, i))
            .collect();
        spans.extend([span(100, 400, 1), span(250, 260, 2), span(700, 700, 0)]);
        let ranges: Vec<(usize, usize)> = {
            let mut r: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
            r.sort_unstable();
            r
        };
        let set = SpanSet::new(spans.clone());
        for row_start in (0..1000).step_by(7) {
            let row_end = row_start + 40;
            let window = set.window(row_start, row_end);
            for s in row_start..row_end {
                let got = set.first_overlap(window.clone(), s, s + 1);
                let want = scan(&ranges, s, s + 1).map(|i| ranges[i]);
                assert_eq!(got.map(|v| (v.start, v.end)), want, "cell {s}");
            }
        }
        let kept: Vec<EffectiveSpan> = set.iter().map(|v| v.to_span()).collect();
        let mut sorted = spans;
        sorted.sort_by_key(|s| (s.start, s.end));
        assert_eq!(kept, sorted, "labels and origins kept");
        assert!(
            set.heap_bytes() <= 17 * set.len(),
            "{} bytes",
            set.heap_bytes()
        );
    }

    #[test]
    fn empty_set_finds_nothing() {
        let set = Intervals::default();
        assert_eq!(set.window(0, 10), 0..0);
        assert_eq!(set.first_overlap(0..0, 3, 4), None);
        assert_eq!(set.first_overlap(5..9, 3, 4), None);
    }
}
