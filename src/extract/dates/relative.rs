//! Dates relative to the dateline and periods longer than a year: relative days (`dün`,
//! `أمس`), periods with a modifier (`geçen hafta`, `الشهر المقبل`, `هذا العام`), weekdays
//! (direction from a modifier or the tense), seasons, counts (`3 gün önce`, `قبل أسبوعين`),
//! decades (`التسعينيات`) and centuries (`21. yüzyıl`, `القرن الحادي والعشرين`).

use super::rules::{Cand, Rules, Tag};
use super::value::{self, Val, Value};
use super::words::{Dir, Era, Unit, W};

fn one(v: Val) -> Value {
    Value::One(v)
}

impl Rules<'_> {
    /// The rules that start at a word other than a number or a month.
    pub(super) fn relative(&self, i: usize, w: W, out: &mut Vec<Cand>) {
        match w {
            // `اليوم السابع` "the seventh day" (also a newspaper) is no today.
            W::Rel(0)
                if self.arabic(i)
                    && self.tight(self.after(i))
                    && matches!(self.w(self.after(i)), Some(W::Ord(_))) => {}
            W::Rel(off) => {
                let v = self
                    .ad
                    .and_then(|d| value::add_days(d, off))
                    .map(|d| one(Val::Day(d)));
                self.push_tag(out, i, self.end_of(i), v, Tag::Rel);
            }
            W::Weekday(wd) => self.weekday(i, wd, out),
            W::Mod(dir) => self.pre_mod(i, dir, out),
            W::Unit(u, 1) => self.unit(i, u, out),
            W::Season(s) if self.arabic(i) => self.season_ar(i, s, out),
            W::Century => self.century_ar(i, out),
            W::Decade(t) => self.decade_ar(i, t, out),
            W::Ago | W::Later if self.arabic(i) => self.ago_ar(i, out),
            W::Part if self.arabic(i) => self.part_ar(i, out),
            _ => {}
        }
    }

    /// A period `n` units from the dateline's (`This` is the dateline's own).
    pub(super) fn period(&self, u: Unit, dir: Dir, n: i64) -> Option<Val> {
        let k = match dir {
            Dir::Past => -n,
            Dir::Next => n,
            Dir::This => 0,
        };
        let y = i32::try_from(self.a.y?).ok()?;
        Some(match u {
            Unit::Day => Val::Day(value::add_days(self.ad?, k)?),
            Unit::Week => value::week_of(value::add_days(self.ad?, 7 * k)?),
            Unit::Month => {
                let m = u8::try_from(self.a.m?).ok()?;
                value::add_months(y, m, i32::try_from(k).ok()?)
            }
            Unit::Year => Val::Year(y + i32::try_from(k).ok()?),
        })
    }

    /// A modifier before a unit, season, weekday or month: `geçen hafta`, `bu yaz`,
    /// `gelecek salı`, `هذا العام`. Arabic modifiers come after their word, except هذا/هذه.
    fn pre_mod(&self, i: usize, dir: Dir, out: &mut Vec<Cand>) {
        if self.arabic(i) && !matches!(self.toks.key(i), "هذا" | "هذه") {
            return;
        }
        let k = self.after(i);
        // `her geçen yıl` "every passing year" is no date.
        let every = i > 0 && self.tight(i) && self.toks.key(i - 1) == "her";
        if !self.tight(k) || every {
            return;
        }
        let v = match self.w(k) {
            Some(W::Unit(u, 1)) if u != Unit::Day => self.period(u, dir, 1),
            Some(W::Season(s)) => self.season_rel(s, dir),
            Some(W::Weekday(wd)) if self.arabic(k) || self.tr_weekday(k) => {
                self.weekday_val(wd, Some(dir), dir != Dir::This)
            }
            Some(W::Month(m)) if !self.arabic(k) => self
                .month_in(m, Some(dir))
                .and_then(|y| value::month(i64::from(y), m)),
            _ => return,
        };
        self.push(out, i, self.end_of(k), v.map(one));
    }

    /// An Arabic unit with a modifier after it (`الأسبوع الماضي`, `العام الجاري`); a Turkish
    /// unit with a part after it (`yıl sonu`, `hafta sonu`) is the dateline's own.
    fn unit(&self, i: usize, u: Unit, out: &mut Vec<Cand>) {
        let k = self.after(i);
        if !self.tight(k) {
            return;
        }
        match self.w(k) {
            Some(W::Mod(dir)) if self.arabic(i) && self.arabic(k) => {
                let v = self.period(u, dir, 1);
                self.push(out, i, self.end_of(k), v.map(one));
            }
            Some(W::Part) if !self.arabic(i) && u != Unit::Day => {
                let prev_num = i > 0 && matches!(self.w(i - 1), Some(W::Num { .. }));
                let t = &self.toks.toks[i];
                let word = crate::text::fold_str(&self.text[t.start()..self.end_of(i)]);
                let plural = word.ends_with("lar") || word.ends_with("ler");
                if !prev_num && !plural {
                    let v = self.period(u, Dir::This, 0);
                    self.push(out, i, self.end_of(k), v.map(one));
                }
            }
            _ => {}
        }
    }

    /// `نهاية العام`, `مطلع الشهر`: a part of the dateline's own period (with a modifier after
    /// the unit, the unit's rule takes it and the part joins it later).
    fn part_ar(&self, i: usize, out: &mut Vec<Cand>) {
        let k = self.after(i);
        if let Some(W::Unit(u, 1)) = self.w(k)
            && self.tight(k)
            && u != Unit::Day
            && self.toks.key(k).starts_with("ال")
            && !matches!(self.w(self.after(k)), Some(W::Mod(_)))
        {
            let v = self.period(u, Dir::This, 0);
            self.push(out, i, self.end_of(k), v.map(one));
        }
    }

    /// Season `s` relative to the dateline's: the last one before it, the next one after it,
    /// or the one of the dateline's season year.
    fn season_rel(&self, s: u8, dir: Dir) -> Option<Val> {
        let (y, cur) = value::season_of(self.ad?);
        let step = match dir {
            Dir::Past => -1,
            Dir::Next => 1,
            Dir::This => return Some(Val::Season(y, s)),
        };
        (1..=4)
            .map(|n| value::add_seasons(y, cur, step * n))
            .find(|v| matches!(v, Val::Season(_, x) if *x == s))
    }

    /// `صيف 2020`, `الصيف الماضي`.
    fn season_ar(&self, i: usize, s: u8, out: &mut Vec<Cand>) {
        let k = self.after(i);
        if !self.tight(k) {
            return;
        }
        let v = match self.w(k) {
            Some(W::Num { v, digits: 4, .. }) => {
                Some(Val::Season(i32::try_from(v).unwrap_or(0), s))
            }
            Some(W::Mod(dir)) => self.season_rel(s, dir),
            _ => return,
        };
        self.push(out, i, self.end_of(k), v.map(one));
    }

    /// A count of units before or after the dateline: `3 gün önce`, `iki yıl önce`;
    /// `sonra` only in a sentence about the future (else it counts from another event).
    pub(super) fn ago_tr(&self, i: usize, out: &mut Vec<Cand>) {
        let n = match self.w(i) {
            Some(W::Count(n)) => n,
            Some(W::Num {
                v,
                digits: 1..=3,
                suffix: false,
                ..
            }) => v,
            _ => return,
        };
        let j = self.after(i);
        let Some(W::Unit(u, _)) = self.w(j).filter(|_| self.tight(j)) else {
            return;
        };
        let k = self.after(j);
        if !self.tight(k) {
            return;
        }
        let dir = match self.w(k) {
            Some(W::Ago) => Some(Dir::Past),
            Some(W::Later) if self.tense(i, k) == Some(Dir::Next) => Some(Dir::Next),
            _ => return,
        };
        let v = dir
            .filter(|_| n > 0)
            .and_then(|d| self.period(u, d, i64::from(n)));
        self.push(out, i, self.end_of(k), v.map(one));
    }

    /// `قبل ثلاثة أيام`, `منذ عامين`, `قبل أسبوع`; `بعد` only about the future.
    fn ago_ar(&self, i: usize, out: &mut Vec<Cand>) {
        let j = self.after(i);
        if !self.tight(j) {
            return;
        }
        let (n, u, last) = match self.w(j) {
            // `منذ سنوات` "for years" has no count; `منذ عام 2015` is "since the year 2015".
            Some(W::Unit(_, 0)) => return,
            Some(W::Unit(..)) if matches!(self.w(self.after(j)), Some(W::Num { .. })) => return,
            Some(W::Unit(u, c)) => (c, u, j),
            Some(W::Count(n))
            | Some(W::Num {
                v: n,
                digits: 1..=3,
                ..
            }) => {
                let k = self.after(j);
                match self.w(k) {
                    Some(W::Unit(u, _)) if self.tight(k) => (n, u, k),
                    _ => return,
                }
            }
            _ => return,
        };
        // `قبل عشرة أيام من الانتخابات` counts from the elections, not the dateline.
        let nx = self.after(last);
        if self.tight(nx) && self.toks.toks.get(nx).is_some() && self.toks.key(nx) == "من" {
            return;
        }
        // `بعد` counts from the dateline only in a sentence about the future; otherwise from
        // another event, and the phrase is a duration, not a date.
        let dir = match self.w(i) {
            Some(W::Ago) => Some(Dir::Past),
            _ if self.tense(i, last) == Some(Dir::Next) => Some(Dir::Next),
            _ => return,
        };
        let v = dir
            .filter(|_| n > 0)
            .and_then(|d| self.period(u, d, i64::from(n)));
        self.push(out, i, self.end_of(last), v.map(one));
    }

    /// The decade with tens `t` nearest before the dateline's decade (`90'lı yıllar` in 2020
    /// is the 1990s, `التسعينيات` too).
    pub(super) fn decade_of(&self, t: u32) -> Option<i32> {
        let y = i32::try_from(self.a.y?).ok()?;
        let t = i32::try_from(t).ok()?;
        let here = y.div_euclid(100) * 100 + t * 10;
        Some(if here >= y.div_euclid(10) * 10 {
            here - 100
        } else {
            here
        })
    }

    /// `21. yüzyıl`, `XX. yüzyıl`, `19. yy`.
    pub(super) fn century_tr(&self, i: usize, out: &mut Vec<Cand>) {
        let n = match self.w(i) {
            Some(W::Num {
                v,
                digits: 1..=2,
                suffix: false,
                ..
            }) => v,
            Some(W::Roman(v)) => v,
            _ => return,
        };
        let k = self.after(i);
        if self.w(k) == Some(W::Century) && self.sep(k, &["."]) && (1..=21).contains(&n) {
            let v = i32::try_from(n)
                .ok()
                .map(|n| one(Val::Century((n - 1) * 100)));
            self.push(out, i, self.end_of(k), v);
        }
    }

    /// The century after `القرن` at `i`: its first year and the end of the phrase.
    fn century_after(&self, i: usize) -> Option<(Option<i32>, usize)> {
        let k = self.after(i);
        if !self.tight(k) {
            return None;
        }
        let (n, mut end, mut next) = match self.w(k)? {
            W::Ord(n) => (Some(n), self.end_of(k), self.after(k)),
            W::Num {
                v, digits: 1..=2, ..
            } => (Some(v), self.end_of(k), self.after(k)),
            W::Mod(dir) => {
                let y = i32::try_from(self.a.y?).ok()?;
                let here = y.div_euclid(100) * 100;
                let c = match dir {
                    Dir::Past => here - 100,
                    Dir::Next => here + 100,
                    Dir::This => here,
                };
                return Some((Some(c), self.end_of(k)));
            }
            _ => return None,
        };
        let mut n = n?;
        if n < 10 && self.tight(next) && self.toks.toks.get(next).is_some() {
            if self.toks.key(next) == "عشر" {
                n += 10;
                end = self.toks.toks[next].end();
                next += 1;
            } else if let Some(W::Ord(t)) = self.w(next)
                && t >= 20
                && self.toks.key(next).starts_with('و')
            {
                n += t;
                end = self.end_of(next);
                next = self.after(next);
            }
        }
        if matches!(self.w(next), Some(W::Era(Era::Ce))) && self.tight(next) {
            end = self.end_of(next);
        }
        let first = i32::try_from(n)
            .ok()
            .filter(|n| *n >= 1)
            .map(|n| (n - 1) * 100);
        Some((first, end))
    }

    /// `القرن العشرين`, `القرن التاسع عشر الميلادي`, `القرن الـ21`, `القرن الماضي`.
    fn century_ar(&self, i: usize, out: &mut Vec<Cand>) {
        if let Some((first, end)) = self.century_after(i) {
            self.push(out, i, end, first.map(|c| one(Val::Century(c))));
        }
    }

    /// `التسعينيات`, `تسعينيات القرن الماضي`, `الستينيات من القرن العشرين`.
    fn decade_ar(&self, i: usize, t: u32, out: &mut Vec<Cand>) {
        let mut k = self.after(i);
        if self.toks.toks.get(k).is_some() && self.toks.key(k) == "من" && self.tight(k) {
            k += 1;
            // `في الخمسينيات من عمره` "in his fifties" is an age.
            let age = self.toks.toks.get(k).is_some()
                && self.toks.key(k).trim_start_matches("ال").starts_with("عمر");
            if age {
                return;
            }
        }
        let tens = i32::try_from(t).unwrap_or(0) * 10;
        let (start, end) = match self.w(k) {
            Some(W::Century) if self.tight(k) => match self.century_after(k) {
                Some((c, end)) => (c.map(|c| c + tens), end),
                None => (self.decade_of(t), self.end_of(i)),
            },
            _ => (self.decade_of(t), self.end_of(i)),
        };
        self.push(out, i, end, start.map(|y| one(Val::Decade(y))));
    }
}
