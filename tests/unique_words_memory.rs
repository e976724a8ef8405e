//! Extraction of one enormous line with no sentence end (made-up words, as in base64 or a
//! list of numbers; or real words without full stops) in memory proportional to its text
//! (issue 13). The tagger's cache of what each word contributes (`extract::crf::scores`)
//! was capped only between texts: a 200 MB line of base64 peaked at 9.1 times the file in
//! `okur extract`. Then such a line was read whole, its tokens, the date rules' tables and
//! the tagger's sequence held for all of it at once: it is now cut at a word break
//! (`extract::chunk`).

#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/seed_words.rs"]
mod seed_words;

use counting_alloc::{measured, one_at_a_time};
use okur::corpus::{Corpus, Document};
use okur::extract::{Extractor, extract_corpus_table, extract_corpus_table_in_pieces};

/// A generator of pseudo-random numbers (xorshift), the same on every run.
fn xorshift() -> impl FnMut() -> u64 {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}

/// About `size` bytes of made-up lowercase words of 3 to 12 letters, one line, no sentence
/// end: no word comes back.
fn made_up_words(size: usize) -> String {
    let mut text = String::with_capacity(size + 16);
    let mut next = xorshift();
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

/// About `size` bytes as `base64 -w0` gives them: letters, digits, `+` and `/`, no space.
fn base64_like(size: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut next = xorshift();
    let mut text: String = (0..size)
        .map(|_| {
            let i = usize::try_from(next() % 64).unwrap_or(0);
            char::from(ALPHABET[i])
        })
        .collect();
    text.push('\n');
    text
}

/// About `size` bytes of the seeds' words on one line, their sentence ends taken out.
fn seed_words_on_one_line(size: usize) -> String {
    let words = seed_words::seed_words();
    let mut text = String::with_capacity(size + 64);
    for word in words.iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(word.trim_end_matches(['.', '!', '?', '؟']));
        text.push(' ');
    }
    text.push('\n');
    text
}

/// The peak of extracting `text` alone, above what the extractor held before, over its
/// length. Extraction's tables and models loaded on first use are not the text's: a small
/// text is extracted first.
fn peak_per_byte(ex: &Extractor, text: String) -> f64 {
    peak_in_pieces(ex, text, None)
}

/// [`peak_per_byte`], the text read in pieces of `piece` bytes when given (else as the
/// reader reads it).
fn peak_in_pieces(ex: &Extractor, text: String, piece: Option<usize>) -> f64 {
    let warm = Corpus {
        docs: vec![Document::from_text("warm.txt", made_up_words(20_000))],
    };
    drop(extract_corpus_table(ex, &warm, &Default::default()));
    let size = text.len();
    let corpus = Corpus {
        docs: vec![Document::from_text("line.txt", text)],
    };
    let done = std::sync::atomic::AtomicUsize::new(0);
    let (_table, _, peak) = measured(|| match piece {
        Some(piece) => extract_corpus_table_in_pieces(ex, &corpus, &done, piece),
        None => extract_corpus_table(ex, &corpus, &done),
    });
    let ratio = peak as f64 / size as f64;
    eprintln!("extraction peaked at {ratio:.2} times the text");
    ratio
}

/// Made-up words: the word cache grew by a row of scores and an entry for every word
/// (about 200 bytes a 9-byte word), 36.4 times the text; with the cache forgotten between
/// segments once full, 9.5. Cutting the line into pieces took it to 8.1–9.3 (it varies with
/// which pieces the workers hold at once): at 3 MB most of what is left does not grow with
/// the text (each worker's capped word cache, a piece's tables), so this bound guards the
/// cache, not the cut (at 40 MB the process peaks at 2.6 times the file: 10.2, then
/// 3.9 with every word held as a hash).
#[test]
fn a_line_of_words_that_never_repeat_is_extracted_in_memory_proportional_to_it() {
    let _one = one_at_a_time();
    let ex = Extractor::new();
    let ratio = peak_per_byte(&ex, made_up_words(3_000_000));
    assert!(
        ratio <= 12.0,
        "extraction peaked at {ratio:.2} times the text"
    );
}

/// Made-up words in pieces so small (50 KB) that their working memory is little: what is
/// left is what the document holds for all of its pieces, and each worker's capped word
/// cache. The document held the hash of each of its words (8 bytes for about 9 of text),
/// whether or not a piece would ask about it: 5.08 times the text. Now it holds only the
/// stems a Turkish suffix leaves of a word that stand as words themselves: 4.25-4.28.
#[test]
fn a_line_of_words_that_never_repeat_is_not_held_word_by_word_for_its_pieces() {
    let _one = one_at_a_time();
    let ex = Extractor::new();
    let ratio = peak_in_pieces(&ex, made_up_words(3_000_000), Some(50_000));
    assert!(
        ratio <= 4.6,
        "extraction peaked at {ratio:.2} times the text"
    );
}

/// Base64: no space to cut at, so the line is cut inside its words. 7.6–10.0 times the text
/// at 3 MB (6.8 before the cut: at this size the workers' tables, which do not grow with the
/// text, are most of it; at 40 MB the process peaks at 2.6 times the file, 4.8 then 3.3
/// before): a guard against a blow-up such as the word cache's (36 times), not a measure of
/// the cut.
#[test]
fn a_line_of_base64_is_extracted_in_memory_proportional_to_it() {
    let _one = one_at_a_time();
    let ex = Extractor::new();
    let ratio = peak_per_byte(&ex, base64_like(3_000_000));
    assert!(
        ratio <= 12.0,
        "extraction peaked at {ratio:.2} times the text"
    );
}

/// Real words with no full stop: names and dates among them. Held as one piece, the line
/// peaked at 10.3 times the text (and each word looked for elsewhere read all of it); cut
/// into pieces at spaces, 4.3–4.7.
#[test]
fn a_line_of_real_words_without_sentence_ends_is_extracted_in_memory_proportional_to_it() {
    let _one = one_at_a_time();
    let ex = Extractor::new();
    let ratio = peak_per_byte(&ex, seed_words_on_one_line(3_000_000));
    assert!(
        ratio <= 6.0,
        "extraction peaked at {ratio:.2} times the text"
    );
}
