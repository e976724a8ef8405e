//! Match positions as SOURCE byte ranges, for highlighting and `n`/`N` jumps.
//!
//! Keys are folded, so a hit in a key is mapped back through [`Folded::source_range`]: the
//! ranges always cut the original text at character boundaries, whatever folding did to its
//! length (dropped harakat, `İ` -> `i`, Arabic-Indic digits).

use std::ops::Range;

use memchr::memmem;

use crate::text::{Folded, fold, is_arabic, is_word_char};

use super::engine::covers;
use super::index::Index;
use super::item::ItemKind;
use super::matcher::{Scorer, needle, whole_words};
use super::query::{Mode, Query, Scope, Term};
use super::skeleton::ShapeFinder;

impl Index {
    /// Byte ranges in item `id`'s text (see [`super::ItemView::text`]) that `query` matched,
    /// sorted and merged. Add [`super::ItemView::doc_offset`] for document offsets.
    pub fn highlight(&self, query: &Query, id: u32) -> Vec<Range<usize>> {
        let Some(item) = self.items.get(id as usize) else {
            return Vec::new();
        };
        let fuzzy = item.kind != ItemKind::Line || self.fuzzy_lines;
        let text = self.text(&item);
        term_ranges(query, &text, |s| covers(s, item.kind), fuzzy)
    }
}

/// Every occurrence of the query's positive terms in `text` (a document's text), as sorted,
/// merged source byte ranges: what the reader highlights and jumps between with `n`/`N`.
/// Fuzzy terms count as substrings here; names also match across scripts (skeleton, aliases).
/// Each line is an item of its own, as in the index: `^x` and `x$` anchor at its ends.
pub fn match_ranges(query: &Query, text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (at, trimmed) in crate::text::trimmed_lines(text) {
        let ranges = term_ranges(query, trimmed, |_| true, false);
        out.extend(ranges.into_iter().map(|r| r.start + at..r.end + at));
    }
    out
}

/// Every occurrence of `phrase` in `text`, folded as the search folds (case, diacritics,
/// dotted and dotless i, Arabic letter forms and harakat) and with any run of spaces in
/// the phrase matching any run of spaces in the text: what a browser's find does, for
/// words in a row (`rus barış` finds `Rus Barış`). Sorted source byte ranges.
pub fn phrase_ranges(phrase: &str, text: &str) -> Vec<Range<usize>> {
    let words: Vec<String> = phrase.split_whitespace().map(|w| fold(w).key).collect();
    let Some(first) = words.first().filter(|w| !w.is_empty()) else {
        return Vec::new();
    };
    let folded = fold(text);
    let key = folded.key.as_str();
    let mut out = Vec::new();
    for at in memmem::find_iter(key.as_bytes(), first.as_bytes()) {
        let mut end = at + first.len();
        let whole = words[1..].iter().all(|word| {
            let rest = key.get(end..).unwrap_or_default();
            let gap = rest.len() - rest.trim_start().len();
            let matched = gap > 0 && rest[gap..].starts_with(word.as_str());
            end += gap + word.len();
            matched
        });
        if whole {
            let (s, e) = folded.source_range(at, end);
            out.push(s..e);
        }
    }
    out
}

fn term_ranges(
    query: &Query,
    text: &str,
    applies: impl Fn(Scope) -> bool,
    fuzzy: bool,
) -> Vec<Range<usize>> {
    let folded = fold(text);
    let mut out = Vec::new();
    for group in query.groups.iter().filter(|g| applies(g.scope)) {
        for term in group.terms.iter().filter(|t| !t.negated) {
            let before = out.len();
            if fuzzy && term.mode == Mode::Fuzzy {
                fuzzy_ranges(&folded, &term.pattern, &mut out);
            } else {
                occurrences(&folded, term, &term.pattern, false, &mut out);
            }
            for alias in &term.aliases {
                // Alias spellings count as whole words only (see `TermMatcher`).
                occurrences(&folded, term, alias, true, &mut out);
            }
            if out.len() == before || !fuzzy {
                skeleton_ranges(text, term, &mut out);
            }
        }
    }
    merge(out)
}

/// The characters the fuzzy matcher picked, each mapped to its source bytes.
fn fuzzy_ranges(folded: &Folded, pattern: &str, out: &mut Vec<Range<usize>>) {
    let chars: Vec<char> = pattern.chars().collect();
    let mut picked = Vec::new();
    if Scorer::new()
        .indices(&folded.key, needle(pattern, &chars), &mut picked)
        .is_none()
    {
        return;
    }
    let starts: Vec<(usize, char)> = folded.key.char_indices().collect();
    for i in picked {
        if let Some(&(at, c)) = starts.get(i as usize) {
            let (s, e) = folded.source_range(at, at + c.len_utf8());
            out.push(s..e);
        }
    }
}

/// Occurrences of `needle` in the key, where the term's mode allows them (and, for an
/// alias spelling, only as whole words).
fn occurrences(
    folded: &Folded,
    term: &Term,
    needle: &str,
    whole: bool,
    out: &mut Vec<Range<usize>>,
) {
    let key = folded.key.as_str();
    if needle.is_empty() {
        return;
    }
    let len = needle.len();
    let allowed = |at: usize| {
        let anchored = match term.mode {
            Mode::Fuzzy | Mode::Exact => true,
            Mode::Prefix => at == 0,
            Mode::Suffix => at + len == key.len(),
            Mode::Equal => at == 0 && len == key.len(),
        };
        anchored && (!whole || whole_words(key, at, len))
    };
    for at in memmem::find_iter(key.as_bytes(), needle.as_bytes()).filter(|&a| allowed(a)) {
        let (s, e) = folded.source_range(at, at + len);
        out.push(s..e);
    }
}

/// Words of the other script that the term meets (whole words, skeleton and vowels, see
/// [`super::skeleton`]); for `^x` only the first word of `text`, for `x$` only the last.
fn skeleton_ranges(text: &str, term: &Term, out: &mut Vec<Range<usize>>) {
    let Some(skeleton) = &term.skeleton else {
        return;
    };
    let shape = ShapeFinder::new(skeleton, &term.vowels, term.pattern.chars().any(is_arabic));
    let all: Vec<(usize, &str)> = words(text).collect();
    let last = all.len().saturating_sub(1);
    let mut scratch = String::new();
    for (i, &(start, word)) in all.iter().enumerate() {
        let placed = match term.mode {
            Mode::Fuzzy | Mode::Exact => true,
            Mode::Prefix => i == 0,
            Mode::Suffix => i == last,
            Mode::Equal => all.len() == 1,
        };
        if placed && shape.meets_word(word, term.mode, &mut scratch) {
            out.push(start..start + word.len());
        }
    }
}

/// Words of `text` with their byte offsets (letters, digits and combining marks).
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let inside = is_word_char;
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        match (inside(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
}

/// Sorts ranges and merges those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.into_iter().filter(|r| r.start < r.end) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}
