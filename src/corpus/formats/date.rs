//! Publication times as sources write them (RFC 822 in RSS, RFC 3339 in Atom and JSON,
//! GDELT's `20240305T213000Z`), kept with their own offset: converted to UTC, an article
//! published at 01:30 in Istanbul (+03:00) would be dated the day before its readers saw it.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};

/// The publication time in RFC 3339 with the source's offset (`2024-03-05T21:30:00+03:00`),
/// a date alone (`2024-03-05`) or a local time without offset (`2024-03-05T21:30:00`) when
/// that is all the source said; the trimmed words themselves when they are no known form.
/// `None` for an empty string.
pub fn parse_published(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    Some(parse_time(raw).unwrap_or_else(|| raw.to_string()))
}

fn parse_time(raw: &str) -> Option<String> {
    let with_offset = |t: DateTime<FixedOffset>| t.to_rfc3339_opts(SecondsFormat::Secs, false);
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Some(with_offset(t));
    }
    if let Some(t) = rfc2822(raw) {
        return Some(with_offset(t));
    }
    for form in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y%m%dT%H%M%S%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(raw, form) {
            return Some(with_offset(t));
        }
    }
    if let Some(utc) = raw.strip_suffix('Z')
        && let Ok(t) = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S")
    {
        return Some(format!("{}+00:00", t.format("%Y-%m-%dT%H:%M:%S")));
    }
    for form in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y%m%d%H%M%S",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(raw, form) {
            return Some(t.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// RFC 822/2822 as RSS writes it, also with a day name okur's sources write in Turkish
/// (`Sal, 05 Mar 2024 21:30:00 +0300`) or none, and with `UT`/`GMT`/`Z` zones.
fn rfc2822(raw: &str) -> Option<DateTime<FixedOffset>> {
    if let Ok(t) = DateTime::parse_from_rfc2822(raw) {
        return Some(t);
    }
    // Without the day name, which chrono checks against English names.
    let rest = raw.split_once(',').map_or(raw, |(_, rest)| rest).trim();
    DateTime::parse_from_rfc2822(rest).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_is_kept() {
        let cases = [
            (
                "Tue, 05 Mar 2024 23:30:00 +0300",
                "2024-03-05T23:30:00+03:00",
            ),
            (
                "Sal, 05 Mar 2024 23:30:00 +0300",
                "2024-03-05T23:30:00+03:00",
            ),
            ("2024-03-05T23:30:00+03:00", "2024-03-05T23:30:00+03:00"),
            ("Tue, 05 Mar 2024 20:30:00 GMT", "2024-03-05T20:30:00+00:00"),
            ("20240305T203000Z", "2024-03-05T20:30:00+00:00"),
            ("2024-03-05 21:30:00", "2024-03-05T21:30:00"),
            ("2024-03-05", "2024-03-05"),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_published(raw).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn unknown_words_are_kept_as_written() {
        assert_eq!(parse_published(" dün akşam ").as_deref(), Some("dün akşam"));
        assert_eq!(parse_published("  "), None);
    }
}
