//! Where the tagger's sequences end: sentence ends, script changes, a length cap.

use crate::extract::token::{Sep, Tokens};

/// Splits the tokens into sequences the model tags one at a time: a sequence ends at a
/// sentence end (`.`, `!`, `?`, `؟`, a line break), where the script changes, or after
/// `max` tokens (so one enormous line costs linear time).
pub fn segments(text: &str, toks: &Tokens, max: usize) -> Vec<std::ops::Range<usize>> {
    segments_lazily(text, toks, max).collect()
}

/// [`segments`] one at a time: a long text of short segments (its script changing every
/// few words) made more of them than the text has bytes.
pub fn segments_lazily<'a>(
    text: &'a str,
    toks: &'a Tokens,
    max: usize,
) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + 1 < toks.len() {
            i += 1;
            let (p, t) = (&toks.toks[i - 1], &toks.toks[i]);
            let gap = &text[p.end()..t.start()];
            // A dot ends a sentence unless it closes a short capitalised abbreviation (`St.`).
            let abbreviation = t.sep == Sep::Dot && p.cap && p.end() - p.start() <= 3;
            let ends = crate::text::has_sentence_end(gap)
                && !(abbreviation || t.sep == Sep::Hyphen)
                || p.arabic != t.arabic && !(p.digits || t.digits)
                || i - start >= max;
            if ends {
                let seg = start..i;
                start = i;
                return Some(seg);
            }
        }
        (start < toks.len()).then(|| {
            let seg = start..toks.len();
            start = toks.len();
            seg
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_split_at_sentences_and_scripts() {
        let text = "Lavrov Ankara'da. Dün geldi لافروف قال\nyeni";
        let toks = Tokens::new(text);
        let segs = segments(text, &toks, 100);
        assert_eq!(segs, vec![0..2, 2..4, 4..6, 6..7]);
        let long = segments(text, &toks, 3);
        assert!(long.iter().all(|s| s.len() <= 3));
    }
}
