//! Byte runs kept in chunks, any of which may be absent: the storage of
//! postings, positions and token streams.
//!
//! Each key (a word id or a unit) owns a run of bytes. Keys are cut into
//! consecutive ranges, one chunk each, so that a split index can be shipped
//! in pieces and fetched on demand. A whole index is one whose chunks are
//! all present (as built: one chunk holding every key). A key whose chunk
//! is absent reads as an empty run, which every reader already takes as
//! "nothing here", and the chunk is recorded as missed, so that the caller
//! can fetch it and search again (see [`super::split`]).

use std::collections::BTreeSet;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// The runs of consecutive keys, cut into chunks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Chunked {
    /// The first key of each chunk, increasing from 0; chunk `k` holds the
    /// keys `firsts[k]..firsts[k + 1]` (the last one, up to `keys`).
    /// Written as differences: a split head lists every shard's.
    #[serde(with = "super::deltas")]
    firsts: Vec<u32>,
    /// Keys in all.
    keys: u32,
    chunks: Vec<Option<Chunk>>,
    /// Chunks read while absent, since [`Chunked::take_misses`].
    #[serde(skip)]
    misses: Misses,
}

/// The runs of one range of keys.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chunk {
    /// Where each key's run starts in `bytes`; one more than keys.
    starts: Vec<u64>,
    bytes: Vec<u8>,
}

/// Why a chunk does not fit its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChunkError {
    /// Occurs when the chunk number is past the last chunk.
    NoSuchChunk,
    /// Occurs when the chunk holds more or fewer keys than its range, or its
    /// offsets decrease or point past its bytes.
    Malformed,
}

impl Chunked {
    /// One chunk holding every key: what the builders write.
    pub fn whole(chunk: Chunk) -> Chunked {
        Chunked {
            firsts: vec![0],
            keys: chunk.keys(),
            chunks: vec![Some(chunk)],
            misses: Misses::default(),
        }
    }

    /// Appends the run of the next key to the last chunk, as builders do
    /// (an index being built is one chunk). Does nothing when the last
    /// chunk is absent: a split index is not built upon.
    pub fn push(&mut self, run: &[u8]) {
        if self.chunks.is_empty() {
            *self = Chunked::whole(Chunk::new());
        }
        if let Some(Some(chunk)) = self.chunks.last_mut() {
            chunk.bytes.extend_from_slice(run);
            chunk.close_run();
            self.keys += 1;
        }
    }

    /// Releases spare capacity once every run is in.
    pub fn shrink(&mut self) {
        for chunk in self.chunks.iter_mut().flatten() {
            chunk.shrink();
        }
    }

    /// The run of `key`; empty when its chunk is absent (recorded as a
    /// miss) or the key is unknown.
    #[inline]
    pub fn get(&self, key: u32) -> &[u8] {
        // As built, the index has one chunk: no search.
        let k = if self.firsts.len() == 1 {
            0
        } else {
            self.firsts.partition_point(|&f| f <= key).saturating_sub(1)
        };
        match self.chunks.get(k) {
            Some(Some(chunk)) => {
                let first = self.firsts.get(k).copied().unwrap_or(0);
                chunk.get(key.wrapping_sub(first) as usize)
            }
            Some(None) if key < self.keys => {
                self.misses.record(k as u32);
                &[]
            }
            _ => &[],
        }
    }

    /// The chunks read while absent since the last call, in order.
    pub fn take_misses(&self) -> Vec<u32> {
        self.misses.take()
    }

    /// Chunks in all, present or not.
    pub fn len(&self) -> usize {
        self.chunks.len()
    }

    /// Whether chunk `k` is present.
    pub fn has(&self, k: u32) -> bool {
        matches!(self.chunks.get(k as usize), Some(Some(_)))
    }

    /// Puts chunk `k` in place, after checking that it fits its range.
    pub fn insert(&mut self, k: u32, chunk: Chunk) -> Result<(), ChunkError> {
        let keys = self.range(k).ok_or(ChunkError::NoSuchChunk)?.len();
        if !chunk.is_well_formed(keys) {
            return Err(ChunkError::Malformed);
        }
        if let Some(slot) = self.chunks.get_mut(k as usize) {
            *slot = Some(chunk);
        }
        Ok(())
    }

    /// Whether the layout is consistent: first keys increasing from 0, one
    /// chunk each, present chunks the size of their ranges. A head read
    /// from untrusted bytes is checked with it.
    pub fn is_well_formed(&self) -> bool {
        self.firsts.first().is_none_or(|&f| f == 0)
            && self.firsts.windows(2).all(|w| w[0] < w[1])
            && self.firsts.last().is_none_or(|&f| f < self.keys.max(1))
            && self.firsts.len() == self.chunks.len()
            && (0..self.chunks.len() as u32).all(|k| match &self.chunks[k as usize] {
                Some(c) => self.range(k).is_some_and(|r| c.is_well_formed(r.len())),
                None => true,
            })
    }

    /// The keys of chunk `k`.
    fn range(&self, k: u32) -> Option<std::ops::Range<u32>> {
        let first = *self.firsts.get(k as usize)?;
        let end = self
            .firsts
            .get(k as usize + 1)
            .copied()
            .unwrap_or(self.keys);
        Some(first..end)
    }

    /// The same runs cut anew into chunks of about `target` bytes each (a
    /// chunk closes once it reaches `target`, so one long run makes a chunk
    /// of its own): the layout, with every chunk absent, and the chunks.
    /// Absent chunks of `self` give empty runs.
    pub fn cut(&self, target: usize) -> (Chunked, Vec<Chunk>) {
        let mut firsts = Vec::new();
        let mut chunks = Vec::new();
        let mut open = Chunk::default();
        for key in 0..self.keys {
            if open.starts.is_empty() {
                firsts.push(key);
                open.starts.push(0);
            }
            open.bytes.extend_from_slice(self.peek(key));
            open.starts.push(open.bytes.len() as u64);
            if open.bytes.len() >= target {
                chunks.push(std::mem::take(&mut open));
            }
        }
        if !open.starts.is_empty() {
            chunks.push(open);
        }
        let layout = Chunked {
            firsts,
            keys: self.keys,
            chunks: vec![None; chunks.len()],
            misses: Misses::default(),
        };
        (layout, chunks)
    }

    /// [`Chunked::get`] without recording a miss.
    fn peek(&self, key: u32) -> &[u8] {
        let k = self.firsts.partition_point(|&f| f <= key).saturating_sub(1);
        match (self.chunks.get(k), self.firsts.get(k)) {
            (Some(Some(chunk)), Some(&first)) => chunk.get(key.wrapping_sub(first) as usize),
            _ => &[],
        }
    }
}

impl Chunk {
    /// A chunk with no key yet, to [`Chunk::push`] runs into.
    pub fn new() -> Chunk {
        Chunk {
            starts: vec![0],
            bytes: Vec::new(),
        }
    }

    /// The bytes of the next key's run are appended to `bytes_mut`; this
    /// closes the run.
    pub fn close_run(&mut self) {
        self.starts.push(self.bytes.len() as u64);
    }

    /// Where to append the open run's bytes.
    pub fn bytes_mut(&mut self) -> &mut Vec<u8> {
        &mut self.bytes
    }

    /// Releases spare capacity once every run is in.
    pub fn shrink(&mut self) {
        self.bytes.shrink_to_fit();
        self.starts.shrink_to_fit();
    }

    fn keys(&self) -> u32 {
        self.starts.len().saturating_sub(1) as u32
    }

    #[inline]
    fn get(&self, key: usize) -> &[u8] {
        let at = |k: usize| self.starts.get(k).copied().unwrap_or(0) as usize;
        self.bytes.get(at(key)..at(key + 1)).unwrap_or(&[])
    }

    fn is_well_formed(&self, keys: usize) -> bool {
        self.starts.len() == keys + 1
            && self.starts.first() == Some(&0)
            && self.starts.windows(2).all(|w| w[0] <= w[1])
            && self.starts.last() == Some(&(self.bytes.len() as u64))
    }
}

/// The chunks found absent. Behind a mutex (rather than a `RefCell`) so
/// that the index stays `Sync` and can sit in a `static`; it is locked
/// only on a miss, never on the whole index's path.
#[derive(Debug, Default)]
struct Misses(Mutex<BTreeSet<u32>>);

impl Misses {
    fn record(&self, k: u32) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).insert(k);
    }

    fn take(&self) -> Vec<u32> {
        let mut set = self.0.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *set).into_iter().collect()
    }
}

/// A clone starts with no misses: they belong to one search.
impl Clone for Misses {
    fn clone(&self) -> Misses {
        Misses::default()
    }
}

/// Misses are not part of the index's value.
impl PartialEq for Misses {
    fn eq(&self, _: &Misses) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(runs: &[&[u8]]) -> Chunked {
        let mut chunk = Chunk::new();
        for r in runs {
            chunk.bytes_mut().extend_from_slice(r);
            chunk.close_run();
        }
        Chunked::whole(chunk)
    }

    #[test]
    fn runs_cut_into_chunks_read_back_once_their_chunks_are_in() {
        let src = runs(&[b"ab", b"", b"cde", b"f", b"gh"]);
        let (mut split, chunks) = src.cut(3);
        // "ab", "", "cde" reach 3 bytes; "f", "gh" make the second chunk.
        assert_eq!(chunks.len(), 2);
        assert_eq!(split.get(3), b"");
        assert_eq!(split.take_misses(), [1]);
        for (k, c) in chunks.into_iter().enumerate() {
            split.insert(k as u32, c).expect("the chunk fits");
        }
        for key in 0..6 {
            assert_eq!(split.get(key), src.get(key));
        }
        assert!(split.take_misses().is_empty());
        assert!(split.is_well_formed());
    }

    #[test]
    fn a_chunk_of_the_wrong_size_is_refused() {
        let (mut split, _) = runs(&[b"ab", b"cd", b"ef"]).cut(2);
        assert_eq!(split.insert(0, Chunk::new()), Err(ChunkError::Malformed));
        let bad = Chunk {
            starts: vec![0, 9],
            bytes: vec![1],
        };
        assert_eq!(split.insert(1, bad), Err(ChunkError::Malformed));
        assert_eq!(split.insert(7, Chunk::new()), Err(ChunkError::NoSuchChunk));
    }
}
