use super::*;
use crate::search::stream::LineScanner;
use crate::text::fold_char;
use proptest::prelude::*;

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
    "ﻻﻓﺮﻭﻑ ﻭﺑﻮﺗﻴﻦ",
    "ﷲ أكبر",
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
    "putin",
    "'putin",
    "لافروف$",
    "moskova",
    "",
];

#[test]
fn the_raw_test_never_drops_a_line_the_match_takes() {
    let mut dropped = 0;
    for raw in QUERIES {
        let query = Query::parse(raw);
        let mut plain = LineScanner::for_documents(&query);
        plain.raw = None;
        plain.gate = None;
        let mut filtered = LineScanner::for_documents(&query);
        for line in LINES {
            let (want, got) = (plain.score(line), filtered.score(line));
            assert_eq!(got, want, "{raw:?} on {line:?}");
            let filter = RawFilter::new(&query).map(|f| f.may_match(line));
            dropped += usize::from(filter == Some(false));
        }
    }
    // The test means something only when it passes over lines.
    assert!(dropped > 100, "{dropped}");
}

#[test]
fn lines_without_a_form_are_passed_over_unfolded() {
    let lavrov = RawFilter::new(&Query::parse("lavrov")).expect("a positive term");
    assert!(!lavrov.may_match("öğrenci yarın şehir ve barış"));
    assert!(lavrov.may_match("LAVROV"));
    assert!(lavrov.may_match("La\u{301}vrov"));
    assert!(lavrov.may_match("ﻻﻓﺮﻭﻑ"));
    // An Arabic word is looked at only when it can be لافروف by skeleton.
    assert!(lavrov.may_match("قال لافـروف"));
    assert!(lavrov.may_match("قال اللافروف"));
    assert!(!lavrov.may_match("قال سيرغي"));
    assert!(!lavrov.may_match("بلافروف"));
    // A Latin word is not of the other script.
    assert!(!lavrov.may_match("Lafruf"));
    let erdogan = RawFilter::new(&Query::parse("erdogan")).expect("a positive term");
    assert!(erdogan.may_match("Erdoğan"));
    assert!(!erdogan.may_match("Erdem ile doğan"));
    let not_putin = RawFilter::new(&Query::parse("!putin lavrov")).expect("one group left");
    assert!(!not_putin.may_match("Putin"));
    assert!(not_putin.may_match("Putin, Lavrov"));
}

#[test]
fn an_arabic_term_looks_only_at_latin_words_of_its_skeleton() {
    let moscow = RawFilter::new(&Query::parse("موسكو")).expect("a positive term");
    assert!(moscow.may_match("Moskova'da"));
    assert!(moscow.may_match("2020 Moskova"));
    assert!(!moscow.may_match("Ankara'da bir toplantı"));
    assert!(!moscow.may_match("Tomsk"));
}

#[test]
fn lines_of_a_document_are_those_with_a_hit_for_every_group() {
    let filter = RawFilter::new(&Query::parse("ankara dedi")).expect("two positive groups");
    let text = "Ankara dedi\nAnkara\n  dedi ANKARA'da\r\nyok\ndedi";
    let mut lines = Vec::new();
    filter.lines(text, |start, end| lines.push(&text[start..end]));
    assert_eq!(lines, ["Ankara dedi", "  dedi ANKARA'da\r"]);
}

/// Words and pieces of words of both scripts, spelled as text holds them: cases, Turkish
/// letters, decomposed diacritics, harakat and tatweel, presentation forms and ligatures,
/// articles and proclitics, digits.
const WORDS: &[&str] = &[
    "Lavrov",
    "LAVROV",
    "La\u{301}vrov",
    "Lâvrov",
    "Erdoğan",
    "ERDOĞAN",
    "E\u{301}rdog\u{306}an",
    "Putin",
    "Putinle",
    "bütün",
    "Ankara'da",
    "ankara",
    "dedi",
    "DEDİ",
    "Dışişleri",
    "ışık",
    "İstanbul",
    "Straße",
    "Strasse",
    "Æsop",
    "Moskova",
    "Moskova'da",
    "Sergey",
    "shahid",
    "\u{212A}aradeniz",
    "2020",
    "lavrovla",
    "Tomsk",
    "zzzqq",
    "لافروف",
    "ل\u{64E}اف\u{652}رُوف",
    "لافـــروف",
    "أردوغان",
    "وأردوغان",
    "بوتين",
    "موسكو",
    "الموسكو",
    "سيرغي",
    "قال",
    "ﻻﻓﺮﻭﻑ",
    "ﺑﻮﺗﻴﻦ",
    "ﻣﻮﺳﻜﻮ",
    "ﷲ",
    "والله",
    "١٢٣",
    "إن",
    "لا",
    "ﻻ",
    "ب",
    "ـ",
    "\u{64E}",
    "\u{301}",
    "ß",
    "æ",
    "x",
    "ı",
    "İ",
];

const GAPS: &[&str] = &[
    " ", " ", ", ", "-", "'", "\u{200C}", ".", "،", "", "\n", "\r\n", "\n\n  ",
];

/// Terms: words above (folded or not, whole or a start), transliterations, operators.
const TERMS: &[&str] = &[
    "lavrov",
    "lavr",
    "'lavrov",
    "^lavrov",
    "lavrov$",
    "erdogan",
    "erdoğan",
    "putin",
    "'putin",
    "moskova",
    "musku",
    "sergey",
    "ankara",
    "dedi",
    "ankara dedi",
    "lavrov | putin",
    "zzzqq",
    "لافروف",
    "لافر",
    "أردوغان",
    "بوتين",
    "موسكو",
    "^موسكو",
    "الله",
    "لا",
    "ss",
    "ae",
    "isik",
    "strasse",
    "karadeniz",
    "2020",
    "١٢٣",
    "!putin lavrov",
    "shahid",
    "sahid",
    "تومسك",
];

fn doc() -> impl Strategy<Value = String> {
    joined(WORDS, GAPS, 1..40)
}

/// Texts of `count` words, each with one of `gaps` after it.
pub(super) fn joined(
    words: &'static [&'static str],
    gaps: &'static [&'static str],
    count: std::ops::Range<usize>,
) -> impl Strategy<Value = String> {
    let word = proptest::sample::select(words);
    let gap = proptest::sample::select(gaps);
    proptest::collection::vec((word, gap), count)
        .prop_map(|parts| parts.into_iter().map(|(w, g)| format!("{w}{g}")).collect())
}

fn term() -> impl Strategy<Value = String> {
    let listed = proptest::sample::select(TERMS).prop_map(str::to_string);
    // A start of a word of the text, as it is typed.
    let typed = (proptest::sample::select(WORDS), 1usize..8).prop_map(|(w, n)| {
        let mut chars: Vec<char> = w.chars().take(n).collect();
        chars.retain(|c| !c.is_whitespace());
        chars.into_iter().collect::<String>()
    });
    prop_oneof![listed, typed]
}

/// Every matching line of `text` with its score, through the raw test or not.
fn scanned(query: &Query, text: &str, raw: bool) -> Vec<(usize, String, i32)> {
    let mut scanner = LineScanner::for_documents(query);
    if !raw {
        scanner.raw = None;
        scanner.gate = None;
    }
    let mut hits = Vec::new();
    scanner.scan_text(text, |at, line, score| {
        hits.push((at, line.to_string(), score))
    });
    hits
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn prefiltered_documents_match_as_unfiltered(text in doc(), raw in term()) {
        let query = Query::parse(&raw);
        prop_assert_eq!(scanned(&query, &text, true), scanned(&query, &text, false));
        let mut plain = LineScanner::for_documents(&query);
        plain.raw = None;
        plain.gate = None;
        let mut filtered = LineScanner::for_documents(&query);
        for line in text.lines() {
            prop_assert_eq!(filtered.score(line), plain.score(line), "{:?}", line);
        }
    }
}

/// What the tables leave out of their lists holds: no character past the local scripts
/// shapes to a consonant, none past the Basic Multilingual Plane folds into them or to
/// several characters, and none past the planes of marks folds to nothing.
#[test]
fn characters_past_the_listed_scripts_fold_and_shape_as_the_tables_assume() {
    use super::raw_chars::{BEYOND, MARK_PLANES, in_ranges, is_local};
    let (mut shape, mut folded, mut word) = (String::new(), String::new(), String::new());
    for c in BEYOND.iter().flat_map(|&(lo, hi)| lo..=hi) {
        word.clear();
        word.push(c);
        word.push('\u{0640}');
        word.push(c);
        shape.clear();
        crate::text::push_word_shape(&word, &mut shape, None);
        assert!(shape.is_empty(), "{c:?} shapes to {shape:?}");
        if c < '\u{10000}' {
            continue;
        }
        folded.clear();
        fold_char(c, &mut folded);
        assert!(folded.chars().count() <= 1, "{c:?}");
        assert!(!folded.chars().any(is_local), "{c:?} folds to {folded:?}");
        assert!(!folded.is_empty() || in_ranges(&MARK_PLANES, c), "{c:?}");
    }
}

/// Anchors: the rare letter a group is first looked for by.
#[path = "prefilter_anchor_tests.rs"]
mod anchor;
