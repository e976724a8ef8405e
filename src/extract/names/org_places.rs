//! Latin places inside an organisation's name: `Heyet Tahrir eş-Şam` is a group, not
//! Damascus; `Borsa İstanbul` the exchange. A place that opens the name stays a place (`Rusya
//! Dışişleri`): the country the ministry is of. Arabic names put their head first, and the
//! tagger judges places inside them itself (`blend`'s `in_org`).

use crate::extract::RawMention;
use crate::extract::lexicon::Lexicon;
use crate::extract::token::{Sep, Tokens};

/// True when the Latin place `m` starts inside one of `orgs` (the taggers' organisations),
/// past its first word, and the words before it in the name read as a name's: capitalised
/// (or an article hyphened to the next, `eş-Şam`) and without a case suffix. The tagger also
/// marks runs that are no name: `Heyet Nursultan'dan Kiev'e geçti` ("the delegation went
/// from Nursultan to Kyiv"; an ordinary word opening the sentence), `Turkey and Eswatini`.
pub fn in_org_name(
    (lx, text, toks): (&Lexicon, &str, &Tokens),
    orgs: &[(usize, usize)],
    m: &RawMention,
) -> bool {
    if text[m.start..].starts_with(crate::text::is_arabic) {
        return false;
    }
    orgs.iter()
        .filter(|&&(s, e)| s < m.start && m.start < e)
        .any(|&(s, _)| {
            let first = toks.covering(s, s + 1).start;
            let place = toks.covering(m.start, m.end).start;
            let opened_by_word = first < toks.len()
                && super::tidy_tr::sentence_start(text, toks, first)
                && lx.ordinary_tr.contains(toks.key(first));
            !opened_by_word && (first..place).all(|i| name_word(toks, i))
        })
}

/// True when token `i` reads as an inner word of a name: capitalised or an article hyphened
/// to the next word, with no case suffix after it.
fn name_word(toks: &Tokens, i: usize) -> bool {
    let Some(t) = toks.toks.get(i) else {
        return false;
    };
    let article = toks.toks.get(i + 1).is_some_and(|n| n.sep == Sep::Hyphen);
    (t.cap || article) && !t.has_suffix()
}
