//! Where a date without a year falls (a month, a day of a month, a Hijri month: the
//! dateline's year, or the one before or after by the tense), and parts of a year: quarters
//! (`ilk çeyrek`, `2024'ün üçüncü çeyreği`, `الربع الأول من 2024`, EDTF `2024-33`…`2024-36`),
//! halves (`2024'ün ilk yarısı`, `yılın ikinci yarısı`, `النصف الأول من 2024`, EDTF semestrals
//! `2024-40`, `2024-41`) and a Hijri month with a cue (`Ramazan ayında`, `شهر رمضان`,
//! `رمضان المقبل`), the one nearest the dateline.

use time::Date;

use super::rules::{Cand, Rules};
use super::value::{self, Val, Value};
use super::words::{Dir, Era, Unit, W};
use crate::text::fold_str;

/// Folded Turkish genitive endings: `karşılaşmanın üçüncü çeyreği` is a quarter of a game.
const TR_GENITIVE: &[&str] = &["in", "un", "nin", "nun"];

impl Rules<'_> {
    /// The year a month without one falls in: the dateline's, or the one before or after
    /// when the tense says the month is past or to come.
    pub(super) fn month_in(&self, m: u32, dir: Option<Dir>) -> Option<i32> {
        let y = i32::try_from(self.a.y?).ok()?;
        let am = self.a.m.unwrap_or(m);
        Some(match dir {
            Some(Dir::Past) if m > am => y - 1,
            Some(Dir::Next) if m < am => y + 1,
            _ => y,
        })
    }

    /// The day `d` of month `m` nearest the dateline in the direction given.
    pub(super) fn day_in(&self, m: u32, d: u32, dir: Option<Dir>) -> Option<Date> {
        let y = self.a.y?;
        let here = value::day(y, m, d)?;
        let Some(ad) = self.ad else {
            return Some(here);
        };
        match dir {
            Some(Dir::Past) if here > ad => value::day(y - 1, m, d),
            Some(Dir::Next) if here < ad => value::day(y + 1, m, d),
            _ => Some(here),
        }
    }

    /// A quarter (`parts` 4) or half (`parts` 2) of a year at the part word `i`.
    pub(super) fn year_part(&self, i: usize, parts: u8, out: &mut Vec<Cand>) {
        if self.arabic(i) {
            self.quarter_ar(i, parts, out);
        } else {
            self.quarter_tr(i, parts, out);
        }
    }

    /// The part of `parts` an ordinal at `o` names: `ilk`, `üçüncü`, `son`, `الأول`, `الأخير`.
    fn quarter_no(&self, o: usize, parts: u8) -> Option<u8> {
        match self.w(o)? {
            W::Ord(q) | W::QOrd(q) if (1..=u32::from(parts)).contains(&q) => u8::try_from(q).ok(),
            // `son` "last" and `الأخير` are a part word and an unclassed word.
            W::Part if self.toks.key(o) == "son" => Some(parts),
            _ => None,
        }
    }

    /// The year part `q` of `parts` falls in when no year is named: the dateline's, or the
    /// one before or after when the tense says the part is past or to come.
    fn quarter_in(&self, q: u8, parts: u8, dir: Option<Dir>) -> Option<i32> {
        let y = i32::try_from(self.a.y?).ok()?;
        let Some(m) = self.a.m.and_then(|m| u8::try_from(m).ok()) else {
            return Some(y);
        };
        let here = m.div_ceil(12 / parts.max(1));
        Some(match dir {
            Some(Dir::Past) if q > here => y - 1,
            Some(Dir::Next) if q < here => y + 1,
            _ => y,
        })
    }

    /// A Turkish quarter or half: `çeyrek`, `yarı` at `i` after an ordinal, with a year
    /// before it (`2024'ün`, `2024 yılının`, `geçen yılın`, `yılın`); a quarter also without
    /// one, in the dateline's year.
    fn quarter_tr(&self, i: usize, parts: u8, out: &mut Vec<Cand>) {
        let Some(o) = i.checked_sub(1).filter(|_| self.tight(i)) else {
            return;
        };
        let Some(q) = self.quarter_no(o, parts) else {
            return;
        };
        // `çeyrek final`, `çeyrek altın` are no part of a year.
        let k = self.after(i);
        if self.tight(k)
            && self.toks.toks.get(k).is_some()
            && ["final", "altin"]
                .iter()
                .any(|w| self.toks.key(k).starts_with(w))
        {
            return;
        }
        let p = o.checked_sub(1).filter(|_| self.tight(o));
        let (first, y) = match p.and_then(|p| self.w(p).map(|w| (p, w))) {
            Some((p, W::Num { v, digits: 4, .. })) => (p, i32::try_from(v).ok()),
            Some((p, W::Unit(Unit::Year, 1))) => {
                let pp = p.checked_sub(1).filter(|_| self.tight(p));
                match pp.and_then(|pp| self.w(pp).map(|w| (pp, w))) {
                    Some((pp, W::Num { v, digits: 4, .. })) => (pp, i32::try_from(v).ok()),
                    Some((pp, W::Mod(dir))) => match self.period(Unit::Year, dir, 1) {
                        Some(Val::Year(y)) => (pp, Some(y)),
                        _ => (pp, None),
                    },
                    _ => (p, self.a.y.and_then(|y| i32::try_from(y).ok())),
                }
            }
            Some((p, _)) if self.genitive(p) => return,
            None if p.is_some_and(|p| self.genitive(p)) => return,
            _ if parts == 2 => return,
            _ => (o, self.quarter_in(q, parts, self.tense(o, i))),
        };
        let v = y.map(|y| part_of(y, q, parts));
        self.push(out, first, self.end_of(i), v);
    }

    /// Token `p` is a Turkish word in the genitive (`karşılaşmanın`), no date word.
    fn genitive(&self, p: usize) -> bool {
        let t = &self.toks.toks[p];
        if t.arabic || matches!(self.w(p), Some(W::Num { .. })) {
            return false;
        }
        let key = crate::text::fold_str(&self.text[t.start()..t.end()]);
        TR_GENITIVE.iter().any(|g| key.ends_with(g))
    }

    /// An Arabic quarter or half: `الربع الأول`, `الربع الرابع من 2023`, `النصف الأول من
    /// العام الجاري`; `الربع الأول من المباراة` is a game's, and a half needs its year.
    fn quarter_ar(&self, i: usize, parts: u8, out: &mut Vec<Cand>) {
        let k = self.after(i);
        if !self.tight(k) || self.toks.toks.get(k).is_none() {
            return;
        }
        let q = match self.quarter_no(k, parts) {
            Some(q) => q,
            None if self.toks.key(k) == fold_str("الأخير") => parts,
            None => return,
        };
        let mut n = self.after(k);
        let of = self.tight(n) && self.toks.toks.get(n).is_some() && self.toks.key(n) == "من";
        if of {
            n += 1;
            if !self.tight(n) {
                return;
            }
        }
        let (y, end) = match self.w(n) {
            Some(W::Num { v, digits: 4, .. }) if self.tight(n) => {
                (i32::try_from(v).ok(), self.era_end(n, Era::Ce))
            }
            Some(W::Unit(Unit::Year, 1)) if self.tight(n) => {
                let m = self.after(n);
                match self.w(m).filter(|_| self.tight(m)) {
                    Some(W::Num { v, digits: 4, .. }) => {
                        (i32::try_from(v).ok(), self.era_end(m, Era::Ce))
                    }
                    Some(W::Mod(dir)) => match self.period(Unit::Year, dir, 1) {
                        Some(Val::Year(y)) => (Some(y), self.end_of(m)),
                        _ => (None, self.end_of(m)),
                    },
                    _ if self.toks.key(n).starts_with("ال") => {
                        (self.a.y.and_then(|y| i32::try_from(y).ok()), self.end_of(n))
                    }
                    _ => return,
                }
            }
            _ if of || parts == 2 => return,
            _ => (self.quarter_in(q, parts, self.tense(i, k)), self.end_of(k)),
        };
        let v = y.map(|y| part_of(y, q, parts));
        self.push(out, i, end, v);
    }

    /// A Hijri month without a year, with a cue: Turkish `ay` after it (`Ramazan ayında`),
    /// Arabic a cue word before it (`شهر رمضان`, `خلال رمضان`) or a modifier after it
    /// (`رمضان الماضي`). `Ramazan Bayramı` is a feast and `Recep`, `Şaban` names: no cue.
    pub(super) fn hijri_alone(&self, i: usize, m: u32, out: &mut Vec<Cand>) {
        let k = self.after(i);
        let next = self.w(k).filter(|_| self.tight(k));
        let mut end = self.end_of(i);
        let dir = if self.arabic(i) {
            let cue = i > 0
                && self.tight(i)
                && matches!(self.prev_w(i), Some(W::Cue | W::Unit(Unit::Month, 1)));
            match next {
                Some(W::Mod(d)) => {
                    end = self.end_of(k);
                    Some(d)
                }
                _ if cue => None,
                _ => return,
            }
        } else if matches!(next, Some(W::Unit(Unit::Month, _))) && self.toks.toks[i].cap {
            None
        } else {
            return;
        };
        let dir = dir.or_else(|| self.tense(i, k.saturating_sub(1)));
        let v = self
            .hijri_year_in(m, dir)
            .and_then(|y| value::hijri_month(y, m));
        self.push(out, i, end, v);
    }

    /// The Hijri year Hijri month `m` falls in: the dateline's, or the one before or after
    /// when the tense says the month is past or to come.
    pub(super) fn hijri_year_in(&self, m: u32, dir: Option<Dir>) -> Option<i64> {
        let day = self.ad.or_else(|| value::day(self.a.y?, self.a.m?, 15))?;
        let (hy, hm) = value::hijri_of(day)?;
        let hy = i64::from(hy);
        Some(match dir {
            Some(Dir::Past) if m > hm => hy - 1,
            Some(Dir::Next) if m < hm => hy + 1,
            _ => hy,
        })
    }
}

/// Part `q` of year `y` cut in `parts`: a quarter or a half.
fn part_of(y: i32, q: u8, parts: u8) -> Value {
    Value::One(if parts == 2 {
        Val::Half(y, q)
    } else {
        Val::Quarter(y, q)
    })
}
