//! A quick test before matching: which bytes an item's strings hold, as 64 bits. Every way a
//! term meets an item (substring, scattered characters, another name, an alias spelling, a
//! skeleton, an ISO prefix) finds all the bytes of some needle in the item's strings, so an
//! item lacking a byte of every needle of a term cannot be met by it, and is skipped without
//! folding or finding anything. The first key of a query scans the whole index; this makes
//! that scan cost little for the items that cannot match.

use super::query::Term;

/// The bit of byte `b`: ASCII letters and digits (what folded Latin keys are made of) have
/// their own; every other byte shares one of 28 (Arabic letters' bytes among them).
fn bit(b: u8) -> u64 {
    let n = match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + (b - b'0'),
        _ => 36 + b % 28,
    };
    1 << n
}

/// The bits of every byte of `s`.
pub(crate) fn byte_set(s: &[u8]) -> u64 {
    s.iter().fold(0, |set, &b| set | bit(b))
}

/// A term's needles as byte sets: the item must hold all the bytes of one of them. `None`
/// for a negated term, which any item may meet (by lacking it).
pub(crate) fn needles(term: &Term) -> Option<Vec<u64>> {
    if term.negated {
        return None;
    }
    // Only the first 8 alias spellings are looked for (see `TermMatcher::new`); taking more
    // here only lets more items through.
    let forms = std::iter::once(&term.pattern)
        .chain(&term.aliases)
        .chain(&term.skeleton);
    Some(forms.map(|f| byte_set(f.as_bytes())).collect())
}

/// True when an item holding the bytes `set` may be met by a term with these needles.
pub(crate) fn may_meet(needles: Option<&[u64]>, set: u64) -> bool {
    // A needle fits when none of its bytes is missing from the set.
    needles.is_none_or(|n| n.iter().any(|&need| need & !set == 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn term(raw: &str) -> Term {
        Query::parse(raw).groups.remove(0).terms.remove(0)
    }

    #[test]
    fn an_item_missing_a_byte_of_every_needle_is_skipped() {
        let lavrov = needles(&term("lavrov"));
        assert!(may_meet(lavrov.as_deref(), byte_set(b"sergey lavrov")));
        assert!(!may_meet(lavrov.as_deref(), byte_set(b"ankara")));
        // Through the skeleton: the Arabic word's skeleton field.
        let mut skel = String::new();
        crate::search::index::push_skeletons("لافروف", &mut skel);
        assert!(may_meet(lavrov.as_deref(), byte_set(skel.as_bytes())));
        // A negated term may meet anything.
        assert!(may_meet(needles(&term("!lavrov")).as_deref(), 0));
        let moskova = needles(&term("moskova"));
        assert!(may_meet(moskova.as_deref(), byte_set("موسكو".as_bytes())));
    }
}
