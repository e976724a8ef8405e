//! Handing extraction's freed memory back to the system while it runs, not only once it is
//! done. Extraction's workers free their working memory after every document, among the
//! documents' mentions they keep, in arenas that glibc does not shrink; the linking pass
//! frees each document's spans while the table grows in another arena. Both stayed
//! resident: on 20k articles (100 MB) the reader's memory rose 180 MB during extraction for
//! 100 MB in use, and this rise is the reader's peak (README, "the reader on a generated
//! corpus").

use std::sync::atomic::{AtomicUsize, Ordering};

/// Hands freed memory back ([`crate::memory::release_freed_memory`]) each time the work
/// counted, from any thread, passes another multiple of its step.
#[derive(Debug)]
pub(crate) struct Release {
    step: usize,
    counted: AtomicUsize,
    /// How many times memory was handed back: only the tests read it.
    #[cfg(test)]
    released: AtomicUsize,
}

impl Release {
    /// Hands memory back every `step` units of work (at least one).
    pub(crate) fn every(step: usize) -> Release {
        Release {
            step: step.max(1),
            counted: AtomicUsize::new(0),
            #[cfg(test)]
            released: AtomicUsize::new(0),
        }
    }

    /// Counts `n` more units of work, handing memory back when they pass a step.
    pub(crate) fn count(&self, n: usize) {
        let before = self.counted.fetch_add(n, Ordering::Relaxed);
        if before / self.step != before.saturating_add(n) / self.step {
            self.now();
        }
    }

    /// Hands memory back now (a phase has ended).
    pub(crate) fn now(&self) {
        crate::memory::release_freed_memory();
        #[cfg(test)]
        self.released.fetch_add(1, Ordering::Relaxed);
    }

    /// How many times memory was handed back.
    #[cfg(test)]
    pub(crate) fn times(&self) -> usize {
        self.released.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::Release;

    #[test]
    fn memory_is_handed_back_each_time_the_work_passes_a_step() {
        let release = Release::every(10);
        for n in [4, 4, 4, 20, 1] {
            release.count(n);
        }
        // 4, 8, 12 (past 10), 32 (past 20 and 30: once), 33.
        assert_eq!(release.times(), 2);
        release.now();
        assert_eq!(release.times(), 3);
    }
}
