//! Prints the extractor's false positives and misses of one kind on a CoNLL file, with
//! context, for error analysis on the training splits.
//!
//! `cargo run --release --no-default-features --example ner_errors -- FILE TYPES KIND [N]`
//! (TYPES comma-separated gold tags, KIND person|place|date). A `.jsonl` FILE is an okur
//! news set (`okur_news_tr.jsonl`): its `dev` articles as written (the CoNLL rendering
//! splits `Suriye'de` into `Suriye' de`), TYPES its span kinds (`person`, `place`).
//!
//! `OKUR_AR_MODEL=PATH` reads with that Arabic model; `OKUR_HOLD=N` reads only the last of N
//! parts of a CoNLL training split (as `train_ner dump --hold-aner N` leaves it out), with
//! the name counts made without it; `OKUR_FOLD=K` then reads part K instead (from 0), as
//! `train_ner cv` holds it out (with its model `OUT/foldK/ar.okcrf`).
//!
//! Spans are compared on whole space-separated tokens, as the eval's whole-token score does;
//! each error is marked `r` when the rules alone make it too, `m` when the tagger, the blend
//! or the corpus-wide spreading of names brings it; a boundary error by the side it differs
//! on (`<>`: the found span starts before and ends after the gold one), a miss `d` when its
//! document names it elsewhere (a found span ends with its last word).

use std::collections::HashSet;
use std::io::Write;

use okur::corpus::{Corpus, Document};
use okur::extract::crf::model::CrfModel;
use okur::extract::crf::train::{self, LabelledDoc, StatTypes};
use okur::extract::{Extractor, Kind, extract_corpus};

type Span = (usize, usize, usize);

/// What `name_stats.tsv` counts as a person and a place in ANERcorp and Wojood train.
const HELD_TYPES: StatTypes = StatTypes {
    person: "PERS",
    places: &["LOC", "GPE"],
};

/// The extractor and the rules alone, with the Arabic model of `OKUR_AR_MODEL` if set and
/// without the held part's name counts.
fn extractors(held: Option<&[LabelledDoc]>) -> std::io::Result<(Extractor, Extractor)> {
    let (mut ex, mut rules) = (Extractor::new(), Extractor::rules_only());
    if let Ok(path) = std::env::var("OKUR_AR_MODEL") {
        let bytes = std::fs::read(path)?;
        let model = CrfModel::parse(&bytes).map_err(std::io::Error::other)?;
        ex = Extractor::with_models(Some(Box::leak(Box::new(model))), None);
    }
    if let Some(held) = held {
        let counts = train::token_counts(held, HELD_TYPES);
        ex = train::without_counts(ex, &counts);
        rules = train::without_counts(rules, &counts);
    }
    Ok((ex, rules))
}

/// With `OKUR_HOLD=N`, the last of N parts of a training split, as `train_ner dump
/// --hold-aner N` leaves it out: documents of 20 sentences, read by extractors whose name
/// counts leave the part out too, so it reads as new text.
fn held_parts() -> Option<usize> {
    std::env::var("OKUR_HOLD").ok()?.parse().ok()
}

/// Documents of 25 sentences (or the held part, [`held_parts`]) and the gold spans of
/// `types`, read as the CRF tools read them; the held part's documents.
fn conll(src: &str, types: &[&str]) -> (Corpus, Vec<Span>, Option<Vec<LabelledDoc>>) {
    let docs = match held_parts() {
        Some(parts) => {
            let docs = train::read_conll(src, 20);
            match std::env::var("OKUR_FOLD").ok().and_then(|k| k.parse().ok()) {
                Some(k) => train::fold_split(&docs, parts, k).0.to_vec(),
                None => train::held_part(&docs, parts).to_vec(),
            }
        }
        None => train::read_conll(src, 25),
    };
    let held = held_parts().map(|_| docs.clone());
    let gold = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.spans
                .iter()
                .filter(|(_, _, t)| types.contains(&t.as_str()))
                .map(move |(s, e, _)| (d, *s, *e))
        })
        .collect();
    let corpus = Corpus {
        docs: docs
            .into_iter()
            .enumerate()
            .map(|(d, doc)| Document::from_text(format!("doc{d}"), doc.text))
            .collect(),
    };
    (corpus, gold, held)
}

/// The `dev` articles of an okur news set and the gold spans of `types`.
fn news(src: &str, types: &[&str]) -> serde_json::Result<(Corpus, Vec<Span>)> {
    let mut docs = Vec::new();
    let mut gold = Vec::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        if v["split"].as_str() != Some("dev") {
            continue;
        }
        let d = docs.len();
        for s in v["spans"].as_array().into_iter().flatten() {
            let at = |k: &str| s[k].as_u64().and_then(|n| usize::try_from(n).ok());
            if let (Some(a), Some(b), Some(k)) = (at("start"), at("end"), s["kind"].as_str())
                && types.contains(&k)
            {
                gold.push((d, a, b));
            }
        }
        let text = v["text"].as_str().unwrap_or_default().to_string();
        docs.push(Document::from_text(format!("doc{d}"), text));
    }
    Ok((Corpus { docs }, gold))
}

fn context(text: &str, s: usize, e: usize) -> String {
    let a = text[..s].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let b = text[e..]
        .char_indices()
        .nth(30)
        .map_or(text.len(), |(i, _)| e + i);
    format!("{}[{}]{}", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " / ")
}

/// The spans of `kind` that `ex` finds in `corpus`.
fn predict(ex: &Extractor, corpus: &Corpus, kind: Kind) -> Vec<Span> {
    let mut out = Vec::new();
    for (d, ms) in extract_corpus(ex, corpus).mentions.iter().enumerate() {
        out.extend(
            ms.iter()
                .filter(|m| m.kind == kind)
                .map(|m| (d, m.start, m.end)),
        );
    }
    out
}

/// `s` widened to the space-separated tokens it touches, as `tests/extract_eval.rs`
/// compares whole tokens (the CoNLL sets keep Arabic clitics inside their tokens).
fn widen(corpus: &Corpus, s: &Span) -> Span {
    let text = corpus.docs[s.0].text().unwrap_or_default();
    let start = text[..s.1].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let end = text[s.2..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| s.2 + i);
    (s.0, start, end)
}

/// Which side of gold `g` the whole-token span `p` differs on: `<` or `>` where it starts
/// before or after it, then `<` or `>` where it ends before or after it, `=` where the same.
fn side(p: &Span, g: &Span) -> String {
    let c = |a: usize, b: usize| match a.cmp(&b) {
        std::cmp::Ordering::Less => '<',
        std::cmp::Ordering::Equal => '=',
        std::cmp::Ordering::Greater => '>',
    };
    format!("{}{}", c(p.1, g.1), c(p.2, g.2))
}

/// True when a found span elsewhere in `g`'s document ends with `g`'s last word (the
/// document names the person and missed this mention: what document-level consistency
/// would add).
fn named_elsewhere(corpus: &Corpus, pred: &[Span], g: &Span) -> bool {
    let text = corpus.docs[g.0].text().unwrap_or_default();
    let last = |s: &Span| text[s.1..s.2].split_whitespace().last().map(str::to_string);
    let Some(mine) = last(g) else {
        return false;
    };
    pred.iter()
        .filter(|p| p.0 == g.0 && (p.2 <= g.1 || p.1 >= g.2))
        .filter_map(last)
        .any(|l| mine.ends_with(&l) && l.chars().count() >= 3)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, file, types, kind, rest @ ..] = args.as_slice() else {
        eprintln!("usage: ner_errors FILE TYPES person|place|date [N]");
        std::process::exit(2);
    };
    let src = std::fs::read_to_string(file)?;
    let types: Vec<&str> = types.split(',').collect();
    let kind = match kind.as_str() {
        "person" => Kind::Person,
        "place" => Kind::Place,
        _ => Kind::Date,
    };
    let n: usize = rest.first().and_then(|a| a.parse().ok()).unwrap_or(60);
    let (corpus, gold, held) = if file.ends_with(".jsonl") {
        let (c, g) = news(&src, &types)?;
        (c, g, None)
    } else {
        conll(&src, &types)
    };
    let (ex, rules) = extractors(held.as_deref())?;
    let pred = predict(&ex, &corpus, kind);
    // Which errors the rules alone make too (`r`) and which the tagger, the blend or the
    // corpus-wide spreading brings (`m`).
    let by_rules: HashSet<Span> = predict(&rules, &corpus, kind)
        .iter()
        .map(|s| widen(&corpus, s))
        .collect();
    let source = |p: &Span| {
        if by_rules.contains(&widen(&corpus, p)) {
            'r'
        } else {
            'm'
        }
    };
    let gs: HashSet<Span> = gold.iter().map(|g| widen(&corpus, g)).collect();
    let ps: HashSet<Span> = pred.iter().map(|p| widen(&corpus, p)).collect();
    let ov = |a: &Span, b: &Span| a.0 == b.0 && a.1 < b.2 && b.1 < a.2;
    let txt = |s: &Span| corpus.docs[s.0].text().unwrap_or_default();
    let mut w = std::io::stdout().lock();
    let exact = pred
        .iter()
        .filter(|p| gs.contains(&widen(&corpus, p)))
        .count();
    writeln!(
        w,
        "gold {} pred {} whole-token exact {exact}",
        gold.len(),
        pred.len()
    )?;
    writeln!(w, "== false positives (no overlap)")?;
    for p in pred
        .iter()
        .filter(|p| !gold.iter().any(|g| ov(p, g)))
        .take(n)
    {
        writeln!(w, "FP{} {}", source(p), context(&txt(p), p.1, p.2))?;
    }
    writeln!(w, "== boundary (overlap, whole tokens differ)")?;
    for p in pred
        .iter()
        .filter(|p| !gs.contains(&widen(&corpus, p)))
        .take(n)
    {
        if let Some(g) = gold.iter().find(|g| ov(p, g)) {
            writeln!(
                w,
                "BD{}{} pred [{}] gold [{}]",
                source(p),
                side(&widen(&corpus, p), &widen(&corpus, g)),
                &txt(p)[p.1..p.2],
                &txt(g)[g.1..g.2]
            )?;
        }
    }
    writeln!(w, "== misses (no overlap)")?;
    for g in gold
        .iter()
        .filter(|g| !ps.contains(&widen(&corpus, g)) && !pred.iter().any(|p| ov(p, g)))
        .take(n)
    {
        let seen = if named_elsewhere(&corpus, &pred, g) {
            'd'
        } else {
            '-'
        };
        writeln!(w, "FN{seen} {}", context(&txt(g), g.1, g.2))?;
    }
    Ok(())
}
