use super::*;

/// Terms without a skeleton (their groups may have an anchor) and with one (theirs never
/// do), of both scripts, folded as queries hold them.
const SPELLED: &[&str] = &[
    "zzzqq",
    "dedi",
    "isik",
    "ıi",
    "ile",
    "ss",
    "jazz",
    "quiz",
    "2020",
    "aesop",
    "lavrov",
    "erdogan",
    "ankara",
    "قال",
    "لا",
    "إن",
    "لافروف",
    "موسكو",
];

/// A raw spelling of `form`: each character written as a random one folding to it (any
/// case, `I ı İ i`, Latin diacritics, Arabic letter and presentation forms), sometimes
/// with characters folding to nothing after it (combining marks, harakat, tatweel).
fn spelling(form: &'static str) -> impl Strategy<Value = String> {
    let n = form.chars().count();
    let picks = (any::<usize>(), 0usize..4, any::<usize>(), any::<u32>());
    proptest::collection::vec(picks, n).prop_map(move |picks| {
        let t = raw_chars();
        let mut out = String::new();
        for (f, (pick, gap, range, offset)) in form.chars().zip(picks) {
            let chars = t.folding_to(f);
            out.push(chars.get(pick % chars.len().max(1)).copied().unwrap_or(f));
            if gap == 0
                && let Some(&(lo, hi)) = t.vanish.get(range % t.vanish.len().max(1))
            {
                let at = u32::from(lo) + offset % (u32::from(hi) - u32::from(lo) + 1);
                out.extend(char::from_u32(at));
            }
        }
        out
    })
}

/// Lines of words of [`WORDS`] (cross-script spellings among them) and spellings of a term.
fn spelled_doc() -> impl Strategy<Value = (&'static str, String)> {
    proptest::sample::select(SPELLED).prop_flat_map(|form| {
        let word = prop_oneof![
            proptest::sample::select(WORDS).prop_map(str::to_string),
            spelling(form),
        ];
        let gap = proptest::sample::select(GAPS);
        let parts = proptest::collection::vec((word, gap), 1..30);
        (
            Just(form),
            parts.prop_map(|p| p.into_iter().map(|(w, g)| w + g).collect()),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Every line a group's full pattern matches holds one of its anchor's characters, and
    /// a document's lines are the same found through any group's anchor or without one.
    #[test]
    fn an_anchor_is_in_every_line_its_group_matches((form, text) in spelled_doc()) {
        let t = raw_chars();
        let query = Query::parse(form);
        let Some(plain) = RawFilter::new(&query).map(|f| RawFilter { anchor: None, ..f }) else {
            return Ok(());
        };
        let lines = |filter: &RawFilter| {
            let mut found = Vec::new();
            filter.lines(&text, |start, end| found.push((start, end)));
            found
        };
        let want = lines(&plain);
        for group in &query.groups {
            let (Some(anchor), Some(full)) = (group_anchor(t, group), group_regex(t, group)) else {
                continue;
            };
            for line in text.split('\n') {
                if full.is_match(line.as_bytes()) {
                    prop_assert!(anchor.finder.is_match(line), "{:?} in {:?}", form, line);
                }
            }
            let anchored = RawFilter { anchor: Some(anchor), ..plain.clone() };
            prop_assert_eq!(lines(&anchored), want.clone(), "{:?}", form);
        }
    }
}

#[test]
fn a_rare_letter_anchors_a_term_and_common_ones_do_not() {
    let anchored = |q: &str| RawFilter::new(&Query::parse(q)).is_some_and(|f| f.anchor.is_some());
    assert!(anchored("zzzqq"));
    assert!(anchored("dedi zzzqq"));
    // Every letter common, or a skeleton meeting the other script through many letters.
    assert!(!anchored("dedi"));
    assert!(!anchored("lavrov"));
    let filter = RawFilter::new(&Query::parse("zzzqq dedi")).expect("two groups");
    let text = "ZZZQQ dedi\nzzzqq\nDEDİ ZZZQ\u{301}Q\nQ dedi";
    let mut lines = Vec::new();
    filter.lines(text, |start, end| lines.push(&text[start..end]));
    assert_eq!(lines, ["ZZZQQ dedi", "DEDİ ZZZQ\u{301}Q"]);
}
