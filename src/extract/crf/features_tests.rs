use super::*;

#[test]
fn gap_punctuation_is_the_first_character_not_a_space() {
    assert_eq!(gap_punct(" "), "");
    assert_eq!(gap_punct("\n \n"), "");
    assert_eq!(gap_punct(" , "), ",");
    assert_eq!(gap_punct("\u{a0}«("), "«");
    assert_eq!(gap_punct("\"\n"), "\"");
}

#[test]
fn arabic_stems() {
    assert_eq!(arabic_stem("والرياض"), "رياض");
    assert_eq!(arabic_stem("بايهود"), "ايهود");
    assert_eq!(arabic_stem("للعراق"), "عراق");
    assert_eq!(arabic_stem("لبنان"), "بنان");
    assert_eq!(arabic_stem("علي"), "علي");
}
