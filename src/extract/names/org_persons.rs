//! Turkish tagger persons that name an organisation by what the sentence says of them: the
//! tagger reads an Arabic-looking name (`El-Nusra`, `El-Şebab`) as a person, since most such
//! names it was trained on are people's (`El-Bağdadi`), where the words around tell a group.
//!
//! Two signs, both from the grammar rather than from a list of names:
//! - a bare name right before a lowercase noun of membership or leadership in a compound
//!   (`El-Şebab militanları`, `Hamas sözcüsü`): a person's name before such a noun takes the
//!   genitive (`Erdoğan'ın sözcüsü`), and a bare person's name heads other compounds
//!   (`Trump yönetimi`, `Esad güçleri`), which is why the nouns are these few;
//! - a one-word name joined by `ve` / `veya` to a name the tagger calls an organisation
//!   (`DAEŞ ve El-Nusra'nın kontrolündeki bölgeler`), unless the name is a known person's or
//!   opens with a given name.
//!
//! A name found so is an organisation in the whole text: its other mentions, known by their
//! last word, are no persons either (`El-Nusra tarafından kontrol edilen`).

use crate::extract::lexicon::Lexicon;
use crate::extract::token::{Sep, Tokens};
use crate::extract::{Kind, RawMention};

/// Nouns of membership and leadership (folded stems) that follow a group's bare name in a
/// compound, with their possessive and case endings: `militanları`, `savaşçılarının`,
/// `mensupları`, `üyeleri`, `örgütü`, `hücresi`, `lideri`, `liderliğindeki`, `sözcüsü`.
const MEMBER_NOUNS: &[&str] = &[
    "militan", "savasci", "mensup", "mensub", "uye", "orgut", "hucre", "lider", "sozcu",
];

/// Words that join two names of one kind in a list.
const AND: &[&str] = &["ve", "veya"];

/// Drops from `mentions` (the Turkish tagger's) the persons that name an organisation and
/// adds their spans to `orgs`, so that no other source fills them.
pub fn drop_organisation_persons(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    orgs: &mut Vec<(usize, usize)>,
    mentions: &mut Vec<RawMention>,
) {
    // Groups by their last word: the tagger may take the article apart (`El-` `Nusra`) or a
    // capitalised word before it (`Muhalefet El-Nusra`) in another mention.
    let mut groups: Vec<&str> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == Kind::Person) {
        let Some((first, last)) = super::tidy_tr::token_range(toks, m) else {
            continue;
        };
        let first = with_article(toks, first);
        let member = before_member_noun(toks, last);
        let listed = || one_word(toks, first, last) && listed_with_org(toks, orgs, first, last);
        if (member || listed()) && !known_or_given(lx, text, toks, m, first) {
            groups.push(toks.key(last));
        }
    }
    if groups.is_empty() {
        return;
    }
    let last_word = |m: &RawMention| super::tidy_tr::token_range(toks, m).map(|(_, l)| toks.key(l));
    mentions.retain(|m| {
        let group = m.kind == Kind::Person && last_word(m).is_some_and(|k| groups.contains(&k));
        if group {
            orgs.push((m.start, m.end));
        }
        !group
    });
}

/// True when the name ending at token `last` stands bare (no apostrophe suffix) right before
/// a lowercase member noun on the same line.
fn before_member_noun(toks: &Tokens, last: usize) -> bool {
    let Some(next) = toks.toks.get(last + 1) else {
        return false;
    };
    next.sep == Sep::Space
        && !next.cap
        && !toks.toks[last].has_suffix()
        && MEMBER_NOUNS.iter().any(|noun| {
            let key = toks.key(last + 1);
            key.strip_prefix(noun).is_some_and(possessive)
        })
}

/// True when a noun's folded ending holds the third person's possessive, as the head of a
/// compound does (`-ları`, `-si`, `-liği`, and a case after it): `militanları`, not
/// `militanlarla` ("with militants") or `militanlar`.
fn possessive(ending: &str) -> bool {
    let mut rest = ending;
    for group in [
        &["lar", "ler"][..],
        &["lig", "lug", "lik", "luk"][..],
        &["s"][..],
    ] {
        if let Some(r) = group.iter().find_map(|p| rest.strip_prefix(p)) {
            rest = r;
        }
    }
    rest.starts_with('i') || rest.starts_with('u')
}

/// The first token of the hyphenated word token `first` ends (`El-Nusra` for `Nusra`).
fn with_article(toks: &Tokens, mut first: usize) -> usize {
    while first > 0 && toks.toks[first].sep == Sep::Hyphen {
        first -= 1;
    }
    first
}

/// True when `first..=last` is one word, or an `El-`-style word pair joined by a hyphen.
fn one_word(toks: &Tokens, first: usize, last: usize) -> bool {
    (first + 1..=last).all(|i| toks.toks[i].sep == Sep::Hyphen)
}

/// True when `ve` or `veya` joins the name to an organisation span just before or after it.
fn listed_with_org(toks: &Tokens, orgs: &[(usize, usize)], first: usize, last: usize) -> bool {
    let and = |i: usize| toks.toks.get(i).is_some_and(|t| !t.cap) && AND.contains(&toks.key(i));
    let org_ends_at = |i: usize| {
        let t = &toks.toks[i];
        orgs.iter().any(|&(_, e)| e == t.stem_end())
    };
    let org_starts_at = |i: usize| {
        toks.toks
            .get(i)
            .is_some_and(|t| orgs.iter().any(|&(s, _)| s == t.start()))
    };
    let before = first >= 2 && and(first - 1) && org_ends_at(first - 2);
    let after = !toks.toks[last].has_suffix() && and(last + 1) && org_starts_at(last + 2);
    before || after
}

/// True when the lexicon knows the name as a person's (whole, or by its last word: `Putin`),
/// or it opens with a given name.
fn known_or_given(lx: &Lexicon, text: &str, toks: &Tokens, m: &RawMention, first: usize) -> bool {
    crate::extract::blend::lexicon_person((lx, text, toks), m, &mut String::new())
        || lx.given.contains(toks.key(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persons_left(text: &str, names: &[&str], orgs: &[&str]) -> Vec<String> {
        let lx = Lexicon::load();
        let toks = Tokens::new(text);
        let at = |name: &str| {
            text.match_indices(name)
                .map(|(i, _)| (i, i + name.len()))
                .collect::<Vec<_>>()
        };
        let mut mentions: Vec<RawMention> = names
            .iter()
            .flat_map(|n| at(n))
            .map(|(s, e)| RawMention::new(s, e, Kind::Person))
            .collect();
        let mut org_spans: Vec<(usize, usize)> = orgs.iter().flat_map(|o| at(o)).collect();
        drop_organisation_persons((&lx, text, &toks), &mut org_spans, &mut mentions);
        mentions
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    #[test]
    fn a_name_before_a_member_noun_is_a_group_in_the_whole_text() {
        let text = "El-Şebab militanları saldırdı. Sonra El-Şebab çekildi. Hamas sözcüsü konuştu.";
        assert!(persons_left(text, &["El-Şebab", "Hamas"], &[]).is_empty());
    }

    #[test]
    fn a_person_before_a_genitive_or_another_compound_stays() {
        let text =
            "Erdoğan'ın sözcüsü konuştu. Hafter güçleri ilerledi. Zorlu militanlarla görüştü.";
        let left = persons_left(text, &["Erdoğan", "Hafter", "Zorlu"], &[]);
        assert_eq!(left, ["Erdoğan", "Hafter", "Zorlu"]);
    }

    #[test]
    fn a_one_word_name_listed_with_an_organisation_is_one() {
        let text =
            "Lavrov, \"DAEŞ ve El-\nNusra'nın kontrolündeki bölgeler\" dedi. El-Nusra tarafından";
        assert_eq!(
            persons_left(text, &["Lavrov", "El-\nNusra", "El-Nusra"], &["DAEŞ"]),
            ["Lavrov"]
        );
    }

    #[test]
    fn a_given_name_or_a_known_person_listed_with_an_organisation_stays() {
        let text = "Kemal ve CHP yönetimi ile Putin ve NATO konuştu.";
        let left = persons_left(text, &["Kemal", "Putin"], &["CHP", "NATO"]);
        assert_eq!(left, ["Kemal", "Putin"]);
    }
}
