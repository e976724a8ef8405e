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
    decide(text, None)
}

/// Like [`base_direction`], for a paragraph of a document whose own direction is
/// `document`: the majority overrules the first strong letter only towards the document's
/// direction (an Arabic paragraph that opens with a Latin name is Arabic, but a Turkish
/// title quoting a longer Arabic headline stays Turkish); a paragraph with no strong
/// character at all (a bullet with a date, a lone number) takes `document`.
pub fn paragraph_direction(text: &str, document: Direction) -> Direction {
    decide(text, Some(document))
}

fn decide(text: &str, document: Option<Direction>) -> Direction {
    let (mut rtl_words, mut ltr_words) = (0usize, 0usize);
    for word in text.split_whitespace() {
        match first_strong(word) {
            Some(Direction::Rtl) => rtl_words += 1,
            Some(Direction::Ltr) => ltr_words += 1,
            None => {}
        }
    }
    let towards = |dir: Direction| document.is_none_or(|d| d == dir);
    match first_strong(text) {
        Some(Direction::Ltr) if rtl_words > ltr_words && towards(Direction::Rtl) => Direction::Rtl,
        Some(Direction::Rtl) if ltr_words > 2 * rtl_words && towards(Direction::Ltr) => {
            Direction::Ltr
        }
        Some(dir) => dir,
        None => document.unwrap_or(Direction::Ltr),
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
    fn the_majority_overrules_only_towards_the_documents_direction() {
        let title = "Fidan–Lavrov görüşmesi | فيدان يلتقي لافروف في موسكو 2025";
        assert_eq!(paragraph_direction(title, Direction::Ltr), Direction::Ltr);
        assert_eq!(paragraph_direction(title, Direction::Rtl), Direction::Rtl);
        let arabic = "Lavrov قال إن بلاده لديها مهام";
        assert_eq!(paragraph_direction(arabic, Direction::Rtl), Direction::Rtl);
        assert_eq!(paragraph_direction("2020", Direction::Rtl), Direction::Rtl);
    }

    #[test]
    fn turkish_paragraph_with_an_arabic_name_stays_ltr() {
        assert_eq!(
            base_direction("Lavrov, لافروف olarak yazılır ve konuştu"),
            Direction::Ltr
        );
    }
}
