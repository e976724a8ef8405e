//! Optional Arabic shaping for terminals that do not join letters (DESIGN.md §3.6).
//!
//! Each Arabic letter of the display copy is replaced by its presentation form (Arabic
//! Presentation Forms-B, U+FE80..U+FEF4): isolated, final, initial or medial, chosen from the
//! joining types of its neighbours in logical order. One code point per cell: no lam-alef
//! ligatures (lam takes its initial or medial form, alef its final form), harakat stay in
//! their cluster untouched. Transparent characters (harakat, bidi controls: joining type T)
//! are skipped when looking at neighbours; ZWJ and tatweel (joining type C) join on both
//! sides; ZWNJ and everything else not listed joins nothing.
//!
//! A letter only joins the way its presentation forms can show: a dual-joining letter without
//! initial and medial forms in Forms-B (U+0649 alef maksura) joins only to the right, and a
//! letter with no form there (Persian peh, gaf, keheh, farsi yeh, ...) joins nothing, so the
//! letters beside it are not drawn reaching for a neighbour that stays unjoined.
//!
//! The tables come from `ArabicShaping.txt` through `assets/tools/gen_shape_table.py`.

#[path = "shape_table.rs"]
mod table;

use unicode_normalization::char::is_combining_mark;

/// Joining types of `ArabicShaping.txt` that okur distinguishes (L, left-joining, occurs in
/// no script okur shapes and is read as U).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joining {
    /// Non-joining.
    U,
    /// Right-joining: joins the letter before it (alef, dal, reh, waw, ...).
    R,
    /// Dual-joining: joins on both sides (beh, seen, lam, ...).
    D,
    /// Join-causing: tatweel, ZWJ.
    C,
    /// Transparent: harakat, format characters; skipped when looking at neighbours.
    T,
}

/// Index of a form in a table row: isolated, final, initial, medial.
const ISOLATED: usize = 0;
const FINAL: usize = 1;
const INITIAL: usize = 2;
const MEDIAL: usize = 3;

/// A character as shaping sees it: where it is, how it joins, its forms if it has any.
#[derive(Debug, Clone, Copy)]
struct Joiner {
    offset: usize,
    joining: Joining,
    forms: Option<&'static [char; 4]>,
}

/// For each byte offset of `text` where an Arabic letter begins, its presentation form;
/// `'\0'` everywhere else (the contract of `display_symbol`).
#[cfg(test)]
pub(super) fn shape_display(text: &str) -> Vec<char> {
    shape_range(text, 0..text.len())
}

/// [`shape_display`] for the bytes `range` of `text` only (index 0 is `range.start`): the
/// letters' neighbours are looked for outside the range too, so a row of a long paragraph is
/// shaped exactly as the whole paragraph would be, without a form per byte of all of it.
pub(super) fn shape_range(text: &str, range: std::ops::Range<usize>) -> Vec<char> {
    let Some(part) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = vec!['\0'; part.len()];
    // Every letter with a form is in U+0621..U+064A: lead byte 0xD8 or 0xD9.
    if memchr::memchr2(0xD8, 0xD9, part.as_bytes()).is_none() {
        return out;
    }
    let joiners: Vec<Joiner> = part
        .char_indices()
        .map(|(offset, c)| classify(offset, c))
        .filter(|j| j.joining != Joining::T)
        .collect();
    let outside = |j: &Joiner| j.joining != Joining::T;
    let before = text[..range.start]
        .chars()
        .rev()
        .map(|c| classify(0, c))
        .find(outside);
    let after = text[range.end..]
        .chars()
        .map(|c| classify(0, c))
        .find(outside);
    for (i, joiner) in joiners.iter().enumerate() {
        let Some(forms) = joiner.forms else { continue };
        let prev = match i.checked_sub(1) {
            Some(p) => joiners.get(p),
            None => before.as_ref(),
        };
        let next = joiners.get(i + 1).or(after.as_ref());
        let form = form_index(joiner.joining, prev, next);
        out[joiner.offset] = forms[form];
    }
    out
}

/// Which form a letter of joining type `own` takes between `prev` and `next` (neighbours
/// with transparent characters already skipped).
fn form_index(own: Joining, prev: Option<&Joiner>, next: Option<&Joiner>) -> usize {
    let joins_prev = matches!(own, Joining::R | Joining::D)
        && prev.is_some_and(|p| matches!(p.joining, Joining::D | Joining::C));
    let joins_next = own == Joining::D
        && next.is_some_and(|n| matches!(n.joining, Joining::R | Joining::D | Joining::C));
    match (joins_prev, joins_next) {
        (false, false) => ISOLATED,
        (true, false) => FINAL,
        (false, true) => INITIAL,
        (true, true) => MEDIAL,
    }
}

fn classify(offset: usize, c: char) -> Joiner {
    let (joining, forms) = joining_of(c);
    Joiner {
        offset,
        joining,
        forms,
    }
}

fn joining_of(c: char) -> (Joining, Option<&'static [char; 4]>) {
    if c.is_ascii() {
        return (Joining::U, None);
    }
    if let Ok(i) = table::LETTERS.binary_search_by_key(&c, |row| row.0) {
        let (_, joining, ref forms) = table::LETTERS[i];
        return (displayable(joining, forms), Some(forms));
    }
    if table::JOIN_CAUSING.contains(&c) {
        return (Joining::C, None);
    }
    if is_transparent(c) {
        return (Joining::T, None);
    }
    (Joining::U, None)
}

/// The joining type a letter can show with its Forms-B glyphs (see the module doc).
fn displayable(joining: Joining, forms: &[char; 4]) -> Joining {
    let has = |i: usize| forms[i] != '\0';
    match joining {
        Joining::D if has(INITIAL) && has(MEDIAL) && has(FINAL) => Joining::D,
        Joining::D | Joining::R if has(FINAL) => Joining::R,
        _ => Joining::U,
    }
}

/// Joining type T: marks (Mn, Me; Mc is counted too, none occurs in Arabic) and the format
/// characters and others that the table lists.
fn is_transparent(c: char) -> bool {
    is_combining_mark(c)
        || table::TRANSPARENT_RANGES
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

#[cfg(test)]
#[path = "shape_tests.rs"]
mod tests;
