//! How `okur find` prints a match: tab-separated fields (escaped) or a JSON object.

use serde::Serialize;

use super::find::FindFormat;
use crate::corpus::Document;
use crate::search::ItemView;

/// One match as printed.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// `doc`, `person`, `place`, `date` or `text`.
    pub kind: &'static str,
    /// Higher is better.
    pub score: i32,
    /// The document's path; `None` for an entity found in no document.
    pub doc: Option<&'a str>,
    /// The title, name or line.
    pub text: std::borrow::Cow<'a, str>,
    /// Byte offset of `text` in the document (titles and lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// Byte offset past `text` in the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// 1-based line of the document where `text` starts (titles and lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// With `--explain`: the key each term met.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<String>,
}

impl<'a> Record<'a> {
    /// The record of an index item over parsed documents.
    pub fn of_item(view: &ItemView<'a>, score: i32, docs: &'a [Document]) -> Record<'a> {
        let doc = view.doc.and_then(|d| docs.get(d));
        // A span only where the text is the document's own (a long title is shortened).
        // The text read once for both, a packed one decompressed once for a document's hits.
        let place = doc.zip(view.doc_offset).and_then(|(d, at)| {
            let end = at.checked_add(view.text.len())?;
            let key = std::ptr::from_ref(d).addr();
            d.with_text(|text| {
                let line = super::find_lines::line_of(key, text.as_bytes(), at);
                (text.get(at..end) == Some(&view.text)).then_some((at, line))
            })
            .ok()?
        });
        let (start, line) = (place.map(|p| p.0), place.and_then(|p| p.1));
        Record {
            kind: view.kind.label(),
            score,
            doc: doc.map(|d| d.path.as_str()),
            end: start.map(|s| s + view.text.len()),
            text: view.text.clone(),
            start,
            line,
            explain: None,
        }
    }

    /// Adds `kind<TAB>score<TAB>doc<TAB>text` (and `<TAB>explain` when asked) and a newline
    /// to `out` (one buffer for all the lines of a search), the fields escaped (`-` for no
    /// document).
    pub fn push_tsv(&self, out: &mut String) {
        use std::fmt::Write;
        out.push_str(self.kind);
        // Writing to a String cannot fail.
        let _ = write!(out, "\t{}\t", self.score);
        out.push_str(&escape_field(self.doc.unwrap_or("-")));
        out.push('\t');
        out.push_str(&escape_field(&self.text));
        if let Some(explain) = &self.explain {
            out.push('\t');
            out.push_str(&escape_field(explain));
        }
        out.push('\n');
    }

    /// Adds the record as one line of the asked format, newline included, to `out`.
    pub fn push_line(&self, format: FindFormat, out: &mut String) -> serde_json::Result<()> {
        match format {
            FindFormat::Tsv => self.push_tsv(out),
            FindFormat::Jsonl => out.push_str(&self.jsonl()?),
        }
        Ok(())
    }

    /// One JSON object and a newline (U+2028/U+2029 escaped, as all okur's JSON).
    pub fn jsonl(&self) -> serde_json::Result<String> {
        let mut out = crate::json::to_string(self)?;
        out.push('\n');
        Ok(out)
    }
}

/// A field of the tab-separated output: a tab, a line break, a control character or a
/// bidi override in a file name or a line would break the record or the terminal it is
/// printed on, so it is written as an escape (`\t`, `\n`, `\x1b`, `\u{202e}`), and a
/// backslash as `\\` so that the escapes can be undone (see [`crate::escape`]).
pub fn escape_field(text: &str) -> std::borrow::Cow<'_, str> {
    // Every character escaped is a control character (bytes below 0x20, 0x7F, or led by
    // 0xC2 for U+0080..U+009F), a line separator or bidi control (led by 0xE2), a raw byte
    // of a file name (U+10FF80.., led by 0xF4) or a backslash: a field with none of these
    // bytes (most lines) is kept without decoding its characters.
    if plain_field(text.as_bytes()) {
        return text.into();
    }
    crate::escape::record_field(text)
}

/// A byte that can start a character [`escape_field`] escapes.
fn may_escape(b: u8) -> bool {
    b < 0x20 || matches!(b, 0x7F | b'\\' | 0xC2 | 0xE2 | 0xF4)
}

/// True when no byte of `bytes` is one [`may_escape`] takes, tested eight bytes at a time
/// (the test on each byte was a tenth of a text search that printed 90k lines).
fn plain_field(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // Some byte of `x` is below `n` (n <= 0x80): exact, as a borrow only crosses from a
    // byte that is itself below `n`.
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH != 0;
    let holds = |x: u64, b: u8| below(x ^ (ONES * u64::from(b)), 1);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let Ok(word) = <[u8; 8]>::try_from(word) else {
            return false;
        };
        let x = u64::from_le_bytes(word);
        let any = below(x, 0x20)
            | holds(x, 0x7F)
            | holds(x, b'\\')
            | holds(x, 0xC2)
            | holds(x, 0xE2)
            | holds(x, 0xF4);
        if any {
            return false;
        }
    }
    !words.remainder().iter().copied().any(may_escape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_can_be_undone() {
        assert_eq!(escape_field("plain İstanbul"), "plain İstanbul");
        assert_eq!(escape_field("a\tb\nc\rd\\e"), "a\\tb\\nc\\rd\\\\e");
    }

    #[test]
    fn the_word_test_finds_every_byte_at_every_offset() {
        for b in 0..=u8::MAX {
            for at in 0..24 {
                let mut bytes = vec![b'a'; 24];
                bytes[at] = b;
                assert_eq!(plain_field(&bytes), !may_escape(b), "{b:#x} at {at}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_word_test_agrees_with_the_byte_test(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..80)) {
            proptest::prop_assert_eq!(plain_field(&bytes), !bytes.iter().copied().any(may_escape));
        }
    }

    #[test]
    fn the_byte_test_escapes_every_character_the_full_escape_does() {
        let mut field = String::new();
        for c in '\0'..=char::MAX {
            field.clear();
            field.push_str("abcdefg");
            field.push(c);
            field.push_str("bcdefghijklmnop");
            assert_eq!(
                escape_field(&field),
                crate::escape::record_field(&field),
                "{c:?}"
            );
        }
    }
}
