//! The marks of [`super::LineFilter`] read from the words: through each word's lines (a
//! term in few words), or from each line's own words as the scan comes to it (one in many
//! words, an anchored term: [`LineScan`]), on the scan's two threads.

use std::sync::Arc;

use super::{KINDS, START_PART, START_WHOLE, needle_of, spend};
use crate::search::forward::{Edges, Forward, WordKinds};
use crate::search::index::Index;
use crate::search::matcher::TermMatcher;
use crate::search::postings::{EDGE_END, EDGE_START, EDGE_WHOLE, Postings, Vocab, edge_kind};
use crate::search::query::Mode;

/// How a term's own marks are read, besides those [`Index::own_marks`] wrote.
pub(super) enum OwnMarks {
    /// Written in full from the words' lines; the lines they leave open (words of several
    /// kinds) settled by reading those lines' words, when there are enough of them to be
    /// worth a table of every word (the scan given), else by their text.
    Followed(Option<LineScan>),
    /// Read from each line's words as the scan comes to it.
    ByLines(LineScan),
}

impl Index {
    /// Marks the lines where `t`'s own pattern lies, from its words: through the words'
    /// lines when they are few enough (within `budget`), else (`by_lines`) read from each
    /// line's words as the scan comes to it. `None` when the words cannot answer for the
    /// term.
    pub(super) fn own_marks(
        &self,
        postings: &Postings,
        t: &TermMatcher,
        budget: &mut usize,
        by_lines: bool,
        marks: &mut [u8],
    ) -> Option<OwnMarks> {
        let pattern = t.term.pattern.as_str();
        let prefix = t.term.mode == Mode::Prefix;
        let (needle, reading) = needle_of(pattern, t.term.mode)?;
        if let (Reading::Edges(mode), false) = (reading, by_lines) {
            // Few lines scanned: their edge words' text says more for less than the words
            // holding the pattern, found by a pass over the vocabulary.
            return Some(OwnMarks::ByLines(LineScan::edges_read(
                postings, pattern, mode,
            )));
        }
        let edges = matches!(reading, Reading::Edges(_));
        let followed = !edges || prefix;
        // One table of the words holding it, for the words followed or each line's words.
        let own = self.word_memo.holding(postings, needle)?;
        // `^x` follows only the words starting with `x`: far fewer than hold it.
        let starting: Option<Vec<u32>> = (edges && prefix).then(|| {
            own.iter()
                .copied()
                .filter(|&id| postings.word(id).starts_with(pattern))
                .collect()
        });
        let follow = starting.as_deref().unwrap_or(&own);
        if followed && worth_following(postings, follow, needle, budget, by_lines) {
            let mut settle = None;
            match reading {
                Reading::Open => open_words(postings, follow, marks),
                Reading::Edges(_) => mark_prefix_words(postings, follow, pattern, marks),
                Reading::First => {
                    let open = mark_words(postings, follow, pattern, marks);
                    if worth_settling(postings, open, own.len()) {
                        settle = Some(LineScan::first(postings, pattern, &own));
                    }
                }
            }
            return Some(OwnMarks::Followed(settle));
        }
        if !by_lines {
            return None;
        }
        Some(OwnMarks::ByLines(match reading {
            Reading::Open => LineScan::open(postings, needle, &own),
            Reading::Edges(mode) => LineScan::edges(postings, pattern, mode, &own),
            Reading::First => LineScan::first(postings, pattern, &own),
        }))
    }
}

/// Whether the lines of `own`, the words holding `needle`, are worth following within
/// `budget` (spent on them when they are): not when they are too many, or (`by_lines`)
/// their lines cost more than reading each line's words.
pub(super) fn worth_following(
    postings: &Postings,
    own: &[u32],
    needle: &str,
    budget: &mut usize,
    by_lines: bool,
) -> bool {
    // A needle in that many words holds letters most lines hold: each line's words say
    // more for less.
    let limit = *budget / 32 + 1024;
    if own.len() > limit {
        return false;
    }
    let cost: usize = own.iter().map(|&id| postings.lines.cost(id)).sum();
    // Words in that many lines (`a`): each line's words say where its first hit lies,
    // and leave no line open. One or two letters are in words of every kind (`an` in
    // `ankara`, `kana`, `yan`), whose lines the text must settle: their words' lines
    // are followed only when they are very few (`1`).
    let share = if needle.chars().count() < 3 { 32 } else { 4 };
    let lines_cheaper = by_lines && cost.saturating_mul(share) > postings.forward.byte_len();
    !lines_cheaper && spend(budget, std::iter::once(cost)).is_some()
}

/// Whether the `open` lines the words' lines left open (see [`mark_words`]) are worth
/// settling from their words, through a table of the kinds of the `own` words holding the
/// term ([`LineScan::first`]), rather than from their text: a line's text read (folded
/// again, matched) costs about what the table does for 64 words, or for 16 words of the
/// vocabulary (which its making goes over, three bits a word).
fn worth_settling(postings: &Postings, open: usize, own: usize) -> bool {
    open.saturating_mul(64) > own.saturating_add(postings.vocabulary_len() / 16)
}

/// A line the words leave open: words of several kinds, whose first hit the text says.
pub(super) const OPEN: u8 = KINDS;

/// Marks each line holding one of the words `own` (which hold `pattern`) with their kinds,
/// from the words' lines. Gives back about how many lines it left open (words of several
/// kinds, whose first hit the text or the line's words say).
pub(super) fn mark_words(
    postings: &Postings,
    own: &[u32],
    pattern: &str,
    marks: &mut [u8],
) -> usize {
    let mut open = 0;
    for &id in own {
        let word = postings.word(id);
        let at = word.find(pattern).unwrap_or(0);
        let ends = at + pattern.len() == word.len();
        let kind = u8::from(at == 0) | u8::from(ends) << 1;
        postings.lines.for_each(id, |line, first| {
            if let Some(m) = marks.get_mut(line) {
                // Words of one kind until now, of two from here.
                open += usize::from((*m & KINDS).count_ones() == 1 && *m & 1 << kind == 0);
                *m |= 1 << kind;
                if first && kind & 1 == 1 {
                    *m |= if ends { START_WHOLE } else { START_PART };
                }
            }
        });
    }
    open
}

/// Marks each line whose key starts with one of the words `own` that starts with
/// `pattern` (`^x`), from the words' lines and their flags.
pub(super) fn mark_prefix_words(postings: &Postings, own: &[u32], pattern: &str, marks: &mut [u8]) {
    for &id in own {
        let word = postings.word(id);
        if !word.starts_with(pattern) {
            continue;
        }
        let bit = if word == pattern {
            START_WHOLE
        } else {
            START_PART
        };
        postings.lines.for_each(id, |line, first| {
            if let Some(m) = marks.get_mut(line).filter(|_| first) {
                *m |= bit;
            }
        });
    }
}

/// Marks each line holding one of the words `own` as [`OPEN`], from the words' lines.
pub(super) fn open_words(postings: &Postings, own: &[u32], marks: &mut [u8]) {
    for &id in own {
        postings.lines.for_each(id, |line, _| {
            if let Some(m) = marks.get_mut(line) {
                *m |= OPEN;
            }
        });
    }
}

/// How a term's marks are read from a line's own words.
#[derive(Debug, Clone, Copy)]
pub(in crate::search) enum Reading {
    /// The kind of the first word holding the pattern: where the line's first hit lies.
    First,
    /// [`OPEN`] when a word holds a run of the pattern's letters.
    Open,
    /// The first and last words, for an anchored term.
    Edges(Mode),
}

/// A term's marks read from each line's words as the scan comes to the line (see
/// [`super::super::forward`]): what a term in too many words to follow their lines, or an
/// anchored one, costs only on the lines looked at (a count reads a document's lines only
/// up to its first match), and on both of the scan's threads.
pub(super) struct LineScan {
    forward: Arc<Forward>,
    /// Per word, by number, for [`Reading::Edges`]: how it holds the term at its edges
    /// (see [`Postings::edge_kinds`]).
    table: Vec<u8>,
    /// Per word, for [`Reading::First`] and [`Reading::Open`]: whether it holds the term
    /// (the pattern, or the run of letters), and the kind of its first hit (see
    /// [`Forward::first_in`]).
    kinds: WordKinds,
    reading: Reading,
    /// For [`Reading::Edges`] without a table: the words, whose edge words' text is read
    /// against `pattern` line by line (a scan of few lines, where a table of every word
    /// would cost a pass over the vocabulary).
    read: Option<(Arc<Vocab>, String)>,
}

impl LineScan {
    /// Reads the kind of the first word holding `pattern` (a word), `own` being the words
    /// holding it.
    pub fn first(postings: &Postings, pattern: &str, own: &[u32]) -> LineScan {
        LineScan::of_kinds(postings, postings.first_kinds(pattern, own), Reading::First)
    }

    /// Leaves open the lines with a word holding `run` (a run of letters of a pattern
    /// holding more, which any hit of the pattern holds inside one word), `own` being the
    /// words holding it.
    pub fn open(postings: &Postings, run: &str, own: &[u32]) -> LineScan {
        LineScan::of_kinds(postings, postings.first_kinds(run, own), Reading::Open)
    }

    /// Reads where an anchored term (`mode`) of `pattern` (a word) meets the first and
    /// last words, `own` being the words holding it.
    pub fn edges(postings: &Postings, pattern: &str, mode: Mode, own: &[u32]) -> LineScan {
        let mut scan = LineScan::of_kinds(postings, WordKinds::default(), Reading::Edges(mode));
        scan.table = postings.edge_kinds(pattern, own);
        scan
    }

    /// As [`LineScan::edges`], reading each scanned line's first and last words' text
    /// rather than a table of every word: for a scan of few lines.
    pub fn edges_read(postings: &Postings, pattern: &str, mode: Mode) -> LineScan {
        let mut scan = LineScan::of_kinds(postings, WordKinds::default(), Reading::Edges(mode));
        scan.read = Some((Arc::clone(&postings.vocab), pattern.to_string()));
        scan
    }

    fn of_kinds(postings: &Postings, kinds: WordKinds, reading: Reading) -> LineScan {
        LineScan {
            forward: Arc::clone(&postings.forward),
            table: Vec::new(),
            kinds,
            reading,
            read: None,
        }
    }

    /// Line `line`'s mark bits, as [`super::TermMarks`] holds them.
    pub fn bits(&self, line: usize) -> u8 {
        match self.reading {
            Reading::First => match self.forward.first_in(line, &self.kinds) {
                Some((kind, at_key_start)) => first_bits(kind, at_key_start),
                None => 0,
            },
            Reading::Open => match self.forward.first_in(line, &self.kinds) {
                Some(_) => OPEN,
                None => 0,
            },
            Reading::Edges(mode) => self
                .forward
                .edges(line)
                .map_or(0, |e| self.edge_bits(mode, e)),
        }
    }

    /// Where an anchored hit lies, from a line's first and last words: in the first word,
    /// at the key's start (`^x`: [`START_WHOLE`] or [`START_PART`]), or at the end of the
    /// last (`x$`: the kind of a hit ending a word; [`START_WHOLE`] when it is the whole
    /// key).
    fn edge_bits(&self, mode: Mode, e: Edges) -> u8 {
        let kind_of = |id: Option<u32>| match (&self.read, id) {
            (Some((vocab, pattern)), Some(i)) => edge_kind(vocab.word(i), pattern),
            (None, Some(i)) => self.table.get(i as usize).copied().unwrap_or(0),
            (_, None) => 0,
        };
        let (first, last) = (kind_of(e.first), kind_of(e.last));
        // The key is one word, nothing around it: a hit of `x$` there starts the key.
        let whole_key = e.single && e.last.is_some() && first & EDGE_WHOLE != 0;
        match mode {
            Mode::Prefix if first & EDGE_START != 0 => {
                if first & EDGE_WHOLE != 0 {
                    START_WHOLE
                } else {
                    START_PART
                }
            }
            Mode::Suffix | Mode::Equal if whole_key => START_WHOLE,
            Mode::Suffix if last & EDGE_END != 0 => 1 << (2 | u8::from(last & EDGE_WHOLE != 0)),
            _ => 0,
        }
    }
}

/// The marks of a line whose first word holding the pattern is of kind `kind` (`starts
/// the word | ends it << 1`), `at_key_start` when that word starts the key.
fn first_bits(kind: u8, at_key_start: bool) -> u8 {
    let start = match (at_key_start && kind & 1 == 1, kind & 2 == 2) {
        (false, _) => 0,
        (true, true) => START_WHOLE,
        (true, false) => START_PART,
    };
    1 << kind | start
}
