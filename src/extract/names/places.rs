//! The gazetteer rules of [`Scan`]: the longest place name at a token, Turkish suffixes and
//! Arabic proclitics outside the span.

use super::{MAX_PLACE_WORDS, PlaceHit, Scan, has_clitic, orig_len};
use crate::extract::morph::{ar_find, tr_splits};
use crate::extract::token::Sep;

/// Folded Arabic compass words: a run of them names a side of somewhere (`شمال شرق سوريا`,
/// `جنوب غرب مراكش`), never a place of its own, though the gazetteer holds regions named so.
const AR_COMPASS: [&str; 8] = [
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "الشمال",
    "الجنوب",
    "الشرق",
    "الغرب",
];

impl Scan<'_> {
    /// True when the Arabic gazetteer match `h` at token `i` is compass words only: the
    /// side of a place (`شمال شرق سوريا`, `جنوب غرب مراكش`), not one, though the gazetteer
    /// holds regions named so (`شمال شرق`, Vietnam's Northeast; `الشرق`, Cameroon's East).
    pub(super) fn compass_only(&self, h: &PlaceHit, i: usize) -> bool {
        if !self.t.toks[i].arabic {
            return false;
        }
        // The first word without the proclitics the match left outside (`وشمال`).
        let first = crate::text::fold_str(&self.text[h.start..self.t.toks[i].end()]);
        AR_COMPASS.contains(&first.as_str())
            && (i + 1..i + h.ntoks).all(|j| AR_COMPASS.contains(&self.key(j)))
    }

    /// A single-token place that is really a given name followed by a surname.
    pub(super) fn name_follows(&self, i: usize) -> bool {
        let k = self.key(i);
        if self.t.toks[i].arabic || !self.lx.given.contains(k) || !self.t.joined(i) {
            return false;
        }
        let s = self.lx.stat(k);
        if s.place > s.begin + s.inside {
            return false;
        }
        let j = i + 1;
        let nt = &self.t.toks[j];
        nt.cap && !self.is_org(j) && self.place_at(j).is_none() && self.title_at(j).is_none()
    }

    /// A capitalised run through `i` that ends in an organisation head noun.
    pub(super) fn org_run(&self, i: usize) -> bool {
        let mut j = i;
        while j + 1 < self.t.len() && self.t.joined(j) && self.t.toks[j + 1].cap {
            j += 1;
            if self.is_org(j) {
                return true;
            }
        }
        self.t.toks[i].arabic && self.is_org(i)
    }

    /// The longest gazetteer name starting at token `i`.
    pub(super) fn place_at(&self, i: usize) -> Option<PlaceHit> {
        let tok = &self.t.toks[i];
        let k = self.key(i);
        if tok.arabic && !has_clitic(k) && !self.lx.is_place_first(k) {
            return None;
        }
        if tok.arabic {
            return ar_find(k, |skip, first| {
                if self.lx.is_place_first(first) {
                    self.place_ngram(i, skip, first)
                } else {
                    None
                }
            });
        }
        // A place name opens here whole, or before a suffix (`Rusyaya`).
        let opens = self.lx.is_place_first(k)
            || self.lx.may_hold_place_in(k)
                && tr_splits(k).any(|s| self.lx.place(&k[..s]).is_some());
        if !opens {
            return None;
        }
        self.place_ngram(i, 0, k)
    }

    pub(super) fn place_ngram(&self, i: usize, skip: usize, first: &str) -> Option<PlaceHit> {
        let mut key = String::with_capacity(64);
        key.push_str(first);
        let mut ends = [0usize; MAX_PLACE_WORDS];
        ends[0] = key.len();
        let mut n = 1;
        while n < MAX_PLACE_WORDS && self.t.joined(i + n - 1) && self.lx.place_prefix.contains(&key)
        {
            key.push_str(match self.t.toks[i + n].sep {
                Sep::Hyphen => "-",
                Sep::Dot => ". ",
                _ => " ",
            });
            key.push_str(self.key(i + n));
            ends[n] = key.len();
            n += 1;
        }
        let start = self.t.toks[i].start() + skip;
        (0..n)
            .rev()
            .find_map(|m| self.place_key(i + m, &key[..ends[m]], start, m + 1))
    }

    /// A place named by `key`, which ends at token `last` (a suffix may be split off).
    pub(super) fn place_key(
        &self,
        last: usize,
        key: &str,
        start: usize,
        ntoks: usize,
    ) -> Option<PlaceHit> {
        let lt = &self.t.toks[last];
        let hit = |canon, end| PlaceHit {
            ntoks,
            start,
            end,
            canon,
        };
        if let Some(canon) = self.lx.place(key) {
            return Some(hit(canon, lt.stem_end()));
        }
        if lt.arabic || lt.has_suffix() {
            return None;
        }
        // A suffix written without an apostrophe (`Rusyaya`, `Kırımın`) is split off only
        // when it has two letters or more: a one-letter one makes ordinary words of short
        // names (`Şarkı`, `Ordu`, `Para` are no `Şark`, `Ord`, `Par`).
        tr_splits(key)
            .filter(|&s| key[s..].chars().count() >= 2)
            .find_map(|s| {
                let canon = self.lx.place(&key[..s])?;
                let keep = s - (key.len() - self.key(last).len());
                Some(hit(
                    canon,
                    lt.start() + orig_len(&self.text[lt.start()..lt.end()], keep),
                ))
            })
    }
}
