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
    push_word_shape(word, out, None);
}

/// Like [`push_word_key`], and when `vowels` is given, appends one letter per gap around
/// the consonants (before the first, between each two, after the last) saying which vowels
/// the word writes there: see [`vowels_agree`]. The skeleton alone lets `Putin`, `Biden`
/// and Turkish `bütün` all meet بوتين (`btn`); the vowels tell them apart.
pub fn push_word_shape(word: &str, out: &mut String, vowels: Option<&mut String>) {
    // Presentation forms (`ﻻﻓﺮﻭﻑ`) are shaped as the letters they stand for, as they fold.
    if word.chars().any(super::fold::is_presentation_form) {
        let mut letters = String::with_capacity(word.len());
        for c in word.chars() {
            match super::fold::is_presentation_form(c) {
                true => super::fold::presentation_letters(c, |d| letters.push(d)),
                false => letters.push(c),
            }
        }
        return push_letters_shape(&letters, out, vowels);
    }
    push_letters_shape(word, out, vowels)
}

fn push_letters_shape(word: &str, out: &mut String, mut vowels: Option<&mut String>) {
    let word = strip_article(word);
    let mut chars = word.chars().peekable();
    let mut last = 0u8;
    let mut gap = 0u8;
    while let Some(c) = chars.next() {
        let class = class_of(c);
        // A Latin digraph such as `sh` or `kh` is one sound: skip its `h`.
        let digraph = matches!(
            c.to_ascii_lowercase(),
            's' | 'c' | 'k' | 'g' | 't' | 'z' | 'd'
        );
        if digraph {
            let _h = chars.next_if(|n| n.eq_ignore_ascii_case(&'h'));
        }
        if class >= CONSONANT {
            // A doubled consonant is one, and so is the gap around it.
            if last != class {
                if let Some(v) = vowels.as_deref_mut() {
                    v.push(char::from(b'a' + gap));
                }
                gap = 0;
                out.push(char::from(class));
            }
            last = class;
        } else {
            gap |= class;
        }
    }
    if let Some(v) = vowels {
        v.push(char::from(b'a' + gap));
    }
}

/// Classes at or above this are consonant class letters; below, vowel bits.
const CONSONANT: u8 = b'a';

/// A character's class: its consonant class letter, its vowel bits, or 0. Tables for
/// Latin (with Turkish) and the Arabic block: a match per character was a sixth of the
/// time of `okur find --stdin` on Arabic lines.
fn class_of(c: char) -> u8 {
    let i = c as usize;
    match (
        LATIN.get(i),
        i.checked_sub(0x600).and_then(|a| ARABIC.get(a)),
    ) {
        (Some(&k), _) | (None, Some(&k)) => k,
        _ => class_slow(c),
    }
}

const fn class_slow(c: char) -> u8 {
    match consonant_class(c) {
        Some(k) => k as u8,
        None => vowel_class(c),
    }
}

const fn table<const N: usize>(start: u32) -> [u8; N] {
    let mut t = [0u8; N];
    // A u32 counter (widened to index): `try_from` is not usable in a const fn.
    let mut i: u32 = 0;
    while (i as usize) < N {
        if let Some(c) = char::from_u32(start + i) {
            t[i as usize] = class_slow(c);
        }
        i += 1;
    }
    t
}

static LATIN: [u8; 0x250] = table(0);
static ARABIC: [u8; 0x100] = table(0x600);

/// Vowel bits: Latin a, e, i (ı, y), o (u, ö, ü, w); Arabic ا (ى, ة) shares `a`'s bit,
/// ي `i`'s and و `o`'s.
const VA: u8 = 1;
const VE: u8 = 2;
const VI: u8 = 4;
const VO: u8 = 8;

const fn vowel_class(c: char) -> u8 {
    match c {
        'a' | 'A' | 'â' | 'Â' | 'á' | 'à' | 'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' | 'ة' => {
            VA
        }
        'e' | 'E' | 'é' | 'è' | 'ê' | 'ë' => VE,
        'i' | 'I' | 'ı' | 'İ' | 'î' | 'Î' | 'í' | 'y' | 'Y' | 'ي' | 'ی' => VI,
        'o' | 'O' | 'ö' | 'Ö' | 'ó' | 'u' | 'U' | 'ü' | 'Ü' | 'û' | 'ú' | 'w' | 'W' | 'و' => {
            VO
        }
        _ => 0,
    }
}

/// True when an Arabic word's vowel letters (gap letters from [`push_word_shape`]) can be
/// written by a Latin word of the same skeleton, in gaps `1..gaps`: Arabic writes long
/// vowels only, so every gap where the Arabic word writes و needs an o/u in the Latin one,
/// ي needs an i/e/y, and ا any vowel (ـيا at the end of the Arabic word, as in أوكرانيا /
/// Ukrayna, any vowel too). Latin vowels where Arabic writes none are short vowels and
/// always agree; the gap before the first consonant is not compared (hamza seats, the
/// conjunction و). `false` when either has fewer than `gaps` gaps.
pub fn vowels_agree(arabic: &str, latin: &str, gaps: usize) -> bool {
    let (a, l) = (arabic.as_bytes(), latin.as_bytes());
    if a.len() < gaps || l.len() < gaps {
        return false;
    }
    let last = a.len().saturating_sub(1);
    (1..gaps).all(|k| {
        let ar = a[k].wrapping_sub(b'a');
        let la = l[k].wrapping_sub(b'a');
        let ending = k == last && ar & VA != 0;
        (ar & VO == 0 || la & VO != 0)
            && (ar & VI == 0 || la & (VI | VE) != 0 || (ending && la != 0))
            && (ar & VA == 0 || la != 0)
    })
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
const fn consonant_class(c: char) -> Option<char> {
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

    fn shape(word: &str) -> (String, String) {
        let (mut skel, mut vowels) = (String::new(), String::new());
        super::push_word_shape(word, &mut skel, Some(&mut vowels));
        (skel, vowels)
    }

    fn agree(latin: &str, arabic: &str) -> bool {
        let (l, a) = (shape(latin), shape(arabic));
        l.0 == a.0 && super::vowels_agree(&a.1, &l.1, a.1.len())
    }

    #[test]
    fn vowels_tell_names_of_one_skeleton_apart() {
        for (latin, arabic) in [
            ("Putin", "بوتين"),
            ("Biden", "بايدن"),
            ("Lavrov", "لافروف"),
            ("Erdoğan", "أردوغان"),
            ("Sergey", "سيرغي"),
            ("Trump", "ترامب"),
            ("Ukrayna", "أوكرانيا"),
            ("Netanyahu", "نتنياهو"),
            ("Mohammed", "محمد"),
            ("Aliyev", "علييف"),
            ("Paşinyan", "باشينيان"),
        ] {
            assert!(agree(latin, arabic), "{latin} / {arabic}");
        }
        for (latin, arabic) in [("Biden", "بوتين"), ("bütün", "بوتين"), ("Putin", "بايدن")]
        {
            assert!(!agree(latin, arabic), "{latin} / {arabic}");
        }
    }

    #[test]
    fn class_tables_agree_with_the_matches() {
        for c in ('\0'..='\u{24F}').chain('\u{600}'..='\u{6FF}') {
            assert_eq!(super::class_of(c), super::class_slow(c), "{c:?}");
        }
        assert_eq!(super::class_of('ڤ'), b'f');
        assert_eq!(super::class_of('€'), 0);
    }

    #[test]
    fn different_names_differ() {
        assert_ne!(name_key("Putin"), name_key("Lavrov"));
        assert_ne!(name_key("Aliyev"), name_key("Erdoğan"));
    }
}
