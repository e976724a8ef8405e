//! The words of a line to shape for the terms' skeletons: those the raw patterns
//! ([`super::RawFilter`]) touched, not all of them. A line whose folded text does not
//! decide its score has its words shaped to meet the terms' skeletons in the other script,
//! and shaping every word of every such line was most of the cost of matching it; only the
//! words around the raw hits are cut out of the line (joined by newlines) and shaped.
//!
//! Why the score cannot change (the line's folded text is still the whole line's):
//! - every word of the other script meeting a skeleton is touched by a hit of the shape
//!   pattern (which starts at the character before the word, or is a character shaping to
//!   several inside it), and cuts are widened to whole words: the cut holds every such
//!   word whole, and no part of a word (a part could meet where the word does not);
//! - `^p` and `p$` meet the line's first and last word: those are always cut out;
//! - `!p` holds where no word of the line meets `p`, and `^p$` where the line has one word:
//!   a query with either has all its words shaped ([`Narrowing::new`] says `None`).
//!
//! A newline is no word character, so the cuts' words are the line's.

use crate::text::is_word_char;

use super::super::engine::covers;
use super::super::item::ItemKind;
use super::super::query::{Mode, Query};
use super::RawFilter;

/// How to cut a query's lines down to the words its raw patterns touch.
#[derive(Clone, Debug)]
pub(crate) struct Narrowing {
    /// A term anchored at the line's start (`^p`): the start is always kept.
    first: bool,
    /// A term anchored at the line's end (`p$`): the end is always kept.
    last: bool,
    /// The byte ranges kept, scratch.
    cuts: Vec<(usize, usize)>,
}

/// What [`Narrowing::cut`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cut {
    /// Some group has no hit in the line: it cannot match.
    Nothing,
    /// The cuts are the whole line: match it as it is.
    Whole,
    /// The cuts are written out: match them.
    Part,
}

impl Narrowing {
    /// The cutting for `query`'s text lines, or `None` when an operator needs every word
    /// of the line (a negated term, or `^p$`) or there is no term.
    pub fn new(query: &Query) -> Option<Narrowing> {
        let mut out = Narrowing {
            first: false,
            last: false,
            cuts: Vec::new(),
        };
        let mut any = false;
        let groups = query
            .groups
            .iter()
            .filter(|g| covers(g.scope, ItemKind::Line));
        for term in groups.flat_map(|g| &g.terms) {
            match term.mode {
                _ if term.negated => return None,
                Mode::Equal => return None,
                Mode::Prefix => out.first = true,
                Mode::Suffix => out.last = true,
                Mode::Fuzzy | Mode::Exact => {}
            }
            any = true;
        }
        any.then_some(out)
    }

    /// Cuts `line` down to the words the hits of `filter`'s groups touch, written into
    /// `out` joined by newlines (when [`Cut::Part`]).
    pub fn cut(&mut self, filter: &RawFilter, line: &str, out: &mut String) -> Cut {
        self.cuts.clear();
        if self.first {
            // Up to the line's first word character: its first word is kept whole.
            let word = line.char_indices().find(|&(_, c)| is_word_char(c));
            self.cuts.push((0, word.map_or(line.len(), |(i, _)| i)));
        }
        for group in &filter.groups {
            let before = self.cuts.len();
            let hits = group.find_iter(line.as_bytes());
            self.cuts.extend(hits.map(|m| (m.start(), m.end())));
            if self.cuts.len() == before {
                return Cut::Nothing;
            }
        }
        if self.last {
            let word = line.char_indices().rev().find(|&(_, c)| is_word_char(c));
            let end = word.map_or(0, |(i, c)| i + c.len_utf8());
            self.cuts.push((end, line.len()));
        }
        self.cuts.sort_unstable();
        let mut kept: Option<(usize, usize)> = None;
        out.clear();
        for i in 0..self.cuts.len() {
            let Some(&(start, end)) = self.cuts.get(i) else {
                break;
            };
            let (from, to) = (word_start(line, start), word_end(line, end));
            kept = match kept {
                Some((a, b)) if from <= b => Some((a, b.max(to))),
                Some(done) => {
                    push_cut(line, done, out);
                    Some((from, to))
                }
                None => Some((from, to)),
            };
        }
        match kept {
            Some((0, to)) if out.is_empty() && to >= line.len() => Cut::Whole,
            Some(last) => {
                push_cut(line, last, out);
                Cut::Part
            }
            None => Cut::Nothing,
        }
    }
}

/// Adds bytes `from..to` of `line` to `out`, after a newline when `out` holds a cut.
fn push_cut(line: &str, (from, to): (usize, usize), out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(line.get(from..to).unwrap_or(line));
}

/// The start of the word holding the character before `at` (`at` when that is no word
/// character).
fn word_start(line: &str, at: usize) -> usize {
    let before = line.get(..at).unwrap_or_default();
    let word = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last();
    word.map_or(at, |(i, _)| i)
}

/// The end of the word holding the character at `at` (`at` when that is no word
/// character).
fn word_end(line: &str, at: usize) -> usize {
    let after = line.get(at..).unwrap_or_default();
    let end = after.char_indices().find(|&(_, c)| !is_word_char(c));
    end.map_or(line.len(), |(i, _)| at + i)
}

#[cfg(test)]
#[path = "prefilter_narrow_tests.rs"]
mod tests;
