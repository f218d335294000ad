//! MinHash signatures and their LSH band keys.
//!
//! The `i`-th hash function of a signature is `(a·x + b) >> 32` with odd
//! multiplier `a` and offset `b` drawn from SplitMix64 at a fixed seed,
//! applied to the 64-bit shingle hashes (already well mixed): cheap, and
//! the same on every platform, so that keys computed in the browser match
//! those computed when the index was built.

use super::Settings;
use crate::shingles::mix;

/// Where the hash functions' parameters are drawn from.
const SEED: u64 = 0x5eed_c1a0_5e00_0001;

/// The hash functions of a signature.
pub(super) struct Hasher {
    rows: usize,
    multipliers: Vec<u64>,
    offsets: Vec<u64>,
}

impl Hasher {
    pub fn new(settings: Settings) -> Hasher {
        let functions = usize::from(settings.bands) * usize::from(settings.rows);
        let draw = |i: usize| mix(SEED.wrapping_add(i as u64));
        Hasher {
            rows: usize::from(settings.rows).max(1),
            multipliers: (0..functions).map(|i| draw(2 * i) | 1).collect(),
            offsets: (0..functions).map(|i| draw(2 * i + 1)).collect(),
        }
    }

    /// The MinHash signature of a set of shingle hashes: for each function,
    /// the least value it takes over the set.
    pub fn signature(&self, shingles: &[u64]) -> Vec<u32> {
        let mut signature = vec![u32::MAX; self.multipliers.len()];
        for &s in shingles {
            for ((min, &a), &b) in signature
                .iter_mut()
                .zip(&self.multipliers)
                .zip(&self.offsets)
            {
                let h = (s.wrapping_mul(a).wrapping_add(b) >> 32) as u32;
                *min = (*min).min(h);
            }
        }
        signature
    }

    /// One key per band: the hash of the band's rows and its number.
    pub fn band_keys(&self, shingles: &[u64]) -> Vec<u64> {
        self.signature(shingles)
            .chunks(self.rows)
            .enumerate()
            .map(|(band, rows)| {
                rows.iter()
                    .fold(mix(band as u64 ^ SEED), |acc, &v| mix(acc ^ u64::from(v)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shingles::{jaccard, shingles};

    #[test]
    fn equal_signature_values_estimate_the_jaccard_similarity() {
        let hasher = Hasher::new(Settings {
            shingle_words: 3,
            bands: 64,
            rows: 4,
        });
        let a = shingles(
            "Urges Member States that have not yet done so to consider ratifying or acceding to \
             the United Nations Convention against Transnational Organized Crime and the \
             Protocols thereto, and calls upon States parties to implement them fully",
            3,
        );
        let b = shingles(
            "Urges Member States that have not yet done so to consider ratifying or acceding to \
             the Convention and the Protocol, and calls upon States parties to implement them \
             fully and effectively",
            3,
        );
        let (sa, sb) = (hasher.signature(&a), hasher.signature(&b));
        let equal = sa.iter().zip(&sb).filter(|(x, y)| x == y).count();
        let estimate = equal as f32 / sa.len() as f32;
        assert!(
            (estimate - jaccard(&a, &b)).abs() < 0.1,
            "{estimate} against {}",
            jaccard(&a, &b)
        );
    }

    #[test]
    fn band_keys_are_the_same_on_every_platform() {
        let hasher = Hasher::new(Settings {
            shingle_words: 3,
            bands: 16,
            rows: 3,
        });
        let keys = hasher.band_keys(&shingles("Invites Member States and other donors", 3));
        assert_eq!(keys.len(), 16);
        assert_eq!(keys[0], 0x9aaa_a293_18b8_9975);
    }
}
