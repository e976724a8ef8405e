//! Ordinary Arabic words (`assets/cues/ordinary_ar.txt`, from the Arabic Hunspell
//! dictionary): the stop words and noun stems it never marks as proper nouns. Arabic has no
//! capitals, and the training counts (`name_stats.tsv`) know only words that were part of a
//! name somewhere, so an ordinary word never seen in one looks like an unknown name there;
//! this list tells them apart (`هام` Hamm is "important", `دين` "debt"). A nisba adjective
//! after the noun it describes is an ordinary word there too (`العائلة المالكة السعودية`), and
//! a city in a results table names a club.

use std::sync::LazyLock;

use super::lexicon::{FxSet, Lexicon};
use super::morph::ar_find;
use super::names::{club_in_results, club_of_town};
use super::token::Tokens;
use super::{Kind, RawMention};
use crate::text::fold_str;

/// The words of the list, written folded (`fold_str`), so loading allocates no strings.
static ORDINARY_AR: LazyLock<FxSet<&'static str>> = LazyLock::new(|| {
    super::lexicon::lines(include_str!("../../assets/cues/ordinary_ar.txt")).collect()
});

/// True when the folded Arabic word `key`, or it without its article, is an ordinary word.
pub fn is_ordinary_ar(key: &str) -> bool {
    let set = &*ORDINARY_AR;
    set.contains(key)
        || key
            .strip_prefix("ال")
            .is_some_and(|bare| bare.chars().nth(1).is_some() && set.contains(bare))
}

/// True when `key` is an Arabic word that the training splits read more often as no name
/// (`دين` "religion" of `جيمس دين`) or that is an ordinary word.
pub fn ordinary_name_word(lx: &Lexicon, key: &str) -> bool {
    let s = lx.stat(key);
    crate::text::starts_arabic(key) && (s.other > s.begin + s.inside || is_ordinary_ar(key))
}

/// True when the folded Arabic `key` is a word the lexicons know: an ordinary word, a
/// given name, a place, or a word the training counts saw.
fn known_ar_word(lx: &Lexicon, key: &str) -> bool {
    let s = lx.stat(key);
    s.begin + s.inside + s.place + s.other > 0
        || is_ordinary_ar(key)
        || lx.given.contains(key)
        || lx.place(key).is_some()
}

/// True when the proclitic letters `key` starts with (`و`, `ف`, `ب`, `ل`, `ك`) are
/// proclitics: the word without them is one the lexicons know (`لولاية`, `فقال`). A foreign
/// name that merely starts with such a letter leaves no known word (`فابريغاس`, `كافو`,
/// `وليام`): Arabic script writes no capitals to tell them apart.
pub fn clitic_reading(lx: &Lexicon, key: &str) -> bool {
    if !crate::text::has_proclitic(key) {
        return false;
    }
    // Too short to tell (`بيد`, `فان`): read as before, a clitic.
    if key.chars().nth(3).is_none() {
        return true;
    }
    let word = |rest: &str| known_ar_word(lx, rest) || verb_or_suffixed(rest);
    ar_find(key, |skip, rest| (skip > 0 && word(rest)).then_some(())).is_some()
}

/// True when the folded Arabic `rest` (a word after its proclitic) has the shape of an
/// imperfect verb (`ويأمل`, `فسيجد`) or of a noun with a pronoun, feminine, plural or dual
/// ending (`لمصلحته`, `ووجههم`, `وجدتي`, `بصاروخين`): no foreign name, known or not.
fn verb_or_suffixed(rest: &str) -> bool {
    // Four letters at least for a verb: `وليام` is no `و` + `ل` + `يام`.
    let verb = rest.chars().nth(3).is_some()
        && (rest.starts_with(['ي', 'ت', 'ن'])
            || ["سي", "ست", "سن"].iter().any(|p| rest.starts_with(p)));
    verb || ["ه", "ها", "هم", "كم", "نا", "تي", "ات", "ين"]
        .iter()
        .any(|e| rest.ends_with(e))
}

/// True when `key`, which ends in `ending` (a plural, dual or adjective ending: `ون`, `ين`,
/// `ات`, `يه`), is so inflected: it is an ordinary word, or the word without the ending (or
/// with `ه` or `ي` for it, the feminine or masculine singular) is a known word (`لاعبون`,
/// `اتصالات`, `الاقتصاديه`, `بصاروخين`). A foreign name ending so is none (`هيلتون`,
/// `توريه`).
pub fn inflected_reading(lx: &Lexicon, key: &str, ending: &str) -> bool {
    let Some(stem) = key.strip_suffix(ending) else {
        return false;
    };
    if is_ordinary_ar(key) || stem.chars().nth(1).is_none() {
        return true;
    }
    let mut buf = String::with_capacity(stem.len() + 2);
    ["", "ه", "ي"].iter().any(|end| {
        buf.clear();
        buf.push_str(stem);
        buf.push_str(end);
        ar_find(&buf, |_, k| known_ar_word(lx, k).then_some(())).is_some()
    })
}

/// True when the Arabic name `text` of a place the gazetteer matched is an ordinary word
/// that the training splits did not count as a place more often than as anything else: the
/// gazetteer then matched the word, not a place (`هام`, `سري`, `الطيور`).
pub fn ordinary_place(lx: &Lexicon, text: &str) -> bool {
    let key = fold_str(text);
    if !crate::text::starts_arabic(&key) || !is_ordinary_ar(&key) {
        return false;
    }
    let s = lx.stat(&key);
    s.place <= s.other
}

/// True when `m` is an Arabic place of one word that is a definite nisba adjective (`ال…ي`,
/// `ال…ية`) right after a definite noun it agrees with: `العائلة المالكة السعودية`,
/// `المحادثات الإسرائيلية السعودية`, `العاصمة الإريترية`. There the word describes the noun
/// and names no place: on ANERcorp train and okur news ar train, 1 of 1,641 such words
/// after a word outside any name is a gold place.
pub fn nisba_after_definite(text: &str, toks: &Tokens, m: &RawMention) -> bool {
    if m.kind != Kind::Place {
        return false;
    }
    let i = toks.covering(m.start, m.end).start;
    let Some(t) = toks.toks.get(i) else {
        return false;
    };
    let key = toks.key(i);
    // Three letters after the article at least: `الذي`, `التي` and `إلى` (folded `الي`)
    // end so too.
    let definite_noun = |k: &str| {
        k.starts_with("ال") && (k.ends_with('ه') || k.ends_with('ي')) && k.chars().count() >= 5
    };
    let prev = &toks.toks[i.saturating_sub(1)];
    t.arabic
        && t.end() >= m.end
        && i > 0
        && super::names::is_nisba(key)
        && toks.joined(i - 1)
        && prev.arabic
        && !super::names::is_function_word(&text[prev.start()..prev.end()])
        && ar_find(toks.key(i - 1), |_, k| definite_noun(k).then_some(())).is_some()
}

/// True when the Arabic place `m` names no place where it stands: a nisba after the noun it
/// describes ([`nisba_after_definite`]) or a club ([`club_in_results`], [`club_of_town`]).
pub fn named_no_place((lx, text, toks): (&Lexicon, &str, &Tokens), m: &RawMention) -> bool {
    nisba_after_definite(text, toks, m)
        || club_in_results(lx, text, m)
        || club_of_town(lx, text, toks, m)
}

/// Drops from `out` the Arabic places that name no place where they stand
/// ([`named_no_place`]) and the one-word gazetteer places behind a proclitic that the
/// training counts never saw as a place ([`unknown_behind_clitic`]) unless a place next to
/// them makes them part of a list (`الحوز وتارودانت وشيشاوة`).
pub fn drop_no_places(ctx: (&Lexicon, &str, &Tokens), out: &mut Vec<RawMention>) {
    let (lx, text, toks) = ctx;
    let drop: Vec<bool> = out
        .iter()
        .map(|m| {
            may_be_arabic_place(ctx, m)
                && (named_no_place(ctx, m)
                    || unknown_behind_clitic(lx, text, toks, m)
                        && !listed_place(text, toks, out, m))
        })
        .collect();
    let mut drop = drop.into_iter();
    out.retain(|_| !drop.next().unwrap_or(false));
}

/// False when none of [`drop_no_places`]'s tests can hold for `m`: it is no place, or
/// neither its text nor the token it opens in starts Arabic (each test asks one or the
/// other). Most mentions are told so here, before the tests' several searches for that
/// token.
fn may_be_arabic_place((_, text, toks): (&Lexicon, &str, &Tokens), m: &RawMention) -> bool {
    if m.kind != Kind::Place {
        return false;
    }
    let opening = toks.toks.get(toks.covering(m.start, m.end).start);
    opening.is_some_and(|t| t.arabic) || text.get(m.start..).is_some_and(crate::text::starts_arabic)
}

/// True when `m` is one Arabic word the gazetteer matched only once a proclitic was taken
/// off (`و`, `ب`, `ل`, `ك`, `وب` ...) and the training counts never saw as a place: most
/// such matches are a foreign name or an ordinary word that starts with the letter and a
/// small place that shares the rest (`وكلارنس` Clarence, `كينغ` Ying, `وديانا` Soran,
/// `بأمان`). The tagger, which reads the rules' places, finds them too.
pub fn unknown_behind_clitic(lx: &Lexicon, text: &str, toks: &Tokens, m: &RawMention) -> bool {
    if m.kind != Kind::Place {
        return false;
    }
    let i = toks.covering(m.start, m.end).start;
    let (Some(t), Some(name)) = (toks.toks.get(i), text.get(m.start..m.end)) else {
        return false;
    };
    if !t.arabic || t.start() >= m.start || t.end() < m.end {
        return false;
    }
    let key = fold_str(name);
    // `لل` before a definite name stands for `ل` + `ال` (`للمغرب`): the span keeps one `ل`.
    let definite = (key.starts_with('ل') && !key.starts_with("ال")).then(|| format!("ا{key}"));
    let keys = || std::iter::once(key.as_str()).chain(definite.as_deref());
    let place = keys().find_map(|k| lx.place(k));
    place.is_some_and(|c| c >= MAJOR_PLACES) && !keys().any(|k| lx.stat(k).place > 0)
}

/// The gazetteer's best-ranked places, by the index of their canonical name (the file lists
/// countries, seas and regions first, then cities by population): the first 1,200 reach
/// Tokyo, Kabul and Córdoba, a word behind a proclitic that names one is the place
/// (`بطوكيو`, `وتنزانيا`) though the training counts never saw it.
pub(crate) const MAJOR_PLACES: u32 = 1200;

/// True when `m` is one of a list of places: another place of `out` touches the word before
/// or after `m`'s with nothing but a space between (`الحوز وتارودانت`), or `m`'s word opens
/// with `و` after a comma and its sentence names a place before it (`كلبجار حتى 15 نوفمبر،
/// وأغدام حتى 20`).
fn listed_place(text: &str, toks: &Tokens, out: &[RawMention], m: &RawMention) -> bool {
    let i = toks.covering(m.start, m.end).start;
    let Some(word) = toks.toks.get(i) else {
        return false;
    };
    // Its sentence so far, 300 characters at most: a huge document may have no sentence end.
    let sentence = text
        .get(..m.start)
        .unwrap_or_default()
        .char_indices()
        .rev()
        .take(300)
        .take_while(|&(_, c)| !crate::text::is_sentence_end(c))
        .last()
        .map_or(m.start, |(at, _)| at);
    let after_comma = i > 0
        && toks.key(i).starts_with('و')
        && text
            .get(..word.start())
            .is_some_and(|b| b.trim_end().ends_with(['،', ',']));
    if after_comma
        && out
            .iter()
            .any(|o| o.kind == Kind::Place && sentence <= o.start && o.end <= word.start())
    {
        return true;
    }
    let near = |j: usize| {
        let Some(t) = toks.toks.get(j) else {
            return false;
        };
        out.iter()
            .any(|o| o.kind == Kind::Place && o.start < t.end() && t.start() < o.end)
    };
    i.checked_sub(1).is_some_and(|j| toks.joined(j) && near(j)) || toks.joined(i) && near(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words_are_told_from_proper_nouns() {
        // With and without the article, in any spelling that folds alike.
        for w in ["هام", "سري", "الطيور", "دين", "برنامج"] {
            assert!(is_ordinary_ar(&fold_str(w)), "{w}");
        }
        for w in ["بغداد", "روسيا", "السعودية", "مصر"] {
            assert!(!is_ordinary_ar(&fold_str(w)), "{w}");
        }
    }

    #[test]
    fn foreign_names_are_told_from_clitics_and_endings() {
        let lx = Lexicon::load();
        let clitic = |w: &str| clitic_reading(&lx, &fold_str(w));
        for w in ["لولاية", "ويأمل", "فسيجد", "لمصلحته", "ووجههم", "بيد"]
        {
            assert!(clitic(w), "{w}");
        }
        for w in ["فابريغاس", "كاسيميرو", "وليام", "برتران"] {
            assert!(!clitic(w), "{w}");
        }
        let inflected = |w: &str, e: &str| inflected_reading(&lx, &fold_str(w), e);
        assert!(inflected("اتصالات", "ات"));
        assert!(inflected("بصاروخين", "ين"));
        assert!(!inflected("هيلتون", "ون"));
        assert!(!inflected("غرايسون", "ون"));
    }

    fn nisba_places(text: &str, place: &str) -> bool {
        let toks = Tokens::new(text);
        nisba_after_definite(text, &toks, &RawMention::first_in(text, place, Kind::Place))
    }

    #[test]
    fn a_nisba_after_the_definite_noun_it_describes_is_no_place() {
        assert!(nisba_places(
            "التقى مسؤولا من العائلة المالكة السعودية أمس",
            "السعودية"
        ));
        assert!(nisba_places(
            "وصل الوفد إلى العاصمة الإريترية أسمرا",
            "الإريترية"
        ));
        // After a preposition, a verb or an indefinite noun it names the country.
        assert!(!nisba_places("وصل الوفد إلى السعودية أمس", "السعودية"));
        assert!(!nisba_places("وزار الرئيس السعودية أمس", "السعودية"));
        assert!(!nisba_places("في زيارة السعودية", "السعودية"));
    }

    /// The places `drop_no_places` keeps of `found`, each the first mention of its text.
    fn kept_places(text: &str, found: &[&str]) -> Vec<String> {
        let (lx, toks) = (Lexicon::load(), Tokens::new(text));
        let mut out: Vec<RawMention> = found
            .iter()
            .map(|p| RawMention::first_in(text, p, Kind::Place))
            .collect();
        drop_no_places((&lx, text, &toks), &mut out);
        out.iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn an_unknown_place_behind_a_proclitic_is_none_unless_listed() {
        // Clarence and Ying are gazetteer rivers the training splits never name.
        let text = "مثل مارك فان بومل وكلارنس سيدورف وصديقتها جايلي كينغ";
        assert!(kept_places(text, &["كلارنس", "ينغ"]).is_empty());
        // Known to the counts, or next to another place: kept.
        let text = "وسافر بنيويورك ثم إلى الحوز وتارودانت وورزازات";
        let found = ["نيويورك", "الحوز", "تارودانت", "ورزازات"];
        assert_eq!(kept_places(text, &found), found);
        // Alone, the two Moroccan towns are dropped like Clarence; after a comma, with a
        // place before them in their sentence, they are a list too.
        assert!(kept_places("زار وتارودانت ثم وورزازات", &found[2..]).is_empty());
        let text = "زار الحوز أمس، وتارودانت اليوم. وتارودانت";
        assert_eq!(kept_places(text, &found[1..3]), &found[1..3]);
        let text = "زار الحوز أمس. وتارودانت";
        assert_eq!(kept_places(text, &found[1..3]), &found[1..2]);
        // One of the gazetteer's best-ranked places stays though the counts never saw it.
        assert_eq!(kept_places("وصل بطوكيو أمس", &["طوكيو"]), ["طوكيو"]);
    }
}
