//! Arabic spellings of the gazetteer's best-ranked places that differ from a listed one in a
//! way transliteration varies systematically: a long vowel's alif written or left out inside
//! the name (`تايلند` for `تايلاند`, `شنغهاي` for `شانغهاي`, `تركمنستان`) and a final `ا`
//! or `ة` (`اسمرا` for `اسمرة`, `بولندة`). Hamza forms, `ى`/`ي` and `ة`/`ه` fold alike already.
//!
//! Only one-word names among the first [`MAJOR_PLACES`] (countries, regions, seas, the
//! largest cities), and only variants of five letters or more that name no other place, are
//! no ordinary word ([`is_ordinary_ar`]) and do not end like a feminine nisba adjective
//! (`تركية` "Turkish" is a spelling of `تركيا` too): in ANERcorp, Wojood and okur news ar
//! train these variants read 15 gold places and 6 other words (`مبنية` "built" led to the
//! `يه` exclusion); without the limits (every place, ending or length) 35 and 296.

use super::{FxMap, Lexicon};
use crate::extract::ordinary_ar::{MAJOR_PLACES, is_ordinary_ar};

/// Shortest variant, in letters: shorter ones are ordinary words too often (`ايرن`).
const MIN_LETTERS: usize = 5;

/// The variant spellings of one folded one-word name.
fn variants(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    // An inner alif (never the first letter, whose alif may be a hamza seat, nor the last).
    for i in 1..n.saturating_sub(1) {
        if chars[i] == 'ا' {
            out.push(chars[..i].iter().chain(&chars[i + 1..]).collect::<String>());
        }
    }
    let stem: String = chars[..n.saturating_sub(1)].iter().collect();
    match chars.last() {
        Some('ه') => out.push(format!("{stem}ا")),
        Some('ا') if n > 2 && !matches!(chars[n - 2], 'ا' | 'ي') => out.push(format!("{stem}ه")),
        _ => {}
    }
    out.retain(|v| v.chars().count() >= MIN_LETTERS && !v.ends_with("يه"));
    out
}

impl Lexicon {
    /// Adds the variant spellings ([`variants`]) of the best-ranked Arabic places.
    pub(super) fn add_place_variants(&mut self) {
        let arabic = |k: &str| k.chars().next().is_some_and(crate::text::in_arabic_block);
        let mut extra: FxMap<String, u32> = FxMap::default();
        for (k, &ix) in &self.places {
            if ix >= MAJOR_PLACES || !arabic(k) || k.contains(' ') {
                continue;
            }
            for v in variants(k) {
                if !self.places.contains_key(&v) && !is_ordinary_ar(&v) {
                    // Two places' variants may meet: the better-ranked one keeps it.
                    let e = extra.entry(v).or_insert(ix);
                    *e = (*e).min(ix);
                }
            }
        }
        for (v, ix) in extra {
            self.place_first.insert(v.clone());
            self.places.insert(v, ix);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_vowels_and_final_letters_vary() {
        let v = variants("تايلاند");
        assert!(v.contains(&"تايلند".to_string()) && v.contains(&"تيلاند".to_string()));
        assert_eq!(variants("اسمره"), ["اسمرا"]);
        // A nisba ending and short words are left out.
        assert!(variants("تركيا").is_empty());
        assert!(variants("ايران").is_empty());
    }

    #[test]
    fn the_lexicon_reads_variant_spellings_of_major_places() {
        let lx = Lexicon::load();
        let thailand = lx.place("تايلاند");
        assert!(thailand.is_some());
        assert_eq!(lx.place("تايلند"), thailand);
        assert_eq!(lx.place("شنغهاي"), lx.place("شانغهاي"));
        assert!(lx.place("تركيه").is_none());
    }
}
