//! The parts a training split is cut into for held-out measures: the last part kept out
//! for error analysis, or each part in turn for a cross-validation (`train_ner cv`).

use super::train::LabelledDoc;

/// The last of `parts` equal parts of `docs`, cut as
/// [`super::train::sequences_out_of_fold`] cuts its folds: a training split's documents
/// held out for error analysis.
pub fn held_part(docs: &[LabelledDoc], parts: usize) -> &[LabelledDoc] {
    let size = docs.len().div_ceil(parts.max(1)).max(1);
    docs.chunks(size).last().unwrap_or_default()
}

/// Part `k` of `parts` equal parts of `docs`, cut as [`held_part`] cuts them (the last
/// part is `held_part`), and the other parts joined: one fold of a cross-validation.
pub fn fold_split(
    docs: &[LabelledDoc],
    parts: usize,
    k: usize,
) -> (&[LabelledDoc], Vec<LabelledDoc>) {
    let size = docs.len().div_ceil(parts.max(1)).max(1);
    let held = docs.chunks(size).nth(k).unwrap_or_default();
    let rest = docs
        .chunks(size)
        .enumerate()
        .filter(|(i, _)| *i != k)
        .flat_map(|(_, c)| c.iter().cloned())
        .collect();
    (held, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::crf::train::read_conll;

    #[test]
    fn the_held_part_is_the_last_fold() {
        let src: String = (0..11).map(|i| format!("w{i}\tO\n\n")).collect();
        let docs = read_conll(&src, 1);
        let held: Vec<&str> = held_part(&docs, 5).iter().map(|d| d.text.trim()).collect();
        assert_eq!(held, ["w9", "w10"]);
        assert!(held_part(&[], 5).is_empty());
        let (fold, rest) = fold_split(&docs, 5, 1);
        let fold: Vec<&str> = fold.iter().map(|d| d.text.trim()).collect();
        assert_eq!(fold, ["w3", "w4", "w5"]);
        assert_eq!(rest.len(), 8);
        assert_eq!(
            fold_split(&docs, 5, 3).0[0].text,
            held_part(&docs, 5)[0].text
        );
    }
}
