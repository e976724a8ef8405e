//! Byte pre-checks before the lexicon's string lookups.

use super::Lexicon;
use crate::extract::morph::Prefixes;

/// The opening bytes ([`Prefixes`]) of the sets the names scan asks about nearly every
/// token: most tokens open like none of their words, and are told so without hashing them
/// (those lookups were a tenth of an extraction). Made by [`Lexicon::load`] from the sets
/// it loads, which nothing changes after it.
#[derive(Debug, Default)]
pub(super) struct Openings {
    pub(super) title_first: Prefixes,
    pub(super) org_heads: Prefixes,
    pub(super) demonyms: Prefixes,
    pub(super) function_words: Prefixes,
    pub(super) place_first: Prefixes,
    pub(super) places: Prefixes,
    pub(super) stats: Prefixes,
    /// The speech verbs and the words before and after a place (`مدينة`, `şehrine`), in
    /// one set: asked about most Arabic tokens and every capitalised Latin one, and small.
    cue_words: Prefixes,
}

impl Openings {
    pub(super) fn of(lx: &Lexicon) -> Openings {
        let set = |words: &mut dyn Iterator<Item = &String>| {
            let mut p = Prefixes::default();
            words.for_each(|w| p.insert(w));
            p
        };
        Openings {
            title_first: set(&mut lx.title_first.iter()),
            org_heads: set(&mut lx.org_heads.iter()),
            demonyms: set(&mut lx.demonyms.iter()),
            function_words: set(&mut lx.function_words.iter()),
            place_first: set(&mut lx.place_first.iter()),
            places: set(&mut lx.places.keys()),
            stats: set(&mut lx.stats.keys()),
            cue_words: set(&mut lx
                .speech_verbs
                .iter()
                .chain(&lx.place_before)
                .chain(&lx.place_after)),
        }
    }
}

impl Lexicon {
    /// True when a folded word is the first word of a title cue (`title_first`).
    pub fn is_title_first(&self, key: &str) -> bool {
        self.openings.title_first.may_hold(key) && self.title_first.contains(key)
    }

    /// True when a folded word is an organisation head noun as it is (`org_heads`).
    pub fn is_org_head(&self, key: &str) -> bool {
        self.openings.org_heads.may_hold(key) && self.org_heads.contains(key)
    }

    /// True when a folded word is the first word of a place name (`place_first`).
    pub fn is_place_first(&self, key: &str) -> bool {
        self.openings.place_first.may_hold(key) && self.place_first.contains(key)
    }

    /// True when a folded Arabic word is a speech verb (`speech_verbs`: `قال`).
    pub fn is_speech_verb(&self, key: &str) -> bool {
        self.openings.cue_words.may_hold(key) && self.speech_verbs.contains(key)
    }

    /// True when a folded word names the kind of place the next word is (`place_before`:
    /// `مدينة`).
    pub fn is_place_before(&self, key: &str) -> bool {
        self.openings.cue_words.may_hold(key) && self.place_before.contains(key)
    }

    /// True when a folded word says the word before it is a place (`place_after`:
    /// `şehrine`).
    pub fn is_place_after(&self, key: &str) -> bool {
        self.openings.cue_words.may_hold(key) && self.place_after.contains(key)
    }

    /// True when some place name (`places`) is `key` or a prefix of it, cut anywhere: false
    /// tells, without a lookup, that no split of `key` names a place.
    pub fn may_hold_place_in(&self, key: &str) -> bool {
        self.openings.places.may_hold_a_prefix_of(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_a_set_passes_its_pre_check() {
        let lx = Lexicon::load();
        assert!(lx.title_first.iter().all(|k| lx.is_title_first(k)));
        assert!(lx.org_heads.iter().all(|k| lx.is_org_head(k)));
        assert!(lx.place_first.iter().all(|k| lx.is_place_first(k)));
        assert!(lx.demonyms.iter().all(|k| lx.is_demonym(k)));
        assert!(lx.speech_verbs.iter().all(|k| lx.is_speech_verb(k)));
        assert!(lx.place_before.iter().all(|k| lx.is_place_before(k)));
        assert!(lx.place_after.iter().all(|k| lx.is_place_after(k)));
        assert!(lx.function_words.iter().all(|k| lx.never_a_name(k)));
        for (k, &ix) in &lx.places {
            assert_eq!(lx.place(k), Some(ix), "{k}");
            // A place name followed by a suffix still passes the test for its splits.
            assert!(lx.may_hold_place_in(&format!("{k}nin")), "{k}");
        }
        for (k, s) in &lx.stats {
            assert_eq!(lx.stat(k).other, s.other, "{k}");
        }
    }

    #[test]
    fn ordinary_words_are_mostly_turned_away_before_a_lookup() {
        let lx = Lexicon::load();
        let words = [
            "ve", "bir", "bu", "icin", "ile", "olarak", "da", "de", "في", "من",
        ];
        let passed = |f: &dyn Fn(&str) -> bool| words.iter().filter(|w| f(w)).count();
        // A pre-check that let everything through would pass all ten.
        assert!(passed(&|w| lx.openings.title_first.may_hold(w)) <= 2);
        assert!(passed(&|w| lx.openings.org_heads.may_hold(w)) <= 2);
    }
}

#[cfg(test)]
mod load_tests {
    use super::*;

    #[test]
    fn loading_reads_the_counts_before_the_pre_checks_are_made() {
        // Abdullah II's last word is mostly an ordinary word (an ordinal): the counts keep it
        // out of the last words that name a known person. Read through the pre-checks before
        // they were made, the counts were all zero and let it in.
        let lx = Lexicon::load();
        let second = crate::text::fold_str("الثاني");
        assert!(lx.stat(&second).common());
        assert!(!lx.people_last.contains_key(&second));
    }
}
