//! A consonant skeleton shared by the Latin and Arabic spellings of a name.
//!
//! Vowels are dropped (Arabic writes few of them), letters that Arabic and Turkish/English
//! spellings swap are merged into one class (p/b, v/f, d/t, g/k/q/غ/ق, s/z/ş/ص/ز/ث/ذ, c/ç/j/ج,
//! h/ح/خ/ه), digraphs (sh, ch, kh, gh, th) count once, doubled letters once, and the article
//! (`al-`, `el-`, ال) is dropped. So `Lavrov` and لافروف are both `lfrf`, `Putin` and بوتين
//! `btn`, `Erdoğan` and أردوغان `rtkn`.

/// The consonant skeleton of each word, joined by single spaces.
pub fn name_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .map(word_key)
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_key(word: &str) -> String {
    let mut key = String::new();
    push_word_key(word, &mut key);
    key
}

/// Appends the consonant skeleton of one word (no separators inside) to `out`, without
/// allocating: the building block of [`name_key`] for indexes that store many skeletons.
pub fn push_word_key(word: &str, out: &mut String) {
    let word = strip_article(word);
    let mut chars = word.chars().peekable();
    let mut last = None;
    while let Some(c) = chars.next() {
        let class = consonant_class(c);
        // A Latin digraph such as `sh` or `kh` is one sound: skip its `h`.
        let digraph = matches!(
            c.to_ascii_lowercase(),
            's' | 'c' | 'k' | 'g' | 't' | 'z' | 'd'
        ) && chars.peek().is_some_and(|n| n.eq_ignore_ascii_case(&'h'));
        if digraph {
            chars.next();
        }
        if let Some(k) = class {
            if last != Some(k) {
                out.push(k);
            }
            last = Some(k);
        }
    }
}

fn strip_article(word: &str) -> &str {
    for article in ["ال", "al", "Al", "el", "El"] {
        if let Some(rest) = word.strip_prefix(article) {
            let arabic = article == "ال";
            if (arabic && rest.chars().count() >= 2) || (!arabic && rest.is_empty()) {
                return if rest.is_empty() { word } else { rest };
            }
        }
    }
    word
}

/// The class letter of a consonant, or `None` for vowels, semivowels and marks.
fn consonant_class(c: char) -> Option<char> {
    let class = match c {
        'b' | 'B' | 'p' | 'P' | 'ب' | 'پ' => 'b',
        't' | 'T' | 'd' | 'D' | 'ت' | 'د' | 'ط' | 'ض' => 't',
        'k' | 'K' | 'g' | 'G' | 'q' | 'Q' | 'ğ' | 'Ğ' | 'ك' | 'ق' | 'غ' | 'گ' | 'ک' => 'k',
        's' | 'S' | 'z' | 'Z' | 'ş' | 'Ş' | 'س' | 'ش' | 'ص' | 'ز' | 'ث' | 'ذ' | 'ظ' => 's',
        'c' | 'C' | 'ç' | 'Ç' | 'j' | 'J' | 'ج' | 'چ' | 'ژ' => 'j',
        'f' | 'F' | 'v' | 'V' | 'ف' | 'ڤ' => 'f',
        'h' | 'H' | 'x' | 'X' | 'ح' | 'خ' | 'ه' => 'h',
        'l' | 'L' | 'ل' => 'l',
        'm' | 'M' | 'م' => 'm',
        'n' | 'N' | 'ن' => 'n',
        'r' | 'R' | 'ر' => 'r',
        _ => return None,
    };
    Some(class)
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn latin_and_arabic_spellings_meet() {
        for (latin, arabic) in [
            ("Lavrov", "لافروف"),
            ("Putin", "بوتين"),
            ("Erdoğan", "أردوغان"),
            ("Vladimir Putin", "فلاديمير بوتين"),
            ("Sergey Lavrov", "سيرغي لافروف"),
            ("Mohammed", "محمد"),
        ] {
            assert_eq!(name_key(latin), name_key(arabic), "{latin} / {arabic}");
        }
    }

    #[test]
    fn different_names_differ() {
        assert_ne!(name_key("Putin"), name_key("Lavrov"));
        assert_ne!(name_key("Aliyev"), name_key("Erdoğan"));
    }
}
