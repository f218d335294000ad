//! The wire form of a similarity index: what postcard writes and reads.
//!
//! Buckets are ascending, so each is stored as the gap from the previous
//! one; a bucket's paragraphs are ascending, so the first is stored in
//! full and each other as the gap from the one before. Postcard writes
//! every number as a variable-length integer: small gaps take one byte.
//! Everything read is checked, so that corrupt bytes give an
//! [`IndexError`], never a panic or an index that answers nonsense.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::candidates::Unit;
use super::postings::Postings;
use super::{Settings, SimilarityIndex};

/// The version of the wire form; bumped when it changes.
///
/// 1: MinHash/LSH band tables. 2: shingle postings.
const FORMAT: u32 = 2;

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
    /// Per paragraph: [`Unit::packed`].
    units: Vec<u32>,
    /// Per bucket: the gap from the previous bucket (the first in full).
    bucket_gaps: Vec<u32>,
    /// Per bucket: how many paragraphs it holds (two or more).
    lengths: Vec<u32>,
    /// The buckets' paragraphs, bucket after bucket: the first of each in
    /// full, the others as gaps from the one before.
    unit_gaps: Vec<u32>,
}

impl From<SimilarityIndex> for Packed {
    fn from(index: SimilarityIndex) -> Packed {
        let postings = &index.postings;
        let mut bucket_gaps = Vec::with_capacity(postings.keys.len());
        let mut lengths = Vec::with_capacity(postings.keys.len());
        let mut unit_gaps = Vec::with_capacity(postings.units.len());
        let mut previous_key = 0;
        for (k, &key) in postings.keys.iter().enumerate() {
            bucket_gaps.push(key - previous_key);
            previous_key = key;
            let (start, end) = (
                postings.offsets[k] as usize,
                postings.offsets[k + 1] as usize,
            );
            let units = &postings.units[start..end];
            lengths.push(units.len() as u32);
            let mut previous_unit = 0;
            for (j, &u) in units.iter().enumerate() {
                unit_gaps.push(if j == 0 { u } else { u - previous_unit });
                previous_unit = u;
            }
        }
        Packed {
            format: FORMAT,
            settings: index.settings,
            bucket_bits: index.bucket_bits,
            instruments: index.instruments,
            units: index.units.into_iter().map(Unit::packed).collect(),
            bucket_gaps,
            lengths,
            unit_gaps,
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
        let paragraphs: u64 = packed
            .instruments
            .iter()
            .map(|&(pp, op)| u64::from(pp) + u64::from(op))
            .sum();
        if paragraphs > u64::from(u32::MAX) {
            return Err(IndexError::Invalid("too many paragraphs"));
        }
        if packed.units.len() as u64 != paragraphs {
            return Err(IndexError::Invalid(
                "paragraph sizes differ from the paragraphs in number",
            ));
        }
        if packed.bucket_gaps.len() != packed.lengths.len() {
            return Err(IndexError::Invalid(
                "buckets and their lengths differ in number",
            ));
        }
        let entries: u64 = packed.lengths.iter().map(|&l| u64::from(l)).sum();
        if entries != packed.unit_gaps.len() as u64 {
            return Err(IndexError::Invalid(
                "bucket lengths and paragraphs differ in number",
            ));
        }
        let limit = 1u64 << packed.bucket_bits;
        let mut postings = Postings {
            keys: Vec::with_capacity(packed.bucket_gaps.len()),
            offsets: Vec::with_capacity(packed.bucket_gaps.len() + 1),
            units: Vec::with_capacity(packed.unit_gaps.len()),
        };
        postings.offsets.push(0);
        let mut key = 0u64;
        let mut gaps = packed.unit_gaps.iter();
        for (k, (&gap, &length)) in packed.bucket_gaps.iter().zip(&packed.lengths).enumerate() {
            if k > 0 && gap == 0 {
                return Err(IndexError::Invalid("buckets not ascending"));
            }
            key += u64::from(gap);
            if key >= limit {
                return Err(IndexError::Invalid("bucket out of range"));
            }
            if length < 2 {
                return Err(IndexError::Invalid("a bucket of fewer than two paragraphs"));
            }
            postings.keys.push(key as u32);
            let mut unit = 0u64;
            for j in 0..length {
                let gap = u64::from(
                    *gaps
                        .next()
                        .ok_or(IndexError::Invalid("paragraphs missing"))?,
                );
                if j > 0 && gap == 0 {
                    return Err(IndexError::Invalid("paragraphs of a bucket not ascending"));
                }
                unit = if j == 0 { gap } else { unit + gap };
                if unit >= paragraphs {
                    return Err(IndexError::Invalid("paragraph number out of range"));
                }
                postings.units.push(unit as u32);
            }
            postings.offsets.push(postings.units.len() as u32);
        }
        let units = packed.units.into_iter().map(Unit::unpacked).collect();
        Ok(SimilarityIndex::from_parts(
            packed.settings,
            packed.bucket_bits,
            packed.instruments,
            units,
            postings,
        ))
    }
}
