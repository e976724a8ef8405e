//! Document-level consistency for Arabic persons: a name the document reads as a person
//! once is a person where the same words come back in it (`كافو` after `النجم البرازيلي
//! كافو`, `نصر الله` in a heading after `حسن نصر الله`). Arabic has no capitals, so the
//! tagger and the cued rules often read a name at its cue and miss it further on; the
//! corpus-wide spreading ([`super::known_people::KnownPeople`]) only carries the last words of
//! multi-word names, and only ones that are no ordinary words.

use super::lexicon::{FxSet, Lexicon};
use super::morph::ar_find;
use super::names::is_function_word;
use super::ordinary_ar::ordinary_name_word;
use super::token::Tokens;
use super::{Kind, RawMention};
use crate::text::{is_arabic, is_word_char};

/// Most words of a name that is looked for again.
const MAX_WORDS: usize = 4;

/// An Arabic person as its document names it, looked for again in the same document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArabicName {
    /// Its folded words, the first as the mention starts (without a clitic outside it).
    words: Vec<String>,
    /// Whether its first word is a function word (no lone name then).
    function_first: bool,
}

/// The Arabic persons among `ms` (mentions of `text`) of at most [`MAX_WORDS`] words, each
/// once. Each mention is tokenised alone: its words' keys do not depend on what stands
/// around them, and a huge document's persons are gathered from all its pieces this way
/// (`extract::chunked`), so the names looked for do not depend on where it was cut.
pub fn arabic_names(text: &str, ms: &[RawMention]) -> Vec<ArabicName> {
    let mut found: Vec<ArabicName> = Vec::new();
    for m in ms.iter().filter(|m| m.kind == Kind::Person) {
        let Some(mention) = text.get(m.start..m.end) else {
            continue;
        };
        // A mention that opens on a word character of another script opens on a token that
        // is not Arabic (most persons, the Turkish ones): not tokenised to be refused.
        if mention
            .chars()
            .next()
            .is_some_and(|c| is_word_char(c) && !is_arabic(c))
        {
            continue;
        }
        let toks = Tokens::new(mention);
        let n = toks.len();
        if n == 0 || n > MAX_WORDS || !toks.toks.iter().all(|t| t.arabic) {
            continue;
        }
        let Some(first) = mention.get(..toks.toks[0].end()) else {
            continue;
        };
        let mut words = vec![crate::text::fold_str(first)];
        words.extend((1..n).map(|i| toks.key(i).to_string()));
        let name = ArabicName {
            words,
            function_first: is_function_word(first),
        };
        if !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

/// The words of the names worth looking for again: names of two words or more, and single
/// words that are no ordinary word, place, title or organisation head (a last word alone
/// that may be an ordinary word, `صالح` of `علي عبد الله صالح`, lost on the held-out fifth
/// of ANERcorp train: `أمام`).
fn worth_looking_for<'n>(lx: &Lexicon, names: &'n [ArabicName]) -> Vec<&'n [String]> {
    let one_word_ok = |name: &ArabicName, k: &str| {
        k.chars().count() >= 3
            && k.chars().all(char::is_alphabetic)
            && !name.function_first
            && !ordinary_name_word(lx, k)
            && lx.place(k).is_none()
            && !lx.titles.contains(k)
            && !lx.org_heads.contains(k)
    };
    let mut out: Vec<&[String]> = Vec::new();
    for name in names {
        let ok = match name.words.as_slice() {
            [one] => one_word_ok(name, one),
            words => !words.is_empty(),
        };
        if ok && !out.contains(&name.words.as_slice()) {
            out.push(&name.words);
        }
    }
    out
}

/// Adds to `out` (mentions of `toks`) the Arabic persons `names` of its document (see
/// [`arabic_names`]) where their words come back outside any mention, each word whole and
/// the first with or without a proclitic (`ونصر الله`).
pub fn repeat_arabic_persons(
    lx: &Lexicon,
    names: &[ArabicName],
    toks: &Tokens,
    out: &mut Vec<RawMention>,
) {
    let names = worth_looking_for(lx, names);
    if names.is_empty() {
        return;
    }
    let mut taken = vec![false; toks.len()];
    for m in out.iter() {
        let std::ops::Range { start: a, end: b } = toks.covering(m.start, m.end);
        taken[a..b.max(a)].iter_mut().for_each(|t| *t = true);
    }
    // A token is tried against the names only when it (or it without a proclitic) is the
    // first word of one: most are not, and this keeps the pass one lookup a token.
    let firsts: FxSet<&str> = names.iter().map(|w| w[0].as_str()).collect();
    let mut added = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let opens = toks.toks[i].arabic
            && !taken[i]
            && ar_find(toks.key(i), |_, k| firsts.contains(k).then_some(())).is_some();
        if !opens {
            i += 1;
            continue;
        }
        let hit = names.iter().find_map(|words| {
            let n = words.len();
            let fits = i + n <= toks.len()
                && toks.toks[i].arabic
                && !taken[i..i + n].contains(&true)
                && (i..i + n - 1).all(|j| toks.joined(j))
                && (1..n).all(|k| toks.key(i + k) == words[k]);
            if !fits {
                return None;
            }
            let skip = ar_find(toks.key(i), |skip, k| (k == words[0]).then_some(skip))?;
            Some((skip, n))
        });
        let Some((skip, n)) = hit else {
            i += 1;
            continue;
        };
        // A longer name it begins is another person (`كافو` is not `كافو لوبيز`).
        let longer = toks.joined(i + n - 1)
            && toks.toks.get(i + n).is_some_and(|t| t.arabic)
            && lx.stat(toks.key(i + n)).inside > 0;
        if !longer {
            added.push(RawMention {
                start: toks.toks[i].start() + skip,
                end: toks.toks[i + n - 1].end(),
                kind: Kind::Person,
                value: None,
                canonical: None,
            });
        }
        i += n;
    }
    out.extend(added);
    out.sort_by_key(|m| (m.start, m.end));
}
