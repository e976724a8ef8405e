//! Character folding with a map from key bytes back to source bytes.

use unicode_normalization::char::{decompose_canonical, decompose_compatible, is_combining_mark};

/// A folded search key and the source offset of each of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Folded {
    /// The folded text.
    pub key: String,
    /// `map[i]` is the byte offset in the source of the character that produced key byte `i`;
    /// one extra entry holds the source length.
    map: Vec<u32>,
}

impl Folded {
    /// The source byte range covered by key bytes `start..end`.
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let last = self.map.len().saturating_sub(1);
        let s = self.map.get(start.min(last)).copied().unwrap_or(0) as usize;
        let e = if end == 0 || end > last {
            self.map.get(last).copied().unwrap_or(0) as usize
        } else {
            self.end_of(end)
        };
        (s, e.max(s))
    }

    /// The source offset just past the character that produced key byte `end - 1`.
    fn end_of(&self, end: usize) -> usize {
        let src = self.map[end - 1];
        self.map[end..]
            .iter()
            .copied()
            .find(|&m| m != src)
            .unwrap_or(src) as usize
    }

    /// The source offset of key byte `i` (or the source length past the end).
    pub fn source_offset(&self, i: usize) -> usize {
        let last = self.map.len().saturating_sub(1);
        self.map.get(i.min(last)).copied().unwrap_or(0) as usize
    }
}

/// Folds one character into `out`: lower case with Turkish dotted/dotless I as one letter,
/// Latin diacritics removed, Arabic variants unified. Marks and tatweel produce nothing.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        'I' | 'ı' | 'İ' | 'i' => out.push('i'),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        'a'..='z' | '0'..='9' | ' ' => out.push(c),
        // The Turkish letters, spelled out: the common case skips decomposition.
        'ğ' | 'Ğ' => out.push('g'),
        'ş' | 'Ş' => out.push('s'),
        'ç' | 'Ç' => out.push('c'),
        'ö' | 'Ö' => out.push('o'),
        'ü' | 'Ü' | 'û' | 'Û' => out.push('u'),
        'â' | 'Â' => out.push('a'),
        'î' | 'Î' => out.push('i'),
        'ß' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'æ' | 'Æ' => out.push_str("ae"),
        _ if super::in_arabic_block(c) => fold_arabic(c, out),
        _ if c.is_ascii() => out.push(c),
        _ if is_presentation_form(c) => fold_presentation(c, out),
        _ => fold_other(c, out),
    }
}

/// True for Arabic harakat and Quranic marks: combining marks that sit on a letter.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

fn fold_arabic(c: char, out: &mut String) {
    match c {
        _ if is_arabic_mark(c) => {}
        '\u{0640}' => {}
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ى' | 'ی' => out.push('ي'),
        'ة' => out.push('ه'),
        'ک' => out.push('ك'),
        '٠'..='٩' => out.push(char::from_digit(c as u32 - 0x0660, 10).unwrap_or(c)),
        '۰'..='۹' => out.push(char::from_digit(c as u32 - 0x06F0, 10).unwrap_or(c)),
        _ => out.push(c),
    }
}

/// True for the Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF): the contextual
/// letter shapes and ligatures some PDFs and old sites store instead of the letters.
pub fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Calls `each` with the letters a presentation form stands for (its compatibility
/// decomposition, NFKC's: `ﻻ` is `ل` then `ا`), or with `c` itself when it has none (the
/// byte order mark, unassigned points). The isolated harakat (`ﹰ`, a space and a mark) give
/// their mark alone, so they fold to nothing as the mark does.
pub fn presentation_letters(c: char, mut each: impl FnMut(char)) {
    let mut letters = [' '; 24];
    let mut n = 0;
    decompose_compatible(c, |d| {
        if let Some(slot) = letters.get_mut(n) {
            *slot = d;
            n += 1;
        }
    });
    let letters = letters.get(..n).unwrap_or_default();
    let marks_only = letters
        .iter()
        .all(|&d| d == ' ' || is_arabic_mark(d) || d == '\u{0640}');
    for &d in letters {
        if !(marks_only && d == ' ') {
            each(d);
        }
    }
}

/// A presentation form folds as the letters it stands for.
fn fold_presentation(c: char, out: &mut String) {
    presentation_letters(c, |d| match d {
        // No decomposition: the character itself (as any other sign).
        _ if d == c => out.push(c),
        _ => fold_char(d, out),
    });
}

/// Latin (and other) letters: canonical decomposition, marks dropped, simple lower case.
fn fold_other(c: char, out: &mut String) {
    if is_combining_mark(c) {
        return;
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        }
    });
    let base = base.unwrap_or(c);
    let mut lower = base.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => out.push(l),
        _ => out.push(base),
    }
}

/// Folds a whole string, keeping the map back to source offsets.
pub fn fold(s: &str) -> Folded {
    let mut key = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    // Offsets are u32: a source past 4 GiB is folded up to there, so a hit past it is not
    // found rather than mapped back to the wrong bytes.
    let mut folded_to = s.len();
    for (i, c) in s.char_indices() {
        let (Ok(at), Ok(_)) = (u32::try_from(i), u32::try_from(i + c.len_utf8())) else {
            folded_to = i;
            break;
        };
        let before = key.len();
        fold_char(c, &mut key);
        map.extend(std::iter::repeat_n(at, key.len() - before));
    }
    map.push(u32::try_from(folded_to).unwrap_or(u32::MAX));
    Folded { key, map }
}

/// Folds a string to its key only (no map).
pub fn fold_str(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    fold_into(s, &mut key);
    key
}

/// Appends the key of `s` to `out` (no map), as [`fold_char`] of each character would. Runs
/// of characters that fold to themselves but for ASCII case (most of Arabic and Latin text)
/// are copied in one go and lowered in place (`I` -> `i` is the Turkish class too; pushing
/// them a character at a time was most of the fold); another character of two UTF-8 bytes
/// (Latin-1, Latin Extended, Arabic...) is looked up in [`TwoByteFolds`], so that Turkish
/// and Arabic lines, where such characters come every few bytes, are not folded through the
/// general match one character at a time.
pub fn fold_into(s: &str, out: &mut String) {
    let folds = two_byte_folds();
    let bytes = s.as_bytes();
    out.reserve(s.len());
    // `kept..i`: characters folding to themselves (ASCII lowered), not yet copied.
    let (mut kept, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            i += 1;
            continue;
        }
        if folds.keeps(bytes, i) {
            i += 2;
            continue;
        }
        let two = folds.at(bytes, i);
        push_lowered(s.get(kept..i).unwrap_or_default(), out);
        match two {
            Some(fold) => {
                fold.push_to(out);
                i += 2;
            }
            // `i` is on a character boundary: every step above took a whole character.
            None => match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => {
                    fold_char(c, out);
                    i += c.len_utf8();
                }
                None => i = bytes.len(),
            },
        }
        kept = i;
    }
    push_lowered(s.get(kept..).unwrap_or_default(), out);
}

/// Appends `run` to `out` with its ASCII letters lowered: its fold, when every other
/// character of it folds to itself. (Only ASCII bytes change: every byte of a longer
/// character is above 0x7F.)
fn push_lowered(run: &str, out: &mut String) {
    let from = out.len();
    out.push_str(run);
    if let Some(pushed) = out.get_mut(from..) {
        pushed.make_ascii_lowercase();
    }
}

/// The fold of one character, as [`fold_char`] writes it: up to two characters.
#[derive(Debug, Clone, Copy)]
struct SmallFold {
    chars: [char; 2],
    len: u8,
    /// The character folds to itself.
    same: bool,
}

impl SmallFold {
    fn push_to(self, out: &mut String) {
        for &c in self.chars.iter().take(usize::from(self.len)) {
            out.push(c);
        }
    }
}

/// [`fold_char`] of every character of two UTF-8 bytes (U+0080 to U+07FF), taken from it
/// once, by code point; `None` for one folding to more than two characters (none does
/// today: such a character would be folded by [`fold_char`] itself).
struct TwoByteFolds {
    folds: Vec<Option<SmallFold>>,
    /// A bit per code point: the character folds to itself. 256 bytes, asked first: the
    /// folds (24 KB) are read only for the few letters that change.
    same: [u64; 32],
}

impl TwoByteFolds {
    fn build() -> TwoByteFolds {
        let mut folded = String::new();
        let table = (0..0x800u32)
            .map(|cp| {
                let c = char::from_u32(cp)?;
                folded.clear();
                fold_char(c, &mut folded);
                let mut chars = folded.chars();
                let (first, second) = (chars.next(), chars.next());
                if chars.next().is_some() {
                    return None;
                }
                let len = u8::from(first.is_some()) + u8::from(second.is_some());
                let same = first == Some(c) && second.is_none();
                let chars = [first.unwrap_or(' '), second.unwrap_or(' ')];
                Some(SmallFold { chars, len, same })
            })
            .collect::<Vec<_>>();
        let mut same = [0u64; 32];
        for (cp, fold) in table.iter().enumerate() {
            if fold.is_some_and(|f| f.same)
                && let Some(word) = same.get_mut(cp / 64)
            {
                *word |= 1 << (cp % 64);
            }
        }
        TwoByteFolds { folds: table, same }
    }

    /// True when the character at `i` in `bytes` (valid UTF-8) takes two bytes and folds to
    /// itself.
    fn keeps(&self, bytes: &[u8], i: usize) -> bool {
        two_byte_point(bytes, i).is_some_and(|cp| {
            self.same
                .get(cp / 64)
                .is_some_and(|word| word >> (cp % 64) & 1 == 1)
        })
    }

    /// The fold of the character at `i` in `bytes` (valid UTF-8) when it takes two bytes.
    fn at(&self, bytes: &[u8], i: usize) -> Option<SmallFold> {
        let cp = two_byte_point(bytes, i)?;
        self.folds.get(cp).copied().flatten()
    }
}

/// The code point of the character at `i` in `bytes` (valid UTF-8) when it takes two bytes.
fn two_byte_point(bytes: &[u8], i: usize) -> Option<usize> {
    let lead = *bytes.get(i)?;
    if !(0xC2..=0xDF).contains(&lead) {
        return None;
    }
    let next = *bytes.get(i + 1)?;
    Some((usize::from(lead & 0x1F) << 6) | usize::from(next & 0x3F))
}

fn two_byte_folds() -> &'static TwoByteFolds {
    static TABLE: std::sync::OnceLock<TwoByteFolds> = std::sync::OnceLock::new();
    TABLE.get_or_init(TwoByteFolds::build)
}

#[cfg(test)]
#[path = "fold_tests.rs"]
mod tests;
