//! How an index item's strings are laid down in the index's arena: back to back, the folded
//! key left out when it is the text itself, every length checked to fit in 32 bits; and the
//! items of titles and entities so laid down.

use crate::kind::Kind;
use crate::text::{fold_into, fold_str};

use super::aliases;
use super::bytes::byte_set;
use super::index::{Index, Item, push_skeletons};
use super::item::{EntityItem, ItemKind};
use super::skeleton::push_skeleton_forms;

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
        let cut = crate::text::floor_boundary(rest, max).len();
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

impl Index {
    /// Appends an item whose strings `fill` writes to the arena (returning their lengths
    /// and whether the key is the text). Nothing is added, and the index is marked too
    /// big, when a length or the item's id does not fit in 32 bits.
    pub(super) fn push_item(
        &mut self,
        kind: ItemKind,
        docs: [u32; 2],
        doc_offset: Option<usize>,
        fill: impl FnOnce(&mut String) -> Option<([u32; 5], bool)>,
    ) {
        let start = self.strs.len();
        let fits = u32::try_from(self.items.len()).is_ok_and(|id| id < u32::MAX);
        let filled = fits.then(|| fill(&mut self.strs)).flatten();
        let offset = match doc_offset {
            Some(o) => u64::try_from(o).ok().and_then(|o| o.checked_add(1)),
            None => Some(0),
        };
        let (Some((lens, key_is_text)), Some(doc_offset), Ok(at)) =
            (filled, offset, u64::try_from(start))
        else {
            self.strs.truncate(start);
            self.too_big = true;
            return;
        };
        let bytes = byte_set(self.strs.as_bytes().get(start..).unwrap_or_default());
        self.items.push(Item {
            at,
            lens,
            docs,
            doc_offset,
            bytes,
            kind,
            key_is_text,
            in_doc: false,
        });
    }

    pub(super) fn push_doc(
        &mut self,
        doc: usize,
        title: &str,
        offset: Option<usize>,
        date: &str,
        name: &str,
    ) {
        let Ok(doc) = u32::try_from(doc) else {
            self.too_big = true;
            return;
        };
        let extra = fold_str(&format!("{date} | {name}"));
        self.push_item(ItemKind::Doc, [doc, 1], offset, |strs| {
            push_fields(strs, title, &extra, date, |out| push_skeletons(title, out))
        });
    }

    pub(super) fn push_entity(&mut self, e: &EntityItem) {
        let mut also: Vec<String> = e.aliases.iter().map(|a| fold_str(a)).collect();
        if e.kind == Kind::Place {
            also.extend(aliases::expand(&fold_str(&e.name)));
        }
        let iso = e.iso.as_deref().unwrap_or_default();
        let forms = std::iter::once(fold_str(iso)).chain(also);
        let extra = forms
            .filter(|f| !f.is_empty())
            .collect::<Vec<_>>()
            .join(" | ");
        let at = self.doc_ids.len();
        self.doc_ids.extend_from_slice(&e.docs);
        let span = (u32::try_from(at), u32::try_from(self.doc_ids.len() - at));
        let (Ok(start), Ok(count)) = span else {
            self.doc_ids.truncate(at);
            self.too_big = true;
            return;
        };
        let kind = ItemKind::Entity(e.kind);
        self.push_item(kind, [start, count], None, |strs| {
            let names = std::iter::once(&e.name).chain(&e.aliases);
            push_fields(strs, &e.name, &extra, iso, |out| {
                push_skeleton_forms(names.map(String::as_str), out)
            })
        });
    }
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
