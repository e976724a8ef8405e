//! The recent edits of a [`State`](super::State): for each, the revision it was made on and
//! the text whose state it changed, so that what was worked out from an older revision (the
//! reader's per-document triage table) can be brought up to date for those texts alone. A
//! batch (marked documents) is many edits between two looks; an edit names its text by the
//! hash the table keys documents by, so the log is plain data, cheap to copy with the state.

/// How many edits are remembered: a batch over more texts than this is met by making the
/// table again whole (about 12 ms at 200k documents), which is then no dearer than
/// refreshing every text one by one.
const KEPT: usize = 4096;

/// One edit: the revision it was made on and the hash of its text (`None`: a name decision,
/// no document's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    before: u64,
    text: Option<u128>,
}

/// The last edits of a state, oldest first: each one's `before` is the revision the one
/// before it made (every edit takes a new, never reused revision).
#[derive(Debug, Clone, Default)]
pub(super) struct EditLog {
    edits: Vec<Edit>,
}

impl EditLog {
    /// Remembers an edit made on revision `before` to the text keyed `text`, forgetting the
    /// older half of the log when it is full.
    pub(super) fn push(&mut self, before: u64, text: Option<&str>) {
        if self.edits.len() >= KEPT {
            self.edits.drain(..KEPT / 2);
        }
        self.edits.push(Edit {
            before,
            text: text.map(text_hash),
        });
    }

    /// The hashes of the texts edited since revision `revision`, oldest first (name
    /// decisions left out), or `None` when the log does not reach back to it: the state
    /// never had that revision, or forgot edits made since.
    pub(super) fn texts_since(&self, revision: u64) -> Option<impl Iterator<Item = u128> + '_> {
        let from = self.edits.iter().rposition(|e| e.before == revision)?;
        Some(self.edits[from..].iter().filter_map(|e| e.text))
    }
}

/// A text key's 128-bit hash: two keys that differ never meet in practice (the keys are
/// themselves 128-bit hashes of the texts), and its bits are already well mixed, so maps
/// keyed by it hash with Fx rather than SipHash.
pub(super) fn text_hash(text: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_since_a_revision_are_the_edits_made_on_it_and_after() {
        let mut log = EditLog::default();
        log.push(1, Some("a"));
        log.push(2, None);
        log.push(3, Some("b"));
        let since: Vec<u128> = log.texts_since(2).into_iter().flatten().collect();
        assert_eq!(since, vec![text_hash("b")]);
        let all: Vec<u128> = log.texts_since(1).into_iter().flatten().collect();
        assert_eq!(all, vec![text_hash("a"), text_hash("b")]);
        assert!(
            log.texts_since(4).is_none(),
            "no edit was made on revision 4"
        );
    }

    #[test]
    fn a_full_log_forgets_its_oldest_half() {
        let mut log = EditLog::default();
        for before in 0..=u64::try_from(KEPT).unwrap_or(u64::MAX) {
            log.push(before, Some("a"));
        }
        assert!(log.texts_since(0).is_none());
        let kept = u64::try_from(KEPT / 2).unwrap_or(u64::MAX);
        assert_eq!(
            log.texts_since(kept).map(Iterator::count),
            Some(KEPT / 2 + 1)
        );
    }
}
