//! A linear-chain CRF decoder over okur's own model format: attribute names are hashed, so
//! tagging builds no strings and looks each attribute up once in a hash map. A name is a
//! sequence of parts (`w=` and a word); its hash combines the parts' 64-bit FNV-1a hashes,
//! so a word's hash is computed once and reused by every attribute that names it. Training
//! writes the parts joined by U+001F, which `assets/tools/train_ner.py` splits to hash alike.
//!
//! The format, written by `assets/tools/train_ner.py` from a CRFsuite model (little endian):
//! `OKCRF1`, label count `L` (u8), each label as length (u8) + UTF-8 bytes, `L * L`
//! transition weights (f32, from-major), attribute count (u32), then per attribute its hash
//! (u64), weight count (u8) and that many (label u8, weight f32) pairs.

pub use super::decode::Decoder;
use super::decode::Transitions;
use super::table::AttrTable;
pub use super::table::Found;

/// The separator between parts in training attribute names.
pub const PART_SEP: char = '\u{1f}';

/// 64-bit FNV-1a of `s`; `const`, so the literal parts of attribute names are hashed at
/// compile time ([`Part::lit`]).
pub const fn fnv1a(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h = (h ^ b[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h
}

/// One part of an attribute name: literal text, or text whose hash is already known.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    /// Text hashed when used.
    Lit(&'a str),
    /// Text and its [`fnv1a`] hash.
    Known(&'a str, u64),
}

impl<'a> Part<'a> {
    /// A part whose text is known up front, hashed once (at compile time in a `const`).
    pub const fn lit(s: &'a str) -> Part<'a> {
        Part::Known(s, fnv1a(s))
    }

    /// The text of the part.
    pub fn text(&self) -> &'a str {
        match *self {
            Part::Lit(s) | Part::Known(s, _) => s,
        }
    }

    #[inline(always)]
    fn hash(&self) -> u64 {
        match *self {
            Part::Lit(s) => fnv1a(s),
            Part::Known(_, h) => h,
        }
    }
}

/// Where a token's attributes go, each as the pieces of its name: any closure over the
/// pieces is one (training joins them into a name). A tagger's own sink, its `add` always
/// inlined where the attributes are made, hashes an attribute of literal pieces at compile
/// time and makes no call per attribute.
pub trait AttrSink {
    /// Takes one attribute, as the pieces of its name.
    fn add(&mut self, parts: &[Part<'_>]);
}

impl<F: FnMut(&[Part<'_>])> AttrSink for F {
    #[inline(always)]
    fn add(&mut self, parts: &[Part<'_>]) {
        self(parts);
    }
}

/// Attribute-name hashing.
#[derive(Debug, Clone, Copy)]
pub struct AttrHash;

impl AttrHash {
    /// The hash of an attribute name given as parts.
    #[inline(always)]
    pub fn of(parts: &[Part<'_>]) -> u64 {
        parts.iter().fold(0, |h, p| Self::mix(h, p.hash()))
    }

    /// The hash of a training attribute name (parts joined by [`PART_SEP`]).
    pub fn of_name(name: &str) -> u64 {
        name.split(PART_SEP).fold(0, |h, p| Self::mix(h, fnv1a(p)))
    }

    #[inline(always)]
    fn mix(h: u64, x: u64) -> u64 {
        (h.rotate_left(23) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with the magic or end early.
    #[error("not an okur CRF model (bad header or truncated at byte {0})")]
    Malformed(usize),
}

/// A parsed model: labels, transitions and per-attribute state weights.
#[derive(Debug, Default)]
pub struct CrfModel {
    /// Label names (`O`, `B-PER`, ...).
    pub labels: Vec<String>,
    /// Transition weights, laid out for the decoder.
    trans: Transitions,
    /// Attribute hash -> state weights.
    attrs: AttrTable,
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or(ModelError::Malformed(self.at))?;
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let mut a = [0; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let mut a = [0; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl CrfModel {
    /// Parses a model file.
    pub fn parse(bytes: &[u8]) -> Result<CrfModel, ModelError> {
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(6)? != b"OKCRF1" {
            return Err(ModelError::Malformed(0));
        }
        let n = usize::from(r.u8()?);
        let mut m = CrfModel::default();
        for _ in 0..n {
            let len = usize::from(r.u8()?);
            let at = r.at;
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Malformed(at))?;
            m.labels.push(name.to_string());
        }
        let trans: Vec<f32> = (0..n * n).map(|_| r.f32()).collect::<Result<_, _>>()?;
        m.trans = Transitions::new(n, &trans);
        let count = r.u32()? as usize;
        // Each attribute takes at least 9 bytes: a count past what is left is a lie, and
        // reserving for it could take all memory.
        m.attrs = AttrTable::with_capacity(count.min(bytes.len() / 9), n);
        let mut weights = Vec::new();
        for _ in 0..count {
            let h = r.u64()?;
            let k = r.u8()?;
            weights.clear();
            for _ in 0..k {
                let at = r.at;
                let label = r.u8()?;
                if usize::from(label) >= n {
                    return Err(ModelError::Malformed(at));
                }
                weights.push((label, r.f32()?));
            }
            m.attrs
                .insert(h, &weights)
                .map_err(|_| ModelError::Malformed(r.at))?;
        }
        Ok(m)
    }

    /// Bytes the parsed model takes in memory (its weights' table with its filter, and the
    /// transitions), for the load-time cost the bench reports.
    pub fn bytes(&self) -> usize {
        self.attrs.bytes() + self.trans.bytes()
    }

    /// Adds the state weights of the attribute with hash `h` to `scores` (one per label).
    #[inline]
    pub fn add_state(&self, h: u64, scores: &mut [f32]) {
        self.attrs.add(h, scores);
    }

    /// The state weights of the attribute with hash `h`, to add later with
    /// [`CrfModel::add_found`] (the same additions as [`CrfModel::add_state`], without
    /// hashing or looking again).
    #[inline]
    pub fn find_state(&self, h: u64) -> Found {
        self.attrs.get(h)
    }

    /// Brings the table slots of the attributes `hashes` into the cache, for lookups soon
    /// after ([`super::table::AttrTable::touch`]).
    #[inline]
    pub fn touch_states(&self, hashes: &[u64]) {
        self.attrs.touch(hashes);
    }

    /// Brings the weights of `found` with several labels into the cache, for additions
    /// soon after ([`super::table::AttrTable::touch_found`]).
    #[inline]
    pub fn touch_found(&self, found: impl Iterator<Item = Found>) {
        self.attrs.touch_found(found);
    }

    /// Adds weights found by [`CrfModel::find_state`] to `scores`.
    #[inline]
    pub fn add_found(&self, f: Found, scores: &mut [f32]) {
        self.attrs.add_found(f, scores);
    }

    /// The best label sequence (indices into [`CrfModel::labels`]) for per-token state
    /// scores laid out token-major (`labels.len()` per token).
    pub fn viterbi(&self, state: &[f32]) -> Vec<usize> {
        let mut path = Vec::new();
        self.viterbi_into(state, &mut Decoder::default(), &mut path);
        path
    }

    /// [`CrfModel::viterbi`] into `path`, with scratch space `d` kept between calls (a
    /// tagger decodes a segment per sentence, and allocating for each added up).
    pub fn viterbi_into(&self, state: &[f32], d: &mut Decoder, path: &mut Vec<usize>) {
        self.trans.viterbi_into(state, d, path);
    }

    /// Per-token label marginals of `state` ([`Transitions::marginals_into`]).
    pub fn marginals_into(&self, state: &[f32], out: &mut Vec<f32>) {
        self.trans.marginals_into(state, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_hash_like_training_names() {
        let parts = [Part::Lit("w="), Part::Known("abc", fnv1a("abc"))];
        assert_eq!(AttrHash::of(&parts), AttrHash::of_name("w=\u{1f}abc"));
        assert_ne!(AttrHash::of(&parts), AttrHash::of_name("w=abc"));
        // Reference values the Python exporter (assets/tools/train_ner.py) must agree with.
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(AttrHash::of_name("w=\u{1f}a"), REFERENCE);
    }

    fn model_bytes() -> Vec<u8> {
        let mut b = b"OKCRF1".to_vec();
        b.push(2);
        for l in ["O", "B-PER"] {
            b.push(u8::try_from(l.len()).expect("a short label"));
            b.extend(l.as_bytes());
        }
        // O->O, O->B-PER, B-PER->O, B-PER->B-PER.
        for w in [0.0f32, -4.0, 0.0, -2.0] {
            b.extend(w.to_le_bytes());
        }
        b.extend(2u32.to_le_bytes());
        // `lavrov` gains 3 as B-PER, `dedi` 2 as O.
        for (word, label, w) in [("lavrov", 1u8, 3.0f32), ("dedi", 0, 2.0)] {
            b.extend(AttrHash::of_name(&format!("w=\u{1f}{word}")).to_le_bytes());
            b.push(1);
            b.push(label);
            b.extend(w.to_le_bytes());
        }
        b
    }

    /// `attr_hash("w=\x1fa")` as computed by assets/tools/train_ner.py.
    const REFERENCE: u64 = 0x0c67_9bb8_6ee5_833c;

    fn tag(m: &CrfModel, words: &[&str]) -> Vec<usize> {
        let mut state = vec![0f32; words.len() * 2];
        for (t, w) in words.iter().enumerate() {
            let parts = [Part::Lit("w="), Part::Lit(w)];
            m.add_state(AttrHash::of(&parts), &mut state[t * 2..t * 2 + 2]);
        }
        m.viterbi(&state)
    }

    #[test]
    fn decodes_with_states_and_transitions() {
        let m = CrfModel::parse(&model_bytes()).expect("model");
        assert_eq!(tag(&m, &["lavrov", "lavrov", "dedi"]), [1, 1, 0]);
        // O -> B-PER costs 4, more than the 3 the word gains; B-PER -> B-PER costs only 2.
        assert_eq!(tag(&m, &["dedi", "lavrov"]), [0, 0]);
        assert_eq!(tag(&m, &[]), Vec::<usize>::new());
    }

    #[test]
    fn ties_go_to_the_first_label() {
        // Equal scores everywhere: every step's best predecessor is the lowest index, as
        // the decoder with a branch chose it (the last label's ties go to the highest, as
        // `max_by` picks).
        let m = CrfModel {
            labels: vec!["O".into(), "B-PER".into(), "I-PER".into()],
            trans: Transitions::new(3, &[0.0; 9]),
            attrs: AttrTable::default(),
        };
        assert_eq!(m.viterbi(&[1.0; 9]), [0, 0, 2]);
        // Of two equal predecessors the first is kept, a later one only when strictly better.
        let state = [0.0, 2.0, 2.0, 1.0, 0.0, 1.0];
        assert_eq!(m.viterbi(&state), [1, 2]);
    }

    #[test]
    fn truncated_or_foreign_bytes_are_an_error() {
        let b = model_bytes();
        assert!(CrfModel::parse(&b[..b.len() - 2]).is_err());
        assert!(CrfModel::parse(b"CRFSUITE").is_err());
        assert!(CrfModel::parse(&[]).is_err());
    }
}
