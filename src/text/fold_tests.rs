use super::*;

#[test]
fn turkish_and_latin_fold_together() {
    for (a, b) in [
        ("ERDOĞAN", "erdogan"),
        ("Erdoğan", "erdogan"),
        ("Çavuşoğlu", "cavusoglu"),
        ("İSTANBUL", "istanbul"),
        ("İstanbul", "istanbul"),
        ("IŞIK", "isik"),
        ("ışık", "isik"),
        ("Işık", "isik"),
        ("Kâzım", "kazim"),
        ("Jean-Marc Ayrault", "jean-marc ayrault"),
    ] {
        assert_eq!(fold_str(a), b, "{a}");
    }
}

#[test]
fn arabic_variants_fold_together() {
    for (a, b) in [
        ("أحمد", "احمد"),
        ("إحمد", "احمد"),
        ("مُحَمَّد", "محمد"),
        ("مدرسة", "مدرسه"),
        ("مصطفى", "مصطفي"),
        ("١٢٣", "123"),
        ("۱۲۳", "123"),
        ("بـــوتين", "بوتين"),
    ] {
        assert_eq!(fold_str(a), b, "{a}");
    }
}

/// The fold the fast path must give: [`fold_char`] of each character.
fn fold_by_char(s: &str) -> String {
    let mut slow = String::new();
    s.chars().for_each(|c| fold_char(c, &mut slow));
    slow
}

#[test]
fn ascii_fast_path_agrees_with_fold_char() {
    let s = "ISTANBUL Ankara-2020 (AFP) x_y!";
    assert_eq!(fold_str(s), fold_by_char(s));
}

#[test]
fn every_character_folds_as_fold_char_folds_it() {
    for c in '\0'..=char::MAX {
        // Between letters too: the table is read at an offset past the start.
        let s = format!("aİ{c}ş");
        assert_eq!(fold_str(&s), fold_by_char(&s), "{c:?}");
    }
}

/// [`fold_into`] appends the fold [`fold_char`] gives, and changes nothing before it (kept
/// text with a capital: only what is appended is lowered).
fn appends_as_fold_char(s: &str) -> Result<(), proptest::test_runner::TestCaseError> {
    let mut out = String::from("Kept ");
    fold_into(s, &mut out);
    proptest::prop_assert_eq!(out, format!("Kept {}", fold_by_char(s)));
    Ok(())
}

proptest::proptest! {
    #[test]
    fn fast_path_agrees_with_fold_char_on_any_text(s in "\\PC{0,64}") {
        proptest::prop_assert_eq!(fold_str(&s), fold_by_char(&s));
    }

    #[test]
    fn runs_copied_whole_fold_as_fold_char_folds_each_character(
        s in "([\\x00-\\x7F]{0,12}(ş|İ|ل|ة|أ|\u{0651}|\u{0640}|é|\u{FEFB}|\u{1F600}|\u{2014})?){0,6}"
    ) {
        appends_as_fold_char(&s)?;
    }

    #[test]
    fn fast_path_agrees_with_fold_char_on_turkish_and_arabic(
        s in "[a-zA-ZçğıİöşüÇĞÖŞÜâîûÂß æ\u{0300}-\u{036F}\u{0600}-\u{06FF}\u{FB50}-\u{FEFF}\u{0080}-\u{07FF}0-9 .,'\t-]{0,80}"
    ) {
        appends_as_fold_char(&s)?;
    }
}

#[test]
fn map_points_back_to_source_bytes() {
    let src = "Dışişleri İSTANBUL'da";
    let f = fold(src);
    let at = f
        .key
        .find("istanbul")
        .expect("folded key contains istanbul");
    let (s, e) = f.source_range(at, at + "istanbul".len());
    assert_eq!(&src[s..e], "İSTANBUL");
}

#[test]
fn map_survives_removed_harakat() {
    let src = "قال مُحَمَّد أمس";
    let f = fold(src);
    let at = f.key.find("محمد").expect("found");
    let (s, e) = f.source_range(at, at + "محمد".len());
    assert_eq!(&src[s..e], "مُحَمَّد");
}

#[test]
fn presentation_forms_fold_as_their_letters() {
    for (a, b) in [
        ("ﻻﻓﺮﻭﻑ", "لافروف"),
        ("ﺃﺣﻤﺪ", "احمد"),
        ("ﻣﺪﺭﺳﺔ", "مدرسه"),
        ("ﷲ", "الله"),
        ("ﻣﹷﺤﻤﺪ", "محمد"),
        ("\u{FEFF}", "\u{FEFF}"),
    ] {
        assert_eq!(fold_str(a), b, "{a}");
    }
    // Every form's letters fit the buffer they are gathered in, and none is itself a
    // presentation form (the fold does not go round).
    for c in ('\u{FB50}'..='\u{FDFF}').chain('\u{FE70}'..='\u{FEFF}') {
        let mut n = 0;
        decompose_compatible(c, |d| {
            n += 1;
            assert!(d == c || !is_presentation_form(d), "{c:?}");
        });
        assert!(n <= 24, "{c:?}");
    }
    let f = fold("قال ﻻﻓﺮﻭﻑ");
    let at = f.key.find("افروف").expect("found");
    let (s, e) = f.source_range(at, at + "افروف".len());
    assert_eq!(&"قال ﻻﻓﺮﻭﻑ"[s..e], "ﻻﻓﺮﻭﻑ");
}
