//! Main-text extraction scored on saved Turkish and Arabic news pages whose article text is
//! known (tests/fixtures/formats_expected): precision and recall of the extracted words.
//! The pages carry what real ones do: navigation, ad slots, share buttons, related links,
//! most-read lists, comments and footers, and `dir="rtl"` with windows-1256 for Arabic.

use std::collections::HashMap;

use assert_cmd::Command;

/// Words of a text, lower-cased, with their counts.
fn words(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *out.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    out
}

/// Precision and recall of `got`'s words against `want`'s (counted with multiplicity).
fn score(got: &str, want: &str) -> (f64, f64) {
    let (g, w) = (words(got), words(want));
    let common: usize = g
        .iter()
        .map(|(k, n)| (*n).min(*w.get(k).unwrap_or(&0)))
        .sum();
    let total = |m: &HashMap<String, usize>| m.values().sum::<usize>().max(1) as f64;
    (common as f64 / total(&g), common as f64 / total(&w))
}

fn extracted(page: &str) -> Result<String, Box<dyn std::error::Error>> {
    let out = Command::cargo_bin("okur")?
        .args([
            "render",
            "--text",
            &format!("tests/fixtures/formats/{page}"),
        ])
        .output()?;
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout)?;
    // The first paragraph is the headline; the expected text is the body.
    Ok(text
        .split_once("\n\n")
        .map_or(text.clone(), |(_, body)| body.to_string()))
}

#[test]
fn main_text_is_found_on_turkish_and_arabic_pages() -> Result<(), Box<dyn std::error::Error>> {
    for (page, expected) in [
        ("tr_sayfa.html", "tr_sayfa.txt"),
        ("ar_safha.html", "ar_safha.txt"),
    ] {
        let want = std::fs::read_to_string(format!("tests/fixtures/formats_expected/{expected}"))?;
        let got = extracted(page)?;
        let (precision, recall) = score(&got, &want);
        eprintln!("{page}: precision {precision:.3}, recall {recall:.3}");
        assert!(precision >= 0.95, "{page}: precision {precision:.3}\n{got}");
        assert!(recall >= 0.95, "{page}: recall {recall:.3}\n{got}");
    }
    Ok(())
}

#[test]
fn the_scorer_sees_boilerplate() {
    let (precision, recall) = score("Ana metin burada. Yorumlar (2) Reklam", "Ana metin burada.");
    assert!(precision < 0.7 && (recall - 1.0).abs() < 1e-9);
}
