//! The attributes the CRF sees for each token: the folded word, its affixes and shape, the
//! punctuation around it, lexicon memberships (gazetteer, given names, title cues,
//! organisation heads), and the same for its neighbours.
//!
//! One function serves training and tagging, so the model always sees what it was trained on:
//! an attribute is emitted as the pieces of its name, which training joins into a string and
//! tagging hashes ([`super::model::AttrHash`]) without building one.
//! No per-token training counts (`name_stats`) are used: they come from the same training
//! splits, and a model would learn to trust them more than they deserve on unseen text.

pub use super::flags::{Flags, WordTable};
use super::model::{AttrSink, Part, fnv1a};
pub use super::segments::{segments, segments_lazily};
use super::shape::{arabic_stem, shape};
use crate::extract::lexicon::Lexicon;
use crate::extract::token::{Sep, Tokens};
use crate::extract::{Kind, RawMention};
use Part::Lit as L;

/// A literal attribute-name part, hashed at compile time.
macro_rules! lit {
    ($s:literal) => {{
        const P: Part<'static> = Part::lit($s);
        P
    }};
}

/// [`shape`] as an attribute-name part, its hash known.
fn shape_part(word: &str, arabic: bool) -> Part<'static> {
    match shape(word, arabic) {
        "a" => lit!("a"),
        "d" => lit!("d"),
        "XX" => lit!("XX"),
        "Xx" => lit!("Xx"),
        "x" => lit!("x"),
        other => Part::Lit(other),
    }
}

/// The first punctuation character of the gap before token `i` (`"`, `(`, `,`), if any.
fn punct_before<'a>(text: &'a str, toks: &Tokens, i: usize) -> &'a str {
    let from = if i == 0 { 0 } else { toks.toks[i - 1].end() };
    gap_punct(&text[from..toks.toks[i].start()])
}

/// The first character of `gap` that is not whitespace, if any: found in one pass from the
/// front (trimming both ends first was most of a tagged token's punctuation cost).
fn gap_punct(gap: &str) -> &str {
    if gap == " " {
        return "";
    }
    match gap.char_indices().find(|&(_, c)| !c.is_whitespace()) {
        Some((at, c)) => &gap[at..at + c.len_utf8()],
        None => "",
    }
}

/// Per-token facts, from which the attributes are built: key hashes up front, lexicon
/// memberships on first use (a tagger with cached word scores rarely needs them).
pub struct Context<'a> {
    lx: &'a Lexicon,
    words: &'a WordTable,
    text: &'a str,
    toks: &'a Tokens,
    /// Each token's flags once looked up (`u16::MAX` before): two bytes a token, since a
    /// context spans a whole text (a hash per token held took the document memory over).
    flags: Vec<std::cell::Cell<u16>>,
    /// Per token, what the rules read there: the stacked tagger's strongest hint.
    rules: Vec<RuleMark>,
    /// The key hashes of one segment's tokens (its first token, then a hash each), set by
    /// a tagger ([`Context::hash_keys`]): the pair attributes name each key four times.
    seg_keys: std::cell::RefCell<(usize, Vec<u64>)>,
}

/// What the rules made of one token: inside one of their persons, places or dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RuleMark {
    None,
    Person,
    Place,
    Date,
}

impl RuleMark {
    fn code(self) -> Part<'static> {
        match self {
            RuleMark::None => lit!("O"),
            RuleMark::Person => lit!("P"),
            RuleMark::Place => lit!("L"),
            RuleMark::Date => lit!("D"),
        }
    }
}

/// Per token of `toks`, the kind of the rule mention (sorted by start) its start falls in.
fn rule_marks(toks: &Tokens, rules: &[&[RawMention]]) -> Vec<RuleMark> {
    let mut marks = vec![RuleMark::None; toks.len()];
    for m in rules.iter().flat_map(|r| r.iter()) {
        let first = toks.covering(m.start, m.end).start;
        for (i, t) in toks.toks.iter().enumerate().skip(first) {
            if t.start() >= m.end {
                break;
            }
            marks[i] = match m.kind {
                Kind::Person => RuleMark::Person,
                Kind::Place => RuleMark::Place,
                Kind::Date => RuleMark::Date,
            };
        }
    }
    marks
}

impl<'a> Context<'a> {
    /// The context of `text`, looking words up in `words` ([`Flags::word_table`]), with
    /// what the rules found in it (`rules`: their mentions before any tagger's).
    pub fn new(
        lx: &'a Lexicon,
        words: &'a WordTable,
        (text, toks): (&'a str, &'a Tokens),
        rules: &[&[RawMention]],
    ) -> Context<'a> {
        Context {
            lx,
            words,
            text,
            toks,
            flags: vec![std::cell::Cell::new(u16::MAX); toks.len()],
            rules: rule_marks(toks, rules),
            seg_keys: std::cell::RefCell::default(),
        }
    }

    /// Hashes the keys of the tokens in `seg` once, for the attributes of its tokens that
    /// name them (the hashes of other tokens' keys are computed when used).
    pub fn hash_keys(&self, seg: &std::ops::Range<usize>) {
        let mut memo = self.seg_keys.borrow_mut();
        memo.0 = seg.start;
        memo.1.clear();
        memo.1.extend(seg.clone().map(|i| fnv1a(self.toks.key(i))));
    }

    /// Takes `hashes` (the [`fnv1a`] of each key of the tokens of `seg`, in order) as
    /// [`Context::hash_keys`] would compute them: a tagger that keeps each word's hash with
    /// its scores need not hash its keys again.
    pub(super) fn set_key_hashes(&self, seg: &std::ops::Range<usize>, hashes: &[u64]) {
        let mut memo = self.seg_keys.borrow_mut();
        memo.0 = seg.start;
        memo.1.clear();
        memo.1.extend_from_slice(hashes);
    }

    /// Forgets the key hashes of the last segment, before another's are set.
    pub(super) fn forget_key_hashes(&self) {
        self.seg_keys.borrow_mut().1.clear();
    }

    /// The [`fnv1a`] hash of token `i`'s key.
    pub(super) fn key_hash(&self, i: usize) -> u64 {
        fnv1a(self.toks.key(i))
    }

    fn flags(&self, i: usize) -> Flags {
        let cell = &self.flags[i];
        if cell.get() == u16::MAX {
            let k = self.toks.key(i);
            cell.set(Flags::of(self.lx, self.words, k, self.toks.toks[i].arabic).bits());
        }
        Flags::from_bits(cell.get())
    }

    #[inline]
    fn key(&self, i: usize) -> Part<'a> {
        let k = self.toks.key(i);
        let known = {
            let memo = self.seg_keys.borrow();
            i.checked_sub(memo.0).and_then(|at| memo.1.get(at).copied())
        };
        Part::Known(k, known.unwrap_or_else(|| fnv1a(k)))
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

    /// True when token `i` has an apostrophe suffix: its own attributes read the suffix
    /// too, those it gives its neighbours do not (see [`Context::cache_key`]).
    pub fn suffixed(&self, i: usize) -> bool {
        self.toks.toks[i].has_suffix()
    }

    /// What a tagger caches token `i`'s word scores under: the token as written, stem and
    /// suffix. Everything its word and neighbour attributes read is a function of it (its
    /// key, shape, suffix, script and lexicon memberships), so it is a sound key; it is
    /// finer than one built from the key, shape and suffix (`Türkiye` and `Turkiye` are two
    /// entries), but it is a slice of the text, where building one (the shape from the word's
    /// letters) was a tenth of the tagger's time.
    pub fn cache_key(&self, i: usize) -> &'a str {
        let t = &self.toks.toks[i];
        &self.text[t.start()..t.end()]
    }

    /// The attributes of token `i` itself: word, stem, affixes, shape, length, suffix and
    /// lexicon memberships.
    pub fn word_attrs(&self, i: usize, add: &mut impl FnMut(&[Part<'_>])) {
        let t = &self.toks.toks[i];
        let k = self.toks.key(i);
        add(&[lit!("w="), self.key(i)]);
        let stem = if t.arabic { arabic_stem(k) } else { k };
        if stem.len() != k.len() {
            add(&[lit!("st="), self.stem(i)]);
        }
        let nchars = stem.chars().count();
        let prefix_end = |n: usize| stem.char_indices().nth(n).map_or(stem.len(), |(b, _)| b);
        let suffix_start = |n: usize| stem.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b);
        let affixes = [
            (2usize, lit!("p2="), lit!("s2=")),
            (3, lit!("p3="), lit!("s3=")),
            (4, lit!("p4="), lit!("s4=")),
        ];
        for (n, p, s) in affixes {
            if nchars > n {
                add(&[p, L(&stem[..prefix_end(n)])]);
                add(&[s, L(&stem[suffix_start(n)..])]);
            }
        }
        add(&[lit!("sh="), shape_part(self.word(i), t.arabic)]);
        const LENS: [Part<'static>; 9] = [
            Part::lit("0"),
            Part::lit("1"),
            Part::lit("2"),
            Part::lit("3"),
            Part::lit("4"),
            Part::lit("5"),
            Part::lit("6"),
            Part::lit("7"),
            Part::lit("8"),
        ];
        add(&[lit!("len="), LENS[nchars.min(8)]]);
        if t.has_suffix() {
            // The suffix after the apostrophe, folded like keys are.
            let sfx = self.text[t.stem_end()..t.end()]
                .chars()
                .skip(1)
                .collect::<String>();
            add(&[lit!("sfx="), L(&crate::text::fold_str(&sfx))]);
        }
        for f in self.flags(i).parts() {
            add(&[lit!("L="), f]);
        }
    }

    /// The attributes token `j` gives the token `d` places before it (`w-1=`, `st-1=`,
    /// and for next-door neighbours shape and lexicon memberships).
    pub fn neighbour_attrs(&self, j: usize, d: isize, add: &mut impl FnMut(&[Part<'_>])) {
        // Shape and lexicon prefixes for next-door neighbours only.
        let (w, st, near) = match d {
            -2 => (lit!("w-2="), lit!("st-2="), None),
            -1 => (
                lit!("w-1="),
                lit!("st-1="),
                Some((lit!("sh-1="), lit!("L-1="))),
            ),
            1 => (
                lit!("w+1="),
                lit!("st+1="),
                Some((lit!("sh+1="), lit!("L+1="))),
            ),
            _ => (lit!("w+2="), lit!("st+2="), None),
        };
        let nk = self.toks.key(j);
        let nt = &self.toks.toks[j];
        add(&[w, self.key(j)]);
        if nt.arabic && arabic_stem(nk).len() != nk.len() {
            add(&[st, self.stem(j)]);
        }
        if let Some((sh, l)) = near {
            add(&[sh, shape_part(self.word(j), nt.arabic)]);
            for f in self.flags(j).parts() {
                add(&[l, f]);
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
        self.context_attrs_into(i, seg, add);
    }

    /// [`Context::context_attrs`] into any [`AttrSink`], inlined where it is called: a
    /// tagger's sink then sees the attributes' literal pieces as constants.
    #[inline(always)]
    pub fn context_attrs_into(
        &self,
        i: usize,
        seg: &std::ops::Range<usize>,
        add: &mut impl AttrSink,
    ) {
        let t = &self.toks.toks[i];
        add.add(&[lit!("sep="), sep_code(t.sep)]);
        let pu = punct_before(self.text, self.toks, i);
        if !pu.is_empty() {
            add.add(&[lit!("pu="), L(pu)]);
        }
        let after = match self.toks.toks.get(i + 1) {
            Some(n) => gap_punct(&self.text[t.end()..n.start()]),
            None => "",
        };
        if !after.is_empty() {
            add.add(&[lit!("pa="), L(after)]);
        }
        if i == seg.start {
            add.add(&[lit!("bos")]);
        }
        if i + 1 == seg.end {
            add.add(&[lit!("eos")]);
        }
        let missing = [lit!("w-2="), lit!("w-1="), lit!("w+1="), lit!("w+2=")];
        for (d, w) in NEAR.into_iter().zip(missing) {
            if neighbour(i, d, seg).is_none() {
                add.add(&[w, lit!("_")]);
            }
        }
        if let Some(j) = neighbour(i, -1, seg) {
            add.add(&[lit!("b-1="), self.key(j), lit!("|"), self.key(i)]);
        }
        let mark = |j: Option<usize>| j.map_or(lit!("_"), |j| self.rules[j].code());
        let here = self.rules[i];
        add.add(&[lit!("R="), here.code()]);
        add.add(&[lit!("R-1="), mark(neighbour(i, -1, seg))]);
        add.add(&[lit!("R+1="), mark(neighbour(i, 1, seg))]);
        if here != RuleMark::None {
            add.add(&[lit!("RF="), here.code(), sep_code(t.sep)]);
        }
        if let Some(j) = neighbour(i, 1, seg) {
            add.add(&[lit!("b+1="), self.key(i), lit!("|"), self.key(j)]);
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

fn sep_code(sep: Sep) -> Part<'static> {
    match sep {
        Sep::Start => lit!("S"),
        Sep::Space => lit!("_"),
        Sep::Line => lit!("L"),
        Sep::Hyphen => lit!("H"),
        Sep::Dot => lit!("D"),
        Sep::Punct => lit!("P"),
    }
}

#[cfg(test)]
#[path = "features_tests.rs"]
mod tests;
