//! Cross-validation of the Arabic tagger and blend on ANERcorp train (`train_ner cv`).
//!
//! ANERcorp train is cut into documents of 20 sentences and those into `folds` parts, as
//! `dump --hold-aner` cuts them. For each part the Arabic model is trained as the shipped one
//! (in fold, without the Arabic given names) on the rest of ANERcorp train, Wojood train and
//! okur news ar train, and the part is read as new text: by an extractor with that model
//! and name counts (`name_stats.tsv`) made without the part. Persons and places are scored
//! whole-token and strict, blended and by the tagger alone (its token runs), and printed per
//! fold, then as mean and spread (sample standard deviation) over the folds.
//!
//! The fold models are kept in `OUT/foldK/ar.okcrf`: `--reuse` scores the current rules and
//! blend with them without training again (a change to the rules changes what the tagger
//! reads, as it does for the shipped model).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};
use okur::corpus::{Corpus, Document};
use okur::extract::crf::model::CrfModel;
use okur::extract::crf::train::{self, LabelledDoc};
use okur::extract::{Extractor, Kind, extract_corpus};

use crate::{ANER_STATS, arabic, data, write_fit};

/// True positives, predicted and gold counts.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Counts {
    fn f1(self) -> f64 {
        let p = self.tp as f64 / self.pred.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// The figures of one fold, in the order of [`COLUMNS`].
type Row = [f64; 6];

const COLUMNS: [&str; 6] = [
    "PER whole",
    "PER strict",
    "PER tagger",
    "LOC whole",
    "LOC strict",
    "LOC tagger",
];

fn whole(text: &str, s: usize, e: usize) -> (usize, usize) {
    crate::score::project(text, s, e)
}

/// Whole-token and strict counts of `kind` (gold type `typ` after [`arabic`]) that `ex`
/// finds in `docs`.
fn blended(ex: &Extractor, docs: &[LabelledDoc], kind: Kind, typ: &str) -> (Counts, Counts) {
    let corpus = Corpus {
        docs: docs
            .iter()
            .enumerate()
            .map(|(i, d)| Document::from_text(format!("fold{i}"), d.text.clone()))
            .collect(),
    };
    let out = extract_corpus(ex, &corpus);
    let (mut w, mut s) = (Counts::default(), Counts::default());
    for (d, ms) in docs.iter().zip(&out.mentions) {
        let gold: Vec<(usize, usize)> = d
            .spans
            .iter()
            .filter(|(_, _, t)| arabic(t) == Some(typ))
            .map(|(a, b, _)| (*a, *b))
            .collect();
        let pred: Vec<(usize, usize)> = ms
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| (m.start, m.end))
            .collect();
        let gw: Vec<_> = gold.iter().map(|g| whole(&d.text, g.0, g.1)).collect();
        w.tp += pred
            .iter()
            .filter(|p| gw.contains(&whole(&d.text, p.0, p.1)))
            .count();
        s.tp += pred.iter().filter(|p| gold.contains(p)).count();
        for c in [&mut w, &mut s] {
            c.pred += pred.len();
            c.gold += gold.len();
        }
    }
    (w, s)
}

/// Scores fold `docs` with `model`, name counts made without the fold.
fn score_fold(model: &'static CrfModel, docs: &[LabelledDoc]) -> Row {
    let counts = train::token_counts(docs, ANER_STATS);
    let ex = train::without_counts(Extractor::with_models(Some(model), None), &counts);
    let rules = train::without_counts(Extractor::rules_only(), &counts);
    let tagger = train::score(model, &train::sequences(&rules, docs, arabic, true));
    let (pw, ps) = blended(&ex, docs, Kind::Person, "PER");
    let (lw, ls) = blended(&ex, docs, Kind::Place, "LOC");
    [
        pw.f1(),
        ps.f1(),
        tagger.prf("PER").2,
        lw.f1(),
        ls.f1(),
        tagger.prf("LOC").2,
    ]
}

/// CRFsuite settings and training mix of the fold models, passed to
/// `assets/tools/train_ner.py` (its defaults where not given), and where their training
/// data is kept so that a grid of settings reads each fold's rules once.
#[derive(clap::Args, Debug, Default)]
pub struct FitArgs {
    /// L1 weight (`--c1` of train_ner.py).
    #[arg(long)]
    c1: Option<f64>,
    /// L2 weight.
    #[arg(long)]
    c2: Option<f64>,
    /// Feature-count cut-off (CRFsuite's `feature.minfreq`).
    #[arg(long)]
    min_freq: Option<f64>,
    /// Copies of each training set: ANERcorp, Wojood, okur news ar (`2,1,1`).
    #[arg(long)]
    copies: Option<String>,
    /// Keep each fold's training data in `FITS/foldK` and read it from there if present
    /// (a change to the rules or the features needs a new FITS: nothing checks it).
    #[arg(long)]
    fits: Option<PathBuf>,
}

impl FitArgs {
    /// The options of `assets/tools/train_ner.py` these settings give.
    fn python_args(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, v) in [
            ("--c1", self.c1),
            ("--c2", self.c2),
            ("--min-freq", self.min_freq),
        ] {
            if let Some(v) = v {
                out.extend([name.to_string(), v.to_string()]);
            }
        }
        if let Some(c) = &self.copies {
            out.extend(["--copies".to_string(), c.clone()]);
        }
        out
    }
}

/// Writes fold `k`'s training data (`ar.fit.tsv`, and `ar.fit.parts`: the sequences of
/// each set) into `dir`.
fn dump_fold(shared: &Path, dir: &Path, k: usize, folds: usize) -> Result<()> {
    let ex = train::without_arabic_given(Extractor::rules_only());
    let d = data(shared, &ex, "ar", (1, false, Some((folds, Some(k)))))?;
    std::fs::create_dir_all(dir)?;
    write_fit(&dir.join("ar.fit.tsv"), &d.fit)?;
    let parts: String = d.fit_parts.iter().map(|n| format!("{n}\n")).collect();
    std::fs::write(dir.join("ar.fit.parts"), parts)?;
    Ok(())
}

/// Trains fold `k`'s model into `dir/ar.okcrf` with `assets/tools/train_ner.py`.
fn train_fold(
    shared: &Path,
    dir: &Path,
    (k, folds, iterations): Fold,
    fit: &FitArgs,
) -> Result<()> {
    let data_dir = match &fit.fits {
        Some(f) => f.join(format!("fold{k}")),
        None => dir.to_path_buf(),
    };
    if !data_dir.join("ar.fit.tsv").exists() {
        dump_fold(shared, &data_dir, k, folds)?;
    }
    std::fs::create_dir_all(dir)?;
    let status = Command::new("python3")
        .arg("assets/tools/train_ner.py")
        .arg(&data_dir)
        .args(["--lang", "ar", "--iterations", &iterations.to_string()])
        .arg("--out")
        .arg(dir.join("ar.okcrf"))
        .args(fit.python_args())
        .status()
        .context("python3 assets/tools/train_ner.py")?;
    if !status.success() {
        bail!("training fold {k} failed: {status}");
    }
    if fit.fits.is_none() {
        std::fs::remove_file(data_dir.join("ar.fit.tsv"))?;
        std::fs::remove_file(data_dir.join("ar.fit.parts"))?;
    }
    Ok(())
}

/// A fold's number, the number of folds and the CRFsuite iterations.
type Fold = (usize, usize, usize);

/// Mean and sample standard deviation.
fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len().max(1) as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    (mean, var.sqrt())
}

/// Runs the cross-validation (see the module doc) and prints its table.
pub fn cv(
    shared: &Path,
    out: &Path,
    (folds, iterations, reuse): (usize, usize, bool),
    fit: &FitArgs,
) -> Result<()> {
    let path = shared.join("data/ner/ar_anercorp_camel_train.conll");
    let src = std::fs::read_to_string(&path).with_context(|| format!("{}", path.display()))?;
    let aner = train::read_conll(&src, 20);
    let mut rows = Vec::new();
    println!("fold  {}", COLUMNS.join(" | "));
    for k in 0..folds {
        let (held, _) = train::fold_split(&aner, folds, k);
        if held.is_empty() {
            break;
        }
        let dir = out.join(format!("fold{k}"));
        let model_path = dir.join("ar.okcrf");
        if !(reuse && model_path.exists()) {
            train_fold(shared, &dir, (k, folds, iterations), fit)?;
        }
        let bytes = std::fs::read(&model_path)?;
        let model: &'static CrfModel = Box::leak(Box::new(CrfModel::parse(&bytes)?));
        let row = score_fold(model, held);
        let cells: Vec<String> = row.iter().map(|f| format!("{f:.3}")).collect();
        println!("{k}     {}", cells.join(" | "));
        rows.push(row);
    }
    let cells: Vec<String> = (0..COLUMNS.len())
        .map(|c| {
            let (m, sd) = mean_sd(&rows.iter().map(|r| r[c]).collect::<Vec<_>>());
            format!("{m:.3}±{sd:.3}")
        })
        .collect();
    println!("mean  {}", cells.join(" | "));
    Ok(())
}
