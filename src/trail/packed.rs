//! The wire form of a similarity index: what postcard writes and reads.
//!
//! Entries of a band are sorted by bucket, then paragraph, so buckets are
//! stored as gaps from the previous entry's bucket (mostly 0 or a few:
//! one byte as postcard's variable-length integers), and a paragraph
//! number as the gap from the previous one when it shares its bucket. Everything read is checked,
//! so that corrupt bytes give an [`IndexError`], never a panic or an index
//! that answers nonsense.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Band, Settings, SimilarityIndex};

/// The version of the wire form; bumped when it changes.
const FORMAT: u32 = 1;

/// Why bytes are not a similarity index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexError {
    /// Occurs when the bytes are not a postcard-encoded index (truncated,
    /// or not an index at all). Rebuild the index.
    Decode(String),
    /// Occurs when the bytes decode but do not hold together (written by
    /// another version, or corrupted). Rebuild the index with this
    /// version.
    Invalid(&'static str),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::Decode(e) => write!(f, "not a similarity index: {e}; rebuild it"),
            IndexError::Invalid(why) => {
                write!(
                    f,
                    "similarity index does not hold together ({why}); rebuild it with this version"
                )
            }
        }
    }
}

impl std::error::Error for IndexError {}

#[derive(Serialize, Deserialize)]
pub(super) struct Packed {
    format: u32,
    settings: Settings,
    bucket_bits: u8,
    instruments: Vec<(u32, u32)>,
    bands: Vec<PackedBand>,
}

#[derive(Serialize, Deserialize)]
struct PackedBand {
    bucket_gaps: Vec<u32>,
    /// Paragraph numbers, each as the gap from the previous entry's when
    /// the bucket gap is 0 (same bucket), else in full.
    unit_gaps: Vec<u32>,
}

impl From<SimilarityIndex> for Packed {
    fn from(index: SimilarityIndex) -> Packed {
        let bands = index
            .bands
            .into_iter()
            .map(|band| {
                let mut bucket_gaps = Vec::with_capacity(band.buckets.len());
                let mut unit_gaps = Vec::with_capacity(band.units.len());
                let (mut previous_bucket, mut previous_unit) = (0, 0);
                for (k, (&b, &u)) in band.buckets.iter().zip(&band.units).enumerate() {
                    let same_bucket = k > 0 && b == previous_bucket;
                    bucket_gaps.push(b - previous_bucket);
                    unit_gaps.push(if same_bucket { u - previous_unit } else { u });
                    previous_bucket = b;
                    previous_unit = u;
                }
                PackedBand {
                    bucket_gaps,
                    unit_gaps,
                }
            })
            .collect();
        Packed {
            format: FORMAT,
            settings: index.settings,
            bucket_bits: index.bucket_bits,
            instruments: index.instruments,
            bands,
        }
    }
}

impl TryFrom<Packed> for SimilarityIndex {
    type Error = IndexError;

    fn try_from(packed: Packed) -> Result<SimilarityIndex, IndexError> {
        if packed.format != FORMAT {
            return Err(IndexError::Invalid("unknown format version"));
        }
        if !packed.settings.is_valid() || !(8..=32).contains(&packed.bucket_bits) {
            return Err(IndexError::Invalid("settings out of range"));
        }
        if packed.bands.len() != usize::from(packed.settings.bands) {
            return Err(IndexError::Invalid("wrong number of bands"));
        }
        let paragraphs: u64 = packed
            .instruments
            .iter()
            .map(|&(pp, op)| u64::from(pp) + u64::from(op))
            .sum();
        if paragraphs > u64::from(u32::MAX) {
            return Err(IndexError::Invalid("too many paragraphs"));
        }
        let limit = 1u64 << packed.bucket_bits;
        let mut bands = Vec::with_capacity(packed.bands.len());
        for band in packed.bands {
            if band.bucket_gaps.len() != band.unit_gaps.len() {
                return Err(IndexError::Invalid(
                    "buckets and paragraphs differ in number",
                ));
            }
            let mut buckets = Vec::with_capacity(band.bucket_gaps.len());
            let mut units = Vec::with_capacity(band.unit_gaps.len());
            let (mut bucket, mut unit) = (0u64, 0u64);
            for (k, (&bucket_gap, &unit_gap)) in
                band.bucket_gaps.iter().zip(&band.unit_gaps).enumerate()
            {
                bucket += u64::from(bucket_gap);
                unit = if k > 0 && bucket_gap == 0 {
                    unit + u64::from(unit_gap)
                } else {
                    u64::from(unit_gap)
                };
                if bucket >= limit {
                    return Err(IndexError::Invalid("bucket out of range"));
                }
                if unit >= paragraphs {
                    return Err(IndexError::Invalid("paragraph number out of range"));
                }
                buckets.push(bucket as u32);
                units.push(unit as u32);
            }
            bands.push(Band { buckets, units });
        }
        Ok(SimilarityIndex::from_parts(
            packed.settings,
            packed.bucket_bits,
            packed.instruments,
            bands,
        ))
    }
}
