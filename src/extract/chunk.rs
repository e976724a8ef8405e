//! Where a huge document is cut for extraction: pieces of about [`PIECE_BYTES`], each cut at a
//! line break no mention can cross, each read inside a window a few words wider on both sides.
//!
//! A name may run across a single line break of a hard-wrapped paragraph (`Sergey\nLavrov`,
//! [`super::token::Sep::Line`]) but never across a blank line, nor across a line break with
//! punctuation before it (`geldi.\nLavrov`): the tokens there are separated by
//! `Sep::Punct`, which no rule joins, and the tagger's segments end at every line break. A
//! cut is made at the first blank line past the piece's size, or, in a paragraph longer than
//! a piece, at the first such punctuated line break. A line that runs on more than a piece
//! past where its piece should end is cut inside, after the first sentence end within a
//! piece of there (a word of four bytes or more without digits, then `.`, `!`, `?` or `؟`
//! and a space): the tagger's sequences end there too, and no rule joins across it (an
//! initial, an abbreviation, an ordinal are shorter or digits). Such a line was one piece,
//! read whole: at 40 MB a line of 2 MB, its tokens and their people 28 MB of the reader's
//! peak.
//!
//! A line with no sentence end in that piece (base64, a list of numbers or words, a
//! transcript without full stops) is cut at the first space where its piece should end,
//! or, with no space within [`MARGIN_BYTES`], inside the word there: read whole, its
//! tokens, the date rules' tables and the tagger's sequence were held for the whole line
//! at once (a 40 MB line of made-up words peaked at 10 times the file). This cut is the one
//! that can change what is found: the margins hold a mention that runs across it whole,
//! but the tagger's sequence and the rules' look around stop at the window's edge
//! [`MARGIN_WORDS`] words past it, where the line read whole went on; a mention that starts
//! in the margin and ends past the window is lost.
//!
//! The rules also look a few words to either side without joining them (an organisation
//! head before an Arabic name, a tense verb, the punctuation after the last word a tagger
//! reads): so each piece is read with [`MARGIN_WORDS`] words of the text around it, and only
//! the mentions that start inside the piece are kept. What the window's edges change is in
//! the margins, whose mentions the neighbouring pieces keep.

use std::ops::Range;

use memchr::memchr_iter;

use crate::text::is_word_char;

/// Documents longer than this are extracted in pieces of about [`PIECE_BYTES`]: the working
/// memory of extraction (tokens, the tagger's tables, the mentions as the rules give them)
/// is several times the text it reads at once. Shorter ones are read whole (and cached).
pub const HUGE_BYTES: usize = 2 << 20;

/// The size of a huge document's pieces. What a piece reads does not depend on it (the
/// document-wide steps run once every piece is read, `super::chunked`): at 40 MB, 512 KB
/// pieces took about half the CPU of 2 MB ones, whose steps that ask whether a word stands
/// elsewhere in the piece went over all of its tokens, and held a quarter of their memory.
pub const PIECE_BYTES: usize = 512 << 10;

/// Words of context read on each side of a piece: more than any rule looks across a line
/// break (the tense of a date reads 14 words, and stops at a sentence end).
const MARGIN_WORDS: usize = 32;

/// Furthest a margin reaches, in bytes: text without spaces has no words to count.
const MARGIN_BYTES: usize = 4096;

/// One piece of a document: the bytes whose mentions it gives, and the bytes read for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The piece: its mentions are those that start here.
    pub core: Range<usize>,
    /// The piece with its margins: the text extracted.
    pub window: Range<usize>,
}

/// The pieces of `text` of about `piece` bytes each, in order; the cores cover the text.
/// One piece when the text is no longer than `piece` or has no place to cut.
pub fn pieces(text: &str, piece: usize) -> Vec<Piece> {
    let piece = piece.max(1);
    let mut cores = Vec::new();
    let mut start = 0;
    while text.len() - start > piece {
        match next_cut(text, start + piece, piece) {
            Some(cut) => {
                cores.push(start..cut);
                start = cut;
            }
            None => break,
        }
    }
    cores.push(start..text.len());
    let last = cores.len() - 1;
    cores
        .into_iter()
        .enumerate()
        .map(|(i, core)| Piece {
            window: match (i == 0, i == last) {
                (true, true) => 0..text.len(),
                (true, false) => 0..margin_after(text, core.end),
                (false, true) => margin_before(text, core.start)..text.len(),
                (false, false) => margin_before(text, core.start)..margin_after(text, core.end),
            },
            core,
        })
        .collect()
}

/// The first place at or after `from` to cut: the first line break of a blank line, or,
/// when none comes within `piece` bytes, the first line break after punctuation found
/// before it. `None` when neither is left.
fn next_cut(text: &str, from: usize, piece: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut punctuated = None;
    for at in memchr_iter(b'\n', bytes.get(from..)?).map(|i| i + from) {
        if punctuated.is_none() && at - from > piece {
            return inside_line(text, from, at, piece);
        }
        if blank_line_after(bytes, at) {
            return Some(at);
        }
        if punctuated.is_none() && punctuation_before(text, at) {
            punctuated = Some(at);
        }
        if punctuated.is_some() && at - from > piece {
            return punctuated;
        }
    }
    match punctuated {
        None if text.len() - from > piece => inside_line(text, from, text.len(), piece),
        _ => punctuated,
    }
}

/// Where to cut `text[from..to]`, which runs on more than `piece` bytes with no line
/// break to cut at before `to` (a line break, or the text's end): after the first sentence
/// end within `piece` bytes of `from`, else at the first word break from `from` on
/// ([`word_break`]): the piece no longer than one with a sentence end. Always one before a
/// line break; `None` only near the text's end.
fn inside_line(text: &str, from: usize, to: usize, piece: usize) -> Option<usize> {
    let limit = ceil_char_boundary(text, (from + piece).min(to));
    sentence_end(text, from, limit).or_else(|| word_break(text, from, to))
}

/// The first word break from `from` on, where `to` (a line break or the text's end) is
/// the last: a space or tab, or where there is none within [`MARGIN_BYTES`] (base64, a
/// run of letters) the first character boundary that many bytes on, inside a word no name
/// is that long. `None` when that is the text's end (no piece would be left after it).
fn word_break(text: &str, from: usize, to: usize) -> Option<usize> {
    let near = text.as_bytes().get(from..to)?;
    let space = near
        .iter()
        .take(MARGIN_BYTES)
        .position(|b| matches!(b, b' ' | b'\t'));
    let at = match space {
        Some(i) => from + i,
        None => ceil_char_boundary(text, from + MARGIN_BYTES).min(to),
    };
    (at < text.len()).then_some(at)
}

/// The first character boundary of `text` at or after `at` (its length past the end).
fn ceil_char_boundary(text: &str, at: usize) -> usize {
    (at..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
}

/// The first sentence end in `text[from..to]` (a line) to cut at, as [`pieces`] says: the
/// offset of the space after it.
fn sentence_end(text: &str, from: usize, to: usize) -> Option<usize> {
    // `from` is a byte count along: the line is read from the character it falls in.
    let from = (from..to).find(|&i| text.is_char_boundary(i))?;
    let line = text.get(from..to)?;
    // The word before the character looked at: its bytes, and whether it has a digit.
    let (mut word, mut digit) = (0usize, false);
    let mut chars = line.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if is_word_char(c) {
            word += c.len_utf8();
            digit |= c.is_numeric();
            continue;
        }
        let ends = matches!(c, '.' | '!' | '?' | '؟') && word > 3 && !digit;
        (word, digit) = (0, false);
        let Some(&(space, next)) = chars.peek() else {
            continue;
        };
        let after = line
            .get(space + next.len_utf8()..)
            .and_then(|r| r.chars().next());
        if ends && matches!(next, ' ' | '\t') && after.is_some_and(is_word_char) {
            return Some(from + space);
        }
    }
    None
}

/// True when the line break at `at` is followed, after spaces, by another.
fn blank_line_after(bytes: &[u8], at: usize) -> bool {
    let rest = bytes.get(at + 1..).unwrap_or_default();
    rest.iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\r'))
        .is_some_and(|&b| b == b'\n')
}

/// True when the last character before the line break at `at` (spaces aside) is
/// punctuation other than a hyphen: the words on either side are then never joined.
fn punctuation_before(text: &str, at: usize) -> bool {
    let last = text
        .get(..at)
        .and_then(|t| t.trim_end_matches([' ', '\t', '\r']).chars().next_back());
    last.is_some_and(|c| !is_word_char(c) && !c.is_whitespace() && c != '-' && c != '‐')
}

/// Where the margin before `at` starts: after the whitespace before the [`MARGIN_WORDS`]-th
/// word back (at most [`MARGIN_BYTES`] back, at a character boundary).
fn margin_before(text: &str, at: usize) -> usize {
    let mut words = 0;
    let mut after_space = true;
    for (i, c) in text[..at].char_indices().rev() {
        if at - i > MARGIN_BYTES {
            return i + c.len_utf8();
        }
        let space = c.is_whitespace();
        if space && !after_space {
            words += 1;
            if words >= MARGIN_WORDS {
                return i + c.len_utf8();
            }
        }
        after_space = space;
    }
    0
}

/// Where the margin after `at` ends: at the whitespace after the [`MARGIN_WORDS`]-th word
/// on (at most [`MARGIN_BYTES`] on, at a character boundary).
fn margin_after(text: &str, at: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text[at..].char_indices().map(|(i, c)| (i + at, c)) {
        if i - at > MARGIN_BYTES {
            return i;
        }
        let space = c.is_whitespace();
        if space && in_word {
            words += 1;
            if words >= MARGIN_WORDS {
                return i;
            }
        }
        in_word = !space;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cover(text: &str, ps: &[Piece]) {
        assert_eq!(ps.first().map(|p| p.core.start), Some(0));
        assert_eq!(ps.last().map(|p| p.core.end), Some(text.len()));
        for w in ps.windows(2) {
            assert_eq!(w[0].core.end, w[1].core.start);
        }
        for p in ps {
            assert!(p.window.start <= p.core.start && p.core.end <= p.window.end);
            assert!(text.is_char_boundary(p.window.start) && text.is_char_boundary(p.window.end));
        }
    }

    /// The pieces of `text`, more than `at_least` of them, covering it.
    fn checked_pieces(text: &str, piece: usize, at_least: usize) -> Vec<Piece> {
        let ps = pieces(text, piece);
        assert!(ps.len() > at_least, "{} pieces", ps.len());
        check_cover(text, &ps);
        ps
    }

    #[test]
    fn cuts_fall_on_blank_lines_first() {
        let para = "Sergey Lavrov Ankara'ya geldi.\nErdoğan ile görüştü\n\n";
        let text = para.repeat(20);
        let ps = checked_pieces(&text, 100, 5);
        for p in &ps[1..] {
            assert!(text[p.core.start..].starts_with("\n\n"), "{:?}", p.core);
        }
    }

    #[test]
    fn a_long_paragraph_is_cut_after_punctuation_never_inside_a_wrapped_name() {
        let line = "Dışişleri Bakanı Sergey\nLavrov konuştu.\n";
        let text = line.repeat(30);
        let ps = checked_pieces(&text, 100, 5);
        for p in &ps[1..] {
            assert!(text[..p.core.start].ends_with("konuştu."), "{:?}", p.core);
        }
    }

    #[test]
    fn an_enormous_line_is_cut_after_a_sentence_end_never_an_initial_or_a_number() {
        let line = "Dışişleri Bakanı S. Lavrov 12. kez geldi. Dr. Ahmet konuştu! ".repeat(40);
        let ps = checked_pieces(&line, 200, 5);
        for p in &ps[..ps.len() - 1] {
            let before = &line[..p.core.end];
            assert!(
                before.ends_with("geldi.") || before.ends_with("konuştu!"),
                "{:?}",
                &before[before.len().saturating_sub(20)..]
            );
        }
    }

    #[test]
    fn margins_hold_words() {
        // Two paragraphs of lines with no sentence end: cut at spaces into many pieces.
        let text = format!("{}\n\n{}", "bir iki ".repeat(100), "üç dört ".repeat(100));
        let ps = pieces(&text, 100);
        assert!(ps.len() > 2, "{} pieces", ps.len());
        check_cover(&text, &ps);
        let words = |range: std::ops::Range<usize>| text[range].split_whitespace().count();
        for p in &ps {
            // Each margin holds MARGIN_WORDS words, or every word there is before or after.
            let before = words(p.window.start..p.core.start);
            assert_eq!(before, MARGIN_WORDS.min(words(0..p.core.start)), "{p:?}");
            let after = words(p.core.end..p.window.end);
            assert_eq!(
                after,
                MARGIN_WORDS.min(words(p.core.end..text.len())),
                "{p:?}"
            );
        }
    }

    #[test]
    fn a_line_with_no_sentence_end_is_cut_at_a_space_where_its_piece_should_end() {
        let line = "Sergey Lavrov Ankara'ya geldi ve Erdoğan ile görüştü ".repeat(100);
        let ps = checked_pieces(&line, 200, 10);
        for p in &ps[..ps.len() - 1] {
            assert!(line[p.core.end..].starts_with(' '), "{:?}", p.core);
            assert!(p.core.len() <= 200 + 20, "{:?}", p.core);
        }
        // A sentence end within the piece past is still the cut.
        let text = format!(
            "{} Lavrov geldi. {}",
            "kelime ".repeat(40),
            "kelime ".repeat(200)
        );
        let first = &pieces(&text, 200)[0];
        assert!(text[..first.core.end].ends_with("geldi."));
    }

    #[test]
    fn a_line_without_spaces_is_cut_inside_a_word_at_a_character_boundary() {
        let text = format!("{}\n", "çğıöşü+/".repeat(20_000));
        let ps = checked_pieces(&text, 1000, 10);
        for p in &ps[..ps.len() - 1] {
            assert!(p.core.len() <= 1000 + MARGIN_BYTES + 4, "{:?}", p.core);
        }
    }
}
