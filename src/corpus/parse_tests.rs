use super::*;

fn seed(name: &str) -> String {
    let path = format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("seed exists")
}

fn doc(text: &str) -> Document {
    parse_document("t.txt".into(), text.to_string())
}

#[test]
fn title_is_first_non_empty_line() {
    assert_eq!(doc("\n\n  Başlık burada \nmetin").title, "Başlık burada");
}

#[test]
fn datelines_of_the_seed_forms() {
    assert_eq!(
        doc("x\n03.11.2020 - 20:35 | Son").date(),
        Some("2020-11-03")
    );
    assert_eq!(doc(" date 2020-01 Kamera").date(), Some("2020-01"));
    assert_eq!(doc("  • 11/13/2020\n").date(), Some("2020-11-13"));
    assert_eq!(doc("no date here").date(), None);
}

#[test]
fn the_letter_table_is_is_alphabetic() {
    for c in ('\0'..='\u{0710}').chain(['\u{FB50}', '\u{FEFC}']) {
        assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
    }
}

#[test]
fn language_by_letters() {
    assert_eq!(detect_language("Dışişleri Bakanı"), Lang::Tr);
    assert_eq!(detect_language("وزير الخارجية (AFP)"), Lang::Ar);
    assert_eq!(detect_language("The minister said"), Lang::Other);
}

#[test]
fn blank_lines_separate_paragraphs() {
    let d = doc("Bir\n\nİki satır\n\n\nÜç");
    let whole = d.text().expect("reads");
    let texts: Vec<_> = d.paragraphs().iter().map(|p| p.text(&whole)).collect();
    assert_eq!(texts, ["Bir", "İki satır", "Üç"]);
}

#[test]
fn seed_004_hard_wrapped_lines_are_joined() {
    let text = seed("004_ae8907a019e6b4f1.txt");
    let d = doc(&text);
    let whole = d.text().expect("reads");
    let first = d.paragraphs()[0].text(&whole);
    assert!(
        first.starts_with("Rusya Dışişleri Bakanı Sergey Lavrov"),
        "{first}"
    );
    assert!(first.contains("normalleşmesi kapsamında"), "{first}");
    assert!(
        d.paragraphs()
            .iter()
            .any(|p| p.text(&d.text().expect("reads")).contains("El-Nusra'nın"))
    );
}

#[test]
fn seed_002_long_line_is_one_paragraph() {
    let text = seed("002_8bd26ca40170c00a.txt");
    let d = doc(&text);
    assert_eq!(d.paragraphs().len(), 1);
    assert_eq!(
        d.paragraphs()[0].text(&d.text().expect("reads")),
        text.trim()
    );
}

#[test]
fn seed_003_bullets_stay_separate_and_boilerplate_is_marked() {
    let d = doc(&seed("003_604562b84a66c7a6.txt"));
    assert!(
        d.paragraphs()
            .iter()
            .any(|p| p.text(&d.text().expect("reads")) == "• 11/13/2020")
    );
    assert!(
        d.paragraphs()
            .iter()
            .any(|p| p.text(&d.text().expect("reads")) == "news-picture"
                && p.kind == ParaKind::Boilerplate)
    );
    assert_eq!(d.lang, Lang::Ar);
}

#[test]
fn pieces_map_back_to_document_bytes() {
    for name in ["000_e846ee86f0b51d87.txt", "004_ae8907a019e6b4f1.txt"] {
        let d = doc(&seed(name));
        for p in d.paragraphs() {
            let whole = d.text().expect("reads");
            let para_text = p.text(&whole);
            for piece in &p.pieces {
                assert_eq!(
                    &para_text[piece.para..piece.para + piece.len],
                    &d.text().expect("reads")[piece.doc..piece.doc + piece.len]
                );
                assert_eq!(p.to_doc(piece.para), piece.doc);
                assert_eq!(p.to_para(piece.doc), Some(piece.para));
            }
        }
    }
}

#[test]
fn crlf_and_bom_are_not_text() {
    let d = doc("\u{feff}Başlık\r\n\r\nGövde metni\r\n");
    assert_eq!(d.title, "Başlık");
    let whole = d.text().expect("reads");
    let texts: Vec<_> = d.paragraphs().iter().map(|p| p.text(&whole)).collect();
    assert_eq!(texts, ["Başlık", "Gövde metni"]);
}

#[test]
fn huge_line_is_cut_into_bounded_paragraphs() {
    let text = "kelime ".repeat(40_000);
    let d = doc(&text);
    assert!(d.paragraphs().len() > 1);
    assert!(d.paragraphs().iter().all(|p| p.len() <= MAX_PARA_BYTES));
    assert!(
        d.paragraphs()
            .iter()
            .all(|p| matches!(p.text(&d.text().expect("reads")), Cow::Borrowed(_))),
        "the cuts of a one-line paragraph are slices of the document"
    );
    let last = d.paragraphs().last().expect("paragraphs");
    assert_eq!(last.doc_end(), text.trim_end().len());
}

#[test]
fn empty_text_has_no_paragraphs() {
    assert!(doc("  \n\n").is_empty());
}

/// A document is empty before its paragraphs are found exactly when it has none after.
#[test]
fn emptiness_is_known_before_the_paragraphs_are_found() {
    for text in [
        "",
        "  \n\n",
        "\u{feff}\n\t\r\n",
        "\u{a0}",
        "x",
        "\n\n  باب \n",
        "\u{feff}a",
    ] {
        let d = doc(text);
        let before = d.is_empty();
        assert_eq!(before, d.paragraphs().is_empty(), "{text:?}");
        assert_eq!(before, d.is_empty(), "{text:?}");
    }
}

#[test]
fn joined_paragraphs_are_built_from_the_document_and_single_lines_borrowed() {
    let text = seed("004_ae8907a019e6b4f1.txt");
    let d = doc(&text);
    let joined = d.paragraphs().iter().find(|p| p.pieces.len() > 1);
    let joined = joined.expect("seed 004 is hard-wrapped");
    let whole = d.text().expect("reads");
    let t = joined.text(&whole);
    assert!(matches!(t, Cow::Owned(_)));
    assert_eq!(t.len(), joined.len());
    // Lines joined by one space, or by nothing after a word's hyphen.
    for w in joined.pieces.windows(2) {
        let gap = &t[w[0].para + w[0].len..w[1].para];
        assert!(gap == " " || gap.is_empty(), "{gap:?}");
    }
    let bullet = doc("Başlık\n\n• 11/13/2020\n");
    assert!(
        bullet
            .paragraphs()
            .iter()
            .all(|p| matches!(p.text(&bullet.text().expect("reads")), Cow::Borrowed(_)))
    );
}
