//! Scoring for `train_ner`: blends of a model with the rules on held-out documents, and
//! the sequences a model gets wrong.

use std::path::Path;

use anyhow::{Context as _, Result};
use okur::corpus::{Corpus, Document};
use okur::extract::crf::model::CrfModel;
use okur::extract::crf::train::{self, LabelledDoc, Sequence, TypeMap};
use okur::extract::{Blend, Extractor, Kind, Mode, extract_corpus};

/// The whitespace-delimited token boundaries around `s..e` in `text` (the gold sets keep
/// suffixes and clitics inside their tokens; okur leaves them out).
pub fn project(text: &str, s: usize, e: usize) -> (usize, usize) {
    let start = text[..s].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let end = text[e..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| e + i);
    (start, end)
}

/// Strict P/R/F1 of one kind over the held-out documents, spans projected to tokens.
pub fn blend_score(
    ex: &Extractor,
    docs: &[(LabelledDoc, TypeMap)],
    kind: Kind,
    name: &str,
) -> (f64, f64, f64) {
    let corpus = Corpus {
        docs: docs
            .iter()
            .enumerate()
            .map(|(i, (d, _))| Document::from_text(format!("held{i}"), d.text.clone()))
            .collect(),
    };
    let out = extract_corpus(ex, &corpus);
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    for ((d, map), ms) in docs.iter().zip(&out.mentions) {
        let g: Vec<(usize, usize)> = d
            .spans
            .iter()
            .filter(|(_, _, t)| map(t) == Some(name))
            .map(|(s, e, _)| project(&d.text, *s, *e))
            .collect();
        let p: Vec<(usize, usize)> = ms
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| project(&d.text, m.start, m.end))
            .collect();
        tp += p.iter().filter(|x| g.contains(x)).count();
        pred += p.len();
        gold += g.len();
    }
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

/// Prints sequences with errors, each wrong token as `[word gold>predicted]`.
pub fn print_errors(model: &CrfModel, held: &[Sequence], n: usize) {
    let mut shown = 0;
    for (x, y) in held {
        if shown >= n {
            break;
        }
        let pred = train::tag_sequence(model, x);
        if pred.iter().zip(y).all(|(p, g)| p == g) {
            continue;
        }
        let words: Vec<String> = x
            .iter()
            .zip(pred.iter().zip(y))
            .map(|(attrs, (p, g))| {
                let w = attrs.first().map_or("", |a| a.trim_start_matches("w="));
                if p == g {
                    w.to_string()
                } else {
                    format!("[{w} {g}>{p}]")
                }
            })
            .collect();
        println!("{}", words.join(" "));
        shown += 1;
    }
}

/// `train_ner score`: `model` alone on the held-out sequences of `lang`, then the rules and
/// every blend of it with them, overall and per dev set.
pub fn score(shared: &Path, ex: &Extractor, lang: &str, model: &Path, errors: usize) -> Result<()> {
    let bytes = std::fs::read(model).with_context(|| format!("{}", model.display()))?;
    let model: &'static CrfModel = Box::leak(Box::new(CrfModel::parse(&bytes)?));
    let d = crate::data(shared, ex, lang, (1, true, None))?;
    let scores = train::score(model, &d.held);
    for typ in ["PER", "LOC", "ORG"] {
        let (p, r, f) = scores.prf(typ);
        println!("{lang} held-out model alone, token runs {typ}: P {p:.3} R {r:.3} F1 {f:.3}");
    }
    print_errors(model, &d.held, errors);
    let report = |name: &str, ex: &Extractor| {
        for (kind, typ) in [(Kind::Person, "PER"), (Kind::Place, "LOC")] {
            let (p, r, f) = blend_score(ex, &d.held_docs, kind, typ);
            let mut per_set = String::new();
            let mut from = 0;
            for &to in &d.held_ends {
                let (_, _, f) = blend_score(ex, &d.held_docs[from..to], kind, typ);
                per_set.push_str(&format!(" {f:.3}"));
                from = to;
            }
            println!(
                "{lang} held-out {name} {typ} (whole tokens): P {p:.3} R {r:.3} F1 {f:.3} (per set{per_set})"
            );
        }
    };
    report("rules", &Extractor::rules_only());
    for person in [Mode::ModelOnly, Mode::ModelFirst, Mode::Fill] {
        for place in [Mode::ModelOnly, Mode::ModelFirst, Mode::Fill] {
            for orgs_block in [true, false] {
                let b = Blend {
                    person,
                    place,
                    orgs_block,
                };
                let ex = if lang == "ar" {
                    Extractor::with_models(Some(model), None).with_blends(b, Blend::TURKISH)
                } else {
                    Extractor::with_models(None, Some(model)).with_blends(Blend::ARABIC, b)
                };
                report(&format!("{b:?}"), &ex);
            }
        }
    }
    Ok(())
}
