//! A paragraph's base direction: the first strong character, corrected by the share of
//! Arabic words, so `(AFP) - أكد الرئيس ...` or an Arabic paragraph opening with a Latin name
//! is still right-to-left.

use unicode_bidi::{BidiClass, bidi_class};

/// Base direction of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The other direction (the user's toggle).
    pub fn flipped(self) -> Direction {
        match self {
            Direction::Ltr => Direction::Rtl,
            Direction::Rtl => Direction::Ltr,
        }
    }

    /// `ltr` or `rtl`, as `okur render --format jsonl` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// First strong character decides, unless most words with letters are of the other
/// direction. Text with no strong character is LTR.
pub fn base_direction(text: &str) -> Direction {
    paragraph_direction(text, Direction::Ltr)
}

/// Like [`base_direction`], but a paragraph with no strong character at all (a bullet with a
/// date, a lone number) takes `fallback`, the direction of its document.
pub fn paragraph_direction(text: &str, fallback: Direction) -> Direction {
    let (mut rtl_words, mut ltr_words) = (0usize, 0usize);
    for word in text.split_whitespace() {
        match first_strong(word) {
            Some(Direction::Rtl) => rtl_words += 1,
            Some(Direction::Ltr) => ltr_words += 1,
            None => {}
        }
    }
    match first_strong(text) {
        Some(Direction::Ltr) if rtl_words > ltr_words => Direction::Rtl,
        Some(Direction::Rtl) if ltr_words > 2 * rtl_words => Direction::Ltr,
        Some(dir) => dir,
        None => fallback,
    }
}

fn first_strong(text: &str) -> Option<Direction> {
    text.chars().find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(Direction::Ltr),
        BidiClass::R | BidiClass::AL => Some(Direction::Rtl),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_decides_plain_text() {
        assert_eq!(base_direction("Dışişleri Bakanı"), Direction::Ltr);
        assert_eq!(base_direction("وزير الخارجية"), Direction::Rtl);
        assert_eq!(base_direction("123 ..."), Direction::Ltr);
    }

    #[test]
    fn arabic_paragraph_opening_with_latin_is_rtl() {
        assert_eq!(
            base_direction("(AFP) - أكد الرئيس التركي أمس"),
            Direction::Rtl
        );
        assert_eq!(
            base_direction("Lavrov قال إن بلاده لديها مهام"),
            Direction::Rtl
        );
    }

    #[test]
    fn turkish_paragraph_with_an_arabic_name_stays_ltr() {
        assert_eq!(
            base_direction("Lavrov, لافروف olarak yazılır ve konuştu"),
            Direction::Ltr
        );
    }
}
