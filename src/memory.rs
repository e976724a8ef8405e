//! The allocator's settings for the whole process, and handing freed memory back.
//!
//! glibc gives a thread that starts allocating while the others hold their arenas an arena
//! of its own, up to eight per core, and an arena keeps the memory its threads freed for
//! their reuse. The reader runs a loader on two threads, a search worker and extraction on
//! every core one after the other, so the freed memory of each phase stayed in arenas the
//! next phase did not use: on 20k articles (100 MB) the reader's peak was 606 MB with the
//! default, 571 MB with two arenas (one per core there), where mimalloc's peak was 656 MB
//! and jemalloc's 726 MB (README, "the reader on a generated corpus").

/// The number of arenas [`cap_arenas`] allows: one per core (at least two), so threads
/// that run at once, as extraction's do, still allocate without waiting for each other.
pub fn arenas_for_cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

/// Caps glibc's arenas at `arenas` for the rest of the process: threads started later
/// share them instead of each taking one. To be called before any thread is started (the
/// arenas made before stay). Returns false when the allocator is not glibc's or refused.
pub fn cap_arenas(arenas: usize) -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let Ok(arenas) = libc::c_int::try_from(arenas.max(1)) else {
            return false;
        };
        // SAFETY: mallopt only sets one of glibc's own parameters; it takes no pointer.
        unsafe { libc::mallopt(libc::M_ARENA_MAX, arenas) == 1 }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        let _ = arenas;
        false
    }
}

/// The size from which [`own_pages_from`] gives an allocation pages of its own, as the
/// `okur` binary sets it for every command: the vectors of a huge document's phases (a
/// piece's tokens, the mentions' table, the index's lists, a block's spans) are all above
/// it, a word or a name far below.
pub const OWN_PAGES_FROM: usize = 256 << 10;

/// Has glibc give every allocation of `bytes` or more pages of its own, handed back to the
/// system when it is freed, and hand back the free top of a heap once it passes four times
/// `bytes`. By default the first bound moves up to the largest block freed so far (up to
/// 32 MB): after a huge document's first big vectors were freed, the next ones, and the
/// small allocations among them, came from the arenas, which kept them when freed. On a 40
/// MB document the reader's peak resident memory was some 35 MB above its heap's peak; with
/// a fixed bound of 256 KB, 15 to 20 MB less (README, "`G` and the reader's memory").
/// A setting of the whole process, so the binary makes it (library code never does: a
/// program embedding the library keeps its own allocator's settings).
/// Returns false when the allocator is not glibc's or refused.
pub fn own_pages_from(bytes: usize) -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        let (Ok(mmap), Ok(trim)) = (
            libc::c_int::try_from(bytes),
            libc::c_int::try_from(bytes.saturating_mul(4)),
        ) else {
            return false;
        };
        // SAFETY: mallopt only sets one of glibc's own parameters; it takes no pointer.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, mmap) == 1
                && libc::mallopt(libc::M_TRIM_THRESHOLD, trim) == 1
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        let _ = bytes;
        false
    }
}

/// Hands the memory freed by a big phase (extraction, a load, the spans of a huge
/// document) back to the system. glibc keeps freed memory in its arenas for reuse and
/// returns only what lies at the top of each heap: after extracting a 40 MB document the
/// reader held about 100 MB more than it used. `malloc_trim` releases the free pages
/// wherever they lie, in every arena (the workers' too).
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks glibc's own heaps and returns free pages to the
    // system; it takes no pointer and touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}
