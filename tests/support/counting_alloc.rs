//! The system allocator, counting the bytes held and their peak: for the memory tests and
//! the examples that measure memory, which include this file with `#[path]`; including it
//! installs it as the binary's allocator. The counters are the whole process's, so measure
//! one thing at a time ([`one_at_a_time`]).
//! Each user reads a different part of [`Measured`], hence `dead_code` is allowed.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

#[global_allocator]
static COUNTING: Counting = Counting;

/// Held while a test measures: the counters are the whole process's, so a test running
/// beside another would count the other's allocations too.
pub fn one_at_a_time() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// The system allocator with counters.
pub struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Calls to `alloc` and `realloc` since the start: work done, where bytes held say little.
static CALLS: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    CALLS.fetch_add(1, Ordering::SeqCst);
    let now = HELD.fetch_add(by, Ordering::SeqCst) + by;
    PEAK.fetch_max(now, Ordering::SeqCst);
}

// SAFETY: every call is passed on to `System` unchanged; only the counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract for `alloc` is the same as `System`'s.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout` (see `alloc`).
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::SeqCst);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as for `alloc` and `dealloc`.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            HELD.fetch_sub(layout.size(), Ordering::SeqCst);
            grew(new_size);
        }
        p
    }
}

/// What one measured step allocated.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    /// Bytes held when the step began.
    pub before: usize,
    /// Bytes the step left held (may be negative when it freed more than it kept).
    pub kept: isize,
    /// The most held at once while it ran, above `before`.
    pub peak: usize,
}

/// Runs `f` and says what it allocated.
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, Measured) {
    let before = HELD.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let out = f();
    let held = HELD.load(Ordering::SeqCst);
    let signed = |n: usize| isize::try_from(n).unwrap_or(isize::MAX);
    let m = Measured {
        before,
        kept: signed(held) - signed(before),
        peak: PEAK.load(Ordering::SeqCst).saturating_sub(before),
    };
    (out, m)
}

/// The heap bytes `value` holds: what dropping it frees (for a value made by a step that
/// also freed its input, where the step's own `kept` says nothing about the value).
#[allow(dead_code)] // not every test binary that counts allocations needs it
pub fn held_by<T>(value: T) -> usize {
    let ((), m) = measure(|| drop(value));
    usize::try_from(-m.kept).unwrap_or(0)
}

/// [`measure`] as numbers: `f`'s result, the bytes it left held (0 when it freed more than
/// it kept) and its peak above the start.
pub fn measured<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let (out, m) = measure(f);
    (out, usize::try_from(m.kept).unwrap_or(0), m.peak)
}

/// How many allocations (and reallocations) `f` made: the work a step does, counted
/// rather than timed.
#[allow(dead_code)] // not every test binary that counts allocations needs it
pub fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = CALLS.load(Ordering::SeqCst);
    let out = f();
    (out, CALLS.load(Ordering::SeqCst).saturating_sub(before))
}
