//! The Turkish endings a date word may carry (`haftaya`, `yılı`, `1990'lı`): the list, a
//! set of it for the rules' lookups of every split of a word, and the sound rule that
//! tells an ending from the end of another word.

use super::super::morph::ShortWords;

/// Folded Turkish endings a date word may carry outside its span (case, possessive, plural).
pub(super) const TR_ENDINGS: &[&str] = &[
    "i", "u", "a", "e", "in", "un", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "ya", "ye",
    "yi", "yu", "na", "ne", "nda", "nde", "ndan", "nden", "nin", "nun", "inda", "inde", "unda",
    "indan", "inden", "undan", "ina", "ine", "una", "ini", "unu", "inin", "unun", "ki", "daki",
    "deki", "taki", "teki", "ndaki", "ndeki", "si", "su", "sinda", "sinde", "sina", "sine", "sini",
    "sinin", "sindan", "sinden", "lar", "ler", "lari", "leri", "larin", "lerin", "larinda",
    "lerinde", "lardan", "lerden", "larda", "lerde", "lara", "lere", "ca", "ce", "yla", "yle",
    "la", "le", "dir", "tir", "dur", "tur", "indaki", "indeki", "undaki",
];

/// [`TR_ENDINGS`] for fast lookups.
pub(super) static ENDINGS: std::sync::LazyLock<ShortWords> =
    std::sync::LazyLock::new(|| ShortWords::new(TR_ENDINGS));

/// The length in bytes of the longest of [`TR_ENDINGS`].
pub(super) const LONGEST_ENDING: usize = {
    let mut i = 0;
    let mut max = 0;
    while i < TR_ENDINGS.len() {
        if TR_ENDINGS[i].len() > max {
            max = TR_ENDINGS[i].len();
        }
        i += 1;
    }
    max
};

/// Turkish phonology: an ending that starts with a vowel follows a consonant (`yılı`), and
/// one with a buffer letter `y`, `n` or `s` follows a vowel (`haftaya`, `haftası`), so
/// `dünya` is not `dün` + `ya`.
pub(super) fn fits(stem: &str, ending: &str) -> bool {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let (Some(last), Some(first)) = (stem.chars().next_back(), ending.chars().next()) else {
        return false;
    };
    match first {
        'y' | 'n' | 's' => vowel(last),
        c if vowel(c) => !vowel(last),
        _ => true,
    }
}
