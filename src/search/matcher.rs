//! Matching one term against one item's pre-folded fields, with a score.

use memchr::memchr;
use memchr::memmem::Finder;
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::text::is_arabic;

use super::query::{Mode, Term};

/// Score of a whole-word hit found through the alias table or the name skeleton.
const CROSS_SCRIPT: i32 = 60;
/// Extra score for a contiguous hit, per pattern byte.
const CONTIGUOUS_PER_BYTE: i32 = 4;
/// Per pattern character, what a contiguous fuzzy hit scores before its substring bonus:
/// above nucleo's 16 per matched character plus its boundary bonuses for scattered hits.
const CONTIGUOUS_FUZZY: i32 = 24;
/// Extra score for a hit that starts a word.
const WORD_START: i32 = 30;
/// Extra score for a hit at the very start of the item.
const ITEM_START: i32 = 20;

/// The fields of an item a term is matched against (all folded except `iso`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'a> {
    pub key: &'a str,
    pub extra: &'a str,
    pub skel: &'a str,
    pub iso: &'a str,
    /// Fuzzy terms match as subsequences (names, titles, stdin lines) rather than substrings
    /// (document lines, where scattered letters over a long line mean nothing).
    pub fuzzy: bool,
}

/// The fuzzy scorer: nucleo-matcher on pre-folded keys, its own normalisation and case
/// folding off (keys and patterns are folded by [`crate::text::fold`] already). One per
/// search (it holds scratch memory, so it is not shared between threads).
pub(crate) struct Scorer {
    matcher: Matcher,
    buf: Vec<char>,
}

impl Scorer {
    /// A scorer with okur's configuration.
    pub fn new() -> Scorer {
        let mut config = Config::DEFAULT;
        config.normalize = false;
        config.ignore_case = false;
        config.prefer_prefix = true;
        Scorer {
            matcher: Matcher::new(config),
            buf: Vec::new(),
        }
    }

    /// The score of `needle` (chars of a folded pattern) in `hay`, or `None`. Greedy (fzf's
    /// v1): only scattered hits come here (contiguous ones are scored as substrings), and
    /// the optimal alignment costs half again as much per item.
    pub fn score(&mut self, hay: &str, needle: Utf32Str<'_>) -> Option<i32> {
        let hay = utf32(hay, &mut self.buf);
        self.matcher.fuzzy_match_greedy(hay, needle).map(i32::from)
    }

    /// Like [`Scorer::score`], with the char indices of the picked characters.
    pub fn indices(&mut self, hay: &str, needle: Utf32Str<'_>, out: &mut Vec<u32>) -> Option<i32> {
        let hay = utf32(hay, &mut self.buf);
        self.matcher.fuzzy_indices(hay, needle, out).map(i32::from)
    }
}

/// A folded key as nucleo wants it: chars, not graphemes (`Utf32Str::new` segments
/// graphemes, which costs more than the match; folded keys hold no combining marks).
fn utf32<'a>(hay: &'a str, buf: &'a mut Vec<char>) -> Utf32Str<'a> {
    if hay.is_ascii() {
        return Utf32Str::Ascii(hay.as_bytes());
    }
    buf.clear();
    buf.extend(hay.chars());
    Utf32Str::Unicode(buf)
}

/// A folded pattern as nucleo wants it.
pub(crate) fn needle<'a>(pattern: &'a str, chars: &'a [char]) -> Utf32Str<'a> {
    if pattern.is_ascii() {
        Utf32Str::Ascii(pattern.as_bytes())
    } else {
        Utf32Str::Unicode(chars)
    }
}

/// A term compiled for scanning: substring finders built once per query.
pub(crate) struct TermMatcher {
    pub term: Term,
    chars: Vec<char>,
    finder: Finder<'static>,
    skel_needle: Option<Finder<'static>>,
    alias_finders: Vec<Finder<'static>>,
    iso_like: bool,
}

impl TermMatcher {
    /// Compiles `term`; `date_scope` makes ISO-looking patterns match dates by prefix.
    pub fn new(term: &Term, date_scope: bool) -> TermMatcher {
        let arabic = term.pattern.chars().any(is_arabic);
        let skel_needle = term.skeleton.as_ref().map(|s| {
            let side = if arabic { " l:" } else { " a:" };
            Finder::new(format!("{side}{s}").as_bytes()).into_owned()
        });
        let iso_like = date_scope
            && term
                .pattern
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'-');
        TermMatcher {
            term: term.clone(),
            chars: term.pattern.chars().collect(),
            finder: Finder::new(term.pattern.as_bytes()).into_owned(),
            skel_needle,
            alias_finders: term
                .aliases
                .iter()
                .take(8)
                .map(|a| Finder::new(a.as_bytes()).into_owned())
                .collect(),
            iso_like,
        }
    }

    /// The term's score on an item, or `None` when it rules the item out.
    pub fn score(&self, scorer: &mut Scorer, f: Fields<'_>) -> Option<i32> {
        if self.term.negated {
            return (!self.anchored(f.key) && !self.anchored(f.extra)).then_some(0);
        }
        if self.iso_like {
            return f
                .iso
                .starts_with(&self.term.pattern)
                .then(|| self.iso_score(f.iso));
        }
        self.direct(scorer, f.key, f.fuzzy)
            .or_else(|| self.direct(scorer, f.extra, f.fuzzy).map(|s| s / 2))
            .or_else(|| self.cross(f))
    }

    fn iso_score(&self, iso: &str) -> i32 {
        let len = self.term.pattern.len() as i32;
        len * 16
            + if iso.len() == self.term.pattern.len() {
                20
            } else {
                0
            }
    }

    /// Does the pattern occur as its mode asks (substring for fuzzy and exact)?
    fn anchored(&self, hay: &str) -> bool {
        let pat = self.term.pattern.as_str();
        match self.term.mode {
            Mode::Fuzzy | Mode::Exact => self.finder.find(hay.as_bytes()).is_some(),
            Mode::Prefix => hay.starts_with(pat),
            Mode::Suffix => hay.ends_with(pat),
            Mode::Equal => hay == pat,
        }
    }

    fn direct(&self, scorer: &mut Scorer, hay: &str, fuzzy: bool) -> Option<i32> {
        if hay.is_empty() {
            return None;
        }
        let pat = self.term.pattern.as_str();
        let at = match self.term.mode {
            Mode::Fuzzy if fuzzy => return self.fuzzy(scorer, hay),
            Mode::Fuzzy | Mode::Exact => self.finder.find(hay.as_bytes())?,
            Mode::Prefix => hay.starts_with(pat).then_some(0)?,
            Mode::Suffix => hay.ends_with(pat).then(|| hay.len() - pat.len())?,
            Mode::Equal => (hay == pat).then_some(0)?,
        };
        Some(substring_score(hay, at, pat.len()))
    }

    fn fuzzy(&self, scorer: &mut Scorer, hay: &str) -> Option<i32> {
        let pat = self.term.pattern.as_str();
        // A contiguous hit needs no fuzzy scoring, and outranks any scattered one.
        if let Some(at) = self.finder.find(hay.as_bytes()) {
            let chars = self.chars.len() as i32;
            return Some(chars * CONTIGUOUS_FUZZY + substring_score(hay, at, pat.len()));
        }
        if !is_subsequence(hay.as_bytes(), pat.as_bytes()) {
            return None;
        }
        scorer.score(hay, needle(pat, &self.chars))
    }

    /// Hits in the other script: alias spellings, then the consonant skeleton.
    fn cross(&self, f: Fields<'_>) -> Option<i32> {
        let aliased = self.alias_finders.iter().find_map(|a| {
            a.find(f.key.as_bytes())
                .map(|at| substring_score(f.key, at, a.needle().len()))
        });
        let skeleton = || {
            let needle = self.skel_needle.as_ref()?;
            needle.find(f.skel.as_bytes())?;
            Some(CROSS_SCRIPT + self.term.pattern.len() as i32 * 4)
        };
        aliased.or_else(skeleton)
    }
}

/// Score of a contiguous hit of `len` bytes at byte `at` of `hay`.
pub(crate) fn substring_score(hay: &str, at: usize, len: usize) -> i32 {
    let mut score = CROSS_SCRIPT + len as i32 * CONTIGUOUS_PER_BYTE;
    if is_word_start(hay, at) {
        score += WORD_START;
    }
    if at == 0 {
        score += ITEM_START;
    }
    if is_word_end(hay, at + len) {
        score += WORD_START / 2;
    }
    score
}

/// True when byte `end` of `hay` is just past the end of a word.
pub(crate) fn is_word_end(hay: &str, end: usize) -> bool {
    hay.get(end..)
        .and_then(|after| after.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// True when byte `at` of `hay` starts a word.
pub(crate) fn is_word_start(hay: &str, at: usize) -> bool {
    hay.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// Are the bytes of `needle` found in `hay` in order? A quick test before fuzzy scoring.
pub(crate) fn is_subsequence(hay: &[u8], needle: &[u8]) -> bool {
    let mut pos = 0;
    for &b in needle {
        match hay.get(pos..).and_then(|rest| memchr(b, rest)) {
            Some(i) => pos += i + 1,
            None => return false,
        }
    }
    true
}
