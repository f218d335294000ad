//! Word shingles: the features paragraphs are matched on when looking for
//! shared language.
//!
//! A shingle is a run of consecutive words, in lower case, punctuation and
//! labels left out, hashed to 64 bits. Two paragraphs that share shingles
//! share phrasing, not just vocabulary: "Member States" is in almost every
//! operative paragraph, "to prevent and combat trafficking" far fewer.
//!
//! The hash is FNV-1a over the UTF-8 of each lower-cased word, combined with
//! the SplitMix64 finaliser: the same on every platform and from build to
//! build, since similarity data computed when the web app is built is
//! queried with hashes computed in the browser.
//!
//! ```
//! use clause_explorer::shingles::shingles;
//! // Case and punctuation do not matter; the order of words does.
//! assert_eq!(shingles("Urges Member States,", 2), shingles("urges member states", 2));
//! assert_ne!(shingles("Urges Member States", 2), shingles("Urges States Member", 2));
//! // A text shorter than a shingle is one shingle.
//! assert_eq!(shingles("Urges", 3).len(), 1);
//! ```

use crate::diff::for_each_word;
use crate::model::{Paragraph, Subparagraph};

/// The sorted, distinct shingles of `n` words (`n` ≥ 1) of a text.
pub fn shingles(text: &str, n: usize) -> Vec<u64> {
    let mut words = Vec::new();
    push_word_hashes(text, &mut words);
    shingles_of(&words, n)
}

/// The sorted, distinct shingles of `n` words of a paragraph, sub-paragraphs
/// included.
pub fn paragraph_shingles(p: &Paragraph, n: usize) -> Vec<u64> {
    let mut words = Vec::new();
    push_paragraph_words(p, &mut words);
    shingles_of(&words, n)
}

/// Appends the word hashes of a paragraph and its sub-paragraphs.
pub(crate) fn push_paragraph_words(p: &Paragraph, out: &mut Vec<u64>) {
    for_each_text(p, |text| push_word_hashes(text, out));
}

/// Appends the word hashes of a sub-paragraph and its own sub-paragraphs.
pub(crate) fn push_subparagraph_words(s: &Subparagraph, out: &mut Vec<u64>) {
    push_word_hashes(&s.text.plain, out);
    for child in &s.subparagraphs {
        push_subparagraph_words(child, out);
    }
}

/// Calls `f` with the text of a paragraph, then of each sub-paragraph in
/// reading order.
pub(crate) fn for_each_text<'a>(p: &'a Paragraph, mut f: impl FnMut(&'a str)) {
    fn walk<'a>(subs: &'a [Subparagraph], f: &mut impl FnMut(&'a str)) {
        for s in subs {
            f(&s.text.plain);
            walk(&s.subparagraphs, f);
        }
    }
    f(&p.text.plain);
    walk(&p.subparagraphs, &mut f);
}

/// Appends the hash of each word of `text`, lower-cased.
pub(crate) fn push_word_hashes(text: &str, out: &mut Vec<u64>) {
    for_each_word(text, |word| out.push(word_hash(word)));
}

/// A word, hashed, with what its spelling says of its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub hash: u64,
    pub role: Role,
}

/// What a word's spelling says of its role in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Capitalised or a number, and not the first word of its text: part of
    /// a name ("Office", "Drugs", "2030").
    Capitalised,
    /// A short word that joins the words of a name ("of", "and", "against").
    Connector,
    /// Any other word.
    Plain,
}

/// Words that join the capitalised words of a name.
const CONNECTORS: [&str; 11] = [
    "against", "and", "at", "by", "for", "in", "of", "on", "the", "to", "with",
];

/// The hashes of the connectors, to recognise them by the hash every word
/// gets anyway.
const CONNECTOR_HASHES: [u64; CONNECTORS.len()] = {
    let mut out = [0; CONNECTORS.len()];
    let mut i = 0;
    while i < CONNECTORS.len() {
        out[i] = ascii_hash(CONNECTORS[i].as_bytes());
        i += 1;
    }
    out
};

/// Appends the words of `text` with their roles. The first word of the
/// text is capitalised by its place, so it counts as plain.
pub(crate) fn push_words(text: &str, out: &mut Vec<Word>) {
    let mut first = true;
    for_each_word(text, |word| {
        let hash = word_hash(word);
        let capital = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric());
        let role = if CONNECTOR_HASHES.contains(&hash) {
            Role::Connector
        } else if capital && !first {
            Role::Capitalised
        } else {
            Role::Plain
        };
        first = false;
        out.push(Word { hash, role });
    });
}

/// Whether a run of words reads as (part of) a name: only capitalised
/// words and connectors, at least one capitalised.
pub(crate) fn is_name(words: &[Word]) -> bool {
    words.iter().all(|w| w.role != Role::Plain) && words.iter().any(|w| w.role == Role::Capitalised)
}

/// The hash of the shingle made of these words.
pub(crate) fn shingle_hash(words: &[Word]) -> u64 {
    words
        .iter()
        .fold(SEED, |acc, w| mix(acc.rotate_left(23) ^ w.hash))
}

/// The sorted, distinct shingles of `n` words from word hashes. Fewer
/// words than `n` (but some) make one shingle.
pub(crate) fn shingles_of(words: &[u64], n: usize) -> Vec<u64> {
    let n = n.max(1);
    let mut out: Vec<u64> = if words.len() < n {
        if words.is_empty() {
            Vec::new()
        } else {
            vec![combine(words)]
        }
    } else {
        words.windows(n).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// The hash of a run of words.
fn combine(words: &[u64]) -> u64 {
    words
        .iter()
        .fold(SEED, |acc, &w| mix(acc.rotate_left(23) ^ w))
}

/// Where the hash of a shingle starts.
const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over the UTF-8 of the lower-cased word.
fn word_hash(word: &str) -> u64 {
    if word.is_ascii() {
        let mut h = FNV_OFFSET;
        for b in word.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(FNV_PRIME);
        }
        return h;
    }
    let mut h = FNV_OFFSET;
    let mut buf = [0; 4];
    for lower in word.chars().flat_map(char::to_lowercase) {
        for &b in lower.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

/// FNV-1a over bytes, lower-casing ASCII letters: [`word_hash`] of an
/// ASCII word, at compile time.
const fn ascii_hash(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i].to_ascii_lowercase() as u64;
        h = h.wrapping_mul(FNV_PRIME);
        i += 1;
    }
    h
}

/// The SplitMix64 finaliser: spreads every input bit over the output.
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The number of values two sorted, distinct lists share.
pub(crate) fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The Jaccard similarity of two sorted, distinct lists: shared over all
/// distinct. 0.0 when both are empty.
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    let common = shared(a, b);
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f32 / union as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_the_same_on_every_platform() {
        // Fixed values: the similarity index built natively is queried in
        // the browser.
        assert_eq!(word_hash("states"), 0xc50c_696d_6cf0_6e9f);
        assert_eq!(word_hash("États"), word_hash("états"));
        assert_eq!(word_hash("Against"), ascii_hash(b"against"));
        assert_eq!(
            shingles("Member States", 2),
            [combine(&[word_hash("member"), word_hash("states")])]
        );
    }

    #[test]
    fn a_run_of_capitalised_words_and_connectors_is_a_name() {
        let mut words = Vec::new();
        push_words(
            "Requests the United Nations Office on Drugs and Crime to assist Member States",
            &mut words,
        );
        let names: Vec<bool> = words.windows(2).map(is_name).collect();
        assert_eq!(
            names,
            // requests the | the united | united nations | nations office | office on |
            // on drugs | drugs and | and crime | crime to | to assist | assist member | member states
            [false, true, true, true, true, true, true, true, true, false, false, true]
        );
    }

    #[test]
    fn jaccard_counts_shared_shingles_over_all() {
        let a = shingles("to prevent and combat trafficking in persons", 3);
        let b = shingles("to prevent and combat trafficking in children", 3);
        // 5 shingles each, 4 shared.
        assert_eq!(jaccard(&a, &b), 4.0 / 6.0);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }
}
