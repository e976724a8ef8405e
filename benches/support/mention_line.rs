//! One found mention as a line of text, shared by `benches/extract.rs` (`OKUR_BENCH_DUMP`) and
//! `tests/extract_identity.rs`, so the bench's dumps and the identity fixture compare byte for
//! byte.

use okur::extract::RawMention;

/// `document<TAB>extractor<TAB>start<TAB>end<TAB>kind<TAB>value<TAB>canonical`, no newline.
pub fn mention_line(doc: usize, extractor: &str, m: &RawMention) -> String {
    let RawMention {
        start,
        end,
        kind,
        value,
        canonical,
    } = m;
    format!("{doc}\t{extractor}\t{start}\t{end}\t{kind:?}\t{value:?}\t{canonical:?}")
}
