//! Property tests of the reading pane's layout: random paragraphs mixing Arabic (harakat,
//! lam-alef, tatweel, Eastern digits), Turkish, Latin, digits, brackets, punctuation and
//! occasional bidi controls, laid out at widths 1..=120.

use std::collections::HashMap;

use okur::corpus::{ParaKind, Paragraph};
use okur::layout::{
    BidiMode, LayoutOptions, VisualLine, clusters, layout_paragraph, line_visual_order,
    paragraph_levels,
};
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;

/// Where the paragraph sits in its (imaginary) document, so cell ranges are document offsets.
const DOC_OFFSET: usize = 100;

const ARABIC_LETTERS: &[&str] = &[
    "ا", "أ", "إ", "آ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط",
    "ظ", "ع", "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي", "ى", "ة", "ء", "ئ", "ؤ", "لا", "ـ",
];
const HARAKAT: &[&str] = &[
    "\u{64B}",
    "\u{64C}",
    "\u{64D}",
    "\u{64E}",
    "\u{64F}",
    "\u{650}",
    "\u{651}",
    "\u{652}",
    "\u{651}\u{64E}",
];
const TURKISH: &str = "abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ";
const LATIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const BRACKETS: &[(&str, &str)] = &[("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"), ("<", ">")];
const PUNCT: &[&str] = &[".", ",", "!", "?", ":", ";", "-", "'", "\"", "/", "%", "…"];
const ARABIC_PUNCT: &[&str] = &["،", "؛", "؟", "."];
const CONTROLS: &[&str] = &[
    "\u{200E}", "\u{200F}", "\u{61C}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
    "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{200C}", "\u{200D}", "\t",
];

fn pick(items: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(items).prop_map(str::to_string)
}

fn word_of(alphabet: &'static str, max: usize) -> impl Strategy<Value = String> {
    let chars: Vec<char> = alphabet.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 1..max)
        .prop_map(|cs| cs.into_iter().collect())
}

fn arabic_word() -> impl Strategy<Value = String> {
    let letter = (
        pick(ARABIC_LETTERS),
        prop::option::weighted(0.3, pick(HARAKAT)),
    );
    (any::<bool>(), prop::collection::vec(letter, 1..8)).prop_map(|(al, letters)| {
        let mut word = if al {
            "ال".to_string()
        } else {
            String::new()
        };
        for (l, h) in letters {
            word.push_str(&l);
            word.push_str(h.as_deref().unwrap_or(""));
        }
        word
    })
}

fn number(eastern: bool) -> impl Strategy<Value = String> {
    (1u32..100_000, prop::option::of(0u32..100)).prop_map(move |(n, frac)| {
        let s = match frac {
            Some(f) => format!("{n}.{f}"),
            None => n.to_string(),
        };
        if !eastern {
            return s;
        }
        s.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x660 + d).unwrap_or(c),
                None => '٫',
            })
            .collect()
    })
}

/// A word, possibly in brackets, possibly followed by punctuation.
fn dressed(word: BoxedStrategy<String>, punct: &'static [&'static str]) -> BoxedStrategy<String> {
    let bracket = prop::option::weighted(0.15, prop::sample::select(BRACKETS));
    let trailing = prop::option::weighted(0.2, pick(punct));
    (word, bracket, trailing)
        .prop_map(|(w, b, p)| {
            let w = match b {
                Some((open, close)) => format!("{open}{w}{close}"),
                None => w,
            };
            format!("{w}{}", p.unwrap_or_default())
        })
        .boxed()
}

fn mixed_token() -> BoxedStrategy<String> {
    prop_oneof![
        6 => dressed(arabic_word().boxed(), ARABIC_PUNCT),
        2 => dressed(word_of(TURKISH, 10).boxed(), PUNCT),
        2 => dressed(word_of(LATIN, 10).boxed(), PUNCT),
        1 => dressed(number(false).boxed(), PUNCT),
        1 => dressed(number(true).boxed(), ARABIC_PUNCT),
        1 => pick(PUNCT),
        1 => pick(CONTROLS),
        // A stray haraka: after a space, a control or at the start it begins its own cluster.
        1 => pick(HARAKAT),
    ]
    .boxed()
}

fn ltr_token() -> BoxedStrategy<String> {
    prop_oneof![
        3 => dressed(word_of(TURKISH, 12).boxed(), PUNCT),
        2 => dressed(word_of(LATIN, 12).boxed(), PUNCT),
        1 => dressed(number(false).boxed(), PUNCT),
        1 => pick(PUNCT),
    ]
    .boxed()
}

fn join(tokens: Vec<(String, u8)>) -> String {
    let mut text = String::new();
    for (token, sep) in tokens {
        text.push_str(&token);
        text.push_str(match sep {
            0 => "",
            1 => "  ",
            _ => " ",
        });
    }
    text
}

fn paragraph_of(token: BoxedStrategy<String>) -> impl Strategy<Value = String> {
    prop::collection::vec((token, 0u8..12), 1..40).prop_map(join)
}

fn para(text: &str) -> Paragraph {
    Paragraph::of_range(DOC_OFFSET, text.len(), ParaKind::Body)
}

fn layout(text: &str, width: usize, shape: bool) -> Vec<VisualLine> {
    let opts = LayoutOptions {
        shape,
        ..LayoutOptions::new(width)
    };
    layout_paragraph(&para(text), text, 0, &opts, None)
}

/// The paragraph's clusters (paragraph offsets) that a row holds, in logical order.
fn row_clusters(text: &str, line: &VisualLine) -> Vec<okur::layout::Cluster> {
    let (s, e) = (line.start - DOC_OFFSET, line.end - DOC_OFFSET);
    clusters(text)
        .into_iter()
        .filter(|c| c.start >= s && c.start < e)
        .collect()
}

fn cell_ranges(line: &VisualLine) -> Vec<(usize, usize)> {
    line.cells().map(|c| (c.start, c.end)).collect()
}

fn check_clusters_once(text: &str, line: &VisualLine) -> Result<(), TestCaseError> {
    let mut expected: HashMap<(usize, usize), usize> = HashMap::new();
    for c in row_clusters(text, line).iter().filter(|c| c.width > 0) {
        *expected
            .entry((c.start + DOC_OFFSET, c.end + DOC_OFFSET))
            .or_default() += 1;
    }
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    for range in cell_ranges(line) {
        *seen.entry(range).or_default() += 1;
    }
    prop_assert!(expected.values().all(|&n| n == 1));
    prop_assert_eq!(seen, expected, "row {:?}", line.logical);
    Ok(())
}

/// Cells are the row's clusters in the order okur's reorder function gives, and a bracket
/// at an odd level shows mirrored (and only then).
fn check_order_and_mirroring(text: &str, line: &VisualLine) -> Result<(), TestCaseError> {
    let units = row_clusters(text, line);
    let (Some(first), Some(last)) = (units.first(), units.last()) else {
        return Ok(());
    };
    let info = paragraph_levels(text, Some(line.dir));
    let starts: Vec<usize> = units.iter().map(|u| u.start).collect();
    let order: Vec<_> = line_visual_order(&info, first.start..last.end, &starts)
        .into_iter()
        .filter(|&(i, _)| units[i].width > 0)
        .collect();
    prop_assert_eq!(order.len(), line.cell_count());
    for (&(i, level), cell) in order.iter().zip(line.cells()) {
        prop_assert_eq!(cell.start, units[i].start + DOC_OFFSET);
        let src = text[units[i].start..].chars().next().unwrap_or(' ');
        let shown = cell.symbol.chars().next().unwrap_or(' ');
        let mirrored = unicode_bidi_mirroring::get_mirrored(src);
        if let Some(m) = mirrored.filter(|_| level.is_rtl()) {
            prop_assert_eq!(shown, m, "{:?} at an RTL level in {:?}", src, line.logical);
        } else if units[i].orphan_mark {
            prop_assert_eq!(shown, '\u{25CC}', "a lone mark sits on a dotted circle");
        } else if !units[i].replaced {
            prop_assert_eq!(shown, src);
        }
    }
    Ok(())
}

fn check_rows(text: &str, width: usize) -> Result<(), TestCaseError> {
    let lines = layout(text, width, false);
    for line in &lines {
        prop_assert!(line.indent + line.width() <= width);
        check_clusters_once(text, line)?;
        check_order_and_mirroring(text, line)?;
        for cell in line.cells() {
            let first = cell.symbol.chars().next();
            prop_assert!(
                !first.is_some_and(is_combining_mark),
                "cell {:?} starts with a mark",
                cell.symbol
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn rows_fit_hold_each_cluster_once_and_mirror_in_rtl(
        text in paragraph_of(mixed_token()),
        width in 1usize..=120,
    ) {
        check_rows(&text, width)?;
    }

    #[test]
    fn every_visible_cluster_is_on_exactly_one_row(
        text in paragraph_of(mixed_token()),
        width in 1usize..=120,
    ) {
        let mut seen: Vec<(usize, usize)> =
            layout(&text, width, false).iter().flat_map(cell_ranges).collect();
        seen.sort_unstable();
        let expected: Vec<(usize, usize)> = clusters(&text)
            .iter()
            .filter(|c| c.width > 0 && !c.space)
            .map(|c| (c.start + DOC_OFFSET, c.end + DOC_OFFSET))
            .collect();
        let mut visible = seen.clone();
        visible.retain(|r| expected.binary_search(r).is_ok());
        prop_assert_eq!(visible, expected);
    }

    #[test]
    fn turkish_and_latin_rows_are_unchanged(
        text in paragraph_of(ltr_token()),
        width in 1usize..=120,
    ) {
        for line in layout(&text, width, false) {
            prop_assert_eq!(line.indent, 0);
            prop_assert_eq!(line.visual(), line.logical.trim_matches(' '));
            prop_assert!(line.width() <= width);
        }
    }

    #[test]
    fn layout_is_deterministic(text in paragraph_of(mixed_token()), width in 1usize..=120) {
        prop_assert_eq!(layout(&text, width, false), layout(&text, width, false));
        prop_assert_eq!(layout(&text, width, true), layout(&text, width, true));
    }

    #[test]
    fn shaping_keeps_cells_and_ranges(text in paragraph_of(mixed_token()), width in 1usize..=120) {
        let plain = layout(&text, width, false);
        let shaped = layout(&text, width, true);
        prop_assert_eq!(plain.len(), shaped.len());
        for (p, s) in plain.iter().zip(&shaped) {
            prop_assert_eq!(cell_ranges(p), cell_ranges(s));
            prop_assert_eq!((p.indent, p.width()), (s.indent, s.width()));
            for (pc, sc) in p.cells().zip(s.cells()) {
                prop_assert_eq!(pc.symbol.chars().count(), sc.symbol.chars().count());
                prop_assert_eq!(pc.symbol.chars().skip(1).collect::<String>(),
                                sc.symbol.chars().skip(1).collect::<String>());
            }
        }
    }

    #[test]
    fn terminal_and_off_modes_keep_logical_order(
        text in paragraph_of(mixed_token()),
        width in 1usize..=120,
    ) {
        for bidi in [BidiMode::Terminal, BidiMode::Off] {
            let opts = LayoutOptions { bidi, ..LayoutOptions::new(width) };
            for line in layout_paragraph(&para(&text), &text, 0, &opts, None) {
                let starts: Vec<usize> = line.cells().map(|c| c.start).collect();
                prop_assert!(starts.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(line.indent + line.width() <= width);
            }
        }
    }
}
