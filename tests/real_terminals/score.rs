//! The OCR check as a pure function: how many of the words read off the screen are words of
//! the document, once both are folded the same way.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

/// Words shorter than this (in folded letters) are not counted: OCR turns stray marks into
/// one-letter "words" in either reading order.
pub const MIN_LETTERS: usize = 2;

/// Folds one character: `None` drops it (harakat, superscript alef, tatweel), a letter is
/// unified with the forms OCR confuses it with (hamza carriers of alef, alef maqsura, ta
/// marbuta).
fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        'ة' => Some('ه'),
        other => Some(other),
    }
}

/// True for the letters of the Arabic block (not its digits, punctuation or marks).
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

/// The folded Arabic words of `text`: maximal runs of Arabic letters after NFKC (which turns
/// presentation forms, as `--shape on` draws them, back into letters) and folding; anything
/// else (spaces, punctuation, digits, Latin) separates words.
pub fn arabic_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.nfkc().filter_map(fold_char) {
        if is_arabic_letter(c) {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// What the OCR read, measured against the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Recognised words of at least [`MIN_LETTERS`] letters.
    pub read: usize,
    /// How many of them are words of the document.
    pub known: usize,
}

impl Score {
    /// `known / read`, 0 when nothing was read (a blank screen does not pass).
    pub fn share(&self) -> f64 {
        if self.read == 0 {
            0.0
        } else {
            self.known as f64 / self.read as f64
        }
    }
}

/// Scores OCR output against the document's own words. Words shown backwards (the failure
/// this test exists for) are, with very few exceptions, not words of the document.
pub fn score(ocr: &str, document: &str) -> Score {
    let vocabulary: HashSet<String> = arabic_words(document).into_iter().collect();
    let read: Vec<String> = arabic_words(ocr)
        .into_iter()
        .filter(|w| w.chars().count() >= MIN_LETTERS)
        .collect();
    let known = read.iter().filter(|w| vocabulary.contains(*w)).count();
    Score {
        read: read.len(),
        known,
    }
}
