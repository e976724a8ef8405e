//! Word tokens with byte spans, capitalisation, and folded keys of their stems.

use crate::text::{fold_char, is_arabic, is_word_char};

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// Start of text.
    Start,
    /// Only spaces or tabs (no line break).
    Space,
    /// Whitespace with a line break.
    Line,
    /// A hyphen, optionally with a line break after it (`El-\nNusra`).
    Hyphen,
    /// A dot then whitespace (`St. Petersburg`).
    Dot,
    /// Anything else: punctuation, quotes, brackets.
    Punct,
}

/// One word: 24 bytes, offsets of 32 bits (a token per word of a 200 MB document is held
/// while it is read, and offsets of 64 bits made them 40).
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte offset of the first character.
    at: u32,
    /// Byte offset past the last character (suffix included).
    to: u32,
    /// Byte offset past the stem: before an apostrophe suffix, else `to`.
    stem_to: u32,
    /// Range of the folded stem in [`Tokens::keys`].
    key: (u32, u32),
    /// What comes before the token.
    pub sep: Sep,
    /// First letter is upper case.
    pub cap: bool,
    /// Arabic script.
    pub arabic: bool,
    /// Only digits.
    pub digits: bool,
}

impl Token {
    /// Byte offset of the first character.
    pub fn start(&self) -> usize {
        self.at as usize
    }

    /// Byte offset past the last character (suffix included).
    pub fn end(&self) -> usize {
        self.to as usize
    }

    /// Byte offset past the stem: before an apostrophe suffix, else [`Token::end`].
    pub fn stem_end(&self) -> usize {
        self.stem_to as usize
    }

    /// True when the token has an apostrophe suffix.
    pub fn has_suffix(&self) -> bool {
        self.stem_to < self.to
    }
}

/// The tokens of one text, with their folded keys in one buffer.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The tokens in order.
    pub toks: Vec<Token>,
    keys: String,
    /// The words of the document the text is a piece of, when it is one.
    pub(super) document: Option<std::sync::Arc<super::doc_words::DocumentWords>>,
}

/// [`fold_char`] with the common Turkish and Arabic letters answered without Unicode
/// decomposition. Always inlined: called once per letter of the text, a call each cost as
/// much as the folding.
#[inline(always)]
fn fold_fast(c: char, out: &mut String) {
    let f = match c {
        'a'..='z' | '0'..='9' => c,
        'A'..='H' | 'J'..='Z' => c.to_ascii_lowercase(),
        'ç' | 'Ç' => 'c',
        'ş' | 'Ş' => 's',
        'ğ' | 'Ğ' => 'g',
        'ö' | 'Ö' => 'o',
        'ü' | 'Ü' | 'û' | 'Û' => 'u',
        'â' | 'Â' => 'a',
        'ı' | 'İ' | 'I' | 'î' | 'Î' => 'i',
        // The Arabic letters that fold to themselves (not the hamza-carrying alefs, taa
        // marbuta or alef maqsura), most of an Arabic text.
        '\u{0621}' | '\u{0624}' | '\u{0626}'..='\u{0628}' | '\u{062A}'..='\u{063A}' => c,
        '\u{0641}'..='\u{0648}' | '\u{064A}' => c,
        // Taa marbuta, alef maqsura and the hamza-carrying alefs, as `fold_char` folds them.
        'ة' => 'ه',
        'ى' => 'ي',
        'أ' | 'إ' | 'آ' => 'ا',
        _ => return fold_char(c, out),
    };
    out.push(f);
}

/// A word as the scan found it, before it is a [`Token`].
struct Word {
    start: usize,
    end: usize,
    stem_end: usize,
    /// Where its folded stem starts in [`Tokens::keys`] (it ends at their end).
    k0: usize,
    /// Its first character.
    first: char,
    /// Its stem is ASCII digits only.
    digits: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// [`is_word_char`] with the Arabic letters (most of an Arabic text) and the Latin ones
/// (Turkish `ç`, `ş`, `ğ`, `ı`, `ö`, `ü`) answered inline, as `is_word_char` answers them,
/// not by a call a letter.
#[inline(always)]
fn word_letter(c: char) -> bool {
    ('\u{0620}'..='\u{064A}').contains(&c)
        || ('\u{C0}'..='\u{24F}').contains(&c) && c != '×' && c != '÷'
        || is_word_char(c)
}

/// Reads the rest of a word from byte `p` of `text`, folding its stem's letters into `keys`
/// and clearing `digits` at a letter: returns the word's end and its stem's end. An
/// apostrophe before a letter starts a suffix (`Türkiye'ye`), read but not folded.
fn rest_of_word(text: &str, mut p: usize, keys: &mut String, digits: &mut bool) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut end = p;
    let mut stem_end = None;
    loop {
        // A run of ASCII letters and digits, most of a Turkish word, at once: their fold is
        // their lower case.
        let run = bytes
            .get(p..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if run > 0 {
            if stem_end.is_none() {
                let letters = text.get(p..p + run).unwrap_or_default();
                *digits &= letters.bytes().all(|b| b.is_ascii_digit());
                // Copied, then lowered in place: a push a letter cost three times as much.
                let k = keys.len();
                keys.push_str(letters);
                if let Some(added) = keys.get_mut(k..) {
                    added.make_ascii_lowercase();
                }
            }
            p += run;
            end = p;
        }
        let Some(d) = text.get(p..).and_then(|t| t.chars().next()) else {
            break;
        };
        if is_apostrophe(d) && stem_end.is_none() {
            let next = text.get(p + d.len_utf8()..).and_then(|t| t.chars().next());
            if !next.is_some_and(char::is_alphabetic) {
                break;
            }
            stem_end = Some(p);
            p += d.len_utf8();
            continue;
        }
        // Any other ASCII character ends the word (the run above took its letters).
        if d.is_ascii() || !word_letter(d) {
            break;
        }
        if stem_end.is_none() {
            fold_fast(d, keys);
            *digits = false;
        }
        p += d.len_utf8();
        end = p;
    }
    (end, stem_end.unwrap_or(end))
}

impl Tokens {
    /// Splits `text` into words. An apostrophe between letters starts a suffix that belongs
    /// to the word (`Türkiye'ye`).
    pub fn new(text: &str) -> Tokens {
        // About a word per 8 bytes of news text, and folded keys at most as long as the text
        // less its spaces: reserved so that a long text does not copy them as they grow.
        let mut out = Tokens {
            toks: Vec::with_capacity(text.len() / 8),
            keys: String::with_capacity(text.len() - text.len() / 8),
            document: None,
        };
        let mut prev_end = 0;
        // Where the current line starts, to tell a wrapped line from a short one (a
        // heading, a byline, a dateline) whose break ends whatever was on it.
        let mut line_start = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // Spaces and ASCII punctuation, most of what lies between words, by their byte.
            if b < 0x80 && !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            if !b.is_ascii() && !word_letter(c) {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            // The stem is folded as it is read, not in a second pass over its letters.
            let k0 = out.keys.len();
            fold_fast(c, &mut out.keys);
            let mut digits = c.is_ascii_digit();
            let (end, stem_end) = rest_of_word(text, i + c.len_utf8(), &mut out.keys, &mut digits);
            let gap = &text[prev_end..start];
            let mut sep = classify(gap, prev_end == 0 && start == 0);
            // Bytes, not characters: a gap is mostly a space or two, where a character
            // search cost more than the rest of the gap's handling.
            if let Some(nl) = gap.bytes().position(|b| b == b'\n') {
                if sep == Sep::Line && prev_end + nl - line_start < WRAPPED_LINE {
                    sep = Sep::Punct;
                }
                line_start = prev_end + gap.bytes().rposition(|b| b == b'\n').unwrap_or(nl) + 1;
            }
            let word = Word {
                start,
                end,
                stem_end,
                k0,
                first: c,
                digits,
            };
            out.push(word, sep);
            prev_end = end;
            // Past the word: what its scan stopped at (an apostrophe it took without a
            // suffix after it included) is no letter of a word.
            i = end;
        }
        out
    }

    /// Adds the token `w` (its stem's key already in `keys`), `sep` before it.
    fn push(&mut self, w: Word, sep: Sep) {
        // Offsets and key ranges are u32 (a smaller token): past 4 GiB of text or of folded
        // keys no more tokens are made, rather than ones that would point at wrong letters.
        let fit = |n: usize| u32::try_from(n).ok();
        let (Some(k0), Some(k1), Some(at), Some(to), Some(stem_to)) = (
            fit(w.k0),
            fit(self.keys.len()),
            fit(w.start),
            fit(w.end),
            fit(w.stem_end),
        ) else {
            self.keys.truncate(w.k0);
            return;
        };
        self.toks.push(Token {
            at,
            to,
            stem_to,
            key: (k0, k1),
            sep,
            cap: w.first.is_uppercase(),
            arabic: is_arabic(w.first),
            digits: w.digits,
        });
    }

    /// The folded stem of token `i`.
    pub fn key(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].key;
        &self.keys[a as usize..b as usize]
    }

    /// The tokens that overlap bytes `start..end` (a mention's): from the first that ends
    /// after `start` to the one after the last that starts before `end` (empty, perhaps
    /// with its start past its end, when none does). Found by halving: tokens are in order.
    pub fn covering(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.toks.partition_point(|t| t.end() <= start);
        let last = self.toks.partition_point(|t| t.start() < end);
        first..last
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// True when tokens `i` and `i + 1` may belong to one name (space, hyphen, or `St.`).
    pub fn joined(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|t| {
            matches!(t.sep, Sep::Space | Sep::Line | Sep::Hyphen | Sep::Dot)
                && !self.toks[i].has_suffix()
        })
    }
}

/// Shortest line, in bytes, whose break may fall inside a name: a hard-wrapped body line.
/// A shorter line is a heading, byline or dateline, and its break ends any name on it.
const WRAPPED_LINE: usize = 40;

/// What the gap between two tokens is. A line break is [`Sep::Line`] only inside a
/// paragraph: a blank line, or punctuation before the break (`Ankara.\nErdoğan`), ends it.
fn classify(gap: &str, at_start: bool) -> Sep {
    if at_start {
        return Sep::Start;
    }
    if gap == " " {
        return Sep::Space;
    }
    let g = gap.trim_matches(|c: char| c.is_whitespace());
    let breaks = gap.matches('\n').count();
    if breaks > 1 || breaks == 1 && !g.is_empty() && g != "-" && g != "‐" {
        return Sep::Punct;
    }
    match g {
        "" if breaks == 1 => Sep::Line,
        "" => Sep::Space,
        "-" | "‐" => Sep::Hyphen,
        "." if gap.starts_with('.') && gap.len() > 1 => Sep::Dot,
        _ => Sep::Punct,
    }
}

#[cfg(test)]
#[path = "token_tests.rs"]
mod tests;
