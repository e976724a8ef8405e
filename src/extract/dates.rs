//! Dates: numeric, ISO, year ranges, day + month (Turkish suffixes, Arabic dual month names),
//! weekdays and relative days, `20 من الشهر نفسه`; each resolved against the dateline.

use regex::Regex;

use super::lexicon::Lexicon;
use super::morph::{ar_find, tr_splits};
use super::token::Tokens;
use super::{Kind, RawMention};
use crate::corpus::{day_first, iso_date};
use crate::text::fold_str;

/// Relative day words (folded) and their offset from the dateline.
const RELATIVE: &[(&str, i64)] = &[
    ("dun", -1),
    ("bugun", 0),
    ("yarin", 1),
    ("امس", -1),
    ("البارحه", -1),
    ("اليوم", 0),
    ("غدا", 1),
];

/// Compiled date patterns.
#[derive(Debug)]
pub struct DateRules {
    numeric: Regex,
    iso: Regex,
    range: Regex,
    day_month: Regex,
    month_year: Regex,
    year: Regex,
    same_month: Regex,
    night: Regex,
}

/// A date anchor: year, month, day as far as known.
#[derive(Debug, Clone, Copy, Default)]
pub struct Anchor {
    y: Option<i64>,
    m: Option<u32>,
    d: Option<u32>,
}

impl Anchor {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(iso: &str) -> Anchor {
        let mut p = iso.split('-').map(|x| x.parse::<i64>().ok());
        let y = p.next().flatten();
        // A number past u32 is no month or day: dropped rather than wrapped into one.
        let m = p.next().flatten().and_then(|v| u32::try_from(v).ok());
        let d = p.next().flatten().and_then(|v| u32::try_from(v).ok());
        Anchor { y, m, d }
    }

    fn days(&self) -> Option<i64> {
        Some(days_from_civil(self.y?, self.m?, self.d?))
    }
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn build(re: &str) -> Regex {
    Regex::new(re).unwrap_or_else(|e| panic!("built-in date pattern is valid: {e}"))
}

impl DateRules {
    /// Compiles the patterns from the lexicon's month and weekday names.
    pub fn new(lx: &Lexicon) -> DateRules {
        let months: Vec<String> = lx.months.iter().map(|(n, _)| regex::escape(n)).collect();
        let m = months.join("|");
        let wd: Vec<String> = [
            "pazartesi",
            "salı",
            "çarşamba",
            "perşembe",
            "cumartesi",
            "cuma",
            "pazar",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let w = wd.join("|");
        let y = r"(1[5-9]\d\d|20\d\d)";
        DateRules {
            numeric: build(r"(?-u:\b)(\d{1,2})[./](\d{1,2})[./](\d{4})(?-u:\b)"),
            iso: build(r"(?-u:\b)(\d{4})-(\d{2})(?:-(\d{2}))?(?-u:\b)"),
            range: build(&format!(r"(?-u:\b){y}\s?[-–—]\s?{y}(?-u:\b)")),
            day_month: build(&format!(
                r"(?i)(?-u:\b)(\d{{1,2}})\.?\s+({m})(?:\s*/\s*(?:{m}))?(?:\s+{y}(?-u:\b))?"
            )),
            month_year: build(&format!(r"(?i)(?:{m})\s+{y}(?-u:\b)")),
            year: build(&format!(r"(?-u:\b){y}(?-u:\b)")),
            same_month: build(r"(?-u:\b)(\d{1,2})\s+من\s+(?:الشهر|شهر)\s+(?:نفسه|ذاته|الجاري)"),
            night: build(&format!(
                r"(?i)(?:{w})\p{{L}}*\s+(?:{w})\p{{L}}*\s+bağlayan\s+gece\p{{L}}*"
            )),
        }
    }

    fn month_of(lx: &Lexicon, name: &str) -> Option<u32> {
        let key = fold_str(name);
        lx.months
            .iter()
            .find(|(n, _)| fold_str(n) == key)
            .map(|&(_, m)| m)
    }

    /// Finds the dates in `text` (Turkish or Arabic), resolved against `anchor`.
    pub fn find(&self, lx: &Lexicon, text: &str, toks: &Tokens, anchor: Anchor) -> Vec<RawMention> {
        let mut c: Vec<(usize, usize, Pat)> = Vec::new();
        for (ws, we) in super::window::digit_windows(text) {
            self.numeric_dates(text, ws, we, &mut c);
        }
        if memchr::memmem::find(text.as_bytes(), "bağlayan".as_bytes()).is_some() {
            for m in self.night.find_iter(text) {
                c.push((m.start(), m.end(), Pat::Night));
            }
        }
        word_dates(lx, text, toks, &mut c);
        c.retain(|&(s, e, _)| suffix_ok(text, e) && s < e);
        c.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut out: Vec<RawMention> = Vec::new();
        let mut last = anchor;
        for (s, e, p) in c {
            if out.last().is_some_and(|m| m.end > s) {
                continue;
            }
            let value = self.resolve(lx, &text[s..e], p, anchor, &mut last);
            out.push(RawMention {
                start: s,
                end: e,
                kind: Kind::Date,
                value,
                canonical: None,
            });
        }
        out
    }

    /// Candidates of the patterns that contain a number, inside `text[ws..we]`.
    fn numeric_dates(&self, text: &str, ws: usize, we: usize, c: &mut Vec<(usize, usize, Pat)>) {
        let w = &text[ws..we];
        for (re, p) in [
            (&self.numeric, Pat::Numeric),
            (&self.iso, Pat::Iso),
            (&self.range, Pat::Range),
            (&self.day_month, Pat::DayMonth),
            (&self.same_month, Pat::SameMonth),
            (&self.year, Pat::Year),
        ] {
            c.extend(re.find_iter(w).map(|m| (ws + m.start(), ws + m.end(), p)));
        }
        for m in self.month_year.find_iter(w) {
            let (s, e) = (ws + m.start(), ws + m.end());
            if !text[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            {
                c.push((s, e, Pat::MonthYear));
            }
        }
    }

    fn resolve(
        &self,
        lx: &Lexicon,
        s: &str,
        p: Pat,
        anchor: Anchor,
        last: &mut Anchor,
    ) -> Option<String> {
        let nums: Vec<i64> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|x| x.parse().ok())
            .collect();
        let n = |i: usize| nums.get(i).copied();
        // A day or month that does not fit u32 is no date (not wrapped into a small one).
        let n32 = |i: usize| n(i).and_then(|v| u32::try_from(v).ok());
        match p {
            Pat::Numeric => {
                let (d, m) = day_first(n32(0)?, n32(1)?)?;
                iso_date(n(2)?, m, Some(d))
            }
            Pat::Iso => iso_date(n(0)?, n32(1)?, n32(2)),
            Pat::Range => Some(format!("{:04}/{:04}", n(0)?, n(1)?)),
            Pat::Year => Some(format!("{:04}", n(0)?)),
            Pat::DayMonth | Pat::MonthYear => {
                let m = self.first_month(lx, s)?;
                let (d, y) = match p {
                    Pat::DayMonth => (n32(0), n(1).or(anchor.y)),
                    _ => (None, n(0)),
                };
                *last = Anchor { y, m: Some(m), d };
                iso_date(y?, m, d)
            }
            Pat::SameMonth => iso_date(last.y?, last.m?, Some(n32(0)?)),
            Pat::Night => {
                let first = s.split_whitespace().next()?;
                weekday_value(lx, &fold_str(first), anchor)
            }
            Pat::Weekday(wd) => {
                let days = anchor.days()?;
                let today = (days + 3).rem_euclid(7);
                Some(civil(days - (today - i64::from(wd)).rem_euclid(7)))
            }
            Pat::Relative(off) => Some(civil(anchor.days()? + off)),
        }
    }

    fn first_month(&self, lx: &Lexicon, s: &str) -> Option<u32> {
        let body: String = s
            .chars()
            .filter(|c| !c.is_ascii_digit() && *c != '.')
            .collect();
        let head = body.split('/').next()?.trim();
        DateRules::month_of(lx, head)
    }
}

fn weekday_value(lx: &Lexicon, key: &str, anchor: Anchor) -> Option<String> {
    let wd = (1..=key.len())
        .rev()
        .filter(|&i| key.is_char_boundary(i))
        .find_map(|i| lx.weekdays.get(&key[..i]))?;
    let days = anchor.days()?;
    let today = (days + 3).rem_euclid(7);
    Some(civil(days - (today - i64::from(*wd)).rem_euclid(7)))
}

/// Which rule produced a date.
#[derive(Debug, Clone, Copy)]
enum Pat {
    Numeric,
    Iso,
    Range,
    DayMonth,
    MonthYear,
    Year,
    SameMonth,
    Night,
    Weekday(u32),
    Relative(i64),
}

/// A Turkish letter run right after a date must be a case suffix.
fn suffix_ok(text: &str, end: usize) -> bool {
    let rest: String = text[end..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    rest.is_empty() || crate::extract::morph::is_tr_suffix(&fold_str(&rest))
}

/// Weekdays and relative days, with Turkish suffixes and Arabic proclitics outside.
fn word_dates(lx: &Lexicon, text: &str, toks: &Tokens, out: &mut Vec<(usize, usize, Pat)>) {
    for (i, t) in toks.toks.iter().enumerate() {
        let key = toks.key(i);
        if t.arabic {
            if !super::names::has_clitic(key) {
                if let Some(p) = word_pat(lx, key) {
                    out.push((t.start(), t.end(), p));
                }
                continue;
            }
            if let Some((skip, p)) = ar_find(key, |skip, k| word_pat(lx, k).map(|p| (skip, p))) {
                out.push((t.start() + skip, t.end(), p));
            }
        } else if let Some(p) = word_pat(lx, key) {
            out.push((t.start(), t.stem_end(), p));
        } else if let Some((s, p)) =
            tr_splits(key).find_map(|s| weekday_pat(lx, &key[..s]).map(|p| (s, p)))
        {
            out.push((
                t.start(),
                t.start() + super::names::orig_len(&text[t.start()..t.end()], s),
                p,
            ));
        }
    }
}

fn weekday_pat(lx: &Lexicon, key: &str) -> Option<Pat> {
    lx.weekdays.get(key).map(|&wd| Pat::Weekday(wd))
}

fn word_pat(lx: &Lexicon, key: &str) -> Option<Pat> {
    if !(3..=40).contains(&key.len()) {
        return None;
    }
    if let Some(&wd) = lx.weekdays.get(key) {
        return Some(Pat::Weekday(wd));
    }
    RELATIVE
        .iter()
        .find(|(w, _)| *w == key)
        .map(|&(_, off)| Pat::Relative(off))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(civil(days_from_civil(2020, 11, 13)), "2020-11-13");
        assert_eq!((days_from_civil(2020, 11, 13) + 3).rem_euclid(7), 4); // Friday
    }

    #[test]
    fn anchor_drops_a_month_or_day_past_u32() {
        // 2^32 + 1 and 2^32 + 5 once wrapped to January and the 5th.
        let a = Anchor::parse("2024-4294967297-4294967301");
        assert_eq!((a.y, a.m, a.d), (Some(2024), None, None));
        let a = Anchor::parse("2024-03-07");
        assert_eq!((a.y, a.m, a.d), (Some(2024), Some(3), Some(7)));
    }
}
