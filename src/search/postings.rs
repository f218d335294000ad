//! Postings: for each word, the units that contain it, in document order.
//!
//! One byte buffer for all words; each word's list is a run of entries
//! `unit delta, (tf << 1) | in_lead` written as varints. Deltas between
//! consecutive units are small, so a list costs about two bytes a unit.
//! `tf` counts the word in the unit's own text; `in_lead` says the word is
//! in the lead phrase the unit opens with or inherits. A sub-paragraph that
//! has the word only in its paragraph's lead gets `tf` 0 and `in_lead`.
//!
//! Positions are a second buffer, read only to check phrases: for each
//! entry, `tf` word positions in the unit's own text (the first, then
//! gaps). Scoring single words never decodes them; a phrase check reads
//! the positions of its few words rather than whole token streams, which
//! keeps "trafficking in persons" fast when every unit has all three words.
//!
//! Both are [`Chunked`] by word id, separately: a query without a phrase
//! never needs the positions, so a split index need not fetch them.

use serde::{Deserialize, Serialize};

use super::chunked::{Chunk, Chunked};
use super::varint::{self, Reader};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Postings {
    /// Each word's list.
    pub(crate) lists: Chunked,
    /// Each word's positions.
    pub(crate) positions: Chunked,
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
        PostingIter {
            reader: Reader::new(self.lists.get(id)),
            unit: 0,
            first: true,
        }
    }
}

impl Postings {
    /// A cursor over word `id`'s list that can also read positions.
    pub fn cursor(&self, id: u32) -> Cursor<'_> {
        Cursor {
            postings: self.of(id),
            positions: Reader::new(self.positions.get(id)),
            current: None,
            unread: 0,
        }
    }
}

/// Walks a word's list forward to given units and reads their positions.
pub struct Cursor<'a> {
    postings: PostingIter<'a>,
    positions: Reader<'a>,
    current: Option<Posting>,
    /// Positions of the current entry not read yet.
    unread: u32,
}

impl Cursor<'_> {
    /// Moves to `unit` if the word is there (then true), or past it. Units
    /// must be asked for in increasing order.
    pub fn seek(&mut self, unit: u32) -> bool {
        loop {
            match self.current {
                Some(p) if p.unit >= unit => return p.unit == unit,
                _ => {}
            }
            for _ in 0..self.unread {
                self.positions.next();
            }
            match self.postings.next() {
                Some(p) => {
                    self.current = Some(p);
                    self.unread = p.tf;
                }
                None => {
                    self.current = None;
                    self.unread = 0;
                    return false;
                }
            }
        }
    }

    /// Whether the cursor is at `unit` and the word is in its lead phrase.
    pub fn is_in_lead_at(&self, unit: u32) -> bool {
        self.current.is_some_and(|p| p.unit == unit && p.in_lead)
    }

    /// Appends the positions of the current entry, each with `tag` (once;
    /// later calls add nothing).
    pub fn positions<T: Copy>(&mut self, out: &mut Vec<(u32, T)>, tag: T) {
        let mut at = 0u32;
        for k in 0..self.unread {
            let gap = self.positions.next();
            at = if k == 0 { gap } else { at.saturating_add(gap) };
            out.push((at, tag));
        }
        self.unread = 0;
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
    positions: Vec<Vec<u8>>,
    last: Vec<Option<u32>>,
}

impl PostingsBuilder {
    pub fn new(words: usize) -> Self {
        PostingsBuilder {
            lists: vec![Vec::new(); words],
            positions: vec![Vec::new(); words],
            last: vec![None; words],
        }
    }

    /// Adds `unit` to the list of `word`, with the `posting.tf` positions
    /// of the word in the unit's own text, increasing. Units must come in
    /// increasing order for each word.
    pub fn add(&mut self, word: u32, posting: Posting, positions: &[u32]) {
        let w = word as usize;
        let (Some(list), Some(last), Some(out)) = (
            self.lists.get_mut(w),
            self.last.get_mut(w),
            self.positions.get_mut(w),
        ) else {
            return;
        };
        let mut previous = 0;
        for (k, &p) in positions.iter().enumerate() {
            varint::push(
                out,
                if k == 0 {
                    p
                } else {
                    p.saturating_sub(previous)
                },
            );
            previous = p;
        }
        let delta = match *last {
            None => posting.unit,
            Some(l) => posting.unit.saturating_sub(l),
        };
        *last = Some(posting.unit);
        varint::push(list, delta);
        varint::push(list, (posting.tf << 1) | u32::from(posting.in_lead));
    }

    pub fn finish(self) -> Postings {
        Postings {
            lists: Chunked::whole(concat(self.lists)),
            positions: Chunked::whole(concat(self.positions)),
        }
    }
}

/// One chunk of the runs, in word order.
fn concat(runs: Vec<Vec<u8>>) -> Chunk {
    let mut chunk = Chunk::new();
    chunk
        .bytes_mut()
        .reserve_exact(runs.iter().map(Vec::len).sum());
    for run in runs {
        chunk.bytes_mut().extend_from_slice(&run);
        chunk.close_run();
    }
    chunk
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_read_back_in_unit_order() {
        let mut b = PostingsBuilder::new(2);
        let p = |unit, tf, in_lead| Posting { unit, tf, in_lead };
        b.add(1, p(0, 2, true), &[0, 5]);
        b.add(0, p(3, 1, false), &[9]);
        b.add(1, p(700, 0, true), &[]);
        let postings = b.finish();
        assert_eq!(postings.of(0).collect::<Vec<_>>(), [p(3, 1, false)]);
        assert_eq!(
            postings.of(1).collect::<Vec<_>>(),
            [p(0, 2, true), p(700, 0, true)]
        );
        assert_eq!(postings.of(9).count(), 0);
    }

    #[test]
    fn a_cursor_skips_to_a_unit_and_reads_its_positions() {
        let mut b = PostingsBuilder::new(1);
        let p = |unit, tf| Posting {
            unit,
            tf,
            in_lead: false,
        };
        b.add(0, p(2, 2), &[1, 4]);
        b.add(0, p(5, 3), &[0, 7, 300]);
        b.add(0, p(9, 1), &[3]);
        let postings = b.finish();
        let mut c = postings.cursor(0);
        let mut got = Vec::new();
        assert!(!c.seek(1));
        assert!(c.seek(5));
        c.positions(&mut got, ());
        assert_eq!(got, [(0, ()), (7, ()), (300, ())]);
        assert!(!c.seek(6));
        assert!(c.seek(9));
        got.clear();
        c.positions(&mut got, ());
        assert_eq!(got, [(3, ())]);
        assert!(!c.seek(10));
    }
}
