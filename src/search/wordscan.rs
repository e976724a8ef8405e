//! A query answered on document lines from the postings ([`super::postings`]) rather than
//! from each line's text, wherever the words say enough.
//!
//! For each term, every line gets a few mark bits from the words it holds: which kinds of
//! word hold the pattern (the pattern starts the word or not, ends it or not), whether the
//! line's key starts with the pattern, and whether an alias spelling or a skeleton entry
//! the term meets is in the line. A line holding words of one kind alone has its hit (the
//! first one in the line, the one the matcher scores) lie as that kind says; a line with
//! none has no hit in its own text, and then one holding a skeleton entry the term meets
//! is met across scripts (a line has no other names); so most lines are scored from their
//! marks, and the scan reads the text only of the lines the marks leave open: words of
//! several kinds (settled from the line's own words instead when many lines are so), or a
//! possible hit through an alias spelling. Lines no term's words reach are passed over. A
//! term in too many words to follow their lines (one or two letters) is found in each
//! line's words instead ([`super::forward`]): the first of them holding it is where the
//! line's hit lies, so no line is left open by its own words. An anchored term (`^x`,
//! `x$`) meets a line's first or last word alone, which each line's words give;
//! a term holding punctuation leaves open only the lines of the words holding its longest
//! run of letters. The scores are the matcher's own (see [`HitBounds`]), so the results
//! are the same as a scan of every line's text.

use std::sync::Arc;

use super::alias_marks::{AFTER_CLITICS, UNSURE, WHOLE_AT_START, alias_kind, merge_alias};
use super::engine::covers;
use super::index::Index;
use super::item::ItemKind;
use super::matcher::{HitBounds, TermMatcher};
use super::plan::Plan;
use super::postings::{Postings, is_alnum};
use super::query::Mode;
use super::words::EntrySet;
use line_marks::{LineScan, OwnMarks, Reading};

#[path = "line_marks.rs"]
mod line_marks;

#[path = "wordscan_candidates.rs"]
mod candidates;

/// Some words of the term's kind hold the pattern: one bit per kind, `1 << kind`, the kind
/// being `starts the word | ends the word << 1`.
const KINDS: u8 = 0b1111;
/// The line's key starts with the pattern, and the word there ends with it.
const START_WHOLE: u8 = 1 << 4;
/// The line's key starts with the pattern, and the word there goes on.
const START_PART: u8 = 1 << 5;
/// A word holding an alias spelling's longest run of letters is in the line (the alias
/// may or may not be there: the text says).
const ALIAS: u8 = 1 << 6;
/// A skeleton entry the term meets is in the line: it is met across scripts, for sure.
const SKEL: u8 = 1 << 7;

/// What the postings say of each document line, for each term of the groups that cover
/// lines: enough to score most lines without their text.
pub(crate) struct LineFilter {
    /// The id of the first line item.
    first: usize,
    /// Per group covering lines, its terms.
    groups: Vec<Vec<TermMarks>>,
    /// The skeleton entries each term meets, by (group, term) of the plan: handed to the
    /// scanning threads' matchers, which would each look for them in the whole vocabulary
    /// again (see [`LineFilter::seed`]).
    entries: Vec<(usize, usize, Arc<EntrySet>)>,
}

struct TermMarks {
    /// Per line, the bits above.
    marks: Vec<u8>,
    /// More bits of each line, read from its words when it is looked at.
    scan: Option<LineScan>,
    /// The kinds of the first word holding the pattern, read from the words of a line
    /// the marks leave open (words of several kinds), in place of those marks: what its
    /// text would say, for less.
    settle: Option<LineScan>,
    negated: bool,
    /// The pattern's length in bytes.
    len: usize,
    /// The score of a hit across scripts, the only one a line marked [`SKEL`] alone has.
    skel_score: i32,
    /// Per line (none when the term has no alias spellings): how its first alias hit lies,
    /// `1 + (alias << 2 | kind)` ([`WHOLE_AT_START`](super::alias_marks::WHOLE_AT_START), [`super::alias_marks::WHOLE`], [`AFTER_CLITICS`]), 0 none,
    /// [`UNSURE`] when the text must say.
    aliases: Vec<u8>,
    /// The alias spellings' lengths in bytes.
    alias_lens: Vec<usize>,
    /// The term is anchored (`^x`, `x$`, `^x$`): a line it meets only through an alias
    /// spelling or across scripts is met where the word lies, which the text says.
    anchored: bool,
}

/// Bytes of the vocabulary passed over (for the words holding a pattern) in the time one
/// scanned line's text is folded again and read: a pass over every word, to read the
/// lines' words rather than their text, is worth it unless very few lines are scanned.
const VOCAB_PER_LINE: usize = 1024;

impl Index {
    /// The marks of `plan`'s terms on every document line, when the postings can give them
    /// for less than scanning `scanned` items costs; `None` to scan every item's text (a
    /// term without a letter, such as `,`, or one found in too many words when only a few
    /// items are scanned).
    pub(crate) fn line_filter(&self, plan: &Plan, scanned: usize) -> Option<LineFilter> {
        let postings = self.postings.as_ref()?;
        // Each scanned line's words are read, up to the first holding the term, where its
        // words are too many to follow: worth their table unless very few are scanned.
        let by_lines = postings.vocabulary_len() <= scanned.saturating_mul(VOCAB_PER_LINE);
        self.line_filter_by(plan, scanned, by_lines)
    }

    /// [`Index::line_filter`], told whether a table of every word (a pass over the
    /// vocabulary) is worth making for the lines scanned (`by_lines`).
    pub(super) fn line_filter_by(
        &self,
        plan: &Plan,
        scanned: usize,
        by_lines: bool,
    ) -> Option<LineFilter> {
        let postings = self.postings.as_ref()?;
        let entry_lines = self.entry_lines()?;
        if self.fuzzy_lines || self.too_big || plan.groups.is_empty() {
            return None;
        }
        let first = self.first_line();
        let lines = self.items.len().checked_sub(first)?;
        // A posting is a byte or two to decode; a line's text a few hundred to read (and
        // fold again).
        let mut budget = scanned.saturating_mul(8);
        let mut groups = Vec::new();
        let mut entries = Vec::new();
        for (g, (scope, terms)) in plan.groups.iter().enumerate() {
            if !covers(*scope, ItemKind::Line) {
                continue;
            }
            let mut group = Vec::new();
            for (n, t) in terms.iter().enumerate() {
                let (marks, met) =
                    self.term_marks(postings, &entry_lines, t, lines, &mut budget, by_lines)?;
                group.push(marks);
                entries.push((g, n, Arc::new(met)));
            }
            groups.push(group);
        }
        Some(LineFilter {
            first,
            groups,
            entries,
        })
    }

    fn term_marks(
        &self,
        postings: &Postings,
        entry_lines: &super::entry_words::EntryLines<'_>,
        t: &TermMatcher,
        lines: usize,
        budget: &mut usize,
        by_lines: bool,
    ) -> Option<(TermMarks, EntrySet)> {
        let pattern = t.term.pattern.as_str();
        let mut marks = vec![0u8; lines];
        let limit = *budget / 32 + 1024;
        let exact = matches!(t.term.mode, Mode::Fuzzy | Mode::Exact);
        let (scan, settle) = match self.own_marks(postings, t, budget, by_lines, &mut marks)? {
            OwnMarks::Followed(settle) => (None, settle),
            OwnMarks::ByLines(scan) => (Some(scan), None),
        };
        // Alias spellings are whole words of the text: their lines hold a word holding
        // the alias's longest run of letters.
        let mut aliases = vec![0u8; if t.term.aliases.is_empty() { 0 } else { lines }];
        for (i, alias) in t.term.aliases.iter().take(8).enumerate() {
            let run = longest_word(alias)?;
            let ids = self.word_memo.holding(postings, run)?;
            if ids.len() > limit {
                return None;
            }
            spend(budget, ids.iter().map(|&id| postings.lines.cost(id)))?;
            for &id in ids.iter() {
                let Some(kind) = alias_kind(alias, postings.word(id)) else {
                    continue;
                };
                postings.lines.for_each(id, |line, first| {
                    mark(&mut marks, line, ALIAS);
                    if let Some(slot) = aliases.get_mut(line) {
                        *slot = merge_alias(*slot, i, kind, first);
                    }
                });
            }
        }
        let entries = t.skeleton_entries(&self.words);
        spend(budget, entries.iter().map(|&id| entry_lines.cost(id)))?;
        for &id in &entries {
            entry_lines.for_each(id, |line, _| mark(&mut marks, line, SKEL));
        }
        let term = TermMarks {
            marks,
            scan,
            settle,
            anchored: !exact,
            negated: t.term.negated,
            len: pattern.len(),
            skel_score: t.skeleton_line_score(),
            aliases,
            alias_lens: t.term.aliases.iter().map(String::len).collect(),
        };
        Some((term, EntrySet::of(entries.into_iter())))
    }
}

/// What a term of `pattern` (`mode`) looks for in the words, and how its lines' marks are
/// read: `None` when the words cannot answer for it (no letter in the pattern).
pub(super) fn needle_of(pattern: &str, mode: Mode) -> Option<(&str, Reading)> {
    Some(if !is_word(pattern) {
        // Any hit holds the pattern's longest run of letters inside one word: only the
        // lines of the words holding it are read.
        (longest_word(pattern)?, Reading::Open)
    } else if !matches!(mode, Mode::Fuzzy | Mode::Exact) {
        // An anchored hit lies in the first or last word: `^x` in a word starting a
        // line's key (its lines flagged so), few enough to follow; else each line's
        // first and last words are read.
        (pattern, Reading::Edges(mode))
    } else {
        (pattern, Reading::First)
    })
}

/// True when marks `m` leave a line's own hit open: words of several kinds hold the
/// pattern, none starting the line's key.
fn left_open(m: u8) -> bool {
    m & (START_WHOLE | START_PART) == 0 && (m & KINDS).count_ones() > 1
}

/// Marks `line` as reached through another form of the term (`bit`: [`ALIAS`], [`SKEL`]).
fn mark(marks: &mut [u8], line: usize, bit: u8) {
    if let Some(m) = marks.get_mut(line) {
        *m |= bit;
    }
}

/// Takes `costs` from `budget`; `None` when they do not fit.
fn spend(budget: &mut usize, costs: impl Iterator<Item = usize>) -> Option<()> {
    let cost: usize = costs.sum();
    *budget = budget.checked_sub(cost)?;
    Some(())
}

/// True when `s` is one word: alphanumeric characters only.
pub(super) fn is_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_alnum)
}

/// The longest run of alphanumeric characters of `s`.
fn longest_word(s: &str) -> Option<&str> {
    s.split(|c: char| !is_alnum(c))
        .max_by_key(|w| w.len())
        .filter(|w| !w.is_empty())
}

impl LineFilter {
    /// Gives `plan`'s matchers (a plan of the query this filter was made for) the skeleton
    /// entries their terms meet, found once here.
    pub fn seed(&self, plan: &Plan) {
        for (g, n, set) in &self.entries {
            if let Some(t) = plan.groups.get(*g).and_then(|(_, terms)| terms.get(*n)) {
                t.seed_entries(Arc::clone(set));
            }
        }
    }

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
}

impl TermMarks {
    /// The score of line `line`'s alias hit, when its words say where it lies.
    fn alias_score(&self, line: usize) -> Option<i32> {
        let slot = self
            .aliases
            .get(line)
            .copied()
            .filter(|&s| s != 0 && s != UNSURE)?;
        let (alias, kind) = (usize::from((slot - 1) >> 2), (slot - 1) & 3);
        let bounds = HitBounds {
            word_start: kind != AFTER_CLITICS,
            item_start: kind == WHOLE_AT_START,
            word_end: true,
        };
        Some(bounds.name_score(*self.alias_lens.get(alias)?))
    }

    /// As [`LineFilter::verdict`], for one term (its `!` applied).
    fn verdict(&self, line: usize) -> Option<Option<i32>> {
        let read = self.scan.as_ref().map_or(0, |s| s.bits(line));
        let mut m = self.marks.get(line).copied().unwrap_or(0) | read;
        if let Some(settle) = self.settle.as_ref().filter(|_| left_open(m)) {
            let own = settle.bits(line);
            // The line's words name its first hit (none: the text says).
            if own & KINDS != 0 {
                m = m & !(KINDS | START_WHOLE | START_PART) | own;
            }
        }
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
            None if self.anchored && m & (ALIAS | SKEL) != 0 => return None,
            // Through an alias, unless the words leave where it lies open.
            None if m & ALIAS != 0 => Some(self.alias_score(line)?),
            // Lines have no other names: across scripts, or not at all.
            None if m & SKEL != 0 => Some(self.skel_score),
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

#[cfg(test)]
#[path = "wordscan_few_tests.rs"]
mod few_tests;
