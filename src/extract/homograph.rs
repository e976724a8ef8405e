//! Place homographs: one spelling, two places (عمان is Oman or Amman, الجزائر and `Cezayir`
//! Algeria or Algiers). The gazetteer writes such a name once per place; here each mention of
//! one is given the reading its document supports, or left ambiguous rather than wrong.

use super::lexicon::{FxMap, FxSet};
use super::morph::ar_find;
use super::{Kind, RawMention};
use crate::text::{fold_str, is_arabic_mark, is_word_char};

const CITY_CUES: &str = include_str!("../../assets/cues/city_cues.txt");

/// One place a homograph may name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reading {
    /// The gazetteer's spelling, marks kept (`عمّان`, `عُمان`).
    surface: String,
    /// Index into the lexicon's canonical place names.
    canon: u32,
    /// A city, not a country.
    city: bool,
}

/// Cue words on one side of a name, folded; the reading they point to is in the key.
#[derive(Debug, Default)]
struct Cues {
    /// Words before the name, by the reading (true: city) they point to.
    before: FxMap<String, bool>,
    /// Starts of words after the name.
    after: Vec<(String, bool)>,
}

/// The gazetteer's homographs and the cue words that tell their readings apart.
#[derive(Debug, Default)]
pub struct PlaceHomographs {
    /// Folded name -> its readings, in the gazetteer's rank order (countries first).
    readings: FxMap<String, Vec<Reading>>,
    cues: Cues,
}

impl PlaceHomographs {
    /// Reads the homographs of place lists in `name<TAB>canonical[<TAB>city|country]` form:
    /// a folded name with a line that says which reading it is (the build writes that column
    /// only for names two places share). Every line of that folded name is one of its
    /// readings, so spellings with marks (`عمّان`) are kept. Other folded names two lines
    /// give (`Senegal`, `Sénégal`) are one place spelt twice, left to the first line.
    pub fn load(sources: &[&str], names: &[String]) -> Self {
        let lines: Vec<(String, &str, &str, &str)> = sources
            .iter()
            .flat_map(|s| s.lines())
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.trim_end().split('\t');
                let (name, canon) = (cols.next()?, cols.next()?);
                Some((fold_str(name), name, canon, cols.next().unwrap_or("")))
            })
            .collect();
        let marked: FxSet<&str> = lines
            .iter()
            .filter(|(.., kind)| !kind.is_empty())
            .map(|(key, ..)| key.as_str())
            .collect();
        let index: FxMap<&str, u32> = (0u32..).zip(names).map(|(i, n)| (n.as_str(), i)).collect();
        let mut readings: FxMap<String, Vec<Reading>> = FxMap::default();
        for (key, name, canon, kind) in &lines {
            let Some(&canon) = index.get(canon).filter(|_| marked.contains(key.as_str())) else {
                continue;
            };
            readings.entry(key.clone()).or_default().push(Reading {
                surface: (*name).to_string(),
                canon,
                city: *kind == "city",
            });
        }
        // A spelling without the column is a city when another line of its place says so.
        for rs in readings.values_mut() {
            let cities: Vec<u32> = rs.iter().filter(|r| r.city).map(|r| r.canon).collect();
            for r in rs.iter_mut() {
                r.city = cities.contains(&r.canon);
            }
        }
        readings.retain(|_, rs| rs.iter().any(|r| r.canon != rs[0].canon));
        PlaceHomographs {
            readings,
            cues: Cues::load(CITY_CUES),
        }
    }

    /// Gives each place mention of `text` named by a homograph the canonical name of the
    /// reading its document supports: a spelling with marks only one reading has (`عمّان`),
    /// a cue word (`العاصمة`, `kenti`, `سلطنة`), or another name of one reading in the same
    /// document (`Amman`, `الجزائر العاصمة`). Without any, the mention is named by all its
    /// readings (`Umman / Amman`), so it never joins the wrong place.
    pub fn resolve(&self, text: &str, names: &[String], ms: &mut [RawMention]) {
        if self.readings.is_empty() {
            return;
        }
        let mut pending = Vec::new();
        let mut seen: FxSet<&str> = FxSet::default();
        for (i, m) in ms.iter().enumerate().filter(|(_, m)| m.kind == Kind::Place) {
            let Some(surface) = text.get(m.start..m.end) else {
                continue;
            };
            match self.readings.get(&fold_str(surface)) {
                Some(rs) => pending.push((i, rs)),
                None => seen.extend(m.canonical.as_deref()),
            }
        }
        let named: Vec<(usize, String)> = pending
            .into_iter()
            .map(|(i, rs)| {
                let m = &ms[i];
                let surface = text.get(m.start..m.end).unwrap_or_default();
                let in_doc = |r: &Reading| {
                    names
                        .get(r.canon as usize)
                        .is_some_and(|n| seen.contains(n.as_str()))
                };
                let chosen = by_marks(rs, surface)
                    .or_else(|| {
                        let city = self.cues.reading(text, m.start, m.end)?;
                        only(rs, |r| r.city == city)
                    })
                    .or_else(|| only(rs, in_doc));
                let name = match chosen {
                    Some(ix) => names.get(ix as usize).cloned().unwrap_or_default(),
                    None => ambiguous(rs, names),
                };
                (i, name)
            })
            .collect();
        for (i, name) in named {
            ms[i].canonical = Some(name);
        }
    }
}

/// The one reading whose own spelling, marks and all, is `surface` (`عمّان`); a bare
/// spelling tells nothing.
fn by_marks(rs: &[Reading], surface: &str) -> Option<u32> {
    if !surface.chars().any(is_arabic_mark) {
        return None;
    }
    only(rs, |r| r.surface == surface)
}

/// The canonical index of the readings `keep` accepts, when they are all one place.
fn only(rs: &[Reading], keep: impl Fn(&Reading) -> bool) -> Option<u32> {
    let mut found = rs.iter().filter(|r| keep(r)).map(|r| r.canon);
    let first = found.next()?;
    found.all(|c| c == first).then_some(first)
}

/// The name of an unresolved mention: every reading's name, in rank order.
fn ambiguous(rs: &[Reading], names: &[String]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for r in rs {
        if let Some(n) = names.get(r.canon as usize)
            && !out.contains(&n.as_str())
        {
            out.push(n);
        }
    }
    out.join(" / ")
}

impl Cues {
    fn load(src: &str) -> Cues {
        let mut cues = Cues::default();
        for l in src.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = l.trim_end().split('\t');
            let (Some(reading), Some(side), Some(word)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let city = reading == "city";
            match side {
                "before" => {
                    cues.before.insert(fold_str(word), city);
                }
                _ => cues.after.push((fold_str(word), city)),
            }
        }
        cues
    }

    /// The reading (true: city) the words around `start..end` point to, if any.
    fn reading(&self, text: &str, start: usize, end: usize) -> Option<bool> {
        let before = text.get(..start).unwrap_or_default();
        for word in words_back(before).take(2) {
            let key = fold_str(word);
            if let Some(&city) = self.before.get(&key) {
                return Some(city);
            }
            let stripped = ar_find(&key, |_, k| self.before.get(k).copied());
            if stripped.is_some() {
                return stripped;
            }
        }
        let after = text.get(end..).unwrap_or_default();
        let next = after
            .trim_start_matches(|c: char| !is_word_char(c) && c != '\n')
            .split(|c: char| !is_word_char(c))
            .next()
            .filter(|w| !w.is_empty())?;
        let key = fold_str(next);
        self.after
            .iter()
            .find(|(cue, _)| key.starts_with(cue.as_str()))
            .map(|&(_, city)| city)
    }
}

/// The words before a position, nearest first, within its line.
fn words_back(before: &str) -> impl Iterator<Item = &str> {
    let line = before.rsplit('\n').next().unwrap_or_default();
    line.rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACES: &str = "عُمان\tUmman\nعمان\tUmman\tcountry\nعمان\tAmman\tcity\nعمّان\tAmman\n\
                          Amman\tAmman\nOman\tUmman\n";
    const SPELT_TWICE: &str = "Ammân\tAmman\nAmman\tUmman\n";

    fn homographs() -> (PlaceHomographs, Vec<String>) {
        let names = vec!["Umman".to_string(), "Amman".to_string()];
        (PlaceHomographs::load(&[PLACES, SPELT_TWICE], &names), names)
    }

    fn canon_of(text: &str, at: &str) -> Option<String> {
        let (h, names) = homographs();
        let mut ms = Vec::new();
        for (start, s) in text.match_indices(at).chain(text.match_indices("Amman")) {
            ms.push(RawMention {
                start,
                end: start + s.len(),
                kind: Kind::Place,
                value: None,
                canonical: Some(if s == "Amman" { "Amman" } else { "Umman" }.to_string()),
            });
        }
        ms.sort_by_key(|m| m.start);
        h.resolve(text, &names, &mut ms);
        ms.into_iter()
            .find(|m| &text[m.start..m.end] == at)
            .and_then(|m| m.canonical)
    }

    #[test]
    fn a_bare_homograph_without_context_stays_ambiguous() {
        assert_eq!(
            canon_of("وصل الوفد إلى عمان أمس", "عمان").as_deref(),
            Some("Umman / Amman")
        );
    }

    #[test]
    fn marks_cues_and_other_names_decide() {
        assert_eq!(
            canon_of("وصل إلى عمّان أمس", "عمّان").as_deref(),
            Some("Amman")
        );
        assert_eq!(
            canon_of("وصل إلى عُمان أمس", "عُمان").as_deref(),
            Some("Umman")
        );
        assert_eq!(
            canon_of("في العاصمة الأردنية عمان", "عمان").as_deref(),
            Some("Amman")
        );
        assert_eq!(
            canon_of("وصل إلى بمدينة عمان", "عمان").as_deref(),
            Some("Amman")
        );
        assert_eq!(canon_of("زار دولة عمان", "عمان").as_deref(), Some("Umman"));
        assert_eq!(
            canon_of("Amman (AA) - وصل إلى عمان", "عمان").as_deref(),
            Some("Amman")
        );
    }

    #[test]
    fn only_names_with_two_readings_are_kept() {
        let (h, _) = homographs();
        assert_eq!(h.readings.len(), 1);
        assert!(h.readings.get("عمان").is_some_and(|rs| rs.len() == 4));
    }
}
