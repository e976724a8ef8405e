//! The kind of a named entity: a person, a place or a date. One type for extraction, the
//! search index, the store's labels and the panels; its lowercase name (`person`, `place`,
//! `date`) is the word every output format and the journal use.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a mention or an entity names.
///
/// Ordered people, places, dates: the order of the entity panel and of the store's labels.
/// Serialised as its lowercase [`Kind::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person.
    Person,
    /// A country, city, region, river, sea or gulf.
    Place,
    /// A calendar date, year-month, year range, weekday or relative day.
    Date,
}

impl Kind {
    /// Every kind, in order.
    pub const ALL: [Kind; 3] = [Kind::Person, Kind::Place, Kind::Date];

    /// The lowercase word used in JSON, tables, the journal and `okur find`: `person`,
    /// `place` or `date`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Date => "date",
        }
    }
}

impl fmt::Display for Kind {
    /// Writes [`Kind::name`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A word that is not the [`Kind::name`] of any kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown entity kind `{0}` (expected person, place or date)")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    /// The kind whose [`Kind::name`] is exactly `s` (lowercase, as written by okur).
    fn from_str(s: &str) -> Result<Kind, UnknownKind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_from_str_and_serde() {
        for kind in Kind::ALL {
            assert_eq!(kind.name().parse::<Kind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.name());
            let json = serde_json::to_string(&kind).expect("a kind serialises");
            assert_eq!(json, format!("\"{}\"", kind.name()));
            let back: Kind = serde_json::from_str(&json).expect("a kind deserialises");
            assert_eq!(back, kind);
        }
    }

    #[test]
    fn unknown_and_differently_cased_words_are_errors() {
        assert_eq!(
            "Person".parse::<Kind>(),
            Err(UnknownKind("Person".to_string()))
        );
        let err = "org".parse::<Kind>().expect_err("not a kind");
        assert_eq!(
            err.to_string(),
            "unknown entity kind `org` (expected person, place or date)"
        );
    }

    #[test]
    fn order_is_people_places_dates() {
        let mut kinds = [Kind::Date, Kind::Person, Kind::Place];
        kinds.sort();
        assert_eq!(kinds, Kind::ALL);
    }
}
