//! A token's shape for the tagger: capitalisation and digits at a glance, the strongest
//! single clue to a name in Latin script (Arabic has no case, so every Arabic word is `a`).

/// What a token looks like: `Xx`, `XX`, `x`, `d` (digits), `a` (Arabic), `m` (mixed).
pub fn shape(word: &str, arabic: bool) -> &'static str {
    if arabic {
        return "a";
    }
    let mut chars = word.chars().filter(|c| c.is_alphanumeric());
    let Some(first) = chars.next() else {
        return "m";
    };
    // One pass over the rest, without collecting it (this runs for every token tagged).
    let (mut empty, mut digits, mut upper_rest, mut lower_rest) = (true, true, true, true);
    for c in chars {
        empty = false;
        digits &= c.is_ascii_digit();
        upper_rest &= c.is_uppercase();
        lower_rest &= c.is_lowercase();
    }
    if first.is_ascii_digit() {
        return if digits { "d" } else { "m" };
    }
    match (first.is_uppercase(), upper_rest, lower_rest) {
        (true, true, _) if !empty => "XX",
        (true, _, true) => "Xx",
        (false, _, true) => "x",
        _ => "m",
    }
}

/// A folded Arabic word without its proclitics and article (`والرياض` -> `رياض`), when at
/// least three letters remain.
pub(super) fn arabic_stem(k: &str) -> &str {
    let mut s = k;
    for set in [&['و', 'ف'][..], &['ب', 'ل', 'ك'][..]] {
        if let Some(rest) = s.strip_prefix(set)
            && rest.chars().count() >= 3
        {
            s = rest;
        }
    }
    match s
        .strip_prefix("ال")
        .or_else(|| s.strip_prefix('ل').filter(|_| k.starts_with("لل")))
    {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Ankara", false), "Xx");
        assert_eq!(shape("NATO", false), "XX");
        assert_eq!(shape("İstanbul", false), "Xx");
        assert_eq!(shape("dün", false), "x");
        assert_eq!(shape("2020", false), "d");
        assert_eq!(shape("لافروف", true), "a");
    }
}
