//! Expanding a query word over the vocabulary: the word itself, the words
//! it begins (while it is being typed) and the words within a few typos.
//!
//! Prefixes come from the alphabetical order in one binary search. Typos
//! are found by scanning the words whose length is within reach with an
//! edit distance that gives up as soon as a row of the table exceeds the
//! allowance, which for most words is after two or three letters. The
//! distance counts a swap of two neighbouring letters as one edit
//! ("traffikcing"). A word still being typed may also carry a typo in what
//! is typed so far ("trafic" begins "trafficking" after one edit).

use super::vocabulary::Vocabulary;
use super::{MatchKind, Tuning};

/// Query words longer than this (in characters) are matched exactly or by
/// prefix only: no corpus word is that long by accident.
const MAX_TYPO_WORD: usize = 32;

/// A vocabulary word that a query word matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expansion {
    pub word: u32,
    pub kind: MatchKind,
    /// Edits between the query word and the word (or its prefix).
    pub typos: u8,
}

/// The words that `word` (folded) matches, best first: exact, then prefix
/// completions, then by number of typos; among equals, frequent first.
/// `typing` says the word is the one still being typed.
pub fn expand(
    vocabulary: &Vocabulary,
    word: &str,
    typing: bool,
    tuning: &Tuning,
) -> Vec<Expansion> {
    let mut out = Vec::new();
    if word.is_empty() {
        return out;
    }
    let exact = vocabulary.find(word);
    if let Some(id) = exact {
        out.push(Expansion {
            word: id,
            kind: MatchKind::Exact,
            typos: 0,
        });
    }
    if typing {
        let mut completions: Vec<u32> = vocabulary
            .with_prefix(word)
            .iter()
            .copied()
            .filter(|&w| Some(w) != exact)
            .collect();
        keep_most_frequent(&mut completions, tuning.max_prefix_expansions);
        out.extend(completions.into_iter().map(|w| Expansion {
            word: w,
            kind: MatchKind::Prefix,
            typos: 0,
        }));
    }
    let chars: Vec<char> = word.chars().collect();
    let allowed = tuning.typos_allowed(chars.len());
    if allowed > 0 && chars.len() <= MAX_TYPO_WORD {
        let mut typos = typo_matches(vocabulary, &chars, allowed, typing);
        typos.retain(|&(w, _)| !out.iter().any(|e| e.word == w));
        typos.sort_unstable_by_key(|&(w, d)| (d, w));
        typos.truncate(tuning.max_typo_expansions);
        out.extend(typos.into_iter().map(|(w, d)| Expansion {
            word: w,
            kind: MatchKind::Typo,
            typos: d,
        }));
    }
    out
}

/// The vocabulary words within `max_typos` edits of `word` (folded), with
/// their distance, nearest first and, among equals, most frequent first.
pub fn nearest(vocabulary: &Vocabulary, word: &str, max_typos: u8) -> Vec<(u32, u8)> {
    let chars: Vec<char> = word.chars().collect();
    if chars.is_empty() || chars.len() > MAX_TYPO_WORD {
        return Vec::new();
    }
    let mut found = typo_matches(vocabulary, &chars, max_typos, false);
    if let Some(w) = vocabulary.find(word) {
        found.push((w, 0));
    }
    found.sort_unstable_by_key(|&(w, d)| (d, w));
    found
}

/// Keeps the `max` most frequent words (ids are ranked by frequency), in
/// frequency order.
fn keep_most_frequent(words: &mut Vec<u32>, max: usize) {
    if words.len() > max {
        words.select_nth_unstable(max);
        words.truncate(max);
    }
    words.sort_unstable();
}

/// Words within `allowed` edits of `query`, or, when `typing`, whose
/// beginning is; with the number of edits, never 0.
fn typo_matches(
    vocabulary: &Vocabulary,
    query: &[char],
    allowed: u8,
    typing: bool,
) -> Vec<(u32, u8)> {
    let n = query.len();
    let a = usize::from(allowed);
    let max_len = if typing { usize::MAX } else { n + a };
    let mut table = Table::new(n);
    let mut out = Vec::new();
    for &w in vocabulary.of_length(n.saturating_sub(a), max_len) {
        let word = vocabulary.word(w);
        if let Some(d) = table.distance(query, word, allowed, typing) {
            if d > 0 {
                out.push((w, d));
            }
        }
    }
    out
}

/// Rows of the edit-distance table, kept between words.
struct Table {
    before: Vec<u32>,
    previous: Vec<u32>,
    current: Vec<u32>,
}

impl Table {
    fn new(n: usize) -> Self {
        Table {
            before: vec![0; n + 1],
            previous: vec![0; n + 1],
            current: vec![0; n + 1],
        }
    }

    /// The optimal-string-alignment distance between `query` and `word`
    /// (with `prefix`, between `query` and the closest beginning of
    /// `word`), if it is at most `max`.
    fn distance(&mut self, query: &[char], word: &str, max: u8, prefix: bool) -> Option<u8> {
        let n = query.len();
        let max = u32::from(max);
        for (i, cell) in self.previous.iter_mut().enumerate() {
            *cell = i as u32;
        }
        let mut best = if prefix { self.previous[n] } else { u32::MAX };
        let mut last = '\0';
        let mut j = 0u32;
        let mut gave_up = false;
        for c in word.chars() {
            j += 1;
            self.current[0] = j;
            let mut row_min = j;
            for i in 1..=n {
                let q = query[i - 1];
                let cost = u32::from(q != c);
                let mut v = (self.previous[i] + 1)
                    .min(self.current[i - 1] + 1)
                    .min(self.previous[i - 1] + cost);
                if i > 1 && j > 1 && q == last && query[i - 2] == c {
                    v = v.min(self.before[i - 2] + 1);
                }
                self.current[i] = v;
                row_min = row_min.min(v);
            }
            if prefix {
                best = best.min(self.current[n]);
            }
            if row_min > max {
                gave_up = true;
                break;
            }
            last = c;
            std::mem::swap(&mut self.before, &mut self.previous);
            std::mem::swap(&mut self.previous, &mut self.current);
        }
        if !prefix {
            // Unless the scan gave up, `previous` holds the last row.
            best = if gave_up { u32::MAX } else { self.previous[n] };
        }
        (best <= max).then_some(best as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(query: &str, word: &str, max: u8, prefix: bool) -> Option<u8> {
        let q: Vec<char> = query.chars().collect();
        Table::new(q.len()).distance(&q, word, max, prefix)
    }

    fn vocabulary(words: &[(&str, u32)]) -> Vocabulary {
        Vocabulary::build(words.iter().map(|&(w, d)| (w.to_owned(), d)).collect()).0
    }

    fn expanded(v: &Vocabulary, word: &str, typing: bool) -> Vec<(String, MatchKind, u8)> {
        expand(v, word, typing, &Tuning::DEFAULT)
            .into_iter()
            .map(|e| (v.word(e.word).to_owned(), e.kind, e.typos))
            .collect()
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_substitutions_and_swaps() {
        assert_eq!(distance("trafficing", "trafficking", 2, false), Some(1));
        assert_eq!(distance("trafficking", "trafficing", 2, false), Some(1));
        assert_eq!(distance("traffikcing", "trafficking", 2, false), Some(1));
        assert_eq!(distance("persons", "persona", 1, false), Some(1));
        assert_eq!(distance("persons", "parsonx", 1, false), None);
        assert_eq!(distance("abc", "abc", 0, false), Some(0));
    }

    #[test]
    fn a_prefix_distance_measures_against_the_closest_beginning() {
        assert_eq!(distance("trafic", "trafficking", 1, true), Some(1));
        assert_eq!(distance("traf", "trafficking", 1, true), Some(0));
        assert_eq!(distance("xyzq", "trafficking", 1, true), None);
    }

    #[test]
    fn short_words_allow_no_typo_and_long_words_two() {
        let v = vocabulary(&[("law", 5), ("lay", 5), ("trafficking", 9), ("criminal", 4)]);
        assert_eq!(expanded(&v, "lax", false), []);
        assert_eq!(
            expanded(&v, "trafiking", false),
            [("trafficking".to_owned(), MatchKind::Typo, 2)]
        );
        assert_eq!(
            expanded(&v, "crminal", false),
            [("criminal".to_owned(), MatchKind::Typo, 1)]
        );
    }

    #[test]
    fn the_word_being_typed_expands_to_its_completions_after_itself() {
        let v = vocabulary(&[("ratify", 1), ("ratifying", 3), ("ratification", 2)]);
        assert_eq!(
            expanded(&v, "ratify", true),
            [
                ("ratify".to_owned(), MatchKind::Exact, 0),
                ("ratifying".to_owned(), MatchKind::Prefix, 0),
                ("ratification".to_owned(), MatchKind::Typo, 1),
            ]
        );
    }
}
