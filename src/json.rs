//! JSON as okur prints it: compact serde_json, with U+2028 and U+2029 escaped.
//!
//! serde_json writes the LINE SEPARATOR and PARAGRAPH SEPARATOR characters raw, which is
//! valid JSON but ends a line for JavaScript before ES2019, for editors and for line-based
//! tools: a JSON-lines record holding one would look cut in two. Every JSON okur prints
//! (render, extract, find, export) goes through here.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, Serializer};

/// serde_json's compact output, except that U+2028 and U+2029 inside strings are written as
/// `\u2028` and `\u2029`.
#[derive(Debug, Default, Clone, Copy)]
pub struct SeparatorSafe;

impl Formatter for SeparatorSafe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(['\u{2028}', '\u{2029}']) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let escaped: &[u8] = match rest[at..].starts_with('\u{2028}') {
                true => b"\\u2028",
                false => b"\\u2029",
            };
            writer.write_all(escaped)?;
            // Both separators are three bytes in UTF-8.
            rest = &rest[at + 3..];
        }
        CompactFormatter.write_string_fragment(writer, rest)
    }
}

/// Writes `value` as one line of JSON (no newline) to `out`.
pub fn to_writer<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(out, SeparatorSafe))
}

/// Writes `value` as one JSON line, newline included.
pub fn write_line<W: Write, T: Serialize + ?Sized>(mut out: W, value: &T) -> io::Result<()> {
    to_writer(&mut out, value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// `value` as a JSON string.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut bytes = Vec::new();
    to_writer(&mut bytes, value)?;
    // The serializer writes UTF-8 only; the fallback cannot be reached.
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_escaped_in_values_and_keys() -> serde_json::Result<()> {
        let value = serde_json::json!({"a\u{2029}": "x\u{2028}y\u{2029}\u{2028}z\"\n"});
        let out = to_string(&value)?;
        assert_eq!(out, r#"{"a\u2029":"x\u2028y\u2029\u2028z\"\n"}"#);
        assert!(!out.contains(['\u{2028}', '\u{2029}']));
        // And it is still the same JSON.
        assert_eq!(serde_json::from_str::<serde_json::Value>(&out)?, value);
        Ok(())
    }

    #[test]
    fn other_text_is_as_serde_json_writes_it() -> serde_json::Result<()> {
        let value = serde_json::json!({"doc": "a\tb.txt", "text": "İstanbul ترامب", "n": 3});
        assert_eq!(to_string(&value)?, serde_json::to_string(&value)?);
        Ok(())
    }
}
