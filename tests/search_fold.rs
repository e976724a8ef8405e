//! Folding and matching, as a table: every spelling in a row finds every other, and the
//! highlight lands on the right source bytes even where folding changed lengths.

use std::sync::atomic::AtomicBool;

use okur::search::{Index, Query, match_ranges, phrase_ranges};
use okur::text::{fold, fold_str, name_key};

/// Rows of spellings that must meet (through folding or the Latin<->Arabic name key).
const TABLE: &[&[&str]] = &[
    &["erdogan", "ERDOĞAN", "Erdoğan"],
    &["cavusoglu", "Çavuşoğlu"],
    &["istanbul", "İSTANBUL", "İstanbul"],
    &["ışık", "IŞIK", "Işık"],
    &["احمد", "أحمد", "إحمد"],
    &["محمد", "مُحَمَّد"],
    &["مدرسه", "مدرسة"],
    &["مصطفي", "مصطفى"],
    &["lavrov", "لافروف"],
    &["putin", "بوتين"],
    &["erdogan", "أردوغان"],
    &["١٢٣", "123"],
];

fn finds(query: &str, text: &str) -> Vec<std::ops::Range<usize>> {
    let index = Index::lines([text]);
    let q = Query::parse(query);
    let results = index
        .search(&q, None, &AtomicBool::new(false))
        .expect("not cancelled");
    assert_eq!(results.hits.len(), 1, "{query:?} should find {text:?}");
    index.highlight(&q, results.hits[0].item)
}

#[test]
fn every_spelling_finds_every_other() {
    for row in TABLE {
        for query in *row {
            for text in *row {
                let ranges = finds(query, text);
                assert_eq!(ranges, vec![0..text.len()], "{query:?} in {text:?}");
            }
        }
    }
}

#[test]
fn folding_alone_unifies_same_script_rows() {
    for row in TABLE.iter().filter(|r| r.len() > 1) {
        let keys: Vec<String> = row.iter().map(|s| fold_str(s)).collect();
        let same_script = keys.iter().all(|k| k.is_ascii()) || keys.iter().all(|k| !k.is_ascii());
        if same_script && !row.contains(&"١٢٣") {
            assert!(keys.windows(2).all(|w| w[0] == w[1]), "{row:?} -> {keys:?}");
        }
    }
    assert_eq!(fold_str("١٢٣"), "123");
    assert_eq!(name_key("Lavrov"), name_key("لافروف"));
}

#[test]
fn highlight_lands_on_source_bytes_after_length_changes() {
    let text = "Dışişleri Bakanı Çavuşoğlu, İSTANBUL'da مُحَمَّد ile görüştü (١٢٣)";
    for (query, expected) in [
        ("cavusoglu", "Çavuşoğlu"),
        ("istanbul", "İSTANBUL"),
        ("محمد", "مُحَمَّد"),
        ("123", "١٢٣"),
        ("'disisleri", "Dışişleri"),
    ] {
        let ranges = match_ranges(&Query::parse(query), text);
        assert_eq!(ranges.len(), 1, "{query}");
        assert_eq!(&text[ranges[0].clone()], expected, "{query}");
    }
}

#[test]
fn fuzzy_highlight_picks_scattered_source_characters() {
    let text = "İstanbul Boğazı";
    let ranges = finds("ibog", text);
    let picked: String = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(picked, "İBoğ");
}

#[test]
fn cross_script_highlight_marks_the_whole_word() {
    let text = "وقال لافروف إن بوتين";
    let ranges = match_ranges(&Query::parse("lavrov putin"), text);
    let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(words, ["لافروف", "بوتين"]);
}

#[test]
fn fold_map_is_monotone_and_on_char_boundaries() {
    let text = "ĞÜŞİÖÇ ığüşöç أَحْمَد ـــ ة ٤٥";
    let f = fold(text);
    let mut last = 0;
    for i in 0..=f.key.len() {
        let at = f.source_offset(i);
        assert!(text.is_char_boundary(at));
        assert!(at >= last);
        last = at;
    }
}

/// Text stored in Arabic presentation forms (as some PDFs and old sites give it): letter
/// shapes and the lam-alef ligature.
const PRESENTED: &str = "ﻗﺎﻝ ﻻﻓﺮﻭﻑ ﺇﻥ ﺑﻮﺗﻴﻦ";

#[test]
fn presentation_forms_fold_to_their_letters() {
    assert_eq!(fold_str(PRESENTED), fold_str("قال لافروف إن بوتين"));
    assert_eq!(fold_str("ﷲ"), "الله");
    // Isolated harakat fold to nothing, as the marks do.
    assert_eq!(fold_str("ﻣﹷﺤﻤﺪ"), "محمد");
    assert_eq!(name_key("ﻻﻓﺮﻭﻑ"), name_key("Lavrov"));
}

#[test]
fn the_filter_finds_presentation_forms_by_spelling_and_transliteration() {
    let word = "ﻻﻓﺮﻭﻑ";
    let at = PRESENTED.find(word).expect("in the text");
    for query in ["لافروف", "lavrov", "lavr"] {
        let ranges = finds(query, PRESENTED);
        assert_eq!(ranges, vec![at..at + word.len()], "{query}");
    }
    // The reader's find (`F`) and match highlighting.
    for query in ["لافروف", "lavrov", "'putin"] {
        let ranges = match_ranges(&Query::parse(query), PRESENTED);
        assert_eq!(ranges.len(), 1, "{query}");
    }
    let ranges = phrase_ranges("لافروف إن", PRESENTED);
    assert_eq!(ranges.len(), 1);
    assert_eq!(&PRESENTED[ranges[0].clone()], "ﻻﻓﺮﻭﻑ ﺇﻥ");
}

#[test]
fn a_hit_inside_a_ligature_maps_to_the_whole_ligature() {
    // `افروف` starts at the alef the lam-alef ligature holds.
    let ranges = match_ranges(&Query::parse("'افروف"), PRESENTED);
    let at = PRESENTED.find('ﻻ').expect("the ligature");
    assert_eq!(ranges, vec![at..at + "ﻻﻓﺮﻭﻑ".len()]);
    let f = fold(PRESENTED);
    let mut last = 0;
    for i in 0..=f.key.len() {
        let at = f.source_offset(i);
        assert!(PRESENTED.is_char_boundary(at) && at >= last);
        last = at;
    }
}
