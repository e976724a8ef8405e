//! A writer that counts the bytes written to it and keeps none: for the memory tests of
//! commands that write a lot (`render`, `export`), whose output must not be counted as held.

/// Counts the bytes written and keeps none.
pub struct CountingSink(pub usize);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
