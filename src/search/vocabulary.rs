//! The vocabulary: every distinct folded word of the corpus, with how many
//! units use it, and two orders over it that make expansion cheap.
//!
//! Word ids are ranked by document frequency, most frequent first, so that
//! the token streams, which store a word id per token, mostly hold one-byte
//! numbers. The alphabetical order turns a prefix into one contiguous range
//! found by binary search, and walked in full it is a trie for the typo
//! search; the order by length serves suggestions.

use serde::{Deserialize, Serialize};

/// Words longer than this (in characters) share the last length bucket.
const MAX_BUCKET: usize = 64;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Written", into = "Written")]
pub struct Vocabulary {
    /// The words in id order, concatenated.
    text: String,
    /// Where each word ends in `text` (it starts where the previous ends).
    ends: Vec<u32>,
    /// Units that contain each word (own text or inherited lead).
    df: Vec<u32>,
    /// Word ids in alphabetical order.
    alphabetical: Vec<u32>,
    /// For each word in alphabetical order, how many leading characters it
    /// shares with the word before it (at most 255): the trie, implicitly.
    shared: Vec<u8>,
    /// Word ids by length in characters.
    by_length: Vec<u32>,
    /// `by_length[length_starts[n]..]` begins the words of `n` characters.
    length_starts: Vec<u32>,
}

/// What is written of the vocabulary: the words and their frequencies.
/// The orders are derived again when it is read, as [`Vocabulary::build`]
/// derives them: they are permutations, three bytes a word that compress
/// poorly, and the vocabulary is in the head a split index loads first.
#[derive(Serialize, Deserialize)]
struct Written {
    text: String,
    #[serde(with = "super::deltas")]
    ends: Vec<u32>,
    df: Vec<u32>,
}

impl From<Written> for Vocabulary {
    fn from(w: Written) -> Vocabulary {
        let mut v = Vocabulary {
            text: w.text,
            ends: w.ends,
            df: w.df,
            ..Vocabulary::default()
        };
        v.derive_orders();
        v
    }
}

impl From<Vocabulary> for Written {
    fn from(v: Vocabulary) -> Written {
        Written {
            text: v.text,
            ends: v.ends,
            df: v.df,
        }
    }
}

impl Vocabulary {
    /// Builds the vocabulary from words and their document frequencies.
    /// Returns it with, for each input word, its id.
    pub fn build(words: Vec<(String, u32)>) -> (Vocabulary, Vec<u32>) {
        let mut order: Vec<u32> = (0..words.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (wa, da) = &words[a as usize];
            let (wb, db) = &words[b as usize];
            db.cmp(da).then_with(|| wa.cmp(wb))
        });
        let mut ids = vec![0u32; words.len()];
        let mut v = Vocabulary::default();
        for (id, &input) in order.iter().enumerate() {
            let (word, df) = &words[input as usize];
            ids[input as usize] = id as u32;
            v.text.push_str(word);
            v.ends.push(v.text.len() as u32);
            v.df.push(*df);
        }
        v.derive_orders();
        (v, ids)
    }

    /// The alphabetical and by-length orders of the words.
    fn derive_orders(&mut self) {
        let v = self;
        let n = v.ends.len() as u32;
        let mut alphabetical: Vec<u32> = (0..n).collect();
        alphabetical.sort_by(|&a, &b| v.word(a).cmp(v.word(b)));
        let mut by_length: Vec<u32> = (0..n).collect();
        by_length.sort_by_cached_key(|&w| (v.char_len(w), w));
        let shared = (0..alphabetical.len())
            .map(|k| match k {
                0 => 0,
                _ => {
                    let (a, b) = (v.word(alphabetical[k - 1]), v.word(alphabetical[k]));
                    let n = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
                    n.min(usize::from(u8::MAX)) as u8
                }
            })
            .collect();
        v.alphabetical = alphabetical;
        v.shared = shared;
        v.by_length = by_length;
        let mut starts = vec![0u32; MAX_BUCKET + 2];
        for &w in &v.by_length {
            starts[v.char_len(w) + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        v.length_starts = starts;
    }

    /// How many distinct words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The folded word with this id; empty for an unknown id.
    pub fn word(&self, id: u32) -> &str {
        let id = id as usize;
        let end = self.ends.get(id).copied().unwrap_or(0) as usize;
        let start = match id {
            0 => 0,
            _ => self.ends.get(id - 1).copied().unwrap_or(0) as usize,
        };
        self.text.get(start..end).unwrap_or("")
    }

    /// Units that contain the word.
    pub fn df(&self, id: u32) -> u32 {
        self.df.get(id as usize).copied().unwrap_or(0)
    }

    /// The id of a folded word, if the corpus has it.
    pub fn find(&self, word: &str) -> Option<u32> {
        self.alphabetical
            .binary_search_by(|&w| self.word(w).cmp(word))
            .ok()
            .map(|k| self.alphabetical[k])
    }

    /// All word ids in alphabetical order.
    pub fn alphabetical(&self) -> &[u32] {
        &self.alphabetical
    }

    /// For each word of [`Vocabulary::alphabetical`], the characters it
    /// shares with the one before.
    pub fn shared(&self) -> &[u8] {
        &self.shared
    }

    /// Ids of the words that start with `prefix`, the word itself included,
    /// in alphabetical order.
    pub fn with_prefix(&self, prefix: &str) -> &[u32] {
        let from = self
            .alphabetical
            .partition_point(|&w| self.word(w) < prefix);
        let len = self.alphabetical[from..].partition_point(|&w| self.word(w).starts_with(prefix));
        &self.alphabetical[from..from + len]
    }

    /// Ids of the words whose length in characters is within `min..=max`.
    pub fn of_length(&self, min: usize, max: usize) -> &[u32] {
        let bucket = |n: usize| n.min(MAX_BUCKET);
        let (lo, hi) = (bucket(min), bucket(max));
        if lo > hi {
            return &[];
        }
        let from = self.length_starts.get(lo).copied().unwrap_or(0) as usize;
        let to = self.length_starts.get(hi + 1).copied().unwrap_or(0) as usize;
        self.by_length.get(from..to).unwrap_or(&[])
    }

    fn char_len(&self, id: u32) -> usize {
        self.word(id).chars().count().min(MAX_BUCKET)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[(&str, u32)]) -> Vocabulary {
        Vocabulary::build(words.iter().map(|&(w, d)| (w.to_owned(), d)).collect()).0
    }

    #[test]
    fn the_most_frequent_word_gets_the_smallest_id() {
        let v = vocabulary(&[("rare", 1), ("the", 90), ("persons", 40)]);
        assert_eq!(v.word(0), "the");
        assert_eq!(v.word(1), "persons");
        assert_eq!(v.find("rare"), Some(2));
        assert_eq!(v.find("absent"), None);
    }

    #[test]
    fn a_prefix_gives_every_word_that_starts_with_it() {
        let v = vocabulary(&[("traffic", 1), ("trafficking", 5), ("tram", 1), ("to", 9)]);
        let got: Vec<&str> = v.with_prefix("traf").iter().map(|&w| v.word(w)).collect();
        assert_eq!(got, ["traffic", "trafficking"]);
        assert!(v.with_prefix("zz").is_empty());
    }

    #[test]
    fn the_vocabulary_reads_back_with_its_orders_derived_again() {
        let v = vocabulary(&[("traffic", 1), ("trafficking", 5), ("tram", 1), ("côte", 2)]);
        let bytes = postcard::to_allocvec(&v).expect("serializes");
        let back: Vocabulary = postcard::from_bytes(&bytes).expect("deserializes");
        assert_eq!(back, v);
    }

    #[test]
    fn words_can_be_taken_by_length() {
        let v = vocabulary(&[("a", 1), ("bb", 1), ("cc", 1), ("ddd", 1)]);
        let got: Vec<&str> = v.of_length(2, 3).iter().map(|&w| v.word(w)).collect();
        assert_eq!(got, ["bb", "cc", "ddd"]);
        assert!(v.of_length(3, 2).is_empty());
    }
}
