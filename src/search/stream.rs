//! Filtering a stream of lines without building an index (`okur find --stdin`): each line is
//! folded once, as it is scanned, on two threads.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::text::{fold_into, is_arabic};

use super::arena::{MAX_PIECE, pieces};
use super::engine::{Hit, rank_by};
use super::item::ItemKind;
use super::leb128;
use super::matcher::Fields;
use super::plan::{ItemFields, Plan};
use super::prefilter::{Cut, Narrowing, RawFilter, SkeletonGate};
use super::query::Query;
use super::skeleton::{first_letter, push_skeletons_of};
use super::words::{LineWords, Words};

/// How many lines are scanned between two looks at the cancel flag.
const CANCEL_EVERY: usize = 4096;

/// Most lines one call looks at: line ids are u32.
const MAX_LINES: usize = u32::MAX as usize;

/// Ranks `lines` against `query` like `fzf --filter`: fuzzy terms as subsequences, the same
/// syntax and cross-script names as the index. Hits name lines by position, best first (an
/// empty query keeps every line in order). `None` when `cancel` was set.
pub fn filter_lines(lines: &[&str], query: &Query, cancel: &AtomicBool) -> Option<Vec<Hit>> {
    // Hits name lines by u32: lines past u32::MAX (a 4G-line text) are not searched rather
    // than named by a wrapped number.
    let lines = lines.get(..MAX_LINES).unwrap_or(lines);
    let (a, b) = lines.split_at(lines.len() / 2);
    let first_of_b = u32::try_from(a.len()).unwrap_or(u32::MAX);
    let (first, second) = std::thread::scope(|s| {
        let other = s.spawn(|| scan(b, first_of_b, query, cancel));
        (scan(a, 0, query, cancel), other.join())
    });
    let mut hits = first?;
    hits.extend(second.ok()??);
    // Only a tie-break (shorter line first): a line past 4 GiB ranks as 4 GiB long.
    let len = |id: u32| {
        let line = usize::try_from(id).ok().and_then(|i| lines.get(i));
        line.map_or(0, |l| u32::try_from(l.len()).unwrap_or(u32::MAX))
    };
    rank_by(&mut hits, usize::MAX, len);
    Some(hits)
}

fn scan(lines: &[&str], first_id: u32, query: &Query, cancel: &AtomicBool) -> Option<Vec<Hit>> {
    let mut scanner = LineScanner::with_fuzzy(query, true);
    let mut hits = Vec::new();
    for ((n, line), id) in lines.iter().enumerate().zip(first_id..) {
        if n % CANCEL_EVERY == 0 && cancel.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(score) = scanner.score(line) {
            hits.push(Hit { item: id, score });
        }
    }
    Some(hits)
}

/// A query compiled for scoring lines one at a time, without an index: each line is folded
/// (and its words' skeletons taken, only in the script the terms need) as it is scanned, so
/// a search of a whole corpus's text holds one line's keys at a time.
pub struct LineScanner {
    plan: Plan,
    skeletons: Option<Option<bool>>,
    /// Fuzzy terms match as subsequences (standard input) or substrings (document lines).
    fuzzy: bool,
    key: String,
    skel: String,
    /// Skeleton entries of the words met so far, each shaped once (see [`WordCodes`]).
    words: WordCodes,
    /// The test on raw bytes that passes over most lines unfolded (document lines only:
    /// scattered letters of a fuzzy term are not a form it looks for).
    pub(super) raw: Option<RawFilter>,
    /// The test on raw bytes before a line's words are shaped for skeletons (document lines
    /// only, as [`LineScanner::raw`]).
    pub(super) gate: Option<SkeletonGate>,
    /// How a line that passed the raw test is cut down to the words its hits touch before
    /// they are shaped for skeletons (`None`: all its words are; see [`Narrowing`]).
    pub(super) narrow: Option<Narrowing>,
    /// The cut-down line, scratch.
    cut: String,
}

impl LineScanner {
    /// A scanner for the lines of documents, matched as the index matches its text lines
    /// (`%text` items): the same hits and the same scores.
    pub fn for_documents(query: &Query) -> LineScanner {
        LineScanner::with_fuzzy(query, false)
    }

    /// Another scanner for the same query (for another thread), sharing the compiled raw
    /// test rather than building it again.
    pub fn fork(&self, query: &Query) -> LineScanner {
        let mut other = LineScanner::with_raw(query, self.fuzzy, None);
        other.raw = self.raw.clone();
        other.gate = self.gate.clone();
        other.narrow = self.narrow.clone();
        other
    }

    fn with_fuzzy(query: &Query, fuzzy: bool) -> LineScanner {
        let raw = if fuzzy { None } else { RawFilter::new(query) };
        let mut scanner = LineScanner::with_raw(query, fuzzy, raw);
        if !fuzzy && scanner.skeletons.is_some() {
            scanner.gate = SkeletonGate::new(query);
        }
        if scanner.raw.is_some() {
            scanner.narrow = Narrowing::new(query);
        }
        scanner
    }

    fn with_raw(query: &Query, fuzzy: bool, raw: Option<RawFilter>) -> LineScanner {
        let plan = Plan::new(query);
        LineScanner {
            skeletons: plan.skeleton_script(),
            plan,
            fuzzy,
            key: String::new(),
            skel: String::new(),
            words: WordCodes::default(),
            raw,
            gate: None,
            narrow: None,
            cut: String::new(),
        }
    }

    /// The score of one line, or `None` when it does not match.
    pub fn score(&mut self, line: &str) -> Option<i32> {
        if let Some(filter) = &self.raw
            && !filter.may_match(line)
        {
            return None;
        }
        self.score_unfiltered(line)
    }

    /// The score of one line that passed `filter` (a hit of every group in it): the same
    /// as [`LineScanner::score_unfiltered`]'s, with only the words the raw hits touch
    /// shaped for skeletons when the query allows ([`Narrowing`]).
    pub(super) fn score_passed(&mut self, filter: &RawFilter, line: &str) -> Option<i32> {
        self.score_with(line, Some(filter))
    }

    /// The score of one line, without the raw test.
    pub(super) fn score_unfiltered(&mut self, line: &str) -> Option<i32> {
        self.score_with(line, None)
    }

    /// The score of one line, which passed `filter` when there is one.
    fn score_with(&mut self, line: &str, filter: Option<&RawFilter>) -> Option<i32> {
        self.key.clear();
        fold_into(line, &mut self.key);
        self.skel.clear();
        let mut coded = false;
        // Arabic letters are U+0621..U+064A (UTF-8 lead bytes D8 and D9), or presentation
        // forms, U+FB50..U+FEFF (lead byte EF).
        let arabic_letters = || memchr::memchr3(0xD8, 0xD9, 0xEF, line.as_bytes()).is_some();
        if let Some(script) = self.skeletons
            && (script != Some(true) || arabic_letters())
            && self
                .plan
                .key_score(ItemKind::Line, &self.key, self.fuzzy)
                .is_none()
        {
            // The words to shape: only those the raw hits touch, when the query allows.
            let cut = match (filter, self.narrow.as_mut()) {
                (Some(filter), Some(narrow)) => narrow.cut(filter, line, &mut self.cut),
                _ => Cut::Whole,
            };
            let words = match cut {
                Cut::Nothing => return None,
                Cut::Whole => line,
                Cut::Part => self.cut.as_str(),
            };
            // The gate looks at the cut, not the line: the cut holds whole every word that
            // can meet a skeleton (and is a few words, where the line is a paragraph).
            if self.gate.as_ref().is_none_or(|g| g.may_hold(words)) {
                coded = self.words.code_line(words, script);
                if !coded {
                    push_skeletons_of(words, script, &mut self.skel);
                }
            }
        }
        let own = Fields {
            key: &self.key,
            extra: "",
            skel: &self.skel,
            words: coded.then(|| LineWords::new(&self.words.vocab, &self.words.codes)),
            iso: "",
            fuzzy: self.fuzzy,
        };
        let fields = ItemFields {
            own,
            tags: None,
            source: None,
        };
        self.plan.score_fields(ItemKind::Line, &fields)
    }

    /// Calls `hit(offset, line, score)` for every matching line of a document's `text`, in
    /// order: the lines the index makes items of (trimmed, holding a word; very long ones in
    /// pieces), `offset` being the line's byte offset in `text`. With a raw test, only the
    /// lines it finds hits in are looked at.
    pub fn scan_text(&mut self, text: &str, mut hit: impl FnMut(usize, &str, i32)) {
        let Some(filter) = self.raw.take() else {
            for (at, trimmed) in crate::text::trimmed_lines(text) {
                self.scan_line(at, trimmed, None, &mut hit);
            }
            return;
        };
        filter.lines(text, |start, end| {
            let raw = text.get(start..end).unwrap_or_default();
            let trimmed = raw.trim();
            if !trimmed.is_empty() {
                let at = start + (raw.len() - raw.trim_start().len());
                self.scan_line(at, trimmed, Some(&filter), &mut hit);
            }
        });
        self.raw = Some(filter);
    }

    /// One trimmed line (as [`crate::text::trimmed_lines`] gives it) at offset `at`, which
    /// passed `filter` when there is one.
    fn scan_line(
        &mut self,
        at: usize,
        trimmed: &str,
        filter: Option<&RawFilter>,
        hit: &mut impl FnMut(usize, &str, i32),
    ) {
        if !trimmed.chars().any(crate::text::is_word_char) {
            return;
        }
        let mut piece_at = at;
        for piece in pieces(trimmed, MAX_PIECE) {
            let score = match filter {
                Some(filter) => self.score_passed(filter, piece),
                None => self.score_unfiltered(piece),
            };
            if let Some(score) = score {
                hit(piece_at, piece, score);
            }
            piece_at += piece.len();
        }
    }
}

/// Most distinct words [`WordCodes`] remembers; a line with a word beyond them is shaped as
/// a whole (its skeleton field written out), as without the cache.
const MAX_WORDS: usize = 1 << 20;

/// The skeleton entry of each distinct word met, by the word as written: a corpus says the
/// same words again and again, so each is shaped once, and a term tries each entry once
/// (see [`super::words::EntryMemo`]) instead of once per line.
#[derive(Debug, Default)]
struct WordCodes {
    /// Code per word as written, for the script asked (see [`Words::code`]).
    known: std::collections::HashMap<Box<str>, u32, xxhash_rust::xxh3::Xxh3Builder>,
    vocab: Words,
    /// The current line's codes.
    codes: Vec<u8>,
    scratch: String,
}

impl WordCodes {
    /// Codes the words of `line` as [`push_skeletons_of`] would write them for `script`;
    /// false when the cache is full and a word of it is new (then nothing is coded).
    fn code_line(&mut self, line: &str, script: Option<bool>) -> bool {
        self.codes.clear();
        let words = line
            .split(|c: char| !crate::text::is_word_char(c))
            .filter(|w| !w.is_empty());
        for word in words {
            // A word of the script the terms do not need is left out (` -`, code 0), as
            // `push_skeletons_of` leaves it out: decided by its first letter, not looked
            // up (a Latin term's scan of Turkish text met every Turkish word in the map).
            let wanted =
                first_letter(word).is_some_and(|c| script.is_none_or(|a| is_arabic(c) == a));
            if !wanted {
                leb128::push(&mut self.codes, 0);
                continue;
            }
            let code = match self.known.get(word) {
                Some(&code) => code,
                None if self.known.len() >= MAX_WORDS => return false,
                None => {
                    self.scratch.clear();
                    push_skeletons_of(word, script, &mut self.scratch);
                    let Some(code) = self.vocab.code(self.scratch.trim()) else {
                        return false;
                    };
                    self.known.insert(word.into(), code);
                    code
                }
            };
            leb128::push(&mut self.codes, u64::from(code));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_words_of_the_script_a_term_needs_are_kept() {
        let line = "Ankara'da, قال لافروف 2020 Dışişleri";
        let mut latin = LineScanner::for_documents(&Query::parse("lavrov"));
        assert!(latin.score(line).is_some());
        let mut kept: Vec<&str> = latin.words.known.keys().map(|w| &**w).collect();
        kept.sort_unstable();
        assert_eq!(kept, ["قال", "لافروف"]);
        // The Arabic term meets the Latin word; the digits are no word of either script.
        let mut arabic = LineScanner::for_documents(&Query::parse("لافروف"));
        assert!(arabic.score("Sergey Lavrov 2020").is_some());
        let mut kept: Vec<&str> = arabic.words.known.keys().map(|w| &**w).collect();
        kept.sort_unstable();
        assert_eq!(kept, ["Lavrov", "Sergey"]);
        assert!(arabic.score("Putin 2020 قال").is_none());
    }

    #[test]
    fn words_are_not_shaped_when_every_term_meets_the_line_itself() {
        let line = "Lavrov Ankara'da, قال لافروف 2020 Dışişleri";
        let mut both = LineScanner::for_documents(&Query::parse("lavrov ankara"));
        let score = both.score(line);
        assert!(score.is_some());
        assert!(both.words.known.is_empty());
        // The same score as with the words shaped: a term meeting the text is not looked
        // for by skeleton.
        both.key.clear();
        crate::text::fold_into(line, &mut both.key);
        let coded = both.words.code_line(line, Some(true));
        let fields = ItemFields {
            own: Fields {
                key: &both.key,
                extra: "",
                skel: "",
                words: coded.then(|| LineWords::new(&both.words.vocab, &both.words.codes)),
                iso: "",
                fuzzy: false,
            },
            tags: None,
            source: None,
        };
        assert_eq!(both.plan.score_fields(ItemKind::Line, &fields), score);
        // A term met only by skeleton still has the words shaped; a negated one too.
        let mut cross = LineScanner::for_documents(&Query::parse("lavrov !putin"));
        assert!(cross.score(line).is_some());
        assert!(!cross.words.known.is_empty());
    }

    #[test]
    fn words_are_shaped_only_on_lines_where_one_can_have_the_skeleton() {
        // The Arabic term meets its own text; no Latin word there can be موسكو by skeleton.
        let mut arabic = LineScanner::for_documents(&Query::parse("موسكو"));
        assert!(
            arabic
                .score("وصل لافروف إلى موسكو مع Putin ve Erdoğan")
                .is_some()
        );
        assert!(arabic.words.known.is_empty());
        assert!(arabic.score("Lavrov Moskova, Putin").is_some());
        let mut kept: Vec<&str> = arabic.words.known.keys().map(|w| &**w).collect();
        kept.sort_unstable();
        assert_eq!(kept, ["Lavrov", "Moskova", "Putin"]);
    }
}
