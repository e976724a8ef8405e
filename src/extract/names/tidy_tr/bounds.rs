//! Where a Turkish name ends, beyond an apostrophe suffix on its word: a suffix written
//! apart, as CoNLL renderings of news write it (`Bitlis' in Tatvan`, `Almanya 'nın`) or
//! without an apostrophe (`Kırım ın Rusya ya`); and facilities named after a place or a
//! person (`Kocatepe Camii`, `Karşıyaka Mezarlığı`, `Mor Gabriel Manastırı`), which the
//! gold conventions of okur news and Wiki-NER do not count as places or persons.

use crate::extract::token::{Sep, Tokens};

/// Case suffixes (folded) that a text may write as a word of their own after a name. Not
/// `da`/`de` or `la`/`le`, which are also particles inside names (`Vasco da Gama`).
const LOOSE_SUFFIXES: &[&str] = &[
    "in", "nin", "un", "nun", "ya", "ye", "yi", "yu", "dan", "den", "tan", "ten", "nda", "nde",
    "ndan", "nden", "daki", "deki", "taki", "teki", "ndaki", "ndeki",
];

/// Folded starts of facility head nouns, in any case form (`Camii'nde`, `Mezarlığına`).
/// Those already organisation heads (`Havalimanı`, `Köprüsü`, `Stadyumu`) are not repeated.
const FACILITIES: &[&str] = &[
    "camii", "camisi", "mescidi", "mezarlig", "kilises", "manastir", "katedral", "sinagog",
    "baraji", "barajla", "santral", "kalesi", "turbesi", "hamami", "kulesi",
];

/// Folded starts of the heads of institutions that begin with a place's name (`Fransa
/// Futbol Federasyonu`, `Avrupa Parlamentosu`, `İstanbul Devlet Tiyatrosu`), which are not
/// in the organisation heads the tagger's features use: the place there is no place.
/// Events are not here (`Avrupa Şampiyonası`, `Türkiye Kupası`): news sets disagree on
/// whether their place is one.
const INSTITUTIONS: &[&str] = &[
    "federasyonu",
    "parlamentosu",
    "senatosu",
    "kongresi",
    "tiyatrosu",
    "operasi",
    "orkestrasi",
    "yuksekokulu",
];

/// True when folded word `k` is an institution head (`Federasyonu'nun`).
pub fn is_institution_head(k: &str) -> bool {
    INSTITUTIONS.iter().any(|h| k.starts_with(h))
}

/// True when token `i` starts a sentence: first in the text or after `.`, `!`, `?`, `:`
/// or a line break.
pub fn sentence_start(text: &str, toks: &Tokens, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return true;
    };
    let gap = &text[toks.toks[p].end()..toks.toks[i].start()];
    gap.contains(['.', '!', '?', ':', '\n'])
}

/// True when the name on token `i` ends there: a suffix follows it, apart or loose.
pub fn ends_name(text: &str, toks: &Tokens, i: usize) -> bool {
    if toks.toks[i].has_suffix() {
        return true;
    }
    let Some(next) = toks.toks.get(i + 1) else {
        return true;
    };
    let gap = &text[toks.toks[i].end()..next.start()];
    gap.contains(['\'', '’']) || !next.cap && LOOSE_SUFFIXES.contains(&toks.key(i + 1))
}

/// True when token `i` is a facility head noun.
pub fn is_facility(toks: &Tokens, i: usize) -> bool {
    let t = &toks.toks[i];
    let k = toks.key(i);
    t.cap && !t.arabic && FACILITIES.iter().any(|f| k.starts_with(f))
}

/// True when a name on tokens `first..=last` is, or begins, a facility's name: it ends in
/// a facility head or one follows it within two capitalised words (`Şişli Rum Ortodoks
/// Mezarlığı`).
pub fn names_facility(toks: &Tokens, first: usize, last: usize) -> bool {
    if (first..=last).any(|i| is_facility(toks, i)) {
        return true;
    }
    let mut j = last;
    while j + 1 < toks.len() && j < last + 3 && toks.joined(j) {
        j += 1;
        let t = &toks.toks[j];
        if !t.cap || t.digits || !matches!(t.sep, Sep::Space | Sep::Line) {
            return false;
        }
        if is_facility(toks, j) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_written_apart_end_names() {
        let text = "Bitlis' in Tatvan ile Almanya 'nın Kırım ın Rusya Vasco da Gama";
        let toks = Tokens::new(text);
        let ends: Vec<&str> = (0..toks.len())
            .filter(|&i| toks.toks[i].cap && ends_name(text, &toks, i))
            .map(|i| toks.key(i))
            .collect();
        assert_eq!(ends, ["bitlis", "almanya", "kirim", "gama"]);
    }

    #[test]
    fn facilities_named_after_places_are_found() {
        let text = "Kocatepe Camii'nde kılındı, Şişli Rum Ortodoks Mezarlığı'na, Bursa'da";
        let toks = Tokens::new(text);
        assert!(names_facility(&toks, 0, 0));
        assert!(names_facility(&toks, 3, 3));
        assert!(!names_facility(&toks, 7, 7));
        assert!(is_institution_head("federasyonunun"));
        assert!(!is_institution_head("kupasi"));
    }
}
