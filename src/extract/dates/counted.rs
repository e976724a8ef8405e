//! A number before a noun: what the noun's form says about the number (issue 15). A year
//! before a Turkish noun heads a compound, so the noun carries the compound's possessive
//! (`2018 seçimleri`, `1999 depreminde`, `2005 şampiyonluğunu`), maybe after bare modifiers
//! (`2016 darbe girişimi`, `1980 askeri darbesi`); a count stands before a bare noun, in the
//! nominative or with a case ending alone (`2000 araç girdi`, `1700 aileye`). The nouns are
//! the ordinary words of the Hunspell list (`assets/cues/ordinary_tr.txt`), so no counted noun
//! needs listing; a word it does not know decides nothing. Arabic is left to the measure
//! words: its ordinary words hold verbs and particles that follow years (`2007 جرى`,
//! `2006 أصبح`, `هزيمة 1967 شعر`), and the same reading cost more years than it found counts.

use super::endings::{ENDINGS, fits};
use super::rules::Rules;

/// Folded Turkish endings that hold the third-person possessive, the compound's mark, alone
/// or with a case ending after it (`-i`, `-si`, `-leri`, `-sinde`, `-lerini`, `-iyle`).
const POSSESSIVES: [&str; 6] = ["i", "u", "si", "su", "lari", "leri"];

/// What may follow [`POSSESSIVES`]: nothing, a case ending after the buffer `n`, `-yla`.
const AFTER_POSSESSIVE: [&str; 15] = [
    "", "na", "ne", "ni", "nu", "nda", "nde", "ndan", "nden", "nin", "nun", "yla", "yle", "ndaki",
    "ndeki",
];

/// The plural with or without a case ending, which Turkish never puts on a counted noun
/// (`2000 araç`, not `araçlar`).
const PLURALS: [&str; 12] = [
    "lar", "ler", "lara", "lere", "larda", "lerde", "lardan", "lerden", "larin", "lerin", "larla",
    "lerle",
];

/// The folded ending holds the possessive or the plural: the noun heads a compound.
fn possessed(ending: &str) -> bool {
    PLURALS.contains(&ending)
        || POSSESSIVES.iter().any(|p| {
            ending
                .strip_prefix(p)
                .is_some_and(|rest| AFTER_POSSESSIVE.contains(&rest))
        })
}

/// Folded Turkish case endings on a bare noun (dative, locative, ablative, instrumental,
/// accusative and genitive after a vowel): `2000 kişiye`, `1700 aileye`, `1800 müşteriden`.
const CASES: &[&str] = &[
    "a", "e", "ya", "ye", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "la", "le", "yla",
    "yle", "yi", "yu", "nin", "nun",
];

/// Folded Turkish postpositions and particles the Hunspell list holds as words; after a
/// number they leave it what it was (`2023 olarak`, `2019 gibi`).
const TR_PARTICLES: &[&str] = &[
    "kadar", "olarak", "uzere", "beri", "itibaren", "dek", "degin", "karsi", "dogru", "ait",
    "dair", "once", "sonra", "gibi", "bile", "dahi", "ama", "olan", "haric", "dahil",
];

/// How a Turkish word after a number reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// An ordinary word as it stands: a counted noun, or a modifier in a compound.
    Bare,
    /// An ordinary noun with a case ending and no possessive: counted.
    Cased,
    /// An ordinary noun with the possessive or the plural: a compound's head.
    Possessed,
    /// A word the list does not know, a particle, or a derived adjective (`1995 doğumlu`,
    /// `1500 yataklı`), which follows years and counts alike.
    Other,
}

impl Rules<'_> {
    /// A number with no suffix of its own, right before token `k`, counts the Turkish word
    /// there: a bare noun that heads no compound, or a noun with a case ending alone.
    pub(super) fn counts_noun(&self, k: usize) -> bool {
        if !self.plain_word(k) {
            return false;
        }
        match self.tr_form(k) {
            Form::Cased => true,
            Form::Bare => !self.compound_after(k),
            Form::Possessed | Form::Other => false,
        }
    }

    /// A word with the possessive follows the bare word `k` through at most one more bare
    /// word: `2016 darbe girişimi`, `2014 yerel seçimlerinde`, `1980 askeri darbesi`. A
    /// word with a case ending ends the phrase (`1700 aileye gıda yardımı`).
    fn compound_after(&self, k: usize) -> bool {
        for j in k + 1..k + 3 {
            if !self.plain_word(j) {
                return false;
            }
            match self.tr_form(j) {
                Form::Possessed => return true,
                Form::Bare => {}
                Form::Cased | Form::Other => return false,
            }
        }
        false
    }

    /// True when token `k` is a lowercase Latin word right after the one before it, with no
    /// apostrophe suffix and no date word's class: a word whose form can be read.
    fn plain_word(&self, k: usize) -> bool {
        self.toks.toks.get(k).is_some_and(|t| {
            self.tight(k) && self.cls(k).is_none() && !t.cap && !t.arabic && !t.has_suffix()
        })
    }

    /// The form of the Turkish word `k` by its folded key. A reading with the possessive
    /// wins over the others (the year stays, as before the rule): `askeri` is "military" and
    /// asker + i, `göçü` is in the list and is göç + ü, `kapı` "door" and kap + ı.
    fn tr_form(&self, k: usize) -> Form {
        let key = self.toks.key(k);
        let known = |s: &str| self.lx.ordinary_tr.contains(s);
        // A case ending or the clitic `de`/`da` "too" written apart (`1991 den`, `2000 de`)
        // belongs to the number.
        if TR_PARTICLES.contains(&key)
            || self.lx.function_words.contains(key)
            || ENDINGS.contains(key)
        {
            return Form::Other;
        }
        let mut form = Form::Other;
        if known(key) {
            // A derived adjective or a participle (`1995 doğumlu`, `1994 kapatılan`,
            // `2016 yaşanan`, `2000 kaybedilmiş`) follows years and counts alike.
            let derived = [
                "li", "lu", "lik", "luk", "an", "en", "yan", "yen", "mis", "mus",
            ]
            .iter()
            .any(|e| key.strip_suffix(e).is_some_and(known));
            form = if derived { Form::Other } else { Form::Bare };
        }
        for s in (1..key.len()).rev().filter(|&s| key.is_char_boundary(s)) {
            let (stem, ending) = key.split_at(s);
            let read = if possessed(ending) {
                Form::Possessed
            } else if CASES.contains(&ending) && form == Form::Other {
                Form::Cased
            } else {
                continue;
            };
            if fits(stem, ending) && (known(stem) || unvoiced(stem).is_some_and(|u| known(&u))) {
                if read == Form::Possessed {
                    return read;
                }
                form = read;
            }
        }
        form
    }
}

/// `stem` with a last g or b put back to the k or p it stands for before a vowel
/// (`şampiyonluğu`, `kitabı`: ğ folds to g). Not d for t: a verb's past `-dı` would read as
/// a possessive (`aldı` as alt + ı).
fn unvoiced(stem: &str) -> Option<String> {
    let last = stem.chars().next_back()?;
    let head = stem.get(..stem.len() - last.len_utf8())?;
    let back = match last {
        'g' => 'k',
        'b' => 'p',
        _ => return None,
    };
    Some(format!("{head}{back}"))
}
