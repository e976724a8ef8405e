//! The article's own date near its top: `03.11.2020`, `11/13/2020` (day first unless
//! impossible), `2020-01`, `3-7-2023`, `2024/03/12`, and with a month name in either
//! language: `ANKARA, 3 Kasım 2020 (AA) -`, `القاهرة - 3 تشرين الثاني/نوفمبر 2020`,
//! `الخميس ١٨ ديسمبر ٢٠٢١`, `Ocak 09, 2024`. Digits may be ASCII or Arabic-Indic.
//!
//! The patterns run on bytes: the first frame of a large folder looks for a date in the head
//! of each file without paying to validate the whole head as UTF-8.

use std::sync::LazyLock;

use regex::bytes::Regex;

use super::Dateline;
use crate::text::fold_str;

/// CLDR month names (Turkish, Arabic with its Levantine and Maghreb names), shared with the
/// extractor's date rules.
const MONTHS: &str = include_str!("../../assets/dates/months.tsv");

/// The month names and their numbers, from `assets/dates/months.tsv`.
fn month_names() -> impl Iterator<Item = (&'static str, u32)> {
    MONTHS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(m, name)| Some((name.trim(), m.parse().ok()?)))
}

/// Folded month name, words joined by one space -> month number.
static MONTH_OF: LazyLock<Vec<(String, u32)>> =
    LazyLock::new(|| month_names().map(|(n, m)| (fold_str(n), m)).collect());

fn month_pattern() -> String {
    let mut names: Vec<&str> = month_names().map(|(n, _)| n).collect();
    // Longest first, so `كانون الثاني` is not cut to a shorter name.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alts: Vec<String> = names
        .iter()
        .map(|n| {
            regex::escape(n)
                .replace(' ', r"\s+")
                // Case-insensitive matching does not pair the Turkish dotless and dotted i
                // with I and İ: spelled out for `KASIM`, `NİSAN`.
                .replace('ı', "[ıI]")
                .replace('i', "[iİ]")
        })
        .collect();
    format!("(?:{})", alts.join("|"))
}

/// Every form in one pattern, so the head is scanned once and the scan stops at the first
/// date. Boundaries are spelled out (not `\b`): Arabic-Indic digits are no ASCII word
/// characters, and Unicode `\b` forces the slow engines.
static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let d = "[0-9٠-٩۰-۹]";
    let m = month_pattern();
    Regex::new(&format!(
        concat!(
            r"(?i)(?:^|[^\p{{L}}\p{{N}}])(?:",
            r"({d}{{1,2}})\.({d}{{1,2}})\.({d}{{4}})",
            r"|({d}{{1,2}})/({d}{{1,2}})/({d}{{4}})",
            r"|({d}{{4}})-({d}{{2}})(?:-({d}{{2}}))?",
            r"|({d}{{1,2}})-({d}{{1,2}})-({d}{{4}})",
            r"|({d}{{4}})/({d}{{1,2}})/({d}{{1,2}})",
            r"|({d}{{1,2}})\.?\s+({m})(?:\s*/\s*{m})?,?\s+({d}{{4}})",
            r"|({m})(?:\s*/\s*{m})?\s+({d}{{1,2}}),?\s+({d}{{4}})",
            r")(?:$|[^\p{{L}}\p{{N}}])"
        ),
        d = d,
        m = m
    ))
    .expect("the dateline pattern is valid")
});

/// How far into the text a dateline is looked for.
const DATELINE_WINDOW: usize = 2048;

/// Finds the article's own date, the earliest valid one in the first [`DATELINE_WINDOW`]
/// bytes of its text (UTF-8, or the head of a UTF-8 file, possibly cut inside a character).
pub fn find_dateline(text: &[u8]) -> Option<Dateline> {
    let head = &text[..text.len().min(DATELINE_WINDOW)];
    DATELINE_RE.captures_iter(head).find_map(|c| {
        let at = (1..c.len()).find(|&k| c.get(k).is_some())?;
        let group = |k: usize| c.get(k).map(|g| g.as_bytes());
        let n = |k: usize| number(group(k)?);
        let iso = match at {
            1 | 4 | 10 => {
                let (day, month) = day_first(n(at)?, n(at + 1)?)?;
                iso_ymd(n(at + 2)?, month, Some(day))?
            }
            7 => iso_ymd(n(7)?, n(8)?, n(9))?,
            13 => iso_ymd(n(13)?, n(14)?, Some(n(15)?))?,
            16 => iso_ymd(n(18)?, month_of(group(17)?)?, Some(n(16)?))?,
            _ => iso_ymd(n(21)?, month_of(group(19)?)?, Some(n(20)?))?,
        };
        let last = (at..c.len()).rev().find_map(|k| c.get(k))?;
        Some(Dateline {
            start: c.get(at)?.start(),
            end: last.end(),
            iso,
        })
    })
}

/// A number in ASCII or Arabic-Indic digits.
fn number(b: &[u8]) -> Option<u32> {
    let s = std::str::from_utf8(b).ok()?;
    s.chars().try_fold(0u32, |acc, c| {
        let d = match c {
            '0'..='9' => u32::from(c) - u32::from('0'),
            '٠'..='٩' => u32::from(c) - 0x0660,
            '۰'..='۹' => u32::from(c) - 0x06F0,
            _ => return None,
        };
        acc.checked_mul(10)?.checked_add(d)
    })
}

/// The number of a month name as matched (any case, any run of spaces inside).
fn month_of(b: &[u8]) -> Option<u32> {
    let key = fold_str(std::str::from_utf8(b).ok()?);
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    MONTH_OF.iter().find(|(n, _)| *n == key).map(|&(_, m)| m)
}

/// Orders a numeric `a/b` pair as (day, month): day first unless that is impossible.
pub fn day_first(a: u32, b: u32) -> Option<(u32, u32)> {
    if (1..=12).contains(&b) && (1..=31).contains(&a) {
        Some((a, b))
    } else if (1..=12).contains(&a) && (1..=31).contains(&b) {
        Some((b, a))
    } else {
        None
    }
}

fn iso_ymd(year: u32, month: u32, day: Option<u32>) -> Option<String> {
    if !(1000..=2999).contains(&year) {
        return None;
    }
    iso_date(i64::from(year), month, day)
}

/// `YYYY-MM-DD`, or `YYYY-MM` without a day; `None` for an impossible month or day
/// (`2020-02-31`).
pub fn iso_date(year: i64, month: u32, day: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&month) {
        return None;
    }
    Some(match day {
        Some(d) => {
            let m = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
            let y = i32::try_from(year).ok()?;
            time::Date::from_calendar_date(y, m, u8::try_from(d).ok()?).ok()?;
            format!("{year:04}-{month:02}-{d:02}")
        }
        None => format!("{year:04}-{month:02}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &[u8]) -> Option<String> {
        find_dateline(text).map(|d| d.iso)
    }

    #[test]
    fn day_first_unless_impossible() {
        assert_eq!(day_first(3, 11), Some((3, 11)));
        assert_eq!(day_first(11, 13), Some((13, 11)));
        assert_eq!(day_first(13, 13), None);
    }

    #[test]
    fn the_earliest_valid_date_wins_with_its_byte_range() {
        let text = "Başlık\n\n2020-01 ve 03.11.2020".as_bytes();
        let d = find_dateline(text);
        assert_eq!(d.as_ref().map(|d| d.iso.as_str()), Some("2020-01"));
        assert_eq!(d.map(|d| (d.start, d.end)), Some((10, 17)));
    }

    #[test]
    fn an_impossible_date_is_passed_over_for_the_next() {
        assert_eq!(
            iso(b"saat 25.13.2020, 03.11.2020"),
            Some("2020-11-03".into())
        );
        // Arabic-Indic digits are read as digits (they were once passed over).
        assert_eq!(
            iso("٠٣.١١.٢٠٢٠ 2020-01".as_bytes()),
            Some("2020-11-03".into())
        );
        assert_eq!(iso(b"11/13/2020"), Some("2020-11-13".into()));
    }

    #[test]
    fn a_head_cut_inside_a_character_still_finds_the_date() {
        let mut head = "بوتين 11/13/2020 ش".as_bytes().to_vec();
        head.pop();
        assert_eq!(iso(&head), Some("2020-11-13".into()));
    }

    #[test]
    fn datelines_with_month_names() {
        assert_eq!(
            iso("ANKARA, 3 Kasım 2020 (AA) - Dışişleri".as_bytes()),
            Some("2020-11-03".into())
        );
        assert_eq!(
            iso("القاهرة - 3 تشرين الثاني/نوفمبر 2020\n".as_bytes()),
            Some("2020-11-03".into())
        );
        assert_eq!(
            iso("الخميس ١٨ ديسمبر ٢٠٢١".as_bytes()),
            Some("2021-12-18".into())
        );
        assert_eq!(
            iso("NEVŞEHİR, 8 MAYIS 2024".as_bytes()),
            Some("2024-05-08".into())
        );
        assert_eq!(iso("Ocak 09, 2024".as_bytes()), Some("2024-01-09".into()));
        assert_eq!(
            iso("جنين 3-7-2023 وفا".as_bytes()),
            Some("2023-07-03".into())
        );
        assert_eq!(iso("٢٠٢٤/٠٣/١٢".as_bytes()), Some("2024-03-12".into()));
        let text = "ANKARA, 3 Kasım 2020 (AA)";
        let d = find_dateline(text.as_bytes()).map(|d| &text[d.start..d.end]);
        assert_eq!(d, Some("3 Kasım 2020"));
    }

    #[test]
    fn an_impossible_day_gives_no_dateline() {
        assert_eq!(iso(b"31.02.2020"), None);
        assert_eq!(iso("30 Şubat 2021".as_bytes()), None);
        assert_eq!(iso(b"29.02.2020"), Some("2020-02-29".into()));
    }

    #[test]
    fn only_the_window_is_searched() {
        let mut text = "x".repeat(DATELINE_WINDOW);
        text.push_str(" 03.11.2020");
        assert_eq!(iso(text.as_bytes()), None);
    }
}
