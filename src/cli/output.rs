//! Standard output for the headless commands, whose write errors name it.
//!
//! `okur render FILE > /dev/full` said only `okur: No space left on device (os error 28)`:
//! nothing told the user that it was the output, not a document or the journal, that could
//! not be written. Every command writes through [`Stdout`], so each says so the same way.

use std::io::Write;

/// A writer (standard output) whose errors say `cannot write to standard output: REASON`.
/// The error keeps its kind, so a reader that went away (`okur render | head`, a broken
/// pipe) is still told apart and ends quietly.
pub struct Stdout<W: Write> {
    inner: W,
}

impl<W: Write> Stdout<W> {
    /// Wraps `inner` (`std::io::stdout().lock()`).
    pub fn new(inner: W) -> Self {
        Self { inner }
    }
}

/// `err` with what was being written put in front of its reason.
fn labelled(err: std::io::Error) -> std::io::Error {
    std::io::Error::new(
        err.kind(),
        format!("cannot write to standard output: {err}"),
    )
}

impl<W: Write> Write for Stdout<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(labelled)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().map_err(labelled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails every call with `kind`.
    struct Failing(std::io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from(self.0))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::Error::from(self.0))
        }
    }

    #[test]
    fn a_failed_write_names_standard_output_and_keeps_its_kind() {
        let mut out = Stdout::new(Failing(std::io::ErrorKind::StorageFull));
        let err = out.write_all(b"row\n").err();
        let err = err.as_ref().map(|e| (e.kind(), e.to_string()));
        let Some((kind, text)) = err else {
            panic!("the write did not fail");
        };
        assert_eq!(kind, std::io::ErrorKind::StorageFull);
        assert!(
            text.starts_with("cannot write to standard output: "),
            "{text}"
        );
        let flushed = out.flush().map_err(|e| e.to_string());
        assert!(
            flushed.is_err_and(|t| t.starts_with("cannot write to standard output")),
            "flush"
        );
    }

    #[test]
    fn a_broken_pipe_stays_a_broken_pipe() {
        let mut out = Stdout::new(Failing(std::io::ErrorKind::BrokenPipe));
        let kind = out.write_all(b"row\n").err().map(|e| e.kind());
        assert_eq!(kind, Some(std::io::ErrorKind::BrokenPipe));
    }
}
