//! Turkish persons written with initials or an all-caps surname, as court and police news
//! and death notices write them: `sanıklar H.Y., M.T. ve R.A.`, `Levent A.'nın`,
//! `M. Gürcan Karakaş`, `Prof. Dr. Nermin ÖZBEK`, `Eleni PAPADOPULOS (92)`. The gold
//! conventions of okur news keep the initials' dots inside the span.

use crate::extract::lexicon::Lexicon;
use crate::extract::token::{Sep, Tokens};
use crate::extract::{Kind, RawMention};

use super::bounds::sentence_start;

/// Abbreviations written as initials that name no person (folded letters): `A.Ş.`, `T.C.`,
/// `M.Ö.`, `M.S.`, `İ.Ö.`, `İ.S.`, `A.B.D.`, `K.K.T.C.`, `B.M.`.
const NOT_PEOPLE: &[&str] = &[
    "as", "tc", "mo", "ms", "io", "is", "abd", "kktc", "bm", "ab",
];
/// Most letters in one person's initials.
const MAX_INITIALS: usize = 3;

/// The byte past the dot after token `i` when it is one upper-case Latin letter with a dot
/// right after it (a space before the dot is allowed, as CoNLL renderings write `A .`).
#[inline]
fn initial(text: &str, toks: &Tokens, i: usize) -> Option<usize> {
    let t = toks.toks.get(i)?;
    // An upper-case first letter is the token's `cap`, and one character is at most four
    // bytes: most words are ruled out before reading any.
    if !t.cap || t.end() - t.start() > 4 {
        return None;
    }
    let word = &text[t.start()..t.end()];
    let mut chars = word.chars();
    let c = chars.next()?;
    if chars.next().is_some() || !c.is_uppercase() || t.arabic {
        return None;
    }
    let rest = &text[t.end()..];
    let skip = usize::from(rest.starts_with(' '));
    rest[skip..].starts_with('.').then(|| t.end() + skip + 1)
}

/// The run of initials from token `i` (`H.Y.`, `R . A .`): its last token and end byte.
fn initials_from(text: &str, toks: &Tokens, i: usize) -> Option<(usize, usize)> {
    let mut end = initial(text, toks, i)?;
    let mut last = i;
    while last + 1 - i < MAX_INITIALS {
        let next = last + 1;
        let Some(t) = toks.toks.get(next) else { break };
        let gap = &text[end..t.start()];
        if gap.len() > 1 || gap.contains('\n') {
            break;
        }
        let Some(e) = initial(text, toks, next) else {
            break;
        };
        (last, end) = (next, e);
    }
    Some((last, end))
}

/// True when a span covering `s..e` is in `out`.
fn taken(out: &[RawMention], s: usize, e: usize) -> bool {
    out.iter().any(|m| m.start < e && s < m.end)
}

/// Standalone initials of two letters or more are a person, unless they follow a
/// capitalised word (`Erciyes A.Ş.`) or are a known abbreviation.
fn add_initials(text: &str, toks: &Tokens, out: &mut Vec<RawMention>) {
    let mut i = 0;
    while i < toks.len() {
        // An initial is capitalised: the flag, read here, spares most tokens a call (the
        // compiler does not inline `initials_from`).
        let found = toks.toks[i]
            .cap
            .then(|| initials_from(text, toks, i))
            .flatten();
        let Some((last, end)) = found else {
            i += 1;
            continue;
        };
        let letters: String = (i..=last).map(|j| toks.key(j)).collect();
        let after_name = i > 0
            && toks.toks[i - 1].cap
            && toks.joined(i - 1)
            && !sentence_start(text, toks, i - 1);
        let start = toks.toks[i].start();
        if last > i
            && !after_name
            && !NOT_PEOPLE.contains(&letters.as_str())
            && !taken(out, start, end)
        {
            out.push(RawMention::new(start, end, Kind::Person));
        }
        i = last + 1;
    }
}

/// The token a mention ends on, when it ends at that token's stem.
fn last_token(toks: &Tokens, m: &RawMention) -> Option<usize> {
    let j = toks.covering(m.start, m.end).end.checked_sub(1)?;
    (toks.toks[j].stem_end() == m.end).then_some(j)
}

/// True when token `i` is an all-caps Latin word that may be a surname (`ÖZBEK`,
/// `SABBAĞ`): a nationality is no obstacle here (`Özbek`), but an acronym is (`CHP`,
/// `TBMM`), told by its fewer than two vowels.
fn caps_surname(lx: &Lexicon, text: &str, toks: &Tokens, i: usize) -> bool {
    let Some(t) = toks.toks.get(i) else {
        return false;
    };
    let word = &text[t.start()..t.stem_end()];
    let k = toks.key(i);
    all_caps(text, toks, i)
        && !t.digits
        && word.chars().count() >= 3
        && k.chars().filter(|c| "aeiou".contains(*c)).count() >= 2
        && !lx.is_title_first(k)
        && !lx.is_org_head_tr(k)
        && !lx.function_words.contains(k)
        // `ABD'li` after a name is where the person is from.
        && lx.place(k).is_none()
}

/// True when token `i` is a given name written in ordinary case (`Nermin`, not `NERMİN`).
fn given_name(lx: &Lexicon, text: &str, toks: &Tokens, i: usize) -> bool {
    let t = &toks.toks[i];
    let word = &text[t.start()..t.stem_end()];
    t.cap
        && !t.arabic
        && !t.has_suffix()
        && word.chars().skip(1).any(char::is_lowercase)
        && lx.given.contains(toks.key(i))
}

/// True when token `i` may be a given name before an all-caps surname: a known one, or
/// mid-sentence a capitalised word that is no ordinary word, place or title (`terzisi
/// Eleni PAPADOPULOS`).
fn name_before_caps(lx: &Lexicon, text: &str, toks: &Tokens, i: usize) -> bool {
    if given_name(lx, text, toks, i) {
        return true;
    }
    let t = &toks.toks[i];
    let k = toks.key(i);
    let word = &text[t.start()..t.stem_end()];
    t.cap
        && !t.arabic
        && !t.has_suffix()
        && word.chars().skip(1).any(char::is_lowercase)
        && !sentence_start(text, toks, i)
        && !lx.ordinary_tr.contains(k)
        && lx.place(k).is_none()
        && !lx.is_title_first(k)
        && !lx.is_org_head_tr(k)
        && !lx.never_a_name(k)
}

/// Grows each person over an all-caps surname after it (`Nermin` + `ÖZBEK`), a given name
/// before its all-caps surname (`Nadide` + `SABBAĞ`) and initials on either side (`Levent
/// A.`, `M. Gürcan Karakaş`).
fn grow(lx: &Lexicon, text: &str, toks: &Tokens, m: &mut RawMention) {
    // Tokens are in order of their starts: found by halving, not by a scan from the first
    // (a scan per person made a long text's persons cost its tokens times their number).
    let first = toks.toks.partition_point(|t| t.start() < m.start);
    if toks.toks.get(first).is_none_or(|t| t.start() != m.start) {
        return;
    }
    // A person the tagger read as a bare letter or ending in one takes the initials' dots
    // (`R` of `R.A.`, `Levent A` of `Levent A.`).
    if let Some((_, end)) = initials_from(text, toks, first)
        && m.end < end
    {
        m.end = end;
    }
    if let Some(j) = last_token(toks, m)
        && j > first
        && let Some(e) = initial(text, toks, j)
    {
        m.end = e;
    }
    if let Some(j) = last_token(toks, m) {
        let space = toks.toks.get(j + 1).is_some_and(|t| t.sep == Sep::Space);
        let named = given_name(lx, text, toks, j);
        if space && named && caps_surname(lx, text, toks, j + 1) {
            m.end = toks.toks[j + 1].stem_end();
        } else if space && !toks.toks[j].has_suffix() {
            // `Levent A.` but not `Ayşe N. Bozkurt`, where the initial is a middle name
            // the tagger sees on its own.
            if let Some(e) = initial(text, toks, j + 1)
                && !toks
                    .toks
                    .get(j + 2)
                    .is_some_and(|t| t.cap && t.sep == Sep::Dot)
            {
                m.end = e;
            }
        }
    }
    if first > 0 {
        let p = first - 1;
        let caps_after_given = toks.toks[first].sep == Sep::Space
            && caps_surname(lx, text, toks, first)
            && given_name(lx, text, toks, p);
        // `M. Gürcan Karakaş`, `Dr. A. Rıza`.
        let initial_before = toks.toks[first].sep == Sep::Dot && initial(text, toks, p).is_some();
        if caps_after_given || initial_before {
            m.start = toks.toks[p].start();
        }
    }
}

/// Persons by initials and all-caps surnames (see the module's doc), Latin only.
pub fn apply((lx, text, toks): (&Lexicon, &str, &Tokens), out: &mut Vec<RawMention>) {
    for m in out.iter_mut().filter(|m| m.kind == Kind::Person) {
        if crate::text::starts_arabic(&text[m.start..]) {
            continue;
        }
        grow(lx, text, toks, m);
    }
    // A grown person may now cover another mention: the person keeps the words.
    let persons = Reach::of_persons(out);
    out.retain(|m| m.kind == Kind::Person || m.kind == Kind::Date || !persons.overlaps(m));
    // Persons that a grown one now overlaps give way to it.
    out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut reach = 0;
    out.retain(|m| {
        if m.kind == Kind::Person && m.start < reach {
            return false;
        }
        if m.kind == Kind::Person {
            reach = reach.max(m.end);
        }
        true
    });
    add_initials(text, toks, out);
    add_caps_people(lx, text, toks, out);
}

/// The persons' spans by start, with the furthest end reached by each and those before it:
/// whether a mention overlaps a person is one search, not a pass over them all (which made
/// a text's mentions cost their number times its persons).
struct Reach {
    /// (start, furthest end of the persons up to this one), by start.
    spans: Vec<(usize, usize)>,
}

impl Reach {
    fn of_persons(out: &[RawMention]) -> Reach {
        let mut spans: Vec<(usize, usize)> = out
            .iter()
            .filter(|m| m.kind == Kind::Person)
            .map(|m| (m.start, m.end))
            .collect();
        spans.sort_unstable();
        let mut reach = 0;
        for s in &mut spans {
            reach = reach.max(s.1);
            s.1 = reach;
        }
        Reach { spans }
    }

    /// True when `m` overlaps a person: one that starts before `m` ends reaches past its
    /// start.
    fn overlaps(&self, m: &RawMention) -> bool {
        let before = self.spans.partition_point(|&(s, _)| s < m.end);
        before > 0 && self.spans[before - 1].1 > m.start
    }
}

/// True when token `i` is a Latin word written in capitals only: the shape
/// [`caps_surname`] starts from, asked first because it tells most tokens apart before any
/// word is looked up.
fn all_caps(text: &str, toks: &Tokens, i: usize) -> bool {
    // A word in capitals begins with one (`cap`): the flag rules most words out unread.
    toks.toks.get(i).is_some_and(|t| {
        t.cap
            && !t.arabic
            && text[t.start()..t.stem_end()]
                .chars()
                .all(char::is_uppercase)
    })
}

/// A given name before an all-caps surname with no mention on either is a person
/// (`Eleni PAPADOPULOS`).
fn add_caps_people(lx: &Lexicon, text: &str, toks: &Tokens, out: &mut Vec<RawMention>) {
    for i in 0..toks.len().saturating_sub(1) {
        if toks.toks[i + 1].sep != Sep::Space
            || !toks.toks[i + 1].cap
            || !all_caps(text, toks, i + 1)
            || !name_before_caps(lx, text, toks, i)
            || !caps_surname(lx, text, toks, i + 1)
        {
            continue;
        }
        let (s, e) = (toks.toks[i].start(), toks.toks[i + 1].stem_end());
        if !taken(out, s, e) {
            out.push(RawMention::new(s, e, Kind::Person));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::shown;
    use super::*;

    fn person(text: &str, what: &str) -> RawMention {
        RawMention::first_in(text, what, Kind::Person)
    }

    #[test]
    fn initials_are_people_with_their_dots() {
        let lx = Lexicon::load();
        let text = "Sanıklar H.Y., M.T. ve R . A . hakkında dava açıldı. Levent A.'nın \
                    ortağı M. Gürcan Karakaş ile Erciyes A.Ş. ve T.C. vatandaşı.";
        let toks = Tokens::new(text);
        let mut out = vec![
            person(text, "Levent A"),
            person(text, "Gürcan Karakaş"),
            person(text, "M"),
        ];
        apply((&lx, text, &toks), &mut out);
        assert_eq!(
            shown(text, &out),
            [
                "Person H.Y.",
                "Person M.T.",
                "Person R . A .",
                "Person Levent A.",
                "Person M. Gürcan Karakaş",
            ]
        );
    }

    #[test]
    fn overlap_with_persons_is_read_from_the_furthest_reach() {
        let span = |start, end| RawMention::new(start, end, Kind::Place);
        let mut out = vec![
            RawMention::new(0, 30, Kind::Person),
            RawMention::new(5, 8, Kind::Person),
            RawMention::new(40, 45, Kind::Person),
        ];
        out.push(span(20, 25));
        let reach = Reach::of_persons(&out);
        // Inside the first person, though the person starting nearest (5..8) ended before.
        assert!(reach.overlaps(&span(20, 25)));
        assert!(reach.overlaps(&span(44, 50)));
        assert!(!reach.overlaps(&span(30, 40)));
        assert!(!reach.overlaps(&span(45, 60)));
        assert!(!Reach::of_persons(&[span(0, 9)]).overlaps(&span(0, 9)));
    }

    #[test]
    fn all_caps_surnames_join_given_names_but_acronyms_do_not() {
        let lx = Lexicon::load();
        let text = "Dr. Nermin ÖZBEK ve Nadide SABBAĞ ile terzi Eleni PAPADOPULOS vefat \
                    etti. Kurultay CHP için yapıldı. Mehmet ABD'de.";
        let toks = Tokens::new(text);
        let mut out = vec![
            person(text, "Nermin"),
            person(text, "SABBAĞ"),
            person(text, "Kurultay"),
            person(text, "Mehmet"),
            RawMention::first_in(text, "ABD", Kind::Place),
        ];
        apply((&lx, text, &toks), &mut out);
        assert_eq!(
            shown(text, &out),
            [
                "Person Nermin ÖZBEK",
                "Person Nadide SABBAĞ",
                "Person Eleni PAPADOPULOS",
                "Person Kurultay",
                "Person Mehmet",
                "Place ABD",
            ]
        );
    }
}
