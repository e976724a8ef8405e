//! Training data for the CRF taggers from CoNLL gold sets, and scoring (development time
//! only; the models ship as `assets/models/*.okcrf`). Used by `examples/train_ner/`,
//! which writes the sequences that `assets/tools/train_ner.py` trains CRFsuite on.
//!
//! Gold is projected onto okur's own tokens, so training sees exactly the tokens and
//! attributes that tagging will: the CoNLL tokens are joined into text, [`Tokens`] splits it
//! again, and a token takes the label of the gold span it overlaps.

use std::collections::HashMap;
use std::io;

use super::model::{AttrHash, CrfModel, PART_SEP};
use super::{Context, MAX_SEGMENT, segments, spans};
use crate::extract::Extractor;
use crate::extract::lexicon::{FxMap, NameStats};
use crate::extract::token::Tokens;
use crate::text::fold_str;

pub use super::folds::{fold_split, held_part};

/// A text rebuilt from CoNLL tokens, with its gold spans `(start, end, type)` in bytes.
#[derive(Debug, Clone, Default)]
pub struct LabelledDoc {
    /// The tokens joined by spaces, one sentence per line.
    pub text: String,
    /// Gold spans with the set's own type names (`PERS`, `GPE`, ...).
    pub spans: Vec<(usize, usize, String)>,
}

/// Reads a `token<TAB>BIO-tag` file into documents of `per_doc` sentences. A token that
/// starts with an apostrophe is glued to the one before (Tür 2003 splits suffixes off);
/// `_` inside a token is a space (ANERcorp's two-word tokens).
pub fn read_conll(src: &str, per_doc: usize) -> Vec<LabelledDoc> {
    let mut docs = Vec::new();
    let mut doc = LabelledDoc::default();
    let mut open: Option<(usize, usize, String)> = None;
    let mut sentences = 0;
    for line in src.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            doc.spans.extend(open.take());
            if doc.text.is_empty() || doc.text.ends_with('\n') {
                continue;
            }
            doc.text.push('\n');
            sentences += 1;
            if sentences == per_doc {
                docs.push(std::mem::take(&mut doc));
                sentences = 0;
            }
            continue;
        }
        let (tok, tag) = line.split_once('\t').unwrap_or((line, "O"));
        if !(tok.starts_with('\'') || doc.text.is_empty() || doc.text.ends_with('\n')) {
            doc.text.push(' ');
        }
        let start = doc.text.len();
        doc.text.push_str(&tok.replace('_', " "));
        let end = doc.text.len();
        let (bio, typ) = tag.split_once('-').unwrap_or(("O", ""));
        match (bio, &mut open) {
            ("I", Some((_, e, t))) if t == typ => *e = end,
            ("B" | "I", _) => {
                doc.spans.extend(open.take());
                open = Some((start, end, typ.to_string()));
            }
            _ => doc.spans.extend(open.take()),
        }
    }
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Maps a set's type names onto the model's (`PER`, `LOC`, `ORG`); others become `O`.
pub type TypeMap = fn(&str) -> Option<&'static str>;

/// One training sequence: attributes and labels per token.
pub type Sequence = (Vec<Vec<String>>, Vec<String>);

/// Labels of every token of `toks` from gold spans: `B-T` on the first token a span
/// overlaps, `I-T` on the rest, `O` elsewhere.
pub fn token_labels(toks: &Tokens, spans: &[(usize, usize, String)], map: TypeMap) -> Vec<String> {
    let mut labels = vec!["O".to_string(); toks.len()];
    for (s, e, typ) in spans {
        let Some(t) = map(typ) else { continue };
        let mut first = true;
        for (i, tok) in toks.toks.iter().enumerate() {
            if tok.start() < *e && *s < tok.end() {
                labels[i] = format!("{}-{t}", if first { "B" } else { "I" });
                first = false;
            }
        }
    }
    labels
}

/// The training sequences of `docs`, segmented as tagging segments them.
/// The rules' mentions are among the attributes, read by `ex` as in tagging.
pub fn sequences(
    ex: &Extractor,
    docs: &[LabelledDoc],
    map: TypeMap,
    arabic: bool,
) -> Vec<Sequence> {
    let mut out = Vec::new();
    let lx = ex.lexicon();
    let words = super::features::Flags::word_table(lx);
    for doc in docs {
        let toks = Tokens::new(&doc.text);
        let labels = token_labels(&toks, &doc.spans, map);
        let (dates, rules) = ex.rules(&doc.text, &toks, None);
        let ctx = Context::new(lx, &words, (&doc.text, &toks), &[&rules, &dates]);
        for seg in segments(&doc.text, &toks, MAX_SEGMENT) {
            if toks.toks[seg.start].arabic != arabic {
                continue;
            }
            let x = seg
                .clone()
                .map(|i| {
                    let mut names = Vec::new();
                    ctx.attributes(i, &seg, &mut |parts| {
                        let texts: Vec<&str> = parts.iter().map(|p| p.text()).collect();
                        names.push(texts.join(&PART_SEP.to_string()));
                    });
                    names
                })
                .collect();
            out.push((x, labels[seg].to_vec()));
        }
    }
    out
}

/// Which gold types of a set count as a person and as a place in `name_stats.tsv`.
#[derive(Debug, Clone, Copy)]
pub struct StatTypes {
    /// The person type (`PERSON`).
    pub person: &'static str,
    /// The place types (`GPE`, `LOC`).
    pub places: &'static [&'static str],
}

/// Per folded token of `docs`, the counts `assets/tools/build_assets.py` adds to
/// `name_stats.tsv` for them: begins a person, inside one, a place, anything else. Tokens
/// are the gold set's own (space-separated), without an apostrophe suffix.
pub fn token_counts(docs: &[LabelledDoc], types: StatTypes) -> FxMap<String, NameStats> {
    let mut out: FxMap<String, NameStats> = FxMap::default();
    for doc in docs {
        let mut at = 0;
        for word in doc.text.split(char::is_whitespace) {
            let (s, e) = (at, at + word.len());
            at = e + doc.text[e..].chars().next().map_or(0, char::len_utf8);
            if word.is_empty() {
                continue;
            }
            let stem = word.split(['\'', '’']).next().unwrap_or(word);
            let st = out.entry(fold_str(stem)).or_default();
            let span = doc.spans.iter().find(|(a, b, _)| *a < e && s < *b);
            match span {
                Some((a, _, t)) if t == types.person => {
                    if *a >= s {
                        st.begin += 1;
                    } else {
                        st.inside += 1;
                    }
                }
                Some((_, _, t)) if types.places.contains(&t.as_str()) => st.place += 1,
                _ => st.other += 1,
            }
        }
    }
    out
}

/// The rules as if `name_stats.tsv` had been counted without `held` (one fold's share of
/// the counts, [`token_counts`]), and with the file's cut-offs applied again.
fn rules_without(held: &FxMap<String, NameStats>, given_ar: bool) -> Extractor {
    let ex = Extractor::rules_only();
    let ex = if given_ar {
        ex
    } else {
        without_arabic_given(ex)
    };
    without_counts(ex, held)
}

/// `ex` as if `name_stats.tsv` had been counted without `held` ([`token_counts`] of
/// documents held out of training), with the file's cut-offs applied again: held-out
/// documents of a training split are then read as new text.
pub fn without_counts(mut ex: Extractor, held: &FxMap<String, NameStats>) -> Extractor {
    for (k, c) in held {
        let Some(s) = ex.lx.stats.get_mut(k) else {
            continue;
        };
        s.begin = s.begin.saturating_sub(c.begin);
        s.inside = s.inside.saturating_sub(c.inside);
        s.place = s.place.saturating_sub(c.place);
        s.other = s.other.saturating_sub(c.other);
        // `build_assets.py` keeps Arabic ordinary words from 10 on (no capitals to go by).
        let common = if crate::text::starts_arabic(k) {
            10
        } else {
            20
        };
        if !(s.begin + s.inside >= 2 || s.other >= common || s.place >= 3) {
            ex.lx.stats.remove(k);
        }
    }
    ex
}

/// `ex` without its Arabic given names (`given_ar.txt`), for training data read as the
/// shipped Arabic model was trained: the list was chosen by counts in the training splits,
/// so there its names are surer persons than on new text.
pub fn without_arabic_given(mut ex: Extractor) -> Extractor {
    ex.lx.given.retain(|k| !crate::text::starts_arabic(k));
    ex
}

/// [`sequences`] of a set the lexicon's training counts were made from, read out of fold:
/// the documents are cut into `folds` parts, and each part's rule readings come from counts
/// without that part. Otherwise the rules are near perfect on the training sequences (they
/// remember every name there), and a model stacked on them trusts them too much on new text.
/// `given_ar` false reads them without the Arabic given names ([`without_arabic_given`]).
pub fn sequences_out_of_fold(
    docs: &[LabelledDoc],
    (map, types): (TypeMap, StatTypes),
    (arabic, given_ar): (bool, bool),
    folds: usize,
) -> Vec<Sequence> {
    let size = docs.len().div_ceil(folds.max(1)).max(1);
    docs.chunks(size)
        .flat_map(|part| {
            let ex = rules_without(&token_counts(part, types), given_ar);
            sequences(&ex, part, map, arabic)
        })
        .collect()
}

/// Writes sequences in the form `assets/tools/train_ner.py` reads: one token per line,
/// its label then its attributes, TAB-separated; a blank line after each sequence.
pub fn write_sequences(seqs: &[Sequence], out: &mut impl io::Write) -> io::Result<()> {
    for (x, y) in seqs {
        for (attrs, label) in x.iter().zip(y) {
            write!(out, "{label}")?;
            for a in attrs {
                write!(out, "\t{a}")?;
            }
            writeln!(out)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Gold and predicted counts per type, on token runs (same first and last token).
#[derive(Debug, Default)]
pub struct RunScores {
    /// Type -> (true positives, predicted, gold).
    pub by_type: HashMap<String, (usize, usize, usize)>,
}

impl RunScores {
    /// Precision, recall and F1 of one type.
    pub fn prf(&self, typ: &str) -> (f64, f64, f64) {
        let (tp, pred, gold) = self.by_type.get(typ).copied().unwrap_or_default();
        let p = if pred == 0 {
            0.0
        } else {
            tp as f64 / pred as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            tp as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// The labels `model` gives a training sequence's attributes.
pub fn tag_sequence<'m>(model: &'m CrfModel, x: &[Vec<String>]) -> Vec<&'m str> {
    let n = model.labels.len();
    let mut state = vec![0f32; x.len() * n];
    for (row, attrs) in x.iter().enumerate() {
        for a in attrs {
            model.add_state(AttrHash::of_name(a), &mut state[row * n..(row + 1) * n]);
        }
    }
    model
        .viterbi(&state)
        .into_iter()
        .map(|l| model.labels[l].as_str())
        .collect()
}

/// Scores a model against `seqs` on token runs.
pub fn score(model: &CrfModel, seqs: &[Sequence]) -> RunScores {
    let mut s = RunScores::default();
    for (x, y) in seqs {
        let pred = tag_sequence(model, x);
        let gold: Vec<&str> = y.iter().map(String::as_str).collect();
        let g = spans::runs(&gold, 0);
        let p = spans::runs(&pred, 0);
        for run in &g {
            s.by_type.entry(run.2.to_string()).or_default().2 += 1;
        }
        for run in &p {
            let e = s.by_type.entry(run.2.to_string()).or_default();
            e.1 += 1;
            if g.contains(run) {
                e.0 += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn per_loc(t: &str) -> Option<&'static str> {
        match t {
            "PER" => Some("PER"),
            "LOC" => Some("LOC"),
            _ => None,
        }
    }

    #[test]
    fn out_of_fold_counts_leave_the_fold_out() {
        let src = "Mustafa\tB-PERSON\nKemal\tI-PERSON\n'in\tO\nAnkara\tB-GPE\ngeldi\tO\n\n";
        let docs = read_conll(src, 10);
        let types = StatTypes {
            person: "PERSON",
            places: &["GPE", "LOC"],
        };
        let c = token_counts(&docs, types);
        let got = |k: &str| {
            let s = c.get(k).copied().unwrap_or_default();
            (s.begin, s.inside, s.place, s.other)
        };
        assert_eq!(got("mustafa"), (1, 0, 0, 0));
        assert_eq!(got("kemal"), (0, 1, 0, 0));
        assert_eq!(got("ankara"), (0, 0, 1, 0));
        assert_eq!(got("geldi"), (0, 0, 0, 1));
        let full = Extractor::rules_only();
        let ex = rules_without(&c, true);
        let begin = |e: &Extractor| e.lexicon().stat("mustafa").begin;
        assert_eq!(begin(&ex) + 1, begin(&full));
        // A name whose counts all came from the fold falls under the file's cut-off.
        let erdogan = full.lexicon().stat("erdogan");
        assert!(erdogan.begin + erdogan.inside >= 2);
        let mut only = FxMap::default();
        only.insert("erdogan".to_string(), erdogan);
        let ex = rules_without(&only, true);
        assert!(!ex.lexicon().stats.contains_key("erdogan"));
    }

    #[test]
    fn conll_becomes_text_with_spans() {
        let src = "Helmut\tB-PER\nKohl\tI-PER\n'un\tO\nAnkara\tB-LOC\nziyareti\tO\n\nYeni\tO\n";
        let docs = read_conll(src, 10);
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "Helmut Kohl'un Ankara ziyareti\nYeni\n");
        let texts: Vec<&str> = d.spans.iter().map(|(s, e, _)| &d.text[*s..*e]).collect();
        assert_eq!(texts, ["Helmut Kohl", "Ankara"]);
        let toks = Tokens::new(&d.text);
        let labels = token_labels(&toks, &d.spans, per_loc);
        assert_eq!(labels, ["B-PER", "I-PER", "B-LOC", "O", "O"]);
    }
}
