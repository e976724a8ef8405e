//! Anchored and punctuated terms on a few lines: which lines' text is read. And the words'
//! answer when few lines are scanned (a key narrowing the last one's few hits,
//! over a large vocabulary): an anchored term is read from each scanned line's first and
//! last words' text, with no table of every word. Its answer against every line read is
//! checked on generated lines with the other anchored terms (`wordscan_tests.rs`).

use proptest::prelude::*;

use super::tests::{one_document, read_lines, same_as_plain, verdicts_as_read};

/// Lines whose words hold each other, with clitics and punctuation, in both scripts.
const LINES: &[&str] = &[
    "Ankara'da ankaralı",
    "karanlık ara",
    "aa aaa",
    "«dedi» Kara",
    "ANKARA",
    "قال أنقرة,",
    "a1b2 12345 ara,",
];

#[test]
fn an_anchored_term_over_few_lines_reads_no_line_text() {
    let index = one_document(LINES);
    for raw in [
        "^a", "a$", "^ara", "ara$", "^aa$", "^kara$", "kara$", "^ank", "^قال",
    ] {
        let read = verdicts_as_read(&index, raw, false);
        assert_eq!(read, Some(Vec::new()), "{raw}: the edge words answer");
    }
}

#[test]
fn anchored_terms_read_no_line_and_punctuated_ones_only_their_words_lines() {
    let index = one_document(LINES);
    for raw in [
        "^a", "a$", "^ara", "ara$", "^aa$", "^kara$", "'a", "!^a", "kara$",
    ] {
        let read = read_lines(&index, raw);
        assert!(read.is_empty(), "{raw}: texts read: {read:?}");
        same_as_plain(&index, raw).unwrap_or_else(|e| panic!("{e}"));
    }
    // The lines holding `ara` in a word: the text says where `ara,` lies.
    let read = read_lines(&index, "ara,");
    assert_eq!(read, [0, 1, 3, 4, 6], "ara,");
    // `^ankara$` also meets a line through its alias spelling, where the text says.
    for raw in ["ara,", "ankara'da", "^«ded", "dedi»", "'", "^", "^ankara$"] {
        same_as_plain(&index, raw).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Words of which some lines hold none of a short term's letters: their words are read to
/// the end and hold no hit.
const SPARSE: &[&str] = &[
    "ankara",
    "Kara",
    "dedi",
    "ve",
    "12345",
    "x1",
    "işık",
    "قال",
    "موسكو",
    "و",
    "أنقرة",
    "مصر",
];

/// A short term (one or two letters, read from each line's words), with an operator.
fn short_term() -> impl Strategy<Value = String> {
    let ops = prop::sample::select(&["", "", "'", "!", "^", "$", "^$"][..]);
    let letters = prop::sample::select(&["a", "k", "x", "1", "ı", "ق", "م", "و"][..]);
    (ops, letters.clone(), prop::option::of(letters)).prop_map(|(op, a, b)| {
        let piece = format!("{a}{}", b.unwrap_or(""));
        match op {
            "$" => format!("{piece}$"),
            "^$" => format!("^{piece}$"),
            _ => format!("{op}{piece}"),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Short terms read from each line's words, on lines of which some lack their letters:
    /// every verdict is the line's score read, and every search (typed at once or a
    /// character at a time, one term or two) lists what a scan of every line's text does.
    #[test]
    fn short_terms_on_lines_without_their_letters_answer_as_read(
        lines in prop::collection::vec(
            prop::collection::vec(prop::sample::select(SPARSE), 1..5).prop_map(|w| w.join(" ")),
            1..10,
        ),
        a in short_term(),
        b in prop::option::of((prop::sample::select(&[" ", " | "][..]), short_term())),
    ) {
        let raw = match b {
            Some((join, b)) => format!("{a}{join}{b}"),
            None => a,
        };
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let index = one_document(&lines);
        verdicts_as_read(&index, &raw, true);
        same_as_plain(&index, &raw)?;
    }
}

#[test]
fn a_followed_term_settles_lines_of_several_kinds_from_their_words() {
    // `ankara` and `12` are in few words, whose lines are followed; these lines hold words
    // of several kinds (the pattern whole, starting a word, ending one, inside one), none
    // starting the line: their own words say which comes first, not their text.
    let mut lines = vec![
        "dedi ankaralı Ankara",
        "dedi anankara ankaralı",
        "ve Ankara'da anankara",
        "ve 2012 12 120",
        "ve 120 2012 a1b2",
    ];
    // Lines without them: reading every line's words costs more than following those few
    // words' lines.
    lines.extend(["ve bu da dedi şu o", "bu ve şu dedi o da"].repeat(40));
    let index = one_document(&lines);
    for raw in ["ankara", "nkar", "12", "'12", "!12"] {
        let read = read_lines(&index, raw);
        assert!(read.is_empty(), "{raw}: texts read: {read:?}");
        same_as_plain(&index, raw).unwrap_or_else(|e| panic!("{e}"));
    }
}
