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

pub use fold::{Folded, fold, fold_char, fold_into, fold_str};
pub use name_key::{name_key, push_word_key};

/// True for Arabic-script letters (the ranges okur treats as Arabic).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}
