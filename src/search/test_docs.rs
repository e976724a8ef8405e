//! Generated documents for the search's property tests: titles and lines of Turkish and
//! Arabic words that start, end or hold each other, with short ones (`a`), a date and a
//! number, and an index over them with a place, a person and a date, each with a name in
//! the other script or an ISO form.

use proptest::prelude::*;

use crate::corpus::Document;
use crate::kind::Kind;
use crate::search::{EntityItem, Index};

/// The words texts are made of.
pub(super) const WORDS: &[&str] = &[
    "a",
    "an",
    "Ankara",
    "Ankara'da",
    "ankaralı",
    "Kara",
    "ara",
    "أنقرة",
    "وأنقرة",
    "Lavrov",
    "لافروف",
    "Moskova",
    "موسكو",
    "dedi",
    "ve",
    "و",
    "12345",
    "2020",
    "2020-05",
];

/// A title or a line: one to five words.
pub(super) fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..6).prop_map(|w| w.join(" "))
}

/// A title and up to four lines.
pub(super) fn document() -> impl Strategy<Value = (String, Vec<String>)> {
    (text(), prop::collection::vec(text(), 0..5))
}

/// An index over `docs` (title, lines) and three entities of the first document.
pub(super) fn index(docs: Vec<(String, Vec<String>)>) -> Index {
    let docs = docs
        .into_iter()
        .enumerate()
        .map(|(i, (title, lines))| {
            let text = format!("{title}\n\n{}", lines.join("\n"));
            Document::from_text(format!("{i}.txt"), text)
        })
        .collect();
    let names = [
        (Kind::Place, "Ankara", Some("أنقرة"), None),
        (Kind::Person, "Sergey Lavrov", Some("لافروف"), None),
        (Kind::Date, "2020 Mayıs", None, Some("2020-05")),
    ];
    let entities = names.map(|(kind, name, other, iso)| EntityItem {
        kind,
        name: name.into(),
        aliases: other.into_iter().map(String::from).collect(),
        iso: iso.map(String::from),
        docs: vec![0],
    });
    let mut index = Index::of_documents(docs, &entities);
    index.index_words();
    index
}
