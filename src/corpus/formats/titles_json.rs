//! The titles of JSON records (lines or an array) without building them: each object is
//! scanned once, its title, date and text fields kept (by the names [`Fields`] lists) and
//! every other value skipped unparsed into memory.

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::super::body_paragraphs;
use super::super::records::{Fields, string_of};
use super::{ItemTitle, day_of};

/// The titles of a dump's records, numbered as `records::read_records` numbers them: a
/// line or element that is not an object, or has no title and no text, is passed over.
pub(super) fn record_titles(bytes: &[u8], fields: &Fields) -> Vec<ItemTitle> {
    let (text, _) = super::super::charset::decode_declared(bytes, None);
    let trimmed = text.trim_start();
    let picks: Vec<Picked> = if trimmed.starts_with('[') {
        let mut de = serde_json::Deserializer::from_str(trimmed);
        de.deserialize_seq(Records(fields)).unwrap_or_default()
    } else {
        text.lines()
            .filter(|l| l.trim_start().starts_with('{'))
            .filter_map(|line| {
                let mut de = serde_json::Deserializer::from_str(line);
                let picked = Pick(fields).deserialize(&mut de).ok()?;
                de.end().ok().map(|()| picked)
            })
            .collect()
    };
    picks.into_iter().filter_map(Picked::title).collect()
}

/// What one record held of interest: for each role, the value of the first listed name
/// found (its rank in the list, and the value).
#[derive(Debug, Default)]
struct Picked {
    object: bool,
    title: Option<(usize, String)>,
    date: Option<(usize, String)>,
    text: Option<(usize, String)>,
}

impl Picked {
    /// The record's title and day, as the full reader would make them; `None` for a record
    /// it skips.
    fn title(self) -> Option<ItemTitle> {
        if !self.object {
            return None;
        }
        let date = self.date.and_then(|(_, d)| day_of(&d));
        let title = self.title.map(|(_, t)| t).unwrap_or_default();
        if !title.trim().is_empty() {
            return Some(ItemTitle { title, date });
        }
        let (_, text) = self.text?;
        let first = body_paragraphs(&text).into_iter().next()?;
        Some(ItemTitle { title: first, date })
    }

    /// Keeps `value` for `slot` when its name ranks before the one kept.
    fn keep(slot: &mut Option<(usize, String)>, rank: usize, value: &Value) {
        if slot.as_ref().is_some_and(|(kept, _)| *kept < rank) {
            return;
        }
        if let Some(s) = string_of(value) {
            *slot = Some((rank, s));
        }
    }
}

/// The role of a field name: title (0), date (1) or text (2), with its rank in the list.
fn role(fields: &Fields, name: &str) -> Option<(u8, usize)> {
    let rank = |list: &[String]| list.iter().position(|n| n == name);
    rank(&fields.title)
        .map(|r| (0, r))
        .or_else(|| rank(&fields.date).map(|r| (1, r)))
        .or_else(|| rank(&fields.text).map(|r| (2, r)))
}

/// Reads a key as its role, without keeping the key.
struct Key<'f>(&'f Fields);

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = Option<(u8, usize)>;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_str(self)
    }
}

impl Visitor<'_> for Key<'_> {
    type Value = Option<(u8, usize)>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(role(self.0, v))
    }
}

/// Reads one JSON value: an object's wanted fields, anything else as "not an object".
struct Pick<'f>(&'f Fields);

impl<'de> DeserializeSeed<'de> for Pick<'_> {
    type Value = Picked;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Picked, D::Error> {
        de.deserialize_any(self)
    }
}

/// Anything that is not an object is read and dropped.
macro_rules! not_an_object {
    ($($name:ident: $t:ty),*) => {$(
        fn $name<E: serde::de::Error>(self, _: $t) -> Result<Picked, E> {
            Ok(Picked::default())
        }
    )*};
}

impl<'de> Visitor<'de> for Pick<'_> {
    type Value = Picked;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Picked, A::Error> {
        let mut picked = Picked {
            object: true,
            ..Picked::default()
        };
        while let Some(role) = map.next_key_seed(Key(self.0))? {
            let Some((role, rank)) = role else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let value: Value = map.next_value()?;
            let slot = match role {
                0 => &mut picked.title,
                1 => &mut picked.date,
                _ => &mut picked.text,
            };
            Picked::keep(slot, rank, &value);
        }
        Ok(picked)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Picked, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Picked::default())
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Picked, E> {
        Ok(Picked::default())
    }
    not_an_object!(visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_f64: f64, visit_str: &str);
}

/// Reads a JSON array of records.
struct Records<'f>(&'f Fields);

impl<'de> Visitor<'de> for Records<'_> {
    type Value = Vec<Picked>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Picked>, A::Error> {
        let mut out = Vec::new();
        while let Some(picked) = seq.next_element_seed(Pick(self.0))? {
            out.push(picked);
        }
        Ok(out)
    }
}
