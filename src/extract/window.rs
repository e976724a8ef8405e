//! Windows of a text around its digits, so that date patterns (which all contain a number)
//! only run where a match is possible.

/// Bytes each side of a digit that a date match can reach.
const REACH: usize = 96;

/// True when the byte at `i` starts an ASCII, Arabic-Indic or Eastern Arabic-Indic digit.
fn digit_at(b: &[u8], i: usize) -> bool {
    match b[i] {
        b'0'..=b'9' => true,
        0xD9 => b.get(i + 1).is_some_and(|n| (0xA0..=0xA9).contains(n)),
        0xDB => b.get(i + 1).is_some_and(|n| (0xB0..=0xB9).contains(n)),
        _ => false,
    }
}

/// Moves `i` back to just after ASCII whitespace (or to 0).
fn snap_back(b: &[u8], mut i: usize) -> usize {
    while i > 0 && !b[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    i
}

/// Moves `i` forward to ASCII whitespace (or to the end).
fn snap_forward(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Disjoint, sorted byte ranges of `text` that hold every digit with `REACH` bytes of context,
/// cut at ASCII whitespace so word boundaries inside a window match those in the text.
pub fn digit_windows(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !digit_at(b, i) {
            i += 1;
            continue;
        }
        let s = snap_back(b, i.saturating_sub(REACH));
        let e = snap_forward(b, (i + REACH).min(b.len()));
        match out.last_mut() {
            Some(last) if last.1 >= s => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
        i = (i + 1).max(e.saturating_sub(REACH));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_digits_and_cut_at_spaces() {
        let pad = "söz ".repeat(60);
        let text = format!("{pad}12 Kasım 2020 {pad}٣ {pad}");
        let w = digit_windows(&text);
        assert_eq!(w.len(), 2);
        for &(s, e) in &w {
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            assert!(s == 0 || text.as_bytes()[s - 1] == b' ');
        }
        assert!(text[w[0].0..w[0].1].contains("12 Kasım 2020"));
        assert!(text[w[1].0..w[1].1].contains('٣'));
    }
}
