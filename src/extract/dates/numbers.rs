//! Numbers in dates: the number tokens themselves (ASCII or Arabic-Indic digits, Turkish
//! endings, attached `هـ`), and the rules that start at one: numeric dates, years and year
//! ranges, decades in figures, eras, Hijri months with a year.

use super::super::token::Tokens;
use super::endings::TR_ENDINGS;
use super::rules::{Cand, Rules};
use super::value::{self, Val, Value};
use super::words::{Era, Unit, W};
use crate::corpus::day_first;
use crate::text::fold_str;

impl Rules<'_> {
    /// The end of the number at `k`, past an era word after it if it is `era`.
    pub(super) fn era_end(&self, k: usize, era: Era) -> usize {
        let n = self.after(k);
        if self.w(n) == Some(W::Era(era)) && self.loose(n) {
            self.end_of(n)
        } else {
            self.end_of(k)
        }
    }

    /// Day, month and year in numbers: `03.11.2020`, `١٢/٩/٢٠٢٤`, `3-7-2023`, `2024-05-11`,
    /// `22/1/1422هـ`; ISO `2020-01`. An impossible date keeps its span and has no value.
    pub(super) fn numeric(&self, i: usize, out: &mut Vec<Cand>) {
        let Some(W::Num {
            v: a, digits: da, ..
        }) = self.w(i)
        else {
            return;
        };
        let j = self.after(i);
        let Some(s) = [".", "/", "-"].into_iter().find(|s| self.sep(j, &[s])) else {
            return;
        };
        let Some(W::Num {
            v: b,
            digits: 1..=2,
            ..
        }) = self.w(j)
        else {
            return;
        };
        let k = self.after(j);
        let third = match self.w(k) {
            Some(W::Num { v, digits, era, .. }) if self.sep(k, &[s]) => Some((v, digits, era)),
            _ => None,
        };
        let value = match third {
            Some((y, 4, era)) if da <= 2 => {
                let hijri = era == Some(Era::Ah) || self.w(self.after(k)) == Some(W::Era(Era::Ah));
                if hijri {
                    value::hijri_day(i64::from(y), b, a).map(|d| (d, self.era_end(k, Era::Ah)))
                } else {
                    day_first(a, b)
                        .and_then(|(d, m)| value::day(i64::from(y), m, d))
                        .map(|d| (d, self.era_end(k, Era::Ce)))
                }
                .map(|(d, end)| (Some(Value::One(Val::Day(d))), end))
                .or(Some((None, self.end_of(k))))
            }
            Some((d, 1..=2, _)) if da == 4 => Some((
                value::day(i64::from(a), b, d).map(|d| Value::One(Val::Day(d))),
                self.end_of(k),
            )),
            None if da == 4 && s == "-" && self.w(j).is_some() && self.toks.key(j).len() == 2 => {
                Some((
                    value::month(i64::from(a), b).map(Value::One),
                    self.end_of(j),
                ))
            }
            _ => None,
        };
        if let Some((v, end)) = value {
            self.push(out, i, end, v);
        }
    }

    /// Years: `2020`, `1305 yılında`, `عام 1308 هجري`, ranges `2019-2021`, decades
    /// `1990'lı yıllar`, seasons `2019 baharı`.
    pub(super) fn year(&self, i: usize, out: &mut Vec<Cand>) {
        let Some(W::Num {
            v,
            digits,
            plural,
            era,
            ..
        }) = self.w(i)
        else {
            return;
        };
        let k = self.after(i);
        if plural && v % 10 == 0 && (digits == 4 || digits == 2) {
            let start = if digits == 4 {
                i32::try_from(v).ok()
            } else {
                self.decade_of(v / 10)
            };
            let end = match self.w(k) {
                Some(W::Unit(Unit::Year, _)) if self.tight(k) => self.end_of(k),
                _ => self.toks.toks[i].end(),
            };
            self.push(out, i, end, start.map(|y| Value::One(Val::Decade(y))));
            return;
        }
        if digits != 4 && digits != 3 {
            return;
        }
        let y = i64::from(v);
        let unit_before = i
            .checked_sub(1)
            .is_some_and(|p| self.loose(i) && matches!(self.w(p), Some(W::Unit(Unit::Year, 1))));
        let unit_after = matches!(self.w(k), Some(W::Unit(Unit::Year, 1))) && self.tight(k);
        let hijri = era == Some(Era::Ah) || (self.w(k) == Some(W::Era(Era::Ah)) && self.loose(k));
        if hijri && v <= 1600 {
            let v = value::hijri_year(y);
            self.push(out, i, self.era_end(i, Era::Ah), v);
            return;
        }
        let t = &self.toks.toks[i];
        let case_suffix = digits == 4 && v >= 1000 && t.has_suffix() && !t.arabic;
        if !((1500..=2099).contains(&v) && digits == 4 || unit_before || unit_after || case_suffix)
        {
            return;
        }
        // `yaklaşık 1700` "about 1700", `600 bin`, `2012 قتيلا` (a counted noun in the
        // accusative), `رقمها ( 1604 )`, `2000 kişi` are quantities or numbers.
        let approx = self.loose(i) && self.prev_w(i) == Some(W::Approx);
        let mult = self.tight(k) && self.w(k) == Some(W::Mult);
        // The word just after, when it is no date word: what a number counts.
        // (`عام 2000` is a year; Turkish writes `2000 yılı`, so `geçen yıl 2000 şube` counts.)
        let ar_unit = unit_before && self.arabic(i - 1);
        let noun_after = !ar_unit && self.tight(k) && self.cls(k).is_none();
        // `2000 kişi katıldı`, `1500 dolar`, `1800 كيلومتر`: a count of people or a measure;
        // `2000 araç girdi`: a Turkish noun with no compound's possessive (counted.rs).
        let measured = noun_after && super::measures::is_measure(self.text, self.toks, k);
        let counted = noun_after
            && (self.arabic(k)
                && self.toks.key(k).ends_with('ا')
                && self.toks.key(k).chars().count() >= 4
                || self.counts_noun(k));
        if !t.has_suffix()
            && (approx || mult || counted || measured || self.in_name(i) || self.amount(i))
        {
            return;
        }
        // `القانون رقم 4 لسنة 2022`, `( 5 ) لسنة 2008`: a law's number and year are its title.
        let law = unit_before
            && i >= 2
            && self.arabic(i - 1)
            && self.toks.key(i - 1).starts_with('ل')
            && self.loose(i - 1)
            && matches!(self.w(i - 2), Some(W::Num { .. }));
        // `رقم 194 لسنة 2020`: the number before the law's year is its number.
        let numbered = unit_after
            && self.arabic(k)
            && self.toks.key(k).starts_with('ل')
            && matches!(self.w(self.after(k)), Some(W::Num { .. }));
        if law || numbered {
            return;
        }
        // A year before a capitalised name is part of it (`2024 Paris Olimpiyat Oyunları`,
        // `1900 Filistinli`, `2022 Kış Olimpiyatları`), not a date.
        if !t.has_suffix()
            && self.tight(k)
            && self.toks.toks.get(k).is_some_and(|n| n.cap && !n.arabic)
            && self
                .cls(k)
                .is_none_or(|c| matches!(c.w, W::Season(_)) && !self.season_of_year(k))
        {
            return;
        }
        if let Some(W::Num {
            v: v2, digits: 4, ..
        }) = self.w(k)
            && self.sep(k, &["-", "–", "—", "/"])
            && v2 > v
            && v2 - v < 200
        {
            let span = Value::Span(
                Val::Year(i32::try_from(v).unwrap_or(0)),
                Val::Year(i32::try_from(v2).unwrap_or(0)),
            );
            self.push(out, i, self.end_of(k), Some(span));
            return;
        }
        // `2020 Ocak ayında`, `2019 Mart-Nisan`: Turkish also writes the year before the
        // month; the span is the month of that year, not a year and a month of another.
        if !self.arabic(k)
            && self.tight(k)
            && matches!(self.w(k), Some(W::Month(_)))
            && let Some(run) = self.month_run(k)
        {
            self.push(out, i, run.end, self.months(y, run.m, run.m2));
            return;
        }
        let yi = i32::try_from(v).unwrap_or(0);
        if let Some(W::Season(s)) = self.w(k)
            && self.tight(k)
        {
            self.push(out, i, self.end_of(k), Some(Value::One(Val::Season(yi, s))));
            return;
        }
        if self.w(k) == Some(W::Era(Era::Bce)) && self.tight(k) {
            self.push(out, i, self.end_of(k), Some(Value::One(Val::Year(1 - yi))));
            return;
        }
        self.push(
            out,
            i,
            self.era_end(i, Era::Ce),
            Some(Value::One(Val::Year(yi))),
        );
    }

    /// The capitalised season word at `k`, after a year, reads as that year's season, not
    /// as the first word of a name: with the compound ending (`2019 Kışı`, "the winter of
    /// 2019"; a name's season word stands bare, `2022 Kış Olimpiyatları`), or written in
    /// capitals (`2019 KIŞI`, `2018 İLKBAHARINDA`), where the case says nothing and the
    /// words read as they would in lower case.
    fn season_of_year(&self, k: usize) -> bool {
        let (Some(c), Some(t)) = (self.cls(k), self.toks.toks.get(k)) else {
            return false;
        };
        let word = self.text.get(t.start()..t.stem_end()).unwrap_or_default();
        let capitals = word.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !word.chars().any(char::is_lowercase);
        c.end < t.stem_end() || capitals
    }

    /// The Arabic number at `i` follows the head of a name a few words back with no date word
    /// between (`كأس آسيا 2023`, `رؤية المملكة 2030`, `ملعب 5 جويلية`): it is part of the
    /// name, not a date.
    pub(super) fn in_name(&self, i: usize) -> bool {
        for j in (i.saturating_sub(3)..i).rev() {
            if !self.tight(j + 1) || !self.arabic(j) {
                return false;
            }
            match self.w(j) {
                Some(W::Named) => return true,
                Some(_) => return false,
                None => {}
            }
        }
        false
    }

    /// The Arabic number at `i` is an amount by what follows it: a round thousand before an
    /// indefinite noun with no date word before it (`بمشاركة ٢٠٠٠ خبير`, but `في 2000
    /// شهدت`), or the first of two numbers of which the second is no year (`بين 2000 و5000`).
    fn amount(&self, i: usize) -> bool {
        let k = self.after(i);
        let Some(W::Num { v, .. }) = self.w(i) else {
            return false;
        };
        if !self.arabic(k) || !self.tight(k) || self.toks.toks.get(k).is_none() {
            return false;
        }
        let key = self.toks.key(k);
        if let Some(n) = key.strip_prefix('و')
            && let Ok(n) = n.parse::<u32>()
        {
            return !(1500..=2099).contains(&n);
        }
        let noun = self.cls(k).is_none() && !key.starts_with("ال");
        let cue_before = i > 0 && self.tight(i) && self.prev_w(i).is_some();
        v % 1000 == 0 && noun && !cue_before
    }

    /// `MÖ 323`, `M.Ö. 58`.
    pub(super) fn bce(&self, i: usize, out: &mut Vec<Cand>) {
        let k = self.after(i);
        if let Some(W::Num {
            v, suffix: false, ..
        }) = self.w(k)
            && self.sep(k, &["", "."])
            && let Ok(y) = i32::try_from(v)
        {
            self.push(out, i, self.end_of(k), Some(Value::One(Val::Year(1 - y))));
        }
    }

    /// `15 رمضان 1441` has its day; `رمضان 1441 هـ`, `Zilhicce 1445` are the month's days;
    /// without a year, see [`Rules::hijri_alone`].
    pub(super) fn hijri_month(&self, i: usize, m: u32, out: &mut Vec<Cand>) {
        let k = self.after(i);
        match self.w(k) {
            Some(W::Num {
                v, digits: 3..=4, ..
            }) if self.tight(k) => {
                // A Hijri year past 1600 is a Gregorian one after a name (`Recep 2020`).
                if v <= 1600 {
                    let v = value::hijri_month(i64::from(v), m);
                    self.push(out, i, self.era_end(k, Era::Ah), v);
                }
            }
            _ => self.hijri_alone(i, m, out),
        }
    }
}

/// A number token: ASCII digits after folding (Arabic-Indic digits fold to them), with what
/// follows them inside the token or after an apostrophe; and the folded length of the part
/// that belongs to the date (`2010da` is `2010`, `1422هـ` all of it).
pub(super) fn number(text: &str, toks: &Tokens, i: usize, key: &str) -> Option<(W, usize)> {
    let pre = if key.starts_with("ال") {
        "ال".len()
    } else {
        0
    };
    let body = &key[pre..];
    let n = body.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 5 {
        return None;
    }
    let v: u32 = body[..n].parse().ok()?;
    let rest = &body[n..];
    let t = &toks.toks[i];
    let after = fold_str(text[t.stem_end()..t.end()].trim_start_matches(['\'', '’']));
    let tail = if rest.is_empty() {
        after.as_str()
    } else {
        rest
    };
    if counts_by(tail) {
        return None;
    }
    let era = match tail {
        "ه" => Some(Era::Ah),
        "م" => Some(Era::Ce),
        _ => None,
    };
    let plural = decade_ending(tail);
    // Letters stuck to a number without an apostrophe must be a Turkish ending (`2010da`).
    let suffix = !rest.is_empty() && era.is_none() && !plural && !TR_ENDINGS.contains(&rest);
    let len = if era.is_some() || (plural && !rest.is_empty()) {
        key.len()
    } else {
        pre + n
    };
    let w = W::Num {
        v,
        digits: u8::try_from(n).ok()?,
        plural,
        suffix,
        era,
    };
    Some((w, len))
}

/// A folded ending that makes a number a decade: the adjective `-lı`/`-li`/`-lu`/`-lü`
/// (`1990'lı`, `30'lu`) or the plural `-lar`/`-ler` alone or with a case ending
/// (`80'lerin`, `1990'lardan`). Any other letters after a number are no decade: a token
/// like `80LhOt6…` (an identifier, base64) is no date.
fn decade_ending(tail: &str) -> bool {
    if matches!(tail, "li" | "lu") {
        return true;
    }
    let case = tail
        .strip_prefix("lar")
        .or_else(|| tail.strip_prefix("ler"));
    case.is_some_and(|case| case.is_empty() || TR_ENDINGS.contains(&case))
}

/// A folded ending that makes a number a count of many (`1000'lerce kişi`, `100'lerce`,
/// `10'larca`: by the thousands, hundreds, tens): the plural then the equative `-ca`/`-ce`.
/// Such a number is no year, decade or day.
fn counts_by(tail: &str) -> bool {
    matches!(tail, "larca" | "lerce")
}

/// An upper-case Roman numeral (`XX`, `XIX`), for centuries.
pub(super) fn roman(text: &str, start: usize, end: usize) -> Option<W> {
    let s = &text[start..end];
    if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| b"IVXLC".contains(&b)) {
        return None;
    }
    let val = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        _ => 100,
    };
    let b = s.as_bytes();
    let mut v = 0i32;
    for (k, &c) in b.iter().enumerate() {
        let x = val(c);
        if b.get(k + 1).is_some_and(|&n| val(n) > x) {
            v -= x;
        } else {
            v += x;
        }
    }
    u32::try_from(v).ok().filter(|&v| v > 0).map(W::Roman)
}
