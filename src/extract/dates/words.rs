//! The date words — `assets/dates/words.tsv`, the CLDR month and weekday names — and the
//! class of each token: a number, a month, a modifier, a unit… The rules in `rules.rs` read
//! these classes, so Turkish suffixes (`haftaya`, `1990'lı`) and Arabic proclitics
//! (`وللعام`) are dealt with once, here.

use super::super::lexicon::{FxMap, Lexicon};
use super::super::morph::{Prefixes, ar_find};
use super::super::token::Tokens;
use super::endings::{ENDINGS, LONGEST_ENDING, fits};
use super::letters::{agree, counted_people, pointed_at, tr_letters};
use crate::text::fold_str;

pub(super) const WORDS: &str = include_str!("../../../assets/dates/words.tsv");

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Which way a modifier or a verb's tense points from the dateline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Past,
    Next,
    This,
}

/// A calendar era.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Bce,
    Ce,
    Ah,
}

/// The class of a date word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    /// A number; `plural` for a Turkish `-lı`/`-lar` ending (`1990'lı`), `era` for an
    /// attached `هـ` or `م` (`1422هـ`), `suffix` for any other letters after it.
    Num {
        v: u32,
        digits: u8,
        plural: bool,
        suffix: bool,
        era: Option<Era>,
    },
    Month(u32),
    HMonth(u32),
    Weekday(u32),
    /// A unit with its count (2 for an Arabic dual).
    Unit(Unit, u32),
    Mod(Dir),
    Rel(i64),
    Season(u8),
    Century,
    /// An Arabic decade word (`التسعينيات`), by its tens.
    Decade(u32),
    /// An Arabic tens word with the article (`العشرين`) or an ordinal (`الثالث`).
    Ord(u32),
    Part,
    Ago,
    Later,
    Era(Era),
    Count(u32),
    Cue,
    Same,
    /// `yaklaşık`, `حوالي`: a number after it is a quantity.
    Approx,
    /// `bin`, `ألف`: a number before it is a quantity.
    Mult,
    Roman(u32),
    /// `çeyrek`, `الربع`: a quarter of a year after or before an ordinal.
    Quarter,
    /// `yarı`, `النصف`: a half of a year after or before an ordinal, with a year named.
    Half,
    /// A Turkish ordinal (`ilk`, `üçüncü`), for quarters.
    QOrd(u32),
    /// A Turkish part of a day (`sabah`, `akşam`): after `pazar` it says the day is meant.
    DayPart,
    /// A word that starts the name of an event, plan or resolution (`كأس`, `رؤية`): a year
    /// after it is part of the name (`كأس آسيا 2023`).
    Named,
}

/// A classified token (or phrase of tokens): its class and byte span, proclitics and
/// Turkish suffixes left out.
#[derive(Debug, Clone, Copy)]
pub struct Cls {
    pub w: W,
    pub start: usize,
    pub end: usize,
    /// Index of the phrase's last token.
    pub last: usize,
}

/// The date word lists, folded.
#[derive(Debug, Default)]
pub struct DateWords {
    one: FxMap<String, W>,
    /// Phrases of two or three words, keyed by their folded words joined with a space.
    multi: FxMap<String, W>,
    /// First words of the phrases.
    multi_first: FxMap<String, ()>,
    /// First two bytes of every key: most tokens are no date word and stop at this test.
    first2: Vec<u64>,
    /// The opening bytes of the words of `one` and of `multi_first`, tested before they
    /// are looked up (a string hash and compare each).
    one_starts: Prefixes,
    multi_starts: Prefixes,
    /// Turkish words whose letters say more than their fold (`kış`), by folded key.
    letters: FxMap<String, String>,
}

fn parse_w(class: &str, value: &str) -> Option<W> {
    let n = || value.parse::<u32>().ok();
    Some(match class {
        "rel" => W::Rel(value.parse().ok()?),
        "unit" => {
            let unit = match value.get(..1)? {
                "d" => Unit::Day,
                "w" => Unit::Week,
                "m" => Unit::Month,
                _ => Unit::Year,
            };
            W::Unit(unit, value[1..].parse().unwrap_or(1))
        }
        "mod" => W::Mod(match value {
            "past" => Dir::Past,
            "next" => Dir::Next,
            _ => Dir::This,
        }),
        "era" => W::Era(match value {
            "bce" => Era::Bce,
            "ce" => Era::Ce,
            _ => Era::Ah,
        }),
        "season" => W::Season(u8::try_from(n()?).ok()?),
        "century" => W::Century,
        "hmonth" => W::HMonth(n()?),
        "ord" => W::Ord(n()?),
        "part" => W::Part,
        "ago" => W::Ago,
        "later" => W::Later,
        "count" => W::Count(n()?),
        "cue" => W::Cue,
        "same" => W::Same,
        "approx" => W::Approx,
        "mult" => W::Mult,
        "quarter" => W::Quarter,
        "half" => W::Half,
        "qord" => W::QOrd(n()?),
        "daypart" => W::DayPart,
        "named" => W::Named,
        _ => return None,
    })
}

impl DateWords {
    /// Builds the lists from the embedded words file and the lexicon's month and weekday names.
    pub fn new(lx: &Lexicon) -> DateWords {
        let mut dw = DateWords {
            first2: vec![0; 1024],
            ..DateWords::default()
        };
        for l in WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut f = l.split('\t');
            let (Some(class), Some(value), Some(word)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            if class == "tens" {
                dw.add_tens(word, value.parse().unwrap_or(0));
            } else if let Some(w) = parse_w(class, value) {
                dw.add(word, w);
            }
        }
        for (name, m) in &lx.months {
            dw.add(name, W::Month(*m));
        }
        for (name, d) in &lx.weekdays {
            dw.add(name, W::Weekday(*d));
        }
        dw
    }

    /// An Arabic tens word gives the decade plurals (`تسعينيات`, `التسعينات`) and, with the
    /// article, the ordinal of a century (`القرن العشرين`).
    fn add_tens(&mut self, word: &str, tens: u32) {
        let w = fold_str(word);
        for form in [format!("{w}يات"), format!("{w}ات")] {
            self.add(&format!("ال{form}"), W::Decade(tens));
            self.add(&form, W::Decade(tens));
        }
        self.add(&format!("ال{w}"), W::Ord(tens * 10));
    }

    fn add(&mut self, word: &str, w: W) {
        let key = fold_str(word.trim());
        let parts: Vec<&str> = key.split_whitespace().collect();
        let Some(first) = parts.first() else {
            return;
        };
        self.mark(first);
        if parts.len() > 1 {
            self.multi_starts.insert(first);
            self.multi_first.insert(first.to_string(), ());
            self.multi.insert(parts.join(" "), w);
        } else {
            let letters = tr_letters(word.trim());
            if !word.is_ascii() && letters != key && !word.chars().any(crate::text::is_arabic) {
                self.letters.insert(key.clone(), letters);
            }
            self.one_starts.insert(&key);
            self.one.entry(key).or_insert(w);
        }
    }

    fn bit(key: &str) -> usize {
        let b = key.as_bytes();
        let hi = usize::from(b.first().copied().unwrap_or(0));
        let lo = usize::from(b.get(1).copied().unwrap_or(0));
        (hi << 8 | lo) & 0xFFFF
    }

    fn mark(&mut self, key: &str) {
        let b = Self::bit(key);
        self.first2[b / 64] |= 1 << (b % 64);
    }

    fn maybe(&self, key: &str) -> bool {
        let b = Self::bit(key);
        self.first2[b / 64] & (1 << (b % 64)) != 0
    }

    /// A word written with Turkish letters must have the lexicon's (`kısa` is not `kış` +
    /// `a`, `kişi` not `kış` + `ı`, though all fold to `kis…`); a word written in ASCII only
    /// matches by its fold.
    fn letters_agree(&self, key: &str, orig: &str) -> bool {
        let Some(want) = self.letters.get(key) else {
            return true;
        };
        if orig.is_ascii() {
            return true;
        }
        agree(orig, want)
    }

    /// The class of every token (`None` for most); a phrase's class sits on its first token.
    pub fn classify(&self, text: &str, toks: &Tokens) -> Vec<Option<Cls>> {
        let mut out: Vec<Option<Cls>> = vec![None; toks.len()];
        let mut i = 0;
        while i < toks.len() {
            if let Some(c) = self
                .phrase(text, toks, i)
                .or_else(|| self.word(text, toks, i))
            {
                out[i] = Some(c);
                i = c.last + 1;
            } else {
                i += 1;
            }
        }
        out
    }

    /// A phrase of two or three tokens starting at `i` (`كانون الثاني`, `أول من أمس`).
    fn phrase(&self, text: &str, toks: &Tokens, i: usize) -> Option<Cls> {
        let t = &toks.toks[i];
        let k0 = toks.key(i);
        let first_word =
            |k: &str| self.multi_starts.may_hold(k) && self.multi_first.contains_key(k);
        let (skip, first) = if first_word(k0) {
            (0, k0)
        } else if t.arabic {
            ar_find(k0, |skip, k| first_word(k).then_some(skip)).map(|s| (s, &k0[s..]))?
        } else {
            return None;
        };
        let mut key = first.to_string();
        let mut best = None;
        for j in i + 1..(i + 3).min(toks.len()) {
            let gap = &text[toks.toks[j - 1].end()..toks.toks[j].start()];
            if !gap.chars().all(|c| c == ' ' || c == '\u{a0}' || c == '.') {
                break;
            }
            key.push(' ');
            key.push_str(toks.key(j));
            if let Some(&w) = self.multi.get(&key) {
                best = Some(Cls {
                    w,
                    start: t.start() + skip,
                    end: toks.toks[j].stem_end(),
                    last: j,
                });
            }
        }
        best
    }

    /// One token: a number, or a word with its proclitics or Turkish ending left out.
    fn word(&self, text: &str, toks: &Tokens, i: usize) -> Option<Cls> {
        let t = &toks.toks[i];
        let key = toks.key(i);
        let cls = |w: W, start: usize, end: usize| Cls {
            w,
            start,
            end,
            last: i,
        };
        if (key.as_bytes().first().is_some_and(u8::is_ascii_digit) || key.starts_with("ال"))
            && let Some((w, len)) = super::numbers::number(text, toks, i, key)
        {
            let end =
                t.start() + super::super::names::orig_len(&text[t.start()..t.stem_end()], len);
            return Some(cls(w, t.start(), end));
        }
        if t.arabic {
            if self.maybe(key)
                && let Some(&w) = self.one.get(key)
            {
                return Some(cls(w, t.start(), t.end()));
            }
            if !crate::text::has_proclitic(key) {
                return None;
            }
            return ar_find(key, |skip, k| {
                self.one_starts
                    .may_hold(k)
                    .then(|| self.one.get(k).map(|&w| (skip, w)))
                    .flatten()
            })
            .map(|(skip, w)| cls(w, t.start() + skip, t.end()));
        }
        if !self.maybe(key) {
            return super::numbers::roman(text, t.start(), t.stem_end())
                .map(|w| cls(w, t.start(), t.stem_end()));
        }
        // Neither the word nor any stem of it below can be one of `one`'s.
        if !self.one_starts.may_hold_a_prefix_of(key) {
            return None;
        }
        if let Some(&w) = self.one.get(key)
            && self.letters_agree(key, &text[t.start()..t.stem_end()])
        {
            return Some(cls(w, t.start(), t.stem_end()));
        }
        // Only the last `LONGEST_ENDING` bytes can be an ending: testing every split of a
        // long word against the list took more than half the rules' time.
        (key.len().saturating_sub(LONGEST_ENDING).max(1)..key.len())
            .rev()
            .filter(|&s| {
                key.is_char_boundary(s) && ENDINGS.contains(&key[s..]) && fits(&key[..s], &key[s..])
            })
            .find_map(|s| {
                let w = self.one.get(&key[..s])?;
                let stem = &text[t.start()
                    ..t.start() + super::super::names::orig_len(&text[t.start()..t.end()], s)];
                let ascii_other_word = stem.is_ascii()
                    && self.letters.contains_key(&key[..s])
                    && (counted_people(toks, i) || pointed_at(toks, i));
                (self.letters_agree(&key[..s], stem) && !ascii_other_word).then_some((s, *w))
            })
            .map(|(s, w)| {
                // A plural belongs to the word (`1990'lı yıllar`); case endings stay outside.
                let keep = if key[s..].starts_with("lar") || key[s..].starts_with("ler") {
                    s + 3
                } else {
                    s
                };
                let end =
                    t.start() + super::super::names::orig_len(&text[t.start()..t.end()], keep);
                cls(w, t.start(), end)
            })
    }
}
