//! The shingle postings of a corpus: for each shingle shared by two or
//! more paragraphs, the paragraphs that hold it.
//!
//! Shingles are 64-bit hashes; the postings are keyed by their top
//! [`bucket_bits`] bits (a bucket), so that keys stay small. Two shingles
//! may share a bucket: their lists are then merged, which can only add
//! candidates (each verified exactly later), never lose one. A bucket
//! holding one paragraph alone can never make that paragraph a candidate
//! for another paragraph of the corpus, so it is left out: most of a
//! corpus's shingles are its own paragraph's alone.

/// Buckets and their paragraphs, in compressed-row form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Postings {
    /// The buckets, ascending.
    pub keys: Vec<u32>,
    /// Where each bucket's paragraphs start in `units`; one more entry
    /// than `keys`, the last being `units.len()`.
    pub offsets: Vec<u32>,
    /// Paragraph numbers, ascending within each bucket, at least two per
    /// bucket.
    pub units: Vec<u32>,
}

impl Postings {
    /// The postings of paragraphs given as their shingle sets, paragraph
    /// `n` being `sets[n]`, bucketed to `bits` bits.
    pub fn build(sets: &[Vec<u64>], bits: u8) -> Postings {
        let mut entries: Vec<u64> = Vec::with_capacity(sets.iter().map(Vec::len).sum());
        for (unit, set) in sets.iter().enumerate() {
            entries.extend(
                set.iter()
                    .map(|&s| (u64::from(bucket(s, bits)) << 32) | unit as u64),
            );
        }
        entries.sort_unstable();
        entries.dedup();
        let mut postings = Postings {
            offsets: vec![0],
            ..Postings::default()
        };
        for run in entries.chunk_by(|a, b| a >> 32 == b >> 32) {
            if run.len() > 1 {
                postings.keys.push((run[0] >> 32) as u32);
                postings.units.extend(run.iter().map(|&e| e as u32));
                postings.offsets.push(postings.units.len() as u32);
            }
        }
        postings
    }

    /// The paragraphs in the bucket of `shingle` (none when no two
    /// paragraphs share it).
    pub fn get(&self, shingle: u64, bits: u8) -> &[u32] {
        let key = bucket(shingle, bits);
        let Ok(i) = self.keys.binary_search(&key) else {
            return &[];
        };
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&start), Some(&end)) => self
                .units
                .get(start as usize..end as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }
}

/// Bits of a bucket for an index of `entries` (shingle, paragraph) pairs:
/// at least eight buckets per entry, so that a query's shingle shares its
/// bucket with another shingle rarely (an eighth of the time at most), and
/// a bucket number is at most 32 bits.
pub(super) fn bucket_bits(entries: usize) -> u8 {
    let wanted = (entries.max(1) * 8).next_power_of_two().trailing_zeros();
    wanted.clamp(8, 32) as u8
}

/// The bucket of a shingle: its top `bits` bits.
pub(super) fn bucket(shingle: u64, bits: u8) -> u32 {
    (shingle >> (64 - u32::from(bits.clamp(1, 32)))) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shingle_of_one_paragraph_alone_has_no_postings() {
        let bits = 16;
        let shared = 0xabcd_0000_0000_0001;
        let alone = 0x1234_0000_0000_0001;
        let sets = vec![vec![shared, alone], vec![shared], vec![]];
        let postings = Postings::build(&sets, bits);
        assert_eq!(postings.get(shared, bits), [0, 1]);
        assert_eq!(postings.get(alone, bits), [] as [u32; 0]);
        assert_eq!(postings.keys, [0xabcd]);
    }

    #[test]
    fn shingles_sharing_a_bucket_merge_their_lists() {
        let bits = 8;
        let (a, b) = (0xff00_0000_0000_0001, 0xff00_0000_0000_0002);
        let sets = vec![vec![a], vec![b], vec![a, b]];
        let postings = Postings::build(&sets, bits);
        assert_eq!(postings.get(a, bits), [0, 1, 2]);
        assert_eq!(postings.get(b, bits), [0, 1, 2]);
    }
}
