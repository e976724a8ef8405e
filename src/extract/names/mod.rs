//! People and places in one pass over the tokens: title cues, gazetteer n-grams with Turkish
//! suffixes and Arabic proclitics outside the span, given names, organisation blockers.

mod clubs;
mod family;
mod nisba;
mod org_persons;
mod org_places;
mod people;
mod places;
mod roles;
pub(crate) mod tidy_tr;

pub use clubs::{club_in_results, club_of_town};
pub(crate) use family::{COMPOUND_SECONDS as AR_COMPOUND_SECONDS, LINKS as AR_FAMILY_LINKS};
pub use family::{keep_family_names, widen_where_free};
pub use nisba::nisba_persons;
pub use org_persons::drop_organisation_persons;
pub use org_places::in_org_name;
pub use roles::{listed_persons, role_persons};

use super::lexicon::Lexicon;
use super::morph::ar_find;
use super::token::Tokens;
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

/// Arabic function words that fold onto names (على -> علي, إلى -> الي), by their written form.
pub fn is_function_word(surface: &str) -> bool {
    matches!(
        surface,
        "على"
            | "إلى"
            | "الى"
            | "حتى"
            | "لدى"
            | "سوى"
            | "متى"
            | "عن"
            | "من"
            | "إن"
            | "أن"
            | "ان"
            | "إنه"
            | "أنه"
            | "انه"
            | "إنها"
            | "أنها"
            | "في"
            | "له"
            | "لها"
            | "أمس"
            | "اليوم"
    )
}

/// True when a folded Arabic word has the shape of a definite nisba adjective (`ال…ي`,
/// `ال…يه`: `الروسي`, `الدولية`).
pub fn is_nisba(key: &str) -> bool {
    key.starts_with("ال") && (key.ends_with('ي') || key.ends_with("يه"))
}

/// The texts of the mentions `find` reads in `text`, for the tests.
#[cfg(test)]
fn found_texts(text: &str, find: fn(&Lexicon, &str, &Tokens) -> Vec<RawMention>) -> Vec<String> {
    let toks = Tokens::new(text);
    find(&Lexicon::load(), text, &toks)
        .iter()
        .map(|m| text[m.start..m.end].to_string())
        .collect()
}

/// True when a folded Arabic word starts with a proclitic letter.
pub fn has_clitic(key: &str) -> bool {
    crate::text::has_proclitic(key)
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

    /// True when token `i` is an organisation head; an Arabic one also behind its
    /// proclitics (`ووزارة`, `بجامعة`).
    fn is_org(&self, i: usize) -> bool {
        if i >= self.t.len() {
            return false;
        }
        let k = self.key(i);
        if !self.t.toks[i].arabic {
            return self.lx.is_org_head_tr(k);
        }
        self.lx.is_org_head(k)
            || self.t.toks[i].arabic
                && has_clitic(k)
                && ar_find(k, |_, rest| self.lx.is_org_head(rest).then_some(())).is_some()
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
            while b < busy.len() && busy[b].1 <= tok.start() {
                b += 1;
            }
            if b < busy.len() && busy[b].0 <= tok.start() {
                i += 1;
                continue;
            }
            i += self.step(i).max(1);
        }
    }

    /// Tries every rule at token `i`; returns the number of tokens consumed.
    fn step(&mut self, i: usize) -> usize {
        if let Some(mut j) = self.title_at(i) {
            // Titles chain: `Doç. Dr.`, `Genel Başkanı ve` is not one, `Başbakan Yardımcısı`.
            while j < self.t.len() && self.t.joined(j - 1) {
                match self.title_at(j) {
                    Some(k) => j = k,
                    None => break,
                }
            }
            return match self.person_after_cue(j) {
                Some(k) => k - i,
                None => j - i,
            };
        }
        let tok = &self.t.toks[i];
        if tok.digits || (!tok.cap && !tok.arabic) {
            return 1;
        }
        if tok.arabic && self.speech_verb_at(i) {
            return self.person_after_speech(i + 1).map_or(1, |k| k - i);
        }
        if tok.arabic && i > 0 && self.is_org_before(i) {
            return 1;
        }
        if let Some(h) = self.place_at(i)
            && !(h.ntoks == 1 && self.name_follows(i))
            && !self.compass_only(&h, i)
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
            return self.lx.is_org_head(k);
        }
        ar_find(k, |_, k| self.lx.is_org_head(k).then_some(())).is_some()
    }

    /// True when token `i` is an Arabic speech verb, with or without a proclitic (`وقال`).
    fn speech_verb_at(&self, i: usize) -> bool {
        let k = self.key(i);
        self.lx.is_speech_verb(k)
            || has_clitic(k)
                && ar_find(k, |_, rest| self.lx.is_speech_verb(rest).then_some(())).is_some()
    }

    /// A title cue starting at `i`: returns the index after it.
    fn title_at(&self, i: usize) -> Option<usize> {
        let first = self.key(i);
        if !(self.lx.is_title_first(first) || self.t.toks[i].arabic && has_clitic(first)) {
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
        if !self.lx.is_title_first(k0) {
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

    /// `X şehrine` (Turkish) or `مدينة X` (Arabic): X is a place.
    fn place_by_cue(&mut self, i: usize) {
        let tok = &self.t.toks[i];
        let (s, e) = (tok.start(), tok.stem_end());
        if tok.arabic {
            if i > 0 && self.t.joined(i - 1) && self.lx.is_place_before(self.key(i - 1)) {
                let k = self.key(i);
                if !self.common_word(k) && !self.lx.is_org_head(k) {
                    self.push(s, e, Kind::Place, None);
                }
            }
        } else if tok.cap
            && i + 1 < self.t.len()
            && self.t.joined(i)
            && self.lx.is_place_after(self.key(i + 1))
        {
            self.push(s, e, Kind::Place, None);
        }
    }
}
