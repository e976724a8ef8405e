//! Anchored and punctuated terms on a few lines: which lines' text is read. And the words'
//! answer when few lines are scanned (a key narrowing the last one's few hits,
//! over a large vocabulary): an anchored term is read from each scanned line's first and
//! last words' text, with no table of every word. Its answer against every line read is
//! checked on generated lines with the other anchored terms (`wordscan_tests.rs`).

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
