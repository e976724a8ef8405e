//! The date rules over classified tokens: a day before a month, Hijri days, the walk that
//! sends each token to its rule. Month names are in `months.rs`, numbers and years in
//! `numbers.rs`, day ranges in `ranges.rs`, quarters and the year of a date
//! without one in `periods.rs`, weekdays in `weekdays.rs`, relative periods, seasons, decades
//! and centuries in `relative.rs`; all fill one list of candidates.

use time::Date;

use super::super::lexicon::Lexicon;
use super::super::token::Tokens;
use super::Anchor;
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
}
