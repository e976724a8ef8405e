//! Extraction of a huge document piece by piece ([`super::chunk`]), on all cores, holding
//! one piece's working memory per core and the mentions found so far as compact spans: a
//! 200 MB document was read whole, its tokens, the tagger's tables and its mentions as
//! `RawMention`s held at once (about seven times the text).
//!
//! The steps that look at the whole document see it whole, not piece by piece: the people
//! it names are gathered from every piece before their other mentions are added
//! ([`KnownPeople`]), and a homograph (`عمان`, Amman or Oman) is read with every other
//! place the document names. Both are cheap second passes over the kept mentions.
//!
//! So is a date given as a day of "the same month" (`20 من الشهر نفسه`): in a piece where one
//! comes before any month is named, it takes the month named last before it in the pieces
//! before, once every piece is read (the piece is not read again: only that value changes).

use super::chunk::{Piece, pieces};
use super::dates::{Anchor, Months};
use super::lexicon::FxSet;
use super::table::{Span, Strings};
use super::token::Tokens;
use super::{Extractor, Kind, KnownPeople, RawMention, par_map};

/// A document to extract in pieces.
pub(crate) struct Chunked<'a> {
    ex: &'a Extractor,
    text: &'a str,
    pieces: Vec<Piece>,
}

impl<'a> Chunked<'a> {
    /// `text` in pieces of about `piece` bytes; `None` when it is one piece.
    pub(crate) fn new(ex: &'a Extractor, text: &'a str, piece: usize) -> Option<Chunked<'a>> {
        if text.len() <= piece {
            return None;
        }
        let pieces = pieces(text, piece);
        (pieces.len() > 1).then_some(Chunked { ex, text, pieces })
    }

    /// The document's own mentions, as [`Extractor::extract_text`] gives them: each piece's,
    /// then the people they name found again wherever else the document names them.
    pub(crate) fn own(&self, dateline: Option<&str>, strings: &Strings) -> Vec<Span> {
        let anchor = dateline.map(Anchor::parse).unwrap_or_default();
        let mut parts = self.each_piece(|p, window| {
            let toks = Tokens::new(window);
            let (ms, months) = self.ex.found_dated(window, &toks, anchor);
            (keep(p, ms, strings), months)
        });
        let named = named_months(&self.pieces, &parts);
        for (p, (spans, months)) in self.pieces.iter().zip(&mut parts) {
            let before = named.partition_point(|&(i, _)| i < p.window.start);
            let month = before.checked_sub(1).and_then(|i| named.get(i));
            if let (false, Some(&(_, month))) = (months.waiting.is_empty(), month) {
                *spans = carry_month(p, spans, months, month, strings);
            }
        }
        drop(named);
        let found = joined(parts.into_iter().map(|(spans, _)| spans).collect());
        let known = people(self.text, &found, strings);
        let parts = self.each_piece(|p, window| {
            let mut ms = mentions_in(p, &found, strings);
            self.ex.add_known(window, &known, &mut ms);
            keep(p, ms, strings)
        });
        // Held once and a half at most, not three times: the pieces' spans and their join.
        drop(found);
        joined(parts)
    }

    /// `spans` (the document's own mentions) with the people `known` in the corpus added
    /// and homographs read, as the corpus pass does for a document read whole.
    pub(crate) fn with_known(
        &self,
        spans: Box<[Span]>,
        known: &KnownPeople,
        strings: &Strings,
    ) -> Vec<Span> {
        let lx = self.ex.lexicon();
        let places = places(self.text, &spans, strings);
        let parts = self.each_piece(|p, window| {
            let mut ms = mentions_in(p, &spans, strings);
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
        });
        drop(spans);
        joined(parts)
    }

    /// Runs `f` on each piece and its window's text, on the available cores: the spans
    /// of each piece, in order.
    fn each_piece<R: Send>(&self, f: impl Fn(&Piece, &str) -> R + Sync) -> Vec<R> {
        par_map(&self.pieces, |p| f(p, self.window(p)))
    }

    /// The text `p` reads: its window.
    fn window(&self, p: &Piece) -> &'a str {
        self.text.get(p.window.clone()).unwrap_or_default()
    }
}

/// Where each piece names a month (offsets in the document), in order: a piece's
/// [`Months`] with the mentions of its margins left to the pieces they belong to.
fn named_months<T>(pieces: &[Piece], parts: &[(T, Months)]) -> Vec<(usize, (i32, u8))> {
    let mut named = Vec::new();
    for (p, (_, months)) in pieces.iter().zip(parts) {
        let in_doc = months.named.iter().map(|&(i, m)| (i + p.window.start, m));
        named.extend(in_doc.filter(|(i, _)| p.core.contains(i)));
    }
    named
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

/// The pieces' spans one after the other.
fn joined(parts: Vec<Box<[Span]>>) -> Vec<Span> {
    let mut all = Vec::with_capacity(parts.iter().map(|s| s.len()).sum());
    for part in parts {
        all.extend_from_slice(&part);
    }
    all
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

/// The mentions of `p`'s window (offsets in the window) found so far in `spans` (offsets
/// in the document, sorted by start).
fn mentions_in(p: &Piece, spans: &[Span], strings: &Strings) -> Vec<RawMention> {
    let from = spans.partition_point(|s| s.start() < p.window.start);
    let to = spans.partition_point(|s| s.start() < p.window.end);
    let mut ms = strings.raw(spans.get(from..to).unwrap_or_default());
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
fn one_of_each(text: &str, spans: &[Span], strings: &Strings, kind: Kind) -> Vec<RawMention> {
    let mut seen: FxSet<(&str, u32)> = FxSet::default();
    let firsts: Vec<Span> = spans
        .iter()
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
/// from one mention of each name.
pub(crate) fn people(text: &str, spans: &[Span], strings: &Strings) -> KnownPeople {
    KnownPeople::from_mentions(text, &one_of_each(text, spans, strings, Kind::Person))
}

/// One mention of each place text and name of the document.
fn places(text: &str, spans: &[Span], strings: &Strings) -> Vec<RawMention> {
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
