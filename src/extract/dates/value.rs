//! Date values with their grain, and the calendar arithmetic behind them: `time` for the
//! Gregorian calendar (validation, weekdays, ISO weeks, shifts), `icu_calendar`'s Umm al-Qura
//! tables for Hijri dates.
//!
//! Forms follow ISO 8601 and, where ISO 8601-1 has none, EDTF (ISO 8601-2): `2020`, `2020-11`,
//! `2020-11-12`, week `2020-W45`, season `2020-22` (21 spring, 22 summer, 23 autumn, 24 winter),
//! quarter `2020-33` (33–36), half `2020-40` (40–41), decade `199X`, century `19XX`, intervals `2020-03/2020-04`.

use time::{Date, Duration, Month};

/// One date at its grain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Val {
    /// A calendar day.
    Day(Date),
    /// An ISO 8601 week: week-numbering year and week.
    Week(i32, u8),
    /// A month of a year (1–12).
    Month(i32, u8),
    /// An EDTF season of a year (21–24); winter is the one that starts in December.
    Season(i32, u8),
    /// A quarter of a year (1–4), written as EDTF's sub-year groups 33–36.
    Quarter(i32, u8),
    /// A half of a year (1–2), written as EDTF's semestrals 40–41.
    Half(i32, u8),
    /// A year (astronomical numbering: 0 is 1 BCE).
    Year(i32),
    /// A decade, by its first year.
    Decade(i32),
    /// A century, by its first year as ISO 8601 counts centuries (`19XX` is 1900–1999).
    Century(i32),
}

/// A date value: one date, or an interval between two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// One date.
    One(Val),
    /// An interval, first and last included.
    Span(Val, Val),
}

fn year_str(y: i32) -> String {
    if y < 0 {
        format!("-{:04}", y.unsigned_abs())
    } else {
        format!("{y:04}")
    }
}

impl Val {
    /// The ISO 8601 / EDTF text of the value.
    pub fn iso(&self) -> String {
        match *self {
            Val::Day(d) => format!(
                "{}-{:02}-{:02}",
                year_str(d.year()),
                u8::from(d.month()),
                d.day()
            ),
            Val::Week(y, w) => format!("{}-W{w:02}", year_str(y)),
            Val::Month(y, m) => format!("{}-{m:02}", year_str(y)),
            Val::Season(y, s) => format!("{}-{s}", year_str(y)),
            Val::Quarter(y, q) => format!("{}-{}", year_str(y), 32 + u32::from(q)),
            Val::Half(y, h) => format!("{}-{}", year_str(y), 39 + u32::from(h)),
            Val::Year(y) => year_str(y),
            Val::Decade(y) => format!("{:03}X", y.div_euclid(10)),
            Val::Century(y) => format!("{:02}XX", y.div_euclid(100)),
        }
    }
}

impl Value {
    /// The ISO 8601 / EDTF text of the value (`a/b` for an interval).
    pub fn iso(&self) -> String {
        match self {
            Value::One(v) => v.iso(),
            Value::Span(a, b) if a == b => a.iso(),
            Value::Span(a, b) => format!("{}/{}", a.iso(), b.iso()),
        }
    }
}

/// A valid Gregorian day, `None` for `31.02.2020` or a month past 12.
pub fn day(y: i64, m: u32, d: u32) -> Option<Date> {
    let y = i32::try_from(y).ok()?;
    let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
    Date::from_calendar_date(y, month, u8::try_from(d).ok()?).ok()
}

/// A valid month of a year.
pub fn month(y: i64, m: u32) -> Option<Val> {
    let y = i32::try_from(y).ok()?;
    (1..=12)
        .contains(&m)
        .then(|| Val::Month(y, u8::try_from(m).unwrap_or(1)))
}

/// `d` moved by `n` days.
pub fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Duration::days(n))
}

/// The ISO week that holds `d`.
pub fn week_of(d: Date) -> Val {
    let (y, w, _) = d.to_iso_week_date();
    Val::Week(y, w)
}

/// Month `m` of year `y` moved by `n` months.
pub fn add_months(y: i32, m: u8, n: i32) -> Val {
    let total = y * 12 + i32::from(m) - 1 + n;
    let m = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(1);
    Val::Month(total.div_euclid(12), m)
}

/// The weekday of `d`, 0 = Monday.
pub fn weekday(d: Date) -> i64 {
    i64::from(d.weekday().number_days_from_monday())
}

/// The season that holds `d`, as (season year, EDTF code): winter belongs to the year in
/// which its December falls.
pub fn season_of(d: Date) -> (i32, u8) {
    match u8::from(d.month()) {
        3..=5 => (d.year(), 21),
        6..=8 => (d.year(), 22),
        9..=11 => (d.year(), 23),
        12 => (d.year(), 24),
        _ => (d.year() - 1, 24),
    }
}

/// Season `s` (21–24) of year `y` moved by `n` seasons.
pub fn add_seasons(y: i32, s: u8, n: i32) -> Val {
    let total = y * 4 + i32::from(s) - 21 + n;
    Val::Season(
        total.div_euclid(4),
        u8::try_from(total.rem_euclid(4) + 21).unwrap_or(21),
    )
}

/// The Gregorian day of a Hijri (Umm al-Qura) date, `None` when the day does not exist.
pub fn hijri_day(y: i64, m: u32, d: u32) -> Option<Date> {
    use icu_calendar::cal::{Hijri, Iso};
    let (y, m, d) = (
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    );
    if !(1..=1600).contains(&y) {
        return None;
    }
    let h =
        icu_calendar::Date::try_new_hijri_with_calendar(y, m, d, Hijri::new_umm_al_qura()).ok()?;
    let iso = h.to_calendar(Iso);
    day(
        i64::from(iso.year().extended_year()),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}

/// The Hijri (Umm al-Qura) year and month of a Gregorian day.
pub fn hijri_of(d: Date) -> Option<(i32, u32)> {
    use icu_calendar::cal::Hijri;
    let iso = icu_calendar::Date::try_new_iso(d.year(), u8::from(d.month()), d.day()).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((h.year().extended_year(), u32::from(h.month().ordinal)))
}

/// The Gregorian days a Hijri month covers.
pub fn hijri_month(y: i64, m: u32) -> Option<Value> {
    let first = hijri_day(y, m, 1)?;
    let next = if m == 12 {
        hijri_day(y + 1, 1, 1)?
    } else {
        hijri_day(y, m + 1, 1)?
    };
    Some(Value::Span(Val::Day(first), Val::Day(add_days(next, -1)?)))
}

/// The Gregorian years a Hijri year overlaps (`1308` AH is `1890/1891`).
pub fn hijri_year(y: i64) -> Option<Value> {
    let first = hijri_day(y, 1, 1)?;
    let last = add_days(hijri_day(y + 1, 1, 1)?, -1)?;
    Some(Value::Span(Val::Year(first.year()), Val::Year(last.year())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i64, m: u32, dd: u32) -> Date {
        day(y, m, dd).expect("valid test date")
    }

    #[test]
    fn impossible_days_are_rejected() {
        assert!(day(2020, 2, 31).is_none());
        assert!(day(2019, 2, 29).is_none());
        assert!(day(2020, 2, 29).is_some());
        assert!(day(2020, 13, 1).is_none());
    }

    #[test]
    fn forms_follow_iso_8601_and_edtf() {
        assert_eq!(Val::Day(d(2020, 11, 3)).iso(), "2020-11-03");
        assert_eq!(week_of(d(2020, 11, 3)).iso(), "2020-W45");
        assert_eq!(week_of(d(2021, 1, 1)).iso(), "2020-W53");
        assert_eq!(add_months(2020, 1, -1).iso(), "2019-12");
        assert_eq!(Val::Decade(1990).iso(), "199X");
        assert_eq!(Val::Century(2000).iso(), "20XX");
        assert_eq!(Val::Year(-322).iso(), "-0322");
        assert_eq!(season_of(d(2021, 2, 1)), (2020, 24));
        assert_eq!(add_seasons(2020, 24, 1).iso(), "2021-21");
        assert_eq!(Val::Quarter(2024, 1).iso(), "2024-33");
        assert_eq!(Val::Quarter(2024, 4).iso(), "2024-36");
        assert_eq!(Val::Half(2024, 1).iso(), "2024-40");
        assert_eq!(Val::Half(2024, 2).iso(), "2024-41");
    }

    #[test]
    fn hijri_dates_match_known_pairs() {
        // Umm al-Qura: 1 Ramadan 1441 = 24 April 2020; 1 Muharram 1445 = 19 July 2023;
        // 9 Dhu al-Hijja 1445 (Arafat) = 15 June 2024.
        assert_eq!(hijri_day(1441, 9, 1), Some(d(2020, 4, 24)));
        assert_eq!(hijri_day(1441, 9, 15), Some(d(2020, 5, 8)));
        assert_eq!(hijri_day(1445, 1, 1), Some(d(2023, 7, 19)));
        assert_eq!(hijri_day(1445, 12, 9), Some(d(2024, 6, 15)));
        assert_eq!(hijri_day(1441, 9, 31), None);
        assert_eq!(
            hijri_month(1441, 9).map(|v| v.iso()),
            Some("2020-04-24/2020-05-23".into())
        );
        assert_eq!(hijri_year(1308).map(|v| v.iso()), Some("1890/1891".into()));
        assert_eq!(hijri_of(d(2020, 4, 24)), Some((1441, 9)));
        assert_eq!(hijri_of(d(2023, 7, 18)), Some((1444, 12)));
    }
}
