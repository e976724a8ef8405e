//! A test on raw bytes before lines are folded (`okur find --scope text`): most lines of a
//! corpus cannot match a term, and folding each of them was most of a streamed search.
//!
//! A line matches a group of terms only if its folded text holds one of the group's forms
//! (a pattern or an alias spelling, all folded), or, for a term with a skeleton, it holds
//! a word of the other script with that skeleton. Each group is compiled into one pattern
//! on raw bytes ([`super::raw_pattern`]) matching every raw spelling that folds to a form
//! (any case, `I ı İ i`, diacritics, Arabic letter forms and presentation forms, harakat
//! and tatweel between letters) and every word of the other script that can have the
//! skeleton, built from the fold and the shape themselves ([`super::raw_chars`]). A whole
//! document is searched at once, and only the lines where every group has a hit are folded
//! and matched. The test never says no to a line the full match takes.
//!
//! A group whose every hit holds one of a few characters (see [`Anchor`]) is searched by
//! those first (`aho-corasick`, SIMD): `regex` finds no literal in a pattern whose letters
//! are classes of many characters, and scanned every byte of the text with its DFA.

use aho_corasick::{AhoCorasick, Input, MatchKind};
use memchr::{memchr, memrchr};
use regex::bytes::{Regex, RegexBuilder};

use crate::text::is_arabic;

use super::engine::covers;
use super::item::ItemKind;
use super::query::{Group, Query};

#[path = "raw_chars.rs"]
mod raw_chars;
#[path = "raw_pattern.rs"]
mod raw_pattern;

use raw_chars::{RawChars, raw_chars};
use raw_pattern::{form_anchor, form_pattern, multi_chars, multi_pattern, shape_pattern};

/// Most memory one group's compiled pattern may take: past it the group is not tested.
const PATTERN_LIMIT: usize = 64 << 20;

/// The quick test of one query: each group covering text lines, compiled. A clone shares
/// the compiled patterns.
#[derive(Clone)]
pub(crate) struct RawFilter {
    groups: Vec<Regex>,
    /// Characters one of which every line matching all groups holds, when some group has
    /// few and rare enough.
    anchor: Option<Anchor>,
}

/// Most share of text ([`raw_pattern::share`], percent) an anchor's characters may make up
/// together: past it most lines hold one and searching for them first gains nothing.
const ANCHOR_SHARE: f64 = 0.5;

/// Most characters an anchor may have: past it `aho-corasick` has no SIMD search for them.
const ANCHOR_CHARS: usize = 64;

/// Characters one of which every hit of one group holds, searched for together.
#[derive(Clone)]
struct Anchor {
    finder: AhoCorasick,
    /// Their summed share of text (the lower, the fewer lines are looked at).
    share: f64,
}

impl RawFilter {
    /// The test for `query`, or `None` when it cannot be tested on raw bytes or has no
    /// group to test. A group with a negated term is left out (a line lacking the term
    /// matches it).
    pub fn new(query: &Query) -> Option<RawFilter> {
        let tables = raw_chars();
        let tested: Vec<&Group> = query
            .groups
            .iter()
            .filter(|g| covers(g.scope, ItemKind::Line))
            .filter(|g| !g.terms.iter().any(|t| t.negated))
            .collect();
        let groups = tested
            .iter()
            .map(|g| group_regex(tables, g))
            .collect::<Option<Vec<_>>>()?;
        // A line matching every group holds a hit of each: the rarest group's anchor will do.
        let anchor = tested
            .iter()
            .filter_map(|g| group_anchor(tables, g))
            .filter(|a| a.share <= ANCHOR_SHARE)
            .min_by(|a, b| a.share.total_cmp(&b.share));
        // No group to test (no terms, or only negated ones): every line is looked at.
        (!groups.is_empty()).then_some(RawFilter { groups, anchor })
    }

    /// False only when some group has no hit in `line`: then the line cannot match.
    pub fn may_match(&self, line: &str) -> bool {
        let anchored = self.anchor.as_ref().is_none_or(|a| a.finder.is_match(line));
        anchored && self.groups.iter().all(|g| g.is_match(line.as_bytes()))
    }

    /// Calls `each(start, end)`, in order, with the byte range of every line of `text`
    /// (between two newlines, the newlines left out) where every group has a hit: the only
    /// lines that can match.
    pub fn lines(&self, text: &str, mut each: impl FnMut(usize, usize)) {
        let bytes = text.as_bytes();
        if let Some(anchor) = &self.anchor {
            return self.anchored_lines(anchor, bytes, &mut each);
        }
        let Some((first, rest)) = self.groups.split_first() else {
            return;
        };
        let mut from = 0;
        // A hit's last byte is in the line it belongs to: only its first may be the newline
        // before that line (a word starts after a character that is no word character).
        while let Some(end) = first.shortest_match_at(bytes, from) {
            let (start, stop) = line_around(bytes, end.saturating_sub(1).max(from));
            let line = bytes.get(start..stop).unwrap_or_default();
            if rest.iter().all(|g| g.is_match(line)) {
                each(start, stop);
            }
            if stop >= bytes.len() {
                break;
            }
            // A hit never ends on a newline, so `stop` is past `from`; the guard keeps that
            // true whatever a pattern becomes.
            from = stop.max(from + 1);
        }
    }

    /// [`RawFilter::lines`] through the anchor: only the lines holding one of its
    /// characters are matched against the groups.
    fn anchored_lines(&self, anchor: &Anchor, bytes: &[u8], each: &mut impl FnMut(usize, usize)) {
        let mut from = 0;
        while let Some(hit) = anchor
            .finder
            .find(Input::new(bytes).span(from..bytes.len()))
        {
            // An anchor is a letter or a sign, never a newline: it lies inside its line.
            let (start, stop) = line_around(bytes, hit.start());
            let line = bytes.get(start..stop).unwrap_or_default();
            if self.groups.iter().all(|g| g.is_match(line)) {
                each(start, stop);
            }
            if stop >= bytes.len() {
                break;
            }
            from = stop + 1;
        }
    }
}

/// The line holding byte `at` of `bytes`: from after the newline before it to the next
/// newline (at `at` itself when it is one) or the end.
fn line_around(bytes: &[u8], at: usize) -> (usize, usize) {
    let start = memrchr(b'\n', bytes.get(..at).unwrap_or_default()).map_or(0, |n| n + 1);
    let stop = memchr(b'\n', bytes.get(at..).unwrap_or_default()).map_or(bytes.len(), |n| at + n);
    (start, stop)
}

/// A test on a line's raw bytes before its words are shaped for the terms' skeletons: a
/// word of the other script whose shape can start with a term's skeleton is in every line
/// a skeleton meets, so a line without one is matched on its folded text alone (an Arabic
/// term's search shaped every Latin word of the lines its text was in). A clone shares the
/// compiled pattern.
#[derive(Clone)]
pub(crate) struct SkeletonGate(Regex);

impl SkeletonGate {
    /// The test for `query`'s terms that have a skeleton (negated ones too: the line lacks
    /// them when no word has their skeleton), in every group covering text lines; `None`
    /// when no term has one or a pattern does not compile.
    pub fn new(query: &Query) -> Option<SkeletonGate> {
        let tables = raw_chars();
        let terms = query
            .groups
            .iter()
            .filter(|g| covers(g.scope, ItemKind::Line))
            .flat_map(|g| &g.terms);
        let mut parts = Vec::new();
        for term in terms {
            if let Some(skeleton) = &term.skeleton {
                let arabic_term = term.pattern.chars().any(is_arabic);
                parts.push(format!(
                    "(?:{})",
                    shape_pattern(tables, skeleton, !arabic_term)?
                ));
            }
        }
        if parts.is_empty() {
            return None;
        }
        let regex = RegexBuilder::new(&parts.join("|"))
            .size_limit(PATTERN_LIMIT)
            .dfa_size_limit(PATTERN_LIMIT)
            .build();
        regex.ok().map(SkeletonGate)
    }

    /// False only when no word of `line` can have a skeleton of the terms.
    pub fn may_hold(&self, line: &str) -> bool {
        self.0.is_match(line.as_bytes())
    }
}

/// The forms a group's lines are looked for by: each term's pattern and aliases, folded.
/// `None` when there is none, or one is empty (a term of only marks, met by every line).
fn group_forms(group: &Group) -> Option<Vec<&str>> {
    let forms: Vec<&str> = group
        .terms
        .iter()
        .flat_map(|t| std::iter::once(&t.pattern).chain(&t.aliases))
        .map(String::as_str)
        .collect();
    let empty = forms.is_empty() || forms.iter().any(|f| f.is_empty());
    (!empty).then_some(forms)
}

/// The anchor of one group: for each form, the characters of its rarest letter
/// ([`form_anchor`]), and the characters folding to several that may hold a form; `None`
/// when a term has a skeleton (a word of the other script meets it through any of many
/// common letters of both scripts), there is no form or an empty one, or the characters
/// are too many ([`ANCHOR_CHARS`]). Whether they are rare enough is the caller's to say.
fn group_anchor(t: &RawChars, group: &Group) -> Option<Anchor> {
    if group.terms.iter().any(|term| term.skeleton.is_some()) {
        return None;
    }
    let forms = group_forms(group)?;
    let mut chars = multi_chars(t, forms.iter().copied());
    let mut share: f64 = chars.iter().map(|&c| raw_pattern::share(c)).sum();
    for form in &forms {
        if let Some((more, more_share)) = form_anchor(t, form) {
            chars.extend(more);
            share += more_share;
        }
    }
    chars.sort_unstable();
    chars.dedup();
    if chars.is_empty() || chars.len() > ANCHOR_CHARS {
        return None;
    }
    let mut one = [0u8; 4];
    let literals: Vec<Vec<u8>> = chars
        .iter()
        .map(|c| c.encode_utf8(&mut one).as_bytes().to_vec())
        .collect();
    let finder = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(literals)
        .ok()?;
    Some(Anchor { finder, share })
}

/// One group's pattern: an alternative per form, per skeleton, and the characters folding
/// to several that may hold a form. `None` when a form is empty (a term of only marks,
/// met by every line) or the pattern does not compile within [`PATTERN_LIMIT`].
fn group_regex(t: &RawChars, group: &Group) -> Option<Regex> {
    let forms = group_forms(group)?;
    let mut parts: Vec<String> = forms.iter().filter_map(|f| form_pattern(t, f)).collect();
    parts.extend(multi_pattern(t, forms.iter().copied()));
    for term in &group.terms {
        if let Some(skeleton) = &term.skeleton {
            let arabic_term = term.pattern.chars().any(is_arabic);
            parts.push(shape_pattern(t, skeleton, !arabic_term)?);
        }
    }
    let pattern = parts
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|");
    RegexBuilder::new(&pattern)
        .size_limit(PATTERN_LIMIT)
        .dfa_size_limit(PATTERN_LIMIT)
        .build()
        .ok()
}

#[cfg(test)]
#[path = "prefilter_tests.rs"]
mod tests;
