//! Grapheme clusters with their display widths, and greedy wrapping in logical order.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::plain::{plain_cluster, simple_cluster_len, two_byte_cluster};

/// A grapheme cluster of a paragraph, the unit of wrapping, reordering and cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cluster {
    /// Byte offset in the paragraph text.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Cells it takes (0 for invisible format characters, which get no cell).
    pub width: usize,
    /// True when the cluster is whitespace (a break opportunity).
    pub space: bool,
    /// True when the cluster is drawn as blanks (tab, control character).
    pub replaced: bool,
    /// True when the cluster sits at an odd (right-to-left) level; set by reordering.
    pub rtl: bool,
    /// True for a combining mark with no base letter: drawn on a dotted circle.
    pub orphan_mark: bool,
}

/// Widest cluster okur draws as it is; wider ones are drawn as blanks of this width.
const MAX_CLUSTER_WIDTH: usize = 2;

/// Splits a paragraph into grapheme clusters with their widths.
pub fn clusters(text: &str) -> Vec<Cluster> {
    ClusterStream::new(text, 0, usize::MAX).collect()
}

/// The clusters of a text from a cluster boundary on, lazily: what a long paragraph is
/// wrapped from without holding a cluster per character of it. Clusters wider than the
/// pane are drawn as blanks of the pane's width.
#[derive(Debug, Clone)]
pub(crate) struct ClusterStream<'a> {
    text: &'a str,
    pos: usize,
    max_width: usize,
}

impl<'a> ClusterStream<'a> {
    /// Clusters of `text` from byte `from` (a cluster boundary), none wider than
    /// `max_width`.
    pub fn new(text: &'a str, from: usize, max_width: usize) -> ClusterStream<'a> {
        ClusterStream {
            text,
            pos: from,
            max_width,
        }
    }
}

impl Iterator for ClusterStream<'_> {
    type Item = Cluster;

    #[inline]
    fn next(&mut self) -> Option<Cluster> {
        let bytes = self.text.as_bytes();
        let b = *bytes.get(self.pos)?;
        // Read from the bytes first: printable ASCII before ASCII (or the end) is a cluster
        // of its own, as no ASCII character extends the one before it; then two-byte
        // letters and harakat. Most Turkish and Arabic text goes this way.
        let fast = if (0x20..0x7F).contains(&b) {
            bytes
                .get(self.pos + 1)
                .is_none_or(|&n| n < 0x80)
                .then_some((1, char::from(b)))
        } else {
            two_byte_cluster(bytes, self.pos)
        };
        let rest = self.text.get(self.pos..)?;
        let mut unit = match fast.or_else(|| simple_cluster_len(rest)) {
            Some((len, first)) => plain_cluster(self.pos, len, first),
            None => {
                let g = rest.graphemes(true).next().unwrap_or(rest);
                cluster_of(self.pos, g)
            }
        };
        self.pos = unit.end;
        if unit.width > self.max_width {
            unit.width = self.max_width;
            unit.replaced = true;
        }
        Some(unit)
    }
}

/// A cluster as the full segmentation path makes it (for tests of the plain path).
#[cfg(test)]
pub(crate) fn full_cluster(start: usize, g: &str) -> Cluster {
    cluster_of(start, g)
}

fn cluster_of(start: usize, g: &str) -> Cluster {
    let first = g.chars().next().unwrap_or(' ');
    // The line and paragraph separators too: a terminal draws them in no cell, or in one,
    // or breaks the line there; a blank is the same on every terminal.
    let control = first.is_control() || matches!(first, '\u{2028}' | '\u{2029}');
    let orphan_mark = unicode_normalization::char::is_combining_mark(first);
    let width = if control || orphan_mark {
        1
    } else {
        g.width().min(MAX_CLUSTER_WIDTH)
    };
    Cluster {
        start,
        end: start + g.len(),
        width,
        space: first.is_whitespace(),
        replaced: control,
        rtl: false,
        orphan_mark,
    }
}

/// Greedy wrap at spaces: each line is a range of cluster indices whose visible width fits
/// `width`. Spaces at a break are dropped from both lines; a word wider than the pane is cut
/// at cluster boundaries. A cluster wider than the pane gets a line of its own.
pub fn wrap_clusters(units: &[Cluster], width: usize) -> Vec<std::ops::Range<usize>> {
    let mut breaker = Breaker::new(units.iter().copied(), width);
    let mut lines = Vec::new();
    while let Some(line) = breaker.next_line() {
        lines.push(line.first..line.first + line.units.len());
    }
    lines
}

/// Where each line of [`wrap_clusters`] starts (the paragraph offset of its first
/// cluster), found without keeping the clusters: what the reader's row index needs, so it
/// reads plain clusters straight from the bytes. Each line is scanned once, and the word
/// carried to the next line twice.
pub(crate) fn line_starts(text: &str, width: usize, mut found: impl FnMut(usize)) {
    let width = width.max(1);
    let mut pos = 0;
    loop {
        // Spaces at a break belong to no line.
        let (first_end, first_width) = loop {
            let Some((end, w, space)) = unit_at(text, pos, width) else {
                return;
            };
            if !space {
                break (end, w);
            }
            pos = end;
        };
        found(pos);
        if first_width > width {
            pos = first_end;
            continue;
        }
        let (mut used, mut at, mut last_break) = (first_width, first_end, None);
        loop {
            let Some((end, w, space)) = unit_at(text, at, width) else {
                return;
            };
            if space {
                last_break = Some(at);
            }
            if used + w > width {
                pos = last_break.unwrap_or(at);
                break;
            }
            used += w;
            at = end;
        }
    }
}

/// The cluster at `pos`: its end, width and whether it is a space, as [`ClusterStream`]
/// gives them, without making a [`Cluster`] for the plain ones.
#[inline]
fn unit_at(text: &str, pos: usize, max_width: usize) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(pos)?;
    if (0x20..0x7F).contains(&b) && bytes.get(pos + 1).is_none_or(|&n| n < 0x80) {
        return Some((pos + 1, 1, b == b' '));
    }
    if let Some((len, first)) = two_byte_cluster(bytes, pos) {
        return Some((pos + len, 1, first == '\u{A0}'));
    }
    let u = ClusterStream::new(text, pos, max_width).next()?;
    Some((u.end, u.width, u.space))
}

/// One wrapped line: its clusters in logical order, and the index of the first of them
/// among all the clusters the breaker was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrappedLine {
    pub first: usize,
    pub units: Vec<Cluster>,
}

/// The greedy wrap of [`wrap_clusters`] over a stream of clusters: it holds only the
/// clusters of the line it is filling, so a paragraph of any length wraps in memory
/// proportional to the pane's width.
pub(crate) struct Breaker<I: Iterator<Item = Cluster>> {
    source: I,
    /// Clusters read but not yet part of a returned line; `pending[0]` has index `next`.
    pending: std::collections::VecDeque<Cluster>,
    next: usize,
    width: usize,
}

impl<I: Iterator<Item = Cluster>> Breaker<I> {
    /// Wraps `source` at `width` cells (at least 1).
    pub fn new(source: I, width: usize) -> Breaker<I> {
        Breaker {
            source,
            pending: std::collections::VecDeque::new(),
            next: 0,
            width: width.max(1),
        }
    }

    fn get(&mut self, i: usize) -> Option<&Cluster> {
        while self.pending.len() <= i {
            self.pending.push_back(self.source.next()?);
        }
        self.pending.get(i)
    }

    fn drop_front(&mut self, n: usize) {
        self.pending.drain(..n.min(self.pending.len()));
        self.next += n;
    }

    /// The next line, or `None` at the end of the paragraph.
    pub fn next_line(&mut self) -> Option<WrappedLine> {
        let mut lead = 0;
        while self.get(lead)?.space {
            lead += 1;
        }
        self.drop_front(lead);
        let (end, next) = self.fit_line();
        let first = self.next;
        let units: Vec<Cluster> = self.pending.drain(..end).collect();
        self.next += end;
        self.drop_front(next - end);
        Some(WrappedLine { first, units })
    }

    /// Returns (end of the line's content, where the next line starts), relative to the
    /// first pending cluster.
    fn fit_line(&mut self) -> (usize, usize) {
        let mut used = 0;
        let mut last_break = None;
        let mut i = 0;
        while let Some(&u) = self.get(i) {
            if u.space && i > 0 {
                last_break = Some(i);
            }
            if used + u.width > self.width {
                if u.space {
                    return (self.trim_end(i), i);
                }
                return match last_break {
                    Some(b) => (self.trim_end(b), b),
                    None if i == 0 => (1, 1),
                    None => (i, i),
                };
            }
            used += u.width;
            i += 1;
        }
        let end = self.pending.len();
        (self.trim_end(end), end)
    }

    fn trim_end(&self, mut end: usize) -> usize {
        while end > 0 && self.pending.get(end - 1).is_some_and(|u| u.space) {
            end -= 1;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::super::plain::{is_plain_base, is_plain_mark};
    use super::*;

    #[test]
    fn line_and_paragraph_separators_are_drawn_as_one_blank_each() {
        let units = clusters("a\u{2028}b\u{2029}c");
        let drawn: Vec<(usize, bool, bool)> = units
            .iter()
            .map(|u| (u.width, u.replaced, u.space))
            .collect();
        let letter = (1, false, false);
        let blank = (1, true, true);
        assert_eq!(drawn, [letter, blank, letter, blank, letter]);
    }

    fn wrap_text(text: &str, width: usize) -> Vec<String> {
        let units = clusters(text);
        wrap_clusters(&units, width)
            .into_iter()
            .map(|r| text[units[r.start].start..units[r.end - 1].end].to_string())
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap_text("bir iki üç dört", 7), ["bir iki", "üç dört"]);
    }

    #[test]
    fn long_words_are_cut() {
        assert_eq!(wrap_text("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn harakat_stay_in_their_cluster() {
        let units = clusters("مُحَمَّد");
        assert_eq!(units.len(), 4);
        assert!(units.iter().all(|u| u.width == 1));
    }

    #[test]
    fn orphan_marks_get_a_cell() {
        let units = clusters("\u{64e}ب");
        assert!(units[0].orphan_mark && units[0].width == 1);
        assert!(!units[1].orphan_mark);
    }

    #[test]
    fn plain_clusters_are_the_clusters_of_uax29() {
        // Every plain character, alone, after each other, and before or after a mark,
        // a non-plain character or a control: the fast path gives the crate's clusters.
        let plain: Vec<char> = (0u32..0x2100)
            .filter_map(char::from_u32)
            .filter(|&c| is_plain_base(c) || is_plain_mark(c))
            .collect();
        let others = [
            '\u{600}', '\u{61C}', '\u{AD}', '\t', '\u{200D}', '\u{903}', 'e', '🇹', '界',
        ];
        for &c in &plain {
            for &d in plain.iter().step_by(37).chain(&others) {
                for text in [
                    format!("{c}{d}"),
                    format!("{d}{c}\u{64E}{d}"),
                    format!("{c}\u{301}{d}{c}"),
                ] {
                    let expected: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
                    let got: Vec<(usize, &str)> = clusters(&text)
                        .iter()
                        .map(|u| (u.start, &text[u.start..u.end]))
                        .collect();
                    assert_eq!(got, expected, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn wide_cluster_in_narrow_pane_does_not_loop() {
        assert_eq!(wrap_text("界界", 1), ["界", "界"]);
    }
}
