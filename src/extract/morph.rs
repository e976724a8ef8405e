//! Turkish case suffixes without an apostrophe (`Rusyadan`) and Arabic proclitics (`وتركيا`):
//! find the part of a word that is a known name, so the span can leave the rest outside.

/// Folded Turkish case and possessive suffixes that may follow a name without an apostrophe.
const TR_SUFFIXES: &[&str] = &[
    "a", "e", "i", "u", "ya", "ye", "yi", "yu", "da", "de", "ta", "te", "dan", "den", "tan", "ten",
    "nin", "nun", "in", "un", "la", "le", "yla", "yle", "na", "ne", "nda", "nde", "ndan", "nden",
    "daki", "deki", "taki", "teki", "ki", "dir", "dur", "tir", "tur",
];

/// True when a folded remainder is a Turkish case suffix.
pub fn is_tr_suffix(rest: &str) -> bool {
    TR_SUFFIXES.contains(&rest)
}

/// Splits of a folded Turkish word into (stem length in bytes, suffix), longest stem first,
/// for stems of at least three letters.
pub fn tr_splits(key: &str) -> impl Iterator<Item = usize> + '_ {
    let n = key.len();
    (1..=4)
        .filter_map(move |k| n.checked_sub(k))
        .filter(move |&s| s >= 3 && key.is_char_boundary(s) && is_tr_suffix(&key[s..]))
}

/// Arabic proclitic combinations, longest first (folded forms).
const AR_CLITICS: &[&str] = &["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"];

/// Candidate lookups for an Arabic word: (bytes stripped from the front, folded key to try).
/// The word itself comes first, then with proclitics removed; `لل` also tries `ال`.
pub fn ar_candidates(key: &str) -> Vec<(usize, String)> {
    let mut out = vec![(0, key.to_string())];
    for c in AR_CLITICS {
        if let Some(rest) = key.strip_prefix(c)
            && rest.chars().count() >= 3
        {
            out.push((c.len(), rest.to_string()));
            if rest.starts_with('ل') && !rest.starts_with("ال") && c.ends_with('ل') {
                out.push((c.len(), format!("ا{rest}")));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_splits() {
        let v: Vec<usize> = tr_splits("rusyadan").collect();
        assert!(v.contains(&5));
        assert!(tr_splits("turkiyeye").any(|s| s == 7));
    }

    #[test]
    fn arabic_candidates() {
        let c = ar_candidates("وتركيا");
        assert!(c.iter().any(|(n, k)| *n == 2 && k == "تركيا"));
        let c = ar_candidates("للعراق");
        assert!(c.iter().any(|(_, k)| k == "العراق"));
    }
}
