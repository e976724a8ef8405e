//! What a piece of a huge document asks of the rest of it: whether a word stands elsewhere
//! in the text ([`Tokens::has_word`]; `Haberin` is the name `Haber` with a suffix when
//! `Haber` stands alone somewhere).
//!
//! The one step that asks (`names::tidy_tr`, a person's last word) asks it of the stem a
//! Turkish case suffix leaves of a word of the text ([`tr_splits`], four letters or more).
//! So the document is read twice before its pieces: once for those stems, once for the
//! words that are one of them; only the stems that stand as words are held. The words
//! themselves were held before, as 8-byte hashes: a 40 MB line of words that never repeat
//! has 4.2 million of four letters or more, 34 MB, where the stems that stand as words are
//! about a hundred thousand.

use super::chunk::Piece;
use super::morph::tr_splits;
use super::par_map;
use super::token::Tokens;
use std::sync::Arc;
use xxhash_rust::xxh3::xxh3_64;

/// The stems of a whole document's Latin (non-Arabic) words that stand in it as words
/// themselves, as 64-bit hashes (xxh3) of their folded keys, sorted: what a piece of the
/// document read alone asks of the rest ([`Tokens::has_word`]). A stem is what a Turkish
/// case suffix leaves of a word ([`tr_splits`]), four letters or more. Two keys share a
/// hash about once in 10^7 documents of a million distinct stems.
#[derive(Debug, Default)]
pub struct DocumentWords(Box<[u64]>);

impl DocumentWords {
    /// The words of `text` as read in `pieces` (their cores, which cover it), a run of
    /// pieces on each core.
    pub(crate) fn of_document(text: &str, pieces: &[Piece]) -> DocumentWords {
        let stems = Sorted::indexed(merged(each_run(text, pieces, stems_of)));
        let words = each_run(text, pieces, |toks, out| words_in(toks, &stems, out));
        drop(stems);
        let words = merged(words);
        // The stems' lists were as large as the text has suffixed words: their pages, freed
        // in the workers' arenas, would stay resident through the pieces' reading.
        crate::memory::release_freed_memory();
        DocumentWords(words.into_boxed_slice())
    }

    /// True when `key` (a stem, as [`DocumentWords`] says) stands in the document as a word.
    fn contains(&self, key: &str) -> bool {
        self.0.binary_search(&hash(key)).is_ok()
    }
}

/// Sorted, deduplicated hashes, with the start of each run of hashes sharing their top
/// bits: xxh3 spreads them evenly, so a look-up reads one bucket of about
/// [`PER_BUCKET`] hashes (one cache line) instead of binary-searching an array that at 200
/// MB of never-repeating words is 40 MB (21 million look-ups, each missing the cache).
struct Sorted {
    hashes: Vec<u64>,
    /// `starts[b]..starts[b + 1]` are the hashes whose top bits are `b`.
    starts: Vec<usize>,
    /// How far a hash shifts right to give its bucket: 64 less the bucket bits.
    shift: u32,
}

/// About how many hashes share a bucket: eight of 8 bytes fill one cache line, and the
/// index costs a byte a hash.
const PER_BUCKET: usize = 8;

/// The hashes of all `lists` (one a core), sorted and deduplicated, gathered into the
/// longest list rather than a new one.
fn merged(mut lists: Vec<Vec<u64>>) -> Vec<u64> {
    lists.sort_by_key(Vec::len);
    let mut all = lists.pop().unwrap_or_default();
    all.reserve_exact(lists.iter().map(Vec::len).sum());
    lists.into_iter().for_each(|list| all.extend(list));
    all.sort_unstable();
    all.dedup();
    all.shrink_to_fit();
    all
}

impl Sorted {
    /// `hashes`, sorted and deduplicated, with their buckets' starts.
    fn indexed(hashes: Vec<u64>) -> Sorted {
        let bits = (hashes.len() / PER_BUCKET).max(1).ilog2().min(30);
        let shift = 64 - bits;
        let buckets = 1usize << bits;
        let mut starts = Vec::with_capacity(buckets + 1);
        let mut at = 0;
        for b in 0..buckets {
            while hashes.get(at).is_some_and(|&h| bucket(h, shift) < b) {
                at += 1;
            }
            starts.push(at);
        }
        starts.push(hashes.len());
        Sorted {
            hashes,
            starts,
            shift,
        }
    }

    fn contains(&self, hash: u64) -> bool {
        let b = bucket(hash, self.shift);
        let (Some(&from), Some(&to)) = (self.starts.get(b), self.starts.get(b + 1)) else {
            return false;
        };
        self.hashes
            .get(from..to)
            .is_some_and(|run| run.contains(&hash))
    }
}

/// The bucket of `hash`: its top `64 - shift` bits (bucket 0 for all when there are none).
fn bucket(hash: u64, shift: u32) -> usize {
    usize::try_from(hash.checked_shr(shift).unwrap_or(0)).unwrap_or(usize::MAX)
}

/// The hashes `add` gives for each piece's tokens, a list for each core's run of pieces,
/// sorted and deduplicated whenever it has doubled since it last was: about 8 bytes a
/// distinct hash, however many times one comes back.
fn each_run(
    text: &str,
    pieces: &[Piece],
    add: impl Fn(&Tokens, &mut Vec<u64>) + Sync,
) -> Vec<Vec<u64>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let runs: Vec<&[Piece]> = pieces
        .chunks(pieces.len().div_ceil(threads).max(1))
        .collect();
    par_map(&runs, |run| {
        let (mut hashes, mut distinct) = (Vec::new(), 0);
        for p in *run {
            add(
                &Tokens::new(text.get(p.core.clone()).unwrap_or_default()),
                &mut hashes,
            );
            if hashes.len() > 2 * distinct.max(1 << 12) {
                hashes.sort_unstable();
                hashes.dedup();
                distinct = hashes.len();
            }
        }
        hashes
    })
}

/// The folded keys of the Latin words of `toks`.
fn latin(toks: &Tokens) -> impl Iterator<Item = &str> {
    let latin = (0..toks.len()).filter(|&i| !toks.toks[i].arabic);
    latin.map(|i| toks.key(i))
}

/// True when `key` has four letters or more: no shorter stem is asked about.
fn four_letters(key: &str) -> bool {
    key.chars().nth(3).is_some()
}

/// Adds to `out` the hashes of the stems of four letters or more of the Latin words of
/// `toks`.
fn stems_of(toks: &Tokens, out: &mut Vec<u64>) {
    for key in latin(toks) {
        let stems = tr_splits(key).filter_map(|s| key.get(..s));
        out.extend(stems.filter(|s| four_letters(s)).map(hash));
    }
}

/// Adds to `out` the hashes of the Latin words of `toks` that are one of `stems`.
fn words_in(toks: &Tokens, stems: &Sorted, out: &mut Vec<u64>) {
    let words = latin(toks).filter(|k| four_letters(k)).map(hash);
    out.extend(words.filter(|&h| stems.contains(h)));
}

fn hash(key: &str) -> u64 {
    xxh3_64(key.as_bytes())
}

impl Tokens {
    /// These tokens as those of a piece of a document whose words are `words`: what
    /// [`Tokens::has_word`] answers from.
    pub fn in_document(mut self, words: Arc<DocumentWords>) -> Tokens {
        self.document = Some(words);
        self
    }

    /// True when a token of the text has the folded key `key`, or, for a piece of a
    /// document ([`Tokens::in_document`]), a Latin word of the document of four letters or
    /// more, when `key` is the stem a Turkish case suffix leaves of a word of the document
    /// (the only question asked: `names::tidy_tr`): a step that asks whether a word stands
    /// elsewhere in the text then reads the same in a piece of it.
    pub fn has_word(&self, key: &str) -> bool {
        match &self.document {
            Some(words) => words.contains(key),
            None => (0..self.len()).any(|j| self.key(j) == key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The buckets answer as a search of the whole list would, for lists too short to have
    /// buckets, lists whose buckets are empty or full, and the extreme hashes.
    #[test]
    fn buckets_answer_as_the_whole_list() {
        for n in [0usize, 1, 7, 8, 9, 100, 5_000, 100_000] {
            let mut hashes: Vec<u64> = (0..n as u64).map(|i| xxh3_64(&i.to_le_bytes())).collect();
            hashes.extend([0, u64::MAX]);
            let sorted = Sorted::indexed(merged(vec![hashes.clone(), hashes.clone()]));
            for &h in &hashes {
                assert!(sorted.contains(h), "{n}: {h} missing");
            }
            for i in 0..2_000u64 {
                let absent = xxh3_64(&(i + 1_000_000_000).to_le_bytes());
                assert!(!sorted.contains(absent), "{n}: {absent} found");
            }
        }
    }
}
