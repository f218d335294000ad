//! Postings: for each word, the units that contain it, in document order.
//!
//! One byte buffer for all words; each word's list is a run of entries
//! `unit delta, (tf << 1) | in_lead` written as varints. Deltas between
//! consecutive units are small, so a list costs about two bytes a unit.
//! `tf` counts the word in the unit's own text; `in_lead` says the word is
//! in the lead phrase the unit opens with or inherits. A sub-paragraph that
//! has the word only in its paragraph's lead gets `tf` 0 and `in_lead`.

use serde::{Deserialize, Serialize};

use super::varint::{self, Reader};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Postings {
    bytes: Vec<u8>,
    /// Where each word's list starts in `bytes`; one more than words.
    starts: Vec<u64>,
}

/// One unit in a word's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Posting {
    pub unit: u32,
    /// Occurrences in the unit's own text.
    pub tf: u32,
    /// The word is in the unit's lead phrase (its own or its paragraph's).
    pub in_lead: bool,
}

impl Postings {
    /// The list of word `id`, in unit order.
    pub fn of(&self, id: u32) -> PostingIter<'_> {
        let id = id as usize;
        let at = |k: usize| self.starts.get(k).copied().unwrap_or(0) as usize;
        let bytes = self.bytes.get(at(id)..at(id + 1)).unwrap_or(&[]);
        PostingIter {
            reader: Reader::new(bytes),
            unit: 0,
            first: true,
        }
    }
}

/// Reads one word's list.
pub struct PostingIter<'a> {
    reader: Reader<'a>,
    unit: u32,
    first: bool,
}

impl Iterator for PostingIter<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        if self.reader.is_empty() {
            return None;
        }
        let delta = self.reader.next();
        self.unit = if self.first {
            delta
        } else {
            self.unit.saturating_add(delta)
        };
        self.first = false;
        let packed = self.reader.next();
        Some(Posting {
            unit: self.unit,
            tf: packed >> 1,
            in_lead: packed & 1 == 1,
        })
    }
}

/// Writes the lists of all words as units arrive in document order.
pub struct PostingsBuilder {
    lists: Vec<Vec<u8>>,
    last: Vec<Option<u32>>,
}

impl PostingsBuilder {
    pub fn new(words: usize) -> Self {
        PostingsBuilder {
            lists: vec![Vec::new(); words],
            last: vec![None; words],
        }
    }

    /// Adds `unit` to the list of `word`. Units must come in increasing
    /// order for each word.
    pub fn add(&mut self, word: u32, posting: Posting) {
        let w = word as usize;
        let (Some(list), Some(last)) = (self.lists.get_mut(w), self.last.get_mut(w)) else {
            return;
        };
        let delta = match *last {
            None => posting.unit,
            Some(l) => posting.unit.saturating_sub(l),
        };
        *last = Some(posting.unit);
        varint::push(list, delta);
        varint::push(list, (posting.tf << 1) | u32::from(posting.in_lead));
    }

    pub fn finish(self) -> Postings {
        let total = self.lists.iter().map(Vec::len).sum();
        let mut bytes = Vec::with_capacity(total);
        let mut starts = Vec::with_capacity(self.lists.len() + 1);
        for list in self.lists {
            starts.push(bytes.len() as u64);
            bytes.extend_from_slice(&list);
        }
        starts.push(bytes.len() as u64);
        Postings { bytes, starts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_read_back_in_unit_order() {
        let mut b = PostingsBuilder::new(2);
        let p = |unit, tf, in_lead| Posting { unit, tf, in_lead };
        b.add(1, p(0, 2, true));
        b.add(0, p(3, 1, false));
        b.add(1, p(700, 0, true));
        let postings = b.finish();
        assert_eq!(postings.of(0).collect::<Vec<_>>(), [p(3, 1, false)]);
        assert_eq!(
            postings.of(1).collect::<Vec<_>>(),
            [p(0, 2, true), p(700, 0, true)]
        );
        assert_eq!(postings.of(9).count(), 0);
    }
}
