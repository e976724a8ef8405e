//! Embedding levels (once per paragraph) and the visual order of a line's units.
//!
//! A "unit" is whatever the caller draws as one piece: grapheme clusters in the reading pane,
//! code points in the conformance test. Both go through [`line_visual_order`], so the
//! BidiCharacterTest run checks the very code the pane uses.

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

use super::{Cluster, Direction};

/// Resolves embedding levels for a whole paragraph. `dir` of `None` lets the text decide
/// (rules P2–P3); okur passes its own [`super::base_direction`].
pub fn paragraph_levels(text: &str, dir: Option<Direction>) -> ParagraphBidiInfo<'_> {
    let level = dir.map(|d| match d {
        Direction::Ltr => Level::ltr(),
        Direction::Rtl => Level::rtl(),
    });
    ParagraphBidiInfo::new(text, level)
}

/// Visual order of the units of one line: `unit_starts` are the byte offsets (in the
/// paragraph) where each unit begins, in logical order, all inside `line`. Returns, left to
/// right, each unit's index and its resolved level (rule L1 applied for this line).
pub fn line_visual_order(
    info: &ParagraphBidiInfo<'_>,
    line: Range<usize>,
    unit_starts: &[usize],
) -> Vec<(usize, Level)> {
    if info.is_pure_ltr && !info.paragraph_level.is_rtl() {
        return (0..unit_starts.len()).map(|i| (i, Level::ltr())).collect();
    }
    order_line(
        &info.text[line.clone()],
        &info.levels[line.clone()],
        &info.original_classes[line.clone()],
        info.paragraph_level,
        line.start,
        unit_starts,
    )
}

/// [`line_visual_order`] from the line's own text, levels and original classes (one per
/// byte of `text`, which starts at paragraph offset `base`): what the pane uses, with levels
/// resolved piece by piece for long paragraphs.
pub(crate) fn order_line(
    text: &str,
    levels: &[Level],
    classes: &[BidiClass],
    para: Level,
    base: usize,
    unit_starts: &[usize],
) -> Vec<(usize, Level)> {
    let byte_levels = line_levels(text, levels, classes, para);
    let unit_levels: Vec<Level> = unit_starts
        .iter()
        .map(|&s| {
            let at = s.checked_sub(base).and_then(|i| byte_levels.get(i));
            at.copied().unwrap_or(para)
        })
        .collect();
    visual_order(&unit_levels)
        .into_iter()
        .map(|i| (i, unit_levels[i]))
        .collect()
}

/// Rule L1 for one line, on a copy of that line's levels only (the crate's
/// `reordered_levels` copies the whole paragraph per line, which is quadratic for long
/// paragraphs): separators, and whitespace or isolate/removed formatting characters before a
/// separator or at the end of the line, go back to the paragraph level.
fn line_levels(text: &str, levels: &[Level], classes: &[BidiClass], para: Level) -> Vec<Level> {
    use unicode_bidi::BidiClass::*;
    let mut levels = levels.to_vec();
    let mut reset = true;
    for (i, c) in text.char_indices().rev() {
        let to_para = match classes.get(i) {
            Some(B | S) => {
                reset = true;
                true
            }
            Some(WS | FSI | LRI | RLI | PDI | RLE | LRE | RLO | LRO | PDF | BN) => reset,
            _ => {
                reset = false;
                false
            }
        };
        if to_para && let Some(bytes) = levels.get_mut(i..i + c.len_utf8()) {
            bytes.fill(para);
        }
    }
    levels
}

/// Rule L2: the visual order of units given their levels.
pub fn visual_order(levels: &[Level]) -> Vec<usize> {
    ParagraphBidiInfo::reorder_visual(levels)
}

/// The pane's use of [`line_visual_order`]: a line of clusters, returned left to right with
/// each cluster's `rtl` flag set from its level (for mirroring).
pub fn level_runs_order(info: &ParagraphBidiInfo<'_>, units: &[Cluster]) -> Vec<Cluster> {
    let (Some(first), Some(last)) = (units.first(), units.last()) else {
        return Vec::new();
    };
    let starts: Vec<usize> = units.iter().map(|u| u.start).collect();
    line_visual_order(info, first.start..last.end, &starts)
        .into_iter()
        .map(|(i, level)| Cluster {
            rtl: level.is_rtl(),
            ..units[i]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::clusters;

    fn visual(text: &str, dir: Direction) -> String {
        let info = paragraph_levels(text, Some(dir));
        let units = clusters(text);
        level_runs_order(&info, &units)
            .iter()
            .map(|u| &text[u.start..u.end])
            .collect()
    }

    #[test]
    fn arabic_is_reversed_by_cluster() {
        // Clusters reversed, each keeping its harakat: [د][مَّ][حَ][مُ].
        assert_eq!(
            visual("مُحَمَّد", Direction::Rtl),
            "د\u{645}\u{64e}\u{651}\u{62d}\u{64e}\u{645}\u{64f}"
        );
    }

    #[test]
    fn latin_inside_arabic_keeps_its_order() {
        assert_eq!(visual("قال Lavrov اليوم", Direction::Rtl), "مويلا Lavrov لاق");
    }

    #[test]
    fn pure_ltr_is_unchanged() {
        assert_eq!(
            visual("Dışişleri Bakanı", Direction::Ltr),
            "Dışişleri Bakanı"
        );
    }
}
