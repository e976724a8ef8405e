//! Plain clusters: the characters most Turkish and Arabic text is made of, whose grapheme
//! boundaries need no segmentation rule (a boundary before every base, none before a mark),
//! read straight from the bytes. Wrapping spends most of its time finding clusters; this is
//! the fast path, and anything else goes to the full segmentation.

use super::Cluster;

/// The length of the cluster `rest` starts with, when it is plain: a base character of the
/// scripts okur mostly reads (Latin with Turkish letters, Arabic, common punctuation), or an
/// Arabic or Latin combining mark, the marks after it, and then a plain base or the end.
/// Between such characters UAX #29 puts a boundary before every base and none before a
/// mark, so no segmentation rule needs to run (it is most of the time spent wrapping).
/// `None` sends anything else to the full segmentation.
pub(super) fn simple_cluster_len(rest: &str) -> Option<(usize, char)> {
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    if !is_plain_base(first) && !is_plain_mark(first) {
        return None;
    }
    for (i, c) in chars {
        if !is_plain_mark(c) {
            return is_plain_base(c).then_some((i, first));
        }
    }
    Some((rest.len(), first))
}

/// [`simple_cluster_len`] for a cluster of two-byte characters (Turkish and Arabic letters,
/// harakat) followed by ASCII, another such character or the end, read from the bytes.
#[inline]
pub(super) fn two_byte_cluster(bytes: &[u8], at: usize) -> Option<(usize, char)> {
    let first = two_byte_char(bytes, at)?;
    if !is_plain_base(first) && !is_plain_mark(first) {
        return None;
    }
    let mut end = at + 2;
    loop {
        match bytes.get(end) {
            None => return Some((end - at, first)),
            Some(&n) if n < 0x80 => return Some((end - at, first)),
            Some(_) => {
                let c = two_byte_char(bytes, end)?;
                if is_plain_mark(c) {
                    end += 2;
                } else {
                    return is_plain_base(c).then_some((end - at, first));
                }
            }
        }
    }
}

/// The character at `at` when it takes two bytes in UTF-8.
#[inline]
fn two_byte_char(bytes: &[u8], at: usize) -> Option<char> {
    let (&lead, &next) = (bytes.get(at)?, bytes.get(at + 1)?);
    if !(0xC2..=0xDF).contains(&lead) || next & 0xC0 != 0x80 {
        return None;
    }
    char::from_u32((u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F))
}

/// A plain cluster (see [`simple_cluster_len`]) as `wrap::cluster_of` makes it, without its
/// table lookups: every plain base is one cell wide and its marks none, a lone mark is
/// drawn on a dotted circle in one cell, and the only plain spaces are U+0020 and U+00A0.
#[inline]
pub(super) fn plain_cluster(start: usize, len: usize, first: char) -> Cluster {
    Cluster {
        start,
        end: start + len,
        width: 1,
        space: matches!(first, ' ' | '\u{A0}'),
        replaced: false,
        rtl: false,
        orphan_mark: is_plain_mark(first),
    }
}

/// Characters with Grapheme_Cluster_Break=Other that okur meets most: printable ASCII,
/// Latin-1 and Latin Extended-A (not the soft hyphen, a control), Arabic letters, digits
/// and punctuation (not the prepended signs U+0600..U+0605 or the letter mark U+061C), and
/// the dashes, quotes and ellipsis of General Punctuation.
#[inline]
pub(super) fn is_plain_base(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{17F}'
        | '\u{60C}'
        | '\u{61B}'
        | '\u{61F}'..='\u{64A}'
        | '\u{660}'..='\u{66D}'
        | '\u{671}'..='\u{6D3}'
        | '\u{2010}'..='\u{2027}')
}

/// Combining marks (Grapheme_Cluster_Break=Extend): Arabic harakat and the Latin
/// combining diacritics.
#[inline]
pub(super) fn is_plain_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{64B}'..='\u{65F}' | '\u{670}')
}
