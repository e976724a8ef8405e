//! Behaviour of the extraction rules on short texts: what must and must not be a person or a
//! place. Each test names the rule it guards.

use okur::corpus::{Corpus, Document};
use okur::extract::{Extractor, Kind, extract_corpus};

/// `(kind, text)` of every mention in `text`, in order.
fn mentions(text: &str) -> Vec<(Kind, String)> {
    Extractor::new()
        .extract_text(text, None)
        .into_iter()
        .map(|m| (m.kind, text[m.start..m.end].to_string()))
        .collect()
}

fn of_kind(text: &str, kind: Kind) -> Vec<String> {
    mentions(text)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn arabic_preposition_is_not_the_name_ali_even_across_the_corpus() {
    // Doc 1 makes "علي" a known surname; doc 2's "على" folds onto it but is a preposition.
    let docs = [
        "قال الرئيس حسن علي إن الوضع صعب.\n",
        "وشدد على أن الحل قريب، وعلى الرغم من ذلك علي الأقل.\n",
    ];
    let corpus = Corpus {
        docs: docs
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("d{i}"), t.to_string()))
            .collect(),
    };
    let out = extract_corpus(&Extractor::new(), &corpus);
    let people: Vec<&str> = out.mentions[1]
        .iter()
        .filter(|m| m.kind == Kind::Person)
        .map(|m| m.text.as_str())
        .collect();
    assert!(
        people.is_empty(),
        "prepositions tagged as people: {people:?}"
    );
}

#[test]
fn ordinal_of_a_known_name_is_not_a_person_alone() {
    // "الثاني" ends Abdullah II's name in the curated list; alone it is "the second".
    let people = of_kind(
        "ركز الرجل الثاني في التنظيم على الإعلام. في السابع من نوفمبر / تشرين الثاني.\n",
        Kind::Person,
    );
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn arabic_common_words_are_not_towns() {
    // Each is the Arabic name of some town in the gazetteer (Atar, Amol, Laval, Bay, Aley).
    let places = of_kind(
        "في اطار التعاون قال انه امل كبير لأول مرة بأي شكل بجودة عالية.\n",
        Kind::Place,
    );
    assert!(places.is_empty(), "{places:?}");
}

#[test]
fn arabic_places_are_still_found() {
    let places = of_kind(
        "وصل الوفد إلى موسكو قادما من أنقرة، وزار لبنان والعراق.\n",
        Kind::Place,
    );
    assert_eq!(places, ["موسكو", "أنقرة", "لبنان", "العراق"]);
}
