//! Dates in Turkish and Arabic news, each resolved against the article's dateline with its
//! grain (see `value.rs` for the forms). Tokens are classified once (`words.rs`); the rules
//! (`rules.rs`, `relative.rs`) read the classes; overlapping candidates keep the longest, and
//! neighbours that name one day join (`الخميس 9 يناير`, `أمس الأحد`, `Şubat sonu`).

mod counted;
mod endings;
mod letters;
mod measures;
mod months;
mod numbers;
mod periods;
mod ranges;
mod relative;
mod rules;
mod tense;
mod value;
mod weekdays;
mod words;

use regex::Regex;

use super::lexicon::Lexicon;
use super::token::Tokens;
use super::{Kind, RawMention};
use crate::text::fold_str;
use rules::{Cand, Rules, Tag};
use value::{Val, Value};
use words::{DateWords, W};

/// Compiled date rules.
#[derive(Debug)]
pub struct DateRules {
    words: DateWords,
    night: Regex,
}

/// A date anchor (the dateline): year, month, day as far as known.
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
}

/// The months a text's dates name, for reading a document in pieces: a day of "the same
/// month" takes the month named last, maybe in an earlier piece.
#[derive(Debug, Clone, Default)]
pub struct Months {
    /// Where a month is named (by a day or a month), as (byte offset, (year, month)), in order.
    pub named: Vec<(usize, (i32, u8))>,
    /// The days of "the same month" that came before any month was named, which have no
    /// value: (byte offset of the mention's start, day of the month).
    pub waiting: Vec<(usize, u32)>,
}

impl Months {
    /// The values the waiting days take in a text that follows one whose last month named
    /// was `month`, as if it were named before the text:
    /// (start of the mention, ISO value or `None` for a day the month does not have).
    pub fn resolve_waiting(
        &self,
        (y, m): (i32, u8),
    ) -> impl Iterator<Item = (usize, Option<String>)> {
        self.waiting.iter().map(move |&(at, d)| {
            let day = value::day(i64::from(y), u32::from(m), d);
            (at, day.map(|d| Value::One(Val::Day(d)).iso()))
        })
    }
}

impl DateRules {
    /// Builds the rules from the lexicon's month and weekday names and the date words.
    pub fn new(lx: &Lexicon) -> DateRules {
        let w = lx
            .weekdays
            .keys()
            .filter(|k| k.is_ascii())
            .map(|k| regex::escape(k))
            .collect::<Vec<_>>()
            .join("|");
        let night = Regex::new(&format!(
            r"(?i)(?:{w})\p{{L}}*\s+(?:{w})\p{{L}}*\s+bağlayan\s+gece\p{{L}}*"
        ))
        .unwrap_or_else(|e| panic!("built-in date pattern is valid: {e}"));
        DateRules {
            words: DateWords::new(lx),
            night,
        }
    }

    /// Finds the dates in `text` (Turkish or Arabic), resolved against `anchor`, and the
    /// months they name.
    pub fn find(
        &self,
        lx: &Lexicon,
        text: &str,
        toks: &Tokens,
        anchor: Anchor,
    ) -> (Vec<RawMention>, Months) {
        let classes = self.words.classify(text, toks);
        let ad = anchor
            .y
            .zip(anchor.m)
            .zip(anchor.d)
            .and_then(|((y, m), d)| value::day(y, m, d));
        let rules = Rules {
            lx,
            text,
            toks,
            c: &classes,
            a: anchor,
            ad,
        };
        let mut c = rules.run();
        if memchr::memmem::find(text.as_bytes(), "bağlayan".as_bytes()).is_some() {
            for m in self.night.find_iter(text) {
                let first = m.as_str().split_whitespace().next().unwrap_or("");
                let value =
                    night_weekday(lx, first).and_then(|wd| rules.weekday_val(wd, None, false));
                c.push(Cand {
                    start: m.start(),
                    end: m.end(),
                    value: value.map(Value::One),
                    same_day: None,
                    tag: Tag::Other,
                });
            }
        }
        c.retain(|x| x.start < x.end);
        c.sort_by_key(|x| (x.start, std::cmp::Reverse(x.end)));
        let mut kept: Vec<Cand> = Vec::new();
        for x in c {
            if kept.last().is_none_or(|k| k.end <= x.start) {
                kept.push(x);
            }
        }
        let kept = join(&rules, kept);
        resolve(kept)
    }
}

/// The weekday a Turkish `salıyı çarşambaya bağlayan gece` starts with.
fn night_weekday(lx: &Lexicon, word: &str) -> Option<u32> {
    let key = fold_str(word);
    (1..=key.len())
        .rev()
        .filter(|&i| key.is_char_boundary(i))
        .find_map(|i| lx.weekdays.get(&key[..i]).copied())
}

/// Only spaces or a comma between two byte offsets, on one line.
fn adjacent(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|g| !g.contains('\n') && matches!(g.trim(), "" | "," | "،"))
}

fn is_day(v: Option<Value>) -> bool {
    matches!(v, Some(Value::One(Val::Day(_))))
}

/// Joins neighbours that name one date, and takes in the part words around a date
/// (`نهاية 2024`, `2023 sonu`).
fn join(r: &Rules, kept: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(kept.len());
    for x in kept {
        if let Some(last) = out.last_mut()
            && adjacent(r.text, last.end, x.start)
        {
            let joined = match (last.tag, x.tag) {
                (Tag::Weekday, Tag::Other) if is_day(x.value) => Some(x.value),
                (Tag::Rel, Tag::Weekday) => Some(last.value),
                (Tag::Other, Tag::Weekday) if is_day(last.value) => Some(last.value),
                _ => None,
            };
            if let Some(value) = joined {
                last.end = x.end;
                last.value = value;
                last.tag = Tag::Other;
                continue;
            }
        }
        out.push(x);
    }
    for x in &mut out {
        take_parts(r, x);
    }
    out
}

/// An Arabic part word before a date, or a Turkish one after it, joins its span.
fn take_parts(r: &Rules, x: &mut Cand) {
    let std::ops::Range { start: i, end: j } = r.toks.covering(x.start, x.end);
    if i > 0 && r.arabic(i - 1) && r.w(i - 1) == Some(W::Part) && r.tight(i) {
        x.start = r.start_of(i - 1);
    }
    if j < r.toks.len() && !r.arabic(j) && r.w(j) == Some(W::Part) && r.tight(j) {
        x.end = r.end_of(j);
    }
}

/// The mentions, `20 من الشهر نفسه` taking the month last named (none when none is named
/// before it: [`Months::waiting`]), and the months named.
fn resolve(kept: Vec<Cand>) -> (Vec<RawMention>, Months) {
    let mut last_month = None;
    let mut months = Months::default();
    let found = kept
        .into_iter()
        .map(|x| {
            let value = match x.same_day {
                Some(d) => {
                    if last_month.is_none() {
                        months.waiting.push((x.start, d));
                    }
                    last_month
                        .and_then(|(y, m)| value::day(i64::from(y), u32::from(m), d))
                        .map(|d| Value::One(Val::Day(d)))
                }
                None => x.value,
            };
            let named = match value {
                Some(Value::One(Val::Day(d))) => Some((d.year(), u8::from(d.month()))),
                Some(Value::One(Val::Month(y, m))) => Some((y, m)),
                _ => None,
            };
            if let Some(month) = named {
                last_month = Some(month);
                months.named.push((x.start, month));
            }
            RawMention {
                start: x.start,
                end: x.end,
                kind: Kind::Date,
                value: value.map(|v| v.iso()),
                canonical: None,
            }
        })
        .collect();
    (found, months)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_drops_a_month_or_day_past_u32() {
        // 2^32 + 1 and 2^32 + 5 once wrapped to January and the 5th.
        let a = Anchor::parse("2024-4294967297-4294967301");
        assert_eq!((a.y, a.m, a.d), (Some(2024), None, None));
        let a = Anchor::parse("2024-03-07");
        assert_eq!((a.y, a.m, a.d), (Some(2024), Some(3), Some(7)));
    }
}
