use super::*;
use crate::search::stream::LineScanner;

/// Lines where folding changes what the raw bytes say: case, Turkish letters, marks that
/// fold to nothing (between the letters of a hit, too), letters folding to two, Arabic
/// variants and harakat, signs that fold to a Latin letter, words met by skeleton only.
const LINES: &[&str] = &[
    "Rusya Dışişleri Bakanı Sergey Lavrov Ankara'ya geldi.",
    "LAVROV ANKARA'DA",
    "Erdoğan ile görüştü",
    "E\u{301}rdog\u{306}an dedi",
    "La\u{301}vrov, Lâvrov",
    "Straße und Strasse",
    "\u{212A}aradeniz, \u{212B}ngström",
    "قال سيرغي لافروف إن روسيا ستراقب",
    "ل\u{64E}اف\u{652}رُوف في أنقرة",
    "وصل لافـــروف إلى موسكو",
    "بوتين وأردوغان",
    "Putinle görüşen Erdoğan, bütünleşme dedi.",
    "ıiİI ışık IŞIK",
    "öğrenci yarın şehir ve barış",
    "2020-11-03 tarihli haber",
    "Æsop ve ØRSTED",
    "ﻻفروف",
];

const QUERIES: &[&str] = &[
    "lavrov",
    "lav",
    "'lavrov",
    "^lavrov",
    "lavrov$",
    "^'sergey",
    "ankara",
    "erdogan",
    "erdoğan ile",
    "strasse",
    "ss",
    "karadeniz",
    "angstrom",
    "لافروف",
    "موسكو",
    "بوتين",
    "isik",
    "ıi",
    "aesop",
    "orsted",
    "2020-11",
    "lavrov | putin",
    "!putin lavrov",
    "putin lavrov",
    "zzz",
    "",
];

#[test]
fn the_raw_test_never_drops_a_line_the_match_takes() {
    let mut dropped = 0;
    for raw in QUERIES {
        let query = Query::parse(raw);
        let mut plain = LineScanner::for_documents(&query);
        plain.raw = None;
        let mut filtered = LineScanner::for_documents(&query);
        for line in LINES {
            let (want, got) = (plain.score(line), filtered.score(line));
            assert_eq!(got, want, "{raw:?} on {line:?}");
            let filter = RawFilter::new(&query).map(|mut f| f.may_match(line));
            dropped += usize::from(filter == Some(false));
        }
    }
    // The test means something only when it passes over lines.
    assert!(dropped > 100, "{dropped}");
}

#[test]
fn lines_without_a_form_are_passed_over_unfolded() {
    let mut lavrov = RawFilter::new(&Query::parse("lavrov")).expect("a positive term");
    assert!(!lavrov.may_match("öğrenci yarın şehir ve barış"));
    assert!(lavrov.may_match("LAVROV"));
    assert!(lavrov.may_match("La\u{301}vrov"));
    // An Arabic word may be لافروف by skeleton.
    assert!(lavrov.may_match("قال"));
    let mut erdogan = RawFilter::new(&Query::parse("erdogan")).expect("a positive term");
    assert!(erdogan.may_match("Erdoğan"));
    assert!(!erdogan.may_match("Erdem ile doğan"));
    let mut not_putin = RawFilter::new(&Query::parse("!putin lavrov")).expect("one group left");
    assert!(!not_putin.may_match("Putin"));
    assert!(not_putin.may_match("Putin, Lavrov"));
}
