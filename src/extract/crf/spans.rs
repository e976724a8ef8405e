//! From token labels (`B-PER`, `I-LOC`, `O`, ...) to mentions whose spans follow the gold
//! conventions: Turkish case suffixes and Arabic proclitics outside the span.

use crate::extract::lexicon::Lexicon;
use crate::extract::morph::{ar_find, tr_splits};
use crate::extract::names::{has_clitic, orig_len};
use crate::extract::token::Tokens;
use crate::extract::{Kind, RawMention};

/// The entity type a label names, if it is one okur keeps.
fn kind_of(typ: &str) -> Option<Kind> {
    match typ {
        "PER" => Some(Kind::Person),
        "LOC" => Some(Kind::Place),
        _ => None,
    }
}

/// Token runs `(first, last, type)` from BIO labels of the tokens `offset..`; an `I-` that
/// does not continue a run of its type starts one.
pub fn runs<'l>(labels: &[&'l str], offset: usize) -> Vec<(usize, usize, &'l str)> {
    let mut out = Vec::new();
    runs_into(labels.iter().map(|l| split_label(l)), offset, &mut out);
    out
}

/// A label's BIO prefix and type (`B-PER` -> `B`, `PER`; `O` -> `O`, ``).
pub fn split_label(label: &str) -> (&str, &str) {
    label.split_once('-').unwrap_or(("O", ""))
}

/// [`runs`] from labels already split ([`split_label`]), into `out` (cleared first): a
/// tagger splits its model's labels once, not every token's (splitting was most of the
/// cost of finding runs).
pub fn runs_into<'l>(
    labels: impl Iterator<Item = (&'l str, &'l str)>,
    offset: usize,
    out: &mut Vec<(usize, usize, &'l str)>,
) {
    out.clear();
    let mut open: Option<(usize, &str)> = None;
    let mut len = 0;
    for (n, (bio, typ)) in labels.enumerate() {
        let i = offset + n;
        len = n + 1;
        match (bio, open) {
            ("I", Some((_, t))) if t == typ => {}
            ("B" | "I", _) => {
                if let Some((s, t)) = open {
                    out.push((s, i - 1, t));
                }
                open = Some((i, typ));
            }
            _ => {
                if let Some((s, t)) = open.take() {
                    out.push((s, i - 1, t));
                }
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, offset + len - 1, t));
    }
}

/// The mention for tokens `first..=last` of type `typ`, or `None` for types okur drops.
pub fn mention(
    lx: &Lexicon,
    text: &str,
    toks: &Tokens,
    (first, last, typ): (usize, usize, &str),
) -> Option<RawMention> {
    let kind = kind_of(typ)?;
    let (first, last) = trim_ordinary(lx, toks, first, last)?;
    if after_org_head(lx, toks, first) {
        return None;
    }
    let (a, b) = (&toks.toks[first], &toks.toks[last]);
    let start = if a.arabic {
        a.start() + clitic_bytes(lx, text, toks, first)
    } else {
        a.start()
    };
    let end = if !b.arabic && !b.has_suffix() && kind == Kind::Place {
        b.start() + stem_bytes(lx, text, toks, last)
    } else {
        b.stem_end()
    };
    (start < end).then_some(RawMention {
        start,
        end,
        kind,
        value: None,
        canonical: None,
    })
}

/// True when the word before token `i` is an organisation head (`وكالة الأناضول` is the
/// agency, not Anatolia), as the rules also check.
fn after_org_head(lx: &Lexicon, toks: &Tokens, i: usize) -> bool {
    if i == 0 || !toks.joined(i - 1) {
        return false;
    }
    let k = toks.key(i - 1);
    lx.org_heads.contains(k)
        || ar_find(k, |_, rest| lx.org_heads.contains(rest).then_some(())).is_some()
}

/// Drops words at either end of a run that the training counts call ordinary and never a
/// name (`وبيّن علييف`: the verb before the subject); `None` when nothing is left.
fn trim_ordinary(
    lx: &Lexicon,
    toks: &Tokens,
    mut first: usize,
    mut last: usize,
) -> Option<(usize, usize)> {
    let ordinary = |i: usize| {
        let s = lx.stat(toks.key(i));
        s.common() && s.begin + s.inside == 0 && s.place == 0
    };
    while first <= last && ordinary(first) {
        first += 1;
    }
    while last > first && ordinary(last) {
        last -= 1;
    }
    (first <= last).then_some((first, last))
}

/// Bytes of proclitics at the front of Arabic token `i`: the split the lexicon knows, else
/// a conjunction or preposition before the article (`والرياض`, `بالقاهرة`, `للعراق`).
fn clitic_bytes(lx: &Lexicon, text: &str, toks: &Tokens, i: usize) -> usize {
    let k = toks.key(i);
    // A word known whole is not split (`لافروف` is Lavrov, not ل + افروف): the training
    // counts also hold clitic-stripped forms, so the rest alone can look like a name too.
    let whole = lx.place(k).is_some()
        || lx.people.contains_key(k)
        || lx.people_last.contains_key(k)
        || lx.stat(k).personish(1);
    if !has_clitic(k) || whole {
        return 0;
    }
    let known = |rest: &str| {
        lx.place(rest).is_some() || lx.people_last.contains_key(rest) || lx.stat(rest).personish(2)
    };
    let skip = ar_find(k, |skip, rest| (skip > 0 && known(rest)).then_some(skip))
        .or_else(|| article_clitic(k))
        .unwrap_or(0);
    let t = &toks.toks[i];
    orig_len(&text[t.start()..t.end()], skip)
}

/// One proclitic letter before `ال` (`وال`, `بال`, `فال`, `كال`) or `لل`: its folded length.
fn article_clitic(k: &str) -> Option<usize> {
    let mut cs = k.chars();
    let c = cs.next()?;
    let rest = cs.as_str();
    let fits = matches!(c, 'و' | 'ب' | 'ف' | 'ك') && rest.starts_with("ال") || k.starts_with("لل");
    (fits && rest.chars().count() >= 4).then_some(c.len_utf8())
}

/// Bytes of Latin token `i` before a case suffix written without an apostrophe
/// (`Rusyadan` -> `Rusya`), when the stem is a known place and the word is not.
fn stem_bytes(lx: &Lexicon, text: &str, toks: &Tokens, i: usize) -> usize {
    let t = &toks.toks[i];
    let k = toks.key(i);
    if lx.place(k).is_some() {
        return t.stem_end() - t.start();
    }
    match tr_splits(k).find(|&s| lx.place(&k[..s]).is_some()) {
        Some(s) => orig_len(&text[t.start()..t.end()], s),
        None => t.stem_end() - t.start(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_from_bio() {
        let l = ["O", "B-PER", "I-PER", "I-LOC", "O", "I-PER"];
        assert_eq!(
            runs(&l, 10),
            vec![(11, 12, "PER"), (13, 13, "LOC"), (15, 15, "PER")]
        );
    }

    #[test]
    fn spans_leave_suffixes_and_clitics_outside() {
        let lx = Lexicon::load();
        let text = "Rusyadan ve Türkiye'ye والرياض للعراق وليد";
        let toks = Tokens::new(text);
        let span = |i, typ| {
            let m = mention(&lx, text, &toks, (i, i, typ)).expect("mention");
            &text[m.start..m.end]
        };
        assert_eq!(span(0, "LOC"), "Rusya");
        assert_eq!(span(2, "LOC"), "Türkiye");
        assert_eq!(span(3, "LOC"), "الرياض");
        assert_eq!(span(4, "LOC"), "لعراق");
        assert_eq!(span(5, "PER"), "وليد");
        assert!(mention(&lx, text, &toks, (0, 0, "ORG")).is_none());
    }
}
