//! Arabic persons named right after a nationality adjective (issue 15): `النجم البرازيلي
//! كافو`, `مهاجمه الدولي الكاميروني صامويل إيتو`, `رجل الأعمال الأمريكي ألفريد ديمورا`.
//! Sports and foreign news name players and officials so, often by one foreign word the
//! lexicons do not know; the adjective is the only cue, and the tagger, which sees one word
//! either side, missed most of them on a held-out fifth of ANERcorp train.

use super::roles::Roles;
use crate::extract::RawMention;
use crate::extract::lexicon::Lexicon;
use crate::extract::token::Tokens;

/// Most adjectives before the name, the nationality last (`الدولي الكاميروني`).
const MAX_ADJECTIVES: usize = 2;

/// True when the folded `key` is a definite nationality adjective: `ال…ي` or `ال…يه` whose
/// stem names a place of the gazetteer, with or without its article or final `ا`, `يا`,
/// `يه` (`البرازيلي` of `البرازيل`, `الفرنسي` of `فرنسا`, `الإسبانية` of `إسبانيا`,
/// `السعودي` of `السعودية`). A surname of that shape (`الحريري`) is no adjective.
pub(super) fn demonym(lx: &Lexicon, key: &str) -> bool {
    let Some(stem) = key.strip_prefix("ال") else {
        return false;
    };
    let Some(stem) = stem.strip_suffix("يه").or_else(|| stem.strip_suffix('ي')) else {
        return false;
    };
    if stem.chars().nth(1).is_none() || lx.stat(key).personish(1) {
        return false;
    }
    let mut buf = String::with_capacity(stem.len() + 8);
    ["", "ال"].iter().any(|pre| {
        ["", "ا", "يا", "يه"].iter().any(|suf| {
            buf.clear();
            buf.push_str(pre);
            buf.push_str(stem);
            buf.push_str(suf);
            lx.place(&buf).is_some()
        })
    })
}

/// The persons named right after a nationality adjective in `text`: two name words or
/// more, or one the training counts never saw as anything but a name and that is no
/// ordinary word (`الإسباني فابريغاس`, but `الجيش الإسرائيلي صباح اليوم`).
pub fn nisba_persons(lx: &Lexicon, text: &str, toks: &Tokens) -> Vec<RawMention> {
    let r = Roles { lx, text, toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(j) = r.after_demonym(i) else {
            i += 1;
            continue;
        };
        match r.person_at(j) {
            Some((m, end)) => {
                out.push(m);
                i = end;
            }
            None => i = j,
        }
    }
    out
}

impl Roles<'_> {
    /// The index after the adjectives from Arabic token `i` when the last is a nationality
    /// (`الدولي الكاميروني`), else `None`.
    fn after_demonym(&self, i: usize) -> Option<usize> {
        let adjective = |j: usize| self.toks.toks[j].arabic && self.any_reading(j, super::is_nisba);
        // The shape first: most words are no nisba, and the rest asks the lexicons.
        if !adjective(i) || !self.names_a_person(i) {
            return None;
        }
        let mut j = i;
        let mut last = None;
        while j < self.toks.len() && j - i < MAX_ADJECTIVES && adjective(j) {
            if j > i && !self.next_arabic(j - 1) {
                break;
            }
            if self.any_reading(j, |k| demonym(self.lx, k)) {
                last = Some(j + 1);
            }
            j += 1;
        }
        last
    }

    /// True when the adjectives from token `i` stand for a person: used as a noun (`ومرر
    /// الإسباني`, `للبرازيلي`, `مهاجمه الدولي`) or after a role (`النجم البرازيلي`). After
    /// any other definite noun, a place or a name they describe it (`الجيش الإسرائيلي
    /// امسك`, `برشلونة الإسباني حامل اللقب`), and a verb or a predicate follows far more
    /// often than a name.
    fn names_a_person(&self, i: usize) -> bool {
        if i == 0 || !self.next_arabic(i - 1) || self.key_starts_clitic(i) {
            return true;
        }
        let p = i - 1;
        if self.one_word_role(p) {
            return true;
        }
        let lx = self.lx;
        let described = |k: &str| {
            k.starts_with("ال")
                || lx.place(k).is_some()
                || lx.is_org_head(k)
                || lx.given.contains(k)
                || lx.people_last.contains_key(k)
                || lx.stat(k).personish(1)
        };
        !self.any_reading(p, described)
    }

    /// True when Arabic token `i` opens with a conjunction or preposition (`والبرتغالي`,
    /// `للبرازيلي`): the adjective after it is used as a noun.
    fn key_starts_clitic(&self, i: usize) -> bool {
        let k = self.toks.key(i);
        !k.starts_with("ال") && super::has_clitic(k)
    }
}

#[cfg(test)]
mod tests {
    use super::super::found_texts;
    use super::*;

    #[test]
    fn nationality_adjectives_are_told_from_other_nisbas() {
        let lx = Lexicon::load();
        for k in ["البرازيلي", "الفرنسي", "الاسبانيه", "الكاميروني", "الياباني"]
        {
            assert!(demonym(&lx, k), "{k}");
        }
        for k in ["الثاني", "الدولي", "العربي", "الحريري"] {
            assert!(!demonym(&lx, k), "{k}");
        }
    }

    #[test]
    fn a_name_follows_a_nationality() {
        let names = |text| found_texts(text, nisba_persons);
        assert_eq!(
            names("وقال مهاجمه الدولي الكاميروني صامويل إيتو إن"),
            ["صامويل إيتو"]
        );
        assert_eq!(
            names("قبل ان يمررها الاسباني رونالدينيو الى"),
            ["رونالدينيو"]
        );
        assert_eq!(names("أعرب النجم البرازيلي رونالدو عن رغبته"), ["رونالدو"]);
        // The adjective describes the noun before it; the words after it are no name.
        assert!(names("وقال الجيش الإسرائيلي في بيان").is_empty());
        assert!(names("ويتابع المنتخب المصري تدريباته").is_empty());
    }
}
