//! Folded person names known to be people ([`KnownPeople`]): learned from one document's
//! mentions or a corpus's, and marked again at the tokens that name them elsewhere.

use super::doc_people::{ArabicName, arabic_names, repeat_arabic_persons};
use super::lexicon::{FxMap, FxSet, Lexicon};
use super::morph::{ar_find, tr_splits};
use super::names::{AR_COMPOUND_SECONDS, AR_FAMILY_LINKS, orig_len};
use super::token::Tokens;
use super::{Kind, RawMention};
use crate::text::fold_str;

/// True when the last of a name's folded `words` is no surname to spread alone: it follows
/// a family link (the word names a father or a family, not the person alone: `حسين بن طلال`,
/// `حمد بن عيسى آل خليفة`), or it ends a compound given name.
fn arabic_not_a_surname(words: &[&str]) -> bool {
    let n = words.len();
    AR_COMPOUND_SECONDS.contains(&words[n - 1]) || n >= 2 && AR_FAMILY_LINKS.contains(&words[n - 2])
}

/// Folded person names (full names and surnames) known to be people.
#[derive(Debug, Clone, Default)]
pub struct KnownPeople {
    /// Full names, words joined by spaces.
    keys: FxSet<String>,
    /// Last words of multi-word names, with the number of documents naming them so.
    lasts: FxMap<String, u32>,
    /// The Arabic persons of the one document the set was made for
    /// ([`KnownPeople::of_document`]), looked for again in that document
    /// ([`super::doc_people`]); never carried to other documents by [`KnownPeople::merge`].
    arabic: Vec<ArabicName>,
}

impl KnownPeople {
    /// The people among `ms`, with their last words.
    pub fn from_mentions(text: &str, ms: &[RawMention]) -> KnownPeople {
        let mut keys = FxSet::default();
        let mut lasts = FxMap::default();
        for m in ms.iter().filter(|m| m.kind == Kind::Person) {
            let key = fold_str(&text[m.start..m.end]);
            let words: Vec<&str> = key
                .split([' ', '-', '\n'])
                .filter(|w| !w.is_empty())
                .collect();
            if words.len() >= 2 {
                if let Some(last) = words
                    .last()
                    .filter(|w| w.chars().count() >= 3 && !arabic_not_a_surname(&words))
                {
                    lasts.insert((*last).to_string(), 1);
                }
                keys.insert(words.join(" "));
            }
        }
        KnownPeople {
            keys,
            lasts,
            arabic: Vec::new(),
        }
    }

    /// [`KnownPeople::from_mentions`] of one document's mentions, with its Arabic persons
    /// to look for again in that document ([`super::doc_people`]): the set a document is
    /// read with, where the former is what it teaches the rest of the corpus.
    pub fn of_document(text: &str, ms: &[RawMention]) -> KnownPeople {
        KnownPeople {
            arabic: arabic_names(text, ms),
            ..KnownPeople::from_mentions(text, ms)
        }
    }

    /// Adds another document's set (its people, not the names it looks for in itself).
    pub fn merge(&mut self, other: KnownPeople) {
        self.keys.extend(other.keys);
        for (k, n) in other.lasts {
            *self.lasts.entry(k).or_default() += n;
        }
    }

    /// The set to spread across a corpus: a lone surname that is also an ordinary word
    /// (`Kaya`, `Güneş`) stays only where two documents or the lexicon name the person,
    /// since one wrong multi-word reading would otherwise make it a person everywhere.
    /// An Arabic word is ordinary when the training splits read it more often as no name
    /// (`دين` of `جيمس دين`) or Hunspell lists it (`ordinary_ar.txt`): Arabic has no capitals.
    pub fn corpus_wide(mut self, lx: &Lexicon) -> KnownPeople {
        let ordinary =
            |k: &str| lx.ordinary_tr.contains(k) || super::ordinary_ar::ordinary_name_word(lx, k);
        self.lasts
            .retain(|k, n| *n >= 2 || !ordinary(k) || lx.people_last.contains_key(k));
        self
    }

    /// Marks tokens not yet in a mention that match a known person.
    pub fn apply(&self, lx: &Lexicon, text: &str, toks: &Tokens, out: &mut Vec<RawMention>) {
        repeat_arabic_persons(lx, &self.arabic, toks, out);
        if self.keys.is_empty() && self.lasts.is_empty() {
            return;
        }
        out.sort_by_key(|m| m.start);
        let mut added = Vec::new();
        let mut b = 0;
        for (i, t) in toks.toks.iter().enumerate() {
            while b < out.len() && out[b].end <= t.start() {
                b += 1;
            }
            if b < out.len() && out[b].start < t.end() {
                continue;
            }
            if !t.arabic && !t.cap {
                continue;
            }
            if let Some((s, e)) = self.match_token(lx, text, toks, i) {
                let free_before = b == 0 || i > 0 && out[b - 1].end <= toks.toks[i - 1].start();
                let s = if !t.arabic && free_before && self.full_name_before(toks, i) {
                    toks.toks[i - 1].start()
                } else {
                    s
                };
                added.push(RawMention {
                    start: s,
                    end: e,
                    kind: Kind::Person,
                    value: None,
                    canonical: None,
                });
            }
        }
        super::names::widen_where_free((lx, text, toks), &mut added, out);
        out.extend(added);
        out.sort_by_key(|m| (m.start, m.end));
    }

    /// True when token `i - 1` and `i` together are a known full name (`Helmut` before a
    /// known `Kohl` that a quote kept from its title).
    fn full_name_before(&self, toks: &Tokens, i: usize) -> bool {
        if i == 0 || !toks.joined(i - 1) || !toks.toks[i - 1].cap {
            return false;
        }
        let pair = format!("{} {}", toks.key(i - 1), toks.key(i));
        self.keys.contains(&pair)
    }

    /// The bytes of token `i` that name a known person (the word, or its stem before a
    /// Turkish suffix or after Arabic proclitics), unless the word is refused as one
    /// ([`refused`]).
    fn match_token(
        &self,
        lx: &Lexicon,
        text: &str,
        toks: &Tokens,
        i: usize,
    ) -> Option<(usize, usize)> {
        // The word's forms are looked up first: most tokens name no known person, and the
        // refusals' several lookups are then not made for them.
        let hit = self.known_form((lx, text, toks), i)?;
        (!refused(lx, text, toks, i)).then_some(hit)
    }

    /// The bytes of token `i` whose fold is a known last word.
    fn known_form(
        &self,
        (lx, text, toks): (&Lexicon, &str, &Tokens),
        i: usize,
    ) -> Option<(usize, usize)> {
        if self.lasts.is_empty() {
            return None;
        }
        let t = &toks.toks[i];
        let key = toks.key(i);
        // A word that is mostly something else is only a person where a rule says so.
        let known = |k: &str| self.lasts.contains_key(k) && !lx.stat(k).common();
        if t.arabic {
            if !super::names::has_clitic(key) {
                return known(key).then_some((t.start(), t.end()));
            }
            return ar_find(key, |skip, k| known(k).then_some(skip))
                .map(|skip| (t.start() + skip, t.end()));
        }
        if known(key) {
            return Some((t.start(), t.stem_end()));
        }
        if t.has_suffix() {
            return None;
        }
        let s = tr_splits(key).find(|&s| known(&key[..s]))?;
        Some((
            t.start(),
            t.start() + orig_len(&text[t.start()..t.end()], s),
        ))
    }
}

/// True when token `i` is no person's name, whatever a document taught: a title, an
/// organisation head or a word before one, an Arabic function word, or a Latin acronym
/// (SPD, CHP), place or nationality word (a wrong multi-word reading elsewhere may have
/// taught them).
fn refused(lx: &Lexicon, text: &str, toks: &Tokens, i: usize) -> bool {
    let t = &toks.toks[i];
    let key = toks.key(i);
    if lx.org_heads.contains(key) || lx.titles.contains(key) {
        return true;
    }
    if i + 1 < toks.len() && toks.joined(i) && lx.org_heads.contains(toks.key(i + 1)) {
        return true;
    }
    if t.arabic {
        return super::names::is_function_word(&text[t.start()..t.end()]);
    }
    let surface = &text[t.start()..t.stem_end()];
    let acronym = surface.chars().count() <= 4 && !surface.chars().any(char::is_lowercase);
    acronym || lx.never_a_name(key) || lx.place(key).is_some()
}
