//! Weekdays: an Arabic modifier after one (`الأحد المقبل`) or the tense gives its direction;
//! a Turkish one is no date in the plural, inside a name (`Pazar ilçesi`), with a possessive,
//! or, for `pazar` ("market" too), without a context that says day.

use super::rules::{Cand, Rules, Tag};
use super::value::{self, Val, Value};
use super::words::{Dir, Unit, W};

/// Case endings a Turkish weekday takes (folded): dative, locative, ablative, accusative.
const WEEKDAY_ENDINGS: &[&str] = &[
    "a", "e", "ya", "ye", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "yi", "yu", "ki",
    "daki", "deki", "dir", "dur",
];

/// Turkish weekday names that are common nouns too: `pazar` is "market" (`pazar payı`,
/// `pazara açıldı`), so it is a day only where the context says so.
const TR_HOMOGRAPHS: &[&str] = &["pazar"];

impl Rules<'_> {
    /// A weekday, with an Arabic modifier after it (`الأحد المقبل`); else the tense decides.
    pub(super) fn weekday(&self, i: usize, wd: u32, out: &mut Vec<Cand>) {
        if !self.arabic(i) && !self.tr_weekday(i) {
            return;
        }
        let k = self.after(i);
        let (dir, end, explicit) = match self.w(k) {
            Some(W::Mod(d)) if self.arabic(i) && self.tight(k) => (Some(d), self.end_of(k), true),
            _ => (self.tense(i, i), self.end_of(i), false),
        };
        let v = self.weekday_val(wd, dir, explicit);
        self.push_tag(out, i, end, v.map(Value::One), Tag::Weekday);
    }

    /// A Turkish weekday is no date in the plural (`pazarlarında` "in the markets") or
    /// capitalised inside a name (`Yeni Pazar`, `Novi Pazar'ın`).
    pub(super) fn tr_weekday(&self, i: usize) -> bool {
        let t = &self.toks.toks[i];
        // The word class keeps a plural inside its span (`1990'lı yıllar`).
        let word = crate::text::fold_str(&self.text[t.start()..self.end_of(i)]);
        let plural = word.ends_with("lar") || word.ends_with("ler");
        let date_word = |j: usize| {
            matches!(
                self.w(j),
                Some(W::Num { .. } | W::Month(_) | W::Weekday(_) | W::Unit(..))
            )
        };
        let mid = i > 0 && self.tight(i);
        let next_cap = self.tight(i + 1)
            && self.toks.toks.get(i + 1).is_some_and(|n| n.cap)
            && !date_word(i + 1);
        // Turkish writes weekdays in lower case inside a sentence: a capitalised one there,
        // away from other date words, is a name (`Ardeşen ve Pazar ilçelerinde`).
        let in_sentence = i > 0
            && !self.gap(i).contains(['.', '!', '?', '\n', ':'])
            && !date_word(i - 1)
            && !date_word(i + 1);
        let in_name = t.cap
            && (in_sentence
                || (mid && ((self.toks.toks[i - 1].cap && !date_word(i - 1)) || next_cap)));
        // A weekday takes case endings (`cumaya`, `pazartesiden`), not a possessive:
        // `pazarında` is "in its market".
        let full = crate::text::fold_str(&self.text[t.start()..t.end()]).replace(['\'', '’'], "");
        let ending = full.get(word.len()..).unwrap_or("");
        let possessive = !ending.is_empty() && !WEEKDAY_ENDINGS.contains(&ending);
        let homograph = TR_HOMOGRAPHS.contains(&word.as_str());
        !plural && !in_name && !possessive && (!homograph || self.day_meant(i, ending.is_empty()))
    }

    /// The context says the Turkish weekday at `i`, also a common noun, is a day: an
    /// apostrophe before its ending (`Pazar'a`, not `pazara`), a day word after it (`pazar
    /// günü`, `pazar sabahı`), a date beside it (`Pazar, 17 Şubat`, `17 Şubat Pazar`, `bugün
    /// pazar`, `cumartesi ve pazar`), or, with no ending, a modifier (`geçen pazar`, but `bu
    /// pazarda` is "in this market").
    fn day_meant(&self, i: usize, bare: bool) -> bool {
        let t = &self.toks.toks[i];
        if self.text[t.stem_end()..t.end()].starts_with(['\'', '’']) {
            return true;
        }
        let k = self.after(i);
        if self.tight(k) && matches!(self.w(k), Some(W::Unit(Unit::Day, _) | W::DayPart)) {
            return true;
        }
        // A number beside it is a day or a year, not a share (`% 53 pazar payı`).
        let date_num = |w: Option<W>| match w {
            Some(W::Num { v, digits, .. }) => v <= 31 || digits == 4,
            w => matches!(w, Some(W::Month(_) | W::Rel(_))),
        };
        if self.sep(k, &["", ","]) && date_num(self.w(k)) {
            return true;
        }
        let weekday_before = |j: usize| matches!(self.prev_w(j), Some(W::Weekday(_)));
        let dash = self.sep(i, &["-", "–"]) && weekday_before(i);
        let and = i > 0
            && self.tight(i)
            && matches!(self.toks.key(i - 1), "ve" | "ile" | "veya")
            && self.tight(i - 1)
            && weekday_before(i - 1);
        if dash || and {
            return true;
        }
        match self.prev_w(i) {
            Some(W::Mod(_)) => bare && self.tight(i),
            w => date_num(w) && self.sep(i, &["", ","]),
        }
    }

    /// The day named `wd` nearest the dateline: back unless the direction is forward; on the
    /// same weekday the dateline itself, or a week away with an explicit modifier.
    pub(super) fn weekday_val(&self, wd: u32, dir: Option<Dir>, explicit: bool) -> Option<Val> {
        let ad = self.ad?;
        let today = value::weekday(ad);
        let wd = i64::from(wd);
        let off = match dir {
            Some(Dir::Next) => {
                let f = (wd - today).rem_euclid(7);
                if f == 0 && explicit { 7 } else { f }
            }
            Some(Dir::This) => wd - today,
            _ => {
                let b = (today - wd).rem_euclid(7);
                -(if b == 0 && explicit { 7 } else { b })
            }
        };
        value::add_days(ad, off).map(Val::Day)
    }
}
