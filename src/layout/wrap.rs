//! Grapheme clusters with their display widths, and greedy wrapping in logical order.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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
    text.grapheme_indices(true)
        .map(|(start, g)| {
            let first = g.chars().next().unwrap_or(' ');
            let control = first.is_control();
            let space = first.is_whitespace();
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
                space,
                replaced: control,
                rtl: false,
                orphan_mark,
            }
        })
        .collect()
}

/// Greedy wrap at spaces: each line is a range of cluster indices whose visible width fits
/// `width`. Spaces at a break are dropped from both lines; a word wider than the pane is cut
/// at cluster boundaries. A cluster wider than the pane gets a line of its own.
pub fn wrap_clusters(units: &[Cluster], width: usize) -> Vec<std::ops::Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut i = skip_spaces(units, 0);
    while i < units.len() {
        let (end, next) = fit_line(units, i, width);
        lines.push(i..end);
        i = skip_spaces(units, next);
    }
    lines
}

fn skip_spaces(units: &[Cluster], mut i: usize) -> usize {
    while units.get(i).is_some_and(|u| u.space) {
        i += 1;
    }
    i
}

/// Returns (end of the line's content, where the next line starts).
fn fit_line(units: &[Cluster], start: usize, width: usize) -> (usize, usize) {
    let mut used = 0;
    let mut last_break = None;
    let mut i = start;
    while let Some(u) = units.get(i) {
        if u.space && i > start {
            last_break = Some(i);
        }
        if used + u.width > width {
            if u.space {
                return (trim_end(units, start, i), i);
            }
            return match last_break {
                Some(b) => (trim_end(units, start, b), b),
                None if i == start => (i + 1, i + 1),
                None => (i, i),
            };
        }
        used += u.width;
        i += 1;
    }
    (trim_end(units, start, units.len()), units.len())
}

fn trim_end(units: &[Cluster], start: usize, mut end: usize) -> usize {
    while end > start && units[end - 1].space {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn wide_cluster_in_narrow_pane_does_not_loop() {
        assert_eq!(wrap_text("界界", 1), ["界", "界"]);
    }
}
