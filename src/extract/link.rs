//! Linking of mentions into entities across documents and scripts. The consistency pass
//! (a name once seen as a person is a person elsewhere) is [`super::known_people::KnownPeople`]'s.

use super::lexicon::{FxMap, Lexicon};
use super::{CorpusExtraction, Entity, Kind, Mention, RawMention};
use crate::corpus::Texts;
use crate::text::{fold_str, name_key};

/// Builds entities from per-document mentions and links every mention to one.
pub fn link(lx: &Lexicon, texts: &[&str], raw: Vec<Vec<RawMention>>) -> CorpusExtraction {
    let mut mentions: Vec<Vec<Mention>> =
        raw.iter().map(|ms| Vec::with_capacity(ms.len())).collect();
    let each = |d: usize, f: &mut dyn FnMut(usize, &RawMention)| {
        raw.get(d)
            .into_iter()
            .flatten()
            .enumerate()
            .for_each(|(i, m)| f(i, m));
    };
    let (entities, remap) = link_each(lx, texts, &each, &mut |d, i, entity| {
        if let Some(m) = raw.get(d).and_then(|ms| ms.get(i)) {
            mentions[d].push(Mention {
                start: m.start,
                end: m.end,
                kind: m.kind,
                value: m.value.clone(),
                entity,
            });
        }
    });
    for m in mentions.iter_mut().flatten() {
        m.entity = remap[m.entity];
    }
    CorpusExtraction { mentions, entities }
}

/// Reads one document's mentions: calls the function with each and its position.
pub(crate) type RawDoc<'a> = dyn Fn(usize, &mut dyn FnMut(usize, &RawMention)) + 'a;

/// [`link`] reading each document's mentions through `raw` (three times, one mention at a
/// time, so they need not all be held as [`RawMention`]s) and handing each linked one to
/// `out` as (document, position in it, entity number). Returns the entities and the map
/// from the entity numbers given out to theirs (entities registered but never mentioned
/// are left out).
pub(crate) fn link_each(
    lx: &Lexicon,
    texts: &(impl Texts + ?Sized),
    raw: &RawDoc<'_>,
    out: &mut dyn FnMut(usize, usize, usize),
) -> (Vec<Entity>, Vec<usize>) {
    let mut b = Builder::default();
    // People with several words first, so single surnames can join them.
    for pass in 0..2 {
        for d in 0..texts.count() {
            let text = texts.text(d);
            raw(d, &mut |_, m| {
                if m.kind != Kind::Person {
                    return;
                }
                let surface = one_line(&text[m.start..m.end]);
                let words = surface.split_whitespace().count();
                if (pass == 0) == (words >= 2) {
                    b.person(lx, &surface, m.canonical.as_deref());
                }
            });
        }
    }
    for d in 0..texts.count() {
        let text = texts.text(d);
        let mut last_end = None;
        raw(d, &mut |i, m| {
            if last_end.is_some_and(|end| end > m.start) {
                return;
            }
            let text = &text[m.start..m.end];
            let entity = b.entity_of(lx, m, text);
            b.count(entity, d, text);
            last_end = Some(m.end);
            out(d, i, entity);
        });
    }
    b.finish()
}

#[derive(Default)]
struct Builder {
    entities: Vec<Entity>,
    last_doc: Vec<usize>,
    by_key: FxMap<String, usize>,
    by_last: FxMap<String, usize>,
}

/// A name read as one line: a word broken at a line's end by a hyphen (`El-` then `Nusra`
/// on the next line) joined again (`El-Nusra`), so that it links with its unbroken
/// mentions and is shown as written.
fn one_line(surface: &str) -> std::borrow::Cow<'_, str> {
    let broken = |i: usize, h: char| {
        let rest = &surface[i + h.len_utf8()..];
        let gap = &rest[..rest.len() - rest.trim_start().len()];
        gap.contains('\n').then_some(gap.len())
    };
    let hyphens = || {
        surface
            .char_indices()
            .filter(|&(_, c)| c == '-' || c == '‐')
    };
    if !hyphens().any(|(i, h)| broken(i, h).is_some()) {
        return surface.into();
    }
    let mut out = String::with_capacity(surface.len());
    let mut from = 0;
    for (i, h) in hyphens() {
        if let Some(gap) = broken(i, h) {
            let after = i + h.len_utf8();
            out.push_str(&surface[from..after]);
            from = after + gap;
        }
    }
    out.push_str(&surface[from..]);
    out.into()
}

fn pkey(s: &str) -> String {
    let k = name_key(s);
    if k.is_empty() { fold_str(s) } else { k }
}

impl Builder {
    fn new_entity(&mut self, kind: Kind, canonical: String) -> usize {
        self.entities.push(Entity {
            kind,
            canonical,
            aliases: Vec::new(),
            doc_count: 0,
            mention_count: 0,
        });
        self.last_doc.push(usize::MAX);
        self.entities.len() - 1
    }

    /// Registers a person surface form, creating or joining an entity. Forms in one script
    /// join by their folded spelling (a lone surname by the last word of a longer name); the
    /// consonant skeleton joins only across scripts, and only a name of two words or more
    /// (`Sergey Lavrov` = سيرغي لافروف), since one word's skeleton is shared by too many
    /// (`Ali`, `Ela`, `Alya`). The lexicon's canonical name joins any spelling it knows.
    fn person(&mut self, lx: &Lexicon, surface: &str, canon: Option<&str>) -> usize {
        let folded = fold_str(surface);
        let canon = canon
            .map(str::to_string)
            .or_else(|| lx.people.get(&folded).cloned())
            .or_else(|| lx.people_last.get(&folded).cloned());
        let key = format!("person:{}", fold_str(canon.as_deref().unwrap_or(surface)));
        if let Some(&e) = self.by_key.get(&key) {
            self.better_name(e, surface);
            return e;
        }
        let multi = surface.split_whitespace().count() >= 2;
        let arabic = surface.chars().any(crate::text::is_arabic);
        let skeleton = |arabic: bool| format!("skeleton:{arabic}:{}", pkey(surface));
        if multi
            && canon.is_none()
            && let Some(&e) = self.by_key.get(&skeleton(!arabic))
        {
            self.by_key.insert(key, e);
            self.better_name(e, surface);
            return e;
        }
        let last = surface
            .split_whitespace()
            .last()
            .map(fold_str)
            .unwrap_or_default();
        if !multi
            && canon.is_none()
            && let Some(&e) = self.by_last.get(&last)
        {
            self.by_key.insert(key, e);
            return e;
        }
        let e = self.new_entity(
            Kind::Person,
            canon.clone().unwrap_or_else(|| surface.to_string()),
        );
        self.by_key.insert(key, e);
        if multi {
            self.by_key.entry(skeleton(arabic)).or_insert(e);
        }
        if multi || canon.is_some() {
            self.by_last.entry(last).or_insert(e);
            if let Some(c) = &canon {
                let cl = c
                    .split_whitespace()
                    .last()
                    .map(fold_str)
                    .unwrap_or_default();
                self.by_last.entry(cl).or_insert(e);
                self.by_key.insert(format!("person:{folded}"), e);
            }
        }
        e
    }

    /// Prefers a longer Latin name as canonical when no lexicon name was given.
    fn better_name(&mut self, e: usize, surface: &str) {
        let cur = &self.entities[e].canonical;
        let score = |s: &str| {
            (
                s.split_whitespace().count(),
                !s.chars().any(crate::text::is_arabic),
            )
        };
        if score(surface) > score(cur) && !surface.contains('\n') {
            self.entities[e].canonical = surface.to_string();
        }
    }

    fn entity_of(&mut self, lx: &Lexicon, m: &RawMention, text: &str) -> usize {
        let text = &*one_line(text);
        let key = match m.kind {
            Kind::Person => return self.person(lx, text, m.canonical.as_deref()),
            Kind::Place => format!(
                "place:{}",
                m.canonical.clone().unwrap_or_else(|| fold_str(text))
            ),
            Kind::Date => format!("date:{}", m.value.clone().unwrap_or_else(|| fold_str(text))),
        };
        if let Some(&e) = self.by_key.get(&key) {
            return e;
        }
        let canon = match m.kind {
            Kind::Date => m.value.clone().unwrap_or_else(|| text.to_string()),
            _ => m.canonical.clone().unwrap_or_else(|| text.to_string()),
        };
        let e = self.new_entity(m.kind, canon);
        self.by_key.insert(key, e);
        e
    }

    fn count(&mut self, e: usize, doc: usize, text: &str) {
        let ent = &mut self.entities[e];
        ent.mention_count += 1;
        if self.last_doc[e] != doc {
            self.last_doc[e] = doc;
            ent.doc_count += 1;
        }
        if !ent.aliases.iter().any(|a| a == text) {
            ent.aliases.push(text.to_string());
        }
    }

    /// The entities mentioned, and the map from every entity number to theirs.
    fn finish(self) -> (Vec<Entity>, Vec<usize>) {
        // Entities registered during the person pre-pass but never mentioned are dropped
        // and the rest renumbered.
        // In place, the lookup maps freed first: a second vector of entities grown beside
        // the first, with the maps still held, held the entities twice and more.
        let Builder { mut entities, .. } = self;
        let mut remap = vec![usize::MAX; entities.len()];
        let mut kept = 0;
        for (slot, e) in remap.iter_mut().zip(&entities) {
            if e.mention_count > 0 {
                *slot = kept;
                kept += 1;
            }
        }
        entities.retain(|e| e.mention_count > 0);
        entities.shrink_to_fit();
        (entities, remap)
    }
}
