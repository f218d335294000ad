//! Non-decreasing columns written as their differences.
//!
//! Some per-unit columns only grow: where each unit's id segment or cited
//! targets end, the instrument of each unit in document order. As numbers
//! they take three or four varint bytes a unit; as differences from the
//! previous value, one, and runs of zeros that compress to nothing. At a
//! million units that is most of a split index's head (see
//! [`super::split`]), which is loaded before any search. In memory the
//! column stays as it was, so reading it costs nothing more.
//!
//! Use as `#[serde(with = "super::deltas")]` on a `Vec<u32>`. A corrupt
//! column reads back (wrapping) as some other column, never a panic; the
//! readers already take any value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A column as it is written, to measure it on its own.
pub struct AsDeltas<'a>(pub &'a [u32]);

impl Serialize for AsDeltas<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(self.0, serializer)
    }
}

pub fn serialize<S: Serializer>(column: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
    let mut previous = 0u32;
    serializer.collect_seq(column.iter().map(|&v| {
        let d = v.wrapping_sub(previous);
        previous = v;
        d
    }))
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
    let mut column = Vec::<u32>::deserialize(deserializer)?;
    let mut sum = 0u32;
    for v in &mut column {
        sum = sum.wrapping_add(*v);
        *v = sum;
    }
    Ok(column)
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Column(#[serde(with = "super")] Vec<u32>);

    #[test]
    fn a_growing_column_reads_back_and_takes_a_byte_a_value() {
        let src = Column(vec![70_000, 70_000, 70_003, 70_010, 200_000]);
        let bytes = postcard::to_allocvec(&src).expect("serializes");
        assert_eq!(bytes.len(), 1 + 3 + 1 + 1 + 1 + 3);
        let got: Column = postcard::from_bytes(&bytes).expect("deserializes");
        assert_eq!(got, src);
    }

    #[test]
    fn a_column_that_shrinks_still_reads_back() {
        let src = Column(vec![5, 2, u32::MAX, 0]);
        let bytes = postcard::to_allocvec(&src).expect("serializes");
        let got: Column = postcard::from_bytes(&bytes).expect("deserializes");
        assert_eq!(got, src);
    }
}
