//! The date rules over classified tokens: day and month, month alone, Hijri days. Numbers and
//! years are in `numbers.rs`, day ranges in `ranges.rs`, quarters and the year of a date
//! without one in `periods.rs`, weekdays in `weekdays.rs`, relative periods, seasons, decades
//! and centuries in `relative.rs`; all fill one list of candidates.

use time::Date;

use super::super::lexicon::Lexicon;
use super::super::token::Tokens;
use super::Anchor;
use super::ranges::days as days_to;
use super::tense::tense;
use super::value::{self, Val, Value};
use super::words::{Cls, Dir, Era, Unit, W};

/// What a candidate is, for joining neighbours (`الخميس 9 يناير`, `أمس الأحد`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Weekday,
    Rel,
    Other,
}

/// A date found: its byte span and value; `same_day` for `20 من الشهر نفسه`, whose month is
/// the one last named.
#[derive(Debug, Clone, Copy)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub value: Option<Value>,
    pub same_day: Option<u32>,
    pub tag: Tag,
}

/// The rules over one text's classified tokens.
pub struct Rules<'a> {
    pub lx: &'a Lexicon,
    pub text: &'a str,
    pub toks: &'a Tokens,
    pub c: &'a [Option<Cls>],
    pub a: Anchor,
    /// The dateline as a day, when it has one.
    pub ad: Option<Date>,
}

/// The month name of a date, its end and the token after it.
struct MonthRun {
    m: u32,
    m2: Option<u32>,
    alias: bool,
    end: usize,
    next: usize,
}

impl<'a> Rules<'a> {
    pub(super) fn w(&self, i: usize) -> Option<W> {
        self.c.get(i).copied().flatten().map(|c| c.w)
    }

    pub(super) fn cls(&self, i: usize) -> Option<Cls> {
        self.c.get(i).copied().flatten()
    }

    /// The token after the phrase that starts at `i`.
    pub(super) fn after(&self, i: usize) -> usize {
        self.cls(i).map_or(i + 1, |c| c.last + 1)
    }

    /// The text between token `j - 1` and token `j`.
    pub(super) fn gap(&self, j: usize) -> &'a str {
        if j == 0 || j >= self.toks.len() {
            return "\n";
        }
        &self.text[self.toks.toks[j - 1].end()..self.toks.toks[j].start()]
    }

    /// Token `j` follows the one before it on the same line with only `seps` (trimmed) between.
    pub(super) fn sep(&self, j: usize, seps: &[&str]) -> bool {
        let g = self.gap(j);
        !g.contains('\n') && seps.contains(&g.trim())
    }

    /// Only spaces before token `j`.
    pub(super) fn tight(&self, j: usize) -> bool {
        self.sep(j, &[""])
    }

    /// Only spaces or brackets before token `j` (`عام ( 1308 ) هجري`).
    pub(super) fn loose(&self, j: usize) -> bool {
        let g = self.gap(j);
        !g.contains('\n') && g.trim_matches([' ', '(', ')', '\u{a0}']).is_empty()
    }

    /// The class of the word or phrase that ends right before token `i`.
    pub(super) fn prev_w(&self, i: usize) -> Option<W> {
        (i.saturating_sub(3)..i)
            .filter_map(|j| self.cls(j))
            .find(|c| c.last + 1 == i)
            .map(|c| c.w)
    }

    pub(super) fn arabic(&self, i: usize) -> bool {
        self.toks.toks.get(i).is_some_and(|t| t.arabic)
    }

    pub(super) fn end_of(&self, i: usize) -> usize {
        self.cls(i).map_or(self.toks.toks[i].end(), |c| c.end)
    }

    pub(super) fn start_of(&self, i: usize) -> usize {
        self.cls(i).map_or(self.toks.toks[i].start(), |c| c.start)
    }

    pub(super) fn push(&self, out: &mut Vec<Cand>, first: usize, end: usize, value: Option<Value>) {
        self.push_tag(out, first, end, value, Tag::Other);
    }

    pub(super) fn push_tag(
        &self,
        out: &mut Vec<Cand>,
        first: usize,
        end: usize,
        value: Option<Value>,
        tag: Tag,
    ) {
        out.push(Cand {
            start: self.start_of(first),
            end,
            value,
            same_day: None,
            tag,
        });
    }

    /// The tense around tokens `first..=last`.
    pub(super) fn tense(&self, first: usize, last: usize) -> Option<Dir> {
        let is_name = |k: &str| {
            self.lx
                .stats
                .get(k)
                .is_some_and(|s| s.begin + s.inside > s.other)
                || self.lx.people_last.contains_key(k)
        };
        tense(self.text, self.toks, first, last, &is_name)
    }

    /// Every candidate of the text.
    pub fn run(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        for i in 0..self.c.len() {
            let Some(c) = self.cls(i) else { continue };
            match c.w {
                W::Num { .. } => self.number(i, &mut out),
                W::Ord(d) if d <= 31 => self.day_first(i, d, &mut out),
                W::Month(_) => self.month(i, None, i, &mut out),
                W::HMonth(m) => self.hijri_month(i, m, &mut out),
                W::Quarter => self.year_part(i, 4, &mut out),
                W::Half => self.year_part(i, 2, &mut out),
                W::Count(_) => self.ago_tr(i, &mut out),
                W::Roman(_) => self.century_tr(i, &mut out),
                W::Era(Era::Bce) => self.bce(i, &mut out),
                _ => self.relative(i, c.w, &mut out),
            }
        }
        out
    }

    fn number(&self, i: usize, out: &mut Vec<Cand>) {
        let Some(W::Num {
            v, digits, suffix, ..
        }) = self.w(i)
        else {
            return;
        };
        if suffix {
            return;
        }
        if digits <= 2 && (1..=31).contains(&v) {
            self.day_first(i, v, out);
            self.day_range(i, v, out);
        }
        self.numeric(i, out);
        self.year(i, out);
        self.century_tr(i, out);
        self.ago_tr(i, out);
    }

    /// A day (number or Arabic ordinal) before a month: `15 Mayıs`, `الرابع من حزيران`.
    fn day_first(&self, i: usize, d: u32, out: &mut Vec<Cand>) {
        // `ملعب 5 جويلية` "the 5 July stadium" is a name.
        if self.arabic(i.saturating_sub(1)) && self.in_name(i) {
            return;
        }
        let mut j = self.after(i);
        if self.sep(j, &["."]) && !self.arabic(j) {
            // `3. Kasım` is rare but `3.` before a month name is still a day.
        } else if !self.tight(j) {
            return;
        }
        if self.toks.toks.get(j).is_some() && self.toks.key(j) == "من" && self.cls(j).is_none() {
            j += 1;
            if !self.tight(j) {
                return;
            }
        }
        match self.w(j) {
            Some(W::Month(_)) => self.month(j, Some((d, None)), i, out),
            Some(W::HMonth(m)) => {
                let k = self.after(j);
                let (y, end) = match self.w(k) {
                    Some(W::Num {
                        v, digits: 3..=4, ..
                    }) if self.tight(k) => (Some(i64::from(v)), self.era_end(k, Era::Ah)),
                    // `15 Recep` could be a count of people named Recep: Turkish needs a year.
                    _ if !self.arabic(j) => return,
                    _ => (self.hijri_year_in(m, self.tense(i, j)), self.end_of(j)),
                };
                let value = y.and_then(|y| value::hijri_day(y, m, d));
                self.push(out, i, end, value.map(|d| Value::One(Val::Day(d))));
            }
            Some(W::Unit(Unit::Month, 1)) if self.arabic(j) => self.same_month(i, j, d, out),
            _ => {}
        }
    }

    /// `14 من الشهر الجاري`, `20 من الشهر نفسه`.
    fn same_month(&self, i: usize, j: usize, d: u32, out: &mut Vec<Cand>) {
        let k = self.after(j);
        if !self.tight(k) {
            return;
        }
        match self.w(k) {
            Some(W::Same) => out.push(Cand {
                start: self.start_of(i),
                end: self.end_of(k),
                value: None,
                same_day: Some(d),
                tag: Tag::Other,
            }),
            Some(W::Mod(Dir::This)) => {
                let v = self
                    .a
                    .y
                    .zip(self.a.m)
                    .and_then(|(y, m)| value::day(y, m, d));
                self.push(out, i, self.end_of(k), v.map(|d| Value::One(Val::Day(d))));
            }
            _ => {}
        }
    }

    /// The month name at `j` with the names that repeat it or end a range after it
    /// (`آذار/مارس`, `Mart-Nisan`, `يناير وفبراير`).
    fn month_run(&self, j: usize) -> Option<MonthRun> {
        let Some(W::Month(m)) = self.w(j) else {
            return None;
        };
        let mut run = MonthRun {
            m,
            m2: None,
            alias: false,
            end: self.end_of(j),
            next: self.after(j),
        };
        loop {
            let k = run.next;
            // `Nisan ve Haziran ayları`: a word joins two month names into a range.
            let ve = self.month_link(k);
            let k = if ve { k + 1 } else { k };
            let joined = ve
                || self.sep(k, &["/", "-", "–"])
                || (self.arabic(k)
                    && self.tight(k)
                    && self.toks.key(k).starts_with('و')
                    && self.start_of(k) > self.toks.toks[k].start());
            let Some(W::Month(x)) = self.w(k).filter(|_| joined) else {
                break;
            };
            if x == m {
                run.alias = true;
            } else if run.m2.is_none() && (ve || !self.sep(k, &["/"])) {
                run.m2 = Some(x);
            } else if !self.sep(k, &["/"]) {
                break;
            }
            run.end = self.end_of(k);
            run.next = self.after(k);
        }
        Some(run)
    }

    /// A month name at `j`, with the day before it (from `first`) if any, or a range of days
    /// (`15-17 Mart`), and what follows: a year, an Arabic modifier, a weekday.
    pub(super) fn month(
        &self,
        j: usize,
        days: Option<(u32, Option<u32>)>,
        first: usize,
        out: &mut Vec<Cand>,
    ) {
        let Some(mut run) = self.month_run(j) else {
            return;
        };
        let mut k = run.next;
        let mut day = days.map(|d| d.0);
        let to = days.and_then(|d| d.1);
        // `Ocak 09, 2024`
        if day.is_none()
            && let Some(W::Num {
                v: d,
                digits: 1..=2,
                ..
            }) = self.w(k)
            && self.tight(k)
            && self.sep(self.after(k), &[","])
            && matches!(self.w(self.after(k)), Some(W::Num { digits: 4, .. }))
        {
            day = Some(d);
            k = self.after(k);
        }
        let mut year = None;
        if let Some(W::Num {
            v,
            digits: 4,
            suffix: false,
            ..
        }) = self.w(k)
            && (self.tight(k) || self.sep(k, &[","]))
        {
            year = Some(i64::from(v));
            run.end = self.era_end(k, Era::Ce);
            k = self.after(k);
        }
        let mut dir = None;
        if year.is_none()
            && self.arabic(j)
            && let Some(W::Mod(d)) = self.w(k)
            && self.tight(k)
        {
            dir = Some(d);
            run.end = self.end_of(k);
        }
        let value = match (day, year) {
            (Some(d), Some(y)) => value::day(y, run.m, d).and_then(|d| days_to(d, to)),
            (Some(d), None) => {
                let dir = dir.or_else(|| self.tense(first, k.saturating_sub(1)));
                self.day_in(run.m, d, dir).and_then(|d| days_to(d, to))
            }
            (None, Some(y)) => self.months(y, run.m, run.m2),
            (None, None) => {
                if !self.month_alone(j, &run, dir) {
                    return;
                }
                let dir = dir.or_else(|| self.tense(j, k.saturating_sub(1)));
                let y = self.month_in(run.m, dir);
                y.and_then(|y| self.months(i64::from(y), run.m, run.m2))
            }
        };
        self.push(out, first, run.end, value);
    }

    /// Month `m` of year `y`, or the interval to `m2` (in the next year if it comes earlier).
    fn months(&self, y: i64, m: u32, m2: Option<u32>) -> Option<Value> {
        let a = value::month(y, m)?;
        match m2 {
            Some(m2) => {
                let y2 = if m2 < m { y + 1 } else { y };
                Some(Value::Span(a, value::month(y2, m2)?))
            }
            None => Some(Value::One(a)),
        }
    }

    /// A month name with neither day nor year is a date only with a cue: Turkish `ay`
    /// after it (`Mart ayında`), a case ending after an apostrophe (`Ocak'ta`), a range or a
    /// part (`Şubat sonu`); Arabic a second name, a modifier, or a cue word before it
    /// (`في مارس`, `شهر مارس`), since `مارس` is also a verb.
    fn month_alone(&self, j: usize, run: &MonthRun, dir: Option<Dir>) -> bool {
        if run.m2.is_some() || run.alias || dir.is_some() {
            return true;
        }
        let k = run.next;
        let before = j
            .checked_sub(1)
            .filter(|&p| self.tight(j) && self.cls(p).is_some());
        let prev = before.and_then(|p| self.w(p));
        if self.arabic(j) {
            return matches!(prev, Some(W::Cue | W::Part));
        }
        let t = &self.toks.toks[j];
        let next = self.w(k).filter(|_| self.tight(k));
        let case = t.has_suffix() && {
            let s = crate::text::fold_str(&self.text[t.stem_end()..t.end()]);
            let s = s.trim_start_matches(['\'', '’']);
            [
                "ta", "te", "da", "de", "tan", "ten", "dan", "den", "a", "e", "ya", "ye", "taki",
                "teki", "daki", "deki",
            ]
            .contains(&s)
        };
        matches!(next, Some(W::Unit(Unit::Month, _)) | Some(W::Part))
            || (t.cap && case)
            || matches!(prev, Some(W::Mod(_)))
    }
}
