//! Arabic persons named after a role and its complement (issue 15): `المتحدث باسم الكرملين
//! دميتري بيسكوف`, `المدير العام لمنظمة الصحة العالمية تيدروس أدهانوم`, `مدرب المنتخب
//! الإيراني كارلوس كيروش`. The role noun is a title cue (`assets/cues/titles_ar.txt`) or
//! one of `assets/cues/roles_ar.txt`; its complement is a run of definite words,
//! organisation heads with the word after them, and places; the name is the run of
//! name-like words right after it. Many of the Arabic tagger's remaining person misses on
//! held-out news were such names: the role's complement puts the cue too far back for it.

use std::sync::LazyLock;

use super::is_function_word;
use crate::extract::lexicon::{FxSet, Lexicon};
use crate::extract::morph::ar_find;
use crate::extract::ordinary_ar::{clitic_reading, inflected_reading, ordinary_name_word};
use crate::extract::token::Tokens;
use crate::extract::{Kind, RawMention};
use crate::text::fold_str;

/// Role nouns that are no title in the rules' sense but precede a name as one does.
const ROLES_AR: &str = include_str!("../../../assets/cues/roles_ar.txt");

/// The role nouns of [`ROLES_AR`], folded, and their first words.
static ROLES: LazyLock<(FxSet<String>, FxSet<String>)> = LazyLock::new(|| {
    let roles: FxSet<String> = ROLES_AR
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(fold_str)
        .collect();
    let first = roles
        .iter()
        .filter_map(|r| r.split(' ').next())
        .map(str::to_string)
        .collect();
    (roles, first)
});

/// Most persons in one list joined by `و` (`زامبروتا وديفد تريزيغيه وباتريك فييرا`).
const MAX_LISTED: usize = 8;

/// The persons of lists joined by `و` that `found` (the persons so far) leaves out: a given
/// name with the conjunction right after a person, and the name words after it (`يزن
/// النعيمات وموسى التعمري`, `حامد الشريف وجلال محمود`). In ANERcorp and Wojood train, 76 of
/// 77 given names so written right after a person open another person.
pub fn listed_persons(
    lx: &Lexicon,
    text: &str,
    toks: &Tokens,
    found: &[RawMention],
) -> Vec<RawMention> {
    let r = Roles { lx, text, toks };
    let mut out = Vec::new();
    for m in found.iter().filter(|m| m.kind == Kind::Person) {
        let mut next = toks.covering(m.start, m.end).end;
        for _ in 0..MAX_LISTED {
            let Some((j, end)) = r.listed_after(next) else {
                break;
            };
            let t = &toks.toks[j];
            let start = t.start() + 'و'.len_utf8();
            let taken = |o: &RawMention| o.start < toks.toks[end - 1].end() && start < o.end;
            if found.iter().any(taken) {
                break;
            }
            out.push(RawMention::new(
                start,
                toks.toks[end - 1].end(),
                Kind::Person,
            ));
            next = end;
        }
    }
    out
}

/// Title cues that far more often mean something else after a complement: `الفريق` is
/// the rank and the team.
const AMBIGUOUS: [&str; 1] = ["الفريق"];
/// Folded relative pronouns: a clause follows them, no name (`اللاعب الذي انتقل`).
const RELATIVES: [&str; 6] = ["الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي"];
/// Longest role phrase in words (`رئيس الوزراء`, `المتحدث باسم`).
const MAX_ROLE_WORDS: usize = 3;
/// Most words of a role's complement (`العام لحزب جبهة العمل الإسلامي`).
const MAX_COMPLEMENT: usize = 5;
/// Most words of a name after a role.
const MAX_NAME_WORDS: usize = 4;

/// The persons named right after an Arabic role and its complement in `text`.
pub fn role_persons(lx: &Lexicon, text: &str, toks: &Tokens) -> Vec<RawMention> {
    let r = Roles { lx, text, toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(mut j) = r.role_at(i) else {
            i += 1;
            continue;
        };
        let complement = r.complement_end(j);
        // An indefinite role noun is the head of a construct (`رئيس الوزراء`, `وزير
        // خارجية إسرائيل`): a name never follows it directly.
        let definite = j - 1 > i || r.any_reading(i, |k| k.starts_with("ال"));
        if complement == j && !definite {
            i = j;
            continue;
        }
        j = complement;
        match r.person_at(j) {
            Some((m, end)) => {
                out.push(m);
                i = end;
            }
            None => i = j.max(i + 1),
        }
    }
    out
}

/// The lexicon, text and tokens that the role and list readings look words up in.
pub(super) struct Roles<'a> {
    pub(super) lx: &'a Lexicon,
    pub(super) text: &'a str,
    pub(super) toks: &'a Tokens,
}

impl Roles<'_> {
    /// True when tokens `i` and `i + 1` are Arabic words in one phrase.
    pub(super) fn next_arabic(&self, i: usize) -> bool {
        self.toks.joined(i) && self.toks.toks.get(i + 1).is_some_and(|t| t.arabic)
    }

    /// `f` on token `i`'s key and on it without each proclitic that may be read off.
    pub(super) fn any_reading(&self, i: usize, f: impl Fn(&str) -> bool) -> bool {
        ar_find(self.toks.key(i), |_, k| f(k).then_some(())).is_some()
    }

    /// True when Arabic token `i` is a role noun or title of one word (`النجم`, `الحارس`).
    pub(super) fn one_word_role(&self, i: usize) -> bool {
        let (roles, _) = &*ROLES;
        self.toks.toks[i].arabic
            && self.any_reading(i, |k| self.lx.titles.contains(k) || roles.contains(k))
    }

    /// The index after a role phrase starting at Arabic token `i`, the longest one.
    fn role_at(&self, i: usize) -> Option<usize> {
        if !self.toks.toks[i].arabic {
            return None;
        }
        let mut best = None;
        let (roles, role_first) = &*ROLES;
        ar_find(self.toks.key(i), |_, first| {
            // Most words open no role: look them up before building any phrase.
            if !(self.lx.is_title_first(first) || role_first.contains(first)) {
                return None;
            }
            let mut key = first.to_string();
            for j in i..(i + MAX_ROLE_WORDS).min(self.toks.len()) {
                if j > i {
                    if !self.next_arabic(j - 1) {
                        break;
                    }
                    key.push(' ');
                    key.push_str(self.toks.key(j));
                }
                let role = self.lx.titles.contains(&key) || roles.contains(&key);
                if role && !AMBIGUOUS.contains(&key.as_str()) {
                    best = best.max(Some(j + 1));
                }
            }
            None::<()>
        });
        best
    }

    /// The index after the complement of a role that ends before `j`.
    fn complement_end(&self, mut j: usize) -> usize {
        let start = j;
        let mut after_head = false;
        while j < self.toks.len() && j - start < MAX_COMPLEMENT && self.next_arabic(j - 1) {
            let definite = self.any_reading(j, |k| k.starts_with("ال"));
            let head = self.any_reading(j, |k| self.lx.is_org_head(k));
            let place = self.any_reading(j, |k| self.lx.place(k).is_some());
            let relative = self.any_reading(j, |k| RELATIVES.contains(&k));
            if !(definite || head || place || after_head) || relative || self.function_word(j) {
                break;
            }
            after_head = head;
            j += 1;
        }
        j
    }

    fn function_word(&self, i: usize) -> bool {
        let t = &self.toks.toks[i];
        is_function_word(&self.text[t.start()..t.end()])
    }

    /// True when Arabic token `i` may be a word of a name: no function word, organisation
    /// head, place, title or speech verb; and either a name word by the lexicon or the
    /// training counts, or a word those counts never saw as anything else, not inflected as
    /// a plural, dual, adjective or verb, that ends in no accusative `ا` (`هجوما عنيفا`). The first word (`pos` 0) may not open with the
    /// article (`الذي`), and only the second with a proclitic, and then only with
    /// `ب` or `ك` (`دميتري بيسكوف`, but `لولاية`, `جدعون عيزرا لراديو`): `و` and `ف` open
    /// a clause or another person far more often, `ل` is "for". A letter or ending is an
    /// affix only where the word without it is known or has a verb's or noun's shape
    /// ([`clitic_reading`], [`inflected_reading`]): foreign names start and end so too
    /// (`الإسباني فابريغاس`, `الحارس هيلتون`; 6 more persons on a held-out fifth of ANERcorp
    /// train, 1 more false).
    pub(super) fn name_word(&self, i: usize, pos: usize) -> bool {
        let k = self.toks.key(i);
        if !self.toks.toks[i].arabic || self.function_word(i) {
            return false;
        }
        if self.lx.is_title_first(k) || self.lx.is_speech_verb(k) {
            return false;
        }
        let taken = |k: &str| self.lx.is_org_head(k) || self.lx.place(k).is_some();
        if self.any_reading(i, taken) {
            return false;
        }
        let s = self.lx.stat(k);
        if self.lx.given.contains(k) || self.lx.people_last.contains_key(k) || s.personish(1) {
            return true;
        }
        // Plural, dual and adjective endings and the imperfect verb's prefixes mark the
        // nouns and verbs that follow a role (`اتصالات هاتفية`, `يتلقى`, `ستثير`).
        // A foreign name may end so (`هيلتون`): only a known word's ending counts.
        let inflected = ["ات", "ين", "يه", "ون"]
            .iter()
            .any(|e| inflected_reading(self.lx, k, e));
        let verb =
            pos == 0 && (k.starts_with(['ي', 'ت']) || k.starts_with("سي") || k.starts_with("ست"));
        if inflected || verb {
            return false;
        }
        let clitic_ok = pos == 1 && (k.starts_with('ب') || k.starts_with('ك'));
        s.other == 0
            && s.place == 0
            && (clitic_ok || !clitic_reading(self.lx, k))
            && (pos > 0 || !k.starts_with("ال"))
            && !k.ends_with('ا')
    }

    /// The first token and the index after a person listed right after another that ends
    /// before token `next`, if one is: after spaces or a comma (`، ونيكول سابا`), `و` and a
    /// given name or a word the training counts know as a person's (`وبلير`), and the name
    /// words after it.
    fn listed_after(&self, next: usize) -> Option<(usize, usize)> {
        let comma = |t: &str| t == "،" || t == ",";
        // The Arabic comma is a token of its own.
        let skip = self
            .toks
            .toks
            .get(next)
            .is_some_and(|t| comma(&self.text[t.start()..t.end()]));
        let j = next + usize::from(skip);
        let t = self.toks.toks.get(j).filter(|t| t.arabic && next > 0)?;
        let gap = self.text[self.toks.toks[next - 1].end()..t.start()].trim();
        if !(gap.is_empty() || comma(gap)) {
            return None;
        }
        let first = self.toks.key(j).strip_prefix('و')?;
        let namey = |k: &str| self.lx.given.contains(k) || self.lx.stat(k).personish(1);
        if first.chars().nth(2).is_none() || !namey(first) {
            return None;
        }
        Some((j, self.name_words_end(j)))
    }

    /// The index after the name words that follow the first one, token `j`.
    pub(super) fn name_words_end(&self, j: usize) -> usize {
        let mut end = j + 1;
        while end < self.toks.len()
            && end - j < MAX_NAME_WORDS
            && self.next_arabic(end - 1)
            && self.name_word(end, end - j)
        {
            end += 1;
        }
        end
    }

    /// The person whose name starts at `j` ([`Roles::name_end`]) and the index after it.
    pub(super) fn person_at(&self, j: usize) -> Option<(RawMention, usize)> {
        let end = self.name_end(j)?;
        let (s, e) = (self.toks.toks[j].start(), self.toks.toks[end - 1].end());
        Some((RawMention::new(s, e, Kind::Person), end))
    }

    /// The index after the name that starts at `j`, if one of two words or more does, or one
    /// word that the training counts never saw outside a name and that is no given name,
    /// no ordinary word and has no feminine ending (`الحارس هيلتون`); other single words after a role or a
    /// nationality are too often something else (`الحارس جاهز`, `الجيش الإسرائيلي امسك`).
    fn name_end(&self, j: usize) -> Option<usize> {
        if j == 0 || j >= self.toks.len() || !self.next_arabic(j - 1) || !self.name_word(j, 0) {
            return None;
        }
        let end = self.name_words_end(j);
        if end > j + 1 {
            return Some(end);
        }
        let k = self.toks.key(j);
        let s = self.lx.stat(k);
        // A given name alone is a name whose surname was not read (`وائل السقا`).
        let plain = s.other == 0 && s.place == 0 && !k.ends_with('ه') && !self.lx.given.contains(k);
        (plain && !ordinary_name_word(self.lx, k)).then_some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        super::super::found_texts(text, role_persons)
    }

    #[test]
    fn a_name_follows_a_role_and_its_complement() {
        assert_eq!(
            names("وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين إن"),
            ["دميتري بيسكوف"]
        );
        assert_eq!(
            names("وقال مدرب المنتخب الإيراني كارلوس كيروش إن فريقه"),
            ["كارلوس كيروش"]
        );
    }

    fn listed(text: &str, first: &str) -> Vec<String> {
        let lx = Lexicon::load();
        let toks = Tokens::new(text);
        let found = [RawMention::first_in(text, first, Kind::Person)];
        listed_persons(&lx, text, &toks, &found)
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn a_foreign_name_may_start_like_a_clitic_or_end_like_a_plural() {
        assert_eq!(names("وتصدى لها الحارس كاسيميرو ."), ["كاسيميرو"]);
        assert_eq!(names("وتصدى لها الحارس غرايسون ."), ["غرايسون"]);
        // A clitic before a known word or a verb, or a plural of one, is none.
        assert!(names("وقال الحارس ويأمل أن").is_empty());
        assert!(names("وقال الحارس لاعبون كثيرون").is_empty());
    }

    #[test]
    fn persons_listed_with_a_conjunction_after_a_person_are_persons() {
        assert_eq!(
            listed("وبفضل هدفي يزن النعيمات وموسى التعمري .", "يزن النعيمات"),
            ["موسى التعمري"]
        );
        assert_eq!(
            listed("شارك حامد الشريف وجلال محمود وعادل البدري في", "حامد الشريف"),
            ["جلال محمود", "عادل البدري"]
        );
        assert_eq!(
            listed("ومحمد منير ، ومدحت صالح ، في", "محمد منير"),
            ["مدحت صالح"]
        );
        // No name after the conjunction: no person.
        assert!(listed("التقى حامد الشريف والوفد المرافق", "حامد الشريف").is_empty());
    }

    #[test]
    fn one_word_after_a_role_is_a_name_only_when_nothing_else_reads_it() {
        assert_eq!(names("وتصدى لها الحارس هيلتون ، ثم"), ["هيلتون"]);
        assert!(names("وقال إن الحارس جاهز للمباراة").is_empty());
        // A relative pronoun opens a clause.
        assert!(names("مع اللاعب الذي انتقل إلى").is_empty());
    }

    #[test]
    fn no_name_after_a_construct_head_ordinary_words_or_the_team() {
        // `رئيس` heads `رئيس دائرة`, and the words after the complement are no name.
        assert!(names("وقال رئيس دائرة الطيران المدني إن").is_empty());
        assert!(names("وشن الأمين العام لحزب الله هجوما عنيفا على").is_empty());
        // `الفريق` is the team far more often than the rank.
        assert!(names("وقال إن الفريق المصري استقدم لاعبين جددا").is_empty());
    }
}
