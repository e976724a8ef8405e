use super::*;
use crate::search::stream::LineScanner;
use proptest::prelude::*;

/// Words of both scripts where a cut can go wrong: hits next to the line's start and end
/// (after signs that are no word, too), marks and tatweel inside and around them,
/// characters folding or shaping to two (`ß`, `æ`, `ﻻ`, `ﷲ`), Arabic proclitics before an
/// alias spelling, words met only by skeleton, and near misses that share a start or an
/// end with a term.
const WORDS: &[&str] = &[
    "Lavrov",
    "LAVROV",
    "La\u{301}vrov",
    "Lâvrov'a",
    "lavrovun",
    "Slavrov",
    "لافروف",
    "ولافروف",
    "ل\u{64E}اف\u{652}رُوف",
    "لافـــروف",
    "ﻻﻓﺮﻭﻑ",
    "ﻻفروف",
    "Erdoğan",
    "E\u{301}rdog\u{306}an",
    "erdoganlar",
    "أردوغان",
    "وأردوغان",
    "Moskova",
    "موسكو",
    "بموسكو",
    "Ankara'da",
    "ANKARA",
    "أنقرة",
    "dedi",
    "dedi.",
    "Rusya",
    "rus",
    "Prusya",
    "Putin",
    "بوتين",
    "Straße",
    "Strasse",
    "Æsop",
    "ﷲ",
    "Libya",
    "ليبيا",
    "zzzqq",
    "ıiİI",
    "2020",
    "ve",
    "bir",
    "في",
    "على",
    "\u{301}",
    "ـ",
    "«",
    "(",
];

/// What stands between two words: spaces, punctuation, nothing, marks and joiners.
const GAPS: &[&str] = &[
    " ", " ", " ", ", ", "-", "'", ".", "،", "", "\u{200C}", "\u{64E}", "ـ", " \u{301}",
];

/// Terms with every operator, in both scripts; some match whole lines only (`!p`, `^p$`).
const TERMS: &[&str] = &[
    "erdogan",
    "lavrov",
    "^lavrov",
    "'lavrov",
    "lavrov$",
    "lavr",
    "^lavrov$",
    "'erdoğan",
    "ankara dedi",
    "موسكو",
    "moskova",
    "^rus",
    "rus$",
    "putin lavrov moskova",
    "!ankara libya",
    "zzzqq dedi",
    "lavrov | putin",
    "^موسكو",
    "لافروف$",
    "ss",
    "ae",
    "لا",
    "dedi$",
    "^'ankara",
    "الله",
];

fn line() -> impl Strategy<Value = String> {
    super::super::tests::joined(WORDS, GAPS, 1..24).prop_map(|l| l.trim().to_string())
}

fn term() -> impl Strategy<Value = String> {
    let listed = proptest::sample::select(TERMS).prop_map(str::to_string);
    // A start of a word of the text, as it is typed, maybe with an operator.
    let ops = proptest::sample::select(&["", "'", "^", "!"][..]);
    let typed = (proptest::sample::select(WORDS), 1usize..8, ops).prop_map(|(w, n, op)| {
        let chars: String = w.chars().take(n).filter(|c| !c.is_whitespace()).collect();
        format!("{op}{chars}")
    });
    prop_oneof![listed, typed]
}

/// The score of `line` with all its words shaped and with only its cut's, and the cut's
/// kind (`None` when the query shapes every word or the raw test drops the line).
fn both(query: &Query, line: &str) -> (Option<i32>, Option<i32>, Option<Cut>) {
    let mut scanner = LineScanner::for_documents(query);
    let whole = scanner.score_unfiltered(line);
    let Some(filter) = scanner.raw.clone() else {
        return (whole, whole, None);
    };
    if !filter.may_match(line) {
        return (whole, None, None);
    }
    let cut = scanner.narrow.as_mut().map(|n| {
        let mut out = String::new();
        n.cut(&filter, line, &mut out)
    });
    (whole, scanner.score_passed(&filter, line), cut)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn a_cut_line_matches_and_scores_as_the_whole_line(line in line(), raw in term()) {
        let query = Query::parse(&raw);
        let (whole, cut, _) = both(&query, &line);
        prop_assert_eq!(cut, whole, "{:?} on {:?}", raw, line);
    }
}

/// The lines of the property above, listed: the cut must be taken often, and lines must
/// match through it, for the property to mean something.
#[test]
fn cuts_are_taken_and_keep_the_score() {
    let lines = [
        "bir ve Lavrov dedi, في على Rusya ve bir Putin ve bir ve Libya",
        "Rusya ve bir ve bir ve bir ve bir ve bir ve ANKARA'da dedi.",
        "في على ولافروف في على في على بموسكو في على في على وأردوغان",
        "bir ve bir ve bir ve bir ve E\u{301}rdog\u{306}an, bir ve bir ve rus",
        "bir ve bir ve bir ve bir Straße ve bir ve bir ve bir ve bir Æsop",
        "Prusya ve bir ve bir ve bir ve bir ve bir ve Rusya ve bir ve bir",
    ];
    let mut parts = 0;
    for raw in TERMS {
        let query = Query::parse(raw);
        for line in lines {
            let (whole, cut, kind) = both(&query, line);
            assert_eq!(cut, whole, "{raw:?} on {line:?}");
            parts += usize::from(kind == Some(Cut::Part) && whole.is_some());
        }
    }
    assert!(parts >= 20, "{parts} lines matched through a cut");
    // Operators that need the whole line are matched on it.
    for raw in ["!ankara libya", "^lavrov$", "lavrov !putin"] {
        let scanner = LineScanner::for_documents(&Query::parse(raw));
        assert!(scanner.narrow.is_none(), "{raw}");
    }
}

#[test]
fn a_cut_keeps_whole_words_around_each_hit_and_the_anchored_ends() {
    let cut = |raw: &str, line: &str| {
        let query = Query::parse(raw);
        let filter = RawFilter::new(&query).expect("a filter");
        let mut narrow = Narrowing::new(&query).expect("cut");
        let mut out = String::new();
        let kind = narrow.cut(&filter, line, &mut out);
        (kind, out)
    };
    let line = "bir ve bir ve bir ve Lavrov'a dedi ki bir ve bir ve bir ve bir ve son";
    assert_eq!(cut("lavrov", line).1, "Lavrov");
    assert_eq!(cut("lavrov$", line).1, "Lavrov\nson");
    assert_eq!(cut("^lavrov", "« bir, Lavrov'a »").1, "« bir\nLavrov");
    // A word met by skeleton is hit from the character before it: the word before comes
    // along, whole.
    assert_eq!(
        cut("لافروف", "bir ve لافروف في Lavrov'a ve").1,
        "لافروف\nفي Lavrov"
    );
    assert_eq!(cut("lavrov", "bir slavrov'a ve").1, "slavrov");
    assert_eq!(cut("^bir", "bir").0, Cut::Whole);
    assert_eq!(cut("^bir", "bir ve bir").0, Cut::Part);
    assert_eq!(cut("lavrov zzzqq", line).0, Cut::Nothing);
}
