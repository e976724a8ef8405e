use super::names_of;

#[test]
fn the_other_names_split_as_str_split_does() {
    for extra in [
        "",
        "lavrov",
        "sergey lavrov | lavrov",
        " | ",
        "a | | b",
        " | | ",
        "a |b | c",
        "| a | ",
        "لافروف | سيرغي لافروف",
    ] {
        let want: Vec<&str> = extra.split(" | ").collect();
        assert_eq!(names_of(extra).collect::<Vec<_>>(), want, "{extra:?}");
    }
}
