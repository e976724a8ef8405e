//! Turkish context cues applied to the blend's output: a capitalised word before a
//! lower-case administrative noun in the possessive (`Gülnar ilçesinde`, `Anıtlı köyüne`,
//! `Hisarönü, Osmaniye ve Turgut mahallelerinde`) is a place, whatever the tagger read it
//! as, the cue word outside the span as in the gold conventions of okur news; and a word
//! that is the surname of a person named in full in the same text is that person where it
//! stands alone (`Özgür Özel ... Özel, konuşmasında`).

use crate::extract::lexicon::Lexicon;
use crate::extract::token::{Sep, Tokens};
use crate::extract::{Kind, RawMention};
use crate::text::fold_str;

use super::bounds::sentence_start;

/// Folded starts of the possessive forms of administrative nouns, singular (`ilçesi`,
/// `ilçesinde`, `köyüne`) and plural (`ilçelerinde`, `köylerinde`), which follow the name
/// of the place they are (`Gülnar ilçesinde`). Bare forms (`köyde`, `ilçeye`) are no cue:
/// they name no place before them. `kenti`, `şehri`, `eyaleti` are here too.
const SINGULAR: &[&str] = &[
    "ilcesi",
    "koyu",
    "mahallesi",
    "semti",
    "beldesi",
    "kasabasi",
    "mevkii",
    "kenti",
    "sehri",
    "eyaleti",
    "bolgesi",
    "nahiyesi",
    "vilayeti",
];
const PLURAL: &[&str] = &[
    "ilceleri",
    "koyleri",
    "mahalleleri",
    "semtleri",
    "beldeleri",
    "kasabalari",
    "kentleri",
    "sehirleri",
    "eyaletleri",
    "bolgeleri",
];
/// `il` (province) only in these forms: its other forms are ordinary words (`ile`, `ilk`).
const PROVINCE: &[&str] = &["ili", "iline", "ilinde", "ilinden", "ilinin", "illeri"];

/// The first two letters of every cue above: a lower-case word is asked of this short list
/// first, and most are no cue after it (each lower-case word of the text was compared with
/// every cue).
const CUE_STARTS: &[&[u8]] = &[
    b"il", b"ko", b"ma", b"se", b"be", b"ka", b"me", b"ke", b"ey", b"bo", b"na", b"vi",
];

/// Folded determiners and adjectives that begin a sentence before a possessive noun
/// (`Tüm ilçesi`, `Eski köyü`), never a place's name there.
const NOT_NAMES: &[&str] = &[
    "tum", "butun", "her", "bu", "su", "o", "eski", "yeni", "ayni", "kendi", "diger", "koca",
    "kucuk", "buyuk", "baba", "ana",
];

/// Whether folded word `k` is a place cue: `Some(true)` for a plural one, which may follow
/// a list of places (`Şahinbey ve Şehitkamil ilçelerinde`).
fn cue(k: &str) -> Option<bool> {
    // `kentin` is the genitive of `kent`, not its possessive.
    if k == "kentin" || !CUE_STARTS.contains(&k.as_bytes().get(..2).unwrap_or_default()) {
        return None;
    }
    if PLURAL.iter().any(|p| k.starts_with(p)) || k == "illeri" {
        return Some(true);
    }
    (SINGULAR.iter().any(|p| k.starts_with(p)) || PROVINCE.contains(&k)).then_some(false)
}

/// True when token `i` may be the (last) word of a place named before a cue.
fn place_word(lx: &Lexicon, text: &str, toks: &Tokens, i: usize) -> bool {
    let t = &toks.toks[i];
    let k = toks.key(i);
    t.cap
        && !t.arabic
        && !t.digits
        && !t.has_suffix()
        && k.chars().count() >= 2
        && !lx.is_title_first(k)
        && !lx.is_org_head_tr(k)
        // Not `never_a_name`: a village's name is often shaped like a nationality
        // (`Anıtlı`, `Kavaklı`); only the listed ones are none (`Kürt köylerinde`).
        && !lx.function_words.contains(k)
        && !lx.demonyms.contains(k)
        // A determiner or adjective starting a sentence is that word (`Eski köyü`); other
        // ordinary words may be names there (`Anıtlı köyüne`, `Pazar ilçesinde`).
        && !(sentence_start(text, toks, i) && NOT_NAMES.contains(&k))
}

/// The tokens named as places by the cues of the text.
fn cued_places(lx: &Lexicon, text: &str, toks: &Tokens) -> Vec<usize> {
    let mut found = Vec::new();
    for c in 1..toks.len() {
        let ct = &toks.toks[c];
        let Some(plural) = (!ct.cap && !ct.arabic).then(|| cue(toks.key(c))).flatten() else {
            continue;
        };
        let i = c - 1;
        if !matches!(ct.sep, Sep::Space | Sep::Line) || !place_word(lx, text, toks, i) {
            continue;
        }
        found.push(i);
        if !plural {
            continue;
        }
        // The list before a plural cue: `A, B ve C ilçelerinde`.
        let mut j = i;
        while j >= 2 {
            let gap = &text[toks.toks[j - 1].end()..toks.toks[j].start()];
            let prev = if gap.trim() == "," {
                j - 1
            } else if gap == " " && matches!(toks.key(j - 1), "ve" | "ile") {
                j - 2
            } else {
                break;
            };
            if prev == j - 2 && !toks.joined(prev) || !place_word(lx, text, toks, prev) {
                break;
            }
            found.push(prev);
            j = prev;
        }
    }
    found
}

/// Makes the cued places of the text places: a person or place over the word gives way,
/// unless it is a place that ends on the word (`Karadeniz Ereğli ilçesinde`).
pub fn apply_place_cues((lx, text, toks): (&Lexicon, &str, &Tokens), out: &mut Vec<RawMention>) {
    for i in cued_places(lx, text, toks) {
        let t = &toks.toks[i];
        let (s, e) = (t.start(), t.stem_end());
        if out.iter().any(|m| {
            m.start < e
                && s < m.end
                && (m.kind == Kind::Date || m.kind == Kind::Place && m.end == e)
        }) {
            continue;
        }
        out.retain(|m| !(m.start < e && s < m.end));
        let canonical = lx
            .place(toks.key(i))
            .and_then(|ix| lx.place_names.get(usize::try_from(ix).ok()?).cloned());
        out.push(RawMention {
            start: s,
            end: e,
            kind: Kind::Place,
            value: None,
            canonical,
        });
    }
}

/// The last words (folded) of the persons named with two words or more in `out`, which the
/// gazetteer does not know (a known place there is likelier one the tagger took in).
pub fn surnames(lx: &Lexicon, text: &str, out: &[RawMention]) -> Vec<String> {
    out.iter()
        .filter(|m| m.kind == Kind::Person)
        .filter_map(|m| {
            let key = fold_str(&text[m.start..m.end]);
            let mut words = key.split(' ');
            let last = words.next_back()?;
            let fits = words.next().is_some() && last.chars().count() >= 3;
            (fits && lx.place(last).is_none()).then(|| last.to_string())
        })
        .collect()
}

/// Adds a person for each capitalised word that no mention covers and that is one of
/// `surnames` standing alone: not next to another capitalised word, which would make it
/// part of a longer name (`Trump Güzergahı`, `Mor Gabriel Manastırı`), nor an ordinary
/// word that starts a sentence and runs on into the next word.
pub fn add_lone_surnames(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    surnames: &[String],
    out: &mut Vec<RawMention>,
) {
    if surnames.is_empty() {
        return;
    }
    let mut spans: Vec<(usize, usize)> = out.iter().map(|m| (m.start, m.end)).collect();
    spans.sort_unstable();
    let capital = |j: usize| toks.toks.get(j).is_some_and(|t| t.cap && !t.arabic);
    for i in 0..toks.len() {
        let t = &toks.toks[i];
        if !t.cap || t.arabic || !surnames.iter().any(|s| s == toks.key(i)) {
            continue;
        }
        let (s, e) = (t.start(), t.stem_end());
        let at = spans.partition_point(|&(_, end)| end <= s);
        if spans.get(at).is_some_and(|&(start, _)| start < e) {
            continue;
        }
        let before = i > 0 && toks.joined(i - 1) && capital(i - 1);
        let after = toks.joined(i) && capital(i + 1);
        // An ordinary word starting a sentence before another word is likelier that word
        // (`Güneş tutulması`, `Özel sektör`) than the person (`Özel, ...`, `Özel'in`).
        let ordinary = lx.ordinary_tr.contains(toks.key(i))
            && sentence_start(text, toks, i)
            && !t.has_suffix()
            && toks.toks.get(i + 1).is_some_and(|n| n.sep == Sep::Space);
        if !before && !after && !ordinary {
            out.push(RawMention::new(s, e, Kind::Person));
        }
    }
}

/// True when folded word `k` is an ordinary noun with a possessive suffix (`Muharebesi`,
/// `Hisarı`, `Yazıtları`): the head of a named thing, not a surname. A bare vowel suffix
/// comes off only a stem of four letters or more (`Sarı` is a surname, no `sar`).
fn possessed_noun(lx: &Lexicon, k: &str) -> bool {
    let strip = |suffix: &str, min: usize| {
        k.strip_suffix(suffix)
            .is_some_and(|stem| stem.chars().count() >= min && lx.ordinary_tr.contains(stem))
    };
    ["si", "su", "lari", "leri"].iter().any(|s| strip(s, 3))
        || ["i", "u"].iter().any(|s| strip(s, 4))
}

/// Adds a person for a known given name and the capitalised word after it where no mention
/// covers them (`çiftçi Hıdır Acar`, `Öğrencilerinden Hüseyin Kaptan`): two words alone,
/// not inside a longer capitalised run, the given name no ordinary word (`Deniz`, `Barış`
/// begin names of other things).
pub fn add_given_and_surname(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    out: &mut Vec<RawMention>,
) {
    let capital = |j: usize| toks.toks.get(j).is_some_and(|t| t.cap);
    for i in 0..toks.len().saturating_sub(1) {
        let t = &toks.toks[i];
        let k = toks.key(i);
        // Asked after the cheaper tests, which most tokens fail: a sentence start is then
        // not looked for at every word after a capitalised one.
        let alone_before =
            || i == 0 || !toks.joined(i - 1) || !capital(i - 1) || sentence_start(text, toks, i);
        if !t.cap
            || t.has_suffix()
            || toks.toks[i + 1].sep != Sep::Space
            || !lx.given.contains(k)
            || lx.ordinary_tr.contains(k)
            || k.chars().count() < 3
            || possessed_noun(lx, toks.key(i + 1))
            || super::bounds::is_facility(toks, i + 1)
            || crate::extract::morph::tr_splits(toks.key(i + 1))
                .any(|s| lx.place(&toks.key(i + 1)[..s]).is_some())
            || !super::name_word(lx, toks, i)
            || !super::name_word(lx, toks, i + 1)
            || !alone_before()
            || toks.joined(i + 1) && capital(i + 2)
        {
            continue;
        }
        let (s, e) = (t.start(), toks.toks[i + 1].stem_end());
        if !out.iter().any(|m| m.start < e && s < m.end) {
            out.push(RawMention::new(s, e, Kind::Person));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::shown;
    use super::*;

    #[test]
    fn every_cue_starts_as_the_gate_expects() {
        for k in SINGULAR.iter().chain(PLURAL).chain(PROVINCE) {
            assert!(cue(k).is_some(), "{k}");
        }
        assert_eq!(cue("ilcelerinde"), Some(true));
        assert_eq!(cue("koyune"), Some(false));
        assert_eq!(cue("ile"), None);
        assert_eq!(cue("kentin"), None);
        assert_eq!(cue("i"), None);
    }

    #[test]
    fn places_before_cue_nouns_are_places() {
        let lx = Lexicon::load();
        let text = "Mersin'in Gülnar ilçesinde, Anıtlı köyüne dönen aile; Hisarönü, Osmaniye \
                    ve Turgut mahallelerinde Kürt köylerinde. Eski köyü. Ali'nin köyünde.";
        let toks = Tokens::new(text);
        let mut out = vec![RawMention::first_in(text, "Turgut", Kind::Person)];
        apply_place_cues((&lx, text, &toks), &mut out);
        assert_eq!(
            shown(text, &out),
            [
                "Place Gülnar",
                "Place Anıtlı",
                "Place Hisarönü",
                "Place Osmaniye",
                "Place Turgut"
            ]
        );
    }

    #[test]
    fn lone_surnames_of_named_people_are_people() {
        let lx = Lexicon::load();
        let text = "Genel Başkan Özgür Özel konuştu. Özel, \"Bu kurultay\" dedi. Özel'in \
                    yanında Özel Kuvvetler vardı. Özel sektör büyüdü. Kemal Ak ile Ak.";
        let toks = Tokens::new(text);
        let mut out = vec![
            RawMention::first_in(text, "Özgür Özel", Kind::Person),
            RawMention::first_in(text, "Kemal Ak", Kind::Person),
        ];
        let names = surnames(&lx, text, &out);
        add_lone_surnames((&lx, text, &toks), &names, &mut out);
        assert_eq!(
            shown(text, &out),
            [
                "Person Özgür Özel",
                "Person Özel",
                "Person Özel",
                "Person Kemal Ak",
            ]
        );
    }

    #[test]
    fn a_given_name_and_the_word_after_it_are_a_person() {
        let lx = Lexicon::load();
        let text = "Zarar gören çiftçi Hıdır Acar, Deniz Kuvvetleri ve Hüseyin Avni Paşa \
                    Camii ile Ankara'da konuştu.";
        let toks = Tokens::new(text);
        let mut out = Vec::new();
        add_given_and_surname((&lx, text, &toks), &mut out);
        assert_eq!(shown(text, &out), ["Person Hıdır Acar"]);
    }
}
