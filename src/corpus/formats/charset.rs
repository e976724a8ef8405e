//! The text of a feed or page: in the encoding its XML prolog or `<meta charset>` declares
//! (windows-1254, iso-8859-9, windows-1256, iso-8859-6 are common in Turkish and Arabic
//! news), else UTF-8, else the encoding detected as for text files.

use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::corpus::{Decoded, decode_bytes};

/// How far into the input a declaration is looked for.
const DECLARATION_HEAD: usize = 4096;

static XML_DECL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']"#)
        .unwrap_or_else(|e| unreachable!("a fixed pattern: {e}"))
});

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)"#)
        .unwrap_or_else(|e| unreachable!("a fixed pattern: {e}"))
});

/// The encoding the input declares in its XML prolog or a `<meta>` tag, if any.
pub fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_HEAD)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let label = XML_DECL
        .captures(head)
        .or_else(|| META_CHARSET.captures(head))?
        .get(1)?;
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// Decodes a feed or page: a declared encoding wins (an outside one, such as an HTTP
/// header's, goes first when given), then UTF-8, then detection. Returns the text and a
/// notice when the text was not UTF-8. A UTF-8 BOM is dropped.
pub fn decode_declared(
    bytes: &[u8],
    outside: Option<&'static encoding_rs::Encoding>,
) -> (String, Option<String>) {
    let declared = outside.or_else(|| declared(bytes));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(enc) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        // UTF-16 declared in a prolog that reads as ASCII is a mislabel: it cannot be.
        if enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            return (
                text.into_owned(),
                Some(format!(
                    "decoded as {}, as declared",
                    enc.name().to_ascii_lowercase()
                )),
            );
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(_) => match decode_bytes(bytes.to_vec()) {
            Decoded::Text { text, notice } => (text, notice),
            // Control bytes in markup: keep what decodes, replacing the rest.
            Decoded::Binary => (
                String::from_utf8_lossy(bytes).into_owned(),
                Some("not text in places: undecodable bytes replaced".into()),
            ),
        },
    }
}

/// The XML text with its prolog's encoding rewritten to UTF-8, since the text now is: an
/// XML parser that honours the prolog would otherwise decode it a second time.
pub fn as_utf8_xml(text: &str) -> std::borrow::Cow<'_, str> {
    static DECL: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']"#)
            .unwrap_or_else(|e| unreachable!("a fixed pattern: {e}"))
    });
    DECL.replace(text, r#"${1}"UTF-8""#)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_turkish_encoding_is_honoured() {
        let xml =
            r#"<?xml version="1.0" encoding="windows-1254"?><rss><t>Dışişleri Çavuşoğlu</t></rss>"#;
        let (bytes, _, _) = encoding_rs::WINDOWS_1254.encode(xml);
        let (text, notice) = decode_declared(&bytes, None);
        assert!(text.contains("Dışişleri Çavuşoğlu"), "{text}");
        assert_eq!(
            notice.as_deref(),
            Some("decoded as windows-1254, as declared")
        );
        assert!(as_utf8_xml(&text).starts_with(r#"<?xml version="1.0" encoding="UTF-8"?>"#));
    }

    #[test]
    fn a_meta_charset_is_honoured() {
        let html =
            r#"<html><head><meta charset="windows-1256"></head><body>وزير الخارجية</body></html>"#;
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(html);
        let (text, _) = decode_declared(&bytes, None);
        assert!(text.contains("وزير الخارجية"));
        let iso = r#"<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-9">"#;
        assert_eq!(declared(iso.as_bytes()), Some(encoding_rs::WINDOWS_1254));
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1254.encode("<p>Dışişleri Bakanı İstanbul'da konuştu.</p>");
        let (text, notice) = decode_declared(&bytes, None);
        assert!(text.contains("Dışişleri Bakanı İstanbul"), "{text}");
        assert!(notice.is_some());
    }
}
