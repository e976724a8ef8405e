//! Extraction of a huge document piece by piece ([`super::chunk`]), on all cores, holding
//! one piece's working memory per core and the mentions found so far as compact spans: a
//! 200 MB document was read whole, its tokens, the tagger's tables and its mentions as
//! `RawMention`s held at once (about seven times the text).
//!
//! The steps that look at the whole document see it whole, not piece by piece, so that
//! the mentions do not depend on the size of the pieces (`tests/extract_chunked.rs`):
//! - the surnames of the persons it names in two words or more, which make the same word
//!   alone a person (`Sergey Canyatak`, then `Canyatak`): gathered from every piece before
//!   those steps of the blend run (`tidy_tr::with_surnames`), in a second pass;
//! - whether a word stands elsewhere in the text (`Haberin` is the name `Haber` with a
//!   suffix when `Haber` stands alone somewhere): asked of the document's words
//!   ([`DocumentWords`], read before the pieces), not the piece's;
//! - the people it names, gathered from every piece before their other mentions are added
//!   ([`KnownPeople`]), a third pass;
//! - a homograph (`عمان`, Amman or Oman), read with every other place the document names.
//!
//! Each piece is read once: what it cannot know alone is gathered across the pieces and
//! applied after, rather than each piece read with what the earlier ones found, since a
//! later piece's surname changes an earlier piece's word as much as the other way round.
//!
//! A date given as a day of "the same month" (`20 من الشهر نفسه`) is the one that reads only
//! what comes before it: in a piece where one comes before any month is named, it takes the
//! month named last in the pieces before, once every piece is read (the piece is not read
//! again: only that value changes).

use super::chunk::{Piece, pieces};
use super::dates::{Anchor, Months};
use super::doc_words::DocumentWords;
use super::lexicon::FxSet;
use super::names::tidy_tr;
use super::table::{Span, Strings};
use super::token::Tokens;
use super::{Extractor, Kind, KnownPeople, RawMention, par_map};
use std::sync::Arc;

/// A huge document's mentions piece by piece: each piece's spans (offsets in the
/// document), in the pieces' order. Kept apart so that a pass over them frees each piece's
/// spans once no later window reads them, rather than holding the old and the new whole.
pub(crate) type Parts = Vec<Box<[Span]>>;

/// A document to extract in pieces.
pub(crate) struct Chunked<'a> {
    ex: &'a Extractor,
    text: &'a str,
    pieces: Vec<Piece>,
    /// The document's words, which a piece asks of whether a word stands elsewhere.
    words: Arc<DocumentWords>,
}

impl<'a> Chunked<'a> {
    /// `text` in pieces of about `piece` bytes; `None` when it is one piece.
    pub(crate) fn new(ex: &'a Extractor, text: &'a str, piece: usize) -> Option<Chunked<'a>> {
        if text.len() <= piece {
            return None;
        }
        let pieces = pieces(text, piece);
        if pieces.len() < 2 {
            return None;
        }
        let words = Arc::new(DocumentWords::of_document(text, &pieces));
        Some(Chunked {
            ex,
            text,
            pieces,
            words,
        })
    }

    /// The document's own mentions, as [`Extractor::extract_text`] gives them, joined.
    pub(crate) fn own(&self, dateline: Option<&str>, strings: &Strings) -> Vec<Span> {
        let parts = self.own_parts(dateline, strings);
        let mut all = Vec::with_capacity(parts.iter().map(|s| s.len()).sum());
        parts.iter().for_each(|part| all.extend_from_slice(part));
        all
    }

    /// The document's own mentions piece by piece: each piece's, read with the surnames
    /// of every piece, then the people they name found again wherever else the document
    /// names them.
    pub(crate) fn own_parts(&self, dateline: Option<&str>, strings: &Strings) -> Parts {
        let (mut found, surnames) = self.read_pieces(dateline, strings);
        let mut named = Parts::with_capacity(self.pieces.len());
        if self.ex.turkish_model.is_some() {
            let tail = |p: &Piece, window: &str, found: &[Box<[Span]>]| {
                let mut ms = mentions_in(p, &self.pieces, found, strings);
                let toks = Tokens::new(window);
                let lx = self.ex.lexicon();
                tidy_tr::with_surnames((lx, window, &toks), &in_window(&toks, &surnames), &mut ms);
                ms.sort_by_key(|m| (m.start, m.end));
                keep(p, ms, strings)
            };
            self.in_batches(&mut found, tail, |_, spans| named.push(spans));
        } else {
            named = found;
        }
        drop(surnames);
        let persons = one_of_each(
            self.text,
            named.iter().flat_map(|s| s.iter()),
            strings,
            Kind::Person,
        );
        let known = KnownPeople::of_document(self.text, &persons);
        let mut parts = Parts::with_capacity(self.pieces.len());
        let spread = |p: &Piece, window: &str, found: &[Box<[Span]>]| {
            let mut ms = mentions_in(p, &self.pieces, found, strings);
            self.ex.add_known(window, &known, &mut ms);
            keep(p, ms, strings)
        };
        // Each piece's first spans are freed as soon as no window left reads them: the
        // document's spans are held about once, not twice.
        self.in_batches(&mut named, spread, |_, spans| parts.push(spans));
        parts
    }

    /// Each piece's mentions as the rules, taggers and blend give them, but for the steps
    /// that read the document's surnames (a piece's own are not the document's: a person
    /// named in full in one piece makes the same word alone in another one); and those
    /// surnames, from the persons that start in each piece.
    fn read_pieces(&self, dateline: Option<&str>, strings: &Strings) -> (Parts, FxSet<String>) {
        let anchor = dateline.map(Anchor::parse).unwrap_or_default();
        let lx = self.ex.lexicon();
        // Where the pieces read so far name a month (offsets in the document), in order.
        let mut named: Vec<(usize, (i32, u8))> = Vec::new();
        let mut surnames = FxSet::default();
        let mut found = Parts::with_capacity(self.pieces.len());
        let read = |p: &Piece, window: &str, _: &[Box<[Span]>]| {
            let toks = Tokens::new(window).in_document(Arc::clone(&self.words));
            let (ms, months) = self.ex.found_dated(window, &toks, anchor, false);
            let core = p.core.start - p.window.start..p.core.end - p.window.start;
            let own: Vec<RawMention> = ms
                .iter()
                .filter(|m| m.kind == Kind::Person && core.contains(&m.start))
                .cloned()
                .collect();
            let names = tidy_tr::surnames(lx, window, &own);
            (keep(p, ms, strings), months, names)
        };
        self.in_batches(&mut Parts::new(), read, |p, (spans, months, names)| {
            surnames.extend(names);
            let before = named.partition_point(|&(i, _)| i < p.window.start);
            let month = before.checked_sub(1).and_then(|i| named.get(i));
            found.push(match (months.waiting.is_empty(), month) {
                (false, Some(&(_, month))) => carry_month(p, &spans, &months, month, strings),
                _ => spans,
            });
            let in_doc = months.named.iter().map(|&(i, m)| (i + p.window.start, m));
            named.extend(in_doc.filter(|(i, _)| p.core.contains(i)));
        });
        (found, surnames)
    }

    /// `parts` (the document's own mentions) with the people `known` in the corpus added
    /// and homographs read, as the corpus pass does for a document read whole, piece by
    /// piece: each piece's old spans freed as the pass leaves them behind.
    pub(crate) fn with_known(
        &self,
        mut parts: Parts,
        known: &KnownPeople,
        strings: &Strings,
    ) -> Parts {
        let lx = self.ex.lexicon();
        let places = places(self.text, parts.iter().flat_map(|s| s.iter()), strings);
        let add = |p: &Piece, window: &str, parts: &[Box<[Span]>]| {
            let mut ms = mentions_in(p, &self.pieces, parts, strings);
            self.ex.add_known(window, known, &mut ms);
            shift(&mut ms, p.window.start, true);
            // The document's other places decide a homograph's reading: one mention of each
            // is read beside the piece's (and left out again; they are not changed).
            let own = ms.len();
            ms.extend(places.iter().cloned());
            lx.homographs.resolve(self.text, &lx.place_names, &mut ms);
            ms.truncate(own);
            shift(&mut ms, p.window.start, false);
            keep(p, ms, strings)
        };
        let mut all = Parts::with_capacity(self.pieces.len());
        self.in_batches(&mut parts, add, |_, spans| all.push(spans));
        all
    }

    /// Runs `f` on each piece, its window's text and `old` (a pass's input, by piece), a
    /// few pieces per core at a time, and hands `take` each piece's result in the pieces'
    /// order as its batch ends. The spans of `old` no window after the batch reads are
    /// freed then: the pass holds its input and output about once together, and only a
    /// batch's results beside them.
    fn in_batches<R: Send>(
        &self,
        old: &mut Parts,
        f: impl Fn(&Piece, &str, &[Box<[Span]>]) -> R + Sync,
        mut take: impl FnMut(&Piece, R),
    ) {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        // Four pieces per core: a piece that takes longer than the others keeps its core
        // busy while the rest do three more, instead of leaving them idle.
        let batch = 4 * threads;
        let mut freed = 0;
        for (b, batch_pieces) in self.pieces.chunks(batch).enumerate() {
            let input: &[Box<[Span]>] = old;
            let outs = par_map(batch_pieces, |p| f(p, self.window(p), input));
            batch_pieces
                .iter()
                .zip(outs)
                .for_each(|(p, out)| take(p, out));
            let next = self.pieces.get((b + 1) * batch);
            let read_from = next.map_or(usize::MAX, |p| p.window.start);
            while let (Some(p), Some(part)) = (self.pieces.get(freed), old.get_mut(freed)) {
                if p.core.end > read_from {
                    break;
                }
                *part = Box::default();
                freed += 1;
            }
        }
    }

    /// The text `p` reads: its window.
    fn window(&self, p: &Piece) -> &'a str {
        self.text.get(p.window.clone()).unwrap_or_default()
    }
}

/// `spans` (piece `p`'s, offsets in the document) with its days of "the same month" named
/// before any month in it (`months.waiting`) given `month`, the month named last before
/// the piece: what reading it again with that month gives, without reading it again (only
/// those dates' values depend on it).
fn carry_month(
    p: &Piece,
    spans: &[Span],
    months: &Months,
    month: (i32, u8),
    strings: &Strings,
) -> Box<[Span]> {
    let mut ms = strings.raw(spans);
    for (at, value) in months.resolve_waiting(month) {
        let at = at + p.window.start;
        let first = ms.partition_point(|m| m.start < at);
        let day = ms[first..]
            .iter_mut()
            .take_while(|m| m.start == at)
            .find(|m| m.kind == Kind::Date);
        if let Some(m) = day {
            m.value = value;
        }
    }
    strings.spans(&ms)
}

/// The `surnames` of the document that are words of `toks` (a window's): what
/// [`tidy_tr::with_surnames`] reads there, a few words rather than the document's all.
fn in_window(toks: &Tokens, surnames: &FxSet<String>) -> Vec<String> {
    let mut seen: FxSet<&str> = FxSet::default();
    (0..toks.len())
        .map(|i| toks.key(i))
        .filter(|k| surnames.contains(*k) && seen.insert(k))
        .map(str::to_string)
        .collect()
}

/// Moves the mentions' offsets by `by`: forward (window to document) or back.
fn shift(ms: &mut [RawMention], by: usize, forward: bool) {
    for m in ms {
        (m.start, m.end) = match forward {
            true => (m.start + by, m.end + by),
            false => (m.start - by, m.end - by),
        };
    }
}

/// The mentions of `p`'s window (offsets in the window) found so far in `parts` (the
/// spans of `pieces`, offsets in the document, sorted by start).
fn mentions_in(
    p: &Piece,
    pieces: &[Piece],
    parts: &[Box<[Span]>],
    strings: &Strings,
) -> Vec<RawMention> {
    let first = pieces.partition_point(|q| q.core.end <= p.window.start);
    let mut spans = Vec::new();
    for (q, part) in pieces.iter().zip(parts).skip(first) {
        if q.core.start >= p.window.end {
            break;
        }
        let from = part.partition_point(|s| s.start() < p.window.start);
        let to = part.partition_point(|s| s.start() < p.window.end);
        spans.extend_from_slice(part.get(from..to).unwrap_or_default());
    }
    let mut ms = strings.raw(&spans);
    shift(&mut ms, p.window.start, false);
    ms
}

/// The mentions of `ms` (offsets in `p`'s window) that start in the piece itself, compact
/// and with offsets in the document.
fn keep(p: &Piece, mut ms: Vec<RawMention>, strings: &Strings) -> Box<[Span]> {
    shift(&mut ms, p.window.start, true);
    ms.retain(|m| p.core.contains(&m.start));
    strings.spans(&ms)
}

/// One mention (in `spans`) of each kind-`kind` text of the document with the same
/// canonical name: what a step that reads only their texts and names needs of them all.
fn one_of_each<'s>(
    text: &str,
    spans: impl IntoIterator<Item = &'s Span>,
    strings: &Strings,
    kind: Kind,
) -> Vec<RawMention> {
    let mut seen: FxSet<(&str, u32)> = FxSet::default();
    let firsts: Vec<Span> = spans
        .into_iter()
        .filter(|s| s.kind() == kind)
        .filter(|s| {
            let surface = text.get(s.start()..s.end()).unwrap_or_default();
            seen.insert((surface, s.canonical_id()))
        })
        .copied()
        .collect();
    strings.raw(&firsts)
}

/// The people the document names ([`KnownPeople::from_mentions`] of all its mentions),
/// from one mention of each name: what it teaches the rest of the corpus.
pub(crate) fn people<'s>(
    text: &str,
    spans: impl IntoIterator<Item = &'s Span>,
    strings: &Strings,
) -> KnownPeople {
    KnownPeople::from_mentions(text, &one_of_each(text, spans, strings, Kind::Person))
}

/// One mention of each place text and name of the document.
fn places<'s>(
    text: &str,
    spans: impl IntoIterator<Item = &'s Span>,
    strings: &Strings,
) -> Vec<RawMention> {
    one_of_each(text, spans, strings, Kind::Place)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::Ordering;

    #[test]
    fn a_piece_waiting_for_its_month_is_read_once() {
        let mut text = String::from("وصل لافروف إلى أنقرة في 5 مارس 2024 والتقى أردوغان.\n\n");
        for _ in 0..30 {
            text.push_str("Dışişleri Bakanı Sergey Lavrov Ankara'ya geldi ve görüştü.\n\n");
        }
        text.push_str("ثم عاد لافروف إلى موسكو في 20 من الشهر نفسه.\n\n");
        let ex = Extractor::new();
        let Some(chunked) = Chunked::new(&ex, &text, 500) else {
            panic!("one piece");
        };
        let strings = Strings::default();
        let own = strings.raw(&chunked.own(None, &strings));
        // The day has its value from a month named pieces before it.
        let day = own.iter().find(|m| text[m.start..m.end].contains("نفسه"));
        assert_eq!(day.and_then(|m| m.value.as_deref()), Some("2024-03-20"));
        // Every piece went through the rules and taggers once: the waiting one too.
        assert_eq!(ex.reads.load(Ordering::Relaxed), chunked.pieces.len());
    }
}
