//! Ordinary Arabic words (`assets/cues/ordinary_ar.txt`, from the Arabic Hunspell
//! dictionary): the stop words and noun stems it never marks as proper nouns. Arabic has no
//! capitals, and the training counts (`name_stats.tsv`) know only words that were part of a
//! name somewhere, so an ordinary word never seen in one looks like an unknown name there;
//! this list tells them apart (`هام` Hamm is "important", `دين` "debt"). A nisba adjective
//! after the noun it describes is an ordinary word there too (`العائلة المالكة السعودية`).

use std::sync::LazyLock;

use super::lexicon::{FxSet, Lexicon};
use super::morph::ar_find;
use super::token::Tokens;
use super::{Kind, RawMention};
use crate::text::fold_str;

/// The words of the list, written folded (`fold_str`), so loading allocates no strings.
static ORDINARY_AR: LazyLock<FxSet<&'static str>> = LazyLock::new(|| {
    super::lexicon::lines(include_str!("../../assets/cues/ordinary_ar.txt")).collect()
});

/// True when the folded Arabic word `key`, or it without its article, is an ordinary word.
pub fn is_ordinary_ar(key: &str) -> bool {
    let set = &*ORDINARY_AR;
    set.contains(key)
        || key
            .strip_prefix("ال")
            .is_some_and(|bare| bare.chars().nth(1).is_some() && set.contains(bare))
}

/// True when `key` is an Arabic word that the training splits read more often as no name
/// (`دين` "religion" of `جيمس دين`) or that is an ordinary word.
pub fn ordinary_name_word(lx: &Lexicon, key: &str) -> bool {
    let s = lx.stat(key);
    crate::text::starts_arabic(key) && (s.other > s.begin + s.inside || is_ordinary_ar(key))
}

/// True when the Arabic name `text` of a place the gazetteer matched is an ordinary word
/// that the training splits did not count as a place more often than as anything else: the
/// gazetteer then matched the word, not a place (`هام`, `سري`, `الطيور`).
pub fn ordinary_place(lx: &Lexicon, text: &str) -> bool {
    let key = fold_str(text);
    if !crate::text::starts_arabic(&key) || !is_ordinary_ar(&key) {
        return false;
    }
    let s = lx.stat(&key);
    s.place <= s.other
}

/// True when `m` is an Arabic place of one word that is a definite nisba adjective (`ال…ي`,
/// `ال…ية`) right after a definite noun it agrees with: `العائلة المالكة السعودية`,
/// `المحادثات الإسرائيلية السعودية`, `العاصمة الإريترية`. There the word describes the noun
/// and names no place: on ANERcorp train and okur news ar train, 1 of 1,641 such words
/// after a word outside any name is a gold place.
pub fn nisba_after_definite(text: &str, toks: &Tokens, m: &RawMention) -> bool {
    let i = toks.toks.partition_point(|t| t.end() <= m.start);
    let Some(t) = toks.toks.get(i) else {
        return false;
    };
    let key = toks.key(i);
    let nisba = |k: &str| k.starts_with("ال") && (k.ends_with("يه") || k.ends_with('ي'));
    // Three letters after the article at least: `الذي`, `التي` and `إلى` (folded `الي`)
    // end so too.
    let definite_noun = |k: &str| {
        k.starts_with("ال") && (k.ends_with('ه') || k.ends_with('ي')) && k.chars().count() >= 5
    };
    let prev = &toks.toks[i.saturating_sub(1)];
    m.kind == Kind::Place
        && t.arabic
        && t.end() >= m.end
        && i > 0
        && nisba(key)
        && toks.joined(i - 1)
        && prev.arabic
        && !super::names::is_function_word(&text[prev.start()..prev.end()])
        && ar_find(toks.key(i - 1), |_, k| definite_noun(k).then_some(())).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words_are_told_from_proper_nouns() {
        // With and without the article, in any spelling that folds alike.
        for w in ["هام", "سري", "الطيور", "دين", "برنامج"] {
            assert!(is_ordinary_ar(&fold_str(w)), "{w}");
        }
        for w in ["بغداد", "روسيا", "السعودية", "مصر"] {
            assert!(!is_ordinary_ar(&fold_str(w)), "{w}");
        }
    }

    fn nisba_places(text: &str, place: &str) -> bool {
        let toks = Tokens::new(text);
        nisba_after_definite(text, &toks, &RawMention::first_in(text, place, Kind::Place))
    }

    #[test]
    fn a_nisba_after_the_definite_noun_it_describes_is_no_place() {
        assert!(nisba_places(
            "التقى مسؤولا من العائلة المالكة السعودية أمس",
            "السعودية"
        ));
        assert!(nisba_places(
            "وصل الوفد إلى العاصمة الإريترية أسمرا",
            "الإريترية"
        ));
        // After a preposition, a verb or an indefinite noun it names the country.
        assert!(!nisba_places("وصل الوفد إلى السعودية أمس", "السعودية"));
        assert!(!nisba_places("وزار الرئيس السعودية أمس", "السعودية"));
        assert!(!nisba_places("في زيارة السعودية", "السعودية"));
    }
}
