//! LEB128 variable-length integers: seven bits a byte, low bits first, the
//! high bit set on every byte but the last. Postings and token streams are
//! written as deltas and small numbers, so most take one byte.

/// Appends `value` to `out`.
pub fn push(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        // Truncation is the point: the low seven bits, flagged.
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads numbers from a byte slice written by [`push`]. A truncated or
/// corrupt stream reads as zeros and then ends; it never panics.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        self.bytes.get(self.at..).unwrap_or(&[])
    }

    pub fn is_empty(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// The next number; 0 at the end of the stream.
    #[inline]
    pub fn next(&mut self) -> u32 {
        let mut value: u32 = 0;
        let mut shift = 0;
        while let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            if shift < 32 {
                value |= u32::from(b & 0x7f) << shift;
            }
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_as_written() {
        let src = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        let mut bytes = Vec::new();
        for n in src {
            push(&mut bytes, n);
        }
        let mut r = Reader::new(&bytes);
        let got: Vec<u32> = src.iter().map(|_| r.next()).collect();
        assert_eq!(got, src);
        assert!(r.is_empty());
    }

    #[test]
    fn small_numbers_take_one_byte() {
        let mut bytes = Vec::new();
        push(&mut bytes, 127);
        assert_eq!(bytes.len(), 1);
    }

    #[test]
    fn a_truncated_stream_reads_as_zero() {
        let mut r = Reader::new(&[0x80]);
        r.next();
        assert_eq!(r.next(), 0);
    }
}
