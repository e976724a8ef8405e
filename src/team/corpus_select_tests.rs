//! Tests of the selection grammar and the query it makes.

use super::*;

#[test]
fn a_selection_reads_filters_words_and_quoted_phrases() -> Result<(), SelectionError> {
    let s = Selection::parse(
        r#"src:"TRT Haber" %tag:gündem since:2024-02 until:2024 ERDOĞAN !'Ankara "kızılay başkanı" lang:tr"#,
    )?;
    assert_eq!(s.sources, ["trt haber"]);
    assert_eq!(s.tags, ["gündem"]);
    assert_eq!(
        s.since.map(|d| d.to_string()).as_deref(),
        Some("2024-02-01")
    );
    assert_eq!(
        s.until.map(|d| d.to_string()).as_deref(),
        Some("2024-12-31")
    );
    assert_eq!(s.words, ["erdogan", "kizilay baskani"]);
    assert_eq!(s.without, ["ankara"]);
    assert_eq!(s.langs, ["tr"]);
    let s = Selection::parse("until:2024-02 مُحَمَّد")?;
    assert_eq!(
        s.until.map(|d| d.to_string()).as_deref(),
        Some("2024-02-29")
    );
    assert_eq!(s.words, ["محمد"]);
    Ok(())
}

#[test]
fn bad_selections_say_what_is_wrong() {
    let err = |text: &str| Selection::parse(text).err();
    assert_eq!(err("  "), Some(SelectionError::Empty));
    assert_eq!(
        err("since:2024-13"),
        Some(SelectionError::BadDate("2024-13".into()))
    );
    assert_eq!(
        err("since:2024-02-30"),
        Some(SelectionError::BadDate("2024-02-30".into()))
    );
    assert!(matches!(
        err("since:2025 until:2024"),
        Some(SelectionError::Backwards { .. })
    ));
    assert_eq!(
        err("%unread"),
        Some(SelectionError::UnknownFilter("%unread".into()))
    );
    assert_eq!(
        err("^ankara"),
        Some(SelectionError::Operator("^ankara".into()))
    );
    assert_eq!(err("lang:fr"), Some(SelectionError::BadLang("fr".into())));
    assert_eq!(err("tag:"), Some(SelectionError::EmptyValue("tag:".into())));
    // A colon in a plain word is a word (a time of day, a url).
    assert_eq!(
        Selection::parse("saat:14").map(|s| s.words),
        Ok(vec!["saat:14".to_string()])
    );
}

#[test]
fn like_patterns_match_themselves() {
    assert_eq!(like_escape(r"50%_a\b"), r"50\%\_a\\b");
    let s = Selection::parse("src:trt 100%").expect("parses");
    let (sql, params) = s.sql(11);
    assert_eq!(params.len(), 3);
    assert!(sql.contains("AND (a.source_key LIKE $1)"), "{sql}");
    assert!(sql.contains("a.folded LIKE $2"), "{sql}");
    assert!(sql.ends_with("LIMIT $3"), "{sql}");
}
