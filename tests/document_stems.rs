//! A piece of a huge document asks whether a word stands elsewhere in the document (a
//! person's last word with a Turkish case suffix, `Canyatakın`, is the name `Canyatak` when
//! that stands alone somewhere): the document now holds only the stems that do, not all of
//! its words (`extract::doc_words`). Read in pieces, the answer is the whole text's.

use okur::extract::Extractor;

/// Sentences with no name in them, `n` of them, each its own paragraph.
fn filler(n: usize) -> String {
    (0..n)
        .map(|i| format!("Toplantı {i}. gün de uzun sürdü ve akşam geç saatte bitti.\n\n"))
        .collect()
}

#[test]
fn a_suffixed_name_whose_stem_stands_in_another_piece_reads_as_in_the_whole_text() {
    let mut text = String::from("Dışişleri Bakanı Sergey Canyatakın açıklaması geldi.\n\n");
    text.push_str(&filler(60));
    text.push_str("Canyatak dün Ankara'ya geldi.\n\n");
    text.push_str(&filler(60));
    // A stem that stands nowhere alone: the whole word stays the name.
    text.push_str("Dışişleri Bakanı Sergey Lavrovun açıklaması geldi.\n\n");
    let ex = Extractor::new();
    let whole = ex.extract_text(&text, None);
    let surface = |m: &okur::extract::RawMention| &text[m.start..m.end];
    let names: Vec<&str> = whole.iter().map(surface).collect();
    assert!(
        names.contains(&"Sergey Canyatak"),
        "the bare name in the whole text: {names:?}"
    );
    for piece in [1_000, 2_000] {
        let got = ex.extract_text_in_pieces(&text, None, piece);
        assert_eq!(got, whole, "pieces of {piece}");
    }
}
