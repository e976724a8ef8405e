//! Turning file bytes into text: UTF-8 (with or without BOM), or a legacy encoding such as
//! Windows-1254 (Turkish) or Windows-1256 (Arabic), detected by `chardetng`.

/// The result of decoding a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// The text, and a notice when it was not plain UTF-8.
    Text {
        /// Decoded text.
        text: String,
        /// Set when a legacy encoding was used or a BOM found.
        notice: Option<String>,
    },
    /// The bytes look like a binary file (NUL bytes or many control characters).
    Binary,
}

/// How many leading bytes are inspected for signs of a binary file.
const SNIFF_LEN: usize = 8192;

/// Decodes file bytes. UTF-8 is kept byte for byte; anything else is detected and converted.
pub fn decode_bytes(bytes: Vec<u8>) -> Decoded {
    if let Some(decoded) = decode_utf16(&bytes) {
        return decoded;
    }
    if looks_binary(&bytes) {
        return Decoded::Binary;
    }
    let has_bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    // The SIMD validator is several times faster than the standard one on Turkish and
    // Arabic text (which takes the standard one's slow, byte-at-a-time path), and the bytes
    // are checked once, not again by `String::from_utf8`.
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return decode_legacy(&bytes);
    }
    // SAFETY: `simdutf8` has just checked that all of `bytes` is UTF-8 (its `basic` check
    // accepts exactly what `std::str::from_utf8` accepts; `invalid_utf8_is_decoded_not_kept`
    // and the property test below hold it to that), and `bytes` is not changed since.
    let text = unsafe { String::from_utf8_unchecked(bytes) };
    Decoded::Text {
        text,
        notice: has_bom.then(|| "UTF-8 with BOM".to_string()),
    }
}

fn decode_legacy(bytes: &[u8]) -> Decoded {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    let encoding = prefer_regional(guess, bytes);
    let (text, _, _) = encoding.decode(bytes);
    Decoded::Text {
        text: text.into_owned(),
        notice: Some(format!("not UTF-8: decoded as {}", encoding.name())),
    }
}

/// chardetng may call a short Turkish text Windows-1252; the Turkish letters ğ ş ı İ Ğ Ş only
/// exist in 1254, at byte values that are rare letters in 1252, so prefer 1254 when they occur.
fn prefer_regional(
    guess: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> &'static encoding_rs::Encoding {
    let turkish_only = [0xF0u8, 0xFE, 0xFD, 0xDD, 0xD0, 0xDE];
    if guess == encoding_rs::WINDOWS_1252 && bytes.iter().any(|b| turkish_only.contains(b)) {
        return encoding_rs::WINDOWS_1254;
    }
    guess
}

/// UTF-16 text (what Windows calls "Unicode"), which the binary sniff would take for a
/// binary file by its NUL bytes: known by its byte order mark, or without one by NUL bytes
/// all in the same half of the code units (those of ASCII letters, digits and spaces) in at
/// least one unit in ten. `None` for anything else, or when the decoded text still looks
/// binary. A cut last unit (a file's head) decodes to U+FFFD.
fn decode_utf16(bytes: &[u8]) -> Option<Decoded> {
    let head = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    let (encoding, bom) = match encoding_rs::Encoding::for_bom(head) {
        Some((encoding, bom)) if encoding != encoding_rs::UTF_8 => (encoding, bom),
        _ => {
            let nul_at = |parity| {
                head.iter()
                    .skip(parity)
                    .step_by(2)
                    .filter(|&&b| b == 0)
                    .count()
            };
            let (even, odd, units) = (nul_at(0), nul_at(1), head.len() / 2);
            match (even, odd) {
                (0, n) if n > 0 && n * 10 >= units => (encoding_rs::UTF_16LE, 0),
                (n, 0) if n > 0 && n * 10 >= units => (encoding_rs::UTF_16BE, 0),
                _ => return None,
            }
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(bytes.get(bom..)?);
    (!looks_binary(text.as_bytes())).then(|| Decoded::Text {
        text: text.into_owned(),
        notice: Some(format!("not UTF-8: decoded as {}", encoding.name())),
    })
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return true;
    }
    !head.is_empty() && head_controls(bytes) * 10 > head.len()
}

/// How many control bytes other than line breaks, tabs and form feeds the first
/// [`SNIFF_LEN`] bytes of `bytes` hold: what the binary sniff counts.
pub(crate) fn head_controls(bytes: &[u8]) -> usize {
    let head = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    head.iter().filter(|&&b| sniffed_control(b)).count()
}

/// `head_controls(bytes) > 0`, tested 64 bytes at a time without a branch per byte (the
/// count, byte by byte, was a twentieth of a text search, which needs only this).
pub(crate) fn head_has_controls(bytes: &[u8]) -> bool {
    let head = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    head.chunks(64).any(|chunk| {
        chunk
            .iter()
            .fold(0u8, |any, &b| any | u8::from(sniffed_control(b)))
            != 0
    })
}

/// A control character the binary sniff counts: below 0x20, but not a line break, tab or
/// form feed. Written with `&` so that [`head_has_controls`] is vectorised.
fn sniffed_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0C)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(d: Decoded) -> (String, Option<String>) {
        match d {
            Decoded::Text { text, notice } => (text, notice),
            Decoded::Binary => panic!("decoded as binary"),
        }
    }

    #[test]
    fn utf8_is_kept_byte_for_byte() {
        let (text, notice) = text_of(decode_bytes("Türkiye\r\n".as_bytes().to_vec()));
        assert_eq!(text, "Türkiye\r\n");
        assert_eq!(notice, None);
    }

    #[test]
    fn bom_is_kept_and_noticed() {
        let (text, notice) = text_of(decode_bytes(b"\xEF\xBB\xBFabc".to_vec()));
        assert_eq!(text, "\u{feff}abc");
        assert!(notice.is_some());
    }

    #[test]
    fn windows_1254_turkish_is_decoded() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1254.encode("Dışişleri Bakanı Çavuşoğlu İstanbul'da konuştu.");
        let (text, notice) = text_of(decode_bytes(bytes.into_owned()));
        assert_eq!(text, "Dışişleri Bakanı Çavuşoğlu İstanbul'da konuştu.");
        assert!(notice.unwrap_or_default().contains("1254"));
    }

    #[test]
    fn windows_1256_arabic_is_decoded() {
        let src = "وزير الخارجية الروسي سيرغي لافروف قال إن بلاده لديها مهام مشتركة مع تركيا";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(src);
        let (text, notice) = text_of(decode_bytes(bytes.into_owned()));
        assert_eq!(text, src);
        assert!(notice.unwrap_or_default().contains("1256"));
    }

    /// Every kind of ill-formed UTF-8 (a lone continuation byte, a cut sequence, an overlong
    /// form, a surrogate, a code point past U+10FFFF) goes to the legacy decoder, whose text
    /// is valid whatever the bytes.
    #[test]
    fn invalid_utf8_is_decoded_not_kept() {
        let bad: [&[u8]; 6] = [
            b"abc \x80 def",
            b"Istanbul \xC4",
            b"\xC0\xAF overlong",
            b"\xED\xA0\x80 surrogate",
            b"\xF4\x90\x80\x80 past the last code point",
            b"ok \xF0\x9F\x98",
        ];
        for bytes in bad {
            assert!(std::str::from_utf8(bytes).is_err());
            let (text, notice) = text_of(decode_bytes(bytes.to_vec()));
            assert!(
                notice.unwrap_or_default().starts_with("not UTF-8"),
                "{bytes:?}"
            );
            assert_ne!(text.as_bytes(), bytes);
        }
    }

    proptest::proptest! {
        /// The test for any control agrees with the count, wherever the control is.
        #[test]
        fn any_control_agrees_with_the_count(bytes in proptest::collection::vec(
            proptest::prop_oneof![0u8..0x21, 0x20u8..=0xFF], 0..300)) {
            proptest::prop_assert_eq!(head_has_controls(&bytes), head_controls(&bytes) > 0);
        }

        /// The SIMD check keeps exactly the bytes the standard one accepts.
        #[test]
        fn kept_exactly_when_std_accepts(bytes in proptest::collection::vec(
            proptest::prop_oneof![0x20u8..0x7F, 0x80u8..=0xFF], 0..64)) {
            let std_ok = std::str::from_utf8(&bytes).is_ok();
            let kept = matches!(
                decode_bytes(bytes.clone()),
                Decoded::Text { ref text, notice: None } if text.as_bytes() == bytes.as_slice()
            );
            proptest::prop_assert_eq!(std_ok && !bytes.starts_with(&[0xEF, 0xBB, 0xBF]), kept);
        }
    }

    /// UTF-16 as Notepad saves it (little-endian with a BOM) and as other tools do (big-endian,
    /// no BOM; Arabic, whose letters have no NUL byte, between ASCII spaces and digits).
    #[test]
    fn utf16_with_or_without_bom_is_decoded_not_binary() {
        let tr = "Dışişleri Bakanı Çavuşoğlu, 3 Kasım 2020.\n\nİstanbul'da konuştu.\n";
        let ar = "قال وزير الخارجية لافروف (2020) إن المحادثات ستستمر\n";
        // The code units of `s`, each high byte first when `big`, after a BOM when `bom`.
        let utf16 = |s: &str, big: bool, bom: bool| -> Vec<u8> {
            let units = bom.then_some(0xFEFF).into_iter().chain(s.encode_utf16());
            units
                .flat_map(|u| {
                    if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect()
        };
        let cases = [
            (utf16(tr, false, true), tr, "UTF-16LE"),
            (utf16(ar, true, true), ar, "UTF-16BE"),
            (utf16(tr, false, false), tr, "UTF-16LE"),
            (utf16(ar, true, false), ar, "UTF-16BE"),
        ];
        for (bytes, want, encoding) in cases {
            let (text, notice) = text_of(decode_bytes(bytes));
            assert_eq!(text, want);
            assert_eq!(notice, Some(format!("not UTF-8: decoded as {encoding}")));
        }
        let mut cut = utf16(tr, false, false);
        cut.pop();
        assert!(
            text_of(decode_bytes(cut)).0.starts_with("Dışişleri"),
            "a cut head"
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode_bytes(vec![0x7f, b'E', b'L', b'F', 0, 0]),
            Decoded::Binary
        );
    }
}
