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

/// Tries the lookups of an Arabic word in order, returning the first `Some` from `f`, which
/// gets (bytes stripped from the front, folded key to try). The word itself comes first, then
/// with proclitics removed; `لل` also tries `ال`. Allocates only for that last form.
pub fn ar_find<T>(key: &str, mut f: impl FnMut(usize, &str) -> Option<T>) -> Option<T> {
    if let Some(v) = f(0, key) {
        return Some(v);
    }
    if !crate::text::has_proclitic(key) {
        return None;
    }
    for c in AR_CLITICS {
        let Some(rest) = key.strip_prefix(c) else {
            continue;
        };
        if rest.chars().nth(2).is_none() {
            continue;
        }
        if let Some(v) = f(c.len(), rest) {
            return Some(v);
        }
        if rest.starts_with('ل') && !rest.starts_with("ال") && c.ends_with('ل') {
            let mut alt = String::with_capacity(rest.len() + 2);
            alt.push('ا');
            alt.push_str(rest);
            if let Some(v) = f(c.len(), &alt) {
                return Some(v);
            }
        }
    }
    None
}

/// Every candidate lookup of [`ar_find`], collected (tests and debugging).
#[cfg(test)]
pub fn ar_candidates(key: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    ar_find(key, |n, k| {
        out.push((n, k.to_string()));
        None::<()>
    });
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
