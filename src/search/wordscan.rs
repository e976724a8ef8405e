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
//! several kinds, or a possible hit through an alias spelling. Lines no term's words reach
//! are passed over.
//! The scores are the matcher's own (see [`HitBounds`]), so the results are the same as a
//! scan of every line's text.

use std::sync::Arc;

use super::engine::covers;
use super::index::Index;
use super::item::ItemKind;
use super::matcher::{HitBounds, TermMatcher};
use super::plan::Plan;
use super::postings::{Postings, is_alnum};
use super::query::Mode;
use super::words::EntrySet;

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
    negated: bool,
    /// The pattern's length in bytes.
    len: usize,
    /// The score of a hit across scripts, the only one a line marked [`SKEL`] alone has.
    skel_score: i32,
    /// Per line (none when the term has no alias spellings): how its first alias hit lies,
    /// `1 + (alias << 2 | kind)` ([`WHOLE_AT_START`], [`WHOLE`], [`AFTER_CLITICS`]), 0 none,
    /// [`UNSURE`] when the text must say.
    aliases: Vec<u8>,
    /// The alias spellings' lengths in bytes.
    alias_lens: Vec<usize>,
}

/// An alias spelling is a word of its own that starts the line's key.
const WHOLE_AT_START: u8 = 0;
/// An alias spelling is a word of its own, not at the key's start.
const WHOLE: u8 = 1;
/// An alias spelling follows one or two Arabic proclitics in a word (`وأنقرة`).
const AFTER_CLITICS: u8 = 2;
/// Where the first alias hit lies is for the text to say.
const UNSURE: u8 = 0xFF;

/// How word `word` holds `alias` as whole words (see [`super::matcher::whole_words`]):
/// [`WHOLE`] (or [`WHOLE_AT_START`], as the line's flag says), [`AFTER_CLITICS`],
/// [`UNSURE`] for an alias of several words or a word holding it more than once; `None`
/// when it cannot (the alias ends inside the word, or follows other letters).
fn alias_kind(alias: &str, word: &str) -> Option<u8> {
    if !is_word(alias) {
        return Some(UNSURE);
    }
    if word == alias {
        return Some(WHOLE);
    }
    let prefix = word.strip_suffix(alias)?;
    let arabic = crate::text::starts_arabic(alias);
    let clitics = prefix.chars().count() <= 2
        && prefix
            .chars()
            .all(|c| crate::text::ARABIC_PROCLITICS.contains(&c));
    if !(arabic && clitics) {
        return None;
    }
    // An earlier occurrence overlapping this one would hide it from the matcher.
    Some(match word.find(alias) {
        Some(at) if at == prefix.len() => AFTER_CLITICS,
        _ => UNSURE,
    })
}

/// A line's alias slot once a word holding alias `i` of kind `kind` is found in it
/// (`first`: the word starts the key). Aliases come in order: the first one with a hit
/// is the one the matcher scores.
fn merge_alias(slot: u8, i: usize, kind: u8, first: bool) -> u8 {
    let kind = if kind == WHOLE && first {
        WHOLE_AT_START
    } else {
        kind
    };
    let code = u8::try_from(i << 2 | usize::from(kind) & 3).map_or(UNSURE, |c| c.saturating_add(1));
    let new = if kind == UNSURE { UNSURE } else { code };
    match slot {
        0 => new,
        UNSURE => UNSURE,
        // An earlier alias has a hit here: it wins.
        old if usize::from((old - 1) >> 2) < i => old,
        old if old == new => old,
        // One alias in words of two kinds: which comes first is in the text.
        _ => UNSURE,
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
        let mut entries = Vec::new();
        for (g, (scope, terms)) in plan.groups.iter().enumerate() {
            if !covers(*scope, ItemKind::Line) {
                continue;
            }
            let mut group = Vec::new();
            for (n, t) in terms.iter().enumerate() {
                let (marks, met) = self.term_marks(postings, entry_lines, t, lines, &mut budget)?;
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
        entry_lines: &super::postings::Lists,
        t: &TermMatcher,
        lines: usize,
        budget: &mut usize,
    ) -> Option<(TermMarks, EntrySet)> {
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
        let mut aliases = vec![0u8; if t.term.aliases.is_empty() { 0 } else { lines }];
        for (i, alias) in t.term.aliases.iter().take(8).enumerate() {
            let run = longest_word(alias)?;
            let ids = self.word_memo.words_holding(postings, run, limit)?;
            spend(budget, ids.iter().map(|&id| postings.lines.cost(id)))?;
            for id in ids {
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
            negated: t.term.negated,
            len: pattern.len(),
            skel_score: t.skeleton_line_score(),
            aliases,
            alias_lens: t.term.aliases.iter().map(String::len).collect(),
        };
        Some((term, EntrySet::of(entries.into_iter())))
    }
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
fn is_word(s: &str) -> bool {
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

    /// The ids to look at when no earlier results narrow the search, of `items` in all:
    /// every item before the lines, then the lines that can match ([`LineFilter::may_match`]).
    pub fn candidates(&self, items: usize) -> Vec<u32> {
        let first = self.first.min(items);
        let ids = (0..items).filter(|&id| id < first || self.line_may_match(id - first));
        // The index keeps fewer than u32::MAX items (it stops adding at that point).
        ids.filter_map(|id| u32::try_from(id).ok()).collect()
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

    /// True when line `id` can match: some term of each group covering lines reaches it
    /// (or does not have to, being negated). Lines that cannot are not worth a look.
    pub fn may_match(&self, id: u32) -> bool {
        match (id as usize).checked_sub(self.first) {
            Some(line) => self.line_may_match(line),
            None => true,
        }
    }

    fn line_may_match(&self, line: usize) -> bool {
        !self.groups.is_empty()
            && self.groups.iter().all(|terms| {
                terms
                    .iter()
                    .any(|t| t.negated || t.marks.get(line).is_some_and(|&m| m != 0))
            })
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
