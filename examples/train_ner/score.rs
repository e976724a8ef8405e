//! Scoring for `train_ner`: blends of a model with the rules on held-out documents, and
//! the sequences a model gets wrong.

use okur::corpus::{Corpus, Document};
use okur::extract::crf::model::CrfModel;
use okur::extract::crf::train::{self, LabelledDoc, Sequence, TypeMap};
use okur::extract::{Extractor, Kind, extract_corpus};

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
