//! The cached scores are the very floats of the plain computation, in its order of
//! additions: the tagger's mentions must not move by a tie.

use super::*;
use crate::extract::crf::features::{NEAR, neighbour};
use crate::extract::lexicon::Lexicon;
use crate::extract::token::Tokens;
use crate::extract::{Kind, RawMention};

/// Token `i`'s scores computed without any cache, in the order the tagger has always
/// added them: a word's own attributes summed from zeros; a neighbour without a suffix
/// as the sum of its attributes (the rows the tagger kept), one with a suffix attribute by
/// attribute; then the attributes of the token's place, one by one.
fn plain(model: &CrfModel, ctx: &Context<'_>, i: usize, seg: &std::ops::Range<usize>) -> Vec<f32> {
    let n = model.labels.len();
    let mut scores = vec![0f32; n];
    ctx.word_attrs(i, &mut |p| model.add_state(AttrHash::of(p), &mut scores));
    for d in NEAR {
        let Some(j) = neighbour(i, d, seg) else {
            continue;
        };
        if ctx.suffixed(j) {
            ctx.neighbour_attrs(j, d, &mut |p| model.add_state(AttrHash::of(p), &mut scores));
        } else {
            let mut row = vec![0f32; n];
            ctx.neighbour_attrs(j, d, &mut |p| model.add_state(AttrHash::of(p), &mut row));
            add_row(&row, &mut scores);
        }
    }
    ctx.context_attrs(i, seg, &mut |p| {
        model.add_state(AttrHash::of(p), &mut scores)
    });
    scores
}

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

/// Scores every segment of `text` twice with one cache (words first computed, then
/// found) and compares each token's scores, bit for bit, with [`plain`]. The texts spell
/// words alike but for case or accents (`ANKARA`, `Ankara`; `Turkiye`, `Türkiye`), so a
/// cache key that dropped what tells them apart would give one the other's scores.
fn check(model: &CrfModel, text: &str, rules: &[RawMention]) {
    let lx = Lexicon::load();
    let table = super::super::word_table(&lx);
    let toks = Tokens::new(text);
    let ctx = Context::new(&lx, table, (text, &toks), &[rules]);
    let mut words = WordScores::default();
    words.reset_for(model);
    let (mut scorer, mut state) = (SegmentScorer::default(), Vec::new());
    let n = model.labels.len();
    let segs = features::segments(text, &toks, super::super::MAX_SEGMENT);
    assert!(segs.len() > 1, "the text has several segments");
    for round in 0..2 {
        for seg in &segs {
            scorer.score(model, &ctx, &mut words, seg, &mut state);
            assert_eq!(state.len(), seg.len() * n);
            for (got, i) in state.chunks_exact(n).zip(seg.clone()) {
                let want = plain(model, &ctx, i, seg);
                let word = &text[toks.toks[i].start()..toks.toks[i].end()];
                assert_eq!(bits(got), bits(&want), "round {round}, token {i} `{word}`");
            }
        }
    }
}

fn mention(text: &str, word: &str, kind: Kind) -> RawMention {
    let start = text.find(word).expect("the word is in the text");
    RawMention {
        start,
        end: start + word.len(),
        kind,
        value: None,
        canonical: None,
    }
}

#[test]
fn cached_scores_are_the_plain_ones_bit_for_bit() {
    let tr = "Dışişleri Bakanı Mevlüt Çavuşoğlu, Ankara'da Rus mevkidaşı Lavrov ile görüştü. \
              ANKARA'DA yapılan görüşmede Çavuşoğlu'nun (AA) açıklaması: \"Türkiye'nin \
              tutumu açık.\" 13 Kasım 2020 Cuma günü İstanbul'a döndü; St. Petersburg-Moskova \
              hattı ve Ankara, Ankara'da, Ankara'dan.\nYeni satır Çavuşoğlu Lavrov. ANKARA ve \
              Ankara; Turkiye ile Türkiye, TÜRKİYE'DE ve Türkiye'de.";
    let rules = [
        mention(tr, "Mevlüt Çavuşoğlu", Kind::Person),
        mention(tr, "Ankara'da", Kind::Place),
        mention(tr, "13 Kasım 2020", Kind::Date),
    ];
    let turkish = super::super::turkish_model().expect("the embedded Turkish model");
    check(turkish, tr, &rules);
    let ar = "قال وزير الخارجية سيرغي لافروف في موسكو إن والرياض وبالقاهرة للعراق. \
              وأضاف لافروف، في مؤتمر صحفي (الخميس): «موسكو والرياض». الرياض؟ نعم";
    let rules = [mention(ar, "سيرغي لافروف", Kind::Person)];
    let arabic = super::super::arabic_model().expect("the embedded Arabic model");
    check(arabic, ar, &rules);
}
