//! Search keys: one folding family used by search, extraction and linking alike.
//!
//! [`fold`] makes a key where Turkish I/ı/İ/i are one letter, Latin diacritics are gone, and
//! Arabic spelling variants (harakat, tatweel, hamza seats, alef maqsura, ta marbuta, digits,
//! presentation forms and their ligatures) meet; every key byte maps back to the source byte it came from. [`name_key`] goes further,
//! to a consonant skeleton shared by the Latin and Arabic spellings of a name, so `lavrov`
//! and لافروف meet. `str::to_lowercase` is never used for keys: it turns `İ` into two code
//! points and `I` into `i` instead of `ı`. The character rules every part shares (Arabic
//! script, word characters, proclitics, sentence ends) are in one place, `script.rs`.

mod fold;
mod name_key;
mod script;

pub use fold::{Folded, fold, fold_char, fold_into, fold_str, is_arabic_mark};
pub use name_key::{name_key, push_word_key, push_word_shape, vowels_agree};
pub use script::{
    ARABIC_PROCLITICS, SENTENCE_ENDS, has_proclitic, has_sentence_end, in_arabic_block, is_arabic,
    is_sentence_end, is_word_char, starts_arabic,
};

/// `s` cut to at most `max` bytes, at the end of a character (`str::floor_char_boundary`
/// is newer than the crate's `rust-version`).
pub fn floor_boundary(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The lines of `text` with their surrounding white space cut, each with the byte offset
/// where it starts in `text`; blank lines are left out. The search index makes an item of
/// each, and the reader highlights within each, so both see the same lines.
pub fn trimmed_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim_start();
        let at = offset + (line.len() - trimmed.len());
        offset += raw.len();
        let trimmed = trimmed.trim_end();
        (!trimmed.is_empty()).then_some((at, trimmed))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cut_ends_at_a_character() {
        assert_eq!(super::floor_boundary("şş", 3), "ş");
        assert_eq!(super::floor_boundary("şş", 4), "şş");
        assert_eq!(super::floor_boundary("ab", 9), "ab");
        assert_eq!(super::floor_boundary("ş", 1), "");
    }

    #[test]
    fn trimmed_lines_keep_their_offsets() {
        let text = "  Ankara\r\n\n\t مرحبا \nson";
        let lines: Vec<(usize, &str)> = super::trimmed_lines(text).collect();
        assert_eq!(lines, [(2, "Ankara"), (13, "مرحبا"), (25, "son")]);
        for (at, line) in lines {
            assert_eq!(text.get(at..at + line.len()), Some(line));
        }
    }
}
