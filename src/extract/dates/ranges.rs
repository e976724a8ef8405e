//! Day ranges before a month name: `15-17 Mart`, `15 ila 17 Mart 2024`, `من 15 إلى 17 مارس`,
//! `بين 15 و17 مارس`; the value is the interval of days. And the words that join two month
//! names into a range (`Ocak ile Mart arasında`, `من يناير إلى مارس`).

use time::Date;

use super::rules::{Cand, Rules};
use super::value::{self, Val, Value};
use super::words::W;
use crate::text::fold_str;

/// Words between the two days of a range (folded): Turkish `ila`, `ve`, `-`; Arabic `إلى`,
/// `حتى`, `و` (also attached to the second day, `و17`).
const TO: &[&str] = &["ila", "ve", "إلى", "الى", "حتى", "و"];

/// Words between two month names of a range (folded): Turkish `ve`, `ile`, `ila`; Arabic
/// `إلى`, `حتى` (`و` attached to the second name is read where the names are).
const MONTH_TO: &[&str] = &["ve", "ile", "ila", "إلى", "الى", "حتى"];

impl Rules<'_> {
    /// Token `k` is a word that joins the month name before it to one right after it.
    pub(super) fn month_link(&self, k: usize) -> bool {
        self.toks.toks.get(k).is_some()
            && self.tight(k)
            && MONTH_TO.iter().any(|w| fold_str(w) == self.toks.key(k))
            && matches!(self.w(k + 1), Some(W::Month(_)))
            && self.tight(k + 1)
    }

    /// The second day of a range that starts with day `d` at `i`, and the token after it.
    fn range_end(&self, i: usize, d: u32) -> Option<(u32, usize)> {
        let mut j = self.after(i);
        self.toks.toks.get(j)?;
        let key = self.toks.key(j);
        // `و17`: the Arabic `و` attached to the second day leaves it unclassed.
        if let Some(n) = key.strip_prefix('و')
            && self.tight(j)
            && !n.is_empty()
            && n.len() <= 2
            && n.bytes().all(|b| b.is_ascii_digit())
        {
            let v: u32 = n.parse().ok()?;
            return (v > d && v <= 31).then_some((v, j + 1));
        }
        if self.tight(j) && self.cls(j).is_none() && TO.iter().any(|w| fold_str(w) == key) {
            j += 1;
            if !self.tight(j) {
                return None;
            }
        } else if !self.sep(j, &["-", "–"]) {
            return None;
        }
        match self.w(j) {
            Some(W::Num {
                v,
                digits: 1..=2,
                suffix: false,
                ..
            }) if v > d && v <= 31 => Some((v, self.after(j))),
            _ => None,
        }
    }

    /// A range of days `d` to the day after `i`, before a month name.
    pub(super) fn day_range(&self, i: usize, d: u32, out: &mut Vec<Cand>) {
        let Some((to, k)) = self.range_end(i, d) else {
            return;
        };
        if self.tight(k) && matches!(self.w(k), Some(W::Month(_))) {
            self.month(k, Some((d, Some(to))), i, out);
        }
    }
}

/// Day `first`, or the interval from it to day `to` of its month.
pub(super) fn days(first: Date, to: Option<u32>) -> Option<Value> {
    let Some(to) = to else {
        return Some(Value::One(Val::Day(first)));
    };
    let last = value::day(
        i64::from(first.year()),
        u32::from(u8::from(first.month())),
        to,
    )?;
    Some(Value::Span(Val::Day(first), Val::Day(last)))
}
