//! Extraction results for the TUI tests: the extractor's own, or the seeds' frozen as data in
//! `tests/fixtures/seeds_extraction.json`, so that a change to the extractor does not change
//! (and re-approve) the screens drawn over them.
//!
//! The fixture is written by `cargo test --test tui_snapshots -- --ignored
//! write_seeds_extraction_fixture`; run it when the seeds change (loading checks that every
//! mention still covers its text), and review the snapshots that change with it.

use std::path::PathBuf;

use okur::corpus::{Corpus, load_seeds};
use okur::extract::{CorpusExtraction, Entity, Extractor, Kind, Mention, extract_corpus};
use serde::Deserialize;

/// What the extractor finds in `corpus` today.
pub fn extract(corpus: &Corpus) -> CorpusExtraction {
    extract_corpus(&Extractor::new(), corpus)
}

/// Where the seeds' frozen extraction is kept.
pub fn seeds_fixture_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds_extraction.json")
}

/// The seeds' extraction as frozen in the fixture, checked against the seeds' texts.
pub fn seeds_fixture() -> CorpusExtraction {
    let path = seeds_fixture_path();
    let json = std::fs::read_to_string(&path).expect("the seeds' extraction fixture is readable");
    let frozen: Frozen = serde_json::from_str(&json).expect("the fixture is the frozen shape");
    let corpus = load_seeds().corpus;
    assert_eq!(
        frozen.mentions.len(),
        corpus.len(),
        "{}: one list of mentions per seed; write it again",
        path.display()
    );
    for (doc, mentions) in corpus.docs.iter().zip(&frozen.mentions) {
        for m in mentions {
            assert_eq!(
                doc.text_in(m.start..m.end).as_deref(),
                Some(m.text.as_str()),
                "{}: a mention no longer covers its text in {}; write it again",
                path.display(),
                doc.path
            );
        }
    }
    frozen.thaw()
}

/// Writes what the extractor finds in the seeds today to the fixture: one entity, or one
/// mention, a line.
pub fn write_seeds_fixture() {
    let corpus = load_seeds().corpus;
    let extraction = extract(&corpus);
    let entities: Vec<String> = extraction.entities.iter().map(one_line).collect();
    let mentions: Vec<String> = extraction
        .mentions
        .iter()
        .zip(&corpus.docs)
        .map(|(mentions, doc)| {
            // A mention keeps no text of its own: the fixture writes the span's, so that
            // loading can check it still covers it.
            let lines: Vec<String> = mentions
                .iter()
                .map(|m| {
                    let mut line = serde_json::to_value(m).expect("a mention serialises");
                    line["text"] = m.text(&doc.text().expect("reads")).into();
                    one_line(&line)
                })
                .collect();
            format!("[\n{}\n]", lines.join(",\n"))
        })
        .collect();
    let text = format!(
        "{{\n\"entities\": [\n{}\n],\n\"mentions\": [\n{}\n]\n}}\n",
        entities.join(",\n"),
        mentions.join(",\n")
    );
    std::fs::write(seeds_fixture_path(), text).expect("the fixture is written");
}

/// A value as one line of JSON.
fn one_line<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("extraction results serialise")
}

/// The fixture's shape: [`CorpusExtraction`] as plain data.
#[derive(Deserialize)]
struct Frozen {
    entities: Vec<FrozenEntity>,
    mentions: Vec<Vec<FrozenMention>>,
}

#[derive(Deserialize)]
struct FrozenEntity {
    kind: Kind,
    canonical: String,
    aliases: Vec<String>,
    doc_count: usize,
    mention_count: usize,
}

#[derive(Deserialize)]
struct FrozenMention {
    start: usize,
    end: usize,
    kind: Kind,
    text: String,
    value: Option<String>,
    entity: usize,
}

impl Frozen {
    fn thaw(self) -> CorpusExtraction {
        let entities = self
            .entities
            .into_iter()
            .map(|e| Entity {
                kind: e.kind,
                canonical: e.canonical,
                aliases: e.aliases,
                doc_count: e.doc_count,
                mention_count: e.mention_count,
            })
            .collect();
        let mentions = self
            .mentions
            .into_iter()
            .map(|doc| {
                doc.into_iter()
                    .map(|m| Mention {
                        start: m.start,
                        end: m.end,
                        kind: m.kind,
                        value: m.value,
                        entity: m.entity,
                    })
                    .collect()
            })
            .collect();
        CorpusExtraction { mentions, entities }
    }
}
