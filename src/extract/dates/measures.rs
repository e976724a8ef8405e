//! Words that count or measure (`kişi`, `asker`, `dolar`, `ton`, `شخص`, `دولار`, `كيلومتر`):
//! a number just before one is a quantity, not a year (`2000 kişi katıldı`, `1500 dolar`,
//! `1800 كيلومتر`). The words are the `measure` lines of `assets/dates/words.tsv`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::super::names::orig_len;
use super::super::token::Tokens;
use super::endings::fits;
use super::letters::{agree, tr_letters};
use crate::text::fold_str;

/// The measure words: Turkish by folded stem with their letters, Arabic folded.
struct Measures {
    turkish: HashMap<String, String>,
    arabic: HashSet<String>,
}

static MEASURES: LazyLock<Measures> = LazyLock::new(|| {
    let mut m = Measures {
        turkish: HashMap::new(),
        arabic: HashSet::new(),
    };
    for line in super::words::WORDS.lines() {
        let mut f = line.split('\t');
        let (Some("measure"), Some(_), Some(word)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let word = word.trim();
        if word.chars().any(crate::text::is_arabic) {
            m.arabic.insert(fold_str(word));
        } else {
            m.turkish.insert(fold_str(word), tr_letters(word));
        }
    }
    m
});

/// Folded endings a counted word takes after its number: none, the adjective `-lik`
/// (`2000 kişilik` "for 2,000 people", `1500 dolarlık`) and the case endings that leave it a
/// count (`2000 kişiye`, `1500 dolardan`). Not `-i`/`-si`: `askeri` is also "military", and
/// `1980 askeri darbesi` is a year's coup.
const MEASURE_ENDINGS: &[&str] = &[
    "lik", "luk", "a", "e", "ya", "ye", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "yla",
    "yle",
];

/// Token `k` is a measure word, as written: a Turkish stem with no ending or one of
/// [`MEASURE_ENDINGS`], whose letters are the list's; an Arabic word as listed or with the
/// accusative `ا`. A Turkish word typed without its letters matches by its fold: the caller
/// asks only about a word the date words did not take (`kisi` is `kışı` too, unless a verb
/// of people follows).
pub(super) fn is_measure(text: &str, toks: &Tokens, k: usize) -> bool {
    let Some(t) = toks.toks.get(k) else {
        return false;
    };
    let key = toks.key(k);
    if t.arabic {
        let m = &MEASURES.arabic;
        return m.contains(key) || key.strip_suffix('ا').is_some_and(|s| m.contains(s));
    }
    let Some(written) = text.get(t.start()..t.end()) else {
        return false;
    };
    (1..=key.len())
        .rev()
        .filter(|&s| key.is_char_boundary(s))
        .filter_map(|s| {
            let (stem, ending) = key.split_at(s);
            let ends =
                ending.is_empty() || (MEASURE_ENDINGS.contains(&ending) && fits(stem, ending));
            ends.then(|| MEASURES.turkish.get(stem).map(|l| (s, l)))
                .flatten()
        })
        .any(|(s, letters)| {
            let stem = written.get(..orig_len(written, s)).unwrap_or(written);
            // Typed without Turkish letters a word matches by its fold (`ogrenci`); where
            // that fold is also a date word's (`kisi`), the date words decide first.
            stem.is_ascii() || agree(stem, letters)
        })
}
