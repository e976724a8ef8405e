//! How an index item's strings are laid down in the index's arena: back to back, the folded
//! key left out when it is the text itself, every length checked to fit in 32 bits.

use crate::text::fold_into;

/// Lines longer than this are indexed as several items: the folded key and the skeletons of
/// a piece stay far below 4 GiB, the limit of an item's field lengths.
pub(super) const MAX_PIECE: usize = 1 << 28;

/// Writes an item's strings to the arena: `text`, its folded key (left out when it is the
/// text itself), `extra` and `iso` as given, and the skeletons `skeletons` writes. Returns their
/// lengths and whether the key is the text, or `None` when a length does not fit in 32 bits.
pub(super) fn push_fields(
    strs: &mut String,
    text: &str,
    extra: &str,
    iso: &str,
    skeletons: impl FnOnce(&mut String),
) -> Option<([u32; 5], bool)> {
    strs.push_str(text);
    let key_at = strs.len();
    fold_into(text, strs);
    let key_is_text = strs.get(key_at..) == Some(text);
    if key_is_text {
        strs.truncate(key_at);
    }
    let key_len = strs.len() - key_at;
    strs.push_str(extra);
    strs.push_str(iso);
    let skel_at = strs.len();
    skeletons(strs);
    let lens = [
        text.len(),
        key_len,
        extra.len(),
        iso.len(),
        strs.len() - skel_at,
    ];
    let mut out = [0u32; 5];
    for (slot, len) in out.iter_mut().zip(lens) {
        *slot = u32::try_from(len).ok()?;
    }
    Some((out, key_is_text))
}

/// A line cut at character boundaries into pieces of at most `max` bytes (one piece, the
/// line itself, for any line of sane length; `max` is at least 4, a character's size).
pub(super) fn pieces(line: &str, max: usize) -> impl Iterator<Item = &str> {
    let mut rest = line;
    let max = max.max(4);
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = rest.len().min(max);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_at_character_boundaries() {
        let line = "aşbçc".repeat(3);
        let cut: Vec<&str> = pieces(&line, 4).collect();
        assert_eq!(cut.concat(), line);
        assert!(cut.iter().all(|p| !p.is_empty() && p.len() <= 4), "{cut:?}");
        assert_eq!(pieces("kısa", MAX_PIECE).collect::<Vec<_>>(), ["kısa"]);
        assert_eq!(pieces("", 4).count(), 0);
    }

    #[test]
    fn a_key_that_is_the_text_is_stored_once() {
        let mut strs = String::new();
        let (lens, same) = push_fields(&mut strs, "ankara", "", "", |_| {}).unwrap_or_default();
        assert!(same);
        assert_eq!(lens[..2], [6, 0]);
        let (lens, same) = push_fields(&mut strs, "Ankara", "", "", |_| {}).unwrap_or_default();
        assert!(!same);
        assert_eq!(lens[..2], [6, 6]);
    }
}
