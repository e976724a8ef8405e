//! Search keys: one folding family used by search, extraction and linking alike.
//!
//! [`fold`] makes a key where Turkish I/ı/İ/i are one letter, Latin diacritics are gone, and
//! Arabic spelling variants (harakat, tatweel, hamza seats, alef maqsura, ta marbuta, digits)
//! meet; every key byte maps back to the source byte it came from. [`name_key`] goes further,
//! to a consonant skeleton shared by the Latin and Arabic spellings of a name, so `lavrov`
//! and لافروف meet. `str::to_lowercase` is never used for keys: it turns `İ` into two code
//! points and `I` into `i` instead of `ı`.

mod fold;
mod name_key;

pub use fold::{Folded, fold, fold_char, fold_into, fold_str, is_arabic_mark};
pub use name_key::{name_key, push_word_key, push_word_shape, vowels_agree};

/// True for Arabic-script letters (the ranges okur treats as Arabic).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// True for characters inside a word: letters, digits and combining marks (harakat stay
/// with their letter). ASCII, Latin-1/Latin Extended and the Arabic block are decided
/// without Unicode table lookups, which otherwise dominate scans of Turkish and Arabic text.
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{BF}' => c.is_alphanumeric(),
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        '\u{0610}'..='\u{061A}' | '\u{0621}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' => true,
        '\u{06D5}'..='\u{06FC}' | '\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c),
    }
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
    use super::is_word_char;

    #[test]
    fn trimmed_lines_keep_their_offsets() {
        let text = "  Ankara\r\n\n\t مرحبا \nson";
        let lines: Vec<(usize, &str)> = super::trimmed_lines(text).collect();
        assert_eq!(lines, [(2, "Ankara"), (13, "مرحبا"), (25, "son")]);
        for (at, line) in lines {
            assert_eq!(text.get(at..at + line.len()), Some(line));
        }
    }
    use unicode_normalization::char::is_combining_mark;

    #[test]
    fn word_chars_agree_with_unicode_where_it_matters() {
        for c in ('\0'..='\u{24F}').chain('\u{0621}'..='\u{064A}') {
            let unicode = c.is_alphanumeric() || is_combining_mark(c);
            assert_eq!(is_word_char(c), unicode, "{c:?}");
        }
        for c in ['ُ', 'ّ', 'ـ', '٣', 'ڤ'] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in ['،', '؛', '؟', '٪', '۔', ' ', '-', '\''] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }
}
