//! Training data and scores for okur's CRF taggers (development time).
//!
//! `assets/tools/train_ner.py` drives it: `dump` writes the training sequences (okur's own
//! tokens and attributes, so tagging sees exactly what training saw), CRFsuite learns the
//! weights (exported to okur's hashed format), and `score` reads a model back and prints
//! token-run P/R/F1 on held-out data, alone and blended with the rules.
//!
//! ```sh
//! cargo run --release --example train_ner -- dump --out /tmp/ner
//! cargo run --release --example train_ner -- score --lang ar --model /tmp/ner/ar.okcrf
//! ```
//!
//! Data (see `../shared/data/README.md`): Turkish-Wiki-NER train and dev (CC BY-SA 4.0),
//! ANERcorp CAMeL train (CC BY-SA 4.0), Wojood sample train and val (MIT). Never Tür 2003:
//! nothing trained or tuned on `research_only/` may ship.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand};
use okur::corpus::{Corpus, Document};
use okur::extract::crf::model::CrfModel;
use okur::extract::crf::train::{self, LabelledDoc, Sequence, TypeMap};
use okur::extract::{Blend, Extractor, Kind, Mode, extract_corpus};

#[derive(Parser)]
struct Args {
    /// The shared data folder.
    #[arg(long, default_value = "../shared")]
    shared: PathBuf,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Writes `{tr,ar}.{fit,held}.tsv`: `fit` (the train splits) is what the shipped
    /// model learns from, `held` (the dev splits) scores it.
    Dump {
        /// Output folder.
        #[arg(long)]
        out: PathBuf,
        /// Tuning: also hold out the last tenth of ANERcorp train (an ANERcorp-like dev
        /// set); the shipped model is dumped without it.
        #[arg(long)]
        tune: bool,
        /// tr, ar or both.
        #[arg(long, default_value = "both")]
        lang: String,
    },
    /// Scores a model on the held-out sequences of one language.
    Score {
        /// tr or ar.
        #[arg(long)]
        lang: String,
        /// The model file (okur format, `.okcrf`).
        #[arg(long)]
        model: PathBuf,
        /// Also print this many sequences with errors marked `[word gold>predicted]`.
        #[arg(long, default_value_t = 0)]
        errors: usize,
        /// Score on the ANERcorp slice `dump --tune` held out too.
        #[arg(long)]
        tune: bool,
    },
}

fn wiki(t: &str) -> Option<&'static str> {
    match t {
        "PERSON" => Some("PER"),
        "GPE" | "LOC" => Some("LOC"),
        "ORG" => Some("ORG"),
        _ => None,
    }
}

fn arabic(t: &str) -> Option<&'static str> {
    match t {
        "PERS" => Some("PER"),
        "LOC" | "GPE" => Some("LOC"),
        "ORG" => Some("ORG"),
        _ => None,
    }
}

fn read(shared: &Path, file: &str) -> Result<Vec<LabelledDoc>> {
    let path = shared.join("data/ner").join(file);
    let src = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    Ok(train::read_conll(&src, 20))
}

fn news(t: &str) -> Option<&'static str> {
    match t {
        "person" => Some("PER"),
        "place" => Some("LOC"),
        "org" => Some("ORG"),
        _ => None,
    }
}

/// The okur news articles of one language (`okur_news_LANG.jsonl`, CC0): (train, dev),
/// whole articles with their own line layout (headlines, datelines, wrapped bodies).
fn read_news(shared: &Path, lang: &str) -> Result<(Vec<LabelledDoc>, Vec<LabelledDoc>)> {
    let path = shared.join(format!("data/ner/okur_news_{lang}.jsonl"));
    let src = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    let (mut train, mut dev) = (Vec::new(), Vec::new());
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"]
            .as_str()
            .context("article without text")?
            .to_string();
        let mut spans = Vec::new();
        for s in v["spans"].as_array().into_iter().flatten() {
            let at = |k: &str| s[k].as_u64().and_then(|n| usize::try_from(n).ok());
            let (Some(a), Some(b), Some(kind)) = (at("start"), at("end"), s["kind"].as_str())
            else {
                anyhow::bail!("{}: a span without start, end or kind", path.display());
            };
            spans.push((a, b, kind.to_string()));
        }
        let doc = LabelledDoc { text, spans };
        match v["split"].as_str() {
            Some("dev") => dev.push(doc),
            _ => train.push(doc),
        }
    }
    Ok((train, dev))
}

/// Sequences of one language: `fit` (the train splits, what the shipped model learns
/// from), `held` (the dev splits, on which the blend is chosen), and the held documents.
struct Data {
    fit: Vec<Sequence>,
    held: Vec<Sequence>,
    /// Per held-out set: its name and documents.
    held_docs: Vec<(&'static str, Vec<(LabelledDoc, TypeMap)>)>,
}

/// Documents of ANERcorp train held out when tuning (its last tenth, whole documents).
fn aner_split(mut docs: Vec<LabelledDoc>, tune: bool) -> (Vec<LabelledDoc>, Vec<LabelledDoc>) {
    let held = if tune { docs.len() / 10 } else { 0 };
    let tail = docs.split_off(docs.len() - held);
    (docs, tail)
}

fn with_map(docs: &[LabelledDoc], map: TypeMap) -> Vec<(LabelledDoc, TypeMap)> {
    docs.iter().map(|d| (d.clone(), map)).collect()
}

/// Documents of one gold set with the map of its type names.
type Set = (Vec<LabelledDoc>, TypeMap);
type Sets = [Set];

fn parts(sets: &Sets) -> Vec<(&[LabelledDoc], TypeMap)> {
    sets.iter().map(|(d, m)| (d.as_slice(), *m)).collect()
}

fn collect(ex: &Extractor, parts: &[(&[LabelledDoc], TypeMap)], ar: bool) -> Vec<Sequence> {
    parts
        .iter()
        .flat_map(|(docs, map)| train::sequences(ex, docs, *map, ar))
        .collect()
}

/// Turkish: Wiki-NER train and okur news tr train; held out, their dev splits. Arabic:
/// ANERcorp train, Wojood train and okur news ar train; held out, Wojood val and okur
/// news ar dev.
fn data(shared: &Path, ex: &Extractor, lang: &str, tune: bool) -> Result<Data> {
    let (news_fit, news_held) = read_news(shared, lang)?;
    let mut names = vec!["wikiner-dev", "news-dev"];
    let (fit, held): (Vec<Set>, Vec<Set>) = if lang == "tr" {
        (
            vec![
                (read(shared, "tr_wikiner_train.conll")?, wiki),
                (news_fit, news),
            ],
            vec![
                (read(shared, "tr_wikiner_dev.conll")?, wiki),
                (news_held, news),
            ],
        )
    } else {
        let (aner_fit, aner_held) =
            aner_split(read(shared, "ar_anercorp_camel_train.conll")?, tune);
        names = vec!["wojood-val", "news-dev", "aner-held"];
        (
            vec![
                (aner_fit, arabic),
                (read(shared, "ar_wojood_sample_train.conll")?, arabic),
                (news_fit, news),
            ],
            vec![
                (read(shared, "ar_wojood_sample_val.conll")?, arabic),
                (news_held, news),
                (aner_held, arabic),
            ],
        )
    };
    let ar = lang == "ar";
    Ok(Data {
        fit: collect(ex, &parts(&fit), ar),
        held: collect(ex, &parts(&held), ar),
        held_docs: held
            .iter()
            .zip(names)
            .filter(|((d, _), _)| !d.is_empty())
            .map(|((d, m), name)| (name, with_map(d, *m)))
            .collect(),
    })
}

fn dump(shared: &Path, ex: &Extractor, out: &Path, (tune, only): (bool, &str)) -> Result<()> {
    std::fs::create_dir_all(out)?;
    for lang in ["tr", "ar"]
        .into_iter()
        .filter(|l| only == "both" || only == *l)
    {
        let d = data(shared, ex, lang, tune)?;
        for (name, seqs) in [("fit", &d.fit), ("held", &d.held)] {
            let path = out.join(format!("{lang}.{name}.tsv"));
            let mut w = BufWriter::new(std::fs::File::create(&path)?);
            train::write_sequences(seqs, &mut w)?;
            w.flush()?;
            let tokens: usize = seqs.iter().map(|s| s.0.len()).sum();
            println!(
                "{}: {} sequences, {tokens} tokens",
                path.display(),
                seqs.len()
            );
        }
    }
    Ok(())
}

fn score(
    shared: &Path,
    ex: &Extractor,
    (lang, model, errors, tune): (&str, &Path, usize, bool),
) -> Result<()> {
    let bytes = std::fs::read(model).with_context(|| format!("{}", model.display()))?;
    let model: &'static CrfModel = Box::leak(Box::new(CrfModel::parse(&bytes)?));
    let d = data(shared, ex, lang, tune)?;
    let scores = train::score(model, &d.held);
    for typ in ["PER", "LOC", "ORG"] {
        let (p, r, f) = scores.prf(typ);
        println!("{lang} held-out model alone, token runs {typ}: P {p:.3} R {r:.3} F1 {f:.3}");
    }
    print_errors(model, &d.held, errors);
    let report = |name: &str, ex: &Extractor| {
        for (set, docs) in &d.held_docs {
            for (kind, typ) in [(Kind::Person, "PER"), (Kind::Place, "LOC")] {
                let (p, r, f) = blend_score(ex, docs, kind, typ);
                println!("{lang} {set} {name} {typ} (whole tokens): P {p:.3} R {r:.3} F1 {f:.3}");
            }
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

/// The whitespace-delimited token boundaries around `s..e` in `text` (the gold sets keep
/// suffixes and clitics inside their tokens; okur leaves them out).
fn project(text: &str, s: usize, e: usize) -> (usize, usize) {
    let start = text[..s].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let end = text[e..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| e + i);
    (start, end)
}

/// Strict P/R/F1 of one kind over the held-out documents, spans projected to tokens.
fn blend_score(
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
        if std::env::var_os("TRAIN_NER_SHOW").is_some() {
            show_errors(&d.text, &g, &p, name);
        }
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

/// Prints the misses (`-`) and false mentions (`+`) of one document, with context.
fn show_errors(text: &str, gold: &[(usize, usize)], pred: &[(usize, usize)], name: &str) {
    let around = |s: usize, e: usize| {
        let a = text[..s].char_indices().rev().nth(25).map_or(0, |(i, _)| i);
        let b = text[e..]
            .char_indices()
            .nth(25)
            .map_or(text.len(), |(i, _)| e + i);
        format!("{}[{}]{}", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " / ")
    };
    for g in gold.iter().filter(|g| !pred.contains(g)) {
        println!("ERR {name} - {}", around(g.0, g.1));
    }
    for p in pred.iter().filter(|p| !gold.contains(p)) {
        println!("ERR {name} + {}", around(p.0, p.1));
    }
}

/// Prints sequences with errors, each wrong token as `[word gold>predicted]`.
fn print_errors(model: &CrfModel, held: &[Sequence], n: usize) {
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

fn main() -> Result<()> {
    let args = Args::parse();
    let ex = Extractor::rules_only();
    match &args.cmd {
        Cmd::Dump { out, tune, lang } => dump(&args.shared, &ex, out, (*tune, lang)),
        Cmd::Score {
            lang,
            model,
            errors,
            tune,
        } => score(&args.shared, &ex, (lang, model, *errors, *tune)),
    }
}
