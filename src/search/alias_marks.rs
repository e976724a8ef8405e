//! Where an alias spelling of a term lies in a line, as the words holding it say (see
//! [`super::wordscan`]): the matcher scores a line's first alias hit, as whole words.

use super::wordscan::is_word;

/// An alias spelling is a word of its own that starts the line's key.
pub(super) const WHOLE_AT_START: u8 = 0;
/// An alias spelling is a word of its own, not at the key's start.
pub(super) const WHOLE: u8 = 1;
/// An alias spelling follows one or two Arabic proclitics in a word (`وأنقرة`).
pub(super) const AFTER_CLITICS: u8 = 2;
/// Where the first alias hit lies is for the text to say.
pub(super) const UNSURE: u8 = 0xFF;

/// How word `word` holds `alias` as whole words (see [`super::matcher::whole_words`]):
/// [`WHOLE`] (or [`WHOLE_AT_START`], as the line's flag says), [`AFTER_CLITICS`],
/// [`UNSURE`] for an alias of several words or a word holding it more than once; `None`
/// when it cannot (the alias ends inside the word, or follows other letters).
pub(super) fn alias_kind(alias: &str, word: &str) -> Option<u8> {
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
pub(super) fn merge_alias(slot: u8, i: usize, kind: u8, first: bool) -> u8 {
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
