//! A key's words found among an earlier key's (the memo) are the words found in the whole
//! vocabulary, and so are the tables made of them, over keys typed one character at a
//! time with every operator, several queries in a row sharing one memo.

use proptest::prelude::*;

use super::WordMemo;
use crate::search::Query;
use crate::search::postings::Postings;
use crate::search::query::Mode;
use crate::search::wordscan::needle_of;

/// Words holding each other, in both scripts, with clitics, digits and punctuation.
const WORDS: &[&str] = &[
    "Ankara",
    "ankaralı",
    "Kara",
    "karanlık",
    "anankara",
    "Ankara'da",
    "a1b2",
    "aa",
    "ara",
    "kana",
    "yan",
    "12345",
    "أنقرة",
    "وأنقرة",
    "بأنقرة",
    "موسكو",
    "«Moskova»",
    "İstanbul",
    "ışık",
];

/// A query as typed: one to three terms, each a piece of a word with an operator.
fn query() -> impl Strategy<Value = String> {
    let ops = prop::sample::select(&["", "", "'", "!", "^", "$", "^$", "\""][..]);
    let term =
        (prop::sample::select(WORDS), 0usize..4, 0usize..3, ops).prop_map(|(w, from, cut, op)| {
            let chars: Vec<char> = crate::text::fold_str(w).chars().collect();
            let from = from.min(chars.len().saturating_sub(1));
            let to = chars
                .len()
                .saturating_sub(cut)
                .max(from + 1)
                .min(chars.len());
            let piece: String = chars[from..to].iter().collect();
            match op {
                "$" => format!("{piece}$"),
                "^$" => format!("^{piece}$"),
                "\"" => format!("\"{piece}\""),
                _ => format!("{op}{piece}"),
            }
        });
    prop::collection::vec(term, 1..4).prop_map(|terms| terms.join(" "))
}

/// Every needle the words are asked for by `raw`'s terms: their own patterns' and their
/// alias spellings'.
fn needles(raw: &str) -> Vec<String> {
    let query = Query::parse(raw);
    let mut out = Vec::new();
    for term in query.groups.iter().flat_map(|g| &g.terms) {
        let own = needle_of(&term.pattern, term.mode).map(|(n, _)| n);
        let aliases = term.aliases.iter().map(|a| needle_of(a, Mode::Fuzzy));
        out.extend(
            own.into_iter()
                .chain(aliases.flatten().map(|(n, _)| n))
                .map(String::from),
        );
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn words_narrowed_from_earlier_keys_are_the_words_found_from_scratch(
        lines in prop::collection::vec(prop::collection::vec(prop::sample::select(WORDS), 1..6), 1..12),
        queries in prop::collection::vec(query(), 1..4),
    ) {
        let texts: Vec<String> = lines.iter().map(|l| l.join(" ")).collect();
        let postings = Postings::build(texts.iter().map(String::as_str)).unwrap_or_default();
        // Always through the earlier words (cost 0), and as the index does.
        for memo in [WordMemo::with_word_cost(0), WordMemo::default()] {
        for raw in &queries {
            for (end, c) in raw.char_indices() {
                let typed = &raw[..end + c.len_utf8()];
                for needle in needles(typed) {
                    let narrowed = memo.holding(&postings, &needle).unwrap_or_default();
                    let scratch = postings.words_holding(&needle, None, usize::MAX).unwrap_or_default();
                    prop_assert_eq!(&*narrowed, scratch.as_slice(), "{} after {:?}", needle, typed);
                    prop_assert_eq!(
                        postings.first_kinds(&needle, &narrowed),
                        postings.first_kinds(&needle, &scratch)
                    );
                    prop_assert_eq!(
                        postings.edge_kinds(&needle, &narrowed),
                        postings.edge_kinds(&needle, &scratch)
                    );
                }
            }
        }
        }
    }
}

#[test]
fn a_pattern_is_looked_for_among_the_words_of_the_longest_remembered_piece() {
    let postings =
        Postings::build(["ankara kara yan", "ankaralı kana"].into_iter()).unwrap_or_default();
    let memo = WordMemo::with_word_cost(0);
    let words = |needle: &str| -> Vec<String> {
        let ids = memo.holding(&postings, needle).unwrap_or_default();
        ids.iter()
            .map(|&id| postings.word(id).to_string())
            .collect()
    };
    assert_eq!(words("a").len(), 5);
    assert_eq!(words("an"), ["ankara", "yan", "ankarali", "kana"]);
    assert_eq!(words("ka"), ["ankara", "kara", "ankarali", "kana"]);
    // Holds `an` and `ka`: either base gives the same words.
    assert_eq!(words("anka"), ["ankara", "ankarali"]);
    // Holds none of them but `a`.
    assert_eq!(words("ya"), ["yan"]);
    assert_eq!(words("q"), Vec::<String>::new());
}
