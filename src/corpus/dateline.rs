//! The article's own date near its top: `03.11.2020`, `11/13/2020` (day first unless
//! impossible), `2020-01`.
//!
//! The patterns run on bytes: a date is ASCII, and the first frame of a large folder looks
//! for it in the head of each file without paying to validate the whole head as UTF-8.

use std::sync::LazyLock;

use regex::bytes::Regex;

use super::Dateline;

/// The three forms in one pattern, so the head is scanned once and the scan stops at the
/// first date (three patterns scanned it three times, most to the end without a match).
static DATELINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII word boundaries: Unicode `\b` forces the slow engines on non-ASCII text,
    // which made this the costliest step of the first frame.
    Regex::new(concat!(
        r"(?-u:\b)(?:",
        r"(\d{1,2})\.(\d{1,2})\.(\d{4})",
        r"|(\d{1,2})/(\d{1,2})/(\d{4})",
        r"|(\d{4})-(\d{2})(?:-(\d{2}))?",
        r")(?-u:\b)"
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
        let m = c.get(0)?;
        // Only ASCII digits parse: a match in other digits is no date.
        let n = |k: usize| {
            let digits = std::str::from_utf8(c.get(k)?.as_bytes()).ok()?;
            digits.parse::<u32>().ok()
        };
        let iso = if c.get(7).is_some() {
            iso_ymd(n(7)?, n(8)?, n(9))?
        } else {
            let at = if c.get(1).is_some() { 1 } else { 4 };
            let (day, month) = day_first(n(at)?, n(at + 1)?)?;
            iso_ymd(n(at + 2)?, month, Some(day))?
        };
        Some(Dateline {
            start: m.start(),
            end: m.end(),
            iso,
        })
    })
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

/// `YYYY-MM-DD`, or `YYYY-MM` without a day; `None` for an impossible month or day.
pub fn iso_date(year: i64, month: u32, day: Option<u32>) -> Option<String> {
    if !(1..=12).contains(&month) {
        return None;
    }
    Some(match day {
        Some(d) if (1..=31).contains(&d) => format!("{year:04}-{month:02}-{d:02}"),
        Some(_) => return None,
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
        assert_eq!(iso("٠٣.١١.٢٠٢٠ 2020-01".as_bytes()), Some("2020-01".into()));
        assert_eq!(iso(b"11/13/2020"), Some("2020-11-13".into()));
    }

    #[test]
    fn a_head_cut_inside_a_character_still_finds_the_date() {
        let mut head = "بوتين 11/13/2020 ش".as_bytes().to_vec();
        head.pop();
        assert_eq!(iso(&head), Some("2020-11-13".into()));
    }

    #[test]
    fn only_the_window_is_searched() {
        let mut text = "x".repeat(DATELINE_WINDOW);
        text.push_str(" 03.11.2020");
        assert_eq!(iso(text.as_bytes()), None);
    }
}
