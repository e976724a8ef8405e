use std::sync::Arc;

use super::super::index::Index;
use crate::corpus::{Corpus, Document};

fn index_of(texts: &[&str]) -> Index {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(format!("d{i}.txt"), (*t).to_string()))
        .collect();
    let mut index = Index::build(&Arc::new(Corpus { docs }), &[]);
    index.index_words();
    index
}

/// Each line's entries as text, in order, as the matcher reads them.
fn entries(index: &Index) -> Vec<Vec<String>> {
    let first = index.first_line();
    let texts = index.words.texts_by_entry();
    index.items.to_vec()[first..]
        .iter()
        .map(|item| {
            let words = index
                .line_words(item)
                .map(|w| (w, w.ids().collect::<Vec<_>>()));
            let Some((_, ids)) = words else {
                return Vec::new();
            };
            ids.into_iter()
                .map(|id| id.and_then(|id| texts.get(id as usize)))
                .map(|text| text.map_or(String::new(), |t| (*t).to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn lines_read_their_entries_through_their_words_or_hold_them_apart() {
    let texts = [
        "Putin ile Lavrov 3 kez, 2020 yılında",
        "çam ağacı",
        "cam kırıldı ve Putin",
        // `٣` folds to `3`, a word without a skeleton in the first line, but is written
        // as an Arabic letter here: this line is held apart.
        "قالَ بوتين ٣ مرات",
        "قال بوتين",
    ];
    let index = index_of(&texts);
    let side = index.entry_side.as_ref();
    assert!(side.is_some_and(|s| s.lines_apart() == 1), "{side:?}");
    // What a line's skeleton field, written out, names (` -`: left out, read as "").
    let written: Vec<Vec<String>> = texts
        .iter()
        .map(|t| {
            let mut field = String::new();
            super::super::index::push_skeletons(t, &mut field);
            field
                .split(' ')
                .filter(|e| !e.is_empty())
                .map(|e| {
                    if e == "-" {
                        String::new()
                    } else {
                        format!(" {e} ")
                    }
                })
                .collect()
        })
        .collect();
    assert_eq!(entries(&index), written);
    // Each entry's lines are the lines whose entries name it.
    let lines = index.entry_lines();
    let Some(lines) = lines else {
        panic!("no entry lines");
    };
    // (An empty entry, a word's without a skeleton, is met by no term: its lines are
    // never read.)
    let texts = index.words.texts_by_entry();
    for id in 0..u32::try_from(index.words.len()).unwrap_or(0) {
        let entry = texts[id as usize].to_string();
        if entry.is_empty() {
            continue;
        }
        let mut got = Vec::new();
        lines.for_each(id, |line, _| got.push(line));
        got.sort_unstable();
        let want: Vec<usize> = (0..written.len())
            .filter(|&l| entries(&index)[l].contains(&entry))
            .collect();
        // An entry whose text another entry also has may list only some of its lines;
        // together the entries of one text list all of them.
        let same: Vec<u32> = (0..u32::try_from(index.words.len()).unwrap_or(0))
            .filter(|&o| texts[o as usize] == entry)
            .collect();
        let mut all = Vec::new();
        for &o in &same {
            lines.for_each(o, |line, _| all.push(line));
        }
        all.sort_unstable();
        all.dedup();
        assert!(
            got.iter().all(|l| want.contains(l)),
            "{entry}: {got:?} {want:?}"
        );
        assert_eq!(all, want, "{entry}");
    }
}
