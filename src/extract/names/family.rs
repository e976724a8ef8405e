//! Arabic family names kept whole (issue 15): a tagger's person that stops before a nasab or
//! family link (`حمد بن عيسى آل خليفة`: `بن`, `ابن`, `بنت`, `آل`) or right after `عبد`, or
//! that starts just after the kunya `أبو` or a given name (`وموسى التعمري`), is widened over
//! it, since readers and the gold sets count the whole chain as one name. Most of the
//! tagger's person boundary errors on ANERcorp were such dropped family names.

use super::is_function_word;
use crate::extract::lexicon::Lexicon;
use crate::extract::ordinary_ar::{clitic_reading, is_ordinary_ar};
use crate::extract::token::{Sep, Tokens};
use crate::extract::{Kind, RawMention};

/// Words (folded) that link a name to the next one: son or daughter of, family of.
pub(crate) const LINKS: [&str; 4] = ["بن", "ابن", "بنت", "ال"];
/// Folded second halves of Arabic compound names (`عبد الله`, `صلاح الدين`, `نصر الله`):
/// alone they are the ordinary words (God, religion), never a surname.
pub(crate) const COMPOUND_SECONDS: [&str; 4] = ["الله", "الدين", "الرحمن", "الاسلام"];
/// The kunya (folded), father of: it opens a name and needs the next word (`أبو مازن`).
/// `أم` is left out: far more often it is "or" than "mother of".
const KUNYA: &str = "ابو";
/// Folded words that start a compound given name and need the next word (`عبد الله`).
const HEADS: [&str; 1] = ["عبد"];
/// Folded words that end a surname and need the word before (`إمام أوغلو`, `داود أوغلو`):
/// Turkish `oğlu`, written apart in Arabic.
const SUFFIX_WORDS: [&str; 1] = ["اوغلو"];
/// Particles of European surnames, as written (`فان باستن`, `فون دير لاين`, `دي ميستورا`):
/// one right before a person's first word is its own first word (in ANERcorp and okur news
/// ar train 21 of 23 such words are), written without the hamza of `فإن` ("so indeed").
const PARTICLES: [&str; 3] = ["فان", "فون", "دي"];
/// Longest chain of links followed: `X بن Y بن Z آل W` is three.
const MAX_LINKS: usize = 3;

/// True when tokens `i` and `i + 1` are Arabic words with only spaces between them and the
/// second is no function word (`على` folds onto the name `علي`).
fn spaced(text: &str, toks: &Tokens, i: usize) -> bool {
    let (Some(a), Some(b)) = (toks.toks.get(i), toks.toks.get(i + 1)) else {
        return false;
    };
    a.arabic && b.arabic && b.sep == Sep::Space && !is_function_word(&text[b.start()..b.end()])
}

/// The person tokens `first..=last` widened over family links after them, a head word
/// (`عبد`) ending them, and a kunya or a given name before them (`وموسى التعمري`: in
/// ANERcorp, Wojood and okur news ar train a given name right before a person's first word
/// is that person's in 1,412 of 1,418 cases where it is no other person's last word).
fn widen(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    (mut first, mut last): (usize, usize),
) -> (usize, usize) {
    let mut links = 0;
    loop {
        let link = links < MAX_LINKS
            && last + 2 < toks.len()
            && LINKS.contains(&toks.key(last + 1))
            && spaced(text, toks, last)
            && spaced(text, toks, last + 1);
        if link {
            last += 2;
            links += 1;
        } else if (HEADS.contains(&toks.key(last)) || LINKS.contains(&toks.key(last)))
            && spaced(text, toks, last)
        {
            // A span that stops on `عبد` or on a link (`محمد بن راشد آل`) lacks its last word.
            last += 1;
        } else {
            break;
        }
    }
    let kunya = |k: &str| k == KUNYA || k.strip_prefix('و') == Some(KUNYA);
    let before = first > 0 && spaced(text, toks, first - 1) && {
        let p = &toks.toks[first - 1];
        !is_function_word(&text[p.start()..p.end()])
    };
    let given = |k: &str| {
        let bare = k.strip_prefix('و').filter(|b| b.chars().nth(2).is_some());
        lx.given.contains(k) || bare.is_some_and(|b| lx.given.contains(b))
    };
    let opens = |k: &str| kunya(k) || given(k);
    let particle = |i: usize| {
        let t = &toks.toks[i];
        text.get(t.start()..t.end())
            .is_some_and(|w| PARTICLES.contains(&w))
    };
    if before
        && (opens(toks.key(first - 1))
            || particle(first - 1)
            || SUFFIX_WORDS.contains(&toks.key(first)))
    {
        first -= 1;
    }
    (first, last)
}

/// True when token `i`, a tagger person's last word, is an ordinary word and no name: one
/// the lexicons and the training counts never saw in a person's name that is an ordinary
/// noun's indefinite accusative (`برنامجا`, `مؤتمرا`) or an ordinary word behind the
/// preposition `ل` or `ب` (`لإيقاف`), of five letters or more. Names end in neither; on a held-out fifth of
/// ANERcorp train such words ended person spans that ran too far, and one spread across
/// the corpus as a surname (`برنامجا`). Other ordinary words are often family names
/// (`عون`, `الشاعر`) and stay.
fn ordinary_end(lx: &Lexicon, toks: &Tokens, i: usize) -> bool {
    let k = toks.key(i);
    let s = lx.stat(k);
    if lx.given.contains(k) || lx.people_last.contains_key(k) || s.begin + s.inside > 0 {
        return false;
    }
    // Short stems are as often a foreign name's (`ماسا`, `كوريا`, `لحود`).
    let long = |w: &str| w.chars().nth(4).is_some();
    let accusative = !k.starts_with("ال")
        && k.strip_suffix('ا')
            .is_some_and(|bare| long(bare) && is_ordinary_ar(bare));
    let after_preposition = !k.starts_with("ال")
        && k.strip_prefix(['ل', 'ب'])
            .is_some_and(|bare| long(bare) && is_ordinary_ar(bare));
    accusative || after_preposition
}

/// True when token `i` inside a person is the conjunction `و`, alone or as the proclitic of
/// a word that is no name word itself (not `ولد` of `محمد ولد عبد العزيز`, nor `وقاص`: the
/// lexicons know it, or the training counts saw it more often inside a name than opening
/// one), no ordinary word whole (`وزير` "minister", `وقف` "stopped": not `و` + `زير`) and a
/// known word without it (`وعمرو`, not `واتارا` of `الحسن واتارا`, [`clitic_reading`]).
fn conjunction(lx: &Lexicon, toks: &Tokens, i: usize) -> bool {
    let k = toks.key(i);
    let s = lx.stat(k);
    // The gold sets keep the `و` inside their tokens: a person they start (`وعمرو`) counts
    // as a beginning, a name word (`ولد`) as inside one.
    let named = lx.given.contains(k) || lx.people_last.contains_key(k) || s.inside > s.begin;
    let word = k.chars().nth(2).is_some() && !named && !is_ordinary_ar(k);
    k == "و" || (word && k.starts_with('و') && clitic_reading(lx, k))
}

/// Cuts the Arabic persons among `ms` at a conjunction inside them ([`conjunction`]) into
/// the persons of a list (`أسامة حسن وعمرو زكي`, `شافيز ولوكاشنكو`): in ANERcorp and Wojood
/// train 50 gold person words after the first start with `و` (`ولد` 15 times, `وقاص` 12),
/// while the tagger's persons ran on over such lists. The `و` stays outside.
fn split_lists((lx, text, toks): (&Lexicon, &str, &Tokens), ms: &mut Vec<RawMention>) {
    let mut parts = Vec::new();
    for m in ms.iter_mut() {
        if m.kind != Kind::Person || !crate::text::starts_arabic(&text[m.start..]) {
            continue;
        }
        let std::ops::Range { start, end } = toks.covering(m.start, m.end);
        let Some(j) = (start + 1..end).find(|&j| conjunction(lx, toks, j)) else {
            continue;
        };
        let rest_start = if toks.key(j) == "و" {
            toks.toks.get(j + 1).map_or(m.end, |t| t.start())
        } else {
            toks.toks[j].start() + 'و'.len_utf8()
        };
        if rest_start < m.end {
            parts.push(RawMention {
                start: rest_start,
                ..m.clone()
            });
        }
        m.end = toks.toks[j - 1].end();
    }
    if !parts.is_empty() {
        // A rest may hold another conjunction (`علاء عبدالغني وجمال حمزة ومصطفى`).
        split_lists((lx, text, toks), &mut parts);
        ms.extend(parts);
    }
}

/// Widens the Arabic persons among `ms` (a tagger's mentions) over their family names and
/// drops the mentions the widened spans now cover.
pub fn keep_family_names((lx, text, toks): (&Lexicon, &str, &Tokens), ms: &mut Vec<RawMention>) {
    split_lists((lx, text, toks), ms);
    ms.sort_by_key(|m| (m.start, m.end));
    let mut out: Vec<RawMention> = Vec::with_capacity(ms.len());
    for mut m in ms.drain(..) {
        if out.last().is_some_and(|p| p.end > m.start) {
            continue;
        }
        let arabic = crate::text::starts_arabic(&text[m.start..]);
        let std::ops::Range {
            start: first,
            end: last,
        } = toks.covering(m.start, m.end);
        if m.kind == Kind::Person && arabic && first < last {
            let mut last = last;
            while last - first > 1 && ordinary_end(lx, toks, last - 1) {
                last -= 1;
                m.end = toks.toks[last - 1].end();
            }
            let (a, b) = widen((lx, text, toks), (first, last - 1));
            // Another mention ends on the word before (`أسامة حسن ويوسف`: no given name
            // there is this person's).
            let free = |a: usize| out.last().is_none_or(|p| p.end <= toks.toks[a].start());
            if a < first && free(a) {
                // `وأبو مازن`: the `و` stays outside, as every proclitic does.
                let clitic = toks.key(a).starts_with('و');
                m.start = toks.toks[a].start() + if clitic { 'و'.len_utf8() } else { 0 };
            }
            if b > last - 1 {
                m.end = toks.toks[b].end();
            }
        }
        out.push(m);
    }
    *ms = out;
}

/// [`keep_family_names`] for the persons a known name spread to (`ms`), kept only where
/// none of `taken` (sorted by start, none overlapping another) stands: a surname found
/// alone takes its family words as a tagger's person does (`إمام` of `إمام أوغلو`).
pub fn widen_where_free(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    ms: &mut Vec<RawMention>,
    taken: &[RawMention],
) {
    keep_family_names((lx, text, toks), ms);
    // Only the last mention of `taken` starting before one's end may reach into it.
    ms.retain(|m| {
        let j = taken.partition_point(|o| o.start < m.end);
        j == 0 || taken[j - 1].end <= m.start
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widened(text: &str, name: &str) -> String {
        let toks = Tokens::new(text);
        let start = text.find(name).unwrap_or(0);
        let mut ms = vec![RawMention {
            start,
            end: start + name.len(),
            kind: Kind::Person,
            value: None,
            canonical: None,
        }];
        keep_family_names((&Lexicon::load(), text, &toks), &mut ms);
        text[ms[0].start..ms[0].end].to_string()
    }

    #[test]
    fn family_chains_heads_and_kunyas_are_kept() {
        assert_eq!(
            widened("استقبل حمد بن عيسى آل خليفة الوفد", "حمد"),
            "حمد بن عيسى آل خليفة"
        );
        assert_eq!(widened("مع الملك حسين بن طلال .", "حسين"), "حسين بن طلال");
        assert_eq!(widened("قال عبد الله الثاني", "عبد"), "عبد الله");
        assert_eq!(widened("وقال أبو مازن إن", "مازن"), "أبو مازن");
        assert_eq!(widened("وكان أبو فارس وأبو السكر", "السكر"), "أبو السكر");
        assert_eq!(
            widened("حاكم دبي محمد بن راشد آل مكتوم امس", "محمد بن راشد آل"),
            "محمد بن راشد آل مكتوم"
        );
        assert_eq!(widened("فاز أكرم إمام أوغلو في", "أوغلو"), "إمام أوغلو");
        assert_eq!(widened("سجل فان باستن هدفا", "باستن"), "فان باستن");
        // `فإن` ("so indeed") before a name is no particle.
        assert_eq!(widened("وقال فإن باستن سجل", "باستن"), "باستن");
    }

    #[test]
    fn a_given_name_before_a_person_is_its_first_word() {
        assert_eq!(
            widened("بفضل هدفي يزن النعيمات وموسى التعمري .", "التعمري"),
            "موسى التعمري"
        );
        assert_eq!(widened("وقال أحمد التعمري إن", "التعمري"), "أحمد التعمري");
        // No given name: the word before stays out.
        assert_eq!(widened("وقال اللاعب التعمري إن", "التعمري"), "التعمري");
    }

    #[test]
    fn an_ordinary_accusative_or_preposition_ending_a_person_is_cut() {
        let text = "وقدم عزت أبو عوف برنامجا جديدا";
        assert_eq!(widened(text, "عزت أبو عوف برنامجا"), "عزت أبو عوف");
        let text = "وطالب جوزيه لإيقاف المباراة";
        assert_eq!(widened(text, "جوزيه لإيقاف"), "جوزيه");
        // Foreign surnames end in `ا` too, on short stems.
        let text = "وسدد كارلوس كوريا كرة";
        assert_eq!(widened(text, "كارلوس كوريا"), "كارلوس كوريا");
    }

    #[test]
    fn a_link_at_the_end_or_before_a_function_word_is_left_alone() {
        assert_eq!(widened("التقى محمد بن", "محمد"), "محمد");
        assert_eq!(widened("زار خالد ابن على", "خالد"), "خالد");
        assert_eq!(widened("زار خالد بن، سالم", "خالد"), "خالد");
    }

    /// The persons `keep_family_names` makes of one tagger person `name` in `text`.
    fn split(text: &str, name: &str) -> Vec<String> {
        let toks = Tokens::new(text);
        let mut ms = vec![RawMention::first_in(text, name, Kind::Person)];
        keep_family_names((&Lexicon::load(), text, &toks), &mut ms);
        ms.iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn a_person_running_over_a_list_is_cut_at_its_conjunction() {
        let text = "وشارك أسامة حسن وعمرو زكي ومحمود فتح الله في المباراة";
        assert_eq!(
            split(text, "أسامة حسن وعمرو زكي ومحمود فتح الله"),
            ["أسامة حسن", "عمرو زكي", "محمود فتح الله"]
        );
        assert_eq!(
            split("التقى شافيز و لوكاشنكو امس", "شافيز و لوكاشنكو"),
            ["شافيز", "لوكاشنكو"]
        );
        // Name words that start with `و`, and a foreign name that is no known word
        // without it, stay.
        let text = "قال محمد ولد عبد العزيز امس";
        assert_eq!(split(text, "محمد ولد عبد العزيز"), ["محمد ولد عبد العزيز"]);
        let text = "على ملعب الحسن واتارا في";
        assert_eq!(split(text, "الحسن واتارا"), ["الحسن واتارا"]);
        // A word that is ordinary whole is no `و` and a word (`وزير`, not `و` + `زير`).
        let text = "قال أحمد وزير باشينيان امس";
        assert_eq!(split(text, "أحمد وزير باشينيان"), ["أحمد وزير باشينيان"]);
        let text = "قال أحمد وقف مصطفى امس";
        assert_eq!(split(text, "أحمد وقف مصطفى"), ["أحمد وقف مصطفى"]);
    }

    #[test]
    fn a_mention_inside_a_widened_name_is_dropped() {
        let text = "استقبل حمد بن عيسى آل خليفة الوفد";
        let toks = Tokens::new(text);
        let at = |what: &str, kind| RawMention::first_in(text, what, kind);
        let mut ms = vec![at("حمد", Kind::Person), at("خليفة", Kind::Place)];
        keep_family_names((&Lexicon::load(), text, &toks), &mut ms);
        assert_eq!(ms.len(), 1);
        assert_eq!(&text[ms[0].start..ms[0].end], "حمد بن عيسى آل خليفة");
    }
}
