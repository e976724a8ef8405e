//! The postings hold each word once and give back every line of it, in order.

use super::*;

fn postings(keys: &[&str]) -> Postings {
    Postings::build(keys.iter().copied()).unwrap_or_default()
}

/// Every line of word `w`, with its flag.
fn lines_of(p: &Postings, word: &str) -> Vec<(usize, bool)> {
    let Some(id) = p
        .words_holding(word, None, usize::MAX)
        .and_then(|ids| ids.into_iter().find(|&id| p.word(id) == word))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    p.lines.for_each(id, |line, first| out.push((line, first)));
    out
}

#[test]
fn each_word_leads_to_its_lines_once_with_the_key_start_flagged() {
    let p = postings(&[
        "ankara ankara'da",
        "«ankara» 2020",
        "",
        "yeni ankara",
        "ankara",
    ]);
    assert_eq!(
        lines_of(&p, "ankara"),
        [(0, true), (1, false), (3, false), (4, true)]
    );
    assert_eq!(lines_of(&p, "da"), [(0, false)]);
    assert_eq!(lines_of(&p, "2020"), [(1, false)]);
    assert_eq!(lines_of(&p, "yeni"), [(3, true)]);
    assert!(
        lines_of(&p, "«ankara»").is_empty(),
        "words are alphanumeric runs"
    );
}

#[test]
fn the_words_holding_a_needle_are_all_found_and_each_once() {
    let keys = ["ababab abab ab", "ba aba", "xyz", "بوتين وبوتين", "ab12ab"];
    let p = postings(&keys);
    let mut every: Vec<&str> = keys
        .iter()
        .flat_map(|k| k.split(' '))
        .filter(|w| !w.is_empty())
        .collect();
    every.sort_unstable();
    every.dedup();
    for needle in ["ab", "b", "aba", "بوتين", "12", "q", "ababab"] {
        let found = p
            .words_holding(needle, None, usize::MAX)
            .unwrap_or_default();
        let mut words: Vec<&str> = found.iter().map(|&id| p.word(id)).collect();
        words.sort_unstable();
        let want: Vec<&str> = every
            .iter()
            .copied()
            .filter(|w| w.contains(needle))
            .collect();
        assert_eq!(words, want, "{needle}");
        let within = p.words_holding(needle, Some(&found), usize::MAX);
        assert_eq!(within.as_deref(), Some(found.as_slice()), "{needle}");
    }
    assert_eq!(p.words_holding("ab", None, 1), None, "more than the limit");
}

#[test]
fn the_quick_alphanumeric_test_is_the_standard_one() {
    let samples = ['\u{800}', 'ﻻ', '中', '\u{1D400}', '٣', '𝟘', char::MAX];
    for c in ('\0'..'\u{900}').chain(samples) {
        assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
    }
}

proptest::proptest! {
    #[test]
    fn a_needle_is_found_in_a_word_where_the_standard_search_finds_it(
        hay in "[ak\u{627}\u{644}]{0,12}",
        needle in "[ak\u{627}\u{644}]{0,3}",
    ) {
        proptest::prop_assert_eq!(find_in(hay.as_bytes(), needle.as_bytes()), hay.find(&needle));
    }
}

proptest::proptest! {
    /// The words found holding a needle are exactly those whose text holds it: through the
    /// whole vocabulary and among given words, in both scripts, with digits.
    #[test]
    fn the_words_found_holding_a_needle_are_those_whose_text_holds_it(
        keys in proptest::collection::vec("[akny1\u{627}\u{644}\u{645}\u{621} ]{0,24}", 1..8),
        needle in "[akny1\u{627}\u{644}\u{645}\u{621}]{1,3}",
    ) {
        let p = Postings::build(keys.iter().map(String::as_str)).unwrap_or_default();
        let every: Vec<u32> = (0..).take(p.vocab.len()).collect();
        let want: Vec<u32> = every
            .iter()
            .copied()
            .filter(|&id| p.word(id).contains(needle.as_str()))
            .collect();
        proptest::prop_assert_eq!(p.words_holding(&needle, None, usize::MAX), Some(want.clone()));
        proptest::prop_assert_eq!(p.words_holding(&needle, Some(&every), usize::MAX), Some(want));
    }
}
