//! The month rules: a month name with the day before it or a range of days (`15-17 Mart`),
//! the names that repeat it or end a range after it (`آذار/مارس`, `Mart-Nisan`), a year, an
//! Arabic modifier, and a month named alone where a cue says it is a date.

use super::ranges::days as days_to;
use super::rules::{Cand, Rules};
use super::value::{self, Value};
use super::words::{Dir, Era, Unit, W};

/// The month name of a date (and the month ending its range), its end and the token after
/// it.
pub(super) struct MonthRun {
    pub(super) m: u32,
    pub(super) m2: Option<u32>,
    alias: bool,
    pub(super) end: usize,
    next: usize,
}

impl Rules<'_> {
    /// The month name at `j` with the names that repeat it or end a range after it
    /// (`آذار/مارس`, `Mart-Nisan`, `يناير وفبراير`).
    pub(super) fn month_run(&self, j: usize) -> Option<MonthRun> {
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
    pub(super) fn months(&self, y: i64, m: u32, m2: Option<u32>) -> Option<Value> {
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
