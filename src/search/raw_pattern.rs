//! Patterns on a line's raw bytes, built from the inverted fold and shape
//! ([`super::raw_chars`]): each matches every raw spelling that folds to a form, or every
//! word of the other script that can have a term's skeleton. They may match more than the
//! folded match takes, never less.

use super::raw_chars::{Ranges, RawChars, push_range};

/// The pattern of every raw text whose fold holds `form`, through characters folding to one
/// character (any case, Turkish `I ı İ i`, diacritics, Arabic letter forms) with characters
/// folding to nothing (harakat, tatweel, marks) between them; `None` when a character of
/// the form comes only out of characters folding to several (see [`multi_pattern`]).
pub(super) fn form_pattern(t: &RawChars, form: &str) -> Option<String> {
    let gap = format!("{}*", class(&t.vanish));
    let mut out = String::new();
    for (i, f) in form.chars().enumerate() {
        let chars = t.folding_to(f);
        if chars.is_empty() {
            return None;
        }
        if i > 0 {
            out.push_str(&gap);
        }
        out.push_str(&class(&ranges_of(chars)));
    }
    Some(out)
}

/// The characters folding to several characters at least one of which is in one of
/// `forms` (`ß` for `ss`, `ﻻ` for `لا`): a hit through one of them is not in the form
/// patterns, so a line holding one is taken. `None` when there is none.
pub(super) fn multi_pattern<'a>(
    t: &RawChars,
    forms: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let chars = multi_chars(t, forms);
    (!chars.is_empty()).then(|| class(&ranges_of(chars)))
}

/// The characters of [`multi_pattern`]'s class.
pub(super) fn multi_chars<'a>(t: &RawChars, forms: impl IntoIterator<Item = &'a str>) -> Vec<char> {
    let mut wanted: Vec<char> = forms.into_iter().flat_map(str::chars).collect();
    wanted.sort_unstable();
    let chars = t
        .multi
        .iter()
        .filter(|(_, fold)| fold.chars().any(|c| wanted.binary_search(&c).is_ok()))
        .map(|&(c, _)| c);
    chars.collect()
}

/// The raw characters one of which every hit of [`form_pattern`] for `form` holds: those
/// folding to the form's letter that is rarest in text by [`share`] (every hit spells each
/// letter of the form with one character folding to it), with their summed share. A hit is
/// one character wide there, so marks between letters cannot split it. `None` when the
/// form has no pattern (its hits are [`multi_pattern`]'s).
pub(super) fn form_anchor(t: &RawChars, form: &str) -> Option<(Vec<char>, f64)> {
    let mut best: Option<(Vec<char>, f64)> = None;
    for f in form.chars() {
        let chars = t.folding_to(f);
        if chars.is_empty() {
            return None;
        }
        let cost: f64 = chars.iter().map(|&c| share(c)).sum();
        if best.as_ref().is_none_or(|(_, b)| cost < *b) {
            best = Some((chars, cost));
        }
    }
    best
}

/// A rough share of text, in percent, that `c` makes up in Turkish, English or Arabic news
/// (the higher of the Turkish and English letter frequencies for a Latin letter): only to
/// pick which letter of a term to look for first, so it errs towards common.
pub(super) fn share(c: char) -> f64 {
    /// `a` to `z`: the higher of the letter's share in Turkish and in English text.
    const LATIN: [f64; 26] = [
        11.9, 2.8, 2.8, 4.7, 12.7, 2.2, 2.0, 6.1, 8.6, 0.2, 4.7, 5.9, 3.8, 7.2, 7.5, 1.9, 0.1, 6.9,
        6.3, 9.1, 3.4, 1.0, 2.4, 0.2, 3.3, 1.5,
    ];
    let latin = |c: char| {
        let at = u32::from(c.to_ascii_lowercase()).wrapping_sub(u32::from('a'));
        usize::try_from(at).ok().and_then(|i| LATIN.get(i)).copied()
    };
    match c {
        'a'..='z' => latin(c).unwrap_or(1.0),
        // Capitals begin sentences and names: a fifth of their letter, say.
        'A'..='Z' => latin(c).map_or(1.0, |s| s / 5.0),
        '0'..='9' => 1.0,
        // Turkish letters beyond ASCII.
        'ı' => 5.1,
        'ç' | 'ğ' | 'ö' | 'ş' | 'ü' | 'Ç' | 'Ğ' | 'İ' | 'Ö' | 'Ş' | 'Ü' => 2.0,
        // Arabic letters proper and the Arabic-Indic digits: Arabic text is made of them.
        '\u{0621}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{06A9}' | '\u{06CC}' => 3.5,
        _ if c.is_ascii() => 1.0,
        // Other letters with diacritics, presentation forms, signs: rare in this news.
        _ => 0.05,
    }
}

/// The pattern of a word of the other script whose shape starts with `skeleton` (a term's
/// consonant classes): `arabic_words` for a Latin term (it meets words whose first letter
/// is Arabic), else the words whose first letter is not. As [`crate::text::push_word_shape`]
/// shapes a word: consonants in order, the same class repeated counting once, anything
/// else between them, an Arabic word's article `ال` skipped. Vowels are not compared.
/// Characters shaping to several consonants are taken wherever they stand.
pub(super) fn shape_pattern(t: &RawChars, skeleton: &str, arabic_words: bool) -> Option<String> {
    let side = Some(arabic_words);
    let classes: Vec<char> = skeleton.chars().collect();
    let first = *classes.first()?;
    let other = class(t.no_consonant(None));
    let consonant = |k: char, side: Option<bool>| {
        let chars = t.consonant(k, side);
        (!chars.is_empty()).then(|| class(&ranges_of(chars)))
    };
    // A word starts after a character that is not a word character, or at the start.
    let mut out = format!("(?:^|{})[0-9]*", class(&t.word_end));
    // Its first letter (digits aside) is of the script asked: a letter of no consonant
    // (then, for Arabic, maybe the article's lam), or the first consonant itself.
    let head = consonant(first, None)?;
    let lead = class(t.no_consonant(side));
    let article = match (arabic_words, consonant('l', None)) {
        (true, Some(lam)) => format!("(?:{lam}{other}*)?"),
        _ => String::new(),
    };
    let mut starts = vec![format!("{lead}{other}*{article}{head}")];
    starts.extend(consonant(first, side));
    out.push_str(&format!("(?:{})", starts.join("|")));
    for pair in classes.windows(2) {
        let (before, next) = (consonant(pair[0], None)?, consonant(pair[1], None)?);
        out.push_str(&format!("(?:{before}|{other})*{next}"));
    }
    if !t.multi_consonant.is_empty() {
        let several = class(&ranges_of(t.multi_consonant.clone()));
        out = format!("{out}|{several}");
    }
    Some(out)
}

/// Sorted ranges of some characters.
fn ranges_of(mut chars: Vec<char>) -> Ranges {
    chars.sort_unstable();
    chars.dedup();
    let mut out = Vec::new();
    for c in chars {
        push_range(&mut out, c);
    }
    out
}

/// A regex class of the ranges (never empty: callers check).
fn class(ranges: &[(char, char)]) -> String {
    format!("[{}]", items(ranges))
}

fn items(ranges: &[(char, char)]) -> String {
    let mut out = String::with_capacity(ranges.len() * 12);
    for &(lo, hi) in ranges {
        out.push_str(&format!("\\x{{{:X}}}", u32::from(lo)));
        if hi != lo {
            out.push_str(&format!("-\\x{{{:X}}}", u32::from(hi)));
        }
    }
    out
}
