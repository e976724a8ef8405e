//! Matching one term against one item's pre-folded fields, with a score.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::text::is_arabic;

use super::hits::{
    CONTIGUOUS_PER_BYTE, CROSS_SCRIPT, EXACT_TIER, NAME_TIER, SHORT_TEXT_PER_CHAR, WITHIN_TIER,
    WORD_START, score_len, tiered,
};
pub(crate) use super::hits::{HitBounds, is_subsequence, substring_score, whole_words};
use super::query::{Mode, Term};
use super::skeleton::ShapeFinder;
use super::words::{EntryMemo, LineWords, Words};

/// The fields of an item a term is matched against (all folded except `iso`): the key forms
/// of [`TermMatcher`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields<'a> {
    pub key: &'a str,
    pub extra: &'a str,
    pub skel: &'a str,
    /// A document line's words as skeleton entries, in place of `skel`.
    pub words: Option<LineWords<'a>>,
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

/// How a term met an item: which key form matched (what `okur find --explain` reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    /// The item's own folded text, contiguously: bytes `at..at + len` of the key.
    Text { at: usize, len: usize },
    /// The item's own folded text, as scattered characters (fuzzy).
    Scattered,
    /// Another name of the item (an alias, a dateline, a file name, a tag): bytes
    /// `at..at + len` of its `extra` forms.
    Name { at: usize, len: usize },
    /// A spelling of the term from the alias table, as whole words of the text.
    Alias { alias: usize, at: usize },
    /// A word of the other script, by skeleton and vowels: byte `at` of the skeleton field.
    Skeleton { at: usize },
    /// The ISO date, by prefix.
    Iso,
    /// A tag of the document: bytes `at..at + len` of its tags.
    Tag { at: usize, len: usize },
}

/// A term compiled for scanning: substring finders built once per query.
///
/// The one definition of the operators. An item has key forms: its own folded text (`key`),
/// its other names (`extra`: aliases, dateline, file name, tags; ` | ` between two), and
/// the words of its skeleton field (see [`super::skeleton`]). A term with pattern `p`:
/// - plain `p`: `p` occurs in the own text (in names, titles and standard input also as
///   scattered characters in order, ranked lower), or in another name, or a spelling of `p`
///   from the alias table occurs as whole words of the own text, or `p`'s skeleton and
///   vowels meet a whole word of the other script;
/// - `'p`: the same without scattered characters;
/// - `^p`, `p$`, `^p$`: the same, anchored: the own text or another name starts with, ends
///   with or equals `p` (or an alias spelling), or the word met is the first, last or only
///   word of the text or name (its first logical word, for Arabic as for Turkish);
/// - `!x` holds exactly where the term without `!` (its exact form, `!'x` its fuzzy form)
///   does not, on every key form: negation is a complement, not a Latin-only check.
pub(crate) struct TermMatcher {
    pub term: Term,
    chars: Vec<char>,
    finder: Finder<'static>,
    shape: Option<ShapeFinder>,
    alias_finders: Vec<Finder<'static>>,
    /// Matches dates by their ISO form, before the own text.
    pub iso_like: bool,
    /// Which skeleton entries of document lines the shape met so far.
    memo: EntryMemo,
}

impl TermMatcher {
    /// Compiles `term`; `date_scope` makes ISO-looking patterns match dates by prefix.
    pub fn new(term: &Term, date_scope: bool) -> TermMatcher {
        let arabic = term.pattern.chars().any(is_arabic);
        let shape = term
            .skeleton
            .as_ref()
            .map(|s| ShapeFinder::new(s, &term.vowels, arabic));
        let iso_like = date_scope
            && term
                .pattern
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'-');
        TermMatcher {
            term: term.clone(),
            chars: term.pattern.chars().collect(),
            finder: Finder::new(term.pattern.as_bytes()).into_owned(),
            shape,
            alias_finders: term
                .aliases
                .iter()
                .take(8)
                .map(|a| Finder::new(a.as_bytes()).into_owned())
                .collect(),
            iso_like,
            memo: EntryMemo::default(),
        }
    }

    /// How the term, taken without its `!`, meets the item, with the score; `None` when
    /// it does not.
    pub fn hit(&self, scorer: &mut Scorer, f: Fields<'_>) -> Option<(i32, Via)> {
        if self.iso_like {
            let hit = f.iso.starts_with(&self.term.pattern);
            return hit.then(|| (tiered(EXACT_TIER, self.iso_score(f.iso)), Via::Iso));
        }
        if let Some((score, at)) = self.own(f.key) {
            let len = self.term.pattern.len();
            let short = self.short_bonus(f.fuzzy);
            return Some((tiered(EXACT_TIER, score + short), Via::Text { at, len }));
        }
        self.hit_past_own(scorer, f)
    }

    /// [`TermMatcher::hit`] past the own text, known not to hold the term (`text_hit` said
    /// `None`, and not `iso_like`): not searched twice per title.
    pub fn hit_past_own(&self, scorer: &mut Scorer, f: Fields<'_>) -> Option<(i32, Via)> {
        let other = self
            .names(f.extra)
            .or_else(|| self.aliases(f.key))
            .or_else(|| self.skeleton(&f));
        if let Some((score, via)) = other {
            return Some((tiered(NAME_TIER, score), via));
        }
        if self.term.mode == Mode::Fuzzy && f.fuzzy {
            return self.scattered(scorer, f.key).map(|s| (s, Via::Scattered));
        }
        None
    }

    fn iso_score(&self, iso: &str) -> i32 {
        let len = score_len(self.term.pattern.len());
        len * 16
            + if iso.len() == self.term.pattern.len() {
                20
            } else {
                0
            }
    }

    /// Where the pattern occurs in `hay` as the mode asks (fuzzy as a substring), and the
    /// hit's score.
    fn anchored(&self, hay: &str, finder: &Finder<'_>) -> Option<(i32, usize)> {
        if hay.is_empty() {
            return None;
        }
        let len = finder.needle().len();
        // Asked only where the mode needs it: most terms are plain, and most items long.
        let starts = || hay.as_bytes().starts_with(finder.needle());
        let at = match self.term.mode {
            Mode::Fuzzy | Mode::Exact => finder.find(hay.as_bytes())?,
            Mode::Prefix => starts().then_some(0)?,
            Mode::Suffix => hay
                .as_bytes()
                .ends_with(finder.needle())
                .then(|| hay.len() - len)?,
            Mode::Equal => (hay.len() == len && starts()).then_some(0)?,
        };
        Some((substring_score(hay, at, len), at))
    }

    /// The score [`TermMatcher::hit`] gives an item whose own folded text `key` holds the
    /// term (its own text is looked at first, so its other fields cannot change that
    /// score); `fuzzy` as [`Fields::fuzzy`] (a short text's bonus). `None` when the text
    /// does not hold it or the term matches dates (its ISO form answers first): ask `hit`
    /// then. The term's `!` is not applied.
    pub fn text_hit(&self, key: &str, fuzzy: bool) -> Option<i32> {
        if self.iso_like {
            return None;
        }
        let (score, _) = self.own(key)?;
        Some(tiered(EXACT_TIER, score + self.short_bonus(fuzzy)))
    }

    /// What a hit in a short text (`fuzzy`: a title, a name, a line of standard input)
    /// adds: such a text says more than a running line.
    fn short_bonus(&self, fuzzy: bool) -> i32 {
        match fuzzy {
            true => score_len(self.chars.len()) * SHORT_TEXT_PER_CHAR,
            false => 0,
        }
    }

    /// The own text.
    fn own(&self, key: &str) -> Option<(i32, usize)> {
        self.anchored(key, &self.finder)
    }

    /// The other names, each anchored on its own.
    fn names(&self, extra: &str) -> Option<(i32, Via)> {
        let len = self.term.pattern.len();
        if extra.len() < len {
            return None;
        }
        let mut start = 0;
        for form in names_of(extra) {
            if let Some((score, at)) = self.anchored(form, &self.finder) {
                return Some((
                    score,
                    Via::Name {
                        at: start + at,
                        len,
                    },
                ));
            }
            start += form.len() + 3;
        }
        None
    }

    /// Spellings of the term from the alias table, as whole words of the own text.
    fn aliases(&self, key: &str) -> Option<(i32, Via)> {
        self.alias_finders.iter().enumerate().find_map(|(i, a)| {
            let len = a.needle().len();
            let whole = |at: usize| whole_words(key, at, len);
            let at = match self.term.mode {
                Mode::Fuzzy | Mode::Exact => a.find_iter(key.as_bytes()).find(|&at| whole(at))?,
                _ => self
                    .anchored(key, a)
                    .map(|(_, at)| at)
                    .filter(|&at| whole(at))?,
            };
            Some((substring_score(key, at, len), Via::Alias { alias: i, at }))
        })
    }

    /// A whole word of the other script, by skeleton and vowels.
    fn skeleton(&self, f: &Fields<'_>) -> Option<(i32, Via)> {
        let shape = self.shape.as_ref()?;
        let at = match f.words {
            // The entry's place in a line is not kept: `--explain` finds the word again.
            Some(words) => self.meets_entries(shape, words).then_some(0)?,
            None => shape.find(f.skel, self.term.mode)?,
        };
        Some((self.skeleton_score(), Via::Skeleton { at }))
    }

    fn skeleton_score(&self) -> i32 {
        CROSS_SCRIPT + score_len(self.term.pattern.len()) * CONTIGUOUS_PER_BYTE + WORD_START
    }

    /// The score [`TermMatcher::hit`] gives a document line met only across scripts.
    pub fn skeleton_line_score(&self) -> i32 {
        tiered(NAME_TIER, self.skeleton_score())
    }

    /// Hands the matcher the skeleton entries it meets in a finished vocabulary (what
    /// [`TermMatcher::skeleton_entries`] gave), so it does not look for them again.
    pub fn seed_entries(&self, met: std::sync::Arc<super::words::EntrySet>) {
        self.memo.seed(met);
    }

    /// Whether the shape meets a line's entries where the mode allows, as
    /// [`ShapeFinder::find`] does on the line's skeleton field: any entry, or the first,
    /// the last, or the only one. Each distinct entry is tried once per search.
    fn meets_entries(&self, shape: &ShapeFinder, line: LineWords<'_>) -> bool {
        let whole = match self.term.mode {
            Mode::Fuzzy => Mode::Fuzzy,
            _ => Mode::Exact,
        };
        let find = |entry: &str| shape.find(entry, whole).is_some();
        // An index's vocabulary is fixed: the entries met are found in one pass over its
        // distinct texts, and most lines are passed over without decoding them.
        if line.words.is_finished() {
            let met = self.memo.met(line.words, shape.needle(), find);
            let meets = |id: Option<u32>| id.is_some_and(|id| met.contains(id));
            return !met.is_empty() && self.meets_where(line.ids(), meets);
        }
        let meets = |id: Option<u32>| id.is_some_and(|id| self.memo.get(line.words, id, find));
        self.meets_where(line.ids(), meets)
    }

    /// Whether `meets` holds for an entry of `ids` where the mode allows (see
    /// [`TermMatcher::meets_entries`]).
    fn meets_where(
        &self,
        mut ids: impl Iterator<Item = Option<u32>>,
        mut meets: impl FnMut(Option<u32>) -> bool,
    ) -> bool {
        match self.term.mode {
            Mode::Fuzzy | Mode::Exact => ids.any(meets),
            Mode::Prefix => ids.next().is_some_and(meets),
            Mode::Suffix => ids.last().is_some_and(meets),
            Mode::Equal => match (ids.next(), ids.next()) {
                (Some(only), None) => meets(only),
                _ => false,
            },
        }
    }

    /// The skeleton entries of a finished vocabulary that this term meets as a plain or
    /// exact term meets a document line's words (see [`TermMatcher::meets_entries`]); empty
    /// for a term without a skeleton.
    pub fn skeleton_entries(&self, words: &Words) -> Vec<u32> {
        let Some(shape) = self.shape.as_ref() else {
            return Vec::new();
        };
        let whole = match self.term.mode {
            Mode::Fuzzy => Mode::Fuzzy,
            _ => Mode::Exact,
        };
        words.entries_meeting(shape.needle(), |entry| shape.find(entry, whole).is_some())
    }

    /// Scattered characters in order (fzf's fuzzy match), below every other kind of hit.
    fn scattered(&self, scorer: &mut Scorer, hay: &str) -> Option<i32> {
        let pat = self.term.pattern.as_str();
        if hay.is_empty() || !is_subsequence(hay.as_bytes(), pat.as_bytes()) {
            return None;
        }
        let score = scorer.score(hay, needle(pat, &self.chars))?;
        Some(score.clamp(0, WITHIN_TIER))
    }
}

/// Between an item's other names (see [`super::arena`]).
static NAME_SEP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(" | "));

/// The other names in `extra`, as `extra.split(" | ")` gives them, with a finder made
/// once (a `str` pattern makes its searcher anew for each of 200k titles per key).
fn names_of(extra: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(extra);
    std::iter::from_fn(move || {
        let hay = rest?;
        match NAME_SEP.find(hay.as_bytes()) {
            Some(at) => {
                rest = hay.get(at + 3..);
                hay.get(..at)
            }
            None => rest.take(),
        }
    })
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;
