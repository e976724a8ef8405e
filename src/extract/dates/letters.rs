//! Turkish date words whose letters say more than their fold: `kış` "winter" and `kişi`
//! "person" both fold to `kis…`, `kısa` "short" folds like `kış` + `a`. A word written with
//! Turkish letters must have the lexicon word's letters, dotted and dotless i included; only
//! a capital `I`, which writers without a Turkish keyboard type for `İ` as well, stands for
//! either.

/// One letter of a word as written, against the lexicon's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Letter {
    Is(char),
    /// A capital `I`: `ı` in Turkish, `i` on an English keyboard.
    AnyI,
}

/// The letters of `s` lower-cased the Turkish way (`I` is `ı`, `İ` is `i`), circumflexes
/// dropped (`hâlâ` is written both ways).
pub(super) fn tr_letters(s: &str) -> String {
    letters(s)
        .map(|l| match l {
            Letter::Is(c) => c,
            Letter::AnyI => 'ı',
        })
        .collect()
}

fn letters(s: &str) -> impl Iterator<Item = Letter> + '_ {
    s.chars().map(|c| match c {
        'I' => Letter::AnyI,
        'İ' | 'î' | 'Î' => Letter::Is('i'),
        'â' | 'Â' => Letter::Is('a'),
        'û' | 'Û' => Letter::Is('u'),
        c => {
            // Turkish and Latin capitals lower-case to one letter (`İ`, which does not, is above).
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => Letter::Is(x),
                _ => Letter::Is(c),
            }
        }
    })
}

/// `orig`, as written, has the letters `want` (made by [`tr_letters`]).
pub(super) fn agree(orig: &str, want: &str) -> bool {
    let mut w = want.chars();
    letters(orig).all(|l| {
        let Some(x) = w.next() else {
            return false;
        };
        match l {
            Letter::Is(c) => c == x,
            Letter::AnyI => x == 'i' || x == 'ı',
        }
    }) && w.next().is_none()
}

/// Folded openings of verbs whose subject is a number of people (`katıldı` "took part",
/// `toplandı` "gathered", `yaralandı` "were hurt", `gözaltına alındı` "were detained").
const PEOPLE_VERBS: &[&str] = &[
    "katil",
    "toplan",
    "yaralan",
    "gozaltina",
    "tutuklan",
    "hayatini",
    "oldu",
    "kurtaril",
    "tahliye",
    "yakalan",
    "bulundu",
    "bulunan",
    "etkilen",
];

/// Token `i`, a date word typed without Turkish letters that is also another word's form
/// (`kisi`: `kışı` "its winter", `kişi` "person"), sits between a number and a verb of
/// people: `2000 kisi katildi` counts people. A careful reader takes the count there, as a
/// winter is not what takes part, gathers or is hurt; with no such verb (`2019 kisi cok
/// soguk gecti`) the year's season stands.
pub(super) fn counted_people(toks: &super::super::token::Tokens, i: usize) -> bool {
    let number_before = i > 0 && toks.toks[i - 1].digits;
    let verb_after = (i + 1 < toks.len())
        .then(|| toks.key(i + 1))
        .is_some_and(|k| PEOPLE_VERBS.iter().any(|v| k.starts_with(v)));
    number_before && verb_after
}

/// Token `i`, a date word with an ending typed without Turkish letters that is also another
/// word's form (`kisi`), follows a demonstrative: `bu kisi` is "this person". The season
/// with the possessive (`kışı`, "its winter") needs an owner before it (`2019 kışı`), which
/// `bu`, `şu` or `o` is not; "this winter" is `bu kış`, without it.
pub(super) fn pointed_at(toks: &super::super::token::Tokens, i: usize) -> bool {
    i > 0 && ["bu", "su", "o"].contains(&toks.key(i - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_and_dotless_i_are_told_apart_unless_a_capital_i_is_written() {
        let kis = tr_letters("kış");
        assert_eq!(kis, "kış");
        assert!(agree("kış", &kis));
        assert!(agree("Kış", &kis));
        assert!(agree("KIŞ", &kis));
        assert!(!agree("kiş", &kis), "the stem of `kişi`");
        assert!(!agree("KİŞ", &kis), "the stem of `KİŞİ`");
        assert!(!agree("kışı", &kis));
        assert!(!agree("kı", &kis));
        assert_eq!(tr_letters("Şubat"), "şubat");
        assert!(agree("ŞUBAT", &tr_letters("Şubat")));
        assert!(agree("hâlâ", &tr_letters("hala")));
    }
}
