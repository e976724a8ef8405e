//! CoNLL BIO: a `# doc: PATH` comment line per document (and `# url: URL` for an article
//! that has one), then one `token LABEL` line per
//! token (`Türkiye B-LOC`, `'ye O`), a blank line after each sentence and paragraph.
//!
//! Tokens are split at whitespace and at span boundaries, so a suffix or a proclitic
//! outside a span becomes its own `O` token. A sentence ends after an `O` token ending in
//! `.` `!` `?` `؟` `…`, and at a blank line. Overlapping spans cannot be written in BIO:
//! the earlier (on ties, the longer) span is kept and the others are left out.

use std::collections::BTreeSet;

use super::{ExportDoc, ExportSpan, short_label};

/// Characters that separate tokens: whitespace, invisible format marks and control
/// characters. A control in a token reached the terminal raw (`okur export --format conll`
/// on a text holding `ESC ] 52 ; c ; ... BEL` set the clipboard); no word holds one.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200e}' | '\u{200f}')
}

/// The CoNLL text of one document, ending with a blank line.
pub fn conll(doc: &ExportDoc) -> String {
    conll_with(doc, &[], &|_| None)
}

/// [`conll`] with `comments` after the `# doc:` line (each written `# COMMENT`) and a third
/// column where `extra` gives one for the span a token is in, or for a token in none (the
/// team export's authors, `_` outside spans).
pub fn conll_with(
    doc: &ExportDoc,
    comments: &[String],
    extra: &dyn Fn(Option<&ExportSpan>) -> Option<String>,
) -> String {
    let spans = without_overlaps(&doc.spans);
    let tokens = tokens(&doc.text, &spans);
    // A line break in a name would start a token line: names are escaped.
    let mut out = format!("# doc: {}\n", crate::escape::record_field(doc.path));
    if let Some(url) = doc.url {
        out.push_str(&format!("# url: {}\n", crate::escape::record_field(url)));
    }
    for comment in comments {
        out.push_str(&format!("# {comment}\n"));
    }
    let mut next = 0;
    let mut prev_end = 0;
    let mut open_sentence = false;
    for (start, end) in tokens {
        if open_sentence && doc.text[prev_end..start].matches('\n').count() >= 2 {
            out.push('\n');
        }
        while next < spans.len() && spans[next].end <= start {
            next += 1;
        }
        let token = &doc.text[start..end];
        let inside = spans.get(next).filter(|s| s.start <= start);
        let label = match inside {
            Some(s) if s.start == start => format!("B-{}", short_label(&s.kind)),
            Some(s) => format!("I-{}", short_label(&s.kind)),
            None => "O".to_string(),
        };
        match extra(inside.copied()) {
            Some(column) => out.push_str(&format!("{token} {label} {column}\n")),
            None => out.push_str(&format!("{token} {label}\n")),
        }
        open_sentence = true;
        if label == "O" && token.ends_with(['.', '!', '?', '؟', '…']) {
            out.push('\n');
            open_sentence = false;
        }
        prev_end = end;
    }
    if open_sentence {
        out.push('\n');
    }
    out
}

fn without_overlaps(spans: &[ExportSpan]) -> Vec<&ExportSpan> {
    let mut sorted: Vec<&ExportSpan> = spans.iter().collect();
    sorted.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<&ExportSpan> = Vec::new();
    for s in sorted {
        if kept.last().is_none_or(|k| k.end <= s.start) {
            kept.push(s);
        }
    }
    kept
}

/// Byte ranges of tokens: runs of non-separators, cut at every span boundary.
fn tokens(text: &str, spans: &[&ExportSpan]) -> Vec<(usize, usize)> {
    let cuts: BTreeSet<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    let mut out = Vec::new();
    let mut current: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if cuts.contains(&i)
            && let Some(s) = current.take()
        {
            out.push((s, i));
        }
        if is_separator(c) {
            if let Some(s) = current.take() {
                out.push((s, i));
            }
        } else if current.is_none() {
            current = Some(i);
        }
    }
    if let Some(s) = current {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kind::Kind;
    use crate::store::{DocState, Source};

    #[test]
    fn control_characters_part_tokens_and_never_reach_the_output() {
        let text = "Hi \u{1b}]52;c;ZXZpbA==\u{7}there \u{1b}[2JAnkara\u{9b}31m.";
        let start = text.find("Ankara").unwrap_or(0);
        let triage = DocState::default();
        let doc = ExportDoc {
            path: "a.txt",
            text: text.into(),
            url: None,
            triage: &triage,
            spans: vec![ExportSpan {
                start,
                end: start + "Ankara".len(),
                kind: Kind::Place.into(),
                text: "Ankara".into(),
                source: Source::User,
            }],
        };
        let out = conll(&doc);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "# doc: a.txt",
                "Hi O",
                "]52;c;ZXZpbA== O",
                "there O",
                "[2J O",
                "Ankara B-LOC",
                "31m. O",
                ""
            ]
        );
    }
}
