//! People and places in one pass over the tokens: title cues, gazetteer n-grams with Turkish
//! suffixes and Arabic proclitics outside the span, given names, organisation blockers.

use super::lexicon::Lexicon;
use super::morph::{ar_find, tr_splits};
use super::token::{Sep, Tokens};
use super::{Kind, RawMention};
use crate::text::fold_char;

/// Longest place name in words.
const MAX_PLACE_WORDS: usize = 4;
/// Longest person name in words.
const MAX_PERSON_WORDS: usize = 4;

/// Scans one text for people and places. `busy` holds byte ranges already taken (dates).
pub struct Scan<'a> {
    lx: &'a Lexicon,
    text: &'a str,
    t: &'a Tokens,
    /// Mentions found so far.
    pub out: Vec<RawMention>,
}

/// A place match: tokens used, byte span, canonical index.
struct PlaceHit {
    ntoks: usize,
    start: usize,
    end: usize,
    canon: u32,
}

/// True when a folded Arabic word starts with a proclitic letter.
pub fn has_clitic(key: &str) -> bool {
    key.starts_with(['و', 'ف', 'ب', 'ل', 'ك'])
}

/// Byte length in `orig` that folds to the first `folded_len` key bytes.
pub fn orig_len(orig: &str, folded_len: usize) -> usize {
    let mut buf = String::new();
    for (i, c) in orig.char_indices() {
        if buf.len() >= folded_len {
            return i;
        }
        fold_char(c, &mut buf);
    }
    orig.len()
}

impl<'a> Scan<'a> {
    /// Prepares a scan.
    pub fn new(lx: &'a Lexicon, text: &'a str, t: &'a Tokens) -> Scan<'a> {
        Scan {
            lx,
            text,
            t,
            out: Vec::new(),
        }
    }

    fn key(&self, i: usize) -> &'a str {
        self.t.key(i)
    }

    fn is_org(&self, i: usize) -> bool {
        i < self.t.len() && self.lx.org_heads.contains(self.key(i))
    }

    fn push(&mut self, start: usize, end: usize, kind: Kind, canonical: Option<String>) {
        self.out.push(RawMention {
            start,
            end,
            kind,
            value: None,
            canonical,
        });
    }

    /// Runs the scan, skipping tokens whose start falls in `busy` (sorted byte ranges).
    pub fn run(&mut self, busy: &[(usize, usize)]) {
        let n = self.t.len();
        let mut i = 0;
        let mut b = 0;
        while i < n {
            let tok = &self.t.toks[i];
            while b < busy.len() && busy[b].1 <= tok.start {
                b += 1;
            }
            if b < busy.len() && busy[b].0 <= tok.start {
                i += 1;
                continue;
            }
            i += self.step(i).max(1);
        }
    }

    /// Tries every rule at token `i`; returns the number of tokens consumed.
    fn step(&mut self, i: usize) -> usize {
        if let Some(j) = self.title_at(i) {
            return match self.person_after_cue(j) {
                Some(k) => k - i,
                None => j - i,
            };
        }
        let tok = &self.t.toks[i];
        if tok.digits || (!tok.cap && !tok.arabic) {
            return 1;
        }
        if tok.arabic && i > 0 && self.is_org_before(i) {
            return 1;
        }
        if let Some(h) = self.place_at(i)
            && !(h.ntoks == 1 && self.name_follows(i))
        {
            if !self.org_run(i) {
                let canon = self.lx.place_names.get(h.canon as usize).cloned();
                self.push(h.start, h.end, Kind::Place, canon);
            }
            return h.ntoks;
        }
        if let Some(k) = self.person_at(i) {
            return k - i;
        }
        self.place_by_cue(i);
        1
    }

    /// Arabic: the previous word is an organisation head (وكالة الأناضول).
    fn is_org_before(&self, i: usize) -> bool {
        let k = self.key(i - 1);
        if !has_clitic(k) {
            return self.lx.org_heads.contains(k);
        }
        ar_find(k, |_, k| self.lx.org_heads.contains(k).then_some(())).is_some()
    }

    /// A title cue starting at `i`: returns the index after it.
    fn title_at(&self, i: usize) -> Option<usize> {
        let first = self.key(i);
        if !(self.lx.title_first.contains(first) || self.t.toks[i].arabic && has_clitic(first)) {
            return None;
        }
        if self.t.toks[i].arabic {
            ar_find(first, |_, k0| self.title_from(i, k0))
        } else {
            self.title_from(i, first)
        }
    }

    /// The longest title cue whose first word (folded) is `k0` at token `i`.
    fn title_from(&self, i: usize, k0: &str) -> Option<usize> {
        if !self.lx.title_first.contains(k0) {
            return None;
        }
        let mut key = String::with_capacity(48);
        key.push_str(k0);
        let mut best = self.lx.titles.contains(&key).then_some(i + 1);
        for j in i + 1..(i + 3).min(self.t.len()) {
            if !self.t.joined(j - 1) {
                break;
            }
            key.push(' ');
            key.push_str(self.key(j));
            if self.lx.titles.contains(&key) {
                best = Some(j + 1);
            }
        }
        best
    }

    /// Arabic function words that fold onto names (على -> علي).
    fn function_word(&self, i: usize) -> bool {
        let t = &self.t.toks[i];
        matches!(
            &self.text[t.start..t.end],
            "على" | "إلى" | "الى" | "حتى" | "لدى" | "سوى" | "متى" | "عن" | "من"
        )
    }

    fn common_word(&self, key: &str) -> bool {
        let s = self.lx.stat(key);
        s.other >= 20 && (s.begin + s.inside) * 4 < s.other
    }

    fn namey(&self, key: &str) -> bool {
        self.lx.given.contains(key)
            || self.lx.people_last.contains_key(key)
            || self.lx.stat(key).personish(1)
    }

    /// The name after a title cue; returns the index after it.
    fn person_after_cue(&mut self, mut j: usize) -> Option<usize> {
        let n = self.t.len();
        if j >= n || !self.t.joined(j - 1) {
            return None;
        }
        if self.t.toks[j].arabic {
            let mut skipped = 0;
            while j < n && skipped < 2 && self.is_adjective(j) && self.t.joined(j - 1) {
                j += 1;
                skipped += 1;
            }
            if j >= n || !self.t.joined(j - 1) {
                return None;
            }
            return self.arabic_name(j, true);
        }
        if !self.t.toks[j].cap {
            return None;
        }
        let end = self.latin_run(j);
        if end == j + 1 && self.place_at(j).is_some() && !self.namey(self.key(j)) {
            return None;
        }
        self.finish_person(j, end)
    }

    /// Arabic nationality or office adjective (الروسي، التركية).
    fn is_adjective(&self, j: usize) -> bool {
        let k = self.key(j);
        k.starts_with("ال")
            && (k.ends_with('ي') || k.ends_with("يه"))
            && !self.lx.stat(k).personish(1)
            && self.lx.place(k).is_none()
    }

    /// Capitalised Latin tokens from `j` that may form a name: returns the end index.
    fn latin_run(&self, j: usize) -> usize {
        let mut end = j;
        while end < self.t.len() && end - j < MAX_PERSON_WORDS {
            let tok = &self.t.toks[end];
            if !tok.cap || tok.arabic || tok.digits || self.is_org(end) {
                break;
            }
            if end > j && (!self.t.joined(end - 1) || self.title_at(end).is_some()) {
                break;
            }
            if end > j && self.place_at(end).is_some() && !self.namey(self.key(end)) {
                break;
            }
            end += 1;
            if tok.has_suffix() {
                break;
            }
        }
        end
    }

    fn finish_person(&mut self, j: usize, end: usize) -> Option<usize> {
        if end <= j || self.is_org(end) && self.t.joined(end - 1) {
            return None;
        }
        let (s, e) = (self.t.toks[j].start, self.t.toks[end - 1].stem_end);
        self.push(s, e, Kind::Person, None);
        Some(end)
    }

    /// Arabic name words from `j`; `cued` allows two unknown words.
    fn arabic_name(&mut self, j: usize, cued: bool) -> Option<usize> {
        let n = self.t.len();
        let mut end = j;
        while end < n && end - j < MAX_PERSON_WORDS {
            let k = self.key(end);
            let tok = &self.t.toks[end];
            if !tok.arabic || (end > j && !self.t.joined(end - 1)) {
                break;
            }
            if self.lx.org_heads.contains(k)
                || self.title_at(end).is_some()
                || self.function_word(end)
            {
                break;
            }
            let known = self.namey(k) || self.lx.stat(k).inside > 0;
            let pos = end - j;
            let unknown_ok = cued && pos < 2 && !self.common_word(k) && !k.starts_with('و');
            if !(known || unknown_ok) || (pos > 0 && k.starts_with('و') && !known) {
                break;
            }
            end += 1;
        }
        if end == j {
            return None;
        }
        let (s, e) = (self.t.toks[j].start, self.t.toks[end - 1].end);
        self.push(s, e, Kind::Person, None);
        Some(end)
    }

    /// A person without a cue: given name + capitalised words, or a known name.
    fn person_at(&mut self, i: usize) -> Option<usize> {
        let tok = &self.t.toks[i];
        let k = self.key(i);
        if tok.arabic {
            if self.function_word(i) {
                return None;
            }
            let s = self.lx.stat(k);
            if self.lx.people_last.contains_key(k) || (s.personish(3) && s.begin >= 2) {
                return self.arabic_name(i, false);
            }
            return None;
        }
        let text = &self.text[tok.start..tok.stem_end];
        let all_caps = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let starts = !all_caps && (self.lx.given.contains(k) || self.lx.stat(k).begin >= 2);
        let end = self.latin_run(i);
        if starts && end >= i + 2 {
            return self.finish_person(i, end);
        }
        let s = self.lx.stat(k);
        if self.lx.people_last.contains_key(k) || (s.personish(3) && s.begin >= 3) {
            let end = self.latin_run(i).max(i + 1);
            return self.finish_person(i, end);
        }
        None
    }

    /// A single-token place that is really a given name followed by a surname.
    fn name_follows(&self, i: usize) -> bool {
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
    fn org_run(&self, i: usize) -> bool {
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
    fn place_at(&self, i: usize) -> Option<PlaceHit> {
        let tok = &self.t.toks[i];
        let k = self.key(i);
        if tok.arabic && !has_clitic(k) && !self.lx.place_first.contains(k) {
            return None;
        }
        if tok.arabic {
            return ar_find(k, |skip, first| {
                if self.lx.place_first.contains(first) {
                    self.place_ngram(i, skip, first)
                } else {
                    None
                }
            });
        }
        if !self.lx.place_first.contains(k)
            && !tr_splits(k).any(|s| self.lx.places.contains_key(&k[..s]))
        {
            return None;
        }
        self.place_ngram(i, 0, k)
    }

    fn place_ngram(&self, i: usize, skip: usize, first: &str) -> Option<PlaceHit> {
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
        let start = self.t.toks[i].start + skip;
        (0..n)
            .rev()
            .find_map(|m| self.place_key(i + m, &key[..ends[m]], start, m + 1))
    }

    /// A place named by `key`, which ends at token `last` (a suffix may be split off).
    fn place_key(&self, last: usize, key: &str, start: usize, ntoks: usize) -> Option<PlaceHit> {
        let lt = &self.t.toks[last];
        let hit = |canon, end| PlaceHit {
            ntoks,
            start,
            end,
            canon,
        };
        if let Some(canon) = self.lx.place(key) {
            return Some(hit(canon, lt.stem_end));
        }
        if lt.arabic || lt.has_suffix() {
            return None;
        }
        tr_splits(key).find_map(|s| {
            let canon = self.lx.place(&key[..s])?;
            let keep = s - (key.len() - self.key(last).len());
            Some(hit(
                canon,
                lt.start + orig_len(&self.text[lt.start..lt.end], keep),
            ))
        })
    }

    /// `X şehrine` (Turkish) or `مدينة X` (Arabic): X is a place.
    fn place_by_cue(&mut self, i: usize) {
        let tok = &self.t.toks[i];
        let (s, e) = (tok.start, tok.stem_end);
        if tok.arabic {
            if i > 0 && self.t.joined(i - 1) && self.lx.place_before.contains(self.key(i - 1)) {
                let k = self.key(i);
                if !self.common_word(k) && !self.lx.org_heads.contains(k) {
                    self.push(s, e, Kind::Place, None);
                }
            }
        } else if tok.cap
            && i + 1 < self.t.len()
            && self.t.joined(i)
            && self.lx.place_after.contains(self.key(i + 1))
        {
            self.push(s, e, Kind::Place, None);
        }
    }
}
