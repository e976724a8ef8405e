//! The allocator's arenas (issue 13): glibc gave each thread that allocated while the
//! others held theirs an arena of its own, up to eight per core, each keeping what its
//! threads freed; the reader's phases (loading on two threads, the search worker,
//! extraction on every core) left their freed memory in arenas the next phase did not use.
//! Capped, threads that start later share the arenas there are. Its own test binary: the
//! cap holds for the whole process and must be set before other threads start.

#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::sync::Barrier;

/// The arenas glibc has made so far, as `malloc_info` lists them (`<heap nr="N">`).
fn arenas() -> Result<usize, String> {
    let mut buf: *mut libc::c_char = std::ptr::null_mut();
    let mut len: libc::size_t = 0;
    // SAFETY: open_memstream writes the buffer's address and length into the two locals,
    // which outlive the stream; the buffer is read after fclose (which writes it whole)
    // and then freed with glibc's free, as its manual says.
    unsafe {
        let stream = libc::open_memstream(&mut buf, &mut len);
        if stream.is_null() {
            return Err("open_memstream failed".into());
        }
        let status = libc::malloc_info(0, stream);
        libc::fclose(stream);
        if buf.is_null() {
            return Err("no output".into());
        }
        let xml = std::ffi::CStr::from_ptr(buf).to_string_lossy().into_owned();
        libc::free(buf.cast());
        if status != 0 {
            return Err(format!("malloc_info returned {status}"));
        }
        Ok(xml.matches("<heap nr=").count())
    }
}

#[test]
fn threads_started_after_the_cap_share_its_arenas() -> Result<(), String> {
    let cap = 2;
    assert!(okur::memory::cap_arenas(cap), "glibc refused the cap");
    // Eight threads that allocate while all of the others hold memory: each would take an
    // arena of its own without the cap (eight per core allow it).
    let threads = 8;
    let barrier = Barrier::new(threads);
    std::thread::scope(|s| {
        for i in 0..threads {
            let barrier = &barrier;
            s.spawn(move || {
                barrier.wait();
                let held: Vec<Vec<u8>> = (0..64).map(|n| vec![0u8; 1024 + n + i]).collect();
                barrier.wait();
                drop(held);
            });
        }
    });
    let n = arenas()?;
    // The main thread's arena, and the test harness's threads started before the cap
    // (one runs this test) may each have one: at most the cap plus those.
    assert!(
        n <= cap + 1,
        "{n} arenas after {threads} threads with a cap of {cap}"
    );
    Ok(())
}
