//! The word lists extraction uses, embedded at build time and parsed once by
//! [`Lexicon::load`]. Every key is a [`fold_str`] key, so lookups ignore case, Turkish
//! dotted/dotless I, Latin diacritics and Arabic spelling variants.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::fold_str;

mod openings;
mod variants;

const PLACES: &str = include_str!("../../assets/gazetteer/places.tsv");
const PLACES_EXTRA: &str = include_str!("../../assets/gazetteer/places_extra.tsv");
const GIVEN_TR: &str = include_str!("../../assets/gazetteer/given_tr.txt");
const GIVEN_AR: &str = include_str!("../../assets/gazetteer/given_ar.txt");
const NAME_STATS: &str = include_str!("../../assets/gazetteer/name_stats.tsv");
const PEOPLE: &str = include_str!("../../assets/gazetteer/people.tsv");
const TITLES_TR: &str = include_str!("../../assets/cues/titles_tr.txt");
const TITLES_AR: &str = include_str!("../../assets/cues/titles_ar.txt");
const FUNCTION_WORDS_TR: &str = include_str!("../../assets/cues/function_words_tr.txt");
const SPEECH_AR: &str = include_str!("../../assets/cues/speech_ar.txt");
const DEMONYMS_TR: &str = include_str!("../../assets/cues/demonyms_tr.txt");
const ORG_HEADS: &str = include_str!("../../assets/cues/org_heads.txt");
const PLACE_CUES: &str = include_str!("../../assets/cues/place_cues.txt");
const ORDINARY_TR: &str = include_str!("../../assets/cues/ordinary_tr.txt");
const MONTHS: &str = include_str!("../../assets/dates/months.tsv");
const WEEKDAYS: &str = include_str!("../../assets/dates/weekdays.tsv");

/// Every embedded lexicon file, for the extraction cache's fingerprint.
pub(super) const EMBEDDED: [&str; 16] = [
    PLACES,
    PLACES_EXTRA,
    GIVEN_TR,
    GIVEN_AR,
    NAME_STATS,
    PEOPLE,
    TITLES_TR,
    TITLES_AR,
    FUNCTION_WORDS_TR,
    SPEECH_AR,
    DEMONYMS_TR,
    ORG_HEADS,
    PLACE_CUES,
    ORDINARY_TR,
    MONTHS,
    WEEKDAYS,
];

/// A small, fast hasher for short string keys (FxHash).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash map with [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// Hash set with [`FxHasher`].
pub type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Training counts for one token: begins a person, inside a person, place, anything else.
#[derive(Debug, Clone, Copy, Default)]
pub struct NameStats {
    /// Times the token began a person name.
    pub begin: u32,
    /// Times it continued a person name.
    pub inside: u32,
    /// Times it was (part of) a place.
    pub place: u32,
    /// Times it was anything else.
    pub other: u32,
}

impl NameStats {
    /// True when the token is mostly a person name (seen at least `min` times as one).
    pub fn personish(&self, min: u32) -> bool {
        let per = self.begin + self.inside;
        per >= min && per > 2 * (self.place + self.other)
    }

    /// True when the token is a frequent ordinary word that only rarely names a person
    /// (`علي` is mostly the preposition على in Egyptian spelling; `الثاني` is an ordinal).
    pub fn common(&self) -> bool {
        self.other >= 20 && (self.begin + self.inside) * 4 < self.other
    }
}

/// All embedded lexicons, keyed by folded text.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Place name (folded, words joined by single spaces) -> index into `place_names`.
    pub places: FxMap<String, u32>,
    /// Canonical place names.
    pub place_names: Vec<String>,
    /// First words of place names, to skip n-gram lookups early.
    pub place_first: FxSet<String>,
    /// Proper word-boundary prefixes of multi-word place names (`kuzey`, `kuzey kibris`).
    pub place_prefix: FxSet<String>,
    /// Given names: Turkish, and Arabic (`محمد`, `جورج`). Arabic has no capitals, so an
    /// Arabic one is a weaker cue: the list leaves out names that are mostly ordinary words.
    pub given: FxSet<String>,
    /// Per-token training counts.
    pub stats: FxMap<String, NameStats>,
    /// Curated people: folded full name (either script) -> canonical Latin name.
    pub people: FxMap<String, String>,
    /// Last words of curated people's names -> canonical name.
    pub people_last: FxMap<String, String>,
    /// Title cues, folded, multi-word joined by spaces.
    pub titles: FxSet<String>,
    /// First words of title cues.
    pub title_first: FxSet<String>,
    /// Organisation head nouns.
    pub org_heads: FxSet<String>,
    /// Turkish nationality and group words (`kurt`, `ingiliz`).
    pub demonyms: FxSet<String>,
    /// Turkish pronouns, conjunctions and interjections (`ben`, `peki`): never a name.
    pub function_words: FxSet<String>,
    /// Arabic speech verbs (`قال`), a weak cue for a following name.
    pub speech_verbs: FxSet<String>,
    /// Ordinary Turkish words (Hunspell stems), which a lone surname may also be.
    pub ordinary_tr: FxSet<String>,
    /// Words that follow a Turkish place name.
    pub place_after: FxSet<String>,
    /// Words that precede an Arabic place name.
    pub place_before: FxSet<String>,
    /// Month names -> month number.
    pub months: Vec<(String, u32)>,
    /// Weekday names (folded) -> 0 = Monday.
    pub weekdays: FxMap<String, u32>,
    /// Place names two places share (عمان: Oman, Amman), for linking to tell apart.
    pub homographs: super::homograph::PlaceHomographs,
    /// The opening bytes of the words of some sets above, tested before a string lookup.
    openings: openings::Openings,
}

pub(super) fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// Parses the embedded assets.
    pub fn load() -> Lexicon {
        let mut lx = Lexicon::default();
        lx.load_places(PLACES_EXTRA);
        lx.load_places(PLACES);
        lx.add_place_variants();
        lx.given = lines(GIVEN_TR)
            .chain(lines(GIVEN_AR))
            .map(fold_str)
            .collect();
        lx.load_stats();
        lx.load_people();
        for l in lines(TITLES_TR).chain(lines(TITLES_AR)) {
            // Tokens never hold the dot of `Dr.` or `Prof.`: it is in the gap after them.
            let key = fold_str(l).replace('.', "");
            if let Some(first) = key.split(' ').next() {
                lx.title_first.insert(first.to_string());
            }
            lx.titles.insert(key);
        }
        lx.org_heads = lines(ORG_HEADS).map(fold_str).collect();
        lx.demonyms = lines(DEMONYMS_TR).map(fold_str).collect();
        lx.function_words = lines(FUNCTION_WORDS_TR).map(fold_str).collect();
        lx.ordinary_tr = lines(ORDINARY_TR).map(fold_str).collect();
        lx.speech_verbs = lines(SPEECH_AR).map(fold_str).collect();
        for l in lines(PLACE_CUES) {
            match l.split_once('\t') {
                Some(("after", w)) => lx.place_after.insert(fold_str(w)),
                Some((_, w)) => lx.place_before.insert(fold_str(w)),
                None => false,
            };
        }
        lx.load_dates();
        lx.drop_common_arabic_places();
        lx.homographs =
            super::homograph::PlaceHomographs::load(&[PLACES_EXTRA, PLACES], &lx.place_names);
        lx.openings = openings::Openings::of(&lx);
        lx
    }

    /// Removes one-word Arabic place names that are mostly ordinary words (`سنة` "year" is a
    /// town in Iran, `مدينة` "city" one in Malta): Arabic has no capital letters to tell them
    /// apart. Turkish keeps them, since capitalisation already does.
    fn drop_common_arabic_places(&mut self) {
        let arabic = |k: &str| k.chars().next().is_some_and(crate::text::in_arabic_block);
        let curated: FxSet<String> = lines(PLACES_EXTRA)
            .filter_map(|l| l.split_once('\t'))
            .map(|(n, _)| fold_str(n))
            .collect();
        let drop: Vec<String> = self
            .places
            .keys()
            .filter(|k| arabic(k) && !k.contains(' ') && !curated.contains(*k))
            .filter(|k| {
                let s = self.counted(k);
                let cue = self.place_before.contains(*k) || self.titles.contains(*k);
                cue || (s.other >= 10 && s.place * 3 < s.other)
            })
            .cloned()
            .collect();
        for k in drop {
            self.places.remove(&k);
        }
    }

    fn load_places(&mut self, src: &str) {
        let mut canon_ix: FxMap<&str, u32> = FxMap::default();
        for (i, n) in (0u32..).zip(self.place_names.iter()) {
            canon_ix.insert(n.as_str(), i);
        }
        let mut new_names = Vec::new();
        for l in lines(src) {
            let Some((name, canon)) = l.split_once('\t') else {
                continue;
            };
            // A third column marks a homograph's city or country reading (homograph.rs).
            let canon = canon.split('\t').next().unwrap_or(canon);
            let ix = match canon_ix.get(canon) {
                Some(&ix) => ix,
                None => {
                    // Indexes are u32: a place past 4G names (never in the bundled list) is left out.
                    let Ok(ix) = u32::try_from(self.place_names.len() + new_names.len()) else {
                        continue;
                    };
                    canon_ix.insert(canon, ix);
                    new_names.push(canon.to_string());
                    ix
                }
            };
            let key = fold_str(name);
            if let Some(first) = key.split([' ', '.', '-']).next() {
                self.place_first.insert(first.to_string());
            }
            for (p, _) in key.match_indices([' ', '.', '-']) {
                self.place_prefix.insert(key[..p].to_string());
            }
            self.places.entry(key).or_insert(ix);
        }
        self.place_names.extend(new_names);
    }

    fn load_stats(&mut self) {
        for l in lines(NAME_STATS) {
            let mut f = l.split('\t');
            let Some(tok) = f.next() else { continue };
            let mut n = || f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
            let s = NameStats {
                begin: n(),
                inside: n(),
                place: n(),
                other: n(),
            };
            let e = self.stats.entry(fold_str(tok)).or_default();
            e.begin += s.begin;
            e.inside += s.inside;
            e.place += s.place;
            e.other += s.other;
        }
    }

    fn load_people(&mut self) {
        for l in lines(PEOPLE) {
            let Some((latin, arabic)) = l.split_once('\t') else {
                continue;
            };
            for name in [latin, arabic] {
                let key = fold_str(name);
                // A last word that is mostly an ordinary word (`الثاني` of Abdullah II), or
                // the second half of a compound name (`الله` of `حسن نصر الله`), does not
                // name the person on its own.
                let last = key.rsplit(' ').next().filter(|w| {
                    !self.counted(w).common() && !super::names::AR_COMPOUND_SECONDS.contains(w)
                });
                if let Some(last) = last {
                    self.people_last.insert(last.to_string(), latin.to_string());
                }
                self.people.insert(key, latin.to_string());
            }
        }
    }

    fn load_dates(&mut self) {
        for l in lines(MONTHS) {
            if let Some((m, name)) = l.split_once('\t') {
                self.months.push((name.to_string(), m.parse().unwrap_or(0)));
            }
        }
        self.months.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        for l in lines(WEEKDAYS) {
            if let Some((d, name)) = l.split_once('\t') {
                self.weekdays.insert(fold_str(name), d.parse().unwrap_or(0));
            }
        }
    }

    /// The place index of a folded name.
    pub fn place(&self, key: &str) -> Option<u32> {
        if !self.openings.places.may_hold(key) {
            return None;
        }
        self.places.get(key).copied()
    }

    /// True when a folded Turkish word names a nationality: listed (`ingiliz`) or a place
    /// with -lı/-li/-lu/-lü (`suriyeli`, `iranli`; folding has made ı into i).
    pub fn is_demonym(&self, key: &str) -> bool {
        if self.openings.demonyms.may_hold(key) && self.demonyms.contains(key) {
            return true;
        }
        let single = key
            .strip_suffix("ler")
            .or(key.strip_suffix("lar"))
            .unwrap_or(key);
        let stem = single.strip_suffix("li").or(single.strip_suffix("lu"));
        stem.is_some_and(|k| k.len() >= 3 && self.place(k).is_some())
    }

    /// True when a folded Latin word is an organisation head noun, also with a case suffix
    /// written without an apostrophe (`partisinin`, `bakanliginda`, `universitesinde`).
    pub fn is_org_head_tr(&self, key: &str) -> bool {
        // Any head it holds, whole or before a suffix, is a prefix of it.
        if !self.openings.org_heads.may_hold_a_prefix_of(key) {
            return false;
        }
        self.org_heads.contains(key)
            || crate::extract::morph::tr_splits(key).any(|s| self.org_heads.contains(&key[..s]))
    }

    /// True when a folded Latin word cannot be part of a person's name.
    pub fn never_a_name(&self, key: &str) -> bool {
        let function_word =
            self.openings.function_words.may_hold(key) && self.function_words.contains(key);
        function_word || self.is_demonym(key)
    }

    /// Training counts of a folded token.
    pub fn stat(&self, key: &str) -> NameStats {
        if !self.openings.stats.may_hold(key) {
            return NameStats::default();
        }
        self.counted(key)
    }

    /// [`Lexicon::stat`] without the pre-check: while loading, before it is made.
    fn counted(&self, key: &str) -> NameStats {
        self.stats.get(key).copied().unwrap_or_default()
    }
}
