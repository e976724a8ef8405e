//! The fold and the word shape, inverted: which raw characters fold to a given character,
//! which fold to nothing, which are word characters and which consonant class each shapes
//! to. Taken once per process from [`fold_char`], [`is_word_char`] and [`push_word_shape`]
//! themselves, so the raw patterns built from it (see [`super::raw_pattern`]) cannot drift
//! from the rules they stand for.
//!
//! Only the scripts the shapes know are listed one by one: [`LOCAL`] (Latin, Arabic, the
//! presentation forms), where every consonant lies (a test checks it). Any character past
//! them counts as what lets the most through: a letter of no consonant, and an end of word.
//! The fold is inverted over the Basic Multilingual Plane, and over the other planes only
//! for a character past [`LOCAL`] (none of them folds into it: a test checks that too).

use std::sync::OnceLock;

use crate::text::{fold_char, is_arabic, is_word_char, push_word_shape};

/// Inclusive code point ranges (sorted where said).
pub(super) type Ranges = Vec<(char, char)>;

/// The code points listed one by one: up to the end of Arabic Extended-A, and the Arabic
/// presentation forms to the end of their blocks.
pub(super) const LOCAL: [(char, char); 2] = [('\0', '\u{08FF}'), ('\u{FB50}', '\u{FEFF}')];

/// Everything past [`LOCAL`].
pub(super) const BEYOND: [(char, char); 2] = [('\u{0900}', '\u{FB4F}'), ('\u{FF00}', char::MAX)];

/// The planes holding every character that folds to nothing (combining marks): the Basic
/// Multilingual Plane, the Supplementary one and the Special-purpose one (variation
/// selectors).
pub(super) const MARK_PLANES: [(char, char); 3] = [
    ('\0', '\u{FFFF}'),
    ('\u{10000}', '\u{1FFFF}'),
    ('\u{E0000}', '\u{EFFFF}'),
];

/// True when `c` is in [`LOCAL`].
pub(super) fn is_local(c: char) -> bool {
    in_ranges(&LOCAL, c)
}

/// The inverted tables.
pub(super) struct RawChars {
    /// `(folded, raw)` for every character of the Basic Multilingual Plane folding to one
    /// character other than itself, sorted.
    to_other: Vec<(char, char)>,
    /// Characters folding to something other than themselves, sorted: a class of the
    /// characters folding to `f` holds `f` itself only when `f` is not here.
    changed: Vec<char>,
    /// Characters folding to nothing (marks, tatweel): in the planes of [`MARK_PLANES`].
    pub vanish: Ranges,
    /// Characters folding to two characters or more (`ß`, `æ`, ligatures), with their fold.
    pub multi: Vec<(char, String)>,
    /// `(class letter, character)` for every local character shaping to exactly one
    /// consonant, sorted.
    consonants: Vec<(char, char)>,
    /// Local word characters shaping to two consonants or more (ligatures such as `ﷲ`).
    pub multi_consonant: Vec<char>,
    /// Characters ending a word: local ones that are no word character, and all beyond.
    pub word_end: Ranges,
    /// [`RawChars::no_consonant`]: any script, Arabic, not Arabic.
    no_consonant: [Ranges; 3],
}

/// The tables, built on first use.
pub(super) fn raw_chars() -> &'static RawChars {
    static TABLES: OnceLock<RawChars> = OnceLock::new();
    TABLES.get_or_init(RawChars::build)
}

/// `(folded, raw)` for the characters past the Basic Multilingual Plane folding to one
/// other character, sorted; built on first use.
fn astral_to_other() -> &'static [(char, char)] {
    static TABLE: OnceLock<Vec<(char, char)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut folded = String::new();
        let mut out = Vec::new();
        for c in ('\u{10000}'..=char::MAX).filter(|c| !is_local(*c)) {
            folded.clear();
            fold_char(c, &mut folded);
            let mut chars = folded.chars();
            if let (Some(f), None) = (chars.next(), chars.next())
                && f != c
            {
                out.push((f, c));
            }
        }
        out.sort_unstable();
        out
    })
}

impl RawChars {
    fn build() -> RawChars {
        let mut t = RawChars {
            to_other: Vec::new(),
            changed: Vec::new(),
            vanish: Vec::new(),
            multi: Vec::new(),
            consonants: Vec::new(),
            multi_consonant: Vec::new(),
            word_end: Vec::new(),
            no_consonant: Default::default(),
        };
        let mut folded = String::new();
        let chars = MARK_PLANES.iter().flat_map(|&(lo, hi)| lo..=hi);
        for c in chars.filter(|c| !c.is_ascii() || c.is_ascii_uppercase()) {
            folded.clear();
            fold_char(c, &mut folded);
            let mut chars = folded.chars();
            match (chars.next(), chars.next()) {
                (None, _) => push_range(&mut t.vanish, c),
                // Past the Basic Multilingual Plane only what folds to nothing is wanted.
                _ if c > '\u{FFFF}' => {}
                (Some(f), None) if f == c => {}
                (Some(f), None) => {
                    t.to_other.push((f, c));
                    t.changed.push(c);
                }
                (Some(_), Some(_)) => {
                    t.multi.push((c, folded.clone())); // a few dozen characters
                    t.changed.push(c);
                }
            }
        }
        t.to_other.sort_unstable();
        t.changed.sort_unstable();
        t.shapes();
        t
    }

    /// The local word characters' shapes, and the classes of characters made from them.
    fn shapes(&mut self) {
        let (mut one, mut shape, mut inside) = ([0u8; 4], String::new(), String::new());
        let mut plain = Vec::new();
        for c in LOCAL.iter().flat_map(|&(lo, hi)| lo..=hi) {
            if !is_word_char(c) {
                push_range(&mut self.word_end, c);
                continue;
            }
            // Shaped alone (at a word's start, where an article is cut) and after a tatweel
            // (inside a word): a character counts as one consonant only when both agree.
            shape.clear();
            push_word_shape(c.encode_utf8(&mut one), &mut shape, None);
            inside.clear();
            inside.push('\u{0640}');
            inside.push(c);
            let at = shape.len();
            push_word_shape(&inside, &mut shape, None);
            let (alone, within) = shape.split_at(at);
            let mut classes = alone.chars();
            match (classes.next(), classes.next()) {
                // Latin `h` is skipped after `s`, `c`, `k`, `g`, `t`, `z` or `d`: it may add
                // no consonant as well as its own.
                (None, _) if within.is_empty() => plain.push(c),
                (Some(k), None) if within.chars().eq([k]) => {
                    self.consonants.push((k, c));
                    if c.eq_ignore_ascii_case(&'h') {
                        plain.push(c);
                    }
                }
                _ => self.multi_consonant.push(c),
            }
        }
        self.consonants.sort_unstable();
        self.word_end.extend(BEYOND);
        let mut sides: [Ranges; 3] = Default::default();
        for c in plain {
            push_range(&mut sides[0], c);
            push_range(&mut sides[if is_arabic(c) { 1 } else { 2 }], c);
        }
        sides[0].extend(BEYOND);
        sides[2].extend(BEYOND);
        self.no_consonant = sides;
    }

    /// The characters folding to exactly `f`.
    pub fn folding_to(&self, f: char) -> Vec<char> {
        let mut out = Vec::new();
        if self.changed.binary_search(&f).is_err() && !in_ranges(&self.vanish, f) {
            out.push(f);
        }
        let astral = if is_local(f) {
            &[][..]
        } else {
            astral_to_other()
        };
        for table in [&self.to_other[..], astral] {
            let from = table.partition_point(|&(g, _)| g < f);
            let rest = table.get(from..).unwrap_or_default();
            out.extend(rest.iter().take_while(|&&(g, _)| g == f).map(|&(_, c)| c));
        }
        out
    }

    /// The characters shaping to consonant class `k`, of the script asked (`Some(true)`:
    /// Arabic only, `Some(false)`: not Arabic, `None`: any).
    pub fn consonant(&self, k: char, arabic: Option<bool>) -> Vec<char> {
        let from = self.consonants.partition_point(|&(g, _)| g < k);
        let all = self.consonants.get(from..).unwrap_or_default();
        all.iter()
            .take_while(|&&(g, _)| g == k)
            .map(|&(_, c)| c)
            .filter(|&c| arabic.is_none_or(|a| is_arabic(c) == a))
            .collect()
    }

    /// Word characters that may add no consonant to a word's shape (vowels, digits, marks,
    /// Latin `h`, and every character past [`LOCAL`]), of the script asked as in
    /// [`RawChars::consonant`].
    pub fn no_consonant(&self, arabic: Option<bool>) -> &Ranges {
        match arabic {
            None => &self.no_consonant[0],
            Some(true) => &self.no_consonant[1],
            Some(false) => &self.no_consonant[2],
        }
    }
}

/// Adds `c` to sorted ranges built in increasing order.
pub(super) fn push_range(ranges: &mut Ranges, c: char) {
    if let Some(last) = ranges.last_mut()
        && char::from_u32(u32::from(last.1) + 1) == Some(c)
    {
        last.1 = c;
        return;
    }
    ranges.push((c, c));
}

/// True when `c` lies in one of `ranges` (sorted).
pub(super) fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let at = ranges.partition_point(|&(_, hi)| hi < c);
    ranges.get(at).is_some_and(|&(lo, _)| lo <= c)
}
