//! Query syntax: every operator and scope, filters, and narrowing.

use okur::search::{Mode, Query, Scope};

fn terms(q: &Query) -> Vec<(Scope, Mode, bool, String)> {
    q.groups
        .iter()
        .flat_map(|g| {
            g.terms
                .iter()
                .map(move |t| (g.scope, t.mode, t.negated, t.pattern.clone()))
        })
        .collect()
}

#[test]
fn operators() {
    let q = Query::parse("erd 'ank ^ist kara$ ^van$ !bakü !^x !y$");
    let got: Vec<(Mode, bool, String)> = terms(&q).into_iter().map(|t| (t.1, t.2, t.3)).collect();
    let want = [
        (Mode::Fuzzy, false, "erd"),
        (Mode::Exact, false, "ank"),
        (Mode::Prefix, false, "ist"),
        (Mode::Suffix, false, "kara"),
        (Mode::Equal, false, "van"),
        (Mode::Exact, true, "baku"),
        (Mode::Prefix, true, "x"),
        (Mode::Suffix, true, "y"),
    ];
    let want: Vec<(Mode, bool, String)> = want
        .iter()
        .map(|(m, n, p)| (*m, *n, p.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(q.groups.len(), 8, "space is AND: one group per term");
}

#[test]
fn or_joins_neighbours_into_one_group() {
    let q = Query::parse("putin | lavrov erdogan");
    assert_eq!(q.groups.len(), 2);
    let first: Vec<&str> = q.groups[0]
        .terms
        .iter()
        .map(|t| t.pattern.as_str())
        .collect();
    assert_eq!(first, ["putin", "lavrov"]);
    assert_eq!(q.groups[1].terms[0].pattern, "erdogan");
}

#[test]
fn terms_are_folded() {
    let q = Query::parse("'İSTANBUL ^Çavuş أحمد");
    let patterns: Vec<String> = terms(&q).into_iter().map(|t| t.3).collect();
    assert_eq!(patterns, ["istanbul", "cavus", "احمد"]);
}

#[test]
fn scopes_apply_to_the_terms_that_follow() {
    let q = Query::parse("kara %per lavrov %loc ankara %date 2020-11 %doc rusya %text barış");
    let scopes: Vec<(Scope, String)> = terms(&q).into_iter().map(|t| (t.0, t.3)).collect();
    let want = [
        (Scope::All, "kara"),
        (Scope::People, "lavrov"),
        (Scope::Places, "ankara"),
        (Scope::Dates, "2020-11"),
        (Scope::Docs, "rusya"),
        (Scope::Text, "baris"),
    ];
    let want: Vec<(Scope, String)> = want.iter().map(|(s, p)| (*s, p.to_string())).collect();
    assert_eq!(scopes, want);
    assert_eq!(q.scope, Scope::Text);
}

#[test]
fn scope_aliases_and_default_scope() {
    assert_eq!(Query::parse("%person a").groups[0].scope, Scope::People);
    assert_eq!(Query::parse("%places a").groups[0].scope, Scope::Places);
    assert_eq!(
        Query::parse_in("a", Scope::Docs).groups[0].scope,
        Scope::Docs
    );
    assert_eq!(Query::parse("%per").scope, Scope::People);
    assert!(Query::parse("%per").is_empty());
}

#[test]
fn unknown_percent_words_are_filters() {
    let q = Query::parse("%unread erdogan %tag:ankara %star %");
    assert_eq!(q.filters, ["unread", "tag:ankara", "star"]);
    assert_eq!(q.groups.len(), 1);
}

#[test]
fn bare_operators_are_ignored_while_typing() {
    for raw in ["'", "^", "!", "$", "| ", "!'"] {
        assert!(Query::parse(raw).is_empty(), "{raw:?}");
    }
}

#[test]
fn cross_script_helpers_are_attached() {
    let q = Query::parse("lavrov moskova !putin");
    assert_eq!(q.groups[0].terms[0].skeleton.as_deref(), Some("lfrf"));
    assert!(
        !q.groups[1].terms[0].aliases.is_empty(),
        "moskova has aliases"
    );
    assert_eq!(
        q.groups[2].terms[0].skeleton.as_deref(),
        Some("btn"),
        "a negation excludes across scripts too"
    );
}

#[test]
fn narrowing_is_detected_only_when_safe() {
    let narrows = |new: &str, old: &str| Query::parse(new).narrows(&Query::parse(old));
    assert!(narrows("erdo", "erd"));
    assert!(narrows("erd ank", "erd"));
    assert!(narrows("'erdo", "'erd"));
    assert!(narrows("erd$", "erd"));
    assert!(!narrows("er", "erd"), "shorter widens");
    assert!(!narrows("!erdo", "!erd"), "a longer negation excludes less");
    assert!(!narrows("erd | x", "erd"), "OR widens");
    assert!(
        !narrows("lavr", "lav"),
        "the skeleton starts matching Arabic at 3 consonants"
    );
    assert!(narrows("lavro", "lavr"));
    assert!(
        narrows("lavrov", "lavro"),
        "a plain term meets the start of a word"
    );
    assert!(
        !narrows("'lavro", "'lavr"),
        "an exact term meets whole words: another word's, not fewer"
    );
    assert!(narrows("'lavrov", "lavrov"));
    assert!(narrows("^lavrov", "'lavrov"));
    assert!(!narrows("%per erd", "erd"));
}

#[test]
fn a_negated_scope_negates_its_terms() {
    let q = Query::parse("!%per putin | lavrov !erdogan %loc ankara");
    let got: Vec<(Scope, Mode, bool, String)> = terms(&q);
    let want = [
        (Scope::People, Mode::Exact, true, "putin"),
        (Scope::People, Mode::Exact, true, "lavrov"),
        (Scope::People, Mode::Fuzzy, false, "erdogan"),
        (Scope::Places, Mode::Fuzzy, false, "ankara"),
    ];
    let want: Vec<(Scope, Mode, bool, String)> = want
        .iter()
        .map(|(s, m, n, p)| (*s, *m, *n, p.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(q.groups.len(), 4, "`|` under a negated scope joins as AND");
    assert!(q.filters.is_empty(), "a negated scope is not a filter");
}
