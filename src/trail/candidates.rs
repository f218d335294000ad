//! The candidates of a query, each with an upper bound on its exact
//! similarity, found from the postings without reading any candidate's
//! text.
//!
//! For a piece `x` of the queried paragraph (of `m` distinct shingles) and
//! a piece `y` of another paragraph, the Jaccard similarity
//! `|x ∩ y| / |x ∪ y|` is at most `|x ∩ y| / m`. So a paragraph at the
//! threshold `t` or above shares at least `t·m` of `x`'s shingles, and
//! one of them, at least, is outside the `L` shingles of `x` with the
//! longest postings, for the largest `L` below `t·m` (prefix filtering:
//! the commonest phrases, "Member States to", "the United Nations", need
//! not be read). Reading the other postings counts, for each paragraph
//! met, `c` shared shingles; it shares at most `c + L` with `x`, which
//! bounds its similarity: `(c + L) / (m + |y| − (c + L))` against its
//! whole (whose size the index stores), `(c + L) / m` against one of its
//! sub-paragraphs. No paragraph at `t` or above is left out, and the
//! bounds order the verification: best first, stopping when no bound
//! left can reach the results.

use std::ops::Range;

use super::postings::Postings;
use super::Shingled;

/// What the postings say of one paragraph of the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Unit {
    /// Distinct shingles of the whole paragraph.
    pub size: u32,
    /// Whether it has sub-paragraphs with words (pieces besides the
    /// whole).
    pub has_subparagraphs: bool,
}

impl Unit {
    /// The unit as stored: its size, doubled, plus one if it has
    /// sub-paragraphs.
    pub fn packed(self) -> u32 {
        self.size.saturating_mul(2) | u32::from(self.has_subparagraphs)
    }

    pub fn unpacked(packed: u32) -> Unit {
        Unit {
            size: packed >> 1,
            has_subparagraphs: packed & 1 == 1,
        }
    }
}

/// The paragraphs that may be at `threshold` or above from `query`, with
/// the bound of each, best first (then in reading order), leaving out the
/// paragraph numbers in `excluded`.
pub(super) fn candidates(
    postings: &Postings,
    bucket_bits: u8,
    units: &[Unit],
    query: &Shingled,
    threshold: f32,
    excluded: Range<u32>,
) -> Vec<(u32, f32)> {
    let mut counts = vec![0u32; units.len()];
    let mut bounds = vec![0f32; units.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut found: Vec<u32> = Vec::new();
    for piece in query.pieces() {
        let m = piece.len();
        let mut lists: Vec<&[u32]> = piece
            .iter()
            .map(|&s| postings.get(s, bucket_bits))
            .collect();
        lists.sort_unstable_by_key(|l| std::cmp::Reverse(l.len()));
        let skipped = skippable(m, threshold);
        for list in lists.iter().skip(skipped) {
            for &u in *list {
                if let Some(c) = counts.get_mut(u as usize) {
                    if *c == 0 {
                        touched.push(u);
                    }
                    *c += 1;
                }
            }
        }
        for u in touched.drain(..) {
            let k = u as usize;
            let shared = std::mem::take(&mut counts[k]) as usize + skipped;
            if excluded.contains(&u) {
                continue;
            }
            let bound = bound(shared.min(m), m, units[k]);
            if bound >= threshold && bound > 0.0 && bound > bounds[k] {
                if bounds[k] == 0.0 {
                    found.push(u);
                }
                bounds[k] = bound;
            }
        }
    }
    let mut out: Vec<(u32, f32)> = found.into_iter().map(|u| (u, bounds[u as usize])).collect();
    out.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The most shingles of a piece of `m` that can be left unread at
/// `threshold`: the largest `L` with `L / m` below it, computed as the
/// similarity is (in `f32`), so that a paragraph sharing only `L`
/// shingles is below the threshold however the division rounds.
fn skippable(m: usize, threshold: f32) -> usize {
    if m == 0 || threshold.is_nan() || threshold <= 0.0 {
        return 0;
    }
    let mut l = ((threshold * m as f32).ceil() as usize).min(m);
    while l > 0 && l as f32 / m as f32 >= threshold {
        l -= 1;
    }
    l
}

/// The highest similarity a paragraph sharing at most `shared` of a
/// piece's `m` shingles can have with it.
fn bound(shared: usize, m: usize, unit: Unit) -> f32 {
    let size = unit.size as usize;
    let whole = if size == 0 {
        0.0
    } else {
        let c = shared.min(size);
        c as f32 / (m + size - c) as f32
    };
    if unit.has_subparagraphs {
        whole.max(shared as f32 / m.max(1) as f32)
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unread_shingles_are_too_few_to_reach_the_threshold() {
        for m in 1..500 {
            for threshold in [0.05f32, 0.1, 0.2, 0.3, 0.5, 1.0] {
                let l = skippable(m, threshold);
                assert!(l as f32 / m as f32 <= threshold, "m {m}, t {threshold}");
                assert!((l as f32 / m as f32) < threshold, "m {m}, t {threshold}");
                // And the next one would reach it.
                assert!(
                    ((l + 1) as f32 / m as f32) >= threshold,
                    "m {m}, t {threshold}"
                );
            }
        }
        assert_eq!(skippable(30, 0.1), 2);
        assert_eq!(skippable(31, 0.1), 3);
        assert_eq!(skippable(9, 0.1), 0);
        assert_eq!(skippable(40, 0.0), 0);
    }

    #[test]
    fn the_bound_is_the_similarity_when_the_count_is_exact() {
        let whole = Unit {
            size: 20,
            has_subparagraphs: false,
        };
        // 10 shared of 10 and 20: 10 / 20.
        assert_eq!(bound(10, 10, whole), 0.5);
        let with_subparagraphs = Unit {
            has_subparagraphs: true,
            ..whole
        };
        // A sub-paragraph could hold exactly the 10.
        assert_eq!(bound(10, 10, with_subparagraphs), 1.0);
        assert_eq!(bound(0, 10, whole), 0.0);
    }
}
