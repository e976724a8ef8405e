//! Extraction of a text whose words never repeat (made-up words, as in base64 or a list of
//! numbers) in memory proportional to its text: the tagger's cache of what each word
//! contributes (`extract::crf::scores`) was capped only between texts, so one long text of
//! new words kept a row of scores for every word it has (issue 13: a 200 MB line of base64
//! peaked at 9.1 times the file in `okur extract`).

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::measured;
use okur::corpus::{Corpus, Document};
use okur::extract::{Extractor, extract_corpus_table};

/// About `size` bytes of made-up lowercase words of 3 to 12 letters, one line, no sentence
/// end: no place to cut it into pieces, so it is read whole, and no word comes back.
fn made_up_words(size: usize) -> String {
    let mut text = String::with_capacity(size + 16);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    while text.len() < size {
        let len = 3 + next() % 10;
        for _ in 0..len {
            let letter = u8::try_from(next() % 26).unwrap_or(0);
            text.push(char::from(b'a' + letter));
        }
        text.push(' ');
    }
    text.push('\n');
    text
}

/// Made-up words, read whole: what extraction holds at its peak is the text's tokens and
/// the passes' tables, a few times the text. The word cache grew by a row of scores and an
/// entry for every word (about 200 bytes a 9-byte word): the same extraction peaked at
/// 36.4 times the text; with the cache forgotten between segments once full, 9.5 (the
/// whole text's tokens and the date rules' tables are most of what is left).
#[test]
fn a_text_of_words_that_never_repeat_is_extracted_in_memory_proportional_to_it() {
    let ex = Extractor::new();
    // The models and tables loaded on first use are not the text's.
    let warm = Corpus {
        docs: vec![Document::from_text("warm.txt", made_up_words(20_000))],
    };
    drop(extract_corpus_table(&ex, &warm, &Default::default()));
    let text = made_up_words(3_000_000);
    let size = text.len();
    let corpus = Corpus {
        docs: vec![Document::from_text("words.txt", text)],
    };
    let done = std::sync::atomic::AtomicUsize::new(0);
    let (_table, _, peak) = measured(|| extract_corpus_table(&ex, &corpus, &done));
    assert!(
        peak <= size * 12,
        "extraction peaked at {peak} bytes for a {size}-byte text"
    );
}
