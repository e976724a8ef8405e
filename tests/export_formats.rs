//! Every export format on the bundled seeds: a Turkish span with a suffix left outside
//! (`Türkiye'ye`), an Arabic span with its proclitic left outside (`وتركيا`), a multi-word
//! span and a custom label; and refusal of a span whose offsets do not fit the text.

use okur::corpus::{Corpus, Document, load_seeds};
use okur::kind::Kind;
use okur::store::export::{self, ExportError, Format, brat, conll, jsonl};
use okur::store::{Change, Label, Relevance, Source, Span, State};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const TR: &str = "000_e846ee86f0b51d87.txt";
const AR: &str = "003_604562b84a66c7a6.txt";

fn seed<'a>(corpus: &'a Corpus, name: &str) -> &'a Document {
    corpus
        .docs
        .iter()
        .find(|d| d.path == name)
        .expect("seed present")
}

/// A span on the first occurrence of `needle` (after `skip` bytes of context) in `doc`.
fn span_on(doc: &Document, context: &str, skip: usize, name: &str, kind: Label) -> Change {
    let start = doc
        .text()
        .expect("reads")
        .find(context)
        .expect("context in seed")
        + skip;
    let end = start + name.len();
    assert_eq!(doc.text_in(start..end).as_deref(), Some(name));
    Change::AddSpan {
        doc: doc.key.clone(),
        span: Span {
            start,
            end,
            kind,
            text: name.into(),
            source: Source::User,
        },
    }
}

fn annotated() -> (Corpus, State) {
    let corpus = load_seeds().corpus;
    let (tr, ar) = (seed(&corpus, TR), seed(&corpus, AR));
    let changes = [
        span_on(tr, "Türkiye'ye", 0, "Türkiye", Label::Entity(Kind::Place)),
        span_on(
            tr,
            "Sergey Lavrov",
            0,
            "Sergey Lavrov",
            Label::Entity(Kind::Person),
        ),
        span_on(ar, "وتركيا", "و".len(), "تركيا", Label::Entity(Kind::Place)),
        // A span labels its own occurrence only; `L` labels every occurrence like this.
        Change::Accept {
            kind: Label::Entity(Kind::Place),
            text: "Türkiye".into(),
            value: true,
        },
        Change::Accept {
            kind: Label::Custom("kurum".into()),
            text: "Kremlin".into(),
            value: true,
        },
        Change::Star {
            doc: tr.key.clone(),
            value: true,
        },
        Change::Relevance {
            doc: tr.key.clone(),
            value: Relevance::Relevant,
        },
        Change::Tag {
            doc: tr.key.clone(),
            tag: "karabağ".into(),
            value: true,
        },
        Change::Note {
            doc: ar.key.clone(),
            value: "لافروف\t\"quoted\"".into(),
        },
    ];
    let mut state = State::default();
    changes.iter().for_each(|c| state.apply(c));
    (corpus, state)
}

fn chars(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn brat_counts_characters_of_the_txt_copy() -> TestResult {
    let (corpus, state) = annotated();
    let docs = export::prepare(&corpus, &state)?;
    let dir = tempfile::tempdir()?;
    let written = brat::write_brat(dir.path(), &docs)?;
    assert_eq!(written.len(), 5);
    for name in [TR, AR] {
        let stem = name.trim_end_matches(".txt");
        let txt = std::fs::read_to_string(dir.path().join(format!("{stem}.txt")))?;
        let ann = std::fs::read_to_string(dir.path().join(format!("{stem}.ann")))?;
        assert!(!ann.is_empty(), "{name} has annotations");
        for (i, line) in ann.lines().enumerate() {
            let [id, anchor, text] = line.split('\t').collect::<Vec<_>>()[..] else {
                panic!("bad line {line:?}")
            };
            assert_eq!(id, format!("T{}", i + 1));
            let [label, s, e] = anchor.split(' ').collect::<Vec<_>>()[..] else {
                panic!("bad anchor {anchor:?}")
            };
            assert!(["PER", "LOC", "KURUM"].contains(&label), "{label}");
            assert_eq!(chars(&txt, s.parse()?, e.parse()?), text, "{line}");
        }
    }
    let ar_ann = std::fs::read_to_string(dir.path().join(AR.replace(".txt", ".ann")))?;
    let ar_txt = &seed(&corpus, AR).text().expect("reads");
    let byte = ar_txt.find("وتركيا").ok_or("seed text")? + "و".len();
    let start = ar_txt[..byte].chars().count();
    let want = format!("\tLOC {start} {}\tتركيا", start + 5);
    assert!(
        ar_ann.lines().any(|l| l.ends_with(&want)),
        "{want:?} in {ar_ann}"
    );
    assert_eq!(
        chars(ar_txt, start - 1, start),
        "و",
        "the proclitic stays outside"
    );
    let tr_ann = std::fs::read_to_string(dir.path().join(TR.replace(".txt", ".ann")))?;
    assert!(
        tr_ann.lines().filter(|l| l.ends_with("\tTürkiye")).count() >= 3,
        "{tr_ann}"
    );
    Ok(())
}

#[test]
fn conll_splits_suffixes_and_proclitics_off() -> TestResult {
    let (corpus, state) = annotated();
    let docs = export::prepare(&corpus, &state)?;
    let out: String = docs.iter().map(conll::conll).collect();
    assert_eq!(out.matches("# doc: ").count(), 5);
    assert!(out.starts_with("# doc: 000_e846ee86f0b51d87.txt\n"));
    assert!(
        out.contains("\nTürkiye B-LOC\n'ye O\n"),
        "Turkish suffix split off"
    );
    assert!(out.contains("\nSergey B-PER\nLavrov I-PER\n"));
    assert!(
        out.contains("\nو O\nتركيا B-LOC\n"),
        "Arabic proclitic split off"
    );
    assert!(out.contains("\n\n"), "sentences are separated");
    assert!(!out.contains("\n\n\n"));
    for line in out
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("# doc: "))
    {
        let (token, label) = line.rsplit_once(' ').expect("token and label");
        assert!(
            !token.is_empty() && !token.contains(char::is_whitespace),
            "{line:?}"
        );
        assert!(
            label == "O" || label.starts_with("B-") || label.starts_with("I-"),
            "{line:?}"
        );
    }
    Ok(())
}

#[test]
fn doccano_offsets_are_code_points() -> TestResult {
    let (corpus, state) = annotated();
    let docs = export::prepare(&corpus, &state)?;
    let mut out = Vec::new();
    export::write_stream(Format::Doccano, &docs, &mut out)?;
    let lines: Vec<serde_json::Value> = String::from_utf8(out)?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    assert_eq!(lines.len(), 5);
    let ar = &lines[3];
    let text = ar["text"].as_str().ok_or("text")?;
    assert_eq!(text, seed(&corpus, AR).text().expect("reads"));
    let labels = ar["label"].as_array().ok_or("label")?;
    let mut found = false;
    for l in labels {
        let (s, e) = (
            usize::try_from(l[0].as_u64().ok_or("s")?)?,
            usize::try_from(l[1].as_u64().ok_or("e")?)?,
        );
        found |= l[2] == "LOC" && chars(text, s, e) == "تركيا" && chars(text, s - 1, s) == "و";
    }
    assert!(found, "{labels:?}");
    Ok(())
}

#[test]
fn okur_jsonl_has_byte_spans_and_triage() -> TestResult {
    let (corpus, state) = annotated();
    let docs = export::prepare(&corpus, &state)?;
    let out: String = docs.iter().map(jsonl::jsonl).collect();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let triage: Vec<_> = lines.iter().filter(|l| l.get("star").is_some()).collect();
    assert_eq!(triage.len(), 5, "one triage line per document");
    let tr = triage.iter().find(|l| l["doc"] == TR).ok_or("tr triage")?;
    assert_eq!(tr["star"], true);
    assert_eq!(tr["relevance"], "relevant");
    assert_eq!(tr["tags"], serde_json::json!(["karabağ"]));
    let ar = triage.iter().find(|l| l["doc"] == AR).ok_or("ar triage")?;
    assert_eq!(ar["note"], "لافروف\t\"quoted\"");
    let spans: Vec<_> = lines.iter().filter(|l| l.get("kind").is_some()).collect();
    for s in &spans {
        let doc = seed(&corpus, s["doc"].as_str().ok_or("doc")?);
        let (start, end) = (
            usize::try_from(s["start"].as_u64().ok_or("start")?)?,
            usize::try_from(s["end"].as_u64().ok_or("end")?)?,
        );
        assert_eq!(
            doc.text_in(start..end).as_deref(),
            s["text"].as_str(),
            "{s}"
        );
    }
    let user_ar = spans
        .iter()
        .find(|s| s["doc"] == AR && s["source"] == "user")
        .ok_or("ar span")?;
    assert_eq!(
        (user_ar["kind"].as_str(), user_ar["text"].as_str()),
        (Some("place"), Some("تركيا"))
    );
    assert!(
        spans
            .iter()
            .any(|s| s["kind"] == "kurum" && s["source"] == "accepted")
    );
    assert!(
        spans
            .iter()
            .any(|s| s["doc"] != TR && s["text"] == "Türkiye" && s["source"] == "accepted")
    );
    Ok(())
}

#[test]
fn span_with_wrong_offsets_is_refused() {
    let (corpus, mut state) = annotated();
    let tr = seed(&corpus, TR);
    let start = tr
        .text()
        .expect("reads")
        .find("Türkiye'ye")
        .expect("seed text");
    let bad = [
        (start, start + 2, "Tü"),
        (start + 2, start + 8, "rkiye"),
        (start, start + 7, "Türkiye"),
        (tr.text_len(), tr.text_len() + 5, "x"),
    ];
    for (s, e, text) in bad {
        let mut state = state.clone();
        let span = Span {
            start: s,
            end: e,
            kind: Label::Entity(Kind::Place),
            text: text.into(),
            source: Source::User,
        };
        state.apply(&Change::AddSpan {
            doc: tr.key.clone(),
            span,
        });
        match export::prepare(&corpus, &state) {
            Err(err @ ExportError::BadSpan { .. }) => {
                assert!(
                    err.to_string().starts_with(&format!("{TR}: span {s}..{e}")),
                    "{err}"
                );
            }
            other => panic!("span {s}..{e} {text:?} accepted: {other:?}"),
        }
    }
    state.apply(&Change::Star {
        doc: tr.key.clone(),
        value: false,
    });
    assert!(export::prepare(&corpus, &state).is_ok());
}

#[test]
fn a_bad_span_is_left_out_and_the_rest_exported() {
    let (corpus, mut state) = annotated();
    let tr = seed(&corpus, TR);
    let clean = state.clone();
    let good = export::prepare(&corpus, &clean).expect("all spans fit");
    let start = tr
        .text()
        .expect("reads")
        .find("Türkiye'ye")
        .expect("seed text");
    state.apply(&Change::AddSpan {
        doc: tr.key.clone(),
        span: Span {
            start,
            end: start + 2,
            kind: Label::Entity(Kind::Place),
            text: "Tü".into(),
            source: Source::User,
        },
    });
    let prepared = export::prepare_skipping(&corpus, &state).expect("texts read");
    let [ExportError::BadSpan { doc, .. }] = &prepared.skipped[..] else {
        panic!("one bad span expected: {:?}", prepared.skipped);
    };
    assert_eq!(doc, TR);
    assert_eq!(prepared.docs.len(), good.len());
    for (got, want) in prepared.docs.iter().zip(&good) {
        assert_eq!(
            got.spans, want.spans,
            "{}: the fitting spans all kept",
            got.path
        );
    }
}
