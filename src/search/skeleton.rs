//! Cross-script word shapes: how a Latin term meets an Arabic word and back.
//!
//! An item's skeleton field lists one entry per word, in logical order: ` a:<skeleton>.<vowels>`
//! for an Arabic word, ` l:<skeleton>.<vowels>` for a Latin one (see
//! [`crate::text::push_word_shape`]), ` -` for a word that is left out (digits, or the script
//! a stream scan does not need), and ` |` between two names of one item (an entity's name and
//! its aliases); a closing space ends the list. An exact or anchored term (`'x`, `^x`, `x$`)
//! meets a word when their skeletons are equal and their vowels agree
//! ([`crate::text::vowels_agree`]): a whole word, never a part of one, so `'putin` finds بوتين
//! but not بايدن (Biden) nor Turkish `bütün`. A plain term, still being typed, meets a word
//! whose skeleton starts with its own, with the vowels between its consonants agreeing
//! (`lavr` finds لافروف, `بوتين` finds `Putinle`): so each letter typed narrows what the
//! last one found. Anchors count words: `^term` is the first word of a name or line (its
//! first logical word, in either script), `term$` the last.

use memchr::memmem::Finder;

use crate::text::{is_arabic, is_word_char, push_word_shape, vowels_agree};

use super::query::Mode;

/// A term's shape, compiled for finding it in skeleton fields.
pub(crate) struct ShapeFinder {
    /// ` a:<skeleton>.` (a Latin term looks for Arabic words) or ` l:<skeleton>.`.
    finder: Finder<'static>,
    /// The term's vowel gaps.
    vowels: String,
    /// True when the term is Arabic (the words it meets are Latin).
    arabic: bool,
}

impl ShapeFinder {
    /// The finder for a term with this skeleton and these vowel gaps.
    pub fn new(skeleton: &str, vowels: &str, arabic: bool) -> ShapeFinder {
        let side = if arabic { 'l' } else { 'a' };
        let needle = format!(" {side}:{skeleton}");
        ShapeFinder {
            finder: Finder::new(needle.as_bytes()).into_owned(),
            vowels: vowels.to_string(),
            arabic,
        }
    }

    /// The needle every entry the term meets holds (` a:<skeleton>` or ` l:<skeleton>`).
    pub fn needle(&self) -> &Finder<'static> {
        &self.finder
    }

    /// Byte offset in `skel` of the first entry the term meets where `mode` allows it.
    pub fn find(&self, skel: &str, mode: Mode) -> Option<usize> {
        let len = self.finder.needle().len();
        let whole = mode != Mode::Fuzzy;
        self.finder.find_iter(skel.as_bytes()).find(|&at| {
            let rest = skel.get(at + len..).unwrap_or("");
            let Some(dot) = rest
                .find(['.', ' '])
                .filter(|&d| rest[d..].starts_with('.'))
            else {
                return false;
            };
            let end = rest.find(' ').unwrap_or(rest.len());
            let (word_vowels, after) = (rest.get(dot + 1..end).unwrap_or(""), &rest[end..]);
            // Whole words compare every gap; a prefix only those inside the term.
            let gaps = match whole {
                true if dot != 0 => return false,
                true => self.vowels.len(),
                false => self.vowels.len() - 1,
            };
            let agree = if self.arabic {
                vowels_agree(&self.vowels, word_vowels, gaps)
            } else {
                vowels_agree(word_vowels, &self.vowels, gaps)
            };
            let first = || at == 0 || skel[..at].ends_with(" |");
            let last = || after == " " || after.starts_with(" | ");
            agree
                && match mode {
                    Mode::Fuzzy | Mode::Exact => true,
                    Mode::Prefix => first(),
                    Mode::Suffix => last(),
                    Mode::Equal => first() && last(),
                }
        })
    }

    /// True when `word` (one word of source text) is met by the term: as a whole word, or
    /// for a plain term (`mode` fuzzy) by its start.
    pub fn meets_word(&self, word: &str, mode: Mode, scratch: &mut String) -> bool {
        let Some(first) = first_letter(word) else {
            return false;
        };
        if is_arabic(first) == self.arabic {
            return false;
        }
        scratch.clear();
        scratch.push_str(if self.arabic { " l:" } else { " a:" });
        let mut vowels = String::new();
        push_word_shape(word, scratch, Some(&mut vowels));
        scratch.push('.');
        scratch.push_str(&vowels);
        scratch.push(' ');
        let mode = if mode == Mode::Fuzzy {
            Mode::Fuzzy
        } else {
            Mode::Exact
        };
        self.find(scratch, mode).is_some()
    }
}

/// The first letter of a word (digits are not letters here).
pub(crate) fn first_letter(word: &str) -> Option<char> {
    word.chars()
        .find(|&c| is_word_char(c) && !c.is_ascii_digit())
}

/// Appends one entry per word of `s` (see the module doc); words of the other script than
/// `arabic` asks for (`Some(true)`: Arabic words only) become ` -`. Ends with a space when
/// anything was written.
pub(crate) fn push_skeletons_of(s: &str, arabic: Option<bool>, out: &mut String) {
    let start = out.len();
    each_skeleton_entry(s, arabic, |entry| {
        out.push(' ');
        out.push_str(entry);
    });
    if out.len() > start {
        out.push(' ');
    }
}

/// Calls `f` with each entry [`push_skeletons_of`] writes for `s`, in order, without its
/// spaces (`-`, `a:<skeleton>.<vowels>`, `l:<skeleton>.<vowels>`): a document line's
/// entries are numbered one at a time, its whole field never written out (for a line of
/// 40 MB with no line break the field took 66 MB, with room to grow to 128).
pub(crate) fn each_skeleton_entry(s: &str, arabic: Option<bool>, mut f: impl FnMut(&str)) {
    let (mut entry, mut vowels) = (String::new(), String::new());
    for word in s
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        entry.clear();
        let script = first_letter(word).map(is_arabic);
        match script.filter(|&script| arabic.is_none_or(|a| a == script)) {
            None => entry.push('-'),
            Some(script) => {
                entry.push_str(if script { "a:" } else { "l:" });
                vowels.clear();
                push_word_shape(word, &mut entry, Some(&mut vowels));
                entry.push('.');
                entry.push_str(&vowels);
            }
        }
        f(&entry);
    }
}

/// Appends the entries of several names of one item, ` |` between two of them.
pub(crate) fn push_skeleton_forms<'a>(forms: impl IntoIterator<Item = &'a str>, out: &mut String) {
    let start = out.len();
    for form in forms {
        if out.len() > start {
            out.push_str(" |");
        }
        push_skeletons_of(form, None, out);
        if out.ends_with(' ') {
            out.pop();
        }
    }
    if out.len() > start {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skel(s: &str) -> String {
        let mut out = String::new();
        push_skeletons_of(s, None, &mut out);
        out
    }

    fn term(word: &str) -> ShapeFinder {
        let (mut s, mut v) = (String::new(), String::new());
        push_word_shape(word, &mut s, Some(&mut v));
        ShapeFinder::new(&s, &v, word.chars().any(is_arabic))
    }

    #[test]
    fn whole_words_with_agreeing_vowels() {
        let putin = term("putin");
        assert!(putin.find(&skel("قال بوتين أمس"), Mode::Exact).is_some());
        assert!(putin.find(&skel("قال بايدن أمس"), Mode::Exact).is_none());
        assert!(putin.find(&skel("بوتينات"), Mode::Exact).is_none());
        assert!(term("lavr").find(&skel("قال لافروف"), Mode::Fuzzy).is_some());
        assert!(term("lavr").find(&skel("قال لافروف"), Mode::Exact).is_none());
        assert!(term("بوتين").find(&skel("Putinle"), Mode::Fuzzy).is_some());
        assert!(
            term("بوتين")
                .find(&skel("bütünleşme"), Mode::Fuzzy)
                .is_none()
        );
    }

    #[test]
    fn anchors_count_words_in_logical_order() {
        let lavrov = term("lavrov");
        let first = skel("لافروف: سنراقب مع تركيا");
        let last = skel("قال سيرغي لافروف");
        assert!(lavrov.find(&first, Mode::Prefix).is_some());
        assert!(lavrov.find(&first, Mode::Suffix).is_none());
        assert!(lavrov.find(&last, Mode::Suffix).is_some());
        assert!(lavrov.find(&last, Mode::Prefix).is_none());
        let mut forms = String::new();
        push_skeleton_forms(["Sergey Lavrov", "لافروف"], &mut forms);
        assert!(lavrov.find(&forms, Mode::Equal).is_some());
        let mut scratch = String::new();
        assert!(term("بوتين").meets_word("Putin", Mode::Exact, &mut scratch));
        assert!(!term("بوتين").meets_word("bütün", Mode::Fuzzy, &mut scratch));
    }
}
