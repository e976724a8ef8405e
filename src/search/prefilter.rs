//! A test on a line's raw bytes before it is folded (`okur find --scope text`): most lines
//! of a corpus cannot match a term, and folding each of them was most of a streamed search.
//!
//! A line can match a group of terms only if it holds one of the group's forms (a pattern
//! or an alias spelling, all folded) in its folded text, or, for a term with a skeleton,
//! a word of the other script. The folded text holds a form exactly when the raw line
//! holds it with ASCII letters in any case, or when some character of the line that
//! folding changes, into nothing or into a letter of a form, lies inside the hit: each
//! other character folds to itself (or, ASCII, to its lower case). So the raw line is
//! searched case-insensitively first, and only around such characters is it folded, a
//! few characters each side. The test never says no to a line the full match takes.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

use crate::text::{fold_char, fold_into, is_arabic};

use super::engine::covers;
use super::item::ItemKind;
use super::query::Query;

/// Characters below this are classed once per group, in a table (Latin, Arabic).
const TABLE: usize = 0x800;

/// The quick test of one query (every group covering text lines must pass it).
pub(crate) struct RawFilter {
    groups: Vec<GroupTest>,
    /// Scratch: one character's fold, and a window's.
    one: String,
    window: String,
}

/// One group's quick test.
struct GroupTest {
    /// The group's forms, matched with ASCII letters in any case.
    forms: AhoCorasick,
    /// Longest form, in bytes: how much folded text each side of a character to look at.
    longest: usize,
    /// Characters of the forms.
    chars: Vec<char>,
    /// Per code point below [`TABLE`]: folding changes it into nothing or into a character
    /// of a form.
    changed: Vec<bool>,
    /// A Latin term meets Arabic words by skeleton; an Arabic term Latin (or other) ones.
    latin_skeleton: bool,
    arabic_skeleton: bool,
}

impl RawFilter {
    /// The test for `query`, or `None` when it cannot be tested on raw bytes. A group
    /// with a negated term is left out (a line lacking the term matches it).
    pub fn new(query: &Query) -> Option<RawFilter> {
        let groups = query
            .groups
            .iter()
            .filter(|g| covers(g.scope, ItemKind::Line))
            .filter(|g| !g.terms.iter().any(|t| t.negated))
            .map(|g| {
                let forms: Vec<&str> = g
                    .terms
                    .iter()
                    .flat_map(|t| std::iter::once(&t.pattern).chain(&t.aliases))
                    .map(String::as_str)
                    .filter(|f| !f.is_empty())
                    .collect();
                let skeleton = |arabic: bool| {
                    g.terms
                        .iter()
                        .any(|t| t.skeleton.is_some() && t.pattern.chars().any(is_arabic) == arabic)
                };
                GroupTest::new(&forms, skeleton(false), skeleton(true))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(RawFilter {
            groups,
            one: String::new(),
            window: String::new(),
        })
    }

    /// False only when no group's test passes `line`: then the line cannot match.
    pub fn may_match(&mut self, line: &str) -> bool {
        let (one, window) = (&mut self.one, &mut self.window);
        self.groups.iter().all(|g| g.may_match(line, one, window))
    }
}

impl GroupTest {
    fn new(forms: &[&str], latin_skeleton: bool, arabic_skeleton: bool) -> Option<GroupTest> {
        // An empty form (a term of only marks) is met by every line.
        if forms.is_empty() {
            return None;
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(forms)
            .ok()?;
        let mut chars: Vec<char> = forms.iter().flat_map(|f| f.chars()).collect();
        chars.sort_unstable();
        chars.dedup();
        let mut test = GroupTest {
            forms: automaton,
            longest: forms.iter().map(|f| f.len()).max().unwrap_or(0),
            chars,
            changed: Vec::new(),
            latin_skeleton,
            arabic_skeleton,
        };
        let mut one = String::new();
        test.changed = (0..TABLE)
            .map(|cp| {
                let c = u32::try_from(cp).ok().and_then(char::from_u32);
                c.is_some_and(|c| test.folds_into_forms(c, &mut one))
            })
            .collect();
        Some(test)
    }

    /// True when folding changes `c` into nothing, or into text holding a character of a
    /// form (an ASCII letter only counts when it is not the lower case of `c`).
    fn folds_into_forms(&self, c: char, one: &mut String) -> bool {
        one.clear();
        fold_char(c, one);
        if c.is_ascii() {
            return false;
        }
        let same = one.chars().eq(std::iter::once(c));
        !same && (one.is_empty() || one.chars().any(|x| self.chars.binary_search(&x).is_ok()))
    }

    fn changed(&self, c: char, one: &mut String) -> bool {
        match self.changed.get(c as usize) {
            Some(&changed) => changed,
            None => self.folds_into_forms(c, one),
        }
    }

    fn may_match(&self, line: &str, one: &mut String, window: &mut String) -> bool {
        let bytes = line.as_bytes();
        // Arabic letters: lead bytes of U+0600..U+07FF, U+08A0..U+08FF (E0) and the
        // presentation forms U+FB50..U+FEFF (EF).
        let arabic_lead = |b: &u8| (0xD8..=0xDF).contains(b) || *b == 0xE0 || *b == 0xEF;
        if self.latin_skeleton && bytes.iter().any(arabic_lead) {
            return true;
        }
        // Any word not Arabic may be met: an ASCII letter, or a character outside U+0600..U+06FF.
        let other = |b: &u8| b.is_ascii_alphabetic() || (*b >= 0xC0 && !(0xD8..=0xDB).contains(b));
        if self.arabic_skeleton && bytes.iter().any(other) {
            return true;
        }
        if self.forms.is_match(line) {
            return true;
        }
        let mut at = 0;
        // Folding more than the line itself would cost more than folding it once.
        let mut budget = line.len();
        while let Some(skip) = bytes
            .get(at..)
            .and_then(|b| b.iter().position(|&b| b >= 0x80))
        {
            at += skip;
            let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else {
                return true;
            };
            if self.changed(c, one) {
                let (start, end) = around(line, at, c.len_utf8(), self.longest, one);
                window.clear();
                fold_into(line.get(start..end).unwrap_or(line), window);
                if self.forms.is_match(window.as_str()) {
                    return true;
                }
                budget = match budget.checked_sub(end - start) {
                    Some(left) => left,
                    None => return true,
                };
            }
            at += c.len_utf8();
        }
        false
    }
}

/// The byte range around the character at `at` (`len` bytes) holding at least `need`
/// folded bytes each side of it (or up to the line's ends).
fn around(line: &str, at: usize, len: usize, need: usize, one: &mut String) -> (usize, usize) {
    let folded = |c: char, one: &mut String| {
        one.clear();
        fold_char(c, one);
        one.len()
    };
    let (mut start, mut got) = (at, 0);
    for (i, c) in line.get(..at).unwrap_or("").char_indices().rev() {
        if got >= need {
            break;
        }
        got += folded(c, one);
        start = i;
    }
    let (mut end, mut got) = (at + len, 0);
    for c in line.get(at + len..).unwrap_or("").chars() {
        if got >= need {
            break;
        }
        got += folded(c, one);
        end += c.len_utf8();
    }
    (start, end)
}

#[cfg(test)]
#[path = "prefilter_tests.rs"]
mod tests;
