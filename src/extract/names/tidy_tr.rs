//! Turkish span conventions applied to the Turkish tagger's mentions and to the blend's
//! output (issue 15, error classes of okur news tr dev): a name never runs past a word with
//! an apostrophe suffix (`Çamlıhemşin'de Ayder Yaylası` is two places), lower-case words
//! (`köyü`) and honorifics (`Hacı`, `Bey`) stay outside, a case suffix written without an
//! apostrophe leaves a person's span when the bare name is known (`Erdoğanın`), a given name
//! the tagger left alone takes the capitalised word after it (`Özgür Özel`), a place that
//! begins an organisation's name is none (`Ankara Barosu`, `İzmir 9. Ağır Ceza Mahkemesi`),
//! and a lone place word that is the surname of a person named in the same text is that
//! person (`Mustafa Gültepe ... Gültepe`) unless the gazetteer knows the word. A suffix
//! written apart (`Bitlis' in`, `Kırım ın`) ends a name too ([`bounds`]).

use crate::extract::lexicon::Lexicon;
use crate::extract::morph::tr_splits;
use crate::extract::token::{Sep, Tokens};
use crate::extract::{Kind, RawMention};
use crate::text::fold_str;

mod bounds;
pub(crate) use bounds::sentence_start;
mod cues;

pub use cues::surnames;
mod initials;

/// Honorifics written before a Turkish name (folded), outside the span by the gold
/// conventions, like titles.
const BEFORE: &[&str] = &["haci", "hafiz", "merhum", "merhume"];
/// Honorifics written after a Turkish name (folded): `Ahmet Bey`, `Ayşe Hanım`. `Usta` is
/// in neither list: it is one only as written in ordinary case ([`usta`]), a surname in
/// capitals (`Güven USTA`).
const AFTER: &[&str] = &["bey", "hanim", "efendi", "hoca", "aga", "abla", "agabey"];

/// True when token `i` is `Usta` written as a title (`Gabriel Usta`, `Usta Aktaş`, the
/// craftsman), not in capitals as a surname is in a byline or notice (`Güven USTA`).
fn usta(text: &str, toks: &Tokens, i: usize) -> bool {
    let t = &toks.toks[i];
    toks.key(i) == "usta"
        && text[t.start()..t.stem_end()]
            .chars()
            .any(char::is_lowercase)
}

/// Drops the honorific before each Latin person of two words or more (`Hacı Mehmet
/// KARAKAYA`), whichever source found it.
fn trim_honorifics(text: &str, toks: &Tokens, out: &mut [RawMention]) {
    for m in out.iter_mut().filter(|m| m.kind == Kind::Person) {
        let Some((first, last)) = token_range(toks, m) else {
            continue;
        };
        let honor = BEFORE.contains(&toks.key(first)) || usta(text, toks, first);
        if first < last && honor && toks.toks[first + 1].cap {
            m.start = toks.toks[first + 1].start();
        }
    }
}

/// Longest person name a given name may grow to.
const MAX_NAME_WORDS: usize = 4;
/// Longest capitalised run after a place that may end in an organisation head.
const MAX_ORG_WORDS: usize = 6;

/// The token range `first..=last` of a mention, if it starts and ends on Latin tokens.
pub(crate) fn token_range(toks: &Tokens, m: &RawMention) -> Option<(usize, usize)> {
    let covering = toks.covering(m.start, m.end);
    let (first, last) = (covering.start, covering.end.checked_sub(1)?);
    let latin = |i: usize| toks.toks.get(i).is_some_and(|t| !t.arabic);
    (first <= last && latin(first) && latin(last)).then_some((first, last))
}

fn mention(toks: &Tokens, kind: Kind, first: usize, last: usize) -> RawMention {
    RawMention::new(toks.toks[first].start(), toks.toks[last].stem_end(), kind)
}

/// The Turkish tagger's mentions in the conventions above (persons and places; the rest
/// unchanged).
pub fn tidy_model(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    ms: Vec<RawMention>,
) -> Vec<RawMention> {
    let mut out = Vec::with_capacity(ms.len());
    for m in ms {
        let Some((first, last)) = token_range(toks, &m) else {
            out.push(m);
            continue;
        };
        let mut from = first;
        for i in first..=last {
            // A suffix ends the name it is on (`Kerkük'te Türkmenlerin`).
            if i == last || bounds::ends_name(text, toks, i) {
                let part = tidy_part((lx, text, toks), m.kind, from, i);
                // A person's part after a suffix that the gazetteer knows is the place the
                // tagger ran into (`Putin'den Karabağ`): the rules' place takes it.
                let stray = |p: &RawMention| {
                    from > first
                        && p.kind == Kind::Person
                        && lx.place(&fold_str(&text[p.start..p.end])).is_some()
                };
                if let Some(mut part) = part.filter(|p| !stray(p)) {
                    // A place keeps the tagger's own edges where they stand (it already
                    // leaves a suffix with no apostrophe outside: `Rusyaya`).
                    if m.kind == Kind::Place && i == last && part.end >= m.end {
                        part.end = m.end;
                    }
                    if part.kind == Kind::Place {
                        // Linked by the gazetteer's name, as the tagger's places are.
                        let key = fold_str(&text[part.start..part.end]);
                        part.canonical = lx
                            .place(&key)
                            .and_then(|ix| lx.place_names.get(usize::try_from(ix).ok()?).cloned());
                    }
                    out.push(part);
                }
                from = i + 1;
            }
        }
    }
    out
}

/// One run of tokens without inner suffixes, trimmed and, for a person, completed.
fn tidy_part(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    kind: Kind,
    mut first: usize,
    mut last: usize,
) -> Option<RawMention> {
    let key = |i: usize| toks.key(i);
    let lower = |i: usize| !toks.toks[i].cap;
    let honor = |i: usize, list: &[&str]| list.contains(&key(i)) || usta(text, toks, i);
    while first <= last && (lower(first) || kind == Kind::Person && honor(first, BEFORE)) {
        first += 1;
    }
    while last > first && (lower(last) || kind == Kind::Person && honor(last, AFTER)) {
        last -= 1;
    }
    if first > last || lower(first) {
        return None;
    }
    if kind != Kind::Person {
        return Some(mention(toks, kind, first, last));
    }
    let (first, last) = grow_person(lx, toks, first, last);
    let mut m = mention(toks, kind, first, last);
    m.end = toks.toks[last].start() + bare_name_len(lx, text, toks, last);
    Some(m)
}

/// A capitalised word that may continue a name: Latin, no digits, not a title, an
/// organisation head, a known place, a function word or a nationality.
pub(super) fn name_word(lx: &Lexicon, toks: &Tokens, i: usize) -> bool {
    let t = &toks.toks[i];
    let k = toks.key(i);
    t.cap
        && !t.arabic
        && !t.digits
        && k.chars().count() >= 2
        && !lx.is_title_first(k)
        && !lx.is_org_head_tr(k)
        && lx.place(k).is_none()
        && !lx.never_a_name(k)
        && !AFTER.contains(&k)
}

/// A person span around a given name the tagger left alone: `Özgür` takes `Özel`,
/// `Kalyoncu` takes the `Temel` before it when that is a given name mid-sentence.
fn grow_person(lx: &Lexicon, toks: &Tokens, first: usize, mut last: usize) -> (usize, usize) {
    while last + 1 - first < MAX_NAME_WORDS
        && last + 1 < toks.len()
        && lx.given.contains(toks.key(last))
        && !toks.toks[last].has_suffix()
        && matches!(toks.toks[last + 1].sep, Sep::Space)
        && name_word(lx, toks, last + 1)
    {
        last += 1;
    }
    let mut first = first;
    if first > 0 && last + 1 - first < MAX_NAME_WORDS {
        let p = first - 1;
        let mid_sentence = matches!(toks.toks[p].sep, Sep::Space | Sep::Line);
        if mid_sentence
            && matches!(toks.toks[first].sep, Sep::Space)
            && !toks.toks[p].has_suffix()
            && lx.given.contains(toks.key(p))
            && name_word(lx, toks, p)
        {
            first = p;
        }
    }
    (first, last)
}

/// Bytes of Latin token `i` that are the name: without a case suffix written with no
/// apostrophe (`Erdoğanın`) when the bare form is a known name or stands alone elsewhere
/// in the text, and the whole word is neither.
fn bare_name_len(lx: &Lexicon, text: &str, toks: &Tokens, i: usize) -> usize {
    let t = &toks.toks[i];
    let whole = t.stem_end() - t.start();
    let k = toks.key(i);
    if t.has_suffix() || known_name(lx, k) {
        return whole;
    }
    let bare = tr_splits(k).find(|&s| {
        let stem = &k[..s];
        stem.chars().count() >= 4 && (lx.people_last.contains_key(stem) || toks.has_word(stem))
    });
    // The split is in folded bytes: map it back onto the written word.
    bare.map_or(whole, |s| {
        super::orig_len(&text[t.start()..t.stem_end()], s)
    })
}

fn known_name(lx: &Lexicon, k: &str) -> bool {
    lx.people_last.contains_key(k) || lx.given.contains(k) || lx.stat(k).personish(2)
}

/// True when the capitalised run after token `last` (a place) ends in an organisation head:
/// `Ankara Barosu`, `İzmir 9. Ağır Ceza Mahkemesi`, `Rusya Dışişleri Bakanlığına`. A title
/// ends the run first (`Rusya Dışişleri Bakanı` keeps its place).
fn heads_organisation(lx: &Lexicon, toks: &Tokens, last: usize) -> bool {
    let mut j = last + 1;
    let mut prev = last;
    while j < toks.len() && j - last <= MAX_ORG_WORDS {
        let t = &toks.toks[j];
        let ordinal = toks.toks[prev].digits;
        if !(toks.joined(prev) || ordinal && t.sep == Sep::Dot) || t.arabic {
            return false;
        }
        let k = toks.key(j);
        if t.digits {
            // A court's number: `Ankara 2. İdare Mahkemesi`.
        } else if !t.cap {
            if k != "ve" {
                return false;
            }
        } else if lx.is_org_head_tr(k) || bounds::is_institution_head(k) {
            return true;
        } else if lx.is_title_first(k) || t.has_suffix() {
            return false;
        }
        prev = j;
        j += 1;
    }
    false
}

/// The blend's output in the conventions above: honorifics off persons, places before a
/// place noun made places ([`cues`]), initials and all-caps surnames in persons
/// ([`initials`]), places that begin an organisation's or a facility's name dropped, a
/// one-word place that is a conjunction dropped (`Eğer`), then, when `whole`, the steps
/// that read the whole text's surnames ([`with_surnames`]). Latin mentions only.
///
/// `whole` is false for a piece of a huge document: the surnames of one piece are not the
/// document's, so `super::super::chunked` gathers [`surnames`] from every piece and runs
/// [`with_surnames`] once they are all known, as the whole read as one piece does.
pub fn tidy_blend(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    out: &mut Vec<RawMention>,
    whole: bool,
) {
    trim_honorifics(text, toks, out);
    cues::apply_place_cues((lx, text, toks), out);
    initials::apply((lx, text, toks), out);
    out.retain(|m| {
        if m.kind != Kind::Place {
            return true;
        }
        let Some((first, last)) = token_range(toks, m) else {
            return true;
        };
        if !toks.toks[last].has_suffix() && heads_organisation(lx, toks, last) {
            return false;
        }
        if bounds::names_facility(toks, first, last) {
            return false;
        }
        // A conjunction or adverb starting a sentence is no place (`Eğer`, the town Eger).
        !(first == last
            && !toks.toks[first].has_suffix()
            && lx.function_words.contains(toks.key(first)))
    });
    if whole {
        let surnames = surnames(lx, text, out);
        with_surnames((lx, text, toks), &surnames, out);
    }
}

/// The steps of [`tidy_blend`] that read the text's `surnames`: a lone word that is the
/// last name of a person in the same text made that person (a one-word place so read too),
/// then a known given name with the word after it made a person.
pub fn with_surnames(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    surnames: &[String],
    out: &mut Vec<RawMention>,
) {
    for m in out.iter_mut().filter(|m| m.kind == Kind::Place) {
        let one = token_range(toks, m).filter(|(first, last)| first == last);
        if one.is_some_and(|(i, _)| surnames.iter().any(|s| s == toks.key(i))) {
            m.kind = Kind::Person;
            m.canonical = None;
        }
    }
    cues::add_lone_surnames((lx, text, toks), surnames, out);
    cues::add_given_and_surname((lx, text, toks), out);
}

/// For the unit tests here and in the submodules: the mentions as `Kind text`, in order.
#[cfg(test)]
fn shown(text: &str, ms: &[RawMention]) -> Vec<String> {
    let mut ms = ms.to_vec();
    ms.sort_by_key(|m| m.start);
    ms.iter()
        .map(|m| format!("{:?} {}", m.kind, &text[m.start..m.end]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, what: &str, kind: Kind) -> RawMention {
        RawMention::first_in(text, what, kind)
    }

    #[test]
    fn model_spans_follow_turkish_conventions() {
        let lx = Lexicon::load();
        let text = "Ziyaret Çamlıhemşin'de Ayder Yaylası ile Sarpdere köyü arasında sürdü. \
                    Hacı Mehmet Karakaya, Gabriel Usta ve Genel Başkan Özgür Özel ile \
                    Recep Tayyip Erdoğanın sözleri.";
        let toks = Tokens::new(text);
        let ms = vec![
            at(text, "Çamlıhemşin'de Ayder Yaylası", Kind::Place),
            at(text, "Sarpdere köyü", Kind::Place),
            at(text, "Hacı Mehmet Karakaya", Kind::Person),
            at(text, "Gabriel Usta", Kind::Person),
            at(text, "Özgür", Kind::Person),
            at(text, "Recep Tayyip Erdoğanın", Kind::Person),
        ];
        assert_eq!(
            shown(text, &tidy_model((&lx, text, &toks), ms)),
            [
                "Place Çamlıhemşin",
                "Place Ayder Yaylası",
                "Place Sarpdere",
                "Person Mehmet Karakaya",
                "Person Gabriel",
                "Person Özgür Özel",
                "Person Recep Tayyip Erdoğan",
            ]
        );
    }

    #[test]
    fn places_heading_organisations_go_and_surnames_are_people() {
        let lx = Lexicon::load();
        let text = "Ankara Barosu ve İzmir 9. Ağır Ceza Mahkemesi ile Rusya Dışişleri \
                    Bakanı konuştu. Mustafa Sarıtepeli geldi. Sarıtepeli, Bursa'da İlham \
                    Karabağ ile konuştu. Karabağ sorunu.";
        let toks = Tokens::new(text);
        let mut out = vec![
            at(text, "Ankara", Kind::Place),
            at(text, "İzmir", Kind::Place),
            at(text, "Rusya", Kind::Place),
            at(text, "Mustafa Sarıtepeli", Kind::Person),
            at(text, "Sarıtepeli,", Kind::Place),
            at(text, "Bursa", Kind::Place),
            at(text, "İlham Karabağ", Kind::Person),
            at(text, "Karabağ sorunu", Kind::Place),
        ];
        out[4].end -= 1;
        out[7].end -= " sorunu".len();
        tidy_blend((&lx, text, &toks), &mut out, true);
        assert_eq!(
            shown(text, &out),
            [
                "Place Rusya",
                "Person Mustafa Sarıtepeli",
                "Person Sarıtepeli",
                "Place Bursa",
                "Person İlham Karabağ",
                "Place Karabağ",
            ]
        );
    }
}
