//! The tense around a date, which tells a bare weekday or month which way to go from the
//! dateline: Turkish by the verb that follows it in the sentence (future `-acak/-ecek`, past
//! `-dı/-miş/-dığı`), Arabic by a future marker before or after it (`سوف`, `سـ` on an
//! imperfect verb: `سيعقد`, `ستبدأ`).

use super::super::token::Tokens;
use super::words::Dir;
use crate::text::has_sentence_end;

/// How many words the search looks at on each side.
const REACH: usize = 14;

/// Folded Turkish past endings of a finite or nominalised verb (vowel harmony folded: ı→i, ü→u).
const TR_PAST: &[&str] = &[
    "di",
    "du",
    "ti",
    "tu",
    "dik",
    "duk",
    "tik",
    "tuk",
    "dim",
    "dum",
    "tim",
    "tum",
    "diler",
    "dular",
    "tiler",
    "tular",
    "dir",
    "mis",
    "mus",
    "misti",
    "mustu",
    "digi",
    "dugu",
    "tigi",
    "tugu",
    "digini",
    "dugunu",
    "tigini",
    "tugunu",
    "diklari",
    "duklari",
    "tiklari",
    "tuklari",
    "diklarini",
    "duklarini",
    "dikten",
    "duktan",
    "tikten",
    "tuktan",
    "disti",
    "dustu",
];

/// Words that end like a past verb but are none (`kendi` "self", `şimdi` "now").
const TR_NOT_VERB: &[&str] = &["kendi", "simdi", "ordu", "yedi", "hindi", "kadi", "mehdi"];

fn tr_future(key: &str) -> bool {
    ["acak", "ecek", "acag", "eceg"]
        .iter()
        .any(|m| key.find(m).is_some_and(|at| at >= 2))
}

fn tr_past(key: &str) -> bool {
    key.chars().count() >= 4
        && !TR_NOT_VERB.contains(&key)
        && TR_PAST
            .iter()
            .any(|e| key.ends_with(e) && key.len() > e.len() + 1)
}

/// `سـ` on an imperfect verb: `س` then `ي/ت/ن/ا`; nouns that start alike (`سياسة`, `سنوات`,
/// `ستين`) end in `ة`, `ات` or `ين`, which a verb of this shape does not.
fn ar_future(key: &str) -> bool {
    if key == "سوف" {
        return true;
    }
    let Some(rest) = key.strip_prefix('س') else {
        return false;
    };
    rest.starts_with(['ي', 'ت', 'ن', 'ا'])
        && rest.chars().count() >= 3
        && !(key.ends_with('ه') || key.ends_with("ات") || key.ends_with("ين"))
}

/// The tense of the sentence around tokens `first..=last`, if one shows; `is_name` keeps
/// names that look like a future verb (`سيرغي` Sergey) from counting.
pub fn tense(
    text: &str,
    toks: &Tokens,
    first: usize,
    last: usize,
    is_name: &dyn Fn(&str) -> bool,
) -> Option<Dir> {
    let ar_future = |k: &str| ar_future(k) && !is_name(k);
    let gap = |j: usize| &text[toks.toks[j - 1].end()..toks.toks[j].start()];
    if toks.toks[first].arabic {
        let mut j = first;
        for _ in 0..REACH {
            if j == 0 || has_sentence_end(gap(j)) {
                break;
            }
            j -= 1;
            if ar_future(toks.key(j)) {
                return Some(Dir::Next);
            }
        }
    }
    for j in (last + 1..toks.len()).take(REACH) {
        if has_sentence_end(gap(j)) {
            break;
        }
        let key = toks.key(j);
        if toks.toks[j].arabic {
            if ar_future(key) {
                return Some(Dir::Next);
            }
        } else if tr_future(key) {
            return Some(Dir::Next);
        } else if tr_past(key) {
            return Some(Dir::Past);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> Option<Dir> {
        let toks = Tokens::new(text);
        let i = toks
            .toks
            .iter()
            .position(|t| &text[t.start()..t.end()] == word)
            .expect("word in text");
        tense(text, &toks, i, i, &|k| k == "سيرغي")
    }

    #[test]
    fn turkish_tense_from_the_following_verb() {
        assert_eq!(
            at("Bakan perşembe günü Ankara'ya gidecek.", "perşembe"),
            Some(Dir::Next)
        );
        assert_eq!(
            at("Bakan perşembe günü Ankara'ya gitti.", "perşembe"),
            Some(Dir::Past)
        );
        assert_eq!(
            at("Toplantının Mart ayında yapılacağını söyledi.", "Mart"),
            Some(Dir::Next)
        );
        assert_eq!(
            at("Kendi evinde pazartesi. Sonra gitti.", "pazartesi"),
            None
        );
    }

    #[test]
    fn arabic_future_markers() {
        assert_eq!(at("سيعقد الاجتماع الأحد في القاهرة", "الأحد"), Some(Dir::Next));
        assert_eq!(
            at("سوف يزور الوزير أنقرة الخميس", "الخميس"),
            Some(Dir::Next)
        );
        assert_eq!(at("عقد الاجتماع الأحد في القاهرة", "الأحد"), None);
        assert_eq!(at("السياسة الخارجية الأحد", "الأحد"), None);
        assert_eq!(at("قال سيرغي لافروف، الخميس، إن", "الخميس"), None);
    }
}
