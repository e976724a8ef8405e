//! The Arabic persons of the blend ([`super::merge`]): the lexicon's persons against the
//! tagger's.

use super::Reading;
use crate::extract::lexicon::Lexicon;
use crate::extract::token::Tokens;
use crate::extract::{Kind, RawMention};
use crate::text::fold_str;

/// Mends the Arabic persons the lexicon knows by their last word alone (`حسين` of `صدام
/// حسين`, `أوغلو` of `جاويش أوغلو`), which are often another person's given or family name:
/// one inside a longer person of an Arabic tagger gives way to it (`محمود حسين هديب`), and
/// the rest take their family words as the tagger's persons do (`إمام أوغلو`).
pub(super) fn known_persons(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    known: &mut Vec<RawMention>,
    readings: &[Reading],
) {
    let arabic = |m: &RawMention| crate::text::starts_arabic(&text[m.start..]);
    let by_last =
        |m: &RawMention| arabic(m) && !lx.people.contains_key(&fold_str(&text[m.start..m.end]));
    let longer = |m: &RawMention| {
        readings.iter().filter(|r| r.arabic).any(|r| {
            r.tags.mentions.iter().any(|o| {
                o.kind == Kind::Person
                    && o.start <= m.start
                    && m.end <= o.end
                    && o.end - o.start > m.end - m.start
            })
        })
    };
    known.retain(|m| !(by_last(m) && longer(m)));
    let (mut ar, rest): (Vec<_>, Vec<_>) = known.drain(..).partition(|m| arabic(m));
    crate::extract::names::keep_family_names((lx, text, toks), &mut ar);
    known.extend(rest);
    known.extend(ar);
}
