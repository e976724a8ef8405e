//! A query answered on document lines from the postings ([`super::postings`]) rather than
//! from each line's text, wherever the words say enough.
//!
//! For each term, every line gets a few mark bits from the words it holds: which kinds of
//! word hold the pattern (the pattern starts the word or not, ends it or not), whether the
//! line's key starts with the pattern, and whether an alias spelling or a skeleton entry
//! the term meets is in the line. A line holding words of one kind alone has its hit (the
//! first one in the line, the one the matcher scores) lie as that kind says; a line with
//! none has no hit in its own text; so most lines are scored from their marks, and the
//! scan reads the text only of the lines the marks leave open: words of several kinds, or
//! a hit only through an alias or a skeleton. Lines no term's words reach are passed over.
//! The scores are the matcher's own (see [`HitBounds`]), so the results are the same as a
//! scan of every line's text.

use std::sync::Mutex;

use super::engine::covers;
use super::index::Index;
use super::item::ItemKind;
use super::matcher::{HitBounds, TermMatcher};
use super::plan::Plan;
use super::postings::Postings;
use super::query::Mode;

/// Some words of the term's kind hold the pattern: one bit per kind, `1 << kind`, the kind
/// being `starts the word | ends the word << 1`.
const KINDS: u8 = 0b1111;
/// The line's key starts with the pattern, and the word there ends with it.
const START_WHOLE: u8 = 1 << 4;
/// The line's key starts with the pattern, and the word there goes on.
const START_PART: u8 = 1 << 5;
/// An alias spelling's word or a skeleton entry the term meets is in the line.
const OTHER: u8 = 1 << 6;

/// What the postings say of each document line, for each term of the groups that cover
/// lines: enough to score most lines without their text.
pub(crate) struct LineFilter {
    /// The id of the first line item.
    first: usize,
    /// Per group covering lines, its terms.
    groups: Vec<Vec<TermMarks>>,
}

struct TermMarks {
    /// Per line, the bits above.
    marks: Vec<u8>,
    negated: bool,
    /// The pattern's length in bytes.
    len: usize,
}

/// Per pattern, the folded words holding it, from the last searches: a pattern grown from
/// one of them is looked for among its words alone, not the whole vocabulary.
#[derive(Debug, Default)]
pub(crate) struct WordMemo(Mutex<Vec<(String, Vec<u32>)>>);

/// How many patterns [`WordMemo`] keeps, and how many words of each at most (4 MB in all).
const MEMO_PATTERNS: usize = 8;
const MEMO_WORDS: usize = 1 << 17;

impl WordMemo {
    /// The words of `postings` holding `needle`, or `None` when more than `limit` do.
    fn words_holding(&self, postings: &Postings, needle: &str, limit: usize) -> Option<Vec<u32>> {
        let mut memo = self.0.lock().ok()?;
        let base = memo
            .iter()
            .filter(|(p, _)| needle.contains(p.as_str()))
            .max_by_key(|(p, _)| p.len());
        let found = postings.words_holding(needle, base.map(|(_, w)| w.as_slice()), limit)?;
        if found.len() <= MEMO_WORDS && !memo.iter().any(|(p, _)| p == needle) {
            if memo.len() >= MEMO_PATTERNS {
                memo.remove(0);
            }
            memo.push((needle.to_string(), found.clone()));
        }
        Some(found)
    }
}

impl Index {
    /// The marks of `plan`'s terms on every document line, when the postings can give them
    /// for less than scanning `scanned` items costs; `None` to scan every item's text (a
    /// term the words cannot answer, such as `^x` or one holding a space, or a pattern
    /// found in too many words).
    pub(crate) fn line_filter(&self, plan: &Plan, scanned: usize) -> Option<LineFilter> {
        let postings = self.postings.as_ref()?;
        let entry_lines = self.entry_lines.as_ref()?;
        if self.fuzzy_lines || self.too_big || plan.groups.is_empty() {
            return None;
        }
        let first = self.first_line();
        let lines = self.items.len().checked_sub(first)?;
        // A posting is a byte or two to decode; a line's text a few hundred to read.
        let mut budget = scanned.saturating_mul(8);
        let mut groups = Vec::new();
        for (scope, terms) in &plan.groups {
            if !covers(*scope, ItemKind::Line) {
                continue;
            }
            let mut group = Vec::new();
            for t in terms {
                let marks = self.term_marks(postings, entry_lines, t, lines, &mut budget)?;
                group.push(marks);
            }
            groups.push(group);
        }
        Some(LineFilter { first, groups })
    }

    fn term_marks(
        &self,
        postings: &Postings,
        entry_lines: &super::postings::Lists,
        t: &TermMatcher,
        lines: usize,
        budget: &mut usize,
    ) -> Option<TermMarks> {
        let pattern = t.term.pattern.as_str();
        if !matches!(t.term.mode, Mode::Fuzzy | Mode::Exact) || !is_word(pattern) {
            return None;
        }
        // One or two letters are in most words: the lookup would only add to the scan
        // (`an` took 47 ms with it, 35 ms without, on 20k articles).
        if pattern.chars().count() < 3 {
            return None;
        }
        let mut marks = vec![0u8; lines];
        // A pattern in that many words holds letters most lines hold: read the lines.
        let limit = *budget / 32 + 1024;
        let own = self.word_memo.words_holding(postings, pattern, limit)?;
        let kinds: Vec<(u32, u8, bool)> = own
            .iter()
            .map(|&id| {
                let word = postings.word(id);
                let at = word.find(pattern).unwrap_or(0);
                let ends = at + pattern.len() == word.len();
                (id, u8::from(at == 0) | u8::from(ends) << 1, ends)
            })
            .collect();
        spend(budget, kinds.iter().map(|k| postings.lines.cost(k.0)))?;
        for (id, kind, ends) in kinds {
            postings.lines.for_each(id, |line, first| {
                if let Some(m) = marks.get_mut(line) {
                    *m |= 1 << kind;
                    if first && kind & 1 == 1 {
                        *m |= if ends { START_WHOLE } else { START_PART };
                    }
                }
            });
        }
        // Alias spellings are whole words of the text: their lines hold a word holding
        // the alias's longest run of letters.
        for alias in t.term.aliases.iter().take(8) {
            let run = longest_word(alias)?;
            let ids = self.word_memo.words_holding(postings, run, limit)?;
            spend(budget, ids.iter().map(|&id| postings.lines.cost(id)))?;
            for id in ids {
                postings
                    .lines
                    .for_each(id, |line, _| mark(&mut marks, line));
            }
        }
        let entries = t.skeleton_entries(&self.words);
        spend(budget, entries.iter().map(|&id| entry_lines.cost(id)))?;
        for id in entries {
            entry_lines.for_each(id, |line, _| mark(&mut marks, line));
        }
        Some(TermMarks {
            marks,
            negated: t.term.negated,
            len: pattern.len(),
        })
    }
}

/// Marks `line` as reached through another form of the term.
fn mark(marks: &mut [u8], line: usize) {
    if let Some(m) = marks.get_mut(line) {
        *m |= OTHER;
    }
}

/// Takes `costs` from `budget`; `None` when they do not fit.
fn spend(budget: &mut usize, costs: impl Iterator<Item = usize>) -> Option<()> {
    let cost: usize = costs.sum();
    *budget = budget.checked_sub(cost)?;
    Some(())
}

/// True when `s` is one word: alphanumeric characters only.
fn is_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphanumeric)
}

/// The longest run of alphanumeric characters of `s`.
fn longest_word(s: &str) -> Option<&str> {
    s.split(|c: char| !c.is_alphanumeric())
        .max_by_key(|w| w.len())
        .filter(|w| !w.is_empty())
}

impl LineFilter {
    /// The score of item `id` when it is a document line the marks answer for: `Some(None)`
    /// no hit, `Some(Some(score))` a hit; `None` when its text must be read.
    pub fn verdict(&self, id: u32) -> Option<Option<i32>> {
        let line = (id as usize).checked_sub(self.first)?;
        let mut total = 0;
        for terms in &self.groups {
            let mut best: Option<i32> = None;
            for t in terms {
                if let Some(score) = t.verdict(line)? {
                    best = Some(best.map_or(score, |b| b.max(score)));
                }
            }
            let Some(best) = best else {
                return Some(None);
            };
            total += best;
        }
        // No group covers lines: none matches.
        Some((!self.groups.is_empty()).then_some(total))
    }

    /// True when line `id` can match: some term of each group covering lines reaches it
    /// (or does not have to, being negated). Lines that cannot are not worth a look.
    pub fn may_match(&self, id: u32) -> bool {
        let Some(line) = (id as usize).checked_sub(self.first) else {
            return true;
        };
        !self.groups.is_empty()
            && self.groups.iter().all(|terms| {
                terms
                    .iter()
                    .any(|t| t.negated || t.marks.get(line).is_some_and(|&m| m != 0))
            })
    }
}

impl TermMarks {
    /// As [`LineFilter::verdict`], for one term (its `!` applied).
    fn verdict(&self, line: usize) -> Option<Option<i32>> {
        let m = self.marks.get(line).copied().unwrap_or(0);
        let kinds = m & KINDS;
        let bounds = if m & (START_WHOLE | START_PART) != 0 {
            Some(HitBounds {
                word_start: true,
                item_start: true,
                word_end: m & START_WHOLE != 0,
            })
        } else if kinds == 0 {
            None
        } else if kinds.is_power_of_two() {
            let kind = kinds.trailing_zeros();
            Some(HitBounds {
                word_start: kind & 1 == 1,
                item_start: false,
                word_end: kind & 2 == 2,
            })
        } else {
            // Words of several kinds: which comes first is in the text.
            return None;
        };
        let hit = match bounds {
            Some(b) => Some(b.own_line_score(self.len)),
            // Only through an alias or a skeleton: the text says how.
            None if m & OTHER != 0 => return None,
            None => None,
        };
        Some(if self.negated {
            hit.is_none().then_some(0)
        } else {
            hit
        })
    }
}

#[cfg(test)]
#[path = "wordscan_tests.rs"]
mod tests;
