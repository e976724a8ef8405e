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
//! cargo run --release --example train_ner -- cv --out /tmp/ner-cv          # ~4 min
//! cargo run --release --example train_ner -- cv --out /tmp/ner-cv --reuse  # ~15 s
//! # a grid point: CRFsuite settings and training mix, each fold's data read once into FITS
//! cargo run --release --example train_ner -- cv --out /tmp/cv-c2 --fits /tmp/fits --c2 0.05
//! ```
//!
//! `cv` is the steady measure for Arabic changes (`cv.rs`): 5-fold cross-validation on
//! ANERcorp train, person and place F1 per fold and their mean and spread; `score` on the
//! Arabic model gives Wojood val and okur news ar dev, which a change must not lower.
//!
//! Data (see `../shared/data/README.md`): Turkish-Wiki-NER train and dev (CC BY-SA 4.0),
//! ANERcorp CAMeL train (CC BY-SA 4.0), Wojood sample train and val (MIT). Never Tür 2003:
//! nothing trained or tuned on `research_only/` may ship.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand};
use okur::extract::Extractor;
use okur::extract::crf::train::{
    self, LabelledDoc, Sequence, StatTypes, TypeMap, fold_split, held_part,
};

mod cv;
mod score;
use score::score;

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
        /// Folds for the rule readings of Wiki-NER train, whose counts are in the lexicon
        /// (`name_stats.tsv`): each fold is read with counts made without it. 1 reads it
        /// with the shipped counts, as the shipped model was trained (5 folds scored the
        /// same on dev: person F1 0.706 against 0.705, place 0.760 against 0.763).
        #[arg(long, default_value_t = 1)]
        folds: usize,
        /// tr, ar, or both.
        #[arg(long, default_value = "both")]
        lang: String,
        /// Read the training data without the Arabic given names.
        #[arg(long)]
        no_given_ar: bool,
        /// Leave the last of this many parts of ANERcorp train out of `fit`, for error
        /// analysis on it (`ner_errors` with `OKUR_HOLD` set to the same number).
        #[arg(long)]
        hold_aner: Option<usize>,
    },
    /// Cross-validates the Arabic model and blend on ANERcorp train (`cv.rs`): trains one
    /// model per fold with `assets/tools/train_ner.py` and prints person and place F1 per
    /// fold and their mean and spread. `--reuse` then scores a change to the rules or the
    /// blend with the same fold models.
    Cv {
        /// Where the fold models go (`OUT/foldK/ar.okcrf`).
        #[arg(long)]
        out: PathBuf,
        /// Parts ANERcorp train is cut into.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// CRFsuite iterations per fold model (the shipped model had 100).
        #[arg(long, default_value_t = 30)]
        iterations: usize,
        /// Score with the fold models already in OUT, training only missing ones.
        #[arg(long)]
        reuse: bool,
        #[command(flatten)]
        fit: cv::FitArgs,
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

pub(crate) fn arabic(t: &str) -> Option<&'static str> {
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
pub(crate) struct Data {
    pub(crate) fit: Vec<Sequence>,
    /// How many of `fit`'s sequences each training set gave, in order (`cv --copies`).
    pub(crate) fit_parts: Vec<usize>,
    held: Vec<Sequence>,
    held_docs: Vec<(LabelledDoc, TypeMap)>,
    /// Where each held set ends in `held_docs` (Wiki-NER or Wojood dev, then okur news).
    held_ends: Vec<usize>,
}

fn with_map(docs: &[LabelledDoc], map: TypeMap) -> Vec<(LabelledDoc, TypeMap)> {
    docs.iter().map(|d| (d.clone(), map)).collect()
}

/// ANERcorp train's part left out of `fit`: `(parts, k)`, part `k` of `parts` (the last
/// where `k` is `None`).
pub(crate) type Hold = Option<(usize, Option<usize>)>;

/// Documents of one gold set with the map of its type names.
type Set = (Vec<LabelledDoc>, TypeMap);
type Sets = [Set];

fn parts(sets: &Sets) -> Vec<(&[LabelledDoc], TypeMap)> {
    sets.iter().map(|(d, m)| (d.as_slice(), *m)).collect()
}

/// What `name_stats.tsv` counts as a person and a place in Turkish-Wiki-NER train.
const WIKI_STATS: StatTypes = StatTypes {
    person: "PERSON",
    places: &["GPE", "LOC"],
};

/// What `name_stats.tsv` counts as a person and a place in ANERcorp and Wojood train.
pub(crate) const ANER_STATS: StatTypes = StatTypes {
    person: "PERS",
    places: &["LOC", "GPE"],
};

/// The sequences of every set in `parts`, and how many each set gave.
fn collect(
    ex: &Extractor,
    parts: &[(&[LabelledDoc], TypeMap)],
    ar: bool,
) -> (Vec<Sequence>, Vec<usize>) {
    let mut out = Vec::new();
    let mut counts = Vec::new();
    for (docs, map) in parts {
        let seqs = train::sequences(ex, docs, *map, ar);
        counts.push(seqs.len());
        out.extend(seqs);
    }
    (out, counts)
}

/// Turkish: Wiki-NER train (its rule readings out of `folds` folds, since the lexicon's
/// counts come from it) and okur news tr train; held out, their dev splits. Arabic:
/// ANERcorp train, Wojood train and okur news ar train; held out, Wojood val and okur
/// news ar dev. `hold` `(parts, k)` leaves part `k` of ANERcorp train out (the last part
/// where `k` is `None`).
pub(crate) fn data(
    shared: &Path,
    ex: &Extractor,
    lang: &str,
    (folds, given_ar, hold): (usize, bool, Hold),
) -> Result<Data> {
    let (news_fit, news_held) = read_news(shared, lang)?;
    let mut fit_first = Vec::new();
    let mut first_parts = Vec::new();
    let (fit, held): (Vec<Set>, Vec<Set>) = if lang == "tr" {
        let wiki_fit = read(shared, "tr_wikiner_train.conll")?;
        if folds > 1 {
            fit_first =
                train::sequences_out_of_fold(&wiki_fit, (wiki, WIKI_STATS), (false, true), folds);
            first_parts.push(fit_first.len());
        }
        let wiki_fit = if folds > 1 { Vec::new() } else { wiki_fit };
        (
            vec![(wiki_fit, wiki), (news_fit, news)],
            vec![
                (read(shared, "tr_wikiner_dev.conll")?, wiki),
                (news_held, news),
            ],
        )
    } else {
        let mut aner = read(shared, "ar_anercorp_camel_train.conll")?;
        match hold {
            Some((parts, Some(k))) => aner = fold_split(&aner, parts, k).1,
            Some((parts, None)) => {
                let held = held_part(&aner, parts).len();
                aner.truncate(aner.len() - held);
            }
            None => {}
        }
        let mut sets = vec![aner, read(shared, "ar_wojood_sample_train.conll")?];
        if folds > 1 {
            // Both sets' counts are in `name_stats.tsv`: read out of fold, as Wiki-NER's.
            for docs in &sets {
                let seqs = train::sequences_out_of_fold(
                    docs,
                    (arabic, ANER_STATS),
                    (true, given_ar),
                    folds,
                );
                first_parts.push(seqs.len());
                fit_first.extend(seqs);
            }
            sets.clear();
        }
        let wojood = sets.pop().unwrap_or_default();
        let aner = sets.pop().unwrap_or_default();
        (
            vec![(aner, arabic), (wojood, arabic), (news_fit, news)],
            vec![
                (read(shared, "ar_wojood_sample_val.conll")?, arabic),
                (news_held, news),
            ],
        )
    };
    let ar = lang == "ar";
    let (fit_seqs, counts) = collect(ex, &parts(&fit), ar);
    // The sets read out of fold come first in `fit`, emptied there.
    let fit_parts = first_parts
        .iter()
        .chain(counts.iter().skip(first_parts.len()))
        .copied()
        .collect();
    fit_first.extend(fit_seqs);
    Ok(Data {
        fit: fit_first,
        fit_parts,
        held: collect(ex, &parts(&held), ar).0,
        held_docs: held.iter().flat_map(|(d, m)| with_map(d, *m)).collect(),
        held_ends: held
            .iter()
            .scan(0, |n, (d, _)| {
                *n += d.len();
                Some(*n)
            })
            .collect(),
    })
}

fn dump(
    shared: &Path,
    ex: &Extractor,
    out: &Path,
    (folds, only, given_ar, hold): (usize, &str, bool, Hold),
) -> Result<()> {
    std::fs::create_dir_all(out)?;
    for lang in ["tr", "ar"]
        .into_iter()
        .filter(|l| only == "both" || only == *l)
    {
        let d = data(shared, ex, lang, (folds, given_ar, hold))?;
        for (name, seqs) in [("fit", &d.fit), ("held", &d.held)] {
            write_fit(&out.join(format!("{lang}.{name}.tsv")), seqs)?;
        }
    }
    Ok(())
}

/// Writes sequences to `path` as `assets/tools/train_ner.py` reads them.
pub(crate) fn write_fit(path: &Path, seqs: &[Sequence]) -> Result<()> {
    let mut w = BufWriter::new(std::fs::File::create(path)?);
    train::write_sequences(seqs, &mut w)?;
    w.flush()?;
    let tokens: usize = seqs.iter().map(|s| s.0.len()).sum();
    println!(
        "{}: {} sequences, {tokens} tokens",
        path.display(),
        seqs.len()
    );
    Ok(())
}

fn main() -> Result<()> {
    let args = Args::parse();
    let ex = Extractor::rules_only();
    match &args.cmd {
        Cmd::Dump {
            out,
            folds,
            lang,
            no_given_ar,
            hold_aner,
        } => {
            let ex = if *no_given_ar {
                train::without_arabic_given(ex)
            } else {
                ex
            };
            dump(
                &args.shared,
                &ex,
                out,
                (*folds, lang, !*no_given_ar, hold_aner.map(|n| (n, None))),
            )
        }
        Cmd::Cv {
            out,
            folds,
            iterations,
            reuse,
            fit,
        } => cv::cv(&args.shared, out, (*folds, *iterations, *reuse), fit),
        Cmd::Score {
            lang,
            model,
            errors,
        } => score(&args.shared, &ex, lang, model, *errors),
    }
}
