//! The attributes the CRF sees for each token: the folded word, its affixes and shape, the
//! punctuation around it, lexicon memberships (gazetteer, given names, title cues,
//! organisation heads), and the same for its neighbours.
//!
//! One function serves training and tagging, so the model always sees what it was trained on:
//! an attribute is emitted as the pieces of its name, which training joins into a string and
//! tagging hashes ([`super::model::AttrHash`]) without building one.
//! No per-token training counts (`name_stats`) are used: they come from the same training
//! splits, and a model would learn to trust them more than they deserve on unseen text.

use super::model::{Part, fnv1a};
use crate::extract::lexicon::{FxMap, Lexicon};
use crate::extract::morph::{ar_find, tr_splits};
use crate::extract::token::{Sep, Tokens};
use Part::Lit as L;

/// Lexicon memberships of one token, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags(u16);

impl Flags {
    const PLACE: u16 = 1;
    const PLACE_STRIPPED: u16 = 1 << 1;
    const PLACE_FIRST: u16 = 1 << 2;
    const GIVEN: u16 = 1 << 3;
    const PERSON_LAST: u16 = 1 << 4;
    const TITLE: u16 = 1 << 5;
    const ORG_HEAD: u16 = 1 << 6;
    const PLACE_CUE: u16 = 1 << 7;
    const DATE_WORD: u16 = 1 << 8;
    const DEMONYM: u16 = 1 << 9;
    const NAMES: [(u16, &'static str); 10] = [
        (Self::PLACE, "pl"),
        (Self::PLACE_STRIPPED, "ps"),
        (Self::PLACE_FIRST, "pf"),
        (Self::GIVEN, "gn"),
        (Self::PERSON_LAST, "pe"),
        (Self::TITLE, "ti"),
        (Self::ORG_HEAD, "or"),
        (Self::PLACE_CUE, "pc"),
        (Self::DATE_WORD, "dw"),
        (Self::DEMONYM, "dm"),
    ];

    /// The memberships of folded key `k` (Arabic keys also tried without proclitics),
    /// looked up in `words`, every lexicon word with its bits ([`Flags::word_table`]).
    pub fn of(lx: &Lexicon, words: &FxMap<String, u16>, k: &str, arabic: bool) -> Flags {
        let bits = words.get(k).copied().unwrap_or(0);
        let is_place = |w: &str| words.get(w).is_some_and(|b| b & Self::PLACE != 0);
        let stripped = bits & Self::PLACE == 0
            && if arabic {
                ar_find(k, |skip, rest| (skip > 0 && is_place(rest)).then_some(())).is_some()
            } else {
                tr_splits(k).any(|s| is_place(&k[..s]))
            };
        let mut f = bits;
        if stripped {
            f |= Self::PLACE_STRIPPED;
        }
        if !arabic && lx.is_demonym(k) {
            f |= Self::DEMONYM;
        }
        Flags(f)
    }

    /// Every word of the lexicons with its membership bits, so that a token takes one
    /// lookup instead of one per list.
    pub fn word_table(lx: &Lexicon) -> FxMap<String, u16> {
        let mut t: FxMap<String, u16> = FxMap::default();
        let mut mark = |words: &mut dyn Iterator<Item = &String>, bit: u16| {
            for w in words {
                *t.entry(w.clone()).or_default() |= bit;
            }
        };
        mark(&mut lx.places.keys(), Self::PLACE);
        mark(&mut lx.place_first.iter(), Self::PLACE_FIRST);
        mark(&mut lx.given.iter(), Self::GIVEN);
        mark(&mut lx.people_last.keys(), Self::PERSON_LAST);
        mark(&mut lx.title_first.iter().chain(&lx.titles), Self::TITLE);
        mark(&mut lx.org_heads.iter(), Self::ORG_HEAD);
        mark(
            &mut lx.place_after.iter().chain(&lx.place_before),
            Self::PLACE_CUE,
        );
        // Every word of every month name (`تشرين`, `الثاني`), folded like keys.
        let month_words: Vec<String> = lx
            .months
            .iter()
            .flat_map(|(name, _)| {
                let key = crate::text::fold_str(name);
                key.split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        mark(&mut lx.weekdays.keys().chain(&month_words), Self::DATE_WORD);
        t
    }

    fn names(self) -> impl Iterator<Item = &'static str> {
        Self::NAMES
            .into_iter()
            .filter(move |(bit, _)| self.0 & bit != 0)
            .map(|(_, n)| n)
    }
}

/// What a token looks like: `Xx`, `XX`, `x`, `d` (digits), `a` (Arabic), `m` (mixed).
fn shape(word: &str, arabic: bool) -> &'static str {
    if arabic {
        return "a";
    }
    let mut chars = word.chars().filter(|c| c.is_alphanumeric());
    let Some(first) = chars.next() else {
        return "m";
    };
    let rest: Vec<char> = chars.collect();
    if first.is_ascii_digit() {
        return if rest.iter().all(char::is_ascii_digit) {
            "d"
        } else {
            "m"
        };
    }
    let upper_rest = rest.iter().all(|c| c.is_uppercase());
    let lower_rest = rest.iter().all(|c| c.is_lowercase());
    match (first.is_uppercase(), upper_rest, lower_rest) {
        (true, true, _) if !rest.is_empty() => "XX",
        (true, _, true) => "Xx",
        (false, _, true) => "x",
        _ => "m",
    }
}

/// The first punctuation character of the gap before token `i` (`"`, `(`, `,`), if any.
fn punct_before<'a>(text: &'a str, toks: &Tokens, i: usize) -> &'a str {
    let from = if i == 0 { 0 } else { toks.toks[i - 1].end() };
    gap_punct(&text[from..toks.toks[i].start()])
}

fn gap_punct(gap: &str) -> &str {
    let g = gap.trim_matches(char::is_whitespace);
    match g.chars().next() {
        Some(c) => &g[..c.len_utf8()],
        None => "",
    }
}

/// Per-token facts, from which the attributes are built: key hashes up front, lexicon
/// memberships on first use (a tagger with cached word scores rarely needs them).
pub struct Context<'a> {
    lx: &'a Lexicon,
    words: &'a FxMap<String, u16>,
    text: &'a str,
    toks: &'a Tokens,
    flags: Vec<std::cell::OnceCell<Flags>>,
    /// Hash of each token's key, reused by its neighbours.
    key_hash: Vec<u64>,
}

impl<'a> Context<'a> {
    /// The context of `text`, looking words up in `words` ([`Flags::word_table`]).
    pub fn new(
        lx: &'a Lexicon,
        words: &'a FxMap<String, u16>,
        text: &'a str,
        toks: &'a Tokens,
    ) -> Context<'a> {
        Context {
            lx,
            words,
            text,
            toks,
            flags: vec![std::cell::OnceCell::new(); toks.len()],
            key_hash: (0..toks.len()).map(|i| fnv1a(toks.key(i))).collect(),
        }
    }

    fn flags(&self, i: usize) -> Flags {
        *self.flags[i].get_or_init(|| {
            Flags::of(
                self.lx,
                self.words,
                self.toks.key(i),
                self.toks.toks[i].arabic,
            )
        })
    }

    fn key(&self, i: usize) -> Part<'a> {
        Part::Known(self.toks.key(i), self.key_hash[i])
    }

    fn stem(&self, i: usize) -> Part<'a> {
        Part::Lit(arabic_stem(self.toks.key(i)))
    }

    fn word(&self, i: usize) -> &'a str {
        let t = &self.toks.toks[i];
        &self.text[t.start()..t.stem_end()]
    }

    /// Emits the attributes of token `i` inside the segment `seg` (a range of token
    /// indices) to `add`, each as the pieces of its name (`w=` and the key): the word's
    /// own, those of its neighbours, and those of its place in the text.
    pub fn attributes(
        &self,
        i: usize,
        seg: &std::ops::Range<usize>,
        add: &mut impl FnMut(&[Part<'_>]),
    ) {
        self.word_attrs(i, add);
        for d in NEAR {
            if let Some(j) = neighbour(i, d, seg) {
                self.neighbour_attrs(j, d, add);
            }
        }
        self.context_attrs(i, seg, add);
    }

    /// True when token `i`'s word and neighbour attributes depend on its key alone, so a
    /// tagger may compute them once per distinct word.
    pub fn keyed(&self, i: usize) -> bool {
        let t = &self.toks.toks[i];
        t.arabic && !t.has_suffix()
    }

    /// The attributes of token `i` itself: word, stem, affixes, shape, length, suffix and
    /// lexicon memberships.
    pub fn word_attrs(&self, i: usize, add: &mut impl FnMut(&[Part<'_>])) {
        let t = &self.toks.toks[i];
        let k = self.toks.key(i);
        add(&[L("w="), self.key(i)]);
        let stem = if t.arabic { arabic_stem(k) } else { k };
        if stem.len() != k.len() {
            add(&[L("st="), self.stem(i)]);
        }
        let nchars = stem.chars().count();
        let prefix_end = |n: usize| stem.char_indices().nth(n).map_or(stem.len(), |(b, _)| b);
        let suffix_start = |n: usize| stem.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b);
        for (n, p, s) in [(2usize, "p2=", "s2="), (3, "p3=", "s3="), (4, "p4=", "s4=")] {
            if nchars > n {
                add(&[L(p), L(&stem[..prefix_end(n)])]);
                add(&[L(s), L(&stem[suffix_start(n)..])]);
            }
        }
        add(&[L("sh="), L(shape(self.word(i), t.arabic))]);
        const LENS: [&str; 9] = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];
        add(&[L("len="), L(LENS[nchars.min(8)])]);
        if t.has_suffix() {
            // The suffix after the apostrophe, folded like keys are.
            let sfx = self.text[t.stem_end()..t.end()]
                .chars()
                .skip(1)
                .collect::<String>();
            add(&[L("sfx="), L(&crate::text::fold_str(&sfx))]);
        }
        for f in self.flags(i).names() {
            add(&[L("L="), L(f)]);
        }
    }

    /// The attributes token `j` gives the token `d` places before it (`w-1=`, `st-1=`,
    /// and for next-door neighbours shape and lexicon memberships).
    pub fn neighbour_attrs(&self, j: usize, d: isize, add: &mut impl FnMut(&[Part<'_>])) {
        let (w, st, sh, l) = match d {
            -2 => ("w-2=", "st-2=", "", ""),
            -1 => ("w-1=", "st-1=", "sh-1=", "L-1="),
            1 => ("w+1=", "st+1=", "sh+1=", "L+1="),
            _ => ("w+2=", "st+2=", "", ""),
        };
        let nk = self.toks.key(j);
        let nt = &self.toks.toks[j];
        add(&[L(w), self.key(j)]);
        if nt.arabic && arabic_stem(nk).len() != nk.len() {
            add(&[L(st), self.stem(j)]);
        }
        if !sh.is_empty() {
            add(&[L(sh), L(shape(self.word(j), nt.arabic))]);
            for f in self.flags(j).names() {
                add(&[L(l), L(f)]);
            }
        }
    }

    /// The attributes of token `i`'s place: separators and punctuation around it, the
    /// segment's ends, missing neighbours, and the word pairs it forms.
    pub fn context_attrs(
        &self,
        i: usize,
        seg: &std::ops::Range<usize>,
        add: &mut impl FnMut(&[Part<'_>]),
    ) {
        let t = &self.toks.toks[i];
        add(&[L("sep="), L(sep_code(t.sep))]);
        let pu = punct_before(self.text, self.toks, i);
        if !pu.is_empty() {
            add(&[L("pu="), L(pu)]);
        }
        let after = match self.toks.toks.get(i + 1) {
            Some(n) => gap_punct(&self.text[t.end()..n.start()]),
            None => "",
        };
        if !after.is_empty() {
            add(&[L("pa="), L(after)]);
        }
        if i == seg.start {
            add(&[L("bos")]);
        }
        if i + 1 == seg.end {
            add(&[L("eos")]);
        }
        for (d, w) in NEAR.into_iter().zip(["w-2=", "w-1=", "w+1=", "w+2="]) {
            if neighbour(i, d, seg).is_none() {
                add(&[L(w), L("_")]);
            }
        }
        if let Some(j) = neighbour(i, -1, seg) {
            add(&[L("b-1="), self.key(j), L("|"), self.key(i)]);
        }
        if let Some(j) = neighbour(i, 1, seg) {
            add(&[L("b+1="), self.key(i), L("|"), self.key(j)]);
        }
    }
}

/// The neighbour offsets the attributes look at.
pub const NEAR: [isize; 4] = [-2, -1, 1, 2];

/// The token `d` places from `i`, if it is inside `seg`.
pub fn neighbour(i: usize, d: isize, seg: &std::ops::Range<usize>) -> Option<usize> {
    let j = i.checked_add_signed(d)?;
    seg.contains(&j).then_some(j)
}

/// A folded Arabic word without its proclitics and article (`والرياض` -> `رياض`), when at
/// least three letters remain.
fn arabic_stem(k: &str) -> &str {
    let mut s = k;
    for set in [&['و', 'ف'][..], &['ب', 'ل', 'ك'][..]] {
        if let Some(rest) = s.strip_prefix(set)
            && rest.chars().count() >= 3
        {
            s = rest;
        }
    }
    match s
        .strip_prefix("ال")
        .or_else(|| s.strip_prefix('ل').filter(|_| k.starts_with("لل")))
    {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => s,
    }
}

fn sep_code(sep: Sep) -> &'static str {
    match sep {
        Sep::Start => "S",
        Sep::Space => "_",
        Sep::Line => "L",
        Sep::Hyphen => "H",
        Sep::Dot => "D",
        Sep::Punct => "P",
    }
}

/// Splits the tokens into sequences the model tags one at a time: a sequence ends at a
/// sentence end (`.`, `!`, `?`, `؟`, a line break), where the script changes, or after
/// `max` tokens (so one enormous line costs linear time).
pub fn segments(text: &str, toks: &Tokens, max: usize) -> Vec<std::ops::Range<usize>> {
    segments_lazily(text, toks, max).collect()
}

/// [`segments`] one at a time: a long text of short segments (its script changing every
/// few words) made more of them than the text has bytes.
pub fn segments_lazily<'a>(
    text: &'a str,
    toks: &'a Tokens,
    max: usize,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + 1 < toks.len() {
            i += 1;
            let (p, t) = (&toks.toks[i - 1], &toks.toks[i]);
            let gap = &text[p.end()..t.start()];
            // A dot ends a sentence unless it closes a short capitalised abbreviation (`St.`).
            let abbreviation = t.sep == Sep::Dot && p.cap && p.end() - p.start() <= 3;
            let ends = gap.contains(['.', '!', '?', '؟', '\n'])
                && !(abbreviation || t.sep == Sep::Hyphen)
                || p.arabic != t.arabic && !(p.digits || t.digits)
                || i - start >= max;
            if ends {
                let seg = start..i;
                start = i;
                return Some(seg);
            }
        }
        (start < toks.len()).then(|| {
            let seg = start..toks.len();
            start = toks.len();
            seg
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_stems() {
        assert_eq!(arabic_stem("والرياض"), "رياض");
        assert_eq!(arabic_stem("بايهود"), "ايهود");
        assert_eq!(arabic_stem("للعراق"), "عراق");
        assert_eq!(arabic_stem("لبنان"), "بنان");
        assert_eq!(arabic_stem("علي"), "علي");
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Ankara", false), "Xx");
        assert_eq!(shape("NATO", false), "XX");
        assert_eq!(shape("İstanbul", false), "Xx");
        assert_eq!(shape("dün", false), "x");
        assert_eq!(shape("2020", false), "d");
        assert_eq!(shape("لافروف", true), "a");
    }

    #[test]
    fn segments_split_at_sentences_and_scripts() {
        let text = "Lavrov Ankara'da. Dün geldi لافروف قال\nyeni";
        let toks = Tokens::new(text);
        let segs = segments(text, &toks, 100);
        assert_eq!(segs, vec![0..2, 2..4, 4..6, 6..7]);
        let long = segments(text, &toks, 3);
        assert!(long.iter().all(|s| s.len() <= 3));
    }

    #[test]
    fn flags_see_places_through_suffixes_and_clitics() {
        let lx = Lexicon::load();
        let words = Flags::word_table(&lx);
        let f = Flags::of(&lx, &words, "rusyadan", false);
        assert!(f.names().any(|n| n == "ps"), "{f:?}");
        let f = Flags::of(&lx, &words, &crate::text::fold_str("وتركيا"), true);
        assert!(f.names().any(|n| n == "ps"), "{f:?}");
        let f = Flags::of(&lx, &words, "ankara", false);
        assert!(f.names().any(|n| n == "pl"));
    }
}
