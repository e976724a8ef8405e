//! Where a hit lies and what it scores: the score weights, tiers and word-boundary tests
//! that the term matcher and the word postings share, so both give one line the same score.

use memchr::memchr;

use crate::text::starts_arabic;

use super::postings::is_alnum;

/// Base score of a contiguous hit or a whole word met across scripts.
pub(super) const CROSS_SCRIPT: i32 = 60;
/// Extra score for a contiguous hit, per pattern byte.
pub(super) const CONTIGUOUS_PER_BYTE: i32 = 4;
/// Per pattern character, extra score for a hit in a short text (a title, a name, a line
/// of standard input) over one in a line of a document.
pub(super) const SHORT_TEXT_PER_CHAR: i32 = 24;
/// Extra score for a hit that starts a word.
pub(super) const WORD_START: i32 = 30;
/// Extra score for a hit at the very start of the item.
pub(super) const ITEM_START: i32 = 20;

/// Scores are tiered so that a hit in the item's own text always ranks above one through
/// another name or script, and that above a scattered (fuzzy) one, whatever the lengths.
pub(super) const EXACT_TIER: i32 = 2000;
pub(super) const NAME_TIER: i32 = 1000;
pub(super) const WITHIN_TIER: i32 = 999;

/// `score` placed within its tier, so tiers never overlap.
pub(super) fn tiered(tier: i32, score: i32) -> i32 {
    tier + score.clamp(0, WITHIN_TIER)
}

/// Longest length (bytes or characters) that still adds to a score: a longer query or hit
/// scores as this long. 16M times the largest per-unit weight stays far below `i32::MAX`.
const SCORED_LEN: usize = 1 << 24;

/// `n` as a score term, saturated at [`SCORED_LEN`].
pub(super) fn score_len(n: usize) -> i32 {
    i32::try_from(n.min(SCORED_LEN)).unwrap_or(i32::MAX)
}

/// Score of a contiguous hit of `len` bytes at byte `at` of `hay`.
pub(crate) fn substring_score(hay: &str, at: usize, len: usize) -> i32 {
    let bounds = HitBounds {
        word_start: is_word_start(hay, at),
        item_start: at == 0,
        word_end: is_word_end(hay, at + len),
    };
    bounds.score(len)
}

/// Where a contiguous hit lies: what its score depends on besides its length.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HitBounds {
    pub word_start: bool,
    pub item_start: bool,
    pub word_end: bool,
}

impl HitBounds {
    /// The score of a contiguous hit of `len` bytes lying so.
    pub fn score(self, len: usize) -> i32 {
        let mut score = CROSS_SCRIPT + score_len(len) * CONTIGUOUS_PER_BYTE;
        if self.word_start {
            score += WORD_START;
        }
        if self.item_start {
            score += ITEM_START;
        }
        if self.word_end {
            score += WORD_START / 2;
        }
        score
    }

    /// The score of a hit of `len` bytes lying so in a document line's own text (lines
    /// add nothing for being short), as [`TermMatcher::hit`] gives it.
    pub fn own_line_score(self, len: usize) -> i32 {
        tiered(EXACT_TIER, self.score(len))
    }

    /// The score of a hit of `len` bytes lying so in another form of an item's text (an
    /// alias spelling), as [`TermMatcher::hit`] gives it.
    pub fn name_score(self, len: usize) -> i32 {
        tiered(NAME_TIER, self.score(len))
    }
}

/// True when bytes `at..at + len` of `key` are whole words. An Arabic word may carry one
/// or two proclitic letters (و ف ب ل ك: `وليبيا` is "and Libya"), as extraction allows.
pub(crate) fn whole_words(key: &str, at: usize, len: usize) -> bool {
    if !is_word_end(key, at + len) {
        return false;
    }
    let arabic = key.get(at..).is_some_and(starts_arabic);
    let mut start = at;
    for clitics in 0..3 {
        if is_word_start(key, start) {
            return true;
        }
        let before = key.get(..start).and_then(|b| b.chars().next_back());
        match before {
            Some(c) if arabic && clitics < 2 && matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك') => {
                start -= c.len_utf8();
            }
            _ => return false,
        }
    }
    false
}

/// True when byte `end` of `hay` is just past the end of a word.
pub(crate) fn is_word_end(hay: &str, end: usize) -> bool {
    hay.get(end..)
        .and_then(|after| after.chars().next())
        .is_none_or(|c| !is_alnum(c))
}

/// True when byte `at` of `hay` starts a word.
pub(crate) fn is_word_start(hay: &str, at: usize) -> bool {
    hay.get(..at)
        .and_then(|before| before.chars().next_back())
        .is_none_or(|c| !is_alnum(c))
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
