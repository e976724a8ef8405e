//! LEB128 numbers (7 bits a byte, low first; the high bit says more follow): the word
//! postings' line steps and each line's word codes, both kept as compact byte strings.

/// The most bytes a `u64` takes.
const MAX_LEN: usize = 10;

/// Bytes `value` takes.
pub(crate) fn len(value: u64) -> u64 {
    u64::from((64 - value.leading_zeros()).max(1).div_ceil(7))
}

/// Writes `value` at the start of `out`; returns the bytes written (0 when `out` is too
/// short, which a laid-out builder never is).
pub(crate) fn write(out: &mut [u8], mut value: u64) -> u64 {
    let mut n = 0;
    for slot in out.iter_mut() {
        let low = u8::try_from(value & 0x7F).unwrap_or(0);
        value >>= 7;
        n += 1;
        if value == 0 {
            *slot = low;
            return n;
        }
        *slot = low | 0x80;
    }
    0
}

/// Appends `value` to `out`.
pub(crate) fn push(out: &mut Vec<u8>, value: u64) {
    let mut buf = [0u8; MAX_LEN];
    let n = usize::try_from(write(&mut buf, value)).unwrap_or(0);
    out.extend_from_slice(buf.get(..n).unwrap_or_default());
}

/// The number at the start of `bytes` and how many bytes it took; `None` at the end (or on
/// a number that does not end, which [`write`] never writes).
pub(crate) fn read(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut n = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(MAX_LEN) {
        n |= u64::from(b & 0x7F) << (7 * i);
        if b & 0x80 == 0 {
            return Some((n, i + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for n in [
            0,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = Vec::new();
            push(&mut out, n);
            assert_eq!(read(&out), Some((n, out.len())), "{n}");
            assert_eq!(len(n), u64::try_from(out.len()).unwrap_or(0), "{n}");
        }
        assert_eq!(read(&[0x80, 0x80]), None);
    }
}
