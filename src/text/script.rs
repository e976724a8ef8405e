//! The character and word rules every part of okur shares: which characters are Arabic
//! script, which belong inside a word, which Arabic letters attach to the front of a word,
//! which characters end a sentence. One definition each, so extraction, search, the store and
//! the reader cut text the same way.

/// True for Arabic-script characters: the Arabic block, its supplement and extended-A block,
/// and the presentation forms (the ranges okur treats as Arabic).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// True when `s` begins with an Arabic-script character ([`is_arabic`]): how a word, name or
/// mention is told to be Arabic.
pub fn starts_arabic(s: &str) -> bool {
    s.chars().next().is_some_and(is_arabic)
}

/// True for the Arabic block proper, U+0600 to U+06FF: the letters, marks and digits Arabic
/// news is written in, the only ones folding rewrites.
pub fn in_arabic_block(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

/// True for characters inside a word: letters, digits and combining marks (harakat stay
/// with their letter). ASCII, Latin-1/Latin Extended and the Arabic block are decided
/// without Unicode table lookups, which otherwise dominate scans of Turkish and Arabic text.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{BF}' => c.is_alphanumeric(),
        '\u{C0}'..='\u{24F}' => c != '×' && c != '÷',
        '\u{0610}'..='\u{061A}' | '\u{0620}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' => true,
        // Not the end-of-ayah, rub el hizb and sajdah signs among the Quranic marks.
        '\u{06DD}' | '\u{06DE}' | '\u{06E9}' => false,
        '\u{06D5}'..='\u{06FC}' | '\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c),
    }
}

/// Arabic proclitics: the one-letter words written joined to the next (و and, ف so, ب with,
/// ل for, ك like).
pub const ARABIC_PROCLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

/// True when `word` starts with an Arabic proclitic letter (it may still be part of the word).
pub fn has_proclitic(word: &str) -> bool {
    word.starts_with(ARABIC_PROCLITICS)
}

/// Characters that end a sentence: `.`, `!`, `?`, the Arabic `؟`, and a line break.
pub const SENTENCE_ENDS: [char; 5] = ['.', '!', '?', '؟', '\n'];

/// True for a character that ends a sentence ([`SENTENCE_ENDS`]).
pub fn is_sentence_end(c: char) -> bool {
    SENTENCE_ENDS.contains(&c)
}

/// True when the text between two words (`gap`) holds a sentence end.
pub fn has_sentence_end(gap: &str) -> bool {
    gap.contains(SENTENCE_ENDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::is_combining_mark;

    #[test]
    fn word_chars_agree_with_unicode_where_it_matters() {
        for c in ('\0'..='\u{24F}').chain('\u{0620}'..='\u{064A}') {
            let unicode = c.is_alphanumeric() || is_combining_mark(c);
            assert_eq!(is_word_char(c), unicode, "{c:?}");
        }
        for c in ['ُ', 'ّ', 'ـ', '٣', 'ڤ', '\u{0301}', '\u{0670}', '\u{06E5}'] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in [
            '،', '؛', '؟', '٪', '۔', ' ', '-', '\'', '\u{06DD}', '\u{06DE}', '\u{06E9}',
        ] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn the_arabic_block_is_inside_the_arabic_script() {
        for c in ['ا', 'ي', '\u{064B}', '٣', '،'] {
            assert!(in_arabic_block(c) && is_arabic(c), "{c:?}");
        }
        for c in ['\u{0750}', '\u{08A0}', 'ﻻ'] {
            assert!(is_arabic(c) && !in_arabic_block(c), "{c:?}");
        }
        assert!(!is_arabic('a') && !is_arabic('ş'));
    }

    #[test]
    fn proclitics_and_sentence_ends() {
        assert!(has_proclitic("وقال") && has_proclitic("بالقاهرة"));
        assert!(!has_proclitic("قال") && !has_proclitic("Ankara"));
        assert!(has_sentence_end(". ") && has_sentence_end("؟ ") && has_sentence_end("\n"));
        assert!(!has_sentence_end(", ") && !has_sentence_end(" - "));
        assert!(is_sentence_end('!') && !is_sentence_end(':'));
    }
}
